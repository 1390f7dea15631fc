"""Attacks on plaintext outside the locked database (issue #13, items 3 and 8), without Qt.

Speech sounds stay in a private folder and never outlive their use; SQLAlchemy errors carry no
note into the log; the helper's setup page never holds the recovery code.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
import threading
import wave
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from companion.checkin.models import CheckIn
from companion.clock import FixedClock
from companion.logs import setup_logging
from companion.people.profiles import open_people
from companion.security import new_recovery_code
from companion.setup.flow import SetupAnswers
from companion.setup.summary import summary
from tests.fast_argon2 import FAST
from voice import Speaker
from voice.file_sink import sink_command
from voice.sound_folder import SPEECH_FOLDER_NAME

MARKER = "ZEBRA-7731-DOCTOR-NOTE"
WAIT_S = 20.0


class Finished:
    """A speech listener that lets the test wait for one utterance's end (no sleeping)."""

    def __init__(self) -> None:
        self.done: dict[int, threading.Event] = {}

    def _event(self, utterance_id: int) -> threading.Event:
        return self.done.setdefault(utterance_id, threading.Event())

    def speech_started(self, utterance_id: int) -> None: ...

    def speech_word(self, utterance_id: int, position: int, length: int) -> None: ...

    def speech_error(self, utterance_id: int, sentence: str) -> None: ...

    def speech_finished(self, utterance_id: int, completed: bool) -> None:
        self._event(utterance_id).set()

    def wait(self, utterance_id: int) -> None:
        assert self._event(utterance_id).wait(WAIT_S), "speech never finished"


def _wavs(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _speaker(data_dir: Path, player: list[str]) -> tuple[Speaker, Finished]:
    speaker = Speaker(engine="espeak", player=player, data_dir=data_dir)
    listener = Finished()
    speaker.add_listener(listener)
    return speaker, listener


def test_speech_sounds_live_in_a_private_folder_in_the_data_folder(tmp_path: Path) -> None:
    speaker, listener = _speaker(tmp_path, sink_command(tmp_path / "heard"))
    try:
        listener.wait(speaker.say(f"Doctor Lee, {MARKER}. Call 555 0100."))
        base = tmp_path / SPEECH_FOLDER_NAME
        assert stat.S_IMODE(base.stat().st_mode) == 0o700
        [own] = list(base.iterdir())
        assert stat.S_IMODE(own.stat().st_mode) == 0o700
        assert _wavs(base) == []  # each sentence is removed once played
    finally:
        speaker.shutdown()
    assert not (tmp_path / SPEECH_FOLDER_NAME / own.name).exists()


def test_a_failing_player_leaves_no_sentence_on_disk(tmp_path: Path) -> None:
    failing = [sys.executable, "-c", "import sys; sys.exit(3)", "{wav}"]
    speaker, listener = _speaker(tmp_path, failing)
    try:
        listener.wait(speaker.say(f"{MARKER}. A second sentence. And a third one."))
        assert _wavs(tmp_path / SPEECH_FOLDER_NAME) == []
    finally:
        speaker.shutdown()


def test_sounds_a_killed_companion_left_are_removed_at_the_next_start(tmp_path: Path) -> None:
    base = tmp_path / SPEECH_FOLDER_NAME
    leftover = base / "999999999-killed"
    leftover.mkdir(parents=True)
    with wave.open(str(leftover / "1-0.wav"), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(8000)
        wav.writeframes(MARKER.encode())
    os.chmod(base, 0o755)  # as an older Companion or the umask left it
    speaker = Speaker(engine="none", player="none", data_dir=tmp_path)
    try:
        assert not leftover.exists()
        assert stat.S_IMODE(base.stat().st_mode) == 0o700
    finally:
        speaker.shutdown()


def test_a_failing_write_leaves_no_note_in_the_log(tmp_path: Path) -> None:
    log_path = setup_logging(tmp_path / "logs")
    people = open_people(tmp_path / "data", FixedClock(), keyring=None, argon2=FAST)
    mary = people.add("Mary", "pin", "583920")
    session = people.unlock(mary.id, "583920")
    try:
        assert session.database is not None
        with session.database.engine.begin() as connection:  # the write below must fail
            connection.execute(
                text(
                    "CREATE TRIGGER refuse BEFORE INSERT ON checkins "
                    "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
                )
            )
        when = datetime(2026, 3, 14, 12, tzinfo=UTC)
        with pytest.raises(Exception) as failure:
            session.checkins.finish(CheckIn(None, when, when, "low", frozenset(), MARKER, False))
        logging.getLogger("companion.ui.jobs").error("Saving failed", exc_info=failure.value)
    finally:
        session.close()
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_path.read_text(encoding="utf-8")
    assert "Saving failed" in logged and "disk full" in logged  # the error itself is there
    assert MARKER not in logged and MARKER not in str(failure.value)


def test_the_helpers_page_never_holds_the_recovery_code() -> None:
    code = new_recovery_code()
    answers = SetupAnswers(name="Sam", lock="pin", secret="583920", recovery_code=code)
    page = " ".join(f"{line.label} {line.value}" for line in summary(answers, set(), "Canada"))
    assert code not in page and "583920" not in page
    assert "not printed here" in page
