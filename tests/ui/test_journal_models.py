"""The journal's two tables (this till's, all tills') read alike: same headers' shape, badges, alignment and
row objects, from the one skeleton they share (ui/table_model.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from klogs_desk.domain.balances import Balance
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.shop.server import ShopEntry
from klogs_desk.ui.badges import BADGE_ROLE
from klogs_desk.ui.journal_model import COLUMN_TITLES, ENTRY_ROLE, JournalColumn, JournalTableModel
from klogs_desk.ui.shop_journal_model import SHOP_COLUMN_TITLES, SHOP_ENTRY_ROLE, ShopColumn, ShopJournalModel

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@pytest.fixture
def entries(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    sale = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference="M-1", amount=Decimal("40.00"),
                                  currency="TRY", masked_pan="411111******1111", card_brand="Visa")
    sale = journal.record_outcome(sale.id, EntryState.APPROVED)
    refund = journal.record_pending(environment="sandbox", kind=EntryKind.REFUND, reference="M-1",
                                    amount=Decimal("15.00"), currency="TRY", parent_id=sale.id)
    refund = journal.record_outcome(refund.id, EntryState.APPROVED)
    yield sale, refund
    journal.close()


def test_this_tills_table_reads_a_partly_refunded_sale(qtmodeltester, entries):
    sale, refund = entries
    model = JournalTableModel()
    model.set_entries([sale], {sale.id: [refund]})
    qtmodeltester.check(model)
    assert model.columnCount() == len(COLUMN_TITLES)
    assert model.headerData(JournalColumn.OPERATOR, Qt.Orientation.Horizontal) == "Operator"
    assert model.index(0, JournalColumn.BALANCE).data().replace("\xa0", " ").startswith("25")
    assert model.index(0, JournalColumn.STATE).data(BADGE_ROLE) == "partly_refunded"
    assert model.index(0, JournalColumn.STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, JournalColumn.AMOUNT).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.index(0, JournalColumn.ORDER_ID).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.index(0, JournalColumn.CARD).data(ENTRY_ROLE) == sale
    flags = model.flags(model.index(0, 0))  # read-only: selectable, never editable (Qt adds NeverHasChildren)
    assert flags & Qt.ItemFlag.ItemIsEnabled and flags & Qt.ItemFlag.ItemIsSelectable
    assert not flags & Qt.ItemFlag.ItemIsEditable


def test_all_tills_table_reads_the_same_sale_with_its_till(qtmodeltester, entries):
    sale, refund = entries
    row = ShopEntry(till="Till 2", entry=sale)
    model = ShopJournalModel()
    model.set_rows([row], {row.key: Balance.of(sale, [refund])})
    qtmodeltester.check(model)
    assert model.columnCount() == len(SHOP_COLUMN_TITLES)
    assert model.headerData(ShopColumn.TILL, Qt.Orientation.Horizontal) == "Till"
    assert model.index(0, ShopColumn.TILL).data() == "Till 2"
    assert model.index(0, ShopColumn.BALANCE).data().replace("\xa0", " ").startswith("25")
    assert model.index(0, ShopColumn.STATE).data(BADGE_ROLE) == "partly_refunded"
    assert model.index(0, ShopColumn.BALANCE).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.index(0, ShopColumn.CARD).data(SHOP_ENTRY_ROLE) == row
    assert model.index(0, ShopColumn.CARD).data(Qt.ItemDataRole.ToolTipRole) == "411111******1111 Visa"  # if elided
    assert model.index(0, ShopColumn.AMOUNT).data(Qt.ItemDataRole.ToolTipRole) is None
