"""Settings: persisted across restarts, secrets only in the keyring, the no-keyring path, production
confirmation, field checks, and "Test connection" against the real sandbox."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail, null

from klogs_desk.api.client import Credentials
from klogs_desk.config import Config
from klogs_desk.credentials import SERVICE, CredentialStore, CredentialStoreUnavailable
from klogs_desk.domain.operators import OperatorStore, Role, hash_pin
from klogs_desk.services.staff import StaffService
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.settings_dialog import SettingsDialog
from tests.fake_keyrings import PlaintextKeyring


@pytest.fixture
def settings_file(tmp_path):
    return tmp_path / "settings.ini"


@pytest.fixture
def make_dialog(qtbot, settings_file, event_loop_qt):
    def make(store: CredentialStore | None = None, sandbox_url=None, answer: bool = True):  # type: ignore[no-untyped-def]
        dialog = SettingsDialog(Config(settings_file), store or CredentialStore(), sandbox_url=sandbox_url)
        dialog.questions = []
        dialog.messages = []
        dialog.confirm = lambda title, question: dialog.questions.append(question) or answer
        dialog.tell = lambda title, message: dialog.messages.append(message)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return make


def choose(dialog: SettingsDialog, environment: str) -> None:
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData(environment))


def fill_credentials(qtbot, dialog, key="key-123456", secret="secret-123456", token="token-123456"):  # type: ignore[no-untyped-def]
    for edit, text in ((dialog.api_key_edit, key), (dialog.api_secret_edit, secret),
                       (dialog.bearer_token_edit, token)):
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_settings_survive_a_restart_and_secrets_stay_out_of_the_file(qtbot, make_dialog, settings_file,
                                                                      memory_keyring):
    dialog = make_dialog()
    choose(dialog, "test")
    qtbot.keyClicks(dialog.payment_url_edit, "https://proxy.example/pay/")
    fill_credentials(qtbot, dialog)
    qtbot.keyClicks(dialog.merchant_line_edit, "Kadikoy Books")
    dialog.card_clear_spin.setValue(90)
    dialog.idle_lock_spin.setValue(5)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("tr"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()

    again = Config(settings_file)  # a new process would read the same file
    assert again.environment == "test"
    assert again.payment_base_url("test") == "https://proxy.example/pay/"
    assert again.recurring_base_url("test") == "https://pgw.klogs.dev/"
    assert again.merchant_line == "Kadikoy Books"
    assert (again.card_clear_seconds, again.idle_lock_minutes, again.language) == (90, 5, "tr")
    assert "pin" not in settings_file.read_text(encoding="utf-8").lower()  # PINs live with the operators

    text = settings_file.read_text(encoding="utf-8")
    for secret in ("key-123456", "secret-123456", "token-123456"):
        assert secret not in text
    assert memory_keyring.entries[(SERVICE, "test/api_key")] == "key-123456"
    assert memory_keyring.entries[(SERVICE, "test/api_secret")] == "secret-123456"
    assert memory_keyring.entries[(SERVICE, "test/bearer_token")] == "token-123456"
    assert CredentialStore().load("test") == Credentials("key-123456", "secret-123456", "token-123456")

    reopened = make_dialog()
    assert reopened.selected_environment == "test"
    assert reopened.api_key_edit.text() == "key-123456"
    assert reopened.merchant_line_edit.text() == "Kadikoy Books"


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring, PlaintextKeyring],
                         ids=["fail", "null", "keyrings.alt-plaintext"])
def test_without_a_keyring_the_user_is_told_and_can_keep_credentials_for_the_session(qtbot, make_dialog,
                                                                                       settings_file, backend):
    """No keyring, one that keeps nothing (null) and one that keeps secrets in clear text all read the same."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend())
    try:
        store = CredentialStore()
        with pytest.raises(CredentialStoreUnavailable, match="no password store"):
            store.load("test")
        dialog = make_dialog(store)
        choose(dialog, "test")
        assert dialog.keyring_message.isVisible()
        assert "no password store" in dialog.keyring_message.text()
        fill_credentials(qtbot, dialog)
        dialog.session_only_check.setChecked(False)
        dialog.save()
        assert dialog.result() != dialog.DialogCode.Accepted
        assert any("no password store" in message for message in dialog.messages)

        dialog.session_only_check.setChecked(True)
        with qtbot.waitSignal(dialog.accepted):
            dialog.save()
        assert store.load("test") == Credentials("key-123456", "secret-123456", "token-123456")
        assert Config(settings_file).credentials_session_only
        assert "key-123456" not in settings_file.read_text(encoding="utf-8")
        # Training still works on a computer without a keyring.
        assert CredentialStore().load("sandbox").api_key == "sandbox-key"
        assert getattr(keyring.get_keyring(), "entries", {}) == {}  # nothing went to an untrusted backend
    finally:
        keyring.set_keyring(previous)


