"""Gateway credentials per environment: in the system keyring, or in memory for this session only.

Keyring layout: service ``klogs-desk``, one entry per environment and kind, username
``<environment>/<kind>`` with kind ``api_key``, ``api_secret`` or ``bearer_token`` (e.g. ``test/api_key``);
the shop database's password (:mod:`klogs_desk.shop`) under ``shop-database/password``.

When the computer has no usable keyring (a headless Linux box, a locked-down image), every keyring error
becomes :class:`CredentialStoreUnavailable`, whose message a cashier can act on. The user may then choose
to keep credentials for this session only (:meth:`CredentialStore.use_session_only`): they live in this
process's memory and are gone when the terminal closes.

A keyring backend that keeps nothing (``keyring.backends.fail``, ``keyring.backends.null``) or keeps
secrets in a file anyone who can read it can use (any ``keyrings.alt.file`` backend such as
``PlaintextKeyring``, which becomes the default just by being installed) counts as no keyring
(:func:`secure_backend`): the same message, the same session-only choice, nothing written to it.

Every secret loaded or saved is registered with :func:`klogs_desk.log.register_secret`, so it can never
appear in a log line. Secrets are never written to the settings file.

The sandbox environment needs no stored credentials: when none are stored, its well-known defaults
(``sandbox-key`` / ``sandbox-secret`` / ``sandbox-token``) are used.
"""

from __future__ import annotations

import logging
from types import ModuleType

from .api.client import Credentials
from .log import register_secret
from .messages import msg

SERVICE = "klogs-desk"
KINDS: tuple[str, ...] = ("api_key", "api_secret", "bearer_token")
#: The keyring username of the shop database's password (klogs_desk.shop).
SHOP_PASSWORD = "shop-database/password"
SANDBOX_CREDENTIALS = Credentials("sandbox-key", "sandbox-secret", "sandbox-token")

log = logging.getLogger(__name__)


class CredentialStoreUnavailable(Exception):
    """The keyring cannot be used. ``.msg`` is a message for the user (``str(err)``: in English)."""

    MESSAGE = ("This computer has no password store (keyring), so the API credentials cannot be saved "
               "securely. Credentials can be kept for this session only: you will need to enter them again "
               "the next time the terminal starts.")

    def __init__(self, message: str = MESSAGE) -> None:
        super().__init__(message)
        self.msg = msg("keyring.unavailable") if message == self.MESSAGE else msg("stored.text", text=message)


#: Modules whose backends store nothing or store secrets in clear text (matched by name on the class and
#: its bases, so keyrings.alt is never imported to check).
INSECURE_BACKEND_MODULES: tuple[str, ...] = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file")
INSECURE_BACKEND_CLASSES: frozenset[str] = frozenset({"PlaintextKeyring"})


def _keyring() -> ModuleType:
    """The ``keyring`` package, imported at first use: its import and backend discovery are not for the
    first frame (app.py reads the credentials on a worker thread)."""
    import keyring
    import keyring.errors  # noqa: F401  # used as keyring.errors below

    return keyring


def _insecure(backend: object) -> bool:
    for cls in type(backend).__mro__:
        module = cls.__module__ or ""
        if cls.__name__ in INSECURE_BACKEND_CLASSES or any(
                module == name or module.startswith(name + ".") for name in INSECURE_BACKEND_MODULES):
            return True
    return False


def secure_backend(backend: object | None = None) -> bool:
    """True if ``backend`` (default: keyring's current one) really keeps secrets and keeps them protected.

    A chain of backends (``keyring.backends.chainer``) is secure only if every backend in it is: reads
    go through all of them.
    """
    backend = _keyring().get_keyring() if backend is None else backend
    chain = any(cls.__module__ == "keyring.backends.chainer" for cls in type(backend).__mro__)
    chained = getattr(backend, "backends", None) if chain else None
    if chained is not None:
        return bool(chained) and all(secure_backend(b) for b in chained)
    return not _insecure(backend)


