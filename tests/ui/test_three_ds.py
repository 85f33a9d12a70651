"""3-D Secure end to end: real sandbox over loopback, real callback listener, real QWebEngineView offscreen.

The card holder's clicks are real clicks in the sandbox's ACS page (``document.getElementById('approve')
.click()``), which makes the embedded browser POST to our listener exactly as a bank page would.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import logging
import ssl
import sys
import threading
import types
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QLabel

from klogs_desk.callbacks import CallbackListener
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState
from klogs_desk.services.three_d_secure import CANCELLED_NOTE, ThreeDSecureService
from klogs_desk.ui import webengine
from klogs_desk.ui.challenge_browser import remote, urls
from klogs_desk.ui.three_ds_dialog import ThreeDsDialog, run_challenge

try:
    from tests.conftest import TEST_HANG_SECONDS, make_client
except ImportError:  # pragma: no cover - when tests/ is the rootdir
    from conftest import TEST_HANG_SECONDS, make_client

pytestmark = pytest.mark.webengine

DATA = Path(__file__).resolve().parents[1] / "data"
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
        """Until the bank's page (the sandbox ACS, on the bank's own host) is loaded and its buttons exist."""
        self.qtbot.waitUntil(lambda: self.dialog.page.url().path().startswith("/_acs/"), timeout=15000)
        bank, gateway = self.dialog.page.url().host(), QUrl(self.dialog.page.gateway_url).host()
        assert bank in ("127.0.0.2", "localhost") and bank != gateway
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


@contextlib.contextmanager
def flow_on(server, qtbot, loop, journal_path: Path):
    """A :class:`Flow` against ``server`` with its own journal, client and started listener."""
    journal = Journal(journal_path)
    client = make_client(server, timeout=10)
    services = AppServices(client=client, journal=journal)
    listener = CallbackListener()
    the_flow = Flow(qtbot, loop, services, listener, ThreeDSecureService(services, listener))
    the_flow.run(listener.start())
    try:
        yield the_flow
    finally:
        the_flow.run(listener.stop())
        the_flow.run(client.aclose())
        journal.close()


@pytest.fixture
def flow(qtbot, event_loop_qt, sandbox, tmp_path):
    with flow_on(sandbox, qtbot, event_loop_qt, tmp_path / "journal.sqlite3") as the_flow:
        yield the_flow


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
    # Offscreen (as on Wayland or macOS) the page cannot be embedded: its window is its own, and the
    # dialog says where it went (tests/ui/test_three_ds_on_x11.py proves the embedded case).
    note = flow.dialog.findChild(QLabel, "threeDsOwnWindowNote")
    assert note is not None and note.isVisible() and "window of its own" in note.text()
    assert "check in its window" in flow.dialog.hint_label.text()  # not "below": nothing is below
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


@pytest.mark.parametrize("where", ["engine starting", "dialog built, not yet shown"])
def test_quit_before_the_challenge_shows_journals_cancelled_not_waiting_for_good(flow, monkeypatch, where):
    """A quit (the session ending) while the browser starts or between the dialog's two turns cancels the
    task before finish() runs: the row must not stay 'waiting for the customer' after a restart."""
    from klogs_desk.ui import three_ds_dialog

    started: list[bool] = []
    if where == "engine starting":
        async def never_ready() -> None:
            started.append(True)
            await flow.loop.create_future()

        monkeypatch.setattr(remote, "ready", never_ready)
    else:
        monkeypatch.setattr(three_ds_dialog, "LOAD_AFTER_SHOW_MS", 60_000)
    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, f"3DS-QUIT-{len(where)}", "31.00")))
    assert flow.services.journal.get(challenge.entry_id).state is EntryState.AWAITING_CUSTOMER
    task = flow.loop.create_task(run_challenge(flow.service, challenge))
    built = lambda: [w for w in QApplication.topLevelWidgets() if w.objectName() == "threeDsDialog"]  # noqa: E731
    flow.qtbot.waitUntil(lambda: bool(started) if where == "engine starting" else bool(built()), timeout=15000)
    task.cancel()
    flow.qtbot.waitUntil(task.done, timeout=5000)

    assert task.cancelled()
    row = flow.services.journal.get(challenge.entry_id)
    assert row.state is EntryState.CANCELLED and row.note == CANCELLED_NOTE
    assert _open_dialogs() == []
    assert flow.run(_post(challenge.pending.success_url, challenge.payment_id)) == 404


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


def test_page_leaving_the_gateway_is_stopped_and_explained(flow, qtbot, caplog):
    caplog.set_level(logging.WARNING, logger="klogs_desk.ui.challenge_browser.remote")
    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-ESCAPE-1", "5.00")))
    # A compromised or broken gateway page that tries to send the card holder elsewhere.
    challenge.html_content = ("<form id='f' method='GET' action='http://elsewhere.example/steal'></form>"
                              "<script>document.getElementById('f').submit()</script>")
    task = flow.start(challenge)
    qtbot.waitUntil(lambda: flow.dialog.close_button.isVisible(), timeout=15000)
    assert "elsewhere.example" in flow.dialog.status_label.text()
    assert "Nothing was charged" in flow.dialog.status_label.text()
    assert flow.dialog.page.refused == ["http://elsewhere.example"]
    # The browser process's refusal is in the terminal's own log, for support (the host only).
    qtbot.waitUntil(lambda: any("navigation refused: http://elsewhere.example" in record.getMessage()
                                for record in caplog.records), timeout=5000)
    assert not any("/steal" in record.getMessage() for record in caplog.records)
    qtbot.mouseClick(flow.dialog.close_button, Qt.MouseButton.LeftButton)
    outcome = flow.finish(task)
    assert outcome.state is OutcomeState.CANCELLED
    assert flow.services.journal.get(challenge.entry_id).state is EntryState.CANCELLED
    assert _open_dialogs() == []


def test_challenge_goes_to_the_banks_own_host_and_back_and_the_dialog_names_each_host(flow, sandbox):
    """As with a real bank: the gateway's page posts the card holder to the bank's host (127.0.0.2 in the
    sandbox), whose answer goes back through the gateway to our listener; the cashier sees each host."""
    bank_host = QUrl(sandbox.acs_url).host()
    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-BANKHOST-1", "12.00")))
    task = flow.start(challenge)
    shown: list[str] = []
    flow.dialog.page.urlChanged.connect(lambda _url: shown.append(flow.dialog.host_label.text()))
    flow.wait_for_acs_page()
    assert flow.dialog.page.url().host() == bank_host
    assert flow.dialog.host_label.text() == f"{bank_host} — training sandbox (not encrypted)"
    flow.click("approve")
    outcome = flow.finish(task)

    assert outcome.state is OutcomeState.APPROVED, outcome.message
    assert flow.services.journal.get(challenge.entry_id).state is EntryState.APPROVED
    bank_label = f"{bank_host} — training sandbox (not encrypted)"
    gateway_label = "127.0.0.1 — training sandbox (not encrypted)"  # the gateway's return page
    assert bank_label in shown and gateway_label in shown[shown.index(bank_label):], shown
    assert _open_dialogs() == []


class LoopbackSite:
    """A small web site on 127.0.0.1 (plain, or https with the self-signed certificate in tests/data)
    that counts the HTTP requests it receives. ``/to-file`` redirects to ``file:///etc/passwd``."""

    def __init__(self, tls: bool = False) -> None:
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                site.requests.append(self.path)
                if self.path == "/statement.pdf":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/octet-stream")
                    self.send_header("Content-Disposition", "attachment; filename=statement.pdf")
                    self.end_headers()
                    self.wfile.write(b"%PDF-1.4 not really")
                    return
                if self.path == "/to-file":
                    self.send_response(302)
                    self.send_header("Location", "file:///etc/passwd")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<!doctype html><title>not the bank</title><p>reached</p>")

            do_GET = do_POST = _answer

            def log_message(self, *_args) -> None:
                pass

        self.requests: list[str] = []
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(DATA / "self_signed_loopback.crt", DATA / "self_signed_loopback.key")
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def loopback_site():
    site = LoopbackSite()
    yield site
    site.close()


