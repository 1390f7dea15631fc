"""Report for my clinician: choose the weeks, see a preview, then save it as PDF or CSV, or print.

The person decides what goes in (notes only if they tick "Include my notes") and where the file
goes; nothing is sent anywhere. The PDF is drawn with Qt's own writer (no new dependency), and
printing goes through the system's own print dialog. Saving and printing sit on a second screen,
so each screen keeps to six choices.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QTextBrowser, QWidget

from companion.checkin.trends import MoodTrend
from companion.checkin.wording import band_word, tag_word
from companion.i18n import N_, _
from companion.report import ClinicianReport, build_report, report_csv, score_text
from ui.context import AppContext
from ui.screens.checkin.common import checkin_store, local_zone
from ui.screens.history import paint_chart
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)
REPORT_WEEKS = (2, 4, 12)
CHART_RESOURCE = "companion://mood-chart.png"
PREVIEW_HEIGHT_PX = 260  # at 100% text size


def _chart_image(report: ClinicianReport) -> QImage:
    image = QImage(1400, 500, QImage.Format.Format_RGB32)
    image.fill("#FFFFFF")
    trend = MoodTrend(
        weeks=0,
        first_day=report.first_day,
        last_day=report.last_day,
        points=report.mood_points,
        summary="",
    )
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(26)
    paint_chart(painter, image.rect().toRectF(), trend, "#1F4E99", "#1A1A1A", font)
    painter.end()
    return image


_HEADINGS = (
    N_("Mood"),
    N_("Questionnaires"),
    N_("No questionnaires in this time."),
    N_("What was affecting me"),
    N_("Nothing chosen in this time."),
    N_("My notes"),
    N_("These answers are not a diagnosis."),
    N_("item 9 above 0"),
)


def _heading(message: str) -> str:
    """One of _HEADINGS, translated (they sit inside f-strings, where extraction cannot see)."""
    assert message in _HEADINGS
    return _(message)


def report_html(report: ClinicianReport) -> str:
    """The report as simple HTML (what the preview shows and the PDF prints)."""
    parts = [f"<h1>{escape(report.title())}</h1>"]
    if report.person_name:
        parts.append(f"<p>{escape(report.person_name)}</p>")
    parts.append(
        "<p>"
        + escape(
            _("Made on {date}. Check-ins in this time: {count}.").format(
                date=report.made_at.date().isoformat(), count=report.checkin_count
            )
        )
        + "</p>"
    )
    parts.append(f"<h2>{escape(_heading('Mood'))}</h2>")
    parts.append(f'<p><img src="{CHART_RESOURCE}" width="640"></p>')
    parts.append(f"<h2>{escape(_heading('Questionnaires'))}</h2>")
    if report.scores:
        rows = "".join(
            "<tr>"
            f"<td>{s.taken_at.date().isoformat()}</td><td>{escape(s.instrument_name)}</td>"
            f"<td>{escape(score_text(s))}</td>"
            f"<td>{escape(s.band)} ({escape(band_word(s.band))})"
            + (f" &mdash; {escape(_heading('item 9 above 0'))}" if "self_harm" in s.flags else "")
            + "</td></tr>"
            for s in report.scores
        )
        head = "".join(
            f"<th>{escape(h)}</th>" for h in (_("Date"), _("Questions"), _("Score"), _("Band"))
        )
        parts.append(
            f'<table border="1" cellpadding="4" width="100%"><tr>{head}</tr>{rows}</table>'
        )
    else:
        parts.append(f"<p>{escape(_heading('No questionnaires in this time.'))}</p>")
    parts.append(f"<h2>{escape(_heading('What was affecting me'))}</h2>")
    if report.tag_counts:
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{escape(tag_word(tag))}: {count}</li>" for tag, count in report.tag_counts
            )
            + "</ul>"
        )
    else:
        parts.append(f"<p>{escape(_heading('Nothing chosen in this time.'))}</p>")
    if report.include_notes:
        parts.append(f"<h2>{escape(_heading('My notes'))}</h2>")
        for note in report.notes:
            text = escape(note.text).replace("\n", "<br>")
            parts.append(f"<p><b>{note.written_at.date().isoformat()}</b>: {text}</p>")
    parts.append(f"<p><i>{escape(_heading('These answers are not a diagnosis.'))}</i></p>")
    return "\n".join(parts)


def report_document(report: ClinicianReport) -> QTextDocument:
    document = QTextDocument()
    document.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl(CHART_RESOURCE), _chart_image(report)
    )
    document.setHtml(report_html(report))
    return document


def write_report_pdf(report: ClinicianReport, path: Path) -> None:
    """Save the report as a PDF (A4/Letter-neutral margins) with Qt's own writer."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(report.title())
    writer.setCreator("Companion")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    document = report_document(report)
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer
    buffer.close()
    path.write_bytes(bytes(data.data()))


def print_report(report: ClinicianReport, printer: QPagedPaintDevice) -> None:
    """Print the report on a printer the person chose (Qt breaks it into the printer's pages)."""
    report_document(report).print_(printer)


