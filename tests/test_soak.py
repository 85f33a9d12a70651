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
hosted page with httpx, and subscription edits through the Subscriptions tab's service while the recurring
API answers 503 now and then (``recurringServerErrors``): every edit is checked with ``GET /recurring``
straight after it: done and shown, or refused with a readable ServerError and nothing changed.

Then the refund phase: the sandbox clock moves past the daily settlement and some of the approved payments
are refunded (partial and full, several rounds, through :class:`TransactionService`) while the payment API
answers 5xx/429 and cuts connections before and after processing. Between rounds and at the end the
reconciler settles the unknown refunds; afterwards every refund the ledger holds is an approved journal row
(answered, or unknown and then resolved by the reconciler), every payment's journal balance equals the
ledger's (no refund applied twice), and no balance is below zero.
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
from decimal import ROUND_DOWN, Decimal
from html import unescape
from urllib.parse import urljoin

import httpx
import pytest

from klogs_desk.api.errors import KlogsError, ServerError
from klogs_desk.api.models import (
    Frequency,
    NewOwnerRequest,
    OwnerDescription,
    RecurringListQuery,
    RecurringPaymentRequest,
    UpdateRecurringPaymentRequest,
)
from klogs_desk.api.models.transactions import TransactionStatus, TransactionType
from klogs_desk.callbacks import CallbackListener
from klogs_desk.domain.journal import Entry, EntryKind, EntryState, Journal
from klogs_desk.domain.orders import new_order_id
from klogs_desk.sandbox.faults import WIRE_NAMES, faults_of
from klogs_desk.sandbox.ledger import Operation, ledger_of
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig
from klogs_desk.services.checkout import CheckoutOrder, CheckoutService, CreateState
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState, PaymentService
from klogs_desk.services.reconciler import Reconciler
from klogs_desk.services.subscriptions import SubscriptionsService
from klogs_desk.services.three_d_secure import ChallengeNotStarted, ThreeDSecureService
from klogs_desk.services.transactions import (
    APPROVED_BY_NO_PIN,
    TransactionOutcomeState,
    TransactionRefused,
    TransactionService,
    remaining_balance,
)
from tests.conftest import make_client

SOAK_OPS = int(os.environ.get("SOAK_OPS", "1000"))
SOAK_SEED = int(os.environ.get("SOAK_SEED", "20261126"))
#: Operations in flight at once (a busy shop's terminals share one gateway account).
CONCURRENCY = 12
#: The never-answering card sleeps this long; the client used for it gives up sooner.
HANG_SECONDS = 2.0
#: Refund rounds after settlement; the reconciler settles unknown refunds between them, so a payment whose
#: refund was lost can be refunded further in the next round (as a cashier would once the Journal says).
REFUND_ROUNDS = 3
#: How far the sandbox clock moves before the refunds: past the next daily cut-off (00:00 UTC) whatever
#: the time of day the soak runs.
PAST_SETTLEMENT = dt.timedelta(days=1, hours=1)
#: snake_case fault name -> the admin API's camelCase name (for reading what is left of an armed fault).
WIRE_NAME = {snake: wire for wire, snake in WIRE_NAMES.items()}

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

