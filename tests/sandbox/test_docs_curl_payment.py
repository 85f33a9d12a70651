"""The docs' cURL and fetch examples (payment-gateway.md, transactions.md) replayed against the sandbox.

Same paths, headers and bodies as the docs, with the example values from their tables. One deviation:
the docs' expiry 04/28 is replaced by April three years from now, so the test does not start failing
when that card expires; everything else is the docs' text.
"""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest
from test_payment_api import answer_challenge, read_forms

pytestmark = pytest.mark.anyio

DOC_HEADERS = {"Content-Type": "application/json", "X-API-KEY": "sandbox-key", "X-API-SECRET": "sandbox-secret"}
EXPIRY_YEAR = f"{(dt.date.today().year + 3) % 100:02d}"
DOC_CARD = {"cardHolderName": "John Doe", "pan": "5421190122090656", "expiryMonth": "04",
            "expiryYear": EXPIRY_YEAR, "cvv": "916", "requestIp": "192.168.1.1", "requestPort": 8080,
            "customerId": "CUST-12345"}
# Written as the docs write the body, with 100.50 as a JSON number.
PAYMENT_BODY = ('{"orderId": "ORD-12345", "amount": 100.50, "currency": "TRY", '
                + json.dumps(DOC_CARD)[1:-1] + "}")
PAYMENT_FIELDS = {"paymentId", "orderId", "amount", "installmentCount", "currency", "merchantCommission",
                  "status", "paymentDate", "cardHolderName", "pan", "domInt", "cardScheme", "cardType",
                  "externalTransactionId", "authCode", "resultCode", "resultMessage", "customerId"}


def post(server, path: str, body: str, headers=DOC_HEADERS) -> httpx.Response:  # type: ignore[no-untyped-def]
    return httpx.post(server.url + path, content=body.encode(), headers=headers)


def test_payment_example_answers_an_api_payment_response(fresh_sandbox):
    answer = post(fresh_sandbox, "/api/payment", PAYMENT_BODY)
    assert answer.status_code == 200
    data = answer.json()
    assert PAYMENT_FIELDS <= set(data)  # loyaltyCode is "if applicable": the sandbox has no loyalty program
    assert data["status"] == "SUCCESS" and data["orderId"] == "ORD-12345" and data["currency"] == "TRY"
    assert b'"amount":100.50' in answer.content  # the exact decimal, as sent
    assert data["pan"] == "542119******0656" and data["cardScheme"] == "MASTERCARD"
    assert data["customerId"] == "CUST-12345" and data["paymentDate"].endswith("Z")


def test_requests_without_valid_credentials_receive_401(fresh_sandbox):
    headers = {"Content-Type": "application/json"}
    assert post(fresh_sandbox, "/api/payment", PAYMENT_BODY, headers=headers).status_code == 401
    wrong = dict(DOC_HEADERS, **{"X-API-SECRET": "your_api_secret_here"})
    assert post(fresh_sandbox, "/api/payment", PAYMENT_BODY, headers=wrong).status_code == 401


def test_pre_authorization_then_capture_of_90(fresh_sandbox):
    held = post(fresh_sandbox, "/api/pre-authorization", PAYMENT_BODY).json()
    assert held["status"] == "SUCCESS"
    captured = post(fresh_sandbox, f"/api/pre-authorization/{held['paymentId']}/capture",
                    '{"amount": 90.00, "currency": "TRY"}')
    assert captured.status_code == 200
    assert PAYMENT_FIELDS <= set(captured.json())
    assert b'"amount":90.00' in captured.content


async def test_3ds_example_callback_and_complete(fresh_sandbox):
    body = json.loads(PAYMENT_BODY)
    body.update({"installmentCount": 3, "interestPaidByCustomer": True,
                 "successUrl": "https://example.com/3ds/success", "failureUrl": "https://example.com/3ds/failure"})
    started = post(fresh_sandbox, "/api/3ds", json.dumps(body).replace("100.5,", "100.50,"))
    assert started.status_code == 200
    enrollment = started.json()
    assert set(enrollment) == {"paymentId", "success", "resultCode", "resultMessage", "htmlContent"}
    assert enrollment["success"] is True and "<form" in enrollment["htmlContent"]
    posted = await answer_challenge(fresh_sandbox, enrollment["htmlContent"], "approve")
    # "the payment provider will call the provided callback URLs ... with relevant parameters posted as form data"
    assert posted["action"] == "https://example.com/3ds/success"
    assert set(posted["fields"]) == {"paymentId", "securityKey"}
    done = post(fresh_sandbox, f"/api/3ds/{posted['fields']['paymentId']}/complete",
                json.dumps({"securityKey": posted["fields"]["securityKey"]}))
    assert done.status_code == 200
    assert done.json()["status"] == "SUCCESS" and done.json()["installmentCount"] == 3


