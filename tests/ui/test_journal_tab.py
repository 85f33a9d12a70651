"""The Journal tab: what a cashier sees, finds and exports."""

from __future__ import annotations

import csv
import os
import signal as signals
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QPushButton

from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.services.context import AppServices
from klogs_desk.ui.journal_model import PAGE_SIZE, JournalColumn, JournalTableModel
from klogs_desk.ui.journal_tab import JournalTab
from tests.ui.journal_helpers import refreshed

FULL_PANS = ("4111111111111111", "5421190122090656")


@pytest.fixture
def services(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    # The journal tab reads the local journal only; it never calls the gateway.
    yield AppServices(client=None, journal=journal, environment="sandbox", merchant_line="Test shop")
    journal.close()


def add(journal, reference, amount, state, masked="411111******1111", kind=EntryKind.SALE, env="sandbox", **kw):
    entry = journal.record_pending(environment=env, kind=kind, reference=reference, amount=Decimal(amount),
                                   currency="TRY", masked_pan=masked, card_brand="Visa", **kw)
    return journal.record_outcome(entry.id, state)


@pytest.fixture
def filled(services):
    j = services.journal
    add(j, "A-100", "100.00", EntryState.APPROVED)
    add(j, "A-101", "25.50", EntryState.DECLINED, masked="542119******0656")
    add(j, "A-102", "100", EntryState.UNKNOWN, masked="542119******0656")
    add(j, "B-200", "7.25", EntryState.APPROVED)
    add(j, "OTHER-ENV", "1.00", EntryState.APPROVED, env="production")
    return services


def shown_orders(tab: JournalTab) -> list[str]:
    model = tab.table.model()
    return [model.index(r, JournalColumn.ORDER_ID).data() for r in range(model.rowCount())]


def shows(qtbot, tab: JournalTab, orders: list[str]) -> None:
    """Wait until the table shows exactly ``orders`` (a filter just changed: its rows are on their way)."""
    qtbot.waitUntil(lambda: shown_orders(tab) == orders, timeout=5_000)


def test_model_passes_qtmodeltester(qtmodeltester, filled):
    model = JournalTableModel()
    model.set_entries(filled.journal.search(environment="sandbox"))
    qtmodeltester.check(model)


def test_newest_first_current_environment_only_with_state_words(qtbot, filled):
    tab = JournalTab(filled)
    qtbot.addWidget(tab)
    refreshed(tab)
    assert shown_orders(tab) == ["B-200", "A-102", "A-101", "A-100"]
    model = tab.table.model()
    assert model.index(1, JournalColumn.STATE).data() == "OUTCOME UNKNOWN"
    assert model.index(2, JournalColumn.STATE).data() == "DECLINED"
    assert model.index(0, JournalColumn.AMOUNT).data().endswith("TRY")
    assert model.index(0, JournalColumn.CARD).data() == "411111******1111 Visa"
    assert "4 transactions" in tab.status_label.text()


def test_the_count_under_the_table_says_transactions_as_it_counts_refunds_and_voids_too(qtbot, services):
    """One sale refunded in part, one voided: four rows, and the count must not call them four payments."""
    j = services.journal
    sale = add(j, "C-300", "50.00", EntryState.APPROVED)
    add(j, "C-300", "20.00", EntryState.APPROVED, kind=EntryKind.REFUND, parent_id=sale.id)
    other = add(j, "C-301", "9.00", EntryState.APPROVED)
    add(j, "C-301", "9.00", EntryState.APPROVED, kind=EntryKind.VOID, parent_id=other.id)
    tab = JournalTab(services)
    qtbot.addWidget(tab)
    refreshed(tab)
    assert tab.model.rowCount() == 4
    assert tab.status_label.text() == "4 transactions"
    tab.search_edit.setText("C-301")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=5_000)
    qtbot.waitUntil(lambda: tab.status_label.text() == "2 transactions", timeout=5_000)


def test_search_by_order_id_and_last_four(qtbot, filled):
    tab = JournalTab(filled)
    qtbot.addWidget(tab)
    tab.search_edit.setText("A-10")
    shows(qtbot, tab, ["A-102", "A-101", "A-100"])
    tab.search_edit.setText("0656")
    shows(qtbot, tab, ["A-102", "A-101"])
    tab.search_edit.setText("no-such-order")
    shows(qtbot, tab, [])
    assert "0 transactions" in tab.status_label.text()


