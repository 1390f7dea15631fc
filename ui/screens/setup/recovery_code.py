"""The recovery code, for the person alone: shown on its own screen, printed on its own page.

The code opens the person's notes without the PIN, so it is never on the page a helper prints
(see companion.setup.summary). Here it stays hidden until the person asks to see it, after
being told to ask any helper to look away; "Print my recovery code" prints it alone, in large
letters, with what it can do. Printing goes through a classmethod tests can replace.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from companion.i18n import _
from ui.context import AppContext
from ui.screens.setup.summary import print_document
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)


def keep_it_safe() -> str:
    return _("Keep this somewhere safe. It opens your notes.")


def what_it_does() -> str:
    return _(
        "If you forget your PIN, this code lets you choose a new one. "
        "Anyone who has it can read your notes, so do not show it to anyone."
    )


def code_page_html(code: str) -> str:
    """One page: the code in very large letters on one line (26 pt monospace fits a Letter or
    A4 page), and what it is for; nothing else of the person's."""
    return (
        f'<h1 style="font-size:28pt">{escape(_("My Companion recovery code"))}</h1>'
        '<p style="font-size:26pt; font-family:monospace; font-weight:bold; white-space:pre">'
        f"{escape(code)}</p>"
        f'<p style="font-size:22pt"><b>{escape(keep_it_safe())}</b></p>'
        f'<p style="font-size:18pt">{escape(what_it_does())}</p>'
    )


class RecoveryCodeScreen(Screen):
    """ "Your recovery code": hidden until asked for, then shown large, with its own printing."""

    screen_id = "setup_recovery_code"

    def __init__(self, ctx: AppContext, code: str, then: Callable[[], None]) -> None:
        super().__init__(ctx)
        self._code = code
        self._then = then
        self.shown = False
        self.set_title(lambda: _("Your recovery code"))
        self.intro_label = self.add_text(
            lambda: _(
                "This is for you alone. If someone is helping you, ask them to look away now."
            )
        )
        self.code_label = self.add_text(lambda: self._code if self.shown else "")
        # Heading size, unless the text is already so large that a heading-sized code would
        # wrap into lines and push the choices off the screen.
        large_text = int(ctx.settings.get("text_scale")) >= 150
        self.code_label.setProperty("heading", not large_text)
        self.code_label.setStyleSheet("font-weight: bold")
        self.code_label.setProperty("notice", True)
        self.code_label.hide()
        self.keep_label = self.add_text(lambda: keep_it_safe() if self.shown else "")
        self.keep_label.setProperty("notice", True)
        self.keep_label.hide()
        self.status = self.add_text(lambda: "")
        self.status.hide()
        self.show_button = self.add_choice(BigButton(lambda: _("Show my recovery code"), "about"))
        self.show_button.clicked.connect(self.reveal)
        self.print_button = self.add_choice(BigButton(lambda: _("Print my recovery code"), "about"))
        self.print_button.clicked.connect(self.print_code)
        self.print_button.setEnabled(False)
        self.done_button = self.add_choice(BigButton(lambda: _("I have kept it safe"), "check"))
        self.done_button.clicked.connect(self.done)
        self.finish_layout()

    def reveal(self) -> None:
        self.shown = True
        self.code_label.show()
        self.keep_label.show()
        self.retranslate()
        self.print_button.setEnabled(True)
        # Room for the code in large letters: what led here has done its job.
        self.intro_label.hide()
        self.show_button.hide()
        self.grid.refresh()
        self.print_button.setFocus()

    def document(self) -> QTextDocument:
        document = QTextDocument()
        document.setHtml(code_page_html(self._code))
        return document

    @classmethod
    def ask_to_print(cls, printer: QPrinter, parent: QWidget) -> bool:
        """The system's print dialog; True when the person pressed Print."""
        return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted

    def print_code(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(_("My Companion recovery code"))
        if not type(self).ask_to_print(printer, self):
            return
        try:
            print_document(self.document(), printer)
        except Exception:  # a printer problem must never lose the code: it is still on screen
            _log.exception("Printing the recovery code failed")
            self._say(_("The code could not be printed. Please write it down instead."))
            return
        self._say(_("Sent to the printer."))

    def _say(self, sentence: str) -> None:
        self.status.setText(sentence)
        self.status.show()
        self.setAccessibleDescription(sentence)

    def done(self) -> None:
        self._code = ""  # nothing of the code stays in this screen once the person moves on
        self._then()