@pytest.fixture
def self_signed_site():
    site = LoopbackSite(tls=True)
    yield site
    site.close()


def _cancelled_by_close(flow, qtbot, task, challenge) -> None:
    qtbot.mouseClick(flow.dialog.close_button, Qt.MouseButton.LeftButton)
    outcome = flow.finish(task)
    assert outcome.state is OutcomeState.CANCELLED
    assert flow.services.journal.get(challenge.entry_id).state is EntryState.CANCELLED
    assert _open_dialogs() == []


@pytest.mark.parametrize("how", ["form", "script", "redirect"])
def test_page_sending_the_browser_to_a_local_file_is_refused_and_explained(flow, qtbot, loopback_site, how):
    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, f"3DS-FILE-{how}", "6.00")))
    challenge.html_content = {
        "form": "<form id='f' method='GET' action='file:///etc/passwd'></form>"
                "<script>document.getElementById('f').submit()</script>",
        "script": "<script>location.href = 'file:///etc/passwd'</script>",
        "redirect": f"<script>location.href = '{loopback_site.url}/to-file'</script>",
    }[how]
    task = flow.start(challenge)
    qtbot.waitUntil(lambda: flow.dialog.close_button.isVisible(), timeout=15000)
    status = flow.dialog.status_label.text()
    assert flow.dialog.page.url().scheme() == "http"  # never on the file
    assert "Nothing was charged" in status
    if how == "redirect":  # Chromium refuses a redirect to file: itself, before asking the allow-list
        assert loopback_site.requests == ["/to-file"]
        assert "could not be loaded" in status
    else:
        assert flow.dialog.page.refused == ["file:"]
        assert "file:" in status and "does not allow" in status
    _cancelled_by_close(flow, qtbot, task, challenge)


