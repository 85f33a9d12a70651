"""The till's side of the shop database: what is still to be sent, kept in the till's own SQLite files.

* **Journal.** :func:`enable_journal_outbox` adds to the journal file a ``shop_outbox`` table and two
  triggers on ``entries``: every insert and every update (an outcome, a balance, a resolution) adds the row
  as it now is (JSON) to the outbox *inside the same statement*, so the same SQLite transaction as the
  journal write: a till killed at any moment has either both or neither. ``shop_outbox.seq`` (AUTOINCREMENT,
  never reused) is the till's local sequence number. The hot path of a sale is untouched in Python: the
  trigger adds one small insert to each of its two commits (``benchmarks/bench_shop_db.py``). Enabling on a
  journal with history puts every existing row in the outbox once, so the shop sees the till's past too.
* **Audit trail.** Its ``records`` table is append-only with consecutive ``seq`` numbers already (triggers
  refuse updates and deletes), so it is its own outbox: what is waiting is every record after the last
  one the shop database acknowledged (``audit_pushed`` in ``shop_state``, and the database's own maximum,
  whichever the pusher learnt last).
* **Operators.** :func:`enable_staff_outbox` adds ``shop_operator_outbox`` and triggers on ``operators``
  (name, role, PIN hash, disabled; never the per-till wrong-PIN count) to the staff file. Operators pulled
  from the shop are written to the local cache by :meth:`LocalTill.apply_operators`, which removes the outbox
  rows its own writes made (in the same transaction), so a pull is never pushed back.

:class:`LocalTill` reads and trims these on connections of its own (never the app's: a transaction of the
pusher's must not swallow a sale's write), from any thread. All writes are short; SQLite's WAL lets the
pusher read while a sale writes.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..domain.journal import Entry

_ENTRY_COLUMNS = list(Entry.__slots__)
_ROW_JSON = "json_object(" + ", ".join(f"'{name}', NEW.{name}" for name in _ENTRY_COLUMNS) + ")"
_ROW_JSON_OLD = _ROW_JSON.replace("NEW.", "entries.")

#: One statement each (``executescript`` would commit the transaction they are made in).
JOURNAL_OUTBOX_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS shop_outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, entry_id INTEGER NOT NULL, "
    "row TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS shop_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TRIGGER IF NOT EXISTS shop_outbox_insert AFTER INSERT ON entries "
    f"BEGIN INSERT INTO shop_outbox (entry_id, row) VALUES (NEW.id, {_ROW_JSON}); END",
    "CREATE TRIGGER IF NOT EXISTS shop_outbox_update AFTER UPDATE ON entries "
    f"BEGIN INSERT INTO shop_outbox (entry_id, row) VALUES (NEW.id, {_ROW_JSON}); END",
)

_NOW = "((julianday('now') - 2440587.5) * 86400.0)"
_OPERATOR_ROW = ("INSERT INTO shop_operator_outbox (name, role, pin_hash, disabled, changed_at) "
                 f"VALUES (NEW.name, NEW.role, NEW.pin_hash, NEW.disabled, {_NOW})")
STAFF_OUTBOX_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS shop_operator_outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, "
    "role TEXT NOT NULL, pin_hash TEXT NOT NULL, disabled INTEGER NOT NULL, changed_at REAL NOT NULL)",
    "CREATE TABLE IF NOT EXISTS shop_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    f"CREATE TRIGGER IF NOT EXISTS shop_operator_insert AFTER INSERT ON operators BEGIN {_OPERATOR_ROW}; END",
    "CREATE TRIGGER IF NOT EXISTS shop_operator_update AFTER UPDATE OF name, role, pin_hash, disabled "
    f"ON operators BEGIN {_OPERATOR_ROW}; END",
)


def _connect(path: Path | str) -> sqlite3.Connection:
    db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=10)
    db.execute("PRAGMA synchronous=FULL")
    return db


def enable_journal_outbox(path: Path | str) -> str:
    """Add the outbox to the journal at ``path`` (once; the first time with every existing row in it) and
    return this app home's install ID (random, kept in the journal file)."""
    db = _connect(path)
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            exists = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'shop_outbox'").fetchone()
            for statement in JOURNAL_OUTBOX_SCHEMA:
                db.execute(statement)
            if not exists:
                db.execute(f"INSERT INTO shop_outbox (entry_id, row) SELECT id, {_ROW_JSON_OLD} FROM entries "
                           "ORDER BY id")
            found = db.execute("SELECT value FROM shop_state WHERE key = 'install_id'").fetchone()
            install_id = found[0] if found else uuid.uuid4().hex
            if not found:
                db.execute("INSERT INTO shop_state VALUES ('install_id', ?)", (install_id,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return str(install_id)
    finally:
        db.close()


def enable_staff_outbox(path: Path | str) -> None:
    """Add the operators' outbox to the staff file (once; the first time with every operator in it, dated
    when they were made, so any later change made elsewhere wins over them)."""
    db = _connect(path)
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            exists = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'shop_operator_outbox'").fetchone()
            for statement in STAFF_OUTBOX_SCHEMA:
                db.execute(statement)
            if not exists:
                db.execute("INSERT INTO shop_operator_outbox (name, role, pin_hash, disabled, changed_at) "
                           "SELECT name, role, pin_hash, disabled, created_at FROM operators ORDER BY id")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    finally:
        db.close()


@dataclass(frozen=True)
class JournalChange:
    local_seq: int
    entry_id: int
    row: dict[str, Any]


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: str
    action: str
    operator: str | None
    approver: str | None
    details: str
    training: bool
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class OperatorChange:
    seq: int
    name: str
    role: str
    pin_hash: str
    disabled: bool
    changed_at: float


class LocalTill:
    """The pusher's own connections to one till's files (journal required; audit and staff optional)."""

    def __init__(self, journal_path: Path | str, audit_path: Path | str | None = None,
                 staff_path: Path | str | None = None) -> None:
        self.install_id = enable_journal_outbox(journal_path)
        if staff_path is not None:
            enable_staff_outbox(staff_path)
        self._journal = _connect(journal_path)
        self._audit = _connect(audit_path) if audit_path is not None else None
        self._staff = _connect(staff_path) if staff_path is not None else None

    def close(self) -> None:
        for db in (self._journal, self._audit, self._staff):
            if db is not None:
                db.close()

    # --- state kept in the journal file ---------------------------------------------------------

    def state(self, key: str, default: str = "") -> str:
        row = self._journal.execute("SELECT value FROM shop_state WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_state(self, key: str, value: str) -> None:
        self._journal.execute("INSERT INTO shop_state VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                              "excluded.value", (key, value))

    # --- journal ----------------------------------------------------------------------------------

    def journal_changes(self, limit: int) -> list[JournalChange]:
        rows = self._journal.execute("SELECT seq, entry_id, row FROM shop_outbox ORDER BY seq LIMIT ?", (limit,))
        return [JournalChange(seq, entry_id, json.loads(row)) for seq, entry_id, row in rows]

    def journal_pushed(self, up_to_seq: int) -> None:
        """The shop database has every change up to ``up_to_seq``: they leave the outbox."""
        self._journal.execute("DELETE FROM shop_outbox WHERE seq <= ?", (up_to_seq,))

    def journal_waiting(self) -> int:
        return int(self._journal.execute("SELECT count(*) FROM shop_outbox").fetchone()[0])

    # --- audit trail ------------------------------------------------------------------------------

    @property
    def audit_pushed(self) -> int:
        return int(self.state("audit_pushed", "0"))

    def set_audit_pushed(self, seq: int) -> None:
        self.set_state("audit_pushed", str(seq))

    def audit_records(self, after: int, limit: int) -> list[AuditRow]:
        if self._audit is None:
            return []
        rows = self._audit.execute(
            "SELECT seq, at, action, operator, approver, details, training, prev_hash, hash FROM records "
            "WHERE seq > ? ORDER BY seq LIMIT ?", (after, limit))
        return [AuditRow(seq, at, action, operator, approver, details, bool(training), prev, digest)
                for seq, at, action, operator, approver, details, training, prev, digest in rows]

    def audit_waiting(self) -> int:
        if self._audit is None:
            return 0
        last = self._audit.execute("SELECT coalesce(max(seq), 0) FROM records").fetchone()[0]
        return max(0, int(last) - self.audit_pushed)

    # --- operators --------------------------------------------------------------------------------

    def operator_changes(self, limit: int) -> list[OperatorChange]:
        if self._staff is None:
            return []
        rows = self._staff.execute("SELECT seq, name, role, pin_hash, disabled, changed_at FROM "
                                   "shop_operator_outbox ORDER BY seq LIMIT ?", (limit,))
        return [OperatorChange(seq, name, role, pin_hash, bool(disabled), float(changed))
                for seq, name, role, pin_hash, disabled, changed in rows]

    def operators_pushed(self, up_to_seq: int) -> None:
        if self._staff is not None:
            self._staff.execute("DELETE FROM shop_operator_outbox WHERE seq <= ?", (up_to_seq,))

    def operators_waiting(self) -> int:
        if self._staff is None:
            return 0
        return int(self._staff.execute("SELECT count(*) FROM shop_operator_outbox").fetchone()[0])

    @property
    def operators_version(self) -> int:
        if self._staff is None:
            return 0
        row = self._staff.execute("SELECT value FROM shop_state WHERE key = 'operators_version'").fetchone()
        return int(row[0]) if row else 0

    def apply_operators(self, operators: Iterable[tuple[str, str, str, bool]], version: int) -> int:
        """Write operators pulled from the shop (name, role, PIN hash, disabled) into the local cache, and
        the shop's version they come with; returns how many changed here. Local changes still waiting in
        the outbox win over the pull (they are newer than what this till last heard; the shop decides by
        ``changed_at`` when they arrive)."""
        db = self._staff
        if db is None:
            return 0
        changed = 0
        db.execute("BEGIN IMMEDIATE")
        try:
            before = db.execute("SELECT coalesce(max(seq), 0) FROM shop_operator_outbox").fetchone()[0]
            waiting = {row[0].casefold() for row in db.execute("SELECT name FROM shop_operator_outbox")}
            for name, role, pin_hash, disabled in operators:
                if name.casefold() in waiting:
                    continue
                found = db.execute("SELECT role, pin_hash, disabled FROM operators WHERE name = ?",
                                   (name,)).fetchone()
                if found is None:
                    db.execute("INSERT INTO operators (name, role, pin_hash, disabled, created_at) "
                               "VALUES (?, ?, ?, ?, strftime('%s', 'now'))", (name, role, pin_hash, int(disabled)))
                    changed += 1
                elif (found[0], found[1], bool(found[2])) != (role, pin_hash, disabled):
                    db.execute("UPDATE operators SET role = ?, pin_hash = ?, disabled = ? WHERE name = ?",
                               (role, pin_hash, int(disabled), name))
                    changed += 1
            # The cache's own writes above went through the triggers: they are the shop's, not news.
            db.execute("DELETE FROM shop_operator_outbox WHERE seq > ?", (before,))
            db.execute("INSERT INTO shop_state VALUES ('operators_version', ?) ON CONFLICT (key) DO UPDATE "
                       "SET value = excluded.value", (str(version),))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return changed

    def waiting(self) -> int:
        """Records this till holds that the shop database does not have yet."""
        return self.journal_waiting() + self.audit_waiting() + self.operators_waiting()
