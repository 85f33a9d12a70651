"""Growing pauses between tries: one policy type for the client's GET retries, the reconciler's lookups
and checkout-link polling, with the clock and the randomness injectable so tests never wait for real.

* :class:`Backoff` is a frozen description: the first pause ``base``, how it grows (``factor`` times the
  previous one, or like Fibonacci numbers), the ``cap`` no pause exceeds, an optional ``jitter`` source and
  the :class:`Clock` that measures and sleeps. ``delay(n)`` is pause number ``n`` (0-based), ``delays()``
  the endless sequence, ``await sleep(n)`` waits pause ``n`` on the policy's clock.
* Jitter is "equal jitter": ``jitter()`` returns a factor in [0, 1) and the pause becomes
  ``ceiling * (0.5 + jitter() / 2)`` — never zero, never over the ceiling. Tests pin ``jitter``.
* A pause stops growing once it reaches the cap, so a row retried for days never overflows a float.

The callers' numbers (kept from before this module): the client's GETs 0.25, 0.5, 1 ... s capped at 8 s
with jitter (:class:`klogs_desk.api.client.RetryPolicy`); the reconciler 1, 2, 4 ... capped at 60 s per row
(:data:`klogs_desk.services.reconciler.RECONCILE_BACKOFF`); checkout polling 2, 3, 5, 8, 13 ... capped at
60 s (:data:`klogs_desk.services.checkout.POLL_BACKOFF`).
"""

from __future__ import annotations

import asyncio
import enum
import math
import time
from dataclasses import dataclass
from typing import Callable, Iterator, Protocol


class Clock(Protocol):
    """Seconds on a monotonic clock, and an asyncio sleep on the same clock."""

    def monotonic(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock: :func:`time.monotonic` and :func:`asyncio.sleep`."""

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

    def __repr__(self) -> str:
        return "SYSTEM_CLOCK"


SYSTEM_CLOCK = SystemClock()


class Growth(enum.Enum):
    #: Each pause ``factor`` times the one before: base, base·f, base·f² ...
    GEOMETRIC = "geometric"
    #: Each pause the sum of the two before, starting from base/2 and base: base, 1.5·base, 2.5·base, 4·base ...
    #: (2, 3, 5, 8, 13 ... from 2): gentler than doubling for something that takes minutes, not milliseconds.
    FIBONACCI = "fibonacci"


@dataclass(frozen=True)
class Backoff:
    """How long to pause before each try; see the module docstring."""

    base: float
    cap: float = math.inf
    factor: float = 2.0
    growth: Growth = Growth.GEOMETRIC
    #: ``None``: exact pauses. Else a factor source in [0, 1) for equal jitter (``random.random``).
    jitter: Callable[[], float] | None = None
    clock: Clock = SYSTEM_CLOCK

    def ceilings(self) -> Iterator[float]:
        """The pauses before jitter, endless; constant once they reach :attr:`cap`."""
        previous, current = self.base / 2, self.base
        while current < self.cap:
            yield current
            if self.growth is Growth.FIBONACCI:
                previous, current = current, previous + current
            else:
                current *= self.factor
        while True:
            yield self.cap

    def delay(self, n: int) -> float:
        """Pause number ``n`` (0-based: the pause before the first retry is ``delay(0)``)."""
        for index, ceiling in enumerate(self.ceilings()):
            if index >= n or ceiling >= self.cap:
                return self._jittered(ceiling)
        raise AssertionError("unreachable: ceilings() is endless")

    def delays(self) -> Iterator[float]:
        """Every pause in turn, endless."""
        for ceiling in self.ceilings():
            yield self._jittered(ceiling)

    async def sleep(self, n: int) -> None:
        """Wait pause number ``n`` on :attr:`clock`."""
        await self.clock.sleep(self.delay(n))

    def _jittered(self, ceiling: float) -> float:
        if self.jitter is None:
            return ceiling
        return ceiling * (0.5 + self.jitter() / 2)  # "equal jitter": never zero, never over the ceiling
