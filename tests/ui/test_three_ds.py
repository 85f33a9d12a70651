"""3-D Secure end to end: real sandbox over loopback, real callback listener, real QWebEngineView offscreen.

The card holder's clicks are real clicks in the sandbox's ACS page (``document.getElementById('approve')
.click()``), which makes the embedded browser POST to our listener exactly as a bank page would.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import httpx
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from klogs_desk.callbacks import CallbackListener
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState
from klogs_desk.services.three_d_secure import CANCELLED_NOTE, ThreeDSecureService
from klogs_desk.ui import webengine
from klogs_desk.ui.three_ds_dialog import ThreeDsDialog, run_challenge

try:
    from tests.conftest import make_client
except ImportError:  # pragma: no cover - when tests/ is the rootdir
    from conftest import make_client

pytestmark = pytest.mark.webengine

ENROLLED_CARD = "4000000000003220"
FAILING_CARD = "4000000000003238"


class Flow:
    """The pieces of one 3-D Secure sale, driven from the test through the qasync loop."""

    def __init__(self, qtbot, loop, services: AppServices, listener: CallbackListener,
                 service: ThreeDSecureService) -> None:
        self.qtbot, self.loop = qtbot, loop
        self.services, self.listener, self.service = services, listener, service
        self.dialog: ThreeDsDialog | None = None

    def run(self, coro, timeout: int = 15000):
        task = self.loop.create_task(coro)
        self.qtbot.waitUntil(task.done, timeout=timeout)
        return task.result()

    def start(self, challenge):
        """Open the challenge dialog; returns the task that ends with the PaymentOutcome."""
        task = self.loop.create_task(run_challenge(self.service, challenge, on_dialog=self._keep))
        self.qtbot.waitUntil(lambda: self.dialog is not None, timeout=5000)
        return task

    def _keep(self, dialog: ThreeDsDialog) -> None:
        self.dialog = dialog

    def wait_for_acs_page(self) -> None:
        """Until the bank's page (the sandbox ACS) is loaded and its buttons exist."""
        self.qtbot.waitUntil(lambda: self.dialog.page.url().path().startswith("/_acs/"), timeout=15000)
        self.qtbot.waitUntil(lambda: self.dialog.status_label.text() == "Waiting for the card holder…",
                             timeout=15000)
        found: list[bool] = []
        self.qtbot.waitUntil(lambda: self._has_button(found), timeout=10000)

    def _has_button(self, found: list[bool]) -> bool:
        if not found:
            self.dialog.page.runJavaScript("document.getElementById('approve') !== null", 0,
                                           lambda ok: found.append(bool(ok)))
            return False
        if found[-1]:
            return True
        found.clear()
        return False

    def click(self, button_id: str) -> None:
        self.dialog.page.runJavaScript(f"document.getElementById('{button_id}').click()", 0)

    def finish(self, task, timeout: int = 20000):
        self.qtbot.waitUntil(task.done, timeout=timeout)
        return task.result()


def _order(pan: str, order_id: str, amount: str = "1234.56") -> CardOrder:
    year = f"{(dt.date.today().year + 2) % 100:02d}"
    return CardOrder(order_id=order_id, amount=Decimal(amount), currency="TRY", holder="Ayşe Yılmaz", pan=pan,
                     expiry_month="12", expiry_year=year, cvv="123")


def _open_dialogs() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "threeDsDialog" and w.isVisible()]


