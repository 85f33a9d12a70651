"""How fast the 3-D Secure challenge appears, and whether the terminal's UI stalls while it does, now that
the challenge's browser runs in a process of its own (:mod:`klogs_desk.ui.challenge_browser`, issue 19).

Against a real sandbox on loopback (its own process, as in the app: :class:`~klogs_desk.embedded_sandbox.
EmbeddedSandbox`; ``--sandbox-thread`` runs it in a thread of this process instead), the real listener, the
real dialog (:func:`klogs_desk.ui.three_ds_dialog.run_challenge`) and the real browser process
(:mod:`klogs_desk.ui.challenge_browser.remote`), one process that never imports QtWebEngine (asserted),
prints:

* the yardstick: a 1 ms heartbeat ``QTimer`` alone for 1 s at idle: its worst lateness (a stall) and the most
  UI-thread CPU between two ticks (``time.thread_time`` of the event loop's thread: the longest piece of
  work, which a loaded machine stretches in wall time but hardly changes);
* cold: the first challenge of the process, no browser yet (a challenge before the warm-up ran: within a
  second or two of start-up, or after the browser died): "Pay (3-D Secure)" to the bank's ACS page loaded
  in the child (its path starts with ``/_acs/``), the child started at the click by ``run_challenge``
  (``remote.ready()``); the worst stall, the longest UI-thread work between two ticks, the UI-thread CPU;
* warm-up at idle (the cold child stopped first): :func:`~klogs_desk.ui.challenge_browser.remote.warm_up`
  as app.py calls it after the first frame, which waits for a second without input, then starts the child:
  the time to ready, and the terminal's worst stall and longest UI-thread work meanwhile;
* warm (the child up): the same click to ACS page, ``--runs`` runs (7), median and max; and the closing of
  each challenge (cancel to the dialog gone and deleted, + 300 ms);
* the load average (before and after) and CPU count, and the goal: no stall over 16 ms, warm < 300 ms.

Every stall over 16 ms is listed under its line with the UI-thread CPU in it: CPU far below the stall is this
thread waiting for a core (the child's Chromium start takes both cores of a small machine for about a second).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_three_ds.py [--runs N] [--timeline]``
(``--timeline``: each challenge's milestones, the browser's events as the terminal reads them, and the stalls
over 16 ms, in ms from its click). As root Chromium needs ``QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox``
(set here unless given; the child inherits it).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KLOGS_DESK_HOME", tempfile.mkdtemp(prefix="klogs-bench-"))
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

APP = QApplication(sys.argv[:1])
APP.setQuitOnLastWindowClosed(False)  # each challenge dialog is the only window while it is open

import qasync  # noqa: E402
from three_ds_rig import Heartbeat, ThreeDSRig, order  # noqa: E402

from klogs_desk.embedded_sandbox import EmbeddedSandbox  # noqa: E402
from klogs_desk.sandbox.server import SandboxServer  # noqa: E402
from klogs_desk.sandbox.state import SandboxConfig  # noqa: E402
from klogs_desk.services.three_d_secure import ThreeDSecureService  # noqa: E402
from klogs_desk.ui.challenge_browser import remote  # noqa: E402
from klogs_desk.ui.three_ds_dialog import run_challenge  # noqa: E402

#: ``(time.perf_counter(), what)``: milestones, the browser's events and stalls over 16 ms (--timeline).
MILESTONES: list[tuple[float, str]] = []
STALL = 16.0
WARM_GOAL_MS = 300.0


@dataclass
class Watch:
    """What the heartbeat saw over one stretch: worst stall, longest UI-thread work between two ticks,
    UI-thread CPU, and the stalls over 16 ms as ``(perf_counter at start, ms, UI-thread CPU ms)``."""

    stall: float
    piece: float
    cpu: float
    long: list[tuple[float, float, float]] = field(default_factory=list)


class Watching:
    """``beat`` running and the UI thread's CPU counted from :meth:`start` to :meth:`stop`."""

    def __init__(self, beat: Heartbeat) -> None:
        self.beat = beat
        self._cpu = 0.0

    def start(self) -> None:
        self._cpu = time.thread_time()
        self.beat.start()

    def stop(self) -> Watch:
        stall = self.beat.stop()
        watch = Watch(stall, self.beat.worst_cpu_ms, (time.thread_time() - self._cpu) * 1000, list(self.beat.long))
        MILESTONES.extend((start, f"stall {ms:5.1f} ms ({cpu:4.1f} ms UI-thread CPU)") for start, ms, cpu in watch.long)
        return watch


@dataclass
class Run:
    """One challenge: click to ACS page (ms), opening and closing as the heartbeat saw them."""

    ms: float
    opening: Watch
    closing: Watch
    clicked: float


