"""The report screens: choose, see the pages, save as PDF or CSV, or print; notes only if chosen."""

from __future__ import annotations

import dataclasses
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.report_data import NOTE, NOW, fill_twelve_weeks
from tests.ui.helpers import press
from tests.ui.pdf_words import HAVE_POPPLER, median_word_height, read_pages
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.report.choose import ReportScreen
from ui.screens.report.preview import ReportPreviewScreen
from ui.screens.report.save import ReportSaveScreen
from ui.shared.checkin_common import checkin_store


def _fill(window: MainWindow) -> None:
    window.ctx.clock.current = NOW  # type: ignore[attr-defined]
    fill_twelve_weeks(checkin_store(window.ctx))


def _open(window: MainWindow) -> ReportScreen:
    screen = ReportScreen(window.ctx)
    window.push(screen)
    return screen


def test_the_hub_names_the_report_for_a_doctor_or_counsellor(
    qtbot: QtBot, window: MainWindow
) -> None:
    from ui.screens.checkin.hub import CheckInHubScreen

    window.push(CheckInHubScreen(window.ctx))
    names = [b.accessibleName() for b in window.current().choices()]
    assert "Report for my doctor or counsellor" in names
    assert not any("clinician" in n.lower() or "PHQ" in n for n in names)
    press(qtbot, window, "Report for my doctor or counsellor")
    assert isinstance(window.current(), ReportScreen)
    assert len(window.current().choices()) <= 6


def test_the_preview_turns_pages_with_big_buttons_and_no_scrollbar(
    qtbot: QtBot, window: MainWindow
) -> None:
    _fill(window)
    _open(window)
    press(qtbot, window, "Last 12 weeks")
    press(qtbot, window, "See the report")
    preview = window.current()
    assert isinstance(preview, ReportPreviewScreen)
    qtbot.waitUntil(lambda: preview.page_view.page_count() > 1)
    pages = preview.page_view.page_count()
    assert preview.title() == f"Report, page 1 of {pages}"
    assert not preview.previous_button.isEnabled()
    first = preview.page_view.accessibleDescription()
    assert "Check-in report" in first and "not a diagnosis" in first
    press(qtbot, window, "Next page")
    assert preview.title() == f"Report, page 2 of {pages}"
    assert preview.page_view.accessibleDescription() != first
    for _ in range(pages):
        if preview.next_button.isEnabled():
            press(qtbot, window, "Next page")
    assert not preview.next_button.isEnabled()
    assert preview.title() == f"Report, page {pages} of {pages}"
    press(qtbot, window, "Previous page")
    assert preview.title() == f"Report, page {pages - 1} of {pages}"
    # No page scrolls: the screen's own scroll bar has nothing to scroll.
    scroll = preview._scroll.verticalScrollBar()
    assert scroll.maximum() == 0
    # What the page says is read aloud after the title and the page number.
    spoken = [part.sentence for part in preview.reading_order()]
    assert spoken[0] == f"Report, page {pages - 1} of {pages}"
    assert spoken[1] in preview.page_view.accessibleDescription()


def test_the_report_is_made_behind_a_short_wait(qtbot: QtBot, window: MainWindow) -> None:
    """Made on the runner (the suite's storage guard raises on the UI thread): the preview shows
    at once saying so, with nothing to save yet, then its pages."""
    _fill(window)
    _open(window)
    press(qtbot, window, "Last 4 weeks")
    press(qtbot, window, "See the report", wait=False)
    preview = window.current()
    assert isinstance(preview, ReportPreviewScreen)
    assert preview.title() == "Making your report..."
    assert not preview.save_button.isEnabled()
    wait_for_runner(qtbot, window.ctx)
    assert preview.title().startswith("Report, page 1 of ")
    assert preview.save_button.isEnabled()
    press(qtbot, window, "Save or print")
    assert isinstance(window.current(), ReportSaveScreen)


def test_save_or_print_opened_by_name_waits_for_its_report(
    qtbot: QtBot, window: MainWindow
) -> None:
    _fill(window)
    save = window.open("report.save", weeks=2)
    assert isinstance(save, ReportSaveScreen)
    assert save.status.text() == "Making your report..." and not save.pdf_button.isEnabled()
    wait_for_runner(qtbot, window.ctx)
    assert save.report is not None and save.pdf_button.isEnabled() and save.status.isHidden()


