"""Every example in the Klogs API docs (/work/shared/klogs-api/*.md) parses with the matching model.

The examples are read from the markdown files at test time, never copied here, so a change to the docs
is caught:

* recurring-*.md carry real JSON: blocks introduced by a ``json`` line and the ``curl -d '{...}'``
  bodies. Each is parsed with the model its keys identify; an example no rule recognises fails the test.
* payment-gateway.md writes each object as a schema block of type placeholders (``"amount": "number"``)
  followed by a ``| Field | Description | Example |`` table. The example object is built from the table's
  Example column, typed by the schema's placeholder, and parsed. The installment-options response is
  real JSON and is parsed as it is. (The curl line ``-d '{"orderId": "ORD-12345", ...}'`` is elided in
  the docs and is not an example.)
* transactions.md lists field names and inline bodies (``{"referenceCode": ...}``): the inline bodies
  are parsed, and every listed field and enum value must be one the models know.

Dates: the examples were written for early 2026 (``2026-03-01``), which is in the past on 2026-11-26,
and request models refuse past payment times. They are therefore validated with
``context={"now": datetime(2026, 1, 1, tzinfo=UTC)}``, i.e. as on the day the docs were written.

Fragments: the overview's "Scenario" snippets carry neither ``ownerDescription`` nor a payment time.
They are completed with the Quick Start's owner and, for the subscriptions, with the Quick Start's
``firstPaymentTime`` before parsing. The Quick Start's ``cardId`` is the placeholder ``"CARD_UUID"``
(not a uuid); it is replaced by the uuid the other examples use.

Because the models ignore unknown fields (so a gateway upgrade never breaks the terminal), each test
also checks that every documented field survives the parse: a misspelt model field would otherwise
drop the value silently.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pydantic
import pytest

from klogs_desk.api.client import _status_error
from klogs_desk.api.errors import ConflictError
from klogs_desk.api.models import (
    CaptureRequest,
    CardPaymentRequest,
    CheckoutRequest,
    CheckoutResponse,
    Frequency,
    InstallmentOption,
    InstallmentOptionsRequest,
    InstallmentOptionsResponse,
    NewOwnerRequest,
    OperationResult,
    OrderDirection,
    PaymentOrderRequest,
    PaymentResponse,
    ProblemDetails,
    RecurringListQuery,
    RecurringPaymentPage,
    RecurringPaymentRequest,
    RefundRequest,
    RegisteredPaymentStatus,
    RelatedTransaction,
    ThreeDSecureCallback,
    ThreeDSecureCompleteRequest,
    ThreeDSecureEnrollment,
    ThreeDSecureRequest,
    TransactionDetail,
    TransactionErrorEntry,
    TransactionResult,
    TransactionStatus,
    TransactionType,
    UpdateRecurringPaymentRequest,
    VoidRequest,
    wire,
)

DOCS = Path("/work/shared/klogs-api")
DOCS_WRITTEN = {"now": datetime(2026, 1, 1, tzinfo=UTC)}
#: Replaces the Quick Start's "CARD_UUID" placeholder (the uuid every other example uses).
EXAMPLE_CARD_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


def _read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _balanced_object(text: str, start: int) -> str:
    """The JSON object starting at ``text[start] == "{"``, up to its matching brace (strings respected)."""
    depth, in_string, escaped = 0, False, False
    for index in range(start, len(text)):
        char = text[index]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return text[start:index + 1]
    raise AssertionError(f"unbalanced JSON object in the docs at offset {start}")


_JSON_BLOCK = re.compile(r"(?m)^(?:json\s*\n|```json\s*\n)\s*(?=\{)")
_CURL_BODY = re.compile(r"-d '(?=\{)")


@dataclass(frozen=True)
class DocExample:
    source: str
    kind: str  # "json" or "curl"
    text: str

    @property
    def data(self) -> dict[str, Any]:
        return wire.loads(self.text)


def json_examples(name: str) -> list[DocExample]:
    text = _read(name)
    found = [(m.end(), "json") for m in _JSON_BLOCK.finditer(text)]
    found += [(m.end(), "curl") for m in _CURL_BODY.finditer(text)]
    return [DocExample(name, kind, _balanced_object(text, start)) for start, kind in sorted(found)]


RECURRING_FILES = ("recurring-overview.md", "recurring-owner.md", "recurring-payment-order.md",
                   "recurring-subscriptions.md")
RECURRING_EXAMPLES = [example for name in RECURRING_FILES for example in json_examples(name)]


def _quick_start_owner() -> dict[str, Any]:
    """The owner of the overview's Quick Start subscription, with its placeholder card id replaced."""
    quick_start = next(e.data for e in json_examples("recurring-overview.md") if "ownerDescription" in e.data)
    owner = dict(quick_start["ownerDescription"])
    assert owner["cardId"] == "CARD_UUID", "the Quick Start's card id changed: revisit this test"
    owner["cardId"] = EXAMPLE_CARD_ID
    return owner


