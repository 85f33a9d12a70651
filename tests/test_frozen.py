"""klogs_desk.frozen.Frozen behaves like the frozen dataclasses it replaced (checked side by side)."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from decimal import Decimal

import pytest

from klogs_desk.api.addresses import ClearTextRefused, Credentials, Endpoints
from klogs_desk.callbacks.listener import CallbackOutcome, CallbackResult
from klogs_desk.domain.operators import Operator, Role
from klogs_desk.frozen import Frozen, init
from klogs_desk.messages import GatewayText, Message, Money, msg
from klogs_desk.services.payments import CardOrder, OutcomeState, PaymentOutcome
from klogs_desk.ui.theme import OK_TINT, Tint


class Pair(Frozen):
    first: int
    second: str

    __slots__ = ("first", "second")

    def __init__(self, first: int, second: str = "b") -> None:
        init(self, first, second)


@dataclasses.dataclass(frozen=True)
class DataPair:
    first: int
    second: str = "b"


def test_same_construction_repr_equality_and_hash_as_a_frozen_dataclass() -> None:
    assert repr(Pair(1)) == repr(DataPair(1)).replace("DataPair", "Pair") == "Pair(first=1, second='b')"
    assert Pair(1, "x") == Pair(first=1, second="x") and Pair(1) != Pair(2)
    assert hash(Pair(1, "x")) == hash(DataPair(1, "x")) == hash(Pair(first=1, second="x"))
    assert Pair(1) != DataPair(1)  # another class is never equal, as with dataclasses
    assert len({Pair(1), Pair(1), Pair(2)}) == 2


def test_fields_cannot_be_changed_or_added() -> None:
    pair = Pair(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        pair.first = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del pair.first
    with pytest.raises(AttributeError):
        pair.other = 3  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        Pair(1, "x", "y")  # type: ignore[call-arg]


def test_copies_and_pickles_are_equal() -> None:
    operator = Operator("Ayşe", Role.CASHIER, wrong_pins=2)
    for value in (Pair(1, "x"), OK_TINT, operator):
        assert copy.copy(value) == value == copy.deepcopy(value) == pickle.loads(pickle.dumps(value))
    assert isinstance(pickle.loads(pickle.dumps(OK_TINT)), Tint)


def test_replace_makes_a_new_value_through_init_as_dataclasses_replace_does() -> None:
    assert Pair(1, "x").replace(second="y") == Pair(1, "y")
    assert repr(Pair(1, "x").replace(first=2)) == repr(dataclasses.replace(DataPair(1, "x"), first=2)).replace(
        "DataPair", "Pair")
    with pytest.raises(TypeError):
        Pair(1).replace(third=3)
    # The class's checks run again: an address that would send in clear text is refused as at construction.
    endpoints = Endpoints.same("https://gateway.example")
    assert endpoints.replace(recurring_base_url="http://127.0.0.1:8000").recurring_base_url == "http://127.0.0.1:8000"
    with pytest.raises(ClearTextRefused):
        endpoints.replace(payment_base_url="http://gateway.example")


def test_the_first_frames_former_dataclasses_keep_their_behaviour() -> None:
    """Written out or Frozen since issue 19's last round: equality, hashing, copies, frozenness, and the
    reprs that never show card data or secrets."""
    order = CardOrder("KD-1", Decimal("10.00"), "TRY", "Ayşe", "4111111111111111", "12", "30", "123")
    assert order == CardOrder("KD-1", Decimal("10.00"), "TRY", "Ayşe", "4111111111111111", "12", "30", "123", None)
    assert "4111111111111111" not in repr(order) + str(order) and "123'" not in repr(order)
    assert repr(Credentials("key", "secret", "token")) == "Credentials(<hidden>)"
    assert Credentials("k", "s") == Credentials(api_key="k", api_secret="s", bearer_token="")
    result = CallbackResult(CallbackOutcome.SUCCESS, "pay-1", "one-time-key")
    assert "one-time-key" not in repr(result) and "pay-1" in repr(result)
    outcome = PaymentOutcome(OutcomeState.APPROVED, "KD-1", Decimal("1.00"), "TRY", Message("stored.text", {"text": "ok"}))
    assert outcome.field_errors == {} and outcome.replace(entry_id=7).entry_id == 7
    assert outcome.replace(entry_id=7).replace(entry_id=None) == outcome
    money = Money(Decimal("10.00"), "TRY")
    assert repr(money) == "Money(amount=Decimal('10.00'), currency='TRY')" and str(money) == "10.00 TRY"
    assert repr(GatewayText.of("it&#x27;s")) == "GatewayText(text=\"it's\")"
    message = msg("gateway.said", text=GatewayText("x"))
    for value in (money, GatewayText("x"), message):
        assert copy.copy(value) == value == copy.deepcopy(value) == pickle.loads(pickle.dumps(value))
        assert hash(copy.deepcopy(value)) == hash(value)
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.code = "x"  # type: ignore[union-attr]
    assert Money(Decimal("1"), "TRY") != Money(Decimal("1"), "USD")
    assert len({money, Money(Decimal("10.00"), "TRY")}) == 1
