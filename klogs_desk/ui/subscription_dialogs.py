"""Dialogs of the Subscriptions tab: register a card owner, a one-time payment order, create and edit a
subscription.

Every dialog follows one contract (:class:`RequestDialog`):

* Fields are named by the request's camelCase wire path (``amount``, ``ownerDescription.phone``); each
  has an error line under it. Pressing Send runs the request model's own validation (plus the
  ``phonenumbers`` check and the money rules); any failure is shown at its field and *nothing is sent*.
* A valid request is sent once (the Send button is disabled while it is in flight, through
  :func:`run_operation`). A 400 from the gateway is mapped back to the field it names; other errors show in
  words above the buttons. A lost answer (outcome unknown) says to search for the reference before
  trying again, and the dialog does not offer to resend.
* On success the form is locked, the outcome is explained (what ``orderStatus`` and
  ``shouldBeOwnerConfirmation`` mean for the manager) and :attr:`RequestDialog.succeeded` is emitted.

Saved cards (the card-storage flow): the owner, payment-order and subscription dialogs are given the
:class:`SavedCardsService`. The "Saved card" field of the latter two is an editable list of the cards the
gateway told this terminal about (brand, last four, expiry, owner — never a number); a card ID can still be
typed. After registering an owner, :class:`OwnerDialog` waits for that owner's card ("waiting for the card
to be saved…", with the hosted page's link and QR code when the sandbox gives one) and moves on by itself
when the card-storage webhook arrives; the manager can stop waiting.

Times are entered in local time and sent in UTC. ``send`` is an async callable taking the request (the
tab passes :class:`SubscriptionsService` methods, which read ``services.client`` at call time).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale, Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..api.enums import RegisteredPaymentStatus
from ..api.errors import KlogsError, OutcomeUnknownError, ValidationFailedError
from ..config import DEFAULT_SHOP_COUNTRY
from ..domain.money import DEFAULT_CURRENCY, TERMINAL_CURRENCIES, AmountError, parse_amount
from ..domain.saved_cards import SavedCard
from ..domain.schedule import Frequency, ScheduleError, payment_dates
from ..messages import msg
from ..services.saved_cards import SavedCardsService, belongs_to, card_words
from ..services.staff import StaffRefused
from ..services.subscriptions import STATUS_WORDS, check_phone, describe_outcome, friendly_message, validate_request
from . import theme
from .async_runner import run_operation
from .fit import grow_to_fit
from .locale_style import number_style
from .messages import render
from .qr_widget import QrCodeWidget

if TYPE_CHECKING:
    from ..api.models.recurring import (
        OperationResult,
        RecurringPayment,
    )

Send = Callable[[Any], Awaitable["OperationResult"]]

PREVIEW_COUNT = 12
_INVALID_STYLE = f"border: 1px {theme.INVALID_FIELD_BORDER};"


def utc_from_edit(edit: QDateTimeEdit) -> dt.datetime:
    """The local time shown in ``edit`` as an aware UTC datetime (whole seconds)."""
    return dt.datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), tz=dt.timezone.utc)


def set_edit_to(edit: QDateTimeEdit, value: dt.datetime) -> None:
    edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime())


def local_text(value: dt.datetime, locale: QLocale | None = None) -> str:
    local = QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()
    locale = locale or QLocale()
    return (f"{locale.toString(local.date(), QLocale.FormatType.LongFormat)}, "
            f"{locale.toString(local.time(), QLocale.FormatType.ShortFormat)}")


def _date_time_edit(name: str) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
    return edit


def _tomorrow_at_nine() -> QDateTime:
    tomorrow = QDateTime.currentDateTime().addDays(1)
    return QDateTime(tomorrow.date(), QTime(9, 0))


class SavedCardField(QComboBox):
    """The "Saved card" field: the saved cards to choose from, or a card ID typed (editable).

    :meth:`text` is the chosen card's ID, or the typed text; :meth:`setText` types one (as a line edit)."""

    #: A saved card was chosen from the list (the :class:`SavedCard`).
    card_chosen = Signal(object)

    def __init__(self, saved_cards: SavedCardsService | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._saved_cards = saved_cards
        self._cards: dict[str, SavedCard] = {}
        self.activated.connect(self._activated)
        if saved_cards is not None:
            saved_cards.card_saved.connect(self._card_saved)
        self.reload()

    def reload(self) -> None:
        """List the saved cards again (the typed text stays)."""
        typed = self.currentText()
        self.blockSignals(True)
        self.clear()
        self._cards = {}
        for card in self._saved_cards.cards() if self._saved_cards is not None else []:
            self._cards[card.card_id] = card
            self.addItem(render(card_words(card)), card.card_id)
        self.setCurrentIndex(-1)
        self.setEditText(typed)
        self.blockSignals(False)

    def _card_saved(self, _card: object) -> None:
        self.reload()

    def _activated(self, index: int) -> None:
        card = self._cards.get(self.itemData(index) or "")
        if card is not None:
            self.card_chosen.emit(card)

    def cards(self) -> list[SavedCard]:
        return list(self._cards.values())

    def choose(self, card_id: str) -> None:
        """Select the saved card ``card_id`` (as a click in the list would)."""
        index = self.findData(card_id)
        if index >= 0:
            self.setCurrentIndex(index)
            self._activated(index)

    def text(self) -> str:
        typed = self.currentText().strip()
        index = self.findText(typed)
        if index >= 0 and self.itemData(index):
            return str(self.itemData(index))
        return typed

    def setText(self, text: str) -> None:  # noqa: N802 - the line edit's name, so callers treat both alike
        self.setCurrentIndex(-1)
        self.setEditText(text)


class RequestDialog(QDialog):
    """Base of the four dialogs: fields with error lines, send once, outcome. See the module docstring."""

    #: The gateway accepted the request; carries its :class:`OperationResult`.
    succeeded = Signal(object)

    #: Window title and Send button text, marked with QT_TRANSLATE_NOOP in each subclass and translated here.
    title = ""
    send_label = QT_TRANSLATE_NOOP("RequestDialog", "Send")

    def __init__(self, send: Send, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._send = send
        self.fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}
        #: Requests actually handed to ``send`` (tests check nothing is sent for bad input).
        self.requests_sent = 0
        self.result: OperationResult | None = None
        #: The shop's country: local phone numbers are read as its numbers (see :meth:`set_phone_region`).
        self._phone_region: str | None = DEFAULT_SHOP_COUNTRY
        self.setWindowTitle(self.tr(self.title))
        self.setAccessibleName(self.tr(self.title))
        self.setMinimumWidth(620)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_error = QLabel()
        self.form_error.setObjectName("dialogError")
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet(theme.error_label_sheet(""))
        self.form_error.setVisible(False)
        self.outcome = QLabel()
        self.outcome.setObjectName("dialogOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setVisible(False)
        tint = theme.OK_TINT
        self.outcome.setStyleSheet(f"background: {tint.background}; color: {tint.text}; "
                                   f"border: 1px solid {tint.border}; padding: 8px;")

        self.buttons = QDialogButtonBox()
        self.send_button = QPushButton(self.tr(self.send_label))
        self.send_button.setObjectName("dialogSend")
        self.send_button.setDefault(True)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setObjectName("dialogClose")
        self.send_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.reject)

        self.body = QWidget()
        self.body.setLayout(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body)
        layout.addWidget(self.form_error)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)

    def set_phone_region(self, region: str | None) -> None:
        """Read phone numbers typed without +country as numbers of ``region`` (the shop's country)."""
        self._phone_region = region or None

    # --- building -------------------------------------------------------------------------------

    def add_field(self, name: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        """Add ``widget`` as the field for wire path ``name``, with an error line under it."""
        if not widget.objectName():
            widget.setObjectName(name.replace(".", "_"))
        widget.setAccessibleName(label.rstrip(":"))
        if hint:
            widget.setToolTip(hint)
            if isinstance(widget, QLineEdit):
                widget.setPlaceholderText(hint)
        error = QLabel()
        error.setObjectName(name.replace(".", "_") + "Error")
        error.setStyleSheet(theme.error_label_sheet(""))
        error.setWordWrap(True)
        error.setVisible(False)
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(label, cell)
        self.fields[name] = widget
        self._errors[name] = error
        self._rows[name] = cell
        return widget

    def add_owner_fields(self, saved_cards: SavedCardsService | None = None) -> None:
        self.add_field("ownerDescription.fullName", self.tr("Card owner:"), QLineEdit(), self.tr("Full name on the card"))
        self.add_field("ownerDescription.phone", self.tr("Owner phone:"), QLineEdit(), self.tr("+905551234567 or 0555 123 45 67"))
        self.add_field("ownerDescription.email", self.tr("Owner email:"), QLineEdit(), self.tr("optional"))
        card = SavedCardField(saved_cards)
        card.lineEdit().setPlaceholderText(self.tr("choose a saved card or type its ID"))
        card.setToolTip(self.tr("A card the owner saved at the gateway, or the UUID of a stored card"))
        self.add_field("ownerDescription.cardId", self.tr("Saved card:"), card)
        card.card_chosen.connect(self._card_chosen)

    def _card_chosen(self, card: SavedCard) -> None:
        """A saved card chosen: its owner's phone fills an empty phone field."""
        phone = self.fields["ownerDescription.phone"]
        assert isinstance(phone, QLineEdit)
        if card.phone and not phone.text().strip():
            phone.setText(card.phone)

    def add_amount_fields(self) -> None:
        self.add_field("amount", self.tr("Amount:"), QLineEdit(), self.tr("e.g. {amount}").format(
            amount=QLocale().toString(99.9, "f", 2)))
        currency = QComboBox()
        currency.addItems(TERMINAL_CURRENCIES)
        currency.setCurrentText(DEFAULT_CURRENCY)
        self.add_field("currencyCode", self.tr("Currency:"), currency)

    def set_row_visible(self, name: str, visible: bool) -> None:
        self.form.setRowVisible(self._rows[name], visible)

    def text(self, name: str) -> str:
        widget = self.fields[name]
        if isinstance(widget, SavedCardField):
            return widget.text()
        if isinstance(widget, QComboBox):
            return widget.currentText().strip()
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def optional(self, name: str) -> str | None:
        return self.text(name) or None

    def owner_data(self, errors: dict[str, list[str]]) -> dict[str, Any]:
        phone = self.text("ownerDescription.phone")
        try:
            phone = check_phone(phone, self._phone_region)
        except ValueError as exc:
            if phone:
                errors["ownerDescription.phone"] = [exc.msg]
            # empty: the model says "Required." at the field
        return {"full_name": self.text("ownerDescription.fullName"), "phone": phone,
                "email": self.optional("ownerDescription.email"), "card_id": self.text("ownerDescription.cardId")}

    def amount_value(self, errors: dict[str, list[str]], *, required: bool = True) -> Any:
        """The typed amount as Decimal; an error is recorded at the field when it cannot be one."""
        text = self.text("amount")
        if not text and not required:
            return None
        try:
            return parse_amount(text, self.text("currencyCode") or DEFAULT_CURRENCY, number_style())
        except AmountError as exc:
            errors["amount"] = [exc.msg]
            return None

    # --- errors ---------------------------------------------------------------------------------

    def field_error(self, name: str) -> str:
        """The error shown under field ``name`` ('' if none)."""
        label = self._errors[name]
        return label.text() if not label.isHidden() else ""

    def marked_fields(self) -> list[str]:
        return [name for name, label in self._errors.items() if not label.isHidden()]

    def clear_errors(self) -> None:
        for name, label in self._errors.items():
            label.clear()
            label.setMinimumHeight(0)
            self._rows[name].setMinimumHeight(0)
            label.setVisible(False)
            self.fields[name].setStyleSheet("")
        self.form_error.clear()
        self.form_error.setVisible(False)

    def show_errors(self, errors: dict[str, list[str]]) -> None:
        """Mark each field named in ``errors`` (camelCase wire paths, any case); others go above the buttons."""
        general: list[str] = []
        first: QWidget | None = None
        for raw_name, messages in errors.items():
            name = self.field_named(raw_name)
            text = " ".join(render(friendly_message(m)) for m in messages)
            if name is None:
                general.append(f"{raw_name}: {text}" if raw_name not in ("body", "") else text)
                continue
            label = self._errors[name]
            label.setText(text)
            label.setVisible(True)
            # The form does not ask a nested wrapped label for its height: reserve its lines (as wide as the field).
            lines = label.heightForWidth(self.fields[name].width())
            label.setMinimumHeight(lines)
            self._rows[name].setMinimumHeight(self.fields[name].sizeHint().height() + 2 + lines)
            self.fields[name].setStyleSheet(_INVALID_STYLE)
            first = first or self.fields[name]
        if general:
            self.show_general_error(" ".join(general))
        if first is not None:
            first.setFocus()
        grow_to_fit(self)

    def show_general_error(self, text: str) -> None:
        self.form_error.setText(text)
        self.form_error.setVisible(True)
        grow_to_fit(self)

    def field_named(self, raw: str) -> str | None:
        """The field for a name the gateway used: ``OwnerDescription.Phone``, ``$.amount``, ``phone``."""
        key = raw.removeprefix("$.").replace("[0]", "").lower()
        for name in self.fields:
            if name.lower() == key:
                return name
        tail_matches = [name for name in self.fields if name.lower().rsplit(".", 1)[-1] == key.rsplit(".", 1)[-1]]
        return tail_matches[0] if len(tail_matches) == 1 else None

    # --- sending --------------------------------------------------------------------------------

    def build_request(self) -> tuple[Any | None, dict[str, list[str]]]:
        """The request to send, or ``(None, errors)``. Subclasses implement it."""
        raise NotImplementedError

    def submit(self) -> None:
        """Check every field; send the request once if all are valid."""
        if self.result is not None:
            return
        self.clear_errors()
        request, errors = self.build_request()
        if errors or request is None:
            self.show_errors(errors or {"body": [self.tr("Check the fields above.")]})
            return
        self.requests_sent += 1
        run_operation(self.send_button, self._send_allowed(request), on_success=self._on_success,
                      on_error=self._on_error)

    async def _send_allowed(self, request: Any) -> OperationResult | None:
        """``send(request)``, or None when the service refused the signed-in operator (a cashier): the
        reason is shown and nothing was sent."""
        try:
            return await self._send(request)
        except StaffRefused as refused:
            self.show_general_error(render(refused.msg))
            return None

    def _on_success(self, result: OperationResult | None) -> None:
        if result is None:  # refused before sending: the reason is shown
            return
        if not result.success:
            self.show_general_error(self.tr("The gateway did not accept the request: {reason}.").format(
                reason=str(result.error or "") or self.tr("no reason given")))  # the gateway's words
            return
        self.result = result
        self.body.setEnabled(False)
        self.send_button.setVisible(False)
        self.close_button.setText(self.tr("Close"))
        self.outcome.setText("\n".join(self.outcome_lines(result)))
        self.outcome.setVisible(True)
        self.succeeded.emit(result)

    def outcome_lines(self, result: OperationResult) -> list[str]:
        return [render(line) for line in describe_outcome(result)]

    def _on_error(self, exc: KlogsError) -> None:
        if isinstance(exc, ValidationFailedError):
            errors = dict(exc.field_errors)
            if not errors:
                errors = {exc.field or "body": [exc.msg]}
            self.show_errors(errors)
            return
        if exc.problem is not None and exc.problem.errors:
            # e.g. 409 "reference is already used": still a field the manager can fix.
            self.show_errors(dict(exc.problem.errors))
            if exc.problem.detail:
                self.show_general_error(render(exc.msg))
            return
        if isinstance(exc, OutcomeUnknownError):
            # Never offer to send again: the first request may have gone through.
            self.send_button.setEnabled(False)
            self.send_button.setVisible(False)
            self.show_general_error(render(exc.msg) + " " + self.tr(
                "Search the subscriptions for this reference before creating it again."))
            return
        self.show_general_error(render(exc.msg))


class OwnerDialog(RequestDialog):
    """``POST /owner``: register a card owner by phone, then wait for their card to be saved.

    With ``saved_cards`` the dialog, once the owner is registered, shows "waiting for the card to be
    saved…" (and the hosted page's link, Copy, Open and QR code when the gateway gave one: our sandbox in
    training mode) and moves on when the card-storage webhook for this owner arrives (matched by ``ownerId``,
    else phone): it names the card and emits :attr:`card_saved`. "Stop waiting" ends the wait; the card is
    still recorded whenever it comes. The docs give no status to poll, so only the webhook ends the wait.
    """

    title = QT_TRANSLATE_NOOP("OwnerDialog", "Register card owner")
    send_label = QT_TRANSLATE_NOOP("OwnerDialog", "Register")

    #: The owner's card was saved (the :class:`SavedCard`).
    card_saved = Signal(object)

    def __init__(self, send: Send, parent: QWidget | None = None, *,
                 saved_cards: SavedCardsService | None = None) -> None:
        super().__init__(send, parent)
        self.setObjectName("ownerDialog")
        self.add_field("phone", self.tr("Phone:"), QLineEdit(), self.tr("+905551234567 or 0555 123 45 67"))
        self._saved_cards = saved_cards
        self._phone_sent: str | None = None
        self.waiting_for_card = False
        #: The card saved for this owner, once the webhook told it.
        self.saved_card: SavedCard | None = None

        self.waiting = QWidget()
        self.waiting.setObjectName("cardSaveWaiting")
        column = QVBoxLayout(self.waiting)
        column.setContentsMargins(0, 0, 0, 0)
        self.waiting_status = QLabel()
        self.waiting_status.setObjectName("cardSaveStatus")
        self.waiting_status.setWordWrap(True)
        self.waiting_status.setAccessibleName(self.tr("Card save status"))
        self.waiting_note = QLabel()
        self.waiting_note.setObjectName("cardSaveNote")
        self.waiting_note.setWordWrap(True)
        column.addWidget(self.waiting_status)
        column.addWidget(self.waiting_note)
        link_row = QHBoxLayout()
        self.link = QLineEdit()
        self.link.setObjectName("cardSaveLink")
        self.link.setReadOnly(True)
        self.link.setAccessibleName(self.tr("Link to save the card"))
        self.copy_button = QPushButton(self.tr("Copy link"))
        self.copy_button.setObjectName("cardSaveCopy")
        self.copy_button.clicked.connect(self.copy_link)
        self.open_button = QPushButton(self.tr("Open in browser"))
        self.open_button.setObjectName("cardSaveOpen")
        self.open_button.clicked.connect(lambda: self.open_url(QUrl(self.link.text())))
        link_row.addWidget(self.link, 1)
        link_row.addWidget(self.copy_button)
        link_row.addWidget(self.open_button)
        self.link_row = QWidget()
        self.link_row.setLayout(link_row)
        column.addWidget(self.link_row)
        self.qr = QrCodeWidget(empty_text="")
        self.qr.setObjectName("cardSaveQr")
        self.qr.setAccessibleName(self.tr("QR code of the link to save the card"))
        column.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        self.stop_button = QPushButton(self.tr("Stop waiting"))
        self.stop_button.setObjectName("cardSaveStop")
        self.stop_button.clicked.connect(self.stop_waiting)
        column.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.waiting.setVisible(False)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.buttons), self.waiting)

    def _on_success(self, result: OperationResult) -> None:
        super()._on_success(result)
        if self.result is not None and self._saved_cards is not None:
            self.start_waiting(result)

    def start_waiting(self, result: OperationResult) -> None:
        """Show the wait for this owner's card and listen for the webhook."""
        assert self._saved_cards is not None
        self.waiting_for_card = True
        self.waiting_status.setText(render(msg("saved-card.waiting")))
        url = result.card_storage_url or ""
        self.waiting_note.setText(render(msg("saved-card.training-link" if url else "saved-card.waiting-sms")))
        self.link.setText(url)
        self.link.setCursorPosition(0)
        self.link_row.setVisible(bool(url))
        self.qr.set_payload(url)
        self.qr.setVisible(bool(url))
        self.stop_button.setVisible(True)
        self.waiting.setVisible(True)
        self._saved_cards.card_saved.connect(self._card_saved)
        grow_to_fit(self)

    def _card_saved(self, card: SavedCard) -> None:
        if not self.waiting_for_card or self.result is None:
            return
        if not belongs_to(card, owner_id=self.result.owner_id, phone=self._phone_sent):
            return
        self._end_wait()
        self.saved_card = card
        self.waiting_status.setText(render(msg("saved-card.saved", card=card_words(card))))
        self.waiting_note.setVisible(False)
        self.card_saved.emit(card)
        self._fit_height()

    def stop_waiting(self) -> None:
        """Stop waiting for the card (it is still recorded when the webhook comes)."""
        if not self.waiting_for_card:
            return
        self._end_wait()
        self.waiting_status.setText(render(msg("saved-card.stopped")))
        self.waiting_note.setVisible(False)
        self._fit_height()

    def _fit_height(self) -> None:
        """The height the layout needs now (the link and QR code are gone: no empty space where they were)."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        inner = self.waiting.layout()
        inner.invalidate()
        inner.activate()  # the panel's own layout first: its hidden rows must stop counting
        self.waiting.updateGeometry()
        layout.invalidate()
        layout.activate()
        width = self.width()
        needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        self.resize(width, max(needed, layout.totalMinimumSize().height()))

    def _end_wait(self) -> None:
        self.waiting_for_card = False
        if self._saved_cards is not None:
            self._saved_cards.card_saved.disconnect(self._card_saved)
        self.link_row.setVisible(False)
        self.qr.setVisible(False)
        self.stop_button.setVisible(False)

    def done(self, code: int) -> None:
        """Closing the dialog ends the wait."""
        if self.waiting_for_card:
            self._end_wait()
        super().done(code)

    def copy_link(self) -> None:
        """The page's address to the clipboard (an address is no card data)."""
        if self.link.text():
            QGuiApplication.clipboard().setText(self.link.text())

    def open_url(self, url: QUrl) -> None:
        """Open ``url`` in the system browser (tests replace this method)."""
        if not QDesktopServices.openUrl(url):
            self.show_general_error(self.tr("No browser could be opened. Copy the link instead."))

    def build_request(self):
        from ..api.models.recurring import NewOwnerRequest

        errors: dict[str, list[str]] = {}
        phone = self.text("phone")
        try:
            phone = check_phone(phone, self._phone_region)
        except ValueError as exc:
            errors["phone"] = [exc.msg] if phone else [msg("field.required")]
        if errors:
            return None, errors
        self._phone_sent = phone
        return validate_request(NewOwnerRequest, {"phone": phone})

    def outcome_lines(self, result: OperationResult) -> list[str]:
        lines = [self.tr("The card owner is registered. Their card can now be saved for subscriptions and payment "
                         "orders.")]
        if result.owner_id:
            lines.append(self.tr("Card owner ID: {owner_id}").format(owner_id=result.owner_id))
        return lines


