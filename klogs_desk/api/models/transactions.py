"""Models of the transaction endpoints (transactions.md): lookup, void and refund.

The reference of a transaction is the ``orderId`` of the payment or pre-authorization it belongs to.

Answers are read tolerantly (:mod:`.tolerant`): ``type`` and ``status`` in any case, as the .NET
library's numbers, or as an unrecognized value that is shown as "unknown (raw)"; a naive date-time is UTC.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated
from uuid import UUID

from pydantic import Field

from ..enums import TransactionStatus, TransactionType  # noqa: F401  # re-exported: defined here before
from .common import PositiveAmount
from .payments import OrderId
from .tolerant import UtcDatetime, tolerant_enum
from .wire import WireModel

#: The numbers the .NET library writes (sdk-differences.md); 4 is not published, so it is unrecognized.
TRANSACTION_TYPE_NUMBERS = {1: TransactionType.SALE, 2: TransactionType.VOID, 3: TransactionType.REFUND,
                            4: TransactionType.PROVISION, 5: TransactionType.PROVISION_COMMIT}
TRANSACTION_STATUS_NUMBERS = {1: TransactionStatus.SUCCESS, 2: TransactionStatus.FAILED,
                              3: TransactionStatus.PENDING, 5: TransactionStatus.UNKNOWN}
TypeInAnswer = Annotated[TransactionType, tolerant_enum(TransactionType, TRANSACTION_TYPE_NUMBERS)]
StatusInAnswer = Annotated[TransactionStatus, tolerant_enum(TransactionStatus, TRANSACTION_STATUS_NUMBERS)]


class TransactionErrorEntry(WireModel):
    error: str
    created_at_utc: UtcDatetime | None = None


class RelatedTransaction(WireModel):
    """A void, refund or capture that followed the original transaction."""

    amount: Decimal
    type: TypeInAnswer
    status: StatusInAnswer
    created_at_utc: UtcDatetime | None = None
    errors: list[TransactionErrorEntry] = Field(default_factory=list)


class TransactionDetail(WireModel):
    """Answer of ``GET /api/trx/{referenceCode}``."""

    id: UUID
    order_id: str | None = None
    client_reference_code: str | None = None
    amount: Decimal
    #: What is left of the original amount after refunds and voids (0 once voided or fully refunded).
    balance: Decimal
    currency_code: str
    type: TypeInAnswer
    status: StatusInAnswer
    created_at_utc: UtcDatetime | None = None
    installment: int | None = None
    payment_method: str | None = None
    #: The issuer's authorization code of an approved payment. Not in the client libraries' list; the
    #: sandbox sends it (a real gateway's lookup usually does) and a gateway that leaves it out is fine.
    auth_code: str | None = None
    errors: list[TransactionErrorEntry] = Field(default_factory=list)
    related_transactions: list[RelatedTransaction] = Field(default_factory=list)


class VoidRequest(WireModel):
    """Body of ``POST /api/trx/void``."""

    reference_code: OrderId


class RefundRequest(WireModel):
    """Body of ``POST /api/trx/refund``; partial refunds are allowed up to the remaining balance."""

    reference_code: OrderId
    amount: PositiveAmount


class TransactionErrorSummary(WireModel):
    summary: str


class TransactionResult(WireModel):
    """Answer of void and refund: ``{"success": true}`` or an error status with ``error.summary``."""

    success: bool
    error: TransactionErrorSummary | None = None

