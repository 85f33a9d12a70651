"""Transaction lookup, void and refund (transactions.md): ``/api/trx/...``.

The reference code is the ``orderId`` of the payment, pre-authorization, 3-D Secure or checkout payment.
Settlement and balance rules are the ledger's (:mod:`.ledger`).

Choices where the docs are silent:

* Lookup: an unknown reference is 404 (problem details). The never-answering card's payment is
  ``Pending`` while the issuer "hangs" and ``Success`` afterwards: that is how an outcome-unknown payment
  is resolved. A 3-D Secure payment whose challenge is not finished is ``Pending``. ``errors`` lists the
  decline reason of a failed payment.
* Void and refund answer ``{"success": true}``, or ``{"error": {"summary": ...}}`` with: 404 for an unknown
  reference; 400 for an amount that is over the remaining balance or does not fit the currency; 409 for
  every "not in this state" refusal (declined, pending, already voided, void after settlement, refund
  before settlement, refund of a pre-authorization that was never captured).
* A void of an unsettled captured pre-authorization cancels the capture too. Partial refunds are allowed
  until the balance is 0.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Request

from ..api.models.transactions import (
    RefundRequest,
    RelatedTransaction,
    TransactionDetail,
    TransactionErrorEntry,
    TransactionResult,
    TransactionStatus,
    TransactionType,
    VoidRequest,
)
from ..domain.money import AmountError, check_amount
from .auth import require_api_key
from .bodies import body_schema, model_schema, parse_body
from .issuer import documented
from .ledger import LedgerRecord, RelatedEntry, ledger_of
from .problems import ProblemError, WireJSONResponse
from .state import SandboxState


def _failure(status: int, summary: str) -> WireJSONResponse:
    return WireJSONResponse({"success": False, "error": {"summary": summary}}, status_code=status)


def _result_responses() -> dict[int | str, dict[str, Any]]:
    """Void/refund answers: problem details for a bad body or auth, ``{"error": {"summary"}}`` otherwise."""
    responses = documented(TransactionResult)
    schema = model_schema(TransactionResult, components=True)
    schema.pop("$defs", None)  # the 200 answer puts the nested models into components
    summary = {"application/json": {"schema": schema}}
    responses[400]["description"] = "Invalid body (problem details) or an amount over the balance (error.summary)."
    responses[400]["content"].update(summary)
    responses[404] = {"description": "No transaction with this reference (error.summary).", "content": summary}
    responses[409] = {"description": "Not allowed in the transaction's state (error.summary).", "content": summary}
    return responses


def detail_of(record: LedgerRecord) -> dict[str, Any]:
    """The ``GET /api/trx/{referenceCode}`` answer for ``record``."""
    errors = []
    if record.status is TransactionStatus.FAILED and record.result_message:
        errors.append(TransactionErrorEntry(error=f"{record.result_code}: {record.result_message}",
                                            created_at_utc=record.paid_at or record.created_at))
    detail = TransactionDetail(
        id=record.payment_id, order_id=record.order_id, client_reference_code=record.order_id,
        amount=record.amount, balance=record.balance(), currency_code=record.currency, type=record.type,
        status=record.status, created_at_utc=record.created_at, installment=record.installment_count,
        payment_method="card", auth_code=record.auth_code, errors=errors,
        related_transactions=[
            RelatedTransaction(amount=e.amount, type=e.type, status=e.status, created_at_utc=e.created_at,
                               errors=[TransactionErrorEntry(error=m) for m in e.errors])
            for e in record.related],
    )
    return detail.model_dump(mode="python", by_alias=True, exclude_none=True)


def _refusal(record: LedgerRecord) -> str | None:
    """Why nothing can be voided or refunded on ``record`` at all, or None."""
    if record.status is TransactionStatus.PENDING:
        return "The transaction is still pending; look it up again later."
    if record.status is not TransactionStatus.SUCCESS:
        return "The transaction was declined: nothing was charged."
    if record.voided:
        return "The transaction was already voided."
    return None


def build_router(state: SandboxState) -> APIRouter:
    router = APIRouter(tags=["transactions"])
    ledger = ledger_of(state)

    @router.get("/api/trx/{referenceCode}", responses=documented(TransactionDetail, 404, body=False))
    async def lookup(referenceCode: str, _key: str = Depends(require_api_key)) -> Any:
        """The transaction with this reference (orderId) and the captures, voids and refunds after it."""
        record = ledger.by_order(referenceCode)
        if record is None:
            raise ProblemError(404, "No transaction with this reference code.")
        with ledger.lock:
            return WireJSONResponse(detail_of(record))

    @router.post("/api/trx/void", openapi_extra=body_schema(VoidRequest), responses=_result_responses())
    async def void(request: Request, _key: str = Depends(require_api_key)) -> Any:
        """Cancel a sale or pre-authorization before the daily settlement."""
        body = await parse_body(request, VoidRequest)
        record = ledger.by_order(body.reference_code)
        if record is None:
            return _failure(404, "No transaction with this reference code.")
        with ledger.lock:
            reason = _refusal(record)
            if reason:
                return _failure(409, reason)
            now = state.clock.now()
            if record.is_settled(now):
                return _failure(409, "The transaction is settled; refund it instead of voiding.")
            amount = record.balance()
            record.voided = True
            record.related.append(RelatedEntry(TransactionType.VOID, amount, TransactionStatus.SUCCESS, now))
        return WireJSONResponse({"success": True})

    @router.post("/api/trx/refund", openapi_extra=body_schema(RefundRequest), responses=_result_responses())
    async def refund(request: Request, _key: str = Depends(require_api_key)) -> Any:
        """Return money on a settled sale or capture, in parts, up to the remaining balance."""
        body = await parse_body(request, RefundRequest)
        record = ledger.by_order(body.reference_code)
        if record is None:
            return _failure(404, "No transaction with this reference code.")
        with ledger.lock:
            reason = _refusal(record)
            if reason:
                return _failure(409, reason)
            if record.type is TransactionType.PROVISION and record.captured_amount is None:
                return _failure(409, "The pre-authorization was never captured; void it to release it.")
            now = state.clock.now()
            if not record.is_settled(now):
                return _failure(409, "The transaction is not settled yet (daily cut-off 00:00 UTC); "
                                     "void it instead.")
            try:
                check_amount(body.amount, record.currency)
            except AmountError as err:
                return _failure(400, f"amount: {err}")
            balance = record.balance()
            if balance <= 0:
                return _failure(409, "The transaction was already refunded in full.")
            if body.amount > balance:
                return _failure(400, f"amount: at most {balance} {record.currency} can still be refunded.")
            record.related.append(RelatedEntry(TransactionType.REFUND, body.amount + Decimal(0),
                                               TransactionStatus.SUCCESS, now))
        return WireJSONResponse({"success": True})

    return router
