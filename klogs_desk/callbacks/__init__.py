"""The loopback listener that receives 3-D Secure callbacks from the embedded browser and the gateway's
card-storage webhooks (no Qt)."""

from typing import TYPE_CHECKING, Any

from .listener import (
    CallbackListener,
    CallbackOutcome,
    CallbackResult,
    CallbackTimeoutError,
    PendingCallback,
)

if TYPE_CHECKING:
    from .webhooks import CardStorageEvent, WebhookRefused, WebhookVerifier

_WEBHOOK_NAMES = ("CardStorageEvent", "WebhookRefused", "WebhookVerifier")


def __getattr__(name: str) -> Any:
    """The webhook check's names, imported when first asked for (after the first frame: the composition's
    first deferred step; issue 19), not with the listener the first frame builds."""
    if name in _WEBHOOK_NAMES:
        from . import webhooks

        return getattr(webhooks, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["CallbackListener", "CallbackOutcome", "CallbackResult", "CallbackTimeoutError", "PendingCallback",
           "CardStorageEvent", "WebhookRefused", "WebhookVerifier"]
