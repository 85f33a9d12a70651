"""How journal entries read on screen: words for kinds and states, locale money, and the table model.

``JournalTableModel`` is a read-only view of journal rows, newest first: the journal tab gives it every
matching row's id (read on the journal's reader thread, :meth:`Journal.listing`) and it reads a page of
rows when the view first shows one (see the class). The helpers at the top are shared with the receipt
and the other tabs of this package so one entry reads the same everywhere.

Speed (issue 19, ``benchmarks/bench_stalls.py``): a row's texts, badge key and state tooltip are made once,
when it is first shown, and kept with its page; views get every role of a cell in one call
(:meth:`JournalTableModel.multiData`), the tab's delegates the display text without an index
(:meth:`JournalTableModel.painted_text`: a page a paint wants is read and formatted in a later turn, not
during the paint), and ``flags`` is Qt's C++ one (no Python call per cell).

After a void or refund the payment's own row stays ``approved`` in the journal (the void or refund is a
row of its own); the table derives what the cashier needs to see from those child rows
(:func:`settlement_key`): the state badge says VOIDED, REFUNDED or PARTLY REFUNDED and the Balance
column what is left. Both rules live in :mod:`klogs_desk.domain.balances` (``Balance.settlement``,
``Balance.remaining``); these are display words only, not journal states.

Amounts are formatted from the ``Decimal`` itself (digits, the locale's separators), never through
``float``: ``QLocale.toString(double)`` would print 0.1 + 0.2 as 0.30000000000000004 on some locales.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from decimal import Decimal
from typing import Any, Callable, Mapping, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from ..domain.balances import Balance, Settlement
from ..domain.journal import Entry, EntryKind, EntryState
from ..services.transactions import APPROVED_BY_NO_PIN, approval_message
from . import theme
from .badges import BADGE_ROLE
from .messages import render, render_result
from .money_text import money_text
from .table_model import TitledTableModel

KIND_LABELS: dict[EntryKind, str] = {
    EntryKind.SALE: QT_TRANSLATE_NOOP("JournalModel", "Sale"),
    EntryKind.SALE_3DS: QT_TRANSLATE_NOOP("JournalModel", "Sale (3-D Secure)"),
    EntryKind.PREAUTH: QT_TRANSLATE_NOOP("JournalModel", "Pre-authorization"),
    EntryKind.CAPTURE: QT_TRANSLATE_NOOP("JournalModel", "Capture"),
    EntryKind.CHECKOUT: QT_TRANSLATE_NOOP("JournalModel", "Payment link"),
    EntryKind.VOID: QT_TRANSLATE_NOOP("JournalModel", "Void"),
    EntryKind.REFUND: QT_TRANSLATE_NOOP("JournalModel", "Refund"),
}

STATE_LABELS: dict[EntryState, str] = {
    EntryState.PENDING: QT_TRANSLATE_NOOP("JournalModel", "PENDING"),
    EntryState.APPROVED: QT_TRANSLATE_NOOP("JournalModel", "APPROVED"),
    EntryState.DECLINED: QT_TRANSLATE_NOOP("JournalModel", "DECLINED"),
    EntryState.ERROR: QT_TRANSLATE_NOOP("JournalModel", "ERROR — NOT CHARGED"),
    EntryState.UNKNOWN: QT_TRANSLATE_NOOP("JournalModel", "OUTCOME UNKNOWN"),
    EntryState.ENROLLED: QT_TRANSLATE_NOOP("JournalModel", "NEEDS 3-D SECURE"),
    EntryState.NOT_CHARGED: QT_TRANSLATE_NOOP("JournalModel", "NOT CHARGED"),
    EntryState.AWAITING_CUSTOMER: QT_TRANSLATE_NOOP("JournalModel", "WAITING FOR CUSTOMER"),
    EntryState.CANCELLED: QT_TRANSLATE_NOOP("JournalModel", "CANCELLED"),
}

REFUSED_LABEL = QT_TRANSLATE_NOOP("JournalModel", "REFUSED — NOTHING DONE")

#: Display keys of an approved payment that was voided or refunded afterwards (see the module docstring).
VOIDED, REFUNDED, PARTLY_REFUNDED = (Settlement.VOIDED.value, Settlement.REFUNDED.value,
                                     Settlement.PARTLY_REFUNDED.value)

SETTLEMENT_LABELS: dict[str, str] = {
    VOIDED: QT_TRANSLATE_NOOP("JournalModel", "VOIDED"),
    REFUNDED: QT_TRANSLATE_NOOP("JournalModel", "REFUNDED"),
    PARTLY_REFUNDED: QT_TRANSLATE_NOOP("JournalModel", "PARTLY REFUNDED"),
}

#: Display key of a void, refund or capture the gateway refused (a journal ``error`` row): nothing was done,
#: and it was never a charge attempt, so it does not read "ERROR — NOT CHARGED".
REFUSED = "refused"
#: The journal row of an approved void or refund reads as what it did, not as a new approved charge.
_RETURN_KEYS = {EntryKind.VOID: VOIDED, EntryKind.REFUND: REFUNDED}
_FOLLOW_UP_KINDS = frozenset({EntryKind.VOID, EntryKind.REFUND, EntryKind.CAPTURE})

SETTLEMENT_TOOLTIPS: dict[str, str] = {
    VOIDED: QT_TRANSLATE_NOOP("JournalModel", "Approved, then voided: the card holder was not charged in the end."),
    REFUNDED: QT_TRANSLATE_NOOP("JournalModel", "Approved, then refunded in full: nothing is left to refund."),
    PARTLY_REFUNDED: QT_TRANSLATE_NOOP("JournalModel", "Approved, then refunded in part: the Balance column shows "
                                                       "what can still be refunded."),
}

#: Badge colours by state value (for :class:`klogs_desk.ui.badges.BadgeDelegate`). Green means money
#: moved, red means it did not, amber means nobody knows yet and a person must look; grey: nothing happened.
STATE_COLOURS: dict[str, theme.StatusColour] = {
    EntryState.APPROVED.value: theme.APPROVED,
    EntryState.DECLINED.value: theme.DECLINED,
    EntryState.ERROR.value: theme.DECLINED,
    EntryState.UNKNOWN.value: theme.UNKNOWN,
    EntryState.PENDING.value: theme.INFO,
    EntryState.ENROLLED.value: theme.CUSTOMER,
    EntryState.AWAITING_CUSTOMER.value: theme.CUSTOMER,
    EntryState.NOT_CHARGED.value: theme.NEUTRAL,
    EntryState.CANCELLED.value: theme.NEUTRAL,
    # Money that moved and came back: grey like "nothing happened"; teal while part of it is still held.
    VOIDED: theme.NEUTRAL,
    REFUNDED: theme.NEUTRAL,
    PARTLY_REFUNDED: theme.PARTIAL,
    REFUSED: theme.NEUTRAL,
}

def settlement_key(entry: Entry, children: Sequence[Entry]) -> str | None:
    """:data:`VOIDED`, :data:`REFUNDED` or :data:`PARTLY_REFUNDED` for an approved payment voided or refunded
    afterwards, ``None`` otherwise (the row reads as its own state): :attr:`Balance.settlement`'s key."""
    settled = Balance.of(entry, children).settlement
    return settled.value if settled is not None else None


