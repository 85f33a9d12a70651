"""What the services and screens need of the audit trail: something to ``record`` an action with.

The trail itself (its storage, hash chain and views) lives elsewhere; code that does something worth
auditing is given an :class:`AuditRecorder` by the composition root and calls ``record``. Never pass card
data or secrets in ``details``: a changed secret is recorded as ``"changed"``.
"""

from __future__ import annotations

from typing import Mapping, Protocol


class AuditRecorder(Protocol):
    def record(self, action: str, *, operator: str | None = None, approver: str | None = None,
               details: Mapping[str, object] | None = None) -> None:
        """Append one record: ``action`` (a short dotted name such as ``"sign-in.failed"`` or ``"refund"``),
        who did it, who approved it (a manager's name, for an action a cashier could not do alone) and the
        facts worth keeping (setting name and old → new value, order ID and amount, …)."""


class NoAudit:
    """An :class:`AuditRecorder` that keeps nothing (tests and tools that build a service alone)."""

    def record(self, action: str, *, operator: str | None = None, approver: str | None = None,
               details: Mapping[str, object] | None = None) -> None:
        return None


NO_AUDIT: AuditRecorder = NoAudit()
