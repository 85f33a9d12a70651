"""The three environments, their default gateway URLs, and building a :class:`KlogsClient` for one.

* ``sandbox``: training mode. The embedded sandbox gateway (:class:`EmbeddedSandbox`, its own process on
  free loopback ports, :mod:`klogs_desk.embedded_sandbox`) or an already running one (``--sandbox-url``).
  No real money moves.
* ``test``: Klogs' test gateway, ``https://pgw.klogs.dev/``.
* ``production``: the live gateway, ``https://pgw.klogs.io/``. Real cards are charged.

The environment names and default URLs are settings, declared in :mod:`klogs_desk.config`
(``ENVIRONMENTS``, ``DEFAULT_BASE_URLS``); both APIs' base URLs can be overridden per environment in
Settings (:class:`klogs_desk.config.Config`). No Qt here.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING, Any

from .api.addresses import Credentials, Endpoints
from .api.errors import AuthenticationError, KlogsError, NotFoundError
from .api.signing import SIGNED
from .embedded_sandbox import EmbeddedSandbox
from .frozen import Frozen, init
from .messages import Message, english, msg

if TYPE_CHECKING:
    from .api.client import KlogsClient
    from .config import Config

LABELS: dict[str, str] = {"sandbox": "Sandbox (training)", "test": "Test", "production": "Production"}


log = logging.getLogger(__name__)


@functools.cache
def _after_sandbox_starts() -> Any:
    """The transport class below, defined at the first client: httpx (its base class) is imported when a
    client is built, after the first frame, not when this module is."""
    import httpx

    from .api.transport import GatewayTransport

    class _AfterSandboxStarts(httpx.AsyncBaseTransport):
        """An ordinary HTTP transport that first waits for the embedded sandbox to serve.

        A failed start becomes ``httpx.ConnectError`` (nothing was sent), which the client reports as
        "could not be reached" and never as an unknown payment outcome.
        """

        def __init__(self, sandbox: EmbeddedSandbox) -> None:
            self._sandbox = sandbox
            self._http = GatewayTransport()  # no certificates loaded for the sandbox's plain loopback URL

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if not self._sandbox.running:
                try:
                    await self._sandbox.until_ready()
                except RuntimeError as exc:
                    raise httpx.ConnectError(str(exc), request=request) from None
            return await self._http.handle_async_request(request)

        async def aclose(self) -> None:
            await self._http.aclose()

    return _AfterSandboxStarts


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
    from .api.client import KlogsClient

    endpoints = endpoints_for(config, environment, sandbox_url)
    transport = None
    embedded = EmbeddedSandbox.serving(sandbox_url) if environment == "sandbox" else None
    if embedded is not None and sandbox_url in (endpoints.payment_base_url, endpoints.recurring_base_url):
        transport = _after_sandbox_starts()(embedded)  # requests sent before it serves wait for it
    auth_mode = config.auth_mode(environment)
    return KlogsClient(endpoints, credentials, transport=transport, user_agent=f"klogs-desk/{__version__}",
                       auth_mode=auth_mode)


class ApiCheck(Frozen):
    """The outcome of checking one API: ``ok`` and what to tell the user (``msg``, rendered by the UI)."""

    ok: bool
    msg: Message

    __slots__ = ("ok", "msg")

    def __init__(self, ok: bool, msg: Message) -> None:
        init(self, ok, msg)

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
    import uuid  # here: it imports ``platform`` (~5 ms of regular expressions), which the first frame does not need

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
    from .api.models import RecurringListQuery

    try:
        await client.list_recurring(RecurringListQuery(page=1, page_size=1))
    except AuthenticationError:
        return ApiCheck(False, msg("check.recurring-refused"))
    except KlogsError as exc:
        return ApiCheck(False, msg("check.recurring-failed", why=exc.msg))
    return ApiCheck(True, msg("check.recurring-ok"))


async def check_connection(client: KlogsClient) -> tuple[ApiCheck, ApiCheck]:
    """Both checks, concurrently: (payment API, subscriptions API)."""
    import asyncio  # not at import: the first frame comes before asyncio (ui/event_loop.py)

    payment, recurring = await asyncio.gather(check_payment_api(client), check_recurring_api(client))
    return payment, recurring
