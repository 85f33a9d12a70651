"""Checking the gateway's card-storage webhook before anything believes it.

The gateway notifies the merchant when a card owner has saved a card (recurring-overview.md, "Configure
Webhook": ``POST /webhooks/card-storage/:type/:id`` with ``{cardId, ownerId}``; "Webhook Validation —
validate webhooks with hash verification"). The docs do not say how the hash is made; this terminal
expects the scheme of our sandbox (``klogs_desk/sandbox/card_storage.py``), modelled on the signed
requests of Klogs' client libraries (sdk-differences.md) with the body added:

* ``X-Api-Key``: the API key of the credential the terminal uses (another key is refused);
* ``X-Klogs-Rnd``: 8-64 letters and digits, never seen before within the timestamp window (replay guard);
* ``X-Klogs-Timestamp``: Unix milliseconds; refused when more than :data:`MAX_SKEW_SECONDS` (5 minutes, as
  the sandbox allows for requests) away from this computer's clock, in the past or the future;
* ``X-Klogs-Signature``: HMAC-SHA256 keyed with the API secret over ``apiKey + rnd + timestamp`` (UTF-8)
  followed by the raw body, as hex (either case) or base64. Compared in constant time.

The body must be a JSON object with ``cardId`` (a UUID) and ``ownerId`` (the path's ``:id``); the masked
facts the sandbox adds (``phone``, ``brand``, ``lastFour``, ``expiryMonth``, ``expiryYear``) are read when
they are well formed and dropped otherwise. A body holding anything that looks like a card number is
refused outright, so no PAN can reach the saved-card store through here.

The nonces seen are kept in memory: after a restart a replay inside the 5 minutes would be believed again,
which changes no saved card (one row per environment and card ID) but is audited a second time.

No Qt, no HTTP: :class:`WebhookVerifier` is handed the request's parts by the listener and returns a
:class:`CardStorageEvent` or raises :class:`WebhookRefused`. Nothing here logs a header value.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from dataclasses import dataclass
from typing import Callable

from ..domain.cards import find_pans
from ..domain.signatures import signature_readings

MAX_SKEW_SECONDS = 300.0
_RND = re.compile(r"[A-Za-z0-9]{8,64}")
_OWNER_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
_TYPE = re.compile(r"[A-Za-z0-9_-]{1,32}")

#: ``(api_key, api_secret)`` of the credential in use, or ``None`` when there is none (webhooks are refused).
CredentialSource = Callable[[], "tuple[str, str] | None"]


@dataclass(frozen=True)
class CardStorageEvent:
    """A card saved for a card owner, as the verified webhook told it (masked facts only)."""

    card_id: str
    owner_id: str
    storage_type: str
    phone: str | None = None
    brand: str | None = None
    last_four: str | None = None
    expiry_month: int | None = None
    expiry_year: int | None = None


class WebhookRefused(Exception):
    """The webhook is not believed: ``status`` (400, 401, 409) and a reason for the sender."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class WebhookVerifier:
    """Verifies one webhook at a time (see the module docstring). ``now`` returns seconds (tests pin it)."""

    def __init__(self, credentials: CredentialSource, *, now: Callable[[], float] = time.time,
                 max_skew: float = MAX_SKEW_SECONDS) -> None:
        self._credentials = credentials
        self._now = now
        self.max_skew = max_skew
        #: ``X-Klogs-Rnd`` values accepted, with when they may be forgotten (their timestamp is stale by then).
        self._seen: dict[str, float] = {}

    def verify(self, storage_type: str, path_id: str, headers: dict[str, str], body: bytes) -> CardStorageEvent:
        """The event the webhook carries, or :class:`WebhookRefused`. ``headers``: names in lower case."""
        credentials = self._credentials()
        if not credentials or not credentials[0] or not credentials[1]:
            raise WebhookRefused(401, "This terminal has no API credentials to check webhooks with.")
        api_key, api_secret = credentials
        key = headers.get("x-api-key", "")
        rnd = headers.get("x-klogs-rnd", "")
        stamp = headers.get("x-klogs-timestamp", "")
        sent = headers.get("x-klogs-signature", "").strip()
        if not (key and rnd and stamp and sent):
            raise WebhookRefused(401, "A webhook needs X-Api-Key, X-Klogs-Rnd, X-Klogs-Timestamp and "
                                      "X-Klogs-Signature.")
        if not hmac.compare_digest(key.encode(), api_key.encode()):
            raise WebhookRefused(401, "The X-Api-Key is not this terminal's.")
        if not _RND.fullmatch(rnd):
            raise WebhookRefused(401, "X-Klogs-Rnd must be 8-64 letters and digits.")
        if not stamp.isdigit() or len(stamp) > 15:
            raise WebhookRefused(401, "X-Klogs-Timestamp must be Unix time in milliseconds.")
        now = self._now()
        if abs(now - int(stamp) / 1000) > self.max_skew:
            raise WebhookRefused(401, "X-Klogs-Timestamp is more than 5 minutes away from this terminal's clock.")
        expected = hmac.new(api_secret.encode("utf-8"), (api_key + rnd + stamp).encode("utf-8") + body,
                            hashlib.sha256).digest()
        if not any(hmac.compare_digest(expected, reading) for reading in signature_readings(sent)):
            raise WebhookRefused(401, "X-Klogs-Signature does not match the webhook.")
        self._forget_stale(now)
        if rnd in self._seen:
            raise WebhookRefused(409, "This webhook was already received (X-Klogs-Rnd seen before).")
        event = _event_of(storage_type, path_id, body)
        # Remembered only once believed: a refused body must not use up a nonce the gateway may resend.
        self._seen[rnd] = int(stamp) / 1000 + self.max_skew
        return event

    def _forget_stale(self, now: float) -> None:
        for rnd in [rnd for rnd, until in self._seen.items() if until < now - self.max_skew]:
            del self._seen[rnd]


