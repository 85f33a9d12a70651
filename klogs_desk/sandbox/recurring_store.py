"""SQLite storage for the sandbox's card owners, subscriptions and payment orders.

In memory when ``SandboxConfig.database`` is ``None``, else in that file (WAL) so a restarted sandbox
still has its subscriptions. Paging, sorting and filtering are done by SQLite with an index per sortable
column, so a page of 100,000 subscriptions comes back in milliseconds.

Storage choices:

* Times are UTC text of one fixed width (``2027-03-01T00:00:00.000000Z``), so text order is time order.
* Amounts keep the merchant's exact text (``"99.90"``); a zero-padded copy (``amount_key``) sorts them as
  numbers without going through float.
* Every subscription has a row number (``seq``) that breaks ties, so paging is stable when many rows
  share a sort value.
* Nothing here stores a card number: a subscription knows only the card's id.

The store is shared by the server's thread and whoever advances the clock (a test thread, the admin
route): every method takes one re-entrant lock, and :meth:`RecurringStore.locked` lets the scheduler
hold it across a read-modify-write.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import sqlite3
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Iterator
from uuid import UUID

from ..api.models.recurring import Frequency, OrderDirection, RegisteredPaymentStatus

UTC = dt.timezone.utc

#: ``OrderBy`` value (camelCase, as on the wire) -> column. Keys equal ``api.models.recurring.SORTABLE_FIELDS``.
SORT_COLUMNS: dict[str, str] = {
    "createdAtUtc": "created_at",
    "reference": "reference",
    "amount": "amount_key",
    "status": "status",
    "nextPaymentAtUtc": "next_payment_at",
    "lastPaymentAtUtc": "last_payment_at",
    "phone": "phone",
    "email": "email",
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS recurring_owners (
    phone TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    registered_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS recurring_subscriptions (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    reference TEXT NOT NULL UNIQUE,
    amount TEXT NOT NULL,
    amount_key TEXT NOT NULL,
    currency_code TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    explanation TEXT,
    payment_system_id TEXT,
    payment_system_group_id TEXT,
    payment_channel TEXT,
    full_name TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT,
    card_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    frequency TEXT NOT NULL,
    interval INTEGER NOT NULL,
    day_of_month INTEGER,
    month_of_year INTEGER,
    first_payment_time TEXT NOT NULL,
    last_payment_time TEXT,
    next_payment_at TEXT,
    last_payment_at TEXT
);
CREATE INDEX IF NOT EXISTS recurring_by_created ON recurring_subscriptions (created_at, seq);
CREATE INDEX IF NOT EXISTS recurring_by_amount ON recurring_subscriptions (amount_key, seq);
CREATE INDEX IF NOT EXISTS recurring_by_status ON recurring_subscriptions (status, seq);
CREATE INDEX IF NOT EXISTS recurring_by_next ON recurring_subscriptions (next_payment_at, seq);
CREATE INDEX IF NOT EXISTS recurring_by_last ON recurring_subscriptions (last_payment_at, seq);
CREATE INDEX IF NOT EXISTS recurring_by_phone ON recurring_subscriptions (phone, seq);
CREATE INDEX IF NOT EXISTS recurring_by_email ON recurring_subscriptions (email, seq);
CREATE INDEX IF NOT EXISTS recurring_by_reference ON recurring_subscriptions (reference, seq);
CREATE INDEX IF NOT EXISTS recurring_due ON recurring_subscriptions (status, next_payment_at);
CREATE TABLE IF NOT EXISTS recurring_runs (
    subscription_seq INTEGER NOT NULL REFERENCES recurring_subscriptions (seq),
    paid_at TEXT NOT NULL,
    amount TEXT NOT NULL,
    currency_code TEXT NOT NULL,
    PRIMARY KEY (subscription_seq, paid_at)
);
CREATE TABLE IF NOT EXISTS recurring_payment_orders (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    reference TEXT NOT NULL UNIQUE,
    amount TEXT NOT NULL,
    currency_code TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    explanation TEXT,
    payment_system_id TEXT,
    payment_channel TEXT,
    full_name TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT,
    card_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    payment_time TEXT NOT NULL,
    paid_at TEXT
);
CREATE INDEX IF NOT EXISTS payment_orders_due ON recurring_payment_orders (status, payment_time);
"""


