"""Each of the client's 17 operations against the real sandbox over loopback: once succeeding, once failing.

A "failure" is whatever a cashier would meet: a decline (a normal answer with status FAILED), or a typed
error from :mod:`klogs_desk.api.errors` carrying the field, status and a readable message.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from _client_support import (
    DECLINED_CARD,
    GATEWAY_ERROR_CARD,
    THREE_DS_CARD,
    advance_clock,
    answer_challenge,
    card_payment,
    order_id,
    payment_order,
    subscription,
    three_ds_payment,
)
from conftest import make_client

from klogs_desk.api.client import Credentials, Endpoints, KlogsClient
from klogs_desk.api.errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
    ValidationFailedError,
)
from klogs_desk.api.models import (
    CaptureRequest,
    CheckoutRequest,
    InstallmentOptionsRequest,
    NewOwnerRequest,
    PaymentStatus,
    RecurringListQuery,
    RefundRequest,
    RegisteredPaymentStatus,
    ThreeDSecureCompleteRequest,
    TransactionStatus,
    TransactionType,
    UpdateRecurringPaymentRequest,
    VoidRequest,
)

pytestmark = pytest.mark.anyio


# --- payments ----------------------------------------------------------------------------------------


async def test_pay_approved_answers_masked_card_and_exact_amount(sandbox):
    request = card_payment(amount="100.10")
    async with make_client(sandbox) as client:
        response = await client.pay(request)
    assert response.status is PaymentStatus.SUCCESS and response.approved
    assert response.order_id == request.order_id
    assert response.amount == Decimal("100.10")
    assert response.pan == "411111******1111"


async def test_pay_declined_is_an_answer_not_an_error(sandbox):
    async with make_client(sandbox) as client:
        response = await client.pay(card_payment(DECLINED_CARD))
    assert response.status is PaymentStatus.FAILED and not response.approved
    assert response.result_message


async def test_pay_with_bad_check_digit_names_the_pan(sandbox):
    # The model only checks the shape; the Luhn check is the gateway's (and the card form's) job.
    request = card_payment().model_copy(update={"pan": "4111111111111112"})
    async with make_client(sandbox) as client:
        with pytest.raises(ValidationFailedError) as caught:
            await client.pay(request)
    assert caught.value.status == 400 and caught.value.field == "pan"
    assert "4111111111111112" not in str(caught.value)


async def test_pre_authorize_then_capture_part(sandbox):
    async with make_client(sandbox) as client:
        held = await client.pre_authorize(card_payment(amount="100.00"))
        assert held.status is PaymentStatus.SUCCESS and held.payment_id
        captured = await client.capture(held.payment_id, CaptureRequest(amount=Decimal("90.00"), currency="TRY"))
        assert captured.status is PaymentStatus.SUCCESS and captured.amount == Decimal("90.00")
        detail = await client.get_transaction(held.order_id)
    assert detail.type is TransactionType.PROVISION
    assert [r.type for r in detail.related_transactions] == [TransactionType.PROVISION_COMMIT]


async def test_pre_authorize_gateway_error_is_a_server_error(sandbox):
    async with make_client(sandbox) as client:
        with pytest.raises(ServerError) as caught:
            await client.pre_authorize(card_payment(GATEWAY_ERROR_CARD))
    assert caught.value.status == 500 and "Nothing was" in str(caught.value)


async def test_capture_failures(sandbox):
    async with make_client(sandbox) as client:
        with pytest.raises(NotFoundError):
            await client.capture(uuid.uuid4(), CaptureRequest(amount=Decimal("1.00"), currency="TRY"))
        held = await client.pre_authorize(card_payment(amount="50.00"))
        with pytest.raises(ValidationFailedError) as over:
            await client.capture(held.payment_id, CaptureRequest(amount=Decimal("50.01"), currency="TRY"))
        assert over.value.field == "amount"
        await client.capture(held.payment_id, CaptureRequest(amount=Decimal("50.00"), currency="TRY"))
        with pytest.raises(ConflictError):
            await client.capture(held.payment_id, CaptureRequest(amount=Decimal("1.00"), currency="TRY"))


async def test_three_d_secure_round_trip(sandbox):
    async with make_client(sandbox) as client:
        enrollment = await client.start_3ds(three_ds_payment())
        assert enrollment.success and enrollment.payment_id and "_acs/" in (enrollment.html_content or "")
        key = answer_challenge(sandbox.url, enrollment.payment_id)
        result = await client.complete_3ds(enrollment.payment_id, ThreeDSecureCompleteRequest(security_key=key))
    assert result.status is PaymentStatus.SUCCESS and result.amount == Decimal("250.00")


async def test_three_d_secure_failures(sandbox):
    async with make_client(sandbox) as client:
        with pytest.raises(ValidationFailedError) as bad_card:
            await client.start_3ds(three_ds_payment().model_copy(update={"pan": "4000000000003221"}))
        assert bad_card.value.field == "pan"
        enrollment = await client.start_3ds(three_ds_payment(THREE_DS_CARD))
        # The right key (read from the in-process sandbox), but the card holder has not answered yet.
        key = sandbox.state.extras["ledger"].by_payment(enrollment.payment_id).three_ds.security_key
        with pytest.raises(ConflictError):
            await client.complete_3ds(enrollment.payment_id, ThreeDSecureCompleteRequest(security_key=key))
        answer_challenge(sandbox.url, enrollment.payment_id)
        with pytest.raises(ValidationFailedError) as wrong_key:
            await client.complete_3ds(enrollment.payment_id, ThreeDSecureCompleteRequest(security_key="forged"))
    assert wrong_key.value.field == "securityKey"


async def test_installment_options_quote(sandbox):
    request = InstallmentOptionsRequest(amount=Decimal("1000.00"), currency="TRY", pan="5421190122090656",
                                        max_installment_count=6)
    async with make_client(sandbox) as client:
        quote = await client.installment_options(request)
    assert quote.options and all(o.installment_count <= 6 for o in quote.options)
    for option in quote.options:
        assert option.total_amount == option.interest_amount + Decimal("1000.00") or option.interest_amount == 0


async def test_installment_options_with_wrong_credentials(sandbox):
    request = InstallmentOptionsRequest(amount=Decimal("1000.00"), currency="TRY", pan="5421190122090656")
    async with KlogsClient(Endpoints.same(sandbox.url), Credentials("wrong", "wrong", "wrong"), timeout=5) as client:
        with pytest.raises(AuthenticationError) as caught:
            await client.installment_options(request)
    assert caught.value.status == 401 and "Settings" in str(caught.value)


async def test_checkout_link_created_and_pending(sandbox):
    request = CheckoutRequest(order_id=order_id("CHK"), amount=Decimal("75.25"), currency="TRY",
                              description="Table 4")
    async with make_client(sandbox) as client:
        link = await client.create_checkout(request)
        assert link.redirect_url.startswith(sandbox.url)
        state = await client.get_checkout(link.checkout_id)
    assert state.status is PaymentStatus.PENDING and state.amount == Decimal("75.25")


async def test_checkout_failures(sandbox):
    request = CheckoutRequest(order_id=order_id("CHK"), amount=Decimal("10.00"), currency="TRY")
    async with make_client(sandbox) as client:
        await client.create_checkout(request)
        with pytest.raises(ConflictError):  # same orderId, another amount
            await client.create_checkout(request.model_copy(update={"amount": Decimal("11.00")}))
        with pytest.raises(NotFoundError):
            await client.get_checkout(uuid.uuid4())


# --- transactions ------------------------------------------------------------------------------------------


async def test_lookup_and_unknown_reference(sandbox):
    request = card_payment(amount="42.00")
    async with make_client(sandbox) as client:
        await client.pay(request)
        detail = await client.get_transaction(request.order_id)
        assert detail.status is TransactionStatus.SUCCESS and detail.balance == Decimal("42.00")
        with pytest.raises(NotFoundError):
            await client.get_transaction("NO-SUCH-" + order_id())


async def test_void_then_void_again(sandbox):
    request = card_payment()
    async with make_client(sandbox) as client:
        await client.pay(request)
        assert (await client.void(VoidRequest(reference_code=request.order_id))).success
        with pytest.raises(ConflictError) as caught:
            await client.void(VoidRequest(reference_code=request.order_id))
        assert "already voided" in str(caught.value)
        assert (await client.get_transaction(request.order_id)).balance == 0


async def test_refund_after_settlement_and_over_the_balance(fresh_sandbox):
    request = card_payment(amount="100.00")
    async with make_client(fresh_sandbox) as client:
        await client.pay(request)
        with pytest.raises(ConflictError):  # not settled yet: a void is the way
            await client.refund(RefundRequest(reference_code=request.order_id, amount=Decimal("10.00")))
        advance_clock(fresh_sandbox.url, 2 * 86400)
        assert (await client.refund(RefundRequest(reference_code=request.order_id, amount=Decimal("25.50")))).success
        with pytest.raises(ValidationFailedError) as caught:
            await client.refund(RefundRequest(reference_code=request.order_id, amount=Decimal("80.00")))
        assert caught.value.field == "amount" and "74.50" in str(caught.value)
        assert (await client.get_transaction(request.order_id)).balance == Decimal("74.50")


# --- registered payments ------------------------------------------------------------------------------------


async def test_create_owner(sandbox):
    async with make_client(sandbox) as client:
        result = await client.create_owner(NewOwnerRequest(phone="+905551234567"))
    assert result.success


async def test_create_owner_with_read_only_token_is_forbidden(sandbox):
    read_only = Credentials("sandbox-key", "sandbox-secret", "sandbox-readonly-token")
    async with KlogsClient(Endpoints.same(sandbox.url), read_only, timeout=5) as client:
        with pytest.raises(PermissionDeniedError) as caught:
            await client.create_owner(NewOwnerRequest(phone="+905551234567"))
        # Reading is allowed with that token.
        assert (await client.list_recurring()).current_page == 1
    assert caught.value.status == 403 and "Insufficient permissions" in str(caught.value)


async def test_payment_order_created_and_duplicate_refused(sandbox):
    request = payment_order()
    async with make_client(sandbox) as client:
        await client.create_owner(NewOwnerRequest(phone="+905551234567"))
        result = await client.create_payment_order(request)
        assert result.success and result.order_status is RegisteredPaymentStatus.ACTIVE
        with pytest.raises(ConflictError):
            await client.create_payment_order(request)


async def test_subscription_lifecycle(sandbox):
    request = subscription()
    async with make_client(sandbox) as client:
        await client.create_owner(NewOwnerRequest(phone="+905551234567"))
        created = await client.create_recurring(request)
        assert created.success and created.order_status is RegisteredPaymentStatus.ACTIVE
        page = await client.list_recurring(RecurringListQuery(subscription=request.reference))
        assert page.total_count == 1
        item = page.items[0]
        assert item.reference == request.reference and item.amount == Decimal("99.90")

        by_id = await client.update_recurring(item.id, UpdateRecurringPaymentRequest(amount=Decimal("119.90")))
        assert by_id.success
        by_reference = await client.update_recurring_by_subscription(
            request.reference, UpdateRecurringPaymentRequest(status=RegisteredPaymentStatus.DISABLED))
        assert by_reference.order_status is RegisteredPaymentStatus.DISABLED
        again = (await client.list_recurring(RecurringListQuery(subscription=request.reference))).items[0]
    assert again.amount == Decimal("119.90") and again.status is RegisteredPaymentStatus.DISABLED


async def test_subscription_failures(sandbox):
    request = subscription()
    async with make_client(sandbox) as client:
        await client.create_recurring(request)
        with pytest.raises(ConflictError):
            await client.create_recurring(request)
        with pytest.raises(ValidationFailedError) as bad_sort:
            await client.list_recurring(RecurringListQuery(order_by="password"))
        assert bad_sort.value.field == "OrderBy"
        with pytest.raises(NotFoundError):
            await client.update_recurring(uuid.uuid4(), UpdateRecurringPaymentRequest(amount=Decimal("1.00")))
        with pytest.raises(NotFoundError):
            await client.update_recurring_by_subscription(
                "NO-SUCH-" + order_id(), UpdateRecurringPaymentRequest(amount=Decimal("1.00")))


async def test_subscription_with_a_slash_in_its_reference_is_found(sandbox):
    """The subscription id goes into the path: it must be escaped, not split into segments."""
    request = subscription(reference=f"SUB/{order_id()}")
    async with make_client(sandbox) as client:
        await client.create_recurring(request)
        result = await client.update_recurring_by_subscription(
            request.reference, UpdateRecurringPaymentRequest(explanation="moved to the 15th"))
    assert result.success
