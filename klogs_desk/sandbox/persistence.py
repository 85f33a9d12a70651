"""The sandbox's memory: its whole state in one SQLite file, so a restarted sandbox carries on.

With ``SandboxConfig.database`` set (training mode sets it to a file under the app home), the sandbox keeps
in that file:

* the ledger: every payment, pre-authorization, 3-D Secure payment and checkout payment with its captures,
  voids and refunds, and the 3-D Secure state of a payment still waiting for its challenge (a restarted
  sandbox lets the customer finish it); the orderIds they hold stay used (idempotency survives);
* how many times the issuer was asked to authorize money per orderId (:meth:`Ledger.charges_for`);
* checkout links, paid or not;
* the simulated clock's offset (a sandbox moved to next week stays in next week);
* owners, subscriptions, their runs and payment orders: :class:`~.recurring_store.RecurringStore`'s own
  tables, in the same file. (The docs give no route to list payment orders, so the sandbox offers none
  either: the terminal lists the ones it created from its own records, domain/payment_orders.py.)

Without it everything stays in memory, as tests expect unless they ask for a file.

Never stored: a card number or CVV. A ledger record holds the masked PAN (first six, last four), the
holder's name, the brand and the result; nothing in the sandbox ever held more than that after the
issuer's decision (tests/test_zz_card_data_at_rest.py scans the file).

How it is written (the sandbox's choices; nothing in the docs covers a sandbox's storage):

* **When.** After every request, before its answer's first byte leaves (:class:`PersistMiddleware`), so an
  answer the terminal saw is on disk; after every clock move; and when the server stops. A background
  task that changes a record without a request (the never-answering test card finishing, a checkout
  callback) is written by the next request or at stop.
* **What.** Only what changed: the ledger and the checkout book hand over the records and links given out
  since the last write (``take_touched``: nothing else can have changed; the one background task that
  changes a record it holds, the never-answering card's late approval, says so with ``Ledger.touch``),
  and each one's JSON is compared with what was last written. So a
  request costs the same after a day or a year of training.
* **Schema.** ``PRAGMA user_version`` says which layout the file has (:data:`SCHEMA_VERSION`). A new file is
  created at the current version and an older one is upgraded in place; a file written by a newer terminal
  is refused with :class:`SandboxDatabaseError` rather than misread. WAL journal, ``synchronous=NORMAL``.
* **Privacy.** The file and its ``-wal``/``-shm`` companions are made readable by the user only (0600), as
  everything else the terminal writes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import json
import os
import sqlite3
import threading
import types
import typing
import uuid
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .checkout import CheckoutBook, CheckoutLink, book_of
from .ledger import Ledger, LedgerRecord, ledger_of

#: The layout this code reads and writes (``PRAGMA user_version``). 0 is a file from before it kept more
#: than the recurring tables (or a new, empty file): upgraded by creating the tables below.
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sandbox_ledger (
    order_id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL UNIQUE,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sandbox_charges (
    order_id TEXT PRIMARY KEY,
    charges INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sandbox_checkouts (
    checkout_id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL UNIQUE,
    link TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sandbox_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

PRIVATE_FILE_MODE = 0o600


class SandboxDatabaseError(RuntimeError):
    """The sandbox's file cannot be used (written by a newer version); ``str(err)`` says which file and why."""


# --- JSON for the ledger's dataclasses -------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_encode(item) for item in value]
    return value


