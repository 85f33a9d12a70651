"""Values read from an answer that the terminal does not know (an enumeration's pseudo-member named
``UNRECOGNIZED``), without pydantic: the UI and the services ask :func:`is_unrecognized` and show
:func:`unknown_value` without importing the wire models before the first frame.
:mod:`klogs_desk.api.models.tolerant` builds the validators that make such values and re-exports these names.
"""

from __future__ import annotations

import enum
from typing import Any, TypeVar, cast

from ..messages import Message, english, msg

E = TypeVar("E", bound=enum.Enum)

#: The ``name`` of every unrecognized value.
UNRECOGNIZED = "UNRECOGNIZED"


def _key(text: str) -> str:
    return text.replace("_", "").replace("-", "").casefold()


def unrecognized(enum_cls: type[E], raw: Any) -> E:
    """A pseudo-member of ``enum_cls`` (a ``str`` enum) carrying ``raw`` as its value."""
    text = str(raw)
    member: Any = cast(Any, str).__new__(enum_cls, text)
    member._name_ = UNRECOGNIZED
    member._value_ = text
    member._sort_order_ = -1
    return member


def is_unrecognized(value: Any) -> bool:
    """True for a value read from an answer that the terminal does not know."""
    return isinstance(value, enum.Enum) and value.name == UNRECOGNIZED


def unknown_value(raw: Any) -> Message:
    """How an unknown value reads when the terminal shows it: ``unknown (Chargeback)`` (rendered by the UI)."""
    return msg("value.unknown", raw=str(raw))


def shown(value: Any) -> str:
    """An enumeration in English, for logs and tests: the documented value, or ``unknown (raw)``. The UI
    shows it through ``ui/answer_text.answer_text`` instead (in the cashier's language)."""
    if value is None:
        return ""
    if is_unrecognized(value):
        return english(unknown_value(value.value))
    return str(value.value if isinstance(value, enum.Enum) else value)
