"""When the terminal locks for inactivity, and whether a PIN opens it. No Qt here (ui/lock_screen.py shows it).

Contract:

* :class:`IdleTracker` counts from the last user input (:meth:`IdleTracker.touch`); :meth:`IdleTracker.due`
  is true once ``limit_seconds`` passed without any. The clock is injectable so tests move time by hand.
* The default limit is the setting ``security/idle_lock_minutes`` (15 minutes: PCI DSS 8.2.8 asks that a
  session idle for more than 15 minutes needs the user to authenticate again).
* The PIN that opens the lock is the manager PIN from Settings, stored only as a salted scrypt hash
  (:func:`klogs_desk.config.verify_pin`); the PIN itself is never kept.

Choices where the standard leaves room:

* With no PIN set the terminal still locks (the screen is hidden and the card fields are wiped) and opens
  with a button, telling the cashier a manager can set a PIN in Settings: hiding the screen is what
  protects a walked-away terminal; refusing to open without a configured PIN would lock out the shop.
* Wrong PINs never unlock, and five in a row lock the PIN out for 30 minutes
  (:mod:`klogs_desk.services.pin_lockout`, the same count as the void/refund approval).
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


def unlocks(pin: str, pin_hash: str) -> bool:
    """True when ``pin`` opens a lock protected by ``pin_hash`` (a :func:`klogs_desk.config.hash_pin` value).

    With no hash set there is nothing to check (see the module docstring): any entry opens it.
    """
    if not pin_hash:
        return True
    from ..config import verify_pin  # config imports Qt's QSettings; keep this module importable without it

    return bool(pin) and verify_pin(pin, pin_hash)
