"""The registered-payment API of the sandbox, through the real client over loopback."""

from __future__ import annotations

import datetime as dt
import uuid
import warnings
from decimal import Decimal

import httpx
import pytest

from klogs_desk.api.client import Credentials, Endpoints, KlogsClient
from klogs_desk.api.errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ValidationFailedError,
)
from klogs_desk.api.models import (
    NewOwnerRequest,
    OwnerDescription,
    PaymentOrderRequest,
    RecurringListQuery,
    RecurringPaymentRequest,
    UpdateRecurringPaymentRequest,
)
from klogs_desk.api.models.recurring import Frequency, OrderDirection, RegisteredPaymentStatus
from klogs_desk.domain.schedule import payment_dates
from klogs_desk.messages import msg
from klogs_desk.sandbox.recurring import CARD_NOT_SAVED_ID, READONLY_BEARER_TOKEN
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig
from tests.conftest import make_client

pytestmark = pytest.mark.anyio

CARD = uuid.UUID("3fa85f64-5717-4562-b3fc-2c963f66afa6")


def unique_phone() -> str:
    return "+90555" + f"{uuid.uuid4().int % 10_000_000:07d}"


def unique_reference(prefix: str = "SUB") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def day_start(server: SandboxServer, days_ahead: int) -> dt.datetime:
    """Midnight UTC ``days_ahead`` days after the sandbox's 'now'."""
    now = server.state.clock.now()
    return now.replace(hour=0, minute=0, second=0, microsecond=0) + dt.timedelta(days=days_ahead)


def subscription(server: SandboxServer, *, phone: str | None = None, card_id: uuid.UUID = CARD,
                 **overrides) -> RecurringPaymentRequest:
    fields = dict(
        reference=unique_reference(), amount=Decimal("99.90"), currency_code="TRY",
        owner_description=OwnerDescription(full_name="Jane Smith", email="jane.smith@example.com",
                                           phone=phone or unique_phone(), card_id=card_id),
        first_payment_time=day_start(server, 3), frequency=Frequency.MONTHLY, interval=1, day_of_month=1,
        explanation="Premium subscription - monthly", payment_channel="mobile",
    )
    fields.update(overrides)
    return RecurringPaymentRequest(**fields)


async def registered_phone(client: KlogsClient) -> str:
    phone = unique_phone()
    await client.create_owner(NewOwnerRequest(phone=phone))
    return phone


async def find(client: KlogsClient, reference: str):
    page = await client.list_recurring(RecurringListQuery(subscription=reference))
    assert page.total_count == 1
    return page.items[0]


# --- owners and creation ---------------------------------------------------------------------------------


async def test_owner_registration_gives_a_stable_owner_id(sandbox):
    async with make_client(sandbox) as client:
        phone = unique_phone()
        first = await client.create_owner(NewOwnerRequest(phone=phone))
        again = await client.create_owner(NewOwnerRequest(phone=phone))
    assert first.success is True
    assert first.owner_id is not None and first.owner_id.startswith("OWN-") and first.owner_id[4:].isdigit()
    assert again.owner_id == first.owner_id


async def test_subscription_of_a_registered_owner_is_active_and_scheduled_by_the_shared_rule(sandbox):
    async with make_client(sandbox) as client:
        request = subscription(sandbox, phone=await registered_phone(client), day_of_month=15, interval=3)
        result = await client.create_recurring(request)
        item = await find(client, request.reference)
    assert (result.success, result.should_be_owner_confirmation, result.order_status) == \
        (True, False, RegisteredPaymentStatus.ACTIVE)
    assert item.status is RegisteredPaymentStatus.ACTIVE
    assert item.amount == Decimal("99.90") and item.currency_code == "TRY"
    assert (item.frequency, item.interval, item.day_of_month, item.month_of_year) == (Frequency.MONTHLY, 3, 15, None)
    assert item.next_payment_at_utc == payment_dates(request.first_payment_time, Frequency.MONTHLY, 3, 15, count=1)[0]
    assert item.last_payment_at_utc is None
    assert item.phone == request.owner_description.phone and item.email == "jane.smith@example.com"


