"""Speaker with the real engine and a real player process (a silent sound card), pitfall by pitfall.

The player here is voice/file_sink.py: a child process that keeps each WAV it is given and takes as
long as the sound, so starting, timing, stopping (terminate) and exit codes are all real.
"""

from __future__ import annotations

import gc
import threading
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from voice import Speaker, messages
from voice.file_sink import sink_command

SHORT = "Hello. How are you today?"
LONG = " ".join(["This is a long text that keeps talking for quite a while."] * 12)
WAIT_S = 15.0


class Recorder:
    """A listener that keeps every callback with the time it came and lets tests wait for them."""

    def __init__(self) -> None:
        self.events: list[tuple[str, int, tuple[object, ...], float]] = []
        self.changed = threading.Condition()

    def _add(self, kind: str, utterance_id: int, *rest: object) -> None:
        with self.changed:
            self.events.append((kind, utterance_id, rest, time.monotonic()))
            self.changed.notify_all()

    def speech_started(self, utterance_id: int) -> None:
        self._add("started", utterance_id)

    def speech_word(self, utterance_id: int, position: int, length: int) -> None:
        self._add("word", utterance_id, position, length)

    def speech_finished(self, utterance_id: int, completed: bool) -> None:
        self._add("finished", utterance_id, completed)

    def speech_error(self, utterance_id: int, sentence: str) -> None:
        self._add("error", utterance_id, sentence)

    def of(self, kind: str, utterance_id: int | None = None) -> list[tuple[object, ...]]:
        with self.changed:
            return [
                (uid, *rest)
                for k, uid, rest, _t in self.events
                if k == kind and (utterance_id is None or uid == utterance_id)
            ]

    def time_of(self, kind: str, utterance_id: int) -> float:
        with self.changed:
            return next(t for k, uid, _r, t in self.events if k == kind and uid == utterance_id)

    def wait_for(self, kind: str, utterance_id: int | None = None, timeout: float = WAIT_S) -> None:
        with self.changed:
            ok = self.changed.wait_for(lambda: self._has(kind, utterance_id), timeout)
        assert ok, f"no {kind} for {utterance_id} within {timeout} s: {self.events}"

    def _has(self, kind: str, utterance_id: int | None) -> bool:
        return any(
            k == kind and (utterance_id is None or u == utterance_id) for k, u, *_ in self.events
        )

    def nothing_more_within(self, seconds: float) -> bool:
        count = len(self.events)
        with self.changed:
            return not self.changed.wait_for(lambda: len(self.events) > count, seconds)


@pytest.fixture
def sink(tmp_path: Path) -> Path:
    return tmp_path / "sink"


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def speaker(sink: Path, recorder: Recorder) -> Iterator[Speaker]:
    made = Speaker(engine="espeak", player=sink_command(sink))
    made.add_listener(recorder)
    yield made
    made.shutdown()


def played(sink: Path) -> list[float]:
    """Durations of what reached the sound card, in order."""
    result = []
    for path in sorted(sink.glob("*.wav")):
        with wave.open(str(path), "rb") as wav:
            result.append(wav.getnframes() / wav.getframerate())
    return result


def test_say_plays_every_sentence_with_words_in_order(
    speaker: Speaker, recorder: Recorder, sink: Path
) -> None:
    uid = speaker.say(SHORT)
    recorder.wait_for("finished", uid)
    assert recorder.of("started", uid) == [(uid,)]
    assert recorder.of("finished", uid) == [(uid, True)]
    words = [SHORT[p : p + n] for _u, p, n in recorder.of("word", uid)]  # type: ignore[misc]
    assert words == ["Hello", "How", "are", "you", "today"]
    assert len(played(sink)) == 2  # one file per sentence
    assert 1.0 < sum(played(sink)) < 6.0
    # It took as long as the sound: it was played, not skipped.
    elapsed = recorder.time_of("finished", uid) - recorder.time_of("started", uid)
    assert elapsed > 0.8 * sum(played(sink))


def test_stop_silences_a_long_text_within_200_ms(
    speaker: Speaker, recorder: Recorder, sink: Path
) -> None:
    first = speaker.say(LONG)
    queued = speaker.say(SHORT)
    recorder.wait_for("word", first)
    spoken_before = len(recorder.of("word", first))
    speaker.stop()
    recorder.wait_for("finished", queued)
    # Silenced at once: at most the word already under way is reported after the stop (counted
    # in words, not timed, so a busy machine cannot make it fail; latency is a benchmark).
    assert len(recorder.of("word", first)) <= spoken_before + 1
    assert recorder.of("finished", first) == [(first, False)]
    assert recorder.of("finished", queued) == [(queued, False)]
    assert recorder.of("started", queued) == []
    # And speech works again after a stop.
    again = speaker.say(SHORT)
    recorder.wait_for("finished", again)
    assert recorder.of("finished", again) == [(again, True)]


