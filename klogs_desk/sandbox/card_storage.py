"""The card-storage flow (recurring-overview.md "Configure Webhook", statuses ``waitForOwnerConfirmation`` and
``waitForCardSave``): after ``POST /owner`` the card owner saves a card on a hosted page; the gateway keeps
it (masked) under a ``cardId`` and notifies the merchant's webhook with ``{cardId, ownerId}``.

What the sandbox does:

* ``POST /owner`` (recurring.py) opens a **card-storage session** for the phone and answers, besides the
  docs' ``{"success": true}``, ``ownerId`` and ``cardStorageUrl``: the hosted "save your card" page
  ``GET /card-storage/{token}`` (a real gateway sends that link to the owner by SMS; the sandbox has no
  SMS, so the terminal shows the link and a QR code in training mode). Registering a phone stands for the
  owner confirming (the SMS answered): the owner's subscriptions and orders waiting for confirmation move
  on at once, as before this flow existed.
* The page's form (name, number, expiry, CVV) posts to the gateway's own completion endpoint
  ``POST /api/return/webhook/complete-cardstorage/{type}/{token}`` (``type`` is ``owner``), as the vault
  returns to the gateway. Saving checks the card as the hosted checkout page does (Luhn, expiry, CVV), keeps
  **only** the brand, the first six and last four digits and the expiry (never the number, never the CVV),
  gives the card a fresh ``cardId`` (a UUID4 with no card-number-like digit run) and shows "Card saved".
  A session saves one card; its link then shows the result.
* The owner's subscriptions and payment orders that were waiting for a card (created with the placeholder
  :data:`CARD_NOT_SAVED_ID`, status ``waitForCardSave``) get the new ``cardId`` and become ``active``
  (scheduled from that moment) — they move on by themselves.
* **The merchant's webhook** (``SandboxConfig.webhook_url``, ``--webhook-url``; the embedded sandbox is told
  the terminal's receiver): ``POST {webhook_url}/card-storage/{type}/{ownerId}`` (the docs' example route is
  ``/webhooks/card-storage/:type/:id``), JSON ``{"cardId", "ownerId", "phone", "brand", "lastFour",
  "expiryMonth", "expiryYear", "savedAtUtc"}`` (the docs name ``cardId`` and ``ownerId``; the rest is
  ours, all masked). Sent after the answer to the page, best effort: up to :data:`DELIVERY_ATTEMPTS` tries
  with a short pause; the outcome is kept on the session (``webhook_status``).

**Webhook signature** (the docs say only "validate webhooks with hash verification"; the scheme follows the
signed requests of Klogs' client libraries, sdk-differences.md, and adds the body): headers ``X-Api-Key``
(the credential's API key), ``X-Klogs-Rnd`` (32 fresh letters and digits, the replay guard),
``X-Klogs-Timestamp`` (Unix milliseconds of *wall-clock* sending time — not the sandbox's simulated clock,
which tests move forward) and ``X-Klogs-Signature``: HMAC-SHA256 keyed with the API secret (UTF-8) over
``apiKey + rnd + timestamp + body`` (UTF-8 text, then the raw body bytes), lowercase hex. A receiver should
also accept base64 (as the sandbox accepts both for requests), refuse a timestamp more than 5 minutes away
and refuse an ``X-Klogs-Rnd`` it has seen within that window.

**Known cards** (``cardId`` in ``POST /recurring`` and ``POST /paymentOrder``): the cards saved here; the
docs' example card :data:`DOCS_EXAMPLE_CARD_ID` (``3fa85f64-…``), pre-saved and usable by any owner so the
docs' examples keep working; and :data:`CARD_NOT_SAVED_ID` meaning "no card yet" (``waitForCardSave``).
Anything else is refused with 400 naming ``ownerDescription.cardId``; so is a saved card of another phone.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import dataclasses
import datetime as dt
import hashlib
import hmac
import html
import json
import secrets
import sqlite3
import string
import threading
import time
import uuid
from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qs

import httpx
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..domain.cards import CardError, brand_of, check_cvv, check_holder, check_pan, find_pans, parse_expiry
from .state import SandboxState
from .threeds import html_page

#: The card ID of every example in the docs: a saved card any owner may use (so the examples pass).
DOCS_EXAMPLE_CARD_ID = uuid.UUID("3fa85f64-5717-4562-b3fc-2c963f66afa6")
#: The one card ID meaning "no card saved yet": registered payments on it wait for the owner's card.
CARD_NOT_SAVED_ID = uuid.UUID("00000000-0000-4000-8000-000000000000")
#: The only ``{type}`` of ``complete-cardstorage`` the sandbox has: a card saved for a card owner.
STORAGE_TYPE = "owner"
DELIVERY_ATTEMPTS = 3
DELIVERY_PAUSE_SECONDS = 0.5
DELIVERY_TIMEOUT_SECONDS = 3.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS card_storage_sessions (
    token TEXT PRIMARY KEY,
    phone TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    card_id TEXT,
    webhook_status TEXT
);
CREATE TABLE IF NOT EXISTS saved_cards (
    card_id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    phone TEXT NOT NULL,
    brand TEXT NOT NULL,
    first_six TEXT NOT NULL,
    last_four TEXT NOT NULL,
    expiry_month INTEGER NOT NULL,
    expiry_year INTEGER NOT NULL,
    saved_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS saved_cards_by_phone ON saved_cards (phone);
"""


