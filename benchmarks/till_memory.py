"""The memory of a whole till: the terminal and every process it started (the embedded sandbox, the 3-D
Secure browser process and Chromium's helpers), idle after start-up.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/till_memory.py [--after SECONDS] [--runs N]

Launches ``python -m klogs_desk`` in training mode with a fresh home, waits ``--after`` seconds (25 by
default: the browser process is started once the cashier has been idle a second after the first frame,
and has settled by then), then sums the proportional set size (PSS, ``/proc/PID/smaps_rollup``: shared
pages split among the processes sharing them, so the sum is what the till costs the machine) of the
terminal's process tree. Linux only. Compare two trees by running each tree's copy alternately: PSS moves
by tens of MB from run to run (Chromium's processes settle at different times).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                parent = int(Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(name))
    return children


def _pss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _label(pid: int) -> str:
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    text = " ".join(word.decode(errors="replace") for word in words if word)
    for known in ("klogs_desk.sandbox.child", "klogs_desk.ui.challenge_browser.child", "--type=zygote",
                  "--type=renderer", "--type=gpu-process", "--type=utility"):
        if known in text:
            return known
    return "terminal" if "-m klogs_desk" in text else text[-60:]


def measure(after: float) -> tuple[float, float, list[tuple[str, float]]]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               KLOGS_DESK_HOME=tempfile.mkdtemp(prefix="klogs-memory-"))
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    process = subprocess.Popen([sys.executable, "-m", "klogs_desk"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(after)
        children = _children()

        def tree(pid: int) -> list[int]:
            return [pid] + [each for child in children.get(pid, []) for each in tree(child)]

        rows = [(_label(pid), _pss_mb(pid)) for pid in tree(process.pid)]
        return _pss_mb(process.pid), sum(mb for _label_, mb in rows), rows
    finally:
        process.terminate()
        process.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--after", type=float, default=25.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for run in range(args.runs):
        terminal, whole, rows = measure(args.after)
        print(f"run {run + 1}: whole till {whole:6.1f} MB PSS, the terminal's own process {terminal:6.1f} MB"
              f" ({len(rows)} processes: " + ", ".join(f"{label} {mb:.0f}" for label, mb in rows) + ")")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
