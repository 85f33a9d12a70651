"""The sandbox's payment API over real HTTP: the client against the server on loopback.

Each test uses its own orderIds, so the shared session sandbox can be used; tests that count ledger
entries, move the clock or change limits use ``fresh_sandbox``.
"""

from __future__ import annotations

import datetime as dt
import http.server
import threading
import uuid
from decimal import Decimal
from html.parser import HTMLParser

import anyio
import httpx
import pytest

from klogs_desk.api.client import Credentials, Endpoints, KlogsClient
from klogs_desk.api.errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    OutcomeUnknownError,
    RateLimitedError,
    ServerError,
    ValidationFailedError,
)
from klogs_desk.api.models import (
    CaptureRequest,
    CardPaymentRequest,
    CheckoutRequest,
    InstallmentOptionsRequest,
    PaymentStatus,
    ThreeDSecureCompleteRequest,
    ThreeDSecureRequest,
    TransactionStatus,
    TransactionType,
)

try:
    from tests.conftest import make_client
except ImportError:  # pragma: no cover - depends on how pytest was started
    from conftest import make_client

pytestmark = pytest.mark.anyio

VISA, MASTERCARD, TROY = "4111111111111111", "5421190122090656", "9792030000000000"
DO_NOT_HONOUR, NO_FUNDS = "4000000000000002", "4000000000009995"
THREE_DS, THREE_DS_FAILS = "4000000000003220", "4000000000003238"
GATEWAY_ERROR, NEVER_ANSWERS = "4000000000000119", "4000000000000341"
FUTURE_YEAR = f"{(dt.date.today().year + 3) % 100:02d}"


def order_id() -> str:
    return f"T-{uuid.uuid4().hex[:16]}"


def card(pan: str = VISA, amount: str = "100.50", currency: str = "TRY", order: str | None = None,
         month: str = "04", year: str = FUTURE_YEAR) -> CardPaymentRequest:
    return CardPaymentRequest(order_id=order or order_id(), amount=Decimal(amount), currency=currency,
                              card_holder_name="John Doe", pan=pan, expiry_month=month, expiry_year=year,
                              cvv="916")


def three_ds(pan: str = VISA, amount: str = "100.50", **extra) -> ThreeDSecureRequest:
    base = card(pan, amount).model_dump()
    return ThreeDSecureRequest(**base, success_url="http://127.0.0.1:9/3ds/success",
                               failure_url="http://127.0.0.1:9/3ds/failure", **extra)


def ledger(server):  # type: ignore[no-untyped-def]
    return server.state.extras["ledger"]


