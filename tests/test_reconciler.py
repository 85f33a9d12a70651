"""The reconciler against the real sandbox: an outcome-unknown sale turns approved by itself (no second
charge), an unknown reference becomes "not charged", declines and lost voids are settled from the lookup,
and each resolution says what happened and when.

The backoff runs on a test clock (tests/fake_clock.py): a ManualClock advanced by hand between passes, or
a FastClock for the background task. The first test keeps the real clock, end to end."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from decimal import Decimal

import pytest

from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.domain.orders import new_order_id
from klogs_desk.sandbox.faults import faults_of
from klogs_desk.sandbox.ledger import ledger_of
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState, PaymentService
from klogs_desk.services.reconciler import NOT_CHARGED_TEXT, RECONCILE_BACKOFF, Reconciler, backoff
from klogs_desk.services.transactions import APPROVED_BY_NO_PIN, TransactionOutcomeState, TransactionService
from tests.conftest import make_client
from tests.fake_clock import FastClock, ManualClock, on_clock

pytestmark = pytest.mark.anyio

APPROVE = "4111111111111111"
DECLINE = "4000000000000002"
NEVER_ANSWERS = "4000000000000341"


def card_order(pan: str = APPROVE, amount: str = "64.20") -> CardOrder:
    return CardOrder(order_id=new_order_id(), amount=Decimal(amount), currency="TRY", holder="Ali Veli", pan=pan,
                     expiry_month="12", expiry_year=f"{(dt.date.today().year + 3) % 100:02d}", cvv="123")


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite")
    yield journal
    journal.close()


@pytest.fixture
async def services(fresh_sandbox, journal):
    client = make_client(fresh_sandbox)  # its timeout is half the sandbox's hang (conftest)
    yield AppServices(client=client, journal=journal)
    await client.aclose()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def manual(services, clock, **kwargs) -> Reconciler:  # type: ignore[no-untyped-def]
    """A reconciler whose lookups are due when the test advances ``clock``."""
    return Reconciler(services, policy=on_clock(RECONCILE_BACKOFF, clock), **kwargs)


def fast(services, **kwargs) -> Reconciler:  # type: ignore[no-untyped-def]
    """A reconciler whose background task keeps its schedule a hundred times faster than real time."""
    return Reconciler(services, policy=on_clock(RECONCILE_BACKOFF, FastClock(100)), **kwargs)


async def wait_resolved(journal, entry_id, seconds: float = 30):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while journal.get(entry_id).unresolved and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    return journal.get(entry_id)


def test_intervals_grow_and_are_capped_at_a_minute():
    assert [backoff(n) for n in range(8)] == [1, 2, 4, 8, 16, 32, 60, 60]


async def test_never_answering_card_ends_unknown_then_approved_by_itself_with_one_charge(services, fresh_sandbox):
    """End to end on the real clock: the lookups really wait 1, 2, 4 ... seconds."""
    order = card_order(NEVER_ANSWERS)
    clicked = time.monotonic()
    outcome = await PaymentService(services).sale(order)
    assert outcome.state is OutcomeState.UNKNOWN
    assert services.journal.get(outcome.entry_id).state is EntryState.UNKNOWN

    reconciler = Reconciler(services, not_found_grace=0)
    resolved = []
    reconciler.on_resolved.append(resolved.append)
    started = time.monotonic()
    reconciler.start()
    try:
        row = await wait_resolved(services.journal, outcome.entry_id)
    finally:
        await reconciler.stop()
    settled = time.monotonic()
    print(f"\noutcome-unknown sale settled {settled - started:.2f} s after the reconciler started, "
          f"{settled - clicked:.2f} s after Pay")

    assert row.state is EntryState.APPROVED
    assert str(row.resolution).startswith("gateway lookup: approved") and row.resolved_at is not None
    assert row.balance == Decimal("64.20") and row.payment_id
    assert [e.id for e in resolved] == [row.id]
    assert ledger_of(fresh_sandbox.app.state.sandbox).charges_for(order.order_id) == 1


async def test_reference_the_gateway_does_not_know_resolves_to_not_charged(services, fresh_sandbox, clock):
    faults_of(fresh_sandbox.app.state.sandbox).arm(drop_before_processing=1)
    order = card_order()
    outcome = await PaymentService(services).sale(order)
    # A connection cut mid-request: the terminal cannot know whether it arrived.
    assert outcome.state is OutcomeState.UNKNOWN
    row = services.journal.get(outcome.entry_id)

    reconciler = manual(services, clock, not_found_grace=0)
    resolved = await reconciler.run_once()  # first sight schedules the row ...
    assert resolved == [] and reconciler.seconds_until_due() == backoff(0)
    clock.advance(backoff(0))
    resolved += await reconciler.run_once()  # ... due a second later

    row = services.journal.get(row.id)
    assert row.state is EntryState.NOT_CHARGED
    assert str(row.resolution).startswith(NOT_CHARGED_TEXT + " (20") and row.resolved_at is not None
    assert [e.id for e in resolved] == [row.id]
    assert ledger_of(fresh_sandbox.app.state.sandbox).charges_for(row.reference) == 0


async def test_a_fresh_not_found_is_not_trusted_until_the_grace_has_passed(services, clock):
    row = services.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=new_order_id(),
                                          amount=Decimal("9.99"), currency="TRY", state=EntryState.UNKNOWN)
    reconciler = manual(services, clock, not_found_grace=3600)
    await reconciler.run_once()
    clock.advance(backoff(0))
    assert await reconciler.run_once() == []
    assert services.journal.get(row.id).state is EntryState.UNKNOWN


async def test_unknown_decline_resolves_declined_with_the_reason(services, clock):
    order = card_order(DECLINE)
    await services.client.pay(order.request())  # the gateway declined; pretend the answer was lost
    row = services.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=order.order_id,
                                          amount=order.amount, currency="TRY", state=EntryState.UNKNOWN)
    reconciler = manual(services, clock, not_found_grace=0)
    await reconciler.run_once()
    clock.advance(backoff(0))
    await reconciler.run_once()

    row = services.journal.get(row.id)
    assert row.state is EntryState.DECLINED and "Do not honour" in str(row.result_message)
    assert "declined, nothing charged" in str(row.resolution)


async def test_a_void_whose_answer_was_lost_is_found_done_and_the_balance_follows(services, fresh_sandbox):
    sale_outcome = await PaymentService(services).sale(card_order())
    faults_of(fresh_sandbox.app.state.sandbox).arm(drop_after_processing=1)
    lost = await TransactionService(services).void(services.journal.get(sale_outcome.entry_id), APPROVED_BY_NO_PIN)
    assert lost.state is TransactionOutcomeState.UNKNOWN

    reconciler = fast(services, not_found_grace=0)
    reconciler.start()
    try:
        void = await wait_resolved(services.journal, lost.entry.id)
    finally:
        await reconciler.stop()

    assert void.state is EntryState.APPROVED and "void done" in str(void.resolution)
    assert services.journal.get(sale_outcome.entry_id).balance == Decimal(0)


async def test_a_refund_that_never_reached_the_gateway_resolves_to_nothing_done(services, fresh_sandbox):
    sale_outcome = await PaymentService(services).sale(card_order())
    fresh_sandbox.state.clock.advance(dt.timedelta(days=1, minutes=1))
    faults_of(fresh_sandbox.app.state.sandbox).arm(drop_before_processing=1)
    lost = await TransactionService(services).refund(services.journal.get(sale_outcome.entry_id), Decimal("10.00"),
                                                     APPROVED_BY_NO_PIN)
    assert lost.state is TransactionOutcomeState.UNKNOWN, lost.message

    reconciler = fast(services, not_found_grace=0)
    reconciler.start()
    try:
        refund = await wait_resolved(services.journal, lost.entry.id)
    finally:
        await reconciler.stop()

    assert refund.state is EntryState.NOT_CHARGED and "no refund recorded" in str(refund.resolution)
    assert services.journal.get(sale_outcome.entry_id).balance == Decimal("64.20")


async def test_pending_rows_in_flight_are_left_alone(services, clock):
    row = services.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=new_order_id(),
                                          amount=Decimal("9.99"), currency="TRY")
    reconciler = manual(services, clock, not_found_grace=0)
    await reconciler.run_once()
    clock.advance(backoff(0))
    assert await reconciler.run_once() == []
    assert services.journal.get(row.id).state is EntryState.PENDING


async def test_the_background_task_waits_on_its_clock(services, clock):
    """Started, the reconciler looks a row up only when its clock says the row is due."""
    ghost = services.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=new_order_id(),
                                            amount=Decimal("12.00"), currency="TRY", state=EntryState.UNKNOWN)
    reconciler = manual(services, clock, not_found_grace=0)
    reconciler.start()
    try:
        await asyncio.sleep(0.3)  # real time passes; the clock does not
        assert services.journal.get(ghost.id).state is EntryState.UNKNOWN
        clock.advance(backoff(0))
        row = await wait_resolved(services.journal, ghost.id, seconds=10)
    finally:
        await reconciler.stop()
    assert row.state is EntryState.NOT_CHARGED


async def test_many_unknown_rows_are_looked_up_within_a_budget_a_minute(services, fresh_sandbox, journal, clock):
    """After an outage left 40 rows unknown, the reconciler asks about 24 in the first minute (well inside the
    gateway's 100 a minute), the rest once the minute has passed; the sandbox saw exactly those lookups."""
    from klogs_desk.sandbox.rate_limit import counter_of
    from klogs_desk.services.reconciler import MAX_LOOKUPS_PER_MINUTE

    for index in range(40):
        journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=new_order_id(),
                               amount=Decimal("1.00") + index, currency="TRY", state=EntryState.UNKNOWN)
    reconciler = manual(services, clock)
    lookups = counter_of(fresh_sandbox.state).allowed

    await reconciler.run_once()  # schedules every row 1 s ahead
    clock.advance(1.0)
    await reconciler.run_once()
    assert sum(lookups.values()) == MAX_LOOKUPS_PER_MINUTE == 24
    assert reconciler.seconds_until_due() == pytest.approx(60.0)  # the first slot frees a minute after it was used
    clock.advance(60.0)
    await reconciler.run_once()
    assert sum(lookups.values()) == 24 + 24  # the sixteen that waited first, then eight of the first 24 again
