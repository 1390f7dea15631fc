"""speak_to_file with the real engine (espeak-ng here): real WAVs; length follows text and rate."""

from __future__ import annotations

import array
import math
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from voice import Speaker
from voice.file_sink import sink_command

ENGLISH = "Good morning. It is a good day to take a short walk outside."
FRENCH = "Bonjour. C'est une belle journée pour faire une courte promenade dehors."


@pytest.fixture
def speaker(tmp_path: Path) -> Iterator[Speaker]:
    made = Speaker(engine="espeak", player=sink_command(tmp_path / "sink"))
    yield made
    made.shutdown()


def measured(path: Path) -> tuple[float, int, int, int]:
    """Duration in seconds, rate, channels, sample width, read back from the file itself."""
    with wave.open(str(path), "rb") as wav:
        return (
            wav.getnframes() / wav.getframerate(),
            wav.getframerate(),
            wav.getnchannels(),
            wav.getsampwidth(),
        )


def loudness(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        samples = array.array("h", wav.readframes(wav.getnframes()))
    return math.sqrt(sum(s * s for s in samples) / len(samples))


def test_english_wav_is_real_and_grows_with_the_text(speaker: Speaker, tmp_path: Path) -> None:
    short, long = tmp_path / "short.wav", tmp_path / "long.wav"
    speaker.speak_to_file(ENGLISH, short)
    speaker.speak_to_file(f"{ENGLISH} {ENGLISH} {ENGLISH}", long)
    short_s, rate, channels, width = measured(short)
    assert (rate, channels, width) == (22050, 1, 2)
    assert 1.5 < short_s < 10
    assert measured(long)[0] > 2.5 * short_s
    assert loudness(short) > 300  # sound, not a file of silence


def test_french_wav_is_spoken_with_the_french_voice(speaker: Speaker, tmp_path: Path) -> None:
    speaker.set_voice(150, 0.9, "en")
    english_voice = speaker.speak_to_file(FRENCH, tmp_path / "en.wav")
    speaker.set_voice(150, 0.9, "fr")
    french = speaker.speak_to_file(FRENCH, tmp_path / "fr.wav")
    # The voice set is the voice got, and it is a French one.
    assert french.voice_ok and french.voice_got == french.voice_wanted
    assert french.voice_got is not None and french.voice_got.endswith("fr")
    assert english_voice.voice_got != french.voice_got
    assert (tmp_path / "en.wav").read_bytes() != (tmp_path / "fr.wav").read_bytes()
    assert 1.5 < measured(tmp_path / "fr.wav")[0] < 12


def test_rate_setting_changes_the_length(speaker: Speaker, tmp_path: Path) -> None:
    speaker.set_voice(100, 0.9, "en")
    speaker.speak_to_file(ENGLISH, tmp_path / "slow.wav")
    speaker.set_voice(250, 0.9, "en")
    speaker.speak_to_file(ENGLISH, tmp_path / "fast.wav")
    slow, fast = measured(tmp_path / "slow.wav")[0], measured(tmp_path / "fast.wav")[0]
    assert slow > 1.8 * fast


def test_volume_setting_changes_the_loudness(speaker: Speaker, tmp_path: Path) -> None:
    speaker.set_voice(150, 1.0, "en")
    speaker.speak_to_file(ENGLISH, tmp_path / "loud.wav")
    speaker.set_voice(150, 0.2, "en")
    speaker.speak_to_file(ENGLISH, tmp_path / "quiet.wav")
    assert loudness(tmp_path / "quiet.wav") < 0.4 * loudness(tmp_path / "loud.wav")


def test_file_is_complete_when_speak_to_file_returns(speaker: Speaker, tmp_path: Path) -> None:
    """Pitfall 1: runAndWait returns early; speak_to_file must not."""
    long_text = " ".join([ENGLISH] * 20)
    path = tmp_path / "long.wav"
    rendering = speaker.speak_to_file(long_text, path)
    size_now = path.stat().st_size
    duration, rate, channels, width = measured(path)
    assert size_now == 44 + round(duration * rate) * channels * width
    assert rendering.duration_s == pytest.approx(duration)
    assert duration > 40
    # Every word was reported with its place in the text.
    first_words = [long_text[w.position : w.position + w.length] for w in rendering.words[:3]]
    assert first_words == ["Good", "morning", "It"]


def test_rate_applies_at_once_even_right_after_a_voice_change(
    speaker: Speaker, tmp_path: Path
) -> None:
    """Pitfall 4: through pyttsx3 properties espeak took the rate one render late, or lost it."""
    lengths = {}
    for step, (rate, language) in enumerate([(100, "en"), (250, "fr"), (100, "fr"), (250, "en")]):
        speaker.set_voice(rate, 0.9, language)
        path = tmp_path / f"{step}.wav"
        speaker.speak_to_file(FRENCH, path)
        lengths[(rate, language)] = measured(path)[0]
    assert lengths[(100, "en")] > 1.8 * lengths[(250, "en")]
    assert lengths[(100, "fr")] > 1.8 * lengths[(250, "fr")]
