"""Event-loop stalls (1 ms heartbeat) where the terminal handles a lot at once: the Journal with 100,000 rows,
its CSV export, and the reconciler working through 500 outcome-unknown rows.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_stalls.py [--rows 100000] [--unknown 500]``

Printed, not asserted; target for each: no heartbeat late by more than 16 ms. Each phase also prints the
UI-thread CPU of every turn over 2 ms, in order (which turn is the stall). Next to each stall, the
longest UI-thread CPU between two ticks (``time.thread_time``): a stall much longer than that was the OS
running other processes (this machine is shared), not the terminal's own work. The yardstick in the same
run is the heartbeat with nothing else to do (an idle second). The other stall scenarios have their own
benchmarks: sales (``bench_terminal.py``), the 3-D Secure challenge warm and cold (``bench_three_ds.py``),
scrolling 100,000 subscriptions (``bench_subscriptions.py``); ``run_all.py`` runs them all.

Scenarios:

* **Journal, 100,000 rows**: as at the till, a shown window of tabs (``QTabWidget``, the app's accent-safe
  style installed as ``klogs_desk/app.py`` does, its Python ``polish`` from the first frame on) with another
  tab current; the Journal tab built and added after the window's first frame (phase "build the tab", as
  ``klogs_desk/composition.py`` does in a step of its own, after a table tab standing in for the tabs the app
  builds before it), then switched to ("switch to the Journal tab":
  its show, first polish, layout and paint, and the refresh on show: every id read on the reader thread, the
  first page with its children, the operator list). ``--top-level`` shows the tab as a window of its own
  instead (the figure before: "top-level show", a native window created). Then Refresh clicked, the first 100 screens scrolled a page at a time, then the
  scroll bar dragged to the bottom in 50 jumps (each jump shows rows of a page not read yet), a search typed
  letter by letter, cleared, and the state filter set to "Needs checking" and back.
* **Export**: the shown rows (all 100,000) written to CSV (``JournalTab.export_csv``), from the click to the
  ``exported`` signal; with ``--scroll-during-export`` the table is scrolled a page every 50 ms meanwhile.
  The export runs in its own process (``klogs_desk/domain/journal_export.py``): the UI thread only starts
  it, reads its progress lines and renames the file; the process competes for the CPU, not for the GIL.
* **Reconciler, 500 unknown rows**: ``Reconciler.run_once`` over 500 rows left ``unknown`` (the gateway
  never heard of them: each gets a lookup, 404, and the not-found grace decides), against a sandbox in
  its own process.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import gc
import os
import pstats
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KLOGS_DESK_HOME", tempfile.mkdtemp(prefix="klogs-stalls-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qasync
from bench_client import CREDENTIALS
from bench_subscriptions import Heartbeat, start_sandbox
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QTabWidget

from klogs_desk.api.client import Endpoints, KlogsClient
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.services.context import AppServices
from klogs_desk.services.reconciler import Reconciler
from klogs_desk.ui import theme
from klogs_desk.ui.journal_tab import JournalTab

GOAL_MS = 16.0


class TurnHeartbeat(Heartbeat):
    """The heartbeat, also keeping the UI-thread CPU between two ticks wherever it passed 2 ms (the turns
    a phase took, in order: which turn of a phase is the stall)."""

    def __init__(self) -> None:
        super().__init__()
        self.busy_turns: list[float] = []

    def _tick(self) -> None:
        before = self._cpu
        super()._tick()
        if (busy := (self._cpu - before) * 1000) > 2.0:
            self.busy_turns.append(busy)


def fill_journal(path: Path, rows: int, unknown: int) -> None:
    """``rows`` approved sales (one operator in ten different) and ``unknown`` outcome-unknown ones, in one
    transaction (the benchmark's set-up, not the terminal's hot path)."""
    journal = Journal(path)
    db = journal._db
    now = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)
    stamp = now.isoformat(timespec="microseconds")
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO entries (created_at, updated_at, environment, kind, reference, amount, currency, state, "
        "masked_pan, card_holder, operator) VALUES (?, ?, 'sandbox', ?, ?, ?, 'TRY', ?, ?, ?, ?)",
        ((stamp, stamp, EntryKind.SALE.value, f"KD-BENCH-{n:07d}", str(Decimal(100 + n % 900) / 100),
          (EntryState.UNKNOWN if n >= rows else EntryState.APPROVED).value, "411111******1111", "Bench Mark",
          f"op{n % 10}") for n in range(rows + unknown)))
    db.execute("COMMIT")
    journal.close()


async def idle(seconds: float) -> tuple[float, float]:
    heartbeat = Heartbeat()
    heartbeat.start()
    await asyncio.sleep(seconds)
    heartbeat.timer.stop()
    return heartbeat.longest_ms, heartbeat.longest_busy_ms


async def pump(turns: int = 3) -> None:
    for _ in range(turns):
        await asyncio.sleep(0.002)


async def signalled(signal, action, timeout: float = 120.0) -> list:  # type: ignore[no-untyped-def]
    """Run ``action()`` and wait (turning the loop) until ``signal`` fires; its arguments."""
    fired: asyncio.Future = asyncio.get_running_loop().create_future()

    def on_signal(*args) -> None:  # type: ignore[no-untyped-def]
        if not fired.done():
            fired.set_result(list(args))

    signal.connect(on_signal)
    try:
        action()
        return await asyncio.wait_for(fired, timeout)
    finally:
        signal.disconnect(on_signal)


async def scroll_meanwhile(tab: JournalTab) -> None:
    """A page down every 50 ms, back to the top at the bottom (each page painted, new rows read)."""
    bar = tab.table.verticalScrollBar()
    while True:
        bar.setValue(0 if bar.value() >= bar.maximum() else bar.value() + bar.pageStep())
        await asyncio.sleep(0.05)


async def built_after_first_frame(window: QTabWidget, services: AppServices,
                                  phase: Callable[[str], None]) -> JournalTab:
    """The Journal tab built and added as the app's composition root does after the window's first frame
    (``klogs_desk/composition.py``: one step per turn of the loop; its steps measured as phases too: they
    run on the UI thread while the cashier may be typing)."""
    tab = JournalTab(services)
    window.addTab(tab, "Journal")
    await pump()
    phase("build the tab (a step after the first frame)")
    for number, step in enumerate(getattr(tab, "warm_up_steps", lambda: ())(), 1):
        step()
        await pump()
        phase(f"warm-up step {number} (its own turn after the build)")
    return tab


async def journal_scenarios(services: AppServices, export_to: Path, scroll_during_export: bool,
                            top_level: bool) -> dict[str, tuple[float, float]]:
    figures: dict[str, tuple[float, float]] = {}
    heartbeat = TurnHeartbeat()
    phases: dict[str, tuple[float, float]] = {}

    def phase(name: str) -> None:  # the longest stall and UI CPU since the last phase, then start again
        phases[name] = (heartbeat.longest_ms, heartbeat.longest_busy_ms)
        if heartbeat.busy_turns:
            print(f"  {name}: UI CPU of each turn over 2 ms: "
                  + ", ".join(f"{busy:.1f}" for busy in heartbeat.busy_turns))
        heartbeat.longest_ms = heartbeat.longest_busy_ms = 0.0
        heartbeat.busy_turns = []

    if top_level:  # the benchmark before: the tab shown as a window of its own (a native window created)
        window = tab = JournalTab(services)
        tab.resize(1100, 640)
        heartbeat.start()
        started = time.perf_counter()
        shown = await signalled(tab.rows_shown, tab.show)  # showEvent refreshes: ids, first page, operators
        await pump()
        phase("top-level show")
    else:  # as at the till: a shown window of tabs, another tab current, the Journal built after it and switched to
        app = QApplication.instance()
        theme.install_accent_safe_style(app, polish_labels=False)  # as klogs_desk/app.py: before the window
        window = QTabWidget()
        window.addTab(QLabel("Sale"), "Sale")
        window.resize(1100, 700)
        window.show()
        await pump(10)  # the window's first frame
        theme.polish_labels_from_now_on(app)  # as the app on its first frame: a Python polish from now on
        # In the app, the tabs built before the Journal (composition.py's steps: Pre-auth, Installments,
        # Checkout, Subscriptions) have tables and combo boxes: the first of them pays PySide6's one-time
        # cost of resolving Qt's private widget classes (and building their enums) when the style's Python
        # polish is first handed one. A table tab built here stands in for them, measured but not counted.
        cpu = time.thread_time()
        earlier = QTableView()
        earlier.setModel(QStandardItemModel(1, 1, earlier))
        window.addTab(earlier, "Pre-auth")
        print(f"  a table tab built before the Journal, as in the app (not counted): "
              f"{(time.thread_time() - cpu) * 1000:.1f} ms UI CPU")
        await pump()
        heartbeat.start()
        tab = await built_after_first_frame(window, services, phase)
        started = time.perf_counter()
        profiler = cProfile.Profile() if os.environ.get("BENCH_PROFILE_SWITCH") else None
        if profiler is not None:
            profiler.enable()
        shown = await signalled(tab.rows_shown, lambda: window.setCurrentWidget(tab))  # showEvent refreshes
        await pump()
        phase("switch to the Journal tab")
        if profiler is not None:  # BENCH_PROFILE_SWITCH=1: where the switch's UI-thread time goes
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    tab.choose_export_path = lambda default: export_to  # type: ignore[method-assign]
    print(f"Journal shown: {shown[0]:,} rows in {(time.perf_counter() - started) * 1000:.0f} ms")
    await signalled(tab.rows_shown, tab.refresh_button.click)
    await pump()
    phase("refresh")
    bar = tab.table.verticalScrollBar()
    for _ in range(100):  # the first rows a page at a time (every page read as it comes into view)
        bar.setValue(bar.value() + bar.pageStep())
        await pump(1)
    phase("100 pages down")
    for step in range(1, 51):  # then the scroll bar's thumb dragged to the bottom in 50 jumps
        bar.setValue(bar.maximum() * step // 50)
        await pump(1)
    phase("50 jumps to the bottom")
    search = "KD-BENCH-00999"
    for letter in search[:-1]:
        tab.search_edit.setText(tab.search_edit.text() + letter)
        await pump(1)
    # The last letter's read awaited from before it is typed (a short journal answers within the pump).
    found = await signalled(tab.rows_shown, lambda: tab.search_edit.setText(search))
    phase("search typed")
    state = tab.state_combo.findText("Needs checking (outcome unknown, pending)")
    await signalled(tab.rows_shown, tab.search_edit.clear)
    unknown = await signalled(tab.rows_shown, lambda: tab.state_combo.setCurrentIndex(state))
    await signalled(tab.rows_shown, lambda: tab.state_combo.setCurrentIndex(0))
    await pump()
    phase("cleared, state filter and back")
    heartbeat.timer.stop()
    print(f"searched: {found[0]} row(s) for KD-BENCH-00999; state filter: {unknown[0]} outcome-unknown rows")
    print("  by phase, stall (UI CPU) ms: " + "; ".join(f"{name} {stall:.0f} ({busy:.0f})"
                                                      for name, (stall, busy) in phases.items()))
    heartbeat.longest_ms = max(stall for stall, _ in phases.values())
    heartbeat.longest_busy_ms = max(busy for _, busy in phases.values())
    figures[f"Journal, 100,000 rows: {'show' if top_level else 'switch'}, refresh, scroll, search, filter"] = (heartbeat.longest_ms,
                                                                               heartbeat.longest_busy_ms)

    heartbeat = Heartbeat()
    heartbeat.start()
    started = time.perf_counter()
    scrolling = asyncio.ensure_future(scroll_meanwhile(tab) if scroll_during_export else asyncio.sleep(0))
    path, count = await signalled(tab.exported, tab.export_csv)
    scrolling.cancel()
    heartbeat.timer.stop()
    print(f"exported {count:,} rows to {Path(path).name} in {time.perf_counter() - started:.1f} s "
          f"({Path(path).stat().st_size / 1e6:.0f} MB); the heartbeat fired {heartbeat._ticks:,} times meanwhile, "
          f"{len(heartbeat.stalls)} late by over {GOAL_MS:.0f} ms ({sorted(heartbeat.stalls)[-5:]} the longest), "
          f"p99 lateness {heartbeat.percentile(0.99):.1f} ms")
    figures[f"Journal export of the {count:,} shown rows (CSV){', scrolling' if scroll_during_export else ''}"] = (heartbeat.longest_ms, heartbeat.longest_busy_ms)
    window.close()
    return figures


async def reconciler_scenario(services: AppServices, unknown: int) -> tuple[float, float, int]:
    reconciler = Reconciler(services)
    heartbeat = Heartbeat()
    heartbeat.start()
    settled = await reconciler.run_once()
    await pump()
    heartbeat.timer.stop()
    return heartbeat.longest_ms, heartbeat.longest_busy_ms, len(settled)


async def measure(url: str, rows: int, unknown: int, scroll_during_export: bool, top_level: bool) -> None:
    home = Path(os.environ["KLOGS_DESK_HOME"])
    path = home / "journal.sqlite3"
    started = time.perf_counter()
    fill_journal(path, rows, unknown)
    print(f"journal with {rows:,} rows and {unknown} outcome-unknown written in {time.perf_counter() - started:.1f} s")
    client = KlogsClient(Endpoints.same(url), CREDENTIALS, timeout=30.0)
    journal = Journal(path)
    services = AppServices(client=client, journal=journal, environment="sandbox")
    figures: dict[str, tuple[float, float]] = {}
    gc.freeze()  # as the app does 3 s after its window shows (klogs_desk/app.py)
    figures["yardstick: the heartbeat alone, 1 s idle"] = await idle(1.0)
    figures.update(await journal_scenarios(services, home / "export.csv", scroll_during_export, top_level))
    stall, busy, handled = await reconciler_scenario(services, unknown)
    figures[f"Reconciler, {unknown} outcome-unknown rows ({handled} settled)"] = (stall, busy)
    print(f"{'scenario':<58}{'stall ms':>10}{'UI CPU ms':>11}  goal <= {GOAL_MS:.0f} ms")
    for name, (stall, busy) in figures.items():
        verdict = "" if name.startswith("yardstick") else ("PASS" if stall <= GOAL_MS else "MISS")
        print(f"{name:<58}{stall:>10.1f}{busy:>11.1f}  {verdict}")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    await client.aclose()
    journal.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--unknown", type=int, default=500)
    parser.add_argument("--scroll-during-export", action="store_true",
                        help="scroll the table a page every 50 ms while the export runs")
    parser.add_argument("--top-level", action="store_true",
                        help="show the Journal tab as a window of its own (the figure before: a native window "
                             "created) rather than switch to it in a shown window of tabs")
    args = parser.parse_args()
    process, url = start_sandbox(0)
    try:
        app = QApplication.instance() or QApplication([])
        app.setQuitOnLastWindowClosed(False)  # closing the Journal tab must not end the run
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(measure(url, args.rows, args.unknown, args.scroll_during_export,
                                            args.top_level))
    finally:
        process.terminate()
        process.wait(10)


if __name__ == "__main__":
    main()