def _quick_start_first_payment() -> str:
    quick_start = next(e.data for e in json_examples("recurring-overview.md") if "ownerDescription" in e.data)
    return quick_start["firstPaymentTime"]


def _model_for_recurring(data: dict[str, Any]) -> tuple[type[pydantic.BaseModel], dict[str, Any]]:
    """The model an example of the registered-payment docs belongs to, and the data to parse."""
    keys = set(data)
    if keys == {"phone"}:
        return NewOwnerRequest, data
    if "success" in keys:
        return OperationResult, data
    if {"type", "title", "status"} <= keys:
        return ProblemDetails, data
    if "currentPage" in keys:
        return RecurringPaymentPage, data
    if "reference" in keys and "ownerDescription" not in keys:
        # An overview "Scenario" fragment: completed with the Quick Start's owner (module docstring).
        completed = {**data, "ownerDescription": _quick_start_owner()}
        if "paymentTime" in keys:
            return PaymentOrderRequest, completed
        completed["firstPaymentTime"] = _quick_start_first_payment()
        return RecurringPaymentRequest, completed
    if "ownerDescription" in keys and "paymentTime" in keys:
        return PaymentOrderRequest, data
    if "ownerDescription" in keys and "firstPaymentTime" in keys:
        if data["ownerDescription"].get("cardId") == "CARD_UUID":
            data = {**data, "ownerDescription": {**data["ownerDescription"], "cardId": EXAMPLE_CARD_ID}}
        return RecurringPaymentRequest, data
    if "reference" not in keys and "amount" in keys:
        return UpdateRecurringPaymentRequest, data
    raise AssertionError(f"no model recognises this docs example: {sorted(keys)}")


def _non_null_paths(value: Any, prefix: str = "") -> set[str]:
    """Dotted paths of every non-null leaf (lists of objects by their items' keys)."""
    if isinstance(value, dict):
        paths: set[str] = set()
        for key, item in value.items():
            paths |= _non_null_paths(item, f"{prefix}{key}.")
        return paths
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return set().union(*(_non_null_paths(item, prefix) for item in value))
    return set() if value is None else {prefix.rstrip(".")}


def assert_nothing_dropped(example: dict[str, Any], parsed: pydantic.BaseModel) -> None:
    dumped = parsed.model_dump(mode="python", by_alias=True, exclude_none=True)
    missing = _non_null_paths(example) - _non_null_paths(dumped)
    assert not missing, f"{type(parsed).__name__} silently dropped documented fields {sorted(missing)}"


# --- the registered-payment API -------------------------------------------------------------------


def test_every_recurring_doc_page_has_examples():
    """Guards the extractor: if the docs' formatting changes and nothing is found, this fails."""
    counts = {name: len(json_examples(name)) for name in RECURRING_FILES}
    assert all(counts.values()), counts
    assert sum(counts.values()) >= 20, counts


