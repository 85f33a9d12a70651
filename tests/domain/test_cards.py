"""Card rules: brands, grouping, Luhn, masking, expiry, CVV and holder checks."""

from __future__ import annotations

import datetime as dt

import pytest

from klogs_desk.domain.cards import (
    CardBrand,
    CardError,
    brand_of,
    check_cvv,
    check_holder,
    check_pan,
    group_pan,
    luhn_valid,
    mask_pan,
    parse_expiry,
)


@pytest.mark.parametrize("pan, brand", [
    ("4111111111111111", CardBrand.VISA),
    ("5421190122090656", CardBrand.MASTERCARD),
    ("2221000000000009", CardBrand.MASTERCARD),
    ("378282246310005", CardBrand.AMEX),
    ("341111111111111", CardBrand.AMEX),
    ("9792030000000000", CardBrand.TROY),
    ("6011111111111117", CardBrand.DISCOVER),
    ("4", CardBrand.VISA),
    ("", CardBrand.UNKNOWN),
    ("1234567890123", CardBrand.UNKNOWN),
])
def test_brand_from_leading_digits(pan, brand):
    assert brand_of(pan) is brand


@pytest.mark.parametrize("typed, shown", [
    ("4111111111111111", "4111 1111 1111 1111"),
    ("4111 1111-1111 1111", "4111 1111 1111 1111"),
    ("411111", "4111 11"),
    ("378282246310005", "3782 822463 10005"),
    ("4111111111111111123", "4111 1111 1111 1111 123"),
    ("", ""),
])
def test_grouping_as_typed(typed, shown):
    assert group_pan(typed) == shown


@pytest.mark.parametrize("pan, valid", [
    ("4111111111111111", True),
    ("4111111111111112", False),
    ("378282246310005", True),
    ("9792030000000000", True),
    ("0000000000000000", True),  # Luhn alone says yes; length and brand rules are separate
    ("41111111111", False),  # too short to be a card
])
def test_luhn(pan, valid):
    assert luhn_valid(pan) is valid


def test_masking_shows_first_six_and_last_four_only():
    assert mask_pan("4111111111111111") == "411111******1111"
    assert mask_pan("378282246310005") == "378282*****0005"
    assert mask_pan("4111 1111 1111 1111") == "411111******1111"
    assert mask_pan("12345") == "*****"


def test_check_pan_explains_what_is_wrong():
    assert check_pan("4111 1111 1111 1111") == "4111111111111111"
    with pytest.raises(CardError, match="check digit"):
        check_pan("4111111111111112")
    with pytest.raises(CardError, match="16 digits"):
        check_pan("5421 1901 2209 065")
    with pytest.raises(CardError, match="Enter the card number"):
        check_pan("")
    with pytest.raises(CardError, match="only digits"):
        check_pan("4111-1111-1111-111a")


TODAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize("typed, expected", [
    ("12/29", ("12", "29")),
    ("1229", ("12", "29")),
    ("1/29", ("01", "29")),
    ("12/2029", ("12", "29")),
    ("11/26", ("11", "26")),  # valid through the end of its month
])
def test_expiry_accepted(typed, expected):
    assert parse_expiry(typed, TODAY) == expected


@pytest.mark.parametrize("typed, message", [
    ("10/26", "expired"),
    ("12/25", "expired"),
    ("13/29", "01 to 12"),
    ("00/29", "01 to 12"),
    ("12/", "MM/YY"),
    ("", "MM/YY"),
    ("12/60", "too far"),
])
def test_expiry_refused(typed, message):
    with pytest.raises(CardError, match=message):
        parse_expiry(typed, TODAY)


def test_cvv_length_follows_the_brand():
    assert check_cvv("123", "4111111111111111") == "123"
    assert check_cvv("1234", "378282246310005") == "1234"
    with pytest.raises(CardError, match="3 digits"):
        check_cvv("12", "4111111111111111")
    with pytest.raises(CardError, match="4 digits"):
        check_cvv("123", "378282246310005")
    with pytest.raises(CardError, match="security code"):
        check_cvv("12a", "4111111111111111")


def test_holder_name():
    assert check_holder("  Ayşe   Yılmaz ") == "Ayşe Yılmaz"
    for bad in ("", " ", "A", "R2D2", "x" * 101):
        with pytest.raises(CardError):
            check_holder(bad)
