"""The Checkout links tab with real widgets against the real sandbox over loopback.

The customer is played by httpx: it opens the link's hosted page and submits its card form, exactly as a
browser would (tests/test_services_checkout.py ``pay_on_hosted_page``). The tab finds out by itself
through its polling (short pauses here).
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import httpx
import pytest
import segno
from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QColor, QGuiApplication

from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.services.checkout import CheckoutOrder, CheckoutService
from klogs_desk.services.context import AppServices
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.checkout_tab import CheckoutTab
from klogs_desk.ui.qr_widget import QUIET_ZONE_MODULES
from tests.conftest import make_client
from tests.test_services_checkout import DECLINED_VISA, VISA, pay_on_hosted_page

FAST = lambda: itertools.repeat(0.05)  # noqa: E731 - the tab's polling pauses, shortened for tests
NEVER = lambda: iter([3600.0])  # noqa: E731 - polling that does not come back during a test


class Counter:
    def __init__(self) -> None:
        self.bugs: list[BaseException] = []


@pytest.fixture
def setup(qtbot, sandbox, event_loop_qt, tmp_path, monkeypatch):
    journal = Journal(tmp_path / "journal.sqlite3")
    client = make_client(sandbox, timeout=5.0)
    services = AppServices(client=client, journal=journal)
    counter = Counter()
    monkeypatch.setattr(RUNNER, "report_bug", counter.bugs.append)
    monkeypatch.setattr(RUNNER, "show_user_error", lambda *args: counter.bugs.append(AssertionError(args)))
    made: list[CheckoutTab] = []

    def make_tab(poll_delays=FAST, locale=QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)):
        # Pauses of 50 ms would spend the terminal's budget of 16 questions a minute in a second: none here
        # (the budget has its own test in test_services_checkout.py).
        tab = CheckoutTab(services, poll_delays=poll_delays, polls_per_minute=None)
        tab.setLocale(locale)
        tab.amount.setPlaceholderText(tab._amount_placeholder())
        qtbot.addWidget(tab)
        tab.resize(1100, 700)
        made.append(tab)
        return tab

    yield make_tab, services
    for tab in made:
        for task in list(tab._followers.values()):
            task.cancel()
    assert counter.bugs == []
    event_loop_qt.create_task(client.aclose())
    journal.close()


def create_link(qtbot, tab, amount="150.00", **fields):  # type: ignore[no-untyped-def]
    tab.amount.setText(amount)
    for name, value in fields.items():
        getattr(tab, name).setText(value)
    with qtbot.waitSignal(tab.link_created, timeout=10_000) as signal:
        qtbot.mouseClick(tab.create_button, Qt.MouseButton.LeftButton)
    return signal.args[0]


def test_created_link_is_shown_with_its_qr_and_listed_awaiting_payment(qtbot, setup, sandbox):
    make_tab, services = setup
    tab = make_tab(poll_delays=NEVER)
    order_id = tab.order_id.text()

    link = create_link(qtbot, tab, "1250.00", description="Blue kettle", customer_id="C-9")

    row = services.journal.find_payment("sandbox", EntryKind.CHECKOUT, order_id)
    assert row.state is EntryState.AWAITING_CUSTOMER and row.redirect_url == link.url
    assert tab.url.text() == row.redirect_url and tab.url.text().startswith(sandbox.url + "/checkout-link/")
    assert tab.url.isReadOnly()
    assert tab.qr.payload() == tab.url.text()
    assert tab.status_text(row.id) == "awaiting payment"
    assert tab.table.item(0, 0).text() == order_id and tab.table.item(0, 1).text() == "1,250.00 TRY"
    assert tab.order_id.text() != order_id  # the created link used the order ID up
    assert tab.copy_button.isEnabled() and tab.open_button.isEnabled()
    assert tab.following() == {row.id}


def test_link_paid_on_the_hosted_page_turns_paid_by_itself(qtbot, setup):
    make_tab, services = setup
    tab = make_tab()
    link = create_link(qtbot, tab, "320.40")

    with qtbot.waitSignal(tab.link_finished, timeout=15_000):
        assert pay_on_hosted_page(link.url, VISA) == "Payment approved"

    row = services.journal.get(link.entry_id)
    assert row.state is EntryState.APPROVED and row.payment_id and row.auth_code
    assert tab.status_text(link.entry_id) == "PAID"
    assert tab.result.isVisibleTo(tab) and tab.result.headline() == "APPROVED"
    assert tab.result.detail("Auth code") == row.auth_code
    assert tab.result.detail("Card").startswith("411111******1111")
    assert tab.result.detail("Amount") == "320.40 TRY"
    assert tab.qr.payload() == "" and "PAID" in tab.qr.empty_text  # a paid link is not offered for scanning
    qtbot.waitUntil(lambda: tab.following() == set(), timeout=2000)  # polling stopped at the final status


def test_declined_card_on_the_hosted_page_shows_failed(qtbot, setup):
    make_tab, services = setup
    tab = make_tab()
    link = create_link(qtbot, tab, "80.00")

    with qtbot.waitSignal(tab.link_finished, timeout=15_000):
        assert pay_on_hosted_page(link.url, DECLINED_VISA) == "Payment declined"

    assert tab.status_text(link.entry_id) == "FAILED"
    assert tab.result.headline() == "DECLINED"
    assert services.journal.get(link.entry_id).state is EntryState.DECLINED
    assert "used up" in tab.status.text()


def test_refresh_button_finds_the_payment_without_waiting_for_polling(qtbot, setup):
    make_tab, services = setup
    tab = make_tab(poll_delays=NEVER)
    link = create_link(qtbot, tab, "12.00")
    pay_on_hosted_page(link.url, VISA)
    assert tab.status_text(link.entry_id) == "awaiting payment"

    with qtbot.waitSignal(tab.link_finished, timeout=10_000):
        qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    assert tab.status_text(link.entry_id) == "PAID"


def test_open_links_from_an_earlier_run_are_followed_when_the_tab_opens(qtbot, setup, event_loop_qt):
    make_tab, services = setup
    task = event_loop_qt.create_task(CheckoutService(services).create(
        CheckoutOrder(order_id="KD-EARLIER-RUN-1", amount=Decimal("64.00"), currency="EUR")))
    qtbot.waitUntil(task.done, timeout=10_000)
    created = task.result()
    pay_on_hosted_page(created.link.url, VISA)

    tab = make_tab()
    assert tab.status_text(created.link.entry_id) == "awaiting payment"
    qtbot.waitUntil(lambda: tab.status_text(created.link.entry_id) == "PAID", timeout=10_000)
    assert services.journal.get(created.link.entry_id).state is EntryState.APPROVED


def test_qr_image_modules_are_exactly_the_symbol_of_the_url(qtbot, setup):
    make_tab, _ = setup
    tab = make_tab(poll_delays=NEVER)
    link = create_link(qtbot, tab, "99.99")
    expected = segno.make(link.url, micro=False)

    assert tab.qr.payload() == link.url
    assert tab.qr.module_count() == len(expected.matrix)
    read_back = [[tab.qr.module_at(r, c) for c in range(len(expected.matrix))] for r in range(len(expected.matrix))]
    assert read_back == [[bool(m) for m in row] for row in expected.matrix]
    image = tab.qr.image()
    assert image.width() >= 240 and image.width() == image.height()
    # The quiet zone (4 modules all round) is white.
    border = QUIET_ZONE_MODULES * tab.qr.module_pixels
    edge = [image.pixel(x, y) for x in range(image.width()) for y in (0, border - 1, image.height() - 1)]
    assert {QColor(p).name() for p in edge} == {"#ffffff"}
    # What is on the screen is that image, pixel for pixel (no scaling or smoothing).
    shown = tab.qr.grab().toImage()
    x0 = (tab.qr.width() - image.width()) // 2
    y0 = (tab.qr.height() - image.height()) // 2
    step = tab.qr.module_pixels
    for y in range(step // 2, image.height(), step):
        for x in range(step // 2, image.width(), step):
            assert QColor(shown.pixel(x0 + x, y0 + y)).name() == QColor(image.pixel(x, y)).name()


def test_invalid_inputs_are_marked_at_their_fields_and_nothing_is_sent(qtbot, setup, sandbox):
    make_tab, services = setup
    tab = make_tab()
    book = sandbox.state.extras.get("checkouts")
    links_before = len(book._by_order) if book is not None else 0
    tab.order_id.setText("bad id!")
    tab.amount.setText("12.345")
    tab.callback.setText("javascript:alert(1)")

    qtbot.mouseClick(tab.create_button, Qt.MouseButton.LeftButton)

    assert "letters, digits" in tab.error_text("order_id")
    assert tab.error_text("amount")
    assert "https://" in tab.error_text("callback")
    assert tab.message.text() == "Correct the marked fields. Nothing was sent."
    assert RUNNER.running == 0 and services.journal.count() == 0
    book = sandbox.state.extras.get("checkouts")
    assert (len(book._by_order) if book is not None else 0) == links_before

    tab.amount.setText("")
    tab.order_id.setText("KD-FINE-1")
    tab.callback.setText("")
    qtbot.mouseClick(tab.create_button, Qt.MouseButton.LeftButton)
    assert tab.error_text("amount") and not tab.error_text("order_id") and not tab.error_text("callback")
    assert services.journal.count() == 0


def test_turkish_amount_and_a_callback_reach_the_gateway_exactly(qtbot, setup):
    make_tab, services = setup
    tab = make_tab(poll_delays=NEVER, locale=QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey))
    tab.currency.setCurrentText("USD")
    tab.max_installments.setValue(6)
    link = create_link(qtbot, tab, "1.250,50", callback="https://shop.example/paid")
    assert services.journal.get(link.entry_id).amount == Decimal("1250.50")
    assert services.journal.get(link.entry_id).currency == "USD"
    with httpx.Client() as browser:
        page = browser.get(link.url).text
    assert "6 installments" in page  # the installment choice reached the hosted page


def test_copy_puts_exactly_the_url_on_the_clipboard_and_open_asks_the_browser(qtbot, setup, monkeypatch):
    make_tab, _ = setup
    tab = make_tab(poll_delays=NEVER)
    opened: list[QUrl] = []
    monkeypatch.setattr(tab, "open_url", opened.append)
    link = create_link(qtbot, tab)
    QGuiApplication.clipboard().setText("something else")

    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)

    assert QGuiApplication.clipboard().text() == link.url
    assert [u.toString() for u in opened] == [link.url]


def test_same_order_id_twice_shows_the_same_link_and_one_journal_row(qtbot, setup):
    make_tab, services = setup
    tab = make_tab(poll_delays=NEVER)
    order_id = tab.order_id.text()
    first = create_link(qtbot, tab, "45.00")
    tab.order_id.setText(order_id)
    second = create_link(qtbot, tab, "45.00")
    assert second.url == first.url and "already has this link" in tab.message.text()
    assert services.journal.count() == 1 and tab.table.rowCount() == 1


def test_selecting_an_older_link_shows_its_address_and_code(qtbot, setup):
    make_tab, _ = setup
    tab = make_tab(poll_delays=NEVER)
    older = create_link(qtbot, tab, "10.00")
    newer = create_link(qtbot, tab, "20.00")
    assert tab.url.text() == newer.url and tab.table.rowCount() == 2
    tab.table.selectRow(1)
    assert tab.url.text() == older.url and tab.qr.payload() == older.url


def test_lost_answer_keeps_the_order_and_create_again_brings_back_the_link(qtbot, fresh_sandbox, event_loop_qt,
                                                                           tmp_path, monkeypatch):
    monkeypatch.setattr(RUNNER, "show_user_error", lambda *args: pytest.fail(f"error dialog: {args}"))
    journal = Journal(tmp_path / "journal.sqlite3")
    client = make_client(fresh_sandbox, timeout=1.0)
    tab = CheckoutTab(AppServices(client=client, journal=journal), poll_delays=NEVER)
    tab.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    qtbot.addWidget(tab)
    order_id = tab.order_id.text()
    tab.amount.setText("70.00")
    with httpx.Client(base_url=fresh_sandbox.url) as admin:
        assert admin.post("/_sandbox/faults", json={"latencyMs": 2500}).status_code == 200
        with qtbot.waitSignal(tab.create_failed, timeout=10_000):
            qtbot.mouseClick(tab.create_button, Qt.MouseButton.LeftButton)
        assert admin.delete("/_sandbox/faults").status_code == 200

    entry_id = journal.find_payment("sandbox", EntryKind.CHECKOUT, order_id).id
    assert journal.get(entry_id).state is EntryState.UNKNOWN
    assert tab.status_text(entry_id) == "not known — create again"
    assert "answer was lost" in tab.message.text()
    assert tab.order_id.text() == order_id and tab.amount.text() == "70.00"  # kept for Create again
    assert not tab.url.text() and not tab.copy_button.isEnabled()

    with qtbot.waitSignal(tab.link_created, timeout=10_000) as created:
        qtbot.mouseClick(tab.create_button, Qt.MouseButton.LeftButton)
    assert created.args[0].entry_id == entry_id and journal.count() == 1
    assert tab.status_text(entry_id) == "awaiting payment" and tab.url.text() == created.args[0].url
    for task in list(tab._followers.values()):
        task.cancel()
    event_loop_qt.create_task(client.aclose())
    journal.close()
