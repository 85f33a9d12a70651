"""The terminal's side of the browser process: the process, a page in it and where its window is shown.

Nothing here imports QtWebEngine: the terminal's UI thread starts the child (a ``fork`` and ``exec``,
under a millisecond at idle in ``benchmarks/bench_three_ds.py``), writes commands and reads short event
lines. :func:`warm_up` starts the child after the first frame once the cashier leaves keyboard and mouse
alone for a second (its start takes both cores of a small till for about a second); :func:`ready` starts
it at once when a challenge comes first.

If the child ends (crash, killed), a page open in it reports ``renderProcessTerminated`` (the dialog says
the bank's page stopped working; nothing was charged) and the next challenge starts a new child. If it
cannot be started at all, the page says the same at once: a challenge never waits for a browser that will
not come.

The child runs at the terminal's own CPU priority. Tried on 2026-12-03 (``bench_three_ds.py``, 2 cores):
``nice 10`` took the one wall stall over 16 ms seen in eight idle warm-ups (28 ms, with 0.1 ms of the UI
thread's CPU in it: the child's start held both cores) down to under 8 ms, but with two busy programs
beside the till the card holder's page came in 308-365 ms warm (against 135-137 ms) and up to 2.4 s cold;
``nice 5`` 164-166 ms warm, ``SCHED_BATCH`` 179-187 ms. Not worth the wait at the counter, so not set.
"""

from __future__ import annotations

import itertools
import logging
from typing import TYPE_CHECKING, Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, QPoint, QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFocusEvent, QGuiApplication, QWindow
from PySide6.QtWidgets import QVBoxLayout, QWidget

from . import protocol

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtCore import QProcess

log = logging.getLogger(__name__)

#: A challenge waits this long for a browser that is starting (0.2-0.4 s on an idle two-core till, up
#: to ~2.5 s with two busy programs beside it: bench_three_ds.py); the Sale tab says it is waiting.
READY_PATIENCE_S = 15.0
#: At quit, the child is given this long to end by itself before it is killed (it ends in well under
#: 100 ms; the wait holds the quitting terminal's window).
QUIT_PATIENCE_MS = 500


