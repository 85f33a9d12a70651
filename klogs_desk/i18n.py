"""The terminal's language: which translation is installed and which locale formats numbers and dates.

Contract:

* :func:`resolve_language` turns the Settings choice (``config.language``: ``system``, ``en`` or ``tr``)
  into a language the terminal speaks. ``system`` follows the system locale and falls back to English
  for any language without a translation (a German system gets English, not half-translated screens).
* :func:`install` installs the terminal's translator (``klogs_desk_<lang>.qm``) and Qt's own
  (``qtbase_<lang>.qm``, for the Yes/No/Cancel of standard dialogs) on the application, removing the
  ones it installed before, and makes the matching :class:`QLocale` the default. Every widget created
  afterwards reads amounts and dates in that locale (``widget.locale()``): Turkish shows ``1.234,56``
  and :func:`klogs_desk.domain.money.parse_amount` is given the locale's separators, so a Turkish
  ``1.234`` is one thousand two hundred and thirty-four, never one point two. The wire format stays JSON
  numbers whatever the locale.
* A language chosen in Settings applies after a restart: widgets translate their texts when they are
  built, and re-building every open screen while a payment may be in flight is not worth the risk.
  :func:`install` may still be called at any time (tests do) and affects widgets built afterwards.

The compiled ``.qm`` files live in ``klogs_desk/resources/translations/`` (package data, bundled by
PyInstaller from the same place); their sources, ``resources/translations/*.ts``, are refreshed by
``scripts/update_translations.py``.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .config import TRANSLATED_LANGUAGES

log = logging.getLogger(__name__)

#: Languages with a translation, default first (declared in :mod:`klogs_desk.config`).
LANGUAGES: tuple[str, ...] = TRANSLATED_LANGUAGES
DEFAULT_LANGUAGE = TRANSLATED_LANGUAGES[0]

#: The locale that formats numbers and dates for each language.
LOCALES: dict[str, tuple[QLocale.Language, QLocale.Country]] = {
    "en": (QLocale.Language.English, QLocale.Country.UnitedStates),
    "tr": (QLocale.Language.Turkish, QLocale.Country.Turkey),
}

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """Where the compiled ``.qm`` files are: next to this package, installed or in a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        bundled = Path(bundle) / "klogs_desk" / "resources" / "translations"
        if bundled.is_dir():
            return bundled
    return Path(__file__).resolve().parent / "resources" / "translations"


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """The language to use for a Settings ``choice`` (``system``, ``en`` or ``tr``)."""
    if choice in LANGUAGES:
        return choice
    system = system if system is not None else QLocale.system()
    code = QLocale.languageToCode(system.language()).lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def locale_for(language: str) -> QLocale:
    spoken, country = LOCALES.get(language, LOCALES[DEFAULT_LANGUAGE])
    return QLocale(spoken, country)


def install(choice: str = "system", app: QCoreApplication | None = None) -> str:
    """Install the translators and default locale for ``choice``; returns the language used.

    English needs no terminal translator (the source texts are English) but still sets the English
    locale, so a Turkish system with English chosen shows ``1,234.56``.
    """
    app = app or QCoreApplication.instance()
    language = resolve_language(choice)
    uninstall(app)
    QLocale.setDefault(locale_for(language))
    if app is None:
        return language
    if language != DEFAULT_LANGUAGE:
        for name, folder in (("klogs_desk", translations_dir()),
                             ("qtbase", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))):
            translator = QTranslator(app)
            if translator.load(f"{name}_{language}", str(folder)):
                app.installTranslator(translator)
                _installed.append(translator)
            elif name == "klogs_desk":  # a broken install: say so in the log, carry on in English
                log.error("translation %s_%s.qm not found in %s", name, language, folder)
    log.info("language %s (setting %r)", language, choice)
    return language


def uninstall(app: QCoreApplication | None = None) -> None:
    """Remove the translators :func:`install` added (back to English texts)."""
    app = app or QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)


