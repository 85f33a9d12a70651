"""The soak: many mixed operations through the app's own service layer (and a few through the real Sale
tab) against a fresh sandbox that injects latency, 5xx, 429s and connections cut before and after the
gateway processed the request. Afterwards the journal is reconciled and checked against the sandbox's
ledger:

* every charge the sandbox made has a journal row (approved or, until reconciled, unknown);
* no order ID was charged twice (the issuer was asked at most once per order ID);
* no journal row is left ``pending``; after reconciliation every row agrees with the ledger, and a row that
  still cannot be settled is flagged ``unknown`` (never silently dropped).

``SOAK_OPS`` (default 1000) sets the number of service-layer operations; the mix, the faults and their
order come from ``SOAK_SEED`` so a failure can be replayed. Counts are printed (``-s`` shows them).

Operations: sales (approving, declining, 3-D Secure-enrolled, gateway-error and never-answering cards),
the cashier retrying a failed or unknown sale with the same order ID, pre-authorizations with captures,
voids, 3-D Secure sales whose ACS page is driven with httpx as a browser would, checkout links paid on the
hosted page with httpx, and subscription edits through the client.
"""

from __future__ import annotations

import asyncio
import collections
import datetime as dt
import os
import random
import re
import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from html import unescape
from urllib.parse import urljoin

import httpx
import pytest

from klogs_desk.api.errors import KlogsError
from klogs_desk.api.models import (
    Frequency,
    NewOwnerRequest,
    OwnerDescription,
    RecurringListQuery,
    RecurringPaymentRequest,
    UpdateRecurringPaymentRequest,
)
from klogs_desk.callbacks import CallbackListener
from klogs_desk.domain.journal import Entry, EntryKind, EntryState, Journal
from klogs_desk.domain.orders import new_order_id
from klogs_desk.sandbox.faults import faults_of
from klogs_desk.sandbox.ledger import Operation, ledger_of
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig
from klogs_desk.services.checkout import CheckoutOrder, CheckoutService, CreateState
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState, PaymentService
from klogs_desk.services.reconciler import Reconciler
from klogs_desk.services.three_d_secure import ChallengeNotStarted, ThreeDSecureService
from klogs_desk.services.transactions import APPROVED_BY_NO_PIN, TransactionRefused, TransactionService
from tests.conftest import make_client

SOAK_OPS = int(os.environ.get("SOAK_OPS", "1000"))
SOAK_SEED = int(os.environ.get("SOAK_SEED", "20261126"))
#: Operations in flight at once (a busy shop's terminals share one gateway account).
CONCURRENCY = 12
#: The never-answering card sleeps this long; the client used for it gives up sooner.
HANG_SECONDS = 2.0

VISA, MASTERCARD, TROY = "4111111111111111", "5421190122090656", "9792030000000000"
AMEX = "378282246310005"  # any other Luhn-valid card is approved by the sandbox
APPROVING = (VISA, MASTERCARD, TROY, AMEX)
DECLINE, NO_FUNDS = "4000000000000002", "4000000000009995"
THREE_DS, THREE_DS_FAILS = "4000000000003220", "4000000000003238"
GATEWAY_ERROR, NEVER_ANSWERS = "4000000000000119", "4000000000000341"
#: Every card number and CVV the soak typed: the card-data scan (test_zz_card_data_at_rest) looks for them.
SOAK_PANS = APPROVING + (DECLINE, NO_FUNDS, THREE_DS, THREE_DS_FAILS, GATEWAY_ERROR, NEVER_ANSWERS)
SOAK_CVVS = ("739", "7391")

KIND_OF_OPERATION = {Operation.PAYMENT: EntryKind.SALE, Operation.PRE_AUTHORIZATION: EntryKind.PREAUTH,
                     Operation.THREE_DS: EntryKind.SALE_3DS, Operation.CHECKOUT: EntryKind.CHECKOUT}

pytestmark = [pytest.mark.soak, pytest.mark.anyio]


def future_year() -> str:
    return f"{(dt.date.today().year + 3) % 100:02d}"