class FormReader(HTMLParser):
    """Reads the forms, their fields and the buttons of a page, as a browser would."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self.buttons: dict[str, dict] = {}

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action"), "method": (attrs.get("method") or "GET").upper(),
                               "fields": {}})
        elif tag == "input" and self.forms and attrs.get("name"):
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value", "")
        elif tag == "button":
            self.buttons[attrs.get("id", "")] = attrs
            self._text_of = attrs.get("id", "")

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if getattr(self, "_text_of", None):
            self.buttons[self._text_of]["text"] = data.strip()
            self._text_of = None


def read_forms(page: str) -> FormReader:
    reader = FormReader()
    reader.feed(page)
    return reader


async def answer_challenge(server, html_content: str, button: str) -> dict:  # type: ignore[no-untyped-def]
    """Play the card holder's browser: post htmlContent's form to the bank's ACS page (on another host
    than the gateway, as with a real bank), click ``button`` (which posts back to the gateway), and
    return the auto-posted form (action and fields) the browser would then send to the merchant."""
    start = read_forms(html_content).forms[0]
    assert start["method"] == "POST" and start["action"].startswith(server.acs_url + "/_acs/")
    async with httpx.AsyncClient() as browser:
        page = await browser.post(start["action"], data=start["fields"])
        assert page.status_code == 200
        challenge = read_forms(page.text)
        assert challenge.buttons["approve"]["text"] == "Approve"
        assert challenge.buttons["fail"]["text"] == "Fail"
        assert "411111******1111" in page.text or "******" in page.text
        clicked = challenge.buttons[button]
        form = challenge.forms[0]
        assert form["method"] == "POST" and form["action"].startswith(server.url + "/_3ds/")
        answer = await browser.post(form["action"], data={clicked["name"]: clicked["value"]})
        assert answer.status_code == 200
    return read_forms(answer.text).forms[0]


# --- payments -------------------------------------------------------------------------------------

@pytest.mark.parametrize("pan, scheme, card_type, dom_int", [
    (VISA, "VISA", "CREDIT", "INT"),
    (MASTERCARD, "MASTERCARD", "CREDIT", "DOM"),
    (TROY, "TROY", "DEBIT", "DOM"),
])
async def test_approved_card_answers_a_full_masked_payment_response(sandbox, pan, scheme, card_type, dom_int):
    request = card(pan, amount="100.50")
    async with make_client(sandbox) as client:
        response = await client.pay(request)
    assert response.status is PaymentStatus.SUCCESS
    assert response.order_id == request.order_id
    assert response.amount == Decimal("100.50")
    assert response.pan == pan[:6] + "******" + pan[-4:]
    assert (response.card_scheme, response.card_type, response.dom_int) == (scheme, card_type, dom_int)
    assert response.merchant_commission == Decimal("1.80")  # 1.79% of 100.50 = 1.79895, half-up
    assert len(response.auth_code) == 6
    assert response.external_transaction_id and response.payment_date is not None
    assert (response.result_code, response.result_message) == ("SUCCESS", "Successful")


@pytest.mark.parametrize("pan, code, message", [
    (DO_NOT_HONOUR, "05", "Do not honour"), (NO_FUNDS, "51", "Insufficient funds")])
async def test_declined_cards_answer_failed_with_the_issuer_reason(sandbox, pan, code, message):
    async with make_client(sandbox) as client:
        response = await client.pay(card(pan))
    assert response.status is PaymentStatus.FAILED
    assert (response.result_code, response.result_message) == (code, message)
    assert response.merchant_commission == Decimal("0.00")


@pytest.mark.parametrize("pan", [THREE_DS, THREE_DS_FAILS])
async def test_3ds_card_on_plain_payment_is_enrolled_and_charges_nothing(sandbox, pan):
    request = card(pan)
    async with make_client(sandbox) as client:
        response = await client.pay(request)
        assert response.status is PaymentStatus.ENROLLED
        with pytest.raises(NotFoundError):
            await client.get_transaction(request.order_id)
    assert ledger(sandbox).charges_for(request.order_id) == 0


async def test_gateway_error_card_is_a_server_error_and_leaves_the_order_free(sandbox):
    request = card(GATEWAY_ERROR)
    async with make_client(sandbox) as client:
        with pytest.raises(ServerError):
            await client.pay(request)
        with pytest.raises(NotFoundError):
            await client.get_transaction(request.order_id)


async def test_luhn_invalid_pan_is_refused_on_the_pan_field(sandbox):
    async with make_client(sandbox) as client:
        with pytest.raises(ValidationFailedError) as caught:
            await client.pay(card("4111111111111112"))
    assert caught.value.field == "pan"
    assert "4111111111111112" not in str(caught.value)


async def test_expired_card_names_expiry_year_or_month(fresh_sandbox):
    # Move the clock to mid-March next year so that February of that year is a past month.
    now = fresh_sandbox.state.clock.now()
    march = dt.datetime(now.year + 1, 3, 15, tzinfo=dt.timezone.utc)
    fresh_sandbox.state.clock.advance(march - now)
    this_year = f"{march.year % 100:02d}"
    last_year = f"{(march.year - 1) % 100:02d}"
    async with make_client(fresh_sandbox) as client:
        with pytest.raises(ValidationFailedError) as by_year:
            await client.pay(card(month="12", year=last_year))
        with pytest.raises(ValidationFailedError) as by_month:
            await client.pay(card(month="02", year=this_year))
        still_valid = await client.pay(card(month="03", year=this_year))
    assert by_year.value.field == "expiryYear"
    assert by_month.value.field == "expiryMonth"
    assert still_valid.status is PaymentStatus.SUCCESS


async def test_repeated_order_id_answers_the_original_result_without_charging_twice(fresh_sandbox):
    request = card(VISA)
    async with make_client(fresh_sandbox) as client:
        first = await client.pay(request)
        again = await client.pay(request)
        declined = card(DO_NOT_HONOUR)
        first_decline = await client.pay(declined)
        repeat_decline = await client.pay(declined)
    assert again.payment_id == first.payment_id and again.auth_code == first.auth_code
    assert repeat_decline.status is PaymentStatus.FAILED
    assert repeat_decline.payment_id == first_decline.payment_id
    assert ledger(fresh_sandbox).charges_for(request.order_id) == 1
    assert ledger(fresh_sandbox).charges_for(declined.order_id) == 1


async def test_reused_order_id_with_another_amount_card_or_kind_is_a_conflict(sandbox):
    request = card(VISA, amount="10.00")
    async with make_client(sandbox) as client:
        await client.pay(request)
        for other in (card(VISA, amount="11.00", order=request.order_id),
                      card(MASTERCARD, amount="10.00", order=request.order_id)):
            with pytest.raises(ConflictError) as caught:
                await client.pay(other)
            assert "orderId already used" in str(caught.value)
        with pytest.raises(ConflictError):
            await client.pre_authorize(request)
    assert ledger(sandbox).charges_for(request.order_id) == 1


async def test_never_answering_card_is_outcome_unknown_then_found_approved(fresh_sandbox):
    request = card(NEVER_ANSWERS)
    async with make_client(fresh_sandbox) as client:  # its timeout is half the sandbox's hang (conftest)
        with pytest.raises(OutcomeUnknownError) as caught:
            await client.pay(request)
        assert caught.value.reference == request.order_id
        during = await client.get_transaction(request.order_id)
        assert during.status is TransactionStatus.PENDING
        with anyio.fail_after(fresh_sandbox.config.hang_seconds + 10):
            while (await client.get_transaction(request.order_id)).status is TransactionStatus.PENDING:
                await anyio.sleep(0.2)
        after = await client.get_transaction(request.order_id)
    assert after.status is TransactionStatus.SUCCESS
    assert after.amount == Decimal("100.50")
    assert ledger(fresh_sandbox).charges_for(request.order_id) == 1


# --- pre-authorization and capture -----------------------------------------------------------------

async def test_partial_capture_releases_the_rest_and_only_once(sandbox):
    request = card(VISA, amount="100.00")
    async with make_client(sandbox) as client:
        held = await client.pre_authorize(request)
        assert held.status is PaymentStatus.SUCCESS
        with pytest.raises(ValidationFailedError) as too_much:
            await client.capture(held.payment_id, CaptureRequest(amount=Decimal("100.01"), currency="TRY"))
        with pytest.raises(ValidationFailedError) as wrong_currency:
            await client.capture(held.payment_id, CaptureRequest(amount=Decimal("90.00"), currency="USD"))
        captured = await client.capture(held.payment_id, CaptureRequest(amount=Decimal("90.00"), currency="TRY"))
        with pytest.raises(ConflictError):
            await client.capture(held.payment_id, CaptureRequest(amount=Decimal("10.00"), currency="TRY"))
        detail = await client.get_transaction(request.order_id)
    assert too_much.value.field == "amount"
    assert wrong_currency.value.field == "currency"
    assert captured.status is PaymentStatus.SUCCESS and captured.amount == Decimal("90.00")
    assert captured.payment_id == held.payment_id
    assert detail.type is TransactionType.PROVISION
    assert detail.balance == Decimal("90.00")
    assert [(r.type, r.amount) for r in detail.related_transactions] == [
        (TransactionType.PROVISION_COMMIT, Decimal("90.00"))]


async def test_capture_of_unknown_or_declined_pre_authorization(sandbox):
    async with make_client(sandbox) as client:
        with pytest.raises(NotFoundError):
            await client.capture(uuid.uuid4(), CaptureRequest(amount=Decimal("1.00"), currency="TRY"))
        sale = await client.pay(card(VISA))
        with pytest.raises(NotFoundError):  # a sale is not a pre-authorization
            await client.capture(sale.payment_id, CaptureRequest(amount=Decimal("1.00"), currency="TRY"))
        declined = await client.pre_authorize(card(NO_FUNDS))
        with pytest.raises(ConflictError):
            await client.capture(declined.payment_id, CaptureRequest(amount=Decimal("1.00"), currency="TRY"))


# --- 3-D Secure ------------------------------------------------------------------------------------

async def test_3ds_approve_flow_charges_once_and_completion_is_idempotent(fresh_sandbox):
    request = three_ds(VISA)
    async with make_client(fresh_sandbox) as client:
        enrollment = await client.start_3ds(request)
        assert enrollment.success and enrollment.payment_id
        with pytest.raises(ConflictError):  # the card holder has not answered yet
            await client.complete_3ds(enrollment.payment_id, ThreeDSecureCompleteRequest(security_key="x"))
        posted = await answer_challenge(fresh_sandbox, enrollment.html_content, "approve")
        assert posted["action"] == request.success_url and posted["method"] == "POST"
        assert posted["fields"]["paymentId"] == str(enrollment.payment_id)
        with pytest.raises(ValidationFailedError) as wrong_key:
            await client.complete_3ds(enrollment.payment_id, ThreeDSecureCompleteRequest(security_key="nope"))
        key = ThreeDSecureCompleteRequest(security_key=posted["fields"]["securityKey"])
        done = await client.complete_3ds(enrollment.payment_id, key)
        again = await client.complete_3ds(enrollment.payment_id, key)
    assert wrong_key.value.field == "securityKey"
    assert done.status is PaymentStatus.SUCCESS and done.pan == "411111******1111"
    assert again.payment_id == done.payment_id and again.auth_code == done.auth_code
    assert ledger(fresh_sandbox).charges_for(request.order_id) == 1


@pytest.mark.parametrize("pan, button", [(VISA, "fail"), (THREE_DS_FAILS, "approve"), (THREE_DS_FAILS, "fail")])
async def test_failed_challenge_posts_to_failure_url_and_completes_failed(fresh_sandbox, pan, button):
    request = three_ds(pan)
    async with make_client(fresh_sandbox) as client:
        enrollment = await client.start_3ds(request)
        posted = await answer_challenge(fresh_sandbox, enrollment.html_content, button)
        assert posted["action"] == request.failure_url
        done = await client.complete_3ds(enrollment.payment_id,
                                         ThreeDSecureCompleteRequest(security_key=posted["fields"]["securityKey"]))
        detail = await client.get_transaction(request.order_id)
    assert done.status is PaymentStatus.FAILED and done.result_code == "3DS_FAILED"
    assert detail.status is TransactionStatus.FAILED
    assert ledger(fresh_sandbox).charges_for(request.order_id) == 0


async def test_3ds_installments_with_customer_interest_charge_the_table_total(sandbox):
    request = three_ds(MASTERCARD, amount="1000.00", installment_count=3, interest_paid_by_customer=True)
    async with make_client(sandbox) as client:
        enrollment = await client.start_3ds(request)
        posted = await answer_challenge(sandbox, enrollment.html_content, "approve")
        done = await client.complete_3ds(enrollment.payment_id,
                                         ThreeDSecureCompleteRequest(security_key=posted["fields"]["securityKey"]))
        with pytest.raises(ValidationFailedError) as debit:
            await client.start_3ds(three_ds(TROY, installment_count=2))
    assert done.status is PaymentStatus.SUCCESS
    assert (done.installment_count, done.amount) == (3, Decimal("1035.00"))
    assert debit.value.field == "installmentCount"


async def test_3ds_declining_card_passes_the_challenge_then_is_declined(sandbox):
    request = three_ds(NO_FUNDS)
    async with make_client(sandbox) as client:
        enrollment = await client.start_3ds(request)
        posted = await answer_challenge(sandbox, enrollment.html_content, "approve")
        assert posted["action"] == request.success_url
        done = await client.complete_3ds(enrollment.payment_id,
                                         ThreeDSecureCompleteRequest(security_key=posted["fields"]["securityKey"]))
    assert done.status is PaymentStatus.FAILED and done.result_code == "51"


# --- installment options --------------------------------------------------------------------------

async def test_installment_options_follow_the_documented_table(sandbox):
    async with make_client(sandbox) as client:
        with_interest = await client.installment_options(InstallmentOptionsRequest(
            amount=Decimal("100.00"), currency="TRY", pan=MASTERCARD, max_installment_count=12,
            interest_paid_by_customer=True))
        merchant_pays = await client.installment_options(InstallmentOptionsRequest(
            amount=Decimal("100.00"), currency="TRY", pan=VISA, max_installment_count=4))
        debit = await client.installment_options(InstallmentOptionsRequest(
            amount=Decimal("100.00"), currency="TRY", pan=TROY, max_installment_count=6))
        with pytest.raises(ValidationFailedError) as bad_pan:
            await client.installment_options(InstallmentOptionsRequest(
                amount=Decimal("100.00"), currency="TRY", pan="4111111111111112"))
    assert [o.installment_count for o in with_interest.options] == list(range(1, 13))
    seven = with_interest.options[6]
    assert seven.interest_amount == Decimal("9.50") and seven.total_amount == Decimal("109.50")
    assert seven.installment_amount == Decimal("15.64")  # rounded down; the first carries the 0.02 left
    for row in with_interest.options:
        remainder = row.total_amount - row.installment_amount * row.installment_count
        assert Decimal("0") <= remainder < Decimal("0.01") * row.installment_count
    assert all(o.interest_amount == 0 and o.total_amount == Decimal("100.00") for o in merchant_pays.options)
    assert len(merchant_pays.options) == 4
    assert [o.installment_count for o in debit.options] == [1]
    assert bad_pan.value.field == "pan"


# --- checkout links --------------------------------------------------------------------------------

class CallbackRecorder:
    """A merchant's callback endpoint on loopback that remembers the form bodies posted to it."""

    def __init__(self) -> None:
        self.bodies: list[str] = []
        self.received = threading.Event()
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # type: ignore[no-untyped-def]
                length = int(self.headers.get("Content-Length", 0))
                recorder.bodies.append(self.rfile.read(length).decode())
                self.send_response(200)
                self.end_headers()
                recorder.received.set()

            def log_message(self, *args):  # type: ignore[no-untyped-def]
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/payment-callback"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


