"""Every bad input gets an answer: hypothesis throws arbitrary text, huge and negative numbers, too many
decimals, non-ASCII digits, control characters and over-long strings at every validator the cashier's
input goes through. Each one returns a value or raises its own error with a message for the cashier;
nothing else escapes (no TypeError, no decimal.InvalidOperation, no OverflowError, no traceback).

Covered: :func:`domain.money.parse_amount` and :func:`check_amount`, the card checks of
:mod:`domain.cards`, :func:`domain.orders.check_order_id`, :meth:`ui.card_form.CardForm.validate` (text set
in every field), the subscription dialogs' ``build_request`` (create, edit, owner, payment order), and
every API request/response model (``model_validate`` with arbitrary field values; their errors read
through :func:`api.errors.field_errors_from`, which must not quote the input).
"""

from __future__ import annotations

import datetime as dt
import inspect
import uuid
from decimal import Decimal

import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klogs_desk.api import models
from klogs_desk.api.errors import field_errors_from
from klogs_desk.domain import cards
from klogs_desk.domain.journal import EntryKind, Journal
from klogs_desk.domain.money import (
    ENGLISH,
    TURKISH,
    AmountError,
    check_amount,
    decimal_places,
    minor_units,
    parse_amount,
)
from klogs_desk.domain.orders import OrderIdError, check_order_id
from klogs_desk.messages import Message, english

CURRENCIES = ("TRY", "USD", "EUR", "GBP", "JPY", "KWD")
FUZZ = settings(max_examples=150, deadline=None)
GUI_FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

unicode_digits = st.text(alphabet=st.characters(categories=["Nd"]), min_size=1, max_size=25)
control_text = st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), max_size=20)
number_like = st.text(alphabet="0123456789.,-+ eE_'₺$€\u00a0\u066b\u066c", max_size=40)
huge_numbers = st.integers(min_value=-(10**400), max_value=10**400).map(str)
too_precise = st.decimals(allow_nan=False, allow_infinity=False, places=7).map(str)
long_text = st.text(min_size=200, max_size=3000)
NASTY_TEXT = st.one_of(st.text(max_size=80), unicode_digits, control_text, number_like, huge_numbers,
                       too_precise, long_text, st.sampled_from(["", " ", "NaN", "Infinity", "-0", "1e999",
                                                               "٣٤٥٫٦٧", "１２３．４５", "0.001", "12,34,56"]))


def _is_message(text: str | Message) -> bool:
    if isinstance(text, Message):  # a message code (a field the terminal checked itself): its English rendering
        text = str(text)
    return isinstance(text, str) and bool(text.strip()) and "Traceback" not in text


# --- money ------------------------------------------------------------------------------------------------


@FUZZ
@given(text=NASTY_TEXT, currency=st.sampled_from(CURRENCIES), style=st.sampled_from([ENGLISH, TURKISH]))
def test_parse_amount_returns_a_valid_amount_or_says_what_is_wrong(text, currency, style):
    try:
        amount = parse_amount(text, currency, style)
    except AmountError as err:
        assert _is_message(str(err))
        return
    assert isinstance(amount, Decimal) and amount.is_finite() and amount > 0
    assert decimal_places(amount) <= minor_units(currency)
    assert check_amount(amount, currency) == amount


@FUZZ
@given(amount=st.one_of(st.decimals(), st.decimals(places=8), st.integers(-(10**30), 10**30).map(Decimal),
                        st.sampled_from([Decimal("NaN"), Decimal("-Infinity"), Decimal("1E+999"),
                                         Decimal("-0.00"), Decimal("1E-999")])),
       currency=st.sampled_from(CURRENCIES))
def test_check_amount_accepts_or_refuses_every_decimal(amount, currency):
    try:
        checked = check_amount(amount, currency)
    except AmountError as err:
        assert _is_message(str(err))
        return
    assert checked.is_finite() and checked > 0 and decimal_places(checked) <= minor_units(currency)


