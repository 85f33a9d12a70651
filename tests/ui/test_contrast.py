"""Text contrast (WCAG AA, 4.5:1) of the colours the terminal paints, in a light and a dark system theme.

Panels that paint their own background (environment marker, result headlines, the Pay button, the
training banner) must read the same in both themes; palette text must read on palette backgrounds.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QStyleFactory

from klogs_desk.ui import theme
from klogs_desk.ui.result_panel import STATE_LOOK

AA = 4.5


def luminance(colour: str | QColor) -> float:
    c = QColor(colour)
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: str | QColor, b: str | QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def dark_palette() -> QPalette:
    """Fusion's palette with the usual dark-theme roles (what a dark desktop hands to Qt)."""
    palette = QStyleFactory.create("Fusion").standardPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#f0f0f0"),
                         (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#f0f0f0"),
                         (QPalette.ColorRole.Button, "#353535"), (QPalette.ColorRole.ButtonText, "#f0f0f0")):
        palette.setColor(role, QColor(colour))
    return palette


def light_palette() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


def test_contrast_formula_matches_wcag_reference_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic "just fails" grey


@pytest.mark.parametrize("environment", sorted(theme.ENVIRONMENT_STYLES))
def test_environment_marker_text_is_readable(environment):
    style = theme.environment_style(environment)
    assert contrast(style.foreground, style.background) >= AA


def test_production_marker_stays_unmistakable_in_light_and_dark_themes():
    production = theme.environment_style("production")
    for palette in (light_palette(), dark_palette()):
        window = palette.color(QPalette.ColorRole.Window)
        # The red bar must stand out from the status bar it sits on, whatever the theme, and say it in words.
        assert contrast(production.background, window) >= 1.5 or QColor(production.background).red() > 150
        assert "PRODUCTION" in production.text


@pytest.mark.parametrize("state", list(STATE_LOOK))
def test_result_headlines_are_readable(state):
    _headline, background, text = STATE_LOOK[state]
    assert contrast(text, background) >= AA


@pytest.mark.parametrize("environment", sorted(theme.ENVIRONMENT_BANDS))
def test_environment_bands_are_readable_and_production_is_red(environment):
    band = theme.ENVIRONMENT_BANDS[environment]
    assert contrast(band.foreground, band.background) >= AA
    assert band.background in theme.environment_band_sheet(environment)
    if environment == "production":
        red = QColor(band.background)
        assert red.red() > 150 and red.green() < 80 and red.blue() < 80


def test_training_banner_and_pay_button_are_readable():
    assert contrast("#4a3b00", "#fff3c4") >= AA  # theme.TRAINING_BANNER_STYLE
    assert "#4a3b00" in theme.TRAINING_BANNER_STYLE and "#fff3c4" in theme.TRAINING_BANNER_STYLE
    assert contrast("#ffffff", "#1a73e8") >= AA  # salePay


