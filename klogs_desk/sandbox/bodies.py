"""Reading request bodies the way the real gateway does: exact decimals, problem details per field.

Handlers take the raw body instead of letting FastAPI parse it, because FastAPI parses JSON numbers as
floats; ``openapi_extra=body_schema(Model)`` keeps the request documented in the OpenAPI document.
"""

from __future__ import annotations

import copy
import functools
from typing import Any, TypeVar

import pydantic
from fastapi import Request

from ..api.models import wire
from ..api.models.wire import field_errors_from
from .problems import ProblemError

M = TypeVar("M", bound=pydantic.BaseModel)

#: Bodies larger than this are refused with 413 (no API request comes near it).
MAX_BODY_BYTES = 64 * 1024


async def parse_body(request: Request, model: type[M]) -> M:
    """Validate the JSON body against ``model`` with the sandbox clock as 'now'; 400 problem on error."""
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        raise ProblemError(413, "The request body is too large.")
    try:
        data = wire.loads(raw or b"null")
    except ValueError:
        raise ProblemError(400, "The request body is not valid JSON.", errors={"body": ["is not valid JSON"]}) from None
    if not isinstance(data, dict):
        raise ProblemError(400, "The request body must be a JSON object.", errors={"body": ["must be an object"]})
    now = request.app.state.sandbox.clock.now()
    try:
        return model.model_validate(data, context={"now": now})
    except pydantic.ValidationError as exc:
        errors = field_errors_from(exc)
        first_field, messages = next(iter(errors.items()))
        raise ProblemError(400, f"The {first_field} field {messages[0]}." if first_field != "body"
                           else messages[0], errors=errors) from None


def model_schema(model: type[pydantic.BaseModel], *, components: bool = False) -> dict[str, Any]:
    """``model``'s JSON schema (by alias; nested models referenced under ``#/components/schemas/`` when
    ``components``), a copy the caller may change.

    Generated once per model and process: each app the sandbox builds (one per ``SandboxServer``, one per
    ``reset``) documents the same models, and generating their schemas was most of building an app.
    """
    return copy.deepcopy(_model_schema(model, components))


@functools.cache
def _model_schema(model: type[pydantic.BaseModel], components: bool) -> dict[str, Any]:
    if components:
        return model.model_json_schema(by_alias=True, ref_template="#/components/schemas/{model}")
    return model.model_json_schema(by_alias=True)


def body_schema(model: type[pydantic.BaseModel]) -> dict[str, Any]:
    """``openapi_extra`` documenting ``model`` as the JSON request body."""
    schema = model_schema(model, components=True)
    defs = schema.pop("$defs", {})
    extra: dict[str, Any] = {
        "requestBody": {"required": True, "content": {"application/json": {"schema": schema}}},
    }
    if defs:
        extra["x-defs"] = defs  # merged into components by the app factory
    return extra
