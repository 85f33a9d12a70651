"""The 3-D Secure sale: start it, wait for the card holder's challenge, complete it. No widgets.

Flow and journal (kind ``sale_3ds``, one row per order ID; a plain sale of the same order ID that was
answered ENROLLED becomes that row: :meth:`Journal.continue_as_3ds`):

1. :meth:`ThreeDSecureService.begin` registers a callback with the loopback listener, writes the row
   ``pending`` *before* ``POST /api/3ds`` (with the listener's success/failure URLs), and on a positive
   answer marks it ``awaiting_customer`` with the gateway's payment ID. The :class:`Challenge` holds the
   HTML to show and the callback future.
2. :meth:`ThreeDSecureService.finish` awaits the callback. Before ``/complete`` the row goes back to
   ``pending`` (that request is the one that charges), then ``POST /api/3ds/{paymentId}/complete`` with the
   securityKey; the answer is journaled ``approved``/``declined`` like any sale, a lost answer ``unknown``.
3. A cancel (:meth:`cancel`), the 10-minute deadline, or the finishing task being cancelled revoke the
   token and journal ``cancelled`` with the note "cancelled — nothing charged".

Assumptions where the docs are silent (the sandbox follows the same rules):

* Nothing is charged before ``/complete`` is called: ``/api/3ds`` only enrols the payment. So an abandoned
  challenge is ``cancelled``, not ``unknown``. Its order ID is used up all the same: the gateway answers a
  repeated ``/api/3ds`` for that order ID with the *first* enrollment (and its now revoked callback URLs), so
  a retry needs a new order ID (:attr:`OutcomeState.CANCELLED` makes the Sale tab roll it). Only an order
  whose ``/api/3ds`` was refused with an error (nothing enrolled) may be sent again with the same ID.
* After a *failure* callback ``/complete`` is still called: the gateway, not the browser, says how the
  payment ended (it answers FAILED). If it refuses with an error status, the payment is journaled
  ``declined``: the card holder failed authentication and nothing can have been charged.
* A lost answer to ``/api/3ds`` itself is journaled ``unknown`` (conservative; reconciliation looks it up).
* Installments: the row keeps the order amount and ``installment_count``; when the customer pays the
  interest the gateway charges more than the order amount, and the row's ``balance`` (what can be
  refunded) is the amount the gateway says it charged.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..api.errors import KlogsError, OutcomeUnknownError, ProtocolError, field_errors_from
from ..callbacks import CallbackListener, CallbackOutcome, CallbackTimeoutError, PendingCallback
from ..domain.journal import DuplicateReferenceError, Entry, EntryKind, EntryState
from ..messages import GatewayText, Message, msg
from .context import AppServices
from .payments import (
    CardOrder,
    DuplicateSuspected,
    OutcomeState,
    PaymentOutcome,
    PaymentService,
    _join_errors,
)

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)

#: How long the card holder has to finish the challenge.
CHALLENGE_TIMEOUT = 600.0

CANCELLED_NOTE = msg("note.3ds-cancelled")
_NEXT_AGAIN = msg("next.3ds-again")


class Challenge:
    """A started 3-D Secure payment waiting for the card holder. ``html_content`` is the gateway's page.

    What ``@dataclass`` made of it, written out (its decorator compiles each method, ~1 ms of the first
    frame): keyword or positional construction, a repr of the fields, equality field by field with the same
    class, unhashable, fields that can be set."""

    _FIELDS = ("entry_id", "order_id", "amount", "currency", "payment_id", "html_content", "pending", "masked_pan",
               "card_brand")

    def __init__(self, entry_id: int, order_id: str, amount: Decimal, currency: str, payment_id: str,
                 html_content: str, pending: PendingCallback, masked_pan: str | None = None,
                 card_brand: str | None = None) -> None:
        self.entry_id = entry_id
        self.order_id = order_id
        self.amount = amount
        self.currency = currency
        self.payment_id = payment_id
        self.html_content = html_content
        self.pending = pending
        self.masked_pan = masked_pan
        self.card_brand = card_brand

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"Challenge({fields})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable: unhashable, as the dataclass was

    @property
    def callback(self) -> asyncio.Future:
        return self.pending.future


class ChallengeNotStarted(Exception):
    """``begin`` ended without a challenge; :attr:`outcome` says why (already journaled if sent)."""

    def __init__(self, outcome: PaymentOutcome) -> None:
        super().__init__(outcome.message)
        self.outcome = outcome


class ThreeDSecureService:
    """3-D Secure sales through ``listener`` (started by the caller). Reads ``services.client`` at send time."""

    def __init__(self, services: AppServices, listener: CallbackListener, *,
                 challenge_timeout: float = CHALLENGE_TIMEOUT) -> None:
        self.services = services
        self.listener = listener
        self.challenge_timeout = challenge_timeout
        self._payments = PaymentService(services)

    @property
    def gateway_url(self) -> str:
        """The payment API's base URL now: where the challenge page comes from (the client can be replaced)."""
        return self.services.client.endpoints.payment_base_url

    async def begin(self, order: CardOrder, installment_count: int | None = None,
                    interest_paid_by_customer: bool | None = None, *,
                    confirmed_duplicate: bool = False) -> Challenge:
        """Journal, then ``POST /api/3ds``. Returns the challenge to show, or raises
        :class:`ChallengeNotStarted` (invalid input, order ID used, refused, unknown) or
        :class:`DuplicateSuspected` (unless ``confirmed_duplicate``)."""
        if not confirmed_duplicate:
            similar = self._payments.find_similar_sale(order)
            if similar is not None:
                raise DuplicateSuspected(similar)
        await self.listener.start()
        self.listener.allow_origin(self.gateway_url)
        pending = self.listener.expect(timeout=self.challenge_timeout)
        try:
            return await self._begin(order, installment_count, interest_paid_by_customer, pending)
        except BaseException:
            pending.revoke()
            raise

    async def _begin(self, order: CardOrder, installment_count: int | None,
                     interest_paid_by_customer: bool | None, pending: PendingCallback) -> Challenge:
        import pydantic

        from ..api.models import ThreeDSecureRequest

        try:
            request = ThreeDSecureRequest(
                **order.request().model_dump(), installment_count=installment_count,
                interest_paid_by_customer=interest_paid_by_customer,
                success_url=pending.success_url, failure_url=pending.failure_url)
        except pydantic.ValidationError as exc:
            errors = field_errors_from(exc)  # never str(exc): it quotes the PAN
            raise ChallengeNotStarted(self._payments._outcome_without_entry(
                order, OutcomeState.ERROR, msg("payment.not-sent-invalid", errors=_join_errors(errors)),
                msg("next.fix-fields"), errors)) from None
        try:
            entry = self._journal_before_sending(order, installment_count)
        except DuplicateReferenceError:
            raise ChallengeNotStarted(self._payments._outcome_without_entry(
                order, OutcomeState.REFUSED, msg("3ds.order-id-used", order_id=order.order_id),
                msg("next.new-order-id-3ds"))) from None
        journal = self.services.journal
        try:
            enrollment = await self.services.client.start_3ds(request)
        except (OutcomeUnknownError, ProtocolError) as exc:
            row = journal.record_outcome(entry.id, EntryState.UNKNOWN, note=exc.msg)
            raise ChallengeNotStarted(self._payments._from_entry(
                row, OutcomeState.UNKNOWN, msg("3ds.answer-lost"), msg("next.unknown"))) from None
        except KlogsError as exc:
            row = journal.record_outcome(entry.id, EntryState.ERROR, result_message=exc.msg)
            errors = getattr(exc, "field_errors", {}) or {}
            raise ChallengeNotStarted(self._payments._from_entry(
                row, OutcomeState.ERROR, msg("3ds.not-charged", why=exc.msg), _NEXT_AGAIN, errors)) from None
        except BaseException:
            journal.record_outcome(entry.id, EntryState.UNKNOWN, note=msg("note.failed-in-flight"))
            raise
        if not enrollment.success or not enrollment.payment_id or not enrollment.html_content:
            why = (GatewayText.of(enrollment.result_message) if enrollment.result_message
                   else msg("3ds.did-not-start"))
            row = journal.record_outcome(entry.id, EntryState.DECLINED, result_code=enrollment.result_code,
                                         result_message=enrollment.result_message,
                                         payment_id=str(enrollment.payment_id) if enrollment.payment_id else None)
            raise ChallengeNotStarted(self._payments._from_entry(
                row, OutcomeState.DECLINED, msg("3ds.could-not-start", why=why), msg("next.another-card")))
        payment_id = pending.bind_payment(enrollment.payment_id)
        row = journal.record_outcome(entry.id, EntryState.AWAITING_CUSTOMER, payment_id=payment_id,
                                     result_code=enrollment.result_code, result_message=enrollment.result_message)
        return Challenge(entry_id=row.id, order_id=row.reference, amount=row.amount, currency=row.currency,
                         payment_id=payment_id, html_content=enrollment.html_content, pending=pending,
                         masked_pan=row.masked_pan, card_brand=row.card_brand)

    async def finish(self, challenge: Challenge) -> PaymentOutcome:
        """Wait for the card holder, then complete. Ends ``cancelled`` on :meth:`cancel` or the deadline;
        if the task running this is cancelled, journals ``cancelled`` and re-raises."""
        import asyncio  # not at import: the first frame comes before asyncio (ui/event_loop.py)

        from ..api.models import ThreeDSecureCompleteRequest

        try:
            result = await challenge.pending.future
        except CallbackTimeoutError:
            return self._cancelled(challenge, msg("3ds.timed-out"))
        except asyncio.CancelledError:
            outcome = self._cancelled(challenge, msg("3ds.cancelled"))
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise
            return outcome
        journal = self.services.journal
        entry = journal.record_outcome(challenge.entry_id, EntryState.PENDING)
        request = ThreeDSecureCompleteRequest(security_key=result.security_key)
        outcome = await self._payments._send(
            entry, lambda: self.services.client.complete_3ds(challenge.payment_id, request))
        if outcome.state is OutcomeState.APPROVED:
            # With installment interest paid by the customer the card is charged more than the order
            # amount; what can be refunded is what was charged.
            journal.update(entry.id, balance=outcome.charged_amount or outcome.amount)
        elif result.outcome is CallbackOutcome.FAILURE and outcome.state is OutcomeState.ERROR:
            row = journal.record_outcome(entry.id, EntryState.DECLINED)
            return self._payments._from_entry(row, OutcomeState.DECLINED, msg("3ds.authentication-failed"),
                                              msg("next.another-card"))
        if outcome.state is OutcomeState.DECLINED and result.outcome is CallbackOutcome.FAILURE:
            return _replace_message(outcome, msg("3ds.declined-authentication"))
        return outcome

    def cancel(self, challenge: Challenge) -> None:
        """The cashier gave up: revoke the token; :meth:`finish` then ends ``cancelled``."""
        self._cancelled(challenge, msg("3ds.cancelled"))

    def _cancelled(self, challenge: Challenge, why: Message) -> PaymentOutcome:
        challenge.pending.revoke()
        journal = self.services.journal
        row = journal.get(challenge.entry_id)
        if row.state is EntryState.AWAITING_CUSTOMER:
            row = journal.record_outcome(row.id, EntryState.CANCELLED, note=CANCELLED_NOTE)
        return self._payments._from_entry(row, OutcomeState.CANCELLED, msg("3ds.cancelled-outcome", why=why),
                                          _NEXT_AGAIN)

    def _journal_before_sending(self, order: CardOrder, installment_count: int | None) -> Entry:
        journal, env = self.services.journal, self.services.environment
        values: dict[str, Any] = dict(amount=order.amount, currency=order.currency, masked_pan=order.masked_pan,
                      card_brand=order.brand, card_holder=order.holder, customer_id=order.customer_id or None,
                      installment_count=installment_count)
        earlier = journal.find_payment(env, EntryKind.SALE_3DS, order.order_id)
        enrolled = journal.find_payment(env, EntryKind.SALE, order.order_id)
        if earlier is None and enrolled is not None and enrolled.state is EntryState.ENROLLED:
            # The same sale, sent as a plain sale first: the card needed 3-D Secure and nothing was charged.
            # It goes on through 3-D Secure in its own row (one sale, one row; no "needs 3-D Secure" left).
            row = journal.continue_as_3ds(enrolled.id)
            return journal.update(row.id, state=EntryState.PENDING, payment_id=None, auth_code=None,
                                  result_code=None, result_message=None, note=msg("note.continued-3ds"), **values)
        if earlier is not None and earlier.state is EntryState.ERROR:
            # Nothing was charged on the earlier attempt, so the cashier may retry with the same order ID.
            return journal.update(earlier.id, state=EntryState.PENDING, payment_id=None, auth_code=None,
                                  result_code=None, result_message=None,
                                  note=msg("note.retried-after",
                                           why=earlier.note or earlier.result_message or msg("note.an-error")),
                                  **values)
        return journal.record_pending(environment=env, kind=EntryKind.SALE_3DS, reference=order.order_id, **values)


def _replace_message(outcome: PaymentOutcome, message: Message) -> PaymentOutcome:
    return outcome.replace(msg=message)
