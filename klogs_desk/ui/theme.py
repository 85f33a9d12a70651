"""Colours and the few style sheets the shell uses, kept in one place.

The environment marker must be impossible to mistake: production is a red bar with white bold text
that says real cards are charged; test is amber; the sandbox (training) is green. The words always
carry the meaning, colour only reinforces it.

Status colours live here and nowhere else (:class:`StatusColour`, one per meaning: approved, declined,
unknown, ...). Written as text straight on the window or a field (field errors, gateway health, hints)
a status has a light-theme and a dark-theme shade, each at least 4.5:1 (WCAG AA) against that theme's
window and base colours: :func:`text_colours` picks by the palette's lightness when a widget is built.
Panels that paint their own background (the marker, result headlines, badges, table cells, tinted boxes,
the training banner) read the same in both themes and need no second shade.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from ..frozen import Frozen, init


class EnvironmentStyle(Frozen):
    """How the status bar names an environment: its words and colours."""

    #: English; shown through ``QCoreApplication.translate("Theme", text)`` (likewise ``description``).
    text: str
    background: str
    foreground: str
    #: Longer explanation, for the label's tooltip and accessible description.
    description: str

    __slots__ = ("text", "background", "foreground", "description")

    def __init__(self, text: str, background: str, foreground: str, description: str) -> None:
        init(self, text, background, foreground, description)


ENVIRONMENT_STYLES: dict[str, EnvironmentStyle] = {
    "sandbox": EnvironmentStyle(
        QT_TRANSLATE_NOOP("Theme", "SANDBOX"), "#2e7d32", "#ffffff",
        QT_TRANSLATE_NOOP("Theme", "Training mode: the built-in sandbox gateway. No real money moves.")),
    "test": EnvironmentStyle(
        QT_TRANSLATE_NOOP("Theme", "TEST"), "#f9a825", "#000000",
        QT_TRANSLATE_NOOP("Theme", "Klogs test gateway: test cards only, no real money moves.")),
    "production": EnvironmentStyle(
        QT_TRANSLATE_NOOP("Theme", "PRODUCTION — real cards are charged"), "#c62828", "#ffffff",
        QT_TRANSLATE_NOOP("Theme", "Live gateway: every approved payment charges a real card.")),
}

class StatusColour(Frozen):
    """How one status looks, wherever it is shown.

    ``fill`` is the background of a panel, badge or table cell that paints its own (the same in both
    themes) and ``on_fill`` the text on it; ``light`` and ``dark`` write the status as text straight on a
    light or a dark window or field (``light`` also on paper: receipts). Each pair is at least 4.5:1
    (``tests/ui/test_contrast.py``).
    """

    fill: str
    on_fill: str
    light: str
    dark: str

    __slots__ = ("fill", "on_fill", "light", "dark")

    def __init__(self, fill: str, on_fill: str, light: str, dark: str) -> None:
        init(self, fill, on_fill, light, dark)


# One colour per meaning, used by every module that shows a status (result panel, journal badges and
# receipts, checkout links, subscription badges, gateway health, field errors). Colour never carries the
# meaning alone: the words are always shown with it.
#: Money moved / the thing is live: approved, paid, an active subscription, the gateway answered.
APPROVED = StatusColour(fill="#1e7b34", on_fill="#ffffff", light="#1b6e2e", dark="#81c995")
#: Refused: declined, failed, a gateway error; also field errors.
DECLINED = StatusColour(fill="#b3261e", on_fill="#ffffff", light="#c62828", dark="#ff8a80")
#: Nobody knows yet and a person must look: outcome unknown, waiting for a subscription's owner; cautions.
UNKNOWN = StatusColour(fill="#f2a900", on_fill="#000000", light="#8a4b00", dark="#fdd663")
#: In flight or done without money moving now: pending, a finished subscription.
INFO = StatusColour(fill="#1565c0", on_fill="#ffffff", light="#1565c0", dark="#8ab4f8")
#: Waiting for the card holder: 3-D Secure, a checkout link not paid yet.
CUSTOMER = StatusColour(fill="#6a5acd", on_fill="#ffffff", light="#5b4bc4", dark="#c5b8ff")
#: Nothing happened (or it was undone): not charged, not sent, cancelled, voided, refunded, disabled; hints.
NEUTRAL = StatusColour(fill="#5f6368", on_fill="#ffffff", light="#5f6368", dark="#bdc1c6")
#: Money that moved and came back in part: partly refunded.
PARTIAL = StatusColour(fill="#00796b", on_fill="#ffffff", light="#00695c", dark="#80cbc4")

STATUS_COLOURS: tuple[StatusColour, ...] = (APPROVED, DECLINED, UNKNOWN, INFO, CUSTOMER, NEUTRAL, PARTIAL)


class TextColours(Frozen):
    """Status colours for text drawn on the palette's Window or Base colour (one theme's shades)."""

    error: str      # field errors, refusals
    ok: str         # gateway answered
    muted: str      # hints, "not contacted yet"
    warning: str    # keyring fallback and similar cautions

    __slots__ = ("error", "ok", "muted", "warning")

    def __init__(self, error: str, ok: str, muted: str, warning: str) -> None:
        init(self, error, ok, muted, warning)


LIGHT_TEXT = TextColours(error=DECLINED.light, ok=APPROVED.light, muted=NEUTRAL.light, warning=UNKNOWN.light)
DARK_TEXT = TextColours(error=DECLINED.dark, ok=APPROVED.dark, muted=NEUTRAL.dark, warning=UNKNOWN.dark)

#: The border of a field the cashier must correct (``QSS`` fragment, drawn on the field in both themes).
INVALID_FIELD_BORDER = f"solid {DECLINED.light}"


class Tint(Frozen):
    """A light box that paints its own background and text, the same in both themes."""

    background: str
    border: str
    text: str

    __slots__ = ("background", "border", "text")

    def __init__(self, background: str, border: str, text: str) -> None:
        init(self, background, border, text)


#: Green box: something was done (a subscription created).
OK_TINT = Tint(background="#e8f5e9", border="#a5d6a7", text="#1b3d1f")
#: Red box: something could not be done (the subscriptions list failed to load).
ERROR_TINT = Tint(background="#fdecea", border="#f5c2c0", text="#5c1a13")
#: Amber box: read this before going on (the training banner, an installment plan's note).
CAUTION_TINT = Tint(background="#fff3c4", border="#d8c27a", text="#4a3b00")
TINTS: tuple[Tint, ...] = (OK_TINT, ERROR_TINT, CAUTION_TINT)


class EnvironmentBand(Frozen):
    """The band across the top of the window outside training (the sandbox has the training banner)."""

    #: English; shown through ``QCoreApplication.translate("Theme", text)``.
    text: str
    background: str
    foreground: str

    __slots__ = ("text", "background", "foreground")

    def __init__(self, text: str, background: str, foreground: str) -> None:
        init(self, text, background, foreground)


#: Production: red, the words say real cards are charged. Test: blue (not the training banner's amber, not
#: production's red), the words say no real money moves. Both white bold text, at least 4.5:1.
ENVIRONMENT_BANDS: dict[str, EnvironmentBand] = {
    "production": EnvironmentBand(QT_TRANSLATE_NOOP("Theme", "PRODUCTION — real cards are charged"),
                                  DECLINED.light, "#ffffff"),
    "test": EnvironmentBand(QT_TRANSLATE_NOOP("Theme", "TEST environment — no real money"),
                            INFO.fill, INFO.on_fill),
}


def environment_band_sheet(environment: str) -> str:
    """Style sheet for the window's ``environmentBand`` in ``environment`` (which must have a band)."""
    band = ENVIRONMENT_BANDS[environment]
    return (f"QLabel#environmentBand {{ background: {band.background}; color: {band.foreground}; "
            f"padding: 6px 10px; font-weight: bold; }}")


