"""What durability costs on this disk: fsync, a WAL commit with synchronous FULL vs NORMAL, and the
journal's two writes per sale (pending before sending, outcome after).

Run: ``.venv/bin/python benchmarks/bench_journal.py [--dir /tmp] [-n 300]``

Printed, not asserted. The journal keeps ``synchronous=FULL`` (see ``klogs_desk/domain/journal.py``); this
shows what that choice costs per sale on the machine at hand, next to what ``NORMAL`` would save.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from klogs_desk.domain.journal import EntryKind, EntryState, Journal


def _summary(samples_ms: list[float]) -> str:
    ordered = sorted(samples_ms)
    return f"median {statistics.median(ordered):7.3f} ms   p95 {ordered[int(len(ordered) * 0.95) - 1]:7.3f} ms"


def _timed(n: int, action) -> list[float]:  # type: ignore[no-untyped-def]
    samples = []
    for i in range(n):
        started = time.perf_counter()
        action(i)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=None, help="directory on the disk to measure (default: the temp dir)")
    parser.add_argument("-n", type=int, default=300, help="samples per line (default 300)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="klogs-fsync-", dir=args.dir))
    print(f"disk under {folder}; n={args.n}")

    descriptor = os.open(folder / "raw", os.O_WRONLY | os.O_CREAT)
    try:
        for name, sync in (("fsync", os.fsync), ("fdatasync", os.fdatasync)):
            def append_and_sync(_i: int, sync=sync) -> None:
                os.write(descriptor, b"x" * 4096)
                sync(descriptor)
            print(f"{name + ' of a 4 KiB append':<42}{_summary(_timed(args.n, append_and_sync))}")
    finally:
        os.close(descriptor)

    for level in ("FULL", "NORMAL"):
        db = sqlite3.connect(folder / f"wal_{level}.sqlite3", isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(f"PRAGMA synchronous={level}")
        db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)")
        samples = _timed(args.n, lambda _i, db=db: db.execute("INSERT INTO t (a) VALUES (?)", ("x" * 200,)))
        print(f"{'WAL commit, synchronous=' + level:<42}{_summary(samples)}")
        db.close()

    journal = Journal(folder / "journal.sqlite3")
    try:
        def one_sale(i: int) -> None:
            entry = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=f"BENCH-{i}",
                                           amount=Decimal("10.00"), currency="TRY",
                                           masked_pan="411111******1111", card_brand="Visa")
            journal.record_outcome(entry.id, EntryState.APPROVED, auth_code="123456", balance=entry.amount)
        print(f"{'journal: pending + outcome (one sale)':<42}{_summary(_timed(args.n, one_sale))}")
    finally:
        journal.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
