"""The idle lock: after ``security/idle_lock_minutes`` without a key press or mouse use, an opaque screen
covers the whole window until the manager PIN from Settings is entered (rules in
:mod:`klogs_desk.services.idle_lock`).

* :class:`IdleLock` watches input with an event filter on every widget of the window (any key, click,
  wheel or mouse move counts; widgets added later are picked up each second) and checks once a second
  whether the limit passed; the limit is read from the settings at each check, so a change in Settings
  applies at once.
* Locking wipes every card form's card number, expiry and CVV, disables the window's content and menus
  (keyboard shortcuts cannot reach the hidden tabs) and shows :class:`LockScreen` over everything: a grab
  of the window shows only the lock screen.
* A wrong PIN leaves it locked with a message at the PIN field saying how many tries are left; the right
  one removes the screen and gives the content back exactly as it was (a payment in flight keeps going
  underneath and its result is there on return).
* Wrong PINs count towards the lock-out of :mod:`klogs_desk.services.pin_lockout` (5 wrong, 30 minutes),
  shared with the void/refund approval: while locked out the PIN field and button are disabled and the
  screen says so with the minutes left, refreshed at each check.

Object names: ``lockScreen``, ``lockTitle``, ``lockMessage``, ``lockPin``, ``lockError``, ``lockUnlock``.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget

from ..config import Config
from ..services.idle_lock import IdleTracker, unlocks
from ..services.pin_lockout import LOCKOUT_SECONDS, PinLockout, PinResult
from . import theme

#: Input that counts as the cashier being there.
_INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                           QEvent.Type.Wheel, QEvent.Type.TouchBegin})
_CHECK_INTERVAL_MS = 1000
_WATCHED = "klogsIdleWatched"


def pin_refused_text(result: PinResult) -> str:
    """What the cashier reads after a refused PIN: the time left of a lock-out, or the tries left."""
    if result.locked_out:
        return QCoreApplication.translate(
            "PinLockout", "Too many wrong PINs. The PIN is locked for {lockout} minutes. Time left: {minutes} "
            "min.").format(lockout=LOCKOUT_SECONDS // 60, minutes=result.locked_minutes)
    return QCoreApplication.translate(
        "PinLockout", "Wrong PIN. Tries left before the PIN is locked for {lockout} minutes: {tries}.").format(
        lockout=LOCKOUT_SECONDS // 60, tries=result.tries_left)


def _inside_web_view(widget: QWidget) -> bool:
    node: QObject | None = widget
    while node is not None:
        if "WebEngine" in node.metaObject().className() or "RenderWidgetHost" in node.metaObject().className():
            return True
        node = node.parent()
    return False


class LockScreen(QWidget):
    """The opaque cover with the PIN field. Emits :attr:`pin_entered` on Enter or the button."""

    pin_entered = Signal(str)

    def __init__(self, parent: QWidget, *, has_pin: bool) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAccessibleName(self.tr("Terminal locked"))
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#1f2933"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ffffff"))
        self.setPalette(palette)

        self.title = QLabel(self.tr("Terminal locked"), objectName="lockTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        self.title.setFont(font)
        self.message = QLabel(objectName="lockMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setFixedWidth(480)  # a wrapped label centred in a layout otherwise gets one word's width
        self.pin = QLineEdit(objectName="lockPin")
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setFixedWidth(220)
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = QLabel(objectName="lockError")
        self.error.setAccessibleName(self.tr("PIN problem"))
        self.error.setStyleSheet(f"color: {theme.DECLINED.dark}; font-weight: bold;")  # on its own dark window
        self.error.hide()
        self.unlock_button = QPushButton(objectName="lockUnlock")
        self.unlock_button.setMinimumWidth(220)
        self.unlock_button.setMinimumHeight(40)

        column = QVBoxLayout(self)
        column.setSpacing(12)
        column.addStretch(2)
        for widget in (self.title, self.message, self.pin, self.error, self.unlock_button):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(3)
        self.set_has_pin(has_pin)
        self.pin.returnPressed.connect(self._enter)
        self.unlock_button.clicked.connect(self._enter)

    def set_has_pin(self, has_pin: bool) -> None:
        self.pin.setVisible(has_pin)
        if has_pin:
            self.message.setText(self.tr("The terminal was idle and is locked. Enter the PIN to continue."))
            self.unlock_button.setText(self.tr("Unlock"))
        else:
            self.message.setText(self.tr("The terminal was idle and is locked. No PIN is set: a manager can "
                                         "set one in Settings so that only staff can unlock it."))
            self.unlock_button.setText(self.tr("Continue"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.pin.setAccessibleDescription(text)

    def reset(self) -> None:
        self.pin.clear()
        self.error.hide()
        self.pin.setAccessibleDescription("")

    def _enter(self) -> None:
        self.pin_entered.emit(self.pin.text())


class IdleLock(QObject):
    """Locks ``window`` after the configured idle time. ``now`` is injectable for tests."""

    #: True when the lock screen appeared, False when it went away.
    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, config: Config, *, now: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], float] = time.time) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        self.pin_lockout = PinLockout(config, now=wall_clock)
        self.tracker = IdleTracker(self._limit_seconds(), now=now)
        self.screen: LockScreen | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(_CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self._watch_new_widgets()
        window.destroyed.connect(self._stop)

    @property
    def locked(self) -> bool:
        return self.screen is not None and self.screen.isVisible()

    def _limit_seconds(self) -> float:
        return self.config.idle_lock_minutes * 60.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and not self.locked:
            self.tracker.touch()
        elif event.type() == QEvent.Type.Resize and watched is self.window and self.screen is not None:
            self.screen.setGeometry(self.window.rect())
        return False

    def _watch_new_widgets(self) -> None:
        """Filter the input of every widget of the window (new ones are picked up at each check).

        Not one filter on the QApplication: a Python event filter there is handed QtWebEngine's internal
        objects too, and PySide 6.11 crashes converting them (the 3-D Secure view segfaulted). Web views
        are left out for the same reason; the challenge dialog is the card holder's, not the cashier's.
        """
        for widget in [self.window, *self.window.findChildren(QWidget)]:
            if widget.property(_WATCHED) or _inside_web_view(widget):
                continue
            widget.setProperty(_WATCHED, True)
            widget.installEventFilter(self)

    def check(self) -> None:
        """Lock if the idle limit passed (called every second; tests call it after moving the clock)."""
        self._watch_new_widgets()
        self.tracker.limit_seconds = self._limit_seconds()
        if not self.locked and self.tracker.due():
            self.lock()
        elif self.locked:
            self._show_lockout()

    def lock(self) -> None:
        from .card_form import CardForm

        for form in self.window.findChildren(CardForm):
            form.clear_card()
        self._set_content_enabled(False)
        if self.screen is None:
            self.screen = LockScreen(self.window, has_pin=bool(self.config.manager_pin_hash))
            self.screen.pin_entered.connect(self.try_unlock)
        self.screen.set_has_pin(bool(self.config.manager_pin_hash))
        self.screen.reset()
        self.screen.setGeometry(self.window.rect())
        self.screen.show()
        self.screen.raise_()
        self._show_lockout()
        (self.screen.pin if self.screen.pin.isVisible() else self.screen.unlock_button).setFocus()
        self.locked_changed.emit(True)

    def _show_lockout(self) -> None:
        """While the PIN is locked out: PIN field and button disabled, the time left in words."""
        if self.screen is None or not self.config.manager_pin_hash:
            return
        status = self.pin_lockout.status()
        was_locked_out = not self.screen.pin.isEnabled()
        self.screen.pin.setEnabled(not status.locked_out)
        self.screen.unlock_button.setEnabled(not status.locked_out)
        if status.locked_out:
            self.screen.show_error(pin_refused_text(status))
        elif was_locked_out:
            self.screen.reset()
            self.screen.pin.setFocus()

    def try_unlock(self, pin: str) -> bool:
        """Open the lock if ``pin`` is right; otherwise say so and stay locked."""
        if self.screen is None:
            return True
        pin_hash = self.config.manager_pin_hash
        if pin_hash:
            result = self.pin_lockout.attempt(pin, lambda typed: unlocks(typed, pin_hash))
        else:
            result = PinResult(unlocks(pin, pin_hash))
        if not result.accepted:
            self.screen.pin.clear()
            self.screen.show_error(pin_refused_text(result))
            self._show_lockout()
            return False
        self.screen.reset()
        self.screen.hide()
        self._set_content_enabled(True)
        self.tracker.touch()
        self.locked_changed.emit(False)
        return True

    def _set_content_enabled(self, enabled: bool) -> None:
        for part in (self.window.centralWidget(), self.window.menuBar()):
            if part is not None:
                part.setEnabled(enabled)

    def _stop(self) -> None:
        self.timer.stop()
