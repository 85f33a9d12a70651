"""Card payments for the tabs: sale, pre-authorization and capture, journaled around every send.

Contract (no widgets here; the Sale and Pre-authorization tabs and 3-D Secure call this):

* A row is written to the journal (masked PAN and brand only) *before* the request leaves; the outcome is
  written after. An order ID already in the journal for this kind is refused before sending
  (:attr:`OutcomeState.REFUSED`), except a row whose earlier attempt the gateway kept no record of (an
  *error*, or *enrolled* — the gateway records nothing for a 3-D Secure answer): the cashier retrying the
  same sale reuses that row and that order ID.
* One request per call. A lost answer is :attr:`OutcomeState.UNKNOWN`: journaled, never retried.
* Duplicate guard (product rule): before a sale, an unresolved (pending/unknown) sale, or one approved in
  the last :data:`DUPLICATE_WINDOW`, with the same amount, currency and card last four raises
  :class:`DuplicateSuspected` before anything is journaled or sent. The UI asks the cashier and calls
  again with ``confirmed_duplicate=True``.
* Capture is refused before sending when the pre-authorization is not approved, already captured (or a
  capture is in flight/unknown), or the amount exceeds what is left (``balance``). A capture releases the
  rest of the authorization (what card networks do with a partial capture), so the parent's balance
  becomes zero and the capture row's balance is what can be refunded.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from concurrent.futures import Future
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Coroutine

from ..api.enums import PaymentStatus
from ..api.errors import (
    AuthenticationError,
    ConnectionFailedError,
    KlogsError,
    OutcomeUnknownError,
    ProtocolError,
    RateLimitedError,
    ValidationFailedError,
    field_errors_from,
)
from ..domain.balances import Balance
from ..domain.cards import brand_of, last_four, mask_pan
from ..domain.journal import DuplicateReferenceError, Entry, EntryKind, EntryState
from ..frozen import Frozen, init
from ..messages import GatewayText, Message, Money, Param, english, msg
from .audit import CAPTURE
from .context import AppServices

if TYPE_CHECKING:
    from ..api.models import CardPaymentRequest, PaymentResponse

log = logging.getLogger(__name__)

#: Told a payment's outcome as soon as the gateway's answer is read (see :meth:`PaymentService.begin_sale`).
AnswerListener = Callable[["PaymentOutcome"], None]

#: An approved sale this recent with the same amount and card makes a new one look like a double charge.
DUPLICATE_WINDOW = dt.timedelta(minutes=10)


class OutcomeState(str, enum.Enum):
    APPROVED = "approved"
    DECLINED = "declined"
    #: The card needs 3-D Secure; nothing was charged.
    ENROLLED = "enrolled"
    #: The gateway (or the terminal, before sending) refused: definitely nothing charged.
    ERROR = "error"
    #: Sent, no answer: may or may not have been charged. Journaled; never retried.
    UNKNOWN = "unknown"
    #: This order ID was already sent; nothing was sent now.
    REFUSED = "refused"
    #: A 3-D Secure challenge was abandoned (cancel, deadline): nothing charged; the order ID is used up.
    CANCELLED = "cancelled"


class CardOrder(Frozen):
    """What the cashier typed for one card payment. Holds the full PAN and CVV in memory only;
    ``repr`` and ``str`` mask both, so a log line or traceback never carries them."""

    order_id: str
    amount: Decimal
    currency: str
    holder: str
    pan: str
    expiry_month: str
    expiry_year: str
    cvv: str
    customer_id: str | None

    __slots__ = ("order_id", "amount", "currency", "holder", "pan", "expiry_month", "expiry_year", "cvv",
                 "customer_id")

    def __init__(self, order_id: str, amount: Decimal, currency: str, holder: str, pan: str, expiry_month: str,
                 expiry_year: str, cvv: str, customer_id: str | None = None) -> None:
        init(self, order_id, amount, currency, holder, pan, expiry_month, expiry_year, cvv, customer_id)

    def __repr__(self) -> str:
        return (f"CardOrder(order_id={self.order_id!r}, amount={self.amount!r}, currency={self.currency!r}, "
                f"pan={self.masked_pan!r}, cvv='***', customer_id={self.customer_id!r})")

    __str__ = __repr__

    @property
    def masked_pan(self) -> str:
        return mask_pan(self.pan)

    @property
    def brand(self) -> str:
        return brand_of(self.pan).value

    @property
    def last_four(self) -> str:
        return last_four(self.pan)

    def request(self) -> CardPaymentRequest:
        """The request body; raises pydantic.ValidationError (never ``str()`` it: it quotes the PAN)."""
        from ..api.models import CardPaymentRequest

        return CardPaymentRequest(
            order_id=self.order_id, amount=self.amount, currency=self.currency, card_holder_name=self.holder,
            pan=self.pan, expiry_month=self.expiry_month, expiry_year=self.expiry_year, cvv=self.cvv,
            customer_id=self.customer_id or None)


class PaymentOutcome(Frozen):
    """How one payment ended, in the terms the result panel and receipt show. Never holds a full PAN."""

    state: OutcomeState
    order_id: str
    amount: Decimal
    currency: str
    #: For the cashier: what happened (rendered in the cashier's language by the UI).
    msg: Message
    #: For the cashier: what to do now.
    next_msg: Message | None
    entry_id: int | None
    masked_pan: str | None
    card_brand: str | None
    payment_id: str | None
    auth_code: str | None
    result_code: str | None
    result_message: str | None
    card_scheme: str | None
    card_type: str | None
    dom_int: str | None
    commission: Decimal | None
    #: camelCase field -> messages, when the gateway (or the request model) named fields.
    field_errors: dict[str, list[str]]
    #: Installments the sale was sent with (3-D Secure sales from the Installments tab); None otherwise.
    installment_count: int | None
    #: What the gateway says it charged, when that differs from ``amount`` (installment interest paid by
    #: the customer); None otherwise.
    charged_amount: Decimal | None

    __slots__ = ("state", "order_id", "amount", "currency", "msg", "next_msg", "entry_id", "masked_pan", "card_brand",
                 "payment_id", "auth_code", "result_code", "result_message", "card_scheme", "card_type", "dom_int",
                 "commission", "field_errors", "installment_count", "charged_amount")

    def __init__(self, state: OutcomeState, order_id: str, amount: Decimal, currency: str, msg: Message,
                 next_msg: Message | None = None, entry_id: int | None = None, masked_pan: str | None = None,
                 card_brand: str | None = None, payment_id: str | None = None, auth_code: str | None = None,
                 result_code: str | None = None, result_message: str | None = None, card_scheme: str | None = None,
                 card_type: str | None = None, dom_int: str | None = None, commission: Decimal | None = None,
                 field_errors: dict[str, list[str]] | None = None, installment_count: int | None = None,
                 charged_amount: Decimal | None = None) -> None:
        init(self, state, order_id, amount, currency, msg, next_msg, entry_id, masked_pan, card_brand, payment_id,
             auth_code, result_code, result_message, card_scheme, card_type, dom_int, commission,
             field_errors if field_errors is not None else {}, installment_count, charged_amount)

    @property
    def message(self) -> str:
        """:attr:`msg` in English, for logs and tests."""
        return english(self.msg)

    @property
    def next_step(self) -> str:
        """:attr:`next_msg` in English, for logs and tests."""
        return english(self.next_msg)

    @property
    def keeps_order_id(self) -> bool:
        """True when the same order ID may be sent again (nothing was recorded against it)."""
        return self.state in (OutcomeState.ERROR, OutcomeState.ENROLLED)

    @property
    def dom_int_words(self) -> Message | None:
        """Domestic or international card, as a message (the gateway's own code if it is neither)."""
        if not self.dom_int:
            return None
        code = {"DOM": "card.domestic", "INT": "card.international"}.get(self.dom_int.upper())
        return msg(code) if code else msg("stored.text", text=self.dom_int)


class DuplicateSuspected(Exception):
    """A sale like this one (same amount, currency and card) is unresolved or was just approved."""

    def __init__(self, similar: Entry) -> None:
        self.similar = similar
        values: dict[str, Param] = dict(amount=Money(similar.amount, similar.currency),
                                        last_four=last_four(similar.masked_pan or ""), order_id=similar.reference)
        self.msg = (msg("payment.duplicate-unresolved", **values) if similar.unresolved else
                    msg("payment.duplicate-recent", time=similar.created_at.astimezone().strftime("%H:%M"), **values))
        super().__init__(english(self.msg))


class CaptureRefused(Exception):
    """The capture cannot be sent; ``.msg`` says why, for the cashier (``str(err)``: in English). Nothing
    was sent."""

    def __init__(self, message: Message) -> None:
        super().__init__(english(message))
        self.msg = message


_NEXT_NEW_SALE = msg("next.new-sale")
#: Journal states of a sale the gateway kept no record of: its order ID may be sent again.
_NOTHING_RECORDED = frozenset({EntryState.ERROR, EntryState.ENROLLED})
_NEXT_UNKNOWN = msg("next.unknown")


class PaymentService:
    """Sale, pre-authorization and capture. Reads ``services.client`` at send time (it can be replaced)."""

    def __init__(self, services: AppServices, *, now: Callable[[], dt.datetime] | None = None) -> None:
        self.services = services
        self._now = now or (lambda: dt.datetime.now(dt.timezone.utc))

    @property
    def answer_timeout(self) -> float | None:
        """Seconds a payment waits for the gateway's answer (the current client's read timeout); after that
        its outcome is unknown and the reconciler asks the gateway. ``None``: no limit."""
        return self.services.client.answer_timeout

    # --- public operations ----------------------------------------------------------------------

    async def sale(self, order: CardOrder, *, confirmed_duplicate: bool = False,
                   on_answer: AnswerListener | None = None) -> PaymentOutcome:
        """Charge the card once. Raises :class:`DuplicateSuspected` unless ``confirmed_duplicate``.
        ``on_answer``: see :meth:`begin_sale`."""
        if not confirmed_duplicate:
            similar = self.find_similar_sale(order)
            if similar is not None:
                raise DuplicateSuspected(similar)
        return await self.begin_sale(order, on_answer=on_answer)

    def begin_sale(self, order: CardOrder, *,
                   on_answer: AnswerListener | None = None) -> Coroutine[Any, Any, PaymentOutcome]:
        """:meth:`sale` of an order whose duplicate check is done (or confirmed), started now: the request
        body is built and the write-ahead row is handed to the journal's writer thread *before this
        returns*, so whatever the caller does next (the Sale tab's sending state) runs while the row is
        committed. The coroutine returned waits for that commit, then sends once; run it at once.

        ``on_answer(outcome)`` is called as soon as the gateway's answer is read (approved, declined,
        3-D Secure required), while the outcome is being committed on the writer thread, so the cashier's
        screen need not wait for that second commit; the coroutine returns the same outcome once it is
        committed. Errors and lost answers are journaled first and only returned.

        A coroutine never run (its task cancelled before its first step: the window closed within that
        moment) leaves the committed ``pending`` row with nothing sent, like a run that died right after
        the commit: the reconciler looks it up after ``PENDING_GRACE`` (the gateway knows nothing: not
        charged), or the next start marks it unknown.
        """
        return self._begin_card_payment(order, EntryKind.SALE, self.services.client.pay, on_answer)

    async def pre_authorize(self, order: CardOrder) -> PaymentOutcome:
        """Hold the amount on the card (``POST /api/pre-authorization``); capture it later."""
        return await self._begin_card_payment(order, EntryKind.PREAUTH, self.services.client.pre_authorize)

    async def capture(self, preauth_entry_id: int, amount: Decimal) -> PaymentOutcome:
        """Capture ``amount`` of an approved pre-authorization. Raises :class:`CaptureRefused` before
        sending when it cannot be captured."""
        from ..api.models import CaptureRequest

        journal = self.services.journal
        parent = journal.get(preauth_entry_id)
        self._check_capturable(parent, amount)
        child = journal.record_pending(
            environment=parent.environment, kind=EntryKind.CAPTURE, reference=parent.reference,
            parent_id=parent.id, amount=amount, currency=parent.currency, masked_pan=parent.masked_pan,
            card_brand=parent.card_brand, card_holder=parent.card_holder, customer_id=parent.customer_id,
            payment_id=parent.payment_id)
        request = CaptureRequest(amount=amount, currency=parent.currency)
        payment_id = parent.payment_id
        assert payment_id is not None  # _check_capturable: an approved pre-authorization has its payment ID
        held = Balance.of(parent, journal.children(parent.id)).capturable
        outcome = await self._send(child, lambda: self.services.client.capture(payment_id, request))
        if outcome.state is OutcomeState.APPROVED:
            journal.update(parent.id, balance=Decimal(0))
            # The rest of the hold goes back to the card holder: say so with what was captured.
            outcome = outcome.replace(msg=msg("capture.done", captured=Money(amount, parent.currency),
                                               released=Money(held - amount, parent.currency)),
                              next_msg=msg("next.refund-later"))
        self.services.audit.record(CAPTURE, details={
            "order_id": parent.reference, "entry_id": child.id, "amount": str(amount), "currency": parent.currency,
            "outcome": outcome.state.value})
        return outcome

    def find_similar_sale(self, order: CardOrder) -> Entry | None:
        """An unresolved sale, or one approved within :data:`DUPLICATE_WINDOW`, with the same amount,
        currency and card last four; ``None`` if there is none."""
        return self.services.journal.similar_payment(
            environment=self.services.environment, kinds=(EntryKind.SALE, EntryKind.SALE_3DS),
            amount=order.amount, currency=order.currency, card_last_four=order.last_four,
            approved_since=self._now() - DUPLICATE_WINDOW, excluding_reference=order.order_id)

    # --- machinery ------------------------------------------------------------------------------

    def _begin_card_payment(self, order: CardOrder, kind: EntryKind,
                            send: Callable[[CardPaymentRequest], Awaitable[PaymentResponse]],
                            on_answer: AnswerListener | None = None) -> Coroutine[Any, Any, PaymentOutcome]:
        """Build the request and submit the write-ahead row now; the coroutine does the rest (see
        :meth:`begin_sale`)."""
        import pydantic

        try:
            request = order.request()
        except pydantic.ValidationError as exc:
            errors = field_errors_from(exc)  # never str(exc): it quotes the PAN
            return _already(self._outcome_without_entry(order, OutcomeState.ERROR,
                                                        msg("payment.not-sent-invalid", errors=_join_errors(errors)),
                                                        msg("next.fix-fields"), errors))
        # Inserting first keeps a new order ID (nearly every sale) to one statement; a used one fails
        # without writing anything and only then is the earlier row looked up. Write-ahead: committed
        # (and synced to disk) before the request is sent.
        pending = self.services.journal.submit(
            "record_pending", environment=self.services.environment, kind=kind, reference=order.order_id,
            **_card_values(order))
        return self._card_payment(order, kind, pending, lambda: send(request), on_answer)

    async def _card_payment(self, order: CardOrder, kind: EntryKind, pending: "Future[Entry]",
                            call: Callable[[], Awaitable[PaymentResponse]],
                            on_answer: AnswerListener | None) -> PaymentOutcome:
        try:
            entry = await self._journal_before_sending(order, kind, pending)
        except DuplicateReferenceError:
            return self._outcome_without_entry(
                order, OutcomeState.REFUSED, msg("payment.order-id-used", order_id=order.order_id),
                msg("next.new-order-id"))
        # The refundable balance of an approved sale is written with its outcome: one commit after sending.
        return await self._send(entry, call, balance_when_approved=True, on_answer=on_answer)

    async def _write(self, write: str, /, *args: Any, **kwargs: Any) -> Entry:
        """A journal write on the journal's writer thread (:meth:`Journal.submit`), awaited: the UI stays
        responsive during its commit and fsync, and the writes of a payment stay in order. If the task is
        cancelled meanwhile the write still finishes (a pending row then becomes ``unknown`` at the next
        start, as after a crash at that moment, and the reconciler settles it)."""
        return await _committed(self.services.journal.submit(write, *args, **kwargs))

    async def _journal_before_sending(self, order: CardOrder, kind: EntryKind, pending: "Future[Entry]") -> Entry:
        """The row ``pending`` (the submitted ``record_pending``) wrote; when the order ID was used
        already, the earlier row of a sale the gateway kept no record of, made pending again."""
        journal, env = self.services.journal, self.services.environment
        try:
            return await _committed(pending)
        except DuplicateReferenceError:
            earlier = journal.find_payment(env, kind, order.order_id)
            if earlier is None or earlier.state not in _NOTHING_RECORDED:
                raise
        # The cashier retries a sale that charged nothing (a gateway error, or a card that turned out to
        # need 3-D Secure and was swapped for another): the order ID is still free at the gateway.
        note = msg("note.retried-after", why=earlier.result_message or msg("note.an-error"))
        return await self._write("update", earlier.id, state=EntryState.PENDING, auth_code=None, result_code=None,
                                 result_message=None, payment_id=None, note=note, **_card_values(order))

    async def _send(self, entry: Entry, call: Callable[[], Awaitable[PaymentResponse]], *,
                    balance_when_approved: bool = False, on_answer: AnswerListener | None = None) -> PaymentOutcome:
        """Send once and journal the outcome in one write. ``balance_when_approved``: an approved answer
        also sets the row's refundable ``balance`` to its amount (card sales and pre-authorizations)."""
        journal = self.services.journal
        try:
            response = await call()
        except OutcomeUnknownError as exc:
            row = await self._write("record_outcome", entry.id, EntryState.UNKNOWN, note=exc.msg)
            return self._from_entry(row, OutcomeState.UNKNOWN, msg("payment.outcome-unknown"), _NEXT_UNKNOWN)
        except ProtocolError as exc:
            # A 2xx we cannot read: the gateway did process something.
            row = await self._write("record_outcome", entry.id, EntryState.UNKNOWN, note=exc.msg)
            return self._from_entry(row, OutcomeState.UNKNOWN, msg("payment.unreadable-answer"), _NEXT_UNKNOWN)
        except KlogsError as exc:
            row = await self._write("record_outcome", entry.id, EntryState.ERROR, result_message=exc.msg)
            errors = exc.field_errors if isinstance(exc, ValidationFailedError) else {}
            return self._from_entry(row, OutcomeState.ERROR, exc.msg, _next_step_after_error(exc), errors)
        except BaseException:
            # A bug or a cancellation after the request may have left: never claim it was not charged.
            journal.record_outcome(entry.id, EntryState.UNKNOWN, note=msg("note.failed-in-flight"))
            raise
        return await self._from_response(entry, response, balance_when_approved=balance_when_approved,
                                         on_answer=on_answer)

    async def _from_response(self, entry: Entry, response: PaymentResponse, *,
                             balance_when_approved: bool = False,
                             on_answer: AnswerListener | None = None) -> PaymentOutcome:
        """Journal the answer (one write) and return the outcome; ``on_answer`` gets it while it commits."""
        state, entry_state, message, next_step = {
            PaymentStatus.SUCCESS: (OutcomeState.APPROVED, EntryState.APPROVED, msg("payment.approved"),
                                    _NEXT_NEW_SALE),
            PaymentStatus.FAILED: (OutcomeState.DECLINED, EntryState.DECLINED, msg("payment.declined"),
                                   msg("next.another-card")),
            PaymentStatus.ENROLLED: (OutcomeState.ENROLLED, EntryState.ENROLLED, msg("payment.enrolled"),
                                     msg("next.use-3ds")),
        }.get(response.status, (OutcomeState.UNKNOWN, EntryState.UNKNOWN,
                                msg("payment.odd-status", status=response.status.value), _NEXT_UNKNOWN))
        masked_pan = _safe_masked(response.pan) or entry.masked_pan
        payment_id = str(response.payment_id) if response.payment_id else None
        written = self.services.journal.submit(
            "record_outcome", entry.id, entry_state, payment_id=payment_id,
            auth_code=response.auth_code, result_code=response.result_code,
            result_message=response.result_message, masked_pan=masked_pan,
            **({"balance": entry.amount} if balance_when_approved and state is OutcomeState.APPROVED else {}))
        if state is OutcomeState.APPROVED and entry.kind is EntryKind.PREAUTH:
            next_step = msg("next.capture-later")
        if state is OutcomeState.DECLINED and response.result_message:
            message = msg("payment.declined-because", why=GatewayText.of(response.result_message))
        # From the row as it is being written (the same values), so it can be shown before the commit.
        outcome = PaymentOutcome(
            state=state, order_id=entry.reference, amount=entry.amount, currency=entry.currency, msg=message,
            next_msg=next_step, entry_id=entry.id, masked_pan=masked_pan, card_brand=entry.card_brand,
            payment_id=payment_id, auth_code=response.auth_code, result_code=response.result_code,
            result_message=response.result_message, card_scheme=response.card_scheme,
            card_type=response.card_type, dom_int=response.dom_int, commission=response.merchant_commission,
            installment_count=entry.installment_count,
            charged_amount=(response.amount if state is OutcomeState.APPROVED and response.amount is not None
                            and response.amount != entry.amount else None))
        if on_answer is not None:
            try:
                on_answer(outcome)
            except Exception:  # a screen that failed to show it must not cost the payment its journaled outcome
                log.exception("answer listener failed; the outcome is still journaled and returned")
        await _committed(written)
        return outcome

    @staticmethod
    def _from_entry(row: Entry, state: OutcomeState, message: Message, next_step: Message | None,
                    field_errors: dict[str, list[str]] | None = None) -> PaymentOutcome:
        return PaymentOutcome(state=state, order_id=row.reference, amount=row.amount, currency=row.currency,
                              msg=message, next_msg=next_step, entry_id=row.id, masked_pan=row.masked_pan,
                              card_brand=row.card_brand, field_errors=field_errors or {},
                              installment_count=row.installment_count)

    @staticmethod
    def _outcome_without_entry(order: CardOrder, state: OutcomeState, message: Message,
                               next_step: Message | None,
                               field_errors: dict[str, list[str]] | None = None) -> PaymentOutcome:
        return PaymentOutcome(state=state, order_id=order.order_id, amount=order.amount, currency=order.currency,
                              msg=message, next_msg=next_step, masked_pan=order.masked_pan,
                              card_brand=order.brand, field_errors=field_errors or {})

    def _check_capturable(self, parent: Entry, amount: Decimal) -> None:
        if parent.kind is not EntryKind.PREAUTH or parent.parent_id is not None:
            raise CaptureRefused(msg("capture.only-preauth"))
        if parent.state is not EntryState.APPROVED or not parent.payment_id:
            raise CaptureRefused(msg("capture.not-approved", order_id=parent.reference))
        children = self.services.journal.children(parent.id)
        for child in children:
            if child.kind is EntryKind.CAPTURE and child.state is EntryState.APPROVED:
                raise CaptureRefused(msg("capture.already", order_id=parent.reference))
            if child.kind is EntryKind.CAPTURE and child.unresolved:
                raise CaptureRefused(msg("capture.open", order_id=parent.reference))
        if not isinstance(amount, Decimal) or amount <= 0:
            raise CaptureRefused(msg("capture.not-positive"))
        remaining = Balance.of(parent, children).capturable
        if amount > remaining:
            raise CaptureRefused(msg("capture.at-most", amount=Money(remaining, parent.currency)))


#: The journal states a lookup settles a payment in, as (outcome, what happened, what to do now).
_SETTLED = {
    EntryState.APPROVED: (OutcomeState.APPROVED, "settled.approved", "next.new-sale"),
    EntryState.DECLINED: (OutcomeState.DECLINED, "settled.declined", "next.another-card"),
    EntryState.NOT_CHARGED: (OutcomeState.ERROR, "settled.not-charged", "next.new-sale"),
}
_SETTLED_KINDS = frozenset({EntryKind.SALE, EntryKind.SALE_3DS, EntryKind.PREAUTH})


def settled_outcome(entry: Entry) -> PaymentOutcome | None:
    """How a payment that ended outcome-unknown was settled by the background lookup, for the tab that
    still shows it as unknown; ``None`` for rows that are not card payments or not settled."""
    if entry.kind not in _SETTLED_KINDS or entry.state not in _SETTLED:
        return None
    state, message, next_step = _SETTLED[entry.state]
    if entry.kind is EntryKind.PREAUTH and state is OutcomeState.APPROVED:
        next_step = "next.capture-later"
    return PaymentOutcome(state=state, order_id=entry.reference, amount=entry.amount, currency=entry.currency,
                          msg=msg(message), next_msg=msg(next_step), entry_id=entry.id,
                          masked_pan=entry.masked_pan, card_brand=entry.card_brand, payment_id=entry.payment_id,
                          auth_code=entry.auth_code, installment_count=entry.installment_count)


def settled_notice(outcome: PaymentOutcome) -> Message:
    """The one-line notice of a settled payment, for whichever tab the cashier is on."""
    return msg("settled.notice", order_id=outcome.order_id, amount=Money(outcome.amount, outcome.currency),
               result=outcome.msg)


def _card_values(order: CardOrder) -> dict[str, Any]:
    """The journal columns a card payment's row takes from the order (masked card only)."""
    return dict(amount=order.amount, currency=order.currency, masked_pan=order.masked_pan, card_brand=order.brand,
                card_holder=order.holder, customer_id=order.customer_id or None)


async def _already(outcome: PaymentOutcome) -> PaymentOutcome:
    return outcome


async def _committed(write: "Future[Entry]") -> Entry:
    """The result of a journal write submitted to the writer thread. One already done (the write-ahead row,
    committed while the Sale tab set its sending state) is taken at once: ``asyncio.wrap_future`` would
    still go through two event-loop wake-ups (``call_soon_threadsafe``, then the task's step)."""
    if write.done():
        return write.result()
    import asyncio  # not at import: the first frame comes before asyncio (ui/event_loop.py)

    result: Entry = await asyncio.wrap_future(write)
    return result


def _join_errors(errors: dict[str, list[str]]) -> GatewayText:
    """The request model's field errors (pydantic's words, like the gateway's: shown as written)."""
    return GatewayText("; ".join(f"{name}: {', '.join(messages)}" for name, messages in errors.items())
                       or "invalid request.")


def _next_step_after_error(exc: KlogsError) -> Message:
    if isinstance(exc, AuthenticationError):
        return msg("next.check-credentials")
    if isinstance(exc, RateLimitedError):
        return msg("next.wait")
    if isinstance(exc, ConnectionFailedError):
        return msg("next.check-network")
    if isinstance(exc, ValidationFailedError):
        return msg("next.fix-fields")
    return msg("next.pay-again")


def _safe_masked(pan: str | None) -> str | None:
    """The gateway's masked PAN, re-masked in case a gateway ever echoes it in full."""
    if not pan:
        return None
    digits = "".join(c for c in pan if c.isdigit())
    return mask_pan(pan) if len(digits) >= 12 else pan
