"""Guards against the PySide6 6.12.0 bug that aborts Python 3.11 after a few hundred bool emits.

Runs in a child process (so a regression cannot take the test run down) and imports Qt only
there: tests/unit stays Qt-free itself.
"""

from __future__ import annotations

import subprocess
import sys

REPRODUCTION = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

app = QCoreApplication([])

class Speaker(QObject):
    finished = Signal(int, bool)

speaker = Speaker()
heard = []
speaker.finished.connect(lambda i, completed: heard.append(i))
before = sys.getrefcount(True)
for i in range(3000):
    speaker.finished.emit(i, True)
assert len(heard) == 3000
print(sys.getrefcount(True) - before)
"""


def test_emitting_bool_signals_does_not_leak_references_to_true() -> None:
    result = subprocess.run(
        [sys.executable, "-c", REPRODUCTION],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, f"Qt aborted the interpreter:\n{result.stderr[-2000:]}"
    assert abs(int(result.stdout.strip())) < 100