async def test_checkout_link_paid_on_the_hosted_page_calls_back_and_reads_success(fresh_sandbox):
    recorder = CallbackRecorder()
    try:
        request = CheckoutRequest(order_id=order_id(), amount=Decimal("250.00"), currency="TRY",
                                  description="Product purchase", callback=recorder.url, max_installment_count=3)
        async with make_client(fresh_sandbox) as client:
            link = await client.create_checkout(request)
            same = await client.create_checkout(request)
            assert same.checkout_id == link.checkout_id
            assert link.redirect_url == f"{fresh_sandbox.url}/checkout-link/{link.checkout_id}"
            before = await client.get_checkout(link.checkout_id)
            assert before.status is PaymentStatus.PENDING
            assert (before.order_id, before.amount, before.currency) == (request.order_id, Decimal("250.00"), "TRY")
            async with httpx.AsyncClient() as browser:
                page = await browser.get(link.redirect_url)
                assert "250.00 TRY" in page.text and "Product purchase" in page.text
                form = read_forms(page.text).forms[0]
                typo = await browser.post(fresh_sandbox.url + form["action"], data={
                    "cardHolderName": "Jane Doe", "pan": "4111111111111112", "expiry": f"04/{FUTURE_YEAR}",
                    "cvv": "123"})
                assert typo.status_code == 400 and "check digit" in typo.text
                paid = await browser.post(fresh_sandbox.url + form["action"], data={
                    "cardHolderName": "Jane Doe", "pan": VISA, "expiry": f"04/{FUTURE_YEAR}", "cvv": "123",
                    "installmentCount": "1"})
                assert "Payment approved" in paid.text and VISA not in paid.text
                twice = await browser.post(fresh_sandbox.url + form["action"], data={
                    "cardHolderName": "Jane Doe", "pan": VISA, "expiry": f"04/{FUTURE_YEAR}", "cvv": "123"})
                assert "Payment approved" in twice.text
            after = await client.get_checkout(link.checkout_id)
            with pytest.raises(ConflictError):
                await client.create_checkout(request.model_copy(update={"amount": Decimal("1.00")}))
        assert await anyio.to_thread.run_sync(recorder.received.wait, 10)
        assert recorder.bodies == [f"checkoutId={link.checkout_id}"]
        assert after.status is PaymentStatus.SUCCESS and after.pan == "411111******1111"
        assert ledger(fresh_sandbox).charges_for(request.order_id) == 1
    finally:
        recorder.close()