def _record_event(message: dict) -> None:
    kind = message.get("event")
    if kind in ("ready", "window", "loaded", "render_gone", "refused"):
        MILESTONES.append((time.perf_counter(), f"browser says {kind} (page {message.get('page', '-')})"))
    elif kind == "url":
        MILESTONES.append((time.perf_counter(), f"browser says url {str(message.get('url'))[:48]}"))


async def one_challenge(service: ThreeDSecureService, n: int, watching: Watching) -> Run:
    """"Pay (3-D Secure)" to the bank's ACS page loaded in the browser, then Cancel and the dialog gone."""
    loaded: asyncio.Future[float] = asyncio.get_running_loop().create_future()

    def on_dialog(dialog) -> None:
        MILESTONES.append((time.perf_counter(), "dialog open"))
        page = dialog.page
        page.loadFinished.connect(lambda ok: (not loaded.done() and page.url().path().startswith("/_acs/")
                                              and loaded.set_result(time.perf_counter())))

    watching.start()
    clicked = time.perf_counter()
    MILESTONES.append((clicked, f"challenge {n}: click ({'browser ready' if remote.is_warm() else 'no browser'})"))
    challenge = await service.begin(order(n), confirmed_duplicate=True)
    MILESTONES.append((time.perf_counter(), "/api/3ds answered"))
    finishing = asyncio.ensure_future(run_challenge(service, challenge, on_dialog=on_dialog))
    shown_at = await asyncio.wait_for(loaded, 60)
    opening = watching.stop()
    MILESTONES.append((shown_at, "ACS page loaded"))
    watching.start()
    service.cancel(challenge)
    await finishing
    await asyncio.sleep(0.3)
    closing = watching.stop()
    return Run((shown_at - clicked) * 1000, opening, closing, clicked)


def stalls_line(watch: Watch, since: float) -> str:
    """The stalls over 16 ms, in ms from ``since``, each with the UI-thread CPU in it ('' if none)."""
    if not watch.long:
        return ""
    return ("   stalls over 16 ms (from its start: length, UI-thread CPU in it): "
            + ", ".join(f"+{(start - since) * 1000:.0f} ms: {ms:.1f} ms ({cpu:.1f} ms CPU)"
                        for start, ms, cpu in watch.long))


def print_timeline() -> None:
    """Every milestone, browser event and stall over 16 ms, challenge by challenge, in ms from its click."""
    clicked = 0.0
    for at, what in sorted(MILESTONES):
        if what.startswith(("challenge", "warm_up")):
            clicked = at
        print(f"   +{(at - clicked) * 1000:7.1f} ms  {what}")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


async def warm_up_at_idle(watching: Watching) -> tuple[float, float, Watch, float]:
    """``remote.warm_up()`` as after the first frame, to the browser ready: ms to the child's start (its
    wait for a second without input), ms from that start to ready, what the heartbeat saw, and the start."""
    browser = remote.browser()
    starts = browser.starts
    watching.start()
    called = time.perf_counter()
    MILESTONES.append((called, "warm_up() called"))
    remote.warm_up()
    started = 0.0
    while not remote.is_warm():  # 5 ms polls: a few microseconds each, beside the heartbeat's 1000 a second
        if not started and browser.starts > starts:
            started = time.perf_counter()
            MILESTONES.append((started, "child started (within 5 ms)"))
        if time.perf_counter() - called > 60:
            raise TimeoutError("the browser process was not ready 60 s after warm_up()")
        await asyncio.sleep(0.005)
    ready_at = time.perf_counter()
    watch = watching.stop()
    return (started - called) * 1000, (ready_at - started) * 1000, watch, called


