"""Talk to someone I trust: the person's own people and their numbers, offered after a result
that worries (a self-harm answer). The person makes the call; Companion calls no one."""

from __future__ import annotations

from functools import partial

from companion.i18n import _
from companion.safety.crisis import ContactsStore
from ui.context import AppContext
from ui.runner import storage_on_ui_thread_for_now
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


class TrustedPeopleScreen(Screen):
    screen_id = "trusted_people"
    is_step = True

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Talk to someone I trust"))
        with storage_on_ui_thread_for_now("checkin.trusted_people"):
            people = self._store().contacts()
        if people:
            self.add_text(lambda: _("Talking with someone you trust can help. You could call:"))
            for person in people:
                line = (
                    f"{person.name} ({person.relation}): {person.phone}"
                    if person.relation
                    else f"{person.name}: {person.phone}"
                )
                self.add_text(partial(str, line), notice=True)
        else:
            self.add_text(
                lambda: _(
                    "You have not added people to call yet. Think of someone you trust: "
                    "a friend, a family member, a neighbour or your doctor."
                )
            )
        self.add_text(lambda: _("Companion does not call anyone for you. You make the call."))
        self.help_button = self.add_choice(BigButton(lambda: _("Get help now"), "help-now"))
        self.help_button.clicked.connect(lambda: self.ctx.nav().show_help_now())
        self.add_people = self.add_choice(BigButton(lambda: _("Add people to call"), "plus"))
        self.add_people.clicked.connect(self._add_people)
        self.finish_layout()

    def _store(self) -> ContactsStore:
        return self.ctx.session.contacts if self.ctx.session is not None else self.ctx.contacts

    def _add_people(self) -> None:
        self.ctx.nav().open("help_now.contacts")
