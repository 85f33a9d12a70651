"""The sandbox gateway's FastAPI application: routers, auth errors as problem details, rate limits."""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from .. import __version__
from . import admin, openapi_doc, payments, recurring, threeds
from .dialect import DialectMiddleware
from .faults import FaultMiddleware
from .persistence import PersistMiddleware, attach
from .problems import ProblemError, problem
from .rate_limit import RateLimitMiddleware
from .state import SandboxConfig, SandboxState

log = logging.getLogger(__name__)


def create_app(config: SandboxConfig | None = None) -> FastAPI:
    state = SandboxState(config or SandboxConfig())
    app = FastAPI(
        title="Klogs sandbox gateway",
        version=__version__,
        description="A local stand-in for the Klogs payment gateway and registered-payment APIs.",
        # One schema per model, as validation reads it: the wire sends amounts as JSON numbers
        # (api.models.wire), which pydantic's serialization-mode schema would call strings.
        separate_input_output_schemas=False,
    )
    app.state.sandbox = state
    attach(state)  # the file's ledger, checkout links and clock, before the routers read them

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError):  # type: ignore[no-untyped-def]  # FastAPI exception handler; returns problem()'s response
        return problem(exc.status, exc.detail, instance=request.url.path, errors=exc.errors, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):  # type: ignore[no-untyped-def]  # FastAPI exception handler; returns problem()'s response
        errors: dict[str, list[str]] = {}
        for error in exc.errors():
            loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path")]
            errors.setdefault(".".join(loc) or "request", []).append(error.get("msg", "is not valid"))
        return problem(400, "One or more parameters are not valid.", instance=request.url.path, errors=errors)

    app.add_exception_handler(ClientDisconnect, _client_went_away)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):  # type: ignore[no-untyped-def]  # FastAPI exception handler; returns problem()'s response
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            # Starlette's Allow names only the first route whose path matched (GET for /recurring, which
            # also takes POST); a client deciding what to send needs every method the URL takes.
            allowed = _methods_for(app, request)
            if allowed:  # pages outside the document (admin, ACS) keep Starlette's answer
                headers = {**(headers or {}), "Allow": ", ".join(allowed)}
        return problem(exc.status_code, str(exc.detail), instance=request.url.path, headers=headers)

    app.add_middleware(PersistMiddleware, state=state)  # innermost: on disk before the answer's first byte
    app.add_middleware(DialectMiddleware, state=state)  # rewrites the answers actually given
    app.add_middleware(RateLimitMiddleware, state=state)
    app.add_middleware(FaultMiddleware, state=state)  # outermost: an injected 429/503 skips the real limit
    app.include_router(payments.build_router(state))
    app.include_router(recurring.build_router(state))
    app.include_router(admin.build_router(state))
    _merge_body_schemas(app)
    return app


def create_acs_app(state: SandboxState) -> FastAPI:
    """The pretend issuing bank's site (its 3-D Secure page only), sharing ``state`` with the gateway
    built by :func:`create_app`; served on another host (see server.py and hosts.py)."""
    app = FastAPI(title="Klogs sandbox bank (3-D Secure ACS)", version=__version__,
                  openapi_url=None, docs_url=None, redoc_url=None)
    app.include_router(threeds.build_acs_router(state))
    app.add_exception_handler(ClientDisconnect, _client_went_away)
    app.add_middleware(PersistMiddleware, state=state)  # a challenge passed on the bank's page is kept
    return app


async def _client_went_away(request: Request, exc: Exception):  # type: ignore[no-untyped-def]  # Starlette exception handler
    """A client that hung up before its request body had arrived (a terminal quitting mid-sale, seen when the
    machine is busy): nothing was read, so nothing was done, as at the real gateway. Answered with a problem
    nobody will read, instead of the server's "Exception in ASGI application" traceback in the log."""
    log.info("%s %s: the client went away before its request had arrived; nothing done", request.method,
             request.url.path)
    return problem(400, "The request did not arrive whole: the client went away.", instance=request.url.path)


def _methods_for(app: FastAPI, request: Request) -> list[str]:
    """Every method the OpenAPI document lists for a path template matching the request's path."""
    methods: set[str] = set()
    for template, operations in app.openapi().get("paths", {}).items():
        pattern = "^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, request.url.path):
            methods |= {method.upper() for method in operations}
    return sorted(methods)


def _merge_body_schemas(app: FastAPI) -> None:
    """Move the nested models ``bodies.body_schema`` left under ``x-defs`` into ``components.schemas``,
    so every ``$ref`` in the OpenAPI document resolves; then add what :mod:`.openapi_doc` adds."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = build()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for operations in schema.get("paths", {}).values():
                for operation in operations.values():
                    if isinstance(operation, dict):
                        for name, definition in operation.pop("x-defs", {}).items():
                            components.setdefault(name, definition)
            openapi_doc.complete(app, schema)  # security per operation, the docs' examples
        return app.openapi_schema  # type: ignore[return-value]  # build() above has just set it

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented way to extend the OpenAPI document
