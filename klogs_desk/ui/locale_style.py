"""How a locale writes numbers: the one place the UI turns a ``QLocale`` into a separator style.

Every widget that parses or formats an amount asks :func:`number_style`; the rule for the characters
themselves (what a missing group separator becomes) is :func:`klogs_desk.domain.money.style_for`.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from ..domain.money import SeparatorStyle, style_for


def number_style(locale: QLocale | None = None) -> SeparatorStyle:
    """The decimal and group separators of ``locale`` (default: the application's); pass a widget's
    ``locale()`` for what that widget shows."""
    locale = locale if locale is not None else QLocale()
    return style_for(locale.decimalPoint(), locale.groupSeparator())
