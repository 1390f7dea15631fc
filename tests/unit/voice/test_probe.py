"""probe() and a missing or broken engine, set by configuration (no mocking of pyttsx3)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from voice import ENGINE_ENV, Speaker, messages, probe
from voice.file_sink import sink_command
from voice.player import PLAYER_ENV


class Finished:
    """Counts callbacks and lets a test wait for a given utterance to finish."""

    def __init__(self) -> None:
        self.started: list[int] = []
        self.finished: dict[int, bool] = {}
        self.errors: list[str] = []
        self.any_finished = threading.Event()

    def speech_started(self, utterance_id: int) -> None:
        self.started.append(utterance_id)

    def speech_word(self, utterance_id: int, position: int, length: int) -> None:
        pass

    def speech_finished(self, utterance_id: int, completed: bool) -> None:
        self.finished[utterance_id] = completed
        self.any_finished.set()

    def speech_error(self, utterance_id: int, sentence: str) -> None:
        self.errors.append(sentence)


def test_probe_says_speech_works_with_the_real_engine_and_a_working_player(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENGINE_ENV, raising=False)
    monkeypatch.setenv(PLAYER_ENV, " ".join(sink_command(tmp_path / "sink")))
    status = probe()
    assert status.ok and status.sentence == messages.SPEECH_OK
    assert status.engine == "espeak" and Path(sys.executable).name == status.player
    assert len(list((tmp_path / "sink").glob("*.wav"))) == 1  # the player really ran


def test_engine_switched_off_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENGINE_ENV, "none")
    status = probe()
    assert not status.ok
    assert status.sentence == messages.NO_ENGINE
    assert "espeak-ng" in status.sentence and status.sentence.startswith("Speech is not available")
    assert status.engine == "none"


def test_engine_that_cannot_start_is_reported_with_what_to_install(tmp_path: Path) -> None:
    speaker = Speaker(engine="no_such_driver", player=sink_command(tmp_path))
    try:
        status = speaker.check()
        assert (status.ok, status.sentence) == (False, messages.NO_ENGINE)
        assert speaker.problem == messages.NO_ENGINE
    finally:
        speaker.shutdown()


def test_engine_that_renders_nothing_is_a_failure_not_silence(tmp_path: Path) -> None:
    # pyttsx3's own "dummy" driver starts but cannot make sound: a broken engine.
    speaker = Speaker(engine="dummy", player=sink_command(tmp_path / "sink"))
    try:
        status = speaker.check()
        assert (status.ok, status.sentence, status.engine) == (
            False,
            messages.ENGINE_FAILED,
            "dummy",
        )
        with pytest.raises(Exception, match="render failed"):
            speaker.speak_to_file("Hello.", tmp_path / "x.wav")
    finally:
        speaker.shutdown()
    assert not (tmp_path / "sink").exists()


def test_without_an_engine_say_keeps_working_quietly_and_says_why_once(tmp_path: Path) -> None:
    listener = Finished()
    speaker = Speaker(engine="none", player=sink_command(tmp_path / "sink"))
    speaker.add_listener(listener)
    speaker.check_in_background()
    try:
        ids = [speaker.say("Hello."), speaker.say("Anyone there?")]
        assert ids[0] != ids[1]
        speaker.check()  # the worker has handled everything queued before this
        assert listener.finished == {ids[0]: False, ids[1]: False}
        assert listener.started == []
        assert listener.errors in ([], [messages.NO_ENGINE])  # once at most (may precede listening)
        assert speaker.problem == messages.NO_ENGINE
    finally:
        speaker.shutdown()


def test_no_sound_output_by_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PLAYER_ENV, "none")
    status = probe()
    assert (status.ok, status.sentence) == (False, messages.NO_AUDIO_DEVICE)
