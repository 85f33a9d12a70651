"""Every text the terminal shows has a Turkish translation, and the language setting picks the right one."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from klogs_desk import i18n

ROOT = Path(__file__).resolve().parent.parent
TURKISH_TS = ROOT / "resources" / "translations" / "klogs_desk_tr.ts"


def test_turkish_source_has_no_unfinished_or_empty_translation():
    missing = []
    for context in ET.parse(TURKISH_TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("unfinished",) or not "".join(translation.itertext()).strip():
                missing.append((context.findtext("name"), message.findtext("source")))
    assert missing == []


def test_placeholders_survive_translation():
    for message in ET.parse(TURKISH_TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        for token in ("{amount}", "{currency}", "{count}", "{field}", "{order_id}", "{url}"):
            assert (token in source) == (token in translation), (source, translation)


def test_sources_are_in_step_with_the_code():
    """Running the project's update command finds nothing new to translate (exit 0 with --check)."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (i18n.translations_dir() / "klogs_desk_tr.qm").stat().st_size > 1000


@pytest.mark.parametrize(("choice", "system", "expected"), [
    ("tr", "en_US", "tr"), ("en", "tr_TR", "en"), ("system", "tr_TR", "tr"), ("system", "en_GB", "en"),
    ("system", "de_DE", "en"),  # no German translation: English, never half-translated screens
])
def test_language_choice(choice, system, expected):
    assert i18n.resolve_language(choice, QLocale(system)) == expected


def test_install_turkish_translates_and_formats_then_english_restores(qapp):
    before = QLocale()
    try:
        assert i18n.install("tr", qapp) == "tr"
        assert QCoreApplication.translate("ResultPanel", "OUTCOME UNKNOWN") == "SONUÇ BİLİNMİYOR"
        assert QCoreApplication.translate("MainWindow", "&Sale") == "&Satış"
        assert QLocale().decimalPoint() == "," and QLocale().groupSeparator() == "."
        assert i18n.domain_message("TRY allows at most 2 decimal places.") == \
            "TRY en fazla 2 ondalık basamağa izin verir."
        i18n.install("en", qapp)
        assert QCoreApplication.translate("ResultPanel", "OUTCOME UNKNOWN") == "OUTCOME UNKNOWN"
        assert QLocale().decimalPoint() == "."
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(before)
