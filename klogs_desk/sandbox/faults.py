"""Fault injection for tests: latency, 503s, 429s and connections cut before or after processing.

Only active when the sandbox runs with ``testing=True`` (the admin endpoints that arm it answer 404
otherwise). Faults apply to the payment API (paths under ``/api/``), counted down request by request:

* ``latencyMs``: every payment-API request waits this long first (until reset).
* ``serverErrors``: the next n requests answer 503 without being processed.
* ``rateLimited``: the next n requests answer 429 with ``Retry-After`` without being processed.
* ``dropBeforeProcessing``: the next n *charging* requests are not processed and the connection is cut.
* ``dropAfterProcessing``: the next n charging requests are processed and recorded, then the connection
  is cut after the response headers: the client sees a lost answer (httpx ``RemoteProtocolError``), the
  ledger shows the charge. This is the case an "outcome unknown" journal entry exists for.

Charging requests are POSTs that move money: payment, pre-authorization, capture, 3-D Secure completion,
void and refund.

The recurring API (``/owner``, ``/paymentOrder``, ``/recurring...``) has one counter of its own, so arming
the payment faults above never touches it:

* ``recurringServerErrors``: the next n recurring-API requests answer 503 without being processed.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from dataclasses import dataclass, fields
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import problem

CHARGING = re.compile(
    r"^/api/(payment|pre-authorization|pre-authorization/[^/]+/capture|3ds/[^/]+/complete|trx/void|trx/refund)$")
RETRY_AFTER_SECONDS = 2
RECURRING = re.compile(r"^/(owner|paymentOrder|recurring)(/|$)")


class ConnectionDropped(Exception):
    """Raised after the response started so the server closes the connection without a body."""


class _QuietDrops(logging.Filter):
    """Keeps uvicorn from logging an injected drop as a crash."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, ConnectionDropped) and not isinstance(exc.__cause__ if exc else None,
                                                                          ConnectionDropped)


@dataclass
class FaultPlan:
    latency_ms: int = 0
    server_errors: int = 0
    rate_limited: int = 0
    drop_before_processing: int = 0
    drop_after_processing: int = 0
    recurring_server_errors: int = 0


WIRE_NAMES = {"latencyMs": "latency_ms", "serverErrors": "server_errors", "rateLimited": "rate_limited",
              "dropBeforeProcessing": "drop_before_processing", "dropAfterProcessing": "drop_after_processing",
              "recurringServerErrors": "recurring_server_errors"}


class Faults:
    """The armed faults, shared between the admin API and the middleware (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._plan = FaultPlan()

    def arm(self, **counts: int) -> FaultPlan:
        """Set the given counters (snake_case names of :class:`FaultPlan`); others keep their value."""
        with self._lock:
            for name, value in counts.items():
                setattr(self._plan, name, int(value))
            return FaultPlan(**vars(self._plan))

    def reset(self) -> None:
        with self._lock:
            self._plan = FaultPlan()

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return {wire: getattr(self._plan, name) for wire, name in WIRE_NAMES.items()}

    def take(self, name: str) -> bool:
        """Use up one ``name`` fault if any is armed."""
        with self._lock:
            left = getattr(self._plan, name)
            if left > 0:
                setattr(self._plan, name, left - 1)
                return True
            return False

    def latency_seconds(self) -> float:
        with self._lock:
            return self._plan.latency_ms / 1000


def faults_of(state: Any) -> Faults:
    return state.extras.setdefault("faults", Faults())


assert {f.name for f in fields(FaultPlan)} == set(WIRE_NAMES.values())


class FaultMiddleware:
    """ASGI middleware applying the armed faults to ``/api/`` requests when ``config.testing``."""

    def __init__(self, app: ASGIApp, state: Any) -> None:
        self.app = app
        self.state = state
        self.faults = faults_of(state)
        quiet = _QuietDrops()
        for name in ("uvicorn.error", "uvicorn"):
            logging.getLogger(name).addFilter(quiet)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (scope["type"] == "http" and self.state.config.testing and RECURRING.match(path)
                and self.faults.take("recurring_server_errors")):
            await problem(503, "The gateway is unavailable (injected fault). Nothing was processed.",
                          instance=path)(scope, receive, send)
            return
        if scope["type"] != "http" or not self.state.config.testing or not path.startswith("/api/"):
            await self.app(scope, receive, send)
            return
        latency = self.faults.latency_seconds()
        if latency > 0:
            # The request has arrived; the gateway is just slow. Read it now so that a client that gives
            # up meanwhile does not stop it from being processed (as on a real gateway).
            receive = await _buffered(receive)
            await asyncio.sleep(latency)
        if self.faults.take("server_errors"):
            await problem(503, "The gateway is unavailable (injected fault). Nothing was processed.",
                          instance=path)(scope, receive, send)
            return
        if self.faults.take("rate_limited"):
            await problem(429, f"Rate limit exceeded (injected fault). Retry in {RETRY_AFTER_SECONDS} s.",
                          instance=path, headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
                          retryAfter=RETRY_AFTER_SECONDS)(scope, receive, send)
            return
        charging = scope.get("method") == "POST" and CHARGING.match(path) is not None
        if charging and self.faults.take("drop_before_processing"):
            await _cut(send, None)
        if charging and self.faults.take("drop_after_processing"):
            held: list[Message] = []

            async def hold(message: Message) -> None:
                held.append(message)

            await self.app(scope, receive, hold)
            await _cut(send, next((m for m in held if m["type"] == "http.response.start"), None))
        await self.app(scope, receive, send)


async def _buffered(receive: Receive) -> Receive:
    """Read the whole request body now; the returned ``receive`` replays it."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _cut(send: Send, start: Message | None) -> None:
    """Send response headers promising a body, then drop the connection without it."""
    await send(start or {"type": "http.response.start", "status": 200,
                         "headers": [(b"content-type", b"application/json"), (b"content-length", b"64")]})
    raise ConnectionDropped("injected fault: connection cut after the response headers")
