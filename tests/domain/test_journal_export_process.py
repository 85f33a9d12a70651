"""The Journal's export in its own process (:mod:`klogs_desk.domain.journal_export`), as a user would notice it:
quitting during an export (the journal closes) or the terminal dying leaves no export process and no file,
the journal keeps taking payments while it is read, and the filters cross the pipe unchanged."""

from __future__ import annotations

import csv
import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time
from decimal import Decimal
from pathlib import Path

import pytest

from klogs_desk.domain.journal import EntryKind, EntryState, ExportCancelled, Journal
from klogs_desk.domain.journal_export import (
    EXPORT_PROCESS_ARGUMENT,
    ExportFailed,
    ExportJob,
    decode_filters,
    encode_filters,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="pauses the export process with SIGSTOP")


def fill(path: Path, rows: int, prefix: str) -> None:
    """``rows`` approved sales in one transaction (set-up only)."""
    journal = Journal(path)
    stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
    journal._db.execute("BEGIN")
    journal._db.executemany(
        "INSERT INTO entries (created_at, updated_at, environment, kind, reference, amount, currency, state, "
        "masked_pan, operator) VALUES (?, ?, 'sandbox', 'sale', ?, '10.00', 'TRY', 'approved', "
        "'411111******1111', 'op')", ((stamp, stamp, f"{prefix}-{n:06d}") for n in range(rows)))
    journal._db.execute("COMMIT")
    journal.close()


def wait_for(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def gone(pid: int) -> bool:
    """The process has ended (reaped, or a zombie waiting for a parent that is not ours)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rpartition(")")[2].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".part", ".csv")))


@pytest.fixture
def big_journal(tmp_path) -> tuple[Path, Path]:
    """A journal of 20,000 approved sales (an export long enough to be stopped mid-file) and an empty folder
    for its file: ``(journal path, folder)``."""
    path = tmp_path / "journal.sqlite3"
    fill(path, 20_000, "BIG")
    out = tmp_path / "out"
    out.mkdir()
    return path, out


@posix_only
def test_closing_the_journal_stops_the_export_process_and_leaves_no_file(big_journal):
    path, out = big_journal
    journal = Journal(path)
    job = journal.export_in_background(out / "export.csv", {"environment": "sandbox"})
    wait_for(lambda: job.progress[0] > 0)  # rows are being written
    os.kill(job.pid, signal.SIGSTOP)  # held mid-file, so the close below happens during the export
    assert [name.endswith(".part") for name in leftovers(out)] == [True]
    journal.close()  # what quitting does
    assert gone(job.pid)
    with pytest.raises(ExportCancelled):
        job.future.result(10)
    assert leftovers(out) == []  # neither the file nor its half-written copy
    again = Journal(path)
    try:
        assert len(again.matching_ids(environment="sandbox")) == 20_000  # the journal itself is untouched
    finally:
        again.close()


PARENT = textwrap.dedent("""
    import sys, time
    from klogs_desk.domain.journal import Journal
    journal = Journal(sys.argv[1])
    job = journal.export_in_background(sys.argv[2], {"environment": "sandbox"})
    while job.progress[0] == 0:
        time.sleep(0.005)
    print(job.pid, flush=True)
    time.sleep(600)
""")


@posix_only
def test_a_terminal_killed_during_an_export_leaves_no_export_process_and_no_file(big_journal):
    path, out = big_journal
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(path), str(out / "export.csv")],
                              stdout=subprocess.PIPE, text=True, env=dict(os.environ, KLOGS_EXPORT_NICENESS="0"))
    try:
        child = int(parent.stdout.readline())
        os.kill(child, signal.SIGSTOP)  # still mid-file when its terminal dies
        parent.kill()  # kill -9: the terminal can clean nothing up
        parent.wait(10)
        os.kill(child, signal.SIGCONT)
        wait_for(lambda: gone(child))  # it saw its stdin close and stopped by itself
    finally:
        parent.kill()
        parent.stdout.close()
    assert leftovers(out) == []


def test_payments_are_recorded_while_an_export_reads_the_journal(tmp_path):
    path = tmp_path / "journal.sqlite3"
    fill(path, 5_000, "BUSY")
    journal = Journal(path)
    try:
        job = journal.export_in_background(tmp_path / "busy.csv", {"environment": "sandbox"})
        for n in range(20):  # a sale's two writes, while the export process reads (WAL: nobody waits)
            entry = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=f"DURING-{n}",
                                           amount=Decimal("1.00"), currency="TRY", masked_pan="411111******1111")
            journal.record_outcome(entry.id, EntryState.APPROVED)
        written = job.future.result(60)
    finally:
        journal.close()
    with (tmp_path / "busy.csv").open(encoding="utf-8-sig", newline="") as handle:
        references = [row["reference"] for row in csv.DictReader(handle)]
    assert written == len(references) >= 5_000
    assert set(references) >= {f"BUSY-{n:06d}" for n in range(5_000)}
    assert leftovers(tmp_path) == ["busy.csv"]


def test_the_filters_cross_the_pipe_unchanged():
    since = dt.datetime(2026, 12, 1, 21, 0, tzinfo=dt.timezone.utc)
    filters = {"environment": "sandbox", "text": "Ç-100 \"%_\\", "states": (EntryState.UNKNOWN, EntryState.PENDING),
               "since": since, "until": since + dt.timedelta(days=2), "operator": "Ayşe", "amount": Decimal("100")}
    assert decode_filters(encode_filters(filters)) == filters
    empty = {"environment": "sandbox", "text": None, "states": None, "since": None, "until": None,
             "operator": None, "amount": None}
    assert decode_filters(encode_filters(empty)) == empty


def test_an_in_memory_journal_is_not_handed_to_another_process():
    journal = Journal(":memory:")
    try:
        with pytest.raises(ValueError):
            journal.export_in_background("never.csv", {})
    finally:
        journal.close()


def test_the_bundle_entry_point_runs_the_export(tmp_path):
    """The frozen bundle starts the export as ``klogs-desk --journal-export``: ``klogs_desk/__main__.py``
    (its entry point) dispatches on that argument."""
    path = tmp_path / "journal.sqlite3"
    fill(path, 30, "ENTRY")
    journal = Journal(path)  # open, as the terminal's is while it exports
    try:
        job = ExportJob(path, tmp_path / "entry.csv", {"environment": "sandbox"},
                        command=[sys.executable, "-m", "klogs_desk", EXPORT_PROCESS_ARGUMENT])
        assert job.future.result(60) == 30
    finally:
        journal.close()
    assert leftovers(tmp_path) == ["entry.csv"]


def test_a_journal_that_cannot_be_read_gives_a_message_and_no_file(tmp_path):
    job = ExportJob(tmp_path / "no-such-journal.sqlite3", tmp_path / "never.csv", {"environment": "sandbox"})
    with pytest.raises(ExportFailed) as failed:
        job.future.result(60)
    assert failed.value.msg.code == "export.unreadable"
    assert leftovers(tmp_path) == []
