"""A poor man's py-spy for the benchmarks: what the UI thread was running during each event-loop stall.

py-spy is not in the venv (and not to be installed on the tills), so a daemon thread samples the main
thread's Python stack (``sys._current_frames``) every ``interval`` seconds with a short GIL switch
interval, and :meth:`StallSampler.report` prints, over the stall windows the benchmark's heartbeat saw,
the stacks seen most often, each sample weighted by the main thread's CPU time since the previous
sample (``time.pthread_getcpuclockid``). A sample lands only when the main thread lets go of the GIL (at least every
switch interval while it runs Python; C++ painting that calls no Python shows as the frame that called
it), so the milliseconds are approximate.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter


class StallSampler:
    def __init__(self, interval: float = 0.0005, depth: int = 10) -> None:
        self.interval = interval
        self.depth = depth
        #: (wall time, main thread's CPU ms since the previous sample, stack).
        self.samples: list[tuple[float, float, tuple[str, ...]]] = []
        self.windows: list[tuple[float, float]] = []
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)
        self._switch = sys.getswitchinterval()

    def start(self) -> None:
        sys.setswitchinterval(0.0005)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        sys.setswitchinterval(self._switch)

    def stall(self, start: float, end: float) -> None:
        """The heartbeat saw no tick between ``start`` and ``end`` (``time.perf_counter`` seconds)."""
        self.windows.append((start, end))

    def _run(self) -> None:
        clock = time.pthread_getcpuclockid(self._main)  # type: ignore[arg-type]
        cpu = time.clock_gettime(clock)
        while not self._stop.is_set():
            frame = sys._current_frames().get(self._main)  # type: ignore[arg-type]
            stack = []
            while frame is not None and len(stack) < self.depth:
                code = frame.f_code
                stack.append(f"{code.co_filename.rsplit('/', 2)[-1]}:{frame.f_lineno} {code.co_name}")
                frame = frame.f_back
            now = time.clock_gettime(clock)
            self.samples.append((time.perf_counter(), (now - cpu) * 1000, tuple(stack)))
            cpu = now
            time.sleep(self.interval)

    def report(self, top: int = 12) -> None:
        inside: Counter[tuple[str, ...]] = Counter()
        leaves: Counter[str] = Counter()
        # Each sample weighs the main thread's CPU since the previous one: time the UI thread spent off the
        # CPU (other processes on a loaded machine) weighs nothing.
        windows = sorted(self.windows)
        index = 0
        total = 0.0
        for when, cpu, stack in self.samples:
            while index < len(windows) and windows[index][1] < when:
                index += 1
            if index < len(windows) and windows[index][0] <= when <= windows[index][1]:
                inside[stack[:6]] += cpu
                leaves[stack[0] if stack else "<idle>"] += cpu
                total += cpu
        print(f"--- stall sampler: {len(windows)} stalls, {total:.0f} ms of UI-thread CPU inside them ---")
        print("innermost frames:")
        for frame, count in leaves.most_common(top):
            print(f"  {count:7.1f} ms {100 * count / max(1, total):5.1f}%  {frame}")
        print("stacks (innermost first):")
        for stack, count in inside.most_common(top):
            print(f"  {count:7.1f} ms {100 * count / max(1, total):5.1f}%  " + "  <  ".join(stack))
