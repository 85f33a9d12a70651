"""What the row-image painter (``ui/row_image_delegate.py``) must draw, checked the same way for each
table that uses it (``test_journal_painting.py``, ``test_subscriptions_painting.py``): the viewport as
the row images paint it against the same viewport painted by the cell delegates the table used before."""

from __future__ import annotations

from typing import Any, Callable

Grab = Callable[[], tuple[Any, Any]]


def grab_both_ways(table: Any, plain: Any, badge: Any, badge_column: int,
                   restore: Callable[[], None] | None = None) -> tuple[Any, Any]:
    """The viewport as the row painter draws it, then with ``plain`` for every cell and ``badge`` for
    ``badge_column`` (the delegates the table had before); the row painter is put back, then ``restore``
    runs (a table that keeps its row images elsewhere gives them back there)."""
    drawn = table.viewport().grab().toImage()
    rows = table.itemDelegate()
    table.setItemDelegate(plain)
    table.setItemDelegateForColumn(badge_column, badge)
    try:
        before = table.viewport().grab().toImage()
    finally:
        table.setItemDelegateForColumn(badge_column, None)
        table.setItemDelegate(rows)
        if restore is not None:
            restore()
    return drawn, before


def check_halfway_down_then_filled_in(table: Any, qtbot: Any, grab: Grab, rows_ready: Callable[[], bool]) -> None:
    """Scrolled to the middle: the rows not there yet look the same either way, and so do they once in."""
    bar = table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    drawn, before = grab()
    assert drawn == before
    qtbot.waitUntil(rows_ready, timeout=10_000)
    drawn, before = grab()
    assert drawn == before


def check_dark_theme_and_disabled(table: Any, qtbot: Any, grab: Grab, rows_ready: Callable[[], bool]) -> None:
    """A dark palette (row images are drawn on the palette's backgrounds), then the table disabled."""
    from klogs_desk.ui import theme

    qtbot.waitUntil(rows_ready, timeout=10_000)
    table.setPalette(theme.dark_palette())
    drawn, before = grab()
    assert drawn == before
    table.setEnabled(False)
    drawn, before = grab()
    assert drawn == before
