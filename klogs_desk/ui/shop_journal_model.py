"""The Journal's "all tills" view: every till's rows from the shop database, with a Till column.

Read-only, like :class:`~klogs_desk.ui.journal_model.JournalTableModel`, and reading the same way (kinds,
states, money, cards from that module). Balances are the shop's (:func:`klogs_desk.shop.reports.shop_balance`:
every till's voids and refunds of a payment counted), given by the tab with the rows.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QModelIndex, QPersistentModelIndex, Qt

from ..domain.balances import Balance
from ..shop.server import ShopEntry
from .journal_model import card_text, kind_text, local_time_text, row_key, row_state_text
from .messages import render, render_result
from .money_text import money_text
from .table_model import ReadOnlyTableModel


class ShopColumn:
    TILL, TIME, KIND, ORDER_ID, AMOUNT, BALANCE, STATE, CARD, RESULT, OPERATOR = range(10)


SHOP_COLUMN_TITLES = (QT_TRANSLATE_NOOP("ShopJournalModel", "Till"), QT_TRANSLATE_NOOP("ShopJournalModel", "Time"),
                      QT_TRANSLATE_NOOP("ShopJournalModel", "Kind"), QT_TRANSLATE_NOOP("ShopJournalModel", "Order ID"),
                      QT_TRANSLATE_NOOP("ShopJournalModel", "Amount"), QT_TRANSLATE_NOOP("ShopJournalModel", "Balance"),
                      QT_TRANSLATE_NOOP("ShopJournalModel", "State"), QT_TRANSLATE_NOOP("ShopJournalModel", "Card"),
                      QT_TRANSLATE_NOOP("ShopJournalModel", "Result"),
                      QT_TRANSLATE_NOOP("ShopJournalModel", "Operator"))

SHOP_ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2


class ShopJournalModel(ReadOnlyTableModel):
    """Every till's rows, newest first as the tab gives them, with the shop's balances. Read-only."""

    CONTEXT = "ShopJournalModel"
    TITLES = SHOP_COLUMN_TITLES
    MONEY_COLUMNS = frozenset({ShopColumn.AMOUNT, ShopColumn.BALANCE})
    STATE_COLUMN = ShopColumn.STATE
    ROW_ROLE = SHOP_ENTRY_ROLE

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ShopEntry] = []
        self._balances: Mapping[tuple[str, int], Balance] = {}
        self._locale = QLocale()

    def set_rows(self, rows: Sequence[ShopEntry], balances: Mapping[tuple[str, int], Balance]) -> None:
        self.beginResetModel()
        self._rows, self._balances = list(rows), dict(balances)
        self.endResetModel()

    def row(self, index: int) -> ShopEntry:
        return self._rows[index]

    def rows(self) -> list[ShopEntry]:
        return list(self._rows)

    def balance(self, index: int) -> Balance:
        return self._balance_of(self._rows[index])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def _row(self, row: int) -> ShopEntry:
        return self._rows[row]

    def _balance_of(self, row: ShopEntry) -> Balance:
        return self._balances.get(row.key) or Balance.of(row.entry)

    def _badge_key(self, row: ShopEntry) -> str:
        balance = self._balance_of(row)
        return row_key(balance.entry, balance.children)

    def _tooltip(self, row: ShopEntry, column: int) -> str | None:
        if column in (ShopColumn.RESULT, ShopColumn.OPERATOR, ShopColumn.CARD):  # may be elided
            return self._text(row, column) or None
        return None

    def _text(self, row: ShopEntry, column: int) -> str:
        entry = row.entry
        if column == ShopColumn.TILL:
            return row.till
        if column == ShopColumn.TIME:
            return local_time_text(entry.created_at, self._locale)
        if column == ShopColumn.KIND:
            return kind_text(entry.kind)
        if column == ShopColumn.ORDER_ID:
            return entry.reference
        if column == ShopColumn.AMOUNT:
            return money_text(entry.amount, entry.currency, self._locale)
        if column == ShopColumn.BALANCE:
            return money_text(self._balance_of(row).remaining, entry.currency, self._locale)
        if column == ShopColumn.STATE:
            balance = self._balance_of(row)
            return row_state_text(balance.entry, balance.children)
        if column == ShopColumn.CARD:
            return card_text(entry)
        if column == ShopColumn.RESULT:
            return render_result(entry.result_message) if entry.result_message else render(entry.note)
        if column == ShopColumn.OPERATOR:
            return entry.operator or ""
        return ""
