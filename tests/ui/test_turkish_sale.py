"""A sale run in Turkish: translated screen, Turkish number format, and the exact amount on the wire.

The cashier types ``1.234,56`` (Turkish grouping and decimal comma); the sandbox must record 1234.56,
never 1.23456, and the screen must speak Turkish (``Öde``, ``ONAYLANDI``) and write the lira as Turkish
shops do, ``1.234,56 ₺``, while other currencies keep their code (``1.234,56 USD``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from klogs_desk.callbacks import CallbackListener
from klogs_desk.domain.journal import Journal
from klogs_desk.sandbox.ledger import ledger_of
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import OutcomeState
from klogs_desk.services.three_d_secure import ThreeDSecureService
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.sale_tab import SaleTab
from tests.conftest import make_client

FUTURE_YY = f"{(dt.date.today().year + 3) % 100:02d}"


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite")
    yield journal
    journal.close()


@pytest.fixture
def tab(qtbot, turkish, sandbox, journal, event_loop_qt):
    services = AppServices(client=make_client(sandbox), journal=journal)
    # As the app builds it: with its 3-D Secure switch (the listener starts only on a 3-D Secure sale).
    tab = SaleTab(services, three_d_secure=ThreeDSecureService(services, CallbackListener()))
    qtbot.addWidget(tab)
    tab.resize(1000, 560)
    tab.show()
    qtbot.waitExposed(tab)
    yield tab
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)


def type_card(qtbot, form):
    qtbot.keyClicks(form.holder, "Ayse Yilmaz")  # QTest types ASCII only
    qtbot.keyClicks(form.pan, "4111111111111111")
    qtbot.keyClicks(form.expiry, "12" + FUTURE_YY)
    qtbot.keyClicks(form.cvv, "123")


def test_turkish_sale_reads_1_234_56_as_one_thousand_two_hundred_and_thirty_four(qtbot, tab, journal, sandbox):
    form = tab.form
    assert tab.pay_button.text() == "Öde"
    assert form.amount.accessibleName() == "Tutar"
    assert form.pan.accessibleName() == "Kart numarası"
    assert form.amount.placeholderText() == "0,00"
    assert tab.hint.text() == "Enter öder · Esc temizler"

    qtbot.keyClicks(form.amount, "1.234,56")
    type_card(qtbot, form)
    assert tab.pay_button.text() == "Öde 1.234,56 ₺"
    order_id = form.order_id.text()

    with qtbot.waitSignal(tab.payment_finished, timeout=15_000) as blocker:
        qtbot.keyClick(form.cvv, Qt.Key.Key_Return)

    outcome = blocker.args[0]
    assert outcome.state is OutcomeState.APPROVED
    assert tab.result.headline() == "ONAYLANDI"
    assert tab.result.detail("Amount") == "1.234,56 ₺"
    assert ledger_of(sandbox.app.state.sandbox).by_order(order_id).amount == Decimal("1234.56")
    assert journal.get(outcome.entry_id).amount == Decimal("1234.56")


def test_turkish_group_separator_alone_is_thousands_and_errors_are_turkish(qtbot, tab):
    form = tab.form
    qtbot.keyClicks(form.amount, "1.234")
    assert tab.pay_button.text() == "Öde 1.234,00 ₺"  # never one point two three four
    form.amount.clear()
    qtbot.keyClicks(form.amount, "12,345")
    assert tab.pay_button.text() == "Öde"  # TRY has two decimal places: not chargeable, no amount on Pay

    qtbot.keyClick(form.amount, Qt.Key.Key_Return)

    error = tab.findChild(type(tab.hint), "saleAmountError")
    assert error.text() == "TRY en fazla 2 ondalık basamağa izin verir."
    assert form.holder.accessibleDescription() == "Kart sahibinin adını girin."


def test_turkish_sale_shows_the_lira_sign_while_the_journal_and_ledger_keep_the_exact_decimal(
        qtbot, tab, journal, sandbox):
    form = tab.form
    qtbot.keyClicks(form.amount, "1234,56")  # no grouping typed: the screen adds it
    type_card(qtbot, form)
    assert tab.pay_button.text() == "Öde 1.234,56 ₺"
    order_id = form.order_id.text()

    with qtbot.waitSignal(tab.payment_finished, timeout=15_000) as blocker:
        qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)

    outcome = blocker.args[0]
    assert outcome.state is OutcomeState.APPROVED
    assert tab.result.detail("Amount") == "1.234,56 ₺"
    recorded = ledger_of(sandbox.app.state.sandbox).by_order(order_id)
    assert (recorded.amount, recorded.currency) == (Decimal("1234.56"), "TRY")
    entry = journal.get(outcome.entry_id)
    assert (entry.amount, entry.currency) == (Decimal("1234.56"), "TRY")


def test_turkish_sale_in_dollars_shows_the_code_not_a_sign(qtbot, tab, journal, sandbox):
    form = tab.form
    form.currency.setCurrentText("USD")
    qtbot.keyClicks(form.amount, "1.234,56")
    type_card(qtbot, form)
    assert tab.pay_button.text() == "Öde 1.234,56 USD"  # "$" would not say which dollar

    with qtbot.waitSignal(tab.payment_finished, timeout=15_000) as blocker:
        qtbot.keyClick(form.cvv, Qt.Key.Key_Return)

    outcome = blocker.args[0]
    assert outcome.state is OutcomeState.APPROVED
    assert tab.result.detail("Amount") == "1.234,56 USD"
    entry = journal.get(outcome.entry_id)
    assert (entry.amount, entry.currency) == (Decimal("1234.56"), "USD")
