"""`companion` / `python -m companion`: the launcher, the one place that builds and wires the parts.

The core never imports Qt; the UI and the speech engine are imported here only when needed, so
`companion --check` and `--version` work without a display. The person's encrypted data and
the speech engine open after the window is shown (in the background), so Home appears fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from companion import __version__
from companion.clock import Clock, SystemClock
from companion.config import SETTINGS_FILE_NAME, SettingsStore
from companion.i18n import N_, _, set_language
from companion.logs import setup_logging
from companion.paths import content_dir, data_dir, logs_dir
from companion.preset.reading import apply_system_preset
from companion.safety.crisis import CrisisDirectory, load_crisis_directory

if TYPE_CHECKING:
    from companion.checkup import CheckResult
    from companion.people.profiles import People
    from companion.startup import StartDecision

_log = logging.getLogger("companion")


@dataclass
class CoreParts:
    """Everything Qt-free the UI needs, built once by the launcher."""

    data_dir: Path
    content_dir: Path
    settings: SettingsStore
    clock: Clock
    crisis: CrisisDirectory
    make_speaker: Callable[[], Any]  # returns a voice.Speaker or None; may take a moment
    open_data: Callable[[], tuple[People, StartDecision]]  # the person's data; may take a moment
    notices: list[str] = field(default_factory=list)
    open_screen: str | None = None
    start_hidden: bool = False  # --background: started with the computer
    instance: Any = None  # ui.single_instance.SingleInstance: this process owns the data folder
    debug: bool = False  # --debug: storage touched on the UI thread raises instead of logging


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="companion", description="Companion: mood check-ins, video sessions, learning."
    )
    parser.add_argument("--version", action="store_true", help="print the version and stop")
    parser.add_argument(
        "--check", action="store_true", help="check speech, keyring, encryption and data folder"
    )
    parser.add_argument(
        "--open",
        metavar="SCREEN",
        help="start on a screen: home, settings (asks for the helper PIN if one is set), help_now",
    )
    parser.add_argument(
        "--background",
        action="store_true",
        help="start quietly (at login): no window until a reminder is due or it is opened",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="for developers: stop on storage work done on the window's thread",
    )
    return parser.parse_args(argv)


def make_speaker(settings: SettingsStore, data_dir: Path | None = None) -> Any:
    """The speech engine, or None when it cannot even start (the UI then says so once).

    Its sound files (sentences read aloud) stay in a private folder inside `data_dir`."""
    try:
        voice = importlib.import_module("voice")
        speaker = voice.Speaker(data_dir=data_dir)
        speaker.set_voice(
            settings.get("speech_rate"),
            settings.get("speech_volume") / 100,
            settings.get("language"),
        )
        return speaker
    except Exception:  # speech must never stop the app from starting
        _log.exception("Speech could not start")
        return None


def open_data(folder: Path, clock: Clock) -> tuple[People, StartDecision]:
    """Open the people of this PC and the person to start with (imports the storage stack)."""
    from companion.leftovers import remove_leftovers
    from companion.people.profiles import open_people
    from companion.startup import open_start_session

    people = open_people(folder, clock)
    people.remove_unfinished()  # folders of a killed first start or restore
    remove_leftovers(folder, clock.now(), outside=[Path.home()])
    return people, open_start_session(people)


def claim_data_folder(folder: Path) -> Any | None:
    """Make this the one Companion of `folder`, or (None) bring the running one forward.

    Taken before anything is read or written, so two starts at once never both set up."""
    guard = importlib.import_module("ui.single_instance").SingleInstance(folder)
    if guard.claim():
        return guard
    if guard.ask_first_to_show():
        _log.info("Companion is already open here; it was brought forward")
    else:
        _log.warning("Companion is already open here but did not answer; not starting twice")
    return None


def speech_probe() -> CheckResult:
    from companion.checkup import CheckResult

    try:
        voice = importlib.import_module("voice")
        status = voice.probe()
    except ImportError as exc:
        return CheckResult(
            N_("speech"), False, _("Speech is not installed ({problem}).").format(problem=exc)
        )
    return CheckResult(N_("speech"), bool(status.ok), _(str(status.sentence)))


def security_probes(folder: Path) -> list[Callable[[], CheckResult]]:
    """Keyring and encryption checks from companion.security (Qt-free)."""
    from companion.checkup import CheckResult
    from companion.security import encryption_status, keyring_status, keyring_uses_fallback

    def keyring_probe() -> CheckResult:
        ok, sentence = keyring_status(folder)
        return CheckResult(
            N_("keyring"), ok, sentence, warning=ok and keyring_uses_fallback(folder)
        )

    def encryption_probe() -> CheckResult:
        ok, sentence = encryption_status(folder)
        return CheckResult(N_("encryption"), ok, sentence)

    return [keyring_probe, encryption_probe]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        print(f"Companion {__version__}")
        return 0
    folder = data_dir()
    setup_logging(logs_dir(folder))
    content = content_dir()
    clock = SystemClock()
    if args.check:  # --check only: its probes are imported here, not on an everyday start
        from companion.checkup import check_crisis_lines, check_data_folder, report, run_checks

        set_language(SettingsStore(folder / SETTINGS_FILE_NAME).get("language"))
        probes: list[Callable[[], CheckResult]] = [
            lambda: check_data_folder(folder),
            lambda: check_crisis_lines(content, clock.now().date()),
            speech_probe,
            *security_probes(folder),
        ]
        text, code = report(run_checks(probes))
        print(text)
        return code

    instance = claim_data_folder(folder)
    if instance is None:
        return 0
    crisis, crisis_problem = load_crisis_directory(content)
    preset_notices: list[str] = []
    apply_system_preset(  # an IT preset fills a first start only
        folder / SETTINGS_FILE_NAME, today=clock.now().date(), notices=preset_notices
    )
    settings = SettingsStore(folder / SETTINGS_FILE_NAME, regions=crisis.codes(), clock=clock)
    set_language(settings.get("language"))
    notices = [_(sentence) for sentence in preset_notices]
    if settings.problem:
        notices.append(settings.problem)
    if crisis_problem is not None:
        notices.append(_("The crisis phone lines could not be read. Basic numbers are shown."))
    _log.info("Companion %s starting", __version__)
    parts = CoreParts(
        data_dir=folder,
        content_dir=content,
        settings=settings,
        clock=clock,
        crisis=crisis,
        make_speaker=lambda: make_speaker(settings, folder),
        open_data=lambda: open_data(folder, clock),
        notices=notices,
        open_screen=args.open,
        start_hidden=args.background,
        instance=instance,
        debug=args.debug,
    )
    ui_launch = importlib.import_module("ui.launch")
    return int(ui_launch.run(parts))


if __name__ == "__main__":
    raise SystemExit(main())
