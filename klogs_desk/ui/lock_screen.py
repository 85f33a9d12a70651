"""The sign-in screen: at start, after the idle lock and on "Switch operator", an opaque screen covers the
whole window until an operator signs in with their own name and PIN (rules in
:mod:`klogs_desk.services.staff` and :mod:`klogs_desk.services.idle_lock`).

* :class:`IdleLock` watches input with an event filter on every widget of the window (any key, click,
  wheel or mouse move counts; widgets added later are picked up each second) and checks once a second
  whether the limit passed; the limit is read from the settings at each check, so a change in Settings
  applies at once.
* Locking wipes every card form's card number, expiry and CVV, disables the window's content and menus
  (keyboard shortcuts cannot reach the hidden tabs) and shows :class:`LockScreen` over everything: a grab
  of the window shows only the lock screen.
* After the idle lock the name field holds the operator who was signed in (the cursor is in the PIN
  field); anyone else may sign in instead, which switches operator. A payment in flight keeps going
  underneath and its result is there on return.
* A refused PIN says why in words (tries left, or the lock-out with the minutes left). While the operator
  named in the name field is locked out, the PIN field and button are disabled and the screen says so,
  refreshed at each check.
* In training mode (the sandbox, no manager yet) a "Continue in training mode" button signs in the
  built-in Trainee.

Object names: ``lockScreen``, ``lockTitle``, ``lockMessage``, ``lockName``, ``lockPin``, ``lockError``,
``lockUnlock``, ``lockTraining``.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget

from ..config import Config
from ..domain.operators import MAX_PIN_DIGITS
from ..services.idle_lock import IdleTracker
from ..services.staff import SignInResult, StaffService
from . import theme
from .messages import render

#: Input that counts as the cashier being there.
_INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                           QEvent.Type.Wheel, QEvent.Type.TouchBegin})
_CHECK_INTERVAL_MS = 1000
_WATCHED = "klogsIdleWatched"


def sign_in_refused_text(result: SignInResult) -> str:
    """What the operator reads after a refused sign-in or approval: tries left, or the lock-out's time left."""
    why = result.why
    return render(why) if why is not None else ""


#: Why the screen is shown.
START, IDLE, SWITCH = "start", "idle", "switch"


def _inside_web_view(widget: QWidget) -> bool:
    node: QObject | None = widget
    while node is not None:
        if "WebEngine" in node.metaObject().className() or "RenderWidgetHost" in node.metaObject().className():
            return True
        node = node.parent()
    return False


