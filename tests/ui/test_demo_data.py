"""Help ▸ Load demo data: on the built-in sandbox it fills every list through the real services; elsewhere it
is not offered."""

from __future__ import annotations

import pytest

from klogs_desk.api.models.recurring import RecurringListQuery, RegisteredPaymentStatus
from klogs_desk.composition import build_terminal
from klogs_desk.config import Config
from klogs_desk.credentials import CredentialStore
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.environments import EmbeddedSandbox
from klogs_desk.services.context import AppServices
from klogs_desk.services.demo_data import STEPS
from tests.conftest import SANDBOX_CREDENTIALS


@pytest.fixture
def built_in_sandbox():
    sandbox = EmbeddedSandbox().start_in_background()
    yield sandbox
    sandbox.stop()


def _terminal(tmp_path, sandbox: EmbeddedSandbox, environment: str = "sandbox"):  # type: ignore[no-untyped-def]
    from klogs_desk.api.client import Endpoints, KlogsClient

    url = sandbox.reserve()
    journal = Journal(tmp_path / "journal.sqlite3")
    services = AppServices(client=KlogsClient(Endpoints.same(url), SANDBOX_CREDENTIALS), journal=journal,
                           environment=environment, sandbox_url=url if environment == "sandbox" else None)
    return build_terminal(services, config=Config(tmp_path / "settings.ini"), credentials=CredentialStore(),
                          sandbox=sandbox)


def test_demo_data_fills_journal_preauth_subscriptions_and_checkout(qtbot, tmp_path, built_in_sandbox,
                                                                    memory_keyring, event_loop_qt):
    terminal = _terminal(tmp_path, built_in_sandbox)
    window, tabs = terminal.window, terminal.tabs
    window.show()
    qtbot.waitExposed(window)
    action = terminal.demo_data.action
    assert action.isVisible() and action in window.help_menu.actions()
    steps: list[int] = []
    terminal.demo_data.step_done.connect(steps.append)
    with qtbot.waitSignal(terminal.demo_data.loaded, timeout=60_000) as loaded:
        terminal.demo_data.load()
        assert terminal.demo_data.progress is not None and terminal.demo_data.progress.isVisible()
        assert not action.isEnabled()  # one load at a time
    summary = loaded.args[0]
    assert summary.sales == 7 and summary.voids == 1 and summary.checkout_links == 2
    assert steps == list(range(1, STEPS + 1))  # the bar moved step by step to its end
    assert action.isEnabled() and not terminal.demo_data.progress.isVisible()

    journal = terminal.services.journal
    rows = journal.search(environment="sandbox")
    kinds = {entry.kind for entry in rows}
    assert {EntryKind.SALE, EntryKind.VOID, EntryKind.PREAUTH, EntryKind.CAPTURE, EntryKind.CHECKOUT} <= kinds
    assert {EntryState.APPROVED, EntryState.DECLINED} <= {entry.state for entry in rows}

    window.show_page(tabs.journal)
    qtbot.waitUntil(lambda: tabs.journal.model.rowCount() == len(rows), timeout=5_000)
    window.show_page(tabs.preauth)
    qtbot.waitUntil(lambda: tabs.preauth.list.rowCount() >= 1, timeout=5_000)  # the open hotel hold
    window.show_page(tabs.checkout)
    qtbot.waitUntil(lambda: tabs.checkout.table.rowCount() == 2, timeout=5_000)
    window.show_page(tabs.subscriptions)
    qtbot.waitUntil(lambda: tabs.subscriptions.model.rowCount() >= 5, timeout=10_000)

    async def statuses():  # type: ignore[no-untyped-def]
        page = await terminal.services.client.list_recurring(RecurringListQuery(page_size=100))
        return {item.status for item in page.items if item.reference.startswith("DEMO-")}

    task = event_loop_qt.create_task(statuses())
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.result() == set(RegisteredPaymentStatus)
    assert "7 sales" in window.statusBar().currentMessage()

    stopping = event_loop_qt.create_task(terminal.runtime.stop())
    qtbot.waitUntil(stopping.done, timeout=20_000)
    window.close()
    window.deleteLater()
    journal.close()
    qtbot.wait(10)


def test_demo_data_is_not_offered_off_the_built_in_sandbox(qtbot, tmp_path, built_in_sandbox, sandbox,
                                                           memory_keyring, event_loop_qt):
    terminal = _terminal(tmp_path, built_in_sandbox, environment="test")
    assert not terminal.demo_data.action.isVisible()
    assert terminal.demo_data.load() is None
    terminal.services.sandbox_url, terminal.services.environment = sandbox.url, "sandbox"  # an outside sandbox
    terminal.demo_data.update_availability()
    assert not terminal.demo_data.available()
    terminal.window.deleteLater()
    terminal.services.journal.close()
    qtbot.wait(10)


def test_the_progress_bar_never_runs_another_task_inside_the_loading_one(qtbot, tmp_path, built_in_sandbox,
                                                                        memory_keyring, event_loop_qt, caplog):
    """A modal progress dialog's setValue() spins Qt's event loop; called from inside the loading task it
    let qasync wake another task there ("Cannot enter into task ... while another task is running"), which
    once killed the reconciler mid-load. Here another task is always ready to run during the whole load."""
    import asyncio

    terminal = _terminal(tmp_path, built_in_sandbox)
    window = terminal.window
    window.show()
    qtbot.waitExposed(window)
    loading = [True]
    turns = [0]

    async def always_ready() -> None:
        while loading[0]:
            turns[0] += 1
            await asyncio.sleep(0)

    other = event_loop_qt.create_task(always_ready())
    with qtbot.waitSignal(terminal.demo_data.loaded, timeout=60_000):
        terminal.demo_data.load()
    loading[0] = False
    qtbot.waitUntil(other.done, timeout=10_000)
    assert other.exception() is None and turns[0] > 0
    assert not [r for r in caplog.records if "Cannot enter into task" in r.getMessage()
                or (r.exc_info and "Cannot enter into task" in str(r.exc_info[1]))]
    stopping = event_loop_qt.create_task(terminal.runtime.stop())
    qtbot.waitUntil(stopping.done, timeout=20_000)
    window.close()
    window.deleteLater()
    terminal.services.journal.close()
    qtbot.wait(10)
