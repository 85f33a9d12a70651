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
deletion, copy and pickle (:meth:`Frozen.__reduce__`), and :meth:`Frozen.replace` for
``dataclasses.replace`` (a new instance through the class's ``__init__``, so its checks run again; an
unknown field is a ``TypeError``). The field names, in order, are the class's ``__slots__`` (for
``dataclasses.fields``). What it does not have: ``dataclasses.fields``/``asdict``/``is_dataclass`` themselves,
``__match_args__``, an instance ``__dict__``.

``dataclasses`` itself is imported only when an assignment is refused: nothing else before the first frame
needs it (~3 ms of the UI thread at start-up).
"""

from __future__ import annotations

from typing import Any, NoReturn, TypeVar

_set = object.__setattr__
_Self = TypeVar("_Self", bound="Frozen")


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
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def replace(self: _Self, **changes: Any) -> _Self:
        """A copy with ``changes`` (field name -> value), made as ``dataclasses.replace`` makes one: through
        ``__init__`` with every field by name."""
        values = {name: getattr(self, name) for name in type(self).__slots__}
        values.update(changes)
        return type(self)(**values)

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), self._values()
