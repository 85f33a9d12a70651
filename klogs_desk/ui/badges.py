"""A coloured status badge for table cells: a rounded pill with the status in words.

Usable by any view: the model returns the words for ``DisplayRole`` and a key (the wire value) for
:data:`BADGE_ROLE`; the delegate looks the key up in its colour map. Colour never carries the meaning
alone (the words are always drawn), so the badge reads the same for colour-blind users and in
high-contrast themes.

Speed: a pill is drawn once per (words, colour, size, selection, pixel ratio) into a cached pixmap and
blitted afterwards; antialiased rounded rectangles and text layout per cell per paint made a table of
badges stutter while scrolling. Each word's advance is measured once per font, not per paint.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..api.enums import RegisteredPaymentStatus
from . import theme

#: Item-data role holding the badge key (e.g. ``"active"``).
BADGE_ROLE = int(Qt.ItemDataRole.UserRole) + 101

#: Colours of the registered-payment statuses (the theme's fill, with its text colour), keyed by the wire
#: values the enum declares (its one list of them).
STATUS_COLOURS: dict[str, theme.StatusColour] = {
    RegisteredPaymentStatus.ACTIVE.value: theme.APPROVED,
    RegisteredPaymentStatus.DISABLED.value: theme.NEUTRAL,
    RegisteredPaymentStatus.COMPLETE.value: theme.INFO,
    RegisteredPaymentStatus.WAIT_FOR_OWNER_CONFIRMATION.value: theme.UNKNOWN,  # a person must act
    RegisteredPaymentStatus.WAIT_FOR_CARD_SAVE.value: theme.UNKNOWN,
}

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
# Enum attribute lookups cost in PySide 6 (a Python enum each time): looked up once.
_SELECTED = QStyle.StateFlag.State_Selected
_HIGHLIGHT = QPalette.ColorRole.Highlight

_PADDING_X = 8
_PADDING_Y = 3
#: Pills kept (a handful of statuses x column widths; the bound only guards against odd resizing).
_MAX_CACHED_PILLS = 256


class BadgeDelegate(QStyledItemDelegate):
    """Paints ``DisplayRole`` text inside a pill coloured by ``colours[index.data(BADGE_ROLE)]`` (an
    unknown key is :data:`theme.NEUTRAL`)."""

    def __init__(self, colours: dict[str, theme.StatusColour] | None = None, parent=None, *,
                 text_of: Callable[[int, int], str | None] | None = None) -> None:
        super().__init__(parent)
        self.colours = dict(colours or STATUS_COLOURS)
        #: ``(row, column) -> words`` answered without an index (a model's ``display_text``); ``None`` there
        #: paints the cell empty (a row still loading), where without ``text_of`` Qt's own painting runs.
        self._text_of = text_of
        self._pills: dict[tuple, QPixmap] = {}
        #: Text -> its advance in ``_font`` (a column repeats a handful of state words).
        self._advances: dict[str, int] = {}
        self._font: QFont | None = None
        self._font_key = ""

    def colour_for(self, key: str | None) -> theme.StatusColour:
        return self.colours.get(key or "", theme.NEUTRAL)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if self._text_of is not None:
            text = self._text_of(index.row(), index.column())
            if not text:
                if _SELECTED in option.state:
                    painter.fillRect(option.rect, option.palette.brush(_HIGHLIGHT))
                return
        else:
            text = index.data(_DISPLAY)
            if not text:
                super().paint(painter, option, index)
                return
        rect = option.rect
        if _SELECTED in option.state:
            painter.fillRect(rect, option.palette.brush(_HIGHLIGHT))
        drawn = self.pill(text, index.data(BADGE_ROLE), rect.width(), rect.height(),
                          painter.device().devicePixelRatioF(), option, option.fontMetrics)
        if drawn is not None:
            pill, height = drawn
            painter.drawPixmap(rect.x() + 4, int(rect.center().y() - height / 2 + 1), pill)

    def pill(self, text: str, key: str | None, cell_width: int, cell_height: int, ratio: float,
             option: QStyleOptionViewItem, metrics: QFontMetrics) -> tuple[QPixmap, int] | None:
        """The pill :meth:`paint` draws for ``text`` (its colours by ``key``) in a cell of that size, at
        ``ratio`` device pixels a pixel, in ``option``'s font (``metrics`` its metrics), and its height in
        pixels; ``None`` where it has no room. Drawn once, then kept. A painter drawing whole rows (the row
        images) puts it 4 px in from the cell's left, centred as :meth:`paint` does."""
        font = option.font
        if font != self._font:  # measured texts are kept per font
            self._font = QFont(font)
            self._font_key = font.key()
            self._advances.clear()
        advance = self._advances.get(text)
        if advance is None:
            if len(self._advances) >= _MAX_CACHED_PILLS:
                self._advances.clear()
            advance = self._advances[text] = metrics.horizontalAdvance(text)
        width = min(advance + 2 * _PADDING_X, cell_width - 4)
        height = min(metrics.height() + 2 * _PADDING_Y, cell_height - 2)
        if width <= 0 or height <= 0:
            return None
        cache_key = (text, key, width, height, ratio, self._font_key)
        pill = self._pills.get(cache_key)
        if pill is None:
            if len(self._pills) >= _MAX_CACHED_PILLS:
                self._pills.clear()
            pill = self._pills[cache_key] = self._draw_pill(text, advance, key, width, height, ratio, option)
        return pill, height

    def _draw_pill(self, text: str, advance: int, key: str | None, width: int, height: int, ratio: float,
                   option: QStyleOptionViewItem) -> QPixmap:
        pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        look = self.colour_for(key)
        metrics = option.fontMetrics
        pill = QRectF(0, 0, width, height)
        painter = QPainter(pixmap)
        painter.setFont(option.font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(look.fill))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor(look.on_fill))
        room = int(width - 2 * _PADDING_X)
        # elidedText() elides a text whose advance equals the room exactly; only elide what does not fit.
        elided = text if advance <= room else metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), elided)
        painter.end()
        return pixmap

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        metrics = option.fontMetrics
        return QSize(badge_width(metrics.horizontalAdvance(text)), metrics.height() + 2 * _PADDING_Y + 4)


def badge_width(advance: int) -> int:
    """The width :meth:`BadgeDelegate.sizeHint` asks for words ``advance`` pixels wide (pill and air)."""
    return advance + 2 * _PADDING_X + 8
