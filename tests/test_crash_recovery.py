"""Crash recovery: the terminal is killed (SIGKILL) while a payment is in flight, then started again.

1. A terminal process builds the real Sale tab on its own journal (``KLOGS_DESK_HOME`` of its own, under
   the session's app home so the card-data scan reads it), types a sale with the never-answering test card
   and clicks Pay, against a sandbox whose issuer takes a few seconds.
2. Once the gateway has the request (its ledger counts the charge) and the journal row is ``pending``,
   the process is killed with SIGKILL: no ``finally``, no outcome written.
3. The database passes ``PRAGMA integrity_check``.
4. The real app (``python -m klogs_desk.app --sandbox-url ...``) starts on that home: the row becomes
   ``unknown`` at start (``Journal.mark_interrupted``) and the log says so; its details dialog offers
   "Record verified outcome"; the app's reconciler asks the gateway and settles it ``approved`` once the
   gateway approved it, without charging again.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from klogs_desk.domain.journal import EntryState, Journal
from klogs_desk.messages import from_stored
from klogs_desk.sandbox.ledger import ledger_of
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig

REPO = Path(__file__).resolve().parents[1]
NEVER_ANSWERS = "4000000000000341"
#: The gateway approves the never-answering card after this long (the app restarts meanwhile).
ISSUER_SECONDS = 5.0

DRIVER = r"""
import asyncio, os, sys
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from klogs_desk import paths
from klogs_desk.api.client import Credentials, Endpoints, KlogsClient
from klogs_desk.domain.journal import Journal
from klogs_desk.services.context import AppServices
from klogs_desk.ui.sale_tab import SaleTab

app = QApplication(sys.argv[:1])
loop = qasync.QEventLoop(app)
asyncio.set_event_loop(loop)
journal = Journal(paths.journal_path())
client = KlogsClient(Endpoints.same(os.environ["CRASH_SANDBOX_URL"]),
                     Credentials("sandbox-key", "sandbox-secret", "sandbox-token"), timeout=120)
tab = SaleTab(AppServices(client=client, journal=journal))
tab.show()

def pay():
    form = tab.form
    form.amount.setText("275.00")
    form.holder.setText("Ayse Yilmaz")
    form.pan.setText(os.environ["CRASH_PAN"])
    form.expiry.setText("11/39")
    form.cvv.setText("123")
    print("ORDER", form.order_id.text(), flush=True)
    tab.pay_button.click()

QTimer.singleShot(0, pay)
with loop:
    loop.run_forever()
"""


def row_state(database: Path, order_id: str) -> tuple[str, str | None, str | None] | None:
    """(state, note, resolution) of the order's row, read through a connection of our own."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
        row = db.execute("SELECT state, note, resolution FROM entries WHERE reference = ?", (order_id,)).fetchone()
    return tuple(row) if row else None


def integrity(database: Path) -> str:
    with sqlite3.connect(database) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def wait_for(condition, seconds: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def slow_issuer():
    server = SandboxServer(SandboxConfig(testing=True, hang_seconds=ISSUER_SECONDS))
    server.start()
    yield server
    server.stop()


def test_payment_in_flight_when_killed_is_unknown_after_restart_and_reconciled(slow_issuer, app_home, qtbot):
    home = app_home / f"crash-{uuid.uuid4().hex[:8]}"
    home.mkdir()
    database = home / "journal.sqlite3"
    env = dict(os.environ, KLOGS_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO),
               CRASH_SANDBOX_URL=slow_issuer.url, CRASH_PAN=NEVER_ANSWERS)
    ledger = ledger_of(slow_issuer.state)

    terminal = subprocess.Popen([sys.executable, "-c", DRIVER], env=env, cwd=REPO, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
    try:
        line = terminal.stdout.readline()
        assert line.startswith("ORDER "), line + terminal.stderr.read()
        order_id = line.split()[1]
        wait_for(lambda: ledger.charges_for(order_id) == 1, 30, "the gateway to receive the payment")
        assert row_state(database, order_id)[0] == "pending"
        os.kill(terminal.pid, signal.SIGKILL)
        assert terminal.wait(10) == -signal.SIGKILL
    finally:
        if terminal.poll() is None:
            terminal.kill()
        terminal.stdout.close()
        terminal.stderr.close()

    assert integrity(database) == "ok"
    assert row_state(database, order_id)[0] == "pending"  # nobody wrote an outcome: the process was gone

    restarted = subprocess.Popen(
        [sys.executable, "-m", "klogs_desk.app", "--environment", "sandbox", "--sandbox-url", slow_issuer.url],
        env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        state, note, _ = wait_for(lambda: (row_state(database, order_id) or ("",))[0] != "pending"
                                  and row_state(database, order_id), 60, "the restarted app to flag the payment")
        assert state == "unknown"
        assert str(from_stored(note)) == "The terminal stopped while this request was in flight."  # stored as a code

        # The cashier's view of it: the Journal's details dialog offers the manual path.
        from klogs_desk.ui.transaction_dialogs import TransactionDetailsDialog

        journal = Journal(database)
        try:
            entry = journal.find_payment("sandbox", journal.search(text=order_id)[0].kind, order_id)
            assert entry.state is EntryState.UNKNOWN and entry.masked_pan == "400000******0341"
            dialog = TransactionDetailsDialog(entry, None, "Not asked yet.", [])
            qtbot.addWidget(dialog)
            assert not dialog.record_button.isHidden()
            assert "Record verified outcome" in dialog.record_button.text()
        finally:
            journal.close()

        # The restarted app's reconciler asks the gateway until it has approved, then settles the row.
        state, _, resolution = wait_for(lambda: (row_state(database, order_id) or ("",))[0] == "approved"
                                        and row_state(database, order_id), 60, "the reconciler to settle it")
        assert str(from_stored(resolution)).startswith("gateway lookup: approved")
        assert ledger.charges_for(order_id) == 1  # looked up, never sent again
        logs = "".join(p.read_text(errors="replace") for p in (home / "logs").glob("*.log*"))
        assert "were in flight when the terminal last stopped" in logs
    finally:
        restarted.terminate()
        try:
            restarted.wait(15)
        except subprocess.TimeoutExpired:
            restarted.kill()
            restarted.wait(5)
    assert integrity(database) == "ok"
