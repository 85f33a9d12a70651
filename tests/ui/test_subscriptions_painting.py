"""The Subscriptions table paints drawn rows from row images, row by row (RowImageTableView and
RowImageDelegate); a manager must see exactly what the cell-by-cell delegates drew before: the same
pixels, with rows loading, a row selected and a column narrowed so its texts are elided."""

from __future__ import annotations

import pytest

from klogs_desk.ui import row_image_delegate
from klogs_desk.ui.badges import BadgeDelegate
from klogs_desk.ui.plain_text_delegate import PlainTextDelegate
from klogs_desk.ui.subscriptions_model import AMOUNT, FREQUENCY, LOADING_TEXT, REFERENCE, STATUS
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
    drawn = table.viewport().grab().toImage()
    rows, texts = table._rows, table._texts
    old = PlainTextDelegate(tab.model.display_text, right_aligned=frozenset({AMOUNT}),
                            placeholder=tab.model.loading_text, parent=table)
    badge = BadgeDelegate(parent=table, text_of=tab.model.display_text)
    table.setItemDelegate(old)
    table.setItemDelegateForColumn(STATUS, badge)
    try:
        before = table.viewport().grab().toImage()
    finally:
        table.setItemDelegateForColumn(STATUS, None)
        table.setItemDelegate(rows)
        table.paint_rows_with(rows, texts)
    return drawn, before


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
    bar = tab.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    drawn, before = grab_both_ways(tab)  # rows "Loading…" (or some already here): the same either way
    assert drawn == before
    qtbot.waitUntil(lambda: rows_here(tab), timeout=10_000)
    drawn, before = grab_both_ways(tab)
    assert drawn == before


def test_dark_theme_and_a_disabled_table_look_the_same(tab, qtbot):
    from klogs_desk.ui import theme

    qtbot.waitUntil(lambda: rows_here(tab), timeout=10_000)
    tab.table.setPalette(theme.dark_palette())  # row images are drawn on the palette's backgrounds
    drawn, before = grab_both_ways(tab)
    assert drawn == before
    tab.table.setEnabled(False)
    drawn, before = grab_both_ways(tab)
    assert drawn == before
