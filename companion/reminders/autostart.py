""" "Start Companion when the computer starts": the one file each system reads at login.

Linux: a freedesktop autostart entry; Windows: a small script in the Startup folder (the
installer may add a real shortcut, which turning this off removes too); macOS: a LaunchAgent.
The same code makes all three, so tests check the Windows and macOS files on Linux. Started this
way, Companion opens quietly (`--background`): no window until something is due.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

_log = logging.getLogger(__name__)

System = Literal["linux", "windows", "macos"]
BACKGROUND_ARGUMENT = "--background"
LINUX_FILE_NAME = "companion.desktop"
WINDOWS_FILE_NAME = "Companion.cmd"
WINDOWS_INSTALLER_SHORTCUT = "Companion.lnk"  # what installers/windows/companion.iss may add
MACOS_LABEL = "org.companion.Companion"


def this_system() -> System:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def start_command() -> tuple[str, ...]:
    """How to start this Companion quietly: the bundle itself, or this Python with the module."""
    if getattr(sys, "frozen", False):
        return (sys.executable, BACKGROUND_ARGUMENT)
    python = Path(sys.executable)
    windowless = python.with_name("pythonw.exe")  # no console window on Windows
    if windowless.exists():
        python = windowless
    return (str(python), "-m", "companion", BACKGROUND_ARGUMENT)


@dataclass(frozen=True)
class StartWithComputer:
    """Where this system looks at login, and what Companion puts there (tests pass a temporary
    home and a system)."""

    system: System
    home: Path
    command: tuple[str, ...]
    environ: Mapping[str, str]

    @classmethod
    def for_this_computer(cls) -> StartWithComputer:
        return cls(this_system(), Path.home(), start_command(), dict(os.environ))

    def folder(self) -> Path:
        if self.system == "windows":
            appdata = self.environ.get("APPDATA") or str(self.home / "AppData" / "Roaming")
            return Path(appdata) / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
        if self.system == "macos":
            return self.home / "Library" / "LaunchAgents"
        config = self.environ.get("XDG_CONFIG_HOME") or str(self.home / ".config")
        return Path(config) / "autostart"

    def entry_path(self) -> Path:
        name = {
            "linux": LINUX_FILE_NAME,
            "windows": WINDOWS_FILE_NAME,
            "macos": f"{MACOS_LABEL}.plist",
        }[self.system]
        return self.folder() / name

    def entry_text(self) -> bytes:
        """The file's bytes for this system (pure: nothing is written)."""
        if self.system == "windows":
            return windows_script(self.command)
        if self.system == "macos":
            return launch_agent(self.command)
        return desktop_entry(self.command)

    def is_on(self) -> bool:
        return self.entry_path().exists() or self._installer_shortcut().exists()

    def turn_on(self) -> Path:
        """Write the entry (owner-only where the system allows); returns where it went."""
        from companion.config import write_file_atomically

        path = self.entry_path()
        write_file_atomically(path, self.entry_text())
        if self.system != "windows":
            path.chmod(0o644 if self.system == "linux" else 0o600)
        _log.info("Companion now starts with the computer")
        return path

    def turn_off(self) -> None:
        """Remove what Companion (or its installer) added; nothing else in the folder is touched."""
        self.entry_path().unlink(missing_ok=True)
        self._installer_shortcut().unlink(missing_ok=True)
        _log.info("Companion no longer starts with the computer")

    def set(self, on: bool) -> None:
        self.turn_on() if on else self.turn_off()

    def _installer_shortcut(self) -> Path:
        if self.system != "windows":
            return self.entry_path()
        return self.folder() / WINDOWS_INSTALLER_SHORTCUT


def _desktop_quote(argument: str) -> str:
    """Quote one Exec argument as the Desktop Entry Specification asks."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`%"):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return '"' + escaped.replace("%", "%%") + '"'


def desktop_entry(command: Sequence[str]) -> bytes:
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Name=Companion",
        "Comment=Reminders for your video sessions and check-ins",
        "Exec=" + " ".join(_desktop_quote(part) for part in command),
        "Icon=companion",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "X-Companion-Added-By=Companion settings",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def windows_script(command: Sequence[str]) -> bytes:
    """A Startup-folder script: `start` returns at once, so no console window stays open."""
    quoted = " ".join(f'"{part}"' if " " in part or not part else part for part in command)
    lines = [
        "@echo off",
        'rem Added by Companion ("Start Companion when the computer starts").',
        "rem Turning that choice off in Companion removes this file.",
        f'start "" {quoted}',
        "",
    ]
    return "\r\n".join(lines).encode("utf-8")


def launch_agent(command: Sequence[str]) -> bytes:
    agent = {
        "Label": MACOS_LABEL,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    import plistlib  # macOS only

    return plistlib.dumps(agent)
