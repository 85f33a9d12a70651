"""The audit trail's cost: one append (target ≤ 2 ms) next to a bare SQLite insert with ``synchronous=FULL``
in the same run (the yardstick: what the disk allows), and verifying a chain of 100,000 records (target ≤ 2 s).

Run: ``.venv/bin/python benchmarks/bench_audit.py [--dir /tmp] [-n 300] [--chain 100000]``

Printed, with each target; the exit code is 1 when a median misses its target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_journal import _summary, _timed  # the same timing and summary as the journal's benchmark

from klogs_desk.domain.audit import GENESIS_HASH, AuditLog, details_text, record_hash

APPEND_TARGET_MS = 2.0
VERIFY_TARGET_S = 2.0


def _chain(path: Path, count: int) -> None:
    """``count`` valid records written in one transaction (building the chain is not what is measured)."""
    log = AuditLog(path)
    log.close()
    db = sqlite3.connect(path)
    prev = GENESIS_HASH
    start = dt.datetime(2026, 12, 1, 8, tzinfo=dt.timezone.utc)
    rows = []
    for seq in range(1, count + 1):
        at = (start + dt.timedelta(seconds=seq)).isoformat(timespec="microseconds")
        details = details_text({"order_id": f"KD-20261201-{seq:06d}", "amount": "125.50", "currency": "TRY",
                                "outcome": "done"})
        digest = record_hash(seq, at, "refund", "Ayşe", "Mehmet", details, True, prev)
        rows.append((seq, at, "refund", "Ayşe", "Mehmet", details, 1, prev, digest))
        prev = digest
    db.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", default=None, help="where to write (default: a temporary folder)")
    parser.add_argument("-n", type=int, default=300, help="appends to time")
    parser.add_argument("--chain", type=int, default=100_000, help="records in the chain to verify")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(dir=args.dir, prefix="bench-audit-"))
    try:
        bare = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
        bare.execute("PRAGMA journal_mode=WAL")
        bare.execute("PRAGMA synchronous=FULL")
        bare.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, at TEXT, body TEXT)")
        yardstick = _timed(args.n, lambda i: bare.execute("INSERT INTO t (at, body) VALUES (?, ?)",
                                                          (time.time(), "x" * 200)))
        bare.close()

        log = AuditLog(folder / "audit.sqlite3")
        appends = _timed(args.n, lambda i: log.append(
            "refund", operator="Ayşe", approver="Mehmet", training=True,
            details={"order_id": f"KD-{i:06d}", "amount": "125.50", "currency": "TRY", "outcome": "done"}))
        assert log.verify().intact
        log.close()

        _chain(folder / "chain.sqlite3", args.chain)
        chain = AuditLog(folder / "chain.sqlite3")
        started = time.perf_counter()
        result = chain.verify()
        verify_s = time.perf_counter() - started
        chain.close()
        assert result.intact and result.records == args.chain, result.text

        append_median = statistics.median(appends)
        print(f"bare SQLite insert, synchronous=FULL (yardstick)  {_summary(yardstick)}")
        print(f"audit append (hash chain, FULL)                   {_summary(appends)}   target ≤ {APPEND_TARGET_MS} ms")
        print(f"verify a chain of {args.chain:,} records                 {verify_s:7.3f} s"
              f"               target ≤ {VERIFY_TARGET_S} s")
        return 0 if append_median <= APPEND_TARGET_MS and verify_s <= VERIFY_TARGET_S else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
