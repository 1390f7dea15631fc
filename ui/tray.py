"""Companion in the background: the tray icon and its large plain menu, the operating system's
notifications, and the watch that gives reminders while the window is closed.

The rules (what is due, the words, what is kept) live in companion.reminders.background; this
module asks it every 30 seconds by the injected clock and shows what it says. Notifications go
to a `ui.notifications.NotificationSink`: the tray's own messages, a recording fake in tests.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from companion.i18n import _
from companion.reminders.background import (
    NOT_TODAY_PREFERENCE,
    BackgroundReminders,
    Kind,
    Notification,
    OpenPerson,
    missed_sentence,
    missed_sessions,
    quiet_until_tomorrow,
)
from ui.notifications import NotificationSink, TrayNotifications, WindowNotifications

if TYPE_CHECKING:
    from ui.app import MainWindow

_log = logging.getLogger(__name__)
CHECK_EVERY_MS = 30_000
SESSION_KINDS = (Kind.SESSION_DAY_BEFORE, Kind.SESSION_HOUR_BEFORE, Kind.SESSION_JOIN)
MENU_ITEM_MIN_HEIGHT_PX = 64


def tray_menu_words() -> tuple[str, str, str, str]:
    return (
        _("Open Companion"),
        _("Get help now"),
        _("Stop reminders until tomorrow"),
        _("Quit Companion"),
    )


def tray_menu_style(points: int, palette: Any) -> str:
    """Large words, a clear edge, and the item under the pointer or keys marked as chosen."""
    p = palette
    return (
        f"QMenu {{ font-size: {points}pt; padding: 8px; background: {p.window}; "
        f"color: {p.text}; border: 3px solid {p.edge}; }}"
        f"QMenu::item {{ min-height: {MENU_ITEM_MIN_HEIGHT_PX}px; padding: 8px 32px 8px 24px; "
        f"margin: 4px 0; border: 2px solid {p.edge}; background: {p.button}; "
        f"color: {p.button_text}; }}"
        f"QMenu::item:selected {{ background: {p.chosen}; color: {p.chosen_text}; "
        f"border: 3px solid {p.focus}; }}"
    )


class TrayMenu(QMenu):
    """Four large, plain choices, and nothing else."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_action = QAction(self)
        self.help_action = QAction(self)
        self.quiet_action = QAction(self)
        self.quit_action = QAction(self)
        for action in self.entries():
            self.addAction(action)
        self.retranslate()

    def entries(self) -> list[QAction]:
        return [self.open_action, self.help_action, self.quiet_action, self.quit_action]

    def retranslate(self) -> None:
        for action, words in zip(self.entries(), tray_menu_words(), strict=True):
            action.setText(words)
            action.setToolTip(words)
        self.setAccessibleName(_("Companion"))

    def set_look(self, points: int, palette: Any) -> None:
        self.setStyleSheet(tray_menu_style(points, palette))


def read_open_person(session: Any, now: datetime, zone: Any) -> OpenPerson | None:
    """What the reminders need of the open person (storage reads: on the runner)."""
    if session is None or session.is_guest:
        return None
    from companion.checkin.schedule import load_schedule

    local = now.astimezone(zone)
    day_start = datetime.combine(local.date(), datetime.min.time(), zone)
    checked = session.checkins.checkins_between(day_start, day_start + timedelta(days=1))
    return OpenPerson(
        session.person_id,
        session.display_name,
        tuple(session.appointments.all()),
        load_schedule(session.preferences).reminder_time,
        checked_in_today=bool(checked),
        not_today=session.preferences.get(NOT_TODAY_PREFERENCE) == local.date().isoformat(),
    )


