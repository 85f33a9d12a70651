"""The sandbox's ledger of card operations: what was charged, held, captured, voided, refunded.

Thread-safe (the server thread writes, tests read from theirs). In memory; :mod:`.persistence` copies it
to the sandbox's file when it has one. It never holds a full PAN or a CVV: a
record keeps the masked PAN (first six, last four) and nothing else of the card number.

Rules (the sandbox's choices where the docs are silent; a real gateway behaves the same way):

* **Idempotency.** The ``orderId`` is the idempotency key across payments, pre-authorizations, 3-D Secure
  payments and checkout payments. A request that repeats an ``orderId`` with the same kind of operation,
  amount, currency and (masked) card answers the original result, whatever it was (approved, declined,
  still pending), and charges nothing again. A reused ``orderId`` with a different kind, amount, currency or
  card is refused (409 "orderId already used"). A gateway error (5xx) leaves no record, so the orderId
  stays free: nothing was charged.
* **Charges.** :meth:`Ledger.charges_for` counts how many times the issuer was asked to authorize money
  for an ``orderId`` (approvals and declines both count; replays do not). Tests use it to prove "money
  moves once".
* **Settlement.** A transaction settles at the daily cut-off: the first midnight UTC after it (on the
  sandbox's simulated clock, which the admin API moves forward). Before settlement a sale can only be
  voided; after it, only refunded. A captured pre-authorization settles at the midnight after its capture;
  a pre-authorization that was never captured never settles and can be voided (released) at any time.
* **Balance.** What the merchant still holds of the original amount: the amount (or the captured amount)
  minus refunds; 0 once voided, and 0 for declined or still-pending transactions (no money taken yet).
"""

from __future__ import annotations

import collections
import datetime as dt
import enum
import threading
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterator

from ..api.models.transactions import TransactionStatus, TransactionType
from .test_cards import CardBehaviour


class Operation(str, enum.Enum):
    """What created a record: decides which idempotent replays match."""

    PAYMENT = "payment"
    PRE_AUTHORIZATION = "pre-authorization"
    THREE_DS = "3ds"
    CHECKOUT = "checkout"


class ThreeDSChallenge(str, enum.Enum):
    WAITING = "waiting"
    APPROVED = "approved"
    FAILED = "failed"


class LedgerConflict(Exception):
    """A rule of the ledger refused the operation; ``str(err)`` says why (shown to the merchant)."""


@dataclass
class RelatedEntry:
    """A capture, void or refund that followed a record."""

    type: TransactionType
    amount: Decimal
    status: TransactionStatus
    created_at: dt.datetime
    errors: list[str] = field(default_factory=list)


@dataclass
class ThreeDSState:
    """The 3-D Secure part of a record. ``security_key`` only reaches the browser, via the ACS page."""

    security_key: str
    success_url: str
    failure_url: str
    always_fails: bool
    #: What the issuer will answer once the challenge is passed (decided by the test card).
    behaviour: CardBehaviour = CardBehaviour.APPROVE
    challenge: ThreeDSChallenge = ThreeDSChallenge.WAITING
    completed: bool = False


@dataclass
class LedgerRecord:
    """One payment, pre-authorization, 3-D Secure payment or checkout payment (masked card only)."""

    payment_id: uuid.UUID
    order_id: str
    operation: Operation
    amount: Decimal
    currency: str
    masked_pan: str
    card_holder_name: str
    card_scheme: str
    card_type: str
    dom_int: str
    created_at: dt.datetime
    status: TransactionStatus = TransactionStatus.PENDING
    installment_count: int = 1
    customer_id: str | None = None
    result_code: str | None = None
    result_message: str | None = None
    auth_code: str | None = None
    external_transaction_id: str | None = None
    merchant_commission: Decimal = Decimal("0")
    paid_at: dt.datetime | None = None
    captured_amount: Decimal | None = None
    captured_at: dt.datetime | None = None
    voided: bool = False
    related: list[RelatedEntry] = field(default_factory=list)
    three_ds: ThreeDSState | None = None

    @property
    def type(self) -> TransactionType:
        if self.operation is Operation.PRE_AUTHORIZATION:
            return TransactionType.PROVISION
        return TransactionType.SALE

    def refunded(self) -> Decimal:
        return sum((e.amount for e in self.related
                    if e.type is TransactionType.REFUND and e.status is TransactionStatus.SUCCESS), Decimal("0"))

    def balance(self) -> Decimal:
        if self.status is not TransactionStatus.SUCCESS or self.voided:
            return Decimal(0)
        held = self.captured_amount if self.captured_amount is not None else self.amount
        return held - self.refunded()

    def settles_at(self) -> dt.datetime | None:
        """The daily cut-off that settles this record, or None while nothing can settle."""
        if self.status is not TransactionStatus.SUCCESS or self.voided:
            return None
        if self.type is TransactionType.PROVISION:
            if self.captured_at is None:
                return None
            basis = self.captured_at
        else:
            basis = self.paid_at or self.created_at
        return next_midnight(basis)

    def is_settled(self, now: dt.datetime) -> bool:
        cutoff = self.settles_at()
        return cutoff is not None and now >= cutoff

    def masked_view(self) -> dict[str, Any]:
        """A JSON-ready summary for the admin API (no card data beyond the masked PAN)."""
        return {
            "paymentId": self.payment_id, "orderId": self.order_id, "operation": self.operation.value,
            "type": self.type.value, "status": self.status.value, "amount": self.amount,
            "currency": self.currency, "balance": self.balance(), "pan": self.masked_pan,
            "installmentCount": self.installment_count, "createdAtUtc": self.created_at,
            "capturedAmount": self.captured_amount, "voided": self.voided,
            "related": [{"type": e.type.value, "amount": e.amount, "status": e.status.value} for e in self.related],
        }


