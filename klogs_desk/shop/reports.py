"""The shop's figures from the shop database: one journal of every till, balances across tills, the day
report with a per-till breakdown. No Qt, no HTTP.

A payment's balance in the shop is its own till's (``entries.balance``: refunds and voids made there are
already taken off) less what other tills gave back (their approved refunds of it; an approved void from
another till empties it): :func:`shop_remaining`. :func:`shop_day_report` builds the domain's
:class:`~klogs_desk.domain.reports.Report` (the same rules as a till's own report) of all tills together and
of each till, on rows whose balance is the shop's, so takings agree to the cent with the gateway's ledger.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Mapping, Sequence

from ..domain.balances import Balance
from ..domain.journal import Entry, EntryKind, EntryState
from ..domain.reports import DAY, TILL_FIGURES, Report, build_report
from .server import ShopEntry, TillStatus


def shop_remaining(payment: ShopEntry, children: Iterable[ShopEntry]) -> Decimal | None:
    """What is left of ``payment`` to refund, across every till (None when it holds no money)."""
    children = list(children)
    here = [c.entry for c in children if c.till == payment.till and c.entry.parent_id is not None]
    elsewhere = [c.entry for c in children if c.entry.parent_till is not None
                 and c.entry.state is EntryState.APPROVED]
    remaining = Balance.of(payment.entry, here).remaining
    if remaining is None:
        return None
    if any(c.kind is EntryKind.VOID for c in elsewhere):
        return Decimal(0)
    given_back = sum((c.amount for c in elsewhere if c.kind is EntryKind.REFUND), Decimal(0))
    return max(Decimal(0), remaining - given_back)


def shop_balance(payment: ShopEntry, children: Iterable[ShopEntry]) -> Balance:
    """``payment``'s :class:`Balance` as the shop sees it (every till's voids and refunds of it)."""
    children = list(children)
    entry = payment.entry.replace(balance=shop_remaining(payment, children))
    return Balance.of(entry, [c.entry for c in children])


@dataclass
class ShopReport:
    """The shop's report of a period: all tills together, each till, and the tills whose records were not
    all in the shop database when it was made (named, so nobody takes the figures for complete). ``total``
    carries the per-till figures and the names too (:attr:`Report.by_till`, :attr:`Report.tills_waiting`), so
    a closed day keeps them."""

    total: Report
    by_till: dict[str, Report] = field(default_factory=dict)
    tills_waiting: list[str] = field(default_factory=list)
    #: Tills not heard from for :data:`SILENT_AFTER` before the report's end (a till pushes or reports at
    #: least every :data:`klogs_desk.shop.sync.IDLE_SECONDS`): switched off, or cut off with sales unsent.
    tills_silent: list[str] = field(default_factory=list)


SILENT_AFTER = dt.timedelta(minutes=5)


def _renumbered(rows: Sequence[ShopEntry], children: Mapping[tuple[str, int], Sequence[ShopEntry]]
                ) -> tuple[dict[tuple[str, int], Entry], dict[int, list[Entry]]]:
    """Rows with shop-wide ids (each till numbers its own), balances as the shop sees them, and the
    children of each by those ids."""
    numbered: dict[tuple[str, int], Entry] = {}
    for index, row in enumerate(sorted(rows, key=lambda r: (r.entry.created_at, r.till, r.entry.id)), start=1):
        kids = children.get(row.key, ())
        balance = shop_remaining(row, kids) if row.parent_key is None else row.entry.balance
        numbered[row.key] = row.entry.replace(id=index, parent_id=None, balance=balance)
    by_parent: dict[int, list[Entry]] = {}
    for row in rows:
        parent = row.parent_key
        if parent is not None and parent in numbered:
            by_parent.setdefault(numbered[parent].id, []).append(numbered[row.key])
    return numbered, by_parent


def shop_day_report(rows: Sequence[ShopEntry], children: Mapping[tuple[str, int], Sequence[ShopEntry]],
                    tills: Sequence[TillStatus], *, environment: str, period_start: dt.datetime,
                    period_end: dt.datetime, this_till: str | None = None, this_till_waiting: int = 0,
                    tz: dt.tzinfo | None = None, silent_after: dt.timedelta = SILENT_AFTER) -> ShopReport:
    """The shop's day report of ``rows`` (every till's rows of the period) with ``children`` (of each
    payment, from any till). ``tills`` as the shop database knows them: one that reported records waiting
    (or, for ``this_till``, ``this_till_waiting``) is named in :attr:`ShopReport.tills_waiting`."""
    numbered, by_parent = _renumbered(rows, children)
    total = build_report(numbered.values(), by_parent, kind=DAY, environment=environment,
                         period_start=period_start, period_end=period_end, tz=tz)
    report = ShopReport(total)
    # This till is always in the breakdown, even before its pusher has first reached the shop database.
    for till in sorted({row.till for row in rows} | {t.till for t in tills} | ({this_till} if this_till else set())):
        own = [numbered[row.key] for row in rows if row.till == till]
        report.by_till[till] = build_report(own, by_parent, kind=DAY, environment=environment,
                                            period_start=period_start, period_end=period_end, tz=tz)
    for status in tills:
        waiting = this_till_waiting if status.till == this_till else status.waiting
        if waiting:
            report.tills_waiting.append(status.till)
        elif status.till != this_till and (status.last_seen is None or status.last_seen < period_end - silent_after):
            report.tills_silent.append(status.till)
    if this_till and this_till_waiting and this_till not in report.tills_waiting:
        report.tills_waiting.append(this_till)
    total.by_till = {till: {name: getattr(own, name) for name in TILL_FIGURES} for till, own in report.by_till.items()}
    total.tills_waiting = list(report.tills_waiting)
    total.tills_silent = list(report.tills_silent)
    return report