#: Messages of ``domain/`` (which never imports Qt), listed here so lupdate collects them. Messages with a
#: value in them are matched by the patterns below and translated with the value put back.
_DOMAIN_CONTEXT = "DomainMessages"
_DOMAIN_MESSAGES = (
    QT_TRANSLATE_NOOP("DomainMessages", "Enter the card number."),
    QT_TRANSLATE_NOOP("DomainMessages", "The card number has only digits."),
    QT_TRANSLATE_NOOP("DomainMessages", "The card number is too short or too long."),
    QT_TRANSLATE_NOOP("DomainMessages", "The card number is not valid (check digit). Check it was typed right."),
    QT_TRANSLATE_NOOP("DomainMessages", "Enter the expiry as MM/YY."),
    QT_TRANSLATE_NOOP("DomainMessages", "The expiry month is 01 to 12."),
    QT_TRANSLATE_NOOP("DomainMessages", "The card has expired."),
    QT_TRANSLATE_NOOP("DomainMessages", "The expiry year is too far ahead."),
    QT_TRANSLATE_NOOP("DomainMessages", "Enter the security code (CVV)."),
    QT_TRANSLATE_NOOP("DomainMessages", "Enter the card holder's name."),
    QT_TRANSLATE_NOOP("DomainMessages", "The name is at most 100 characters."),
    QT_TRANSLATE_NOOP("DomainMessages", "The name has letters only."),
    QT_TRANSLATE_NOOP("DomainMessages", "Enter an amount."),
    QT_TRANSLATE_NOOP("DomainMessages", "The amount must be greater than zero."),
    QT_TRANSLATE_NOOP("DomainMessages", "Use digits and one decimal separator only."),
    QT_TRANSLATE_NOOP("DomainMessages", "That is not an amount."),
    QT_TRANSLATE_NOOP("DomainMessages", "Use one decimal separator only."),
    QT_TRANSLATE_NOOP("DomainMessages", "Thousands separators must group digits in threes."),
    QT_TRANSLATE_NOOP("DomainMessages", "Enter an order ID (press New for a fresh one)."),
    QT_TRANSLATE_NOOP("DomainMessages", "The order ID is at most 64 characters."),
    QT_TRANSLATE_NOOP("DomainMessages",
                      "Use letters, digits and - _ . / only, starting with a letter or digit."),
)
_DOMAIN_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"A (?P<brand>.+) card number has (?P<lengths>.+) digits\."),
     QT_TRANSLATE_NOOP("DomainMessages", "A {brand} card number has {lengths} digits.")),
    (re.compile(r"The security code has (?P<count>\d+) digits for this card\."),
     QT_TRANSLATE_NOOP("DomainMessages", "The security code has {count} digits for this card.")),
    (re.compile(r"(?P<currency>[A-Z]{3}) has no decimal places\."),
     QT_TRANSLATE_NOOP("DomainMessages", "{currency} has no decimal places.")),
    (re.compile(r"(?P<currency>[A-Z]{3}) allows at most (?P<digits>\d+) decimal places\."),
     QT_TRANSLATE_NOOP("DomainMessages", "{currency} allows at most {digits} decimal places.")),
    (re.compile(r"The amount is over the limit of (?P<limit>[\d.]+)\."),
     QT_TRANSLATE_NOOP("DomainMessages", "The amount is over the limit of {limit}.")),
    (re.compile(r"Unknown currency (?P<currency>.+)\."),
     QT_TRANSLATE_NOOP("DomainMessages", "Unknown currency {currency}.")),
)


def domain_message(text: str) -> str:
    """A cashier message raised by ``domain/`` (``str(AmountError)``...) in the installed language.

    Unknown texts come back unchanged: an untranslated sentence is better than none.
    """
    translated = QCoreApplication.translate(_DOMAIN_CONTEXT, text)
    if translated != text:
        return translated
    for pattern, template in _DOMAIN_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return QCoreApplication.translate(_DOMAIN_CONTEXT, template).format(**match.groupdict())
    return text


