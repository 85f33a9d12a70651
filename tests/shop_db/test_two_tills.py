"""Two terminals (two app homes) against one shop database and the sandbox gateway: sales on both, a refund
at till B of a sale made at till A, two tills refunding the same payment at once; the shop's journal and
day report agree to the cent with both local journals and the sandbox's ledger."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal

import pytest

from klogs_desk.domain.journal import EntryKind, EntryState
from klogs_desk.domain.orders import new_order_id
from klogs_desk.domain.reports import DAY, report_from_journal, start_of_day
from klogs_desk.sandbox.ledger import ledger_of
from klogs_desk.services.audit import AuditTrail
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, PaymentService
from klogs_desk.services.shop import ShopService
from klogs_desk.services.transactions import TransactionOutcomeState, TransactionRefused
from tests.conftest import make_client
from tests.shop_db.tills import open_till

pytestmark = pytest.mark.anyio
APPROVE = "4111111111111111"


def card_order(amount: str) -> CardOrder:
    return CardOrder(order_id=new_order_id(), amount=Decimal(amount), currency="TRY", holder="Ayşe Yılmaz",
                     pan=APPROVE, expiry_month="12", expiry_year=f"{(dt.date.today().year + 3) % 100:02d}",
                     cvv="123")


class Terminal:
    def __init__(self, home, server, name, sandbox, operator):
        self.till = open_till(home, server, name)
        self.client = make_client(sandbox)
        self.services = AppServices(client=self.client, journal=self.till.journal, environment="sandbox",
                                    audit=AuditTrail(self.till.audit, current_operator=lambda: operator))
        self.payments = PaymentService(self.services)
        self.shop = ShopService(self.services, self.till.sync.settings, waiting=self.till.sync.local.waiting)

    async def sell(self, amount: str):
        outcome = await self.payments.sale(card_order(amount))
        entry = self.till.journal.get(outcome.entry_id)
        assert entry.state is EntryState.APPROVED
        return entry

    def sync(self) -> None:
        assert self.till.sync.sync_once() == 0

    async def close(self):
        await self.client.aclose()
        self.shop.close()
        self.till.close()


def settle(server) -> None:
    """Move the sandbox's clock past the next daily settlement cut-off (00:00 UTC)."""
    server.state.clock.advance(dt.timedelta(days=1, minutes=1))


def day_report(terminal):
    now = dt.datetime.now(dt.timezone.utc)
    return report_from_journal(terminal.till.journal, kind=DAY, environment="sandbox",
                               period_start=start_of_day(now), period_end=now)


