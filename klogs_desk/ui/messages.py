"""A :class:`~klogs_desk.messages.Message` in the cashier's language: the one place messages become sentences.

The code's English template is translated through Qt's translation files (context ``Messages``), then the
parameters are formatted in the application's locale: a :class:`Money` as ``money_text`` writes it (Turkish
``1.234,50 ₺``), a nested message rendered the same way, the gateway's own text as it sent it unless it is one
of the gateway's known result words (:mod:`klogs_desk.ui.gateway_words`: "Successful" reads "Başarılı").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ..messages import CONTEXT, GatewayText, Message, Money
from .gateway_words import gateway_word
from .money_text import money_text

#: The code of text stored as it came (:func:`klogs_desk.messages.text`): a row's result is the gateway's words.
_STORED_TEXT = "stored.text"


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


def render_result(message: Message | None) -> str:
    """A journal row's ``result_message`` as shown. The journal keeps the gateway's words as it sent them
    (stored text): a known word reads in the cashier's language, any other as sent; a message of this
    terminal's own (a code) is rendered as :func:`render` does."""
    if message is not None and message.code == _STORED_TEXT:
        return gateway_word(str(message.params.get("text", "")))
    return render(message)


def _value(value: Any) -> str:
    if isinstance(value, Message):
        return render(value)
    if isinstance(value, Money):
        return money_text(value.amount, value.currency)
    if isinstance(value, GatewayText):
        return gateway_word(value.text)
    if isinstance(value, tuple):
        return " ".join(_value(part) for part in value)
    return str(value)
