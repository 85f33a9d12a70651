"""The subscription table's model: server-side paging, sorting and filtering over a sparse page cache.

Contract:

* Until the first page arrives the model has no rows and ``canFetchMore`` is true; ``fetchMore`` asks
  for page 1. From then on ``rowCount`` is the gateway's ``totalCount`` and any row the view asks for
  whose page is not cached makes the model fetch that page (rows show "Loading…" meanwhile). At most
  :attr:`SubscriptionsModel.max_pages` pages are kept (least recently used evicted), so memory stays flat
  however far the manager scrolls.
* ``sort`` asks the gateway to sort (``OrderBy``/``Dir``); ``set_filter`` filters by subscription ID
  (``Subscription``). Both start again from page 1; answers to older queries are ignored.
* A failed load emits :attr:`load_failed` with the typed client error and keeps every row it had; the
  failed page is not asked for again until :meth:`retry_failed` or :meth:`refresh`.
* ``fetch_page`` is an async callable ``(RecurringListQuery) -> RecurringPaymentPage`` (the tab passes
  one that reads ``services.client`` at call time). Loads run through
  :func:`klogs_desk.ui.async_runner.run_query` on the qasync loop; a load that breaks with anything but a
  client error is a bug for the app's excepthook, and its page is asked for again after :meth:`refresh`.

Speed (the table scrolls 100,000 rows without a stall over a frame, see benchmarks/bench_subscriptions.py):

* A landing page only stores its items; a row's display texts are formatted the first time a view shows
  it and kept with the page (a jump of eight screens shows ~30 rows of a 100-row page, so ~70 are never
  formatted, and no page costs a long burst of formatting in one event-loop turn). The landing page's
  rows on screen are formatted and repainted a few per turn (:meth:`SubscriptionsModel._show_in_chunks`),
  and a paint formats at most :data:`PAINT_FORMAT_ROWS` rows itself (the rest show "Loading…" a turn
  longer): a scroll step's repaint is then the only long thing in its turn.
* A page's answer is parsed on a worker thread (``KlogsClient.list_recurring``), not on the event loop.
* The tab paints rows, not cells: :meth:`row_texts` gives a painting delegate a row's texts (the same tuple
  while the row is unchanged) and :meth:`formatted_texts` tells the view whether the row it drew is still
  current, without formatting anything (:mod:`klogs_desk.ui.row_image_delegate`).
* Views get every role of a cell in one call (:meth:`SubscriptionsModel.multiData`, which Qt 6's item
  delegates use), not one Python call per role; ``flags`` is not overridden: Qt's C++ one (enabled and
  selectable) answers without a Python call per painted cell.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
from collections import OrderedDict, deque
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, Awaitable, Callable
from uuid import UUID

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from ..api.enums import OrderDirection
from ..api.errors import KlogsError
from ..api.unknown import is_unrecognized
from ..domain.schedule import describe_frequency
from ..messages import Message
from ..services.subscriptions import STATUS_MEANINGS, PageCache, status_in_words
from .answer_text import answer_text
from .async_runner import run_query
from .badges import BADGE_ROLE
from .messages import render
from .money_text import money_text

if TYPE_CHECKING:
    from ..api.models.recurring import RecurringListQuery, RecurringPayment, RecurringPaymentPage

FetchPage = Callable[["RecurringListQuery"], Awaitable["RecurringPaymentPage"]]

#: Item-data role returning the row's :class:`RecurringPayment` (``None`` while its page loads).
SUBSCRIPTION_ROLE = int(Qt.ItemDataRole.UserRole) + 1

#: Shown in a row whose page is loading (English; :attr:`SubscriptionsModel.loading_text` is translated).
LOADING_TEXT = QT_TRANSLATE_NOOP("SubscriptionsModel", "Loading…")


@dataclass(frozen=True)
class Column:
    title: str
    #: ``OrderBy`` value of the column, ``None`` where the gateway cannot sort by it.
    sort_field: str | None


COLUMNS: tuple[Column, ...] = (
    Column(QT_TRANSLATE_NOOP("SubscriptionsModel", "Reference"), "reference"),
    Column(QT_TRANSLATE_NOOP("SubscriptionsModel", "Amount"), "amount"),
    Column(QT_TRANSLATE_NOOP("SubscriptionsModel", "Status"), "status"),
    Column(QT_TRANSLATE_NOOP("SubscriptionsModel", "Frequency"), None),
    Column(QT_TRANSLATE_NOOP("SubscriptionsModel", "Next payment"), "nextPaymentAtUtc"),
    Column(QT_TRANSLATE_NOOP("SubscriptionsModel", "Last payment"), "lastPaymentAtUtc"),
    Column(QT_TRANSLATE_NOOP("SubscriptionsModel", "Phone"), "phone"),
    Column(QT_TRANSLATE_NOOP("SubscriptionsModel", "Email"), "email"),
    Column(QT_TRANSLATE_NOOP("SubscriptionsModel", "Created"), "createdAtUtc"),
)
REFERENCE, AMOUNT, STATUS, FREQUENCY, NEXT_PAYMENT, LAST_PAYMENT, PHONE, EMAIL, CREATED = range(len(COLUMNS))


_SHORT_FORMAT = QLocale.FormatType.ShortFormat  # enum attribute lookups are slow in PySide: look up once


def format_local_time(value: dt.datetime | None, locale: QLocale) -> str:
    """A UTC time from the gateway shown in this computer's time zone, in the locale's short format."""
    if value is None:
        return ""
    local = QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()
    return locale.toString(local, _SHORT_FORMAT)


def frequency_in_words(item: RecurringPayment) -> Message:
    return describe_frequency(item.effective_frequency, item.interval or 1, item.day_of_month, item.month_of_year)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ANSWERED_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, SUBSCRIPTION_ROLE, BADGE_ROLE})


#: Rows of a landed page formatted and repainted per event-loop turn (:meth:`SubscriptionsModel._show_in_chunks`).
CHUNK_ROWS = 8
#: Rows a paint formats itself in one event-loop turn; the others show "Loading…" a turn or two longer.
#: 2, not 6 (issue 19): a scroll step's full repaint formatted six rows (~2 ms on a small till) on top of
#: drawing row images and copying a screen; the rest now come with the chunks (:meth:`_next_chunk`).
PAINT_FORMAT_ROWS = 2

#: Shared texts kept (:meth:`SubscriptionsModel._shared`).
_MAX_SHARED_TEXTS = 4096


#: A cached row as :class:`_RowCodec` keeps it: ``(shape number, value, value, ...)``.
_Row = tuple

_new_object = object.__new__
_set_slot = object.__setattr__
#: How :class:`_RowCodec` keeps a field's value: as it is, a ``UUID`` as its int, a shared object (an enum
#: member) as its number in the codec's table.
_PLAIN, _UUID, _SHARED = range(3)


class _RowCodec:
    """Rows of the page cache as tuples the garbage collector does not track, and back.

    Why (issue 19): a pydantic item is four objects the collector tracks (the model, its ``__dict__``,
    its set of fields set, its ``UUID``), and the ~3,000 rows of 30 cached pages landing between two
    generation-1 collections made each of those collections walk ~15,000 young objects: 7-9 ms of the
    UI thread (timed with ``gc.callbacks``), on top of whatever paint it fell in. A compact row holds
    only untracked values (strings, ``Decimal``, datetimes, ints, ``None``): the shape (class, field
    names, fields set, how each value is kept) and shared objects (enum members) are numbers into this
    codec's tables, a ``UUID`` is its int. CPython stops tracking such a tuple at the first collection
    that sees it, so later collections never walk the cache; the pydantic objects the page was parsed
    into are freed by reference counting at once. A value of another tracked kind is kept as it is (the
    row is then walked, as before; the gateway models have none today).

    :meth:`expand` builds the :class:`RecurringPayment` back (equal to the parsed one, field for field)
    for the one row a format, a dialog or ``row_at`` needs, as pydantic's ``model_construct`` builds one
    (no validation: the values were validated when the page was parsed) without its per-field walk: the
    gateway models ignore extra fields and have no private attributes, so ``__dict__`` and the fields
    set are all an instance holds."""

    __slots__ = ("_shapes", "_shape_numbers", "_shared", "_shared_numbers")

    def __init__(self) -> None:
        self._shapes: list[tuple] = []
        self._shape_numbers: dict[tuple, int] = {}
        self._shared: list[object] = []
        self._shared_numbers: dict[int, int] = {}

    def compact(self, item: RecurringPayment) -> _Row:
        values: list[object] = []
        kinds: list[int] = []
        for value in item.__dict__.values():
            if value is None or not gc.is_tracked(value):
                kinds.append(_PLAIN)
                values.append(value)
            elif type(value) is UUID:
                kinds.append(_UUID)
                values.append(value.int)
            elif isinstance(value, Enum):
                number = self._shared_numbers.get(id(value))
                if number is None:
                    number = self._shared_numbers[id(value)] = len(self._shared)
                    self._shared.append(value)
                kinds.append(_SHARED)
                values.append(number)
            else:
                kinds.append(_PLAIN)
                values.append(value)
        key = (type(item), tuple(item.__dict__), frozenset(item.__pydantic_fields_set__), tuple(kinds))
        shape = self._shape_numbers.get(key)
        if shape is None:
            shape = self._shape_numbers[key] = len(self._shapes)
            self._shapes.append((*key, 1 + key[1].index("status")))
        return (shape, *values)

    def _value(self, row: _Row, position: int, kind: int) -> object:
        value = row[position]
        if kind == _UUID:
            return UUID(int=value)  # type: ignore[arg-type]
        if kind == _SHARED:
            return self._shared[value]  # type: ignore[index]
        return value

    def expand(self, row: _Row) -> RecurringPayment:
        cls, names, fields_set, kinds, _status = self._shapes[row[0]]
        item = _new_object(cls)
        _set_slot(item, "__dict__", {name: self._value(row, position, kind)
                                     for position, (name, kind) in enumerate(zip(names, kinds, strict=True), 1)})
        _set_slot(item, "__pydantic_fields_set__", set(fields_set))
        _set_slot(item, "__pydantic_extra__", None)
        _set_slot(item, "__pydantic_private__", None)
        return item

    def status(self, row: _Row):
        shape = self._shapes[row[0]]
        position = shape[4]
        return self._value(row, position, shape[3][position - 1])


class _Page:
    """One cached page: its rows (compact, :class:`_RowCodec`) and, per row, display texts formatted when
    the row is first shown."""

    __slots__ = ("items", "texts")

    def __init__(self, items: list[_Row]) -> None:
        self.items = items
        self.texts: list[tuple[str, ...] | None] = [None] * len(items)


class SubscriptionsModel(QAbstractTableModel):
    """Subscriptions of the current environment, a page at a time. See the module docstring."""

    #: Page number that arrived (1-based).
    page_loaded = Signal(int)
    #: The typed client error of a load that failed.
    load_failed = Signal(object)
    #: The gateway's total for the current query (after the first page).
    total_changed = Signal(int)

    MAX_IN_FLIGHT = 3
    MAX_QUEUED = 6

    def __init__(self, fetch_page: FetchPage, *, page_size: int = 100, max_pages: int = 30, parent=None,
                 until_ready: Callable[[], Awaitable[None]] | None = None,
                 visible_rows: Callable[[], tuple[int, int] | None] | None = None) -> None:
        super().__init__(parent)
        #: The first and last rows a view shows (``None``: no view on screen). A landing page's rows on
        #: screen are formatted and shown a few at a time (:meth:`_show_in_chunks`); without it the whole
        #: page is shown at once.
        self._visible_rows = visible_rows
        #: Rows of landed pages still to be shown (:meth:`_show_in_chunks`), one chunk per timer event.
        self._chunks: deque[tuple[_Page, int, int]] = deque()
        self._chunk_timer = QTimer(self)
        self._chunk_timer.setInterval(0)
        self._chunk_timer.timeout.connect(self._next_chunk)
        #: Rows formatted by paints since the chunk timer last fired (:meth:`_texts_for_display`).
        self._painted_formats = 0
        self._fetch_page = fetch_page
        #: Awaited before a page's query is built and sent: the gateway client (and the models the query
        #: is made of) come right after the first frame, and the view asks for page 1 before that.
        self._until_ready = until_ready
        self.page_size = page_size
        self.max_pages = max_pages
        self._cache: PageCache[_Page] = PageCache(max_pages)
        self._total: int | None = None
        self._generation = 0
        self._in_flight: dict[int, asyncio.Task] = {}
        self._queued: OrderedDict[int, None] = OrderedDict()
        self._failed: set[int] = set()
        self.sort_field: str | None = None
        self.sort_dir: OrderDirection | None = None
        self.filter_text = ""
        #: A new query was asked for while old rows are on screen: they stay until its page 1 arrives.
        self._replacing = False
        self.locale = QLocale()
        #: What a row whose page is loading shows, in the installed language.
        self.loading_text = self.tr(LOADING_TEXT)
        #: Number of list requests started (for tests and the benchmark).
        self.requests_started = 0
        #: Texts of values many rows share, by the value: amounts (prices repeat), statuses and schedules
        #: ("every month on the 1st"): formatting them was two thirds of a row's ~160 us. Bounded.
        self._shared_texts: dict[tuple, str] = {}
        #: Rows of the page cache are kept compact (:class:`_RowCodec`).
        self._codec = _RowCodec()

    # --- Qt model API ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self._total is None else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            column = COLUMNS[section]
            title = QCoreApplication.translate("SubscriptionsModel", column.title)
            if role == Qt.ItemDataRole.DisplayRole:
                return title
            if role == Qt.ItemDataRole.ToolTipRole:
                return (self.tr("Sort by {column}").format(column=title.lower()) if column.sort_field
                        else self.tr("The gateway cannot sort by this"))
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        if parent.isValid():
            return False
        return self._total is None and 1 not in self._in_flight and 1 not in self._failed

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._request(1)

    def multiData(self, index: QModelIndex | QPersistentModelIndex, role_data_span) -> None:
        """Every role a delegate asks for, in one call (Qt 6's ``QStyledItemDelegate.initStyleOption`` asks
        seven roles per cell at once). Same answers as :meth:`data`."""
        row, column = index.row(), index.column()
        texts = self._texts_for_display(index, row, column)
        if texts is None:
            if column == REFERENCE and row < (self._total or 0):
                for position in range(len(role_data_span)):
                    role_data = role_data_span[position]
                    if role_data.role() == _DISPLAY:
                        role_data.setData(self.loading_text)
            return
        for position in range(len(role_data_span)):
            role_data = role_data_span[position]
            role = role_data.role()
            if role == _DISPLAY:
                role_data.setData(texts[column])
            elif role == _ALIGNMENT and column == AMOUNT:
                role_data.setData(_RIGHT)
            elif role in _ANSWERED_ROLES and role != _ALIGNMENT:
                role_data.setData(self.data(index, role))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask ~7 roles per cell per paint: roles this model never answers leave at once.
        if role not in _ANSWERED_ROLES:
            return None
        row, column = index.row(), index.column()
        if role == _DISPLAY:
            texts = self._texts_for_display(index, row, column)
            if texts is None:
                return self.loading_text if column == REFERENCE and row < (self._total or 0) else None
            return texts[column]
        entry = self._cache.peek(row // self.page_size + 1)
        offset = row % self.page_size
        if entry is None or offset >= len(entry.items):
            return None
        row_values = entry.items[offset]
        if role == SUBSCRIPTION_ROLE:
            return self._codec.expand(row_values)
        if role == BADGE_ROLE:
            return self._codec.status(row_values).value if column == STATUS else None
        if role == _TOOLTIP:
            # A status the terminal does not know has no meaning to explain: no tooltip.
            return render(STATUS_MEANINGS.get(self._codec.status(row_values))) or None if column == STATUS else None
        return _RIGHT if column == AMOUNT else None  # TextAlignmentRole

    def display_text(self, row: int, column: int) -> str | None:
        """What ``data(index(row, column), DisplayRole)`` answers, without building an index (delegates
        call this for every cell of every paint)."""
        texts = self._texts_for_display(None, row, column, painting=True)
        if texts is None:
            return self.loading_text if column == REFERENCE and 0 <= row < (self._total or 0) else None
        return texts[column]

    def row_texts(self, row: int) -> tuple[str, ...] | None:
        """The row's display texts, one per column, for a delegate painting the row (formatted within the
        paint budget of :meth:`_texts_for_display`), or ``None`` while the row is not here. The same tuple
        comes back while the row is unchanged (a row loaded again gets a new one)."""
        if not 0 <= row < (self._total or 0):
            return None
        return self._texts_for_display(None, row, 0, painting=True)

    def formatted_texts(self, row: int) -> tuple[str, ...] | None:
        """The row's display texts if already formatted (what :meth:`row_texts` would answer), else ``None``;
        never formats nor asks for a page. Marks the row's page recently used."""
        entry = self._cache.get(row // self.page_size + 1)
        if entry is None:
            return None
        offset = row % self.page_size
        return entry.texts[offset] if offset < len(entry.texts) else None

    def _texts_for_display(self, index: QModelIndex | QPersistentModelIndex | None, row: int,
                           column: int, *, painting: bool = False) -> tuple[str, ...] | None:
        """The row's display texts (formatted on first use), or ``None`` while its page is not here, in
        which case the page is asked for. Showing a row marks its page recently used.

        ``painting`` (a delegate painting the cell): at most :data:`PAINT_FORMAT_ROWS` rows are formatted
        by paints in one event-loop turn; a row past that shows "Loading…" and is formatted and repainted
        in a later turn (:meth:`_next_chunk`), so a scroll's repaint (~15 ms) does not also format a screen
        of rows (~3 ms). ``data()`` always answers the texts (tests, accessibility, the dialogs)."""
        page = row // self.page_size + 1
        entry = self._cache.peek(page)
        offset = row % self.page_size
        if entry is None:
            if (not self._replacing and self._total is not None and 0 <= row < self._total
                    and 0 <= column < len(COLUMNS) and (index is None or index.isValid())):
                self._request(page)
            return None
        if offset >= len(entry.items):
            return None
        texts = entry.texts[offset]
        if texts is None:
            if painting:
                if self._painted_formats >= PAINT_FORMAT_ROWS:
                    self._defer(entry, row)
                    return None
                self._painted_formats += 1
                if not self._chunk_timer.isActive():
                    self._chunk_timer.start()  # its next event starts a new turn's count
            item = self._codec.expand(entry.items[offset])
            texts = entry.texts[offset] = tuple(self._display(item, each) for each in range(len(COLUMNS)))
        if column == 0:
            self._cache.get(page)  # mark the page recently used (once per row, not per cell)
        return texts

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort_field is None:
            return
        direction = OrderDirection.ASC if order == Qt.SortOrder.AscendingOrder else OrderDirection.DESC
        if (self.sort_field, self.sort_dir) == (COLUMNS[column].sort_field, direction):
            return
        self.sort_field, self.sort_dir = COLUMNS[column].sort_field, direction
        self.refresh()

    # --- queries --------------------------------------------------------------------------------

    def set_filter(self, subscription: str) -> None:
        """Show only subscriptions whose subscription ID matches ``subscription`` ('' shows all)."""
        subscription = subscription.strip()
        if subscription != self.filter_text:
            self.filter_text = subscription
            self.refresh()

    def refresh(self) -> None:
        """Ask for page 1 of the current query again. Rows on screen stay until its answer arrives (and stay
        if it fails), so an error never blanks the table."""
        self._generation += 1
        # Requests of the old query are left to finish and their answers ignored (generation check):
        # cancelling httpx mid-request would save little and risks tearing a pooled connection.
        self._in_flight.clear()
        self._queued.clear()
        self._failed.clear()
        if self._total is None:
            self._cache.clear()
            self.fetchMore()
            return
        self._replacing = True
        self._request(1, force=True)

    def reload_cached(self) -> None:
        """Fetch every cached page again (after a change whose row is not known); rows stay meanwhile."""
        for page in self._cache.pages():
            self._request(page, force=True)

    def retry_failed(self) -> None:
        """Ask again for pages whose load failed (and page 1 if nothing was loaded yet)."""
        failed, self._failed = self._failed, set()
        for page in sorted(failed):
            self._request(page)

    def reload_row(self, row: int) -> None:
        """Fetch the page holding ``row`` again; its old rows stay on screen until the answer arrives."""
        if not self._replacing:
            self._request(self.page_of(row), force=True)

    @property
    def loaded(self) -> bool:
        return self._total is not None

    @property
    def loading(self) -> bool:
        return bool(self._in_flight)

    def page_of(self, row: int) -> int:
        return row // self.page_size + 1

    def cached_pages(self) -> list[int]:
        return self._cache.pages()

    def row_at(self, row: int) -> RecurringPayment | None:
        entry = self._cache.peek(self.page_of(row))
        if entry is None:
            return None
        offset = row % self.page_size
        return self._codec.expand(entry.items[offset]) if offset < len(entry.items) else None

    # --- loading --------------------------------------------------------------------------------

    def _request(self, page: int, *, force: bool = False) -> None:
        if page in self._in_flight or (page in self._failed and not force):
            return
        if len(self._in_flight) >= self.MAX_IN_FLIGHT:
            # Newest wins: while the manager scrolls fast, pages scrolled past are dropped, not loaded.
            self._queued[page] = None
            self._queued.move_to_end(page)
            while len(self._queued) > self.MAX_QUEUED:
                self._queued.popitem(last=False)
            return
        filter_text, sort_field, sort_dir = self.filter_text, self.sort_field, self.sort_dir

        async def fetch() -> RecurringPaymentPage:
            if self._until_ready is not None:
                await self._until_ready()
            from ..api.models.recurring import RecurringListQuery

            query = RecurringListQuery(subscription=filter_text or None, page=page, page_size=self.page_size,
                                       order_by=sort_field, dir=sort_dir)
            return await self._fetch_page(query)

        self.requests_started += 1
        generation = self._generation
        # Page loads are background work: no control to disable and no busy cursor while scrolling.
        self._in_flight[page] = run_query(
            None, fetch(), busy_cursor=False, owner=self,
            on_success=lambda result: self._loaded(page, generation, result),
            on_error=lambda exc: self._load_error(page, generation, exc))

    def _loaded(self, page: int, generation: int, result: RecurringPaymentPage) -> None:
        if generation != self._generation:
            return  # an answer to a query the manager has since changed
        self._in_flight.pop(page, None)
        if self._replacing and page == 1:
            self.beginResetModel()
            self._replacing = False
            self._cache.clear()
            self._total = None
            self.endResetModel()
        self._apply(page, result)
        self._next_queued()

    def _load_error(self, page: int, generation: int, exc: KlogsError) -> None:
        if generation != self._generation:
            return
        self._in_flight.pop(page, None)
        self._failed.add(page)
        self.load_failed.emit(exc)
        self._next_queued()

    def _next_queued(self) -> None:
        while self._queued and len(self._in_flight) < self.MAX_IN_FLIGHT:
            page, _ = self._queued.popitem(last=True)
            if page not in self._cache:
                self._request(page)

    def _apply(self, page: int, result: RecurringPaymentPage) -> None:
        self._failed.discard(page)
        self._resize(result.total_count)
        entry = _Page([self._codec.compact(item) for item in result.items])
        self._cache.put(page, entry)  # texts are formatted when rows are shown
        first = (page - 1) * self.page_size
        last = min(first + self.page_size, self.rowCount()) - 1
        visible = self._visible_rows() if self._visible_rows is not None else None
        if visible is not None and last >= first:
            top, bottom = max(first, visible[0]), min(last, visible[1])
            if top <= bottom:
                # Rows off screen: told at once (no paint follows); rows on screen: a few per event-loop turn.
                self._changed(first, top - 1)
                self._changed(bottom + 1, last)
                self._show_in_chunks(entry, top, bottom)
                self.page_loaded.emit(page)
                return
        self._changed(first, last)
        self.page_loaded.emit(page)

    def _changed(self, first: int, last: int) -> None:
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _show_in_chunks(self, entry: _Page, first: int, last: int) -> None:
        """Format rows ``first..last`` of a landed page and tell the view, :data:`CHUNK_ROWS` rows per
        event-loop turn: formatting a screen of rows (~3 ms) and repainting it (~15 ms on a small till,
        10 ms of it Qt's own C++ per cell) in one turn was a stall of a frame and more at every scroll
        step. The view repaints only the rows a ``dataChanged`` names, in the next turn, so each chunk's
        repaint is a turn of its own. The chunks run from a zero-interval ``QTimer`` (a timer event, after
        the repaints already asked for), not ``QTimer.singleShot(0)``: Qt 6 posts that as an event handled
        in the same pass as the others, and every chunk then ran before one repaint of all their rows.
        A paint that comes sooner (a scroll) formats the rows it shows itself, as before. The first chunk
        waits for the timer too, not formatted in the turn the page lands in: that turn (parsing done on a
        worker thread, the rows made compact, ~1.5 ms) often also holds a scroll's full repaint, and the
        two with a chunk's formatting were the Subscriptions scroll's longest turns (issue 19)."""
        self._chunks.append((entry, first, last))
        if not self._chunk_timer.isActive():
            self._chunk_timer.start()

    def _defer(self, entry: _Page, row: int) -> None:
        """Format ``row`` of ``entry`` in a later turn (a paint ran out of its formatting budget)."""
        if self._chunks:
            last_entry, first, last = self._chunks[-1]
            if last_entry is entry and first <= row <= last:
                return  # another cell of a row already deferred
            if last_entry is entry and row == last + 1:
                self._chunks[-1] = (entry, first, row)
                return
        self._chunks.append((entry, row, row))
        if not self._chunk_timer.isActive():
            self._chunk_timer.start()

    def _next_chunk(self) -> None:
        self._painted_formats = 0
        while self._chunks:
            entry, first, last = self._chunks.popleft()
            page = first // self.page_size + 1
            if self._cache.peek(page) is not entry or last >= self.rowCount():
                continue  # no longer the rows the model shows
            end = min(last, first + CHUNK_ROWS - 1)
            for row in range(first, end + 1):
                offset = row % self.page_size
                if offset < len(entry.items) and entry.texts[offset] is None:
                    item = self._codec.expand(entry.items[offset])
                    entry.texts[offset] = tuple(self._display(item, each) for each in range(len(COLUMNS)))
            self._changed(first, end)
            if end < last:
                self._chunks.appendleft((entry, end + 1, last))
            break
        if not self._chunks:
            self._chunk_timer.stop()

    def _resize(self, total: int) -> None:
        current = self.rowCount()
        first_answer = self._total is None
        if total > current:
            self.beginInsertRows(QModelIndex(), current, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < current:
            self.beginRemoveRows(QModelIndex(), total, current - 1)
            self._total = total
            self.endRemoveRows()
        else:
            self._total = total
        if first_answer or total != current:
            self.total_changed.emit(total)

    def _display(self, item: RecurringPayment, column: int) -> str:
        if column == REFERENCE:
            return item.reference or ""
        if column == AMOUNT:
            return self._shared(("amount", item.amount, item.currency_code),
                                lambda: money_text(item.amount, item.currency_code, self.locale))
        if column == STATUS:  # one it does not know: "unknown (what the gateway sent)"
            if is_unrecognized(item.status):
                return render(status_in_words(item.status))
            return self._shared(("status", item.status), lambda: render(status_in_words(item.status)))
        if column == FREQUENCY:
            if is_unrecognized(item.frequency):
                return answer_text(item.frequency)
            return self._shared(("frequency", item.effective_frequency, item.interval, item.day_of_month,
                                 item.month_of_year), lambda: render(frequency_in_words(item)))
        if column == NEXT_PAYMENT:
            return format_local_time(item.next_payment_at_utc, self.locale)
        if column == LAST_PAYMENT:
            return format_local_time(item.last_payment_at_utc, self.locale)
        if column == PHONE:
            return item.phone or ""
        if column == EMAIL:
            return item.email or ""
        if column == CREATED:
            return format_local_time(item.created_at_utc, self.locale)
        return ""

    def _shared(self, key: tuple, make: Callable[[], str]) -> str:
        text = self._shared_texts.get(key)
        if text is None:
            if len(self._shared_texts) >= _MAX_SHARED_TEXTS:
                self._shared_texts.clear()
            text = self._shared_texts[key] = make()
        return text