def test_amount_filter_matches_value_and_reports_bad_input(qtbot, filled):
    tab = JournalTab(filled)
    qtbot.addWidget(tab)
    tab.show()
    tab.amount_edit.setText("100")
    shows(qtbot, tab, ["A-102", "A-100"])  # 100 and 100.00 are the same amount
    tab.amount_edit.setText("25,50")
    shows(qtbot, tab, ["A-101"])
    tab.amount_edit.setText("abc")
    assert tab.filter_message.isVisible()
    assert "Amount filter not applied" in tab.filter_message.text()
    qtbot.waitUntil(lambda: len(shown_orders(tab)) == 4, timeout=5_000)


def test_state_filter(qtbot, filled):
    tab = JournalTab(filled)
    qtbot.addWidget(tab)
    tab.state_combo.setCurrentIndex(tab.state_combo.findText("Needs checking (outcome unknown, pending)"))
    shows(qtbot, tab, ["A-102"])
    tab.state_combo.setCurrentIndex(tab.state_combo.findText("Approved"))
    shows(qtbot, tab, ["B-200", "A-100"])


def test_date_range_filter(qtbot, filled):
    tab = JournalTab(filled)
    qtbot.addWidget(tab)
    today = QDate.currentDate()
    tab.from_edit.setDate(today.addDays(-10))
    tab.to_edit.setDate(today.addDays(-5))
    refreshed(tab)
    assert len(shown_orders(tab)) == 4  # range ignored until the box is ticked
    tab.date_check.setChecked(True)
    shows(qtbot, tab, [])
    tab.to_edit.setDate(today)
    qtbot.waitUntil(lambda: len(shown_orders(tab)) == 4, timeout=5_000)


def test_csv_export_of_shown_rows_has_no_full_pan(qtbot, filled, tmp_path):
    tab = JournalTab(filled)
    qtbot.addWidget(tab)
    target = tmp_path / "export.csv"
    tab.choose_export_path = lambda default: target
    tab.search_edit.setText("A-10")
    shows(qtbot, tab, ["A-102", "A-101", "A-100"])
    with qtbot.waitSignal(tab.exported) as signal:
        tab.export_csv()
    assert signal.args == [str(target), 3]
    text = target.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    assert [r["reference"] for r in rows] == ["A-102", "A-101", "A-100"]
    assert {r["masked_pan"] for r in rows} == {"411111******1111", "542119******0656"}
    digits = "".join(ch for ch in text if ch.isdigit() or ch == "\n")
    for pan in FULL_PANS:
        assert pan not in text and pan not in digits
    assert "Exported 3 transactions" in tab.status_label.text()


def test_cancelled_export_writes_nothing(qtbot, filled, tmp_path):
    tab = JournalTab(filled)
    qtbot.addWidget(tab)
    tab.choose_export_path = lambda default: None
    assert tab.export_csv() is None
    assert list(tmp_path.glob("*.csv")) == []


def test_refresh_on_show_and_new_payment_appears(qtbot, filled):
    tab = JournalTab(filled)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: len(shown_orders(tab)) == 4, timeout=5_000)
    add(filled.journal, "C-300", "9.99", EntryState.APPROVED)
    tab.hide()
    tab.show()
    qtbot.waitUntil(lambda: shown_orders(tab)[:1] == ["C-300"], timeout=5_000)


