"""The payment gateway API of the sandbox (payment-gateway.md): payments, pre-authorizations, captures and
3-D Secure, plus the routers of installments, checkout links, the ACS page and transactions.

The test cards (:mod:`.test_cards`) decide what the issuer answers; :mod:`.issuer` holds the rules shared
by every way of paying and :mod:`.ledger` the idempotency and settlement rules.

Choices where the docs are silent:

* A card enrolled in 3-D Secure (4000000000003220, 4000000000003238) answers ``status: ENROLLED`` on
  ``/api/payment`` and ``/api/pre-authorization``: nothing is charged or recorded, and the same orderId
  can then be paid through ``/api/3ds``.
* Capture: an unknown paymentId (or one that is not a pre-authorization) is 404; an amount over the
  authorized amount is 400 naming ``amount``; a currency other than the pre-authorization's is 400 naming
  ``currency``; a second capture, or capturing a declined, pending or voided pre-authorization, is 409.
  A partial capture is allowed and releases the rest. The capture answers the pre-authorization's
  ``ApiPaymentResponse`` with ``amount`` set to the captured amount.
* 3-D Secure: every card on ``/api/3ds`` gets the challenge (the sandbox has no frictionless flow).
  ``amount`` charged is the order amount plus the installment interest when ``interestPaidByCustomer``
  (see :mod:`.installments`). ``POST /api/3ds/{paymentId}/complete``: wrong ``securityKey`` is 400 naming
  it; before the challenge is answered 409 (whatever the key); after it, the final result, the same one on every repeat (the
  card is charged once). A repeated ``POST /api/3ds`` with the same orderId answers the same enrollment.
"""

from __future__ import annotations

import asyncio
import hmac
import secrets
from typing import Any

from fastapi import APIRouter, Depends, Request

from ..api.models.payments import (
    CaptureRequest,
    CardPaymentRequest,
    PaymentResponse,
    ThreeDSecureCompleteRequest,
    ThreeDSecureEnrollment,
    ThreeDSecureRequest,
)
from ..api.models.transactions import TransactionStatus, TransactionType
from . import checkout, installments, threeds, transactions
from .auth import require_api_key
from .bodies import body_schema, parse_body
from .issuer import (
    THREE_DS_FAILED,
    authorize,
    card_facts,
    check_card,
    decline,
    documented,
    enrolled_response,
    gateway_error,
    new_record,
    payment_response,
)
from .ledger import LedgerConflict, LedgerRecord, Operation, RelatedEntry, ThreeDSChallenge, ThreeDSState, ledger_of
from .problems import ProblemError, WireJSONResponse
from .state import SandboxState
from .test_cards import CardBehaviour

_THREE_DS_CARDS = (CardBehaviour.THREE_DS_REQUIRED, CardBehaviour.THREE_DS_FAILS)


def running_tasks(state: SandboxState) -> set[asyncio.Task]:
    """Background work (late approvals, callbacks) the sandbox must keep a reference to."""
    return state.extras.setdefault("tasks", set())


def claim(state: SandboxState, record: LedgerRecord) -> tuple[LedgerRecord, bool]:
    """:meth:`Ledger.claim` with a conflict answered as 409."""
    try:
        return ledger_of(state).claim(record)
    except LedgerConflict as err:
        raise ProblemError(409, str(err), errors={"orderId": ["already used"]}) from None