def row_key(entry: Entry, children: Sequence[Entry] = ()) -> str:
    """What a row reads as (a key of the state words and colours): an approved void or refund row is
    :data:`VOIDED` / :data:`REFUNDED`; a refused void, refund or capture is :data:`REFUSED`; a payment voided
    or refunded afterwards is its :func:`settlement_key`; anything else its journal state."""
    return _own_key(entry) or settlement_key(entry, children) or entry.state.value


def _own_key(entry: Entry) -> str | None:
    """What ``entry`` reads as whatever its children: :data:`VOIDED` / :data:`REFUNDED` for an approved void or
    refund row, :data:`REFUSED` for a refused void, refund or capture; ``None`` otherwise."""
    if entry.state is EntryState.APPROVED and entry.kind in _RETURN_KEYS:
        return _RETURN_KEYS[entry.kind]
    if entry.state is EntryState.ERROR and entry.kind in _FOLLOW_UP_KINDS:
        return REFUSED
    return None


def row_state_text(entry: Entry, children: Sequence[Entry] = ()) -> str:
    """The state words of :func:`row_key` in the cashier's language (VOIDED, REFUNDED, REFUSED, APPROVED...)."""
    return _state_words(row_key(entry, children), entry.state)


def _state_words(key: str, state: EntryState) -> str:
    if key in SETTLEMENT_LABELS:
        return _translate(SETTLEMENT_LABELS[key])
    if key == REFUSED:
        return _translate(REFUSED_LABEL)
    return state_text(state)


