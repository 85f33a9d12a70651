"""The embedded browser for 3-D Secure challenges: a locked-down, off-the-record QtWebEngine.

Contract:

* QtWebEngine is heavy (a Chromium process); it is imported only here and only when first needed, so the
  app starts without it. :func:`warm_up` (called by app.py after the window shows) starts it a step at a
  time while the cashier is idle, so the first challenge opens warm.
* Start-up requirement (PySide6 6.11): QtWebEngine loaded after ``QApplication`` exists needs
  ``QCoreApplication.setAttribute(Qt.AA_ShareOpenGLContexts)`` *before* the ``QApplication`` is created;
  :func:`prepare_application` does exactly that (app.py sets the same attribute itself, so that this
  module loads after the first frame). Without it Qt prints a warning
  and GPU compositing may fail; offscreen/software rendering works either way.
* The profile is off the record (``QWebEngineProfile()`` with no storage name): no cookies, cache, local
  storage or history on disk; memory-only HTTP cache; no persistent cookies. Downloads are cancelled;
  notifications and permissions are never granted.
* :class:`ChallengePage`'s allow-list (:func:`allowed_navigation`, for top-level navigations, frames,
  redirects and form posts alike). A real gateway's 3-D Secure HTML posts the card holder to the issuing
  bank's page, on the bank's own domain (a different one for every bank), and the bank posts back to the
  gateway, which posts to our listener; so:

  - **https to any host** (any port): the bank's host cannot be known in advance;
  - **plain http only to loopback**: always to our callback listener's exact origin; to other loopback
    hosts (127.0.0.0/8, ``localhost``, ``::1``) only when the gateway itself is plain http on loopback
    (the training sandbox, whose bank page is on 127.0.0.2). With a real (https) gateway no page may
    send the card holder's browser to some other local service, and nothing ever goes in clear text
    over a network;
  - the first ``setHtml`` (a ``data:`` load) once; never ``file:``, ``javascript:``, other ``data:``
    or any other scheme.

  A refused URL is decided before any connection is made (``acceptNavigationRequest`` runs first).
  New windows are refused (``createWindow`` returns ``None``): nothing escapes the dialog.
* TLS certificate errors are refused, never accepted or left to a default; for the page itself (not
  a part of it) they are reported through ``certificate_refused(host)`` so the dialog can say so in words.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import sys
import threading
import time
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QWindow

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

log = logging.getLogger(__name__)

_profile: "QWebEngineProfile | None" = None
#: The warm-up's page, kept so its renderer process stays up.
_warm_page: "QWebEnginePage | None" = None
_page_class: type | None = None


def prepare_application() -> None:
    """Call before creating the ``QApplication`` (app.py does) so QtWebEngine can be loaded lazily later."""
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts, True)


def is_loaded() -> bool:
    """True once the profile exists (after :func:`warm_up` or the first challenge)."""
    return _profile is not None


def profile() -> "QWebEngineProfile":
    """The one off-the-record profile shared by every challenge page (created on first use)."""
    global _profile
    if _profile is None:
        from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineSettings

        made = QWebEngineProfile(QCoreApplication.instance())  # no storage name: off the record
        made.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        made.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
        made.setSpellCheckEnabled(False)
        made.downloadRequested.connect(_refuse_download)
        settings = made.settings()
        for attribute, on in ((QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False),
                              (QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False),
                              (QWebEngineSettings.WebAttribute.LocalStorageEnabled, False),
                              (QWebEngineSettings.WebAttribute.PluginsEnabled, False),
                              (QWebEngineSettings.WebAttribute.PdfViewerEnabled, False),
                              (QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False),
                              (QWebEngineSettings.WebAttribute.JavascriptCanAccessClipboard, False),
                              (QWebEngineSettings.WebAttribute.JavascriptCanPaste, False),
                              (QWebEngineSettings.WebAttribute.ScreenCaptureEnabled, False),
                              (QWebEngineSettings.WebAttribute.WebRTCPublicInterfacesOnly, True),
                              (QWebEngineSettings.WebAttribute.JavascriptEnabled, True)):
            settings.setAttribute(attribute, on)
        _profile = made
    return _profile


def _refuse_download(download: Any) -> None:
    log.warning("3-D Secure page tried to download a file; refused")
    download.cancel()


#: Pause between two warm-up steps (each step is one event-loop turn of its own).
WARM_STEP_GAP_MS = 50
#: A warm-up step waits until nobody pressed a key or clicked for this long...
WARM_IDLE_MS = 1000
#: ...but not longer than this after :func:`warm_up` was called (a cashier typing without a pause for a
#: minute still gets a warm challenge after it).
WARM_PATIENCE_MS = 60_000

_warming = False
_warm_finished = False


def is_warm() -> bool:
    """True once :func:`warm_up` has finished: the engine, a renderer and a view's compositor are up."""
    return _warm_finished


