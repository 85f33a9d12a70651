"""The card-storage flow over loopback: the sandbox's hosted save-card page, the signed webhook it sends to the
terminal's listener, and every guard of the webhook route (bad signature, stale timestamp, replay, Origin,
content type); unknown or foreign card IDs refused by the sandbox with 400 naming ``cardId``."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import time
import uuid
from decimal import Decimal

import httpx
import pytest

from klogs_desk.api.errors import ValidationFailedError
from klogs_desk.api.models import NewOwnerRequest, RecurringListQuery
from klogs_desk.api.models.recurring import (
    OwnerDescription,
    PaymentOrderRequest,
    RecurringPaymentRequest,
    RegisteredPaymentStatus,
)
from klogs_desk.callbacks import CallbackListener, CardStorageEvent, WebhookVerifier
from klogs_desk.sandbox.card_storage import CARD_NOT_SAVED_ID, sign_webhook, vault_of, webhook_signature_base64
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig
from tests.conftest import TEST_HANG_SECONDS, make_client

pytestmark = pytest.mark.anyio

KEY, SECRET = "sandbox-key", "sandbox-secret"
VISA = "4111111111111111"
_PHONES = iter(range(1000, 10_000))


def unique_phone() -> str:
    return f"+90555{next(_PHONES):07d}"


@pytest.fixture
async def receiver():
    """The terminal's listener with the webhook route, collecting the events it hands on."""
    listener = CallbackListener(read_timeout=2.0)
    listener.set_webhook_handler(WebhookVerifier(lambda: (KEY, SECRET)).verify)
    events: list[CardStorageEvent] = []
    listener.on_webhook.append(events.append)
    await listener.start()
    listener.events = events  # type: ignore[attr-defined]
    yield listener
    await listener.stop()


@pytest.fixture
def server(receiver):
    sandbox = SandboxServer(SandboxConfig(testing=True, hang_seconds=TEST_HANG_SECONDS, rate_limit_per_minute=100_000,
                                          webhook_url=receiver.webhook_url))
    sandbox.start()
    yield sandbox
    sandbox.stop()


async def wait_for(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.01)


async def save_card(url: str, pan: str = VISA, expiry: str = "12/30", cvv: str = "123") -> httpx.Response:
    """What the card owner does: open the page, fill in the card, press Save card."""
    async with httpx.AsyncClient(timeout=10) as browser:
        page = await browser.get(url)
        assert page.status_code == 200 and "Save your card" in page.text
        action = re.search(r"action='([^']+)'", page.text).group(1)
        return await browser.post(url.split("/card-storage/")[0] + action,
                                  data={"cardHolderName": "Jane Smith", "pan": pan, "expiry": expiry, "cvv": cvv})


def subscription(phone: str, card_id: uuid.UUID, reference: str | None = None) -> RecurringPaymentRequest:
    return RecurringPaymentRequest(
        reference=reference or f"CS-{uuid.uuid4().hex[:10]}", amount=Decimal("99.90"), currency_code="TRY",
        owner_description=OwnerDescription(full_name="Jane Smith", phone=phone, card_id=card_id),
        first_payment_time=dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2), frequency="daily", interval=1)


async def test_owner_saves_a_card_and_the_terminal_hears_of_it_signed(server, receiver):
    phone = unique_phone()
    async with make_client(server, timeout=10.0) as client:
        owner = await client.create_owner(NewOwnerRequest(phone=phone))
    assert owner.owner_id and owner.card_storage_url
    assert owner.card_storage_url.startswith(server.url + "/card-storage/")

    answer = await save_card(owner.card_storage_url)
    assert answer.status_code == 200 and "Card saved" in answer.text and "1111" in answer.text
    assert VISA not in answer.text

    await wait_for(lambda: receiver.events)
    event = receiver.events[0]
    assert event.owner_id == owner.owner_id and event.phone == phone
    assert (event.brand, event.last_four, event.expiry_month, event.expiry_year) == ("Visa", "1111", 12, 2030)
    # The gateway keeps the card masked only, and its link now shows the result, not a second form.
    stored = vault_of(server.state).card(uuid.UUID(event.card_id))
    assert (stored.first_six, stored.last_four) == ("411111", "1111")
    assert VISA not in repr(stored)
    again = await save_card_page(owner.card_storage_url)
    assert "Card saved" in again and "<form" not in again
    session_token = owner.card_storage_url.rsplit("/", 1)[1]
    assert vault_of(server.state).session(session_token).webhook_status == "delivered 200"

    # The saved card pays for the owner's subscription; it is active at once.
    async with make_client(server, timeout=10.0) as client:
        result = await client.create_recurring(subscription(phone, uuid.UUID(event.card_id)))
    assert result.order_status is RegisteredPaymentStatus.ACTIVE


