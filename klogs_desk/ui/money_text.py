"""Amounts with their currency as the cashier reads them: the one place the UI writes "amount with currency".

Rule (issue 8, numbers follow the chosen locale):

* Turkish: the locale's digits, then the lira's sign for TRY (``1.234,56 ₺``, as Turkish shops print
  prices) and the ISO code for every other currency (``1.234,56 USD``).
* English (and any other locale): the locale's digits, then the ISO code (``1,234.56 TRY``). Codes are
  clearest for cashiers who handle several currencies: ``$`` alone does not say which dollar, and a code
  is what the gateway, the journal export and the bank statement show.

Machine formats (the journal's CSV export, logs, the wire) stay locale-free and never come through here.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

from ..domain.money import format_money
from .locale_style import number_style

#: Languages that write their own currency with its sign, and that currency.
_HOME_CURRENCY: dict[QLocale.Language, str] = {QLocale.Language.Turkish: "TRY"}


def money_text(amount: Decimal | None, currency: str | None, locale: QLocale | None = None) -> str:
    """``amount`` ``currency`` in ``locale`` (default: the application's), per the module's rule; ``""`` for
    no amount. Exact: never rounds, never goes through float (:func:`domain.money.format_money`)."""
    if amount is None:
        return ""
    locale = locale or QLocale()
    code = (currency or "").upper()
    return format_money(amount, code, number_style(locale), use_symbol=_HOME_CURRENCY.get(locale.language()) == code)
