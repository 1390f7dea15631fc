"""The first run's richer steps: how to lock (and the PIN typed twice), helpers, and extras."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from functools import partial

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from companion.i18n import _
from companion.safety.crisis import MAX_EMERGENCY_CONTACTS, EmergencyContact, localized
from companion.security import LockKind, new_recovery_code
from companion.setup.flow import LOCK_WORDS, lock_sentence
from companion.when_words import clock_words
from ui.context import AppContext
from ui.screens.setup.flow import FirstRun, SetupStepScreen
from ui.screens.setup.no_pin_check import NoPinCheckScreen
from ui.screens.setup.person_to_call import Person, PersonToCallScreen
from ui.widgets.big_button import BigButton
from ui.widgets.choice_grid import OFF_PAGE
from ui.widgets.fit import RoomSaver

SIDE_BY_SIDE_CHARS = 16
SECRET_LINE_CHARS = 14  # "Montrer ce que" / "je tape"  # "Un NIP de 6" / "chiffres ou plus"
MORNING = time(10, 0)
EVENING = time(18, 0)


class LockStepScreen(SetupStepScreen):
    """The ways to lock, each with what it means in one sentence; choosing one goes on."""

    has_next = False

    def build(self) -> None:
        self.kinds: dict[LockKind, BigButton] = {}
        people = self.ctx.parts.people
        no_keyring = people is not None and people.uses_fallback_file()
        self.no_keyring = no_keyring
        for kind in self.run.flow.lock_choices():
            warning = no_keyring and kind == "none"  # asked again on a screen of its own
            self.add_text(
                partial(_lock_line, kind, no_keyring=no_keyring),
                notice=warning,
                explain=True,  # each way's sentence folds behind "Tell me more"
            )
            button = self.add_choice(
                BigButton(
                    partial(_, LOCK_WORDS[kind]),
                    "lock",
                    checkable=True,
                    description_fn=partial(lock_sentence, kind, no_keyring=no_keyring),
                )
            )
            button.setChecked(self.run.flow.answers.lock == kind)
            button.clicked.connect(partial(self.choose, kind))
            self.kinds[kind] = button
        self.may_page = False  # a way to lock on another page would be a choice made for them
        # Four ways, Back, Later and Tell me more at 200% leave no line for "Step 6 of 8":
        # where room is short it folds with the ways' sentences (Tell me more shows it again).
        self._explanations.insert(0, (self.where_label, self._where))

    def _no_pin(self) -> None:
        self.run.flow.set_lock("none", "", "", None)
        self.run.go_on(self.index)

    def step_savers(self) -> list[RoomSaver]:
        # Never paged: where even two by two is too tall, Back, Later and Tell me more lose
        # their icons to stay in one row.
        return [self._ways_side_by_side, self.step_row.without_icons]

    def fold_explanations(self, on: bool) -> None:
        """ "Tell me more" joins Back and Do this later (this step has no Next): the room
        below the four ways is what they need."""
        super().fold_explanations(on)
        more = self.tell_more_button
        if more is not None and more in self.grid.items():
            self.grid.set_items([w for w in self.grid.items() if w is not more])
            self.step_row.add(more)

    def _ways_side_by_side(self, on: bool) -> None:
        """Room saver: the ways' words on shorter lines, without the same lock drawn on each,
        so two ways sit side by side (never paged: all four are seen at once)."""
        for button in self.kinds.values():
            button.set_line_chars(SIDE_BY_SIDE_CHARS if on else 24)
            button.set_icon_name(None if on else "lock")
            if on:
                button.setIcon(QIcon())

    def choose(self, kind: LockKind) -> None:
        for other, button in self.kinds.items():
            button.setChecked(other == kind)
        if kind == "none" and self.no_keyring:  # what it means here, read before it counts
            self.run.pushed += 1
            self.ctx.nav().push(NoPinCheckScreen(self.ctx, self._no_pin))
            return
        if kind == "none":
            self._no_pin()
            return
        self.run.pushed += 1
        self.ctx.nav().push(SecretStepScreen(self.ctx, self.run, self.index, kind))


class SecretStepScreen(SetupStepScreen):
    """The PIN or words, typed twice (shown if wanted), and an optional recovery code."""

    def __init__(self, ctx: AppContext, run: FirstRun, index: int, kind: LockKind) -> None:
        self.kind = kind
        self.recovery_code: str | None = None
        super().__init__(ctx, run, index)
        self.set_title(self._question)
        self.setObjectName("setup_secret")

    def _question(self) -> str:
        if self.kind == "passphrase":
            return _("Choose words you will remember")
        return _("Choose your PIN")

    def build(self) -> None:
        self.add_text(lambda: lock_sentence(self.kind), explain=True)
        # The two boxes side by side, each with its words above: stacked, they and their
        # words took the room of Show what I type, Next and Back at 200%.
        boxes = QWidget()
        self.box_grid = QGridLayout(boxes)
        self.box_grid.setContentsMargins(0, 0, 0, 0)
        self.box_grid.setHorizontalSpacing(16)
        self.box_labels: list[tuple[QLabel, Callable[[], str]]] = []
        self.first = self._box(lambda: _("Type it here"), 0)
        self.again = self._box(lambda: _("Type it again"), 1)
        self.add_widget(boxes)
        self.code_label = self.add_text(self._code_text, notice=True, explain=True)
        self.code_label.hide()
        self.show_button = self.add_choice(BigButton(lambda: _("Show what I type"), checkable=True))
        self.show_button.toggled.connect(self._show_typing)
        self.code_button = self.add_choice(
            BigButton(lambda: _("Make a recovery code"), "check", checkable=True)
        )
        self.code_button.toggled.connect(self._toggle_code)
        self._explanations.insert(0, (self.where_label, self._where))  # as on the ways to lock

    def step_savers(self) -> list[RoomSaver]:
        return [self._short_lines]

    def _short_lines(self, on: bool) -> None:
        """Room saver: Show what I type and Make a recovery code on two lines, side by side."""
        for button in (self.show_button, self.code_button):
            button.set_line_chars(SECRET_LINE_CHARS if on else 24)

    def _box(self, name: Callable[[], str], column: int) -> QLineEdit:
        label = QLabel(name())
        label.setWordWrap(True)
        box = QLineEdit()
        box.setEchoMode(QLineEdit.EchoMode.Password)
        box.setAccessibleName(name())
        label.setBuddy(box)
        box.returnPressed.connect(self.next)
        self.box_grid.addWidget(label, 0, column)
        self.box_grid.addWidget(box, 1, column)
        self.box_labels.append((label, name))
        self.fields.append(box)
        return box

    def _code_text(self) -> str:
        if not self.recovery_code:
            return ""
        return _(
            "A recovery code will be made. It opens your notes if the PIN is forgotten, "
            "so you will see it alone, at the end."
        )

    def _show_typing(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.again.setEchoMode(mode)

    def _toggle_code(self, wanted: bool) -> None:
        self.recovery_code = new_recovery_code() if wanted else None
        self.code_label.setText(self._code_text())
        self.code_label.setVisible(wanted)
        self.fit()  # the sentence may fold behind Tell me more where room is short

    def keep_answer(self) -> None:
        first, again = self.first.text(), self.again.text()
        if self.kind != "passphrase":  # a pasted PIN may bring spaces along
            first, again = "".join(first.split()), "".join(again.split())
        self.run.flow.set_lock(self.kind, first, again, self.recovery_code)

    def retranslate(self) -> None:
        super().retranslate()
        for (label, name), box in zip(self.box_labels, self.fields, strict=True):
            label.setText(name())
            box.setAccessibleName(name())


class SafetyStepScreen(SetupStepScreen):
    """Where I live (for the crisis lines) and up to three people to call, a button each: a
    person is typed on a screen of their own (three rows of boxes did not fit at 200%)."""

    def build(self) -> None:
        self.region_button = self.add_choice(BigButton(self._region_words, "language"))
        self.region_button.clicked.connect(self._pick_region)
        self.people: list[Person] = [
            (c.name, c.phone, c.relation) for c in self.run.flow.answers.contacts
        ]
        self.person_buttons: list[BigButton] = []
        for index in range(MAX_EMERGENCY_CONTACTS):
            button = self.add_choice(BigButton(partial(self._person_words, index), "phone"))
            button.clicked.connect(partial(self._open_person, index))
            self.person_buttons.append(button)
        self.add_button = self.add_choice(BigButton(lambda: _("Add a person to call"), "plus"))
        self.add_button.clicked.connect(lambda: self._open_person(len(self.people)))
        self._read = True
        self._read_failed = False  # what was kept is unknown: the people typed are added to it
        self._next_waiting = False
        session = self.ctx.session
        if not self.people and session is not None:
            self._read = False  # the people kept so far, read off the UI thread
            contacts = session.contacts
            self.ctx.runner.run(contacts.contacts, self._fill, self._not_read, parent=self)
        self._sync_people()

    def _fill(self, existing: list[EmergencyContact]) -> None:
        if not self.people:  # a person typed meanwhile is kept
            self.people = [(c.name, c.phone, c.relation) for c in existing]
        self._read = True
        self._sync_people()
        if self._next_waiting:
            self.next()

    def _not_read(self, _error: Exception) -> None:
        self._read_failed = True  # logged by the runner; nobody kept is dropped by this step
        self._fill([])

    def _sync_people(self) -> None:
        for index, button in enumerate(self.person_buttons):
            button.setVisible(index < len(self.people))
            button.retranslate()
        self.add_button.setVisible(len(self.people) < MAX_EMERGENCY_CONTACTS)
        if self.isVisible():
            self.fit()

    def _person_words(self, index: int) -> str:
        if index >= len(self.people):
            return ""
        name, phone, relation = self.people[index]
        relation = f" ({relation})" if relation else ""
        phone = phone.replace(" ", "\u00a0")  # a number never breaks over two lines
        return f"{name}{relation}: {phone}"  # as the summary page writes it

    def _open_person(self, index: int) -> None:
        person = self.people[index] if index < len(self.people) else None
        self.ctx.nav().push(
            PersonToCallScreen(self.ctx, index + 1, person, partial(self._keep_person, index))
        )

    def _keep_person(self, index: int, person: Person | None) -> None:
        """Save (checked by the flow's own rule first) or Remove one person."""
        people = list(self.people)
        if person is None or not (person[0] or person[1]):
            del people[index : index + 1]
        elif index < len(people):
            people[index] = person
        else:
            people.append(person)
        region = self.ctx.settings.get("region")
        self.run.flow.set_safety(region, people, replace=not self._read_failed)  # SetupError: stay
        self.people = people
        self._sync_people()

    def _region_words(self) -> str:
        region = self.ctx.crisis.region(self.ctx.settings.get("region"))
        return _("Where I live: {region}").format(
            region=localized(region.name, self.ctx.language())
        )

    def _pick_region(self) -> None:
        self.ctx.nav().open("help_now.region")

    def choices(self) -> list[QWidget]:
        return [w for w in super().choices() if not w.isHidden() or w.property(OFF_PAGE)]

    def on_shown(self) -> None:
        super().on_shown()
        self.region_button.retranslate()  # back from choosing the region

    def next(self) -> None:
        if not self._read:  # pressed before the people kept so far were read: right after
            self._next_waiting = True
            return
        self._next_waiting = False
        super().next()

    def keep_answer(self) -> None:
        region = self.ctx.settings.get("region")
        self.run.flow.set_safety(region, self.people, replace=not self._read_failed)


class ExtrasStepScreen(SetupStepScreen):
    """A daily reminder (morning or evening, or none) and, if wanted, the first video session."""

    def build(self) -> None:
        chosen = self.run.flow.answers.reminder_time
        self.morning = self.add_choice(
            BigButton(
                lambda: _("Remind me each morning, at {time}").format(time=clock_words(MORNING)),
                "mood",
                checkable=True,
            )
        )
        self.evening = self.add_choice(
            BigButton(
                lambda: _("Remind me each evening, at {time}").format(time=clock_words(EVENING)),
                "mood",
                checkable=True,
            )
        )
        self.morning.setChecked(chosen == MORNING)
        self.evening.setChecked(chosen == EVENING)
        self.morning.toggled.connect(partial(self._reminder, self.morning, self.evening))
        self.evening.toggled.connect(partial(self._reminder, self.evening, self.morning))
        self.session_button = self.add_choice(
            BigButton(lambda: _("Add my first video session"), "sessions", checkable=True)
        )
        self.session_button.setChecked(self.run.flow.answers.wants_first_session)

    def _reminder(self, pressed: BigButton, other: BigButton, on: bool) -> None:
        if on and other.isChecked():
            other.setChecked(False)

    def keep_answer(self) -> None:
        at = MORNING if self.morning.isChecked() else EVENING if self.evening.isChecked() else None
        self.run.flow.set_extras(at, self.session_button.isChecked())


def _lock_line(kind: LockKind, *, no_keyring: bool) -> str:
    return f"{_(LOCK_WORDS[kind])}: {lock_sentence(kind, no_keyring=no_keyring)}"
