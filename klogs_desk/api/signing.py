"""How the terminal authenticates to the payment gateway API: the docs' headers, or Klogs' signed requests.

Two modes, chosen per environment in Settings (``Config.auth_mode``):

* ``headers`` (the default, as the docs describe it): ``X-API-KEY`` and ``X-API-SECRET`` on every request.
* ``signed`` (as Klogs' client libraries do it, sdk-differences.md): no secret is sent. Each request carries
  ``X-Api-Key``, ``X-Klogs-Rnd`` (a fresh random string of 32 letters and digits), ``X-Klogs-Timestamp``
  (Unix time in milliseconds, UTC, decimal text) and ``X-Klogs-Signature``: HMAC-SHA256 over
  ``apiKey + rnd + timestamp`` (UTF-8) keyed with the API secret (UTF-8), as lowercase hex (the Python and
  Node.js libraries' encoding). The secret never leaves the machine.

Choices where the libraries differ: the terminal signs every request afresh (the Python and Node.js
libraries; the .NET one reuses one signature per HTTP client), so a captured header set goes stale with
the gateway's timestamp window.

The registered-payment API always uses ``Authorization: Bearer``; a blank Bearer token means the API key,
as the docs' examples send it (``Bearer YOUR_API_KEY``).

No Qt, no HTTP here; nothing here logs.
"""

from __future__ import annotations

import string
import time
from typing import Callable

#: The modes, as stored in the settings file.
HEADERS = "headers"
SIGNED = "signed"
AUTH_MODES: tuple[str, ...] = (HEADERS, SIGNED)
DEFAULT_AUTH_MODE = HEADERS

_ALPHABET = string.ascii_letters + string.digits
RND_LENGTH = 32


def random_nonce() -> str:
    """32 letters and digits from the OS's random source."""
    import secrets  # hashlib, hmac, secrets at the first signed request: config imports this module's names

    return "".join(secrets.choice(_ALPHABET) for _ in range(RND_LENGTH))


def signature(api_key: str, api_secret: str, rnd: str, timestamp: str) -> bytes:
    """The raw HMAC-SHA256 of ``apiKey + rnd + timestamp`` keyed with the secret."""
    import hashlib
    import hmac

    return hmac.new(api_secret.encode("utf-8"), (api_key + rnd + timestamp).encode("utf-8"),
                    hashlib.sha256).digest()


def signed_headers(api_key: str, api_secret: str, *, now: Callable[[], float] = time.time,
                   nonce: Callable[[], str] = random_nonce) -> dict[str, str]:
    """The four headers of one signed request (``now`` in seconds; tests pin it and ``nonce``)."""
    rnd = nonce()
    timestamp = str(int(now() * 1000))
    return {"X-Api-Key": api_key, "X-Klogs-Rnd": rnd, "X-Klogs-Timestamp": timestamp,
            "X-Klogs-Signature": signature(api_key, api_secret, rnd, timestamp).hex()}


def header_credentials(api_key: str, api_secret: str) -> dict[str, str]:
    """The documented headers (``headers`` mode)."""
    return {"X-API-KEY": api_key, "X-API-SECRET": api_secret}
