"""Helpers the Subscriptions tab's tests share: a sandbox of their own with seeded subscriptions, the tab
shown on it, and a subscription as the gateway has it now (asked over a client of its own, not the tab's)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLocale

from klogs_desk.api.models.recurring import RecurringListQuery
from klogs_desk.domain.journal import Journal
from klogs_desk.sandbox.seed import seed_subscriptions
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig
from klogs_desk.services.context import AppServices
from klogs_desk.services.staff import StaffService
from klogs_desk.ui.subscriptions_tab import SubscriptionsTab
from tests.conftest import TEST_HANG_SECONDS, make_client


@contextmanager
def seeded_sandbox(subscriptions: int) -> Iterator[SandboxServer]:
    """A sandbox of its own (no rate limit to speak of) holding ``subscriptions`` seeded subscriptions."""
    sandbox = SandboxServer(SandboxConfig(testing=True, hang_seconds=TEST_HANG_SECONDS, rate_limit_per_minute=100_000))
    sandbox.start()
    try:
        seed_subscriptions(sandbox.state.extras["recurring"], subscriptions, sandbox.state.clock.now())
        yield sandbox
    finally:
        sandbox.stop()


def open_tab(qtbot, server, tmp_path: Path, *, staff: StaffService | None = None) -> SubscriptionsTab:  # type: ignore[no-untyped-def]
    """The tab on ``server`` (US English numbers and dates), 1300 x 700, shown, its first page loaded."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    client = make_client(server, timeout=10.0)
    tab = SubscriptionsTab(AppServices(client=client, journal=Journal(tmp_path / "journal.sqlite3")), staff=staff)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.loaded and not tab.model.loading, timeout=10_000)
    return tab


def lookup(qtbot, loop, server, reference):  # type: ignore[no-untyped-def]
    """The gateway's subscription ``reference`` now, or None when it has none."""
    async def ask():  # type: ignore[no-untyped-def]
        async with make_client(server, timeout=10.0) as client:
            page = await client.list_recurring(RecurringListQuery(subscription=reference))
            return page.items[0] if page.items else None
    task = loop.create_task(ask())
    qtbot.waitUntil(task.done, timeout=10_000)
    return task.result()
