"""Where speech keeps its sound files: a private folder (0700) that never outlives Companion.

Each WAV holds a sentence that was read aloud (a doctor's name, a phone number), so it is as
private as a note. The folder sits inside the data folder, not the shared temp folder; only the
person's account can open it; each file is removed once played or when playing fails, the
speaker's own folder when it shuts down or the process ends, and anything a killed Companion
left behind at the next start.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

SPEECH_FOLDER_NAME = "speech"


def make_private_folder(data_dir: Path | None) -> Path:
    """A new, empty, owner-only folder for one speaker's sound files.

    Under `data_dir/speech/` (leftovers of processes no longer running removed first); with no
    `data_dir` (tests, `--check`), an owner-only folder in the temp folder.
    """
    if data_dir is None:
        return Path(tempfile.mkdtemp(prefix="companion-speech-"))
    base = data_dir / SPEECH_FOLDER_NAME
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(base, 0o700)  # an older folder made with the umask's 0755
    remove_leftovers(base)
    return Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=base))  # mkdtemp: 0700


def remove_leftovers(base: Path) -> None:
    """Remove what speakers of processes no longer running left in `base` (a kill, a crash)."""
    for child in base.iterdir():
        owner = child.name.split("-", 1)[0]
        if owner == str(os.getpid()) or _still_running(owner):
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _still_running(pid_text: str) -> bool:
    """Whether process `pid_text` runs; on Windows we cannot ask safely, so we say no (files a
    running player holds open are then simply left for the next start)."""
    if os.name == "nt" or not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True
