"""Turkish capitals keep their dots: "Ödeme" must not render as "Odeme" (DejaVu Sans' ascent is too low)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter, qGray
from PySide6.QtWidgets import QLabel, QTabBar

from klogs_desk.ui.theme import accent_overflow, install_accent_safe_style

TEXT = "ÖİŞ"


def _ink(image: QImage) -> int:
    return sum(1 for y in range(image.height()) for x in range(image.width()) if qGray(image.pixel(x, y)) < 140)


def _reference_ink(font) -> int:  # type: ignore[no-untyped-def]
    """The same text drawn with room all around: every dot counted."""
    image = QImage(200, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(20, 50, TEXT)
    painter.end()
    return _ink(image)


def _tab_ink(qtbot) -> int:  # type: ignore[no-untyped-def]
    tabs = QTabBar()
    qtbot.addWidget(tabs)
    tabs.addTab("1")
    tabs.addTab(TEXT)  # not the current tab: unselected tabs are the lower ones, where the dots were cut
    tabs.show()
    return _ink(tabs.grab(tabs.tabRect(1)).toImage())


def test_labels_and_tabs_show_the_dots_of_turkish_capitals(qapp, qtbot):
    previous = qapp.style().name()
    tab_ink_before = _tab_ink(qtbot)
    try:
        installed = install_accent_safe_style(qapp)
        assert installed == (accent_overflow() > 0)
        label = QLabel(TEXT)
        label.setStyleSheet("background: white; color: black;")
        qtbot.addWidget(label)
        label.show()
        label.resize(label.sizeHint())
        assert _ink(label.grab().toImage()) >= _reference_ink(label.font())  # every dot drawn
        if installed:  # tab titles were cut at their one-line rectangle; now the dots show
            assert _tab_ink(qtbot) > tab_ink_before
    finally:
        qapp.setStyle(previous)


def test_the_first_frame_style_leaves_room_above_labels_and_later_ones_get_it_from_the_style(qapp, qtbot):
    """The app installs the drawing-only style before its first frame, gives the window's labels their room
    just before showing it, and has the style polish every label built after the first frame."""
    from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

    from klogs_desk.ui.theme import make_room_above_labels, polish_labels_from_now_on

    overflow = accent_overflow()
    if overflow == 0:
        import pytest

        pytest.skip("this font leaves room for the dots: nothing is installed")
    previous = qapp.style().name()
    try:
        assert install_accent_safe_style(qapp, polish_labels=False)
        window = QWidget()
        qtbot.addWidget(window)
        layout = QVBoxLayout(window)
        first = QLabel(TEXT)
        layout.addWidget(first)
        layout.addWidget(QComboBox())  # as on the Sale tab: its popup is built by Qt, with private classes
        make_room_above_labels(window)
        window.show()
        assert first.contentsMargins().top() == overflow
        polish_labels_from_now_on(qapp)
        later = QLabel(TEXT)
        layout.addWidget(later)
        later.show()
        qtbot.waitUntil(lambda: later.contentsMargins().top() == overflow)
        assert first.contentsMargins().top() == overflow  # the style set again keeps them
        assert _tab_ink(qtbot) > 0
    finally:
        qapp.setStyle(previous)
