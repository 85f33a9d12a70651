"""The composition root: every long-lived object of the terminal is built here, once, with its dependencies
passed to its constructor, and the few links between them are made here, in one place to read.

:func:`build_staff` opens the operators (``staff.sqlite3``; the settings file's old manager PIN migrated)
and :func:`open_journal` the journal whose rows name the signed-in operator; ``app.py`` calls both before
the client. :func:`build_terminal` takes the services (client, journal, environment) and the staff and builds:

* the 3-D Secure :class:`CallbackListener` and :class:`ThreeDSecureService` (the Sale tab's 3-D Secure path);
  the same listener receives card-storage webhooks (checked by a :class:`WebhookVerifier` with the current
  client's credentials) for the :class:`SavedCardsService` (``saved-cards.sqlite3`` next to the journal),
  and the embedded sandbox is told its address as the merchant's webhook,
* the :class:`Reconciler` of outcome-unknown payments and the Journal tab's :class:`TransactionActions`,
* every tab, and the :class:`MainWindow` showing them,
* the :class:`Runtime` that starts and stops the parts that run on the event loop.

Links, all through signals declared on the widgets: ``MainWindow.operator_changed`` -> the tabs'
``set_manager_rights`` (a cashier's Subscriptions are read-only, the Journal's CSV export a manager's); ``InstallmentsTab.installment_chosen`` ->
:meth:`SaleTab.choose_installment` (after the window shows the Sale tab); every ``payment_finished`` and
``MainWindow.environment_changed`` -> :meth:`Reconciler.wake`; each payment the reconciler settles ->
:attr:`LookupNotices.payment_settled` -> :meth:`SaleTab.show_settled`, :meth:`PreAuthTab.show_settled` and a
notice in the window's status bar. Card-clear seconds from Settings reach the
card forms through the window's explicit ``card_data_holders``.

The first frame (issue 19): the window is built with the Sale tab, its menus, status bar and sign-in screen;
the reconciler and the saved cards (with the listener's webhook check and the reconciler's links), then
the other five tabs, in order, with their links (above), the Journal's void and refund, the shop actions
and Help ▸ Load demo data are the :class:`Terminal`'s remaining steps (until then a payment's wake-up of
the reconciler is not needed: its first pass reads the whole journal). The app builds them one per turn of
the event loop from :attr:`MainWindow.first_frame_shown` on (``after_first_frame=True``, the runtime
started first), so the window is up before their modules are even imported; tests get them built at once
by default, or wait for :attr:`Terminal.tabs_ready`. Either way the same functions build and link them.

Tests use :func:`build_terminal` (or :func:`build_main_window`) to get exactly the app's wiring.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Awaitable, Callable, cast

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from . import __version__
from .callbacks import CallbackListener
from .config import Config
from .credentials import CredentialStore, CredentialStoreUnavailable
from .domain.audit import AuditLog
from .domain.journal import Entry, Journal
from .domain.operators import OperatorStore
from .embedded_sandbox import EmbeddedSandbox
from .frozen import Frozen, init
from .services.audit import START, STOP, AuditTrail
from .services.audit_recorder import NO_AUDIT, AuditRecorder
from .services.context import AppServices
from .services.payments import PaymentOutcome, settled_notice, settled_outcome
from .services.reports import ReportService
from .services.staff import Permission, StaffService
from .services.three_d_secure import ThreeDSecureService
from .ui import event_loop
from .ui.main_window import (
    CHECKOUT_TAB,
    INSTALLMENTS_TAB,
    JOURNAL_TAB,
    PREAUTH_TAB,
    SALE_TAB,
    SUBSCRIPTIONS_TAB,
    MainWindow,
    TabPage,
)
from .ui.messages import render
from .ui.sale_tab import SaleTab

if TYPE_CHECKING:  # built after the first frame: imported where they are built
    import asyncio  # the app's asyncio loop comes up after the first frame (ui/event_loop.py)

    from .domain.payment_orders import PaymentOrderBook
    from .domain.saved_cards import SavedCardBook
    from .services.reconciler import Reconciler
    from .services.saved_cards import SavedCardsService
    from .shop.settings import ShopSettings
    from .shop.sync import ShopSync
    from .ui.checkout_tab import CheckoutTab
    from .ui.demo_data_action import DemoDataLoader
    from .ui.installments_tab import InstallmentsTab
    from .ui.journal_tab import JournalTab
    from .ui.preauth_tab import PreAuthTab
    from .ui.receipt import ReceiptPrinter
    from .ui.shop_actions import ShopActions
    from .ui.subscriptions_tab import SubscriptionsTab
    from .ui.transaction_dialogs import TransactionActions

log = logging.getLogger("klogs_desk")
#: At quit, how long the cancelled tasks get to end before the HTTP client's connections are closed under
#: a request still waiting on its socket (:meth:`Runtime.stop`).
CANCEL_GRACE_SECONDS = 1.0


class Runtime:
    """Owns the parts of the terminal that run on the event loop: the reconciler, the 3-D Secure callback
    listener, the tasks the widgets started, and the HTTP client (``services.client``, whichever is current).

    :meth:`start` once the loop runs (it starts the listener, for card-storage webhooks; a 3-D Secure sale
    would start it too);
    :meth:`stop` when the app quits; :meth:`cancel` when the window goes away without a shutdown (tests).
    """

    def __init__(self, services: AppServices, reconciler: Reconciler | None, listener: CallbackListener,
                 on_listening: Callable[[str], None] | None = None, shop: ShopSync | None = None) -> None:
        self.services = services
        #: None until :func:`build_terminal`'s first deferred step has built it (right after the first
        #: frame, before :meth:`start`); a quit before then has no reconciler to stop.
        self.reconciler = reconciler
        self.listener = listener
        #: Told the webhook base URL once the listener listens (the embedded sandbox's merchant webhook).
        self.on_listening = on_listening
        self._listening: asyncio.Task[None] | None = None
        #: The shop database's pusher, when one is configured.
        self.shop = shop
        self._stopping = False

    def start(self) -> None:
        if self._stopping:  # a quit right after launch: the shutdown began before this deferred step came
            return
        self.services.audit.record(START, details={"version": __version__, "environment": self.services.environment})
        event_loop.ensure()  # the app installs it right after the first frame, normally before this
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no asyncio loop drives Qt (a bare widget test): nothing to reconcile on
            log.warning("no running event loop: the reconciler is not started")
            return
        if self.reconciler is not None:
            self.reconciler.start()
        # The listener also receives card-storage webhooks, which come whenever an owner saves a card: it
        # listens from the start, not only from the first 3-D Secure sale.
        self._listening = loop.create_task(self._listen())
        if self.shop is not None:
            self.shop.start()

    async def _listen(self) -> None:
        try:
            await self.listener.start()
        except OSError:
            log.warning("the webhook listener could not start; saved cards will not be heard of", exc_info=True)
            return
        if self.on_listening is not None:
            self.on_listening(self.listener.webhook_url)

    def cancel(self) -> None:
        """Stop the reconciler without waiting (a lookup in flight is abandoned, harmlessly)."""
        if self.reconciler is not None:
            self.reconciler.cancel()
        if self.shop is not None and self.shop.task is not None:
            self.shop.task.cancel()

    async def stop(self, *, grace_seconds: float = 5.0) -> None:
        """Stop everything that runs on the loop while the loop still runs, so nothing is left pending when
        it closes (no "Task was destroyed but it is pending", no request resumed on a closed loop).

        In this order: the reconciler (it would start new lookups), the 3-D Secure callback listener (its
        port closes; a callback arriving later is refused by the OS, and the payment stays for the
        reconciler), the widgets' tasks (cancelled: a payment in flight becomes ``unknown`` in the journal —
        the window asked the cashier before quitting), any other task still on the loop, and last the HTTP
        client (sooner, while those tasks end, if one still runs :data:`CANCEL_GRACE_SECONDS` after its
        cancellation: closing the client's connections ends a request still waiting on its socket). Each step gets at most ``grace_seconds``; a step that hangs is logged and skipped, never
        waited on forever.
        """
        import asyncio

        self._stopping = True

        async def step(name: str, work: Awaitable[object]) -> None:
            try:
                await asyncio.wait_for(work, grace_seconds)
            except Exception:
                log.warning("shutdown: %s did not stop cleanly", name, exc_info=True)

        if self.reconciler is not None:  # None: quit before the first frame was done with
            await step("the reconciler", self.reconciler.stop())
        await step("the callback listener", self.listener.stop())
        if self.shop is not None:  # records not pushed stay in the outbox for the next start
            await step("the shop database's pusher", self.shop.stop())
        # The widgets' tasks (RUNNER's) and any other task on the loop: cancelled, then awaited so their
        # ``finally`` blocks run (a payment's journal row becomes ``unknown``) before the loop closes.
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        client_closed = not self.services.client_ready  # not built yet (quit right after launch): nothing to close
        if others:
            in_flight = asyncio.gather(*others, return_exceptions=True)
            await asyncio.wait({in_flight}, timeout=CANCEL_GRACE_SECONDS)
            if not in_flight.done() and not client_closed:
                # A request can outlive its task's cancellation: on a loaded machine, the cancellation
                # reached a request waiting for the gateway's answer inside httpcore's anyio cancel scope
                # and the task went on waiting on its socket until the gateway hung up (seen in
                # tests/test_app_shutdown.py, 1 run in 4 with four test processes on two cores). Closing
                # the client closes its connections, which ends such a wait; the payment stays unknown.
                client_closed = True
                await step("the HTTP client", self.services.client.aclose())
            await step("the tasks in flight", in_flight)
        if not client_closed:
            await step("the HTTP client", self.services.client.aclose())
        self.services.audit.record(STOP, details={"version": __version__})


class LookupNotices(QObject):
    """Turns the reconciler's resolutions (plain callbacks on the event loop) into a Qt signal the tabs
    listen to."""

    #: The background lookup settled a card payment (sale, 3-D Secure sale, pre-authorization): its
    #: :class:`PaymentOutcome` as the tab that showed it unknown should now show it.
    payment_settled = Signal(object)

    def resolved(self, entry: Entry) -> None:
        outcome = settled_outcome(entry)
        if outcome is not None:
            self.payment_settled.emit(outcome)


class Tabs(Frozen):
    """The six tabs, once all are built (:attr:`Terminal.tabs`)."""

    sale: SaleTab
    preauth: PreAuthTab
    installments: InstallmentsTab
    checkout: CheckoutTab
    subscriptions: SubscriptionsTab
    journal: JournalTab

    __slots__ = ("sale", "preauth", "installments", "checkout", "subscriptions", "journal")

    def __init__(self, sale: SaleTab, preauth: PreAuthTab, installments: InstallmentsTab, checkout: CheckoutTab,
                 subscriptions: SubscriptionsTab, journal: JournalTab) -> None:
        init(self, sale, preauth, installments, checkout, subscriptions, journal)


class Terminal(QObject):
    """Everything :func:`build_terminal` built; ``app.py`` keeps it for the life of the process.

    The first frame needs only the Sale tab: the other five tabs (and what works on them: the Journal's
    void and refund, Help ▸ Load demo data) are built by :meth:`finish`, either at once or, for the app,
    one tab per turn of the event loop right after the window's first frame (:func:`build_terminal`'s
    ``after_first_frame``). So are, first of all, the pieces that only run once the event loop does: the
    :attr:`reconciler` and the :attr:`saved_cards` service with the listener's webhook check (neither is
    needed to type or pay a sale). :attr:`tabs_ready` is emitted when everything is there; :attr:`tabs`,
    :attr:`transaction_actions`, :attr:`demo_data`, :attr:`reconciler` and :attr:`saved_cards` exist
    from then on. Tests of a deferred build wait for :attr:`tabs_ready` (or call :meth:`finish`).
    """

    #: All six tabs are shown and linked (once).
    tabs_ready = Signal()

    def __init__(self, *, services: AppServices, listener: CallbackListener, three_d_secure: ThreeDSecureService,
                 window: MainWindow, runtime: Runtime, staff: StaffService,
                 steps: list[Callable[[], None]]) -> None:
        super().__init__(window)
        self.services = services
        self.listener = listener
        self.three_d_secure = three_d_secure
        self.window = window
        self.runtime = runtime
        self.staff = staff
        self._reconciler: Reconciler | None = None
        self._saved_cards: SavedCardsService | None = None
        #: The Journal's void and refund of other tills' payments (None without a shop database).
        self.shop_actions: ShopActions | None = None
        self._tabs: Tabs | None = None
        self._transaction_actions: TransactionActions | None = None
        self._demo_data: DemoDataLoader | None = None
        self._steps = steps
        self._quitting: bool | None = None

    def _stop_building(self) -> None:
        self._quitting = True

    @property
    def ready(self) -> bool:
        return self._tabs is not None

    @property
    def tabs(self) -> Tabs:
        if self._tabs is None:
            raise RuntimeError("the tabs are built after the first frame: wait for Terminal.tabs_ready")
        return self._tabs

    @property
    def reconciler(self) -> Reconciler:
        if self._reconciler is None:
            raise RuntimeError("built right after the first frame: wait for Terminal.tabs_ready")
        return self._reconciler

    @property
    def saved_cards(self) -> SavedCardsService:
        if self._saved_cards is None:
            raise RuntimeError("built right after the first frame: wait for Terminal.tabs_ready")
        return self._saved_cards

    def wake_reconciler(self) -> None:
        """A payment ended (perhaps unknown) or the environment changed: the reconciler looks again. Before
        it is built nothing is lost: its first pass, when it starts, reads the whole journal."""
        if self._reconciler is not None:
            self._reconciler.wake()

    @property
    def transaction_actions(self) -> TransactionActions:
        if self._transaction_actions is None:
            raise RuntimeError("built with the tabs: wait for Terminal.tabs_ready")
        return self._transaction_actions

    @property
    def demo_data(self) -> DemoDataLoader:
        if self._demo_data is None:
            raise RuntimeError("built with the tabs: wait for Terminal.tabs_ready")
        return self._demo_data

    def finish(self) -> Tabs:
        """Build whatever is still waiting, now; returns the six tabs (nothing is built twice)."""
        while self._steps:
            self._steps.pop(0)()
        return self.tabs

    def _step_after_first_frame(self) -> None:
        """One step of the deferred build, then the next on the next turn of the event loop, so a key
        pressed meanwhile is handled between two tabs rather than after all of them. Not while the app
        quits (its shutdown runs a few more turns of the loop): tabs nobody will see are not built."""
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance()
        if self._quitting is None and app is not None:
            self._quitting = False
            app.aboutToQuit.connect(self._stop_building)
        if self._quitting:
            return
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            QTimer.singleShot(0, self, self._step_after_first_frame)


def build_staff(config: Config, path: Path | str, *, audit: AuditRecorder = NO_AUDIT,
                now: Callable[[], float] = time.time) -> StaffService:
    """The operators of this terminal (``path``: ``staff.sqlite3``); the settings file's manager PIN of an
    older release becomes the manager "Manager" and leaves that file."""
    staff = StaffService(OperatorStore(path), audit=audit, now=now)
    migrated = staff.migrate_settings_pin(config)
    if migrated is not None:
        log.info("the settings file's manager PIN is now the operator %r", migrated.name)
    return staff


class ShopPassword:
    """The shop database's password, read from the keyring once, when first asked: by the first connection,
    on the pusher's (or the shop reads') worker thread, so a slow keyring cannot stall start-up."""

    def __init__(self, credentials: CredentialStore) -> None:
        self._credentials = credentials
        self._lock = threading.Lock()
        self._password: str | None = None

    def __call__(self) -> str:
        with self._lock:  # the pusher and the shop reads may connect at the same moment: one keyring read
            if self._password is None:
                try:
                    self._password = self._credentials.load_shop_password()
                except CredentialStoreUnavailable:
                    log.warning("shop database: no keyring for its password; connecting without one")
                    self._password = ""
            return self._password


def shop_settings(config: Config, credentials: CredentialStore) -> ShopSettings:
    """The shop database's connection from the settings file (not configured: no host); the password is read
    from the keyring when the first connection is made (:class:`ShopPassword`), not here."""
    from .shop.settings import ShopSettings

    return ShopSettings(host=config.shop_host, port=config.shop_port, database=config.shop_database,
                        user=config.shop_user, till=config.shop_till, ssl_mode=config.shop_ssl_mode,
                        password_source=ShopPassword(credentials) if config.shop_host else None)


def build_shop(settings: ShopSettings, journal: Journal, audit_log: AuditLog | None,
               staff_path: Path | str | None) -> ShopSync | None:
    """The shop database's pusher for this till (None when no shop database is configured or the journal is
    in memory). Its outbox is added to the local files here; the journal's and audit trail's writes wake it."""
    if not settings.configured or not isinstance(journal.path, Path):
        return None
    from .shop.outbox import LocalTill
    from .shop.sync import ShopSync

    audit_path = audit_log.path if audit_log is not None and str(audit_log.path) != ":memory:" else None
    staff_file = staff_path if staff_path is not None and str(staff_path) != ":memory:" else None
    sync = ShopSync(settings, LocalTill(journal.path, audit_path, staff_file))
    journal.write_listeners.append(sync.wake)
    if audit_log is not None:
        audit_log.append_listeners.append(sync.wake)
    return sync


def open_journal(path: Path | str, staff: StaffService) -> Journal:
    """The journal; each new row names the operator signed in at that moment."""
    return Journal(path, current_operator=staff.operator_name)


def payment_orders_of(services: AppServices) -> PaymentOrderBook:
    """The book of payment orders created here: a file next to the journal (in memory for one in memory)."""
    from .domain.payment_orders import PaymentOrderBook

    journal_path = services.journal.path
    if isinstance(journal_path, Path):
        return PaymentOrderBook(journal_path.with_name("payment-orders.sqlite3"))
    return PaymentOrderBook(":memory:")


def saved_cards_of(services: AppServices) -> SavedCardBook:
    """The cards owners saved, as webhooks told them: a file next to the journal (in memory for one in memory)."""
    from .domain.saved_cards import SavedCardBook

    journal_path = services.journal.path
    if isinstance(journal_path, Path):
        return SavedCardBook(journal_path.with_name("saved-cards.sqlite3"))
    return SavedCardBook(":memory:")


def gateway_now(services: AppServices, sandbox: EmbeddedSandbox | None) -> dt.datetime:
    """The current gateway's clock as far as the terminal knows it: the embedded sandbox's own clock (it
    can be moved to a settlement cut-off) in the sandbox environment, else real UTC time."""
    if sandbox is not None and services.environment == "sandbox":
        return sandbox.now()
    return dt.datetime.now(dt.timezone.utc)


def build_terminal(services: AppServices, *, config: Config, credentials: CredentialStore,
                   sandbox: EmbeddedSandbox | None = None, sandbox_url: str | None = None,
                   log_file: str | None = None, staff: StaffService | None = None,
                   audit_trail: AuditTrail | None = None, shop: ShopSync | None = None,
                   after_first_frame: bool = False) -> Terminal:
    """Build the terminal around ``services`` (see the module docstring). The window is not shown. Without
    ``staff`` (tests of other parts) the terminal has no operators: training mode on the sandbox.
    ``audit_trail`` (the same object as ``services.audit`` and the staff's recorder) gives the window its
    Audit trail view and the shift and day closes.

    The window starts with the Sale tab, the menus and the status bar: what its first frame shows (behind
    the sign-in screen when nobody is signed in). The other five tabs, in order, and what links them are
    :attr:`Terminal.finish`'s steps: run here at once (the default), or with ``after_first_frame`` (the
    app) one per turn of the event loop from the window's :attr:`MainWindow.first_frame_shown` on, so the
    window is up sooner; :attr:`Terminal.tabs_ready` says when they are all there. The runtime starts on
    the first turn of the event loop, or right after the first frame (see :meth:`Runtime.start`).
    """
    if staff is None:
        staff = StaffService(OperatorStore(":memory:"))
    listener = CallbackListener(port=config.webhook_port)
    three_d_secure = ThreeDSecureService(services, listener)
    # The reconciler and the saved cards are built by the first deferred step (below), before the runtime
    # starts them.
    runtime = Runtime(services, None, listener,
                      on_listening=sandbox.set_webhook_url if sandbox is not None else None, shop=shop)

    # The shop database's reads and other tills' payments (a connection of its own, not the pusher's).
    shop_service = None
    if shop is not None:
        from .services.shop import ShopService

        shop_service = ShopService(services, shop.settings, staff=staff, waiting=lambda: shop.status.waiting)
    shared_receipts: list[ReceiptPrinter] = []

    def receipt_printer() -> ReceiptPrinter:
        """The terminal's one receipt printer (the paper and folder chosen in one tab are the next tab's),
        built when first asked: after the first frame, or when the Sale tab opens its first receipt."""
        if not shared_receipts:
            from .ui.receipt import ReceiptPrinter

            shared_receipts.append(ReceiptPrinter(services, config=config))
        return shared_receipts[0]

    sale = SaleTab(services, three_d_secure=three_d_secure, receipts=receipt_printer)
    reports = (ReportService(services.journal, audit_trail, environment=lambda: services.environment,
                             shop=shop_service, staff=staff)
               if audit_trail is not None else None)
    window = MainWindow(services, (TabPage(SALE_TAB, sale, sale.form.amount),), config=config,
                        credentials=credentials, reports=reports, card_data_holders=(sale.form,),
                        sandbox=sandbox, sandbox_url=sandbox_url, log_file=log_file, staff=staff,
                        audit_trail=audit_trail)

    # The reconciler looks again as soon as a payment ends (perhaps unknown) or the environment changes.
    sale.payment_finished.connect(lambda *_: terminal.wake_reconciler())
    window.environment_changed.connect(lambda *_: terminal.wake_reconciler())

    # A payment that ended outcome-unknown and was settled by the lookup: the tab still showing it updates,
    # and the cashier hears of it on whatever tab they are.
    notices = LookupNotices(window)
    notices.payment_settled.connect(sale.show_settled)
    notices.payment_settled.connect(
        lambda outcome: window.show_notice(render(settled_notice(cast(PaymentOutcome, outcome)))))

    # The shop database's line in the status bar, after every push or failed try (and at once).
    if shop is not None:
        shop.listeners.append(lambda status: window.show_shop_status(status.waiting, status.reachable,
                                                                     status.problem))
        window.show_shop_status(shop.status.waiting, shop.status.reachable, shop.status.problem)

    # --- after the first frame: what runs in the background, then the other tabs, one at a time ------
    def background() -> None:
        """The reconciler of outcome-unknown payments and the saved cards with the listener's webhook
        check: started by the runtime (the next step), not needed to type or pay a sale."""
        from .callbacks.webhooks import WebhookVerifier
        from .services.reconciler import Reconciler
        from .services.saved_cards import SavedCardsService

        reconciler = terminal._reconciler = runtime.reconciler = Reconciler(services)
        reconciler.on_resolved.append(notices.resolved)
        # Card-storage webhooks: checked with the current client's credentials, then recorded as saved cards.
        saved_cards = terminal._saved_cards = SavedCardsService(services, saved_cards_of(services))
        listener.set_webhook_handler(WebhookVerifier(saved_cards.credentials).verify)
        listener.on_webhook.append(saved_cards.receive)

    built: dict[str, QWidget] = {}

    def preauth() -> None:
        from .ui.preauth_tab import PreAuthTab

        tab = built["preauth"] = PreAuthTab(services, receipts=receipt_printer())
        tab.payment_finished.connect(lambda *_: terminal.wake_reconciler())
        notices.payment_settled.connect(tab.show_settled)
        window.add_pages((TabPage(PREAUTH_TAB, tab, tab.form.amount),), card_data_holders=(tab.form,))

    def installments() -> None:
        from .ui.installments_tab import InstallmentsTab

        tab = built["installments"] = InstallmentsTab(services)

        # An installment option chosen in the Installments tab becomes a 3-D Secure sale in the Sale tab.
        def carry_installment_to_sale(count: int, interest_paid_by_customer: bool, amount: Decimal,
                                      currency: str) -> None:
            window.show_page(sale)
            quote = next((option for option in tab.options()
                          if option.installment_count == count and option.currency == currency), None)
            sale.choose_installment(count, interest_paid_by_customer, amount, currency, quote)

        tab.installment_chosen.connect(carry_installment_to_sale)
        window.add_pages((TabPage(INSTALLMENTS_TAB, tab, tab.amount),), card_data_holders=(tab,))

    def checkout() -> None:
        from .ui.checkout_tab import CheckoutTab

        tab = built["checkout"] = CheckoutTab(services)
        window.add_pages((TabPage(CHECKOUT_TAB, tab, tab.amount),))

    def subscriptions() -> None:
        from .ui.subscriptions_tab import SubscriptionsTab

        tab = built["subscriptions"] = SubscriptionsTab(services, payment_orders=payment_orders_of(services),
                                                        phone_region=config.shop_country,
                                                        saved_cards=terminal.saved_cards,
                                                        staff=staff)
        window.add_pages((TabPage(SUBSCRIPTIONS_TAB, tab, tab.search),))

    def journal() -> None:
        from .ui.journal_tab import JournalTab

        tab = built["journal"] = JournalTab(services, gateway_now=lambda: gateway_now(services, sandbox),
                                            shop=shop_service, receipts=receipt_printer(), config=config)
        window.add_pages((TabPage(JOURNAL_TAB, tab, tab.search_edit),))
        # Its first paint in two turns of their own after the others (not in the turn the cashier switches to it).
        steps.extend(tab.warm_up_steps())

    def link() -> None:
        from .ui.demo_data_action import DemoDataLoader
        from .ui.transaction_dialogs import TransactionActions

        tabs = Tabs(sale=sale, preauth=cast("PreAuthTab", built["preauth"]),
                    installments=cast("InstallmentsTab", built["installments"]),
                    checkout=cast("CheckoutTab", built["checkout"]),
                    subscriptions=cast("SubscriptionsTab", built["subscriptions"]),
                    journal=cast("JournalTab", built["journal"]))
        terminal._transaction_actions = TransactionActions(tabs.journal, services, staff,
                                                             terminal.reconciler)
        if shop_service is not None:
            from .ui.shop_actions import ShopActions

            terminal.shop_actions = ShopActions(tabs.journal, shop_service, staff)

        # What a cashier may not do is disabled (with the reason) whenever the signed-in operator changes.
        def show_rights(*_: object) -> None:
            tabs.subscriptions.set_manager_rights(staff.allowed(Permission.SUBSCRIPTIONS_EDIT))
            tabs.journal.set_manager_rights(staff.allowed(Permission.CSV_EXPORT))

        window.operator_changed.connect(show_rights)
        show_rights()

        # Help ▸ Load demo data (built-in sandbox only); the tabs show the new rows when it is done.
        demo_data = terminal._demo_data = DemoDataLoader(window, window.help_menu, services, sandbox)
        window.environment_changed.connect(demo_data.update_availability)
        for refresh in (tabs.journal.refresh, tabs.preauth.refresh, lambda: tabs.checkout.reload(),
                        tabs.subscriptions.retry):
            demo_data.loaded.connect(lambda _summary, refresh=refresh: refresh())
        terminal._tabs = tabs
        terminal.tabs_ready.emit()

    steps: list[Callable[[], None]] = [background, preauth, installments, checkout, subscriptions, journal, link]
    if after_first_frame:
        steps.insert(1, runtime.start)  # the reconciler, the listener, the "start" audit record
    terminal = Terminal(services=services, listener=listener, three_d_secure=three_d_secure, window=window,
                        runtime=runtime, staff=staff, steps=steps)
    if after_first_frame:
        window.first_frame_shown.connect(terminal._step_after_first_frame)
    else:
        terminal.finish()
        QTimer.singleShot(0, runtime.start)
    window.destroyed.connect(lambda *_: runtime.cancel())
    return terminal


def build_main_window(services: AppServices, *, config: Config, credentials: CredentialStore,
                      sandbox: EmbeddedSandbox | None = None, sandbox_url: str | None = None,
                      log_file: str | None = None, staff: StaffService | None = None) -> MainWindow:
    """The window of :func:`build_terminal`, for tests that need only the window."""
    return build_terminal(services, config=config, credentials=credentials, sandbox=sandbox,
                          sandbox_url=sandbox_url, log_file=log_file, staff=staff).window


__all__ = ["LookupNotices", "Runtime", "Tabs", "Terminal", "build_main_window", "build_shop", "build_staff",
           "build_terminal", "open_journal", "shop_settings"]
