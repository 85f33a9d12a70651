"""The services a window hands to its tabs: the client for the current environment, the journal and the
audit trail's recorder.

The client may be built after the window is up: the app passes ``build_client`` instead of ``client`` so
that the first frame imports neither httpx nor the pydantic models (issue 19), and builds it right after
the first frame (:meth:`AppServices.build_client_now`, once a worker thread has done the imports). Anything
that reads :attr:`AppServices.client` before then gets it built there and then (correct, only slower);
what can wait says so: :meth:`AppServices.until_client_ready` (the Sale tab's "Connecting…"),
:meth:`AppServices.when_client_ready` (the window's gateway-health label).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Callable, cast

from .audit_recorder import NO_AUDIT, AuditRecorder

if TYPE_CHECKING:
    import asyncio

    from ..api.client import KlogsClient
    from ..domain.journal import Journal

log = logging.getLogger(__name__)


class AppServices:
    """Shared by every tab. ``client`` is replaced when the environment or credentials change, so tabs
    read ``services.client`` at the moment they send, never keep their own reference.

    Give either ``client`` or ``build_client`` (called once, at the first read of :attr:`client` or at
    :meth:`build_client_now`, whichever comes first); neither only for a window that never sends (tests).
    """

    def __init__(self, client: KlogsClient | None = None, journal: Journal | None = None, *,
                 environment: str = "sandbox", merchant_line: str = "", sandbox_url: str | None = None,
                 audit: AuditRecorder = NO_AUDIT, build_client: Callable[[], KlogsClient] | None = None) -> None:
        if journal is None:
            raise TypeError("AppServices needs a journal")
        self._client = client
        self._build_client = build_client
        self._ready_callbacks: list[Callable[[KlogsClient], None]] = []
        self._waiting: list[asyncio.Future[None]] = []
        #: True once the app has asked for the client to be built soon (its imports run on a worker thread):
        #: :meth:`until_client_ready` waits for that instead of building on the spot.
        self.client_coming = False
        self.journal = journal
        #: ``"sandbox"``, ``"test"`` or ``"production"``; journal rows are kept per environment.
        self.environment = environment
        #: The merchant line printed on receipts (Settings).
        self.merchant_line = merchant_line
        #: Base URL of the embedded sandbox when in training mode, else ``None``.
        self.sandbox_url = sandbox_url
        #: Where voids, refunds, captures, exports and receipt output are recorded (the composition root gives
        #: the terminal's :class:`~klogs_desk.services.audit.AuditTrail`; tools and tests keep nothing).
        self.audit = audit

    @property
    def client(self) -> KlogsClient:
        if self._client is None and self._build_client is not None:
            return self.build_client_now()
        return cast("KlogsClient", self._client)  # None only for a window that never talks to a gateway (tests)

    @client.setter
    def client(self, client: KlogsClient) -> None:
        self._client = client
        self._build_client = None
        self._tell_ready(client)

    @property
    def client_ready(self) -> bool:
        """True once a client exists (reading :attr:`client` then builds nothing)."""
        return self._client is not None

    def build_client_now(self) -> KlogsClient:
        """Build the client if it is not built yet, tell whoever waits for it, and return it."""
        if self._client is None:
            if self._build_client is None:
                raise RuntimeError("no client and no way to build one")
            build, self._build_client = self._build_client, None
            self._client = build()
            log.debug("gateway client built")
        self._tell_ready(self._client)
        return self._client

    def _tell_ready(self, client: KlogsClient) -> None:
        callbacks, self._ready_callbacks = self._ready_callbacks, []
        for callback in callbacks:
            callback(client)
        waiting, self._waiting = self._waiting, []
        for future in waiting:
            if not future.done():
                future.set_result(None)

    def when_client_ready(self, callback: Callable[[KlogsClient], None]) -> None:
        """Call ``callback(client)`` now if the client exists, else once it is built."""
        if self._client is not None:
            callback(self._client)
        else:
            self._ready_callbacks.append(callback)

    async def until_client_ready(self) -> None:
        """Return once the client exists: wait for the build the app started after the first frame
        (:attr:`client_coming`), or build it now when nobody will."""
        if self._client is not None:
            return
        if not self.client_coming or self._build_client is None:
            self.build_client_now()
            return
        import asyncio  # not at import: the first frame comes before asyncio (ui/event_loop.py)

        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append(future)
        await future
