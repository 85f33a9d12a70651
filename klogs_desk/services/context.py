"""The services a window hands to its tabs: the client for the current environment, the journal and the
audit trail's recorder."""

from __future__ import annotations

from dataclasses import dataclass

from ..api.client import KlogsClient
from ..domain.journal import Journal
from .audit_recorder import NO_AUDIT, AuditRecorder


@dataclass
class AppServices:
    """Shared by every tab. ``client`` is replaced when the environment or credentials change, so tabs
    read ``services.client`` at the moment they send, never keep their own reference."""

    client: KlogsClient
    journal: Journal
    #: ``"sandbox"``, ``"test"`` or ``"production"``; journal rows are kept per environment.
    environment: str = "sandbox"
    #: The merchant line printed on receipts (Settings).
    merchant_line: str = ""
    #: Base URL of the embedded sandbox when in training mode, else ``None``.
    sandbox_url: str | None = None
    #: Where voids, refunds, captures, exports and receipt output are recorded (the composition root gives
    #: the terminal's :class:`~klogs_desk.services.audit.AuditTrail`; tools and tests keep nothing).
    audit: AuditRecorder = NO_AUDIT