async def save_card_page(url: str) -> str:
    async with httpx.AsyncClient(timeout=10) as browser:
        return (await browser.get(url)).text


async def test_a_card_form_mistake_saves_nothing(server, receiver):
    async with make_client(server, timeout=10.0) as client:
        owner = await client.create_owner(NewOwnerRequest(phone=unique_phone()))
    answer = await save_card(owner.card_storage_url, pan="4111111111111112")
    assert answer.status_code == 400 and "<form" in answer.text
    assert "4111111111111112" not in answer.text
    await asyncio.sleep(0.2)
    assert receiver.events == []


async def test_unknown_and_foreign_card_ids_are_400_naming_card_id(server, receiver):
    phone, other = unique_phone(), unique_phone()
    async with make_client(server, timeout=10.0) as client:
        owner = await client.create_owner(NewOwnerRequest(phone=phone))
        await save_card(owner.card_storage_url)
        await wait_for(lambda: receiver.events)
        saved = uuid.UUID(receiver.events[0].card_id)
        await client.create_owner(NewOwnerRequest(phone=other))

        with pytest.raises(ValidationFailedError) as unknown:
            await client.create_recurring(subscription(phone, uuid.uuid4()))
        assert "ownerDescription.cardId" in unknown.value.field_errors
        assert "not a card saved" in " ".join(unknown.value.field_errors["ownerDescription.cardId"])

        with pytest.raises(ValidationFailedError) as foreign:
            await client.create_recurring(subscription(other, saved))
        assert "another card owner" in " ".join(foreign.value.field_errors["ownerDescription.cardId"])

        with pytest.raises(ValidationFailedError) as order:
            await client.create_payment_order(PaymentOrderRequest(
                reference=f"PO-{uuid.uuid4().hex[:8]}", amount=Decimal("10.00"), currency_code="TRY",
                owner_description=OwnerDescription(full_name="Jane Smith", phone=phone, card_id=uuid.uuid4()),
                payment_time=dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)))
        assert "ownerDescription.cardId" in order.value.field_errors

    # As RFC 7807 problem details on the wire.
    async with httpx.AsyncClient(timeout=10) as raw:
        answer = await raw.post(server.url + "/recurring", headers={"Authorization": "Bearer sandbox-token"},
                                content=subscription(phone, uuid.uuid4()).model_dump_json(by_alias=True))
    assert answer.status_code == 400 and answer.headers["content-type"].startswith("application/problem+json")
    assert "ownerDescription.cardId" in answer.json()["errors"] and "cardId" in answer.json()["detail"]


async def test_waiting_for_the_card_moves_on_when_the_owner_saves_one(server, receiver):
    phone = unique_phone()
    reference = f"CS-WAIT-{uuid.uuid4().hex[:8]}"
    async with make_client(server, timeout=10.0) as client:
        owner = await client.create_owner(NewOwnerRequest(phone=phone))
        waiting = await client.create_recurring(subscription(phone, CARD_NOT_SAVED_ID, reference))
        assert waiting.order_status is RegisteredPaymentStatus.WAIT_FOR_CARD_SAVE
        await save_card(owner.card_storage_url)
        page = await client.list_recurring(RecurringListQuery(subscription=reference))
    assert page.items[0].status is RegisteredPaymentStatus.ACTIVE


# --- the webhook route's guards (a correctly signed webhook is made here as the gateway makes it) ---------


def webhook(owner_id: str = "OWN-12345678", **overrides) -> bytes:
    body = {"cardId": str(uuid.uuid4()), "ownerId": owner_id, "phone": "+905551234567", "brand": "Visa",
            "lastFour": "1111", "expiryMonth": 12, "expiryYear": 2030, **overrides}
    return json.dumps(body).encode()


async def post(receiver, body: bytes, headers: dict[str, str], path: str = "/webhooks/card-storage/owner/OWN-12345678"):
    async with httpx.AsyncClient(timeout=5) as client:
        return await client.post(receiver.origin + path, content=body,
                                 headers={"Content-Type": "application/json", **headers})


