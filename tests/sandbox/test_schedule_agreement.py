"""The app's preview and the sandbox's scheduler agree: what the cashier is shown is what gets charged.

For random schedules, a subscription is created on a sandbox of its own, the sandbox clock is moved
forward step by step over three years, and after every step the subscription's ``lastPaymentAtUtc`` is
read. The step is a minute shorter than the shortest gap between two previewed payments, so no payment
can hide between two reads: the sequence of ``lastPaymentAtUtc`` values must be exactly the preview's
dates (``domain.schedule.payment_dates``) up to the final clock time, and the sandbox's record of
payments must hold the same dates.

The property runs in-process: the sandbox's registered-payment store and scheduler are wired, as the
recurring router wires them, onto a clock the test moves (starting at a random instant, so
month ends and leap years come up whatever day the suite runs), and each step reads the subscription
from the store, as ``GET /recurring`` does. One example runs the same walk end to end over loopback
HTTP, moving the clock with ``POST /_sandbox/clock/advance``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal
from typing import Any, Callable

import anyio
import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from klogs_desk.api.models import NewOwnerRequest, RecurringListQuery, RecurringPaymentRequest
from klogs_desk.api.models.recurring import Frequency, RecurringPayment, RegisteredPaymentStatus
from klogs_desk.domain.schedule import payment_dates
from klogs_desk.sandbox import recurring
from klogs_desk.sandbox.card_storage import DOCS_EXAMPLE_CARD_ID
from klogs_desk.sandbox.recurring_store import RecurringStore, Subscription
from klogs_desk.sandbox.scheduler import RecurringScheduler, reschedule
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig
from tests.conftest import make_client

HORIZON = dt.timedelta(days=3 * 365 + 1)
PHONE = "+905551234567"
UTC = dt.timezone.utc


class ManualClock:
    """The sandbox clock's interface (``now``, ``advance``, ``on_advance``), but time moves only when told."""

    def __init__(self, start: dt.datetime) -> None:
        self._now = start
        self._listeners: list[Callable[[dt.datetime], Any]] = []

    def now(self) -> dt.datetime:
        return self._now

    def advance(self, delta: dt.timedelta) -> dt.datetime:
        assert delta >= dt.timedelta(0)
        self._now += delta
        for listener in list(self._listeners):
            listener(self._now)
        return self._now

    def on_advance(self, listener: Callable[[dt.datetime], Any]) -> None:
        self._listeners.append(listener)


def _request(now: dt.datetime, frequency: Frequency, interval: int, day: int, month: int,
             start_offset: dt.timedelta, lifetime: dt.timedelta | None) -> RecurringPaymentRequest:
    """A valid ``POST /recurring`` body (validated against ``now``, as the sandbox validates it)."""
    first = now.replace(microsecond=0) + start_offset
    return RecurringPaymentRequest.model_validate({
        "reference": f"AGREE-{uuid.uuid4().hex[:10]}", "amount": Decimal("10.00"), "currency_code": "TRY",
        "owner_description": {"full_name": "Agreement Test", "phone": PHONE,
                               # the docs' example card: saved at every sandbox (an invented id is a 400)
                               "card_id": DOCS_EXAMPLE_CARD_ID},
        "first_payment_time": first, "last_payment_time": first + lifetime if lifetime is not None else None,
        "frequency": frequency, "interval": interval,
        "day_of_month": day if frequency is not Frequency.DAILY else None,
        "month_of_year": month if frequency is Frequency.YEARLY else None,
    }, context={"now": now})


def _preview(request: RecurringPaymentRequest, end: dt.datetime) -> tuple[list[dt.datetime], dt.timedelta]:
    """The app's preview up to ``end`` (or the last payment time) and a step that cannot skip a payment."""
    last = request.last_payment_time
    preview = payment_dates(request.first_payment_time, request.frequency, request.interval, request.day_of_month,
                            request.month_of_year, until=min(end, last) if last is not None else end)
    gaps = [b - a for a, b in zip(preview, preview[1:], strict=False)]
    return preview, min(gaps, default=HORIZON) - dt.timedelta(minutes=1)


@dataclasses.dataclass
class Walk:
    """What one walk over the horizon saw."""

    request: RecurringPaymentRequest
    paid_by_end: list[dt.datetime]  # the previewed dates up to the final clock time
    seen: list[dt.datetime]  # every distinct lastPaymentAtUtc read after a step
    recorded: list[dt.datetime]  # the sandbox's record of payments made
    final: RecurringPayment  # the subscription as last read


def _note(seen: list[dt.datetime], item: RecurringPayment) -> None:
    if item.last_payment_at_utc is not None and (not seen or seen[-1] != item.last_payment_at_utc):
        seen.append(item.last_payment_at_utc)


