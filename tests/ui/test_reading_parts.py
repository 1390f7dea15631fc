"""Long reading moves a screenful at a time with big "Next part" / "Previous part" buttons that
say where the reader is, and read-aloud moves to the part it is reading (#15 item 2)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from companion.i18n import set_language
from tests.ui.fit import fit_problems, visible_rect
from tests.ui.routes import sample_arguments
from ui.app import MainWindow, build_window
from ui.context import AppContext
from ui.screens.learn.reader import ReaderScreen


def open_article(qtbot, ctx: AppContext, size: tuple[int, int]) -> MainWindow:  # type: ignore[no-untyped-def]
    ctx.session = dataclasses.replace(ctx.session, is_guest=False)
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.push(ReaderScreen(ctx, "grief"))
    QApplication.processEvents()
    return window


def by_name(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    screen = window.current()
    [button] = [c for c in screen.part_buttons() if c.accessibleName() == name]
    return button


def test_a_long_page_moves_a_screenful_at_a_time_and_says_where(
    qtbot, make_ctx: Callable[..., AppContext]
) -> None:  # type: ignore[no-untyped-def]
    """An article's words go by parts in their own box; its choices never leave the screen,
    and its own Next / Previous move a part, then a page."""
    window = open_article(qtbot, make_ctx(text_scale=200), (1024, 768))
    screen = window.current()
    assert isinstance(screen, ReaderScreen)
    count = screen.reading.count()
    assert count > 1
    pages = len(screen.article().pages)

    def all_choices_on_screen() -> None:
        for button in (screen.previous_button, screen.next_button, screen.favourite_button):
            assert visible_rect(button, window).size() == button.size()

    assert screen.position_label.text() == f"Page 1 of {pages}, part 1 of {count}"
    assert screen.next_button.accessibleName() == "Next part"
    assert not screen.previous_button.isEnabled()
    all_choices_on_screen()
    top = screen.page_label.mapTo(window, screen.page_label.rect().topLeft()).y()
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.position_label.text() == f"Page 1 of {pages}, part 2 of {count}"
    assert screen.page_label.mapTo(window, screen.page_label.rect().topLeft()).y() < top
    assert screen.previous_button.isEnabled()
    assert screen.previous_button.accessibleName() == "Previous part"
    for _ in range(count - 2):
        qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.position_label.text().endswith(f"part {count} of {count}")
    assert screen.next_button.accessibleName() == "Next page"
    all_choices_on_screen()
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.page == 1
    assert screen.reading.part() == 0  # a new page starts at its first part
    assert screen.previous_button.accessibleName() == "Previous page"
    assert screen.parts.isHidden()  # the screen itself never reads by parts here
    all_choices_on_screen()


def test_read_aloud_moves_to_the_part_it_reads(qtbot, make_ctx: Callable[..., AppContext]) -> None:  # type: ignore[no-untyped-def]
    window = open_article(qtbot, make_ctx(text_scale=200), (1024, 768))
    screen = window.current()
    assert screen.reading.part() == 0
    target = next(p for p in reversed(screen.reading_order()) if p.label is screen.page_label)
    screen.highlight(target)
    assert screen.reading.part() > 0
    assert screen.position_label.text().endswith(f"of {screen.reading.count()}")
    screen.highlight_control(screen.next_button)  # "You can choose: ... Next page" at the end
    assert visible_rect(screen.next_button, window).size() == screen.next_button.size()


def test_a_page_that_fits_has_no_parts(qtbot, make_ctx: Callable[..., AppContext]) -> None:  # type: ignore[no-untyped-def]
    window = open_article(qtbot, make_ctx(text_scale=100), (1280, 720))
    screen = window.current()
    assert screen.fitter.fitted
    assert not screen.parts.isVisible()
    assert screen.part_buttons() == []
    assert screen.reading.count() == 1
    assert screen.position_label.text() == f"Page 1 of {len(screen.article().pages)}"
    assert lines_shown(screen) >= 3  # the words are there, whole


def test_the_last_page_keeps_its_four_choices_on_screen(
    qtbot, make_ctx: Callable[..., AppContext]
) -> None:  # type: ignore[no-untyped-def]
    """The last page adds "Try this": at 200% on 1280 x 720 the four choices sit side by side
    (the exercise's name is in the button's name) and the words still go by parts."""
    window = open_article(qtbot, make_ctx(text_scale=200), (1280, 720))
    screen = window.current()
    screen.go_to(len(screen.article().pages) - 1)
    QApplication.processEvents()
    assert screen.try_button.isVisible()
    assert screen.try_button.accessibleName() == "Try this: Slow breathing"
    assert fit_problems(window) == []
    assert screen.parts.isHidden()


def lines_shown(screen: ReaderScreen) -> float:
    """How many lines of the article the box shows now, measured by the font's line spacing
    (a line cut in half by the box's edge counts as half)."""
    view = screen.reading.area.viewport()
    label = screen.page_label
    top = label.mapTo(view, QPoint(0, 0)).y()
    shown = min(top + label.height(), view.height()) - max(top, 0)
    return max(0, shown) / QFontMetrics(label.font()).lineSpacing()


def test_each_part_shows_whole_lines_and_four_at_least(
    qtbot, make_ctx: Callable[..., AppContext]
) -> None:  # type: ignore[no-untyped-def]
    """The tightest look (200%, French, 1024 x 768): a part ends at a line, never in the middle
    of one, the first part shows at least four lines of the article under its heading, and
    every choice is on screen, 64 px and named (their words in one row)."""
    ctx = make_ctx(text_scale=200)
    ctx.session = dataclasses.replace(ctx.session, is_guest=False)
    try:
        ctx.settings.set("language", "fr")
        window = build_window(ctx)
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        qtbot.waitExposed(window)
        window.push(ReaderScreen(ctx, sample_arguments(ctx, "learn.reader")["article_id"]))
        QApplication.processEvents()
        screen = window.current()
        assert isinstance(screen, ReaderScreen)
        assert screen.reading.count() > 1
        assert screen.heading_label.isVisible()
        assert lines_shown(screen) >= 4
        assert fit_problems(window) == []
        row = {b.mapTo(window, QPoint(0, 0)).y() for b in screen.grid.on_page()}
        assert len(row) == 1
        for _part in range(screen.reading.count()):
            shown = lines_shown(screen)
            assert shown >= 2
            assert abs(shown - round(shown)) < 0.1, f"part {screen.reading.part() + 1}: {shown}"
            qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
        assert screen.page == 1
    finally:
        set_language("en")
