"""A :class:`~klogs_desk.messages.Message` in the cashier's language: the one place messages become sentences.

The code's English template is translated through Qt's translation files (context ``Messages``), then the
parameters are formatted in the application's locale: a :class:`Money` as ``money_text`` writes it (Turkish
``1.234,50 ₺``), a nested message rendered the same way, the gateway's own text as it sent it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ..messages import CONTEXT, GatewayText, Message, Money
from .money_text import money_text


def render(message: Message | None) -> str:
    """``message`` as a sentence in the installed language; ``""`` for ``None``."""
    if message is None:
        return ""
    template = QCoreApplication.translate(CONTEXT, message.template)
    values = {name: _value(value) for name, value in message.params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder: English is better
        return message.template.format(**values)


def _value(value: Any) -> str:
    if isinstance(value, Message):
        return render(value)
    if isinstance(value, Money):
        return money_text(value.amount, value.currency)
    if isinstance(value, GatewayText):
        return value.text
    if isinstance(value, tuple):
        return " ".join(_value(part) for part in value)
    return str(value)
