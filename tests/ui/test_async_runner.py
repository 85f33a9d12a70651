"""run_operation / run_query: the control is disabled while work runs and re-enabled after; errors go where they
belong; only operations (money moving) hold up quitting."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtWidgets import QProgressBar, QPushButton

from klogs_desk.api.errors import NotFoundError
from klogs_desk.messages import msg
from klogs_desk.ui.async_runner import RUNNER, run_operation, run_query
from tests.conftest import make_client


def finished(task: "asyncio.Task[None]") -> bool:
    """The task ended *and* the runner restored its control: the done-callback runs one loop turn after
    ``task.done()`` turns true, so waiting on ``task.done`` alone asserts one turn early."""
    return task.done() and RUNNER.running == 0


@pytest.fixture
def button(qtbot, event_loop_qt):
    button = QPushButton("Look up")
    qtbot.addWidget(button)
    button.show()
    return button


@pytest.fixture
def dialogs(monkeypatch):
    shown: dict[str, list] = {"user": [], "bug": []}
    monkeypatch.setattr(RUNNER, "show_user_error", lambda parent, title, message: shown["user"].append(message))
    monkeypatch.setattr(RUNNER, "report_bug", lambda exc: shown["bug"].append(exc))
    return shown


def test_control_is_disabled_until_the_answer_and_result_reaches_on_success(qtbot, button, dialogs):
    release = asyncio.Event()
    results: list[str] = []
    progress = QProgressBar()
    qtbot.addWidget(progress)

    async def work() -> str:
        await release.wait()
        return "done"

    task = run_operation(button, work(), on_success=results.append, progress=progress)
    assert not button.isEnabled()
    assert progress.maximum() == 0  # busy indicator
    release.set()
    qtbot.waitUntil(lambda: finished(task))
    assert results == ["done"]
    assert button.isEnabled()
    assert not progress.isVisible()
    assert dialogs == {"user": [], "bug": []}


def test_a_gateway_error_shows_its_message_from_the_real_sandbox(qtbot, button, dialogs, sandbox):
    client = make_client(sandbox)
    task = run_query(button, client.get_transaction("no-such-reference"))
    qtbot.waitUntil(lambda: finished(task), timeout=10_000)
    assert len(dialogs["user"]) == 1 and dialogs["user"][0]
    assert dialogs["bug"] == []
    assert button.isEnabled()


def test_on_error_receives_the_typed_error_instead_of_a_dialog(qtbot, button, dialogs):
    errors: list[Exception] = []

    async def missing() -> None:
        raise NotFoundError(msg("client.not-found"), status=404)

    task = run_operation(button, missing(), on_error=errors.append)
    qtbot.waitUntil(lambda: finished(task))
    assert [type(e) for e in errors] == [NotFoundError]
    assert dialogs["user"] == []


def test_a_bug_goes_to_the_excepthook_path_and_the_button_comes_back(qtbot, button, dialogs):
    async def broken() -> None:
        raise KeyError("oops")

    task = run_operation(button, broken())
    qtbot.waitUntil(lambda: finished(task))
    assert [type(e) for e in dialogs["bug"]] == [KeyError]
    assert dialogs["user"] == []
    assert button.isEnabled()


def test_a_failing_success_handler_is_a_bug_too(qtbot, button, dialogs):
    async def fine() -> int:
        return 1

    task = run_operation(button, fine(), on_success=lambda result: 1 / 0)
    qtbot.waitUntil(lambda: finished(task))
    assert [type(e) for e in dialogs["bug"]] == [ZeroDivisionError]
    assert button.isEnabled()


def test_cancelling_is_silent(qtbot, button, dialogs):
    task = run_operation(button, asyncio.sleep(30))
    task.cancel()
    qtbot.waitUntil(lambda: finished(task))
    assert dialogs == {"user": [], "bug": []}
    assert button.isEnabled()
    assert RUNNER.running == 0


def test_results_for_an_owner_deleted_mid_request_are_dropped_not_crashed(qtbot, event_loop_qt, dialogs):
    """A table model or tab closed while its request runs must not be touched when the answer comes."""
    import shiboken6
    from PySide6.QtCore import QObject

    owner = QObject()
    release = asyncio.Event()
    seen: list[str] = []

    async def work() -> str:
        await release.wait()
        return "page"

    run_operation(None, work(), owner=owner, busy_cursor=False, on_success=seen.append)
    shiboken6.delete(owner)
    release.set()
    qtbot.waitUntil(lambda: RUNNER.running == 0)
    assert seen == [] and dialogs["bug"] == [] and dialogs["user"] == []


def test_a_read_in_flight_does_not_hold_up_quitting_but_a_payment_does(qtbot, event_loop_qt, dialogs):
    """Closing the window asks "Quit anyway?" only while money may be moving (RUNNER.operations_running)."""
    release = asyncio.Event()
    read_button, pay_button = QPushButton("Refresh"), QPushButton("Pay")
    qtbot.addWidget(read_button)
    qtbot.addWidget(pay_button)

    read = run_query(read_button, release.wait(), busy_cursor=False)
    assert RUNNER.running == 1 and RUNNER.operations_running == 0
    pay = run_operation(pay_button, release.wait(), busy_cursor=False)
    assert RUNNER.running == 2 and RUNNER.operations_running == 1
    release.set()
    qtbot.waitUntil(lambda: finished(read) and finished(pay))
    assert RUNNER.operations_running == 0
    assert read_button.isEnabled() and pay_button.isEnabled()
