"""The sandbox's 3-D Secure challenge: the pretend bank's ACS page on its own host, and the way back.

The path of the card holder's browser, as with a real gateway and a real issuing bank:

1. ``POST /api/3ds`` answers ``htmlContent``: an auto-submitting form that POSTs to the bank's ACS page,
   ``{acs_url}/_acs/{paymentId}``, on **another host** than the gateway (127.0.0.2, see hosts.py).
2. The ACS page (:func:`build_acs_router`, served only on the bank's host) shows the merchant, the
   amount and the masked card, with two buttons (ids ``approve`` and ``fail``). A click POSTs the
   decision back to the **gateway**, ``{public_url}/_3ds/{paymentId}/acs-return``.
3. The gateway records the answer and answers an auto-submitting form that makes the browser POST
   ``paymentId`` and ``securityKey`` to the request's ``successUrl`` (approve) or ``failureUrl`` (fail),
   as payment-gateway.md describes.

Choices:

* The first decision counts; a second click (a reload, a back button) posts the same result again.
* The card 4000000000003238 always fails its challenge: both buttons lead to ``failureUrl`` and the
  completion answers FAILED with ``3DS_FAILED``.
* The return route is ``/_3ds/...``, not under ``/api/``: it is for browsers, and the fault injection
  counts requests under ``/api/`` (a browser's return must not use up a fault armed for the client).
* These pages are for browsers, so they are not part of the OpenAPI document.
"""

from __future__ import annotations

import html
from decimal import Decimal
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .ledger import LedgerRecord, Operation, ThreeDSChallenge, ledger_of
from .state import SandboxState

MERCHANT_NAME = "Klogs Sandbox Merchant"

_STYLE = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#f3f4f6;margin:0;padding:24px;color:#111}
.card{max-width:420px;margin:0 auto;background:#fff;border-radius:10px;padding:24px;
box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:20px;margin:0 0 12px} dl{display:grid;grid-template-columns:auto 1fr;gap:6px 12px}
dt{color:#555} dd{margin:0;font-weight:600} .amount{font-size:22px}
button,input,select{font-family:inherit}
button,input[type=submit]{font-size:16px;padding:10px 18px;border-radius:6px;border:0;cursor:pointer}
#approve,#pay{background:#15803d;color:#fff} #fail{background:#b91c1c;color:#fff;margin-left:8px}
label{display:block;margin-top:10px;color:#333} input,select{font-size:16px;padding:6px;width:100%;
box-sizing:border-box} .error{color:#b91c1c;font-weight:600} .note{color:#555;font-size:13px}
.ok{color:#15803d} .bad{color:#b91c1c}
"""


def html_page(title: str, body: str, status_code: int = 200) -> HTMLResponse:
    """A small self-contained page (no external resources, so it works offline)."""
    page = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<meta name='viewport' content='width=device-width'><style>{_STYLE}</style></head>"
            f"<body><div class='card'>{body}</div></body></html>")
    return HTMLResponse(page, status_code=status_code, headers={"Cache-Control": "no-store"})


def auto_post_form(action: str, fields: dict[str, str], form_id: str = "klogs-callback") -> str:
    """A form that POSTs ``fields`` to ``action`` on load (with a button if scripts are off)."""
    inputs = "".join(f"<input type='hidden' name='{html.escape(k)}' value='{html.escape(v)}'>"
                     for k, v in fields.items())
    return (f"<form id='{form_id}' method='POST' action='{html.escape(action)}'>{inputs}"
            "<noscript><button type='submit'>Continue</button></noscript></form>"
            f"<script>document.getElementById('{form_id}').submit();</script>")


def format_amount(amount: Decimal, currency: str) -> str:
    return f"{amount:,} {currency}"


def enrollment_html(acs_url: str, payment_id: str) -> str:
    """``htmlContent`` of ``POST /api/3ds``: posts the browser to the bank's ACS page (another host)."""
    return ("<p>Redirecting to your bank for 3-D Secure&hellip;</p>"
            + auto_post_form(f"{acs_url}/_acs/{payment_id}", {}, form_id="klogs-3ds"))


def _unknown_payment(status_code: int = 404) -> HTMLResponse:
    return html_page("Unknown payment", "<h1>Unknown payment</h1><p>This authentication link is not "
                     "valid.</p>", status_code=status_code)


def _three_ds_record(state: SandboxState, payment_id: str) -> LedgerRecord | None:
    record = ledger_of(state).by_payment(payment_id)
    if record is None or record.operation is not Operation.THREE_DS or record.three_ds is None:
        return None
    return record


def build_acs_router(state: SandboxState) -> APIRouter:
    """The bank's side: the challenge page, reached by the gateway's form (POST) or a link (GET)."""
    router = APIRouter(include_in_schema=False)

    @router.api_route("/_acs/{payment_id}", methods=["GET", "POST"])
    async def challenge_page(payment_id: str) -> HTMLResponse:
        record = _three_ds_record(state, payment_id)
        if record is None:
            return _unknown_payment()
        installments = (f"<dt>Installments</dt><dd>{record.installment_count}</dd>"
                        if record.installment_count > 1 else "")
        back_to_gateway = f"{state.config.public_url}/_3ds/{record.payment_id}/acs-return"
        body = (
            "<h1>3-D Secure verification</h1>"
            "<p class='note'>Sandbox bank: choose how the card holder answers the challenge.</p>"
            f"<dl><dt>Merchant</dt><dd>{html.escape(MERCHANT_NAME)}</dd>"
            f"<dt>Amount</dt><dd class='amount'>{html.escape(format_amount(record.amount, record.currency))}</dd>"
            f"{installments}<dt>Card</dt><dd>{html.escape(record.masked_pan)}</dd>"
            f"<dt>Order</dt><dd>{html.escape(record.order_id)}</dd></dl>"
            f"<form method='POST' action='{html.escape(back_to_gateway)}'>"
            "<button id='approve' name='decision' value='approve' type='submit'>Approve</button>"
            "<button id='fail' name='decision' value='fail' type='submit'>Fail</button></form>"
        )
        return html_page("3-D Secure verification", body)

    return router


def build_router(state: SandboxState) -> APIRouter:
    """The gateway's side: where the bank's page returns the card holder's answer."""
    router = APIRouter(include_in_schema=False)
    ledger = ledger_of(state)

    @router.post("/_3ds/{payment_id}/acs-return")
    async def challenge_answer(payment_id: str, request: Request) -> HTMLResponse:
        record = _three_ds_record(state, payment_id)
        if record is None:
            return _unknown_payment()
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        decision = (form.get("decision") or [""])[0]
        if decision not in ("approve", "fail"):
            return html_page("Choose an answer", "<h1>Choose Approve or Fail</h1>", status_code=400)
        three_ds = record.three_ds
        with ledger.lock:
            if three_ds.challenge is ThreeDSChallenge.WAITING:
                approved = decision == "approve" and not three_ds.always_fails
                three_ds.challenge = ThreeDSChallenge.APPROVED if approved else ThreeDSChallenge.FAILED
            target = (three_ds.success_url if three_ds.challenge is ThreeDSChallenge.APPROVED
                      else three_ds.failure_url)
            fields = {"paymentId": str(record.payment_id), "securityKey": three_ds.security_key}
        body = "<p>Returning to the merchant&hellip;</p>" + auto_post_form(target, fields)
        return html_page("Returning to the merchant", body)

    return router
