"""The Sale tab: the screen a cashier uses all day.

Contract:

* One click (or Enter) on ``salePay`` sends at most one request: :meth:`SaleTab.pay` returns at once while
  a payment is in flight, whatever the button's state (double clicks, Enter held down).
* While in flight the card fields take no input (:meth:`CardForm.lock_input`, at the click); the result
  panel ``saleResult`` then shows the outcome and the card fields are wiped. The in-flight look (read-only
  fields, Pay disabled saying "Sending…", a running progress bar, a busy cursor) is set, and painted, only
  if the answer takes longer than :data:`SENDING_PAINT_DELAY_MS` (a quick sale goes straight from the
  typed form to its result on screen, and the click does not restyle widgets for a state never painted);
  the "Sending" banner is not even put in the panel before then. The order ID is kept after an error that
  charged nothing (so a retry of the same sale is idempotent) and replaced after approved/declined/unknown.
* Click to result (issue 19, ``benchmarks/bench_terminal.py``): the write-ahead journal row is handed to
  the journal's writer thread first thing at the click (:meth:`PaymentService.begin_sale`), so its commit
  runs while this thread sets the sending state; the request leaves once it is committed. When the
  gateway answers, the result panel is shown and painted at once (:meth:`SaleTab._show_answer`) while the
  outcome is committed; the rest (card wiped, new order ID, Pay back, :attr:`payment_finished`) follows
  the commit.
* A sale that looks like a double charge (see :class:`PaymentService`) is only sent once the cashier
  confirms in :meth:`SaleTab.confirm_duplicate` (tests replace it).
* Every payment this tab starts (Pay, and the 3-D Secure offer after an ENROLLED answer) goes through
  :meth:`SaleTab.run_payment`: one payment at a time, whichever control started it.

3-D Secure: given a :class:`ThreeDSecureService` (``three_d_secure=``), the tab builds its
:class:`~.three_ds_dialog.ThreeDsSalePath` (the ``threeDsSwitch`` next to Pay, the "Pay with 3-D Secure"
offer, the installment plan). Seams it uses: :meth:`SaleTab.add_pay_option` (puts such a switch next to Pay),
:attr:`three_ds_requested` (the cashier chose "Pay with 3-D Secure" after an ENROLLED answer; carries the
:class:`CardOrder`, still in memory only) and :meth:`SaleTab.show_outcome` (show the 3-D Secure result here).
:meth:`SaleTab.choose_installment` is the slot for ``InstallmentsTab.installment_chosen`` (connected by the
composition root).
"""

from __future__ import annotations

import time
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Coroutine

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..embedded_sandbox import EmbeddedSandbox
from ..services.context import AppServices
from ..services.payments import CardOrder, DuplicateSuspected, OutcomeState, PaymentOutcome, PaymentService
from . import theme
from .async_runner import RUNNER, run_operation
from .card_form import DEFAULT_IDLE_SECONDS, CardForm
from .messages import render
from .money_text import money_text
from .result_panel import ResultPanel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCheckBox

    from ..api.models import InstallmentOption
    from ..services.three_d_secure import ThreeDSecureService
    from .installment_sale import InstallmentSale
    from .receipt import ReceiptPrinter
    from .three_ds_dialog import ThreeDsSalePath

#: How long a payment's "sending" state (read-only fields, disabled Pay, progress) may wait to be painted.
#: Its state applies at the click; only the painting waits, so a gateway answering within this time is
#: painted once, as the result. Painting "sending" first costs about 2 ms of the UI thread before the
#: request can even leave (Qt paints before the next asyncio step) for a frame shown for less than one
#: display refresh; 100 ms is still within what a cashier perceives as instant feedback.
SENDING_PAINT_DELAY_MS = 100


