"""The process's one pyttsx3 engine, used only to render text into WAV files.

Why render instead of `engine.say()`: pyttsx3 2.99's espeak driver returns from `runAndWait()`
early, plays through an `aplay` it never checks, and cannot be stopped mid-sentence. Rendering gives
a file whose completeness we can check; a player we run ourselves gives a real stop and a real
"no sound card" error (see docs/decisions/0004-speech-pipeline.md).

The engine is kept for the life of the process on purpose (espeak initialises once per process;
a collected engine leaves callbacks pointing at a dead object), so this module keeps the one
engine per driver name it made. A lock makes sure only one render uses it at a time.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import sys
import threading
import time
import wave
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from voice import messages

_log = logging.getLogger(__name__)

NO_ENGINE_NAME = "none"
DEFAULT_ENGINE_NAMES = {"win32": "sapi5", "darwin": "nsss"}
# Voice languages to prefer, best first, for each app language.
PREFERRED_LANGUAGES: dict[str, tuple[str, ...]] = {
    "en": ("en-us", "en-ca", "en-gb", "en"),
    "fr": ("fr-ca", "fr-fr", "fr"),
}
RENDER_SECONDS_BASE = 5.0
FILE_POLL_S = 0.01
ENGINE_CHATTER = "Audio saved to "
EMBEDDED = "\x01"  # starts an espeak embedded command, e.g. "\x01150S" (speed 150 wpm)
ESPEAK_MIN_RATE, ESPEAK_MAX_RATE = 80, 450
_FIRST_WORD = re.compile(r"\w[\w'’-]*")
RENDER_SECONDS_PER_CHAR = 0.01


class SpeechUnavailableError(Exception):
    """Speech cannot work here; `sentence` (a voice.messages msgid) says why and what to do."""

    def __init__(self, sentence: str, detail: str) -> None:
        super().__init__(detail)
        self.sentence = sentence


@dataclass(frozen=True)
class VoiceSettings:
    """How the person wants to be spoken to: words per minute, volume 0..1, app language."""

    rate_wpm: int = 150
    volume: float = 0.9
    language: str = "en"


@dataclass(frozen=True)
class WordMark:
    """One word of a rendered text: where it starts (0-based) and how many characters it has."""

    position: int
    length: int


@dataclass(frozen=True)
class Rendering:
    """A complete WAV file of one text, its length, its words, and which voice spoke it."""

    path: Path
    duration_s: float
    words: tuple[WordMark, ...]
    voice_wanted: str | None
    voice_got: str | None

    @property
    def voice_ok(self) -> bool:
        """True when the engine spoke with the voice chosen for the language (None: none found)."""
        return self.voice_wanted is not None and self.voice_wanted == self.voice_got


@dataclass
class _RenderJob:
    done: threading.Event = field(default_factory=threading.Event)
    words: list[WordMark] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def default_engine_name() -> str:
    """The pyttsx3 driver this platform speaks with (espeak-ng on Linux)."""
    return DEFAULT_ENGINE_NAMES.get(sys.platform, "espeak")


class Renderer:
    """Renders texts to WAV files with one pyttsx3 engine; one render at a time, any thread."""

    def __init__(self, engine: Any, engine_name: str) -> None:
        self.engine_name = engine_name
        self._engine = engine
        self._lock = threading.RLock()
        self._voice_ids: dict[str, str] | None = None
        self._job: _RenderJob | None = None
        self._applied: VoiceSettings | None = None
        engine.connect("finished-utterance", self._on_finished)
        engine.connect("started-word", self._on_word)
        engine.connect("error", self._on_error)

    # pyttsx3 callbacks run on espeak's own thread; they must never raise (pitfall 6).
    def _on_finished(self, name: object = None, completed: object = True) -> None:
        job = self._job
        if job is not None:
            job.done.set()

    def _on_word(self, name: object = None, location: object = 0, length: object = 0) -> None:
        job = self._job
        # espeak also reports empty "words" at pauses; only real words are worth highlighting.
        if job is not None and isinstance(location, int) and isinstance(length, int) and length:
            job.words.append(WordMark(max(location - 1, 0), length))

    def _on_error(self, name: object = None, exception: object = None) -> None:
        job = self._job
        if job is not None:
            job.errors.append(repr(exception))

    def voice_ids_by_language(self) -> dict[str, str]:
        """Each voice language the engine offers (lower case) and the id of its first voice."""
        with self._lock:
            if self._voice_ids is None:
                found: dict[str, str] = {}
                for voice in self._engine.getProperty("voices"):
                    for language in getattr(voice, "languages", None) or []:
                        if isinstance(language, str):
                            found.setdefault(language.lower().replace("_", "-"), str(voice.id))
                self._voice_ids = found
            return dict(self._voice_ids)

    def choose_voice(self, language: str) -> str | None:
        """The id of the best installed voice for app language `language`, or None if none."""
        available = self.voice_ids_by_language()
        for wanted in PREFERRED_LANGUAGES.get(language, (language,)):
            if wanted in available:
                return available[wanted]
        for voice_language, voice_id in available.items():
            if voice_language.split("-")[0] == language:
                return voice_id
        return None

    def voice_in_use(self) -> str | None:
        """The id of the voice the engine will speak with now (what we got, not what we asked)."""
        with self._lock:
            got = self._engine.getProperty("voice")
        return None if got is None else str(got)

    def render(self, text: str, path: Path, settings: VoiceSettings) -> Rendering:
        """Write `text` spoken with `settings` to the WAV file `path`; return once it is complete.

        Raises SpeechUnavailableError (ENGINE_FAILED) if the engine fails or writes no usable file.
        """
        with self._lock:
            job = _RenderJob()
            self._job = job
            try:
                wanted = self._apply(settings)
                prefix = self._settings_in_text(settings)
                path.unlink(missing_ok=True)
                self._engine.save_to_file(prefix + _without_controls(text), str(path))
                timeout = RENDER_SECONDS_BASE + RENDER_SECONDS_PER_CHAR * len(text)
                # espeak prints "Audio saved to <path>" on its thread; keep it out of stdout.
                with contextlib.redirect_stdout(_StdoutWithoutChatter(sys.stdout)):
                    # Returns early with espeak (pitfall 1): the finished callback is what counts.
                    self._engine.runAndWait()
                    finished = self._wait_for_file(job, path, timeout, self._embeds_settings)
                duration = _complete_wav_duration(path)
                if duration is None:
                    raise RuntimeError(
                        f"no complete WAV after {timeout:.1f} s "
                        f"(finished callback: {finished}, errors: {job.errors})"
                    )
                got = self._engine.getProperty("voice")
            except SpeechUnavailableError:
                raise
            except Exception as exc:
                self._applied = None
                raise SpeechUnavailableError(
                    messages.ENGINE_FAILED, f"render failed: {exc!r}"
                ) from exc
            finally:
                self._job = None
        if job.errors:
            _log.warning("The speech engine reported: %s", "; ".join(job.errors))
        words = _shift_words(job.words, len(prefix), text) if prefix else tuple(job.words)
        return Rendering(path, duration, words, wanted, None if got is None else str(got))

    @staticmethod
    def _wait_for_file(job: _RenderJob, path: Path, timeout: float, callback_only: bool) -> bool:
        """Until the finished callback, or else a complete WAV (SAPI5 sends no callback for files).

        espeak (`callback_only`) writes the file on its own thread around the callback; going on
        before the callback would race that thread, so there the callback comes first, and then
        the file must be complete too: on a busy machine its header was seen still unwritten when
        the callback arrived.
        """
        deadline = time.monotonic() + timeout
        if callback_only:
            if not job.done.wait(timeout):
                return False
            while _complete_wav_duration(path) is None and time.monotonic() < deadline:
                time.sleep(FILE_POLL_S)
            return True
        while not job.done.wait(FILE_POLL_S):
            if _complete_wav_duration(path) is not None or time.monotonic() > deadline:
                return False
        return True

    def _apply(self, settings: VoiceSettings) -> str | None:
        """Set the voice for the settings' language if it changed; return the voice id wanted."""
        wanted = self.choose_voice(settings.language)
        if settings != self._applied:
            if wanted is not None:
                # Voice changes are applied at once by espeak; checked after the render.
                self._engine.setProperty("voice", wanted)
            if not self._embeds_settings:
                self._engine.setProperty("rate", int(settings.rate_wpm))
                self._engine.setProperty("volume", min(max(float(settings.volume), 0.0), 1.0))
            self._applied = settings
        return wanted

    @property
    def _embeds_settings(self) -> bool:
        return self.engine_name == "espeak"

    def _settings_in_text(self, settings: VoiceSettings) -> str:
        """Rate and volume as espeak embedded commands at the head of the text.

        Pitfall 4: through pyttsx3's properties espeak takes a new rate one render late, or loses
        it after a voice change; commands inside the text apply to exactly that text.
        """
        if not self._embeds_settings:
            return ""
        rate = min(max(int(settings.rate_wpm), ESPEAK_MIN_RATE), ESPEAK_MAX_RATE)
        amplitude = round(min(max(float(settings.volume), 0.0), 1.0) * 100)
        return f"{EMBEDDED}{rate}S{EMBEDDED}{amplitude}A "


