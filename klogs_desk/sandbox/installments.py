"""``POST /api/installment-options``: the sandbox's deterministic installment table.

The rule (the docs give only an example, which this table reproduces: 1000.00 TRY on the docs'
Mastercard gives 2 x 510.00 = 1020.00 and 3 x 345.00 = 1035.00):

* Counts offered: 1 (a single payment) up to ``min(12, maxInstallmentCount)`` for CREDIT cards; DEBIT
  cards (Troy, see :mod:`.issuer`) get the single payment only, as Turkish banks do.
* Interest for ``n`` installments (n >= 2) is ``(1.5 * n - 1) %`` of the amount, for every brand;
  a single payment has no interest. The interest is rounded half-up to the currency's minor units.
* When ``interestPaidByCustomer`` is false or missing (the docs call it optional; the checkout's default
  is false) the merchant pays the interest: ``interestAmount`` is 0 and ``totalAmount`` is the amount.
* ``installmentAmount`` is ``totalAmount / n`` rounded *down* to minor units; the first installment
  carries the remainder, so ``totalAmount`` is exact and may exceed ``installmentAmount * n`` by less
  than ``n`` minor units.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from typing import Any

from fastapi import APIRouter, Depends, Request

from ..api.models.payments import InstallmentOption, InstallmentOptionsRequest, InstallmentOptionsResponse
from ..domain.money import minor_units
from .auth import require_api_key
from .bodies import body_schema, parse_body
from .issuer import card_facts, check_pan, documented, to_minor
from .problems import ProblemError, WireJSONResponse
from .state import SandboxState

MAX_INSTALLMENTS = 12


def max_installments_for(pan: str, requested: int | None = None) -> int:
    """The most installments the card may take (1 for debit cards)."""
    if card_facts(pan).card_type == "DEBIT":
        return 1
    return min(MAX_INSTALLMENTS, requested or MAX_INSTALLMENTS)


def interest_rate(count: int) -> Decimal:
    return Decimal(0) if count <= 1 else (Decimal("1.5") * count - 1) / 100


def option(amount: Decimal, currency: str, count: int, interest_paid_by_customer: bool) -> InstallmentOption:
    """One row of the table (see the module docstring for the rounding)."""
    interest = to_minor(amount * interest_rate(count), currency) if interest_paid_by_customer else Decimal(0)
    total = to_minor(amount + interest, currency)
    each = (total / count).quantize(Decimal(1).scaleb(-minor_units(currency)), rounding=ROUND_DOWN)
    return InstallmentOption(installment_count=count, installment_amount=each, currency=currency,
                             interest_amount=to_minor(interest, currency), total_amount=total)


def options_for(amount: Decimal, currency: str, pan: str, max_count: int | None,
                interest_paid_by_customer: bool) -> list[InstallmentOption]:
    return [option(amount, currency, n, interest_paid_by_customer)
            for n in range(1, max_installments_for(pan, max_count) + 1)]


def charged_total(amount: Decimal, currency: str, pan: str, count: int, interest_paid_by_customer: bool,
                  field: str = "installmentCount") -> Decimal:
    """What the card is charged for ``count`` installments; 400 naming ``field`` if the card can't."""
    allowed = max_installments_for(pan)
    if count > allowed:
        raise ProblemError(400, f"This card allows at most {allowed} installment(s).",
                           errors={field: [f"must be at most {allowed} for this card"]})
    return option(amount, currency, count, interest_paid_by_customer).total_amount


def build_router(state: SandboxState) -> APIRouter:
    router = APIRouter(tags=["payment gateway"])

    @router.post("/api/installment-options", openapi_extra=body_schema(InstallmentOptionsRequest),
                 responses=documented(InstallmentOptionsResponse))
    async def installment_options(request: Request, _key: str = Depends(require_api_key)) -> Any:
        """Installment options for a card and amount (a quote: charges nothing)."""
        body = await parse_body(request, InstallmentOptionsRequest)
        check_pan(body.pan)
        rows = options_for(body.amount, body.currency, body.pan, body.max_installment_count,
                           bool(body.interest_paid_by_customer))
        return WireJSONResponse(InstallmentOptionsResponse(options=rows).model_dump(by_alias=True))

    return router
