"""The skeleton the journal's two tables share, in two layers.

* :class:`TitledTableModel`: read-only cells under translated column titles (``columnCount`` and
  ``headerData``). ``flags`` is left to Qt's C++ ``QAbstractTableModel`` (enabled and selectable, which is
  what a read-only table wants): a Python ``flags`` is a Python call per painted cell. This till's journal,
  :class:`~klogs_desk.ui.journal_model.JournalTableModel`, builds on it and answers ``data`` from rows it
  formats once and keeps (a paint asks for every cell).
* :class:`ReadOnlyTableModel`: also answers ``data`` from a few hooks; a subclass says only what differs:
  which columns hold money (right-aligned) and which the state badge, the role carrying a row's object,
  and how one row reads (:meth:`~ReadOnlyTableModel._row`, ``_text``, ``_tooltip``, ``_badge_key``). The
  shop's journal (:class:`~klogs_desk.ui.shop_journal_model.ShopJournalModel`, at most a thousand rows)
  builds on it.

How rows are loaded and counted (``rowCount``) stays with the subclass: these classes ask ``rowCount`` and
``_row`` only for rows the view shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from .badges import BADGE_ROLE

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class TitledTableModel(QAbstractTableModel):
    """Read-only cells under translated column titles (see the module docstring)."""

    #: Translation context of :attr:`TITLES` (the subclass's, so lupdate files them where they were).
    CONTEXT: str = ""
    #: Column titles, marked with ``QT_TRANSLATE_NOOP(CONTEXT, ...)``, one per column.
    TITLES: tuple[str, ...] = ()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.TITLES):
                return QCoreApplication.translate(self.CONTEXT, self.TITLES[section])
        return None


class ReadOnlyTableModel(TitledTableModel):
    """A read-only table answering ``data`` from per-row hooks (see the module docstring)."""

    #: Columns holding amounts: right-aligned so the digits line up.
    MONEY_COLUMNS: frozenset[int] = frozenset()
    #: The column drawn as a state badge (:data:`~klogs_desk.ui.badges.BADGE_ROLE` answers there only).
    STATE_COLUMN: int = -1
    #: The role that returns a row's object (:meth:`_row_value`) for actions and details.
    ROW_ROLE: int = int(Qt.ItemDataRole.UserRole)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = self._row(index.row())
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == self.ROW_ROLE:
            return self._row_value(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == BADGE_ROLE and column == self.STATE_COLUMN:
            return self._badge_key(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.MONEY_COLUMNS:
            return _RIGHT
        return None

    # --- what a subclass says about one row ---------------------------------------------------------------

    def _row(self, row: int) -> Any:
        """What the other hooks are given for ``row`` (read once per ``data`` call)."""
        raise NotImplementedError

    def _row_value(self, row: Any) -> Any:
        """What :attr:`ROW_ROLE` returns; the row itself unless the subclass says otherwise."""
        return row

    def _text(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def _tooltip(self, row: Any, column: int) -> str | None:
        return None

    def _badge_key(self, row: Any) -> str | None:
        return None
