"""Every journal row names who made it; a journal from before operators were recorded is migrated."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from klogs_desk.domain.journal import UNKNOWN_OPERATOR, EntryKind, Journal

#: The entries table as the first release wrote it (no operator column).
FIRST_RELEASE_SCHEMA = """
CREATE TABLE entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    environment TEXT NOT NULL, kind TEXT NOT NULL, reference TEXT NOT NULL,
    parent_id INTEGER REFERENCES entries(id), amount TEXT NOT NULL, currency TEXT NOT NULL, state TEXT NOT NULL,
    masked_pan TEXT, card_brand TEXT, card_holder TEXT, customer_id TEXT, payment_id TEXT, auth_code TEXT,
    result_code TEXT, result_message TEXT, installment_count INTEGER, checkout_id TEXT, redirect_url TEXT,
    balance TEXT, approved_by TEXT, resolution TEXT, resolved_at TEXT, note TEXT
);
"""


def test_new_rows_record_the_signed_in_operator(tmp_path):
    signed_in = ["Ayşe"]
    journal = Journal(tmp_path / "journal.sqlite3", current_operator=lambda: signed_in[0])
    try:
        first = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference="KD-1",
                                       amount=Decimal("10.00"), currency="TRY")
        signed_in[0] = "Mehmet"
        second = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference="KD-2",
                                        amount=Decimal("5.00"), currency="TRY")
        assert (journal.get(first.id).operator, journal.get(second.id).operator) == ("Ayşe", "Mehmet")
    finally:
        journal.close()


def test_a_journal_of_the_first_release_is_migrated_with_unknown_operators(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(FIRST_RELEASE_SCHEMA)
        db.execute("INSERT INTO entries (created_at, updated_at, environment, kind, reference, amount, currency, "
                   "state) VALUES ('2026-11-30T10:00:00+00:00', '2026-11-30T10:00:00+00:00', 'sandbox', 'sale', "
                   "'KD-OLD', '12.50', 'TRY', 'approved')")
    db.close()
    journal = Journal(path, current_operator=lambda: "Ayşe")
    try:
        (old,) = journal.search()
        assert old.reference == "KD-OLD" and old.amount == Decimal("12.50")
        assert old.operator == UNKNOWN_OPERATOR
        new = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference="KD-NEW",
                                     amount=Decimal("1.00"), currency="TRY")
        assert new.operator == "Ayşe"
    finally:
        journal.close()
    Journal(path).close()  # opening a migrated journal again changes nothing
