"""Reading answers the way every Klogs client library writes them (sdk-differences.md).

The terminal follows the docs when it *sends*, and survives the differences when it *reads*:

* An enumeration in an answer is matched case-insensitively against the documented spelling and the
  member's name (``provisioncommit``, ``PROVISION_COMMIT`` and ``ProvisionCommit`` are one value), and
  as the number the .NET library writes where sdk-differences.md gives one (transaction type: Sale=1,
  Void=2, Refund=3, Provision=4, ProvisionCommit=5; transaction status: Success=1, Failed=2, Pending=3,
  Unknown=5). No numbers are published for the other enumerations, so a number there is a value we do
  not know.
* A value we do not know is never a parse failure: it becomes an *unrecognized* pseudo-member of the
  enum whose ``name`` is ``UNRECOGNIZED`` and whose ``value`` is the raw text the gateway sent. It is
  not one of the enum's members (``list(Enum)`` and the OpenAPI document are unchanged, and it equals
  no known member), so code that acts on known values leaves it alone, and the UI shows it as
  ``unknown (raw)`` (:func:`unknown_value`, a message the UI renders; :func:`shown` in English for logs).
* A date-time without a zone means UTC (:data:`assume_utc`), as the .NET library writes it.
* Request models keep the plain enum types (the documented spelling is what goes out, and the sandbox
  stays strict about what it is sent) and refuse an unrecognized value (:data:`sendable`): a value the
  terminal does not understand is never sent back.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Any, Mapping, TypeVar

from pydantic import AfterValidator, BeforeValidator

from ..unknown import (  # noqa: F401  # re-exported: the models module they were defined in
    UNRECOGNIZED,
    _key,
    is_unrecognized,
    shown,
    unknown_value,
    unrecognized,
)

E = TypeVar("E", bound=enum.Enum)

def tolerant_enum(enum_cls: type[E], numbers: Mapping[int, E] | None = None) -> BeforeValidator:
    """A pydantic ``BeforeValidator`` reading ``enum_cls`` case-insensitively by value or name, and as
    the .NET ``numbers``; anything else becomes :func:`unrecognized` (never a validation error)."""
    by_key: dict[str, E] = {}
    for member in enum_cls:
        by_key[_key(str(member.value))] = member
        by_key[_key(member.name)] = member
    numbered = dict(numbers or {})

    def read(value: Any) -> Any:
        if value is None or isinstance(value, enum_cls):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return numbered.get(value) or unrecognized(enum_cls, value)
        if isinstance(value, str):
            text = value.strip()
            if text.isdigit():
                return numbered.get(int(text)) or unrecognized(enum_cls, text)
            return by_key.get(_key(text)) or unrecognized(enum_cls, text)
        return unrecognized(enum_cls, value)

    return BeforeValidator(read)


def _refuse_unrecognized(value: Any) -> Any:
    if is_unrecognized(value):
        raise ValueError("is a value this terminal does not know, so it is not sent")
    return value


#: ``AfterValidator`` for request fields: an unrecognized value read from an answer is never sent.
sendable = AfterValidator(_refuse_unrecognized)


def _assume_utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value


#: ``AfterValidator`` of date-times in answers: a naive one (``2026-03-01T00:00:00``) is UTC.
assume_utc = AfterValidator(_assume_utc)

#: A date-time in an answer.
UtcDatetime = Annotated[dt.datetime, assume_utc]
