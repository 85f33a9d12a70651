"""What the audit trail records through the real services and screens (a void with its approver, a
settings change whose secret shows only as "changed", a journal CSV export, an environment switch, start
and stop), and the manager's Audit trail view: search, formula-safe export, and a broken chain shown both
in the view and on the main window."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from decimal import Decimal

import pytest

from klogs_desk.composition import build_terminal
from klogs_desk.config import Config
from klogs_desk.credentials import CredentialStore
from klogs_desk.domain.audit import AuditLog
from klogs_desk.domain.journal import Journal
from klogs_desk.domain.operators import OperatorStore
from klogs_desk.domain.orders import new_order_id
from klogs_desk.services.audit import AuditTrail
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState, PaymentService
from klogs_desk.services.staff import StaffService
from klogs_desk.services.transactions import APPROVED_BY_MANAGER_PIN, TransactionService
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.audit_dialog import AuditDialog
from klogs_desk.ui.settings_dialog import SettingsDialog
from tests.conftest import make_client

APPROVE = "4111111111111111"


def card_order(amount: str = "100.00", pan: str = APPROVE) -> CardOrder:
    return CardOrder(order_id=new_order_id(), amount=Decimal(amount), currency="TRY", holder="Ayşe Yılmaz", pan=pan,
                     expiry_month="12", expiry_year=f"{(dt.date.today().year + 3) % 100:02d}", cvv="123")


def run(qtbot, loop, coro):  # type: ignore[no-untyped-def]
    task = loop.create_task(coro)
    qtbot.waitUntil(task.done, timeout=15_000)
    return task.result()


@pytest.fixture
def trail(tmp_path):
    services_box: list[AppServices] = []
    audit_log = AuditLog(tmp_path / "audit.sqlite3")
    trail = AuditTrail(audit_log, current_operator=lambda: "Trainee",
        training=lambda: not services_box or services_box[0].environment == "sandbox")
    trail.services_box = services_box
    yield trail
    audit_log.close()


@pytest.fixture
def services(sandbox, tmp_path, trail, event_loop_qt):
    journal = Journal(tmp_path / "journal.sqlite3")
    services = AppServices(client=make_client(sandbox), journal=journal, sandbox_url=sandbox.url, audit=trail)
    trail.services_box.append(services)
    yield services
    event_loop_qt.create_task(services.client.aclose())
    journal.close()


def test_a_void_is_recorded_with_its_approver_and_a_capture_with_its_outcome(qtbot, services, trail,
                                                                            event_loop_qt):
    payments = PaymentService(services)
    sale = run(qtbot, event_loop_qt, payments.sale(card_order("150.00")))
    assert sale.state is OutcomeState.APPROVED
    run(qtbot, event_loop_qt,
        TransactionService(services).void(services.journal.get(sale.entry_id), APPROVED_BY_MANAGER_PIN))
    hold = run(qtbot, event_loop_qt, payments.pre_authorize(card_order("80.00")))
    run(qtbot, event_loop_qt, payments.capture(hold.entry_id, Decimal("60.00")))

    capture, void = trail.log.records()[:2]
    assert void.action == "void" and void.approver == "manager PIN" and void.operator == "Trainee"
    assert void.training
    assert void.details == {"order_id": sale.order_id, "entry_id": void.details["entry_id"], "amount": "150.00",
                            "currency": "TRY", "outcome": "done"}
    assert capture.action == "capture" and capture.details["amount"] == "60.00"
    assert capture.details["outcome"] == "approved"
    assert trail.verify().intact


def test_a_settings_change_names_old_and_new_and_a_secret_only_as_changed(qtbot, tmp_path, trail,
                                                                        memory_keyring):
    config = Config(tmp_path / "settings.ini")
    staff = StaffService(OperatorStore(":memory:"), audit=trail)
    staff.start("sandbox")
    dialog = SettingsDialog(config, CredentialStore(), staff=staff)
    qtbot.addWidget(dialog)
    dialog.idle_lock_spin.setValue(480)
    dialog.api_secret_edit.setText("super-secret-value")
    dialog.auth_mode_combo.setCurrentIndex(dialog.auth_mode_combo.count() - 1)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted

    changes = {r.details["setting"]: r for r in trail.log.records() if r.action == "settings.changed"}
    assert changes["security/idle_lock_minutes"].details == {"setting": "security/idle_lock_minutes", "old": 15,
                                                             "new": 480}
    assert changes["security/idle_lock_minutes"].operator == "Trainee"
    assert changes["sandbox/credentials"].details["new"] == "changed"
    assert changes["sandbox/auth_mode"].details["old"] == "headers"
    stored = (tmp_path / "audit.sqlite3").read_bytes() + (tmp_path / "audit.sqlite3-wal").read_bytes()
    assert b"super-secret-value" not in stored


@pytest.fixture
def terminal(qtbot, services, trail, tmp_path, memory_keyring):
    config = Config(tmp_path / "settings.ini")
    staff = StaffService(OperatorStore(":memory:"), audit=trail)
    built = build_terminal(services, config=config, credentials=CredentialStore(), sandbox_url=services.sandbox_url,
                           audit_trail=trail, staff=staff)
    built.window.show()
    qtbot.waitExposed(built.window)
    yield built
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    # The window's quiet health lookup must end on this test's loop, not be cancelled under the next test.
    qtbot.waitUntil(lambda: built.window.health_check_task is None or built.window.health_check_task.done(),
                    timeout=10_000)
    built.window.close()
    built.window.deleteLater()
    qtbot.wait(10)


def test_start_csv_export_and_stop_are_recorded(qtbot, terminal, trail, tmp_path, event_loop_qt):
    qtbot.waitUntil(lambda: any(r.action == "app.start" for r in trail.log.records()))
    journal_tab = terminal.tabs.journal
    journal_tab.choose_export_path = lambda default: tmp_path / "journal.csv"
    with qtbot.waitSignal(journal_tab.exported, timeout=10_000):  # written on the journal's export thread
        journal_tab.export_csv()
    run(qtbot, event_loop_qt, terminal.runtime.stop())

    actions = [r.action for r in reversed(trail.log.records())]
    assert actions[0] == "app.start" and actions[-1] == "app.stop"
    by_action = {r.action: r for r in trail.log.records()}
    assert by_action["app.start"].details["version"]
    assert by_action["journal.csv-export"].details == {"rows": 0, "file": "journal.csv"}
    assert by_action["journal.csv-export"].operator == "Trainee" and by_action["app.stop"].training


def test_the_audit_view_searches_exports_and_shows_a_broken_chain(qtbot, terminal, trail, tmp_path):
    for number in range(1, 4):
        trail.record("refund", approver="Mehmet", details={"order_id": f"=HYPERLINK(\"x\",\"{number}\")"})
    terminal.window.open_audit_trail()
    dialog: AuditDialog = terminal.window.audit_dialog
    qtbot.waitExposed(dialog)
    assert dialog.status.text().startswith("Chain intact")
    assert not terminal.window.audit_notice.isVisible()
    qtbot.keyClicks(dialog.search, "Mehmet")
    assert dialog.model.rowCount() == 3
    assert dialog.model.index(0, 2).data() == "Refund"
    dialog.choose_export_path = lambda default: tmp_path / "audit.csv"
    dialog.export()
    with open(tmp_path / "audit.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "seq" and len(rows) == 4
    assert all(row[5].startswith('{') for row in rows[1:])  # JSON text, never a live formula
    assert rows[1][2] == "refund"
    dialog.close()

    db = sqlite3.connect(trail.log.path)
    db.execute("DROP TRIGGER records_no_update")
    db.execute("UPDATE records SET approver = 'Nobody' WHERE seq = 2")
    db.commit()
    db.close()
    terminal.window.open_audit_trail()
    dialog = terminal.window.audit_dialog
    assert dialog.status.text().startswith("Broken at record 2")
    assert terminal.window.audit_notice.isVisible()
    assert "broken at record 2" in terminal.window.audit_notice.text()
    dialog.close()


def test_formula_cells_are_neutralised_in_the_export(tmp_path):
    from klogs_desk.domain.audit import export_csv

    audit_log = AuditLog(tmp_path / "audit.sqlite3")
    audit_log.append("=cmd|' /C calc'!A0", operator="@Ayşe", approver="+Mehmet")
    export_csv(tmp_path / "out.csv", audit_log.records())
    audit_log.close()
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as handle:
        row = list(csv.reader(handle))[1]
    assert row[0] == "1" and row[2].startswith("'=") and row[3] == "'@Ayşe" and row[4] == "'+Mehmet"


def test_the_operators_records_reach_the_same_chain(qtbot, terminal, trail):
    terminal.window.idle_lock.lock()
    record = trail.log.records()[0]
    assert (record.action, record.operator) == ("idle-lock", "Trainee")
    assert trail.verify().intact

def test_receipt_output_is_recorded_and_the_table_model_is_sound(qtbot, qtmodeltester, services, trail):
    from klogs_desk.config import Config
    from klogs_desk.domain.journal import EntryKind, EntryState
    from klogs_desk.ui.receipt import ReceiptPrinter

    row = services.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference="R-77",
                                          amount=Decimal("12.50"), currency="TRY", masked_pan="411111******1111")
    row = services.journal.record_outcome(row.id, EntryState.APPROVED)
    ReceiptPrinter(services, config=Config()).save_pdf(row)
    record = trail.log.records()[0]
    assert record.action == "receipt.pdf"
    assert record.details == {"order_id": "R-77", "entry_id": row.id, "output": "pdf"}

    dialog = AuditDialog(trail)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.index(0, 2).data() == "Receipt saved as PDF"


def test_a_record_that_cannot_be_written_never_undoes_the_action(tmp_path):
    audit_log = AuditLog(tmp_path / "audit.sqlite3")
    failures: list[BaseException] = []
    trail = AuditTrail(audit_log, current_operator=lambda: "Trainee", on_failure=failures.append)
    audit_log.close()  # the file went away under the terminal
    assert trail.record("void", approver="manager PIN") is None
    assert len(failures) == 1