class DuplicateReferenceError(Exception):
    """A subscription or payment order with this reference already exists."""


def time_text(value: dt.datetime | None) -> str | None:
    """``2027-03-01T00:00:00.000000Z`` (isoformat rather than strftime: seeding calls this 500,000 times)."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def time_of(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)


def amount_key(amount: Decimal) -> str:
    """Fixed-width text that sorts like the (positive) amount: ``00000000000000000099.9000``."""
    return format(amount.quantize(Decimal("0.0001")), "025.4f")


@dataclasses.dataclass
class Subscription:
    """One subscription as the sandbox keeps it (``seq`` is 0 until stored)."""

    id: UUID
    reference: str
    amount: Decimal
    currency_code: str
    status: RegisteredPaymentStatus
    created_at: dt.datetime
    full_name: str
    phone: str
    card_id: UUID
    owner_id: str
    frequency: Frequency
    interval: int
    first_payment_time: dt.datetime
    day_of_month: int | None = None
    month_of_year: int | None = None
    last_payment_time: dt.datetime | None = None
    next_payment_at: dt.datetime | None = None
    last_payment_at: dt.datetime | None = None
    email: str | None = None
    explanation: str | None = None
    payment_system_id: UUID | None = None
    payment_system_group_id: UUID | None = None
    payment_channel: str | None = None
    seq: int = 0

    def to_wire(self) -> dict[str, Any]:
        """The list item of ``GET /recurring`` (the docs' fields plus our ``frequency``)."""
        return {
            "id": self.id,
            "amount": self.amount,
            "currencyCode": self.currency_code,
            "status": self.status.value,
            "createdAtUtc": self.created_at,
            "reference": self.reference,
            "explanation": self.explanation,
            "frequency": self.frequency.value,
            "interval": self.interval,
            "dayOfMonth": self.day_of_month,
            "monthOfYear": self.month_of_year,
            "nextPaymentAtUtc": self.next_payment_at,
            "lastPaymentAtUtc": self.last_payment_at,
            "phone": self.phone,
            "email": self.email,
        }


@dataclasses.dataclass
class PaymentOrder:
    """One future one-time payment (``POST /paymentOrder``)."""

    id: UUID
    reference: str
    amount: Decimal
    currency_code: str
    status: RegisteredPaymentStatus
    created_at: dt.datetime
    full_name: str
    phone: str
    card_id: UUID
    owner_id: str
    payment_time: dt.datetime
    email: str | None = None
    explanation: str | None = None
    payment_system_id: UUID | None = None
    payment_channel: str | None = None
    paid_at: dt.datetime | None = None
    seq: int = 0


_SUBSCRIPTION_COLUMNS = (
    "id", "reference", "amount", "amount_key", "currency_code", "status", "created_at", "explanation",
    "payment_system_id", "payment_system_group_id", "payment_channel", "full_name", "phone", "email", "card_id",
    "owner_id", "frequency", "interval", "day_of_month", "month_of_year", "first_payment_time",
    "last_payment_time", "next_payment_at", "last_payment_at",
)
_ORDER_COLUMNS = (
    "id", "reference", "amount", "currency_code", "status", "created_at", "explanation", "payment_system_id",
    "payment_channel", "full_name", "phone", "email", "card_id", "owner_id", "payment_time", "paid_at",
)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def subscription_row(sub: Subscription) -> tuple[Any, ...]:
    """The values of ``_SUBSCRIPTION_COLUMNS`` for ``sub`` (also used by the seeder's executemany)."""
    return (
        str(sub.id), sub.reference, str(sub.amount), amount_key(sub.amount), sub.currency_code, sub.status.value,
        time_text(sub.created_at), sub.explanation, _text(sub.payment_system_id),
        _text(sub.payment_system_group_id), sub.payment_channel, sub.full_name, sub.phone, sub.email,
        str(sub.card_id), sub.owner_id, sub.frequency.value, sub.interval, sub.day_of_month, sub.month_of_year,
        time_text(sub.first_payment_time), time_text(sub.last_payment_time), time_text(sub.next_payment_at),
        time_text(sub.last_payment_at),
    )


def _uuid_or_none(text: str | None) -> UUID | None:
    return None if text is None else UUID(text)


def _subscription_of(row: sqlite3.Row) -> Subscription:
    return Subscription(
        seq=row["seq"], id=UUID(row["id"]), reference=row["reference"], amount=Decimal(row["amount"]),
        currency_code=row["currency_code"], status=RegisteredPaymentStatus(row["status"]),
        created_at=time_of(row["created_at"]), explanation=row["explanation"],  # type: ignore[arg-type]  # NOT NULL column: time_of never gives None here
        payment_system_id=_uuid_or_none(row["payment_system_id"]),
        payment_system_group_id=_uuid_or_none(row["payment_system_group_id"]),
        payment_channel=row["payment_channel"], full_name=row["full_name"], phone=row["phone"],
        email=row["email"], card_id=UUID(row["card_id"]), owner_id=row["owner_id"],
        frequency=Frequency(row["frequency"]), interval=row["interval"], day_of_month=row["day_of_month"],
        month_of_year=row["month_of_year"],
        first_payment_time=time_of(row["first_payment_time"]),  # type: ignore[arg-type]  # NOT NULL column: time_of never gives None here
        last_payment_time=time_of(row["last_payment_time"]), next_payment_at=time_of(row["next_payment_at"]),
        last_payment_at=time_of(row["last_payment_at"]),
    )


def _order_row(order: PaymentOrder) -> tuple[Any, ...]:
    return (
        str(order.id), order.reference, str(order.amount), order.currency_code, order.status.value,
        time_text(order.created_at), order.explanation, _text(order.payment_system_id), order.payment_channel,
        order.full_name, order.phone, order.email, str(order.card_id), order.owner_id,
        time_text(order.payment_time), time_text(order.paid_at),
    )


def _order_of(row: sqlite3.Row) -> PaymentOrder:
    return PaymentOrder(
        seq=row["seq"], id=UUID(row["id"]), reference=row["reference"], amount=Decimal(row["amount"]),
        currency_code=row["currency_code"], status=RegisteredPaymentStatus(row["status"]),
        created_at=time_of(row["created_at"]), explanation=row["explanation"],  # type: ignore[arg-type]  # NOT NULL column: time_of never gives None here
        payment_system_id=_uuid_or_none(row["payment_system_id"]), payment_channel=row["payment_channel"],
        full_name=row["full_name"], phone=row["phone"], email=row["email"], card_id=UUID(row["card_id"]),
        owner_id=row["owner_id"], payment_time=time_of(row["payment_time"]),  # type: ignore[arg-type]  # NOT NULL column: time_of never gives None here
        paid_at=time_of(row["paid_at"]),
    )


@dataclasses.dataclass(frozen=True)
class PageRequest:
    page: int = 1
    page_size: int = 10
    order_by: str = "createdAtUtc"
    direction: OrderDirection = OrderDirection.ASC
    subscription: str | None = None


class RecurringStore:
    def __init__(self, database: Path | None = None) -> None:
        self._lock = threading.RLock()
        target = str(database) if database is not None else ":memory:"
        self._db = sqlite3.connect(target, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        if database is not None:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        #: Bumped on every write; the list's ``stateKey`` so a client can tell the data changed between pages.
        self._version = 0
        self._count_cache: tuple[int, int] | None = None  # (version, count of all subscriptions)

    # --- plumbing -----------------------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store for a read-modify-write that must not interleave with a request."""
        with self._lock:
            yield

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            self._version += 1

    @property
    def state_key(self) -> str:
        return f"v{self._version:x}"

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- owners -------------------------------------------------------------------------------------

    def register_owner(self, phone: str, owner_id: str, now: dt.datetime) -> None:
        """Record ``phone`` as a registered card owner (registering again keeps the first record)."""
        with self._transaction() as db:
            db.execute("INSERT OR IGNORE INTO recurring_owners (phone, owner_id, registered_at) VALUES (?, ?, ?)",
                       (phone, owner_id, time_text(now)))

    def is_owner_registered(self, phone: str) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM recurring_owners WHERE phone = ?", (phone,)).fetchone() is not None

    # --- subscriptions ------------------------------------------------------------------------------

    def add_subscription(self, sub: Subscription) -> Subscription:
        placeholders = ", ".join("?" for _ in _SUBSCRIPTION_COLUMNS)
        try:
            with self._transaction() as db:
                cursor = db.execute(
                    f"INSERT INTO recurring_subscriptions ({', '.join(_SUBSCRIPTION_COLUMNS)}) VALUES ({placeholders})",
                    subscription_row(sub))
        except sqlite3.IntegrityError:
            raise DuplicateReferenceError(sub.reference) from None
        sub.seq = int(cursor.lastrowid or 0)
        return sub

    def add_subscriptions(self, rows: Iterable[tuple[Any, ...]]) -> int:
        """Insert many ``subscription_row`` tuples in one transaction, skipping existing references."""
        placeholders = ", ".join("?" for _ in _SUBSCRIPTION_COLUMNS)
        with self._transaction() as db:
            before = db.total_changes
            db.executemany(
                f"INSERT OR IGNORE INTO recurring_subscriptions ({', '.join(_SUBSCRIPTION_COLUMNS)}) "
                f"VALUES ({placeholders})", rows)
            return db.total_changes - before

    def save_subscription(self, sub: Subscription) -> None:
        """Write back every column of a subscription read from this store."""
        assignments = ", ".join(f"{column} = ?" for column in _SUBSCRIPTION_COLUMNS)
        with self._transaction() as db:
            db.execute(f"UPDATE recurring_subscriptions SET {assignments} WHERE seq = ?",
                       (*subscription_row(sub), sub.seq))

    def subscription_by_id(self, subscription_id: UUID) -> Subscription | None:
        return self._one("SELECT * FROM recurring_subscriptions WHERE id = ?", (str(subscription_id),))

    def subscription_by_reference(self, reference: str) -> Subscription | None:
        return self._one("SELECT * FROM recurring_subscriptions WHERE reference = ?", (reference,))

    def _one(self, sql: str, params: tuple[Any, ...]) -> Subscription | None:
        with self._lock:
            row = self._db.execute(sql, params).fetchone()
        return _subscription_of(row) if row is not None else None

    def page(self, request: PageRequest) -> tuple[int, list[Subscription]]:
        """``(total matching, the subscriptions on the requested page)``; sorting and paging in SQL."""
        column = SORT_COLUMNS[request.order_by]
        direction = "DESC" if request.direction is OrderDirection.DESC else "ASC"
        where, params = ("WHERE reference = ?", (request.subscription,)) if request.subscription is not None \
            else ("", ())
        # A page past the end is empty; capped because SQLite integers stop at 2**63 (Page=10**20 was a 500).
        offset = min((request.page - 1) * request.page_size, 2**62)
        with self._lock:
            total = self._count(where, params)
            rows = self._db.execute(
                f"SELECT * FROM recurring_subscriptions {where} ORDER BY {column} {direction}, seq {direction} "
                "LIMIT ? OFFSET ?", (*params, request.page_size, offset)).fetchall()
        return total, [_subscription_of(row) for row in rows]

    def _count(self, where: str, params: tuple[Any, ...]) -> int:
        if where:
            return int(self._db.execute(f"SELECT COUNT(*) FROM recurring_subscriptions {where}", params).fetchone()[0])
        if self._count_cache is None or self._count_cache[0] != self._version:
            count = int(self._db.execute("SELECT COUNT(*) FROM recurring_subscriptions").fetchone()[0])
            self._count_cache = (self._version, count)
        return self._count_cache[1]

    def subscriptions_due(self, now: dt.datetime) -> list[Subscription]:
        """Active subscriptions whose next payment is at or before ``now``, or that have ended by ``now``."""
        # Two queries, not one with OR: each can use the (status, next_payment_at) index, so the scheduler
        # costs microseconds before every request even with 100,000 subscriptions.
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM recurring_subscriptions WHERE status = 'active' AND next_payment_at <= ?",
                (time_text(now),)).fetchall()
            rows += self._db.execute(
                "SELECT * FROM recurring_subscriptions WHERE status = 'active' AND next_payment_at IS NULL "
                "AND last_payment_time <= ?", (time_text(now),)).fetchall()
        return [_subscription_of(row) for row in rows]

    def subscriptions_waiting_for(self, phone: str, status: RegisteredPaymentStatus =
                                  RegisteredPaymentStatus.WAIT_FOR_OWNER_CONFIRMATION) -> list[Subscription]:
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM recurring_subscriptions WHERE phone = ? AND status = ?",
                (phone, status.value)).fetchall()
        return [_subscription_of(row) for row in rows]

    def record_runs(self, sub: Subscription, paid_at: list[dt.datetime]) -> None:
        """Save ``sub`` (already moved on by the scheduler) and the payments it made, atomically."""
        assignments = ", ".join(f"{column} = ?" for column in _SUBSCRIPTION_COLUMNS)
        with self._transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO recurring_runs (subscription_seq, paid_at, amount, currency_code) "
                "VALUES (?, ?, ?, ?)",
                [(sub.seq, time_text(when), str(sub.amount), sub.currency_code) for when in paid_at])
            db.execute(f"UPDATE recurring_subscriptions SET {assignments} WHERE seq = ?",
                       (*subscription_row(sub), sub.seq))

    def payments_of(self, subscription_id: UUID) -> list[dt.datetime]:
        """Every payment the scheduler made for a subscription, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT r.paid_at FROM recurring_runs r JOIN recurring_subscriptions s ON s.seq = r.subscription_seq "
                "WHERE s.id = ? ORDER BY r.paid_at", (str(subscription_id),)).fetchall()
        return [time_of(row[0]) for row in rows]  # type: ignore[misc]  # paid_at is NOT NULL: time_of never gives None here

    # --- payment orders -----------------------------------------------------------------------------

    def add_order(self, order: PaymentOrder) -> PaymentOrder:
        placeholders = ", ".join("?" for _ in _ORDER_COLUMNS)
        try:
            with self._transaction() as db:
                cursor = db.execute(
                    f"INSERT INTO recurring_payment_orders ({', '.join(_ORDER_COLUMNS)}) VALUES ({placeholders})",
                    _order_row(order))
        except sqlite3.IntegrityError:
            raise DuplicateReferenceError(order.reference) from None
        order.seq = int(cursor.lastrowid or 0)
        return order

    def save_order(self, order: PaymentOrder) -> None:
        assignments = ", ".join(f"{column} = ?" for column in _ORDER_COLUMNS)
        with self._transaction() as db:
            db.execute(f"UPDATE recurring_payment_orders SET {assignments} WHERE seq = ?",
                       (*_order_row(order), order.seq))

    def order_by_reference(self, reference: str) -> PaymentOrder | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM recurring_payment_orders WHERE reference = ?",
                                   (reference,)).fetchone()
        return _order_of(row) if row is not None else None

    def orders_due(self, now: dt.datetime) -> list[PaymentOrder]:
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM recurring_payment_orders WHERE status = 'active' AND payment_time <= ?",
                (time_text(now),)).fetchall()
        return [_order_of(row) for row in rows]

    def orders_waiting_for(self, phone: str, status: RegisteredPaymentStatus =
                           RegisteredPaymentStatus.WAIT_FOR_OWNER_CONFIRMATION) -> list[PaymentOrder]:
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM recurring_payment_orders WHERE phone = ? AND status = ?",
                (phone, status.value)).fetchall()
        return [_order_of(row) for row in rows]
