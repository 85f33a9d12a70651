"""The shop database on screen (pytest-qt, a real PostgreSQL, the sandbox): the Settings section only a
manager may change, the status bar's "records waiting" through an outage, and the Journal's all-tills view
where a manager voids a payment made at another till."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import keyring
import pytest
from PySide6.QtCore import QDate, Qt

from klogs_desk.composition import build_shop, build_staff, build_terminal, open_journal
from klogs_desk.config import Config
from klogs_desk.credentials import SHOP_PASSWORD, CredentialStore
from klogs_desk.domain.audit import AuditLog
from klogs_desk.domain.journal import EntryKind, EntryState
from klogs_desk.domain.orders import new_order_id
from klogs_desk.sandbox.ledger import ledger_of
from klogs_desk.services.audit import AuditTrail
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, PaymentService
from klogs_desk.services.staff import StaffService
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.settings_dialog import SettingsDialog
from klogs_desk.ui.shop_journal_model import ShopColumn
from tests.conftest import make_client
from tests.fake_clock import WallClock
from tests.shop_db.pg_server import DATABASE, PASSWORD, USER, free_port
from tests.shop_db.tills import open_till
from tests.terminal_helpers import CASHIER, CASHIER_PIN, MANAGER, MANAGER_PIN, close_terminal, manager_and_cashier


def staff_with_operators(path) -> StaffService:
    return StaffService(manager_and_cashier(path), now=WallClock())


@pytest.mark.parametrize("who, editable", [(CASHIER, False), (MANAGER, True)])
def test_only_a_manager_changes_the_shop_database_and_its_password_goes_to_the_keyring(
        qtbot, tmp_path, memory_keyring, who, editable):
    staff = staff_with_operators(tmp_path / "staff.sqlite3")
    assert staff.sign_in(who, MANAGER_PIN if who == MANAGER else CASHIER_PIN).accepted
    config = Config(tmp_path / "settings.ini")
    dialog = SettingsDialog(config, CredentialStore(), staff=staff)
    qtbot.addWidget(dialog)
    dialog.tell = lambda title, message: None
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.shop_group.isEnabled() is editable
    if not editable:
        assert "manager" in dialog.shop_group.toolTip()
        return
    dialog.shop_host_edit.setText("db.shop.example")
    dialog.save()
    assert dialog.shop_error.isVisible() and config.shop_host == ""  # database, user and till are missing
    dialog.shop_database_edit.setText("shop")
    dialog.shop_user_edit.setText("till")
    dialog.shop_till_edit.setText("Kasa 2")
    qtbot.keyClicks(dialog.shop_password_edit, "s3cret-shop")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert (config.shop_host, config.shop_database, config.shop_user, config.shop_till) == (
        "db.shop.example", "shop", "till", "Kasa 2")
    assert keyring.get_password("klogs-desk", SHOP_PASSWORD) == "s3cret-shop"
    assert "s3cret-shop" not in (tmp_path / "settings.ini").read_text()


@pytest.fixture
def shop_terminal(qtbot, sandbox, shop_database, tmp_path, memory_keyring, event_loop_qt):
    """The app's wiring (build_terminal) of till "Till B" on the shop database, a manager signed in."""
    built = []

    def make(gateway=None):
        gateway = gateway or sandbox
        config = Config(tmp_path / "settings.ini")
        config.shop_host, config.shop_port, config.shop_database = "127.0.0.1", shop_database.port, DATABASE
        config.shop_user, config.shop_till = USER, "Till B"
        credentials = CredentialStore()
        credentials.save_shop_password(PASSWORD)
        audit = AuditLog(tmp_path / "audit.sqlite3")
        staff_path = tmp_path / "staff.sqlite3"
        manager_and_cashier(staff_path).close()
        trail = AuditTrail(audit, current_operator=lambda: staff.operator_name())
        staff = build_staff(config, staff_path, audit=trail, now=WallClock())
        assert staff.sign_in(MANAGER, MANAGER_PIN).accepted
        journal = open_journal(tmp_path / "journal.sqlite3", staff)
        from klogs_desk.composition import shop_settings

        shop = build_shop(shop_settings(config, credentials), journal, audit, staff_path)
        assert shop is not None
        services = AppServices(client=make_client(gateway), journal=journal, sandbox_url=gateway.url, audit=trail)
        terminal = build_terminal(services, config=config, credentials=credentials, sandbox_url=gateway.url,
                                  staff=staff, audit_trail=trail, shop=shop)
        window = terminal.window
        window.tell = lambda title, message: None
        window.show()
        qtbot.waitExposed(window)
        built.append(terminal)
        return terminal

    yield make
    for terminal in built:
        close_terminal(qtbot, terminal, event_loop_qt)