def test_seams_disabled_until_implemented_and_receipt_saves(qtbot, filled):
    tab = JournalTab(filled)
    qtbot.addWidget(tab)
    refreshed(tab)
    for name in ("journalDetails", "journalVoid", "journalRefund"):
        button = tab.findChild(QPushButton, name)
        assert button is not None and not button.isEnabled() and button.toolTip()
    assert not tab.receipt_pdf_button.isEnabled()

    tab.table.selectRow(0)
    assert tab.selected_entry().reference == "B-200"
    assert not tab.void_button.isEnabled()
    voided = []
    tab.set_action_handler("void", voided.append, "Void the selected payment")
    assert tab.void_button.isEnabled()
    qtbot.mouseClick(tab.void_button, Qt.MouseButton.LeftButton)
    assert [e.reference for e in voided] == ["B-200"]

    asked = []
    tab.receipts.choose_pdf_path = lambda default: asked.append(default) or None  # cancelled: nothing
    qtbot.mouseClick(tab.receipt_pdf_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and not asked[0].exists() and "Receipt saved to" not in tab.status_label.text()
    tab.receipts.choose_pdf_path = lambda default: default
    qtbot.mouseClick(tab.receipt_pdf_button, Qt.MouseButton.LeftButton)
    assert "Receipt saved to" in tab.status_label.text()
    assert tab.status_label.link().toLocalFile() == str(asked[0].parent)
    saved = tab.status_label.text().split("Receipt saved to ", 1)[1]
    with open(saved, "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_selection_survives_refresh(qtbot, filled):
    tab = JournalTab(filled)
    qtbot.addWidget(tab)
    refreshed(tab)
    tab.table.selectRow(2)
    add(filled.journal, "C-301", "1.50", EntryState.APPROVED)
    refreshed(tab)
    assert shown_orders(tab)[0] == "C-301"
    assert tab.selected_entry().reference == "A-101"


def test_rows_from_before_balances_were_kept_derive_refunds_from_their_children(qtbot, services):
    """A payment approved before the terminal recorded balances: its approved refunds say what is left;
    a refund still without an outcome does not count, a Turkish locale shows its own separators."""
    from PySide6.QtCore import QLocale

    j = services.journal
    sale = add(j, "OLD-1", "1500.00", EntryState.APPROVED)
    first = j.record_pending(environment="sandbox", kind=EntryKind.REFUND, reference="OLD-1", parent_id=sale.id,
                             amount=Decimal("250.25"), currency="TRY")
    j.record_outcome(first.id, EntryState.APPROVED)
    j.record_pending(environment="sandbox", kind=EntryKind.REFUND, reference="OLD-1", parent_id=sale.id,
                     amount=Decimal("1249.75"), currency="TRY")  # still pending
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey))
    try:
        tab = JournalTab(services)  # the model keeps the locale it was made in
        qtbot.addWidget(tab)
        refreshed(tab)
    finally:
        QLocale.setDefault(previous)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.entry(r).id == sale.id)
    assert tab.model.index(row, JournalColumn.STATE).data() == "PARTLY REFUNDED"
    assert tab.model.index(row, JournalColumn.BALANCE).data() == "1.249,75 ₺"
    assert "can still be refunded" in tab.model.index(row, JournalColumn.STATE).data(Qt.ItemDataRole.ToolTipRole)


def test_the_column_chooser_hides_auth_code_and_resolution_until_chosen_and_remembers(qtbot, filled, tmp_path):
    from klogs_desk.config import Config

    config = Config(tmp_path / "settings.ini")
    tab = JournalTab(filled, config=config)
    qtbot.addWidget(tab)
    hidden = {column for column in range(tab.model.columnCount()) if tab.table.isColumnHidden(column)}
    assert hidden == {JournalColumn.AUTH_CODE, JournalColumn.RESOLUTION}  # both are in Details
    offered = {action.objectName() for action in tab.column_menu.actions()}
    assert "journalColumn_order_id" not in offered and "journalColumn_state" not in offered
    # The header's right-click menu: the cashier shows Auth code and hides Balance.
    actions = {action.objectName(): action for action in tab.column_menu.actions()}
    actions["journalColumn_auth_code"].trigger()
    actions["journalColumn_balance"].trigger()
    assert not tab.table.isColumnHidden(JournalColumn.AUTH_CODE) and tab.table.isColumnHidden(JournalColumn.BALANCE)
    again = JournalTab(filled, config=Config(tmp_path / "settings.ini"))  # the next start
    qtbot.addWidget(again)
    assert not again.table.isColumnHidden(JournalColumn.AUTH_CODE)
    assert again.table.isColumnHidden(JournalColumn.BALANCE) and again.table.isColumnHidden(JournalColumn.RESOLUTION)


def test_operator_column_says_who_approved_only_when_someone_did(qtbot, services):
    from klogs_desk.services.transactions import APPROVED_BY_NO_PIN

    journal = services.journal
    sale = add(journal, "OP-1", "50.00", EntryState.APPROVED)
    add(journal, "OP-1", "5.00", EntryState.APPROVED, kind=EntryKind.REFUND, parent_id=sale.id,
        approved_by=APPROVED_BY_NO_PIN)
    add(journal, "OP-1", "6.00", EntryState.APPROVED, kind=EntryKind.REFUND, parent_id=sale.id,
        approved_by="Ayşe")
    model = JournalTableModel()
    model.set_entries(journal.search(environment="sandbox"))
    operators = [model.index(row, JournalColumn.OPERATOR).data() for row in range(model.rowCount())]
    # Training without operators: nobody to name; a manager's approval is still said.
    assert sorted(operators) == ["", "", "approved by Ayşe"]
    row = operators.index("approved by Ayşe")
    assert model.index(row, JournalColumn.OPERATOR).data(Qt.ItemDataRole.ToolTipRole) == "approved by Ayşe"


