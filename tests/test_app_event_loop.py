"""``klogs-desk`` shows its window on Qt's own event loop and installs the asyncio loop right after the first
frame (klogs_desk/ui/event_loop.py). A quit that comes before that (the window closed at once, or code calling
``app.quit()`` on the first turn of the loop) still shuts the terminal down on the asyncio loop: exit code 0,
nothing alarming on stderr, "klogs-desk stopped" in the log. Real starts in a subprocess (offscreen, training
mode with the embedded sandbox)."""

from __future__ import annotations

import textwrap

import pytest

from tests.test_app_shutdown import ALARMING, run_terminal

SCRIPT = textwrap.dedent("""
    import asyncio, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    HOW = sys.argv[1]

    def quit_at_once():  # queued before the app's own timers: the first turn of Qt's loop, before asyncio's
        print("asyncio loop before the quit:", asyncio._get_running_loop() is not None, flush=True)
        if HOW == "close":
            windows = [w for w in app.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]
            windows[0].close()
        else:
            app.quit()

    QTimer.singleShot(0, quit_at_once)
    from klogs_desk.app import main
    sys.exit(main([]))
""")


@pytest.mark.parametrize("how", ["close", "quit"])
def test_a_quit_before_the_asyncio_loop_is_installed_still_shuts_down_cleanly(tmp_path, how):
    result = run_terminal(SCRIPT, how, tmp_path)
    assert "asyncio loop before the quit: False" in result.stdout, result.stdout
    for line in ALARMING:
        assert line not in result.stderr, result.stderr[-3000:]
    assert "asyncio loop installed" in result.stderr
    assert "klogs-desk stopped" in result.stderr


@pytest.mark.parametrize("flag", ["--self-check", "--verify-audit"])
def test_runs_without_a_first_frame_collect_garbage(monkeypatch, flag):
    """``python -m klogs_desk`` (the bundle's entry) turns the collector off before its imports and the first
    frame turns it back on; the self-check and the audit walk have no first frame, so they turn it on
    themselves (else their whole run would go without cycle collection)."""
    import gc

    import klogs_desk.self_check
    from klogs_desk import app

    seen: list[bool] = []
    monkeypatch.setattr(klogs_desk.self_check, "run", lambda: seen.append(gc.isenabled()) or 0)
    monkeypatch.setattr(app, "verify_audit", lambda: seen.append(gc.isenabled()) or 0)
    gc.disable()  # as __main__ does
    try:
        assert app.main([flag]) == 0
    finally:
        gc.enable()
    assert seen == [True]
