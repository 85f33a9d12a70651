"""The client when things go wrong, against the real sandbox and its fault injection (``/_sandbox/faults``).

What a cashier relies on:

* every HTTP error status becomes the matching typed error, with the field, status and wait time;
* lookups (GETs) are retried with backoff and honour ``Retry-After``; payments (POSTs) are sent exactly
  once, whatever happens;
* a payment whose answer is lost (timeout, connection cut after the gateway charged) is OUTCOME UNKNOWN,
  and a lookup resolves it;
* an unreachable gateway is "nothing was sent";
* no secret, PAN or CVV appears in a log record, an exception message, a repr or a traceback.

Attempts are counted by the sandbox: each injected fault is used up by one request, so the faults left
after a call tell how many requests the client made; the ledger counts charges per orderId.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import traceback
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from _client_support import (
    CVV,
    NEVER_ANSWERS_CARD,
    arm_faults,
    card_payment,
    charges,
    faults_left,
    reset_faults,
)
from conftest import TEST_CLIENT_TIMEOUT, TEST_HANG_SECONDS, make_client

from klogs_desk.api.client import Credentials, Endpoints, GatewayTimeoutError, KlogsClient, RetryPolicy
from klogs_desk.api.errors import (
    ApiStatusError,
    AuthenticationError,
    ConnectionFailedError,
    KlogsError,
    NotFoundError,
    OutcomeUnknownError,
    ProtocolError,
    RateLimitedError,
    ServerError,
)
from klogs_desk.api.models import (
    InstallmentOptionsRequest,
    NewOwnerRequest,
    PaymentStatus,
    RecurringListQuery,
    TransactionStatus,
)
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig

pytestmark = pytest.mark.anyio


@dataclass(frozen=True)
class RecordingRetry(RetryPolicy):
    """The default policy with tiny delays, remembering every wait it was asked for."""

    base_delay: float = 0.01
    max_delay: float = 0.05
    waits: list[tuple[int, float | None, float]] = field(default_factory=list)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        seconds = super().delay(attempt, retry_after)
        self.waits.append((attempt, retry_after, seconds))
        return seconds


@pytest.fixture
def faulty(fresh_sandbox):
    """A sandbox of this test's own (faults never leak into other tests)."""
    yield fresh_sandbox
    reset_faults(fresh_sandbox.url)


async def _paid(client: KlogsClient) -> str:
    request = card_payment()
    assert (await client.pay(request)).approved
    return request.order_id


# --- RetryPolicy --------------------------------------------------------------------------------------


def test_retry_delay_doubles_with_pinned_jitter():
    low = RetryPolicy(base_delay=0.25, max_delay=8.0, jitter=lambda: 0.0)
    high = RetryPolicy(base_delay=0.25, max_delay=8.0, jitter=lambda: 0.999)
    assert [low.delay(n) for n in (1, 2, 3, 4)] == [0.125, 0.25, 0.5, 1.0]
    for attempt in (1, 2, 3, 4):
        ceiling = 0.25 * 2 ** (attempt - 1)
        assert ceiling / 2 <= high.delay(attempt) < ceiling


def test_retry_delay_is_capped_and_retry_after_wins():
    policy = RetryPolicy(base_delay=1.0, max_delay=4.0, jitter=lambda: 0.5)
    assert policy.delay(10) == 3.0  # 4 s ceiling, three quarters of it with jitter 0.5
    assert policy.delay(1, retry_after=2.0) == 2.0
    assert policy.delay(1, retry_after=0.0) == 0.0


# --- the error hierarchy --------------------------------------------------------------------------------


async def test_wrong_credentials_are_401_on_both_apis(sandbox):
    async with KlogsClient(Endpoints.same(sandbox.url), Credentials("k", "s", "t"), timeout=5) as client:
        with pytest.raises(AuthenticationError) as payment_api:
            await client.pay(card_payment())
        with pytest.raises(AuthenticationError) as recurring_api:
            await client.list_recurring()
    assert payment_api.value.status == recurring_api.value.status == 401
    assert isinstance(payment_api.value, ApiStatusError) and isinstance(payment_api.value, KlogsError)


async def test_real_rate_limit_gives_retry_after_and_is_not_waited_out():
    """The sandbox's own limiter asks for ~60 s: longer than the policy waits, so the lookup fails at once."""
    with SandboxServer(SandboxConfig(testing=True, rate_limit_per_minute=2)) as server:
        retry = RecordingRetry()
        async with make_client(server, retry=retry) as client:
            await client.list_recurring()
            await client.list_recurring()
            with pytest.raises(RateLimitedError) as caught:
                await client.list_recurring()
    assert caught.value.status == 429
    assert caught.value.retry_after is not None and 1 <= caught.value.retry_after <= 60
    assert f"Wait {int(caught.value.retry_after)}" in str(caught.value)
    assert retry.waits == []


