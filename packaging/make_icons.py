"""Render resources/icons/klogs-desk.svg to the PNG sizes desktops ask for, plus .ico (Windows).

    .venv/bin/python packaging/make_icons.py

The SVG is the one source; the PNGs and the .ico are committed so a build needs no extra step. macOS'
.icns is made on a Mac from the 1024 px PNG (packaging/README-platforms.md).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (image plugins need an application)
    renderer = QSvgRenderer(str(ICONS / "klogs-desk.svg"))
    if not renderer.isValid():
        raise SystemExit("klogs-desk.svg is not a valid SVG")
    for size in SIZES:
        path = ICONS / f"klogs-desk-{size}.png"
        render(renderer, size).save(str(path))
        print(f"{path.relative_to(ICONS.parents[1])}")
    ico = ICONS / "klogs-desk.ico"
    if render(renderer, 256).save(str(ico), "ICO"):
        print(f"{ico.relative_to(ICONS.parents[1])}")
    else:
        print("no ICO writer in this Qt build; make klogs-desk.ico on Windows", file=sys.stderr)


if __name__ == "__main__":
    main()
