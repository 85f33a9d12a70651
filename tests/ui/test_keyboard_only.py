"""A whole sale and a pre-authorization with capture without the mouse: keys only, in the main window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from klogs_desk.composition import build_main_window
from klogs_desk.config import Config
from klogs_desk.credentials import CredentialStore
from klogs_desk.domain.journal import Journal
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import OutcomeState
from klogs_desk.ui.async_runner import RUNNER
from tests.conftest import make_client

FUTURE_YY = f"{(dt.date.today().year + 3) % 100:02d}"


@pytest.fixture
def window(qtbot, sandbox, tmp_path, memory_keyring, event_loop_qt):
    journal = Journal(tmp_path / "journal.sqlite")
    services = AppServices(client=make_client(sandbox), journal=journal, environment="sandbox")
    window = build_main_window(services, config=Config(tmp_path / "settings.ini"),
                               credentials=CredentialStore(session_only=True))
    qtbot.addWidget(window)
    window.confirm = lambda title, question: True  # closing at teardown never waits on a question box
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    journal.close()


def type_with_tab(qtbot, keys: list[str]) -> None:
    """Type each value into the focused field, then Tab to the next one (as a cashier does)."""
    for value in keys:
        qtbot.keyClicks(QApplication.focusWidget(), value)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_sale_by_keyboard_only(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    sale = window.tabs.currentWidget()
    sale.setFocus()
    assert QApplication.focusWidget() is sale.form.amount  # focus starts in the amount

    qtbot.keyClicks(sale.form.amount, "99.90")
    qtbot.keyClick(sale.form.amount, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is sale.form.currency
    qtbot.keyClick(sale.form.currency, Qt.Key.Key_Tab)
    type_with_tab(qtbot, ["Ayse Yilmaz", "4111111111111111", "12" + FUTURE_YY])
    assert QApplication.focusWidget() is sale.form.cvv  # Tab order follows the form
    qtbot.keyClicks(sale.form.cvv, "123")

    with qtbot.waitSignal(sale.payment_finished, timeout=15_000) as blocker:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter pays

    assert blocker.args[0].state is OutcomeState.APPROVED
    assert sale.result.status.accessibleName() == "Result: APPROVED"  # what a screen reader announces
    assert QApplication.focusWidget() is sale.form.amount  # ready for the next customer

    qtbot.keyClicks(sale.form.amount, "5")
    qtbot.keyClick(sale.form.amount, Qt.Key.Key_Escape)  # Esc clears
    assert sale.form.amount.text() == "" and not sale.result.isVisible()


def test_preauthorization_and_capture_by_keyboard_only(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    tab = window.tabs.currentWidget()
    assert tab.objectName() == "preauthTab"
    tab.form.setFocus()
    qtbot.keyClicks(tab.form.amount, "40.00")
    qtbot.keyClick(tab.form.amount, Qt.Key.Key_Tab)
    qtbot.keyClick(tab.form.currency, Qt.Key.Key_Tab)
    type_with_tab(qtbot, ["Ayse Yilmaz", "4111111111111111", "12" + FUTURE_YY])
    qtbot.keyClicks(tab.form.cvv, "123")
    with qtbot.waitSignal(tab.payment_finished, timeout=15_000) as blocker:
        qtbot.keyClick(tab.form.cvv, Qt.Key.Key_Return)
    assert blocker.args[0].state is OutcomeState.APPROVED

    tab.list.setFocus()
    qtbot.keyClick(tab.list, Qt.Key.Key_Home)  # select the open pre-authorization
    qtbot.keyClick(tab.list, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.capture_button.isEnabled(), timeout=5_000)
    tab.capture_button.setFocus()
    questions: list[str] = []

    def answer_with_enter() -> None:  # the capture question is answered by keyboard too (Enter: Capture)
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, answer_with_enter)
            return
        questions.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(50, answer_with_enter)
    with qtbot.waitSignal(tab.payment_finished, timeout=15_000) as blocker:
        qtbot.keyClick(tab.capture_button, Qt.Key.Key_Space)
    assert blocker.args[0].state is OutcomeState.APPROVED
    assert questions == ["Capture 40.00 TRY?"]


def test_ctrl_number_switches_every_tab(qtbot, window):
    for index in range(window.tabs.count()):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{index + 1}"), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == index


FIRST_FIELDS = ("saleAmount", "preauthAmount", "installmentsAmount", "checkoutAmount", "subscriptionsSearch",
                "journalSearch")


def test_switching_tabs_by_keyboard_puts_the_cursor_in_the_first_field(qtbot, window):
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == "saleAmount", timeout=5_000)  # at start
    for order in (6, 2, 5, 3, 4, 1, 6):  # every tab, and back again from wherever the cursor was
        qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{order}"), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == order - 1
        focused = QApplication.focusWidget()
        assert focused is not None and focused.objectName() == FIRST_FIELDS[order - 1]
        assert window.tabs.currentWidget().isAncestorOf(focused)
    # The cursor is really there: what the cashier types lands in the Journal's search field.
    qtbot.keyClicks(QApplication.focusWidget(), "KD-")
    assert window.tabs.currentWidget().search_edit.text() == "KD-"
