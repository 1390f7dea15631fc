"""People to call: up to three emergency contacts, shown on Get help now."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from companion.i18n import _
from companion.safety.crisis import MAX_EMERGENCY_CONTACTS, ContactsStore, EmergencyContact
from ui.context import AppContext
from ui.runner import failure_sentence
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


class ContactsScreen(Screen):
    screen_id = "contacts"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("People to call"))
        self.add_text(
            lambda: _(
                "Add up to three people you trust. Their names and numbers show on Get help now."
            )
        )
        self.rows: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        self._row_labels: list[QLabel] = []
        for index in range(MAX_EMERGENCY_CONTACTS):
            box = QWidget()
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(16)
            grid.setVerticalSpacing(8)
            fields = (QLineEdit(), QLineEdit(), QLineEdit())
            names = (_("Name"), _("Phone number"), _("Who they are (for example: daughter)"))
            for column, (field, name) in enumerate(zip(fields, names, strict=True)):
                label = QLabel(f"{name}")
                label.setWordWrap(True)
                label.setBuddy(field)
                field.setAccessibleName(_("Person {n}: {field}").format(n=index + 1, field=name))
                grid.addWidget(label, 0, column)
                grid.addWidget(field, 1, column)
            self.add_widget(box)
            self.rows.append(fields)
        self.status = self.add_text(lambda: "")
        self.save_button = self.add_choice(BigButton(lambda: _("Save"), "check"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)  # until the saved people are read, nothing is lost
        self.finish_layout()
        ctx.runner.run(self._store().contacts, self._fill, parent=self)

    def _fill(self, existing: list[EmergencyContact]) -> None:
        """The people kept so far, once the runner has read them (rows typed meanwhile stay)."""
        for fields, person in zip(self.rows, existing, strict=False):
            if not any(field.text() for field in fields):
                fields[0].setText(person.name)
                fields[1].setText(person.phone)
                fields[2].setText(person.relation)
        self.save_button.setEnabled(True)

    def choices(self) -> list[QWidget]:
        fields: list[QWidget] = [field for row in self.rows for field in row]
        return [*fields, self.save_button]

    def _store(self) -> ContactsStore:
        session = self.ctx.session
        store: ContactsStore = session.contacts if session is not None else self.ctx.contacts
        return store

    def save(self) -> None:
        people = []
        for name_field, phone_field, relation_field in self.rows:
            name, phone = name_field.text().strip(), phone_field.text().strip()
            if not name and not phone:
                continue
            if not name or not phone:
                self.status.setText(
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
            lambda _none: self.status.setText(_("Saved. They will show on Get help now.")),
            lambda _error: self.status.setText(failure_sentence()),
            parent=self,
        )
