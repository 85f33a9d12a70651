"""Order IDs: the idempotency key of a payment.

Format ``KD-YYYYMMDD-XXXXXX``: the terminal's prefix, the local date (so a cashier reading an ID over the
phone knows the day), and six characters of RFC 4648 base32 from :mod:`secrets` (32**6, about a billion
per day, so two terminals of one merchant do not collide by chance). Base32 has no 0/1/8 to confuse
with O/I/B when read aloud. The random part starts with a letter, so the date's eight digits never join
other digits: no window of 13 or more digits exists, and no generated ID can look like a card number to the
detector the journal and the logs use (``domain.cards.find_pans``). An ID typed by the cashier that holds
one is refused with a message, before anything is written or sent.

Lifecycle (the rule the Sale tab follows): an ID is generated once per sale; it is *kept* when the
cashier retries the same sale after an error that charged nothing, and replaced after an approved,
declined or unknown result, because the gateway has recorded that ID.
"""

from __future__ import annotations

import datetime as dt
import re
from random import SystemRandom

from ..messages import MessageError, msg
from .cards import find_pans

ORDER_ID_PREFIX = "KD"
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"  # RFC 4648 base32
_LETTERS = _ALPHABET[:26]
_RANDOM_LENGTH = 6
#: What the gateway accepts (payment-gateway models): 1-64 of letters, digits and -_./, starting alnum.
#: ``secrets.choice`` itself (the OS's random source), without importing :mod:`secrets`, whose ``hmac`` and
#: ``hashlib`` (OpenSSL) the first frame's order ID does not need (issue 19).
_choice = SystemRandom().choice
_VALID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_./]{0,63}$")


def new_order_id(today: dt.date | None = None) -> str:
    """A fresh order ID such as ``KD-20261126-4F7Q2M``."""
    day = (today or dt.date.today()).strftime("%Y%m%d")
    suffix = _choice(_LETTERS) + "".join(_choice(_ALPHABET) for _ in range(_RANDOM_LENGTH - 1))
    return f"{ORDER_ID_PREFIX}-{day}-{suffix}"


class OrderIdError(MessageError):
    """An order ID the gateway would refuse; ``.msg`` is written for the cashier (``str(err)``: English)."""


def check_order_id(text: str) -> str:
    """The order ID as typed, stripped; raises :class:`OrderIdError` if the gateway would refuse it."""
    value = (text or "").strip()
    if not value:
        raise OrderIdError(msg("order.enter"))
    if len(value) > 64:
        raise OrderIdError(msg("order.long"))
    if not _VALID.match(value):
        raise OrderIdError(msg("order.characters"))
    if find_pans(value):  # the journal would refuse it (an identifier is never masked), and so must we
        raise OrderIdError(msg("order.card-number"))
    return value
