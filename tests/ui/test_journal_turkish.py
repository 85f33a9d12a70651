"""A Turkish cashier reads the Journal's own sentences in Turkish: the notes the journal writes and the
resolutions the background lookup writes (against the real sandbox over loopback), in the table, the
receipt and the details."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.domain.orders import new_order_id
from klogs_desk.sandbox.faults import faults_of
from klogs_desk.sandbox.ledger import ledger_of
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState, PaymentService
from klogs_desk.services.reconciler import RECONCILE_BACKOFF, Reconciler
from klogs_desk.ui.journal_model import JournalColumn
from klogs_desk.ui.journal_tab import JournalTab
from klogs_desk.ui.transaction_dialogs import details_html
from tests.conftest import make_client
from tests.fake_clock import FastClock, on_clock
from tests.ui.journal_helpers import refreshed


@pytest.fixture
def services(fresh_sandbox, tmp_path, event_loop_qt, qtbot):
    journal = Journal(tmp_path / "journal.sqlite3")
    client = make_client(fresh_sandbox)
    yield AppServices(client=client, journal=journal, environment="sandbox", merchant_line="Dükkan")
    closing = event_loop_qt.create_task(client.aclose())
    qtbot.waitUntil(closing.done)
    journal.close()


def cell(tab: JournalTab, entry_id: int, column: int) -> str:
    refreshed(tab)
    for row in range(tab.model.rowCount()):
        if tab.model.entry(row).id == entry_id:
            return tab.model.index(row, column).data()
    raise AssertionError(f"row {entry_id} not shown")


def test_journal_notes_and_gateway_resolutions_read_in_turkish(qtbot, turkish, services, fresh_sandbox,
                                                               event_loop_qt):
    journal = services.journal
    # A sale whose answer is cut after the gateway charged it: outcome unknown.
    faults_of(fresh_sandbox.state).arm(drop_after_processing=1)
    order = CardOrder(order_id=new_order_id(), amount=Decimal("45.60"), currency="TRY", holder="Ayşe Yılmaz",
                      pan="4111111111111111", expiry_month="12",
                      expiry_year=f"{(dt.date.today().year + 3) % 100:02d}", cvv="123")
    task = event_loop_qt.create_task(PaymentService(services).sale(order))
    qtbot.waitUntil(task.done, timeout=15_000)
    assert task.result().state is OutcomeState.UNKNOWN
    lost = journal.get(task.result().entry_id)
    # A payment the terminal was sending when it stopped (the gateway never saw it).
    interrupted = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=new_order_id(),
                                         amount=Decimal("12.00"), currency="TRY")
    assert journal.mark_interrupted() == 1

    tab = JournalTab(services)
    qtbot.addWidget(tab)
    assert cell(tab, interrupted.id, JournalColumn.RESULT) == "Bu istek yoldayken terminal kapandı."

    reconciler = Reconciler(services, not_found_grace=0,
                            policy=on_clock(RECONCILE_BACKOFF, FastClock(100)))  # backoff 100x faster
    reconciler.start()
    try:
        qtbot.waitUntil(lambda: not journal.get(lost.id).unresolved and not journal.get(interrupted.id).unresolved,
                        timeout=15_000)
    finally:
        reconciler.cancel()

    approved = cell(tab, lost.id, JournalColumn.RESOLUTION)
    not_charged = cell(tab, interrupted.id, JournalColumn.RESOLUTION)
    assert approved.startswith("ödeme sistemine soruldu: onaylandı (20")
    assert not_charged.startswith("çekim yapılmadı — yeni bir sipariş numarasıyla yeniden çekim yapılabilir (20")
    assert journal.get(lost.id).state is EntryState.APPROVED
    assert ledger_of(fresh_sandbox.state).charges_for(order.order_id) == 1

    receipt = tab.receipts.html(journal.get(lost.id))
    assert "ödeme sistemine soruldu: onaylandı" in receipt and "gateway lookup" not in receipt
    details = details_html(journal.get(interrupted.id), None, "—", [])
    assert "Bu istek yoldayken terminal kapandı." in details and "çekim yapılmadı" in details
    assert "in flight" not in details and "safe to charge again" not in details
