"""Clocks for tests of code that waits on a :class:`~klogs_desk.domain.backoff.Clock` (the reconciler,
checkout polling, client retries), so no test sleeps real seconds for a backoff.

* :class:`ManualClock` moves only when the test calls :meth:`ManualClock.advance`: exact and instant, for
  tests that drive one pass at a time (``Reconciler.run_once``).
* :class:`RecordingClock` never waits: it writes down every sleep asked of it (``slept``) and moves on.
* :class:`WallClock` is a wall clock (``time.time``-like, a call returns ``now``) a test moves by setting
  ``now``: for lock-outs that must outlast a restart (the staff service's injectable clock).
* :class:`FastClock` runs by itself, ``speed`` times faster than real time: for tests that start a
  background loop (``Reconciler.start``) and wait for what it does, with the loop's own schedule intact.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

from klogs_desk.domain.backoff import Backoff


class WallClock:
    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


class ManualClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self._sleepers: list[tuple[float, asyncio.Future[None]]] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (self.now + seconds, waiter)
        self._sleepers.append(entry)
        try:
            await waiter
        finally:
            self._sleepers.remove(entry)

    def advance(self, seconds: float) -> None:
        """Move time forward; every sleep that is due by then wakes (on the loop's next turn)."""
        self.now += seconds
        for due, waiter in list(self._sleepers):
            if due <= self.now and not waiter.done():
                waiter.set_result(None)


class RecordingClock:
    def __init__(self) -> None:
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return sum(self.slept)

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


class FastClock:
    def __init__(self, speed: float = 100.0) -> None:
        self.speed = speed
        self._start = time.monotonic()

    def monotonic(self) -> float:
        return self._start + (time.monotonic() - self._start) * self.speed

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds) / self.speed)


def on_clock(policy: Backoff, clock: ManualClock | RecordingClock | FastClock) -> Backoff:
    """``policy`` with the same numbers, measured and slept on ``clock``."""
    return replace(policy, clock=clock)
