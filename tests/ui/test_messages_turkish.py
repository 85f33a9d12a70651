"""Under Turkish, the messages of the layers below the UI (client, services, journal) reach the screen in
Turkish: a 401, a 5xx, a timeout (outcome unknown), a duplicate order ID and a full refund, each run against
the real sandbox over loopback. Only the gateway's own words may stay as it wrote them, labelled
"Ödeme geçidi: …" and with its HTML entities decoded."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from klogs_desk.api.client import Credentials, Endpoints, KlogsClient
from klogs_desk.domain.journal import Journal
from klogs_desk.domain.operators import OperatorStore
from klogs_desk.domain.orders import new_order_id
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState, PaymentService
from klogs_desk.services.staff import StaffService
from klogs_desk.services.transactions import TransactionOutcomeState
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.journal_model import JournalColumn
from klogs_desk.ui.journal_tab import JournalTab
from klogs_desk.ui.sale_tab import SaleTab
from klogs_desk.ui.transaction_dialogs import TransactionActions, details_html
from tests.conftest import make_client

FUTURE_YY = f"{(dt.date.today().year + 3) % 100:02d}"
APPROVE = "4111111111111111"
SERVER_ERROR = "4000000000000119"
NEVER_ANSWERS = "4000000000000341"
#: What the sandbox's issuer says for the gateway-error card: the gateway's own words, shown as sent.
ISSUER_WORDS = "The issuer's system failed (sandbox gateway-error card). Nothing was charged."

#: Words and sentences of the terminal's English messages: none may be on a Turkish screen.
ENGLISH = ("gateway", "Gateway", "Nothing was", "nothing was", "charged", "credentials", "Settings", "try again",
           "answer", "was sent", "already", "Order ID", "Refunded", "in full", "Refund done", "Check the",
           "Press ", "Journal", "&#x27;", "&amp;")


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    yield journal
    journal.close()


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(RUNNER, "show_user_error", lambda parent, title, message: shown.append(message))
    monkeypatch.setattr(RUNNER, "report_bug", lambda exc: shown.append(f"BUG {exc!r}"))
    return shown


def sale_tab(qtbot, client: KlogsClient, journal: Journal) -> SaleTab:
    tab = SaleTab(AppServices(client=client, journal=journal, environment="sandbox"))
    qtbot.addWidget(tab)
    tab.resize(1000, 560)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def pay(qtbot, tab: SaleTab, pan: str, order_id: str | None = None):  # type: ignore[no-untyped-def]
    form = tab.form
    form.amount.setText("10,00")
    if order_id is not None:
        form.order_id.setText(order_id)
    qtbot.keyClicks(form.holder, "Ayse Yilmaz")
    qtbot.keyClicks(form.pan, pan)
    qtbot.keyClicks(form.expiry, "12" + FUTURE_YY)
    qtbot.keyClicks(form.cvv, "123")
    with qtbot.waitSignal(tab.payment_finished, timeout=20_000) as blocker:
        tab.pay_button.click()
    return blocker.args[0]


def visible_texts(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget) and label.text()]


def journal_texts(services: AppServices, qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    """What the Journal tab shows in its Result and Resolution columns, every row."""
    tab = JournalTab(services)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.rows_shown, timeout=10_000):  # the journal is read on its reader thread
        tab.refresh()
    return [tab.model.index(row, column).data() or "" for row in range(tab.model.rowCount())
            for column in (JournalColumn.RESULT, JournalColumn.RESOLUTION)]


def assert_turkish(texts: list[str], *, gateway_words: str = "") -> None:
    screen = "\n".join(texts)
    assert screen.strip(), "nothing shown"
    if gateway_words:  # the gateway's own text: as it sent it, labelled, entities decoded, then set aside
        assert f"Ödeme geçidi: {gateway_words}" in screen, screen
        screen = screen.replace(gateway_words, "")
    english = [word for word in ENGLISH if word in screen]
    assert not english, f"English on a Turkish screen: {english}\n{screen}"


def test_401_on_a_sale_reads_in_turkish(qtbot, turkish, sandbox, journal, shown_errors, event_loop_qt):
    client = KlogsClient(Endpoints.same(sandbox.url), Credentials("wrong-key", "wrong-secret", "wrong"),
                         timeout=10.0)
    tab = sale_tab(qtbot, client, journal)
    outcome = pay(qtbot, tab, APPROVE)
    assert outcome.state is OutcomeState.ERROR and "credentials" in outcome.message  # English for the log
    texts = visible_texts(tab.result)
    assert any("kimlik bilgilerini kabul etmedi" in text for text in texts), texts
    assert_turkish(texts + journal_texts(tab.services, qtbot))
    assert shown_errors == []


def test_5xx_reads_in_turkish_with_the_gateway_words_labelled_and_decoded(qtbot, turkish, sandbox, journal,
                                                                        shown_errors, event_loop_qt):
    tab = sale_tab(qtbot, make_client(sandbox, timeout=10.0), journal)
    outcome = pay(qtbot, tab, SERVER_ERROR)
    assert outcome.state is OutcomeState.ERROR
    texts = visible_texts(tab.result)
    assert any("Ödeme geçidinde iç hata oluştu (500)" in text for text in texts), texts
    assert_turkish(texts + journal_texts(tab.services, qtbot), gateway_words=ISSUER_WORDS)
    assert shown_errors == []


def test_timeout_outcome_unknown_reads_in_turkish(qtbot, turkish, sandbox, journal, shown_errors, event_loop_qt):
    tab = sale_tab(qtbot, make_client(sandbox, timeout=1.5), journal)
    outcome = pay(qtbot, tab, NEVER_ANSWERS)
    assert outcome.state is OutcomeState.UNKNOWN
    texts = visible_texts(tab.result)
    journal_shown = journal_texts(tab.services, qtbot)
    # The client's own outcome-unknown sentence, stored as a code in the journal, read in Turkish.
    assert any("ödeme isteği gönderildi ancak ödeme geçidinin yanıtı kayboldu" in text for text in journal_shown)
    assert_turkish(texts + journal_shown)
    assert shown_errors == []


def test_duplicate_order_id_reads_in_turkish(qtbot, turkish, sandbox, journal, shown_errors, event_loop_qt):
    tab = sale_tab(qtbot, make_client(sandbox, timeout=10.0), journal)
    first = pay(qtbot, tab, APPROVE)
    assert first.state is OutcomeState.APPROVED
    again = pay(qtbot, tab, APPROVE, order_id=first.order_id)
    assert again.state is OutcomeState.REFUSED
    texts = visible_texts(tab.result)
    assert any(f"{first.order_id} sipariş numarası" in text for text in texts), texts
    assert_turkish(texts + journal_texts(tab.services, qtbot))
    assert shown_errors == []


def test_full_refund_reads_in_turkish(qtbot, turkish, fresh_sandbox, journal, shown_errors, event_loop_qt,
                                      tmp_path, monkeypatch):
    services = AppServices(client=make_client(fresh_sandbox, timeout=10.0), journal=journal, environment="sandbox")
    order = CardOrder(order_id=new_order_id(), amount=Decimal("1234.50"), currency="TRY", holder="Ayşe Yılmaz",
                      pan=APPROVE, expiry_month="12", expiry_year=FUTURE_YY, cvv="123")
    task = event_loop_qt.create_task(PaymentService(services).sale(order))
    qtbot.waitUntil(task.done, timeout=15_000)
    sale = journal.get(task.result().entry_id)
    fresh_sandbox.state.clock.advance(dt.timedelta(days=1, minutes=1))  # settled: a refund, not a void

    tab = JournalTab(services, gateway_now=fresh_sandbox.state.clock.now)
    qtbot.addWidget(tab)
    trainee = StaffService(OperatorStore(":memory:"))
    trainee.start("sandbox")  # training mode: the Trainee has a manager's rights
    actions = TransactionActions(tab, services, trainee, None)
    told: list[str] = []
    monkeypatch.setattr(actions, "ask_refund_amount", lambda target: target.amount)
    monkeypatch.setattr(actions, "confirm", lambda title, question: True)
    monkeypatch.setattr(actions, "tell", lambda title, message: told.append(f"{title}\n{message}"))
    monkeypatch.setattr(actions, "show_done", lambda title, message, entry: told.append(f"{title}\n{message}"))
    with qtbot.waitSignal(tab.rows_shown, timeout=10_000):
        tab.refresh()
    row = next(r for r in range(tab.model.rowCount()) if tab.model.entry(r).id == sale.id)
    tab.table.selectRow(row)
    with qtbot.waitSignal(actions.action_finished, timeout=15_000) as finished:
        tab.refund_button.click()
    assert finished.args[0].state is TransactionOutcomeState.DONE
    assert journal.get(sale.id).balance == 0

    assert any("1.234,50 ₺ iade edildi; 0,00 ₺ kaldı" in text for text in told), told
    document = QTextDocument()  # the Details dialog of the sale: its note says what happened to it
    document.setHtml(details_html(journal.get(sale.id), None, "—", journal.children(sale.id)))
    details = document.toPlainText()
    assert "Tamamı iade edildi." in details and "onaylayan: Trainee" in details, details
    assert_turkish(told + journal_texts(services, qtbot) + [details])
    assert shown_errors == []


def test_a_journal_row_written_in_english_reads_in_turkish(qtbot, turkish, journal):
    """Rows stored before messages were codes: an English sentence the catalogue knows is read as its code,
    one it does not know is shown as stored."""
    from klogs_desk.domain.journal import EntryKind

    entry = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=new_order_id(),
                                   amount=Decimal("5.00"), currency="TRY")
    journal._db.execute("UPDATE entries SET note = ?, resolution = ? WHERE id = ?",
                        ("Refunded in full.", "a note nobody catalogued", entry.id))
    journal._db.commit()
    services = AppServices(client=None, journal=journal, environment="sandbox")  # type: ignore[arg-type]
    shown = journal_texts(services, qtbot)
    assert "Tamamı iade edildi." in shown and "a note nobody catalogued" in shown
