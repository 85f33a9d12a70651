"""Checkout links: create a hosted payment link, then follow it until the customer has paid. No widgets.

Journal (kind ``checkout``, one row per order ID and environment):

1. :meth:`CheckoutService.create` writes the row ``pending`` *before* ``POST /api/checkout``. The answer
   makes it ``awaiting_customer`` with ``checkout_id`` and ``redirect_url``; a refusal makes it ``error``
   (with the gateway's message); a lost answer makes it ``unknown``.
2. :meth:`CheckoutService.refresh` asks ``GET /api/checkout/{checkoutId}``. ``PENDING`` (the sandbox's
   documented extension: not paid yet) changes nothing; ``SUCCESS`` makes the row ``approved`` and
   ``FAILED`` makes it ``declined``, each with the payment ID, auth code, result and masked PAN.

Choices where the docs are silent (the sandbox follows the same rules):

* Creating a link moves no money and the gateway answers a repeated ``orderId`` (same amount and currency)
  with the *same* link. So pressing Create again for an order whose earlier create was refused (``error``)
  or lost (``unknown``) sends it again on the same row: the worst case is that the link the gateway already
  made comes back. This is a cashier's click, never an automatic retry.
* An order ID whose row already holds a link is not sent again: the existing link is shown instead
  (:attr:`CreateState.EXISTING`); with another amount or currency it is refused before sending.
* A paid link's charged amount can exceed the link's amount (installments with the interest paid by the
  customer); the row keeps the link's ``amount`` and records what was charged as its ``balance`` (what
  can be refunded), as the Sale tab does.
* A link is followed (:meth:`CheckoutService.follow`) with growing pauses (:data:`POLL_BACKOFF`: 2, 3, 5,
  8, 13 ... seconds, at most 60),
  because a customer takes minutes, not milliseconds, and a counter full of open links must not hammer the
  gateway. A ``GET`` that fails is retried by the client (it is safe) and otherwise just waits for the next
  round; it never changes the journal.
* All followed links together are asked about at most :data:`MAX_POLLS_PER_MINUTE` times a minute (a
  sliding window on :attr:`CheckoutService.poll`'s clock): a restart with a counter full of open links
  would otherwise start them all at 2, 3, 5, 8 ... seconds (about six questions each in the first
  minute), enough with fifteen links to pass the gateway's rate limit (docs: 100 requests a minute per
  credential in the test environment). A link over the budget waits for the next free slot; the
  cashier's own Refresh is not counted against it.
"""

from __future__ import annotations

import collections
import enum
import logging
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, AsyncIterator, Iterable, Iterator

from ..api.enums import PaymentStatus
from ..api.errors import KlogsError, OutcomeUnknownError, ProtocolError, ValidationFailedError, field_errors_from
from ..domain.backoff import Backoff, Growth
from ..domain.journal import DuplicateReferenceError, Entry, EntryKind, EntryState
from ..messages import Message, Money, english, msg
from .context import AppServices
from .payments import OutcomeState, PaymentOutcome, _join_errors, _safe_masked

if TYPE_CHECKING:
    from ..api.models import CheckoutRequest, PaymentResponse

log = logging.getLogger(__name__)

#: The first pause before asking about a new link, and the longest pause between two questions.
FIRST_POLL_DELAY = 2.0
MAX_POLL_DELAY = 60.0


#: Automatic questions a minute about all followed links together (see the module's docstring); with the
#: reconciler's 24 the background reads stay at 40 % of the gateway's 100 a minute at worst.
MAX_POLLS_PER_MINUTE = 16
POLL_BUDGET_WINDOW = 60.0

#: How a link is followed: pauses growing like Fibonacci numbers (2, 3, 5, 8 ...), at most a minute.
POLL_BACKOFF = Backoff(base=FIRST_POLL_DELAY, cap=MAX_POLL_DELAY, growth=Growth.FIBONACCI)


def growing_delays(first: float = FIRST_POLL_DELAY, cap: float = MAX_POLL_DELAY) -> Iterator[float]:
    """Endless pauses growing like Fibonacci numbers from ``first`` (2, 3, 5, 8 ...), never above ``cap``."""
    return replace(POLL_BACKOFF, base=first, cap=cap).delays()