class _InputWatch(QObject):
    """When the cashier last pressed a key or clicked, while the warm-up runs.

    It watches the application's windows (``QWindow``: input reaches a window before its widgets), the
    ones open when it starts and each that later gets the focus, not the whole application: an
    application-wide event filter in Python is a call into Python for every event to every object, and
    Chromium's start posts thousands of events to its own objects on this thread (PySide then builds a
    wrapper for each unknown receiver; ~20 % of the UI thread's busy time during the warm-up in a
    py-spy profile). Removed when the warm-up ends."""

    _INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                        QEvent.Type.TouchBegin})

    def __init__(self) -> None:
        super().__init__()
        self.clock = QElapsedTimer()
        self.clock.start()
        self.since_input = QElapsedTimer()
        self.since_input.start()
        #: Key presses, clicks, wheel turns and touches seen (tests read it).
        self.inputs = 0
        self._windows: list[QWindow] = []
        for window in QGuiApplication.topLevelWindows():
            self._watch(window)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._watch)

    def _watch(self, window: "QWindow | None") -> None:
        if window is not None and all(window is not known for known in self._windows):
            window.installEventFilter(self)
            self._windows.append(window)

    def stop(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._watch)
        for window in self._windows:
            if shiboken6.isValid(window):
                window.removeEventFilter(self)
        self._windows.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  # Qt's name
        if event.type() in self._INPUT:
            self.since_input.restart()
            self.inputs += 1
        return False


_watch: _InputWatch | None = None


