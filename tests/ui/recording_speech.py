"""A stand-in for SpeechBridge in UI tests where speech is not the subject (the `speech`
fixture): it records what was queued and lets the test play the engine's part."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class RecordingSpeech(QObject):
    """Stands in for SpeechBridge where speech is not the subject: records what was queued.

    `start(i)` / `finish(i)` play the part of the engine so tests decide when speech moves on.
    """

    started = Signal(int)
    word = Signal(int, int, int)
    finished = Signal(int, bool)
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.queued: list[tuple[int, str]] = []
        self.stops = 0
        self.settings: tuple[int, int, str] | None = None
        self._next_id = 0
        self.available = True
        self.problem: str | None = None

    def say(self, text: str) -> int:
        self._next_id += 1
        self.queued.append((self._next_id, text))
        return self._next_id

    def say_sequence(self, texts: list[str]) -> list[int]:
        return [self.say(t) for t in texts]

    def stop(self) -> None:
        self.stops += 1

    def apply_settings(self, rate_wpm: int, volume_percent: int, language: str) -> None:
        self.settings = (rate_wpm, volume_percent, language)

    def shutdown(self) -> None:
        pass

    def attach(self, speaker: object) -> None:
        self.attached = speaker

    def texts(self) -> list[str]:
        return [t for _i, t in self.queued]
