"""The two auth schemes: X-API-KEY/X-API-SECRET (payment API) and Bearer (recurring API)."""

from __future__ import annotations

import hmac

from fastapi import Request

from .problems import ProblemError


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def require_api_key(request: Request) -> str:
    """FastAPI dependency for the payment API; returns the API key (the rate-limit bucket)."""
    config = request.app.state.sandbox.config
    key = request.headers.get("x-api-key")
    secret = request.headers.get("x-api-secret")
    if not (_same(key, config.api_key) and _same(secret, config.api_secret)):
        raise ProblemError(401, "Missing or invalid X-API-KEY / X-API-SECRET.",
                           headers={"WWW-Authenticate": 'ApiKey realm="klogs"'})
    return key or ""


def require_bearer(request: Request) -> str:
    """FastAPI dependency for the recurring API; returns the token."""
    config = request.app.state.sandbox.config
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not _same(token.strip(), config.bearer_token):
        raise ProblemError(401, "Missing or invalid Bearer token.",
                           headers={"WWW-Authenticate": 'Bearer realm="klogs"'})
    return token
