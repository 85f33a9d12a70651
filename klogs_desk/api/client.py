"""The async Klogs client: every operation of the payment and registered-payment APIs.

Contract, for callers:

* Every method returns a parsed model or raises a :mod:`klogs_desk.api.errors` exception whose message
  carries a :class:`~klogs_desk.messages.Message` for the cashier (``.msg``). Widgets never see httpx or JSON.
* Only GETs are retried (bounded exponential backoff with jitter, ``Retry-After`` honoured). A POST or
  PUT is sent exactly once per call. If it was sent and no answer came (read timeout, connection lost),
  the call raises :class:`OutcomeUnknownError`: the caller journals it and resolves it by lookup, never
  by sending it again. Quotes (installment options) that time out raise :class:`GatewayTimeoutError`
  instead, as nothing can have been charged.
* A 2xx answer whose body cannot be read raises :class:`ProtocolError` (with the HTTP ``status``); for a
  charging call that means the gateway processed *something*, so callers treat it as outcome unknown too.
  Answers are read tolerantly first (:mod:`.models.tolerant`: enumerations in any case or as .NET
  numbers, unknown values kept as "unknown (raw)", naive date-times as UTC, nulls in ``pages``, extra
  fields ignored), so only a body that is truly unreadable gets this far.
* Authentication of the payment API is ``auth_mode`` (:mod:`.signing`): the documented X-API-KEY and
  X-API-SECRET headers, or signed requests that never send the secret. A blank Bearer token means the
  API key, as the docs' examples send it.
* An unusable base URL (no ``http://``, an invalid host) raises :class:`ConnectionFailedError`: nothing
  was sent.
* No clear text: :class:`Endpoints` refuses a plain ``http://`` base URL to any host but this machine
  (127.0.0.0/8, ``::1``, ``localhost``) with :class:`ClearTextRefused`, when it is built, before a client
  exists, so API secrets and card data never leave unencrypted whatever the URL came from (settings
  file, ``--sandbox-url``, the Settings dialog).
* Secrets live in :class:`Credentials`, whose ``repr`` hides them; nothing here logs headers or bodies.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
import re
import time
from dataclasses import dataclass
from typing import Any, Callable, TypeVar
from urllib.parse import quote
from uuid import UUID

import httpx
import pydantic

from ..domain.backoff import SYSTEM_CLOCK, Backoff, Clock
from ..messages import GatewayText, Message, msg
from . import signing
from .addresses import (  # noqa: F401  # re-exported: where they were defined before
    LOOPBACK_NAMES,
    ClearTextRefused,
    Credentials,
    Endpoints,
    clear_text_refused,
    is_loopback_host,
)
from .errors import (
    ApiStatusError,
    AuthenticationError,
    ConflictError,
    ConnectionFailedError,
    KlogsError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    ProtocolError,
    RateLimitedError,
    ServerError,
    ValidationFailedError,
)
from .models import (
    CaptureRequest,
    CardPaymentRequest,
    CheckoutRequest,
    CheckoutResponse,
    InstallmentOptionsRequest,
    InstallmentOptionsResponse,
    NewOwnerRequest,
    OperationResult,
    PaymentOrderRequest,
    PaymentResponse,
    ProblemDetails,
    RecurringListQuery,
    RecurringPaymentPage,
    RecurringPaymentRequest,
    RefundRequest,
    ThreeDSecureCompleteRequest,
    ThreeDSecureEnrollment,
    ThreeDSecureRequest,
    TransactionDetail,
    TransactionResult,
    UpdateRecurringPaymentRequest,
    VoidRequest,
    wire,
)
from .transport import GatewayTransport

log = logging.getLogger(__name__)

M = TypeVar("M", bound=pydantic.BaseModel)

class GatewayTimeoutError(KlogsError):
    """A request that charges nothing (a quote, a lookup) got no answer in time: safe to try again."""


@dataclass(frozen=True)
class RetryPolicy:
    """How GETs are retried: up to ``max_attempts`` tries, pausing by :attr:`backoff` (doubling from
    ``base_delay``, capped at ``max_delay``, equal jitter). ``jitter`` returns a factor in [0, 1) and
    ``clock`` sleeps; tests pin both."""

    max_attempts: int = 3
    base_delay: float = 0.25
    max_delay: float = 8.0
    #: Retry-After longer than this is not waited for: the error is raised so the user can decide.
    max_retry_after: float = 10.0
    jitter: Callable[[], float] = random.random
    clock: Clock = SYSTEM_CLOCK

    @property
    def backoff(self) -> Backoff:
        return Backoff(base=self.base_delay, cap=self.max_delay, jitter=self.jitter, clock=self.clock)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (1-based)."""
        if retry_after is not None:
            return retry_after
        return self.backoff.delay(attempt - 1)

    async def sleep(self, seconds: float) -> None:
        await self.clock.sleep(seconds)


DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=10.0, pool=5.0)

_RETRYABLE_STATUS = frozenset({429, 502, 503, 504})
#: Answers from a proxy that timed out waiting for the gateway: for a charge, the outcome is unknown.
_PROXY_TIMEOUT_STATUS = frozenset({502, 504})


class KlogsClient:
    """One client per environment. Use as ``async with KlogsClient(...) as client``."""

    def __init__(
        self,
        endpoints: Endpoints,
        credentials: Credentials,
        *,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        user_agent: str = "klogs-desk",
        auth_mode: str = signing.DEFAULT_AUTH_MODE,
    ) -> None:
        if auth_mode not in signing.AUTH_MODES:
            raise ValueError(f"unknown auth mode {auth_mode!r}")
        self.endpoints = endpoints
        self._credentials = credentials
        #: How the payment API is authenticated: ``"headers"`` or ``"signed"`` (:mod:`.signing`).
        self.auth_mode = auth_mode
        self.retry = retry or RetryPolicy()
        self._http = httpx.AsyncClient(
            # GatewayTransport: the TLS context is built on a worker thread, not here (see api/transport.py).
            timeout=timeout, transport=transport or GatewayTransport(), headers={"User-Agent": user_agent, "Accept": "application/json"},
            follow_redirects=False,
        )
        #: ``time.monotonic()`` of the last answer from either API (any status), for the status bar.
        self.last_answer_at: float | None = None
        #: Called with True after an answer, False after a connection failure.
        self.health_listeners: list[Callable[[bool], None]] = []

    def __repr__(self) -> str:
        return f"KlogsClient({self.endpoints!r})"

    @property
    def credentials(self) -> Credentials:
        """The credentials this client sends with (the webhook verifier checks signatures with them)."""
        return self._credentials

    @property
    def answer_timeout(self) -> float | None:
        """Seconds a request waits for the gateway's answer once sent (the read timeout): after that a
        charge's outcome is unknown and the reconciler asks the gateway. ``None``: no limit."""
        return self._http.timeout.read

    async def __aenter__(self) -> "KlogsClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    # --- payment gateway (X-API-KEY / X-API-SECRET) ---------------------------------------------

    async def pay(self, request: CardPaymentRequest) -> PaymentResponse:
        """``POST /api/payment``. Sent once; a lost answer raises :class:`OutcomeUnknownError`."""
        return await self._payment_post("/api/payment", request, PaymentResponse, "payment", request.order_id)

    async def pre_authorize(self, request: CardPaymentRequest) -> PaymentResponse:
        """``POST /api/pre-authorization``."""
        return await self._payment_post("/api/pre-authorization", request, PaymentResponse,
                                        "pre-authorization", request.order_id)

    async def capture(self, payment_id: UUID | str, request: CaptureRequest) -> PaymentResponse:
        """``POST /api/pre-authorization/{paymentId}/capture`` (at most the authorized amount)."""
        return await self._payment_post(f"/api/pre-authorization/{_seg(payment_id)}/capture", request,
                                        PaymentResponse, "capture", str(payment_id))

    async def start_3ds(self, request: ThreeDSecureRequest) -> ThreeDSecureEnrollment:
        """``POST /api/3ds``: returns the HTML of the card holder's challenge."""
        return await self._payment_post("/api/3ds", request, ThreeDSecureEnrollment, "3-D Secure payment",
                                        request.order_id)

    async def complete_3ds(self, payment_id: UUID | str, request: ThreeDSecureCompleteRequest) -> PaymentResponse:
        """``POST /api/3ds/{paymentId}/complete`` with the securityKey from the callback."""
        return await self._payment_post(f"/api/3ds/{_seg(payment_id)}/complete", request, PaymentResponse,
                                        "3-D Secure completion", str(payment_id))

    async def installment_options(self, request: InstallmentOptionsRequest) -> InstallmentOptionsResponse:
        """``POST /api/installment-options``: a quote, charges nothing."""
        return await self._send("POST", self.endpoints.payment_base_url, "/api/installment-options",
                                InstallmentOptionsResponse, body=request, auth="key", charges=False)

    async def create_checkout(self, request: CheckoutRequest) -> CheckoutResponse:
        """``POST /api/checkout``: a hosted payment link for ``request.order_id``."""
        return await self._payment_post("/api/checkout", request, CheckoutResponse, "checkout link",
                                        request.order_id)

    async def get_checkout(self, checkout_id: UUID | str) -> PaymentResponse:
        """``GET /api/checkout/{checkoutId}``: the payment made on the link (retried)."""
        return await self._send("GET", self.endpoints.payment_base_url, f"/api/checkout/{_seg(checkout_id)}",
                                PaymentResponse, auth="key")

    async def get_transaction(self, reference_code: str) -> TransactionDetail:
        """``GET /api/trx/{referenceCode}``: the payment with its voids, refunds and captures (retried).

        Raises :class:`NotFoundError` when the gateway has no transaction with that reference.
        """
        return await self._send("GET", self.endpoints.payment_base_url, f"/api/trx/{_seg(reference_code)}",
                                TransactionDetail, auth="key")

    async def void(self, request: VoidRequest) -> TransactionResult:
        """``POST /api/trx/void``: cancel an unsettled sale or pre-authorization."""
        return await self._payment_post("/api/trx/void", request, TransactionResult, "void",
                                        request.reference_code)

    async def refund(self, request: RefundRequest) -> TransactionResult:
        """``POST /api/trx/refund``: return money on a settled sale or capture, up to its balance."""
        return await self._payment_post("/api/trx/refund", request, TransactionResult, "refund",
                                        request.reference_code)

    # --- registered payments (Bearer) -----------------------------------------------------------

    async def create_owner(self, request: NewOwnerRequest) -> OperationResult:
        """``POST /owner``."""
        return await self._recurring_write("POST", "/owner", request, "card owner registration")

    async def create_payment_order(self, request: PaymentOrderRequest) -> OperationResult:
        """``POST /paymentOrder``."""
        return await self._recurring_write("POST", "/paymentOrder", request, "payment order", request.reference)

    async def create_recurring(self, request: RecurringPaymentRequest) -> OperationResult:
        """``POST /recurring``."""
        return await self._recurring_write("POST", "/recurring", request, "subscription", request.reference)

    async def list_recurring(self, query: RecurringListQuery | None = None) -> RecurringPaymentPage:
        """``GET /recurring`` with Subscription, Page, PageSize, OrderBy and Dir (retried)."""
        query = query or RecurringListQuery()
        return await self._send("GET", self.endpoints.recurring_base_url, "/recurring", RecurringPaymentPage,
                                params=query.to_params(), auth="bearer", parse_in_thread=True)

    async def update_recurring(self, recurring_id: UUID | str,
                               request: UpdateRecurringPaymentRequest) -> OperationResult:
        """``PUT /recurring/{id}``."""
        return await self._recurring_write("PUT", f"/recurring/{_seg(recurring_id)}", request,
                                           "subscription update", str(recurring_id))

    async def update_recurring_by_subscription(self, subscription: str,
                                               request: UpdateRecurringPaymentRequest) -> OperationResult:
        """``PUT /recurring/subscription/{subscription}``."""
        return await self._recurring_write("PUT", f"/recurring/subscription/{_seg(subscription)}", request,
                                           "subscription update", subscription)

    # --- machinery ------------------------------------------------------------------------------

    async def _payment_post(self, path: str, body: pydantic.BaseModel, model: type[M], operation: str,
                            reference: str | None) -> M:
        return await self._send("POST", self.endpoints.payment_base_url, path, model, body=body, auth="key",
                                operation=operation, reference=reference)

    async def _recurring_write(self, method: str, path: str, body: pydantic.BaseModel, operation: str,
                               reference: str | None = None) -> OperationResult:
        return await self._send(method, self.endpoints.recurring_base_url, path, OperationResult, body=body,
                                auth="bearer", operation=operation, reference=reference)

    def _headers(self, auth: str) -> dict[str, str]:
        credentials = self._credentials
        if auth == "key":
            if self.auth_mode == signing.SIGNED:
                return signing.signed_headers(credentials.api_key, credentials.api_secret)
            return signing.header_credentials(credentials.api_key, credentials.api_secret)
        # A blank token means the API key (the docs' examples send "Bearer YOUR_API_KEY"). Neither set
        # (not configured): send the bare scheme, which the gateway refuses with a 401 the cashier can act
        # on; "Bearer " with a trailing space is an illegal header httpx would raise on.
        token = credentials.bearer_token or credentials.api_key
        return {"Authorization": f"Bearer {token}".rstrip()}

    async def _send(self, method: str, base_url: str, path: str, model: type[M], *,
                    body: pydantic.BaseModel | None = None, params: dict[str, str] | None = None,
                    auth: str, charges: bool = True, operation: str = "request",
                    reference: str | None = None, parse_in_thread: bool = False) -> M:
        """``parse_in_thread``: read the answer (JSON and the pydantic models) on a worker thread, not on the
        event loop: a page of 100 subscriptions takes ~2-3 ms of parsing on a small till, which was spent in
        the same event-loop turn as the table's repaint. pydantic-core holds the GIL while it validates, but
        the tolerant enums and dates call back into Python, so the loop's thread gets the GIL at each switch
        interval (5 ms) at worst. Only for large reads: a thread hop costs ~0.1 ms."""
        url = _join(base_url, path)
        content = None
        if body is not None:
            content = wire.dumps(body.model_dump(mode="python", by_alias=True, exclude_none=True))
        safe = method == "GET"
        attempt = 0
        while True:
            attempt += 1
            started = time.monotonic()
            headers = self._headers(auth)  # per attempt: a signed request's timestamp is fresh on retry
            if content is not None:
                headers["Content-Type"] = "application/json"
            if self._http.is_closed:
                # This client was replaced and closed (Settings saved, environment switched) while a request
                # of a screen was still waiting to go: httpx would raise a bare RuntimeError. Nothing leaves
                # this machine, so it is a failed connection the screen shows, not a bug; the gateway's
                # health is not this stale client's to tell.
                raise ConnectionFailedError(msg("client.closed"))
            try:
                response = await self._http.request(method, url, content=content, params=params, headers=headers)
            except (httpx.UnsupportedProtocol, httpx.InvalidURL, httpx.LocalProtocolError, httpx.ProxyError) as exc:
                # A wrong address in Settings (no http://, a stray space) or a request httpx refuses to
                # build: nothing left this machine, and retrying cannot help.
                self._health(False)
                raise ConnectionFailedError(msg("client.address-unusable")) from _quiet(exc)
            except httpx.DecodingError as exc:
                # The answer arrived but its content encoding is broken: for a charge the outcome is unknown
                # (the services treat ProtocolError that way).
                self._health(True)
                raise ProtocolError(msg("client.unreadable-body")) from _quiet(exc)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                self._health(False)
                if safe and attempt < self.retry.max_attempts:
                    await self.retry.sleep(self.retry.delay(attempt))
                    continue
                raise ConnectionFailedError(msg("client.unreachable")) from _quiet(exc)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                self._health(False)
                if safe and attempt < self.retry.max_attempts:
                    await self.retry.sleep(self.retry.delay(attempt))
                    continue
                if safe or not charges:
                    raise GatewayTimeoutError(msg("client.timeout")) from _quiet(exc)
                raise OutcomeUnknownError(
                    msg("client.answer-lost", operation=_operation(operation), why=_describe_transport_error(exc)),
                    operation=operation, reference=reference,
                ) from _quiet(exc)
            self._health(True)
            log.info("%s %s -> %s in %.0f ms", method, path, response.status_code,
                     (time.monotonic() - started) * 1000)
            if response.is_success:
                if parse_in_thread:
                    return await asyncio.to_thread(_parse, response, model)
                return _parse(response, model)
            if not safe and charges and response.status_code in _PROXY_TIMEOUT_STATUS:
                # A proxy in front of the gateway gave up waiting: the gateway may have charged.
                raise OutcomeUnknownError(
                    msg("client.proxy-answered", operation=_operation(operation), status=response.status_code),
                    operation=operation, reference=reference)
            error = _status_error(response)
            if safe and response.status_code in _RETRYABLE_STATUS and attempt < self.retry.max_attempts:
                # Retry-After also comes with 503 (RFC 9110 10.2.3).
                retry_after = error.retry_after if isinstance(error, RateLimitedError) else _retry_after(response)
                if retry_after is None or retry_after <= self.retry.max_retry_after:
                    await self.retry.sleep(self.retry.delay(attempt, retry_after))
                    continue
            raise error

    def _health(self, ok: bool) -> None:
        if ok:
            self.last_answer_at = time.monotonic()
        for listener in list(self.health_listeners):
            try:
                listener(ok)
            except Exception:  # a UI listener must not break a payment
                log.exception("health listener failed")


