"""The core must work with Qt absent: every companion module imports with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCK_QT_AND_IMPORT_ALL = """
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name in ("ui", "voice"):
            raise ImportError(f"{name} is blocked: the core must not import it")
        return None

sys.meta_path.insert(0, BlockQt())
import companion
names = ["companion"]
for info in pkgutil.walk_packages(companion.__path__, "companion."):
    if ".migrations" in info.name:
        continue
    names.append(info.name)
for name in names:
    importlib.import_module(name)
assert not any(m == "PySide6" or m.startswith("PySide6.") for m in sys.modules)
print(len(names))
"""


def test_every_core_module_imports_without_qt_ui_or_voice() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_IMPORT_ALL],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 5


def test_version_and_check_run_without_a_display(tmp_path: Path) -> None:
    env = {"COMPANION_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    version = subprocess.run(
        [sys.executable, "-m", "companion", "--version"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert version.returncode == 0
    assert version.stdout.startswith("Companion ")
