"""The terminal's :class:`AuditRecorder`: records go to the :class:`~klogs_desk.domain.audit.AuditLog`, named
after the operator signed in (``current_operator``, given by the composition root) unless the caller names
one, and marked as training while the terminal is on the built-in sandbox (``training``).

An audit write that fails (disk full, file locked) must not undo the action it describes — the money already
moved — so it is logged as an error and reported to the caller's ``on_failure`` (the window says so), never
raised into a payment's code path.
"""

from __future__ import annotations

import logging
from typing import Callable, Mapping

from ..domain.audit import AuditLog, AuditRecord, Verification

log = logging.getLogger(__name__)

#: The actions recorded here (sign-in, lock-out, idle lock/unlock, approvals, operators, Settings changes and
#: environment switches are recorded by :class:`~klogs_desk.services.staff.StaffService` and Settings).
START = "app.start"
STOP = "app.stop"
ENVIRONMENT_SWITCHED = "environment.switch"  # the name Settings records a switch under, too
VOID = "void"
REFUND = "refund"
CAPTURE = "capture"
CSV_EXPORT = "journal.csv-export"
AUDIT_EXPORT = "audit.csv-export"
RECEIPT_PRINT = "receipt.print"
RECEIPT_PDF = "receipt.pdf"
SHIFT_CLOSE = "shift.close"
DAY_CLOSE = "day.close"
REPORT_REPRINT = "report.reprint"
#: A card owner saved a card (the gateway's verified card-storage webhook; recorded by ``SavedCardsService``).
CARD_SAVED = "card.saved"
#: Who a webhook's record names: nobody at the terminal did it.
GATEWAY = "gateway"


class AuditTrail:
    """``AuditTrail(log, current_operator=..., training=...)``: an :class:`AuditRecorder` over ``log``."""

    def __init__(self, audit_log: AuditLog, *, current_operator: Callable[[], str | None],
                 training: Callable[[], bool] = lambda: False,
                 on_failure: Callable[[BaseException], None] | None = None) -> None:
        self.log = audit_log
        self.current_operator = current_operator
        self.training = training
        self.on_failure = on_failure

    def record(self, action: str, *, operator: str | None = None, approver: str | None = None,
               details: Mapping[str, object] | None = None) -> AuditRecord | None:
        try:
            return self.log.append(action, operator=operator or self.current_operator(), approver=approver,
                                   details=details, training=self.training())
        except Exception as exc:  # the action happened: never undo it for a failed record
            log.error("audit record %s could not be written", action, exc_info=True)
            if self.on_failure is not None:
                self.on_failure(exc)
            return None

    def verify(self) -> Verification:
        return self.log.verify()
