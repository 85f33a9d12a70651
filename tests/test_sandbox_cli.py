"""``klogs-sandbox`` as a trainer runs it: a separate process started from the console script.

The test reads the URL and the credentials from what the command prints (as a person would), replays
one docs example of each API against it — the payment of payment-gateway.md with ``X-API-KEY`` /
``X-API-SECRET`` and the ``POST /owner`` of recurring-owner.md with a Bearer token — and then stops it
the way a service manager does (SIGTERM), expecting a clean exit status 0 and the port released.
"""

from __future__ import annotations

import datetime as dt
import json
import queue
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

CONSOLE_SCRIPT = Path(sys.executable).with_name("klogs-sandbox")
#: Generous bounds so a loaded CI machine does not fail the test; a hang still fails it.
START_TIMEOUT = 30.0
EXIT_TIMEOUT = 10.0

URL_LINE = re.compile(r"listening on (?P<url>http://127\.0\.0\.1:\d+)")
KEY_LINE = re.compile(r"X-API-KEY: (?P<key>\S+)\s+X-API-SECRET: (?P<secret>\S+)")
BEARER_LINE = re.compile(r"Authorization: Bearer (?P<token>\S+)")

# payment-gateway.md's example values; the expiry year is moved forward so the card never expires.
EXPIRY_YEAR = f"{(dt.date.today().year + 3) % 100:02d}"
PAYMENT_BODY = ('{"orderId": "ORD-12345", "amount": 100.50, "currency": "TRY", "cardHolderName": "John Doe", '
                '"pan": "5421190122090656", "expiryMonth": "04", "expiryYear": "' + EXPIRY_YEAR + '", '
                '"cvv": "916", "requestIp": "192.168.1.1", "requestPort": 8080, "customerId": "CUST-12345"}')
# recurring-owner.md's cURL body, byte for byte.
OWNER_BODY = '{\n    "phone": "+905551234567"\n  }'


class RunningSandbox:
    """The subprocess plus what it printed (read on a thread so a silent process cannot hang the test)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.printed: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def read_banner(self) -> dict[str, str]:
        """Wait for the URL and credential lines; return url, key, secret and token."""
        found: dict[str, str] = {}
        while not {"url", "key", "secret", "token"} <= set(found):
            try:
                line = self.lines.get(timeout=START_TIMEOUT)
            except queue.Empty:
                pytest.fail(f"klogs-sandbox printed no URL within {START_TIMEOUT} s: {self.printed}")
            if line is None:
                pytest.fail(f"klogs-sandbox exited ({self.process.wait()}) before printing its URL: "
                            f"{self.printed}")
            self.printed.append(line)
            for pattern in (URL_LINE, KEY_LINE, BEARER_LINE):
                match = pattern.search(line)
                if match:
                    found.update(match.groupdict())
        return found


@pytest.fixture
def running_sandbox():
    assert CONSOLE_SCRIPT.exists(), f"the console script is not installed next to {sys.executable}"
    process = subprocess.Popen([str(CONSOLE_SCRIPT), "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        yield RunningSandbox(process)
    finally:
        if process.poll() is None:  # the test failed before stopping it
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_console_script_serves_both_apis_and_stops_cleanly_on_sigterm(running_sandbox):
    banner = running_sandbox.read_banner()
    url = banner["url"]
    assert not url.endswith(":0"), "--port 0 must print the port actually bound"

    payment = httpx.post(url + "/api/payment", content=PAYMENT_BODY.encode(), timeout=10,
                         headers={"Content-Type": "application/json", "X-API-KEY": banner["key"],
                                  "X-API-SECRET": banner["secret"]})
    assert payment.status_code == 200, payment.text
    answer = payment.json()
    assert answer["status"] == "SUCCESS" and answer["orderId"] == "ORD-12345"
    assert b'"amount":100.50' in payment.content  # the exact decimal, as sent
    assert answer["pan"] == "542119******0656"

    owner = httpx.post(url + "/owner", content=OWNER_BODY.encode(), timeout=10,
                       headers={"Authorization": f"Bearer {banner['token']}", "Content-Type": "application/json"})
    assert owner.status_code == 200, owner.text
    assert owner.json()["success"] is True

    # Each API refuses the other's credentials: the two auth schemes are really checked by the process.
    wrong = httpx.post(url + "/owner", content=OWNER_BODY.encode(), timeout=10,
                       headers={"X-API-KEY": banner["key"], "X-API-SECRET": banner["secret"],
                                "Content-Type": "application/json"})
    assert wrong.status_code == 401

    running_sandbox.process.send_signal(signal.SIGTERM)
    try:
        status = running_sandbox.process.wait(timeout=EXIT_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"klogs-sandbox did not exit within {EXIT_TIMEOUT} s of SIGTERM")
    errors = running_sandbox.process.stderr.read() if running_sandbox.process.stderr else ""
    assert status == 0, errors
    assert "Traceback" not in errors
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/openapi.json", timeout=5)


def test_the_docs_still_hold_the_examples_replayed_here():
    """If the docs change, this test says so instead of replaying stale examples."""
    docs = Path("/work/shared/klogs-api")
    gateway = (docs / "payment-gateway.md").read_text(encoding="utf-8")
    assert "curl -X POST https://api.example.com/api/payment" in gateway
    for field, value in (("orderId", "ORD-12345"), ("amount", "100.50"), ("pan", "5421190122090656"),
                         ("cvv", "916"), ("customerId", "CUST-12345")):
        assert re.search(rf"\| {field} \|.*\| {re.escape(value)} \|", gateway), field
    owner = (docs / "recurring-owner.md").read_text(encoding="utf-8")
    assert "-d '" + OWNER_BODY + "'" in owner
    assert json.loads(OWNER_BODY) == {"phone": "+905551234567"}
