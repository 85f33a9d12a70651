"""The payment orders this terminal created (``POST /paymentOrder``), kept in its own records.

The gateway documents no way to list or read payment orders back, so without this an order vanished from
the screen once created. Each accepted order is written here with what the terminal sent and the status
the gateway reported in its answer (``orderStatus``; ``None`` when it reported none): "status as far as
known". A small SQLite file of its own next to the journal (0600, like the journal), one row per order.
No Qt, no HTTP.

"As far as known" also follows the card-storage flow: the owner's phone is kept with each order, and
:meth:`PaymentOrderBook.moved_on` marks the orders of a phone that waited for the owner's confirmation (the
owner was registered) or for the card (the owner's card was saved) as ``active``, as the gateway moves them on
then (the sandbox does; the docs give no way to read an order back to be sure).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..paths import private_file

_SCHEMA = """
CREATE TABLE IF NOT EXISTS payment_orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    environment TEXT NOT NULL,
    reference TEXT NOT NULL,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    payment_time TEXT NOT NULL,
    status TEXT,
    phone TEXT
);
"""


@dataclass(frozen=True)
class PaymentOrder:
    id: int
    created_at: dt.datetime
    environment: str
    reference: str
    amount: Decimal
    currency: str
    #: When the gateway is to take the payment (UTC).
    payment_time: dt.datetime
    #: The gateway's ``orderStatus`` when the order was created (e.g. ``waitForOwnerConfirmation``), if given.
    status: str | None


class PaymentOrderBook:
    """``PaymentOrderBook(path)`` (``":memory:"`` for tests); :meth:`record` after the gateway accepted an
    order, :meth:`orders` to list an environment's, newest first."""

    def __init__(self, path: Path | str) -> None:
        if path != ":memory:":
            private_file(path)  # 0600 before SQLite opens it
        self._db = sqlite3.connect(str(path), isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.executescript(_SCHEMA)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(payment_orders)")}
        if "phone" not in columns:  # a book written before the card-storage flow
            self._db.execute("ALTER TABLE payment_orders ADD COLUMN phone TEXT")

    def record(self, *, environment: str, reference: str, amount: Decimal, currency: str,
               payment_time: dt.datetime, status: str | None, phone: str | None = None) -> PaymentOrder:
        row = self._db.execute(
            "INSERT INTO payment_orders (created_at, environment, reference, amount, currency, payment_time, status,"
            " phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *",
            (dt.datetime.now(dt.timezone.utc).isoformat(), environment, reference, str(amount), currency,
             payment_time.astimezone(dt.timezone.utc).isoformat(), status, phone)).fetchone()
        return _from_row(row)

    def moved_on(self, environment: str, phone: str, waiting_for: str) -> int:
        """Mark ``phone``'s orders whose status is ``waiting_for`` as ``active``; how many changed."""
        cursor = self._db.execute("UPDATE payment_orders SET status = 'active' WHERE environment = ? AND phone = ? "
                                  "AND status = ?", (environment, phone, waiting_for))
        return cursor.rowcount

    def orders(self, environment: str) -> list[PaymentOrder]:
        rows = self._db.execute("SELECT * FROM payment_orders WHERE environment = ? ORDER BY id DESC",
                                (environment,)).fetchall()
        return [_from_row(row) for row in rows]

    def close(self) -> None:
        self._db.close()


def _from_row(row: sqlite3.Row) -> PaymentOrder:
    return PaymentOrder(id=row["id"], created_at=dt.datetime.fromisoformat(row["created_at"]),
                        environment=row["environment"], reference=row["reference"], amount=Decimal(row["amount"]),
                        currency=row["currency"], payment_time=dt.datetime.fromisoformat(row["payment_time"]),
                        status=row["status"])
