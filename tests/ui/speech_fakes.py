"""A stand-in for SpeechBridge in UI tests where speech is not the subject.

It records what was queued and lets the test play the engine's part (`start`, `speak_word`,
`finish`), so screens that react to speech can be tested without sound or timing.
Where speech is the subject, use the real bridge (see tests/ui/test_speech_bridge.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class RecordingSpeaker(QObject):
    """Has SpeechBridge's signals and methods; speaks nothing, remembers everything."""

    started = Signal(int)
    word = Signal(int, int, int)
    finished = Signal(int, bool)
    failed = Signal(str)

    def __init__(self, available: bool = True, problem: str | None = None) -> None:
        super().__init__()
        self.queued: list[tuple[int, str]] = []
        self.stops = 0
        self.settings: tuple[int, int, str] | None = None
        self.is_shut_down = False
        self._available = available
        self._problem = problem
        self._last_id = 0

    @property
    def available(self) -> bool:
        return self._available

    @property
    def problem(self) -> str | None:
        return self._problem

    def say(self, text: str) -> int:
        self._last_id += 1
        self.queued.append((self._last_id, text))
        return self._last_id

    def say_sequence(self, texts: list[str]) -> list[int]:
        return [self.say(text) for text in texts]

    def stop(self) -> None:
        self.stops += 1

    def apply_settings(self, rate_wpm: int, volume_percent: int, language: str) -> None:
        self.settings = (rate_wpm, volume_percent, language)

    def shutdown(self) -> None:
        self.is_shut_down = True

    def texts(self) -> list[str]:
        """What was queued, in order."""
        return [text for _id, text in self.queued]

    # --- the engine's part, played by the test ---
    def start(self, utterance_id: int) -> None:
        self.started.emit(utterance_id)

    def speak_word(self, utterance_id: int, position: int, length: int) -> None:
        self.word.emit(utterance_id, position, length)

    def finish(self, utterance_id: int, completed: bool = True) -> None:
        self.finished.emit(utterance_id, completed)
