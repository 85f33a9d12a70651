"""The transaction journal: every payment the terminal sent, written *before* it is sent.

A row is inserted as ``pending`` before a payment request leaves the terminal and updated with the
outcome afterwards. A row still ``pending`` when the app starts belonged to a run that died mid-request:
it becomes ``unknown`` and waits for reconciliation. SQLite in WAL mode with full sync, one transaction
per change, so a killed process never leaves a torn database.

Durability and speed of a sale (the hot path is one insert before sending and one update after; each is a
single statement, hence a single transaction, and returns the row it wrote with ``RETURNING *`` so nothing
is read back):

* ``synchronous=FULL`` stays, for every commit. In WAL mode ``NORMAL`` only syncs the WAL at a checkpoint: a
  commit survives a killed *process* (the WAL is in the OS page cache) but not a power cut or kernel panic,
  which can roll the database back to the last checkpoint. The pending row is the only record that a
  request which may have charged the card ever left; losing it to a power cut after the request was sent
  would let the cashier charge again without a warning, so its commit must reach the disk before sending.
  ``PRAGMA synchronous`` can be set per connection (and between transactions), but ``NORMAL`` for the
  outcome commit would trade a lost APPROVED/DECLINED (the row would come back ``unknown`` and need the
  gateway) for about 0.3 ms, so it is ``FULL`` too. Measured on the development machine's disk (ext4 on a
  virtio disk, ``/tmp``): ``fsync`` of a 4 KiB append 0.32 ms median, 1.4 ms p95; a WAL commit 0.27 ms
  with ``FULL`` against 0.006 ms with ``NORMAL``. Two fsyncs a sale is the floor for the guarantee.
* A failed insert (order ID already used) commits nothing, so the retry lookup runs only then, not before
  every sale (:meth:`Journal.record_pending` is tried first by the payment service).
* The double-charge guard reads with :meth:`Journal.similar_payment`: the window of approved sales comes
  from the ``entries_recent`` index on (environment, kind, created_at) and unresolved rows from
  ``entries_state``; only the id, amount and masked card of candidates are read, and the full row only for
  a match, so the guard does not slow down as a busy day's journal grows.

Never stored: a full PAN (masked only, enforced by :func:`_guard_card_numbers`), CVV, expiry, secrets.

The card-number guard masks free text and refuses only identifiers. The detector
(:func:`~klogs_desk.domain.cards.find_pans`) masks any Luhn-valid window of 13-19 digits, so ordinary text
(a customer ID, a gateway message, a note) can look like a card number; refusing it would leave a sale
that was charged without its journal row. Free-text fields (:data:`_REDACTED_FIELDS`) are stored with
every card number masked instead. Fields that are keys or must be matched exactly later (the order ID,
payment and checkout IDs, the masked PAN, the checkout link...) are refused: masking would silently
corrupt them, and none of them can hold a card number legitimately. The order ID is checked before the
payment is sent, so a refusal there moves no money; the gateway's IDs are UUIDs by the API's types and a
UUID in them is never taken for a card number (:data:`_GATEWAY_UUID_FIELDS`), so a payment already made
is not left without its outcome.
"""

from __future__ import annotations

import datetime as dt
import enum
import sqlite3
import threading
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from ..frozen import Frozen, init
from ..messages import Message, english, from_stored, msg, to_stored
from ..paths import narrow, open_private, private_file
from .cards import UUID, find_pans, last_four, redact_pans

if TYPE_CHECKING:
    # The writer and reader threads start at the first write or read, exports (csv) at the first export:
    # their modules are imported there, after the first frame (issue 19).
    from concurrent.futures import Future, ThreadPoolExecutor

    from .journal_export import ExportJob


class EntryKind(str, enum.Enum):
    SALE = "sale"
    SALE_3DS = "sale_3ds"
    PREAUTH = "preauth"
    CAPTURE = "capture"
    CHECKOUT = "checkout"
    VOID = "void"
    REFUND = "refund"


class EntryState(str, enum.Enum):
    #: Written, request about to be sent or in flight.
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"
    #: The gateway answered with an error: nothing was done.
    ERROR = "error"
    #: Sent, no answer: may or may not have been charged. Needs reconciliation.
    UNKNOWN = "unknown"
    #: The card needs 3-D Secure; this request charged nothing.
    ENROLLED = "enrolled"
    #: Reconciled: the gateway does not know the reference; nothing was charged.
    NOT_CHARGED = "not_charged"
    #: A 3-D Secure challenge or checkout link waiting for the card holder.
    AWAITING_CUSTOMER = "awaiting_customer"
    CANCELLED = "cancelled"


UNRESOLVED_STATES = frozenset({EntryState.PENDING, EntryState.UNKNOWN})


