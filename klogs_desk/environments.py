"""The three environments, their default gateway URLs, and building a :class:`KlogsClient` for one.

* ``sandbox``: training mode. The embedded sandbox gateway (:class:`EmbeddedSandbox`, started on a free
  loopback port) or an already running one (``--sandbox-url``). No real money moves.
* ``test``: Klogs' test gateway, ``https://pgw.klogs.dev/``.
* ``production``: the live gateway, ``https://pgw.klogs.io/``. Real cards are charged.

Both APIs' base URLs can be overridden per environment in Settings (:class:`klogs_desk.config.Config`).
No Qt here.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .api.client import TEST_BASE_URL, PRODUCTION_BASE_URL, Credentials, Endpoints, KlogsClient
from .api.errors import AuthenticationError, KlogsError, NotFoundError
from .api.models import RecurringListQuery

if TYPE_CHECKING:
    from .config import Config
    from .sandbox.server import SandboxServer

ENVIRONMENTS: tuple[str, ...] = ("sandbox", "test", "production")

LABELS: dict[str, str] = {"sandbox": "Sandbox (training)", "test": "Test", "production": "Production"}

#: An empty sandbox URL means "the embedded sandbox".
DEFAULT_BASE_URLS: dict[str, str] = {"sandbox": "", "test": TEST_BASE_URL, "production": PRODUCTION_BASE_URL}

log = logging.getLogger(__name__)


class EmbeddedSandbox:
    """The sandbox gateway inside the terminal, for training mode.

    :meth:`start_in_background` begins starting it on a worker thread (importing FastAPI and uvicorn
    takes a noticeable fraction of a second), so the caller can build the window meanwhile; :meth:`url`
    waits for it. Stopped with :meth:`stop` when the terminal quits.
    """

    def __init__(self) -> None:
        self._server: "SandboxServer | None" = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self.startup_seconds: float | None = None

    def start_in_background(self) -> "EmbeddedSandbox":
        if self._thread is None and self._server is None:
            self._thread = threading.Thread(target=self._start, name="klogs-sandbox-start", daemon=True)
            self._thread.start()
        return self

    def _start(self) -> None:
        started = time.perf_counter()
        try:
            from .sandbox.server import SandboxServer

            self._server = SandboxServer().start()
        except BaseException as exc:  # re-raised on the caller's thread by url()
            self._error = exc
        self.startup_seconds = time.perf_counter() - started

    @property
    def running(self) -> bool:
        return self._server is not None

    def url(self, timeout: float = 30.0) -> str:
        """The sandbox's base URL, starting it (and waiting for it) if needed."""
        if self._server is None:
            self.start_in_background()
            assert self._thread is not None
            self._thread.join(timeout)
            if self._error is not None:
                raise RuntimeError("The training sandbox could not start.") from self._error
            if self._server is None:
                raise RuntimeError("The training sandbox did not start in time.")
            log.info("embedded sandbox on %s (started in %.0f ms)", self._server.url,
                     (self.startup_seconds or 0) * 1000)
        return self._server.url

    def stop(self) -> None:
        if self._thread is not None:
            self._thread.join(10)
        if self._server is not None:
            self._server.stop()
            self._server = None
        self._thread = None


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
    """A new client for ``environment``; the caller owns it (and closes it with ``aclose``)."""
    from . import __version__

    return KlogsClient(endpoints_for(config, environment, sandbox_url), credentials,
                       user_agent=f"klogs-desk/{__version__}")


@dataclass(frozen=True)
class ApiCheck:
    """The outcome of checking one API: ``ok`` and a sentence for the user."""

    ok: bool
    message: str


async def check_payment_api(client: KlogsClient) -> ApiCheck:
    """Look up a transaction that cannot exist: 404 means the gateway answered and took the key and
    secret; 401 means it answered but refused them. Charges nothing."""
    try:
        await client.get_transaction(f"klogs-desk-check-{uuid.uuid4().hex}")
    except NotFoundError:
        return ApiCheck(True, "Payment API: reachable, API key and secret accepted.")
    except AuthenticationError:
        return ApiCheck(False, "Payment API: reachable, but the API key or secret was refused.")
    except KlogsError as exc:
        return ApiCheck(False, f"Payment API: {exc.message}")
    # A transaction with a random reference should not exist; an answer still proves the credentials.
    return ApiCheck(True, "Payment API: reachable, API key and secret accepted.")


async def check_recurring_api(client: KlogsClient) -> ApiCheck:
    """List one subscription: an answer means the Bearer token was accepted. Changes nothing."""
    try:
        await client.list_recurring(RecurringListQuery(page=1, page_size=1))
    except AuthenticationError:
        return ApiCheck(False, "Subscriptions API: reachable, but the Bearer token was refused.")
    except KlogsError as exc:
        return ApiCheck(False, f"Subscriptions API: {exc.message}")
    return ApiCheck(True, "Subscriptions API: reachable, Bearer token accepted.")


async def check_connection(client: KlogsClient) -> tuple[ApiCheck, ApiCheck]:
    """Both checks, concurrently: (payment API, subscriptions API)."""
    payment, recurring = await asyncio.gather(check_payment_api(client), check_recurring_api(client))
    return payment, recurring
