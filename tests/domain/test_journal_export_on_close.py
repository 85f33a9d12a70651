"""Quitting while the Journal exports: the export is cancelled (its half-written file removed), the journal
closes at once instead of waiting for the export to finish, and every row is still in the journal."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest

from klogs_desk.domain.journal import EntryKind, EntryState, ExportCancelled, Journal


def test_closing_the_journal_cancels_an_export_in_progress_and_keeps_every_row(tmp_path):
    path = tmp_path / "journal.sqlite3"
    journal = Journal(path)
    for n in range(3_000):
        journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=f"CLOSE-{n:05d}",
                               amount=Decimal("10.00"), currency="TRY", masked_pan="411111******1111",
                               state=EntryState.APPROVED)
    target = tmp_path / "export.csv"
    started = threading.Event()
    release = threading.Event()

    def progress(done: int, total: int) -> None:
        if done:  # the first chunk is written: hold the export here until the journal is closing
            started.set()
            release.wait(10)

    future = journal.export_in_background(target, {"environment": "sandbox"}, progress=progress)
    assert started.wait(10)
    closer = threading.Thread(target=journal.close)
    closer.start()
    release.set()
    closer.join(10)
    assert not closer.is_alive()  # close returned: it did not wait for the other 2,000+ rows
    with pytest.raises(ExportCancelled):
        future.result(10)
    assert not target.exists()  # no half-written copy left behind
    again = Journal(path)
    try:
        assert len(again.matching_ids(environment="sandbox")) == 3_000
    finally:
        again.close()
