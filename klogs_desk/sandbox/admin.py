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


def build_router(state: SandboxState) -> APIRouter:
    router = APIRouter(prefix="/_sandbox", include_in_schema=False)
    ledger = ledger_of(state)
    faults = faults_of(state)

    def _guard(request: Request, needs_testing: bool = False) -> None:
        host = request.client.host if request.client else ""
        if host not in LOOPBACK:
            raise ProblemError(403, "The sandbox admin API answers loopback clients only.")
        if needs_testing and not state.config.testing:
            raise ProblemError(404, "Fault injection is off (start the sandbox with --testing).")

    @router.get("/faults")
    async def show_faults(request: Request) -> Any:
        _guard(request, needs_testing=True)
        return WireJSONResponse(faults.snapshot())

    @router.post("/faults")
    async def arm_faults(request: Request) -> Any:
        _guard(request, needs_testing=True)
        data = await _json_object(request)
        counts: dict[str, int] = {}
        errors: dict[str, list[str]] = {}
        for key, value in data.items():
            if key not in WIRE_NAMES:
                errors[key] = [f"is not a fault; use {', '.join(WIRE_NAMES)}"]
            elif isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000:
                errors[key] = ["must be a whole number from 0 to 1000000"]
            else:
                counts[WIRE_NAMES[key]] = value
        if errors:
            raise ProblemError(400, "Some faults are not valid.", errors=errors)
        faults.arm(**counts)
        return WireJSONResponse(faults.snapshot())

    @router.delete("/faults")
    async def reset_faults(request: Request) -> Any:
        _guard(request, needs_testing=True)
        faults.reset()
        return WireJSONResponse(faults.snapshot())

    switch = dialects.dialect_of(state)

    @router.get("/dialect")
    async def show_dialect(request: Request) -> Any:
        _guard(request, needs_testing=True)
        return WireJSONResponse(switch.snapshot())

    @router.post("/dialect")
    async def set_dialect(request: Request) -> Any:
        _guard(request, needs_testing=True)
        data = await _json_object(request)
        values: dict[str, Any] = {}
        errors: dict[str, list[str]] = {}
        for key, value in data.items():
            name = dialects.WIRE_NAMES.get(key)
            if name is None:
                errors[key] = [f"is not part of a dialect; use {', '.join(dialects.WIRE_NAMES)}"]
            elif name == "enums" and value not in dialects.ENUM_MODES:
                errors[key] = [f"must be one of {', '.join(dialects.ENUM_MODES)}"]
            elif name in ("null_pages", "naive_dates") and not isinstance(value, bool):
                errors[key] = ["must be true or false"]
            elif name == "unreadable" and (isinstance(value, bool) or not isinstance(value, int)
                                           or not 0 <= value <= 1_000_000):
                errors[key] = ["must be a whole number from 0 to 1000000"]
            else:
                values[name] = value
        if errors:
            raise ProblemError(400, "The dialect is not valid.", errors=errors)
        switch.set(**values)
        return WireJSONResponse(switch.snapshot())

    @router.delete("/dialect")
    async def reset_dialect(request: Request) -> Any:
        _guard(request, needs_testing=True)
        switch.reset()
        return WireJSONResponse(switch.snapshot())

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
