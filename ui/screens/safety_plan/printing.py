"""The plan in large print, as a PDF to keep on the fridge (Qt's own PDF writer, no new parts).

Where to save is asked through `PlanFiles.save_path`, which tests replace (and which the
big-button place chooser will replace for people when it arrives).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog, QWidget

from companion.config import write_file_atomically
from companion.i18n import _
from companion.safety_plan.plan import SafetyPlan
from companion.safety_plan.reading import EMPTY_PART, PLAN_TITLE, plan_outline

BODY_POINTS = 20  # large print: twice a usual letter
HEADING_POINTS = 26
TITLE_POINTS = 34


class PlanFiles:
    """Where the person wants the PDF (the system's save dialog; tests replace this)."""

    @classmethod
    def save_path(cls, parent: QWidget, suggested: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            _("Where should Companion save your plan?"),
            str(Path.home() / suggested),
            "PDF (*.pdf)",
        )
        return Path(chosen) if chosen else None


def plan_html(plan: SafetyPlan, name: str) -> str:
    title = _(PLAN_TITLE) if not name else _("{name}'s safety plan").format(name=name)
    parts = [f'<h1 style="font-size:{TITLE_POINTS}pt">{escape(title)}</h1>']
    for number, (heading, lines) in enumerate(plan_outline(plan), start=1):
        parts.append(f'<h2 style="font-size:{HEADING_POINTS}pt">{number}. {escape(heading)}</h2>')
        if lines:
            items = "".join(
                f'<li style="font-size:{BODY_POINTS}pt">{escape(line)}</li>' for line in lines
            )
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f'<p style="font-size:{BODY_POINTS}pt">{escape(_(EMPTY_PART))}</p>')
    parts.append(
        f'<p style="font-size:{BODY_POINTS}pt"><b>'
        + escape(_("If you are not safe right now, call your emergency number."))
        + "</b></p>"
    )
    return "".join(parts)


def write_plan_pdf(plan: SafetyPlan, name: str, path: Path) -> None:
    """Large print on Letter/A4-safe margins; the bytes are written in one safe step."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(_(PLAN_TITLE))
    writer.setCreator("Companion")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.Letter),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    # Lay the text out at the writer's resolution, so 20 pt prints as 20 pt on paper.
    document.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setPointSize(BODY_POINTS)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(f"li, p {{ font-size: {BODY_POINTS}pt; }}")
    document.setHtml(plan_html(plan, name))
    paint = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(paint.width(), paint.height()))
    document.print_(writer)
    del writer
    buffer.close()
    write_file_atomically(path, bytes(data.data()))
