"""Which event-loop turns of the Journal phases of ``bench_stalls.py`` cost the UI thread most, and what they were.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/profile_journal_turns.py [--rows 100000] [--profile 8]``

Runs ``bench_stalls.py``'s Journal scenario (a shown window of tabs; the tab built, warmed, switched to,
refreshed, scrolled, searched, filtered; not the export nor the reconciler) under a ``QApplication`` whose
``notify`` times every top-level event delivery in UI-thread CPU (``time.thread_time``) and prints, per
phase, the deliveries over 4 ms by event type and receiver, paints apart from the rest (a turn over 16 ms is
a paint plus the work before it in the same turn). ``--profile MS`` runs cProfile inside each delivery and
prints, per phase, the functions of the non-paint deliveries over ``MS`` ms (and of paints over 16 ms) (slower: read its figures as
shares, not times).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_stalls
from PySide6.QtCore import QEvent
from turn_timing import TurnTimingApplication

_PAINTS = {QEvent.Type.Paint, QEvent.Type.UpdateRequest}


class _Stop(Exception):
    """Raised at the export: the Journal phases are over."""


class TimedApplication(TurnTimingApplication):
    """Times each top-level event delivery (nested ones count in the outer one), tagged with the phase."""

    def __init__(self, argv: list[str], profile_ms: float) -> None:
        super().__init__(argv, profiling=bool(profile_ms))
        self.profile_ms = profile_ms
        self.phase = 0
        #: (phase, UI-thread CPU ms, event type, receiver class)
        self.deliveries: list[tuple[int, float, str, str]] = []
        #: The benchmark's heartbeat (its tick count tells the turns apart).
        self.heartbeat: bench_stalls.TurnHeartbeat | None = None
        #: (phase, heartbeat tick, UI-thread CPU ms, what) of every delivery over 0.3 ms.
        self.turns: list[tuple[int, int, float, str]] = []
        self.profiles: dict[int, list[cProfile.Profile]] = defaultdict(list)
        #: (widget, UI-thread CPU ms) of the paints inside the current turn.
        self._painted: list[tuple[str, float]] = []

    def nested(self, receiver, event) -> bool:
        if event.type() != QEvent.Type.Paint:
            return self.deliver(receiver, event)
        started = time.thread_time()
        try:
            return self.deliver(receiver, event)
        finally:
            self._painted.append((f"{receiver.objectName() or type(receiver).__name__}",
                                  (time.thread_time() - started) * 1000))

    def turn_started(self) -> None:
        self._painted = []

    def turn_ended(self, receiver, event, cpu, profiler) -> None:
        if profiler is not None and cpu > self.profile_ms and (event.type() not in _PAINTS or cpu > 16):
            self.profiles[self.phase].append(profiler)
        if cpu > 0.3 and self.heartbeat is not None:
            what = type(receiver).__name__
            if what == "QTimer" and receiver.parent() is not None:
                what = f"{type(receiver.parent()).__name__}'s QTimer"
            if self._painted:  # the widgets painted, over 0.5 ms each
                what += "[" + " ".join(f"{name} {ms:.1f}" for name, ms in self._painted if ms > 0.5) + "]"
            self.turns.append((self.phase, self.heartbeat._ticks, cpu, f"{event.type().name}/{what}"))
        if cpu > 4:
            self.deliveries.append((self.phase, cpu, event.type().name, type(receiver).__name__))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--every", action="store_true", help="print every turn over 3 ms, not only over 12")
    parser.add_argument("--profile", type=float, default=0.0, metavar="MS")
    args = parser.parse_args()
    app = TimedApplication([], args.profile)

    class PhasedHeartbeat(bench_stalls.TurnHeartbeat):
        """Each reset of ``busy_turns`` (bench_stalls' ``phase()``) starts the next phase."""

        def __init__(self) -> None:
            super().__init__()
            app.heartbeat = self

        @property
        def busy_turns(self) -> list[float]:
            return self._busy

        @busy_turns.setter
        def busy_turns(self, value: list[float]) -> None:
            if hasattr(self, "_busy"):
                app.phase += 1
            self._busy = value

    bench_stalls.TurnHeartbeat = PhasedHeartbeat  # type: ignore[misc]
    signalled = bench_stalls.signalled

    async def stop_at_export(signal, action, timeout: float = 120.0):  # type: ignore[no-untyped-def]
        if getattr(action, "__name__", "") == "export_csv":
            raise _Stop
        return await signalled(signal, action, timeout)

    bench_stalls.signalled = stop_at_export
    sys.argv = [sys.argv[0], "--rows", str(args.rows), "--unknown", "500"]
    try:
        bench_stalls.main()
    except _Stop:
        pass
    print(f"load average: {os.getloadavg()[0]:.2f}")
    phases = app.phase
    names = {0: "build", phases - 6: "switch", phases - 5: "refresh", phases - 4: "pages down",
             phases - 3: "jumps", phases - 2: "search", phases - 1: "filter"}
    groups: dict[tuple[int, str, str], list[float]] = defaultdict(list)
    for phase, cpu, kind, receiver in app.deliveries:
        groups[(phase, kind, receiver)].append(cpu)
    print("event deliveries over 4 ms of UI-thread CPU, by phase:")
    for (phase, kind, receiver), cpus in sorted(groups.items(), key=lambda item: (item[0][0], -max(item[1]))):
        print(f"  {names.get(phase, f'warm-up {phase}'):<11} {kind:<14} {receiver:<22} n={len(cpus):<4} "
              f"median {statistics.median(cpus):5.1f} max {max(cpus):5.1f} ms")
    by_turn: dict[tuple[int, int], list[tuple[float, str]]] = defaultdict(list)
    for phase, tick, cpu, what in app.turns:
        by_turn[(phase, tick)].append((cpu, what))
    print("turns (between two heartbeat ticks) over 12 ms of the deliveries over 0.3 ms, by phase:")
    for (phase, _tick), parts in sorted(by_turn.items()):
        if sum(cpu for cpu, _ in parts) > (3 if args.every else 12):
            print(f"  {names.get(phase, f'warm-up {phase}'):<11} {sum(cpu for cpu, _ in parts):5.1f} ms = "
                  + " + ".join(f"{what} {cpu:.1f}" for cpu, what in parts))
    for phase, profilers in sorted(app.profiles.items()):
        stats = pstats.Stats(profilers[0])
        for profiler in profilers[1:]:
            stats.add(profiler)
        print(f"--- {names.get(phase, f'warm-up {phase}')}: cProfile of {len(profilers)} non-paint deliveries "
              f"over {args.profile} ms and paints over 16 ms ---")
        stats.sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
