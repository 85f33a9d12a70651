"""``klogs-desk --self-check``: prove an installed terminal works, headless, in one command.

What it does (the same code paths a cashier uses, against the embedded sandbox over loopback):

1. starts the embedded sandbox gateway in its own process, as training mode does (FastAPI on uvicorn:
   proves the bundle carries it and can start itself again as ``--sandbox-process``);
2. one sale with the approved test card through :class:`~klogs_desk.services.payments.PaymentService`,
   the real :class:`~klogs_desk.api.client.KlogsClient` and a journal in a temporary folder (never the
   user's journal, settings or keyring);
3. one 3-D Secure sale through :class:`~klogs_desk.services.three_d_secure.ThreeDSecureService`, the
   loopback callback listener and the challenge dialog, whose page runs in the 3-D Secure browser
   process, clicking the sandbox ACS page's ``#approve`` button with ``runJavaScript`` (proves the bundle
   can start itself again as ``--challenge-browser``, and that QtWebEngine, its resources and its helper
   process are in the bundle). The ACS page is on the sandbox bank's own host, as a real bank's is,
   so this also proves the web view's allow-list lets the card holder go to the bank and back;
4. the Journal's CSV export of those two sales, in its own process as the Journal tab runs it (proves the
   bundle can start itself again as ``--journal-export``), checking the file holds both orders and no card
   number.

It prints one line per step and exits 0 only if every step succeeded; otherwise it prints ``FAIL`` with
the reason and exits 1 (2 if the whole check did not finish within the time limit). It needs no display:
without one, Qt's offscreen platform is used. Everything it writes goes to a temporary folder that is
deleted afterwards. Card numbers printed are masked.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

#: The whole check must finish within this many seconds (a cold QtWebEngine start is the slow part).
DEFAULT_TIME_LIMIT = 120.0

APPROVED_CARD = "4111111111111111"
THREE_DS_CARD = "4000000000003220"


class CheckFailed(Exception):
    """A step failed; the message says which and why (never a card number)."""


def _prepare_environment(home: Path) -> None:
    """Headless if there is no display; everything written under ``home``; Chromium usable as root."""
    os.environ["KLOGS_DESK_HOME"] = str(home)
    no_display = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                           or os.environ.get("WAYLAND_DISPLAY"))
    if no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")


def _order(order_id: str, pan: str) -> Any:
    from .services.payments import CardOrder

    year = f"{(dt.date.today().year + 2) % 100:02d}"
    return CardOrder(order_id=order_id, amount=Decimal("1.00"), currency="TRY", holder="Self Check",
                     pan=pan, expiry_month="12", expiry_year=year, cvv="123")


def _outcome_text(outcome: Any) -> str:
    return (f"order {outcome.order_id}, {outcome.amount} {outcome.currency}, card {outcome.masked_pan}, "
            f"auth code {outcome.auth_code or '-'}")


async def _check_sale(services: Any, say: Callable[[str], None]) -> None:
    from .domain.journal import EntryState
    from .domain.orders import new_order_id
    from .services.payments import OutcomeState, PaymentService

    outcome = await PaymentService(services).sale(_order(new_order_id(), APPROVED_CARD), confirmed_duplicate=True)
    if outcome.state is not OutcomeState.APPROVED:
        raise CheckFailed(f"sale: expected approved, got {outcome.state.value}: {outcome.message}")
    row = services.journal.get(outcome.entry_id)
    if row.state is not EntryState.APPROVED:
        raise CheckFailed(f"sale: approved by the gateway but journaled as {row.state.value}")
    say(f"ok   sale approved: {_outcome_text(outcome)}; journal row {row.id} {row.state.value}")


async def _check_three_d_secure(services: Any, say: Callable[[str], None]) -> None:
    # asyncio is imported where used: report_shown_and_quit (the cold-start benchmark) runs before it.
    import asyncio

    import httpx

    from .callbacks import CallbackListener
    from .domain.orders import new_order_id
    from .services.payments import OutcomeState
    from .services.three_d_secure import ThreeDSecureService
    from .ui.three_ds_dialog import run_challenge

    listener = CallbackListener()
    service = ThreeDSecureService(services, listener)
    loop = asyncio.get_running_loop()
    acs_loaded: asyncio.Future = loop.create_future()
    bank_host: list[str] = []
    clicked: asyncio.Future = loop.create_future()

    def on_dialog(dialog: Any) -> None:
        def loaded(ok: bool) -> None:
            on_acs = dialog.page.url().path().startswith("/_acs/")
            if on_acs and not acs_loaded.done():
                bank_host.append(dialog.page.url().host())
                acs_loaded.set_result(ok)
                dialog.page.runJavaScript(
                    "(function(){var b=document.getElementById('approve'); if(!b) return false; "
                    "b.click(); return true;})()", 0,
                    lambda found: clicked.done() or clicked.set_result(bool(found)))

        dialog.page.loadFinished.connect(loaded)
        # A browser process that could not start or died: said at once, not after the minute's wait.
        dialog.page.renderProcessTerminated.connect(lambda *_: acs_loaded.done() or acs_loaded.set_result(False))

    try:
        started = time.perf_counter()
        challenge = await service.begin(_order(new_order_id(), THREE_DS_CARD), confirmed_duplicate=True)
        say(f"ok   3-D Secure enrolled: order {challenge.order_id}, payment {challenge.payment_id}")
        finishing = asyncio.ensure_future(run_challenge(service, challenge, on_dialog=on_dialog))
        try:
            if not await asyncio.wait_for(acs_loaded, 60):
                raise CheckFailed("3-D Secure: the browser process could not load the sandbox's challenge page "
                                  "(did it start? see the log)")
            gateway_host = httpx.URL(services.client.endpoints.payment_base_url).host
            if bank_host[0] == gateway_host:
                raise CheckFailed("3-D Secure: the sandbox's bank page is on the gateway's own host")
            say(f"ok   3-D Secure challenge page shown by the browser process on the bank's host {bank_host[0]} "
                f"({(time.perf_counter() - started) * 1000:.0f} ms after the request)")
            if not await asyncio.wait_for(clicked, 30):
                raise CheckFailed("3-D Secure: the challenge page has no #approve button")
            say("ok   3-D Secure #approve clicked in the web engine")
            outcome = await asyncio.wait_for(finishing, 60)
        except BaseException:
            service.cancel(challenge)
            finishing.cancel()
            raise
        if outcome.state is not OutcomeState.APPROVED:
            raise CheckFailed(f"3-D Secure: expected approved, got {outcome.state.value}: {outcome.message}")
        say(f"ok   3-D Secure sale approved via the loopback callback: {_outcome_text(outcome)}")
    except asyncio.TimeoutError:
        raise CheckFailed("3-D Secure: no answer in time (web engine, callback listener or sandbox)") from None
    finally:
        await listener.stop()


async def _check_export(journal: Any, home: Path, say: Callable[[str], None]) -> None:
    import asyncio

    target = home / "self-check-export.csv"
    started = time.perf_counter()
    job = journal.export_in_background(target, {})
    try:
        rows = await asyncio.wait_for(asyncio.wrap_future(job.future), timeout=60)
    except Exception as exc:  # noqa: BLE001  # any failure of the export process is the step's failure
        job.cancel()
        raise CheckFailed(f"journal export: {type(exc).__name__}: {exc}") from None
    text = target.read_text(encoding="utf-8")
    if rows < 2:
        raise CheckFailed(f"journal export: {rows} rows written, the two sales expected")
    if APPROVED_CARD in text or THREE_DS_CARD in text:
        raise CheckFailed("journal export: a full card number is in the file")
    say(f"ok   journal exported in its own process: {rows} rows in {(time.perf_counter() - started) * 1000:.0f} ms")


async def _run_checks(say: Callable[[str], None], home: Path) -> None:
    from .config import Config
    from .credentials import SANDBOX_CREDENTIALS
    from .domain.journal import Journal
    from .environments import EmbeddedSandbox, build_client
    from .services.context import AppServices

    sandbox = EmbeddedSandbox()
    url = sandbox.url()
    journal = Journal(home / "self-check-journal.sqlite3")
    client = build_client(Config(), "sandbox", SANDBOX_CREDENTIALS, url)
    try:
        await sandbox.until_ready()
        say(f"ok   embedded sandbox serving on {url} (started in {(sandbox.startup_seconds or 0) * 1000:.0f} ms)")
        services = AppServices(client=client, journal=journal, environment="sandbox", sandbox_url=url)
        await _check_sale(services, say)
        await _check_three_d_secure(services, say)
        await _check_export(journal, home, say)
    except RuntimeError as exc:
        raise CheckFailed(f"sandbox: {exc}") from None
    finally:
        await client.aclose()
        journal.close()
        sandbox.stop()


def run(time_limit: float = DEFAULT_TIME_LIMIT, out: Any = None) -> int:
    """Run the self-check; returns the process exit code (0 passed, 1 a step failed, 2 timed out)."""
    import asyncio

    from . import __version__

    out = out or sys.stdout
    started = time.perf_counter()
    # A slow CI machine may need longer; tests use a tiny limit to see the timeout path.
    time_limit = float(os.environ.get("KLOGS_DESK_SELF_CHECK_TIME_LIMIT") or time_limit)

    def say(line: str) -> None:
        print(line, file=out, flush=True)

    home = Path(tempfile.mkdtemp(prefix="klogs-desk-self-check-"))
    previous_home = os.environ.get("KLOGS_DESK_HOME")
    _prepare_environment(home)
    say(f"klogs-desk {__version__} self-check (Python {sys.version.split()[0]}, {sys.platform}, "
        f"Qt platform {os.environ.get('QT_QPA_PLATFORM') or 'default'})")
    try:
        import qasync
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setQuitOnLastWindowClosed(False)  # the challenge dialog is the only window while it is open
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        try:
            with loop:
                loop.run_until_complete(asyncio.wait_for(_run_checks(say, home), time_limit))
        finally:
            asyncio.set_event_loop(None)
    except asyncio.TimeoutError:
        say(f"FAIL self-check did not finish within {time_limit:.0f} s")
        return 2
    except CheckFailed as exc:
        say(f"FAIL {exc}")
        return 1
    except Exception as exc:  # a missing module in a bundle, Qt refusing to start: say what, exit non-zero
        say(f"FAIL unexpected {type(exc).__name__}: {exc}")
        return 1
    finally:
        if previous_home is None:
            os.environ.pop("KLOGS_DESK_HOME", None)
        else:
            os.environ["KLOGS_DESK_HOME"] = previous_home
        shutil.rmtree(home, ignore_errors=True)
    say(f"self-check passed in {time.perf_counter() - started:.1f} s")
    return 0


def process_age_seconds() -> float | None:
    """Seconds since this process was created (Linux: from /proc; elsewhere ``None``)."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started_ticks = int(fields[19])  # field 22 of stat(5), counted after the command name
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return uptime - started_ticks / os.sysconf("SC_CLK_TCK")


