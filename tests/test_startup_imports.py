"""The first frame needs no gateway client: the terminal, launched as a cashier launches it (training mode,
its second start), shows its window with its event loop running before httpx, pydantic and the API models,
the keyring, FastAPI/uvicorn (the sandbox runs in its own process), the shop database's driver or
QtWebEngine are imported (issue 19), nor the modules of the five tabs the first frame does not show. They
load right after, on worker threads (the client, the 3-D Secure view's engine) or on the event loop (the
other tabs, one per turn). A behaviour test of what is loaded when, not a timing test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Not imported by the time the window is interactive (``klogs_desk.self_check.report_shown_and_quit``).
NOT_BEFORE_THE_FIRST_FRAME = ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "fastapi", "uvicorn",
                              "httpx", "pydantic", "keyring", "psycopg", "klogs_desk.api.client",
                              "klogs_desk.api.models",
                              # The first frame shows the Sale tab; the other five tabs (their modules, the
                              # receipt, the QR code) are built right after it; the version is a literal.
                              "klogs_desk.ui.preauth_tab", "klogs_desk.ui.installments_tab", "klogs_desk.ui.checkout_tab",
                              "klogs_desk.ui.subscriptions_tab", "klogs_desk.ui.journal_tab", "klogs_desk.ui.receipt", "segno",
                              "klogs_desk.shop.server", "importlib.metadata",
                              # The log file rotates from the first frame on (log.rotate_from_now_on).
                              "logging.handlers", "pickle",
                              # Built right after it (composition's first deferred step), or first used after it
                              # (the reports), or only with a shop database configured (its settings).
                              "klogs_desk.services.reconciler", "klogs_desk.services.transactions",
                              "klogs_desk.services.saved_cards", "klogs_desk.domain.saved_cards",
                              "klogs_desk.domain.payment_orders", "klogs_desk.domain.reports",
                              "klogs_desk.shop.settings",
                              # Qt's event loop runs the first frame; the asyncio loop joins it right after
                              # (klogs_desk/ui/event_loop.py).
                              "asyncio", "qasync",
                              # The first frame's value classes are written out or derive from frozen.Frozen
                              # (Python 3.11's @dataclass compiles each class's methods, ~1.2 ms a class);
                              # PIN hashes, audit-chain hashes, request signatures and CSV exports load
                              # hashlib (OpenSSL) and csv at their first use; the order ID draws from
                              # random.SystemRandom, as secrets does.
                              "dataclasses", "hashlib", "csv",
                              # The 3-D Secure browser process is started by the warm-up, after the first
                              # frame; QtWebEngine itself is never loaded in the terminal's process.
                              "klogs_desk.ui.challenge_browser.remote", "klogs_desk.ui.webengine",
                              "PySide6.QtWebEngineCore")


def launch(home: Path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KLOGS_DESK_HOME=str(home), KLOGS_DESK_EXIT_WHEN_SHOWN="1",
               KLOGS_DESK_REPORT_MODULES="1")
    result = subprocess.run([sys.executable, "-m", "klogs_desk"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_the_window_is_up_before_the_client_the_models_the_keyring_and_the_sandbox_server_load(tmp_path):
    launch(tmp_path)  # the first start creates the app home (journal, settings, operators)
    out = launch(tmp_path)
    assert "window interactive at" in out
    loaded_line = next(line for line in out.splitlines() if line.startswith("imported before the window: "))
    loaded = loaded_line.removeprefix("imported before the window: ")
    assert loaded.startswith("none of "), f"imported before the first frame: {loaded}"
    assert set(loaded.removeprefix("none of ").split(", ")) >= set(NOT_BEFORE_THE_FIRST_FRAME)
