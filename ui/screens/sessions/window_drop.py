"""Drop a clinic's invitation (.ics) anywhere on the window and it goes to the import flow.

The filter sits on the window's native QWindow, where Qt delivers every drag before any widget
sees it, so a drop over a text box or a button is taken as well (a text box would otherwise
paste the file's address into itself). Anything that is not one local .ics file is left alone.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

if TYPE_CHECKING:
    from ui.app import MainWindow

_log = logging.getLogger(__name__)

# While one of these is on the stack nobody has said who they are (or the app is locking), so a
# dropped invitation must not open anyone's sessions.
SCREENS_THAT_REFUSE_DROPS = frozenset(
    {
        "people",
        "unlock",
        "forgot_pin",
        "autolock_warning",
        "caregiver_gate",
        "caregiver_pin",
        "setup_step",
        "setup_summary",
        "finished",
    }
)


def invitation_in(mime: QMimeData | None) -> Path | None:
    """The one local .ics file being dragged, or None (several files, a web link, text)."""
    if mime is None or not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == ".ics" else None


class WindowDrop(QObject):
    """Takes .ics drops for the whole window and hands them to the sessions screen's import."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._watched: QObject | None = None
        self._dragging = False
        window.installEventFilter(self)  # to learn when the native window exists
        self.attach()

    def attach(self) -> None:
        """Watch the native window once Qt has made it (at the first show)."""
        handle = self.window.windowHandle()
        if handle is not None and handle is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            handle.installEventFilter(self)
            self._watched = handle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window:
            if kind in (QEvent.Type.WinIdChange, QEvent.Type.Show):
                self.attach()
            return False
        if kind == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            self._dragging = self._takes(event.mimeData())
            if self._dragging:
                event.acceptProposedAction()
            return self._dragging
        if kind == QEvent.Type.DragMove and isinstance(event, QDragMoveEvent) and self._dragging:
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.DragLeave and self._dragging:
            self._dragging = False
            return True
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            self._dragging = False
            path = invitation_in(event.mimeData()) if self._takes(event.mimeData()) else None
            if path is None:
                return False
            event.acceptProposedAction()
            self.import_invitation(path)
            return True
        return False

    def _takes(self, mime: QMimeData | None) -> bool:
        return invitation_in(mime) is not None and self.accepts_drops_now()

    def accepts_drops_now(self) -> bool:
        """Only once someone's data is open and no "who are you" or lock screen is showing."""
        if self.window.ctx.session is None:
            return False
        stack = self.window.stack
        for index in range(stack.count()):
            if getattr(stack.widget(index), "screen_id", "") in SCREENS_THAT_REFUSE_DROPS:
                return False
        return True

    def import_invitation(self, path: Path) -> None:
        """Show the sessions screen (opening it if needed) and import the file there."""
        from ui.screens.sessions.sessions_screen import SessionsScreen

        current = self.window.current()
        if isinstance(current, SessionsScreen):
            screen = current
        else:
            screen = SessionsScreen(self.window.ctx)
            self.window.push(screen)
        _log.info("An invitation file was dropped on the window")
        screen.import_file(path)


def install_window_drop(window: MainWindow) -> WindowDrop:
    """The main window's one call: .ics files dropped anywhere on it are imported (once)."""
    existing = window.findChild(WindowDrop)
    return existing if isinstance(existing, WindowDrop) else WindowDrop(window)
