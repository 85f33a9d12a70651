"""An installment option chosen in the Installments tab, carried into a 3-D Secure sale in the Sale tab.

Contract:

* The composition root connects ``InstallmentsTab.installment_chosen`` to the Sale tab: the window
  switches to the Sale tab and :meth:`SaleTab.choose_installment` fills the amount and currency, turns
  ``threeDsSwitch`` on, shows the plan in the banner ``saleInstallmentPlan`` and puts the focus on the
  card holder field.
* Card data is never carried between tabs: the Installments tab wiped its card number, so the cashier
  types the card again (the banner says so).
* While a plan is shown, :meth:`InstallmentSale.plan_for` gives the 3-D Secure path the
  ``installmentCount`` and ``interestPaidByCustomer`` to send.
* The plan is dropped, with a visible note (``saleInstallmentNote``), when the amount or currency no
  longer equals the amount quoted (the gateway's options were for that amount), when the 3-D Secure
  switch is turned off (installments only go through ``/api/3ds`` here), or when the cashier presses ✕.
* The plan belongs to one order: once a payment carrying it ends in a way that uses up the order ID
  (approved, declined, unknown, cancelled, refused) the plan is gone. After an error that charged nothing
  the order ID is kept, and so is the plan, so pressing Pay again retries the same installment sale.

Choices where the docs are silent: a single payment (count 1) chosen in the table is still sent with
``installmentCount: 1`` and the customer's interest choice, exactly as quoted; and a plan chosen while a
payment is in flight is refused with a note rather than changing the order being sent.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ..domain.money import AmountError, format_amount
from ..frozen import Frozen, init
from ..services.payments import OutcomeState, PaymentOutcome
from . import theme
from .locale_style import number_style
from .money_text import money_text

if TYPE_CHECKING:
    from ..api.models import InstallmentOption

_BANNER_STYLE = ("QFrame#saleInstallmentPlan { background: #e8f0fe; border: 1px solid #1a73e8;"
                 " border-radius: 6px; }")
_NOTE_STYLE = (f"color: {theme.CAUTION_TINT.text}; background: {theme.CAUTION_TINT.background}; "
               "border-radius: 4px; padding: 4px 8px;")


class InstallmentPlan(Frozen):
    """One row chosen in the Installments tab: what was quoted, before interest."""

    count: int
    interest_paid_by_customer: bool
    amount: Decimal
    currency: str
    #: The quoted row's figures, when the Installments tab still holds them (shown, never sent).
    installment_amount: Decimal | None
    total_amount: Decimal | None

    __slots__ = ("count", "interest_paid_by_customer", "amount", "currency", "installment_amount", "total_amount")

    def __init__(self, count: int, interest_paid_by_customer: bool, amount: Decimal, currency: str,
                 installment_amount: Decimal | None = None, total_amount: Decimal | None = None) -> None:
        init(self, count, interest_paid_by_customer, amount, currency, installment_amount, total_amount)

    def describe(self) -> str:
        """``in 3 installments (interest paid by customer)``, as the cashier reads it."""
        translate = QCoreApplication.translate
        if self.count == 1:
            return translate("InstallmentSale", "in a single payment")
        if self.interest_paid_by_customer:
            return translate("InstallmentSale", "in {count} installments (interest paid by customer)").format(
                count=self.count)
        return translate("InstallmentSale", "in {count} installments (interest paid by merchant)").format(
            count=self.count)

    @property
    def charge(self) -> Decimal:
        """What the card will be charged: the quoted total (with the customer's interest) when known."""
        return self.total_amount if self.total_amount is not None and self.count > 1 else self.amount

    def matches(self, amount: Decimal | None, currency: str) -> bool:
        return amount is not None and amount == self.amount and currency == self.currency


class InstallmentPlanBanner(QFrame):
    """The plan at the top of the Sale tab, with ✕ to remove it; below it, the note of a dropped plan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saleInstallmentPlan")
        self.setAccessibleName(self.tr("Installment plan of this sale"))
        self.setStyleSheet(_BANNER_STYLE)
        self.text = QLabel()
        self.text.setObjectName("saleInstallmentPlanText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setStyleSheet("border: none; color: #174ea6;")
        self.remove_button = QToolButton()
        self.remove_button.setObjectName("saleInstallmentPlanRemove")
        self.remove_button.setText("✕")
        self.remove_button.setAccessibleName(self.tr("Remove the installment plan"))
        self.remove_button.setToolTip(self.tr("Remove the installment plan: the sale is then paid at once"))
        self.remove_button.setAutoRaise(True)
        self.remove_button.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 4, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_plan(self, plan: InstallmentPlan) -> None:
        locale = self.locale()
        text = self.tr("<b>3-D Secure sale of {amount} {plan}.</b>").format(
            amount=money_text(plan.charge, plan.currency, locale), plan=plan.describe())
        if plan.installment_amount is not None and plan.total_amount is not None and plan.count > 1:
            # Everywhere the amount charged (Pay, bank page, result); the base and the interest are detail.
            text += "<br>" + self.tr("The card holder pays {count} × {each} = {total}.").format(
                count=plan.count, each=money_text(plan.installment_amount, plan.currency, locale),
                total=money_text(plan.total_amount, plan.currency, locale))
            if plan.total_amount != plan.amount:
                text += " " + self.tr("Base amount {amount} + interest {interest}.").format(
                    amount=money_text(plan.amount, plan.currency, locale),
                    interest=money_text(plan.total_amount - plan.amount, plan.currency, locale))
        text += "<br>" + self.tr("Type the card again: card details are never carried over from the "
                                 "Installments tab.")
        self.text.setText(text)
        self.text.setAccessibleName(self.text.text().replace("<b>", "").replace("</b>", "")
                                    .replace("<br>", " "))
        self.show()


class InstallmentSale(QObject):
    """Holds the Sale tab's installment plan (see the module docstring). Created by
    :class:`~.three_ds_dialog.ThreeDsSalePath`, which gives it the ``threeDsSwitch``."""

    def __init__(self, sale_tab: Any, three_ds_switch: Any) -> None:
        super().__init__(sale_tab)
        self.sale_tab = sale_tab
        self.switch = three_ds_switch
        self._plan: InstallmentPlan | None = None
        self._applying = False
        #: The plan ticked ``threeDsSwitch`` itself: it is unticked again when the plan's order ends.
        self._ticked_by_plan = False
        #: The note outlives the payment that wrote it (a decline), then goes with the next one.
        self._note_outlives_payment = False

        self.banner = InstallmentPlanBanner()
        self.note = QLabel()
        self.note.setObjectName("saleInstallmentNote")
        self.note.setAccessibleName(self.tr("Installment plan note"))
        self.note.setWordWrap(True)
        self.note.setStyleSheet(_NOTE_STYLE)
        self.note.hide()
        box = QWidget()
        box.setObjectName("saleInstallmentBox")
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 6)
        column.setSpacing(4)
        column.addWidget(self.banner)
        column.addWidget(self.note)
        _insert_above(sale_tab.form, box)

        self.banner.remove_button.clicked.connect(
            lambda: self.drop(self.tr("Installment plan removed: this sale is paid at once.")))
        sale_tab.form.amount_changed.connect(self._amount_changed)
        self.switch.toggled.connect(self._switch_toggled)
        sale_tab.payment_finished.connect(self._payment_finished)

    # --- public -----------------------------------------------------------------------------------

    @property
    def plan(self) -> InstallmentPlan | None:
        return self._plan

    def choose(self, count: int, interest_paid_by_customer: bool, amount: Decimal, currency: str, *,
               quote: InstallmentOption | None = None) -> bool:
        """Make the next sale a 3-D Secure sale in ``count`` installments of ``amount`` ``currency``
        (``quote``: the gateway's row, for the per-installment and total figures shown).
        Returns False (with a note) while a payment is in flight: the order being sent never changes."""
        if self.sale_tab.in_flight:
            self._show_note(self.tr("A payment is in progress. Choose the installment option again when it "
                                    "has finished."))
            return False
        plan = InstallmentPlan(count, interest_paid_by_customer, amount, currency,
                               installment_amount=quote.installment_amount if quote else None,
                               total_amount=quote.total_amount if quote else None)
        form = self.sale_tab.form
        self._applying = True
        try:
            form.currency.setCurrentText(currency)
            try:
                form.amount.setText(format_amount(amount, currency, number_style(form.locale())))
            except AmountError:
                form.amount.setText(str(amount))  # shown as quoted; the form marks it if it is not valid
            if not self.switch.isChecked():
                self._ticked_by_plan = True
                self.switch.setChecked(True)
        finally:
            self._applying = False
        self._plan = plan
        self.sale_tab.refresh_pay_label()
        self.note.hide()
        if self.sale_tab.result.outcome is not None:
            self.sale_tab.result.clear()  # the last sale's result is not this sale's
        self.banner.show_plan(plan)
        return True

    def plan_for(self, amount: Decimal, currency: str) -> InstallmentPlan | None:
        """The plan to send with a sale of ``amount`` ``currency``: ``None`` without one. A plan quoted for
        another amount is dropped (with its note) rather than sent."""
        if self._plan is not None and not self._plan.matches(amount, currency):
            self._drop_for_amount(amount, currency)
        return self._plan

    def order_ended(self, outcome: PaymentOutcome) -> None:
        """The 3-D Secure path reports how a payment carrying the plan ended (see the module docstring)."""
        if self._plan is None or outcome.keeps_order_id:
            return
        self._plan = None
        self.banner.hide()
        self._untick()
        self.sale_tab.refresh_pay_label()
        if outcome.state is OutcomeState.DECLINED:
            # The form keeps the amount for another card; the quote was for the declined card's BIN.
            self._show_note(self.tr("The installment plan went with the declined order. For another card, "
                                    "choose the option again in the Installments tab."))
            self._note_outlives_payment = True

    def drop(self, why: str) -> None:
        """Remove the plan and say why in the note."""
        if self._plan is None:
            return
        self._plan = None
        self.banner.hide()
        self._show_note(why)
        self.sale_tab.refresh_pay_label()

    # --- machinery -----------------------------------------------------------------------------------

    def _amount_changed(self, amount: Decimal | None, currency: str) -> None:
        if self._applying or self._plan is None or self._plan.matches(amount, currency):
            return
        self._drop_for_amount(amount, currency)

    def _drop_for_amount(self, amount: Decimal | None, currency: str) -> None:
        assert self._plan is not None
        quoted = money_text(self._plan.amount, self._plan.currency, self.sale_tab.locale())
        if currency != self._plan.currency:
            what = self.tr("the currency changed")
        elif amount is None:
            what = self.tr("the amount was cleared")
        else:
            what = self.tr("the amount changed")
        self.drop(self.tr("Installment plan removed: {what}, and the options were quoted for {quoted}. "
                          "Choose an option again in the Installments tab.").format(what=what, quoted=quoted))

    def _switch_toggled(self, on: bool) -> None:
        if not on and not self._applying:
            self.drop(self.tr("Installment plan removed: installments are only paid with 3-D Secure."))

    def _payment_finished(self, outcome: PaymentOutcome | None) -> None:
        if self._plan is None and outcome is not None and not outcome.keeps_order_id:
            self._untick()  # a plan dropped before paying still ticked the switch for that one sale
        if self._note_outlives_payment:
            self._note_outlives_payment = False
        else:
            self.note.hide()

    def _untick(self) -> None:
        """The 3-D Secure tick the plan set goes with it: the next sale is a plain one, as before the plan."""
        if self._ticked_by_plan:
            self._ticked_by_plan = False
            self._applying = True
            try:
                self.switch.setChecked(False)
            finally:
                self._applying = False

    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()


def _insert_above(widget: QWidget, banner: QWidget) -> None:
    """Put ``banner`` right above ``widget`` in whichever box layout of its parent holds it."""
    parent_layout = widget.parentWidget().layout()
    layouts = [parent_layout]
    while layouts:
        layout = layouts.pop()
        index = layout.indexOf(widget)
        if index >= 0 and isinstance(layout, QBoxLayout):
            layout.insertWidget(index, banner)
            return
        layouts.extend(layout.itemAt(i).layout() for i in range(layout.count()) if layout.itemAt(i).layout())
    raise LookupError(f"{widget.objectName()} is not in a box layout of its parent")
