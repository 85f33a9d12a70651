"""Models of the payment gateway API (payment-gateway.md): payments, pre-authorizations, 3-D Secure,
installment options and checkout links.

Choices where the docs are silent (the sandbox enforces the same):

* ``orderId`` is 1-64 characters of letters, digits and ``-_./``; it is the idempotency key of a payment.
* ``cardHolderName`` is 2-100 characters; ``customerId`` and ``description`` at most 100 and 400.
* ``pan`` is 12-19 digits, ``cvv`` 3-4 digits, ``expiryMonth``/``expiryYear`` two digits each (docs).
* ``installmentCount`` and ``maxInstallmentCount`` are 1-12.
* ``successUrl``, ``failureUrl`` and ``callback`` are absolute http(s) URLs.
* Amounts are greater than zero with at most the currency's minor digits (``domain.money``).

Answers are read tolerantly (:mod:`.tolerant`): ``status`` in any case or as an unrecognized value
(no numbers are published for it), a naive ``paymentDate`` is UTC.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated
from uuid import UUID

from pydantic import ConfigDict, Field, model_validator

from ...domain.cards import mask_pan
from ..enums import PaymentStatus  # noqa: F401  # re-exported: defined here before
from .common import CurrencyCode, ExpiryMonth, PositiveAmount, TwoDigits, check_amount_for_currency
from .tolerant import UtcDatetime, tolerant_enum
from .wire import WireModel

OrderId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9\-_./]*$")]
Pan = Annotated[str, Field(pattern=r"^\d{12,19}$")]
Cvv = Annotated[str, Field(pattern=r"^\d{3,4}$")]
HttpUrl = Annotated[str, Field(max_length=2048, pattern=r"^https?://[^\s]+$")]
#: Strict: a JSON true or "3" is not a count (see recurring.Interval).
InstallmentCount = Annotated[int, Field(ge=1, le=12, strict=True)]


PaymentStatusInAnswer = Annotated[PaymentStatus, tolerant_enum(PaymentStatus)]


class _AmountInCurrency(WireModel):
    @model_validator(mode="after")
    def _amount_fits_currency(self):
        check_amount_for_currency(getattr(self, "amount", None), getattr(self, "currency", None))
        return self


class CardPaymentRequest(_AmountInCurrency):
    """Body of ``POST /api/payment`` and ``POST /api/pre-authorization``.

    Holds the full PAN and CVV: never log it, never persist it; its ``repr`` masks both, and its
    validation errors do not quote the input (``str(ValidationError)`` would otherwise show the card).
    """

    model_config = ConfigDict(hide_input_in_errors=True)

    order_id: OrderId
    amount: PositiveAmount
    currency: CurrencyCode
    card_holder_name: Annotated[str, Field(min_length=2, max_length=100)]
    pan: Pan
    expiry_month: ExpiryMonth
    expiry_year: TwoDigits
    cvv: Cvv
    request_ip: Annotated[str, Field(max_length=45)] | None = None
    request_port: Annotated[int, Field(ge=0, le=65535, strict=True)] | None = None
    customer_id: Annotated[str, Field(max_length=100)] | None = None

    def __repr_args__(self):
        for name, value in super().__repr_args__():
            if name == "pan" and isinstance(value, str):
                yield name, mask_pan(value)
            elif name in ("cvv", "expiry_month", "expiry_year"):
                yield name, "***"
            else:
                yield name, value


class ThreeDSecureRequest(CardPaymentRequest):
    """Body of ``POST /api/3ds``: a card payment plus installments and the two callback URLs."""

    installment_count: InstallmentCount | None = None
    interest_paid_by_customer: Annotated[bool, Field(strict=True)] | None = None
    success_url: HttpUrl
    failure_url: HttpUrl


class ThreeDSecureEnrollment(WireModel):
    """Answer of ``POST /api/3ds``: show ``html_content`` to the card holder."""

    payment_id: UUID | None = None
    success: bool
    result_code: str | None = None
    result_message: str | None = None
    html_content: str | None = None


class ThreeDSecureCallback(WireModel):
    """Form fields the gateway POSTs to ``successUrl``/``failureUrl`` after the challenge."""

    payment_id: UUID
    security_key: Annotated[str, Field(min_length=1, max_length=256)]


class ThreeDSecureCompleteRequest(WireModel):
    """Body of ``POST /api/3ds/{paymentId}/complete``."""

    security_key: Annotated[str, Field(min_length=1, max_length=256)]


class CaptureRequest(_AmountInCurrency):
    """Body of ``POST /api/pre-authorization/{paymentId}/capture``: at most the authorized amount."""

    amount: PositiveAmount
    currency: CurrencyCode


class PaymentResponse(WireModel):
    """``ApiPaymentResponse``: the answer to a payment, pre-authorization, capture, 3DS completion or
    checkout lookup. ``pan`` is already masked by the gateway (``411111******1111``)."""

    payment_id: UUID | None = None
    order_id: str | None = None
    amount: Decimal | None = None
    installment_count: int | None = None
    currency: str | None = None
    #: Commission the merchant pays on this payment.
    merchant_commission: Decimal | None = None
    status: PaymentStatusInAnswer
    payment_date: UtcDatetime | None = None
    card_holder_name: str | None = None
    pan: str | None = None
    #: ``DOM`` (domestic) or ``INT`` (international).
    dom_int: str | None = None
    card_scheme: str | None = None
    card_type: str | None = None
    loyalty_code: str | None = None
    external_transaction_id: str | None = None
    auth_code: str | None = None
    result_code: str | None = None
    result_message: str | None = None
    customer_id: str | None = None

    @property
    def approved(self) -> bool:
        return self.status is PaymentStatus.SUCCESS


class InstallmentOptionsRequest(_AmountInCurrency):
    """Body of ``POST /api/installment-options``. Only the BIN of ``pan`` matters to the gateway."""

    model_config = ConfigDict(hide_input_in_errors=True)

    amount: PositiveAmount
    currency: CurrencyCode
    pan: Pan
    max_installment_count: InstallmentCount | None = None
    interest_paid_by_customer: Annotated[bool, Field(strict=True)] | None = None

    def __repr_args__(self):
        for name, value in super().__repr_args__():
            yield name, (mask_pan(value) if name == "pan" and isinstance(value, str) else value)


class InstallmentOption(WireModel):
    installment_count: int
    installment_amount: Decimal
    currency: str
    interest_amount: Decimal
    total_amount: Decimal


class InstallmentOptionsResponse(WireModel):
    options: list[InstallmentOption] = Field(default_factory=list)


class CheckoutRequest(_AmountInCurrency):
    """Body of ``POST /api/checkout``: a hosted payment link."""

    order_id: OrderId
    amount: PositiveAmount
    currency: CurrencyCode
    description: Annotated[str, Field(max_length=400)] | None = None
    callback: HttpUrl | None = None
    customer_id: Annotated[str, Field(max_length=100)] | None = None
    max_installment_count: InstallmentCount | None = None
    interest_paid_by_customer: Annotated[bool, Field(strict=True)] | None = None


class CheckoutResponse(WireModel):
    checkout_id: UUID
    redirect_url: str