@dataclasses.dataclass(frozen=True)
class StoredCard:
    """A saved card as the gateway keeps it: masked only."""

    card_id: uuid.UUID
    owner_id: str
    phone: str
    brand: str
    first_six: str
    last_four: str
    expiry_month: int
    expiry_year: int
    saved_at: dt.datetime

    def webhook_body(self) -> dict[str, object]:
        return {"cardId": str(self.card_id), "ownerId": self.owner_id, "phone": self.phone, "brand": self.brand,
                "lastFour": self.last_four, "expiryMonth": self.expiry_month, "expiryYear": self.expiry_year,
                "savedAtUtc": self.saved_at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}


@dataclasses.dataclass
class StorageSession:
    token: str
    phone: str
    owner_id: str
    created_at: dt.datetime
    card_id: uuid.UUID | None = None
    #: ``"delivered 200"``, ``"failed: ..."`` or ``"no webhook configured"`` once the card is saved.
    webhook_status: str | None = None


def _text(value: dt.datetime) -> str:
    return value.astimezone(dt.timezone.utc).isoformat()


class CardVault:
    """Card-storage sessions and saved cards (SQLite: in memory, or the sandbox's database file)."""

    def __init__(self, database: Path | None = None) -> None:
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(database) if database is not None else ":memory:",
                                   check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        if database is not None:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(_SCHEMA)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def open_session(self, phone: str, owner_id: str, now: dt.datetime) -> StorageSession:
        session = StorageSession(secrets.token_urlsafe(24), phone, owner_id, now)
        with self._transaction() as db:
            db.execute("INSERT INTO card_storage_sessions (token, phone, owner_id, created_at) VALUES (?, ?, ?, ?)",
                       (session.token, phone, owner_id, _text(now)))
        return session

    def session(self, token: str) -> StorageSession | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM card_storage_sessions WHERE token = ?", (token,)).fetchone()
        if row is None:
            return None
        return StorageSession(row["token"], row["phone"], row["owner_id"], dt.datetime.fromisoformat(row["created_at"]),
                              uuid.UUID(row["card_id"]) if row["card_id"] else None, row["webhook_status"])

    def save(self, session: StorageSession, card: StoredCard) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO saved_cards (card_id, owner_id, phone, brand, first_six, last_four, expiry_month, "
                       "expiry_year, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (str(card.card_id), card.owner_id, card.phone, card.brand, card.first_six, card.last_four,
                        card.expiry_month, card.expiry_year, _text(card.saved_at)))
            db.execute("UPDATE card_storage_sessions SET card_id = ? WHERE token = ?", (str(card.card_id), session.token))
        session.card_id = card.card_id

    def set_webhook_status(self, token: str, status: str) -> None:
        with self._transaction() as db:
            db.execute("UPDATE card_storage_sessions SET webhook_status = ? WHERE token = ?", (status, token))

    def card(self, card_id: uuid.UUID) -> StoredCard | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM saved_cards WHERE card_id = ?", (str(card_id),)).fetchone()
        if row is None:
            return None
        return StoredCard(uuid.UUID(row["card_id"]), row["owner_id"], row["phone"], row["brand"], row["first_six"],
                          row["last_four"], row["expiry_month"], row["expiry_year"],
                          dt.datetime.fromisoformat(row["saved_at"]))

    def cards_of(self, phone: str) -> list[StoredCard]:
        with self._lock:
            ids = [row[0] for row in self._db.execute(
                "SELECT card_id FROM saved_cards WHERE phone = ? ORDER BY saved_at", (phone,)).fetchall()]
        return [card for card in (self.card(uuid.UUID(i)) for i in ids) if card is not None]


