"""Settings: the payment API's authentication per environment (documented headers by default, or signed
requests as Klogs' client libraries), saved across restarts, and named by "Test connection"."""

from __future__ import annotations

from klogs_desk.config import Config
from klogs_desk.ui.async_runner import RUNNER
from tests.ui import test_settings
from tests.ui.test_settings import choose, fill_credentials

# The Settings tests' fixtures: a settings file in tmp_path and a dialog factory on it.
settings_file, make_dialog = test_settings.settings_file, test_settings.make_dialog


def choose_mode(dialog, mode: str) -> None:  # type: ignore[no-untyped-def]
    dialog.auth_mode_combo.setCurrentIndex(dialog.auth_mode_combo.findData(mode))


def test_each_environment_keeps_its_own_mode_and_headers_is_the_default(qtbot, make_dialog, settings_file,
                                                                       memory_keyring):
    dialog = make_dialog()
    assert dialog.auth_mode_combo.currentText() == "API key and secret headers (as documented)"
    choose(dialog, "test")
    fill_credentials(qtbot, dialog)
    choose_mode(dialog, "signed")
    assert dialog.auth_mode_combo.currentText() == "Signed requests (as Klogs' client libraries)"
    choose(dialog, "production")
    assert dialog.auth_mode_combo.currentData() == "headers"  # another environment, its own choice
    choose(dialog, "test")
    assert dialog.auth_mode_combo.currentData() == "signed"  # the unsaved choice is kept
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()

    again = Config(settings_file)
    assert (again.auth_mode("test"), again.auth_mode("production"), again.auth_mode("sandbox")) == (
        "signed", "headers", "headers")
    reopened = make_dialog()
    assert reopened.selected_environment == "test" and reopened.auth_mode_combo.currentData() == "signed"


def test_a_blank_bearer_token_says_it_means_the_api_key(qtbot, make_dialog, memory_keyring):
    dialog = make_dialog()
    choose(dialog, "test")
    assert dialog.bearer_token_edit.placeholderText() == "blank: the API key"


def test_test_connection_says_signed_requests_were_accepted(qtbot, make_dialog, sandbox, memory_keyring):
    dialog = make_dialog(sandbox_url=lambda: sandbox.url)
    choose(dialog, "sandbox")
    choose_mode(dialog, "signed")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: RUNNER.running == 0 and dialog.test_button.isEnabled(), timeout=15_000)
    lines = dialog.test_result.text().splitlines()
    assert lines[0] == "✔ Payment API: reachable, signed requests accepted (the secret was not sent)."
    assert lines[1].startswith("✔ Subscriptions API: reachable")

    fill_credentials(qtbot, dialog, key="sandbox-key", secret="wrong-secret", token="")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: RUNNER.running == 0 and dialog.test_button.isEnabled(), timeout=15_000)
    lines = dialog.test_result.text().splitlines()
    assert lines[0] == "✘ Payment API: reachable, but it refused the signed requests."
    assert lines[1].startswith("✔ Subscriptions API: reachable")  # blank token: the API key, accepted
