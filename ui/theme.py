"""Applies the person's look live: palette, text size, focus ring, icons tinted to the theme."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from ui.palettes import PALETTES, Palette

ICON_DIR = Path(__file__).resolve().parent / "icons"
BODY_POINTS = 18  # at 100% text size (ACCESSIBILITY.md: body at least 18 pt)
HEADING_POINTS = 26  # headings at least 26 pt
FOCUS_RING_PX = 4  # at least 3 px
MIN_TARGET_PX = 64  # anything pressable, at 100%
TARGET_GAP_PX = 16  # space between pressable things


@dataclass(frozen=True)
class Look:
    """What the screen should look like now."""

    theme: str = "standard"
    text_scale: int = 100  # percent
    less_motion: bool = False

    @property
    def palette(self) -> Palette:
        return PALETTES[self.theme]

    def points(self, base: float) -> int:
        return round(base * self.text_scale / 100)


def icon(name: str, colour: str, size: int = 48, folder: Path = ICON_DIR) -> QIcon:
    """An icon from ui/icons (or a feature's own `folder`) drawn in `colour`, for every theme."""
    path = folder / f"{name}.svg"
    svg = path.read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(QSize(size * scale, size * scale))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        result.addPixmap(pixmap)
    return result


def style_sheet(look: Look) -> str:
    """One style sheet for the whole app: sizes from the text scale, colours from the palette."""
    p = look.palette
    body = look.points(BODY_POINTS)
    heading = look.points(HEADING_POINTS)
    pad = round(6 + 4 * look.text_scale / 100)  # 10 px at 100%, 14 px at 200%
    return f"""
QWidget {{ background: {p.window}; color: {p.text}; font-size: {body}pt; }}
QLabel {{ background: transparent; }}
QLabel[smallPrint="true"] {{ font-size: {round(body * 0.75)}pt; }}
QLabel[heading="true"] {{ font-size: {heading}pt; font-weight: bold; }}
QLabel[heading="true"][tight="true"] {{ font-size: {max(HEADING_POINTS, body)}pt; }}
QLabel[speaking="true"] {{ background: {p.speaking}; color: {p.speaking_text}; }}
QLabel[notice="true"] {{ border: 3px solid {p.edge}; padding: {pad}px; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: {p.window}; border: none; }}
QFrame#TopBar {{ background: {p.top_bar}; border-bottom: 3px solid {p.edge}; }}
QFrame#TopBar QLabel {{ color: {p.top_bar_text}; }}
QToolButton, QPushButton {{
    background: {p.button}; color: {p.button_text};
    border: 3px solid {p.edge}; border-radius: 12px;
    padding: {pad}px; min-width: {MIN_TARGET_PX}px; min-height: {MIN_TARGET_PX}px;
}}
QToolButton[snug="true"], QLineEdit[snug="true"] {{ padding: 2px {pad}px; }}
QToolButton:checked, QPushButton:checked {{
    background: {p.chosen}; color: {p.chosen_text}; border: 3px solid {p.chosen};
}}
QToolButton[speaking="true"] {{ background: {p.speaking}; color: {p.speaking_text}; }}
QToolButton[helpNow="true"] {{ background: {p.help_button}; color: {p.help_button_text}; }}
QToolButton[emphasis="true"] {{ font-size: {round(body * 1.5)}pt; font-weight: bold; }}
QToolButton:disabled, QPushButton:disabled {{ color: {p.disabled_text}; border-style: dashed; }}
QToolButton:focus, QPushButton:focus, QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus {{
    border: {FOCUS_RING_PX + 2}px solid {p.focus};
}}
QToolButton:checked:focus, QPushButton:checked:focus {{
    border: {FOCUS_RING_PX + 2}px solid {p.focus_on_chosen};
}}
QToolButton[scanGroup="true"], QFrame[scanGroup="true"] {{
    border: {FOCUS_RING_PX + 2}px dashed {p.focus};
}}
QLineEdit, QTextEdit, QPlainTextEdit {{
    background: {p.window}; color: {p.text}; border: 3px solid {p.edge};
    border-radius: 8px; padding: {pad}px; min-height: {MIN_TARGET_PX}px;
}}
QScrollBar:vertical {{ width: 28px; }}
"""


def text_size_sheet(look: Look) -> str:
    """Only the sizes of `style_sheet`, for one part of the window shown at a person's own text
    size (their name button, their PIN pad) while the rest keeps the PC's: the colours still
    come from the app's sheet, so they follow the PC's theme."""
    body = look.points(BODY_POINTS)
    pad = round(6 + 4 * look.text_scale / 100)
    return f"""
QWidget {{ font-size: {body}pt; }}
QLabel[smallPrint="true"] {{ font-size: {round(body * 0.75)}pt; }}
QLabel[heading="true"] {{ font-size: {look.points(HEADING_POINTS)}pt; }}
QLabel[heading="true"][tight="true"] {{ font-size: {max(HEADING_POINTS, body)}pt; }}
QLabel[notice="true"], QToolButton, QPushButton, QLineEdit {{ padding: {pad}px; }}
QToolButton[snug="true"], QLineEdit[snug="true"] {{ padding: 2px {pad}px; }}
QToolButton[emphasis="true"] {{ font-size: {round(body * 1.5)}pt; }}
"""


def qt_palette(look: Look) -> QPalette:
    """The same colours as a QPalette, for widgets the style sheet does not reach."""
    p = look.palette
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(p.window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(p.text))
    palette.setColor(QPalette.ColorRole.Base, QColor(p.window))
    palette.setColor(QPalette.ColorRole.Text, QColor(p.text))
    palette.setColor(QPalette.ColorRole.Button, QColor(p.button))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(p.button_text))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(p.chosen))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(p.chosen_text))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor(p.window))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(p.text))
    return palette


def apply_look(app: QApplication, look: Look) -> None:
    app.setPalette(qt_palette(look))
    app.setStyleSheet(style_sheet(look))
    app.setEffectEnabled(Qt.UIEffect.UI_AnimateMenu, not look.less_motion)
    app.setEffectEnabled(Qt.UIEffect.UI_FadeMenu, not look.less_motion)


def system_look(app: QApplication) -> tuple[str | None, int | None]:
    """The OS's colour scheme and text scaling, where Qt can tell; None where it cannot."""
    hints = app.styleHints()
    theme: str | None = None
    scheme = hints.colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        theme = "dark"
    contrast = getattr(hints, "accessibility", None)
    if contrast is not None:
        try:
            if contrast().contrastPreference() == Qt.ContrastPreference.HighContrast:
                theme = "high_contrast"
        except AttributeError:
            pass
    return theme, None