def vault_of(state: SandboxState) -> CardVault:
    vault = state.extras.get("card_vault")
    if vault is None:
        vault = state.extras["card_vault"] = CardVault(state.config.database)
    return vault


def card_problem(card_id: uuid.UUID, phone: str, vault: CardVault) -> str | None:
    """Why ``card_id`` cannot be used for ``phone`` (the field message), or ``None`` when it can
    (:data:`CARD_NOT_SAVED_ID` can: the payment waits for a card)."""
    if card_id in (DOCS_EXAMPLE_CARD_ID, CARD_NOT_SAVED_ID):
        return None
    card = vault.card(card_id)
    if card is None:
        return "is not a card saved at this gateway"
    if card.phone != phone:
        return "belongs to another card owner"
    return None


def new_card_id() -> uuid.UUID:
    """A UUID4 that holds no card-number-like digit window (IDs are written to journals and logs)."""
    while True:
        card_id = uuid.uuid4()
        if not find_pans(str(card_id)):
            return card_id


_ALPHABET = string.ascii_letters + string.digits


def sign_webhook(api_key: str, api_secret: str, body: bytes, *, now: float | None = None,
                 rnd: str | None = None) -> dict[str, str]:
    """The four signature headers of one webhook delivery (see the module docstring)."""
    rnd = rnd or "".join(secrets.choice(_ALPHABET) for _ in range(32))
    timestamp = str(int((time.time() if now is None else now) * 1000))
    mac = hmac.new(api_secret.encode("utf-8"), (api_key + rnd + timestamp).encode("utf-8") + body, hashlib.sha256)
    return {"X-Api-Key": api_key, "X-Klogs-Rnd": rnd, "X-Klogs-Timestamp": timestamp,
            "X-Klogs-Signature": mac.hexdigest()}


def webhook_signature_base64(api_secret: str, api_key: str, rnd: str, timestamp: str, body: bytes) -> str:
    """The same signature as base64 (receivers accept both encodings)."""
    mac = hmac.new(api_secret.encode("utf-8"), (api_key + rnd + timestamp).encode("utf-8") + body, hashlib.sha256)
    return base64.b64encode(mac.digest()).decode("ascii")


async def deliver_webhook(state: SandboxState, session: StorageSession, card: StoredCard) -> str:
    """POST the signed notification to the merchant's webhook; returns (and records) what happened."""
    vault = vault_of(state)
    base = state.config.webhook_url
    if not base:
        status = "no webhook configured"
        vault.set_webhook_status(session.token, status)
        return status
    url = f"{base.rstrip('/')}/card-storage/{STORAGE_TYPE}/{card.owner_id}"
    body = json.dumps(card.webhook_body(), separators=(",", ":")).encode("utf-8")
    status = "failed"
    async with httpx.AsyncClient(timeout=DELIVERY_TIMEOUT_SECONDS) as client:
        for attempt in range(DELIVERY_ATTEMPTS):
            headers = {"Content-Type": "application/json",
                       **sign_webhook(state.config.api_key, state.config.api_secret, body)}
            try:
                answer = await client.post(url, content=body, headers=headers)
            except (httpx.HTTPError, OSError) as exc:
                status = f"failed: {type(exc).__name__}"
            else:
                status = f"delivered {answer.status_code}" if answer.is_success else f"refused {answer.status_code}"
                if answer.is_success or 400 <= answer.status_code < 500:
                    break  # refused for a reason a retry does not change
            if attempt + 1 < DELIVERY_ATTEMPTS:
                await asyncio.sleep(DELIVERY_PAUSE_SECONDS)
    vault.set_webhook_status(session.token, status)
    return status


