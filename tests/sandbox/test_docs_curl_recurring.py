"""The docs' cURL examples (recurring-*.md), replayed against the sandbox: same method, path, headers, body.

The commands are read from the markdown at test time, never copied here. Each is sent to the sandbox's
URL with the docs' path, the docs' headers (``YOUR_API_KEY`` replaced by the sandbox token) and the
docs' body text, byte for byte, and the answer is checked against the docs' response example.

Two things in the examples cannot succeed as written, and the replay shows the sandbox says why:

* **Dates**: the examples were written for early 2026 (``2026-03-01``), in the past on 2026-11-26, and
  the docs say payment times must be in the future. The sandbox clock only moves forward, so the body
  is first sent as written (400 naming the date field), then again with every date moved forward by the
  same whole number of years until the first one is in the future (month, day and time kept:
  ``2026-03-01T00:00:00Z`` becomes ``2027-03-01T00:00:00Z``).
* **The Quick Start's ``cardId``** is the placeholder ``"CARD_UUID"``: 400 naming
  ``ownerDescription.cardId``; the replay then uses the uuid every other example uses.

The commands run in the docs' order (owner first), on a sandbox of their own, so the docs' references
(``SUB-2026-001``, ``ORDER-2026-001``) are free.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

DOCS = Path("/work/shared/klogs-api")
DOCS_FILES = ("recurring-overview.md", "recurring-owner.md", "recurring-payment-order.md",
              "recurring-subscriptions.md")
EXAMPLE_CARD_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
CURL = re.compile(r"curl -X (?P<method>[A-Z]+) (?P<url>\S+)(?P<options>.*?)-d '(?P<body>[^']*)'", re.DOTALL)
HEADER = re.compile(r'-H "(?P<name>[^:"]+):\s*(?P<value>[^"]*)"')
DATE = re.compile(r'"(?P<field>\w+Time)": "(?P<value>\d{4}-\d\d-\d\dT[\d:]+Z)"')
#: The operation-result fields of the docs' create responses.
RESULT_FIELDS = {"success": bool, "error": type(None), "shouldBeOwnerConfirmation": bool, "ownerId": str,
                 "orderStatus": str}


def curl_commands() -> list[tuple[str, str, str, dict[str, str], str]]:
    """``(file, method, path, headers, body)`` of every cURL example with a body, in the docs' order."""
    commands = []
    for name in DOCS_FILES:
        for match in CURL.finditer((DOCS / name).read_text(encoding="utf-8")):
            headers = {h["name"]: h["value"] for h in HEADER.finditer(match["options"])}
            commands.append((name, match["method"], urlsplit(match["url"]).path, headers, match["body"]))
    return commands


def sandbox_headers(headers: dict[str, str], token: str) -> dict[str, str]:
    return {name: value.replace("YOUR_API_KEY", token) for name, value in headers.items()}


def moved_into_future(body: str, now: dt.datetime) -> str:
    """``body`` with every ``...Time`` date moved by the whole years that put the first one after ``now``."""
    dates = [dt.datetime.fromisoformat(m["value"].replace("Z", "+00:00")) for m in DATE.finditer(body)]
    if not dates:
        return body
    years = 0
    while dates[0].replace(year=dates[0].year + years) <= now:
        years += 1

    def move(match: re.Match[str]) -> str:
        value = dt.datetime.fromisoformat(match["value"].replace("Z", "+00:00"))
        return f'"{match["field"]}": "{value.replace(year=value.year + years).strftime("%Y-%m-%dT%H:%M:%SZ")}"'

    return DATE.sub(move, body)


def test_the_docs_have_the_curl_examples_this_replay_expects():
    paths = [(name, method, path) for name, method, path, _, _ in curl_commands()]
    assert ("recurring-owner.md", "POST", "/owner") in paths
    assert ("recurring-payment-order.md", "POST", "/paymentOrder") in paths
    assert ("recurring-subscriptions.md", "POST", "/recurring") in paths
    assert ("recurring-overview.md", "POST", "/recurring") in paths


