"""A ``QApplication`` that times each event-loop turn on the UI thread, for the per-turn profilers
(``profile_journal_turns.py``, ``profile_subscriptions_turns.py``).

A turn is a top-level event delivery: deliveries made while it runs (a paint inside a timer's slot, say)
count in it. Its cost is UI-thread CPU (``time.thread_time``), optionally with a cProfile of it.
Subclasses say what they note of the nested deliveries (:meth:`nested`) and what they keep of each turn
(:meth:`turn_ended`).
"""

from __future__ import annotations

import cProfile
import time
from typing import Any

from PySide6.QtWidgets import QApplication


class TurnTimingApplication(QApplication):
    """Times each top-level event delivery (nested ones count in the outer one)."""

    def __init__(self, argv: list[str], profiling: bool) -> None:
        super().__init__(argv)
        #: Whether each turn runs under cProfile (slower: read its figures as shares).
        self.profiling = profiling
        self._depth = 0

    def deliver(self, receiver: Any, event: Any) -> bool:
        """Qt's own delivery (for :meth:`nested`)."""
        return super().notify(receiver, event)

    def nested(self, receiver: Any, event: Any) -> bool:
        """A delivery inside a turn: delivered (subclasses may time or note it)."""
        return self.deliver(receiver, event)

    def turn_started(self) -> None:
        """A turn begins (subclasses reset what they note of its nested deliveries)."""

    def turn_ended(self, receiver: Any, event: Any, cpu_ms: float, profiler: cProfile.Profile | None) -> None:
        """A turn ended, having cost ``cpu_ms`` of the UI thread (``profiler`` ran over it, if profiling)."""

    def notify(self, receiver: Any, event: Any) -> bool:  # noqa: N802 (Qt's name)
        if self._depth:
            return self.nested(receiver, event)
        self._depth = 1
        self.turn_started()
        profiler = cProfile.Profile() if self.profiling else None
        if profiler is not None:
            profiler.enable()
        started = time.thread_time()
        try:
            return self.deliver(receiver, event)
        finally:
            cpu = (time.thread_time() - started) * 1000
            if profiler is not None:
                profiler.disable()
            self._depth = 0
            self.turn_ended(receiver, event, cpu, profiler)