def build_router(state: SandboxState, on_card_saved) -> APIRouter:  # type: ignore[no-untyped-def]
    """The hosted page and the completion endpoint. ``on_card_saved(card, now)`` moves the owner's waiting
    subscriptions and orders on (recurring.py)."""
    router = APIRouter(tags=["Registered payments"])
    vault = vault_of(state)
    tasks: set[asyncio.Task] = state.extras.setdefault("tasks", set())

    def form_page(session: StorageSession, error: str = "", holder: str = "", status_code: int = 200) -> HTMLResponse:
        message = f"<p class='error' role='alert'>{html.escape(error)}</p>" if error else ""
        action = f"/api/return/webhook/complete-cardstorage/{STORAGE_TYPE}/{session.token}"
        body = (
            "<h1>Save your card</h1>"
            "<p>Klogs Sandbox Merchant asks to keep your card for subscriptions and scheduled payments. "
            "Only its brand, last four digits and expiry are shown to the merchant.</p>"
            f"<dl><dt>Phone</dt><dd>{html.escape(session.phone)}</dd></dl>{message}"
            f"<form method='POST' action='{html.escape(action)}' autocomplete='off'>"
            "<label for='cardHolderName'>Name on card</label>"
            f"<input id='cardHolderName' name='cardHolderName' value='{html.escape(holder)}' required>"
            "<label for='pan'>Card number</label>"
            "<input id='pan' name='pan' inputmode='numeric' autocomplete='cc-number' required>"
            "<label for='expiry'>Expiry (MM/YY)</label><input id='expiry' name='expiry' placeholder='MM/YY' required>"
            "<label for='cvv'>Security code (CVV)</label><input id='cvv' name='cvv' inputmode='numeric' required>"
            "<p><input id='save' type='submit' value='Save card'></p></form>"
            "<p class='note'>Sandbox: use a test card; nothing is charged.</p>")
        return html_page("Save your card", body, status_code=status_code)

    def saved_page(session: StorageSession) -> HTMLResponse:
        card = vault.card(session.card_id) if session.card_id else None
        if card is None:
            return form_page(session)
        body = (f"<h1 class='ok' id='result'>Card saved</h1><dl><dt>Card</dt>"
                f"<dd>{html.escape(card.brand)} •••• {html.escape(card.last_four)}</dd>"
                f"<dt>Expires</dt><dd>{card.expiry_month:02d}/{card.expiry_year % 100:02d}</dd></dl>"
                "<p class='note'>You can close this page.</p>")
        return html_page("Card saved", body)

    def unknown() -> HTMLResponse:
        return html_page("Unknown link", "<h1>This card link is not valid</h1>", status_code=404)

    @router.get("/card-storage/{token}", include_in_schema=False)
    async def hosted_page(token: str) -> HTMLResponse:
        session = vault.session(token)
        if session is None:
            return unknown()
        return saved_page(session) if session.card_id else form_page(session)

    html_answer = {"text/html": {"schema": {"type": "string"}}}
    form_fields = {name: {"type": "string"} for name in ("cardHolderName", "pan", "expiry", "cvv")}

    @router.post("/api/return/webhook/complete-cardstorage/{type}/{token}", summary="Card storage completion",
                 description="Completes a card-storage session (the hosted page's form posts here) and "
                             "notifies the merchant's webhook with `{cardId, ownerId}`, signed.",
                 response_class=HTMLResponse,
                 responses={200: {"description": "Card saved (or already saved): the result page.",
                                  "content": html_answer},
                            400: {"description": "A card mistake: the form again, nothing saved.",
                                  "content": html_answer},
                            404: {"description": "No such card-storage session or type.", "content": html_answer}},
                 openapi_extra={"requestBody": {"required": True, "content": {
                     "application/x-www-form-urlencoded": {"schema": {
                         "type": "object", "properties": form_fields, "required": list(form_fields)}}}}})
    async def complete(type: str, token: str, request: Request) -> HTMLResponse:  # `type`: the docs' name
        session = vault.session(token)
        if type != STORAGE_TYPE or session is None:
            return unknown()
        if session.card_id is not None:
            return saved_page(session)
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
        now = state.clock.now()
        try:
            holder = check_holder(form.get("cardHolderName", ""))
            pan = check_pan(form.get("pan", ""))
            month, year = parse_expiry(form.get("expiry", ""), today=now.date())
            check_cvv(form.get("cvv", ""), pan)
        except CardError as err:
            return form_page(session, str(err), holder=form.get("cardHolderName", ""), status_code=400)
        del holder  # the name is not kept: the merchant sees brand, last four and expiry
        card = StoredCard(card_id=new_card_id(), owner_id=session.owner_id, phone=session.phone,
                          brand=brand_of(pan).value, first_six=pan[:6], last_four=pan[-4:],
                          expiry_month=int(month), expiry_year=2000 + int(year), saved_at=now)
        del pan
        vault.save(session, card)
        on_card_saved(card, now)
        task = asyncio.get_running_loop().create_task(deliver_webhook(state, session, card))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return saved_page(session)

    return router
