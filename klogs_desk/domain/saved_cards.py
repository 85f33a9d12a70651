"""The cards card owners saved at the gateway, as this terminal learnt of them (the card-storage webhook).

The gateway keeps the card; the terminal keeps only what lets a manager pick it: the ``cardId`` the
subscription and payment-order requests need, the owner (``ownerId`` and phone when known), the brand, the
last four digits, the expiry and when it was saved. **Never a card number**: there is no column for one, a
``last_four`` that is not exactly four digits is refused, and every text is checked with
:func:`~klogs_desk.domain.cards.find_pans` before it is written (:class:`SavedCardError`).

A small SQLite file of its own next to the journal (``saved-cards.sqlite3``, 0600 like the journal), one row
per environment and card; the same card told twice keeps one row (the later facts win where given).
No Qt, no HTTP.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..paths import private_file
from .cards import find_pans

_SCHEMA = """
CREATE TABLE IF NOT EXISTS saved_cards (
    environment TEXT NOT NULL,
    card_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    phone TEXT,
    brand TEXT,
    last_four TEXT,
    expiry_month INTEGER,
    expiry_year INTEGER,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (environment, card_id)
);
"""


class SavedCardError(ValueError):
    """A saved-card fact that must not be written (it could hold card data, or is malformed)."""


@dataclass(frozen=True)
class SavedCard:
    environment: str
    card_id: str
    owner_id: str
    phone: str | None
    brand: str | None
    last_four: str | None
    expiry_month: int | None
    expiry_year: int | None
    #: When the terminal heard of it (UTC).
    saved_at: dt.datetime

    @property
    def expiry_text(self) -> str:
        """``MM/YY``, or ``""`` when unknown."""
        if self.expiry_month is None or self.expiry_year is None:
            return ""
        return f"{self.expiry_month:02d}/{self.expiry_year % 100:02d}"


class SavedCardBook:
    """``SavedCardBook(path)`` (``":memory:"`` for tests): :meth:`record` a card the gateway saved,
    :meth:`cards` to list an environment's, newest first (optionally one phone's)."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        if path != ":memory:":
            private_file(path)  # 0600 before SQLite opens it
        self._db = sqlite3.connect(str(path), isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.executescript(_SCHEMA)

    def record(self, *, environment: str, card_id: str, owner_id: str, phone: str | None = None,
               brand: str | None = None, last_four: str | None = None, expiry_month: int | None = None,
               expiry_year: int | None = None, saved_at: dt.datetime | None = None) -> SavedCard:
        if last_four is not None and not (len(last_four) == 4 and last_four.isdigit()):
            raise SavedCardError("last_four must be exactly four digits")
        for text in (card_id, owner_id, phone, brand):
            if text and find_pans(text):
                raise SavedCardError("a saved-card fact looks like a card number; nothing was written")
        when = (saved_at or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
        row = self._db.execute(
            "INSERT INTO saved_cards (environment, card_id, owner_id, phone, brand, last_four, expiry_month, "
            "expiry_year, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (environment, card_id) DO UPDATE SET owner_id = excluded.owner_id, "
            "phone = COALESCE(excluded.phone, phone), brand = COALESCE(excluded.brand, brand), "
            "last_four = COALESCE(excluded.last_four, last_four), "
            "expiry_month = COALESCE(excluded.expiry_month, expiry_month), "
            "expiry_year = COALESCE(excluded.expiry_year, expiry_year) RETURNING *",
            (environment, card_id, owner_id, phone, brand, last_four, expiry_month, expiry_year,
             when.isoformat())).fetchone()
        return _from_row(row)

    def cards(self, environment: str, phone: str | None = None) -> list[SavedCard]:
        if phone is None:
            rows = self._db.execute("SELECT * FROM saved_cards WHERE environment = ? ORDER BY saved_at DESC",
                                    (environment,)).fetchall()
        else:
            rows = self._db.execute("SELECT * FROM saved_cards WHERE environment = ? AND phone = ? "
                                    "ORDER BY saved_at DESC", (environment, phone)).fetchall()
        return [_from_row(row) for row in rows]

    def close(self) -> None:
        self._db.close()


def _from_row(row: sqlite3.Row) -> SavedCard:
    return SavedCard(environment=row["environment"], card_id=row["card_id"], owner_id=row["owner_id"],
                     phone=row["phone"], brand=row["brand"], last_four=row["last_four"],
                     expiry_month=row["expiry_month"], expiry_year=row["expiry_year"],
                     saved_at=dt.datetime.fromisoformat(row["saved_at"]))
