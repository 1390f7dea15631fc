"""Starting the app from the launcher's parts: the window first, then (in the background) the
person's encrypted data and the speech engine."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer

from companion.i18n import _
from ui.app import MainWindow, build_window, create_application
from ui.context import AppContext

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


def run(parts: Any) -> int:
    """Start the window from the launcher's parts and run until it closes."""
    from ui.speech import SpeechBridge

    app = create_application()
    from companion.storage_guard import forbid_storage_on_this_thread, mode_from_environment

    # Storage on this thread raises with --debug (or COMPANION_STORAGE_GUARD=raise), else logs.
    forbid_storage_on_this_thread(mode_from_environment(bool(getattr(parts, "debug", False))))
    speech = SpeechBridge(None, waiting=True)  # the speaker starts with the data, in the background
    ctx = AppContext(
        settings=parts.settings,
        clock=parts.clock,
        data_dir=parts.data_dir,
        content_dir=parts.content_dir,
        crisis=parts.crisis,
        speech=speech,
        startup_notices=list(parts.notices),
    )
    from ui.screens.setup.system_look import os_look

    ctx.system_look = os_look(app)
    from companion.autostart import StartWithComputer

    ctx.autostart = StartWithComputer.for_this_computer()

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
    from ui.tray import install_background

    background = install_background(window)
    if shows_window_at_start(
        getattr(parts, "start_hidden", False),
        background.tray_available,
        bool(parts.settings.get("first_run_done")),
    ):
        window.show_fitted()
    runner = ctx.runner
    exit_after_shown = bool(os.environ.get(EXIT_AFTER_SHOWN_VARIABLE))
    if exit_after_shown:  # for benchmarks/startup.py: "shown" now, "ready" once data is open
        QTimer.singleShot(0, lambda: print("shown", flush=True))
        window.session_changed.connect(lambda: (print("ready", flush=True), app.quit()))
    QTimer.singleShot(0, lambda: open_in_background(window, parts.open_data, parts.make_speaker))
    instance = getattr(parts, "instance", None)
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


def shows_window_at_start(start_hidden: bool, tray_available: bool, first_run_done: bool) -> bool:
    """Started with the computer (`--background`), Companion waits in the tray until something
    is due or the person opens it; with no tray, or before the first setup, the window shows."""
    return not (start_hidden and tray_available and first_run_done)


def open_named_screen(window: MainWindow, name: str) -> None:
    """Open a screen by name at start (for caregivers' shortcuts and screenshots)."""
    from ui.screens.settings import SettingsScreen

    if name == "settings":
        window.push(SettingsScreen(window.ctx))
    elif name == "help_now":
        window.show_help_now()
    elif name != "home":
        _log.warning("Unknown screen %r asked for at start; showing Home", name)