@pytest.fixture
def flow(qtbot, event_loop_qt, sandbox, tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    client = make_client(sandbox, timeout=10)
    services = AppServices(client=client, journal=journal)
    listener = CallbackListener()
    service = ThreeDSecureService(services, listener)
    the_flow = Flow(qtbot, event_loop_qt, services, listener, service)
    the_flow.run(listener.start())
    yield the_flow
    the_flow.run(listener.stop())
    the_flow.run(client.aclose())
    journal.close()


def test_approved_challenge_charges_once_and_journals_approved(flow):
    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-APPROVE-1")))
    row = flow.services.journal.get(challenge.entry_id)
    assert row.kind is EntryKind.SALE_3DS and row.state is EntryState.AWAITING_CUSTOMER
    assert row.masked_pan == "400000******3220"

    task = flow.start(challenge)
    dialog = flow.dialog
    assert dialog.amount_label.text() == "Customer authentication — 1,234.56 TRY"
    flow.wait_for_acs_page()
    flow.click("approve")
    outcome = flow.finish(task)

    assert outcome.state is OutcomeState.APPROVED, outcome.message
    assert outcome.amount == Decimal("1234.56")
    row = flow.services.journal.get(challenge.entry_id)
    assert row.state is EntryState.APPROVED
    assert row.payment_id == challenge.payment_id
    assert row.balance == Decimal("1234.56")
    assert _open_dialogs() == []
    # The callback URL was single use.
    assert not challenge.pending.active


def test_failed_challenge_is_declined_and_nothing_charged(flow):
    challenge = flow.run(flow.service.begin(_order(FAILING_CARD, "3DS-FAIL-1", "50.00")))
    task = flow.start(challenge)
    flow.wait_for_acs_page()
    flow.click("approve")  # this card's challenge fails whatever the card holder does
    outcome = flow.finish(task)

    assert outcome.state is OutcomeState.DECLINED, outcome.message
    assert "authentication failed" in outcome.message
    assert "Nothing was charged" in outcome.message
    assert flow.services.journal.get(challenge.entry_id).state is EntryState.DECLINED
    assert _open_dialogs() == []


def test_fail_button_declines(flow):
    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-FAIL-2", "10.00")))
    task = flow.start(challenge)
    flow.wait_for_acs_page()
    flow.click("fail")
    outcome = flow.finish(task)
    assert outcome.state is OutcomeState.DECLINED, outcome.message
    assert flow.services.journal.get(challenge.entry_id).state is EntryState.DECLINED


def test_cancel_closes_the_dialog_and_journals_cancelled(flow, qtbot):
    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-CANCEL-1", "20.00")))
    task = flow.start(challenge)
    flow.wait_for_acs_page()
    flow.dialog.grab().save("/tmp/three_ds_dialog.png")
    qtbot.mouseClick(flow.dialog.cancel_button, Qt.MouseButton.LeftButton)
    outcome = flow.finish(task)

    assert outcome.state is OutcomeState.CANCELLED
    assert "Cancelled — nothing charged" in outcome.message
    row = flow.services.journal.get(challenge.entry_id)
    assert row.state is EntryState.CANCELLED and row.note == CANCELLED_NOTE
    assert _open_dialogs() == []
    # A late click in a stale page can no longer finish the payment.
    late = flow.run(_post(challenge.pending.success_url, challenge.payment_id))
    assert late == 404


def test_timeout_ends_cancelled_without_a_hung_dialog(flow):
    flow.service.challenge_timeout = 1.0
    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-TIMEOUT-1", "30.00")))
    task = flow.start(challenge)
    outcome = flow.finish(task)
    assert outcome.state is OutcomeState.CANCELLED
    assert "did not finish authentication in time" in outcome.message
    assert flow.services.journal.get(challenge.entry_id).state is EntryState.CANCELLED
    assert _open_dialogs() == []


def test_cancelled_order_id_is_not_sent_again(flow):
    flow.service.challenge_timeout = 0.5
    first = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-RETRY-1", "40.00")))
    assert flow.finish(flow.start(first)).state is OutcomeState.CANCELLED
    from klogs_desk.services.three_d_secure import ChallengeNotStarted

    with pytest.raises(ChallengeNotStarted) as refused:
        flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-RETRY-1", "40.00")))
    assert refused.value.outcome.state is OutcomeState.REFUSED
    assert "Nothing was sent now" in refused.value.outcome.message
    assert flow.services.journal.get(first.entry_id).state is EntryState.CANCELLED


def test_page_leaving_the_gateway_is_stopped_and_explained(flow, qtbot):
    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-ESCAPE-1", "5.00")))
    # A compromised or broken gateway page that tries to send the card holder elsewhere.
    challenge.html_content = ("<form id='f' method='GET' action='http://elsewhere.example/steal'></form>"
                              "<script>document.getElementById('f').submit()</script>")
    task = flow.start(challenge)
    qtbot.waitUntil(lambda: flow.dialog.close_button.isVisible(), timeout=15000)
    assert "elsewhere.example" in flow.dialog.status_label.text()
    assert "Nothing was charged" in flow.dialog.status_label.text()
    assert flow.dialog.page.refused == ["http://elsewhere.example"]
    qtbot.mouseClick(flow.dialog.close_button, Qt.MouseButton.LeftButton)
    outcome = flow.finish(task)
    assert outcome.state is OutcomeState.CANCELLED
    assert flow.services.journal.get(challenge.entry_id).state is EntryState.CANCELLED
    assert _open_dialogs() == []


def test_navigation_allow_list():
    gateway, listener = "https://pgw.klogs.dev/", "http://127.0.0.1:5555"

    def allowed(url: str, first: bool = False) -> bool:
        return webengine.allowed_navigation(QUrl(url), gateway_url=gateway, callback_origin=listener,
                                            initial_html_pending=first)

    assert allowed("https://pgw.klogs.dev/_acs/1")
    assert allowed("https://pgw.klogs.dev:443/x")
    assert allowed("http://127.0.0.1:5555/3ds/t/success")
    assert allowed("data:text/html,hello", first=True)
    assert not allowed("data:text/html,hello")
    assert not allowed("http://pgw.klogs.dev/_acs/1")  # downgrade to http
    assert not allowed("https://pgw.klogs.dev.evil.example/")
    assert not allowed("https://127.0.0.1:5555/")
    assert not allowed("http://127.0.0.1:5556/")
    assert not allowed("file:///etc/passwd")
    assert not allowed("javascript:alert(1)")
    assert not allowed("ftp://pgw.klogs.dev/")


def test_profile_is_off_the_record(qapp):
    from PySide6.QtWebEngineCore import QWebEngineProfile

    profile = webengine.profile()
    assert profile.isOffTheRecord()
    assert profile.httpCacheType() is QWebEngineProfile.HttpCacheType.MemoryHttpCache
    assert profile.persistentCookiesPolicy() is QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    page = webengine.ChallengePage.create(gateway_url="https://pgw.klogs.dev/", callback_origin=None)
    assert page.createWindow(None) is None


async def _post(url: str, payment_id: str) -> int:
    async with httpx.AsyncClient() as http:
        response = await http.post(url, data={"paymentId": payment_id, "securityKey": "late"})
    return response.status_code


# --- in the Sale tab: the threeDsSwitch and the "Pay with 3-D Secure" offer ---------------------------------

@pytest.fixture
def sale_tab(qtbot, event_loop_qt, sandbox, tmp_path):
    from klogs_desk.ui.sale_tab import SaleTab

    journal = Journal(tmp_path / "sale-journal.sqlite3")
    client = make_client(sandbox, timeout=10)
    services = AppServices(client=client, journal=journal)
    listener = CallbackListener()
    tab = SaleTab(services, three_d_secure=ThreeDSecureService(services, listener))
    qtbot.addWidget(tab)
    tab.resize(1000, 560)
    tab.show()
    qtbot.waitExposed(tab)
    yield tab
    stopping = event_loop_qt.create_task(listener.stop())
    qtbot.waitUntil(stopping.done)
    journal.close()


def _type_card(qtbot, tab, pan: str, amount: str) -> None:
    year = f"{(dt.date.today().year + 2) % 100:02d}"
    qtbot.keyClicks(tab.form.amount, amount)
    qtbot.keyClicks(tab.form.holder, "Ayse Yilmaz")
    qtbot.keyClicks(tab.form.pan, pan)
    qtbot.keyClicks(tab.form.expiry, "12" + year)
    qtbot.keyClicks(tab.form.cvv, "123")


def _challenge_dialog(qtbot) -> ThreeDsDialog:
    qtbot.waitUntil(lambda: bool(_open_dialogs()), timeout=15000)
    return _open_dialogs()[0]


def _click_when_loaded(qtbot, dialog: ThreeDsDialog, button_id: str) -> None:
    qtbot.waitUntil(lambda: dialog.page.url().path().startswith("/_acs/")
                    and dialog.status_label.text() == "Waiting for the card holder…",
                    timeout=15000)
    found: list[bool] = []
    probe = Flow(qtbot, None, None, None, None)
    probe.dialog = dialog
    qtbot.waitUntil(lambda: probe._has_button(found), timeout=10000)
    probe.click(button_id)


def test_switch_sends_the_sale_through_3ds_and_shows_the_result(qtbot, sale_tab):
    switch = sale_tab.findChild(object, "threeDsSwitch")
    assert switch is sale_tab.three_ds_switch and switch.text() == "3-D Secure"
    switch.setChecked(True)
    _type_card(qtbot, sale_tab, "4111111111111111", "75.25")
    order_id = sale_tab.form.order_id.text()
    with qtbot.waitSignal(sale_tab.payment_finished, timeout=30000) as finished:
        qtbot.mouseClick(sale_tab.pay_button, Qt.MouseButton.LeftButton)
        _click_when_loaded(qtbot, _challenge_dialog(qtbot), "approve")
    outcome = finished.args[0]
    assert outcome.state is OutcomeState.APPROVED, outcome.message
    assert sale_tab.result.headline() == "APPROVED"
    row = sale_tab.services.journal.find_payment("sandbox", EntryKind.SALE_3DS, order_id)
    assert row.state is EntryState.APPROVED and row.masked_pan == "411111******1111"
    assert _open_dialogs() == []
    assert sale_tab.form.pan.text() == ""


def test_enrolled_sale_offers_3ds_and_a_failed_challenge_shows_declined(qtbot, sale_tab):
    _type_card(qtbot, sale_tab, FAILING_CARD, "99.00")
    order_id = sale_tab.form.order_id.text()
    with qtbot.waitSignal(sale_tab.payment_finished, timeout=15000) as first:
        qtbot.mouseClick(sale_tab.pay_button, Qt.MouseButton.LeftButton)
    assert first.args[0].state is OutcomeState.ENROLLED
    with qtbot.waitSignal(sale_tab.payment_finished, timeout=30000) as finished:
        qtbot.mouseClick(sale_tab.result.three_ds_button, Qt.MouseButton.LeftButton)
        _click_when_loaded(qtbot, _challenge_dialog(qtbot), "approve")
    outcome = finished.args[0]
    assert outcome.state is OutcomeState.DECLINED, outcome.message
    assert sale_tab.result.headline() == "DECLINED"
    row = sale_tab.services.journal.find_payment("sandbox", EntryKind.SALE_3DS, order_id)
    assert row.state is EntryState.DECLINED
    assert _open_dialogs() == []


def test_offer_clicked_twice_starts_one_challenge_and_blocks_pay_meanwhile(qtbot, sale_tab, sandbox, monkeypatch):
    """The "Pay with 3-D Secure" offer goes through the Sale tab's in-flight guard: a second click (or the
    signal delivered twice), Pay and Enter while the challenge runs start nothing more."""
    from klogs_desk.sandbox.ledger import ledger_of
    from klogs_desk.ui.async_runner import RUNNER

    errors: list[str] = []
    monkeypatch.setattr(RUNNER, "show_user_error", lambda parent, title, message: errors.append(message))
    service = sale_tab.three_d_secure
    begun: list[str] = []
    real_begin = service.begin

    async def counting_begin(order, **kwargs):
        begun.append(order.order_id)
        return await real_begin(order, **kwargs)

    monkeypatch.setattr(service, "begin", counting_begin)
    _type_card(qtbot, sale_tab, ENROLLED_CARD, "61.40")
    order_id = sale_tab.form.order_id.text()
    with qtbot.waitSignal(sale_tab.payment_finished, timeout=15000) as first:
        qtbot.mouseClick(sale_tab.pay_button, Qt.MouseButton.LeftButton)
    assert first.args[0].state is OutcomeState.ENROLLED
    enrolled_order = sale_tab._enrolled_order

    with qtbot.waitSignal(sale_tab.payment_finished, timeout=30000) as finished:
        sale_tab.result.three_ds_button.click()
        sale_tab.result.three_ds_requested.emit()  # a second click queued before the button greyed out
        sale_tab.three_ds_requested.emit(enrolled_order)  # even the offer itself, delivered twice
        sale_tab.pay()  # Enter in the form
        assert sale_tab.in_flight and not sale_tab.pay_button.isEnabled()
        assert sale_tab.form.pan.isReadOnly() or not sale_tab.form.pan.isEnabled()
        assert sale_tab.progress.isVisible()
        _click_when_loaded(qtbot, _challenge_dialog(qtbot), "approve")
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10000)

    assert finished.args[0].state is OutcomeState.APPROVED, finished.args[0].message
    assert begun == [order_id]
    rows = sale_tab.services.journal.search(text=order_id)
    assert sorted(r.kind.value for r in rows) == ["sale", "sale_3ds"]
    assert ledger_of(sandbox.state).charges_for(order_id) == 1
    assert errors == []
    assert not sale_tab.in_flight and sale_tab.pay_button.isEnabled()


