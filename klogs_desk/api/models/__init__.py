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

__all__ = [
    "build_validators",
    "CaptureRequest",
    "CardPaymentRequest",
    "CheckoutRequest",
    "CheckoutResponse",
    "Frequency",
    "InstallmentOption",
    "InstallmentOptionsRequest",
    "InstallmentOptionsResponse",
    "NewOwnerRequest",
    "OperationResult",
    "OrderDirection",
    "OwnerDescription",
    "PaymentOrderRequest",
    "PaymentResponse",
    "PaymentStatus",
    "ProblemDetails",
    "RecurringListQuery",
    "RecurringPayment",
    "RecurringPaymentPage",
    "RecurringPaymentRequest",
    "RefundRequest",
    "RegisteredPaymentStatus",
    "RelatedTransaction",
    "SORTABLE_FIELDS",
    "ThreeDSecureCallback",
    "ThreeDSecureCompleteRequest",
    "ThreeDSecureEnrollment",
    "ThreeDSecureRequest",
    "TransactionDetail",
    "TransactionErrorEntry",
    "TransactionResult",
    "TransactionStatus",
    "TransactionType",
    "UpdateRecurringPaymentRequest",
    "VoidRequest",
]


def build_validators() -> int:
    """Build every API model's validator and serializer now (they are deferred to first use, see
    :class:`~.wire.WireModel`); returns how many were built. ``app.py`` runs this on a worker thread once
    the window is up, so neither the first frame nor the first sale pays for it (about 0.2 s in all, 0.09 s
    of it the e-mail address rules of :class:`OwnerDescription`); the thread gives the UI thread the
    interpreter every few milliseconds. Building a model twice (a first use racing this) is harmless."""
    from .wire import WireModel

    built = 0
    pending: list[type[WireModel]] = list(WireModel.__subclasses__())
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if not model.__pydantic_complete__:
            model.model_rebuild()
            built += 1
    return built

