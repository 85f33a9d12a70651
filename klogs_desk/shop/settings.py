"""How a till reaches the shop database. No Qt, no keyring here: the composition root reads the settings
(``klogs_desk.config``) and hands them over with a way to read the password (``klogs_desk.credentials``),
``password_source``, which is called when a connection is made (always on a worker thread), not when the
settings are built: a keyring that takes seconds to answer must not hold up the terminal's start.

TLS: a shop database on another machine is reached with ``sslmode=require`` at least (the PINs' hashes and
the shop's payments cross the network); only a loopback host (``localhost``, ``127.0.0.0/8``, ``::1``, or a
unix socket folder) may go without, as the traffic never leaves the machine. ``sslmode=require`` encrypts but
does not check the server's certificate; a shop that installs a CA can put ``verify-full`` in
``ssl_mode`` (anything weaker than ``require`` is refused for a remote host).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from typing import Callable

#: Modes that encrypt; a remote host must use one of these.
ENCRYPTING_MODES = ("require", "verify-ca", "verify-full")
_TILL_NAME = re.compile(r"^[^\x00-\x1f]{1,40}$")


def is_loopback(host: str) -> bool:
    host = host.strip()
    if not host or host.startswith("/") or host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def till_name_ok(name: str) -> bool:
    return bool(_TILL_NAME.match(name.strip())) and name.strip() == name


@dataclass(frozen=True)
class ShopSettings:
    """One till's connection to the shop database (``configured`` when host, database, user and till are set)."""

    host: str = ""
    port: int = 5432
    database: str = ""
    user: str = ""
    password: str = ""
    till: str = ""
    ssl_mode: str = "require"
    connect_timeout: int = 3
    #: Where the password comes from when ``password`` is blank: called by :meth:`conninfo`, so on the thread
    #: that connects (the caller caches it if a second read would be slow). Not part of equality or repr.
    password_source: Callable[[], str] | None = field(default=None, compare=False, repr=False)

    @property
    def configured(self) -> bool:
        return bool(self.host and self.database and self.user and self.till)

    @property
    def effective_ssl_mode(self) -> str:
        """What the connection uses: at least ``require`` off the machine, ``prefer`` on loopback."""
        if is_loopback(self.host):
            return self.ssl_mode if self.ssl_mode in ENCRYPTING_MODES and self.ssl_mode != "require" else "prefer"
        return self.ssl_mode if self.ssl_mode in ENCRYPTING_MODES else "require"

    def conninfo(self) -> str:
        from psycopg.conninfo import make_conninfo

        password = self.password or (self.password_source() if self.password_source is not None else "")
        return make_conninfo(host=self.host, port=str(self.port), dbname=self.database, user=self.user,
                             password=password or None, sslmode=self.effective_ssl_mode,
                             connect_timeout=str(self.connect_timeout), application_name=f"klogs-desk {self.till}")
