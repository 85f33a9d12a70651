"""The sandbox's pretend card network: card checks, card facts, the issuer's answer, the payment response.

Shared by the payment, 3-D Secure and checkout routes so every way of paying follows the same rules.

Choices where the docs are silent:

* **Card checks** before anything is recorded: a Luhn-invalid ``pan`` is a 400 naming ``pan``; an expiry
  before the current month (on the sandbox clock; a card is valid through its expiry month) is a 400
  naming ``expiryYear`` (past year) or ``expiryMonth`` (this year, past month).
* **cardScheme** from the BIN (VISA, MASTERCARD, TROY, AMEX, DISCOVER, else UNKNOWN).
* **cardType**: Troy cards are DEBIT, every other card is CREDIT (Turkish debit cards are mostly Troy).
* **domInt**: DOM for Troy cards and for the Turkish test BINs in :data:`TURKISH_BINS` (the docs' example
  Mastercard 542119), INT for everything else.
* **merchantCommission**: 1.79% of the charged amount, rounded half-up to the currency's minor units;
  0 for a declined payment.
* **Result codes**: approval ``SUCCESS``/``Successful`` (as in the docs' example); declines use ISO 8583
  codes: ``05`` "Do not honour", ``51`` "Insufficient funds"; a failed 3-D Secure challenge ``3DS_FAILED``.
* The gateway-error card answers 500 and records nothing. The never-answering card is recorded as pending
  at once, the answer waits ``hang_seconds`` (longer than any client timeout), then the payment is
  recorded as approved and answered (to a client that has long given up).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import secrets
import string
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..api.models.payments import PaymentResponse, PaymentStatus
from ..api.models.transactions import TransactionStatus
from ..domain.cards import CardBrand, brand_of, luhn_valid, mask_pan
from ..domain.money import minor_units
from .ledger import Ledger, LedgerRecord, Operation
from .problems import ProblemError
from .test_cards import CardBehaviour, behaviour_of

COMMISSION_RATE = Decimal("0.0179")
TURKISH_BINS = frozenset({"542119"})

_SCHEMES = {
    CardBrand.VISA: "VISA", CardBrand.MASTERCARD: "MASTERCARD", CardBrand.TROY: "TROY",
    CardBrand.AMEX: "AMEX", CardBrand.DISCOVER: "DISCOVER",
}

APPROVED = ("SUCCESS", "Successful")
DECLINES = {
    CardBehaviour.DECLINE_DO_NOT_HONOUR: ("05", "Do not honour"),
    CardBehaviour.DECLINE_INSUFFICIENT_FUNDS: ("51", "Insufficient funds"),
}
THREE_DS_FAILED = ("3DS_FAILED", "3-D Secure authentication failed")
THREE_DS_REQUIRED = ("3DS_REQUIRED", "The card is enrolled in 3-D Secure: pay through /api/3ds")


@dataclass(frozen=True)
class CardFacts:
    masked_pan: str
    scheme: str
    card_type: str
    dom_int: str
    behaviour: CardBehaviour


def card_facts(pan: str) -> CardFacts:
    """What the network knows of a card from its number (the full PAN is not kept)."""
    brand = brand_of(pan)
    troy = brand is CardBrand.TROY
    return CardFacts(
        masked_pan=mask_pan(pan),
        scheme=_SCHEMES.get(brand, "UNKNOWN"),
        card_type="DEBIT" if troy else "CREDIT",
        dom_int="DOM" if troy or pan[:6] in TURKISH_BINS else "INT",
        behaviour=behaviour_of(pan),
    )


def check_pan(pan: str) -> None:
    """400 naming ``pan`` when the check digit is wrong."""
    if not luhn_valid(pan):
        raise ProblemError(400, "The pan field is not a valid card number (check digit).",
                           errors={"pan": ["is not a valid card number (check digit)"]})


def check_card(pan: str, expiry_month: str, expiry_year: str, now: dt.datetime) -> None:
    """400 naming the field when the card cannot be charged at all."""
    check_pan(pan)
    year, month = 2000 + int(expiry_year), int(expiry_month)
    if year < now.year:
        raise ProblemError(400, "The card has expired (expiryYear is in the past).",
                           errors={"expiryYear": ["is in the past: the card has expired"]})
    if year == now.year and month < now.month:
        raise ProblemError(400, "The card has expired (expiryMonth is in the past).",
                           errors={"expiryMonth": ["is in the past: the card has expired"]})


def gateway_error() -> ProblemError:
    return ProblemError(500, "The issuer's system failed (sandbox gateway-error card). Nothing was charged.")


def to_minor(amount: Decimal, currency: str) -> Decimal:
    """``amount`` rounded half-up to the currency's minor units."""
    return amount.quantize(Decimal(1).scaleb(-minor_units(currency)), rounding=ROUND_HALF_UP)


def commission(amount: Decimal, currency: str) -> Decimal:
    return to_minor(amount * COMMISSION_RATE, currency)


def new_record(*, order_id: str, operation: Operation, amount: Decimal, currency: str, facts: CardFacts,
               holder: str, customer_id: str | None, now: dt.datetime, installments: int = 1) -> LedgerRecord:
    return LedgerRecord(
        payment_id=uuid.uuid4(), order_id=order_id, operation=operation, amount=amount, currency=currency,
        masked_pan=facts.masked_pan, card_holder_name=holder, card_scheme=facts.scheme,
        card_type=facts.card_type, dom_int=facts.dom_int, created_at=now, customer_id=customer_id,
        installment_count=installments,
    )