@pytest.fixture
def many(services):
    """1,250 payments: more than the 1,000 the tab used to show, and many pages of the model."""
    j = services.journal
    for n in range(1250):
        j.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=f"MANY-{n:05d}",
                         amount=Decimal("10.00"), currency="TRY", masked_pan="411111******1111",
                         card_holder=f"Holder 4111 1111 1111 1111 #{n}", state=EntryState.APPROVED)
    return services


def test_every_row_is_shown_however_many_and_reads_right_when_scrolled_to(qtbot, many):
    tab = JournalTab(many)
    qtbot.addWidget(tab)
    tab.resize(1000, 500)
    with qtbot.waitSignal(tab.rows_shown, timeout=5_000) as shown:
        tab.show()
    assert shown.args == [1250] and "1250 transactions" in tab.status_label.text()
    assert tab.model.rowCount() == 1250
    tab.table.scrollToBottom()
    last = tab.model.index(1249, JournalColumn.ORDER_ID)
    assert last.data() == "MANY-00000" and tab.model.index(0, JournalColumn.ORDER_ID).data() == "MANY-01249"
    assert tab.model.index(640, JournalColumn.ORDER_ID).data() == "MANY-00609"
    tab.search_edit.setText("MANY-0060")
    shows(qtbot, tab, [f"MANY-{n:05d}" for n in range(609, 599, -1)])


def test_rows_paged_down_to_quickly_paint_their_texts_once_the_paging_stops(qtbot, many):
    """Paging down faster than pages are read paints some rows empty for a moment (their page is read in
    small steps after the paint); once the paging stops every row on screen paints its own texts."""
    tab = JournalTab(many)
    qtbot.addWidget(tab)
    tab.resize(1000, 500)
    with qtbot.waitSignal(tab.rows_shown, timeout=5_000):
        tab.show()
    bar = tab.table.verticalScrollBar()
    for _ in range(12):
        bar.setValue(bar.value() + bar.pageStep())
        tab.table.viewport().repaint()  # painted at once, as a screen is at every page down
    model, viewport = tab.model, tab.table.viewport()
    rows = range(tab.table.rowAt(0), tab.table.rowAt(viewport.height() - 1) + 1)

    def painted_right() -> bool:
        viewport.repaint()
        return all(model.painted_text(row, column) == model.index(row, column).data()
                   for row in rows for column in (JournalColumn.ORDER_ID, JournalColumn.AMOUNT))

    qtbot.waitUntil(painted_right, timeout=5_000)
    assert model.painted_text(rows[-1], JournalColumn.ORDER_ID) == f"MANY-{1249 - rows[-1]:05d}"
    qtbot.waitUntil(lambda: not model._deferred_timer.isActive(), timeout=5_000)
    # The rows passed on the way (painted empty, scrolled past before their turn came) were never read.
    on_screen = {row // PAGE_SIZE for row in rows}
    assert set(model._pages) - on_screen - {0, 1} == set()


def test_export_of_many_rows_is_complete_pan_free_and_the_screen_keeps_moving(qtbot, many, tmp_path):
    tab = JournalTab(many)
    qtbot.addWidget(tab)
    refreshed(tab)
    target = tmp_path / "many.csv"
    tab.choose_export_path = lambda default: target
    ticks = []
    heartbeat = QTimer(interval=1)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()
    with qtbot.waitSignal(tab.exported, timeout=30_000) as signal:
        assert tab.export_csv() == target
        started = len(ticks)
        assert not tab.export_button.isEnabled() and not tab.cancel_export_button.isHidden()
    heartbeat.stop()
    assert len(ticks) > started  # the timer fired during the export: the event loop was never held
    assert signal.args == [str(target), 1250]
    assert tab.export_button.isEnabled() and tab.cancel_export_button.isHidden()
    text = target.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    assert [r["reference"] for r in rows] == [f"MANY-{n:05d}" for n in range(1249, -1, -1)]
    assert "4111 1111 1111 1111" not in text and "4111111111111111" not in text
    assert all(r["card_holder"].startswith("Holder ") and r["card_holder"].endswith(f"#{1249 - i}")
               for i, r in enumerate(rows))


@pytest.fixture
def exporting(qtbot, many, tmp_path):
    """The Journal tab of ``many`` exporting them all to ``export.csv``, its rows on screen first (their count
    is the status line): ``(tab, target, the export process's pid)``. The export's end reaches the tab by a
    queued signal, so what a test connects before it returns to the event loop still hears it."""
    tab = JournalTab(many)
    qtbot.addWidget(tab)
    refreshed(tab)
    target = tmp_path / "export.csv"
    tab.choose_export_path = lambda default: target
    tab.export_csv()
    return tab, target, tab._export.pid


def test_an_export_can_be_cancelled_and_leaves_no_file(qtbot, exporting, tmp_path):
    tab, target, child = exporting
    exported = []
    tab.exported.connect(lambda *args: exported.append(args))
    qtbot.mouseClick(tab.cancel_export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.export_button.isEnabled(), timeout=10_000)
    assert "Export cancelled" in tab.status_label.text()
    assert not target.exists() and exported == []
    assert tab.cancel_export_button.isHidden()
    assert process_gone(child)  # the export's process was stopped, not left running
    assert exports_in(tmp_path) == []  # no half-written copy either


def process_gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rpartition(")")[2].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def exports_in(folder) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".csv", ".part")))


