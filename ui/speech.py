"""SpeechBridge: the UI side of voice.Speaker; turns its worker-thread callbacks into Qt signals.

The speaker calls back on its own thread. The bridge re-emits each callback through a private
signal with a queued connection, so the public signals (`started`, `word`, `finished`, `failed`)
are always emitted on the UI thread, whoever connects to them and however. Nothing here waits for
speech: say(), stop() and apply_settings() only hand work to the speaker's queue.
"""

from __future__ import annotations

import itertools
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot

from companion.i18n import _

if TYPE_CHECKING:
    import voice

_log = logging.getLogger(__name__)


class _WorkerListener:
    """Called by the speaker on its worker thread; only emits the bridge's private signals."""

    def __init__(self, bridge: SpeechBridge) -> None:
        self._bridge = bridge

    def speech_started(self, utterance_id: int) -> None:
        self._bridge._worker_started.emit(utterance_id)

    def speech_word(self, utterance_id: int, position: int, length: int) -> None:
        self._bridge._worker_word.emit(utterance_id, position, length)

    def speech_finished(self, utterance_id: int, completed: bool) -> None:
        self._bridge._worker_finished.emit(utterance_id, completed)

    def speech_error(self, utterance_id: int, sentence: str) -> None:
        self._bridge._worker_error.emit(sentence)


class SpeechBridge(QObject):
    """Speech for the UI; with no working speaker it stays quiet and says why, once."""

    started = Signal(int)  # utterance id
    word = Signal(int, int, int)  # utterance id, character position, length
    finished = Signal(int, bool)  # utterance id, completed (False if stopped)
    failed = Signal(str)  # one plain sentence for the person

    _worker_started = Signal(int)
    _worker_word = Signal(int, int, int)
    _worker_finished = Signal(int, bool)
    _worker_error = Signal(str)

    def __init__(self, speaker: voice.Speaker | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speaker = speaker
        self._told: set[str] = set()
        self._shut_down = False
        # Ids handed out while speech is unavailable; negative so they never meet the speaker's.
        self._quiet_ids = itertools.count(-1, -1)
        queued = Qt.ConnectionType.QueuedConnection
        self._worker_started.connect(self.started, queued)
        self._worker_word.connect(self.word, queued)
        self._worker_finished.connect(self.finished, queued)
        self._worker_error.connect(self._tell_once, queued)
        self._listener = _WorkerListener(self)
        if speaker is not None:
            speaker.add_listener(self._listener)
            # Find out now, in the speaker's thread, whether sound really comes out.
            speaker.check_in_background()

    @property
    def available(self) -> bool:
        return self._speaker is not None and self._speaker.problem is None

    @property
    def problem(self) -> str | None:
        """Why speech does not work, in the person's language, with what to install; else None."""
        if self._speaker is None:
            from voice.messages import NO_ENGINE

            return _(NO_ENGINE)
        sentence = self._speaker.problem
        return None if sentence is None else _(sentence)

    def say(self, text: str) -> int:
        """Queue `text` to be spoken; returns its utterance id at once."""
        if self._speaker is None or not self.available:
            self._explain_quietness()
            return next(self._quiet_ids)
        return self._speaker.say(text)

    def say_sequence(self, texts: list[str]) -> list[int]:
        """Queue several texts, spoken one after another; their ids in the same order."""
        return [self.say(text) for text in texts]

    def stop(self) -> None:
        """Silence speech now and drop what is queued (each gets `finished(id, False)`)."""
        if self._speaker is not None:
            self._speaker.stop()

    def apply_settings(self, rate_wpm: int, volume_percent: int, language: str) -> None:
        """The person's speaking speed (words per minute), volume (percent) and language."""
        if self._speaker is not None:
            self._speaker.set_voice(rate_wpm, volume_percent / 100, language)

    def shutdown(self) -> None:
        """Stop talking, stop listening, and end the speaker's thread (at application exit)."""
        speaker, self._speaker = self._speaker, None
        if speaker is not None:
            speaker.remove_listener(self._listener)
            speaker.shutdown()
        self._shut_down = True

    def _explain_quietness(self) -> None:
        if self._shut_down:
            return
        sentence = self._speaker.problem if self._speaker is not None else None
        if sentence is None:
            from voice.messages import NO_ENGINE

            sentence = NO_ENGINE
        # Through the queue, so whoever connects to `failed` after calling say() still hears it.
        self._worker_error.emit(sentence)

    @Slot(str)
    def _tell_once(self, sentence: str) -> None:
        if sentence in self._told or self._shut_down:
            return
        self._told.add(sentence)
        _log.info("Told the person speech is unavailable or limited")
        self.failed.emit(_(sentence))
