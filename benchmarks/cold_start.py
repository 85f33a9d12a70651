"""Cold start from process launch: ``klogs-desk`` in training mode against a bare six-tab PySide6 window.

    .venv/bin/python benchmarks/cold_start.py [runs]

Both are launched the same way, alternately, in the same run: ``python -m klogs_desk`` (with
``KLOGS_DESK_EXIT_WHEN_SHOWN=1``) and ``python benchmarks/bare_window.py``. Each prints
``window interactive at <epoch seconds>`` from the first pass of Qt's event loop after ``show()``: the
window is shown and painted, and Qt's event loop runs, so it takes keys and clicks (a cashier can type
the amount). The figure is that moment minus the moment just before the process was spawned:
interpreter start, every import, the window, the first paint.

What it does not include: the terminal's asyncio loop (qasync on Qt's loop) is installed right after
that first frame, from a zero timer inside the running Qt loop (``klogs_desk/ui/event_loop.py``; a Pay
clicked sooner installs it on the spot). The app then prints ``asyncio ready at`` once that loop has run
a callback, and that is the second figure, printed next to the same yardstick: launch -> asyncio loop
ready (the deferred steps queued behind the first frame, such as the idle lock's pass over the widgets,
run before that callback and are in it). Training mode on its second
start (the app home exists: journal, settings, operators; the embedded sandbox starts every time). The
first launch of each is a warm-up (disk cache) and is not counted. Medians; the ratio is what counts
(the machine is shared, so absolute numbers move with load, printed too). Goal: <= 2.0 x the bare window.
Also reports whether QtWebEngine, FastAPI, httpx or pydantic were imported before the window was shown
(``KLOGS_DESK_REPORT_MODULES=1`` makes the app print that).
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
#: Another checkout to launch instead (``--tree PATH``: before/after figures in the same run conditions).
TREE = Path(sys.argv[sys.argv.index("--tree") + 1]).resolve() if "--tree" in sys.argv else ROOT
GOAL = 2.0


#: CPU milliseconds the launched process had used when it reported (its own process only: the
#: training sandbox's child is not counted). Other processes' load inflates wall time, much less this.
CPU: dict[str, list[float]] = {"app": [], "bare": []}
#: Launch -> the app's asyncio loop has run a callback: wall ms and the UI process's CPU ms.
ASYNCIO: dict[str, list[float]] = {"wall": [], "cpu": []}


def launch(command: list[str], env: dict[str, str], kind: str = "") -> tuple[float | None, str]:
    """Milliseconds from spawn to 'window interactive', and the child's stdout."""
    spawned = time.time()
    result = subprocess.run(command, cwd=TREE, env=env, capture_output=True, text=True, timeout=120)
    shown = re.search(r"window interactive at ([\d.]+)(?:.*?cpu (\d+) ms)?", result.stdout)
    if not shown:
        print(f"  no window from {command[-1]} (exit {result.returncode}): {result.stderr[-800:]}")
        return None, result.stdout
    if kind and shown.group(2):  # an older checkout (--tree) does not report it
        CPU[kind].append(float(shown.group(2)))
    ready = re.search(r"asyncio ready at ([\d.]+) cpu (\d+) ms", result.stdout)
    if kind == "app" and ready:  # an older checkout ran asyncio before the window: no second figure
        ASYNCIO["wall"].append((float(ready.group(1)) - spawned) * 1000)
        ASYNCIO["cpu"].append(float(ready.group(2)))
    return (float(shown.group(1)) - spawned) * 1000, result.stdout


def measure(runs: int) -> tuple[float, float]:
    """(app median ms, bare median ms) over ``runs`` alternating launches after one warm-up each."""
    home = tempfile.mkdtemp(prefix="klogs-cold-")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), KLOGS_DESK_HOME=home,
               KLOGS_DESK_EXIT_WHEN_SHOWN="1", KLOGS_DESK_REPORT_MODULES="1")
    # An installed terminal runs from compiled bytecode: let the warm-up launch write it (this machine's
    # environment sets PYTHONDONTWRITEBYTECODE, which would make every launch compile every module).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    app_cmd = [sys.executable, "-m", "klogs_desk"]
    bare_cmd = [sys.executable, str(ROOT / "benchmarks" / "bare_window.py")]
    launch(app_cmd, env)  # first start: creates the app home; the figure is for the second and later
    launch(bare_cmd, env)
    apps: list[float] = []
    bares: list[float] = []
    modules = ""
    for run in range(1, runs + 1):
        app_ms, out = launch(app_cmd, env, "app")
        bare_ms, _ = launch(bare_cmd, env, "bare")
        found = re.search(r"imported before the window: (.*)", out)
        modules = found.group(1) if found else modules
        if app_ms is not None and bare_ms is not None:
            apps.append(app_ms)
            bares.append(bare_ms)
            print(f"run {run}: klogs-desk {app_ms:.0f} ms, bare window {bare_ms:.0f} ms, "
                  f"ratio {app_ms / bare_ms:.2f}")
    if not apps:
        raise SystemExit("no run finished")
    app_median, bare_median = statistics.median(apps), statistics.median(bares)
    ratio = app_median / bare_median
    print(f"launch -> window shown, Qt loop running (median of {len(apps)}): klogs-desk {app_median:.0f} ms, "
          f"bare six-tab window {bare_median:.0f} ms: {ratio:.2f}x; goal <= {GOAL:.1f}x: "
          f"{'PASS' if ratio <= GOAL else 'MISS'}")
    if CPU["app"] and CPU["bare"]:
        app_cpu, bare_cpu = statistics.median(CPU["app"]), statistics.median(CPU["bare"])
        print(f"  CPU of the UI process until then (median): klogs-desk {app_cpu:.0f} ms, bare {bare_cpu:.0f} ms: "
              f"{app_cpu / bare_cpu:.2f}x")
    if ASYNCIO["wall"]:
        wall, cpu = statistics.median(ASYNCIO["wall"]), statistics.median(ASYNCIO["cpu"])
        print(f"launch -> asyncio loop ready too (median): klogs-desk {wall:.0f} ms, {wall / bare_median:.2f}x the "
              f"bare window; CPU {cpu:.0f} ms" + (f", {cpu / statistics.median(CPU['bare']):.2f}x" if CPU["bare"]
                                                   else ""))
    if modules:
        print(f"imported before the window: {modules}")
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    return app_median, bare_median


def main() -> None:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    runs = int(numbers[0]) if numbers else 7
    if TREE != ROOT:
        print(f"launching the terminal from {TREE}")
    measure(runs)


if __name__ == "__main__":
    main()
