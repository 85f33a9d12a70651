"""What the cashier sees while a sale is sent and when it ends, against the real sandbox: the result is
painted, a slow gateway still gets its "Sending" state painted, and the result panel shows outcome after
outcome in the same widgets, with only the rows that outcome has."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel

from klogs_desk.callbacks import CallbackListener
from klogs_desk.domain.journal import EntryState, Journal
from klogs_desk.messages import msg
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import OutcomeState, PaymentOutcome
from klogs_desk.services.three_d_secure import ThreeDSecureService
from klogs_desk.ui.result_panel import ResultPanel
from klogs_desk.ui.sale_tab import SaleTab
from tests.conftest import make_client

APPROVE = "4111111111111111"
NEVER_ANSWERS = "4000000000000341"
FUTURE = f"12/{(dt.date.today().year + 3) % 100:02d}"


class PaintedTexts(QObject):
    """Records the text of a label each time it is actually painted."""

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self.label = label
        self.texts: list[str] = []
        label.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.texts.append(self.label.text())
        return False


@pytest.fixture
def tab(qtbot, sandbox, tmp_path, event_loop_qt):
    journal = Journal(tmp_path / "journal.sqlite3")
    services = AppServices(client=make_client(sandbox), journal=journal)
    # As the app builds it: with its 3-D Secure switch (the listener starts only on a 3-D Secure sale).
    tab = SaleTab(services, three_d_secure=ThreeDSecureService(services, CallbackListener()), idle_seconds=0)
    qtbot.addWidget(tab)
    tab.resize(1000, 560)
    tab.show()
    qtbot.waitExposed(tab)
    yield tab
    journal.close()


def fill(tab: SaleTab, pan: str, amount: str) -> None:
    tab.form.amount.setText(amount)
    tab.form.holder.setText("Ayse Yilmaz")
    tab.form.pan.setText(pan)
    tab.form.expiry.setText(FUTURE)
    tab.form.cvv.setText("123")


def test_every_result_is_painted_and_the_tab_paints_normally_afterwards(qtbot, tab):
    painted = PaintedTexts(tab.result.status)
    for amount in ("10.01", "10.02", "10.03"):  # painting held at each click must come back every time
        fill(tab, APPROVE, amount)
        painted.texts.clear()
        with qtbot.waitSignal(tab.payment_finished, timeout=15_000):
            tab.pay_button.click()
        qtbot.waitUntil(lambda: "APPROVED" in painted.texts, timeout=5_000)

    assert not tab.in_flight
    assert all(child.updatesEnabled() for child in tab.findChildren(QLabel))
    painted.texts.clear()
    tab.result.status.setText("repainted")
    qtbot.waitUntil(lambda: "repainted" in painted.texts, timeout=5_000)


def test_the_result_is_painted_first_and_payment_finished_follows_its_journal_commit(qtbot, tab):
    painted = PaintedTexts(tab.result.status)
    at_finish = []

    def finished(outcome) -> None:
        at_finish.append((list(painted.texts), tab.services.journal.get(outcome.entry_id).state,
                          tab.form.pan.text(), tab.in_flight))

    tab.payment_finished.connect(finished)
    fill(tab, APPROVE, "10.05")
    with qtbot.waitSignal(tab.payment_finished, timeout=15_000):
        tab.pay_button.click()

    [(texts, state, pan, in_flight)] = at_finish
    assert "APPROVED" in texts  # on screen before the tab's other changes
    assert state is EntryState.APPROVED  # the journal holds the outcome when payment_finished says so
    assert pan == "" and not in_flight  # and the card is wiped, Pay ready for the next sale


def test_a_slow_gateway_shows_the_sending_state_until_the_outcome(qtbot, tab):
    painted = PaintedTexts(tab.result.status)
    fill(tab, NEVER_ANSWERS, "10.04")

    with qtbot.waitSignal(tab.payment_finished, timeout=15_000) as finished:
        tab.pay_button.click()
        qtbot.waitUntil(lambda: any(text.startswith("Sending") for text in painted.texts), timeout=1_000)
        assert tab.in_flight and not tab.pay_button.isEnabled() and tab.form.pan.isReadOnly()
        assert tab.progress.isVisible()

    assert finished.args[0].state is OutcomeState.UNKNOWN
    qtbot.waitUntil(lambda: painted.texts[-1:] == ["OUTCOME UNKNOWN"], timeout=5_000)


def outcome(state: OutcomeState, **values) -> PaymentOutcome:
    base = dict(state=state, order_id="ORD-1", amount=Decimal("100.00"), currency="TRY",
                msg=msg("payment.approved"), next_msg=msg("next.new-sale"), entry_id=1, masked_pan="411111******1111", card_brand="Visa")
    return PaymentOutcome(**{**base, **values})


def test_the_result_panel_reuses_its_widgets_and_shows_only_each_outcomes_rows(qtbot):
    panel = ResultPanel("paintResult")
    qtbot.addWidget(panel)
    panel.show()
    panel.show_outcome(outcome(OutcomeState.APPROVED, auth_code="123456", result_code="00",
                               result_message="Approved", card_scheme="VISA", card_type="CREDIT", dom_int="DOM",
                               commission=Decimal("1.50")))
    labels = set(panel.findChildren(QLabel))
    assert panel.detail("Auth code") == "123456" and panel.detail("Domestic / international") == "Domestic"
    assert panel.detail("Commission") == "1.50 TRY"

    panel.show_progress("Sending — please wait")
    assert panel.headline() == "Sending — please wait" and panel.isVisible()
    assert panel.detail("Order ID") == "" and panel.detail("Auth code") == ""

    panel.show_outcome(outcome(OutcomeState.DECLINED, order_id="ORD-2", result_message="Do not honour"))
    assert set(panel.findChildren(QLabel)) == labels
    assert panel.headline() == "DECLINED" and panel.detail("Order ID") == "ORD-2"
    assert panel.detail("Auth code") == "" and panel.detail("Commission") == ""
    assert panel.detail("Gateway result") == "Do not honour"
    shown_titles = {label.text() for label in panel.findChildren(QLabel) if label.isVisible()}
    assert "Auth code:" not in shown_titles and "Order ID:" in shown_titles

    panel.clear()
    assert not panel.isVisible() and panel.detail("Order ID") == "" and panel.headline() == ""


def test_the_details_become_selectable_when_the_pointer_reaches_them(qtbot):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    panel = ResultPanel("selectResult")
    qtbot.addWidget(panel)
    panel.resize(400, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_outcome(outcome(OutcomeState.APPROVED, auth_code="654321"))
    auth = next(label for label in panel.findChildren(QLabel) if label.text() == "654321")
    assert not auth.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse  # plain until needed

    QTest.mouseMove(auth, QPoint(2, 2))
    qtbot.waitUntil(lambda: bool(auth.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse),
                    timeout=2_000)
    assert auth.text() == "654321"

    panel.show_outcome(outcome(OutcomeState.APPROVED, auth_code="111222"))  # the pointer still rests there
    qtbot.waitUntil(lambda: bool(auth.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse),
                    timeout=2_000)
    assert auth.text() == "111222"


def test_the_order_being_sent_cannot_be_changed_before_the_sending_state_shows(qtbot, tab):
    from PySide6.QtCore import Qt

    painted = PaintedTexts(tab.result.status)
    fill(tab, NEVER_ANSWERS, "10.06")
    order_id = tab.form.order_id.text()

    with qtbot.waitSignal(tab.payment_finished, timeout=15_000) as finished:
        tab.pay_button.click()
        # At once, before anything of the sending state is painted: the fields take no keys, no paste, and
        # "New" keeps the order ID; Enter sends nothing more.
        assert tab.in_flight and not painted.texts
        qtbot.keyClicks(tab.form.amount, "9")
        qtbot.keyClick(tab.form.pan, Qt.Key.Key_Backspace)
        qtbot.keyClick(tab.form.customer, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        qtbot.mouseClick(tab.form.new_order_button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(tab.form.cvv, Qt.Key.Key_Return)
        assert tab.form.amount.text() == "10.06" and tab.form.pan.text().replace(" ", "") == NEVER_ANSWERS
        assert tab.form.customer.text() == "" and tab.form.order_id.text() == order_id
        qtbot.waitUntil(lambda: any(text.startswith("Sending") for text in painted.texts), timeout=1_000)
        assert tab.form.pan.isReadOnly() and not tab.form.new_order_button.isEnabled()

    assert finished.args[0].state is OutcomeState.UNKNOWN and finished.args[0].order_id == order_id
    assert not tab.form.pan.isReadOnly() and tab.form.new_order_button.isEnabled()
    assert tab.services.journal.search(text=order_id)[0].state is EntryState.UNKNOWN
    assert len(tab.services.journal.search(text=order_id)) == 1
    qtbot.keyClicks(tab.form.customer, "C-1")  # and the form takes input again
    assert tab.form.customer.text() == "C-1"