def test_bank_page_cannot_download_files_or_open_windows(flow, qtbot, loopback_site):
    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-POPUP-1", "7.00")))
    challenge.html_content = (
        f"<a id='popup' target='_blank' href='{loopback_site.url}/popup'>new window</a>"
        f"<script>document.getElementById('popup').click(); window.open('{loopback_site.url}/opened');"
        f"setTimeout(function(){{ location.href = '{loopback_site.url}/statement.pdf'; }}, 300);</script>")
    task = flow.start(challenge)
    # The browser process reports a download once it is cancelled (Chromium may have read the body
    # already; it is never written).
    qtbot.waitUntil(lambda: bool(flow.dialog.page.refused_downloads), timeout=15000)
    url, path = flow.dialog.page.refused_downloads[0]
    assert url == loopback_site.url and path.endswith("statement.pdf")
    assert not Path(path).exists()
    assert "/popup" not in loopback_site.requests and "/opened" not in loopback_site.requests
    assert _open_dialogs() == [flow.dialog]  # no other window appeared
    flow.service.cancel(challenge)
    assert flow.finish(task).state is OutcomeState.CANCELLED


def test_plain_http_to_another_local_service_is_refused_before_connecting_with_a_real_gateway(qtbot, loopback_site):
    """With an https gateway (test, production) plain http goes only to our listener: a page sending the
    card holder to another local service is refused before any connection is made."""
    challenge = types.SimpleNamespace(
        amount=Decimal("5.00"), currency="TRY", masked_pan="400000******3220", order_id="3DS-LOCAL-1",
        html_content=f"<script>location.href = '{loopback_site.url}/steal'</script>")
    dialog = ThreeDsDialog(challenge, gateway_url="https://pgw.klogs.dev/", callback_origin="http://127.0.0.1:9")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.cancel_requested, timeout=15000):
        qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=15000)
        assert dialog.page.refused == [loopback_site.url]
        assert loopback_site.url in dialog.status_label.text()
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert loopback_site.requests == []
    dialog.finish()


def test_bank_page_with_an_invalid_certificate_is_refused_and_said_in_words(flow, qtbot, self_signed_site, sandbox):
    from klogs_desk.sandbox.ledger import ledger_of

    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-CERT-1", "8.00")))
    # The gateway's form posts the card holder to a bank page whose certificate no one vouches for.
    challenge.html_content = (f"<form id='f' method='POST' action='{self_signed_site.url}/acs'>"
                              "<input type='hidden' name='PaReq' value='x'></form>"
                              "<script>document.getElementById('f').submit()</script>")
    task = flow.start(challenge)
    qtbot.waitUntil(lambda: flow.dialog.close_button.isVisible(), timeout=15000)
    status = flow.dialog.status_label.text()
    assert "invalid security certificate" in status and "the payment was not sent" in status
    assert "Nothing was charged" in status
    assert flow.dialog.page.refused_certificates == ["127.0.0.1"]
    assert self_signed_site.requests == []  # the form was never sent over the untrusted connection
    assert "secure connection" not in flow.dialog.host_label.text()
    _cancelled_by_close(flow, qtbot, task, challenge)
    assert ledger_of(sandbox.state).charges_for(challenge.order_id) == 0


