"""SpeechBridge with the real engine and a real player process: UI-thread signals, no freezes."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from pytestqt.qtbot import QtBot

from companion.i18n import set_language
from ui.speech import SpeechBridge
from voice import Speaker, messages
from voice.file_sink import sink_command

TEXT = "Good morning. How did you sleep? Take your time, there is no hurry."
WAIT_MS = 15000


@pytest.fixture
def bridge(qtbot: QtBot, tmp_path: Path) -> Iterator[SpeechBridge]:
    made = SpeechBridge(Speaker(engine="espeak", player=sink_command(tmp_path / "sink")))
    yield made
    made.shutdown()


def test_signals_arrive_on_the_ui_thread_in_order(qtbot: QtBot, bridge: SpeechBridge) -> None:
    seen: list[tuple[str, tuple[object, ...], bool]] = []

    def record(kind: str):  # type: ignore[no-untyped-def]
        # Plain functions, not slots of a QObject: they still must run on the UI thread.
        return lambda *args: seen.append(
            (kind, args, threading.current_thread() is threading.main_thread())
        )

    bridge.started.connect(record("started"))
    bridge.word.connect(record("word"))
    bridge.finished.connect(record("finished"))
    with qtbot.waitSignal(bridge.finished, timeout=WAIT_MS) as done:
        uid = bridge.say(TEXT)
    assert done.args == [uid, True]
    assert all(on_ui for _k, _a, on_ui in seen)
    kinds = [k for k, _a, _ui in seen]
    assert kinds[0] == "started" and kinds[-1] == "finished"
    marks = [args for kind, args, _ui in seen if kind == "word"]
    words = [TEXT[p : p + n] for _u, p, n in marks]  # type: ignore[misc]
    assert words[:4] == ["Good", "morning", "How", "did"]
    assert words[-1] == "hurry"


def test_the_event_loop_never_stalls_while_speaking(qtbot: QtBot, bridge: SpeechBridge) -> None:
    longest = 0
    clock = QElapsedTimer()
    clock.start()
    last = clock.elapsed()

    def tick() -> None:
        nonlocal longest, last
        now = clock.elapsed()
        longest = max(longest, now - last)
        last = now

    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(tick)
    probe.start()
    with qtbot.waitSignal(bridge.finished, timeout=WAIT_MS):
        bridge.say_sequence([TEXT, TEXT])[-1]
    with qtbot.waitSignal(bridge.finished, timeout=WAIT_MS):
        pass
    probe.stop()
    # The UI thread never waits on speech: a UI that waited would stall for the whole sentence
    # (seconds). The typical gap (16 ms here) is measured in benchmarks/speech.py, not asserted.
    assert longest < 1000, f"the UI stalled for {longest} ms"


def test_stop_reaches_the_ui_as_finished_false_at_once(qtbot: QtBot, bridge: SpeechBridge) -> None:
    with qtbot.waitSignal(bridge.word, timeout=WAIT_MS):
        uid = bridge.say(TEXT * 3)
    words_after_stop: list[int] = []
    bridge.word.connect(lambda said, *_rest: words_after_stop.append(said))
    with qtbot.waitSignal(bridge.finished, timeout=WAIT_MS) as done:
        bridge.stop()
    assert done.args == [uid, False]
    assert len(words_after_stop) <= 1  # at most the word under way; no sentence goes on


def test_no_engine_keeps_quiet_and_says_why_once_in_french(qtbot: QtBot) -> None:
    set_language("fr")
    bridge = SpeechBridge(Speaker(engine="none"))
    try:
        talked: list[object] = []
        bridge.started.connect(lambda *args: talked.append(("started", *args)))
        bridge.finished.connect(lambda *args: talked.append(("finished", *args)))
        with qtbot.waitSignal(bridge.failed, timeout=WAIT_MS) as told:
            first = bridge.say("Bonjour.")
        second = bridge.say("Encore.")
        assert first != second
        assert not bridge.available
        assert told.args[0] == bridge.problem
        assert "espeak-ng" in told.args[0] and told.args[0] != messages.NO_ENGINE  # translated
        with qtbot.assertNotEmitted(bridge.failed, wait=300):
            bridge.say("Et encore.")
        # Nothing started; a say made before the speaker knew is closed with finished False.
        assert set(talked) <= {("finished", first, False)}
    finally:
        bridge.shutdown()
        set_language("en")


def test_no_speaker_at_all_says_what_to_install(qtbot: QtBot) -> None:
    bridge = SpeechBridge(None)
    assert not bridge.available
    assert bridge.problem is not None and "espeak-ng" in bridge.problem
    with qtbot.waitSignal(bridge.failed, timeout=1000) as told:
        assert isinstance(bridge.say("Hello."), int)
    assert told.args == [bridge.problem]
    bridge.stop()
    bridge.apply_settings(150, 80, "fr")
    bridge.shutdown()


def test_no_sound_card_is_told_once(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUDIODRIVER", "alsa")
    monkeypatch.setenv("AUDIODEV", "companion_no_such_sound_card")
    bridge = SpeechBridge(Speaker(engine="espeak", player=("play", "-q", "{wav}")))
    try:
        with qtbot.waitSignal(bridge.failed, timeout=WAIT_MS) as told:
            pass  # the bridge's background check finds it without anyone speaking
        assert told.args == [messages.NO_AUDIO_DEVICE]
        assert not bridge.available
        with qtbot.assertNotEmitted(bridge.failed, wait=300):
            bridge.say("Hello.")
    finally:
        bridge.shutdown()


def test_many_signals_do_not_wear_down_python(qtbot: QtBot, bridge: SpeechBridge) -> None:
    """PySide6 6.12.0 dropped a reference to True per emit (6.11.3 is pinned): never again."""
    words: list[object] = []
    bridge.word.connect(lambda *args: words.append(None))
    before = sys.getrefcount(True)
    with qtbot.waitSignal(bridge.finished, timeout=WAIT_MS):
        bridge.say(TEXT)
    assert len(words) > 10
    assert sys.getrefcount(True) > before - len(words) // 2


def test_a_bridge_waiting_for_its_speaker_is_quiet_then_reports_a_missing_engine(
    qtbot: QtBot,
) -> None:
    """At start the speaker is made in the background: no false alarm, no stuck reading."""
    waiting = SpeechBridge(None, waiting=True)
    assert waiting.problem is None
    with (
        qtbot.assertNotEmitted(waiting.failed, wait=100),
        qtbot.waitSignal(waiting.finished) as done,
    ):
        spoken = waiting.say("Hello.")
    assert done.args == [spoken, False]  # "Read this to me" is not left waiting for it
    with qtbot.waitSignal(waiting.failed) as told:
        waiting.attach(None)
    assert "not available" in told.args[0]
    waiting.shutdown()
