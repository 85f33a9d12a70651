"""An installment option chosen in the Installments tab becomes a 3-D Secure sale in the Sale tab.

The real main window on the real sandbox over loopback: the option is quoted by the gateway, the card
holder's approval is a real click in the sandbox's ACS page inside the real QWebEngineView, and the
result is checked where a cashier (the result panel, the Journal) and the gateway (its ledger) see it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from klogs_desk.composition import build_terminal
from klogs_desk.config import Config
from klogs_desk.credentials import CredentialStore
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.sandbox.ledger import ledger_of
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import OutcomeState
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.installments_tab import InstallmentsTab
from klogs_desk.ui.main_window import MainWindow
from klogs_desk.ui.sale_tab import SaleTab
from tests.conftest import make_client
from tests.ui.test_three_ds import _challenge_dialog, _click_when_loaded, _open_dialogs

pytestmark = pytest.mark.webengine

#: payment-gateway.md's Mastercard: approved, and the docs' installment example (3 x 345.00 = 1,035.00).
DOCS_MASTERCARD = "5421190122090656"
DECLINED_CARD = "4000000000000002"


@pytest.fixture
def window(qtbot, sandbox, event_loop_qt, memory_keyring, tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    services = AppServices(client=make_client(sandbox, timeout=10), journal=journal, environment="sandbox",
                           sandbox_url=sandbox.url)
    terminal = build_terminal(services, config=Config(tmp_path / "settings.ini"), credentials=CredentialStore(),
                              sandbox_url=sandbox.url)
    main = terminal.window
    main.confirm = lambda title, question: True  # type: ignore[method-assign]
    main.resize(1100, 760)
    main.show()
    qtbot.waitExposed(main)
    main.raise_()
    main.activateWindow()
    yield main
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=20_000)
    stopping = event_loop_qt.create_task(terminal.listener.stop())
    qtbot.waitUntil(stopping.done)
    main.close()
    main.deleteLater()
    qtbot.wait(10)
    journal.close()


def _tabs(window: MainWindow) -> tuple[InstallmentsTab, SaleTab]:
    return window.findChild(InstallmentsTab, "installmentsTab"), window.findChild(SaleTab, "saleTab")


def _choose_in_installments_tab(qtbot, window, *, amount: str, pan: str, count: int, customer_pays: bool):
    installments, _sale = _tabs(window)
    window.tabs.setCurrentWidget(installments)
    installments.amount.setText(amount)
    qtbot.keyClicks(installments.pan, pan)
    installments.interest_by_customer.setChecked(customer_pays)
    with qtbot.waitSignal(installments.options_shown, timeout=10_000) as shown:
        qtbot.mouseClick(installments.query_button, Qt.MouseButton.LeftButton)
    row = [option.installment_count for option in shown.args[0]].index(count)
    installments.table.selectRow(row)
    qtbot.mouseClick(installments.use_button, Qt.MouseButton.LeftButton)


def _type_card(qtbot, sale: SaleTab, pan: str) -> None:
    year = f"{(dt.date.today().year + 2) % 100:02d}"
    qtbot.keyClicks(sale.form.holder, "Ayse Yilmaz")
    qtbot.keyClicks(sale.form.pan, pan)
    qtbot.keyClicks(sale.form.expiry, "12" + year)
    qtbot.keyClicks(sale.form.cvv, "123")


def _pay_and_approve(qtbot, sale: SaleTab):
    with qtbot.waitSignal(sale.payment_finished, timeout=40_000) as finished:
        qtbot.mouseClick(sale.pay_button, Qt.MouseButton.LeftButton)
        _click_when_loaded(qtbot, _challenge_dialog(qtbot), "approve")
    return finished.args[0]


def _banner_text(sale: SaleTab) -> str:
    return sale.findChild(object, "saleInstallmentPlanText").accessibleName()


def test_three_installments_chosen_in_the_installments_tab_are_paid_with_3ds(qtbot, window, sandbox):
    installments, sale = _tabs(window)
    _choose_in_installments_tab(qtbot, window, amount="1000.00", pan=DOCS_MASTERCARD, count=3,
                                customer_pays=True)

    # The Sale tab is in front, ready for this sale: amount, currency, 3-D Secure on, the plan shown.
    assert window.tabs.currentWidget() is sale
    assert sale.form.amount.text() == "1,000.00" and sale.form.currency.currentText() == "TRY"
    assert sale.three_ds_switch.isChecked()
    banner = sale.findChild(object, "saleInstallmentPlan")
    assert banner.isVisible()
    # Everywhere the amount that will be charged; the base amount and the interest as detail.
    assert "1,035.00 TRY in 3 installments (interest paid by customer)" in _banner_text(sale)
    assert ("The card holder pays 3 × 345.00 TRY = 1,035.00 TRY. Base amount 1,000.00 TRY + interest 35.00 TRY."
            in _banner_text(sale))
    assert sale.pay_button.text() == "Pay 1,035.00 TRY"
    assert sale.findChild(object, "saleInstallmentPlanRemove").isVisible()
    # The card is typed again: nothing of it came over from the Installments tab.
    assert sale.form.pan.text() == "" and installments.pan.text() == ""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sale.form.holder)

    _type_card(qtbot, sale, DOCS_MASTERCARD)
    order_id = sale.form.order_id.text()
    headers: list[str] = []
    with qtbot.waitSignal(sale.payment_finished, timeout=40_000) as finished:
        qtbot.mouseClick(sale.pay_button, Qt.MouseButton.LeftButton)
        dialog = _challenge_dialog(qtbot)
        headers.append(dialog.amount_label.text())
        _click_when_loaded(qtbot, dialog, "approve")
    outcome = finished.args[0]

    assert headers == ["Customer authentication — 1,035.00 TRY"]  # the bank page's header: the charge
    assert outcome.state is OutcomeState.APPROVED, outcome.message
    assert sale.result.headline() == "APPROVED"
    assert sale.result.detail("Installments") == "3"
    assert sale.result.detail("Amount") == "1,035.00 TRY"
    assert sale.result.detail("Base amount") == "1,000.00 TRY"
    assert sale.result.detail("Interest") == "35.00 TRY"
    # The 3-D Secure tick the plan set does not stay on for the next sale.
    assert not sale.three_ds_switch.isChecked()
    row = sale.services.journal.find_payment("sandbox", EntryKind.SALE_3DS, order_id)
    assert row.state is EntryState.APPROVED and row.installment_count == 3
    assert row.balance == Decimal("1035.00")  # what a refund can give back
    record = ledger_of(sandbox.app.state.sandbox).by_order(order_id)
    assert record.masked_view()["installmentCount"] == 3
    # The customer pays the interest: the docs' 3 x 345.00.
    assert record.amount == Decimal("1035.00")
    assert _open_dialogs() == []
    # The plan went with that order; the next sale starts plain.
    assert not banner.isVisible() and sale.installment_sale.plan is None
    assert not sale.findChild(object, "saleInstallmentNote").isVisible()


def test_changing_the_amount_drops_the_plan_and_the_sale_goes_without_installments(qtbot, window, sandbox):
    _installments, sale = _tabs(window)
    _choose_in_installments_tab(qtbot, window, amount="1000.00", pan=DOCS_MASTERCARD, count=3,
                                customer_pays=False)
    assert "in 3 installments (interest paid by merchant)" in _banner_text(sale)

    sale.form.amount.selectAll()
    qtbot.keyClicks(sale.form.amount, "900.00")

    note = sale.findChild(object, "saleInstallmentNote")
    assert not sale.findChild(object, "saleInstallmentPlan").isVisible()
    assert note.isVisible()
    assert "the amount changed" in note.text() and "1,000.00 TRY" in note.text()
    assert sale.three_ds_switch.isChecked()  # still a 3-D Secure sale, just not in installments

    _type_card(qtbot, sale, DOCS_MASTERCARD)
    order_id = sale.form.order_id.text()
    outcome = _pay_and_approve(qtbot, sale)
    assert outcome.state is OutcomeState.APPROVED, outcome.message
    assert sale.result.detail("Installments") == "" and sale.result.detail("Interest") == ""
    assert not sale.three_ds_switch.isChecked()  # the tick came with the plan: the next sale is plain
    row = sale.services.journal.find_payment("sandbox", EntryKind.SALE_3DS, order_id)
    assert row.installment_count is None
    record = ledger_of(sandbox.app.state.sandbox).by_order(order_id)
    assert record.installment_count == 1 and record.amount == Decimal("900.00")


def test_currency_change_switch_off_and_cross_each_drop_the_plan_with_a_note(qtbot, window):
    installments, sale = _tabs(window)
    note = sale.findChild(object, "saleInstallmentNote")
    banner = sale.findChild(object, "saleInstallmentPlan")

    installments.installment_chosen.emit(6, True, Decimal("250.00"), "TRY")
    assert banner.isVisible() and "250.00 TRY in 6 installments" in _banner_text(sale)
    sale.form.currency.setCurrentText("USD")
    assert not banner.isVisible() and "the currency changed" in note.text()

    installments.installment_chosen.emit(6, True, Decimal("250.00"), "TRY")
    assert banner.isVisible() and not note.isVisible()
    assert sale.form.currency.currentText() == "TRY" and sale.form.amount.text() == "250.00"
    sale.three_ds_switch.setChecked(False)
    assert not banner.isVisible() and "only paid with 3-D Secure" in note.text()

    installments.installment_chosen.emit(2, False, Decimal("250.00"), "TRY")
    assert sale.three_ds_switch.isChecked()
    qtbot.mouseClick(sale.findChild(object, "saleInstallmentPlanRemove"), Qt.MouseButton.LeftButton)
    assert not banner.isVisible() and "paid at once" in note.text()
    assert sale.installment_sale.plan is None


def test_a_declined_installment_sale_says_the_plan_went_with_that_order(qtbot, window, sandbox):
    installments, sale = _tabs(window)
    installments.installment_chosen.emit(3, True, Decimal("40.00"), "TRY")
    _type_card(qtbot, sale, DECLINED_CARD)
    order_id = sale.form.order_id.text()
    outcome = _pay_and_approve(qtbot, sale)

    assert outcome.state is OutcomeState.DECLINED, outcome.message
    assert sale.result.detail("Installments") == "3"
    assert sale.services.journal.find_payment("sandbox", EntryKind.SALE_3DS, order_id).installment_count == 3
    note = sale.findChild(object, "saleInstallmentNote")
    assert not sale.findChild(object, "saleInstallmentPlan").isVisible()
    assert note.isVisible() and "declined order" in note.text()
    assert sale.form.amount.text() == "40.00"  # kept for another card, without the plan
