"""Look a payment up at the gateway, void it, or refund it (transactions.md), journaled around every send.

Contract (no widgets here; the Journal tab's actions and the reconciler call this):

* :meth:`TransactionService.void` and :meth:`TransactionService.refund` check everything the terminal can
  know *before* anything is journaled or sent, raising :class:`TransactionRefused` (nothing sent): the row
  must be an approved payment, no other void or refund of it may be unresolved, and a refund amount must
  fit the currency's minor units and the remaining balance (``Decimal`` throughout).
* Who answers for it: given the :class:`~klogs_desk.services.staff.StaffService` (the terminal always gives
  it), a void or refund needs a manager signed in or a manager's :class:`~klogs_desk.services.staff.Approval`
  typed in a cashier's session; otherwise :class:`~klogs_desk.services.staff.StaffRefused` before anything
  is written or sent. ``approved_by`` is then that manager's name (the row's ``operator`` is whoever is
  signed in).
* Then a child row (kind ``void``/``refund``, ``parent_id`` = the payment, ``approved_by`` = who allowed
  it) is written ``pending`` *before* the request leaves. The parent's balance changes only after the
  gateway answered success (:func:`apply_success`, shared with the reconciler).
* One request per call. A lost answer leaves the child ``unknown``: journaled, never retried; the
  reconciler resolves it by looking the payment up.

Which row a void or refund acts on (the docs are silent; this is what a real terminal does):

* A void cancels the whole payment: a sale, 3-D Secure sale, paid checkout link, or a pre-authorization
  (captured or not; voiding a captured one cancels the capture too, as the gateway does). Selecting a
  capture row voids its pre-authorization. The void row's amount is what the merchant held.
* A refund returns money of a sale, 3-D Secure sale, paid checkout link or a capture. Selecting a
  pre-authorization refunds its capture; one never captured is refused (void it instead).
* Whether the gateway still allows a void (before the daily settlement) or already a refund (after it) is
  the gateway's decision: the terminal cannot know the gateway's settlement clock, so it sends and shows
  the gateway's refusal in its words. A refusal changes nothing (child row ``error``).
* The parent keeps its state ``approved`` (the payment was approved; the void or refund is its own row);
  its ``balance`` and ``note`` say what is left.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from ..api.errors import KlogsError, NotFoundError, OutcomeUnknownError, ProtocolError, ValidationFailedError
from ..domain.balances import REFUNDABLE_KINDS, VOIDABLE_KINDS, Balance
from ..domain.journal import Entry, EntryKind, EntryState, Journal
from ..domain.money import AmountError, check_amount
from ..messages import GatewayText, Message, Money, english, msg
from .audit import REFUND, VOID
from .context import AppServices
from .staff import Approval, StaffService

if TYPE_CHECKING:
    from ..api.models.transactions import TransactionDetail

log = logging.getLogger(__name__)

#: ``approved_by`` when settings require the manager PIN and it was given.
APPROVED_BY_MANAGER_PIN = "manager PIN"
#: ``approved_by`` when settings do not require the manager PIN.
APPROVED_BY_NO_PIN = "no PIN required"


class TransactionRefused(Exception):
    """The void or refund cannot be sent; ``.msg`` says why, for the cashier (``.message``: in English, for
    logs). Nothing was sent.

    ``field`` is ``"refundAmount"`` when the amount is what is wrong.
    """

    def __init__(self, message: Message, *, field: str | None = None) -> None:
        self.msg = message
        self.message = english(message)
        super().__init__(self.message)
        self.field = field


class TransactionOutcomeState(str, enum.Enum):
    #: The gateway said success; the journal shows it.
    DONE = "done"
    #: The gateway refused (settled, not settled, over the balance...): nothing changed.
    REFUSED = "refused"
    #: Sent, no answer. Journaled ``unknown``; resolved by lookup, never sent again blindly.
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class TransactionOutcome:
    """How a void or refund ended. ``entry`` is the child row; ``parent`` the payment after it."""

    state: TransactionOutcomeState
    msg: Message
    entry: Entry
    parent: Entry
    field_errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """:attr:`msg` in English, for logs and tests."""
        return english(self.msg)


def remaining_balance(journal: Journal, entry: Entry, *, without: Entry | None = None) -> Decimal:
    """What can still be refunded (or captured) of ``entry``: :attr:`~klogs_desk.domain.balances.Balance.remaining`
    with its child rows from ``journal`` (less ``without``, a child whose success is being applied), zero
    when the row holds no money."""
    children = [c for c in journal.children(entry.id) if without is None or c.id != without.id]
    return Balance.of(entry, children).remaining or Decimal(0)


def apply_success(journal: Journal, child: Entry) -> Entry:
    """Update the payment ``child`` (a void, refund or capture, now approved) acted on. Returns the parent.

    Called exactly once per child, when the gateway said success or a lookup proved it happened.
    """
    parent = journal.get(child.parent_id)
    if child.kind is EntryKind.VOID:
        for sibling in journal.children(parent.id):
            if sibling.kind is EntryKind.CAPTURE and sibling.state is EntryState.APPROVED:
                journal.update(sibling.id, balance=Decimal(0), note=msg("note.voided-with-preauth"))
        return journal.update(parent.id, balance=Decimal(0),
                              note=_voided_by(child.approved_by) if child.approved_by else msg("note.voided"))
    if child.kind is EntryKind.REFUND:
        left = max(Decimal(0), remaining_balance(journal, parent, without=child) - child.amount)
        note = (msg("note.refunded-in-full") if left == 0
                else msg("note.refunded-part", amount=Money(child.amount, child.currency),
                         left=Money(left, child.currency)))
        return journal.update(parent.id, balance=left, note=note)
    if child.kind is EntryKind.CAPTURE:
        # The capture releases the rest of the authorization; what was captured can be refunded.
        journal.update(child.id, balance=child.amount)
        return journal.update(parent.id, balance=Decimal(0))
    return parent


class TransactionService:
    """Lookup, void and refund. Reads ``services.client`` at send time (it can be replaced)."""

    def __init__(self, services: AppServices, staff: StaffService | None = None) -> None:
        self.services = services
        #: Who may move money back (None: a tool or test that names the approver itself).
        self.staff = staff

    def _approver(self, approval: Approval | str | None) -> str:
        if self.staff is not None:
            return self.staff.approver_for_money(approval if isinstance(approval, Approval) else None)
        return approval if isinstance(approval, str) else APPROVED_BY_NO_PIN

    # --- lookup ---------------------------------------------------------------------------------

    async def lookup(self, entry: Entry) -> TransactionDetail:
        """The gateway's view of ``entry``'s payment (voids, refunds and captures included).

        Raises :class:`~klogs_desk.api.errors.NotFoundError` when the gateway does not know the order ID,
        or another :class:`~klogs_desk.api.errors.KlogsError`. Safe: a lookup never charges.
        """
        return await self.services.client.get_transaction(entry.reference)

    # --- what can be done -----------------------------------------------------------------------

    def void_target(self, entry: Entry) -> Entry:
        """The payment a void of ``entry`` cancels; raises :class:`TransactionRefused` if none."""
        journal = self.services.journal
        target = journal.get(entry.parent_id) if entry.kind is EntryKind.CAPTURE else entry
        if target.kind not in VOIDABLE_KINDS or target.parent_id is not None:
            raise TransactionRefused(msg("trx.cannot-void-kind", kind=_kind(target)))
        self._check_approved(target, "void")
        balance = self._check_no_open_children(target)
        if balance.refunded:
            raise TransactionRefused(msg("trx.refunded-not-voidable", order_id=target.reference))
        return target

    def refund_target(self, entry: Entry) -> Entry:
        """The row whose money a refund of ``entry`` returns; raises :class:`TransactionRefused` if none."""
        journal = self.services.journal
        target = entry
        if entry.kind is EntryKind.PREAUTH and entry.parent_id is None:
            capture = Balance.of(entry, journal.children(entry.id)).captured
            if capture is None:
                raise TransactionRefused(msg("trx.preauth-never-captured", order_id=entry.reference))
            target = capture
        if target.kind not in REFUNDABLE_KINDS:
            raise TransactionRefused(msg("trx.cannot-refund-kind", kind=_kind(target)))
        self._check_approved(target, "refund")
        balance = self._check_no_open_children(target)
        if target.kind is EntryKind.CAPTURE:
            self._check_no_open_children(journal.get(target.parent_id))
        if not balance.can_refund:
            raise TransactionRefused(msg("trx.nothing-left", order_id=target.reference))
        return target

    def refundable(self, target: Entry) -> Decimal:
        """What can still be refunded of ``target`` (a :meth:`refund_target`), from the journal."""
        return remaining_balance(self.services.journal, target)

    def check_refund_amount(self, target: Entry, amount: Decimal) -> Decimal:
        """``amount`` if it can be refunded on ``target``; raises :class:`TransactionRefused` (field
        ``refundAmount``) otherwise. Exact ``Decimal`` comparison, currency minor units enforced."""
        if not isinstance(amount, Decimal):
            raise TransactionRefused(msg("trx.amount-not-number"), field="refundAmount")
        try:
            check_amount(amount, target.currency)
        except AmountError as exc:
            raise TransactionRefused(exc.msg, field="refundAmount") from None
        remaining = self.refundable(target)
        if amount > remaining:
            raise TransactionRefused(msg("trx.refund-at-most", amount=Money(remaining, target.currency)),
                                     field="refundAmount")
        return amount

    # --- sending --------------------------------------------------------------------------------

    async def void(self, entry: Entry, approval: Approval | str | None = None) -> TransactionOutcome:
        """Void the payment of ``entry`` once. Raises :class:`TransactionRefused` (or
        :class:`~klogs_desk.services.staff.StaffRefused`) before sending."""
        from ..api.models.transactions import VoidRequest

        target = self.void_target(entry)
        held = self._held_amount(target)
        child = self._journal_child(target, EntryKind.VOID, held, self._approver(approval))
        outcome = await self._send(child, target, "void",
                                   lambda: self.services.client.void(VoidRequest(reference_code=target.reference)))
        self._audit(outcome, child.approved_by)
        return outcome

    async def refund(self, entry: Entry, amount: Decimal,
                     approval: Approval | str | None = None) -> TransactionOutcome:
        """Refund ``amount`` of ``entry``'s money once. Raises :class:`TransactionRefused` (or
        :class:`~klogs_desk.services.staff.StaffRefused`) before sending."""
        from ..api.models.transactions import RefundRequest

        target = self.refund_target(entry)
        self.check_refund_amount(target, amount)
        child = self._journal_child(target, EntryKind.REFUND, amount, self._approver(approval))
        request = RefundRequest(reference_code=target.reference, amount=amount)
        outcome = await self._send(child, target, "refund", lambda: self.services.client.refund(request))
        self._audit(outcome, child.approved_by)
        return outcome

    # --- by hand --------------------------------------------------------------------------------

    def record_verified_outcome(self, entry: Entry, state: EntryState, resolution: Message, note: str) -> Entry:
        """Settle the unresolved row ``entry`` with an outcome the cashier verified elsewhere (``resolution``
        says so, ``note`` how). An approved void, refund or capture changes its payment's balance as a
        gateway answer would (:func:`apply_success`); an approved payment holds its amount. Returns the row
        as resolved."""
        journal = self.services.journal
        row = journal.resolve(entry.id, state, resolution, note=note)
        if state is EntryState.APPROVED and row.parent_id is not None:
            apply_success(journal, row)
        elif state is EntryState.APPROVED:
            journal.update(row.id, balance=row.amount)
        return row

    # --- machinery ------------------------------------------------------------------------------

    def _audit(self, outcome: TransactionOutcome, approved_by: str | None) -> None:
        """The void or refund in the audit trail, with who approved it and how it ended."""
        row = outcome.entry
        self.services.audit.record(
            VOID if row.kind is EntryKind.VOID else REFUND, approver=approved_by,
            details={"order_id": row.reference, "entry_id": row.id, "amount": str(row.amount),
                     "currency": row.currency, "outcome": outcome.state.value})

    def _check_approved(self, target: Entry, operation: str) -> None:
        if target.state is not EntryState.APPROVED:
            if target.unresolved:
                code = "trx.unresolved-not-voidable" if operation == "void" else "trx.unresolved-not-refundable"
                raise TransactionRefused(msg(code, order_id=target.reference))
            code = "trx.state-not-voidable" if operation == "void" else "trx.state-not-refundable"
            raise TransactionRefused(msg(code, order_id=target.reference, state=msg(f"state.{target.state.value}")))

    def _check_no_open_children(self, target: Entry) -> Balance:
        """Refuses while a void, refund or capture of ``target`` is unresolved, or once it was voided;
        returns ``target``'s :class:`~klogs_desk.domain.balances.Balance` otherwise."""
        balance = Balance.of(target, self.services.journal.children(target.id))
        child = balance.open_child
        if child is not None:
            raise TransactionRefused(msg("trx.open-child", kind=_kind(child), order_id=target.reference))
        if balance.voided:
            raise TransactionRefused(msg("trx.already-voided", order_id=target.reference))
        return balance

    def _held_amount(self, target: Entry) -> Decimal:
        journal = self.services.journal
        if target.kind is EntryKind.PREAUTH:
            capture = Balance.of(target, journal.children(target.id)).captured
            if capture is not None:
                return remaining_balance(journal, capture)
        return remaining_balance(journal, target)

    def _journal_child(self, target: Entry, kind: EntryKind, amount: Decimal, approved_by: str) -> Entry:
        return self.services.journal.record_pending(
            environment=target.environment, kind=kind, reference=target.reference, parent_id=target.id,
            amount=amount, currency=target.currency, masked_pan=target.masked_pan, card_brand=target.card_brand,
            card_holder=target.card_holder, customer_id=target.customer_id, payment_id=target.payment_id,
            approved_by=approved_by)

    async def _send(self, child: Entry, target: Entry, operation: str, call) -> TransactionOutcome:  # type: ignore[no-untyped-def]  # call is the client coroutine function for the operation; its result type varies
        journal = self.services.journal
        try:
            result = await call()
        except OutcomeUnknownError as exc:
            row = journal.record_outcome(child.id, EntryState.UNKNOWN, note=exc.msg)
            return TransactionOutcome(TransactionOutcomeState.UNKNOWN, msg(f"trx.{operation}-lost"),
                                      row, journal.get(target.id))
        except ProtocolError as exc:
            row = journal.record_outcome(child.id, EntryState.UNKNOWN, note=exc.msg)
            return TransactionOutcome(TransactionOutcomeState.UNKNOWN, msg(f"trx.{operation}-unreadable"),
                                      row, journal.get(target.id))
        except KlogsError as exc:
            message = _refusal_text(exc)
            row = journal.record_outcome(child.id, EntryState.ERROR, result_message=message)
            errors = dict(exc.field_errors) if isinstance(exc, ValidationFailedError) else {}
            return TransactionOutcome(TransactionOutcomeState.REFUSED, message, row, journal.get(target.id), errors)
        except BaseException:
            journal.record_outcome(child.id, EntryState.UNKNOWN, note=msg("note.failed-in-flight"))
            raise
        if not result.success:
            message = (msg("gateway.said", text=GatewayText.of(result.error.summary)) if result.error
                       else msg(f"trx.{operation}-refused"))
            row = journal.record_outcome(child.id, EntryState.ERROR, result_message=message)
            return TransactionOutcome(TransactionOutcomeState.REFUSED, message, row, journal.get(target.id))
        row = journal.record_outcome(child.id, EntryState.APPROVED, result_message=msg(f"trx.{operation}-done"))
        parent = apply_success(journal, row)
        amount = Money(row.amount, row.currency)
        done = (msg("trx.voided", amount=amount, order_id=row.reference) if row.kind is EntryKind.VOID
                else msg("trx.refunded", amount=amount, order_id=row.reference,
                         left=Money(remaining_balance(journal, parent), row.currency)))
        return TransactionOutcome(TransactionOutcomeState.DONE, done, row, parent)


