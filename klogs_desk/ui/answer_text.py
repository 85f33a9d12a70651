"""How a value read from a gateway answer is shown: its documented spelling (in the cashier's language where
:mod:`klogs_desk.ui.gateway_words` knows the word), or "unknown (raw)".

An enumeration value the terminal does not know is carried as an *unrecognized* value
(:mod:`klogs_desk.api.models.tolerant`); wherever the UI shows a status, a type or a frequency it shows
such a value as "unknown (what the gateway sent)", in the cashier's language, never an empty cell or a
crash.
"""

from __future__ import annotations

from typing import Any

from ..api.unknown import is_unrecognized, shown, unknown_value
from .gateway_words import gateway_word
from .messages import render


def answer_text(value: Any) -> str:
    """``value`` as shown, in the cashier's language: ``Success`` (Turkish ``Başarılı``), or ``unknown
    (Chargeback)``; a value the words do not know as sent; ``None`` as ``""``."""
    return render(unknown_value(value.value)) if is_unrecognized(value) else gateway_word(shown(value))
