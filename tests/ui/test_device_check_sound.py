"""The device check's sounds: the chime is a small, soft WAV; the level follows how loud it is."""

from __future__ import annotations

import io
import math
import wave
from array import array

import pytest

from companion.appointments.device_sound import (
    CHIME_RATE,
    chime_wav,
    hears_a_voice,
    peak_percent,
)


def test_the_chime_is_a_short_small_mono_wav_with_soft_edges() -> None:
    data = chime_wav()
    assert len(data) < 50_000
    with wave.open(io.BytesIO(data)) as chime:
        assert (chime.getnchannels(), chime.getsampwidth(), chime.getframerate()) == (
            1,
            2,
            CHIME_RATE,
        )
        seconds = chime.getnframes() / CHIME_RATE
        samples = array("h", chime.readframes(chime.getnframes()))
    assert 0.5 <= seconds <= 1.5
    loudest = max(abs(s) for s in samples)
    assert 0.3 * 32767 < loudest <= 0.5 * 32767  # clear, never startling
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200  # no click at either end


def test_a_full_scale_sample_fills_the_bar_and_silence_leaves_it_empty() -> None:
    assert peak_percent(array("h", [0, 32767, -32768]).tobytes(), "int16") == 100
    assert peak_percent(array("h", [0] * 100).tobytes(), "int16") == 0
    assert peak_percent(b"", "int16") == 0


@pytest.mark.parametrize(
    ("sample_format", "data"),
    [
        ("int16", array("h", [0, -3277]).tobytes()),
        ("int32", array("i", [0, round(-0.1 * 2**31)]).tobytes()),
        ("float", array("f", [0.0, -0.1]).tobytes()),
        ("uint8", bytes([128, 128 - 13])),
    ],
)
def test_every_sample_format_gives_the_same_level_for_the_same_loudness(
    sample_format: str, data: bytes
) -> None:
    # -20 dBFS: two thirds of the bar, and a voice the check says it hears.
    level = peak_percent(data, sample_format)
    assert level == pytest.approx(67, abs=1)
    assert hears_a_voice(level)


def test_a_quiet_room_is_not_taken_for_a_voice() -> None:
    room_noise = round(32768 * 10 ** (-50 / 20))  # -50 dBFS
    assert not hears_a_voice(peak_percent(array("h", [room_noise]).tobytes(), "int16"))


def test_broken_input_keeps_the_bar_still() -> None:
    assert peak_percent(b"\x7f", "int16") == 0  # less than one sample
    assert peak_percent(array("f", [math.nan]).tobytes(), "float") == 0
    assert peak_percent(array("h", [30000]).tobytes(), "mp3") == 0
