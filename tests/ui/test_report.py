"""The clinician report as PDF, CSV or on paper: scores and dates in it; notes only if ticked."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from companion.checkin.instruments import score
from companion.checkin.models import CheckIn, QuestionnaireResult
from ui.app import MainWindow
from ui.screens.checkin.common import checkin_store
from ui.screens.report import ReportSaveScreen, ReportScreen

NOTE = "Argued with my brother about the house"


def _fill(window: MainWindow) -> None:
    store = checkin_store(window.ctx)
    now = window.ctx.clock.now()
    for days_ago, mood, tags in [(6, "not_good", {"sleep"}), (3, "okay", {"sleep", "family"})]:
        at = now - timedelta(days=days_ago)
        store.finish(
            CheckIn(None, at, at, mood, frozenset(tags), NOTE if days_ago == 6 else "", False)
        )
    answers = (2, 2, 1, 1, 1, 1, 1, 2, 0)
    result = score("phq9", answers)
    store.save_result(
        QuestionnaireResult(
            None, "phq9", now - timedelta(days=2), answers, result.total, result.band, result.flags
        )
    )


def _open_save(qtbot, window: MainWindow, screen: ReportScreen) -> ReportSaveScreen:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    save = window.current()
    assert isinstance(save, ReportSaveScreen)
    return save


def _pdf_text(path: Path) -> str:
    run = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_pdf_has_scores_and_dates_and_notes_only_when_included(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _fill(window)
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(ReportSaveScreen, "ask_save_path", classmethod(lambda cls, *a: target))
    screen = ReportScreen(window.ctx)
    window.push(screen)
    assert NOTE not in screen.preview.toPlainText()
    save = _open_save(qtbot, window, screen)
    assert "without your notes" in save.body_text()
    qtbot.mouseClick(save.pdf_button, Qt.MouseButton.LeftButton)
    assert "Saved: report.pdf" in save.status.text()

    text = _pdf_text(target)
    assert "Check-in report, 2026-03-01 to 2026-03-14" in text
    assert "2026-03-12" in text and "PHQ-9" in text and "11/27" in text and "moderate" in text
    assert "Sleep: 2" in text and "Family: 1" in text
    assert NOTE not in text and "Argued" not in text

    window.back()
    qtbot.mouseClick(screen.notes_button, Qt.MouseButton.LeftButton)
    assert NOTE in screen.preview.toPlainText()
    save = _open_save(qtbot, window, screen)
    assert "with your notes" in save.body_text()
    qtbot.mouseClick(save.pdf_button, Qt.MouseButton.LeftButton)
    assert NOTE in " ".join(_pdf_text(target).split())


def test_the_csv_is_saved_where_the_person_chose(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _fill(window)
    target = tmp_path / "report.csv"
    monkeypatch.setattr(ReportSaveScreen, "ask_save_path", classmethod(lambda cls, *a: target))
    screen = ReportScreen(window.ctx)
    window.push(screen)
    qtbot.mouseClick(screen.week_buttons[4], Qt.MouseButton.LeftButton)
    save = _open_save(qtbot, window, screen)
    assert "The last 4 weeks" in save.body_text()
    qtbot.mouseClick(save.csv_button, Qt.MouseButton.LeftButton)
    content = target.read_text(encoding="utf-8-sig")
    assert "questionnaire,2026-03-12" in content and "PHQ-9,11/27,moderate" in content
    assert NOTE not in content


def test_cancelling_the_save_writes_nothing(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ReportSaveScreen, "ask_save_path", classmethod(lambda cls, *a: None))
    monkeypatch.setattr(ReportSaveScreen, "ask_printer", classmethod(lambda cls, *a: None))
    screen = ReportScreen(window.ctx)
    window.push(screen)
    save = _open_save(qtbot, window, screen)
    qtbot.mouseClick(save.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(save.print_button, Qt.MouseButton.LeftButton)
    assert not save.status.isVisibleTo(save)
    assert list(tmp_path.glob("*.pdf")) == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_printing_sends_scores_and_dates_and_notes_only_when_included(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The real print path (QTextDocument onto a QPrinter), with the printer writing a PDF file."""
    _fill(window)
    target = tmp_path / "printed.pdf"
    asked: list[str] = []

    def pdf_printer(cls: type, parent: QWidget, document_name: str) -> QPrinter:
        asked.append(document_name)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    monkeypatch.setattr(ReportSaveScreen, "ask_printer", classmethod(pdf_printer))
    screen = ReportScreen(window.ctx)
    window.push(screen)
    save = _open_save(qtbot, window, screen)
    assert len(save.choices()) <= 6 and len(screen.choices()) <= 6
    qtbot.mouseClick(save.print_button, Qt.MouseButton.LeftButton)
    assert asked == ["Check-in report, 2026-03-01 to 2026-03-14"]
    assert save.status.text() == "The report was sent to the printer."
    text = " ".join(_pdf_text(target).split())
    assert "Check-in report, 2026-03-01 to 2026-03-14" in text
    assert "2026-03-12" in text and "PHQ-9" in text and "11/27" in text and "moderate" in text
    assert "Sleep: 2" in text
    assert NOTE not in text and "Argued" not in text

    window.back()
    qtbot.mouseClick(screen.notes_button, Qt.MouseButton.LeftButton)
    save = _open_save(qtbot, window, screen)
    qtbot.mouseClick(save.print_button, Qt.MouseButton.LeftButton)
    assert NOTE in " ".join(_pdf_text(target).split())
