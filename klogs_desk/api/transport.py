"""The client's HTTP transport: no TLS set-up on the UI thread, none at all for plain loopback.

httpx builds a TLS context (loading the CA bundle: 0.1-0.15 s on a small till) when a transport is
created, i.e. when a :class:`~klogs_desk.api.client.KlogsClient` is built, before the window. Here:

* the TLS context is built once per process on a worker thread, started with the first transport
  (:func:`tls_context`), with exactly httpx's defaults (``httpx.create_ssl_context()``: certificates
  verified, host names checked); the first ``https`` request awaits it (long done, normally);
* plain ``http`` requests (only ever to this machine: :class:`~klogs_desk.api.client.Endpoints` refuses
  clear text elsewhere; the training sandbox) go through a transport that never does TLS, so building it
  loads no certificates.

Each request goes to the transport of its own scheme, so an ``https`` request never uses the plain one.

httpcore asks ``import sniffio`` which async library runs, about four times per request (its locks, events
and cancellation shields). sniffio is not installed here (anyio 4 no longer needs it) and a failed import
searches ``sys.path`` every time: about 0.2 ms each, 0.8 ms of every request on the UI thread (issue 19).
:func:`_skip_sniffio_search` records the absence once, so each later ``import sniffio`` fails at once,
exactly as before (``ImportError``: httpcore then assumes asyncio, as it did). Installed, it is left alone.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import importlib.util
import ssl
import sys
import threading

import httpx


def _skip_sniffio_search() -> None:
    """``sys.modules["sniffio"] = None`` when sniffio is not installed: Python's own marker for "this
    import fails" (``ImportError`` without searching), see the module docstring."""
    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]  # None is the documented "not importable"


_skip_sniffio_search()

_context: "concurrent.futures.Future[ssl.SSLContext] | None" = None
_context_lock = threading.Lock()


def tls_context() -> "concurrent.futures.Future[ssl.SSLContext]":
    """The process's TLS context for the gateways, being built on a worker thread (started on first call)."""
    global _context
    with _context_lock:
        if _context is None:
            future: "concurrent.futures.Future[ssl.SSLContext]" = concurrent.futures.Future()

            def build() -> None:
                try:
                    future.set_result(httpx.create_ssl_context())
                except BaseException as exc:  # raised again to the first https request
                    future.set_exception(exc)

            threading.Thread(target=build, name="klogs-tls-context", daemon=True).start()
            _context = future
        return _context


class GatewayTransport(httpx.AsyncBaseTransport):
    """``httpx.AsyncHTTPTransport`` per scheme, each made at its first request (see the module docstring)."""

    def __init__(self) -> None:
        self._context = tls_context()
        self._tls: httpx.AsyncHTTPTransport | None = None
        self._plain: httpx.AsyncHTTPTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme == "https":
            if self._tls is None:
                context = await asyncio.wrap_future(self._context)
                if self._tls is None:  # another request may have made it meanwhile
                    self._tls = httpx.AsyncHTTPTransport(verify=context)
            return await self._tls.handle_async_request(request)
        if self._plain is None:
            # Never given an https request, so it never verifies anything: no certificates to load.
            self._plain = httpx.AsyncHTTPTransport(verify=False)
        return await self._plain.handle_async_request(request)

    async def aclose(self) -> None:
        for transport in (self._tls, self._plain):
            if transport is not None:
                await transport.aclose()
