"""Text that keeps fitting its box after the window was laid out.

* :func:`grow_to_fit`: a dialog whose wrapped label (a field error, the connection-test results, a warning)
  appears after the dialog was shown does not grow by itself (Qt sizes a top-level window once, and a
  word-wrapped label's height depends on its width), so the new lines were squeezed into one or drawn over
  the field below. Call it after showing such a label: the window grows to the height its layout needs at
  its current width.
* :class:`WrappedLabel`: a word-wrapped label in a :class:`QFormLayout` (the connection-test answers, a
  field's error, a note) as tall as its text at the width it was given. A plain word-wrapped QLabel's size
  hint is its text wrapped at a guessed width (20 to 40 characters: 84 px, six lines, for the two-line
  answer that takes 28 px at the Settings dialog's width), and QFormLayout sizes its rows, and its height
  for a width, from size hints: the window grew by the guessed lines (:func:`grow_to_fit`) and the answer's
  row kept them as blank space under its text.
* :func:`fit_placeholder`: an empty field whose placeholder says what to type ("Order ID or card last 4")
  is at least as wide as that placeholder (the Turkish ones are longer and were cut off).
* :class:`ElidedLabel`: a one-line status that may hold a long path ("Receipt saved to /home/…") is drawn
  elided in the middle, with the whole text in its tooltip, and never asks for more width than the window
  has (a plain QLabel's size hint widened the main window to the path's length). :meth:`ElidedLabel.set_link`
  shows such a text as a link (``<a href="file://…">``, opened by the desktop: "Receipt saved to …" opens
  the folder), still elided to the label's width.

``scripts/check_text_fit.py`` checks both under a real X server.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget


def grow_to_fit(widget: QWidget) -> None:
    """Grow ``widget``'s window (never shrink it) to the height its layout needs at the window's width."""
    window = widget.window()
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.invalidate()
    layout.activate()
    width = window.width()
    needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
              else layout.totalMinimumSize().height())
    needed = max(needed, layout.totalMinimumSize().height())
    if needed > window.height():
        window.resize(width, needed)


class WrappedLabel(QLabel):
    """A word-wrapped label whose size hint is its text's height at its own width (see the module docstring).

    Its height depends on its width, so a change of width asks its layout again (``updateGeometry``); at the
    same width the hint is the same, so the layout settles after one pass."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        hint = super().sizeHint()
        height = self.heightForWidth(self.width()) if self.wordWrap() else -1
        return QSize(hint.width(), height) if height >= 0 else hint

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()


def fit_placeholder(edit: QLineEdit) -> QLineEdit:
    """Make ``edit`` at least as wide as its placeholder text (plus frame, margins and a clear button)."""
    room = 8 + 2 * edit.fontMetrics().averageCharWidth() + (16 if edit.isClearButtonEnabled() else 0)
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + room)
    return edit


class ElidedLabel(QLabel):
    """A one-line label that draws its text elided in the middle when it is too long for its width; the
    full text is :meth:`text` and the tooltip. Its size hint never asks for the text's full width."""

    def __init__(self, text: str = "", parent: QWidget | None = None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(text, parent, **kwargs)
        self.setProperty("elidesText", True)  # scripts/check_text_fit.py: drawn elided, full text as tooltip
        self.setToolTip(text)
        self._link: QUrl | None = None
        self._full = text

    def setText(self, text: str) -> None:  # noqa: N802 (Qt)
        """A plain one-line text (no link)."""
        self._link = None
        self._full = text
        self.setTextFormat(Qt.TextFormat.PlainText)
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.updateGeometry()

    def set_link(self, text: str, url: QUrl) -> None:
        """``text`` as a link to ``url`` (opened by the desktop), elided in the middle to the label's width."""
        self._link = url
        self._full = text
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setOpenExternalLinks(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._show_link()
        self.updateGeometry()

    def text(self) -> str:
        """The whole text (also when it is shown as an elided link)."""
        return self._full

    def link(self) -> QUrl | None:
        """Where the text links to; None for a plain text."""
        return self._link

    def _show_link(self) -> None:
        if self._link is not None:
            super().setText(f'<a href="{html.escape(self._link.toString(), quote=True)}">'
                            f"{html.escape(self.shown_text())}</a>")

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._show_link()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt)
        return QSize(self.fontMetrics().horizontalAdvance("…") * 3, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * 40), hint.height())

    def shown_text(self) -> str:
        """The text as drawn at the current width."""
        return self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, self.contentsRect().width())

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt)
        if self._link is not None:  # the link is rich text: QLabel draws it (already elided)
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()) | int(Qt.AlignmentFlag.AlignVCenter),
                         self.shown_text())
