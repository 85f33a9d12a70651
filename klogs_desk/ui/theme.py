"""Colours and the few style sheets the shell uses, kept in one place.

The environment marker must be impossible to mistake: production is a red bar with white bold text
that says real cards are charged; test is amber; the sandbox (training) is green. The words always
carry the meaning, colour only reinforces it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class EnvironmentStyle:
    #: English; shown through ``QCoreApplication.translate("Theme", text)`` (likewise ``description``).
    text: str
    background: str
    foreground: str
    #: Longer explanation, for the label's tooltip and accessible description.
    description: str


ENVIRONMENT_STYLES: dict[str, EnvironmentStyle] = {
    "sandbox": EnvironmentStyle(
        QT_TRANSLATE_NOOP("Theme", "SANDBOX"), "#2e7d32", "#ffffff",
        QT_TRANSLATE_NOOP("Theme", "Training mode: the built-in sandbox gateway. No real money moves.")),
    "test": EnvironmentStyle(
        QT_TRANSLATE_NOOP("Theme", "TEST"), "#f9a825", "#000000",
        QT_TRANSLATE_NOOP("Theme", "Klogs test gateway: test cards only, no real money moves.")),
    "production": EnvironmentStyle(
        QT_TRANSLATE_NOOP("Theme", "PRODUCTION — real cards are charged"), "#c62828", "#ffffff",
        QT_TRANSLATE_NOOP("Theme", "Live gateway: every approved payment charges a real card.")),
}

TRAINING_BANNER_STYLE = ("QLabel#trainingBanner { background: #fff3c4; color: #4a3b00; "
                         "border-bottom: 1px solid #d8c27a; padding: 6px 10px; font-weight: bold; }")

HEALTH_OK = "#2e7d32"
HEALTH_BAD = "#c62828"
HEALTH_UNKNOWN = "#616161"


def environment_style(environment: str) -> EnvironmentStyle:
    return ENVIRONMENT_STYLES[environment]


def environment_label_sheet(environment: str) -> str:
    """Style sheet for the status bar's ``environmentLabel``."""
    style = environment_style(environment)
    return (f"QLabel#environmentLabel {{ background: {style.background}; color: {style.foreground}; "
            f"font-weight: bold; padding: 2px 10px; border-radius: 3px; }}")
