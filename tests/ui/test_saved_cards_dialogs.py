"""The card-storage flow as a manager meets it: register an owner, wait while the customer saves a card on the
sandbox's page, see the wait end by itself when the signed webhook arrives, and find the card offered in the
subscription and payment-order dialogs; an unknown card ID is shown at the field. Real sandbox over loopback,
the terminal's own listener and saved-card store; nothing of the card but brand, last four and expiry kept."""

from __future__ import annotations

import re

import httpx
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication

from klogs_desk.api.models.recurring import RegisteredPaymentStatus
from klogs_desk.callbacks import CallbackListener, WebhookVerifier
from klogs_desk.domain.journal import Journal
from klogs_desk.domain.payment_orders import PaymentOrderBook
from klogs_desk.domain.saved_cards import SavedCardBook
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig
from klogs_desk.services.context import AppServices
from klogs_desk.services.saved_cards import SavedCardsService
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.subscriptions_tab import SubscriptionsTab
from tests.conftest import TEST_HANG_SECONDS, make_client

MASTERCARD = "5555555555554444"
_PHONES = iter(range(2000, 9000))


def unique_phone() -> str:
    return f"+90532{next(_PHONES):07d}"


@pytest.fixture
def terminal(qtbot, event_loop_qt, tmp_path):
    """The Subscriptions tab wired as composition.py wires it: listener + verifier + saved-card service, and a
    sandbox whose merchant webhook is that listener."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    listener = CallbackListener()
    started = event_loop_qt.create_task(listener.start())
    qtbot.waitUntil(started.done, timeout=10_000)
    server = SandboxServer(SandboxConfig(testing=True, hang_seconds=TEST_HANG_SECONDS, rate_limit_per_minute=100_000,
                                         webhook_url=listener.webhook_url))
    server.start()
    services = AppServices(client=make_client(server, timeout=10.0), journal=Journal(tmp_path / "journal.sqlite3"),
                           audit=AuditRecords())
    saved_cards = SavedCardsService(services, SavedCardBook(tmp_path / "saved-cards.sqlite3"))
    listener.set_webhook_handler(WebhookVerifier(saved_cards.credentials).verify)
    listener.on_webhook.append(saved_cards.receive)
    tab = SubscriptionsTab(services, payment_orders=PaymentOrderBook(tmp_path / "payment-orders.sqlite3"),
                           saved_cards=saved_cards)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.loaded and not tab.model.loading, timeout=10_000)
    yield tab, server, saved_cards
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    stopped = event_loop_qt.create_task(listener.stop())
    qtbot.waitUntil(stopped.done, timeout=10_000)
    closed = event_loop_qt.create_task(services.client.aclose())
    qtbot.waitUntil(closed.done, timeout=10_000)
    server.stop()


class AuditRecords(list):
    """An audit recorder keeping what it is given."""

    def record(self, action, *, operator=None, approver=None, details=None):  # type: ignore[no-untyped-def]
        self.append((action, operator, dict(details or {})))


def customer_saves_card(url: str, pan: str = MASTERCARD) -> None:
    """The customer on the hosted page (their own browser: a plain HTTP client here)."""
    with httpx.Client(timeout=10) as browser:
        page = browser.get(url)
        action = re.search(r"action='([^']+)'", page.text).group(1)
        answer = browser.post(url.split("/card-storage/")[0] + action,
                              data={"cardHolderName": "Jane Smith", "pan": pan, "expiry": "11/31", "cvv": "321"})
    assert answer.status_code == 200 and "Card saved" in answer.text


def register_owner(qtbot, tab, phone):
    dialog = tab.open_owner_dialog()
    dialog.fields["phone"].setText(phone)
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    return dialog


def test_owner_dialog_waits_for_the_card_and_the_card_is_offered_afterwards(qtbot, terminal):
    tab, server, saved_cards = terminal
    phone = unique_phone()
    dialog = register_owner(qtbot, tab, phone)

    # Waiting, with the customer's link to copy, open or scan (training: the sandbox gives it).
    assert dialog.waiting.isVisible() and dialog.waiting_for_card
    assert dialog.waiting_status.text() == "Waiting for the card to be saved…"
    link = dialog.link.text()
    assert link.startswith(server.url + "/card-storage/")
    assert dialog.qr.payload() == link and dialog.stop_button.isVisible()
    dialog.copy_link()
    assert QGuiApplication.clipboard().text() == link
    opened = []
    dialog.open_url = opened.append
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert [url.toString() for url in opened] == [link]

    # The customer saves a card; the signed webhook reaches the terminal and the wait ends by itself.
    with qtbot.waitSignal(dialog.card_saved, timeout=10_000) as saved:
        customer_saves_card(link)
    card = saved.args[0]
    assert (card.brand, card.last_four, card.expiry_text, card.phone) == ("Mastercard", "4444", "11/31", phone)
    assert "Mastercard •••• 4444" in dialog.waiting_status.text()
    assert not dialog.waiting_for_card and not dialog.stop_button.isVisible() and not dialog.link_row.isVisible()
    assert ("card.saved", "gateway", {"card_id": card.card_id, "owner_id": card.owner_id, "brand": "Mastercard",
                                      "last_four": "4444"}) in tab.services.audit
    dialog.close()

    # Offered in the subscription dialog: choosing it fills the owner's phone; the subscription is active.
    create = tab.open_create_dialog()
    field = create.fields["ownerDescription.cardId"]
    assert [c.card_id for c in field.cards()] == [card.card_id]
    assert "Mastercard •••• 4444, expires 11/31" in field.itemText(0)
    field.choose(card.card_id)
    assert create.fields["ownerDescription.phone"].text() == phone
    create.fields["reference"].setText(f"UI-SAVED-{card.card_id[:8]}")
    create.fields["amount"].setText("49.90")
    create.fields["ownerDescription.fullName"].setText("Jane Smith")
    with qtbot.waitSignal(create.succeeded, timeout=10_000) as result:
        qtbot.mouseClick(create.send_button, Qt.MouseButton.LeftButton)
    assert result.args[0].order_status is RegisteredPaymentStatus.ACTIVE
    create.close()

    # And in the payment-order dialog.
    order = tab.open_payment_order_dialog()
    assert [c.card_id for c in order.fields["ownerDescription.cardId"].cards()] == [card.card_id]
    order.close()

    # Only masked facts reached the terminal's store.
    data = saved_cards.book.path.read_bytes()
    assert MASTERCARD.encode() not in data and b"555555" not in data


def test_an_unknown_card_id_is_shown_at_the_card_field(qtbot, terminal):
    tab, _server, _saved = terminal
    phone = unique_phone()
    register_owner(qtbot, tab, phone).close()
    dialog = tab.open_payment_order_dialog()
    dialog.fields["reference"].setText("UI-UNKNOWN-CARD")
    dialog.fields["amount"].setText("10.00")
    dialog.fields["ownerDescription.fullName"].setText("Jane Smith")
    dialog.fields["ownerDescription.phone"].setText(phone)
    dialog.fields["ownerDescription.cardId"].setText("9b2f4c1e-8d7a-4e3b-a1c2-d3e4f5a6b7c8")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.field_error("ownerDescription.cardId") != "", timeout=10_000)
    assert "no saved card with this ID" in dialog.field_error("ownerDescription.cardId")
    assert dialog.result is None


def test_stop_waiting_ends_the_wait_but_the_card_is_still_kept(qtbot, terminal):
    tab, _server, saved_cards = terminal
    phone = unique_phone()
    dialog = register_owner(qtbot, tab, phone)
    link = dialog.link.text()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert not dialog.waiting_for_card
    assert dialog.waiting_status.text().startswith("Stopped waiting")
    with qtbot.waitSignal(saved_cards.card_saved, timeout=10_000):
        customer_saves_card(link)
    assert dialog.saved_card is None
    assert [card.phone for card in saved_cards.cards()] == [phone]


# --- the whole terminal in training mode (composition.py's wiring, the embedded sandbox) ---------------------


@pytest.fixture
def built_in_sandbox():
    from klogs_desk.environments import EmbeddedSandbox

    sandbox = EmbeddedSandbox().start_in_background()
    yield sandbox
    sandbox.stop()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_training_terminal_hears_of_saved_cards_and_waiting_subscriptions_move_on_by_themselves(
        qtbot, tmp_path, built_in_sandbox, memory_keyring, event_loop_qt):
    from klogs_desk.api.client import Endpoints, KlogsClient
    from klogs_desk.composition import build_terminal
    from klogs_desk.config import Config
    from klogs_desk.credentials import CredentialStore
    from klogs_desk.sandbox.card_storage import CARD_NOT_SAVED_ID
    from klogs_desk.ui.subscriptions_model import REFERENCE, STATUS
    from tests.conftest import SANDBOX_CREDENTIALS

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    url = built_in_sandbox.reserve()
    config = Config(tmp_path / "settings.ini")
    port = free_port()
    config.webhook_port = port  # as a shop publishing the webhook behind its reverse proxy would
    services = AppServices(client=KlogsClient(Endpoints.same(url), SANDBOX_CREDENTIALS),
                           journal=Journal(tmp_path / "journal.sqlite3"), environment="sandbox", sandbox_url=url)
    terminal = build_terminal(services, config=config, credentials=CredentialStore(), sandbox=built_in_sandbox)
    window, tab = terminal.window, terminal.tabs.subscriptions
    window.show()
    qtbot.waitExposed(window)
    # The runtime starts the listener at once and tells the embedded sandbox where the webhook is.
    qtbot.waitUntil(lambda: built_in_sandbox.webhook_url == f"http://127.0.0.1:{port}/webhooks", timeout=10_000)
    window.show_page(tab)
    qtbot.waitUntil(lambda: tab.model.loaded and not tab.model.loading, timeout=30_000)  # a process of its own, slow on a busy machine

    phone = unique_phone()
    reference = "UI-TRAINING-WAITS-FOR-CARD"
    create = tab.open_create_dialog()
    create.fields["reference"].setText(reference)
    create.fields["amount"].setText("120.00")
    create.fields["ownerDescription.fullName"].setText("Ayse Yilmaz")
    create.fields["ownerDescription.phone"].setText(phone)
    create.fields["ownerDescription.cardId"].setText(str(CARD_NOT_SAVED_ID))
    with qtbot.waitSignal(create.succeeded, timeout=10_000) as created:
        qtbot.mouseClick(create.send_button, Qt.MouseButton.LeftButton)
    assert created.args[0].order_status is RegisteredPaymentStatus.WAIT_FOR_CARD_SAVE
    create.close()

    def row_status() -> str | None:
        for row in range(tab.model.rowCount()):
            if tab.model.index(row, REFERENCE).data() == reference:
                return tab.model.index(row, STATUS).data()
        return None

    qtbot.waitUntil(lambda: row_status() == "Awaiting card save", timeout=10_000)

    order = tab.open_payment_order_dialog()
    order.fields["reference"].setText("UI-TRAINING-ORDER-WAITS")
    order.fields["amount"].setText("35.00")
    order.fields["ownerDescription.fullName"].setText("Ayse Yilmaz")
    order.fields["ownerDescription.phone"].setText(phone)
    order.fields["ownerDescription.cardId"].setText(str(CARD_NOT_SAVED_ID))
    with qtbot.waitSignal(order.succeeded, timeout=10_000):
        qtbot.mouseClick(order.send_button, Qt.MouseButton.LeftButton)
    order.close()

    def order_status() -> str:
        return tab.orders.item(0, 3).text()

    assert tab.orders.item(0, 0).text() == "UI-TRAINING-ORDER-WAITS" and order_status() == "Awaiting card save"

    dialog = register_owner(qtbot, tab, phone)
    with qtbot.waitSignal(dialog.card_saved, timeout=10_000):
        customer_saves_card(dialog.link.text())
    # No manual refresh: the saved card moved the subscription on and the tab asked for the list again.
    qtbot.waitUntil(lambda: row_status() == "Active", timeout=10_000)
    assert order_status() == "Active"  # the terminal's own record of the order, as far as known
    assert (tmp_path / "saved-cards.sqlite3").exists()
    assert [card.phone for card in terminal.saved_cards.cards()] == [phone]
    dialog.close()
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    stopped = event_loop_qt.create_task(terminal.runtime.stop())
    qtbot.waitUntil(stopped.done, timeout=20_000)
