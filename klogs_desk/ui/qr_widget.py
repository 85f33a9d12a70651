"""A QR code a customer can scan from the counter screen.

The symbol is made by segno and drawn module by module onto a :class:`QImage` with whole-pixel squares
(no smoothing, no scaling afterwards), so every module edge is crisp at any screen scale. The quiet zone
is the 4 modules the QR standard asks for; the image is at least :data:`MIN_PIXELS` wide, which a phone
camera reads from an arm's length. Dark modules are pure black on pure white: inverted or low-contrast
codes fail on many phone readers.

:meth:`QrCodeWidget.module_at` reads a module back from the image (the centre pixel of its square), so
tests can check the picture really is the symbol of the payload.
"""

from __future__ import annotations

import math

import segno
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE_MODULES = 4
#: The smallest side of the code in pixels.
MIN_PIXELS = 264
DARK = QColor(0, 0, 0)
LIGHT = QColor(255, 255, 255)


def make_symbol(payload: str) -> segno.QRCode:
    """The QR symbol for ``payload``: a full QR code (never Micro QR, which phone cameras often cannot
    read), with the highest error correction that fits the same size (segno's default boost)."""
    return segno.make(payload, micro=False)


def render_matrix(matrix: tuple, module_pixels: int, quiet_zone: int = QUIET_ZONE_MODULES) -> QImage:
    """``matrix`` (rows of 0/1, 1 dark) as an RGB image, ``module_pixels`` per module, with the quiet zone."""
    side = (len(matrix) + 2 * quiet_zone) * module_pixels
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(LIGHT)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for row, modules in enumerate(matrix):
            for column, dark in enumerate(modules):
                if dark:
                    painter.fillRect((column + quiet_zone) * module_pixels, (row + quiet_zone) * module_pixels,
                                     module_pixels, module_pixels, DARK)
    finally:
        painter.end()
    return image


class QrCodeWidget(QWidget):
    """Shows the QR code of :meth:`set_payload`'s text, centred, at its exact pixel size; empty shows a hint."""

    def __init__(self, parent: QWidget | None = None, *, min_pixels: int = MIN_PIXELS,
                 empty_text: str | None = None) -> None:
        super().__init__(parent)
        self.min_pixels = min_pixels
        self.empty_text = empty_text if empty_text is not None else self.tr("The QR code of the link appears here")
        self._payload = ""
        self._symbol: segno.QRCode | None = None
        self._image = QImage()
        self._module_pixels = 0
        self.setAccessibleName(self.tr("QR code of the payment link"))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(self.min_pixels, self.min_pixels)

    # --- contents --------------------------------------------------------------------------------

    def set_payload(self, payload: str) -> None:
        """Encode ``payload`` (``""`` clears the code)."""
        self._payload = payload
        if not payload:
            self._symbol, self._image, self._module_pixels = None, QImage(), 0
            self.setAccessibleDescription("")
        else:
            self._symbol = make_symbol(payload)
            modules = len(self._symbol.matrix) + 2 * QUIET_ZONE_MODULES
            self._module_pixels = max(2, math.ceil(self.min_pixels / modules))
            self._image = render_matrix(self._symbol.matrix, self._module_pixels)
            self.setAccessibleDescription(self.tr("QR code of {address}").format(address=payload))
        self.updateGeometry()
        self.update()

    def payload(self) -> str:
        return self._payload

    def image(self) -> QImage:
        """The code as drawn (a null image when empty)."""
        return QImage(self._image)

    @property
    def module_pixels(self) -> int:
        return self._module_pixels

    def module_count(self) -> int:
        """Modules per side of the symbol without the quiet zone (0 when empty)."""
        return len(self._symbol.matrix) if self._symbol is not None else 0

    def module_at(self, row: int, column: int) -> bool:
        """True when the image is dark at the centre of module (``row``, ``column``) of the symbol."""
        centre = lambda index: (index + QUIET_ZONE_MODULES) * self._module_pixels + self._module_pixels // 2  # noqa: E731 (one formula, read at its only use)
        return QColor(self._image.pixel(centre(column), centre(row))).lightness() < 128

    # --- painting --------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        if self._image.isNull():
            return QSize(self.min_pixels, self.min_pixels)
        return self._image.size()

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            if self._image.isNull():
                painter.setPen(self.palette().placeholderText().color())
                painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
                painter.drawText(self.rect().adjusted(12, 12, -12, -12),
                                 Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
                return
            # Whole-pixel position: a half-pixel offset would blur every module edge.
            x = (self.width() - self._image.width()) // 2
            y = (self.height() - self._image.height()) // 2
            painter.drawImage(QRect(x, y, self._image.width(), self._image.height()), self._image)
        finally:
            painter.end()
