"""A coloured status badge for table cells: a rounded pill with the status in words.

Usable by any view: the model returns the words for ``DisplayRole`` and a key (the wire value) for
:data:`BADGE_ROLE`; the delegate looks the key up in its colour map. Colour never carries the meaning
alone (the words are always drawn), so the badge reads the same for colour-blind users and in
high-contrast themes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
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


def _text_colour(background: QColor) -> QColor:
    # Perceived brightness (ITU-R BT.601): dark text on amber, white on green, grey and blue.
    brightness = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor("#000000") if brightness > 150 else QColor("#ffffff")


class BadgeDelegate(QStyledItemDelegate):
    """Paints ``DisplayRole`` text inside a pill coloured by ``colours[index.data(BADGE_ROLE)]``."""

    def __init__(self, colours: dict[str, str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.colours = dict(colours or STATUS_COLOURS)

    def colour_for(self, key: str | None) -> QColor:
        return QColor(self.colours.get(key or "", "#9e9e9e"))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            super().paint(painter, option, index)
            return
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.brush(QPalette.ColorRole.Highlight))
        background = self.colour_for(index.data(BADGE_ROLE))
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 2 * _PADDING_X, option.rect.width() - 4)
        height = min(metrics.height() + 2 * _PADDING_Y, option.rect.height() - 2)
        pill = QRectF(option.rect.x() + 4, option.rect.center().y() - height / 2 + 1, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(_text_colour(background))
        room = int(width - 2 * _PADDING_X)
        # elidedText() elides a text whose advance equals the room exactly; only elide what does not fit.
        elided = text if metrics.horizontalAdvance(text) <= room else metrics.elidedText(
            text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        metrics = option.fontMetrics
        return QSize(metrics.horizontalAdvance(text) + 2 * _PADDING_X + 8, metrics.height() + 2 * _PADDING_Y + 4)
