"""The loopback listener that receives 3-D Secure callbacks from the embedded browser (no Qt)."""

from .listener import (
    CallbackListener,
    CallbackOutcome,
    CallbackResult,
    CallbackTimeoutError,
    PendingCallback,
)

__all__ = ["CallbackListener", "CallbackOutcome", "CallbackResult", "CallbackTimeoutError", "PendingCallback"]