@pytest.mark.parametrize("example", RECURRING_EXAMPLES,
                         ids=[f"{e.source}-{e.kind}-{i}" for i, e in enumerate(RECURRING_EXAMPLES)])
def test_recurring_example_parses_with_its_model(example: DocExample):
    model, data = _model_for_recurring(example.data)
    parsed = model.model_validate(data, context=DOCS_WRITTEN)
    assert_nothing_dropped(data, parsed)
    # Writing it back gives the same JSON (same keys, same decimal text).
    assert wire.loads(wire.dumps(parsed.model_dump(mode="python", by_alias=True, exclude_none=True))) == \
        _without_nulls(data)


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def test_scenario_fragments_are_incomplete_until_given_an_owner():
    """The overview's scenarios alone are not valid requests (documented in the module docstring)."""
    scenarios = [e.data for e in json_examples("recurring-overview.md")
                 if "reference" in e.data and "ownerDescription" not in e.data]
    assert len(scenarios) == 4
    for data in scenarios:
        model, _ = _model_for_recurring(data)
        with pytest.raises(pydantic.ValidationError):
            model.model_validate(data, context=DOCS_WRITTEN)


def test_example_amounts_keep_their_decimal_text():
    """99.90 in the docs is Decimal('99.90') in the model and 99.90 on the wire again, never 99.9."""
    example = next(e for e in json_examples("recurring-subscriptions.md") if "firstPaymentTime" in e.data)
    assert '"amount": 99.90' in example.text
    parsed = RecurringPaymentRequest.model_validate(example.data, context=DOCS_WRITTEN)
    assert parsed.amount == Decimal("99.90") and str(parsed.amount) == "99.90"
    assert b'"amount":99.90' in parsed.to_json()


def test_documented_example_dates_are_refused_today():
    """Why the context is needed: the docs' payment times are in the past now."""
    example = next(e for e in json_examples("recurring-payment-order.md") if "paymentTime" in e.data)
    with pytest.raises(pydantic.ValidationError, match="future"):
        PaymentOrderRequest.model_validate(example.data, context={"now": datetime(2026, 11, 26, tzinfo=UTC)})


def test_list_example_request_matches_the_query_model():
    """``GET /recurring?Page=1&PageSize=10&OrderBy=createdAtUtc&Dir=desc`` is what the query model sends."""
    text = _read("recurring-subscriptions.md")
    match = re.search(r"(?m)^GET (/recurring\?\S+)$", text)
    assert match, "the list example request is gone from the docs"
    documented = dict(parse_qsl(urlsplit(match.group(1)).query))
    query = RecurringListQuery(page=int(documented["Page"]), page_size=int(documented["PageSize"]),
                               order_by=documented["OrderBy"], dir=OrderDirection(documented["Dir"]))
    assert query.to_params() == documented


def test_order_status_values_are_the_model_statuses():
    text = _read("recurring-payment-order.md")
    section = text[text.index("OrderStatus Values"):text.index("Error Codes")]
    documented = {row[0] for row in _table_rows(section)}
    assert documented == {status.value for status in RegisteredPaymentStatus}


def test_overview_frequencies_and_directions_exist():
    text = _read("recurring-overview.md")
    for frequency in Frequency:
        assert re.search(rf"(?m)^{frequency.value}[A-Z]", text), frequency
    for direction in OrderDirection:
        assert re.search(rf"(?m)^{direction.value}[A-Z]", text), direction


# --- the payment gateway ----------------------------------------------------------------------------


def _table_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if line.startswith("|") and not re.fullmatch(r"\|[-| ]+\|", line):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return [row for row in rows if row[0] not in ("Field", "Value", "Parameter", "field")]


