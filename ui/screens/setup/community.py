"""Community-centre mode on screen: full screen, "Are you finished?" before closing, the big
"I'm finished, lock it", the caregiver's idle time, and the daily tidy at start.

The rules are companion.community.shared_pc's; locking itself is ui.start.lock (the people
screens').
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject

from companion.community.shared_pc import (
    DailyTidy,
    SavedToday,
    TidyReport,
    closing_question,
    policy_for,
    remove_guest_files,
)
from companion.i18n import _
from companion.paths import logs_dir
from companion.security.autolock import AutoLockPolicy
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from companion.people.profiles import PersonSession
    from ui.app import MainWindow

_log = logging.getLogger(__name__)
FINISHED_TITLE_POINTS = 34  # bigger than a heading: "in big words"


def lock_for_next_person(ctx: AppContext) -> None:
    """Close the person's data, forget every screen of theirs, show "Who is using Companion?"."""
    from ui.shared.caregiver_gate import caregiver_lock
    from ui.start import lock

    was_guest = ctx.session is not None and ctx.session.is_guest
    lock(ctx)
    caregiver_lock(ctx).close()
    if was_guest:
        remove_guest_files(ctx.data_dir)


def saved_today(session: PersonSession | None, now: datetime) -> SavedToday:
    """What the person finished today (their own local day); a guest keeps nothing. Storage
    reads, in one transaction: run it on the runner."""
    if session is None or session.is_guest:
        return SavedToday(is_guest=True)
    local = now.astimezone()
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    tomorrow = midnight + timedelta(days=1)
    try:
        with session.one_transaction():
            found = session.checkins.checkins_between(midnight, tomorrow)
            checkins = [c for c in found if not c.is_draft]
            results = session.checkins.results_between(midnight, tomorrow)
    except Exception:  # the question still works; it just says nothing about saving
        _log.exception("Could not count what was saved today")
        return SavedToday(is_guest=False)
    return SavedToday(is_guest=False, checkins=len(checkins), questionnaires=len(results))


class FinishedScreen(Screen):
    """ "Are you finished?" in big words, with what was saved today, and two huge answers."""

    screen_id = "finished"

    def __init__(self, ctx: AppContext, closing: bool = False) -> None:
        super().__init__(ctx)
        self.closing = closing
        session = ctx.session
        self.saved = SavedToday(is_guest=session is None or session.is_guest)
        """Said in the question once the runner has counted today's check-ins."""
        self.counted = self.saved.is_guest  # a guest's question needs no counting
        self.set_title(lambda: closing_question(self.saved))
        # Big words, but the two answers must still show on a 1280 x 720 screen at 200%.
        points = round(FINISHED_TITLE_POINTS * min(ctx.look().text_scale, 140) / 100)
        self.title_label.setStyleSheet(f"font-size: {points}pt; font-weight: bold;")
        self.add_text(lambda: _("When you lock it, nothing of yours stays on the screen."))
        self.no_button = self.add_choice(BigButton(lambda: _("No, keep going"), "back", tile=True))
        self.no_button.clicked.connect(lambda: self.ctx.nav().back())
        self.yes_button = self.add_choice(BigButton(self._yes_words, "lock", tile=True))
        self.yes_button.clicked.connect(self.finish)
        for button in (self.no_button, self.yes_button):
            button.setMinimumHeight(120)
        self.finish_layout()
        if not self.saved.is_guest:
            now = ctx.clock.now()
            ctx.runner.run(lambda: saved_today(session, now), self._counted, parent=self)

    def _counted(self, saved: SavedToday) -> None:
        self.saved, self.counted = saved, True
        self.retranslate()
        if self.isVisible() and self.ctx.speech.available:
            self.ctx.speech.say(self.title())  # said once, with what was saved

    def _yes_words(self) -> str:
        return _("Yes, lock it and close") if self.closing else _("Yes, lock it")

    def finish(self) -> None:
        community = self.ctx.parts.community
        if self.closing and community is not None:
            community.close_for_good()
            return
        lock_for_next_person(self.ctx)

    def on_shown(self) -> None:
        super().on_shown()
        if self.counted and self.ctx.speech.available:
            self.ctx.speech.say(self.title())