class BackgroundCompanion(QObject):
    """Keeps Companion running with its window closed: tray icon, reminders, quitting."""

    def __init__(
        self,
        window: MainWindow,
        sink: NotificationSink | None = None,
        tray_available: bool | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.quitting = False
        self.quiet_said = False
        self.tray_available = (
            QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        )
        self.core = BackgroundReminders(self.ctx.data_dir, self._person_folder)
        self.menu = TrayMenu()
        self.menu.open_action.triggered.connect(self.open_companion)
        self.menu.help_action.triggered.connect(self.get_help_now)
        self.menu.quiet_action.triggered.connect(self.stop_until_tomorrow)
        self.menu.quit_action.triggered.connect(self.quit_companion)
        self.tray = QSystemTrayIcon(self._icon(), self)
        self.tray.setToolTip(_("Companion"))
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._tray_pressed)
        self.sink: NotificationSink = sink or (
            TrayNotifications(self.tray, self.act_on)
            if self.tray_available
            else WindowNotifications(window)
        )
        self._missed_told: set[tuple[str, int | None, datetime]] = set()
        self.last_given: list[Notification] = []  # what the last check gave (for tests)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.ctx.settings.subscribe(self._on_setting)
        window.session_changed.connect(self.tell_missed)
        self._apply_look()

    # --- starting -------------------------------------------------------------------------
    def start(self) -> None:
        if self.tray_available:
            self.tray.show()
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(False)
        self.timer.start()

    def _icon(self) -> QIcon:
        from ui.theme import icon

        return icon("sessions", "#1F5FA8", 32)

    def _apply_look(self) -> None:
        from ui.theme import BODY_POINTS

        look = self.ctx.look()
        self.menu.set_look(look.points(BODY_POINTS), look.palette)

    def _on_setting(self, name: str, value: Any) -> None:
        autostart = self.ctx.parts.autostart
        if name == "start_with_computer" and autostart is not None:
            try:
                autostart.set(bool(value))
            except OSError:
                _log.exception("Could not change starting with the computer")
                self.window.show_notice(
                    _("Companion could not change how it starts. Please ask your helper.")
                )
        elif name == "background_reminders" and not value:
            session = self.ctx.session
            if session is not None and not session.is_guest:
                person_id, core = session.person_id, self.core
                self.ctx.runner.run(lambda: core.forget_person_times(person_id))
        elif name == "language":
            self.menu.retranslate()
            self.tray.setToolTip(_("Companion"))
        elif name in ("text_scale", "theme", "follow_system_look"):
            self._apply_look()

    # --- reminders ------------------------------------------------------------------------
    def _person_folder(self, person_id: str) -> Path:
        people = self.ctx.parts.people
        if people is None:
            raise LookupError("people not open yet")
        return people.folder(person_id)

    def _zone(self) -> Any:
        from ui.shared.appointments import named_local_zone

        return named_local_zone(self.ctx)

    def window_showing(self) -> bool:
        return self.window.isVisible() and not self.window.isMinimized()

    def check(self) -> None:
        """Work out what is due on the runner (files and the person's data); `give` tells it."""
        people = self.ctx.parts.people
        if people is None:
            return
        now, zone, session, core = self.ctx.clock.now(), self._zone(), self.ctx.session, self.core
        shared_pc = bool(self.ctx.settings.get("shared_pc"))
        keep_times = bool(self.ctx.settings.get("background_reminders"))

        def work() -> list[Notification]:
            everyone = [(p.id, p.name) for p in people.all()]
            open_person = read_open_person(session, now, zone)
            return core.check(
                now, zone, everyone, open_person, shared_pc=shared_pc, keep_times=keep_times
            )

        def give(found: list[Notification]) -> None:
            if self.ctx.session is session:  # never the last person's, after a lock
                self.give(found)

        # A failure is logged by the runner; the next check, a minute later, tries again.
        self.ctx.runner.run(work, give, lambda _error: None, parent=self)

    def give(self, found: list[Notification]) -> list[Notification]:
        """Give what is due; while the window shows, its own banner and Home do the telling."""
        self.last_given = []
        if not self.ctx.settings.get("background_reminders"):
            return []
        if self.window_showing():
            # The open person's reminders are on the window's banner and Home already; a locked
            # person's (the picker on a shared PC) would otherwise never be seen.
            found = [n for n in found if n.kind is Kind.LOCKED]
            for notification in found:
                self._show_in_window(notification.body)
            self.last_given = found
            return found
        for notification in found:
            self.sink.show(notification)
            if self.ctx.settings.get("speak_reminders"):
                self.ctx.speech.say(notification.body)
        if found:
            _log.info("Gave %d reminders with the window closed", len(found))
        self.last_given = found
        return found

    def _show_in_window(self, sentence: str) -> None:
        banner = self.window.reminder_banner
        if banner is not None:
            banner.show_reminder(sentence)
        else:
            self.window.show_notice(sentence)
        if self.ctx.settings.get("speak_reminders"):
            self.ctx.speech.say(sentence)

    def tell_missed(self) -> None:
        """A session missed while the computer was off is said gently, once."""
        session = self.ctx.session
        if session is None or session.is_guest:
            return
        now, zone, core = self.ctx.clock.now(), self._zone(), self.core
        self.ctx.runner.run(
            lambda: missed_sessions(session.appointments.all(), core.previous_awake, now),
            lambda missed: self._tell(session, missed, now, zone),
            lambda _error: None,  # logged by the runner
            parent=self,
        )

    def _tell(self, session: Any, missed: list[Any], now: datetime, zone: Any) -> None:
        for appointment in missed:
            key = (session.person_id, appointment.id, appointment.start)
            if key in self._missed_told:
                continue
            self._missed_told.add(key)
            sentence = missed_sentence(appointment, now, zone)
            self.window.show_notice(sentence)
            if self.ctx.settings.get("speak_reminders"):
                self.ctx.speech.say(sentence)

    # --- what the person does -------------------------------------------------------------
    def act_on(self, notification: Notification) -> None:
        """The notification was pressed: Companion opens on that session's Join screen (or the
        check-in invitation); a locked person's data asks for their PIN first."""
        self.open_companion()
        session = self.ctx.session
        if session is None or session.person_id != notification.person_id:
            return
        nav = self.ctx.nav()
        if notification.kind in SESSION_KINDS:
            nav.home()
            nav.open("sessions")
        elif notification.kind is Kind.CHECKIN:
            nav.home()
            nav.open("settings.checkin_invitation")

    def _tray_pressed(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_companion()

    def open_companion(self) -> None:
        self.window.show_fitted()
        self.window.raise_()
        self.window.activateWindow()

    def get_help_now(self) -> None:
        self.open_companion()
        self.window.show_help_now()

    def stop_until_tomorrow(self) -> None:
        now = self.ctx.clock.now()
        self.core.quiet_until = quiet_until_tomorrow(now, self._zone())
        self._note(_("No more reminders today. They start again tomorrow."))

    def quit_companion(self) -> None:
        self.quitting = True
        self.tray.hide()
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def window_closing(self) -> bool:
        """The window's close button: keep running with the tray when reminders should come.

        Returns True when the window was only hidden. The first time, Companion says in words
        that reminders keep coming and how to quit."""
        if self.quitting or not self.tray_available:
            return False
        if not self.ctx.settings.get("background_reminders"):
            return False
        if not self.ctx.settings.get("told_about_tray"):
            if self.window.current().screen_id != "still_reminding":
                self.window.open(
                    "settings.still_reminding",
                    close_window=self._told_then_hide,
                    quit_app=self.quit_companion,
                )
            return True  # said in words first, once; its "Close the window" then hides
        self.hide_to_tray()
        return True

    def _told_then_hide(self) -> None:
        self.ctx.settings.set("told_about_tray", True)
        self.window.back()
        self.hide_to_tray()

    def hide_to_tray(self) -> None:
        if self.ctx.settings.get("shared_pc"):
            from ui.start import lock

            lock(self.ctx)  # the next person to open it must not find someone's data open
        self.window.hide()

    def _note(self, sentence: str) -> None:
        """A word from Companion itself: shown as a notification and said when reminders are."""
        self.sink.show(Notification("", _("Companion"), sentence, Kind.NOTE))
        if self.ctx.settings.get("speak_reminders"):
            self.ctx.speech.say(sentence)


def install_background(
    window: MainWindow, sink: NotificationSink | None = None, tray_available: bool | None = None
) -> BackgroundCompanion:
    """The launcher's one call: the tray, the reminder watch, and closing to the tray."""
    background = BackgroundCompanion(window, sink, tray_available)
    window.close_to_tray = background.window_closing
    background.start()
    return background
