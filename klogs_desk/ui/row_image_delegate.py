"""A table delegate that draws each row's texts once into an image and paints cells by copying from it.

Why (issue 19, ``benchmarks/bench_subscriptions.py``): in a repaint of the Subscriptions table most of
the UI thread's time is the raster engine drawing glyphs, ~30 us a cell on a small till, ~7 ms for a
screen of 26 rows x 9 columns, before Qt's own table painting. Every scroll step, every chunk of rows
that lands and every selection change repaints the whole viewport, so a screen of text was drawn two or
three times per step and a turn cost 20-35 ms. Here a row's texts (and its status pill) are drawn once
into an image of the row, on the row's own background (base or alternate base, so text is antialiased
onto an opaque surface as in the view and copied without blending), and every later paint of a cell
copies its slice of that image (a blit: a few microseconds). Drawing new rows' images costs what drawing their texts did, but at most
:data:`RENDER_BUDGET_S` of it runs in one paint: rows past it show as loading for a turn longer and are
drawn in a later paint (:meth:`RowImageDelegate._render_pending`), so no repaint holds the UI thread for
a frame however many rows came at once.

Contract:

* ``row_texts(row)`` answers the row's display texts, one per column, or ``None`` while the row is not
  there (the cell is then painted by :class:`PlainTextDelegate` from ``text_of``: "Loading…"). The
  *same* tuple object must come back while the row is unchanged: a new tuple (the row was loaded again)
  draws the row again.
* Texts are drawn as :class:`PlainTextDelegate` draws them (same margins, baseline, elision with "…",
  right alignment of ``right_aligned`` columns); ``badge_column`` is drawn by ``badge`` (a
  :class:`~klogs_desk.ui.badges.BadgeDelegate`).
* Selected rows and right-to-left layouts are painted directly, as before (one row, or a layout the
  images do not model).
* Images are kept for about a screen and a half of rows (least recently painted dropped), and dropped
  when columns are resized or moved, rows are inserted, removed or reset, or the view's font, palette or
  style change. Memory: a row's image holds only its texts' extents and the band of the row where glyphs
  lie (~900 x 24 px x 4 bytes, ~90 KB), ~40 rows: ~4 MB.
* The background baked in is the palette's base or alternate base: right for styles whose row panel is a
  flat fill of those (QCommonStyle and Fusion, checked pixel for pixel in
  ``tests/ui/test_subscriptions_painting.py``); a platform style painting gradients or pictures under
  rows would show them around the texts only (worth a look on a Windows till).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Callable

from PySide6.QtCore import QEvent, QLine, QModelIndex, QObject, QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QPen, QRegion, QStaticText
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

from .badges import BADGE_ROLE, BadgeDelegate

# The state bits and colour groups as PlainTextDelegate reads them (its colours are kept per colour group).
from .plain_text_delegate import (
    _ACTIVE,
    _ACTIVE_GROUP,
    _DISABLED_GROUP,
    _ELIDE_RIGHT,
    _ENABLED,
    _INACTIVE_GROUP,
    _MAX_CACHED_ADVANCES,
    _PLAIN,
    _SELECTED,
    MARGIN,
    PlainTextDelegate,
)

_PAINT = QEvent.Type.Paint
#: Opaque: a row's image holds its background too (base or alternate base), so text is drawn onto an opaque
#: surface as it is in the view (sub-pixel antialiasing where the platform uses it) and copied without blending.
_FORMAT = QImage.Format.Format_RGB32
_LEFT_TO_RIGHT = Qt.LayoutDirection.LeftToRight
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate
_ROW_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewRow

#: UI-thread CPU time one paint may spend formatting rows and drawing their images (the rest are drawn
#: in later paints): a repaint of a screen of drawn rows is ~4 ms more on a small till. 1.5 ms, not 3:
#: measured with benchmarks/profile_subscriptions_turns.py over the 100,000-row scroll (A/B back to
#: back, load ~3.5 on 2 CPUs), full-viewport repaints median 7.5 -> 6.0 ms, max 11.0 -> 9.5 ms, over
#: 8 ms 237 -> 18, longest UI-thread CPU between heartbeat ticks 15.9 -> 14.3 ms, same scroll time.
RENDER_BUDGET_S = 0.0015
#: A row the current paint found loading (or left for a later paint): its other cells paint nothing.
_LOADING = object()
#: Rows whose images are kept beyond the rows on screen.
SPARE_ROWS = 12
#: Pixels a text's slice of its row image starts left of the text: a glyph's antialiasing reaches a pixel
#: left of its advance ("T" in the Journal's Result column); without them that pixel fell into the slice
#: of the text drawn before it in the image (a stray grey pixel at the end of the Card column).
_BLEED = 1


class _RowImage:
    __slots__ = ("texts", "image", "height", "group", "ratio", "top", "spans", "band", "alternate")

    def __init__(self, texts: tuple[str, ...], image: QImage, height: int, group, ratio: float, top: int,
                 spans: tuple[tuple[int, int, int] | None, ...], alternate: bool) -> None:
        self.texts = texts
        self.image = image
        self.height = height
        self.group = group
        self.ratio = ratio
        #: The band of the row the image holds starts this many pixels below the row's top.
        self.top = top
        #: Per column: (x in the image, x in the cell, width), ``None`` for an empty cell.
        self.spans = spans
        #: The image's height in pixels.
        self.band = image.height()
        #: Drawn on the alternate rows' background (else on the base).
        self.alternate = alternate


class RowImageDelegate(PlainTextDelegate):
    """See the module docstring. ``view`` is the table the delegate paints (its parent)."""

    def __init__(self, view: QTableView, row_texts: Callable[[int], tuple[str, ...] | None],
                 text_of: Callable[[int, int], str | None], *, badge: BadgeDelegate | None = None,
                 badge_column: int = -1, right_aligned: frozenset[int] = frozenset(),
                 placeholder: str | None = None) -> None:
        super().__init__(text_of, right_aligned=right_aligned, placeholder=placeholder, parent=view)
        self._view = view
        self._row_texts = row_texts
        self._badge = badge
        self._badge_column = badge_column
        self._images: OrderedDict[int, _RowImage] = OrderedDict()
        #: (placeholder, height, colour group, first column's width) and the "Loading…" row images on the base
        #: and on the alternate background.
        self._placeholder_cache: tuple[tuple, tuple[_RowImage | None, _RowImage | None]] | None = None
        #: The image of an empty row (no span copies from it).
        self._empty: QImage | None = None
        #: Colour group -> (base, alternate base) colours: a row image's background.
        self._backgrounds: dict[QPalette.ColorGroup, tuple[QColor, QColor]] = {}
        #: Per column: (x in the row image, width of the cell); ``None``: read again from the header.
        self._columns: tuple[tuple[int, int], ...] | None = None
        #: When the current paint's image drawing started to count (reset at each paint of the viewport).
        self._budget_left = RENDER_BUDGET_S
        #: Rows out of budget in the current paint: drawn in a later one.
        self._pending: set[int] = set()
        #: Rows checked by the current paint (see paint()): their image, or _LOADING (nothing to draw).
        self._checked: dict[int, _RowImage | object] = {}
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.setInterval(0)
        self._pending_timer.timeout.connect(self._render_pending)
        view.viewport().installEventFilter(self)
        header = view.horizontalHeader()
        header.sectionResized.connect(self._forget_layout)
        header.sectionMoved.connect(self._forget_layout)
        header.geometriesChanged.connect(self._forget_layout)
        self._model = None
        self.watch_model()

    def watch_model(self) -> None:
        """Follow the view's current model (called by the constructor; again if the view's model changes)."""
        model = self._view.model()
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged,
                       model.rowsMoved):
            signal.connect(self.forget_images)

    def forget_images(self, *args) -> None:
        """Drop every row image (rows moved or the look changed): rows are drawn again when painted. Rows a
        paint ran out of budget for stay asked for (:meth:`_later`): after a look change seen by a paint of
        part of the table they would otherwise stay blank; a row that moved meanwhile costs one repaint of
        its strip."""
        self._images.clear()
        self._placeholder_cache = None

    def _forget_layout(self, *args) -> None:
        self._columns = None
        self.forget_images()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == _PAINT:
            self._budget_left = RENDER_BUDGET_S  # a new paint: a new budget
            self._checked.clear()
            return False
        return super().eventFilter(watched, event)

    # --- painting ---------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        # A paint is a Python call per cell (~230 a screen): a row checked by this paint's first cell of it
        # is copied at once (or left empty while it loads); anything PySide converts (the cell's state, the
        # painter's device) costs microseconds a cell and is read once per row, in _paint_checked.
        checked = self._checked.get(index.row())
        if checked is not None:
            if checked is not _LOADING:
                span = checked.spans[index.column()]
                if span is not None:
                    rect = option.rect
                    painter.drawImage(rect.x() + span[1], rect.y() + checked.top, checked.image, span[0], 0,
                                      span[2], checked.band)
            return
        self._paint_checked(painter, option, index)

    def _paint_checked(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if not self._fresh:
            self._read_look(option)
        row = index.row()
        state = option.state.value
        if state & _SELECTED or self._view.layoutDirection() != _LEFT_TO_RIGHT:
            self._paint_direct(painter, option, index)
            return
        started = time.thread_time()
        texts = self._row_texts(row)  # may format the row (counted in the budget)
        if texts is None:  # loading: "Loading…" in its first column, nothing in the others
            self._checked[row] = _LOADING
            if index.column() == 0:
                self._paint_direct(painter, option, index)
            self._budget_left -= time.thread_time() - started
            return
        if state & _ENABLED:
            group = _ACTIVE_GROUP if state & _ACTIVE else _INACTIVE_GROUP
        else:
            group = _DISABLED_GROUP
        rect = option.rect
        height = rect.height()
        ratio = painter.device().devicePixelRatioF()
        entry = self._images.get(row)
        alternate = bool(option.features & _ALTERNATE)
        if (entry is None or entry.texts is not texts or entry.height != height or entry.group is not group
                or entry.ratio != ratio or entry.alternate != alternate):
            if self._budget_left <= 0:
                self._later(row)
                self._checked[row] = _LOADING
                if index.column() == 0 and self._placeholder:
                    self._paint_direct(painter, option, index, self._placeholder)
                return
            entry = self._render(row, texts, option, height, group, ratio, alternate)
            self._budget_left -= time.thread_time() - started
        else:
            self._images.move_to_end(row)
        if ratio == 1.0:
            self._checked[row] = entry  # the row's other cells in this paint: copied at once
        column = index.column()
        spans = entry.spans
        if column >= len(spans) or spans[column] is None:
            return
        source, x, width = spans[column]  # type: ignore[misc]
        width = min(width, rect.width() - x)
        if width <= 0:
            return
        band = entry.band
        if ratio == 1.0:
            painter.drawImage(rect.x() + x, rect.y() + entry.top, entry.image, source, 0, width, band)
        else:
            painter.drawImage(QRectF(rect.x() + x, rect.y() + entry.top, width, band / ratio), entry.image,
                              QRectF(source * ratio, 0, width * ratio, band))

    def _paint_direct(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex,
                      text: str | None = None) -> None:
        """The cell as :class:`PlainTextDelegate` (or the badge delegate) paints it."""
        if index.column() == self._badge_column and self._badge is not None and text is None:
            self._badge.paint(painter, option, index)
        elif text is None:
            super().paint(painter, option, index)
        else:
            text_of = self._text_of
            self._text_of = lambda row, column: text
            try:
                super().paint(painter, option, index)
            finally:
                self._text_of = text_of

    def _layout(self) -> tuple[tuple[int, int], ...]:
        columns = self._columns
        if columns is None:
            header = self._view.horizontalHeader()
            grid = 1 if self._view.showGrid() else 0  # a cell's rect leaves the grid line out
            columns = self._columns = tuple(
                (header.sectionPosition(column), max(0, header.sectionSize(column) - grid))
                for column in range(header.count()))
        return columns

    def _render(self, row: int, texts: tuple[str, ...], option: QStyleOptionViewItem, height: int, group,
                ratio: float, alternate: bool) -> _RowImage:
        """Draw the row's texts side by side into one image, each only as wide as it is drawn (copying a
        row's whole width, mostly transparent, cost more than the texts: ~4 ns a pixel on a small till),
        and only the band of the row's height where glyphs and the pill lie."""
        columns = self._layout()
        metrics, metrics_f = self._metrics, self._metrics_f
        assert metrics is not None and metrics_f is not None
        line_height = self._line_height
        text_top = (height - line_height + 1) // 2
        top, bottom = text_top, text_top + line_height
        badge = self._badge is not None and 0 <= self._badge_column < len(texts) and texts[self._badge_column]
        if badge:  # where BadgeDelegate puts its pill in a cell of this height
            pill_height = min(line_height + 6, height - 2)
            pill_top = int((height - 1) // 2 - pill_height / 2 + 1)
            top, bottom = min(top, pill_top), max(bottom, pill_top + pill_height)
        top, bottom = max(0, top - 1), min(height, bottom + 1)
        # Per column: (text, x in the cell where it starts, whole pixels, and its fraction, its width, its
        # static text if laid out). Advances, elided texts and static texts are PlainTextDelegate's caches:
        # a table repeats most texts (kinds, states, cards, operators, result words) row after row.
        placed: list[tuple[int, str, int, float, int, QStaticText | None]] = []
        known, elisions, statics = self._advances, self._elided, self._static
        for column, (_, cell_width) in enumerate(columns):
            if column >= len(texts) or not texts[column] or cell_width <= MARGIN:
                continue  # no text, or a hidden column (no width): nothing drawn in it
            text = texts[column]
            right = column in self._right_aligned
            advances = known.get(text)
            seen = advances is not None
            if advances is None or (right and not advances[1]):  # measured left-aligned: not exactly
                if len(known) >= _MAX_CACHED_ADVANCES:
                    known.clear()
                    elisions.clear()
                advances = known[text] = self._measure(text, right)
            if column == self._badge_column and badge:
                # BadgeDelegate draws its pill 4 px in, as wide as the words and 8 px each side.
                placed.append((column, text, 0, 0.0, min(advances[0] + 21, max(0, cell_width)), None))
                continue
            room = cell_width - 2 * MARGIN
            if advances[0] > room:  # elidedText() would also elide an exact fit
                key = (text, room, right)
                elided = elisions.get(key)
                if elided is None:
                    shortened = metrics.elidedText(text, _ELIDE_RIGHT, room)
                    elided = elisions[key] = (shortened, self._measure(shortened, right))
                text, advances = elided
            advance = advances[0]
            # A text met before is laid out once and drawn from its glyphs (as PlainTextDelegate draws every
            # text); one met for the first time (a time, an order ID) is drawn at once: laying it out for a
            # single use costs more than drawing it.
            static = statics.get(text)
            if static is None and seen:
                if len(statics) >= _MAX_CACHED_ADVANCES:
                    statics.clear()
                static = statics[text] = QStaticText(text)
                static.setTextFormat(_PLAIN)
            if right:
                # At the exact (fractional) advance, as AlignRight places it.
                start = cell_width - MARGIN - advances[1]
                whole = int(start) - _BLEED
                placed.append((column, text, whole, start - whole, min(advance + 2 + _BLEED, cell_width - whole),
                               static))
            else:
                placed.append((column, text, MARGIN - _BLEED, float(_BLEED),
                               min(advance + 1 + _BLEED, cell_width - MARGIN + _BLEED), static))
        width = sum(each[4] for each in placed) or 1
        image = QImage(max(1, round(width * ratio)), max(1, round((bottom - top) * ratio)), _FORMAT)
        image.setDevicePixelRatio(ratio)
        image.fill(self._backgrounds[group][alternate])
        painter = QPainter(image)
        painter.setFont(option.font)
        painter.setPen(self._looks[group][1])
        painter.translate(0, -top)
        baseline = text_top + self._ascent
        spans: list[tuple[int, int, int] | None] = [None] * len(columns)
        cursor = 0
        for column, text, x, fraction, span, static in placed:
            if column == self._badge_column and badge:
                # The pill BadgeDelegate.paint would draw in a cell (cursor, 0, span, height), where it puts it.
                drawn = self._badge.pill(text, self._view.model().index(row, column).data(BADGE_ROLE),  # type: ignore[union-attr]
                                         span, height, ratio, option, metrics)
                if drawn is not None:
                    painter.drawPixmap(cursor + 4, int((height - 1) // 2 - drawn[1] / 2 + 1), drawn[0])
            elif static is not None:  # placed by the top of its line
                painter.drawStaticText(QPointF(cursor + fraction, text_top), static)
            else:
                painter.drawText(QPointF(cursor + fraction, baseline), text)
            spans[column] = (cursor, x, span)
            cursor += span
        painter.end()
        entry = self._images[row] = _RowImage(texts, image, height, group, ratio, top, tuple(spans), alternate)
        self._images.move_to_end(row)
        self._trim()
        return entry

    def _empty_image(self, height: int, group, alternate: bool) -> _RowImage:
        """A row painting nothing but its background and grid (no placeholder: a row not here, or left
        for a later paint, paints empty, as :class:`PlainTextDelegate` paints a cell without text)."""
        empty = self._empty
        if empty is None:
            empty = self._empty = QImage(1, 1, _FORMAT)
        return _RowImage((), empty, height, group, 1.0, 0, (None,) * len(self._layout()), alternate)

    def _placeholder_image(self, option: QStyleOptionViewItem, height: int, group,
                           alternate: bool) -> _RowImage | None:
        """A row showing only the placeholder ("Loading…") in its first column, in the placeholder colour,
        as :class:`PlainTextDelegate` draws it; ``None`` without a placeholder or where it would not fit."""
        placeholder = self._placeholder
        columns = self._layout()
        if not placeholder or not columns:
            return None
        key = (placeholder, height, group, columns[0][1])
        cached = self._placeholder_cache
        if cached is not None and cached[0] == key and cached[1][alternate] is not None:
            return cached[1][alternate]
        assert self._metrics is not None
        advance = self._metrics.horizontalAdvance(placeholder)
        if advance > columns[0][1] - 2 * MARGIN:
            return None  # elided: left to the delegate
        text_top = (height - self._line_height + 1) // 2
        top, bottom = max(0, text_top - 1), min(height, text_top + self._line_height + 1)
        span = min(advance + 1, columns[0][1] - MARGIN)
        image = QImage(max(1, span), max(1, bottom - top), _FORMAT)
        image.fill(self._backgrounds[group][alternate])
        painter = QPainter(image)
        painter.setFont(option.font)
        painter.setPen(self._looks[group][3])
        painter.drawText(QPointF(0, text_top - top + self._ascent), placeholder)
        painter.end()
        spans: list[tuple[int, int, int] | None] = [None] * len(columns)
        spans[0] = (0, MARGIN, span)
        entry = _RowImage((), image, height, group, 1.0, top, tuple(spans), alternate)
        both = list(cached[1]) if cached is not None and cached[0] == key else [None, None]
        both[alternate] = entry
        self._placeholder_cache = (key, (both[0], both[1]))
        return entry

    def _trim(self) -> None:
        row_height = max(1, self._view.verticalHeader().defaultSectionSize())
        keep = self._view.viewport().height() // row_height + 2 + SPARE_ROWS
        while len(self._images) > keep:
            self._images.popitem(last=False)

    def _later(self, row: int) -> None:
        self._pending.add(row)
        if not self._pending_timer.isActive():
            self._pending_timer.start()

    def _render_pending(self) -> None:
        """Ask the view to paint again the rows a paint ran out of budget for (a turn of their own)."""
        pending, self._pending = self._pending, set()
        view = self._view
        viewport = view.viewport()
        width = viewport.width()
        for row in sorted(pending):
            top = view.rowViewportPosition(row)
            if top >= -view.rowHeight(row) and top < viewport.height():
                viewport.update(QRect(0, top, width, view.rowHeight(row)))

    def _read_look(self, option: QStyleOptionViewItem) -> None:
        super()._read_look(option)
        palette = QPalette(option.palette)
        for group in (_ACTIVE_GROUP, _INACTIVE_GROUP, _DISABLED_GROUP):
            palette.setCurrentColorGroup(group)
            self._backgrounds[group] = (palette.base().color(), palette.alternateBase().color())
        self.forget_images()


class RowImageTableView(QTableView):
    """A table view that paints rows whose images are drawn (:class:`RowImageDelegate`) itself, a row at a
    time, and leaves every other row to ``QTableView``.

    Why: ``QTableView`` paints cell by cell, and with a Python model and delegate each cell is three calls
    into Python (``rowCount``, ``columnCount`` from ``index()``, the delegate's ``paint``) plus the cell's
    style option: ~4 ms of a ~7 ms repaint of a screen (``benchmarks/bench_subscriptions.py``). A drawn row
    here is its background (the style's ``PE_PanelItemViewRow``, one across the row's cells), its image
    slices and its grid lines (one ``drawLines`` call), from one Python loop. A row that is selected,
    loading, not yet drawn or whose image no longer matches, and anything outside the rows, is painted by ``QTableView`` through
    the delegate as before (a paint event narrowed to those rows); without a placeholder a row not here
    (or out of the paint's budget) is painted empty from the same loop. Columns are walked in the header's
    order, hidden ones left out, as ``QTableView`` walks them (the Journal moves its Operator column and
    hides columns from its menu). Right-to-left layouts, moved or hidden rows and a pixel ratio other than
    1 are left to ``QTableView``.

    Rows seen for the first time (the Journal's pages down and jumps: every row new) cost about what the
    cell delegates cost: the glyphs are drawn once either way, into the image instead of the view
    (``benchmarks/profile_journal_first_sight.py``, 2-core machine at load ~7: a Journal screen of 18 new
    rows 11.7-12.0 ms against 14.0-15.2 ms for the cell delegates, 0.79-0.84x; the same screen again
    2.3-2.4 ms against 9.3-10.2 ms, 0.23-0.25x). What keeps a turn short with new rows is the drawing
    budget: rows past it are formatted and drawn in a later paint (a new screen fills in over a few turns).
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: RowImageDelegate | None = None
        self._texts: Callable[[int], tuple[str, ...] | None] | None = None
        self._option = QStyleOptionViewItem()

    def paint_rows_with(self, delegate: RowImageDelegate, formatted_texts: Callable[[int], tuple[str, ...] | None]) -> None:
        """Paint drawn rows from ``delegate``'s images; ``formatted_texts(row)`` is the row's texts if
        formatted (the tuple the delegate drew), without formatting or loading anything."""
        self._rows = delegate
        self._texts = formatted_texts

    def paintEvent(self, event: QPaintEvent) -> None:
        delegate, texts_of = self._rows, self._texts
        viewport = self.viewport()
        vertical = self.verticalHeader()
        if (delegate is None or texts_of is None or self.model() is None or self.isRightToLeft()
                or vertical.sectionsMoved() or vertical.hiddenSectionCount()
                or viewport.devicePixelRatioF() != 1.0 or self.itemDelegate() is not delegate):
            super().paintEvent(event)
            return
        area = event.rect()
        first, last = self.rowAt(area.top()), self.rowAt(area.bottom())
        if first < 0:
            super().paintEvent(event)
            return
        if last < 0:
            last = self.model().rowCount() - 1
        grid = 1 if self.showGrid() else 0
        option = self._option
        self.initViewItemOption(option)  # the state QTableView gives each cell (before selection and focus)
        state = option.state.value
        if state & _ENABLED:
            group = _ACTIVE_GROUP if state & _ACTIVE else _INACTIVE_GROUP
        else:
            group = _DISABLED_GROUP
        selection = self.selectionModel()
        root = self.rootIndex()
        alternating = self.alternatingRowColors()
        images = delegate._images
        if not delegate._fresh:
            delegate._read_look(option)
        drawn: list[tuple[int, int, int, _RowImage]] = []  # (row, top, height, image)
        for row in range(first, last + 1):
            height = self.rowHeight(row)
            if selection.isRowSelected(row, root):
                continue  # QTableView paints it through the delegate
            entry = images.get(row)
            texts = texts_of(row)
            alternate = alternating and bool(row & 1)
            if (entry is None or texts is None or entry.texts is not texts or entry.height != height - grid
                    or entry.group is not group or entry.ratio != 1.0 or entry.alternate != alternate):
                entry = self._row_image(delegate, row, texts, option, height - grid, group, alternate)
                if entry is None:
                    continue
            else:
                images.move_to_end(row)
            drawn.append((row, self.rowViewportPosition(row), height, entry))
        if not drawn:
            super().paintEvent(event)
            return
        done = QRegion()
        width = viewport.width()
        for _, top, height, _ in drawn:
            done += QRect(0, top, width, height)
        rest = event.region() - done
        if not rest.isEmpty():
            super().paintEvent(QPaintEvent(rest))
        self._paint_drawn_rows(drawn, area, grid, group)

    def _row_image(self, delegate: RowImageDelegate, row: int, formatted: tuple[str, ...] | None,
                   option: QStyleOptionViewItem, height: int, group, alternate: bool) -> _RowImage | None:
        """The row's image drawn now, within the paint's budget, or the "Loading…" image while the row is
        not here or out of budget (then drawn in a later paint); ``None``: leave the row to QTableView.
        ``formatted``: the row's texts if formatted already. Out of budget a row is not formatted either
        (formatting a row costs about what drawing it does): it is formatted and drawn in a later paint."""
        started = time.thread_time()
        if formatted is None and delegate._budget_left <= 0:
            delegate._later(row)
            texts = None
        else:
            texts = delegate._row_texts(row)  # may format the row or ask for its page
        if texts is not None and delegate._budget_left > 0:
            entry = delegate._render(row, texts, option, height, group, 1.0, alternate)
        else:
            if texts is not None:
                delegate._later(row)
            if not delegate._placeholder:  # a row not here (or out of budget) paints empty until drawn
                return delegate._empty_image(height, group, alternate)
            entry = delegate._placeholder_image(option, height, group, alternate)
        delegate._budget_left -= time.thread_time() - started
        return entry

    def _paint_drawn_rows(self, drawn: list[tuple[int, int, int, _RowImage]], area: QRect, grid: int,
                          group) -> None:
        header = self.horizontalHeader()
        left, right = header.visualIndexAt(area.left()), header.visualIndexAt(area.right())
        if left < 0:
            left = 0
        if right < 0:
            right = header.count() - 1
        # In the header's (visual) order, hidden columns left out, as QTableView walks them.
        columns = [(column, self.columnViewportPosition(column), self.columnWidth(column))
                   for column in map(header.logicalIndex, range(left, right + 1))
                   if not header.isSectionHidden(column)]
        option = self._option  # as paintEvent initialised it: not selected, no focus
        alternate = self.alternatingRowColors()
        style = self.style()
        painter = QPainter(self.viewport())
        option.features = option.features | _ALTERNATE
        colour = QColor.fromRgba(style.styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, self) & 0xFFFFFFFF)
        # One panel across the row's cells rather than one per cell (a C++ call each, ~10% of a repaint):
        # the same pixels where the grid lines drawn over it afterwards are opaque (or there are none).
        one_panel = bool(columns) and (not grid or colour.alpha() == 255)
        if one_panel:
            panel_left = columns[0][1]
            panel_width = columns[-1][1] + columns[-1][2] - grid - panel_left
        for row, top, height, entry in drawn:
            # An alternate row's background as QTableView draws it: the style's row panel per cell. Other
            # rows are neither selected nor alternate here: the styles Qt ships draw no panel for them
            # (QCommonStyle fills only those two), and calling it per cell was a third of a repaint.
            if alternate and row & 1:
                if one_panel:
                    option.rect = QRect(panel_left, top, panel_width, height - grid)
                    style.drawPrimitive(_ROW_PANEL, option, painter, self)
                else:
                    for _, x, cell_width in columns:
                        option.rect = QRect(x, top, cell_width - grid, height - grid)
                        style.drawPrimitive(_ROW_PANEL, option, painter, self)
            spans, image, band, image_top = entry.spans, entry.image, entry.band, top + entry.top
            for column, x, _ in columns:
                span = spans[column] if column < len(spans) else None
                if span is not None:
                    painter.drawImage(x + span[1], image_top, image, span[0], 0, span[2], band)
        if grid:
            painter.setPen(QPen(colour, 1, self.gridStyle()))
            # All the grid lines in one call: a row's bottom line, then vertical lines over each run of
            # consecutive drawn rows.
            lines = [QLine(area.left(), top + height - grid, area.right(), top + height - grid)
                     for _, top, height, _ in drawn]
            runs: list[list[int]] = []
            for row, top, height, _ in drawn:
                if runs and runs[-1][2] == row - 1:
                    runs[-1][1], runs[-1][2] = top + height - 1, row
                else:
                    runs.append([top, top + height - 1, row])
            for run_top, run_bottom, _ in runs:
                low, high = max(run_top, area.top()), min(run_bottom, area.bottom())
                lines.extend(QLine(x + cell_width - grid, low, x + cell_width - grid, high)
                             for _, x, cell_width in columns)
            painter.drawLines(lines)
        painter.end()
