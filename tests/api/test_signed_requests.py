"""Authentication as Klogs' client libraries do it (sdk-differences.md): signed requests that never send
the secret, the sandbox accepting both the documented headers and signatures (hex or base64), refusing
bad signatures and stale timestamps in words and logging neither secret nor signature; and the Bearer
token defaulting to the API key, as the docs' examples send it."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import logging
import time

import httpx
import pytest

from klogs_desk.api.client import Credentials, Endpoints, KlogsClient, RetryPolicy
from klogs_desk.api.errors import AuthenticationError, NotFoundError
from klogs_desk.api.models import RecurringListQuery
from klogs_desk.api.signing import SIGNED, signed_headers
from klogs_desk.environments import check_connection
from tests.api._client_support import card_payment, subscription

pytestmark = pytest.mark.anyio

KEY, SECRET = "sandbox-key", "sandbox-secret"


class Recording(httpx.AsyncBaseTransport):
    """A real HTTP transport that keeps a copy of every request it sends."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self._http = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self.requests.append(request)
        return await self._http.handle_async_request(request)

    async def aclose(self) -> None:
        await self._http.aclose()


SANDBOX = Credentials(KEY, SECRET, "sandbox-token")


def signed_client(server, credentials=SANDBOX, **kwargs):  # type: ignore[no-untyped-def]
    return KlogsClient(Endpoints.same(server.url), credentials, auth_mode=SIGNED, timeout=5,
                       retry=RetryPolicy(base_delay=0.01, max_delay=0.05, jitter=lambda: 0.5), **kwargs)


def test_the_signature_is_hmac_sha256_of_key_rnd_and_timestamp_in_lower_case_hex():
    headers = signed_headers("key-1", "secret-1", now=lambda: 1767225600.1234, nonce=lambda: "A" * 32)
    expected = hmac.new(b"secret-1", b"key-1" + b"A" * 32 + b"1767225600123", hashlib.sha256).hexdigest()
    assert headers == {"X-Api-Key": "key-1", "X-Klogs-Rnd": "A" * 32, "X-Klogs-Timestamp": "1767225600123",
                       "X-Klogs-Signature": expected}
    fresh = signed_headers("key-1", "secret-1")
    assert len(fresh["X-Klogs-Rnd"]) == 32 and fresh["X-Klogs-Rnd"].isalnum()
    assert fresh["X-Klogs-Rnd"] != signed_headers("key-1", "secret-1")["X-Klogs-Rnd"]


async def test_in_signed_mode_the_secret_never_leaves_the_machine(fresh_sandbox):
    recording = Recording()
    async with signed_client(fresh_sandbox, transport=recording) as client:
        sale = card_payment()
        assert (await client.pay(sale)).approved
        assert (await client.get_transaction(sale.order_id)).balance == sale.amount
        await client.create_recurring(subscription())
        await client.list_recurring()

    assert len(recording.requests) == 4
    for request in recording.requests:
        wire = " ".join(f"{k}: {v}" for k, v in request.headers.items()) + request.content.decode()
        assert SECRET not in wire and "x-api-secret" not in wire.lower()
    payment_headers = [r.headers for r in recording.requests if r.url.path.startswith("/api/")]
    assert len({h["x-klogs-rnd"] for h in payment_headers}) == 2  # each request signed afresh
    for headers in payment_headers:
        assert headers["x-api-key"] == KEY
        assert abs(int(headers["x-klogs-timestamp"]) - time.time() * 1000) < 60_000
        assert len(headers["x-klogs-signature"]) == 64 and headers["x-klogs-signature"] == \
            headers["x-klogs-signature"].lower()


def _raw_signed(server, *, signature: bytes | None = None, encode=bytes.hex, at: float | None = None,  # type: ignore[no-untyped-def]
                key: str = KEY) -> httpx.Response:
    rnd, stamp = "r" * 32, str(int((time.time() if at is None else at) * 1000))
    digest = signature or hmac.new(SECRET.encode(), (key + rnd + stamp).encode(), hashlib.sha256).digest()
    sent = digest.hex() if encode is bytes.hex else encode(digest).decode()
    return httpx.get(f"{server.url}/api/trx/no-such-order", timeout=5, headers={
        "X-Api-Key": key, "X-Klogs-Rnd": rnd, "X-Klogs-Timestamp": stamp, "X-Klogs-Signature": sent})


