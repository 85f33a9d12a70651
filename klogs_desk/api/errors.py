"""The client's exceptions: one class per way a call can end badly, mapped from HTTP in one place.

Every exception carries what a cashier needs (``.msg``, a :class:`~klogs_desk.messages.Message` the UI renders
in the cashier's language; ``.message`` is its English rendering, for logs) and what code needs (status, the RFC
7807 problem details, the field the server named). None of them ever holds a secret or a card number.

``OutcomeUnknownError`` is the important one: a payment POST that timed out or lost its connection after
the request was sent may or may not have charged the card. It must never be retried blindly; the journal
records it and the cashier (or a lookup) resolves it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..messages import Message, english

if TYPE_CHECKING:
    import pydantic

    from .models.problems import ProblemDetails


def field_errors_from(exc: pydantic.ValidationError) -> dict[str, list[str]]:
    """:func:`klogs_desk.api.models.wire.field_errors_from`, defined with the wire models (the sandbox reports
    field errors with it too); callers that catch these exceptions name the fields from here. Imported at
    call time: this module (every ``except KlogsError``) must not import pydantic and the models before the
    first frame.
    """
    from .models.wire import field_errors_from as from_wire

    return from_wire(exc)


class KlogsError(Exception):
    """Base of every error the client raises. ``.msg`` is what the cashier reads (rendered by the UI);
    ``str(err)`` and ``.message`` are its English rendering, for logs."""

    def __init__(self, msg: Message, *, status: int | None = None,
                 problem: "ProblemDetails | None" = None) -> None:
        self.msg = msg
        self.message = english(msg)
        super().__init__(self.message)
        self.status = status
        self.problem = problem

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, message={self.message!r})"


class ConnectionFailedError(KlogsError):
    """The request never reached the gateway (DNS, refused, TLS): nothing was charged, safe to try again."""


class OutcomeUnknownError(KlogsError):
    """A non-idempotent request was sent but no answer came back: the charge may or may not exist."""

    def __init__(self, msg: Message, *, operation: str, reference: str | None = None) -> None:
        super().__init__(msg)
        self.operation = operation
        self.reference = reference


class ApiStatusError(KlogsError):
    """The gateway answered with an error status."""


class ValidationFailedError(ApiStatusError):
    """400: the gateway refused the request's content. ``field`` is the camelCase field it named, if any;
    ``field_errors`` maps every named field to its messages."""

    def __init__(self, msg: Message, *, status: int | None = 400, problem: "ProblemDetails | None" = None,
                 field: str | None = None, field_errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(msg, status=status, problem=problem)
        self.field = field
        self.field_errors = field_errors or {}


class AuthenticationError(ApiStatusError):
    """401: the credentials for this environment are missing or wrong."""


class PermissionDeniedError(ApiStatusError):
    """403: the credentials are valid but not allowed to do this."""


class NotFoundError(ApiStatusError):
    """404: no such payment, checkout, subscription or transaction."""


class ConflictError(ApiStatusError):
    """409/422: the request is well formed but not allowed now (a second capture, a void after settlement)."""


class RateLimitedError(ApiStatusError):
    """429: too many requests. ``retry_after`` is the number of seconds the gateway asked us to wait."""

    def __init__(self, msg: Message, *, status: int | None = 429, problem: "ProblemDetails | None" = None,
                 retry_after: float | None = None) -> None:
        super().__init__(msg, status=status, problem=problem)
        self.retry_after = retry_after


class ServerError(ApiStatusError):
    """5xx: the gateway failed. For a payment this is a definite answer from the gateway, not a timeout."""


class ProtocolError(KlogsError):
    """The gateway answered 2xx with a body this client cannot read."""
