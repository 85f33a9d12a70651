"""What a Journal repaint costs when every row on screen is new (issue 19: pages down and jumps show rows
never painted before), row images (the tab's RowImageDelegate and RowImageTableView) against the cell
delegates the table had before (PlainTextDelegate with its kept QStaticTexts, BadgeDelegate), side by side
in one run.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/profile_journal_first_sight.py [--rows 100000]``

Two Journal tabs over the same journal, the same size, one painting with row images, the other with the
old cell delegates (set on its table, so QTableView paints it cell by cell). For each of ``--jumps`` jumps
to rows neither has shown, in turn for each tab: the rows' pages read and formatted (not timed: the
model's own turns), then, in UI-thread CPU,

* **first sight**: one repaint drawing every row for the first time (row images: every image drawn in
  this paint, the drawing budget lifted, the worst case of one turn; cell delegates: their texts measured
  and laid out the first time they are met);
* **second sight**: the same screen repainted (row images copied; cell delegates drawing kept static texts).

The yardstick in the same run is the old cell delegates' figure; the ratio is images / cell delegates.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KLOGS_DESK_HOME", tempfile.mkdtemp(prefix="klogs-first-sight-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qasync
from bench_stalls import fill_journal, signalled
from PySide6.QtWidgets import QApplication

from klogs_desk.domain.journal import Journal
from klogs_desk.services.context import AppServices
from klogs_desk.ui import row_image_delegate
from klogs_desk.ui.badges import BadgeDelegate
from klogs_desk.ui.journal_model import STATE_COLOURS, JournalColumn
from klogs_desk.ui.journal_tab import JournalTab
from klogs_desk.ui.plain_text_delegate import PlainTextDelegate


def cpu_ms(action) -> float:  # type: ignore[no-untyped-def]
    started = time.thread_time()
    action()
    return (time.thread_time() - started) * 1000


def use_cell_delegates(tab: JournalTab) -> None:
    """The table painted as before row images: cell by cell, by PlainTextDelegate and BadgeDelegate."""
    table, model = tab.table, tab.model
    table.setItemDelegate(PlainTextDelegate(model.painted_text, right_aligned=frozenset(
        {JournalColumn.AMOUNT, JournalColumn.BALANCE}), parent=table))
    table.setItemDelegateForColumn(JournalColumn.STATE, BadgeDelegate(STATE_COLOURS, table, text_of=model.painted_text))


def rows_on_screen(tab: JournalTab) -> range:
    table = tab.table
    last = table.rowAt(table.viewport().height() - 1)
    return range(table.rowAt(0), (tab.model.rowCount() - 1 if last < 0 else last) + 1)


async def measure(rows: int, jumps: int) -> None:
    path = Path(os.environ["KLOGS_DESK_HOME"]) / "journal.sqlite3"
    fill_journal(path, rows, 20)
    journal = Journal(path)
    services = AppServices(client=None, journal=journal, environment="sandbox")
    tabs = {"row images": JournalTab(services), "cell delegates": JournalTab(services)}
    for tab in tabs.values():
        tab.resize(1100, 640)
        await signalled(tab.rows_shown, tab.show)
    use_cell_delegates(tabs["cell delegates"])
    await asyncio.sleep(0.05)
    row_image_delegate.RENDER_BUDGET_S = 60.0  # every row drawn in the paint that first shows it
    first: dict[str, list[float]] = {name: [] for name in tabs}
    second: dict[str, list[float]] = {name: [] for name in tabs}
    for step in range(1, jumps + 1):
        for name, tab in tabs.items():
            bar = tab.table.verticalScrollBar()
            bar.setValue(bar.maximum() * step // (jumps + 1))
            for row in rows_on_screen(tab):
                tab.model.display_text(row, 0)  # read and formatted: the model's turns, not the paint's
            viewport = tab.table.viewport()
            first[name].append(cpu_ms(viewport.repaint))
            second[name].append(cpu_ms(viewport.repaint))
            assert all(tab.model.formatted_texts(row) is not None for row in rows_on_screen(tab))
    shown = rows_on_screen(tabs["row images"])
    columns = sum(1 for c in range(tabs["row images"].model.columnCount()) if not tabs["row images"].table.isColumnHidden(c))
    print(f"Journal, {rows:,} rows, {jumps} jumps to rows never shown, ~{len(shown)} rows x {columns} columns on screen "
          f"(UI-thread CPU ms, median / longest):")
    for label, figures in (("first sight (every row new)", first), ("second sight (same screen again)", second)):
        images, cells = figures["row images"], figures["cell delegates"]
        print(f"  {label:<34} row images {statistics.median(images):5.1f} / {max(images):5.1f};  cell delegates "
              f"(yardstick) {statistics.median(cells):5.1f} / {max(cells):5.1f};  ratio "
              f"{statistics.median(images) / max(0.01, statistics.median(cells)):.2f}x")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    for tab in tabs.values():
        tab.close()
    journal.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--jumps", type=int, default=30)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(measure(args.rows, args.jumps))


if __name__ == "__main__":
    main()
