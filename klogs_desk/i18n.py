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

Messages from the layers below the UI are codes (:mod:`klogs_desk.messages`), rendered in the installed
language by :func:`klogs_desk.ui.messages.render`; nothing here translates by matching English text.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

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


__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "install", "locale_for", "resolve_language", "translations_dir",
           "uninstall"]
