"""The shop database's cost: pushing a big backlog, and what it adds to a sale at the counter.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_shop_db.py [-n 40] [--rows 10000]``

A PostgreSQL server of its own (``tests/shop_db/pg_server.py``: the distribution's binaries, a temporary
folder, loopback) and a ``klogs-sandbox --testing`` process. Printed, not asserted:

* **Backlog push**: ``--rows`` journal rows (each written as a sale: the pending insert and its outcome, so
  two outbox changes a row) pushed by :meth:`ShopSync.sync_once` from a cold start (schema migration
  included), next to the time the same rows took to write locally (yardstick, same run). The server is the
  tests' (``fsync=off``; the terminal's own transactions still use ``synchronous_commit=on``): the figure is
  the terminal's and the protocol's cost, not a shop server's disk.
* **Sale click-to-result** (Pay click to the APPROVED headline painted, as ``bench_terminal.py``) on three
  Sale tabs in the same run, one sale on each in turn: no shop database (yardstick), the shop database
  configured with its pusher running, and configured but unreachable (a port nobody listens on; the
  pusher retrying on its backoff). Target: both within 5 % of the yardstick at the median. Each round
  the three take turns in each place. On a loaded machine (the load average is printed) the medians move
  by more than 5 % from run to run; the next figure is the systematic part:
* **The outbox trigger's cost**: a sale's two journal commits with and without the outbox, alternating.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KLOGS_DESK_HOME", tempfile.mkdtemp(prefix="klogs-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qasync
from bench_client import CREDENTIALS, summary
from bench_subscriptions import start_sandbox
from bench_terminal import PaintClock, click_to_result
from PySide6.QtWidgets import QApplication

from klogs_desk.api.client import Endpoints, KlogsClient
from klogs_desk.callbacks import CallbackListener
from klogs_desk.composition import build_shop
from klogs_desk.domain.audit import AuditLog
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.services.audit import AuditTrail
from klogs_desk.services.context import AppServices
from klogs_desk.services.three_d_secure import ThreeDSecureService
from klogs_desk.shop.outbox import LocalTill
from klogs_desk.shop.settings import ShopSettings
from klogs_desk.shop.sync import ShopSync
from klogs_desk.ui.sale_tab import SaleTab
from tests.shop_db.pg_server import DATABASE, PASSWORD, USER, PostgresServer, free_port


def settings(port: int, till: str) -> ShopSettings:
    return ShopSettings(host="127.0.0.1", port=port, database=DATABASE, user=USER, password=PASSWORD, till=till)


def backlog(server: PostgresServer, rows: int) -> None:
    home = Path(tempfile.mkdtemp(prefix="klogs-bench-backlog-"))
    journal = Journal(home / "journal.sqlite3")
    sync = ShopSync(settings(server.port, "Backlog till"), LocalTill(home / "journal.sqlite3"))
    started = time.perf_counter()
    for n in range(rows):
        row = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=f"BL-{n}",
                                     amount=Decimal("12.34"), currency="TRY", masked_pan="4111 11** **** 1111")
        journal.record_outcome(row.id, EntryState.APPROVED, balance=Decimal("12.34"))
    written = time.perf_counter() - started
    changes = sync.local.journal_waiting()
    started = time.perf_counter()
    left = sync.sync_once()
    pushed = time.perf_counter() - started
    shop_rows = sync.database.count("entries")
    print(f"backlog: {rows:,} journal rows ({changes:,} outbox changes) pushed in {pushed:.2f} s "
          f"({rows / pushed:,.0f} rows/s, {changes / pushed:,.0f} changes/s); {shop_rows:,} rows in the shop, "
          f"{left} left waiting")
    print(f"  yardstick: writing those rows locally (synchronous=FULL, 2 commits a row) took {written:.2f} s; "
          f"push / local write = {pushed / written:.2f}")
    sync.close()
    sync.local.close()
    journal.close()


class Counter:
    """One Sale tab over a journal of its own, with or without a shop database."""

    def __init__(self, url: str, name: str, shop: ShopSettings | None) -> None:
        home = Path(tempfile.mkdtemp(prefix=f"klogs-bench-{name}-"))
        self.name = name
        self.client = KlogsClient(Endpoints.same(url), CREDENTIALS, timeout=30.0)
        self.journal = Journal(home / "journal.sqlite3")
        self.audit = AuditLog(home / "audit.sqlite3")
        self.sync: ShopSync | None = build_shop(shop, self.journal, self.audit, None) if shop else None
        self.services = AppServices(client=self.client, journal=self.journal,
                                    audit=AuditTrail(self.audit, current_operator=lambda: "Bench"))
        self.tab = SaleTab(self.services, three_d_secure=ThreeDSecureService(self.services, CallbackListener()),
                           idle_seconds=0)
        self.tab.confirm_duplicate = lambda message: True
        self.tab.resize(1100, 640)
        self.tab.show()
        self.clock = PaintClock(self.tab.result.status)
        self.tab.result.status.installEventFilter(self.clock)
        self.samples: list[float] = []

    async def close(self) -> None:
        if self.sync is not None:
            await self.sync.stop()
            self.sync.local.close()
        self.tab.close()
        await self.client.aclose()
        self.journal.close()
        self.audit.close()


async def counters(url: str, server: PostgresServer, n: int, warmup: int) -> None:
    tills = [Counter(url, "alone", None), Counter(url, "shop", settings(server.port, "Bench till")),
             Counter(url, "unreachable", settings(free_port(), "Bench till unreachable"))]
    for till in tills:
        if till.sync is not None:
            till.sync.start()
    cents = 0
    for round_ in range(warmup + n):
        # Each configuration takes each place in a round in turn (no one always follows the same one).
        for till in tills[round_ % 3:] + tills[:round_ % 3]:
            cents += 1
            took = await click_to_result(till.tab, till.clock, Decimal(100) + Decimal(cents) / 100)
            if round_ >= warmup:
                till.samples.append(took)
            await asyncio.sleep(0.005)
    print(f"\nsale click-to-result, N={n} per configuration after {warmup} warm-up, interleaved; ms")
    print(f"{'':<44}{'median':>9}{'p95':>9}{'ratio':>8}")
    base, _ = summary(tills[0].samples)
    labels = {"alone": "no shop database (yardstick)", "shop": "shop database configured, pushing",
              "unreachable": "shop database unreachable, retrying"}
    for till in tills:
        median, p95 = summary(till.samples)
        verdict = "" if till.name == "alone" else f"  goal <= 1.05: {'PASS' if median <= 1.05 * base else 'MISS'}"
        print(f"{labels[till.name]:<44}{median:>9.2f}{p95:>9.2f}{median / base:>8.3f}{verdict}")
    shop = tills[1].sync
    assert shop is not None
    for _ in range(200):
        if shop.status.waiting == 0 and shop.status.reachable:
            break
        await asyncio.sleep(0.05)
    unreachable = tills[2].sync
    assert unreachable is not None
    print(f"after the run: configured till {shop.status.waiting} records waiting (reachable {shop.status.reachable}); "
          f"unreachable till {unreachable.status.waiting} records waiting")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    for till in tills:
        await till.close()


def journal_writes(samples: int) -> None:
    """The outbox trigger's own cost on a sale's two journal commits, apart from the network and the pusher."""
    results = {}
    for outbox in (False, True, False, True):
        home = Path(tempfile.mkdtemp(prefix="klogs-bench-writes-"))
        journal = Journal(home / "journal.sqlite3")
        if outbox:
            LocalTill(home / "journal.sqlite3").close()
        took = []
        for n in range(samples):
            started = time.perf_counter()
            row = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=f"W-{n}",
                                         amount=Decimal("3.10"), currency="TRY", masked_pan="4111 11** **** 1111")
            journal.record_outcome(row.id, EntryState.APPROVED, balance=Decimal("3.10"))
            took.append((time.perf_counter() - started) * 1000)
        journal.close()
        results.setdefault(outbox, []).extend(took)
    plain, _ = summary(results[False])
    with_outbox, _ = summary(results[True])
    print(f"\na sale's two journal commits (synchronous=FULL), median of {2 * samples}: without outbox "
          f"{plain:.3f} ms, with the outbox trigger {with_outbox:.3f} ms ({with_outbox - plain:+.3f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=40, help="sales per configuration (default 40)")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--rows", type=int, default=10_000, help="journal rows of the backlog (default 10,000)")
    args = parser.parse_args()
    server = PostgresServer()
    server.start()
    process, url = start_sandbox(0)
    try:
        backlog(server, args.rows)
        journal_writes(300)
        app = QApplication.instance() or QApplication([])
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(counters(url, server, args.n, args.warmup))
    finally:
        process.terminate()
        process.wait(10)
        server.destroy()


if __name__ == "__main__":
    main()
