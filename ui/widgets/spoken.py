"""What "Read this to me" says, a sentence at a time, and where each sits on the screen."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QWidget

from companion.i18n import _
from ui.widgets.big_button import BigButton


@dataclass(frozen=True)
class SpokenPart:
    """One sentence to read aloud and the label it sits in (to highlight it while it is said).

    `named`: (start, end, control) for each control named in the sentence, so the control is
    highlighted while its name is said ("You can choose: ...").
    """

    sentence: str
    label: QLabel | None
    named: tuple[tuple[int, int, QWidget], ...] = ()


def choices_part(controls: list[QWidget]) -> SpokenPart | None:
    """ "You can choose: A, B, C." with where each control's name sits in the sentence."""
    names = [
        (c.label() if isinstance(c, BigButton) else c.accessibleName(), c)
        for c in controls
        if c.accessibleName()
    ]
    if not names:
        return None
    marker = "\x00"
    sentence = _("You can choose: {choices}.").format(choices=marker)
    at = sentence.index(marker)
    named: list[tuple[int, int, QWidget]] = []
    for index, (name, control) in enumerate(names):
        if index:
            at += 2  # ", "
        named.append((at, at + len(name), control))
        at += len(name)
    joined = ", ".join(name for name, _control in names)
    return SpokenPart(sentence.replace(marker, joined), None, tuple(named))