#: Messages of ``services/``, ``environments.py`` and ``api/`` shown to the cashier. Those layers never import
#: Qt, so they keep writing plain English sentences; the texts are listed here (lupdate collects
#: ``QT_TRANSLATE_NOOP``) and :func:`cashier_message` translates them where a widget shows them. A text with
#: ``{name}`` is a template: it matches the finished sentence with any value in that place, and the value is
#: put back into the translation (itself translated when it is a known message: ``{message}``, ``{why}``...).
#: A sentence not listed here is shown in English: better untranslated than missing.
_SERVICE_CONTEXT = "ServiceMessages"
_SERVICE_MESSAGES = (
    # payments, 3-D Secure
    QT_TRANSLATE_NOOP("ServiceMessages", "Approved."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Domestic"),
    QT_TRANSLATE_NOOP("ServiceMessages", "International"),
    QT_TRANSLATE_NOOP("ServiceMessages", "Start the next sale."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Declined by the card issuer. Nothing was charged."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Ask for another card or another way to pay."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This card needs 3-D Secure. Nothing was charged."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Pay with 3-D Secure: the card holder confirms on their phone or bank page."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway answered with status {status}."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Declined: {why}. Nothing was charged."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The payment may or may not have gone through."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "The gateway's answer could not be read. The payment may or may not have gone through."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Do not charge again. Check the Journal — it will be resolved with the gateway."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The payment was not sent: {errors}"),
    QT_TRANSLATE_NOOP("ServiceMessages", "Correct the marked fields and press Pay again."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Order ID {order_id} was already sent. Nothing was sent now."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Press New for a fresh order ID, or check the Journal for that order."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Check this environment's credentials in Settings, then press Pay again (same order ID)."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Wait, then press Pay again (same order ID)."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Check the network, then press Pay again (same order ID)."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "You can press Pay again: the same order ID is kept, so it cannot charge twice."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only a pre-authorization can be captured."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Pre-authorization {order_id} was not approved; nothing to capture."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Pre-authorization {order_id} was already captured."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "A capture of {order_id} has no known outcome yet. Resolve it in the Journal first."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The capture amount must be greater than zero."),
    QT_TRANSLATE_NOOP("ServiceMessages", "At most {amount} {currency} can be captured."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Order ID {order_id} was already sent with 3-D Secure. Nothing was sent now."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Press New for a fresh order ID, or check the Journal."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The 3-D Secure request was sent but its answer was lost."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Not charged. {message}"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "To try again, pay with 3-D Secure under a new order ID, or take another card."),
    QT_TRANSLATE_NOOP("ServiceMessages", "3-D Secure could not start: {why}. Nothing was charged."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The card holder did not finish authentication in time."),
    QT_TRANSLATE_NOOP("ServiceMessages", "3-D Secure was cancelled."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The card holder's authentication failed. Nothing was charged."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Declined: the card holder's authentication failed. Nothing was charged."),
    QT_TRANSLATE_NOOP("ServiceMessages", "{why} Cancelled — nothing charged."),
    # checkout links
    QT_TRANSLATE_NOOP("ServiceMessages", "creating…"),
    QT_TRANSLATE_NOOP("ServiceMessages", "awaiting payment"),
    QT_TRANSLATE_NOOP("ServiceMessages", "PAID"),
    QT_TRANSLATE_NOOP("ServiceMessages", "FAILED"),
    QT_TRANSLATE_NOOP("ServiceMessages", "not known — create again"),
    QT_TRANSLATE_NOOP("ServiceMessages", "not created"),
    QT_TRANSLATE_NOOP("ServiceMessages", "cancelled"),
    QT_TRANSLATE_NOOP("ServiceMessages", "The customer paid this link."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Hand over the goods; the payment is in the Journal."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Declined. Nothing was charged."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "The link is used up: create a new link (new order ID) or take another way to pay."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The link was not created: {errors}"),
    QT_TRANSLATE_NOOP("ServiceMessages", "Order ID {order_id} already has a link for {amount} {currency}. "
                      "Nothing was sent. Press New for a fresh order ID."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Order {order_id} already has this link. Nothing was sent."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "A link for order {order_id} is being created right now. Nothing was sent."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Order ID {order_id} was just used. Nothing was sent. Press New for a fresh order ID."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The link was requested but the answer was lost. Press Create link "
                      "again: the same order ID brings back the same link if it was made."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Link created. Show the QR code or send the link to the customer."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Could not ask the gateway: {message}"),
    # void, refund
    QT_TRANSLATE_NOOP("ServiceMessages", "Payment {order_id} was already voided."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Nothing is left to refund on {order_id}."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The refund amount is not a number."),
    QT_TRANSLATE_NOOP("ServiceMessages", "At most {amount} {currency} can still be refunded."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Payment {order_id} was refunded (in part or in full); it can only be "
                      "refunded further, not voided."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Pre-authorization {order_id} was never captured: nothing was taken to "
                      "refund. Void it to release the hold."),
    QT_TRANSLATE_NOOP("ServiceMessages", "A {kind} cannot be voided. Select the payment itself."),
    QT_TRANSLATE_NOOP("ServiceMessages", "A {kind} cannot be refunded. Select the payment itself."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Payment {order_id} has no known outcome yet: it cannot be voided."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Payment {order_id} has no known outcome yet: it cannot be refunded."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Payment {order_id} is {state}: it cannot be voided."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Payment {order_id} is {state}: it cannot be refunded."),
    QT_TRANSLATE_NOOP("ServiceMessages", "A {kind} of {order_id} has no known outcome yet. Wait until the Journal "
                      "resolves it (or check it with Details) before sending another."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The void was sent but no answer came back. Do not send it again: the "
                      "Journal checks it with the gateway and shows the outcome."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The refund was sent but no answer came back. Do not send it again: the "
                      "Journal checks it with the gateway and shows the outcome."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "The gateway's answer to the void could not be read. The Journal checks it with the gateway."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "The gateway's answer to the refund could not be read. The Journal checks it with the gateway."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway refused the void."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway refused the refund."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Void done."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Refund done."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Voided {amount} {currency} of {order_id}."),
    # {left_currency}: a template names each value once (it is the same currency as {currency}).
    QT_TRANSLATE_NOOP("ServiceMessages", "Refunded {amount} {currency} of {order_id}; {left} {left_currency} left."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway has no payment with this order ID: nothing was done."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Capture done."),
    # the journal's notes and the reconciler's resolutions ({stamp}: local time, the Journal shows them as written)
    QT_TRANSLATE_NOOP("ServiceMessages", "The terminal stopped while this request was in flight."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The terminal failed while this request was in flight."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Voided with its pre-authorization."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Retried after: {message}"),
    QT_TRANSLATE_NOOP("ServiceMessages", "gateway lookup: approved ({stamp})"),
    QT_TRANSLATE_NOOP("ServiceMessages", "gateway lookup: declined, nothing charged ({stamp})"),
    QT_TRANSLATE_NOOP("ServiceMessages", "gateway lookup: void done ({stamp})"),
    QT_TRANSLATE_NOOP("ServiceMessages", "gateway lookup: refund done ({stamp})"),
    QT_TRANSLATE_NOOP("ServiceMessages", "gateway lookup: capture done ({stamp})"),
    QT_TRANSLATE_NOOP("ServiceMessages", "gateway lookup: no void recorded — nothing was done ({stamp})"),
    QT_TRANSLATE_NOOP("ServiceMessages", "gateway lookup: no refund recorded — nothing was done ({stamp})"),
    QT_TRANSLATE_NOOP("ServiceMessages", "gateway lookup: no capture recorded — nothing was done ({stamp})"),
    QT_TRANSLATE_NOOP("ServiceMessages", "gateway lookup: no such payment — no void was done ({stamp})"),
    QT_TRANSLATE_NOOP("ServiceMessages", "gateway lookup: no such payment — no refund was done ({stamp})"),
    QT_TRANSLATE_NOOP("ServiceMessages", "gateway lookup: no such payment — no capture was done ({stamp})"),
    QT_TRANSLATE_NOOP("ServiceMessages", "not charged — safe to charge again with a new order ID ({stamp})"),
    QT_TRANSLATE_NOOP("ServiceMessages", "cashier verified: {state} — {note}"),
    # subscriptions
    QT_TRANSLATE_NOOP("ServiceMessages", "This token is not allowed to list subscriptions (403). Ask Klogs to "
                      "enable the registered-payment API for this merchant."),
    QT_TRANSLATE_NOOP("ServiceMessages", "interval must be between 1 and 30"),
    QT_TRANSLATE_NOOP("ServiceMessages", "dayOfMonth is required for monthly and yearly payments"),
    QT_TRANSLATE_NOOP("ServiceMessages", "dayOfMonth must be between 1 and 31"),
    QT_TRANSLATE_NOOP("ServiceMessages", "monthOfYear is required for yearly payments"),
    QT_TRANSLATE_NOOP("ServiceMessages", "monthOfYear must be between 1 and 12"),
    # domain.schedule.describe_frequency; a longer template before the shorter one it also fits
    QT_TRANSLATE_NOOP("ServiceMessages", "every day"),
    QT_TRANSLATE_NOOP("ServiceMessages", "every {interval} days"),
    QT_TRANSLATE_NOOP("ServiceMessages", "every month on day {day}, or the month's last day"),
    QT_TRANSLATE_NOOP("ServiceMessages", "every {interval} months on day {day}, or the month's last day"),
    QT_TRANSLATE_NOOP("ServiceMessages", "every month on day {day}"),
    QT_TRANSLATE_NOOP("ServiceMessages", "every {interval} months on day {day}"),
    QT_TRANSLATE_NOOP("ServiceMessages", "every month on the same day"),
    QT_TRANSLATE_NOOP("ServiceMessages", "every {interval} months on the same day"),
    QT_TRANSLATE_NOOP("ServiceMessages", "every year"),
    QT_TRANSLATE_NOOP("ServiceMessages", "every {interval} years"),
    QT_TRANSLATE_NOOP("ServiceMessages", "every year on {day} {month}, or the month's last day"),
    QT_TRANSLATE_NOOP("ServiceMessages", "every {interval} years on {day} {month}, or the month's last day"),
    QT_TRANSLATE_NOOP("ServiceMessages", "every year on {day} {month}"),
    QT_TRANSLATE_NOOP("ServiceMessages", "every {interval} years on {day} {month}"),
    QT_TRANSLATE_NOOP("ServiceMessages", "January"),
    QT_TRANSLATE_NOOP("ServiceMessages", "February"),
    QT_TRANSLATE_NOOP("ServiceMessages", "March"),
    QT_TRANSLATE_NOOP("ServiceMessages", "April"),
    QT_TRANSLATE_NOOP("ServiceMessages", "May"),
    QT_TRANSLATE_NOOP("ServiceMessages", "June"),
    QT_TRANSLATE_NOOP("ServiceMessages", "July"),
    QT_TRANSLATE_NOOP("ServiceMessages", "August"),
    QT_TRANSLATE_NOOP("ServiceMessages", "September"),
    QT_TRANSLATE_NOOP("ServiceMessages", "October"),
    QT_TRANSLATE_NOOP("ServiceMessages", "November"),
    QT_TRANSLATE_NOOP("ServiceMessages", "December"),
    # subscriptions
    QT_TRANSLATE_NOOP("ServiceMessages", "Active"),
    QT_TRANSLATE_NOOP("ServiceMessages", "Disabled"),
    QT_TRANSLATE_NOOP("ServiceMessages", "Complete"),
    QT_TRANSLATE_NOOP("ServiceMessages", "Waiting for the card owner to confirm by SMS; no payment is taken "
                      "until they do."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Waiting for the card to be saved; payments start once the card "
                      "storage is complete."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Enter the number in international form, starting with + and the "
                      "country code (e.g. +905551234567)."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Awaiting owner confirmation"),
    QT_TRANSLATE_NOOP("ServiceMessages", "Awaiting card save"),
    QT_TRANSLATE_NOOP("ServiceMessages", "Active: payments will be taken on schedule."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Disabled: no payments will be taken until it is enabled again."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Complete: every scheduled payment has been taken."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The card owner must confirm by SMS before any payment is taken."),
    QT_TRANSLATE_NOOP("ServiceMessages", "No confirmation is needed from the card owner."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Card owner ID: {owner_id}"),
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway accepted the request."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "The gateway refused the recurring-payments token (401): check the token in Settings."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Too many requests to the gateway (429): wait {seconds} s and try again."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Too many requests to the gateway (429): wait a moment and try again."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "The gateway had an internal error ({status}): try again in a few minutes."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway could not be reached. Check the network and try again."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The subscriptions could not be loaded."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This is not a phone number. Use the form +905551234567."),
    QT_TRANSLATE_NOOP("ServiceMessages", "No such phone number in that country: check the digits."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Enter the ID as a UUID (32 hex digits in groups 8-4-4-4-12)."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Enter an email address such as jane@example.com."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "At most {limit}."),
    QT_TRANSLATE_NOOP("ServiceMessages", "At least {limit}."),
    # the client (api/client.py) and the environments' checks
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway address for this environment is not usable. Nothing was "
                      "sent; check the address in Settings."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway answered with a body this terminal cannot read."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "The gateway could not be reached. Nothing was sent; check the network and try again."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway did not answer in time. Nothing was charged; try again."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway refused the request as invalid."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway has no such record."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway refused this now."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway is receiving too many requests. Wait {seconds} s and try "
                      "again."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "The gateway is receiving too many requests. Wait a moment and try again."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The gateway answered {status}."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Sandbox (training)"),
    QT_TRANSLATE_NOOP("ServiceMessages", "Test"),
    QT_TRANSLATE_NOOP("ServiceMessages", "Production"),
    QT_TRANSLATE_NOOP("ServiceMessages", "The training sandbox did not start in time."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The training sandbox could not start."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Payment API: reachable, API key and secret accepted."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Payment API: reachable, but the API key or secret was refused."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Payment API: {message}"),
    QT_TRANSLATE_NOOP("ServiceMessages", "Subscriptions API: reachable, but the Bearer token was refused."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Subscriptions API: {message}"),
    QT_TRANSLATE_NOOP("ServiceMessages", "Subscriptions API: reachable, Bearer token accepted."),
)
_TEMPLATE_FIELD = re.compile(r"\{(\w+)\}")
#: Values that are themselves cashier messages and are translated before being put back.
_NESTED_FIELDS = frozenset({"message", "why", "errors", "month"})


def _pattern_of(template: str) -> re.Pattern[str]:
    parts, last = [], 0
    for field in _TEMPLATE_FIELD.finditer(template):
        parts += [re.escape(template[last:field.start()]), f"(?P<{field.group(1)}>.+?)"]
        last = field.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts), re.DOTALL)


_SERVICE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (_pattern_of(template), template) for template in _SERVICE_MESSAGES if _TEMPLATE_FIELD.search(template))


def cashier_message(text: str | None) -> str:
    """Any message the layers below the UI wrote for the cashier (``domain/``, ``services/``, ``api/``,
    ``environments.py``), in the installed language; unknown texts come back unchanged, ``None`` as ``""``."""
    if not text:
        return ""
    translated = domain_message(text)
    if translated != text:
        return translated
    translated = QCoreApplication.translate(_SERVICE_CONTEXT, text)
    if translated != text:
        return translated
    for pattern, template in _SERVICE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            values = {name: cashier_message(value) if name in _NESTED_FIELDS else value
                      for name, value in match.groupdict().items()}
            for amount_field, currency_field in _MONEY_FIELDS:
                if amount_field in values and currency_field in values:
                    values[amount_field], values[currency_field] = _local_money(
                        values[amount_field], values[currency_field])
            return QCoreApplication.translate(_SERVICE_CONTEXT, template).format(**values)
    return text


#: Template fields that hold an amount and its currency: services write them locale-free (``10.00 TRY``);
#: the cashier reads them in the chosen locale (``10,00 ₺``).
_MONEY_FIELDS = (("amount", "currency"), ("left", "left_currency"))


def _local_money(amount: str, currency: str) -> tuple[str, str]:
    from decimal import Decimal, InvalidOperation

    from .ui.money_text import money_text

    try:
        value = Decimal(amount)
    except InvalidOperation:
        return amount, currency
    number, _, unit = money_text(value, currency).rpartition(" ")
    return (number, unit) if number else (amount, currency)


__all__ = ["cashier_message", "domain_message", "DEFAULT_LANGUAGE", "LANGUAGES", "install", "locale_for", "resolve_language", "translations_dir",
           "uninstall"]
