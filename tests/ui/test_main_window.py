"""The main window: tabs in order, environment marker, training banner, menus, shortcuts, client swap;
plus the app's excepthook and a real start of ``klogs-desk`` in a subprocess."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
import textwrap
from contextlib import closing
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from klogs_desk import __version__
from klogs_desk.app import ExceptionReporter
from klogs_desk.composition import build_main_window, build_terminal
from klogs_desk.config import Config
from klogs_desk.credentials import CredentialStore
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.sandbox.test_cards import TEST_CARDS
from klogs_desk.services.context import AppServices
from klogs_desk.ui.about_dialog import AboutDialog, TestCardsDialog
from klogs_desk.ui.async_runner import RUNNER, run_operation, run_query
from klogs_desk.ui.main_window import MainWindow
from tests.conftest import make_client

EXPECTED_TABS = ["Sale", "Pre-authorization", "Installments", "Checkout links", "Subscriptions", "Journal"]


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    yield journal
    journal.close()


@pytest.fixture
def config(tmp_path):
    return Config(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot, sandbox, journal, config, memory_keyring, event_loop_qt):
    windows: list[MainWindow] = []

    def make(environment: str = "sandbox") -> MainWindow:
        services = AppServices(client=make_client(sandbox), journal=journal, environment=environment,
                               sandbox_url=sandbox.url if environment == "sandbox" else None)
        window = build_main_window(services, config=config, credentials=CredentialStore(), sandbox_url=sandbox.url)
        window.confirm = lambda title, question: True  # type: ignore[method-assign]
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    # Not qtbot.addWidget: pytest-qt would close the windows before this teardown, while a tab's
    # background request (a subscriptions page) may still be running against them.
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    for window in windows:
        window.close()
        window.deleteLater()
    qtbot.wait(10)


def test_closing_while_only_a_read_is_loading_asks_nothing_but_a_sale_in_flight_asks(qtbot, make_window):
    """A subscriptions page loading is a read: the window closes at once. A payment in flight is an
    operation: the cashier is asked, and "No" keeps the window open."""
    window = make_window()
    questions: list[str] = []
    window.confirm = lambda title, question: questions.append(question) or False  # type: ignore[method-assign]
    release = asyncio.Event()
    read = run_query(None, release.wait(), busy_cursor=False)
    assert window.close() is True  # closed without a question
    assert questions == []
    window.show()
    qtbot.waitExposed(window)
    payment = run_operation(None, release.wait(), busy_cursor=False)
    assert window.close() is False  # the cashier said No
    assert len(questions) == 1 and "outcome will be recorded as unknown" in questions[0]
    assert window.isVisible()
    release.set()
    qtbot.waitUntil(lambda: read.done() and payment.done() and RUNNER.running == 0)
    window.confirm = lambda title, question: True  # type: ignore[method-assign]


def _activate(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _background(label) -> QColor:  # type: ignore[no-untyped-def]
    image = label.grab().toImage()
    return image.pixelColor(2, image.height() // 2)


def test_tabs_are_in_order_and_none_is_empty(make_window):
    window = make_window()
    titles = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert titles == EXPECTED_TABS
    for index in range(window.tabs.count()):
        page = window.tabs.widget(index)
        assert page.findChildren(object), f"tab {titles[index]} is empty"


@pytest.mark.parametrize("environment, text, red_background", [
    ("sandbox", "SANDBOX", False),
    ("test", "TEST", False),
    ("production", "PRODUCTION — real cards are charged", True),
])
def test_environment_label_says_where_payments_go(make_window, environment, text, red_background):
    window = make_window(environment)
    label = window.environment_label
    assert label.objectName() == "environmentLabel"
    assert label.text() == text
    assert text in label.accessibleName()
    colour = _background(label)
    is_red = colour.red() > 150 and colour.green() < 80 and colour.blue() < 80
    assert is_red == red_background
    if environment == "production":
        assert label.font().bold() or "bold" in label.styleSheet()
        assert window.findChild(object, "environmentLabel").isVisible()


@pytest.mark.parametrize("environment, text, colour", [
    ("production", "PRODUCTION — real cards are charged", "#c62828"),
    ("test", "TEST environment — no real money", "#1565c0"),
])
def test_a_band_across_the_top_says_where_payments_go_outside_training(make_window, environment, text, colour):
    window = make_window(environment)
    band = window.environment_band
    assert band.objectName() == "environmentBand" and band.isVisible() and band.text() == text
    assert band.accessibleName() == text
    assert _background(band) == QColor(colour)
    top = band.mapTo(window, band.rect().topLeft()).y()
    assert top <= window.menuBar().height() + 1  # right under the menu bar, above the tabs
    assert band.geometry().bottom() < window.tabs.geometry().top()
    assert band.width() >= window.tabs.width()  # across the whole window
    assert not window.training_banner.isVisible()


def test_the_sandbox_keeps_its_yellow_training_band_and_no_environment_band(make_window, qtbot, config):
    window = make_window("sandbox")
    assert window.training_banner.isVisible() and not window.environment_band.isVisible()
    config.environment = "production"
    with qtbot.waitSignal(window.environment_changed):
        window.apply_settings()
    assert window.environment_band.isVisible() and not window.training_banner.isVisible()
    assert window.environment_band.text().startswith("PRODUCTION")


def test_training_banner_and_test_cards_only_on_the_sandbox(qtbot, make_window):
    training = make_window("sandbox")
    assert training.training_banner.isVisible()
    assert "TRAINING" in training.training_banner.text()
    _activate(qtbot, training)
    qtbot.keyClick(training.focusWidget() or training, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: isinstance(getattr(training, "test_cards_dialog", None), TestCardsDialog)
                    and training.test_cards_dialog.isVisible())
    table = training.test_cards_dialog.table
    assert table.rowCount() == len(TEST_CARDS)
    assert "4111 1111 1111 1111" in [table.item(r, 0).text() for r in range(table.rowCount())]
    training.test_cards_dialog.close()

    live = make_window("production")
    assert not live.training_banner.isVisible()
    assert not live.test_cards_action.isVisible()
    live.show_test_cards()
    assert getattr(live, "test_cards_dialog", None) is None


def test_about_shows_the_version(qtbot, make_window):
    window = make_window()
    window.about_action.trigger()
    qtbot.waitUntil(lambda: isinstance(getattr(window, "about_dialog", None), AboutDialog))
    text = window.about_dialog.findChild(object, "aboutText").text()
    assert __version__ in text
    window.about_dialog.close()


def test_ctrl_number_switches_tabs(qtbot, make_window):
    window = make_window()
    _activate(qtbot, window)
    for number in (3, 6, 1, 5):
        qtbot.keyClick(window.focusWidget() or window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == number - 1


def test_gateway_health_follows_answers(qtbot, make_window, sandbox):
    window = make_window()
    client = window.services.client
    task = run_query(None, client.get_transaction("health-check-missing"), on_error=lambda exc: None)
    qtbot.waitUntil(task.done)
    qtbot.waitUntil(lambda: "answered" in window.health_label.text())

    dead = make_client(sandbox)
    dead.endpoints = type(dead.endpoints).same("http://127.0.0.1:9")
    window.replace_client(dead, "sandbox", sandbox.url)
    task = run_query(None, dead.get_transaction("x"), on_error=lambda exc: None)
    qtbot.waitUntil(task.done, timeout=10_000)
    qtbot.waitUntil(lambda: window.health_label.text() == "Gateway: no answer")


def test_saving_settings_replaces_the_client_and_the_marker(qtbot, make_window, config, memory_keyring):
    window = make_window("sandbox")
    old = window.services.client
    config.environment = "production"
    with qtbot.waitSignal(window.environment_changed) as changed:
        window.apply_settings()
    assert changed.args == ["production"]
    assert window.services.client is not old
    assert window.services.environment == "production"
    assert window.services.client.endpoints.payment_base_url == "https://pgw.klogs.io/"
    assert window.environment_label.text().startswith("PRODUCTION")
    assert not window.training_banner.isVisible()
    qtbot.waitUntil(lambda: old._http.is_closed)


def test_settings_with_a_clear_text_url_keep_the_old_client_and_say_why(qtbot, make_window, config,
                                                                         memory_keyring):
    """A clear-text production URL (written by hand into the settings file) is refused when the client would
    be rebuilt: the cashier reads which address and that nothing was sent; the training client stays."""
    window = make_window("sandbox")
    old = window.services.client
    told: list[tuple[str, str]] = []
    window.tell = lambda title, message: told.append((title, message))  # type: ignore[method-assign]
    config.set_base_urls("production", "http://192.0.2.2:8443/", "")
    config.environment = "production"
    window.apply_settings()
    assert window.services.client is old and window.services.environment == "sandbox"
    assert told and told[0][0] == "Insecure gateway address"
    assert "http://192.0.2.2:8443/" in told[0][1] and "Nothing was sent" in told[0][1]


def test_excepthook_logs_and_shows_one_readable_dialog(tmp_path, caplog):
    reporter = ExceptionReporter(tmp_path / "klogs-desk.log")
    shown: list[str] = []

    def show(message: str) -> None:
        shown.append(message)
        # A second failure while the first dialog is open must not open another one.
        try:
            raise RuntimeError("again")
        except RuntimeError as exc:
            reporter(type(exc), exc, exc.__traceback__)

    reporter.show_dialog = show  # type: ignore[method-assign]
    with caplog.at_level(logging.ERROR):
        try:
            raise ValueError("boom")
        except ValueError as exc:
            reporter(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    assert "Something went wrong" in shown[0]
    assert str(tmp_path / "klogs-desk.log") in shown[0]
    assert "Traceback" not in shown[0] and "ValueError" not in shown[0]
    assert reporter.reported == 2
    assert any(record.exc_info or record.exc_text for record in caplog.records)


APP_SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    app = QApplication(sys.argv[:1])

    def check():
        windows = [w for w in app.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]
        if windows:
            window = windows[0]
            print("environment", window.environment_label.text())
            print("banner", window.training_banner.isVisible())
            print("payment url", window.services.client.endpoints.payment_base_url)
            print("webengine at show", "PySide6.QtWebEngineCore" in sys.modules)
            for box in window.findChildren(QMessageBox, "mainWindowMessage"):
                print("told", box.windowTitle(), "|", box.text())
            warmed()
        else:
            QTimer.singleShot(100, check)

    def warmed(waited=0):
        from klogs_desk.ui.challenge_browser import remote
        if remote.is_warm() or waited >= 100:
            print("browser process warmed", remote.is_warm())
            print("webengine in the terminal", "PySide6.QtWebEngineCore" in sys.modules)
            app.quit()
        else:
            QTimer.singleShot(100, lambda: warmed(waited + 1))

    QTimer.singleShot(100, check)
    from klogs_desk.app import main
    sys.exit(main([]))
""")


