"""Save the report the person just looked at as PDF or CSV, or print it.

The PDF and the printout come from one composer (ui.pages.compose) on Letter or A4 by region.
The save dialog is the same one as before (tests replace the classmethods); printing goes
through the system's own print dialog.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from companion.files import write_file_atomically
from companion.i18n import _
from companion.report import ClinicianReport, report_csv
from companion.report.document import report_document
from companion.report.words import paper_for_region
from companion.when_words import short_date_words
from ui.context import AppContext
from ui.pages.compose import print_report_document, set_margins, set_paper
from ui.screens.report.choose import (
    ReportChoice,
    line_chars,
    making_words,
    not_made_words,
    report_maker,
)
from ui.widgets.big_button import BigButton
from ui.widgets.place_chooser import PlaceChooser
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)


def write_report_pdf(
    report: ClinicianReport, path: Path, *, paper: str, large_print: bool = False
) -> int:
    """Save the report as a PDF on Letter or A4; returns the number of pages."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(report.title())
    writer.setCreator("Companion")
    set_paper(writer, paper)
    pages = print_report_document(report_document(report), writer, large_print=large_print)
    del writer
    buffer.close()
    path.write_bytes(bytes(data.data()))
    return pages


class ReportSaveScreen(Screen):
    """Save as PDF, save as CSV, or print."""

    screen_id = "report_save"

    def __init__(
        self, ctx: AppContext, report: ClinicianReport | None, choice: ReportChoice
    ) -> None:
        """`report` None: it is made on the runner first (opened by name), the choices waiting."""
        super().__init__(ctx)
        self.report = report
        self.choice = choice
        self.set_title(lambda: _("Save or print the report"))
        self.status = self.add_text(lambda: "", notice=True)
        self.status.hide()
        self.pdf_button = self.add_choice(
            BigButton(lambda: _("Save as PDF"), "next", line_chars=line_chars(ctx, 11))
        )
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.csv_button = self.add_choice(
            BigButton(lambda: _("Save as CSV"), "next", line_chars=line_chars(ctx, 11))
        )
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.print_button = self.add_choice(
            BigButton(lambda: _("Print"), "next", line_chars=line_chars(ctx, 11))
        )
        self.print_button.clicked.connect(self.send_to_printer)
        self.add_text(self._what, below_choices=True)
        self.add_text(
            lambda: _("A saved report is not locked: anyone who can open the file can read it."),
            below_choices=True,
        )
        self.finish_layout()
        if report is None:
            self._wait_for_report()

    def _wait_for_report(self) -> None:
        self.status.setText(making_words())
        self.status.show()
        buttons = (self.pdf_button, self.csv_button, self.print_button)
        for button in buttons:
            button.setEnabled(False)

        def made(report: ClinicianReport) -> None:
            self.report = report
            self.status.hide()
            for button in buttons:
                button.setEnabled(True)
            self.fit()

        def failed(_error: Exception) -> None:
            self.status.setText(not_made_words())

        self.ctx.runner.run(report_maker(self.ctx, self.choice), made, failed, parent=self)

    def _what(self) -> str:
        weeks = self.choice.weeks
        sentence = (
            _("The last {weeks} weeks, with your notes.")
            if self.choice.include_notes
            else _("The last {weeks} weeks, without your notes.")
        ).format(weeks=weeks)
        if self.choice.large_print:
            sentence += " " + _("In large print.")
        return sentence

    def paper(self) -> str:
        return paper_for_region(str(self.ctx.settings.get("region")))

    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: str, kind: str) -> Path | None:
        """Ask where to save, with the big-button place chooser (tests replace this)."""
        return PlaceChooser.save_path(parent, _("Save the report"), suggested, f".{kind}")

    @classmethod
    def ask_printer(cls, parent: QWidget, printer: QPrinter) -> bool:
        """The system's print dialog for `printer`; True when the person pressed Print."""
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_("Print the report"))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def _say(self, sentence: str) -> None:
        self.status.setText(sentence)
        self.status.show()
        self.setAccessibleDescription(sentence)

    def save(self, kind: str) -> None:
        if self.report is None:
            return  # still being made: the buttons wait too
        day = short_date_words(self.report.last_day)
        suggested = _("Companion report, {day}").format(day=day) + f".{kind}"
        path = type(self).ask_save_path(self, suggested, kind)
        if path is None:
            return
        try:
            # Owner-only, like every file Companion writes: the report holds the person's notes.
            if kind == "pdf":
                write_report_pdf(
                    self.report, path, paper=self.paper(), large_print=self.choice.large_print
                )
                path.chmod(0o600)
            else:
                write_file_atomically(path, report_csv(self.report).encode("utf-8-sig"))
        except OSError:
            _log.exception("Saving the report failed")
            self._say(_("The report could not be saved there. Please choose another place."))
        else:
            sentence = _("Saved: {name}").format(name=path.name)
            session = self.ctx.session
            if session is not None and session.is_guest:  # a guest's file is not wiped
                sentence += " " + _("It stays on this computer after you leave.")
            self._say(sentence)

    def send_to_printer(self) -> None:
        if self.report is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.report.title())
        set_paper(printer, self.paper())  # the dialog starts on the region's paper
        if not type(self).ask_printer(self, printer):
            return
        set_margins(printer)  # the paper the person picked, with the report's margins
        try:
            print_report_document(
                report_document(self.report), printer, large_print=self.choice.large_print
            )
        except OSError:
            _log.exception("Printing the report failed")
            failed = True
        else:
            failed = printer.printerState() == QPrinter.PrinterState.Error
        if failed:
            _log.error("Printing the report failed")
            self._say(_("The report could not be printed. Please check the printer and try again."))
        else:
            self._say(_("The report was sent to the printer."))
