"""Close a shift or a day: the report of the period, kept as it was closed, recorded in the audit trail.

* **Shift** (the current operator's): their journal rows since their last shift close in this environment;
  with no earlier close, since the start of today.
* **Day** (everybody's): every row of the environment since local midnight.
* A close stores the report's figures in the audit file's ``closes`` table (not the journal: the journal
  holds payments, a close is a staff action, and it sits next to the audit record that proves it). The
  close's audit record (``shift.close`` / ``day.close``) holds the close's number, the period, the
  SHA-256 of the stored figures and how many payments had no known outcome and whether the closer went on
  anyway — so a close cannot be edited afterwards without breaking the chain's word for it.
* A day or shift with pending or outcome-unknown payments is never closed silently: :meth:`close` refuses
  unless the caller says the operator saw the list (``acknowledged_unresolved``).
* Who closes (with ``staff``; without it, a tool or a test of the figures, nobody checks): a **shift** only
  by its own operator (:meth:`StaffService.require_own`: a report left open across File ▸ Switch operator
  cannot close another's shift); the **day** by a manager (:attr:`Permission.CLOSE_DAY`), or by a cashier
  with a manager's :class:`~klogs_desk.services.staff.Approval` typed on the spot: the ``day.close``
  record then names the cashier as ``operator`` and the manager as ``approver``. Reading a day's figures
  is everyone's (an X-report changes nothing; a cashier counting the drawer needs it): only the close is
  the manager's. Refusals raise :class:`~klogs_desk.services.staff.StaffRefused` before anything is kept,
  and are recorded in the audit trail by the staff service, the one home of the rule.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Callable

from ..domain.audit import Close
from ..domain.journal import Journal
from .audit import DAY_CLOSE, REPORT_REPRINT, SHIFT_CLOSE, AuditTrail
from .staff import Approval, Permission, StaffService

if TYPE_CHECKING:  # the shop database's modules load only where one is configured (issue 19); the
    # reports' own (domain.reports: dataclasses, Decimal sums) when the first report is made, not with the
    # window's menus before its first frame
    from ..domain.reports import Report
    from .shop import ShopService


class UnresolvedPayments(Exception):
    """The period still has pending or outcome-unknown payments and nobody said to close anyway."""

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__(f"{len(report.unresolved)} payment(s) without a known outcome")


class ReportService:
    """``ReportService(journal, trail, environment=...)``; ``now`` and ``tz`` are injectable for tests."""

    def __init__(self, journal: Journal, trail: AuditTrail, *, environment: Callable[[], str],
                 now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.timezone.utc),
                 tz: dt.tzinfo | None = None, shop: ShopService | None = None,
                 staff: StaffService | None = None) -> None:
        self.journal = journal
        #: Who may close what (None: nobody checks; a tool, or tests of the figures alone).
        self.staff = staff
        #: The shop database: the day report covers every till (None: this till alone).
        self.shop = shop
        self.trail = trail
        self.environment = environment
        self.now = now
        self.tz = tz

    def shift_start(self, operator: str) -> dt.datetime:
        from ..domain.reports import SHIFT, start_of_day

        environment, now = self.environment(), self.now()
        closes = self.trail.log.closes(kind=SHIFT, operator=operator, environment=environment)
        today = start_of_day(now, self.tz)
        return max(closes[0].period_end, today) if closes else today

    def shift_report(self) -> Report:
        from ..domain.reports import SHIFT, report_from_journal

        operator = self.trail.current_operator() or ""
        return report_from_journal(self.journal, kind=SHIFT, environment=self.environment(),
                                   period_start=self.shift_start(operator), period_end=self.now(),
                                   operator=operator, tz=self.tz)

    def day_report(self) -> Report:
        from ..domain.reports import DAY, report_from_journal, start_of_day

        now = self.now()
        return report_from_journal(self.journal, kind=DAY, environment=self.environment(),
                                   period_start=start_of_day(now, self.tz), period_end=now, tz=self.tz)

    async def shop_day_report(self) -> Report:
        """The shop's day so far: every till, a per-till breakdown, the tills still holding records named.
        Raises :class:`~klogs_desk.services.shop.ShopUnavailable`; without a shop database, this till's day."""
        if self.shop is None:
            return self.day_report()
        return (await self.shop.day_report(now=self.now(), tz=self.tz)).total

    def close(self, report: Report, *, acknowledged_unresolved: bool = False,
              approval: Approval | None = None) -> Close:
        """Keep ``report`` as closed and record the close. Raises
        :class:`~klogs_desk.services.staff.StaffRefused` when the signed-in operator may not close it (a
        day: a cashier without ``approval``; a shift: someone else's), and :class:`UnresolvedPayments`
        when it lists pending or unknown payments and ``acknowledged_unresolved`` is false."""
        from ..domain.reports import SHIFT

        if report.unresolved and not acknowledged_unresolved:
            raise UnresolvedPayments(report)
        approver = self._approver(report, approval)
        closed = self.trail.log.add_close(
            kind=report.kind, operator=report.operator if report.kind == SHIFT else self.trail.current_operator(),
            environment=report.environment, period_start=report.period_start, period_end=report.period_end,
            report=report.to_dict(), closed_at=self.now())
        self.trail.record(SHIFT_CLOSE if report.kind == SHIFT else DAY_CLOSE, approver=approver, details={
            "close_id": closed.id, "from": report.period_start.isoformat(), "to": report.period_end.isoformat(),
            "report_sha256": closed.report_hash, "unresolved": len(report.unresolved),
            "closed_with_unresolved": bool(report.unresolved),
            "sales": {c: str(a) for c, a in report.sales.amounts.items()},
            "takings": {c: str(a) for c, a in report.takings.amounts.items()}})
        return closed

    def _approver(self, report: Report, approval: Approval | None) -> str | None:
        """The manager who approved a cashier's close of the day (None: nobody else answers for it)."""
        from ..domain.reports import SHIFT

        if self.staff is None:
            return None
        if report.kind == SHIFT:
            self.staff.require_own(report.operator or "", "close-shift")
            return None
        approver = self.staff.approver_for(Permission.CLOSE_DAY, approval)
        return approver if approver != self.staff.operator_name() else None

    def closes(self) -> list[Close]:
        return self.trail.log.closes(environment=self.environment())

    def reopen(self, close: Close) -> Report:
        """The report exactly as it was closed (its figures are checked against the close's audit record)."""
        from ..domain.reports import Report

        return Report.from_dict(close.report)

    def record_reprint(self, close: Close, output: str) -> None:
        self.trail.record(REPORT_REPRINT, details={"close_id": close.id, "kind": close.kind, "output": output})

