"""Properties of the wire format, the models and amount parsing, checked with hypothesis.

Two kinds of property:

* money survives the wire exactly: a Decimal with 0-2 places is written as the same text and read back
  equal, through the raw encoder and through a request model;
* hostile input (arbitrary text, huge and negative numbers, too many decimals, unicode digits, control
  characters, over-long strings, arbitrary response bodies) ends in a value or in the one documented
  error type (``pydantic.ValidationError``, ``AmountError``, ``ProtocolError``, an ``ApiStatusError``),
  never in another exception that would reach the cashier as a traceback.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klogs_desk.api.client import _parse, _status_error
from klogs_desk.api.errors import ApiStatusError, ProtocolError, RateLimitedError, field_errors_from
from klogs_desk.api.models import (
    CaptureRequest,
    CardPaymentRequest,
    NewOwnerRequest,
    PaymentResponse,
    RecurringPaymentPage,
    RecurringPaymentRequest,
    TransactionDetail,
    wire,
)
from klogs_desk.domain.money import ENGLISH, MINOR_UNITS, TURKISH, AmountError, parse_amount

PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: For properties that tests/test_fuzz_validators.py also checks with inputs of its own (every model
#: takes or refuses any input with field messages; parse_amount gives an amount or says what is wrong).
SHARED_PROPERTY_SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

money = st.integers(min_value=0, max_value=2).flatmap(
    lambda places: st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=places,
                               allow_nan=False, allow_infinity=False)
).filter(lambda d: d > 0)

#: Text a person (or a paste) could put in an amount field: digits of every script, separators,
#: signs, symbols, letters, spaces and control characters.
amount_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from(list("0123456789.,-+ '₺$€£¥\t\n\x00\u00a0\u202f٠١٢٣٤٥٦٧٨٩०१२३")),
            max_size=30),
    st.from_regex(r"-?[0-9]{1,30}([.,][0-9]{0,6})?", fullmatch=True),
)

hostile_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=500),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.from_regex(r"[0-9]{20,60}", fullmatch=True),
    st.text(alphabet=st.characters(categories=["Nd", "Cc", "Zs", "So"]), max_size=30),
)


@PROPERTY_SETTINGS
@given(money)
def test_money_round_trips_with_the_same_text(amount: Decimal):
    raw = wire.dumps({"amount": amount})
    assert raw == b'{"amount":' + str(amount).encode() + b"}"
    back = wire.loads(raw)["amount"]
    assert back == amount and str(back) == str(amount)


@PROPERTY_SETTINGS
@given(money)
def test_money_round_trips_through_a_request_model(amount: Decimal):
    request = CaptureRequest(amount=amount, currency="TRY")
    again = CaptureRequest.model_validate(wire.loads(request.to_json()))
    assert again.amount == amount and str(again.amount) == str(amount)


@PROPERTY_SETTINGS
@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_any_finite_decimal_survives_the_wire(value: Decimal):
    """Huge, tiny and negative values too: fixed-point text, never exponent notation or float."""
    raw = wire.dumps(value)
    assert b"E" not in raw.upper() and b"INF" not in raw.upper()
    assert Decimal(str(wire.loads(raw))) == value


@SHARED_PROPERTY_SETTINGS
@given(amount_text, st.sampled_from(sorted(MINOR_UNITS)), st.sampled_from([ENGLISH, TURKISH]))
def test_parse_amount_gives_a_value_or_a_readable_error(text: str, currency: str, style):
    try:
        amount = parse_amount(text, currency, style)
    except AmountError as err:
        assert str(err) and "Traceback" not in str(err)
        return
    assert isinstance(amount, Decimal) and amount.is_finite() and amount > 0
    # Whatever was read can be charged: it passes the model's rules for that currency.
    CaptureRequest(amount=amount, currency=currency)


@SHARED_PROPERTY_SETTINGS
@given(hostile_scalar, st.sampled_from(sorted(MINOR_UNITS) + ["", "try", "XXX", "₺"]))
def test_capture_request_takes_anything_and_answers_cleanly(amount: Any, currency: str):
    try:
        request = CaptureRequest.model_validate({"amount": amount, "currency": currency})
    except pydantic.ValidationError as err:
        assert field_errors_from(err)
        return
    assert isinstance(request.amount, Decimal) and request.amount > 0
    wire.dumps(request.to_wire())  # whatever a model accepts, the wire can send


@SHARED_PROPERTY_SETTINGS
@given(st.dictionaries(st.sampled_from(["orderId", "amount", "currency", "cardHolderName", "pan", "expiryMonth",
                                        "expiryYear", "cvv", "requestPort", "customerId"]), hostile_scalar))
def test_card_request_with_hostile_fields_never_leaks_or_crashes(data: dict[str, Any]):
    try:
        request = CardPaymentRequest.model_validate(data)
    except pydantic.ValidationError as err:
        messages = repr(field_errors_from(err))
        for value in data.values():
            if isinstance(value, str) and len(value) >= 6:
                assert value not in messages
        return
    wire.dumps(request.to_wire())


@SHARED_PROPERTY_SETTINGS
@given(st.fixed_dictionaries({}, optional={
    "reference": hostile_scalar, "explanation": hostile_scalar, "paymentChannel": hostile_scalar,
    "interval": hostile_scalar, "dayOfMonth": hostile_scalar, "monthOfYear": hostile_scalar,
    "frequency": hostile_scalar, "firstPaymentTime": hostile_scalar, "amount": hostile_scalar,
}))
def test_recurring_request_with_hostile_fields_answers_cleanly(data: dict[str, Any]):
    try:
        RecurringPaymentRequest.model_validate(data)
    except pydantic.ValidationError as err:
        assert field_errors_from(err)


@PROPERTY_SETTINGS
@given(st.text(max_size=60))
def test_phone_text_is_e164_or_refused(phone: str):
    try:
        NewOwnerRequest(phone=phone)
    except pydantic.ValidationError as err:
        assert "phone" in field_errors_from(err)
        return
    assert phone.startswith("+") and phone[1:].isascii() and phone[1:].isdigit()


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
              st.decimals(allow_nan=False, allow_infinity=False, places=3)),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=12), children, max_size=5)),
    max_leaves=20,
)
response_bodies = st.one_of(
    st.binary(max_size=200),
    json_values.map(wire.dumps),
    st.fixed_dictionaries({"status": st.sampled_from(["SUCCESS", "FAILED", "x", 1])},
                          optional={"amount": json_values, "paymentId": json_values,
                                    "paymentDate": json_values}).map(wire.dumps),
)


@PROPERTY_SETTINGS
@given(response_bodies, st.sampled_from([PaymentResponse, RecurringPaymentPage, TransactionDetail]))
def test_any_2xx_body_is_a_model_or_a_protocol_error(body: bytes, model):
    try:
        parsed = _parse(httpx.Response(200, content=body), model)
    except ProtocolError as err:
        assert "cannot read" in str(err)
        return
    assert isinstance(parsed, model)


problem_bodies = st.one_of(
    response_bodies,
    st.fixed_dictionaries({}, optional={
        "title": json_values, "detail": json_values, "status": json_values, "errors": json_values,
        "retryAfter": json_values, "error": st.one_of(json_values, st.fixed_dictionaries({"summary": json_values})),
    }).map(wire.dumps),
)


@PROPERTY_SETTINGS
@given(st.one_of(st.sampled_from([400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504]),
                st.integers(min_value=400, max_value=599)), problem_bodies,
       st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["inf", "nan", "1e400", "-5", "3", "2.5",
                                                                    "Wed, 21 Oct 2015 07:28:00 GMT"])))
def test_any_error_answer_becomes_a_typed_error(status: int, body: bytes, retry_after: str | None):
    headers = {}
    if retry_after is not None and retry_after.isprintable() and retry_after.isascii():
        headers["Retry-After"] = retry_after
    error = _status_error(httpx.Response(status, content=body, headers=headers))
    assert isinstance(error, ApiStatusError)
    assert error.status == status and str(error)
    if isinstance(error, RateLimitedError) and error.retry_after is not None:
        assert 0 <= error.retry_after < float("inf")


def test_absurdly_nested_bodies_are_a_protocol_error():
    body = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(ProtocolError):
        _parse(httpx.Response(200, content=body), PaymentResponse)
    assert isinstance(_status_error(httpx.Response(500, content=body)), ApiStatusError)


def test_json_numbers_are_never_read_as_float():
    data = wire.loads(json.dumps({"a": 0.1, "b": [1.10, {"c": 2.675}]}).replace("1.1", "1.10"))
    assert data == {"a": Decimal("0.1"), "b": [Decimal("1.10"), {"c": Decimal("2.675")}]}
    assert str(data["b"][0]) == "1.10"
