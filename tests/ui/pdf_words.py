"""Read a PDF the way a reader meets it: words with their boxes (pdftotext -bbox), per page."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

HAVE_POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdftoppm") is not None
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float

    @property
    def height(self) -> float:
        return self.y_max - self.y_min


@dataclass(frozen=True)
class PdfPage:
    width: float
    height: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def read_pages(path: Path) -> list[PdfPage]:
    run = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    )
    pages = []
    for width, height, body in _PAGE.findall(run.stdout):
        words = tuple(
            Word(unescape(text), float(a), float(b), float(c), float(d))
            for a, b, c, d, text in _WORD.findall(body)
        )
        pages.append(PdfPage(float(width), float(height), words))
    return pages


def median_word_height(pages: list[PdfPage]) -> float:
    return statistics.median(w.height for page in pages for w in page.words)


def render_pngs(path: Path, folder: Path, dpi: int = 60) -> list[Path]:
    """Each page as a PNG (pdftoppm), to look at and to check that ink is on it."""
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(path), str(folder / "page")], check=True
    )
    return sorted(folder.glob("page*.png"))
