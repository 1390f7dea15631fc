"""The top bar keeps one row at every text size: full words where they fit, else each button's
icon over a shorter word; never a word cut to "H…e", never a name lost for a screen reader."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from companion.i18n import set_language
from ui.app import build_window
from ui.context import AppContext

FULL_NAMES = {"en": ["Home", "Back", "Read this to me", "Get help now"]}


def open_window(qtbot: QtBot, ctx: AppContext, size: tuple[int, int]):  # type: ignore[no-untyped-def]
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # the layout requests posted by showing and resizing
    return window


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("scale", "size"), [(100, (1280, 720)), (200, (1024, 768)), (150, (1024, 768))]
)
def test_every_top_bar_button_shows_its_whole_word_in_one_row(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], language: str, scale: int, size
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_ctx(text_scale=scale, language=language), size)
    bar = window.top_bar
    tops = {b.mapTo(window, b.rect().topLeft()).y() for b in bar.buttons()}
    assert len(tops) == 1  # one row
    visible = QRect(0, 0, window.width(), window.height())
    for button in bar.buttons():
        box = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        assert visible.contains(box), button.accessibleName()
        assert button.width() >= 64 and button.height() >= 64
        # The words fit the button: the size it asks for is the size it got (no elision).
        assert button.sizeHint().width() <= button.width(), (button.text(), button.width())
    set_language("en")


def test_full_words_at_100_percent_and_shorter_words_at_200_keep_full_names(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    window = open_window(qtbot, make_ctx(), (1280, 720))
    bar = window.top_bar
    assert [b.text().replace("\n", " ") for b in bar.buttons()] == FULL_NAMES["en"]
    window.ctx.settings.set("text_scale", 200)
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: bar.help_button.text() == "Help now")
    assert bar.read_button.text() == "Read"
    assert [b.accessibleName() for b in bar.buttons()] == FULL_NAMES["en"]
    window.ctx.settings.set("text_scale", 100)
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: bar.help_button.text().replace("\n", " ") == "Get help now")
