"""Settings ▸ Shop database ▸ "Test connection": can this till reach the shop database with these settings?

:func:`check_connection` is blocking (psycopg connects synchronously): the Settings dialog runs it on a worker
thread through ``ui/async_runner.run_query``. It only connects and asks the server for its version: it never
migrates the schema, registers the till or writes anything, so testing a half-typed setting cannot change the
shop's database. The connection uses the same :meth:`ShopSettings.conninfo` as the pusher (TLS rule and
``connect_timeout`` included), so what the test says is what the next start will meet.

The answer is a :class:`~klogs_desk.messages.Message` for the manager: the server's version on success, else
the likely cause in words (user or password refused, no such database, TLS needed, not reachable). Choices
where libpq is vague: a failure is classified by SQLSTATE when the server sent one, else by libpq's English
text; anything else is "did not accept the connection" with libpq's first line (never the password: libpq does
not echo it, and the settings' password is not part of the text).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..messages import Message, msg
from .settings import ShopSettings

_AUTH_STATES = ("28P01", "28000")  # invalid_password, invalid_authorization_specification
_NO_DATABASE = "3D000"  # invalid_catalog_name


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    msg: Message


def check_connection(settings: ShopSettings) -> ConnectionCheck:
    """Connect once with ``settings``, read the server's version, close. Blocking; raises nothing for a
    connection problem (it is the answer), only for a bug."""
    import psycopg

    try:
        with psycopg.connect(settings.conninfo()) as conn:
            row = conn.execute("SHOW server_version").fetchone()
    except psycopg.Error as exc:
        return ConnectionCheck(False, _problem(exc, settings))
    version = str(row[0]).split(" ")[0] if row else "?"
    return ConnectionCheck(True, msg("shop.test-ok", version=version, database=settings.database,
                                     user=settings.user))


def _problem(exc: Exception, settings: ShopSettings) -> Message:
    state = getattr(exc, "sqlstate", None)
    text = str(exc)
    lowered = text.lower()
    if state in _AUTH_STATES or "password authentication failed" in lowered \
            or "no password supplied" in lowered or "no pg_hba.conf entry" in lowered:
        return msg("shop.test-auth", user=settings.user)
    if state == _NO_DATABASE or ("database" in lowered and "does not exist" in lowered):
        return msg("shop.test-no-database", database=settings.database)
    if "ssl" in lowered and ("not support" in lowered or "required" in lowered):
        return msg("shop.test-tls")
    if any(words in lowered for words in ("connection refused", "timeout expired", "could not translate host",
                                          "could not connect", "no route to host", "network is unreachable",
                                          "name or service not known")):
        return msg("shop.test-unreachable", host=settings.host, port=str(settings.port))
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), type(exc).__name__)
    return msg("shop.test-failed", reason=first_line[:200])


__all__ = ["ConnectionCheck", "check_connection"]
