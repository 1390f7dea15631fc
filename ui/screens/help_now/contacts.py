"""People to call: up to three emergency contacts, shown on Get help now."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from companion.i18n import _
from companion.safety.crisis import MAX_EMERGENCY_CONTACTS, ContactsStore, EmergencyContact
from ui.context import AppContext
from ui.runner import failure_sentence
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


class ContactsScreen(Screen):
    """Three rows of name, number and who they are; where room is short (larger text), one
    person at a time, with "Next person" to the others (what was typed stays)."""

    screen_id = "contacts"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("People to call"))
        self.add_text(
            lambda: _(
                "Add up to three people you trust. Their names and numbers show on Get help now."
            ),
            explain=True,
        )
        self.rows: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        self.boxes: list[QWidget] = []
        for index in range(MAX_EMERGENCY_CONTACTS):
            box = QWidget()
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(16)
            grid.setVerticalSpacing(8)
            fields = (QLineEdit(), QLineEdit(), QLineEdit())
            # The example goes inside the box, so the three words above stay short.
            fields[2].setPlaceholderText(_("for example: daughter"))
            names = (_("Name"), _("Phone number"), _("Who they are"))
            for column, (field, name) in enumerate(zip(fields, names, strict=True)):
                label = QLabel(f"{name}")
                label.setWordWrap(True)
                label.setBuddy(field)
                field.setAccessibleName(_("Person {n}: {field}").format(n=index + 1, field=name))
                grid.addWidget(label, 0, column)
                grid.addWidget(field, 1, column)
            self.add_widget(box)
            self.rows.append(fields)
            self.boxes.append(box)
        self.status = self.add_text(lambda: "")
        self.status.hide()  # until there is something to say: no empty line to make room for
        self.save_button = self.add_choice(BigButton(lambda: _("Save"), "check"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)  # until the saved people are read, nothing is lost
        self.one_at_a_time = False
        self.person = 0  # the one shown, one at a time
        self.next_person_button = self.add_choice(
            BigButton(self._next_person_words, "next", description_fn=self._place_words)
        )
        self.next_person_button.clicked.connect(self.next_person)
        self.next_person_button.hide()
        self.finish_layout()
        ctx.runner.run(self._store().contacts, self._fill, parent=self)

    # --- one person at a time, where room is short ----------------------------------------
    def room_savers(self) -> list[Callable[[bool], None]]:
        return [*super().room_savers(), self._show_one_at_a_time]

    def _show_one_at_a_time(self, on: bool) -> None:
        self.one_at_a_time = on
        for index, box in enumerate(self.boxes):
            box.setVisible(not on or index == self.person)
        self.next_person_button.setVisible(on)
        self.next_person_button.retranslate()

    def _next_person_words(self) -> str:
        """Where the button goes, in words: "Next person (2 of 3)", from the last "First person
        (1 of 3)"."""
        count = len(self.rows)
        number = (self.person + 1) % count + 1
        if number == 1:
            return _("First person ({number} of {count})").format(number=number, count=count)
        return _("Next person ({number} of {count})").format(number=number, count=count)

    def _place_words(self) -> str:
        return _("Person {number} of {count}").format(number=self.person + 1, count=len(self.rows))

    def next_person(self) -> None:
        """The next person's boxes (from the last, the first's), their name box focused."""
        self.person = (self.person + 1) % len(self.rows)
        self._show_one_at_a_time(True)
        self.fit()
        self.rows[self.person][0].setFocus()

    def _fill(self, existing: list[EmergencyContact]) -> None:
        """The people kept so far, once the runner has read them (rows typed meanwhile stay)."""
        for fields, person in zip(self.rows, existing, strict=False):
            if not any(field.text() for field in fields):
                fields[0].setText(person.name)
                fields[1].setText(person.phone)
                fields[2].setText(person.relation)
        self.save_button.setEnabled(True)

    def choices(self) -> list[QWidget]:
        shown = [
            row for row, box in zip(self.rows, self.boxes, strict=True) if box.isVisibleTo(self)
        ]
        fields: list[QWidget] = [field for row in shown or self.rows for field in row]
        more = [self.next_person_button] if self.one_at_a_time else []
        told = [self.tell_more_button] if self.tell_more_button is not None else []
        return [*fields, self.save_button, *more, *[b for b in told if b.isVisibleTo(self)]]

    def _store(self) -> ContactsStore:
        session = self.ctx.session
        store: ContactsStore = session.contacts if session is not None else self.ctx.contacts
        return store

    def save(self) -> None:
        people = []
        for index, (name_field, phone_field, relation_field) in enumerate(self.rows):
            name, phone = name_field.text().strip(), phone_field.text().strip()
            if not name and not phone:
                continue
            if not name or not phone:
                if self.one_at_a_time:  # show the person whose name or number is missing
                    self.person = index
                    self._show_one_at_a_time(True)
                self._say(
                    _(
                        "Please give both a name and a phone number for each "
                        "person. Nothing was changed."
                    )
                )
                return
            people.append(EmergencyContact(name, phone, relation_field.text().strip()))
        store = self._store()
        self.ctx.runner.run(
            lambda: store.set_contacts(people),
            lambda _none: self._say(_("Saved. They will show on Get help now.")),
            lambda _error: self._say(failure_sentence()),
            parent=self,
        )

    def _say(self, sentence: str) -> None:
        """One sentence under the boxes (what saving did, or what is missing)."""
        self.status.setText(sentence)
        self.status.show()
        self.fit()
