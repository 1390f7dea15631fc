"""Helpers for comparing the words a person reads, whatever spaces the locale data chose."""

from __future__ import annotations

from typing import Any

# CLDR (through babel) writes French with no-break (U+00A0) or narrow no-break (U+202F) spaces,
# and which one changes between releases. The app keeps the correct typography; a test that
# compares words compares them with plain spaces.
_NO_BREAK_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def plain_spaces(text: str) -> str:
    """`text` with every no-break space made an ordinary space."""
    return text.translate(_NO_BREAK_SPACES)


def words_on_screen(screen: Any) -> str:
    """What a person reads on a Companion screen: its paragraphs and the words of its choices
    (Get help now puts its lines and numbers on big buttons)."""
    names = [choice.accessibleName() for choice in screen.choices()]
    return plain_spaces(" ".join([screen.body_text(), *names]))
