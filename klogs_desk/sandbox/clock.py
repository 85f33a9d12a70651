"""The sandbox's simulated clock: wall time plus an offset that an admin call can move forward.

Scheduled recurring payments run and the daily settlement cut-off passes when the clock is advanced, so
tests can see three years of subscriptions in a second.
"""

from __future__ import annotations

import datetime as dt
import threading


class SimulatedClock:
    def __init__(self, offset: dt.timedelta = dt.timedelta(0)) -> None:
        self._offset = offset
        self._lock = threading.Lock()
        self._listeners: list = []

    def now(self) -> dt.datetime:
        """Current simulated time, timezone-aware UTC."""
        with self._lock:
            offset = self._offset
        return dt.datetime.now(dt.timezone.utc) + offset

    @property
    def offset(self) -> dt.timedelta:
        """How far ahead of wall time the sandbox is (what its file keeps, see persistence.py)."""
        with self._lock:
            return self._offset

    def restore(self, offset: dt.timedelta) -> None:
        """Set the offset read back from the sandbox's file; listeners are not told (nothing moved)."""
        with self._lock:
            self._offset = offset

    def advance(self, delta: dt.timedelta) -> dt.datetime:
        """Move time forward (never back) and tell listeners (the scheduler, the settlement)."""
        if delta < dt.timedelta(0):
            raise ValueError("the sandbox clock only moves forward")
        with self._lock:
            self._offset += delta
        now = self.now()
        for listener in list(self._listeners):
            listener(now)
        return now

    def on_advance(self, listener) -> None:  # type: ignore[no-untyped-def]  # listener is called with the new time; its type is documented in the docstring
        """Call ``listener(now)`` after every :meth:`advance`."""
        self._listeners.append(listener)
