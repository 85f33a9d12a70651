"""When the terminal locks for inactivity. No Qt here (ui/lock_screen.py shows it).

Contract:

* :class:`IdleTracker` counts from the last user input (:meth:`IdleTracker.touch`); :meth:`IdleTracker.due`
  is true once ``limit_seconds`` passed without any. The clock is injectable so tests move time by hand.
* The default limit is the setting ``security/idle_lock_minutes`` (15 minutes: PCI DSS 8.2.8 asks that a
  session idle for more than 15 minutes needs the user to authenticate again).
* What opens it is an operator signing in with their own name and PIN (:mod:`klogs_desk.services.staff`,
  with its lock-out after 5 wrong PINs); in training mode, the built-in Trainee.
"""

from __future__ import annotations

import time
from typing import Callable


class IdleTracker:
    """Time since the last input, against a limit."""

    def __init__(self, limit_seconds: float, *, now: Callable[[], float] = time.monotonic) -> None:
        if limit_seconds <= 0:
            raise ValueError("the idle limit must be positive")
        self.limit_seconds = limit_seconds
        self._now = now
        self._last_input = now()

    def touch(self) -> None:
        """The user did something: start counting again."""
        self._last_input = self._now()

    def idle_seconds(self) -> float:
        return max(0.0, self._now() - self._last_input)

    def due(self) -> bool:
        return self.idle_seconds() >= self.limit_seconds

    def seconds_left(self) -> float:
        return max(0.0, self.limit_seconds - self.idle_seconds())