def returned_text(entry: Entry, locale: QLocale | None = None) -> str:
    """For an approved void or refund row: the amount that went back to the card, as a sentence; else ``""``."""
    if row_key(entry) not in (VOIDED, REFUNDED):
        return ""
    return QCoreApplication.translate("JournalModel", "{amount} returned to the card").format(
        amount=money_text(entry.amount, entry.currency, locale or QLocale()))


def kind_text(kind: EntryKind) -> str:
    return _translate(KIND_LABELS.get(kind, kind.value))


def state_text(state: EntryState) -> str:
    return _translate(STATE_LABELS.get(state, state.value.upper()))


def _translate(text: str) -> str:
    return QCoreApplication.translate("JournalModel", text)


def local_time_text(moment: dt.datetime | None, locale: QLocale | None = None) -> str:
    """A stored UTC time as the cashier's local date and time, in the locale's short format."""
    if moment is None:
        return ""
    locale = locale or QLocale()
    stamp = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000)).toLocalTime()
    return locale.toString(stamp, QLocale.FormatType.ShortFormat)


def card_text(entry: Entry) -> str:
    if not entry.masked_pan:
        return ""
    return f"{entry.masked_pan} {entry.card_brand}" if entry.card_brand else entry.masked_pan


class JournalColumn:
    TIME, KIND, ORDER_ID, AMOUNT, BALANCE, STATE, CARD, AUTH_CODE, RESULT, RESOLUTION, OPERATOR = range(11)


COLUMN_TITLES = (QT_TRANSLATE_NOOP("JournalModel", "Time"), QT_TRANSLATE_NOOP("JournalModel", "Kind"),
                 QT_TRANSLATE_NOOP("JournalModel", "Order ID"), QT_TRANSLATE_NOOP("JournalModel", "Amount"),
                 QT_TRANSLATE_NOOP("JournalModel", "Balance"), QT_TRANSLATE_NOOP("JournalModel", "State"),
                 QT_TRANSLATE_NOOP("JournalModel", "Card"), QT_TRANSLATE_NOOP("JournalModel", "Auth code"),
                 QT_TRANSLATE_NOOP("JournalModel", "Result"), QT_TRANSLATE_NOOP("JournalModel", "Resolution"),
                 QT_TRANSLATE_NOOP("JournalModel", "Operator"))

#: Role carrying the :class:`Entry` of a row (for actions and details).
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ANSWERED_ROLES = frozenset({_DISPLAY, _ACCESSIBLE, _TOOLTIP, _ALIGNMENT, int(ENTRY_ROLE), BADGE_ROLE})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_RIGHT_COLUMNS = frozenset({JournalColumn.AMOUNT, JournalColumn.BALANCE})
_ELIDED_COLUMNS = frozenset({JournalColumn.RESULT, JournalColumn.RESOLUTION, JournalColumn.OPERATOR,
                             JournalColumn.CARD})


