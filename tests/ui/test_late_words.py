"""A sentence that comes after a screen is shown (a save that failed, a wrong PIN, "Saved.")
never hides a choice: the screen fits itself again (ui/widgets/late_words.py).

Before, the fit measured a screen once; one more sentence at 200% in French on 1024 x 768
pushed choices below the edge on 41 screens, with no scroll bar left to reach them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from companion.i18n import set_language
from tests.ui.fit import fit_problems, settle
from tests.ui.routes import cases, open_case, open_sample_pc
from ui.context import AppContext
from ui.widgets.late_words import WordsWatch

LATE = " Cela n’a pas pu être gardé. Veuillez réessayer."


def test_a_late_sentence_on_any_screen_leaves_every_choice_reachable(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path
) -> None:
    """Every route: one sentence more in its first text, then the page in front fits, or the
    screen reads by parts ("Next part" reaches what is below). (Later pages: a last page's
    long "Back to the first choices" can still be too tall; a known follow-up.) The reader
    says its place in new words at each move and fits its own box, so it does not refit on
    words (refit_on_new_words)."""
    ctx = make_ctx(text_scale=200)
    window = open_sample_pc(qtbot, ctx, tmp_path / "data")
    ctx.settings.set("language", "fr")
    window.resize(1024, 768)
    settle()
    hidden: list[str] = []
    try:
        for case, arguments in cases(window):
            screen = open_case(window, case, arguments)
            shown = [label for label, _fn in screen._texts if label.isVisible()]
            if not shown or not screen.refit_on_new_words:
                continue
            shown[0].setText(shown[0].text() + LATE)
            settle()
            if not screen.part_buttons():  # the page in front, where the sentence came
                hidden += [f"{case}: {problem}" for problem in fit_problems(window)]
    finally:
        set_language("en")
        if ctx.session is not None:
            ctx.session.close()
    assert not hidden, "\n".join(hidden)


def test_words_that_change_at_every_fit_stop_asking_for_fits(qtbot: QtBot) -> None:
    """A label whose words the fit itself changes would ask for fits forever: a few a second,
    then the watch stops asking."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    body = QWidget()
    qtbot.addWidget(body)
    label = QLabel("0")
    QVBoxLayout(body).addWidget(label)
    fits: list[int] = []

    def fit() -> None:
        fits.append(1)
        label.setText(str(len(fits)))  # new words at every fit

    WordsWatch(body, fit)
    body.show()
    qtbot.waitExposed(body)
    label.setText("start")
    for _round in range(20):
        settle()
    assert 1 <= len(fits) <= 4
