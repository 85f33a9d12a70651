"""Transaction lookup, void and refund against the sandbox, with the settlement cut-off moved by the clock."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import httpx
import pytest

from klogs_desk.api.errors import ConflictError, NotFoundError, ValidationFailedError
from klogs_desk.api.models import (
    CaptureRequest,
    RefundRequest,
    TransactionStatus,
    TransactionType,
    VoidRequest,
)

try:
    from tests.conftest import make_client
except ImportError:  # pragma: no cover
    from conftest import make_client

from test_payment_api import DO_NOT_HONOUR, MASTERCARD, VISA, card

pytestmark = pytest.mark.anyio

HEADERS = {"X-API-KEY": "sandbox-key", "X-API-SECRET": "sandbox-secret"}


def settle(server) -> None:  # type: ignore[no-untyped-def]
    """Move the sandbox clock past the next daily cut-off (00:00 UTC)."""
    server.state.clock.advance(dt.timedelta(days=1, minutes=1))


async def test_lookup_shows_the_sale_and_unknown_reference_is_404(sandbox):
    request = card(MASTERCARD, amount="42.10")
    async with make_client(sandbox) as client:
        paid = await client.pay(request)
        detail = await client.get_transaction(request.order_id)
        with pytest.raises(NotFoundError):
            await client.get_transaction("NO-SUCH-ORDER")
    assert detail.id == paid.payment_id
    assert (detail.order_id, detail.client_reference_code) == (request.order_id, request.order_id)
    assert (detail.amount, detail.balance, detail.currency_code) == (Decimal("42.10"), Decimal("42.10"), "TRY")
    assert (detail.type, detail.status, detail.payment_method) == (TransactionType.SALE, TransactionStatus.SUCCESS,
                                                                   "card")
    assert detail.installment == 1 and detail.created_at_utc is not None


async def test_declined_payment_is_failed_with_its_reason_and_cannot_be_voided(sandbox):
    request = card(DO_NOT_HONOUR)
    async with make_client(sandbox) as client:
        await client.pay(request)
        detail = await client.get_transaction(request.order_id)
        with pytest.raises(ConflictError) as caught:
            await client.void(VoidRequest(reference_code=request.order_id))
    assert detail.status is TransactionStatus.FAILED and detail.balance == 0
    assert "Do not honour" in detail.errors[0].error
    assert "declined" in str(caught.value)


async def test_void_before_settlement_then_nothing_more(fresh_sandbox):
    request = card(VISA, amount="80.00")
    async with make_client(fresh_sandbox) as client:
        await client.pay(request)
        with pytest.raises(ConflictError) as early_refund:
            await client.refund(RefundRequest(reference_code=request.order_id, amount=Decimal("10.00")))
        result = await client.void(VoidRequest(reference_code=request.order_id))
        with pytest.raises(ConflictError):
            await client.void(VoidRequest(reference_code=request.order_id))
        settle(fresh_sandbox)
        with pytest.raises(ConflictError):
            await client.refund(RefundRequest(reference_code=request.order_id, amount=Decimal("10.00")))
        detail = await client.get_transaction(request.order_id)
    assert "not settled" in str(early_refund.value)
    assert result.success is True
    assert detail.balance == 0
    assert [(r.type, r.amount, r.status) for r in detail.related_transactions] == [
        (TransactionType.VOID, Decimal("80.00"), TransactionStatus.SUCCESS)]


async def test_after_settlement_only_partial_refunds_up_to_the_balance(fresh_sandbox):
    request = card(VISA, amount="100.00")
    async with make_client(fresh_sandbox) as client:
        await client.pay(request)
        settle(fresh_sandbox)
        with pytest.raises(ConflictError) as late_void:
            await client.void(VoidRequest(reference_code=request.order_id))
        first = await client.refund(RefundRequest(reference_code=request.order_id, amount=Decimal("25.50")))
        with pytest.raises(ValidationFailedError) as over:
            await client.refund(RefundRequest(reference_code=request.order_id, amount=Decimal("74.51")))
        rest = await client.refund(RefundRequest(reference_code=request.order_id, amount=Decimal("74.50")))
        with pytest.raises(ConflictError):
            await client.refund(RefundRequest(reference_code=request.order_id, amount=Decimal("0.01")))
        detail = await client.get_transaction(request.order_id)
    assert "settled" in str(late_void.value)
    assert first.success and rest.success
    assert "74.50" in str(over.value)
    assert detail.balance == 0
    assert [(r.type, r.amount) for r in detail.related_transactions] == [
        (TransactionType.REFUND, Decimal("25.50")), (TransactionType.REFUND, Decimal("74.50"))]


async def test_pre_authorization_void_releases_it_and_captured_one_refunds_after_settlement(fresh_sandbox):
    released, captured = card(VISA, amount="60.00"), card(VISA, amount="60.00")
    async with make_client(fresh_sandbox) as client:
        await client.pre_authorize(released)
        assert (await client.void(VoidRequest(reference_code=released.order_id))).success
        held = await client.pre_authorize(captured)
        with pytest.raises(ConflictError) as uncaptured:
            await client.refund(RefundRequest(reference_code=captured.order_id, amount=Decimal("1.00")))
        await client.capture(held.payment_id, CaptureRequest(amount=Decimal("50.00"), currency="TRY"))
        settle(fresh_sandbox)
        with pytest.raises(ValidationFailedError):
            await client.refund(RefundRequest(reference_code=captured.order_id, amount=Decimal("50.01")))
        await client.refund(RefundRequest(reference_code=captured.order_id, amount=Decimal("50.00")))
        released_detail = await client.get_transaction(released.order_id)
        captured_detail = await client.get_transaction(captured.order_id)
    assert "never captured" in str(uncaptured.value)
    assert released_detail.type is TransactionType.PROVISION and released_detail.balance == 0
    assert [r.type for r in captured_detail.related_transactions] == [TransactionType.PROVISION_COMMIT,
                                                                      TransactionType.REFUND]
    assert captured_detail.balance == 0


async def test_void_and_refund_answer_the_documented_shapes_on_the_wire(sandbox):
    request = card(VISA, amount="10.00")
    async with make_client(sandbox) as client:
        await client.pay(request)
    async with httpx.AsyncClient(base_url=sandbox.url, headers=HEADERS) as raw:
        unknown = await raw.post("/api/trx/void", json={"referenceCode": "NOPE-404"})
        early = await raw.post("/api/trx/refund", content=b'{"referenceCode": "%s", "amount": 1.10}'
                               % request.order_id.encode(), headers={"Content-Type": "application/json"})
        voided = await raw.post("/api/trx/void", json={"referenceCode": request.order_id})
        missing = await raw.post("/api/trx/refund", json={"referenceCode": request.order_id})
    assert unknown.status_code == 404 and set(unknown.json()["error"]) == {"summary"}
    assert early.status_code == 409 and early.json()["error"]["summary"]
    assert voided.status_code == 200 and voided.json() == {"success": True}
    assert missing.status_code == 400 and "amount" in missing.json()["errors"]


async def test_refund_amount_must_fit_the_currency(fresh_sandbox):
    request = card(VISA, amount="10.00")
    async with make_client(fresh_sandbox) as client:
        await client.pay(request)
    settle(fresh_sandbox)
    async with httpx.AsyncClient(base_url=fresh_sandbox.url, headers=HEADERS) as raw:
        answer = await raw.post("/api/trx/refund", content=b'{"referenceCode": "%s", "amount": 1.005}'
                                % request.order_id.encode(), headers={"Content-Type": "application/json"})
    assert answer.status_code == 400
    assert "decimal places" in answer.json()["error"]["summary"]
