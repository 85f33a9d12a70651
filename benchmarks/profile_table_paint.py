"""Where one repaint of the Journal's and the Subscriptions' tables goes (issue 19: no stall over 16 ms).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/profile_table_paint.py [--rows 100000] [--profile]``

For each table, at a window of the size the stall benchmarks use, after its rows are formatted:

* a warm repaint (``viewport().repaint()``, every cell painted, nothing to read or format): median and
  longest of 30, in UI-thread CPU ms, with the number of Python calls one repaint makes;
* for the Journal, a cold jump: the scroll bar moved to rows never shown and painted (rows not read
  paint empty), then each page the paint wanted read with its rows formatted, then repainted, each its
  own event-loop turn as in the app; median and longest of 20; for the Subscriptions, jumps to rows not loaded: the "Loading…"
  repaint, then the page's answer applied (rows formatted) and painted;
* the yardstick measured in the same run: the same view over a ``QStandardItemModel`` holding the same
  texts (C++ model and delegate, no Python per cell), repainted the same way.

``--profile`` prints cProfile's top functions for one warm repaint of each table.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KLOGS_DESK_HOME", tempfile.mkdtemp(prefix="klogs-paint-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qasync
from bench_client import CREDENTIALS
from bench_stalls import fill_journal, signalled
from bench_subscriptions import start_sandbox, wait_for
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from klogs_desk.api.client import Endpoints, KlogsClient
from klogs_desk.domain.journal import Journal
from klogs_desk.services.context import AppServices
from klogs_desk.ui.journal_tab import JournalTab
from klogs_desk.ui.subscriptions_model import LOADING_TEXT, REFERENCE
from klogs_desk.ui.subscriptions_tab import SubscriptionsTab

GOAL_MS = 16.0


def cpu_ms(action) -> float:  # type: ignore[no-untyped-def]
    started = time.thread_time()
    action()
    return (time.thread_time() - started) * 1000


def python_calls(action) -> int:  # type: ignore[no-untyped-def]
    profile = cProfile.Profile()
    profile.runcall(action)
    return sum(stat[1] for stat in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


def print_profile(action, title: str) -> None:  # type: ignore[no-untyped-def]
    profile = cProfile.Profile()
    profile.runcall(action)
    print(f"--- cProfile, one warm repaint of {title} ---")
    pstats.Stats(profile).sort_stats("tottime").print_stats(12)


def yardstick(table: QTableView) -> QTableView:
    """A plain QTableView of the same size over a QStandardItemModel with the texts ``table`` shows."""
    model = table.model()
    first = max(0, table.rowAt(0))
    last = table.rowAt(table.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    copy = QStandardItemModel(last - first + 1, model.columnCount())
    for row in range(first, last + 1):
        for column in range(model.columnCount()):
            copy.setItem(row - first, column, QStandardItem(model.index(row, column).data() or ""))
    view = QTableView()
    view.setModel(copy)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.resize(table.size())
    for column in range(model.columnCount()):
        view.setColumnWidth(column, table.columnWidth(column))
    view.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
    view.show()
    QApplication.processEvents()
    return view


def report(title: str, table: QTableView, profile: bool) -> None:
    viewport = table.viewport()
    viewport.repaint()
    warm = [cpu_ms(viewport.repaint) for _ in range(30)]
    calls = python_calls(viewport.repaint)
    bare = yardstick(table)
    bare.viewport().repaint()
    bare_ms = [cpu_ms(bare.viewport().repaint) for _ in range(30)]
    rows = table.rowAt(viewport.height() - 1) - table.rowAt(0) + 1
    shown = sum(1 for c in range(table.model().columnCount()) if not table.isColumnHidden(c))
    print(f"{title}: warm repaint of ~{rows} rows x {shown} columns: median {statistics.median(warm):.1f} ms, "
          f"longest {max(warm):.1f} ms UI CPU, {calls:,} Python calls; yardstick (QStandardItemModel, C++ "
          f"delegate) median {statistics.median(bare_ms):.1f} ms; ratio "
          f"{statistics.median(warm) / max(0.01, statistics.median(bare_ms)):.1f}x")
    if profile:
        print_profile(viewport.repaint, title)
    bare.close()


async def journal(rows: int, profile: bool) -> None:
    home = Path(os.environ["KLOGS_DESK_HOME"])
    path = home / "journal.sqlite3"
    fill_journal(path, rows, 20)
    journal = Journal(path)
    client = KlogsClient(Endpoints.same("http://127.0.0.1:9"), CREDENTIALS, timeout=5.0)
    services = AppServices(client=client, journal=journal, environment="sandbox")
    tab = JournalTab(services)
    tab.resize(1100, 640)
    await signalled(tab.rows_shown, tab.show)
    await asyncio.sleep(0.05)
    report("Journal", tab.table, profile)
    bar = tab.table.verticalScrollBar()
    cold, read, repainted, whole = [], [], [], []
    model = tab.model
    for step in range(1, 21):  # rows never shown: a page read and its rows formatted, then painted
        def jump(step: int = step) -> None:
            bar.setValue(bar.maximum() * step // 21)
            tab.table.viewport().repaint()
        turns = [cpu_ms(jump)]
        # The turns after (JournalTableModel.painted_text): each deferred page read and its rows formatted,
        # then the rows repainted; each is an event-loop turn of its own.
        while model._deferred or model._read_rows is not None:
            turns.append(cpu_ms(model._read_deferred))  # a page read, its rows formatted
            read.append(turns[-1])
            turns.append(cpu_ms(lambda: (model._read_deferred(), tab.table.viewport().repaint())))  # told, repainted
            repainted.append(turns[-1])
        cold.append(turns[0])
        whole.append(max(turns))
    print(f"Journal: cold jump, the jump's own repaint: median {statistics.median(cold):.1f} ms, longest "
          f"{max(cold):.1f} ms UI CPU; its pages read and rows formatted (a later turn each): median "
          f"{statistics.median(read or [0]):.1f} ms; repainted with them: median "
          f"{statistics.median(repainted or [0]):.1f} ms; longest turn of a jump: median "
          f"{statistics.median(whole):.1f} ms, longest {max(whole):.1f} ms (goal <= {GOAL_MS:.0f})")
    if profile:
        profile_run = cProfile.Profile()
        profile_run.runcall(lambda: (bar.setValue(bar.maximum() * 41 // 42), tab.table.viewport().repaint()))
        print("--- cProfile, one cold jump of the Journal ---")
        pstats.Stats(profile_run).sort_stats("tottime").print_stats(12)
    tab.close()
    await client.aclose()
    journal.close()


async def subscriptions(url: str, profile: bool) -> None:
    client = KlogsClient(Endpoints.same(url), CREDENTIALS, timeout=30.0)
    journal = Journal(Path(os.environ["KLOGS_DESK_HOME"]) / "subscriptions-journal.sqlite3")
    services = AppServices(client=client, journal=journal)
    tab = SubscriptionsTab(services)
    tab.resize(1300, 800)
    tab.show()
    await wait_for(lambda: tab.model.loaded and tab.model.index(0, REFERENCE).data() not in (None, LOADING_TEXT))
    bar = tab.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    await asyncio.sleep(0.05)
    bottom = tab.table.rowAt(tab.table.viewport().height() - 2)
    await wait_for(lambda: tab.model.index(bottom, REFERENCE).data() not in (None, LOADING_TEXT))
    await wait_for(lambda: tab.model.index(tab.table.rowAt(0), REFERENCE).data() not in (None, LOADING_TEXT))
    report("Subscriptions", tab.table, profile)
    # Jumps to rows not loaded: the "Loading…" repaint, then the page's answer applied (parsed, rows shown)
    # and painted, each in UI-thread CPU.
    model = tab.model
    applied: list[float] = []
    original = model._loaded

    def timed_loaded(*args) -> None:  # type: ignore[no-untyped-def]
        started = time.thread_time()
        original(*args)
        tab.table.viewport().repaint()
        applied.append((time.thread_time() - started) * 1000)

    model._loaded = timed_loaded  # type: ignore[method-assign]
    loading = []
    for step in range(1, 16):
        bar.setValue(bar.maximum() * step // 16)
        loading.append(cpu_ms(tab.table.viewport().repaint))
        row = tab.table.rowAt(0)
        await wait_for(lambda row=row: model.index(row, REFERENCE).data() not in (None, LOADING_TEXT))
        await asyncio.sleep(0.01)
    print(f"Subscriptions: jump to rows not loaded: 'Loading…' repaint median {statistics.median(loading):.1f} ms; "
          f"page answer applied and painted median {statistics.median(applied):.1f} ms, longest {max(applied):.1f} ms "
          f"UI CPU ({len(applied)} pages)")
    tab.close()
    await client.aclose()
    journal.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--subscriptions", type=int, default=5_000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    process, url = start_sandbox(args.subscriptions)
    try:
        app = QApplication.instance() or QApplication([])
        app.setQuitOnLastWindowClosed(False)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(journal(args.rows, args.profile))
            loop.run_until_complete(subscriptions(url, args.profile))
        print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    finally:
        process.terminate()
        process.wait(10)


if __name__ == "__main__":
    main()