class _StdoutWithoutChatter(io.TextIOBase):
    """Passes everything on to `target` except pyttsx3's espeak "Audio saved to ..." lines."""

    def __init__(self, target: TextIO | None) -> None:
        self._target = target
        self._dropping = False

    def write(self, text: str) -> int:
        # print() writes the line and its newline separately: drop both.
        dropping = text.startswith(ENGINE_CHATTER) or (self._dropping and text == "\n")
        self._dropping = text.startswith(ENGINE_CHATTER)
        if self._target is not None and not dropping:
            self._target.write(text)
        return len(text)

    def flush(self) -> None:
        if self._target is not None:
            self._target.flush()


def _without_controls(text: str) -> str:
    """`text` with control characters made spaces (same length, so word positions still fit)."""
    return "".join(" " if ord(ch) < 32 and ch not in "\n\t" else ch for ch in text)


def _shift_words(words: list[WordMark], prefix: int, text: str) -> tuple[WordMark, ...]:
    """Word places in `text`, not counting the `prefix` characters put before it.

    espeak reports the first word as starting inside the prefix with a wrong length, so a mark
    that starts there is taken to be the text's first word.
    """
    shifted = []
    for word in words:
        start = word.position - prefix
        if start < 0:
            first = _FIRST_WORD.search(text)
            if first is None:
                continue
            shifted.append(WordMark(first.start(), first.end() - first.start()))
        elif word.length > 0:
            shifted.append(WordMark(start, word.length))
    return tuple(shifted)