class _Cells:
    """What one row shows: its entry, every column's text, its badge key and its state tooltip."""

    __slots__ = ("entry", "texts", "key", "state_tooltip")

    def __init__(self, entry: Entry, texts: tuple[str, ...], key: str, state_tooltip: str | None) -> None:
        self.entry, self.texts, self.key, self.state_tooltip = entry, texts, key, state_tooltip


class _Page:
    """Rows read together: their entries, their children by parent id, and their cells once shown."""

    __slots__ = ("entries", "children", "cells")

    def __init__(self, entries: list[Entry], children: Mapping[int, Sequence[Entry]]) -> None:
        self.entries, self.children = entries, children
        self.cells: list[_Cells | None] = [None] * len(entries)


#: Rows read together when the view first shows one of them (one query for the rows, one for their children).
#: About a screen and a half: a jump of the scroll bar shows rows of at most two pages, read on the UI thread
#: (~50 us a row here), so a page of 100 cost up to 200 rows (~10 ms) for the ~20 rows on screen.
PAGE_SIZE = 32
#: Rows of pages already read that paints format in one event-loop turn; the others paint empty until the
#: next turns format them (:meth:`JournalTableModel.painted_text`).
PAINT_FORMAT_ROWS = 6
#: Rows a paint left empty that one step of :meth:`JournalTableModel._read_deferred` formats (~0.1 ms a row).
DEFERRED_FORMAT_ROWS = 8
#: Money texts kept by the model (amounts that equal as Decimals format alike: quantized to the currency).
_MAX_MONEY_TEXTS = 4096
#: Pages kept; the least recently shown is dropped beyond this (memory stays flat however far one scrolls).
MAX_PAGES = 120

#: ``load(ids)``: the entries of ``ids`` (in that order) and their children (``Journal.entries`` and
#: ``Journal.children_of``), read on the UI thread for one page: :data:`PAGE_SIZE` rows by primary key, ~2 ms.
PageLoader = Callable[[Sequence[int]], tuple[Sequence[Entry], Mapping[int, Sequence[Entry]]]]


class FirstPage:
    """The first page of a listing not shown yet (:meth:`JournalTableModel.first_page`)."""

    __slots__ = ("_model", "_page", "_formatted")

    def __init__(self, model: "JournalTableModel", page: _Page) -> None:
        self._model, self._page, self._formatted = model, page, 0

    @property
    def formatted(self) -> bool:
        """Whether every row is formatted."""
        return self._formatted >= len(self._page.entries)

    def format(self, rows: int, formatted: Callable[[tuple[str, ...]], None] | None = None) -> bool:
        """Format the next ``rows`` rows (``formatted`` is given each one's texts); whether every row is
        formatted now."""
        page, stop = self._page, min(len(self._page.entries), self._formatted + rows)
        for offset in range(self._formatted, stop):
            cells = page.cells[offset]
            if cells is None:
                entry = page.entries[offset]
                cells = page.cells[offset] = self._model._format(entry, page.children.get(entry.id, ()))
            if formatted is not None:
                formatted(cells.texts)
        self._formatted = stop
        return stop >= len(page.entries)


