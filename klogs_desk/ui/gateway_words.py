"""The gateway's own result and status words, shown in the cashier's language.

The gateway answers with English words of its own: a payment's ``resultMessage`` ("Successful" in the
docs' example, a decline's reason), a transaction's ``status`` (``Success``, ``Failed``, ``Pending``,
``Unknown``) and ``type`` (``Sale``, ``Void``...). They are its record: the journal keeps them as sent and
exports them as sent. Only what is shown goes through here (:func:`klogs_desk.ui.messages.render` for the
gateway's words inside a message, :func:`klogs_desk.ui.messages.render_result` for a journal row's result,
:func:`klogs_desk.ui.answer_text.answer_text` for a transaction's status and type): a word of :data:`RESULT_WORDS` or
:data:`ANSWER_WORDS` reads in the cashier's language (context ``GatewayWords``); any other word, a
gateway's new one or its free text, is shown as it came.

Why a table of words and not message codes (STYLE habit 11): these words are not sentences this terminal
wrote and could have handed up as codes; they are values of the gateway's vocabulary, like an enumeration's
(the docs list ``resultMessage`` "Successful" beside ``resultCode`` SUCCESS). They are matched whole, case
and ``_``/``-`` aside as :mod:`klogs_desk.api.unknown` reads enumerations (the Java SDK writes statuses in
lower case), never inside a sentence.

Which words, where the docs are silent: the docs show one ``resultMessage`` ("Successful"); a decline's
words here are the sandbox's for the ISO 8583 codes it answers (05 "Do not honour", 51 "Insufficient
funds"), its failed 3-D Secure challenge and its "not yet" answers. A real gateway that words them otherwise
is shown as it words them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "GatewayWords"

#: A payment's ``resultMessage`` (also a 3-D Secure enrollment's and a checkout's) -> its words on screen.
RESULT_WORDS: dict[str, str] = {
    "Successful": QT_TRANSLATE_NOOP("GatewayWords", "Successful"),
    "Do not honour": QT_TRANSLATE_NOOP("GatewayWords", "Do not honour"),
    "Insufficient funds": QT_TRANSLATE_NOOP("GatewayWords", "Insufficient funds"),
    "3-D Secure authentication failed": QT_TRANSLATE_NOOP("GatewayWords", "3-D Secure authentication failed"),
    "Waiting for the issuer": QT_TRANSLATE_NOOP("GatewayWords", "Waiting for the issuer"),
    "The customer has not paid yet": QT_TRANSLATE_NOOP("GatewayWords", "The customer has not paid yet"),
}

#: A transaction's ``status`` and ``type`` (``GET /api/transactions``) -> their words on screen.
ANSWER_WORDS: dict[str, str] = {
    "Success": QT_TRANSLATE_NOOP("GatewayWords", "Success"),
    "Failed": QT_TRANSLATE_NOOP("GatewayWords", "Failed"),
    "Pending": QT_TRANSLATE_NOOP("GatewayWords", "Pending"),
    "Unknown": QT_TRANSLATE_NOOP("GatewayWords", "Unknown"),
    "Sale": QT_TRANSLATE_NOOP("GatewayWords", "Sale"),
    "Void": QT_TRANSLATE_NOOP("GatewayWords", "Void"),
    "Refund": QT_TRANSLATE_NOOP("GatewayWords", "Refund"),
    "Provision": QT_TRANSLATE_NOOP("GatewayWords", "Pre-authorization"),
    "ProvisionCommit": QT_TRANSLATE_NOOP("GatewayWords", "Capture"),
}


def _key(word: str) -> str:
    return word.strip().replace("_", "").replace("-", "").casefold()


_KNOWN: dict[str, str] = {_key(word): shown for word, shown in (RESULT_WORDS | ANSWER_WORDS).items()}


def gateway_word(word: str | None) -> str:
    """``word`` as the gateway sent it, in the cashier's language if it is a known word; ``""`` for ``None``."""
    if not word:
        return ""
    shown = _KNOWN.get(_key(word))
    return QCoreApplication.translate(CONTEXT, shown) if shown is not None else word
