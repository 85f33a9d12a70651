"""Per-credential rate limit: a sliding one-minute window, 429 with Retry-After when exceeded.

The docs (recurring overview, "Rate Limiting"): 100 requests a minute in the test environment, 1,000 in
production, and "429 Too Many Requests" beyond. The sandbox's default is the test environment's figure
(:data:`.state.DEFAULT_RATE_LIMIT`); ``klogs-sandbox --rate-limit N`` or ``SandboxConfig.rate_limit_per_minute``
changes it, 0 turns it off.

Choices where the docs are silent:

* **Per credential.** A request counts against the key it presents: ``X-API-KEY`` (documented headers and
  signed requests alike) or the registered-payment API's Bearer token. A Bearer token equal to the API
  key (what the docs' examples send, and the terminal's default when the token is left blank) is the same
  credential: both APIs then share one budget, the stricter reading.
* **Retry-After** is the whole seconds until the oldest request in the window leaves it (at least 1), in
  the header and as ``retryAfter`` in the problem details.
* Requests without a credential are not counted (they are refused with 401 anyway), nor the sandbox's own
  ``/_sandbox`` admin routes. A refused request (429) does not count either: a client that waits as told
  gets through.
"""

from __future__ import annotations

import collections
import math
import threading
import time

from starlette.types import ASGIApp, Receive, Scope, Send

from .problems import problem
from .state import SandboxState

WINDOW_SECONDS = 60.0


class RequestCounter:
    """Every request each credential made (allowed and refused), for benchmarks and tests."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.allowed: collections.Counter[str] = collections.Counter()
        self.refused: collections.Counter[str] = collections.Counter()
        #: (monotonic time, credential, method and path) of every allowed request, oldest first.
        self.log: list[tuple[float, str, str]] = []

    def note(self, credential: str, allowed: bool, when: float, what: str = "") -> None:
        with self._lock:
            (self.allowed if allowed else self.refused)[credential] += 1
            if allowed:
                self.log.append((when, credential, what))

    def snapshot(self) -> list[tuple[float, str, str]]:
        with self._lock:
            return list(self.log)


def counter_of(state: SandboxState) -> RequestCounter:
    """The state's request counter (``state.extras["requests"]``), created on first use."""
    return state.extras.setdefault("requests", RequestCounter())


def credential_of(scope: Scope) -> str | None:
    """The credential a request presents (see the module's docstring), or None."""
    headers = dict(scope.get("headers") or [])
    key = headers.get(b"x-api-key")
    if key is None:
        authorization = headers.get(b"authorization")
        if authorization is None:
            return None
        scheme, _, token = authorization.partition(b" ")
        key = token.strip() if scheme.lower() == b"bearer" and token.strip() else authorization
    return key.decode("latin-1")


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, state: SandboxState) -> None:
        self.app = app
        self.state = state
        self._hits: dict[str, collections.deque[float]] = collections.defaultdict(collections.deque)
        self._counter = counter_of(state)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.startswith("/_sandbox"):
            await self.app(scope, receive, send)
            return
        bucket = credential_of(scope)
        limit = self.state.config.rate_limit_per_minute
        now = time.monotonic()
        if bucket is not None and limit > 0:
            hits = self._hits[bucket]
            while hits and now - hits[0] >= WINDOW_SECONDS:
                hits.popleft()
            if len(hits) >= limit:
                self._counter.note(bucket, False, now)
                wait = max(1, math.ceil(WINDOW_SECONDS - (now - hits[0])))
                response = problem(429, f"Rate limit of {limit} requests per minute exceeded. Retry in {wait} s.",
                                   instance=path, headers={"Retry-After": str(wait)}, retryAfter=wait)
                await response(scope, receive, send)
                return
            hits.append(now)
        if bucket is not None:
            self._counter.note(bucket, True, now, f"{scope.get('method', '')} {path}")
        await self.app(scope, receive, send)
