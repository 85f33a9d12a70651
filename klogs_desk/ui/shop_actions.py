"""Void and Refund in the Journal's "all tills" view: a manager acts on a payment made at any till.

The action is sent to the gateway from this till and recorded here (journal, audit trail) and, through the
outbox, in the shop database (:class:`klogs_desk.services.shop.ShopService`). Only a signed-in manager may
(it is the manager's view of the shop); a cashier is told so. Dialogs go through :meth:`confirm`,
:meth:`ask_refund_amount`, :meth:`tell`, which tests replace.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox

from ..api.errors import KlogsError
from ..domain.money import AmountError, parse_amount
from ..services.shop import ShopService, ShopUnavailable
from ..services.staff import Permission, StaffRefused, StaffService
from ..services.transactions import TransactionOutcome, TransactionOutcomeState, TransactionRefused
from ..shop.server import ShopEntry
from .async_runner import run_operation
from .journal_tab import JournalTab
from .messages import render
from .money_text import money_text


class ShopActions(QObject):
    #: A void or refund of another till's payment ended (the :class:`TransactionOutcome`).
    action_finished = Signal(object)

    def __init__(self, tab: JournalTab, shop: ShopService, staff: StaffService) -> None:
        super().__init__(tab)
        self.tab = tab
        self.shop = shop
        self.staff = staff
        tab.shop_void_requested.connect(self.void)
        tab.shop_refund_requested.connect(self.refund)

    def _manager(self) -> bool:
        """A signed-in manager only (no approval here: it is the manager's view of the shop); the rule and the
        refusal's audit record are :meth:`StaffService.require`'s."""
        try:
            self.staff.require(Permission.VOID_REFUND)
        except StaffRefused as refused:
            self.tell(self.tr("A manager must sign in"), render(refused.msg))
            return False
        return True

    def void(self, payment: ShopEntry) -> None:
        if not self._manager():
            return
        entry = payment.entry
        if not self.confirm(self.tr("Confirm"), self.tr(
                "Void order {order_id} of {amount}, made at till {till}? It is sent from this till.").format(
                order_id=entry.reference, amount=money_text(entry.amount, entry.currency), till=payment.till)):
            return
        self._run(self.tab.shop_void_button, self.shop.void(payment))

    def refund(self, payment: ShopEntry) -> None:
        if not self._manager():
            return
        remaining = self.tab.shop_model.balance(self.tab.shop_model.rows().index(payment)).remaining \
            if payment in self.tab.shop_model.rows() else None
        amount = self.ask_refund_amount(payment, remaining)
        if amount is None:
            return
        self._run(self.tab.shop_refund_button, self.shop.refund(payment, amount))

    def _run(self, button, work) -> None:  # type: ignore[no-untyped-def]  # a QPushButton and a ShopService coroutine
        async def guarded() -> TransactionOutcome | str:
            try:
                return await work
            except (TransactionRefused, StaffRefused, ShopUnavailable) as exc:
                return render(exc.msg)
        run_operation(button, guarded(), on_success=self._finished, on_error=self._failed)

    def _finished(self, outcome: TransactionOutcome | str) -> None:
        self.tab.refresh()
        if isinstance(outcome, str):
            self.tell(self.tr("Nothing was sent"), outcome)
            return
        self.action_finished.emit(outcome)
        if outcome.state is TransactionOutcomeState.DONE:
            self.tell(self.tr("Done"), render(outcome.msg))
        else:
            self.tell(self.tr("Not done"), render(outcome.msg))

    def _failed(self, exc: KlogsError) -> None:
        self.tab.refresh()
        self.tell(self.tr("The gateway could not be asked"), render(exc.msg))

    # --- dialogs (tests replace these) ----------------------------------------------------------------

    def ask_refund_amount(self, payment: ShopEntry, remaining: Decimal | None) -> Decimal | None:
        entry = payment.entry
        text, accepted = QInputDialog.getText(
            self.tab, self.tr("Refund"), self.tr("Amount to refund of order {order_id} (till {till}), at most "
                                                 "{left}:").format(order_id=entry.reference, till=payment.till,
                                                                   left=money_text(remaining, entry.currency)))
        if not accepted:
            return None
        try:
            return parse_amount(text, entry.currency)
        except AmountError as exc:
            self.tell(self.tr("Refund"), render(exc.msg))
            return None

    def confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self.tab, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def tell(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, self.tab)
        box.setObjectName("shopActionMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
