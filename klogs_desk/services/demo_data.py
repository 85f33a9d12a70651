"""Demo data for training mode: a day at the counter, made through the terminal's own services against the
built-in sandbox, so the journal and the sandbox agree row for row.

:func:`load_demo_data` makes, in order: approved sales on each brand, two declines, a void, an open
pre-authorization and a partly captured one, two checkout links waiting for the customer, a registered card
owner, subscriptions in every status the sandbox can reach (active, disabled, waiting for the owner, waiting
for a saved card, complete) and a payment order. Refunds are not among them: the sandbox refunds only
settled payments (after midnight UTC) and a demo cannot wait for that; the void shows the money going back.

Only for the built-in sandbox (the caller checks): it moves no real money, but it fills the journal.
References carry a per-run suffix, so loading twice adds a second day instead of colliding.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import secrets
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Callable

from ..api.enums import RegisteredPaymentStatus
from ..domain.orders import new_order_id
from ..domain.schedule import Frequency
from .checkout import CheckoutOrder, CheckoutService
from .context import AppServices
from .payments import CardOrder, OutcomeState, PaymentService
from .subscriptions import SubscriptionsService
from .transactions import APPROVED_BY_NO_PIN, TransactionService

if TYPE_CHECKING:
    from ..api.models.recurring import RecurringPaymentRequest

#: The sandbox's saved card, and its card that is never saved (README "Sandbox rules": waitForCardSave).
SAVED_CARD = uuid.UUID("3fa85f64-5717-4562-b3fc-2c963f66afa6")
UNSAVED_CARD = uuid.UUID("00000000-0000-4000-8000-000000000000")

#: (PAN, holder, amount) of the day's sales; the last two are the sandbox's declining cards.
SALES: tuple[tuple[str, str, str], ...] = (
    ("4111111111111111", "Ayse Yilmaz", "249.90"),
    ("5421190122090656", "Mehmet Demir", "1234.56"),
    ("9792030000000000", "Zeynep Kaya", "87.50"),
    ("4111111111111111", "Can Ozturk", "15.00"),
    ("5421190122090656", "Elif Sahin", "560.00"),
    ("4000000000000002", "Burak Celik", "99.00"),
    ("4000000000009995", "Deniz Arslan", "3200.00"),
)

#: Steps reported to ``progress`` (for a progress bar's maximum).
STEPS = len(SALES) + 1 + 3 + 2 + 1 + 5 + 1 + 1


@dataclass
class DemoSummary:
    """What was made (counts), for the cashier's "Demo data loaded" line and the tests."""

    sales: int = 0
    voids: int = 0
    preauthorizations: int = 0
    captures: int = 0
    checkout_links: int = 0
    subscriptions: int = 0
    payment_orders: int = 0


