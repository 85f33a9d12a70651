"""The terminal's main window: the tabs, the environment marker, gateway health, menus.

Layout, top to bottom: a training banner (only on the sandbox), the tabs (Sale, Pre-authorization,
Installments, Checkout links, Subscriptions, Journal — Ctrl+1..Ctrl+6 or Alt+underlined letter), and a
status bar with ``environmentLabel`` (SANDBOX / TEST / PRODUCTION, production in red) and
``gatewayHealthLabel`` (when the gateway last answered). Once the window is first shown, one quiet lookup
of an order ID nobody used (:meth:`MainWindow.check_gateway_health`) tells the label whether the gateway
answers before the first payment: a 404 is an answer; no answer shows "no answer", never a dialog.

The window does not build its tabs: the composition root (:mod:`klogs_desk.composition`) builds each
tab with its dependencies and hands them over as :class:`TabPage` s, in the order shown.

When Settings are saved, :meth:`MainWindow.apply_settings` builds a new client for the chosen
environment, puts it in ``services.client`` (tabs read it at send time) and closes the old one in the
background. ``client_replaced`` is emitted afterwards, ``environment_changed`` when the environment
itself changed.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from dataclasses import dataclass
from typing import Protocol, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from ..api.client import ClearTextRefused, KlogsClient
from ..api.errors import KlogsError
from ..config import Config
from ..credentials import CredentialStore, CredentialStoreUnavailable
from ..environments import EmbeddedSandbox, build_client
from ..services.context import AppServices
from . import theme
from .async_runner import RUNNER, run_query
from .clear_text import insecure_url_message, insecure_url_title
from .lock_screen import IdleLock
from .messages import render

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TabSpec:
    key: str
    #: Tab text; ``&`` marks the Alt+letter mnemonic.
    title: str

    @property
    def plain_title(self) -> str:
        return self.shown_title.replace("&", "")

    @property
    def shown_title(self) -> str:
        """The title in the installed language."""
        return QCoreApplication.translate("MainWindow", self.title)


SALE_TAB = TabSpec("sale", QT_TRANSLATE_NOOP("MainWindow", "&Sale"))
PREAUTH_TAB = TabSpec("preauth", QT_TRANSLATE_NOOP("MainWindow", "&Pre-authorization"))
INSTALLMENTS_TAB = TabSpec("installments", QT_TRANSLATE_NOOP("MainWindow", "&Installments"))
CHECKOUT_TAB = TabSpec("checkout", QT_TRANSLATE_NOOP("MainWindow", "&Checkout links"))
SUBSCRIPTIONS_TAB = TabSpec("subscriptions", QT_TRANSLATE_NOOP("MainWindow", "S&ubscriptions"))
JOURNAL_TAB = TabSpec("journal", QT_TRANSLATE_NOOP("MainWindow", "&Journal"))


@dataclass(frozen=True)
class TabPage:
    """One built tab as the window shows it."""

    spec: TabSpec
    widget: QWidget
    #: Gets the focus when the tab is shown (``None``: leave the focus alone).
    first_field: QWidget | None = None


class CardDataHolder(Protocol):
    """A widget that holds card data and wipes it after the Settings' "clear card data after" seconds."""

    def set_idle_seconds(self, seconds: float) -> None: ...


#: An answer within this many seconds counts as "answered recently".
RECENT_ANSWER_SECONDS = 120


