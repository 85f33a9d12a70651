"""The Journal's "all tills" view: every till's rows from the shop database, with a Till column.

Read-only, like :class:`~klogs_desk.ui.journal_model.JournalTableModel`, and reading the same way (kinds,
states, money, cards from that module). Balances are the shop's (:func:`klogs_desk.shop.reports.shop_balance`:
every till's voids and refunds of a payment counted), given by the tab with the rows.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ..domain.balances import Balance
from ..shop.server import ShopEntry
from .badges import BADGE_ROLE
from .journal_model import card_text, kind_text, local_time_text, row_key, row_state_text
from .messages import render
from .money_text import money_text


class ShopColumn:
    TILL, TIME, KIND, ORDER_ID, AMOUNT, BALANCE, STATE, CARD, RESULT, OPERATOR = range(10)


SHOP_COLUMN_TITLES = (QT_TRANSLATE_NOOP("ShopJournalModel", "Till"), QT_TRANSLATE_NOOP("ShopJournalModel", "Time"),
                      QT_TRANSLATE_NOOP("ShopJournalModel", "Kind"), QT_TRANSLATE_NOOP("ShopJournalModel", "Order ID"),
                      QT_TRANSLATE_NOOP("ShopJournalModel", "Amount"), QT_TRANSLATE_NOOP("ShopJournalModel", "Balance"),
                      QT_TRANSLATE_NOOP("ShopJournalModel", "State"), QT_TRANSLATE_NOOP("ShopJournalModel", "Card"),
                      QT_TRANSLATE_NOOP("ShopJournalModel", "Result"),
                      QT_TRANSLATE_NOOP("ShopJournalModel", "Operator"))

SHOP_ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2


class ShopJournalModel(QAbstractTableModel):
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
        row = self._rows[index]
        return self._balances.get(row.key) or Balance.of(row.entry)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(SHOP_COLUMN_TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(SHOP_COLUMN_TITLES):
                return QCoreApplication.translate("ShopJournalModel", SHOP_COLUMN_TITLES[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(index.row(), row, index.column())
        if role == SHOP_ENTRY_ROLE:
            return row
        if role == BADGE_ROLE and index.column() == ShopColumn.STATE:
            balance = self.balance(index.row())
            return row_key(balance.entry, balance.children)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (ShopColumn.AMOUNT, ShopColumn.BALANCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, index: int, row: ShopEntry, column: int) -> str:
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
            return money_text(self.balance(index).remaining, entry.currency, self._locale)
        if column == ShopColumn.STATE:
            balance = self.balance(index)
            return row_state_text(balance.entry, balance.children)
        if column == ShopColumn.CARD:
            return card_text(entry)
        if column == ShopColumn.RESULT:
            return render(entry.result_message or entry.note)
        if column == ShopColumn.OPERATOR:
            return entry.operator or ""
        return ""
