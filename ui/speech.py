"""SpeechBridge: the UI side of voice.Speaker; turns its worker-thread callbacks into Qt signals.

The speaker calls back on its own thread. The bridge puts each callback in an inbox and posts one
event to itself; the UI thread empties the inbox and emits the public signals (`started`, `word`,
`finished`, `failed`), so they are always emitted on the UI thread, whoever connects and however.
Nothing here waits for speech: say(), stop() and apply_settings() only hand work to the speaker.
(PySide6 is pinned to 6.11.3: 6.12.0 aborts Python 3.11 after a few hundred bool-carrying emits;
see docs/decisions/0005-pyside6-version.md.)
"""

from __future__ import annotations

import itertools
import logging
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from companion.i18n import _

if TYPE_CHECKING:
    import voice

_log = logging.getLogger(__name__)

_INBOX_EVENT = QEvent.Type(QEvent.registerEventType())


class _WorkerListener:
    """Called by the speaker on its worker thread; only hands the callback to the bridge's inbox."""

    def __init__(self, bridge: SpeechBridge) -> None:
        self._bridge = bridge

    def speech_started(self, utterance_id: int) -> None:
        self._bridge._post("started", utterance_id)

    def speech_word(self, utterance_id: int, position: int, length: int) -> None:
        self._bridge._post("word", utterance_id, position, length)

    def speech_finished(self, utterance_id: int, completed: bool) -> None:
        self._bridge._post("finished", utterance_id, completed)

    def speech_error(self, utterance_id: int, sentence: str) -> None:
        self._bridge._post("failed", sentence)


class SpeechBridge(QObject):
    """Speech for the UI; with no working speaker it stays quiet and says why, once."""

    started = Signal(int)  # utterance id
    word = Signal(int, int, int)  # utterance id, character position, length
    finished = Signal(int, bool)  # utterance id, completed (False if stopped)
    failed = Signal(str)  # one plain sentence for the person

    def __init__(
        self,
        speaker: voice.Speaker | None,
        parent: QObject | None = None,
        *,
        waiting: bool = False,
    ) -> None:
        """`waiting`: the speaker is still starting (see `attach`); until then nothing is said
        and nothing is reported missing."""
        super().__init__(parent)
        self._waiting = waiting and speaker is None
        self._speaker = speaker
        self._told: set[str] = set()
        self._shut_down = False
        # Ids handed out while speech is unavailable; negative so they never meet the speaker's.
        self._quiet_ids = itertools.count(-1, -1)
        self._inbox: deque[tuple[str, tuple[object, ...]]] = deque()
        self._listener = _WorkerListener(self)
        if speaker is not None:
            self._listen_to(speaker)

    def _listen_to(self, speaker: voice.Speaker) -> None:
        speaker.add_listener(self._listener)
        # Find out now, in the speaker's thread, whether sound really comes out.
        speaker.check_in_background()

    def attach(self, speaker: voice.Speaker | None) -> None:
        """The speaker that was starting in the background is ready (None: it could not start)."""
        self._waiting = False
        if self._shut_down:
            if speaker is not None:
                speaker.shutdown()
            return
        self._speaker = speaker
        if speaker is not None:
            self._listen_to(speaker)
        else:
            self._explain_quietness()

    @property
    def available(self) -> bool:
        return self._speaker is not None and self._speaker.problem is None

    @property
    def problem(self) -> str | None:
        """Why speech does not work, in the person's language, with what to install; else None."""
        if self._speaker is None:
            if self._waiting:
                return None
            from voice.messages import NO_ENGINE

            return _(NO_ENGINE)
        sentence = self._speaker.problem
        return None if sentence is None else _(sentence)

    def say(self, text: str) -> int:
        """Queue `text` to be spoken; returns its utterance id at once."""
        if self._speaker is None and self._waiting:  # a moment after start: skip it quietly
            quiet_id = next(self._quiet_ids)
            self._post("finished", quiet_id, False)
            return quiet_id
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
        # Through the inbox, so whoever connects to `failed` after calling say() still hears it.
        self._post("failed", sentence)

    def _post(self, kind: str, *args: object) -> None:
        """Any thread: leave a callback for the UI thread (deque appends are thread-safe)."""
        self._inbox.append((kind, args))
        QCoreApplication.postEvent(self, QEvent(_INBOX_EVENT))

    def event(self, event: QEvent) -> bool:
        if event.type() == _INBOX_EVENT:
            self._empty_inbox()
            return True
        return super().event(event)

    def _empty_inbox(self) -> None:
        while self._inbox:
            kind, args = self._inbox.popleft()
            if kind == "started":
                self.started.emit(*args)
            elif kind == "word":
                self.word.emit(*args)
            elif kind == "finished":
                self.finished.emit(*args)
            else:
                self._tell_once(str(args[0]))

    def _tell_once(self, sentence: str) -> None:
        if sentence in self._told or self._shut_down:
            return
        self._told.add(sentence)
        _log.info("Told the person speech is unavailable or limited")
        self.failed.emit(_(sentence))
