"""Speaker: queue texts to speak, stop at once, and hear back through callbacks, from any thread.

One worker thread owns the engine and the player. For each text it renders the first sentence to a
WAV, starts playing it, renders the next sentence while that one plays, and so on. Callbacks
(started, word, finished, error) run on the worker thread; a failing callback is logged, never
raised, so the worker cannot be killed or looped by a listener (pitfall 6).
"""

from __future__ import annotations

import itertools
import logging
import os
import queue
import shutil
import threading
import time
import wave
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path

from voice import messages
from voice.engine import Renderer, Rendering, SpeechUnavailableError, VoiceSettings, renderer_for
from voice.jobs import CheckJob, FileJob, Job, Shutdown, SpeechListener, Utterance
from voice.player import Playback, Player, find_player
from voice.sound_folder import make_private_folder
from voice.status import SpeechStatus
from voice.text import Piece, split_into_pieces

_log = logging.getLogger(__name__)

ENGINE_ENV = "COMPANION_SPEECH_ENGINE"
POLL_S = 0.02
CHECK_TIMEOUT_S = 10.0
SILENCE_S = 0.1


class Speaker:
    """Speaks texts one after another in its own thread; see the module docstring.

    `engine`: a pyttsx3 driver name ("espeak", "sapi5", "nsss"), "none" for no speech, or None for
    $COMPANION_SPEECH_ENGINE or this platform's default. `player`: a player command (list, or a
    string with "{wav}"), "none" for no sound output, or None for $COMPANION_SPEECH_PLAYER or the
    first installed player. `data_dir`: the data folder, where sound files are kept private
    (see sound_folder.py).
    """

    def __init__(
        self,
        engine: str | None = None,
        player: Sequence[str] | str | None = None,
        *,
        settings: VoiceSettings | None = None,
        environ: Mapping[str, str] | None = None,
        data_dir: Path | None = None,
    ) -> None:
        env = os.environ if environ is None else environ
        self.engine_name = engine or env.get(ENGINE_ENV) or None
        self._player_config = player
        self._environ = env
        self._settings = settings or VoiceSettings()
        self._listeners: list[SpeechListener] = []
        self._listeners_lock = threading.RLock()
        self._state_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._generation = 0
        self._problem: SpeechUnavailableError | None = None
        self._voice_reported: VoiceSettings | None = None
        self._wake = threading.Event()
        self._jobs: queue.SimpleQueue[Job] = queue.SimpleQueue()
        self._renderer: Renderer | None = None
        self._player: Player | None = None
        self._folder = make_private_folder(data_dir)
        # Runs at shutdown(), when the speaker is collected, or when Python exits: every way out.
        self._remove_folder = weakref.finalize(self, shutil.rmtree, self._folder, True)
        self._thread = threading.Thread(target=self._run, name="companion-speech", daemon=True)
        self._thread.start()

    # ----- the API, callable from any thread -----

    def add_listener(self, listener: SpeechListener) -> None:
        """Start telling `listener`; a problem found before it came is told to it at once."""
        with self._listeners_lock:
            self._listeners.append(listener)
        with self._state_lock:
            problem = self._problem
        if problem is not None:
            try:
                listener.speech_error(0, problem.sentence)
            except Exception:
                _log.exception("A speech listener failed in speech_error; speech goes on")

    def remove_listener(self, listener: SpeechListener) -> None:
        """Once this returns, `listener` is not being called and will not be called again."""
        with self._listeners_lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    @property
    def problem(self) -> str | None:
        """The sentence saying why speech does not work (a voice.messages msgid), or None."""
        with self._state_lock:
            return None if self._problem is None else self._problem.sentence

    def say(self, text: str) -> int:
        """Queue `text`; returns its utterance id at once. Every id gets exactly one finished."""
        utterance_id = next(self._ids)
        with self._state_lock:
            self._jobs.put(Utterance(utterance_id, text, self._generation))
        return utterance_id

    def stop(self) -> None:
        """Silence what is being said now and drop everything queued (each gets finished False)."""
        with self._state_lock:
            self._generation += 1
        self._wake.set()

    def set_voice(self, rate_wpm: int, volume: float, language: str) -> None:
        """Use these from the next sentence on: words per minute, volume 0..1, "en" or "fr"."""
        settings = VoiceSettings(int(rate_wpm), min(max(float(volume), 0.0), 1.0), language)
        with self._state_lock:
            self._settings = settings

    def speak_to_file(self, text: str, path: Path, timeout: float = 120.0) -> Rendering:
        """Render all of `text` into the WAV file `path` and return once the file is complete.

        Raises SpeechUnavailableError if the engine cannot, TimeoutError if the worker is stuck.
        """
        self._refuse_on_worker()
        job = FileJob(text, Path(path))
        self._jobs.put(job)
        return job.result.result(timeout)

    def check(self) -> SpeechStatus:
        """Find out for real whether speech works: engine, a test render, and the sound output."""
        self._refuse_on_worker()
        job = CheckJob()
        self._jobs.put(job)
        return job.result.result(CHECK_TIMEOUT_S * 3)

    def check_in_background(self) -> None:
        """Like check(), without waiting: a problem found reaches listeners as speech_error."""
        self._jobs.put(CheckJob(report=True))

    def shutdown(self, timeout: float = 3.0) -> None:
        """Stop speaking, end the worker, and delete the temporary sound files."""
        self.stop()
        if self._thread.is_alive():
            self._jobs.put(Shutdown())
            if threading.current_thread() is not self._thread:
                self._thread.join(timeout)
        self._remove_folder()

    def _refuse_on_worker(self) -> None:
        if threading.current_thread() is self._thread:
            raise RuntimeError("Waiting for the speaker from its own callback would never end")

    # ----- the worker -----

    def _run(self) -> None:
        self._start_engine()
        while True:
            job = self._jobs.get()
            try:
                if isinstance(job, Shutdown):
                    return
                if isinstance(job, Utterance):
                    self._speak(job)
                elif isinstance(job, FileJob):
                    self._render_file(job)
                else:
                    job.result.set_result(self._check(job.report))
            except Exception:
                _log.exception("The speech worker hit an unexpected error; it keeps going")

    def _start_engine(self) -> None:
        try:
            self._renderer = renderer_for(self.engine_name)
            self._player = find_player(self._player_config, self._environ)
        except SpeechUnavailableError as exc:
            self._fail(0, exc)

    def _fail(self, utterance_id: int, exc: SpeechUnavailableError) -> None:
        """Remember that speech cannot work, log why, and tell listeners once."""
        _log.warning("Speech is not available: %s", exc)
        with self._state_lock:
            first = self._problem is None
            self._problem = exc
        if first:
            self._emit("speech_error", utterance_id, exc.sentence)

    def _emit(self, method: str, *args: object) -> None:
        with self._listeners_lock:
            for listener in list(self._listeners):
                try:
                    getattr(listener, method)(*args)
                except Exception:
                    _log.exception("A speech listener failed in %s; speech goes on", method)

    def _cancelled(self, utterance: Utterance) -> bool:
        with self._state_lock:
            return utterance.generation != self._generation

    def _current_settings(self) -> VoiceSettings:
        with self._state_lock:
            return self._settings

    def _render(self, text: str, path: Path, utterance_id: int) -> Rendering:
        if self._renderer is None:
            raise SpeechUnavailableError(messages.NO_ENGINE, "no engine")
        settings = self._current_settings()
        rendering = self._renderer.render(text, path, settings)
        if not rendering.voice_ok and self._voice_reported != settings:
            self._voice_reported = settings
            _log.warning(
                "Asked for voice %s (%s) but the engine speaks with %s",
                rendering.voice_wanted,
                settings.language,
                rendering.voice_got,
            )
            self._emit("speech_error", utterance_id, messages.VOICE_MISSING)
        return rendering

    def _speak(self, utterance: Utterance) -> None:
        completed = False
        try:
            if not self._cancelled(utterance) and self.problem is None:
                completed = self._speak_pieces(utterance, split_into_pieces(utterance.text))
        except SpeechUnavailableError as exc:
            self._fail(utterance.utterance_id, exc)
        finally:  # a failed player or renderer leaves no sentence behind on disk
            for leftover in self._folder.glob(f"{utterance.utterance_id}-*.wav"):
                leftover.unlink(missing_ok=True)
        self._emit("speech_finished", utterance.utterance_id, completed)

    def _speak_pieces(self, utterance: Utterance, pieces: list[Piece]) -> bool:
        """Play every piece, rendering the next while one plays; False if stopped."""
        if not pieces:
            return True
        uid = utterance.utterance_id
        rendering: Rendering | None = self._render(pieces[0].text, self._wav(uid, 0), uid)
        for index, piece in enumerate(pieces):
            assert rendering is not None
            if self._cancelled(utterance) or self._player is None:
                return False
            playback = self._player.start(rendering.path, rendering.duration_s)
            started_at = time.monotonic()
            if index == 0:
                self._emit("speech_started", uid)
            upcoming = None
            if index + 1 < len(pieces):
                upcoming = self._render(pieces[index + 1].text, self._wav(uid, index + 1), uid)
            finished = self._wait_while_playing(utterance, piece, rendering, started_at, playback)
            rendering.path.unlink(missing_ok=True)
            if not finished:
                if upcoming is not None:
                    upcoming.path.unlink(missing_ok=True)
                return False
            rendering = upcoming
        return True

    def _wait_while_playing(
        self,
        utterance: Utterance,
        piece: Piece,
        rendering: Rendering,
        started_at: float,
        playback: Playback,
    ) -> bool:
        """Send word callbacks in time with the sound until it ends; False if stopped."""
        # espeak tells where each word is in the text, not when it sounds: spread them over the
        # sound in proportion to their place in the sentence.
        length = max(len(piece.text), 1)
        marks = [
            (started_at + rendering.duration_s * w.position / length, piece.offset + w.position, w)
            for w in rendering.words
        ]
        while True:
            if self._cancelled(utterance):
                playback.stop()
                return False
            code = playback.poll()
            if code is not None:
                break
            now = time.monotonic()
            while marks and marks[0][0] <= now:
                _at, position, word = marks.pop(0)
                self._emit("speech_word", utterance.utterance_id, position, word.length)
            self._pause(POLL_S if not marks else min(POLL_S, max(marks[0][0] - now, 0.0)))
        if code != 0:
            raise SpeechUnavailableError(
                messages.NO_AUDIO_DEVICE,
                f"sound player exited with {code}: {playback.complaint() or 'no message'}",
            )
        return True

    def _pause(self, seconds: float) -> None:
        """Wait up to `seconds`, waking at once when stop() is called."""
        if self._wake.wait(seconds):
            self._wake.clear()

    def _wav(self, utterance_id: int, index: int) -> Path:
        return self._folder / f"{utterance_id}-{index}.wav"

    def _render_file(self, job: FileJob) -> None:
        try:
            if self._renderer is None:
                raise self._problem or SpeechUnavailableError(messages.NO_ENGINE, "no engine")
            job.result.set_result(self._render(job.text, job.path, 0))
        except SpeechUnavailableError as exc:
            job.result.set_exception(exc)

    def _check(self, report: bool) -> SpeechStatus:
        engine = self._renderer.engine_name if self._renderer else self.engine_name
        player = self._player.name if self._player else None
        try:
            if self._renderer is None or self._player is None:
                self._start_engine()
            if self._renderer is None or self._player is None:
                raise self._problem or SpeechUnavailableError(messages.NO_ENGINE, "no engine")
            engine, player = self._renderer.engine_name, self._player.name
            self._render("Companion.", self._folder / "check.wav", 0)
            silence = self._folder / "silence.wav"
            _write_silence(silence, SILENCE_S)
            playback = self._player.start(silence, SILENCE_S)
            deadline = time.monotonic() + CHECK_TIMEOUT_S
            while (code := playback.poll()) is None and time.monotonic() < deadline:
                self._pause(POLL_S)
            if code is None:
                playback.stop()
            if code != 0:
                raise SpeechUnavailableError(
                    messages.NO_AUDIO_DEVICE,
                    f"sound player {player} failed the check ({code}): {playback.complaint()}",
                )
        except SpeechUnavailableError as exc:
            if report:
                self._fail(0, exc)
            else:
                _log.warning("Speech check failed: %s", exc)
                with self._state_lock:
                    self._problem = exc
            return SpeechStatus(False, exc.sentence, engine, player)
        finally:
            for leftover in (self._folder / "check.wav", self._folder / "silence.wav"):
                leftover.unlink(missing_ok=True)
        with self._state_lock:
            self._problem = None
        return SpeechStatus(True, messages.SPEECH_OK, engine, player)


def _write_silence(path: Path, seconds: float) -> None:
    rate = 22050
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(b"\0\0" * int(rate * seconds))


def probe(speaker: Speaker | None = None) -> SpeechStatus:
    """Check for real whether speech works (for `companion --check` and start-up).

    With no `speaker`, a temporary one is made from the environment ($COMPANION_SPEECH_ENGINE,
    $COMPANION_SPEECH_PLAYER) and shut down after; the engine itself stays for the process.
    """
    if speaker is not None:
        return speaker.check()
    temporary = Speaker()
    try:
        return temporary.check()
    finally:
        temporary.shutdown()
