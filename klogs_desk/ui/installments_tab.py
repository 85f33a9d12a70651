"""The Installments tab: what a card would pay in 1 to 12 installments (``POST /api/installment-options``).

A quote charges nothing, so nothing here is journaled. The card number is card data even though only
its BIN matters to the gateway: it lives in the field and in the request, the field is wiped as soon as
the request is built, and afterwards only the masked number (first six, last four) is shown next to the
table it belongs to.

Choosing a row emits :attr:`InstallmentsTab.installment_chosen` with the count, who pays the interest,
the amount that was quoted (before interest: the gateway adds the interest itself when the sale is sent
with ``installmentCount``) and the currency. The 3-D Secure tab connects to it.

The table always belongs to the inputs shown: changing the amount, currency, count or interest option
empties it, so a cashier can never pick a row quoted for another amount.

Like the card forms, a card number left in the field is wiped after :meth:`InstallmentsTab.set_idle_seconds`
seconds without typing in it (default :data:`~.card_form.DEFAULT_IDLE_SECONDS`; the main window applies the
Settings value).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..api.errors import KlogsError, ValidationFailedError, field_errors_from
from ..domain import cards
from ..domain.money import DEFAULT_CURRENCY, TERMINAL_CURRENCIES, AmountError, parse_amount
from ..services.context import AppServices
from ..services.installments import InstallmentsService
from . import theme
from .async_runner import run_query
from .card_form import DEFAULT_IDLE_SECONDS, PanLineEdit
from .locale_style import number_style
from .messages import render
from .money_text import money_text

if TYPE_CHECKING:
    from ..api.models import InstallmentOption, InstallmentOptionsRequest, InstallmentOptionsResponse

COLUMNS = (QT_TRANSLATE_NOOP("InstallmentsTab", "Installments"),
           QT_TRANSLATE_NOOP("InstallmentsTab", "Per installment"),
           QT_TRANSLATE_NOOP("InstallmentsTab", "Interest"), QT_TRANSLATE_NOOP("InstallmentsTab", "Total"))


class InstallmentsTab(QWidget):
    """``InstallmentsTab(services)``: query installment options and pick one."""

    #: (installment count, interest paid by customer, amount quoted (Decimal), currency)
    installment_chosen = Signal(int, bool, object, str)
    #: The table was filled: the options shown (list of InstallmentOption).
    options_shown = Signal(list)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.installments = InstallmentsService(services)
        self.setObjectName("installmentsTab")
        self._quoted: tuple[Decimal, str, bool] | None = None
        self._options: list[InstallmentOption] = []

        self.amount = QLineEdit(objectName="installmentsAmount")
        self.amount.setPlaceholderText(self.tr("e.g. {amount}").format(amount=f"1000{number_style(self.locale()).decimal}00"))
        self.currency = QComboBox(objectName="installmentsCurrency")
        self.currency.addItems(TERMINAL_CURRENCIES)
        self.currency.setCurrentText(DEFAULT_CURRENCY)
        self.pan = PanLineEdit()
        self.pan.setObjectName("installmentsPan")
        self.pan.setPlaceholderText(self.tr("Card number (only the first digits decide the options)"))
        self.max_count = QSpinBox(objectName="installmentsMaxCount", minimum=1, maximum=12, value=12)
        self.interest_by_customer = QCheckBox(self.tr("The customer pays the interest"),
                                              objectName="installmentsInterest")
        self.interest_by_customer.setChecked(True)
        self.query_button = QPushButton(self.tr("Show options"), objectName="installmentsQuery")
        self.query_button.setDefault(True)
        self.amount_error = QLabel(objectName="installmentsAmountError", styleSheet=theme.error_label_sheet())
        self.pan_error = QLabel(objectName="installmentsPanError", styleSheet=theme.error_label_sheet())
        self.message = QLabel(objectName="installmentsMessage", wordWrap=True)
        self.card_label = QLabel(objectName="installmentsCard")

        for widget, name in ((self.amount, self.tr("Amount")), (self.currency, self.tr("Currency")),
                             (self.pan, self.tr("Card number")),
                             (self.max_count, self.tr("Maximum number of installments")),
                             (self.interest_by_customer, self.tr("Customer pays the interest")),
                             (self.query_button, self.tr("Show installment options")),
                             (self.message, self.tr("Installment options message")),
                             (self.card_label, self.tr("Card quoted"))):
            widget.setAccessibleName(name)

        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.currency)
        form = QFormLayout()
        form.addRow(self.tr("Amount"), amount_row)
        form.addRow("", self.amount_error)
        form.addRow(self.tr("Card number"), self.pan)
        form.addRow("", self.pan_error)
        form.addRow(self.tr("At most"), self.max_count)
        form.addRow("", self.interest_by_customer)
        self.max_count.setSuffix(self.tr(" installments"))
        self.max_count.setMaximumWidth(160)
        self.currency.setMaximumWidth(90)
        for label in (self.amount_error, self.pan_error):
            label.hide()  # shown with a message only, so an empty error takes no room

        self.table = QTableWidget(0, len(COLUMNS), objectName="installmentsTable")
        self.table.setAccessibleName(self.tr("Installment options"))
        self.table.setHorizontalHeaderLabels([self.tr(title) for title in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.use_button = QPushButton(self.tr("Use this option"), objectName="installmentsUse", enabled=False)
        self.use_button.setAccessibleName(self.tr("Use the selected installment option"))
        self.use_button.setToolTip(self.tr("Start a 3-D Secure sale with the selected number of installments"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.query_button)
        buttons.addStretch(1)
        result_row = QHBoxLayout()
        result_row.addWidget(self.card_label, 1)
        result_row.addWidget(self.use_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addLayout(result_row)
        layout.addWidget(self.table, 1)

        self.query_button.clicked.connect(self.query)
        self.amount.returnPressed.connect(self.query)
        self.pan.returnPressed.connect(self.query)
        self.table.itemSelectionChanged.connect(self._update_use_button)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._choose(row))
        self.use_button.clicked.connect(lambda: self._choose(self._selected_row()))
        self.amount.textEdited.connect(lambda _t: self._clear_error(self.amount_error))
        self.pan.textEdited.connect(lambda _t: self._clear_error(self.pan_error))
        for changed in (self.amount.textEdited, self.currency.currentIndexChanged, self.max_count.valueChanged,
                        self.interest_by_customer.toggled):
            changed.connect(self._inputs_changed)
        # A card number nobody is typing any more is wiped, as in the card forms.
        self.pan_idle_timer = QTimer(self, singleShot=True)
        self.pan_idle_timer.timeout.connect(self._wipe_pan)
        self.pan.textEdited.connect(lambda _t: self.pan_idle_timer.start() if self.idle_seconds > 0 else None)
        self.set_idle_seconds(DEFAULT_IDLE_SECONDS)

    # --- public ---------------------------------------------------------------------------------

    def query(self) -> None:
        """Check the inputs at their fields, then ask the gateway (once per click)."""
        request = self._build_request()
        if request is None:
            return
        # The request holds the number now; the field no longer needs to.
        masked, brand = cards.mask_pan(request.pan), cards.brand_of(request.pan).value
        self._wipe_pan()
        self._clear_table()
        self.message.setText(self.tr("Asking the gateway…"))
        quoted = (request.amount, request.currency, bool(request.interest_paid_by_customer))
        run_query(self.query_button, self.installments.quote(request),
                 on_success=lambda response: self._show(response, quoted, masked, brand),
                 on_error=self._show_error)

    def set_idle_seconds(self, seconds: float) -> None:
        """Wipe the card number this many seconds after the last key typed in it (0 turns it off)."""
        self.idle_seconds = seconds
        self.pan_idle_timer.setInterval(int(seconds * 1000))
        if seconds <= 0:
            self.pan_idle_timer.stop()

    def options(self) -> list[InstallmentOption]:
        return list(self._options)

    # --- internals --------------------------------------------------------------------------------

    def _build_request(self) -> InstallmentOptionsRequest | None:
        import pydantic

        from ..api.models import InstallmentOptionsRequest

        locale = self.locale()
        currency = self.currency.currentText()
        amount = pan = None
        try:
            amount = parse_amount(self.amount.text(), currency, number_style(locale))
        except AmountError as exc:
            self._set_error(self.amount_error, render(exc.msg))
        try:
            pan = cards.check_pan(self.pan.text())
        except cards.CardError as exc:
            self._set_error(self.pan_error, render(exc.msg))
        if amount is None or pan is None:
            return None
        try:
            return InstallmentOptionsRequest(amount=amount, currency=currency, pan=pan,
                                             max_installment_count=self.max_count.value(),
                                             interest_paid_by_customer=self.interest_by_customer.isChecked())
        except pydantic.ValidationError as exc:  # never str(exc): it quotes the PAN
            self._show_field_errors(field_errors_from(exc))
            return None

    def _show(self, response: InstallmentOptionsResponse, quoted: tuple[Decimal, str, bool], masked: str,
              brand: str) -> None:
        amount, currency, interest = quoted
        self._quoted = quoted
        self._options = list(response.options)
        self.card_label.setText(self.tr("Card {card} {brand} · {amount}").format(
            card=masked, brand=brand, amount=money_text(amount, currency, self.locale())))
        self.table.setRowCount(len(self._options))
        for row, option in enumerate(self._options):
            values = (str(option.installment_count) if option.installment_count > 1 else self.tr("1 (single payment)"),
                      money_text(option.installment_amount, option.currency, self.locale()),
                      money_text(option.interest_amount, option.currency, self.locale()),
                      money_text(option.total_amount, option.currency, self.locale()))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, option.installment_count)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if not self._options:
            self.message.setText(self.tr(
                "This card has no installment options for this amount: a single payment only."))
        elif len(self._options) == 1:
            self.message.setText(self.tr("This card can only pay in a single payment."))
        else:
            if interest:
                text = self.tr("{count} options; the customer pays the interest. "
                               "Double-click a row or select it and press Use this option.")
            else:
                text = self.tr("{count} options; you (the merchant) pay the interest. "
                               "Double-click a row or select it and press Use this option.")
            self.message.setText(text.format(count=len(self._options)))
        self.options_shown.emit(self.options())

    def _show_error(self, exc: KlogsError) -> None:
        if isinstance(exc, ValidationFailedError) and self._show_field_errors(exc.field_errors):
            self.message.setText(self.tr("The gateway refused the request: see the marked fields."))
            return
        self.message.setText(self.tr("No options: {reason}").format(reason=render(exc.msg)))

    def _show_field_errors(self, errors: dict[str, list[str]]) -> bool:
        shown = False
        for field, messages in errors.items():
            label = {"amount": self.amount_error, "currency": self.amount_error, "pan": self.pan_error}.get(field)
            if label is not None:
                self._set_error(label, "; ".join(messages))
                shown = True
        return shown

    def _choose(self, row: int) -> None:
        if self._quoted is None or not 0 <= row < len(self._options):
            return
        amount, currency, interest = self._quoted
        self.installment_chosen.emit(self._options[row].installment_count, interest, amount, currency)

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_use_button(self) -> None:
        self.use_button.setEnabled(self._selected_row() >= 0)

    def _inputs_changed(self, *_args: object) -> None:
        if self._options:
            self._clear_table()
            self.message.setText(self.tr("The inputs changed: press Show options again."))

    def _clear_table(self) -> None:
        self._options, self._quoted = [], None
        self.table.setRowCount(0)
        self.card_label.setText("")
        self.use_button.setEnabled(False)

    def _wipe_pan(self) -> None:
        # Overwrite before emptying, and setText drops the undo history that would keep the digits.
        self.pan.setText("0" * len(self.pan.text()))
        self.pan.setText("")

    @staticmethod
    def _set_error(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(True)

    @staticmethod
    def _clear_error(label: QLabel) -> None:
        label.setText("")
        label.setVisible(False)
