"""The sandbox's two hosts: the gateway, and the pretend issuing bank's 3-D Secure page (ACS) elsewhere.

Why two hosts: a real gateway's 3-D Secure HTML sends the card holder's browser to the issuing bank's ACS
page on the bank's own domain and back, and the terminal's web view decides by *host* where a page may
go. An ACS on the gateway's host (or merely on another port of it) would hide a web view that only
allows the gateway.

Choice of the ACS host (no heavy imports here: the embedded sandbox binds both sockets at start-up):

* **127.0.0.2**, on a free port. Linux (and Windows) route all of 127.0.0.0/8 to the loopback interface,
  so a second loopback *address* is a second host name to the browser, with no DNS and no set-up.
* Where 127.0.0.2 cannot be bound (macOS configures only 127.0.0.1 on ``lo0`` by default), the ACS
  listens on another free port of 127.0.0.1 and its pages are addressed as **localhost**: to the browser
  and to the web view's allow-list "localhost" and "127.0.0.1" are different hosts (different origins),
  which is what the sandbox must show. The gateway itself is always addressed as 127.0.0.1.
"""

from __future__ import annotations

import errno
import logging
import socket

GATEWAY_ADDRESS = "127.0.0.1"
ACS_ADDRESS = "127.0.0.2"
#: Used when :data:`ACS_ADDRESS` cannot be bound: listen on this address, name the host ``localhost``.
FALLBACK_ACS_ADDRESS, FALLBACK_ACS_NAME = "127.0.0.1", "localhost"

log = logging.getLogger(__name__)


def listening_socket(address: str, port: int = 0) -> socket.socket:
    """A TCP socket bound to ``address:port`` and listening (early connections queue in the kernel)."""
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on accepted sockets whose proto says TCP. Without it
    # Nagle holds the answer's body (written after its headers) for the client's delayed ACK: +40 ms on
    # every request on Linux loopback.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((address, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def acs_socket() -> tuple[socket.socket, str]:
    """A listening socket for the ACS on a free port, and the host name its URLs use (see the module
    docstring: 127.0.0.2, else localhost on 127.0.0.1)."""
    try:
        return listening_socket(ACS_ADDRESS), ACS_ADDRESS
    except OSError as exc:
        if exc.errno not in (errno.EADDRNOTAVAIL, errno.EINVAL, errno.EACCES, errno.EPERM):
            raise
        log.info("cannot listen on %s (%s); the sandbox bank page uses %s on %s instead",
                 ACS_ADDRESS, exc, FALLBACK_ACS_NAME, FALLBACK_ACS_ADDRESS)
        return listening_socket(FALLBACK_ACS_ADDRESS), FALLBACK_ACS_NAME
