"""Cut a text into short pieces (sentences, or clauses of long ones) so speech starts quickly.

The engine renders a piece before it can be played; short pieces keep the first sound and every
stop prompt, and let the next piece render while the current one plays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A piece ends after . ! ? … or a line break; a long piece is cut again after , ; : or a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_CLAUSE_END = re.compile(r"(?<=[,;:])\s+")
MAX_PIECE_CHARS = 240


@dataclass(frozen=True)
class Piece:
    """Part of an utterance's text and where it starts in that text."""

    offset: int
    text: str


def split_into_pieces(text: str, max_chars: int = MAX_PIECE_CHARS) -> list[Piece]:
    """The non-blank pieces of `text`, in order, each at most about `max_chars` long."""
    pieces: list[Piece] = []
    for start, part in _split(text, 0, _SENTENCE_END):
        if len(part) <= max_chars:
            _append(pieces, start, part)
            continue
        for c_start, clause in _split(part, start, _CLAUSE_END):
            for w_start, chunk in _cut_at_spaces(clause, c_start, max_chars):
                _append(pieces, w_start, chunk)
    return pieces


def _split(text: str, base: int, pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    parts: list[tuple[int, str]] = []
    start = 0
    for match in pattern.finditer(text):
        parts.append((base + start, text[start : match.start()]))
        start = match.end()
    parts.append((base + start, text[start:]))
    return parts


def _cut_at_spaces(text: str, base: int, max_chars: int) -> list[tuple[int, str]]:
    parts: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > max_chars:
        cut = text.rfind(" ", start, start + max_chars)
        if cut <= start:
            cut = start + max_chars
        parts.append((base + start, text[start:cut]))
        start = cut
    parts.append((base + start, text[start:]))
    return parts


def _append(pieces: list[Piece], start: int, part: str) -> None:
    stripped = part.strip()
    if stripped and any(ch.isalnum() for ch in stripped):
        pieces.append(Piece(start + part.index(stripped[0]), stripped))
