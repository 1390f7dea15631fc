"""One Companion per data folder: a second start brings the first window forward and stops.

A double-click done twice must not start two Companions on one data folder (two first starts
at once once overwrote the device secret). The first start holds a QLockFile in the data
folder (a killed run leaves a stale lock that Qt sees through by its process id) and listens on
a QLocalServer; a second start finds the lock taken, asks the first to come forward through a
QLocalSocket, waits for its answer, and exits. Anki does the same.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDeadlineTimer, QLockFile, QThread

_log = logging.getLogger(__name__)

LOCK_FILE_NAME = "companion.lock"
SHOW_REQUEST = b"show\n"
SHOWN_ANSWER = b"shown\n"
# How long a second start keeps trying to reach the first (which may still be starting).
REACH_FIRST_MS = 8000


def server_name(data_dir: Path) -> str:
    """A name for this user's and this data folder's Companion (short, safe on every OS).

    Worked out once Home is on screen (hashlib loads OpenSSL: not before Home)."""
    import getpass
    import hashlib

    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (a container): the folder still tells them apart
        user = ""
    key = f"{user}\n{data_dir.resolve()}".encode()
    return "companion-" + hashlib.sha256(key).hexdigest()[:20]


class SingleInstance:
    """Claims the data folder for this process, or reaches the Companion that has it."""

    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir
        self._path = data_dir / LOCK_FILE_NAME
        self._lock = QLockFile(str(self._path))
        self._lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
        self._server: Any = None

    @property
    def name(self) -> str:
        return server_name(self._data_dir)

    def claim(self) -> bool:
        """True when this process is now the one Companion of the folder."""
        if self._lock.tryLock(0):
            with contextlib.suppress(OSError):  # it names this process and PC: owner-only too
                self._path.chmod(0o600)
            return True
        # tryLock already removes a lock whose process died; say why it still failed.
        _log.info("Another Companion holds the data folder (%s)", self._lock.error().name)
        return False

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def listen(self, bring_forward: Callable[[], None]) -> None:
        """Answer later starts: each one makes `bring_forward` run on the UI thread."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a socket file left by a killed run
        if not server.listen(self.name):
            _log.warning("A second start cannot reach this window (%s)", server.errorString())
            return

        def answer() -> None:
            while server.hasPendingConnections():
                socket = server.nextPendingConnection()
                socket.readyRead.connect(lambda s=socket: reply(s))
                socket.disconnected.connect(socket.deleteLater)

        def reply(socket: Any) -> None:
            if bytes(socket.readAll().data()).startswith(SHOW_REQUEST.strip()):
                _log.info("A second start asked this window to come forward")
                bring_forward()
                socket.write(SHOWN_ANSWER)
                socket.flush()

        server.newConnection.connect(answer)
        self._server = server

    def ask_first_to_show(self) -> bool:
        """From a second start: ask the first Companion to come forward; True once it did."""
        from PySide6.QtNetwork import QLocalSocket

        deadline = QDeadlineTimer(REACH_FIRST_MS)
        while not deadline.hasExpired():
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(500):
                socket.write(SHOW_REQUEST)
                socket.waitForBytesWritten(1000)
                answered = socket.waitForReadyRead(3000)
                shown = answered and bytes(socket.readAll().data()).startswith(SHOWN_ANSWER)
                socket.disconnectFromServer()
                if shown:
                    return True
            QThread.msleep(100)  # the first may still be starting: its server is not up yet
        return False


def bring_window_forward(window: Any) -> None:
    """Show the window in front of the others, even when minimised."""
    from PySide6.QtCore import Qt

    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
    )
    if window.isVisible():
        window.show()
    else:  # hidden in the tray, or started with the computer: fitted to the screen
        window.show_fitted()
    window.raise_()
    window.activateWindow()
