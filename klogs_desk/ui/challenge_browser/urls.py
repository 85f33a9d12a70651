"""The 3-D Secure page's URL rules, without QtWebEngine: the allow-list the page in the browser process
obeys (:mod:`klogs_desk.ui.webengine` has the reasons) and how the terminal's dialog names the page the
card holder is on. Pure functions of :class:`QUrl`; the terminal imports this module, never the page's.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl


def is_loopback_host(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ``::1`` (as :meth:`QUrl.host` writes them)."""
    host = host.lower().strip("[]")
    if host == "localhost":
        return True
    import ipaddress  # here: the terminal's dialog imports this module, and only a host name needs it

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _origin(url: QUrl) -> tuple[str, str, int]:
    scheme = url.scheme().lower()
    return scheme, url.host().lower(), url.port(443 if scheme == "https" else 80)


def is_listener(url: QUrl, callback_origin: str | None) -> bool:
    """True when ``url`` is on our callback listener (same scheme, host and port)."""
    return callback_origin is not None and _origin(url) == _origin(QUrl(callback_origin))


def allowed_navigation(url: QUrl, *, gateway_url: str, callback_origin: str | None,
                       initial_html_pending: bool) -> bool:
    """The navigation allow-list (pure function, unit-testable): see the module docstring."""
    scheme = url.scheme().lower()
    if scheme == "data" or (scheme == "about" and url.toString() == "about:blank"):
        return initial_html_pending
    host = url.host()
    if not host:
        return False
    if scheme == "https":
        return True
    if scheme != "http":
        return False
    if is_listener(url, callback_origin):
        return True
    gateway = QUrl(gateway_url)
    sandbox_gateway = gateway.scheme().lower() == "http" and is_loopback_host(gateway.host())
    return sandbox_gateway and is_loopback_host(host)


def connection_kind(url: QUrl, callback_origin: str | None) -> str | None:
    """How the page the card holder is on is reached, for the dialog to say: ``"secure"`` (https),
    ``"terminal"`` (our listener), ``"sandbox"`` (plain http on loopback), else ``None``."""
    scheme = url.scheme().lower()
    if not url.host():
        return None
    if scheme == "https":
        return "secure"
    if scheme == "http" and is_listener(url, callback_origin):
        return "terminal"
    if scheme == "http" and is_loopback_host(url.host()):
        return "sandbox"
    return None


def shown_url(url: QUrl) -> str:
    """``scheme://host[:port]`` of ``url`` (``scheme:`` for others): never the path or query, which may
    carry tokens."""
    if url.scheme() in ("http", "https"):
        port = f":{url.port()}" if url.port() != -1 else ""
        return f"{url.scheme()}://{url.host()}{port}"
    return url.scheme() + ":"