async def test_unregistered_owner_must_confirm_and_registering_activates(sandbox):
    async with make_client(sandbox) as client:
        request = subscription(sandbox)
        result = await client.create_recurring(request)
        waiting = await find(client, request.reference)
        await client.create_owner(NewOwnerRequest(phone=request.owner_description.phone))
        confirmed = await find(client, request.reference)
    assert result.should_be_owner_confirmation is True
    assert result.order_status is RegisteredPaymentStatus.WAIT_FOR_OWNER_CONFIRMATION
    assert waiting.status is RegisteredPaymentStatus.WAIT_FOR_OWNER_CONFIRMATION
    assert confirmed.status is RegisteredPaymentStatus.ACTIVE
    assert confirmed.next_payment_at_utc is not None


async def test_card_not_yet_saved_waits_for_card_save(sandbox):
    async with make_client(sandbox) as client:
        phone = await registered_phone(client)
        result = await client.create_recurring(subscription(sandbox, phone=phone, card_id=CARD_NOT_SAVED_ID))
    assert result.order_status is RegisteredPaymentStatus.WAIT_FOR_CARD_SAVE
    assert result.should_be_owner_confirmation is False


async def test_payment_order_is_created_and_completes_at_its_time(fresh_sandbox):
    async with make_client(fresh_sandbox) as client:
        phone = await registered_phone(client)
        request = PaymentOrderRequest(
            reference=unique_reference("ORDER"), amount=Decimal("150.50"), currency_code="TRY",
            owner_description=OwnerDescription(full_name="John Doe", phone=phone, card_id=CARD),
            payment_time=day_start(fresh_sandbox, 2) + dt.timedelta(hours=9))
        result = await client.create_payment_order(request)
        store = fresh_sandbox.state.extras["recurring"]
        before = store.order_by_reference(request.reference)
        fresh_sandbox.state.clock.advance(dt.timedelta(days=3))
        after = store.order_by_reference(request.reference)
    assert (result.success, result.order_status) == (True, RegisteredPaymentStatus.ACTIVE)
    assert before.status is RegisteredPaymentStatus.ACTIVE
    assert after.status is RegisteredPaymentStatus.COMPLETE and after.paid_at == request.payment_time


async def test_reference_used_twice_is_a_conflict(sandbox):
    async with make_client(sandbox) as client:
        request = subscription(sandbox)
        await client.create_recurring(request)
        with pytest.raises(ConflictError) as err:
            await client.create_recurring(subscription(sandbox, reference=request.reference))
    assert request.reference in str(err.value)


# --- auth and limits -------------------------------------------------------------------------------------


async def test_wrong_token_is_refused_with_401(sandbox):
    client = KlogsClient(Endpoints.same(sandbox.url), Credentials("sandbox-key", "sandbox-secret", "wrong-token"))
    async with client:
        with pytest.raises(AuthenticationError):
            await client.create_owner(NewOwnerRequest(phone=unique_phone()))
        with pytest.raises(AuthenticationError):
            await client.list_recurring()


async def test_read_only_token_can_list_but_not_write(sandbox):
    client = KlogsClient(Endpoints.same(sandbox.url),
                         Credentials("sandbox-key", "sandbox-secret", READONLY_BEARER_TOKEN))
    async with client:
        page = await client.list_recurring(RecurringListQuery(page_size=1))
        with pytest.raises(PermissionDeniedError) as err:
            await client.create_recurring(subscription(sandbox))
    assert page.current_page == 1
    assert err.value.problem is not None and err.value.problem.detail == "Insufficient permissions"


async def test_too_many_requests_get_429_with_retry_after():
    with SandboxServer(SandboxConfig(rate_limit_per_minute=2)) as server:
        async with make_client(server) as client:
            await client.create_owner(NewOwnerRequest(phone=unique_phone()))
            await client.create_owner(NewOwnerRequest(phone=unique_phone()))
            with pytest.raises(RateLimitedError) as err:
                await client.create_owner(NewOwnerRequest(phone=unique_phone()))
    assert err.value.retry_after is not None and err.value.retry_after > 0


# --- validation: every documented rule names its field ----------------------------------------------------


def _invalid(server: SandboxServer, **changes) -> RecurringPaymentRequest:
    """A request that skips client-side validation, so the sandbox's own checks are what is tested."""
    owner_changes = changes.pop("owner", {})
    owner = OwnerDescription(full_name="Jane Smith", phone=unique_phone(), card_id=CARD).model_dump()
    owner.update(owner_changes)
    fields = subscription(server).model_dump()
    fields.update(changes)
    fields["owner_description"] = OwnerDescription.model_construct(**owner)
    return RecurringPaymentRequest.model_construct(**fields)


