"""Render installers/icons/companion.svg into the PNG, .ico and .icns files the installers need.

Qt's QSvgRenderer draws each size straight from the vector file (no blurry scaling). The .ico and
.icns containers are written here with PNG entries, which Windows Vista+ and macOS 10.7+ read, so
no image library beyond Qt is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE_SVG = HERE / "icons" / "companion.svg"
# freedesktop hicolor sizes (48 is the one the icon theme spec requires) plus the large ones.
PNG_SIZES: tuple[int, ...] = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256)
# icns entry types holding PNG data, by pixel size (ic10 is the 512 pt @2x image).
ICNS_TYPES: dict[int, bytes] = {
    16: b"icp4",
    32: b"icp5",
    64: b"icp6",
    128: b"ic07",
    256: b"ic08",
    512: b"ic09",
    1024: b"ic10",
}


def render_png(svg: Path, size: int, target: Path) -> Path:
    """Draw the SVG into a transparent size x size PNG."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"Could not write {target}")
    return target


def write_ico(pngs: dict[int, Path], target: Path) -> Path:
    """A Windows .ico holding each PNG as is (a 0 in the size bytes means 256)."""
    sizes = sorted(pngs)
    blobs = [pngs[s].read_bytes() for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    for size, blob in zip(sizes, blobs, strict=True):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    target.write_bytes(header + entries + b"".join(blobs))
    return target


def write_icns(pngs: dict[int, Path], target: Path) -> Path:
    """A macOS .icns made of PNG entries."""
    body = b""
    for size in sorted(pngs):
        blob = pngs[size].read_bytes()
        body += ICNS_TYPES[size] + struct.pack(">I", 8 + len(blob)) + blob
    target.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return target


def render_all(out_dir: Path, svg: Path = SOURCE_SVG) -> dict[str, Path]:
    """Every icon file into `out_dir`: png/<size>.png, companion.ico, companion.icns."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_TYPES))
    pngs = {size: render_png(svg, size, out_dir / "png" / f"{size}.png") for size in sizes}
    made = {f"{size}.png": path for size, path in pngs.items()}
    made["ico"] = write_ico({s: pngs[s] for s in ICO_SIZES}, out_dir / "companion.ico")
    made["icns"] = write_icns({s: pngs[s] for s in ICNS_TYPES}, out_dir / "companion.icns")
    del app
    return made


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "out" / "icons"
    for name, path in render_all(folder).items():
        print(f"{name}: {path}")
