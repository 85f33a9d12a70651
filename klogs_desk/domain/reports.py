"""Shift and day reports, from the journal only: what was taken, given back and left open, to the cent.

A report covers the journal rows *created* in a period (one environment; a shift report also one operator).
Each figure is a :class:`Total` — a count and an exact ``Decimal`` amount per currency (never summed across
currencies):

* **sales**: approved sales, 3-D Secure sales and paid checkout links; **captures**: approved captures;
  **refunds** and **voids**: approved refund and void rows (a void's amount is what the merchant held);
  **declines**: declined payments (count; amounts as asked).
* **open pre-authorizations**: approved pre-authorizations of the period with something left to capture
  (:attr:`~klogs_desk.domain.balances.Balance.capturable`, as of the report).
* **takings**: what the merchant keeps now of the period's sales and captures — the sum of their
  :attr:`~klogs_desk.domain.balances.Balance.remaining` (refunds and voids made since are already taken off).
* **pending** and **unknown**: rows still without an outcome, *listed* (order ID, amount, who): a close with
  any of them warns first, because an unknown payment may have charged a card.
* **by brand**, **by operator** (sales and captures) and **by kind** (every approved row), with counts;
  **by hour**: sales and captures by the hour of the day (local time of the cashier's computer).

:meth:`Report.to_dict` / :meth:`Report.from_dict` keep a report as JSON (amounts as strings), so a closed
day is stored as it was closed (:class:`~klogs_desk.domain.audit.AuditLog` ``closes``) and reprinted
exactly. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable, Mapping, Sequence

from .balances import Balance
from .journal import Entry, EntryKind, EntryState, Journal

#: Kinds whose approved rows are sales (money taken at once).
SALE_KINDS = frozenset({EntryKind.SALE, EntryKind.SALE_3DS, EntryKind.CHECKOUT})
#: Rows that take money: what the takings, brands, operators and hours count.
TAKING_KINDS = SALE_KINDS | {EntryKind.CAPTURE}
#: A brand or operator the row does not name.
NOT_NAMED = "—"
SHIFT = "shift"
DAY = "day"


@dataclass
class Total:
    """A count and an amount per currency."""

    count: int = 0
    amounts: dict[str, Decimal] = field(default_factory=dict)

    def add(self, amount: Decimal, currency: str) -> None:
        self.count += 1
        self.amounts[currency] = self.amounts.get(currency, Decimal(0)) + amount

    def amount(self, currency: str) -> Decimal:
        return self.amounts.get(currency, Decimal(0))

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "amounts": {c: str(a) for c, a in sorted(self.amounts.items())}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Total:
        return cls(int(data["count"]), {c: Decimal(a) for c, a in data["amounts"].items()})


@dataclass(frozen=True)
class Listed:
    """A row a report lists by name (pending and unknown payments)."""

    entry_id: int
    kind: str
    reference: str
    amount: Decimal
    currency: str
    operator: str | None
    created_at: dt.datetime

    @classmethod
    def of(cls, entry: Entry) -> Listed:
        return cls(entry.id, entry.kind.value, entry.reference, entry.amount, entry.currency, entry.operator,
                   entry.created_at)

    def to_dict(self) -> dict[str, Any]:
        return {"entry_id": self.entry_id, "kind": self.kind, "reference": self.reference,
                "amount": str(self.amount), "currency": self.currency, "operator": self.operator,
                "created_at": self.created_at.isoformat()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Listed:
        return cls(int(data["entry_id"]), data["kind"], data["reference"], Decimal(data["amount"]),
                   data["currency"], data.get("operator"), dt.datetime.fromisoformat(data["created_at"]))


_TOTALS = ("sales", "captures", "refunds", "voids", "declines", "open_preauths", "takings")
#: What a shop's day shows of each till.
TILL_FIGURES = ("sales", "refunds", "voids", "takings")
_GROUPS = ("by_brand", "by_kind", "by_operator")


@dataclass
class Report:
    kind: str
    environment: str
    period_start: dt.datetime
    period_end: dt.datetime
    #: The operator of a shift report; ``None`` for a day (everybody).
    operator: str | None = None
    sales: Total = field(default_factory=Total)
    captures: Total = field(default_factory=Total)
    refunds: Total = field(default_factory=Total)
    voids: Total = field(default_factory=Total)
    declines: Total = field(default_factory=Total)
    open_preauths: Total = field(default_factory=Total)
    takings: Total = field(default_factory=Total)
    pending: list[Listed] = field(default_factory=list)
    unknown: list[Listed] = field(default_factory=list)
    by_brand: dict[str, Total] = field(default_factory=dict)
    by_kind: dict[str, Total] = field(default_factory=dict)
    by_operator: dict[str, Total] = field(default_factory=dict)
    #: Sales and captures by the local hour they were made (0-23) and currency.
    by_hour: dict[int, dict[str, Decimal]] = field(default_factory=dict)
    #: A shop's day (every till, :mod:`klogs_desk.shop.reports`): each till's :data:`TILL_FIGURES`.
    by_till: dict[str, dict[str, Total]] = field(default_factory=dict)
    #: Tills whose records had not all reached the shop database when the report was made.
    tills_waiting: list[str] = field(default_factory=list)
    #: Tills the shop database had not heard from for a while: their latest records may be missing.
    tills_silent: list[str] = field(default_factory=list)

    @property
    def currencies(self) -> list[str]:
        found: set[str] = set()
        for name in _TOTALS:
            found.update(getattr(self, name).amounts)
        return sorted(found)

    @property
    def unresolved(self) -> list[Listed]:
        """Pending and unknown rows: a close with any of them must warn."""
        return [*self.unknown, *self.pending]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "environment": self.environment, "operator": self.operator,
                                "period_start": self.period_start.isoformat(),
                                "period_end": self.period_end.isoformat()}
        for name in _TOTALS:
            data[name] = getattr(self, name).to_dict()
        for name in _GROUPS:
            data[name] = {key: total.to_dict() for key, total in sorted(getattr(self, name).items())}
        data["pending"] = [row.to_dict() for row in self.pending]
        data["unknown"] = [row.to_dict() for row in self.unknown]
        data["by_hour"] = {str(hour): {c: str(a) for c, a in sorted(amounts.items())}
                           for hour, amounts in sorted(self.by_hour.items())}
        if self.by_till or self.tills_waiting or self.tills_silent:  # a till's own report: as it always was
            data["by_till"] = {till: {name: total.to_dict() for name, total in figures.items()}
                               for till, figures in sorted(self.by_till.items())}
            data["tills_waiting"] = list(self.tills_waiting)
            data["tills_silent"] = list(self.tills_silent)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        report = cls(data["kind"], data["environment"], dt.datetime.fromisoformat(data["period_start"]),
                     dt.datetime.fromisoformat(data["period_end"]), data.get("operator"))
        for name in _TOTALS:
            setattr(report, name, Total.from_dict(data[name]))
        for name in _GROUPS:
            setattr(report, name, {key: Total.from_dict(value) for key, value in data[name].items()})
        report.pending = [Listed.from_dict(row) for row in data["pending"]]
        report.unknown = [Listed.from_dict(row) for row in data["unknown"]]
        report.by_hour = {int(hour): {c: Decimal(a) for c, a in amounts.items()}
                          for hour, amounts in data["by_hour"].items()}
        report.by_till = {till: {name: Total.from_dict(total) for name, total in figures.items()}
                          for till, figures in data.get("by_till", {}).items()}
        report.tills_waiting = list(data.get("tills_waiting", []))
        report.tills_silent = list(data.get("tills_silent", []))
        return report


def build_report(entries: Iterable[Entry], children: Mapping[int, Sequence[Entry]], *, kind: str,
                 environment: str, period_start: dt.datetime, period_end: dt.datetime,
                 operator: str | None = None, tz: dt.tzinfo | None = None) -> Report:
    """The report of ``entries`` (the period's rows); ``children`` are the child rows of each (for balances);
    ``tz`` is the time zone of the hours (default: this computer's)."""
    report = Report(kind, environment, period_start, period_end, operator)
    by_brand: dict[str, Total] = defaultdict(Total)
    by_kind: dict[str, Total] = defaultdict(Total)
    by_operator: dict[str, Total] = defaultdict(Total)
    by_hour: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for entry in sorted(entries, key=lambda e: e.id):
        if entry.state is EntryState.PENDING:
            report.pending.append(Listed.of(entry))
            continue
        if entry.state is EntryState.UNKNOWN:
            report.unknown.append(Listed.of(entry))
            continue
        if entry.state is EntryState.DECLINED:
            report.declines.add(entry.amount, entry.currency)
            continue
        if entry.state is not EntryState.APPROVED:
            continue
        by_kind[entry.kind.value].add(entry.amount, entry.currency)
        balance = Balance.of(entry, children.get(entry.id, ()))
        if entry.kind in SALE_KINDS and entry.parent_id is None:
            report.sales.add(entry.amount, entry.currency)
        elif entry.kind is EntryKind.CAPTURE:
            report.captures.add(entry.amount, entry.currency)
        elif entry.kind is EntryKind.REFUND:
            report.refunds.add(entry.amount, entry.currency)
        elif entry.kind is EntryKind.VOID:
            report.voids.add(entry.amount, entry.currency)
        elif entry.kind is EntryKind.PREAUTH and balance.capturable > 0:
            report.open_preauths.add(balance.capturable, entry.currency)
        if entry.kind in TAKING_KINDS:
            report.takings.add(balance.remaining or Decimal(0), entry.currency)
            by_brand[entry.card_brand or NOT_NAMED].add(entry.amount, entry.currency)
            by_operator[entry.operator or NOT_NAMED].add(entry.amount, entry.currency)
            hour = entry.created_at.astimezone(tz).hour
            by_hour[hour][entry.currency] = by_hour[hour].get(entry.currency, Decimal(0)) + entry.amount
    report.by_brand, report.by_kind = dict(by_brand), dict(by_kind)
    report.by_operator, report.by_hour = dict(by_operator), dict(by_hour)
    return report


def report_from_journal(journal: Journal, *, kind: str, environment: str, period_start: dt.datetime,
                        period_end: dt.datetime, operator: str | None = None,
                        tz: dt.tzinfo | None = None) -> Report:
    """:func:`build_report` of the journal's rows of ``environment`` created in [start, end) (a shift:
    ``operator``'s rows only)."""
    entries = journal.search(environment=environment, since=period_start, until=period_end, limit=10**9)
    if operator is not None:
        entries = [e for e in entries if e.operator == operator]
    children = journal.children_of(e.id for e in entries)
    return build_report(entries, children, kind=kind, environment=environment, period_start=period_start,
                        period_end=period_end, operator=operator, tz=tz)


def start_of_day(moment: dt.datetime, tz: dt.tzinfo | None = None) -> dt.datetime:
    """Local midnight (in ``tz``, default this computer's zone) of the day of ``moment``."""
    local = moment.astimezone(tz)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)
