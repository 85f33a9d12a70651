"""The client survives the client libraries' dialects (sdk-differences.md), fed through the real client
and HTTP stack by the sandbox's testing-only dialect switch (``/_sandbox/dialect``): enumerations as
.NET numbers, in lower case, or unknown; nulls in ``pages``; date-times without a zone; and bodies it
cannot read. Requests still go out in the documented spelling."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from klogs_desk.api.errors import ProtocolError
from klogs_desk.api.models import (
    Frequency,
    RecurringListQuery,
    RecurringPayment,
    RegisteredPaymentStatus,
    TransactionDetail,
    TransactionStatus,
    TransactionType,
    UpdateRecurringPaymentRequest,
)
from klogs_desk.api.models.tolerant import is_unrecognized, shown
from klogs_desk.sandbox.dialect import UNKNOWN_VALUE
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import OutcomeState, PaymentService
from tests.api._client_support import card_payment, subscription
from tests.conftest import make_client

pytestmark = pytest.mark.anyio


def speak(server, **dialect) -> None:  # type: ignore[no-untyped-def]
    httpx.post(f"{server.url}/_sandbox/dialect", json=dialect, timeout=5).raise_for_status()


@pytest.fixture
async def client(fresh_sandbox):
    client = make_client(fresh_sandbox)
    yield client
    await client.aclose()


async def sale_and_subscription(client):  # type: ignore[no-untyped-def]
    """An approved sale and a new subscription, made in the documented dialect."""
    sale, created = card_payment(), subscription()
    await client.pay(sale)
    await client.create_recurring(created)
    return sale, created


async def test_dotnet_numbers_are_read_as_the_documented_values(client, fresh_sandbox):
    sale = card_payment()
    await client.pay(sale)
    speak(fresh_sandbox, enums="numeric")
    raw = httpx.get(f"{fresh_sandbox.url}/api/trx/{sale.order_id}", timeout=5,
                    headers={"X-API-KEY": "sandbox-key", "X-API-SECRET": "sandbox-secret"}).json()
    assert (raw["type"], raw["status"]) == (1, 1)  # what the .NET library writes

    detail = await client.get_transaction(sale.order_id)
    assert detail.type is TransactionType.SALE and detail.status is TransactionStatus.SUCCESS


async def test_lower_case_enumerations_are_read_as_the_documented_values(client, fresh_sandbox):
    sale, created = await sale_and_subscription(client)
    speak(fresh_sandbox, enums="lower")

    detail = await client.get_transaction(sale.order_id)
    assert detail.type is TransactionType.SALE and detail.status is TransactionStatus.SUCCESS
    raw = httpx.get(f"{fresh_sandbox.url}/recurring", params={"Subscription": created.reference}, timeout=5,
                    headers={"Authorization": "Bearer sandbox-token"}).json()
    assert raw["list"][0]["status"] == "waitforownerconfirmation"  # as the Java library writes it
    page = await client.list_recurring(RecurringListQuery(subscription=created.reference))
    item = page.items[0]
    assert item.status is RegisteredPaymentStatus.WAIT_FOR_OWNER_CONFIRMATION and item.frequency is Frequency.MONTHLY


async def test_an_unknown_value_is_kept_and_shown_never_a_parse_failure(client, fresh_sandbox):
    sale, created = await sale_and_subscription(client)
    speak(fresh_sandbox, enums="unknown")

    detail = await client.get_transaction(sale.order_id)
    assert is_unrecognized(detail.status) and detail.status.value == UNKNOWN_VALUE
    assert detail.status is not TransactionStatus.UNKNOWN  # "Unknown" is a documented status; this is not it
    assert shown(detail.status) == f"unknown ({UNKNOWN_VALUE})"
    item = (await client.list_recurring(RecurringListQuery(subscription=created.reference))).items[0]
    assert is_unrecognized(item.status) and is_unrecognized(item.frequency)
    assert shown(item.status) == f"unknown ({UNKNOWN_VALUE})"


async def test_a_payment_answer_with_an_unknown_status_is_an_unknown_outcome_not_a_decline(
        client, fresh_sandbox, tmp_path):
    from klogs_desk.domain.journal import EntryState, Journal
    from tests.test_reconciler import card_order

    journal = Journal(tmp_path / "journal.sqlite")
    try:
        speak(fresh_sandbox, enums="unknown")
        outcome = await PaymentService(AppServices(client=client, journal=journal)).sale(card_order())
        assert outcome.state is OutcomeState.UNKNOWN
        assert journal.get(outcome.entry_id).state is EntryState.UNKNOWN
        assert UNKNOWN_VALUE in outcome.message  # "The gateway answered with status Chargeback."
    finally:
        journal.close()


async def test_null_pages_and_naive_dates_are_read(client, fresh_sandbox):
    sale, created = await sale_and_subscription(client)
    # The same subscription in the documented dialect (zoned dates), to compare with: its next payment date
    # follows the schedule rules (dayOfMonth after the first payment time), not always the first payment time.
    documented = (await client.list_recurring(RecurringListQuery(subscription=created.reference))).items[0]
    speak(fresh_sandbox, nullPages=True, naiveDates=True)
    raw = httpx.get(f"{fresh_sandbox.url}/api/trx/{sale.order_id}", timeout=5,
                    headers={"X-API-KEY": "sandbox-key", "X-API-SECRET": "sandbox-secret"}).json()
    assert not raw["createdAtUtc"].endswith("Z") and "+" not in raw["createdAtUtc"]

    detail = await client.get_transaction(sale.order_id)
    assert detail.created_at_utc.tzinfo is not None and detail.created_at_utc.utcoffset() == dt.timedelta(0)
    assert abs(detail.created_at_utc - fresh_sandbox.state.clock.now()) < dt.timedelta(minutes=1)
    page = await client.list_recurring(RecurringListQuery(subscription=created.reference))
    assert None in page.pages and page.pages[0] == 1
    assert page.items[0].next_payment_at_utc.utcoffset() == dt.timedelta(0)
    assert page.items[0].next_payment_at_utc == documented.next_payment_at_utc


async def test_a_body_it_cannot_read_is_a_protocol_error_with_the_status(client, fresh_sandbox):
    sale = card_payment()
    await client.pay(sale)
    speak(fresh_sandbox, unreadable=1)
    with pytest.raises(ProtocolError) as caught:
        await client.get_transaction(sale.order_id)
    assert caught.value.status == 200
    assert (await client.get_transaction(sale.order_id)).status is TransactionStatus.SUCCESS  # one answer only


def test_requests_still_send_the_documented_spelling_and_never_an_unknown_value():
    update = UpdateRecurringPaymentRequest(status=RegisteredPaymentStatus.DISABLED, frequency=Frequency.DAILY)
    assert update.to_wire() == {"status": "disabled", "frequency": "daily"}
    unknown = RecurringPayment.model_validate({"id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "amount": 1,
                                               "currencyCode": "TRY", "status": "Frozen"}).status
    with pytest.raises(ValueError, match="does not know"):
        UpdateRecurringPaymentRequest(status=unknown)
    with pytest.raises(ValueError):  # the sandbox keeps refusing what the docs do not name
        UpdateRecurringPaymentRequest.model_validate({"status": "Frozen"})


@pytest.mark.parametrize("raw, expected", [
    ({"type": "PROVISION_COMMIT", "status": "failed"}, (TransactionType.PROVISION_COMMIT, TransactionStatus.FAILED)),
    ({"type": "4", "status": 5}, (TransactionType.PROVISION, TransactionStatus.UNKNOWN)),
    ({"type": "provisioncommit", "status": " Pending "}, (TransactionType.PROVISION_COMMIT, TransactionStatus.PENDING)),
])
def test_spellings_and_numbers_of_every_library(raw, expected):
    detail = TransactionDetail.model_validate({"id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "amount": 1,
                                               "balance": 1, "currencyCode": "TRY", "shiny": {"new": 1}, **raw})
    assert (detail.type, detail.status) == expected


@pytest.mark.parametrize("status", [4, 9, True, "", "Success!"])
def test_numbers_and_texts_nobody_published_are_unrecognized(status):
    data = {"id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "amount": 1, "balance": 1, "currencyCode": "TRY",
            "type": "Sale", "status": status}
    detail = TransactionDetail.model_validate(data)
    assert is_unrecognized(detail.status) and shown(detail.status) == f"unknown ({status})"


def test_every_answer_model_ignores_fields_it_does_not_know():
    from pydantic import BaseModel

    import klogs_desk.api.models as models

    for name in models.__all__:
        model = getattr(models, name)
        if isinstance(model, type) and issubclass(model, BaseModel):
            assert model.model_config.get("extra") in ("ignore", "allow"), name
