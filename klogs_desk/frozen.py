"""Small frozen value classes without ``@dataclass(frozen=True)``'s cost at import.

Python 3.11's dataclass decorator writes the source of each generated method (``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``) and compiles it with ``exec``: ~1.2 ms of CPU
per frozen class on this machine, paid when the module is imported. Start-up imported 33 dataclasses
before the first frame (~35 ms of the UI thread). The plain value classes among them (fields only, no
``dataclasses.replace``/``fields``/``asdict`` users) derive from :class:`Frozen` instead: the same methods,
written once here, reading the fields from the class's ``__slots__``; each class writes only its
``__init__`` (its fields in order, with their defaults), which calls :func:`init`.

What a :class:`Frozen` class keeps of a frozen dataclass: keyword and positional construction,
``ClassName(field=value, ...)`` repr, equality with an instance of exactly the same class field by field
(``NotImplemented`` otherwise), a hash of the fields, ``dataclasses.FrozenInstanceError`` on assignment or
deletion, copy and pickle (:meth:`Frozen.__reduce__`). What it does not have: ``dataclasses.fields``,
``replace``, ``asdict`` (use a dataclass where those are wanted), an instance ``__dict__``.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any, NoReturn

_set = object.__setattr__


def init(instance: Frozen, *values: object) -> None:
    """Set ``instance``'s fields (its class's ``__slots__``, in order) to ``values``."""
    for name, value in zip(type(instance).__slots__, values, strict=True):
        _set(instance, name, value)


class Frozen:
    """Base of a frozen value class: subclasses list their fields in ``__slots__`` (annotated in the class
    body for type checkers) and write an ``__init__`` that calls :func:`init` with them in that order."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in type(self).__slots__)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__slots__)
        return f"{type(self).__qualname__}({fields})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), self._values()
