"""Start the terminal: ``klogs-desk [--environment sandbox|test|production] [--yes-production]
[--sandbox-url URL]``.

Production is never chosen silently (:func:`apply_environment_argument`): ``--environment production``
switching a terminal that is not in production yet asks the cashier first, in their language, before the
window; with no display to ask on it refuses (exit code 3) unless ``--yes-production`` confirms it on the
command line.

With :mod:`klogs_desk.composition` (which builds the tabs, the window, the reconciler, the 3-D Secure
listener and the runtime that stops them), the only place that wires everything: logging, the
QApplication and its qasync loop, the app-wide excepthook, the journal, the client for the chosen
environment.

Training mode: with no configuration, or with the sandbox environment, the embedded sandbox gateway is
started on free loopback ports (unless ``--sandbox-url`` names one already running) in its own process
(:mod:`klogs_desk.embedded_sandbox`), right at launch, so FastAPI's imports run on another core while the
window is built and its work never holds this process's interpreter lock. The ports are bound first, so
the client knows the URL at once; requests sent before it serves wait for it asynchronously. It ends
with the terminal (its stdin closes, even when the terminal is killed). ``benchmarks/cold_start.py``
prints the figures.

Cold start stays light: nothing here imports QtWebEngine; the 3-D Secure view warms it up after the
window is shown. The window's first frame shows the Sale tab (or the sign-in screen over it); the other
five tabs are built right after it, in order (:func:`~klogs_desk.composition.build_terminal` with
``after_first_frame``), and so are the runtime's start and the audit trail's chain check. Nor is the gateway client built before the first frame: the configured addresses are
checked for clear text first (without httpx), the window and tabs are built against
:class:`~klogs_desk.services.context.AppServices` holding a way to build the client, and right after the
first frame a worker thread reads the keyring and imports httpx and the API models, then the event loop
builds the client (:func:`prepare_client_in_background`). A Pay pressed before says "Connecting…" and
waits; ``tests/test_startup_imports.py`` checks what the first frame imports.

Nor does the first frame wait for asyncio: the window is shown on Qt's own event loop (``app.exec()``),
and the qasync loop joins that running loop right after the first frame (:mod:`klogs_desk.ui.event_loop`;
whatever needs it sooner, a Pay clicked or a quit, installs it on the spot). The garbage collector is off
until then (:func:`collect_from_now_on`).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import gc
import logging
import os
import sys
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable

from .ui import import_hook

# Before this package's other modules load: from PySide6's import on (config imports it), PySide6 reads the
# source of every module imported; import_hook makes that a byte scan. Installed in main() it came after
# the ~75 modules these imports bring in (PySide6's own scan of them: ~15-20 ms of the first frame).
import_hook.install()

from . import __version__, paths  # noqa: E402
from .config import ENVIRONMENTS  # noqa: E402
from .embedded_sandbox import EmbeddedSandbox  # noqa: E402

if TYPE_CHECKING:
    import asyncio

    from .api.client import KlogsClient
    from .config import Config
    from .credentials import CredentialStore

log = logging.getLogger("klogs_desk")


class ExceptionReporter:
    """``sys.excepthook`` for the app: log the traceback (redacted by the log filter), tell the user once.

    While its dialog is open, further exceptions are only logged: a loop that fails every tick must not
    bury the cashier under dialogs. The dialog names the log file and never shows the traceback.
    """

    def __init__(self, log_file: Path, parent: Callable[[], object] | None = None) -> None:
        self.log_file = log_file
        self._parent = parent
        self._showing = False
        self.reported = 0

    def __call__(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        self.reported += 1
        log.error("unexpected error", exc_info=(kind, exc, tb))
        if self._showing:
            return
        self._showing = True
        try:
            self.show_dialog(self.message())
        finally:
            self._showing = False

    def message(self) -> str:
        return ("Something went wrong inside the terminal and the last action may not have finished.\n\n"
                f"The details were saved to {self.log_file}. Please send that file to support.\n\n"
                "If a payment was in progress, check the Journal tab before trying it again.")

    def show_dialog(self, message: str) -> None:
        """Show ``message`` modally (tests replace this)."""
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            print(message, file=sys.stderr)
            return
        parent = self._parent() if self._parent else None
        box = QMessageBox(QMessageBox.Icon.Critical, "Something went wrong", message,
                          QMessageBox.StandardButton.Ok, parent)  # type: ignore[arg-type]
        box.setObjectName("unexpectedErrorDialog")
        box.exec()

    def loop_exception_handler(self, loop: asyncio.AbstractEventLoop, context: dict) -> None:
        """For ``loop.set_exception_handler``: exceptions of tasks nobody awaited."""
        exc = context.get("exception")
        if isinstance(exc, BaseException):
            self(type(exc), exc, exc.__traceback__)
        else:
            log.error("event loop: %s", context.get("message"))


def finish_inside_quit(main_task: "asyncio.Task[None]", requested: asyncio.Event) -> None:
    """For ``aboutToQuit`` when something called ``app.quit()`` (code, the session ending): Qt's loop has
    already ended, but this signal is still emitted inside it, where the asyncio loop still counts as
    running. Ask for the shutdown and let it finish in a short nested Qt loop.

    Why not after the loop: qasync processes one last pass of Qt events *after* its loop stopped, with no
    running asyncio loop, so a task step still pending then fails ("no running event loop"), and tasks
    left over are destroyed pending when the loop closes. (Not a Quit event filter on the application: a
    Python app-wide filter is handed QtWebEngine internals, which crashed PySide 6.11 here.)
    """
    requested.set()
    if main_task.done():  # the normal way: the window closed and the shutdown already ran
        return
    from PySide6.QtCore import QEventLoop

    nested = QEventLoop()
    main_task.add_done_callback(lambda _task: nested.quit())
    nested.exec()


#: The process exit code when production was asked for and not confirmed (nothing was changed).
EXIT_PRODUCTION_NOT_CONFIRMED = 3  # not 2: argparse exits with 2 on a usage error
#: Qt platforms that show nothing to anyone: a question there has no one to answer it.
_NO_DISPLAY_PLATFORMS = frozenset({"offscreen", "minimal"})


def apply_environment_argument(config: "Config", requested: str | None, *, yes_production: bool, platform: str,
                               ask: Callable[[], bool], has_manager: Callable[[], bool] = lambda: True) -> bool:
    """Save the environment named on the command line; False (nothing saved) when production was refused.

    Leaving training for the test or production environment needs a manager to exist (``has_manager``):
    a terminal whose staff is only the built-in Trainee stays on the sandbox, with a message on stderr.

    Switching to production from another environment (or on a first start) needs a yes: ``ask()`` (the
    modal question), or ``--yes-production`` for an unattended start. When the question cannot be seen
    (``platform`` offscreen or minimal: no display) and there is no ``--yes-production``, it is refused
    with a message on stderr and in the log: a scripted start must not end up in production by accident.
    Asking again when the terminal already is in production would not tell anyone anything new: the
    window's red band says it.
    """
    if not requested:
        return True
    if requested != "sandbox" and requested != config.environment and not has_manager():
        message = (f"klogs-desk: not switching to {requested}: no manager has been created yet. Start in "
                   "training mode, add a manager in File > Operators..., then switch in Settings as that manager.")
        log.error("environment %s refused: no manager exists", requested)
        print(message, file=sys.stderr)
        return False
    if requested == "production" and config.environment != "production" and not yes_production:
        if platform in _NO_DISPLAY_PLATFORMS:
            message = ("klogs-desk: not switching to production: there is no display to confirm it on. "
                       "In production every approved payment charges a real card. Run it with a display, "
                       "or add --yes-production to confirm on the command line.")
            log.error("production not confirmed: no display to ask on (platform %s)", platform)
            print(message, file=sys.stderr)
            return False
        if not ask():
            log.warning("production not confirmed: the cashier said no")
            print("klogs-desk: not switching to production: it was not confirmed.", file=sys.stderr)
            return False
    if requested == "production":
        log.warning("switching to production (%s)", "--yes-production" if yes_production else "confirmed")
    config.environment = requested
    config.sync()
    return True


def _rate_limit(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("a number of requests a minute, 0 or more")
    return value


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="klogs-desk", description="Klogs merchant terminal.")
    parser.add_argument("--environment", choices=ENVIRONMENTS,
                        help="use this environment instead of the one in Settings (and remember it); "
                             "switching to production asks for confirmation first")
    parser.add_argument("--yes-production", action="store_true",
                        help="confirm --environment production without a question (unattended starts)")
    parser.add_argument("--sandbox-url", metavar="URL",
                        help="an already running sandbox gateway to use in training mode")
    parser.add_argument("--sandbox-rate-limit", metavar="N", type=_rate_limit,
                        help="requests a minute per credential the built-in training sandbox allows before "
                             "answering 429 (default 100, the docs' figure for Klogs' test environment; 0: no limit)")
    parser.add_argument("--verify-audit", action="store_true",
                        help="check the audit trail's hash chain, print 'chain intact' or 'broken at record N' "
                             "and exit non-zero when it is broken (no window)")
    parser.add_argument("--version", action="version", version=f"klogs-desk {__version__}")
    # --- packaging: the installed bundle's smoke test (klogs_desk/self_check.py) ---
    parser.add_argument("--self-check", action="store_true",
                        help="headless: start the built-in sandbox, run one sale and one 3-D Secure sale, "
                             "print what happened and exit 0 only if both succeeded")
    return parser.parse_args(argv)


def verify_audit() -> int:
    """``--verify-audit``: print the audit trail's verification; 0 when intact, 1 when broken."""
    from .domain.audit import verify_file

    result = verify_file(paths.audit_path())
    print(result.text)
    return 0 if result.intact else 1


