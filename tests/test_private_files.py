"""Files only the user can read: after a short real session of ``klogs-desk`` (a sale, its receipt saved as
PDF, the journal exported as CSV, settings saved, the log rotated), every directory under the app home is
0700 and every file 0600 — journal with SQLite's -wal/-shm, settings.ini, logs and rotated logs, receipts,
CSV. The session runs under umask 022, which would otherwise give 0755/0644.

Like tests/test_zz_card_data_at_rest.py, it walks everything the app wrote rather than a list of names, so
a new kind of file is checked as soon as it exists.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

from klogs_desk import paths

SESSION = textwrap.dedent("""
    import asyncio, datetime as dt, logging, logging.handlers, os, sys
    os.umask(0o022)
    from decimal import Decimal
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    state = {}

    def started():
        windows = [w for w in app.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, started)
            return
        window = state["window"] = windows[0]
        from klogs_desk.services.payments import CardOrder, PaymentService
        order = CardOrder(order_id="MODES-1", amount=Decimal("12.34"), currency="TRY", holder="Ayse Yilmaz",
                          pan="4111111111111111", expiry_month="12",
                          expiry_year=f"{(dt.date.today().year + 3) % 100:02d}", cvv="123")
        state["sale"] = asyncio.ensure_future(PaymentService(window.services).sale(order))
        QTimer.singleShot(50, after_sale)

    def after_sale():
        if not state["sale"].done():
            QTimer.singleShot(50, after_sale)
            return
        try:
            write_everything()
        except BaseException:  # a failure must end the session, not leave it waiting for the test's timeout
            app.quit()
            raise

    def write_everything():
        print("sale", state["sale"].result().state, flush=True)
        window = state["window"]
        from klogs_desk import paths
        from klogs_desk.domain.journal import EntryKind
        from klogs_desk.ui.journal_tab import JournalTab
        entry = window.services.journal.find_payment("sandbox", EntryKind.SALE, "MODES-1")
        journal_tab = window.findChild(JournalTab)
        print("receipt", journal_tab.receipts.save_pdf(entry), flush=True)  # the terminal's one printer
        journal_tab.choose_export_path = lambda default: default
        window.config.merchant_line = "Kadikoy Books"
        window.config.sync()
        for handler in logging.getLogger().handlers:
            if isinstance(handler, logging.handlers.RotatingFileHandler):
                handler.doRollover()
        logging.getLogger("klogs_desk").info("after the rollover")
        # The export runs in its own process: the session ends once its file is in place (quitting
        # earlier would stop it and leave no file, as it should).
        journal_tab.exported.connect(lambda path, rows: (print("exported", path, rows, flush=True), app.quit()))
        print("export", journal_tab.export_csv(), flush=True)

    QTimer.singleShot(50, started)
    from klogs_desk.app import main
    sys.exit(main([]))
""")


def modes_under(home: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(home.stat().st_mode)}
    for path in home.rglob("*"):
        if not path.is_symlink():
            found[str(path.relative_to(home))] = stat.S_IMODE(path.stat().st_mode)
    return found


def test_a_session_writes_only_files_the_user_can_read(tmp_path):
    home = tmp_path / "home"  # made by the app itself
    env = dict(os.environ, KLOGS_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SESSION], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "sale OutcomeState.APPROVED" in result.stdout, result.stdout + result.stderr[-3000:]

    modes = modes_under(home)
    names = set(modes)
    # What the session must have written, so the walk below is about real files.
    for expected in ("journal.sqlite3", "settings.ini", "logs/klogs-desk.log", "logs/klogs-desk.log.1"):
        assert expected in names, sorted(names)
    assert any(n.startswith("receipts/") and n.endswith(".pdf") for n in names), sorted(names)
    assert any(n.endswith(".csv") for n in names), sorted(names)

    wrong = {name: oct(mode) for name, mode in modes.items()
             if mode != ((paths.PRIVATE_DIR_MODE if (home / name).is_dir() else paths.PRIVATE_FILE_MODE))}
    assert wrong == {}


def test_sqlite_wal_and_shm_are_private_while_the_journal_is_open(tmp_path):
    from klogs_desk.domain.journal import Journal

    old = os.umask(0o022)
    try:
        journal = Journal(tmp_path / "journal.sqlite3")
        try:
            written = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
        finally:
            journal.close()
    finally:
        os.umask(old)
    assert written == {"journal.sqlite3": 0o600, "journal.sqlite3-wal": 0o600, "journal.sqlite3-shm": 0o600}


def test_files_from_an_older_version_are_narrowed(tmp_path, monkeypatch):
    """A home written before this rule (0755 / 0644) is made private when the app next uses it."""
    from klogs_desk.config import Config
    from klogs_desk.domain.journal import Journal

    home = tmp_path / "home"
    (home / "logs").mkdir(parents=True, mode=0o755)
    os.chmod(home, 0o755)
    for name in ("settings.ini", "journal.sqlite3"):
        (home / name).touch(mode=0o644)
        os.chmod(home / name, 0o644)
    monkeypatch.setenv("KLOGS_DESK_HOME", str(home))
    Config().sync()
    Journal(paths.journal_path()).close()
    paths.log_dir()
    assert {name: oct(mode) for name, mode in modes_under(home).items()} == {
        ".": "0o700", "logs": "0o700", "settings.ini": "0o600", "journal.sqlite3": "0o600"}
