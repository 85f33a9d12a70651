"""A client that hangs up before its request body has arrived (a terminal quitting mid-sale on a busy machine):
the sandbox does nothing with it, logs no traceback, and goes on serving."""

from __future__ import annotations

import logging
import socket
import time
from urllib.parse import urlsplit

import httpx

from klogs_desk.sandbox.ledger import ledger_of


def test_a_client_gone_before_its_body_arrived_leaves_no_traceback_and_no_charge(fresh_sandbox, caplog):
    caplog.set_level(logging.DEBUG)
    url = urlsplit(fresh_sandbox.url)
    head = (f"POST /api/payment HTTP/1.1\r\nHost: {url.netloc}\r\nContent-Type: application/json\r\n"
            "X-API-KEY: sandbox-key\r\nX-API-SECRET: sandbox-secret\r\nContent-Length: 400\r\n\r\n")
    with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
        sock.sendall(head.encode() + b'{"orderId": "GONE-1", "amount": 1')  # 400 bytes promised, 34 sent
    # The server reading the rest of the body notices the hang-up: it says so (or, as before, logs a traceback).
    deadline = time.monotonic() + 30
    while not any("went away" in r.getMessage() or r.exc_info for r in caplog.records) and time.monotonic() < deadline:
        time.sleep(0.01)
    with httpx.Client(base_url=fresh_sandbox.url, timeout=10) as admin:
        assert admin.get("/_sandbox/ledger").status_code == 200  # and goes on serving
    assert ledger_of(fresh_sandbox.app.state.sandbox).charges_for("GONE-1") == 0
    tracebacks = [r.getMessage() for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]
    assert tracebacks == []
