"""TransactionService against the real sandbox over loopback: lookup, void, partial refunds, refusals before
sending, the settlement cut-off both ways, and a void whose answer is lost."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from klogs_desk.api.errors import NotFoundError
from klogs_desk.api.models.transactions import TransactionStatus, TransactionType
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.domain.orders import new_order_id
from klogs_desk.sandbox.faults import faults_of
from klogs_desk.sandbox.ledger import ledger_of
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState, PaymentService
from klogs_desk.services.transactions import (
    APPROVED_BY_MANAGER_PIN,
    APPROVED_BY_NO_PIN,
    TransactionOutcomeState,
    TransactionRefused,
    TransactionService,
)
from tests.conftest import make_client

pytestmark = pytest.mark.anyio

APPROVE = "4111111111111111"
DECLINE = "4000000000000002"


def card_order(pan: str = APPROVE, amount: str = "100.00") -> CardOrder:
    return CardOrder(order_id=new_order_id(), amount=Decimal(amount), currency="TRY", holder="Ayşe Yılmaz", pan=pan,
                     expiry_month="12", expiry_year=f"{(dt.date.today().year + 3) % 100:02d}", cvv="123")


def settle(server) -> None:  # type: ignore[no-untyped-def]
    """Move the sandbox clock past the next daily settlement cut-off (00:00 UTC)."""
    server.state.clock.advance(dt.timedelta(days=1, minutes=1))


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite")
    yield journal
    journal.close()


@pytest.fixture
async def services(fresh_sandbox, journal):
    client = make_client(fresh_sandbox)
    yield AppServices(client=client, journal=journal)
    await client.aclose()


async def approved_sale(services, amount: str = "100.00"):  # type: ignore[no-untyped-def]
    outcome = await PaymentService(services).sale(card_order(amount=amount))
    assert outcome.state is OutcomeState.APPROVED
    return services.journal.get(outcome.entry_id)


async def test_void_a_sale_journals_who_approved_and_zeroes_the_balance(services, fresh_sandbox):
    sale = await approved_sale(services)
    service = TransactionService(services)

    outcome = await service.void(sale, APPROVED_BY_MANAGER_PIN)

    assert outcome.state is TransactionOutcomeState.DONE
    void = outcome.entry
    assert void.kind is EntryKind.VOID and void.parent_id == sale.id and void.state is EntryState.APPROVED
    assert void.approved_by == "manager PIN" and void.amount == Decimal("100.00")
    assert void.masked_pan == "411111******1111"
    parent = services.journal.get(sale.id)
    assert parent.balance == Decimal(0) and parent.state is EntryState.APPROVED
    detail = await service.lookup(parent)
    assert detail.balance == 0
    assert [(t.type, t.status) for t in detail.related_transactions] == [
        (TransactionType.VOID, TransactionStatus.SUCCESS)]
    with pytest.raises(TransactionRefused, match="already voided"):
        service.void_target(parent)


async def test_two_partial_refunds_then_the_over_refund_is_refused_before_sending(services, fresh_sandbox):
    sale = await approved_sale(services)
    service = TransactionService(services)
    settle(fresh_sandbox)

    first = await service.refund(sale, Decimal("30.00"), APPROVED_BY_NO_PIN)
    second = await service.refund(services.journal.get(sale.id), Decimal("45.50"), APPROVED_BY_NO_PIN)

    assert first.state is second.state is TransactionOutcomeState.DONE
    assert second.parent.balance == Decimal("24.50")
    assert "24.50 TRY left" in second.message
    refunds = [c for c in services.journal.children(sale.id) if c.kind is EntryKind.REFUND]
    assert [(r.amount, r.state, r.approved_by) for r in refunds] == [
        (Decimal("30.00"), EntryState.APPROVED, "no PIN required"),
        (Decimal("45.50"), EntryState.APPROVED, "no PIN required")]

    related_before = len(ledger_of(fresh_sandbox.app.state.sandbox).by_order(sale.reference).related)
    with pytest.raises(TransactionRefused, match="At most 24.50 TRY") as refused:
        await service.refund(services.journal.get(sale.id), Decimal("24.51"), APPROVED_BY_NO_PIN)
    assert refused.value.field == "refundAmount"
    with pytest.raises(TransactionRefused, match="decimal|digits|minor"):
        await service.refund(services.journal.get(sale.id), Decimal("1.005"), APPROVED_BY_NO_PIN)
    # Nothing was sent and nothing journaled for the refused refunds.
    assert len(ledger_of(fresh_sandbox.app.state.sandbox).by_order(sale.reference).related) == related_before
    assert len([c for c in services.journal.children(sale.id) if c.kind is EntryKind.REFUND]) == 2
    assert (await service.lookup(sale)).balance == Decimal("24.50")


async def test_void_after_the_cut_off_and_refund_before_it_are_refused_in_words(services, fresh_sandbox):
    service = TransactionService(services)
    early = await approved_sale(services)

    refund = await service.refund(early, Decimal("10.00"), APPROVED_BY_NO_PIN)
    assert refund.state is TransactionOutcomeState.REFUSED
    assert "not settled yet" in refund.message and "void it instead" in refund.message
    assert refund.entry.state is EntryState.ERROR
    assert services.journal.get(early.id).balance == Decimal("100.00")

    settle(fresh_sandbox)
    void = await service.void(services.journal.get(early.id), APPROVED_BY_NO_PIN)
    assert void.state is TransactionOutcomeState.REFUSED
    assert "settled; refund it instead" in void.message
    assert services.journal.get(early.id).balance == Decimal("100.00")


async def test_declined_and_unresolved_payments_cannot_be_voided_or_refunded(services, fresh_sandbox):
    declined_outcome = await PaymentService(services).sale(card_order(DECLINE))
    declined = services.journal.get(declined_outcome.entry_id)
    service = TransactionService(services)
    with pytest.raises(TransactionRefused, match="declined"):
        await service.void(declined, APPROVED_BY_NO_PIN)
    with pytest.raises(TransactionRefused, match="declined"):
        await service.refund(declined, Decimal("1"), APPROVED_BY_NO_PIN)
    assert services.journal.children(declined.id) == []


async def test_pre_authorization_refund_goes_to_its_capture_and_uncaptured_is_refused(services, fresh_sandbox):
    payments, service = PaymentService(services), TransactionService(services)
    held = await payments.pre_authorize(card_order(amount="80.00"))
    preauth = services.journal.get(held.entry_id)
    with pytest.raises(TransactionRefused, match="never captured"):
        service.refund_target(preauth)
    captured = await payments.capture(preauth.id, Decimal("60.00"))
    assert captured.state is OutcomeState.APPROVED
    settle(fresh_sandbox)

    outcome = await service.refund(services.journal.get(preauth.id), Decimal("60.00"), APPROVED_BY_NO_PIN)

    assert outcome.state is TransactionOutcomeState.DONE, outcome.message
    assert outcome.entry.parent_id == captured.entry_id and outcome.parent.balance == Decimal(0)
    assert (await service.lookup(preauth)).balance == 0


async def test_lookup_of_an_unknown_reference_is_not_found(services):
    sale = await approved_sale(services)
    ghost = services.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=new_order_id(),
                                            amount=Decimal("5.00"), currency="TRY")
    with pytest.raises(NotFoundError):
        await TransactionService(services).lookup(ghost)
    assert (await TransactionService(services).lookup(sale)).status is TransactionStatus.SUCCESS


async def test_lost_void_answer_is_unknown_and_blocks_a_second_void(services, fresh_sandbox):
    sale = await approved_sale(services)
    faults_of(fresh_sandbox.app.state.sandbox).arm(drop_after_processing=1)
    service = TransactionService(services)

    outcome = await service.void(sale, APPROVED_BY_NO_PIN)

    assert outcome.state is TransactionOutcomeState.UNKNOWN
    assert "Do not send it again" in outcome.message
    assert outcome.entry.state is EntryState.UNKNOWN
    # The parent's balance is untouched until someone proves the void happened.
    assert services.journal.get(sale.id).balance == Decimal("100.00")
    with pytest.raises(TransactionRefused, match="no known outcome"):
        await service.void(services.journal.get(sale.id), APPROVED_BY_NO_PIN)
