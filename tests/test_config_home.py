"""config.py is the one home of the option defaults, the environments and the language list: every other
module reads them from there."""

from __future__ import annotations

from klogs_desk import config, i18n
from klogs_desk.config import Config


def test_the_language_list_is_configs():
    assert i18n.LANGUAGES == config.TRANSLATED_LANGUAGES
    assert i18n.DEFAULT_LANGUAGE == config.TRANSLATED_LANGUAGES[0]
    assert set(i18n.LOCALES) == set(config.TRANSLATED_LANGUAGES)
    assert config.LANGUAGES == ("system", *config.TRANSLATED_LANGUAGES)
    assert Config.language.choices == config.LANGUAGES
    assert set(config.LANGUAGE_NAMES) == set(config.TRANSLATED_LANGUAGES)
    for language in config.TRANSLATED_LANGUAGES:
        assert (i18n.translations_dir() / f"klogs_desk_{language}.qm").is_file()


def test_settings_lists_configs_languages_and_environments(qapp):
    from klogs_desk.ui import settings_dialog

    assert list(settings_dialog.LANGUAGE_LABELS) == list(config.LANGUAGES)
    assert settings_dialog.ENVIRONMENTS is config.ENVIRONMENTS
    assert settings_dialog.DEFAULT_BASE_URLS is config.DEFAULT_BASE_URLS


def test_widget_defaults_are_the_settings_defaults(qapp):
    from klogs_desk.ui import card_form

    assert card_form.DEFAULT_IDLE_SECONDS == Config.card_clear_seconds.default
    assert Config.environment.choices == config.ENVIRONMENTS
    assert Config.environment.default == config.ENVIRONMENTS[0]
