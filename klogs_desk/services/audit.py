"""The terminal's :class:`AuditRecorder`: records go to the :class:`~klogs_desk.domain.audit.AuditLog`, named
after the operator signed in (``current_operator``, given by the composition root) unless the caller names
one, and marked as training while the terminal is on the built-in sandbox (``training``).

An audit write that fails (disk full, file locked) must not undo the action it describes — the money already
moved — so it is logged as an error and reported to the caller's ``on_failure`` (the window says so), never
raised into a payment's code path.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Iterable, Mapping

from ..domain.audit import AuditLog, AuditRecord, Verification

log = logging.getLogger(__name__)

#: The actions this terminal records (the other engineer's sign-in/operator actions come on top).
START = "app.start"
STOP = "app.stop"
IDLE_LOCK = "idle.lock"
IDLE_UNLOCK = "idle.unlock"
IDLE_UNLOCK_FAILED = "idle.unlock-failed"
SETTINGS_CHANGED = "settings.changed"
ENVIRONMENT_SWITCHED = "environment.switched"
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


#: Who the terminal names before operators sign in: the built-in trainee on the sandbox, else nobody known.
TRAINEE = "Trainee"
UNKNOWN_OPERATOR = "unknown"


def operator_before_sign_in(environment: str) -> str:
    """The operator's name until sign-in exists: ``Trainee`` in training, else ``unknown``."""
    return TRAINEE if environment == "sandbox" else UNKNOWN_OPERATOR


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

    def setting_changed(self, setting: str, old: Any, new: Any) -> None:
        """Record one setting's change (``old`` → ``new``); a secret's values are kept as ``"changed"``."""
        self.record(SETTINGS_CHANGED, details={"setting": setting, "old": old, "new": new})


def settings_snapshot(config: Any, environments: Iterable[str]) -> dict[str, Any]:
    """What Settings can change, by name, as the audit trail compares it (the manager PIN by its hash: the
    record says only "changed")."""
    snapshot: dict[str, Any] = {name: getattr(config, name) for name in (
        "environment", "merchant_line", "language", "card_clear_seconds", "idle_lock_minutes",
        "manager_pin_required", "manager_pin_hash", "credentials_session_only")}
    for environment in environments:
        snapshot[f"payment_url.{environment}"] = config.payment_base_url(environment)
        snapshot[f"recurring_url.{environment}"] = config.recurring_base_url(environment)
        snapshot[f"auth_mode.{environment}"] = config.auth_mode(environment)
    return snapshot


def setting_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """The settings that differ between two snapshots, as (name, old, new), in ``after``'s order."""
    return [(name, before.get(name), value) for name, value in after.items() if before.get(name) != value]
