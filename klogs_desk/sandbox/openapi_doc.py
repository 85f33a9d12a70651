"""What the sandbox's OpenAPI document says beyond what FastAPI derives: how each operation authenticates,
and the docs' examples.

Security (the docs: payment-gateway.md "X-API-KEY / X-API-SECRET"; recurring-overview.md "Bearer token";
sdk-differences.md for the client libraries' signed requests):

* the payment gateway (``/api/...``) takes either the documented pair of headers (``apiKey`` and
  ``apiSecret``) or a signed request (``apiKey`` with ``klogsRnd``, ``klogsTimestamp`` and
  ``klogsSignature``: the secret never travels). OpenAPI lists alternatives as separate requirement
  objects, each needing all of its schemes.
* the registered-payment API (``/owner``, ``/paymentOrder``, ``/recurring``) takes ``Authorization: Bearer``.

Which applies is read from each route's dependencies (:func:`.auth.require_api_key`,
:func:`.auth.require_bearer` and the recurring router's ``can_read``/``can_write``, which call it), so
the document cannot drift from what the route enforces. An operation with neither says ``security: []``
(none) explicitly; today every documented operation has one.

Examples: :data:`.doc_examples.EXAMPLES` per operation, placed as the ``example`` of the request body and
of the answer (200, or the status given). Amounts become JSON numbers (``100.50`` reads ``100.5``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from .auth import require_api_key, require_bearer
from .doc_examples import EXAMPLES

SECURITY_SCHEMES: dict[str, dict[str, Any]] = {
    "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-KEY",
               "description": "Your API key (payment gateway). Also the key of a signed request."},
    "apiSecret": {"type": "apiKey", "in": "header", "name": "X-API-SECRET",
                  "description": "Your API secret, sent as it is (the documented way)."},
    "klogsRnd": {"type": "apiKey", "in": "header", "name": "X-Klogs-Rnd",
                 "description": "Signed request: a random value, new for every request."},
    "klogsTimestamp": {"type": "apiKey", "in": "header", "name": "X-Klogs-Timestamp",
                       "description": "Signed request: when it was sent; refused when more than 5 minutes "
                                      "away from the gateway's clock."},
    "klogsSignature": {"type": "apiKey", "in": "header", "name": "X-Klogs-Signature",
                       "description": "Signed request: the signature over key, random value and timestamp "
                                      "with the API secret (hex or base64; see sdk-differences.md)."},
    "bearer": {"type": "http", "scheme": "bearer",
               "description": "Registered-payment API: Authorization: Bearer <token> (the API key works too)."},
}

PAYMENT_GATEWAY: list[dict[str, list[str]]] = [
    {"apiKey": [], "apiSecret": []},
    {"apiKey": [], "klogsRnd": [], "klogsTimestamp": [], "klogsSignature": []},
]
RECURRING: list[dict[str, list[str]]] = [{"bearer": []}]


def _calls(dependant: Dependant) -> set[Callable[..., Any]]:
    found: set[Callable[..., Any]] = set()
    for dependency in dependant.dependencies:
        if dependency.call is not None:
            found.add(dependency.call)
        found |= _calls(dependency)
    return found


def _requirement(route: APIRoute, recurring_checks: set[Callable[..., Any]]) -> list[dict[str, list[str]]]:
    calls = _calls(route.dependant)
    if require_api_key in calls:
        return PAYMENT_GATEWAY
    if require_bearer in calls or calls & recurring_checks:
        return RECURRING
    return []


def _plain(value: Any) -> Any:
    """An example as JSON-ready values (the document is served with the standard JSON encoder)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and "." not in str(value) else float(value)
    return value


def complete(app: FastAPI, schema: dict[str, Any]) -> None:
    """Add the security schemes, each operation's requirement and the docs' examples to ``schema``."""
    from .recurring import can_read, can_write  # the recurring router's own checks (they call require_bearer)

    schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
    routes = {route.unique_id: route for route in _api_routes(app.routes)}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            route = routes.get(operation.get("operationId", ""))
            operation["security"] = _requirement(route, {can_read, can_write}) if route is not None else []
            _add_examples(operation, EXAMPLES.get(f"{method.upper()} {path}", {}))


def _api_routes(routes: Any) -> list[APIRoute]:
    """Every :class:`APIRoute`, also inside included routers (FastAPI keeps those as wrappers whose
    ``original_router`` holds the routes)."""
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif getattr(route, "original_router", None) is not None:
            found += _api_routes(route.original_router.routes)
        elif getattr(route, "routes", None) is not None:
            found += _api_routes(route.routes)
    return found


def _add_examples(operation: dict[str, Any], examples: dict[str, Any]) -> None:
    for where, example in examples.items():
        if where == "request":
            media = operation.get("requestBody", {}).get("content", {}).get("application/json")
        else:
            content = operation.get("responses", {}).get("200" if where == "response" else where, {}).get("content", {})
            media = content.get("application/json") or content.get("application/problem+json")
        if media is not None:
            media["example"] = _plain(example)
