"""Builders and sandbox helpers shared by the client tests (tests/api/test_client_*.py)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from decimal import Decimal
from typing import Any

import httpx

from klogs_desk.api.models import (
    CardPaymentRequest,
    OwnerDescription,
    PaymentOrderRequest,
    RecurringPaymentRequest,
    ThreeDSecureRequest,
)

APPROVED_CARD = "4111111111111111"
DECLINED_CARD = "4000000000000002"
THREE_DS_CARD = "4000000000003220"
GATEWAY_ERROR_CARD = "4000000000000119"
NEVER_ANSWERS_CARD = "4000000000000341"
CVV = "737"
CARD_ID = uuid.UUID("3fa85f64-5717-4562-b3fc-2c963f66afa6")


def order_id(prefix: str = "T") -> str:
    """An orderId no other test uses (the session sandbox is shared). A letter in the middle keeps digit runs
    short, so no ID can hold a Luhn-valid 13-digit window (the journal refuses card numbers in identifiers)."""
    random = uuid.uuid4().hex[:16]
    return f"{prefix}-{random[:8]}g{random[9:]}"


def card_payment(pan: str = APPROVED_CARD, *, amount: str = "100.50", order: str | None = None,
                 currency: str = "TRY") -> CardPaymentRequest:
    return CardPaymentRequest(order_id=order or order_id(), amount=Decimal(amount), currency=currency,
                              card_holder_name="Ayse Yilmaz", pan=pan, expiry_month="12", expiry_year="30", cvv=CVV)


def three_ds_payment(pan: str = THREE_DS_CARD, *, order: str | None = None) -> ThreeDSecureRequest:
    return ThreeDSecureRequest(order_id=order or order_id("3DS"), amount=Decimal("250.00"), currency="TRY",
                               card_holder_name="Ayse Yilmaz", pan=pan, expiry_month="12", expiry_year="30",
                               cvv=CVV, success_url="http://127.0.0.1:9/ok", failure_url="http://127.0.0.1:9/no")


def future(days: int = 30) -> dt.datetime:
    return (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=days)).replace(microsecond=0)


def owner(phone: str = "+905551234567") -> OwnerDescription:
    return OwnerDescription(full_name="Ayse Yilmaz", email="ayse@example.com", phone=phone, card_id=CARD_ID)


def subscription(reference: str | None = None, **changes: Any) -> RecurringPaymentRequest:
    data: dict[str, Any] = dict(reference=reference or order_id("SUB"), amount=Decimal("99.90"),
                                currency_code="TRY", owner_description=owner(), first_payment_time=future(),
                                frequency="monthly", interval=1, day_of_month=1)
    data.update(changes)
    return RecurringPaymentRequest(**data)


def payment_order(reference: str | None = None) -> PaymentOrderRequest:
    return PaymentOrderRequest(reference=reference or order_id("PO"), amount=Decimal("150.50"),
                               currency_code="TRY", owner_description=owner(), payment_time=future())


def answer_challenge(server_url: str, payment_id: object, decision: str = "approve") -> str:
    """Click Approve/Fail on the sandbox's ACS page; returns the securityKey its callback form carries."""
    # The button on the bank's page posts the answer back to the gateway (threeds.py).
    page = httpx.post(f"{server_url}/_3ds/{payment_id}/acs-return", data={"decision": decision}, timeout=5)
    page.raise_for_status()
    match = re.search(r"name='securityKey' value='([^']+)'", page.text)
    assert match, "the ACS callback form carries no securityKey"
    return match.group(1)


def arm_faults(server_url: str, **faults: int) -> dict[str, int]:
    response = httpx.post(f"{server_url}/_sandbox/faults", json=faults, timeout=5)
    response.raise_for_status()
    return response.json()


def faults_left(server_url: str) -> dict[str, int]:
    return httpx.get(f"{server_url}/_sandbox/faults", timeout=5).json()


def reset_faults(server_url: str) -> None:
    httpx.delete(f"{server_url}/_sandbox/faults", timeout=5).raise_for_status()


def charges(server_url: str, order: str) -> int:
    """How many times the sandbox's issuer was asked to charge ``order`` (its ledger)."""
    ledger = httpx.get(f"{server_url}/_sandbox/ledger", timeout=5).json()
    return int(ledger["charges"].get(order, 0))


def advance_clock(server_url: str, seconds: int) -> None:
    httpx.post(f"{server_url}/_sandbox/clock/advance", json={"seconds": seconds}, timeout=5).raise_for_status()
