"""Every non-secret setting of the terminal, declared once with its type and default.

Settings live in an INI file at :func:`klogs_desk.paths.settings_path` (``QSettings`` in ``IniFormat``), so
a test or a card-data scan can read exactly what the app wrote. Secrets (API key, API secret, Bearer
token) are never here: they go to the keyring through :mod:`klogs_desk.credentials`.

PINs are not here: each operator has their own, hashed, in ``staff.sqlite3``
(:mod:`klogs_desk.domain.operators`). A settings file of an older release may still hold the single manager
PIN's hash; :meth:`klogs_desk.services.staff.StaffService.migrate_settings_pin` moves it to a "Manager"
operator and :meth:`Config.forget_manager_pin` removes it from the file.

Usage::

    config = Config()              # reads the file
    config.environment = "test"    # written through immediately
    config.sync()                  # flush to disk (also done by QSettings on its own)
"""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSettings

from . import paths
from .api.signing import AUTH_MODES, DEFAULT_AUTH_MODE
from .frozen import Frozen, init

# Choices and defaults that other modules list too (Settings, i18n, environments) live here, once.
#: The environments, safest first. Without a setting the terminal starts on the sandbox (training mode).
ENVIRONMENTS: tuple[str, ...] = ("sandbox", "test", "production")
#: Each environment's gateway base URL unless Settings overrides it; empty for the sandbox means the embedded
#: one (:class:`klogs_desk.environments.EmbeddedSandbox`).
DEFAULT_BASE_URLS: dict[str, str] = {"sandbox": "", "test": "https://pgw.klogs.dev/",
                                     "production": "https://pgw.klogs.io/"}

#: Languages with a translation, default first (:mod:`klogs_desk.i18n` installs them,
#: ``scripts/update_translations.py`` makes their files).
TRANSLATED_LANGUAGES: tuple[str, ...] = ("en", "tr")
#: Each language named in itself, as Settings lists it: a cashier who cannot read the current one still
#: finds theirs.
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "tr": "Türkçe"}
#: What the language setting may hold: the system's language, or one with a translation.
LANGUAGES: tuple[str, ...] = ("system", *TRANSLATED_LANGUAGES)

T = TypeVar("T", str, int, bool)


class Setting(Frozen, Generic[T]):
    """One setting: its INI key, Python type, default, and (for strings) the allowed values."""

    key: str
    type: builtins.type
    default: T
    choices: tuple[str, ...]
    minimum: int | None
    maximum: int | None

    __slots__ = ("key", "type", "default", "choices", "minimum", "maximum")

    def __init__(self, key: str, type: builtins.type, default: T, choices: tuple[str, ...] = (),
                 minimum: int | None = None, maximum: int | None = None) -> None:
        init(self, key, type, default, choices, minimum, maximum)

    def read(self, raw: Any) -> T:
        """``raw`` from QSettings (INI files give strings back) as a value of this setting's type.

        Anything unreadable or out of range falls back to the default: a hand-edited file must not
        stop the terminal from starting.
        """
        if raw is None:
            return self.default
        try:
            if self.type is bool:
                value: Any = raw if isinstance(raw, bool) else str(raw).strip().lower() in ("true", "1", "yes")
            elif self.type is int:
                value = int(raw)
                if (self.minimum is not None and value < self.minimum) or (
                        self.maximum is not None and value > self.maximum):
                    return self.default
            else:
                value = str(raw)
                if self.choices and value not in self.choices:
                    return self.default
        except (TypeError, ValueError):
            return self.default
        return value

    def __get__(self, config: "Config | None", owner: "builtins.type[Config]") -> Any:
        if config is None:
            return self
        return self.read(config.settings.value(self.key))

    def __set__(self, config: "Config", value: T) -> None:
        if not isinstance(value, self.type):
            raise TypeError(f"{self.key} takes a {self.type.__name__}, not {type(value).__name__}")
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.key} must be one of {', '.join(self.choices)}")
        checked = self.read(value)
        if checked != value:
            raise ValueError(f"{self.key} is out of range: {value!r}")
        config.settings.setValue(self.key, value)


#: How the payment API is authenticated in each environment (``klogs_desk.api.signing``): the documented
#: key and secret headers (default) or signed requests as Klogs' client libraries send them.
AUTH_MODE_SETTINGS: dict[str, "Setting[str]"] = {
    environment: Setting(f"{environment}/auth_mode", str, DEFAULT_AUTH_MODE, choices=AUTH_MODES)
    for environment in ENVIRONMENTS}

#: Receipt paper: a roll 80 mm wide (thermal counter printers, the default) or an A4 sheet.
RECEIPT_PAPERS: tuple[str, ...] = ("80mm", "a4")

#: The shop's country unless Settings say otherwise (phone numbers typed the local way are read as its).
DEFAULT_SHOP_COUNTRY = "TR"


