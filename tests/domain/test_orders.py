"""Order IDs never look like card numbers: the journal refuses a card number in an identifier, so an ID that
held one could not be journaled (the soak met one: a base32 suffix of digits joined the date's digits)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klogs_desk.domain.cards import find_pans
from klogs_desk.domain.orders import OrderIdError, check_order_id, new_order_id
from klogs_desk.messages import english


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_generated_ids_pass_their_own_check_and_hold_no_card_number(day):
    for _ in range(50):
        order_id = new_order_id(day)
        assert check_order_id(order_id) == order_id
        assert find_pans(order_id) == []
        assert order_id.split("-")[2][0].isalpha()  # the date's digits never run on into the random part


def test_the_worst_case_id_shape_holds_no_card_number():
    """Eight date digits, a letter, then five digits: the longest digit runs a generated ID can have."""
    assert find_pans("KD-20261203-A77777") == []
    # What the old random part (any base32 character first) could make, and the journal refused:
    assert find_pans("KD-20261203-222223") and find_pans("KD-20261203-22246Q")


@pytest.mark.parametrize("typed", ["INV-4111111111111111", "4111-1111-1111-1111", "KD-20261203-22246Q"])
def test_a_typed_id_holding_a_card_number_is_refused_with_words(typed):
    if not find_pans(typed):
        pytest.fail(f"{typed!r} should hold a card number for this test")
    with pytest.raises(OrderIdError) as refused:
        check_order_id(typed)
    assert "must not hold a card number" in english(refused.value.msg)