def test_amounts_the_cashier_gets_wrong_get_a_message():
    for text in ("-5", "0", "12.345", "1e5", "abc", "", "10" * 40):
        with pytest.raises(AmountError):
            parse_amount(text, "TRY")
    assert parse_amount("١٢٣٫٤٥".replace("٫", "."), "TRY") == Decimal("123.45")  # Arabic-Indic digits


# --- cards and order IDs ----------------------------------------------------------------------------------


@FUZZ
@given(text=NASTY_TEXT)
def test_card_checks_return_a_value_or_a_card_error(text):
    today = dt.date(2026, 11, 26)
    for check in (cards.check_pan, cards.check_holder, lambda t: cards.parse_expiry(t, today),
                  lambda t: cards.check_cvv(t, "4111111111111111"), lambda t: cards.check_cvv(t, "378282246310005")):
        try:
            check(text)
        except cards.CardError as err:
            assert _is_message(str(err))
            assert not (len(cards.only_digits(text)) >= 12 and cards.only_digits(text) in str(err)), \
                "a card error quotes the card number"
    # These never refuse: they describe whatever was typed, and never show more than a masked card.
    cards.brand_of(text)
    cards.luhn_valid(cards.only_digits(text))
    cards.group_pan(cards.only_digits(text))
    masked = cards.mask_pan(text)
    digits = cards.only_digits(text)
    if len(digits) >= 13 and cards.luhn_valid(digits):
        assert digits not in cards.only_digits(masked) or set(digits[6:-4]) <= {"*"}


@FUZZ
@given(text=NASTY_TEXT)
def test_order_ids_are_accepted_or_explained(text):
    try:
        value = check_order_id(text)
    except OrderIdError as err:
        assert _is_message(str(err))
        return
    assert value and len(value) <= 64


# --- the journal's own guard (the soak found a UUID it took for a card number) -------------------------


@FUZZ
@given(payment_id=st.uuids())
def test_journal_accepts_every_uuid_and_still_keeps_card_numbers_out(payment_id, tmp_path_factory):
    """Gateway IDs are stored whole; a card number is refused in an identifier and masked in free text."""
    journal = Journal(":memory:")
    row = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference="FUZZ-1",
                                 amount=Decimal("1.00"), currency="TRY", payment_id=str(payment_id))
    assert row.payment_id == str(payment_id)
    digit_only = str(payment_id).translate(str.maketrans("abcdef", "123456"))  # a UUID of digits only
    assert journal.update(row.id, checkout_id=digit_only).checkout_id == digit_only
    for pan in ("4111111111111111", "4111 1111 1111 1111", "3782-822463-10005", f"id {payment_id} 4111111111111111"):
        with pytest.raises(ValueError):
            journal.update(row.id, payment_id=pan)
        note = english(journal.update(row.id, note=pan).note)
        assert "4111111111111111" not in cards.only_digits(note) and "378282246310005" not in note
    journal.close()


# --- API models ---------------------------------------------------------------------------------------------

MODELS = [cls for _name, cls in inspect.getmembers(models, inspect.isclass)
          if issubclass(cls, pydantic.BaseModel)]
ANY_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-(10**40), 10**40), st.floats(), st.decimals(),
              NASTY_TEXT, st.uuids().map(str), st.datetimes().map(lambda d: d.isoformat())),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=12), inner, max_size=3)),
    max_leaves=6)


