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

log = logging.getLogger(__name__)

#: Languages with a translation, default first.
LANGUAGES: tuple[str, ...] = ("en", "tr")
DEFAULT_LANGUAGE = "en"

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


__all__ = ["domain_message", "DEFAULT_LANGUAGE", "LANGUAGES", "install", "locale_for", "resolve_language", "translations_dir",
           "uninstall"]
