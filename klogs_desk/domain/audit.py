"""The audit trail: who did what at the terminal, append-only and hash-chained so it cannot be altered silently.

Its own SQLite file next to the journal (``audit.sqlite3`` in the app home, 0600, WAL, ``synchronous=FULL``:
a record is on the disk before the action it records is reported as done). Each record holds:

``seq`` (1, 2, 3… with no gap), ``at`` (UTC), ``action`` (a short dotted name: ``"void"``, ``"settings.changed"``),
``operator`` (who did it), ``approver`` (the manager who allowed it, if any), ``details`` (JSON), ``training``
(made on the built-in sandbox) and ``prev_hash``, the SHA-256 of the record before it (64 zeros for the first).
Its own ``hash`` is the SHA-256 of :func:`canonical` — every field above, the previous hash included — so
editing, deleting or reordering any record breaks the chain at that record, and :meth:`AuditLog.verify` says
where. Triggers refuse ``UPDATE`` and ``DELETE`` as a first guard; someone who drops them and edits the file
directly is caught by the chain.

What the chain cannot show: the newest records cut off the end, or the whole file replaced by a new one
(nothing is left to compare with). A copy of the last hash kept elsewhere (a printed day close carries it:
see :mod:`klogs_desk.domain.reports`) is what exposes that.

Never in a record: card data (every text passes :func:`~klogs_desk.domain.cards.redact_pans`, so a card
number that reaches ``details`` by mistake is masked, not stored) and secrets (a detail whose name says it
is a secret — PIN, password, token, API key or secret — is stored only as ``"changed"``).

The ``closes`` table (same file) keeps each shift and day close: the report's figures as they were closed
(JSON), so a closed day is reopened and reprinted exactly as it was, and the close's audit record holds the
SHA-256 of those figures.

No Qt here.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from ..frozen import Frozen, init
from ..paths import narrow, open_private, private_file
from .cards import find_pans, redact_pans

GENESIS_HASH = "0" * 64
#: What a secret's new value is recorded as.
CHANGED = "changed"
_DIGEST = re.compile(r"[0-9a-f]{64}")
#: Detail names that hold secrets (compared in lower case, as substrings).
_SECRET_WORDS = ("pin", "password", "secret", "token", "api_key", "apikey", "credential")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    operator TEXT,
    approver TEXT,
    details TEXT NOT NULL,
    training INTEGER NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_action ON records(action);
CREATE TRIGGER IF NOT EXISTS records_no_update BEFORE UPDATE ON records
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER IF NOT EXISTS records_no_delete BEFORE DELETE ON records
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TABLE IF NOT EXISTS closes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    operator TEXT,
    environment TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    report TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS closes_no_update BEFORE UPDATE ON closes
    BEGIN SELECT RAISE(ABORT, 'a close is kept as it was made'); END;
CREATE TRIGGER IF NOT EXISTS closes_no_delete BEFORE DELETE ON closes
    BEGIN SELECT RAISE(ABORT, 'a close is kept as it was made'); END;
"""


class AuditRecord(Frozen):
    """One record of the audit trail: who did what, when, chained to the one before."""

    seq: int
    at: dt.datetime
    action: str
    operator: str | None
    approver: str | None
    #: The facts as stored (canonical JSON text); :attr:`details` decodes them.
    details_json: str
    training: bool
    prev_hash: str
    hash: str

    __slots__ = ("seq", "at", "action", "operator", "approver", "details_json", "training", "prev_hash", "hash")

    def __init__(self, seq: int, at: dt.datetime, action: str, operator: str | None, approver: str | None,
                 details_json: str, training: bool, prev_hash: str, hash: str) -> None:
        init(self, seq, at, action, operator, approver, details_json, training, prev_hash, hash)

    @property
    def details(self) -> dict[str, Any]:
        import json  # (hashlib and json: at the first record or read, after the first frame)

        value = json.loads(self.details_json)
        return value if isinstance(value, dict) else {"value": value}


class Verification(Frozen):
    """The outcome of :meth:`AuditLog.verify`. ``broken_at`` is the first record that does not fit."""

    records: int
    broken_at: int | None

    __slots__ = ("records", "broken_at")

    def __init__(self, records: int, broken_at: int | None = None) -> None:
        init(self, records, broken_at)

    @property
    def intact(self) -> bool:
        return self.broken_at is None

    @property
    def text(self) -> str:
        """In English, for the command line and the log (the UI says it in the cashier's language)."""
        if self.intact:
            return f"audit trail: chain intact ({self.records} records)"
        return f"audit trail: broken at record {self.broken_at}"


class Close(Frozen):
    """A shift or day close as it was made (``report`` holds the figures, JSON-decoded)."""

    id: int
    kind: str
    operator: str | None
    environment: str
    period_start: dt.datetime
    period_end: dt.datetime
    closed_at: dt.datetime
    report_json: str

    __slots__ = ("id", "kind", "operator", "environment", "period_start", "period_end", "closed_at", "report_json")

    def __init__(self, id: int, kind: str, operator: str | None, environment: str, period_start: dt.datetime,
                 period_end: dt.datetime, closed_at: dt.datetime, report_json: str) -> None:
        init(self, id, kind, operator, environment, period_start, period_end, closed_at, report_json)

    @property
    def report(self) -> dict[str, Any]:
        import json

        return dict(json.loads(self.report_json))

    @property
    def report_hash(self) -> str:
        import hashlib

        return hashlib.sha256(self.report_json.encode()).hexdigest()


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


