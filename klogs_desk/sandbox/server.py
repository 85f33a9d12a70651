"""Running the sandbox: in a background thread on a free loopback port (tests, training mode)."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn

from .app import create_app
from .state import SandboxConfig


class SandboxServer:
    """The sandbox on ``127.0.0.1`` in a daemon thread with its own event loop.

    >>> server = SandboxServer().start()   # doctest: +SKIP
    >>> server.url                         # doctest: +SKIP
    'http://127.0.0.1:54321'
    """

    def __init__(self, config: SandboxConfig | None = None, *, host: str = "127.0.0.1", port: int = 0,
                 sock: socket.socket | None = None) -> None:
        """``sock``: an already bound socket to serve on (``host``/``port`` are then ignored); the
        embedded sandbox binds one early so its URL is known before FastAPI is even imported."""
        self.config = config or SandboxConfig()
        if sock is None:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
        self._sock = sock
        self.host, self.port = self._sock.getsockname()[:2]
        self.config.public_url = self.url
        self.app = create_app(self.config)
        self._server = uvicorn.Server(uvicorn.Config(
            self.app, log_level="warning", access_log=False, lifespan="off",
            timeout_graceful_shutdown=1, h11_max_incomplete_event_size=16 * 1024,
        ))
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def state(self):
        return self.app.state.sandbox

    def start(self, timeout: float = 10.0) -> "SandboxServer":
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._sock]},
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
        self._sock.close()

    def __enter__(self) -> "SandboxServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
