"""The auth schemes: the payment API's documented headers or Klogs' signed requests, and Bearer.

Payment API (what the sandbox accepts, so that both the docs and Klogs' client libraries work):

* The documented ``X-API-KEY`` and ``X-API-SECRET``.
* Signed requests, as the libraries send them (sdk-differences.md): ``X-Api-Key``, ``X-Klogs-Rnd``,
  ``X-Klogs-Timestamp`` (Unix milliseconds) and ``X-Klogs-Signature`` = HMAC-SHA256 of
  ``apiKey + rnd + timestamp`` keyed with the secret, as hex (Python, Node.js) or base64 (.NET). A request
  that carries ``X-Klogs-Signature`` is judged as a signed request only.
* Refused with 401 and a sentence: a wrong key, a signature that does not match, a missing part, and a
  timestamp more than :data:`MAX_SKEW` (5 minutes) away from the *sandbox's* clock, in the past or the
  future (how old a timestamp Klogs accepts is not public; 5 minutes is our choice). After
  ``POST /_sandbox/clock/advance`` a terminal on wall time is therefore refused in signed mode, as a real
  gateway would refuse a till whose clock is wrong.
* Neither the secret nor the signature is ever logged or echoed in an answer.

Registered-payment API: ``Authorization: Bearer`` with the sandbox's Bearer token (``sandbox-token``) or
with its API key (``sandbox-key``): the docs' examples send ``Bearer YOUR_API_KEY``, so the API key is
accepted as a Bearer token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from fastapi import Request

from ..domain.signatures import signature_readings
from .problems import ProblemError

MAX_SKEW = dt.timedelta(minutes=5)
_API_KEY_CHALLENGE = {"WWW-Authenticate": 'ApiKey realm="klogs"'}


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def _expected_signature(key: str, secret: str, rnd: str, timestamp: str) -> bytes:
    """HMAC-SHA256 of ``key + rnd + timestamp`` keyed with the secret, computed here as the gateway does:
    the sandbox does not borrow the terminal's signer (``api/signing.py``), so a mistake there is refused
    here rather than agreed with."""
    return hmac.new(secret.encode("utf-8"), (key + rnd + timestamp).encode("utf-8"), hashlib.sha256).digest()


def _refuse(detail: str) -> ProblemError:
    return ProblemError(401, detail, headers=_API_KEY_CHALLENGE)


def _check_signed(request: Request, key: str | None) -> None:
    state = request.app.state.sandbox
    config = state.config
    rnd = request.headers.get("x-klogs-rnd")
    stamp = request.headers.get("x-klogs-timestamp")
    sent = request.headers.get("x-klogs-signature", "").strip()
    if not (key and rnd and stamp and sent):
        raise _refuse("A signed request needs X-Api-Key, X-Klogs-Rnd, X-Klogs-Timestamp and X-Klogs-Signature.")
    if not _same(key, config.api_key):
        raise _refuse("The X-Api-Key is not known.")
    if not stamp.isdigit():
        raise _refuse("X-Klogs-Timestamp must be Unix time in milliseconds.")
    sent_at = dt.datetime.fromtimestamp(int(stamp) / 1000, dt.timezone.utc) if len(stamp) < 16 else None
    if sent_at is None or abs(state.clock.now() - sent_at) > MAX_SKEW:
        raise _refuse("X-Klogs-Timestamp is more than 5 minutes away from the gateway's clock: the request is "
                      "too old, or this computer's clock is wrong.")
    expected = _expected_signature(config.api_key, config.api_secret, rnd, stamp)
    if not any(hmac.compare_digest(expected, reading) for reading in signature_readings(sent)):
        raise _refuse("X-Klogs-Signature does not match the request: check the API secret.")


def require_api_key(request: Request) -> str:
    """FastAPI dependency for the payment API; returns the API key (the rate-limit bucket)."""
    config = request.app.state.sandbox.config
    key = request.headers.get("x-api-key")
    if "x-klogs-signature" in request.headers:
        _check_signed(request, key)
        return key or ""
    secret = request.headers.get("x-api-secret")
    if not (_same(key, config.api_key) and _same(secret, config.api_secret)):
        raise _refuse("Missing or invalid X-API-KEY / X-API-SECRET.")
    return key or ""


def require_bearer(request: Request) -> str:
    """FastAPI dependency for the recurring API; returns the token (the Bearer token or the API key)."""
    config = request.app.state.sandbox.config
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not (_same(token, config.bearer_token) or _same(token, config.api_key)):
        raise ProblemError(401, "Missing or invalid Bearer token.",
                           headers={"WWW-Authenticate": 'Bearer realm="klogs"'})
    return token
