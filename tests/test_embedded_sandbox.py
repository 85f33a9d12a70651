"""The training sandbox never holds up the window: requests sent before it serves wait for it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from klogs_desk.api.errors import NotFoundError
from klogs_desk.config import Config
from klogs_desk.credentials import SANDBOX_CREDENTIALS
from klogs_desk.domain.journal import Journal
from klogs_desk.environments import EmbeddedSandbox, build_client
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState, PaymentService


def order(order_id: str) -> CardOrder:
    year = f"{(dt.date.today().year + 2) % 100:02d}"
    return CardOrder(order_id=order_id, amount=Decimal("12.50"), currency="TRY", holder="Early Bird",
                     pan="4111111111111111", expiry_month="12", expiry_year=year, cvv="123")


@pytest.mark.anyio
async def test_a_sale_sent_before_the_sandbox_serves_waits_for_it_and_is_approved(tmp_path):
    sandbox = EmbeddedSandbox()
    url = sandbox.reserve()  # the port only: FastAPI not started yet
    assert not sandbox.running
    client = build_client(Config(), "sandbox", SANDBOX_CREDENTIALS, url)
    journal = Journal(tmp_path / "journal.sqlite3")
    try:
        outcome = await PaymentService(AppServices(client=client, journal=journal)).sale(order("KD-EARLY-1"))
        assert outcome.state is OutcomeState.APPROVED
        assert sandbox.running
        with pytest.raises(NotFoundError):  # later requests go straight through
            await client.get_transaction("KD-NO-SUCH-ORDER")
    finally:
        await client.aclose()
        journal.close()
        sandbox.stop()


@pytest.mark.anyio
async def test_a_sandbox_that_cannot_start_gives_nothing_charged_not_outcome_unknown(tmp_path, monkeypatch):
    import klogs_desk.sandbox.server as server_module

    class BrokenServer:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise OSError("no FastAPI in this build")

    monkeypatch.setattr(server_module, "SandboxServer", BrokenServer)
    sandbox = EmbeddedSandbox()
    client = build_client(Config(), "sandbox", SANDBOX_CREDENTIALS, sandbox.url())
    journal = Journal(tmp_path / "journal.sqlite3")
    try:
        outcome = await PaymentService(AppServices(client=client, journal=journal)).sale(order("KD-BROKEN-1"))
        assert outcome.state is OutcomeState.ERROR
        assert "Nothing was sent" in outcome.message
        with pytest.raises(RuntimeError, match="could not start"):
            sandbox.wait_ready()
    finally:
        await client.aclose()
        journal.close()
        sandbox.stop()


def test_the_url_is_known_at_once_and_stays_the_same_once_serving():
    sandbox = EmbeddedSandbox()
    try:
        url = sandbox.reserve()
        assert url.startswith("http://127.0.0.1:")
        assert sandbox.url() == url
        assert sandbox.wait_ready() == url
        assert EmbeddedSandbox.serving(url) is sandbox
    finally:
        sandbox.stop()
    assert EmbeddedSandbox.serving(url) is None


@pytest.mark.anyio
async def test_a_restarted_training_sandbox_still_finds_the_days_payments(tmp_path):
    """As a new user tried it: pay in training mode, quit, start again, look the payment up (Details)."""
    from klogs_desk import paths

    home = paths.app_home()  # what the card-data scan reads
    assert paths.sandbox_path().parent == home  # the terminal's own file (app.py passes it)
    database = home / f"sandbox-restart-{tmp_path.name}.sqlite3"
    journal = Journal(tmp_path / "journal.sqlite3")
    try:
        for attempt in ("before", "after"):
            sandbox = EmbeddedSandbox(database=database)
            client = build_client(Config(), "sandbox", SANDBOX_CREDENTIALS, sandbox.url())
            try:
                if attempt == "before":
                    sale = await PaymentService(AppServices(client=client, journal=journal)).sale(order("KD-KEPT-1"))
                    assert sale.state is OutcomeState.APPROVED
                else:
                    found = await client.get_transaction("KD-KEPT-1")
                    assert found.amount == Decimal("12.50")
                assert sandbox._server is not None and sandbox._server.config.rate_limit_per_minute == 100
            finally:
                await client.aclose()
                sandbox.stop()
    finally:
        journal.close()
