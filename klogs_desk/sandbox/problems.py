"""RFC 7807 answers for the sandbox, and JSON responses with exact decimals."""

from __future__ import annotations

from typing import Any

from fastapi.responses import Response

from ..api.models import wire


class WireJSONResponse(Response):
    """A JSON response whose ``Decimal`` values are written as exact number literals."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return wire.dumps(content)


PROBLEM_TYPES = {
    400: "https://tools.ietf.org/html/rfc7231#section-6.5.1",
    401: "https://tools.ietf.org/html/rfc7235#section-3.1",
    403: "https://tools.ietf.org/html/rfc7231#section-6.5.3",
    404: "https://tools.ietf.org/html/rfc7231#section-6.5.4",
    405: "https://tools.ietf.org/html/rfc7231#section-6.5.5",
    409: "https://tools.ietf.org/html/rfc7231#section-6.5.8",
    413: "https://tools.ietf.org/html/rfc7231#section-6.5.11",
    422: "https://tools.ietf.org/html/rfc4918#section-11.2",
    429: "https://tools.ietf.org/html/rfc6585#section-4",
    500: "https://tools.ietf.org/html/rfc7231#section-6.6.1",
    502: "https://tools.ietf.org/html/rfc7231#section-6.6.3",
    503: "https://tools.ietf.org/html/rfc7231#section-6.6.4",
}

TITLES = {
    400: "One or more validation errors occurred.",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Payload Too Large",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


def problem(status: int, detail: str, *, instance: str | None = None,
            errors: dict[str, list[str]] | None = None, headers: dict[str, str] | None = None,
            **extra: Any) -> WireJSONResponse:
    """An ``application/problem+json`` response."""
    body: dict[str, Any] = {
        "type": PROBLEM_TYPES.get(status, "about:blank"),
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors:
        body["errors"] = errors
    body.update(extra)
    response = WireJSONResponse(body, status_code=status, headers=headers)
    response.headers["content-type"] = "application/problem+json"
    return response


class ProblemError(Exception):
    """Raise inside a handler to answer with problem details."""

    def __init__(self, status: int, detail: str, *, errors: dict[str, list[str]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors
        self.headers = headers