@pytest.mark.parametrize("answer", [False, True])
def test_switching_to_production_asks_first(qtbot, make_dialog, settings_file, memory_keyring, answer):
    dialog = make_dialog(answer=answer)
    choose(dialog, "production")
    dialog.save()
    assert len(dialog.questions) == 1 and "real card" in dialog.questions[0]
    assert Config(settings_file).environment == ("production" if answer else "sandbox")


def test_production_refuses_plain_http_at_the_field(qtbot, make_dialog, settings_file, memory_keyring):
    dialog = make_dialog()
    choose(dialog, "production")
    qtbot.keyClicks(dialog.payment_url_edit, "http://pgw.klogs.io/")
    dialog.save()
    assert dialog.url_error.isVisible() and "https" in dialog.url_error.text()
    assert dialog.questions == []
    assert not Config(settings_file).is_configured


@pytest.mark.parametrize("environment", ["test", "production", "sandbox"])
def test_clear_text_to_another_computer_is_refused_at_the_field_in_every_environment(
        qtbot, make_dialog, settings_file, memory_keyring, environment):
    dialog = make_dialog()
    choose(dialog, environment)
    qtbot.keyClicks(dialog.recurring_url_edit, "http://192.0.2.2:8443/")
    dialog.save()
    assert dialog.url_error.isVisible() and "clear text" in dialog.url_error.text()
    assert "http://192.0.2.2:8443/" in dialog.url_error.text()
    assert not settings_file.exists() or "192.0.2.2" not in settings_file.read_text(encoding="utf-8")


def test_plain_http_to_this_computer_is_accepted(qtbot, make_dialog, settings_file, memory_keyring):
    dialog = make_dialog()
    choose(dialog, "test")
    qtbot.keyClicks(dialog.payment_url_edit, "http://127.0.0.1:8765/")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert Config(settings_file).payment_base_url("test") == "http://127.0.0.1:8765/"


class Recorder:
    def __init__(self) -> None:
        self.records = []

    def record(self, action, *, operator=None, approver=None, details=None):  # type: ignore[no-untyped-def]
        self.records.append((action, operator, dict(details or {})))


def manager_signed_in(tmp_path, audit):  # type: ignore[no-untyped-def]
    """Ayşe, a manager, signed in."""
    store = OperatorStore(tmp_path / "staff.sqlite3")
    store.add("Ayşe", Role.MANAGER, hash_pin("482615"))
    staff = StaffService(store, audit=audit)
    assert staff.sign_in("Ayşe", "482615").accepted
    return staff


def trainee_signed_in(folder):  # type: ignore[no-untyped-def]
    """A fresh terminal on the sandbox: no manager yet, the built-in Trainee signed in."""
    folder.mkdir()
    staff = StaffService(OperatorStore(folder / "staff.sqlite3"))
    assert staff.start("sandbox").training
    return staff


