"""number_style, the one place the UI reads a locale's decimal and group separators."""

from __future__ import annotations

import pathlib
import re

from PySide6.QtCore import QLocale

from klogs_desk.domain import money
from klogs_desk.ui.locale_style import number_style

PACKAGE = pathlib.Path(__file__).resolve().parents[2] / "klogs_desk"


def test_turkish_and_english_separators():
    assert number_style(QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey)) == money.TURKISH
    assert number_style(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == money.ENGLISH


def test_no_argument_means_the_application_locale():
    assert number_style() == number_style(QLocale())


def test_no_other_module_reads_separators_from_a_locale():
    readers = sorted(path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
                     if re.search(r"\.(decimalPoint|groupSeparator)\(", path.read_text(encoding="utf-8")))
    assert readers == ["ui/locale_style.py"]
