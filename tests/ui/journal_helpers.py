"""Helpers the Journal tab's tests share."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication

from klogs_desk.ui.journal_tab import JournalTab


def refreshed(tab: JournalTab, timeout: float = 10.0) -> None:
    """Refresh and wait for the rows: the journal is read on its reader thread and shown when it answers.

    Needs no ``qtbot`` (helpers such as ``select`` and ``cell`` call it from any test); the events are
    turned until :attr:`JournalTab.rows_shown` fires, and the wait fails after ``timeout`` seconds."""
    done: list[int] = []
    tab.rows_shown.connect(done.append)
    try:
        tab.refresh()
        deadline = time.monotonic() + timeout
        while not done:
            assert time.monotonic() < deadline, "the journal's rows never came"
            QCoreApplication.processEvents()
            time.sleep(0.001)
    finally:
        tab.rows_shown.disconnect(done.append)
