"""The Installments tab against the real sandbox over loopback."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, Qt

from klogs_desk.api.models import InstallmentOptionsRequest
from klogs_desk.domain.journal import Journal
from klogs_desk.services.context import AppServices
from klogs_desk.ui.installments_tab import InstallmentsTab
from tests.conftest import make_client

DOCS_MASTERCARD = "5421190122090656"
TROY_DEBIT = "9792030000000000"


@pytest.fixture
def tab(qtbot, sandbox, event_loop_qt, tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    client = make_client(sandbox, timeout=5.0)
    widget = InstallmentsTab(AppServices(client=client, journal=journal))
    widget.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    qtbot.addWidget(widget)
    yield widget
    event_loop_qt.create_task(client.aclose())
    journal.close()


def query(qtbot, tab, amount, pan, *, max_count=12, customer_pays=True):
    tab.amount.setText(amount)
    tab.pan.setText(pan)
    tab.max_count.setValue(max_count)
    tab.interest_by_customer.setChecked(customer_pays)
    with qtbot.waitSignal(tab.options_shown, timeout=10_000) as signal:
        qtbot.mouseClick(tab.query_button, Qt.MouseButton.LeftButton)
    return signal.args[0]


def table_rows(tab):
    return [[tab.table.item(r, c).text() for c in range(tab.table.columnCount())]
            for r in range(tab.table.rowCount())]


def test_docs_example_rows_are_exact_and_match_gateway(qtbot, tab, sandbox, event_loop_qt):
    options = query(qtbot, tab, "1000.00", DOCS_MASTERCARD, max_count=3)

    rows = table_rows(tab)
    assert rows == [
        ["1 (single payment)", "1,000.00 TRY", "0.00 TRY", "1,000.00 TRY"],
        ["2", "510.00 TRY", "20.00 TRY", "1,020.00 TRY"],
        ["3", "345.00 TRY", "35.00 TRY", "1,035.00 TRY"],
    ]
    assert [(o.installment_count, o.installment_amount, o.total_amount) for o in options] == [
        (1, Decimal("1000.00"), Decimal("1000.00")),
        (2, Decimal("510.00"), Decimal("1020.00")),
        (3, Decimal("345.00"), Decimal("1035.00")),
    ]
    assert all(isinstance(o.interest_amount, Decimal) for o in options)


def test_twelve_rows_equal_the_sandbox_answer(qtbot, tab, sandbox):
    options = query(qtbot, tab, "1234.56", "4111 1111 1111 1111")
    direct_client = make_client(sandbox, timeout=5.0)

    async def ask():
        try:
            return await direct_client.installment_options(InstallmentOptionsRequest(
                amount=Decimal("1234.56"), currency="TRY", pan="4111111111111111", max_installment_count=12,
                interest_paid_by_customer=True))
        finally:
            await direct_client.aclose()

    task = asyncio.get_event_loop().create_task(ask())
    qtbot.waitUntil(task.done, timeout=10_000)
    assert options == task.result().options
    assert tab.table.rowCount() == 12
    assert [tab.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(12)] == list(range(1, 13))


def test_card_number_wiped_and_masked_after_query(qtbot, tab):
    query(qtbot, tab, "500", DOCS_MASTERCARD)
    assert tab.pan.text() == ""
    assert "542119******0656" in tab.card_label.text()
    assert DOCS_MASTERCARD not in tab.card_label.text() + tab.message.text()


def test_choosing_a_row_emits_count_interest_amount_currency(qtbot, tab):
    query(qtbot, tab, "1000.00", DOCS_MASTERCARD, max_count=6)
    assert not tab.use_button.isEnabled()
    tab.table.selectRow(2)
    assert tab.use_button.isEnabled()
    with qtbot.waitSignal(tab.installment_chosen) as signal:
        qtbot.mouseClick(tab.use_button, Qt.MouseButton.LeftButton)
    assert signal.args == [3, True, Decimal("1000.00"), "TRY"]


def test_merchant_pays_interest(qtbot, tab):
    options = query(qtbot, tab, "1000.00", DOCS_MASTERCARD, max_count=4, customer_pays=False)
    assert {o.interest_amount for o in options} == {Decimal("0.00")}
    assert {o.total_amount for o in options} == {Decimal("1000.00")}
    assert "merchant" in tab.message.text()


def test_debit_card_gets_single_payment(qtbot, tab):
    options = query(qtbot, tab, "300", TROY_DEBIT)
    assert [o.installment_count for o in options] == [1]
    assert "single payment" in tab.message.text()


def test_bad_inputs_marked_at_fields_and_nothing_sent(qtbot, tab):
    tab.amount.setText("12.345")
    tab.pan.setText("4111 1111 1111 1112")
    qtbot.mouseClick(tab.query_button, Qt.MouseButton.LeftButton)
    assert "decimal places" in tab.amount_error.text()
    assert "check digit" in tab.pan_error.text()
    assert tab.query_button.isEnabled()  # nothing in flight
    assert tab.table.rowCount() == 0
    assert tab.pan.text() == "4111 1111 1111 1112"  # kept so the cashier can correct it


def test_changing_the_amount_empties_the_table(qtbot, tab):
    query(qtbot, tab, "1000.00", DOCS_MASTERCARD, max_count=3)
    qtbot.keyClicks(tab.amount, "5")
    assert tab.table.rowCount() == 0
    assert not tab.use_button.isEnabled()
    assert "press Show options again" in tab.message.text()


def test_card_number_left_in_the_field_is_wiped_after_inactivity(qtbot, tab):
    tab.set_idle_seconds(0.2)
    qtbot.keyClicks(tab.pan, DOCS_MASTERCARD)
    qtbot.keyClicks(tab.amount, "500")
    assert tab.pan.text() != ""
    qtbot.waitUntil(lambda: tab.pan.text() == "", timeout=5_000)
    assert tab.amount.text() == "500"  # only the card number goes
