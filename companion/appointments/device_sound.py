"""The sounds of "Check my camera and microphone": the test chime, and how loud the microphone is.

Made here in plain Python (no Qt, no file shipped) so the chime is the same on every computer and
the level is the same number the tests check.
"""

from __future__ import annotations

import io
import math
import struct
import sys
import wave
from array import array

CHIME_RATE = 22050  # samples a second: small, and every sound card plays it
CHIME_NOTES = (
    (660.0, 0.35),
    (880.0, 0.45),
)  # two rising notes (Hz, seconds): a friendly "ding-dong"
CHIME_VOLUME = 0.5  # half of full scale: clear, never startling

QUIET_DB = -60.0  # the bar is empty at or below this (a quiet room)
HEARD_AT_PERCENT = 40  # about -36 dBFS: a voice at arm's length, well above room noise

SAMPLE_FORMATS = ("uint8", "int16", "int32", "float")


def chime_wav() -> bytes:
    """A short two-note chime as a 16-bit mono WAV (about 35 kB), with soft edges (no click)."""
    samples = array("h")
    for frequency, seconds in CHIME_NOTES:
        count = round(CHIME_RATE * seconds)
        fade = round(CHIME_RATE * 0.02)
        for n in range(count):
            envelope = min(1.0, n / fade, (count - n) / fade) * math.exp(-2.5 * n / count)
            value = CHIME_VOLUME * envelope * math.sin(2 * math.pi * frequency * n / CHIME_RATE)
            samples.append(round(value * 32767))
    if sys.byteorder == "big":
        samples.byteswap()  # WAV samples are little-endian
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(CHIME_RATE)
        out.writeframes(samples.tobytes())
    return buffer.getvalue()


def peak_percent(data: bytes, sample_format: str) -> int:
    """How loud the loudest sample in `data` is, 0 to 100, on a decibel scale like our ears.

    `sample_format` is one of SAMPLE_FORMATS (native byte order, as audio devices deliver).
    Unknown formats and empty data give 0: the bar stays still rather than lie.
    """
    peak = _peak(data, sample_format)
    if peak <= 0.0:
        return 0
    decibels = 20 * math.log10(min(peak, 1.0))
    return max(0, min(100, round(100 * (1 - decibels / QUIET_DB))))


def hears_a_voice(percent: int) -> bool:
    """True when the level is what a person talking near the microphone gives."""
    return percent >= HEARD_AT_PERCENT


def _peak(data: bytes, sample_format: str) -> float:
    """The loudest sample as a fraction of full scale (0.0 to 1.0)."""
    if sample_format == "uint8":
        return max((abs(b - 128) for b in data), default=0) / 128
    sizes = {"int16": ("h", 32768.0), "int32": ("i", 2147483648.0), "float": ("f", 1.0)}
    if sample_format not in sizes:
        return 0.0
    code, full_scale = sizes[sample_format]
    width = struct.calcsize(code)
    samples = array(code, data[: len(data) - len(data) % width])
    loudest = max((abs(s) for s in samples), default=0)
    return float(loudest) / full_scale if math.isfinite(loudest) else 0.0
