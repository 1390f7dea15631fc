"""The end of the first run: what was set up, on one page a caregiver can print or save as PDF.

The page never holds the PIN nor the recovery code (see recovery_code.py). A saved PDF is
owner-only (0600), and the screen says before saving that the file itself is not locked.
Printing and choosing a file go through classmethods so tests can replace the dialogs.
"""

from __future__ import annotations

import logging
from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from companion.config import write_file_atomically
from companion.i18n import _
from companion.safety.crisis import localized
from companion.setup.summary import SummaryLine, summary
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.place_chooser import PlaceChooser
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from ui.screens.setup.flow import FirstRun

_log = logging.getLogger(__name__)


def page_html(title: str, lines: list[SummaryLine]) -> str:
    """Large, plain text: one line per thing set up (escaped: names are typed by people)."""
    rows = "".join(
        f"<tr><td><b>{escape(line.label)}</b></td><td>{escape(line.value)}</td></tr>"
        for line in lines
    )
    return (
        f'<h1 style="font-size:22pt">{escape(title)}</h1>'
        f'<table cellpadding="8" style="font-size:15pt">{rows}</table>'
        f'<p style="font-size:13pt">{escape(_("Keep this page somewhere safe."))}</p>'
    )


def not_locked_sentence() -> str:
    return _("A saved page is not locked: anyone who opens the file can read it.")


def pdf_bytes(document: QTextDocument, title: str) -> bytes:
    """The document as a PDF in memory, so it can be written owner-only in one go."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Companion")
    print_document(document, writer)
    del writer
    buffer.close()
    return bytes(data.data())


def print_document(document: QTextDocument, device: QPagedPaintDevice) -> None:
    device.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    device.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    document.print_(device)


class SummaryScreen(Screen):
    """ "You are all set": the summary, Print, Save as PDF, and Done (or the first session)."""

    screen_id = "setup_summary"

    def __init__(self, ctx: AppContext, run: FirstRun) -> None:
        super().__init__(ctx)
        self.run = run
        self.set_title(lambda: _("You are all set"))
        self.add_text(
            lambda: _("Here is what was set up. A helper can print this page."), explain=True
        )
        problems = run.result.problems if run.result is not None else ()
        for problem in problems:
            self.add_text(partial(str, problem), notice=True)
        self.status = self.add_text(lambda: "")
        self.status.hide()
        wants_session = run.flow.answers.wants_first_session
        self.done_button = self.add_choice(  # first: the person's way on; the page is a helper's
            BigButton(
                (lambda: _("Add my first video session")) if wants_session else (lambda: _("Done")),
                "sessions" if wants_session else "check",
            )
        )
        self.done_button.clicked.connect(self.done)
        self.print_button = self.add_choice(BigButton(lambda: _("Print this page"), "about"))
        self.print_button.clicked.connect(self.print_page)
        self.pdf_button = self.add_choice(BigButton(lambda: _("Save as PDF"), "about"))
        self.pdf_button.clicked.connect(self.save_pdf)
        # The page's lines below its choices: at 200% they are a long read (by parts), and
        # Done must be on the first screen, not after them (#15).
        self.line_labels = [
            self.add_text(
                partial(self._line, i),
                notice=line.label == _("Recovery code"),
                below_choices=True,
            )
            for i, line in enumerate(self.lines())
        ]
        self.add_text(not_locked_sentence, below_choices=True)
        # Its three choices fit on the first screen; paging them would hide Save as PDF and
        # gain nothing, as the lines below are read by parts anyway.
        self.may_page = False
        self.finish_layout()

    def lines(self) -> list[SummaryLine]:
        answers = self.run.flow.answers
        region = self.ctx.crisis.region(self.ctx.settings.get("region"))
        result = self.run.result
        if result is not None and result.recovery_code is None:
            answers.recovery_code = None  # the code was not kept, so it must not be printed
        return summary(answers, self.run.flow.later, localized(region.name, self.ctx.language()))

    def _line(self, index: int) -> str:
        lines = self.lines()
        if index >= len(lines):
            return ""
        return f"{lines[index].label}: {lines[index].value}"

    def document(self) -> QTextDocument:
        document = QTextDocument()
        document.setHtml(page_html(_("Companion is set up"), self.lines()))
        return document

    def _say(self, sentence: str) -> None:
        self.status.setText(sentence)
        self.status.show()
        self.setAccessibleDescription(sentence)

    # Printing and saving (classmethods tests replace) -------------------------------------
    @classmethod
    def ask_to_print(cls, printer: QPrinter, parent: QWidget) -> bool:
        """The system's print dialog; True when the person pressed Print."""
        return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted

    @classmethod
    def ask_pdf_path(cls, parent: QWidget, suggested: str) -> Path | None:
        return PlaceChooser.save_path(parent, _("Save the page"), suggested, ".pdf")

    def print_page(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not type(self).ask_to_print(printer, self):
            return
        try:
            print_document(self.document(), printer)
        except Exception:  # a printer problem must never lose the setup
            _log.exception("Printing the setup page failed")
            self._say(_("The page could not be printed. You can save it as a PDF instead."))
            return
        self._say(_("Sent to the printer."))

    def save_pdf(self) -> None:
        path = type(self).ask_pdf_path(self, _("Companion set-up page") + ".pdf")
        if path is None:
            return
        try:
            write_file_atomically(path, pdf_bytes(self.document(), _("Companion is set up")))
        except Exception:
            _log.exception("Saving the setup page failed")
            self._say(_("The page could not be saved there. Please choose another place."))
            return
        if not path.exists():
            self._say(_("The page could not be saved there. Please choose another place."))
            return
        self._say(_("Saved: {name}").format(name=path.name))

    def done(self) -> None:
        nav = self.ctx.nav()
        nav.home()
        if self.run.flow.answers.wants_first_session:
            self.ctx.nav().open("sessions.add")
