"""The result of a payment in large print: reused by the Sale, Pre-authorization, 3-D Secure and
checkout screens.

Every state has its own words *and* colour (colour never carries the meaning alone). A declined payment
is as loud as an approved one; an unknown outcome is amber and tells the cashier not to charge again.
Only what a :class:`PaymentOutcome` holds is shown, so the full PAN can never appear here.

The panel is on the Pay-click-to-result path, so it is built once: every detail row exists from the
start and showing an outcome only changes texts and which rows are visible (no widgets created or
destroyed; a row's visibility only when the set of rows differs from the last outcome's), inside
``setUpdatesEnabled(False)`` so the layout settles once. Progress hides the details as one box, and never
hides the panel itself (hiding and showing it would lay out the whole tab twice).

The detail values can be selected with the mouse (an auth code read out over the phone, an order ID
looked up), but they become selectable only when the pointer reaches the details: a selectable label
sets, lays out and paints its text through a text document, which made showing a sale's result about
0.5 ms slower on the Pay-click-to-result path (issue 19) for a selection the cashier seldom makes.
"""

from __future__ import annotations

import contextlib
from typing import Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..services.payments import OutcomeState, PaymentOutcome
from . import theme
from .gateway_words import gateway_word
from .messages import render
from .money_text import money_text

#: Headline per state, translated when shown (context ``ResultPanel``).
_HEADLINES: dict[OutcomeState, tuple[str, theme.StatusColour]] = {
    OutcomeState.APPROVED: (QT_TRANSLATE_NOOP("ResultPanel", "APPROVED"), theme.APPROVED),
    OutcomeState.DECLINED: (QT_TRANSLATE_NOOP("ResultPanel", "DECLINED"), theme.DECLINED),
    OutcomeState.ENROLLED: (QT_TRANSLATE_NOOP("ResultPanel", "3-D SECURE REQUIRED"), theme.CUSTOMER),
    OutcomeState.UNKNOWN: (QT_TRANSLATE_NOOP("ResultPanel", "OUTCOME UNKNOWN"), theme.UNKNOWN),
    OutcomeState.ERROR: (QT_TRANSLATE_NOOP("ResultPanel", "NOT CHARGED"), theme.DECLINED),
    OutcomeState.REFUSED: (QT_TRANSLATE_NOOP("ResultPanel", "NOT SENT"), theme.NEUTRAL),
    OutcomeState.CANCELLED: (QT_TRANSLATE_NOOP("ResultPanel", "CANCELLED — NOT CHARGED"), theme.NEUTRAL),
}
#: (headline, background, text colour) per state; the colours are the theme's for that status.
STATE_LOOK: dict[OutcomeState, tuple[str, str, str]] = {
    state: (headline, look.fill, look.on_fill) for state, (headline, look) in _HEADLINES.items()}

#: Every detail row, in the order shown; rows are keyed by these English titles (see :meth:`ResultPanel.detail`).
DETAIL_TITLES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ResultPanel", "Order ID"),
    QT_TRANSLATE_NOOP("ResultPanel", "Amount"),
    QT_TRANSLATE_NOOP("ResultPanel", "Base amount"),
    QT_TRANSLATE_NOOP("ResultPanel", "Interest"),
    QT_TRANSLATE_NOOP("ResultPanel", "Card"),
    QT_TRANSLATE_NOOP("ResultPanel", "Installments"),
    QT_TRANSLATE_NOOP("ResultPanel", "Scheme / type"),
    QT_TRANSLATE_NOOP("ResultPanel", "Domestic / international"),
    QT_TRANSLATE_NOOP("ResultPanel", "Auth code"),
    QT_TRANSLATE_NOOP("ResultPanel", "Gateway result"),
    QT_TRANSLATE_NOOP("ResultPanel", "Commission"),
)

UNKNOWN_WARNING = QT_TRANSLATE_NOOP("ResultPanel", "The payment may or may not have gone through. "
                                    "<b>Do not charge again.</b> Check the Journal — it will be resolved "
                                    "with the gateway.")


