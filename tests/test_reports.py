"""Shift and day reports against the sandbox's own ledger: a day of activity through the real services
(sales in two currencies, a decline, partial refunds, voids, a capture, an open pre-authorization, an
unknown sale the reconciler resolves and one that stays unknown), and every total agrees to the cent."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from decimal import Decimal

import pytest

from klogs_desk.api.models.transactions import TransactionStatus, TransactionType
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.domain.orders import new_order_id
from klogs_desk.domain.reports import DAY, SHIFT, Report, report_from_journal, start_of_day
from klogs_desk.sandbox.faults import faults_of
from klogs_desk.sandbox.ledger import Operation, ledger_of
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState, PaymentService
from klogs_desk.services.reconciler import RECONCILE_BACKOFF, Reconciler, backoff
from klogs_desk.services.transactions import APPROVED_BY_MANAGER_PIN, TransactionService
from tests.conftest import TEST_HANG_SECONDS, make_client
from tests.fake_clock import ManualClock, on_clock

pytestmark = pytest.mark.anyio

APPROVE = "4111111111111111"
MASTERCARD = "5555555555554444"
DECLINE = "4000000000000002"
NEVER_ANSWERS = "4000000000000341"


def card_order(amount: str, pan: str = APPROVE, currency: str = "TRY") -> CardOrder:
    return CardOrder(order_id=new_order_id(), amount=Decimal(amount), currency=currency, holder="Ali Veli",
                     pan=pan, expiry_month="12", expiry_year=f"{(dt.date.today().year + 3) % 100:02d}", cvv="123")


@pytest.fixture
def journal(tmp_path):
    operators = iter(["Ayşe"] * 6 + ["Mehmet"] * 100)
    journal = Journal(tmp_path / "journal.sqlite", current_operator=lambda: next(operators))
    yield journal
    journal.close()


@pytest.fixture
async def services(fresh_sandbox, journal):
    client = make_client(fresh_sandbox)
    yield AppServices(client=client, journal=journal)
    await client.aclose()


async def a_day(services, sandbox_state) -> dict[str, str]:  # type: ignore[no-untyped-def]
    payments, transactions, journal = PaymentService(services), TransactionService(services), services.journal
    ids: dict[str, str] = {}

    async def sale(name: str, amount: str, pan: str = APPROVE, currency: str = "TRY") -> int:
        outcome = await payments.sale(card_order(amount, pan, currency), confirmed_duplicate=True)
        ids[name] = outcome.order_id
        return outcome.entry_id  # type: ignore[return-value]

    plain = await sale("plain", "100.00")
    refunded = await sale("refunded", "250.50", MASTERCARD)
    voided = await sale("voided", "75.25")
    await sale("declined", "40.00", DECLINE)
    await sale("dollars", "12.34", currency="USD")
    await transactions.void(journal.get(voided), APPROVED_BY_MANAGER_PIN)
    held = await payments.pre_authorize(card_order("200.00"))
    await payments.capture(held.entry_id, Decimal("150.00"))  # type: ignore[arg-type]
    open_hold = await payments.pre_authorize(card_order("90.00", MASTERCARD))
    released = await payments.pre_authorize(card_order("60.00"))
    await transactions.void(journal.get(released.entry_id), APPROVED_BY_MANAGER_PIN)  # type: ignore[arg-type]
    captured_then_refunded = await payments.pre_authorize(card_order("80.00"))
    await payments.capture(captured_then_refunded.entry_id, Decimal("80.00"))  # type: ignore[arg-type]
    capture_row = journal.children(captured_then_refunded.entry_id)[0]  # type: ignore[arg-type]
    # Refunds only after the gateway's daily settlement (its clock moves; the journal keeps today's times).
    sandbox_state.clock.advance(dt.timedelta(days=1, minutes=1))
    for amount in ("30.00", "20.50"):
        done = await transactions.refund(journal.get(refunded), Decimal(amount), APPROVED_BY_MANAGER_PIN)
        assert done.state.value == "done", done.msg
    done = await transactions.refund(journal.get(capture_row.id), Decimal("5.55"), APPROVED_BY_MANAGER_PIN)
    assert done.state.value == "done", done.msg

    resolved = await payments.sale(card_order("64.20", NEVER_ANSWERS))
    assert resolved.state is OutcomeState.UNKNOWN
    clock = ManualClock()
    reconciler = Reconciler(services, policy=on_clock(RECONCILE_BACKOFF, clock), not_found_grace=0)
    attempt = 0
    deadline = time.monotonic() + TEST_HANG_SECONDS + 20  # the sandbox records the sale once its hang ends
    while time.monotonic() < deadline:
        await reconciler.run_once()
        if not journal.get(resolved.entry_id).unresolved:  # type: ignore[arg-type]
            break
        clock.advance(backoff(attempt))
        attempt += 1
        await asyncio.sleep(0.25)
    assert journal.get(resolved.entry_id).state is EntryState.APPROVED  # type: ignore[arg-type]
    faults_of(sandbox_state).arm(drop_before_processing=1)
    still_unknown = await payments.sale(card_order("33.00"))
    assert still_unknown.state is OutcomeState.UNKNOWN
    ids.update(open_hold=open_hold.order_id, still_unknown=still_unknown.order_id, resolved=resolved.order_id)
    del plain
    return ids


def _ledger_totals(ledger) -> dict[str, dict[str, Decimal]]:  # type: ignore[no-untyped-def]
    totals: dict[str, dict[str, Decimal]] = {name: {} for name in (
        "sales", "captures", "refunds", "voids", "open_preauths", "takings")}

    def add(name: str, currency: str, amount: Decimal) -> None:
        totals[name][currency] = totals[name].get(currency, Decimal(0)) + amount

    for record in ledger.records():
        if record.status is not TransactionStatus.SUCCESS:
            continue
        held = record.captured_amount if record.captured_amount is not None else record.amount
        if record.operation is Operation.PRE_AUTHORIZATION:
            if record.captured_amount is not None:
                add("captures", record.currency, record.captured_amount)
                add("takings", record.currency, record.balance())
            elif not record.voided:
                add("open_preauths", record.currency, record.amount)
        else:
            add("sales", record.currency, record.amount)
            add("takings", record.currency, record.balance())
        if record.voided:
            add("voids", record.currency, held - record.refunded())
        for related in record.related:
            if related.type is TransactionType.REFUND and related.status is TransactionStatus.SUCCESS:
                add("refunds", record.currency, related.amount)
    return totals


async def test_the_day_report_agrees_with_the_ledger_to_the_cent(services, fresh_sandbox):
    sandbox_state = fresh_sandbox.app.state.sandbox
    ids = await a_day(services, sandbox_state)
    now = dt.datetime.now(dt.timezone.utc)
    report = report_from_journal(services.journal, kind=DAY, environment="sandbox",
                                 period_start=now - dt.timedelta(hours=1), period_end=now + dt.timedelta(seconds=1))
    ledger = ledger_of(sandbox_state)
    expected = _ledger_totals(ledger)
    for name, per_currency in expected.items():
        assert getattr(report, name).amounts == per_currency, name
    assert report.sales.amounts == {"TRY": Decimal("489.95"), "USD": Decimal("12.34")}
    assert report.takings.amounts == {"TRY": Decimal("588.65"), "USD": Decimal("12.34")}
    assert report.refunds.count == 3 and report.voids.count == 2 and report.captures.count == 2
    assert report.declines.count == sum(1 for r in ledger.records() if r.status is TransactionStatus.FAILED) == 1
    assert report.open_preauths.count == 1 and report.open_preauths.amount("TRY") == Decimal("90.00")
    assert [row.reference for row in report.unknown] == [ids["still_unknown"]]
    assert ledger.by_order(ids["still_unknown"]) is None  # listed, not counted: nothing is known of it
    assert report.by_brand["Mastercard"].amount("TRY") == Decimal("250.50")
    assert sum(t.count for t in report.by_brand.values()) == report.sales.count + report.captures.count
    assert report.by_kind[EntryKind.REFUND.value].amount("TRY") == Decimal("56.05")
    assert report.by_operator["Ayşe"].count == 4  # sales of the first rows; the decline is not a taking
    assert sum(t.amount("TRY") for t in report.by_operator.values()) == \
        report.sales.amount("TRY") + report.captures.amount("TRY")
    hour = dt.datetime.now().astimezone().hour
    assert report.by_hour[hour]["TRY"] + sum(
        amounts.get("TRY", Decimal(0)) for h, amounts in report.by_hour.items() if h != hour) == \
        report.sales.amount("TRY") + report.captures.amount("TRY")

    kept = Report.from_dict(report.to_dict())
    assert kept == report


async def test_a_shift_report_holds_only_that_operators_rows(services, fresh_sandbox):
    await a_day(services, fresh_sandbox.app.state.sandbox)
    now = dt.datetime.now(dt.timezone.utc)
    shift = report_from_journal(services.journal, kind=SHIFT, environment="sandbox", operator="Ayşe",
                                period_start=start_of_day(now), period_end=now + dt.timedelta(seconds=1))
    assert shift.sales.amounts == {"TRY": Decimal("425.75"), "USD": Decimal("12.34")}
    assert shift.declines.count == 1 and set(shift.by_operator) == {"Ayşe"}
    assert shift.unknown == []