async def test_a_signed_webhook_is_accepted_once_and_a_replay_is_refused(receiver):
    body = webhook()
    headers = sign_webhook(KEY, SECRET, body)
    first = await post(receiver, body, headers)
    assert first.status_code == 200 and first.json() == {"success": True}
    await wait_for(lambda: receiver.events)
    replay = await post(receiver, body, headers)
    assert replay.status_code == 409
    assert len(receiver.events) == 1


async def test_base64_signatures_are_accepted(receiver):
    body = webhook()
    headers = sign_webhook(KEY, SECRET, body)
    headers["X-Klogs-Signature"] = webhook_signature_base64(SECRET, KEY, headers["X-Klogs-Rnd"],
                                                            headers["X-Klogs-Timestamp"], body)
    assert (await post(receiver, body, headers)).status_code == 200


@pytest.mark.parametrize("tamper", ["secret", "body", "key", "stale", "future", "missing"])
async def test_bad_signatures_and_timestamps_are_refused(receiver, tamper):
    body = webhook()
    headers = sign_webhook("other-key" if tamper == "key" else KEY, "wrong" if tamper == "secret" else SECRET, body,
                           now=time.time() - 600 if tamper == "stale" else time.time() + 600 if tamper == "future"
                           else None)
    if tamper == "body":
        body = webhook(lastFour="2222")
    if tamper == "missing":
        del headers["X-Klogs-Signature"]
    answer = await post(receiver, body, headers)
    assert answer.status_code == 401
    assert SECRET not in answer.text
    await asyncio.sleep(0.05)
    assert receiver.events == []


async def test_webhook_route_guards(receiver):
    body = webhook()
    signed = sign_webhook(KEY, SECRET, body)
    # A web page may not post it.
    assert (await post(receiver, body, {**signed, "Origin": receiver.origin})).status_code == 403
    # JSON only.
    async with httpx.AsyncClient(timeout=5) as client:
        form = await client.post(receiver.origin + "/webhooks/card-storage/owner/OWN-12345678",
                                 data={"cardId": "x"}, headers=sign_webhook(KEY, SECRET, b"cardId=x"))
    assert form.status_code == 415
    # The path's owner must be the body's.
    other = sign_webhook(KEY, SECRET, body)
    assert (await post(receiver, body, other, path="/webhooks/card-storage/owner/OWN-99999999")).status_code == 400
    assert (await post(receiver, body, sign_webhook(KEY, SECRET, body), path="/webhooks/elsewhere/x/y")).status_code == 404
    # Wrong Host (DNS rebinding), as for 3-D Secure callbacks.
    assert (await post(receiver, body, {**sign_webhook(KEY, SECRET, body), "Host": "evil.example"})).status_code == 400
    # A body carrying a card number is refused and never handed on.
    leaky = webhook(note=VISA)
    assert (await post(receiver, leaky, sign_webhook(KEY, SECRET, leaky))).status_code == 400
    await asyncio.sleep(0.05)
    assert receiver.events == []


async def test_without_a_handler_the_webhook_route_does_not_exist():
    listener = CallbackListener()
    await listener.start()
    try:
        body = webhook()
        assert (await post(listener, body, sign_webhook(KEY, SECRET, body))).status_code == 404
    finally:
        await listener.stop()


@pytest.mark.parametrize("own_process", [True, False], ids=["own process", "in-thread fallback"])
async def test_the_embedded_sandbox_told_the_webhook_address_later_sends_saved_cards_there(receiver, own_process,
                                                                                        monkeypatch):
    """The terminal's listener listens only after the embedded sandbox has started (its own process since
    start-up got faster): the address reaches the running sandbox (a line on the child's stdin)."""
    from klogs_desk.embedded_sandbox import EmbeddedSandbox

    monkeypatch.setattr(EmbeddedSandbox, "own_process", own_process)
    sandbox = EmbeddedSandbox()
    try:
        url = sandbox.url()
        await sandbox.until_ready()
        sandbox.set_webhook_url(receiver.webhook_url)
        client_server = type("Url", (), {"url": url})()
        async with make_client(client_server, timeout=10.0) as client:
            owner = await client.create_owner(NewOwnerRequest(phone=unique_phone()))
        assert (await save_card(owner.card_storage_url)).status_code == 200
        await wait_for(lambda: receiver.events)
        assert receiver.events[0].owner_id == owner.owner_id and receiver.events[0].last_four == "1111"
    finally:
        sandbox.stop()
