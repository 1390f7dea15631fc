"""Long reading moves a screenful at a time with big "Next part" / "Previous part" buttons that
say where the reader is, and read-aloud moves to the part it is reading (#15 item 2)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.fit import visible_rect
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
    window = open_article(qtbot, make_ctx(text_scale=200), (1024, 768))
    screen = window.current()
    parts = screen.parts
    assert parts.isVisible()
    count = parts.count()
    assert count > 1
    assert parts.place.text() == f"Part 1 of {count}"
    previous, following = by_name(window, "Previous part"), by_name(window, "Next part")
    assert not previous.isEnabled()
    assert following.width() >= 64 and following.height() >= 64
    top = screen.page_label.mapTo(window, screen.page_label.rect().topLeft()).y()
    qtbot.mouseClick(following, Qt.MouseButton.LeftButton)
    assert parts.place.text() == f"Part 2 of {count}"
    assert screen.page_label.mapTo(window, screen.page_label.rect().topLeft()).y() < top
    assert previous.isEnabled()
    for _ in range(count):
        if following.isEnabled():
            qtbot.mouseClick(following, Qt.MouseButton.LeftButton)
    assert parts.place.text() == f"Part {count} of {count}"
    assert not following.isEnabled()
    # At the end of the last part, the page's own choices are on screen.
    assert visible_rect(screen.next_button, window).size() == screen.next_button.size()


def test_read_aloud_moves_to_the_part_it_reads(qtbot, make_ctx: Callable[..., AppContext]) -> None:  # type: ignore[no-untyped-def]
    window = open_article(qtbot, make_ctx(text_scale=200), (1024, 768))
    screen = window.current()
    assert screen.parts.part() == 0
    target = next(p for p in reversed(screen.reading_order()) if p.label is screen.page_label)
    screen.highlight(target)
    assert screen.parts.part() > 0
    screen.highlight_control(screen.next_button)  # "You can choose: ... Next page" at the end
    assert visible_rect(screen.next_button, window).size() == screen.next_button.size()


def test_a_page_that_fits_has_no_parts(qtbot, make_ctx: Callable[..., AppContext]) -> None:  # type: ignore[no-untyped-def]
    window = open_article(qtbot, make_ctx(text_scale=100), (1280, 720))
    screen = window.current()
    assert screen.fitter.fitted
    assert not screen.parts.isVisible()
    assert screen.part_buttons() == []