class CommunityMode(QObject):
    """Installs the shared-PC rules on the main window; follows the settings live."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx: AppContext = window.ctx
        self._closing_confirmed = False
        self.tidy_done = False
        self.policy = policy_for(self.ctx.settings)
        window.installEventFilter(self)
        self.ctx.settings.subscribe(self._on_setting)
        self.ctx.parts.community = self
        changed = getattr(window, "session_changed", None)
        if changed is not None:
            changed.connect(self._on_session_changed)
        self.apply_idle_time()

    def _on_session_changed(self) -> None:
        """After a lock or a guest's exit, scrub what the last person left in the window."""
        session = self.ctx.session
        if session is not None and not session.is_guest:
            return
        from ui.shared.caregiver_gate import caregiver_lock

        caregiver_lock(self.ctx).close()
        banner = getattr(self.window, "reminder_banner", None)
        if banner is not None:  # a session reminder names the person's appointment
            banner.label.clear()
            banner.setAccessibleName("")
            banner.hide()

    def _on_setting(self, name: str, _value: Any) -> None:
        if name in ("shared_pc", "autolock_minutes"):
            self.policy = policy_for(self.ctx.settings)
            self.apply_idle_time()
            self.apply_full_screen()

    def apply_idle_time(self) -> None:
        """The auto-lock watch counts the caregiver's idle time (it defaults to 10 minutes)."""
        watch = self.ctx.parts.autolock
        if watch is not None:
            watch.policy = AutoLockPolicy(self.ctx.clock, self.policy.idle_lock_seconds)

    def apply_full_screen(self) -> None:
        if self.policy.full_screen and not self.window.isFullScreen():
            self.window.showFullScreen()
        elif not self.policy.full_screen and self.window.isFullScreen():
            self.window.showNormal()

    def start_at_people(self) -> None:
        """A shared PC starts with no one's data open, at "Who is using Companion?"."""
        if self.policy.starts_at_people_picker and self.ctx.parts.people is not None:
            lock_for_next_person(self.ctx)

    def tidy_in_background(self) -> None:
        """Once a day: guest leftovers and old logs (file work, so off the UI thread)."""
        tidy = DailyTidy(self.ctx.data_dir, logs_dir(self.ctx.data_dir), self.ctx.clock)

        def done(report: TidyReport) -> None:
            self.tidy_done = True
            _log.info("Tidy done (%d removed)", len(report.removed))

        def failed(exc: Exception) -> None:
            self.tidy_done = True
            _log.error("Daily tidy failed", exc_info=exc)

        self.ctx.runner.run(tidy.run_if_due, done, failed, parent=self)

    def close_for_good(self) -> None:
        lock_for_next_person(self.ctx)
        self._closing_confirmed = True
        self.window.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        closing = watched is self.window and event.type() == QEvent.Type.Close
        nobody_in = self.window.current().screen_id == "people"  # already locked: just close
        if (
            closing
            and self.policy.asks_before_closing
            and not (self._closing_confirmed or nobody_in)
        ):
            event.ignore()
            if not isinstance(self.window.current(), FinishedScreen):
                self.window.push(FinishedScreen(self.ctx, closing=True))
            return True
        return False

    def uninstall(self) -> None:
        self.window.removeEventFilter(self)
        self.ctx.settings.unsubscribe(self._on_setting)


def install_community_mode(window: MainWindow, start_at_people: bool = True) -> CommunityMode:
    """The launcher's one call after `ui.start.install_start`: full screen, closing question,
    idle time, the daily tidy, and (on a shared PC, unless the first run shows now) the start at
    the people picker."""
    mode = CommunityMode(window)
    mode.apply_full_screen()
    if start_at_people:
        mode.start_at_people()
    mode.tidy_in_background()
    return mode
