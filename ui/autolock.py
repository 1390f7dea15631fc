"""Auto-lock on shared PCs: watch for presses and the clock, warn a minute ahead aloud, then lock.

Only on when the setting "shared_pc" says this PC is shared (off at home and when the setting
does not exist yet). The logic is companion.security.autolock.AutoLockPolicy; this is its Qt side.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from companion.i18n import _
from companion.security.autolock import AutoLockPolicy, idle_timeout_seconds
from ui.context import AppContext
from ui.shared.people_common import seconds_in_words
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from ui.app import MainWindow

_log = logging.getLogger(__name__)
POLL_MS = 1000
ACTIVITY_EVENTS = (
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
)


def shared_pc(ctx: AppContext) -> bool:
    """Is this PC shared? Read from the settings when they know the question; off otherwise."""
    try:
        return bool(ctx.settings.get("shared_pc"))
    except KeyError:
        return False


class AutoLockWarningScreen(Screen):
    """ "Are you still there?" with the time left and one huge "I'm still here"."""

    screen_id = "autolock_warning"

    def __init__(self, ctx: AppContext, seconds_left: int) -> None:
        super().__init__(ctx)
        self.seconds_left = seconds_left
        self.set_title(lambda: _("Are you still there?"))
        self.countdown = self.add_text(self._countdown_text, notice=True)
        self.still_here = self.add_choice(
            BigButton(lambda: _("I'm still here"), "check", tile=True)
        )
        self.finish_layout()

    def on_shown(self) -> None:
        super().on_shown()
        points = self.ctx.look().points(30)  # huge, and it grows with the text size
        self.still_here.setStyleSheet(f"min-height: 160px; font-size: {points}pt;")

    def _countdown_text(self) -> str:
        return _(
            "To keep your notes private, Companion will lock in {time}. "
            "Press the big button to keep going."
        ).format(time=seconds_in_words(self.seconds_left))

    def set_seconds_left(self, seconds: int) -> None:
        self.seconds_left = seconds
        self.countdown.setText(self._countdown_text())


class AutoLockWatch(QObject):
    """Counts idle time on the injected clock; presses anywhere in the app count as activity."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx: AppContext = window.ctx
        self.warning: AutoLockWarningScreen | None = None
        self.policy = self._new_policy()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.ctx.settings.subscribe(self._on_setting)

    def _new_policy(self) -> AutoLockPolicy:
        if not shared_pc(self.ctx):
            return AutoLockPolicy(self.ctx.clock, None)  # off at home
        try:
            minutes: int | None = int(self.ctx.settings.get("autolock_minutes"))
        except KeyError:
            minutes = None  # the shared-PC default (10 minutes)
        return AutoLockPolicy(self.ctx.clock, idle_timeout_seconds(True, minutes))

    def _on_setting(self, name: str, _value: Any) -> None:
        if name in ("shared_pc", "autolock_minutes"):
            self.policy = self._new_policy()
            self._drop_warning()

    def restart(self) -> None:
        """A new person (or a guest) starts: count from now, no warning showing."""
        self.policy.unlocked()
        self.warning = None

    def stop(self) -> None:
        self.timer.stop()
        self.ctx.settings.unsubscribe(self._on_setting)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self.policy.touch()
        return False

    def _person_open(self) -> bool:
        session = self.ctx.session
        return session is not None and not session.is_guest

    def poll(self) -> None:
        """Look at the clock: warn, lock, or put the warning away after activity."""
        if not self.policy.enabled or not self._person_open():
            return
        state = self.policy.state()
        if state.phase == "locked":
            _log.info("Locking after idle time on a shared PC")
            self.warning = None
            from ui.start import lock

            lock(self.ctx)
            return
        if state.phase == "warning":
            if self.warning is None:
                self.warning = AutoLockWarningScreen(self.ctx, state.seconds_left)
                self.warning.still_here.clicked.connect(self.still_here)
                self.window.push(self.warning)
                self.ctx.speech.say(self.warning.title() + " " + self.warning._countdown_text())
            else:
                self.warning.set_seconds_left(state.seconds_left)
            return
        self._drop_warning()

    def still_here(self) -> None:
        self.policy.touch()
        self._drop_warning()

    def _drop_warning(self) -> None:
        warning, self.warning = self.warning, None
        if warning is not None and self.window.current() is warning:
            self.window.back()
