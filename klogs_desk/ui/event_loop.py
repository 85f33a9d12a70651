"""The app's asyncio loop comes up right after the first frame, on Qt's event loop already running (issue 19).

The terminal starts on Qt's own loop (``app.exec()``): the window is shown, painted and takes keys before
asyncio and qasync are even imported (~50 ms of the UI thread on a small till). A zero timer inside that
running loop then installs ``qasync.QEventLoop(app, already_running=True)`` as the running asyncio loop, as
the tests' ``event_loop_qt`` fixture does; from then on everything is as before.

Until then nothing may need the loop, and the first frame's modules do not import asyncio at module level.
Code on the UI thread that needs the running loop before it could exist (a Pay clicked, a quit, the
runtime's start) calls :func:`ensure` first: the app's pending installation runs there and then (its
imports paid once, a few tens of milliseconds), so the work never waits for a timer nor gets lost.
Without an app (tests with their own loop, a bare widget) :func:`ensure` does nothing.

Nothing here imports asyncio.
"""

from __future__ import annotations

from typing import Callable

_install: Callable[[], None] | None = None
_ready: list[Callable[[], None]] = []


def install_later(install: Callable[[], None]) -> None:
    """The app: ``install()`` creates and sets the running asyncio loop; it runs once, at the first
    :func:`ensure` (the app's zero timer after the first frame, or whatever needs the loop sooner)."""
    global _install
    _install = install


def ensure() -> None:
    """Make sure the app's asyncio loop exists if the app is to install one (see the module docstring)."""
    global _install
    install, _install = _install, None
    if install is None:
        return
    install()
    callbacks, _ready[:] = list(_ready), []
    for callback in callbacks:
        callback()


def pending() -> bool:
    """True while the app's loop is still to be installed."""
    return _install is not None


def when_ready(callback: Callable[[], None]) -> None:
    """Call ``callback()`` once the app's loop is installed (now if it is, or if none is to come)."""
    if _install is None:
        callback()
    else:
        _ready.append(callback)
