"""Render assets/icons/postrun.svg to the PNG sizes desktops use, the Windows .ico and the
macOS .icns, with Qt (no other tool needed). Run after changing the SVG:
    .venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "assets" / "icons" / "postrun.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
OUT = ROOT / "packaging" / "icons"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        render(size).save(str(OUT / f"postrun-{size}.png"))
    for name, size, fmt in (("postrun.ico", 256, b"ico"), ("postrun.icns", 512, b"icns")):
        writer = QImageWriter(str(OUT / name), fmt)
        if not writer.write(render(size)):
            print(f"{name}: {writer.errorString()}", file=sys.stderr)
            return 1
    print(f"wrote {len(SIZES)} PNGs, postrun.ico and postrun.icns to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
