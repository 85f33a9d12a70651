"""File ▸ Audit trail…: a manager's view of who did what, searchable and exportable, verified as it opens.

* ``auditChainStatus`` says "Chain intact (N records)" or "Broken at record N" from :meth:`AuditTrail.verify`,
  run when the view opens (a 100,000-record chain verifies in well under the 2 s the benchmark allows, so it
  runs on the spot rather than in the background); ``verified`` carries the result to the main window.
* ``auditSearch`` filters by action, operator, approver or details as the manager types.
* ``auditExport`` writes the records shown as CSV (0600, formula-safe) to a file the manager chooses; the
  export itself is recorded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import paths
from ..domain.audit import CHANGED, AuditRecord, Verification, export_csv
from ..services.audit import AUDIT_EXPORT, AuditTrail
from . import theme
from .journal_model import local_time_text

#: The actions this terminal records, as a manager reads them (others are shown by their code).
ACTION_NAMES = {
    "app.start": QT_TRANSLATE_NOOP("AuditDialog", "Terminal started"),
    "app.stop": QT_TRANSLATE_NOOP("AuditDialog", "Terminal stopped"),
    "settings.changed": QT_TRANSLATE_NOOP("AuditDialog", "Setting changed"),
    "environment.switch": QT_TRANSLATE_NOOP("AuditDialog", "Environment switched"),
    "settings.opened": QT_TRANSLATE_NOOP("AuditDialog", "Settings opened"),
    "sign-in": QT_TRANSLATE_NOOP("AuditDialog", "Signed in"),
    "sign-out": QT_TRANSLATE_NOOP("AuditDialog", "Signed out"),
    "sign-in.failed": QT_TRANSLATE_NOOP("AuditDialog", "Wrong PIN at sign-in"),
    "lock-out": QT_TRANSLATE_NOOP("AuditDialog", "Locked out after wrong PINs"),
    "unlock": QT_TRANSLATE_NOOP("AuditDialog", "Operator unlocked"),
    "idle-lock": QT_TRANSLATE_NOOP("AuditDialog", "Locked after idle time"),
    "idle-unlock": QT_TRANSLATE_NOOP("AuditDialog", "Unlocked"),
    "approval": QT_TRANSLATE_NOOP("AuditDialog", "Manager approval"),
    "permission.refused": QT_TRANSLATE_NOOP("AuditDialog", "Refused: not this operator's to do"),
    "operator.added": QT_TRANSLATE_NOOP("AuditDialog", "Operator added"),
    "operator.disabled": QT_TRANSLATE_NOOP("AuditDialog", "Operator disabled"),
    "operator.role-changed": QT_TRANSLATE_NOOP("AuditDialog", "Operator's role changed"),
    "operator.pin-reset": QT_TRANSLATE_NOOP("AuditDialog", "Operator's PIN reset"),
    "operator.pin-changed": QT_TRANSLATE_NOOP("AuditDialog", "Operator changed their PIN"),
    "void": QT_TRANSLATE_NOOP("AuditDialog", "Void"),
    "refund": QT_TRANSLATE_NOOP("AuditDialog", "Refund"),
    "capture": QT_TRANSLATE_NOOP("AuditDialog", "Capture"),
    "journal.csv-export": QT_TRANSLATE_NOOP("AuditDialog", "Journal exported (CSV)"),
    "audit.csv-export": QT_TRANSLATE_NOOP("AuditDialog", "Audit trail exported (CSV)"),
    "receipt.print": QT_TRANSLATE_NOOP("AuditDialog", "Receipt printed"),
    "receipt.pdf": QT_TRANSLATE_NOOP("AuditDialog", "Receipt saved as PDF"),
    "shift.close": QT_TRANSLATE_NOOP("AuditDialog", "Shift closed"),
    "day.close": QT_TRANSLATE_NOOP("AuditDialog", "Day closed"),
    "report.reprint": QT_TRANSLATE_NOOP("AuditDialog", "Closed report reopened"),
    "card.saved": QT_TRANSLATE_NOOP("AuditDialog", "Card saved by its owner (gateway webhook)"),
}
_COLUMNS = (QT_TRANSLATE_NOOP("AuditDialog", "No."), QT_TRANSLATE_NOOP("AuditDialog", "Time"),
            QT_TRANSLATE_NOOP("AuditDialog", "Action"), QT_TRANSLATE_NOOP("AuditDialog", "Operator"),
            QT_TRANSLATE_NOOP("AuditDialog", "Approved by"), QT_TRANSLATE_NOOP("AuditDialog", "Details"),
            QT_TRANSLATE_NOOP("AuditDialog", "Training"))


def action_text(action: str) -> str:
    name = ACTION_NAMES.get(action)
    return QCoreApplication.translate("AuditDialog", name) if name else action


def details_text(record: AuditRecord) -> str:
    """``key: value`` pairs; a setting change as ``setting: old → new``."""
    details = record.details
    if "setting" in details and details.get("new") == CHANGED:  # a secret: never a value, only that it changed
        changed = QCoreApplication.translate("AuditDialog", "changed")
        return f"{details['setting']}: {changed}"
    if "setting" in details and "new" in details:
        return f"{details['setting']}: {_value(details.get('old'))} → {_value(details['new'])}"
    return ", ".join(f"{key}: {_value(value)}" for key, value in details.items())


def _value(value: Any) -> str:
    return "—" if value is None or value == "" else str(value)


class AuditTableModel(QAbstractTableModel):
    """The records shown, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records: list[AuditRecord] = []

    def set_records(self, records: list[AuditRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[AuditRecord]:
        return list(self._records)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(_COLUMNS):
            return QCoreApplication.translate("AuditDialog", _COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return str(record.seq)
            if column == 1:
                return local_time_text(record.at)
            if column == 2:
                return action_text(record.action)
            if column == 3:
                return record.operator or ""
            if column == 4:
                return record.approver or ""
            if column == 5:
                return details_text(record)
            if column == 6:
                return QCoreApplication.translate("AuditDialog", "yes") if record.training else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AuditDialog(QDialog):
    """``AuditDialog(trail)``; ``verified(Verification)`` after the check that runs as it opens."""

    verified = Signal(object)

    def __init__(self, trail: AuditTrail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(980, 560)
        self.trail = trail

        self.status = QLabel(objectName="auditChainStatus")
        self.status.setAccessibleName(self.tr("Audit trail verification"))
        self.status.setWordWrap(True)
        self.search = QLineEdit(objectName="auditSearch")
        self.search.setPlaceholderText(self.tr("Search actions, names and details"))
        self.search.setAccessibleName(self.tr("Search the audit trail"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export CSV…"), objectName="auditExport")
        self.export_button.setAccessibleName(self.tr("Export the records shown as CSV"))
        self.export_button.clicked.connect(self.export)
        self.export_status = QLabel(objectName="auditExportStatus")
        self.export_status.setWordWrap(True)

        self.model = AuditTableModel(self)
        self.table = QTableView(objectName="auditTable")
        self.table.setAccessibleName(self.tr("Audit records"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.export_status)
        layout.addWidget(buttons)
        self.verify()
        self.refresh()

    def verify(self) -> Verification:
        result = self.trail.verify()
        colours = theme.text_colours(self.palette())
        if result.intact:
            self.status.setText(self.tr("Chain intact: {count} records, none altered, deleted or reordered.")
                                .format(count=result.records))
            colour = colours.ok
        else:
            self.status.setText(self.tr("Broken at record {number}: the audit trail was altered there. Records "
                                        "from that one on cannot be trusted.").format(number=result.broken_at))
            colour = colours.error
        self.status.setStyleSheet(f"QLabel#auditChainStatus {{ color: {colour}; font-weight: 600; }}")
        self.verified.emit(result)
        self.last_verification = result
        return result

    def refresh(self) -> None:
        self.model.set_records(self.trail.log.records(text=self.search.text().strip() or None))

    def export(self) -> Path | None:
        default = paths.app_home() / f"audit-{dt.date.today().isoformat()}.csv"
        target = self.choose_export_path(default)
        if not target:
            return None
        try:
            count = export_csv(target, self.model.records())
        except OSError as exc:
            self.export_status.setText(self.tr("Could not write {path}: {reason}.").format(
                path=target, reason=exc.strerror or exc))
            return None
        self.trail.record(AUDIT_EXPORT, details={"rows": count, "file": Path(target).name})
        self.export_status.setText(self.tr("Exported {count} records to {path}").format(count=count, path=target))
        return Path(target)

    # --- dialogs (replaced in tests) ------------------------------------------------------------

    def choose_export_path(self, default: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export audit trail"), str(default),
                                              self.tr("CSV files (*.csv)"))
        return Path(name) if name else None
