"""Starting with the computer: the entry each system reads at login, written and removed."""

from __future__ import annotations

import plistlib
from pathlib import Path

from companion.reminders.autostart import BACKGROUND_ARGUMENT, StartWithComputer

COMMAND = ("/opt/Companion App/companion", BACKGROUND_ARGUMENT)


def test_linux_autostart_entry_is_written_in_home_and_removed_again(tmp_path: Path) -> None:
    other = tmp_path / ".config" / "autostart" / "someone-else.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    start = StartWithComputer("linux", tmp_path, COMMAND, {})
    assert not start.is_on()

    start.set(True)
    entry = tmp_path / ".config" / "autostart" / "companion.desktop"
    assert start.is_on() and entry.exists()
    text = entry.read_text()
    assert text.startswith("[Desktop Entry]\n") and "Type=Application" in text
    assert 'Exec="/opt/Companion App/companion" --background' in text
    assert "X-GNOME-Autostart-enabled=true" in text

    start.set(False)
    assert not entry.exists() and not start.is_on()
    assert other.exists()  # only what Companion added is removed


def test_linux_follows_xdg_config_home(tmp_path: Path) -> None:
    start = StartWithComputer("linux", tmp_path, COMMAND, {"XDG_CONFIG_HOME": str(tmp_path / "c")})
    assert start.turn_on() == tmp_path / "c" / "autostart" / "companion.desktop"


def test_windows_startup_folder_script_and_the_installers_shortcut(tmp_path: Path) -> None:
    appdata = tmp_path / "AppData" / "Roaming"
    start = StartWithComputer(
        "windows",
        tmp_path,
        (r"C:\Program Files\Companion\companion.exe", "--background"),
        {"APPDATA": str(appdata)},
    )
    folder = appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
    path = start.turn_on()
    assert path == folder / "Companion.cmd"
    data = path.read_bytes()
    assert b"\r\n" in data  # a Windows script
    assert b'start "" "C:\\Program Files\\Companion\\companion.exe" --background' in data
    shortcut = folder / "Companion.lnk"  # what the installer's "startup" task adds
    shortcut.write_bytes(b"L\x00\x00\x00")
    start.turn_off()
    assert not path.exists() and not shortcut.exists() and not start.is_on()


def test_macos_launch_agent_runs_companion_quietly_at_login(tmp_path: Path) -> None:
    start = StartWithComputer(
        "macos", tmp_path, ("/Applications/Companion.app/x", "--background"), {}
    )
    path = start.turn_on()
    assert path == tmp_path / "Library" / "LaunchAgents" / "org.companion.Companion.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent["Label"] == "org.companion.Companion"
    assert agent["ProgramArguments"] == ["/Applications/Companion.app/x", "--background"]
    assert agent["RunAtLoad"] is True
    start.turn_off()
    assert not path.exists()
