"""What is left of a payment and what can still be done with it, from its journal row and its child rows.

The one home of the money rules the services and the widgets share (the Journal's Balance and state
columns, the refund dialog, the Pre-authorization tab's list, the void/refund/capture checks):

* **remaining**: what is left of an approved payment: to refund for a sale, 3-D Secure sale, paid link or
  capture; to capture for a pre-authorization. ``None`` when the row holds no money (not approved, or a
  void/refund row). The ``balance`` the services record is the source of truth; a row approved before
  balances were kept derives it from its approved children: zero once voided (or, for a
  pre-authorization, once captured: a capture releases the rest of the hold), else its amount less its
  approved refunds. Children still pending or unknown do not count: their money has not been proven to move.
* **capturable**: what a capture of a pre-authorization may take now (zero once captured or voided).
* **settlement**: :class:`Settlement` for an approved payment that was voided or refunded afterwards (the
  payment's own row stays ``approved``; the void or refund is a row of its own), else ``None``.
* **can_void / can_refund**: what the journal allows now. A void cancels a whole payment that nothing was
  refunded of (a pre-authorization even when captured: the capture is cancelled with it); a refund returns
  money of a sale, paid link or capture (of a pre-authorization: its capture) while some is left. Neither
  for child rows (voids, refunds), rows not approved (declined, unknown...), voided payments, or while a
  void, refund or capture of the row has no known outcome. Whether the gateway's daily settlement already
  turned a void into a refund is the gateway's decision: the terminal cannot know its clock, so it asks.

* **settled / void_allowed / refund_allowed**: the gateway settles at its daily cut-off, the first 00:00 UTC
  after the payment (after the capture, for a pre-authorization): before it only a void is possible, after
  it only a refund (the sandbox's rule and a real gateway's usual one). ``now`` is the gateway's clock as the
  caller knows it; a gateway that disagrees still refuses, and the refusal is shown, never journaled as a
  charge.

Everything is exact ``Decimal``; nothing here reads the journal (callers pass the children).
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Iterable

from ..frozen import Frozen, init
from .journal import Entry, EntryKind, EntryState

#: Kinds whose rows hold money (or an authorization) that a later void, refund or capture reduces.
MONEY_KINDS = frozenset({EntryKind.SALE, EntryKind.SALE_3DS, EntryKind.PREAUTH, EntryKind.CAPTURE,
                         EntryKind.CHECKOUT})
#: Journal kinds that are payments a void can cancel.
VOIDABLE_KINDS = frozenset({EntryKind.SALE, EntryKind.SALE_3DS, EntryKind.CHECKOUT, EntryKind.PREAUTH})
#: Journal kinds that hold money a refund can return.
REFUNDABLE_KINDS = frozenset({EntryKind.SALE, EntryKind.SALE_3DS, EntryKind.CHECKOUT, EntryKind.CAPTURE})
#: Child kinds that act on a payment's money.
ACTING_KINDS = frozenset({EntryKind.VOID, EntryKind.REFUND, EntryKind.CAPTURE})


class Settlement(str, enum.Enum):
    """How an approved payment ended after the fact; ``value`` is the display key (badge, colour)."""

    VOIDED = "voided"
    REFUNDED = "refunded"
    PARTLY_REFUNDED = "partly_refunded"


class Balance(Frozen):
    """The money rules of ``entry`` given its child rows (``Journal.children``), oldest first."""

    entry: Entry
    children: tuple[Entry, ...]

    __slots__ = ("entry", "children")

    def __init__(self, entry: Entry, children: tuple[Entry, ...] = ()) -> None:
        init(self, entry, children)

    @classmethod
    def of(cls, entry: Entry, children: Iterable[Entry] = ()) -> Balance:
        return cls(entry, tuple(children))

    # --- what the children say ------------------------------------------------------------------

    def _approved(self, kind: EntryKind) -> list[Entry]:
        return [c for c in self.children if c.kind is kind and c.state is EntryState.APPROVED]

    @property
    def holds_money(self) -> bool:
        return self.entry.state is EntryState.APPROVED and self.entry.kind in MONEY_KINDS

    @property
    def voided(self) -> bool:
        """An approved void of this row exists."""
        return bool(self._approved(EntryKind.VOID))

    @property
    def captured(self) -> Entry | None:
        """The approved capture of this pre-authorization, if any."""
        captures = self._approved(EntryKind.CAPTURE)
        return captures[0] if captures else None

    @property
    def open_child(self) -> Entry | None:
        """The first void, refund or capture of this row still without an outcome (pending or unknown)."""
        return next((c for c in self.children if c.kind in ACTING_KINDS and c.unresolved), None)

    # --- amounts --------------------------------------------------------------------------------

    @property
    def remaining(self) -> Decimal | None:
        """What is left to refund (or, for a pre-authorization, to capture); ``None`` if no money is held."""
        entry = self.entry
        if not self.holds_money:
            return None
        if entry.balance is not None:
            return entry.balance
        if self.voided or (entry.kind is EntryKind.PREAUTH and self.captured is not None):
            return Decimal(0)
        refunded = sum((c.amount for c in self._approved(EntryKind.REFUND)), Decimal(0))
        return max(Decimal(0), entry.amount - refunded)

    @property
    def capturable(self) -> Decimal:
        """What a capture of this pre-authorization may take now; zero for anything else."""
        entry = self.entry
        if (entry.kind is not EntryKind.PREAUTH or entry.parent_id is not None or not self.holds_money
                or self.captured is not None or self.voided):
            return Decimal(0)
        return max(Decimal(0), self.remaining or Decimal(0))

    @property
    def refunded(self) -> bool:
        """Money of this payment was returned (in part or in full): less is left than was paid."""
        remaining = self.remaining
        return (self.entry.kind is not EntryKind.PREAUTH and remaining is not None
                and remaining < self.entry.amount)

    # --- states and what can be done ------------------------------------------------------------

    @property
    def settlement(self) -> Settlement | None:
        if not self.holds_money:
            return None
        if self.voided:
            return Settlement.VOIDED
        if not self._approved(EntryKind.REFUND):
            return None
        remaining = self.remaining
        return Settlement.REFUNDED if remaining is not None and remaining <= 0 else Settlement.PARTLY_REFUNDED

    @property
    def can_void(self) -> bool:
        entry = self.entry
        return (entry.kind in VOIDABLE_KINDS and entry.parent_id is None and self.holds_money
                and self.open_child is None and not self.voided and not self.refunded)

    @property
    def can_refund(self) -> bool:
        entry = self.entry
        if not self.holds_money or self.open_child is not None or self.voided:
            return False
        if entry.kind is EntryKind.PREAUTH:
            return entry.parent_id is None and self.captured is not None  # its capture's money is refunded
        return entry.kind in REFUNDABLE_KINDS and (self.remaining or Decimal(0)) > 0


    def settled(self, now: dt.datetime) -> bool:
        """Whether the gateway's daily cut-off (00:00 UTC) passed since the money moved: for a
        pre-authorization, since its capture (an uncaptured hold never settles)."""
        moved = self.entry.created_at
        if self.entry.kind is EntryKind.PREAUTH:
            capture = self.captured
            if capture is None:
                return False
            moved = capture.created_at
        return now >= next_cut_off(moved)

    def void_allowed(self, now: dt.datetime) -> bool:
        """:attr:`can_void`, and the payment is not settled yet (a settled one is refunded instead)."""
        return self.can_void and not self.settled(now)

    def refund_allowed(self, now: dt.datetime) -> bool:
        """:attr:`can_refund`, and the money is settled (before that, the payment is voided instead)."""
        return self.can_refund and self.settled(now)


def next_cut_off(moment: dt.datetime) -> dt.datetime:
    """The gateway's daily settlement cut-off that settles a payment made at ``moment``: the next 00:00 UTC."""
    utc = moment.astimezone(dt.timezone.utc)
    return dt.datetime.combine(utc.date() + dt.timedelta(days=1), dt.time(0), tzinfo=dt.timezone.utc)


def remaining(entry: Entry, children: Iterable[Entry] = ()) -> Decimal | None:
    """:attr:`Balance.remaining` of ``entry`` and its ``children``."""
    return Balance.of(entry, children).remaining
