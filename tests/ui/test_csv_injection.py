"""The journal's CSV export cannot attack the spreadsheet it is opened in: text a customer or cashier typed
(a checkout link's description and customer ID, the holder name the customer types on the hosted page) that
begins with =, +, -, @, tab or carriage return gets a leading apostrophe (OWASP); amounts stay numbers.

Driven end to end: links created through CheckoutService on the real sandbox, paid on its hosted page as a
browser would, then exported with the Journal tab's own Export button path.
"""

from __future__ import annotations

import asyncio
import csv
import io
import stat
from decimal import Decimal

import pytest

from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.domain.orders import new_order_id
from klogs_desk.domain.spreadsheet import FORMULA_PREFIXES
from klogs_desk.messages import english
from klogs_desk.services.checkout import CheckoutOrder, CheckoutService
from klogs_desk.services.context import AppServices
from klogs_desk.ui.journal_tab import JournalTab
from tests.conftest import make_client
from tests.test_services_checkout import VISA, pay_on_hosted_page

HYPERLINK = '=HYPERLINK("http://evil.example/x","Refund status")'


def typed(prefix: str, what: str) -> str:
    return f"{prefix}{what}" if prefix in ("\t", "\r") else f'{prefix}HYPERLINK("http://evil.example/{what}")'


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    yield journal
    journal.close()


async def _paid_links(sandbox, journal) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """One paid checkout link per formula prefix, plus the issue's own example; their journal row IDs."""
    rows: dict[str, int] = {}
    async with make_client(sandbox) as client:
        service = CheckoutService(AppServices(client=client, journal=journal))
        for prefix in (*FORMULA_PREFIXES, "issue"):
            description = HYPERLINK if prefix == "issue" else typed(prefix, "description")
            customer = "C-17" if prefix == "issue" else typed(prefix, "customer")[:40]
            holder = HYPERLINK if prefix == "issue" else typed(prefix, "holder")
            created = await service.create(CheckoutOrder(order_id=new_order_id(), amount=Decimal("150.00"),
                                                         currency="TRY", description=description,
                                                         customer_id=customer))
            assert created.link is not None, created
            assert await asyncio.to_thread(pay_on_hosted_page, created.link.url, VISA, holder=holder) \
                == "Payment approved"
            await service.refresh(created.link.entry_id)
            rows[prefix] = created.link.entry_id
    return rows


def test_exported_cells_never_start_a_formula_and_amounts_stay_numbers(qtbot, sandbox, journal, tmp_path):
    rows = asyncio.run(_paid_links(sandbox, journal))
    stored = {prefix: journal.get(entry_id) for prefix, entry_id in rows.items()}
    for prefix, entry in stored.items():  # what the customer and cashier typed reached the journal as typed
        assert entry.state is EntryState.APPROVED and entry.kind is EntryKind.CHECKOUT
        if prefix != "issue":
            assert english(entry.note).startswith(prefix) and entry.customer_id.startswith(prefix)
            # The hosted page trims what the customer typed, so tab and CR reach it only through the cashier.
            assert entry.card_holder.startswith(prefix.strip() or "holder")

    tab = JournalTab(AppServices(client=None, journal=journal, environment="sandbox", merchant_line="Shop"))
    qtbot.addWidget(tab)
    target = tmp_path / "export.csv"
    tab.choose_export_path = lambda default: target
    with qtbot.waitSignal(tab.exported):
        tab.export_csv()

    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with target.open(encoding="utf-8-sig", newline="") as handle:  # keep a CR inside a cell as it is
        exported = {int(r["id"]): r for r in csv.DictReader(handle)}
    for prefix, entry in stored.items():
        row = exported[entry.id]
        for column in ("note", "customer_id", "card_holder"):
            value = english(getattr(entry, column))
            if value.startswith(FORMULA_PREFIXES):
                assert row[column] == "'" + value, (prefix, column, row[column])
            else:
                assert row[column] == value
        assert row["amount"] == "150.00" and row["balance"] == "150.00"  # numbers, as written
    assert exported[stored["issue"].id]["card_holder"] == "'" + HYPERLINK
    for row in exported.values():
        for value in row.values():
            assert not value.startswith(FORMULA_PREFIXES), row


def test_a_negative_number_in_a_numeric_column_stays_a_number(tmp_path):
    """Amounts are never negative in the journal today; if one ever were, it must stay a number."""
    from klogs_desk.domain.spreadsheet import FormulaSafeWriter

    buffer = io.StringIO()
    writer = FormulaSafeWriter(buffer, numeric={"amount"})
    writer.writerow(["amount", "note"])
    writer.writerow(["-12.50", "-12.50"])
    writer.writerow(["-1+1", "@SUM(A1)"])
    assert buffer.getvalue().splitlines() == ["amount,note", "-12.50,'-12.50", "'-1+1,'@SUM(A1)"]
