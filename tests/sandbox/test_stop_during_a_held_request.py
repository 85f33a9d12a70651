"""The sandbox stopping while it holds a request (the never-answering card's, as when the terminal quits in
the middle of such a sale in training mode): the request is dropped quietly, with no traceback in the log
that would read as a fault of ours."""

from __future__ import annotations

import logging
import threading
import time
from decimal import Decimal

import httpx

from klogs_desk.api.models import CardPaymentRequest
from klogs_desk.sandbox.ledger import ledger_of
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig

NEVER_ANSWERS = "4000000000000341"


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_stopping_while_a_payment_is_held_logs_no_traceback():
    server = SandboxServer(SandboxConfig(testing=True, hang_seconds=60)).start()
    # uvicorn's loggers do not propagate to the root logger (pytest's caplog), and building a server
    # configures them afresh: listen to its error log itself, from here.
    records = _Records()
    logging.getLogger("uvicorn.error").addHandler(records)
    body = CardPaymentRequest(order_id="HELD-AT-STOP-1", amount=Decimal("10.00"), currency="TRY",
                              card_holder_name="John Doe", pan=NEVER_ANSWERS, expiry_month="04",
                              expiry_year="39", cvv="916").model_dump(mode="json", by_alias=True)
    answers: list[object] = []

    def pay() -> None:
        try:
            with httpx.Client(base_url=server.url, timeout=30) as client:
                answers.append(client.post("/api/payment", json=body, headers={"X-API-KEY": "sandbox-key",
                                                                               "X-API-SECRET": "sandbox-secret"}))
        except httpx.HTTPError as error:
            answers.append(error)

    payer = threading.Thread(target=pay)
    payer.start()
    ledger = ledger_of(server.app.state.sandbox)
    deadline = time.monotonic() + 30
    while ledger.charges_for("HELD-AT-STOP-1") == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert ledger.charges_for("HELD-AT-STOP-1") == 1  # the request is held at the pretend issuer
    server.stop()  # its graceful-shutdown second runs out: uvicorn cancels the held request
    payer.join(timeout=30)
    assert answers, "the paying client never heard back"
    assert not isinstance(answers[0], httpx.Response) or answers[0].status_code >= 500  # never an approval
    logging.getLogger("uvicorn.error").removeHandler(records)
    tracebacks = [r.getMessage() for r in records.records if r.exc_info]
    assert tracebacks == []