class DuplicateReferenceError(Exception):
    """A payment of this kind with this order ID is already in the journal: it must not be sent again."""


class Entry(Frozen):
    """One row of the journal: a payment or operation, its state and what the gateway answered."""

    id: int
    created_at: dt.datetime
    updated_at: dt.datetime
    environment: str
    kind: EntryKind
    reference: str
    parent_id: int | None
    amount: Decimal
    currency: str
    state: EntryState
    masked_pan: str | None
    card_brand: str | None
    card_holder: str | None
    customer_id: str | None
    payment_id: str | None
    auth_code: str | None
    result_code: str | None
    #: The gateway's own words (its resultMessage, as it sent them) or the terminal's message code.
    result_message: Message | None
    installment_count: int | None
    checkout_id: str | None
    redirect_url: str | None
    #: What is left to capture (pre-authorizations) or to refund (sales, captures), when known.
    balance: Decimal | None
    approved_by: str | None
    resolution: Message | None
    resolved_at: dt.datetime | None
    note: Message | None
    #: Who made the row (the signed-in operator's name); rows written before operators existed: "unknown".
    operator: str | None
    #: A void or refund of a payment made at another till of the shop (:mod:`klogs_desk.shop`): that till's
    #: name and its row's id there. ``parent_id`` is then None (the payment is not in this journal).
    parent_till: str | None
    parent_entry: int | None

    __slots__ = ("id", "created_at", "updated_at", "environment", "kind", "reference", "parent_id", "amount",
                 "currency", "state", "masked_pan", "card_brand", "card_holder", "customer_id", "payment_id",
                 "auth_code", "result_code", "result_message", "installment_count", "checkout_id", "redirect_url",
                 "balance", "approved_by", "resolution", "resolved_at", "note", "operator", "parent_till",
                 "parent_entry")

    def __init__(self, id: int, created_at: dt.datetime, updated_at: dt.datetime, environment: str, kind: EntryKind,
                 reference: str, parent_id: int | None, amount: Decimal, currency: str, state: EntryState,
                 masked_pan: str | None = None, card_brand: str | None = None, card_holder: str | None = None,
                 customer_id: str | None = None, payment_id: str | None = None, auth_code: str | None = None,
                 result_code: str | None = None, result_message: Message | None = None,
                 installment_count: int | None = None, checkout_id: str | None = None,
                 redirect_url: str | None = None, balance: Decimal | None = None, approved_by: str | None = None,
                 resolution: Message | None = None, resolved_at: dt.datetime | None = None,
                 note: Message | None = None, operator: str | None = None, parent_till: str | None = None,
                 parent_entry: int | None = None) -> None:
        init(self, id, created_at, updated_at, environment, kind, reference, parent_id, amount, currency, state,
             masked_pan, card_brand, card_holder, customer_id, payment_id, auth_code, result_code, result_message,
             installment_count, checkout_id, redirect_url, balance, approved_by, resolution, resolved_at, note,
             operator, parent_till, parent_entry)

    @property
    def unresolved(self) -> bool:
        return self.state in UNRESOLVED_STATES


class Listing(Frozen):
    """The Journal tab's rows for a set of filters (:meth:`Journal.listing`)."""

    #: Every matching row's id, newest first.
    ids: list[int]
    #: The entries of the first ids, in the same order, and their children by parent id.
    entries: list[Entry]
    children: dict[int, list[Entry]]
    #: Everyone who made a row in the environment (the operator filter's choices).
    operators: list[str]

    __slots__ = ("ids", "entries", "children", "operators")

    def __init__(self, ids: list[int], entries: list[Entry], children: dict[int, list[Entry]],
                 operators: list[str]) -> None:
        init(self, ids, entries, children, operators)