class ReportScreen(Screen):
    screen_id = "report"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.weeks = 2
        self.include_notes = False
        self.report: ClinicianReport | None = None
        self.set_title(lambda: _("Report for my clinician"))
        self.add_text(
            lambda: _("You choose what goes in. Nothing is sent. You choose where it is saved.")
        )
        self.status = self.add_text(lambda: "", notice=True)
        self.status.hide()
        self.preview = QTextBrowser()
        self.preview.setMinimumHeight(PREVIEW_HEIGHT_PX)
        self.preview.setAccessibleName(_("Report preview"))
        self.add_widget(self.preview, focusable=True)
        self.week_buttons: dict[int, BigButton] = {}
        for weeks in REPORT_WEEKS:
            button = self.add_choice(
                BigButton(
                    lambda w=weeks: _("Last {weeks} weeks").format(weeks=w),  # type: ignore[misc]
                    None,
                    checkable=True,
                )
            )
            button.clicked.connect(partial(self.choose_weeks, weeks))
            self.week_buttons[weeks] = button
        self.notes_button = self.add_choice(
            BigButton(lambda: _("Include my notes"), "check", checkable=True)
        )
        self.notes_button.toggled.connect(self.set_include_notes)
        self.save_button = self.add_choice(BigButton(lambda: _("Save or print"), "next"))
        self.save_button.clicked.connect(self.open_save)
        self.finish_layout()
        self.choose_weeks(2)

    def choose_weeks(self, weeks: int) -> None:
        self.weeks = weeks
        for other, button in self.week_buttons.items():
            button.setChecked(other == weeks)
        self.refresh()

    def set_include_notes(self, include: bool) -> None:
        self.include_notes = include
        self.refresh()

    def refresh(self) -> None:
        zone = local_zone(self.ctx)
        now = self.ctx.clock.now()
        last_day = now.astimezone(zone).date()
        first_day = last_day - timedelta(days=self.weeks * 7 - 1)
        name = getattr(self.ctx.session, "display_name", "") or ""
        self.report = build_report(
            checkin_store(self.ctx),
            first_day,
            last_day,
            zone,
            now=now,
            include_notes=self.include_notes,
            person_name=name,
        )
        self.preview.setDocument(report_document(self.report))

    def on_shown(self) -> None:
        """A taller preview at larger text sizes, so more than a line or two shows."""
        scale = self.ctx.look().text_scale
        self.preview.setMinimumHeight(round(PREVIEW_HEIGHT_PX * min(scale, 150) / 100))
        super().on_shown()

    def open_save(self) -> None:
        assert self.report is not None
        self.ctx.nav().push(ReportSaveScreen(self.ctx, self.report, self.weeks))


class ReportSaveScreen(Screen):
    """Save the report the person just looked at as PDF or CSV, or print it."""

    screen_id = "report_save"

    def __init__(self, ctx: AppContext, report: ClinicianReport, weeks: int) -> None:
        super().__init__(ctx)
        self.report = report
        self.set_title(lambda: _("Save or print the report"))
        self.add_text(
            lambda: (
                _("The last {weeks} weeks, with your notes.")
                if report.include_notes
                else _("The last {weeks} weeks, without your notes.")
            ).format(weeks=weeks)
        )
        self.status = self.add_text(lambda: "", notice=True)
        self.status.hide()
        self.pdf_button = self.add_choice(BigButton(lambda: _("Save as PDF"), "next"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.csv_button = self.add_choice(BigButton(lambda: _("Save as CSV"), "next"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.print_button = self.add_choice(BigButton(lambda: _("Print"), "next"))
        self.print_button.clicked.connect(self.send_to_printer)
        self.finish_layout()

    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: str, kind: str) -> Path | None:
        """Ask where to save (tests replace this classmethod)."""
        from ui.widgets.place_chooser import PlaceChooser  # the big-button place chooser (#16)

        return PlaceChooser.save_path(parent, _("Save the report"), suggested, f".{kind}")

    @classmethod
    def ask_printer(cls, parent: QWidget, document_name: str) -> QPrinter | None:
        """The system's print dialog: the printer chosen, or None (tests replace this)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(document_name)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_("Print the report"))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return printer if accepted else None

    def _say(self, sentence: str) -> None:
        self.status.setText(sentence)
        self.status.show()
        self.setAccessibleDescription(sentence)

    def save(self, kind: str) -> None:
        suggested = f"companion-report-{self.report.last_day.isoformat()}.{kind}"
        path = type(self).ask_save_path(self, suggested, kind)
        if path is None:
            return
        try:
            if kind == "pdf":
                write_report_pdf(self.report, path)
            else:
                path.write_text(report_csv(self.report), encoding="utf-8-sig")
        except OSError:
            _log.exception("Saving the report failed")
            self._say(_("The report could not be saved there. Please choose another place."))
        else:
            self._say(_("Saved: {name}").format(name=path.name))

    def send_to_printer(self) -> None:
        printer = type(self).ask_printer(self, self.report.title())
        if printer is None:
            return
        print_report(self.report, printer)
        if printer.printerState() == QPrinter.PrinterState.Error:
            _log.error("Printing the report failed")
            self._say(_("The report could not be printed. Please check the printer and try again."))
        else:
            self._say(_("The report was sent to the printer."))
