"""File ▸ Operators… (managers only) and File ▸ Change my PIN….

:class:`OperatorsDialog` lists the operators (name, role, state: active, disabled, or locked out with the
minutes left) and lets a manager add one, disable/enable, change the role, reset a PIN and unlock. Nobody
sees a PIN: the list has no PIN column and PIN fields are password fields cleared after use. Every refusal
of :class:`klogs_desk.services.staff.StaffService` is shown in words at the dialog (``operatorsError``).

:class:`ChangePinDialog`: the signed-in operator types the old PIN and the new one twice.

Object names: ``operatorsDialog``, ``operatorsTable``, ``operatorName``, ``operatorRole``, ``operatorPin``,
``operatorAdd``, ``operatorDisable``, ``operatorRoleChange``, ``operatorResetPin``, ``operatorUnlock``,
``operatorsError``; ``changePinDialog``, ``oldPin``, ``newPin``, ``newPinAgain``, ``changePinError``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.operators import MAX_PIN_DIGITS, Operator, Role
from ..services.staff import StaffRefused, StaffService
from . import theme
from .messages import render
from .operators_text import role_text


def _pin_field(name: str, accessible: str) -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setAccessibleName(accessible)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(MAX_PIN_DIGITS)
    return edit


def _error_label(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setStyleSheet(theme.error_label_sheet(""))
    label.hide()
    return label


class OperatorsDialog(QDialog):
    def __init__(self, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff = staff
        self.setObjectName("operatorsDialog")
        self.setWindowTitle(self.tr("Operators"))
        self.setMinimumWidth(560)

        self.table = QTableWidget(0, 3, objectName="operatorsTable")
        self.table.setAccessibleName(self.tr("Operators"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)

        self.disable_button = QPushButton(self.tr("Disable"), objectName="operatorDisable")
        self.role_button = QPushButton(self.tr("Change role"), objectName="operatorRoleChange")
        self.reset_button = QPushButton(self.tr("Reset PIN…"), objectName="operatorResetPin")
        self.unlock_button = QPushButton(self.tr("Unlock"), objectName="operatorUnlock")
        row_actions = QHBoxLayout()
        for button, slot in ((self.disable_button, self.toggle_disabled), (self.role_button, self.change_role),
                             (self.reset_button, self.reset_pin), (self.unlock_button, self.unlock)):
            button.setAccessibleName(button.text().rstrip("…"))
            button.clicked.connect(slot)
            row_actions.addWidget(button)
        row_actions.addStretch(1)

        self.name_edit = QLineEdit(objectName="operatorName")
        self.name_edit.setAccessibleName(self.tr("New operator's name"))
        self.name_edit.setMaxLength(40)
        self.role_combo = QComboBox(objectName="operatorRole")
        self.role_combo.setAccessibleName(self.tr("New operator's role"))
        for role in (Role.CASHIER, Role.MANAGER):
            self.role_combo.addItem(role_text(role), role)
        self.pin_edit = _pin_field("operatorPin", self.tr("New operator's PIN"))
        self.pin_edit.setPlaceholderText(self.tr("cashiers 4+, managers 6+ digits"))
        self.add_button = QPushButton(self.tr("Add operator"), objectName="operatorAdd")
        self.add_button.setAccessibleName(self.tr("Add operator"))
        self.add_button.clicked.connect(self.add)
        self.pin_edit.returnPressed.connect(self.add)
        add_form = QFormLayout()
        add_form.addRow(self.tr("&Name:"), self.name_edit)
        add_form.addRow(self.tr("&Role:"), self.role_combo)
        add_form.addRow(self.tr("&PIN:"), self.pin_edit)
        add_form.addRow("", self.add_button)

        self.error = _error_label("operatorsError")
        self.error.setAccessibleName(self.tr("Operators problem"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_actions)
        layout.addWidget(QLabel(self.tr("Add an operator")))
        layout.addLayout(add_form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # Enter in a field must never press a row button (Disable on the selected operator) behind the
        # operator's back: no button of this dialog is a default one; Enter in the PIN field adds.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    # --- list -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_name()
        operators = self.staff.store.operators()
        self.table.setRowCount(len(operators))
        for row, operator in enumerate(operators):
            for column, text in enumerate((operator.name, role_text(operator.role), self._state(operator))):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if operator.name == selected:
                self.table.selectRow(row)
        self._update_buttons()

    def _state(self, operator: Operator) -> str:
        if operator.disabled:
            return self.tr("disabled")
        status = self.staff.status(operator.name)
        if status.locked_out and status.pin is not None:
            return self.tr("locked out ({minutes} min left)").format(minutes=status.pin.locked_minutes)
        return self.tr("active")

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return item.text() if item is not None else None

    def select(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == name:
                self.table.selectRow(row)

    def _selected(self) -> Operator | None:
        name = self.selected_name()
        return self.staff.store.get(name) if name else None

    def _update_buttons(self) -> None:
        operator = self._selected()
        for button in (self.disable_button, self.role_button, self.reset_button, self.unlock_button):
            button.setEnabled(operator is not None)
        if operator is not None:
            self.disable_button.setText(self.tr("Enable") if operator.disabled else self.tr("Disable"))
            self.unlock_button.setEnabled(self.staff.status(operator.name).locked_out)

    # --- actions --------------------------------------------------------------------------------

    def _do(self, action) -> bool:  # type: ignore[no-untyped-def]  # a no-argument callable of the staff service
        try:
            action()
        except StaffRefused as refused:
            self.show_error(render(refused.msg))
            return False
        self.show_error("")
        self.refresh()
        return True

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def add(self) -> None:
        name, role, pin = self.name_edit.text(), Role(self.role_combo.currentData()), self.pin_edit.text()
        self.pin_edit.clear()
        if self._do(lambda: self.staff.add_operator(name, role, pin)):
            self.name_edit.clear()
            self.select(name.strip())

    def toggle_disabled(self) -> None:
        operator = self._selected()
        if operator is not None:
            self._do(lambda: self.staff.set_disabled(operator.name, not operator.disabled))

    def change_role(self) -> None:
        operator = self._selected()
        if operator is not None:
            other = Role.CASHIER if operator.is_manager else Role.MANAGER
            self._do(lambda: self.staff.set_role(operator.name, other))

    def unlock(self) -> None:
        operator = self._selected()
        if operator is not None:
            self._do(lambda: self.staff.unlock(operator.name))

    def reset_pin(self) -> None:
        operator = self._selected()
        if operator is None:
            return
        pin = self.ask_new_pin(operator.name)
        if pin is not None:
            self._do(lambda: self.staff.reset_pin(operator.name, pin))

    def ask_new_pin(self, name: str) -> str | None:
        """The new PIN a manager gives ``name`` (tests replace this)."""
        pin, ok = QInputDialog.getText(self, self.tr("Reset PIN"), self.tr("New PIN for {name}:").format(name=name),
                                       QLineEdit.EchoMode.Password)
        return pin if ok else None


class ChangePinDialog(QDialog):
    """The signed-in operator changes their own PIN by giving the old one."""

    def __init__(self, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff = staff
        self.setObjectName("changePinDialog")
        self.setWindowTitle(self.tr("Change my PIN"))
        self.old_pin = _pin_field("oldPin", self.tr("Current PIN"))
        self.new_pin = _pin_field("newPin", self.tr("New PIN"))
        self.new_pin_again = _pin_field("newPinAgain", self.tr("New PIN again"))
        self.error = _error_label("changePinError")
        self.error.setAccessibleName(self.tr("PIN problem"))
        form = QFormLayout()
        form.addRow(self.tr("&Current PIN:"), self.old_pin)
        form.addRow(self.tr("&New PIN:"), self.new_pin)
        form.addRow(self.tr("New PIN &again:"), self.new_pin_again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        old, new, again = self.old_pin.text(), self.new_pin.text(), self.new_pin_again.text()
        for edit in (self.old_pin, self.new_pin, self.new_pin_again):
            edit.clear()
        if new != again:
            self._error(self.tr("The two new PINs are different. Type the same PIN twice."))
            return
        try:
            self.staff.change_own_pin(old, new)
        except StaffRefused as refused:
            self._error(render(refused.msg))
            return
        self.accept()

    def _error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.old_pin.setFocus()
