"""The sandbox gateway inside the terminal, for training mode: a child process started at launch.

Light on purpose (standard library only): ``app.py`` imports it before Qt, so the sandbox starts in
parallel with the window. The child's side and the pipe protocol are in :mod:`klogs_desk.sandbox.child`.
No Qt and no HTTP client here.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import importlib
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any, Sequence

log = logging.getLogger(__name__)

#: The frozen bundle's argument that makes it the sandbox process (``__main__.py`` checks it first).
SANDBOX_PROCESS_ARGUMENT = "--sandbox-process"


def child_command() -> list[str]:
    """How to start :mod:`klogs_desk.sandbox.child`: the PyInstaller bundle re-invokes its own executable
    (there is no ``python -m`` in it); a source install runs the module with this interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable, SANDBOX_PROCESS_ARGUMENT]
    return [sys.executable, "-m", "klogs_desk.sandbox.child"]


class EmbeddedSandbox:
    """The sandbox gateway for training mode, in its own process.

    Start-up never blocks the window: :meth:`reserve` binds the loopback sockets at once (so the URL is
    known immediately and early connections queue in the kernel); :meth:`start_in_background` starts the
    child process, which inherits them and imports FastAPI and uvicorn on its own (on another core).

    Clients built by :func:`klogs_desk.environments.build_client` for this URL hold each request,
    asynchronously, until the sandbox serves (:meth:`until_ready`); if it failed to start, the request
    fails as "could not be reached, nothing was sent". Synchronous callers (the self-check, scripts) use
    :meth:`wait_ready`. :meth:`stop` ends it when the terminal quits; if the terminal dies instead, the
    child sees its stdin close and exits by itself.

    On a platform without inheritable socket descriptors for a child (Windows) the sandbox runs in a
    thread of this process as before (:meth:`_start_in_thread`).

    ``command``: the child's command line without the socket arguments (tests start a broken one).
    ``database``: the SQLite file the sandbox keeps its state in (the terminal passes
    :func:`klogs_desk.paths.sandbox_path`, so a restarted terminal still finds the day's training payments
    and subscriptions; see :mod:`klogs_desk.sandbox.persistence`); ``None`` (tests, scripts) keeps
    everything in memory. ``rate_limit_per_minute``: requests a minute per credential before 429; ``None``
    is the sandbox's default, the docs' 100 for the test environment.
    """

    #: False where a child process cannot inherit the listening sockets (Windows): a thread serves then.
    own_process: bool = os.name == "posix"
    #: Embedded sandboxes by URL, so every client built for one waits for it (see ``build_client``).
    _by_url: "dict[str, EmbeddedSandbox]" = {}

    def __init__(self, command: Sequence[str] | None = None, *, database: Path | None = None,
                 rate_limit_per_minute: int | None = None) -> None:
        self._command = list(command) if command is not None else None
        self.database = database
        self.rate_limit_per_minute = rate_limit_per_minute
        self._socket: socket.socket | None = None
        #: The pretend bank's 3-D Secure page listens on another loopback host (sandbox/hosts.py).
        self._acs: tuple[socket.socket, str] | None = None
        self._url: str | None = None
        self._ready: "concurrent.futures.Future[str]" = concurrent.futures.Future()
        self._process: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None
        self._thread: threading.Thread | None = None
        self._server: object | None = None  # the in-thread fallback's SandboxServer
        self._clock_offset = dt.timedelta(0)
        self._started_at: float | None = None
        self.startup_seconds: float | None = None
        #: The merchant webhook the sandbox notifies of saved cards (the terminal's receiver), once known.
        self._webhook_url: str | None = None
        self._stdin_lock = threading.Lock()

    # --- the merchant webhook ---------------------------------------------------------------------------

    @property
    def webhook_url(self) -> str | None:
        """Where the sandbox sends card-storage webhooks (``None``: nowhere yet)."""
        return self._webhook_url

    def set_webhook_url(self, url: str | None) -> None:
        """Tell the sandbox where to send card-storage webhooks: now if it runs (a ``webhook <url>`` line on
        the child's stdin, see :mod:`klogs_desk.sandbox.child`), else as soon as it starts."""
        self._webhook_url = url
        server: Any = self._server
        if server is not None:  # the in-thread fallback
            server.state.config.webhook_url = url
        self._send_webhook_url()

    def _send_webhook_url(self) -> None:
        process = self._process
        if process is None or process.stdin is None or self._webhook_url is None:
            return
        with self._stdin_lock:
            try:
                process.stdin.write(f"webhook {self._webhook_url}\n".encode("ascii", "replace"))
                process.stdin.flush()
            except (OSError, ValueError):  # the child is gone (or stopping): nothing to tell
                log.warning("the embedded sandbox was not told the webhook address (it has stopped)")

    # --- the clock -----------------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        """The sandbox gateway's clock (it can be moved forward to reach a settlement cut-off): real UTC
        time plus the offset the child last reported (at start and after every move), so reading it
        never waits for a request."""
        server = self._server
        if server is not None:  # the in-thread fallback
            return server.state.clock.now()  # type: ignore[attr-defined]
        return dt.datetime.now(dt.timezone.utc) + self._clock_offset

    # --- starting --------------------------------------------------------------------------------------

    def reserve(self) -> str:
        """Bind the loopback ports now (microseconds) and return the URL the sandbox will serve on.

        Nothing serves until :meth:`start_in_background`; connections made meanwhile wait in the
        kernel's queue, and clients from ``build_client`` wait for :meth:`until_ready`.
        """
        if self._url is None:
            from .sandbox.hosts import GATEWAY_ADDRESS, acs_socket, listening_socket  # light: no FastAPI

            sock = listening_socket(GATEWAY_ADDRESS)  # a page loading before it serves waits, not fails
            try:
                self._acs = acs_socket()
            except BaseException:
                sock.close()
                raise
            host, port = sock.getsockname()[:2]
            self._socket, self._url = sock, f"http://{host}:{port}"
            EmbeddedSandbox._by_url[self._url] = self
            self._ready = concurrent.futures.Future()
            self._ready.set_running_or_notify_cancel()  # a waiter that gives up must not cancel start-up
        return self._url

    def start_in_background(self) -> "EmbeddedSandbox":
        """Reserve the ports if needed and start the sandbox process (idempotent; returns at once)."""
        self.reserve()
        if self._process is not None or self._thread is not None or self._ready.done():
            return self
        self._started_at = time.perf_counter()
        if not self.own_process:
            self._start_in_thread()
            return self
        assert self._socket is not None and self._acs is not None
        sock, (acs_sock, acs_host) = self._socket, self._acs
        command = (self._command if self._command is not None else child_command()) + [
            "--fd", str(sock.fileno()), "--acs-fd", str(acs_sock.fileno()), "--acs-host", acs_host]
        if self.database is not None:
            command += ["--database", str(self.database)]
        if self.rate_limit_per_minute is not None:
            command += ["--rate-limit", str(self.rate_limit_per_minute)]
        try:
            self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             pass_fds=(sock.fileno(), acs_sock.fileno()))
        except OSError as exc:
            log.error("the embedded sandbox could not start", exc_info=exc)
            self._ready.set_exception(exc)
            return self
        finally:
            # The child has its own copies: once it is gone, connections are refused instead of queued.
            sock.close()
            acs_sock.close()
        self._reader = threading.Thread(target=self._read_child, args=(self._process.stdout, self._ready),
                                        name="klogs-sandbox-reader", daemon=True)
        self._reader.start()
        self._send_webhook_url()  # known before the start (tests): the pipe holds it until the child reads
        return self

    def _read_child(self, stdout: IO[bytes], ready: "concurrent.futures.Future[str]") -> None:
        """The child's stdout, line by line (worker thread): ``ready`` resolves :attr:`_ready`, ``clock``
        moves :meth:`now`; end of file before ``ready`` means it could not start."""
        for raw in stdout:
            word, _, value = raw.decode("ascii", "replace").strip().partition(" ")
            try:
                offset = dt.timedelta(seconds=float(value))
            except ValueError:
                continue
            self._clock_offset = offset
            if word == "ready" and not ready.done():
                self.startup_seconds = time.perf_counter() - (self._started_at or 0)
                log.info("embedded sandbox serving on %s (own process; started in %.0f ms)", self._url,
                         self.startup_seconds * 1000)
                ready.set_result(self._url or "")
        if not ready.done():
            log.error("the embedded sandbox process ended before it served")
            ready.set_exception(RuntimeError("the embedded sandbox process ended before it served"))

    def _start_in_thread(self) -> None:
        """The fallback where a child cannot inherit the sockets: serve from a thread of this process."""

        def start(sock: socket.socket, acs: tuple[socket.socket, str],
                  ready: "concurrent.futures.Future[str]") -> None:
            try:
                # By name: the sandbox's FastAPI code is outside this module's type-checked layer.
                server_module = importlib.import_module("klogs_desk.sandbox.server")
                config: Any = importlib.import_module("klogs_desk.sandbox.state").SandboxConfig(database=self.database)
                if self.rate_limit_per_minute is not None:
                    config.rate_limit_per_minute = self.rate_limit_per_minute
                server: Any = server_module.SandboxServer(config, sock=sock, acs_sock=acs[0],
                                                          acs_host=acs[1]).start()
                server.state.config.webhook_url = self._webhook_url
                self._server = server
            except BaseException as exc:
                log.error("the embedded sandbox could not start", exc_info=exc)
                ready.set_exception(exc)
                return
            self.startup_seconds = time.perf_counter() - (self._started_at or 0)
            ready.set_result(server.url)

        assert self._socket is not None and self._acs is not None
        self._thread = threading.Thread(target=start, args=(self._socket, self._acs, self._ready),
                                        name="klogs-sandbox-start", daemon=True)
        self._thread.start()

    # --- state ------------------------------------------------------------------------------------------

    @property
    def reserved(self) -> bool:
        """True once its ports are bound (:meth:`reserve`); it may not serve yet."""
        return self._url is not None

    @property
    def running(self) -> bool:
        """True once the sandbox answers requests."""
        return self._ready.done() and self._ready.exception() is None

    @property
    def pid(self) -> int | None:
        """The sandbox process's id (None before it starts, or in the in-thread fallback)."""
        return self._process.pid if self._process is not None else None

    def url(self) -> str:
        """The sandbox's base URL, starting it if needed. Returns at once; it may not serve yet."""
        self.start_in_background()
        return self.reserve()

    def wait_ready(self, timeout: float = 30.0) -> str:
        """Block until the sandbox serves; its URL. Raises ``RuntimeError`` if it failed or timed out."""
        self.start_in_background()
        try:
            return self._ready.result(timeout)
        except concurrent.futures.TimeoutError:
            raise RuntimeError("The training sandbox did not start in time.") from None
        except Exception as exc:
            raise RuntimeError("The training sandbox could not start.") from exc

    async def until_ready(self, timeout: float = 30.0) -> None:
        """Wait, without blocking the event loop, until the sandbox serves. Raises ``RuntimeError`` if
        it failed or did not start within ``timeout`` seconds."""
        if self.running:
            return
        import asyncio  # not at import: the first frame comes before asyncio (ui/event_loop.py)

        self.start_in_background()
        try:
            await asyncio.wait_for(asyncio.wrap_future(self._ready), timeout)
        except asyncio.TimeoutError:
            raise RuntimeError("The training sandbox did not start in time.") from None
        except Exception as exc:
            raise RuntimeError("The training sandbox could not start.") from exc

    # --- stopping ---------------------------------------------------------------------------------------

    def stop(self, timeout: float = 5.0) -> None:
        """End the sandbox: close the child's stdin (it stops serving and exits), wait up to ``timeout``
        seconds, then kill it. Idempotent."""
        process, self._process = self._process, None
        if process is not None:
            try:
                if process.stdin is not None:
                    with self._stdin_lock:
                        process.stdin.close()
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                log.warning("the embedded sandbox did not stop within %.0f s: killed", timeout)
                process.kill()
                process.wait()
        if self._reader is not None:  # the child is gone: its stdout reaches end of file
            self._reader.join(timeout)
            self._reader = None
        if process is not None and process.stdout is not None:
            process.stdout.close()
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None
        server, self._server = self._server, None
        if server is not None:
            server.stop()  # type: ignore[attr-defined]  # closes the sockets too
        for sock in (self._socket, self._acs[0] if self._acs else None):
            if sock is not None:
                sock.close()  # harmless when already closed (handed to the child or the server)
        if self._url is not None:
            EmbeddedSandbox._by_url.pop(self._url, None)
        self._socket = self._url = self._acs = None

    @classmethod
    def serving(cls, url: str | None) -> "EmbeddedSandbox | None":
        """The embedded sandbox at ``url`` (started by this process), if any."""
        return cls._by_url.get(url.rstrip("/")) if url else None
