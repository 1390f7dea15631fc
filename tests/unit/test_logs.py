"""The log file rotates, is owner-only, and never keeps meeting passcodes or link queries."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from companion.logs import LOG_FILE_NAME, redact, setup_logging


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
