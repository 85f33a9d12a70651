"""The people at the counter: operator records, their roles, PIN rules and PIN hashing. No Qt here.

* An operator has a name (unique, compared without case), a :class:`Role`, a PIN kept only as a slow salted
  hash (:func:`hash_pin`, scrypt), a disabled flag, and the count of wrong PINs in a row with the end of a
  lock-out (the :class:`klogs_desk.services.pin_lockout.PinAttemptStore` protocol, so the lock-out rules
  stay in one place).
* PIN rules (:func:`pin_problem`): digits only, at least 6 for a manager and 4 for a cashier, at most 12.
* :class:`OperatorStore` keeps them in a small SQLite file of its own (``staff.sqlite3`` in the app home,
  0600, WAL, ``synchronous=FULL``), never in the settings file: a PIN hash next to world-readable settings
  was cracked offline in minutes. No method returns a PIN hash; :meth:`OperatorStore.check_pin` compares.
"""

from __future__ import annotations

import enum
import sqlite3
import time
from pathlib import Path
from typing import Any

from ..frozen import Frozen, init
from ..messages import Message, msg
from ..paths import narrow, private_file


class Role(str, enum.Enum):
    CASHIER = "cashier"
    MANAGER = "manager"


#: Shortest PIN per role (a manager's PIN opens more, so it is longer).
MIN_PIN_DIGITS = {Role.CASHIER: 4, Role.MANAGER: 6}
MAX_PIN_DIGITS = 12
#: The built-in operator of training mode (the sandbox before any manager exists).
TRAINEE_NAME = "Trainee"
#: The first manager, made from the single manager PIN of the settings file (migration).
MIGRATED_MANAGER_NAME = "Manager"


class Operator(Frozen):
    """One operator as everyone may see it: never the PIN nor its hash."""

    name: str
    role: Role
    disabled: bool
    #: Wrong PINs in a row.
    wrong_pins: int
    #: Wall-clock end of a lock-out, 0 for none (see :mod:`klogs_desk.services.pin_lockout`).
    locked_until: float
    #: The built-in Trainee of training mode (not a stored record).
    training: bool

    __slots__ = ("name", "role", "disabled", "wrong_pins", "locked_until", "training")

    def __init__(self, name: str, role: Role, disabled: bool = False, wrong_pins: int = 0, locked_until: float = 0.0,
                 training: bool = False) -> None:
        init(self, name, role, disabled, wrong_pins, locked_until, training)

    @property
    def is_manager(self) -> bool:
        return self.role is Role.MANAGER


TRAINEE = Operator(TRAINEE_NAME, Role.MANAGER, training=True)


def pin_problem(pin: str, role: Role) -> Message | None:
    """Why ``pin`` cannot be ``role``'s PIN, or None when it can."""
    shortest = MIN_PIN_DIGITS[role]
    if not (pin.isascii() and pin.isdigit() and shortest <= len(pin) <= MAX_PIN_DIGITS):
        return msg("staff.pin-rule", shortest=shortest, longest=MAX_PIN_DIGITS)
    return None


def name_problem(name: str) -> Message | None:
    if not name.strip() or len(name.strip()) > 40:
        return msg("staff.name-rule")
    if name.strip().casefold() == TRAINEE_NAME.casefold():
        return msg("staff.name-reserved", name=TRAINEE_NAME)
    return None


_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of ``pin``, self-describing so parameters can change later.

    Deliberately slow (about 30-60 ms): it is what makes a stolen staff file expensive to crack, and it
    is most of the time a sign-in takes (``benchmarks/bench_staff.py``)."""
    import hashlib  # hashlib, hmac, secrets: at the first PIN checked or set, after the first frame
    import secrets

    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Constant-time check of ``pin`` against a :func:`hash_pin` value; malformed values never match."""
    import hashlib
    import hmac

    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        candidate = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                                   dklen=len(digest) // 2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


_SCHEMA = """
CREATE TABLE IF NOT EXISTS operators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
    pin_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    wrong_pins INTEGER NOT NULL DEFAULT 0,
    locked_until REAL NOT NULL DEFAULT 0,
    created_at REAL NOT NULL
);
"""


class DuplicateOperatorError(ValueError):
    pass


class OperatorStore:
    """The operators of this terminal in ``path`` (``":memory:"`` for tests)."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        if str(path) != ":memory:":
            private_file(path)  # 0600 before SQLite opens it
        self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        if str(path) != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
            for suffix in ("-wal", "-shm"):
                narrow(f"{path}{suffix}")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    # --- reads ----------------------------------------------------------------------------------

    def operators(self) -> list[Operator]:
        rows = self._db.execute("SELECT name, role, disabled, wrong_pins, locked_until FROM operators "
                                "ORDER BY name COLLATE NOCASE").fetchall()
        return [_operator(row) for row in rows]

    def get(self, name: str) -> Operator | None:
        row = self._db.execute("SELECT name, role, disabled, wrong_pins, locked_until FROM operators "
                               "WHERE name = ?", (name.strip(),)).fetchone()
        return _operator(row) if row else None

    def has_manager(self) -> bool:
        return self._db.execute("SELECT 1 FROM operators WHERE role = 'manager' AND disabled = 0").fetchone() \
            is not None

    def check_pin(self, name: str, pin: str) -> bool:
        """True when ``pin`` is ``name``'s PIN (slow: a scrypt hash). Unknown names never match."""
        row = self._db.execute("SELECT pin_hash FROM operators WHERE name = ?", (name.strip(),)).fetchone()
        return row is not None and bool(pin) and verify_pin(pin, row[0])

    # --- writes (each one statement, committed and synced at once) ------------------------------

    def add(self, name: str, role: Role, pin_hash: str) -> Operator:
        try:
            self._db.execute("INSERT INTO operators (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)",
                             (name.strip(), role.value, pin_hash, time.time()))
        except sqlite3.IntegrityError:
            raise DuplicateOperatorError(name) from None
        found = self.get(name)
        assert found is not None
        return found

    def set_pin_hash(self, name: str, pin_hash: str) -> None:
        self._set(name, "pin_hash", pin_hash)

    def set_role(self, name: str, role: Role) -> None:
        self._set(name, "role", role.value)

    def set_disabled(self, name: str, disabled: bool) -> None:
        self._set(name, "disabled", int(disabled))

    def _set(self, name: str, column: str, value: object) -> None:
        cursor = self._db.execute(f"UPDATE operators SET {column} = ? WHERE name = ?", (value, name.strip()))
        if cursor.rowcount == 0:
            raise KeyError(name)

    # --- the lock-out's PinAttemptStore -----------------------------------------------------------

    def pin_attempts(self, who: str) -> tuple[int, float]:
        found = self.get(who)
        return (found.wrong_pins, found.locked_until) if found else (0, 0.0)

    def set_pin_attempts(self, who: str, wrong: int, locked_until: float) -> None:
        self._db.execute("UPDATE operators SET wrong_pins = ?, locked_until = ? WHERE name = ?",
                         (wrong, locked_until, who.strip()))


def _operator(row: tuple[Any, ...]) -> Operator:
    name, role, disabled, wrong, locked_until = row
    return Operator(name, Role(role), bool(disabled), int(wrong), float(locked_until))