REAL_GATEWAY, SANDBOX_GATEWAY, LISTENER = "https://pgw.klogs.dev/", "http://127.0.0.1:8765/", "http://127.0.0.1:5555"


@pytest.mark.parametrize("url, gateway, first, allowed", [
    # https: any host, any port (every bank has its own domain)
    ("https://pgw.klogs.dev/_acs/1", REAL_GATEWAY, False, True),
    ("https://acs.bank.example/challenge", REAL_GATEWAY, False, True),
    ("https://3ds.other-bank.example:8443/pareq", REAL_GATEWAY, False, True),
    ("https://192.0.2.1/acs", REAL_GATEWAY, False, True),
    ("https://127.0.0.1:5555/", REAL_GATEWAY, False, True),
    # plain http: our listener always; other loopback hosts only with the loopback sandbox gateway
    ("http://127.0.0.1:5555/3ds/t/success", REAL_GATEWAY, False, True),
    ("http://127.0.0.1:5555/3ds/t/success", SANDBOX_GATEWAY, False, True),
    ("http://127.0.0.1:5556/", REAL_GATEWAY, False, False),
    ("http://127.0.0.2:40000/_acs/1", REAL_GATEWAY, False, False),
    ("http://localhost:5555/", REAL_GATEWAY, False, False),
    ("http://127.0.0.2:40000/_acs/1", SANDBOX_GATEWAY, False, True),
    ("http://127.0.0.1:8765/_3ds/1/acs-return", SANDBOX_GATEWAY, False, True),
    ("http://127.255.0.9/", SANDBOX_GATEWAY, False, True),
    ("http://localhost:40000/_acs/1", SANDBOX_GATEWAY, False, True),
    ("http://[::1]:40000/", SANDBOX_GATEWAY, False, True),
    # plain http off loopback: never, whatever the gateway (decided before any connection)
    ("http://192.0.2.1/", REAL_GATEWAY, False, False),
    ("http://192.0.2.1/", SANDBOX_GATEWAY, False, False),
    ("http://pgw.klogs.dev/_acs/1", REAL_GATEWAY, False, False),
    ("http://acs.bank.example/", SANDBOX_GATEWAY, False, False),
    ("http://128.0.0.1/", SANDBOX_GATEWAY, False, False),
    ("http://localhost.evil.example/", SANDBOX_GATEWAY, False, False),
    ("http://[::ffff:c000:201]/", SANDBOX_GATEWAY, False, False),
    # other schemes: never; data: only as the first, inline page
    ("data:text/html,hello", REAL_GATEWAY, True, True),
    ("data:text/html,hello", REAL_GATEWAY, False, False),
    ("about:blank", REAL_GATEWAY, True, True),
    ("about:blank", REAL_GATEWAY, False, False),
    ("file:///etc/passwd", SANDBOX_GATEWAY, False, False),
    ("file:///etc/passwd", SANDBOX_GATEWAY, True, False),
    ("javascript:alert(1)", SANDBOX_GATEWAY, False, False),
    ("javascript:alert(1)", SANDBOX_GATEWAY, True, False),
    ("ftp://pgw.klogs.dev/", REAL_GATEWAY, False, False),
    ("ws://127.0.0.1:5555/", SANDBOX_GATEWAY, False, False),
    ("blob:https://acs.bank.example/1", REAL_GATEWAY, False, False),
    ("chrome://settings", REAL_GATEWAY, False, False),
    ("view-source:https://acs.bank.example/", REAL_GATEWAY, False, False),
    ("https:///no-host", REAL_GATEWAY, False, False),
])
def test_navigation_allow_list(url, gateway, first, allowed):
    assert urls.allowed_navigation(QUrl(url), gateway_url=gateway, callback_origin=LISTENER,
                                        initial_html_pending=first) is allowed


