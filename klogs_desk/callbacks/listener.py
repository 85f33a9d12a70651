"""The loopback HTTP listener that receives 3-D Secure callbacks.

After the card holder's challenge, the gateway's ACS page makes the *browser* (our embedded web view)
POST ``paymentId`` and ``securityKey`` as form fields to the ``successUrl`` or ``failureUrl`` we gave in
``POST /api/3ds``. Those URLs point here: ``http://127.0.0.1:{port}/3ds/{token}/success|failure``.

Contract:

* Bound to 127.0.0.1 only, on an ephemeral port, on the running asyncio loop (the app's qasync loop):
  no thread of its own. Results reach the UI only through :attr:`PendingCallback.future`.
* :meth:`CallbackListener.expect` registers a fresh unguessable token (``secrets.token_urlsafe(32)``)
  for one payment. A token is single use: after one accepted callback, a revoke or its deadline, the
  URL answers 404.
* Everything else is refused before anything changes: wrong Host (DNS-rebinding guard) 400, a foreign
  Origin 403, any method but POST 405, unknown path or token 404, no Content-Length 411, a body over
  16 KiB 413, a content type other than ``application/x-www-form-urlencoded`` 415, headers over 8 KiB
  or 64 lines 431, garbage or missing/duplicated/mismatched fields 400. A client that does not finish
  its request within ``read_timeout`` seconds is disconnected (slowloris). A refused request leaves the
  pending future pending.
* One request per connection (``Connection: close``): the browser posts once, nothing needs keep-alive.
* It cannot be starved: with all ``MAX_CONNECTIONS`` slots taken, a new connection evicts the idle one
  (still waiting for its request head) that has sent the fewest bytes, the oldest first, so a real
  callback gets in however many idle sockets a local program holds open. A browser sends its whole
  request at once, so the one evicted is never a callback in progress.

The same listener also receives the gateway's **card-storage webhook** (recurring-overview.md, "Configure
Webhook"): ``POST /webhooks/card-storage/{type}/{id}`` with a JSON body, once a handler is set with
:meth:`CallbackListener.set_webhook_handler`. The same guards apply (Host, method, sizes, slowloris,
eviction), and more: it is server-to-server, so any ``Origin`` is refused (403: no web page may post
it), the content type must be ``application/json`` (415), and the handler (``webhooks.WebhookVerifier``)
checks the signature, the timestamp and replays (401/409/400) before anything is believed. A believed event
is answered 200 ``{"success": true}`` and handed to :attr:`CallbackListener.on_webhook` callbacks with
``loop.call_soon``, so the gateway's answer never waits for the terminal's own work.

Publishing the webhook receiver behind a shop's reverse proxy (a real gateway cannot reach 127.0.0.1): start
the listener on a fixed port (``CallbackListener(port=...)``; the terminal takes it from the settings file,
``[webhooks] listener_port=8790``, see ``Config.webhook_port``), forward only ``POST /webhooks/`` from the
public HTTPS address to ``http://127.0.0.1:<port>/webhooks/``, have the proxy set ``Host: 127.0.0.1:<port>``
(nginx: ``proxy_set_header Host 127.0.0.1:<port>;``) and drop ``Origin``, and keep the body and the
``X-Api-Key``/``X-Klogs-*`` headers as they are (the signature covers the body). Register
``https://<public address>/webhooks`` as the webhook URL at the gateway. The 3-D Secure routes need no
publishing: the browser that posts them runs on this machine.

Choices where the docs are silent:

* ``Origin``: browsers send it on a cross-site form POST. Accepted when absent (not a browser), our own
  origin, or an origin registered with :meth:`CallbackListener.allow_origin` (the gateway's, whose ACS
  page posts the form). ``null`` and anything else are refused: a page that is not the gateway's must
  not be able to finish a payment.
* A callback whose ``paymentId`` differs from the one ``/api/3ds`` returned is refused (400), and so is
  a callback arriving before ``/api/3ds`` answered (there is no challenge to finish yet).
"""

from __future__ import annotations

import enum
import logging
import time
from typing import TYPE_CHECKING, Callable
from urllib.parse import parse_qs, urlsplit

from ..frozen import Frozen, init

if TYPE_CHECKING:
    # Imported where used, as the first frame comes before them: asyncio (klogs_desk/ui/event_loop.py) and
    # the webhook check's module (a webhook is served after it); uuid imports platform (~10 ms): only where
    # a payment ID is checked.
    import asyncio
    import uuid

    from .webhooks import CardStorageEvent

