"""CardForm as a cashier types into it: names, grouping, expiry slash, validation, wiping, clipboard."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication

from klogs_desk.ui.card_form import CardForm

FUTURE_YY = f"{(dt.date.today().year + 3) % 100:02d}"


@pytest.fixture
def form(qtbot):
    form = CardForm("preauth")
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def fill(qtbot, form: CardForm, pan: str = "4111111111111111", cvv: str = "123") -> None:
    qtbot.keyClicks(form.amount, "10.50")
    qtbot.keyClicks(form.holder, "Can Demir")
    qtbot.keyClicks(form.pan, pan)
    qtbot.keyClicks(form.expiry, "12" + FUTURE_YY)
    qtbot.keyClicks(form.cvv, cvv)


def test_inputs_are_named_with_the_prefix_and_have_accessible_names(form):
    for suffix in ("Amount", "Currency", "CardHolder", "Pan", "Expiry", "Cvv", "CustomerId", "OrderId"):
        widget = form.findChild(object, f"preauth{suffix}")
        assert widget is not None, suffix
        assert widget.accessibleName(), suffix
    assert form.currency.currentText() == "TRY"
    assert [form.currency.itemText(i) for i in range(form.currency.count())] == ["TRY", "USD", "EUR", "GBP"]


def test_tab_order_follows_the_card(form):
    expected = [form.amount, form.currency, form.holder, form.pan, form.expiry, form.cvv, form.customer,
                form.order_id]
    for before, after in zip(expected, expected[1:], strict=False):
        assert before.nextInFocusChain() is after or _next_focusable(before) is after


def _next_focusable(widget):
    candidate = widget.nextInFocusChain()
    while not (candidate.focusPolicy() & Qt.FocusPolicy.TabFocus) or not candidate.isVisible():
        candidate = candidate.nextInFocusChain()
    return candidate


def test_pan_is_grouped_as_typed_and_the_brand_shown(qtbot, form):
    qtbot.keyClicks(form.pan, "4111111111111111")
    assert form.pan.text() == "4111 1111 1111 1111"
    assert form.brand.text() == "Visa"
    assert form.cvv.maxLength() == 3


def test_amex_is_grouped_4_6_5_and_wants_a_4_digit_cvv(qtbot, form):
    qtbot.keyClicks(form.pan, "378282246310005")
    assert form.pan.text() == "3782 822463 10005"
    assert form.brand.text() == "American Express"
    assert form.cvv.maxLength() == 4


def test_typing_in_the_middle_of_the_number_keeps_the_cursor_after_the_new_digit(qtbot, form):
    qtbot.keyClicks(form.pan, "41111111")
    assert form.pan.text() == "4111 1111"
    form.pan.setCursorPosition(2)
    qtbot.keyClicks(form.pan, "9")
    assert form.pan.text() == "4191 1111 1"
    assert form.pan.cursorPosition() == 3


def test_expiry_gets_its_slash_and_backspace_removes_it(qtbot, form):
    qtbot.keyClicks(form.expiry, "12")
    assert form.expiry.text() == "12/"
    qtbot.keyClick(form.expiry, Qt.Key.Key_Backspace)
    assert form.expiry.text() == "12"
    qtbot.keyClicks(form.expiry, "29")
    assert form.expiry.text() == "12/29"
    form.expiry.clear_secret()
    qtbot.keyClicks(form.expiry, "4")
    assert form.expiry.text() == "04/"


def test_validate_returns_the_order(qtbot, form):
    fill(qtbot, form)
    qtbot.keyClicks(form.customer, "CUST-9")
    order = form.validate()
    assert order is not None
    assert (order.amount, order.currency, order.holder, order.pan) == (Decimal("10.50"), "TRY", "Can Demir",
                                                                       "4111111111111111")
    assert (order.expiry_month, order.expiry_year, order.cvv) == ("12", FUTURE_YY, "123")
    assert order.customer_id == "CUST-9" and order.order_id == form.order_id.text()


def test_currency_rules_come_from_the_currency(qtbot, form):
    fill(qtbot, form)
    form.amount.setText("10.505")
    assert form.validate() is None
    assert "2 decimal places" in form.error_text("amount")


def test_an_error_goes_away_when_the_field_is_edited(qtbot, form):
    fill(qtbot, form, cvv="12")
    assert form.validate() is None and form.error_text("cvv")
    qtbot.keyClicks(form.cvv, "3")
    assert form.error_text("cvv") == "" and form.cvv.accessibleDescription() == ""


def test_clear_card_wipes_the_card_and_undo_does_not_bring_it_back(qtbot, form):
    fill(qtbot, form)
    form.clear_card()
    for edit in (form.pan, form.cvv, form.expiry, form.holder):
        assert edit.text() == ""
        edit.undo()
        assert edit.text() == ""
    assert form.amount.text() == "10.50"


def test_pan_copy_and_cut_are_refused(qtbot, form):
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("sentinel")
    qtbot.keyClicks(form.pan, "4111111111111111")
    form.pan.selectAll()

    qtbot.keySequence(form.pan, QKeySequence(QKeySequence.StandardKey.Copy))
    qtbot.keySequence(form.pan, QKeySequence(QKeySequence.StandardKey.Cut))
    form.pan.copy()
    form.pan.cut()

    assert clipboard.text() == "sentinel"
    assert form.pan.text() == "4111 1111 1111 1111"
    assert not form.pan.dragEnabled()
    assert form.pan.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    # The CVV is a password field: Qt never copies it either.
    qtbot.keyClicks(form.cvv, "123")
    form.cvv.selectAll()
    qtbot.keySequence(form.cvv, QKeySequence(QKeySequence.StandardKey.Copy))
    assert clipboard.text() == "sentinel"


def test_enter_and_escape_are_routed_to_the_owner(qtbot, form):
    with qtbot.waitSignal(form.submit_requested):
        qtbot.keyClick(form.holder, Qt.Key.Key_Return)
    with qtbot.waitSignal(form.submit_requested):
        qtbot.keyClick(form.currency, Qt.Key.Key_Enter)
    with qtbot.waitSignal(form.clear_requested):
        qtbot.keyClick(form.pan, Qt.Key.Key_Escape)


def test_new_button_gives_a_fresh_order_id(qtbot, form):
    before = form.order_id.text()
    qtbot.mouseClick(form.new_order_button, Qt.MouseButton.LeftButton)
    assert form.order_id.text() != before and form.order_id.text().startswith("KD-")


def test_busy_form_is_read_only(form):
    form.set_busy(True)
    assert form.pan.isReadOnly() and form.amount.isReadOnly() and not form.currency.isEnabled()
    form.set_busy(False)
    assert not form.pan.isReadOnly() and form.currency.isEnabled()
    assert QApplication.instance() is not None