class PaymentOrderDialog(RequestDialog):
    """``POST /paymentOrder``: one payment on a saved card at a future time."""

    title = QT_TRANSLATE_NOOP("PaymentOrderDialog", "New payment order")
    send_label = QT_TRANSLATE_NOOP("PaymentOrderDialog", "Create order")

    def __init__(self, send: Send, parent: QWidget | None = None, *,
                 saved_cards: SavedCardsService | None = None) -> None:
        super().__init__(send, parent)
        self.setObjectName("paymentOrderDialog")
        self.add_field("reference", self.tr("Reference:"), QLineEdit(), self.tr("e.g. ORDER-2026-001"))
        self.add_amount_fields()
        self.add_owner_fields(saved_cards)
        payment_time = _date_time_edit("paymentTime")
        payment_time.setDateTime(_tomorrow_at_nine())
        self.add_field("paymentTime", self.tr("Pay on (local time):"), payment_time)
        self.add_field("explanation", self.tr("Explanation:"), QLineEdit(), self.tr("optional, shown on the statement"))
        self.add_field("paymentChannel", self.tr("Channel:"), QLineEdit(), self.tr("optional, e.g. web"))
        self.add_field("paymentSystemId", self.tr("Payment system ID:"), QLineEdit(), self.tr("optional UUID"))

    def build_request(self):
        from ..api.models.recurring import PaymentOrderRequest

        errors: dict[str, list[str]] = {}
        amount = self.amount_value(errors)
        data = {
            "reference": self.text("reference"),
            "amount": amount if amount is not None else 1,  # placeholder: the amount's own error wins
            "currency_code": self.text("currencyCode"),
            "payment_system_id": self.optional("paymentSystemId"),
            "explanation": self.optional("explanation"),
            "owner_description": self.owner_data(errors),
            "payment_channel": self.optional("paymentChannel"),
            "payment_time": utc_from_edit(self.fields["paymentTime"]),
        }
        request, model_errors = validate_request(PaymentOrderRequest, data)
        model_errors.update(errors)
        return (request if not model_errors else None), model_errors