def entry_name(environment: str, kind: str) -> str:
    """The keyring username for one credential, e.g. ``test/api_key``."""
    return f"{environment}/{kind}"


class CredentialStore:
    """Loads and saves :class:`Credentials` per environment.

    ``session_only=True`` keeps everything in memory and never touches the keyring.
    """

    def __init__(self, *, session_only: bool = False) -> None:
        self.session_only = session_only
        self._memory: dict[str, Credentials] = {}
        self._shop_memory: dict[str, str] = {}

    def use_session_only(self) -> None:
        """The user's choice when there is no keyring: keep credentials in memory for this run."""
        self.session_only = True

    def load(self, environment: str) -> Credentials:
        """Stored credentials for ``environment`` (empty strings where nothing is stored).

        Raises :class:`CredentialStoreUnavailable` when the keyring is needed but unusable.
        """
        if environment in self._memory:
            credentials = self._memory[environment]
        elif self.session_only:
            credentials = Credentials()
        else:
            try:
                values = [self._get(entry_name(environment, kind)) or "" for kind in KINDS]
            except CredentialStoreUnavailable:
                if environment != "sandbox":
                    raise
                values = []  # training works without a keyring: the sandbox's defaults apply
            credentials = Credentials(*values)
        if environment == "sandbox" and not any(credentials.secrets()):
            credentials = SANDBOX_CREDENTIALS
        for secret in credentials.secrets():
            register_secret(secret)
        return credentials

    def save(self, environment: str, credentials: Credentials) -> None:
        """Store ``credentials`` for ``environment`` (keyring, or memory when session-only).

        Raises :class:`CredentialStoreUnavailable` when the keyring is unusable; nothing is kept then,
        so the caller can offer :meth:`use_session_only` and save again.
        """
        for secret in credentials.secrets():
            register_secret(secret)
        if self.session_only:
            self._memory[environment] = credentials
            return
        values = dict(zip(KINDS, (credentials.api_key, credentials.api_secret, credentials.bearer_token), strict=True))
        for kind, value in values.items():
            name = entry_name(environment, kind)
            if value:
                self._call(_keyring().set_password, SERVICE, name, value)
            elif self._get(name) is not None:
                self._call(_keyring().delete_password, SERVICE, name)
        self._memory.pop(environment, None)

    # --- the shop database's password (klogs_desk.shop) -----------------------------------------------

    def load_shop_password(self) -> str:
        """The shop database's password ('' when none is stored). Raises :class:`CredentialStoreUnavailable`."""
        if SHOP_PASSWORD in self._shop_memory:
            password = self._shop_memory[SHOP_PASSWORD]
        elif self.session_only:
            password = ""
        else:
            password = self._get(SHOP_PASSWORD) or ""
        if password:
            register_secret(password)
        return password

    def save_shop_password(self, password: str) -> None:
        if password:
            register_secret(password)
        if self.session_only:
            self._shop_memory[SHOP_PASSWORD] = password
            return
        if password:
            self._call(_keyring().set_password, SERVICE, SHOP_PASSWORD, password)
        elif self._get(SHOP_PASSWORD) is not None:
            self._call(_keyring().delete_password, SERVICE, SHOP_PASSWORD)
        self._shop_memory.pop(SHOP_PASSWORD, None)

    def _get(self, name: str) -> str | None:
        return self._call(_keyring().get_password, SERVICE, name)

    @staticmethod
    def _call(function, *args):
        if not secure_backend():
            log.warning("keyring unusable: %s keeps no secrets or keeps them in clear text",
                        type(_keyring().get_keyring()).__name__)
            raise CredentialStoreUnavailable()
        keyring = _keyring()
        try:
            return function(*args)
        except keyring.errors.PasswordDeleteError:
            return None
        except (keyring.errors.KeyringError, RuntimeError) as exc:
            # The backend's own message can be long and technical; log its type only.
            log.warning("keyring unavailable: %s", type(exc).__name__)
            raise CredentialStoreUnavailable() from None