#: What checks a webhook: ``(type, id, headers, body) -> event``, raising :class:`WebhookRefused`.
WebhookHandler = Callable[[str, str, "dict[str, str]", bytes], "CardStorageEvent"]

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 16 * 1024
MAX_HEADER_BYTES = 8 * 1024
MAX_HEADER_LINES = 64
MAX_CONNECTIONS = 32
DEFAULT_READ_TIMEOUT = 5.0
DEFAULT_CALLBACK_TIMEOUT = 600.0

_FORM_TYPE = "application/x-www-form-urlencoded"
_JSON_TYPE = "application/json"
_WEBHOOK_ACCEPTED = b'{"success":true}'
_FINISHED_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Authentication finished</title></head>"
    "<body style='font-family:sans-serif;text-align:center;margin-top:3em'>"
    "<h2>Authentication finished — return to the terminal.</h2></body></html>"
).encode("utf-8")

_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict", 411: "Length Required",
            413: "Content Too Large",
            415: "Unsupported Media Type", 431: "Request Header Fields Too Large", 503: "Service Unavailable"}


class CallbackOutcome(str, enum.Enum):
    SUCCESS = "success"
    FAILURE = "failure"


class CallbackResult(Frozen):
    """What the browser posted: which URL it chose and the two form fields. ``security_key`` is a
    one-time value for ``/complete``; it is not a card secret but is still never logged."""

    outcome: CallbackOutcome
    payment_id: str
    security_key: str

    __slots__ = ("outcome", "payment_id", "security_key")

    def __init__(self, outcome: CallbackOutcome, payment_id: str, security_key: str) -> None:
        init(self, outcome, payment_id, security_key)

    def __repr__(self) -> str:  # never the security key
        return f"CallbackResult(outcome={self.outcome!r}, payment_id={self.payment_id!r})"


class CallbackTimeoutError(TimeoutError):
    """Nobody finished the challenge before the pending callback's deadline."""


class PendingCallback:
    """One expected callback. Await :attr:`future` for the :class:`CallbackResult`; it raises
    :class:`CallbackTimeoutError` at the deadline and is cancelled by :meth:`revoke`."""

    def __init__(self, listener: "CallbackListener", token: str, payment_id: str | None,
                 future: asyncio.Future[CallbackResult], deadline: float) -> None:
        self._listener = listener
        self.token = token
        self.future = future
        #: ``time.monotonic()`` after which the token no longer works.
        self.deadline = deadline
        self.payment_id: str | None = None
        if payment_id is not None:
            self.bind_payment(payment_id)

    def __repr__(self) -> str:  # the token is the capability: keep it out of logs and reprs
        return f"PendingCallback(payment_id={self.payment_id!r}, done={self.future.done()})"

    @property
    def success_url(self) -> str:
        return f"{self._listener.origin}/3ds/{self.token}/success"

    @property
    def failure_url(self) -> str:
        return f"{self._listener.origin}/3ds/{self.token}/failure"

    @property
    def active(self) -> bool:
        return self._listener._pending.get(self.token) is self

    def bind_payment(self, payment_id: str | uuid.UUID) -> str:
        """Set the gateway's payment ID (from the ``/api/3ds`` answer); only a callback naming it is accepted.
        Returns it in its normal form."""
        normal = _normal_payment_id(str(payment_id))
        if normal is None:
            raise ValueError("the gateway's payment ID is not a UUID")
        self.payment_id = normal
        return normal

    def revoke(self) -> None:
        """Forget the token (its URLs answer 404 from now on) and cancel the future if still waiting."""
        self._listener._forget(self)
        if not self.future.done():
            self.future.cancel()


class _Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class _Connection:
    """One open connection, for choosing whom to evict when every slot is taken. (A plain class, not a
    ``@dataclass(eq=False)``: its decorator cost the first frame ~0.6 ms; nothing reads its repr.)"""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                 task: "asyncio.Task[None] | None", opened: float, idle: bool = True, evicted: bool = False) -> None:
        self.reader = reader
        self.writer = writer
        self.task = task
        self.opened = opened
        #: Still waiting for the request head: a candidate for eviction.
        self.idle = idle
        self.evicted = evicted

    def received(self) -> int:
        """Bytes sent so far and not yet read by us (an idle connection's whole contribution)."""
        # StreamReader has no public way to see its buffer; its length is exactly what the client sent.
        return len(getattr(self.reader, "_buffer", b""))


