"""Starting the app from the launcher's parts: the window first, then (in the background) the
person's encrypted data and the speech engine."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from companion.i18n import _
from ui.app import MainWindow, build_window, create_application
from ui.context import AppContext
from ui.services import build_services

if TYPE_CHECKING:
    from companion.__main__ import CoreParts
    from companion.clock import Clock
    from companion.config import SettingsStore
    from companion.people.profiles import PersonSession
    from companion.reminders.autostart import StartWithComputer
    from companion.safety.crisis import CrisisDirectory
    from companion.security.kdf import Argon2Params
    from ui.speech import SpeechBridge

_log = logging.getLogger(__name__)
EXIT_AFTER_SHOWN_VARIABLE = "COMPANION_EXIT_AFTER_SHOWN"


def data_failed_sentence(exc: Exception) -> str:
    """The person must hear why their data did not open, never meet a silent crash."""
    return (
        _("Your saved information could not be opened. Nothing was changed.")
        + f" ({type(exc).__name__})"
    )


def open_in_background(
    window: MainWindow,
    open_data: Callable[[], tuple[Any, Any]],
    make_speaker: Callable[[], Any] | None = None,
) -> None:
    """Start speech, then open the person's encrypted data, on the runner, so Home shows at
    once; each part reaches the window on the UI thread, a failure as one sentence."""
    runner = window.ctx.runner
    if make_speaker is not None:  # it never raises (launcher's promise)
        runner.run(make_speaker, window.speaker_ready)
    runner.run(
        open_data,
        lambda opened: window.data_opened(*opened),
        lambda exc: window.show_notice(data_failed_sentence(exc)),
    )


def build_context(
    settings: SettingsStore,
    clock: Clock,
    data_dir: Path,
    content_dir: Path,
    crisis: CrisisDirectory,
    speech: SpeechBridge,
    *,
    session: PersonSession | None = None,
    notices: list[str] | None = None,
    argon2: Argon2Params | None = None,
    autostart: StartWithComputer | None = None,
    zone: tzinfo | None = None,
) -> AppContext:
    """The composition root of the window: the context and its services, built once. The
    launcher calls it with the real parts; the UI tests with a fixed clock, a speech recorder,
    cheap Argon2 and a fixed zone, everything else real."""
    parts = build_services(
        data_dir, content_dir, clock, argon2=argon2, autostart=autostart, zone=zone
    )
    return AppContext(
        settings=settings,
        clock=clock,
        data_dir=data_dir,
        content_dir=content_dir,
        crisis=crisis,
        speech=speech,
        parts=parts,
        session=session,
        startup_notices=list(notices or []),
    )


def run(parts: CoreParts) -> int:
    """Start the window from the launcher's parts and run until it closes."""
    from companion.reminders.autostart import StartWithComputer
    from ui.speech import SpeechBridge

    app = create_application()
    from companion.storage_guard import forbid_storage_on_this_thread, mode_from_environment

    # Storage on this thread raises with --debug (or COMPANION_STORAGE_GUARD=raise), else logs.
    forbid_storage_on_this_thread(mode_from_environment(bool(getattr(parts, "debug", False))))
    speech = SpeechBridge(None, waiting=True)  # the speaker starts with the data, in the background
    ctx = build_context(
        parts.settings,
        parts.clock,
        parts.data_dir,
        parts.content_dir,
        parts.crisis,
        speech,
        notices=parts.notices,
        autostart=StartWithComputer.for_this_computer(),
    )
    from ui.screens.setup.system_look import os_look

    ctx.system_look = os_look(app)

    def speech_failed(sentence: str) -> None:
        """ "Speech is not available…", shown once in words, whenever the check finds it."""
        shown_on = ctx.navigator
        if isinstance(shown_on, MainWindow):
            shown_on.show_notice(sentence)
        elif sentence not in ctx.startup_notices:  # Home, not built yet, shows these
            ctx.startup_notices.append(sentence)

    speech.failed.connect(speech_failed)
    window = build_window(ctx)
    if parts.open_screen:
        open_named_screen(window, parts.open_screen)
    from PySide6.QtWidgets import QSystemTrayIcon

    tray_available = QSystemTrayIcon.isSystemTrayAvailable()
    if shows_window_at_start(
        parts.start_hidden, tray_available, bool(parts.settings.get("first_run_done"))
    ):
        window.show_fitted()
    runner = ctx.runner
    exit_after_shown = os.environ.get(EXIT_AFTER_SHOWN_VARIABLE, "")
    if exit_after_shown:  # for benchmarks/startup.py: "shown" now, "ready" once data is open
        # "cpu": with the CPU seconds spent so far, which a busy machine changes far less
        cpu = exit_after_shown == "cpu"
        QTimer.singleShot(
            0, lambda: print("shown", *([time.process_time()] if cpu else []), flush=True)
        )
        window.session_changed.connect(lambda: (print("ready", flush=True), app.quit()))
    # The tray and its reminder watch right after Home is on screen, before the data opens:
    # ui.tray and the reminder rules are 25 ms of imports Home need not wait for.
    QTimer.singleShot(0, lambda: install_tray(window, tray_available))
    QTimer.singleShot(0, lambda: open_in_background(window, parts.open_data, parts.make_speaker))
    instance = parts.instance
    if instance is not None:  # later starts bring this window forward instead of starting
        from ui.single_instance import bring_window_forward

        # After Home is shown and the data starts opening (QtNetwork takes ~20 ms to load);
        # a second start meanwhile keeps trying for a few seconds.
        QTimer.singleShot(0, lambda: instance.listen(lambda: bring_window_forward(window)))
    try:
        return app.exec()
    finally:
        runner.wait_for_idle()  # every save asked for is written before the data closes
        speech.shutdown()
        if ctx.session is not None:
            ctx.session.close()
        if instance is not None:
            instance.release()


def install_tray(window: MainWindow, tray_available: bool) -> None:
    """The tray icon, the reminder watch and closing to the tray (ui.tray)."""
    from ui.tray import install_background

    install_background(window, tray_available=tray_available)


def shows_window_at_start(start_hidden: bool, tray_available: bool, first_run_done: bool) -> bool:
    """Started with the computer (`--background`), Companion waits in the tray until something
    is due or the person opens it; with no tray, or before the first setup, the window shows."""
    return not (start_hidden and tray_available and first_run_done)


def open_named_screen(window: MainWindow, name: str) -> None:
    """Open a screen by name at start (for caregivers' shortcuts and screenshots). Settings
    opens by its route, so it asks for the helper PIN where a helper set one, as from Home."""
    if name == "settings":
        window.open("settings")
    elif name == "help_now":
        window.show_help_now()
    elif name != "home":
        _log.warning("Unknown screen %r asked for at start; showing Home", name)
