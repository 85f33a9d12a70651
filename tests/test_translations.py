"""Every text the terminal shows has a Turkish translation, and the language setting picks the right one."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QToolButton,
    QWidget,
)

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


def test_turkish_connection_answers_use_the_settings_fields_words():
    """Settings' Test connection answers sit under the fields they are about: in Turkish they call the
    secret and the Bearer token what the fields' labels call them, and "reachable" one word throughout
    (they said "parolası", "Bearer anahtarı", "erişilebilir" next to "gizli anahtarı", "Bearer belirteci")."""
    answers = {message.findtext("source"): message.findtext("translation")
               for context in ET.parse(TURKISH_TS).getroot().iter("context")
               if context.findtext("name") == "Messages"
               for message in context.iter("message")
               if (message.findtext("source") or "").startswith(("Payment API: reachable",
                                                                 "Subscriptions API: reachable"))}
    assert len(answers) >= 4, answers
    for source, translation in answers.items():
        assert "ulaşılabilir" in translation and "erişilebilir" not in translation, (source, translation)
        if "secret" in source:
            assert "gizli anahtar" in translation and "parola" not in translation, (source, translation)
        if "Bearer token" in source:
            assert "Bearer belirteci" in translation, (source, translation)


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
        from klogs_desk.messages import msg
        from klogs_desk.ui.messages import render

        assert render(msg("amount.decimals", currency="TRY", digits=2)) == "TRY en fazla 2 ondalık basamağa izin verir."
        i18n.install("en", qapp)
        assert QCoreApplication.translate("ResultPanel", "OUTCOME UNKNOWN") == "OUTCOME UNKNOWN"
        assert QLocale().decimalPoint() == "."
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(before)


# --- the screens themselves, in Turkish ----------------------------------------------------------------

#: Texts that are the same in both languages: codes, brand names, numbers, addresses.
SAME_IN_TURKISH = re.compile(r"^(|[A-Z]{3}|CVV|3-D Secure|klogs-desk|Test|[\d\s.,:/%×=+\-–—₺$€…]*|https?://\S+|"
                             r"[0-9a-f\-]{8,}|ORD-[\w\-]+|[\w.\-]+@[\w.\-]+|Klogs.*|Fusion|MM/YY|AA/YY)$")


def _visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every label, button, group title, tab, placeholder and header under ``root``."""
    texts: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        where = f"{type(widget).__name__}#{widget.objectName()}"
        if widget.isWindow() and widget.windowTitle():
            texts.append((where + " title", widget.windowTitle()))
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
            texts.append((where, widget.text()))
        elif isinstance(widget, QAbstractButton) and not isinstance(widget, QToolButton):
            texts.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append((where, widget.title()))
        elif isinstance(widget, QTabWidget):
            texts += [(f"{where} tab {i}", widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            texts.append((where + " placeholder", widget.placeholderText()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts += [(f"{where} header {c}", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                      for c in range(model.columnCount())]
        if widget.accessibleName():
            texts.append((where + " accessible name", widget.accessibleName()))
    return texts


def _english_left(root: QWidget) -> list[tuple[str, str]]:
    """Texts still in English: equal to a source text of the .ts and not in the allow-list."""
    sources = {message.findtext("source") for message in ET.parse(TURKISH_TS).getroot().iter("message")}
    sources |= {source.replace("&", "") for source in sources}
    return [(where, text) for where, text in _visible_texts(root)
            if text.replace("&", "") in sources and not SAME_IN_TURKISH.match(text.replace("&", ""))]


@pytest.fixture
def turkish_window(qtbot, qapp, sandbox, tmp_path, memory_keyring, event_loop_qt):
    from klogs_desk.composition import build_main_window
    from klogs_desk.config import Config
    from klogs_desk.credentials import CredentialStore
    from klogs_desk.domain.journal import Journal
    from klogs_desk.services.context import AppServices
    from klogs_desk.ui.async_runner import RUNNER
    from tests.conftest import make_client

    before = QLocale()
    i18n.install("tr", qapp)
    journal = Journal(tmp_path / "journal.sqlite3")
    services = AppServices(client=make_client(sandbox), journal=journal, environment="sandbox",
                           sandbox_url=sandbox.url)
    window = build_main_window(services, config=Config(tmp_path / "settings.ini"), credentials=CredentialStore(),
                               sandbox_url=sandbox.url)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
        window.close()
        window.deleteLater()
        qtbot.wait(10)
        journal.close()
        i18n.uninstall(qapp)
        QLocale.setDefault(before)


def test_every_tab_of_the_main_window_speaks_turkish(qtbot, turkish_window):
    tabs = turkish_window.findChild(QTabWidget)
    english = []
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(20)
        english += [(tabs.tabText(index), where, text) for where, text in _english_left(tabs.widget(index))]
    english += [("window", where, text) for where, text in _english_left(turkish_window)
                if not any(where.startswith(w) for _, w, _ in english)]
    assert tabs.tabText(0) == "&Satış"
    assert english == []


def test_dialogs_opened_without_the_network_speak_turkish(qtbot, turkish_window):
    from klogs_desk.ui.about_dialog import AboutDialog, TestCardsDialog

    english = []
    for dialog in (AboutDialog(turkish_window), TestCardsDialog(turkish_window)):
        qtbot.addWidget(dialog)
        english += _english_left(dialog)
        assert dialog.windowTitle() not in ("About klogs-desk", "Sandbox test cards")
    assert english == []


def test_amounts_inside_service_messages_follow_the_locale(qapp):
    """Services hand up ``Money(Decimal("1234.50"), "TRY")``; a Turkish cashier reads ``1.234,50 ₺`` and an
    English one ``1,234.50 TRY``."""
    from decimal import Decimal

    from klogs_desk.messages import Money, msg
    from klogs_desk.ui.messages import render

    message = msg("trx.refunded", amount=Money(Decimal("1234.50"), "TRY"), order_id="KD-1",
                  left=Money(Decimal("65.50"), "TRY"))
    before = QLocale()
    try:
        i18n.install("tr", qapp)
        turkish = render(message)
        i18n.install("en", qapp)
        english = render(message)
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(before)
    assert "1.234,50 ₺" in turkish and "65,50 ₺" in turkish and "TRY" not in turkish
    assert english == "Refunded 1,234.50 TRY of KD-1; 65.50 TRY left."