def _complete_wav_duration(path: Path) -> float | None:
    """The duration of WAV file `path` if it exists, has sound and all its frames are written."""
    try:
        with wave.open(str(path), "rb") as wav:
            frames = wav.getnframes()
            frame_bytes = wav.getsampwidth() * wav.getnchannels()
            rate = wav.getframerate()
        size = path.stat().st_size
    except (OSError, EOFError, wave.Error):
        return None
    if frames <= 0 or rate <= 0 or size < 44 + frames * frame_bytes:
        return None
    return frames / rate


_renderers: dict[str, Renderer] = {}
_renderers_lock = threading.Lock()


def renderer_for(engine_name: str | None) -> Renderer:
    """The process's renderer for pyttsx3 driver `engine_name` (None: this platform's default).

    Raises SpeechUnavailableError (NO_ENGINE) if that engine is off ("none") or cannot start.
    """
    name = engine_name or default_engine_name()
    if name == NO_ENGINE_NAME:
        raise SpeechUnavailableError(
            messages.NO_ENGINE, "speech engine switched off by configuration"
        )
    with _renderers_lock:
        if name not in _renderers:
            try:
                import pyttsx3

                engine = pyttsx3.init(name)
            except Exception as exc:
                raise SpeechUnavailableError(
                    messages.NO_ENGINE, f"speech engine {name!r} could not start: {exc!r}"
                ) from exc
            _renderers[name] = Renderer(engine, name)
        return _renderers[name]
