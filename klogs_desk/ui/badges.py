"""A coloured status badge for table cells: a rounded pill with the status in words.

Usable by any view: the model returns the words for ``DisplayRole`` and a key (the wire value) for
:data:`BADGE_ROLE`; the delegate looks the key up in its colour map. Colour never carries the meaning
alone (the words are always drawn), so the badge reads the same for colour-blind users and in
high-contrast themes.

Speed: a pill is drawn once per (words, colour, size, selection, pixel ratio) into a cached pixmap and
blitted afterwards; antialiased rounded rectangles and text layout per cell per paint made a table of
badges stutter while scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: Item-data role holding the badge key (e.g. ``"active"``).
BADGE_ROLE = int(Qt.ItemDataRole.UserRole) + 101

#: Background colours of the registered-payment statuses (text is white or black for contrast).
STATUS_COLOURS: dict[str, str] = {
    "active": "#2e7d32",                    # green
    "disabled": "#757575",                  # grey
    "complete": "#1565c0",                  # blue
    "waitForOwnerConfirmation": "#f9a825",  # amber
    "waitForCardSave": "#f9a825",           # amber
}

_PADDING_X = 8
_PADDING_Y = 3
#: Pills kept (a handful of statuses x column widths; the bound only guards against odd resizing).
_MAX_CACHED_PILLS = 256


def _text_colour(background: QColor) -> QColor:
    # Perceived brightness (ITU-R BT.601): dark text on amber, white on green, grey and blue.
    brightness = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor("#000000") if brightness > 150 else QColor("#ffffff")


class BadgeDelegate(QStyledItemDelegate):
    """Paints ``DisplayRole`` text inside a pill coloured by ``colours[index.data(BADGE_ROLE)]``."""

    def __init__(self, colours: dict[str, str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.colours = dict(colours or STATUS_COLOURS)
        self._pills: dict[tuple, QPixmap] = {}

    def colour_for(self, key: str | None) -> QColor:
        return QColor(self.colours.get(key or "", "#9e9e9e"))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            super().paint(painter, option, index)
            return
        rect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, option.palette.brush(QPalette.ColorRole.Highlight))
        key = index.data(BADGE_ROLE)
        metrics = option.fontMetrics
        advance = metrics.horizontalAdvance(text)
        width = min(advance + 2 * _PADDING_X, rect.width() - 4)
        height = min(metrics.height() + 2 * _PADDING_Y, rect.height() - 2)
        if width <= 0 or height <= 0:
            return
        ratio = painter.device().devicePixelRatioF()
        cache_key = (text, key, width, height, ratio, option.font.key())
        pill = self._pills.get(cache_key)
        if pill is None:
            if len(self._pills) >= _MAX_CACHED_PILLS:
                self._pills.clear()
            pill = self._pills[cache_key] = self._draw_pill(text, advance, key, width, height, ratio, option)
        painter.drawPixmap(rect.x() + 4, int(rect.center().y() - height / 2 + 1), pill)

    def _draw_pill(self, text: str, advance: int, key: str | None, width: int, height: int, ratio: float,
                   option: QStyleOptionViewItem) -> QPixmap:
        pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        background = self.colour_for(key)
        metrics = option.fontMetrics
        pill = QRectF(0, 0, width, height)
        painter = QPainter(pixmap)
        painter.setFont(option.font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(_text_colour(background))
        room = int(width - 2 * _PADDING_X)
        # elidedText() elides a text whose advance equals the room exactly; only elide what does not fit.
        elided = text if advance <= room else metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), elided)
        painter.end()
        return pixmap

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        metrics = option.fontMetrics
        return QSize(metrics.horizontalAdvance(text) + 2 * _PADDING_X + 8, metrics.height() + 2 * _PADDING_Y + 4)
