"""Receipts: the PDF is written where the cashier expects it and never carries the full card number."""

from __future__ import annotations

import re
import zlib
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from klogs_desk import paths
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.services.context import AppServices
from klogs_desk.ui.receipt import TRAINING_BANNER, ReceiptPrinter

FULL_PAN = "4111111111111111"
MASKED = "411111******1111"


@pytest.fixture
def services(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    # Receipts never talk to the gateway: no client is needed.
    yield AppServices(client=None, journal=journal, environment="sandbox", merchant_line="Kahve Dünyası — Kadıköy")
    journal.close()


def approved_sale(journal: Journal, reference: str = "R-1001"):
    entry = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=reference,
                                   amount=Decimal("1234.50"), currency="TRY", masked_pan=MASKED,
                                   card_brand="Visa", card_holder="Ayşe Yılmaz")
    return journal.record_outcome(entry.id, EntryState.APPROVED, auth_code="A1B2C3", result_message="Approved")


def _pdf_streams(data: bytes) -> list[bytes]:
    """Every stream of the PDF, inflated where it is compressed."""
    out = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        raw = match.group(1)
        try:
            out.append(zlib.decompress(raw))
        except zlib.error:
            out.append(raw)
    return out


def test_receipt_pdf_is_saved_in_receipts_folder_without_full_pan(qapp, services):
    entry = approved_sale(services.journal)
    path = ReceiptPrinter(services).save_pdf(entry)

    assert path.parent == paths.receipts_dir()
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 1000
    for blob in [data, *_pdf_streams(data)]:
        assert FULL_PAN.encode() not in blob
        assert FULL_PAN.encode("utf-16-be") not in blob


def test_receipt_text_shows_masked_card_amount_and_training_banner(qapp, services):
    entry = approved_sale(services.journal)
    text = ReceiptPrinter(services).document(entry).toPlainText()

    assert MASKED in text and FULL_PAN not in text
    assert "Visa" in text
    assert "A1B2C3" in text
    assert "R-1001" in text
    assert "Kahve Dünyası — Kadıköy" in text
    assert "1,234.50 TRY" in ReceiptPrinter(services).html(entry, QLocale(QLocale.Language.English))
    assert "APPROVED" in text
    assert TRAINING_BANNER in text


def test_turkish_locale_formats_amount_exactly(qapp, services):
    entry = approved_sale(services.journal)
    html = ReceiptPrinter(services).html(entry, QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey))
    assert "1.234,50 ₺" in html


def test_production_receipt_has_no_training_banner(qapp, services):
    services.environment = "production"
    entry = approved_sale(services.journal)
    assert TRAINING_BANNER not in ReceiptPrinter(services).document(entry).toPlainText()


def test_refund_receipt_shows_card_of_original_sale(qapp, services):
    sale = approved_sale(services.journal)
    refund = services.journal.record_pending(environment="sandbox", kind=EntryKind.REFUND, reference="R-1001",
                                             parent_id=sale.id, amount=Decimal("200.00"), currency="TRY")
    refund = services.journal.record_outcome(refund.id, EntryState.APPROVED)
    text = ReceiptPrinter(services).document(refund).toPlainText()
    assert "Refund" in text and MASKED in text and "200.00 TRY" in text


def test_unknown_outcome_receipt_says_so(qapp, services):
    entry = services.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference="R-2",
                                            amount=Decimal("10"), currency="TRY", masked_pan=MASKED)
    entry = services.journal.record_outcome(entry.id, EntryState.UNKNOWN)
    text = ReceiptPrinter(services).document(entry).toPlainText()
    assert "OUTCOME UNKNOWN" in text
    assert "APPROVED" not in text


def test_print_cancelled_prints_nothing_and_preview_paints(qapp, services):
    entry = approved_sale(services.journal)
    printer = ReceiptPrinter(services)
    asked = []
    printer.run_print_dialog = lambda p: asked.append(p) or False
    assert printer.print(entry) is False
    assert len(asked) == 1

    painted = []

    def fake_preview(qprinter, paint):
        qprinter.setOutputFormat(qprinter.OutputFormat.PdfFormat)
        qprinter.setOutputFileName(str(services.journal.path.parent / "preview.pdf"))
        paint(qprinter)
        painted.append(qprinter)

    printer.run_preview_dialog = fake_preview
    printer.preview(entry)
    assert painted and (services.journal.path.parent / "preview.pdf").read_bytes().startswith(b"%PDF")