def report_shown_and_quit(app: Any) -> None:
    """For ``KLOGS_DESK_EXIT_WHEN_SHOWN=1``: once Qt's event loop has had one pass after ``show()`` (the
    first paint; the window takes keys and clicks from here on), print ``window interactive at`` with the
    wall-clock time, the process's age and its CPU time; then, once the asyncio loop the app installs right
    after the first frame (:mod:`klogs_desk.ui.event_loop`) has run a callback, ``asyncio ready at`` with
    the same, and quit."""
    from PySide6.QtCore import QTimer

    from .ui import event_loop

    def report_asyncio() -> None:
        print(f"asyncio ready at {time.time():.3f} cpu {time.process_time() * 1000:.0f} ms", flush=True)
        app.quit()

    def asyncio_installed() -> None:
        import asyncio

        try:
            asyncio.get_running_loop().call_soon(report_asyncio)  # reported once the loop has run it
        except RuntimeError:  # no asyncio loop at all
            app.quit()

    def report() -> None:
        if os.environ.get("KLOGS_DESK_REPORT_MODULES"):  # benchmarks/cold_start.py: what the first frame paid for
            heavy = ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "fastapi", "uvicorn", "httpx",
                     "pydantic", "keyring", "psycopg", "klogs_desk.api.client", "klogs_desk.api.models",
                     "klogs_desk.ui.preauth_tab", "klogs_desk.ui.installments_tab", "klogs_desk.ui.checkout_tab",
                     "klogs_desk.ui.subscriptions_tab", "klogs_desk.ui.journal_tab", "klogs_desk.ui.receipt", "segno",
                     "klogs_desk.shop.server", "importlib.metadata", "logging.handlers", "pickle",
                     "klogs_desk.services.reconciler", "klogs_desk.services.transactions",
                     "klogs_desk.services.saved_cards", "klogs_desk.domain.saved_cards",
                     "klogs_desk.domain.payment_orders", "klogs_desk.domain.reports",
                     "klogs_desk.shop.settings", "asyncio", "qasync", "dataclasses", "hashlib", "csv",
                     "klogs_desk.ui.webengine", "klogs_desk.ui.challenge_browser.remote")
            print("imported before the window: "
                  + (", ".join(name for name in heavy if name in sys.modules) or "none of "
                     + ", ".join(heavy)), flush=True)
        age = process_age_seconds()
        print("window interactive", file=sys.stderr, flush=True)  # where -X importtime's list is cut
        print(f"window interactive at {time.time():.3f}"
              + (f" ({age * 1000:.0f} ms after process start)" if age is not None else "")
              + f" cpu {time.process_time() * 1000:.0f} ms", flush=True)
        event_loop.when_ready(asyncio_installed)

    QTimer.singleShot(0, report)