def test_the_sandbox_accepts_hex_and_base64_signatures_and_the_documented_headers(fresh_sandbox):
    assert _raw_signed(fresh_sandbox).status_code == 404  # past auth: no such order
    assert _raw_signed(fresh_sandbox, encode=base64.b64encode).status_code == 404  # the .NET library
    documented = httpx.get(f"{fresh_sandbox.url}/api/trx/no-such-order", timeout=5,
                           headers={"X-API-KEY": KEY, "X-API-SECRET": SECRET})
    assert documented.status_code == 404


def test_the_sandbox_refuses_bad_signatures_and_stale_timestamps_in_words(fresh_sandbox):
    bad = _raw_signed(fresh_sandbox, signature=b"\0" * 32)
    assert bad.status_code == 401 and "X-Klogs-Signature does not match" in bad.json()["detail"]
    wrong_key = _raw_signed(fresh_sandbox, key="someone-else")
    assert wrong_key.status_code == 401 and "X-Api-Key is not known" in wrong_key.json()["detail"]
    stale = _raw_signed(fresh_sandbox, at=time.time() - 301)
    assert stale.status_code == 401 and "more than 5 minutes" in stale.json()["detail"]
    assert _raw_signed(fresh_sandbox, at=time.time() - 240).status_code == 404  # within the window


async def test_the_window_is_judged_on_the_sandboxs_clock(fresh_sandbox):
    async with signed_client(fresh_sandbox) as client:
        with pytest.raises(NotFoundError):
            await client.get_transaction("no-such-order")
        fresh_sandbox.state.clock.advance(dt.timedelta(minutes=6))  # the gateway's clock is ahead of ours
        with pytest.raises(AuthenticationError):
            await client.get_transaction("no-such-order")


async def test_the_sandbox_logs_neither_the_secret_nor_the_signature(fresh_sandbox):
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep(level=logging.DEBUG)
    loggers = [logging.getLogger(name) for name in ("", "uvicorn", "uvicorn.error", "uvicorn.access",
                                                     "klogs_desk", "httpx", "httpcore")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    try:
        recording = Recording()
        async with signed_client(fresh_sandbox, transport=recording) as client:
            await client.pay(card_payment())
            with pytest.raises(NotFoundError):
                await client.get_transaction("no-such-order")
        bad = _raw_signed(fresh_sandbox, signature=b"\1" * 32)
        assert bad.status_code == 401
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)
    signatures = [r.headers["x-klogs-signature"] for r in recording.requests] + [(b"\1" * 32).hex()]
    logged = "\n".join(record.getMessage() for record in records)
    assert records, "nothing was logged at all: the check would prove nothing"
    assert SECRET not in logged
    for sent in signatures:
        assert sent not in logged
    assert all(sent not in bad.text for sent in signatures) and SECRET not in bad.text


async def test_a_blank_bearer_token_means_the_api_key_as_the_docs_send_it(fresh_sandbox):
    recording = Recording()
    async with KlogsClient(Endpoints.same(fresh_sandbox.url), Credentials(KEY, SECRET, ""),
                           transport=recording, timeout=5) as client:
        page = await client.list_recurring(RecurringListQuery(page_size=1))
    assert page.current_page == 1
    assert recording.requests[0].headers["authorization"] == f"Bearer {KEY}"


async def test_test_connection_names_the_mode_the_gateway_accepted(fresh_sandbox):
    async with signed_client(fresh_sandbox) as client:
        payment, recurring = await check_connection(client)
    assert payment.ok and "signed requests accepted" in payment.message
    assert recurring.ok

    async with signed_client(fresh_sandbox, Credentials(KEY, "not-the-secret", "sandbox-token")) as client:
        payment, _ = await check_connection(client)
    assert not payment.ok and payment.message == "Payment API: reachable, but it refused the signed requests."