@pytest.mark.parametrize("changes, field", [
    (dict(reference="R" * 151), "reference"),
    (dict(explanation="e" * 401), "explanation"),
    (dict(payment_channel="c" * 51), "paymentChannel"),
    (dict(owner=dict(full_name="n" * 101)), "ownerDescription.fullName"),
    (dict(owner=dict(phone="05551234567")), "ownerDescription.phone"),
    (dict(owner=dict(card_id="CARD_UUID")), "ownerDescription.cardId"),
    (dict(interval=0), "interval"),
    (dict(interval=31), "interval"),
    (dict(day_of_month=31), "dayOfMonth"),
    (dict(frequency=Frequency.YEARLY, month_of_year=13), "monthOfYear"),
    (dict(day_of_month=None), "dayOfMonth"),
    (dict(frequency=Frequency.YEARLY, month_of_year=None), "monthOfYear"),
    (dict(first_payment_time=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)), "firstPaymentTime"),
    (dict(amount=Decimal("10.001")), "amount"),
])
async def test_each_rule_is_refused_with_400_naming_the_field(sandbox, changes, field):
    request = _invalid(sandbox, **changes)
    async with make_client(sandbox) as client:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pydantic warns when serializing the deliberately wrong types
            with pytest.raises(ValidationFailedError) as err:
                await client.create_recurring(request)
        with pytest.raises(NotFoundError):
            await find_or_404(client, str(request.reference))
    assert err.value.field == field
    assert field in err.value.field_errors


async def find_or_404(client: KlogsClient, reference: str):
    page = await client.list_recurring(RecurringListQuery(subscription=reference))
    if page.total_count == 0:
        raise NotFoundError(msg("client.not-found"))
    return page.items[0]


async def test_payment_order_in_the_past_is_refused_naming_payment_time(sandbox):
    request = PaymentOrderRequest.model_construct(
        reference=unique_reference("ORDER"), amount=Decimal("1.00"), currency_code="TRY",
        owner_description=OwnerDescription(full_name="John Doe", phone=unique_phone(), card_id=CARD),
        payment_time=dt.datetime(2026, 2, 28, 9, tzinfo=dt.timezone.utc))
    async with make_client(sandbox) as client:
        with pytest.raises(ValidationFailedError) as err:
            await client.create_payment_order(request)
    assert err.value.field == "paymentTime"


async def test_bad_owner_phone_is_refused(sandbox):
    async with make_client(sandbox) as client:
        with pytest.raises(ValidationFailedError) as err:
            await client.create_owner(NewOwnerRequest.model_construct(phone="5551234567"))
    assert err.value.field == "phone"


# --- the list ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded() -> SandboxServer:
    """A sandbox of this module's own holding 45 seeded subscriptions and nothing else.

    Shared by the list tests below, which only read it (the seed's first payments are at least nine
    hours away, so the scheduler changes nothing while they run).
    """
    with SandboxServer(SandboxConfig(testing=True, rate_limit_per_minute=100_000)) as server:
        response = httpx.post(f"{server.url}/_sandbox/seed/subscriptions", json={"count": 45})
        assert response.json()["inserted"] == 45
        yield server


async def test_pages_have_the_documented_shape(seeded):
    async with make_client(seeded) as client:
        first = await client.list_recurring(RecurringListQuery(page=1, page_size=10))
        last = await client.list_recurring(RecurringListQuery(page=5, page_size=10))
        beyond = await client.list_recurring(RecurringListQuery(page=6, page_size=10))
    assert (first.current_page, first.page_count, first.total_count) == (1, 5, 45)
    assert (first.has_next, first.has_previous, first.pages) == (True, False, [1, 2, 3, 4, 5])
    assert len(first.items) == 10 and first.state_key
    assert (last.has_next, last.has_previous, len(last.items)) == (False, True, 5)
    assert beyond.items == [] and beyond.has_next is False


async def test_pages_together_hold_every_subscription_once(seeded):
    async with make_client(seeded) as client:
        pages = [await client.list_recurring(RecurringListQuery(page=n, page_size=7)) for n in range(1, 8)]
    references = [item.reference for page in pages for item in page.items]
    assert len(references) == 45 and len(set(references)) == 45


