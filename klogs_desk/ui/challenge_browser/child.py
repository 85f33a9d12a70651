"""The browser process: shows challenge pages on the terminal's commands (see :mod:`.protocol`).

Run by the terminal (:class:`~.remote.BrowserProcess`), never by hand. Everything the page may and may not
do is :mod:`klogs_desk.ui.webengine`'s (the same locked-down, off-the-record page the terminal used
in-process); this module only carries commands in and events out. Chromium's start runs here at once,
with no care for stalls: nothing else runs on this process's UI thread.

Its standard output carries only the protocol: file descriptor 1 is pointed at standard error once the
protocol's own copy is taken, so nothing a library prints can break a message. The page's content and
the card holder's answers are never written anywhere; the log says only which hosts were refused.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from typing import Any, BinaryIO

from .protocol import CHILD_LOG_PREFIX, decode, encode

log = logging.getLogger(__name__)


def _json_value(value: Any) -> Any:
    """A JavaScript result as JSON can carry it (anything else as its text)."""
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return str(value)
    return value


#: Focuses the page's first element that Tab reaches (the last when the argument is true).
_FOCUS_EDGE = """(function (backward) {
  var all = Array.prototype.filter.call(
    document.querySelectorAll('a[href], button, input, select, textarea, iframe, [tabindex]'),
    function (e) { return !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0; });
  var edge = backward ? all[all.length - 1] : all[0];
  if (edge) { edge.focus(); }
})(%s)"""


def main(argv: list[str] | None = None) -> int:
    """Run the browser until the terminal says ``quit`` or its end of the pipe closes."""
    del argv  # no options
    for descriptor in (0, 1, 2):  # a closed one would be reused by the dup below: the protocol's copy on 2
        try:
            os.fstat(descriptor)
        except OSError:
            os.dup2(os.open(os.devnull, os.O_RDWR), descriptor)
    out: BinaryIO = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)  # stray prints go to standard error, never into the protocol
    logging.basicConfig(level=logging.WARNING, format=f"{CHILD_LOG_PREFIX} %(levelname)s %(message)s")

    import shiboken6
    from PySide6.QtCore import QObject, Qt, QUrl, Signal
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QApplication

    from ...paths import APP_NAME, ORGANIZATION
    from .. import webengine

    webengine.prepare_application()
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    # The terminal's names (klogs_desk.paths), so Qt's and Chromium's caches (shader pipelines; the
    # profile itself is off the record) sit with the terminal's, not under "child.py".
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    from PySide6.QtWebEngineCore import QWebEngineScript
    from PySide6.QtWebEngineWidgets import QWebEngineView

    def say(**event: Any) -> None:  # on this process's UI thread only (every sender is a slot of it)
        try:
            out.write(encode(event))
        except OSError:  # the terminal is gone: end too
            app.quit()

    class View(QWebEngineView):
        """A page's view; embedded, Tab past the page's last element hands the keyboard to the terminal."""

        def __init__(self, number: int, *, embedded: bool) -> None:
            super().__init__()
            self.number, self.embedded = number, embedded
            #: Set when the terminal closes it (``close``); otherwise a close is the card holder's.
            self.closed_by_terminal = False

        def closeEvent(self, event: Any) -> None:  # noqa: N802  # Qt's name
            # A window of its own closed by the card holder (its title bar's close): said, so the
            # terminal's dialog cancels instead of waiting for a page no one can see.
            if not self.closed_by_terminal:
                say(event="closed", page=self.number)
            super().closeEvent(event)

        def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802  # Qt's name
            # Chromium calls it when Tab leaves the page's content (its "take focus").
            if self.embedded:
                say(event="focus_left", page=self.number, forward=bool(forward))
                return True
            return bool(super().focusNextPrevChild(forward))

    class Browser(QObject):
        command = Signal(dict)
        input_ended = Signal()

        def __init__(self) -> None:
            super().__init__()
            self.views: dict[int, Any] = {}
            self.current: int | None = None
            self.command.connect(self.run, Qt.ConnectionType.QueuedConnection)
            self.input_ended.connect(app.quit, Qt.ConnectionType.QueuedConnection)
            profile = webengine.profile()
            profile.downloadRequested.connect(self._download_refused)
            # A renderer up before the first challenge: a blank page, kept.
            self.blank = webengine.ChallengePage.create(gateway_url="http://127.0.0.1/", callback_origin=None,
                                                        parent=self)
            self.blank.loadFinished.connect(lambda _ok: say(event="ready"))
            self.blank.setHtml("<!doctype html><title>ready</title>", QUrl("about:blank"))

        def run(self, request: dict[str, Any]) -> None:
            what = request.get("do")
            number = request.get("page")
            if what == "quit":
                self.close_all()
                app.quit()
            elif what == "open" and isinstance(number, int):
                self._open(number, request)
            elif what == "js" and number in self.views:
                ident = request.get("id")
                self.views[number].page().runJavaScript(
                    str(request.get("script", "")), 0,
                    lambda value: say(event="js", page=number, id=ident, value=_json_value(value)))
            elif what == "js":
                say(event="js", page=number, id=request.get("id"), value=None)
            elif what == "show" and number in self.views:
                # Embedded: the geometry is in the window's X parent by now (the terminal's dialog).
                view = self.views[number]
                self._place(view, request.get("geometry"))
                view.show()
                if not view.embedded:  # a window of its own: in front, with the keyboard, for the card holder
                    view.raise_()
                    view.activateWindow()
            elif what == "geometry" and number in self.views:
                self._place(self.views[number], request.get("geometry"))
            elif what == "moved" and number in self.views:
                # Its place on the screen changed with the terminal's dialog but not in its X parent, so X
                # sent no ConfigureNotify and Qt and Chromium kept the old place (a <select>'s list opened
                # where the dialog had been). A pixel wider and back: X sends two, and Qt reads the real
                # place from X for each. Where it is in the dialog is said each time: Qt's own idea of
                # its place is on the screen, which X would take as a place in the dialog.
                geometry = request.get("geometry")
                if isinstance(geometry, list) and len(geometry) == 4:
                    self._place(self.views[number], [*geometry[:2], geometry[2] + 1, geometry[3]])
                    self._place(self.views[number], geometry)
            elif what == "focus" and number in self.views:
                view = self.views[number]
                view.activateWindow()
                view.setFocus(Qt.FocusReason.BacktabFocusReason if request.get("backward")
                              else Qt.FocusReason.TabFocusReason)
                # The focus reaches the page once the window is active, as an activation, not a Tab: the
                # page would get the keyboard on no element. Its first (last) element is focused by hand,
                # in a JavaScript world of our own (the page's scripts never see this one).
                view.page().runJavaScript(_FOCUS_EDGE % ("true" if request.get("backward") else "false"),
                                          QWebEngineScript.ScriptWorldId.ApplicationWorld)
            elif what == "close" and number in self.views:
                view = self.views.pop(number)
                view.closed_by_terminal = True
                if self.current == number:
                    self.current = None
                view.hide()
                view.deleteLater()

        def close_all(self) -> None:
            """Pages and views go before the profile (QtWebEngine warns, and may crash, the other way)."""
            for view in self.views.values():
                shiboken6.delete(view)  # its page with it
            self.views.clear()
            self.current = None

        def _open(self, number: int, request: dict[str, Any]) -> None:
            view = View(number, embedded=bool(request.get("embed")))
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            view.setWindowTitle(str(request.get("title") or ""))
            if not request.get("embed"):
                # A window of its own, kept over the terminal's dialog (where the platform lets it).
                view.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
            page = webengine.ChallengePage.create(gateway_url=str(request["gateway_url"]),
                                                  callback_origin=request.get("callback_origin"), parent=view)
            view.setPage(page)
            page.urlChanged.connect(lambda url: say(event="url", page=number, url=url.toString()))
            page.loadFinished.connect(lambda ok: say(event="loaded", page=number, ok=bool(ok)))
            page.navigation_refused.connect(lambda url: say(event="refused", page=number, url=url))
            page.certificate_refused.connect(lambda host: say(event="certificate_refused", page=number, host=host))
            page.renderProcessTerminated.connect(
                lambda status, code: say(event="render_gone", page=number, status=int(getattr(status, "value", 0)),
                                         code=int(code)))
            # Escape in the page cancels in the terminal's dialog, as Escape anywhere in it does. A window
            # shortcut takes it before the page does (in-process the dialog had only the keys the page left
            # unhandled); tried: the view's keyPressEvent, for keys QtWebEngine hands back unhandled, never
            # saw Escape under Xvfb (tests/ui/test_three_ds_on_x11.py timed out at it).
            escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), view)
            escape.setContext(Qt.ShortcutContext.WindowShortcut)
            escape.activated.connect(lambda: say(event="escape", page=number))
            self.views[number] = view
            self.current = number
            self._place(view, request.get("geometry"))
            say(event="window", page=number, id=int(view.winId()) if request.get("embed") else 0)
            page.setHtml(str(request.get("html", "")), QUrl(str(request["gateway_url"])))

        @staticmethod
        def _place(view: Any, geometry: Any) -> None:
            if isinstance(geometry, list) and len(geometry) == 4 and all(isinstance(n, int) for n in geometry):
                view.setGeometry(*geometry)

        def _download_refused(self, download: Any) -> None:
            page = download.page()
            number = next((n for n, view in self.views.items() if view.page() is page), self.current)
            url = webengine.shown_url(download.url())
            path = os.path.join(download.downloadDirectory(), download.downloadFileName())

            def report(state: Any) -> None:
                if state == type(state).DownloadCancelled:
                    say(event="download_refused", page=number, url=url, path=path)

            download.stateChanged.connect(report)
            report(download.state())

    browser = Browser()

    def read_commands() -> None:
        # Unbuffered reads of descriptor 0: at exit this daemon thread may still be blocked reading, and a
        # read through sys.stdin's buffered reader then holds its lock, which the interpreter's shutdown
        # cannot take (a fatal error, exit code 134).
        pending = b""
        try:
            while chunk := os.read(0, 65536):
                *lines, pending = (pending + chunk).split(b"\n")
                for line in lines:
                    request = decode(line)
                    if request is not None:
                        browser.command.emit(request)
            browser.input_ended.emit()
        except OSError:
            browser.input_ended.emit()
        except RuntimeError:
            # "Signal source has been deleted": main() returned (after ``quit``) and the Browser went with it
            # while this thread read the end of input; the process is ending, nothing is left to tell.
            pass

    threading.Thread(target=read_commands, name="klogs-browser-commands", daemon=True).start()
    code = app.exec()
    browser.close_all()  # also when the input ended with pages open (the terminal is gone)
    return code


if __name__ == "__main__":
    sys.exit(main())
