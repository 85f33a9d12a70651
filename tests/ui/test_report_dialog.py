"""The shift and day report dialog: Turkish amounts, the close that warns about unknown outcomes, the close
kept and recorded, a closed day reopened and reprinted as it was, and the PDF."""

from __future__ import annotations

import stat
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from klogs_desk.domain.audit import AuditLog
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.services.audit import AuditTrail
from klogs_desk.services.reports import ReportService, UnresolvedPayments
from klogs_desk.ui.report_dialog import ClosedReportsDialog, ReportDialog


@pytest.fixture
def setup(tmp_path):
    operator = ["Ayşe"]
    journal = Journal(tmp_path / "journal.sqlite3", current_operator=lambda: operator[0])
    trail = AuditTrail(AuditLog(tmp_path / "audit.sqlite3"), current_operator=lambda: operator[0],
                       training=lambda: True)
    service = ReportService(journal, trail, environment=lambda: "sandbox")
    yield journal, trail, service, operator
    journal.close()
    trail.log.close()


def sale(journal: Journal, amount: str, state: EntryState = EntryState.APPROVED, brand: str = "Visa"):  # type: ignore[no-untyped-def]
    entry = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=f"R-{amount}-{state.value}",
                                   amount=Decimal(amount), currency="TRY", card_brand=brand,
                                   masked_pan="411111******1111")
    return journal.record_outcome(entry.id, state, balance=Decimal(amount) if state is EntryState.APPROVED else None)


def test_the_report_reads_in_turkish_with_lira_amounts(qtbot, setup, turkish):
    journal, _, service, _ = setup
    sale(journal, "1234.56")
    sale(journal, "0.44", brand="Troy")
    dialog = ReportDialog(service.day_report(), service)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.text.toPlainText()
    assert "1.235,00 ₺" in text and "1.234,56 ₺" in text
    assert "1,234.56" not in text and "TRY" in text  # the column names the currency; amounts carry ₺
    chart = dialog.chart.accessibleDescription()
    assert "1.235,00 ₺" in chart  # the chart's hour, read out in Turkish too


def test_a_day_with_an_unknown_outcome_is_not_closed_silently(qtbot, setup):
    journal, trail, service, _ = setup
    sale(journal, "100.00")
    unknown = sale(journal, "64.20", EntryState.UNKNOWN)
    report = service.day_report()
    assert [row.reference for row in report.unknown] == [unknown.reference]
    with pytest.raises(UnresolvedPayments):
        service.close(report)
    dialog = ReportDialog(report, service)
    qtbot.addWidget(dialog)
    questions: list[str] = []
    dialog.confirm = lambda title, question: questions.append(question) or False  # type: ignore[method-assign]
    assert dialog.close_period() is None
    assert "1 payment(s)" in questions[0] and trail.log.closes() == []
    assert unknown.reference in dialog.text.toPlainText()

    dialog.confirm = lambda title, question: True  # type: ignore[method-assign]
    closed = dialog.close_period()
    assert closed is not None and not dialog.close_button.isVisibleTo(dialog)
    record = trail.log.records()[0]
    assert record.action == "day.close" and record.operator == "Ayşe"
    assert record.details["report_sha256"] == closed.report_hash
    assert record.details["closed_with_unresolved"] is True and record.details["unresolved"] == 1
    assert record.details["sales"] == {"TRY": "100.00"}
    assert trail.verify().intact


def test_a_closed_day_is_reopened_as_it_was_and_reprinting_is_recorded(qtbot, setup, tmp_path):
    journal, trail, service, _ = setup
    sale(journal, "100.00")
    closed = service.close(service.day_report())
    sale(journal, "50.00")  # after the close: the reopened report must not change
    picker = ClosedReportsDialog(service)
    qtbot.addWidget(picker)
    assert picker.list.count() == 1 and "no. 1" in picker.list.item(0).text()
    dialog = picker.open_selected()
    assert dialog is not None and dialog.report.sales.amounts == {"TRY": Decimal("100.00")}
    assert "Closed" in dialog.text.toPlainText() and not dialog.close_button.isVisibleTo(dialog)

    def to_file(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        return True

    dialog.run_print_dialog = to_file  # type: ignore[method-assign]
    assert dialog.print_report()
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF-")
    path = dialog.save_pdf()
    assert path is not None and path.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.name.endswith(f"-{closed.id}.pdf")
    reprints = [r for r in trail.log.records() if r.action == "report.reprint"]
    assert [r.details["output"] for r in reprints] == ["pdf", "printer"]
    dialog.close()


def test_a_shift_report_starts_after_that_operators_last_shift_close(qtbot, setup):
    journal, trail, service, operator = setup
    sale(journal, "10.00")
    first = service.close(service.shift_report())
    assert first.operator == "Ayşe"
    operator[0] = "Mehmet"
    sale(journal, "20.00")
    assert service.shift_report().sales.amounts == {"TRY": Decimal("20.00")}
    operator[0] = "Ayşe"
    sale(journal, "30.00")
    later = service.shift_report()
    assert later.period_start == first.period_end
    assert later.sales.amounts == {"TRY": Decimal("30.00")}
    assert [r.action for r in trail.log.records()] == ["shift.close"]


def test_enter_in_the_report_closes_the_dialog_never_the_day(qtbot, setup):
    """"Close day" and "Close" (Turkish "Günü kapat" / "Kapat") read alike and the day's close cannot be undone:
    Enter, the key a cashier presses to be done with a dialog, presses Close; Close day stands apart on the
    left. Before, Close day was the dialog's default button: Enter in the report closed a manager's day."""
    journal, trail, service, _ = setup
    sale(journal, "42.00")
    dialog = ReportDialog(service.day_report(), service)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    close = next(button for button in dialog.findChildren(QPushButton) if button.text() == "Close")
    assert close.isDefault() and not dialog.close_button.isDefault() and not dialog.close_button.autoDefault()
    # Apart: Close day at the left edge, Close at the right edge of the row below.
    close_day = dialog.close_button.geometry()
    assert close_day.left() < dialog.width() // 4 and close.mapTo(dialog, close.rect().topLeft()).x() > dialog.width() // 2
    assert close.mapTo(dialog, close.rect().topLeft()).y() > close_day.bottom()

    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # in the report's figures, where the focus starts
    assert trail.log.closes() == [] and dialog.closed is None
