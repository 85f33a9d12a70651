"""Pydantic v2 models of every request and response of the Klogs APIs (camelCase on the wire)."""

from .payments import (
    CaptureRequest,
    CardPaymentRequest,
    CheckoutRequest,
    CheckoutResponse,
    InstallmentOption,
    InstallmentOptionsRequest,
    InstallmentOptionsResponse,
    PaymentResponse,
    PaymentStatus,
    ThreeDSecureCallback,
    ThreeDSecureCompleteRequest,
    ThreeDSecureEnrollment,
    ThreeDSecureRequest,
)
from .problems import ProblemDetails
from .recurring import (
    SORTABLE_FIELDS,
    Frequency,
    NewOwnerRequest,
    OperationResult,
    OrderDirection,
    OwnerDescription,
    PaymentOrderRequest,
    RecurringListQuery,
    RecurringPayment,
    RecurringPaymentPage,
    RecurringPaymentRequest,
    RegisteredPaymentStatus,
    UpdateRecurringPaymentRequest,
)
from .transactions import (
    RefundRequest,
    RelatedTransaction,
    TransactionDetail,
    TransactionErrorEntry,
    TransactionResult,
    TransactionStatus,
    TransactionType,
    VoidRequest,
)

__all__ = [name for name in dir() if not name.startswith("_")]