def test_bank_page_that_cannot_load_is_explained_and_closing_journals_nothing_charged(qtbot, event_loop_qt,
                                                                                    fresh_sandbox, tmp_path):
    journal = Journal(tmp_path / "journal-down.sqlite3")
    client = make_client(fresh_sandbox, timeout=10)
    services = AppServices(client=client, journal=journal)
    listener = CallbackListener()
    flow = Flow(qtbot, event_loop_qt, services, listener, ThreeDSecureService(services, listener))
    flow.run(listener.start())
    try:
        challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-DOWN-1", "15.00")))
        fresh_sandbox.stop()  # the gateway (and its bank page) goes away before the page is shown
        task = flow.start(challenge)
        qtbot.waitUntil(lambda: flow.dialog.close_button.isVisible(), timeout=15000)
        status = flow.dialog.status_label.text()
        assert "could not be loaded" in status and "Nothing was charged" in status
        assert not flow.dialog.cancel_button.isVisible()
        assert flow.dialog.view.objectName() == "threeDsView"
        qtbot.mouseClick(flow.dialog.close_button, Qt.MouseButton.LeftButton)
        outcome = flow.finish(task)
        assert outcome.state is OutcomeState.CANCELLED
        assert journal.get(challenge.entry_id).state is EntryState.CANCELLED
        assert _open_dialogs() == []
    finally:
        flow.run(listener.stop())
        flow.run(client.aclose())
        journal.close()
