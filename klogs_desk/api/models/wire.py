"""JSON on the wire with exact decimals.

The gateway's amounts are JSON numbers. Python's ``json`` module can only write numbers from ``int`` and
``float``, and a float cannot hold 100.10 exactly, so this module writes ``Decimal`` values as number
literals itself and reads every JSON number with a fraction back as ``Decimal``. Nothing here converts
money through ``float``.

:func:`field_errors_from` names the camelCase fields a pydantic error is about, without the input (the
client's callers and the sandbox's 400 answers both use it).
"""

from __future__ import annotations

import datetime
import enum
import json
import uuid
from decimal import Decimal
from typing import Any

import pydantic
from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class WireModel(BaseModel):
    """Base of every API model: camelCase on the wire, snake_case in Python.

    Unknown fields in a response are ignored so that a gateway that adds a field does not break the
    terminal.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="ignore",
        use_enum_values=False,
        # Validators and serializers are built on first use, not at import: the window does not wait
        # for about thirty schemas (klogs_desk.api.models.warm_up builds them once the window is up).
        defer_build=True,
    )

    def to_wire(self) -> dict[str, Any]:
        """The camelCase dict for a request body; unset optional fields are left out."""
        return self.model_dump(mode="python", by_alias=True, exclude_none=True)

    def to_json(self) -> bytes:
        return dumps(self.model_dump(mode="python", by_alias=True, exclude_none=True))


def _decimal_literal(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"{value} cannot be sent as a JSON number")
    text = format(value, "f")  # fixed point: never 1E+2
    return text


def _encode(value: Any) -> str:
    if isinstance(value, Decimal):
        return _decimal_literal(value)
    if isinstance(value, BaseModel):
        return _encode(value.model_dump(mode="python", by_alias=True, exclude_none=True))
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(k))}:{_encode(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_encode(v) for v in value) + "]"
    if isinstance(value, float):
        raise TypeError("float reached the JSON encoder; money must be Decimal")
    if isinstance(value, enum.Enum):
        return _encode(value.value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return json.dumps(_isoformat(value))
    if isinstance(value, uuid.UUID):
        return json.dumps(str(value))
    return json.dumps(value, ensure_ascii=False)


def _isoformat(value: datetime.date) -> str:
    text = value.isoformat()
    # The docs write UTC as ...Z; keep that form so replayed examples compare equal.
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def dumps(value: Any) -> bytes:
    """Serialize ``value`` to compact UTF-8 JSON, writing ``Decimal`` as exact number literals."""
    return _encode(value).encode("utf-8")


def loads(data: str | bytes) -> Any:
    """Parse JSON, reading numbers with a fraction as ``Decimal`` (never through float)."""
    return json.loads(data, parse_float=Decimal)


def field_errors_from(exc: pydantic.ValidationError) -> dict[str, list[str]]:
    """Messages per camelCase field from a pydantic error, *without* the input values.

    ``str(ValidationError)`` quotes the input, which for a card request includes the PAN and CVV: never
    log or show it; use this instead.
    """
    result: dict[str, list[str]] = {}
    for error in exc.errors(include_input=False, include_url=False, include_context=False):
        loc = [str(part) for part in error.get("loc", ()) if not isinstance(part, int)]
        field = ".".join(to_camel(part) if "_" in part else part for part in loc) or "body"
        message = error.get("msg", "is not valid")
        if message.startswith("Value error, "):
            message = message[len("Value error, "):]
        result.setdefault(field, []).append(message)
    return result