@pytest.mark.parametrize("make_palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_palette_text_is_readable(make_palette):
    palette = make_palette()
    for text, background in ((QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
                             (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
                             (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button)):
        assert contrast(palette.color(text), palette.color(background)) >= AA


# --- status colours written as text, in a light and a dark theme ----------------------------------------

import re  # noqa: E402

from PySide6.QtWidgets import QApplication  # noqa: E402

from klogs_desk.ui.badges import STATUS_COLOURS  # noqa: E402
from klogs_desk.ui.journal_model import STATE_COLOURS  # noqa: E402

BACKGROUNDS = (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)


def sheet_colour(widget) -> str:
    """The ``color:`` a widget's style sheet paints its text with."""
    found = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", widget.styleSheet())
    assert found, f"{widget.objectName()} sets no text colour: {widget.styleSheet()!r}"
    return found.group(1)


@pytest.fixture
def app_palette(qapp):
    """Set the application's palette for one test (as a system theme would), then put it back."""
    before = QApplication.palette()
    yield lambda palette: QApplication.setPalette(palette)
    QApplication.setPalette(before)


def test_the_dark_palette_is_dark_and_fusion_light_is_not():
    assert theme.is_dark(theme.dark_palette()) and not theme.is_dark(light_palette())
    assert theme.text_colours(theme.dark_palette()) is theme.DARK_TEXT
    assert theme.text_colours(light_palette()) is theme.LIGHT_TEXT


@pytest.mark.parametrize("make_palette", [light_palette, theme.dark_palette], ids=["light", "dark"])
def test_status_text_colours_are_readable_on_window_and_fields(make_palette):
    palette = make_palette()
    colours = theme.text_colours(palette)
    for name in ("error", "ok", "muted", "warning"):
        for role in BACKGROUNDS:
            ratio = contrast(getattr(colours, name), palette.color(role))
            assert ratio >= AA, f"{name} {getattr(colours, name)} on {role.name}: {ratio:.2f}"


def test_the_light_shades_would_fail_on_a_dark_window():
    """Why two shades exist: the light theme's red and green vanish on a dark status bar."""
    window = theme.dark_palette().color(QPalette.ColorRole.Window)
    assert contrast(theme.LIGHT_TEXT.error, window) < AA and contrast(theme.LIGHT_TEXT.ok, window) < AA


@pytest.mark.parametrize("look", theme.STATUS_COLOURS, ids=lambda look: look.fill)
def test_status_text_is_readable_on_its_fill(look):
    """Badges, result headlines and table cells paint a status's fill with its on-fill text."""
    assert contrast(look.on_fill, look.fill) >= AA


@pytest.mark.parametrize("look", theme.STATUS_COLOURS, ids=lambda look: look.fill)
def test_every_status_has_a_readable_light_and_dark_text_shade(look):
    for palette, shade in ((light_palette(), look.light), (theme.dark_palette(), look.dark)):
        for role in BACKGROUNDS:
            assert contrast(shade, palette.color(role)) >= AA
    assert contrast(look.light, "#ffffff") >= AA  # receipts: paper


@pytest.mark.parametrize("tint", theme.TINTS, ids=lambda tint: tint.background)
def test_tinted_boxes_are_readable(tint):
    assert contrast(tint.text, tint.background) >= AA


def test_every_status_colour_comes_from_the_theme():
    """One home: the journal's and the subscriptions' badges, the result headlines and the checkout links
    all take a status's colours from ``theme``; the same state looks the same everywhere."""
    from klogs_desk.domain.journal import EntryState
    from klogs_desk.services.checkout import LinkStatus
    from klogs_desk.services.payments import OutcomeState
    from klogs_desk.ui.checkout_tab import _STATUS_COLOURS as LINK_COLOURS

    for looks in (STATE_COLOURS, STATUS_COLOURS, LINK_COLOURS):
        assert set(looks.values()) <= set(theme.STATUS_COLOURS)
    assert {(fill, text) for _headline, fill, text in STATE_LOOK.values()} <= {
        (look.fill, look.on_fill) for look in theme.STATUS_COLOURS}
    for entry_state, outcome_state, link_status in ((EntryState.UNKNOWN, OutcomeState.UNKNOWN, LinkStatus.UNKNOWN),
                                                    (EntryState.APPROVED, OutcomeState.APPROVED, LinkStatus.PAID),
                                                    (EntryState.DECLINED, OutcomeState.DECLINED, LinkStatus.FAILED)):
        look = STATE_COLOURS[entry_state.value]
        assert STATE_LOOK[outcome_state][1:] == (look.fill, look.on_fill)
        assert LINK_COLOURS[link_status] is look
    assert STATE_LOOK[OutcomeState.ERROR][1] == STATE_COLOURS[EntryState.ERROR.value].fill
    assert STATE_LOOK[OutcomeState.ENROLLED][1] == STATE_COLOURS[EntryState.ENROLLED.value].fill


def test_training_banner_paints_its_own_text_colour():
    """A light box keeps dark text in a dark theme (the palette's text would be light on light)."""
    banner = re.search(r"background: (#\w+); color: (#\w+)", theme.TRAINING_BANNER_STYLE)
    assert banner and contrast(banner.group(2), banner.group(1)) >= AA


@pytest.mark.parametrize("make_palette", [light_palette, theme.dark_palette], ids=["light", "dark"])
def test_field_errors_and_gateway_health_are_readable_in_the_running_theme(
        qtbot, app_palette, make_palette, tmp_path, memory_keyring, sandbox, event_loop_qt):
    from klogs_desk.composition import build_main_window
    from klogs_desk.config import Config
    from klogs_desk.credentials import CredentialStore
    from klogs_desk.domain.journal import Journal
    from klogs_desk.services.context import AppServices
    from klogs_desk.ui.async_runner import RUNNER
    from klogs_desk.ui.card_form import CardForm
    from klogs_desk.ui.subscription_dialogs import CreateSubscriptionDialog
    from tests.conftest import make_client

    app_palette(make_palette())
    form = CardForm("contrast")
    qtbot.addWidget(form)
    assert form.validate() is None  # empty form: every field marked
    errors = [label for label in form.findChildren(QLabel) if label.objectName().endswith("Error") and label.text()]
    assert errors
    for label in errors:
        for role in BACKGROUNDS:
            assert contrast(sheet_colour(label), form.palette().color(role)) >= AA

    dialog = CreateSubscriptionDialog(lambda request: None)
    qtbot.addWidget(dialog)
    for box in (dialog.preview, dialog.outcome):
        background = re.search(r"background: (#\w+)", box.styleSheet()).group(1)
        assert contrast(sheet_colour(box), background) >= AA

    journal = Journal(tmp_path / "journal.sqlite")
    window = build_main_window(AppServices(client=make_client(sandbox), journal=journal, environment="sandbox"),
                               config=Config(tmp_path / "settings.ini"), credentials=CredentialStore(session_only=True))
    qtbot.addWidget(window)
    window.confirm = lambda title, question: True
    window.show()
    qtbot.waitExposed(window)
    # The first gateway lookup has ended (it would otherwise be cut off mid-connect at teardown).
    qtbot.waitUntil(lambda: window.health_check_task is not None and window.health_check_task.done(), timeout=10_000)
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    window.services.client.last_answer_at = None
    window._refresh_health()  # "not contacted yet"
    shades = {sheet_colour(window.health_label)}
    window._last_failure_at = 1.0  # a failed request: "no answer" in the error colour
    window._refresh_health()
    shades.add(sheet_colour(window.health_label))
    assert shades == {theme.text_colours().muted, theme.text_colours().error}
    for colour in shades:
        assert contrast(colour, window.statusBar().palette().color(QPalette.ColorRole.Window)) >= AA
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    journal.close()


def test_every_registered_payment_status_and_journal_state_has_its_badge_colour():
    """A status the gateway can send, or a state the journal can hold, is never drawn in the unknown grey."""
    from klogs_desk.api.enums import RegisteredPaymentStatus
    from klogs_desk.domain.journal import EntryState

    assert set(STATUS_COLOURS) == {status.value for status in RegisteredPaymentStatus}
    assert {state.value for state in EntryState} <= set(STATE_COLOURS)
