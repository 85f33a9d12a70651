"""Faults between a till and the shop database: the database stopped in the middle of a sync and started
again, a till killed (SIGKILL) between its local write and its push (and between the database's commit and
its own acknowledgement), the database unreachable when the till starts. After recovery nothing is lost,
nothing doubled, and every till's audit chain is intact in the shop's copy."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest

from klogs_desk.domain.backoff import Backoff
from klogs_desk.domain.journal import EntryKind, EntryState
from klogs_desk.shop import sync as sync_module
from klogs_desk.shop.sync import ShopSync
from tests.shop_db.tills import open_till

ROOT = Path(__file__).resolve().parents[2]
QUICK = Backoff(base=0.05, cap=0.2)


def write_sales(till, prefix: str, count: int) -> None:
    for n in range(count):
        row = till.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=f"{prefix}-{n}",
                                          amount=Decimal("1.25"), currency="TRY")
        till.journal.record_outcome(row.id, EntryState.APPROVED, balance=Decimal("1.25"))
        till.audit.append("sale", operator="Ayşe", details={"order_id": f"{prefix}-{n}"})


def shop_counts(server, till: str) -> tuple[int, int, int, int]:
    """Rows, changes, distinct changes and audit records the shop holds of ``till``."""
    with psycopg.connect(server.conninfo()) as conn:
        rows = conn.execute("SELECT count(*) FROM entries WHERE till_id = %s", (till,)).fetchone()[0]
        changes, distinct = conn.execute("SELECT count(*), count(DISTINCT local_seq) FROM journal_changes "
                                         "WHERE till_id = %s", (till,)).fetchone()
        audit = conn.execute("SELECT count(*) FROM audit_records WHERE till_id = %s", (till,)).fetchone()[0]
    return rows, changes, distinct, audit


def assert_complete(server, till) -> None:
    """The shop has every row (in its latest state) and record of ``till``, once, the chain intact."""
    local_rows = {e.id: e for e in till.journal.search(limit=10**6)}
    rows, changes, distinct, audit = shop_counts(server, till.sync.till)
    assert rows == len(local_rows)
    assert changes == distinct
    assert audit == till.audit.count()
    shop = {r.entry.id: r.entry for r in till.sync.database.entries(till=till.sync.till, limit=10**6)}
    assert {k: (e.state, e.balance) for k, e in shop.items()} == {k: (e.state, e.balance)
                                                                for k, e in local_rows.items()}
    verification = till.sync.database.verify_audit(till.sync.till)
    assert verification.intact and verification.records == till.audit.count()
    assert till.sync.local.waiting() == 0


def test_the_database_stopped_in_the_middle_of_a_sync_and_started_again(shop_database, tmp_path, monkeypatch):
    monkeypatch.setattr(sync_module, "BATCH", 20)
    till = open_till(tmp_path / "till", shop_database, "Till 1")
    try:
        write_sales(till, "MID", 400)
        failed: list[BaseException] = []

        def push() -> None:
            try:
                till.sync.sync_once()
            except Exception as exc:
                failed.append(exc)

        pusher = threading.Thread(target=push)
        pusher.start()
        # Stop the server once some batches are in and more are still to go.
        while True:
            with psycopg.connect(shop_database.conninfo()) as conn:
                exists = conn.execute("SELECT to_regclass('journal_changes')").fetchone()[0]
                received = conn.execute("SELECT count(*) FROM journal_changes").fetchone()[0] if exists else 0
            if received >= 100:
                break
        shop_database.stop("immediate")
        pusher.join(60)
        assert failed, "the sync ended before the server stopped"
        assert till.sync.local.waiting() > 0
        write_sales(till, "DOWN", 20)  # the till goes on selling meanwhile
        shop_database.start()
        assert till.sync.sync_once() == 0
        assert till.sync.sync_once() == 0  # again: nothing more, nothing twice
        assert_complete(shop_database, till)
    finally:
        till.close()


@pytest.mark.parametrize("mode", ["written", "pushed"])
def test_a_till_killed_between_its_local_write_and_its_push(shop_database, tmp_path, mode):
    home = tmp_path / "killed"
    command = [sys.executable, "-m", "tests.shop_db.till_process", str(home), str(shop_database.port), mode, "30"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if mode == "written":
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None and process.stdout.readline().strip() == "written"
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    else:
        process = subprocess.run(command, cwd=ROOT, env=env, timeout=120)
        assert process.returncode == -signal.SIGKILL
        _, changes, _, _ = shop_counts(shop_database, "Killed till")
        assert changes == 10  # the first batch reached the shop; the till never heard it did
    till = open_till(home, shop_database, "Killed till")  # the same app home starts again
    try:
        assert till.sync.local.waiting() == 30 * 2 + 30  # two journal writes and one audit record a sale
        assert till.sync.sync_once() == 0
        assert_complete(shop_database, till)
        assert len(till.journal.search(limit=1000)) == 30
    finally:
        till.close()


@pytest.mark.anyio
async def test_the_database_unreachable_at_start_then_back(shop_database, tmp_path):
    shop_database.stop()
    till = open_till(tmp_path / "till", shop_database, "Till 1")
    sync: ShopSync = till.sync
    sync.backoff = QUICK
    seen: list[tuple[int, bool]] = []
    sync.listeners.append(lambda status: seen.append((status.waiting, status.reachable)))
    sync.start()
    try:
        write_sales(till, "OFF", 5)  # sales go on: nothing waits for the database
        while not seen or seen[-1] != (15, False):
            await asyncio.sleep(0.02)
        shop_database.start()
        while not seen or seen[-1] != (0, True):
            await asyncio.sleep(0.02)
        assert_complete(shop_database, till)
    finally:
        await sync.stop()
        till.close()
