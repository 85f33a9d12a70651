"""The Sale tab with real widgets against the real sandbox over loopback (pytest-qt on a qasync loop)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, Qt

from klogs_desk.domain.journal import EntryState, Journal
from klogs_desk.sandbox.ledger import ledger_of
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.sale_tab import SaleTab
from tests.conftest import make_client

APPROVE = "4111111111111111"
DECLINE = "4000000000000002"
THREE_DS = "4000000000003220"
GATEWAY_ERROR = "4000000000000119"
NEVER_ANSWERS = "4000000000000341"
FUTURE_YY = f"{(dt.date.today().year + 3) % 100:02d}"


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite")
    yield journal
    journal.close()


@pytest.fixture
def services(sandbox, journal, event_loop_qt):
    return AppServices(client=make_client(sandbox), journal=journal)


@pytest.fixture
def tab(qtbot, services):
    tab = SaleTab(services)
    qtbot.addWidget(tab)
    tab.resize(1000, 560)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def ledger(sandbox):
    return ledger_of(sandbox.app.state.sandbox)


def type_sale(qtbot, tab: SaleTab, pan: str = APPROVE, amount: str = "125.40", holder: str = "Ayse Yilmaz",
              expiry: str = "12" + FUTURE_YY, cvv: str = "123") -> None:
    form = tab.form
    qtbot.keyClicks(form.amount, amount)
    qtbot.keyClicks(form.holder, holder)
    qtbot.keyClicks(form.pan, pan)
    qtbot.keyClicks(form.expiry, expiry)
    qtbot.keyClicks(form.cvv, cvv)


def pay_with_enter(qtbot, tab: SaleTab):
    with qtbot.waitSignal(tab.payment_finished, timeout=15_000) as blocker:
        qtbot.keyClick(tab.form.cvv, Qt.Key.Key_Return)
    return blocker.args[0]


def test_sale_typed_key_by_key_and_paid_with_enter_is_approved(qtbot, tab, journal, sandbox):
    form = tab.form
    type_sale(qtbot, tab)
    order_id = form.order_id.text()
    assert form.pan.text() == "4111 1111 1111 1111"
    assert form.brand.text() == "Visa"
    assert form.expiry.text() == f"12/{FUTURE_YY}"
    assert tab.pay_button.text() == "Pay 125.40 TRY"

    outcome = pay_with_enter(qtbot, tab)

    assert outcome.state is OutcomeState.APPROVED
    assert tab.result.isVisible() and tab.result.headline() == "APPROVED"
    assert tab.result.detail("Auth code")
    assert tab.result.detail("Card").startswith("411111******1111")
    assert tab.result.detail("Order ID") == order_id
    entry = journal.get(outcome.entry_id)
    assert entry.state is EntryState.APPROVED and entry.reference == order_id
    assert entry.amount == Decimal("125.40")
    # The card is wiped and a fresh order ID is ready for the next sale.
    assert (form.pan.text(), form.cvv.text(), form.expiry.text(), form.holder.text()) == ("", "", "", "")
    assert form.order_id.text() != order_id
    assert not form.pan.isReadOnly()
    qtbot.waitUntil(tab.pay_button.isEnabled)


def test_declined_card_shows_declined_and_keeps_the_amount(qtbot, tab, journal):
    type_sale(qtbot, tab, DECLINE, amount="88.00")
    order_id = tab.form.order_id.text()

    outcome = pay_with_enter(qtbot, tab)

    assert outcome.state is OutcomeState.DECLINED
    assert tab.result.headline() == "DECLINED"
    assert "Do not honour" in tab.result.message.text()
    assert journal.get(outcome.entry_id).state is EntryState.DECLINED
    assert tab.form.amount.text() == "88.00"  # the customer usually offers another card
    assert tab.form.order_id.text() != order_id
    assert tab.form.pan.text() == ""


def test_3ds_card_shows_3ds_required_and_offers_the_3ds_path(qtbot, tab, journal):
    type_sale(qtbot, tab, THREE_DS)
    order_id = tab.form.order_id.text()

    outcome = pay_with_enter(qtbot, tab)

    assert outcome.state is OutcomeState.ENROLLED
    assert tab.result.headline() == "3-D SECURE REQUIRED"
    assert tab.result.three_ds_button.isVisible()
    assert tab.form.order_id.text() == order_id  # the 3-D Secure payment uses the same order
    assert tab.form.pan.text() == ""
    with qtbot.waitSignal(tab.three_ds_requested) as blocker:
        qtbot.mouseClick(tab.result.three_ds_button, Qt.MouseButton.LeftButton)
    order = blocker.args[0]
    assert isinstance(order, CardOrder)
    assert order.order_id == order_id and order.pan == THREE_DS


@pytest.mark.parametrize("field, changes", [
    ("pan", {"pan": "4111111111111112"}),
    ("expiry", {"expiry": "0120"}),
    ("cvv", {"cvv": "12"}),
    ("amount", {"amount": "0"}),
    ("amount", {"amount": "-5"}),
    ("amount", {"amount": "10.005"}),
    ("holder", {"holder": ""}),
])
def test_bad_input_is_marked_at_its_field_and_nothing_is_sent(qtbot, tab, journal, sandbox, field, changes):
    type_sale(qtbot, tab, **changes)
    order_id = tab.form.order_id.text()

    qtbot.keyClick(tab.form.cvv, Qt.Key.Key_Return)

    widget = getattr(tab.form, field)
    assert tab.form.error_text(field)
    assert widget.accessibleDescription() == tab.form.error_text(field)
    assert widget.property("invalid") is True
    assert not tab.in_flight
    assert journal.count() == 0
    assert ledger(sandbox).by_order(order_id) is None
    # Only the bad field is marked.
    others = {"amount", "holder", "pan", "expiry", "cvv"} - {field}
    assert all(not tab.form.error_text(other) for other in others)


def test_double_clicking_pay_sends_one_request(qtbot, tab, journal, sandbox):
    type_sale(qtbot, tab, amount="42.00")
    order_id = tab.form.order_id.text()
    finished = []
    tab.payment_finished.connect(finished.append)

    with qtbot.waitSignal(tab.payment_finished, timeout=15_000):
        qtbot.mouseDClick(tab.pay_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)
        tab.pay()  # a click that reaches the slot even though the button is disabled
        qtbot.keyClick(tab.form.amount, Qt.Key.Key_Enter)

    qtbot.waitUntil(lambda: RUNNER.running == 0)
    assert len(finished) == 1  # one payment, not one sent plus one refused as a repeat
    assert ledger(sandbox).charges_for(order_id) == 1
    assert journal.count() == 1


def test_never_answering_card_is_outcome_unknown_and_not_resent(qtbot, tab, journal, sandbox):
    type_sale(qtbot, tab, NEVER_ANSWERS, amount="55.50")
    order_id = tab.form.order_id.text()

    outcome = pay_with_enter(qtbot, tab)

    assert outcome.state is OutcomeState.UNKNOWN
    assert tab.result.headline() == "OUTCOME UNKNOWN"
    assert "Do not charge again" in tab.result.message.text()
    assert "Journal" in tab.result.message.text()
    rows = journal.search()
    assert [(row.reference, row.state) for row in rows] == [(order_id, EntryState.UNKNOWN)]
    assert ledger(sandbox).charges_for(order_id) == 1


def test_gateway_error_keeps_the_order_id_for_the_retry(qtbot, tab, journal, sandbox):
    type_sale(qtbot, tab, GATEWAY_ERROR, amount="31.00")
    order_id = tab.form.order_id.text()

    outcome = pay_with_enter(qtbot, tab)

    assert outcome.state is OutcomeState.ERROR
    assert "NOT CHARGED" in tab.result.headline()
    assert tab.form.order_id.text() == order_id
    type_sale(qtbot, tab, APPROVE, amount="", holder="", expiry="")  # holder and expiry were kept
    retried = pay_with_enter(qtbot, tab)
    assert retried.state is OutcomeState.APPROVED and retried.order_id == order_id
    assert journal.count() == 1


def test_suspected_double_charge_is_sent_only_when_the_cashier_confirms(qtbot, tab, journal, sandbox):
    type_sale(qtbot, tab, amount="19.99")
    pay_with_enter(qtbot, tab)
    answers = []
    tab.confirm_duplicate = lambda message: answers.append(message) or False

    type_sale(qtbot, tab, amount="19.99")
    declined_order = tab.form.order_id.text()
    qtbot.keyClick(tab.form.cvv, Qt.Key.Key_Return)

    assert answers and "1111" in answers[0]
    assert ledger(sandbox).by_order(declined_order) is None and journal.count() == 1

    tab.confirm_duplicate = lambda message: True
    outcome = pay_with_enter(qtbot, tab)
    assert outcome.state is OutcomeState.APPROVED and journal.count() == 2


def test_turkish_amount_is_read_with_turkish_separators(qtbot, tab, journal):
    tab.setLocale(QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey))
    type_sale(qtbot, tab, amount="1.234,56")
    assert tab.pay_button.text() == "Pay 1.234,56 ₺"

    outcome = pay_with_enter(qtbot, tab)

    assert journal.get(outcome.entry_id).amount == Decimal("1234.56")


def test_escape_clears_the_sale(qtbot, tab):
    type_sale(qtbot, tab)
    order_id = tab.form.order_id.text()

    qtbot.keyClick(tab.form.pan, Qt.Key.Key_Escape)

    form = tab.form
    assert (form.amount.text(), form.pan.text(), form.cvv.text(), form.holder.text()) == ("", "", "", "")
    assert form.order_id.text() != order_id


def test_card_is_wiped_after_inactivity(qtbot, services):
    tab = SaleTab(services, idle_seconds=0.2)
    qtbot.addWidget(tab)
    tab.show()
    type_sale(qtbot, tab)

    with qtbot.waitSignal(tab.form.card_cleared_for_inactivity, timeout=5_000):
        pass

    assert (tab.form.pan.text(), tab.form.cvv.text(), tab.form.expiry.text()) == ("", "", "")
    assert tab.form.amount.text() == "125.40"  # only the card is wiped


def test_object_names_and_first_focus(qtbot, tab):
    for name in ("saleAmount", "saleCurrency", "saleCardHolder", "salePan", "saleExpiry", "saleCvv",
                 "saleCustomerId", "saleOrderId", "salePay", "saleResult"):
        assert tab.findChild(object, name) is not None, name
    tab.activateWindow()
    tab.setFocus()
    qtbot.waitUntil(lambda: tab.form.amount.hasFocus())


def test_receipt_after_a_sale_previews_offers_print_and_saves_a_pdf_without_the_card(qtbot, tab, monkeypatch):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel

    from klogs_desk import paths
    from klogs_desk.ui.receipt import ReceiptPrinter

    shown = []

    def preview_without_blocking(printer_self, printer, paint):  # the real dialog, not exec()'d
        dialog = printer_self.preview_dialog(printer, paint, printer_self._entry_in_preview)
        qtbot.addWidget(dialog)
        shown.append(dialog)

    monkeypatch.setattr(ReceiptPrinter, "run_preview_dialog", preview_without_blocking)
    asked: list[object] = []
    # The save question (a modal file dialog): the cashier accepts the folder and name offered.
    monkeypatch.setattr(ReceiptPrinter, "choose_pdf_path", lambda printer_self, default: asked.append(default) or default)
    type_sale(qtbot, tab, amount="42.50")
    outcome = pay_with_enter(qtbot, tab)
    qtbot.waitUntil(tab.result.receipt_button.isVisible)
    qtbot.mouseClick(tab.result.receipt_button, Qt.MouseButton.LeftButton)

    dialog = shown[0]
    actions = {action.text(): action for action in dialog.findChildren(QAction)}
    assert "Print" in actions  # Qt's preview prints through the system print dialog
    dialog.findChild(QAction, "receiptSavePdf").trigger()
    saved = dialog.findChild(QLabel, "receiptSaved")
    assert saved.text().startswith("Receipt saved to ")
    pdf = next(paths.receipts_dir().glob(f"*-{outcome.order_id}-{outcome.entry_id}.pdf"))
    assert str(pdf) in saved.text() and asked == [pdf]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and APPROVE.encode() not in data


def test_approved_result_shows_what_the_gateway_said_about_the_card_and_the_fee(qtbot, tab, sandbox):
    from klogs_desk.sandbox.issuer import commission

    type_sale(qtbot, tab, pan="5421190122090656", amount="200.00")
    outcome = pay_with_enter(qtbot, tab)

    assert outcome.state is OutcomeState.APPROVED
    record = ledger(sandbox).by_order(outcome.order_id)
    assert tab.result.detail("Scheme / type") == f"{record.card_scheme} {record.card_type}"
    assert tab.result.detail("Domestic / international") == {"DOM": "Domestic", "INT": "International"}[record.dom_int]
    assert tab.result.detail("Gateway result") == "SUCCESS — Successful"
    assert tab.result.detail("Commission") == f"{commission(Decimal('200.00'), 'TRY')} TRY"
    assert tab.result.detail("Auth code") == record.auth_code