def warm_up(delay_ms: int = 0) -> None:
    """Start QtWebEngine in the background (after ``delay_ms``), so the first challenge does not pay
    Chromium's start-up. Safe to call more than once. Never before the first frame (app.py calls it after
    the window shows; ``tests/test_startup_imports.py`` checks nothing loads QtWebEngine before).

    The work is cut into steps (:data:`_WARM_STEPS`), one event-loop turn each, :data:`WARM_STEP_GAP_MS`
    apart, and each waits for the cashier to leave keyboard and mouse alone for :data:`WARM_IDLE_MS` (at
    most :data:`WARM_PATIENCE_MS`). Each step's wall and UI-thread CPU time is kept in
    :data:`warm_step_times`. Measured (benchmarks/bench_three_ds.py, offscreen, 2 cores, load 1.2-7; CPU
    is this thread's, which load hardly changes; wall times grow with the load):

    * QtWebEngineCore's libraries and the Python extension modules it needs linked in a thread
      (:func:`_preload_core`), then three imports, a turn each: QtNetwork 8-13 ms of this thread's CPU
      (its Python module's set-up: QtWebEngineCore imports it), the rest of QtWebEngineCore 1-2 ms,
      QtWebEngineWidgets and the page class 4-7 ms (all in one turn before: 13-19 ms, then 6-9 ms);
    * the profile: Chromium's start, in one C++ call that must run on the UI thread: 78-950 ms wall for
      29-49 ms of this thread's CPU (load 1.7-4). See "What is left" below;
    * a page (<1 ms), then, in a turn of its own, a blank document loaded in it (~6 ms), so a renderer
      process is up too (the page is kept).

    Tried and dropped: the page in a ``QWebEngineView`` that is never on screen (``WA_DontShowOnScreen``),
    to have the view's compositor up as well: the offscreen benchmark crashed in QtWebEngine in 4 runs of 7
    with it, 0 of 4 without. A spare page made ahead for the next challenge: its ``setHtml`` cost the
    same as a fresh page's (2-5 ms either way).

    What is left (measured on 2026-12-03, 2 cores, load 1.7-4): the profile step, the only stall over
    16 ms of the warm-up and of a cold challenge's opening. It is ``QWebEngineProfile()``, one C++ call
    (Chromium's ``WebEngineContext``: content main runner, browser main loop, zygotes), so no Python turn
    can cut it. Of its 20-49 ms CPU, ~13-19 ms is user time and 1-15 ms system time (~1,190 minor page
    faults: touching the 194 MB library in the preload thread first, ``madvise(MADV_POPULATE_READ)``,
    left ~740 and saved at most 2 ms, so it is not done). Its wall time beyond the CPU is 3-7 waits
    (``getrusage``: voluntary switches), the longest a ``read()`` of the zygote's boot message while the
    zygote process execs QtWebEngineProcess and links the same libraries (112 ms under strace), and
    26-71 preemptions: the two zygotes and Chromium's new threads take both cores. Each zygote is a
    ``fork()`` of this process from this thread, whose cost grows with the terminal's memory (a fork
    took 2 ms at 171 MB resident, 6 ms at 379 MB), and the pages it marks copy-on-write fault again
    when this thread next writes them. Tried: Chromium's
    ``--no-unsandboxed-zygote`` (one zygote instead of two; same security, as that zygote hosts only
    unsandboxed utilities): the call alone went from 188 to 151 ms wall (median of 8), but the cold
    benchmark was slower in 3 pairs of 3 (worst stall 157/66/86 ms without, 227/107/90 ms with, and
    more UI-thread CPU, 147-190 ms against 136-151: probably the utility processes then forked from this
    big process instead of from the zygote), so it is not set. ``--no-zygote`` (25 ms) needs the sandbox off.

    A browser in a process of its own would take all of it off this thread: the prototype
    ``benchmarks/proto_three_ds_process.py`` (a child process with this module's page, driven over a pipe)
    left the terminal's UI thread at 0.5 ms CPU at most between two 1 ms ticks while the child started
    at idle (worst stall 4.7-14 ms, yardstick 3.6-8.7 ms), 3.3 ms cold (child started at the click:
    0.9-1.2 s to the bank's page, worst stall 8.5-21 ms, the cores shared with the child's start) and
    3 ms warm (154-184 ms median, worst stall 10-11 ms, 15-18 ms UI-thread CPU per challenge against
    ~50-60 ms in-process; load 2.3-3.9). Not built in the 2026-12-03 session (needs: a page proxy with
    the allow-list, certificate, download and permission refusals in the child and their reports over
    IPC for the dialog and its ~25 tests; embedding with ``QWindow.fromWinId`` works on X11 and Windows
    only, elsewhere a separate window that the dialog's modality and focus do not cover. Tried on X11
    (Xvfb, no window manager, clicks and keys through XTest): the child's view embedded in a dialog
    showed, a click focused the page's input and typed keys reached it, but Tab and Escape stayed in
    the page (the dialog's Escape-to-cancel and Tab to its Cancel button would need forwarding over the
    pipe) and the dialog still believed its own widget had the focus; a second
    ~80 MB process on a small till; the bundle's dispatch, as ``--journal-export`` has)."""
    global _warming, _watch
    if _warming or _warm_finished:
        return
    _warming = True
    if QCoreApplication.instance() is not None:
        _watch = _InputWatch()
    QTimer.singleShot(delay_ms, _warm_tick)


