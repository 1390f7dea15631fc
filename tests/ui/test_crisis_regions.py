"""Crisis lines for where the person lives, through the real widgets: the first run proposes the
region from the computer's locale, "Somewhere else" is on every page of places, and Get help now
shows a place's own lines (never another country's), in English and French."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.i18n import set_language
from companion.safety.crisis import ELSEWHERE
from tests.text import words_on_screen
from tests.ui.helpers import press
from ui.app import MainWindow, build_window
from ui.context import AppContext
from ui.screens.help_now.region import RegionScreen
from ui.screens.help_now.screen import HelpNowScreen
from ui.screens.setup.flow import FirstRun


def _click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def open_window(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> Iterator[Callable[..., MainWindow]]:
    def build(**settings: object) -> MainWindow:
        window = build_window(make_ctx(**settings))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield build
    QLocale.setDefault(QLocale.system())
    set_language("en")


@pytest.mark.parametrize(
    ("locale_name", "expected"),
    [("fr_CA", "CA-QC"), ("fr_BE", "BE"), ("de_CH", "CH"), ("de_DE", ELSEWHERE), ("en_US", "US")],
)
def test_the_first_run_proposes_the_region_from_the_computers_locale(
    open_window: Callable[..., MainWindow], locale_name: str, expected: str
) -> None:
    window = open_window()
    QLocale.setDefault(QLocale(locale_name))
    FirstRun(window.ctx).propose_region()
    assert window.ctx.settings.get("region") == expected


def test_somewhere_else_is_on_every_page_of_places(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    window.push(RegionScreen(window.ctx))
    seen: set[str] = set()
    for _page in range(3):
        screen = window.current()
        assert isinstance(screen, RegionScreen)
        assert ELSEWHERE in screen.buttons
        assert screen.buttons[ELSEWHERE].accessibleName() == "Somewhere else"
        assert len(screen.choices()) <= 6
        seen |= set(screen.buttons)
        more = [b for b in screen.choices() if b.accessibleName() == "More places"]
        if not more:
            break
        press(qtbot, window, "More places")
    assert set(window.ctx.crisis.codes()) <= seen


@pytest.mark.parametrize("language", ["en", "fr"])
def test_somewhere_else_shows_only_what_is_true_everywhere(
    qtbot: QtBot, open_window: Callable[..., MainWindow], language: str
) -> None:
    window = open_window(region=ELSEWHERE, language=language)
    _click(qtbot, window.top_bar.help_button)
    screen = window.current()
    assert isinstance(screen, HelpNowScreen)
    text = words_on_screen(screen)
    assert "findahelpline.com" in text
    assert {
        "en": "In an emergency, call your local emergency number.",
        "fr": "En cas d’urgence, appelez le numéro d’urgence de l’endroit où vous êtes.",
    }[language] in text
    for number in ("988", "911", "112", "3114", "116 123"):
        assert number not in text


@pytest.mark.parametrize(
    ("region", "shown", "not_shown"),
    [
        ("BE", ["0800 32 123", "1813", "call 112."], ["988", "911"]),
        ("CH", ["143", "call 144 or 112."], ["988", "911"]),
        ("FR", ["3114", "call 15 or 112."], ["988", "911"]),
        ("CA-QC", ["1 866 APPELLE", "535353", "9-8-8", "call 911."], ["3114"]),
        ("US", ["988", "HOME to 741741", "call 911."], ["3114"]),
        ("AU", ["13 11 14", "0477 13 11 14", "call 000."], ["988"]),
    ],
)
def test_help_now_shows_the_places_own_lines(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    region: str,
    shown: list[str],
    not_shown: list[str],
) -> None:
    window = open_window(region=region)
    press(qtbot, window, "Get help now")
    text = words_on_screen(window.current())
    for words in shown:
        assert words in text
    for words in not_shown:
        assert words not in text


def test_changing_region_from_help_now_shows_the_new_lines(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window(region="CA")
    press(qtbot, window, "Get help now")
    press(qtbot, window, "Change region (Canada)")
    page = window.current()
    while "BE" not in page.buttons:  # type: ignore[attr-defined]
        _click(qtbot, next(b for b in page.choices() if b.accessibleName() == "More places"))
        page = window.current()
    press(qtbot, window, "Belgium")
    assert isinstance(window.current(), HelpNowScreen)
    assert "0800 32 123" in words_on_screen(window.current())
