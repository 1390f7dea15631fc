"""What a speech check found: does speech work here, and if not, the sentence to tell the person."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpeechStatus:
    """`sentence` is a voice.messages msgid: translate it with `_()` when showing it."""

    ok: bool
    sentence: str
    engine: str | None
    player: str | None = None
