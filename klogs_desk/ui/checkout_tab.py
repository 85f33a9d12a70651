"""The Checkout links tab: make a hosted payment link, show it as a QR code, follow it until it is paid.

Top left, the link's order: order ID (fresh, editable), amount and currency, description, customer ID,
installments and an optional callback URL, checked at their fields before anything is sent. Top right,
the link of the selected row: its address (read-only, selectable, Copy and Open in browser), its QR code
(only while the link can still be paid, so nobody scans a used-up link) and, once the customer has paid or failed, the payment in the shared result panel. Below, every link of
this environment from the journal, newest first.

Following: each link awaiting payment is followed by :meth:`CheckoutService.follow` (the polling loop
lives in the service; the tab starts and cancels it and shows each answer) with pauses from
``poll_delays`` (the service's growing 2, 3, 5, 8 ... up to 60 seconds; tests pass short ones) until it is
paid or failed; the Refresh button asks about every open link at once. Links still open when the tab is built (an earlier run)
are followed too. Following stops when the tab is destroyed.

Order ID: a created link uses it up (the next link gets a fresh one); after a refused or lost create it is
kept, so pressing Create link again asks the gateway for the same link (see services/checkout.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Callable, Iterator

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.money import DEFAULT_CURRENCY, TERMINAL_CURRENCIES, AmountError, parse_amount
from ..domain.orders import OrderIdError, check_order_id, new_order_id
from ..messages import msg
from ..services.checkout import (
    MAX_POLLS_PER_MINUTE,
    CheckoutLink,
    CheckoutOrder,
    CheckoutService,
    CreateResult,
    CreateState,
    LinkStatus,
    RefreshResult,
    created_local_time,
    growing_delays,
)
from ..services.context import AppServices
from . import theme
from .async_runner import run_operation, run_query
from .fit import fit_placeholder
from .locale_style import number_style
from .messages import render
from .money_text import money_text
from .qr_widget import QrCodeWidget
from .result_panel import ResultPanel

log = logging.getLogger(__name__)

_INVALID_STYLE = f"QLineEdit {{ border: 2px {theme.INVALID_FIELD_BORDER}; border-radius: 3px; padding: 2px; }}"
COLUMNS = (QT_TRANSLATE_NOOP("CheckoutTab", "Order ID"), QT_TRANSLATE_NOOP("CheckoutTab", "Amount"),
           QT_TRANSLATE_NOOP("CheckoutTab", "Status"), QT_TRANSLATE_NOOP("CheckoutTab", "Created"))
_STATUS_COLOURS = {LinkStatus.PAID: theme.APPROVED, LinkStatus.FAILED: theme.DECLINED, LinkStatus.UNKNOWN: theme.UNKNOWN}

#: Gateway field names (camelCase) -> the key of the field that shows their errors.
_GATEWAY_FIELDS = {"orderId": "order_id", "amount": "amount", "currency": "amount", "description": "description",
                   "customerId": "customer", "callback": "callback", "maxInstallmentCount": "installments"}

_STATUS_SENTENCES = {
    LinkStatus.CREATING: QT_TRANSLATE_NOOP("CheckoutTab", "The link is being created…"),
    LinkStatus.AWAITING: QT_TRANSLATE_NOOP(
        "CheckoutTab", "Waiting for the customer to pay. This updates by itself; Refresh checks now."),
    LinkStatus.PAID: QT_TRANSLATE_NOOP("CheckoutTab", "Paid: the payment is below and in the Journal."),
    LinkStatus.FAILED: QT_TRANSLATE_NOOP("CheckoutTab", "The customer's card was declined: this link is used up."),
    LinkStatus.UNKNOWN: QT_TRANSLATE_NOOP(
        "CheckoutTab", "The answer to the create request was lost. Type the same order ID and amount and "
                       "press Create link again: the gateway answers with the same link if it made one."),
    LinkStatus.NOT_CREATED: QT_TRANSLATE_NOOP(
        "CheckoutTab", "The gateway did not create this link. Nothing can be paid with it."),
    LinkStatus.CANCELLED: QT_TRANSLATE_NOOP("CheckoutTab", "This link was cancelled."),
}


def status_sentence(status: LinkStatus) -> str:
    """The sentence under the selected link's title, in the installed language."""
    sentence = _STATUS_SENTENCES.get(status, "")
    return QCoreApplication.translate("CheckoutTab", sentence) if sentence else ""