def _seg(value: object) -> str:
    return quote(str(value), safe="")


def _join(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def _quiet(exc: Exception) -> Exception:
    """The transport error without its request (so a traceback never shows headers)."""
    return type(exc)(str(exc)) if isinstance(exc, httpx.HTTPError) else exc


def _describe_transport_error(exc: Exception) -> Message:
    if isinstance(exc, httpx.TimeoutException):
        return msg("transport.no-answer")
    return msg("transport.connection-lost")


#: Operation names (the ``operation`` of :class:`OutcomeUnknownError`, English for logs) -> message codes.
_OPERATION_CODES = {
    "payment": "operation.payment", "pre-authorization": "operation.pre-authorization",
    "capture": "operation.capture", "3-D Secure payment": "operation.3ds-payment",
    "3-D Secure completion": "operation.3ds-completion", "checkout link": "operation.checkout-link",
    "void": "operation.void", "refund": "operation.refund",
    "card owner registration": "operation.owner-registration", "payment order": "operation.payment-order",
    "subscription": "operation.subscription", "subscription update": "operation.subscription-update",
}


def _operation(operation: str) -> Message:
    return msg(_OPERATION_CODES.get(operation, "operation.request"))


def _parse(response: httpx.Response, model: type[M]) -> M:
    try:
        return model.model_validate(wire.loads(response.content))
    except (ValueError, RecursionError, pydantic.ValidationError):
        # from None: the pydantic error would quote the body, which may echo request data.
        raise ProtocolError(msg("client.unreadable-status-body", status=response.status_code),
                            status=response.status_code) from None


def _seconds(value: float | None) -> float | None:
    """A wait in seconds, or None for a value no one can wait for ("inf", "nan")."""
    if value is None or not math.isfinite(value):
        return None
    return max(0.0, value)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return _seconds(float(value))
    except ValueError:
        import datetime as dt
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


_FIELD_SUMMARY = re.compile(r"^([a-z][A-Za-z0-9]*): (.+)$", re.DOTALL)


def _problem_of(response: httpx.Response) -> ProblemDetails | None:
    try:
        data: Any = wire.loads(response.content)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("error"), dict) and "summary" in data["error"]:
        # The transaction endpoints answer {"error": {"summary": "..."}}. A summary that starts with a
        # field name ("amount: at most 74.50 TRY can still be refunded.") names that field, so the UI can
        # show it where the cashier typed.
        summary = str(data["error"]["summary"])
        named = _FIELD_SUMMARY.match(summary)
        errors = {named.group(1): [named.group(2)]} if named else None
        return ProblemDetails(status=response.status_code, detail=summary, errors=errors)
    try:
        return ProblemDetails.model_validate(data)
    except pydantic.ValidationError:
        return None


