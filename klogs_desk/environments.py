"""The three environments, their default gateway URLs, and building a :class:`KlogsClient` for one.

* ``sandbox``: training mode. The embedded sandbox gateway (:class:`EmbeddedSandbox`, started on a free
  loopback port) or an already running one (``--sandbox-url``). No real money moves.
* ``test``: Klogs' test gateway, ``https://pgw.klogs.dev/``.
* ``production``: the live gateway, ``https://pgw.klogs.io/``. Real cards are charged.

The environment names and default URLs are settings, declared in :mod:`klogs_desk.config`
(``ENVIRONMENTS``, ``DEFAULT_BASE_URLS``); both APIs' base URLs can be overridden per environment in
Settings (:class:`klogs_desk.config.Config`). No Qt here.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import logging
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from .api.client import Credentials, Endpoints, KlogsClient
from .api.errors import AuthenticationError, KlogsError, NotFoundError
from .api.models import RecurringListQuery
from .api.signing import SIGNED
from .messages import Message, english, msg

if TYPE_CHECKING:
    from .config import Config
    from .sandbox.server import SandboxServer

LABELS: dict[str, str] = {"sandbox": "Sandbox (training)", "test": "Test", "production": "Production"}


log = logging.getLogger(__name__)


class EmbeddedSandbox:
    """The sandbox gateway inside the terminal, for training mode.

    Start-up never blocks the window: :meth:`reserve` binds a loopback socket at once (so the URL is known
    immediately and early connections queue in the kernel); :meth:`start_in_background` then imports
    FastAPI and uvicorn and starts serving on a worker thread (over a second on a slow machine).

    Clients built by :func:`build_client` for this URL hold each request, asynchronously, until the
    sandbox serves (:meth:`until_ready`); if it failed to start, the request fails as "could not be
    reached, nothing was sent". Synchronous callers (the self-check, scripts) use :meth:`wait_ready`.
    Stopped with :meth:`stop` when the terminal quits.

    ``database``: the SQLite file the sandbox keeps its state in (the terminal passes
    :func:`klogs_desk.paths.sandbox_path`, so a restarted terminal still finds the day's training payments
    and subscriptions); ``None`` (the default, for tests and scripts) keeps everything in memory.
    ``rate_limit_per_minute``: requests a minute per credential before 429; ``None`` is the sandbox's default,
    the docs' 100 for the test environment.
    """

    #: Embedded sandboxes by URL, so every client built for one waits for it (see :func:`build_client`).
    _by_url: "dict[str, EmbeddedSandbox]" = {}

    def __init__(self, *, database: "Path | None" = None, rate_limit_per_minute: int | None = None) -> None:
        self.database = database
        self.rate_limit_per_minute = rate_limit_per_minute
        self._server: "SandboxServer | None" = None
        self._socket: socket.socket | None = None
        #: The pretend bank's 3-D Secure page listens on another loopback host (sandbox/hosts.py).
        self._acs: tuple[socket.socket, str] | None = None
        self._url: str | None = None
        self._ready: "concurrent.futures.Future[str]" = concurrent.futures.Future()
        self._thread: threading.Thread | None = None
        self.startup_seconds: float | None = None

    def now(self) -> dt.datetime:
        """The sandbox gateway's clock (it can be moved forward to reach a settlement cut-off); the real
        UTC time until it runs."""
        server = self._server
        return server.state.clock.now() if server is not None else dt.datetime.now(dt.timezone.utc)

    def reserve(self) -> str:
        """Bind the loopback port now (microseconds) and return the URL the sandbox will serve on.

        Nothing serves until :meth:`start_in_background`; connections made meanwhile wait in the
        kernel's queue, and clients from :func:`build_client` wait for :meth:`until_ready`.
        """
        if self._url is None:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(("127.0.0.1", 0))
            sock.listen(128)  # a browser page that loads before uvicorn serves waits instead of failing
            host, port = sock.getsockname()[:2]
            try:
                from .sandbox.hosts import acs_socket  # light: no FastAPI yet

                self._acs = acs_socket()
            except BaseException:
                sock.close()
                raise
            self._socket, self._url = sock, f"http://{host}:{port}"
            EmbeddedSandbox._by_url[self._url] = self
            self._ready = concurrent.futures.Future()
            self._ready.set_running_or_notify_cancel()  # a waiter that gives up must not cancel start-up
        return self._url

    def start_in_background(self) -> "EmbeddedSandbox":
        """Reserve the port if needed and start serving on a worker thread (idempotent)."""
        self.reserve()
        if self._thread is None:
            self._thread = threading.Thread(target=self._start, args=(self._socket, self._acs, self._ready),
                                            name="klogs-sandbox-start", daemon=True)
            self._thread.start()
        return self

    def _start(self, sock: "socket.socket | None", acs: "tuple[socket.socket, str] | None",
               ready: "concurrent.futures.Future[str]") -> None:
        started = time.perf_counter()
        try:
            from .sandbox.server import SandboxServer
            from .sandbox.state import SandboxConfig

            config = SandboxConfig(database=self.database)
            if self.rate_limit_per_minute is not None:
                config.rate_limit_per_minute = self.rate_limit_per_minute
            acs_sock, acs_host = acs or (None, None)
            self._server = SandboxServer(config, sock=sock, acs_sock=acs_sock, acs_host=acs_host).start()
        except BaseException as exc:  # handed to whoever waits (url users see "could not start")
            self.startup_seconds = time.perf_counter() - started
            log.error("the embedded sandbox could not start", exc_info=exc)
            ready.set_exception(exc)
            return
        self.startup_seconds = time.perf_counter() - started
        log.info("embedded sandbox serving on %s (started in %.0f ms)", self._server.url,
                 self.startup_seconds * 1000)
        ready.set_result(self._server.url)

    @property
    def reserved(self) -> bool:
        """True once its port is bound (:meth:`reserve`); it may not serve yet."""
        return self._url is not None

    @property
    def running(self) -> bool:
        """True once the sandbox answers requests."""
        return self._ready.done() and self._ready.exception() is None

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
        self.start_in_background()
        try:
            await asyncio.wait_for(asyncio.wrap_future(self._ready), timeout)
        except asyncio.TimeoutError:
            raise RuntimeError("The training sandbox did not start in time.") from None
        except Exception as exc:
            raise RuntimeError("The training sandbox could not start.") from exc

    def stop(self) -> None:
        if self._thread is not None:
            self._thread.join(10)
        if self._server is not None:
            self._server.stop()  # closes the sockets too
            self._server = None
        else:
            if self._socket is not None:
                self._socket.close()
            if self._acs is not None:
                self._acs[0].close()
        if self._url is not None:
            EmbeddedSandbox._by_url.pop(self._url, None)
        self._socket = self._url = self._acs = None
        self._thread = None

    @classmethod
    def serving(cls, url: str | None) -> "EmbeddedSandbox | None":
        """The embedded sandbox at ``url`` (started by this process), if any."""
        return cls._by_url.get(url.rstrip("/")) if url else None


class _AfterSandboxStarts(httpx.AsyncBaseTransport):
    """An ordinary HTTP transport that first waits for the embedded sandbox to serve.

    A failed start becomes ``httpx.ConnectError`` (nothing was sent), which the client reports as
    "could not be reached" and never as an unknown payment outcome.
    """

    def __init__(self, sandbox: EmbeddedSandbox) -> None:
        self._sandbox = sandbox
        self._http = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not self._sandbox.running:
            try:
                await self._sandbox.until_ready()
            except RuntimeError as exc:
                raise httpx.ConnectError(str(exc), request=request) from None
        return await self._http.handle_async_request(request)

    async def aclose(self) -> None:
        await self._http.aclose()


def endpoints_for(config: "Config", environment: str, sandbox_url: str | None = None) -> Endpoints:
    """The two base URLs for ``environment``; for the sandbox, configured URLs win over ``sandbox_url``.

    Raises ``ValueError`` when the sandbox has no URL at all (no override and no embedded sandbox).
    """
    payment = config.payment_base_url(environment)
    recurring = config.recurring_base_url(environment)
    if environment == "sandbox":
        payment = payment or sandbox_url or ""
        recurring = recurring or sandbox_url or ""
        if not payment or not recurring:
            raise ValueError("the sandbox environment needs a sandbox URL")
    return Endpoints(payment, recurring)


def build_client(config: "Config", environment: str, credentials: Credentials,
                 sandbox_url: str | None = None) -> KlogsClient:
    """A new client for ``environment``; the caller owns it (and closes it with ``aclose``).

    Raises :class:`~klogs_desk.api.client.ClearTextRefused` (a ``ValueError``), before any client or
    connection exists, when a base URL is plain ``http`` to a host other than this machine: https is
    required for every gateway wherever its URL came from (settings file, ``--sandbox-url``, Settings).
    """
    from . import __version__

    endpoints = endpoints_for(config, environment, sandbox_url)
    transport = None
    embedded = EmbeddedSandbox.serving(sandbox_url) if environment == "sandbox" else None
    if embedded is not None and sandbox_url in (endpoints.payment_base_url, endpoints.recurring_base_url):
        transport = _AfterSandboxStarts(embedded)  # requests sent before it serves wait for it
    auth_mode = config.auth_mode(environment)
    return KlogsClient(endpoints, credentials, transport=transport, user_agent=f"klogs-desk/{__version__}",
                       auth_mode=auth_mode)


@dataclass(frozen=True)
class ApiCheck:
    """The outcome of checking one API: ``ok`` and what to tell the user (``msg``, rendered by the UI)."""

    ok: bool
    msg: Message

    @property
    def message(self) -> str:
        """:attr:`msg` in English, for logs and tests."""
        return english(self.msg)


async def check_payment_api(client: KlogsClient) -> ApiCheck:
    """Look up a transaction that cannot exist: 404 means the gateway answered and took the credentials
    in the client's auth mode (which the sentence names); 401 means it answered but refused them. Charges
    nothing."""
    signed = client.auth_mode == SIGNED
    accepted = msg("check.payment-signed-ok" if signed else "check.payment-ok")
    try:
        await client.get_transaction(f"klogs-desk-check-{uuid.uuid4().hex}")
    except NotFoundError:
        return ApiCheck(True, accepted)
    except AuthenticationError:
        return ApiCheck(False, msg("check.payment-signed-refused" if signed else "check.payment-refused"))
    except KlogsError as exc:
        return ApiCheck(False, msg("check.payment-failed", why=exc.msg))
    # A transaction with a random reference should not exist; an answer still proves the credentials.
    return ApiCheck(True, accepted)


async def check_recurring_api(client: KlogsClient) -> ApiCheck:
    """List one subscription: an answer means the Bearer token was accepted. Changes nothing."""
    try:
        await client.list_recurring(RecurringListQuery(page=1, page_size=1))
    except AuthenticationError:
        return ApiCheck(False, msg("check.recurring-refused"))
    except KlogsError as exc:
        return ApiCheck(False, msg("check.recurring-failed", why=exc.msg))
    return ApiCheck(True, msg("check.recurring-ok"))


async def check_connection(client: KlogsClient) -> tuple[ApiCheck, ApiCheck]:
    """Both checks, concurrently: (payment API, subscriptions API)."""
    payment, recurring = await asyncio.gather(check_payment_api(client), check_recurring_api(client))
    return payment, recurring
