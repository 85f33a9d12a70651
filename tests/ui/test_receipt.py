"""Receipts: the PDF is written where the cashier expects it and never carries the full card number."""

from __future__ import annotations

import re
import zlib
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from klogs_desk import paths
from klogs_desk.config import Config
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
    path = ReceiptPrinter(services, config=Config()).save_pdf(entry)

    assert path.parent == paths.receipts_dir()
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 1000
    for blob in [data, *_pdf_streams(data)]:
        assert FULL_PAN.encode() not in blob
        assert FULL_PAN.encode("utf-16-be") not in blob


def test_receipt_text_shows_masked_card_amount_and_training_banner(qapp, services):
    entry = approved_sale(services.journal)
    text = ReceiptPrinter(services, config=Config()).document(entry).toPlainText()

    assert MASKED in text and FULL_PAN not in text
    assert "Visa" in text
    assert "A1B2C3" in text
    assert "R-1001" in text
    assert "Kahve Dünyası — Kadıköy" in text
    assert "1,234.50 TRY" in ReceiptPrinter(services, config=Config()).html(entry, QLocale(QLocale.Language.English))
    assert "APPROVED" in text
    assert TRAINING_BANNER in text


def test_turkish_locale_formats_amount_exactly(qapp, services):
    entry = approved_sale(services.journal)
    html = ReceiptPrinter(services, config=Config()).html(entry, QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey))
    assert "1.234,50 ₺" in html


def test_production_receipt_has_no_training_banner(qapp, services):
    services.environment = "production"
    entry = approved_sale(services.journal)
    assert TRAINING_BANNER not in ReceiptPrinter(services, config=Config()).document(entry).toPlainText()


def test_refund_receipt_shows_card_of_original_sale(qapp, services):
    sale = approved_sale(services.journal)
    refund = services.journal.record_pending(environment="sandbox", kind=EntryKind.REFUND, reference="R-1001",
                                             parent_id=sale.id, amount=Decimal("200.00"), currency="TRY")
    refund = services.journal.record_outcome(refund.id, EntryState.APPROVED)
    text = ReceiptPrinter(services, config=Config()).document(refund).toPlainText()
    assert "Refund" in text and MASKED in text and "200.00 TRY" in text


def test_unknown_outcome_receipt_says_so(qapp, services):
    entry = services.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference="R-2",
                                            amount=Decimal("10"), currency="TRY", masked_pan=MASKED)
    entry = services.journal.record_outcome(entry.id, EntryState.UNKNOWN)
    text = ReceiptPrinter(services, config=Config()).document(entry).toPlainText()
    assert "OUTCOME UNKNOWN" in text
    assert "APPROVED" not in text


def test_print_cancelled_prints_nothing_and_preview_paints(qapp, services):
    entry = approved_sale(services.journal)
    printer = ReceiptPrinter(services, config=Config())
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


# --- paper and where a PDF goes ---------------------------------------------------------------------------

PT_PER_MM = 72 / 25.4


def _media_box(data: bytes) -> list[float]:
    match = re.search(rb"/MediaBox\s*\[\s*([-\d.\s]+)\]", data)
    assert match, "the PDF has no MediaBox"
    return [float(number) for number in match.group(1).split()]


def _config(tmp_path):
    return Config(tmp_path / "settings.ini")


def test_80mm_receipt_pdf_is_80mm_wide_with_text_at_its_own_size(qapp, services, tmp_path):
    printer = ReceiptPrinter(services, config=_config(tmp_path))
    assert printer.paper == "80mm"  # the counter printer's roll is the default
    entry = approved_sale(services.journal)
    path = printer.save_pdf(entry, tmp_path / "roll.pdf")

    x0, _y0, x1, y1 = _media_box(path.read_bytes())
    assert abs((x1 - x0) - 80 * PT_PER_MM) < 0.5
    assert 60 * PT_PER_MM - 0.5 <= y1 < 200 * PT_PER_MM  # as long as the receipt, not an A4 page
    document = printer.document(entry)
    printable_px = (80 - 2 * 4) / 25.4 * 96
    assert document.textWidth() == pytest.approx(printable_px)  # laid out at 72 mm: printed, not scaled down
    assert 9 <= document.defaultFont().pointSizeF() <= 10
    assert document.size().height() / 96 * 25.4 < y1 / PT_PER_MM  # the whole receipt is on the one page
    for blob in [path.read_bytes(), *_pdf_streams(path.read_bytes())]:
        assert FULL_PAN.encode() not in blob and FULL_PAN.encode("utf-16-be") not in blob