def test_switching_to_production_needs_a_signed_in_manager(qtbot, tmp_path, settings_file, memory_keyring,
                                                          event_loop_qt):
    audit = Recorder()
    dialog = SettingsDialog(Config(settings_file), CredentialStore(), staff=trainee_signed_in(tmp_path / "training"))
    qtbot.addWidget(dialog)
    dialog.messages = []
    dialog.tell = lambda title, message: dialog.messages.append(message)
    dialog.confirm = lambda title, question: True
    choose(dialog, "production")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted and Config(settings_file).environment == "sandbox"
    assert "needs a manager signed in with their own name and PIN" in dialog.messages[0]

    staff = manager_signed_in(tmp_path, audit)
    dialog = SettingsDialog(Config(settings_file), CredentialStore(), staff=staff)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda title, question: True
    choose(dialog, "test")
    fill_credentials(qtbot, dialog)
    dialog.idle_lock_spin.setValue(7)
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert Config(settings_file).environment == "test"
    assert ("environment.switch", "Ayşe", {"setting": "terminal/environment", "old": "sandbox", "new": "test"}) \
        in audit.records
    assert ("settings.changed", "Ayşe", {"setting": "security/idle_lock_minutes", "old": 15, "new": 7}) \
        in audit.records
    assert ("settings.changed", "Ayşe", {"setting": "test/credentials", "new": "changed"}) in audit.records
    assert "secret-123456" not in repr(audit.records)


def test_test_connection_reports_both_apis_in_words(qtbot, make_dialog, sandbox, memory_keyring):
    dialog = make_dialog(sandbox_url=lambda: sandbox.url)
    choose(dialog, "sandbox")
    dialog.test_button.click()
    assert not dialog.test_button.isEnabled()  # one check at a time
    qtbot.waitUntil(lambda: RUNNER.running == 0 and dialog.test_button.isEnabled(), timeout=15_000)
    lines = dialog.test_result.text().splitlines()
    assert lines[0].startswith("✔ Payment API: reachable")
    assert lines[1].startswith("✔ Subscriptions API: reachable")

    fill_credentials(qtbot, dialog, key="wrong-key", secret="wrong-secret", token="wrong-token")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: RUNNER.running == 0 and dialog.test_button.isEnabled(), timeout=15_000)
    lines = dialog.test_result.text().splitlines()
    assert lines[0] == "✘ Payment API: reachable, but the API key or secret was refused."
    assert lines[1] == "✘ Subscriptions API: reachable, but the Bearer token was refused."


def first_ink_row(widget) -> int:  # type: ignore[no-untyped-def]
    """The first pixel row of ``widget`` with anything drawn on its background (its text's top), or -1."""
    image = widget.grab().toImage()
    background = image.pixelColor(image.width() - 1, image.height() - 1)
    for y in range(image.height()):
        if any(image.pixelColor(x, y) != background for x in range(image.width())):
            return y
    return -1


def test_the_connection_answers_stand_right_under_their_buttons(qtbot, make_dialog, sandbox, memory_keyring):
    """Not floated a line or two below, as a vertically centred label in a row made taller than its text put
    them: a cashier reads the answer as the button's."""
    dialog = make_dialog(sandbox_url=lambda: sandbox.url)
    choose(dialog, "sandbox")
    dialog.test_button.click()
    dialog.shop_test_button.click()  # no host typed: it says what to type, at once
    qtbot.waitUntil(lambda: RUNNER.running == 0 and dialog.test_button.isEnabled(), timeout=15_000)
    for button, answer in ((dialog.test_button, dialog.test_result), (dialog.shop_test_button, dialog.shop_test_result)):
        assert answer.text()
        ink = first_ink_row(answer)
        assert ink >= 0
        gap = answer.mapTo(dialog, answer.rect().topLeft()).y() + ink - button.mapTo(dialog, button.rect().bottomLeft()).y()
        assert 0 <= gap < answer.fontMetrics().height(), f"{answer.objectName()}: {gap} px below its button"