@pytest.mark.skipif(not HAVE_POPPLER, reason="needs poppler-utils")
def test_the_pdf_has_notes_only_when_included_and_large_print_when_chosen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(window)
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(ReportSaveScreen, "ask_save_path", classmethod(lambda cls, *a: target))
    _open(window)
    press(qtbot, window, "Last 12 weeks")
    press(qtbot, window, "See the report")
    assert NOTE not in window.current().page_view.accessibleDescription()
    press(qtbot, window, "Save or print")
    save = window.current()
    assert isinstance(save, ReportSaveScreen)
    assert "without your notes" in save.body_text()
    press(qtbot, window, "Save as PDF")
    assert "Saved: report.pdf" in save.status.text()
    pages = read_pages(target)
    assert (pages[0].width, pages[0].height) == pytest.approx((612, 792), abs=1)  # CA: Letter
    text = " ".join(" ".join(p.text for p in pages).split())
    assert "Check-in report" in text and "PHQ-9" in text and "8/27" in text
    assert "hospital" not in text
    assert 10 <= median_word_height(pages) <= 14

    window.back()
    window.back()
    press(qtbot, window, "Include my notes")
    press(qtbot, window, "Large print")
    press(qtbot, window, "See the report")
    press(qtbot, window, "Save or print")
    assert "with your notes. In large print." in window.current().body_text()
    press(qtbot, window, "Save as PDF")
    pages = read_pages(target)
    assert NOTE in " ".join(" ".join(p.text for p in pages).split())
    assert median_word_height(pages) >= 16