class CallbackListener:
    """``await start()``, then :meth:`expect` per payment; ``await stop()`` when the app quits."""

    def __init__(self, *, read_timeout: float = DEFAULT_READ_TIMEOUT, port: int = 0) -> None:
        self.read_timeout = read_timeout
        #: The port to bind: 0 (the default) picks a free one; a fixed one for a reverse proxy (see above).
        self.requested_port = port
        self._server: asyncio.base_events.Server | None = None
        self._port: int | None = None
        self._webhook: WebhookHandler | None = None
        #: Called on the event loop with each believed :class:`CardStorageEvent`.
        self.on_webhook: list[Callable[[CardStorageEvent], None]] = []
        self._pending: dict[str, PendingCallback] = {}
        self._connections: dict[asyncio.StreamWriter, _Connection] = {}
        self._allowed_origins: set[str] = set()

    # --- life cycle -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the callback listener is not started")
        return self._port

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def address(self) -> tuple[str, int]:
        """The socket address actually bound."""
        if self._server is None:
            raise RuntimeError("the callback listener is not started")
        return self._server.sockets[0].getsockname()[:2]

    async def start(self) -> None:
        """Bind 127.0.0.1 on a free port. Idempotent."""
        import asyncio
        if self._server is not None:
            return
        server = await asyncio.start_server(self._handle, host="127.0.0.1", port=self.requested_port,
                                            limit=MAX_HEADER_BYTES, reuse_address=True)
        if self._server is not None:
            # Another start() (a second 3-D Secure sale beginning at the same moment) bound first and its
            # caller already handed out callback URLs with that port: keep it, drop this one.
            server.close()
            await server.wait_closed()
            return
        self._server = server
        self._port = server.sockets[0].getsockname()[1]
        log.info("callback and webhook listener on 127.0.0.1:%s", self._port)

    async def stop(self) -> None:
        """Stop listening, drop open connections and cancel every pending callback."""
        server, self._server = self._server, None
        for pending in list(self._pending.values()):
            pending.revoke()
        if server is None:
            return
        server.close()
        for connection in list(self._connections.values()):
            connection.writer.close()
        await server.wait_closed()

    # --- registrations --------------------------------------------------------------------------

    def set_webhook_handler(self, handler: WebhookHandler | None) -> None:
        """Accept card-storage webhooks checked by ``handler`` (``None``: the route answers 404)."""
        self._webhook = handler

    @property
    def webhook_url(self) -> str:
        """The base URL to register at the gateway (``{webhook_url}/card-storage/{type}/{id}``)."""
        return f"{self.origin}/webhooks"

    def allow_origin(self, url: str) -> None:
        """Accept callbacks whose ``Origin`` is the scheme://host[:port] of ``url`` (the gateway's)."""
        origin = _origin_of(url)
        if origin:
            self._allowed_origins.add(origin)

    def expect(self, payment_id: str | uuid.UUID | None = None,
               timeout: float = DEFAULT_CALLBACK_TIMEOUT) -> PendingCallback:
        """Register a single-use token for one payment's callback, valid for ``timeout`` seconds."""
        import asyncio
        if self._server is None:
            raise RuntimeError("the callback listener is not started")
        loop = asyncio.get_running_loop()
        import secrets  # (with hashlib: at the first payment, never before the first frame)

        token = secrets.token_urlsafe(32)
        future: asyncio.Future[CallbackResult] = loop.create_future()
        pending = PendingCallback(self, token, None if payment_id is None else str(payment_id), future,
                                  time.monotonic() + timeout)
        self._pending[token] = pending
        timer = loop.call_later(timeout, self._expire, pending)
        future.add_done_callback(lambda _f: timer.cancel())
        return pending

    def pending_count(self) -> int:
        return len(self._pending)

    def _expire(self, pending: PendingCallback) -> None:
        self._forget(pending)
        if not pending.future.done():
            pending.future.set_exception(CallbackTimeoutError("the 3-D Secure challenge was not finished in time"))

    def _forget(self, pending: PendingCallback) -> None:
        if self._pending.get(pending.token) is pending:
            del self._pending[pending.token]

    # --- HTTP -----------------------------------------------------------------------------------

    def _make_room(self) -> bool:
        """Free a slot if all are taken: evict the idle connection that sent the least, oldest first.
        False if every connection is busy with a request (each finishes within ``read_timeout``)."""
        if len(self._connections) < MAX_CONNECTIONS:
            return True
        idle = [c for c in self._connections.values() if c.idle and not c.evicted]
        if not idle:
            return False
        victim = min(idle, key=lambda c: (c.received(), c.opened))
        victim.evicted = True
        del self._connections[victim.writer]
        victim.writer.close()
        if victim.task is not None:
            victim.task.cancel()
        log.info("callback listener full: dropped an idle connection")
        return True

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        import asyncio
        if not self._make_room():
            writer.close()
            return
        connection = _Connection(reader, writer, asyncio.current_task(), time.monotonic())
        self._connections[writer] = connection
        try:
            try:
                status, body = await asyncio.wait_for(self._serve(reader, connection), self.read_timeout)
            except _Refused as refused:
                log.info("callback listener refused a request: %s %s", refused.status, refused.reason)
                status, body = refused.status, refused.reason.encode("utf-8")
            except (asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError):
                return  # too slow, or the client went away: just drop it
            await self._respond(writer, status, body,
                                json_body=body == _WEBHOOK_ACCEPTED)
            if status != 200:
                await self._linger(reader, writer)
        except asyncio.CancelledError:
            if not connection.evicted:
                raise
        except Exception:  # a malformed request must never take the listener down
            log.exception("callback listener handler failed")
        finally:
            if self._connections.get(writer) is connection:
                del self._connections[writer]
            writer.close()

    async def _respond(self, writer: asyncio.StreamWriter, status: int, body: bytes, *,
                       json_body: bool = False) -> None:
        import asyncio
        content_type = ("application/json" if json_body else
                        "text/html; charset=utf-8" if status == 200 else "text/plain; charset=utf-8")
        head = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}", f"Content-Type: {content_type}",
                f"Content-Length: {len(body)}", "Connection: close", "Cache-Control: no-store",
                "X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer"]
        if status == 405:
            head.append("Allow: POST")
        try:
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode("ascii") + body)
            await asyncio.wait_for(writer.drain(), self.read_timeout)
        except (ConnectionError, asyncio.TimeoutError):
            pass

    async def _linger(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """After refusing a request whose body was not read, discard what the client is still sending
        (briefly, boundedly) so closing does not reset the connection before it reads our answer."""
        import asyncio
        try:
            if writer.can_write_eof():
                writer.write_eof()
            async with asyncio.timeout(min(1.0, self.read_timeout)):
                discarded = 0
                while discarded < 4 * MAX_BODY_BYTES:
                    chunk = await reader.read(MAX_BODY_BYTES)
                    if not chunk:
                        break
                    discarded += len(chunk)
        except (asyncio.TimeoutError, ConnectionError, OSError):
            pass

    async def _serve(self, reader: asyncio.StreamReader, connection: _Connection) -> tuple[int, bytes]:
        method, target, headers = await _read_head(reader)
        connection.idle = False
        self._check_host(headers)
        if method != "POST":
            raise _Refused(405, "Only POST is accepted here.")
        if target.startswith("/webhooks/"):
            return await self._serve_webhook(reader, target, headers)
        pending, outcome = self._route(target)
        self._check_origin(headers)
        if "transfer-encoding" in headers:
            raise _Refused(411, "A Content-Length is required.")
        length = _content_length(headers)
        media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type != _FORM_TYPE:
            raise _Refused(415, "Only form posts are accepted here.")
        body = await reader.readexactly(length)
        payment_id, security_key = _parse_form(body)
        # Check again: the token may have been revoked or used while the body was arriving.
        if not pending.active or pending.future.done():
            raise _Refused(404, "No such payment is waiting.")
        if pending.payment_id is None or _normal_payment_id(payment_id) != pending.payment_id:
            raise _Refused(400, "This is not the payment being authenticated.")
        self._forget(pending)  # single use, before anything else can look it up
        pending.future.set_result(CallbackResult(outcome, pending.payment_id, security_key))
        return 200, _FINISHED_PAGE

    async def _serve_webhook(self, reader: asyncio.StreamReader, target: str,
                             headers: dict[str, str]) -> tuple[int, bytes]:
        import asyncio

        from .webhooks import WebhookRefused
        parts = target.split("?", 1)[0].split("/")
        # "", "webhooks", "card-storage", type, id
        if self._webhook is None or len(parts) != 5 or parts[0] or parts[2] != "card-storage" \
                or not parts[3] or not parts[4]:
            raise _Refused(404, "Not found.")
        if "origin" in headers:
            raise _Refused(403, "Webhooks come from the gateway, not from a web page.")
        if "transfer-encoding" in headers:
            raise _Refused(411, "A Content-Length is required.")
        length = _content_length(headers)
        media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type != _JSON_TYPE:
            raise _Refused(415, "Only JSON is accepted here.")
        body = await reader.readexactly(length)
        try:
            event = self._webhook(parts[3], parts[4], headers, body)
        except WebhookRefused as refused:
            raise _Refused(refused.status, refused.reason) from None
        loop = asyncio.get_running_loop()
        for callback in list(self.on_webhook):
            loop.call_soon(callback, event)
        return 200, _WEBHOOK_ACCEPTED

    def _check_host(self, headers: dict[str, str]) -> None:
        host = headers.get("host", "").strip().lower()
        if host not in (f"127.0.0.1:{self._port}", f"localhost:{self._port}"):
            raise _Refused(400, "Wrong Host.")

    def _check_origin(self, headers: dict[str, str]) -> None:
        origin = headers.get("origin")
        if origin is None:
            return
        origin = origin.strip().lower()
        if origin in (f"http://127.0.0.1:{self._port}", f"http://localhost:{self._port}"):
            return
        if origin not in self._allowed_origins:
            raise _Refused(403, "This page may not finish a payment.")

    def _route(self, target: str) -> tuple[PendingCallback, CallbackOutcome]:
        parts = target.split("?", 1)[0].split("/")
        # "", "3ds", token, outcome
        if len(parts) != 4 or parts[0] or parts[1] != "3ds" or parts[3] not in ("success", "failure"):
            raise _Refused(404, "Not found.")
        pending = self._pending.get(parts[2])
        import secrets  # imported at the first payment (expect)

        if pending is None or not secrets.compare_digest(pending.token, parts[2]) or pending.future.done():
            raise _Refused(404, "No such payment is waiting.")
        return pending, CallbackOutcome(parts[3])


async def _read_head(reader: asyncio.StreamReader) -> tuple[str, str, dict[str, str]]:
    """Request line and headers (names lower-cased). Refuses anything not plainly HTTP/1.x."""
    import asyncio
    try:
        raw = await reader.readuntil(b"\r\n\r\n")
    except asyncio.LimitOverrunError:
        raise _Refused(431, "Headers too large.") from None
    except asyncio.IncompleteReadError as exc:
        if exc.partial:
            raise _Refused(400, "Incomplete request.") from None
        raise
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        raise _Refused(400, "Not an HTTP request.") from None
    lines = text[:-4].split("\r\n")
    if len(lines) - 1 > MAX_HEADER_LINES:
        raise _Refused(431, "Too many headers.")
    request_line = lines[0].split(" ")
    if len(request_line) != 3 or request_line[2] not in ("HTTP/1.1", "HTTP/1.0") \
            or not request_line[0].isalpha() or not request_line[1].startswith("/"):
        raise _Refused(400, "Not an HTTP request.")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep or not name or name != name.strip() or not name.isprintable():
            raise _Refused(400, "Malformed header.")
        name = name.lower()
        if name in headers and name in ("host", "content-length", "content-type", "origin", "x-api-key",
                                         "x-klogs-rnd", "x-klogs-timestamp", "x-klogs-signature"):
            raise _Refused(400, f"Duplicated {name} header.")
        headers[name] = value.strip()
    return request_line[0], request_line[1], headers


def _content_length(headers: dict[str, str]) -> int:
    value = headers.get("content-length")
    if value is None:
        raise _Refused(411, "A Content-Length is required.")
    if not value.isdigit():
        raise _Refused(400, "Bad Content-Length.")
    length = int(value)
    if length > MAX_BODY_BYTES:
        raise _Refused(413, "Request body too large.")
    return length


def _parse_form(body: bytes) -> tuple[str, str]:
    try:
        fields = parse_qs(body.decode("ascii"), keep_blank_values=True, strict_parsing=True,
                          max_num_fields=16)
    except (UnicodeDecodeError, ValueError):
        raise _Refused(400, "Malformed form.") from None
    payment_ids, keys = fields.get("paymentId", []), fields.get("securityKey", [])
    if len(payment_ids) != 1 or len(keys) != 1:
        raise _Refused(400, "paymentId and securityKey are required, once each.")
    security_key = keys[0]
    if not 1 <= len(security_key) <= 256 or not security_key.isprintable():
        raise _Refused(400, "Bad securityKey.")
    return payment_ids[0], security_key


def _normal_payment_id(value: str) -> str | None:
    try:
        import uuid

        return str(uuid.UUID(value))
    except (ValueError, AttributeError):
        return None


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    default = {"http": 80, "https": 443}[parts.scheme]
    port = f":{parts.port}" if parts.port and parts.port != default else ""
    return f"{parts.scheme}://{parts.hostname.lower()}{port}"
