"""Subscriptions tab figures: time to the first page, memory and event-loop stalls over 100,000 rows.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_subscriptions.py [--count 100000]``

The sandbox runs in its own process (``klogs-sandbox --testing`` on a free loopback port) so its CPU
and memory are not counted against the tab. Printed, not asserted (targets: first page < 150 ms,
RSS within 30 MB of the start, no stall > 16 ms):

* time from showing the tab to its first page on screen;
* RSS at the start (after the first page) and the peak while scrolling from top to bottom, with every
  visible page loaded at each step (VmRSS from /proc/self/status, sampled every heartbeat);
* the longest lateness of a 1 ms heartbeat ``QTimer`` while scrolling (an event-loop stall), and the
  longest UI-thread CPU time between two ticks (our own work, which load does not lengthen);
* the yardstick: the same heartbeat, the tab shown and idle, for 3 s of the same run (what the machine's
  load does to a 1 ms timer with nothing of ours to do), and the ratios against it.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KLOGS_DESK_HOME", tempfile.mkdtemp(prefix="klogs-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
import qasync
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication

from klogs_desk.api.client import Credentials, Endpoints, KlogsClient
from klogs_desk.domain.journal import Journal
from klogs_desk.services.context import AppServices
from klogs_desk.ui.subscriptions_model import LOADING_TEXT, REFERENCE
from klogs_desk.ui.subscriptions_tab import SubscriptionsTab


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_sandbox(count: int) -> tuple[subprocess.Popen, str]:
    """A ``klogs-sandbox --testing`` process on a free loopback port with ``count`` seeded subscriptions
    (none when 0). Its own process: its CPU work never holds our GIL. The caller terminates it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen([sys.executable, "-m", "klogs_desk.sandbox.cli", "--testing", "--port", str(port),
                                "--rate-limit", "1000000"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(url + "/recurring", headers={"Authorization": "Bearer sandbox-token"}, timeout=1)
            break
        except httpx.HTTPError as exc:
            if time.monotonic() > deadline:
                process.kill()
                raise SystemExit("the sandbox did not start") from exc
            time.sleep(0.1)
    if count <= 0:
        return process, url
    started = time.monotonic()
    answer = httpx.post(url + "/_sandbox/seed/subscriptions", json={"count": count}, timeout=120)
    answer.raise_for_status()
    print(f"seeded {answer.json()['totalCount']:,} subscriptions in {time.monotonic() - started:.1f} s")
    return process, url


class Heartbeat:
    """A 1 ms timer recording how late each tick came (the longest is the worst stall) and peak RSS."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.longest_ms = 0.0
        self.peak_rss = 0.0
        self._ticks = 0
        #: Every lateness over 16 ms, in order.
        self.stalls: list[float] = []
        #: Every tick's lateness in ms (for percentiles).
        self.lateness: list[float] = []
        #: Longest UI-thread CPU time between two ticks: the stall our own code caused. A stall much longer
        #: than this was the OS running other processes (a loaded machine), not the terminal's work.
        self.longest_busy_ms = 0.0
        self._cpu = 0.0
        #: A :class:`stall_sampler.StallSampler` told each stall's window (``--trace``).
        self.sampler = None

    def start(self) -> None:
        self._cpu = time.thread_time()
        self.clock.start()
        self.timer.start()

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.lateness)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")

    def _tick(self) -> None:
        elapsed = self.clock.nsecsElapsed() / 1e6
        self.clock.restart()
        cpu = time.thread_time()
        self.longest_busy_ms = max(self.longest_busy_ms, (cpu - self._cpu) * 1000)
        self._cpu = cpu
        self.longest_ms = max(self.longest_ms, elapsed - 1.0)
        self.lateness.append(elapsed - 1.0)
        if elapsed - 1.0 > 16:
            self.stalls.append(round(elapsed - 1.0, 1))
            if self.sampler is not None:
                now = time.perf_counter()
                self.sampler.stall(now - elapsed / 1000, now)
        self._ticks += 1
        if self._ticks % 20 == 0:
            self.peak_rss = max(self.peak_rss, rss_mb())


async def wait_for(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.001)


async def run(url: str, tab_holder: list, max_steps: int = 0, trace: bool = False, idle_s: float = 3.0) -> None:
    client = KlogsClient(Endpoints.same(url), Credentials("sandbox-key", "sandbox-secret", "sandbox-token"),
                         timeout=30.0)
    journal = Journal(Path(os.environ["KLOGS_DESK_HOME"]) / "journal.sqlite3")
    services = AppServices(client=client, journal=journal)

    # Warm up Qt's first-show costs (fonts, style) and the connection, so the figure is the tab's own.
    warm = SubscriptionsTab(services)
    warm.show()
    await wait_for(lambda: warm.model.loaded and not warm.model.loading)
    warm.close()
    warm.deleteLater()
    await asyncio.sleep(0.1)

    started = time.perf_counter()
    tab = SubscriptionsTab(services)
    tab_holder.append(tab)
    tab.resize(1300, 800)
    tab.show()
    await wait_for(lambda: tab.model.loaded and tab.model.index(0, REFERENCE).data() not in (None, LOADING_TEXT))
    first_page_ms = (time.perf_counter() - started) * 1000
    total = tab.model.rowCount()
    print(f"time to first page after opening the tab: {first_page_ms:.1f} ms  (target < 150 ms)")

    await asyncio.sleep(0.2)
    gc.freeze()  # as the app does 3 s after its window shows (klogs_desk/app.py)
    # Yardstick in the same run: the same heartbeat with the tab on screen and nothing scrolling, for as
    # long as a 20-step scroll takes: what the machine's load alone does to a 1 ms timer.
    idle = Heartbeat()
    idle.start()
    await asyncio.sleep(idle_s)
    idle.timer.stop()
    start_rss = rss_mb()
    heartbeat = Heartbeat()
    heartbeat.peak_rss = start_rss
    if trace:
        from stall_sampler import StallSampler

        heartbeat.sampler = StallSampler()
        heartbeat.sampler.start()
    heartbeat.start()
    bar = tab.table.verticalScrollBar()
    step = max(1, bar.pageStep()) * 8  # eight screens per step: every page is still fetched on the way
    scroll_started = time.perf_counter()
    steps = 0
    while True:
        value = min(bar.value() + step, bar.maximum())
        bar.setValue(value)
        bottom_row = tab.table.rowAt(tab.table.viewport().height() - 2)
        bottom_row = total - 1 if bottom_row < 0 else bottom_row
        await wait_for(lambda row=bottom_row: tab.model.index(row, REFERENCE).data() not in (None, LOADING_TEXT))
        steps += 1
        if value >= bar.maximum() or steps == max_steps:
            break
    heartbeat.timer.stop()
    if heartbeat.sampler is not None:
        heartbeat.sampler.stop()
        heartbeat.sampler.report()
    scroll_s = time.perf_counter() - scroll_started
    print(f"scrolled top to bottom of {total:,} rows in {steps} steps, {scroll_s:.1f} s; "
          f"{tab.model.requests_started} page requests; {len(tab.model.cached_pages())} pages cached "
          f"(max {tab.model.max_pages})")
    print(f"RSS at start {start_rss:.1f} MB, peak while scrolling {heartbeat.peak_rss:.1f} MB, "
          f"growth {heartbeat.peak_rss - start_rss:+.1f} MB  (target within 30 MB)")
    print(f"stalls over 16 ms: {len(heartbeat.stalls)} {heartbeat.stalls[:20]}")
    print(f"longest event-loop stall (1 ms heartbeat lateness): {heartbeat.longest_ms:.1f} ms, "
          f"p99 {heartbeat.percentile(0.99):.1f} ms  (target <= 16 ms); longest UI-thread CPU between ticks "
          f"{heartbeat.longest_busy_ms:.1f} ms")
    print(f"yardstick, the same heartbeat idle for {idle_s:.0f} s in this run: longest {idle.longest_ms:.1f} ms, "
          f"p99 {idle.percentile(0.99):.1f} ms, {len(idle.stalls)} ticks > 16 ms; scrolling/idle longest "
          f"{heartbeat.longest_ms / max(idle.longest_ms, 0.1):.1f}x, ticks > 16 ms per second "
          f"{len(heartbeat.stalls) / scroll_s:.1f} scrolling vs {len(idle.stalls) / idle_s:.1f} idle")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs "
          "(other processes' CPU shows up as stalls)")
    await client.aclose()
    journal.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--steps", type=int, default=0, help="stop after this many scroll steps (0: the bottom)")
    parser.add_argument("--trace", action="store_true",
                        help="sample the UI thread's stack and print what ran during the stalls (slows the run)")
    args = parser.parse_args()
    process, url = start_sandbox(args.count)
    try:
        from klogs_desk.api.models import build_validators

        build_validators()  # as the app does on a worker thread after its first frame
        app = QApplication.instance() or QApplication([])
        app.setQuitOnLastWindowClosed(False)  # closing the warm-up tab must not end the run
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        holder: list = []
        with loop:
            loop.run_until_complete(run(url, holder, args.steps, args.trace))
    finally:
        process.terminate()
        process.wait(10)


if __name__ == "__main__":
    main()
