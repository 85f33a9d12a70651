"""Close day… and Close shift… at the real terminal window (composition root, real sandbox, audit trail): a
cashier reads the day's figures but closes the day only with a manager's name and PIN typed on the spot
(both names in the close's audit record); a manager closes it alone; a shift report left open across
File ▸ Switch operator does not close someone else's shift."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from klogs_desk.composition import build_staff, build_terminal, open_journal
from klogs_desk.config import Config
from klogs_desk.credentials import CredentialStore
from klogs_desk.domain.audit import AuditLog
from klogs_desk.services.audit import AuditTrail
from klogs_desk.services.context import AppServices
from klogs_desk.ui.report_dialog import ReportDialog
from klogs_desk.ui.transaction_dialogs import ManagerPinDialog
from tests.conftest import make_client
from tests.fake_clock import WallClock
from tests.terminal_helpers import CASHIER, CASHIER_PIN, MANAGER, MANAGER_PIN, close_terminal, manager_and_cashier


@pytest.fixture
def terminal(qtbot, sandbox, tmp_path, memory_keyring, event_loop_qt):
    """The app's wiring (staff, audit trail, reports) on a staff file with Zeynep (manager) and Mehmet
    (cashier); nobody signed in."""
    config = Config(tmp_path / "settings.ini")
    path = tmp_path / "staff.sqlite3"
    manager_and_cashier(path).close()
    staff_box: list = []
    trail = AuditTrail(AuditLog(tmp_path / "audit.sqlite3"), current_operator=lambda: staff_box[0].operator_name(),
                       training=lambda: True)
    staff = build_staff(config, path, audit=trail, now=WallClock())
    staff_box.append(staff)
    journal = open_journal(tmp_path / "journal.sqlite3", staff)
    services = AppServices(client=make_client(sandbox), journal=journal, sandbox_url=sandbox.url, audit=trail)
    built = build_terminal(services, config=config, credentials=CredentialStore(), sandbox_url=sandbox.url,
                           staff=staff, audit_trail=trail)
    window = built.window
    window.told = []
    window.tell = lambda title, message: window.told.append(message)
    window.show()
    qtbot.waitExposed(window)
    yield built, trail
    close_terminal(qtbot, built, event_loop_qt)
    trail.log.close()


def open_day(window) -> ReportDialog:  # type: ignore[no-untyped-def]
    window.close_day_action.trigger()
    dialog = window.report_dialog
    assert isinstance(dialog, ReportDialog) and dialog.isVisible()
    return dialog


def test_a_cashier_reads_the_day_but_closes_it_only_with_a_managers_pin(qtbot, terminal):
    built, trail = terminal
    window, staff = built.window, built.staff
    assert window.idle_lock.try_sign_in(CASHIER, CASHIER_PIN)
    assert window.close_day_action.isEnabled()
    assert window.close_day_action.text() == "Close &day with a manager's PIN…"
    dialog = open_day(window)
    assert "Day report" in dialog.windowTitle() and dialog.text.toPlainText()  # the figures are there to read
    assert dialog.close_button.text() == "Close day with a manager's PIN…"

    asked: list[str] = []
    dialog.ask_pin = lambda what: asked.append(what) or None  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # the manager does not come: nothing closes
    assert asked and dialog.closed is None and trail.log.closes() == []
    assert dialog.close_button.isVisible()

    dialog.ask_pin = lambda what: (CASHIER, CASHIER_PIN)  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Mehmet is not a manager. The day was not closed."
    dialog.ask_pin = lambda what: (MANAGER, "000000")  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("The name or the PIN is wrong.")
    assert trail.log.closes() == []
    assert "day.close" not in [r.action for r in trail.log.records()]

    dialog.ask_pin = lambda what: (MANAGER, MANAGER_PIN)  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.closed is not None and not dialog.close_button.isVisibleTo(dialog)
    assert staff.current is not None and staff.current.name == CASHIER  # the cashier stays signed in
    record = trail.log.records()[0]
    assert (record.action, record.operator, record.approver) == ("day.close", CASHIER, MANAGER)
    assert record.details["close_id"] == dialog.closed.id and trail.verify().intact


def test_the_approval_is_the_void_refund_approval_dialog_typed_by_keyboard(qtbot, terminal):
    built, trail = terminal
    window = built.window
    assert window.idle_lock.try_sign_in(CASHIER, CASHIER_PIN)
    dialog = open_day(window)

    def type_into_dialog() -> None:
        asking = QApplication.activeModalWidget()
        assert isinstance(asking, ManagerPinDialog)
        qtbot.keyClicks(asking.name_edit, MANAGER)
        qtbot.keyClick(asking.name_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(asking.pin_edit, MANAGER_PIN)
        qtbot.keyClick(asking.pin_edit, Qt.Key.Key_Return)

    QTimer.singleShot(200, type_into_dialog)
    assert dialog.close_period() is not None
    record = trail.log.records()[0]
    assert (record.action, record.operator, record.approver) == ("day.close", CASHIER, MANAGER)


def test_a_manager_closes_the_day_alone(qtbot, terminal):
    built, trail = terminal
    window = built.window
    assert window.idle_lock.try_sign_in(MANAGER, MANAGER_PIN)
    assert window.close_day_action.text() == "Close &day…"
    dialog = open_day(window)
    assert dialog.close_button.text() == "Close day"
    dialog.ask_pin = lambda what: pytest.fail("a manager is not asked for an approval")  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.closed is not None
    record = trail.log.records()[0]
    assert (record.action, record.operator, record.approver) == ("day.close", MANAGER, None)


def test_a_day_report_left_open_for_a_cashier_asks_for_the_manager_at_the_close(qtbot, terminal):
    """Opened by a manager, closed after File ▸ Switch operator by a cashier: who is signed in at the close
    decides."""
    built, trail = terminal
    window = built.window
    assert window.idle_lock.try_sign_in(MANAGER, MANAGER_PIN)
    dialog = open_day(window)
    window.switch_operator()
    assert window.idle_lock.try_sign_in(CASHIER, CASHIER_PIN)
    assert window.close_day_action.text() == "Close &day with a manager's PIN…"
    asked: list[str] = []
    dialog.ask_pin = lambda what: asked.append(what) or None  # type: ignore[method-assign]
    assert dialog.close_period() is None
    assert asked and trail.log.closes() == []


def test_a_shift_report_left_open_does_not_close_another_operators_shift(qtbot, terminal):
    built, trail = terminal
    window = built.window
    assert window.idle_lock.try_sign_in(CASHIER, CASHIER_PIN)
    window.close_shift_action.trigger()
    dialog = window.report_dialog
    assert dialog.report.operator == CASHIER
    window.switch_operator()
    assert window.idle_lock.try_sign_in(MANAGER, MANAGER_PIN)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Only Mehmet may do this (closing their own shift). Ask Mehmet to sign in."
    assert dialog.closed is None and trail.log.closes() == []
    record = trail.log.records()[0]
    assert (record.action, record.operator, record.details["owner"]) == ("permission.refused", MANAGER, CASHIER)


def test_a_manager_locked_out_by_wrong_pins_at_close_day_is_told_so_and_the_day_stays_open(qtbot, terminal):
    built, trail = terminal
    window = built.window
    assert window.idle_lock.try_sign_in(CASHIER, CASHIER_PIN)
    dialog = open_day(window)
    dialog.ask_pin = lambda what: (MANAGER, "000000")  # type: ignore[method-assign]
    for _ in range(5):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert "Too many wrong PINs: this operator is locked out. Time left: 30 min" in dialog.status.text()
    dialog.ask_pin = lambda what: (MANAGER, MANAGER_PIN)  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # the right PIN does not open it now
    assert "locked out" in dialog.status.text()
    assert dialog.closed is None and trail.log.closes() == [] and dialog.close_button.isVisible()
