"""Get help now, opened by PHQ-9 item 9 with "Read each step" on, is really spoken: the real
speech engine (espeak-ng) renders its sentences to WAV files, caught by a silent sound card."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.runner_wait import wait_for_runner
from ui.context import AppContext
from ui.screens.checkin.questionnaire import QuestionnairePickScreen
from ui.screens.help_now.screen import HelpNowScreen
from ui.speech import SpeechBridge
from voice import Speaker
from voice.file_sink import sink_command

WAIT_MS = 30000


@pytest.fixture
def speech(tmp_path: Path) -> Iterator[SpeechBridge]:
    """The real bridge and engine (this file's subject), playing into a folder of WAVs."""
    bridge = SpeechBridge(Speaker(engine="espeak", player=sink_command(tmp_path / "sink")))
    yield bridge
    bridge.shutdown()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_help_now_opened_by_item_nine_is_heard(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    speech: SpeechBridge,
    tmp_path: Path,
    language: str,
) -> None:
    from companion.i18n import set_language
    from ui.app import build_window

    if not speech.available:
        pytest.skip(f"no speech engine here: {speech.problem}")
    started: list[int] = []
    speech.started.connect(started.append)
    asked: dict[int, str] = {}
    real_say = speech.say

    def say(text: str) -> int:  # a spy on the real bridge: what was handed to the engine
        utterance = real_say(text)
        asked[utterance] = text
        return utterance

    speech.say = say  # type: ignore[method-assign]
    window = build_window(make_ctx(language=language, read_steps_aloud=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        pick = QuestionnairePickScreen(window.ctx, ["phq9"])
        window.push(pick)
        qtbot.mouseClick(pick.buttons["phq9"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.current().start_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        for number in range(1, 10):
            answer = window.current().answers[1 if number == 9 else 0]  # type: ignore[attr-defined]
            qtbot.mouseClick(answer, Qt.MouseButton.LeftButton)
            wait_for_runner(qtbot, window.ctx)  # each answer goes through the runner, in order
        screen = window.current()
        assert isinstance(screen, HelpNowScreen)
        title = screen.reading_order()[0].sentence
        heard = [u for u, text in asked.items() if text == title]
        assert heard, "Get help now was never handed to the speech engine"
        qtbot.waitUntil(lambda: heard[-1] in started, timeout=WAIT_MS)
        sink = tmp_path / "sink"
        qtbot.waitUntil(lambda: any(sink.glob("*.wav")), timeout=WAIT_MS)
    finally:
        window.close()
        set_language("en")
