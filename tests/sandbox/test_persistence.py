"""A sandbox that remembers: with a file, a restarted sandbox still has yesterday's payments, checkout
links, subscriptions and its clock; without one (the tests' default) it forgets everything."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import stat
from decimal import Decimal

import pytest

from klogs_desk.api.models import CheckoutRequest, PaymentStatus, RefundRequest, ThreeDSecureCompleteRequest
from klogs_desk.sandbox.persistence import SCHEMA_VERSION, SandboxDatabaseError
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig

try:
    from tests.conftest import make_client
    from tests.sandbox.test_payment_api import VISA, answer_challenge, card, order_id, three_ds
    from tests.sandbox.test_recurring_api import find, registered_phone, subscription
except ImportError:  # pragma: no cover - depends on how pytest was started
    from conftest import make_client
    from test_payment_api import VISA, answer_challenge, card, order_id, three_ds
    from test_recurring_api import find, registered_phone, subscription

pytestmark = pytest.mark.anyio


def sandbox_on(database) -> SandboxServer:  # type: ignore[no-untyped-def]
    return SandboxServer(SandboxConfig(database=database))


def ledger(server):  # type: ignore[no-untyped-def]
    return server.state.extras["ledger"]


async def test_yesterdays_payment_is_still_refundable_after_a_restart(tmp_path):
    database = tmp_path / "sandbox.sqlite3"
    sale = card(VISA, amount="120.00")
    with sandbox_on(database) as server:
        async with make_client(server) as client:
            paid = await client.pay(sale)
        server.state.clock.advance(dt.timedelta(days=1))  # past the cut-off: settled, refund only
    with sandbox_on(database) as restarted:
        async with make_client(restarted) as client:
            found = await client.get_transaction(sale.order_id)
            refunded = await client.refund(RefundRequest(reference_code=sale.order_id, amount=Decimal("20.00")))
            again = await client.pay(sale)  # the cashier retries the same sale: answered, not charged again
            after = await client.get_transaction(sale.order_id)
        assert ledger(restarted).charges_for(sale.order_id) == 1
    assert found.order_id == sale.order_id and found.amount == Decimal("120.00")
    assert refunded.success
    assert again.payment_id == paid.payment_id and again.status is PaymentStatus.SUCCESS
    assert after.balance == Decimal("100.00")


async def test_the_clock_subscriptions_and_checkout_links_survive_a_restart(tmp_path):
    database = tmp_path / "sandbox.sqlite3"
    with sandbox_on(database) as server:
        async with make_client(server) as client:
            phone = await registered_phone(client)
            request = subscription(server, phone=phone)
            await client.create_recurring(request)
            before = await find(client, request.reference)
            link = await client.create_checkout(CheckoutRequest(order_id=order_id(), amount=Decimal("42.00"),
                                                                currency="TRY"))
        moved_to = server.state.clock.advance(dt.timedelta(days=3, hours=2))
    with sandbox_on(database) as restarted:
        now = restarted.state.clock.now()
        async with make_client(restarted) as client:
            after = await find(client, request.reference)
            pending = await client.get_checkout(link.checkout_id)
    assert dt.timedelta(0) <= now - moved_to < dt.timedelta(minutes=5)  # still three days ahead
    assert after.id == before.id and after.reference == before.reference
    assert pending.status is PaymentStatus.PENDING and pending.amount == Decimal("42.00")


async def test_a_3ds_challenge_started_before_a_restart_can_be_finished_after_it(tmp_path):
    database = tmp_path / "sandbox.sqlite3"
    request = three_ds(VISA)
    with sandbox_on(database) as server:
        async with make_client(server) as client:
            enrollment = await client.start_3ds(request)
        old_bank = server.acs_url
    with sandbox_on(database) as restarted:
        # A restarted sandbox listens on new ports: the bank's page is reopened at its new address.
        page = enrollment.html_content.replace(old_bank, restarted.acs_url)
        posted = await answer_challenge(restarted, page, "approve")
        async with make_client(restarted) as client:
            done = await client.complete_3ds(enrollment.payment_id,
                                             ThreeDSecureCompleteRequest(security_key=posted["fields"]["securityKey"]))
    assert done.status is PaymentStatus.SUCCESS and done.order_id == request.order_id


async def test_the_file_is_private_versioned_and_holds_no_card_number(tmp_path):
    database = tmp_path / "sandbox.sqlite3"
    with sandbox_on(database) as server:
        async with make_client(server) as client:
            await client.pay(card(VISA))
    written = b"".join(path.read_bytes() for path in tmp_path.iterdir())
    assert VISA.encode() not in written
    # The CVV as a value of its own (a column, a JSON field): three digits can also occur by chance inside a
    # random id or a timestamp (CI once found "916" in one), so only a standalone 916 counts.
    assert not re.search(rb"(?<![0-9A-Za-z.])916(?![0-9A-Za-z.])", written)
    assert b"411111******1111" in written  # the masked PAN is what it keeps
    for path in tmp_path.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_file_from_a_newer_version_is_refused_not_misread(tmp_path):
    database = tmp_path / "sandbox.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SandboxDatabaseError, match="newer"):
        sandbox_on(database)


async def test_without_a_file_a_new_sandbox_starts_empty(tmp_path):
    sale = card(VISA)
    with SandboxServer(SandboxConfig()) as server:
        assert server.config.database is None
        async with make_client(server) as client:
            await client.pay(sale)
    with SandboxServer(SandboxConfig()) as fresh:
        assert ledger(fresh).by_order(sale.order_id) is None
    assert list(tmp_path.iterdir()) == []


async def test_a_request_writes_only_what_it_changed(tmp_path):
    """The file's writes cost the same after a year of training: a lookup writes nothing, a refund one row."""
    from klogs_desk.sandbox.persistence import database_of

    with sandbox_on(tmp_path / "sandbox.sqlite3") as server:
        database = database_of(server.state)
        async with make_client(server) as client:
            sales = [card(VISA, amount=f"{10 + n}.00") for n in range(5)]
            for sale in sales:
                await client.pay(sale)
            assert database.flush(server.state) == 0  # each answer was written before it left
            await client.get_transaction(sales[0].order_id)
            assert database.flush(server.state) == 0  # looked at, unchanged: nothing to write
            ledger(server).by_order(sales[1].order_id).voided = True  # as a void would, without a request
            assert database.flush(server.state) == 1