TRAINING_BANNER_STYLE = (f"QLabel#trainingBanner {{ background: {CAUTION_TINT.background}; color: {CAUTION_TINT.text}; "
                         f"border-bottom: 1px solid {CAUTION_TINT.border}; padding: 6px 10px; font-weight: bold; }}")


#: The notice that the audit trail's chain is broken: shown on the main window until the app restarts.
AUDIT_BROKEN_STYLE = (f"QLabel#auditBrokenNotice {{ background: {ERROR_TINT.background}; color: {ERROR_TINT.text}; "
                      f"border-bottom: 1px solid {ERROR_TINT.border}; padding: 6px 12px; font-weight: 600; }}")


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette's window is dark (a dark system theme or :func:`dark_palette`)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def text_colours(palette: QPalette | None = None) -> TextColours:
    """The status text colours readable on ``palette`` (the application's palette by default)."""
    return DARK_TEXT if is_dark(palette) else LIGHT_TEXT


def error_label_sheet(extra: str = "font-size: 11px;") -> str:
    """Style sheet of a field's error line in the current theme."""
    return f"color: {text_colours().error}; {extra}".strip()


def dark_palette() -> QPalette:
    """Fusion's standard palette with the usual dark-theme roles (what a dark desktop hands to Qt); used
    by ``scripts/render_screens.py --dark`` and the contrast tests."""
    from PySide6.QtWidgets import QStyleFactory

    palette = QStyleFactory.create("Fusion").standardPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#f0f0f0"),
                         (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
                         (QPalette.ColorRole.Text, "#f0f0f0"), (QPalette.ColorRole.Button, "#353535"),
                         (QPalette.ColorRole.ButtonText, "#f0f0f0"), (QPalette.ColorRole.ToolTipBase, "#353535"),
                         (QPalette.ColorRole.ToolTipText, "#f0f0f0"), (QPalette.ColorRole.PlaceholderText, "#a0a0a0"),
                         (QPalette.ColorRole.Highlight, "#2f65ca"), (QPalette.ColorRole.HighlightedText, "#ffffff"),
                         (QPalette.ColorRole.Link, "#8ab4f8")):
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8a8a"))
    return palette


def environment_style(environment: str) -> EnvironmentStyle:
    return ENVIRONMENT_STYLES[environment]