async def ready() -> None:
    """Load QtWebEngine and start Chromium now if :func:`warm_up` has not yet (a challenge opened before
    it ran: a cold start): the steps left up to the profile run one event-loop turn each, without waiting
    for the cashier to be idle (they are waiting for the challenge). Nothing happens when it is loaded."""
    import asyncio  # not at import: this module is imported before the first frame, asyncio after it

    while not is_loaded():
        _run_next_step()
        await asyncio.sleep(COLD_STEP_GAP_MS / 1000)


#: Pause between two steps of :func:`ready` (each step still its own event-loop turn).
COLD_STEP_GAP_MS = 5


#: Set once the preload thread has loaded QtWebEngineCore's libraries (or failed to: the import then loads them).
_preloaded = threading.Event()
#: The import does not wait for the preload longer than this after it started.
PRELOAD_PATIENCE_MS = 3000
_preload_clock = QElapsedTimer()


def _preload_core() -> None:
    """Load QtWebEngineCore's libraries in a thread: the dynamic linking (35-50 ms) then runs beside the UI
    thread, and the imports that follow only set up the Python modules (see :func:`warm_up`). Through the
    C library's loader called with ctypes, which lets go of the GIL for the call (``ctypes.CDLL`` keeps
    it: the UI thread stalled as long as the loading). The same file with the same
    flags the import uses, so the import finds it loaded; any failure only leaves the work to the import."""
    _preload_clock.start()
    threading.Thread(target=_load_core_library, name="klogs-webengine-preload", daemon=True).start()


#: The Python extension modules the warm-up imports, in the order it imports them: QtWebEngineCore's own
#: Python dependencies first (QtNetwork's set-up alone is 9-13 ms of the UI thread's CPU), so no import step
#: is one long turn. The preload thread links them all.
_PRELOADED_MODULES = ("PySide6.QtNetwork", "PySide6.QtPrintSupport", "PySide6.QtWebChannel",
                      "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets")


def _load_core_library() -> None:
    try:
        import ctypes  # here, not at the top: app.py imports this module before the first frame
        import importlib.util

        if os.name == "nt":
            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
            kernel32.LoadLibraryExW.argtypes = (ctypes.c_wchar_p, ctypes.c_void_p, ctypes.c_uint32)
            kernel32.LoadLibraryExW.restype = ctypes.c_void_p
        else:
            libc = ctypes.CDLL(None)
            libc.dlopen.argtypes = (ctypes.c_char_p, ctypes.c_int)
            libc.dlopen.restype = ctypes.c_void_p
        for name in _PRELOADED_MODULES:
            if name in sys.modules:
                continue
            spec = importlib.util.find_spec(name)
            if spec is None or not spec.origin:
                continue
            if os.name == "nt":
                # As CPython loads extension modules: the DLL's own folder and the added DLL directories.
                kernel32.LoadLibraryExW(spec.origin, None, 0x1000 | 0x100)
            else:
                libc.dlopen(os.fsencode(spec.origin), sys.getdlopenflags())
    except Exception:  # noqa: BLE001  # an optimisation only: the import does the work instead
        log.debug("QtWebEngineCore preload failed", exc_info=True)
    finally:
        _preloaded.set()


def _preload_done() -> bool:
    """True when the imports may run: the preload thread finished (or is taking too long)."""
    return _preloaded.is_set() or not _preload_clock.isValid() or _preload_clock.elapsed() >= PRELOAD_PATIENCE_MS


def _import_network() -> bool:
    if not _preload_done():
        return False  # not yet: the step runs again a little later
    import PySide6.QtNetwork  # noqa: F401  # QtWebEngineCore's biggest Python dependency, in a turn of its own
    return True


def _import_core() -> bool:
    if not _preload_done():
        return False  # not yet: the step runs again a little later
    import PySide6.QtPrintSupport  # noqa: F401  # QtWebEngineCore's other Python dependencies (~1-3 ms)
    import PySide6.QtWebChannel  # noqa: F401
    import PySide6.QtWebEngineCore  # noqa: F401  # the Python module's set-up is the cost left
    return True


