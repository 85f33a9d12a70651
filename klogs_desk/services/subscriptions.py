"""What the Subscriptions tab needs that is not a widget: calls, page cache, checks and words.

Contracts:

* :class:`SubscriptionsService` reads ``services.client`` at the moment of every call (the client is
  replaced when the environment or token changes). Writes are sent once; their errors are the client's
  typed exceptions.
* :class:`PageCache` keeps at most ``max_pages`` pages of the subscription list (least recently used
  evicted), so scrolling through 100,000 subscriptions keeps memory flat.
* :func:`validate_request` runs a request model's own validation and returns messages per camelCase
  field (never the input values), so the dialogs mark the same rules the gateway enforces before
  anything is sent.
* :func:`check_phone` adds what a regex cannot know: that an E.164 number is a number that can exist
  (``phonenumbers``), e.g. ``+90555`` is refused at the field.

Choices where the docs are silent:

* The "subscription ID" of ``PUT /recurring/subscription/{subscription}`` and of the ``Subscription``
  filter is the subscription's ``reference`` (the docs' example uses ``SUB-2026-001`` for both).
* An edit sends only the fields the manager changed, except that amount and currency travel together
  (an amount is only valid for a currency) and the schedule fields travel together (a frequency needs
  its day and month).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..api.enums import RegisteredPaymentStatus
from ..api.errors import (
    AuthenticationError,
    ConnectionFailedError,
    KlogsError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    field_errors_from,
)
from ..api.unknown import is_unrecognized, unknown_value
from ..domain.payment_orders import PaymentOrderBook
from ..messages import Message, MessageError, from_known, msg
from .context import AppServices
from .staff import Permission, StaffService

if TYPE_CHECKING:
    import pydantic

    from ..api.models.recurring import (
        NewOwnerRequest,
        OperationResult,
        PaymentOrderRequest,
        RecurringListQuery,
        RecurringPayment,
        RecurringPaymentPage,
        RecurringPaymentRequest,
        UpdateRecurringPaymentRequest,
    )

Status = RegisteredPaymentStatus

#: Words a manager reads for each status (the badge shows these, never the wire value).
STATUS_WORDS: dict[RegisteredPaymentStatus, Message] = {
    Status.ACTIVE: msg("subscription.active"),
    Status.DISABLED: msg("subscription.disabled"),
    Status.COMPLETE: msg("subscription.complete"),
    Status.WAIT_FOR_OWNER_CONFIRMATION: msg("subscription.awaiting-owner"),
    Status.WAIT_FOR_CARD_SAVE: msg("subscription.awaiting-card"),
}

#: What each status means for the manager, after a create or a payment order.
STATUS_MEANINGS: dict[RegisteredPaymentStatus, Message] = {
    Status.ACTIVE: msg("subscription.means-active"),
    Status.DISABLED: msg("subscription.means-disabled"),
    Status.COMPLETE: msg("subscription.means-complete"),
    Status.WAIT_FOR_OWNER_CONFIRMATION: msg("subscription.means-awaiting-owner"),
    Status.WAIT_FOR_CARD_SAVE: msg("subscription.means-awaiting-card"),
}


def status_in_words(status: RegisteredPaymentStatus | str | None) -> Message | None:
    if status is None:
        return None
    if is_unrecognized(status):
        return unknown_value(getattr(status, "value", status))  # read from an answer: "unknown (as sent)"
    try:
        return STATUS_WORDS[RegisteredPaymentStatus(status)]
    except (ValueError, KeyError):
        return msg("stored.text", text=str(status))  # a status this terminal does not know: as the gateway wrote it


def describe_outcome(result: OperationResult) -> list[Message]:
    """Lines telling the manager what a successful create or payment order means."""
    lines: list[Message] = []
    if result.order_status is not None:
        lines.append(STATUS_MEANINGS.get(result.order_status)
                     or msg("subscription.status-unknown", raw=str(result.order_status.value)))
    if result.should_be_owner_confirmation:
        lines.append(msg("subscription.owner-must-confirm"))
    elif result.should_be_owner_confirmation is False:
        lines.append(msg("subscription.no-confirmation"))
    if result.owner_id:
        lines.append(msg("subscription.owner-id", owner_id=str(result.owner_id)))
    return lines or [msg("subscription.accepted")]


def describe_load_error(exc: BaseException) -> Message:
    """The banner text above the subscription table for an error while loading it."""
    if isinstance(exc, AuthenticationError):
        return msg("subscription.token-refused")
    if isinstance(exc, PermissionDeniedError):
        return msg("subscription.not-allowed")
    if isinstance(exc, RateLimitedError):
        if exc.retry_after is not None:
            return msg("subscription.rate-limited-wait", seconds=int(exc.retry_after + 0.999))
        return msg("subscription.rate-limited")
    if isinstance(exc, ServerError):
        return msg("subscription.server-error", status=exc.status or 500)
    if isinstance(exc, ConnectionFailedError):
        return msg("subscription.unreachable")
    if isinstance(exc, KlogsError):
        return exc.msg
    return msg("subscription.not-loaded")


class PhoneError(MessageError):
    """A phone number that cannot be used; ``.msg`` says why."""


def check_phone(text: str, region: str | None = None) -> str:
    """``text`` as an E.164 number if it is one that can exist, else :class:`PhoneError` (a ``ValueError``).
    ``region``: the shop's country (``"TR"``); a local number (``0555 123 45 67``) is read as one of its
    numbers. Without it only international numbers (``+90...``) are accepted."""
    import phonenumbers  # ~0.1 s of metadata: loaded at the first number checked, not at start-up

    text = text.strip()
    if not text.startswith("+") and not region:
        raise PhoneError(msg("phone.international"))
    try:
        number = phonenumbers.parse(text, (region or "").upper() or None)  # a +country number ignores it
    except phonenumbers.NumberParseException:
        raise PhoneError(msg("phone.not-a-number")) from None
    if not phonenumbers.is_valid_number(number):
        raise PhoneError(msg("phone.no-such-number"))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


M = TypeVar("M", bound="pydantic.BaseModel")


def validate_request(model: type[M], data: dict[str, Any],
                     now: dt.datetime | None = None) -> tuple[M | None, dict[str, list[str]]]:
    """``(request, {})`` if ``data`` (python field names) is a valid ``model``, else ``(None, errors)``.

    Errors are keyed by camelCase path (``ownerDescription.phone``); model-level rules that name a field
    in their message (``"dayOfMonth is required ..."``) are moved to that field.
    """
    import pydantic

    context = {"now": now} if now is not None else None
    try:
        return model.model_validate(data, context=context), {}
    except pydantic.ValidationError as exc:
        errors = field_errors_from(exc)
    return None, _attach_model_errors(errors)


_NAMED_IN_MESSAGES = ("dayOfMonth", "monthOfYear", "lastPaymentTime", "firstPaymentTime", "paymentTime",
                      "amount")


def _attach_model_errors(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for field, messages in errors.items():
        for message in messages:
            target = field
            if field == "body":
                target = next((name for name in _NAMED_IN_MESSAGES if message.startswith(name)), "body")
                if target == "amount" and message.startswith("amount: "):
                    message = message[len("amount: "):]
            result.setdefault(target, []).append(message)
    return result


T = TypeVar("T")


class PageCache(Generic[T]):
    """At most ``max_pages`` pages (``T`` is what one page holds), least recently used evicted first."""

    def __init__(self, max_pages: int = 40) -> None:
        if max_pages < 1:
            raise ValueError("max_pages must be at least 1")
        self.max_pages = max_pages
        self._pages: OrderedDict[int, T] = OrderedDict()

    def __len__(self) -> int:
        return len(self._pages)

    def __contains__(self, page: int) -> bool:
        return page in self._pages

    def get(self, page: int) -> T | None:
        rows = self._pages.get(page)
        if rows is not None:
            self._pages.move_to_end(page)
        return rows

    def peek(self, page: int) -> T | None:
        """The page's rows without marking it recently used."""
        return self._pages.get(page)

    def put(self, page: int, rows: T) -> list[int]:
        """Store ``rows`` as ``page``; returns the pages evicted to make room."""
        self._pages[page] = rows
        self._pages.move_to_end(page)
        evicted = []
        while len(self._pages) > self.max_pages:
            old, _ = self._pages.popitem(last=False)
            evicted.append(old)
        return evicted

    def clear(self) -> None:
        self._pages.clear()

    def pages(self) -> list[int]:
        return list(self._pages)


