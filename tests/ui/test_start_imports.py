"""Home comes up without the heavy parts: storage, crypto, reports and calendars load later.

Not timed (benchmarks/startup.py measures time): this asserts what is loaded, in a fresh
interpreter that builds the window and Home the way the launcher does, before the data opens.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What Home must not wait for: each is loaded when the data opens or a screen needs it.
NOT_AT_HOME = (
    "sqlalchemy",  # about 140 ms and 30 MB: only when the data opens (in the background)
    "asyncio",  # SQLAlchemy's, so it comes with it
    "ssl",  # asyncio's, likewise
    "sqlcipher3",
    "companion.storage",
    "companion.people.profiles",
    "cryptography",
    "argon2",
    "zxcvbn",  # 13 MB of word lists: only when a new passphrase is judged
    "keyring",
    "icalendar",
    "babel.dates",  # only when a date is said in words
    "companion.report",
    "companion.checkup",  # `companion --check` only
    "companion.library",
    "PySide6.QtMultimedia",
    "PySide6.QtPdf",
    "voice",  # the speech engine starts in the background
    "ui.tray",  # the tray and its reminder watch come right after Home is shown
    "companion.reminders.background",
    "companion.checkin",  # the check-in's rules: when a reminder is due or a check-in starts
    "html",  # html.entities is a big table: when a screen first shows rich text
)
# Widget classes Home never uses: PySide6 makes them all (30-45 ms) the first time a plain
# widget Qt made itself reaches Python (a scroll area's viewport, or any event seen by an
# application-wide Python event filter); Home must not be the one to start that.
NEVER_AT_HOME = ("QWizard", "QFileDialog", "QGraphicsView", "QMdiArea", "QCalendarWidget")

BUILD_HOME = """
import json, linecache, sys
from pathlib import Path
from companion.clock import SystemClock
from companion.config import SettingsStore
from companion.safety.crisis import load_crisis_directory
from ui.app import build_window, create_application
from ui.launch import build_context
from ui.speech import SpeechBridge
from PySide6 import QtWidgets

data, content = Path(sys.argv[1]), Path(sys.argv[2])
app = create_application()
crisis, _problem = load_crisis_directory(content)
settings = SettingsStore(data / "settings.json", regions=crisis.codes())
ctx = build_context(
    settings, SystemClock(), data, content, crisis, SpeechBridge(None, waiting=True)
)
window = build_window(ctx)
window.show()
app.processEvents()
print(json.dumps({
    "modules": sorted(sys.modules),
    "sources_kept": len(linecache.cache),
    "widget_classes": sorted(name for name in vars(QtWidgets) if name.startswith("Q")),
}))
window.close()
"""


def home_as_the_launcher_builds_it(tmp_path: Path) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMPANION_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", BUILD_HOME, str(tmp_path), str(ROOT / "content")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_home_is_shown_without_storage_crypto_reports_or_calendars(tmp_path: Path) -> None:
    loaded = home_as_the_launcher_builds_it(tmp_path)["modules"]
    assert isinstance(loaded, list)
    early = sorted(
        name for name in loaded if any(name == n or name.startswith(n + ".") for n in NOT_AT_HOME)
    )
    assert early == [], f"loaded before Home is shown: {early}"


def test_home_is_shown_without_pyside_making_every_widget_class(tmp_path: Path) -> None:
    made = home_as_the_launcher_builds_it(tmp_path)["widget_classes"]
    assert isinstance(made, list)
    assert [name for name in NEVER_AT_HOME if name in made] == []


def test_pyside_keeps_no_copy_of_every_modules_source(tmp_path: Path) -> None:
    """PySide6 reads each module imported after it; ui.qt_source_check keeps that from
    filling linecache (23 MB at start without it)."""
    kept = home_as_the_launcher_builds_it(tmp_path)["sources_kept"]
    assert isinstance(kept, int)
    assert kept < 10, f"{kept} module sources kept in linecache"