@pytest.mark.parametrize("url, kind", [
    ("https://acs.bank.example/x", "secure"),
    ("http://127.0.0.1:5555/3ds/t/success", "terminal"),
    ("http://127.0.0.2:40000/_acs/1", "sandbox"),
    ("http://127.0.0.1:8765/_3ds/1/acs-return", "sandbox"),
    ("http://192.0.2.1/", None),
    ("data:text/html,x", None),
])
def test_connection_kind_names_what_the_dialog_shows(url, kind):
    assert urls.connection_kind(QUrl(url), LISTENER) == kind


def test_profile_is_off_the_record(qapp):
    from PySide6.QtWebEngineCore import QWebEngineProfile

    profile = webengine.profile()
    assert profile.isOffTheRecord()
    assert profile.httpCacheType() is QWebEngineProfile.HttpCacheType.MemoryHttpCache
    assert profile.persistentCookiesPolicy() is QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    page = webengine.ChallengePage.create(gateway_url="https://pgw.klogs.dev/", callback_origin=None)
    assert page.createWindow(None) is None


def test_warm_up_sees_the_cashier_type_in_any_window_but_does_not_filter_the_whole_app(qtbot):
    """The warm-up waits while the cashier types; it watches the windows (input reaches a window before its
    widgets), the open ones and one that gets the focus later, never every event of the application."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    main = QLineEdit()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    watch = remote._InputWatch()
    try:
        QTest.keyClick(main.windowHandle(), Qt.Key.Key_5)
        assert watch.inputs == 1
        later = QLineEdit()  # a dialog opened while the warm-up runs
        qtbot.addWidget(later)
        later.show()
        later.activateWindow()
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is later.windowHandle())
        QTest.keyClick(later.windowHandle(), Qt.Key.Key_7)
        assert watch.inputs == 2
        assert main.text() == "5" and later.text() == "7"
    finally:
        watch.stop()
    QTest.keyClick(main.windowHandle(), Qt.Key.Key_6)
    assert watch.inputs == 2  # removed when the warm-up ends
    assert main.text() == "56"


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


def test_enrolled_sale_goes_into_3ds_and_a_failed_challenge_shows_declined(qtbot, sale_tab):
    _type_card(qtbot, sale_tab, FAILING_CARD, "99.00")
    order_id = sale_tab.form.order_id.text()
    with qtbot.waitSignal(sale_tab.payment_finished, timeout=30000) as finished:
        qtbot.mouseClick(sale_tab.pay_button, Qt.MouseButton.LeftButton)
        _click_when_loaded(qtbot, _challenge_dialog(qtbot), "approve")
    outcome = finished.args[0]
    assert outcome.state is OutcomeState.DECLINED, outcome.message
    assert sale_tab.result.headline() == "DECLINED"
    [row] = sale_tab.services.journal.search(text=order_id)  # one sale, one row
    assert row.kind is EntryKind.SALE_3DS and row.state is EntryState.DECLINED
    assert _open_dialogs() == []


def test_enrolled_sale_starts_one_challenge_and_blocks_pay_meanwhile(qtbot, sale_tab, sandbox, monkeypatch):
    """An ENROLLED answer goes on into the challenge through the Sale tab's in-flight guard: the offer
    delivered again, Pay and Enter while the challenge runs start nothing more."""
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

    def enrolled_order_of(order_id: str):  # what a duplicate offer would carry
        return _order(ENROLLED_CARD, order_id, "61.40")

    _type_card(qtbot, sale_tab, ENROLLED_CARD, "61.40")
    order_id = sale_tab.form.order_id.text()
    with qtbot.waitSignal(sale_tab.payment_finished, timeout=30000) as finished:
        qtbot.mouseClick(sale_tab.pay_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(begun), timeout=15000)
        sale_tab.three_ds_requested.emit(enrolled_order_of(order_id))  # the offer delivered twice
        sale_tab.pay()  # Enter in the form
        assert sale_tab.in_flight and not sale_tab.pay_button.isEnabled()
        assert sale_tab.form.pan.isReadOnly() or not sale_tab.form.pan.isEnabled()
        assert sale_tab.progress.isVisible()
        _click_when_loaded(qtbot, _challenge_dialog(qtbot), "approve")
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10000)

    assert finished.args[0].state is OutcomeState.APPROVED, finished.args[0].message
    assert begun == [order_id]
    rows = sale_tab.services.journal.search(text=order_id)
    assert [r.kind.value for r in rows] == ["sale_3ds"]  # one sale, one row
    assert ledger_of(sandbox.state).charges_for(order_id) == 1
    assert errors == []
    assert not sale_tab.in_flight and sale_tab.pay_button.isEnabled()


def test_bank_page_that_cannot_load_is_explained_and_closing_journals_nothing_charged(qtbot, event_loop_qt,
                                                                                    tmp_path):
    from klogs_desk.sandbox.server import SandboxServer
    from klogs_desk.sandbox.state import SandboxConfig

    # A server of its own (not fresh_sandbox, which is shared and only reset between tests): it is stopped.
    doomed = SandboxServer(SandboxConfig(testing=True, hang_seconds=TEST_HANG_SECONDS)).start()
    with flow_on(doomed, qtbot, event_loop_qt, tmp_path / "journal-down.sqlite3") as flow:
        challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-DOWN-1", "15.00")))
        doomed.stop()  # the gateway (and its bank page) goes away before the page is shown
        task = flow.start(challenge)
        qtbot.waitUntil(lambda: flow.dialog.close_button.isVisible(), timeout=15000)
        status = flow.dialog.status_label.text()
        assert "could not be loaded" in status and "Nothing was charged" in status
        assert not flow.dialog.cancel_button.isVisible()
        assert flow.dialog.view.objectName() == "threeDsView"
        qtbot.mouseClick(flow.dialog.close_button, Qt.MouseButton.LeftButton)
        outcome = flow.finish(task)
        assert outcome.state is OutcomeState.CANCELLED
        assert flow.services.journal.get(challenge.entry_id).state is EntryState.CANCELLED
        assert _open_dialogs() == []


def test_where_127_0_0_2_is_unavailable_the_bank_page_on_localhost_still_works(qtbot, event_loop_qt, tmp_path,
                                                                               monkeypatch):
    """The macOS fallback (sandbox/hosts.py): the bank's page on "localhost", the gateway on 127.0.0.1."""
    from klogs_desk.sandbox import hosts
    from klogs_desk.sandbox.server import SandboxServer
    from klogs_desk.sandbox.state import SandboxConfig

    monkeypatch.setattr(hosts, "ACS_ADDRESS", "192.0.2.1")  # cannot be bound here: nothing is sent to it
    with SandboxServer(SandboxConfig(testing=True)) as server, \
            flow_on(server, qtbot, event_loop_qt, tmp_path / "journal-localhost.sqlite3") as flow:
        challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-LOCALHOST-1", "9.00")))
        task = flow.start(challenge)
        flow.wait_for_acs_page()
        assert flow.dialog.page.url().host() == "localhost"
        assert flow.dialog.host_label.text() == "localhost — training sandbox (not encrypted)"
        flow.click("approve")
        assert flow.finish(task).state is OutcomeState.APPROVED
        assert flow.services.journal.get(challenge.entry_id).state is EntryState.APPROVED


