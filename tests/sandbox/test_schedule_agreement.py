"""The app's preview and the sandbox's scheduler agree: what the cashier is shown is what gets charged.

For random schedules, a subscription is created on a sandbox of its own, the sandbox clock is moved
forward step by step over three years, and after every step the subscription's ``lastPaymentAtUtc`` is
read over loopback. The step is a minute shorter than the shortest gap between two previewed payments,
so no payment can hide between two reads: the sequence of ``lastPaymentAtUtc`` values must be exactly
the preview's dates (``domain.schedule.payment_dates``) up to the final clock time, and the sandbox's
record of payments must hold the same dates.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import anyio
from hypothesis import given, settings
from hypothesis import strategies as st

from klogs_desk.api.models import NewOwnerRequest, OwnerDescription, RecurringListQuery, RecurringPaymentRequest
from klogs_desk.api.models.recurring import Frequency, RegisteredPaymentStatus
from klogs_desk.domain.schedule import payment_dates
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig
from tests.conftest import make_client

HORIZON = dt.timedelta(days=3 * 365 + 1)
PHONE = "+905551234567"


async def _observe(frequency: Frequency, interval: int, day: int, month: int, start_offset: dt.timedelta,
                   lifetime: dt.timedelta | None):
    with SandboxServer(SandboxConfig(testing=True, rate_limit_per_minute=0)) as server:
        clock = server.state.clock
        first = clock.now().replace(microsecond=0) + start_offset
        last = first + lifetime if lifetime is not None else None
        request = RecurringPaymentRequest(
            reference=f"AGREE-{uuid.uuid4().hex[:10]}", amount=Decimal("10.00"), currency_code="TRY",
            owner_description=OwnerDescription(full_name="Agreement Test", phone=PHONE, card_id=uuid.uuid4()),
            first_payment_time=first, last_payment_time=last, frequency=frequency, interval=interval,
            day_of_month=day if frequency is not Frequency.DAILY else None,
            month_of_year=month if frequency is Frequency.YEARLY else None)
        end = clock.now() + HORIZON
        preview = payment_dates(first, frequency, interval, request.day_of_month, request.month_of_year,
                                until=min(end, last) if last is not None else end)
        gaps = [b - a for a, b in zip(preview, preview[1:], strict=False)]
        step = min(gaps, default=HORIZON) - dt.timedelta(minutes=1)
        seen: list[dt.datetime] = []
        async with make_client(server) as client:
            await client.create_owner(NewOwnerRequest(phone=PHONE))
            await client.create_recurring(request)
            query = RecurringListQuery(subscription=request.reference)
            while clock.now() < end:
                clock.advance(min(step, end - clock.now()))
                item = (await client.list_recurring(query)).items[0]
                if item.last_payment_at_utc is not None and (not seen or seen[-1] != item.last_payment_at_utc):
                    seen.append(item.last_payment_at_utc)
            final = item
            recorded = server.state.extras["recurring"].payments_of(item.id)
        paid_by_end = [d for d in preview if d <= clock.now()]
    return preview, paid_by_end, seen, recorded, final, first, last


@settings(max_examples=25, deadline=None)
@given(frequency=st.sampled_from(Frequency), interval=st.integers(1, 30), day=st.integers(1, 30),
       month=st.integers(1, 12), start_minutes=st.integers(1, 60 * 24 * 40),
       lifetime_days=st.none() | st.integers(0, 1200))
def test_scheduler_pays_exactly_the_previewed_dates(frequency, interval, day, month, start_minutes, lifetime_days):
    lifetime = dt.timedelta(days=lifetime_days) if lifetime_days is not None else None
    preview, paid_by_end, seen, recorded, final, final_first, last = anyio.run(
        _observe, frequency, interval, day, month, dt.timedelta(minutes=start_minutes), lifetime)
    assert seen == paid_by_end
    assert recorded == paid_by_end
    # The next payment is the previewed date after the last one paid; none left means complete.
    following = payment_dates(final_first, frequency, interval, final.day_of_month, final.month_of_year,
                              until=last, count=len(paid_by_end) + 1)[len(paid_by_end):]
    assert final.next_payment_at_utc == (following[0] if following else None)
    expected_status = RegisteredPaymentStatus.ACTIVE if following else RegisteredPaymentStatus.COMPLETE
    assert final.status is expected_status
