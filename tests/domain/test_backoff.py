"""The one backoff policy: each caller's numbers, jitter pinned, the cap, and sleeping on an injected clock."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from klogs_desk.api.client import RetryPolicy
from klogs_desk.domain.backoff import Backoff, Growth
from klogs_desk.services.checkout import POLL_BACKOFF
from klogs_desk.services.reconciler import RECONCILE_BACKOFF
from tests.fake_clock import RecordingClock


def test_each_callers_numbers():
    assert [RECONCILE_BACKOFF.delay(n) for n in range(8)] == [1, 2, 4, 8, 16, 32, 60, 60]
    assert list(itertools.islice(POLL_BACKOFF.delays(), 10)) == [2, 3, 5, 8, 13, 21, 34, 55, 60, 60]
    low = RetryPolicy(jitter=lambda: 0.0)
    assert [low.delay(n) for n in (1, 2, 3, 4, 5, 6, 7)] == [0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 4.0]


def test_delay_and_delays_agree_and_jitter_stays_between_half_and_the_ceiling():
    for policy in (RECONCILE_BACKOFF, POLL_BACKOFF, Backoff(base=0.3, cap=5, factor=3)):
        assert list(itertools.islice(policy.delays(), 12)) == [policy.delay(n) for n in range(12)]
    jittered = Backoff(base=1, cap=8, jitter=lambda: 0.999)
    for n, ceiling in enumerate([1, 2, 4, 8, 8]):
        assert ceiling / 2 <= jittered.delay(n) < ceiling
    assert Backoff(base=1, cap=8, jitter=lambda: 0.5).delay(1) == 1.5


def test_a_row_retried_for_days_does_not_overflow():
    assert RECONCILE_BACKOFF.delay(5000) == 60
    assert Backoff(base=2, growth=Growth.FIBONACCI, cap=60).delay(10_000) == 60


def test_sleep_uses_the_injected_clock():
    clock = RecordingClock()
    asyncio.run(Backoff(base=1, cap=60, clock=clock).sleep(3))
    asyncio.run(RetryPolicy(clock=clock, jitter=lambda: 0.0).sleep(0.5))
    assert clock.slept == [8, 0.5]


@pytest.mark.parametrize("base, cap", [(5, 5), (10, 4)])
def test_a_base_at_or_over_the_cap_is_the_cap(base, cap):
    assert [Backoff(base=base, cap=cap).delay(n) for n in range(3)] == [cap] * 3
