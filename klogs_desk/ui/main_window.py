"""The terminal's main window: the tabs, the environment marker, gateway health, menus.

Layout, top to bottom: the environment band (``environmentBand``: red "PRODUCTION — real cards are
charged" in production, blue "TEST environment — no real money" on the test gateway, none on the sandbox)
and the training banner (only on the sandbox), the tabs (Sale, Pre-authorization,
Installments, Checkout links, Subscriptions, Journal — Ctrl+1..Ctrl+6 or Alt+underlined letter), and a
status bar with ``operatorLabel`` (who is signed in, "training" for the Trainee), ``environmentLabel``
(SANDBOX / TEST / PRODUCTION, production in red) and ``gatewayHealthLabel`` (when the gateway last
answered). The sign-in screen (:mod:`klogs_desk.ui.lock_screen`) covers the window at start when nobody is
signed in, after the idle lock and on File ▸ Switch operator (Ctrl+Shift+O). Managers' menu entries
(Settings, Operators…) are disabled for a cashier, and say why if reached anyway; Close day… stays open to a
cashier (the day's figures are everyone's to read) and reads "Close day with a manager's PIN…": closing it
asks a manager's name and PIN on the spot. Once the window is first shown, one quiet lookup
of an order ID nobody used (:meth:`MainWindow.check_gateway_health`) tells the label whether the gateway
answers before the first payment: a 404 is an answer; no answer shows "no answer", never a dialog.

The window does not build its tabs: the composition root (:mod:`klogs_desk.composition`) builds each
tab with its dependencies and hands them over as :class:`TabPage` s, in the order shown: the Sale tab to
the constructor, the others to :meth:`MainWindow.add_pages` right after the first frame
(:attr:`MainWindow.first_frame_shown`).

When Settings are saved, :meth:`MainWindow.apply_settings` builds a new client for the chosen
environment, puts it in ``services.client`` (tabs read it at send time) and closes the old one in the
background. ``client_replaced`` is emitted afterwards, ``environment_changed`` when the environment
itself changed. At launch the client may come a moment after the window (built after the first frame,
:class:`~klogs_desk.services.context.AppServices`): the gateway-health label and its first check wait for
it.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Protocol, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from ..api.addresses import ClearTextRefused
from ..api.errors import KlogsError
from ..config import Config
from ..credentials import CredentialStore, CredentialStoreUnavailable
from ..domain.audit import Verification
from ..domain.operators import Operator, OperatorStore
from ..embedded_sandbox import EmbeddedSandbox
from ..frozen import Frozen, init
from ..messages import Message, msg
from ..services.audit import AuditTrail
from ..services.context import AppServices
from ..services.staff import Permission, StaffService
from . import event_loop, theme
from .async_runner import RUNNER, run_query
from .clear_text import insecure_url_message, insecure_url_title
from .lock_screen import START, SWITCH, IdleLock
from .messages import render
from .operators_text import operator_text

if TYPE_CHECKING:
    import asyncio

    from ..api.client import KlogsClient
    from ..domain.reports import Report
    from ..services.reports import ReportService

log = logging.getLogger(__name__)


class TabSpec(Frozen):
    """One of the window's six tabs: its key and title."""

    key: str
    #: Tab text; ``&`` marks the Alt+letter mnemonic.
    title: str

    __slots__ = ("key", "title")

    def __init__(self, key: str, title: str) -> None:
        init(self, key, title)

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


class TabPage(Frozen):
    """One built tab as the window shows it."""

    spec: TabSpec
    widget: QWidget
    #: Gets the focus when the tab is shown (``None``: leave the focus alone).
    first_field: QWidget | None

    __slots__ = ("spec", "widget", "first_field")

    def __init__(self, spec: TabSpec, widget: QWidget, first_field: QWidget | None = None) -> None:
        init(self, spec, widget, first_field)


class CardDataHolder(Protocol):
    """A widget that holds card data and wipes it after the Settings' "clear card data after" seconds."""

    def set_idle_seconds(self, seconds: float) -> None: ...


#: An answer within this many seconds counts as "answered recently".
RECENT_ANSWER_SECONDS = 120
#: How long a background notice (a payment settled by the lookup) stays in the status bar.
NOTICE_MILLISECONDS = 60_000


