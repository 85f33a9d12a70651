"""A table-cell delegate that paints one line of text with a handful of painter calls.

Why: ``QStyledItemDelegate`` asks the model for seven roles per cell and lays text out through the
style's item-view machinery; on a 9-column table that scrolls a new screen per frame that is most of a
paint. This delegate asks one Python callable for the text and draws it: selection highlight, right
alignment for chosen columns, elision with "…", and a dimmed colour for a placeholder text (e.g.
"Loading…"). It draws no icon, check box or focus rectangle: use it only where cells have none (row
selection shows the current row).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

_SELECTED = QStyle.StateFlag.State_Selected
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine)
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
#: Texts whose advance is kept (a few hundred screens of distinct texts; then the cache starts again).
_MAX_CACHED_ADVANCES = 20_000
#: Room left and right of the text, as the Fusion style leaves it.
MARGIN = 4


class PlainTextDelegate(QStyledItemDelegate):
    """Paints ``text_of(row, column)`` (``None`` or ``""`` paints nothing but the selection).

    ``right_aligned``: columns whose text is right-aligned (amounts). ``placeholder``: a text drawn in the
    palette's placeholder colour. Size hints, tooltips and editors stay ``QStyledItemDelegate``'s.
    """

    def __init__(self, text_of: Callable[[int, int], str | None], *, right_aligned: frozenset[int] = frozenset(),
                 placeholder: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self._text_of = text_of
        self._right_aligned = right_aligned
        self._placeholder = placeholder
        #: Text -> its advance in the font below: measuring a text shapes it (~20 us a cell, as much as
        #: drawing it), and a table repeats most texts (kinds, states, cards, operators) row after row.
        self._advances: dict[str, int] = {}
        self._advances_font = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        text = self._text_of(index.row(), index.column())
        rect = option.rect
        palette = option.palette
        selected = bool(option.state & _SELECTED)
        if selected:
            painter.fillRect(rect, palette.highlight())
        if not text:
            return
        room = rect.width() - 2 * MARGIN
        metrics = option.fontMetrics
        if self._advance(option, text) > room:  # elidedText() would also elide an exact fit
            text = metrics.elidedText(text, _ELIDE_RIGHT, room)
        painter.save()
        if text == self._placeholder:
            painter.setPen(palette.placeholderText().color())
        elif selected:
            painter.setPen(palette.highlightedText().color())
        else:
            painter.setPen(palette.text().color())
        painter.drawText(rect.adjusted(MARGIN, 0, -MARGIN, 0),
                         _RIGHT if index.column() in self._right_aligned else _LEFT, text)
        painter.restore()

    def _advance(self, option: QStyleOptionViewItem, text: str) -> int:
        advance = self._advances.get(text)
        font = option.font
        if advance is None or font != self._advances_font:
            if font != self._advances_font or len(self._advances) >= _MAX_CACHED_ADVANCES:
                self._advances.clear()
                self._advances_font = QFont(font)
            advance = self._advances[text] = option.fontMetrics.horizontalAdvance(text)
        return advance
