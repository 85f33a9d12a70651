"""The journal on a sale's hot path, against the real sandbox: the pending row is committed (another
connection sees it) before the request leaves, the outcome is one more commit after, nothing else is
written; the double-charge guard finds what it must on a large journal without scanning all of it."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
import threading
from decimal import Decimal

import pytest

from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.domain.orders import new_order_id
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState, PaymentService
from tests.conftest import make_client

pytestmark = pytest.mark.anyio

APPROVE = "4111111111111111"
DECLINE = "4000000000000002"
GATEWAY_ERROR = "4000000000000119"
NEVER_ANSWERS = "4000000000000341"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN", "COMMIT")


def card_order(pan: str = APPROVE, amount: str = "42.10", order_id: str | None = None) -> CardOrder:
    return CardOrder(order_id=order_id or new_order_id(), amount=Decimal(amount), currency="TRY",
                     holder="Ayşe Yılmaz", pan=pan, expiry_month="12",
                     expiry_year=f"{(dt.date.today().year + 3) % 100:02d}", cvv="123")


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    yield journal
    journal.close()


class Recorder:
    """Logs the journal's write statements and the moment the payment request is sent, in order; at
    the send it reads the journal through a second connection (what a crash right then would find)."""

    def __init__(self, journal: Journal, client) -> None:  # type: ignore[no-untyped-def]
        self.events: list[str] = []
        self.seen_at_send: list[tuple[str, str]] = []
        journal.trace_statements(self._statement)  # the writer thread's connection too
        self._path = journal.path
        self._pay = client.pay
        client.pay = self._sending

    def _statement(self, sql: str) -> None:
        verb = sql.lstrip().split(None, 1)[0].upper()
        if verb in WRITES:
            self.events.append(verb)

    async def _sending(self, request):  # type: ignore[no-untyped-def]
        self.events.append("SEND")
        other = sqlite3.connect(self._path)
        try:
            self.seen_at_send = other.execute("SELECT reference, state FROM entries").fetchall()
        finally:
            other.close()
        return await self._pay(request)


@pytest.fixture
async def service_and_recorder(sandbox, journal):
    client = make_client(sandbox)
    service = PaymentService(AppServices(client=client, journal=journal))
    yield service, Recorder(journal, client)
    await client.aclose()


@pytest.mark.parametrize("pan, state", [(APPROVE, OutcomeState.APPROVED), (DECLINE, OutcomeState.DECLINED),
                                        (GATEWAY_ERROR, OutcomeState.ERROR),
                                        (NEVER_ANSWERS, OutcomeState.UNKNOWN)])
async def test_a_sale_commits_the_pending_row_before_sending_and_the_outcome_once_after(
        service_and_recorder, journal, pan, state):
    service, recorder = service_and_recorder
    order = card_order(pan)

    outcome = await service.sale(order)

    assert outcome.state is state
    assert recorder.events == ["INSERT", "SEND", "UPDATE"]
    assert recorder.seen_at_send == [(order.order_id, "pending")]
    assert journal.get(outcome.entry_id).state.value == {
        OutcomeState.APPROVED: "approved", OutcomeState.DECLINED: "declined", OutcomeState.ERROR: "error",
        OutcomeState.UNKNOWN: "unknown"}[state]


async def test_an_approved_sale_gets_its_refundable_balance_in_the_same_write_as_its_outcome(
        service_and_recorder, journal):
    service, recorder = service_and_recorder

    outcome = await service.sale(card_order(amount="77.70"))

    assert recorder.events == ["INSERT", "SEND", "UPDATE"]
    entry = journal.get(outcome.entry_id)
    assert entry.state is EntryState.APPROVED and entry.balance == Decimal("77.70")


async def test_retrying_an_order_id_that_charged_nothing_reuses_its_row_committed_before_sending(
        service_and_recorder, journal):
    service, recorder = service_and_recorder
    order_id = new_order_id()
    first = await service.sale(card_order(GATEWAY_ERROR, order_id=order_id))
    recorder.events.clear()

    second = await service.sale(card_order(APPROVE, order_id=order_id))

    assert first.state is OutcomeState.ERROR and second.state is OutcomeState.APPROVED
    assert second.entry_id == first.entry_id and journal.count() == 1
    # The insert is refused by the one-payment-per-order index (the row count above stays 1); the row
    # is then reset to pending in one committed write before the request leaves.
    assert recorder.events == ["INSERT", "UPDATE", "SEND", "UPDATE"]
    assert recorder.seen_at_send == [(order_id, "pending")]


async def test_an_order_id_already_charged_is_refused_without_any_write_or_request(
        service_and_recorder, journal):
    service, recorder = service_and_recorder
    order_id = new_order_id()
    await service.sale(card_order(APPROVE, order_id=order_id))
    recorder.events.clear()

    outcome = await service.sale(card_order(APPROVE, amount="9.99", order_id=order_id), confirmed_duplicate=True)

    assert outcome.state is OutcomeState.REFUSED
    assert "SEND" not in recorder.events and journal.count() == 1
    assert journal.get(1).amount == Decimal("42.10")


def test_the_journal_syncs_every_commit_to_disk(journal):
    assert journal._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert journal._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _approved(journal: Journal, *, amount: str, pan: str = "411111******1111", environment: str = "sandbox",
              currency: str = "TRY", kind: EntryKind = EntryKind.SALE, state: EntryState = EntryState.APPROVED,
              reference: str | None = None):
    entry = journal.record_pending(environment=environment, kind=kind, reference=reference or new_order_id(),
                                   amount=Decimal(amount), currency=currency, masked_pan=pan)
    return journal.record_outcome(entry.id, state)


def _similar(journal: Journal, *, amount: str = "10.00", last_four: str = "1111", environment: str = "sandbox",
             since_minutes: int = 10, excluding: str = "THIS-ORDER"):
    return journal.similar_payment(
        environment=environment, kinds=(EntryKind.SALE, EntryKind.SALE_3DS), amount=Decimal(amount),
        currency="TRY", card_last_four=last_four, excluding_reference=excluding,
        approved_since=dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=since_minutes))


def test_the_guard_compares_amounts_exactly_and_cards_by_last_four(journal):
    stored = _approved(journal, amount="10.1")

    assert _similar(journal, amount="10.10").id == stored.id
    assert _similar(journal, amount="10.11") is None
    assert _similar(journal, amount="10.10", last_four="0002") is None
    assert _similar(journal, amount="10.10", environment="production") is None
    assert _similar(journal, amount="10.10", excluding=stored.reference) is None


def test_the_guard_finds_equal_amounts_however_written_among_many_others(journal):
    for n in range(30):  # the same card at other amounts, some a cent or a millionth away
        _approved(journal, amount=f"{1234567 + n}.891")
        _approved(journal, amount=f"1234567.{891 + n + 1:03d}")
    _approved(journal, amount="1234567.890999")
    stored = _approved(journal, amount="1234567.891", reference="THE-ONE")

    assert _similar(journal, amount="1234567.8910").id == stored.id
    tenth = _approved(journal, amount="0.10")
    assert _similar(journal, amount="0.1").id == tenth.id
    assert _similar(journal, amount="1234567.8911") is None


def test_the_guard_finds_a_card_by_its_last_four_in_a_gateways_own_mask(journal):
    spaced = _approved(journal, amount="25.00", pan="**** **** **** 4242 ")  # as a gateway may mask it
    _approved(journal, amount="25.00", pan="424242******1111")  # 4242 elsewhere: not this card's last four

    assert _similar(journal, amount="25", last_four="4242").id == spaced.id
    assert _similar(journal, amount="25.00", last_four="1111").reference != spaced.reference
    assert _similar(journal, amount="25.01", last_four="4242") is None


def test_the_guard_prefers_an_unresolved_sale_then_the_newest_approved(journal):
    _approved(journal, amount="10.00")
    newest = _approved(journal, amount="10.00", kind=EntryKind.SALE_3DS)
    assert _similar(journal).id == newest.id

    unresolved = _approved(journal, amount="10.00", state=EntryState.UNKNOWN)
    assert _similar(journal).id == unresolved.id
    _approved(journal, amount="10.00", kind=EntryKind.PREAUTH, state=EntryState.UNKNOWN)
    assert _similar(journal).id == unresolved.id


def test_the_guard_ignores_approved_sales_outside_the_window_but_not_unresolved_ones(journal):
    old = _approved(journal, amount="10.00")
    journal._db.execute("UPDATE entries SET created_at = '2000-01-01T00:00:00.000000+00:00' WHERE id = ?",
                        (old.id,))
    assert _similar(journal) is None

    journal.record_outcome(old.id, EntryState.UNKNOWN)
    assert _similar(journal).id == old.id


def test_the_guard_reads_an_index_not_the_whole_journal(journal):
    for n in range(300):  # a busy day on other cards and other amounts
        _approved(journal, amount=f"{n + 1}.00", pan="555555******4444")
    wanted = _approved(journal, amount="10.00")
    statements: list[str] = []
    journal._db.set_trace_callback(statements.append)

    assert _similar(journal).id == wanted.id

    journal._db.set_trace_callback(None)
    plans = [" ".join(str(row[3]) for row in journal._db.execute("EXPLAIN QUERY PLAN " + sql))
             for sql in statements if sql.startswith("SELECT id, amount")]
    assert len(plans) == 2
    assert all("USING INDEX" in plan and "SCAN entries" not in plan for plan in plans), plans


async def test_the_pending_commit_runs_off_the_event_loop_and_the_request_waits_for_it(
        service_and_recorder, journal):
    """The journal's fsync never holds the UI thread: while the pending row's commit is held up on the
    writer thread the event loop keeps running, and the request still leaves only after the commit."""
    service, recorder = service_and_recorder
    gate = threading.Event()
    commit = journal._write_in_background

    def held_commit(write, args, kwargs):  # type: ignore[no-untyped-def]
        gate.wait(30)
        return commit(write, args, kwargs)

    journal._write_in_background = held_commit  # type: ignore[method-assign]
    sale = asyncio.ensure_future(service.sale(card_order()))
    turns = 0
    while turns < 20:  # the loop turns while the commit waits
        await asyncio.sleep(0)
        turns += 1
    assert not sale.done() and recorder.events == []
    gate.set()
    outcome = await sale
    assert outcome.state is OutcomeState.APPROVED
    assert recorder.events == ["INSERT", "SEND", "UPDATE"]