def prepare_client_in_background(store: "CredentialStore", environment: str,
                                  then: Callable[[], None]) -> "concurrent.futures.Future[Any]":
    """Started right after the first frame, on a worker thread: read ``environment``'s credentials
    (probing the keyring's backends, a D-Bus call and a library search, ~0.15 s) and import what the
    gateway client needs (httpx, the API's pydantic models, ~0.45 s of CPU), none of which the first frame
    needs; then ``then()`` (thread-safe: it hands the building of the client to the event loop). Resolves
    to ``(credentials, problem)``: ``problem`` the message when the keyring cannot be used (the
    credentials are empty then; the sandbox's defaults in training mode)."""
    future: "concurrent.futures.Future[Any]" = concurrent.futures.Future()

    def prepare() -> None:
        try:
            from .api.addresses import Credentials
            from .credentials import CredentialStoreUnavailable

            try:
                loaded = (store.load(environment), None)
            except CredentialStoreUnavailable as exc:
                loaded = (Credentials(), exc.msg)
            future.set_result(loaded)
        except BaseException as exc:  # a bug: raised again where the result is used
            future.set_exception(exc)
        try:
            from . import environments  # noqa: F401
            from .api import client  # noqa: F401  # httpx and the models, off the UI thread
        finally:
            then()

    threading.Thread(target=prepare, name="klogs-client", daemon=True).start()
    return future