def test_klogs_desk_starts_in_training_mode_and_marks_interrupted_payments(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with closing(Journal(home / "journal.sqlite3")) as journal:
        entry = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference="KD-INTERRUPTED",
                                       amount=Decimal("10.00"), currency="TRY")
    env = dict(os.environ, KLOGS_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", APP_SCRIPT], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "environment SANDBOX" in result.stdout
    assert "banner True" in result.stdout
    assert "payment url http://127.0.0.1:" in result.stdout
    # The 3-D Secure browser's process starts in the background once the window shows; QtWebEngine is
    # never loaded in the terminal's own process.
    assert "webengine at show False" in result.stdout
    assert "browser process warmed True" in result.stdout
    assert "webengine in the terminal False" in result.stdout
    assert ("told Payments to check | Payments in progress when the terminal last stopped: 1. Their outcome is "
            "unknown: open the Journal tab") in result.stdout
    reopened = Journal(home / "journal.sqlite3")
    try:
        assert reopened.get(entry.id).state == EntryState.UNKNOWN
    finally:
        reopened.close()
    log_text = (home / "logs" / "klogs-desk.log").read_text(encoding="utf-8")
    assert "window shown" in log_text



def test_gateway_health_is_known_before_the_first_payment(qtbot, make_window, sandbox, monkeypatch):
    """One quiet lookup after the window shows: the label says the gateway answered, nothing is charged,
    no dialog, no busy cursor left behind."""
    from klogs_desk.sandbox.ledger import ledger_of

    shown: list[str] = []
    monkeypatch.setattr(RUNNER, "show_user_error", lambda parent, title, message: shown.append(message))
    monkeypatch.setattr(RUNNER, "report_bug", lambda exc: shown.append(repr(exc)))
    charges_before = dict(ledger_of(sandbox.state).charge_counts())
    window = make_window()

    qtbot.waitUntil(lambda: window.health_label.text() == "Gateway: answered just now", timeout=10_000)
    qtbot.waitUntil(lambda: window.health_check_task is not None and window.health_check_task.done(),
                    timeout=10_000)
    assert ledger_of(sandbox.state).charge_counts() == charges_before
    assert shown == []
    assert QApplication.overrideCursor() is None


def test_gateway_that_does_not_answer_shows_no_answer_without_a_dialog(qtbot, sandbox, journal, config,
                                                                       memory_keyring, event_loop_qt, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(RUNNER, "show_user_error", lambda parent, title, message: shown.append(message))
    monkeypatch.setattr(RUNNER, "report_bug", lambda exc: shown.append(repr(exc)))
    dead = make_client(sandbox)
    dead.endpoints = type(dead.endpoints).same("http://127.0.0.1:9")  # nothing listens on the discard port
    services = AppServices(client=dead, journal=journal, environment="sandbox", sandbox_url="http://127.0.0.1:9")
    window = build_main_window(services, config=config, credentials=CredentialStore(),
                               sandbox_url="http://127.0.0.1:9")
    window.confirm = lambda title, question: True  # type: ignore[method-assign]
    window.show()
    qtbot.waitExposed(window)
    try:
        qtbot.waitUntil(lambda: window.health_label.text() == "Gateway: no answer", timeout=10_000)
        qtbot.waitUntil(lambda: window.health_check_task is not None and window.health_check_task.done(),
                        timeout=10_000)
        assert shown == []
        assert window.isVisible()  # nothing modal, nothing closed
    finally:
        qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
        window.close()
        window.deleteLater()
        qtbot.wait(10)


def test_the_card_clear_setting_reaches_every_card_field_and_follows_a_change(qtbot, make_window, config):
    config.card_clear_seconds = 30
    window = make_window()
    sale = window.findChild(QWidget, "saleTab")
    preauth = window.findChild(QWidget, "preauthTab")
    installments = window.findChild(QWidget, "installmentsTab")
    assert (sale.form.idle_seconds, preauth.form.idle_seconds, installments.idle_seconds) == (30, 30, 30)
    qtbot.keyClicks(sale.form.pan, "4111111111111111")
    assert sale.form.idle_timer.isActive() and sale.form.idle_timer.interval() == 30_000

    config.card_clear_seconds = 10  # the manager shortens it in Settings
    window.apply_settings()
    assert (sale.form.idle_seconds, preauth.form.idle_seconds, installments.idle_seconds) == (10, 10, 10)
    qtbot.keyClicks(installments.pan, "4111")
    assert installments.pan_idle_timer.isActive() and installments.pan_idle_timer.interval() == 10_000


def test_every_automation_name_of_the_terminal_and_3ds_issues_is_in_the_window(make_window):
    window = make_window()
    names = ["saleAmount", "saleCurrency", "saleCardHolder", "salePan", "saleExpiry", "saleCvv", "saleOrderId",
             "salePay", "saleResult", "preauthCapture", "preauthList", "installmentsTable", "journalTable",
             "environmentLabel", "threeDsSwitch", "checkoutCreate", "checkoutUrl", "checkoutQr", "checkoutList"]
    missing = [name for name in names if len(window.findChildren(QWidget, name)) != 1]
    assert missing == []


def test_every_tab_prints_receipts_on_the_paper_chosen_in_the_terminals_settings(
        qtbot, sandbox, journal, config, memory_keyring, event_loop_qt):
    services = AppServices(client=make_client(sandbox), journal=journal, environment="sandbox",
                           sandbox_url=sandbox.url)
    terminal = build_terminal(services, config=config, credentials=CredentialStore(), sandbox_url=sandbox.url)
    tabs = terminal.tabs
    # One printer, built by the composition root on the terminal's own settings (not the default file).
    # (The Sale tab, built before the first frame, asks for it when it opens a receipt: its modules wait.)
    assert tabs.sale.receipts() is tabs.preauth.receipts is tabs.journal.receipts
    tabs.journal.receipts.paper = "a4"  # chosen in a receipt preview from the Journal
    assert Config(config.path).receipt_paper == "a4"
    assert tabs.sale.receipts().paper == "a4"
    qtbot.waitUntil(lambda: terminal.reconciler.running, timeout=10_000)
    stopping = event_loop_qt.create_task(terminal.runtime.stop())
    qtbot.waitUntil(stopping.done, timeout=20_000)
    terminal.window.deleteLater()
    qtbot.wait(10)


def test_the_composition_root_links_tabs_and_reconciler_through_signals_and_one_runtime_stops_them(
        qtbot, sandbox, journal, config, memory_keyring, event_loop_qt):
    services = AppServices(client=make_client(sandbox), journal=journal, environment="sandbox",
                           sandbox_url=sandbox.url)
    terminal = build_terminal(services, config=config, credentials=CredentialStore(), sandbox_url=sandbox.url)
    window, tabs = terminal.window, terminal.tabs
    assert [page.widget for page in window.pages] == [tabs.sale, tabs.preauth, tabs.installments, tabs.checkout,
                                                      tabs.subscriptions, tabs.journal]
    assert tabs.sale.three_d_secure is terminal.three_d_secure
    assert terminal.three_d_secure.listener is terminal.listener
    assert terminal.transaction_actions.reconciler is terminal.reconciler
    woken: list[str] = []
    terminal.reconciler.wake = lambda: woken.append("wake")  # type: ignore[method-assign]
    tabs.sale.payment_finished.emit(None)
    tabs.preauth.payment_finished.emit(None)
    window.environment_changed.emit("test")
    assert woken == ["wake"] * 3

    qtbot.waitUntil(lambda: terminal.reconciler.running, timeout=10_000)  # started once the loop turned
    stopping = event_loop_qt.create_task(terminal.runtime.stop())
    qtbot.waitUntil(stopping.done, timeout=20_000)
    assert not terminal.reconciler.running and not terminal.listener.running
    assert services.client._http.is_closed
    window.deleteLater()
    qtbot.wait(10)


def test_quitting_before_the_first_frame_stops_cleanly_without_the_pieces_built_after_it(
        qtbot, sandbox, journal, config, memory_keyring, event_loop_qt):
    """The reconciler and the saved cards are built right after the first frame: a quit (or a payment's
    wake-up of the reconciler) before then finds them absent and goes on."""
    services = AppServices(client=make_client(sandbox), journal=journal, environment="sandbox",
                           sandbox_url=sandbox.url)
    terminal = build_terminal(services, config=config, credentials=CredentialStore(), sandbox_url=sandbox.url,
                              after_first_frame=True)
    terminal.wake_reconciler()  # a payment ended before the reconciler exists: nothing to wake, no error
    assert terminal.runtime.reconciler is None
    stopping = event_loop_qt.create_task(terminal.runtime.stop())
    qtbot.waitUntil(stopping.done, timeout=20_000)
    assert stopping.exception() is None
    with pytest.raises(RuntimeError, match="first frame"):
        _ = terminal.saved_cards
    terminal.window.close()
    terminal.window.deleteLater()
    qtbot.wait(10)


def test_the_app_s_first_frame_has_the_sale_tab_and_the_other_five_follow_it_in_order_linked(
        qtbot, sandbox, journal, config, memory_keyring, event_loop_qt):
    """What the app does (``after_first_frame``): the window is shown with the Sale tab; the other tabs are
    built right after its first frame, in order, each with its links, the shortcuts and card-clear seconds
    (issue 19). Tests of the deferred build wait for ``Terminal.tabs_ready``."""
    config.card_clear_seconds = 42
    services = AppServices(client=make_client(sandbox), journal=journal, environment="sandbox",
                           sandbox_url=sandbox.url)
    terminal = build_terminal(services, config=config, credentials=CredentialStore(), sandbox_url=sandbox.url,
                              after_first_frame=True)
    window = terminal.window
    assert [page.spec.plain_title for page in window.pages] == ["Sale"]
    assert not terminal.ready
    with pytest.raises(RuntimeError, match="tabs_ready"):
        _ = terminal.tabs
    with pytest.raises(RuntimeError, match="first frame"):  # not even built, let alone started, before it
        _ = terminal.reconciler
    with qtbot.waitSignal(terminal.tabs_ready, timeout=20_000):
        window.show()
    tabs = terminal.tabs
    assert [page.widget for page in window.pages] == [tabs.sale, tabs.preauth, tabs.installments, tabs.checkout,
                                                      tabs.subscriptions, tabs.journal]
    assert [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())] == EXPECTED_TABS
    assert terminal.transaction_actions.reconciler is terminal.reconciler
    assert [holder.idle_seconds for holder in window.card_data_holders] == [42, 42, 42]
    _activate(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is tabs.journal

    woken: list[str] = []
    terminal.reconciler.wake = lambda: woken.append("wake")  # type: ignore[method-assign]
    tabs.sale.payment_finished.emit(None)
    tabs.preauth.payment_finished.emit(None)
    assert woken == ["wake"] * 2
    chosen: list[tuple] = []
    tabs.sale.choose_installment = lambda *args: chosen.append(args)  # type: ignore[method-assign]
    tabs.installments.installment_chosen.emit(3, True, Decimal("300.00"), "TRY")
    assert window.tabs.currentWidget() is tabs.sale and chosen[0][:4] == (3, True, Decimal("300.00"), "TRY")

    qtbot.waitUntil(lambda: terminal.reconciler.running, timeout=10_000)
    stopping = event_loop_qt.create_task(terminal.runtime.stop())
    qtbot.waitUntil(stopping.done, timeout=20_000)
    window.close()
    window.deleteLater()
    qtbot.wait(10)
