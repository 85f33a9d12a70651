"""Constrained types shared by the API models."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo

from ...domain.money import AmountError, check_amount, is_known_currency

E164_PATTERN = re.compile(r"^\+[1-9]\d{6,14}$")


def _e164(value: str) -> str:
    if not E164_PATTERN.match(value):
        raise ValueError("must be an E.164 phone number such as +905551234567")
    return value


def _currency(value: str) -> str:
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise ValueError("must be a three-letter ISO 4217 code such as TRY")
    if not is_known_currency(value):
        raise ValueError(f"currency {value} is not supported")
    return value


def _not_float(value: object) -> object:
    # A float cannot hold 100.10; taking it would hide a money bug in the caller. JSON numbers reach the
    # models as Decimal (wire.loads), so only Python code can hand in a float here.
    if isinstance(value, float):
        raise ValueError("must be an exact Decimal amount, never a float")
    return value


E164Phone = Annotated[str, AfterValidator(_e164)]
CurrencyCode = Annotated[str, AfterValidator(_currency)]
PositiveAmount = Annotated[Decimal, BeforeValidator(_not_float), Field(gt=0, allow_inf_nan=False, max_digits=18)]
TwoDigits = Annotated[str, Field(pattern=r"^\d{2}$")]
ExpiryMonth = Annotated[str, Field(pattern=r"^(0[1-9]|1[0-2])$")]


def check_amount_for_currency(amount: Decimal | None, currency: str | None) -> None:
    """Model-level check that ``amount`` fits the currency's minor units (raises ValueError)."""
    if amount is None or currency is None or not is_known_currency(currency):
        return
    try:
        check_amount(amount, currency)
    except AmountError as err:
        raise ValueError(f"amount: {err}") from None


def now_from(info: ValidationInfo) -> dt.datetime:
    """'Now' for 'must be in the future' rules.

    Validation context ``{"now": datetime}`` overrides the wall clock: the sandbox passes its simulated
    clock, and the docs-examples test passes a date before the examples were written.
    """
    context = info.context or {}
    now = context.get("now")
    return now if now is not None else dt.datetime.now(dt.timezone.utc)
