"""Get help now looks like the most important screen: big lines that read themselves aloud, the
first one focused, why it opened, and every choice on screen at 200% text on 1024 x 768."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from companion.checkin.wording import self_harm_reason
from companion.i18n import set_language
from tests.ui.fit import fit_problems
from tests.ui.recording_speech import RecordingSpeech
from ui.app import MainWindow, build_window
from ui.context import AppContext
from ui.screens.help_now.screen import HelpNowScreen
from ui.widgets.big_button import BigButton


def open_help(qtbot: QtBot, ctx: AppContext, size: tuple[int, int] = (1280, 720)) -> MainWindow:
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.show_help_now()
    return window


def test_the_lines_are_big_words_that_read_themselves(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], speech: RecordingSpeech
) -> None:
    window = open_help(qtbot, make_ctx(region="US"))
    screen = window.current()
    assert isinstance(screen, HelpNowScreen)
    body_points = window.top_bar.home_button.font().pointSizeF()
    for button in [*screen.line_buttons, screen.emergency_button]:
        assert button.font().pointSizeF() >= 1.5 * body_points - 0.5, button.label()
    assert screen.line_buttons[0].label() == "Call or text 988, or chat at 988lifeline.org."
    assert screen.line_buttons[0].accessibleDescription().startswith("988 Suicide & Crisis")
    qtbot.mouseClick(screen.line_buttons[1], Qt.MouseButton.LeftButton)
    assert speech.texts()[-1].startswith("Crisis Text Line. Text HOME to 741741.")
    assert "HOME to 741741" in speech.texts()[-1]


def test_the_first_line_has_the_focus_not_change_region(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    window = open_help(qtbot, make_ctx())
    screen = window.current()
    assert window.focusWidget() is screen.line_buttons[0]
    assert screen.choices()[-1] is screen.change_region  # the region choice comes last


def test_opened_by_an_answer_it_says_why(qtbot: QtBot, make_ctx: Callable[..., AppContext]) -> None:
    window = open_help(qtbot, make_ctx())
    window.show_help_now(self_harm_reason())
    assert (
        window.current()
        .body_text()
        .startswith(
            "You told us you have had thoughts of hurting yourself. You do not have to wait."
        )
    )


def outside(window: MainWindow, choices: list[BigButton]) -> list[str]:
    visible = QRect(0, 0, window.width(), window.height())
    return [
        choice.accessibleName()
        for choice in choices
        if not visible.contains(QRect(choice.mapTo(window, choice.rect().topLeft()), choice.size()))
    ]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("region", ["CA", "CA-QC", "BE"])
@pytest.mark.parametrize(("scale", "size"), [(100, (1024, 768)), (100, (1280, 720))])
def test_the_lines_and_the_emergency_number_come_first_on_screen(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], language: str, region: str, scale: int, size
) -> None:  # type: ignore[no-untyped-def]
    """The numbers come first, right under the title (larger text: the test below)."""
    ctx = make_ctx(region=region, language=language, text_scale=scale)
    window = open_help(qtbot, ctx, size)
    screen = window.current()
    assert outside(window, [*screen.line_buttons, screen.emergency_button]) == []
    set_language("en")


@pytest.mark.parametrize(
    ("language", "guest"),
    [
        ("en", False),
        ("fr", False),
        ("en", True),
        # The guest band took two lines in French at 200%: with the top bar and the title,
        # the Quebec line's four lines at 1.5x left no room for "More choices" under it.
        ("fr", True),
    ],
)
def test_every_choice_is_on_screen_at_200_percent_on_1024_by_768(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], language: str, guest: bool
) -> None:
    """Every line, the emergency number, the people and "Change region" come on screen, whole,
    on the first page or after "More choices" (the screen-fit layout of #15); the first line
    is on the first page and has the focus. A guest also sees the guest band above it all."""
    ctx = make_ctx(region="CA-QC", language=language, text_scale=200)
    if not guest:
        ctx.session = dataclasses.replace(ctx.session, is_guest=False)
    window = open_help(qtbot, ctx, (1024, 768))
    screen = window.current()
    assert isinstance(screen, HelpNowScreen)
    assert window.focusWidget() is screen.line_buttons[0]
    wanted = {b.accessibleName() for b in [*screen.line_buttons, screen.emergency_button]}
    wanted |= {screen.people_button.accessibleName(), screen.change_region.accessibleName()}
    seen: set[str] = set()
    for page in range(screen.grid.page_count()):
        shown = [w for w in screen.choices() if w.isVisible()]
        assert outside(window, shown) == [], f"page {page + 1}"
        assert fit_problems(window) == [], f"page {page + 1}"
        seen |= {w.accessibleName() for w in shown}
        if screen.grid.page_count() > 1:
            screen.grid.page_button.click()
    assert wanted <= seen
    set_language("en")


def test_a_phone_number_is_never_split_over_two_lines(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    window = open_help(qtbot, make_ctx(region="CA-QC", language="fr"), (1024, 768))
    for button in window.current().line_buttons:
        for shown_line in button.text().split("\n"):
            assert not shown_line.rstrip().endswith(("(1", " 1")), button.text()
    assert "1\u00a0866\u00a0277-3553" in window.current().line_buttons[0].text()
    set_language("en")
