"""Messages for people, as codes: what the layers below the UI hand up instead of sentences.

Contract:

* A :class:`Message` is a code from :data:`CATALOGUE` and its parameters. The code's English template is the
  source text of Qt's translation files (context :data:`CONTEXT`); the UI (``ui/messages.render``) translates
  it into the cashier's language and formats the parameters there. Nothing here imports Qt.
* Parameters stay values: an amount is a :class:`Money` (``Decimal`` + currency code), a state, kind or month
  is a nested :class:`Message` (its own code), a number is an ``int``. Text the gateway wrote is a
  :class:`GatewayText`: shown as the gateway sent it (HTML entities decoded once), labelled; only a word of
  the gateway's known vocabulary ("Successful") reads in the cashier's language (``ui/gateway_words``).
* ``str(message)`` is the English rendering, for logs and tests only: nothing shown to a cashier is built
  from it.
* Messages survive a round trip through JSON (:meth:`Message.to_json`, :func:`from_stored`): the journal
  stores codes and parameters, so a row written under English reads in Turkish and back.
"""

from __future__ import annotations

import string
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Mapping, Union

from .frozen import Frozen, init

#: The translation context of every template (``QCoreApplication.translate(CONTEXT, template)``).
CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate finds templates by this name
    """Marks ``text`` for ``pyside6-lupdate`` (which reads source text by the function's name) without Qt."""
    return text


class Money(Frozen):
    """An amount with its currency code, e.g. ``Money(Decimal("10.00"), "TRY")``."""

    amount: Decimal
    currency: str

    __slots__ = ("amount", "currency")

    def __init__(self, amount: Decimal, currency: str) -> None:
        init(self, amount, currency)

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


class GatewayText(Frozen):
    """Free text the gateway wrote (its ``message``, ``detail`` or ``error.summary``). Use :meth:`of` for text
    straight off the wire: it decodes HTML entities once (``&#x27;`` becomes ``'``)."""

    text: str

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        init(self, text)

    @classmethod
    def of(cls, text: str) -> "GatewayText":
        import html  # only for text off the wire, never before the first frame

        return cls(html.unescape(text))

    def __str__(self) -> str:
        return self.text


Param = Union[str, int, Decimal, Money, GatewayText, "Message", tuple["Message", ...]]


class Message(Frozen):
    """A message code and its parameters. Build with :func:`msg`."""

    code: str
    params: Mapping[str, Any]

    __slots__ = ("code", "params")

    def __init__(self, code: str, params: Mapping[str, Any] | None = None) -> None:
        if code not in CATALOGUE:
            raise KeyError(f"unknown message code {code!r}")
        init(self, code, MappingProxyType(dict(params if params is not None else {})))

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return Message, (self.code, dict(self.params))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.code, dict(self.params)) == (other.code, dict(other.params))

    def __hash__(self) -> int:
        import json

        return hash((self.code, json.dumps(_to_plain(self.params), sort_keys=True)))

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {dict(self.params)!r})"

    def __str__(self) -> str:
        return english(self)

    @property
    def template(self) -> str:
        """The English source template of this code."""
        return CATALOGUE[self.code]

    def to_json(self) -> str:
        import json

        return json.dumps(_to_plain(self), ensure_ascii=False, sort_keys=True)


class MessageError(ValueError):
    """A refusal whose reason is a message for a person (``.msg``); ``str(err)`` is its English rendering."""

    def __init__(self, message: Message) -> None:
        self.msg = message
        super().__init__(english(message))


def msg(code: str, **params: Param) -> Message:
    return Message(code, params)


def text(value: str) -> Message:
    """Text stored before messages were codes (an old journal row): shown exactly as stored."""
    return Message("stored.text", {"text": value})


def gateway(value: str) -> Message:
    """The gateway's own words, labelled as such (``Gateway: …``), HTML entities decoded once."""
    return Message("gateway.said", {"text": GatewayText.of(value)})


def english(message: Message | str | None) -> str:
    """The English rendering (logs, tests, machine exports); ``""`` for ``None``; text stays as it is."""
    if message is None:
        return ""
    if isinstance(message, str):
        return message
    values = {name: _english_value(value) for name, value in message.params.items()}
    return message.template.format(**values)


def _english_value(value: Any) -> str:
    if isinstance(value, Message):
        return english(value)
    if isinstance(value, tuple):
        return " ".join(_english_value(part) for part in value)
    return str(value)


# --- storage ------------------------------------------------------------------------------------

def _to_plain(value: Any) -> Any:
    if isinstance(value, Message):
        return {"code": value.code, "params": {k: _to_plain(v) for k, v in value.params.items()}}
    if isinstance(value, Money):
        return {"money": str(value.amount), "currency": value.currency}
    if isinstance(value, GatewayText):
        return {"gateway": value.text}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, tuple):
        return {"all": [_to_plain(v) for v in value]}
    if isinstance(value, Mapping):
        return {k: _to_plain(v) for k, v in value.items()}
    return value


def _from_plain(value: Any) -> Any:
    if isinstance(value, dict):
        if "code" in value and "params" in value:
            return Message(value["code"], {k: _from_plain(v) for k, v in value["params"].items()})
        if "money" in value:
            return Money(Decimal(value["money"]), value["currency"])
        if "gateway" in value:
            return GatewayText(value["gateway"])
        if "decimal" in value:
            return Decimal(value["decimal"])
        if "all" in value:
            return tuple(_from_plain(v) for v in value["all"])
    return value


def from_stored(stored: str | None) -> Message | None:
    """A message the journal stored: JSON of a code and parameters, or (rows written before codes) English
    text, which becomes the code whose parameterless template it is, else is kept as :func:`text`."""
    if stored is None or stored == "":
        return None
    if stored.startswith("{"):
        try:
            import json  # rows read after the first frame; json is not needed before it

            parsed = _from_plain(json.loads(stored))
        except (ValueError, KeyError, TypeError):
            parsed = None
        if isinstance(parsed, Message):  # other JSON (text a gateway or a person wrote) stays text
            return parsed
    code = _PLAIN_CODES.get(stored)
    return Message(code) if code else text(stored)


