"""What the tests of the whole terminal share: the two operators they sign in (Zeynep, a manager, and
Mehmet, a cashier) and the end of a terminal built as the app builds it (what quitting does, in order)."""

from __future__ import annotations

from pathlib import Path

from klogs_desk.domain.operators import OperatorStore, Role, hash_pin
from klogs_desk.ui.async_runner import RUNNER

MANAGER, MANAGER_PIN = "Zeynep", "482615"
CASHIER, CASHIER_PIN = "Mehmet", "7391"


def manager_and_cashier(path: Path) -> OperatorStore:
    """The staff file at ``path``, open, with Zeynep (manager) and Mehmet (cashier) added if it was empty."""
    store = OperatorStore(path)
    if not store.operators():
        store.add(MANAGER, Role.MANAGER, hash_pin(MANAGER_PIN))
        store.add(CASHIER, Role.CASHIER, hash_pin(CASHIER_PIN))
    return store


def close_window_and_client(qtbot, window, event_loop_qt) -> None:  # type: ignore[no-untyped-def]
    """Close ``window`` and delete it, then close its gateway client on the still-running event loop."""
    client = window.services.client
    window.close()
    window.deleteLater()
    qtbot.wait(10)
    closing = event_loop_qt.create_task(client.aclose())
    qtbot.waitUntil(closing.done, timeout=10_000)


def close_terminal(qtbot, terminal, event_loop_qt) -> None:  # type: ignore[no-untyped-def]
    """End a terminal made by ``build_terminal``: let running operations and the first gateway health check
    answer, stop the runtime (and the shop database's pusher when there is one), close the window and the
    client, then the journal."""
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    window = terminal.window
    if window.health_check_task is not None:
        qtbot.waitUntil(window.health_check_task.done, timeout=10_000)
    if terminal.runtime.shop is not None:
        stopping = event_loop_qt.create_task(terminal.runtime.shop.stop())
        qtbot.waitUntil(stopping.done, timeout=10_000)
    terminal.runtime.cancel()
    close_window_and_client(qtbot, window, event_loop_qt)
    terminal.services.journal.close()