async def load_demo_data(services: AppServices, progress: Callable[[int], None] = lambda _step: None, *,
                         complete_wait: float = 3.0) -> DemoSummary:
    """Make the demo day (see the module docstring); ``progress(done)`` after each step, up to :data:`STEPS`.

    ``complete_wait`` seconds separate a one-payment subscription's only payment from now: the sandbox
    pays it and marks it complete once that moment has passed, so this waits that long at the end."""
    from ..api.models.recurring import (
        NewOwnerRequest,
        OwnerDescription,
        PaymentOrderRequest,
        RecurringListQuery,
        UpdateRecurringPaymentRequest,
    )

    summary = DemoSummary()
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        progress(done)

    payments = PaymentService(services)
    year = f"{(dt.date.today().year + 3) % 100:02d}"
    approved: list[int] = []
    for pan, holder, amount in SALES:
        order = CardOrder(order_id=new_order_id(), amount=Decimal(amount), currency="TRY", holder=holder, pan=pan,
                          expiry_month="12", expiry_year=year, cvv="123")
        outcome = await payments.sale(order, confirmed_duplicate=True)
        summary.sales += 1
        if outcome.state is OutcomeState.APPROVED and outcome.entry_id is not None:
            approved.append(outcome.entry_id)
        step()

    if len(approved) > 3:  # the cashier keyed 15.00 by mistake and voided it
        await TransactionService(services).void(services.journal.get(approved[3]), APPROVED_BY_NO_PIN)
        summary.voids += 1
    step()

    held: list[int] = []
    for holder, amount in (("Hotel Guest 204", "1500.00"), ("Car Rental 17", "800.00")):
        order = CardOrder(order_id=new_order_id(), amount=Decimal(amount), currency="TRY", holder=holder,
                          pan="4111111111111111", expiry_month="12", expiry_year=year, cvv="123")
        outcome = await payments.pre_authorize(order)
        summary.preauthorizations += 1
        if outcome.state is OutcomeState.APPROVED and outcome.entry_id is not None:
            held.append(outcome.entry_id)
        step()
    if len(held) > 1:  # the rental car came back: 650.00 of 800.00 taken, the rest released
        await payments.capture(held[1], Decimal("650.00"))
        summary.captures += 1
    step()

    checkout = CheckoutService(services)
    for amount, description in (("349.00", "Online order 1042"), ("89.90", "Gift card")):
        await checkout.create(CheckoutOrder(order_id=new_order_id(), amount=Decimal(amount), currency="TRY",
                                            description=description))
        summary.checkout_links += 1
        step()

    subscriptions = SubscriptionsService(services)
    suffix = secrets.token_hex(2).upper()
    owner_phone = "+90555" + f"{secrets.randbelow(10 ** 7):07d}"
    waiting_phone = "+90532" + f"{secrets.randbelow(10 ** 7):07d}"
    await subscriptions.register_owner(NewOwnerRequest(phone=owner_phone))
    step()

    now = dt.datetime.now(dt.timezone.utc)
    tomorrow = (now + dt.timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)

    def subscription(reference: str, name: str, amount: str, phone: str, card: uuid.UUID, *,
                     first: dt.datetime = tomorrow, last: dt.datetime | None = None,
                     frequency: Frequency = Frequency.MONTHLY) -> RecurringPaymentRequest:
        from ..api.models.recurring import OwnerDescription, RecurringPaymentRequest

        return RecurringPaymentRequest(
            reference=f"DEMO-{suffix}-{reference}", amount=Decimal(amount), currency_code="TRY",
            owner_description=OwnerDescription(full_name=name, phone=phone, card_id=card,
                                               email=f"{reference.lower()}@example.com"),
            explanation=name, first_payment_time=first, last_payment_time=last, frequency=frequency, interval=1,
            day_of_month=first.day if frequency is Frequency.MONTHLY else None)

    once = now + dt.timedelta(seconds=complete_wait)
    requests = (subscription("GYM", "Gym membership", "450.00", owner_phone, SAVED_CARD),
                subscription("MAGAZINE", "Magazine", "39.90", owner_phone, SAVED_CARD),
                subscription("COFFEE", "Coffee club", "120.00", waiting_phone, SAVED_CARD),
                subscription("LOCKER", "Locker rent", "75.00", owner_phone, UNSAVED_CARD),
                subscription("WORKSHOP", "Workshop fee", "300.00", owner_phone, SAVED_CARD, first=once, last=once,
                             frequency=Frequency.DAILY))
    for request in requests:
        await subscriptions.create(request)
        summary.subscriptions += 1
        step()
    await subscriptions.update_by_subscription(  # cancelled by the customer
        requests[1].reference, UpdateRecurringPaymentRequest(status=RegisteredPaymentStatus.DISABLED))
    step()

    await subscriptions.create_payment_order(PaymentOrderRequest(
        reference=f"DEMO-{suffix}-ORDER", amount=Decimal("1250.00"), currency_code="TRY",
        owner_description=OwnerDescription(full_name="Ayse Yilmaz", phone=owner_phone, card_id=SAVED_CARD),
        explanation="Furniture, second instalment", payment_time=tomorrow))
    summary.payment_orders += 1

    # The workshop's only payment falls due: the sandbox pays it and completes it on the next request.
    await asyncio.sleep(max(0.0, (once - dt.datetime.now(dt.timezone.utc)).total_seconds()) + 0.3)
    await subscriptions.list_page(RecurringListQuery(page=1, page_size=1))
    step()
    return summary