class SubscriptionsService:
    """The recurring-API calls of the tab, each reading ``services.client`` when it is made.

    Reading is everyone's; every write first asks ``staff`` (:meth:`StaffService.require`): a cashier's
    create, edit, enable/disable, owner registration or payment order raises
    :class:`~klogs_desk.services.staff.StaffRefused` before anything is sent, and the refusal is in the audit
    trail. The tab's disabled buttons only show the rule; this is where it holds (a shortcut or a signal
    reaching a dialog cannot get past it). Without ``staff`` (a tool, tests of other parts) nobody checks."""

    def __init__(self, services: AppServices, *, payment_orders: PaymentOrderBook | None = None,
                 staff: StaffService | None = None) -> None:
        self.services = services
        #: Where the payment orders this terminal creates are kept (the gateway cannot list them).
        self.payment_orders = payment_orders
        self.staff = staff

    def require(self, permission: Permission) -> None:
        """Raise :class:`~klogs_desk.services.staff.StaffRefused` (recorded) unless ``permission`` is allowed."""
        if self.staff is not None:
            self.staff.require(permission)

    async def until_ready(self) -> None:
        """Return once the gateway client exists (it is built right after the first frame)."""
        await self.services.until_client_ready()

    async def list_page(self, query: RecurringListQuery) -> RecurringPaymentPage:
        return await self.services.client.list_recurring(query)

    async def create(self, request: RecurringPaymentRequest) -> OperationResult:
        self.require(Permission.SUBSCRIPTIONS_EDIT)
        return await self.services.client.create_recurring(request)

    async def update_by_id(self, subscription: RecurringPayment | str,
                           request: UpdateRecurringPaymentRequest) -> OperationResult:
        from ..api.models.recurring import RecurringPayment

        self.require(Permission.SUBSCRIPTIONS_EDIT)
        recurring_id = subscription.id if isinstance(subscription, RecurringPayment) else subscription
        return await self.services.client.update_recurring(recurring_id, request)

    async def update_by_subscription(self, subscription: str,
                                     request: UpdateRecurringPaymentRequest) -> OperationResult:
        self.require(Permission.SUBSCRIPTIONS_EDIT)
        return await self.services.client.update_recurring_by_subscription(subscription, request)

    async def set_status(self, subscription: RecurringPayment,
                         status: RegisteredPaymentStatus) -> OperationResult:
        from ..api.models.recurring import UpdateRecurringPaymentRequest

        return await self.update_by_id(subscription, UpdateRecurringPaymentRequest(status=status))

    async def register_owner(self, request: NewOwnerRequest) -> OperationResult:
        """Register the owner; their payment orders kept here that waited for confirmation move on."""
        self.require(Permission.CARD_OWNERS)
        result = await self.services.client.create_owner(request)
        if result.success and self.payment_orders is not None:
            self.payment_orders.moved_on(self.services.environment, request.phone,
                                         RegisteredPaymentStatus.WAIT_FOR_OWNER_CONFIRMATION.value)
        return result

    def card_saved(self, phone: str | None) -> None:
        """An owner's card was saved: their payment orders kept here that waited for a card move on."""
        if phone and self.payment_orders is not None:
            self.payment_orders.moved_on(self.services.environment, phone,
                                         RegisteredPaymentStatus.WAIT_FOR_CARD_SAVE.value)

    async def create_payment_order(self, request: PaymentOrderRequest) -> OperationResult:
        """Create the order; an accepted one is kept in :attr:`payment_orders` with the status reported."""
        self.require(Permission.PAYMENT_ORDERS)
        result = await self.services.client.create_payment_order(request)
        if result.success and self.payment_orders is not None:
            self.payment_orders.record(
                environment=self.services.environment, reference=request.reference, amount=request.amount,
                currency=request.currency_code, payment_time=request.payment_time,
                status=result.order_status.value if result.order_status is not None else None,
                phone=request.owner_description.phone)
        return result


