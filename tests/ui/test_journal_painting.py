"""The Journal table paints its rows from row images, a row at a time (RowImageTableView and
RowImageDelegate); a cashier must see exactly what the cell-by-cell delegates drew before: the same
pixels, with the state badges (an outcome-unknown row's amber one too), the Operator column moved before
Result, Auth code and Resolution hidden, a row selected, a column narrowed so its texts are elided, columns
shown and hidden from the column menu, rows whose page is not read yet, a dark palette and a disabled table."""

from __future__ import annotations

from decimal import Decimal

import pytest

from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.messages import text
from klogs_desk.services.context import AppServices
from klogs_desk.ui import row_image_delegate
from klogs_desk.ui.badges import BadgeDelegate
from klogs_desk.ui.journal_model import STATE_COLOURS, JournalColumn
from klogs_desk.ui.journal_tab import JournalTab
from klogs_desk.ui.plain_text_delegate import PlainTextDelegate
from klogs_desk.ui.row_image_delegate import RowImageTableView
from tests.ui import row_image_comparison


@pytest.fixture(autouse=True)
def draw_every_row_in_one_paint(monkeypatch):
    # The budget spreads drawing over paints; a grab here should show every row drawn at once.
    monkeypatch.setattr(row_image_delegate, "RENDER_BUDGET_S", 60.0)


def _fill(journal: Journal, count: int) -> None:
    states = (EntryState.APPROVED, EntryState.DECLINED, EntryState.UNKNOWN, EntryState.PENDING,
              EntryState.ERROR, EntryState.NOT_CHARGED)
    for n in range(count):
        state = states[n % len(states)]
        entry = journal.record_pending(
            environment="sandbox", kind=EntryKind.SALE, reference=f"PAINT-{n:05d}",
            amount=Decimal("1234.50") + n, currency="TRY", masked_pan="411111******1111", card_brand="Visa",
            operator="Ayşe Yılmaz" if n % 2 else "Mehmet", installment_count=3 if n % 5 == 0 else None)
        journal.record_outcome(entry.id, state, auth_code=f"A{n:05d}" if state is EntryState.APPROVED else None,
                               result_message=text(f"The issuer answered at length about payment number {n}"))
        if n % 7 == 0 and state is EntryState.APPROVED:  # partly refunded: a child row and its own badge
            refund = journal.record_pending(environment="sandbox", kind=EntryKind.REFUND, reference=f"PAINT-{n:05d}",
                                            parent_id=entry.id, amount=Decimal("100.00"), currency="TRY")
            journal.record_outcome(refund.id, EntryState.APPROVED)


@pytest.fixture
def tab(qtbot, tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    _fill(journal, 200)
    tab = JournalTab(AppServices(client=None, journal=journal, environment="sandbox"))
    qtbot.addWidget(tab)
    tab.resize(1100, 640)
    with qtbot.waitSignal(tab.rows_shown, timeout=10_000):
        tab.show()
    yield tab
    journal.close()


def grab_both_ways(tab):
    """The viewport as the row painter draws it, then as QTableView drew it with the delegates the tab
    used before (PlainTextDelegate, BadgeDelegate for the state)."""
    table = tab.table
    assert isinstance(table, RowImageTableView)
    plain = PlainTextDelegate(tab.model.painted_text, right_aligned=frozenset({JournalColumn.AMOUNT, JournalColumn.BALANCE}),
                              parent=table)
    badge = BadgeDelegate(STATE_COLOURS, table, text_of=tab.model.painted_text)
    return row_image_comparison.grab_both_ways(table, plain, badge, JournalColumn.STATE)


def rows_painted(tab) -> bool:
    table, model = tab.table, tab.model
    last = table.rowAt(table.viewport().height() - 1)
    rows = range(table.rowAt(0), (model.rowCount() - 1 if last < 0 else last) + 1)
    table.viewport().repaint()
    return all(model.formatted_texts(row) is not None for row in rows)


def test_rows_look_as_the_cell_delegates_drew_them(tab, qtbot):
    qtbot.waitUntil(lambda: rows_painted(tab), timeout=10_000)
    header = tab.table.horizontalHeader()
    assert header.sectionsMoved() and header.hiddenSectionCount() == 2  # Operator moved; two columns hidden
    drawn, before = grab_both_ways(tab)
    assert drawn == before


def test_selected_row_elided_texts_and_columns_shown_or_hidden_look_the_same(tab, qtbot):
    qtbot.waitUntil(lambda: rows_painted(tab), timeout=10_000)
    tab.table.selectRow(3)
    tab.table.horizontalHeader().resizeSection(JournalColumn.KIND, 60)  # "Sale (3 installments)" elides
    drawn, before = grab_both_ways(tab)
    assert drawn == before
    tab.show_column(JournalColumn.AUTH_CODE, True)
    tab.show_column(JournalColumn.BALANCE, False)
    qtbot.waitUntil(lambda: rows_painted(tab), timeout=10_000)
    drawn, before = grab_both_ways(tab)
    assert drawn == before


def test_rows_not_read_yet_look_the_same_and_fill_in(tab, qtbot):
    # Rows whose page is not read yet paint empty either way.
    row_image_comparison.check_halfway_down_then_filled_in(tab.table, qtbot, lambda: grab_both_ways(tab),
                                                           lambda: rows_painted(tab))


def test_dark_theme_and_a_disabled_table_look_the_same(tab, qtbot):
    row_image_comparison.check_dark_theme_and_disabled(tab.table, qtbot, lambda: grab_both_ways(tab),
                                                       lambda: rows_painted(tab))


def test_a_search_repaints_the_rows_it_finds(tab, qtbot):
    qtbot.waitUntil(lambda: rows_painted(tab), timeout=10_000)
    tab.search_edit.setText("PAINT-00019")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: rows_painted(tab), timeout=10_000)
    drawn, before = grab_both_ways(tab)
    assert drawn == before


