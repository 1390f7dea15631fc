"""Where notifications go: the operating system's (through the tray icon), or, with no tray,
the window itself. Tests replace the sink with a recording fake at this edge."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QSystemTrayIcon

from companion.reminders.background import Kind, Notification

if TYPE_CHECKING:
    from ui.app import MainWindow


class NotificationSink(Protocol):
    """Where notifications go: the operating system (through the tray), or a test's list."""

    def show(self, notification: Notification) -> None: ...


class TrayNotifications:
    """QSystemTrayIcon.showMessage: on Windows a toast, on macOS a notification, on Linux the
    desktop's notifications. Pressing it calls `chosen` with that notification."""

    def __init__(self, tray: QSystemTrayIcon, chosen: Callable[[Notification], None]) -> None:
        self.tray = tray
        self.last: Notification | None = None
        self.chosen = chosen
        tray.messageClicked.connect(self._clicked)

    def _clicked(self) -> None:
        if self.last is not None:
            self.chosen(self.last)

    def show(self, notification: Notification) -> None:
        self.last = notification
        self.tray.showMessage(
            notification.title, notification.body, QSystemTrayIcon.MessageIcon.Information
        )


class WindowNotifications:
    """No tray on this desktop: the window itself comes up with the sentence on its banner."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def show(self, notification: Notification) -> None:
        if notification.kind is Kind.NOTE:
            if self.window.isVisible():
                self.window.show_notice(notification.body)
            return
        self.window.show_fitted()
        self.window.raise_()
        banner = self.window.reminder_banner
        if banner is not None:
            banner.show_reminder(notification.body)
        else:
            self.window.show_notice(notification.body)