async def test_server_error_on_a_payment_is_definite_and_not_retried(faulty):
    arm_faults(faulty.url, serverErrors=2)
    request = card_payment()
    async with make_client(faulty) as client:
        with pytest.raises(ServerError) as caught:
            await client.pay(request)
        assert caught.value.status == 503
        assert faults_left(faulty.url)["serverErrors"] == 1  # one request, no retry
        assert charges(faulty.url, request.order_id) == 0
        # Nothing was charged, so the cashier may send the same sale again.
        reset_faults(faulty.url)
        assert (await client.pay(request)).approved
    assert charges(faulty.url, request.order_id) == 1


async def test_rate_limited_payment_is_not_retried_and_says_how_long_to_wait(faulty):
    arm_faults(faulty.url, rateLimited=2)
    retry = RecordingRetry()
    async with make_client(faulty, retry=retry) as client:
        with pytest.raises(RateLimitedError) as caught:
            await client.pay(card_payment())
    assert caught.value.retry_after == 2
    assert faults_left(faulty.url)["rateLimited"] == 1
    assert retry.waits == []


# --- GET retries ------------------------------------------------------------------------------------------


async def test_lookup_retried_through_server_errors(faulty):
    retry = RecordingRetry()
    async with make_client(faulty, retry=retry) as client:
        order = await _paid(client)
        arm_faults(faulty.url, serverErrors=2)
        detail = await client.get_transaction(order)
    assert detail.status is TransactionStatus.SUCCESS
    assert faults_left(faulty.url)["serverErrors"] == 0
    assert [attempt for attempt, _, _ in retry.waits] == [1, 2]
    assert retry.waits[1][2] > retry.waits[0][2]  # backoff grows


async def test_lookup_gives_up_after_max_attempts(faulty):
    retry = RecordingRetry(max_attempts=3)
    async with make_client(faulty, retry=retry) as client:
        order = await _paid(client)
        arm_faults(faulty.url, serverErrors=5)
        with pytest.raises(ServerError):
            await client.get_transaction(order)
    assert faults_left(faulty.url)["serverErrors"] == 2  # exactly three requests
    assert len(retry.waits) == 2


async def test_lookup_honours_retry_after(faulty):
    retry = RecordingRetry()
    async with make_client(faulty, retry=retry) as client:
        order = await _paid(client)
        arm_faults(faulty.url, rateLimited=1)
        detail = await client.get_transaction(order)
    assert detail.order_id == order
    assert retry.waits == [(1, 2.0, 2.0)]  # waited the 2 s the gateway asked for


async def test_lookup_does_not_wait_longer_than_the_policy_allows(faulty):
    retry = RecordingRetry(max_retry_after=1.0)
    async with make_client(faulty, retry=retry) as client:
        order = await _paid(client)
        arm_faults(faulty.url, rateLimited=3)
        with pytest.raises(RateLimitedError) as caught:
            await client.get_transaction(order)
    assert caught.value.retry_after == 2
    assert faults_left(faulty.url)["rateLimited"] == 2
    assert retry.waits == []


async def test_slow_lookup_is_retried_then_safe_to_try_again(faulty):
    async with make_client(faulty) as client:
        order = await _paid(client)
    arm_faults(faulty.url, latencyMs=1000)
    retry = RecordingRetry()
    async with make_client(faulty, timeout=0.3, retry=retry) as client:
        with pytest.raises(GatewayTimeoutError) as caught:
            await client.get_transaction(order)
    assert "Nothing was charged" in str(caught.value)
    assert len(retry.waits) == 2


# --- payments whose answer is lost ------------------------------------------------------------------------


async def test_never_answering_card_is_outcome_unknown_then_resolved_by_lookup(sandbox):
    request = card_payment(NEVER_ANSWERS_CARD)
    async with make_client(sandbox) as client:
        with pytest.raises(OutcomeUnknownError) as caught:
            await client.pay(request)
        error = caught.value
        assert error.operation == "payment" and error.reference == request.order_id
        assert "may or may not" in str(error) and "do not send it again" in str(error)
        # The gateway goes on and records it; a lookup (not a resend) tells the cashier what happened.
        for _ in range(100):
            try:
                detail = await client.get_transaction(request.order_id)
            except NotFoundError:
                detail = None
            if detail is not None and detail.status is not TransactionStatus.PENDING:
                break
            await asyncio.sleep(0.1)
    assert detail is not None and detail.status is TransactionStatus.SUCCESS
    assert charges(sandbox.url, request.order_id) == 1