async def test_checkout_unknown_id_and_declined_card(sandbox):
    async with make_client(sandbox) as client:
        with pytest.raises(NotFoundError):
            await client.get_checkout(uuid.uuid4())
        link = await client.create_checkout(CheckoutRequest(order_id=order_id(), amount=Decimal("5.00"),
                                                            currency="TRY"))
        async with httpx.AsyncClient() as browser:
            page = await browser.post(link.redirect_url, data={
                "cardHolderName": "Jane Doe", "pan": DO_NOT_HONOUR, "expiry": f"04/{FUTURE_YEAR}", "cvv": "123"})
        assert "Payment declined" in page.text and "Do not honour" in page.text
        result = await client.get_checkout(link.checkout_id)
    assert result.status is PaymentStatus.FAILED and result.result_code == "05"


# --- authentication and rate limits ----------------------------------------------------------------

async def test_missing_or_wrong_credentials_are_401(sandbox):
    wrong = KlogsClient(Endpoints.same(sandbox.url), Credentials("sandbox-key", "wrong", "x"), timeout=2)
    async with wrong:
        with pytest.raises(AuthenticationError):
            await wrong.pay(card(VISA))
    async with httpx.AsyncClient(base_url=sandbox.url) as raw:
        bare = await raw.post("/api/payment", content=card(VISA).to_json(),
                              headers={"Content-Type": "application/json"})
    assert bare.status_code == 401
    assert bare.headers["content-type"] == "application/problem+json"


