"""The skeleton the journal's two tables share: read-only rows, translated column titles, and which
item-data role answers what.

:class:`ReadOnlyTableModel` answers ``columnCount``, ``headerData``, ``flags`` and ``data``; a subclass says
only what differs: its titles and their translation context, which columns hold money (right-aligned) and
which the state badge, the role carrying a row's object, and how one row reads (:meth:`~ReadOnlyTableModel._row`,
``_text``, ``_tooltip``, ``_badge_key``). How rows are loaded and counted (``rowCount``) stays with the
subclass: this class asks ``rowCount`` and ``_row`` only for rows the view shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from .badges import BADGE_ROLE

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ReadOnlyTableModel(QAbstractTableModel):
    """A read-only table of rows (see the module docstring for what a subclass gives)."""

    #: Translation context of :attr:`TITLES` (the subclass's, so lupdate files them where they were).
    CONTEXT: str = ""
    #: Column titles, marked with ``QT_TRANSLATE_NOOP(CONTEXT, ...)``, one per column.
    TITLES: tuple[str, ...] = ()
    #: Columns holding amounts: right-aligned so the digits line up.
    MONEY_COLUMNS: frozenset[int] = frozenset()
    #: The column drawn as a state badge (:data:`~klogs_desk.ui.badges.BADGE_ROLE` answers there only).
    STATE_COLUMN: int = -1
    #: The role that returns a row's object (:meth:`_row_value`) for actions and details.
    ROW_ROLE: int = int(Qt.ItemDataRole.UserRole)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.TITLES):
                return QCoreApplication.translate(self.CONTEXT, self.TITLES[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

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
