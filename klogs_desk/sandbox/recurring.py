"""The sandbox's registered-payment API (recurring-*.md): card owners, payment orders, subscriptions.

Bearer auth on every route. Bodies are read with :func:`parse_body` and the same pydantic models the
client sends, so a rule broken anywhere gives the same 400 problem details naming the field; the
"must be in the future" rules use the sandbox clock.

Choices where the docs are silent (what a real gateway would do):

* **Subscription ID** is the ``reference`` the merchant gave (the docs' C# update example uses
  ``"SUB-2026-001"``, the reference of the create example). References are unique per merchant: a
  second subscription (or payment order) with the same reference is refused with 409, so
  ``PUT /recurring/subscription/{subscription}`` and the ``Subscription`` filter (exact match) always
  mean one subscription.
* **Owner confirmation**: a phone registered with ``POST /owner`` is a confirmed owner and its
  subscriptions and orders start ``active``. For any other phone the answer has
  ``shouldBeOwnerConfirmation: true`` and status ``waitForOwnerConfirmation``; registering the phone
  later stands for the owner confirming, and their waiting subscriptions and orders become active
  (scheduled from that moment).
* **Saved cards** (card_storage.py): a ``cardId`` must be a card saved through the card-storage flow for
  the same phone, or the docs' example card; anything else is refused with 400 naming
  ``ownerDescription.cardId``. :data:`CARD_NOT_SAVED_ID` (``00000000-0000-4000-8000-000000000000``) means
  "no card yet" and gives ``waitForCardSave``; when the owner saves a card on the hosted page, those
  subscriptions and orders take the new card and become active by themselves.
* **ownerId** is ``"OWN-"`` and eight digits derived from the phone: the same phone always gets the same
  id. ``POST /owner`` also returns it and ``cardStorageUrl``, the hosted "save your card" page (additions to
  the docs' ``{"success": true}``).
* **Updates** change only the fields given. ``status`` may be set to ``active`` or ``disabled``;
  asking for ``active`` re-checks the owner and card (a subscription can stay waiting) and schedules the
  next payment from now. A ``complete`` subscription cannot be changed (409). The answer is an
  OperationResult with the resulting ``orderStatus``.
* **The list** (``GET /recurring``): ``Page`` from 1, ``PageSize`` 1-500 (default 10), ``OrderBy``
  one of :data:`~klogs_desk.api.models.recurring.SORTABLE_FIELDS` (case-insensitive; default
  ``createdAtUtc``), ``Dir`` asc (default) or desc. ``pages`` lists at most 10 page numbers around
  the current page; ``stateKey`` changes whenever any registered payment changes, so a client paging
  through can tell the data moved under it. Items carry the docs' fields plus ``frequency``.
* **403**: the token :data:`READONLY_BEARER_TOKEN` (``sandbox-readonly-token``) may list but not
  write; writes with it get 403 "Insufficient permissions" like the docs' example.
* ``POST /_sandbox/seed/subscriptions {"count": n}`` (only with ``--testing``, not in the OpenAPI
  document) inserts ``n`` deterministic subscriptions for paging tests and benchmarks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import uuid
from typing import Annotated, Any, TypeVar

import pydantic
from fastapi import APIRouter, Depends, Query, Request

from ..api.models.common import check_amount_for_currency
from ..api.models.problems import ProblemDetails
from ..api.models.recurring import (
    SORTABLE_FIELDS,
    Frequency,
    NewOwnerRequest,
    OperationResult,
    OrderDirection,
    PaymentOrderRequest,
    RecurringPaymentPage,
    RecurringPaymentRequest,
    RegisteredPaymentStatus,
    UpdateRecurringPaymentRequest,
)
from .admin import LOOPBACK
from .auth import require_bearer
from .bodies import body_schema, model_schema, parse_body
from .card_storage import CARD_NOT_SAVED_ID, StoredCard, card_problem, vault_of
from .card_storage import build_router as build_card_storage_router
from .problems import ProblemError, WireJSONResponse
from .recurring_store import DuplicateReferenceError, PageRequest, PaymentOrder, RecurringStore, Subscription
from .scheduler import RecurringScheduler, reschedule
from .seed import seed_subscriptions
from .state import SandboxState

#: A bearer token that may read (``GET /recurring``) but not write: writes answer 403.
READONLY_BEARER_TOKEN = "sandbox-readonly-token"
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 500
#: How many page numbers ``pages`` lists around the current page.
PAGE_LINKS = 10

M = TypeVar("M", bound=pydantic.BaseModel)

_PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ProblemDetails, "description": "Invalid request; `errors` names each field."},
    401: {"model": ProblemDetails, "description": "Missing or invalid Bearer token."},
    403: {"model": ProblemDetails, "description": "The token may not do this (read-only token)."},
    429: {"model": ProblemDetails, "description": "Rate limit exceeded; see Retry-After."},
}


def _responses(*extra: int) -> dict[int | str, dict[str, Any]]:
    more = {
        404: {"model": ProblemDetails, "description": "No such subscription."},
        409: {"model": ProblemDetails, "description": "Reference already used, or the subscription is complete."},
    }
    chosen = {**_PROBLEM_RESPONSES, **{code: more[code] for code in extra}}
    # Refusals are sent as application/problem+json (problems.py), so that is the documented content type.
    schema = model_schema(ProblemDetails)
    return {code: {"description": answer["description"], "content": {"application/problem+json": {"schema": schema}}}
            for code, answer in chosen.items()}


def owner_id_for(phone: str) -> str:
    """``OWN-`` and eight digits, the same for the same phone (across restarts too)."""
    digest = int.from_bytes(hashlib.sha256(phone.encode()).digest()[:8], "big")
    return f"OWN-{digest % 100_000_000:08d}"


def _bearer_token(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def can_read(request: Request) -> str:
    """Dependency for reads: the full token or the read-only one."""
    if _bearer_token(request) == READONLY_BEARER_TOKEN:
        return READONLY_BEARER_TOKEN
    return require_bearer(request)


def can_write(request: Request) -> str:
    """Dependency for writes: the full token only; the read-only token gets 403."""
    if _bearer_token(request) == READONLY_BEARER_TOKEN:
        raise ProblemError(403, "Insufficient permissions")
    return require_bearer(request)


async def _parse(request: Request, model: type[M]) -> M:
    """:func:`parse_body`, with cross-field errors filed under the field they are about.

    The models' cross-field rules ("dayOfMonth is required for monthly ...") are model-level, so
    pydantic reports them for the whole body; their messages start with the field's wire name, which
    is where a client wants to show them.
    """
    try:
        return await parse_body(request, model)
    except ProblemError as problem:
        if not problem.errors or "body" not in problem.errors:
            raise
        names = {field.alias or name for name, field in model.model_fields.items()}
        errors: dict[str, list[str]] = {}
        for field, messages in problem.errors.items():
            for message in messages:
                first_word = message.split(" ", 1)[0].rstrip(":")
                errors.setdefault(first_word if field == "body" and first_word in names else field, []).append(message)
        first_field, first_messages = next(iter(errors.items()))
        raise ProblemError(400, first_messages[0] if first_messages[0].startswith(first_field)
                           else problem.detail, errors=errors) from None


def _result(status: RegisteredPaymentStatus, owner_id: str | None = None) -> WireJSONResponse:
    return WireJSONResponse({
        "success": True,
        "error": None,
        "shouldBeOwnerConfirmation": status is RegisteredPaymentStatus.WAIT_FOR_OWNER_CONFIRMATION,
        "ownerId": owner_id,
        "orderStatus": status.value,
    })


def _page_links(current: int, page_count: int) -> list[int]:
    if page_count == 0:
        return []
    start = max(1, min(current - PAGE_LINKS // 2 + 1, page_count - PAGE_LINKS + 1))
    return list(range(start, min(page_count, start + PAGE_LINKS - 1) + 1))


def _sort_field(order_by: str | None) -> str:
    if order_by is None or order_by == "":
        return "createdAtUtc"
    for field in SORTABLE_FIELDS:
        if field.lower() == order_by.lower():
            return field
    raise ProblemError(400, f"OrderBy must be one of: {', '.join(SORTABLE_FIELDS)}.",
                       errors={"OrderBy": [f"must be one of: {', '.join(SORTABLE_FIELDS)}"]})


def build_router(state: SandboxState) -> APIRouter:
    store = RecurringStore(state.config.database)
    scheduler = RecurringScheduler(store)
    state.extras["recurring"] = store
    state.extras["recurring_scheduler"] = scheduler
    state.clock.on_advance(scheduler.run_due)
    router = APIRouter(tags=["Registered payments"])

    def now() -> dt.datetime:
        """The sandbox time, after making the payments that fell due on their own."""
        current = state.clock.now()
        scheduler.run_due(current)
        return current

    vault = vault_of(state)

    def status_for(phone: str, card_id: uuid.UUID) -> RegisteredPaymentStatus:
        problem = card_problem(card_id, phone, vault)
        if problem is not None:
            raise ProblemError(400, f"ownerDescription.cardId {problem}.",
                               errors={"ownerDescription.cardId": [problem]})
        if card_id == CARD_NOT_SAVED_ID:
            return RegisteredPaymentStatus.WAIT_FOR_CARD_SAVE
        if not store.is_owner_registered(phone):
            return RegisteredPaymentStatus.WAIT_FOR_OWNER_CONFIRMATION
        return RegisteredPaymentStatus.ACTIVE

    @router.post("/owner", summary="Register a card owner", response_model=OperationResult,
                 openapi_extra=body_schema(NewOwnerRequest), responses=_responses())
    async def create_owner(request: Request, _: Annotated[str, Depends(can_write)]) -> WireJSONResponse:
        body = await _parse(request, NewOwnerRequest)
        current = now()
        owner_id = owner_id_for(body.phone)
        with store.locked():
            store.register_owner(body.phone, owner_id, current)
            # Registering stands for the owner confirming what was waiting for them.
            for sub in store.subscriptions_waiting_for(body.phone):
                sub.status = RegisteredPaymentStatus.ACTIVE
                reschedule(sub, current)
                store.save_subscription(sub)
            for order in store.orders_waiting_for(body.phone):
                order.status = RegisteredPaymentStatus.ACTIVE
                store.save_order(order)
        scheduler.run_due(current)  # an order whose time passed while it waited pays now
        session = vault.open_session(body.phone, owner_id, current)
        return WireJSONResponse({"success": True, "ownerId": owner_id,
                                 "cardStorageUrl": f"{state.config.public_url}/card-storage/{session.token}"})

    def card_saved(card: StoredCard, current: dt.datetime) -> None:
        """The owner saved a card: what waited for one takes it and moves on (scheduled from now)."""
        registered = store.is_owner_registered(card.phone)
        moved_on = (RegisteredPaymentStatus.ACTIVE if registered
                    else RegisteredPaymentStatus.WAIT_FOR_OWNER_CONFIRMATION)
        with store.locked():
            for sub in store.subscriptions_waiting_for(card.phone, RegisteredPaymentStatus.WAIT_FOR_CARD_SAVE):
                if sub.card_id == CARD_NOT_SAVED_ID:
                    sub.card_id, sub.status = card.card_id, moved_on
                    reschedule(sub, current)
                    store.save_subscription(sub)
            for order in store.orders_waiting_for(card.phone, RegisteredPaymentStatus.WAIT_FOR_CARD_SAVE):
                if order.card_id == CARD_NOT_SAVED_ID:
                    order.card_id, order.status = card.card_id, moved_on
                    store.save_order(order)
        scheduler.run_due(current)

    router.include_router(build_card_storage_router(state, card_saved))

    @router.post("/paymentOrder", summary="Create a future one-time payment", response_model=OperationResult,
                 openapi_extra=body_schema(PaymentOrderRequest), responses=_responses(409))
    async def create_payment_order(request: Request, _: Annotated[str, Depends(can_write)]) -> WireJSONResponse:
        body = await _parse(request, PaymentOrderRequest)
        current = now()
        owner = body.owner_description
        status = status_for(owner.phone, owner.card_id)
        order = PaymentOrder(
            id=uuid.uuid4(), reference=body.reference, amount=body.amount, currency_code=body.currency_code,
            status=status, created_at=current, full_name=owner.full_name, phone=owner.phone,
            email=owner.email, card_id=owner.card_id, owner_id=owner_id_for(owner.phone),
            payment_time=body.payment_time, explanation=body.explanation,
            payment_system_id=body.payment_system_id, payment_channel=body.payment_channel)
        try:
            store.add_order(order)
        except DuplicateReferenceError:
            raise ProblemError(409, f"A payment order with reference {body.reference} already exists.",
                               errors={"reference": ["is already used by another payment order"]}) from None
        return _result(status, order.owner_id)

    @router.post("/recurring", summary="Create a subscription", response_model=OperationResult,
                 openapi_extra=body_schema(RecurringPaymentRequest), responses=_responses(409))
    async def create_recurring(request: Request, _: Annotated[str, Depends(can_write)]) -> WireJSONResponse:
        body = await _parse(request, RecurringPaymentRequest)
        current = now()
        owner = body.owner_description
        status = status_for(owner.phone, owner.card_id)
        sub = Subscription(
            id=uuid.uuid4(), reference=body.reference, amount=body.amount, currency_code=body.currency_code,
            status=status, created_at=current, full_name=owner.full_name, phone=owner.phone,
            email=owner.email, card_id=owner.card_id, owner_id=owner_id_for(owner.phone),
            frequency=body.frequency, interval=body.interval, day_of_month=body.day_of_month,
            month_of_year=body.month_of_year, first_payment_time=body.first_payment_time,
            last_payment_time=body.last_payment_time, explanation=body.explanation,
            payment_system_id=body.payment_system_id, payment_channel=body.payment_channel)
        reschedule(sub, current)
        try:
            store.add_subscription(sub)
        except DuplicateReferenceError:
            raise ProblemError(409, f"A subscription with reference {body.reference} already exists.",
                               errors={"reference": ["is already used by another subscription"]}) from None
        return _result(sub.status, sub.owner_id)

    @router.get("/recurring", summary="List subscriptions", response_model=RecurringPaymentPage,
                responses=_responses())
    async def list_recurring(
        _: Annotated[str, Depends(can_read)],
        subscription: Annotated[str | None, Query(alias="Subscription",
                                                  description="Subscription ID (the reference), exact")] = None,
        page: Annotated[int, Query(alias="Page", ge=1)] = 1,
        page_size: Annotated[int, Query(alias="PageSize", ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
        order_by: Annotated[str | None, Query(alias="OrderBy",
                                              description="One of: " + ", ".join(SORTABLE_FIELDS))] = None,
        direction: Annotated[OrderDirection, Query(alias="Dir")] = OrderDirection.ASC,
    ) -> WireJSONResponse:
        field = _sort_field(order_by)
        now()
        total, items = store.page(PageRequest(page=page, page_size=page_size, order_by=field,
                                              direction=direction, subscription=subscription or None))
        page_count = math.ceil(total / page_size)
        return WireJSONResponse({
            "currentPage": page,
            "pageCount": page_count,
            "totalCount": total,
            "hasNext": page < page_count,
            "hasPrevious": page > 1,
            "stateKey": store.state_key,
            "pages": _page_links(page, page_count),
            "list": [sub.to_wire() for sub in items],
        })

    def apply_update(sub: Subscription | None, body: UpdateRecurringPaymentRequest, current: dt.datetime,
                     what: str) -> WireJSONResponse:
        if sub is None:
            raise ProblemError(404, f"No subscription {what}.")
        if sub.status is RegisteredPaymentStatus.COMPLETE:
            raise ProblemError(409, f"Subscription {sub.reference} is complete and cannot be changed.")
        given = body.model_fields_set
        if body.status is not None and body.status not in (RegisteredPaymentStatus.ACTIVE,
                                                           RegisteredPaymentStatus.DISABLED):
            raise ProblemError(400, "status can only be set to active or disabled.",
                               errors={"status": ["can only be set to active or disabled"]})
        amount = body.amount if body.amount is not None else sub.amount
        currency = body.currency_code if body.currency_code is not None else sub.currency_code
        try:
            check_amount_for_currency(amount, currency)
        except ValueError as err:
            raise ProblemError(400, str(err), errors={"amount": [str(err).removeprefix("amount: ")]}) from None
        if body.last_payment_time is not None and body.last_payment_time < sub.first_payment_time:
            raise ProblemError(400, "lastPaymentTime must not be before firstPaymentTime.",
                               errors={"lastPaymentTime": ["must not be before firstPaymentTime"]})
        for name in given:
            value = getattr(body, name)
            if value is not None and name != "status":
                setattr(sub, name, value)
        schedule_changed = bool(given & {"frequency", "interval", "day_of_month", "month_of_year",
                                         "last_payment_time"})
        if body.status is RegisteredPaymentStatus.DISABLED:
            sub.status = RegisteredPaymentStatus.DISABLED
            sub.next_payment_at = None
        elif body.status is RegisteredPaymentStatus.ACTIVE and sub.status is not RegisteredPaymentStatus.ACTIVE:
            sub.status = status_for(sub.phone, sub.card_id)
            reschedule(sub, current)
        elif schedule_changed and sub.status is RegisteredPaymentStatus.ACTIVE:
            reschedule(sub, current)
        if sub.frequency is not Frequency.DAILY and sub.day_of_month is None:
            raise ProblemError(400, "dayOfMonth is required for monthly and yearly payments.",
                               errors={"dayOfMonth": ["is required for monthly and yearly payments"]})
        if sub.frequency is Frequency.YEARLY and sub.month_of_year is None:
            raise ProblemError(400, "monthOfYear is required for yearly payments.",
                               errors={"monthOfYear": ["is required for yearly payments"]})
        store.save_subscription(sub)
        return _result(sub.status, sub.owner_id)

    @router.put("/recurring/subscription/{subscription:path}", summary="Update a subscription by subscription ID",
                response_model=OperationResult, openapi_extra=body_schema(UpdateRecurringPaymentRequest),
                responses=_responses(404, 409))
    async def update_by_subscription(subscription: str, request: Request,
                                     _: Annotated[str, Depends(can_write)]) -> WireJSONResponse:
        body = await _parse(request, UpdateRecurringPaymentRequest)
        current = now()
        with store.locked():
            return apply_update(store.subscription_by_reference(subscription), body, current,
                                f"with subscription ID {subscription}")

    @router.put("/recurring/{id}", summary="Update a subscription by id", response_model=OperationResult,
                openapi_extra=body_schema(UpdateRecurringPaymentRequest), responses=_responses(404, 409))
    async def update_by_id(id: uuid.UUID, request: Request,  # `id`: the docs' path parameter name
                           _: Annotated[str, Depends(can_write)]) -> WireJSONResponse:
        body = await _parse(request, UpdateRecurringPaymentRequest)
        current = now()
        with store.locked():
            return apply_update(store.subscription_by_id(id), body, current, f"with id {id}")

    class SeedRequest(pydantic.BaseModel):
        count: Annotated[int, pydantic.Field(ge=1, le=1_000_000)]

    @router.post("/_sandbox/seed/subscriptions", include_in_schema=False)
    async def seed(request: Request) -> WireJSONResponse:
        if not state.config.testing:
            raise ProblemError(404, "Seeding is off (start the sandbox with --testing).")
        if (request.client.host if request.client else "") not in LOOPBACK:
            raise ProblemError(403, "The sandbox admin API answers loopback clients only.")
        body = await parse_body(request, SeedRequest)
        inserted = seed_subscriptions(store, body.count, state.clock.now())
        return WireJSONResponse({"inserted": inserted, "totalCount": store.page(PageRequest(page_size=1))[0]})

    return router