class JournalTableModel(TitledTableModel):
    """Rows of journal entries in the order given (the tab passes newest first). Read-only.

    Two ways to fill it: :meth:`set_entries` (the rows themselves: a few, as tests and dialogs have them)
    or :meth:`set_ids` (every matching row's id, however many, read on the journal's reader thread, and
    ``load`` to read a page of :data:`PAGE_SIZE` rows when the view first shows one of them). Only the
    pages on screen lately are kept (:data:`MAX_PAGES`), so 100,000 rows cost 100,000 ids, not entries.

    Titles and headers come from :class:`~klogs_desk.ui.table_model.TitledTableModel` (and ``flags`` from
    Qt's C++ base); ``data`` and ``multiData`` are answered here from each row's cells made once (a paint
    asks for every cell).
    """

    CONTEXT = "JournalModel"
    TITLES = COLUMN_TITLES

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: Sequence[int] = ()
        #: page number -> its rows; the least recently shown first.
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self._load: PageLoader | None = None
        self._locale = QLocale()
        #: (amount, currency) -> its text in ``_locale``: a shop's prices repeat, and a Balance that is still
        #: the whole amount reads as the Amount column (formatting one is ~25 us, a third of a row's texts).
        self._money: dict[tuple[Decimal | None, str | None], str] = {}
        #: Pages a paint wanted before they were read: page number -> (first, last) row it painted empty.
        #: Read, then formatted a few rows per turn (:meth:`_read_deferred`), then repainted (:meth:`painted_text`).
        self._deferred: OrderedDict[int, tuple[int, int]] = OrderedDict()
        self._deferred_timer = QTimer(self)
        self._deferred_timer.setInterval(0)  # a timer event: after the repaint already asked for
        self._deferred_timer.timeout.connect(self._read_deferred)
        #: Rows read and formatted by the last step of :meth:`_read_deferred`, told to the view at the next.
        self._read_rows: tuple[int, int] | None = None
        #: Rows of read pages formatted by paints since the timer last fired (:meth:`painted_text`).
        self._painted_formats = 0
        #: The rows the view shows now, (first, last) (:meth:`set_visible_rows`).
        self._visible_rows: Callable[[], tuple[int, int]] | None = None

    def set_visible_rows(self, visible: Callable[[], tuple[int, int]] | None) -> None:
        """``visible()``: the first and last row the view shows now. Rows a paint left empty that are out
        of view when their turn comes are not read nor formatted (:meth:`_read_deferred`): a paint shows
        them again when they come back into view. Without it every row a paint left empty is filled.

        Why: the scroll bar dragged (bench_stalls.py's 50 jumps: a jump a turn) left a page a jump to
        read, and they were read and formatted one after another for ~100 turns after the thumb stopped,
        rows nobody saw, each step sharing its turn with whatever the cashier did next (the search typed)."""
        self._visible_rows = visible

    def set_entries(self, entries: Sequence[Entry], children: Mapping[int, Sequence[Entry]] | None = None) -> None:
        """Show ``entries``; ``children`` maps a row's id to its child rows (``Journal.children_of``) so
        voided and refunded payments read as such. Without it every row reads as its own state."""
        entries = list(entries)
        children = dict(children or {})
        self.beginResetModel()
        self._deferred.clear()
        self._read_rows = None
        self._ids = [e.id for e in entries]
        self._load = None
        self._pages = OrderedDict(
            (n, _Page(entries[start:start + PAGE_SIZE], children))
            for n, start in enumerate(range(0, len(entries), PAGE_SIZE)))
        self.endResetModel()

    def set_ids(self, ids: Sequence[int], load: PageLoader,
                first: "tuple[Sequence[Entry], Mapping[int, Sequence[Entry]]] | FirstPage | None" = None) -> None:
        """Show the rows of ``ids`` (in that order), read a page at a time with ``load``; ``first``: the
        first page already read (the tab reads it on the reader thread with the ids), as entries and their
        children or as a :class:`FirstPage` whose rows may be formatted already (:meth:`first_page`)."""
        self.beginResetModel()
        self._deferred.clear()
        self._read_rows = None
        self._ids = ids
        self._load = load
        self._pages = OrderedDict()
        if isinstance(first, FirstPage):
            self._pages[0] = first._page
        elif first is not None:
            self._pages[0] = _Page(list(first[0]), first[1])
        self.endResetModel()

    def first_page(self, entries: Sequence[Entry], children: Mapping[int, Sequence[Entry]]) -> "FirstPage":
        """The first page of a listing not shown yet, for :meth:`set_ids`: its rows can be formatted a few
        at a time (:meth:`FirstPage.format`) in turns of their own before it is shown, so that showing it
        (and fitting the columns to it) formats nothing."""
        return FirstPage(self, _Page(list(entries), children))

    def ids(self) -> Sequence[int]:
        """The ids of every row shown, in row order."""
        return self._ids

    def row_of(self, entry_id: int) -> int | None:
        """The row showing ``entry_id``, or ``None``."""
        try:
            return self._ids.index(entry_id)  # type: ignore[union-attr]  # a list or a tuple
        except ValueError:
            return None

    def _page(self, row: int) -> "_Page":
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            start = number * PAGE_SIZE
            wanted = list(self._ids[start:start + PAGE_SIZE])
            assert self._load is not None  # set_entries keeps every page
            entries, children = self._load(wanted)
            by_id = {e.id: e for e in entries}
            # A row always has an entry: the journal never deletes rows, so every id is found.
            page = self._pages[number] = _Page([by_id[i] for i in wanted], children)
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def _entry_and_children(self, row: int) -> tuple[Entry, Sequence[Entry]]:
        page = self._page(row)
        entry = page.entries[row % PAGE_SIZE]
        return entry, page.children.get(entry.id, ())

    def settlement(self, row: int) -> str | None:
        """:func:`settlement_key` of ``row`` (``None`` when the payment was not voided or refunded)."""
        return settlement_key(*self._entry_and_children(row))

    def balance(self, row: int) -> Balance:
        """What is left of ``row``'s payment and what can still be done with it (its child rows counted)."""
        return Balance.of(*self._entry_and_children(row))

    def entry(self, row: int) -> Entry:
        return self._entry_and_children(row)[0]

    def entries(self) -> list[Entry]:
        """Every row's entry (reads every page not kept: for a few rows, not for 100,000)."""
        return [self.entry(row) for row in range(len(self._ids))]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        return self._answer(self._cells(row), index.column(), role)

    def multiData(self, index: QModelIndex | QPersistentModelIndex, role_data_span) -> None:  # type: ignore[no-untyped-def]  # a QModelRoleDataSpan
        """Every role a delegate asks for, in one call (Qt 6's item delegates ask seven roles per cell at
        once). Same answers as :meth:`data`."""
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._ids):
            return
        cells, column = self._cells(row), index.column()
        for position in range(len(role_data_span)):
            role_data = role_data_span[position]
            role = role_data.role()
            if role in _ANSWERED_ROLES:
                role_data.setData(self._answer(cells, column, role))

    def display_text(self, row: int, column: int) -> str | None:
        """What ``data(index(row, column), DisplayRole)`` answers, without building an index (the table's
        :class:`~klogs_desk.ui.plain_text_delegate.PlainTextDelegate` asks this for every cell it paints)."""
        return self._cells(row).texts[column] if 0 <= row < len(self._ids) else None

    def painted_text(self, row: int, column: int) -> str | None:
        """:meth:`display_text` for a delegate painting the cell: a row whose page is not read yet paints
        empty in this turn, and its page is read and its rows formatted in a later one, then repainted.

        Why: a jump of the scroll bar to rows never shown read a page (~3.5 ms on a small till), formatted
        its rows (~2 ms) and painted the screen (~10 ms) in one event-loop turn (~19 ms, over a frame). Now
        the jump's turn only paints; the page's read and formatting are the next turn's, its repaint a
        later one. Everything else (data, display_text, the dialogs, fitting the columns) reads at once."""
        if not 0 <= row < len(self._ids):
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None and self._load is not None:
            self._defer(number, row)
            return None
        if page is not None and page.cells[row % PAGE_SIZE] is None and column == 0:
            # A row of a page read but not formatted yet (read for another row, or for the column fitting):
            # at most PAINT_FORMAT_ROWS such rows are formatted by paints in one turn, the rest later.
            if self._painted_formats >= PAINT_FORMAT_ROWS:
                self._defer(number, row)
                return None
            self._painted_formats += 1
            if not self._deferred_timer.isActive():
                self._deferred_timer.start()  # its next event starts a new turn's count
        elif page is not None and page.cells[row % PAGE_SIZE] is None and number in self._deferred:
            first, last = self._deferred[number]
            if first <= row <= last:
                return None  # the row's first cell was deferred in this paint
        return self._cells(row).texts[column]

    def painted_texts(self, row: int) -> tuple[str, ...] | None:
        """The row's texts, one per column, for a delegate painting the whole row, as :meth:`painted_text`
        answers them (``None``: the row paints empty in this turn, its page read or its row formatted in a
        later one). The same tuple comes back while the row is unchanged (it is kept with its page)."""
        if self.painted_text(row, 0) is None:
            return None
        return self._cells(row).texts

    def formatted_texts(self, row: int) -> tuple[str, ...] | None:
        """The row's texts if its page is read and the row formatted (what :meth:`painted_texts` would
        answer), else ``None``; never reads nor formats."""
        page = self._pages.get(row // PAGE_SIZE) if 0 <= row < len(self._ids) else None
        cells = page.cells[row % PAGE_SIZE] if page is not None else None
        return cells.texts if cells is not None else None

    def _defer(self, number: int, row: int) -> None:
        first, last = self._deferred.get(number, (row, row))
        self._deferred[number] = (min(first, row), max(last, row))
        if not self._deferred_timer.isActive():
            self._deferred_timer.start()

    def _read_deferred(self) -> None:
        """One step per timer event, each a small part of filling the rows a paint left empty
        (:meth:`painted_text`): tell the view about rows formatted at the previous steps (they are repainted
        in the turn after), or else read the page a paint wanted (the first waiting), or else format
        :data:`DEFERRED_FORMAT_ROWS` of the rows it painted empty. Telling the view in the read's own step
        put the read and the repaint between the same two ticks of bench_stalls.py's heartbeat (the repaint
        comes first in the next pass); reading the page and formatting its rows in one step (~4-6 ms here)
        made a turn of its own that the next paint (the next page scrolled to) often shared."""
        self._painted_formats = 0
        if self._read_rows is not None:
            first, last = self._read_rows
            self._read_rows = None
            if last < len(self._ids):
                self._repaint_rows(first, last)
            if not self._deferred:
                self._deferred_timer.stop()
            return
        shown = self._visible_rows() if self._visible_rows is not None else None
        while self._deferred:
            number, (first, last) = next(iter(self._deferred.items()))
            if shown is not None:  # only the rows still on screen
                first, last = max(first, shown[0]), min(last, shown[1])
            if last >= len(self._ids) or first > last:
                del self._deferred[number]
                continue
            page = self._pages.get(number)
            if page is None:
                self._page(first)  # this step: the read; the formatting in the next ones
                return
            self._pages.move_to_end(number)
            budget = DEFERRED_FORMAT_ROWS
            for row in range(first, last + 1):
                if page.cells[row % PAGE_SIZE] is None:
                    if budget == 0:
                        return  # the rest in the next step
                    self._cells(row)
                    budget -= 1
            del self._deferred[number]
            self._read_rows = (first, last)
            return
        self._deferred_timer.stop()

    def _repaint_rows(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMN_TITLES) - 1))

    def _answer(self, cells: "_Cells", column: int, role: int) -> Any:
        if role == _DISPLAY or role == _ACCESSIBLE:
            return cells.texts[column]
        if role == ENTRY_ROLE:
            return cells.entry
        if role == _TOOLTIP:
            if column == JournalColumn.STATE:
                return cells.state_tooltip
            if column in _ELIDED_COLUMNS:  # may be cut short with "…": the whole text on hover
                return cells.texts[column] or None
            return None
        if role == BADGE_ROLE:
            return cells.key if column == JournalColumn.STATE else None
        return _RIGHT if column in _RIGHT_COLUMNS else None  # TextAlignmentRole

    def _cells(self, row: int) -> "_Cells":
        """The row's texts, badge key and state tooltip, formatted the first time the row is shown and kept
        with its page."""
        page = self._page(row)
        offset = row % PAGE_SIZE
        cells = page.cells[offset]
        if cells is None:
            entry = page.entries[offset]
            cells = page.cells[offset] = self._format(entry, page.children.get(entry.id, ()))
        return cells

    def _format(self, entry: Entry, children: Sequence[Entry]) -> "_Cells":
        """The row's cells; its balance and what it reads as are worked out once for all of them (as
        :func:`row_key`, :func:`row_state_text` and :func:`returned_text` would each work them out)."""
        balance = Balance.of(entry, children)
        settled = balance.settlement
        own = _own_key(entry)
        key = own or (settled.value if settled is not None else None) or entry.state.value
        returned = own in (VOIDED, REFUNDED)  # a void or refund row: money going back to the card
        texts = tuple(self._text(entry, column, balance, key, returned) for column in range(len(COLUMN_TITLES)))
        return _Cells(entry, texts, key, self._state_tooltip(entry, settled, returned))

    def _state_tooltip(self, entry: Entry, settled: Settlement | None, returned: bool) -> str | None:
        if returned:  # a void or refund row (few): the sentence as the receipt words it
            return returned_text(entry, self._locale)
        if settled is not None:
            return _translate(SETTLEMENT_TOOLTIPS[settled.value])
        if entry.state is EntryState.UNKNOWN:
            return QCoreApplication.translate(
                "JournalModel", "The request was sent but no answer came back. The card may or may not have "
                                "been charged: check it before charging again.")
        return None

    def _money_text(self, amount: Decimal | None, currency: str | None) -> str:
        text = self._money.get((amount, currency))
        if text is None:
            if len(self._money) >= _MAX_MONEY_TEXTS:
                self._money.clear()
            text = self._money[(amount, currency)] = money_text(amount, currency, self._locale)
        return text

    def _text(self, entry: Entry, column: int, balance: Balance, key: str, returned: bool) -> str:
        if column == JournalColumn.TIME:
            return local_time_text(entry.created_at, self._locale)
        if column == JournalColumn.KIND:
            text = kind_text(entry.kind)
            return f"{text} ({entry.installment_count} installments)" if (entry.installment_count or 0) > 1 else text
        if column == JournalColumn.ORDER_ID:
            return entry.reference
        if column == JournalColumn.AMOUNT:
            amount = self._money_text(entry.amount, entry.currency)
            # Money going back to the card is shown as such: a minus sign (U+2212), not a new charge.
            return f"\u2212{amount}" if returned else amount
        if column == JournalColumn.BALANCE:
            return self._money_text(balance.remaining, entry.currency)
        if column == JournalColumn.STATE:
            return _state_words(key, entry.state)
        if column == JournalColumn.CARD:
            return card_text(entry)
        if column == JournalColumn.AUTH_CODE:
            return entry.auth_code or ""
        if column == JournalColumn.RESULT:  # message codes and the gateway's known words in the cashier's language
            return render_result(entry.result_message) if entry.result_message else render(entry.note)
        if column == JournalColumn.RESOLUTION:
            return render(entry.resolution)
        if column == JournalColumn.OPERATOR:  # who made the row, and who approved it if a manager had to
            who = entry.operator or ""
            # "No PIN required" is nobody's approval: nothing to add (it read ", approved by no PIN required").
            if (entry.approved_by and entry.approved_by != APPROVED_BY_NO_PIN and entry.approved_by != who
                    and entry.kind in (EntryKind.VOID, EntryKind.REFUND)):
                manager = render(approval_message(entry.approved_by))
                if not who:  # nobody signed in (training without operators)
                    return QCoreApplication.translate("JournalModel", "approved by {manager}").format(manager=manager)
                who = QCoreApplication.translate("JournalModel", "{operator}, approved by {manager}").format(
                    operator=who, manager=manager)
            return who
        return ""