def test_installment_options_example_reproduces_the_docs_numbers(fresh_sandbox):
    answer = post(fresh_sandbox, "/api/installment-options",
                  '{"amount": 1000.00, "currency": "TRY", "pan": "5421190122090656", '
                  '"maxInstallmentCount": 12, "interestPaidByCustomer": true}')
    assert answer.status_code == 200
    options = {row["installmentCount"]: row for row in answer.json()["options"]}
    assert b'{"installmentCount":2,"installmentAmount":510.00,"currency":"TRY","interestAmount":20.00,' \
           b'"totalAmount":1020.00}' in answer.content
    assert b'{"installmentCount":3,"installmentAmount":345.00,"currency":"TRY","interestAmount":35.00,' \
           b'"totalAmount":1035.00}' in answer.content
    assert max(options) == 12


def test_checkout_fetch_example_create_pay_callback_and_status(fresh_sandbox):
    # createCheckout(orderDetails): POST with the docs' headers, then read data.redirectUrl.
    created = post(fresh_sandbox, "/api/checkout",
                   '{"orderId": "ORD-12345", "amount": 100.50, "currency": "TRY", '
                   '"description": "Product purchase", "callback": "https://example.com/payment-callback", '
                   '"customerId": "CUST-12345", "maxInstallmentCount": 6, "interestPaidByCustomer": true}')
    assert created.status_code == 200
    data = created.json()
    assert data["redirectUrl"] == f"{fresh_sandbox.url}/checkout-link/{data['checkoutId']}"
    page = httpx.get(data["redirectUrl"])
    assert page.status_code == 200 and "100.50 TRY" in page.text
    assert "6 installments" in page.text
    form = read_forms(page.text).forms[0]
    httpx.post(fresh_sandbox.url + form["action"], data={
        "cardHolderName": "John Doe", "pan": "5421190122090656", "expiry": f"04/{EXPIRY_YEAR}", "cvv": "916",
        "installmentCount": "1"})
    # getCheckoutStatus(checkoutId): GET with only the two API headers; checkoutStatus.status === 'SUCCESS'.
    status = httpx.get(f"{fresh_sandbox.url}/api/checkout/{data['checkoutId']}",
                       headers={"X-API-KEY": "sandbox-key", "X-API-SECRET": "sandbox-secret"})
    assert status.status_code == 200 and status.json()["status"] == "SUCCESS"


def test_transactions_examples_lookup_void_and_refund(fresh_sandbox):
    post(fresh_sandbox, "/api/payment", PAYMENT_BODY)
    detail = httpx.get(f"{fresh_sandbox.url}/api/trx/ORD-12345", headers=DOC_HEADERS)
    assert detail.status_code == 200
    assert {"id", "orderId", "clientReferenceCode", "amount", "balance", "currencyCode", "type", "status",
            "createdAtUtc", "installment", "paymentMethod", "errors", "relatedTransactions"} <= set(detail.json())
    too_early = post(fresh_sandbox, "/api/trx/refund", '{"referenceCode": "ORD-12345", "amount": 25.50}')
    assert too_early.status_code == 409 and "summary" in too_early.json()["error"]
    fresh_sandbox.state.clock.advance(dt.timedelta(days=1, minutes=1))
    refunded = post(fresh_sandbox, "/api/trx/refund", '{"referenceCode": "ORD-12345", "amount": 25.50}')
    assert refunded.status_code == 200 and refunded.json() == {"success": True}
    voided = post(fresh_sandbox, "/api/trx/void", '{"referenceCode": "ORD-12345"}')
    assert voided.status_code == 409 and voided.json()["error"]["summary"]
    assert b'"balance":75.00' in httpx.get(f"{fresh_sandbox.url}/api/trx/ORD-12345", headers=DOC_HEADERS).content
