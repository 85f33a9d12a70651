"""Right after launch in training mode the built-in sandbox (its own process) may still be starting: the
cashier can type the sale meanwhile, and Pay says "Connecting…", waits for it, then pays once."""

from __future__ import annotations

import sys

import pytest

from klogs_desk.config import Config
from klogs_desk.credentials import SANDBOX_CREDENTIALS
from klogs_desk.domain.journal import EntryState, Journal
from klogs_desk.embedded_sandbox import EmbeddedSandbox
from klogs_desk.environments import build_client
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import OutcomeState
from klogs_desk.ui.sale_tab import SaleTab
from tests.ui.test_sale_tab import type_sale

#: The real sandbox process, held at the door until the test creates the gate file (argv[1]).
GATED_CHILD = ("import os, sys, time\n"
               "gate = sys.argv.pop(1)\n"
               "while not os.path.exists(gate):\n"
               "    time.sleep(0.01)\n"
               "from klogs_desk.sandbox.child import main\n"
               "sys.exit(main(sys.argv[1:]))\n")


@pytest.fixture
def gated_sandbox(tmp_path):
    gate = tmp_path / "open"
    sandbox = EmbeddedSandbox(command=[sys.executable, "-c", GATED_CHILD, str(gate)])
    sandbox.start_in_background()
    yield sandbox, gate
    gate.touch()
    sandbox.stop()


def test_the_cashier_types_before_the_sandbox_serves_and_pay_waits_then_pays_once(
        qtbot, tmp_path, event_loop_qt, gated_sandbox):
    sandbox, gate = gated_sandbox
    url = sandbox.reserve()
    journal = Journal(tmp_path / "journal.sqlite3")
    services = AppServices(client=build_client(Config(tmp_path / "settings.ini"), "sandbox", SANDBOX_CREDENTIALS,
                                               url),
                           journal=journal, environment="sandbox", sandbox_url=url)
    tab = SaleTab(services)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    try:
        type_sale(qtbot, tab, amount="61.30")
        assert not sandbox.running
        assert tab.form.amount.text() == "61.30"

        def connecting() -> None:
            assert tab.pay_button.text() == "Connecting…"
            assert tab.result.headline() == "Connecting to the training gateway — please wait"
            gate.touch()  # the sandbox may start now

        with qtbot.waitSignal(tab.payment_finished, timeout=30_000) as blocker:
            tab.pay_button.click()
            qtbot.waitUntil(connecting, timeout=15_000)
        outcome = blocker.args[0]
        assert outcome.state is OutcomeState.APPROVED
        rows = journal.search(environment="sandbox")
        assert [(row.reference, row.state) for row in rows] == [(outcome.order_id, EntryState.APPROVED)]
    finally:
        journal.close()