def environment_label_sheet(environment: str) -> str:
    """Style sheet for the status bar's ``environmentLabel``."""
    style = environment_style(environment)
    return (f"QLabel#environmentLabel {{ background: {style.background}; color: {style.foreground}; "
            f"font-weight: bold; padding: 2px 10px; border-radius: 3px; }}")


#: Capitals whose marks stand above the cap height: Turkish (İ Ö Ü Ş Ğ Ç) and the other Latin accents.
ACCENTED_CAPITALS = "İÖÜŞĞÇÂÎÛÉÈ"


def accent_overflow(font=None) -> int:  # type: ignore[no-untyped-def]  # font is a QFont or None (QFont is not imported here)
    """How many pixels accented capitals rise above the font's ascent (0 when the font leaves room).

    DejaVu Sans, the usual Linux default, has an ascent lower than the dots of ``İ`` and ``Ö``: a label
    exactly one line high, or a tab's text rectangle, cuts them off and "Ödeme" reads "Odeme".
    """
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    metrics = QFontMetrics(font if font is not None else QApplication.font())
    return max(0, -metrics.boundingRect(ACCENTED_CAPITALS).top() - metrics.ascent())


def install_accent_safe_style(app, *, polish_labels: bool = True) -> bool:  # type: ignore[no-untyped-def]  # app is the QApplication; QtWidgets is imported lazily
    """Keep accents visible on fonts that need it; returns whether anything was installed.

    A proxy of the current style draws item texts (tab titles, labels drawn by the style) without
    clipping them to their one-line rectangle, and gives every label that much more room above its
    text. Fonts with room for accents (Segoe UI, SF, Noto) install nothing.

    ``polish_labels=False`` (the app, before its first frame) installs the drawing part only: the room
    above labels is then given by :func:`make_room_above_labels` on the first frame's window and by
    :func:`polish_labels_from_now_on` after it. Why: a Python ``polish`` on the style is called with
    every widget Qt polishes, and handing it the combo box's private popup classes
    (``QComboBoxPrivateContainer``, ``QComboBoxListView``) makes PySide6 resolve every QtWidgets class
    it loads lazily and build their enums: ~67 enum types, ~30 ms of the first frame here.
    """
    overflow = accent_overflow(app.font())
    if overflow == 0:
        return False
    app.setStyle(_accent_safe_style(app, overflow, polish_labels))
    return True


def make_room_above_labels(root) -> None:  # type: ignore[no-untyped-def]  # root is a QWidget
    """Give ``root``'s labels the room above their text that the accent-safe style's ``polish`` gives
    (nothing when no accent-safe style is installed: the font has room): for the widgets built before
    :func:`polish_labels_from_now_on`.

    Only the labels Python already holds (the ones the app's code built): ``findChildren`` would hand
    Python every descendant, private popup classes included, which is what this avoids. A label Qt builds
    internally before the first frame gets its room from :func:`polish_labels_from_now_on`."""
    from PySide6.QtWidgets import QApplication, QLabel
    from shiboken6 import Shiboken

    overflow = getattr(QApplication.style(), "accent_overflow", 0)  # measured once, when it was installed
    if overflow:
        for wrapper in Shiboken.getAllValidWrappers():
            if isinstance(wrapper, QLabel) and root.isAncestorOf(wrapper):
                _room_above(wrapper, overflow)


def polish_labels_from_now_on(app) -> None:  # type: ignore[no-untyped-def]  # app is the QApplication
    """After the first frame: the accent-safe style that also polishes every new label (the whole
    style is set again: PySide6 remembers that a style object had no Python ``polish`` and never
    looks again). Nothing when the drawing-only style is not the one installed."""
    style = app.style()
    overflow = getattr(style, "accent_overflow", 0)
    if overflow and not getattr(style, "polishes_labels", True):
        app.setStyle(_accent_safe_style(app, overflow, True))


def _room_above(label, overflow: int) -> None:  # type: ignore[no-untyped-def]  # label is a QLabel
    margins = label.contentsMargins()
    if margins.top() < overflow:
        margins.setTop(overflow)
        label.setContentsMargins(margins)


def _accent_safe_style(app, overflow: int, polish_labels: bool):  # type: ignore[no-untyped-def]  # a QProxyStyle
    # Only now: the first Python subclass of a QStyle makes PySide6 build QStyle's enums (~20 ms at start-up).
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QProxyStyle

    class AccentSafeTextStyle(QProxyStyle):
        polishes_labels = False
        accent_overflow = overflow

        def drawItemText(self, painter, rect, flags, palette, enabled, text, role=QPalette.ColorRole.NoRole):
            super().drawItemText(painter, rect, flags | Qt.TextFlag.TextDontClip, palette, enabled, text, role)

    class AccentSafeStyle(AccentSafeTextStyle):
        polishes_labels = True

        def polish(self, target):
            super().polish(target)
            if isinstance(target, QLabel):
                _room_above(target, overflow)

    current = app.style()
    base = getattr(current, "base_style_name", None) or current.name() or current.objectName()  # "fusion", ...: keep the look
    style = (AccentSafeStyle if polish_labels else AccentSafeTextStyle)(base)
    style.base_style_name = base
    return style
