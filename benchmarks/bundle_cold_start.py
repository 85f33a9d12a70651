"""Cold start of the built bundle (or the source tree) to an interactive window, in training mode.

    .venv/bin/python benchmarks/bundle_cold_start.py [runs] [--source]

Each run is a fresh process with a fresh app home (so the embedded sandbox is set up every time) and
``KLOGS_DESK_EXIT_WHEN_SHOWN=1``: the app quits after its first event-loop pass following ``show()``
and prints when. Reported: wall time from just before the process was spawned to that moment (includes
exec, the PyInstaller bootloader and unpacking nothing: onedir), and the process's own age from /proc.
Default target: ``dist/klogs-desk/klogs-desk``; ``--source`` runs ``python -m klogs_desk`` instead.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(args[0]) if args else 3
    if "--source" in sys.argv:
        command, label = [sys.executable, "-m", "klogs_desk"], "source tree (python -m klogs_desk)"
    else:
        command, label = [str(ROOT / "dist" / "klogs-desk" / "klogs-desk")], "bundle dist/klogs-desk"
    print(f"cold start to interactive window, {label}")
    walls = []
    for run in range(1, runs + 1):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KLOGS_DESK_HOME=tempfile.mkdtemp(),
                   KLOGS_DESK_EXIT_WHEN_SHOWN="1")
        spawned = time.time()
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        shown = re.search(r"window interactive at ([\d.]+)(?: \((\d+) ms after process start\))?", result.stdout)
        if not shown:
            print(f"run {run}: no window (exit {result.returncode}): {result.stderr[-500:]}")
            continue
        wall = (float(shown.group(1)) - spawned) * 1000
        walls.append(wall)
        print(f"run {run}: {wall:.0f} ms from spawn, process age {shown.group(2) or '?'} ms, "
              f"exit {result.returncode}")
    if walls:
        print(f"median {statistics.median(walls):.0f} ms over {len(walls)} run(s)")


if __name__ == "__main__":
    main()
