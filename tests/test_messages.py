"""Messages as codes: every code has its English template and a finished Turkish translation; messages
survive the journal's storage; the module stays free of Qt and HTTP."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from klogs_desk import i18n
from klogs_desk.messages import CATALOGUE, GatewayText, Message, Money, from_stored, msg, placeholders, to_stored

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "translations"
#: Codes whose template is only a placeholder: nothing to translate.
UNTRANSLATED = {code for code, template in CATALOGUE.items() if template.strip("{}").isidentifier()}


def messages_of(language: str) -> dict[str, ET.Element]:
    root = ET.parse(SOURCES / f"klogs_desk_{language}.ts").getroot()
    return {message.findtext("source"): message.find("translation")
            for context in root.iter("context") if context.findtext("name") == "Messages"
            for message in context.iter("message")}


@pytest.mark.parametrize("code", sorted(set(CATALOGUE) - UNTRANSLATED))
def test_every_code_has_an_english_template_and_a_finished_turkish_translation(code):
    template = CATALOGUE[code]
    assert template.strip(), f"{code} has no English template"
    assert template in messages_of("en"), f"{code}: lupdate did not collect its template (English .ts)"
    turkish = messages_of("tr").get(template)
    assert turkish is not None, f"{code}: not in the Turkish .ts"
    text = "".join(turkish.itertext())
    assert turkish.get("type") is None and text.strip(), f"{code}: Turkish translation unfinished"
    assert placeholders(text) == placeholders(template), (code, template, text)


def test_messages_round_trip_through_storage():
    message = msg("trx.refunded", amount=Money(Decimal("1234.50"), "TRY"), order_id="KD-1",
                  left=Money(Decimal("0.00"), "TRY"))
    nested = msg("lookup.cashier-verified", state=msg("state.not_charged"), note="customer left")
    gateway = msg("gateway.said", text=GatewayText.of("The issuer&#x27;s system failed"))
    for value in (message, nested, gateway, msg("client.rate-limited-wait", seconds=3)):
        assert from_stored(to_stored(value)) == value
    assert str(gateway) == "Gateway: The issuer's system failed"
    assert str(message) == "Refunded 1234.50 TRY of KD-1; 0.00 TRY left."


def test_rows_written_in_english_before_codes_are_read_as_codes_or_kept_as_text():
    assert from_stored("Refunded in full.") == msg("note.refunded-in-full")
    assert from_stored("The terminal stopped while this request was in flight.") == msg("note.stopped-in-flight")
    kept = from_stored("Refunded 10.00 TRY; 5.00 TRY left.")  # had values in it: shown as it was stored
    assert kept.code == "stored.text" and str(kept) == "Refunded 10.00 TRY; 5.00 TRY left."
    assert from_stored("{not json") == msg("stored.text", text="{not json")
    assert from_stored(None) is None and to_stored("Do not honour") == "Do not honour"


def test_unknown_codes_are_refused():
    with pytest.raises(KeyError):
        Message("no.such.code")


def test_the_message_module_imports_no_qt_and_no_http():
    code = ("import sys, klogs_desk.messages; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'httpx', 'shiboken6') "
            "or m.startswith('klogs_desk.ui')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_render_uses_the_cashiers_language_and_locale(qapp):
    from klogs_desk.ui.messages import render

    message = msg("trx.refunded", amount=Money(Decimal("1234.50"), "TRY"), order_id="KD-1",
                  left=Money(Decimal("65.50"), "TRY"))
    verified = msg("lookup.cashier-verified", state=msg("state.approved"), note="ok")
    before = QLocale()
    try:
        i18n.install("tr", qapp)
        turkish, turkish_nested = render(message), render(verified)
        i18n.install("en", qapp)
        english = render(message)
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(before)
    assert turkish == "KD-1 işleminden 1.234,50 ₺ iade edildi; 65,50 ₺ kaldı."
    assert turkish_nested == "kasiyer doğruladı: onaylandı — ok"
    assert english == "Refunded 1,234.50 TRY of KD-1; 65.50 TRY left."
