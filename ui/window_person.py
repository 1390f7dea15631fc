"""The main window's open person: switching the session, their own settings, reminders, notices."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.widgets.screen import Screen

if TYPE_CHECKING:  # the storage stack loads in the background at start, not here
    from companion.people.profiles import PersonSession


class PersonData(QMainWindow):
    """Part of MainWindow (ui/app.py): whose data is open, and what follows it."""

    session_changed = Signal()  # ctx.session was set (the person's data is open) or cleared

    if TYPE_CHECKING:  # made by MainWindow
        ctx: AppContext
        reminder_banner: Any
        reminders: Any
        _screens: list[Screen]
        _layout: QVBoxLayout
        _switching: PersonSession | None
        _closed: bool

        def _apply_icons(self, root: QWidget) -> None: ...

        def _show_guest_band(self) -> None: ...

    def set_session(
        self,
        session: PersonSession | None,
        stored: Any = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Switch to `session` (closing the one before), let every screen know, then `then()`.

        The person's own settings apply in the same step, so no screen of theirs shows in
        another look: `stored`, else those read as the session opened (off the UI thread).
        Switching again to a session already used reads them on the runner first, and the
        switch (and `then`) happen when they come. A guest's are in memory: at once."""
        self._switching = session
        if session is not None and stored is None:
            stored = session.take_own_settings()
        if session is not None and stored is None and not session.is_guest:
            from companion.config import read_personal_settings

            def switch(read: Any) -> None:
                # Not when another switch came first (a lock) or the window really closed:
                # a late restyle then reached a window being deleted.
                if self._switching is session and not self._closed:
                    self.set_session(session, read if read is not None else {}, then)

            self.ctx.runner.run(
                lambda: read_personal_settings(session.preferences),
                switch,
                lambda _error: switch({}),  # unreadable: the PC's look (the log has why)
                parent=self,
            )
            return
        self._switch(session, stored)
        if then is not None:
            then()

    def _switch(self, session: PersonSession | None, stored: Any) -> None:
        old = self.ctx.session
        if old is not None and old is not session:
            self.ctx.runner.run(old.close)  # after the saves already asked for, never before
        self.ctx.session = session
        self._use_own_settings(session, stored)
        if session is not None:
            self._start_reminders()
        for screen in self._screens:
            screen.on_session_changed()
        self._show_guest_band()
        self.session_changed.emit()

    def _use_own_settings(self, session: PersonSession | None, stored: Any) -> None:
        """Each person's own look and voice apply the moment their data opens, and the PC's
        come back when they lock or leave (a guest's changes stay in memory). On a PC that is
        not shared, a person's changes also become the PC's, so the next start and the PIN
        pad already look the way they need."""
        settings = self.ctx.settings
        if session is None:
            settings.use_person(None)
            return
        mirror = not session.is_guest and not settings.get("shared_pc")
        person = session.preferences
        if stored is None:  # a guest's, in memory
            from companion.config import read_personal_settings

            stored = read_personal_settings(person)
        settings.use_person(
            person, mirror_to_pc=mirror, stored=stored, run_write=self.ctx.runner.run
        )

    def _start_reminders(self) -> None:
        """The session reminder banner and its watch (a day, an hour, 15 minutes before)."""
        if self.reminders is not None:
            self.reminders.check()
            return
        from ui.screens.sessions.reminder_watch import ReminderBanner, ReminderWatch

        self.reminder_banner = ReminderBanner()
        self._layout.insertWidget(1, self.reminder_banner)
        self._apply_icons(self.reminder_banner)
        self.reminders = ReminderWatch(self.ctx, self)
        self.reminders.reminded.connect(self.reminder_banner.show_reminder)
        self.reminders.start()

    def show_notice(self, sentence: str) -> None:
        """A sentence the person should see once on Home (speech missing, data problems)."""
        if sentence not in self.ctx.startup_notices:
            self.ctx.startup_notices.append(sentence)
        home = self._screens[0]
        if hasattr(home, "add_notice"):
            home.add_notice(sentence)
