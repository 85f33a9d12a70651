"""Drives real 3-D Secure challenges on a real X server (platform ``xcb``) and prints what it saw, for
tests/ui/test_three_ds_on_x11.py (the tests run offscreen in-process, where nothing is embedded).

Run under ``xvfb-run -a -s "-screen 0 1366x768x24"`` with ``QT_QPA_PLATFORM=xcb``; ``--shots DIR`` also
saves screen grabs (to look at), ``--language tr`` shows the dialog in Turkish. It starts the sandbox
gateway, the callback listener and the service as tests/ui/test_three_ds.py's ``flow`` does, then:

1. approve: the page's window must sit in the dialog's X window tree, where the view is, and follow the
   dialog's size; with the dialog moved, a <select>'s list must open under it and take a click; a real
   click into the page and typed keys must reach the page; a real click on ``#approve`` must end the sale
   APPROVED;
2. Tab: Shift+Tab from Cancel into the page (its last element), Tab out to Cancel and round into the page
   again (its first element); then Escape pressed in the page must cancel;
3. the dialog's Cancel button (real click) must cancel, the page still open;
4. the dialog closed as a window manager closes it must cancel;
5. the browser process killed with the page embedded: the dialog says so and Close cancels; the next
   challenge, in a new browser process, is embedded and approved again.

Throughout: no top-level X window mapped besides the terminal's main window and the dialog (sampled every
50 ms while waiting); when the dialog ends, the page's window is given back to the desktop unmapped, then
destroyed by the browser process.

Input goes through XTest (libXtst, which Qt WebEngine needs anyway: README's system packages): QTest's
clicks go to the terminal's own widgets and never reach another process's window (tried: a QTest click
on Approve, on the container or on the dialog's window, did nothing). Each result is one JSON line on
standard output, ``{"step": ..., ...}``; the last is ``{"step": "end", "ok": true, "failures": [...]}``.
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import ctypes.util
import datetime as dt
import json
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

ENROLLED_CARD = "4000000000003220"


def say(step: str, **facts: Any) -> None:
    print(json.dumps({"step": step, **facts}), flush=True)


class X:
    """The few Xlib calls the driver needs, through ctypes (its own connection to the display)."""

    class Attributes(ctypes.Structure):
        _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                    ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                    ("root", ctypes.c_ulong), ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                    ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
                    ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
                    ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
                    ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                    ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                    ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]

    IS_VIEWABLE = 2

    def __init__(self) -> None:
        self.lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self.tst = ctypes.CDLL(ctypes.util.find_library("Xtst") or "libXtst.so.6")
        self.lib.XOpenDisplay.restype = ctypes.c_void_p
        self.lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.lib.XDefaultRootWindow.restype = ctypes.c_ulong
        self.lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.lib.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                                        ctypes.POINTER(ctypes.c_ulong),
                                        ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                                        ctypes.POINTER(ctypes.c_uint)]
        self.lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(self.Attributes)]
        self.lib.XTranslateCoordinates.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_int,
                                                   ctypes.c_int, ctypes.POINTER(ctypes.c_int),
                                                   ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong)]
        self.lib.XFree.argtypes = [ctypes.c_void_p]
        self.lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.lib.XFlush.argtypes = [ctypes.c_void_p]
        self.lib.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.lib.XKeysymToKeycode.restype = ctypes.c_ubyte
        self.lib.XStringToKeysym.argtypes = [ctypes.c_char_p]
        self.lib.XStringToKeysym.restype = ctypes.c_ulong
        self.tst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                                  ctypes.c_ulong]
        self.tst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self.tst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        # A window gone between two calls is an X error; Xlib's default handler would end the process.
        handler_type = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
        self._handler = handler_type(lambda _display, _error: 0)
        self.lib.XSetErrorHandler(self._handler)
        self.display = self.lib.XOpenDisplay(None)
        if not self.display:
            raise SystemExit("no X display (run under xvfb-run)")
        self.root = self.lib.XDefaultRootWindow(self.display)

    def tree(self, window: int) -> tuple[int, list[int]]:
        """``(parent, children)`` of ``window`` (``(0, [])`` if it is gone)."""
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
        self.lib.XSync(self.display, 0)
        if not self.lib.XQueryTree(self.display, window, ctypes.byref(root), ctypes.byref(parent),
                                   ctypes.byref(children), ctypes.byref(count)):
            return 0, []
        found = [children[i] for i in range(count.value)]
        if children:
            self.lib.XFree(children)
        return parent.value, found

    def ancestors(self, window: int) -> list[int]:
        """``window``'s X parents, nearest first, up to the root."""
        chain: list[int] = []
        while window and window != self.root and len(chain) < 50:
            window, _ = self.tree(window)
            chain.append(window)
        return chain

    def attributes(self, window: int) -> "X.Attributes | None":
        attributes = self.Attributes()
        self.lib.XSync(self.display, 0)
        if not self.lib.XGetWindowAttributes(self.display, window, ctypes.byref(attributes)):
            return None
        return attributes

    def mapped_top_levels(self) -> list[int]:
        """The root's children that are mapped (no window manager under Xvfb: the top-level windows)."""
        return [w for w in self.tree(self.root)[1]
                if (a := self.attributes(w)) is not None and a.map_state == self.IS_VIEWABLE]

    def on_screen(self, window: int) -> tuple[int, int, int, int] | None:
        """``window``'s rectangle in root coordinates, ``None`` if it is gone."""
        attributes = self.attributes(window)
        if attributes is None:
            return None
        x, y, child = ctypes.c_int(), ctypes.c_int(), ctypes.c_ulong()
        self.lib.XTranslateCoordinates(self.display, window, self.root, 0, 0, ctypes.byref(x), ctypes.byref(y),
                                       ctypes.byref(child))
        return x.value, y.value, attributes.width, attributes.height

    def click(self, x: int, y: int) -> None:
        self.tst.XTestFakeMotionEvent(self.display, -1, x, y, 0)
        self.lib.XFlush(self.display)
        time.sleep(0.05)
        self.tst.XTestFakeButtonEvent(self.display, 1, 1, 0)
        self.tst.XTestFakeButtonEvent(self.display, 1, 0, 0)
        self.lib.XFlush(self.display)

    def key(self, name: str, shift: bool = False) -> None:
        code = self.lib.XKeysymToKeycode(self.display, self.lib.XStringToKeysym(name.encode()))
        shift_code = self.lib.XKeysymToKeycode(self.display, self.lib.XStringToKeysym(b"Shift_L"))
        if shift:
            self.tst.XTestFakeKeyEvent(self.display, shift_code, 1, 0)
        self.tst.XTestFakeKeyEvent(self.display, code, 1, 0)
        self.tst.XTestFakeKeyEvent(self.display, code, 0, 0)
        if shift:
            self.tst.XTestFakeKeyEvent(self.display, shift_code, 0, 0)
        self.lib.XFlush(self.display)


