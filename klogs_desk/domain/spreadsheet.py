"""CSV that cannot attack the spreadsheet it is opened in (CSV / formula injection, OWASP).

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel, LibreOffice
and Google Sheets as a formula (``=HYPERLINK("http://evil.example/x","Refund status")`` typed as a card
holder's name on a checkout page would become a link in the merchant's export). Every such text cell gets a
leading apostrophe, which spreadsheets show as text and do not evaluate, as OWASP recommends. Numeric
columns (amounts, IDs, counts) stay numbers: they hold only values of a numeric type, and a negative amount
must remain a number; should one ever hold anything else, it is neutralised like text. No Qt here.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from typing import Any

#: What makes a spreadsheet read a cell as a formula (OWASP "CSV Injection").
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def neutralise(value: Any) -> Any:
    """``value`` with a leading apostrophe if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class FormulaSafeWriter:
    """A :func:`csv.writer` whose rows are neutralised cell by cell; the first row names the columns,
    and cells under a name in ``numeric`` pass through when they are plain numbers."""

    def __init__(self, handle: Any, numeric: Iterable[str] = (), **csv_options: Any) -> None:
        self._writer = csv.writer(handle, **csv_options)
        self._numeric = frozenset(numeric)
        self._numeric_at: frozenset[int] | None = None

    def writerow(self, row: Sequence[Any]) -> Any:
        if self._numeric_at is None:  # the header row: learn where the numbers are
            self._numeric_at = frozenset(i for i, name in enumerate(row) if name in self._numeric)
        return self._writer.writerow([cell if i in self._numeric_at and _is_number(cell) else neutralise(cell)
                                      for i, cell in enumerate(row)])

    def writerows(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def _is_number(cell: Any) -> bool:
    return isinstance(cell, (int, float)) or (isinstance(cell, str) and (cell == "" or bool(_NUMBER.fullmatch(cell))))