def test_the_status_bar_counts_records_waiting_through_an_outage(qtbot, shop_terminal, shop_database):
    terminal = shop_terminal()
    label = terminal.window.shop_label
    qtbot.waitUntil(lambda: label.text() == "shop database: up to date", timeout=15_000)
    shop_database.stop()
    journal = terminal.services.journal
    row = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=new_order_id(),
                                 amount=Decimal("9.90"), currency="TRY")
    journal.record_outcome(row.id, EntryState.DECLINED)
    qtbot.waitUntil(lambda: label.text() == "shop database: 2 records waiting", timeout=15_000)
    assert "cannot be reached" in label.toolTip()
    shop_database.start()
    qtbot.waitUntil(lambda: label.text() == "shop database: up to date", timeout=30_000)
    assert label.toolTip() == ""


def test_a_manager_voids_another_tills_payment_from_the_all_tills_journal(qtbot, shop_terminal, shop_database,
                                                                           sandbox, tmp_path, event_loop_qt):
    # Till A (another app home) sells and pushes.
    till_a = open_till(tmp_path / "a", shop_database, "Till A")
    client = make_client(sandbox)
    order = CardOrder(order_id=new_order_id(), amount=Decimal("61.20"), currency="TRY", holder="Ayşe Yılmaz",
                      pan="4111111111111111", expiry_month="12",
                      expiry_year=f"{(dt.date.today().year + 3) % 100:02d}", cvv="123")
    selling = event_loop_qt.create_task(PaymentService(AppServices(client=client, journal=till_a.journal)).sale(order))
    qtbot.waitUntil(selling.done, timeout=15_000)
    assert till_a.sync.sync_once() == 0

    terminal = shop_terminal()
    tab = terminal.tabs.journal
    terminal.window.show_page(tab)
    tab.show_all_tills(True)
    assert tab.shop_table.isVisible() and not tab.table.isVisible() and tab.till_combo.isVisible()
    qtbot.waitUntil(lambda: tab.shop_model.rowCount() >= 1, timeout=15_000)
    tills = [tab.till_combo.itemText(i) for i in range(tab.till_combo.count())]
    assert "Till A" in tills
    tab.till_combo.setCurrentIndex(tills.index("Till A"))
    qtbot.waitUntil(lambda: tab.shop_model.rowCount() == 1
                    and tab.shop_model.index(0, ShopColumn.TILL).data() == "Till A", timeout=15_000)
    assert tab.shop_model.index(0, ShopColumn.ORDER_ID).data() == order.order_id
    tab.shop_table.selectRow(0)
    assert tab.shop_void_button.isEnabled()

    actions = terminal.shop_actions
    told: list[str] = []
    actions.confirm = lambda title, question: "Till A" in question
    actions.tell = lambda title, message: told.append(message)
    with qtbot.waitSignal(actions.action_finished, timeout=15_000):
        tab.shop_void_button.click()
    assert told and "Voided" in told[0]
    void = next(e for e in terminal.services.journal.search(limit=10) if e.kind is EntryKind.VOID)
    assert (void.state, void.parent_till, void.reference) == (EntryState.APPROVED, "Till A", order.order_id)
    assert ledger_of(sandbox.app.state.sandbox).by_order(order.order_id).voided
    # Centrally too: the pusher takes the void to the shop, and the view reads the payment as voided.
    qtbot.waitUntil(lambda: terminal.runtime.shop.local.journal_waiting() == 0, timeout=20_000)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.shop_model.rowCount() == 1
                    and tab.shop_model.index(0, ShopColumn.STATE).data() == "VOIDED", timeout=15_000)
    closing = event_loop_qt.create_task(client.aclose())
    qtbot.waitUntil(closing.done, timeout=10_000)
    till_a.close()


def test_close_day_covers_every_till_with_a_breakdown(qtbot, shop_terminal, shop_database, tmp_path):
    till_a = open_till(tmp_path / "a", shop_database, "Till A")
    row = till_a.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=new_order_id(),
                                        amount=Decimal("14.00"), currency="TRY")
    till_a.journal.record_outcome(row.id, EntryState.APPROVED, balance=Decimal("14.00"))
    assert till_a.sync.sync_once() == 0
    till_a.close()
    terminal = shop_terminal()
    window = terminal.window
    window.open_report(shift=False)
    qtbot.waitUntil(lambda: getattr(window, "report_dialog", None) is not None
                    and window.report_dialog.isVisible(), timeout=15_000)
    report = window.report_dialog.report
    assert set(report.by_till) >= {"Till A", "Till B"}
    assert report.by_till["Till A"]["sales"].amount("TRY") == Decimal("14.00")
    text = window.report_dialog.text.toPlainText()
    assert "By till" in text and "Till A" in text
    window.report_dialog.close()


