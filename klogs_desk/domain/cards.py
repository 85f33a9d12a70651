"""Card rules: Luhn, brand by BIN, grouping for display, masking, expiry and CVV checks.

The full PAN only ever lives in memory, in the card form and the request being sent. Everything that is
shown after submission, logged or stored uses :func:`mask_pan` (first six, last four at most).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

from ..messages import MessageError, msg


class CardBrand(str, enum.Enum):
    VISA = "Visa"
    MASTERCARD = "Mastercard"
    AMEX = "American Express"
    TROY = "Troy"
    DISCOVER = "Discover"
    UNKNOWN = "Unknown"


@dataclass(frozen=True)
class BrandRule:
    brand: CardBrand
    lengths: tuple[int, ...]
    cvv_length: int
    groups: tuple[int, ...]


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
#: Digit groups joined by single spaces or dashes, as card numbers are typed and printed.
_DIGIT_RUN = re.compile(r"(?<!\d)\d+(?:[ -]\d+)*")
_DIGIT_GROUP = re.compile(r"\d+")
#: Twelve digits with at most single separators between them: text without this has no card number (the
#: quick exit that keeps the log filter cheap on ordinary lines).
_TWELVE_DIGITS = re.compile(r"\d(?:[ -]?\d){11}")
#: A UUID's digit groups joined by its hyphens can look like a Luhn-valid number (about one gateway
#: payment ID in 500: the soak found one); they are identifiers, not card numbers, and are left out.
_UUID = re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])")
PAN_LENGTHS = range(12, 20)


def find_pans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a card number: ``(start, end)`` spans, in order, not overlapping.

    A card number is 12 to 19 digits passing the Luhn check, written whole or in groups joined by single
    spaces or dashes (``4111 1111 1111 1111``, ``4111-1111-1111-1111``). Every run of whole groups is
    tried, longest first, so a number next to another one (``amount 100 4111 1111 1111 1111``) is still
    found; digits inside a longer unbroken run are not a card number. Identifiers are not cards: UUIDs,
    and a phone number written after ``+`` (E.164; a card number right after it is still found). Digit
    runs failing Luhn (order IDs, timestamps) are not reported.
    """
    spans: list[tuple[int, int]] = []
    if not _TWELVE_DIGITS.search(text):
        return spans
    scanned = _UUID.sub(lambda m: " " * len(m.group()), text)
    for run in _DIGIT_RUN.finditer(scanned):
        digits = run.group().replace(" ", "").replace("-", "")
        if len(digits) < PAN_LENGTHS[0]:
            continue
        groups = [(run.start() + g.start(), run.start() + g.end()) for g in _DIGIT_GROUP.finditer(run.group())]
        # The digits of groups first..last are digits[ends[first]:ends[last + 1]]; a window is at most 19.
        ends = [0]
        for start, end in groups:
            ends.append(ends[-1] + end - start)
        first = 1 if run.start() > 0 and scanned[run.start() - 1] == "+" else 0
        while first < len(groups):
            longest = None
            for last in range(first, len(groups)):
                count = ends[last + 1] - ends[first]
                if count > PAN_LENGTHS[-1]:
                    break
                if count >= PAN_LENGTHS[0] and luhn_valid(digits[ends[first]:ends[last + 1]]):
                    longest = last
            if longest is None:
                first += 1
            else:
                spans.append((groups[first][0], groups[longest][1]))
                first = longest + 1
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
