"""The Pre-authorization tab: hold an amount on a card now, capture all or part of it later.

Contract:

* ``preauthAuthorize`` sends one ``POST /api/pre-authorization`` per click through
  :meth:`PaymentService.pre_authorize` (journaled before sending). The result shows in ``preauthResult``
  and the card fields are wiped.
* ``preauthList`` lists the open pre-authorizations of this environment from the journal: approved, not
  captured, with something left to capture. Each row shows the amount, masked card, age and what is left.
* ``preauthCapture`` captures the amount in ``preauthCaptureAmount`` (prefilled with the full remaining
  amount; type less for a partial capture) through :meth:`PaymentService.capture`. A capture over what
  is left, or of a pre-authorization already captured, is refused *before anything is sent*, with the
  reason under the amount field (``preauthCaptureError``). The capture is journaled as a child row.

Choices: a partial capture releases the rest of the hold (what card networks do; see PaymentService), so
a captured pre-authorization leaves the list. A pre-authorization whose capture has no known outcome
stays listed as "capture outcome unknown" so the cashier sees why it cannot be captured again.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..config import Config
from ..domain.balances import Balance
from ..domain.journal import Entry, EntryKind, EntryState
from ..domain.money import AmountError, format_amount, parse_amount
from ..services.context import AppServices
from ..services.payments import CaptureRefused, OutcomeState, PaymentOutcome, PaymentService
from . import theme
from .async_runner import run_operation
from .card_form import DEFAULT_IDLE_SECONDS, CardForm
from .journal_model import card_text
from .locale_style import number_style
from .messages import render
from .money_text import money_text
from .receipt import ReceiptPrinter
from .result_panel import ResultPanel

LIST_COLUMNS = (QT_TRANSLATE_NOOP("PreAuthTab", "Order ID"), QT_TRANSLATE_NOOP("PreAuthTab", "Authorized"),
                QT_TRANSLATE_NOOP("PreAuthTab", "Card"), QT_TRANSLATE_NOOP("PreAuthTab", "Age"),
                QT_TRANSLATE_NOOP("PreAuthTab", "Left to capture"))
#: How often the ages in the list are brought up to date.
AGE_REFRESH_MS = 30_000


def age_text(created_at: dt.datetime, now: dt.datetime) -> str:
    """``"just now"``, ``"12 min"``, ``"3 h 5 min"``, ``"2 days"``."""
    minutes = max(0, int((now - created_at).total_seconds() // 60))
    translate = QCoreApplication.translate
    if minutes < 1:
        return translate("PreAuthTab", "just now")
    if minutes < 60:
        return translate("PreAuthTab", "{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        if minutes:
            return translate("PreAuthTab", "{hours} h {minutes} min").format(hours=hours, minutes=minutes)
        return translate("PreAuthTab", "{hours} h").format(hours=hours)
    days = hours // 24
    if days == 1:
        return translate("PreAuthTab", "1 day")
    return translate("PreAuthTab", "{days} days").format(days=days)


class PreAuthTab(QWidget):
    """``PreAuthTab(services)``: pre-authorize and capture."""

    #: A pre-authorization or capture ended (any state) and the tab is ready for the next action; the
    #: journal already holds it. Carries the :class:`PaymentOutcome`.
    payment_finished = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None, *,
                 idle_seconds: float = DEFAULT_IDLE_SECONDS,
                 now: Callable[[], dt.datetime] | None = None, receipts: ReceiptPrinter | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preauthTab")
        self.services = services
        #: The terminal's receipt printer (the composition root's); None: one on the settings file when asked.
        self.receipts = receipts
        self.payments = PaymentService(services)
        self._now = now or (lambda: dt.datetime.now(dt.timezone.utc))
        self._in_flight = False
        self._finished: PaymentOutcome | None = None
        #: The journal id of the pre-authorization whose amount is in the capture field.
        self._amount_for: int | None = None
        self._open: list[Entry] = []
        self._blocked: dict[int, str] = {}
        # Journal id of each open pre-authorization -> what a capture may take (domain Balance.capturable).
        self._capturable: dict[int, Decimal] = {}

        self.form = CardForm("preauth", self, idle_seconds=idle_seconds)
        self.form.amount.setPlaceholderText(self.tr("Amount to hold on the card"))
        self.authorize_button = QPushButton(self.tr("Authorize"), objectName="preauthAuthorize")
        self.authorize_button.setAccessibleName(self.tr("Authorize (hold the amount on the card)"))
        self.authorize_button.setMinimumHeight(44)
        self.progress = QProgressBar(objectName="preauthProgress", textVisible=False, maximumHeight=8)
        self.progress.setAccessibleName(self.tr("Sending"))
        self.progress.hide()
        self.result = ResultPanel("preauthResult")
        self.result.receipts_available = True

        self.list = QTableWidget(0, len(LIST_COLUMNS), objectName="preauthList")
        self.list.setAccessibleName(self.tr("Open pre-authorizations"))
        self.list.setHorizontalHeaderLabels([self.tr(title) for title in LIST_COLUMNS])
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self.tr("No open pre-authorizations."), objectName="preauthEmpty")
        self.empty_label.setStyleSheet(f"color: {theme.text_colours().muted};")
        self.capture_amount = QLineEdit(objectName="preauthCaptureAmount",
                                        placeholderText=self.tr("Select a pre-authorization"))
        self.capture_amount.setAccessibleName(self.tr("Amount to capture"))
        self.capture_amount.setEnabled(False)
        self.capture_button = QPushButton(self.tr("Capture"), objectName="preauthCapture", enabled=False)
        self.capture_button.setAccessibleName(self.tr("Capture the selected pre-authorization"))
        self.capture_button.setToolTip(self.tr("Charge the card the amount typed (at most what is left); "
                                               "the rest of the hold is released"))
        self.capture_error = QLabel(objectName="preauthCaptureError", styleSheet=theme.error_label_sheet(), wordWrap=True)
        self.capture_error.setAccessibleName(self.tr("Capture problem"))
        self.capture_error.hide()

        authorize_row = QHBoxLayout()
        authorize_row.addStretch(1)
        authorize_row.addWidget(self.authorize_button, 1)
        left = QVBoxLayout()
        left.addWidget(self.form)
        left.addLayout(authorize_row)
        left.addWidget(self.progress)
        left.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        top.addWidget(self.result, 2)

        capture_row = QHBoxLayout()
        capture_row.addWidget(QLabel(self.tr("Capture amount:")))
        capture_row.addWidget(self.capture_amount, 1)
        capture_row.addWidget(self.capture_button)
        open_box = QGroupBox(self.tr("Open pre-authorizations"))
        box_layout = QVBoxLayout(open_box)
        box_layout.addWidget(self.empty_label)
        box_layout.addWidget(self.list, 1)
        box_layout.addLayout(capture_row)
        box_layout.addWidget(self.capture_error)

        layout = QVBoxLayout(self)
        layout.addLayout(top, 3)
        layout.addWidget(open_box, 2)

        self.authorize_button.clicked.connect(self.authorize)
        self.form.submit_requested.connect(self.authorize)
        self.form.clear_requested.connect(self._clear_form)
        self.capture_button.clicked.connect(self.capture)
        self.capture_amount.returnPressed.connect(self.capture)
        self.capture_amount.textEdited.connect(lambda _t: self._set_capture_error(""))
        self.list.itemSelectionChanged.connect(self._on_selection)
        self.result.receipt_requested.connect(self.open_receipt)
        # Ages are brought up to date only while the tab is shown (showEvent refreshes at once): a hidden or
        # closed tab reads nothing, not even from a journal closed meanwhile (a test's, on a busy machine).
        self._age_timer = QTimer(self, interval=AGE_REFRESH_MS)
        self._age_timer.timeout.connect(self.refresh)
        self.refresh()

    # --- public ---------------------------------------------------------------------------------

    @property
    def in_flight(self) -> bool:
        return self._in_flight

    def authorize(self) -> None:
        """Validate and send the pre-authorization once. Does nothing while a request is in flight."""
        if self._in_flight:
            return
        order = self.form.validate()
        if order is None:
            return
        self._start(self.tr("Authorizing — please wait"))
        task = run_operation(self.authorize_button, self.payments.pre_authorize(order), on_success=self._authorized,
                        progress=self.progress, error_title=self.tr("The pre-authorization did not go through"))
        task.add_done_callback(lambda _task: self._end_flight())

    def capture(self) -> None:
        """Capture the typed amount of the selected pre-authorization (refused at the field if it can't)."""
        if self._in_flight:
            return
        entry = self.selected()
        if entry is None:
            self._set_capture_error(self.tr("Select a pre-authorization to capture."))
            return
        if entry.id in self._blocked:
            self._set_capture_error(self._blocked[entry.id])
            return
        try:
            amount = parse_amount(self.capture_amount.text(), entry.currency, number_style(self.locale()))
        except AmountError as exc:
            self._set_capture_error(render(exc.msg))
            return
        held = self._capturable.get(entry.id)
        if held is not None and 0 < amount <= held and not self.confirm_capture(
                self._capture_question(amount, held, entry.currency)):
            return  # (an impossible amount is refused at the field by the service, without a question)
        self._start(self.tr("Capturing — please wait"))
        task = run_operation(self.capture_button, self._capture(entry.id, amount), on_success=self._captured,
                        progress=self.progress, error_title=self.tr("The capture did not go through"))
        task.add_done_callback(lambda _task: self._end_flight())

    def confirm_capture(self, question: str) -> bool:
        """Ask before capturing (tests replace this): the amount and what is released are said first."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Capture"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("preauthCaptureQuestion")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Capture"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Do not capture"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _capture_question(self, amount: Decimal, held: Decimal, currency: str) -> str:
        locale = self.locale()
        if amount == held:
            return self.tr("Capture {amount}?").format(amount=money_text(amount, currency, locale))
        return self.tr("Capture {amount} of {held}? {released} will be released.").format(
            amount=money_text(amount, currency, locale), held=money_text(held, currency, locale),
            released=money_text(held - amount, currency, locale))

    def refresh(self) -> None:
        """Re-read the open pre-authorizations from the journal (keeps the selection)."""
        selected = self.selected()
        journal, now = self.services.journal, self._now()
        candidates = journal.search(environment=self.services.environment, kinds=[EntryKind.PREAUTH],
                                    states=[EntryState.APPROVED])
        self._open, self._blocked, self._capturable = [], {}, {}
        for entry in candidates:
            children = journal.children(entry.id)
            capturable = Balance.of(entry, children).capturable
            if capturable <= 0:
                continue
            if any(c.kind is EntryKind.CAPTURE and c.unresolved for c in children):
                self._blocked[entry.id] = self.tr(
                    "A capture of {order_id} has no known outcome yet. Resolve it in the Journal before "
                    "capturing again.").format(order_id=entry.reference)
            self._open.append(entry)
            self._capturable[entry.id] = capturable
        # Rebuilt silently so an age refresh never overwrites a capture amount being typed.
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setRowCount(len(self._open))
        for row, entry in enumerate(self._open):
            left = (self.tr("capture outcome unknown") if entry.id in self._blocked
                    else money_text(self._capturable[entry.id], entry.currency, self.locale()))
            values = (entry.reference, money_text(entry.amount, entry.currency, self.locale()), card_text(entry),
                      age_text(entry.created_at, now), left)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                self.list.setItem(row, column, item)
        self.empty_label.setVisible(not self._open)
        # Only the row the cashier chose may stay selected: Qt moves the selection to a neighbour when the
        # selected row goes away, and a stray Capture press must never hit another pre-authorization.
        self.list.clearSelection()
        if selected is not None:
            for row, entry in enumerate(self._open):
                if entry.id == selected.id:
                    self.list.selectRow(row)
                    break
        self.list.blockSignals(False)
        self._on_selection()

    def selected(self) -> Entry | None:
        rows = self.list.selectionModel().selectedRows() if self.list.selectionModel() else []
        return self._open[rows[0].row()] if rows and rows[0].row() < len(self._open) else None

    def show_settled(self, outcome: PaymentOutcome) -> bool:
        """Slot for the composition root's ``payment_settled``: a pre-authorization this tab shows as
        OUTCOME UNKNOWN was settled by the background lookup; show the result and the list as they are now."""
        if not self.result.show_settled(outcome):
            return False
        if not self._in_flight:
            self.refresh()
        return True

    def open_receipt(self, entry_id: int) -> None:
        # A printer made here is not kept: it would hold the tab (its dialogs' parent) in a reference cycle.
        receipts = self.receipts or ReceiptPrinter(self.services, self, config=Config())
        receipts.preview(self.services.journal.get(entry_id))

    # --- machinery -------------------------------------------------------------------------------

    async def _capture(self, entry_id: int, amount: Decimal) -> PaymentOutcome | CaptureRefused:
        try:
            return await self.payments.capture(entry_id, amount)
        except CaptureRefused as refused:  # raised before sending: nothing left the terminal
            return refused

    def _start(self, text: str) -> None:
        self._in_flight = True
        self._finished = None
        self.form.set_busy(True)
        self.capture_amount.setEnabled(False)
        self.result.show_progress(text)

    def _end_flight(self) -> None:
        self._in_flight = False
        self.form.set_busy(False)
        if self.result.outcome is None:
            self.result.clear()  # ended in an error dialog or a refusal: drop the progress banner
        self._on_selection()
        finished, self._finished = self._finished, None
        if finished is not None:
            self.payment_finished.emit(finished)

    def _authorized(self, outcome: PaymentOutcome) -> None:
        self.result.show_outcome(outcome)
        if outcome.state is OutcomeState.ERROR and outcome.keeps_order_id:
            self.form.clear_card_number()  # nothing charged: retype the card number and CVV, same order ID
        else:
            self.form.clear_card()
        if outcome.field_errors:
            self.form.show_gateway_errors(outcome.field_errors)
        if not outcome.keeps_order_id:
            self.form.new_order()
            if outcome.state is not OutcomeState.DECLINED:
                # Declined: the customer usually offers another card for the same amount.
                self.form.amount.setText("")
                self.form.customer.setText("")
        self.refresh()
        self._finished = outcome

    def _captured(self, result: PaymentOutcome | CaptureRefused) -> None:
        if isinstance(result, CaptureRefused):
            self._set_capture_error(render(result.msg))
            return
        self.result.show_outcome(result)
        self.refresh()
        self._finished = result

    def _on_selection(self) -> None:
        """Enable capture for the selected row; put its remaining amount in the field when the field
        held another row's amount (a typed partial amount for the same row is kept)."""
        entry = self.selected()
        busy = self._in_flight
        self.capture_amount.setEnabled(entry is not None and not busy)
        self.capture_button.setEnabled(entry is not None and not busy)
        if entry is None:
            self._amount_for = None
            self.capture_amount.clear()
            self.capture_amount.setPlaceholderText(self.tr("Select a pre-authorization"))
            return
        remaining = self._capturable[entry.id]
        self.capture_amount.setPlaceholderText(
            self.tr("At most {amount}").format(amount=money_text(remaining, entry.currency, self.locale())))
        if entry.id != self._amount_for:
            self._amount_for = entry.id
            try:
                self.capture_amount.setText(format_amount(remaining, entry.currency, number_style(self.locale())))
            except AmountError:
                self.capture_amount.setText(str(remaining))
            self._set_capture_error("")

    def _set_capture_error(self, message: str) -> None:
        self.capture_error.setText(message)
        self.capture_error.setVisible(bool(message))
        self.capture_amount.setAccessibleDescription(message)

    def _clear_form(self) -> None:
        if not self._in_flight:
            self.form.clear_all()
            self.result.clear()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override: event is a QShowEvent, only passed on
        super().showEvent(event)
        self.refresh()
        self._age_timer.start()

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override: event is a QHideEvent, only passed on
        self._age_timer.stop()
        super().hideEvent(event)
