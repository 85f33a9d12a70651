"""Operators at the real terminal window (composition root, real sandbox): the Trainee on a fresh sandbox,
sign-in at start by keyboard only, Switch operator (Ctrl+Shift+O), the status bar, a cashier refused a
manager's work with a sentence, the Operators dialog, the Journal's operator filter, manager approval by
keyboard only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from klogs_desk.composition import build_staff, build_terminal, open_journal
from klogs_desk.config import Config
from klogs_desk.credentials import CredentialStore
from klogs_desk.domain.journal import EntryKind
from klogs_desk.domain.orders import new_order_id
from klogs_desk.services.context import AppServices
from klogs_desk.ui.journal_model import JournalColumn
from klogs_desk.ui.transaction_dialogs import ManagerPinDialog
from tests.conftest import make_client
from tests.fake_clock import WallClock
from tests.terminal_helpers import CASHIER, CASHIER_PIN, MANAGER, MANAGER_PIN, close_terminal, manager_and_cashier


@pytest.fixture
def terminal_for(qtbot, sandbox, tmp_path, memory_keyring, event_loop_qt):
    """``terminal_for(operators=True)``: the app's wiring on a staff file with Zeynep (manager) and Mehmet
    (cashier), or an empty one (a fresh sandbox terminal)."""
    built = []

    def make(*, operators: bool, after_first_frame: bool = False):  # type: ignore[no-untyped-def]
        config = Config(tmp_path / "settings.ini")
        path = tmp_path / "staff.sqlite3"
        if operators:
            manager_and_cashier(path).close()
        staff = build_staff(config, path, now=WallClock())
        journal = open_journal(tmp_path / "journal.sqlite3", staff)
        services = AppServices(client=make_client(sandbox), journal=journal, sandbox_url=sandbox.url)
        terminal = build_terminal(services, config=config, credentials=CredentialStore(), sandbox_url=sandbox.url,
                                  staff=staff, after_first_frame=after_first_frame)
        window = terminal.window
        window.told = []
        window.tell = lambda title, message: window.told.append(message)
        window.confirm = lambda title, question: True
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.wait(20)  # the first-shown focus is given on the next turn of the event loop
        built.append(terminal)
        return terminal

    yield make
    for terminal in built:
        close_terminal(qtbot, terminal, event_loop_qt)


def type_sign_in(qtbot, screen, name: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    """Keyboard only: the cursor starts in the name field; Enter moves to the PIN, Enter signs in."""
    focused = QApplication.focusWidget()
    assert focused is screen.name, f"the cursor is in {focused!r}, not the name field"
    qtbot.keyClicks(focused, name)
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is screen.pin
    qtbot.keyClicks(screen.pin, pin)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)


def test_a_fresh_sandbox_starts_as_the_trainee_in_training_mode(terminal_for, tmp_path):
    window = terminal_for(operators=False).window
    assert not window.idle_lock.locked
    assert window.operator_label.text() == "Signed in: Trainee (training)"
    assert window.settings_action.isEnabled() and window.operators_action.isEnabled()
    window.grab().save(str(tmp_path / "trainee.png"))


def test_sign_in_at_start_and_switch_operator_by_keyboard_only(qtbot, terminal_for, tmp_path):
    terminal = terminal_for(operators=True)
    window, staff = terminal.window, terminal.staff
    lock = window.idle_lock
    assert lock.locked and staff.current is None  # a manager exists: nobody is signed in at start
    assert not lock.screen.training_button.isVisible()
    window.grab().save(str(tmp_path / "sign_in.png"))

    type_sign_in(qtbot, lock.screen, CASHIER, CASHIER_PIN)
    assert not lock.locked and window.operator_label.text() == "Signed in: Mehmet (cashier)"

    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert lock.locked and staff.current is None and window.operator_label.text() == "Nobody signed in"
    assert lock.screen.name.text() == ""
    type_sign_in(qtbot, lock.screen, MANAGER, MANAGER_PIN)
    assert window.operator_label.text() == "Signed in: Zeynep (manager)"


def test_a_cashier_is_refused_a_managers_work_with_a_clear_sentence(qtbot, terminal_for):
    terminal = terminal_for(operators=True)
    window, tabs = terminal.window, terminal.tabs
    assert window.idle_lock.try_sign_in(CASHIER, CASHIER_PIN)
    assert not window.settings_action.isEnabled() and not window.operators_action.isEnabled()
    window.open_settings()  # reached anyway (e.g. by a stale shortcut)
    assert window.told[-1] == "Only a manager may do this (Settings). Ask a manager to sign in."
    assert not hasattr(window, "settings_dialog")
    subscriptions = tabs.subscriptions
    assert not subscriptions.create_button.isEnabled() and not subscriptions.order_button.isEnabled()
    assert "Only a manager" in subscriptions.create_button.toolTip()
    # The buttons only show the rule: the Subscriptions tab's own entry points hold it (the service asks again
    # when a request is sent).
    assert subscriptions.open_create_dialog() is None
    assert "Only a manager may do this (creating, changing or disabling subscriptions)" in \
        subscriptions.banner_message()
    assert subscriptions.open_owner_dialog() is None
    assert "Only a manager may do this (card owners)" in subscriptions.banner_message()
    assert not tabs.journal.export_button.isEnabled()
    assert "Only a manager may export" in tabs.journal.export_button.toolTip()

    window.switch_operator()
    assert window.idle_lock.try_sign_in(MANAGER, MANAGER_PIN)
    assert window.settings_action.isEnabled() and subscriptions.create_button.isEnabled()
    assert tabs.journal.export_button.isEnabled()


def test_switching_to_production_is_refused_to_the_trainee(qtbot, terminal_for):
    terminal = terminal_for(operators=False)
    window = terminal.window
    window.open_settings()
    dialog = window.settings_dialog
    dialog.told = []
    dialog.tell = lambda title, message: dialog.told.append(message)
    dialog.confirm = lambda title, question: True
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("production"))
    dialog.save()
    assert "needs a manager signed in" in dialog.told[-1]
    assert window.services.environment == "sandbox" and Config(window.config.path).environment == "sandbox"
    dialog.reject()


def test_the_operators_dialog_adds_resets_and_unlocks_and_never_shows_a_pin(qtbot, terminal_for, tmp_path):
    terminal = terminal_for(operators=True)
    window, staff = terminal.window, terminal.staff
    assert window.idle_lock.try_sign_in(MANAGER, MANAGER_PIN)
    window.open_operators()
    dialog = window.operators_dialog
    qtbot.keyClicks(dialog.name_edit, "Ali")
    qtbot.keyClicks(dialog.pin_edit, "12")  # too short
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    assert dialog.error.text() == "The PIN must be 4 to 12 digits." and staff.store.get("Ali") is None
    qtbot.keyClicks(dialog.pin_edit, "5678")
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    assert staff.store.get("Ali") is not None and dialog.pin_edit.text() == ""
    assert not staff.store.get("Ali").disabled  # Enter added Ali and pressed nothing else
    table_text = [dialog.table.item(r, c).text() for r in range(dialog.table.rowCount()) for c in range(3)]
    assert "Ali" in table_text and "5678" not in " ".join(table_text) and dialog.table.columnCount() == 3

    for _ in range(5):
        staff.sign_in(CASHIER, "0000")  # Mehmet at another moment: now locked out
    staff.sign_in(MANAGER, MANAGER_PIN)
    dialog.refresh()
    dialog.select(CASHIER)
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == CASHIER)
    assert dialog.table.item(row, 2).text() == "locked out (30 min left)" and dialog.unlock_button.isEnabled()
    dialog.grab().save(str(tmp_path / "operators.png"))
    dialog.unlock_button.click()
    assert dialog.table.item(row, 2).text() == "active"

    dialog.ask_new_pin = lambda name: "2468"
    dialog.reset_button.click()
    dialog.role_button.click()  # Mehmet becomes a manager: his 4-digit PIN stays until he changes it
    assert staff.store.get(CASHIER).is_manager
    dialog.select(MANAGER)
    dialog.disable_button.click()
    assert staff.store.get(MANAGER).disabled  # Mehmet is an enabled manager now
    dialog.select(CASHIER)
    dialog.disable_button.click()
    assert "last manager" in dialog.error.text() and not staff.store.get(CASHIER).disabled
    dialog.reject()
    assert staff.sign_in(CASHIER, "2468").accepted


def test_the_journal_filters_by_operator(qtbot, terminal_for):
    terminal = terminal_for(operators=True)
    window = terminal.window
    journal = terminal.services.journal
    for name, pin in ((CASHIER, CASHIER_PIN), (MANAGER, MANAGER_PIN)):
        window.switch_operator()
        assert window.idle_lock.try_sign_in(name, pin)
        journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=new_order_id(),
                               amount=Decimal("10.00"), currency="TRY")
    tab = terminal.tabs.journal
    window.show_page(tab)
    with qtbot.waitSignal(tab.rows_shown, timeout=10_000):  # the journal is read on its reader thread
        tab.refresh()
    combo = tab.operator_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["All operators", CASHIER, MANAGER]
    assert tab.model.rowCount() == 2
    with qtbot.waitSignal(tab.rows_shown, timeout=10_000):
        combo.setCurrentIndex(combo.findData(CASHIER))
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, JournalColumn.OPERATOR).data() == CASHIER
    assert tab.model.headerData(JournalColumn.OPERATOR, Qt.Orientation.Horizontal) == "Operator"


def test_manager_approval_by_keyboard_only(qtbot, terminal_for):
    """The real approval dialog, typed into: name, Enter, PIN, Enter."""
    terminal = terminal_for(operators=True)
    window, staff, actions = terminal.window, terminal.staff, terminal.transaction_actions
    assert window.idle_lock.try_sign_in(CASHIER, CASHIER_PIN)

    def type_into_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ManagerPinDialog)
        assert QApplication.focusWidget() is dialog.name_edit
        qtbot.keyClicks(dialog.name_edit, MANAGER)
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
        assert QApplication.focusWidget() is dialog.pin_edit
        qtbot.keyClicks(dialog.pin_edit, MANAGER_PIN)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
        assert not dialog.error_label.isVisible()  # nothing complained on the way

    QTimer.singleShot(200, type_into_dialog)
    approval = actions.approval("Void 10.00 TRY of KD-1.")
    assert approval is not None and approval.given is not None and approval.given.manager == MANAGER
    assert staff.current.name == CASHIER



def test_an_operator_changes_their_own_pin_by_giving_the_old_one(qtbot, terminal_for):
    terminal = terminal_for(operators=True)
    window, staff = terminal.window, terminal.staff
    assert window.idle_lock.try_sign_in(CASHIER, CASHIER_PIN)
    assert window.change_pin_action.isEnabled()
    window.change_own_pin()
    dialog = window.change_pin_dialog
    for edit, text in ((dialog.old_pin, "0000"), (dialog.new_pin, "5555"), (dialog.new_pin_again, "5555")):
        qtbot.keyClicks(edit, text)
    dialog.save()
    assert "The name or the PIN is wrong" in dialog.error.text() and dialog.old_pin.text() == ""
    for edit, text in ((dialog.old_pin, CASHIER_PIN), (dialog.new_pin, "5555"), (dialog.new_pin_again, "5556")):
        qtbot.keyClicks(edit, text)
    dialog.save()
    assert "different" in dialog.error.text()
    for edit, text in ((dialog.old_pin, CASHIER_PIN), (dialog.new_pin, "5555"), (dialog.new_pin_again, "5555")):
        qtbot.keyClicks(edit, text)
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    window.switch_operator()
    assert not window.idle_lock.try_sign_in(CASHIER, CASHIER_PIN)
    assert window.idle_lock.try_sign_in(CASHIER, "5555") and staff.current.name == CASHIER


def test_with_operators_the_first_frame_is_the_sign_in_screen_and_the_tabs_built_after_it_wait_behind_it(
        qtbot, terminal_for):
    """The app's start (tabs after the first frame, issue 19): nobody signed in, so the sign-in screen is
    what the first frame shows; the tabs that come after it are as locked as the Sale tab until a manager
    signs in, and then get the manager's rights."""
    terminal = terminal_for(operators=True, after_first_frame=True)
    window = terminal.window
    assert window.idle_lock.locked and window.idle_lock.screen.isVisible()
    qtbot.waitUntil(lambda: terminal.ready, timeout=20_000)
    assert window.tabs.count() == 6 and window.idle_lock.locked
    assert not terminal.tabs.journal.isEnabled() and not terminal.tabs.sale.isEnabled()
    assert window.idle_lock.try_sign_in(MANAGER, MANAGER_PIN)
    assert terminal.tabs.journal.isEnabled() and terminal.tabs.journal.export_button.isEnabled()