# --- the browser process (klogs_desk/ui/challenge_browser) -------------------------------------------------

def test_browser_process_dying_mid_challenge_is_explained_and_the_next_challenge_starts_a_new_one(flow, qtbot,
                                                                                                   sandbox):
    from klogs_desk.sandbox.ledger import ledger_of

    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-DIES-1", "9.00")))
    task = flow.start(challenge)
    flow.wait_for_acs_page()
    starts = remote.browser().starts
    remote.browser().kill()
    qtbot.waitUntil(lambda: flow.dialog.close_button.isVisible(), timeout=10000)
    status = flow.dialog.status_label.text()
    assert "The bank's page stopped working" in status and "Nothing was charged" in status
    _cancelled_by_close(flow, qtbot, task, challenge)
    assert ledger_of(sandbox.state).charges_for(challenge.order_id) == 0

    flow.dialog = None
    again = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-DIES-2", "9.00")))
    task = flow.start(again)
    flow.wait_for_acs_page()
    flow.click("approve")
    assert flow.finish(task).state is OutcomeState.APPROVED
    assert remote.browser().starts == starts + 1  # a new browser process, started by that challenge


def test_one_browser_process_serves_challenge_after_challenge(flow):
    remote.browser().start()
    starts = remote.browser().starts
    for n in (1, 2):
        flow.dialog = None
        challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, f"3DS-REUSE-{n}", f"4.0{n}")))
        task = flow.start(challenge)
        flow.wait_for_acs_page()
        flow.click("approve")
        assert flow.finish(task).state is OutcomeState.APPROVED
    assert remote.browser().starts == starts