async def test_a_refund_at_another_till_and_the_shop_day_agree_with_tills_and_ledger(shop_database, fresh_sandbox,
                                                                                      tmp_path):
    a = Terminal(tmp_path / "a", shop_database, "Till A", fresh_sandbox, "Ayşe")
    b = Terminal(tmp_path / "b", shop_database, "Till B", fresh_sandbox, "Burak")
    try:
        first = await a.sell("125.40")
        second = await a.sell("30.00")
        third = await b.sell("50.00")
        settle(fresh_sandbox)  # a refund needs the day's cut-off passed at the gateway
        a.sync()
        b.sync()

        # Till B finds till A's sale in the shop's journal and refunds part of it.
        shop_rows = await b.shop.entries()
        assert {(r.till, r.entry.reference) for r in shop_rows} == {
            ("Till A", first.reference), ("Till A", second.reference), ("Till B", third.reference)}
        payment = next(r for r in shop_rows if r.entry.reference == first.reference)
        refunded = await b.shop.refund(payment, Decimal("25.40"), "Manager Ece")
        assert refunded.state is TransactionOutcomeState.DONE, refunded.message
        row = refunded.entry
        assert (row.kind, row.state, row.parent_till, row.parent_entry) == (
            EntryKind.REFUND, EntryState.APPROVED, "Till A", first.id)
        with pytest.raises(TransactionRefused):  # more than is left, checked against the shop's balance
            await b.shop.refund(payment, Decimal("100.01"), "Manager Ece")
        b.sync()

        # The shop's journal holds exactly the rows of both local journals.
        shop_rows = await b.shop.entries()
        local = {("Till A", e.id): e for e in a.till.journal.search(limit=100)}
        local |= {("Till B", e.id): e for e in b.till.journal.search(limit=100)}
        assert {r.key: (r.entry.amount, r.entry.state, r.entry.balance) for r in shop_rows} == {
            key: (e.amount, e.state, e.balance) for key, e in local.items()}

        # The day: the shop's report agrees with both tills' own reports and with the gateway's ledger.
        shop = await b.shop.day_report()
        mine_a, mine_b = day_report(a), day_report(b)
        assert shop.total.sales.amount("TRY") == mine_a.sales.amount("TRY") + mine_b.sales.amount("TRY") \
            == Decimal("205.40")
        assert shop.total.refunds.amount("TRY") == mine_a.refunds.amount("TRY") + mine_b.refunds.amount("TRY") \
            == Decimal("25.40")
        assert shop.by_till["Till A"].sales.amount("TRY") == Decimal("155.40")
        assert shop.by_till["Till A"].takings.amount("TRY") == Decimal("130.00")  # less till B's refund
        assert shop.by_till["Till B"].refunds.amount("TRY") == Decimal("25.40")
        assert shop.by_till["Till B"].takings.amount("TRY") == Decimal("50.00")
        ledger = ledger_of(fresh_sandbox.app.state.sandbox)
        gateway = sum(ledger.by_order(e.reference).balance() for e in (first, second, third))
        assert shop.total.takings.amount("TRY") == gateway == Decimal("180.00")
        assert shop.tills_waiting == []
        for till in ("Till A", "Till B"):
            assert b.till.sync.database.verify_audit(till).intact

        # A sale at till B not pushed yet: the shop's day names till B rather than silently missing it.
        await b.sell("5.00")
        assert (await b.shop.day_report()).tills_waiting == ["Till B"]
        b.sync()
        assert (await b.shop.day_report()).total.sales.amount("TRY") == Decimal("210.40")

        # Till A goes quiet (switched off, or cut off with sales unsent): after a while the report names it.
        later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=6)
        silent = await b.shop.day_report(now=later)
        assert silent.tills_silent == ["Till A"] and silent.total.tills_silent == ["Till A"]
    finally:
        await a.close()
        await b.close()


async def test_two_tills_refunding_one_payment_at_once_take_no_more_than_its_balance(shop_database, fresh_sandbox,
                                                                                     tmp_path):
    a = Terminal(tmp_path / "a", shop_database, "Till A", fresh_sandbox, "Ayşe")
    b = Terminal(tmp_path / "b", shop_database, "Till B", fresh_sandbox, "Burak")
    c = Terminal(tmp_path / "c", shop_database, "Till C", fresh_sandbox, "Cem")
    try:
        sale = await a.sell("40.00")
        settle(fresh_sandbox)
        a.sync()
        payment = next(r for r in await b.shop.entries() if r.entry.reference == sale.reference)
        # Neither has heard of the other's refund: both pass the shop's balance check, the gateway decides.
        outcomes = await asyncio.gather(b.shop.refund(payment, Decimal("40.00"), "Manager Ece"),
                                        c.shop.refund(payment, Decimal("40.00"), "Manager Ece"))
        states = sorted(o.state.value for o in outcomes)
        assert states == sorted([TransactionOutcomeState.DONE.value, TransactionOutcomeState.REFUSED.value])
        b.sync()
        c.sync()
        attempts = [r for r in await a.shop.entries() if r.entry.kind is EntryKind.REFUND
                    and r.entry.parent_entry == sale.id]
        assert sorted((r.till, r.entry.state.value) for r in attempts) == sorted(
            [(o.entry.parent_till and t, o.entry.state.value) for o, t in zip(outcomes, ("Till B", "Till C"),
                                                                              strict=True)])
        assert {r.entry.state for r in attempts} == {EntryState.APPROVED, EntryState.ERROR}
        ledger = ledger_of(fresh_sandbox.app.state.sandbox)
        assert ledger.by_order(sale.reference).balance() == 0
        shop = await a.shop.day_report()
        assert shop.by_till["Till A"].takings.amount("TRY") == 0
    finally:
        for terminal in (a, b, c):
            await terminal.close()
