"""The card form: amount, currency and card fields, reused by the Sale and Pre-authorization tabs.

Contract:

* ``CardForm(prefix)`` names its inputs ``{prefix}Amount``, ``{prefix}Currency``, ``{prefix}CardHolder``,
  ``{prefix}Pan``, ``{prefix}Expiry``, ``{prefix}Cvv``, ``{prefix}CustomerId``, ``{prefix}OrderId`` (plus
  ``{prefix}Brand``, ``{prefix}NewOrderId`` and ``{prefix}<Field>Error`` labels). Every input has an
  accessible name; an error is also its accessible description.
* :meth:`CardForm.validate` returns a :class:`CardOrder` or marks every bad field at the field and
  returns ``None``. It never sends anything.
* The PAN and CVV only live in their line edits and in the returned order. :meth:`clear_card` overwrites
  them (and resets Qt's undo history, which would otherwise keep the digits). The form clears the card by
  itself after ``idle_seconds`` without a key press.
* The PAN field refuses copy, cut, drag and its context menu; the X11 selection clipboard is scrubbed.
* Enter in any input emits ``submit_requested``; Esc emits ``clear_requested``. The owner decides.
* While a payment is in flight the order being sent cannot change: :meth:`CardForm.lock_input` makes every
  input refuse keys, mouse, wheel, input method, drops and its context menu (one flag, read by the event
  filter every input already has), and :meth:`CardForm.set_busy` also shows it (read-only fields, a
  disabled currency and "New"). The Sale tab locks at the click and shows it only if the sending state
  gets painted (issue 19: nine widgets restyled twice a sale, for a state a quick answer never paints).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ..config import Config
from ..domain import cards
from ..domain.money import DEFAULT_CURRENCY, TERMINAL_CURRENCIES, AmountError, parse_amount
from ..domain.orders import OrderIdError, check_order_id, new_order_id
from ..services.payments import CardOrder
from . import theme
from .locale_style import number_style
from .messages import render

#: The card-clear setting's default (declared in :mod:`klogs_desk.config`), until the window applies the setting.
DEFAULT_IDLE_SECONDS = Config.card_clear_seconds.default

_INVALID_STYLE = f"QLineEdit, QComboBox {{ border: 2px {theme.INVALID_FIELD_BORDER}; border-radius: 3px; padding: 2px; }}"

#: Gateway field names (camelCase) -> the form field that shows their errors.
_GATEWAY_FIELDS = {
    "amount": "amount", "currency": "currency", "cardHolderName": "holder", "pan": "pan",
    "expiryMonth": "expiry", "expiryYear": "expiry", "cvv": "cvv", "customerId": "customer",
    "orderId": "order_id",
}


class PanLineEdit(QLineEdit):
    """A line edit for the card number: groups digits as typed and never lets the number out.

    Copy and cut shortcuts, the context menu and drags are refused; after any selection the X11
    selection clipboard (which Qt fills on its own) is cleared if it holds the number.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setMaxLength(23)  # 19 digits and 4 spaces
        self.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
                                 | Qt.InputMethodHint.ImhNoPredictiveText)
        self.textEdited.connect(self._regroup)

    # -- refusing to let the number out --

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(QKeySequence.StandardKey.Cut):
            event.accept()  # swallowed: the number never reaches the clipboard
            return
        super().keyPressEvent(event)
        self._scrub_selection_clipboard()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.accept()

    def copy(self) -> None:
        """Refused: the card number is never copied."""

    def cut(self) -> None:
        """Refused: the card number is never cut to the clipboard."""

    def mouseReleaseEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override: event is a QMouseEvent, only passed on
        super().mouseReleaseEvent(event)
        self._scrub_selection_clipboard()

    def mouseDoubleClickEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override: event is a QMouseEvent, only passed on
        super().mouseDoubleClickEvent(event)
        self._scrub_selection_clipboard()

    def _scrub_selection_clipboard(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if not clipboard.supportsSelection():
            return
        held = cards.only_digits(clipboard.text(QClipboard.Mode.Selection))
        if held and held in cards.only_digits(self.text()):
            clipboard.clear(QClipboard.Mode.Selection)

    # -- grouping as typed --

    def _regroup(self, text: str) -> None:
        cursor = self.cursorPosition()
        digits_before_cursor = len(cards.only_digits(text[:cursor]))
        digits = cards.only_digits(text)[:19]
        grouped = cards.group_pan(digits)
        if grouped != text:
            self.setText(grouped)
        # Put the cursor after the same number of digits it was after (so editing mid-number works).
        position, seen = 0, 0
        while position < len(grouped) and seen < digits_before_cursor:
            if grouped[position].isdigit():
                seen += 1
            position += 1
        self.setCursorPosition(position)


class ExpiryLineEdit(QLineEdit):
    """``MM/YY`` with the slash inserted as the cashier types (``4`` becomes ``04/``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(5)
        self.setPlaceholderText(self.tr("MM/YY"))
        self.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
        self._previous = ""
        self.textEdited.connect(self._reformat)

    def _reformat(self, text: str) -> None:
        growing = len(text) > len(self._previous)
        digits = cards.only_digits(text)[:4]
        if growing:
            if len(digits) == 1 and digits > "1":
                digits = "0" + digits  # no month starts with 2-9
            formatted = digits if len(digits) < 2 else digits[:2] + "/" + digits[2:]
        else:
            # Deleting: never re-insert the slash the cashier just removed.
            formatted = digits if "/" not in text or len(digits) <= 2 else digits[:2] + "/" + digits[2:]
        if formatted != text:
            self.setText(formatted)
        self._previous = self.text()

    def clear_secret(self) -> None:
        self._previous = ""
        _overwrite(self)


def _overwrite(edit: QLineEdit) -> None:
    """Empty a line edit holding card data: overwrite it, then set it empty (``setText`` also drops the
    undo history, which would otherwise keep the digits)."""
    edit.setText("0" * len(edit.text()))
    edit.setText("")


#: What an input takes from the cashier, all refused while the form is locked (:meth:`CardForm.lock_input`);
#: Enter and Esc are still routed (the owner ignores them while a payment is in flight).
_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.InputMethod, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.ContextMenu, QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TabletPress})


class _KeyRouter(QObject):
    """Sends Enter and Esc from any input to the form's signals (and consumes them: one press, one act);
    while the form is locked, swallows every other kind of input (:data:`_INPUT_EVENTS`)."""

    def __init__(self, form: "CardForm") -> None:
        super().__init__(form)
        self._form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._form.input_locked and event.type() in _INPUT_EVENTS:
            if event.type() == QEvent.Type.KeyPress and event.key() in (  # type: ignore[attr-defined]  # a QKeyEvent
                    Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                (self._form.clear_requested if event.key() == Qt.Key.Key_Escape  # type: ignore[attr-defined]
                 else self._form.submit_requested).emit()
            return True
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]  # a KeyPress event is a QKeyEvent
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if isinstance(watched, QComboBox) and watched.view().isVisible():
                    return False
                self._form.submit_requested.emit()
                return True
            if key == Qt.Key.Key_Escape:
                self._form.clear_requested.emit()
                return True
            self._form.touch()
        return False


class _InputLock(QObject):
    """Refuses the cashier's input (:data:`_INPUT_EVENTS`) to a control outside the form while the form is
    locked (:meth:`CardForm.lock_input_of`)."""

    def __init__(self, form: "CardForm") -> None:
        super().__init__(form)
        self._form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return self._form.input_locked and event.type() in _INPUT_EVENTS


class CardForm(QWidget):
    """Amount, currency and card fields with validation at each field. See the module docstring."""

    #: Enter was pressed in one of the inputs.
    submit_requested = Signal()
    #: Esc was pressed in one of the inputs.
    clear_requested = Signal()
    #: The amount or currency changed: (amount or None when it does not parse, currency).
    amount_changed = Signal(object, str)
    #: The card fields were wiped because nobody typed for ``idle_seconds``.
    card_cleared_for_inactivity = Signal()

    def __init__(self, prefix: str, parent: QWidget | None = None, *,
                 idle_seconds: float = DEFAULT_IDLE_SECONDS) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.setObjectName(f"{prefix}CardForm")
        #: The inputs refuse the cashier's input (see :meth:`lock_input`).
        self.input_locked = False
        self._busy = False
        self._input_lock: _InputLock | None = None  # lock_input_of
        self._today = dt.date.today

        self.amount = QLineEdit()
        self.currency = QComboBox()
        self.currency.addItems(list(TERMINAL_CURRENCIES))
        self.currency.setCurrentText(DEFAULT_CURRENCY)
        self.holder = QLineEdit()
        self.holder.setMaxLength(100)
        self.pan = PanLineEdit()
        self.brand = QLabel()
        self.expiry = ExpiryLineEdit()
        self.cvv = QLineEdit()
        self.cvv.setEchoMode(QLineEdit.EchoMode.Password)
        self.cvv.setMaxLength(4)
        self.cvv.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
        self.customer = QLineEdit()
        self.customer.setMaxLength(100)
        self.order_id = QLineEdit(new_order_id())
        self.order_id.setMaxLength(64)
        self.new_order_button = QPushButton(self.tr("New"))
        # Off the Tab chain: the cashier tabs from order ID straight to Pay.
        self.new_order_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        names = {
            "amount": ("Amount", self.tr("Amount"), self.tr("Amount to charge")),
            "currency": ("Currency", self.tr("Currency"), None),
            "holder": ("CardHolder", self.tr("Card holder"), self.tr("Name as on the card")),
            "pan": ("Pan", self.tr("Card number"), self.tr("Card number")),
            "expiry": ("Expiry", self.tr("Expiry"), None),
            "cvv": ("Cvv", self.tr("CVV"), self.tr("3 digits")),
            "customer": ("CustomerId", self.tr("Customer ID"), self.tr("Optional")),
            "order_id": ("OrderId", self.tr("Order ID"), None),
        }
        self._error_labels: dict[str, QLabel] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(10)
        layout.setVerticalSpacing(2)
        row = 0
        for key, (suffix, label_text, placeholder) in names.items():
            widget: QWidget = getattr(self, key)
            widget.setObjectName(f"{prefix}{suffix}")
            widget.setAccessibleName(label_text)
            if placeholder and isinstance(widget, QLineEdit):
                widget.setPlaceholderText(placeholder)
            label = QLabel(self.tr("{field}:").format(field=label_text))
            label.setBuddy(widget)
            error = QLabel()
            error.setObjectName(f"{prefix}{suffix}Error")
            error.setStyleSheet(theme.error_label_sheet())  # shade for this theme
            error.setWordWrap(True)
            error.hide()
            self._error_labels[key] = error
            layout.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            layout.addLayout(self._field_row(key, widget), row, 1)
            layout.addWidget(error, row + 1, 1)
            row += 2
        layout.setColumnStretch(1, 1)

        self.brand.setObjectName(f"{prefix}Brand")
        self.brand.setAccessibleName(self.tr("Card brand"))
        self.brand.setMinimumWidth(130)
        self.new_order_button.setObjectName(f"{prefix}NewOrderId")
        self.new_order_button.setAccessibleName(self.tr("New order ID"))
        self.new_order_button.setToolTip(self.tr("Generate a fresh order ID"))
        self.amount.setPlaceholderText(self._amount_placeholder())

        self.setTabOrder(self.amount, self.currency)
        for before, after in ((self.currency, self.holder), (self.holder, self.pan), (self.pan, self.expiry),
                              (self.expiry, self.cvv), (self.cvv, self.customer),
                              (self.customer, self.order_id)):
            self.setTabOrder(before, after)
        self.setFocusProxy(self.amount)

        self._router = _KeyRouter(self)
        for key in names:
            getattr(self, key).installEventFilter(self._router)
        self.amount.textChanged.connect(self._emit_amount)
        self.currency.currentTextChanged.connect(self._emit_amount)
        self.pan.textChanged.connect(self._show_brand)
        self.new_order_button.clicked.connect(self._new_order_clicked)
        for edit in (self.amount, self.holder, self.pan, self.expiry, self.cvv, self.customer, self.order_id):
            edit.textEdited.connect(lambda _text, key=_key_of(self, edit): self.clear_error(key))  # noqa: B008 (bound per field on purpose)
        self.currency.currentTextChanged.connect(lambda _text: self.clear_error("amount"))
        #: Something was typed since the form was last made fresh (see :meth:`mark_fresh`).
        self.typed_since_fresh = True
        for edit in (self.amount, self.holder, self.pan, self.expiry, self.cvv, self.customer, self.order_id):
            edit.textChanged.connect(self._typed)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._idle_timeout)
        self.set_idle_seconds(idle_seconds)
        self._show_brand("")

    def _field_row(self, key: str, widget: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(widget, 1)
        if key == "pan":
            row.addWidget(self.brand)
        elif key == "order_id":
            row.addWidget(self.new_order_button)
        elif key in ("expiry", "cvv"):
            widget.setMaximumWidth(90)
            row.addStretch(1)
        elif key == "currency":
            widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            row.addStretch(1)
        return row

    # --- reading ---------------------------------------------------------------------------------

    def current_amount(self) -> Decimal | None:
        """The amount typed, or ``None`` when it is not a valid amount in the chosen currency."""
        try:
            return parse_amount(self.amount.text(), self.currency.currentText(), number_style(self.locale()))
        except AmountError:
            return None

    def validate(self) -> CardOrder | None:
        """The order the cashier typed, or ``None`` after marking every bad field at the field."""
        self.clear_errors()
        errors: dict[str, str] = {}
        currency = self.currency.currentText()

        def check(key: str, fn):  # type: ignore[no-untyped-def]  # fn is any zero-argument check; its result type varies
            try:
                return fn()
            except (AmountError, cards.CardError, OrderIdError) as err:
                errors[key] = render(err.msg)
                return None

        amount = check("amount", lambda: parse_amount(self.amount.text(), currency, number_style(self.locale())))
        holder = check("holder", lambda: cards.check_holder(self.holder.text()))
        pan = check("pan", lambda: cards.check_pan(self.pan.text()))
        expiry = check("expiry", lambda: cards.parse_expiry(self.expiry.text(), self._today()))
        cvv = check("cvv", lambda: cards.check_cvv(self.cvv.text(), cards.only_digits(self.pan.text())))
        order_id = check("order_id", lambda: check_order_id(self.order_id.text()))
        customer = self.customer.text().strip()
        for key, message in errors.items():
            self.set_error(key, message)
        if errors:
            first = next(k for k in ("amount", "holder", "pan", "expiry", "cvv", "order_id") if k in errors)
            getattr(self, first).setFocus()
            return None
        assert amount is not None and holder and pan and expiry and cvv and order_id
        return CardOrder(order_id=order_id, amount=amount, currency=currency, holder=holder, pan=pan,
                         expiry_month=expiry[0], expiry_year=expiry[1], cvv=cvv, customer_id=customer or None)

    # --- marking errors --------------------------------------------------------------------------

    def set_error(self, key: str, message: str) -> None:
        """Mark the field ``key`` (``amount``, ``holder``, ``pan``, ``expiry``, ``cvv``, ``order_id``...)."""
        widget: QWidget = getattr(self, key)
        widget.setStyleSheet(_INVALID_STYLE)
        widget.setAccessibleDescription(message)
        widget.setProperty("invalid", True)
        label = self._error_labels[key]
        label.setText(message)
        label.show()

    def clear_error(self, key: str) -> None:
        widget: QWidget = getattr(self, key)
        if widget.property("invalid"):
            widget.setStyleSheet("")
            widget.setAccessibleDescription("")
            widget.setProperty("invalid", False)
            self._error_labels[key].hide()

    def clear_errors(self) -> None:
        for key in self._error_labels:
            self.clear_error(key)

    def error_text(self, key: str) -> str:
        """The message shown under ``key``, or ``""``."""
        label = self._error_labels[key]
        return label.text() if not label.isHidden() else ""

    def show_gateway_errors(self, field_errors: dict[str, list[str]]) -> bool:
        """Mark the fields the gateway named (camelCase). Returns True if any matched a field."""
        marked = False
        for name, messages in field_errors.items():
            key = _GATEWAY_FIELDS.get(name.split(".")[-1])
            if key:
                self.set_error(key, "; ".join(messages))
                marked = True
        return marked

    # --- state -----------------------------------------------------------------------------------

    def lock_input(self, locked: bool) -> None:
        """Refuse (or take again) the cashier's input in every field, without changing how the form looks:
        the order being sent cannot change. Costs nothing but a flag; :meth:`set_busy` also shows it."""
        self.input_locked = locked

    def lock_input_of(self, widget: QWidget) -> None:
        """``widget`` (a control that shapes the order next to the form, such as the Sale tab's "3-D
        Secure" switch) refuses the cashier's input while the form is locked, as the form's fields do: the
        lock is a flag until the in-flight look is shown (:meth:`lock_input`), so during the first
        ``SENDING_PAINT_DELAY_MS`` such a control still looked, and was, clickable."""
        if self._input_lock is None:
            self._input_lock = _InputLock(self)
        widget.installEventFilter(self._input_lock)

    def set_busy(self, busy: bool) -> None:
        """While a request is in flight the fields are read-only (the order being sent cannot change) and
        look it: :meth:`lock_input` plus read-only fields and a disabled currency and "New" (the widgets'
        styles change, so only when the state changes)."""
        self.input_locked = busy
        if busy == self._busy:
            return
        self._busy = busy
        for edit in (self.amount, self.holder, self.pan, self.expiry, self.cvv, self.customer, self.order_id):
            edit.setReadOnly(busy)
        self.currency.setEnabled(not busy)
        self.new_order_button.setEnabled(not busy)

    def clear_card(self) -> None:
        """Wipe the card holder, PAN, expiry and CVV (amount, currency, customer and order ID stay)."""
        for edit in (self.pan, self.cvv, self.holder):
            _overwrite(edit)
        self.expiry.clear_secret()
        for key in ("holder", "pan", "expiry", "cvv"):
            self.clear_error(key)
        self.idle_timer.stop()

    def clear_card_number(self) -> None:
        """Wipe the PAN and CVV only (holder and expiry stay): after an error that charged nothing, the
        cashier retypes these two and presses Pay again with the same order ID."""
        for edit in (self.pan, self.cvv):
            _overwrite(edit)
        for key in ("pan", "cvv"):
            self.clear_error(key)
        self.idle_timer.stop()
        if self.has_card_data() and self.idle_seconds > 0:
            self.idle_timer.start()  # holder and expiry are still card data: they go when nobody types

    def clear_all(self) -> None:
        """Everything back to a fresh sale: card wiped, amount and customer emptied, a new order ID."""
        self.clear_card()
        self.amount.setText("")
        self.customer.setText("")
        self.clear_errors()
        self.new_order()
        self.amount.setFocus()

    def mark_fresh(self) -> None:
        """The form was just cleared for the next sale: until the cashier types, Enter validates nothing
        (extra Enter presses after a result must not show "Enter an amount" next to it)."""
        self.typed_since_fresh = False

    def _typed(self, _text: str) -> None:
        self.typed_since_fresh = True

    def new_order(self) -> str:
        """Put a fresh order ID in the field and return it."""
        self.order_id.setText(new_order_id())
        self.clear_error("order_id")
        return self.order_id.text()

    def _new_order_clicked(self) -> None:
        # While locked "New" may still look clickable (set_busy not shown yet): the order being sent keeps its ID.
        if not self.input_locked:
            self.new_order()

    def has_card_data(self) -> bool:
        return any(edit.text() for edit in (self.pan, self.cvv, self.expiry, self.holder))

    # --- inactivity ------------------------------------------------------------------------------

    def set_idle_seconds(self, seconds: float) -> None:
        """Clear the card after this many seconds without a key press (0 turns it off)."""
        self.idle_seconds = seconds
        self.idle_timer.setInterval(int(seconds * 1000))

    def touch(self) -> None:
        """A key was pressed: restart the inactivity countdown."""
        if self.idle_seconds > 0:
            self.idle_timer.start()

    def _idle_timeout(self) -> None:
        if self.has_card_data() and not self.input_locked:
            self.clear_card()
            self.card_cleared_for_inactivity.emit()

    # --- live feedback ---------------------------------------------------------------------------

    def _show_brand(self, text: str) -> None:
        digits = cards.only_digits(text)
        rule = cards.rule_for(digits)
        self.brand.setText(rule.brand.value if digits and rule.brand is not cards.CardBrand.UNKNOWN else "")
        self.cvv.setMaxLength(rule.cvv_length)
        self.cvv.setPlaceholderText(self.tr("{count} digits").format(count=rule.cvv_length))

    def _emit_amount(self, *_args: object) -> None:
        self.amount_changed.emit(self.current_amount(), self.currency.currentText())

    def _amount_placeholder(self) -> str:
        style = number_style(self.locale())
        return f"0{style.decimal}00"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LocaleChange:
            self.amount.setPlaceholderText(self._amount_placeholder())
            self._emit_amount()
        super().changeEvent(event)


def _key_of(form: CardForm, edit: QWidget) -> str:
    for key in ("amount", "holder", "pan", "expiry", "cvv", "customer", "order_id"):
        if getattr(form, key) is edit:
            return key
    raise KeyError(edit)