#: Out of the default run; `.ci/run` runs it as its own step together with the card-data scan.
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
    #: Refund phase: attempted/partial/full/approved/refused by an injected fault/unknown/resends refused.
    refunds: collections.Counter = field(default_factory=collections.Counter)
    refund_faults_armed: collections.Counter = field(default_factory=collections.Counter)
    refund_faults_fired: collections.Counter = field(default_factory=collections.Counter)
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
        self.subscription_service = SubscriptionsService(self.services)
        #: What each subscription's amount must be: its last edit that the gateway accepted.
        self.subscriptions: dict[str, Decimal] = {}
        #: One manager edits a subscription at a time, so "what the list shows after my edit" is well defined.
        self.subscription_locks: collections.defaultdict[str, asyncio.Lock] = collections.defaultdict(asyncio.Lock)
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
        # The recurring API's own counter; armed only when used up, so armed - left = fired exactly, and
        # never above 2 so that the GET checking an edit (retried up to 3 times) always gets through.
        if self.faults_left()["recurringServerErrors"] == 0 and self.rng.random() < 0.3:
            count = self.rng.choice((1, 2))
            self.faults.arm(recurring_server_errors=count)
            self.tally.faults_armed["recurring_server_errors"] += count

    def add_faults(self, **counts: int) -> None:
        """Arm more of each named fault on top of what is left (so every armed one can be counted)."""
        left = self.faults_left()
        self.faults.arm(**{name: left[WIRE_NAME[name]] + count for name, count in counts.items()})

    def disarm_counting(self, armed: collections.Counter, fired: collections.Counter) -> None:
        """Reset the faults, adding to ``fired`` how many of those in ``armed`` (since the last call) fired."""
        left = self.faults_left()
        for name, count in armed.items():
            fired[name] += count - left[WIRE_NAME[name]]
        armed.clear()
        self.faults.reset()

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
            row = self.journal.find_payment(self.services.environment, EntryKind.SALE, order.order_id)
            self.tally.unexpected.append(
                f"resend of unknown {order.order_id} was {again.state.value} ({again.message}); journal row "
                f"{row and (row.id, row.state.value, row.note, row.result_message, row.created_at, row.updated_at)}")
        self.tally.refused_resends += 1

    async def never_answering_sale(self) -> None:
        order = card_order(NEVER_ANSWERS, self.amount())
        hang_payments = PaymentService(self.hang_services)
        outcome = await hang_payments.sale(order, confirmed_duplicate=True)
        self.tally.op("never-answering sale", outcome.state)
        for _press in range(3):
            if outcome.state is not OutcomeState.ERROR:
                break
            # It runs alongside the first batch and may meet that batch's injected 503/429 first: nothing
            # was recorded, so the cashier presses Pay again on the same order ID (as after any error).
            outcome = await hang_payments.sale(order, confirmed_duplicate=True)
            self.tally.op("never-answering sale retried", outcome.state)
        if outcome.state is not OutcomeState.UNKNOWN:
            self.tally.unexpected.append(f"never-answering sale {order.order_id} ended {outcome.state.value}")
            return
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
        """Do what the card holder's browser does: open the bank's ACS page, click (which posts to the
        gateway), post the form the gateway returns to the terminal's callback listener."""
        acs_url = unescape(re.search(r"action='([^']+)'", html_content).group(1))
        page = await self.browser.post(acs_url)  # the bank's page, on another host than the gateway
        assert page.status_code == 200, page.text
        back_to_gateway = unescape(re.search(r"action='([^']+)'", page.text).group(1))
        answer = await self.browser.post(back_to_gateway, data={"decision": decision})
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
        """A manager changes a subscription's amount, then reads the list: the edit is shown, or it was
        refused with a readable 5xx message and the old amount is still there. Never lost silently."""
        if not self.subscriptions:
            return
        reference = self.rng.choice(sorted(self.subscriptions))
        amount = self.amount()
        async with self.subscription_locks[reference]:
            before = self.subscriptions[reference]
            try:
                await self.subscription_service.update_by_subscription(
                    reference, UpdateRecurringPaymentRequest(amount=amount))
            except ServerError as exc:
                outcome, expected = "refused by 5xx", before
                if not readable_server_error(exc):
                    self.tally.unexpected.append(f"edit of {reference}: unreadable 5xx message {exc.message!r}")
            except KlogsError as exc:  # the recurring faults are 503s only: anything else is a finding
                self.tally.op("subscription edit", type(exc).__name__)
                self.tally.unexpected.append(f"edit of {reference} failed with {type(exc).__name__}: {exc.message}")
                return
            else:
                outcome, expected = "done", amount
            self.tally.op("subscription edit", outcome)
            try:
                shown = (await self.subscription_service.list_page(
                    RecurringListQuery(subscription=reference))).items[0].amount
            except KlogsError as exc:
                self.tally.unexpected.append(f"the list after editing {reference} failed: {exc.message}")
                return
            if shown != expected:
                self.tally.unexpected.append(
                    f"edit of {reference} to {amount} ended {outcome!r} but the list shows {shown}, not {expected}")
            self.subscriptions[reference] = shown

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

    # --- refunds after settlement ---------------------------------------------------------------

    def refundable(self, payment: Entry) -> Entry | None:
        """The row whose money a refund of ``payment`` returns now (the service's own rules), or None."""
        try:
            return self.transactions.refund_target(self.journal.get(payment.id))
        except TransactionRefused:
            return None

    async def refund_phase(self, payments: int) -> None:
        """Move the clock past settlement and refund ``payments`` approved payments in rounds under faults;
        the reconciler settles unknown refunds between rounds (faults off while it looks them up)."""
        self.server.state.clock.advance(PAST_SETTLEMENT)
        candidates = [row for row in payment_rows(self.journal).values()
                      if row.state is EntryState.APPROVED and self.refundable(row) is not None]
        chosen = self.rng.sample(sorted(candidates, key=lambda row: row.id), min(payments, len(candidates)))
        for _ in range(REFUND_ROUNDS):
            still_open = [row for row in chosen if self.refundable(row) is not None]
            for start in range(0, len(still_open), CONCURRENCY):
                self.arm_refund_faults()
                await asyncio.gather(*(self.refund(row) for row in still_open[start:start + CONCURRENCY]))
            self.disarm_counting(self.tally.refund_faults_armed, self.tally.refund_faults_fired)
            await reconcile(self.journal, self.services, kinds={EntryKind.REFUND})

    def arm_refund_faults(self) -> None:
        chances = {"server_errors": 0.4, "drop_after_processing": 0.5, "drop_before_processing": 0.15,
                   "rate_limited": 0.15}
        for name, chance in chances.items():
            if self.rng.random() < chance:
                self.add_faults(**{name: 1})
                self.tally.refund_faults_armed[name] += 1

    async def refund(self, payment: Entry) -> None:
        """One cashier refund of ``payment``: partial or the whole rest; pressed again once if a fault
        refused it; after a lost answer, pressing Refund again must be refused until it is resolved."""
        target = self.refundable(payment)
        if target is None:
            return
        left = remaining_balance(self.journal, target)
        full = left < Decimal("0.02") or self.rng.random() < 0.35
        amount = left if full else self.partial_refund(left)
        for _attempt in range(2):
            try:
                outcome = await self.transactions.refund(self.journal.get(payment.id), amount, APPROVED_BY_NO_PIN)
            except TransactionRefused as refused:
                self.tally.unexpected.append(f"refund of {payment.reference} refused before sending: {refused}")
                return
            self.tally.refunds["attempted"] += 1
            self.tally.refunds["full" if full else "partial"] += 1
            self.tally.refunds[outcome.state.value] += 1
            if outcome.state is TransactionOutcomeState.UNKNOWN:
                await self.refund_resend_is_refused(payment, amount)
                return
            if outcome.state is TransactionOutcomeState.DONE:
                return
            # Refused: after settlement with money left only an injected 5xx/429 may refuse it, in words.
            if "injected fault" not in outcome.message or "Traceback" in outcome.message:
                self.tally.unexpected.append(f"refund of {payment.reference} refused: {outcome.message!r}")
                return
            self.tally.refunds["refused by injected fault"] += 1

    async def refund_resend_is_refused(self, payment: Entry, amount: Decimal) -> None:
        try:
            again = await self.transactions.refund(self.journal.get(payment.id), amount, APPROVED_BY_NO_PIN)
        except TransactionRefused:
            self.tally.refunds["resends of an unknown refund refused"] += 1
            return
        self.tally.unexpected.append(f"refund of {payment.reference} sent again while unknown: {again.state}")

    def partial_refund(self, left: Decimal) -> Decimal:
        """Less than ``left``: a share of it, or a round 10.00 (equal amounts on one payment make the
        reconciler tell refunds apart by counting them)."""
        if left > Decimal("20.00") and self.rng.random() < 0.3:
            return Decimal("10.00")
        share = left * Decimal(self.rng.choice((25, 40, 50))) / 100
        return max(Decimal("0.01"), share.quantize(Decimal("0.01"), rounding=ROUND_DOWN))

    async def one_operation(self) -> None:
        choice = self.rng.choices(
            (self.sale, self.preauth_and_capture, self.three_d_secure_sale, self.checkout_link,
             self.subscription_edit), weights=(50, 15, 12, 11, 12))[0]
        await choice()


