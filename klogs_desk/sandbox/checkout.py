"""Checkout links: ``POST /api/checkout``, ``GET /api/checkout/{checkoutId}`` and the hosted payment page.

The hosted page ``GET /checkout-link/{checkoutId}`` shows the amount and description with a card form
(holder, number, expiry, CVV and, when ``maxInstallmentCount`` > 1, an installment choice). Its POST
charges through the same rules as ``/api/payment`` (test cards, ledger idempotency), shows the result,
then POSTs ``checkoutId`` as form data to the request's ``callback`` (best effort: 3 s timeout, failures
ignored, as a real gateway would retry later or not at all).

Choices where the docs are silent:

* A repeated ``POST /api/checkout`` with the same orderId, amount and currency answers the same link; a
  different amount or currency, or an orderId already used by a card payment, is 409.
* ``GET /api/checkout/{id}`` before the customer paid answers 200 with ``status: PENDING`` (our documented
  extension of ApiPaymentResponse) and the orderId, amount and currency; afterwards the payment's answer.
* One attempt per link: a declined card ends the link (FAILED), because the orderId is the idempotency key
  of the payment. A card error in the form (typo, expired) or a gateway error charges nothing and shows
  the form again.
* The hosted page authenticates the card holder itself: the 3-D Secure test card that passes is approved,
  the one that fails is declined with ``3DS_FAILED``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import threading
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs

import httpx
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..api.models.payments import CheckoutRequest, CheckoutResponse, PaymentResponse, PaymentStatus
from ..api.models.transactions import TransactionStatus
from ..domain.cards import CardError, check_cvv, check_holder, check_pan, parse_expiry
from . import installments
from .auth import require_api_key
from .bodies import body_schema, parse_body
from .issuer import authorize, card_facts, documented, new_record, payment_response
from .ledger import LedgerConflict, Operation, ledger_of
from .problems import ProblemError, WireJSONResponse
from .state import SandboxState
from .test_cards import CardBehaviour
from .threeds import format_amount, html_page


class _InstallmentCountError(ValueError):
    """An installment count the link does not offer (the hosted page's own English words)."""


CALLBACK_TIMEOUT_SECONDS = 3.0


@dataclass
class CheckoutLink:
    checkout_id: uuid.UUID
    order_id: str
    amount: Decimal
    currency: str
    description: str | None
    callback: str | None
    customer_id: str | None
    max_installment_count: int
    interest_paid_by_customer: bool
    created_at: dt.datetime
    payment_id: uuid.UUID | None = None


class CheckoutBook:
    """Checkout links by id and by orderId (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_id: dict[uuid.UUID, CheckoutLink] = {}
        self._by_order: dict[str, CheckoutLink] = {}
        #: Links handed out since :meth:`take_touched` (see ``Ledger.take_touched``).
        self._touched: dict[uuid.UUID, CheckoutLink] = {}

    def add_or_get(self, link: CheckoutLink) -> CheckoutLink:
        with self._lock:
            existing = self._by_order.get(link.order_id)
            self._touched[(existing or link).checkout_id] = existing or link
            if existing is None:
                self._by_id[link.checkout_id] = link
                self._by_order[link.order_id] = link
                return link
            if (existing.amount, existing.currency) != (link.amount, link.currency):
                raise LedgerConflict(f"orderId already used: {link.order_id} has a checkout link for "
                                     f"{existing.amount} {existing.currency}.")
            return existing

    def restore(self, links: list[CheckoutLink]) -> None:
        """Put back links read from the sandbox's file (see persistence.py)."""
        with self._lock:
            for link in links:
                self._by_id[link.checkout_id] = link
                self._by_order[link.order_id] = link

    def links(self) -> list[CheckoutLink]:
        with self._lock:
            self._touched.update(self._by_id)
            return list(self._by_id.values())

    def take_touched(self) -> list[CheckoutLink]:
        """The links handed out since the last call: the only ones that can have changed since then (a
        link is paid by a request that looked it up)."""
        with self._lock:
            touched, self._touched = list(self._touched.values()), {}
            return touched

    def get(self, checkout_id: str) -> CheckoutLink | None:
        try:
            key = uuid.UUID(checkout_id)
        except ValueError:
            return None
        with self._lock:
            link = self._by_id.get(key)
            if link is not None:
                self._touched[key] = link
            return link


def book_of(state: SandboxState) -> CheckoutBook:
    return state.extras.setdefault("checkouts", CheckoutBook())


def build_router(state: SandboxState) -> APIRouter:
    router = APIRouter(tags=["payment gateway"])
    book = book_of(state)
    ledger = ledger_of(state)
    tasks: set[asyncio.Task] = state.extras.setdefault("tasks", set())

    @router.post("/api/checkout", openapi_extra=body_schema(CheckoutRequest),
                 responses=documented(CheckoutResponse, 409))
    async def create_checkout(request: Request, _key: str = Depends(require_api_key)) -> Any:
        """A hosted payment link; the same orderId answers the same link."""
        body = await parse_body(request, CheckoutRequest)
        taken = ledger.by_order(body.order_id)
        if taken is not None and taken.operation is not Operation.CHECKOUT:
            raise ProblemError(409, f"orderId already used: {body.order_id} belongs to a {taken.operation.value}.",
                               errors={"orderId": ["already used"]})
        link = CheckoutLink(
            checkout_id=uuid.uuid4(), order_id=body.order_id, amount=body.amount, currency=body.currency,
            description=body.description, callback=body.callback, customer_id=body.customer_id,
            max_installment_count=body.max_installment_count or 1,
            interest_paid_by_customer=bool(body.interest_paid_by_customer), created_at=state.clock.now())
        try:
            link = book.add_or_get(link)
        except LedgerConflict as err:
            raise ProblemError(409, str(err), errors={"orderId": ["already used"]}) from None
        answer = CheckoutResponse(checkout_id=link.checkout_id,
                                  redirect_url=f"{state.config.public_url}/checkout-link/{link.checkout_id}")
        return WireJSONResponse(answer.model_dump(mode="python", by_alias=True))

    @router.get("/api/checkout/{checkoutId}", responses=documented(PaymentResponse, 404, body=False))
    async def get_checkout(checkoutId: str, _key: str = Depends(require_api_key)) -> Any:
        """The payment made on the link, or ``status: PENDING`` while the customer has not paid."""
        link = book.get(checkoutId)
        if link is None:
            raise ProblemError(404, "No checkout link with this checkoutId.")
        record = ledger.by_payment(link.payment_id) if link.payment_id else None
        if record is None:
            pending = PaymentResponse(order_id=link.order_id, amount=link.amount, currency=link.currency,
                                      status=PaymentStatus.PENDING, customer_id=link.customer_id,
                                      result_code="PENDING", result_message="The customer has not paid yet")
            return WireJSONResponse(pending.model_dump(mode="python", by_alias=True, exclude_none=True))
        return WireJSONResponse(payment_response(record))

    def _form_page(link: CheckoutLink, error: str = "", holder: str = "", status_code: int = 200) -> HTMLResponse:
        description = f"<dt>For</dt><dd>{html.escape(link.description)}</dd>" if link.description else ""
        choice = ""
        if link.max_installment_count > 1:
            options = "".join(f"<option value='{n}'>{'Single payment' if n == 1 else f'{n} installments'}"
                              "</option>" for n in range(1, link.max_installment_count + 1))
            choice = (f"<label for='installmentCount'>Installments</label>"
                      f"<select id='installmentCount' name='installmentCount'>{options}</select>")
        message = f"<p class='error' role='alert'>{html.escape(error)}</p>" if error else ""
        body = (
            "<h1>Pay securely</h1>"
            f"<dl><dt>Merchant</dt><dd>Klogs Sandbox Merchant</dd>"
            f"<dt>Amount</dt><dd class='amount'>{html.escape(format_amount(link.amount, link.currency))}</dd>"
            f"{description}<dt>Order</dt><dd>{html.escape(link.order_id)}</dd></dl>{message}"
            f"<form method='POST' action='/checkout-link/{link.checkout_id}' autocomplete='off'>"
            f"<label for='cardHolderName'>Name on card</label>"
            f"<input id='cardHolderName' name='cardHolderName' value='{html.escape(holder)}' required>"
            "<label for='pan'>Card number</label>"
            "<input id='pan' name='pan' inputmode='numeric' autocomplete='cc-number' required>"
            "<label for='expiry'>Expiry (MM/YY)</label><input id='expiry' name='expiry' placeholder='MM/YY' required>"
            "<label for='cvv'>Security code (CVV)</label><input id='cvv' name='cvv' inputmode='numeric' required>"
            f"{choice}<p><input id='pay' type='submit' value='Pay {html.escape(format_amount(link.amount, link.currency))}'>"
            "</p></form><p class='note'>Sandbox: use a test card; no real money moves.</p>"
        )
        return html_page("Pay securely", body, status_code=status_code)

    def _result_page(link: CheckoutLink) -> HTMLResponse:
        record = ledger.by_payment(link.payment_id) if link.payment_id else None
        if record is None:
            return _form_page(link)
        if record.status is TransactionStatus.SUCCESS:
            headline = "<h1 class='ok' id='result'>Payment approved</h1>"
        elif record.status is TransactionStatus.PENDING:
            headline = "<h1 id='result'>Payment being processed</h1>"
        else:
            headline = (f"<h1 class='bad' id='result'>Payment declined</h1>"
                        f"<p>{html.escape(record.result_message or '')}</p>")
        body = (f"{headline}<dl><dt>Amount</dt><dd>{html.escape(format_amount(record.amount, record.currency))}"
                f"</dd><dt>Card</dt><dd>{html.escape(record.masked_pan)}</dd>"
                f"<dt>Order</dt><dd>{html.escape(record.order_id)}</dd></dl>"
                "<p class='note'>You can close this page.</p>")
        return html_page("Payment result", body)

    @router.get("/checkout-link/{checkoutId}", include_in_schema=False)
    async def hosted_page(checkoutId: str) -> HTMLResponse:
        link = book.get(checkoutId)
        if link is None:
            return html_page("Unknown link", "<h1>This payment link is not valid</h1>", status_code=404)
        return _result_page(link) if link.payment_id else _form_page(link)

    @router.post("/checkout-link/{checkoutId}", include_in_schema=False)
    async def hosted_pay(checkoutId: str, request: Request) -> HTMLResponse:
        link = book.get(checkoutId)
        if link is None:
            return html_page("Unknown link", "<h1>This payment link is not valid</h1>", status_code=404)
        if link.payment_id:
            return _result_page(link)
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
        holder = form.get("cardHolderName", "")
        now = state.clock.now()
        try:
            holder = check_holder(holder)
            pan = check_pan(form.get("pan", ""))
            parse_expiry(form.get("expiry", ""), today=now.date())
            check_cvv(form.get("cvv", ""), pan)
            count = int(form.get("installmentCount") or 1)
            if not 1 <= count <= link.max_installment_count:
                raise _InstallmentCountError(f"Choose 1 to {link.max_installment_count} installments.")
        except (CardError, _InstallmentCountError, ValueError) as err:
            message = (str(err) if isinstance(err, (CardError, _InstallmentCountError))
                       else "Choose a number of installments.")
            return _form_page(link, message, holder=form.get("cardHolderName", ""), status_code=400)
        facts = card_facts(pan)
        if facts.behaviour is CardBehaviour.GATEWAY_ERROR:
            return _form_page(link, "The bank could not be reached. Nothing was charged; please try again.",
                              holder=holder, status_code=502)
        try:
            total = installments.charged_total(link.amount, link.currency, pan, count,
                                               link.interest_paid_by_customer)
        except ProblemError as err:
            return _form_page(link, err.detail, holder=holder, status_code=400)
        record = new_record(order_id=link.order_id, operation=Operation.CHECKOUT, amount=total,
                            currency=link.currency, facts=facts, holder=holder, customer_id=link.customer_id,
                            now=now, installments=count)
        try:
            record, created = ledger.claim(record)
        except LedgerConflict as err:
            return _form_page(link, str(err), holder=holder, status_code=409)
        link.payment_id = record.payment_id
        if created:
            await authorize(ledger, record, facts.behaviour, state.clock, state.config.hang_seconds, tasks)
            if link.callback:
                task = asyncio.get_running_loop().create_task(_notify(link.callback, link.checkout_id))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
        return _result_page(link)

    return router


async def _notify(callback: str, checkout_id: uuid.UUID) -> None:
    """POST ``checkoutId`` to the merchant's callback; a failure is ignored (best effort)."""
    try:
        async with httpx.AsyncClient(timeout=CALLBACK_TIMEOUT_SECONDS) as client:
            await client.post(callback, data={"checkoutId": str(checkout_id)})
    except (httpx.HTTPError, OSError, ValueError):
        pass
