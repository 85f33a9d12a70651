"""How a value read from a gateway answer is shown: its documented spelling, or "unknown (raw)".

An enumeration value the terminal does not know is carried as an *unrecognized* value
(:mod:`klogs_desk.api.models.tolerant`); wherever the UI shows a status, a type or a frequency it shows
such a value as "unknown (what the gateway sent)", in the cashier's language, never an empty cell or a
crash.
"""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..api.models.tolerant import is_unrecognized


def unknown_value_text(raw: Any) -> str:
    return QCoreApplication.translate("AnswerText", "unknown ({raw})").format(raw=raw)


def answer_text(value: Any) -> str:
    """``value`` as shown: ``Success``, or ``unknown (Chargeback)``; ``None`` as ``""``."""
    if value is None:
        return ""
    if is_unrecognized(value):
        return unknown_value_text(value.value)
    return str(value.value if isinstance(value, enum.Enum) else value)