def _part(text: str | None) -> str:
    return "\x00" if text is None else f"{len(text)}:{text}"


def canonical(seq: int, at: str, action: str, operator: str | None, approver: str | None, details_json: str,
              training: bool, prev_hash: str) -> bytes:
    """The bytes a record's hash covers: every field in a fixed order, ``|``-separated, each text field
    length-prefixed (``6:refund``; ``\\x00`` for none) so no two different records serialise alike, UTF-8.
    (Not JSON: this is what keeps verifying 100,000 records well under 2 s; see benchmarks/bench_audit.py.)"""
    return (f"{seq}|{at}|{_part(action)}|{_part(operator)}|{_part(approver)}|{_part(details_json)}|"
            f"{1 if training else 0}|{prev_hash}").encode()


def record_hash(seq: int, at: str, action: str, operator: str | None, approver: str | None, details_json: str,
                training: bool, prev_hash: str) -> str:
    import hashlib

    return hashlib.sha256(canonical(seq, at, action, operator, approver, details_json, training,
                                    prev_hash)).hexdigest()


def _is_secret(name: str) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in _SECRET_WORDS)


def _clean(value: Any, name: str = "") -> Any:
    """``value`` safe to keep: secrets as ``"changed"``, card numbers masked, everything JSON."""
    if name and _is_secret(name) and value is not None:
        if isinstance(value, Mapping):  # a setting change {"old": ..., "new": ...} of a secret
            return {key: CHANGED for key in value}
        return CHANGED
    if isinstance(value, Mapping):
        return {str(key): _clean(item, str(key)) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(item, name) for item in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = str(value)
    if name.endswith("sha256") and _DIGEST.fullmatch(text):
        return text  # a SHA-256 digest (of a close's figures): its digit runs are nobody's card
    return redact_pans(text) if find_pans(text) else text


def details_text(details: Mapping[str, Any] | None) -> str:
    """``details`` as the canonical JSON text stored (sorted keys), cleaned of secrets and card numbers."""
    cleaned = _clean(dict(details or {}))
    # A secret can hide under a harmless name ("setting": "manager_pin", "new": "1234"): the setting's name
    # decides too.
    setting = cleaned.get("setting")
    if isinstance(setting, str) and _is_secret(setting):
        for key in ("old", "new", "value"):
            if key in cleaned and cleaned[key] is not None:
                cleaned[key] = CHANGED
    import json

    return json.dumps(cleaned, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _text(value: str | None) -> str | None:
    return redact_pans(value) if value and find_pans(value) else value


class AuditLog:
    """The audit file. Each :meth:`append` is one transaction (the last hash is read inside it, so two
    writers — the terminal and a command-line tool — never fork the chain)."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        if path != ":memory:":
            private_file(path)  # 0600 before SQLite opens it (its -wal/-shm files take this mode)
        #: Called after every record is committed (the shop database's pusher wakes on it); quick, never raising.
        self.append_listeners: list[Callable[[], None]] = []
        self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)
        if path != ":memory:":
            for suffix in ("-wal", "-shm"):
                narrow(f"{path}{suffix}")

    def close(self) -> None:
        self._db.close()

    # --- writing --------------------------------------------------------------------------------

    def append(self, action: str, *, operator: str | None = None, approver: str | None = None,
               details: Mapping[str, Any] | None = None, training: bool = False,
               at: dt.datetime | None = None) -> AuditRecord:
        """Add one record at the end of the chain and return it (on the disk when this returns)."""
        stored_details = details_text(details)
        when = _iso(at or dt.datetime.now(dt.timezone.utc))
        action, operator, approver = _text(action) or "", _text(operator), _text(approver)
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            last = db.execute("SELECT seq, hash FROM records ORDER BY seq DESC LIMIT 1").fetchone()
            seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
            digest = record_hash(seq, when, action, operator, approver, stored_details, training, prev)
            db.execute("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (seq, when, action, operator, approver, stored_details, int(training), prev, digest))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        for listener in self.append_listeners:
            listener()
        return AuditRecord(seq, dt.datetime.fromisoformat(when), action, operator, approver, stored_details,
                           training, prev, digest)

    # --- reading --------------------------------------------------------------------------------

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM records").fetchone()[0])

    def last_hash(self) -> str:
        row = self._db.execute("SELECT hash FROM records ORDER BY seq DESC LIMIT 1").fetchone()
        return row[0] if row else GENESIS_HASH

    def records(self, *, text: str | None = None, limit: int | None = None) -> list[AuditRecord]:
        """Newest first; ``text`` matches the action, operator, approver or details (substring, any case)."""
        sql = "SELECT seq, at, action, operator, approver, details, training, prev_hash, hash FROM records"
        args: list[Any] = []
        if text:
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            sql += (" WHERE action LIKE ?1 ESCAPE '\\' OR operator LIKE ?1 ESCAPE '\\' "
                    "OR approver LIKE ?1 ESCAPE '\\' OR details LIKE ?1 ESCAPE '\\'")
            args.append(f"%{escaped}%")
        sql += " ORDER BY seq DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [AuditRecord(seq, dt.datetime.fromisoformat(at), action, operator, approver, details,
                            bool(training), prev, digest)
                for seq, at, action, operator, approver, details, training, prev, digest
                in self._db.execute(sql, args)]

    def verify(self) -> Verification:
        """Walk the chain from the first record: ``broken_at`` is the first record whose number, previous
        hash or own hash does not fit (a deleted record shows as the number that is missing)."""
        expected_seq, prev, count = 1, GENESIS_HASH, 0
        import hashlib

        sha256 = hashlib.sha256
        rows = self._db.execute("SELECT seq, at, action, operator, approver, details, training, prev_hash, hash "
                                "FROM records ORDER BY seq")
        # :func:`canonical` written out inline: this loop is the 100,000-record verification's whole cost.
        for seq, at, action, operator, approver, details, training, prev_hash, digest in rows:
            if seq != expected_seq:
                return Verification(count, broken_at=expected_seq)
            who = "\x00" if operator is None else f"{len(operator)}:{operator}"
            approved = "\x00" if approver is None else f"{len(approver)}:{approver}"
            if prev_hash != prev or sha256(
                    f"{seq}|{at}|{len(action)}:{action}|{who}|{approved}|{len(details)}:{details}|"
                    f"{1 if training else 0}|{prev_hash}".encode()).hexdigest() != digest:
                return Verification(count, broken_at=seq)
            prev, expected_seq, count = digest, seq + 1, count + 1
        return Verification(count)

    # --- closes ---------------------------------------------------------------------------------

    def add_close(self, *, kind: str, operator: str | None, environment: str, period_start: dt.datetime,
                  period_end: dt.datetime, report: Mapping[str, Any],
                  closed_at: dt.datetime | None = None) -> Close:
        # Figures and names only (never run through the secret filter: an operator called "Pinar" is no PIN).
        import json

        report_json = _text(json.dumps(dict(report), ensure_ascii=False, sort_keys=True, separators=(",", ":")))
        assert report_json is not None
        closed = _iso(closed_at or dt.datetime.now(dt.timezone.utc))
        cursor = self._db.execute(
            "INSERT INTO closes (kind, operator, environment, period_start, period_end, closed_at, report) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (kind, operator, environment, _iso(period_start), _iso(period_end), closed, report_json))
        return self.get_close(int(cursor.lastrowid or 0))

    def get_close(self, close_id: int) -> Close:
        row = self._db.execute("SELECT * FROM closes WHERE id = ?", (close_id,)).fetchone()
        if row is None:
            raise KeyError(close_id)
        return _close(row)

    def closes(self, *, kind: str | None = None, operator: str | None = None,
               environment: str | None = None) -> list[Close]:
        """Newest first."""
        sql, args = "SELECT * FROM closes WHERE 1=1", []
        for column, value in (("kind", kind), ("operator", operator), ("environment", environment)):
            if value is not None:
                sql += f" AND {column} = ?"
                args.append(value)
        return [_close(row) for row in self._db.execute(sql + " ORDER BY id DESC", args)]


def _close(row: Iterable[Any]) -> Close:
    close_id, kind, operator, environment, start, end, closed_at, report = row
    return Close(close_id, kind, operator, environment, dt.datetime.fromisoformat(start),
                 dt.datetime.fromisoformat(end), dt.datetime.fromisoformat(closed_at), report)


#: The CSV export's columns (``seq`` is a number in a spreadsheet; every text cell is formula-safe).
CSV_COLUMNS = ("seq", "at", "action", "operator", "approver", "details", "training", "prev_hash", "hash")


def export_csv(path: Path | str, records: Iterable[AuditRecord]) -> int:
    """Write ``records`` as CSV (UTF-8 with BOM, 0600, :class:`FormulaSafeWriter`); returns how many."""
    count = 0
    with open_private(path, "w", newline="", encoding="utf-8-sig") as handle:
        from .spreadsheet import FormulaSafeWriter  # csv: only when a trail is exported

        writer = FormulaSafeWriter(handle, numeric={"seq"})
        writer.writerow(CSV_COLUMNS)
        for record in records:
            writer.writerow([record.seq, _iso(record.at), record.action, record.operator or "",
                             record.approver or "", redact_pans(record.details_json),
                             "yes" if record.training else "no", record.prev_hash, record.hash])
            count += 1
    return count


def verify_file(path: Path) -> Verification:
    """Verify the audit file at ``path`` without creating it (no file: an empty, intact trail)."""
    if not Path(path).exists():
        return Verification(0)
    log = AuditLog(path)
    try:
        return log.verify()
    finally:
        log.close()
