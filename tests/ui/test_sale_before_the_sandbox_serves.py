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


def test_pay_pressed_before_the_client_is_built_waits_for_it_then_pays_once(qtbot, tmp_path, event_loop_qt,
                                                                            sandbox):
    """The app builds the gateway client right after the first frame (httpx and the models load on a worker
    thread first): a Pay pressed before that says "Connecting…", waits, and pays once the client is there."""
    journal = Journal(tmp_path / "journal.sqlite3")
    built = []

    def build():
        built.append(True)
        return build_client(Config(tmp_path / "settings.ini"), "sandbox", SANDBOX_CREDENTIALS, sandbox.url)

    services = AppServices(journal=journal, environment="sandbox", build_client=build)
    services.client_coming = True  # as the app says once it has started the worker thread
    tab = SaleTab(services)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    try:
        type_sale(qtbot, tab, amount="61.40")
        assert not services.client_ready and built == []

        def connecting() -> None:
            assert tab.pay_button.text() == "Connecting…"
            assert tab.result.headline() == "Connecting to the gateway — please wait"
            assert built == []  # waiting, not building on the UI thread by itself

        with qtbot.waitSignal(tab.payment_finished, timeout=30_000) as blocker:
            tab.pay_button.click()
            qtbot.waitUntil(connecting, timeout=15_000)
            services.build_client_now()  # what the app does when the worker thread is done
        outcome = blocker.args[0]
        assert outcome.state is OutcomeState.APPROVED
        assert built == [True]
        rows = journal.search(environment="sandbox")
        assert [(row.reference, row.state) for row in rows] == [(outcome.order_id, EntryState.APPROVED)]
    finally:
        journal.close()
        if services.client_ready:
            closing = event_loop_qt.create_task(services.client.aclose())
            qtbot.waitUntil(closing.done, timeout=5_000)


def test_the_3ds_switch_cannot_change_a_sale_already_clicked_while_connecting(qtbot, tmp_path, event_loop_qt,
                                                                               sandbox):
    """Pay clicked for a plain sale before the client is built: while "Connecting…" lasts, the "3-D Secure"
    switch next to Pay takes no click, and the sale goes out as the plain sale it was clicked as (the route
    was read only after connecting: a tick in between turned the clicked sale into a 3-D Secure one)."""
    from PySide6.QtCore import Qt

    from klogs_desk.domain.journal import EntryKind
    from klogs_desk.services.three_d_secure import ThreeDSecureService

    journal = Journal(tmp_path / "journal.sqlite3")

    def build():
        return build_client(Config(tmp_path / "settings.ini"), "sandbox", SANDBOX_CREDENTIALS, sandbox.url)

    services = AppServices(journal=journal, environment="sandbox", build_client=build)
    services.client_coming = True
    started_3ds = []

    class Refusing3ds(ThreeDSecureService):
        async def begin(self, *args, **kwargs):
            started_3ds.append(args)
            raise AssertionError("a 3-D Secure sale was started")

    tab = SaleTab(services, three_d_secure=Refusing3ds(services, None))  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    try:
        type_sale(qtbot, tab, amount="61.50")
        switch = tab.three_ds_switch
        assert switch is not None and not switch.isChecked()

        def connecting() -> None:
            assert tab.pay_button.text() == "Connecting…"

        with qtbot.waitSignal(tab.payment_finished, timeout=30_000) as blocker:
            tab.pay_button.click()
            qtbot.waitUntil(connecting, timeout=15_000)
            qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)  # refused: the sale is in flight
            qtbot.keyClick(switch, Qt.Key.Key_Space)
            assert not switch.isChecked()
            switch.setChecked(True)  # even if it changed (by a path that is not the cashier's click) ...
            services.build_client_now()
        outcome = blocker.args[0]
        assert outcome.state is OutcomeState.APPROVED and started_3ds == []  # ... the clicked route stands
        rows = journal.search(environment="sandbox")
        assert [(row.reference, row.kind, row.state) for row in rows] == [
            (outcome.order_id, EntryKind.SALE, EntryState.APPROVED)]
    finally:
        journal.close()
        if services.client_ready:
            closing = event_loop_qt.create_task(services.client.aclose())
            qtbot.waitUntil(closing.done, timeout=5_000)
