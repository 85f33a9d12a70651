"""The audit trail's hash chain: an edited, deleted or reordered record is found (the SQLite file is
tampered with directly, its append-only triggers dropped first as an attacker would), and
``klogs-desk --verify-audit`` says so with its exit code."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from klogs_desk.domain.audit import CHANGED, AuditLog, verify_file

APPROVED_CARD = "4111111111111111"

ROOT = Path(__file__).resolve().parents[2]


def _trail(path: Path, count: int = 6) -> None:
    log = AuditLog(path)
    for number in range(1, count + 1):
        log.append("refund", operator="Ayşe", approver="Mehmet", details={"order_id": f"ORD-{number}",
                                                                          "amount": "10.00"})
    log.close()


def _tamper(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER records_no_update")
    db.execute("DROP TRIGGER records_no_delete")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def test_a_new_trail_is_intact_private_and_in_wal(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite3"
    _trail(path)
    log = AuditLog(path)
    assert log.verify().intact and log.verify().records == 6
    assert log.verify().text == "audit trail: chain intact (6 records)"
    assert log._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert log._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    records = log.records()
    assert [r.seq for r in records] == [6, 5, 4, 3, 2, 1]
    assert records[-1].prev_hash == "0" * 64 and records[0].prev_hash == records[1].hash
    log.close()


def test_updates_and_deletes_are_refused_by_the_file_itself(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite3"
    _trail(path)
    db = sqlite3.connect(path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE records SET operator = 'x' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM records WHERE seq = 2")
    db.close()


@pytest.mark.parametrize(("statements", "broken_at"), [
    (["UPDATE records SET details = replace(details, '10.00', '1.00') WHERE seq = 3"], 3),
    (["UPDATE records SET approver = 'Nobody' WHERE seq = 5"], 5),
    (["DELETE FROM records WHERE seq = 4"], 4),
    # Two records swap places (their contents exchanged, numbers kept).
    (["UPDATE records SET seq = -2 WHERE seq = 2", "UPDATE records SET seq = 2 WHERE seq = 3",
      "UPDATE records SET seq = 3 WHERE seq = -2"], 2),
], ids=["edited-details", "edited-approver", "deleted", "reordered"])
def test_tampering_breaks_the_chain_at_that_record(tmp_path: Path, statements: list[str], broken_at: int) -> None:
    path = tmp_path / "audit.sqlite3"
    _trail(path)
    _tamper(path, *statements)
    result = verify_file(path)
    assert not result.intact
    assert result.broken_at == broken_at
    assert result.text == f"audit trail: broken at record {broken_at}"


def test_an_edit_that_recomputes_the_records_own_hash_still_breaks_the_next(tmp_path: Path) -> None:
    from klogs_desk.domain.audit import record_hash

    path = tmp_path / "audit.sqlite3"
    _trail(path)
    db = sqlite3.connect(path)
    seq, at, action, operator, approver, details, training, prev, _ = db.execute(
        "SELECT * FROM records WHERE seq = 2").fetchone()
    forged = record_hash(seq, at, action, "Someone else", approver, details, bool(training), prev)
    db.close()
    _tamper(path, f"UPDATE records SET operator = 'Someone else', hash = '{forged}' WHERE seq = 2")
    assert verify_file(path).broken_at == 3


def test_no_card_number_and_no_secret_is_ever_stored(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite3"
    log = AuditLog(path)
    log.append("settings.changed", details={"setting": "manager_pin", "old": "1234", "new": "9876"})
    log.append("settings.changed", details={"setting": "api_secret", "old": "s3cr3t", "new": "other"})
    log.append("void", details={"note": f"card {APPROVED_CARD}", "api_key": "abc"})
    texts = [r.details for r in log.records()]
    log.close()
    assert texts[2] == {"setting": "manager_pin", "old": CHANGED, "new": CHANGED}
    assert texts[1] == {"setting": "api_secret", "old": CHANGED, "new": CHANGED}
    assert texts[0]["api_key"] == CHANGED and APPROVED_CARD not in texts[0]["note"]
    raw = path.read_bytes() + (path.with_name(path.name + "-wal").read_bytes()
                               if path.with_name(path.name + "-wal").exists() else b"")
    for secret in (b"1234", b"9876", b"s3cr3t", APPROVED_CARD.encode()):
        assert secret not in raw


def test_closes_are_kept_as_they_were_made(tmp_path: Path) -> None:
    import datetime as dt

    log = AuditLog(tmp_path / "audit.sqlite3")
    now = dt.datetime(2026, 12, 2, 18, tzinfo=dt.timezone.utc)
    close = log.add_close(kind="day", operator="Mehmet", environment="sandbox", period_start=now,
                          period_end=now, report={"sales": {"TRY": "10.00"}})
    assert log.closes(kind="day")[0] == close and close.report == {"sales": {"TRY": "10.00"}}
    with pytest.raises(sqlite3.IntegrityError):
        log._db.execute("UPDATE closes SET report = '{}'")
    log.close()


def _verify_audit(home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KLOGS_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "klogs_desk.app", "--verify-audit"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_verify_audit_on_the_command_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    empty = _verify_audit(home)
    assert empty.returncode == 0, empty.stderr
    assert "chain intact (0 records)" in empty.stdout
    _trail(home / "audit.sqlite3", count=3)
    intact = _verify_audit(home)
    assert intact.returncode == 0 and "chain intact (3 records)" in intact.stdout
    _tamper(home / "audit.sqlite3", "DELETE FROM records WHERE seq = 2")
    broken = _verify_audit(home)
    assert broken.returncode == 1
    assert "broken at record 2" in broken.stdout
