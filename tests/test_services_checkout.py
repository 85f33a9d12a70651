"""CheckoutService against the real sandbox over loopback: create, the customer pays on the hosted page
(driven with httpx exactly as a browser submits its form), follow, journal."""

from __future__ import annotations

import itertools
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import urljoin

import httpx
import pytest

from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.domain.orders import new_order_id
from klogs_desk.services.checkout import (
    POLL_BACKOFF,
    CheckoutOrder,
    CheckoutService,
    CreateState,
    LinkStatus,
    growing_delays,
)
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CardOrder, OutcomeState, PaymentService

try:
    from tests.conftest import make_client
    from tests.fake_clock import RecordingClock, on_clock
except ImportError:  # pragma: no cover - when tests/ is the rootdir
    from conftest import make_client
    from fake_clock import RecordingClock, on_clock

VISA = "4111111111111111"
DECLINED_VISA = "4000000000000002"


class _FormReader(HTMLParser):
    """The hosted page's form: its action and the names of its fields."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: list[str] = []
        self.heading = ""
        self._in_result = False

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        attributes = dict(attrs)
        if tag == "form":
            self.action = attributes.get("action")
        elif tag in ("input", "select") and attributes.get("name"):
            self.fields.append(attributes["name"])
        elif tag == "h1" and attributes.get("id") == "result":
            self._in_result = True

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._in_result:
            self.heading += data

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "h1":
            self._in_result = False


def pay_on_hosted_page(url: str, pan: str, *, holder: str = "Ayse Yilmaz", expiry: str = "12/39",
                       cvv: str = "123") -> str:
    """Open the link like the customer's browser, fill its form with a test card and submit it.
    Returns the result heading the customer sees ("Payment approved" / "Payment declined")."""
    with httpx.Client(timeout=10.0) as browser:
        page = browser.get(url)
        assert page.status_code == 200, page.text
        form = _FormReader()
        form.feed(page.text)
        assert form.action and {"cardHolderName", "pan", "expiry", "cvv"} <= set(form.fields), page.text
        typed = {"cardHolderName": holder, "pan": pan, "expiry": expiry, "cvv": cvv}
        if "installmentCount" in form.fields:
            typed["installmentCount"] = "1"
        answer = browser.post(urljoin(url, form.action), data=typed)
    result = _FormReader()
    result.feed(answer.text)
    return result.heading.strip()


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    yield journal
    journal.close()


def order(amount: str = "150.00", **values) -> CheckoutOrder:  # type: ignore[no-untyped-def]
    return CheckoutOrder(order_id=values.pop("order_id", new_order_id()), amount=Decimal(amount),
                         currency=values.pop("currency", "TRY"), **values)


async def arm_faults(server, **faults) -> None:  # type: ignore[no-untyped-def]
    async with httpx.AsyncClient(base_url=server.url) as admin:
        answer = await admin.post("/_sandbox/faults", json=faults) if faults else await admin.delete(
            "/_sandbox/faults")
    assert answer.status_code == 200, answer.text


def test_delays_grow_from_two_seconds_and_stop_growing_at_a_minute():
    assert list(itertools.islice(growing_delays(), 10)) == [2, 3, 5, 8, 13, 21, 34, 55, 60, 60]
    assert list(itertools.islice(growing_delays(0.1, 0.3), 4)) == pytest.approx([0.1, 0.15, 0.25, 0.3])


@pytest.mark.anyio
async def test_follow_asks_after_each_pause_on_its_clock_until_the_link_is_paid(sandbox, journal):
    """The polling loop of a followed link: the policy's pauses (2, 3, 5 ... s) slept on its clock (here a
    clock that only records), one answer yielded per pause, ended by the final status."""
    clock = RecordingClock()
    wanted = order("75.00")
    async with make_client(sandbox) as client:
        service = CheckoutService(AppServices(client=client, journal=journal), poll=on_clock(POLL_BACKOFF, clock))
        link = (await service.create(wanted)).link
        statuses = []
        async for result in service.follow(link.entry_id):
            statuses.append(result.link.status)
            if len(statuses) == 3:
                assert pay_on_hosted_page(link.url, VISA) == "Payment approved"
    assert statuses == [LinkStatus.AWAITING] * 3 + [LinkStatus.PAID]
    assert clock.slept == [2, 3, 5, 8]
    assert journal.get(link.entry_id).state is EntryState.APPROVED


@pytest.mark.anyio
async def test_created_link_is_journaled_awaiting_and_paid_link_becomes_approved(sandbox, journal):
    wanted = order("1234.50", description="Blue kettle", customer_id="C-17")
    async with make_client(sandbox) as client:
        service = CheckoutService(AppServices(client=client, journal=journal))
        created = await service.create(wanted)
        assert created.state is CreateState.CREATED
        row = journal.find_payment("sandbox", EntryKind.CHECKOUT, wanted.order_id)
        assert row.state is EntryState.AWAITING_CUSTOMER
        assert row.checkout_id and row.redirect_url == created.link.url
        assert row.redirect_url.startswith(sandbox.url + "/checkout-link/")
        assert (row.amount, row.currency, row.customer_id, str(row.note)) == (Decimal("1234.50"), "TRY", "C-17",
                                                                         "Blue kettle")

        before = await service.refresh(row.id)
        assert before.link.status is LinkStatus.AWAITING and before.problem is None
        assert journal.get(row.id).state is EntryState.AWAITING_CUSTOMER

        assert pay_on_hosted_page(row.redirect_url, VISA) == "Payment approved"
        after = await service.refresh(row.id)

    assert after.link.status is LinkStatus.PAID
    paid = journal.get(row.id)
    assert paid.state is EntryState.APPROVED
    assert paid.payment_id and paid.auth_code
    assert paid.masked_pan == "411111******1111"
    assert paid.balance == Decimal("1234.50")
    outcome = after.link.outcome()
    assert outcome.state is OutcomeState.APPROVED and outcome.auth_code == paid.auth_code
    assert service.links()[0].entry_id == row.id


@pytest.mark.anyio
async def test_declined_card_on_the_page_makes_the_link_failed(sandbox, journal):
    async with make_client(sandbox) as client:
        service = CheckoutService(AppServices(client=client, journal=journal))
        created = await service.create(order("80.00"))
        assert pay_on_hosted_page(created.link.url, DECLINED_VISA) == "Payment declined"
        result = await service.refresh(created.link.entry_id)
        again = await service.refresh(created.link.entry_id)  # final: not asked again, stays failed
    assert result.link.status is LinkStatus.FAILED
    row = journal.get(created.link.entry_id)
    assert row.state is EntryState.DECLINED and row.masked_pan == "400000******0002"
    assert row.result_message
    assert result.link.outcome().state is OutcomeState.DECLINED
    assert again.link.status is LinkStatus.FAILED


@pytest.mark.anyio
async def test_same_order_id_shows_the_existing_link_without_a_second_row(sandbox, journal):
    wanted = order("42.00")
    async with make_client(sandbox) as client:
        service = CheckoutService(AppServices(client=client, journal=journal))
        first = await service.create(wanted)
        second = await service.create(wanted)
        other_amount = await service.create(order("43.00", order_id=wanted.order_id))
    assert second.state is CreateState.EXISTING and second.link.url == first.link.url
    assert other_amount.state is CreateState.REFUSED and "orderId" in other_amount.field_errors
    assert journal.count() == 1


@pytest.mark.anyio
async def test_lost_answer_is_unknown_and_creating_again_brings_back_the_same_link(fresh_sandbox, journal):
    wanted = order("99.90")
    async with make_client(fresh_sandbox, timeout=1.0) as client:
        service = CheckoutService(AppServices(client=client, journal=journal))
        await arm_faults(fresh_sandbox, latencyMs=2000)
        lost = await service.create(wanted)
        assert lost.state is CreateState.UNKNOWN
        row = journal.find_payment("sandbox", EntryKind.CHECKOUT, wanted.order_id)
        assert row.state is EntryState.UNKNOWN and row.redirect_url is None

        await arm_faults(fresh_sandbox)
        again = await service.create(wanted)
        # The gateway made the link while our answer was lost; asking again answers that same link.
        direct = await client.get_checkout(again.link.checkout_id)
    assert again.state is CreateState.CREATED and again.link.entry_id == row.id
    assert journal.count() == 1
    assert journal.get(row.id).state is EntryState.AWAITING_CUSTOMER
    assert direct.order_id == wanted.order_id
    assert len(fresh_sandbox.state.extras["checkouts"]._by_order) == 1


@pytest.mark.anyio
async def test_order_id_of_a_card_sale_is_refused_by_the_gateway_and_journaled_as_error(sandbox, journal):
    order_id = new_order_id()
    async with make_client(sandbox) as client:
        services = AppServices(client=client, journal=journal)
        sale = await PaymentService(services).sale(CardOrder(
            order_id=order_id, amount=Decimal("10.00"), currency="TRY", holder="Ayse Yilmaz", pan=VISA,
            expiry_month="12", expiry_year="39", cvv="123"))
        assert sale.state is OutcomeState.APPROVED
        refused = await CheckoutService(services).create(order("10.00", order_id=order_id))
    assert refused.state is CreateState.ERROR and "already used" in refused.message
    assert journal.find_payment("sandbox", EntryKind.CHECKOUT, order_id).state is EntryState.ERROR


@pytest.mark.anyio
async def test_invalid_callback_is_refused_before_anything_is_journaled(sandbox, journal):
    async with make_client(sandbox) as client:
        service = CheckoutService(AppServices(client=client, journal=journal))
        refused = await service.create(order("10.00", callback="ftp://shop.example/paid"))
    assert refused.state is CreateState.REFUSED and "callback" in refused.field_errors
    assert journal.count() == 0


@pytest.mark.anyio
async def test_followed_links_share_a_budget_of_questions_a_minute(sandbox, journal):
    """However many links are followed and however short their pauses, the automatic questions stay within
    the budget (16 a minute by default, kept well inside the gateway's 100): over it, the next waits."""
    from klogs_desk.services.checkout import MAX_POLLS_PER_MINUTE

    assert MAX_POLLS_PER_MINUTE == 16
    clock = RecordingClock()
    async with make_client(sandbox) as client:
        service = CheckoutService(AppServices(client=client, journal=journal), poll=on_clock(POLL_BACKOFF, clock),
                                  polls_per_minute=2)
        link = (await service.create(order("12.00"))).link
        answers = [result async for result in service.follow(link.entry_id, delays=[1, 1, 1])]
    assert [answer.link.status for answer in answers] == [LinkStatus.AWAITING] * 3
    assert clock.slept == [1, 1, 1, 58]  # the third waited until the first question was a minute old
