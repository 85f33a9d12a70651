"""How journal entries read on screen: words for kinds and states, locale money, and the table model.

``JournalTableModel`` is a read-only view of a list of :class:`~klogs_desk.domain.journal.Entry`; the
journal tab fills it from :meth:`Journal.search` (newest first). The helpers at the top are shared with
the receipt and the other tabs of this package so one entry reads the same everywhere.

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
from typing import Any, Mapping, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ..domain.balances import Balance, Settlement
from ..domain.journal import Entry, EntryKind, EntryState
from ..services.transactions import APPROVED_BY_NO_PIN, approval_message
from . import theme
from .messages import render
from .money_text import money_text
from .table_model import ReadOnlyTableModel

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
    if entry.state is EntryState.APPROVED and entry.kind in _RETURN_KEYS:
        return _RETURN_KEYS[entry.kind]
    if entry.state is EntryState.ERROR and entry.kind in _FOLLOW_UP_KINDS:
        return REFUSED
    return settlement_key(entry, children) or entry.state.value


def row_state_text(entry: Entry, children: Sequence[Entry] = ()) -> str:
    """The state words of :func:`row_key` in the cashier's language (VOIDED, REFUNDED, REFUSED, APPROVED...)."""
    key = row_key(entry, children)
    if key in SETTLEMENT_LABELS:
        return _translate(SETTLEMENT_LABELS[key])
    if key == REFUSED:
        return _translate(REFUSED_LABEL)
    return state_text(entry.state)


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


class JournalTableModel(ReadOnlyTableModel):
    """Rows of journal entries in the order given (the tab passes newest first). Read-only."""

    CONTEXT = "JournalModel"
    TITLES = COLUMN_TITLES
    MONEY_COLUMNS = frozenset({JournalColumn.AMOUNT, JournalColumn.BALANCE})
    STATE_COLUMN = JournalColumn.STATE
    ROW_ROLE = ENTRY_ROLE

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._children: Mapping[int, Sequence[Entry]] = {}
        self._locale = QLocale()

    def set_entries(self, entries: Sequence[Entry], children: Mapping[int, Sequence[Entry]] | None = None) -> None:
        """Show ``entries``; ``children`` maps a row's id to its child rows (``Journal.children_of``) so
        voided and refunded payments read as such. Without it every row reads as its own state."""
        self.beginResetModel()
        self._entries = list(entries)
        self._children = dict(children or {})
        self.endResetModel()

    def settlement(self, row: int) -> str | None:
        """:func:`settlement_key` of ``row`` (``None`` when the payment was not voided or refunded)."""
        entry = self._entries[row]
        return settlement_key(entry, self._children.get(entry.id, ()))

    def balance(self, row: int) -> Balance:
        """What is left of ``row``'s payment and what can still be done with it (its child rows counted)."""
        entry = self._entries[row]
        return Balance.of(entry, self._children.get(entry.id, ()))

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def _row(self, row: int) -> tuple[Entry, Sequence[Entry]]:
        entry = self._entries[row]
        return entry, self._children.get(entry.id, ())

    def _row_value(self, row: tuple[Entry, Sequence[Entry]]) -> Entry:
        return row[0]

    def _tooltip(self, row: tuple[Entry, Sequence[Entry]], column: int) -> str | None:
        entry, children = row
        if column == JournalColumn.STATE and (returned := returned_text(entry, self._locale)):
            return returned
        if column == JournalColumn.STATE and (settled := settlement_key(entry, children)) is not None:
            return _translate(SETTLEMENT_TOOLTIPS[settled])
        if column == JournalColumn.STATE and entry.state is EntryState.UNKNOWN:
            return QCoreApplication.translate(
                "JournalModel", "The request was sent but no answer came back. The card may or may not have "
                                "been charged: check it before charging again.")
        if column in (JournalColumn.RESULT, JournalColumn.RESOLUTION, JournalColumn.OPERATOR,
                      JournalColumn.CARD):  # may be elided
            return self._text(row, column) or None
        return None

    def _badge_key(self, row: tuple[Entry, Sequence[Entry]]) -> str:
        return row_key(*row)

    def _text(self, row: tuple[Entry, Sequence[Entry]], column: int) -> str:
        entry, children = row
        if column == JournalColumn.TIME:
            return local_time_text(entry.created_at, self._locale)
        if column == JournalColumn.KIND:
            text = kind_text(entry.kind)
            return f"{text} ({entry.installment_count} installments)" if (entry.installment_count or 0) > 1 else text
        if column == JournalColumn.ORDER_ID:
            return entry.reference
        if column == JournalColumn.AMOUNT:
            amount = money_text(entry.amount, entry.currency, self._locale)
            # Money going back to the card is shown as such: a minus sign (U+2212), not a new charge.
            return f"\u2212{amount}" if row_key(entry) in (VOIDED, REFUNDED) else amount
        if column == JournalColumn.BALANCE:
            left = Balance.of(entry, children).remaining
            return money_text(left, entry.currency, self._locale)
        if column == JournalColumn.STATE:
            return row_state_text(entry, children)
        if column == JournalColumn.CARD:
            return card_text(entry)
        if column == JournalColumn.AUTH_CODE:
            return entry.auth_code or ""
        if column == JournalColumn.RESULT:  # message codes rendered in the cashier's language
            return render(entry.result_message or entry.note)
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