class SaleTab(QWidget):
    """Card sale: :class:`CardForm` (prefix ``sale``), the Pay button and the result panel."""

    #: A payment ended (any state); the journal already holds it.
    payment_finished = Signal(object)
    #: The cashier chose 3-D Secure for an ENROLLED card: the :class:`CardOrder` to send through /api/3ds.
    three_ds_requested = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None, *,
                 three_d_secure: ThreeDSecureService | None = None,
                 idle_seconds: float = DEFAULT_IDLE_SECONDS,
                 receipts: Callable[[], ReceiptPrinter] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saleTab")
        self.services = services
        #: The terminal's receipt printer, asked for when a receipt is opened (the composition root builds it
        #: then: its modules cost the first frame ~80 ms); None: one on the settings file when asked.
        self.receipts = receipts
        self.payments = PaymentService(services)
        #: The 3-D Secure sales of this tab (``None``: no 3-D Secure path, no switch, no installments).
        self.three_d_secure = three_d_secure
        self._in_flight = False
        self._enrolled_order: CardOrder | None = None
        #: An ENROLLED answer's order, to go on through 3-D Secure as soon as its flight has ended.
        self._continue_3ds: CardOrder | None = None
        self._sending_paint_timer = QTimer(self)
        self._sending_paint_timer.setSingleShot(True)
        self._sending_paint_timer.setInterval(SENDING_PAINT_DELAY_MS)
        self._sending_paint_timer.timeout.connect(self._sending_delay_over)
        self._painting_held = False
        #: The in-flight look (see _show_busy) is on; and whether it put up a busy cursor of its own.
        self._busy_shown = False
        self._busy_cursor = False
        #: The gateway is not there yet (_until_gateway_starts): Pay says "Connecting…", not "Sending…".
        self._connecting = False
        #: The banner of a card sale in flight, put in the result panel only when the sending state is painted.
        self._sending_banner: str | None = None
        # While a sale waits for its answer: the seconds so far and what happens at the client's timeout.
        self._elapsed_timer = QTimer(self)
        self._elapsed_timer.setInterval(1000)
        self._elapsed_timer.timeout.connect(self._show_elapsed)
        self._sent_at = 0.0

        self.form = CardForm("sale", self, idle_seconds=idle_seconds)
        self.pay_button = QPushButton(self.tr("Pay"))
        self.pay_button.setObjectName("salePay")
        self.pay_button.setAccessibleName(self.tr("Pay"))
        self.pay_button.setMinimumHeight(56)
        font = self.pay_button.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.pay_button.setFont(font)
        self.pay_button.setStyleSheet(
            "QPushButton { background: #1a73e8; color: white; border-radius: 6px; padding: 8px 24px; }"
            "QPushButton:disabled { background: #9aa0a6; }")
        self.progress = QProgressBar()
        self.progress.setObjectName("saleProgress")
        self.progress.setAccessibleName(self.tr("Sending payment"))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        # Its 8 px stay reserved while hidden, so showing it for every payment moves nothing on screen
        # (and lays nothing out again).
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.progress.hide()
        self.hint = QLabel(self.tr("Enter pays · Esc clears"))
        self.hint.setObjectName("saleHint")
        self.hint.setStyleSheet(f"color: {theme.text_colours().muted};")  # AA in light and dark themes
        self.result = ResultPanel("saleResult")
        self.result.receipts_available = _receipts_available()

        self._pay_options = QHBoxLayout()
        pay_row = QHBoxLayout()
        pay_row.addLayout(self._pay_options)
        pay_row.addStretch(1)
        pay_row.addWidget(self.pay_button, 2)
        left = QVBoxLayout()
        left.addWidget(self.form)
        left.addSpacing(8)
        left.addLayout(pay_row)
        left.addWidget(self.progress)
        left.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignRight)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.result, 2)

        self.setTabOrder(self.form.order_id, self.pay_button)
        self.setFocusProxy(self.form)
        self.pay_button.clicked.connect(self.pay)
        self.form.submit_requested.connect(self._enter_pressed)
        self.form.clear_requested.connect(self.clear)
        self.form.amount_changed.connect(self._update_pay_label)
        self.result.receipt_requested.connect(self.open_receipt)
        self.result.three_ds_requested.connect(self._request_three_ds)
        # The ENROLLED order keeps the card in memory for the 3-D Secure path; forget it when idle.
        self._enrolled_timer = QTimer(self)
        self._enrolled_timer.setSingleShot(True)
        self._enrolled_timer.timeout.connect(self._forget_enrolled_order)
        self.form.card_cleared_for_inactivity.connect(self._forget_enrolled_order)

        # 3-D Secure switch, "Pay with 3-D Secure" offer and installment plan (ui/three_ds_dialog.py).
        self.three_ds: ThreeDsSalePath | None = None
        self.three_ds_switch: QCheckBox | None = None
        self.installment_sale: InstallmentSale | None = None
        if three_d_secure is not None:
            from .three_ds_dialog import ThreeDsSalePath

            self.three_ds = ThreeDsSalePath(self, three_d_secure)
            self.three_ds_switch = self.three_ds.switch
            self.installment_sale = self.three_ds.installments

    # --- actions ---------------------------------------------------------------------------------

    @property
    def in_flight(self) -> bool:
        return self._in_flight

    def pay(self) -> None:
        """Validate and send the sale once. Does nothing while a payment is in flight."""
        if self._in_flight:
            return  # re-entrancy guard: a second click or Enter must never send a second request
        order = self.form.validate()
        if order is None:
            return
        similar = self.payments.find_similar_sale(order)
        if similar is not None and not self.confirm_duplicate(render(DuplicateSuspected(similar).msg)):
            return
        self._forget_enrolled_order()
        self.run_payment(lambda: self._start_sale(order), order=order)

    def _enter_pressed(self) -> None:
        if not self.form.typed_since_fresh:
            return  # an extra Enter after a result: the next sale's validation starts when the cashier types
        self.pay()

    def run_payment(self, start: Callable[[], Coroutine[Any, Any, PaymentOutcome]], *,
                    order: CardOrder | None = None, progress_text: str | None = None,
                    error_title: str | None = None) -> bool:
        """Run one payment with Pay's guard: returns ``False`` (and calls nothing) while another payment
        of this tab is in flight. Otherwise the card fields turn read-only, Pay is disabled and the progress
        runs until the outcome, which the result panel shows like a sale's (``order`` is kept for the
        "Pay with 3-D Secure" offer when the outcome is ENROLLED).

        ``start`` is a factory, not a coroutine, so a refused second click creates nothing to await.
        """
        if self._in_flight:
            return False
        self._in_flight = True
        try:
            work = start()  # first: a card sale hands its journal row to the writer thread here (_start_sale)
        except BaseException:
            self._in_flight = False
            raise
        # The state below applies now; its painting waits (see SENDING_PAINT_DELAY_MS) until the timer or
        # the end of the flight, whichever comes first.
        self._hold_painting()
        try:
            if progress_text is None:  # a card sale: no one is typing anything, the answer is awaited
                # Locked at once, shown (read-only fields, Pay "Sending…", progress, busy cursor) only if the
                # sending state is painted (_show_busy): a quick answer never paints it, and setting and
                # undoing it is most of the click's own work (issue 19). The banner waits likewise; meanwhile
                # the panel's earlier outcome, not painted again, is no longer the current one.
                self.form.lock_input(True)
                self._sending_banner = self.tr("Sending — please wait")
                self.result.supersede()
                self._sent_at = time.monotonic()
                self._elapsed_timer.start()
                title = error_title or self.tr("The payment did not go through")
                # No control for run_operation to disable: _in_flight is Pay's guard, _show_busy its look.
                task = run_operation(None, work, on_success=lambda outcome: self._finish(order, outcome),
                                     on_error=lambda exc: RUNNER.show_user_error(self.pay_button, title,
                                                                                 render(exc.msg)),
                                     busy_cursor=False, owner=self)
            else:
                self._show_busy(cursor=False)  # run_operation's busy cursor
                self.result.show_progress(progress_text)
                task = run_operation(self.pay_button, work, on_success=lambda outcome: self._finish(order, outcome),
                                     progress=self.progress,
                                     error_title=error_title or self.tr("The payment did not go through"))
        except BaseException:
            work.close()
            self._end_flight()
            raise
        task.add_done_callback(lambda _task: self._after_flight())
        return True

    def _after_flight(self) -> None:
        self._end_flight()
        order, self._continue_3ds = self._continue_3ds, None
        if order is not None:
            # The card needs 3-D Secure: the same sale (order ID, row) goes straight into the challenge.
            self.three_ds_requested.emit(order)

    def _start_sale(self, order: CardOrder) -> Coroutine[Any, Any, PaymentOutcome]:
        """The sale's work, for :meth:`run_payment`. A card sale to a gateway that is there already starts
        now (its write-ahead row goes to the journal's writer thread before the sending state is set);
        otherwise it all happens in the task (:meth:`_send`)."""
        # The route (3-D Secure or not) is the one the cashier clicked Pay with: decided now, not after
        # "Connecting…", which may last seconds while the switch next to Pay could be ticked or unticked.
        three_ds = self.three_ds is not None and self.three_ds.switched_on
        if not three_ds and self._gateway_ready():
            # Duplicates were checked (or confirmed by the cashier) in pay().
            return self.payments.begin_sale(order, on_answer=lambda outcome: self._show_answer(order, outcome))
        return self._send(order, three_ds=three_ds)

    async def _send(self, order: CardOrder, *, three_ds: bool) -> PaymentOutcome:
        await self._until_gateway_starts()
        if three_ds and self.three_ds is not None:
            return await self.three_ds.pay(order)  # duplicates were checked above
        return await self.payments.sale(order, confirmed_duplicate=True,  # the cashier confirmed above
                                        on_answer=lambda outcome: self._show_answer(order, outcome))

    def _gateway_ready(self) -> bool:
        """The client is built and, in training mode, the built-in sandbox is serving."""
        sandbox = (EmbeddedSandbox.serving(self.services.sandbox_url)
                   if self.services.environment == "sandbox" else None)
        return self.services.client_ready and (sandbox is None or sandbox.running)

    async def _until_gateway_starts(self) -> None:
        """Right after launch the gateway client may not be built yet (it is built after the first frame,
        :class:`~klogs_desk.services.context.AppServices`), and in training mode the built-in sandbox may
        still be starting (its own process, started with the window): say "Connecting…" until both are
        there, then "Sending…". Nothing is written or sent meanwhile; a sandbox that cannot start is
        reported by the request itself ("could not be reached, nothing was sent")."""
        sandbox = (EmbeddedSandbox.serving(self.services.sandbox_url)
                   if self.services.environment == "sandbox" else None)
        starting = sandbox is not None and not sandbox.running
        if not starting and self.services.client_ready:
            return
        self._connecting = True
        self.pay_button.setText(self.tr("Connecting…"))
        self._sending_banner = None  # said here, now
        self.result.show_progress(self.tr("Connecting to the training gateway — please wait") if starting
                                  else self.tr("Connecting to the gateway — please wait"))
        await self.services.until_client_ready()
        if sandbox is not None and not sandbox.running:
            try:
                await sandbox.until_ready()
            except RuntimeError:
                pass
        self._connecting = False
        self.pay_button.setText(self.tr("Sending…"))
        self.result.show_progress(self.tr("Sending — please wait"))

    def confirm_duplicate(self, message: str) -> bool:
        """Ask the cashier whether to charge a card that looks already charged (tests replace this)."""
        from PySide6.QtWidgets import QMessageBox  # not at import: its enums are not the first frame's

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Possible double charge"), message,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("saleDuplicateDialog")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Charge again"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Do not charge"))
        return box.exec() == QMessageBox.StandardButton.Yes

    def clear(self) -> None:
        """Esc: start over (not while a payment is in flight)."""
        if self._in_flight:
            return
        self._forget_enrolled_order()
        self.form.clear_all()
        self.result.clear()

    def show_outcome(self, outcome: PaymentOutcome) -> None:
        """Show an outcome reached another way (3-D Secure) and roll the order ID like a sale's."""
        self._finish(None, outcome)

    def show_settled(self, outcome: PaymentOutcome) -> bool:
        """Slot for the composition root's ``payment_settled``: the background lookup settled a payment; if
        this tab still shows it as OUTCOME UNKNOWN, show the settled result instead."""
        return self.result.show_settled(outcome)

    def choose_installment(self, count: int, interest_paid_by_customer: bool, amount: Decimal, currency: str,
                           quote: InstallmentOption | None = None) -> bool:
        """Slot for ``InstallmentsTab.installment_chosen``: make the next sale a 3-D Secure sale in ``count``
        installments (see :mod:`~.installment_sale`) and put the cursor on the card holder field. Returns
        False when the plan was refused (a payment in flight) or this tab has no 3-D Secure path."""
        if self.installment_sale is None:
            return False
        if not self.installment_sale.choose(count, interest_paid_by_customer, amount, currency, quote=quote):
            return False
        self.form.holder.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def add_pay_option(self, widget: QWidget) -> None:
        """Put a control (e.g. the "3-D Secure" switch, objectName ``threeDsSwitch``) left of Pay."""
        self._pay_options.addWidget(widget)
        self.form.lock_input_of(widget)  # it shapes the order: no change while one is in flight

    def open_receipt(self, entry_id: int) -> None:
        if self.receipts is not None:
            receipts = self.receipts()
        else:  # a tab on its own (tests, benchmarks): the settings file
            from ..config import Config
            from .receipt import ReceiptPrinter

            receipts = ReceiptPrinter(self.services, self, config=Config())
        receipts.preview(self.services.journal.get(entry_id))

    # --- machinery -------------------------------------------------------------------------------

    def _show_answer(self, order: CardOrder, outcome: PaymentOutcome) -> None:
        """The gateway answered; its outcome is being committed to the journal on the writer thread. Show
        it and paint the result panel now, alone: the cashier's answer is on screen before that commit and
        before the rest of the tab changes (:meth:`_finish`, right after the commit, in the next paint).
        The card details stay in their locked fields until then, a few milliseconds."""
        if not shiboken6.isValid(self) or self._continues_as_3ds(order, outcome):
            return  # closed meanwhile (run_operation drops the outcome too), or not a result for the cashier
        self.result.show_outcome(outcome)
        if self._painting_held:
            self.result.setUpdatesEnabled(True)  # the rest of the tab stays held until _end_flight
        # Its rows, texts and visibility changed: lay them out now (as the event loop would before painting),
        # then paint the panel before returning.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.result.repaint()

    def _continues_as_3ds(self, order: CardOrder | None, outcome: PaymentOutcome) -> bool:
        return outcome.state is OutcomeState.ENROLLED and order is not None and self.three_ds is not None

    def _finish(self, order: CardOrder | None, outcome: PaymentOutcome) -> None:
        if self._continues_as_3ds(order, outcome):
            # Not a result for the cashier: the card needs 3-D Secure and nothing was charged; the sale goes
            # on through the card holder's bank check once this flight has ended (see _after_flight).
            self._continue_3ds = order
            self.form.clear_card()
            return
        # The outcome first: ending the flight with no outcome shown would hide the panel (a relayout of
        # the whole tab) only for show_outcome to bring it back. (_show_answer may have shown it already.)
        if self.result.outcome is not outcome:
            self.result.show_outcome(outcome)
        self._end_flight()  # listeners of payment_finished see a form ready for the next sale
        if outcome.state is OutcomeState.ERROR and outcome.keeps_order_id:
            # Nothing charged, same order ID: what Pay again needs stays but the card number and CVV.
            self.form.clear_card_number()
            self.form.pan.setFocus()  # the first of the two fields to retype
        else:
            self.form.clear_card()  # after every result: the card is never left on screen
        if outcome.field_errors:
            self.form.show_gateway_errors(outcome.field_errors)
        if outcome.state is OutcomeState.ENROLLED and order is not None:
            self._enrolled_order = order
            self.result.three_ds_button.setEnabled(True)
            if self.form.idle_seconds > 0:
                self._enrolled_timer.start(int(self.form.idle_seconds * 1000))
        if not outcome.keeps_order_id:
            self.form.new_order()
            if outcome.state is not OutcomeState.DECLINED:
                # Declined: the customer usually offers another card for the same amount.
                self.form.amount.setText("")
                self.form.customer.setText("")
            self.form.mark_fresh()
        self.payment_finished.emit(outcome)

    def _end_flight(self) -> None:
        if not self._in_flight:
            self._paint_again()
            return
        self._in_flight = False
        self._sending_banner = None
        self._connecting = False
        self._elapsed_timer.stop()
        self.form.lock_input(False)
        if self._busy_shown:
            self._busy_shown = False
            self.form.set_busy(False)
            # run_operation restores these too (for a 3-D Secure offer), but only once the task is done,
            # after this frame is painted: the result would show a running progress bar and a disabled
            # Pay for one frame (and paint them).
            self.progress.setRange(0, 1)
            self.progress.hide()
            self.pay_button.setEnabled(True)
            if self._busy_cursor:
                self._busy_cursor = False
                QApplication.restoreOverrideCursor()
        self._update_pay_label(self.form.current_amount(), self.form.currency.currentText())
        if self.result.outcome is None:
            self.result.clear()  # the request ended in an error dialog: drop the "Sending" banner
        self.form.amount.setFocus()
        self._paint_again()  # one repaint of the tab, with everything the outcome changed

    def _show_elapsed(self) -> None:
        seconds = int(time.monotonic() - self._sent_at)
        timeout = self.payments.answer_timeout
        if timeout is None:
            note = self.tr("No answer yet… {seconds} s").format(seconds=seconds)
        elif seconds < timeout:
            note = self.tr("No answer yet… {seconds} s; at {timeout} s it will be checked with the gateway").format(
                seconds=seconds, timeout=f"{timeout:g}")
        else:
            note = self.tr("No answer yet… {seconds} s; it is being checked with the gateway").format(seconds=seconds)
        self.result.show_progress_note(note)

    def _hold_painting(self) -> None:
        # On the tab's children, not the tab: a top-level widget (a tab shown on its own) whose updates
        # are off when it is first exposed is never painted again.
        self._painting_held = True
        for child in self._painted_children():
            child.setUpdatesEnabled(False)
        self._sending_paint_timer.start()

    def _show_busy(self, *, cursor: bool = True) -> None:
        """The in-flight look: read-only fields, Pay disabled and saying so, the progress running and (with
        ``cursor``) a busy cursor. Undone by :meth:`_end_flight`."""
        if self._busy_shown:
            return
        self._busy_shown = True
        self.form.set_busy(True)
        self.pay_button.setEnabled(False)
        if not self._connecting:
            self.pay_button.setText(self.tr("Sending…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        if cursor:
            self._busy_cursor = True
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def _sending_delay_over(self) -> None:
        """The answer is slow: show the in-flight look, put the banner in the panel and paint it all."""
        if self._in_flight:
            self._show_busy()
        if self._in_flight and self._sending_banner is not None and self.result.outcome is None:
            self.result.show_progress(self._sending_banner)
        self._sending_banner = None
        self._paint_again()

    def _paint_again(self) -> None:
        """Let the tab paint again (idempotent): the sending delay ran out or the flight ended."""
        self._sending_paint_timer.stop()
        if self._painting_held:
            self._painting_held = False
            for child in self._painted_children():
                child.setUpdatesEnabled(True)

    def _painted_children(self) -> list[QWidget]:
        return [child for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                if not child.isWindow()]

    def refresh_pay_label(self) -> None:
        """Say again on Pay what will be charged (an installment plan was chosen or dropped)."""
        self._update_pay_label(self.form.current_amount(), self.form.currency.currentText())

    def _update_pay_label(self, amount: Decimal | None, currency: str) -> None:
        if self._in_flight:
            return
        plan = self.installment_sale.plan if self.installment_sale is not None else None
        if plan is not None and plan.matches(amount, currency):
            amount = plan.charge  # with the customer's installment interest: what the card is charged
        if amount is None:
            self.pay_button.setText(self.tr("Pay"))
            return
        # ``amount`` is valid for ``currency`` (CardForm.current_amount), so money_text shows it exactly.
        self.pay_button.setText(self.tr("Pay {amount}").format(amount=money_text(amount, currency, self.locale())))

    def _request_three_ds(self) -> None:
        if self._in_flight:
            return  # a second click on the offer while the first challenge runs
        order = self._enrolled_order
        if order is None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, self.tr("3-D Secure"), self.tr(
                "The card details were cleared. Type the card again and pay with 3-D Secure."))
            return
        self._forget_enrolled_order()
        self.three_ds_requested.emit(order)

    def _forget_enrolled_order(self) -> None:
        self._enrolled_order = None
        self._enrolled_timer.stop()
        if self.result.outcome is not None and self.result.outcome.state is OutcomeState.ENROLLED:
            self.result.three_ds_button.setEnabled(False)


def _receipts_available() -> bool:
    """Whether Qt's printing module is installed (the receipt needs it; some minimal Qt installs lack it).
    Looked up, not imported: importing the receipt's modules costs the first frame ~80 ms."""
    from importlib.util import find_spec

    try:
        return find_spec("PySide6.QtPrintSupport") is not None
    except (ImportError, ValueError):
        return False
