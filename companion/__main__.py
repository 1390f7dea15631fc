"""`companion` / `python -m companion`: the launcher, the one place that builds and wires the parts.

The core never imports Qt; the UI and the speech engine are imported here only when needed, so
`companion --check` and `--version` work without a display.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from companion import __version__
from companion.checkup import (
    CheckResult,
    check_crisis_lines,
    check_data_folder,
    report,
    run_checks,
)
from companion.clock import Clock, SystemClock
from companion.config import SETTINGS_FILE_NAME, SettingsStore
from companion.i18n import set_language
from companion.logs import setup_logging
from companion.paths import content_dir, data_dir, logs_dir
from companion.profiles import People, PersonSession, open_people
from companion.safety import CrisisDirectory, load_crisis_directory
from companion.startup import open_start_session

_log = logging.getLogger("companion")


@dataclass
class CoreParts:
    """Everything Qt-free the UI needs, built once by the launcher."""

    data_dir: Path
    content_dir: Path
    settings: SettingsStore
    clock: Clock
    crisis: CrisisDirectory
    speaker: Any  # voice.Speaker, or None when speech cannot start
    people: People
    session: PersonSession
    needs_person_picker: bool = False
    notices: list[str] = field(default_factory=list)
    open_screen: str | None = None


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="companion", description="Companion: mood check-ins, video sessions, learning."
    )
    parser.add_argument("--version", action="store_true", help="print the version and stop")
    parser.add_argument(
        "--check", action="store_true", help="check speech, keyring, encryption and data folder"
    )
    parser.add_argument(
        "--open", metavar="SCREEN", help="start on a screen: home, settings, help_now"
    )
    return parser.parse_args(argv)


def build_speaker(settings: SettingsStore) -> tuple[Any, str | None]:
    """The speech engine and, when it cannot speak, the sentence to show once on screen."""
    try:
        voice = importlib.import_module("voice")
        status = voice.probe()
        if not status.ok:
            return None, str(status.sentence)
        speaker = voice.Speaker()
        speaker.set_voice(
            settings.get("speech_rate"),
            settings.get("speech_volume") / 100,
            settings.get("language"),
        )
        return speaker, None
    except Exception as exc:  # speech must never stop the app from starting
        _log.exception("Speech could not start")
        return None, (
            "Speech is not available on this computer. Install espeak-ng to hear Companion "
            f"read aloud. ({type(exc).__name__})"
        )


def speech_probe() -> CheckResult:
    try:
        voice = importlib.import_module("voice")
        status = voice.probe()
    except ImportError as exc:
        return CheckResult("speech", False, f"Speech is not installed ({exc}).")
    return CheckResult("speech", bool(status.ok), str(status.sentence))


def security_probes(folder: Path) -> list[Callable[[], CheckResult]]:
    """Keyring and encryption checks from companion.security (Qt-free)."""
    security = importlib.import_module("companion.security")
    probes: list[Callable[[], CheckResult]] = []
    for attr, name in (("keyring_status", "keyring"), ("encryption_status", "encryption")):
        check = getattr(security, attr, None)
        if check is None:
            continue

        def probe(
            check: Callable[[Path], tuple[bool, str]] = check, name: str = name
        ) -> CheckResult:
            ok, sentence = check(folder)
            return CheckResult(name, ok, sentence, warning=ok and "fallback" in sentence.lower())

        probes.append(probe)
    return probes


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        print(f"Companion {__version__}")
        return 0
    folder = data_dir()
    setup_logging(logs_dir(folder))
    content = content_dir()
    clock = SystemClock()
    if args.check:
        probes: list[Callable[[], CheckResult]] = [
            lambda: check_data_folder(folder),
            lambda: check_crisis_lines(content, clock.now().date()),
            speech_probe,
            *security_probes(folder),
        ]
        text, code = report(run_checks(probes))
        print(text)
        return code

    crisis, crisis_problem = load_crisis_directory(content)
    settings = SettingsStore(folder / SETTINGS_FILE_NAME, regions=crisis.codes())
    set_language(settings.get("language"))
    notices = []
    if crisis_problem is not None:
        notices.append("The crisis phone lines could not be read. Basic numbers are shown.")
    speaker, speech_problem = build_speaker(settings)
    if speech_problem:
        notices.append(speech_problem)
    people = open_people(folder, clock)
    start = open_start_session(people)
    if start.problem:
        notices.append(start.problem)
    _log.info("Companion %s starting", __version__)
    parts = CoreParts(
        folder,
        content,
        settings,
        clock,
        crisis,
        speaker,
        people,
        start.session,
        start.needs_person_picker,
        notices,
        args.open,
    )
    ui_app = importlib.import_module("ui.app")
    try:
        return int(ui_app.run(parts))
    finally:
        parts.session.close()


if __name__ == "__main__":
    raise SystemExit(main())