class ScheduleFieldsMixin:
    """Frequency, interval, day and month fields whose rows appear per frequency."""

    def add_schedule_fields(self, *, keep_option: bool = False) -> None:
        frequency = QComboBox()
        unchanged = self.tr("(unchanged)")
        if keep_option:
            frequency.addItem(unchanged, None)
        for value, words in ((Frequency.DAILY, self.tr("Daily")), (Frequency.MONTHLY, self.tr("Monthly")),
                             (Frequency.YEARLY, self.tr("Yearly"))):
            frequency.addItem(words, value)
        self.add_field("frequency", self.tr("Frequency:"), frequency)
        interval = QSpinBox()
        interval.setRange(0 if keep_option else 1, 30)
        if keep_option:
            interval.setSpecialValueText(unchanged)
        self.add_field("interval", self.tr("Every (1-30):"), interval)
        day = QSpinBox()
        day.setRange(0 if keep_option else 1, 30)
        if keep_option:
            day.setSpecialValueText(unchanged)
        self.add_field("dayOfMonth", self.tr("Day of month (1-30):"), day)
        month = QComboBox()
        if keep_option:
            month.addItem(unchanged, None)
        locale = QLocale()
        for number in range(1, 13):
            month.addItem(locale.standaloneMonthName(number, QLocale.FormatType.LongFormat), number)
        self.add_field("monthOfYear", self.tr("Month:"), month)
        frequency.currentIndexChanged.connect(self._frequency_changed)
        interval.valueChanged.connect(self._update_interval_suffix)
        self._frequency_changed()

    def frequency_value(self) -> Frequency | None:
        data = self.fields["frequency"].currentData()  # Qt hands a str enum back as a plain str
        return Frequency(data) if data else None

    def _frequency_changed(self) -> None:
        frequency = self.frequency_value()
        keep = frequency is None
        self.set_row_visible("dayOfMonth", keep or frequency in (Frequency.MONTHLY, Frequency.YEARLY))
        self.set_row_visible("monthOfYear", keep or frequency is Frequency.YEARLY)
        self._update_interval_suffix()

    def _update_interval_suffix(self) -> None:
        interval: QSpinBox = self.fields["interval"]
        one = interval.value() == 1
        units = {Frequency.DAILY: self.tr(" day") if one else self.tr(" days"),
                 Frequency.MONTHLY: self.tr(" month") if one else self.tr(" months"),
                 Frequency.YEARLY: self.tr(" year") if one else self.tr(" years")}
        interval.setSuffix(units.get(self.frequency_value(), ""))

    def schedule_data(self) -> dict[str, Any]:
        frequency = self.frequency_value()
        interval = self.fields["interval"].value() or None
        day = self.fields["dayOfMonth"].value() or None
        month = self.fields["monthOfYear"].currentData()
        return {
            "frequency": frequency,
            "interval": interval,
            "day_of_month": day if frequency in (Frequency.MONTHLY, Frequency.YEARLY) else None,
            "month_of_year": month if frequency is Frequency.YEARLY else None,
        }


