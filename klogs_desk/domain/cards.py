"""Card rules: Luhn, brand by BIN, grouping for display, masking, expiry and CVV checks.

The full PAN only ever lives in memory, in the card form and the request being sent. Everything that is
shown after submission, logged or stored uses :func:`mask_pan` (first six, last four at most).
"""

from __future__ import annotations

import datetime as dt
import enum
import re

from ..frozen import Frozen, init
from ..messages import MessageError, msg


class CardBrand(str, enum.Enum):
    VISA = "Visa"
    MASTERCARD = "Mastercard"
    AMEX = "American Express"
    TROY = "Troy"
    DISCOVER = "Discover"
    UNKNOWN = "Unknown"


class BrandRule(Frozen):
    """A card brand's number lengths, CVV length and the groups its number is shown in."""

    brand: CardBrand
    lengths: tuple[int, ...]
    cvv_length: int
    groups: tuple[int, ...]

    __slots__ = ("brand", "lengths", "cvv_length", "groups")

    def __init__(self, brand: CardBrand, lengths: tuple[int, ...], cvv_length: int, groups: tuple[int, ...]) -> None:
        init(self, brand, lengths, cvv_length, groups)


_RULES: dict[CardBrand, BrandRule] = {
    CardBrand.VISA: BrandRule(CardBrand.VISA, (13, 16, 19), 3, (4, 4, 4, 4, 3)),
    CardBrand.MASTERCARD: BrandRule(CardBrand.MASTERCARD, (16,), 3, (4, 4, 4, 4)),
    CardBrand.AMEX: BrandRule(CardBrand.AMEX, (15,), 4, (4, 6, 5)),
    CardBrand.TROY: BrandRule(CardBrand.TROY, (16,), 3, (4, 4, 4, 4)),
    CardBrand.DISCOVER: BrandRule(CardBrand.DISCOVER, (16, 19), 3, (4, 4, 4, 4, 3)),
    CardBrand.UNKNOWN: BrandRule(CardBrand.UNKNOWN, tuple(range(12, 20)), 3, (4, 4, 4, 4, 3)),
}


def brand_of(pan: str) -> CardBrand:
    """The card brand from the leading digits (works on a partly typed number)."""
    digits = only_digits(pan)
    if not digits:
        return CardBrand.UNKNOWN
    if digits.startswith(("34", "37")):
        return CardBrand.AMEX
    if digits.startswith("9792") or digits.startswith(("65", "36")) and digits[:4] in _TROY_65:
        return CardBrand.TROY
    if digits[0] == "4":
        return CardBrand.VISA
    if len(digits) >= 2 and 51 <= int(digits[:2]) <= 55:
        return CardBrand.MASTERCARD
    if len(digits) >= 4 and 2221 <= int(digits[:4]) <= 2720:
        return CardBrand.MASTERCARD
    if digits.startswith(("6011", "65", "644", "645", "646", "647", "648", "649")):
        return CardBrand.DISCOVER
    return CardBrand.UNKNOWN


# Troy BINs in the 65 range (the common ones; 9792 is the main Troy prefix).
_TROY_65 = frozenset({"6500", "6501", "6502", "6503", "6504", "6505", "6506", "6507", "6508", "6509"})


def rule_for(pan: str) -> BrandRule:
    return _RULES[brand_of(pan)]


def only_digits(text: str) -> str:
    return "".join(ch for ch in text if ch in "0123456789")


def luhn_valid(pan: str) -> bool:
    digits = only_digits(pan)
    if len(digits) < 12:
        return False
    total = 0
    for index, ch in enumerate(reversed(digits)):
        value = int(ch)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def group_pan(pan: str) -> str:
    """Digits grouped for display as typed: ``4111 1111 1111 1111``; Amex ``3782 822463 10005``."""
    digits = only_digits(pan)
    out, start = [], 0
    for size in rule_for(digits).groups:
        if start >= len(digits):
            break
        out.append(digits[start:start + size])
        start += size
    if start < len(digits):
        out.append(digits[start:])
    return " ".join(out)


