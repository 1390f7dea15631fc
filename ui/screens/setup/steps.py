"""The first run's richer steps: how to lock (and the PIN typed twice), helpers, and extras."""

from __future__ import annotations

from datetime import time
from functools import partial

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from companion.i18n import _
from companion.safety.crisis import MAX_EMERGENCY_CONTACTS, localized
from companion.security import LockKind, new_recovery_code
from companion.setup.flow import LOCK_WORDS, lock_sentence
from companion.when_words import clock_words
from ui.context import AppContext
from ui.screens.setup.flow import FirstRun, SetupStepScreen
from ui.widgets.big_button import BigButton

MORNING = time(10, 0)
EVENING = time(18, 0)


class LockStepScreen(SetupStepScreen):
    """The ways to lock, each with what it means in one sentence; choosing one goes on."""

    has_next = False

    def build(self) -> None:
        self.kinds: dict[LockKind, BigButton] = {}
        people = self.ctx.services.get("people")
        no_keyring = people is not None and people.uses_fallback_file()
        for kind in self.run.flow.lock_choices():
            warning = no_keyring and kind == "none"  # never folded away
            self.add_text(
                lambda k=kind: f"{_(LOCK_WORDS[k])}: {lock_sentence(k, no_keyring=no_keyring)}",
                notice=warning,
                explain=not warning,  # each way's sentence folds behind "Tell me more"
            )
            button = self.add_choice(
                BigButton(
                    lambda k=kind: _(LOCK_WORDS[k]),
                    "lock",
                    checkable=True,
                    description_fn=lambda k=kind: lock_sentence(k, no_keyring=no_keyring),
                )
            )
            button.setChecked(self.run.flow.answers.lock == kind)
            button.clicked.connect(partial(self.choose, kind))
            self.kinds[kind] = button
        self.may_page = False  # a way to lock on another page would be a choice made for them

    def choose(self, kind: LockKind) -> None:
        for other, button in self.kinds.items():
            button.setChecked(other == kind)
        if kind == "none":
            self.run.flow.set_lock("none", "", "", None)
            self.run.go_on(self.index)
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
            return _("Choose a few words you will remember")
        return _("Choose your PIN")

    def build(self) -> None:
        self.add_text(lambda: lock_sentence(self.kind))
        self.first = self._box(lambda: _("Type it here"))
        self.again = self._box(lambda: _("Type it again"))
        self.code_label = self.add_text(self._code_text, notice=True)
        self.code_label.hide()
        self.show_button = self.add_choice(BigButton(lambda: _("Show what I type"), checkable=True))
        self.show_button.toggled.connect(self._show_typing)
        self.code_button = self.add_choice(
            BigButton(lambda: _("Make a recovery code"), "check", checkable=True)
        )
        self.code_button.toggled.connect(self._toggle_code)

    def _box(self, name: object) -> QLineEdit:
        label = QLabel(name())  # type: ignore[operator]
        label.setWordWrap(True)
        box = QLineEdit()
        box.setEchoMode(QLineEdit.EchoMode.Password)
        box.setAccessibleName(name())  # type: ignore[operator]
        label.setBuddy(box)
        box.returnPressed.connect(self.next)
        self.add_widget(label)
        self.add_widget(box)
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

    def keep_answer(self) -> None:
        first, again = self.first.text(), self.again.text()
        if self.kind != "passphrase":  # a pasted PIN may bring spaces along
            first, again = "".join(first.split()), "".join(again.split())
        self.run.flow.set_lock(self.kind, first, again, self.recovery_code)

    def retranslate(self) -> None:
        super().retranslate()
        self.first.setAccessibleName(_("Type it here"))
        self.again.setAccessibleName(_("Type it again"))


class SafetyStepScreen(SetupStepScreen):
    """Where I live (for the crisis lines) and up to three people to call."""

    def build(self) -> None:
        # Above the people, in reading order (not in the grid of Back / Later / Next below).
        self.region_button = BigButton(self._region_words, "language")
        self.region_button.clicked.connect(self._pick_region)
        self.add_widget(self.region_button)
        existing = list(self.run.flow.answers.contacts)
        session = self.ctx.session
        if not existing and session is not None:
            existing = session.contacts.contacts()
        self.rows: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        for index in range(MAX_EMERGENCY_CONTACTS):
            box = QWidget()
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(16)
            names = (_("Name"), _("Phone number"), _("Who they are"))
            fields = (QLineEdit(), QLineEdit(), QLineEdit())
            for column, (field, name) in enumerate(zip(fields, names, strict=True)):
                label = QLabel(name)
                label.setWordWrap(True)
                label.setBuddy(field)
                field.setAccessibleName(_("Person {n}: {field}").format(n=index + 1, field=name))
                grid.addWidget(label, 0, column)
                grid.addWidget(field, 1, column)
            if index < len(existing):
                fields[0].setText(existing[index].name)
                fields[1].setText(existing[index].phone)
                fields[2].setText(existing[index].relation)
            self.add_widget(box)
            self.rows.append(fields)
            self.fields.extend(fields)

    def _region_words(self) -> str:
        region = self.ctx.crisis.region(self.ctx.settings.get("region"))
        return _("Where I live: {region}").format(
            region=localized(region.name, self.ctx.language())
        )

    def _pick_region(self) -> None:
        self.ctx.nav().open("help_now.region")

    def choices(self) -> list[QWidget]:
        return [self.region_button, *super().choices()]  # the region, the people, then the rest

    def on_shown(self) -> None:
        super().on_shown()
        self.region_button.retranslate()  # back from choosing the region

    def retranslate(self) -> None:
        super().retranslate()
        self.region_button.retranslate()

    def keep_answer(self) -> None:
        people = [(n.text(), p.text(), r.text()) for n, p, r in self.rows]
        self.run.flow.set_safety(self.ctx.settings.get("region"), people)


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
