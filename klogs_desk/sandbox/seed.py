"""Deterministic subscriptions in bulk, for paging tests, benchmarks and a busy-looking training sandbox.

Subscription number ``i`` always has reference ``SEED-{i:06d}``, the same id (uuid5 of the reference),
amount, phone, e-mail and schedule; only its times are relative to the sandbox clock at seeding
(created in the past, first payment in the future), so they stay valid whenever the seed runs.
Seeding is idempotent: asking for ``n`` again inserts only the missing ones.

Mix, so that every sort order and status has something to show: frequencies cycle daily/monthly/yearly,
every 10th subscription is disabled, every 25th waits for owner confirmation, every 7th has no e-mail.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from decimal import Decimal
from typing import Any, Iterator

from ..api.models.recurring import Frequency, RegisteredPaymentStatus
from ..domain.schedule import payment_dates
from .recurring_store import RecurringStore, Subscription, subscription_row

SEED_NAMESPACE = uuid.UUID("6f1c5a8e-3d2b-4f7a-9c1e-5b8d2a4c6e01")
_FREQUENCIES = (Frequency.DAILY, Frequency.MONTHLY, Frequency.YEARLY)
_CARD_ID = uuid.UUID("3fa85f64-5717-4562-b3fc-2c963f66afa6")


def seed_reference(index: int) -> str:
    return f"SEED-{index:06d}"


@functools.lru_cache(maxsize=4096)
def _first_date(first: dt.datetime, frequency: Frequency, interval: int, day: int | None,
                month: int | None) -> dt.datetime:
    return payment_dates(first, frequency, interval, day, month, count=1)[0]


def _subscriptions(count: int, now: dt.datetime) -> Iterator[tuple[Any, ...]]:
    midnight = now.astimezone(dt.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    created_base = now - dt.timedelta(seconds=count + 1)
    for index in range(1, count + 1):
        frequency = _FREQUENCIES[index % 3]
        interval = 1 + index % 6
        day = 1 + index % 30 if frequency is not Frequency.DAILY else None
        month = 1 + index % 12 if frequency is Frequency.YEARLY else None
        first = midnight + dt.timedelta(days=1 + index % 60, hours=9)
        status = RegisteredPaymentStatus.ACTIVE
        if index % 10 == 0:
            status = RegisteredPaymentStatus.DISABLED
        elif index % 25 == 0:
            status = RegisteredPaymentStatus.WAIT_FOR_OWNER_CONFIRMATION
        reference = seed_reference(index)
        sub = Subscription(
            id=uuid.uuid5(SEED_NAMESPACE, reference), reference=reference,
            amount=Decimal(10 + index % 990) + Decimal(index % 100) / 100, currency_code="TRY", status=status,
            created_at=created_base + dt.timedelta(seconds=index), full_name=f"Seed Customer {index}",
            phone=f"+90555{index % 10_000_000:07d}",
            email=None if index % 7 == 0 else f"customer{index}@example.com", card_id=_CARD_ID,
            owner_id=f"OWN-{index % 100_000_000:08d}", frequency=frequency, interval=interval,
            day_of_month=day, month_of_year=month, first_payment_time=first,
            next_payment_at=_first_date(first, frequency, interval, day, month)
            if status is RegisteredPaymentStatus.ACTIVE else None,
            explanation=f"Seeded subscription {index}", payment_channel="web")
        yield subscription_row(sub)


def seed_subscriptions(store: RecurringStore, count: int, now: dt.datetime) -> int:
    """Make sure subscriptions ``SEED-000001`` .. ``SEED-{count}`` exist; returns how many were inserted.

    One transaction with ``executemany``: 100,000 take a couple of seconds.
    """
    return store.add_subscriptions(_subscriptions(count, now))
