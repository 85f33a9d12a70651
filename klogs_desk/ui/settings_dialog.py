"""File ▸ Settings (managers only): environment, gateway URLs and credentials, receipt line, timers.

Behaviour a user relies on:

* URLs and credentials are edited per environment: choosing another environment in the list shows its
  values; edits to each are kept until Save. An empty URL means the default (shown as placeholder).
* Secrets (API key, API secret, Bearer token) are password fields and go to the keyring
  (:class:`klogs_desk.credentials.CredentialStore`), never to the settings file.
* If the computer has no keyring, Save says so in words and offers "Keep credentials for this session
  only"; with it ticked, Save keeps them in memory for this run.
* Choosing production asks for confirmation on Save (real cards are charged there).
* Authentication of the payment API is chosen per environment: "API key and secret headers (as
  documented)", the default, or "signed requests (as Klogs' client libraries)", which never sends the
  secret (:mod:`klogs_desk.api.signing`). Saved in the settings file (``<environment>/auth_mode``).
* A blank Bearer token means the API key (the docs' examples send ``Bearer YOUR_API_KEY``); the field's
  placeholder says so.
* "Test connection" checks both APIs with the values currently in the form (saved or not), without
  blocking, and reports each in a sentence that names the authentication the gateway accepted.
* Gateway URLs must be ``https`` in every environment; plain ``http`` only to this computer (a local
  sandbox or proxy), the rule :class:`klogs_desk.api.client.Endpoints` enforces for every client.
* PINs are not here: each operator has their own (File ▸ Operators…, :mod:`klogs_desk.services.staff`).
* Switching to test or production needs a real manager signed in (not the Trainee of training mode).
* Every change is recorded in the audit trail by setting name, old → new (secrets only as "changed").
* Shop database (a real manager only, like switching environments): host, port, database, user, password
  (keyring, :meth:`CredentialStore.save_shop_password`) and this till's name; empty host: this till alone.
  TLS is required for a host other than this computer (:mod:`klogs_desk.shop.settings`). A change applies
  from the next start (the pusher, its outbox and the Journal's all-tills view are set up at start; swapping
  them live would mean rebuilding the pusher mid-push and the Journal's shop view, so it is not done): a bold
  note says so as soon as a shop field differs from what is saved.
* Shop database ▸ "Test connection" (``shopTestButton``) connects once with the form's values (password:
  the one typed, else the keyring's) on a worker thread (``run_query``), writes nothing, and reports the
  server's version or the cause in words in ``shopTestResult`` (:mod:`klogs_desk.shop.check`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlparse

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..api.addresses import ClearTextRefused, Credentials, clear_text_refused
from ..api.signing import AUTH_MODES, DEFAULT_AUTH_MODE
from ..config import DEFAULT_BASE_URLS, ENVIRONMENTS, LANGUAGE_NAMES, LANGUAGES, Config, Setting
from ..credentials import SANDBOX_CREDENTIALS, CredentialStore, CredentialStoreUnavailable
from ..environments import LABELS, build_client, check_connection
from ..services.staff import Permission, StaffRefused, StaffService
from ..shop.settings import ShopSettings, till_name_ok
from . import theme
from .async_runner import run_query
from .clear_text import insecure_url_message
from .fit import WrappedLabel, grow_to_fit
from .messages import render

log = logging.getLogger(__name__)

#: Each language is named in itself, so a cashier who cannot read the current one still finds theirs.
LANGUAGE_LABELS = {"system": QT_TRANSLATE_NOOP("SettingsDialog", "System language"), **LANGUAGE_NAMES}
#: The environments as Settings shows them (translated when shown).
_ENVIRONMENT_NAMES = (QT_TRANSLATE_NOOP("SettingsDialog", "Sandbox (training)"),
                      QT_TRANSLATE_NOOP("SettingsDialog", "Test"), QT_TRANSLATE_NOOP("SettingsDialog", "Production"))
#: :data:`CredentialStoreUnavailable.MESSAGE` word for word, so lupdate offers it for translation.
_KEYRING_MESSAGE = QT_TRANSLATE_NOOP(
    "SettingsDialog", "This computer has no password store (keyring), so the API credentials cannot be saved "
    "securely. Credentials can be kept for this session only: you will need to enter them again "
    "the next time the terminal starts.")
#: The payment API's authentication modes as Settings shows them (translated when shown), by mode.
_AUTH_MODE_NAMES = {"headers": QT_TRANSLATE_NOOP("SettingsDialog", "API key and secret headers (as documented)"),
                    "signed": QT_TRANSLATE_NOOP("SettingsDialog", "Signed requests (as Klogs' client libraries)")}


@dataclass
class _EnvironmentDraft:
    """What the form holds for one environment until Save."""

    payment_url: str
    recurring_url: str
    credentials: Credentials
    credentials_loaded: bool = True
    touched: bool = field(default=False)
    #: How the payment API is authenticated (saved for every environment shown, like the URLs).
    auth_mode: str = DEFAULT_AUTH_MODE


class SettingsDialog(QDialog):
    """Edits ``config`` and ``credentials``; ``accepted`` is emitted only after everything was saved."""

    def __init__(self, config: Config, credentials: CredentialStore, *,
                 sandbox_url: Callable[[], str] | None = None, staff: StaffService | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.config = config
        self.store = credentials
        #: Who may switch environments and who is named in the audit trail (None: a tool, no staff).
        self.staff = staff
        self._sandbox_url = sandbox_url
        self._drafts: dict[str, _EnvironmentDraft] = {}
        self._shown_environment: str | None = None
        self._keyring_missing = False

        # --- gateway -------------------------------------------------------------------------
        self.environment_combo = QComboBox()
        self.environment_combo.setObjectName("environmentCombo")
        self.environment_combo.setAccessibleName(self.tr("Environment"))
        for name in ENVIRONMENTS:
            self.environment_combo.addItem(self.tr(LABELS[name]), name)
        self.payment_url_edit = self._line("paymentUrlEdit", self.tr("Payment API URL"))
        self.recurring_url_edit = self._line("recurringUrlEdit", self.tr("Subscriptions API URL"))
        self.url_error = self._error_label("urlError")
        self.api_key_edit = self._line("apiKeyEdit", self.tr("API key"), secret=True)
        self.api_secret_edit = self._line("apiSecretEdit", self.tr("API secret"), secret=True)
        self.bearer_token_edit = self._line("bearerTokenEdit", self.tr("Bearer token"), secret=True)
        self.auth_mode_combo = QComboBox()
        self.auth_mode_combo.setObjectName("authModeCombo")
        self.auth_mode_combo.setAccessibleName(self.tr("Authentication of the payment API"))
        for mode in AUTH_MODES:
            self.auth_mode_combo.addItem(self.tr(_AUTH_MODE_NAMES[mode]), mode)
        self.auth_mode_combo.setToolTip(self.tr("Signed requests send a signature made with the API secret "
                                                "instead of the secret itself."))
        self.keyring_message = WrappedLabel(self.tr(CredentialStoreUnavailable.MESSAGE))
        self.keyring_message.setObjectName("keyringMessage")
        self.keyring_message.setStyleSheet(f"color: {theme.text_colours().warning};")
        self.session_only_check = QCheckBox(self.tr("Keep credentials for this session only"))
        self.session_only_check.setObjectName("sessionOnlyCheck")
        self.session_only_check.setAccessibleName(self.session_only_check.text())
        self.session_only_check.setChecked(credentials.session_only)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.test_progress = QProgressBar()
        self.test_progress.setObjectName("testConnectionProgress")
        self.test_progress.setMaximumWidth(120)
        self.test_progress.setVisible(False)
        # As tall as its answer at the dialog's width: no blank lines under it (fit.WrappedLabel).
        self.test_result = WrappedLabel()
        self.test_result.setObjectName("connectionResultLabel")
        self.test_result.setAccessibleName(self.tr("Connection test result"))
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # At the top of its row, right under the button: centred, the answer floated a line away from it.
        self.test_result.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        gateway = QGroupBox(self.tr("Gateway"))
        form = QFormLayout(gateway)
        form.addRow(self.tr("&Environment:"), self.environment_combo)
        form.addRow(self.tr("&Payment API URL:"), self.payment_url_edit)
        form.addRow(self.tr("&Subscriptions API URL:"), self.recurring_url_edit)
        form.addRow("", self.url_error)
        form.addRow(self.tr("API &key:"), self.api_key_edit)
        form.addRow(self.tr("API s&ecret:"), self.api_secret_edit)
        form.addRow(self.tr("Au&thentication:"), self.auth_mode_combo)
        form.addRow(self.tr("&Bearer token:"), self.bearer_token_edit)
        form.addRow("", self.keyring_message)
        form.addRow("", self.session_only_check)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_progress)
        test_row.addStretch(1)
        form.addRow("", test_row)
        form.addRow("", self.test_result)

        # --- terminal ------------------------------------------------------------------------
        self.merchant_line_edit = self._line("merchantLineEdit", self.tr("Merchant line on receipts"))
        self.merchant_line_edit.setMaxLength(120)
        self.card_clear_spin = self._spin("cardClearSpin", self.tr("Clear card fields after"),
                                          Config.card_clear_seconds, self.tr(" s"))
        self.idle_lock_spin = self._spin("idleLockSpin", self.tr("Lock after"), Config.idle_lock_minutes,
                                         self.tr(" min"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName(self.tr("Language"))
        for code in LANGUAGES:
            self.language_combo.addItem(self.tr(LANGUAGE_LABELS[code]), code)
        self.language_combo.setToolTip(self.tr("A new language is used from the next start of the terminal."))
        self.language_combo.setAccessibleDescription(self.language_combo.toolTip())
        terminal = QGroupBox(self.tr("Terminal"))
        terminal_form = QFormLayout(terminal)
        terminal_form.addRow(self.tr("&Merchant line on receipts:"), self.merchant_line_edit)
        terminal_form.addRow(self.tr("Clear card fields after &idle:"), self.card_clear_spin)
        terminal_form.addRow(self.tr("&Lock the terminal after idle:"), self.idle_lock_spin)
        terminal_form.addRow(self.tr("Lan&guage:"), self.language_combo)

        shop = self._build_shop_group()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("settingsButtons")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(gateway)
        layout.addWidget(terminal)
        layout.addWidget(shop)
        layout.addWidget(self.buttons)

        self._load()
        self.environment_combo.currentIndexChanged.connect(self._environment_chosen)
        self.test_button.clicked.connect(self.test_connection)
        self.resize(620, self.sizeHint().height())

    # --- the shop database ----------------------------------------------------------------------

    def _build_shop_group(self) -> QGroupBox:
        """Host, port, database, user, password (keyring) and this till's name; a real manager only."""
        self.shop_host_edit = self._line("shopHostEdit", self.tr("Shop database host"))
        self.shop_host_edit.setPlaceholderText(self.tr("empty: this till alone"))
        self.shop_port_spin = QSpinBox()
        self.shop_port_spin.setObjectName("shopPortSpin")
        self.shop_port_spin.setAccessibleName(self.tr("Shop database port"))
        self.shop_port_spin.setRange(1, 65535)
        self.shop_database_edit = self._line("shopDatabaseEdit", self.tr("Shop database name"))
        self.shop_user_edit = self._line("shopUserEdit", self.tr("Shop database user"))
        self.shop_password_edit = self._line("shopPasswordEdit", self.tr("Shop database password"), secret=True)
        self.shop_till_edit = self._line("shopTillEdit", self.tr("Till name"))
        self.shop_error = self._error_label("shopError")
        self.shop_note = WrappedLabel(self.tr("A database on another computer is reached over TLS only. Changes "
                                              "apply from the next start of the terminal."))
        self.shop_note.setObjectName("shopNote")
        #: Shown once a shop field differs from what is saved: the pusher and the all-tills view are set up at
        #: start, so nothing changes until the terminal starts again (see the module docstring).
        self.shop_restart_note = WrappedLabel(self.tr("Save, then restart the terminal: the new shop database "
                                                      "settings are used from the next start."))
        self.shop_restart_note.setObjectName("shopRestartNote")
        self.shop_restart_note.setStyleSheet(f"color: {theme.text_colours().warning}; font-weight: bold;")
        self.shop_restart_note.setVisible(False)
        self.shop_test_button = QPushButton(self.tr("Test connection"))
        self.shop_test_button.setObjectName("shopTestButton")
        self.shop_test_button.setAccessibleName(self.tr("Test the shop database connection"))
        self.shop_test_progress = QProgressBar()
        self.shop_test_progress.setObjectName("shopTestProgress")
        self.shop_test_progress.setMaximumWidth(120)
        self.shop_test_progress.setVisible(False)
        self.shop_test_result = WrappedLabel()
        self.shop_test_result.setObjectName("shopTestResult")
        self.shop_test_result.setAccessibleName(self.tr("Shop database test result"))
        self.shop_test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shop_test_result.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.shop_test_task: object | None = None
        group = QGroupBox(self.tr("Shop database"))
        group.setObjectName("shopDatabaseGroup")
        form = QFormLayout(group)
        form.addRow(self.tr("Ho&st:"), self.shop_host_edit)
        form.addRow(self.tr("P&ort:"), self.shop_port_spin)
        form.addRow(self.tr("&Database:"), self.shop_database_edit)
        form.addRow(self.tr("&User:"), self.shop_user_edit)
        form.addRow(self.tr("Pass&word:"), self.shop_password_edit)
        form.addRow(self.tr("&Till name:"), self.shop_till_edit)
        form.addRow("", self.shop_error)
        shop_test_row = QHBoxLayout()
        shop_test_row.addWidget(self.shop_test_button)
        shop_test_row.addWidget(self.shop_test_progress)
        shop_test_row.addStretch(1)
        form.addRow("", shop_test_row)
        form.addRow("", self.shop_test_result)
        form.addRow("", self.shop_note)
        form.addRow("", self.shop_restart_note)
        self.shop_group = group
        self._shop_password_touched = False
        self.shop_password_edit.textEdited.connect(self._shop_password_edited)
        for edit in (self.shop_host_edit, self.shop_database_edit, self.shop_user_edit, self.shop_till_edit,
                     self.shop_password_edit):
            edit.textEdited.connect(self._shop_edited)
        self.shop_port_spin.valueChanged.connect(self._shop_edited)
        self.shop_test_button.clicked.connect(self.test_shop_connection)
        manager = self.staff is None or self.manager_signed_in()
        group.setEnabled(manager)
        if not manager:
            group.setToolTip(self.tr("Only a manager signed in with their own name and PIN can change the shop "
                                     "database."))
        return group

    def _shop_password_edited(self, _text: str) -> None:
        self._shop_password_touched = True

    def _shop_edited(self, *_: object) -> None:
        """Say that saved shop settings wait for the next start, as soon as the form differs from them."""
        config = self.config
        changed = self._shop_password_touched or (
            self.shop_host_edit.text().strip(), self.shop_port_spin.value(), self.shop_database_edit.text().strip(),
            self.shop_user_edit.text().strip(), self.shop_till_edit.text().strip()) != (
            config.shop_host, config.shop_port, config.shop_database, config.shop_user, config.shop_till)
        self.shop_restart_note.setVisible(changed)

    def _form_shop_settings(self) -> ShopSettings:
        """The shop database as the form has it now (saved or not). The password: the one typed, else the
        keyring's, read when the test connects (on the worker thread: a slow keyring cannot stall the dialog)."""
        store = self.store

        def stored_password() -> str:
            try:
                return store.load_shop_password()
            except CredentialStoreUnavailable:
                return ""

        typed = self.shop_password_edit.text() if self._shop_password_touched else ""
        return ShopSettings(host=self.shop_host_edit.text().strip(), port=self.shop_port_spin.value(),
                            database=self.shop_database_edit.text().strip(),
                            user=self.shop_user_edit.text().strip(), password=typed,
                            till=self.shop_till_edit.text().strip(), ssl_mode=self.config.shop_ssl_mode,
                            password_source=None if self._shop_password_touched else stored_password)

    def test_shop_connection(self) -> None:
        """Connect once to the shop database with the form's values, on a worker thread (never blocking the
        window), and say in a sentence whether it answered or why not. Nothing is written to the database."""
        import asyncio

        from ..shop.check import check_connection

        settings = self._form_shop_settings()
        if not (settings.host and settings.database and settings.user):
            self.shop_test_result.setText(self.tr("Type the host, the database and the user first."))
            return
        self.shop_test_result.setText(self.tr("Connecting to the shop database…"))

        def report(result) -> None:  # type: ignore[no-untyped-def]  # a ConnectionCheck
            self.shop_test_result.setText(("✔ " if result.ok else "✘ ") + render(result.msg))
            grow_to_fit(self)

        self.shop_test_task = run_query(self.shop_test_button, asyncio.to_thread(check_connection, settings),
                                        on_success=report, progress=self.shop_test_progress)

    def _load_shop(self) -> None:
        config = self.config
        self.shop_host_edit.setText(config.shop_host)
        self.shop_port_spin.setValue(config.shop_port)
        self.shop_database_edit.setText(config.shop_database)
        self.shop_user_edit.setText(config.shop_user)
        self.shop_till_edit.setText(config.shop_till)
        if config.shop_host:
            self.shop_password_edit.setPlaceholderText(self.tr("unchanged"))
        self._shop_edited()  # the port's valueChanged fired while the other fields were still empty

    def _shop_problem(self) -> str | None:
        host = self.shop_host_edit.text().strip()
        if not host:
            return None
        if not (self.shop_database_edit.text().strip() and self.shop_user_edit.text().strip()
                and self.shop_till_edit.text().strip()):
            return self.tr("With a shop database, type its name, the user and this till's name.")
        if not till_name_ok(self.shop_till_edit.text().strip()):
            return self.tr("Type a till name of 1 to 40 characters.")
        return None

    def _save_shop(self) -> None:
        """The shop database's settings (the password to the keyring; raises CredentialStoreUnavailable)."""
        if not self.shop_group.isEnabled():
            return
        if self._shop_password_touched:
            self.store.save_shop_password(self.shop_password_edit.text())
        config = self.config
        config.shop_host = self.shop_host_edit.text().strip()
        config.shop_port = self.shop_port_spin.value()
        config.shop_database = self.shop_database_edit.text().strip()
        config.shop_user = self.shop_user_edit.text().strip()
        config.shop_till = self.shop_till_edit.text().strip()

    # --- building blocks ------------------------------------------------------------------------

    def _line(self, name: str, accessible: str, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _spin(self, name: str, accessible: str, setting, suffix: str) -> QSpinBox:  # type: ignore[no-untyped-def]  # setting is one of config's Setting declarations
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setAccessibleName(accessible)
        spin.setRange(setting.minimum, setting.maximum)
        spin.setSuffix(suffix)
        return spin

    def _error_label(self, name: str) -> QLabel:
        label = WrappedLabel()
        label.setObjectName(name)
        label.setStyleSheet(theme.error_label_sheet(""))
        label.setVisible(False)
        return label

    # --- load / per-environment drafts ----------------------------------------------------------

    def _load(self) -> None:
        config = self.config
        self.environment_combo.setCurrentIndex(ENVIRONMENTS.index(config.environment))
        self.merchant_line_edit.setText(config.merchant_line)
        self.card_clear_spin.setValue(config.card_clear_seconds)
        self.idle_lock_spin.setValue(config.idle_lock_minutes)
        self._load_shop()
        self.language_combo.setCurrentIndex(LANGUAGES.index(config.language))
        self._show_draft(config.environment)
        self._set_keyring_missing(self.store.session_only)

    def _draft(self, environment: str) -> _EnvironmentDraft:
        if environment not in self._drafts:
            stored_payment = self.config.payment_base_url(environment)
            stored_recurring = self.config.recurring_base_url(environment)
            default = DEFAULT_BASE_URLS[environment]
            loaded = True
            try:
                credentials = self.store.load(environment)
            except CredentialStoreUnavailable:
                credentials, loaded = Credentials(), False
                self._set_keyring_missing(True)
            if environment == "sandbox" and credentials == SANDBOX_CREDENTIALS:
                credentials = Credentials()  # shown blank: the defaults apply
            self._drafts[environment] = _EnvironmentDraft(
                stored_payment if stored_payment != default else "",
                stored_recurring if stored_recurring != default else "", credentials, loaded,
                auth_mode=self.config.auth_mode(environment))
        return self._drafts[environment]

    def _show_draft(self, environment: str) -> None:
        draft = self._draft(environment)
        self._shown_environment = environment
        default = DEFAULT_BASE_URLS[environment]
        placeholder = self.tr("default: {url}").format(url=default or self.tr("the built-in sandbox"))
        self.payment_url_edit.setPlaceholderText(placeholder)
        self.recurring_url_edit.setPlaceholderText(placeholder)
        self.payment_url_edit.setText(draft.payment_url)
        self.recurring_url_edit.setText(draft.recurring_url)
        self.api_key_edit.setText(draft.credentials.api_key)
        self.api_secret_edit.setText(draft.credentials.api_secret)
        self.bearer_token_edit.setText(draft.credentials.bearer_token)
        self.auth_mode_combo.setCurrentIndex(AUTH_MODES.index(draft.auth_mode))
        defaults = SANDBOX_CREDENTIALS if environment == "sandbox" else Credentials()
        for edit, default_value in ((self.api_key_edit, defaults.api_key),
                                    (self.api_secret_edit, defaults.api_secret),
                                    (self.bearer_token_edit, defaults.bearer_token)):
            # The sandbox's credentials are public test values, so naming them is no leak.
            edit.setPlaceholderText(self.tr("blank: {value}").format(value=default_value) if default_value else "")
        if not defaults.bearer_token:
            self.bearer_token_edit.setPlaceholderText(self.tr("blank: the API key"))
        self.test_result.clear()
        self.url_error.setVisible(False)

    def _stash_draft(self) -> None:
        if self._shown_environment is None:
            return
        draft = self._draft(self._shown_environment)
        draft.auth_mode = str(self.auth_mode_combo.currentData())
        new = (self.payment_url_edit.text().strip(), self.recurring_url_edit.text().strip(),
               self._form_credentials())
        if new != (draft.payment_url, draft.recurring_url, draft.credentials):
            draft.payment_url, draft.recurring_url, draft.credentials = new
            draft.touched = True

    def _form_credentials(self) -> Credentials:
        return Credentials(self.api_key_edit.text().strip(), self.api_secret_edit.text().strip(),
                           self.bearer_token_edit.text().strip())

    def _environment_chosen(self) -> None:
        self._stash_draft()
        self._show_draft(self.selected_environment)

    @property
    def selected_environment(self) -> str:
        return str(self.environment_combo.currentData())

    def _set_keyring_missing(self, missing: bool) -> None:
        self._keyring_missing = self._keyring_missing or missing
        self.keyring_message.setVisible(self._keyring_missing and not self.store.session_only)
        grow_to_fit(self)
        self.session_only_check.setVisible(self._keyring_missing or self.store.session_only)

    # --- validation -----------------------------------------------------------------------------

    def _url_problem(self, environment: str, url: str) -> str | None:
        if not url:
            return None
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            return self.tr("“{url}” is not a web address. Use the form https://host/ or leave it blank for the "
                           "default.").format(url=url)
        if clear_text_refused(url):
            return self.tr("“{url}” would send card data and secrets in clear text. Use https://, or plain "
                           "http:// only to this computer (127.0.0.1 or localhost).").format(url=url)
        return None

    def _check_urls(self) -> bool:
        for environment, draft in self._drafts.items():
            for url in (draft.payment_url, draft.recurring_url):
                problem = self._url_problem(environment, url)
                if problem:
                    if environment != self.selected_environment:
                        self.environment_combo.setCurrentIndex(ENVIRONMENTS.index(environment))
                    self.url_error.setText(problem)
                    self.url_error.setVisible(True)
                    self.payment_url_edit.setFocus()
                    return False
        self.url_error.setVisible(False)
        return True

    # --- save -----------------------------------------------------------------------------------

    def save(self) -> None:
        """Validate, confirm production, store credentials then settings; close only if all went well.

        Settings are a manager's (:meth:`StaffService.require`, which records a refusal): checked here, where
        they are written, not only where the menu opens the dialog (the operator may have changed since)."""
        if self.staff is not None:
            try:
                self.staff.require(Permission.SETTINGS)
            except StaffRefused as refused:
                self.tell(self.tr("A manager must sign in"), render(refused.msg))
                return
        self._stash_draft()
        if not self._check_urls():
            return
        shop_problem = self._shop_problem() if self.shop_group.isEnabled() else None
        self.shop_error.setText(shop_problem or "")
        self.shop_error.setVisible(shop_problem is not None)
        if shop_problem is not None:
            return
        environment = self.selected_environment
        if environment != "sandbox" and environment != self.config.environment and not self.manager_signed_in():
            self.tell(self.tr("A manager must sign in"), self.tr(
                "Switching to the test or production environment needs a manager signed in with their own "
                "name and PIN. In training mode, add a manager in File ▸ Operators… first, then sign in as "
                "them. Nothing was changed."))
            return
        if environment == "production" and self.config.environment != "production" and not self.confirm(
                self.tr("Switch to production?"),
                self.tr("In PRODUCTION every approved payment charges a real card.\n\nSwitch this terminal to "
                        "production?")):
            return
        if self.session_only_check.isVisible() and self.session_only_check.isChecked():
            self.store.use_session_only()
        try:
            for name, draft in self._drafts.items():
                if draft.touched:
                    self.store.save(name, draft.credentials)
            shop_password_changed = self._shop_password_touched and self.shop_group.isEnabled()
            before_shop = _snapshot(self.config)
            self._save_shop()
        except CredentialStoreUnavailable:
            self._set_keyring_missing(True)
            self.tell(self.tr("No password store"),
                      self.tr(CredentialStoreUnavailable.MESSAGE) + "\n\n" + self.tr(
                          "Tick “Keep credentials for this session only” and save again, or install a "
                          "password store (keyring)."))
            return
        config = self.config
        before = before_shop
        touched_secrets = sorted(name for name, draft in self._drafts.items() if draft.touched)
        if shop_password_changed:
            touched_secrets.append("shop")
        for name, draft in self._drafts.items():
            config.set_base_urls(name, draft.payment_url, draft.recurring_url)
            config.set_auth_mode(name, draft.auth_mode)
        config.environment = environment
        config.merchant_line = self.merchant_line_edit.text().strip()
        config.card_clear_seconds = self.card_clear_spin.value()
        config.idle_lock_minutes = self.idle_lock_spin.value()
        config.language = str(self.language_combo.currentData())
        config.credentials_session_only = self.store.session_only
        config.sync()
        self._record_changes(before, touched_secrets)
        log.info("settings saved (environment %s)", environment)
        self.accept()

    # --- test connection ------------------------------------------------------------------------

    def test_connection(self) -> None:
        """Check both APIs with the form's current values, without blocking the window."""
        self._stash_draft()
        environment = self.selected_environment
        draft = self._draft(environment)
        problem = self._url_problem(environment, draft.payment_url) or self._url_problem(
            environment, draft.recurring_url)
        if problem:
            self.url_error.setText(problem)
            self.url_error.setVisible(True)
            return
        self.url_error.setVisible(False)
        credentials = draft.credentials
        if environment == "sandbox" and not any(credentials.secrets()):
            credentials = SANDBOX_CREDENTIALS
        elif not any(credentials.secrets()):
            # Nothing to sign in with: asking the gateway would only fail. Ask for the credentials instead.
            self.test_result.setText(self.tr("Enter this environment's API key, API secret and Bearer token "
                                             "first: the gateway needs them to answer."))
            self.api_key_edit.setFocus()
            return
        probe_config = _DraftConfig(environment, draft)
        sandbox_url = self._sandbox_url() if environment == "sandbox" and self._sandbox_url else None
        try:
            client = build_client(probe_config, environment, credentials, sandbox_url)  # type: ignore[arg-type]  # a _DraftConfig stands in for Config: it has the URL methods build_client uses
        except ClearTextRefused as refused:  # --sandbox-url: the form's own URLs were checked above
            self.test_result.setText(insecure_url_message(refused))
            return
        except ValueError:
            self.test_result.setText(self.tr("The sandbox has no address: enter its URL."))
            return
        self.test_result.setText(self.tr("Checking both APIs…"))

        async def check():
            try:
                return await check_connection(client)
            finally:
                await client.aclose()

        def report(results) -> None:  # type: ignore[no-untyped-def]  # results are check_connection()'s
            lines = [("✔ " if result.ok else "✘ ") + render(result.msg) for result in results]
            self.test_result.setText("\n".join(lines))
            grow_to_fit(self)

        self.test_task = run_query(self.test_button, check(), on_success=report, progress=self.test_progress)

    # --- staff and audit ------------------------------------------------------------------------

    def manager_signed_in(self) -> bool:
        """A real manager (not the Trainee of training mode) is signed in; without staff, nobody checks."""
        if self.staff is None:
            return True
        current = self.staff.current
        return current is not None and current.is_manager and not current.training

    def _record_changes(self, before: dict[str, object], touched_secrets: list[str]) -> None:
        if self.staff is None:
            return
        after = _snapshot(self.config)
        operator = self.staff.operator_name()
        for name, old in before.items():
            if after[name] != old:
                action = "environment.switch" if name == "terminal/environment" else "settings.changed"
                self.staff.audit.record(action, operator=operator,
                                        details={"setting": name, "old": old, "new": after[name]})
        for environment in touched_secrets:
            self.staff.audit.record("settings.changed", operator=operator,
                                    details={"setting": f"{environment}/credentials", "new": "changed"})

    # --- dialogs tests can replace --------------------------------------------------------------

    def confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.warning(self, title, question,
                                     QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                     QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def tell(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("settingsMessage")
        box.open()


def _snapshot(config: Config) -> dict[str, object]:
    """The non-secret settings by name, to record what Save changed."""
    values: dict[str, object] = {setting.key: getattr(config, name) for name, setting in vars(Config).items()
                                 if isinstance(setting, Setting)}
    for environment in ENVIRONMENTS:
        values[f"{environment}/payment_base_url"] = config.payment_base_url(environment)
        values[f"{environment}/recurring_base_url"] = config.recurring_base_url(environment)
        values[f"{environment}/auth_mode"] = config.auth_mode(environment)
    return values


class _DraftConfig:
    """Just enough of :class:`Config` for :func:`build_client` to use unsaved URLs."""

    def __init__(self, environment: str, draft: _EnvironmentDraft) -> None:
        self._environment = environment
        self._draft = draft

    def payment_base_url(self, environment: str) -> str:
        return self._draft.payment_url or DEFAULT_BASE_URLS[environment]

    def recurring_base_url(self, environment: str) -> str:
        return self._draft.recurring_url or DEFAULT_BASE_URLS[environment]

    def auth_mode(self, environment: str) -> str:
        return self._draft.auth_mode