class Config:
    """Typed access to the settings file. Each attribute below is a :class:`Setting`."""

    environment = Setting("terminal/environment", str, "sandbox", choices=ENVIRONMENTS)
    merchant_line = Setting("terminal/merchant_line", str, "")
    #: The shop's country (ISO 3166 code): local phone numbers typed without +country are read as its numbers.
    shop_country = Setting("terminal/shop_country", str, DEFAULT_SHOP_COUNTRY)
    language = Setting("terminal/language", str, "system", choices=LANGUAGES)
    #: The receipt layout last chosen in the receipt preview (previews, prints and PDFs use it).
    receipt_paper = Setting("receipt/paper", str, RECEIPT_PAPERS[0], choices=RECEIPT_PAPERS)
    #: The folder a receipt PDF was last saved to (the next "Save" starts there); empty: the receipts folder.
    receipt_folder = Setting("receipt/folder", str, "")
    #: The Journal's columns hidden with its header's column chooser (names, comma-separated; ui/journal_tab.py).
    journal_hidden_columns = Setting("journal/hidden_columns", str, "auth_code,resolution")
    #: Seconds without typing after which the card number, expiry and CVV fields are cleared.
    card_clear_seconds = Setting("security/card_clear_seconds", int, 60, minimum=10, maximum=3600)
    #: Minutes without activity after which the terminal locks.
    idle_lock_minutes = Setting("security/idle_lock_minutes", int, 15, minimum=1, maximum=480)
    #: An older release's single manager PIN (hash), read once to migrate it (see the module docstring).
    manager_pin_hash = Setting("security/manager_pin_hash", str, "")
    #: Credentials are kept in memory for this run only, never in the keyring.
    credentials_session_only = Setting("security/credentials_session_only", bool, False)
    #: The loopback port of the callback and webhook listener: 0 picks a free one at every start; a fixed one
    #: lets a shop publish the card-storage webhook behind its own reverse proxy (callbacks/listener.py).
    #: Set in the settings file (``[webhooks] listener_port=``); read at start-up.
    webhook_port = Setting("webhooks/listener_port", int, 0, minimum=0, maximum=65535)

    # The shop database (optional; :mod:`klogs_desk.shop`). Its password is in the keyring
    # (:meth:`klogs_desk.credentials.CredentialStore.load_shop_password`), never here.
    #: PostgreSQL host; empty: no shop database, this till alone (as before).
    shop_host = Setting("shop/host", str, "")
    shop_port = Setting("shop/port", int, 5432, minimum=1, maximum=65535)
    shop_database = Setting("shop/database", str, "")
    shop_user = Setting("shop/user", str, "")
    #: How this till is named in the shop (the Journal's Till column, the day report's breakdown).
    shop_till = Setting("shop/till", str, "")
    #: TLS for a shop database on another computer (loopback may go without; see klogs_desk.shop.settings).
    shop_ssl_mode = Setting("shop/ssl_mode", str, "require", choices=("require", "verify-ca", "verify-full"))

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else paths.settings_path()
        if self.path.parent.is_dir():
            # 0600 before QSettings writes: it rewrites through a temporary file that keeps the mode.
            paths.private_file(self.path)
        self.settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    # --- base URLs per environment --------------------------------------------------------------

    def payment_base_url(self, environment: str) -> str:
        """The payment API's base URL for ``environment`` ('' for the embedded sandbox)."""
        return self._url(environment, "payment_base_url")

    def recurring_base_url(self, environment: str) -> str:
        """The registered-payment API's base URL for ``environment`` ('' for the embedded sandbox)."""
        return self._url(environment, "recurring_base_url")

    def set_base_urls(self, environment: str, payment: str, recurring: str) -> None:
        """Override both URLs; an empty value restores the default."""
        _check_environment(environment)
        for name, value in (("payment_base_url", payment), ("recurring_base_url", recurring)):
            key = f"{environment}/{name}"
            value = value.strip()
            if value and value != DEFAULT_BASE_URLS[environment]:
                self.settings.setValue(key, value)
            else:
                self.settings.remove(key)

    def _url(self, environment: str, name: str) -> str:
        _check_environment(environment)
        value = self.settings.value(f"{environment}/{name}")
        return str(value) if value else DEFAULT_BASE_URLS[environment]

    # --- payment-API authentication per environment --------------------------------------------

    def auth_mode(self, environment: str) -> str:
        """``"headers"`` or ``"signed"`` for ``environment`` (:data:`AUTH_MODE_SETTINGS`)."""
        _check_environment(environment)
        return AUTH_MODE_SETTINGS[environment].__get__(self, Config)

    def set_auth_mode(self, environment: str, mode: str) -> None:
        _check_environment(environment)
        AUTH_MODE_SETTINGS[environment].__set__(self, mode)

    # --- the older release's manager PIN ------------------------------------------------------------

    def forget_manager_pin(self) -> None:
        """Remove the single manager PIN, its wrong-PIN count and its "required" switch from the file."""
        for key in ("security/manager_pin_hash", "security/manager_pin_required", "security/pin_attempts"):
            self.settings.remove(key)
        self.sync()

    # --- file -----------------------------------------------------------------------------------

    @property
    def is_configured(self) -> bool:
        """False on a first start (no environment chosen yet): the terminal starts in training mode."""
        return self.settings.contains(Config.environment.key)

    def sync(self) -> None:
        self.settings.sync()
        paths.narrow(self.path)  # user-only all the same


def _check_environment(environment: str) -> None:
    if environment not in ENVIRONMENTS:
        raise ValueError(f"unknown environment {environment!r}")


# The PIN hash lives with the operators (domain, no Qt); kept importable from here for older callers.
from .domain.operators import hash_pin, verify_pin  # noqa: E402

__all__ = ["Config", "Setting", "hash_pin", "verify_pin"]
