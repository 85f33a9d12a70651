"""The sandbox's OpenAPI document: every operation says how it authenticates (API key and secret headers or
Klogs' signed requests for the payment gateway, a Bearer token for the registered-payment API), and the
docs' examples sit in the request and response schemas, valid against them.

The examples in the document (``klogs_desk.sandbox.doc_examples``) are a copy: the shipped sandbox cannot
read the docs. :func:`docs_examples` extracts them again from /work/shared/klogs-api with the same readers as
tests/api/test_doc_examples.py, so a change to the docs fails here until the copy is regenerated.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import jsonschema_rs
import pytest

from klogs_desk.sandbox import doc_examples
from klogs_desk.sandbox.app import create_app
from klogs_desk.sandbox.state import SandboxConfig
from tests.api import test_doc_examples as docs

DOCUMENT = create_app(SandboxConfig()).openapi()
OPERATIONS = [(method.upper(), path, operation) for path, operations in DOCUMENT["paths"].items()
              for method, operation in operations.items()]
PAYMENT_GATEWAY = [{"apiKey": [], "apiSecret": []},
                   {"apiKey": [], "klogsRnd": [], "klogsTimestamp": [], "klogsSignature": []}]
RECURRING = [{"bearer": []}]
#: Posted by the card owner's browser from the hosted save-card page (card_storage.py), which holds no
#: merchant credential: no security, said explicitly.
PUBLIC = {"POST /api/return/webhook/complete-cardstorage/{type}/{token}"}


def _plain(value: Any) -> Any:
    """JSON as the document serves it (a Decimal example is a JSON number)."""
    return json.loads(json.dumps(value, default=lambda v: float(v) if isinstance(v, Decimal) else str(v)))


def docs_examples() -> dict[str, dict[str, Any]]:
    """The docs' example per operation: ``{"POST /api/payment": {"request": ..., "response": ...}}``."""
    tables = {(i, t.endpoint): t.build() for i, t in enumerate(docs.PAYMENT_TABLES)}
    table = [example for (_, _), example in sorted(tables.items())]
    payment_response = table[1]
    text = docs._read("payment-gateway.md")
    installment_options = docs.wire.loads(docs._balanced_object(text, text.index('{\n"options"')))
    void, refund, succeeded, _failed = docs._inline_json(docs._read("transactions.md"))

    def recurring(source: str, *keys: str, without: tuple[str, ...] = ()) -> dict[str, Any]:
        return next(e.data for e in docs.json_examples(source)
                    if e.kind == "json" and set(keys) <= set(e.data) and not set(without) & set(e.data))

    subscriptions = "recurring-subscriptions.md"
    update = recurring(subscriptions, "amount", "frequency", without=("reference", "firstPaymentTime"))
    updated = recurring(subscriptions, "success", without=("orderStatus",))
    return {
        "POST /api/payment": {"request": table[0], "response": payment_response},
        "POST /api/pre-authorization": {"request": table[2], "response": payment_response},
        "POST /api/pre-authorization/{paymentId}/capture": {"request": table[3], "response": payment_response},
        "POST /api/3ds": {"request": table[4], "response": table[5]},
        "POST /api/3ds/{paymentId}/complete": {"request": table[7], "response": payment_response},
        "POST /api/installment-options": {"request": table[8], "response": installment_options},
        "POST /api/checkout": {"request": table[10], "response": table[11]},
        "GET /api/checkout/{checkoutId}": {"response": payment_response},
        "POST /api/trx/void": {"request": void, "response": succeeded},
        "POST /api/trx/refund": {"request": refund, "response": succeeded},
        "POST /owner": {"request": recurring("recurring-owner.md", "phone"),
                        "response": recurring("recurring-owner.md", "success")},
        "POST /paymentOrder": {"request": recurring("recurring-payment-order.md", "paymentTime"),
                               "response": recurring("recurring-payment-order.md", "orderStatus")},
        "POST /recurring": {"request": recurring(subscriptions, "reference", "firstPaymentTime"),
                            "response": recurring(subscriptions, "orderStatus"),
                            "400": recurring(subscriptions, "title", "status")},
        "GET /recurring": {"response": recurring(subscriptions, "currentPage")},
        "PUT /recurring/{id}": {"request": update, "response": updated},
        "PUT /recurring/subscription/{subscription}": {"request": update, "response": updated},
    }


