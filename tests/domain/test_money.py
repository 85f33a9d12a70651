"""Money rules: amounts typed with either separator, currency minor units, formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest

from klogs_desk.domain.money import (
    ENGLISH,
    TURKISH,
    AmountError,
    check_amount,
    format_amount,
    parse_amount,
    quantize,
    style_for,
)


@pytest.mark.parametrize("typed, amount", [
    ("1.234,56", Decimal("1234.56")),
    ("1.234", Decimal("1234")),
    ("1.234.567", Decimal("1234567")),
    ("12,5", Decimal("12.5")),
    ("12.5", Decimal("12.5")),  # the other key as decimal point: no group of three after it
    ("1,234.56", Decimal("1234.56")),
    ("₺ 99,90", Decimal("99.90")),
    ("100 TRY", Decimal("100")),
])
def test_turkish_separators(typed, amount):
    result = parse_amount(typed, "TRY", TURKISH)
    assert result == amount and isinstance(result, Decimal)


def test_turkish_thousands_are_never_read_as_a_decimal_point():
    assert parse_amount("1.234", "TRY", TURKISH) != Decimal("1.234")


@pytest.mark.parametrize("typed, amount", [
    ("1,234.56", Decimal("1234.56")),
    ("1,234", Decimal("1234")),
    ("1234.5", Decimal("1234.5")),
    ("0.01", Decimal("0.01")),
    ("12,5", Decimal("12.5")),
    ("1.234,56", Decimal("1234.56")),
    ("$1,000", Decimal("1000")),
])
def test_english_separators(typed, amount):
    assert parse_amount(typed, "USD", ENGLISH) == amount


@pytest.mark.parametrize("typed, message", [
    ("", "Enter an amount"),
    ("0", "greater than zero"),
    ("0,00", "greater than zero"),
    ("-5", "greater than zero"),
    ("10,005", "at most 2 decimal places"),
    ("12a", "digits"),
    ("1.23.4", "threes"),
    ("1,2,3", "one decimal separator"),
    ("99999999", "over the limit"),
])
def test_refused_amounts(typed, message):
    with pytest.raises(AmountError, match=message):
        parse_amount(typed, "TRY", TURKISH)


def test_minor_units_are_per_currency():
    assert check_amount(Decimal("5.100"), "TRY") == Decimal("5.100")
    with pytest.raises(AmountError, match="no decimal places"):
        check_amount(Decimal("5.5"), "JPY")
    with pytest.raises(TypeError):
        check_amount(5.5, "TRY")  # type: ignore[arg-type]


def test_formatting_groups_in_threes_with_the_currency_digits():
    assert format_amount(Decimal("1234.5"), "TRY") == "1,234.50"
    assert format_amount(Decimal("1234567.5"), "TRY", TURKISH) == "1.234.567,50"
    assert format_amount(Decimal("12"), "JPY") == "12"
    assert quantize(Decimal("5"), "USD") == Decimal("5.00")
    with pytest.raises(AmountError):
        format_amount(Decimal("1.005"), "TRY")  # refuses to round


def test_style_from_locale_characters():
    assert style_for(",", ".") == TURKISH
    assert style_for(".", ",") == ENGLISH
    assert style_for(",", "\u202f").group == "\u202f"
