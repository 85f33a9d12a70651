"""Money rules: currencies, their minor units, and reading amounts typed by people.

Every amount in klogs-desk is a ``decimal.Decimal``; this module is the one place that knows how many
decimal places a currency allows. Reading typed text never goes through ``float``.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from ..frozen import Frozen, init
from ..messages import MessageError, msg

#: ISO 4217 code -> number of minor-unit digits. The terminal offers the first four; the others are
#: accepted from the gateway (a subscription billed in another currency must still display correctly).
MINOR_UNITS: dict[str, int] = {
    "TRY": 2,
    "USD": 2,
    "EUR": 2,
    "GBP": 2,
    "JPY": 0,
    "KWD": 3,
}

#: Currencies a cashier can choose, default first.
TERMINAL_CURRENCIES: tuple[str, ...] = ("TRY", "USD", "EUR", "GBP")
DEFAULT_CURRENCY = "TRY"

CURRENCY_SYMBOLS: dict[str, str] = {"TRY": "₺", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}

#: The largest amount a single card payment may carry. Not in the docs; a real acquirer caps a single
#: authorisation, and a cap stops a slip of the finger (an extra 000) from reaching the gateway.
MAX_AMOUNT = Decimal("9999999.99")


class AmountError(MessageError):
    """An amount a cashier typed that cannot be charged; ``.msg`` says why (``str(err)``: in English)."""


def minor_units(currency: str) -> int:
    """Minor-unit digits of ``currency``; unknown currencies raise :class:`AmountError`."""
    try:
        return MINOR_UNITS[currency.upper()]
    except KeyError:
        raise AmountError(msg("amount.unknown-currency", currency=repr(currency))) from None


def is_known_currency(currency: str) -> bool:
    return currency.upper() in MINOR_UNITS


def decimal_places(amount: Decimal) -> int:
    exponent = amount.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def check_amount(amount: Decimal, currency: str) -> Decimal:
    """Return ``amount`` in the currency's minor units if it can be charged, else raise :class:`AmountError`.

    Rules: finite, greater than zero, at most the currency's minor-unit digits (``10.005 TRY`` is
    refused rather than rounded: rounding money silently is how cents go missing), at most
    :data:`MAX_AMOUNT`. Trailing zeros are not digits of value: ``5.100`` is accepted and returned as
    ``5.10``, so what goes on the wire never has more decimals than the currency allows.
    """
    if not isinstance(amount, Decimal):
        raise TypeError("amounts must be Decimal")
    if not amount.is_finite():
        raise AmountError(msg("amount.enter"))
    if amount <= 0:
        raise AmountError(msg("amount.positive"))
    digits = minor_units(currency)
    if decimal_places(amount.normalize()) > digits:  # 5.100 is 5.10; 5.105 is not
        if digits == 0:
            raise AmountError(msg("amount.no-decimals", currency=currency.upper()))
        raise AmountError(msg("amount.decimals", currency=currency.upper(), digits=digits))
    if amount > MAX_AMOUNT:
        raise AmountError(msg("amount.over-limit", limit=MAX_AMOUNT))
    return amount.quantize(Decimal(1).scaleb(-digits))  # exact: the value fits, only zeros change


def quantize(amount: Decimal, currency: str) -> Decimal:
    """``amount`` with exactly the currency's minor digits (``Decimal('5')`` -> ``Decimal('5.00')``).

    Only for values already known to fit (see :func:`check_amount`); it refuses to round.
    """
    digits = minor_units(currency)
    exp = Decimal(1).scaleb(-digits)
    result = amount.quantize(exp)
    if result != amount:
        raise AmountError(msg("amount.not-exact", amount=amount, currency=currency.upper()))
    return result


class SeparatorStyle(Frozen):
    """How a locale writes numbers: ``decimal`` and ``group`` separators (Turkish: ``,`` and ``.``)."""

    decimal: str
    group: str

    __slots__ = ("decimal", "group")

    def __init__(self, decimal: str = ".", group: str = ",") -> None:
        init(self, decimal, group)


ENGLISH = SeparatorStyle(".", ",")
TURKISH = SeparatorStyle(",", ".")

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")


def parse_amount(text: str, currency: str, style: SeparatorStyle = ENGLISH) -> Decimal:
    """Read an amount a person typed, with either separator, and check it for ``currency``.

    Rules (the cashier may type the locale's decimal separator or the other one):

    * spaces, apostrophes and the currency's symbol or code are ignored;
    * both ``.`` and ``,`` present: the rightmost one is the decimal separator and the other must group
      digits in threes (``1.234,56`` and ``1,234.56`` are both 1234.56);
    * one separator, the locale's decimal one: it is the decimal point;
    * one separator, the locale's group one: it groups thousands when every group after it has exactly
      three digits (Turkish ``1.234`` is 1234, never 1.234); otherwise it is a decimal point typed
      with the other key (Turkish ``12.5`` is 12.5).

    Non-ASCII digits (Arabic-Indic and the like) are read as their value. Raises :class:`AmountError`
    with a message for the cashier.
    """
    if text is None:
        raise AmountError(msg("amount.enter"))
    cleaned = unicodedata.normalize("NFKC", text).strip()
    code = currency.upper()
    symbol = CURRENCY_SYMBOLS.get(code, "")
    if symbol:
        cleaned = cleaned.replace(symbol, "")
    cleaned = re.sub(re.escape(code), "", cleaned, flags=re.IGNORECASE)
    cleaned = _SPACES.sub("", cleaned)
    if not cleaned:
        raise AmountError(msg("amount.enter"))
    if cleaned.startswith("-"):
        raise AmountError(msg("amount.positive"))
    if cleaned.startswith("+"):
        cleaned = cleaned[1:]
    digits_only = []
    for ch in cleaned:
        if ch in ".,":
            digits_only.append(ch)
        elif ch.isdigit():
            digits_only.append(str(unicodedata.digit(ch)))
        else:
            raise AmountError(msg("amount.digits-only"))
    cleaned = "".join(digits_only)
    if not any(c.isdigit() for c in cleaned):
        raise AmountError(msg("amount.enter"))
    number = _normalise_separators(cleaned, style)
    try:
        amount = Decimal(number)
    except InvalidOperation:
        raise AmountError(msg("amount.not-amount")) from None
    return check_amount(amount, currency)


def _normalise_separators(text: str, style: SeparatorStyle) -> str:
    has_dot, has_comma = "." in text, "," in text
    if has_dot and has_comma:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        whole, _, fraction = text.rpartition(decimal_sep)
        if decimal_sep in whole:
            raise AmountError(msg("amount.one-separator"))
        return _ungroup(whole, group_sep) + "." + fraction
    if not has_dot and not has_comma:
        return text
    sep = "." if has_dot else ","
    parts = text.split(sep)
    if sep == style.decimal:
        if len(parts) > 2:
            raise AmountError(msg("amount.one-separator"))
        return parts[0] + "." + parts[1]
    # The locale's group separator (or, for a locale using neither, treat like English).
    if len(parts) > 2 or (len(parts) == 2 and len(parts[1]) == 3):
        return _ungroup(text, sep)
    return parts[0] + "." + parts[1]


def _ungroup(whole: str, group_sep: str) -> str:
    if group_sep not in whole:
        return whole
    groups = whole.split(group_sep)
    if not groups[0] or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
        raise AmountError(msg("amount.groups"))
    return "".join(groups)


def style_for(decimal: str, group: str) -> SeparatorStyle:
    """The separator style of a locale given its decimal and group characters (e.g. from ``QLocale``)."""
    return SeparatorStyle(decimal or ".", group or ("," if decimal != "," else "."))


def format_amount(amount: Decimal, currency: str, style: SeparatorStyle = ENGLISH) -> str:
    """``amount`` grouped in threes with the currency's minor digits, in ``style``: ``1,234.56`` or
    ``1.234,56`` (Turkish). No currency code; never rounds (see :func:`quantize`)."""
    digits = minor_units(currency)
    text = format(quantize(amount, currency), f",.{digits}f")  # English form, exact for Decimal
    return text.translate({ord(","): style.group, ord("."): style.decimal})


def format_money(amount: Decimal, currency: str, style: SeparatorStyle = ENGLISH, *, use_symbol: bool = False) -> str:
    """``amount`` and its currency for people, number first: ``1,234.56 TRY``; with ``use_symbol`` the
    currency's symbol stands in for its code when it has one (``1.234,56 ₺``).

    Which locale gets the symbol is the UI's choice (``ui/money_text.py``). Never rounds: an amount with
    more digits than its currency allows, or in a currency this module does not know (which the gateway
    should never send), is shown with all its digits, so the screen never hides a discrepancy.
    Machine formats (CSV, logs, the wire) use the Decimal itself, never this.
    """
    code = currency.upper()
    try:
        number = format_amount(amount, code, style)
    except AmountError:
        number = format(amount, "f").replace(".", style.decimal)
    unit = CURRENCY_SYMBOLS.get(code, code) if use_symbol else code
    return f"{number} {unit}".strip()