def card_order(pan: str, amount: Decimal, order_id: str | None = None) -> CardOrder:
    return CardOrder(order_id=order_id or new_order_id(), amount=amount, currency="TRY", holder="Deniz Kaya",
                     pan=pan, expiry_month="11", expiry_year=future_year(),
                     cvv="7391" if pan == AMEX else "739")


@dataclass
class Tally:
    """What the soak did, for the printed summary and the assertions."""

    operations: collections.Counter = field(default_factory=collections.Counter)
    outcomes: collections.Counter = field(default_factory=collections.Counter)
    faults_armed: collections.Counter = field(default_factory=collections.Counter)
    refused_resends: int = 0
    unexpected: list[str] = field(default_factory=list)

    def op(self, name: str, outcome: object) -> None:
        self.operations[name] += 1
        self.outcomes[f"{name}:{getattr(outcome, 'value', outcome)}"] += 1


class Soak:
    """One soak run: a journal, the services, a sandbox with faults, and the tally."""

    def __init__(self, server: SandboxServer, journal: Journal, client, hang_client, rng: random.Random):  # type: ignore[no-untyped-def]
        self.server = server
        self.journal = journal
        self.services = AppServices(client=client, journal=journal)
        self.hang_services = AppServices(client=hang_client, journal=journal)
        self.payments = PaymentService(self.services)
        self.transactions = TransactionService(self.services)
        self.checkout = CheckoutService(self.services)
        self.listener = CallbackListener()
        self.three_ds = ThreeDSecureService(self.services, self.listener, challenge_timeout=30)
        self.faults = faults_of(server.state)
        self.rng = rng
        self.tally = Tally()
        self.subscriptions: dict[str, Decimal] = {}
        self.browser = httpx.AsyncClient(timeout=10.0)

    # --- faults ---------------------------------------------------------------------------------

    def arm_random_faults(self) -> None:
        """Before each batch: maybe arm one fault of each kind; latency switches on and off."""
        chances = {"server_errors": 0.35, "rate_limited": 0.2, "drop_after_processing": 0.35,
                   "drop_before_processing": 0.2}
        for name, chance in chances.items():
            if self.rng.random() < chance:
                self.faults.arm(**{name: 1})
                self.tally.faults_armed[name] += 1
        if self.rng.random() < 0.15:
            latency = self.rng.choice((0, 0, 15, 40))
            self.faults.arm(latency_ms=latency)
            if latency:
                self.tally.faults_armed["latency_batches"] += 1

    def faults_left(self) -> dict[str, int]:
        return self.faults.snapshot()

    # --- operations -----------------------------------------------------------------------------

    async def sale(self) -> None:
        pan = self.rng.choices(APPROVING + (DECLINE, NO_FUNDS, THREE_DS, GATEWAY_ERROR),
                               weights=(10, 6, 4, 3, 3, 2, 2, 3))[0]
        order = card_order(pan, self.amount())
        outcome = await self.payments.sale(order, confirmed_duplicate=True)
        self.tally.op("sale", outcome.state)
        if outcome.state is OutcomeState.ERROR or outcome.state is OutcomeState.ENROLLED:
            # The cashier presses Pay again with the same order ID (another card if the first needs 3DS).
            retry = card_order(self.rng.choice(APPROVING), order.amount, order.order_id)
            again = await self.payments.sale(retry, confirmed_duplicate=True)
            self.tally.op("sale retried", again.state)
        elif outcome.state is OutcomeState.UNKNOWN:
            await self.resend_is_refused(order)
        elif outcome.state is OutcomeState.APPROVED and self.rng.random() < 0.15:
            await self.void(outcome.entry_id)

    async def resend_is_refused(self, order: CardOrder) -> None:
        """A cashier who presses Pay again on an unknown sale must not send it again."""
        again = await self.payments.sale(order, confirmed_duplicate=True)
        if again.state is not OutcomeState.REFUSED:
            self.tally.unexpected.append(f"resend of unknown {order.order_id} was {again.state}")
        self.tally.refused_resends += 1

    async def never_answering_sale(self) -> None:
        order = card_order(NEVER_ANSWERS, self.amount())
        outcome = await PaymentService(self.hang_services).sale(order, confirmed_duplicate=True)
        self.tally.op("never-answering sale", outcome.state)
        await self.resend_is_refused(order)

    async def void(self, entry_id: int) -> None:
        try:
            result = await self.transactions.void(self.journal.get(entry_id), APPROVED_BY_NO_PIN)
        except TransactionRefused as refused:
            self.tally.op("void", "refused before sending")
            self.tally.unexpected.append(f"void refused: {refused}")
            return
        self.tally.op("void", result.state)

    async def preauth_and_capture(self) -> None:
        order = card_order(self.rng.choice(APPROVING + (DECLINE,)), self.amount())
        outcome = await self.payments.pre_authorize(order)
        self.tally.op("pre-authorization", outcome.state)
        if outcome.state is OutcomeState.UNKNOWN:
            return
        if outcome.state is OutcomeState.APPROVED:
            part = (order.amount * Decimal(self.rng.choice((50, 80, 100))) / 100).quantize(Decimal("0.01"))
            captured = await self.payments.capture(outcome.entry_id, part)
            self.tally.op("capture", captured.state)

    async def three_d_secure_sale(self) -> None:
        pan = self.rng.choice((THREE_DS, THREE_DS, THREE_DS_FAILS))
        order = card_order(pan, self.amount())
        try:
            challenge = await self.three_ds.begin(order, confirmed_duplicate=True)
        except ChallengeNotStarted as not_started:
            self.tally.op("3-D Secure", f"not started: {not_started.outcome.state.value}")
            return
        decision = "approve" if self.rng.random() < 0.85 else "fail"
        await self.answer_challenge(challenge.html_content, decision)
        outcome = await self.three_ds.finish(challenge)
        self.tally.op("3-D Secure", outcome.state)

    async def answer_challenge(self, html_content: str, decision: str) -> None:
        """Do what the card holder's browser does: open the ACS page, click, post the form it returns
        to the terminal's callback listener."""
        acs_url = unescape(re.search(r"action='([^']+)'", html_content).group(1))
        page = await self.browser.get(acs_url)
        assert page.status_code == 200, page.text
        answer = await self.browser.post(acs_url, data={"decision": decision})
        assert answer.status_code == 200, answer.text
        target = unescape(re.search(r"action='([^']+)'", answer.text).group(1))
        fields = {unescape(name): unescape(value) for name, value in
                  re.findall(r"name='([^']+)' value='([^']*)'", answer.text)}
        posted = await self.browser.post(target, data=fields)
        assert posted.status_code == 200, posted.text

    async def checkout_link(self) -> None:
        order = CheckoutOrder(order_id=new_order_id(), amount=self.amount(), currency="TRY",
                              description="Soak order")
        created = await self.checkout.create(order)
        if created.state is CreateState.ERROR:
            created = await self.checkout.create(order)  # the cashier presses Create again
        self.tally.op("checkout link", created.state)
        if created.state is not CreateState.CREATED:
            return
        pan = self.rng.choice(APPROVING + (DECLINE,))
        await self.pay_hosted_page(created.link.url, pan)
        refreshed = await self.checkout.refresh(created.link.entry_id)
        self.tally.op("checkout paid", refreshed.link.status)

    async def pay_hosted_page(self, url: str, pan: str) -> None:
        page = await self.browser.get(url)
        assert page.status_code == 200, page.text
        action = unescape(re.search(r"<form method='POST' action='([^']+)'", page.text).group(1))
        answer = await self.browser.post(urljoin(url, action), data={
            "cardHolderName": "Deniz Kaya", "pan": pan, "expiry": f"11/{future_year()}",
            "cvv": "7391" if pan == AMEX else "739"})
        assert answer.status_code == 200, answer.text

    async def follow_open_links(self) -> None:
        """What the Checkout tab's follow-up does: ask again about links still awaiting the customer
        (a lookup that met an injected fault just waits for the next round)."""
        for link in self.checkout.links(limit=1_000_000):
            if link.entry.state is EntryState.AWAITING_CUSTOMER:
                await self.checkout.refresh(link.entry_id)

    async def subscription_edit(self) -> None:
        if not self.subscriptions:
            return
        reference = self.rng.choice(sorted(self.subscriptions))
        amount = self.amount()
        try:
            await self.services.client.update_recurring_by_subscription(
                reference, UpdateRecurringPaymentRequest(amount=amount))
        except KlogsError as exc:
            self.tally.op("subscription edit", type(exc).__name__)
            return
        self.subscriptions[reference] = amount
        self.tally.op("subscription edit", "done")

    async def create_subscriptions(self, count: int) -> None:
        client = self.services.client
        start = self.server.state.clock.now().replace(hour=0, minute=0, second=0, microsecond=0)
        for n in range(count):
            phone = "+90555" + f"{uuid.uuid4().int % 10_000_000:07d}"
            await client.create_owner(NewOwnerRequest(phone=phone))
            reference = f"SOAK-SUB-{n}-{uuid.uuid4().hex[:8]}"
            await client.create_recurring(RecurringPaymentRequest(
                reference=reference, amount=Decimal("99.90"), currency_code="TRY",
                owner_description=OwnerDescription(
                    full_name="Deniz Kaya", email="deniz@example.com", phone=phone,
                    card_id=uuid.UUID("3fa85f64-5717-4562-b3fc-2c963f66afa6")),
                first_payment_time=start + dt.timedelta(days=5), frequency=Frequency.MONTHLY, interval=1,
                day_of_month=1, explanation="Soak subscription", payment_channel="mobile"))
            self.subscriptions[reference] = Decimal("99.90")

    def amount(self) -> Decimal:
        return Decimal(self.rng.randrange(100, 500_000)) / 100

    async def one_operation(self) -> None:
        choice = self.rng.choices(
            (self.sale, self.preauth_and_capture, self.three_d_secure_sale, self.checkout_link,
             self.subscription_edit), weights=(50, 15, 12, 11, 12))[0]
        await choice()


