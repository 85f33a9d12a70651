"""Keyring backends for tests: the session's in-memory keyring (:class:`MemoryKeyring`, installed by
conftest), and backends that work but must not be trusted with secrets, named like the real ones.

keyrings.alt is not installed (and must not be imported to check it): :class:`PlaintextKeyring` and
:class:`EncryptedKeyring` carry the module and class names of its file backends and store in memory, so a
terminal that trusted them would "succeed".
"""

from __future__ import annotations

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything when the process ends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


class PlaintextKeyring(MemoryKeyring):
    """Named as keyrings.alt.file.PlaintextKeyring (secrets base64'd in a file: readable by anyone)."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


class EncryptedKeyring(MemoryKeyring):
    """Named as keyrings.alt.file.EncryptedKeyring: any keyrings.alt.file backend counts as no keyring."""


EncryptedKeyring.__module__ = "keyrings.alt.file"