async def test_rate_limit_answers_429_with_retry_after(fresh_sandbox):
    fresh_sandbox.config.rate_limit_per_minute = 2
    async with make_client(fresh_sandbox) as client:
        await client.pay(card(VISA))
        await client.pay(card(VISA))
        with pytest.raises(RateLimitedError) as caught:
            await client.pay(card(VISA))
    assert caught.value.retry_after and caught.value.retry_after > 0
    assert ledger(fresh_sandbox).charge_counts().__len__() == 2


async def test_the_bank_page_is_on_another_host_than_the_gateway_and_each_serves_only_its_own(fresh_sandbox):
    """As with a real bank: the ACS page has a host of its own (127.0.0.2, or localhost where that
    address cannot be bound), the gateway does not serve it, and the bank's host serves no API."""
    gateway, bank = httpx.URL(fresh_sandbox.url), httpx.URL(fresh_sandbox.acs_url)
    assert bank.host != gateway.host and bank.host in ("127.0.0.2", "localhost")
    async with make_client(fresh_sandbox) as client:
        enrollment = await client.start_3ds(three_ds(VISA))
    acs_page = f"/_acs/{enrollment.payment_id}"
    async with httpx.AsyncClient() as browser:
        assert (await browser.post(fresh_sandbox.acs_url + acs_page)).status_code == 200
        assert (await browser.get(fresh_sandbox.acs_url + acs_page)).status_code == 200
        assert (await browser.post(fresh_sandbox.url + acs_page)).status_code == 404
        on_bank = await browser.post(fresh_sandbox.acs_url + "/api/3ds", json={},
                                     headers={"X-API-KEY": "sandbox-key", "X-API-SECRET": "sandbox-secret"})
        assert on_bank.status_code == 404
        return_on_bank = await browser.post(f"{fresh_sandbox.acs_url}/_3ds/{enrollment.payment_id}/acs-return",
                                            data={"decision": "approve"})
        assert return_on_bank.status_code == 404
        unknown = await browser.post(fresh_sandbox.acs_url + "/_acs/00000000-0000-0000-0000-000000000000")
        assert unknown.status_code == 404 and "Unknown payment" in unknown.text


async def test_where_127_0_0_2_cannot_be_bound_the_bank_page_is_on_localhost(monkeypatch):
    """macOS has only 127.0.0.1 on its loopback interface: the bank's page then listens on another port
    of 127.0.0.1 and is addressed as localhost, still another host than the gateway's 127.0.0.1."""
    from klogs_desk.sandbox import hosts
    from klogs_desk.sandbox.server import SandboxServer
    from klogs_desk.sandbox.state import SandboxConfig

    monkeypatch.setattr(hosts, "ACS_ADDRESS", "192.0.2.1")  # not ours: binding fails, nothing is sent
    with SandboxServer(SandboxConfig(testing=True)) as server:
        assert server.acs_url.startswith("http://localhost:") and server.url.startswith("http://127.0.0.1:")
        request = three_ds(VISA)
        async with make_client(server) as client:
            enrollment = await client.start_3ds(request)
            posted = await answer_challenge(server, enrollment.html_content, "approve")
            done = await client.complete_3ds(enrollment.payment_id,
                                             ThreeDSecureCompleteRequest(security_key=posted["fields"]["securityKey"]))
    assert posted["action"] == request.success_url
    assert done.status is PaymentStatus.SUCCESS