def _import_widgets() -> None:
    import PySide6.QtWebEngineWidgets  # noqa: F401

    page_class()


def _make_page() -> None:
    global _warm_page
    _warm_page = ChallengePage.create(gateway_url="http://127.0.0.1/", callback_origin=None)


def _load_blank() -> None:
    page = _warm_page
    assert page is not None
    # Not from inside the page's own signal: the warm-up's end waits for the next turn.
    page.loadFinished.connect(lambda _ok: QTimer.singleShot(0, _warm_done))
    page.setHtml("<!doctype html><title>ready</title>", QUrl("about:blank"))


def _warm_done() -> None:
    """The blank page loaded (a renderer process is up): stop watching the input."""
    global _watch, _warm_finished
    _warm_finished = True
    if _watch is not None:
        _watch.stop()
    _watch = None


#: Each step runs in an event-loop turn of its own; one returning ``False`` is not done yet and runs again.
_WARM_STEPS = (_preload_core, _import_network, _import_core, _import_widgets, profile, _make_page, _load_blank)
_next_step = 0

#: ``(step, started at time.perf_counter(), wall ms, UI-thread CPU ms)`` of every warm-up step run so far,
#: in order (the benchmark prints them: each step is one event-loop turn, so its wall time is the stall
#: it causes; what Chromium then does on this thread in later turns shows in the benchmark's heartbeat).
warm_step_times: list[tuple[str, float, float, float]] = []


def _run_next_step() -> None:
    global _next_step
    if _next_step >= len(_WARM_STEPS):
        return
    step = _WARM_STEPS[_next_step]
    wall, cpu = time.perf_counter(), time.thread_time()
    if step() is False:
        return
    _next_step += 1
    warm_step_times.append((step.__name__.strip("_"), wall, (time.perf_counter() - wall) * 1000,
                            (time.thread_time() - cpu) * 1000))


def _warm_tick() -> None:
    if _next_step >= len(_WARM_STEPS):
        return
    watch = _watch
    if watch is not None and watch.since_input.elapsed() < WARM_IDLE_MS and watch.clock.elapsed() < WARM_PATIENCE_MS:
        QTimer.singleShot(WARM_IDLE_MS - watch.since_input.elapsed() + 1, _warm_tick)
        return
    _run_next_step()
    if _next_step < len(_WARM_STEPS):
        QTimer.singleShot(WARM_STEP_GAP_MS, _warm_tick)


def page_class() -> type:
    """The :class:`QWebEnginePage` subclass (defined on first use so QtWebEngine loads lazily)."""
    global _page_class
    if _page_class is None:
        _page_class = _define_page_class()
    return _page_class


class ChallengePage:
    """Namespace for creating challenge pages; the real class subclasses ``QWebEnginePage`` lazily."""

    @staticmethod
    def create(*, gateway_url: str, callback_origin: str | None, parent: Any = None) -> "QWebEnginePage":
        """A page on the off-the-record profile held to :func:`allowed_navigation` for ``gateway_url``
        (the configured base URL) and ``callback_origin`` (our listener, ``http://127.0.0.1:{port}``)."""
        return page_class()(profile(), gateway_url=gateway_url, callback_origin=callback_origin, parent=parent)


