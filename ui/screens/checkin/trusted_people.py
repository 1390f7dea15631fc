"""Talk to someone I trust: the person's own people and their numbers, offered after a result
that worries (a self-harm answer). The person makes the call; Companion calls no one.

The people are read on the runner: the screen shows at once with a short "Looking for your
people..." and fills in when they are read.
"""

from __future__ import annotations

from companion.i18n import _
from companion.safety.crisis import ContactsStore, EmergencyContact
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


def contact_line(person: EmergencyContact) -> str:
    """ "Louise (my sister): 514 555 0199", one person a line."""
    if person.relation:
        return f"{person.name} ({person.relation}): {person.phone}"
    return f"{person.name}: {person.phone}"


class TrustedPeopleScreen(Screen):
    screen_id = "trusted_people"
    is_step = True

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.people: list[EmergencyContact] | None = None  # None until they are read
        self.failed = False
        self.set_title(lambda: _("Talk to someone I trust"))
        self.status = self.add_text(self._status_words)
        # Where room is short, the people and their numbers come first; why, behind Tell me more.
        self.add_text(
            lambda: (
                _("Talking with someone you trust can help. You could call:") if self.people else ""
            ),
            explain=True,
        )
        # One box, one person a line: each line is read as its own sentence.
        self.people_label = self.add_text(
            lambda: "\n".join(contact_line(p) for p in self.people or ()), notice=True
        )
        self.none_yet = self.add_text(
            lambda: (
                _(
                    "You have not added people to call yet. Think of someone you trust: "
                    "a friend, a family member, a neighbour or your doctor."
                )
                if self.people == []
                else ""
            )
        )
        self.add_text(
            lambda: _("Companion does not call anyone for you. You make the call."), explain=True
        )
        self.help_button = self.add_choice(BigButton(lambda: _("Get help now"), "help-now"))
        self.help_button.clicked.connect(lambda: self.ctx.nav().show_help_now())
        self.add_people = self.add_choice(BigButton(lambda: _("Add people to call"), "plus"))
        self.add_people.clicked.connect(self._add_people)
        self.finish_layout()
        self._show_what_is_known()
        ctx.runner.run(self._store().contacts, self._fill, self._failed, parent=self)

    def _status_words(self) -> str:
        if self.failed:
            return _("Your people could not be read just now. Please try again later.")
        return _("Looking for your people...") if self.people is None else ""

    def _store(self) -> ContactsStore:
        return self.ctx.session.contacts if self.ctx.session is not None else self.ctx.contacts

    def _fill(self, people: list[EmergencyContact]) -> None:
        self.people = list(people)
        self.retranslate()  # every text again from what is known now (and fit again)
        self._show_what_is_known()

    def _failed(self, _error: Exception) -> None:
        self.failed = True
        self.retranslate()
        self._show_what_is_known()

    def _show_what_is_known(self) -> None:
        """A label with no words takes no room (a folded explanation stays folded)."""
        for label in (self.status, self.people_label, self.none_yet):
            label.setVisible(bool(label.text()))
        self.fit()
        self.setAccessibleDescription(self.body_text())

    def _add_people(self) -> None:
        self.ctx.nav().open("help_now.contacts")