def ask_production_lazily() -> bool:
    """:func:`klogs_desk.ui.production_confirm.ask_production`, imported only when the question is asked
    (QMessageBox's enums are not the first frame's business on an ordinary start)."""
    from .ui.production_confirm import ask_production

    return ask_production()


def build_api_validators_in_background() -> None:
    """The API models' pydantic validators, deferred at import, built on a worker thread after the first
    frame (:func:`klogs_desk.api.models.build_validators`)."""
    from .api.models import build_validators

    def build() -> None:
        started = time.perf_counter()
        try:
            count = build_validators()
        except Exception:  # each is built again at its first use anyway
            log.warning("building the API models' validators ahead of use failed", exc_info=True)
            return
        log.info("%d API model validators built in %.0f ms", count, (time.perf_counter() - started) * 1000)

    threading.Thread(target=build, name="klogs-models", daemon=True).start()


def _warm_up_web_engine() -> None:
    """From the first frame on: the 3-D Secure browser process starts once the cashier is idle."""
    from .ui.challenge_browser.remote import warm_up

    warm_up(delay_ms=500)


def main(argv: list[str] | None = None) -> int:
    """Run the terminal until its window closes; returns the process exit code.

    No garbage collection before the first frame (:func:`collect_from_now_on` after it); the collector is
    back on when this returns whatever happened (tests call it in their own process)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv)
    finally:
        if collecting:
            gc.enable()


def collect_from_now_on() -> None:
    """Right after the first frame: the garbage collector on again, with what start-up built frozen first.

    Until then it is off (``main``, and ``python -m klogs_desk`` before its imports): start-up allocates
    hundreds of thousands of objects that nearly all live as long as the process (modules, classes, Qt's
    enums, the window), and the collections they set off (~60 young and a few older ones) cost the first
    frame ~15-25 ms of the UI thread here while finding next to nothing. Frozen (``gc.freeze``) rather than
    collected when it comes back on: a first collection over everything start-up made would be a stall of its
    own. The few cycles start-up left behind stay frozen with the rest (a few kilobytes at most).
    """
    gc.freeze()
    gc.enable()


def _main(argv: list[str] | None) -> int:
    import_hook.install()  # done at import (above); again for a caller that restored PySide6's own scan
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.perf_counter()
    if args.self_check or args.verify_audit:
        # No first frame in these runs, so collect_from_now_on never comes: the collector on from here
        # (python -m klogs_desk, the bundle's entry, turned it off before the imports).
        gc.enable()
    if args.self_check:  # packaging: never touches the user's journal, settings or keyring
        from .self_check import run

        return run()
    if args.verify_audit:
        return verify_audit()

    from . import platform_check

    problem = platform_check.platform_problem()  # before Qt: missing X11 libraries abort it with a core dump
    if problem:
        print(problem, file=sys.stderr)
        return 1

    from .log import rotate_from_now_on, setup_logging

    log_file = setup_logging(rotating=False)  # logging.handlers (pickle, queue) from the first frame on
    log.info("klogs-desk %s starting", __version__)

    from .config import Config

    config = Config()
    environment_before = config.environment  # a switch on the command line goes into the audit trail
    # Saved only once confirmed (apply_environment_argument, after the translator is installed).
    environment = args.environment or config.environment
    # Training payments survive a restart; the limit is the sandbox's own (100) unless the command line says.
    sandbox = EmbeddedSandbox(database=paths.sandbox_path(), rate_limit_per_minute=args.sandbox_rate_limit)
    if environment == "sandbox" and not args.sandbox_url and not config.payment_base_url("sandbox"):
        sandbox.start_in_background()  # its own process, in parallel with the window; the URL is known now

    if hasattr(os, "geteuid") and os.geteuid() == 0 and "QTWEBENGINE_CHROMIUM_FLAGS" not in os.environ:
        # Chromium (the 3-D Secure view) refuses to start its sandbox as root and kills the process.
        log.warning("running as root: the 3-D Secure web view runs without Chromium's sandbox")
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"

    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from .ui import event_loop

    # QtWebEngine is never loaded here: the 3-D Secure page runs in its own process (ui.challenge_browser).
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.ORGANIZATION)
    app.setApplicationVersion(__version__)
    from .i18n import install as install_language

    install_language(config.language, app)  # before any widget: texts and number formats follow it
    from .ui import theme

    # "Ödeme", not "Odeme", on fonts whose ascent is too low for the dots. The style's Python polish (room
    # above every label) only from the first frame on: the first frame's labels get it just before show.
    theme.install_accent_safe_style(app, polish_labels=False)
    from PySide6.QtGui import QGuiApplication

    from .composition import build_staff
    from .domain.audit import AuditLog
    from .services.audit import ENVIRONMENT_SWITCHED, AuditTrail

    window_holder: list[object] = []

    def audit_not_written(exc: BaseException) -> None:  # the action stands; the manager must hear of the gap
        if window_holder:
            window_holder[0].tell(  # type: ignore[attr-defined]  # the MainWindow, once shown
                QCoreApplication.translate("App", "Audit trail not written"),
                QCoreApplication.translate(
                    "App", "The last action was done but could not be written to the audit trail ({reason}). "
                    "Tell the manager.").format(reason=exc))

    live: list[AppServices] = []  # the services once built: their environment is the one in use
    audit_trail = AuditTrail(AuditLog(paths.audit_path()), current_operator=lambda: staff.operator_name(),
                             training=lambda: (live[0].environment if live else environment) == "sandbox",
                             on_failure=audit_not_written)
    # The operators record sign-in, lock-out, approvals and operator changes in the same trail.
    staff = build_staff(config, paths.staff_path(), audit=audit_trail)  # the old manager PIN moves out first
    if not apply_environment_argument(config, args.environment, yes_production=args.yes_production,
                                      platform=QGuiApplication.platformName(), ask=ask_production_lazily,
                                      has_manager=staff.store.has_manager):
        sandbox.stop()
        audit_trail.log.close()
        return EXIT_PRODUCTION_NOT_CONFIRMED
    reporter = ExceptionReporter(log_file, parent=lambda: window_holder[0] if window_holder else None)
    sys.excepthook = reporter

    from .api.addresses import ClearTextRefused
    from .composition import build_shop, build_terminal, open_journal, shop_settings
    from .credentials import CredentialStore
    from .environments import build_client, endpoints_for
    from .services.context import AppServices

    journal = open_journal(paths.journal_path(), staff)
    store = CredentialStore(session_only=config.credentials_session_only)  # the keyring is read later
    # The shop database (optional): its outbox is added before anything is written in this run.
    # No shop host, no shop database (ShopSettings.configured needs one): its module is not even imported.
    shop = (build_shop(shop_settings(config, store), journal, audit_trail.log, paths.staff_path())
            if config.shop_host else None)
    interrupted = journal.mark_interrupted()
    if interrupted:
        log.warning("%d payment(s) were in flight when the terminal last stopped: now 'unknown'", interrupted)

    sandbox_url = None
    if environment == "sandbox":
        sandbox_url = args.sandbox_url or (None if config.payment_base_url("sandbox") else sandbox.reserve())
    try:
        endpoints_for(config, environment, sandbox_url)  # what build_client checks, without building it
    except ClearTextRefused as refused:  # before any window or request: say so and stop, nothing sent
        from PySide6.QtWidgets import QMessageBox

        from .ui.clear_text import insecure_url_message, insecure_url_title

        log.error("not started: %s", refused)
        QMessageBox.critical(None, insecure_url_title(), insecure_url_message(refused))
        sandbox.stop()
        journal.close()
        audit_trail.log.close()
        return 2
    # The client (httpx, the pydantic models, the keyring's credentials) is built right after the first
    # frame, below; a Pay pressed before waits for it ("Connecting…").
    credentials_loaded: "concurrent.futures.Future[Any] | None" = None

    def make_client() -> "KlogsClient":
        nonlocal credentials_loaded
        if credentials_loaded is None:  # read before the first frame was done with: load on the spot
            credentials_loaded = prepare_client_in_background(store, environment, lambda: None)
        credentials, _problem = credentials_loaded.result()
        return build_client(config, environment, credentials, sandbox_url)

    services = AppServices(journal=journal, environment=environment, merchant_line=config.merchant_line,
                           sandbox_url=sandbox_url, audit=audit_trail, build_client=make_client)
    live.append(services)
    if environment != environment_before:
        audit_trail.record(ENVIRONMENT_SWITCHED, details={"from": environment_before, "to": environment,
                                                          "via": "command line"})
    terminal = build_terminal(services, config=config, credentials=store, sandbox=sandbox,
                              sandbox_url=args.sandbox_url, log_file=str(log_file), audit_trail=audit_trail,
                              staff=staff, shop=shop, after_first_frame=True)
    window = terminal.window
    window_holder.append(window)

    def verify_audit_trail() -> None:
        # At every start, right after the first frame (a long trail takes a while to walk); a broken chain
        # is shown at the top of the window from then on.
        audit_check = audit_trail.verify()
        if not audit_check.intact:
            log.error("%s", audit_check.text)
        window.show_audit_verification(audit_check)

    window.first_frame_shown.connect(verify_audit_trail)
    window.first_frame_shown.connect(rotate_from_now_on)
    # Before the next tabs are built (the first of the deferred steps builds none: the runtime's start).
    window.first_frame_shown.connect(lambda: theme.polish_labels_from_now_on(app))
    theme.make_room_above_labels(window)
    window.show()
    if os.environ.get("KLOGS_DESK_EXIT_WHEN_SHOWN"):  # packaging: cold-start measurement of a bundle
        from .self_check import report_shown_and_quit

        report_shown_and_quit(app)
    def client_prepared() -> None:  # on the event loop, once the worker thread has done the imports
        services.build_client_now()
        assert credentials_loaded is not None
        _credentials, credential_problem = credentials_loaded.result()
        if credential_problem:
            from .ui.messages import render

            window.tell(QCoreApplication.translate("App", "Credentials not available"), render(credential_problem))
        build_api_validators_in_background()  # the first sale does not build them

    def prepare_client() -> None:
        nonlocal credentials_loaded
        if credentials_loaded is not None:  # something read the client first and had it built
            client_prepared()
            return
        event_loop.ensure()
        loop = asyncio_loop[0]
        credentials_loaded = prepare_client_in_background(
            store, environment, lambda: loop.call_soon_threadsafe(client_prepared))

    services.client_coming = True
    QTimer.singleShot(50, prepare_client)  # right after the first frame
    # QtWebEngine in the background once the window is up (the first 3-D Secure opens fast). From the first
    # frame on, not before: its input watch is an application-wide event filter in Python, and every event
    # of the show and the first paint (~190, to objects of dozens of Qt classes) made PySide6 build the
    # Python types and enums of each class it met (75 more enums at the first frame, ~40 ms).
    window.first_frame_shown.connect(_warm_up_web_engine)
    # Start-up's objects out of the garbage collector's reach: a full collection scanned them all (~50 ms on
    # the UI thread, the longest stall left in the Journal and Subscriptions tabs; ~2 ms after this).
    QTimer.singleShot(3_000, gc.freeze)
    terminal.tabs_ready.connect(lambda: log.info("all six tabs shown %.0f ms after start",
                                                 (time.perf_counter() - started) * 1000))
    log.info("window shown %.0f ms after start (sandbox start-up %s)", (time.perf_counter() - started) * 1000,
             f"{sandbox.startup_seconds * 1000:.0f} ms" if sandbox.startup_seconds
             else "still starting" if sandbox.reserved else "not needed")
    if interrupted:
        window.tell(QCoreApplication.translate("App", "Payments to check"),
                    QCoreApplication.translate(
                        "App", "Payments in progress when the terminal last stopped: {count}. Their outcome is "
                        "unknown: open the Journal tab and check them before charging those customers again."
                    ).format(count=interrupted))

    # Qt's event loop runs first: the window is painted and takes keys before asyncio and qasync are even
    # imported. The asyncio loop is installed on it right after the first frame, from a zero timer inside
    # the running loop, or sooner by whatever needs it first (ui/event_loop.py: a Pay clicked, a quit).
    # Closing the window asks it to shut down; Qt's loop ends once that is done (Runtime.stop).
    asyncio_loop: list[Any] = []  # (the qasync loop, the quit request, the shutdown task) once installed

    def install_asyncio() -> None:
        import asyncio

        import qasync

        loop = qasync.QEventLoop(app, already_running=True)  # Qt's loop runs: qasync only joins it
        asyncio.set_event_loop(loop)
        loop.set_exception_handler(reporter.loop_exception_handler)
        quit_requested = asyncio.Event()

        async def run_until_quit() -> None:
            await quit_requested.wait()
            await terminal.runtime.stop()

        main_task = loop.create_task(run_until_quit())
        main_task.add_done_callback(lambda _task: loop.stop())  # ends Qt's loop (app.exit)
        asyncio_loop[:] = [loop, quit_requested, main_task]
        log.info("asyncio loop installed %.0f ms after start", (time.perf_counter() - started) * 1000)

    def window_closed() -> None:
        event_loop.ensure()  # closed before the asyncio loop was installed: the shutdown still runs on it
        asyncio_loop[1].set()

    def about_to_quit() -> None:
        installed_now = event_loop.pending()
        event_loop.ensure()
        finish_inside_quit(asyncio_loop[2], asyncio_loop[1])
        if installed_now:
            # qasync connects its own end-of-loop step to aboutToQuit when it is installed; installed during
            # this signal, that step is not called now: call it (on Windows it stops qasync's IOCP poller
            # thread, which would otherwise abort the process at exit; a no-op elsewhere).
            asyncio_loop[0]._after_run_forever()

    event_loop.install_later(install_asyncio)
    app.setQuitOnLastWindowClosed(False)
    app.lastWindowClosed.connect(window_closed)
    app.aboutToQuit.connect(about_to_quit)
    QTimer.singleShot(0, collect_from_now_on)  # behind the first frame's own zero timers (and its report)
    QTimer.singleShot(0, event_loop.ensure)
    try:
        app.exec()
    finally:
        if asyncio_loop:
            import asyncio

            loop = asyncio_loop[0]
            loop.stop()  # not running any more (already stopped when the shutdown ended)
            asyncio._set_running_loop(None)  # qasync set it for a loop already running; Qt's has ended
            asyncio.set_event_loop(None)
            loop.close()
        sandbox.stop()
        journal.close()
        audit_trail.log.close()
        log.info("klogs-desk stopped")
    return 0


if __name__ == "__main__":  # python -m klogs_desk.app
    sys.exit(main())