def test_a_browser_that_cannot_start_is_explained_and_nothing_is_charged(flow, qtbot, monkeypatch, sandbox):
    from klogs_desk.sandbox.ledger import ledger_of
    from klogs_desk.ui.challenge_browser import protocol

    remote.browser().stop()
    qtbot.waitUntil(lambda: not remote.browser().running(), timeout=5000)
    monkeypatch.setattr(protocol, "command_line", lambda: [str(Path(__file__).parent / "no-such-browser")])
    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-NOBROWSER-1", "3.00")))
    task = flow.start(challenge)
    qtbot.waitUntil(lambda: flow.dialog.close_button.isVisible(), timeout=10000)
    status = flow.dialog.status_label.text()
    assert "this terminal's browser did not start" in status and "Nothing was charged" in status
    _cancelled_by_close(flow, qtbot, task, challenge)
    assert ledger_of(sandbox.state).charges_for(challenge.order_id) == 0


def test_closing_the_bank_pages_own_window_cancels(flow, qtbot):
    """Where the page is a window of its own (Windows, Wayland, macOS; offscreen here), the card holder
    closing it is a cancel: the dialog does not wait for a page no one can see. (The browser process
    says ``closed`` from its window's close event.)"""
    challenge = flow.run(flow.service.begin(_order(ENROLLED_CARD, "3DS-OWNCLOSE-1", "2.00")))
    task = flow.start(challenge)
    flow.wait_for_acs_page()
    remote.browser().event_received.emit({"event": "closed", "page": flow.dialog.page.number})
    outcome = flow.finish(task)
    assert outcome.state is OutcomeState.CANCELLED
    assert flow.services.journal.get(challenge.entry_id).state is EntryState.CANCELLED
    assert _open_dialogs() == []


def test_a_browser_that_fails_inside_its_start_is_not_waited_for(qtbot, event_loop_qt, monkeypatch):
    """On Windows a start that fails (CreateProcess) fails inside ``QProcess.start``, before anyone waits:
    the challenge is told at once, not after :data:`remote.READY_PATIENCE_S`."""
    browser = remote.BrowserProcess()
    monkeypatch.setattr(browser, "start", lambda: None)  # as if it had failed inside start()
    task = event_loop_qt.create_task(browser.ready())
    qtbot.waitUntil(task.done, timeout=3000)
    assert task.result() is False


def test_a_browser_that_never_gets_ready_is_stopped_and_the_next_challenge_starts_a_new_one(
        qtbot, event_loop_qt, monkeypatch):
    from klogs_desk.ui.challenge_browser import protocol

    monkeypatch.setattr(protocol, "command_line", lambda: [sys.executable, "-c", "import time; time.sleep(60)"])
    browser = remote.BrowserProcess()
    task = event_loop_qt.create_task(browser.ready(timeout=0.5))
    qtbot.waitUntil(task.done, timeout=5000)
    assert task.result() is False
    qtbot.waitUntil(lambda: not browser.running(), timeout=5000)  # killed, not left hanging
    task = event_loop_qt.create_task(browser.ready(timeout=0.5))
    qtbot.waitUntil(task.done, timeout=5000)
    assert browser.starts == 2
    browser.kill()


def test_a_browser_that_dies_before_it_is_ready_is_not_waited_for(qtbot, event_loop_qt, monkeypatch):
    from klogs_desk.ui.challenge_browser import protocol

    monkeypatch.setattr(protocol, "command_line", lambda: [sys.executable, "-c", "raise SystemExit(3)"])
    browser = remote.BrowserProcess()
    task = event_loop_qt.create_task(browser.ready())
    qtbot.waitUntil(task.done, timeout=5000)  # not READY_PATIENCE_S
    assert task.result() is False and not browser.running()