def _event_of(storage_type: str, path_id: str, body: bytes) -> CardStorageEvent:
    try:
        text = body.decode("utf-8")
        data = json.loads(text)
    except (UnicodeDecodeError, ValueError):
        raise WebhookRefused(400, "The webhook body is not JSON.") from None
    if find_pans(text):
        raise WebhookRefused(400, "The webhook body holds what looks like a card number; it was not kept.")
    if not isinstance(data, dict):
        raise WebhookRefused(400, "The webhook body must be a JSON object.")
    import uuid  # imported here: uuid pulls in platform, ~10 ms of the first frame (issue 19)

    try:
        card_id = str(uuid.UUID(str(data.get("cardId"))))
    except ValueError:
        raise WebhookRefused(400, "cardId must be a UUID.") from None
    owner_id = data.get("ownerId")
    if not isinstance(owner_id, str) or not _OWNER_ID.fullmatch(owner_id):
        raise WebhookRefused(400, "ownerId is missing or not an owner ID.")
    if owner_id != path_id:
        raise WebhookRefused(400, "ownerId differs from the one in the address.")
    if not _TYPE.fullmatch(storage_type):
        raise WebhookRefused(400, "Unknown card-storage type.")

    def text_field(name: str, pattern: str) -> str | None:
        value = data.get(name)
        return value if isinstance(value, str) and re.fullmatch(pattern, value) else None

    def number_field(name: str, low: int, high: int) -> int | None:
        value = data.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high else None

    return CardStorageEvent(
        card_id=card_id, owner_id=owner_id, storage_type=storage_type,
        phone=text_field("phone", r"\+[1-9][0-9]{6,14}"), brand=text_field("brand", r"[A-Za-z][A-Za-z .-]{0,31}"),
        last_four=text_field("lastFour", r"[0-9]{4}"), expiry_month=number_field("expiryMonth", 1, 12),
        expiry_year=number_field("expiryYear", 2000, 2099))