_FRIENDLY_PREFIXES: tuple[tuple[str, str], ...] = (
    ("Input should be a valid UUID", "field.uuid"),
    ("value is not a valid email address", "field.email"),
    ("String should have at least 1 character", "field.required"),
    ("Field required", "field.required"),
    ("Input should be greater than 0", "amount.positive"),
    ("Input should be a valid decimal", "amount.enter"),
    ("is not a card saved at this gateway", "field.card-not-saved"),
    ("belongs to another card owner", "field.card-other-owner"),
)


def friendly_message(message: str | Message) -> Message:
    """A field error as a message for a manager. Field errors arrive as text (pydantic cannot carry a
    message code): pydantic's own wording becomes a code (``String should have at most 150 characters`` →
    ``At most {limit}.``), a schedule rule the models checked becomes its code, and anything else — the
    gateway's words — is kept as written."""
    if isinstance(message, Message):
        return message
    for prefix, code in _FRIENDLY_PREFIXES:
        if message.startswith(prefix):
            return msg(code)
    characters = re.fullmatch(r"String should have at most (\d+) characters?\.?", message)
    if characters:
        return msg("field.at-most-characters", count=int(characters.group(1)))
    for prefix, code in (("String should have at most ", "field.at-most"),
                         ("Input should be less than or equal to ", "field.at-most"),
                         ("Input should be greater than or equal to ", "field.at-least")):
        if message.startswith(prefix):
            return msg(code, limit=message[len(prefix):].rstrip("."))
    return from_known(message) or msg("stored.text", text=message[:1].upper() + message[1:])
