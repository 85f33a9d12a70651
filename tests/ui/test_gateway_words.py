"""The gateway's result and status words ("Successful", "Insufficient funds", a transaction's "Success") read in
the cashier's language wherever they are shown; the journal keeps them as the gateway sent them, and a word
the terminal does not know is shown as it came.

The Turkish of these words waits in resources/translations/pending/ until it is merged into the .ts files, so
these tests install a translator of their own for the ``GatewayWords`` context: what they check is that the
screens ask Qt for the word's translation, and show the gateway's word as it came when it is not a known one.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from klogs_desk.api.models import TransactionStatus, TransactionType
from klogs_desk.api.unknown import unrecognized
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.messages import GatewayText, english, msg
from klogs_desk.services.payments import OutcomeState, PaymentOutcome
from klogs_desk.shop.server import ShopEntry
from klogs_desk.ui.answer_text import answer_text
from klogs_desk.ui.journal_model import JournalColumn, JournalTableModel
from klogs_desk.ui.messages import render
from klogs_desk.ui.result_panel import ResultPanel
from klogs_desk.ui.shop_journal_model import ShopColumn, ShopJournalModel
from klogs_desk.ui.transaction_dialogs import details_html

TURKISH = {"Successful": "Başarılı", "Insufficient funds": "Yetersiz bakiye", "Success": "Başarılı",
           "Refund": "İade"}


class GatewayWordsInTurkish(QTranslator):
    """Turkish for a few words of the ``GatewayWords`` context, nothing else."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]  # noqa: ARG002
        return TURKISH.get(source) if context == "GatewayWords" else None  # None: not translated here


@pytest.fixture
def gateway_turkish(qapp):
    translator = GatewayWordsInTurkish()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def rows(tmp_path):
    """An approved sale, a declined one and one with a word this terminal does not know, written as the payment
    service writes the gateway's ``resultMessage``: its words as sent."""
    journal = Journal(tmp_path / "journal.sqlite3")
    written = []
    for reference, state, words in (("GW-1", EntryState.APPROVED, "Successful"),
                                    ("GW-2", EntryState.DECLINED, "Insufficient funds"),
                                    ("GW-3", EntryState.DECLINED, "Card blocked by issuer")):
        row = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=reference,
                                     amount=Decimal("10.00"), currency="TRY")
        written.append(journal.record_outcome(row.id, state, result_code="X", result_message=words))
    yield journal, written
    journal.close()


def test_the_journal_shows_the_gateways_words_translated_and_keeps_them_as_sent(gateway_turkish, rows):
    journal, written = rows
    model = JournalTableModel()
    model.set_entries(written)
    assert [model.index(row, JournalColumn.RESULT).data() for row in range(3)] == [
        "Başarılı", "Yetersiz bakiye", "Card blocked by issuer"]
    # The journal is the gateway's record: what it stores and exports is the word as sent.
    assert [english(journal.get(row.id).result_message) for row in written] == [
        "Successful", "Insufficient funds", "Card blocked by issuer"]

    shop = ShopJournalModel()
    shop.set_rows([ShopEntry(till="Kasa 2", entry=row) for row in written], {})
    assert shop.index(0, ShopColumn.RESULT).data() == "Başarılı"
    assert "<b>Başarılı</b>" in details_html(written[0], None, None, [])


def test_the_result_panel_shows_the_code_as_sent_and_the_word_translated(qtbot, gateway_turkish):
    panel = ResultPanel("gatewayWordsResult")
    qtbot.addWidget(panel)
    panel.show()
    panel.show_outcome(PaymentOutcome(state=OutcomeState.APPROVED, order_id="GW-4", amount=Decimal("10.00"),
                                      currency="TRY", msg=msg("payment.approved"), result_code="SUCCESS",
                                      result_message="Successful"))
    assert panel.detail("Gateway result") == "SUCCESS — Başarılı"


def test_a_decline_reason_inside_a_sentence_is_translated_when_known(gateway_turkish):
    assert "Yetersiz bakiye" in render(msg("payment.declined-because", why=GatewayText("Insufficient funds")))
    assert "Card blocked" in render(msg("payment.declined-because", why=GatewayText("Card blocked")))


def test_a_transactions_status_and_type_read_translated_and_an_unknown_one_as_it_came(gateway_turkish):
    assert answer_text(TransactionStatus.SUCCESS) == "Başarılı"
    assert answer_text(TransactionType.REFUND) == "İade"
    assert "Chargeback" in answer_text(unrecognized(TransactionType, "Chargeback"))
