"""Text contrast (WCAG AA, 4.5:1) of the colours the terminal paints, in a light and a dark system theme.

Panels that paint their own background (environment marker, result headlines, the Pay button, the
training banner) must read the same in both themes; palette text must read on palette backgrounds.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyleFactory

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