class CreateSubscriptionDialog(ScheduleFieldsMixin, RequestDialog):
    """``POST /recurring``, with a live preview of the next 12 payment dates."""

    title = QT_TRANSLATE_NOOP("CreateSubscriptionDialog", "New subscription")
    send_label = QT_TRANSLATE_NOOP("CreateSubscriptionDialog", "Create subscription")

    def __init__(self, send: Send, parent: QWidget | None = None, *,
                 saved_cards: SavedCardsService | None = None) -> None:
        super().__init__(send, parent)
        self.setObjectName("subscriptionCreateDialog")
        self.add_field("reference", self.tr("Subscription ID:"), QLineEdit(), self.tr("your reference, e.g. SUB-2026-001"))
        self.add_amount_fields()
        self.add_owner_fields(saved_cards)
        first = _date_time_edit("firstPaymentTime")
        first.setDateTime(_tomorrow_at_nine())
        self.add_field("firstPaymentTime", self.tr("First payment (local):"), first)
        last_row = QWidget()
        last_layout = QHBoxLayout(last_row)
        last_layout.setContentsMargins(0, 0, 0, 0)
        self.has_last = QCheckBox(self.tr("Ends on"))
        self.has_last.setObjectName("hasLastPaymentTime")
        self.has_last.setAccessibleName(self.tr("The subscription ends"))
        last = _date_time_edit("lastPaymentTimeEdit")
        last.setAccessibleName(self.tr("Last payment (local time)"))
        last.setDateTime(_tomorrow_at_nine().addYears(1))
        last.setEnabled(False)
        self.has_last.toggled.connect(last.setEnabled)
        last_layout.addWidget(self.has_last)
        last_layout.addWidget(last, 1)
        self.last_edit = last
        self.add_field("lastPaymentTime", self.tr("Last payment (local):"), last_row)
        self.add_schedule_fields()
        self.fields["dayOfMonth"].setValue(_tomorrow_at_nine().date().day() if _tomorrow_at_nine().date().day() <= 30 else 1)
        self.fields["monthOfYear"].setCurrentIndex(_tomorrow_at_nine().date().month() - 1)
        self.add_field("explanation", self.tr("Explanation:"), QLineEdit(),
                       self.tr("optional, e.g. Premium plan - monthly"))
        self.add_field("paymentChannel", self.tr("Channel:"), QLineEdit(), self.tr("optional, e.g. mobile"))
        self.add_field("paymentSystemId", self.tr("Payment system ID:"), QLineEdit(), self.tr("optional UUID"))

        self.preview = QLabel()
        self.preview.setObjectName("schedulePreview")
        self.preview.setAccessibleName(self.tr("Next payment dates"))
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setStyleSheet("background: #f5f5f5; color: #202124; border: 1px solid #ddd; padding: 6px;")
        self.layout().insertWidget(1, self.preview)
        for name in ("frequency", "monthOfYear"):
            self.fields[name].currentIndexChanged.connect(self.update_preview)
        for name in ("interval", "dayOfMonth"):
            self.fields[name].valueChanged.connect(self.update_preview)
        first.dateTimeChanged.connect(self.update_preview)
        last.dateTimeChanged.connect(self.update_preview)
        self.has_last.toggled.connect(self.update_preview)
        self.update_preview()

    def last_payment_time(self) -> dt.datetime | None:
        return utc_from_edit(self.last_edit) if self.has_last.isChecked() else None

    def preview_dates(self) -> list[dt.datetime]:
        schedule = self.schedule_data()
        return payment_dates(utc_from_edit(self.fields["firstPaymentTime"]), schedule["frequency"],
                             schedule["interval"] or 1, schedule["day_of_month"], schedule["month_of_year"],
                             until=self.last_payment_time(), count=PREVIEW_COUNT)

    def update_preview(self) -> None:
        try:
            dates = self.preview_dates()
        except ScheduleError as exc:
            self.preview.setText(self.tr("No schedule yet: {reason}.").format(reason=render(exc.msg)))
            return
        if not dates:
            self.preview.setText(self.tr("No payment falls between the first and last payment time."))
            return
        heading = (self.tr("Next {count} payments (local time):") if len(dates) == PREVIEW_COUNT
                   else self.tr("All {count} payments (local time):")).format(count=len(dates))
        locale = QLocale()
        self.preview.setText(heading + "\n" + "\n".join(
            f"{number:>2}. {local_text(when, locale)}" for number, when in enumerate(dates, 1)))

    def build_request(self):
        from ..api.models.recurring import RecurringPaymentRequest

        errors: dict[str, list[str]] = {}
        amount = self.amount_value(errors)
        data = {
            "reference": self.text("reference"),
            "amount": amount if amount is not None else 1,  # placeholder: the amount's own error wins
            "currency_code": self.text("currencyCode"),
            "payment_system_id": self.optional("paymentSystemId"),
            "explanation": self.optional("explanation"),
            "owner_description": self.owner_data(errors),
            "payment_channel": self.optional("paymentChannel"),
            "first_payment_time": utc_from_edit(self.fields["firstPaymentTime"]),
            "last_payment_time": self.last_payment_time(),
            **self.schedule_data(),
        }
        request, model_errors = validate_request(RecurringPaymentRequest, data)
        model_errors.update(errors)
        return (request if not model_errors else None), model_errors