class LockScreen(QWidget):
    """The opaque cover with the name and PIN fields. Emits :attr:`sign_in_requested` on Enter in the PIN
    field or the button, :attr:`training_requested` from the training button."""

    sign_in_requested = Signal(str, str)
    training_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAccessibleName(self.tr("Sign in"))
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#1f2933"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ffffff"))
        self.setPalette(palette)

        self.title = QLabel(objectName="lockTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        self.title.setFont(font)
        self.message = QLabel(objectName="lockMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setFixedWidth(480)  # a wrapped label centred in a layout otherwise gets one word's width
        self.name = QLineEdit(objectName="lockName")
        self.name.setAccessibleName(self.tr("Operator name"))
        self.name.setPlaceholderText(self.tr("Your name"))
        self.name.setMaxLength(40)
        self.pin = QLineEdit(objectName="lockPin")
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(MAX_PIN_DIGITS)
        self.pin.setPlaceholderText(self.tr("PIN"))
        for edit in (self.name, self.pin):
            edit.setFixedWidth(260)
            edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = QLabel(objectName="lockError")
        self.error.setAccessibleName(self.tr("Sign-in problem"))
        self.error.setWordWrap(True)
        self.error.setFixedWidth(480)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setStyleSheet(f"color: {theme.DECLINED.dark}; font-weight: bold;")  # on its own dark window
        # Room for three lines: a centred wrapped label gets one line's height from the layout otherwise.
        self.error.setMinimumHeight(self.error.fontMetrics().lineSpacing() * 3 + 4)
        self.error.hide()
        self.unlock_button = QPushButton(self.tr("Sign in"), objectName="lockUnlock")
        self.training_button = QPushButton(self.tr("Continue in training mode"), objectName="lockTraining")
        self.training_button.setAccessibleName(self.tr("Continue in training mode"))
        for button in (self.unlock_button, self.training_button):
            button.setMinimumWidth(260)
            button.setMinimumHeight(40)
        self.training_button.hide()

        # Visible labels: a focused field's placeholder is not enough to say what goes in it.
        self.name_label = QLabel(self.tr("&Name"), objectName="lockNameLabel")
        self.name_label.setBuddy(self.name)
        self.pin_label = QLabel(self.tr("&PIN"), objectName="lockPinLabel")
        self.pin_label.setBuddy(self.pin)

        column = QVBoxLayout(self)
        column.setSpacing(12)
        column.addStretch(2)
        for widget in (self.title, self.message, self.name_label, self.name, self.pin_label, self.pin, self.error,
                       self.unlock_button, self.training_button):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)

        column.addStretch(3)
        self.name.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self._enter)
        self.unlock_button.clicked.connect(self._enter)
        self.training_button.clicked.connect(self.training_requested.emit)

    def set_reason(self, reason: str, *, training: bool) -> None:
        """Words for why the screen is there; the training button only where training is possible."""
        if reason == IDLE:
            self.title.setText(self.tr("Terminal locked"))
            self.message.setText(self.tr("The terminal was idle and is locked. Sign in with your name and PIN "
                                         "to continue."))
        else:
            self.title.setText(self.tr("Sign in"))
            self.message.setText(self.tr("Type your name and your own PIN."))
        if training:
            self.message.setText(self.message.text() + " " + self.tr(
                "No manager has been created yet: you can also continue in training mode on the sandbox."))
        self.training_button.setVisible(training)
        # A centred wrapped label keeps the one line's height the layout gave it empty: give it its lines.
        wrapped = self.message.fontMetrics().boundingRect(
            QRect(0, 0, self.message.width(), 100_000), int(Qt.TextFlag.TextWordWrap), self.message.text())
        self.message.setMinimumHeight(max(wrapped.height(), self.message.heightForWidth(self.message.width())) + 4)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.pin.setAccessibleDescription(text)

    def reset(self, name: str = "") -> None:
        self.name.setText(name)
        self.pin.clear()
        self.show_error("")

    def _enter(self) -> None:
        if self.pin.isEnabled():
            self.sign_in_requested.emit(self.name.text(), self.pin.text())


