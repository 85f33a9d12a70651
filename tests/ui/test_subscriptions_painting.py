"""The Subscriptions table paints drawn rows from row images, row by row (RowImageTableView and
RowImageDelegate); a manager must see exactly what the cell-by-cell delegates drew before: the same
pixels, with rows loading, a row selected and a column narrowed so its texts are elided."""

from __future__ import annotations

import pytest

from klogs_desk.ui import row_image_delegate
from klogs_desk.ui.badges import BadgeDelegate
from klogs_desk.ui.plain_text_delegate import PlainTextDelegate
from klogs_desk.ui.subscriptions_model import AMOUNT, FREQUENCY, LOADING_TEXT, REFERENCE, STATUS
from tests.ui import row_image_comparison
from tests.ui import test_subscriptions_table as table_tests

# The table tests' fixtures: a sandbox seeded with 10,000 subscriptions and the tab on screen over it.
seeded_sandbox = table_tests.seeded_sandbox
tab = table_tests.tab


@pytest.fixture(autouse=True)
def draw_every_row_in_one_paint(monkeypatch):
    # The budget spreads drawing over paints; a grab here should show every row drawn at once.
    monkeypatch.setattr(row_image_delegate, "RENDER_BUDGET_S", 60.0)


def visible_rows(tab):
    table = tab.table
    top = table.rowAt(0)
    bottom = table.rowAt(table.viewport().height() - 1)
    return range(top, (tab.model.rowCount() - 1 if bottom < 0 else bottom) + 1)


def rows_here(tab):
    return all(tab.model.index(row, REFERENCE).data() not in (None, LOADING_TEXT) for row in visible_rows(tab))


def grab_both_ways(tab):
    """The viewport as the row painter draws it, then as QTableView draws it with the delegates the tab
    used before (PlainTextDelegate, BadgeDelegate for the status)."""
    table = tab.table
    rows, texts = table._rows, table._texts
    plain = PlainTextDelegate(tab.model.display_text, right_aligned=frozenset({AMOUNT}),
                              placeholder=tab.model.loading_text, parent=table)
    badge = BadgeDelegate(parent=table, text_of=tab.model.display_text)
    return row_image_comparison.grab_both_ways(table, plain, badge, STATUS,
                                               restore=lambda: table.paint_rows_with(rows, texts))


def test_drawn_rows_look_as_the_cell_delegates_drew_them(tab, qtbot):
    qtbot.waitUntil(lambda: rows_here(tab), timeout=10_000)
    drawn, before = grab_both_ways(tab)
    assert drawn == before


def test_selected_row_and_elided_texts_look_the_same(tab, qtbot):
    qtbot.waitUntil(lambda: rows_here(tab), timeout=10_000)
    tab.select_row(2)
    tab.table.horizontalHeader().resizeSection(FREQUENCY, 70)  # "every month on ..." elides
    drawn, before = grab_both_ways(tab)
    assert drawn == before


def test_loading_rows_look_the_same_and_fill_in(tab, qtbot):
    # Rows "Loading…" (or some already here): the same either way.
    row_image_comparison.check_halfway_down_then_filled_in(tab.table, qtbot, lambda: grab_both_ways(tab),
                                                           lambda: rows_here(tab))


def test_dark_theme_and_a_disabled_table_look_the_same(tab, qtbot):
    row_image_comparison.check_dark_theme_and_disabled(tab.table, qtbot, lambda: grab_both_ways(tab),
                                                       lambda: rows_here(tab))
