"""Models of the registered-payment API (recurring-*.md): card owners, payment orders, subscriptions.

Rules from the docs, enforced here and by the sandbox: reference <= 150, explanation <= 400,
paymentChannel <= 50, fullName <= 100, interval 1-30, dayOfMonth 1-30, monthOfYear 1-12, E.164 phones,
uuids where the docs say uuid; dayOfMonth required for monthly and yearly, monthOfYear for yearly;
paymentTime and firstPaymentTime in the future.

Choices where the docs are silent:

* ``lastPaymentTime``, when given, is not before ``firstPaymentTime``.
* An update that sets ``frequency`` to monthly or yearly must carry the day (and month) fields that
  frequency needs, as a create would.
* The list item has no ``frequency`` in the docs; our sandbox adds it and the model reads it when
  present (``RecurringPayment.effective_frequency`` infers it otherwise).
* Datetimes in requests must carry a time zone (``...Z``); a naive time is refused rather than guessed.

Answers are read tolerantly (:mod:`.tolerant`), as Klogs' client libraries write them: ``status``,
``orderStatus`` and ``frequency`` in any case or as an unrecognized value shown as "unknown (raw)"; a
date-time without a zone is UTC; ``pages`` may hold nulls (the .NET paging helper's gaps).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

from pydantic import AwareDatetime, EmailStr, Field, ValidationInfo, field_validator, model_validator

from ...domain.schedule import Frequency
from ..enums import OrderDirection, RegisteredPaymentStatus  # noqa: F401  # re-exported: defined here before
from .common import CurrencyCode, E164Phone, PositiveAmount, check_amount_for_currency, now_from
from .tolerant import UtcDatetime, sendable, tolerant_enum
from .wire import WireModel

Reference = Annotated[str, Field(min_length=1, max_length=150)]
Explanation = Annotated[str, Field(max_length=400)]
Channel = Annotated[str, Field(max_length=50)]
# Strict: a JSON true is not the number 1 (the sandbox refused it only by luck; schemathesis, seeded with the
# docs' examples, sends such mutations). The client builds these from ints, so nothing it sends changes.
Interval = Annotated[int, Field(ge=1, le=30, strict=True)]
DayOfMonth = Annotated[int, Field(ge=1, le=30, strict=True)]
MonthOfYear = Annotated[int, Field(ge=1, le=12, strict=True)]


#: How the enumerations are read in answers and checked in requests (:mod:`.tolerant`); kept here, by the
#: models that use them (``Frequency`` itself belongs to :mod:`klogs_desk.domain.schedule`).
StatusInAnswer = Annotated[RegisteredPaymentStatus, tolerant_enum(RegisteredPaymentStatus)]
FrequencyInAnswer = Annotated[Frequency, tolerant_enum(Frequency)]
SentStatus = Annotated[RegisteredPaymentStatus, sendable]
SentFrequency = Annotated[Frequency, sendable]


#: ``OrderBy`` values the list endpoint sorts by (the docs name ``createdAtUtc``; the rest are ours).
SORTABLE_FIELDS: tuple[str, ...] = (
    "createdAtUtc", "reference", "amount", "status", "nextPaymentAtUtc", "lastPaymentAtUtc", "phone", "email",
)


class NewOwnerRequest(WireModel):
    """Body of ``POST /owner``."""

    phone: E164Phone


class OwnerDescription(WireModel):
    full_name: Annotated[str, Field(min_length=1, max_length=100)]
    email: EmailStr | None = None
    phone: E164Phone
    card_id: UUID


def _check_schedule(frequency: Frequency | None, day: int | None, month: int | None) -> None:
    if frequency in (Frequency.MONTHLY, Frequency.YEARLY) and day is None:
        raise ValueError("dayOfMonth is required for monthly and yearly payments")
    if frequency is Frequency.YEARLY and month is None:
        raise ValueError("monthOfYear is required for yearly payments")


class PaymentOrderRequest(WireModel):
    """Body of ``POST /paymentOrder``: one payment at ``payment_time`` (must be in the future)."""

    reference: Reference
    amount: PositiveAmount
    currency_code: CurrencyCode
    payment_system_id: UUID | None = None
    explanation: Explanation | None = None
    owner_description: OwnerDescription
    payment_channel: Channel | None = None
    payment_time: AwareDatetime

    @field_validator("payment_time")
    @classmethod
    def _in_future(cls, value: Any, info: ValidationInfo) -> Any:
        if value <= now_from(info):
            raise ValueError("paymentTime must be in the future")
        return value

    @model_validator(mode="after")
    def _amount_fits(self) -> "PaymentOrderRequest":
        check_amount_for_currency(self.amount, self.currency_code)
        return self


class RecurringPaymentRequest(WireModel):
    """Body of ``POST /recurring``."""

    reference: Reference
    amount: PositiveAmount
    currency_code: CurrencyCode
    payment_system_id: UUID | None = None
    explanation: Explanation | None = None
    owner_description: OwnerDescription
    payment_channel: Channel | None = None
    first_payment_time: AwareDatetime
    last_payment_time: AwareDatetime | None = None
    frequency: SentFrequency
    interval: Interval
    month_of_year: MonthOfYear | None = None
    day_of_month: DayOfMonth | None = None

    @field_validator("first_payment_time")
    @classmethod
    def _in_future(cls, value: Any, info: ValidationInfo) -> Any:
        if value <= now_from(info):
            raise ValueError("firstPaymentTime must be in the future")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> "RecurringPaymentRequest":
        _check_schedule(self.frequency, self.day_of_month, self.month_of_year)
        if self.last_payment_time is not None and self.last_payment_time < self.first_payment_time:
            raise ValueError("lastPaymentTime must not be before firstPaymentTime")
        check_amount_for_currency(self.amount, self.currency_code)
        return self


class UpdateRecurringPaymentRequest(WireModel):
    """Body of ``PUT /recurring/{id}`` and ``PUT /recurring/subscription/{subscription}``.

    Every field is optional; only the fields given are changed.
    """

    amount: PositiveAmount | None = None
    currency_code: CurrencyCode | None = None
    explanation: Explanation | None = None
    last_payment_time: AwareDatetime | None = None
    payment_system_group_id: UUID | None = None
    payment_system_id: UUID | None = None
    payment_channel: Channel | None = None
    frequency: SentFrequency | None = None
    status: SentStatus | None = None
    interval: Interval | None = None
    month_of_year: MonthOfYear | None = None
    day_of_month: DayOfMonth | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "UpdateRecurringPaymentRequest":
        _check_schedule(self.frequency, self.day_of_month, self.month_of_year)
        check_amount_for_currency(self.amount, self.currency_code)
        return self


class OperationResult(WireModel):
    """Answer of owner, payment-order, recurring create and update calls."""

    success: bool
    error: Any | None = None
    #: True when the card owner must confirm (by SMS/e-mail) before payments start.
    should_be_owner_confirmation: bool | None = None
    owner_id: str | None = None
    order_status: StatusInAnswer | None = None
    #: ``POST /owner`` only, and only from our sandbox (the docs' answer is ``{"success": true}``): the hosted
    #: "save your card" page a real gateway sends the owner by SMS. The terminal shows it in training mode.
    card_storage_url: str | None = None


class RecurringPayment(WireModel):
    """One item of ``GET /recurring``."""

    id: UUID
    amount: Decimal
    currency_code: str
    status: StatusInAnswer
    created_at_utc: UtcDatetime | None = None
    reference: str | None = None
    explanation: str | None = None
    frequency: FrequencyInAnswer | None = None
    interval: int | None = None
    day_of_month: int | None = None
    month_of_year: int | None = None
    next_payment_at_utc: UtcDatetime | None = None
    last_payment_at_utc: UtcDatetime | None = None
    phone: str | None = None
    email: str | None = None

    @property
    def effective_frequency(self) -> Frequency:
        """``frequency`` if the gateway sent it, else inferred from the day and month fields. An
        unrecognized frequency is returned as it is (the UI shows it as "unknown (raw)")."""
        if self.frequency is not None:
            return self.frequency
        if self.month_of_year is not None:
            return Frequency.YEARLY
        if self.day_of_month is not None:
            return Frequency.MONTHLY
        return Frequency.DAILY


class RecurringPaymentPage(WireModel):
    """``RecurringPaymentModelPagedList``: one page of subscriptions."""

    current_page: int
    page_count: int
    total_count: int
    has_next: bool
    has_previous: bool
    state_key: str | None = None
    #: Page numbers to offer; ``None`` is a gap ("…") as the .NET paging helper writes it.
    pages: list[int | None] = Field(default_factory=list)
    items: list[RecurringPayment] = Field(default_factory=list, alias="list")


class RecurringListQuery(WireModel):
    """Query of ``GET /recurring`` (PascalCase on the wire, as the docs write it)."""

    subscription: str | None = None
    page: Annotated[int, Field(ge=1)] = 1
    page_size: Annotated[int, Field(ge=1, le=500)] = 50
    order_by: str | None = None
    dir: OrderDirection | None = None

    def to_params(self) -> dict[str, str]:
        params = {"Page": str(self.page), "PageSize": str(self.page_size)}
        if self.subscription:
            params["Subscription"] = self.subscription
        if self.order_by:
            params["OrderBy"] = self.order_by
        if self.dir:
            params["Dir"] = self.dir.value
        return params