def test_rows_past_a_paints_budget_are_drawn_in_later_paints(tab, qtbot, monkeypatch):
    """A paint draws (and formats) rows until its budget is spent; the others paint empty for a turn
    and are drawn by the paints that follow, without anything else happening."""
    monkeypatch.setattr(row_image_delegate, "RENDER_BUDGET_S", 1e-9)  # one row a paint
    table, model = tab.table, tab.model
    bar = table.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    table.viewport().repaint()
    last = table.rowAt(table.viewport().height() - 1)
    rows = range(table.rowAt(0), last + 1)
    images = table.itemDelegate()._images
    assert sum(1 for row in rows if row in images) <= 1  # at most one drawn by this paint

    def all_drawn() -> bool:
        return all(row in images and images[row].texts is model.formatted_texts(row) for row in rows)

    qtbot.waitUntil(all_drawn, timeout=10_000)
    monkeypatch.setattr(row_image_delegate, "RENDER_BUDGET_S", 60.0)
    drawn, before = grab_both_ways(tab)
    assert drawn == before


@pytest.mark.parametrize("budget", [60.0, 1e-9], ids=["one-paint", "a-row-a-paint"])
def test_rows_left_empty_and_scrolled_past_fill_in_when_they_come_back_without_forcing_a_paint(
        tab, qtbot, monkeypatch, budget):
    """Jumps of the scroll bar, each painted once (rows of pages not read paint empty), then a resize, a
    row selected and a column shown: every row on screen ends up drawn from its texts by the paints the
    view asks for itself (rows_painted() above repaints at each check, which would hide a row never filled)."""
    monkeypatch.setattr(row_image_delegate, "RENDER_BUDGET_S", budget)
    table, model = tab.table, tab.model
    bar = table.verticalScrollBar()
    for value in (bar.maximum() // 2, bar.maximum() // 4, bar.maximum() // 2 + 3, bar.maximum() // 2 - 10,
                  bar.maximum(), bar.maximum() // 2):
        bar.setValue(value)
        table.viewport().repaint()
    tab.resize(1100, 300)
    table.viewport().repaint()
    tab.resize(1100, 900)
    table.selectRow(table.rowAt(10))
    tab.show_column(JournalColumn.AUTH_CODE, True)
    images = table.itemDelegate()._images

    def every_row_drawn() -> bool:
        last = table.rowAt(table.viewport().height() - 1)
        rows = range(max(0, table.rowAt(0)), (model.rowCount() - 1 if last < 0 else last) + 1)
        selection, root = table.selectionModel(), table.rootIndex()
        # A selected row is painted by QTableView through the delegate, from its texts (no row image).
        return all(model.formatted_texts(row) is not None
                   and (selection.isRowSelected(row, root)
                        or row in images and images[row].texts is model.formatted_texts(row)) for row in rows)

    qtbot.waitUntil(every_row_drawn, timeout=10_000)