class BrowserProcess(QObject):
    """The one browser process of the terminal (:func:`browser`)."""

    #: Every event line of the child, as a dict (pages pick theirs by number).
    event_received = Signal(dict)
    #: The child ended (or could not start); open pages report it.
    ended = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._process: "QProcess | None" = None
        self._buffer = self._errors = b""
        #: True once the child said ``ready`` (and until it ends).
        self.is_ready = False
        #: Children started so far (a test reads it: a dead child is replaced, a live one reused).
        self.starts = 0
        self._ready_waiters: list[Any] = []
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        import atexit

        atexit.register(self.stop)  # also when the process ends without the event loop's quit (tests, errors)

    def running(self) -> bool:
        """True while a child runs (started, not yet ended)."""
        from PySide6.QtCore import QProcess

        return self._process is not None and self._process.state() is not QProcess.ProcessState.NotRunning

    def start(self) -> None:
        """Start the child unless one runs. Returns at once; :meth:`ready` waits for it."""
        if self.running():
            return
        from PySide6.QtCore import QProcess

        process = QProcess(self)
        # Its standard error is read here, not inherited: the terminal's may be closed (the windowed Windows
        # bundle has none), and the page's refusals belong in the terminal's log (see _read_errors).
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        if can_embed():
            from PySide6.QtCore import QProcessEnvironment

            environment = QProcessEnvironment.systemEnvironment()
            if not environment.contains("QT_WIDGETS_RHI"):
                # The child's windows composite through the GPU API (RHI) from the start. Otherwise the
                # view's window, made raster for its id (``winId``), is destroyed and made anew when the page's
                # GL-drawn widget comes (Qt switches a top-level to RHI that way): the id sent to be embedded
                # names a window gone, and the new one shows on the desktop (seen under Xvfb).
                environment.insert("QT_WIDGETS_RHI", "1")
            process.setProcessEnvironment(environment)
        if self._process is not None and shiboken6.isValid(self._process):
            self._process.deleteLater()  # the one that ended
        self._process, self._buffer, self._errors, self.is_ready = process, b"", b"", False
        self.starts += 1
        program, *arguments = protocol.command_line()
        process.start(program, arguments)

    async def ready(self, timeout: float = READY_PATIENCE_S) -> bool:
        """Start the child if needed and wait until it is ready; ``False`` if it ended or took too long."""
        import asyncio

        self.start()
        if self.is_ready:
            return True
        if not self.running():  # it failed inside start() (Windows: CreateProcess), before anyone waited
            return False
        waiter = asyncio.get_running_loop().create_future()
        self._ready_waiters.append(waiter)
        try:
            return bool(await asyncio.wait_for(waiter, timeout))
        except asyncio.TimeoutError:
            # Hung: killed, so the next challenge starts a new one instead of waiting on it again.
            log.warning("the 3-D Secure browser was not ready within %.0f s; stopped", timeout)
            self.kill()
            return False
        finally:
            if waiter in self._ready_waiters:
                self._ready_waiters.remove(waiter)

    def send(self, **command: Any) -> bool:
        """Write one command; ``False`` when no child runs (the caller reports the page gone)."""
        if not self.running():
            return False
        assert self._process is not None
        self._process.write(protocol.encode(command))
        return True

    def stop(self) -> None:
        """End the child (at quit): asked first, killed if it does not go within :data:`QUIT_PATIENCE_MS`."""
        process = self._process
        if process is None or not shiboken6.isValid(process) or not self.running():
            return
        process.write(protocol.encode({"do": "quit"}))
        process.closeWriteChannel()
        if not process.waitForFinished(QUIT_PATIENCE_MS):
            process.kill()
            process.waitForFinished(100)

    def kill(self) -> None:
        """Kill the child at once (tests: a browser that dies while a page is open)."""
        if self._process is not None and self.running():
            self._process.kill()

    def _read(self) -> None:
        process = self._process
        if process is None:
            return
        self._buffer += bytes(process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            message = protocol.decode(line)
            if message is None:
                continue
            if message.get("event") == "ready":
                self.is_ready = True
                self._settle_waiters(True)
            self.event_received.emit(message)

    def _read_errors(self) -> None:
        """The child's standard error into the terminal's log: its own records (``klogs-desk browser:``,
        hosts only: refused navigations, certificates, downloads) as warnings, Chromium's and Qt's chatter
        (GPU fallbacks, D-Bus) at debug level."""
        process = self._process
        if process is None:
            return
        self._errors += bytes(process.readAllStandardError().data())
        *lines, self._errors = self._errors.split(b"\n")
        for line in lines:
            text = line.decode("utf-8", "replace").rstrip()
            if text.startswith(protocol.CHILD_LOG_PREFIX):
                log.warning("%s", text)
            elif text:
                log.debug("browser process: %s", text)

    def _settle_waiters(self, ok: bool) -> None:
        for waiter in self._ready_waiters:
            if not waiter.done():
                waiter.set_result(ok)
        self._ready_waiters.clear()

    def _on_error(self, error: Any) -> None:
        from PySide6.QtCore import QProcess

        if error is QProcess.ProcessError.FailedToStart:
            log.error("the 3-D Secure browser could not be started")
            self._gone()

    def _on_finished(self, code: int, _status: Any) -> None:
        log.log(logging.INFO if code == 0 else logging.WARNING, "the 3-D Secure browser ended (exit code %s)", code)
        self._gone()

    def _gone(self) -> None:
        self.is_ready = False
        self._settle_waiters(False)
        self.ended.emit()


_browser: BrowserProcess | None = None


def browser() -> BrowserProcess:
    """The terminal's browser process (made on first use; started by :func:`warm_up` or :func:`ready`)."""
    global _browser
    if _browser is None:
        _browser = BrowserProcess()
    return _browser


async def ready() -> bool:
    """Start the browser now if :func:`warm_up` has not (a challenge came first) and wait for it."""
    return await browser().ready()


def is_warm() -> bool:
    """True once the browser process is up and ready."""
    return _browser is not None and _browser.is_ready


#: A warm-up waits until nobody pressed a key or clicked for this long...
WARM_IDLE_MS = 1000
#: ...but not longer than this after :func:`warm_up` was called.
WARM_PATIENCE_MS = 60_000


class _InputWatch(QObject):
    """When the cashier last pressed a key or clicked, while the warm-up waits.

    It watches the application's windows (``QWindow``: input reaches a window before its widgets), the
    ones open when it starts and each that later gets the focus, not the whole application (an
    application-wide event filter in Python is a call into Python for every event to every object).
    Removed when the warm-up starts the browser."""

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
    """Start the browser process in the background (after ``delay_ms``, then once the cashier has left
    keyboard and mouse alone for :data:`WARM_IDLE_MS`, at most :data:`WARM_PATIENCE_MS`), so the first
    challenge opens warm. Safe to call more than once. app.py calls it after the first frame."""
    global _watch
    if _watch is not None or (_browser is not None and _browser.running()):
        return
    _watch = _InputWatch()
    QTimer.singleShot(delay_ms, _warm_tick)


def _warm_tick() -> None:
    global _watch
    watch = _watch
    if watch is None:
        return
    if watch.since_input.elapsed() < WARM_IDLE_MS and watch.clock.elapsed() < WARM_PATIENCE_MS:
        QTimer.singleShot(WARM_IDLE_MS - watch.since_input.elapsed() + 1, _warm_tick)
        return
    watch.stop()
    _watch = None
    browser().start()


_page_numbers = itertools.count(1)


class RemotePage(QObject):
    """A challenge page in the browser process, with the signals and methods the dialog (and the tests)
    used on the in-process page: ``loadFinished``, ``urlChanged``, ``certificate_refused``,
    ``renderProcessTerminated``; :meth:`url`, :meth:`setHtml`, :meth:`runJavaScript`, :meth:`stop`;
    ``refused``, ``refused_certificates``, and ``refused_downloads`` as reported."""

    loadFinished = Signal(bool)  # noqa: N815  # QWebEnginePage's names
    urlChanged = Signal(QUrl)  # noqa: N815
    certificate_refused = Signal(str)
    renderProcessTerminated = Signal(int, int)  # noqa: N815
    #: The page was given up from its side: Escape pressed in it, or its window of its own closed.
    cancel_requested = Signal()
    #: The page's view has a native window (its id): :class:`RemoteView` shows it.
    window_ready = Signal(int)
    #: Tab (``True``) or Shift+Tab (``False``) moved past the page's last (first) element: the keyboard
    #: goes back to the dialog (embedded only).
    focus_left = Signal(bool)

    #: ``renderProcessTerminated``'s status when the page could not be opened at all: no browser process
    #: (it could not be started, or did not become ready within :data:`READY_PATIENCE_S`).
    NOT_OPENED = -2
    #: ``renderProcessTerminated``'s status when the browser process ended while the page was open.
    BROWSER_ENDED = -1

    def __init__(self, *, gateway_url: str, callback_origin: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.gateway_url = gateway_url
        self.callback_origin = callback_origin
        self.number = next(_page_numbers)
        self.refused: list[str] = []
        self.refused_certificates: list[str] = []
        #: ``(url, path)`` of each download refused (the path was never written).
        self.refused_downloads: list[tuple[str, str]] = []
        self.title = ""
        self.embed = False
        self._url = QUrl()
        self._opened = self._closed = False
        self._js_calls: dict[int, Callable[[Any], None] | None] = {}
        self._js_ids = itertools.count(1)
        self._browser = browser()
        self._browser.event_received.connect(self._on_event)
        self._browser.ended.connect(self._on_ended)

    def url(self) -> QUrl:
        return QUrl(self._url)

    def setHtml(self, html: str, baseUrl: QUrl = QUrl()) -> None:  # noqa: N802,N803  # QWebEnginePage's names
        """Open the page in the browser process and load ``html`` with ``baseUrl`` (the gateway's) as base."""
        if not self._browser.is_ready or not self._browser.send(
                do="open", page=self.number, html=html, gateway_url=baseUrl.toString() or self.gateway_url,
                callback_origin=self.callback_origin, title=self.title, embed=self.embed, geometry=None):
            QTimer.singleShot(0, self, lambda: self.renderProcessTerminated.emit(self.NOT_OPENED, 0))
            return
        self._opened = True

    def show(self, geometry: QRect | None = None) -> None:
        """Show the page's window at ``geometry``: embedded, in its X parent (the dialog's window); else on
        the screen."""
        self._browser.send(do="show", page=self.number, geometry=_rect(geometry))

    def place(self, geometry: QRect) -> None:
        """Move a window of its own (not embedded) to ``geometry`` on the screen; an embedded one to
        ``geometry`` in its X parent (the dialog's window)."""
        self._browser.send(do="geometry", page=self.number, geometry=_rect(geometry))

    def moved(self, geometry: QRect) -> None:
        """The dialog moved on the screen, and the embedded window with it (at ``geometry`` in the dialog)."""
        self._browser.send(do="moved", page=self.number, geometry=_rect(geometry))

    def focus(self, backward: bool) -> None:
        """Give the embedded page the keyboard, at its first element (its last with ``backward``)."""
        self._browser.send(do="focus", page=self.number, backward=backward)

    def runJavaScript(self, script: str, _world: int = 0,  # noqa: N802  # QWebEnginePage's name
                      callback: Callable[[Any], None] | None = None) -> None:
        ident = next(self._js_ids)
        self._js_calls[ident] = callback
        if not self._browser.send(do="js", page=self.number, id=ident, script=script):
            self._js_calls.pop(ident, None)

    def close(self) -> None:
        """The page and its view are destroyed in the browser process; no more events. Idempotent."""
        if self._closed:
            return
        self._closed = True
        if self._opened:
            self._browser.send(do="close", page=self.number)
        self._browser.event_received.disconnect(self._on_event)
        self._browser.ended.disconnect(self._on_ended)
        self._answer_pending_scripts()

    def _answer_pending_scripts(self) -> None:
        """Scripts that will get no answer (the page closed, the browser gone) get ``None``, as QtWebEngine
        answers a page's pending scripts when it goes: no caller waits for good."""
        calls, self._js_calls = self._js_calls, {}
        for callback in calls.values():
            if callback is not None:
                callback(None)

    def _on_event(self, message: dict[str, Any]) -> None:
        kind = message.get("event")
        if message.get("page") != self.number:
            return  # another page's (ids of scripts are per page too)
        if kind == "js":
            ident = message.get("id")
            if isinstance(ident, int) and ident in self._js_calls:
                callback = self._js_calls.pop(ident)
                if callback is not None:
                    callback(message.get("value"))
        elif kind == "url":
            self._url = QUrl(str(message.get("url", "")))
            self.urlChanged.emit(self.url())
        elif kind == "loaded":
            self.loadFinished.emit(bool(message.get("ok")))
        elif kind == "refused":
            self.refused.append(str(message.get("url")))
        elif kind == "certificate_refused":
            self.refused_certificates.append(str(message.get("host")))
            self.certificate_refused.emit(str(message.get("host")))
        elif kind == "download_refused":
            self.refused_downloads.append((str(message.get("url")), str(message.get("path"))))
        elif kind == "render_gone":
            self.renderProcessTerminated.emit(int(message.get("status") or 0), int(message.get("code") or 0))
        elif kind in ("escape", "closed"):
            self.cancel_requested.emit()
        elif kind == "window":
            self.window_ready.emit(int(message.get("id") or 0))
        elif kind == "focus_left":
            self.focus_left.emit(bool(message.get("forward")))

    def _on_ended(self) -> None:
        self._answer_pending_scripts()
        if self._opened and not self._closed:
            self.renderProcessTerminated.emit(self.BROWSER_ENDED, 0)


def _rect(geometry: QRect | None) -> list[int] | None:
    if geometry is None:
        return None
    return [geometry.x(), geometry.y(), geometry.width(), geometry.height()]


def can_embed() -> bool:
    """True where the browser's window is embedded in the dialog: X11, where it is proven under Xvfb
    (``tests/ui/test_three_ds_on_x11.py``). Windows could embed it too (``SetParent``), but untried it
    is not: a window parented across processes there shares its input queue with ours, so a busy
    browser could hold the terminal's input; until a Windows run proves it, the page is a window of its
    own there, as on Wayland and macOS."""
    return QGuiApplication.platformName() == "xcb"


class RemoteView(QWidget):
    """Where a :class:`RemotePage`'s window is shown: embedded here (:func:`can_embed`), or as a window of
    its own placed over this widget and following it when the dialog moves or resizes."""

    def __init__(self, page: RemotePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._foreign: QWindow | None = None
        self._container: QWidget | None = None
        self._followed: QWidget | None = None
        page.embed = can_embed()
        page.window_ready.connect(self._show_window)
        page.focus_left.connect(self._take_focus_back)

    def _show_window(self, window_id: int) -> None:
        if not self.page.embed:
            # Where the platform does not place it over this area (Wayland), the cashier still knows
            # where the bank's page went.
            from PySide6.QtWidgets import QLabel

            note = QLabel(self.tr("The bank's page is open in a window of its own."), self)
            note.setObjectName("threeDsOwnWindowNote")
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._layout.addWidget(note)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab does not stop on an empty area
            self._followed = self.window()
            self._followed.installEventFilter(self)
            self.page.show(self._screen_rect())
            return
        foreign = QWindow.fromWinId(window_id)
        if foreign is None:
            log.warning("the 3-D Secure browser's window could not be embedded")
            self.page.embed = False
            self._show_window(window_id)
            return
        self._foreign = foreign
        self._container = QWidget.createWindowContainer(foreign, self)
        self._container.setObjectName("threeDsBrowserWindow")
        self._layout.addWidget(self._container)
        # The child puts its window where the container is: shown at the size and place of its own choosing
        # (640 x 480 at the dialog's top-left), it covered the dialog's text until the next resize.
        # Each later move or resize of the container is sent too: the container resizes the window itself
        # (an X request from this process), but one done before the child handled ``show`` would be
        # undone by ``show``'s geometry.
        self._container.installEventFilter(self)
        self.page.show(self._inner_rect())
        # When the dialog moves, the window moves with it, but X tells its process nothing (its place in
        # the dialog is the same): the child is told, or the page's pop-ups (a <select>'s list) open where
        # the dialog was (seen under Xvfb).
        self._followed = self.window()
        self._followed.installEventFilter(self)

    def focusInEvent(self, event: Any) -> None:  # noqa: N802  # Qt's name
        super().focusInEvent(event)
        if self._container is not None:
            self._container.setFocus(event.reason())

    def _give_focus(self, reason: Qt.FocusReason) -> None:
        # The container's own focus handling asks for the embedded window's activation, which did not
        # bring the keyboard to the page (Xvfb): the child activates its window and the page's element.
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.page.focus(backward=reason is Qt.FocusReason.BacktabFocusReason)

    def _take_focus_back(self, forward: bool) -> None:
        """Tab went past the page's end: the dialog takes the keyboard back, on the widget after the page
        (before it for Shift+Tab)."""
        if self._container is None:
            return
        self.window().activateWindow()  # the X input focus back from the child's window
        target = self._container.nextInFocusChain() if forward else self._container.previousInFocusChain()
        while target is not None and target is not self._container and (
                target is self or not target.isVisible() or not target.isEnabled()
                or not (target.focusPolicy() & Qt.FocusPolicy.TabFocus)):
            target = target.nextInFocusChain() if forward else target.previousInFocusChain()
        if target is not None and target is not self._container:
            target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)

    def _screen_rect(self) -> QRect:
        return QRect(self.mapToGlobal(self.rect().topLeft()), self.size())

    def _inner_rect(self) -> QRect:
        """Where the container puts the embedded window, in that window's X parent: the container's
        own window if it has one, else the dialog's (as QWindowContainer places it)."""
        container = self._container
        assert container is not None
        if container.windowHandle() is not None:
            return QRect(0, 0, container.width(), container.height())
        return QRect(container.mapTo(container.window(), QPoint(0, 0)), container.size())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  # Qt's name
        if watched is self._container:
            if event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
                self.page.place(self._inner_rect())
            elif isinstance(event, QFocusEvent) and event.type() is QEvent.Type.FocusIn:
                self._give_focus(event.reason())
        elif self._container is not None:
            if event.type() is QEvent.Type.Move:
                self.page.moved(self._inner_rect())
        elif event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self.page.place(self._screen_rect())
        return False

    def release(self) -> None:
        """Before the dialog goes: the child's window is given back (never destroyed with ours), then the
        page is closed in the browser process."""
        if self._followed is not None and shiboken6.isValid(self._followed):
            self._followed.removeEventFilter(self)
        self._followed = None
        if self._foreign is not None and shiboken6.isValid(self._foreign):
            # Hidden first: back on the desktop still mapped, it showed there as a window of its own until
            # the child closed it (measured under Xvfb).
            self._foreign.hide()
            self._foreign.setParent(None)  # back to the desktop, so X11 does not destroy it with the dialog
        self._foreign = None
        self.page.close()