class MainWindow(QMainWindow):
    """The terminal, showing ``pages`` (built by :mod:`klogs_desk.composition`). ``card_data_holders`` get
    the Settings' card-clear seconds now and after every save. ``sandbox_url`` is an already running
    sandbox (``--sandbox-url``); otherwise the ``sandbox`` is started on demand whenever the sandbox
    environment is chosen."""

    environment_changed = Signal(str)
    client_replaced = Signal(object)
    #: The signed-in operator changed (an :class:`Operator`, or None while nobody is signed in).
    operator_changed = Signal(object)
    #: Once, right after the window's first frame (two turns of the event loop after it was first shown:
    #: the first paint is done). The composition root builds the tabs the first frame does not show then.
    first_frame_shown = Signal()
    _health_seen = Signal(bool)

    def __init__(self, services: AppServices, pages: Sequence[TabPage], *, config: Config,
                 credentials: CredentialStore, card_data_holders: Sequence[CardDataHolder] = (),
                 sandbox: EmbeddedSandbox | None = None, sandbox_url: str | None = None,
                 log_file: str | None = None, audit_trail: AuditTrail | None = None,
                 reports: ReportService | None = None, staff: StaffService | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services = services
        self.config = config
        #: Who is signed in (a window built without one gets an empty staff: training on the sandbox).
        self.staff = staff if staff is not None else StaffService(OperatorStore(":memory:"))
        self.credentials = credentials
        self.sandbox = sandbox or EmbeddedSandbox()
        self.sandbox_url_override = sandbox_url
        self.log_file = log_file
        #: The audit trail for the Audit trail view and the day's reports (``None``: those menus are absent).
        self.audit_trail = audit_trail
        #: Shift and day closes (``None``: no Close shift/day menu items).
        self.reports = reports
        #: The tabs shown so far, in order (:meth:`add_pages` adds the ones built after the first frame).
        self.pages: tuple[TabPage, ...] = ()
        self.card_data_holders: tuple[CardDataHolder, ...] = ()
        self._last_failure_at: float | None = None
        self._health_checked = False
        self.health_check_task: asyncio.Task[None] | None = None
        self.setWindowTitle("klogs-desk")
        self.resize(1100, 760)

        # Outside training, a band across the top says where payments go (theme.ENVIRONMENT_BANDS).
        self.environment_band = QLabel()
        self.environment_band.setObjectName("environmentBand")
        self.environment_band.setWordWrap(True)
        self.environment_band.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        for page in pages:
            self._insert_page(page)
        self.add_card_data_holders(card_data_holders)

        self.audit_notice = QLabel()
        self.audit_notice.setObjectName("auditBrokenNotice")
        self.audit_notice.setAccessibleName(self.tr("Audit trail warning"))
        self.audit_notice.setWordWrap(True)
        self.audit_notice.setStyleSheet(theme.AUDIT_BROKEN_STYLE)
        self.audit_notice.hide()

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.audit_notice)
        layout.addWidget(self.environment_band)
        layout.addWidget(self.training_banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.operator_label = QLabel()
        self.operator_label.setObjectName("operatorLabel")
        self.environment_label = QLabel()
        self.environment_label.setObjectName("environmentLabel")
        self.health_label = QLabel()
        self.health_label.setObjectName("gatewayHealthLabel")
        self.health_label.setAccessibleName(self.tr("Gateway status"))
        #: "shop database: N records waiting" (hidden without a shop database; see show_shop_status).
        self.shop_label = QLabel()
        self.shop_label.setObjectName("shopDatabaseLabel")
        self.shop_label.setAccessibleName(self.tr("Shop database status"))
        self.shop_label.hide()
        self.statusBar().setObjectName("statusBar")
        self.statusBar().addPermanentWidget(self.shop_label)
        self.statusBar().addPermanentWidget(self.health_label)
        self.statusBar().addPermanentWidget(self.environment_label)
        self.statusBar().addPermanentWidget(self.operator_label)

        self._build_menus()
        self.tabs.currentChanged.connect(self.focus_first_field)

        self._health_seen.connect(self._on_health)
        # One bound callable, so the same object can be removed from the old client's listeners.
        self._health_listener = self._health_seen.emit
        self._health_timer = QTimer(self)
        self._health_timer.setInterval(5000)
        self._health_timer.timeout.connect(self._refresh_health)
        self._health_timer.start()
        services.when_client_ready(self._watch)  # built right after the first frame (AppServices)
        self._show_environment()
        # The sign-in screen: after the configured idle minutes, on Switch operator, and now if nobody is
        # signed in (training mode starts as the Trainee).
        self.idle_lock = IdleLock(self, config, self.staff, environment=lambda: self.services.environment,
                                  watch_now=False)
        self.first_frame_shown.connect(self.idle_lock.watch_new_widgets)
        self.staff.listeners.append(self.operator_changed.emit)
        self.operator_changed.connect(self._show_operator)
        if self.staff.current is None:
            self.staff.start(services.environment)
        self._show_operator(self.staff.current)
        if self.staff.current is None:
            self.idle_lock.lock(START)

    # --- tabs -----------------------------------------------------------------------------------

    def add_pages(self, pages: Sequence[TabPage], card_data_holders: Sequence[CardDataHolder] = ()) -> None:
        """Show ``pages`` after the ones already shown, in order (the composition root builds the tabs the
        first frame does not show right after it). ``card_data_holders`` get the Settings' card-clear
        seconds now and after every save, like the constructor's."""
        for page in pages:
            self._insert_page(page)
        self.add_card_data_holders(card_data_holders)

    def add_card_data_holders(self, holders: Sequence[CardDataHolder]) -> None:
        self.card_data_holders += tuple(holders)
        seconds = self.config.card_clear_seconds
        for holder in holders:
            holder.set_idle_seconds(seconds)

    def _insert_page(self, page: TabPage) -> None:
        if not page.widget.accessibleName():
            page.widget.setAccessibleName(page.spec.plain_title)
        self.pages += (page,)
        index = self.tabs.addTab(page.widget, page.spec.shown_title)
        shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)  # Ctrl+1..Ctrl+6
        shortcut.activated.connect(lambda i=index: self.tabs.setCurrentIndex(i))

    # --- menus ----------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.switch_operator_action = QAction(self.tr("S&witch operator…"), self)
        self.switch_operator_action.setObjectName("switchOperatorAction")
        self.switch_operator_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.switch_operator_action.triggered.connect(self.switch_operator)
        file_menu.addAction(self.switch_operator_action)
        self.operators_action = QAction(self.tr("&Operators…"), self)
        self.operators_action.setObjectName("operatorsAction")
        self.operators_action.triggered.connect(self.open_operators)
        file_menu.addAction(self.operators_action)
        self.change_pin_action = QAction(self.tr("Change my &PIN…"), self)
        self.change_pin_action.setObjectName("changePinAction")
        self.change_pin_action.triggered.connect(self.change_own_pin)
        file_menu.addAction(self.change_pin_action)
        file_menu.addSeparator()
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(self.settings_action)
        if self.audit_trail is not None:
            file_menu.addSeparator()
            self.audit_action = QAction(self.tr("&Audit trail…"), self)
            self.audit_action.setObjectName("auditTrailAction")
            self.audit_action.triggered.connect(self.open_audit_trail)
            file_menu.addAction(self.audit_action)
        if self.reports is not None:
            self.close_shift_action = QAction(self.tr("Close s&hift…"), self)
            self.close_shift_action.setObjectName("closeShiftAction")
            self.close_shift_action.triggered.connect(lambda: self.open_report(shift=True))
            self.close_day_action = QAction(self.tr("Close &day…"), self)
            self.close_day_action.setObjectName("closeDayAction")
            self.close_day_action.triggered.connect(lambda: self.open_report(shift=False))
            self.closed_reports_action = QAction(self.tr("Closed &reports…"), self)
            self.closed_reports_action.setObjectName("closedReportsAction")
            self.closed_reports_action.triggered.connect(self.open_closed_reports)
            for action in (self.close_shift_action, self.close_day_action, self.closed_reports_action):
                file_menu.addAction(action)
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

    def open_audit_trail(self) -> None:
        """File ▸ Audit trail…: the records, searchable and exportable, verified as the view opens."""
        from .audit_dialog import AuditDialog

        assert self.audit_trail is not None  # the menu item exists only with a trail
        self.audit_dialog = AuditDialog(self.audit_trail, parent=self)
        self.audit_dialog.verified.connect(self.show_audit_verification)  # later checks
        self.show_audit_verification(self.audit_dialog.last_verification)  # the one as it opened
        self.audit_dialog.open()

    def open_report(self, *, shift: bool) -> None:
        """Close shift… / Close day…: the figures so far, with the button that closes the period."""
        from ..services.shop import ShopUnavailable
        from .report_dialog import ReportDialog

        assert self.reports is not None  # the menu items exist only with the report service
        reports = self.reports
        if not shift and reports.shop is not None:
            # The shop's day (every till) is read from the shop database; unreachable: this till's day, said.
            async def shop_day() -> Report | None:
                try:
                    return await reports.shop_day_report()
                except ShopUnavailable:
                    return None

            def show(report: Report | None) -> None:
                if report is None:
                    self.show_notice(render(msg("shop.unreachable")))
                    report = reports.day_report()
                self.report_dialog = ReportDialog(report, reports, merchant_line=self.config.merchant_line,
                                                  parent=self)
                self.report_dialog.open()

            self._report_query = run_query(self, shop_day(), on_success=show, owner=self)
            return
        report = reports.shift_report() if shift else reports.day_report()
        self.report_dialog = ReportDialog(report, reports, merchant_line=self.config.merchant_line, parent=self)
        self.report_dialog.open()

    def open_closed_reports(self) -> None:
        from .report_dialog import ClosedReportsDialog

        assert self.reports is not None
        self.closed_reports_dialog = ClosedReportsDialog(self.reports, merchant_line=self.config.merchant_line,
                                                         parent=self)
        self.closed_reports_dialog.open()

    def show_audit_verification(self, result: Verification) -> None:
        """A broken chain is shown at the top of the window (and stays until a verification finds it intact)."""
        if result.intact:
            self.audit_notice.hide()
            return
        self.audit_notice.setText(self.tr(
            "The audit trail has been altered: its chain is broken at record {number}. Records from there on "
            "cannot be trusted. Tell the manager; keep the file audit.sqlite3 as it is.").format(
            number=result.broken_at))
        self.audit_notice.show()

    def show_shop_status(self, waiting: int, reachable: bool, problem: Message | None = None) -> None:
        """The shop database's line in the status bar: how many of this till's records are not there yet;
        the reason in its tooltip while it cannot be reached."""
        text = render(msg("shop.waiting", count=waiting) if waiting or not reachable else msg("shop.up-to-date"))
        self.shop_label.setText(text)
        self.shop_label.setToolTip(render(problem) if problem is not None else "")
        self.shop_label.setStyleSheet("" if reachable else theme.error_label_sheet(""))
        self.shop_label.show()

    # --- operators ------------------------------------------------------------------------------

    def switch_operator(self) -> None:
        """Sign the current operator out and show the sign-in screen (File ▸ Switch operator)."""
        self.idle_lock.lock(SWITCH)

    def _show_operator(self, operator: Operator | None) -> None:
        text = operator_text(operator)
        self.operator_label.setText(text)
        self.operator_label.setAccessibleName(text)
        manager = self.staff.allowed(Permission.SETTINGS)
        self.settings_action.setEnabled(manager)
        self.operators_action.setEnabled(self.staff.allowed(Permission.OPERATORS))
        self.change_pin_action.setEnabled(operator is not None and not operator.training)
        if self.reports is not None:
            # Everyone may read the day's figures; the close is a manager's (a cashier's needs a manager's PIN).
            self.close_day_action.setText(self.tr("Close &day…") if self.staff.allowed(Permission.CLOSE_DAY)
                                          else self.tr("Close &day with a manager's PIN…"))

    def refuse_unless(self, permission: Permission) -> bool:
        """True when the signed-in operator may do ``permission``; otherwise say why in a sentence."""
        from ..services.staff import StaffRefused

        try:
            self.staff.require(permission)  # the one home of the rule; it records a refusal in the audit trail
        except StaffRefused as refused:
            self.tell(self.tr("A manager is needed"), render(refused.msg))
            return False
        return True

    def open_operators(self) -> None:
        if not self.refuse_unless(Permission.OPERATORS):
            return
        from .operators_dialog import OperatorsDialog

        self.operators_dialog = OperatorsDialog(self.staff, self)
        self.operators_dialog.open()

    def change_own_pin(self) -> None:
        from .operators_dialog import ChangePinDialog

        self.change_pin_dialog = ChangePinDialog(self.staff, self)
        self.change_pin_dialog.open()

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
        band = theme.ENVIRONMENT_BANDS.get(environment)
        if band is not None:
            band_text = QCoreApplication.translate("Theme", band.text)
            self.environment_band.setText(band_text)
            self.environment_band.setAccessibleName(band_text)
            self.environment_band.setStyleSheet(theme.environment_band_sheet(environment))
        self.environment_band.setVisible(band is not None)
        self.test_cards_action.setVisible(self.training)
        self.test_cards_action.setEnabled(self.training)
        self.setWindowTitle("klogs-desk — " + text)
        self._refresh_health()

    def open_settings(self) -> None:
        if not self.refuse_unless(Permission.SETTINGS):
            return
        from .settings_dialog import SettingsDialog

        self.staff.audit.record("settings.opened", operator=self.staff.operator_name())
        self.settings_dialog = SettingsDialog(self.config, self.credentials, sandbox_url=self._sandbox_url,
                                              staff=self.staff, parent=self)
        self.settings_dialog.accepted.connect(self.apply_settings)
        self.settings_dialog.open()

    def _sandbox_url(self) -> str:
        return self.sandbox_url_override or self.sandbox.url()

    def apply_settings(self) -> None:
        """Rebuild the client from the saved settings and credentials; close the old one."""
        from ..environments import build_client

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
        old = self.services.client if self.services.client_ready else None
        previous = self.services.environment
        changed = environment != previous  # Settings records the switch ("environment.switch") as it saves
        self.services.client = client
        self.services.environment = environment
        self.services.sandbox_url = sandbox_url
        self.services.merchant_line = self.config.merchant_line
        if old is not None:
            self._unwatch(old)
        self._watch(client)
        self._last_failure_at = None
        if old is not None and old is not client:
            run_query(None, old.aclose(), busy_cursor=False)
        log.info("client replaced for environment %s", environment)
        self._show_environment()
        self.client_replaced.emit(client)
        if changed:
            self.environment_changed.emit(environment)

    # --- gateway health -------------------------------------------------------------------------

    def _watch(self, client: KlogsClient) -> None:
        if self._health_listener not in client.health_listeners:
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
        if not self.services.client_ready and self.services.client_coming:  # after the first frame: ask then
            self.services.when_client_ready(lambda _client: self.check_gateway_health())
            return None
        if event_loop.pending():  # the app's asyncio loop comes right after the first frame: ask then
            event_loop.when_ready(self.check_gateway_health)
            return None
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return None
        self.health_check_task = loop.create_task(self._quiet_lookup(self.services.client))
        return self.health_check_task

    @staticmethod
    async def _quiet_lookup(client: KlogsClient) -> None:
        try:
            import uuid

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
            # Posted from the next turn, so it comes after the first paint and after whatever else was
            # queued behind the show (the window must be up before the rest is built).
            QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self.first_frame_shown.emit))

    def show_notice(self, text: str) -> None:
        """A notice for the cashier on whatever tab they are (the status bar, for a minute): something
        finished in the background (a payment settled by the gateway lookup)."""
        self.statusBar().showMessage(text, NOTICE_MILLISECONDS)

    def show_page(self, widget: QWidget) -> None:
        """Bring one of the window's tabs to the front (its first field gets the focus)."""
        self.tabs.setCurrentWidget(widget)

    def focus_first_field(self, index: int) -> None:
        """Put the cursor in tab ``index``'s first field (its :attr:`TabPage.first_field`), so a cashier who
        switched with Ctrl+1..6, Alt+letter or a click can type at once."""
        if self.idle_lock.locked:  # the sign-in screen has the cursor, not the tab underneath
            self.idle_lock.focus()
            return
        if not 0 <= index < len(self.pages):
            return
        field = self.pages[index].first_field
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refresh_health(self) -> None:
        answered = self.services.client.last_answer_at if self.services.client_ready else None
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
        # Told after every answer, in the middle of a payment: a style sheet set again, even the same one,
        # is parsed again and the label re-polished (issue 19), so only a change of colour sets it.
        style = f"QLabel#gatewayHealthLabel {{ color: {colour}; padding: 0 8px; }}"
        if self.health_label.styleSheet() != style:
            self.health_label.setStyleSheet(style)

    # --- dialogs tests can replace --------------------------------------------------------------

    def tell(self, title: str, message: str) -> None:
        """A non-blocking information dialog (tests replace this)."""
        from PySide6.QtWidgets import QMessageBox  # not before the first frame: its enums cost ~3 ms

        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("mainWindowMessage")
        box.open()

    def confirm(self, title: str, question: str) -> bool:
        """A yes/no question (tests replace this)."""
        from PySide6.QtWidgets import QMessageBox

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
        if self.services.client_ready:
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
