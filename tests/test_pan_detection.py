"""One card-number detector (``domain.cards.find_pans``) behind the log filter, the journal's guard and the
journal's CSV export: the three treat every input alike."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from klogs_desk import log as klog
from klogs_desk.domain.cards import find_pans, redact_pans
from klogs_desk.domain.journal import Entry, EntryKind, EntryState, Journal
from klogs_desk.domain.spreadsheet import neutralise
from klogs_desk.messages import english

#: (text, the same text with its card numbers masked)
CASES = [
    ("paying with 4111111111111111 now", "paying with 411111******1111 now"),
    ("4111 1111 1111 1111", "411111******1111"),
    ("4111-1111-1111-1111", "411111******1111"),
    ("amex 3782-822463-10005", "amex 378282*****0005"),
    ('{"cardNumber":"9792030000000000"}', '{"cardNumber":"979203******0000"}'),
    ("12 digits 123456789015 pass Luhn", "12 digits 123456**9015 pass Luhn"),
    # Next to other numbers, the card number is still found (a whole-run check alone missed these).
    ("amount 100 4111 1111 1111 1111", "amount 100 411111******1111"),
    ("4111 1111 1111 1111 12/30", "411111******1111 12/30"),
    ("two: 4111111111111111, 5421190122090656", "two: 411111******1111, 542119******0656"),
    # Not card numbers: Luhn fails, too long, too short, a UUID, a phone number in E.164.
    ("order 2024061512345678", "order 2024061512345678"),
    ("98765432109876543210", "98765432109876543210"),
    ("12345678903", "12345678903"),
    ("id 00000000-0000-0000-0000-000000000000", "id 00000000-0000-0000-0000-000000000000"),
    ("call +905551234567", "call +905551234567"),
    ("call +90 555 123 45 67", "call +90 555 123 45 67"),
    ("+905551234567 4111 1111 1111 1111", "+905551234567 411111******1111"),
    ("KD-20261126-4F7Q2M", "KD-20261126-4F7Q2M"),
]


@pytest.mark.parametrize("text, redacted", CASES)
def test_the_detector_masks_card_numbers_and_keeps_everything_else(text, redacted):
    assert redact_pans(text) == redacted
    assert bool(find_pans(text)) == (text != redacted)


@pytest.mark.parametrize("text, redacted", CASES)
def test_the_log_filter_redacts_exactly_what_the_detector_finds(text, redacted):
    assert klog.redact(text) == redacted


@pytest.mark.parametrize("text, redacted", CASES)
def test_the_journal_refuses_exactly_what_the_detector_finds(text, redacted):
    journal = Journal(":memory:")
    try:
        row = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference="PAN-1",
                                     amount=Decimal("1.00"), currency="TRY")
        if text == redacted:
            assert english(journal.update(row.id, note=text).note) == text
        else:
            with pytest.raises(ValueError, match="card number"):
                journal.update(row.id, note=text)
            with pytest.raises(ValueError, match="card number"):
                journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference="PAN-2",
                                       amount=Decimal("1.00"), currency="TRY", customer_id=text)
    finally:
        journal.close()


def test_the_csv_export_masks_exactly_what_the_detector_finds(tmp_path):
    """Rows are built directly, as a journal written before the guard existed could hold them."""
    now = dt.datetime(2026, 12, 2, tzinfo=dt.timezone.utc)
    base = Entry(id=1, created_at=now, updated_at=now, environment="sandbox", kind=EntryKind.SALE,
                 reference="PAN-1", parent_id=None, amount=Decimal("1.00"), currency="TRY",
                 state=EntryState.APPROVED)
    entries = [dataclasses.replace(base, id=n, note=text) for n, (text, _) in enumerate(CASES, start=1)]
    journal = Journal(":memory:")
    try:
        assert journal.export_csv(tmp_path / "out.csv", entries) == len(CASES)
    finally:
        journal.close()
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as handle:
        notes = [row["note"] for row in csv.DictReader(handle)]
    # Masked as the detector says; a note that starts like a formula ("+90...") also gets the export's
    # leading apostrophe (domain/spreadsheet.py).
    assert notes == [neutralise(redacted) for _, redacted in CASES]