async def test_connection_cut_after_the_charge_is_outcome_unknown(faulty):
    arm_faults(faulty.url, dropAfterProcessing=1)
    request = card_payment()
    async with make_client(faulty) as client:
        with pytest.raises(OutcomeUnknownError) as caught:
            await client.pay(request)
        assert "connection lost" in str(caught.value)
        assert charges(faulty.url, request.order_id) == 1  # charged once, answer lost, never resent
        assert (await client.get_transaction(request.order_id)).status is TransactionStatus.SUCCESS


async def test_connection_cut_before_the_charge_is_still_unknown_to_the_client(faulty):
    """The client cannot tell the two cuts apart: both are OUTCOME UNKNOWN; the lookup settles it."""
    arm_faults(faulty.url, dropBeforeProcessing=1)
    request = card_payment()
    async with make_client(faulty) as client:
        with pytest.raises(OutcomeUnknownError):
            await client.pay(request)
        with pytest.raises(NotFoundError):
            await client.get_transaction(request.order_id)
    assert charges(faulty.url, request.order_id) == 0


async def test_slow_gateway_payment_is_outcome_unknown_but_a_slow_quote_is_not(faulty):
    arm_faults(faulty.url, latencyMs=1000)
    async with make_client(faulty, timeout=0.3) as client:
        with pytest.raises(OutcomeUnknownError):
            await client.pay(card_payment())
        with pytest.raises(GatewayTimeoutError):
            await client.installment_options(InstallmentOptionsRequest(
                amount=Decimal("100.00"), currency="TRY", pan="5421190122090656"))


# --- nothing listening --------------------------------------------------------------------------------------


def _closed_port_url() -> str:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}"


async def test_nothing_listening_is_connection_failed():
    url = _closed_port_url()
    health: list[bool] = []
    async with KlogsClient(Endpoints.same(url), Credentials("k", "s", "t"), timeout=1.5,
                           retry=RecordingRetry()) as client:
        client.health_listeners.append(health.append)
        with pytest.raises(ConnectionFailedError) as payment:
            await client.pay(card_payment())
        assert health == [False]  # a payment is tried once
        with pytest.raises(ConnectionFailedError):
            await client.list_recurring()
    assert health == [False] * 4  # the lookup three times
    assert "Nothing was sent" in str(payment.value)
    assert client.last_answer_at is None


async def test_an_answer_marks_the_gateway_healthy(sandbox):
    health: list[bool] = []
    async with make_client(sandbox) as client:
        client.health_listeners.append(health.append)
        await client.list_recurring()
    assert health == [True] and client.last_answer_at is not None


# --- secrets ----------------------------------------------------------------------------------------------------

SECRET_KEY = "key-Zq81vW0pLx"
SECRET_SECRET = "sec-Hh72Kd9nBq"
SECRET_TOKEN = "tok-Pp33Xy5mCe"


def _everything_said_about(error: BaseException) -> str:
    """What a log, a dialog or an excepthook could show of ``error`` and its causes."""
    parts = ["".join(traceback.format_exception(error))]
    seen = error
    while seen is not None:
        parts += [str(seen), repr(seen)]
        seen = seen.__cause__ or seen.__context__
    return "\n".join(parts)


async def test_secrets_and_card_data_never_reach_logs_or_errors(caplog):
    config = SandboxConfig(testing=True, hang_seconds=TEST_HANG_SECONDS, api_key=SECRET_KEY, api_secret=SECRET_SECRET,
                           bearer_token=SECRET_TOKEN)
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "klogs_desk"):
        caplog.set_level(logging.DEBUG, logger=name)
    errors: list[BaseException] = []
    with SandboxServer(config) as server:
        credentials = Credentials(SECRET_KEY, SECRET_SECRET, SECRET_TOKEN)
        async with KlogsClient(Endpoints.same(server.url), credentials, timeout=TEST_CLIENT_TIMEOUT,
                               retry=RecordingRetry()) as client:
            approved = card_payment()
            assert (await client.pay(approved)).status is PaymentStatus.SUCCESS
            await client.create_owner(NewOwnerRequest(phone="+905551234567"))
            await client.list_recurring(RecurringListQuery(page_size=5))
            for call in (
                client.pay(card_payment(NEVER_ANSWERS_CARD)),  # outcome unknown
                client.pay(card_payment().model_copy(update={"pan": "4111111111111112"})),  # 400
                client.get_transaction("NO-SUCH-ORDER"),  # 404
            ):
                try:
                    await call
                except KlogsError as err:
                    errors.append(err)
            arm_faults(server.url, dropAfterProcessing=1)
            try:
                await client.pay(card_payment())
            except KlogsError as err:
                errors.append(err)
            texts = [repr(client), repr(credentials), str(credentials)]
        async with KlogsClient(Endpoints.same(server.url), Credentials(SECRET_KEY, "wrong", "wrong")) as client:
            try:
                await client.pay(card_payment())
            except KlogsError as err:
                errors.append(err)
    assert len(errors) == 5
    said = caplog.text + "\n".join(r.getMessage() + repr(r.args) for r in caplog.records)
    said += "\n".join(_everything_said_about(err) for err in errors) + "\n".join(texts)
    assert caplog.records, "the client and httpx logged nothing at DEBUG: the test would prove nothing"
    for secret in (SECRET_KEY, SECRET_SECRET, SECRET_TOKEN, "4111111111111111", "4000000000000341",
                   "4111111111111112", f"cvv={CVV}", f"'{CVV}'", f'"{CVV}"'):
        assert secret not in said, secret