async def reconcile(journal: Journal, services: AppServices, seconds: float = 90) -> int:
    """Run the reconciler (no grace for 404s: every request here has long ended) until no row is left
    to settle or nothing changes any more. Returns how many rows it resolved."""
    reconciler = Reconciler(services, not_found_grace=0)
    resolved = 0
    deadline = time.monotonic() + seconds
    while journal.unresolved() and time.monotonic() < deadline:
        resolved += len(await reconciler.run_once())
        if not journal.unresolved():
            break
        await asyncio.sleep(0.25)
        if resolved and all(_waiting_on_gateway(row, services) for row in journal.unresolved()):
            break
    return resolved


def _waiting_on_gateway(row: Entry, services: AppServices) -> bool:
    """Unknown rows the gateway itself cannot settle yet (a 3-D Secure completion that never arrived)."""
    return row.kind is EntryKind.SALE_3DS


def payment_rows(journal: Journal) -> dict[str, Entry]:
    rows: dict[str, Entry] = {}
    for row in journal.search(limit=1_000_000):
        if row.parent_id is None:
            assert row.reference not in rows, f"two journal payments share order ID {row.reference}"
            rows[row.reference] = row
    return rows


def check_against_ledger(server: SandboxServer, journal: Journal, *, reconciled: bool) -> dict[str, int]:
    """The invariants; returns counts by journal state."""
    ledger = ledger_of(server.state)
    rows = payment_rows(journal)
    assert not [r for r in journal.search(limit=1_000_000) if r.state is EntryState.PENDING], \
        "a journal row was left pending without being flagged"

    for order_id, charges in ledger.charge_counts().items():
        assert charges == 1, f"order {order_id} was charged {charges} times"

    for record in ledger.records():
        row = rows.get(record.order_id)
        assert row is not None, f"the sandbox holds {record.order_id} ({record.status.value}) but the journal does not"
        assert row.kind is KIND_OF_OPERATION[record.operation], (record.order_id, row.kind, record.operation)
        gateway = record.status.value  # Success / Failed / Pending
        if gateway == "Success":
            allowed = {EntryState.APPROVED} if reconciled else {EntryState.APPROVED, EntryState.UNKNOWN}
        elif gateway == "Failed":
            allowed = {EntryState.DECLINED} if reconciled else {EntryState.DECLINED, EntryState.UNKNOWN}
        else:  # nothing charged yet: a 3-D Secure enrolment or a checkout link nobody paid
            allowed = {EntryState.AWAITING_CUSTOMER, EntryState.CANCELLED, EntryState.UNKNOWN,
                       EntryState.DECLINED}
        assert row.state in allowed, f"{record.order_id}: gateway {gateway}, journal {row.state.value}"
        if gateway == "Success" and row.state is EntryState.APPROVED:
            captures = [c for c in journal.children(row.id) if c.kind is EntryKind.CAPTURE]
            voids = [c for c in journal.children(row.id) if c.kind is EntryKind.VOID]
            if reconciled:
                approved_capture = [c.amount for c in captures if c.state is EntryState.APPROVED]
                expected = [record.captured_amount] if record.captured_amount is not None else []
                assert approved_capture == expected, (record.order_id, approved_capture, expected)
                assert any(v.state is EntryState.APPROVED for v in voids) == record.voided, record.order_id

    for order_id, row in rows.items():
        record = ledger.by_order(order_id)
        if row.state is EntryState.APPROVED and row.kind is not EntryKind.CHECKOUT:
            assert record is not None and record.status.value == "Success", f"{order_id} approved, gateway disagrees"
        if row.state is EntryState.NOT_CHARGED:
            assert ledger.charges_for(order_id) == 0, f"{order_id} resolved not charged but was charged"
    return collections.Counter(r.state.value for r in journal.search(limit=1_000_000))