def _kind(entry: Entry) -> Message:
    return msg(f"kind.{entry.kind.value}")


def approval_message(approved_by: str) -> Message:
    """Who allowed a void or refund (the journal's ``approved_by``), as a message: one of the terminal's own
    values has its code; anything else is shown as stored."""
    who = {APPROVED_BY_MANAGER_PIN: "approval.manager-pin", APPROVED_BY_NO_PIN: "approval.no-pin"}.get(approved_by)
    return msg(who) if who else msg("stored.text", text=approved_by)


def _voided_by(approved_by: str) -> Message:
    """"Voided (manager PIN)." with who allowed it in the cashier's language."""
    return msg("note.voided-by", approved_by=approval_message(approved_by))


def _refusal_text(exc: KlogsError) -> Message:
    """The gateway's refusal in one readable sentence (its summary, without repeating the field)."""
    if isinstance(exc, NotFoundError):
        return msg("trx.no-such-payment")
    if isinstance(exc, ValidationFailedError) and exc.field_errors:
        # "amount: at most 74.50 TRY ..." names the field; the cashier reads only the sentence.
        return msg("gateway.said", text=GatewayText.of(
            " ".join(m for messages in exc.field_errors.values() for m in messages)))
    if exc.problem is not None and exc.problem.detail:
        return msg("gateway.said", text=GatewayText.of(exc.problem.detail))
    return exc.msg
