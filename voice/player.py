"""Play a WAV file with a sound player we start ourselves, so stop is real and a failure is seen.

A player is a command (`aplay`, `paplay`, `pw-play`, sox's `play`, macOS `afplay`) run as a child
process: stopping it is a terminate, and "no sound card" is its non-zero exit. Windows has no such
command, so there the standard library's winsound plays the file instead.
"""

from __future__ import annotations

import logging
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from voice import messages
from voice.engine import SpeechUnavailableError

_log = logging.getLogger(__name__)

PLAYER_ENV = "COMPANION_SPEECH_PLAYER"
NO_PLAYER_NAME = "none"
WAV_PLACEHOLDER = "{wav}"
STOP_GRACE_S = 0.5
# Tried in order; the first one installed is used.
LINUX_PLAYERS: tuple[tuple[str, ...], ...] = (
    ("pw-play", WAV_PLACEHOLDER),
    ("paplay", WAV_PLACEHOLDER),
    ("aplay", "-q", WAV_PLACEHOLDER),
    ("play", "-q", WAV_PLACEHOLDER),
)
MAC_PLAYERS: tuple[tuple[str, ...], ...] = (("afplay", WAV_PLACEHOLDER),)


class Playback(Protocol):
    """One file being played."""

    def poll(self) -> int | None:
        """None while playing; then 0 if it played to the end, else the player's error code."""

    def stop(self) -> None:
        """Silence it now (returns within about half a second at worst)."""

    def complaint(self) -> str:
        """What the player said when it failed (for the log)."""


class Player(Protocol):
    """Something that plays WAV files."""

    name: str

    def start(self, wav: Path, duration_s: float) -> Playback:
        """Begin playing `wav`; raises SpeechUnavailableError if the player cannot be started."""


class CommandPlayback:
    """A player process playing one file."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        self._complaint = ""
        self._collected = False

    def poll(self) -> int | None:
        code = self._process.poll()
        if code is not None:
            self._collect()
        return code

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(STOP_GRACE_S)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._collect()

    def _collect(self) -> None:
        """Read what the player said and close its pipe (once it has ended)."""
        if self._collected:
            return
        self._collected = True
        _out, err = self._process.communicate()
        if self._process.returncode != 0:
            lines = (err or b"").decode("utf-8", "replace").strip().splitlines()
            self._complaint = " / ".join(lines[-2:])

    def complaint(self) -> str:
        return self._complaint


class CommandPlayer:
    """Plays files by running `command`, with WAV_PLACEHOLDER replaced by the file's path."""

    def __init__(self, command: Sequence[str]) -> None:
        if not command:
            raise ValueError("A player command needs at least the program's name")
        self.command = tuple(command)
        self.name = Path(self.command[0]).name

    def start(self, wav: Path, duration_s: float) -> Playback:
        args = [part.replace(WAV_PLACEHOLDER, str(wav)) for part in self.command]
        if not any(WAV_PLACEHOLDER in part for part in self.command):
            args.append(str(wav))
        try:
            process = subprocess.Popen(
                args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
        except OSError as exc:
            raise SpeechUnavailableError(
                messages.NO_PLAYER, f"sound player {self.name} could not start: {exc!r}"
            ) from exc
        return CommandPlayback(process)


class WinsoundPlayback:
    """A file played by Windows' own PlaySound (no child process to end, so it keeps time)."""

    def __init__(self, wav: Path, duration_s: float) -> None:
        self._ends_at = time.monotonic() + duration_s
        self._stopped = False
        if sys.platform == "win32":
            import winsound

            try:
                winsound.PlaySound(
                    str(wav), winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
                )
            except RuntimeError as exc:
                raise SpeechUnavailableError(
                    messages.NO_AUDIO_DEVICE, f"PlaySound failed: {exc!r}"
                ) from exc

    def poll(self) -> int | None:
        if self._stopped or time.monotonic() >= self._ends_at:
            return 0
        return None

    def stop(self) -> None:
        self._stopped = True
        if sys.platform == "win32":
            import winsound

            winsound.PlaySound(None, 0)

    def complaint(self) -> str:
        return ""


class WinsoundPlayer:
    """Plays files with winsound on Windows."""

    name = "winsound"

    def start(self, wav: Path, duration_s: float) -> Playback:
        return WinsoundPlayback(wav, duration_s)


def find_player(
    configured: Sequence[str] | str | None = None, environ: Mapping[str, str] | None = None
) -> Player:
    """The player to use: `configured`, else $COMPANION_SPEECH_PLAYER, else the first one installed.

    A command is a list or a shell-style string with WAV_PLACEHOLDER where the file goes; "none"
    means this computer has no sound output. Raises SpeechUnavailableError when there is no player.
    """
    chosen = configured
    if chosen is None and environ is not None:
        chosen = environ.get(PLAYER_ENV) or None
    if isinstance(chosen, str):
        if chosen.strip() == NO_PLAYER_NAME:
            raise SpeechUnavailableError(
                messages.NO_AUDIO_DEVICE, "sound output off by configuration"
            )
        chosen = shlex.split(chosen)
    if chosen is not None:
        return CommandPlayer(chosen)
    if sys.platform == "win32":
        return WinsoundPlayer()
    for command in MAC_PLAYERS if sys.platform == "darwin" else LINUX_PLAYERS:
        if shutil.which(command[0]):
            return CommandPlayer(command)
    raise SpeechUnavailableError(messages.NO_PLAYER, "no sound player program is installed")
