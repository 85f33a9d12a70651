"""PaymentService against the real sandbox over loopback: journal before send, one request per order,
outcomes in the cashier's terms, the duplicate guard and capture limits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.domain.orders import new_order_id
from klogs_desk.sandbox.ledger import ledger_of
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import (
    CaptureRefused,
    CardOrder,
    DuplicateSuspected,
    OutcomeState,
    PaymentService,
)
from tests.conftest import make_client

pytestmark = pytest.mark.anyio

APPROVE = "4111111111111111"
DECLINE = "4000000000000002"
THREE_DS = "4000000000003220"
GATEWAY_ERROR = "4000000000000119"
NEVER_ANSWERS = "4000000000000341"


def card_order(pan: str = APPROVE, amount: str = "125.40", **changes) -> CardOrder:
    values = dict(order_id=new_order_id(), amount=Decimal(amount), currency="TRY", holder="Ayşe Yılmaz",
                  pan=pan, expiry_month="12", expiry_year=f"{(dt.date.today().year + 3) % 100:02d}", cvv="123")
    values.update(changes)
    return CardOrder(**values)


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite")
    yield journal
    journal.close()


@pytest.fixture
async def service(sandbox, journal):
    client = make_client(sandbox)
    yield PaymentService(AppServices(client=client, journal=journal))
    await client.aclose()


def ledger(sandbox):
    return ledger_of(sandbox.app.state.sandbox)


async def test_approved_sale_is_journaled_with_a_masked_card_only(service, journal, sandbox):
    order = card_order()
    outcome = await service.sale(order)

    assert outcome.state is OutcomeState.APPROVED
    assert outcome.auth_code and outcome.masked_pan == "411111******1111"
    assert outcome.commission is not None and outcome.card_scheme
    entry = journal.get(outcome.entry_id)
    assert entry.state is EntryState.APPROVED and entry.kind is EntryKind.SALE
    assert entry.reference == order.order_id and entry.amount == Decimal("125.40")
    assert entry.masked_pan == "411111******1111" and entry.balance == Decimal("125.40")
    assert APPROVE not in repr(entry) and "123" != entry.note
    assert ledger(sandbox).charges_for(order.order_id) == 1


async def test_declined_card_is_declined_and_charges_nothing(service, journal, sandbox):
    outcome = await service.sale(card_order(DECLINE))

    assert outcome.state is OutcomeState.DECLINED
    assert "Do not honour" in outcome.message and "Nothing was charged" in outcome.message
    assert journal.get(outcome.entry_id).state is EntryState.DECLINED
    assert ledger(sandbox).by_order(outcome.order_id).balance() == 0


async def test_enrolled_card_asks_for_3ds_and_keeps_the_order_id(service, journal, sandbox):
    outcome = await service.sale(card_order(THREE_DS))

    assert outcome.state is OutcomeState.ENROLLED
    assert outcome.keeps_order_id
    assert journal.get(outcome.entry_id).state is EntryState.ENROLLED
    assert ledger(sandbox).by_order(outcome.order_id) is None  # nothing charged, nothing recorded


async def test_gateway_error_charges_nothing_and_the_same_order_id_can_be_retried(service, journal, sandbox):
    order = card_order(GATEWAY_ERROR)
    failed = await service.sale(order)
    assert failed.state is OutcomeState.ERROR and failed.keeps_order_id
    assert journal.get(failed.entry_id).state is EntryState.ERROR

    # The cashier retries the same sale with the same order ID (another card, here).
    retried = await service.sale(card_order(APPROVE, order_id=order.order_id))

    assert retried.state is OutcomeState.APPROVED
    assert retried.entry_id == failed.entry_id  # one journal row per order
    assert journal.count() == 1
    assert ledger(sandbox).charges_for(order.order_id) == 1


async def test_lost_answer_is_unknown_journaled_and_never_retried(service, journal, sandbox):
    order = card_order(NEVER_ANSWERS)
    outcome = await service.sale(order)

    assert outcome.state is OutcomeState.UNKNOWN
    assert not outcome.keeps_order_id
    entry = journal.get(outcome.entry_id)
    assert entry.state is EntryState.UNKNOWN and entry.unresolved
    assert ledger(sandbox).charges_for(order.order_id) == 1
    # The same card and amount again is suspected to be a double charge until the cashier confirms.
    with pytest.raises(DuplicateSuspected) as raised:
        await service.sale(card_order(NEVER_ANSWERS))
    assert raised.value.similar.id == entry.id
    assert "still unresolved" in str(raised.value)


async def test_an_order_id_already_sent_is_refused_before_sending(service, journal, sandbox):
    order = card_order()
    first = await service.sale(order)
    assert first.state is OutcomeState.APPROVED

    again = await service.sale(card_order(DECLINE, order_id=order.order_id), confirmed_duplicate=True)

    assert again.state is OutcomeState.REFUSED
    assert "already sent" in again.message
    assert journal.count() == 1
    assert ledger(sandbox).charges_for(order.order_id) == 1


async def test_recent_approved_sale_with_same_amount_and_card_needs_confirmation(service, journal, sandbox):
    await service.sale(card_order(amount="77.70"))
    suspect = card_order(amount="77.70")

    with pytest.raises(DuplicateSuspected):
        await service.sale(suspect)
    assert ledger(sandbox).charges_for(suspect.order_id) == 0  # nothing sent while unconfirmed

    confirmed = await service.sale(suspect, confirmed_duplicate=True)
    assert confirmed.state is OutcomeState.APPROVED
    # Another amount or another card is not a suspected duplicate.
    assert (await service.sale(card_order(amount="77.71"))).state is OutcomeState.APPROVED
    assert (await service.sale(card_order("5421190122090656", amount="77.70"))).state is OutcomeState.APPROVED


async def test_approved_sale_older_than_the_window_is_not_a_duplicate(sandbox, journal):
    client = make_client(sandbox)
    try:
        later = PaymentService(AppServices(client=client, journal=journal),
                               now=lambda: dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=11))
        await later.sale(card_order(amount="66.60"), confirmed_duplicate=True)
        assert later.find_similar_sale(card_order(amount="66.60")) is None
    finally:
        await client.aclose()


async def test_invalid_order_is_refused_without_journal_or_request(service, journal, sandbox):
    order = card_order(holder="A")
    outcome = await service.sale(order)

    assert outcome.state is OutcomeState.ERROR
    assert "cardHolderName" in outcome.field_errors
    assert APPROVE not in outcome.message
    assert journal.count() == 0
    assert ledger(sandbox).by_order(order.order_id) is None


def test_card_order_repr_hides_the_card():
    order = card_order(cvv="987")
    text = repr(order) + str(order)
    assert APPROVE not in text and "987" not in text
    assert "411111******1111" in text


async def test_capture_is_limited_to_the_authorized_amount_and_happens_once(service, journal, sandbox):
    held = await service.pre_authorize(card_order(amount="200.00"))
    assert held.state is OutcomeState.APPROVED
    assert journal.get(held.entry_id).kind is EntryKind.PREAUTH

    with pytest.raises(CaptureRefused, match="At most 200.00"):
        await service.capture(held.entry_id, Decimal("200.01"))
    captured = await service.capture(held.entry_id, Decimal("150.00"))

    assert captured.state is OutcomeState.APPROVED
    child = journal.get(captured.entry_id)
    assert child.kind is EntryKind.CAPTURE and child.parent_id == held.entry_id
    assert child.amount == Decimal("150.00") and child.state is EntryState.APPROVED
    with pytest.raises(CaptureRefused, match="already captured"):
        await service.capture(held.entry_id, Decimal("10.00"))
    assert ledger(sandbox).by_order(held.order_id).captured_amount == Decimal("150.00")


async def test_a_declined_pre_authorization_cannot_be_captured(service):
    declined = await service.pre_authorize(card_order(DECLINE))
    with pytest.raises(CaptureRefused, match="not approved"):
        await service.capture(declined.entry_id, Decimal("1.00"))


async def test_after_a_3ds_answer_the_same_order_id_can_pay_with_another_card(service, journal, sandbox):
    order = card_order(THREE_DS)
    enrolled = await service.sale(order)
    assert enrolled.state is OutcomeState.ENROLLED

    paid = await service.sale(card_order(APPROVE, order_id=order.order_id))

    assert paid.state is OutcomeState.APPROVED and paid.entry_id == enrolled.entry_id
    assert journal.get(paid.entry_id).masked_pan == "411111******1111"
    assert ledger(sandbox).charges_for(order.order_id) == 1


async def test_begin_sale_journals_the_order_before_returning_and_sends_only_when_awaited(service, journal, sandbox):
    order = card_order(amount="61.05")

    work = service.begin_sale(order)
    journal.submit("unresolved").result()  # the writer thread runs writes in order: the row is committed now

    row = journal.find_payment("sandbox", EntryKind.SALE, order.order_id)
    assert row is not None and row.state is EntryState.PENDING and row.masked_pan == "411111******1111"
    assert ledger(sandbox).by_order(order.order_id) is None  # nothing sent yet
    outcome = await work
    assert outcome.state is OutcomeState.APPROVED and outcome.entry_id == row.id
    assert journal.get(row.id).state is EntryState.APPROVED
    assert ledger(sandbox).charges_for(order.order_id) == 1


@pytest.mark.parametrize("pan, state", [(APPROVE, OutcomeState.APPROVED), (DECLINE, OutcomeState.DECLINED)])
async def test_the_answer_is_told_once_before_the_sale_returns_it_journaled(service, journal, pan, state):
    told = []

    outcome = await service.sale(card_order(pan, amount="61.06"), on_answer=told.append)

    assert told == [outcome] and outcome.state is state
    entry = journal.get(outcome.entry_id)  # returned only once the outcome is committed
    assert entry.state.value == state.value and entry.auth_code == outcome.auth_code
    assert (entry.reference, entry.amount, entry.masked_pan, entry.payment_id) == (
        outcome.order_id, outcome.amount, outcome.masked_pan, outcome.payment_id)


async def test_errors_are_journaled_before_anything_is_told(service, journal):
    told = []

    outcome = await service.sale(card_order(GATEWAY_ERROR, amount="61.07"), on_answer=told.append)

    assert outcome.state is OutcomeState.ERROR and told == []
    assert journal.get(outcome.entry_id).state is EntryState.ERROR


async def test_a_failing_answer_listener_costs_the_sale_nothing(service, journal, caplog):
    def broken(_outcome):
        raise RuntimeError("the screen is gone")

    outcome = await service.sale(card_order(amount="61.08"), on_answer=broken)

    assert outcome.state is OutcomeState.APPROVED
    assert journal.get(outcome.entry_id).state is EntryState.APPROVED
    assert "answer listener failed" in caplog.text