@pytest.fixture
def soak_sandbox():
    server = SandboxServer(SandboxConfig(testing=True, hang_seconds=HANG_SECONDS, rate_limit_per_minute=1_000_000))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def soak_journal(app_home):
    # Under the app home on purpose: the card-data scan at the end of the run reads it.
    folder = app_home / "soak"
    folder.mkdir(exist_ok=True)
    journal = Journal(folder / f"journal-{uuid.uuid4().hex[:8]}.sqlite3")
    yield journal
    journal.close()


async def test_soak_money_moves_once_and_every_charge_is_journaled(soak_sandbox, soak_journal):
    started = time.monotonic()
    client = make_client(soak_sandbox, timeout=5.0)
    hang_client = make_client(soak_sandbox, timeout=HANG_SECONDS / 2)
    soak = Soak(soak_sandbox, soak_journal, client, hang_client, random.Random(SOAK_SEED))
    try:
        await soak.create_subscriptions(5)
        never_answering = asyncio.gather(*(soak.never_answering_sale() for _ in range(3)))
        done = 0
        while done < SOAK_OPS:
            soak.arm_random_faults()
            batch = min(CONCURRENCY, SOAK_OPS - done)
            await asyncio.gather(*(soak.one_operation() for _ in range(batch)))
            done += batch
        await never_answering
        left = soak.faults_left()
        soak.faults.reset()
        await soak.follow_open_links()

        before = check_against_ledger(soak_sandbox, soak_journal, reconciled=False)
        unknown_before = before.get("unknown", 0)
        resolved = await reconcile(soak_journal, soak.services)
        after = check_against_ledger(soak_sandbox, soak_journal, reconciled=True)

        for reference, amount in soak.subscriptions.items():
            page = await client.list_recurring(RecurringListQuery(subscription=reference))
            assert page.items[0].amount == amount, f"subscription {reference} lost an edit"
    finally:
        await soak.listener.stop()
        await soak.browser.aclose()
        await client.aclose()
        await hang_client.aclose()

    took = time.monotonic() - started
    injected = {name: soak.tally.faults_armed[name] - left.get(wire, 0) for name, wire in (
        ("server_errors", "serverErrors"), ("rate_limited", "rateLimited"),
        ("drop_after_processing", "dropAfterProcessing"), ("drop_before_processing", "dropBeforeProcessing"))}
    injected["latency_batches"] = soak.tally.faults_armed["latency_batches"]
    ledger = ledger_of(soak_sandbox.state)
    print(f"\nsoak: {sum(soak.tally.operations.values())} operations in {took:.1f} s "
          f"({SOAK_OPS} scheduled, seed {SOAK_SEED}): {dict(soak.tally.operations)}")
    print(f"soak: faults injected {injected}")
    print(f"soak: outcomes {dict(sorted(soak.tally.outcomes.items()))}")
    print(f"soak: ledger records {len(ledger.records())}, charges {sum(ledger.charge_counts().values())}; "
          f"journal rows {soak_journal.count()}; unknown before reconciling {unknown_before}, "
          f"reconciled {resolved}, still unknown {after.get('unknown', 0)}; "
          f"resends refused {soak.tally.refused_resends}; journal states {dict(after)}")

    assert not soak.tally.unexpected, soak.tally.unexpected
    assert sum(soak.tally.operations.values()) >= SOAK_OPS
    # The faults really happened, and really produced unknown outcomes that reconciliation settled.
    assert injected["server_errors"] and injected["drop_after_processing"] and injected["rate_limited"]
    assert unknown_before > 0 and resolved >= unknown_before - after.get("unknown", 0) > 0
    # What is still unknown is only what the gateway cannot settle either: flagged, not lost.
    assert all(_waiting_on_gateway(row, soak.services) for row in soak_journal.unresolved())


