"""The Journal tab's actions: Details (the gateway's view), Void, Refund, and "Record verified outcome";
and their dialogs.

* :class:`TransactionActions` gives life to the Journal tab's ``journalDetails``, ``journalVoid`` and
  ``journalRefund`` seams (:meth:`JournalTab.set_action_handler`). Every network call goes through
  :func:`~klogs_desk.ui.async_runner.run_operation` with the button as its control, so a double click cannot
  send twice. What the cashier is asked goes through methods tests replace (``ask_pin``,
  ``ask_refund_amount``, ``confirm``, ``tell``, ``open_details``, ``ask_verified_outcome``).
* Voids and refunds need a manager (:mod:`klogs_desk.services.staff`). A signed-in manager confirms; a
  cashier gets **manager approval** on the spot: a manager types their own name and PIN in the cashier's
  session (:class:`ManagerPinDialog`, fields ``managerName`` and ``managerPin``). A wrong PIN, a
  non-manager or a locked-out manager sends nothing, in words; wrong PINs count towards that manager's
  lock-out. The void/refund row names the cashier as ``operator`` and the manager as ``approved_by``.
* The refund amount (:class:`RefundDialog`, field ``refundAmount``) shows the remaining balance and is
  checked against it, in the currency's minor units, before anything is sent.
* The row and its balance change only after the gateway said success (the service guarantees it); the
  tab is refreshed after every action and after each reconciler resolution. After a successful void or
  refund the cashier is offered its receipt.
* The composition root (:mod:`klogs_desk.composition`) builds the actions for the Journal tab with the
  app's :class:`~klogs_desk.services.reconciler.Reconciler`, whose resolutions refresh the tab.
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..api.errors import KlogsError, NotFoundError
from ..domain.balances import Balance
from ..domain.journal import Entry, EntryKind, EntryState
from ..domain.money import AmountError, format_amount, parse_amount
from ..messages import msg
from ..services.reconciler import Reconciler
from ..services.staff import Approval, StaffService
from ..services.transactions import (
    TransactionOutcome,
    TransactionOutcomeState,
    TransactionRefused,
    TransactionService,
    approval_message,
)
from . import theme
from .answer_text import answer_text
from .async_runner import run_operation, run_query
from .fit import grow_to_fit
from .journal_model import kind_text, local_time_text, state_text
from .locale_style import number_style
from .lock_screen import sign_in_refused_text
from .messages import render, render_result
from .money_text import money_text

if TYPE_CHECKING:
    from ..api.models.transactions import TransactionDetail
    from ..services.context import AppServices
    from .journal_tab import JournalTab


def _error_label(name: str, accessible: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setStyleSheet(theme.error_label_sheet(""))
    label.setWordWrap(True)
    label.setAccessibleName(accessible)
    label.hide()
    return label


def _ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (named ``ok_text``) runs ``dialog.try_accept``, which accepts only valid input; Cancel rejects."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.try_accept)  # type: ignore[attr-defined]  # every dialog given here defines try_accept
    buttons.rejected.connect(dialog.reject)
    return buttons


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
    grow_to_fit(label)


# --- dialogs ------------------------------------------------------------------------------------------


class ManagerPinDialog(QDialog):
    """Asks a manager to approve ``what`` (e.g. "Void 100.00 TRY of KD-...") with their own name and PIN,
    typed in the cashier's session. The PIN is only read by :meth:`pin`; it is never stored, and the field
    is cleared when the dialog closes."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerPinDialog")
        self.setWindowTitle(self.tr("Manager approval"))
        self.setMinimumWidth(420)
        question = QLabel(self.tr("{what}\n\nA manager must approve this: the manager types their own name "
                                  "and PIN.").format(what=what), objectName="managerPinQuestion")
        question.setWordWrap(True)
        self.name_edit = QLineEdit(objectName="managerName")
        self.name_edit.setAccessibleName(self.tr("Manager name"))
        self.name_edit.setMaxLength(40)
        self.pin_edit = QLineEdit(objectName="managerPin", echoMode=QLineEdit.EchoMode.Password)
        self.pin_edit.setAccessibleName(self.tr("Manager PIN"))
        self.pin_edit.setMaxLength(12)
        self.pin_edit.setPlaceholderText(self.tr("6 to 12 digits"))
        self.error_label = _error_label("managerPinError", self.tr("Manager PIN problem"))
        buttons = _ok_cancel(self, self.tr("Approve"))
        form = QFormLayout()
        form.addRow(self.tr("Manager &name"), self.name_edit)
        form.addRow(self.tr("Manager &PIN"), self.pin_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def pin(self) -> str:
        return self.pin_edit.text()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def try_accept(self) -> None:
        if not self.name():
            _show_error(self.error_label, self.tr("Type the manager's name."))
            self.name_edit.setFocus()
            return
        if not self.pin() and self.name_edit.hasFocus():  # Enter after the name: on to the PIN
            self.pin_edit.setFocus()
            return
        if not self.pin().isdigit():
            _show_error(self.error_label, self.tr("Type the manager PIN (digits only)."))
            return
        self.accept()

    def done(self, result: int) -> None:
        super().done(result)
        if result != QDialog.DialogCode.Accepted:
            self.pin_edit.clear()


class TypedApproval:
    """A manager's name and PIN typed in another operator's session, checked (:func:`check_typed_approval`).

    ``given`` is the approval, or None when refused; then either ``not_a_manager`` names the operator whose
    right PIN it was (the caller says what they may not approve), or ``why`` says, in the operator's
    language, how many tries are left or how long ``locked_out`` lasts."""

    def __init__(self, given: Approval | None, *, not_a_manager: str | None = None, locked_out: bool = False,
                 why: str = "") -> None:
        self.given = given
        self.not_a_manager = not_a_manager
        self.locked_out = locked_out
        self.why = why


def check_typed_approval(staff: StaffService, name: str, pin: str) -> TypedApproval:
    """Check ``name`` and ``pin`` as a manager's approval (:meth:`StaffService.approve`; a wrong PIN counts
    towards that manager's lock-out). Shared by the void/refund approval and the report's Close day."""
    given, result = staff.approve(name, pin)
    if given is not None:
        return TypedApproval(given)
    if result.operator is not None and result.pin is None:  # the PIN was right, but not a manager's
        return TypedApproval(None, not_a_manager=result.operator.name)
    return TypedApproval(None, locked_out=result.locked_out, why=sign_in_refused_text(result))


class RefundDialog(QDialog):
    """Asks how much of ``target`` to refund; shows and enforces the remaining balance before sending.

    ``check(amount)`` is :meth:`TransactionService.check_refund_amount` bound to the target; its refusal is
    shown at the field. :attr:`amount` is the accepted ``Decimal``.
    """

    def __init__(self, target: Entry, check: Callable[[Decimal], Decimal], parent: QWidget | None = None, *,
                 remaining: Decimal | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.setWindowTitle(self.tr("Refund {order_id}").format(order_id=target.reference))
        self.setMinimumWidth(420)
        self.target = target
        self._check = check
        self.amount: Decimal | None = None
        if remaining is None:  # not told: the row's own balance (its children unread)
            remaining = Balance.of(target).remaining
        self.remaining = remaining if remaining is not None else target.amount
        locale = self.locale()
        self._style = number_style(locale)
        paid = money_text(target.amount, target.currency, locale)
        left = money_text(self.remaining, target.currency, locale)
        self.remaining_label = QLabel(
            self.tr("Paid {amount} with {card}.\nUp to {left} can still be refunded.").format(
                amount=paid, card=target.masked_pan or self.tr("the card"), left=left), objectName="refundRemaining")
        self.remaining_label.setAccessibleName(self.tr("Refundable balance"))
        self.remaining_label.setWordWrap(True)
        self.amount_edit = QLineEdit(objectName="refundAmount")
        self.amount_edit.setAccessibleName(self.tr("Refund amount in {currency}").format(currency=target.currency))
        typed_balance = format_amount(self.remaining, target.currency, self._style)
        self.amount_edit.setText(typed_balance)
        self.amount_edit.selectAll()
        self.full_button = QPushButton(self.tr("Full balance"), objectName="refundFull")
        self.full_button.setAccessibleName(self.tr("Refund the full remaining balance"))
        self.full_button.clicked.connect(
            lambda: self.amount_edit.setText(typed_balance))
        self.error_label = _error_label("refundAmountError", self.tr("Refund amount problem"))
        self.amount_edit.textEdited.connect(lambda _text: _show_error(self.error_label, ""))
        buttons = _ok_cancel(self, self.tr("Refund"))
        form = QFormLayout()
        form.addRow(self.tr("Amount ({currency})").format(currency=target.currency), self.amount_edit)
        form.addRow("", self.full_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.remaining_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def try_accept(self) -> None:
        try:
            amount = parse_amount(self.amount_edit.text(), self.target.currency, self._style)
            self.amount = self._check(amount)
        except (AmountError, TransactionRefused) as exc:
            self.amount = None
            _show_error(self.error_label, render(exc.msg))
            self.amount_edit.setFocus()
            return
        self.accept()


class RecordOutcomeDialog(QDialog):
    """The manual path: the cashier records an outcome verified elsewhere (bank portal, the customer's
    bank statement, a call to the gateway), with a note saying how. The note is required."""

    CHOICES = ((EntryState.APPROVED, QT_TRANSLATE_NOOP("RecordOutcomeDialog", "Approved — the money was taken")),
               (EntryState.DECLINED, QT_TRANSLATE_NOOP("RecordOutcomeDialog", "Declined — the card was not charged")),
               (EntryState.NOT_CHARGED,
                QT_TRANSLATE_NOOP("RecordOutcomeDialog", "Not charged — the gateway never received it")))

    def __init__(self, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordOutcomeDialog")
        self.setWindowTitle(self.tr("Record verified outcome"))
        self.entry = entry
        intro = QLabel(self.tr("{kind} {order_id} of {amount} has no known outcome. Record what you verified, "
                               "and how.").format(kind=kind_text(entry.kind), order_id=entry.reference,
                                                  amount=money_text(entry.amount, entry.currency)),
                       objectName="recordOutcomeIntro")
        intro.setWordWrap(True)
        self.outcome_combo = QComboBox(objectName="verifiedOutcome")
        self.outcome_combo.setAccessibleName(self.tr("Verified outcome"))
        for state, label in self.CHOICES:
            self.outcome_combo.addItem(self.tr(label), state)
        self.note_edit = QPlainTextEdit(objectName="verifiedNote")
        self.note_edit.setAccessibleName(self.tr("How the outcome was verified"))
        self.note_edit.setPlaceholderText(self.tr("e.g. Checked in the bank portal with Ayşe (support), 14:05"))
        self.note_edit.setFixedHeight(70)
        self.error_label = _error_label("verifiedNoteError", self.tr("Verified outcome problem"))
        buttons = _ok_cancel(self, self.tr("Record"))
        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome_combo)
        form.addRow(self.tr("How verified"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    @property
    def state(self) -> EntryState:
        return self.outcome_combo.currentData()

    @property
    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def try_accept(self) -> None:
        if len(self.note) < 5:
            _show_error(self.error_label, self.tr("Say how you verified it (who, where, when)."))
            return
        self.accept()


class TransactionDetailsDialog(QDialog):
    """The gateway's view of a journal row (or why it could not be had), readable, with the journal's own
    record beside it. Rows with no known outcome offer "Record verified outcome…"."""

    record_requested = Signal(object)

    def __init__(self, entry: Entry, detail: TransactionDetail | None, problem: str | None,
                 children: list[Entry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transactionDetailsDialog")
        self.setWindowTitle(self.tr("Details of {order_id}").format(order_id=entry.reference))
        self.resize(560, 520)
        self.entry = entry
        self.text = QTextBrowser(objectName="transactionDetailsText")
        self.text.setAccessibleName(self.tr("Payment details"))
        self.text.setHtml(details_html(entry, detail, problem, children, self.locale()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.record_button = QPushButton(self.tr("Record verified outcome…"), objectName="recordOutcomeButton")
        self.record_button.setAccessibleName(self.tr("Record verified outcome"))
        self.record_button.setToolTip(
            self.tr("For a payment the gateway cannot resolve: record what you checked elsewhere"))
        self.record_button.clicked.connect(lambda: self.record_requested.emit(self.entry))
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.record_button.setVisible(entry.unresolved)  # after addButton, which shows it
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


#: The Details dialog's texts, marked for lupdate: details_html translates them through its local tr().
_DETAILS_TEXTS = (
    QT_TRANSLATE_NOOP("TransactionDetails", "At the gateway"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Status"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Type"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Amount"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Balance"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Created"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Installments"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Transaction ID"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Errors"),
    QT_TRANSLATE_NOOP("TransactionDetails", "What followed"),
    QT_TRANSLATE_NOOP("TransactionDetails", "No voids, refunds or captures."),
    QT_TRANSLATE_NOOP("TransactionDetails", "No answer."),
    QT_TRANSLATE_NOOP("TransactionDetails", "In this terminal's journal"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Kind"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Order ID"),
    QT_TRANSLATE_NOOP("TransactionDetails", "State"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Card"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Approved by"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Operator"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Result"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Note"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Resolution"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Resolved at"),
    QT_TRANSLATE_NOOP("TransactionDetails", "Voids, refunds and captures sent from here"),
    QT_TRANSLATE_NOOP("TransactionDetails", ", approved by {who}"),
    QT_TRANSLATE_NOOP("TransactionDetails", ", by {operator}"),
)


def details_html(entry: Entry, detail: TransactionDetail | None, problem: str | None, children: list[Entry],
                 locale=None) -> str:
    """The details dialog's text: the gateway's answer first, then what this terminal recorded."""
    esc = html.escape

    def tr(text: str) -> str:
        return QCoreApplication.translate("TransactionDetails", text)

    def table(rows: list[tuple[str, str]]) -> str:
        # No fixed label colour: the palette's text colour stays readable on light and dark windows.
        return "<table cellspacing='3'>" + "".join(
            f"<tr><td style='padding-right:14px'>{esc(k)}</td><td><b>{esc(v)}</b></td></tr>"
            for k, v in rows if v) + "</table>"

    parts = [f"<h3>{esc(tr('At the gateway'))}</h3>"]
    if detail is not None:
        parts.append(table([
            (tr("Status"), answer_text(detail.status)), (tr("Type"), answer_text(detail.type)),
            (tr("Amount"), money_text(detail.amount, detail.currency_code, locale)),
            (tr("Balance"), money_text(detail.balance, detail.currency_code, locale)),
            (tr("Created"), local_time_text(detail.created_at_utc, locale)),
            (tr("Installments"), str(detail.installment) if (detail.installment or 0) > 1 else ""),
            (tr("Transaction ID"), str(detail.id)),
        ]))
        if detail.errors:
            parts.append(f"<p><b>{esc(tr('Errors'))}</b></p><ul>" + "".join(
                f"<li>{esc(e.error)}</li>" for e in detail.errors) + "</ul>")
        if detail.related_transactions:
            parts.append(f"<p><b>{esc(tr('What followed'))}</b></p><ul>")
            for related in detail.related_transactions:
                errors = "; ".join(e.error for e in related.errors)
                parts.append(f"<li>{esc(answer_text(related.type))} {esc(money_text(related.amount, detail.currency_code, locale))}"
                             f" — {esc(answer_text(related.status))}, {esc(local_time_text(related.created_at_utc, locale))}"
                             f"{esc(' — ' + errors) if errors else ''}</li>")
            parts.append("</ul>")
        else:
            parts.append(f"<p>{esc(tr('No voids, refunds or captures.'))}</p>")
    else:
        parts.append(f"<p><b>{esc(problem or tr('No answer.'))}</b></p>")
    journal_heading = tr("In this terminal's journal")
    parts.append(f"<h3>{esc(journal_heading)}</h3>")
    parts.append(table([
        (tr("Kind"), kind_text(entry.kind)), (tr("Order ID"), entry.reference),
        (tr("Amount"), money_text(entry.amount, entry.currency, locale)), (tr("State"), state_text(entry.state)),
        (tr("Balance"), money_text(entry.balance, entry.currency, locale) if entry.balance is not None else ""),
        (tr("Card"), entry.masked_pan or ""), (tr("Operator"), entry.operator or ""),
        (tr("Approved by"), render(approval_message(entry.approved_by)) if entry.approved_by else ""),
        (tr("Result"), render_result(entry.result_message)), (tr("Note"), render(entry.note)),
        (tr("Resolution"), render(entry.resolution)),
        (tr("Resolved at"), local_time_text(entry.resolved_at, locale)),
    ]))
    if children:
        parts.append(f"<p><b>{esc(tr('Voids, refunds and captures sent from here'))}</b></p><ul>")
        for child in children:
            who = (tr(", approved by {who}").format(who=render(approval_message(child.approved_by)))
                   if child.approved_by else "")
            if child.operator:
                who = tr(", by {operator}").format(operator=child.operator) + who
            parts.append(f"<li>{esc(kind_text(child.kind))} {esc(money_text(child.amount, child.currency, locale))}"
                         f" — {esc(state_text(child.state))}{esc(who)}, {esc(local_time_text(child.created_at, locale))}"
                         "</li>")
        parts.append("</ul>")
    return "".join(parts)


# --- the actions --------------------------------------------------------------------------------------


class _Approved:
    """A void or refund may go: ``given`` is a manager's approval for a cashier, None for a signed-in manager."""

    def __init__(self, given: Approval | None) -> None:
        self.given = given


class TransactionActions(QObject):
    """Details, Void, Refund and Record verified outcome for one Journal tab."""

    #: A void or refund ended (the :class:`TransactionOutcome`).
    action_finished = Signal(object)
    #: A row was resolved (by the reconciler or by hand).
    entry_resolved = Signal(object)

    def __init__(self, tab: "JournalTab", services: "AppServices", staff: StaffService,
                 reconciler: Reconciler | None = None) -> None:
        super().__init__(tab)
        self.tab = tab
        self.services = services
        self.staff = staff
        self.reconciler = reconciler
        self.service = TransactionService(services, staff)
        self.details_dialog: TransactionDetailsDialog | None = None
        tab.set_action_handler("details", self.details, self.tr("The gateway's view of the selected payment"))
        tab.set_action_handler("void", self.void, self.tr("Cancel the selected payment before the daily settlement"))
        tab.set_action_handler("refund", self.refund, self.tr("Return money of the selected settled payment"))
        self.entry_resolved.connect(lambda _entry: self.tab.refresh())
        if reconciler is not None:
            reconciler.on_resolved.append(self.entry_resolved.emit)

    # --- void and refund ------------------------------------------------------------------------

    def void(self, entry: Entry) -> None:
        try:
            target = self.service.void_target(entry)
        except TransactionRefused as exc:
            self.tell(self.tr("Cannot void"), render(exc.msg))
            return
        what = self.tr("Void {kind} {order_id} of {amount} ({card}).").format(
            kind=kind_text(target.kind).lower(), order_id=target.reference,
            amount=money_text(target.amount, target.currency), card=target.masked_pan or self.tr("card"))
        approval = self.approval(what)
        if approval is None:
            return
        run_operation(self.tab.void_button, self.service.void(target, approval.given), on_success=self._finished,
                 on_error=self._failed, error_title=self.tr("Void not sent"))

    def refund(self, entry: Entry) -> None:
        try:
            target = self.service.refund_target(entry)
        except TransactionRefused as exc:
            self.tell(self.tr("Cannot refund"), render(exc.msg))
            return
        amount = self.ask_refund_amount(target)
        if amount is None:
            return
        approval = self.approval(self.tr("Refund {amount} of {order_id} ({card}).").format(
            amount=money_text(amount, target.currency), order_id=target.reference,
            card=target.masked_pan or self.tr("card")))
        if approval is None:
            return
        run_operation(self.tab.refund_button, self.service.refund(target, amount, approval.given),
                 on_success=self._finished, on_error=self._failed, error_title=self.tr("Refund not sent"))

    def approval(self, what: str) -> "_Approved | None":
        """How ``what`` may be sent: a signed-in manager confirms it; a cashier needs a manager's name and
        PIN typed here (:meth:`ask_pin`). None when it must not be sent (cancelled, refused: said in words)."""
        if self.staff.current is not None and self.staff.current.is_manager:
            return _Approved(None) if self.confirm(
                self.tr("Confirm"), self.tr("{what}\n\nSend it now?").format(what=what)) else None
        typed = self.ask_pin(what)
        if typed is None:
            return None
        name, pin = typed
        status = self.staff.status(name)
        if status.locked_out:
            self.tell(self.tr("Manager locked out"), self.tr("{why}\n\nNothing was sent.").format(
                why=sign_in_refused_text(status)))
            return None
        typed_approval = check_typed_approval(self.staff, name, pin)
        if typed_approval.not_a_manager is not None:
            self.tell(self.tr("Not a manager"), render(msg("staff.not-a-manager", name=typed_approval.not_a_manager)))
            return None
        if typed_approval.given is None:
            title = self.tr("Manager locked out") if typed_approval.locked_out else self.tr("Wrong manager name or PIN")
            self.tell(title, self.tr("Nothing was sent.\n\n{why}").format(why=typed_approval.why))
            return None
        return _Approved(typed_approval.given)

    def _finished(self, outcome: TransactionOutcome) -> None:
        self.tab.refresh()
        self.action_finished.emit(outcome)
        void = outcome.entry.kind is EntryKind.VOID
        message = render(outcome.msg)
        if outcome.state is TransactionOutcomeState.DONE:
            self.show_done(self.tr("Void done") if void else self.tr("Refund done"), message, outcome.entry)
        elif outcome.state is TransactionOutcomeState.UNKNOWN:
            if self.reconciler is not None:
                self.reconciler.wake()
            self.tell(self.tr("Void: outcome unknown") if void else self.tr("Refund: outcome unknown"), message)
        else:
            self.tell(self.tr("Void refused by the gateway") if void else self.tr("Refund refused by the gateway"),
                      self.tr("{message}\n\nNothing was changed.").format(message=message))

    def _failed(self, exc: KlogsError) -> None:
        self.tab.refresh()
        self.tell(self.tr("The gateway could not be asked"), render(exc.msg))

    # --- details and the manual resolution ------------------------------------------------------

    def details(self, entry: Entry) -> None:
        def show(detail: TransactionDetail | None, problem: str | None = None) -> None:
            current = self.services.journal.get(entry.id)
            dialog = TransactionDetailsDialog(current, detail, problem, self.services.journal.children(entry.id),
                                              self.tab)
            dialog.record_requested.connect(self.record_verified_outcome)
            self.details_dialog = dialog
            self.open_details(dialog)

        def failed(exc: KlogsError) -> None:
            if isinstance(exc, NotFoundError):
                show(None, self.tr("The gateway has no payment with order ID {order_id}.").format(
                    order_id=entry.reference))
            else:
                show(None, self.tr("The gateway could not be asked: {message}").format(
                    message=render(exc.msg)))

        run_query(self.tab.details_button, self.service.lookup(entry), on_success=show, on_error=failed)

    def record_verified_outcome(self, entry: Entry) -> Entry | None:
        """Settle an unresolved row by hand with the cashier's note; returns the row, or None."""
        current = self.services.journal.get(entry.id)
        if not current.unresolved:
            self.tell(self.tr("Already resolved"), self.tr("This row was already resolved: {resolution}.").format(
                resolution=render(current.resolution) or state_text(current.state)))
            return None
        answer = self.ask_verified_outcome(current)
        if answer is None:
            return None
        state, note = answer
        row = self.service.record_verified_outcome(
            current, state, msg("lookup.cashier-verified", state=msg(f"state.{state.value}"), note=note), note)
        if self.details_dialog is not None:
            self.details_dialog.accept()
        self.entry_resolved.emit(row)
        return row

    # --- what the cashier is asked (tests replace these) ----------------------------------------

    def ask_pin(self, what: str) -> tuple[str, str] | None:
        """A manager's (name, PIN) typed for ``what``, or None when cancelled (tests replace this)."""
        dialog = ManagerPinDialog(what, self.tab)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        typed = (dialog.name(), dialog.pin()) if accepted else None
        dialog.pin_edit.clear()
        return typed

    def ask_refund_amount(self, target: Entry) -> Decimal | None:
        dialog = RefundDialog(target, lambda amount: self.service.check_refund_amount(target, amount), self.tab,
                              remaining=self.service.refundable(target))
        return dialog.amount if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_verified_outcome(self, entry: Entry) -> tuple[EntryState, str] | None:
        dialog = RecordOutcomeDialog(entry, self.details_dialog or self.tab)
        return (dialog.state, dialog.note) if dialog.exec() == QDialog.DialogCode.Accepted else None

    def open_details(self, dialog: TransactionDetailsDialog) -> None:
        dialog.open()

    def confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self.tab, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def show_done(self, title: str, message: str, entry: Entry) -> None:
        """Say it worked and offer the receipt, without blocking (this runs inside a finished task)."""
        box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Close, self.tab)
        box.setObjectName("transactionDone")
        receipt = box.addButton(self.tr("Receipt…"), QMessageBox.ButtonRole.ActionRole)
        receipt.setObjectName("transactionReceipt")
        receipt.clicked.connect(lambda: self.tab.receipts.preview(entry))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def tell(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, self.tab)
        box.setObjectName("transactionMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