async def reconcile(journal: Journal, services: AppServices, seconds: float = 90, *,
                    kinds: set[EntryKind] | None = None) -> int:
    """Run the reconciler (no grace for 404s: every request here has long ended) until no row (of
    ``kinds``, if given) is left to settle or nothing changes any more. Returns how many rows it resolved."""
    # The terminal's budget (30 lookups a minute, kept inside the gateway's rate limit) would stretch the
    # soak's hundreds of rows over many minutes; its sandbox has no practical limit, so neither does this.
    reconciler = Reconciler(services, not_found_grace=0, lookups_per_minute=1_000_000)

    def open_rows() -> list[Entry]:
        return [row for row in journal.unresolved() if kinds is None or row.kind in kinds]

    resolved = 0
    deadline = time.monotonic() + seconds
    while open_rows() and time.monotonic() < deadline:
        resolved += len(await reconciler.run_once())
        if not open_rows():
            break
        await asyncio.sleep(0.25)
        if resolved and all(_waiting_on_gateway(row, services) for row in open_rows()):
            break
    return resolved


def readable_server_error(exc: ServerError) -> bool:
    """What the Subscriptions tab shows for a 5xx: the status and that nothing was done, no raw body."""
    return (exc.status == 503 and "503" in exc.message and "Nothing was" in exc.message
            and "{" not in exc.message and "Traceback" not in exc.message)


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