def test_the_documents_examples_are_the_docs_examples():
    assert _plain(doc_examples.EXAMPLES) == _plain(docs_examples()), \
        "the docs changed: regenerate klogs_desk/sandbox/doc_examples.py (see its docstring)"


@pytest.mark.parametrize("method, path, operation", OPERATIONS, ids=[f"{m} {p}" for m, p, _ in OPERATIONS])
def test_every_operation_declares_how_it_authenticates(method, path, operation):
    if f"{method} {path}" in PUBLIC:
        assert operation["security"] == []
        return
    expected = RECURRING if not path.startswith("/api/") else PAYMENT_GATEWAY
    assert operation["security"] == expected
    assert operation["responses"]["401"], "a refused credential is documented"
    assert "429" in operation["responses"], "the rate limit is documented"


def test_the_security_schemes_are_the_documented_headers():
    schemes = DOCUMENT["components"]["securitySchemes"]
    headers = {name: (s.get("in"), s.get("name")) for name, s in schemes.items() if s["type"] == "apiKey"}
    assert headers == {"apiKey": ("header", "X-API-KEY"), "apiSecret": ("header", "X-API-SECRET"),
                       "klogsRnd": ("header", "X-Klogs-Rnd"), "klogsTimestamp": ("header", "X-Klogs-Timestamp"),
                       "klogsSignature": ("header", "X-Klogs-Signature")}
    assert schemes["bearer"] == {**schemes["bearer"], "type": "http", "scheme": "bearer"}
    used = {name for _, _, op in OPERATIONS for requirement in op["security"] for name in requirement}
    assert used == set(schemes)


def _resolved(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with the document's components alongside, so its ``$ref``s resolve."""
    return {**schema, "components": DOCUMENT["components"]}


def _examples() -> list[tuple[str, str, Any, dict[str, Any]]]:
    found = []
    for method, path, operation in OPERATIONS:
        body = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if body and "example" in body:
            found.append((f"{method} {path}", "request", body["example"], body["schema"]))
        for status, response in operation["responses"].items():
            for media in response.get("content", {}).values():
                if "example" in media:
                    found.append((f"{method} {path}", status, media["example"], media["schema"]))
    return found


EXAMPLES = _examples()


def test_every_docs_example_is_in_the_document():
    placed = {(operation, "request" if where == "request" else ("response" if where == "200" else where))
              for operation, where, _, _ in EXAMPLES}
    wanted = {(operation, where) for operation, examples in doc_examples.EXAMPLES.items() for where in examples}
    assert placed == wanted


@pytest.mark.parametrize("operation, where, example, schema", EXAMPLES, ids=[f"{o} {w}" for o, w, _, _ in EXAMPLES])
def test_each_example_is_valid_against_its_schema(operation, where, example, schema):
    validator = jsonschema_rs.validator_for(_resolved(schema))
    errors = [f"{'/'.join(map(str, e.instance_path))}: {e.message}" for e in validator.iter_errors(example)]
    assert errors == []


def test_the_served_document_is_this_one(fresh_sandbox):
    served = httpx.get(f"{fresh_sandbox.url}/openapi.json").json()
    assert served["components"]["securitySchemes"] == DOCUMENT["components"]["securitySchemes"]
    assert served["paths"]["/api/payment"]["post"]["requestBody"]["content"]["application/json"]["example"] \
        == _plain(doc_examples.EXAMPLES["POST /api/payment"]["request"])
