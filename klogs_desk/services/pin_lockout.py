"""Wrong PINs are counted and lock the PIN out for a while. No Qt here (the lock screen and the void/refund
approval show it).

Rules (PCI DSS 8.3.4 asks for a lock-out after at most 10 invalid attempts, for at least 30 minutes):

* After :data:`MAX_WRONG_PINS` (5) wrong PINs in a row the PIN is locked out for :data:`LOCKOUT_SECONDS`
  (30 minutes). While locked out no PIN is checked at all, the right one neither, and tries do not count.
* A right PIN resets the count. When a lock-out ends the count starts again from zero (5 more tries).
* The count and the end of the lock-out are kept in the operator's record (through a
  :class:`PinAttemptStore`: :class:`klogs_desk.domain.operators.OperatorStore`, the staff file) and written
  at once, so quitting or restarting the terminal does not reset them. One count per operator (``who``).
* Time is the wall clock (the lock-out must outlast a restart, which a monotonic clock does not). A clock
  moved back cannot make a lock-out longer than 30 minutes from now; the clock is injectable for tests.
"""

from __future__ import annotations

import math
import time
from typing import Callable, Protocol

from ..frozen import Frozen, init

#: Wrong PINs in a row before the lock-out.
MAX_WRONG_PINS = 5
#: How long a lock-out lasts.
LOCKOUT_SECONDS = 30 * 60


class PinAttemptStore(Protocol):
    """Where the count survives a restart (``OperatorStore`` implements it)."""

    def pin_attempts(self, who: str) -> tuple[int, float]:
        """``(wrong PINs in a row, lock-out end as a wall-clock timestamp or 0)``."""
        ...

    def set_pin_attempts(self, who: str, wrong: int, locked_until: float) -> None: ...


class PinResult(Frozen):
    """What a PIN entry came to."""

    #: The PIN was right (never true while locked out).
    accepted: bool
    #: Seconds until the lock-out ends; 0 when not locked out.
    locked_seconds: float
    #: Wrong PINs still allowed before a lock-out.
    tries_left: int

    __slots__ = ("accepted", "locked_seconds", "tries_left")

    def __init__(self, accepted: bool, locked_seconds: float = 0.0, tries_left: int = MAX_WRONG_PINS) -> None:
        init(self, accepted, locked_seconds, tries_left)

    @property
    def locked_out(self) -> bool:
        return self.locked_seconds > 0

    @property
    def locked_minutes(self) -> int:
        """The time left rounded up to whole minutes, as the screens say it."""
        return max(1, math.ceil(self.locked_seconds / 60)) if self.locked_out else 0


class PinLockout:
    """Counts wrong PINs of ``who`` in ``store``. ``now`` is the wall clock (injectable)."""

    def __init__(self, store: PinAttemptStore, who: str, *,
                 now: Callable[[], float] = time.time) -> None:
        self.store = store
        self.who = who
        self._now = now

    def status(self) -> PinResult:
        """Where things stand without trying a PIN (``accepted`` is False)."""
        wrong, locked_until = self.store.pin_attempts(self.who)
        left = min(max(0.0, locked_until - self._now()), float(LOCKOUT_SECONDS))
        if left > 0:
            return PinResult(False, locked_seconds=left, tries_left=0)
        if locked_until:  # a lock-out that ended: the count starts again
            self.store.set_pin_attempts(self.who, 0, 0.0)
            wrong = 0
        return PinResult(False, tries_left=max(0, MAX_WRONG_PINS - wrong))

    def attempt(self, pin: str, verify: Callable[[str], bool]) -> PinResult:
        """Check ``pin`` with ``verify`` unless locked out; count it if wrong, reset the count if right."""
        before = self.status()
        if before.locked_out:
            return before
        if verify(pin):
            if before.tries_left < MAX_WRONG_PINS:  # only a count to reset is written (a synced write)
                self.store.set_pin_attempts(self.who, 0, 0.0)
            return PinResult(True)
        wrong = MAX_WRONG_PINS - before.tries_left + 1
        if wrong >= MAX_WRONG_PINS:
            self.store.set_pin_attempts(self.who, wrong, self._now() + LOCKOUT_SECONDS)
            return PinResult(False, locked_seconds=float(LOCKOUT_SECONDS), tries_left=0)
        self.store.set_pin_attempts(self.who, wrong, 0.0)
        return PinResult(False, tries_left=MAX_WRONG_PINS - wrong)
