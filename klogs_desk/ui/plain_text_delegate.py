"""A table-cell delegate that paints one line of text with a handful of painter calls.

Why: ``QStyledItemDelegate`` asks the model for seven roles per cell and lays text out through the
style's item-view machinery (~40 us a cell in C++ alone on a small till, before the model's Python
answers); on a 9-column table that scrolls a new screen per frame that is most of a paint. This
delegate asks one Python callable for the text and draws it: selection highlight, right alignment for
chosen columns, elision with "…", and a dimmed colour for a placeholder text (e.g. "Loading…"). It draws
no icon, check box or focus rectangle: use it only where cells have none (row selection shows the
current row).

Speed (issue 19, ``benchmarks/profile_table_paint.py``): a paint is a Python call per cell, so what it
does per cell is kept to a few Qt calls. The text is drawn at its baseline (``drawText(x, y, text)``,
no alignment flags: the formatting path lays the text out again, ~2x slower); advances and elided texts
are kept by text; colours and font metrics are read once and again only when the view's font, palette
or style changes (see ``_fresh``), not per cell; no ``save``/``restore`` (the pen is the only state
changed, and the view sets its own pen for the grid and every other delegate draws with its own).
"""

from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPalette,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

# Bits of a cell's state, read as an int: PySide's enum flags cost a Python enum object per operation.
_SELECTED = QStyle.StateFlag.State_Selected.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE_GROUP = QPalette.ColorGroup.Active
_INACTIVE_GROUP = QPalette.ColorGroup.Inactive
_DISABLED_GROUP = QPalette.ColorGroup.Disabled
#: Events of the view after which its font and colours are read again.
_LOOK_CHANGES = frozenset({QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
                           QEvent.Type.ApplicationFontChange, QEvent.Type.ApplicationPaletteChange})
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
_PLAIN = Qt.TextFormat.PlainText
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
        #: Text -> its advance (whole pixels, and exact) in the font below: measuring a text shapes it (~7 us a cell, half of drawing
        #: it), and a table repeats most texts (kinds, states, cards, operators) row after row.
        self._advances: dict[str, tuple[int, float]] = {}
        #: Text -> its laid-out glyphs: drawText shapes the text at every paint (~28 us a cell here, a third of
        #: a warm repaint); a static text is shaped once and drawn from its glyphs afterwards.
        self._static: dict[str, QStaticText] = {}
        #: (text, room, right-aligned) -> the text elided to fit ``room`` pixels and its advance (a narrow column elides the
        #: same texts on every paint).
        self._elided: dict[tuple[str, int, bool], tuple[str, tuple[int, float]]] = {}
        self._font: QFont | None = None
        self._metrics: QFontMetrics | None = None
        self._metrics_f: QFontMetricsF | None = None
        self._ascent = 0
        self._line_height = 0
        #: Colour group -> (highlight brush, text, selected text, placeholder colours).
        self._looks: dict[QPalette.ColorGroup, tuple[QBrush, QColor, QColor, QColor]] = {}
        #: The font and colours above are the view's current ones. Reading them from each cell's option cost
        #: a third of a paint (a QFont and a QPalette copied and compared per cell), so they are read on the
        #: first paint and again after the view says its font, palette or style changed (the cells' font
        #: and palette are the view's: these models answer no FontRole or ForegroundRole). Without a view
        #: to watch they are read at every paint.
        self._fresh = False
        self._watching = parent is not None
        if self._watching:
            parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _LOOK_CHANGES:
            self._fresh = False
        return False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if not self._fresh:
            self._read_look(option)
        column = index.column()
        text = self._text_of(index.row(), column)
        rect = option.rect
        state = option.state.value
        # The colour group the view sets for the cell, as the style picks it for an item's text.
        if state & _ENABLED:
            look = self._looks[_ACTIVE_GROUP if state & _ACTIVE else _INACTIVE_GROUP]
        else:
            look = self._looks[_DISABLED_GROUP]
        highlight, text_colour, selected_colour, placeholder_colour = look
        selected = state & _SELECTED
        if selected:
            painter.fillRect(rect, highlight)
        if not text:
            return
        x, y, width, height = rect.getRect()
        room = width - 2 * MARGIN
        right = column in self._right_aligned
        advances = self._advances.get(text)
        if advances is None or (right and not advances[1]):  # measured in a left-aligned column: not exactly
            if len(self._advances) >= _MAX_CACHED_ADVANCES:
                self._advances.clear()
                self._elided.clear()
            advances = self._advances[text] = self._measure(text, right)
        if text == self._placeholder:
            painter.setPen(placeholder_colour)
        else:
            painter.setPen(selected_colour if selected else text_colour)
        if advances[0] > room:  # elidedText() would also elide an exact fit
            key = (text, room, right)
            elided = self._elided.get(key)
            if elided is None:
                shortened = self._metrics.elidedText(text, _ELIDE_RIGHT, room)  # type: ignore[union-attr]
                elided = self._elided[key] = (shortened, self._measure(shortened, right))
            text, advances = elided
        # Vertically centred as AlignVCenter centres a line: the line's box in the middle, text on its baseline
        # (a static text is placed by the top of its line).
        top = y + (height - self._line_height + 1) // 2
        static = self._static.get(text)
        if static is None:
            if len(self._static) >= _MAX_CACHED_ADVANCES:
                self._static.clear()
            static = self._static[text] = QStaticText(text)
            static.setTextFormat(_PLAIN)
        if right:
            # At the exact (fractional) advance, as AlignRight places it: digits keep their sub-pixel shapes.
            painter.drawStaticText(QPointF(x + width - MARGIN - advances[1], top), static)
        else:
            painter.drawStaticText(x + MARGIN, top, static)

    def prepare(self, cells: Iterable[tuple[int, str]]) -> None:
        """Measure and lay out the texts of ``cells`` ((column, text) pairs) before they are painted, as a
        paint would the first time it meets them: a caller that knows which rows the next paint shows (a
        listing about to be shown) spends that time in a turn of its own rather than in the paint's. Only
        once the view has painted with this delegate (its font is known); texts a narrow column elides are
        laid out again by the paint (the caller leaves those columns out)."""
        if not self._fresh and isinstance(view := self.parent(), QWidget):
            option = QStyleOptionViewItem()
            option.initFrom(view)  # the view's font and palette, as its paint hands them to the cells
            self._read_look(option)
        if self._font is None:
            return
        identity = QTransform()
        for column, text in cells:
            if not text:
                continue
            right = column in self._right_aligned
            advances = self._advances.get(text)
            if advances is None or (right and not advances[1]):
                if len(self._advances) >= _MAX_CACHED_ADVANCES:
                    self._advances.clear()
                    self._elided.clear()
                self._advances[text] = self._measure(text, right)
            if text not in self._static:
                if len(self._static) >= _MAX_CACHED_ADVANCES:
                    self._static.clear()
                static = self._static[text] = QStaticText(text)
                static.setTextFormat(_PLAIN)
                static.prepare(identity, self._font)

    def advance_of(self, font: QFont, metrics: QFontMetrics) -> Callable[[str], int]:
        """A function giving a text's advance in whole pixels in ``font`` (the view's, ``metrics`` its
        metrics): from the texts this delegate measured already (:meth:`prepare`, paints) when it paints in
        that font, else measured."""
        if not self._fresh or self._font is None or self._font != font:
            return metrics.horizontalAdvance
        advances, measure = self._advances, metrics.horizontalAdvance

        def advance(text: str) -> int:
            known = advances.get(text)
            return known[0] if known is not None else measure(text)
        return advance

    def _measure(self, text: str, exact: bool) -> tuple[int, float]:
        """The advance of ``text`` in whole pixels and, if ``exact`` (a right-aligned column, where it places
        the text), in fractions too; else 0.0 (shaping a text costs ~7 us: unique texts such as order IDs
        and times are measured once, not twice)."""
        advance = self._metrics.horizontalAdvance(text)  # type: ignore[union-attr]
        return advance, self._metrics_f.horizontalAdvance(text) if exact else 0.0  # type: ignore[union-attr]

    def _read_look(self, option: QStyleOptionViewItem) -> None:
        palette = QPalette(option.palette)
        for group in (_ACTIVE_GROUP, _INACTIVE_GROUP, _DISABLED_GROUP):
            palette.setCurrentColorGroup(group)
            self._looks[group] = (palette.highlight(), palette.text().color(), palette.highlightedText().color(),
                                  palette.placeholderText().color())
        self._font = QFont(option.font)
        self._metrics = QFontMetrics(option.fontMetrics)  # the view's, for its screen
        self._metrics_f = QFontMetricsF(self._metrics)
        self._ascent = self._metrics.ascent()
        self._line_height = self._metrics.height()
        self._advances.clear()
        self._elided.clear()
        self._static.clear()
        self._fresh = self._watching