def announce(label: QWidget) -> None:
    """Tell screen readers that ``label`` (a result headline) changed: its new name is read out at once, as
    an alert, without moving the keyboard focus away from the field the cashier types in next."""
    # Here, not at the module's import: QAccessible's eight enums (~4 ms) are not the first frame's business.
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    QAccessible.updateAccessibility(QAccessibleEvent(label, QAccessible.Event.NameChanged))
    QAccessible.updateAccessibility(QAccessibleEvent(label, QAccessible.Event.Alert))


class ResultPanel(QFrame):
    """Shows one :class:`PaymentOutcome`. ``name`` prefixes child objectNames (``saleResult`` ->
    ``saleResultStatus``, ``saleResultReceipt``, ``saleResultThreeDs``)."""

    #: The cashier asked for the receipt of this journal entry id.
    receipt_requested = Signal(int)
    #: The cashier chose "Pay with 3-D Secure" for an ENROLLED card.
    three_ds_requested = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(self.tr("Payment result"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.outcome: PaymentOutcome | None = None

        self.status = QLabel()
        self.status.setObjectName(f"{name}Status")
        self.status.setAccessibleName(self.tr("Result"))  # until the first outcome names it
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setMinimumHeight(64)
        font = self.status.font()
        font.setPointSize(20)
        self.status.setWordWrap(True)
        font.setBold(True)
        self.status.setFont(font)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setObjectName(f"{name}Message")
        self.message.setWordWrap(True)
        message_font = self.message.font()
        message_font.setPointSize(message_font.pointSize() + 2)
        self.message.setFont(message_font)
        self.next_step = QLabel()
        self.next_step.setObjectName(f"{name}NextStep")
        self.next_step.setWordWrap(True)
        # The rows live in one box so progress hides them with one call (a row's visibility is costly).
        self._details_box = QWidget()
        self._details_box.setObjectName(f"{name}Details")
        self.details = QFormLayout(self._details_box)
        self.details.setContentsMargins(0, 0, 0, 0)
        self.details.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        #: English title -> (title label, value label, row); all rows built here, hidden until used.
        self._detail_rows_built: dict[str, tuple[QLabel, QLabel, int]] = {}
        self._details_shown: set[str] = set()
        for row, title in enumerate(DETAIL_TITLES):
            title_label = QLabel()
            value_label = QLabel()  # selectable once the pointer comes (_make_selectable)
            value_label.setWordWrap(True)
            self.details.addRow(title_label, value_label)
            self.details.setRowVisible(row, False)
            self._detail_rows_built[title] = (title_label, value_label, row)
        self._selectable = False
        # Enter reaches the box before the label under the pointer (Qt sends it down the chain): the label
        # is selectable by the time it sees the press.
        self._details_box.installEventFilter(self)

        self.receipt_button = QPushButton(self.tr("Receipt…"))
        self.receipt_button.setObjectName(f"{name}Receipt")
        self.receipt_button.setAccessibleName(self.tr("Receipt"))
        self.receipt_button.clicked.connect(self._ask_receipt)
        self.three_ds_button = QPushButton(self.tr("Pay with 3-D Secure"))
        self.three_ds_button.setObjectName(f"{name}ThreeDs")
        self.three_ds_button.setAccessibleName(self.tr("Pay with 3-D Secure"))
        self.three_ds_button.clicked.connect(self.three_ds_requested)
        self.three_ds_button.setMinimumHeight(44)
        self.three_ds_button.setStyleSheet(
            "QPushButton { background: #1552a8; color: white; font-weight: bold; border-radius: 6px;"
            " padding: 6px 18px; } QPushButton:disabled { background: #9aa0a6; }")
        self.receipts_available = False

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.three_ds_button)
        buttons.addWidget(self.receipt_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addWidget(self.next_step)
        layout.addWidget(self._details_box)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.clear()

    # --- showing ---------------------------------------------------------------------------------

    def clear(self) -> None:
        """Back to empty (a new sale is being typed)."""
        self._show_blank("", "")
        self.setVisible(False)

    def show_progress(self, text: str) -> None:
        """A request is in flight."""
        with _one_repaint(self):
            self._show_blank(text, "background: #e8eaed; color: #202124; border-radius: 6px;")
            self.setVisible(True)

    def supersede(self) -> None:
        """A new payment started: the outcome on show is no longer the current one (:attr:`outcome` is
        ``None``; :meth:`show_settled` leaves the panel alone), though its widgets are left as they are
        until :meth:`show_progress`, :meth:`show_outcome` or :meth:`clear`. The Sale tab holds painting
        while a sale starts and puts its "Sending" banner here only if the answer is slow: for a quick
        answer, hiding the rows and showing them again would lay out the panel twice for nothing."""
        self.outcome = None

    def show_progress_note(self, text: str) -> None:
        """Under the progress headline: how long it has been and what happens next (plain text)."""
        if self.outcome is None:
            self.message.setTextFormat(Qt.TextFormat.PlainText)
            self.message.setText(text)

    def show_outcome(self, outcome: PaymentOutcome) -> None:
        with _one_repaint(self):
            self.outcome = outcome
            english_headline, background, colour = STATE_LOOK[outcome.state]
            headline = QCoreApplication.translate("ResultPanel", english_headline)
            self.status.setText(headline)
            self._set_status_style(f"background: {background}; color: {colour}; border-radius: 6px; padding: 6px;")
            self.status.setAccessibleName(self.tr("Result: {headline}").format(headline=headline))
            if outcome.state is OutcomeState.UNKNOWN:
                self.message.setTextFormat(Qt.TextFormat.RichText)  # the warning has its bold words
                self.message.setText(QCoreApplication.translate("ResultPanel", UNKNOWN_WARNING))
                self.next_step.setText("")
            else:
                # Plain text: the message may quote the gateway's words, shown exactly as it sent them.
                self.message.setTextFormat(Qt.TextFormat.PlainText)
                self.message.setText(render(outcome.msg))
                self.next_step.setText(render(outcome.next_msg))
            self._make_selectable(False)  # the new texts are set, laid out and painted as plain labels
            self._set_details(self._detail_rows(outcome))
            if self._details_box.underMouse():  # the pointer rests on the details: selectable after the paint
                QTimer.singleShot(0, self, lambda: self._make_selectable(True))
            self._details_box.setVisible(True)
            self.receipt_button.setVisible(self.receipts_available and outcome.entry_id is not None
                                           and outcome.state in (OutcomeState.APPROVED, OutcomeState.DECLINED,
                                                                 OutcomeState.UNKNOWN))
            self.three_ds_button.setVisible(outcome.state is OutcomeState.ENROLLED)
            self.status.setAccessibleDescription(" ".join(
                part for part in (render(outcome.msg), render(outcome.next_msg)) if part))
            announce(self.status)
            self.setVisible(True)

    def show_settled(self, outcome: PaymentOutcome) -> bool:
        """The background lookup settled ``outcome``'s payment: show it here if this panel still shows that
        payment as unknown (a newer result is never replaced). Returns True if it was shown."""
        shown = self.outcome
        if shown is None or shown.state is not OutcomeState.UNKNOWN or shown.entry_id != outcome.entry_id:
            return False
        self.show_outcome(outcome)
        return True

    def detail(self, title: str) -> str:
        """The value shown in the detail row ``title`` (``"Auth code"``...), or ``""``."""
        if self._details_box.isHidden() or title not in self._details_shown:
            return ""
        return self._detail_rows_built[title][1].text()

    def headline(self) -> str:
        return self.status.text()

    # --- machinery -------------------------------------------------------------------------------

    def _detail_rows(self, outcome: PaymentOutcome) -> list[tuple[str, str]]:
        charged = outcome.charged_amount if outcome.charged_amount is not None else outcome.amount
        rows = [(QT_TRANSLATE_NOOP("ResultPanel", "Order ID"), outcome.order_id),
                (QT_TRANSLATE_NOOP("ResultPanel", "Amount"), self._money(charged, outcome.currency))]
        if outcome.charged_amount is not None:
            # The amount is what the card was charged; the base amount and the interest are its detail.
            rows.append((QT_TRANSLATE_NOOP("ResultPanel", "Base amount"), self._money(outcome.amount, outcome.currency)))
            rows.append((QT_TRANSLATE_NOOP("ResultPanel", "Interest"),
                         self._money(outcome.charged_amount - outcome.amount, outcome.currency)))
        if outcome.masked_pan:
            card = outcome.masked_pan + (f"  {outcome.card_brand}" if outcome.card_brand else "")
            rows.append((QT_TRANSLATE_NOOP("ResultPanel", "Card"), card))
        if outcome.installment_count and outcome.installment_count > 1:
            rows.append((QT_TRANSLATE_NOOP("ResultPanel", "Installments"), str(outcome.installment_count)))
        scheme = " ".join(part for part in (outcome.card_scheme, outcome.card_type) if part)
        if scheme:
            rows.append((QT_TRANSLATE_NOOP("ResultPanel", "Scheme / type"), scheme))
        if outcome.dom_int_words:
            rows.append((QT_TRANSLATE_NOOP("ResultPanel", "Domestic / international"), render(outcome.dom_int_words)))
        if outcome.auth_code:
            rows.append((QT_TRANSLATE_NOOP("ResultPanel", "Auth code"), outcome.auth_code))
        # The code as sent (a code, not a word); the gateway's word in the cashier's language if known.
        result = " — ".join(part for part in (outcome.result_code, gateway_word(outcome.result_message)) if part)
        if result:
            rows.append((QT_TRANSLATE_NOOP("ResultPanel", "Gateway result"), result))
        if outcome.commission is not None and outcome.state is OutcomeState.APPROVED:
            rows.append((QT_TRANSLATE_NOOP("ResultPanel", "Commission"),
                         self._money(outcome.commission, outcome.currency)))
        return rows

    def _money(self, amount, currency: str) -> str:  # type: ignore[no-untyped-def]  # amount is a Decimal
        return money_text(amount, currency, self.locale())  # a commission with extra digits keeps them all

    def _show_blank(self, status: str, status_style: str) -> None:
        """No outcome: ``status`` as the headline, no message, details or buttons."""
        self.outcome = None
        self.status.setText(status)
        self._set_status_style(status_style)
        self.message.setText("")
        self.next_step.setText("")
        self._details_box.hide()  # the rows keep the last outcome's layout for the next one
        self.receipt_button.hide()
        self.three_ds_button.hide()

    def _set_status_style(self, style: str) -> None:
        # Setting a style sheet re-parses it and re-polishes the label even when it is the same text.
        if self.status.styleSheet() != style:
            self.status.setStyleSheet(style)

    def _set_details(self, rows: list[tuple[str, str]]) -> None:
        """Show exactly ``rows`` (English title, value) in the prebuilt rows; hide the others. Titles are
        translated here, at every showing, so a language installed after the panel was built applies."""
        values = dict(rows)
        unknown = set(values) - set(self._detail_rows_built)
        if unknown:
            raise KeyError(f"no detail row for {sorted(unknown)}")
        for title, (title_label, value_label, row) in self._detail_rows_built.items():
            shown = title in values
            if shown:
                shown_title = QCoreApplication.translate("ResultPanel", title)
                title_label.setText(self.tr("{field}:").format(field=shown_title))
                value_label.setAccessibleName(shown_title)
                value_label.setText(values[title])
            elif title in self._details_shown:
                value_label.setText("")
            if shown != (title in self._details_shown):
                self.details.setRowVisible(row, shown)
        self._details_shown = set(values)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self._details_box and not self._selectable
                and event.type() in (QEvent.Type.Enter, QEvent.Type.MouseButtonPress)):
            self._make_selectable(True)
        return False

    def _make_selectable(self, selectable: bool) -> None:
        """The detail values selectable with the mouse, or plain labels again (see the module docstring)."""
        if selectable == self._selectable:
            return
        self._selectable = selectable
        flags = (Qt.TextInteractionFlag.TextSelectableByMouse if selectable
                 else Qt.TextInteractionFlag.NoTextInteraction)
        for _title_label, value_label, _row in self._detail_rows_built.values():
            value_label.setTextInteractionFlags(flags)

    def _ask_receipt(self) -> None:
        if self.outcome is not None and self.outcome.entry_id is not None:
            self.receipt_requested.emit(self.outcome.entry_id)


@contextlib.contextmanager
def _one_repaint(widget: QWidget) -> Iterator[None]:
    """Updates off for a bulk change, so it is laid out and painted once. Leaves them off if they already
    were (the Sale tab holds painting while a payment starts; switching them on here would undo that)."""
    if not widget.updatesEnabled():
        yield
        return
    widget.setUpdatesEnabled(False)
    try:
        yield
    finally:
        widget.setUpdatesEnabled(True)