async def main(options: argparse.Namespace) -> None:
    load_before = os.getloadavg()[0]
    sandbox: SandboxServer | EmbeddedSandbox
    if options.sandbox_thread:
        sandbox = SandboxServer(SandboxConfig(testing=True, rate_limit_per_minute=100_000))
        sandbox.start()
        url = sandbox.url
    else:
        sandbox = EmbeddedSandbox(rate_limit_per_minute=100_000)
        sandbox.reserve()
        sandbox.start_in_background()
        url = sandbox.wait_ready()
    rig = await ThreeDSRig(url).start()
    service = rig.service
    watching = Watching(Heartbeat())
    browser = remote.browser()
    browser.event_received.connect(_record_event)
    ended: list[float] = []
    browser.ended.connect(lambda: ended.append(time.perf_counter()))
    try:
        watching.start()
        await asyncio.sleep(1.0)
        idle = watching.stop()
        # The client's first request (httpx/httpcore imports, the connection) is made before, as the app's
        # connection check and first sales do: not the browser's cost (cold or warm).
        service.cancel(await service.begin(order(99), confirmed_duplicate=True))
        await asyncio.sleep(0.2)

        assert not browser.running()
        cold = await one_challenge(service, 0, watching)
        browser.stop()  # as if the warm-up had not run yet: no child (blocks until it ends; not measured)
        stopped = len(ended)
        await asyncio.sleep(0.5)

        to_start, to_ready, warm_up, warm_up_called = await warm_up_at_idle(watching)
        await asyncio.sleep(0.5)
        warm = [await one_challenge(service, n, watching) for n in range(1, options.runs + 1)]
        load_after = os.getloadavg()[0]
        crashes = len(ended) - stopped
        starts = browser.starts
    finally:
        browser.stop()
        await rig.close()
        sandbox.stop()

    for module in ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets"):
        assert module not in sys.modules, f"the terminal process imported {module}"

    times = [run.ms for run in warm]
    stalls = [run.opening.stall for run in warm]
    pieces = [run.opening.piece for run in warm]
    yard = f"(yardstick {idle.stall:4.1f} ms / {idle.piece:4.1f} ms)"
    print(f"3-D Secure challenge, browser in its own process; load average {load_before:.2f} on {os.cpu_count()} CPUs"
          f"{'; sandbox in a thread' if options.sandbox_thread else ''}")
    print(f"yardstick: 1 ms heartbeat alone, 1 s idle:        worst stall {idle.stall:5.1f} ms"
          f"   longest UI-thread work between ticks {idle.piece:4.1f} ms CPU   UI-thread CPU {idle.cpu:4.1f} ms"
          " (the heartbeat's own, in every CPU figure below at this rate)")
    print(f"warm-up at idle (child started by warm_up): {to_ready:7.1f} ms start to ready ({to_start:.0f} ms idle wait"
          f" before)   worst stall {warm_up.stall:5.1f} ms   longest UI work {warm_up.piece:4.1f} ms"
          f"   UI-thread CPU {warm_up.cpu:5.1f} ms   {yard}")
    if line := stalls_line(warm_up, warm_up_called):
        print(line)
    print(f"cold (no child, started at the click):      {cold.ms:7.1f} ms click to ACS page"
          f"   worst stall {cold.opening.stall:5.1f} ms   longest UI work {cold.opening.piece:4.1f} ms"
          f"   UI-thread CPU {cold.opening.cpu:5.1f} ms   {yard}")
    if line := stalls_line(cold.opening, cold.clicked):
        print(line)
    print(f"warm (child up, {len(warm)} runs):  median {statistics.median(times):7.1f} ms click to ACS page"
          f" (max {max(times):5.1f})   worst stall {max(stalls):5.1f} ms   longest UI work {max(pieces):4.1f} ms"
          f"   UI-thread CPU median {statistics.median(run.opening.cpu for run in warm):5.1f} ms   {yard}")
    print(f"   in order: ms {[round(t) for t in times]}; stalls {[round(s, 1) for s in stalls]};"
          f" longest UI work {[round(p, 1) for p in pieces]}")
    for run in warm:
        if line := stalls_line(run.opening, run.clicked):
            print(line)
    closings = [cold.closing, *(run.closing for run in warm)]
    print(f"closing (cancel to dialog deleted + 300 ms, all runs): worst stall"
          f" {max(c.stall for c in closings):5.1f} ms   longest UI work {max(c.piece for c in closings):4.1f} ms")
    for run in (cold, *warm):
        if line := stalls_line(run.closing, run.clicked):
            print(line.replace("from its start", "closing, from its click"))
    if options.timeline:
        print_timeline()
    opening_stalls = {"warm-up": warm_up.stall, "cold": cold.opening.stall, "warm": max(stalls),
                      "closing": max(c.stall for c in closings)}
    print(f"goal: no stall > {STALL:.0f} ms: "
          + ", ".join(f"{what} {verdict(ms <= STALL)}" for what, ms in opening_stalls.items())
          + f";  warm < {WARM_GOAL_MS:.0f} ms: {verdict(statistics.median(times) < WARM_GOAL_MS)}"
          + ";  QtWebEngine in the terminal process: none (asserted)")
    print(f"browser processes started: {starts} (cold, warm-up); ended unasked: {crashes}")
    print(f"load average while measuring: {load_before:.2f} before, {load_after:.2f} after, on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="warm challenges (5 or more; default 7)")
    parser.add_argument("--timeline", action="store_true", help="milestones, browser events and stalls per challenge")
    parser.add_argument("--sandbox-thread", action="store_true", help="the sandbox in a thread of this process")
    parsed = parser.parse_args()
    loop = qasync.QEventLoop(APP)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(main(parsed))