class MainWindow(QMainWindow):
    """The terminal, showing ``pages`` (built by :mod:`klogs_desk.composition`). ``card_data_holders`` get
    the Settings' card-clear seconds now and after every save. ``sandbox_url`` is an already running
    sandbox (``--sandbox-url``); otherwise the ``sandbox`` is started on demand whenever the sandbox
    environment is chosen."""

    environment_changed = Signal(str)
    client_replaced = Signal(object)
    _health_seen = Signal(bool)

    def __init__(self, services: AppServices, pages: Sequence[TabPage], *, config: Config,
                 credentials: CredentialStore, card_data_holders: Sequence[CardDataHolder] = (),
                 sandbox: EmbeddedSandbox | None = None, sandbox_url: str | None = None,
                 log_file: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services = services
        self.config = config
        self.credentials = credentials
        self.sandbox = sandbox or EmbeddedSandbox()
        self.sandbox_url_override = sandbox_url
        self.log_file = log_file
        self.pages = tuple(pages)
        self.card_data_holders = tuple(card_data_holders)
        self._last_failure_at: float | None = None
        self._health_checked = False
        self.health_check_task: asyncio.Task[None] | None = None
        self.setWindowTitle("klogs-desk")
        self.resize(1100, 760)

        self.training_banner = QLabel(self.tr(
            "TRAINING MODE — this terminal talks to the built-in sandbox gateway. No real money moves. "
            "Press F1 for the test cards."))
        self.training_banner.setObjectName("trainingBanner")
        self.training_banner.setAccessibleName(self.tr("Training mode"))
        self.training_banner.setWordWrap(True)
        self.training_banner.setStyleSheet(theme.TRAINING_BANNER_STYLE)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName(self.tr("Terminal functions"))
        self.tabs.setDocumentMode(True)
        for page in self.pages:
            if not page.widget.accessibleName():
                page.widget.setAccessibleName(page.spec.plain_title)
            self.tabs.addTab(page.widget, page.spec.shown_title)
        self.apply_card_clear_seconds()

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.training_banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.environment_label = QLabel()
        self.environment_label.setObjectName("environmentLabel")
        self.health_label = QLabel()
        self.health_label.setObjectName("gatewayHealthLabel")
        self.health_label.setAccessibleName(self.tr("Gateway status"))
        self.statusBar().setObjectName("statusBar")
        self.statusBar().addPermanentWidget(self.health_label)
        self.statusBar().addPermanentWidget(self.environment_label)

        self._build_menus()
        for index in range(len(self.pages)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.tabs.setCurrentIndex(i))
        self.tabs.currentChanged.connect(self.focus_first_field)

        self._health_seen.connect(self._on_health)
        # One bound callable, so the same object can be removed from the old client's listeners.
        self._health_listener = self._health_seen.emit
        self._health_timer = QTimer(self)
        self._health_timer.setInterval(5000)
        self._health_timer.timeout.connect(self._refresh_health)
        self._health_timer.start()
        self._watch(services.client)
        self._show_environment()
        # The screen locks after the configured idle minutes until the manager PIN is entered.
        self.idle_lock = IdleLock(self, config)

    # --- menus ----------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("quitAction")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        help_menu = self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.test_cards_action = QAction(self.tr("&Test cards"), self)
        self.test_cards_action.setObjectName("testCardsAction")
        self.test_cards_action.setShortcut(QKeySequence("F1"))
        self.test_cards_action.triggered.connect(self.show_test_cards)
        help_menu.addAction(self.test_cards_action)
        self.about_action = QAction(self.tr("&About klogs-desk"), self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def show_about(self) -> None:
        from .about_dialog import AboutDialog

        self.about_dialog = AboutDialog(self)
        self.about_dialog.open()

    def show_test_cards(self) -> None:
        if not self.training:
            return  # real gateways: the sandbox's cards mean nothing there
        from .about_dialog import TestCardsDialog

        self.test_cards_dialog = TestCardsDialog(self)
        self.test_cards_dialog.open()

    # --- environment ----------------------------------------------------------------------------

    @property
    def training(self) -> bool:
        return self.services.environment == "sandbox"

    def _show_environment(self) -> None:
        environment = self.services.environment
        style = theme.environment_style(environment)
        text = QCoreApplication.translate("Theme", style.text)
        description = QCoreApplication.translate("Theme", style.description)
        self.environment_label.setText(text)
        self.environment_label.setToolTip(description)
        self.environment_label.setAccessibleName(self.tr("Environment: {name}").format(name=text))
        self.environment_label.setAccessibleDescription(description)
        self.environment_label.setStyleSheet(theme.environment_label_sheet(environment))
        self.training_banner.setVisible(self.training)
        self.test_cards_action.setVisible(self.training)
        self.test_cards_action.setEnabled(self.training)
        self.setWindowTitle("klogs-desk — " + text)
        self._refresh_health()

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self.config, self.credentials, sandbox_url=self._sandbox_url,
                                              parent=self)
        self.settings_dialog.accepted.connect(self.apply_settings)
        self.settings_dialog.open()

    def _sandbox_url(self) -> str:
        return self.sandbox_url_override or self.sandbox.url()

    def apply_settings(self) -> None:
        """Rebuild the client from the saved settings and credentials; close the old one."""
        self.apply_card_clear_seconds()
        environment = self.config.environment
        try:
            credentials = self.credentials.load(environment)
        except CredentialStoreUnavailable as exc:
            self.tell(self.tr("Credentials not available"), render(exc.msg))
            return
        sandbox_url = self._sandbox_url() if environment == "sandbox" else None
        try:
            new_client = build_client(self.config, environment, credentials, sandbox_url)
        except ClearTextRefused as refused:  # the old client stays; nothing was sent to that address
            self.tell(insecure_url_title(), insecure_url_message(refused))
            return
        self.replace_client(new_client, environment, sandbox_url)

    def apply_card_clear_seconds(self) -> None:
        """Give every card data holder the Settings' "clear card data after" seconds."""
        seconds = self.config.card_clear_seconds
        for holder in self.card_data_holders:
            holder.set_idle_seconds(seconds)

    def replace_client(self, client: KlogsClient, environment: str, sandbox_url: str | None) -> None:
        old = self.services.client
        changed = environment != self.services.environment
        self.services.client = client
        self.services.environment = environment
        self.services.sandbox_url = sandbox_url
        self.services.merchant_line = self.config.merchant_line
        self._unwatch(old)
        self._watch(client)
        self._last_failure_at = None
        if old is not client:
            run_query(None, old.aclose(), busy_cursor=False)
        log.info("client replaced for environment %s", environment)
        self._show_environment()
        self.client_replaced.emit(client)
        if changed:
            self.environment_changed.emit(environment)

    # --- gateway health -------------------------------------------------------------------------

    def _watch(self, client: KlogsClient) -> None:
        client.health_listeners.append(self._health_listener)

    def _unwatch(self, client: KlogsClient) -> None:
        try:
            client.health_listeners.remove(self._health_listener)
        except ValueError:
            pass

    def _on_health(self, ok: bool) -> None:
        if not ok:
            self._last_failure_at = time.monotonic()
        self._refresh_health()

    def check_gateway_health(self) -> "asyncio.Task[None] | None":
        """Ask the gateway about an order ID nobody used (``GET /api/trx/health-<random>``), quietly, so the
        status bar knows before the first payment whether the gateway answers. Safe: a lookup never
        charges. Any answer (the expected 404 included) counts through the client's health listeners; no
        answer makes the label say so and nothing else (no dialog). Returns the task, or ``None`` when no
        asyncio loop runs (a bare widget).

        Not a :func:`run_task`: that would count as "a request in progress" and make quitting ask the
        cashier about a request that moves no money. The task is kept here; the app's shutdown cancels it.
        """
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return None
        self.health_check_task = loop.create_task(self._quiet_lookup(self.services.client))
        return self.health_check_task

    @staticmethod
    async def _quiet_lookup(client: KlogsClient) -> None:
        try:
            await client.get_transaction(f"health-{uuid.uuid4().hex}")
        except KlogsError:
            pass  # the expected 404, or no answer: the client's health listeners already told the label
        except Exception as exc:  # a bug: reported once like any other
            RUNNER.report_bug(exc)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt)
        super().showEvent(event)
        if not self._health_checked:  # once: not again after every restore from the task bar
            self._health_checked = True
            QTimer.singleShot(0, self.check_gateway_health)  # after the first paint
            QTimer.singleShot(0, self, lambda: self.focus_first_field(self.tabs.currentIndex()))

    def show_page(self, widget: QWidget) -> None:
        """Bring one of the window's tabs to the front (its first field gets the focus)."""
        self.tabs.setCurrentWidget(widget)

    def focus_first_field(self, index: int) -> None:
        """Put the cursor in tab ``index``'s first field (its :attr:`TabPage.first_field`), so a cashier who
        switched with Ctrl+1..6, Alt+letter or a click can type at once."""
        if not 0 <= index < len(self.pages):
            return
        field = self.pages[index].first_field
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refresh_health(self) -> None:
        answered = self.services.client.last_answer_at
        failed = self._last_failure_at
        now = time.monotonic()
        colours = theme.text_colours(self.palette())  # a shade readable on this theme's status bar
        if failed is not None and (answered is None or failed > answered):
            text, colour = self.tr("Gateway: no answer"), colours.error
        elif answered is not None and now - answered <= RECENT_ANSWER_SECONDS:
            text, colour = self.tr("Gateway: answered {ago}").format(ago=_ago(now - answered)), colours.ok
        elif answered is not None:
            text, colour = (self.tr("Gateway: last answer {ago}").format(ago=_ago(now - answered)),
                            colours.muted)
        else:
            text, colour = self.tr("Gateway: not contacted yet"), colours.muted
        self.health_label.setText(text)
        self.health_label.setStyleSheet(f"QLabel#gatewayHealthLabel {{ color: {colour}; padding: 0 8px; }}")

    # --- dialogs tests can replace --------------------------------------------------------------

    def tell(self, title: str, message: str) -> None:
        """A non-blocking information dialog (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("mainWindowMessage")
        box.open()

    def confirm(self, title: str, question: str) -> bool:
        """A yes/no question (tests replace this)."""
        answer = QMessageBox.question(self, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt)
        if RUNNER.operations_running and not self.confirm(
                self.tr("Requests in progress"),
                self.tr("A request to the gateway is still in progress. If you quit now its outcome will be "
                        "recorded as unknown and must be checked later.\n\nQuit anyway?")):
            event.ignore()
            return
        self._health_timer.stop()
        self._unwatch(self.services.client)
        event.accept()


def _ago(seconds: float) -> str:
    translate = QCoreApplication.translate
    if seconds < 5:
        return translate("MainWindow", "just now")
    if seconds < 120:
        return translate("MainWindow", "{seconds} s ago").format(seconds=int(seconds))
    return translate("MainWindow", "{minutes} min ago").format(minutes=int(seconds // 60))


__all__: list[str] = ["MainWindow", "TabPage", "TabSpec"]
