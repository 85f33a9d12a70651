"""Per-credential rate limit: a sliding one-minute window, 429 with Retry-After when exceeded."""

from __future__ import annotations

import collections
import math
import time

from starlette.types import ASGIApp, Receive, Scope, Send

from .problems import problem
from .state import SandboxState

WINDOW_SECONDS = 60.0


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, state: SandboxState) -> None:
        self.app = app
        self.state = state
        self._hits: dict[str, collections.deque[float]] = collections.defaultdict(collections.deque)

    def _bucket(self, scope: Scope) -> str | None:
        headers = dict(scope.get("headers") or [])
        key = headers.get(b"x-api-key") or headers.get(b"authorization")
        return key.decode("latin-1") if key else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.startswith("/_sandbox"):
            await self.app(scope, receive, send)
            return
        bucket = self._bucket(scope)
        limit = self.state.config.rate_limit_per_minute
        if bucket is not None and limit > 0:
            now = time.monotonic()
            hits = self._hits[bucket]
            while hits and now - hits[0] >= WINDOW_SECONDS:
                hits.popleft()
            if len(hits) >= limit:
                wait = max(1, math.ceil(WINDOW_SECONDS - (now - hits[0])))
                response = problem(429, f"Rate limit of {limit} requests per minute exceeded. Retry in {wait} s.",
                                   instance=path, headers={"Retry-After": str(wait)}, retryAfter=wait)
                await response(scope, receive, send)
                return
            hits.append(now)
        await self.app(scope, receive, send)
