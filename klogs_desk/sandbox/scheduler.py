"""The sandbox's scheduler: makes the registered payments that fall due as the simulated clock moves.

Registered with ``state.clock.on_advance`` and also run before every registered-payment request (time
passes on its own too). Rules:

* An **active** subscription whose ``nextPaymentAtUtc`` is at or before now pays every date of its
  schedule from ``nextPaymentAtUtc`` up to now (a clock jumped by a year makes the year's payments, the
  way a gateway catches up after downtime). ``lastPaymentAtUtc`` becomes the latest of them and
  ``nextPaymentAtUtc`` the schedule's next date after now, both from :mod:`klogs_desk.domain.schedule`,
  the same function the app's preview uses.
* When the schedule has no date left before ``lastPaymentTime`` the subscription becomes **complete**.
* Disabled and waiting subscriptions never pay. Re-enabling computes the next date from now: payments
  missed while disabled are skipped, not caught up.
* A payment order pays once at ``paymentTime`` and becomes **complete**.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from ..api.models.recurring import RegisteredPaymentStatus
from ..domain.schedule import next_payment_after, payment_dates
from .recurring_store import RecurringStore, Subscription

log = logging.getLogger(__name__)

_JUST_BEFORE = dt.timedelta(microseconds=1)


def next_date_after(sub: Subscription, after: dt.datetime) -> dt.datetime | None:
    """The subscription's first payment date strictly after ``after``, or ``None`` once it has ended."""
    return next_payment_after(sub.first_payment_time, sub.frequency, sub.interval, sub.day_of_month,
                              sub.month_of_year, after=after, until=sub.last_payment_time)


def reschedule(sub: Subscription, now: dt.datetime) -> None:
    """Point an active subscription at its next date after ``now``; complete it if there is none.

    Used when a subscription is (re-)activated or its schedule changes.
    """
    sub.next_payment_at = next_date_after(sub, now)
    if sub.next_payment_at is None and sub.status is RegisteredPaymentStatus.ACTIVE:
        sub.status = RegisteredPaymentStatus.COMPLETE


class RecurringScheduler:
    def __init__(self, store: RecurringStore) -> None:
        self._store = store
        # One run at a time: the clock can move from a test thread while a request runs the scheduler.
        self._running = threading.Lock()

    def run_due(self, now: dt.datetime) -> int:
        """Make every payment due at ``now``; returns how many were made."""
        made = 0
        with self._running, self._store.locked():
            for sub in self._store.subscriptions_due(now):
                made += self._run_subscription(sub, now)
            for order in self._store.orders_due(now):
                order.status = RegisteredPaymentStatus.COMPLETE
                order.paid_at = order.payment_time
                self._store.save_order(order)
                made += 1
        return made

    def _run_subscription(self, sub: Subscription, now: dt.datetime) -> int:
        paid: list[dt.datetime] = []
        if sub.next_payment_at is not None:
            until = now if sub.last_payment_time is None else min(now, sub.last_payment_time)
            paid = payment_dates(sub.first_payment_time, sub.frequency, sub.interval, sub.day_of_month,
                                 sub.month_of_year, after=sub.next_payment_at - _JUST_BEFORE, until=until)
        if paid:
            sub.last_payment_at = paid[-1]
        reschedule(sub, now)
        self._store.record_runs(sub, paid)
        if paid:
            log.debug("subscription %s paid %d time(s), next %s", sub.reference, len(paid), sub.next_payment_at)
        return len(paid)