def _decode(hint: Any, value: Any) -> Any:
    """``value`` (from :func:`_encode`) back as ``hint``: dataclasses, enums, Decimal, UUID, datetime,
    ``X | None`` and ``list[X]``: what the ledger's records are made of."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _decode(options[0], value)
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_decode(item, v) for v in value]
    if dataclasses.is_dataclass(hint):
        return _from_dict(hint, value)  # type: ignore[arg-type]  # is_dataclass(hint) holds: hint is a dataclass type
    if isinstance(hint, type):
        if issubclass(hint, enum.Enum):
            return hint(value)
        if hint is decimal.Decimal:
            return decimal.Decimal(value)
        if hint is uuid.UUID:
            return uuid.UUID(value)
        if hint is dt.datetime:
            return dt.datetime.fromisoformat(value)
    return value


def _from_dict(cls: type, data: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{name: _decode(hints[name], v) for name, v in data.items() if name in names})


def _dumps(value: Any) -> str:
    return json.dumps(_encode(value), sort_keys=True, separators=(",", ":"))


# --- the file ----------------------------------------------------------------------------------------------


def _private(path: Path) -> None:
    try:
        os.chmod(path, PRIVATE_FILE_MODE)
    except (FileNotFoundError, PermissionError):
        pass


class SandboxDatabase:
    """The sandbox's file: :meth:`load` once at start, :meth:`flush` after each change, :meth:`close`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE))  # 0600 before SQLite opens it
        _private(self.path)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        try:
            version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise SandboxDatabaseError(
                    f"{self.path} was written by a newer klogs-desk (sandbox schema {version}, this one reads "
                    f"up to {SCHEMA_VERSION}). Start the sandbox with another file or update klogs-desk.")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
            if version < SCHEMA_VERSION:
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            self._db.close()
            raise
        for suffix in ("-wal", "-shm"):
            _private(Path(f"{self.path}{suffix}"))
        #: What was last written, per key, so :meth:`flush` writes only what changed.
        self._saved_records: dict[str, str] = {}
        self._saved_charges: dict[str, int] = {}
        self._saved_links: dict[str, str] = {}
        self._saved_offset: str | None = None
        self._closed = False

    def load(self, state: Any) -> None:
        """Fill ``state``'s ledger, checkout book and clock from the file (call before building routers)."""
        ledger, book = ledger_of(state), book_of(state)
        with self._lock:
            records = self._db.execute("SELECT order_id, record FROM sandbox_ledger").fetchall()
            charges = self._db.execute("SELECT order_id, charges FROM sandbox_charges").fetchall()
            links = self._db.execute("SELECT checkout_id, link FROM sandbox_checkouts").fetchall()
            offset = self._db.execute("SELECT value FROM sandbox_meta WHERE key = 'clock_offset'").fetchone()
        ledger.restore([_from_dict(LedgerRecord, json.loads(text)) for _, text in records],
                       {order_id: int(count) for order_id, count in charges})
        book.restore([_from_dict(CheckoutLink, json.loads(text)) for _, text in links])
        self._saved_records = dict(records)
        self._saved_charges = {order_id: int(count) for order_id, count in charges}
        self._saved_links = dict(links)
        if offset is not None:
            self._saved_offset = offset[0]
            state.clock.restore(dt.timedelta(microseconds=int(offset[0])))

    def flush(self, state: Any) -> int:
        """Write what changed in ``state`` since the last flush; how many rows were written."""
        ledger: Ledger = ledger_of(state)
        book: CheckoutBook = book_of(state)
        with ledger.lock:
            records = [(r.order_id, str(r.payment_id), _dumps(r)) for r in ledger.take_touched()]
            charges = ledger.charge_counts()
        links = [(str(link.checkout_id), link.order_id, _dumps(link)) for link in book.take_touched()]
        offset = state.clock.offset
        offset_text = str((offset.days * 86_400 + offset.seconds) * 1_000_000 + offset.microseconds)
        with self._lock:
            if self._closed:
                return 0
            changed_records = [row for row in records if self._saved_records.get(row[0]) != row[2]]
            changed_charges = [(k, v) for k, v in charges.items() if self._saved_charges.get(k) != v]
            changed_links = [row for row in links if self._saved_links.get(row[0]) != row[2]]
            clock_moved = offset_text != self._saved_offset
            written = len(changed_records) + len(changed_charges) + len(changed_links) + int(clock_moved)
            if not written:
                return 0
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    "INSERT INTO sandbox_ledger (order_id, payment_id, record) VALUES (?, ?, ?) "
                    "ON CONFLICT (order_id) DO UPDATE SET record = excluded.record", changed_records)
                self._db.executemany(
                    "INSERT INTO sandbox_charges (order_id, charges) VALUES (?, ?) "
                    "ON CONFLICT (order_id) DO UPDATE SET charges = excluded.charges", changed_charges)
                self._db.executemany(
                    "INSERT INTO sandbox_checkouts (checkout_id, order_id, link) VALUES (?, ?, ?) "
                    "ON CONFLICT (checkout_id) DO UPDATE SET link = excluded.link", changed_links)
                if clock_moved:
                    self._db.execute(
                        "INSERT INTO sandbox_meta (key, value) VALUES ('clock_offset', ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (offset_text,))
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            self._saved_records.update({row[0]: row[2] for row in changed_records})
            self._saved_charges.update(changed_charges)
            self._saved_links.update({row[0]: row[2] for row in changed_links})
            self._saved_offset = offset_text
        return written

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._db.close()


def database_of(state: Any) -> SandboxDatabase | None:
    """The state's file (``state.extras["database"]``), or None when the sandbox keeps everything in memory."""
    return state.extras.get("database")


def attach(state: Any) -> SandboxDatabase | None:
    """Open ``state.config.database`` (if set), load it into ``state`` and keep it writing: after each clock
    move here, after each request through :class:`PersistMiddleware`. Call before the routers are built."""
    path = state.config.database
    if path is None:
        return None
    database = SandboxDatabase(path)
    try:
        database.load(state)
    except BaseException:
        database.close()
        raise
    state.extras["database"] = database
    state.clock.on_advance(lambda _now: database.flush(state))
    return database


class PersistMiddleware:
    """Writes the sandbox's changes before each answer leaves (so what the terminal saw is on disk)."""

    def __init__(self, app: ASGIApp, state: Any) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        database = database_of(self.state)
        if scope["type"] != "http" or database is None:
            await self.app(scope, receive, send)
            return

        async def send_after_flush(message: Message) -> None:
            if message["type"] == "http.response.start":
                database.flush(self.state)
            await send(message)

        await self.app(scope, receive, send_after_flush)