class IdleLock(QObject):
    """Covers ``window`` with the sign-in screen: at start when nobody is signed in (:meth:`lock` with
    ``START``), after the configured idle time, and on "Switch operator". ``now`` is injectable for tests
    (the lock-out's wall clock is the :class:`StaffService`'s)."""

    #: True when the screen appeared, False when it went away.
    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, config: Config, staff: StaffService, *,
                 environment: Callable[[], str] = lambda: "sandbox",
                 now: Callable[[], float] = time.monotonic, watch_now: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        self.staff = staff
        self.environment = environment
        self.tracker = IdleTracker(self._limit_seconds(), now=now)
        self.screen: LockScreen | None = None
        self.reason = START
        self._first_field: QWidget | None = None
        #: Who was signed in when the idle lock came (signing in again is an "idle unlock", not a switch).
        self._idle_operator: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(_CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        if watch_now:  # else the owner calls watch_new_widgets() (the main window: after its first frame)
            self.watch_new_widgets()
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

    def watch_new_widgets(self) -> None:
        """Filter the input of every widget of the window (new ones are picked up at each check).

        Not one filter on the QApplication: a Python event filter there is handed QtWebEngine's internal
        objects too, and PySide 6.11 crashes converting them (the 3-D Secure view segfaulted). Web views
        are left out for the same reason; the challenge dialog is the card holder's, not the cashier's.
        Each pass wraps every widget in Python (~45 ms for the window with its Sale tab): the main window
        runs its first one right after its first frame (``watch_now=False``); input before that is not
        counted, so its idle lock could come those few milliseconds early.
        """
        for widget in [self.window, *self.window.findChildren(QWidget)]:
            if widget.property(_WATCHED) or _inside_web_view(widget):
                continue
            widget.setProperty(_WATCHED, True)
            widget.installEventFilter(self)

    def check(self) -> None:
        """Lock if the idle limit passed (called every second; tests call it after moving the clock)."""
        self.watch_new_widgets()
        self.tracker.limit_seconds = self._limit_seconds()
        if not self.locked and self.tracker.due():
            self.lock(IDLE)
        elif self.locked:
            self._show_lockout()

    def lock(self, reason: str = IDLE) -> None:
        """Show the sign-in screen. ``SWITCH`` signs the current operator out first."""
        from .card_form import CardForm

        for form in self.window.findChildren(CardForm):
            form.clear_card()
        current = self.staff.current
        if reason == SWITCH:
            self.staff.sign_out()
        elif reason == IDLE and current is not None:
            self.staff.audit.record("idle-lock", operator=current.name)
        self._idle_operator = current.name if reason == IDLE and current is not None else None
        self.reason = reason
        self._set_content_enabled(False)
        if self.screen is None:
            self.screen = LockScreen(self.window)
            self.screen.sign_in_requested.connect(self.try_sign_in)
            self.screen.training_requested.connect(self.continue_training)
            self.screen.name.textChanged.connect(lambda _text: self._show_lockout())
        training = self.staff.training_available(self.environment())
        self.screen.set_reason(reason, training=training)
        prefill = self._idle_operator if self._idle_operator and not (current and current.training) else ""
        self.screen.reset(prefill or "")
        self.screen.setGeometry(self.window.rect())
        self.screen.show()
        self.screen.raise_()
        self._show_lockout()
        self._first_field = (self.screen.pin if prefill else self.screen.training_button
                             if training and current is not None and current.training else self.screen.name)
        self.focus()
        self.locked_changed.emit(True)

    def focus(self) -> None:
        """Put the cursor where the operator types first (again once the window is shown at start)."""
        if self.locked and self._first_field is not None:
            self._first_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_lockout(self) -> None:
        """While the named operator is locked out: PIN field and button disabled, the time left in words."""
        if self.screen is None:
            return
        name = self.screen.name.text().strip()
        status = self.staff.status(name) if name else SignInResult(False)
        was_locked_out = not self.screen.pin.isEnabled()
        self.screen.pin.setEnabled(not status.locked_out)
        self.screen.unlock_button.setEnabled(not status.locked_out)
        if status.locked_out:
            self.screen.show_error(sign_in_refused_text(status))
        elif was_locked_out:
            self.screen.show_error("")
            self.screen.pin.setFocus()

    def try_sign_in(self, name: str, pin: str) -> bool:
        """Sign ``name`` in if ``pin`` is theirs; otherwise say why and stay locked."""
        if self.screen is None:
            return True
        before = self.staff.current
        result = self.staff.sign_in(name, pin)
        if not result.accepted:
            self.screen.pin.clear()
            self.screen.show_error(sign_in_refused_text(result))
            self._show_lockout()
            return False
        if self._idle_operator is not None and result.operator is not None:
            if result.operator.name == self._idle_operator:
                self.staff.audit.record("idle-unlock", operator=result.operator.name)
            elif before is not None:
                self.staff.audit.record("sign-out", operator=before.name)
        self._open()
        return True

    def continue_training(self) -> None:
        """The built-in Trainee (only while training is possible)."""
        if self.screen is None or not self.staff.training_available(self.environment()):
            return
        self.staff.start(self.environment())
        self._open()

    def _open(self) -> None:
        assert self.screen is not None
        self.screen.reset()
        self.screen.hide()
        self._set_content_enabled(True)
        self.tracker.touch()
        self._idle_operator = None
        self.locked_changed.emit(False)

    def _set_content_enabled(self, enabled: bool) -> None:
        for part in (self.window.centralWidget(), self.window.menuBar()):
            if part is not None:
                part.setEnabled(enabled)

    def _stop(self) -> None:
        self.timer.stop()


__all__ = ["IDLE", "START", "SWITCH", "IdleLock", "LockScreen", "sign_in_refused_text"]