def from_known(text: str) -> Message | None:
    """The message whose parameterless English template ``text`` is, else ``None``: for text that crossed a
    boundary unable to carry a code (a domain rule checked inside a pydantic model reaches the UI as the
    model's error text)."""
    code = _PLAIN_CODES.get(text)
    return Message(code) if code else None


def to_stored(message: Message | str | None) -> str | None:
    """What the journal writes for ``message``: JSON for a :class:`Message`, the text itself for text the
    gateway sent (a ``result_message``) or the cashier typed."""
    if message is None or isinstance(message, str):
        return message
    return message.to_json()


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# --- the catalogue --------------------------------------------------------------------------------
# One entry per code: its English template. The templates are the source texts of the translation files
# (lupdate reads the QT_TRANSLATE_NOOP calls); keep every {placeholder} in a translation.


CATALOGUE: dict[str, str] = {
    # generic
    "stored.text": "{text}",
    "gateway.said": QT_TRANSLATE_NOOP("Messages", "Gateway: {text}"),
    # a value read from a gateway answer that this terminal does not know (api/models/tolerant.py)
    "value.unknown": QT_TRANSLATE_NOOP("Messages", "unknown ({raw})"),
    # the client (api/client.py): operations and transport
    "operation.payment": QT_TRANSLATE_NOOP("Messages", "payment"),
    "operation.pre-authorization": QT_TRANSLATE_NOOP("Messages", "pre-authorization"),
    "operation.capture": QT_TRANSLATE_NOOP("Messages", "capture"),
    "operation.3ds-payment": QT_TRANSLATE_NOOP("Messages", "3-D Secure payment"),
    "operation.3ds-completion": QT_TRANSLATE_NOOP("Messages", "3-D Secure completion"),
    "operation.checkout-link": QT_TRANSLATE_NOOP("Messages", "checkout link"),
    "operation.void": QT_TRANSLATE_NOOP("Messages", "void"),
    "operation.refund": QT_TRANSLATE_NOOP("Messages", "refund"),
    "operation.owner-registration": QT_TRANSLATE_NOOP("Messages", "card owner registration"),
    "operation.payment-order": QT_TRANSLATE_NOOP("Messages", "payment order"),
    "operation.subscription": QT_TRANSLATE_NOOP("Messages", "subscription"),
    "operation.subscription-update": QT_TRANSLATE_NOOP("Messages", "subscription update"),
    "operation.request": QT_TRANSLATE_NOOP("Messages", "request"),
    "transport.no-answer": QT_TRANSLATE_NOOP("Messages", "no answer in time"),
    "transport.connection-lost": QT_TRANSLATE_NOOP("Messages", "connection lost"),
    "client.address-unusable": QT_TRANSLATE_NOOP("Messages", "The gateway address for this environment is not usable. "
        "Nothing was sent; check the address in Settings."),
    "client.closed": QT_TRANSLATE_NOOP("Messages", "The connection to the gateway was replaced (the settings "
        "changed) before this request left. Nothing was sent; try again."),
    "client.unreadable-body": QT_TRANSLATE_NOOP("Messages", "The gateway answered with a body this terminal cannot "
        "read."),
    "client.unreadable-status-body": QT_TRANSLATE_NOOP("Messages", "The gateway answered {status} with a body this "
        "terminal cannot read."),
    "client.unreachable": QT_TRANSLATE_NOOP("Messages", "The gateway could not be reached. Nothing was sent; check the "
        "network and try again."),
    "client.timeout": QT_TRANSLATE_NOOP("Messages", "The gateway did not answer in time. Nothing was charged; try "
        "again."),
    "client.answer-lost": QT_TRANSLATE_NOOP("Messages", "The {operation} was sent but the gateway's answer was lost "
        "({why}). It may or may not have gone through: do not send it again until it is resolved."),
    "client.proxy-answered": QT_TRANSLATE_NOOP("Messages", "The {operation} was sent but a proxy answered {status} "
        "instead of the gateway. It may or may not have gone through: do not send it again until it is resolved."),
    "client.invalid": QT_TRANSLATE_NOOP("Messages", "The gateway refused the request as invalid."),
    "client.credentials-refused": QT_TRANSLATE_NOOP("Messages", "The gateway did not accept this terminal's "
        "credentials. Check the API key, secret and token for this environment in Settings."),
    "client.forbidden": QT_TRANSLATE_NOOP("Messages", "These credentials are not allowed to do this."),
    "client.forbidden-detail": QT_TRANSLATE_NOOP("Messages", "These credentials are not allowed to do this. {detail}"),
    "client.not-found": QT_TRANSLATE_NOOP("Messages", "The gateway has no such record."),
    "client.conflict": QT_TRANSLATE_NOOP("Messages", "The gateway refused this now."),
    "client.rate-limited-wait": QT_TRANSLATE_NOOP("Messages", "The gateway is receiving too many requests. Wait "
        "{seconds} s and try again."),
    "client.rate-limited": QT_TRANSLATE_NOOP("Messages", "The gateway is receiving too many requests. Wait a moment "
        "and try again."),
    "client.server-error": QT_TRANSLATE_NOOP("Messages", "The gateway had an internal error ({status}). Nothing was "
        "completed."),
    "client.server-error-detail": QT_TRANSLATE_NOOP("Messages", "The gateway had an internal error ({status}). "
        "{detail} Nothing was completed."),
    "client.status": QT_TRANSLATE_NOOP("Messages", "The gateway answered {status}."),
    # payments (services/payments.py)
    "payment.approved": QT_TRANSLATE_NOOP("Messages", "Approved."),
    "payment.declined": QT_TRANSLATE_NOOP("Messages", "Declined by the card issuer. Nothing was charged."),
    "payment.declined-because": QT_TRANSLATE_NOOP("Messages", "Declined: {why}. Nothing was charged."),
    "payment.enrolled": QT_TRANSLATE_NOOP("Messages", "This card needs 3-D Secure. Nothing was charged."),
    "payment.odd-status": QT_TRANSLATE_NOOP("Messages", "The gateway answered with status {status}."),
    "payment.not-sent-invalid": QT_TRANSLATE_NOOP("Messages", "The payment was not sent: {errors}"),
    "payment.order-id-used": QT_TRANSLATE_NOOP("Messages", "Order ID {order_id} was already sent. Nothing was sent now."),
    "payment.outcome-unknown": QT_TRANSLATE_NOOP("Messages", "The payment may or may not have gone through."),
    "payment.unreadable-answer": QT_TRANSLATE_NOOP("Messages", "The gateway's answer could not be read. The payment "
        "may or may not have gone through."),
    "payment.duplicate-unresolved": QT_TRANSLATE_NOOP("Messages", "A sale of {amount} on the card ending {last_four} "
        "is still unresolved (order {order_id}). Charge this card again?"),
    "payment.duplicate-recent": QT_TRANSLATE_NOOP("Messages", "A sale of {amount} on the card ending {last_four} was "
        "approved at {time} (order {order_id}). Charge this card again?"),
    "card.domestic": QT_TRANSLATE_NOOP("Messages", "Domestic"),
    "card.international": QT_TRANSLATE_NOOP("Messages", "International"),
    "next.new-sale": QT_TRANSLATE_NOOP("Messages", "Start the next sale."),
    "note.continued-3ds": QT_TRANSLATE_NOOP("Messages", "The card needed 3-D Secure: the same sale went on with the "
        "card holder's bank check."),
    "next.capture-later": QT_TRANSLATE_NOOP("Messages", "The amount is held on the card. Capture it later: select it in "
                                            "the list of open pre-authorizations and press Capture."),
    "settled.approved": QT_TRANSLATE_NOOP("Messages", "Approved — settled by asking the gateway."),
    "settled.declined": QT_TRANSLATE_NOOP("Messages", "Declined — settled by asking the gateway. Nothing was charged."),
    "settled.not-charged": QT_TRANSLATE_NOOP("Messages", "Not charged — settled by asking the gateway. It is safe to "
                                             "charge again with a new order ID."),
    "settled.notice": QT_TRANSLATE_NOOP("Messages", "Order {order_id} ({amount}): {result}"),
    "next.unknown": QT_TRANSLATE_NOOP("Messages", "Do not charge again. Check the Journal — it will be resolved with "
        "the gateway."),
    "next.another-card": QT_TRANSLATE_NOOP("Messages", "Ask for another card or another way to pay."),
    "next.use-3ds": QT_TRANSLATE_NOOP("Messages", "Pay with 3-D Secure: the card holder confirms on their phone or "
        "bank page."),
    "next.fix-fields": QT_TRANSLATE_NOOP("Messages", "Correct the marked fields and press Pay again."),
    "next.new-order-id": QT_TRANSLATE_NOOP("Messages", "Press New for a fresh order ID, or check the Journal for that "
        "order."),
    "next.check-credentials": QT_TRANSLATE_NOOP("Messages", "Check this environment's credentials in Settings, "
        "retype the card number and CVV, then press Pay again (same order ID)."),
    "next.wait": QT_TRANSLATE_NOOP("Messages", "Wait, retype the card number and CVV, then press Pay "
        "again (same order ID)."),
    "next.check-network": QT_TRANSLATE_NOOP("Messages", "Check the network, retype the card number and CVV, "
        "then press Pay again (same order ID)."),
    "next.pay-again": QT_TRANSLATE_NOOP("Messages", "Retype the card number and CVV and press Pay again: the "
        "same order ID is kept, so it cannot charge twice."),
    "capture.done": QT_TRANSLATE_NOOP("Messages", "Captured {captured} — {released} released."),
    "next.refund-later": QT_TRANSLATE_NOOP("Messages", "To give money back, void it in the Journal today or refund it "
        "after the daily settlement."),
    "capture.only-preauth": QT_TRANSLATE_NOOP("Messages", "Only a pre-authorization can be captured."),
    "capture.not-approved": QT_TRANSLATE_NOOP("Messages", "Pre-authorization {order_id} was not approved; nothing to "
        "capture."),
    "capture.already": QT_TRANSLATE_NOOP("Messages", "Pre-authorization {order_id} was already captured."),
    "capture.open": QT_TRANSLATE_NOOP("Messages", "A capture of {order_id} has no known outcome yet. Resolve it in the "
        "Journal first."),
    "capture.not-positive": QT_TRANSLATE_NOOP("Messages", "The capture amount must be greater than zero."),
    "capture.at-most": QT_TRANSLATE_NOOP("Messages", "At most {amount} can be captured."),
    # 3-D Secure (services/three_d_secure.py)
    "3ds.order-id-used": QT_TRANSLATE_NOOP("Messages", "Order ID {order_id} was already sent with 3-D Secure. Nothing "
        "was sent now."),
    "next.new-order-id-3ds": QT_TRANSLATE_NOOP("Messages", "Press New for a fresh order ID, or check the Journal."),
    "3ds.answer-lost": QT_TRANSLATE_NOOP("Messages", "The 3-D Secure request was sent but its answer was lost."),
    "3ds.not-charged": QT_TRANSLATE_NOOP("Messages", "Not charged. {why}"),
    "3ds.could-not-start": QT_TRANSLATE_NOOP("Messages", "3-D Secure could not start: {why}. Nothing was charged."),
    "3ds.did-not-start": QT_TRANSLATE_NOOP("Messages", "the gateway did not start 3-D Secure"),
    "3ds.timed-out": QT_TRANSLATE_NOOP("Messages", "The card holder did not finish authentication in time."),
    "3ds.cancelled": QT_TRANSLATE_NOOP("Messages", "3-D Secure was cancelled."),
    "3ds.cancelled-outcome": QT_TRANSLATE_NOOP("Messages", "{why} Cancelled — nothing charged."),
    "3ds.authentication-failed": QT_TRANSLATE_NOOP("Messages", "The card holder's authentication failed. Nothing was "
        "charged."),
    "3ds.declined-authentication": QT_TRANSLATE_NOOP("Messages", "Declined: the card holder's authentication failed. "
        "Nothing was charged."),
    "next.3ds-again": QT_TRANSLATE_NOOP("Messages", "To try again, pay with 3-D Secure under a new order ID, or take "
        "another card."),
    # checkout links (services/checkout.py)
    "link.creating": QT_TRANSLATE_NOOP("Messages", "creating…"),
    "link.awaiting": QT_TRANSLATE_NOOP("Messages", "awaiting payment"),
    "link.paid": QT_TRANSLATE_NOOP("Messages", "PAID"),
    "link.failed": QT_TRANSLATE_NOOP("Messages", "FAILED"),
    "link.unknown": QT_TRANSLATE_NOOP("Messages", "not known — create again"),
    "link.not_created": QT_TRANSLATE_NOOP("Messages", "not created"),
    "link.cancelled": QT_TRANSLATE_NOOP("Messages", "cancelled"),
    "checkout.paid": QT_TRANSLATE_NOOP("Messages", "The customer paid this link."),
    "checkout.next-paid": QT_TRANSLATE_NOOP("Messages", "Hand over the goods; the payment is in the Journal."),
    "checkout.declined": QT_TRANSLATE_NOOP("Messages", "Declined. Nothing was charged."),
    "checkout.next-declined": QT_TRANSLATE_NOOP("Messages", "The link is used up: create a new link (new order ID) or "
        "take another way to pay."),
    "checkout.invalid": QT_TRANSLATE_NOOP("Messages", "The link was not created: {errors}"),
    "checkout.other-amount": QT_TRANSLATE_NOOP("Messages", "Order ID {order_id} already has a link for {amount}. "
        "Nothing was sent. Press New for a fresh order ID."),
    "checkout.existing": QT_TRANSLATE_NOOP("Messages", "Order {order_id} already has this link. Nothing was sent."),
    "checkout.in-progress": QT_TRANSLATE_NOOP("Messages", "A link for order {order_id} is being created right now. "
        "Nothing was sent."),
    "checkout.just-used": QT_TRANSLATE_NOOP("Messages", "Order ID {order_id} was just used. Nothing was sent. Press "
        "New for a fresh order ID."),
    "checkout.answer-lost": QT_TRANSLATE_NOOP("Messages", "The link was requested but the answer was lost. Press "
        "Create link again: the same order ID brings back the same link if it was made."),
    "checkout.refused": QT_TRANSLATE_NOOP("Messages", "The link was not created: {why}"),
    "checkout.created": QT_TRANSLATE_NOOP("Messages", "Link created. Show the QR code or send the link to the customer."),
    "checkout.lookup-failed": QT_TRANSLATE_NOOP("Messages", "Could not ask the gateway: {why}"),
    # void, refund (services/transactions.py)
    "trx.cannot-void-kind": QT_TRANSLATE_NOOP("Messages", "A {kind} cannot be voided. Select the payment itself."),
    "trx.cannot-refund-kind": QT_TRANSLATE_NOOP("Messages", "A {kind} cannot be refunded. Select the payment itself."),
    "trx.refunded-not-voidable": QT_TRANSLATE_NOOP("Messages", "Payment {order_id} was refunded (in part or in full); "
        "it can only be refunded further, not voided."),
    "trx.preauth-never-captured": QT_TRANSLATE_NOOP("Messages", "Pre-authorization {order_id} was never captured: "
        "nothing was taken to refund. Void it to release the hold."),
    "trx.nothing-left": QT_TRANSLATE_NOOP("Messages", "Nothing is left to refund on {order_id}."),
    "trx.amount-not-number": QT_TRANSLATE_NOOP("Messages", "The refund amount is not a number."),
    "trx.refund-at-most": QT_TRANSLATE_NOOP("Messages", "At most {amount} can still be refunded."),
    "trx.unresolved-not-voidable": QT_TRANSLATE_NOOP("Messages", "Payment {order_id} has no known outcome yet: it "
        "cannot be voided."),
    "trx.unresolved-not-refundable": QT_TRANSLATE_NOOP("Messages", "Payment {order_id} has no known outcome yet: it "
        "cannot be refunded."),
    "trx.state-not-voidable": QT_TRANSLATE_NOOP("Messages", "Payment {order_id} is {state}: it cannot be voided."),
    "trx.state-not-refundable": QT_TRANSLATE_NOOP("Messages", "Payment {order_id} is {state}: it cannot be refunded."),
    "trx.open-child": QT_TRANSLATE_NOOP("Messages", "A {kind} of {order_id} has no known outcome yet. Wait until the "
        "Journal resolves it (or check it with Details) before sending another."),
    "trx.already-voided": QT_TRANSLATE_NOOP("Messages", "Payment {order_id} was already voided."),
    "trx.void-lost": QT_TRANSLATE_NOOP("Messages", "The void was sent but no answer came back. Do not send it again: "
        "the Journal checks it with the gateway and shows the outcome."),
    "trx.refund-lost": QT_TRANSLATE_NOOP("Messages", "The refund was sent but no answer came back. Do not send it "
        "again: the Journal checks it with the gateway and shows the outcome."),
    "trx.void-unreadable": QT_TRANSLATE_NOOP("Messages", "The gateway's answer to the void could not be read. The "
        "Journal checks it with the gateway."),
    "trx.refund-unreadable": QT_TRANSLATE_NOOP("Messages", "The gateway's answer to the refund could not be read. The "
        "Journal checks it with the gateway."),
    "trx.void-refused": QT_TRANSLATE_NOOP("Messages", "The gateway refused the void."),
    "trx.refund-refused": QT_TRANSLATE_NOOP("Messages", "The gateway refused the refund."),
    "trx.void-done": QT_TRANSLATE_NOOP("Messages", "Void done."),
    "trx.refund-done": QT_TRANSLATE_NOOP("Messages", "Refund done."),
    "trx.capture-done": QT_TRANSLATE_NOOP("Messages", "Capture done."),
    "trx.voided": QT_TRANSLATE_NOOP("Messages", "Voided {amount} of {order_id}."),
    "trx.refunded": QT_TRANSLATE_NOOP("Messages", "Refunded {amount} of {order_id}; {left} left."),
    "trx.no-such-payment": QT_TRANSLATE_NOOP("Messages", "The gateway has no payment with this order ID: nothing was "
        "done."),
    # journal notes and resolutions (the journal shows them in the cashier's language)
    "note.voided-with-preauth": QT_TRANSLATE_NOOP("Messages", "Voided with its pre-authorization."),
    "note.voided-by": QT_TRANSLATE_NOOP("Messages", "Voided ({approved_by})."),
    "note.voided": QT_TRANSLATE_NOOP("Messages", "Voided (approved)."),
    # operators (services/staff.py, domain/operators.py)
    "staff.pin-rule": QT_TRANSLATE_NOOP("Messages", "The PIN must be {shortest} to {longest} digits."),
    "staff.name-rule": QT_TRANSLATE_NOOP("Messages", "Type a name of 1 to 40 characters."),
    "staff.name-reserved": QT_TRANSLATE_NOOP("Messages", "“{name}” is the built-in training operator. Choose "
        "another name."),
    "staff.name-taken": QT_TRANSLATE_NOOP("Messages", "There is already an operator named “{name}”."),
    "staff.no-such-operator": QT_TRANSLATE_NOOP("Messages", "There is no operator named “{name}”."),
    "staff.last-manager": QT_TRANSLATE_NOOP("Messages", "This is the last manager who can sign in. Add or enable "
        "another manager first."),
    "staff.wrong-name-or-pin": QT_TRANSLATE_NOOP("Messages", "The name or the PIN is wrong."),
    "staff.wrong-pin": QT_TRANSLATE_NOOP("Messages", "The name or the PIN is wrong. Tries left before this "
        "operator is locked out for 30 minutes: {tries}."),
    "staff.locked-out": QT_TRANSLATE_NOOP("Messages", "Too many wrong PINs: this operator is locked out. Time "
        "left: {minutes} min, or until a manager unlocks them."),
    "staff.sign-in-first": QT_TRANSLATE_NOOP("Messages", "Sign in with your own name first."),
    "staff.manager-only": QT_TRANSLATE_NOOP("Messages", "Only a manager may do this ({action}). Ask a manager to "
        "sign in."),
    "staff.approval-needed": QT_TRANSLATE_NOOP("Messages", "A void or a refund needs a manager: a manager signed "
        "in, or a manager's name and PIN typed here. Nothing was sent."),
    "staff.not-a-manager": QT_TRANSLATE_NOOP("Messages", "{name} is not a manager. Nothing was sent."),
    "permission.void-refund": QT_TRANSLATE_NOOP("Messages", "voids and refunds"),
    "permission.subscriptions-edit": QT_TRANSLATE_NOOP("Messages", "creating, changing or disabling "
        "subscriptions"),
    "permission.card-owners": QT_TRANSLATE_NOOP("Messages", "card owners"),
    "permission.payment-orders": QT_TRANSLATE_NOOP("Messages", "payment orders"),
    "permission.settings": QT_TRANSLATE_NOOP("Messages", "Settings"),
    "permission.environment": QT_TRANSLATE_NOOP("Messages", "switching the environment"),
    "permission.operators": QT_TRANSLATE_NOOP("Messages", "operators"),
    "permission.csv-export": QT_TRANSLATE_NOOP("Messages", "CSV export"),
    "permission.close-day": QT_TRANSLATE_NOOP("Messages", "closing the day"),
    "permission.close-shift": QT_TRANSLATE_NOOP("Messages", "closing their own shift"),
    "staff.not-yours": QT_TRANSLATE_NOOP("Messages", "Only {owner} may do this ({action}). Ask {owner} to "
                                         "sign in."),
    "staff.not-a-manager-close": QT_TRANSLATE_NOOP("Messages", "{name} is not a manager. The day was not "
                                                   "closed."),
    "approval.manager-pin": QT_TRANSLATE_NOOP("Messages", "manager PIN"),
    "approval.no-pin": QT_TRANSLATE_NOOP("Messages", "no PIN required"),
    "note.refunded-in-full": QT_TRANSLATE_NOOP("Messages", "Refunded in full."),
    "note.refunded-part": QT_TRANSLATE_NOOP("Messages", "Refunded {amount}; {left} left."),
    "note.retried-after": QT_TRANSLATE_NOOP("Messages", "Retried after: {why}"),
    "note.an-error": QT_TRANSLATE_NOOP("Messages", "an error"),
    "note.stopped-in-flight": QT_TRANSLATE_NOOP("Messages", "The terminal stopped while this request was in flight."),
    "note.failed-in-flight": QT_TRANSLATE_NOOP("Messages", "The terminal failed while this request was in flight."),
    "note.3ds-cancelled": QT_TRANSLATE_NOOP("Messages", "cancelled — nothing charged"),
    "lookup.approved": QT_TRANSLATE_NOOP("Messages", "gateway lookup: approved ({stamp})"),
    "lookup.declined": QT_TRANSLATE_NOOP("Messages", "gateway lookup: declined, nothing charged ({stamp})"),
    "lookup.void-done": QT_TRANSLATE_NOOP("Messages", "gateway lookup: void done ({stamp})"),
    "lookup.refund-done": QT_TRANSLATE_NOOP("Messages", "gateway lookup: refund done ({stamp})"),
    "lookup.capture-done": QT_TRANSLATE_NOOP("Messages", "gateway lookup: capture done ({stamp})"),
    "lookup.no-void": QT_TRANSLATE_NOOP("Messages", "gateway lookup: no void recorded — nothing was done ({stamp})"),
    "lookup.no-refund": QT_TRANSLATE_NOOP("Messages", "gateway lookup: no refund recorded — nothing was done ({stamp})"),
    "lookup.no-capture": QT_TRANSLATE_NOOP("Messages", "gateway lookup: no capture recorded — nothing was done "
        "({stamp})"),
    "lookup.no-payment-void": QT_TRANSLATE_NOOP("Messages", "gateway lookup: no such payment — no void was done "
        "({stamp})"),
    "lookup.no-payment-refund": QT_TRANSLATE_NOOP("Messages", "gateway lookup: no such payment — no refund was done "
        "({stamp})"),
    "lookup.no-payment-capture": QT_TRANSLATE_NOOP("Messages", "gateway lookup: no such payment — no capture was done "
        "({stamp})"),
    "lookup.not-charged": QT_TRANSLATE_NOOP("Messages", "not charged — safe to charge again with a new order ID "
        "({stamp})"),
    "lookup.cashier-verified": QT_TRANSLATE_NOOP("Messages", "cashier verified: {state} — {note}"),
    "lookup.unreadable": QT_TRANSLATE_NOOP("Messages", "the gateway answered in a form this terminal does not "
        "understand (HTTP {status}) ({stamp})"),
    # domain: cards, amounts, order IDs, schedules (validation the cashier reads at the field)
    "card.enter-number": QT_TRANSLATE_NOOP("Messages", "Enter the card number."),
    "card.digits-only": QT_TRANSLATE_NOOP("Messages", "The card number has only digits."),
    "card.length": QT_TRANSLATE_NOOP("Messages", "The card number is too short or too long."),
    "card.brand-length": QT_TRANSLATE_NOOP("Messages", "A {brand} card number has {lengths} digits."),
    "card.lengths-or": QT_TRANSLATE_NOOP("Messages", "{lengths} or {last}"),
    "card.check-digit": QT_TRANSLATE_NOOP("Messages", "The card number is not valid (check digit). Check it was typed "
        "right."),
    "card.expiry-format": QT_TRANSLATE_NOOP("Messages", "Enter the expiry as MM/YY."),
    "card.expiry-month": QT_TRANSLATE_NOOP("Messages", "The expiry month is 01 to 12."),
    "card.expired": QT_TRANSLATE_NOOP("Messages", "The card has expired."),
    "card.expiry-far": QT_TRANSLATE_NOOP("Messages", "The expiry year is too far ahead."),
    "card.enter-cvv": QT_TRANSLATE_NOOP("Messages", "Enter the security code (CVV)."),
    "card.cvv-length": QT_TRANSLATE_NOOP("Messages", "The security code has {count} digits for this card."),
    "card.enter-holder": QT_TRANSLATE_NOOP("Messages", "Enter the card holder's name."),
    "card.holder-long": QT_TRANSLATE_NOOP("Messages", "The name is at most 100 characters."),
    "card.holder-letters": QT_TRANSLATE_NOOP("Messages", "The name has letters only."),
    "amount.unknown-currency": QT_TRANSLATE_NOOP("Messages", "Unknown currency {currency}."),
    "amount.enter": QT_TRANSLATE_NOOP("Messages", "Enter an amount."),
    "amount.positive": QT_TRANSLATE_NOOP("Messages", "The amount must be greater than zero."),
    "amount.no-decimals": QT_TRANSLATE_NOOP("Messages", "{currency} has no decimal places."),
    "amount.decimals": QT_TRANSLATE_NOOP("Messages", "{currency} allows at most {digits} decimal places."),
    "amount.over-limit": QT_TRANSLATE_NOOP("Messages", "The amount is over the limit of {limit}."),
    "amount.not-exact": QT_TRANSLATE_NOOP("Messages", "{amount} does not fit {currency} without rounding."),
    "amount.digits-only": QT_TRANSLATE_NOOP("Messages", "Use digits and one decimal separator only."),
    "amount.not-amount": QT_TRANSLATE_NOOP("Messages", "That is not an amount."),
    "amount.one-separator": QT_TRANSLATE_NOOP("Messages", "Use one decimal separator only."),
    "amount.groups": QT_TRANSLATE_NOOP("Messages", "Thousands separators must group digits in threes."),
    "order.enter": QT_TRANSLATE_NOOP("Messages", "Enter an order ID (press New for a fresh one)."),
    "order.long": QT_TRANSLATE_NOOP("Messages", "The order ID is at most 64 characters."),
    "order.characters": QT_TRANSLATE_NOOP("Messages", "Use letters, digits and - _ . / only, starting with a letter or "
        "digit."),
    "order.card-number": QT_TRANSLATE_NOOP("Messages", "An order ID must not hold a card number: use another one "
        "(press New for a fresh one)."),
    "schedule.interval": QT_TRANSLATE_NOOP("Messages", "interval must be between 1 and 30"),
    "schedule.day-required": QT_TRANSLATE_NOOP("Messages", "dayOfMonth is required for monthly and yearly payments"),
    "schedule.day-range": QT_TRANSLATE_NOOP("Messages", "dayOfMonth must be between 1 and 31"),
    "schedule.month-required": QT_TRANSLATE_NOOP("Messages", "monthOfYear is required for yearly payments"),
    "schedule.month-range": QT_TRANSLATE_NOOP("Messages", "monthOfYear must be between 1 and 12"),
    "schedule.time-zone": QT_TRANSLATE_NOOP("Messages", "times must carry a time zone"),
    # schedules in words (domain/schedule.describe_frequency)
    "every.day": QT_TRANSLATE_NOOP("Messages", "every day"),
    "every.days": QT_TRANSLATE_NOOP("Messages", "every {interval} days"),
    "every.month-day-or-last": QT_TRANSLATE_NOOP("Messages", "every month on day {day}, or the month's last day"),
    "every.months-day-or-last": QT_TRANSLATE_NOOP("Messages", "every {interval} months on day {day}, or the month's "
        "last day"),
    "every.month-day": QT_TRANSLATE_NOOP("Messages", "every month on day {day}"),
    "every.months-day": QT_TRANSLATE_NOOP("Messages", "every {interval} months on day {day}"),
    "every.month-same-day": QT_TRANSLATE_NOOP("Messages", "every month on the same day"),
    "every.months-same-day": QT_TRANSLATE_NOOP("Messages", "every {interval} months on the same day"),
    "every.year": QT_TRANSLATE_NOOP("Messages", "every year"),
    "every.years": QT_TRANSLATE_NOOP("Messages", "every {interval} years"),
    "every.year-on-or-last": QT_TRANSLATE_NOOP("Messages", "every year on {day} {month}, or the month's last day"),
    "every.years-on-or-last": QT_TRANSLATE_NOOP("Messages", "every {interval} years on {day} {month}, or the month's "
        "last day"),
    "every.year-on": QT_TRANSLATE_NOOP("Messages", "every year on {day} {month}"),
    "every.years-on": QT_TRANSLATE_NOOP("Messages", "every {interval} years on {day} {month}"),
    "month.1": QT_TRANSLATE_NOOP("Messages", "January"),
    "month.2": QT_TRANSLATE_NOOP("Messages", "February"),
    "month.3": QT_TRANSLATE_NOOP("Messages", "March"),
    "month.4": QT_TRANSLATE_NOOP("Messages", "April"),
    "month.5": QT_TRANSLATE_NOOP("Messages", "May"),
    "month.6": QT_TRANSLATE_NOOP("Messages", "June"),
    "month.7": QT_TRANSLATE_NOOP("Messages", "July"),
    "month.8": QT_TRANSLATE_NOOP("Messages", "August"),
    "month.9": QT_TRANSLATE_NOOP("Messages", "September"),
    "month.10": QT_TRANSLATE_NOOP("Messages", "October"),
    "month.11": QT_TRANSLATE_NOOP("Messages", "November"),
    "month.12": QT_TRANSLATE_NOOP("Messages", "December"),
    # subscriptions (services/subscriptions.py)
    "subscription.active": QT_TRANSLATE_NOOP("Messages", "Active"),
    "subscription.disabled": QT_TRANSLATE_NOOP("Messages", "Disabled"),
    "subscription.complete": QT_TRANSLATE_NOOP("Messages", "Complete"),
    "subscription.awaiting-owner": QT_TRANSLATE_NOOP("Messages", "Awaiting owner confirmation"),
    "subscription.awaiting-card": QT_TRANSLATE_NOOP("Messages", "Awaiting card save"),
    "subscription.means-active": QT_TRANSLATE_NOOP("Messages", "Active: payments will be taken on schedule."),
    "subscription.means-disabled": QT_TRANSLATE_NOOP("Messages", "Disabled: no payments will be taken until it is "
        "enabled again."),
    "subscription.means-complete": QT_TRANSLATE_NOOP("Messages", "Complete: every scheduled payment has been taken."),
    "subscription.means-awaiting-owner": QT_TRANSLATE_NOOP("Messages", "Waiting for the card owner to confirm by SMS; "
        "no payment is taken until they do."),
    "subscription.means-awaiting-card": QT_TRANSLATE_NOOP("Messages", "Waiting for the card to be saved; payments "
        "start once the card storage is complete."),
    "subscription.owner-must-confirm": QT_TRANSLATE_NOOP("Messages", "The card owner must confirm by SMS before any "
        "payment is taken."),
    "subscription.no-confirmation": QT_TRANSLATE_NOOP("Messages", "No confirmation is needed from the card owner."),
    "subscription.owner-id": QT_TRANSLATE_NOOP("Messages", "Card owner ID: {owner_id}"),
    "subscription.accepted": QT_TRANSLATE_NOOP("Messages", "The gateway accepted the request."),
    "subscription.status-unknown": QT_TRANSLATE_NOOP("Messages", "Status: unknown ({raw})."),
    "subscription.token-refused": QT_TRANSLATE_NOOP("Messages", "The gateway refused the recurring-payments token "
        "(401): check the token in Settings."),
    "subscription.not-allowed": QT_TRANSLATE_NOOP("Messages", "This token is not allowed to list subscriptions (403). "
        "Ask Klogs to enable the registered-payment API for this merchant."),
    "subscription.rate-limited-wait": QT_TRANSLATE_NOOP("Messages", "Too many requests to the gateway (429): wait "
        "{seconds} s and try again."),
    "subscription.rate-limited": QT_TRANSLATE_NOOP("Messages", "Too many requests to the gateway (429): wait a moment "
        "and try again."),
    "subscription.server-error": QT_TRANSLATE_NOOP("Messages", "The gateway had an internal error ({status}): try "
        "again in a few minutes."),
    "subscription.unreachable": QT_TRANSLATE_NOOP("Messages", "The gateway could not be reached. Check the network and "
        "try again."),
    "subscription.not-loaded": QT_TRANSLATE_NOOP("Messages", "The subscriptions could not be loaded."),
    # saved cards (services/saved_cards.py, the card-storage flow)
    "saved-card.choice": QT_TRANSLATE_NOOP("Messages", "{brand} •••• {last_four}, expires {expiry} — {owner}"),
    "saved-card.waiting": QT_TRANSLATE_NOOP("Messages", "Waiting for the card to be saved…"),
    "saved-card.waiting-sms": QT_TRANSLATE_NOOP("Messages", "The gateway sends the card owner a link to save their "
        "card. This window moves on by itself when the gateway says the card is saved."),
    "saved-card.training-link": QT_TRANSLATE_NOOP("Messages", "Training: give the customer this link, or let them "
        "scan the code, to save a test card."),
    "saved-card.saved": QT_TRANSLATE_NOOP("Messages", "Card saved: {card}. It is now offered in the subscription and "
        "payment-order forms."),
    "saved-card.stopped": QT_TRANSLATE_NOOP("Messages", "Stopped waiting. The card will still be offered once the "
        "gateway says it is saved."),
    "field.card-not-saved": QT_TRANSLATE_NOOP("Messages", "The gateway has no saved card with this ID: choose a saved "
        "card, or register the owner and let them save one."),
    "field.card-other-owner": QT_TRANSLATE_NOOP("Messages", "This card was saved by another card owner: choose one of "
        "this owner's cards."),
    "phone.international": QT_TRANSLATE_NOOP("Messages", "Enter the number in international form, starting with + and "
        "the country code (e.g. +905551234567)."),
    "phone.not-a-number": QT_TRANSLATE_NOOP("Messages", "This is not a phone number. Use the form +905551234567."),
    "phone.no-such-number": QT_TRANSLATE_NOOP("Messages", "No such phone number in that country: check the digits."),
    "field.uuid": QT_TRANSLATE_NOOP("Messages", "Enter the ID as a UUID (32 hex digits in groups 8-4-4-4-12)."),
    "field.email": QT_TRANSLATE_NOOP("Messages", "Enter an email address such as jane@example.com."),
    "field.required": QT_TRANSLATE_NOOP("Messages", "Required."),
    "field.at-most": QT_TRANSLATE_NOOP("Messages", "At most {limit}."),
    "field.at-most-characters": QT_TRANSLATE_NOOP("Messages", "At most {count} characters."),
    "field.at-least": QT_TRANSLATE_NOOP("Messages", "At least {limit}."),
    # the connection check and the credential store (environments.py, credentials.py)
    "check.payment-ok": QT_TRANSLATE_NOOP("Messages", "Payment API: reachable, API key and secret accepted."),
    "check.payment-refused": QT_TRANSLATE_NOOP("Messages", "Payment API: reachable, but the API key or secret was "
        "refused."),
    "check.payment-failed": QT_TRANSLATE_NOOP("Messages", "Payment API: {why}"),
    "check.payment-signed-ok": QT_TRANSLATE_NOOP("Messages", "Payment API: reachable, signed requests accepted "
        "(the secret was not sent)."),
    "check.payment-signed-refused": QT_TRANSLATE_NOOP("Messages", "Payment API: reachable, but it refused the "
        "signed requests."),
    "check.recurring-refused": QT_TRANSLATE_NOOP("Messages", "Subscriptions API: reachable, but the Bearer token was "
        "refused."),
    "check.recurring-failed": QT_TRANSLATE_NOOP("Messages", "Subscriptions API: {why}"),
    "check.recurring-ok": QT_TRANSLATE_NOOP("Messages", "Subscriptions API: reachable, Bearer token accepted."),
    "keyring.unavailable": QT_TRANSLATE_NOOP("Messages", "This computer has no password store (keyring), so the API "
        "credentials cannot be saved securely. Credentials can be kept for this session only: you will need to enter "
        "them again the next time the terminal starts."),
    # the Journal's CSV export (domain/journal_export.py): no file was written
    "export.unwritable": QT_TRANSLATE_NOOP("Messages", "Could not write {path}: {reason}. No file was written."),
    "export.unreadable": QT_TRANSLATE_NOOP("Messages", "The journal could not be read for the export ({reason}). "
        "No file was written."),
    "export.stopped": QT_TRANSLATE_NOOP("Messages", "The export stopped before it finished (exit status "
        "{status}). No file was written; the details are in the log."),
    # journal kinds and states, as parameters of the messages above
    "kind.sale": QT_TRANSLATE_NOOP("Messages", "sale"),
    "kind.sale_3ds": QT_TRANSLATE_NOOP("Messages", "3-D Secure sale"),
    "kind.preauth": QT_TRANSLATE_NOOP("Messages", "pre-authorization"),
    "kind.capture": QT_TRANSLATE_NOOP("Messages", "capture"),
    "kind.checkout": QT_TRANSLATE_NOOP("Messages", "checkout link"),
    "kind.void": QT_TRANSLATE_NOOP("Messages", "void"),
    "kind.refund": QT_TRANSLATE_NOOP("Messages", "refund"),
    "state.pending": QT_TRANSLATE_NOOP("Messages", "pending"),
    "state.approved": QT_TRANSLATE_NOOP("Messages", "approved"),
    "state.declined": QT_TRANSLATE_NOOP("Messages", "declined"),
    "state.error": QT_TRANSLATE_NOOP("Messages", "error — not charged"),
    "state.unknown": QT_TRANSLATE_NOOP("Messages", "outcome unknown"),
    "state.enrolled": QT_TRANSLATE_NOOP("Messages", "needs 3-D Secure"),
    "state.awaiting_customer": QT_TRANSLATE_NOOP("Messages", "waiting for customer"),
    "state.cancelled": QT_TRANSLATE_NOOP("Messages", "cancelled"),
    "state.not_charged": QT_TRANSLATE_NOOP("Messages", "not charged"),
    # the shop database (klogs_desk/shop)
    "shop.waiting": QT_TRANSLATE_NOOP("Messages", "shop database: {count} records waiting"),
    "shop.up-to-date": QT_TRANSLATE_NOOP("Messages", "shop database: up to date"),
    "shop.unreachable": QT_TRANSLATE_NOOP("Messages", "The shop database cannot be reached. Sales go on; "
        "this till's records are sent when it is back."),
    "shop.till-name-taken": QT_TRANSLATE_NOOP("Messages", "Another till already uses the name “{till}” in the "
        "shop database. Choose another till name in Settings."),
    "shop.schema-too-new": QT_TRANSLATE_NOOP("Messages", "The shop database was upgraded by a newer terminal "
        "(schema {version}). Update this terminal."),
    "shop.chain-broken": QT_TRANSLATE_NOOP("Messages", "The shop database's copy of till {till}'s audit trail "
        "does not match this till's. Nothing more is sent until a manager looks into it."),
    "shop.refunded-other-till": QT_TRANSLATE_NOOP("Messages", "Refunded {amount} of order {order_id}, a payment "
        "made at till {till}."),
    "shop.tills-silent": QT_TRANSLATE_NOOP("Messages", "Tills not heard from in the last {minutes} minutes: "
        "{tills}. Their latest records may be missing from this report."),
    "shop.tills-waiting": QT_TRANSLATE_NOOP("Messages", "Tills with records not yet in the shop database: {tills}. "
        "This report does not include them."),
    # Settings ▸ Shop database ▸ Test connection (klogs_desk/shop/check.py)
    "shop.test-ok": QT_TRANSLATE_NOOP("Messages", "The shop database answered: PostgreSQL {version}, database "
        "“{database}”, user “{user}”."),
    "shop.test-auth": QT_TRANSLATE_NOOP("Messages", "The shop database refused the user “{user}” or the "
        "password. Check both."),
    "shop.test-no-database": QT_TRANSLATE_NOOP("Messages", "The shop database server has no database named "
        "“{database}”."),
    "shop.test-tls": QT_TRANSLATE_NOOP("Messages", "The shop database server does not offer TLS, which a "
        "database on another computer needs."),
    "shop.test-unreachable": QT_TRANSLATE_NOOP("Messages", "Nothing answered at {host}, port {port}. Check the "
        "host, the port and the network."),
    "shop.test-failed": QT_TRANSLATE_NOOP("Messages", "The shop database did not accept the connection: "
        "{reason}"),
}

#: English text of the parameterless codes, for rows stored as English before codes (see :func:`from_stored`).
_PLAIN_CODES: dict[str, str] = {template: code for code, template in CATALOGUE.items()
                                if not placeholders(template)}