def test_a4_choice_is_remembered_by_a_new_printer_and_used_for_the_pdf(qapp, services, tmp_path):
    ReceiptPrinter(services, config=_config(tmp_path)).paper = "a4"
    printer = ReceiptPrinter(services, config=_config(tmp_path))
    assert printer.paper == "a4"
    path = printer.save_pdf(approved_sale(services.journal), tmp_path / "sheet.pdf")
    x0, _y0, x1, y1 = _media_box(path.read_bytes())
    assert abs((x1 - x0) - 210 * PT_PER_MM) < 1 and abs(y1 - 297 * PT_PER_MM) < 1


def test_preview_paper_choice_rerenders_and_is_remembered(qtbot, services, tmp_path):
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QComboBox

    printer = ReceiptPrinter(services, config=_config(tmp_path))
    entry = approved_sale(services.journal)
    qprinter = QPrinter()
    painted = []
    dialog = printer.preview_dialog(qprinter, lambda target: painted.append(
        target.pageLayout().pageSize().size(target.pageLayout().pageSize().Unit.Millimeter).width()), entry)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted))
    assert painted[-1] == pytest.approx(80)
    paper = dialog.findChild(QComboBox, "receiptPaper")
    assert paper.accessibleName() and paper.currentData() == "80mm"
    painted.clear()
    paper.setCurrentIndex(paper.findData("a4"))
    qtbot.waitUntil(lambda: bool(painted))
    assert painted[-1] == pytest.approx(210)
    assert ReceiptPrinter(services, config=_config(tmp_path)).paper == "a4"


def test_save_asks_where_starting_in_the_last_folder_and_links_to_it(qtbot, services, tmp_path):
    from klogs_desk.ui.fit import ElidedLabel

    printer = ReceiptPrinter(services, config=_config(tmp_path))
    entry = approved_sale(services.journal)
    asked = []
    first = tmp_path / "shop receipts"
    first.mkdir()
    printer.choose_pdf_path = lambda default: asked.append(default) or first / "mine.pdf"
    status = ElidedLabel()
    qtbot.addWidget(status)
    path = printer.save_pdf_asking(entry, status)

    assert asked[0].parent == paths.receipts_dir() and asked[0].name.endswith(f"-{entry.id}.pdf")
    assert path == first / "mine.pdf" and path.read_bytes().startswith(b"%PDF-")
    assert path.stat().st_mode & 0o777 == 0o600
    assert str(path) in status.text()
    assert status.link().toLocalFile() == str(first) and status.openExternalLinks()
    status.resize(200, 30)
    status.show()
    assert 'href="file://' in QLabelText(status) and "…" in status.shown_text()

    # A new printer (the next day) starts in that folder; cancelling writes nothing and keeps the status.
    again = ReceiptPrinter(services, config=_config(tmp_path))
    asked.clear()
    again.choose_pdf_path = lambda default: asked.append(default) or None
    before = sorted(p.name for p in first.iterdir())
    assert again.save_pdf_asking(entry, status) is None
    assert asked[0].parent == first
    assert sorted(p.name for p in first.iterdir()) == before
    assert not asked[0].exists()
    assert "mine.pdf" in status.text()


def QLabelText(label) -> str:  # noqa: N802 (the QLabel's own text, the rich text it draws)
    from PySide6.QtWidgets import QLabel

    return QLabel.text(label)