_COLUMNS = list(Entry.__slots__)
#: Columns exported as numbers (never neutralised as text: an amount stays a number in a spreadsheet).
_NUMERIC_COLUMNS = frozenset({"id", "parent_id", "amount", "installment_count", "balance", "parent_entry"})
_DECIMALS = {"amount", "balance"}
_DATES = {"created_at", "updated_at", "resolved_at"}
#: Columns holding a message: stored as JSON of its code and parameters (see :mod:`klogs_desk.messages`);
#: text (the gateway's own words, a cashier's description, rows written before codes) is stored as it is.
_MESSAGES = {"result_message", "resolution", "note"}
_MUTABLE = set(_COLUMNS) - {"id", "created_at", "environment", "kind", "reference", "parent_id", "parent_till",
                            "parent_entry"}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    environment TEXT NOT NULL,
    kind TEXT NOT NULL,
    reference TEXT NOT NULL,
    parent_id INTEGER REFERENCES entries(id),
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    state TEXT NOT NULL,
    masked_pan TEXT, card_brand TEXT, card_holder TEXT, customer_id TEXT,
    payment_id TEXT, auth_code TEXT, result_code TEXT, result_message TEXT,
    installment_count INTEGER, checkout_id TEXT, redirect_url TEXT,
    balance TEXT, approved_by TEXT, resolution TEXT, resolved_at TEXT, note TEXT, operator TEXT,
    parent_till TEXT, parent_entry INTEGER
);
-- One payment per order ID and kind in an environment: the database itself refuses a second send. (Voids and
-- refunds of another till's payments have no local parent and are not payments: they are not counted.)
CREATE UNIQUE INDEX IF NOT EXISTS one_payment_per_order_here
    ON entries(environment, kind, reference) WHERE parent_id IS NULL AND parent_till IS NULL;
CREATE INDEX IF NOT EXISTS entries_state ON entries(state);
CREATE INDEX IF NOT EXISTS entries_created ON entries(created_at);
CREATE INDEX IF NOT EXISTS entries_parent ON entries(parent_id);
-- The double-charge guard's window of recent payments (Journal.similar_payment).
CREATE INDEX IF NOT EXISTS entries_recent ON entries(environment, kind, created_at);
-- The Journal tab's list, newest first in one environment (Journal.search): without it SQLite took
-- entries_recent and sorted every row of the environment (1 s at 100,000 rows; 13 ms with it).
CREATE INDEX IF NOT EXISTS entries_environment_id ON entries(environment, id);
-- The Journal tab's operator filter (Journal.operators) and the rows of one operator, from the index alone.
CREATE INDEX IF NOT EXISTS entries_environment_operator ON entries(environment, operator);
"""
#: Rows of a journal from before operators were recorded were made by somebody the terminal cannot name.
UNKNOWN_OPERATOR = "unknown"
#: Columns added since the first release: their SQL type and what the rows written before them get.
_ADDED_COLUMNS: dict[str, tuple[str, str | None]] = {"operator": ("TEXT", UNKNOWN_OPERATOR),
                                                     "parent_till": ("TEXT", None),
                                                     "parent_entry": ("INTEGER", None)}

#: Text typed by people or written by the gateway for people: card numbers in it are masked, not refused.
_REDACTED_FIELDS = frozenset({"card_holder", "customer_id", "result_code", "result_message", "approved_by",
                              "resolution", "note"})


#: Gateway identifiers typed as UUIDs by the API (the checkout link holds its checkout ID): a UUID in them is
#: the gateway's, even one of decimal digits only, and is not taken for a card number (refusing it would
#: lose the outcome of a payment already made).
_GATEWAY_UUID_FIELDS = frozenset({"payment_id", "checkout_id", "redirect_url"})


def _guard_card_numbers(row: dict[str, Any]) -> dict[str, Any]:
    """Defence in depth: ``row`` as it may be written, with no full card number (:func:`find_pans`) in it.

    Card numbers in :data:`_REDACTED_FIELDS` are masked; in any other text field they are refused with
    ``ValueError`` (see the module docstring).
    """
    guarded = dict(row)
    for name, value in row.items():
        # A message is checked as it is stored (the JSON of its code and parameters) and masked there.
        stored = to_stored(value) if isinstance(value, Message) else value
        if not isinstance(stored, str):
            continue
        checked = UUID.sub("#", stored) if name in _GATEWAY_UUID_FIELDS else stored
        if not find_pans(checked):
            continue
        if name not in _REDACTED_FIELDS:
            raise ValueError(f"refusing to write a full card number to the journal's {name}")
        guarded[name] = from_stored(redact_pans(stored)) if isinstance(value, Message) else redact_pans(stored)
    return guarded


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _to_db(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _DECIMALS:
        return str(value)
    if name in _DATES:
        return value.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")
    if name in _MESSAGES:
        return to_stored(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _csv_cell(name: str, value: Any) -> Any:
    """One CSV cell: messages in English (a file leaves the terminal's language behind), card numbers masked."""
    value = "" if value is None else english(value) if name in _MESSAGES else _to_db(name, value)
    return redact_pans(value) if isinstance(value, str) else value


def _from_row(row: sqlite3.Row) -> Entry:
    data: dict[str, Any] = {}
    for name in _COLUMNS:
        value = row[name]
        if value is not None:
            if name in _DECIMALS:
                value = Decimal(value)
            elif name in _DATES:
                value = dt.datetime.fromisoformat(value)
            elif name == "kind":
                value = EntryKind(value)
            elif name == "state":
                value = EntryState(value)
            elif name in _MESSAGES:
                value = from_stored(value)
        data[name] = value
    return Entry(**data)


def _where(*, environment: str | None = None, text: str | None = None,
           states: Iterable[EntryState] | None = None, kinds: Iterable[EntryKind] | None = None,
           since: dt.datetime | None = None, until: dt.datetime | None = None,
           operator: str | None = None) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (and its arguments) of :meth:`Journal.search` and :meth:`Journal.matching_ids`."""
    sql: list[str] = ["1=1"]
    args: list[Any] = []
    if operator:
        sql.append("AND operator = ?")
        args.append(operator)
    if environment:
        sql.append("AND environment = ?")
        args.append(environment)
    if text:
        sql.append("AND (reference LIKE ? ESCAPE '\\' OR masked_pan LIKE ?)")
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        args += [f"%{escaped}%", f"%{escaped[-4:]}"]
    if states:
        states = list(states)
        sql.append(f"AND state IN ({', '.join('?' for _ in states)})")
        args += [s.value for s in states]
    if kinds:
        kinds = list(kinds)
        sql.append(f"AND kind IN ({', '.join('?' for _ in kinds)})")
        args += [k.value for k in kinds]
    if since:
        sql.append("AND created_at >= ?")
        args.append(_to_db("created_at", since))
    if until:
        sql.append("AND created_at < ?")
        args.append(_to_db("created_at", until))
    return " ".join(sql), args


#: What :meth:`Journal.submit` may run on the writer thread: the payment writes, and the reconciler's read
#: of the unresolved rows (hundreds of rows turned into entries: a stall on the UI thread).
_BACKGROUND_WRITES = frozenset({"record_pending", "update", "record_outcome", "continue_as_3ds", "resolve",
                                "unresolved"})
#: What :meth:`Journal.read` may run on the reader thread: the Journal tab's queries over every row.
_BACKGROUND_READS = frozenset({"listing", "matching_ids", "operators", "entries"})


class ExportCancelled(Exception):
    """The export was cancelled before it finished; no file was written."""


#: How long a write waits for the other connection's write to finish before failing.
_BUSY_TIMEOUT_MS = 5000
#: How long closing the journal (quitting) waits for a killed export process to be gone.
_EXPORT_STOP_S = 5.0


class Journal:
    """The journal database. All methods run on the caller's thread; each write is one transaction.

    :meth:`submit` runs a write on the journal's own writer thread instead (the payment hot path): its
    commit and fsync then never hold the UI thread, and writes submitted are done one after another in
    the order submitted, on a second connection to the same file (WAL: the caller's connection sees each
    one as soon as it is committed; ``busy_timeout`` covers a write on both connections at once).
    """

    def __init__(self, path: Path | str, *, current_operator: Callable[[], str | None] = lambda: None,
                 read_only: bool = False) -> None:
        """``current_operator`` names who is signed in; each new row records it (unless given explicitly).

        ``read_only``: open an existing journal for reading only (the export process,
        :mod:`klogs_desk.domain.journal_export`): nothing is created, migrated or written, and the file's
        mode is left as it is; the terminal's own connection keeps writing meanwhile (WAL)."""
        self.path = Path(path) if path != ":memory:" else path
        self._current_operator = current_operator
        #: Called (no arguments, on the writer's thread) after every committed write: the shop database's
        #: pusher wakes on it (:meth:`klogs_desk.shop.sync.ShopSync.wake`). Must be quick and never raise.
        self.write_listeners: list[Callable[[], None]] = []
        # The writer thread (submit) and the reader thread (read) have their own connections, opened at first
        # use: a long read never waits behind a sale's write. Exports in progress (export_in_background) run
        # in processes of their own, stopped by close, which also sets _closing.
        self._writer: ThreadPoolExecutor | None = None
        self._background: Journal | None = None
        self._readers: dict[str, tuple[ThreadPoolExecutor, list[Journal]]] = {}
        self._closing = threading.Event()
        self._exports: set[ExportJob] = set()
        if read_only:
            self._db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                                       isolation_level=None, check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            self._db.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA query_only=ON")
            return
        if path != ":memory:":
            # 0600 before SQLite opens it: SQLite gives its -wal and -shm files the database file's mode.
            private_file(path)
        self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        self._migrate()
        self._db.executescript(_SCHEMA)
        if path != ":memory:":
            for suffix in ("-wal", "-shm"):  # and said explicitly, in case an older SQLite did not
                narrow(f"{path}{suffix}")

    def _migrate(self) -> None:
        """Bring a journal written by an earlier release up to this schema (columns added since)."""
        have = {row[1] for row in self._db.execute("PRAGMA table_info(entries)")}
        if not have:
            return  # a new journal: the schema creates every column
        for column, (sql_type, old_rows) in _ADDED_COLUMNS.items():
            if column not in have:
                with self._db:
                    self._db.execute(f"ALTER TABLE entries ADD COLUMN {column} {sql_type}")
                    if old_rows is not None:
                        self._db.execute(f"UPDATE entries SET {column} = ?", (old_rows,))
        # The first releases' one-payment index did not know voids and refunds of other tills' payments.
        self._db.execute("DROP INDEX IF EXISTS one_payment_per_order")

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called (a read's answer arriving after it has nobody to show it to)."""
        return self._closing.is_set()

    def close(self) -> None:
        self._closing.set()
        for job in list(self._exports):  # quitting: the export process ends now, leaving no file behind
            job.cancel(wait=_EXPORT_STOP_S)
        if self._writer is not None:
            self._writer.shutdown(wait=True)  # writes already submitted are finished, never dropped
            self._writer = None
        for executor, connection in self._readers.values():
            executor.shutdown(wait=True)  # a read finishes
            for journal in connection:
                if journal is not self:
                    journal.close()
        self._readers.clear()
        if self._background is not None and self._background is not self:
            self._background.close()
        self._background = None
        self._db.close()

    def submit(self, write: str, /, *args: Any, **kwargs: Any) -> "Future[Any]":
        """Run the write method named ``write`` (``record_pending``, ``update``, ``record_outcome``...)
        with these arguments on the writer thread; a future of its result (or its exception). The
        operator of a new row is taken now, on the caller's thread."""
        if write not in _BACKGROUND_WRITES:
            raise ValueError(f"not a journal write the writer thread runs: {write}")
        if write == "record_pending" and "operator" not in kwargs:
            kwargs["operator"] = self._current_operator()
        if self._writer is None:
            from concurrent.futures import ThreadPoolExecutor

            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="klogs-journal")
        return self._writer.submit(self._write_in_background, write, args, kwargs)

    def read(self, name: str, /, *args: Any, **kwargs: Any) -> "Future[Any]":
        """Run the read method named ``name`` (``listing``, ``matching_ids``, ``operators``, ``entries``) on the journal's
        reader thread, on its own connection (WAL: it reads the last commit, never waits for a write); a
        future of its result. Reads submitted run one after another; one not started yet can be cancelled
        (``Future.cancel``)."""
        if name not in _BACKGROUND_READS:
            raise ValueError(f"not a journal read the reader thread runs: {name}")
        return self._reader("read").submit(self._read_in_background, "read", name, args, kwargs)

    def export_in_background(self, path: Path | str, filters: dict[str, Any]) -> "ExportJob":
        """Write every row matching ``filters`` (keyword arguments of :meth:`matching_ids`) to ``path`` as
        :meth:`export_csv` does, in a process of its own (:mod:`klogs_desk.domain.journal_export`: the
        export never holds the interpreter's lock the window needs); the running :class:`ExportJob`
        (its future, progress and ``cancel``). The file appears whole or not at all. :meth:`close` (quitting)
        stops an export in progress: its process ends and no file is left; the journal itself is untouched.
        An in-memory journal cannot be exported this way (another process cannot see it): ``ValueError``."""
        if self.path == ":memory:":
            raise ValueError("an in-memory journal cannot be exported by another process")
        if self._closing.is_set():
            raise RuntimeError("the journal is closed")
        from .journal_export import ExportJob  # the export process's module imports this one

        job = ExportJob(Path(self.path), path, filters)
        self._exports.add(job)
        job.future.add_done_callback(lambda _done: self._exports.discard(job))
        return job

    def _reader(self, role: str) -> ThreadPoolExecutor:
        if role not in self._readers:
            from concurrent.futures import ThreadPoolExecutor

            self._readers[role] = (ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"klogs-journal-{role}"), [])
        return self._readers[role][0]

    def _reader_journal(self, role: str) -> "Journal":
        """The ``role`` thread's journal: its own connection, opened there at first use (the same one for an
        in-memory journal, which exists once per connection)."""
        connection = self._readers[role][1]
        if not connection:
            connection.append(self if self.path == ":memory:"
                              else Journal(self.path, current_operator=self._current_operator))
        return connection[0]

    def _read_in_background(self, role: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        return getattr(self._reader_journal(role), name)(*args, **kwargs)

    def _background_journal(self) -> "Journal":
        """The writer thread's journal: its own connection, opened at first use (the same one for an
        in-memory journal, which exists once per connection)."""
        if self._background is None:
            self._background = (self if self.path == ":memory:"
                                else Journal(self.path, current_operator=self._current_operator))
        return self._background

    def _write_in_background(self, write: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        return getattr(self._background_journal(), write)(*args, **kwargs)

    def trace_statements(self, callback: Callable[[str], None] | None) -> None:
        """``callback(sql)`` for every statement on every connection of this journal, the writer
        thread's included (diagnostics and tests: which writes a sale makes, in which order)."""
        self._db.set_trace_callback(callback)
        if self.path != ":memory:":
            self._background_journal()._db.set_trace_callback(callback)

    # --- writes ---------------------------------------------------------------------------------

    def record_pending(self, *, environment: str, kind: EntryKind, reference: str, amount: Decimal,
                       currency: str, parent_id: int | None = None, state: EntryState = EntryState.PENDING,
                       parent_till: str | None = None, parent_entry: int | None = None,
                       **values: Any) -> Entry:
        """Insert the row for a request about to be sent. Raises :class:`DuplicateReferenceError` if a
        payment of this kind with this order ID exists (it must not be sent twice). ``parent_till`` and
        ``parent_entry``: a void or refund of another till's payment (see :class:`Entry`)."""
        unknown = set(values) - _MUTABLE
        if unknown:
            raise TypeError(f"unknown journal fields: {sorted(unknown)}")
        if "operator" not in values:
            values["operator"] = self._current_operator()
        now = _utcnow()
        row = {"created_at": now, "updated_at": now, "environment": environment, "kind": kind,
               "reference": reference, "parent_id": parent_id, "parent_till": parent_till,
               "parent_entry": parent_entry, "amount": amount, "currency": currency,
               "state": state, **values}
        row = _guard_card_numbers(row)
        names = list(row)
        try:
            # One statement in autocommit mode: it commits (and fsyncs) when fetchall() finishes it.
            written = self._db.execute(
                f"INSERT INTO entries ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)}) RETURNING *",
                [_to_db(n, row[n]) for n in names]).fetchall()
        except sqlite3.IntegrityError as exc:
            if "one_payment_per_order" in str(exc) or "UNIQUE" in str(exc):
                raise DuplicateReferenceError(
                    f"Order ID {reference} was already used for a {kind.value}. Use a new order ID.") from None
            raise
        self._written()
        return _from_row(written[0])

    def update(self, entry_id: int, **values: Any) -> Entry:
        """Change fields of a row (the outcome, the balance, a resolution)."""
        unknown = set(values) - _MUTABLE
        if unknown:
            raise TypeError(f"unknown journal fields: {sorted(unknown)}")
        values = _guard_card_numbers(values)
        values["updated_at"] = _utcnow()
        names = list(values)
        # One statement in autocommit mode: it commits (and fsyncs) when fetchall() finishes it.
        written = self._db.execute(
            f"UPDATE entries SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ? RETURNING *",
            [_to_db(n, values[n]) for n in names] + [entry_id]).fetchall()
        if not written:
            raise KeyError(entry_id)
        self._written()
        return _from_row(written[0])

    def _written(self) -> None:
        for listener in self.write_listeners:
            listener()

    def continue_as_3ds(self, entry_id: int) -> Entry:
        """An ``enrolled`` sale row (the card turned out to need 3-D Secure; nothing was charged) becomes the
        ``sale_3ds`` row of the same sale, so one sale keeps one row. Raises :class:`DuplicateReferenceError`
        when a 3-D Secure row of that order ID exists already; :class:`ValueError` for any other row."""
        row = self.get(entry_id)
        if row.kind is not EntryKind.SALE or row.state is not EntryState.ENROLLED or row.parent_id is not None:
            raise ValueError(f"row {entry_id} is not an enrolled sale")
        try:
            written = self._db.execute("UPDATE entries SET kind = ?, updated_at = ? WHERE id = ? RETURNING *",
                                       (EntryKind.SALE_3DS.value, _to_db("updated_at", _utcnow()), entry_id)
                                       ).fetchall()
        except sqlite3.IntegrityError:
            raise DuplicateReferenceError(row.reference) from None
        self._written()
        return _from_row(written[0])

    def record_outcome(self, entry_id: int, state: EntryState, **values: Any) -> Entry:
        return self.update(entry_id, state=state, **values)

    def resolve(self, entry_id: int, state: EntryState, resolution: Message, **values: Any) -> Entry:
        """Settle an unresolved row, saying how (``"gateway lookup: approved"``, ``"cashier verified"``)."""
        return self.update(entry_id, state=state, resolution=resolution, resolved_at=_utcnow(), **values)

    def mark_interrupted(self) -> int:
        """At start: rows left ``pending`` by a run that died become ``unknown``. Returns how many."""
        with self._db:
            cursor = self._db.execute(
                "UPDATE entries SET state = ?, updated_at = ?, note = coalesce(note, ?) WHERE state = ?",
                (EntryState.UNKNOWN.value, _to_db("updated_at", _utcnow()),
                 to_stored(msg("note.stopped-in-flight")), EntryState.PENDING.value))
        if cursor.rowcount:
            self._written()
        return cursor.rowcount

    # --- reads ----------------------------------------------------------------------------------

    def get(self, entry_id: int | None) -> Entry:
        row = self._db.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise KeyError(entry_id)
        return _from_row(row)

    def find_payment(self, environment: str, kind: EntryKind, reference: str) -> Entry | None:
        row = self._db.execute(
            "SELECT * FROM entries WHERE environment = ? AND kind = ? AND reference = ? AND parent_id IS NULL",
            (environment, kind.value, reference)).fetchone()
        return _from_row(row) if row else None

    def similar_payment(self, *, environment: str | None, kinds: Iterable[EntryKind], amount: Decimal,
                        currency: str, card_last_four: str, approved_since: dt.datetime,
                        excluding_reference: str) -> Entry | None:
        """The payment (a row without a parent, of one of ``kinds``, not ``excluding_reference``) with this
        amount, currency and card last four that is unresolved, else approved at or after ``approved_since``;
        ``None`` if there is none. The oldest unresolved one wins, then the newest approved one (up to the
        1000 newest approved rows of this card's last four are looked at). ``environment`` empty or ``None``
        means every environment.

        Amounts are compared as :class:`~decimal.Decimal` (``100.1`` equals ``100.10``), card digits as the
        last four digits of the stored masked PAN, both in Python on a narrow candidate list. SQLite narrows
        it with text only, never an amount turned into a float: to the masked PANs holding these four digits
        in a row (ours end with them, :func:`~klogs_desk.domain.cards.mask_pan`; a gateway's own mask, kept
        when it shows under 12 digits, may be spaced or end otherwise). The guard runs at every
        Pay click before the request can leave (issue 19), and without it read every sale of the last ten
        minutes."""
        kind_values = [k.value for k in kinds]
        common = (f"kind IN ({', '.join('?' for _ in kind_values)}) AND parent_id IS NULL AND currency = ? "
                  "AND reference <> ? AND masked_pan LIKE ?" + (" AND environment = ?" if environment else ""))
        common_args: list[Any] = ([*kind_values, currency, excluding_reference, f"%{card_last_four}%"]
                                  + ([environment] if environment else []))
        # SQLite's planner, without ANALYZE statistics, picks entries_parent or entries_state (every
        # approved row) here: name the narrow index so the guard stays fast as the journal grows.
        recent = "INDEXED BY entries_recent" if environment else ""
        queries = (
            (f"SELECT id, amount, masked_pan FROM entries INDEXED BY entries_state WHERE state IN (?, ?) "
             f"AND {common} ORDER BY id",
             [EntryState.PENDING.value, EntryState.UNKNOWN.value, *common_args]),
            (f"SELECT id, amount, masked_pan FROM entries {recent} WHERE state = ? AND created_at >= ? "
             f"AND {common} ORDER BY id DESC LIMIT 1000",
             [EntryState.APPROVED.value, _to_db("created_at", approved_since), *common_args]))
        for sql, args in queries:
            for entry_id, stored_amount, masked_pan in self._db.execute(sql, args).fetchall():
                if Decimal(stored_amount) == amount and last_four(masked_pan or "") == card_last_four:
                    return self.get(entry_id)
        return None

    def children(self, parent_id: int) -> list[Entry]:
        rows = self._db.execute("SELECT * FROM entries WHERE parent_id = ? ORDER BY id", (parent_id,))
        return [_from_row(r) for r in rows]

    def acting_on_other_till(self, till: str, entry_id: int) -> list[Entry]:
        """This journal's voids and refunds of row ``entry_id`` of another till ``till``, oldest first."""
        rows = self._db.execute("SELECT * FROM entries WHERE parent_till = ? AND parent_entry = ? ORDER BY id",
                                (till, entry_id))
        return [_from_row(r) for r in rows]

    def children_of(self, parent_ids: Iterable[int]) -> dict[int, list[Entry]]:
        """The children (voids, refunds, captures) of each of ``parent_ids``, oldest first, read in a few
        queries rather than one per row (the Journal tab derives VOIDED/REFUNDED from them for a thousand
        rows at every keystroke). Parents without children are absent from the result."""
        ids = list(dict.fromkeys(parent_ids))
        found: dict[int, list[Entry]] = {}
        for start in range(0, len(ids), 500):  # stay far below SQLite's bound-variable limit
            chunk = ids[start:start + 500]
            rows = self._db.execute(
                f"SELECT * FROM entries WHERE parent_id IN ({', '.join('?' for _ in chunk)}) ORDER BY id", chunk)
            for row in rows:
                entry = _from_row(row)
                found.setdefault(entry.parent_id, []).append(entry)  # type: ignore[arg-type]  # these rows were selected by parent_id, so it is set
        return found

    def unresolved(self, environment: str | None = None) -> list[Entry]:
        sql = "SELECT * FROM entries WHERE state IN (?, ?)"
        args: list[Any] = [EntryState.PENDING.value, EntryState.UNKNOWN.value]
        if environment:
            # "+": by the state index (few rows), never by entries_environment_id (every row of the environment).
            sql += " AND +environment = ?"
            args.append(environment)
        return [_from_row(r) for r in self._db.execute(sql + " ORDER BY id", args)]

    def search(self, *, environment: str | None = None, text: str | None = None,
               states: Iterable[EntryState] | None = None, kinds: Iterable[EntryKind] | None = None,
               amount: Decimal | None = None, since: dt.datetime | None = None,
               until: dt.datetime | None = None, operator: str | None = None, limit: int = 1000,
               offset: int = 0) -> list[Entry]:
        """Newest first. ``text`` matches the order ID (substring) or the card's last four digits;
        ``operator`` keeps the rows that operator made."""
        where, args = _where(environment=environment, text=text, states=states, kinds=kinds, since=since,
                             until=until, operator=operator)
        if amount is not None:
            where += " AND CAST(amount AS TEXT) = ?"
            args.append(str(amount))
        return [_from_row(r) for r in self._db.execute(
            f"SELECT * FROM entries WHERE {where} ORDER BY id DESC LIMIT ? OFFSET ?", [*args, limit, offset])]

    def matching_ids(self, *, amount: Decimal | None = None, **filters: Any) -> list[int]:
        """The ids of every row matching ``filters`` (the keyword arguments of :meth:`search`, without
        ``limit``), newest first: what the Journal tab shows, read on the reader thread (:meth:`read`).
        ``amount`` is compared by value as a :class:`~decimal.Decimal` (``100`` finds ``100.00``), in Python:
        the journal stores amounts as text as they were written."""
        where, args = _where(**filters)
        if amount is None:
            return [row[0] for row in self._db.execute(
                f"SELECT id FROM entries WHERE {where} ORDER BY id DESC", args)]
        return [entry_id for entry_id, stored in self._db.execute(
            f"SELECT id, amount FROM entries WHERE {where} ORDER BY id DESC", args) if Decimal(stored) == amount]

    def listing(self, *, first: int, **filters: Any) -> "Listing":
        """What the Journal tab shows for ``filters`` (keyword arguments of :meth:`matching_ids`): every
        matching id, the first ``first`` rows with their children, and the operator list, in one read on the
        reader thread (:meth:`read`)."""
        ids = self.matching_ids(**filters)
        entries = self.entries(ids[:first])
        return Listing(ids=ids, entries=entries, children=self.children_of(ids[:first]),
                       operators=self.operators(filters.get("environment")))

    def entries(self, ids: Iterable[int]) -> list[Entry]:
        """The rows of ``ids`` in the order given (ids not in the journal are left out), read in a few
        queries: a page of the Journal tab, or a chunk of an export."""
        wanted = list(ids)
        found: dict[int, Entry] = {}
        for start in range(0, len(wanted), 500):  # stay far below SQLite's bound-variable limit
            chunk = wanted[start:start + 500]
            for row in self._db.execute(
                    f"SELECT * FROM entries WHERE id IN ({', '.join('?' for _ in chunk)})", chunk):
                found[row["id"]] = _from_row(row)
        return [found[i] for i in wanted if i in found]

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM entries").fetchone()[0]

    def operators(self, environment: str | None = None) -> list[str]:
        """Everyone who made a row (in ``environment``), sorted: the Journal's operator filter."""
        rows = self._db.execute("SELECT DISTINCT operator FROM entries WHERE operator IS NOT NULL"
                                + (" AND environment = ?" if environment else "") + " ORDER BY operator",
                                (environment,) if environment else ()).fetchall()
        return [row[0] for row in rows]

    def export_csv(self, path: Path | str, entries: Iterable[Entry]) -> int:
        """Write ``entries`` as CSV (UTF-8 with BOM so spreadsheet programs read Turkish letters).

        Every text cell passes :func:`redact_pans`: a file that leaves the terminal never carries a card
        number, even from a row written before the journal's guard existed. The file is 0600 and no cell
        can run as a formula in a spreadsheet (:class:`FormulaSafeWriter`: text starting ``=``, ``+``,
        ``-``, ``@``, tab or CR gets a leading apostrophe; amounts stay numbers).
        """
        count = 0
        with open_private(path, "w", newline="", encoding="utf-8-sig") as handle:
            from .spreadsheet import FormulaSafeWriter

            writer = FormulaSafeWriter(handle, numeric=_NUMERIC_COLUMNS)
            writer.writerow(_COLUMNS)
            for entry in entries:
                writer.writerow([_csv_cell(n, getattr(entry, n)) for n in _COLUMNS])
                count += 1
        return count
