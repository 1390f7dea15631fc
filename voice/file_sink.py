"""A silent sound card: a "player" that keeps each WAV it is given and takes as long as the sound.

For computers with no sound card (tests, CI, demos): point the speaker at it with
`COMPANION_SPEECH_PLAYER="python /path/to/voice/file_sink.py SINK_DIR {wav}"` and the whole speech
pipeline runs, timing included; SINK_DIR then holds what would have been heard, numbered in order.
It runs as a script on purpose (no imports of ours), so it starts in a few tens of milliseconds.
"""

from __future__ import annotations

import shutil
import sys
import time
import wave
from pathlib import Path


def play_into(sink_dir: Path, wav: Path) -> int:
    """Copy `wav` into `sink_dir` as the next numbered file, then wait as long as it sounds."""
    try:
        with wave.open(str(wav), "rb") as audio:
            duration = audio.getnframes() / audio.getframerate()
    except (OSError, EOFError, wave.Error) as exc:
        print(f"file_sink: cannot play {wav.name}: {exc}", file=sys.stderr)
        return 1
    sink_dir.mkdir(parents=True, exist_ok=True)
    number = len(list(sink_dir.glob("*.wav"))) + 1
    shutil.copyfile(wav, sink_dir / f"{number:04d}.wav")
    time.sleep(duration)
    return 0


def sink_command(sink_dir: Path) -> list[str]:
    """The player command that plays into `sink_dir` with this Python."""
    return [sys.executable, "-I", str(Path(__file__).resolve()), str(sink_dir), "{wav}"]


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: file_sink.py SINK_DIR WAV", file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(play_into(Path(sys.argv[1]), Path(sys.argv[2])))
