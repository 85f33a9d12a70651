"""Running the sandbox: in a background thread on a free loopback port (tests, training mode).

One uvicorn server listens on two sockets: the gateway's (``127.0.0.1``) and the pretend bank's ACS
(another loopback host, see :mod:`.hosts`). Each connection goes to the application of the socket it
arrived on (the *local* address, which a request cannot forge, never the Host header): the gateway's
routes are not served on the bank's host, nor the bank's page on the gateway's.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import socket
import threading
import time
from collections.abc import Callable

import uvicorn
from starlette.types import ASGIApp, Receive, Scope, Send

from .app import create_acs_app, create_app
from .hosts import acs_socket
from .persistence import database_of
from .state import SandboxConfig


class SandboxServer:
    """The sandbox on ``127.0.0.1`` in a daemon thread with its own event loop.

    >>> server = SandboxServer().start()   # doctest: +SKIP
    >>> server.url                         # doctest: +SKIP
    'http://127.0.0.1:54321'
    """

    def __init__(self, config: SandboxConfig | None = None, *, host: str = "127.0.0.1", port: int = 0,
                 sock: socket.socket | None = None, acs_sock: socket.socket | None = None,
                 acs_host: str | None = None) -> None:
        """``sock``: an already bound socket to serve on (``host``/``port`` are then ignored); the
        embedded sandbox binds one early so its URL is known before FastAPI is even imported.
        ``acs_sock``/``acs_host``: likewise for the bank's ACS page (default: :func:`.hosts.acs_socket`)."""
        self.config = config or SandboxConfig()
        #: The configuration as given, for reset(); a test may change ``self.config`` while it runs.
        self._given = dataclasses.replace(self.config)
        if sock is None:
            # IPPROTO_TCP so asyncio sets TCP_NODELAY on each connection (see hosts.listening_socket).
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
        if acs_sock is None:
            acs_sock, acs_host = acs_socket()
        self._sock, self._acs_sock = sock, acs_sock
        self.host, self.port = self._sock.getsockname()[:2]
        self.acs_host = acs_host or acs_sock.getsockname()[0]
        self.acs_port = acs_sock.getsockname()[1]
        self._apps: dict[tuple[str, int], ASGIApp] = {}
        self._build(self.config)
        by_socket = _by_local_address(self._apps, lambda: self.app)
        self._server = uvicorn.Server(uvicorn.Config(
            by_socket, log_level="warning", access_log=False, lifespan="off",
            timeout_graceful_shutdown=1, h11_max_incomplete_event_size=16 * 1024,
        ))
        self._thread: threading.Thread | None = None
        self._quiet_cancel = _QuietCancellationAtStop(lambda: self._server.should_exit)

    def _build(self, config: SandboxConfig) -> None:
        config.public_url = self.url
        config.acs_url = self.acs_url
        self.config = config
        self.app = create_app(config)
        self._apps[self._acs_sock.getsockname()[:2]] = create_acs_app(self.state)

    def reset(self, config: SandboxConfig | None = None) -> "SandboxServer":
        """Start over with a new gateway on the same sockets, as if this server had just been started with
        ``config`` (default: a copy of the current one as it was given): empty ledger, stores, faults,
        dialect, rate limits and clock (stores kept in a ``database`` file are that file's, as at a
        restart). A request already being answered finishes on the old gateway, and so does work it
        scheduled (the never-answering card's late approval); every request received after this call,
        on a new or a kept-alive connection, is answered by the new one.

        Costs building the FastAPI app, not a server start and stop: tests that need a gateway of their own
        get one this way (tests/conftest.py ``fresh_sandbox``).
        """
        self._build(config if config is not None else dataclasses.replace(self._given))
        return self

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def acs_url(self) -> str:
        """Where the pretend bank's 3-D Secure page is served: another host than :attr:`url`."""
        return f"http://{self.acs_host}:{self.acs_port}"

    @property
    def state(self):
        return self.app.state.sandbox

    def start(self, timeout: float = 10.0) -> "SandboxServer":
        logging.getLogger("uvicorn.error").addFilter(self._quiet_cancel)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._sock, self._acs_sock]},
                                        name="klogs-sandbox", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the sandbox gateway did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)
        logging.getLogger("uvicorn.error").removeFilter(self._quiet_cancel)
        self._sock.close()
        self._acs_sock.close()
        database = database_of(self.state)
        if database is not None:  # what background tasks changed since the last request
            database.flush(self.state)
            database.close()
        recurring = self.state.extras.get("recurring")
        if recurring is not None and self.config.database is not None:  # in memory: tests may still read it
            recurring.close()

    def __enter__(self) -> "SandboxServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _QuietCancellationAtStop(logging.Filter):
    """Drops uvicorn's "Exception in ASGI application" record for a request cancelled because the server is
    stopping: the never-answering card's request, held for ``hang_seconds``, outlives the graceful-shutdown
    second and is cancelled then; a real gateway going down drops such a connection without a word, and a
    traceback in the terminal's log at every quit during such a sale would read as a fault of ours. Any
    other error, and a cancellation while serving, is still logged."""

    def __init__(self, stopping: Callable[[], bool]) -> None:
        super().__init__()
        self._stopping = stopping

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not (isinstance(error, asyncio.CancelledError) and self._stopping())


def _by_local_address(apps: dict[tuple[str, int], ASGIApp], default: Callable[[], ASGIApp]) -> ASGIApp:
    """An ASGI app that hands each connection to ``apps[(local host, local port)]``, else ``default()``;
    both are looked up per request, so :meth:`SandboxServer.reset` takes effect at once."""

    async def dispatch(scope: Scope, receive: Receive, send: Send) -> None:
        server = scope.get("server")
        app = apps.get((server[0], server[1])) if server else None
        await (app or default())(scope, receive, send)

    return dispatch
