"""Run the issue-19 benchmarks one after another and print their figures with yardsticks, ratios and goals.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py [--quick]

Each benchmark runs in its own process and prints its own table (each figure next to its yardstick
measured in the same run); this collects the summary lines into one report and notes the load average
before and after, since the machine may be shared (a loaded machine shows up as stalls and slower wall
times; the ratios in the same run, and the UI-thread CPU figures, are what to compare).

* ``cold_start.py``: launch -> window shown with the loop running, against a bare six-tab PySide6 window.
* ``bench_terminal.py``: Pay click -> APPROVED painted against a bare httpx POST (median of 60), stalls.
* ``bench_three_ds.py``: 3-D Secure challenge opening cold and warm, the browser process's warm-up, stalls.
* ``bench_subscriptions.py``: scrolling 100,000 subscriptions, stalls.
* ``bench_stalls.py``: the Journal with 100,000 rows and its export, the reconciler over 500 unknown rows.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUMMARY = re.compile(r"Pay click|goal|target|PASS|MISS|ratio|x;|stall|median|bare|CPU|imported before|cold|warm|"
                     r"first page|scenario|yardstick|Journal|Reconciler|load average|browser process", re.IGNORECASE)


def run(script: str, *args: str) -> None:
    print(f"\n== {script} {' '.join(args)}  (load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs)")
    started = time.monotonic()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    result = subprocess.run([sys.executable, str(HERE / script), *args], cwd=HERE.parent, env=env,
                            capture_output=True, text=True, timeout=1800)
    for line in result.stdout.splitlines():
        if SUMMARY.search(line) and not line.startswith("run "):
            print("   " + line)
    if result.returncode:
        print(f"   exit {result.returncode}: {result.stderr.strip()[-600:]}")
    print(f"   ({time.monotonic() - started:.0f} s)")


def main() -> None:
    quick = "--quick" in sys.argv
    run("cold_start.py", "5" if quick else "9")
    run("bench_terminal.py", "-n", "30" if quick else "60")
    run("bench_three_ds.py")
    run("bench_subscriptions.py", *(["--count", "20000"] if quick else []))
    run("bench_stalls.py", *(["--rows", "20000"] if quick else []))


if __name__ == "__main__":
    main()
