"""Page breaks: a heading never ends a page, a table row is never cut, a continued table repeats
its header row, and nothing runs past the bottom, on paper and on small screen pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPdfWriter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.i18n import set_language
from companion.report import build_report
from companion.report.document import Paragraph, ReportDocument, Table
from tests.report_data import FIRST_DAY, NOW, UTC, twelve_weeks
from ui.pages.compose import LaidOut, lay_out, set_paper


def _document() -> ReportDocument:
    report = build_report(
        twelve_weeks(), FIRST_DAY, NOW.date(), UTC, now=NOW, include_notes=True, person_name="Ann"
    )
    from companion.report.document import report_document

    return report_document(report)


def _check(laid: LaidOut) -> None:
    body = laid.height - laid.head_height - laid.foot_height
    for number, page in enumerate(laid.pages, start=1):
        kinds = [piece.kind for piece, _y in page.placed]
        assert kinds, f"page {number} is empty"
        if number < len(laid.pages):
            assert kinds[-1] != "heading", f"page {number} ends with a heading"
            assert kinds[-1] != "header", f"page {number} ends with a table's header row"
        for piece, y in page.placed:
            if piece.height <= body:
                assert y + piece.height <= body + 0.01, f"page {number}: {piece.words[:1]}"
        if kinds[0] == "row":
            raise AssertionError(f"page {number} goes on with a table but lost its header row")


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size,body_pt", [((420, 300), 18), ((600, 400), 27), ((900, 500), 36)])
def test_screen_pages_break_in_the_right_places(
    qtbot: QtBot, lang: str, size: tuple[int, int], body_pt: float
) -> None:
    set_language(lang)
    try:
        widget = QWidget()
        qtbot.addWidget(widget)
        _check(lay_out(_document(), widget, size, body_pt, furniture=False))
    finally:
        set_language("en")


@pytest.mark.parametrize("large", [11.0, 18.0])
def test_paper_pages_break_in_the_right_places(qtbot: QtBot, tmp_path: Path, large: float) -> None:
    writer = QPdfWriter(str(tmp_path / "x.pdf"))
    set_paper(writer, "a4")
    rect = writer.pageLayout().paintRectPixels(writer.logicalDpiY())
    _check(lay_out(_document(), writer, (rect.width(), rect.height()), large, furniture=True))


def test_a_long_table_goes_on_over_the_page_with_its_header_row_again(qtbot: QtBot) -> None:
    rows = tuple((f"Day {n}", str(n)) for n in range(60))
    document = ReportDocument(
        "t", "Ann", "made", (Paragraph("Before"), Table(("What", "Times"), rows))
    )
    widget = QWidget()
    qtbot.addWidget(widget)
    laid = lay_out(document, widget, (500, 400), 14, furniture=False)
    assert len(laid.pages) > 2
    for page in laid.pages[1:]:
        assert page.placed[0][0].kind == "header"
        assert page.placed[0][0].words == ["What", "Times"]
    _check(laid)