def test_sales_through_the_sale_tab_under_faults_are_reconciled(qtbot, event_loop_qt, soak_sandbox, soak_journal):
    """A handful of sales typed into the real Sale tab while the gateway misbehaves; one per fault kind."""
    from PySide6.QtCore import Qt

    from klogs_desk.ui.async_runner import RUNNER
    from klogs_desk.ui.sale_tab import SaleTab

    client = make_client(soak_sandbox, timeout=5.0)
    services = AppServices(client=client, journal=soak_journal)
    tab = SaleTab(services)
    tab.confirm_duplicate = lambda _message: True  # the cashier confirms; amounts differ anyway
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    faults = faults_of(soak_sandbox.state)
    seen: collections.Counter = collections.Counter()

    def pay(pan: str, amount: str | None) -> OutcomeState:
        if amount is not None:
            tab.form.amount.setText(amount)
        if not tab.form.holder.text():
            qtbot.keyClicks(tab.form.holder, "Deniz Kaya")
        qtbot.keyClicks(tab.form.pan, pan)
        qtbot.keyClicks(tab.form.expiry, "11" + future_year())
        qtbot.keyClicks(tab.form.cvv, "739")
        with qtbot.waitSignal(tab.payment_finished, timeout=15_000) as finished:
            qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: RUNNER.running == 0)  # Pay is enabled again
        seen[finished.args[0].state.value] += 1
        return finished.args[0].state

    plan = [({"drop_after_processing": 1}, OutcomeState.UNKNOWN), ({"server_errors": 1}, OutcomeState.ERROR),
            ({"rate_limited": 1}, OutcomeState.ERROR), ({"drop_before_processing": 1}, OutcomeState.UNKNOWN),
            ({"latency_ms": 30}, OutcomeState.APPROVED)]
    for n, (fault, expected) in enumerate(plan):
        faults.reset()
        faults.arm(**fault)
        order_id = tab.form.order_id.text()
        assert pay(VISA, f"{41 + n}.{n}0") is expected, fault
        if expected is OutcomeState.ERROR:
            # The same order ID is kept; the cashier types the card again and presses Pay.
            assert tab.form.order_id.text() == order_id
            assert pay(VISA, None) is OutcomeState.APPROVED
        else:
            assert tab.form.order_id.text() != order_id
    faults.reset()
    qtbot.waitUntil(lambda: RUNNER.running == 0)

    before = check_against_ledger(soak_sandbox, soak_journal, reconciled=False)
    task = event_loop_qt.create_task(reconcile(soak_journal, services))
    qtbot.waitUntil(task.done, timeout=60_000)
    resolved = task.result()
    after = check_against_ledger(soak_sandbox, soak_journal, reconciled=True)
    closing = event_loop_qt.create_task(client.aclose())
    qtbot.waitUntil(closing.done)
    print(f"\nsoak (Sale tab): {sum(seen.values())} sales {dict(seen)}; unknown before reconciling "
          f"{before.get('unknown', 0)}, reconciled {resolved}; journal states {dict(after)}")
    assert before["unknown"] == 2 and resolved == 2
    # Five order IDs (the two refused sales were paid on their own rows); the dropped-before one charged nothing.
    assert soak_journal.count() == 5 and (after["approved"], after["not_charged"]) == (4, 1)
