"""The loopback listener that receives 3-D Secure callbacks from the embedded browser and the gateway's
card-storage webhooks (no Qt)."""

from .listener import (
    CallbackListener,
    CallbackOutcome,
    CallbackResult,
    CallbackTimeoutError,
    PendingCallback,
)
from .webhooks import CardStorageEvent, WebhookRefused, WebhookVerifier

__all__ = ["CallbackListener", "CallbackOutcome", "CallbackResult", "CallbackTimeoutError", "PendingCallback",
           "CardStorageEvent", "WebhookRefused", "WebhookVerifier"]