@pytest.mark.parametrize("order_by, key", [
    ("amount", lambda item: item.amount),
    ("createdAtUtc", lambda item: item.created_at_utc),
    ("reference", lambda item: item.reference),
    ("nextPaymentAtUtc", lambda item: (item.next_payment_at_utc is not None, item.next_payment_at_utc)),
])
async def test_sorting_both_directions(seeded, order_by, key):
    async with make_client(seeded) as client:
        up = await client.list_recurring(RecurringListQuery(page_size=45, order_by=order_by, dir=OrderDirection.ASC))
        down = await client.list_recurring(RecurringListQuery(page_size=45, order_by=order_by,
                                                              dir=OrderDirection.DESC))
    assert [key(item) for item in up.items] == sorted(key(item) for item in up.items)
    assert [key(item) for item in down.items] == sorted((key(item) for item in down.items), reverse=True)
    assert [key(item) for item in down.items] == [key(item) for item in reversed(up.items)]


async def test_subscription_filter_finds_exactly_that_subscription(seeded):
    async with make_client(seeded) as client:
        page = await client.list_recurring(RecurringListQuery(subscription="SEED-000017"))
        none = await client.list_recurring(RecurringListQuery(subscription="SEED-999999"))
    assert [item.reference for item in page.items] == ["SEED-000017"]
    assert none.total_count == 0 and none.items == [] and none.page_count == 0


async def test_unknown_order_by_is_refused_naming_order_by(sandbox):
    async with make_client(sandbox) as client:
        with pytest.raises(ValidationFailedError) as err:
            await client.list_recurring(RecurringListQuery(order_by="cardNumber"))
    assert err.value.field == "OrderBy"


@pytest.mark.parametrize("params, field", [
    ({"PageSize": "501"}, "PageSize"),
    ({"PageSize": "0"}, "PageSize"),
    ({"Page": "0"}, "Page"),
    ({"Dir": "sideways"}, "Dir"),
])
def test_bad_paging_parameters_are_refused_naming_them(sandbox, params, field):
    response = httpx.get(f"{sandbox.url}/recurring", params=params,
                         headers={"Authorization": "Bearer sandbox-token"})
    assert response.status_code == 400
    assert field in response.json()["errors"]


# --- updates -----------------------------------------------------------------------------------------------


async def test_update_by_uuid_changes_only_what_is_given(sandbox):
    async with make_client(sandbox) as client:
        request = subscription(sandbox, phone=await registered_phone(client))
        await client.create_recurring(request)
        item = await find(client, request.reference)
        result = await client.update_recurring(item.id, UpdateRecurringPaymentRequest(
            amount=Decimal("119.90"), explanation="Premium Plus subscription - monthly"))
        updated = await find(client, request.reference)
    assert result.success is True
    assert updated.amount == Decimal("119.90") and updated.explanation == "Premium Plus subscription - monthly"
    assert (updated.day_of_month, updated.status, updated.next_payment_at_utc) == \
        (item.day_of_month, item.status, item.next_payment_at_utc)


async def test_update_of_unknown_uuid_is_404(sandbox):
    async with make_client(sandbox) as client:
        with pytest.raises(NotFoundError):
            await client.update_recurring(uuid.uuid4(), UpdateRecurringPaymentRequest(amount=Decimal("1.00")))
        with pytest.raises(NotFoundError):
            await client.update_recurring_by_subscription(unique_reference(),
                                                          UpdateRecurringPaymentRequest(amount=Decimal("1.00")))


async def test_schedule_change_by_subscription_id_reschedules(sandbox):
    async with make_client(sandbox) as client:
        request = subscription(sandbox, phone=await registered_phone(client))
        await client.create_recurring(request)
        await client.update_recurring_by_subscription(request.reference, UpdateRecurringPaymentRequest(
            frequency=Frequency.YEARLY, month_of_year=6, day_of_month=30))
        item = await find(client, request.reference)
    assert (item.frequency, item.month_of_year, item.day_of_month) == (Frequency.YEARLY, 6, 30)
    assert item.next_payment_at_utc is not None
    assert (item.next_payment_at_utc.month, item.next_payment_at_utc.day) == (6, 30)


async def test_currency_change_that_does_not_fit_the_amount_names_amount(sandbox):
    async with make_client(sandbox) as client:
        request = subscription(sandbox, phone=await registered_phone(client))
        await client.create_recurring(request)
        with pytest.raises(ValidationFailedError) as err:
            await client.update_recurring_by_subscription(request.reference,
                                                          UpdateRecurringPaymentRequest(currency_code="JPY"))
    assert err.value.field == "amount"


