"""The PostgreSQL side of the shop database (psycopg 3, synchronous: :class:`~.sync.ShopSync` calls it from a
worker thread, the UI through ``run_query``; never on the UI thread).

Pushes are idempotent: each batch is one transaction; ``journal_changes`` and ``audit_records`` rows are
inserted with ``ON CONFLICT DO NOTHING`` on ``(till_id, local_seq)`` / ``(till_id, seq)``, and ``entries``
takes a change only when it is newer than the one it reflects (``last_seq``). A push whose answer was lost
(the till killed, the network cut after the commit) is simply sent again and changes nothing.

The audit chain is checked as it arrives (a record's ``prev_hash`` must be the hash of the till's record
before it in the shop database) and in full by :meth:`ShopDatabase.verify_audit`, with the same hash as the
till's own (:func:`klogs_desk.domain.audit.record_hash`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import psycopg
from psycopg.types.json import Jsonb

from ..domain.audit import GENESIS_HASH, Verification, record_hash
from ..domain.journal import Entry, EntryKind, EntryState
from ..messages import from_stored
from .outbox import AuditRow, JournalChange, OperatorChange
from .schema import migrate
from .settings import ShopSettings

_ENTRY_COLUMNS = ("created_at", "updated_at", "environment", "kind", "reference", "parent_id", "amount",
                  "currency", "state", "masked_pan", "card_brand", "card_holder", "customer_id", "payment_id",
                  "auth_code", "result_code", "result_message", "installment_count", "checkout_id",
                  "redirect_url", "balance", "approved_by", "resolution", "resolved_at", "note", "operator",
                  "parent_till", "parent_entry")

_UPSERT_ENTRIES = f"""
INSERT INTO entries (till_id, entry_id, last_seq, {", ".join(_ENTRY_COLUMNS)})
SELECT %(till)s, c.entry_id, c.local_seq, {", ".join(f"r.{c}" for c in _ENTRY_COLUMNS)}
FROM (SELECT DISTINCT ON (entry_id) entry_id, local_seq, row FROM journal_changes
      WHERE till_id = %(till)s AND local_seq BETWEEN %(first)s AND %(last)s
      ORDER BY entry_id, local_seq DESC) c,
     jsonb_populate_record(NULL::entries, c.row) r
ON CONFLICT (till_id, entry_id) DO UPDATE SET last_seq = excluded.last_seq,
    {", ".join(f"{c} = excluded.{c}" for c in _ENTRY_COLUMNS)}