def test_the_file_holds_every_row_of_the_filters_shown_and_no_other(qtbot, filled, tmp_path):
    tab = JournalTab(filled)
    qtbot.addWidget(tab)
    tab.amount_edit.setText("100")  # 100 and 100.00, in this environment only
    shows(qtbot, tab, ["A-102", "A-100"])
    target = tmp_path / "amount.csv"
    tab.choose_export_path = lambda default: target
    with qtbot.waitSignal(tab.exported, timeout=10_000) as signal:
        tab.export_csv()
    assert signal.args == [str(target), 2]
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert [r["reference"] for r in csv.DictReader(handle)] == ["A-102", "A-100"]
    tab.state_combo.setCurrentIndex(tab.state_combo.findText("Approved"))
    shows(qtbot, tab, ["A-100"])
    with qtbot.waitSignal(tab.exported, timeout=10_000) as signal:
        tab.export_csv()  # the same file again: replaced whole
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert [r["reference"] for r in csv.DictReader(handle)] == ["A-100"]
    assert "Exported 1 transaction" in tab.status_label.text()


def test_an_export_to_a_folder_that_is_gone_says_so_and_writes_nothing(qtbot, filled, tmp_path):
    tab = JournalTab(filled)
    qtbot.addWidget(tab)
    refreshed(tab)
    target = tmp_path / "unplugged-stick" / "journal.csv"
    tab.choose_export_path = lambda default: target
    exported = []
    tab.exported.connect(lambda *args: exported.append(args))
    tab.export_csv()
    qtbot.waitUntil(lambda: tab.export_button.isEnabled(), timeout=10_000)
    text = tab.status_label.text()
    assert f"Could not write {target}" in text and "No file was written" in text, text
    assert exported == [] and exports_in(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="pauses the export process with SIGSTOP")
def test_quitting_during_an_export_leaves_no_export_process_and_no_file(qtbot, many, exporting, tmp_path):
    tab, _target, child = exporting
    os.kill(child, signals.SIGSTOP)  # still exporting when the terminal quits
    many.journal.close()  # what quitting does once the window is closed (klogs_desk/app.py)
    assert process_gone(child)
    qtbot.waitUntil(lambda: "Export cancelled" in tab.status_label.text(), timeout=10_000)
    assert exports_in(tmp_path) == []


def test_rows_read_just_before_the_journal_closes_are_dropped_without_an_error(qtbot, filled):
    """Quitting (or a test ending) closes the journal while a refresh's answer is still queued for the UI
    thread: the tab drops it quietly instead of reading the closed journal for the selected row's buttons."""
    tab = JournalTab(filled)
    qtbot.addWidget(tab)
    tab.set_action_handler("void", lambda entry: None)  # the buttons ask the journal about the selected row
    refreshed(tab)
    tab.table.selectRow(0)
    assert tab.selected_entry() is not None
    tab.refresh()
    tab._pending_read.result(5)  # answered on the reader thread; the UI thread has not run since: queued
    filled.journal.close()
    qtbot.wait(50)  # the queued answer reaches the tab: an exception here fails the test (pytest-qt)
    assert tab.selected_entry() is not None and tab.selected_entry().reference == "B-200"
