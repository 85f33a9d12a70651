"""Quitting ``klogs-desk``: everything on the loop stops before the loop closes.

Real starts of the app in a subprocess (offscreen, training mode with the embedded sandbox): the 3-D
Secure callback listener is running, a sale that never gets an answer is in flight, and the cashier
closes the window (or code calls ``app.quit()``). The process must end by itself with exit code 0, say
nothing alarming on stderr, stop the listener and the reconciler, and leave the in-flight sale
``unknown`` in the journal (never silently dropped, never ``pending``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from contextlib import closing

import pytest

from klogs_desk.domain.journal import EntryKind, EntryState, Journal

#: Lines that would mean something was left running or was torn down mid-flight.
ALARMING = ("Task was destroyed but it is pending", "QThread: Destroyed while thread is still running",
            "no running event loop", "Traceback", "unexpected error", "did not stop cleanly",
            "Event loop is closed", "coroutine was never awaited")

def run_terminal(script: str, how: str, home) -> subprocess.CompletedProcess:
    """``script`` (which starts the terminal with ``main([])``) in a process of its own, offscreen, with the
    app home ``home`` and ``how`` as its argument; it must exit 0."""
    env = dict(os.environ, KLOGS_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script, how], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


SCRIPT = textwrap.dedent("""
    import asyncio, datetime as dt, sys
    from decimal import Decimal
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    HOW = sys.argv[1]
    seen = {}
    from klogs_desk import composition
    build_terminal = composition.build_terminal

    def keep_terminal(*args, **kwargs):  # the app's composition root, kept to look at its parts
        terminal = seen["terminal"] = build_terminal(*args, **kwargs)
        return terminal

    composition.build_terminal = keep_terminal

    def started():
        windows = [w for w in app.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, started)
            return
        window = seen["window"] = windows[0]
        from klogs_desk.domain.journal import EntryKind
        from klogs_desk.services.payments import CardOrder, PaymentService
        from klogs_desk.ui.async_runner import RUNNER, run_operation
        listener = seen["terminal"].listener
        asyncio.get_event_loop().create_task(listener.start())
        order = CardOrder(order_id="QUIT-IN-FLIGHT", amount=Decimal("12.34"), currency="TRY", holder="Ayse Yilmaz",
                          pan="4000000000000341", expiry_month="12",
                          expiry_year=f"{(dt.date.today().year + 3) % 100:02d}", cvv="123")
        run_operation(None, PaymentService(window.services).sale(order))  # this card never gets an answer

        def quit_when_in_flight():
            row = window.services.journal.find_payment("sandbox", EntryKind.SALE, "QUIT-IN-FLIGHT")
            if not (listener.running and row is not None and RUNNER.running):
                QTimer.singleShot(50, quit_when_in_flight)
                return
            print("before quit: listener", listener.running, "reconciler",
                  seen["terminal"].reconciler.running, "tasks", RUNNER.running, flush=True)
            window.confirm = lambda title, question: True  # "Quit anyway?" -> yes
            if HOW == "close":
                window.close()
            else:
                app.quit()

        QTimer.singleShot(200, quit_when_in_flight)

    QTimer.singleShot(50, started)
    from klogs_desk.app import main
    code = main([])
    from klogs_desk.ui.async_runner import RUNNER
    print("after exit: listener", seen["terminal"].listener.running, "reconciler",
          seen["terminal"].reconciler.running, "tasks", RUNNER.running, flush=True)
    sys.exit(code)
""")


@pytest.mark.parametrize("how", ["close", "quit"])
def test_quitting_stops_the_listener_reconciler_and_tasks_and_leaves_the_sale_unknown(tmp_path, how):
    result = run_terminal(SCRIPT, how, tmp_path)
    # The sale (and perhaps the Subscriptions tab's first page) in flight when the cashier quits.
    assert re.search(r"before quit: listener True reconciler True tasks [1-9]", result.stdout), result.stderr[-3000:]
    assert "after exit: listener False reconciler False tasks 0" in result.stdout, result.stderr[-3000:]
    for line in ALARMING:
        assert line not in result.stderr, result.stderr[-3000:]
    assert "klogs-desk stopped" in result.stderr
    with closing(Journal(tmp_path / "journal.sqlite3")) as journal:
        row = journal.find_payment("sandbox", EntryKind.SALE, "QUIT-IN-FLIGHT")
        assert row is not None and row.state is EntryState.UNKNOWN
