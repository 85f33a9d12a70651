"""The shop database's schema, created and migrated by the terminal (no ORM: plain SQL, versioned).

:data:`MIGRATIONS` is the list of (version, description, SQL) applied in order. :func:`migrate` runs at
every connection of a till: under a transaction-scoped advisory lock (two tills starting together never
apply a migration twice), it reads ``schema_migrations``, applies what is missing, each migration in the
same transaction as its ``schema_migrations`` row, and refuses a database whose version is newer than this
terminal knows (:class:`SchemaTooNew`: an older till must not write into a schema it does not understand).

Tables:

* ``tills`` — each till by name with the random ``install_id`` of the app home that registered it: a second
  app home taking the same name is refused (:class:`TillNameTaken`), else two tills' local sequence numbers
  would collide and one till's records would be silently dropped as "already there". ``waiting`` is the
  count of records the till said it still holds (the day report names tills with some), ``last_seen`` when
  it last reached the database.
* ``journal_changes`` — every local journal write (insert, outcome, balance, resolution) as the till's row
  snapshot, ``UNIQUE (till_id, local_seq)``: a retried push inserts nothing twice.
* ``entries`` — each till's journal rows in their latest state (``last_seq``: the change they reflect; an
  older change arriving late never overwrites a newer one). A void or refund made at one till of a payment
  made at another names that payment by ``(parent_till, parent_entry)``.
* ``audit_records`` — each till's hash-chained audit trail, exactly as written there (``at`` kept as the
  text that was hashed), ``PRIMARY KEY (till_id, seq)``.
* ``operators`` — the shop's staff: name, role, PIN hash (never a PIN), disabled; ``changed_at`` (the till's
  clock at the change: the later change wins) and ``version`` (from a sequence: tills pull what changed
  since the version they last saw).
"""

from __future__ import annotations

from typing import Any

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "tills, journal, audit trail, operators", """
CREATE TABLE tills (
    till_id text PRIMARY KEY,
    install_id text NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    last_seen timestamptz,
    waiting integer NOT NULL DEFAULT 0
);
CREATE TABLE journal_changes (
    till_id text NOT NULL REFERENCES tills,
    local_seq bigint NOT NULL,
    entry_id bigint NOT NULL,
    row jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (till_id, local_seq)
);
CREATE TABLE entries (
    till_id text NOT NULL REFERENCES tills,
    entry_id bigint NOT NULL,
    last_seq bigint NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    environment text NOT NULL,
    kind text NOT NULL,
    reference text NOT NULL,
    parent_id bigint,
    amount numeric NOT NULL,
    currency text NOT NULL,
    state text NOT NULL,
    masked_pan text, card_brand text, card_holder text, customer_id text,
    payment_id text, auth_code text, result_code text, result_message text,
    installment_count integer, checkout_id text, redirect_url text,
    balance numeric, approved_by text, resolution text, resolved_at timestamptz, note text, operator text,
    parent_till text, parent_entry bigint,
    PRIMARY KEY (till_id, entry_id)
);
CREATE INDEX entries_created ON entries (created_at);
CREATE INDEX entries_parent ON entries (till_id, parent_id);
CREATE INDEX entries_other_till_parent ON entries (parent_till, parent_entry);
CREATE TABLE audit_records (
    till_id text NOT NULL REFERENCES tills,
    seq bigint NOT NULL,
    at text NOT NULL,
    action text NOT NULL,
    operator text,
    approver text,
    details text NOT NULL,
    training boolean NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    PRIMARY KEY (till_id, seq)
);
CREATE SEQUENCE operator_versions;
CREATE TABLE operators (
    name_key text PRIMARY KEY,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('cashier', 'manager')),
    pin_hash text NOT NULL,
    disabled boolean NOT NULL DEFAULT false,
    changed_at double precision NOT NULL,
    changed_by_till text,
    version bigint NOT NULL DEFAULT nextval('operator_versions')
);
"""),
)

LATEST = MIGRATIONS[-1][0]
#: Any constant: the advisory lock that serialises migrations across tills.
_LOCK_KEY = 0x6B6C6F6773


class SchemaTooNew(Exception):
    """The shop database was migrated by a newer terminal (``.version``)."""

    def __init__(self, version: int) -> None:
        self.version = version
        super().__init__(f"shop database schema {version} is newer than this terminal's {LATEST}")


def migrate(conn: Any) -> int:
    """Bring the database on ``conn`` (a psycopg connection, not in autocommit) to :data:`LATEST`; returns the
    version it was at before. Raises :class:`SchemaTooNew`."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                     "description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
        row = conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
        before = int(row[0])
        if before > LATEST:
            raise SchemaTooNew(before)
        for version, description, sql in MIGRATIONS:
            if version > before:
                conn.execute(sql)
                conn.execute("INSERT INTO schema_migrations (version, description) VALUES (%s, %s)",
                             (version, description))
    return before
