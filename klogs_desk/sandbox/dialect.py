"""A testing-only switch that makes the sandbox answer in the dialects of Klogs' client libraries.

The client reads answers tolerantly (:mod:`klogs_desk.api.models.tolerant`); this switch lets tests feed
it each difference sdk-differences.md lists, through the real client and the real HTTP stack. Only with
``testing=True`` (``POST /_sandbox/dialect`` answers 404 otherwise). It rewrites successful JSON answers of
both APIs (never problem details, never the admin API):

* ``enums``: ``"numeric"`` writes transaction ``type`` and ``status`` as the .NET library's numbers (other
  enumerations have no published numbers and stay as they are); ``"lower"`` writes every enumeration
  (``type``, ``status``, ``orderStatus``, ``frequency``) in lower case, as the Java library;
  ``"unknown"`` replaces each with :data:`UNKNOWN_VALUE`, a value no document names; ``"documented"``
  (the default) leaves them alone.
* ``nullPages``: ``pages`` gets a ``null`` after its first number (``[1, null, ...]``), as the .NET
  paging helper writes a gap.
* ``naiveDates``: date-times lose their zone (``2026-03-01T00:00:00``), as .NET writes UTC.
* ``unreadable``: the next n answers become ``{"unreadable": true}`` with their status kept: a body the
  terminal cannot read (counted down, like the faults).
"""

from __future__ import annotations

import re
import threading
from dataclasses import asdict, dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..api.models import wire
from ..api.models.transactions import TRANSACTION_STATUS_NUMBERS, TRANSACTION_TYPE_NUMBERS
from .faults import RECURRING

ENUM_MODES = ("documented", "numeric", "lower", "unknown")
ENUM_KEYS = frozenset({"type", "status", "orderStatus", "frequency"})
UNKNOWN_VALUE = "Chargeback"
_NUMBERS = {"type": {m.value: n for n, m in TRANSACTION_TYPE_NUMBERS.items()},
            "status": {m.value: n for n, m in TRANSACTION_STATUS_NUMBERS.items()}}
_ZONED = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(?:Z|[+-]00:00)$")


@dataclass
class Dialect:
    enums: str = "documented"
    null_pages: bool = False
    naive_dates: bool = False
    unreadable: int = 0

    @property
    def active(self) -> bool:
        return self != Dialect()


WIRE_NAMES = {"enums": "enums", "nullPages": "null_pages", "naiveDates": "naive_dates", "unreadable": "unreadable"}


class DialectSwitch:
    """The dialect in force, shared by the admin API and the middleware (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._dialect = Dialect()

    def set(self, **values: Any) -> None:
        with self._lock:
            for name, value in values.items():
                setattr(self._dialect, name, value)

    def reset(self) -> None:
        with self._lock:
            self._dialect = Dialect()

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            values = asdict(self._dialect)
        return {wire_name: values[name] for wire_name, name in WIRE_NAMES.items()}

    def take(self) -> tuple[Dialect, bool]:
        """The dialect for one answer, and whether this answer is to be unreadable (counted down)."""
        with self._lock:
            current = Dialect(**asdict(self._dialect))
            garble = self._dialect.unreadable > 0
            if garble:
                self._dialect.unreadable -= 1
            return current, garble


def dialect_of(state: Any) -> DialectSwitch:
    return state.extras.setdefault("dialect", DialectSwitch())


def rewrite(data: Any, dialect: Dialect) -> Any:
    """``data`` (a parsed JSON answer) as ``dialect`` writes it."""
    if isinstance(data, list):
        return [rewrite(item, dialect) for item in data]
    if not isinstance(data, dict):
        if dialect.naive_dates and isinstance(data, str):
            match = _ZONED.match(data)
            return match.group(1) if match else data
        return data
    result: dict[str, Any] = {}
    for key, value in data.items():
        if key in ENUM_KEYS and isinstance(value, str):
            value = _enum(key, value, dialect.enums)
        elif key == "pages" and isinstance(value, list) and dialect.null_pages:
            value = value[:1] + [None] + value[1:]
        else:
            value = rewrite(value, dialect)
        result[key] = value
    return result


def _enum(key: str, value: str, mode: str) -> Any:
    if mode == "numeric":
        return _NUMBERS.get(key, {}).get(value, value)
    if mode == "lower":
        return value.lower()
    if mode == "unknown":
        return UNKNOWN_VALUE
    return value


class DialectMiddleware:
    """ASGI middleware rewriting successful JSON answers of both APIs when a dialect is set (testing only)."""

    def __init__(self, app: ASGIApp, state: Any) -> None:
        self.app = app
        self.state = state
        self.switch = dialect_of(state)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        api = path.startswith("/api/") or RECURRING.match(path) is not None
        if scope["type"] != "http" or not self.state.config.testing or not api:
            await self.app(scope, receive, send)
            return
        dialect, garble = self.switch.take()
        if not (dialect.active or garble):
            await self.app(scope, receive, send)
            return
        held: list[Message] = []

        async def hold(message: Message) -> None:
            held.append(message)

        await self.app(scope, receive, hold)
        start = next(m for m in held if m["type"] == "http.response.start")
        body = b"".join(m.get("body", b"") for m in held if m["type"] == "http.response.body")
        headers = dict(start.get("headers") or [])
        json_answer = headers.get(b"content-type", b"").startswith(b"application/json")
        if 200 <= start["status"] < 300 and json_answer:
            body = b'{"unreadable":true}' if garble else wire.dumps(rewrite(wire.loads(body), dialect))
            headers[b"content-length"] = str(len(body)).encode()
            start = {**start, "headers": list(headers.items())}
        await send(start)
        await send({"type": "http.response.body", "body": body, "more_body": False})
