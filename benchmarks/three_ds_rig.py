"""What ``bench_three_ds.py`` sets up around the challenge it measures: the 1 ms heartbeat, a 3-D Secure test
order, and the terminal's 3-D Secure service on a journal of its own against a sandbox.

Imported after the script has made its ``QApplication`` (the heartbeat is a ``QTimer``); imports nothing of
QtWebEngine: the terminal's process must stay without it (the browser runs in a process of its own).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer

from klogs_desk.api.client import Credentials, Endpoints, KlogsClient
from klogs_desk.callbacks import CallbackListener
from klogs_desk.domain.journal import Journal
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder
from klogs_desk.services.three_d_secure import ThreeDSecureService


class Heartbeat:
    """A 1 ms timer; records the worst lateness between ticks while running."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.worst_ms = 0.0
        self._last = 0
        #: ``(started at time.perf_counter(), ms, UI-thread CPU ms in it)`` of every stall over 16 ms since
        #: start(): CPU much below the stall is this thread waiting (for Chromium's threads, or for a core).
        self.long: list[tuple[float, float, float]] = []
        self._cpu = 0.0
        #: The most UI-thread CPU between two ticks: the longest piece of work on the UI thread, which a
        #: loaded machine stretches in wall time but hardly changes (the load-robust side of a stall).
        self.worst_cpu_ms = 0.0

    def start(self) -> None:
        self.worst_ms = 0.0
        self.worst_cpu_ms = 0.0
        self.long = []
        self.clock.start()
        self._last = self.clock.nsecsElapsed()
        self._cpu = time.thread_time()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst_ms

    def _tick(self) -> None:
        now, cpu = self.clock.nsecsElapsed(), time.thread_time()
        late = (now - self._last) / 1e6 - 1.0
        self.worst_ms = max(self.worst_ms, late)
        self.worst_cpu_ms = max(self.worst_cpu_ms, (cpu - self._cpu) * 1000)
        if late > 16:
            self.long.append((time.perf_counter() - late / 1000, late, (cpu - self._cpu) * 1000))
        self._last, self._cpu = now, cpu


def order(n: int) -> CardOrder:
    """The ``n``-th order of this process on the sandbox's 3-D Secure test card."""
    year = f"{(dt.date.today().year + 2) % 100:02d}"
    return CardOrder(order_id=f"BENCH-3DS-{os.getpid()}-{n}", amount=Decimal("100.00"), currency="TRY",
                     holder="Bench Mark", pan="4000000000003220", expiry_month="12", expiry_year=year, cvv="123")


class ThreeDSRig:
    """The terminal's 3-D Secure service against the sandbox at ``url`` (:attr:`service`), on a journal in
    a new temp folder, with its loopback listener: ``await rig.start()`` before, ``await rig.close()`` after."""

    def __init__(self, url: str) -> None:
        self.journal = Journal(Path(tempfile.mkdtemp()) / "bench.sqlite3")
        self.client = KlogsClient(Endpoints.same(url), Credentials("sandbox-key", "sandbox-secret", "sandbox-token"))
        self.listener = CallbackListener()
        self.service = ThreeDSecureService(AppServices(client=self.client, journal=self.journal), self.listener)

    async def start(self) -> "ThreeDSRig":
        await self.listener.start()
        return self

    async def close(self) -> None:
        await self.listener.stop()
        await self.client.aclose()
        self.journal.close()
