"""Fault injection and the admin API: what the client and the ledger see when the gateway misbehaves."""

from __future__ import annotations

from decimal import Decimal

import anyio
import httpx
import pytest

from klogs_desk.api.errors import (
    ConflictError,
    NotFoundError,
    OutcomeUnknownError,
    RateLimitedError,
    ServerError,
)
from klogs_desk.api.models import TransactionStatus, VoidRequest
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig

try:
    from tests.conftest import make_client
except ImportError:  # pragma: no cover
    from conftest import make_client

from test_payment_api import VISA, card

pytestmark = pytest.mark.anyio


async def arm(server, **faults) -> dict:  # type: ignore[no-untyped-def]
    async with httpx.AsyncClient(base_url=server.url) as admin:
        answer = await admin.post("/_sandbox/faults", json=faults)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def test_server_errors_answer_503_without_processing(fresh_sandbox):
    await arm(fresh_sandbox, serverErrors=1)
    request = card(VISA)
    async with make_client(fresh_sandbox) as client:
        with pytest.raises(ServerError) as caught:
            await client.pay(request)
        with pytest.raises(NotFoundError):
            await client.get_transaction(request.order_id)
        after = await client.pay(request)  # the fault was used up; nothing had been recorded
    assert caught.value.status == 503
    assert after.approved
    assert fresh_sandbox.state.extras["ledger"].charges_for(request.order_id) == 1


async def test_drop_after_processing_is_outcome_unknown_and_the_ledger_has_the_charge(fresh_sandbox):
    await arm(fresh_sandbox, dropAfterProcessing=1)
    request = card(VISA, amount="77.70")
    async with make_client(fresh_sandbox) as client:
        with pytest.raises(OutcomeUnknownError) as caught:
            await client.pay(request)
        found = await client.get_transaction(request.order_id)
        replay = await client.pay(request)  # the same orderId answers the original result
    assert caught.value.reference == request.order_id
    assert found.status is TransactionStatus.SUCCESS and found.amount == Decimal("77.70")
    assert replay.payment_id == found.id
    assert fresh_sandbox.state.extras["ledger"].charges_for(request.order_id) == 1
    async with httpx.AsyncClient(base_url=fresh_sandbox.url) as admin:
        listing = (await admin.get("/_sandbox/ledger")).json()
    assert listing["charges"] == {request.order_id: 1}
    assert listing["records"][0]["pan"] == "411111******1111"
    assert VISA not in str(listing)


async def test_drop_before_processing_is_outcome_unknown_and_nothing_was_charged(fresh_sandbox):
    await arm(fresh_sandbox, dropBeforeProcessing=1)
    request = card(VISA)
    async with make_client(fresh_sandbox) as client:
        with pytest.raises(OutcomeUnknownError):
            await client.pay(request)
        with pytest.raises(NotFoundError):
            await client.get_transaction(request.order_id)
    assert fresh_sandbox.state.extras["ledger"].charges_for(request.order_id) == 0


async def test_injected_rate_limit_carries_retry_after(fresh_sandbox):
    await arm(fresh_sandbox, rateLimited=1)
    async with make_client(fresh_sandbox) as client:
        with pytest.raises(RateLimitedError) as caught:
            await client.pay(card(VISA))
    assert caught.value.retry_after == 2


async def test_latency_longer_than_the_client_timeout_still_charges(fresh_sandbox):
    await arm(fresh_sandbox, latencyMs=2000)
    request = card(VISA)
    async with make_client(fresh_sandbox, timeout=1.0) as client:
        with pytest.raises(OutcomeUnknownError):
            await client.pay(request)
    async with httpx.AsyncClient(base_url=fresh_sandbox.url) as admin:
        assert (await admin.delete("/_sandbox/faults")).json()["latencyMs"] == 0
    async with make_client(fresh_sandbox, timeout=5.0) as client:
        # The gateway processes the payment once the delay is over, long after the client gave up.
        with anyio.fail_after(10):
            while True:
                try:
                    found = await client.get_transaction(request.order_id)
                    break
                except NotFoundError:
                    await anyio.sleep(0.1)
    assert found.status is TransactionStatus.SUCCESS
    assert fresh_sandbox.state.extras["ledger"].charges_for(request.order_id) == 1


async def test_admin_api_refuses_bad_faults_and_moves_the_clock(fresh_sandbox):
    async with httpx.AsyncClient(base_url=fresh_sandbox.url) as admin:
        bad = await admin.post("/_sandbox/faults", json={"serverErrors": -1, "explode": 1})
        before = (await admin.get("/_sandbox/clock")).json()["now"]
        moved = await admin.post("/_sandbox/clock/advance", json={"seconds": 86400})
        backwards = await admin.post("/_sandbox/clock/advance", json={"seconds": -5})
    assert bad.status_code == 400 and set(bad.json()["errors"]) == {"serverErrors", "explode"}
    assert moved.status_code == 200 and moved.json()["now"][:10] > before[:10]
    assert backwards.status_code == 400 and "seconds" in backwards.json()["errors"]


@pytest.mark.parametrize(("path", "body", "refused"), [
    ("/_sandbox/faults", {"serverErrors": 1, "latencyMs": True, "explode": 1}, {"latencyMs", "explode"}),
    ("/_sandbox/dialect", {"enums": "shouting", "nullPages": 1, "unreadable": -1, "naiveDates": True, "colour": 1},
     {"enums", "nullPages", "unreadable", "colour"}),
])
async def test_a_switch_set_with_one_bad_key_arms_nothing_and_names_every_bad_key(sandbox, path, body, refused):
    """Faults and dialects are armed by one rule: all keys valid, or nothing changes and each bad key is named."""
    async with httpx.AsyncClient(base_url=sandbox.url) as admin:
        before = (await admin.get(path)).json()
        bad = await admin.post(path, json=body)
        after = (await admin.get(path)).json()
    assert bad.status_code == 400 and set(bad.json()["errors"]) == refused
    assert after == before  # the valid keys of a refused request were not armed either


async def test_clock_advance_settles_payments_so_void_turns_into_refund(fresh_sandbox):
    request = card(VISA)
    async with make_client(fresh_sandbox) as client:
        await client.pay(request)
        async with httpx.AsyncClient(base_url=fresh_sandbox.url) as admin:
            await admin.post("/_sandbox/clock/advance", json={"seconds": 90000})
        with pytest.raises(ConflictError):
            await client.void(VoidRequest(reference_code=request.order_id))


def test_fault_endpoints_are_404_when_testing_is_off():
    with SandboxServer(SandboxConfig(testing=False)) as server:
        with httpx.Client(base_url=server.url) as admin:
            assert admin.post("/_sandbox/faults", json={"serverErrors": 1}).status_code == 404
            assert admin.delete("/_sandbox/faults").status_code == 404
            assert admin.get("/_sandbox/ledger").status_code == 200
        spec = httpx.get(server.url + "/openapi.json").json()
    assert not any(path.startswith(("/_sandbox", "/_acs", "/checkout-link")) for path in spec["paths"])
