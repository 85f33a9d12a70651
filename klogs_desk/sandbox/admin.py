"""The sandbox's admin API under ``/_sandbox/``: faults, the simulated clock, the ledger.

No credentials, but only answered to loopback clients (403 otherwise); none of it is in the OpenAPI
document because no real gateway has it.

* ``POST /_sandbox/faults`` ``{"latencyMs", "serverErrors", "rateLimited", "dropBeforeProcessing",
  "dropAfterProcessing"}`` arms faults (see :mod:`.faults`); ``GET`` shows them; ``DELETE`` resets.
  Only with ``testing=True``; otherwise 404, so a training sandbox cannot be broken by accident.
* ``POST /_sandbox/dialect`` ``{"enums": "documented"|"numeric"|"lower"|"unknown", "nullPages": bool,
  "naiveDates": bool, "unreadable": n}`` makes the answers speak a client library's dialect (see
  :mod:`.dialect`); ``GET`` shows it; ``DELETE`` resets. Only with ``testing=True``, like the faults.
* ``POST /_sandbox/clock/advance`` ``{"seconds": n}`` moves the simulated clock forward (settlement
  cut-offs pass, the recurring scheduler runs); ``GET /_sandbox/clock`` tells the time.
* ``GET /_sandbox/ledger`` lists every ledger record (masked PANs only) and the charge count per orderId.

In-process tests can use ``server.state.extras["ledger"]`` and ``["faults"]`` directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from fastapi import APIRouter, Request

from ..api.models import wire
from . import dialect as dialects
from .faults import WIRE_NAMES, faults_of
from .ledger import ledger_of
from .problems import ProblemError, WireJSONResponse
from .state import SandboxState

LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
#: The clock moves at most ten years per call (a typo must not jump past every subscription's end).
MAX_ADVANCE = dt.timedelta(days=3660)


async def _json_object(request: Request) -> dict[str, Any]:
    try:
        data = wire.loads(await request.body() or b"{}")
    except ValueError:
        raise ProblemError(400, "The request body is not valid JSON.", errors={"body": ["is not valid JSON"]}) from None
    if not isinstance(data, dict):
        raise ProblemError(400, "The request body must be a JSON object.", errors={"body": ["must be an object"]})
    return data


#: Checks one switch's value (its snake_case name, the JSON value); the reason it is refused, or ``None``.
ValueCheck = Callable[[str, Any], str | None]


def _whole_count(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000:
        return "must be a whole number from 0 to 1000000"
    return None


def _dialect_value(name: str, value: Any) -> str | None:
    if name == "enums" and value not in dialects.ENUM_MODES:
        return f"must be one of {', '.join(dialects.ENUM_MODES)}"
    if name in ("null_pages", "naive_dates") and not isinstance(value, bool):
        return "must be true or false"
    if name == "unreadable":
        return _whole_count(value)
    return None


def switches_from(data: dict[str, Any], wire_names: dict[str, str], check: ValueCheck, *,
                  unknown: str, invalid: str) -> dict[str, Any]:
    """The testing switches a JSON object arms: ``{snake_case name: value}`` for each of its keys.

    Every key must be one of ``wire_names`` (``unknown`` says what it is not) and pass ``check``; otherwise
    nothing is armed and a 400 problem (titled ``invalid``) names every wrong key, not only the first.
    """
    values: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for key, value in data.items():
        name = wire_names.get(key)
        refused = f"{unknown}; use {', '.join(wire_names)}" if name is None else check(name, value)
        if refused is not None:
            errors[key] = [refused]
        else:
            values[name] = value
    if errors:
        raise ProblemError(400, invalid, errors=errors)
    return values


def _switch_routes(router: APIRouter, path: str, *, guard: Callable[..., None], show: Callable[[], Any],
                   apply: Callable[..., Any], reset: Callable[[], None], wire_names: dict[str, str],
                   check: ValueCheck, unknown: str, invalid: str) -> None:
    """``GET`` shows, ``POST`` arms (:func:`switches_from`) and ``DELETE`` resets one set of testing
    switches under ``path``; each only with ``testing=True``, and each answers with what is now armed."""

    @router.get(path)
    async def show_switches(request: Request) -> Any:
        guard(request, needs_testing=True)
        return WireJSONResponse(show())

    @router.post(path)
    async def arm_switches(request: Request) -> Any:
        guard(request, needs_testing=True)
        apply(**switches_from(await _json_object(request), wire_names, check, unknown=unknown, invalid=invalid))
        return WireJSONResponse(show())

    @router.delete(path)
    async def reset_switches(request: Request) -> Any:
        guard(request, needs_testing=True)
        reset()
        return WireJSONResponse(show())


def build_router(state: SandboxState) -> APIRouter:
    router = APIRouter(prefix="/_sandbox", include_in_schema=False)
    ledger = ledger_of(state)
    faults = faults_of(state)
    switch = dialects.dialect_of(state)

    def _guard(request: Request, needs_testing: bool = False) -> None:
        host = request.client.host if request.client else ""
        if host not in LOOPBACK:
            raise ProblemError(403, "The sandbox admin API answers loopback clients only.")
        if needs_testing and not state.config.testing:
            raise ProblemError(404, "Fault injection is off (start the sandbox with --testing).")

    _switch_routes(
        router, "/faults", guard=_guard, show=faults.snapshot, apply=faults.arm, reset=faults.reset,
        wire_names=WIRE_NAMES, unknown="is not a fault", invalid="Some faults are not valid.",
        check=lambda _name, value: _whole_count(value),
    )
    _switch_routes(
        router, "/dialect", guard=_guard, show=switch.snapshot, apply=switch.set, reset=switch.reset,
        wire_names=dialects.WIRE_NAMES, unknown="is not part of a dialect", invalid="The dialect is not valid.",
        check=_dialect_value,
    )

    @router.get("/clock")
    async def show_clock(request: Request) -> Any:
        _guard(request)
        return WireJSONResponse({"now": state.clock.now()})

    @router.post("/clock/advance")
    async def advance_clock(request: Request) -> Any:
        _guard(request)
        data = await _json_object(request)
        try:
            seconds = Decimal(str(data.get("seconds")))
        except InvalidOperation:
            seconds = Decimal("NaN")
        if not seconds.is_finite() or seconds < 0 or isinstance(data.get("seconds"), bool):
            raise ProblemError(400, "seconds must be a number of seconds, zero or more.",
                               errors={"seconds": ["must be a number, zero or more"]})
        delta = dt.timedelta(seconds=int(seconds), microseconds=int((seconds % 1) * 1_000_000))
        if delta > MAX_ADVANCE:
            raise ProblemError(400, "The clock moves at most ten years per call.",
                               errors={"seconds": [f"must be at most {int(MAX_ADVANCE.total_seconds())}"]})
        now = state.clock.advance(delta)
        return WireJSONResponse({"now": now})

    @router.get("/ledger")
    async def show_ledger(request: Request) -> Any:
        _guard(request)
        with ledger.lock:
            records = [record.masked_view() for record in ledger.records()]
        return WireJSONResponse({"records": records, "charges": ledger.charge_counts()})

    return router