class LinkStatus(str, enum.Enum):
    """What the cashier sees for a link; ``value`` is the text of the status column."""

    CREATING = "creating…"
    AWAITING = "awaiting payment"
    PAID = "PAID"
    FAILED = "FAILED"
    #: The create request's answer was lost: press Create again with the same order ID to get the link.
    UNKNOWN = "not known — create again"
    #: The gateway refused to create the link.
    NOT_CREATED = "not created"
    CANCELLED = "cancelled"

    @property
    def final(self) -> bool:
        """No point asking the gateway about it again."""
        return self not in (LinkStatus.AWAITING, LinkStatus.CREATING)


_STATUS_OF_STATE = {
    EntryState.PENDING: LinkStatus.CREATING,
    EntryState.AWAITING_CUSTOMER: LinkStatus.AWAITING,
    EntryState.APPROVED: LinkStatus.PAID,
    EntryState.DECLINED: LinkStatus.FAILED,
    EntryState.UNKNOWN: LinkStatus.UNKNOWN,
    EntryState.ERROR: LinkStatus.NOT_CREATED,
    EntryState.NOT_CHARGED: LinkStatus.NOT_CREATED,
    EntryState.CANCELLED: LinkStatus.CANCELLED,
}


@dataclass(frozen=True)
class CheckoutOrder:
    """What the cashier typed for one link (no card data: the customer types the card on the hosted page)."""

    order_id: str
    amount: Decimal
    currency: str
    description: str | None = None
    customer_id: str | None = None
    max_installment_count: int = 1
    interest_paid_by_customer: bool = False
    callback: str | None = None

    def request(self) -> CheckoutRequest:
        """The request body; raises pydantic.ValidationError."""
        from ..api.models import CheckoutRequest

        return CheckoutRequest(
            order_id=self.order_id, amount=self.amount, currency=self.currency,
            description=self.description or None, customer_id=self.customer_id or None,
            max_installment_count=self.max_installment_count,
            interest_paid_by_customer=self.interest_paid_by_customer, callback=self.callback or None)


@dataclass(frozen=True)
class CheckoutLink:
    """One link as the journal knows it, plus the last payment answer when this run has seen one."""

    entry: Entry
    #: The full payment answer from the last lookup in this run (card scheme, commission...), if any.
    response: PaymentResponse | None = None

    @property
    def entry_id(self) -> int:
        return self.entry.id

    @property
    def order_id(self) -> str:
        return self.entry.reference

    @property
    def status(self) -> LinkStatus:
        return _STATUS_OF_STATE.get(self.entry.state, LinkStatus.NOT_CREATED)

    @property
    def url(self) -> str | None:
        return self.entry.redirect_url

    @property
    def checkout_id(self) -> str | None:
        return self.entry.checkout_id

    def outcome(self) -> PaymentOutcome | None:
        """The payment on a paid or failed link in the result panel's terms; ``None`` before that."""
        entry, response = self.entry, self.response
        if self.status is LinkStatus.PAID:
            state, message, next_step = OutcomeState.APPROVED, msg("checkout.paid"), msg("checkout.next-paid")
        elif self.status is LinkStatus.FAILED:
            message = (msg("payment.declined-because", why=entry.result_message) if entry.result_message
                       else msg("checkout.declined"))
            state, next_step = OutcomeState.DECLINED, msg("checkout.next-declined")
        else:
            return None
        charged = entry.balance if entry.balance is not None else entry.amount
        return PaymentOutcome(
            state=state, order_id=entry.reference, amount=charged, currency=entry.currency, msg=message,
            next_msg=next_step, entry_id=entry.id, masked_pan=entry.masked_pan, card_brand=entry.card_brand,
            payment_id=entry.payment_id, auth_code=entry.auth_code, result_code=entry.result_code,
            result_message=english(entry.result_message) or None,
            card_scheme=response.card_scheme if response else None,
            card_type=response.card_type if response else None,
            dom_int=response.dom_int if response else None,
            commission=response.merchant_commission if response else None)


