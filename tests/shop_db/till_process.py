"""A till in a process of its own, for the SIGKILL tests: ``python -m tests.shop_db.till_process HOME PORT MODE N``.

MODE ``written``: write N sales to the journal (each with its audit record), print ``written``, wait to be
killed (nothing pushed). MODE ``pushed``: write N sales, then push, and kill itself with SIGKILL right
after the shop database committed the first batch and before this till acknowledged it.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from decimal import Decimal
from pathlib import Path

from klogs_desk.domain.journal import EntryKind, EntryState
from klogs_desk.shop import sync as sync_module
from tests.shop_db.pg_server import PostgresServer
from tests.shop_db.tills import open_till


class _Server(PostgresServer):
    def __init__(self, port: int) -> None:  # the parent's server: only its port is needed
        self.port = port


def main() -> None:
    home, port, mode, count = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    till = open_till(home, _Server(port), "Killed till")
    for n in range(count):
        row = till.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=f"K-{mode}-{n}",
                                          amount=Decimal("2.50"), currency="TRY")
        till.journal.record_outcome(row.id, EntryState.APPROVED, balance=Decimal("2.50"))
        till.audit.append("sale", operator="Ayşe", details={"n": n})
    if mode == "written":
        print("written", flush=True)
        while True:
            time.sleep(1)
    sync_module.BATCH = 10

    def killed_before_acknowledging(up_to_seq: int) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    till.sync.local.journal_pushed = killed_before_acknowledging  # type: ignore[method-assign]
    till.sync.sync_once()


if __name__ == "__main__":
    main()
