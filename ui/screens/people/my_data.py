"""My data: a passphrase-locked backup, restoring one as a new person, check-ins as CSV, deleting
everything, and "What Companion keeps about you and where" in plain words (in keeps.py).

Backups and restores run off the UI thread (Argon2 takes a moment); file dialogs sit behind
classmethods of `FileDialogs`, which tests replace.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QWidget

from companion.backup.archive import (
    BACKUP_SUFFIX,
    BackupError,
    export_backup,
    read_backup,
    restore_as_new_person,
)
from companion.export.checkins_csv import export_checkins_csv, export_safety_plan_csv
from companion.i18n import _
from companion.people.profiles import Person
from companion.security import PinRejectedError, check_new_secret
from companion.security.kdf import DEFAULT_ARGON2, Argon2Params
from companion.when_words import short_date_words
from ui.context import AppContext
from ui.screens.people.keeps import KeepsScreen
from ui.shared.people_common import (
    ConfirmInWordsScreen,
    people_of,
    show_notice,
    speak_prompt,
)
from ui.widgets.big_button import BigButton
from ui.widgets.place_chooser import PlaceChooser
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)
BACKUP_ARGON2: Argon2Params = DEFAULT_ARGON2  # tests lower it; a backup keeps its own settings


def file_words(what: str, ctx: AppContext, suffix: str) -> str:
    """A file name a person can read and keep: "Companion backup, 1 December 2026"."""
    return f"{what}, {short_date_words(ctx.clock.now().date())}{suffix}"


def my_data_tile_title() -> str:
    """The Settings tile (its words live here, in the storage catalog)."""
    return _("My data")


class FileDialogs:
    """Where to save and what to open, through the big-button place chooser (tests replace
    these classmethods; no screen opens in tests)."""

    @classmethod
    def save_path(cls, parent: QWidget, suggested: str, kind: str) -> Path | None:
        suffix = BACKUP_SUFFIX if suggested.endswith(BACKUP_SUFFIX) else Path(suggested).suffix
        return PlaceChooser.save_path(
            parent, _("Where should Companion save the file?"), suggested, suffix
        )

    @classmethod
    def open_path(cls, parent: QWidget) -> Path | None:
        return PlaceChooser.open_path(parent, _("Open a Companion backup"), (BACKUP_SUFFIX,))


class DataStepScreen(Screen):
    """A My data screen with one status line that is also said aloud when speech is on."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.busy = False

    def add_status(self) -> None:
        self.status = self.add_text(lambda: "", notice=True)
        self.status.hide()

    def say(self, sentence: str) -> None:
        show_notice(self, self.status, sentence)
        self.setAccessibleDescription(sentence)
        if sentence:
            speak_prompt(self.ctx, sentence)

    def failed(self, exc: Exception) -> None:
        self.busy = False
        if isinstance(exc, BackupError | PinRejectedError):
            self.say(str(exc))
        else:
            _log.error("A My data action failed", exc_info=exc)
            self.say(_("Companion could not save or read that file. Try another place."))


class MyDataScreen(DataStepScreen):
    screen_id = "my_data"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("My data"))
        self.add_text(lambda: _("Everything you keep in Companion stays on this computer."))
        self.add_status()
        keeps = self.add_choice(BigButton(lambda: _("What Companion keeps"), "about", tile=True))
        keeps.clicked.connect(lambda: self.ctx.nav().push(KeepsScreen(self.ctx)))
        backup = self.add_choice(BigButton(lambda: _("Save a backup"), "check", tile=True))
        backup.clicked.connect(lambda: self.ctx.nav().push(BackupScreen(self.ctx)))
        restore = self.add_choice(BigButton(lambda: _("Restore a backup"), "plus", tile=True))
        restore.clicked.connect(lambda: self.ctx.nav().push(RestoreScreen(self.ctx)))
        self.csv_button = self.add_choice(
            BigButton(lambda: _("Check-ins for a spreadsheet"), "mood", tile=True)
        )
        self.csv_button.clicked.connect(self.export_csv)
        session = ctx.session
        if session is not None and not session.is_guest:
            delete = self.add_choice(
                BigButton(lambda: _("Delete all my data"), "delete", tile=True)
            )
            delete.clicked.connect(self.delete_all)
        self.finish_layout()

    def export_csv(self) -> None:
        path = FileDialogs.save_path(
            self, file_words(_("Companion check-ins"), self.ctx, ".csv"), _("Spreadsheet")
        )
        session = self.ctx.session
        if session is None:
            self.say(_("Your information is still opening. Please try again in a moment."))
            return
        if path is None or self.busy:
            return
        store, plan = session.checkins, session.safety_plan
        self.busy = True
        self.say(_("Saving…"))

        def export() -> Path | None:
            export_checkins_csv(store, path)
            return None if session.is_guest else export_safety_plan_csv(plan, path)

        self.ctx.runner.run(
            export, lambda plan_path: self._csv_saved(path, plan_path), self.failed, parent=self
        )

    def _csv_saved(self, path: Path, plan_path: Path | None = None) -> None:
        self.busy = False
        sentence = _(
            "Saved as {file}. This file is not locked: anyone who opens it can read your notes."
        ).format(file=path.name)
        if plan_path is not None:
            sentence += " " + _("Your safety plan is beside it, as {file}.").format(
                file=plan_path.name
            )
        self.say(sentence)

    def delete_all(self) -> None:
        from ui.screens.people.picker import confirm_delete_me

        confirm_delete_me(self.ctx)