# --- answers the sandbox never gives: a minimal raw HTTP server on loopback --------------------------------


class RawServer:
    """Answers each connection with the next canned HTTP response (a real socket, not a mocked transport)."""

    def __init__(self, *replies: bytes) -> None:
        self.replies = list(replies)
        self.requests = 0

    async def __aenter__(self) -> str:
        self.server = await asyncio.start_server(self._answer, "127.0.0.1", 0)
        return f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}"

    async def __aexit__(self, *exc: object) -> None:
        self.server.close()
        await self.server.wait_closed()

    async def _answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        self.requests += 1
        writer.write(self.replies.pop(0) if len(self.replies) > 1 else self.replies[0])
        await writer.drain()
        writer.close()


def _reply(status: str, body: bytes, *headers: str) -> bytes:
    head = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}", "Connection: close", *headers]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


async def test_unreadable_2xx_payment_answer_is_a_protocol_error():
    """The services journal a ProtocolError on a payment as outcome unknown: the gateway did answer."""
    async with RawServer(_reply("200 OK", b"<html>proxy login</html>", "Content-Type: text/html")) as url:
        async with KlogsClient(Endpoints.same(url), Credentials("k", "s", "t"), timeout=2) as client:
            with pytest.raises(ProtocolError) as caught:
                await client.pay(card_payment())
    assert "cannot read" in str(caught.value)


async def test_broken_content_encoding_is_a_protocol_error():
    async with RawServer(_reply("200 OK", b"not gzip at all", "Content-Encoding: gzip",
                                "Content-Type: application/json")) as url:
        async with KlogsClient(Endpoints.same(url), Credentials("k", "s", "t"), timeout=2) as client:
            with pytest.raises(ProtocolError):
                await client.list_recurring()


async def test_retry_after_on_503_is_honoured_for_lookups():
    page = b'{"currentPage":1,"pageCount":0,"totalCount":0,"hasNext":false,"hasPrevious":false,"list":[]}'
    server = RawServer(_reply("503 Service Unavailable", b"", "Retry-After: 1"),
                       _reply("200 OK", page, "Content-Type: application/json"))
    retry = RecordingRetry()
    async with server as url:
        async with KlogsClient(Endpoints.same(url), Credentials("k", "s", "t"), timeout=2, retry=retry) as client:
            result = await client.list_recurring()
    assert result.total_count == 0 and server.requests == 2
    assert retry.waits == [(1, 1.0, 1.0)]


async def test_a_request_after_the_client_was_closed_is_connection_failed_and_nothing_is_sent(sandbox):
    """Saving Settings replaces the client and closes the old one; a screen's request still waiting to go
    on the old one (a health probe, a page of subscriptions) fails as "nothing was sent", not as a bug."""
    health: list[bool] = []
    client = make_client(sandbox)
    client.health_listeners.append(health.append)
    await client.aclose()
    with pytest.raises(ConnectionFailedError) as caught:
        await client.list_recurring()
    with pytest.raises(ConnectionFailedError):
        await client.pay(card_payment())
    assert "Nothing was sent" in str(caught.value) and "settings" in str(caught.value)
    assert health == [] and client.last_answer_at is None


@pytest.mark.parametrize("base_url", ["ftp://127.0.0.1:9", "127.0.0.1:9", "http://"])
async def test_unusable_gateway_address_is_connection_failed(base_url):
    async with KlogsClient(Endpoints.same(base_url), Credentials("k", "s", "t"), timeout=2) as client:
        with pytest.raises(ConnectionFailedError) as caught:
            await client.pay(card_payment())
    assert "Nothing was sent" in str(caught.value) and "Settings" in str(caught.value)
