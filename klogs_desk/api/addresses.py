"""The client's credentials and addresses, without the HTTP client: :class:`Credentials`, :class:`Endpoints`
and the clear-text check. Kept apart from :mod:`klogs_desk.api.client` so that the window, the settings and the
credential store can be imported (and the first frame drawn) without importing httpx or the pydantic models;
``api.client`` re-exports every name.
"""

from __future__ import annotations

import ipaddress
import re

from ..frozen import Frozen, init


class Credentials(Frozen):
    """API key and secret (payment API) and Bearer token (recurring API). Never printed."""

    api_key: str
    api_secret: str
    bearer_token: str

    __slots__ = ("api_key", "api_secret", "bearer_token")

    def __init__(self, api_key: str = "", api_secret: str = "", bearer_token: str = "") -> None:
        init(self, api_key, api_secret, bearer_token)

    def __repr__(self) -> str:
        return "Credentials(<hidden>)"

    def secrets(self) -> tuple[str, ...]:
        """The secret values (for redaction filters)."""
        return tuple(s for s in (self.api_key, self.api_secret, self.bearer_token) if s)


#: Host names that always mean this machine; IP addresses are checked with :mod:`ipaddress`.
LOOPBACK_NAMES = frozenset({"localhost"})


def is_loopback_host(host: str) -> bool:
    """True for 127.0.0.0/8, ``::1`` (brackets allowed) and ``localhost``: traffic that never leaves the machine."""
    host = host.strip().strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


#: An address with nothing a parser could read two ways (no user info, query, fragment or backslash; a
#: lower-case scheme, an ASCII host name or IP, a port, a plain path): checked without importing httpx, so
#: that the start-up check of the configured addresses (before the first frame) does not load it.
_PLAIN_URL = re.compile(r"(https?)://([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?(?:/[A-Za-z0-9._~%/-]*)?\Z")


def clear_text_refused(url: str) -> bool:
    """True when ``url`` would send in clear text off this machine: ``http`` to a host that is not loopback.

    Parsed the way the client sends (:class:`httpx.URL`). Other unusable addresses (no scheme, ``ftp:``,
    no host) are not refused here: the client cannot send to them at all and says so
    (:class:`ConnectionFailedError`, nothing sent).
    """
    plain = _PLAIN_URL.match(url.strip())
    if plain and int(plain.group(3) or 0) <= 65535:  # unambiguous: read the same way httpx reads it
        scheme, host = plain.group(1), plain.group(2)
        return scheme == "http" and not is_loopback_host(host)
    import httpx  # any other address: parsed exactly as the client will (httpx imported at first need)

    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError):
        return False
    return parsed.scheme == "http" and bool(parsed.host) and not is_loopback_host(parsed.host)


class ClearTextRefused(ValueError):
    """A gateway base URL is plain ``http`` to another machine: refused before any client or request exists.

    :attr:`url` is the refused address, for the message the UI writes; nothing was sent.
    """

    def __init__(self, url: str) -> None:
        super().__init__(f"refusing a clear-text (http) gateway address off this machine: {url}")
        self.url = url


class Endpoints(Frozen):
    """Base URLs of the two APIs; each may be overridden per environment.

    Raises :class:`ClearTextRefused` for an ``http`` URL to a host other than this machine: the one
    place every client's addresses pass, wherever they came from.
    """

    payment_base_url: str
    recurring_base_url: str

    __slots__ = ("payment_base_url", "recurring_base_url")

    def __init__(self, payment_base_url: str, recurring_base_url: str) -> None:
        for url in (payment_base_url, recurring_base_url):
            if clear_text_refused(url):
                raise ClearTextRefused(url)
        init(self, payment_base_url, recurring_base_url)

    @classmethod
    def same(cls, base_url: str) -> "Endpoints":
        return cls(base_url, base_url)