def test_the_connection_answers_are_as_tall_as_their_text_with_no_blank_lines_under_them(
        qtbot, make_dialog, sandbox, memory_keyring):
    """A word-wrapped answer's row was sized for its text wrapped at a guessed narrow width (QFormLayout reads
    the label's size hint): the dialog grew by those lines and the answer kept them as blank space below."""
    dialog = make_dialog(sandbox_url=lambda: sandbox.url)
    choose(dialog, "sandbox")
    dialog.resize(620, dialog.height())  # the dialog's own width (a narrower one wraps the answers more)
    dialog.test_button.click()
    dialog.shop_host_edit.setText("127.0.0.1")
    dialog.shop_port_spin.setValue(1)  # nothing listens there: refused, said in a sentence that wraps
    dialog.shop_database_edit.setText("shop")
    dialog.shop_user_edit.setText("till")
    dialog.shop_test_button.click()
    qtbot.waitUntil(lambda: RUNNER.running == 0 and dialog.test_button.isEnabled()
                    and dialog.shop_test_button.isEnabled() and dialog.shop_test_result.text().startswith("✘"),
                    timeout=15_000)
    qtbot.waitUntil(lambda: dialog.shop_test_result.height() > 0)
    for answer in (dialog.test_result, dialog.shop_test_result):
        assert answer.text()
        assert answer.height() == answer.heightForWidth(answer.width()), (
            f"{answer.objectName()}: {answer.height()} px for {answer.heightForWidth(answer.width())} px of text")
    # The note under the shop's answer follows it at the form's spacing, not lines below.
    form = dialog.shop_group.layout()
    answer, note = dialog.shop_test_result, dialog.shop_note
    gap = note.geometry().top() - answer.geometry().bottom() - 1
    assert 0 <= gap <= form.verticalSpacing(), f"{gap} px between the answer and the note"


def test_test_connection_says_when_the_gateway_cannot_be_reached(qtbot, make_dialog, memory_keyring):
    dialog = make_dialog()
    choose(dialog, "test")
    qtbot.keyClicks(dialog.payment_url_edit, "http://127.0.0.1:9/")
    qtbot.keyClicks(dialog.recurring_url_edit, "http://127.0.0.1:9/")
    fill_credentials(qtbot, dialog)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: RUNNER.running == 0 and dialog.test_button.isEnabled(), timeout=15_000)
    text = dialog.test_result.text()
    assert "✘ Payment API: The gateway could not be reached" in text
    assert "✘ Subscriptions API: The gateway could not be reached" in text


def test_production_with_empty_credentials_asks_for_them_instead_of_testing(qtbot, make_dialog, memory_keyring):
    dialog = make_dialog()
    choose(dialog, "production")
    dialog.test_button.click()
    assert dialog.test_result.text() == ("Enter this environment's API key, API secret and Bearer token first: "
                                         "the gateway needs them to answer.")
    assert "could not be reached" not in dialog.test_result.text() and RUNNER.running == 0


def test_a_cashier_cannot_save_settings_even_with_the_dialog_open(qtbot, tmp_path, settings_file, memory_keyring,
                                                                  event_loop_qt):
    """The menu refuses a cashier; Save holds the rule too (e.g. a manager opened it, then a cashier signed in)."""
    audit = Recorder()
    staff = manager_signed_in(tmp_path, audit)
    staff.add_operator("Mehmet", Role.CASHIER, "7391")
    dialog = SettingsDialog(Config(settings_file), CredentialStore(), staff=staff)
    qtbot.addWidget(dialog)
    dialog.messages = []
    dialog.tell = lambda title, message: dialog.messages.append(message)
    dialog.confirm = lambda title, question: True
    staff.sign_out()
    assert staff.sign_in("Mehmet", "7391").accepted
    dialog.idle_lock_spin.setValue(7)
    dialog.merchant_line_edit.setText("Cashier's shop")

    dialog.save()

    assert dialog.result() != dialog.DialogCode.Accepted
    assert "Only a manager may do this (Settings)" in dialog.messages[0]
    assert Config(settings_file).idle_lock_minutes == 15 and Config(settings_file).merchant_line == ""
    assert ("permission.refused", "Mehmet", {"permission": "settings"}) in audit.records
    assert not any(action == "settings.changed" for action, *_ in audit.records)
