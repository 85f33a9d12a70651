"""Which event-loop turns of the Subscriptions scroll benchmark cost the UI thread most, and what they were.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/profile_subscriptions_turns.py [--count 20000] [--profile]``

Runs ``bench_subscriptions.py`` (same sandbox process, same scroll) under a ``QApplication`` whose
``notify`` times every top-level event delivery in UI-thread CPU (``time.thread_time``, which the load of
other processes does not lengthen) and groups the deliveries over 4 ms by event type and receiver; for
paints, by the viewport rectangle painted. ``--profile`` also runs cProfile inside each delivery and
prints the functions of those over 8 ms (slower: read its figures as shares, not times). It also times
every garbage collection (``gc.callbacks``, thread CPU of the thread that ran it) and prints them by
generation, for the whole run and for the scroll alone.

This is how the scroll's stalls were found to be viewport repaints (issue 19): every over-16-ms turn
was an ``UpdateRequest`` whose paint drew a screen of text cell by cell. Later, the collection timings
showed each generation-1 collection taking 7-13 ms while the page cache held pydantic objects (~3,000
rows landed between two of them, four tracked objects each): they are compact untracked tuples now
(``klogs_desk.ui.subscriptions_model._RowCodec``), and those collections take ~1.5 ms.

``--ticks`` prints the scroll's costliest intervals between two heartbeat ticks (what the benchmark's
"longest UI-thread CPU between ticks" measures) with every delivery over 0.3 ms in them, in order: a
tick over 16 ms is often two turns that each look fine. That is how the last one was found: a page
landing (~3 ms: its rows made compact and the first chunk of on-screen rows formatted at once) and, in
the same interval, the full repaint of a newly scrolled screen (~10 ms: six rows formatted by the paint,
row images drawn, the style's panel per cell of every alternate row, a call per grid line).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_subscriptions
from PySide6.QtCore import QEvent
from turn_timing import TurnTimingApplication


class TimedApplication(TurnTimingApplication):
    """Times each top-level event delivery (nested ones count in the outer one)."""

    def __init__(self, argv: list[str], profile: bool) -> None:
        super().__init__(argv, profiling=profile)
        self._painted: list[str] = []
        #: (UI-thread CPU ms, event type, receiver, viewport rectangles painted)
        self.deliveries: list[tuple[float, str, str, tuple[str, ...]]] = []
        self.profiles: list[cProfile.Profile] = []

        #: Deliveries over 0.3 ms since the last heartbeat tick (``--ticks``).
        self.since_tick: list[tuple[float, str, str, tuple[str, ...]]] = []

    def nested(self, receiver, event) -> bool:
        if event.type() == QEvent.Type.Paint and receiver.objectName() == "qt_scrollarea_viewport":
            rect = event.rect()
            self._painted.append(f"{rect.width()}x{rect.height()}")
        return self.deliver(receiver, event)

    def turn_started(self) -> None:
        self._painted = []

    def turn_ended(self, receiver, event, cpu, profiler) -> None:
        if profiler is not None and cpu > 8:
            self.profiles.append(profiler)
        if cpu > 0.3:
            self.since_tick.append((round(cpu, 1), event.type().name, type(receiver).__name__,
                                    tuple(self._painted)))
        if cpu > 4:
            self.deliveries.append((cpu, event.type().name, type(receiver).__name__, tuple(self._painted)))


class CollectionTimer:
    """Every garbage collection's thread CPU time (ms), generation and objects collected, with its start
    (``time.perf_counter``), from ``gc.callbacks``."""

    def __init__(self) -> None:
        self.collections: list[tuple[float, int, float, int]] = []
        self._started = (0.0, 0.0)
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = (time.perf_counter(), time.thread_time())
        else:
            at, cpu = self._started
            self.collections.append((at, info["generation"], (time.thread_time() - cpu) * 1000, info["collected"]))

    def report(self, title: str, since: float = 0.0) -> None:
        print(f"garbage collections, {title} (thread CPU):")
        for generation in range(3):
            times = [ms for at, gen, ms, _ in self.collections if gen == generation and at >= since]
            if times:
                print(f"  generation {generation}: n={len(times):<4} max {max(times):5.1f} ms, sum {sum(times):6.1f} ms, "
                      f"over 4 ms {sum(ms > 4 for ms in times)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--ticks", action="store_true",
                        help="print the 15 costliest intervals between heartbeat ticks and their deliveries")
    args = parser.parse_args()
    app = TimedApplication([], args.profile)
    collections = CollectionTimer()
    scroll_started: list[float] = []
    start_heartbeat = bench_subscriptions.Heartbeat.start
    tick = bench_subscriptions.Heartbeat._tick
    #: (UI-thread CPU ms between two ticks, the deliveries in it) of the last heartbeat started.
    intervals: list[tuple[float, list]] = []

    def start(heartbeat: bench_subscriptions.Heartbeat) -> None:  # the last heartbeat started is the scroll's
        scroll_started.append(time.perf_counter())
        intervals.clear()
        app.since_tick = []
        start_heartbeat(heartbeat)

    def timed_tick(heartbeat: bench_subscriptions.Heartbeat) -> None:
        before = heartbeat._cpu
        tick(heartbeat)
        intervals.append(((heartbeat._cpu - before) * 1000, app.since_tick))
        app.since_tick = []

    bench_subscriptions.Heartbeat.start = start  # type: ignore[method-assign]
    if args.ticks:
        bench_subscriptions.Heartbeat._tick = timed_tick  # type: ignore[method-assign]
    sys.argv = [sys.argv[0], "--count", str(args.count)]
    bench_subscriptions.main()
    collections.report("whole run")
    if scroll_started:
        collections.report("while scrolling", scroll_started[-1])
    groups: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for cpu, kind, receiver, painted in app.deliveries:
        groups[(kind, receiver, painted[0] if len(painted) == 1 else f"{len(painted)} rects")].append(cpu)
    print("event deliveries over 4 ms of UI-thread CPU (whole run, set-up included):")
    for (kind, receiver, painted), cpus in sorted(groups.items(), key=lambda item: -sum(item[1])):
        print(f"  {kind:<14} {receiver:<22} {painted:<12} n={len(cpus):<4} median {statistics.median(cpus):5.1f} ms, "
              f"max {max(cpus):5.1f} ms, over 8 ms {sum(cpu > 8 for cpu in cpus)}, over 16 ms {sum(cpu > 16 for cpu in cpus)}")
    if args.ticks:
        print("costliest intervals between two heartbeat ticks while scrolling (UI-thread CPU; deliveries over "
              "0.3 ms in order: CPU ms, event, receiver, viewport rectangles painted):")
        for cpu, deliveries in sorted(intervals, key=lambda interval: -interval[0])[:15]:
            print(f"  {cpu:5.1f} ms: " + ", ".join(f"{ms} {kind} {receiver}{' ' + '/'.join(painted) if painted else ''}"
                                                for ms, kind, receiver, painted in deliveries))
    if app.profiles:
        stats = pstats.Stats(app.profiles[0])
        for profiler in app.profiles[1:]:
            stats.add(profiler)
        print(f"--- cProfile of the {len(app.profiles)} deliveries over 8 ms ---")
        stats.sort_stats("tottime").print_stats(20)


if __name__ == "__main__":
    main()