def _status_error(response: httpx.Response) -> ApiStatusError:
    """The one place where an HTTP error status becomes a typed exception."""
    status = response.status_code
    problem = _problem_of(response)
    # The problem's words are the gateway's own text: shown as it sent them, labelled, never translated.
    words = (GatewayText.of(problem.in_words())
             if problem and (problem.title or problem.detail or problem.errors) else None)

    def said_or(code: str) -> Message:
        return msg("gateway.said", text=words) if words else msg(code)

    if status == 400:
        field_errors = (problem.errors or {}) if problem else {}
        return ValidationFailedError(said_or("client.invalid"), status=status,
                                     problem=problem, field=problem.first_field() if problem else None,
                                     field_errors=field_errors)
    if status == 401:
        return AuthenticationError(msg("client.credentials-refused"), status=status, problem=problem)
    if status == 403:
        return PermissionDeniedError(
            msg("client.forbidden-detail", detail=_said(problem.detail)) if problem and problem.detail
            else msg("client.forbidden"), status=status, problem=problem)
    if status == 404:
        return NotFoundError(said_or("client.not-found"), status=status, problem=problem)
    if status in (409, 422):
        return ConflictError(said_or("client.conflict"), status=status, problem=problem)
    if status == 429:
        wait = _retry_after(response)
        if wait is None and problem is not None:
            wait = _seconds(problem.retry_after)
        text = (msg("client.rate-limited-wait", seconds=int(wait + 0.999)) if wait is not None
                else msg("client.rate-limited"))
        return RateLimitedError(text, status=status, problem=problem, retry_after=wait)
    if status >= 500:
        return ServerError(msg("client.server-error-detail", status=status, detail=_said(problem.detail))
                           if problem and problem.detail else msg("client.server-error", status=status),
                           status=status, problem=problem)
    return ApiStatusError(msg("gateway.said", text=words) if words else msg("client.status", status=status),
                          status=status, problem=problem)


def _said(detail: str) -> Message:
    return msg("gateway.said", text=GatewayText.of(detail))
