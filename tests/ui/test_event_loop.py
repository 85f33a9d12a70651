"""The app's asyncio loop comes right after the first frame (klogs_desk/ui/event_loop.py): work a cashier starts
before then (a Pay clicked at once) installs it on the spot and runs, nothing waits for a timer or is lost."""

from __future__ import annotations

import asyncio

import pytest
import qasync
from PySide6.QtWidgets import QPushButton

from klogs_desk.ui import event_loop
from klogs_desk.ui.async_runner import RUNNER, run_operation

try:
    from tests.conftest import end_qasync_loops
except ImportError:  # pragma: no cover - when tests/ is the rootdir
    from conftest import end_qasync_loops


@pytest.fixture
def app_loop_to_come(qapp):
    """What the app does before its first frame: the asyncio loop is to be installed later (none runs yet)."""
    assert asyncio._get_running_loop() is None
    installed: list[qasync.QEventLoop] = []

    def install() -> None:
        loop = qasync.QEventLoop(qapp, already_running=True)
        asyncio.set_event_loop(loop)
        installed.append(loop)

    event_loop.install_later(install)
    yield installed
    event_loop.ensure()  # nothing left pending for the next test
    end_qasync_loops(qapp, installed)


def test_work_started_before_the_loop_is_installed_installs_it_and_runs(qtbot, app_loop_to_come):
    button = QPushButton("Pay")
    qtbot.addWidget(button)
    results: list[str] = []

    async def pay() -> str:
        await asyncio.sleep(0)
        return "approved"

    assert event_loop.pending()
    task = run_operation(button, pay(), on_success=results.append)
    assert len(app_loop_to_come) == 1 and not event_loop.pending()
    assert not button.isEnabled()
    qtbot.waitUntil(lambda: task.done() and RUNNER.running == 0)
    assert results == ["approved"]
    assert button.isEnabled()


def test_the_loop_is_installed_once_and_tells_who_waited(app_loop_to_come):
    told: list[str] = []
    event_loop.when_ready(lambda: told.append("first"))
    event_loop.when_ready(lambda: told.append("second"))
    assert told == []
    event_loop.ensure()
    event_loop.ensure()
    assert told == ["first", "second"] and len(app_loop_to_come) == 1
    event_loop.when_ready(lambda: told.append("after"))  # installed already: at once
    assert told[-1] == "after"


def test_without_an_app_loop_to_come_nothing_is_installed():
    assert not event_loop.pending()
    event_loop.ensure()  # tests with their own loop, a bare widget: nothing happens
    told: list[bool] = []
    event_loop.when_ready(lambda: told.append(True))
    assert told == [True]