@dataclass(frozen=True)
class TableExample:
    endpoint: str
    schema: dict[str, Any] | None
    rows: list[list[str]]

    def build(self) -> dict[str, Any]:
        """The example object from the Example column, typed by the schema placeholder."""
        result: dict[str, Any] = {}
        for field, _description, example in self.rows:
            kind = self.schema.get(field) if self.schema else "string"
            result[field] = _typed(example, kind)
        return result


def _typed(example: str, kind: Any) -> Any:
    if kind == "number" or isinstance(kind, (int, Decimal)) and not isinstance(kind, bool):
        return Decimal(example) if "." in example else int(example)
    if kind == "boolean" or isinstance(kind, bool):
        assert example in ("true", "false"), example
        return example == "true"
    return example


def payment_gateway_tables() -> list[TableExample]:
    """Each ``| Field | Description | Example |`` table, with the schema block just before it."""
    text = _read("payment-gateway.md")
    lines = text.splitlines()
    found: list[TableExample] = []
    endpoint = ""
    schema: dict[str, Any] | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("Endpoint: "):
            endpoint = line[len("Endpoint: "):].strip()
        if line == "{":
            offset = sum(len(text_line) + 1 for text_line in lines[:index])
            block = _balanced_object(text, offset)
            schema = wire.loads(block)
            index += block.count("\n") + 1
            continue
        if line.startswith("| Field | Description | Example |"):
            end = index
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            found.append(TableExample(endpoint, schema, _table_rows("\n".join(lines[index:end]))))
            schema = None  # a schema belongs to the one table right after it
            index = end
            continue
        index += 1
    return found


#: The tables of payment-gateway.md, in order, and the model each describes.
PAYMENT_GATEWAY_MODELS: list[tuple[str, type[pydantic.BaseModel]]] = [
    ("POST /api/payment", CardPaymentRequest),
    ("POST /api/payment", PaymentResponse),
    ("POST /api/pre-authorization", CardPaymentRequest),
    ("POST /api/pre-authorization/{paymentId}/capture", CaptureRequest),
    ("POST /api/3ds", ThreeDSecureRequest),
    ("POST /api/3ds", ThreeDSecureEnrollment),
    ("POST /api/3ds", ThreeDSecureCallback),  # the callback's form fields: a table without a schema
    ("POST /api/3ds/{paymentId}/complete", ThreeDSecureCompleteRequest),
    ("POST /api/installment-options", InstallmentOptionsRequest),
    ("POST /api/installment-options", InstallmentOption),  # rows of the real JSON response above it
    ("POST /api/checkout", CheckoutRequest),
    ("POST /api/checkout", CheckoutResponse),
]
PAYMENT_TABLES = payment_gateway_tables()


def test_payment_gateway_tables_are_the_expected_ones():
    """A new or removed table in the docs fails here, so it gets a model."""
    assert [(t.endpoint, len(t.rows) > 0) for t in PAYMENT_TABLES] == \
        [(endpoint, True) for endpoint, _ in PAYMENT_GATEWAY_MODELS]


@pytest.mark.parametrize("position", range(len(PAYMENT_GATEWAY_MODELS)),
                         ids=[f"{e}-{m.__name__}" for e, m in PAYMENT_GATEWAY_MODELS])
def test_payment_gateway_table_example_parses(position: int):
    endpoint, model = PAYMENT_GATEWAY_MODELS[position]
    table = PAYMENT_TABLES[position]
    assert table.endpoint == endpoint
    if table.schema is not None and not any(isinstance(v, list) for v in table.schema.values()):
        assert set(table.schema) == {row[0] for row in table.rows}, "schema and table list different fields"
    example = table.build()
    parsed = model.model_validate(example)
    assert_nothing_dropped(example, parsed)


def test_payment_example_amount_is_exact_on_the_wire():
    table = PAYMENT_TABLES[0]
    request = CardPaymentRequest.model_validate(table.build())
    assert request.amount == Decimal("100.50")
    assert b'"amount":100.50' in request.to_json()