WHERE entries.last_seq < excluded.last_seq
"""


class TillNameTaken(Exception):
    """Another app home registered this till name (``.till``)."""

    def __init__(self, till: str) -> None:
        self.till = till
        super().__init__(f"the till name {till!r} belongs to another till")


class ChainBroken(Exception):
    """A pushed audit record does not follow the shop's copy of the till's chain."""


@dataclass(frozen=True)
class ShopEntry:
    """A journal row as the shop database holds it: ``till`` where it was made, ``entry`` the row as that
    till's journal has it (its ``id`` and ``parent_id`` are that till's)."""

    till: str
    entry: Entry

    @property
    def key(self) -> tuple[str, int]:
        return (self.till, self.entry.id)

    @property
    def parent_key(self) -> tuple[str, int] | None:
        """The payment this row acts on, wherever it was made (None for a payment)."""
        if self.entry.parent_id is not None:
            return (self.till, self.entry.parent_id)
        if self.entry.parent_till is not None and self.entry.parent_entry is not None:
            return (self.entry.parent_till, self.entry.parent_entry)
        return None


_SELECT_ENTRIES = f"SELECT till_id, entry_id, {', '.join(_ENTRY_COLUMNS)} FROM entries"


def _shop_entry(row: Sequence[Any]) -> ShopEntry:
    till, entry_id, *values = row
    data = dict(zip(_ENTRY_COLUMNS, values, strict=True))
    for name in ("result_message", "resolution", "note"):
        if data[name] is not None:
            data[name] = from_stored(data[name])
    data["kind"], data["state"] = EntryKind(data["kind"]), EntryState(data["state"])
    return ShopEntry(till, Entry(id=int(entry_id), **data))


@dataclass(frozen=True)
class TillStatus:
    till: str
    last_seen: dt.datetime | None
    waiting: int


class ShopDatabase:
    """One connection to the shop database, migrated on :meth:`connect`."""

    def __init__(self, settings: ShopSettings) -> None:
        self.settings = settings
        self._conn: psycopg.Connection[Any] | None = None

    @property
    def is_open(self) -> bool:
        """A connection is held and not known to be broken (it may still have been cut since)."""
        return self._conn is not None and not self._conn.closed and not self._conn.broken

    def connect(self) -> None:
        if self.is_open:
            return
        self.close()
        conn = psycopg.connect(self.settings.conninfo())
        try:
            # The till trims its outbox once a push is committed: that commit must be durable whatever the
            # server's default (with synchronous_commit off, a server crash loses commits already answered,
            # and with them records the till no longer holds — tests/shop_db/test_faults.py found it).
            conn.execute("SET synchronous_commit TO on")
            conn.commit()
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    @property
    def conn(self) -> psycopg.Connection[Any]:
        self.connect()
        assert self._conn is not None
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:
                pass
            self._conn = None

    # --- tills ------------------------------------------------------------------------------------

    def register_till(self, till: str, install_id: str) -> None:
        """Claim ``till`` for this app home; :class:`TillNameTaken` when another home has it."""
        with self.conn.transaction():
            self.conn.execute("INSERT INTO tills (till_id, install_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                              (till, install_id))
            row = self.conn.execute("SELECT install_id FROM tills WHERE till_id = %s", (till,)).fetchone()
        if row is None or row[0] != install_id:
            raise TillNameTaken(till)

    def report_waiting(self, till: str, waiting: int) -> None:
        with self.conn.transaction():
            self.conn.execute("UPDATE tills SET waiting = %s, last_seen = now() WHERE till_id = %s",
                              (waiting, till))

    def tills(self) -> list[TillStatus]:
        rows = self.conn.execute("SELECT till_id, last_seen, waiting FROM tills ORDER BY till_id").fetchall()
        self.conn.commit()
        return [TillStatus(till, last_seen, int(waiting)) for till, last_seen, waiting in rows]

    # --- pushes -----------------------------------------------------------------------------------

    def push_journal(self, till: str, changes: Sequence[JournalChange]) -> None:
        if not changes:
            return
        with self.conn.transaction():
            with self.conn.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO journal_changes (till_id, local_seq, entry_id, row) VALUES (%s, %s, %s, %s) "
                    "ON CONFLICT DO NOTHING",
                    [(till, c.local_seq, c.entry_id, Jsonb(c.row)) for c in changes])
            self.conn.execute(_UPSERT_ENTRIES, {"till": till, "first": changes[0].local_seq,
                                                "last": changes[-1].local_seq})

    def audit_head(self, till: str) -> tuple[int, str]:
        row = self.conn.execute("SELECT seq, hash FROM audit_records WHERE till_id = %s ORDER BY seq DESC "
                                "LIMIT 1", (till,)).fetchone()
        self.conn.commit()
        return (int(row[0]), str(row[1])) if row else (0, GENESIS_HASH)

    def push_audit(self, till: str, records: Sequence[AuditRow]) -> None:
        """Add ``records`` (consecutive, oldest first) after the shop's copy of the till's chain; a record the
        shop has already is skipped; one that does not follow the chain raises :class:`ChainBroken`."""
        if not records:
            return
        with self.conn.transaction():
            row = self.conn.execute("SELECT seq, hash FROM audit_records WHERE till_id = %s AND seq < %s "
                                    "ORDER BY seq DESC LIMIT 1", (till, records[0].seq)).fetchone()
            seq, prev = (int(row[0]), str(row[1])) if row else (0, GENESIS_HASH)
            if seq != records[0].seq - 1 or records[0].prev_hash != prev:
                raise ChainBroken(f"till {till}: record {records[0].seq} does not follow record {seq}")
            for before, after in zip(records, records[1:], strict=False):
                if after.seq != before.seq + 1 or after.prev_hash != before.hash:
                    raise ChainBroken(f"till {till}: record {after.seq} does not follow record {before.seq}")
            with self.conn.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO audit_records VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                    [(till, r.seq, r.at, r.action, r.operator, r.approver, r.details, r.training, r.prev_hash,
                      r.hash) for r in records])

    def verify_audit(self, till: str) -> Verification:
        """The shop's copy of ``till``'s chain, walked from its first record like the till's own."""
        rows = self.conn.execute("SELECT seq, at, action, operator, approver, details, training, prev_hash, "
                                 "hash FROM audit_records WHERE till_id = %s ORDER BY seq", (till,)).fetchall()
        self.conn.commit()
        expected, prev, count = 1, GENESIS_HASH, 0
        for seq, at, action, operator, approver, details, training, prev_hash, digest in rows:
            if seq != expected:
                return Verification(count, broken_at=expected)
            if prev_hash != prev or record_hash(seq, at, action, operator, approver, details, training,
                                                prev_hash) != digest:
                return Verification(count, broken_at=seq)
            prev, expected, count = digest, seq + 1, count + 1
        return Verification(count)

    # --- operators --------------------------------------------------------------------------------

    def push_operators(self, till: str, changes: Iterable[OperatorChange]) -> None:
        """Each change wins over the shop's record when it was made later (``changed_at``)."""
        with self.conn.transaction():
            for change in changes:
                self.conn.execute(
                    "INSERT INTO operators (name_key, name, role, pin_hash, disabled, changed_at, changed_by_till) "
                    "VALUES (lower(%(name)s), %(name)s, %(role)s, %(pin)s, %(disabled)s, %(at)s, %(till)s) "
                    "ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, role = excluded.role, "
                    "pin_hash = excluded.pin_hash, disabled = excluded.disabled, changed_at = excluded.changed_at, "
                    "changed_by_till = excluded.changed_by_till, version = nextval('operator_versions') "
                    "WHERE operators.changed_at < excluded.changed_at",
                    {"name": change.name, "role": change.role, "pin": change.pin_hash,
                     "disabled": change.disabled, "at": change.changed_at, "till": till})

    def operators_since(self, version: int) -> tuple[list[tuple[str, str, str, bool]], int]:
        """Operators changed after ``version`` (name, role, PIN hash, disabled) and the newest version."""
        rows = self.conn.execute("SELECT name, role, pin_hash, disabled, version FROM operators "
                                 "WHERE version > %s ORDER BY version", (version,)).fetchall()
        self.conn.commit()
        newest = max((int(row[4]) for row in rows), default=version)
        return [(name, role, pin_hash, bool(disabled)) for name, role, pin_hash, disabled, _ in rows], newest

    # --- the shop's view --------------------------------------------------------------------------

    def entries(self, *, environment: str | None = None, till: str | None = None, since: dt.datetime | None = None,
                until: dt.datetime | None = None, limit: int = 5000) -> list[ShopEntry]:
        """The shop's journal, newest first."""
        sql, args = _SELECT_ENTRIES + " WHERE true", list[Any]()
        for clause, value in (("environment = %s", environment), ("till_id = %s", till),
                              ("created_at >= %s", since), ("created_at < %s", until)):
            if value is not None:
                sql += f" AND {clause}"
                args.append(value)
        sql += " ORDER BY created_at DESC, till_id, entry_id DESC LIMIT %s"
        args.append(limit)
        rows = self.conn.execute(sql, args).fetchall()
        self.conn.commit()
        return [_shop_entry(row) for row in rows]

    def entry(self, till: str, entry_id: int) -> ShopEntry | None:
        row = self.conn.execute(_SELECT_ENTRIES + " WHERE till_id = %s AND entry_id = %s", (till, entry_id)).fetchone()
        self.conn.commit()
        return _shop_entry(row) if row else None

    def children_of(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], list[ShopEntry]]:
        """The voids, refunds and captures of each payment ``(till, entry_id)``, made at its own till or at
        any other, oldest first."""
        wanted = list(dict.fromkeys(keys))
        found: dict[tuple[str, int], list[ShopEntry]] = {}
        if not wanted:
            return found
        tills, ids = [k[0] for k in wanted], [k[1] for k in wanted]
        rows = self.conn.execute(
            _SELECT_ENTRIES + " WHERE (till_id, parent_id) IN (SELECT * FROM unnest(%s::text[], %s::bigint[])) "
            "OR (parent_till, parent_entry) IN (SELECT * FROM unnest(%s::text[], %s::bigint[])) "
            "ORDER BY created_at, till_id, entry_id", (tills, ids, tills, ids)).fetchall()
        self.conn.commit()
        for row in rows:
            child = _shop_entry(row)
            parent = child.parent_key
            if parent is not None:
                found.setdefault(parent, []).append(child)
        return found

    def count(self, table: str) -> int:
        if table not in ("entries", "journal_changes", "audit_records", "operators", "tills"):
            raise ValueError(table)
        value = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        self.conn.commit()
        return int(value[0]) if value else 0