def test_a_manager_refunds_part_of_another_tills_settled_payment(qtbot, shop_terminal, shop_database, fresh_sandbox,
                                                                 tmp_path, event_loop_qt):
    till_a = open_till(tmp_path / "a", shop_database, "Till A")
    client = make_client(fresh_sandbox)
    order = CardOrder(order_id=new_order_id(), amount=Decimal("80.00"), currency="TRY", holder="Ayşe Yılmaz",
                      pan="4111111111111111", expiry_month="12",
                      expiry_year=f"{(dt.date.today().year + 3) % 100:02d}", cvv="123")
    selling = event_loop_qt.create_task(PaymentService(AppServices(client=client, journal=till_a.journal)).sale(order))
    qtbot.waitUntil(selling.done, timeout=15_000)
    assert till_a.sync.sync_once() == 0
    fresh_sandbox.state.clock.advance(dt.timedelta(days=1, minutes=1))  # past the gateway's daily cut-off

    terminal = shop_terminal(fresh_sandbox)
    tab = terminal.tabs.journal
    terminal.window.show_page(tab)
    # The Journal's settlement check uses the gateway's clock: this one's, moved past the cut-off.
    tab._gateway_now = fresh_sandbox.state.clock.now
    tab.show_all_tills(True)
    qtbot.waitUntil(lambda: tab.shop_model.rowCount() == 1, timeout=15_000)
    tab.shop_table.selectRow(0)
    assert tab.shop_refund_button.isEnabled() and not tab.shop_void_button.isEnabled()
    actions = terminal.shop_actions
    told: list[str] = []
    actions.ask_refund_amount = lambda payment, remaining: (
        Decimal("30.00") if remaining == Decimal("80.00") else None)
    actions.tell = lambda title, message: told.append(message)
    with qtbot.waitSignal(actions.action_finished, timeout=15_000):
        tab.shop_refund_button.click()
    assert told and "Till A" in told[0]
    assert ledger_of(fresh_sandbox.app.state.sandbox).by_order(order.order_id).balance() == Decimal("50.00")
    qtbot.waitUntil(lambda: terminal.runtime.shop.local.journal_waiting() == 0, timeout=20_000)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.shop_model.rowCount() == 2
                    and tab.shop_model.index(1, ShopColumn.BALANCE).data() == "50.00 TRY", timeout=15_000)
    closing = event_loop_qt.create_task(client.aclose())
    qtbot.waitUntil(closing.done, timeout=10_000)
    till_a.close()


def test_the_shop_password_is_read_by_the_first_connection_on_its_thread_not_at_start(
        tmp_path, memory_keyring, shop_database):
    """A keyring that takes seconds to answer must not hold up the first frame: building the shop settings
    (start-up, the UI thread) asks it nothing; the first connection (a worker thread) reads it, once."""
    import threading

    from klogs_desk.composition import shop_settings
    from klogs_desk.shop.server import ShopDatabase

    reads: list[threading.Thread] = []

    class WatchedStore(CredentialStore):
        def load_shop_password(self) -> str:
            reads.append(threading.current_thread())
            return super().load_shop_password()

    config = Config(tmp_path / "settings.ini")
    config.shop_host, config.shop_port, config.shop_database = "127.0.0.1", shop_database.port, DATABASE
    config.shop_user, config.shop_till = USER, "Till K"
    credentials = WatchedStore()
    credentials.save_shop_password(PASSWORD)
    settings = shop_settings(config, credentials)
    assert reads == []
    databases = [ShopDatabase(settings), ShopDatabase(settings)]  # the pusher's and the shop reads' connections
    workers = [threading.Thread(target=database.connect) for database in databases]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    try:
        assert all(database.is_open for database in databases)  # the password read late is the right one
    finally:
        for database in databases:
            database.close()
    assert len(reads) == 1 and reads[0] in workers


