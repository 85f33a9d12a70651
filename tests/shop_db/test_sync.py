"""Tills push their journal, audit trail and operators to a real PostgreSQL shop database: in order,
idempotently, with the audit chain intact on the shop's copy."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from klogs_desk.domain.journal import EntryKind, EntryState
from klogs_desk.domain.operators import Role, hash_pin
from klogs_desk.shop.schema import LATEST, SchemaTooNew, migrate
from klogs_desk.shop.server import TillNameTaken
from klogs_desk.shop.settings import ShopSettings
from tests.shop_db.tills import open_till


def sale(till, reference: str, amount: str, state: EntryState = EntryState.APPROVED):
    row = till.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=reference,
                                      amount=Decimal(amount), currency="TRY", masked_pan="4155 **** **** 1111")
    return till.journal.record_outcome(row.id, state, balance=Decimal(amount))


def test_the_schema_is_migrated_once_and_a_newer_one_is_refused(shop_database):
    with psycopg.connect(shop_database.conninfo()) as conn:
        assert migrate(conn) == 0
        assert migrate(conn) == LATEST
        conn.execute("INSERT INTO schema_migrations VALUES (%s, 'from the future')", (LATEST + 1,))
        conn.commit()
        with pytest.raises(SchemaTooNew):
            migrate(conn)


def test_two_tills_push_in_order_and_a_retry_doubles_nothing(shop_database, tmp_path):
    a = open_till(tmp_path / "a", shop_database, "Till 1")
    b = open_till(tmp_path / "b", shop_database, "Till 2")
    try:
        first = sale(a, "A-1", "10.50")
        sale(a, "A-2", "3.25", EntryState.DECLINED)
        sale(b, "B-1", "7.00")
        a.audit.append("void", operator="Ayşe", details={"amount": "1.00"})
        assert a.sync.local.waiting() == 5  # 2 rows x (insert + outcome) + 1 audit record
        assert a.sync.sync_once() == 0
        assert b.sync.sync_once() == 0
        a.journal.update(first.id, balance=Decimal("4.50"))  # a later change of the same row
        # The answer of a push is lost: the outbox still holds what the shop already has.
        changes = a.sync.local.journal_changes(100)
        a.sync.database.push_journal("Till 1", changes)
        a.sync.database.push_journal("Till 1", changes)
        assert a.sync.sync_once() == 0
        db = a.sync.database
        assert db.count("journal_changes") == 7
        shop = {(e.till, e.entry.reference): e for e in db.entries()}
        assert set(shop) == {("Till 1", "A-1"), ("Till 1", "A-2"), ("Till 2", "B-1")}
        assert shop["Till 1", "A-1"].entry.balance == Decimal("4.50")
        assert shop["Till 1", "A-2"].entry.state is EntryState.DECLINED
        assert db.verify_audit("Till 1").intact and db.verify_audit("Till 1").records == 1
    finally:
        a.close()
        b.close()


def test_a_till_name_belongs_to_one_app_home(shop_database, tmp_path):
    a = open_till(tmp_path / "a", shop_database, "Counter")
    other = open_till(tmp_path / "other", shop_database, "Counter")
    try:
        a.sync.sync_once()
        with pytest.raises(TillNameTaken):
            other.sync.sync_once()
    finally:
        a.close()
        other.close()


def test_a_history_written_before_the_shop_database_is_sent_too(shop_database, tmp_path):
    from klogs_desk.domain.journal import Journal

    home = tmp_path / "old"
    home.mkdir()
    old = Journal(home / "journal.sqlite3")
    for n in range(3):
        row = old.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=f"OLD-{n}",
                                 amount=Decimal("1.00"), currency="TRY")
        old.record_outcome(row.id, EntryState.APPROVED)
    old.close()
    till = open_till(home, shop_database, "Old till")
    try:
        assert till.sync.sync_once() == 0
        assert sorted(e.entry.reference for e in till.sync.database.entries()) == ["OLD-0", "OLD-1", "OLD-2"]
        assert all(e.entry.state is EntryState.APPROVED for e in till.sync.database.entries())
    finally:
        till.close()


def test_operators_reach_every_till_and_a_disabled_one_is_refused_there(shop_database, tmp_path):
    a = open_till(tmp_path / "a", shop_database, "Till 1")
    b = open_till(tmp_path / "b", shop_database, "Till 2")
    try:
        a.staff.add("Zeynep", Role.CASHIER, hash_pin("4321"))
        a.sync.sync_once()
        b.sync.sync_once()
        assert b.staff.check_pin("Zeynep", "4321")
        assert b.sync.local.operators_waiting() == 0  # the pull is not pushed back
        a.staff.set_disabled("Zeynep", True)
        a.sync.sync_once()
        b.sync.sync_once()
        assert b.staff.get("Zeynep").disabled
        # The shop stores the hash only.
        with psycopg.connect(shop_database.conninfo()) as conn:
            stored = conn.execute("SELECT pin_hash FROM operators WHERE name = 'Zeynep'").fetchone()[0]
        # scrypt$N$r$p$salt$digest: numbers and hex only, no field that could hold the PIN ("4321" itself may
        # turn up inside the random hex, so looking for it in the whole string fails once in a few hundred runs).
        algorithm, *parameters, salt, digest = stored.split("$")
        assert algorithm == "scrypt" and len(parameters) == 3 and all(p.isdigit() for p in parameters)
        assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
        assert "4321" not in parameters
    finally:
        a.close()
        b.close()


def test_tls_is_required_off_the_machine():
    assert ShopSettings(host="10.0.0.5", database="d", user="u", till="t", ssl_mode="disable").effective_ssl_mode \
        == "require"
    assert ShopSettings(host="db.shop.example", database="d", user="u", till="t",
                        ssl_mode="verify-full").effective_ssl_mode == "verify-full"
    assert ShopSettings(host="127.0.0.1", database="d", user="u", till="t").effective_ssl_mode == "prefer"
    assert "sslmode=require" in ShopSettings(host="10.0.0.5", database="d", user="u", till="t").conninfo()


def test_a_tampered_shop_copy_of_the_audit_chain_is_found_and_nothing_more_is_appended(shop_database, tmp_path):
    from klogs_desk.shop.server import ChainBroken

    till = open_till(tmp_path / "a", shop_database, "Till 1")
    try:
        for n in range(3):
            till.audit.append("refund", operator="Ayşe", details={"n": n})
        till.sync.sync_once()
        assert till.sync.database.verify_audit("Till 1").intact
        with psycopg.connect(shop_database.conninfo()) as conn:
            conn.execute("UPDATE audit_records SET details = '{\"n\":9}' WHERE till_id = 'Till 1' AND seq = 2")
        assert till.sync.database.verify_audit("Till 1").broken_at == 2
        with psycopg.connect(shop_database.conninfo()) as conn:  # the last record replaced: the chain forks
            conn.execute("UPDATE audit_records SET hash = repeat('f', 64) WHERE till_id = 'Till 1' AND seq = 3")
        till.audit.append("void", operator="Ayşe")
        with pytest.raises(ChainBroken):
            till.sync.sync_once()
        assert till.sync.local.audit_waiting() == 1
        restarted = open_till(tmp_path / "a", shop_database, "Till 1")  # the next run looks at the whole copy
        with pytest.raises(ChainBroken):
            restarted.sync.sync_once()
        restarted.close()
    finally:
        till.close()


def test_a_cashier_signs_in_at_any_till_also_with_the_database_down_and_a_disabled_one_nowhere(shop_database,
                                                                                             tmp_path):
    from klogs_desk.services.staff import StaffService

    a = open_till(tmp_path / "a", shop_database, "Till 1")
    b = open_till(tmp_path / "b", shop_database, "Till 2")
    try:
        a.staff.add("Deniz", Role.CASHIER, hash_pin("2468"))
        a.staff.add("Ece", Role.CASHIER, hash_pin("1357"))
        a.sync.sync_once()
        b.sync.sync_once()  # till 2 hears of both
        shop_database.stop()
        staff_b = StaffService(b.staff)
        assert staff_b.sign_in("Deniz", "2468").accepted  # from the cache: the database is down
        with pytest.raises(psycopg.OperationalError):
            b.sync.sync_once()
        shop_database.start()
        a.staff.set_disabled("Ece", True)  # a manager at till 1
        a.sync.sync_once()
        b.sync.sync_once()
        assert not staff_b.sign_in("Ece", "1357").accepted
        assert staff_b.sign_in("Deniz", "2468").accepted
    finally:
        a.close()
        b.close()
