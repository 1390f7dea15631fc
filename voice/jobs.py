"""What the speaker's worker thread is asked to do (say, render to a file, check, stop) and
the listener it tells what it is doing."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from voice.engine import Rendering
from voice.status import SpeechStatus


class SpeechListener(Protocol):
    """Told what the speaker is doing; every method is called on the speaker's worker thread."""

    def speech_started(self, utterance_id: int) -> None: ...

    def speech_word(self, utterance_id: int, position: int, length: int) -> None: ...

    def speech_finished(self, utterance_id: int, completed: bool) -> None: ...

    def speech_error(self, utterance_id: int, sentence: str) -> None: ...


@dataclass(frozen=True)
class Utterance:
    utterance_id: int
    text: str
    generation: int


@dataclass(frozen=True)
class FileJob:
    text: str
    path: Path
    result: Future[Rendering] = field(default_factory=Future)


@dataclass(frozen=True)
class CheckJob:
    report: bool = False
    result: Future[SpeechStatus] = field(default_factory=Future)


class Shutdown:
    pass


Job = Utterance | FileJob | CheckJob | Shutdown