def _aliases(model: type[pydantic.BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()] + ["unexpectedField"]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_model_takes_or_refuses_any_input_with_field_messages(model, data):
    body = data.draw(st.dictionaries(st.sampled_from(_aliases(model)), ANY_VALUE, max_size=8))
    try:
        model.model_validate(body)
    except pydantic.ValidationError as err:
        errors = field_errors_from(err)
        assert errors and all(_is_message(m) for messages in errors.values() for m in messages)
        shown = repr(errors)
        for value in body.values():
            if isinstance(value, str) and len(cards.only_digits(value)) >= 12 and cards.luhn_valid(
                    cards.only_digits(value)):
                assert value not in shown, "a field message quotes a card number"


@FUZZ
@given(pan=st.sampled_from(["4111111111111111", "378282246310005"]), amount=NASTY_TEXT, cvv=NASTY_TEXT,
       holder=NASTY_TEXT, order_id=NASTY_TEXT)
def test_card_request_errors_never_quote_the_card(pan, amount, cvv, holder, order_id):
    body = {"orderId": order_id, "amount": amount, "currency": "TRY", "cardHolderName": holder, "pan": pan,
            "expiryMonth": "13", "expiryYear": "1", "cvv": cvv}
    with pytest.raises(pydantic.ValidationError) as raised:
        models.CardPaymentRequest.model_validate(body)
    assert pan not in repr(field_errors_from(raised.value))


# --- the forms ---------------------------------------------------------------------------------------------


@pytest.fixture
def card_form(qtbot):
    from klogs_desk.ui.card_form import CardForm

    form = CardForm("fuzz", idle_seconds=0)
    qtbot.addWidget(form)
    return form


FORM_FIELDS = ("amount", "holder", "pan", "expiry", "cvv", "customer", "order_id")


@GUI_FUZZ
@given(texts=st.fixed_dictionaries({key: NASTY_TEXT for key in FORM_FIELDS}),
       currency=st.sampled_from(["TRY", "USD", "EUR"]))
def test_card_form_answers_every_input_at_its_fields(card_form, texts, currency):
    card_form.currency.setCurrentText(currency)
    for key, text in texts.items():
        getattr(card_form, key).setText(text)
    order = card_form.validate()
    if order is None:
        marked = [k for k in ("amount", "holder", "pan", "expiry", "cvv", "order_id") if card_form.error_text(k)]
        assert marked, "refused without saying which field is wrong"
        assert all(_is_message(card_form.error_text(k)) for k in marked)
    else:
        assert order.amount > 0 and cards.luhn_valid(order.pan)
        try:
            order.request()
        except pydantic.ValidationError as err:  # the form let through what the API model refuses
            assert field_errors_from(err)


def _fill(dialog, texts: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit

    from klogs_desk.ui.subscription_dialogs import SavedCardField

    for name, widget in dialog.fields.items():
        if isinstance(widget, (QLineEdit, SavedCardField)):  # the card field: a saved card, or an ID typed
            widget.setText(texts.get(name, ""))


@pytest.fixture
def dialogs(qtbot):
    from klogs_desk.ui.subscription_dialogs import (
        CreateSubscriptionDialog,
        EditSubscriptionDialog,
        OwnerDialog,
        PaymentOrderDialog,
    )

    async def never(*_args):  # build_request is only checked, nothing is sent
        raise AssertionError("sent")

    made = [CreateSubscriptionDialog(never), EditSubscriptionDialog(never), OwnerDialog(never),
            PaymentOrderDialog(never)]
    for dialog in made:
        qtbot.addWidget(dialog)
    return made


@GUI_FUZZ
@given(data=st.data())
def test_subscription_dialogs_build_a_request_or_mark_fields(dialogs, data):
    for dialog in dialogs:
        texts = data.draw(st.fixed_dictionaries({name: NASTY_TEXT for name in dialog.fields}))
        _fill(dialog, texts)
        request, errors = dialog.build_request()
        if request is None:
            assert errors and all(_is_message(m) for messages in errors.values() for m in messages)
        else:
            assert not errors
            assert isinstance(request, pydantic.BaseModel)
    assert all(dialog.requests_sent == 0 for dialog in dialogs)


def test_uuid_like_ids_in_requests_are_not_mistaken(dialogs):
    create = dialogs[0]
    _fill(create, {"reference": "SUB-1", "amount": "99.90", "ownerDescription.fullName": "Jane Smith",
                   "ownerDescription.phone": "+905551234567", "ownerDescription.cardId": str(uuid.uuid4())})
    request, errors = create.build_request()
    assert request is not None and not errors, errors
