"""The Subscriptions tab when the gateway fails (5xx), and the automation names managers' tools rely on,
against a real sandbox over loopback."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QWidget

from klogs_desk.domain.journal import Journal
from klogs_desk.sandbox.faults import faults_of
from klogs_desk.sandbox.seed import seed_subscriptions
from klogs_desk.services.context import AppServices
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.subscriptions_model import REFERENCE
from klogs_desk.ui.subscriptions_tab import SubscriptionsTab
from tests.conftest import make_client

TAB_NAMES = ("subscriptionsTable", "subscriptionsSearch", "subscriptionCreate", "subscriptionEdit",
             "subscriptionDisable", "ownerRegister", "paymentOrderCreate")


@pytest.fixture
def tab(qtbot, fresh_sandbox, event_loop_qt, tmp_path):
    seed_subscriptions(fresh_sandbox.state.extras["recurring"], 250, fresh_sandbox.state.clock.now())
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    client = make_client(fresh_sandbox, timeout=10.0)
    journal = Journal(tmp_path / "journal.sqlite3")
    widget = SubscriptionsTab(AppServices(client=client, journal=journal), page_size=100)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.loaded and not widget.model.loading, timeout=10_000)
    yield widget
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    closing = event_loop_qt.create_task(client.aclose())
    qtbot.waitUntil(closing.done)
    journal.close()


def references(tab, count=5):
    return [tab.model.index(row, REFERENCE).data() for row in range(count)]


def test_gateway_5xx_is_said_in_words_keeps_the_rows_and_retry_recovers(qtbot, tab, fresh_sandbox):
    shown = references(tab)
    assert tab.model.rowCount() == 250 and all(shown)
    faults_of(fresh_sandbox.state).arm(recurring_server_errors=3)  # every automatic retry of the GET fails too

    qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.banner.isVisible(), timeout=10_000)
    assert tab.banner_message() == ("The gateway had an internal error (503): try again in a few minutes. "
                                    "The rows shown are from before the error.")
    assert references(tab) == shown and tab.model.rowCount() == 250  # the table keeps what it had

    with qtbot.waitSignal(tab.model.page_loaded, timeout=10_000):
        qtbot.mouseClick(tab.banner_retry, Qt.MouseButton.LeftButton)
    assert not tab.banner.isVisible() and references(tab) == shown


def test_automation_names_are_on_the_tab_and_the_create_dialog(tab):
    for name in TAB_NAMES:
        widget = tab.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    dialog = tab.open_create_dialog()
    preview = dialog.findChild(QWidget, "schedulePreview")
    assert preview is not None and "Next 12 payments" in preview.text()
    dialog.reject()
