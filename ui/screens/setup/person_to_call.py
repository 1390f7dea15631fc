"""One person to call in a hard moment, typed on a screen of its own during the first run.

The safety step lists the people (a button each, and "Add a person to call"); three rows of
three boxes did not fit beside the crisis lines' region at 200% text, so each person gets this
screen: a name, a phone number and who they are, each box with its words beside it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from companion.i18n import N_, _
from companion.setup.flow import SetupError
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

Person = tuple[str, str, str]  # name, phone, who they are
FIELDS = (N_("Name"), N_("Phone number"), N_("Who they are"))


class PersonToCallScreen(Screen):
    """Person `number` (1 to 3): Save keeps them (both boxes empty: nobody), Remove drops them."""

    screen_id = "setup_person_to_call"

    def __init__(
        self,
        ctx: AppContext,
        number: int,
        person: Person | None,
        keep: Callable[[Person | None], None],
    ) -> None:
        super().__init__(ctx)
        self.number = number
        self._keep = keep
        self.set_title(lambda: _("Person {n} to call").format(n=self.number))
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(1, 2)
        self.boxes: list[QLineEdit] = []
        self.labels: list[QLabel] = []
        for row, words in enumerate(FIELDS):
            label = QLabel(_(words))
            label.setWordWrap(True)
            field = QLineEdit(person[row] if person is not None else "")
            field.setMaxLength(80)
            label.setBuddy(field)
            field.returnPressed.connect(self.save)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
            self.boxes.append(field)
            self.labels.append(label)
        self.add_widget(box)
        self.status = self.add_text(lambda: "", notice=True)
        self.status.hide()
        self.save_button = self.add_choice(BigButton(lambda: _("Save"), "check"))
        self.save_button.clicked.connect(self.save)
        self.remove_button: BigButton | None = None
        if person is not None:
            self.remove_button = self.add_choice(BigButton(lambda: _("Remove"), "delete"))
            self.remove_button.clicked.connect(self.remove)
        self.finish_layout()
        self.retranslate()

    def person(self) -> Person:
        name, phone, relation = (box.text().strip() for box in self.boxes)
        return name, phone, relation

    def save(self) -> None:
        try:
            self._keep(self.person())
        except SetupError as exc:
            self.status.setText(str(exc))
            self.status.show()
            self.setAccessibleDescription(str(exc))
            if self.ctx.speech.available:
                self.ctx.speech.say(str(exc))
            return
        self.ctx.nav().back()

    def remove(self) -> None:
        self._keep(None)
        self.ctx.nav().back()

    def choices(self) -> list[QWidget]:
        return [*self.boxes, *super().choices()]

    def retranslate(self) -> None:
        super().retranslate()
        for label, field, words in zip(self.labels, self.boxes, FIELDS, strict=True):
            label.setText(_(words))
            field.setAccessibleName(_("Person {n}: {field}").format(n=self.number, field=_(words)))

    def on_shown(self) -> None:
        super().on_shown()
        self.boxes[0].setFocus()
