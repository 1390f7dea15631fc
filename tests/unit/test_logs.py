"""The log file rotates, is owner-only, and never keeps meeting passcodes or link queries."""

from __future__ import annotations

import logging
import stat
import subprocess
import sys
from pathlib import Path

from companion.logs import LOG_FILE_NAME, LOG_MAX_BYTES, redact, setup_logging


def test_redact_drops_queries_and_secrets() -> None:
    line = "opening https://zoom.us/j/123?pwd=SECRET42 and pin=1234 token=abc"
    cleaned = redact(line)
    assert "SECRET42" not in cleaned and "1234" not in cleaned and "abc" not in cleaned
    assert "https://zoom.us/j/123" in cleaned


def test_log_file_is_private_and_redacted(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    logging.getLogger("companion.test").warning("link https://x.zoom.us/j/1?pwd=hunter2")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert path.name == LOG_FILE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "").startswith(str(tmp_path)):
            root.removeHandler(handler)
            handler.close()
    assert "https://x.zoom.us/j/1" in text and "hunter2" not in text


def _close_handlers_in(folder: Path) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "").startswith(str(folder)):
            root.removeHandler(handler)
            handler.close()


def test_a_full_log_rotates_into_three_owner_only_files(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    log = logging.getLogger("companion.test")
    line = "x" * 1000
    try:
        for number in range(5 * LOG_MAX_BYTES // len(line)):
            log.warning("%d %s", number, line)
    finally:
        _close_handlers_in(tmp_path)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == [LOG_FILE_NAME] + [f"{LOG_FILE_NAME}.{n}" for n in (1, 2, 3)]
    for file in tmp_path.iterdir():
        assert file.stat().st_size <= LOG_MAX_BYTES
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    newest = path.read_text(encoding="utf-8").splitlines()[-1]
    assert newest.endswith(f"{5 * LOG_MAX_BYTES // len(line) - 1} {line}")
    older = (tmp_path / f"{LOG_FILE_NAME}.1").read_text(encoding="utf-8").splitlines()[-1]
    assert int(older.split(": ")[1].split()[0]) < int(newest.split(": ")[1].split()[0])


def test_the_log_file_does_not_load_logging_handlers(tmp_path: Path) -> None:
    """logging.handlers brings pickle, socket and queue (about 14 ms of a start)."""
    code = (
        "import logging, sys; from pathlib import Path; from companion.logs import setup_logging;"
        "setup_logging(Path(sys.argv[1])); logging.getLogger('companion').warning('hello');"
        "print('logging.handlers' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"
    assert "hello" in (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