@pytest.mark.parametrize("language", ["en", "tr"])
def test_the_all_tills_journal_and_close_day_fit_a_1100_px_window(qtbot, request, shop_terminal, shop_database,
                                                                    tmp_path, language):
    """The screens scripts/check_text_fit.py cannot reach without a shop database: every text fits, nothing
    overlaps and every column of the all-tills Journal is on screen in a 1100 px window. The screens go to
    ``$KLOGS_SCREENS_DIR`` when it is set (run under Xvfb with QT_QPA_PLATFORM=xcb to look at them)."""
    import importlib.util
    import os
    from pathlib import Path

    if language == "tr":
        request.getfixturevalue("turkish")
    spec = importlib.util.spec_from_file_location(
        "check_text_fit", Path(__file__).resolve().parents[2] / "scripts" / "check_text_fit.py")
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    shots = os.environ.get("KLOGS_SCREENS_DIR")

    till_a = open_till(tmp_path / "a", shop_database, f"Till A {language}")
    row = till_a.journal.record_pending(environment="sandbox", kind=EntryKind.CHECKOUT, reference=new_order_id(),
                                        amount=Decimal("12345.67"), currency="TRY")
    till_a.journal.record_outcome(row.id, EntryState.AWAITING_CUSTOMER)
    row = till_a.journal.record_pending(environment="sandbox", kind=EntryKind.PREAUTH, reference=new_order_id(),
                                        amount=Decimal("9876.54"), currency="TRY", masked_pan="542119******0656",
                                        card_brand="Mastercard", operator="Mehmet Yılmaz")
    till_a.journal.record_outcome(row.id, EntryState.APPROVED, auth_code="A1B2C3")
    assert till_a.sync.sync_once() == 0
    till_a.close()
    terminal = shop_terminal()
    window, tab = terminal.window, terminal.tabs.journal
    window.resize(1100, 760)
    window.show_page(tab)
    tab.show_all_tills(True)
    qtbot.waitUntil(lambda: tab.shop_model.rowCount() >= 2, timeout=15_000)
    qtbot.wait(50)  # the layout after the rows came
    if shots:
        window.grab().save(str(Path(shots) / f"{language}-all-tills-journal.png"))
    assert window.width() <= 1100
    assert checker.problems_in(window, "all tills") == []
    assert checker.columns_off_screen(tab.shop_table) == []

    window.open_report(shift=False)
    qtbot.waitUntil(lambda: getattr(window, "report_dialog", None) is not None
                    and window.report_dialog.isVisible(), timeout=15_000)
    qtbot.wait(50)
    if shots:
        window.report_dialog.grab().save(str(Path(shots) / f"{language}-close-day.png"))
    assert checker.problems_in(window.report_dialog, "close day") == []
    window.report_dialog.close()


def test_test_connection_reaches_the_shop_database_without_blocking_and_says_why_not(
        qtbot, tmp_path, memory_keyring, shop_database, event_loop_qt):
    """Settings ▸ Shop database ▸ Test connection: the form's values (saved or not), on a worker thread,
    answered in words; nothing is written to the database; a change says it waits for the next start."""
    staff = staff_with_operators(tmp_path / "staff.sqlite3")
    assert staff.sign_in(MANAGER, MANAGER_PIN).accepted
    config = Config(tmp_path / "settings.ini")
    dialog = SettingsDialog(config, CredentialStore(), staff=staff)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.shop_restart_note.isVisible()

    def test_now() -> str:
        qtbot.mouseClick(dialog.shop_test_button, Qt.MouseButton.LeftButton)
        assert not dialog.shop_test_button.isEnabled()  # one test at a time; the window goes on
        qtbot.waitUntil(lambda: RUNNER.running == 0 and dialog.shop_test_button.isEnabled(), timeout=15_000)
        return dialog.shop_test_result.text()

    qtbot.mouseClick(dialog.shop_test_button, Qt.MouseButton.LeftButton)
    assert dialog.shop_test_result.text() == "Type the host, the database and the user first."

    qtbot.keyClicks(dialog.shop_host_edit, "127.0.0.1")
    assert dialog.shop_restart_note.isVisible()
    assert "next start" in dialog.shop_restart_note.text()
    dialog.shop_port_spin.setValue(shop_database.port)
    qtbot.keyClicks(dialog.shop_database_edit, DATABASE)
    qtbot.keyClicks(dialog.shop_user_edit, USER)
    qtbot.keyClicks(dialog.shop_password_edit, "not-the-password")
    text = test_now()
    assert text == f"✘ The shop database refused the user “{USER}” or the password. Check both."
    assert "not-the-password" not in text

    dialog.shop_password_edit.clear()
    qtbot.keyClicks(dialog.shop_password_edit, PASSWORD)
    text = test_now()
    assert text.startswith("✔ The shop database answered: PostgreSQL ")
    assert f"database “{DATABASE}”, user “{USER}”" in text

    dialog.shop_database_edit.setText("no_such_shop")
    assert test_now() == "✘ The shop database server has no database named “no_such_shop”."

    dialog.shop_database_edit.setText(DATABASE)
    dialog.shop_port_spin.setValue(free_port())  # nothing listens there
    assert test_now().startswith("✘ Nothing answered at 127.0.0.1, port ")

    # Testing wrote nothing (no schema, no till) and saved nothing.
    import psycopg

    with psycopg.connect(shop_database.conninfo()) as conn:
        tables = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                              ).fetchone()
    assert tables is not None and tables[0] == 0
    assert config.shop_host == ""


