"""Values the terminal does not know, read from real sandbox answers in the client libraries' dialects,
are shown as "unknown (what the gateway sent)" where the status is shown: the Subscriptions table and
the Journal's transaction details. Lower-case answers are shown as the documented statuses."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import QLocale, Qt

from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.sandbox.dialect import UNKNOWN_VALUE
from klogs_desk.services.context import AppServices
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.subscriptions_model import FREQUENCY, STATUS
from klogs_desk.ui.subscriptions_tab import SubscriptionsTab
from klogs_desk.ui.transaction_dialogs import details_html
from tests.api._client_support import card_payment, subscription
from tests.conftest import make_client


def speak(server, **dialect) -> None:  # type: ignore[no-untyped-def]
    httpx.post(f"{server.url}/_sandbox/dialect", json=dialect, timeout=5).raise_for_status()


def run(qtbot, loop, coro):  # type: ignore[no-untyped-def]
    task = loop.create_task(coro)
    qtbot.waitUntil(task.done, timeout=10_000)
    return task.result()


@pytest.fixture
def client(fresh_sandbox, event_loop_qt, qtbot):
    client = make_client(fresh_sandbox, timeout=10.0)
    yield client
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    event_loop_qt.create_task(client.aclose())


def subscriptions_tab(qtbot, client, tmp_path) -> SubscriptionsTab:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    tab = SubscriptionsTab(AppServices(client=client, journal=Journal(tmp_path / "journal.sqlite3")))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.loaded and not tab.model.loading and tab.model.rowCount() > 0,
                    timeout=10_000)
    return tab


@pytest.mark.parametrize("dialect, status, frequency", [
    ("unknown", f"unknown ({UNKNOWN_VALUE})", f"unknown ({UNKNOWN_VALUE})"),
    ("lower", "Awaiting owner confirmation", "every month on day 1"),
])
def test_the_subscriptions_table_shows_what_the_gateway_said(qtbot, client, fresh_sandbox, event_loop_qt,
                                                             tmp_path, dialect, status, frequency):
    run(qtbot, event_loop_qt, client.create_recurring(subscription()))
    speak(fresh_sandbox, enums=dialect)
    tab = subscriptions_tab(qtbot, client, tmp_path)
    assert tab.model.index(0, STATUS).data() == status
    assert tab.model.index(0, FREQUENCY).data() == frequency
    tab.model.index(0, STATUS).data(Qt.ItemDataRole.ToolTipRole)  # no meaning to show, and no crash
    tab.table.selectRow(0)
    assert not tab.disable_button.isEnabled()  # nothing to act on in a status the terminal does not know


def test_transaction_details_show_an_unknown_status_with_its_raw_value(qtbot, client, fresh_sandbox,
                                                                       event_loop_qt, tmp_path):
    sale = card_payment()
    run(qtbot, event_loop_qt, client.pay(sale))
    speak(fresh_sandbox, enums="unknown")
    detail = run(qtbot, event_loop_qt, client.get_transaction(sale.order_id))
    journal = Journal(tmp_path / "journal.sqlite3")
    entry = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=sale.order_id,
                                   amount=sale.amount, currency="TRY", state=EntryState.UNKNOWN)
    html = details_html(entry, detail, None, [], QLocale(QLocale.Language.English))
    assert f"unknown ({UNKNOWN_VALUE})" in html
    journal.close()