def build_router(state: SandboxState) -> APIRouter:
    router = APIRouter(tags=["payment gateway"])
    ledger = ledger_of(state)
    tasks = running_tasks(state)

    async def _card_payment(request: Request, operation: Operation) -> WireJSONResponse:
        body = await parse_body(request, CardPaymentRequest)
        now = state.clock.now()
        check_card(body.pan, body.expiry_month, body.expiry_year, now)
        facts = card_facts(body.pan)
        if facts.behaviour is CardBehaviour.GATEWAY_ERROR:
            raise gateway_error()
        existing = ledger.by_order(body.order_id)
        if facts.behaviour in _THREE_DS_CARDS and existing is None:
            return WireJSONResponse(enrolled_response(body.order_id, body.amount, body.currency, facts,
                                                      body.card_holder_name, body.customer_id, now))
        record = new_record(order_id=body.order_id, operation=operation, amount=body.amount,
                            currency=body.currency, facts=facts, holder=body.card_holder_name,
                            customer_id=body.customer_id, now=now)
        record, created = claim(state, record)
        if created:
            await authorize(ledger, record, facts.behaviour, state.clock, state.config.hang_seconds, tasks)
        return WireJSONResponse(payment_response(record))

    @router.post("/api/payment", openapi_extra=body_schema(CardPaymentRequest),
                 responses=documented(PaymentResponse, 409, 500))
    async def pay(request: Request, _key: str = Depends(require_api_key)) -> Any:
        """A sale. A repeated orderId answers the original result (see the ledger's idempotency rule)."""
        return await _card_payment(request, Operation.PAYMENT)

    @router.post("/api/pre-authorization", openapi_extra=body_schema(CardPaymentRequest),
                 responses=documented(PaymentResponse, 409, 500))
    async def pre_authorize(request: Request, _key: str = Depends(require_api_key)) -> Any:
        """Hold an amount on the card, to capture later."""
        return await _card_payment(request, Operation.PRE_AUTHORIZATION)

    @router.post("/api/pre-authorization/{paymentId}/capture", openapi_extra=body_schema(CaptureRequest),
                 responses=documented(PaymentResponse, 404, 409))
    async def capture(paymentId: str, request: Request, _key: str = Depends(require_api_key)) -> Any:
        """Capture up to the authorized amount, once; the rest is released."""
        body = await parse_body(request, CaptureRequest)
        record = ledger.by_payment(paymentId)
        if record is None or record.operation is not Operation.PRE_AUTHORIZATION:
            raise ProblemError(404, "No pre-authorization with this paymentId.")
        with ledger.lock:
            if body.currency != record.currency:
                raise ProblemError(400, f"The pre-authorization is in {record.currency}.",
                                   errors={"currency": [f"must be {record.currency}, the pre-authorization's"]})
            if record.status is not TransactionStatus.SUCCESS:
                raise ProblemError(409, "Only an approved pre-authorization can be captured.")
            if record.voided:
                raise ProblemError(409, "The pre-authorization was voided (released).")
            if record.captured_amount is not None:
                raise ProblemError(409, "The pre-authorization was already captured.")
            if body.amount > record.amount:
                raise ProblemError(400, f"At most {record.amount} {record.currency} can be captured.",
                                   errors={"amount": [f"must not exceed the authorized {record.amount}"]})
            now = state.clock.now()
            record.captured_amount, record.captured_at = body.amount, now
            record.related.append(RelatedEntry(TransactionType.PROVISION_COMMIT, body.amount,
                                               TransactionStatus.SUCCESS, now))
            answer = payment_response(record, amount=body.amount)
            answer["paymentDate"] = now
        return WireJSONResponse(answer)

    def _enrollment(record: LedgerRecord) -> dict[str, Any]:
        return ThreeDSecureEnrollment(
            payment_id=record.payment_id, success=True, result_code="SUCCESS",
            result_message="Enrolled: show htmlContent to the card holder",
            html_content=threeds.enrollment_html(state.config.acs_url, str(record.payment_id)),
        ).model_dump(mode="python", by_alias=True, exclude_none=True)

    @router.post("/api/3ds", openapi_extra=body_schema(ThreeDSecureRequest),
                 responses=documented(ThreeDSecureEnrollment, 409, 500))
    async def start_3ds(request: Request, _key: str = Depends(require_api_key)) -> Any:
        """Start a 3-D Secure payment: answers the HTML that takes the card holder to the challenge."""
        body = await parse_body(request, ThreeDSecureRequest)
        now = state.clock.now()
        check_card(body.pan, body.expiry_month, body.expiry_year, now)
        facts = card_facts(body.pan)
        if facts.behaviour is CardBehaviour.GATEWAY_ERROR:
            raise gateway_error()
        count = body.installment_count or 1
        total = installments.charged_total(body.amount, body.currency, body.pan, count,
                                           bool(body.interest_paid_by_customer))
        record = new_record(order_id=body.order_id, operation=Operation.THREE_DS, amount=total,
                            currency=body.currency, facts=facts, holder=body.card_holder_name,
                            customer_id=body.customer_id, now=now, installments=count)
        record.three_ds = ThreeDSState(
            security_key="3DS_" + secrets.token_urlsafe(24), success_url=body.success_url,
            failure_url=body.failure_url, always_fails=facts.behaviour is CardBehaviour.THREE_DS_FAILS,
            behaviour=facts.behaviour)
        record, _created = claim(state, record)
        return WireJSONResponse(_enrollment(record))

    @router.post("/api/3ds/{paymentId}/complete", openapi_extra=body_schema(ThreeDSecureCompleteRequest),
                 responses=documented(PaymentResponse, 404, 409))
    async def complete_3ds(paymentId: str, request: Request, _key: str = Depends(require_api_key)) -> Any:
        """Finish a 3-D Secure payment with the securityKey posted to the merchant's callback URL."""
        body = await parse_body(request, ThreeDSecureCompleteRequest)
        record = ledger.by_payment(paymentId)
        if record is None or record.three_ds is None:
            raise ProblemError(404, "No 3-D Secure payment with this paymentId.")
        three_ds = record.three_ds
        # The key only exists for the merchant once the challenge is answered, so "not yet" comes first.
        if three_ds.challenge is ThreeDSChallenge.WAITING:
            raise ProblemError(409, "The card holder has not answered the 3-D Secure challenge yet.")
        if not hmac.compare_digest(body.security_key.encode(), three_ds.security_key.encode()):
            raise ProblemError(400, "The securityKey does not belong to this payment.",
                               errors={"securityKey": ["does not match this payment"]})
        with ledger.lock:
            if three_ds.completed:
                return WireJSONResponse(payment_response(record))
            three_ds.completed = True  # before the await below: a concurrent complete must not charge again
            if three_ds.challenge is ThreeDSChallenge.FAILED:
                decline(record, THREE_DS_FAILED)
                return WireJSONResponse(payment_response(record))
        await authorize(ledger, record, three_ds.behaviour, state.clock, state.config.hang_seconds, tasks)
        return WireJSONResponse(payment_response(record))

    router.include_router(installments.build_router(state))
    router.include_router(checkout.build_router(state))
    router.include_router(transactions.build_router(state))
    router.include_router(threeds.build_router(state))
    return router