class CreateState(str, enum.Enum):
    #: The gateway made the link (or answered the one it had made for this order ID).
    CREATED = "created"
    #: This order ID already has a link in the journal: it is shown, nothing was sent.
    EXISTING = "existing"
    #: Refused before sending (invalid input, order ID used for another amount): nothing was sent.
    REFUSED = "refused"
    #: The gateway refused: no link.
    ERROR = "error"
    #: Sent, no answer. Creating again with the same order ID returns the link if it was made.
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class CreateResult:
    state: CreateState
    #: For the cashier: what happened and what to do.
    msg: Message
    link: CheckoutLink | None = None
    #: camelCase field -> messages, when the gateway (or the request model) named fields.
    field_errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """:attr:`msg` in English, for logs and tests."""
        return english(self.msg)


@dataclass(frozen=True)
class RefreshResult:
    link: CheckoutLink
    #: The lookup failed (the gateway could not be asked): what to tell the cashier, else ``None``.
    problem: Message | None = None


class CheckoutService:
    """Checkout links for the tab. Reads ``services.client`` at send time (it can be replaced).
    ``poll`` spaces the questions about a followed link and its clock sleeps between them."""

    def __init__(self, services: AppServices, *, poll: Backoff = POLL_BACKOFF,
                 polls_per_minute: int | None = MAX_POLLS_PER_MINUTE) -> None:
        """``polls_per_minute``: the budget of :meth:`follow` for all links together; ``None``: no budget
        (tests whose pauses are shortened to milliseconds)."""
        self.services = services
        self.poll = poll
        self.polls_per_minute = polls_per_minute
        #: When (``poll``'s clock) each automatic question of the last minute was asked, oldest first.
        self._polled: collections.deque[float] = collections.deque()

    # --- create ---------------------------------------------------------------------------------

    async def create(self, order: CheckoutOrder) -> CreateResult:
        """Journal, then ``POST /api/checkout`` once. Never raises for a gateway problem: see :class:`CreateState`."""
        import pydantic

        try:
            request = order.request()
        except pydantic.ValidationError as exc:
            errors = field_errors_from(exc)
            return CreateResult(CreateState.REFUSED, msg("checkout.invalid", errors=_join_errors(errors)),
                                field_errors=errors)
        journal, env = self.services.journal, self.services.environment
        earlier = journal.find_payment(env, EntryKind.CHECKOUT, order.order_id)
        if earlier is not None:
            if (earlier.amount, earlier.currency) != (order.amount, order.currency):
                return CreateResult(
                    CreateState.REFUSED, msg("checkout.other-amount", order_id=order.order_id,
                                             amount=Money(earlier.amount, earlier.currency)),
                    link=CheckoutLink(earlier), field_errors={"orderId": ["already used for another amount"]})
            if earlier.redirect_url:
                return CreateResult(CreateState.EXISTING, msg("checkout.existing", order_id=order.order_id),
                                    link=CheckoutLink(earlier))
            if earlier.state is EntryState.PENDING:
                return CreateResult(CreateState.REFUSED, msg("checkout.in-progress", order_id=order.order_id),
                                    link=CheckoutLink(earlier))
            # Sent again on the same row: creating a link moves no money and the gateway answers a repeated
            # order ID with the link it already made.
            entry = journal.update(earlier.id, state=EntryState.PENDING, result_code=None, result_message=None,
                                   **self._values(order))
        else:
            try:
                entry = journal.record_pending(environment=env, kind=EntryKind.CHECKOUT,
                                               reference=order.order_id, amount=order.amount,
                                               currency=order.currency, **self._values(order))
            except DuplicateReferenceError:  # another window created it between our look and our write
                return CreateResult(CreateState.REFUSED, msg("checkout.just-used", order_id=order.order_id))
        return await self._send_create(entry, request)

    async def _send_create(self, entry: Entry, request: CheckoutRequest) -> CreateResult:
        journal = self.services.journal
        try:
            answer = await self.services.client.create_checkout(request)
        except (OutcomeUnknownError, ProtocolError) as exc:
            row = journal.record_outcome(entry.id, EntryState.UNKNOWN, note=exc.msg)
            return CreateResult(CreateState.UNKNOWN, msg("checkout.answer-lost"), link=CheckoutLink(row))
        except KlogsError as exc:
            row = journal.record_outcome(entry.id, EntryState.ERROR, result_message=exc.msg)
            errors = exc.field_errors if isinstance(exc, ValidationFailedError) else {}
            return CreateResult(CreateState.ERROR, msg("checkout.refused", why=exc.msg),
                                link=CheckoutLink(row), field_errors=errors)
        except BaseException:
            journal.record_outcome(entry.id, EntryState.UNKNOWN, note=msg("note.failed-in-flight"))
            raise
        row = journal.record_outcome(entry.id, EntryState.AWAITING_CUSTOMER, checkout_id=str(answer.checkout_id),
                                     redirect_url=answer.redirect_url)
        return CreateResult(CreateState.CREATED, msg("checkout.created"), link=CheckoutLink(row))

    @staticmethod
    def _values(order: CheckoutOrder) -> dict:
        return dict(customer_id=order.customer_id or None, note=order.description or None)

    # --- follow ---------------------------------------------------------------------------------

    async def refresh(self, entry_id: int) -> RefreshResult:
        """Ask the gateway how link ``entry_id`` stands and journal a payment made on it. A link without a
        checkout ID, or already final, is returned as it is, without asking."""
        journal = self.services.journal
        entry = journal.get(entry_id)
        link = CheckoutLink(entry)
        if not entry.checkout_id or link.status.final:
            return RefreshResult(link)
        try:
            response = await self.services.client.get_checkout(entry.checkout_id)
        except KlogsError as exc:
            return RefreshResult(link, problem=msg("checkout.lookup-failed", why=exc.msg))
        return RefreshResult(CheckoutLink(self._record(entry, response), response))

    async def follow(self, entry_id: int, delays: Iterable[float] | None = None) -> AsyncIterator[RefreshResult]:
        """Ask about link ``entry_id`` after each pause of ``delays`` (default: :attr:`poll`'s), slept on
        :attr:`poll`'s clock, yielding every answer (:meth:`refresh`) until the link is final. Stop following
        by cancelling the task that iterates (or by no longer iterating)."""
        for delay in (self.poll.delays() if delays is None else delays):
            await self.poll.clock.sleep(delay)
            await self._poll_slot()
            result = await self.refresh(entry_id)
            yield result
            if result.link.status.final:
                return

    async def _poll_slot(self) -> None:
        """Wait until the minute's budget of automatic questions has room, and take one slot."""
        if self.polls_per_minute is None:
            return
        clock = self.poll.clock
        while True:
            now = clock.monotonic()
            while self._polled and now - self._polled[0] >= POLL_BUDGET_WINDOW:
                self._polled.popleft()
            if len(self._polled) < self.polls_per_minute:
                self._polled.append(now)
                return
            await clock.sleep(self._polled[0] + POLL_BUDGET_WINDOW - now)

    def _record(self, entry: Entry, response: PaymentResponse) -> Entry:
        if response.status is PaymentStatus.SUCCESS:
            state = EntryState.APPROVED
        elif response.status is PaymentStatus.FAILED:
            state = EntryState.DECLINED
        else:
            if response.status is not PaymentStatus.PENDING:
                log.warning("checkout %s answered status %s; still waiting", entry.reference, response.status.value)
            return entry
        return self.services.journal.record_outcome(
            entry.id, state, payment_id=str(response.payment_id) if response.payment_id else None,
            auth_code=response.auth_code, result_code=response.result_code, result_message=response.result_message,
            masked_pan=_safe_masked(response.pan), card_holder=response.card_holder_name,
            installment_count=response.installment_count,
            balance=response.amount if state is EntryState.APPROVED else None)

    # --- reading --------------------------------------------------------------------------------

    def links(self, limit: int = 500) -> list[CheckoutLink]:
        """The links of this environment, newest first."""
        return [CheckoutLink(e) for e in self.services.journal.search(
            environment=self.services.environment, kinds=[EntryKind.CHECKOUT], limit=limit)
            if e.parent_id is None]

    def link(self, entry_id: int) -> CheckoutLink:
        return CheckoutLink(self.services.journal.get(entry_id))


def created_local_time(link: CheckoutLink) -> str:
    """When the link was made, in local time (``2026-11-26 14:05``)."""
    return link.entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M")


__all__ = ["CheckoutLink", "CheckoutOrder", "CheckoutService", "CreateResult", "CreateState", "LinkStatus",
           "POLL_BACKOFF", "RefreshResult", "created_local_time", "growing_delays"]