def next_midnight(moment: dt.datetime) -> dt.datetime:
    """The first 00:00 UTC strictly after ``moment``: the sandbox's daily settlement cut-off."""
    utc = moment.astimezone(dt.timezone.utc)
    return dt.datetime.combine(utc.date() + dt.timedelta(days=1), dt.time(0), tzinfo=dt.timezone.utc)


def fingerprint(operation: Operation, amount: Decimal, currency: str, masked_pan: str) -> tuple:
    """What must match for a repeated orderId to be a replay rather than a conflict."""
    return (operation, amount.normalize(), currency, masked_pan)


class Ledger:
    """All records, by orderId and by paymentId. Every method is safe to call from any thread."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._by_order: dict[str, LedgerRecord] = {}
        self._by_payment: dict[uuid.UUID, LedgerRecord] = {}
        self._fingerprints: dict[str, tuple] = {}
        self._charges: collections.Counter[str] = collections.Counter()
        #: Records handed out since :meth:`take_touched` (only those can have changed): what the sandbox's
        #: file writes, so a request costs the same with ten records or a year of training's.
        self._touched: dict[str, LedgerRecord] = {}

    def claim(self, record: LedgerRecord) -> tuple[LedgerRecord, bool]:
        """Insert ``record`` under its orderId, or return the record already there.

        Returns ``(record, True)`` when inserted, ``(existing, False)`` for a replay with the same
        fingerprint; raises :class:`LedgerConflict` when the orderId is taken by something else.
        """
        key = fingerprint(record.operation, record.amount, record.currency, record.masked_pan)
        with self._lock:
            existing = self._by_order.get(record.order_id)
            self._touched[record.order_id] = existing or record
            if existing is None:
                self._by_order[record.order_id] = record
                self._by_payment[record.payment_id] = record
                self._fingerprints[record.order_id] = key
                return record, True
            if self._fingerprints[record.order_id] != key:
                raise LedgerConflict(
                    f"orderId already used: {record.order_id} belongs to another {existing.operation.value} "
                    "(different kind, amount, currency or card). Use a new orderId for a new sale.")
            return existing, False

    def restore(self, records: list[LedgerRecord], charges: dict[str, int]) -> None:
        """Put back records and charge counts read from the sandbox's file (see persistence.py)."""
        with self._lock:
            for record in records:
                self._by_order[record.order_id] = record
                self._by_payment[record.payment_id] = record
                self._fingerprints[record.order_id] = fingerprint(
                    record.operation, record.amount, record.currency, record.masked_pan)
            self._charges.update(charges)

    def count_charge(self, order_id: str) -> None:
        """Note that the issuer was asked to authorize money for ``order_id``."""
        with self._lock:
            self._charges[order_id] += 1

    def charges_for(self, order_id: str) -> int:
        with self._lock:
            return self._charges[order_id]

    def charge_counts(self) -> dict[str, int]:
        with self._lock:
            return dict(self._charges)

    def by_order(self, order_id: str) -> LedgerRecord | None:
        with self._lock:
            return self._touch(self._by_order.get(order_id))

    def by_payment(self, payment_id: uuid.UUID | str) -> LedgerRecord | None:
        try:
            key = payment_id if isinstance(payment_id, uuid.UUID) else uuid.UUID(str(payment_id))
        except ValueError:
            return None
        with self._lock:
            return self._touch(self._by_payment.get(key))

    def records(self) -> list[LedgerRecord]:
        with self._lock:
            self._touched.update(self._by_order)
            return list(self._by_order.values())

    def _touch(self, record: LedgerRecord | None) -> LedgerRecord | None:
        if record is not None:
            self._touched[record.order_id] = record
        return record

    def touch(self, record: LedgerRecord) -> None:
        """Note that ``record`` changed outside a lookup (a background task that held on to it)."""
        with self._lock:
            self._touch(record)

    def take_touched(self) -> list[LedgerRecord]:
        """The records handed out (or :meth:`touch`-ed) since the last call: the only ones that can have
        changed since then."""
        with self._lock:
            touched, self._touched = list(self._touched.values()), {}
            return touched

    def __iter__(self) -> Iterator[LedgerRecord]:
        return iter(self.records())

    @property
    def lock(self) -> threading.RLock:
        """Hold while reading and changing one record (capture, void, refund, 3DS steps)."""
        return self._lock


def ledger_of(state: Any) -> Ledger:
    """The state's ledger (``state.extras["ledger"]``), created on first use."""
    return state.extras.setdefault("ledger", Ledger())