def test_say_after_speak_to_file_still_plays(
    speaker: Speaker, recorder: Recorder, sink: Path, tmp_path: Path
) -> None:
    """Pitfall 2: after save_to_file, pyttsx3 writes later speech into that same file."""
    cached = tmp_path / "cached.wav"
    speaker.speak_to_file("This goes into a file.", cached)
    before = cached.read_bytes()
    uid = speaker.say(SHORT)
    recorder.wait_for("finished", uid)
    assert recorder.of("finished", uid) == [(uid, True)]
    assert len(played(sink)) == 2
    assert cached.read_bytes() == before


def test_nothing_is_said_twice(speaker: Speaker, recorder: Recorder, sink: Path) -> None:
    """Pitfall 3: running the engine with nothing queued repeats the last text."""
    uid = speaker.say("Just once.")
    recorder.wait_for("finished", uid)
    speaker.set_voice(180, 0.5, "en")  # settings alone must not make it talk
    assert recorder.nothing_more_within(1.0)
    assert len(played(sink)) == 1
    assert [e[0] for e in recorder.events if e[0] != "word"] == ["started", "finished"]


def test_a_failing_listener_neither_loops_nor_kills_the_worker(
    speaker: Speaker, recorder: Recorder
) -> None:
    """Pitfall 6: an exception inside a callback must not loop or end speech."""

    class Broken:
        calls = 0

        def _boom(self, *_args: object) -> None:
            Broken.calls += 1
            raise RuntimeError("listener bug")

        speech_started = speech_word = speech_finished = speech_error = _boom

    speaker.add_listener(Broken())
    first, second = speaker.say("One."), speaker.say("Two.")
    recorder.wait_for("finished", second)
    assert recorder.of("finished") == [(first, True), (second, True)]
    assert Broken.calls == len(recorder.events)


def test_a_second_speaker_after_the_first_is_gone_still_speaks(
    tmp_path: Path, recorder: Recorder
) -> None:
    """Pitfall 5: a collected engine leaves dead callbacks; the engine lives as long as the app."""
    first = Speaker(engine="espeak", player=sink_command(tmp_path / "one"))
    first.speak_to_file(SHORT, tmp_path / "one.wav")
    first.shutdown()
    del first
    gc.collect()
    second = Speaker(engine="espeak", player=sink_command(tmp_path / "two"))
    second.add_listener(recorder)
    try:
        rendering = second.speak_to_file(SHORT, tmp_path / "two.wav")
        assert len(rendering.words) == 5
        uid = second.say(SHORT)
        recorder.wait_for("finished", uid)
        assert recorder.of("finished", uid) == [(uid, True)]
    finally:
        second.shutdown()


def test_no_sound_card_is_found_out_and_said(
    tmp_path: Path, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pitfall 7: with no sound card the player fails; speech must say so, not pretend."""
    # sox's real `play`, sent to an ALSA device that does not exist (as on this sound-card-less PC).
    monkeypatch.setenv("AUDIODRIVER", "alsa")
    monkeypatch.setenv("AUDIODEV", "companion_no_such_sound_card")
    speaker = Speaker(engine="espeak", player=("play", "-q", "{wav}"))
    speaker.add_listener(recorder)
    try:
        first = speaker.say(SHORT)
        recorder.wait_for("finished", first)
        assert recorder.of("error") == [(first, messages.NO_AUDIO_DEVICE)]
        assert recorder.of("finished", first) == [(first, False)]
        assert speaker.problem == messages.NO_AUDIO_DEVICE
        second = speaker.say(SHORT)  # keeps working silently, says it once
        recorder.wait_for("finished", second)
        assert recorder.of("finished", second) == [(second, False)]
        assert len(recorder.of("error")) == 1
        status = speaker.check()
        assert not status.ok and status.sentence == messages.NO_AUDIO_DEVICE
        assert status.engine == "espeak" and status.player == "play"
    finally:
        speaker.shutdown()


def test_unknown_language_says_the_voice_is_missing_but_still_speaks(
    speaker: Speaker, recorder: Recorder, tmp_path: Path
) -> None:
    speaker.set_voice(150, 0.9, "qz")
    rendering = speaker.speak_to_file(SHORT, tmp_path / "qz.wav")
    assert not rendering.voice_ok
    assert rendering.duration_s > 1.0
    assert recorder.of("error") == [(0, messages.VOICE_MISSING)]