async def test_disable_stops_payments_and_re_enabling_schedules_from_now(fresh_sandbox):
    server = fresh_sandbox
    async with make_client(server) as client:
        request = subscription(server, phone=await registered_phone(client), frequency=Frequency.DAILY,
                               day_of_month=None, first_payment_time=day_start(server, 1) + dt.timedelta(hours=9))
        await client.create_recurring(request)
        disabled = await client.update_recurring_by_subscription(
            request.reference, UpdateRecurringPaymentRequest(status=RegisteredPaymentStatus.DISABLED))
        server.state.clock.advance(dt.timedelta(days=10))
        while_disabled = await find(client, request.reference)
        await client.update_recurring_by_subscription(
            request.reference, UpdateRecurringPaymentRequest(status=RegisteredPaymentStatus.ACTIVE))
        enabled = await find(client, request.reference)
    now = server.state.clock.now()
    assert disabled.order_status is RegisteredPaymentStatus.DISABLED
    assert while_disabled.status is RegisteredPaymentStatus.DISABLED
    assert while_disabled.last_payment_at_utc is None and while_disabled.next_payment_at_utc is None
    assert enabled.status is RegisteredPaymentStatus.ACTIVE
    assert now < enabled.next_payment_at_utc <= now + dt.timedelta(days=1)
    assert enabled.next_payment_at_utc.time() == request.first_payment_time.time()


async def test_status_can_only_be_set_to_active_or_disabled(sandbox):
    async with make_client(sandbox) as client:
        request = subscription(sandbox, phone=await registered_phone(client))
        await client.create_recurring(request)
        with pytest.raises(ValidationFailedError) as err:
            await client.update_recurring_by_subscription(request.reference, UpdateRecurringPaymentRequest(
                status=RegisteredPaymentStatus.COMPLETE))
    assert err.value.field == "status"


# --- the scheduler -------------------------------------------------------------------------------------------


async def test_clock_advance_runs_payments_and_completes_after_the_last(fresh_sandbox):
    server = fresh_sandbox
    async with make_client(server) as client:
        first = day_start(server, 2) + dt.timedelta(hours=10)
        request = subscription(server, phone=await registered_phone(client), first_payment_time=first,
                               day_of_month=first.day if first.day <= 30 else 30,
                               last_payment_time=first + dt.timedelta(days=100))
        await client.create_recurring(request)
        expected = payment_dates(first, Frequency.MONTHLY, 1, request.day_of_month, until=request.last_payment_time)
        response = httpx.post(f"{server.url}/_sandbox/clock/advance", json={"seconds": 40 * 86400})
        assert response.status_code == 200
        running = await find(client, request.reference)
        server.state.clock.advance(dt.timedelta(days=100))
        done = await find(client, request.reference)
        with pytest.raises(ConflictError):
            await client.update_recurring_by_subscription(request.reference,
                                                          UpdateRecurringPaymentRequest(amount=Decimal("1.00")))
    paid_by_then = [d for d in expected if d <= server.state.clock.now() - dt.timedelta(days=100)]
    assert running.status is RegisteredPaymentStatus.ACTIVE
    assert running.last_payment_at_utc == paid_by_then[-1]
    assert running.next_payment_at_utc == expected[len(paid_by_then)]
    assert done.status is RegisteredPaymentStatus.COMPLETE
    assert done.last_payment_at_utc == expected[-1] and done.next_payment_at_utc is None
    assert server.state.extras["recurring"].payments_of(done.id) == expected


# --- persistence ---------------------------------------------------------------------------------------------


async def test_subscriptions_and_owners_survive_a_restart(tmp_path):
    database = tmp_path / "sandbox.sqlite"
    with SandboxServer(SandboxConfig(database=database)) as server:
        async with make_client(server) as client:
            phone = await registered_phone(client)
            request = subscription(server, phone=phone)
            await client.create_recurring(request)
            before = await find(client, request.reference)
    with SandboxServer(SandboxConfig(database=database)) as restarted:
        async with make_client(restarted) as client:
            after = await find(client, request.reference)
            second = await client.create_recurring(subscription(restarted, phone=phone))
    assert after == before
    assert second.order_status is RegisteredPaymentStatus.ACTIVE  # the owner is still registered