def is_loopback_host(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ``::1`` (as :meth:`QUrl.host` writes them)."""
    host = host.lower().strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _origin(url: QUrl) -> tuple[str, str, int]:
    scheme = url.scheme().lower()
    return scheme, url.host().lower(), url.port(443 if scheme == "https" else 80)


def is_listener(url: QUrl, callback_origin: str | None) -> bool:
    """True when ``url`` is on our callback listener (same scheme, host and port)."""
    return callback_origin is not None and _origin(url) == _origin(QUrl(callback_origin))


def allowed_navigation(url: QUrl, *, gateway_url: str, callback_origin: str | None,
                       initial_html_pending: bool) -> bool:
    """The navigation allow-list (pure function, unit-testable): see the module docstring."""
    scheme = url.scheme().lower()
    if scheme == "data" or (scheme == "about" and url.toString() == "about:blank"):
        return initial_html_pending
    host = url.host()
    if not host:
        return False
    if scheme == "https":
        return True
    if scheme != "http":
        return False
    if is_listener(url, callback_origin):
        return True
    gateway = QUrl(gateway_url)
    sandbox_gateway = gateway.scheme().lower() == "http" and is_loopback_host(gateway.host())
    return sandbox_gateway and is_loopback_host(host)


def connection_kind(url: QUrl, callback_origin: str | None) -> str | None:
    """How the page the card holder is on is reached, for the dialog to say: ``"secure"`` (https),
    ``"terminal"`` (our listener), ``"sandbox"`` (plain http on loopback), else ``None``."""
    scheme = url.scheme().lower()
    if not url.host():
        return None
    if scheme == "https":
        return "secure"
    if scheme == "http" and is_listener(url, callback_origin):
        return "terminal"
    if scheme == "http" and is_loopback_host(url.host()):
        return "sandbox"
    return None


def shown_url(url: QUrl) -> str:
    """``scheme://host[:port]`` of ``url`` (``scheme:`` for others): never the path or query, which may
    carry tokens."""
    if url.scheme() in ("http", "https"):
        port = f":{url.port()}" if url.port() != -1 else ""
        return f"{url.scheme()}://{url.host()}{port}"
    return url.scheme() + ":"


def _define_page_class() -> type:
    from PySide6.QtWebEngineCore import QWebEnginePage

    class _ChallengePage(QWebEnginePage):
        """A page held to the allow-list; see the module docstring."""

        #: A TLS certificate error was refused on ``host`` (the page did not load; nothing was sent).
        certificate_refused = Signal(str)
        #: The allow-list refused a navigation to this URL (:func:`shown_url`: scheme, host and port).
        navigation_refused = Signal(str)
        #: The page tried to open a window (refused).
        window_refused = Signal()

        def __init__(self, profile_: Any, *, gateway_url: str, callback_origin: str | None,
                     parent: Any = None) -> None:
            super().__init__(profile_, parent)
            self.gateway_url = gateway_url
            self.callback_origin = callback_origin
            self._initial_html_pending = False
            #: URLs refused by the allow-list (for tests and the log), newest last.
            self.refused: list[str] = []
            #: Hosts whose certificate was refused, newest last.
            self.refused_certificates: list[str] = []
            self.certificateError.connect(self._refuse_certificate)
            self.permissionRequested.connect(self._refuse_permission)

        def setHtml(self, html: str, baseUrl: QUrl = QUrl()) -> None:
            self._initial_html_pending = True
            super().setHtml(html, baseUrl)

        def acceptNavigationRequest(self, url: QUrl, navigation_type: Any, is_main_frame: bool) -> bool:
            ok = allowed_navigation(url, gateway_url=self.gateway_url, callback_origin=self.callback_origin,
                                    initial_html_pending=self._initial_html_pending)
            if url.scheme() in ("data", "about"):
                self._initial_html_pending = False
            if not ok:
                self.refused.append(shown_url(url))
                log.warning("3-D Secure page navigation refused: %s", shown_url(url))
                self.navigation_refused.emit(shown_url(url))
            return ok

        def createWindow(self, _type: Any) -> None:
            log.warning("3-D Secure page tried to open a window; refused")
            self.window_refused.emit()
            return None

        def _refuse_certificate(self, error: Any) -> None:
            host = error.url().host()
            log.warning("3-D Secure page certificate error refused on %s: %s", host, error.description())
            error.rejectCertificate()
            if error.isMainFrame():  # a refused part of a page is blocked too, but the page itself loaded
                self.refused_certificates.append(host)
                self.certificate_refused.emit(host)

        @staticmethod
        def _refuse_permission(permission: Any) -> None:
            permission.deny()  # camera, location, notifications...: a challenge page needs none

    return _ChallengePage