def test_installment_options_response_example_parses():
    text = _read("payment-gateway.md")
    start = text.index('{\n"options"')
    data = wire.loads(_balanced_object(text, start))
    parsed = InstallmentOptionsResponse.model_validate(data)
    assert [option.installment_count for option in parsed.options] == [2, 3]
    assert parsed.options[0].total_amount == Decimal("1020.00")
    assert str(parsed.options[1].installment_amount) == "345.00"
    assert_nothing_dropped(data, parsed)
    # The table under it describes the same fields as the JSON items.
    assert set(data["options"][0]) == {row[0] for row in PAYMENT_TABLES[9].rows}


def test_response_example_pan_is_masked_and_status_known():
    response = PaymentResponse.model_validate(PAYMENT_TABLES[1].build())
    assert response.approved
    assert response.pan == "411111******1111"
    assert response.payment_date == datetime(2023, 5, 1, 14, 30, tzinfo=UTC)


# --- transactions -----------------------------------------------------------------------------------


def _inline_json(text: str) -> list[dict[str, Any]]:
    found = []
    for code in re.findall(r"`(\{[^`]*\})`", text):
        try:
            found.append(json.loads(code, parse_float=Decimal))
        except json.JSONDecodeError:
            continue  # shapes like {error, createdAtUtc}: checked as field lists below
    return found


def test_transaction_bodies_parse():
    bodies = _inline_json(_read("transactions.md"))
    by_keys = {frozenset(body): body for body in bodies}
    void = VoidRequest.model_validate(by_keys[frozenset({"referenceCode"})])
    assert void.reference_code == "ORD-12345"
    refund = RefundRequest.model_validate(by_keys[frozenset({"referenceCode", "amount"})])
    assert refund.amount == Decimal("25.50")
    assert b'"amount":25.50' in refund.to_json()
    assert TransactionResult.model_validate(by_keys[frozenset({"success"})]).success is True
    assert len(bodies) == 4


def test_transaction_failure_body_becomes_a_readable_error():
    """``{"error": {"summary": "..."}}`` with an error status is a typed error carrying the summary."""
    documented = next(b for b in _inline_json(_read("transactions.md")) if "error" in b)
    assert set(documented) == {"error"} and set(documented["error"]) == {"summary"}
    # The docs elide the summary ("..."); a real one stands in for it.
    failure = {"error": {"summary": "The transaction is already voided."}}
    error = _status_error(httpx.Response(409, content=wire.dumps(failure)))
    assert isinstance(error, ConflictError)
    assert failure["error"]["summary"] in str(error)


def _aliases(model: type[pydantic.BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def test_transaction_lookup_fields_are_all_modelled():
    text = _read("transactions.md")
    section = text[text.index("## GET /api/trx"):text.index("## POST /api/trx/void")]
    documented: set[str] = set()
    for row in _table_rows(section):
        documented |= {name.strip() for name in row[0].split(",")}
    assert documented <= _aliases(TransactionDetail)
    shapes = {tuple(part.strip() for part in shape.split(","))
              for shape in re.findall(r"`\{([a-zA-Z, ]+)\}`", section)}
    assert ("error", "createdAtUtc") in shapes
    assert set(("error", "createdAtUtc")) <= _aliases(TransactionErrorEntry)
    related = next(shape for shape in shapes if "type" in shape)
    assert set(related) <= _aliases(RelatedTransaction)


def test_transaction_types_and_statuses_are_the_model_enums():
    text = _read("transactions.md")
    type_row = next(row for row in _table_rows(text) if row[0] == "type")
    status_row = next(row for row in _table_rows(text) if row[0] == "status")
    assert set(re.findall(r"`(\w+)`", type_row[1])) == {t.value for t in TransactionType}
    assert set(re.findall(r"`(\w+)`", status_row[1])) == {s.value for s in TransactionStatus}