def mask_pan(pan: str) -> str:
    """First six and last four digits, the rest as ``*`` (PCI DSS display rule).

    Short inputs (under 12 digits) are masked entirely: they are not card numbers we can show safely.
    """
    digits = only_digits(pan)
    if len(digits) < 12:
        return "*" * len(digits)
    return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]


def last_four(pan: str) -> str:
    return only_digits(pan)[-4:]


# Card numbers inside free text: the one detector behind the log filter (log.py), the journal's guard
# (journal.py) and the journal's CSV export.
#: What may stand between the digits of a card number as people and programs write it: spaces, tabs,
#: dashes, dots, underscores and slashes, up to three in a row (``4111 - 1111 - 1111 - 1111``).
_SEPARATOR = r"[ \t\-._/]{1,3}"
#: Digits joined by separators: the chains every window is taken from.
_DIGIT_CHAIN = re.compile(rf"\d+(?:{_SEPARATOR}\d+)*")
_DIGIT = re.compile(r"\d")
#: Thirteen digits with separators between them: text without this has no card number (the quick exit
#: that keeps the log filter cheap on ordinary lines).
_THIRTEEN_DIGITS = re.compile(rf"\d(?:(?:{_SEPARATOR})?\d){{12}}")
#: A UUID (gateway payment IDs) is an identifier, not a card number, and is left out of free text. Only one
#: with a hex letter in it: a UUID of decimal digits only is one in three million, and would let a PAN
#: written in UUID shape through. (The journal's identifier fields, typed UUIDs, skip every UUID.)
UUID = re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])")
#: E.164: a phone number written after ``+`` has at most 15 digits.
_PHONE_DIGITS = 15
PAN_LENGTHS = range(13, 20)


def _blank_uuids(text: str) -> str:
    """``text`` with each UUID holding a hex letter replaced by ``#`` (same length, breaks digit chains)."""
    def blank(match: re.Match[str]) -> str:
        uuid = match.group()
        return "#" * len(uuid) if any(ch.isalpha() for ch in uuid) else uuid

    return UUID.sub(blank, text)


#: A digit's contribution to the Luhn sum when it is doubled.
_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)


def _luhn_windows(digits: str) -> list[tuple[int, int]]:
    """``(first, end)`` of every window of :data:`PAN_LENGTHS` digits of ``digits`` that passes Luhn and
    does not start with 0, in order of ``first``.

    Linear time, so a log line full of digits stays cheap: the Luhn sum of a window comes from two prefix
    sums, one with the digits at even indexes doubled and one with the odd ones (which one applies
    depends on the parity of the window's last digit, the one never doubled).
    """
    values = [ord(ch) - 48 for ch in digits]
    odd_doubled, even_doubled = [0], [0]
    for index, value in enumerate(values):
        odd_doubled.append(odd_doubled[-1] + (_DOUBLED[value] if index % 2 else value))
        even_doubled.append(even_doubled[-1] + (value if index % 2 else _DOUBLED[value]))
    windows = []
    for first in range(len(values) - PAN_LENGTHS[0] + 1):
        if values[first] == 0:
            continue
        for end in range(first + PAN_LENGTHS[0], min(first + PAN_LENGTHS[-1], len(values)) + 1):
            # The last digit (end - 1) is not doubled: with it at an even index the odd ones are.
            sums = odd_doubled if (end - 1) % 2 == 0 else even_doubled
            if (sums[end] - sums[first]) % 10 == 0:
                windows.append((first, end))
    return windows


def _whole_card(digits: str) -> bool:
    """A number of a known brand with one of its lengths (``+378282246310005`` is an Amex, not a phone)."""
    rule = rule_for(digits)
    return rule.brand is not CardBrand.UNKNOWN and len(digits) in rule.lengths


