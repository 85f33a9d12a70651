"""The API's enumerations (payment, subscription and transaction statuses, transaction types, sort
direction), without pydantic: services and tabs compare with them before the first frame without
importing the wire models. :mod:`klogs_desk.api.models` re-exports each from the module it was defined in;
values the terminal does not know are read as pseudo-members (:mod:`klogs_desk.api.unknown`).
"""

from __future__ import annotations

import enum


class PaymentStatus(str, enum.Enum):
    SUCCESS = "SUCCESS"
    FAILED = "FAILED"
    #: The card is enrolled in 3-D Secure: the sale must go through ``/api/3ds``.
    ENROLLED = "ENROLLED"
    #: Not in the docs: a checkout link not paid yet (``GET /api/checkout/{id}``). A gateway has to say
    #: "not paid yet" somehow; the sandbox says it this way and the terminal keeps following the link.
    PENDING = "PENDING"


class RegisteredPaymentStatus(str, enum.Enum):
    ACTIVE = "active"
    DISABLED = "disabled"
    COMPLETE = "complete"
    WAIT_FOR_OWNER_CONFIRMATION = "waitForOwnerConfirmation"
    WAIT_FOR_CARD_SAVE = "waitForCardSave"


class OrderDirection(str, enum.Enum):
    ASC = "asc"
    DESC = "desc"


class TransactionType(str, enum.Enum):
    SALE = "Sale"
    VOID = "Void"
    REFUND = "Refund"
    #: A pre-authorization.
    PROVISION = "Provision"
    #: The capture of a pre-authorization.
    PROVISION_COMMIT = "ProvisionCommit"


class TransactionStatus(str, enum.Enum):
    SUCCESS = "Success"
    FAILED = "Failed"
    PENDING = "Pending"
    UNKNOWN = "Unknown"
