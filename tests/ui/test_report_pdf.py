"""The report on paper, read as a doctor meets it: word sizes and places from the PDF itself.

Twelve weeks of check-ins and ten questionnaires, saved on Letter and A4, in English and French,
at the normal size and in large print; the same layout printed through a QPrinter.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from companion.i18n import set_language
from companion.report import build_report
from companion.report.document import report_document
from tests.report_data import FIRST_DAY, NOTE, NOW, UTC, twelve_weeks
from tests.ui.pdf_words import HAVE_POPPLER, PdfPage, median_word_height, read_pages, render_pngs
from ui.pages.compose import PAGE_MARGIN_MM, print_report_document, set_paper
from ui.screens.report.save import write_report_pdf

pytestmark = [
    pytest.mark.skipif(not HAVE_POPPLER, reason="needs poppler-utils"),
    pytest.mark.usefixtures("qapp"),
]
MARGIN_PT = PAGE_MARGIN_MM / 25.4 * 72
PAPER_PT = {"letter": (612.0, 792.0), "a4": (595.3, 841.9)}
ITEM9_DATE = {"en": "Sunday 8 November 2026", "fr": "dimanche 8 novembre 2026"}


def _report(*, item9: bool = True, notes: bool = False):  # type: ignore[no-untyped-def]
    return build_report(
        twelve_weeks(item9=item9),
        FIRST_DAY,
        NOW.date(),
        UTC,
        now=NOW,
        include_notes=notes,
        person_name="Margaret Tremblay",
    )


@pytest.fixture
def language():  # type: ignore[no-untyped-def]
    yield
    set_language("en")


def _inside_margins(page: PdfPage) -> list[str]:
    low_x, low_y = MARGIN_PT - 0.5, MARGIN_PT - 0.5
    high_x, high_y = page.width - MARGIN_PT + 0.5, page.height - MARGIN_PT + 0.5
    return [
        w.text
        for w in page.words
        if w.x_min < low_x or w.y_min < low_y or w.x_max > high_x or w.y_max > high_y
    ]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("large", [False, True])
def test_the_pdf_reads_at_arm_length_on_letter_and_a4(
    tmp_path: Path, language: None, lang: str, paper: str, large: bool
) -> None:
    set_language(lang)
    path = tmp_path / "report.pdf"
    count = write_report_pdf(_report(), path, paper=paper, large_print=large)
    pages = read_pages(path)
    assert len(pages) == count >= 2
    for page in pages:
        assert (page.width, page.height) == pytest.approx(PAPER_PT[paper], abs=1)
        assert _inside_margins(page) == []
    height = median_word_height(pages)
    if large:
        assert height >= 16, height
    else:
        assert 10 <= height <= 14, height
    # Every page: the person's name, the dates, and "Page n of N".
    page_word = {"en": "Page {n} of {total}", "fr": "Page {n} sur {total}"}[lang]
    for number, page in enumerate(pages, start=1):
        assert "Margaret Tremblay" in page.text
        assert "2026" in page.text and "2026-" not in page.text
        assert page_word.format(n=number, total=len(pages)) in page.text
    first = pages[0].text
    latest = {"en": "Latest score", "fr": "Dernier résultat"}[lang]
    assert "Questionnaire" in first and latest in first and "8/27" in first
    if not large:  # in large print the table goes on over the page, one questionnaire a card
        assert "GAD-7" in first and "WHO-5" in first and "60/100" in first
    assert ITEM9_DATE[lang] in " ".join(first.split())
    assert "Pfizer" in " ".join(page.text for page in pages[-2:])  # the credits, at the end
    pngs = render_pngs(path, tmp_path)
    assert len(pngs) == len(pages)
    image = QImage(str(pngs[0]))
    dark = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 200  # ink on the first page, not a blank sheet


def test_the_first_page_holds_the_scores_table_and_item_9_set_apart(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    write_report_pdf(_report(), path, paper="letter")
    first = read_pages(path)[0]
    words = " ".join(first.text.split())
    for header in ("Questionnaire", "First score", "Latest score", "Change", "Band now"):
        assert header in words
    assert "PHQ-9 item 9 answered above 0" in words
    assert "Sunday 30 August 2026: answered “Several days” (1 of 3)." in words
    assert "Sunday 8 November 2026: answered “More than half the days” (2 of 3)." in words
    assert "down 7" in words and "up 24" in words
    assert "not a diagnosis" in words
    # The safety answer comes before the scores: a doctor reads it first.
    assert words.index("item 9") < words.index("First score")


def test_no_item_9_box_when_every_answer_was_0(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    write_report_pdf(_report(item9=False), path, paper="letter")
    text = " ".join(p.text for p in read_pages(path))
    assert "item 9" not in text
    assert "First score" in text


def test_notes_only_when_the_person_chose(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    write_report_pdf(_report(notes=False), path, paper="a4")
    assert "hospital" not in " ".join(p.text for p in read_pages(path))
    write_report_pdf(_report(notes=True), path, paper="a4")
    assert NOTE in " ".join(" ".join(p.text for p in read_pages(path)).split())


def test_one_layout_for_any_paged_device_whatever_its_resolution(tmp_path: Path) -> None:
    """A 300 dpi PDF writer, a 1200 dpi one and a printer give the same sizes and pages."""
    document = report_document(_report())
    heights, counts = [], []
    for name, dpi in (("low", 300), ("high", 1200)):
        writer = QPdfWriter(str(tmp_path / f"{name}.pdf"))
        writer.setResolution(dpi)
        set_paper(writer, "letter")
        counts.append(print_report_document(document, writer))
        del writer
        heights.append(median_word_height(read_pages(tmp_path / f"{name}.pdf")))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    set_paper(printer, "letter")
    counts.append(print_report_document(document, printer))
    del printer
    printed = read_pages(tmp_path / "printer.pdf")
    heights.append(median_word_height(printed))
    assert len(set(counts)) == 1
    assert max(heights) - min(heights) < 0.5 and 10 <= heights[0] <= 14
    assert all(_inside_margins(page) == [] for page in printed)
