"""The training sandbox never holds up the window: requests sent before it serves wait for it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import time
from decimal import Decimal

import httpx
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
async def test_a_sandbox_that_cannot_start_gives_nothing_charged_not_outcome_unknown(tmp_path):
    # A sandbox process that exits before serving (a bundle without FastAPI, say).
    sandbox = EmbeddedSandbox(command=[sys.executable, "-c", "raise SystemExit('no FastAPI in this build')"])
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
            finally:
                await client.aclose()
                sandbox.stop()
    finally:
        journal.close()


def test_the_sandbox_runs_in_its_own_process_and_stops_with_stop():
    sandbox = EmbeddedSandbox()
    try:
        url = sandbox.wait_ready()
        assert sandbox.pid is not None and sandbox.pid != os.getpid()
        assert httpx.get(f"{url}/_sandbox/clock").status_code == 200
    finally:
        sandbox.stop()
    with pytest.raises(httpx.ConnectError):  # nothing listens any more
        httpx.get(f"{url}/_sandbox/clock")


def test_the_gateway_clock_moved_in_the_sandbox_process_is_the_terminals_gateway_clock():
    sandbox = EmbeddedSandbox()
    try:
        url = sandbox.wait_ready()
        before = sandbox.now()
        httpx.post(f"{url}/_sandbox/clock/advance", json={"seconds": 3 * 86400}).raise_for_status()
        deadline = time.monotonic() + 30  # the child reports the move on its pipe
        while sandbox.now() - before < dt.timedelta(days=3) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert sandbox.now() - before >= dt.timedelta(days=3)
    finally:
        sandbox.stop()


def test_the_sandbox_process_dies_with_a_terminal_that_was_killed(tmp_path):
    """A terminal killed outright (no clean quit) leaves no training gateway behind."""
    script = textwrap.dedent("""
        import sys, time
        from klogs_desk.embedded_sandbox import EmbeddedSandbox
        sandbox = EmbeddedSandbox()
        sandbox.wait_ready()
        print(sandbox.pid, sandbox.reserve(), flush=True)
        time.sleep(600)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        pid_text, url = parent.stdout.readline().split()  # type: ignore[union-attr]
        child = int(pid_text)
        assert httpx.get(f"{url}/_sandbox/clock").status_code == 200
        parent.kill()
        parent.wait(10)
        deadline = time.monotonic() + 30
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child)
    finally:
        if parent.poll() is None:
            parent.kill()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by init) counts as gone.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def test_where_no_process_can_inherit_the_sockets_a_thread_serves_with_the_same_clock(monkeypatch):
    monkeypatch.setattr(EmbeddedSandbox, "own_process", False)
    sandbox = EmbeddedSandbox()
    try:
        url = sandbox.wait_ready()
        assert sandbox.pid is None
        httpx.post(f"{url}/_sandbox/clock/advance", json={"seconds": 86400}).raise_for_status()
        assert sandbox.now() - dt.datetime.now(dt.timezone.utc) >= dt.timedelta(hours=23)
    finally:
        sandbox.stop()


def test_the_training_sandbox_process_keeps_the_limit_it_was_given():
    sandbox = EmbeddedSandbox(rate_limit_per_minute=2)
    try:
        url = sandbox.wait_ready()
        headers = {"X-API-KEY": "sandbox-key", "X-API-SECRET": "sandbox-secret"}
        answers = [httpx.get(f"{url}/api/trx/KD-NONE", headers=headers).status_code for _ in range(3)]
    finally:
        sandbox.stop()
    assert answers == [404, 404, 429]