def money_row(journal: Journal, payment: Entry) -> Entry:
    """The row holding ``payment``'s refundable money: its approved capture for a pre-authorization."""
    if payment.kind is EntryKind.PREAUTH:
        for child in journal.children(payment.id):
            if child.kind is EntryKind.CAPTURE and child.state is EntryState.APPROVED:
                return child
    return payment


def check_refunds_against_ledger(server: SandboxServer, journal: Journal) -> collections.Counter:
    """After reconciliation: every refund the ledger made is an approved journal refund (answered or
    resolved by the reconciler), none twice; every approved payment's journal balance equals the
    ledger's; no balance below zero. Returns how the journal's refund rows ended."""
    ledger = ledger_of(server.state)
    rows = payment_rows(journal)
    ended: collections.Counter = collections.Counter()
    for record in ledger.records():
        assert record.balance() >= 0, f"{record.order_id}: ledger balance {record.balance()}"
        made = sorted(e.amount for e in record.related
                      if e.type is TransactionType.REFUND and e.status is TransactionStatus.SUCCESS)
        row = rows[record.order_id]
        if row.state is not EntryState.APPROVED:
            assert not made, f"{record.order_id} refunded at the gateway, journal says {row.state.value}"
            continue
        target = money_row(journal, row)
        refunds = [c for c in journal.children(target.id) if c.kind is EntryKind.REFUND]
        journaled = sorted(c.amount for c in refunds if c.state is EntryState.APPROVED)
        assert journaled == made, f"{record.order_id}: journal refunds {journaled}, gateway refunds {made}"
        assert remaining_balance(journal, target) == record.balance(), \
            f"{record.order_id}: journal balance {remaining_balance(journal, target)}, gateway balance {record.balance()}"
        for refund in refunds:
            assert not refund.unresolved, f"refund row {refund.id} of {record.order_id} left {refund.state.value}"
            if refund.resolution is None:
                ended[f"{refund.state.value} when answered"] += 1
            else:
                assert str(refund.resolution).startswith("gateway lookup:"), refund.resolution
                ended[f"{refund.state.value} by reconciler"] += 1
    for row in journal.search(limit=1_000_000):
        assert row.balance is None or row.balance >= 0, f"journal row {row.id}: balance {row.balance}"
    return ended


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

        refunds_started = time.monotonic()
        mixed_seconds = refunds_started - started
        await soak.refund_phase(max(2 * CONCURRENCY, SOAK_OPS // 6))
        refund_seconds = time.monotonic() - refunds_started
        after_refunds = check_against_ledger(soak_sandbox, soak_journal, reconciled=True)
        refunds_ended = check_refunds_against_ledger(soak_sandbox, soak_journal)
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
    recurring_fired = soak.tally.faults_armed["recurring_server_errors"] - left["recurringServerErrors"]
    refunds = soak.tally.refunds
    ledger = ledger_of(soak_sandbox.state)
    print(f"\nsoak: {sum(soak.tally.operations.values())} operations in {mixed_seconds:.1f} s "
          f"({SOAK_OPS} scheduled, seed {SOAK_SEED}): {dict(soak.tally.operations)}")
    print(f"soak: faults injected {injected}")
    print(f"soak: outcomes {dict(sorted(soak.tally.outcomes.items()))}")
    print(f"soak: ledger records {len(ledger.records())}, charges {sum(ledger.charge_counts().values())}; "
          f"journal rows {soak_journal.count()}; unknown before reconciling {unknown_before}, "
          f"reconciled {resolved}, still unknown {after.get('unknown', 0)}; "
          f"resends refused {soak.tally.refused_resends}; journal states {dict(after)}")
    print(f"soak: recurring faults fired {recurring_fired} (edits done {soak.tally.outcomes['subscription edit:done']}, "
          f"refused with a readable 503 and unchanged {soak.tally.outcomes['subscription edit:refused by 5xx']})")
    print(f"soak: refunds after settlement in {refund_seconds:.1f} s: attempted {refunds['attempted']} "
          f"(partial {refunds['partial']}, full {refunds['full']}), approved {refunds['done']}, "
          f"refused by an injected fault {refunds['refused by injected fault']}, unknown {refunds['unknown']}, "
          f"resolved by the reconciler {refunds_ended['approved by reconciler']} done + "
          f"{refunds_ended['not_charged by reconciler']} not done; resends of an unknown refund refused "
          f"{refunds['resends of an unknown refund refused']}; faults fired {dict(soak.tally.refund_faults_fired)}; "
          f"journal refund rows {dict(refunds_ended)}; journal states {dict(after_refunds)}")
    print(f"soak: {took:.1f} s in all")

    assert not soak.tally.unexpected, soak.tally.unexpected
    assert sum(soak.tally.operations.values()) >= SOAK_OPS
    # The faults really happened, and really produced unknown outcomes that reconciliation settled.
    assert injected["server_errors"] and injected["drop_after_processing"] and injected["rate_limited"]
    assert unknown_before > 0 and resolved >= unknown_before - after.get("unknown", 0) > 0
    # What is still unknown is only what the gateway cannot settle either: flagged, not lost.
    assert all(_waiting_on_gateway(row, soak.services) for row in soak_journal.unresolved())
    # The subscription edits met the recurring API's 503s, and some were refused by them (checked unchanged).
    assert recurring_fired > 0 and soak.tally.outcomes["subscription edit:refused by 5xx"] > 0
    assert soak.tally.outcomes["subscription edit:done"] > 0
    # Refunds of both sizes went through; faults refused some and lost the answer of others, and every
    # lost one was settled by the reconciler (some of them as done: the refund had been made).
    assert refunds["partial"] and refunds["full"] and refunds["done"]
    assert refunds["refused by injected fault"] and refunds["unknown"]
    assert refunds_ended["approved by reconciler"] > 0
    assert (refunds_ended["approved by reconciler"] + refunds_ended["not_charged by reconciler"]
            == refunds["unknown"] == refunds["resends of an unknown refund refused"])


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