def test_replaying_every_curl_example(fresh_sandbox):
    server = fresh_sandbox
    token = server.config.bearer_token
    with httpx.Client(base_url=server.url) as http:
        for name, method, path, headers, body in curl_commands():
            send = sandbox_headers(headers, token)
            as_written = http.request(method, path, headers=send, content=body.encode())
            expected_fields: set[str] = set()
            if DATE.search(body) and moved_into_future(body, server.state.clock.now()) != body:
                assert as_written.status_code == 400, (name, as_written.text)
                assert set(as_written.json()["errors"]) >= {m["field"] for m in DATE.finditer(body)
                                                            if m["field"] in ("firstPaymentTime", "paymentTime")}
                body = moved_into_future(body, server.state.clock.now())
                answer = http.request(method, path, headers=send, content=body.encode())
            else:
                answer = as_written
            if '"CARD_UUID"' in body:
                assert answer.status_code == 400
                assert "ownerDescription.cardId" in answer.json()["errors"]
                answer = http.request(method, path, headers=send,
                                      content=body.replace('"CARD_UUID"', f'"{EXAMPLE_CARD_ID}"').encode())
            assert answer.status_code == 200, (name, path, answer.text)
            result = answer.json()
            assert result["success"] is True
            if path != "/owner":
                expected_fields = set(RESULT_FIELDS)
            for field in expected_fields:
                assert isinstance(result[field], RESULT_FIELDS[field]), (field, result)
            assert result.get("orderStatus", "active") in ("active", "waitForOwnerConfirmation")
            if result.get("orderStatus") == "waitForOwnerConfirmation":
                assert result["shouldBeOwnerConfirmation"] is True


def test_list_examples_answer_the_documented_paged_shape(fresh_sandbox):
    server = fresh_sandbox
    auth = {"Authorization": f"Bearer {server.config.bearer_token}"}
    docs = (DOCS / "recurring-subscriptions.md").read_text(encoding="utf-8")
    example_query = re.search(r"GET (/recurring\?\S+)", docs)[1]
    documented = json.loads(docs[docs.index('{\n  "currentPage"'):docs.index("✏️")].rsplit("}", 1)[0] + "}")
    with httpx.Client(base_url=server.url) as http:
        httpx.post(f"{server.url}/_sandbox/seed/subscriptions", json={"count": 12})
        for query in (example_query, "/recurring?Page=1&PageSize=10"):  # the HTTP and the JavaScript examples
            page = http.get(query, headers=auth).json()
            assert set(page) == set(documented)
            assert (page["currentPage"], page["totalCount"], page["pageCount"]) == (1, 12, 2)
            assert (page["hasNext"], page["hasPrevious"], page["pages"]) == (True, False, [1, 2])
            assert len(page["list"]) == 10
            assert set(page["list"][0]) >= set(documented["list"][0])
        newest_first = http.get(example_query, headers=auth).json()["list"]
    created = [item["createdAtUtc"] for item in newest_first]
    assert created == sorted(created, reverse=True)


def test_update_example_by_subscription_id(fresh_sandbox):
    """The C# example: PUT /recurring/subscription/SUB-2026-001 {amount, currencyCode, status}."""
    server = fresh_sandbox
    auth = {"Authorization": f"Bearer {server.config.bearer_token}", "Content-Type": "application/json"}
    _, method, path, headers, body = next(c for c in curl_commands()
                                          if c[0] == "recurring-subscriptions.md" and c[2] == "/recurring")
    with httpx.Client(base_url=server.url) as http:
        created = http.request(method, path, headers=sandbox_headers(headers, server.config.bearer_token),
                               content=moved_into_future(body, server.state.clock.now()).encode())
        assert created.status_code == 200
        answer = http.put("/recurring/subscription/SUB-2026-001", headers=auth,
                          content=b'{"amount": 119.90, "currencyCode": "TRY", "status": "active"}')
        listed = http.get("/recurring?Subscription=SUB-2026-001", headers=auth).text
    assert answer.status_code == 200 and answer.json()["success"] is True
    assert '"amount":119.90' in listed  # exact decimal, as sent


@pytest.mark.parametrize("token, status", [("sandbox-readonly-token", 403), ("YOUR_API_KEY", 401)])
def test_forbidden_and_unauthorized_answers_have_the_documented_problem_shape(fresh_sandbox, token, status):
    _, method, path, headers, body = next(c for c in curl_commands() if c[2] == "/recurring")
    answer = httpx.request(method, f"{fresh_sandbox.url}{path}", headers=sandbox_headers(headers, token),
                           content=moved_into_future(body, fresh_sandbox.state.clock.now()).encode())
    problem = answer.json()
    assert answer.status_code == status
    assert answer.headers["content-type"] == "application/problem+json"
    assert {"type", "title", "status", "detail", "instance"} <= set(problem)
    assert (problem["status"], problem["instance"]) == (status, "/recurring")
    if status == 403:
        assert (problem["title"], problem["detail"]) == ("Forbidden", "Insufficient permissions")
        assert problem["type"] == "https://tools.ietf.org/html/rfc7231#section-6.5.3"