class EditSubscriptionDialog(ScheduleFieldsMixin, RequestDialog):
    """``PUT /recurring/{id}`` (``original`` given) or ``PUT /recurring/subscription/{subscription}``.

    Only changed fields are sent; amount and currency travel together, and so do the schedule fields.
    By subscription ID the form starts blank ("(unchanged)") because the gateway's current values are not
    known; an empty field is left as it is (a field cannot be cleared through this dialog).
    """

    send_label = QT_TRANSLATE_NOOP("EditSubscriptionDialog", "Save changes")

    def __init__(self, send: Send, original: RecurringPayment | None = None, parent: QWidget | None = None) -> None:
        # Translated before the base class translates self.title (a finished title translates to itself).
        self.title = QCoreApplication.translate("EditSubscriptionDialog", "Edit subscription {name}").format(
            name=original.reference or original.id) if original else \
            QCoreApplication.translate("EditSubscriptionDialog", "Edit subscription by ID")
        super().__init__(send, parent)
        self.setObjectName("subscriptionEditDialog")
        self.original = original
        if original is None:
            self.add_field("subscription", self.tr("Subscription ID:"), QLineEdit(), self.tr("the subscription's reference"))
        keep = self.tr("leave empty to keep")
        self.add_field("amount", self.tr("Amount:"), QLineEdit(), keep)
        currency = QComboBox()
        currency.addItem(self.tr("(unchanged)"))
        currency.addItems(TERMINAL_CURRENCIES)
        self.add_field("currencyCode", self.tr("Currency:"), currency)
        self.add_schedule_fields(keep_option=True)
        last_row = QWidget()
        last_layout = QHBoxLayout(last_row)
        last_layout.setContentsMargins(0, 0, 0, 0)
        self.change_last = QCheckBox(self.tr("Set to"))
        self.change_last.setObjectName("changeLastPaymentTime")
        self.change_last.setAccessibleName(self.tr("Change the last payment"))
        self.last_edit = _date_time_edit("lastPaymentTimeEdit")
        self.last_edit.setAccessibleName(self.tr("New last payment (local time)"))
        self.last_edit.setDateTime(_tomorrow_at_nine().addYears(1))
        self.last_edit.setEnabled(False)
        self.change_last.toggled.connect(self.last_edit.setEnabled)
        last_layout.addWidget(self.change_last)
        last_layout.addWidget(self.last_edit, 1)
        self.add_field("lastPaymentTime", self.tr("Last payment (local):"), last_row)
        status = QComboBox()
        status.addItem(self.tr("(unchanged)"), None)
        for value, words in STATUS_WORDS.items():
            status.addItem(render(words), value)
        self.add_field("status", self.tr("Status:"), status)
        self.add_field("explanation", self.tr("Explanation:"), QLineEdit(), keep)
        self.add_field("paymentChannel", self.tr("Channel:"), QLineEdit(), keep)
        self.add_field("paymentSystemId", self.tr("Payment system ID:"), QLineEdit(), keep)
        self.add_field("paymentSystemGroupId", self.tr("Payment system group ID:"), QLineEdit(), keep)
        if original is not None:
            self._prefill(original)
        self._initial = self._snapshot()

    def _prefill(self, item: RecurringPayment) -> None:
        self.fields["amount"].setText(str(item.amount))
        self.fields["currencyCode"].setCurrentText(item.currency_code)
        frequency: QComboBox = self.fields["frequency"]
        frequency.setCurrentIndex(frequency.findData(item.effective_frequency))
        self.fields["interval"].setValue(item.interval or 1)
        self.fields["dayOfMonth"].setValue(item.day_of_month or 0)
        month: QComboBox = self.fields["monthOfYear"]
        month.setCurrentIndex(month.findData(item.month_of_year) if item.month_of_year else 0)
        status: QComboBox = self.fields["status"]
        status.setCurrentIndex(status.findData(item.status))
        self.fields["explanation"].setText(item.explanation or "")
        if item.last_payment_at_utc is not None:
            set_edit_to(self.last_edit, item.last_payment_at_utc)

    def _snapshot(self) -> dict[str, Any]:
        return {
            "amount": self.text("amount"),
            "currencyCode": self.fields["currencyCode"].currentIndex(),
            "schedule": self.schedule_data(),
            "status": self.status_value(),
            "explanation": self.text("explanation"),
            "paymentChannel": self.text("paymentChannel"),
            "paymentSystemId": self.text("paymentSystemId"),
            "paymentSystemGroupId": self.text("paymentSystemGroupId"),
        }

    def build_request(self):
        from ..api.models.recurring import UpdateRecurringPaymentRequest

        errors: dict[str, list[str]] = {}
        now, before = self._snapshot(), self._initial
        data: dict[str, Any] = {}
        currency = self.text("currencyCode") if self.fields["currencyCode"].currentIndex() > 0 else None
        if now["amount"] != before["amount"] or now["currencyCode"] != before["currencyCode"]:
            if now["amount"]:
                amount_currency = currency or (self.original.currency_code if self.original else DEFAULT_CURRENCY)
                try:
                    data["amount"] = parse_amount(now["amount"], amount_currency, number_style())
                except AmountError as exc:
                    errors["amount"] = [exc.msg]
            data["currency_code"] = currency
        if now["schedule"] != before["schedule"]:
            data.update({key: value for key, value in now["schedule"].items() if value is not None})
        if now["status"] != before["status"] and now["status"] is not None:
            data["status"] = now["status"]
        for name, key in (("explanation", "explanation"), ("paymentChannel", "payment_channel"),
                          ("paymentSystemId", "payment_system_id"), ("paymentSystemGroupId", "payment_system_group_id")):
            if now[name] != before[name] and now[name]:
                data[key] = now[name]
        if self.change_last.isChecked():
            data["last_payment_time"] = utc_from_edit(self.last_edit)
        if self.original is None and not self.text("subscription"):
            errors["subscription"] = [self.tr("Enter the subscription ID (its reference).")]
        if errors:
            return None, errors
        if not any(value is not None for value in data.values()):
            return None, {"body": [self.tr("Nothing was changed.")]}
        return validate_request(UpdateRecurringPaymentRequest, {k: v for k, v in data.items() if v is not None})

    def status_value(self) -> RegisteredPaymentStatus | None:
        data = self.fields["status"].currentData()
        return RegisteredPaymentStatus(data) if data else None

    @property
    def subscription(self) -> str:
        return self.text("subscription") if self.original is None else ""

    def outcome_lines(self, result: OperationResult) -> list[str]:
        return [self.tr("The gateway saved the changes.")]