def _walk_in_process(start: dt.datetime, *schedule: Any) -> Walk:
    clock = ManualClock(start)
    # Wired as recurring.build_router wires them (without building the routes: 0.1 s an example).
    store = RecurringStore(None)
    scheduler = RecurringScheduler(store)
    clock.on_advance(scheduler.run_due)
    try:
        request = _request(clock.now(), *schedule)
        end = clock.now() + HORIZON
        preview, step = _preview(request, end)
        # What POST /recurring does for a registered owner and a saved card.
        owner = request.owner_description
        sub = Subscription(
            id=uuid.uuid4(), reference=request.reference, amount=request.amount,
            currency_code=request.currency_code, status=RegisteredPaymentStatus.ACTIVE, created_at=clock.now(),
            full_name=owner.full_name, phone=owner.phone, email=owner.email, card_id=owner.card_id,
            owner_id=recurring.owner_id_for(owner.phone), frequency=request.frequency, interval=request.interval,
            day_of_month=request.day_of_month, month_of_year=request.month_of_year,
            first_payment_time=request.first_payment_time, last_payment_time=request.last_payment_time)
        reschedule(sub, clock.now())
        store.add_subscription(sub)
        seen: list[dt.datetime] = []
        while clock.now() < end:
            clock.advance(min(step, end - clock.now()))
            scheduler.run_due(clock.now())  # as GET /recurring does before it reads
            stored = store.subscription_by_reference(request.reference)
            assert stored is not None
            item = RecurringPayment.model_validate(stored.to_wire())
            _note(seen, item)
        recorded = store.payments_of(item.id)
    finally:
        store.close()
    return Walk(request, [d for d in preview if d <= clock.now()], seen, recorded, item)


async def _walk_over_http(*schedule: Any) -> Walk:
    with SandboxServer(SandboxConfig(testing=True, rate_limit_per_minute=0)) as server:
        clock = server.state.clock
        request = _request(clock.now(), *schedule)
        end = clock.now() + HORIZON
        preview, step = _preview(request, end)
        seen: list[dt.datetime] = []
        async with make_client(server) as client, httpx.AsyncClient(base_url=server.url, timeout=5) as admin:
            await client.create_owner(NewOwnerRequest(phone=PHONE))
            await client.create_recurring(request)
            query = RecurringListQuery(subscription=request.reference)
            while clock.now() < end:
                seconds = min(step, end - clock.now()).total_seconds()
                (await admin.post("/_sandbox/clock/advance", json={"seconds": seconds})).raise_for_status()
                item = (await client.list_recurring(query)).items[0]
                _note(seen, item)
            recorded = server.state.extras["recurring"].payments_of(item.id)
        paid_by_end = [d for d in preview if d <= clock.now()]
    return Walk(request, paid_by_end, seen, recorded, item)


def _check(walk: Walk) -> None:
    assert walk.seen == walk.paid_by_end
    assert walk.recorded == walk.paid_by_end
    # The next payment is the previewed date after the last one paid; none left means complete.
    request, final, paid = walk.request, walk.final, len(walk.paid_by_end)
    following = payment_dates(request.first_payment_time, request.frequency, request.interval, final.day_of_month,
                              final.month_of_year, until=request.last_payment_time, count=paid + 1)[paid:]
    assert final.next_payment_at_utc == (following[0] if following else None)
    expected_status = RegisteredPaymentStatus.ACTIVE if following else RegisteredPaymentStatus.COMPLETE
    assert final.status is expected_status


@settings(max_examples=25, deadline=None)
@given(start=st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2040, 12, 31),
                          timezones=st.just(UTC)),
       frequency=st.sampled_from(Frequency), interval=st.integers(1, 30), day=st.integers(1, 30),
       month=st.integers(1, 12), start_minutes=st.integers(1, 60 * 24 * 40),
       lifetime_days=st.none() | st.integers(0, 1200))
def test_scheduler_pays_exactly_the_previewed_dates(start, frequency, interval, day, month, start_minutes,
                                                    lifetime_days):
    lifetime = dt.timedelta(days=lifetime_days) if lifetime_days is not None else None
    _check(_walk_in_process(start, frequency, interval, day, month, dt.timedelta(minutes=start_minutes), lifetime))


def test_scheduler_pays_exactly_the_previewed_dates_over_http():
    """End to end: monthly on the 30th (short months on the last day), ending within the horizon."""
    walk = anyio.run(_walk_over_http, Frequency.MONTHLY, 1, 30, 1, dt.timedelta(days=3), dt.timedelta(days=400))
    assert len(walk.paid_by_end) >= 13
    _check(walk)
    assert walk.final.status is RegisteredPaymentStatus.COMPLETE