def find_pans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a card number: ``(start, end)`` spans, in order, not overlapping.

    A card number is any window of 13 to 19 consecutive digits passing the Luhn check and not starting with
    ``0`` (no issuer number does), wherever it sits: inside a longer digit run (``41111111111111111227``, a
    PAN glued to its expiry), or across separators (spaces, tabs, dashes, dots, underscores, slashes, up to
    three in a row: ``4111.1111_1111/1111``). Every such window is found; windows that overlap are merged
    into one span, so the span may hold digits around the card number too (masked with it).

    Card safety wins over false positives: any long digit run has a fair chance of holding a Luhn-valid
    window and is then masked. Left alone, because they are identifiers and not cards: UUIDs with a hex
    letter (gateway payment IDs), and a phone number after ``+`` (E.164, its first 15 digits; a card
    number that reaches beyond them, or one that is a whole card of a known brand, is still found). The
    terminal's order IDs (``KD-20261126-4F7Q2M``) hold too few digits to match.
    """
    spans: list[tuple[int, int]] = []
    if not _THIRTEEN_DIGITS.search(text):
        return spans
    scanned = _blank_uuids(text)
    for chain in _DIGIT_CHAIN.finditer(scanned):
        places = [chain.start() + d.start() for d in _DIGIT.finditer(chain.group())]
        if len(places) < PAN_LENGTHS[0]:
            continue
        digits = "".join(scanned[place] for place in places)
        phone = _PHONE_DIGITS if chain.start() > 0 and scanned[chain.start() - 1] == "+" else 0
        for first, end in _luhn_windows(digits):
            if end <= phone and not _whole_card(digits[first:end]):
                continue
            start, stop = places[first], places[end - 1] + 1
            if spans and start < spans[-1][1]:
                spans[-1] = (spans[-1][0], max(stop, spans[-1][1]))
            else:
                spans.append((start, stop))
    return spans


def redact_pans(text: str) -> str:
    """``text`` with every card number :func:`find_pans` finds masked by :func:`mask_pan`."""
    out, position = [], 0
    for start, end in find_pans(text):
        out += [text[position:start], mask_pan(text[start:end])]
        position = end
    out.append(text[position:])
    return "".join(out)


class CardError(MessageError):
    """A card field that cannot be sent; ``.msg`` is a short message for the cashier (``str(err)``: English)."""


def check_pan(pan: str) -> str:
    digits = only_digits(pan)
    if not digits:
        raise CardError(msg("card.enter-number"))
    if re.search(r"[^\d\s-]", pan):
        raise CardError(msg("card.digits-only"))
    rule = rule_for(digits)
    if len(digits) not in rule.lengths:
        if rule.brand is CardBrand.UNKNOWN:
            raise CardError(msg("card.length"))
        *first, last = (str(n) for n in rule.lengths)
        lengths = msg("card.lengths-or", lengths=", ".join(first), last=last) if first else last
        raise CardError(msg("card.brand-length", brand=rule.brand.value, lengths=lengths))
    if not luhn_valid(digits):
        raise CardError(msg("card.check-digit"))
    return digits


_EXPIRY = re.compile(r"^\s*(\d{1,2})\s*/?\s*(\d{2}|\d{4})\s*$")


def parse_expiry(text: str, today: dt.date | None = None) -> tuple[str, str]:
    """``MM/YY`` (also ``MMYY``, ``MM/YYYY``) to two-digit ``(month, year)``; refuses past dates.

    A card is valid through the last day of its expiry month.
    """
    match = _EXPIRY.match(text or "")
    if not match:
        raise CardError(msg("card.expiry-format"))
    month, year = int(match.group(1)), match.group(2)
    if not 1 <= month <= 12:
        raise CardError(msg("card.expiry-month"))
    year2 = year[-2:]
    full_year = 2000 + int(year2)
    today = today or dt.date.today()
    if (full_year, month) < (today.year, today.month):
        raise CardError(msg("card.expired"))
    if full_year > today.year + 20:
        raise CardError(msg("card.expiry-far"))
    return f"{month:02d}", year2


def check_cvv(cvv: str, pan: str) -> str:
    expected = rule_for(pan).cvv_length
    if not re.fullmatch(r"\d+", cvv or ""):
        raise CardError(msg("card.enter-cvv"))
    if len(cvv) != expected:
        raise CardError(msg("card.cvv-length", count=expected))
    return cvv


def check_holder(name: str) -> str:
    cleaned = " ".join((name or "").split())
    if len(cleaned) < 2:
        raise CardError(msg("card.enter-holder"))
    if len(cleaned) > 100:
        raise CardError(msg("card.holder-long"))
    if any(ord(ch) < 32 or ch.isdigit() for ch in cleaned):
        raise CardError(msg("card.holder-letters"))
    return cleaned
