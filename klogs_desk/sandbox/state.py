"""The sandbox's configuration and the state its routers share."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .clock import SimulatedClock

DEFAULT_API_KEY = "sandbox-key"
DEFAULT_API_SECRET = "sandbox-secret"
DEFAULT_BEARER_TOKEN = "sandbox-token"
#: The docs' rate limit for the test environment: 100 requests a minute per credential.
DEFAULT_RATE_LIMIT = 100


@dataclass
class SandboxConfig:
    api_key: str = DEFAULT_API_KEY
    api_secret: str = DEFAULT_API_SECRET
    bearer_token: str = DEFAULT_BEARER_TOKEN
    #: Requests per minute per credential before 429: the docs' figure for the test environment (100; 1000 in
    #: production). 0 turns the limit off. ``klogs-sandbox --rate-limit`` sets it.
    rate_limit_per_minute: int = DEFAULT_RATE_LIMIT
    #: Enables the fault-injection admin endpoints; off unless started with ``--testing``.
    testing: bool = False
    #: SQLite file for the sandbox's whole state (ledger, checkout links, clock, owners, subscriptions, payment
    #: orders; see persistence.py) so a restarted sandbox carries on; ``None`` keeps everything in memory.
    database: Path | None = None
    #: How long the never-answering test card sleeps before answering (longer than any client timeout).
    hang_seconds: float = 40.0
    #: Base URL the server is reachable at (set by the server once it has its port); used in links.
    public_url: str = "http://127.0.0.1:0"
    #: The merchant's webhook base URL: card-storage notifications go to ``{webhook_url}/card-storage/{type}/{id}``
    #: (card_storage.py); ``None`` sends none. The embedded sandbox is given the terminal's receiver.
    webhook_url: str | None = None
    #: Base URL of the pretend bank's 3-D Secure page, on another host than ``public_url`` (see hosts.py).
    acs_url: str = "http://127.0.0.2:0"


@dataclass
class SandboxState:
    """Everything the routers share. Stores are attached by their routers' ``build_router``."""

    config: SandboxConfig
    clock: SimulatedClock = field(default_factory=SimulatedClock)
    extras: dict[str, Any] = field(default_factory=dict)