@pytest.mark.skipif(not HAVE_POPPLER, reason="needs poppler-utils")
def test_the_paper_follows_the_region(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.ctx.settings.set("region", "FR")
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(ReportSaveScreen, "ask_save_path", classmethod(lambda cls, *a: target))
    _open(window)
    press(qtbot, window, "Last 2 weeks")
    press(qtbot, window, "See the report")
    press(qtbot, window, "Save or print")
    press(qtbot, window, "Save as PDF")
    page = read_pages(target)[0]
    assert (page.width, page.height) == pytest.approx((595.3, 841.9), abs=1)  # A4


def test_the_csv_is_saved_where_the_person_chose(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(window)
    target = tmp_path / "report.csv"
    monkeypatch.setattr(ReportSaveScreen, "ask_save_path", classmethod(lambda cls, *a: target))
    _open(window)
    press(qtbot, window, "Last 4 weeks")
    press(qtbot, window, "See the report")
    press(qtbot, window, "Save or print")
    assert "The last 4 weeks" in window.current().body_text()
    assert "not locked" in window.current().body_text()  # said before anything is saved
    press(qtbot, window, "Save as CSV")
    content = target.read_text(encoding="utf-8-sig")
    assert "questionnaire,2026-11-08" in content and "PHQ-9,8/27,mild" in content
    assert NOTE not in content
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # owner-only: it holds the person's data
    # This window's session is a guest's: told the file stays after they leave.
    assert window.current().status.text().endswith("It stays on this computer after you leave.")


def test_cancelling_the_save_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ReportSaveScreen, "ask_save_path", classmethod(lambda cls, *a: None))
    monkeypatch.setattr(ReportSaveScreen, "ask_printer", classmethod(lambda cls, *a: False))
    _open(window)
    press(qtbot, window, "Last 2 weeks")
    press(qtbot, window, "See the report")
    press(qtbot, window, "Save or print")
    save = window.current()
    press(qtbot, window, "Save as PDF")
    press(qtbot, window, "Print")
    assert not save.status.isVisibleTo(save)
    assert list(tmp_path.glob("*.pdf")) == []


@pytest.mark.skipif(not HAVE_POPPLER, reason="needs poppler-utils")
def test_printing_lays_out_the_same_report_on_the_printer(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real print path (the composer onto a QPrinter), the printer writing a PDF file."""
    _fill(window)
    target = tmp_path / "printed.pdf"
    asked: list[str] = []

    def pdf_printer(cls: type, parent: QWidget, printer: QPrinter) -> bool:
        asked.append(printer.docName())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(ReportSaveScreen, "ask_printer", classmethod(pdf_printer))
    _open(window)
    press(qtbot, window, "Last 12 weeks")
    press(qtbot, window, "See the report")
    press(qtbot, window, "Save or print")
    save = window.current()
    press(qtbot, window, "Print")
    assert asked == ["Check-in report, Thursday 27 August 2026 to Wednesday 18 November 2026"]
    assert save.status.text() == "The report was sent to the printer."
    pages = read_pages(target)
    text = " ".join(" ".join(p.text for p in pages).split())
    assert "PHQ-9 item 9 answered above 0" in pages[0].text.replace("\n", " ")
    assert "8/27" in text and NOTE not in text
    assert 10 <= median_word_height(pages) <= 14


def test_the_preview_follows_a_language_switch(qtbot: QtBot, window: MainWindow) -> None:
    _fill(window)
    _open(window)
    press(qtbot, window, "Last 12 weeks")
    press(qtbot, window, "See the report")
    preview = window.current()
    assert isinstance(preview, ReportPreviewScreen)
    window.ctx.settings.set("language", "fr")
    assert preview.title().startswith("Rapport, page 1 sur ")
    assert "Rapport de suivi" in preview.page_view.accessibleDescription()
    assert "du jeudi 27 août 2026 au mercredi 18 novembre 2026" in (
        preview.page_view.accessibleDescription()
    )
    assert [b.accessibleName() for b in preview.choices()[1:]] == [
        "Page précédente",
        "Page suivante",
        "Enregistrer ou imprimer",
    ]


def test_the_page_takes_focus_with_a_visible_ring_and_turns_with_page_down(
    qtbot: QtBot, window: MainWindow
) -> None:
    _fill(window)
    _open(window)
    press(qtbot, window, "Last 12 weeks")
    press(qtbot, window, "See the report")
    preview = window.current()
    assert isinstance(preview, ReportPreviewScreen)
    view = preview.page_view
    assert preview.choices()[0] is view  # first in Tab order: a screen reader reads the page
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    ring = QColor(window.ctx.look().palette.focus)
    assert view.grab().toImage().pixelColor(2, view.height() // 2) == ring
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert preview.title().startswith("Report, page 2 of ")
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert preview.title().startswith("Report, page 1 of ")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_choice_is_on_screen_at_200_percent_on_1024_by_768(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], language: str
) -> None:
    from companion.i18n import set_language
    from ui.app import build_window

    ctx = make_ctx(text_scale=200, language=language)
    # A person's report (their data held in memory here): a guest also sees the one-line
    # guest band above every screen, which the screen-fit layout of #15 must make room for.
    ctx.session = dataclasses.replace(ctx.session, is_guest=False, display_name="Mary")
    set_language(language)
    try:
        win = build_window(ctx)
        qtbot.addWidget(win)
        win.resize(1024, 768)
        win.show()
        qtbot.waitExposed(win)
        ctx.clock.current = NOW
        fill_twelve_weeks(checkin_store(ctx))
        win.push(ReportScreen(ctx))
        seen = []
        for step in (
            lambda s: s.choose_weeks(12),
            lambda s: s.open_preview(),
            lambda s: s.open_save(),
            None,
        ):
            screen = win.current()
            qtbot.wait(10)
            viewport = screen._scroll.viewport()
            for control in screen.choices():
                bottom = control.mapTo(viewport, control.rect().bottomLeft()).y()
                assert 0 <= bottom <= viewport.height(), (screen.screen_id, control)
            seen.append(screen.screen_id)
            if step is not None:
                step(screen)
        assert seen == ["report", "report_options", "report_preview", "report_save"]
    finally:
        set_language("en")


def test_the_pages_follow_a_new_text_size(qtbot: QtBot, window: MainWindow) -> None:
    _fill(window)
    _open(window)
    press(qtbot, window, "Last 12 weeks")
    press(qtbot, window, "See the report")
    preview = window.current()
    assert isinstance(preview, ReportPreviewScreen)
    pages = preview.page_view.page_count()
    window.ctx.settings.set("text_scale", 150)
    preview.on_shown()
    assert preview.page_view.page_count() > pages
    assert preview.title() == f"Report, page 1 of {preview.page_view.page_count()}"
