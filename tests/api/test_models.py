"""The API models enforce every documented limit, speak camelCase, keep money exact and never leak a card.

Each limit is tested at the edge: the largest allowed value passes, one more is refused, and the refusal
names the field (as :func:`field_errors_from` reports it to the UI) without quoting the input.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pydantic
import pytest

from klogs_desk.api.errors import field_errors_from
from klogs_desk.api.models import (
    CaptureRequest,
    CardPaymentRequest,
    CheckoutRequest,
    InstallmentOptionsRequest,
    NewOwnerRequest,
    OperationResult,
    PaymentOrderRequest,
    PaymentResponse,
    PaymentStatus,
    RecurringPaymentPage,
    RecurringPaymentRequest,
    RefundRequest,
    ThreeDSecureRequest,
    TransactionDetail,
    UpdateRecurringPaymentRequest,
    wire,
)

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
CONTEXT = {"now": NOW}
FUTURE = "2027-01-15T09:00:00Z"
CARD_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
PAN = "5421190122090656"
CVV = "916"


def owner(**changes: Any) -> dict[str, Any]:
    return {"fullName": "Ayşe Yılmaz", "email": "ayse@example.com", "phone": "+905551234567", "cardId": CARD_ID,
            **changes}


def recurring(**changes: Any) -> dict[str, Any]:
    return {"reference": "SUB-1", "amount": Decimal("99.90"), "currencyCode": "TRY", "ownerDescription": owner(),
            "firstPaymentTime": FUTURE, "frequency": "monthly", "interval": 1, "dayOfMonth": 1, **changes}


def payment_order(**changes: Any) -> dict[str, Any]:
    return {"reference": "ORD-1", "amount": Decimal("150.50"), "currencyCode": "TRY", "ownerDescription": owner(),
            "paymentTime": FUTURE, **changes}


def card_payment(**changes: Any) -> dict[str, Any]:
    return {"orderId": "ORD-12345", "amount": Decimal("100.50"), "currency": "TRY", "cardHolderName": "John Doe",
            "pan": PAN, "expiryMonth": "04", "expiryYear": "28", "cvv": CVV, **changes}


def errors_of(model: type[pydantic.BaseModel], data: dict[str, Any]) -> dict[str, list[str]]:
    with pytest.raises(pydantic.ValidationError) as caught:
        model.model_validate(data, context=CONTEXT)
    return field_errors_from(caught.value)


def accepts(model: type[pydantic.BaseModel], data: dict[str, Any]) -> pydantic.BaseModel:
    return model.model_validate(data, context=CONTEXT)


# --- documented limits -------------------------------------------------------------------------------

LENGTH_LIMITS = [
    (RecurringPaymentRequest, recurring, "reference", 150),
    (PaymentOrderRequest, payment_order, "reference", 150),
    (RecurringPaymentRequest, recurring, "explanation", 400),
    (PaymentOrderRequest, payment_order, "explanation", 400),
    (RecurringPaymentRequest, recurring, "paymentChannel", 50),
    (PaymentOrderRequest, payment_order, "paymentChannel", 50),
]


@pytest.mark.parametrize("model, base, field, limit", LENGTH_LIMITS,
                         ids=[f"{m.__name__}.{f}" for m, _, f, _ in LENGTH_LIMITS])
def test_text_length_limits(model, base, field, limit):
    accepts(model, base(**{field: "x" * limit}))
    assert field in errors_of(model, base(**{field: "x" * (limit + 1)}))


@pytest.mark.parametrize("field, limit", [("explanation", 400), ("paymentChannel", 50)])
def test_update_text_length_limits(field, limit):
    accepts(UpdateRecurringPaymentRequest, {field: "x" * limit})
    assert field in errors_of(UpdateRecurringPaymentRequest, {field: "x" * (limit + 1)})


def test_owner_full_name_at_most_100():
    accepts(RecurringPaymentRequest, recurring(ownerDescription=owner(fullName="A" * 100)))
    errors = errors_of(RecurringPaymentRequest, recurring(ownerDescription=owner(fullName="A" * 101)))
    assert "ownerDescription.fullName" in errors


@pytest.mark.parametrize("field, low, high", [("interval", 1, 30), ("dayOfMonth", 1, 30), ("monthOfYear", 1, 12)])
def test_schedule_number_ranges(field, low, high):
    yearly = {"frequency": "yearly", "dayOfMonth": 1, "monthOfYear": 1}
    for good in (low, high):
        accepts(RecurringPaymentRequest, recurring(**{**yearly, field: good}))
        accepts(UpdateRecurringPaymentRequest, {field: good})
    for bad in (low - 1, high + 1):
        assert field in errors_of(RecurringPaymentRequest, recurring(**{**yearly, field: bad}))
        assert field in errors_of(UpdateRecurringPaymentRequest, {field: bad})


@pytest.mark.parametrize("phone", ["+905551234567", "+14155552671", "+4420123456"])
def test_e164_phones_accepted(phone):
    assert NewOwnerRequest(phone=phone).phone == phone
    accepts(PaymentOrderRequest, payment_order(ownerDescription=owner(phone=phone)))


@pytest.mark.parametrize("phone", ["05551234567", "905551234567", "+90 555 123 45 67", "+0555123456", "+12345",
                                   "+1234567890123456", "", "+90555123456a"])
def test_non_e164_phones_refused(phone):
    assert "phone" in errors_of(NewOwnerRequest, {"phone": phone})
    assert "ownerDescription.phone" in errors_of(PaymentOrderRequest, payment_order(ownerDescription=owner(phone=phone)))


@pytest.mark.parametrize("field, good, bad", [
    ("expiryMonth", "04", "4"), ("expiryMonth", "12", "13"), ("expiryMonth", "01", "00"),
    ("expiryYear", "28", "2028"), ("expiryYear", "05", "5"),
])
def test_expiry_is_two_digits(field, good, bad):
    accepts(CardPaymentRequest, card_payment(**{field: good}))
    assert field in errors_of(CardPaymentRequest, card_payment(**{field: bad}))


def test_uuids_where_the_docs_say_uuid():
    assert "ownerDescription.cardId" in errors_of(RecurringPaymentRequest,
                                                  recurring(ownerDescription=owner(cardId="CARD_UUID")))
    assert "paymentSystemId" in errors_of(PaymentOrderRequest, payment_order(paymentSystemId="PS-1"))
    assert "paymentSystemGroupId" in errors_of(UpdateRecurringPaymentRequest, {"paymentSystemGroupId": "g"})
    parsed = accepts(RecurringPaymentRequest, recurring(paymentSystemId=CARD_ID))
    assert parsed.to_wire()["paymentSystemId"] == parsed.payment_system_id


def test_monthly_needs_a_day_and_yearly_a_month():
    daily = recurring(frequency="daily")
    del daily["dayOfMonth"]
    accepts(RecurringPaymentRequest, daily)
    monthly = recurring()
    del monthly["dayOfMonth"]
    assert "dayOfMonth" in str(errors_of(RecurringPaymentRequest, monthly))
    assert "monthOfYear" in str(errors_of(RecurringPaymentRequest, recurring(frequency="yearly")))
    accepts(RecurringPaymentRequest, recurring(frequency="yearly", monthOfYear=6))
    # The same rule when an update switches the frequency.
    assert "dayOfMonth" in str(errors_of(UpdateRecurringPaymentRequest, {"frequency": "monthly"}))
    accepts(UpdateRecurringPaymentRequest, {"frequency": "yearly", "dayOfMonth": 1, "monthOfYear": 1})


def test_payment_times_must_be_in_the_future():
    past = (NOW - timedelta(minutes=1)).isoformat()
    assert "firstPaymentTime" in errors_of(RecurringPaymentRequest, recurring(firstPaymentTime=past))
    assert "paymentTime" in errors_of(PaymentOrderRequest, payment_order(paymentTime=past))
    assert "paymentTime" in errors_of(PaymentOrderRequest, payment_order(paymentTime=NOW.isoformat()))
    accepts(PaymentOrderRequest, payment_order(paymentTime=(NOW + timedelta(minutes=1)).isoformat()))


def test_naive_times_are_refused_not_guessed():
    assert "paymentTime" in errors_of(PaymentOrderRequest, payment_order(paymentTime="2027-01-15T09:00:00"))


def test_last_payment_not_before_first():
    assert "lastPaymentTime" in str(errors_of(RecurringPaymentRequest,
                                              recurring(lastPaymentTime="2027-01-01T00:00:00Z")))
    accepts(RecurringPaymentRequest, recurring(lastPaymentTime="2028-01-15T09:00:00Z"))


@pytest.mark.parametrize("amount", ["0", "0.00", "-1", "-0.01", "NaN", "Infinity"])
def test_amount_must_be_positive_and_finite(amount):
    assert "amount" in errors_of(CaptureRequest, {"amount": amount, "currency": "TRY"})
    assert "amount" in errors_of(RecurringPaymentRequest, recurring(amount=amount))
    assert "amount" in errors_of(RefundRequest, {"referenceCode": "ORD-1", "amount": amount})


@pytest.mark.parametrize("amount, currency, ok", [
    ("10.05", "TRY", True), ("10.005", "TRY", False), ("10.50", "USD", True), ("10.500", "EUR", True),
    ("100", "JPY", True), ("100.5", "JPY", False), ("1.005", "KWD", True), ("1.0005", "KWD", False),
])
def test_minor_digits_per_currency(amount, currency, ok):
    for model, data in [
        (CaptureRequest, {"amount": amount, "currency": currency}),
        (CardPaymentRequest, card_payment(amount=amount, currency=currency)),
        (CheckoutRequest, {"orderId": "O-1", "amount": amount, "currency": currency}),
        (RecurringPaymentRequest, recurring(amount=amount, currencyCode=currency)),
        (PaymentOrderRequest, payment_order(amount=amount, currencyCode=currency)),
    ]:
        if ok:
            assert accepts(model, data).amount == Decimal(amount)
        else:
            errors = errors_of(model, data)
            assert "decimal places" in str(errors), (model, errors)


def test_unknown_currency_refused():
    assert "currency" in errors_of(CaptureRequest, {"amount": "1.00", "currency": "XXX"})
    assert "currencyCode" in errors_of(RecurringPaymentRequest, recurring(currencyCode="try"))


def test_a_float_amount_is_refused_by_the_models():
    """0.1 as a float is 0.1000000000000000055...: money must arrive as Decimal or a JSON number."""
    errors = errors_of(CaptureRequest, {"amount": 100.10, "currency": "TRY"})
    assert "float" in errors["amount"][0]


# --- the wire -------------------------------------------------------------------------------------------


def test_requests_are_camel_case_on_the_wire():
    request = accepts(RecurringPaymentRequest, recurring(paymentChannel="desk"))
    body = wire.loads(request.to_json())
    assert set(body) == {"reference", "amount", "currencyCode", "ownerDescription", "paymentChannel",
                         "firstPaymentTime", "frequency", "interval", "dayOfMonth"}
    assert set(body["ownerDescription"]) == {"fullName", "email", "phone", "cardId"}
    assert body["firstPaymentTime"] == "2027-01-15T09:00:00Z"
    assert body["frequency"] == "monthly"


def test_snake_case_names_work_in_python_too():
    request = CaptureRequest(amount=Decimal("5.00"), currency="TRY")
    assert request.to_wire() == {"amount": Decimal("5.00"), "currency": "TRY"}
    assert CardPaymentRequest.model_validate(card_payment()).card_holder_name == "John Doe"


@pytest.mark.parametrize("text", ["100.10", "0.01", "99.90", "1000", "1234567.89", "0.10", "5.00"])
def test_decimal_round_trip_is_exact(text):
    request = CaptureRequest(amount=Decimal(text), currency="TRY")
    raw = request.to_json()
    assert f'"amount":{text}'.encode() in raw
    assert str(CaptureRequest.model_validate(wire.loads(raw)).amount) == text


def test_wire_writes_decimals_in_fixed_point():
    assert wire.dumps(Decimal("1E+3")) == b"1000"
    assert wire.dumps(Decimal("100.10")) == b"100.10"
    assert wire.loads(b"100.10") == Decimal("100.10") and str(wire.loads(b"100.10")) == "100.10"


def test_float_never_reaches_the_wire():
    with pytest.raises(TypeError, match="float"):
        wire.dumps({"amount": 100.1})
    with pytest.raises(ValueError):
        wire.dumps(Decimal("NaN"))


def test_unknown_response_fields_are_tolerated():
    response = PaymentResponse.model_validate({"status": "SUCCESS", "orderId": "O-1", "riskScore": 12,
                                               "newBlock": {"x": [1, 2]}})
    assert response.status is PaymentStatus.SUCCESS and response.order_id == "O-1"
    result = OperationResult.model_validate({"success": True, "traceId": "abc"})
    assert result.success
    page = RecurringPaymentPage.model_validate({"currentPage": 1, "pageCount": 1, "totalCount": 0, "hasNext": False,
                                                "hasPrevious": False, "list": [], "cursor": "z"})
    assert page.items == []
    detail = TransactionDetail.model_validate({
        "id": CARD_ID, "amount": 10, "balance": 10, "currencyCode": "TRY", "type": "Sale", "status": "Success",
        "settlementBatch": 7})
    assert detail.balance == Decimal(10)


# --- card data never leaks ---------------------------------------------------------------------------------


@pytest.mark.parametrize("model, data", [
    (CardPaymentRequest, card_payment()),
    (ThreeDSecureRequest, card_payment(successUrl="https://example.com/ok", failureUrl="https://example.com/no")),
])
def test_card_request_repr_and_str_hide_pan_and_cvv(model, data):
    request = model.model_validate(data)
    for text in (repr(request), str(request), f"{request}", repr([request])):
        assert PAN not in text
        assert "cvv='916'" not in text and "'916'" not in text
        assert "542119******0656" in text


def test_installment_request_repr_hides_pan():
    request = InstallmentOptionsRequest(amount=Decimal("1000.00"), currency="TRY", pan=PAN)
    assert PAN not in repr(request) and PAN not in str(request)


def test_field_errors_never_contain_the_input():
    bad_pan = "54211901220906AB"
    bad_cvv = "91677"
    data = card_payment(pan=bad_pan, cvv=bad_cvv, expiryYear="2031", amount="100.123",
                        cardHolderName="J" * 101)
    with pytest.raises(pydantic.ValidationError) as caught:
        CardPaymentRequest.model_validate(data)
    errors = field_errors_from(caught.value)
    assert {"pan", "cvv", "expiryYear", "cardHolderName"} <= set(errors)
    flat = repr(errors)
    for secret in (bad_pan, bad_cvv, "2031", "100.123", "J" * 101):
        assert secret not in flat


@pytest.mark.parametrize("model, data", [
    (CardPaymentRequest, card_payment(amount="100.001")),
    (ThreeDSecureRequest, card_payment(amount="100.001", successUrl="https://e.com/a", failureUrl="https://e.com/b")),
    (InstallmentOptionsRequest, {"amount": "100.001", "currency": "TRY", "pan": PAN}),
])
def test_model_level_error_does_not_quote_the_card(model, data):
    """An amount-vs-currency error is raised on the whole model, whose input holds the PAN and CVV:
    neither the pydantic error text nor the field messages may quote it."""
    with pytest.raises(pydantic.ValidationError) as caught:
        model.model_validate(data)
    assert PAN not in str(caught.value) and f"'{CVV}'" not in str(caught.value)
    errors = field_errors_from(caught.value)
    assert PAN not in repr(errors) and CVV not in repr(errors)
    assert "decimal places" in repr(errors)