def test_test_connection_uses_the_saved_password_when_none_is_typed(qtbot, tmp_path, memory_keyring,
                                                                    shop_database, event_loop_qt):
    staff = staff_with_operators(tmp_path / "staff.sqlite3")
    assert staff.sign_in(MANAGER, MANAGER_PIN).accepted
    config = Config(tmp_path / "settings.ini")
    config.shop_host, config.shop_port, config.shop_database = "127.0.0.1", shop_database.port, DATABASE
    config.shop_user, config.shop_till = USER, "Till A"
    credentials = CredentialStore()
    credentials.save_shop_password(PASSWORD)
    dialog = SettingsDialog(config, credentials, staff=staff)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.shop_restart_note.isVisible()  # the form is what is saved
    qtbot.mouseClick(dialog.shop_test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: RUNNER.running == 0 and dialog.shop_test_button.isEnabled(), timeout=15_000)
    assert dialog.shop_test_result.text().startswith("✔ The shop database answered")


def test_the_all_tills_journal_has_the_tills_filters(qtbot, shop_terminal, shop_database, tmp_path):
    """All tills: the search, amount, state, operator and date filters of this till's Journal apply too."""
    till_a = open_till(tmp_path / "a", shop_database, "Till A")
    paid, declined = new_order_id(), new_order_id()
    for reference, amount, operator, state in ((paid, Decimal("61.20"), "Ali", EntryState.APPROVED),
                                               (declined, Decimal("20.00"), "Veli", EntryState.DECLINED)):
        row = till_a.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=reference,
                                            amount=amount, currency="TRY", operator=operator,
                                            masked_pan="411111******1111")
        till_a.journal.record_outcome(row.id, state)
    assert till_a.sync.sync_once() == 0

    terminal = shop_terminal()
    tab = terminal.tabs.journal
    terminal.window.show_page(tab)
    tab.show_all_tills(True)

    def shown() -> set[str]:
        return {tab.shop_model.index(row, ShopColumn.ORDER_ID).data() for row in range(tab.shop_model.rowCount())}

    def settle() -> None:
        qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=15_000)

    qtbot.waitUntil(lambda: shown() == {paid, declined}, timeout=15_000)
    for widget in (tab.amount_edit, tab.operator_combo, tab.date_check, tab.from_edit, tab.to_edit):
        assert widget.isVisible()
    operators = [tab.operator_combo.itemData(i) for i in range(1, tab.operator_combo.count())]
    assert operators == ["Ali", "Veli"]

    tab.amount_edit.setText("61.2")  # the amount's value, as on this till
    settle()
    qtbot.waitUntil(lambda: shown() == {paid}, timeout=15_000)
    tab.amount_edit.clear()
    tab.operator_combo.setCurrentIndex(tab.operator_combo.findData("Veli"))
    settle()
    qtbot.waitUntil(lambda: shown() == {declined}, timeout=15_000)
    tab.operator_combo.setCurrentIndex(0)
    tab.search_edit.setText(paid)
    settle()
    qtbot.waitUntil(lambda: shown() == {paid}, timeout=15_000)
    tab.search_edit.clear()
    settle()
    qtbot.waitUntil(lambda: shown() == {paid, declined}, timeout=15_000)

    yesterday = QDate.currentDate().addDays(-1)
    tab.from_edit.setDate(yesterday.addDays(-1))
    tab.to_edit.setDate(yesterday)
    tab.date_check.setChecked(True)
    settle()
    qtbot.waitUntil(lambda: tab.shop_model.rowCount() == 0 and "0 transactions" in tab.status_label.text(),
                    timeout=15_000)
    tab.to_edit.setDate(QDate.currentDate())
    settle()
    qtbot.waitUntil(lambda: shown() == {paid, declined}, timeout=15_000)
    till_a.close()