class Driver:
    def __init__(self, args: argparse.Namespace) -> None:
        from PySide6.QtWidgets import QApplication

        self.args = args
        self.app = QApplication.instance()
        assert isinstance(self.app, QApplication)
        self.x = X()
        self.shots = Path(args.shots) if args.shots else None
        self.dialog: Any = None
        self.failures: list[str] = []
        #: Stray top-level windows seen while waiting (sampled every 50 ms).
        self.seen_strays: set[int] = set()

    # --- helpers ------------------------------------------------------------------------------------

    async def until(self, condition: Any, what: str, timeout: float = 20.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.seen_strays.update(self.stray_windows())
            if condition():
                return True
            await asyncio.sleep(0.05)
        if what:
            self.failures.append(f"timed out: {what}")
            say("timeout", what=what)
        return False

    async def js(self, script: str, timeout: float = 10.0) -> Any:
        future = asyncio.get_running_loop().create_future()
        self.dialog.page.runJavaScript(script, 0, lambda value: future.done() or future.set_result(value))
        return await asyncio.wait_for(future, timeout)

    def grab(self, name: str) -> None:
        if self.shots is None:
            return
        self.shots.mkdir(parents=True, exist_ok=True)
        self.app.primaryScreen().grabWindow(0).save(str(self.shots / f"{name}.png"))

    def foreign_id(self) -> int:
        foreign = self.dialog.view._foreign
        return int(foreign.winId()) if foreign is not None else 0

    def embedding(self) -> dict[str, Any]:
        """Where the page's window is in X's tree and how it sits in the dialog."""
        from PySide6.QtWidgets import QLabel

        dialog_id = int(self.dialog.winId())
        page_id = self.foreign_id()
        chain = self.x.ancestors(page_id) if page_id else []
        container = self.dialog.view._container
        facts: dict[str, Any] = {
            "page_window": page_id, "dialog_window": dialog_id, "in_dialog": dialog_id in chain, "chain": chain,
            "page_rect": list(self.x.on_screen(page_id) or ()) or None if page_id else None,
            "dialog_rect": list(self.x.on_screen(dialog_id) or ()) or None,
            "view_rect": self._global_rect(self.dialog.view),
            "container_rect": self._global_rect(container) if container is not None else None,
            "own_window_note": self.dialog.findChild(QLabel, "threeDsOwnWindowNote") is not None,
            "hint": self.dialog.hint_label.text(),
        }
        attributes = self.x.attributes(page_id) if page_id else None
        facts["page_viewable"] = attributes is not None and attributes.map_state == X.IS_VIEWABLE
        return facts

    @staticmethod
    def _global_rect(widget: Any) -> list[int]:
        top_left = widget.mapToGlobal(widget.rect().topLeft())
        return [top_left.x(), top_left.y(), widget.width(), widget.height()]

    async def element_center(self, element_id: str) -> tuple[int, int] | None:
        """Screen point of the middle of the page's element ``element_id`` (page's CSS px = device px)."""
        answer = await self.js(f"(function(){{var e=document.getElementById('{element_id}'); if(!e) return null;"
                               "var r=e.getBoundingClientRect();"
                               "return JSON.stringify([r.left+r.width/2, r.top+r.height/2]);})()")
        rect = json.loads(answer) if answer else None
        page_rect = self.x.on_screen(self.foreign_id())
        say("element", id=element_id, rect=rect, page_rect=page_rect)
        if not rect or page_rect is None:
            return None
        return page_rect[0] + int(rect[0]), page_rect[1] + int(rect[1])

    # --- the flow -----------------------------------------------------------------------------------

    async def open_challenge(self, order_id: str) -> "asyncio.Task[Any]":
        from klogs_desk.services.payments import CardOrder
        from klogs_desk.ui.three_ds_dialog import run_challenge

        year = f"{(dt.date.today().year + 2) % 100:02d}"
        order = CardOrder(order_id=order_id, amount=Decimal("1234.56"), currency="TRY", holder="Ayşe Yılmaz",
                          pan=ENROLLED_CARD, expiry_month="12", expiry_year=year, cvv="123")
        challenge = await self.service.begin(order, confirmed_duplicate=True)
        self.dialog = None

        def keep(dialog: Any) -> None:
            self.dialog = dialog

        task = asyncio.ensure_future(run_challenge(self.service, challenge, self.window, on_dialog=keep))
        await self.until(lambda: self.dialog is not None, "dialog shown")
        await self.until(lambda: self.dialog.page.url().path().startswith("/_acs/"), "bank page loaded", 30)
        await self.until(lambda: self.dialog.status_label.text() != self.loading_text, "page loaded", 30)
        found: list[Any] = []

        async def has_button() -> bool:
            found.append(await self.js("document.getElementById('approve') !== null"))
            return bool(found[-1])

        deadline = time.monotonic() + 15
        while not await has_button():
            if time.monotonic() > deadline:
                self.failures.append(f"{order_id}: no Approve button on the bank's page")
                break
            await asyncio.sleep(0.1)
        await self.pause(0.5)  # a frame or two painted
        return task

    def stray_windows(self) -> list[int]:
        """Mapped top-level X windows that are neither the terminal's main window nor the dialog's."""
        own = {int(self.window.winId())}
        if self.dialog is not None:
            import shiboken6

            if shiboken6.isValid(self.dialog):
                own.add(int(self.dialog.winId()))
        return [w for w in self.x.mapped_top_levels() if w not in own]

    def watch_release(self) -> None:
        """Record, right after each :meth:`RemoteView.release` (before the child can close the page), whether
        the page's window was left mapped on the desktop (``released`` facts, in :attr:`releases`)."""
        from PySide6.QtGui import QGuiApplication

        from klogs_desk.ui.challenge_browser.remote import RemoteView

        original = RemoteView.release
        driver = self

        def release(view: Any) -> None:
            page_id = int(view._foreign.winId()) if view._foreign is not None else 0
            close = view.page.close

            def look_then_close() -> None:  # after the window was given back, before the child closes it
                QGuiApplication.sync()  # the terminal's X requests reach the server before we look
                parent = driver.x.tree(page_id)[0] if page_id else 0
                attributes = driver.x.attributes(page_id) if page_id else None
                driver.releases.append({
                    "page_window": page_id, "on_desktop": parent == driver.x.root, "parent": parent,
                    "mapped": attributes is not None and attributes.map_state == X.IS_VIEWABLE})
                close()

            view.page.close = look_then_close
            original(view)

        RemoteView.release = release  # type: ignore[method-assign]
        self.releases: list[dict[str, Any]] = []

    def after(self) -> dict[str, Any]:
        """Facts once a challenge ended: stray windows now and seen since the last, the page's window
        right after release and whether it still exists."""
        released = self.releases[-1] if self.releases else None
        facts = {"stray_windows": self.stray_windows(), "strays_seen": sorted(self.seen_strays),
                 "released": released,
                 "page_window_exists": bool(released) and self.x.attributes(released["page_window"]) is not None}
        self.seen_strays.clear()
        return facts

    async def pause(self, seconds: float) -> None:
        """Let ``seconds`` pass, looking for stray windows meanwhile."""
        await self.until(lambda: False, "", seconds)

    async def outcome(self, task: "asyncio.Task[Any]", step: str) -> str | None:
        await self.until(task.done, f"{step}: the challenge ended", 30)
        state = task.result().state.name if task.done() and not task.cancelled() else None
        say(step, state=state)
        return state

    async def until_js(self, script: str, expected: Any, what: str, timeout: float = 15.0) -> bool:
        """Until ``script``'s value in the page is ``expected``; a failure named ``what`` if it never is."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if await self.js(script) == expected:
                return True
            await self.pause(0.05)
        self.failures.append(f"timed out: {what}")
        say("timeout", what=what)
        return False

    async def page_keys(self) -> str:
        return str(await self.js("window.__keys"))

    async def listen_to_keys(self) -> None:
        await self.js("window.__keys=''; document.addEventListener('keydown', function(e){window.__keys+=e.key;});"
                      "true")

    def click_into_page(self) -> None:
        """A click into an empty part of the page (its bottom right corner)."""
        page_rect = self.x.on_screen(self.foreign_id())
        if page_rect is not None:
            self.x.click(page_rect[0] + page_rect[2] - 20, page_rect[1] + page_rect[3] - 20)

    def focus_name(self) -> str | None:
        widget = self.app.focusWidget()
        return widget.objectName() or type(widget).__name__ if widget is not None else None

    async def select_after_a_move(self) -> None:
        """The dialog moved, a <select> put in the page: its list (a pop-up window of the browser process)
        must open under it where it is now, and a click on its second option must choose that option."""
        screen_x = await self.js("window.screenX")
        self.dialog.move(self.dialog.x() + 200, self.dialog.y() + 50)
        # The page knows where it is now (the browser process was told of the move, or never will be).
        await self.until_js("window.screenX", screen_x + 200, "the page's place after the move", 5)
        await self.js("var s=document.createElement('select'); s.id='choice'; s.style.fontSize='20px';"
                      "['one','two','three','four'].forEach(function(t){var o=document.createElement('option');"
                      "o.text=t; s.add(o);}); document.body.insertBefore(s, document.body.firstChild); true")
        await self.pause(0.3)
        answer = await self.js("JSON.stringify((function(r){return [r.left, r.bottom];})("
                               "document.getElementById('choice').getBoundingClientRect()))")
        page_rect = self.x.on_screen(self.foreign_id())
        point = await self.element_center("choice")
        if point is None or page_rect is None:
            self.failures.append("no <select> in the page")
            return
        left, bottom = json.loads(answer)
        self.x.click(*point)
        await self.until(lambda: bool(self.stray_windows()), "the <select>'s list shown")
        await self.pause(0.3)  # painted
        popups = [self.x.on_screen(w) for w in self.stray_windows()]
        self.grab("2b-select-open")
        if len(popups) == 1 and popups[0] is not None:
            x, y, width, height = popups[0]
            self.x.click(x + 20, y + height * 3 // 8)  # the second of four options
            await self.until_js("document.getElementById('choice').value", "two", "the second option chosen")
            await self.until(lambda: not self.stray_windows(), "the <select>'s list gone")
        say("select", under=[page_rect[0] + int(left), page_rect[1] + int(bottom)], popups=popups,
            chosen=await self.js("document.getElementById('choice').value"),
            dialog_rect=self.x.on_screen(int(self.dialog.winId())), page_rect=page_rect,
            strays_after=self.stray_windows())
        self.seen_strays.clear()  # the list's window is the page's own, and shown on purpose

    async def run(self) -> None:
        from PySide6.QtWidgets import QLabel

        self.window = QLabel("klogs-desk (the terminal's main window)")
        self.window.resize(1000, 700)
        self.window.show()
        await asyncio.sleep(0.3)
        say("start", platform=self.app.platformName(), main_window=int(self.window.winId()))
        self.watch_release()

        # 1. approve: embedded, resizes, click and keys reach the page, #approve completes the sale.
        task = await self.open_challenge("X11-EMBED-APPROVE")
        self.grab("1-opened")
        say("embedded", **self.embedding(), stray_windows=self.stray_windows(),
            strays_seen=sorted(self.seen_strays))
        self.dialog.resize(760, 700)
        await self.until(lambda: (facts := self.embedding())["page_rect"] == facts["container_rect"]
                         and facts["dialog_rect"][2:] == [760, 700], "the page resized with the dialog")
        self.grab("2-resized")
        say("resized", **self.embedding())
        await self.select_after_a_move()
        await self.listen_to_keys()
        self.click_into_page()
        await self.until_js("document.hasFocus()", True, "the page has the keyboard after a click")
        for key in "klogs":
            self.x.key(key)
        await self.until_js("window.__keys", "klogs", "the keys typed in the page")
        say("typed", keys=await self.page_keys(), focus_widget=self.focus_name())
        point = await self.element_center("approve")
        say("approve_at", point=point)
        if point is not None:
            self.x.click(*point)
        await self.outcome(task, "approved")
        await self.pause(1.0)
        self.grab("3-after-approve")
        say("after_approve", **self.after())

        # 2. Tab from the dialog into the page and on; then Escape pressed in the page cancels.
        task = await self.open_challenge("X11-EMBED-ESCAPE")
        say("embedded_again", **self.embedding(), stray_windows=self.stray_windows())
        await self.listen_to_keys()
        label = self._global_rect(self.dialog.amount_label)
        self.x.click(label[0] + 5, label[1] + 5)  # the dialog has the keyboard
        await self.until(lambda: self.app.focusWindow() is self.dialog.windowHandle(), "the dialog active")
        self.dialog.cancel_button.setFocus()
        await self.until(lambda: self.focus_name() == "threeDsCancelButton", "Cancel has the focus")
        self.x.key("Tab", shift=True)  # Cancel -> the page (the view is before it in the tab order)
        if await self.until_js("document.activeElement ? document.activeElement.id : null", "fail",
                               "Shift+Tab into the page"):
            for key in "tab":
                self.x.key(key)
            await self.until_js("window.__keys", "tab", "the keys typed in the page after Tab")
        say("tab_in", keys=await self.page_keys(), focus_widget=self.focus_name(),
            page_active=await self.js("document.activeElement ? document.activeElement.id : null"))
        left: list[bool] = []
        self.dialog.page.focus_left.connect(left.append)
        # Shift+Tab came in on the page's last element (Fail): Tab leaves the page for Cancel, the next
        # Tab comes back in on its first (Approve).
        self.x.key("Tab")
        await self.until(lambda: self.focus_name() == "threeDsCancelButton", "Tab out of the page to Cancel")
        say("tab_out", focus_widget=self.focus_name(), left=list(left),
            page_active=await self.js("document.activeElement ? document.activeElement.id : null"))
        self.x.key("Tab")
        await self.until_js("document.activeElement ? document.activeElement.id : null", "approve",
                            "Tab from Cancel round into the page")
        say("tab_around", focus_widget=self.focus_name(), left=list(left),
            page_active=await self.js("document.activeElement ? document.activeElement.id : null"))
        self.click_into_page()
        await self.until_js("document.hasFocus()", True, "the page has the keyboard before Escape")
        self.x.key("Escape")
        await self.outcome(task, "escaped")
        await self.pause(1.0)
        self.grab("4-after-escape")
        say("after_escape", **self.after())

        # 3. the dialog's own Cancel button, with the page open.
        task = await self.open_challenge("X11-EMBED-CANCEL")
        self.grab("5-third")
        button = self._global_rect(self.dialog.cancel_button)
        self.x.click(button[0] + button[2] // 2, button[1] + button[3] // 2)
        await self.outcome(task, "cancelled")
        await self.pause(1.0)
        self.grab("6-after-cancel")
        say("after_cancel", **self.after())

        # 4. the dialog closed as a window manager closes it (no window manager under Xvfb: close()).
        task = await self.open_challenge("X11-EMBED-CLOSE")
        self.dialog.close()
        await self.outcome(task, "closed")
        await self.pause(1.0)
        say("after_close", **self.after())

        # 5. the browser process dies with the page embedded: the dialog says so, Close cancels; the next
        # challenge starts a new browser and is embedded again.
        from klogs_desk.ui.challenge_browser import remote

        task = await self.open_challenge("X11-EMBED-KILLED")
        remote.browser().kill()
        await self.until(lambda: self.dialog.close_button.isVisible(), "the dialog said the page stopped")
        self.grab("7-killed")
        button = self._global_rect(self.dialog.close_button)
        self.x.click(button[0] + button[2] // 2, button[1] + button[3] // 2)
        await self.outcome(task, "killed")
        await self.pause(1.0)
        say("after_killed", **self.after())
        task = await self.open_challenge("X11-EMBED-RESTARTED")
        say("embedded_after_restart", **self.embedding(), stray_windows=self.stray_windows())
        point = await self.element_center("approve")
        if point is not None:
            self.x.click(*point)
        await self.outcome(task, "approved_after_restart")
        await self.pause(1.0)
        say("after_restart", **self.after())

    async def main(self) -> int:
        from klogs_desk.api.client import Credentials, Endpoints, KlogsClient, RetryPolicy
        from klogs_desk.callbacks import CallbackListener
        from klogs_desk.domain.journal import Journal
        from klogs_desk.sandbox.server import SandboxServer
        from klogs_desk.sandbox.state import SandboxConfig
        from klogs_desk.services.context import AppServices
        from klogs_desk.services.three_d_secure import ThreeDSecureService
        from klogs_desk.ui.challenge_browser import remote

        self.loading_text = self.app.translate("ThreeDsDialog", "Loading the bank's page…")
        server = SandboxServer(SandboxConfig(testing=True, rate_limit_per_minute=100_000))
        server.start()
        folder = Path(self.args.folder or tempfile.mkdtemp(prefix="klogs-x11-embed-"))
        journal = Journal(folder / "journal.sqlite3")
        # As tests/conftest.py's make_client (not imported: it sets up a whole test run's folders).
        client = KlogsClient(Endpoints.same(server.url), Credentials("sandbox-key", "sandbox-secret", "sandbox-token"),
                             timeout=10, retry=RetryPolicy(base_delay=0.01, max_delay=0.05, jitter=lambda: 0.5))
        listener = CallbackListener()
        self.service = ThreeDSecureService(AppServices(client=client, journal=journal), listener)
        await listener.start()
        try:
            await self.run()
        finally:
            await listener.stop()
            await client.aclose()
            journal.close()
            remote.browser().stop()
            server.stop()
        return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shots", help="save screen grabs in this folder")
    parser.add_argument("--language", default="en")
    parser.add_argument("--folder", help="the journal's folder (default: a new temporary one)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("KLOGS_DESK_HOME", tempfile.mkdtemp(prefix="klogs-x11-embed-home-"))

    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    if args.language != "en":
        from klogs_desk import i18n

        i18n.install(args.language, app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    driver = Driver(args)
    with loop:
        code = loop.run_until_complete(driver.main())
    say("end", ok=code == 0, failures=driver.failures)
    return code


if __name__ == "__main__":
    sys.exit(main())
