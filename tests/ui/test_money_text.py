"""money_text, the one place the UI writes an amount with its currency: Turkish shows the lira as ``₺``,
every other currency and every English screen keep the ISO code; nothing is rounded."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from klogs_desk.ui.money_text import money_text

TURKISH = QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.mark.parametrize(("amount", "currency", "locale", "shown"), [
    ("1234.56", "TRY", TURKISH, "1.234,56 ₺"),
    ("1234.56", "try", TURKISH, "1.234,56 ₺"),
    ("1234.56", "USD", TURKISH, "1.234,56 USD"),
    ("0.5", "EUR", TURKISH, "0,50 EUR"),
    ("1234.56", "TRY", ENGLISH, "1,234.56 TRY"),
    ("1234.56", "USD", ENGLISH, "1,234.56 USD"),
    ("1234567", "JPY", ENGLISH, "1,234,567 JPY"),
])
def test_amount_with_currency_follows_the_locale(amount, currency, locale, shown):
    assert money_text(Decimal(amount), currency, locale) == shown


def test_digits_the_currency_does_not_allow_are_shown_not_rounded():
    # a gateway figure with a third decimal must stay visible to the cashier, not become 1,50
    assert money_text(Decimal("1.505"), "TRY", TURKISH) == "1,505 ₺"
    assert money_text(Decimal("12.5"), "XAU", ENGLISH) == "12.5 XAU"


def test_no_amount_is_blank():
    assert money_text(None, "TRY", TURKISH) == ""