class BackupScreen(DataStepScreen):
    """The passphrase twice, then where to save; the file opens only with that passphrase."""

    screen_id = "my_data_backup"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Save a backup"))
        self.add_text(
            lambda: _(
                "Choose a passphrase for the backup: three or four words you like, at least 12 "
                "letters. You need it to open the backup on another computer."
            ),
            explain=True,  # behind "Tell me more" where room is short: the boxes stay in view
        )
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(_("Passphrase for the backup"))
        self.first.setPlaceholderText(_("Passphrase"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(_("The same passphrase again"))
        self.again.setPlaceholderText(_("The same passphrase again"))
        self.again.returnPressed.connect(self.save)
        self.add_widget(self.first)
        self.add_widget(self.again)
        self.add_status()
        self.shown = False
        self.show_button = self.add_choice(BigButton(self._show_text, checkable=True))
        self.show_button.toggled.connect(self._show)
        self.save_button = self.add_choice(BigButton(lambda: _("Save the backup"), "check"))
        self.save_button.clicked.connect(self.save)
        self.finish_layout()

    def _show_text(self) -> str:
        return _("Hide what I type") if self.shown else _("Show what I type")

    def _show(self, shown: bool) -> None:
        self.shown = shown
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.again.setEchoMode(mode)
        self.show_button.retranslate()

    def choices(self) -> list[QWidget]:
        return [self.first, self.again, *super().choices()]

    def save(self) -> None:
        if self.busy:
            return
        passphrase = self.first.text()
        try:
            check_new_secret("passphrase", passphrase)
        except PinRejectedError as exc:
            self.say(str(exc))
            return
        if self.again.text() != passphrase:
            self.say(_("The two passphrases are not the same. Please type them again."))
            return
        path = FileDialogs.save_path(
            self, file_words(_("Companion backup"), self.ctx, BACKUP_SUFFIX), _("Companion backups")
        )
        if path is None:
            return
        session = self.ctx.session
        if session is None:
            self.say(_("Your information is still opening. Please try again in a moment."))
            return
        self.busy = True
        self.say(_("Saving the backup… This can take a few seconds."))
        self.ctx.runner.run(
            lambda: export_backup(session, path, passphrase, BACKUP_ARGON2),
            lambda _r: self._saved(path),
            self.failed,
            parent=self,
        )

    def _saved(self, path: Path) -> None:
        self.busy = False
        self.first.clear()
        self.again.clear()
        self.say(
            _("The backup is saved as {file}. Keep the passphrase apart from the file.").format(
                file=path.name
            )
        )


class RestoreScreen(DataStepScreen):
    """Choose the file, type its passphrase; then the person steps make it a new person."""

    screen_id = "my_data_restore"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.path: Path | None = None
        self.set_title(lambda: _("Restore a backup"))
        self.add_text(
            lambda: _(
                "The backup becomes a new person on this computer. Nothing here is replaced."
            ),
            explain=True,
        )
        self.file_label = self.add_text(self._file_text)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(_("Passphrase of the backup"))
        self.passphrase.setPlaceholderText(_("Passphrase of the backup"))
        self.passphrase.returnPressed.connect(self.open_backup)
        self.add_widget(self.passphrase)
        self.add_status()
        self.choose_button = self.add_choice(BigButton(lambda: _("Choose the backup file"), "plus"))
        self.choose_button.clicked.connect(self.choose_file)
        self.open_button = self.add_choice(BigButton(lambda: _("Open the backup"), "next"))
        self.open_button.clicked.connect(self.open_backup)
        self.finish_layout()

    def _file_text(self) -> str:
        if self.path is None:
            return _("No file chosen yet.")
        return _("File: {file}").format(file=self.path.name)

    def choices(self) -> list[QWidget]:
        buttons = super().choices()
        return [buttons[0], self.passphrase, *buttons[1:]]

    def choose_file(self) -> None:
        path = FileDialogs.open_path(self)
        if path is not None:
            self.path = path
            self.file_label.setText(self._file_text())
            self.passphrase.setFocus()

    def open_backup(self) -> None:
        if self.busy:
            return
        if self.path is None:
            self.say(_("Please choose the backup file first."))
            return
        path, passphrase = self.path, self.passphrase.text()
        self.busy = True
        self.say(_("Opening the backup… This can take a few seconds."))
        self.ctx.runner.run(
            lambda: read_backup(path, passphrase),
            lambda r: self._opened(path, r),
            self.failed,
            parent=self,
        )

    def _opened(self, path: Path, found: tuple[str, object]) -> None:
        from ui.screens.people.add import AddNameScreen, NewPersonPlan

        self.busy = False
        self.say("")
        people, passphrase = people_of(self.ctx), self.passphrase.text()

        def restore(plan: NewPersonPlan) -> Person:
            return restore_as_new_person(
                people,
                path,
                passphrase,
                plan.name,
                plan.lock,
                plan.secret,
                plan.recovery_code,
                chosen_by_caregiver=plan.chosen_by_caregiver,
            )

        taken = {p.name.casefold() for p in people.all()}
        name = found[0] if found[0].casefold() not in taken else ""
        self.passphrase.clear()
        self.ctx.nav().push(AddNameScreen(self.ctx, NewPersonPlan(restore, name=name)))


def offer_restore(ctx: AppContext) -> None:
    """At start, when a person's notes are missing: say so and offer a backup (or not now).

    Short, so the two choices stay on screen at large text; Home keeps the full sentence."""
    nav = ctx.nav()
    nav.push(
        ConfirmInWordsScreen(
            ctx,
            lambda: _("Your notes are missing. Bring them back from a backup?"),
            lambda: _("Bring back from a backup"),
            lambda: _("Not now"),
            lambda: nav.push(RestoreScreen(ctx)),
            explanation=lambda: _("For now, what you do here is not saved."),
        )
    )
