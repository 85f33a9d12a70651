"""The composition root: every long-lived object of the terminal is built here, once, with its dependencies
passed to its constructor, and the few links between them are made here, in one place to read.

:func:`build_terminal` takes the services (client, journal, environment; built by ``app.py``) and builds
every tab and the :class:`MainWindow` showing them. Card-clear seconds from Settings reach the card forms
through the window's explicit ``card_data_holders``.

Tests use :func:`build_terminal` (or :func:`build_main_window`) to get exactly the app's wiring.
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import Config
from .credentials import CredentialStore
from .environments import EmbeddedSandbox
from .services.context import AppServices
from .ui.checkout_tab import CheckoutTab
from .ui.installments_tab import InstallmentsTab
from .ui.journal_tab import JournalTab
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
from .ui.preauth_tab import PreAuthTab
from .ui.sale_tab import SaleTab
from .ui.subscriptions_tab import SubscriptionsTab


@dataclass(frozen=True)
class Tabs:
    sale: SaleTab
    preauth: PreAuthTab
    installments: InstallmentsTab
    checkout: CheckoutTab
    subscriptions: SubscriptionsTab
    journal: JournalTab


@dataclass(frozen=True)
class Terminal:
    """Everything :func:`build_terminal` built; ``app.py`` keeps it for the life of the process."""

    services: AppServices
    tabs: Tabs
    window: MainWindow


def build_terminal(services: AppServices, *, config: Config, credentials: CredentialStore,
                   sandbox: EmbeddedSandbox | None = None, sandbox_url: str | None = None,
                   log_file: str | None = None) -> Terminal:
    """Build the terminal around ``services`` (see the module docstring). The window is not shown."""
    tabs = Tabs(sale=SaleTab(services), preauth=PreAuthTab(services),
                installments=InstallmentsTab(services), checkout=CheckoutTab(services),
                subscriptions=SubscriptionsTab(services), journal=JournalTab(services))
    pages = (TabPage(SALE_TAB, tabs.sale, tabs.sale.form.amount),
             TabPage(PREAUTH_TAB, tabs.preauth, tabs.preauth.form.amount),
             TabPage(INSTALLMENTS_TAB, tabs.installments, tabs.installments.amount),
             TabPage(CHECKOUT_TAB, tabs.checkout, tabs.checkout.amount),
             TabPage(SUBSCRIPTIONS_TAB, tabs.subscriptions, tabs.subscriptions.search),
             TabPage(JOURNAL_TAB, tabs.journal, tabs.journal.search_edit))
    window = MainWindow(services, pages, config=config, credentials=credentials,
                        card_data_holders=(tabs.sale.form, tabs.preauth.form, tabs.installments),
                        sandbox=sandbox, sandbox_url=sandbox_url, log_file=log_file)
    return Terminal(services=services, tabs=tabs, window=window)


def build_main_window(services: AppServices, *, config: Config, credentials: CredentialStore,
                      sandbox: EmbeddedSandbox | None = None, sandbox_url: str | None = None,
                      log_file: str | None = None) -> MainWindow:
    """The window of :func:`build_terminal`, for tests that need only the window."""
    return build_terminal(services, config=config, credentials=credentials, sandbox=sandbox,
                          sandbox_url=sandbox_url, log_file=log_file).window


__all__ = ["Tabs", "Terminal", "build_main_window", "build_terminal"]