def _approve(record: LedgerRecord, now: dt.datetime) -> None:
    record.status = TransactionStatus.SUCCESS
    record.result_code, record.result_message = APPROVED
    record.auth_code = "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(6))
    record.external_transaction_id = "EXT" + "".join(secrets.choice(string.digits) for _ in range(12))
    record.merchant_commission = commission(record.amount, record.currency)
    record.paid_at = now


def decline(record: LedgerRecord, code: tuple[str, str]) -> None:
    record.status = TransactionStatus.FAILED
    record.result_code, record.result_message = code
    record.merchant_commission = to_minor(Decimal(0), record.currency)


async def authorize(ledger: Ledger, record: LedgerRecord, behaviour: CardBehaviour, clock: Any,
                    hang_seconds: float, keep_alive: set[asyncio.Task]) -> None:
    """Ask the pretend issuer for the money and write its answer into ``record`` (counted as a charge).

    The never-answering card is approved after ``hang_seconds`` in a task of its own, so the payment is
    recorded even if the server drops the request handler when the client disconnects.
    """
    ledger.count_charge(record.order_id)
    if behaviour is CardBehaviour.NEVER_ANSWERS:
        async def _late_approval() -> None:
            await asyncio.sleep(hang_seconds)
            with ledger.lock:
                _approve(record, clock.now())
                ledger.touch(record)  # changed without a request: the sandbox's file writes it next time

        task = asyncio.get_running_loop().create_task(_late_approval())
        keep_alive.add(task)
        task.add_done_callback(keep_alive.discard)
        await asyncio.shield(task)
        return
    with ledger.lock:
        if behaviour in DECLINES:
            decline(record, DECLINES[behaviour])
        elif behaviour is CardBehaviour.THREE_DS_FAILS and record.three_ds is None:
            # Outside 3-D Secure (the hosted checkout) the authentication it needs fails.
            decline(record, THREE_DS_FAILED)
        else:
            _approve(record, clock.now())


_STATUS = {
    TransactionStatus.SUCCESS: PaymentStatus.SUCCESS,
    TransactionStatus.FAILED: PaymentStatus.FAILED,
    TransactionStatus.PENDING: PaymentStatus.PENDING,
    TransactionStatus.UNKNOWN: PaymentStatus.PENDING,
}


def payment_response(record: LedgerRecord, *, amount: Decimal | None = None) -> dict[str, Any]:
    """The ``ApiPaymentResponse`` of ``record`` as a wire dict (``amount`` overrides, for captures)."""
    with_status = PaymentResponse(
        payment_id=record.payment_id, order_id=record.order_id,
        amount=amount if amount is not None else record.amount, installment_count=record.installment_count,
        currency=record.currency, merchant_commission=record.merchant_commission,
        status=_STATUS[record.status], payment_date=record.paid_at or record.created_at,
        card_holder_name=record.card_holder_name, pan=record.masked_pan, dom_int=record.dom_int,
        card_scheme=record.card_scheme, card_type=record.card_type,
        external_transaction_id=record.external_transaction_id, auth_code=record.auth_code,
        result_code=record.result_code or ("PENDING" if record.status is TransactionStatus.PENDING else None),
        result_message=record.result_message or ("Waiting for the issuer" if record.status is
                                                 TransactionStatus.PENDING else None),
        customer_id=record.customer_id,
    )
    return with_status.model_dump(mode="python", by_alias=True, exclude_none=True)


def enrolled_response(order_id: str, amount: Decimal, currency: str, facts: CardFacts, holder: str,
                      customer_id: str | None, now: dt.datetime) -> dict[str, Any]:
    """The ENROLLED answer: nothing charged, nothing recorded; the same orderId may go to /api/3ds."""
    return PaymentResponse(
        payment_id=uuid.uuid4(), order_id=order_id, amount=amount, installment_count=1, currency=currency,
        merchant_commission=to_minor(Decimal(0), currency), status=PaymentStatus.ENROLLED, payment_date=now,
        card_holder_name=holder, pan=facts.masked_pan, dom_int=facts.dom_int, card_scheme=facts.scheme,
        card_type=facts.card_type, result_code=THREE_DS_REQUIRED[0], result_message=THREE_DS_REQUIRED[1],
        customer_id=customer_id,
    ).model_dump(mode="python", by_alias=True, exclude_none=True)


# --- OpenAPI documentation of answers -----------------------------------------------------------------

_DESCRIPTIONS = {
    400: "The request is not valid; problem details name the field (``errors``).",
    401: "Missing or invalid X-API-KEY / X-API-SECRET.",
    404: "No such payment, checkout or transaction.",
    409: "Not allowed in the current state (orderId already used, second capture, challenge not answered).",
    413: "The request body is too large.",
    429: "Too many requests; wait Retry-After seconds.",
    500: "The issuer failed; nothing was charged.",
    503: "The gateway is unavailable (sandbox fault injection); nothing was processed.",
}


def _problem_schema() -> dict[str, Any]:
    from ..api.models.problems import ProblemDetails
    from .bodies import model_schema

    return model_schema(ProblemDetails)


def documented(ok: Any, *codes: int, body: bool = True) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a payment-API route: ``ok`` as the 200 model, problem details for ``codes``
    plus the answers every payment route can give (401, 429, 503; 413 when it reads a body)."""
    schema = _problem_schema()
    result: dict[int | str, dict[str, Any]] = {}
    if ok is not None:
        result[200] = {"model": ok, "description": "Success."}
    every = set(codes) | {401, 429, 503} | ({400, 413} if body else set())
    for code in sorted(every):
        result[code] = {"description": _DESCRIPTIONS[code],
                        "content": {"application/problem+json": {"schema": schema}}}
    return result
