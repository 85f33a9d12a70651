"""klogs_desk.frozen.Frozen behaves like the frozen dataclasses it replaced (checked side by side)."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from klogs_desk.domain.operators import Operator, Role
from klogs_desk.frozen import Frozen, init
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