def is_web_address(text: str) -> bool:
    """An absolute http(s) address with a host and no spaces (what the gateway accepts as ``callback``)."""
    if not text or any(c.isspace() for c in text):
        return False
    url = QUrl(text, QUrl.ParsingMode.StrictMode)
    return url.isValid() and url.scheme() in ("http", "https") and bool(url.host())


class CheckoutTab(QWidget):
    """``CheckoutTab(services)``: hosted payment links with QR codes and live status."""

    #: A create ended with a link (new or existing): the CheckoutLink.
    link_created = Signal(object)
    #: A create ended without a link, or was refused: the CreateResult.
    create_failed = Signal(object)
    #: A followed link reached a final status (PAID / FAILED): the CheckoutLink.
    link_finished = Signal(object)
    #: One round of asking the gateway about a link ended: the RefreshResult.
    link_refreshed = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None, *,
                 poll_delays: Callable[[], Iterator[float]] = growing_delays,
                 polls_per_minute: int | None = MAX_POLLS_PER_MINUTE) -> None:
        super().__init__(parent)
        self.setObjectName("checkoutTab")
        self.setAccessibleName(self.tr("Checkout links"))
        self.services = services
        self.service = CheckoutService(services, polls_per_minute=polls_per_minute)
        self.poll_delays = poll_delays
        #: Entry id -> the task following that link (kept so it can be cancelled and is not collected).
        self._followers: dict[int, asyncio.Task] = {}
        self._links: list[CheckoutLink] = []
        self._shown_entry_id: int | None = None

        self._build_form()
        self._build_link_panel()
        self._build_list()

        top = QHBoxLayout()
        top.addWidget(self.form_box, 2)
        top.addWidget(self.link_box, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list_box, 1)

        followers = self._followers
        self.destroyed.connect(lambda *_: [task.cancel() for task in list(followers.values())])
        self.reload()
        # Started from the event loop, not the constructor: the loop may not be running yet.
        QTimer.singleShot(0, self._follow_open_links)

    # --- building ---------------------------------------------------------------------------------

    def _build_form(self) -> None:
        self.order_id = QLineEdit(new_order_id(), objectName="checkoutOrderId", maxLength=64)
        self.new_order_button = QPushButton(self.tr("New"), objectName="checkoutNewOrderId")
        self.new_order_button.setToolTip(self.tr("A fresh order ID"))
        self.amount = QLineEdit(objectName="checkoutAmount")
        self.amount.setPlaceholderText(self._amount_placeholder())
        self.currency = QComboBox(objectName="checkoutCurrency")
        self.currency.addItems(list(TERMINAL_CURRENCIES))
        self.currency.setCurrentText(DEFAULT_CURRENCY)
        self.currency.setMaximumWidth(90)
        self.description = QLineEdit(objectName="checkoutDescription", maxLength=400,
                                     placeholderText=self.tr("What the customer pays for (shown on the page)"))
        self.customer_id = QLineEdit(objectName="checkoutCustomerId", maxLength=100, placeholderText=self.tr("Optional"))
        self.max_installments = QSpinBox(objectName="checkoutMaxInstallments", minimum=1, maximum=12, value=1)
        self.max_installments.setSpecialValueText(self.tr("Single payment only"))
        self.max_installments.setSuffix(self.tr(" installments at most"))
        self.interest = QCheckBox(self.tr("The customer pays the installment interest"), objectName="checkoutInterest")
        self.interest.setChecked(True)
        self.interest.setEnabled(False)
        self.callback = QLineEdit(objectName="checkoutCallback",
                                  placeholderText=self.tr("Optional: https://your-shop/paid (told when paid)"))
        fit_placeholder(self.callback)
        self.create_button = QPushButton(self.tr("Create link"), objectName="checkoutCreate")
        self.create_button.setDefault(True)
        self.message = QLabel(objectName="checkoutMessage", wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._fields: dict[str, QLineEdit] = {"order_id": self.order_id, "amount": self.amount,
                                              "description": self.description, "customer": self.customer_id,
                                              "callback": self.callback}
        self._errors: dict[str, QLabel] = {}
        for key in (*self._fields, "installments"):
            label = QLabel(objectName=f"checkout{_camel(key)}Error", styleSheet=theme.error_label_sheet())
            label.setAccessibleName(self.tr("Error"))
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self._errors[key] = label

        for widget, name in ((self.order_id, self.tr("Order ID")), (self.new_order_button, self.tr("New order ID")),
                             (self.amount, self.tr("Amount")), (self.currency, self.tr("Currency")),
                             (self.description, self.tr("Description")), (self.customer_id, self.tr("Customer ID")),
                             (self.max_installments, self.tr("Maximum number of installments")),
                             (self.interest, self.tr("Customer pays the interest")),
                             (self.callback, self.tr("Callback URL")),
                             (self.create_button, self.tr("Create payment link")),
                             (self.message, self.tr("Checkout message"))):
            widget.setAccessibleName(name)

        order_row = QHBoxLayout()
        order_row.addWidget(self.order_id, 1)
        order_row.addWidget(self.new_order_button)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.currency)
        form = self._form = QFormLayout()
        form.addRow(self.tr("Order ID"), order_row)
        form.addRow("", self._errors["order_id"])
        form.addRow(self.tr("Amount"), amount_row)
        form.addRow("", self._errors["amount"])
        form.addRow(self.tr("Description"), self.description)
        form.addRow("", self._errors["description"])
        form.addRow(self.tr("Customer ID"), self.customer_id)
        form.addRow("", self._errors["customer"])
        form.addRow(self.tr("Installments"), self.max_installments)
        form.addRow("", self.interest)
        form.addRow("", self._errors["installments"])
        form.addRow(self.tr("Callback URL"), self.callback)
        form.addRow("", self._errors["callback"])
        for label in self._errors.values():
            form.setRowVisible(label, False)  # an error row takes room only while it has a message
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)

        self.form_box = QGroupBox(self.tr("New payment link"), objectName="checkoutFormBox")
        box = QVBoxLayout(self.form_box)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addStretch(1)

        self.create_button.clicked.connect(self.create)
        for edit in (self.order_id, self.amount, self.description, self.customer_id, self.callback):
            edit.returnPressed.connect(self.create)
        for key, edit in self._fields.items():
            edit.textEdited.connect(lambda _text, key=key: self.clear_error(key))
        self.currency.currentTextChanged.connect(lambda _text: self.clear_error("amount"))
        self.new_order_button.clicked.connect(self.new_order)
        self.max_installments.valueChanged.connect(lambda count: self.interest.setEnabled(count > 1))

    def _build_link_panel(self) -> None:
        self.qr = QrCodeWidget()
        self.qr.setObjectName("checkoutQr")
        self.url = QLineEdit(objectName="checkoutUrl", readOnly=True, placeholderText=self.tr("No link selected"))
        self.url.setAccessibleName(self.tr("Payment link address"))
        self.copy_button = QPushButton(self.tr("Copy link"), objectName="checkoutCopy", enabled=False)
        self.copy_button.setAccessibleName(self.tr("Copy the link"))
        self.open_button = QPushButton(self.tr("Open in browser"), objectName="checkoutOpen", enabled=False)
        self.open_button.setAccessibleName(self.tr("Open the link in the browser"))
        self.link_title = QLabel(objectName="checkoutLinkTitle", wordWrap=True)
        font = self.link_title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.link_title.setFont(font)
        self.link_title.setAccessibleName(self.tr("Selected link"))
        self.status = QLabel(objectName="checkoutStatus", wordWrap=True)
        self.status.setAccessibleName(self.tr("Link status"))
        self.result = ResultPanel("checkoutResult")

        # Training links point at the embedded sandbox on this computer's loopback: say so on the link.
        self.url_note = QLabel(self.tr("Training: this link works on this computer only."),
                               objectName="checkoutUrlNote")
        self.url_note.setAccessibleName(self.tr("Where the link works"))
        self.url_note.setStyleSheet(f"color: {theme.text_colours().muted};")
        self.url_note.setWordWrap(True)
        self.url_note.hide()
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.copy_button)
        url_row.addWidget(self.open_button)
        details = QVBoxLayout()
        details.addWidget(self.link_title)
        details.addWidget(self.status)
        details.addWidget(self.result, 1)
        details.addStretch(0)
        body = QHBoxLayout()
        body.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(details, 1)

        self.link_box = QGroupBox(self.tr("Link"), objectName="checkoutLinkBox")
        box = QVBoxLayout(self.link_box)
        box.addLayout(url_row)
        box.addWidget(self.url_note)
        box.addLayout(body, 1)

        self.copy_button.clicked.connect(self.copy_link)
        self.open_button.clicked.connect(lambda: self.open_url(QUrl(self.url.text())))

    def _build_list(self) -> None:
        self.table = QTableWidget(0, len(COLUMNS), objectName="checkoutList")
        self.table.setAccessibleName(self.tr("Payment links"))
        self.table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.refresh_button = QPushButton(self.tr("Refresh"), objectName="checkoutRefresh")
        self.refresh_button.setAccessibleName(self.tr("Check the open links now"))
        self.refresh_button.setToolTip(self.tr("Ask the gateway now about every link awaiting payment"))

        heading = QHBoxLayout()
        heading.addWidget(QLabel(self.tr("Links of this terminal, newest first. Open links update by themselves.")), 1)
        heading.addWidget(self.refresh_button)
        self.list_box = QGroupBox(self.tr("Payment links"), objectName="checkoutListBox")
        box = QVBoxLayout(self.list_box)
        box.addLayout(heading)
        box.addWidget(self.table, 1)

        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.refresh_button.clicked.connect(self.refresh_now)

    # --- creating ---------------------------------------------------------------------------------

    def create(self) -> None:
        """Check the fields; if they are right, create the link (one request per click)."""
        if not self.create_button.isEnabled():
            return  # a create is in flight: Enter must not send a second one
        order = self.read_order()
        if order is None:
            return
        self.message.setText(self.tr("Creating the link…"))
        run_operation(self.create_button, self.service.create(order), on_success=self._created,
                 error_title=self.tr("The link was not created"))

    def read_order(self) -> CheckoutOrder | None:
        """The order typed, or ``None`` after marking every wrong field."""
        self.clear_errors()
        errors: dict[str, str] = {}
        order_id = amount = None
        try:
            order_id = check_order_id(self.order_id.text())
        except OrderIdError as exc:
            errors["order_id"] = render(exc.msg)
        try:
            amount = parse_amount(self.amount.text(), self.currency.currentText(), number_style(self.locale()))
        except AmountError as exc:
            errors["amount"] = render(exc.msg)
        callback = self.callback.text().strip()
        if callback and not is_web_address(callback):
            errors["callback"] = self.tr("Enter a full address starting with https:// or leave it empty.")
        for key, text in errors.items():
            self.set_error(key, text)
        if errors:
            self._fields[next(iter(errors))].setFocus()
            self.message.setText(self.tr("Correct the marked fields. Nothing was sent."))
            return None
        assert order_id is not None and amount is not None
        count = self.max_installments.value()
        return CheckoutOrder(order_id=order_id, amount=amount, currency=self.currency.currentText(),
                             description=self.description.text().strip() or None,
                             customer_id=self.customer_id.text().strip() or None,
                             max_installment_count=count,
                             interest_paid_by_customer=count > 1 and self.interest.isChecked(),
                             callback=callback or None)

    def new_order(self) -> None:
        """A fresh order ID and an empty order (currency and installment settings stay)."""
        self.order_id.setText(new_order_id())
        for edit in (self.amount, self.description, self.customer_id):
            edit.clear()
        self.clear_errors()
        self.amount.setFocus()

    def _created(self, result: CreateResult) -> None:
        # The request is over: listeners of the signals below see a form ready for the next link.
        self.create_button.setEnabled(True)
        self.message.setText(render(result.msg))
        for name, messages in result.field_errors.items():
            self.set_error(_GATEWAY_FIELDS.get(name, "order_id"), "; ".join(messages))
        if result.link is not None:
            self.reload(select=result.link.entry_id)
        if result.state is CreateState.CREATED:
            self.new_order()
            self.message.setText(render(result.msg))
        if result.state in (CreateState.CREATED, CreateState.EXISTING) and result.link is not None:
            self.follow(result.link.entry_id)
            self.link_created.emit(result.link)
        else:
            self.create_failed.emit(result)

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the tab: the journal may have changed (another tab, another environment)."""
        super().showEvent(event)
        self.reload()
        self._follow_open_links()

    # --- the selected link -------------------------------------------------------------------------

    def copy_link(self) -> None:
        """The link's address to the clipboard (an address is no card data)."""
        if self.url.text():
            QGuiApplication.clipboard().setText(self.url.text())
            self.status.setText(self.tr("Link copied.") + " " + self.status.text())

    def open_url(self, url: QUrl) -> None:
        """Open ``url`` in the system browser (tests replace this method)."""
        if not QDesktopServices.openUrl(url):
            self.message.setText(self.tr("No browser could be opened. Copy the link instead."))

    def shown_link(self) -> CheckoutLink | None:
        return next((link for link in self._links if link.entry_id == self._shown_entry_id), None)

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        link = self._links[rows[0].row()] if rows else None
        self._show_link(link)

    def _show_link(self, link: CheckoutLink | None) -> None:
        self._shown_entry_id = link.entry_id if link else None
        url = link.url if link and link.url else ""
        self.url.setText(url)
        self.url.setCursorPosition(0)
        # In test and production the gateway's URL is shown as it is, with no note.
        self.url_note.setVisible(bool(url) and self.services.environment == "sandbox")
        # Only a link that can still be paid gets a code: a customer must not scan a used-up link.
        payable = link is not None and link.status is LinkStatus.AWAITING
        self.qr.empty_text = (self.tr("The QR code of the link appears here") if link is None or link.status is
                              LinkStatus.AWAITING else self.tr("No code: this link is {status}.").format(
                                  status=link_status_text(link.status)))
        self.qr.set_payload(url if payable else "")
        self.copy_button.setEnabled(bool(url))
        self.open_button.setEnabled(bool(url))
        if link is None:
            self.link_title.setText("")
            self.status.setText(self.tr("Create a link, or select one in the list below."))
            self.result.clear()
            return
        self.link_title.setText(f"{link.order_id} · {money_text(link.entry.amount, link.entry.currency, self.locale())}"
                                f" · {link_status_text(link.status)}")
        self.status.setText(status_sentence(link.status))
        outcome = link.outcome()
        if outcome is not None:
            self.result.show_outcome(outcome)
        else:
            self.result.clear()

    # --- the list -----------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Read the links from the journal again; keep (or move to ``select``) the selection."""
        keep = select if select is not None else self._shown_entry_id
        fresh = {link.entry_id: link for link in self.service.links()}
        # A link answered in this run keeps its full payment answer (scheme, commission) for the panel.
        for old in self._links:
            if old.response is not None and old.entry_id in fresh and fresh[old.entry_id].response is None:
                fresh[old.entry_id] = CheckoutLink(fresh[old.entry_id].entry, old.response)
        self._links = list(fresh.values())
        for entry_id in set(self._followers) - set(fresh):  # another environment's links: stop asking
            self._followers[entry_id].cancel()
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(self._links))
            for row, link in enumerate(self._links):
                self._fill_row(row, link)
        finally:
            self.table.blockSignals(False)
        index = next((i for i, link in enumerate(self._links) if link.entry_id == keep), None)
        if index is not None:
            self.table.selectRow(index)
            self._show_link(self._links[index])
        else:
            self.table.clearSelection()
            self._show_link(None)

    def status_text(self, entry_id: int) -> str:
        """The status column of link ``entry_id`` as the cashier sees it."""
        for row, link in enumerate(self._links):
            if link.entry_id == entry_id:
                return self.table.item(row, 2).text()
        raise KeyError(entry_id)

    def _fill_row(self, row: int, link: CheckoutLink) -> None:
        values = (link.order_id, money_text(link.entry.amount, link.entry.currency, self.locale()),
                  link_status_text(link.status), created_local_time(link))
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            if column == 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == 2 and link.status in _STATUS_COLOURS:
                look = _STATUS_COLOURS[link.status]
                item.setForeground(QColor(look.on_fill))
                item.setBackground(QColor(look.fill))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)

    # --- following ----------------------------------------------------------------------------------

    def follow(self, entry_id: int) -> None:
        """Keep asking about link ``entry_id`` (growing pauses) until it is final; once per link."""
        if entry_id in self._followers:
            return
        self._followers[entry_id] = run_query(None, self._follow(entry_id), busy_cursor=False, owner=self,
                                             error_title=self.tr("The link's status could not be checked"))

    def following(self) -> set[int]:
        """The links being followed now."""
        return set(self._followers)

    def refresh_now(self) -> None:
        """Ask the gateway now about every link still open."""
        run_query(self.refresh_button, self._refresh_open(), busy_cursor=False,
                 error_title=self.tr("The links could not be checked"))

    def _follow_open_links(self) -> None:
        for link in self._links:
            if link.status is LinkStatus.AWAITING:
                self.follow(link.entry_id)

    async def _follow(self, entry_id: int) -> None:
        try:
            async with contextlib.aclosing(self.service.follow(entry_id, self.poll_delays())) as answers:
                async for result in answers:
                    if not shiboken6.isValid(self):
                        return
                    self._apply(result)
        finally:
            self._followers.pop(entry_id, None)

    async def _refresh_open(self) -> None:
        open_links = [link.entry_id for link in self._links if link.status is LinkStatus.AWAITING]
        if not open_links:
            self.reload()
            return
        for entry_id in open_links:
            result = await self.service.refresh(entry_id)
            if not shiboken6.isValid(self):
                return
            self._apply(result)

    def _apply(self, result: RefreshResult) -> None:
        """Show one lookup's answer: the row, the panel if it is the link shown, the signals."""
        link = result.link
        index = next((i for i, known in enumerate(self._links) if known.entry_id == link.entry_id), None)
        if index is None:
            self.reload()
        else:
            previous = self._links[index]
            self._links[index] = link
            self._fill_row(index, link)
            if link.entry_id == self._shown_entry_id and (previous.status is not link.status
                                                          or link.response is not None):
                self._show_link(link)
        if result.problem and link.entry_id == self._shown_entry_id:
            self.status.setText(f"{status_sentence(link.status)} {render(result.problem)}")
        self.link_refreshed.emit(result)
        if link.status.final and link.status in (LinkStatus.PAID, LinkStatus.FAILED):
            self.link_finished.emit(link)

    # --- field errors --------------------------------------------------------------------------------

    def set_error(self, key: str, text: str) -> None:
        """Mark field ``key`` (``order_id``, ``amount``, ``description``, ``customer``, ``callback``,
        ``installments``) with ``text``."""
        label = self._errors[key]
        label.setText(text)
        self._form.setRowVisible(label, True)
        if key in self._fields:
            self._fields[key].setStyleSheet(_INVALID_STYLE)
            self._fields[key].setAccessibleDescription(text)

    def clear_error(self, key: str) -> None:
        label = self._errors[key]
        label.setText("")
        self._form.setRowVisible(label, False)
        if key in self._fields:
            self._fields[key].setStyleSheet("")
            self._fields[key].setAccessibleDescription("")

    def clear_errors(self) -> None:
        for key in self._errors:
            self.clear_error(key)

    def error_text(self, key: str) -> str:
        return self._errors[key].text()

    def _amount_placeholder(self) -> str:
        style = number_style(self.locale())
        return self.tr("e.g. {example}").format(example=f"1{style.group}250{style.decimal}00")


def link_status_text(status: LinkStatus) -> str:
    """The status column's word for ``status`` in the installed language."""
    return render(msg(f"link.{status.name.lower()}"))


def _camel(key: str) -> str:
    return "".join(part.capitalize() for part in key.split("_"))
