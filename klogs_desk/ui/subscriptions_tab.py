"""The Subscriptions tab (managers): every subscription of the environment, a page at a time, with create,
edit, disable/enable, card-owner registration and one-time payment orders.

Behaviour a manager relies on:

* The table asks the gateway for pages as they scroll into view, sorts on the gateway when a header is
  clicked (the Frequency column cannot be sorted: the gateway has no such order) and filters by
  subscription ID as they type (debounced, so one request per pause, not per key).
* Any error loading the list shows in words in the banner above the table; the rows already shown stay.
* A row changes only after the gateway said the change succeeded: then its page is fetched again.
* Disabling or enabling asks for confirmation first (:meth:`SubscriptionsTab.confirm`, which tests
  replace).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QItemSelectionModel, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..api.enums import OrderDirection, RegisteredPaymentStatus
from ..api.errors import KlogsError
from ..domain.payment_orders import PaymentOrderBook
from ..domain.saved_cards import SavedCard
from ..services.context import AppServices
from ..services.saved_cards import SavedCardsService
from ..services.staff import Permission, StaffRefused, StaffService
from ..services.subscriptions import (
    STATUS_MEANINGS,
    STATUS_WORDS,
    SubscriptionsService,
    describe_load_error,
    status_in_words,
)
from . import theme
from .answer_text import answer_text
from .async_runner import run_operation
from .badges import BadgeDelegate
from .messages import render
from .money_text import money_text
from .row_image_delegate import RowImageDelegate, RowImageTableView
from .subscription_dialogs import (
    CreateSubscriptionDialog,
    EditSubscriptionDialog,
    OwnerDialog,
    PaymentOrderDialog,
    RequestDialog,
)
from .subscriptions_model import (
    AMOUNT,
    COLUMNS,
    CREATED,
    STATUS,
    SubscriptionsModel,
)

if TYPE_CHECKING:
    from ..api.models.recurring import OperationResult, RecurringPayment

SEARCH_DEBOUNCE_MS = 350


class SubscriptionsTab(QWidget):
    """See the module docstring. ``services.client`` is read at every request."""

    def __init__(self, services: AppServices, parent: QWidget | None = None, *, page_size: int = 100,
                 payment_orders: PaymentOrderBook | None = None, phone_region: str | None = None,
                 saved_cards: SavedCardsService | None = None, staff: StaffService | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subscriptionsTab")
        self.services = services
        #: Every write asks ``staff`` first (the service holds the rule; the buttons only show it).
        self.service = SubscriptionsService(services, payment_orders=payment_orders, staff=staff)
        #: The cards owners saved (offered in the dialogs); a saved card moves waiting subscriptions on, so the
        #: list is asked again when one arrives (no manual refresh).
        self.saved_cards = saved_cards
        self.current_dialog: QDialog | None = None
        #: The shop's country for phone numbers typed the local way (None: the dialogs' default).
        self.phone_region = phone_region

        self.model = SubscriptionsModel(self.service.list_page, page_size=page_size, parent=self,
                                        until_ready=self.service.until_ready, visible_rows=self._visible_rows)
        self.model.load_failed.connect(self._on_load_failed)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.total_changed.connect(self._on_total_changed)
        if saved_cards is not None:
            saved_cards.card_saved.connect(self._card_saved)

        # --- banner ---
        self.banner = QFrame()
        self.banner.setObjectName("subscriptionsBanner")
        # Dark text on the light red box in any theme (the palette's text is light in a dark theme).
        tint = theme.ERROR_TINT
        self.banner.setStyleSheet(f"#subscriptionsBanner {{ background: {tint.background}; border: 1px solid "
                                  f"{tint.border}; border-radius: 4px; }} #subscriptionsBanner QLabel {{ color: {tint.text}; }}")
        self.banner_text = QLabel()
        self.banner_text.setObjectName("subscriptionsBannerText")
        self.banner_text.setWordWrap(True)
        self.banner_text.setAccessibleName(self.tr("Subscriptions error"))
        self.banner_retry = QPushButton(self.tr("Try again"))
        self.banner_retry.setObjectName("subscriptionsRetry")
        self.banner_retry.clicked.connect(self.retry)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_retry)
        self.banner.setVisible(False)

        # --- toolbar ---
        self.search = QLineEdit()
        self.search.setObjectName("subscriptionsSearch")
        self.search.setPlaceholderText(self.tr("Search by subscription ID…"))
        self.search.setAccessibleName(self.tr("Search by subscription ID"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_search)

        self.create_button = self._button("subscriptionCreate", self.tr("New subscription…"), self.open_create_dialog)
        self.edit_button = self._button("subscriptionEdit", self.tr("Edit…"), self.open_edit_dialog)
        self.edit_by_id_button = self._button("subscriptionEditBySubscription", self.tr("Edit by subscription ID…"),
                                              self.open_edit_by_subscription_dialog)
        self.disable_button = self._button("subscriptionDisable", self.tr("Disable…"), self.toggle_selected_status)
        self.owner_button = self._button("ownerRegister", self.tr("Register card owner…"), self.open_owner_dialog)
        self.order_button = self._button("paymentOrderCreate", self.tr("New payment order…"), self.open_payment_order_dialog)
        self.refresh_button = self._button("subscriptionsRefresh", self.tr("Refresh"), self.retry)
        #: A cashier reads subscriptions; only a manager creates, edits, disables, registers owners and orders.
        self._manager = True

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        for button in (self.create_button, self.edit_button, self.edit_by_id_button, self.disable_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.owner_button)
        actions.addWidget(self.order_button)

        # --- table ---
        self.table = RowImageTableView()
        self.table.setObjectName("subscriptionsTable")
        self.table.setAccessibleName(self.tr("Subscriptions"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Each row's texts are drawn once into an image and cells are copied from it (RowImageDelegate).
        rows = RowImageDelegate(self.table, self.model.row_texts, self.model.display_text,
                                badge=BadgeDelegate(parent=self.table, text_of=self.model.display_text),
                                badge_column=STATUS, right_aligned=frozenset({AMOUNT}),
                                placeholder=self.model.loading_text)
        self.table.setItemDelegate(rows)
        self.table.paint_rows_with(rows, self.model.formatted_texts)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        # Fixed row heights: with 100,000 rows the view must never measure rows to lay them out.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 120, 200, 190, 140, 140, 130, 190, 140)):
            header.resizeSection(column, width)
        header.setSortIndicator(CREATED, Qt.SortOrder.DescendingOrder)
        # Newest first, as the docs' example lists them; set before sorting is enabled so that enabling it
        # (which sorts by the indicator) sends no request of its own.
        self.model.sort_field, self.model.sort_dir = COLUMNS[CREATED].sort_field, OrderDirection.DESC
        self._sort_indicator = (CREATED, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.dataChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)

        self.count_label = QLabel()
        self.count_label.setObjectName("subscriptionsCount")
        self.count_label.setAccessibleName(self.tr("Number of subscriptions"))

        # --- the payment orders created here (the gateway cannot list them) ---
        self.orders_title = QLabel(self.tr("Payment orders created on this terminal"))
        self.orders_title.setObjectName("paymentOrdersTitle")
        self.orders = QTableWidget(0, 4)
        self.orders.setObjectName("paymentOrdersList")
        self.orders.setAccessibleName(self.tr("Payment orders created on this terminal"))
        self.orders.setHorizontalHeaderLabels([self.tr("Reference"), self.tr("Amount"), self.tr("Pay on"),
                                               self.tr("Status when created")])
        self.orders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.orders.verticalHeader().setVisible(False)
        self.orders.horizontalHeader().setStretchLastSection(True)
        self.orders.setMaximumHeight(160)
        self.orders_title.setVisible(payment_orders is not None)
        self.orders.setVisible(payment_orders is not None)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.orders_title)
        layout.addWidget(self.orders)
        self._update_actions()
        self.refresh_payment_orders()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        return button

    # --- list -----------------------------------------------------------------------------------

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.search.text())

    def _card_saved(self, card: SavedCard) -> None:
        self.service.card_saved(card.phone)
        self.refresh_payment_orders()
        if self.model.loaded:
            self.model.refresh()

    def retry(self) -> None:
        """Load again what failed, or the whole current query if nothing failed."""
        self.hide_banner()
        if self.model.loaded and not self.model._failed:
            self.model.refresh()
        else:
            self.model.retry_failed()
            self.model.fetchMore()

    def show_banner(self, text: str) -> None:
        self.banner_text.setText(text)
        self.banner.setVisible(True)

    def hide_banner(self) -> None:
        self.banner.setVisible(False)

    def banner_message(self) -> str:
        return self.banner_text.text() if not self.banner.isHidden() else ""

    def _on_load_failed(self, exc: KlogsError) -> None:
        text = render(describe_load_error(exc))
        if self.model.loaded:
            text += " " + self.tr("The rows shown are from before the error.")
        self.show_banner(text)

    def _visible_rows(self) -> tuple[int, int] | None:
        """The first and last rows the table shows, ``None`` while it is hidden (the model shows a landing
        page's rows on screen a few per event-loop turn)."""
        table = getattr(self, "table", None)
        if table is None or not table.isVisible():
            return None
        viewport = table.viewport()
        top = table.rowAt(0)
        bottom = table.rowAt(viewport.height() - 1)
        if top < 0:
            return None
        return top, (self.model.rowCount() - 1 if bottom < 0 else bottom)

    def _on_page_loaded(self, page: int) -> None:
        self.hide_banner()

    def _on_total_changed(self, total: int) -> None:
        count = self.locale().toString(total)
        words = self.tr("1 subscription") if total == 1 else self.tr("{count} subscriptions").format(count=count)
        if self.model.filter_text:
            words += " " + self.tr("matching “{text}”").format(text=self.model.filter_text)
        self.count_label.setText(words)

    def _on_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        if COLUMNS[column].sort_field is None:
            # The gateway cannot sort by this column: put the indicator back where the rows are sorted.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self._sort_indicator)
            header.blockSignals(False)
            return
        self._sort_indicator = (column, order)

    # --- selection ------------------------------------------------------------------------------

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def selected_subscription(self) -> RecurringPayment | None:
        row = self.selected_row()
        return None if row is None else self.model.row_at(row)

    def select_row(self, row: int) -> None:
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def set_manager_rights(self, manager: bool) -> None:
        """Read-only for a cashier: the changing buttons are disabled and say why."""
        self._manager = manager
        why = "" if manager else self.tr("Only a manager may change subscriptions, card owners and payment orders.")
        for button in (self.create_button, self.edit_button, self.edit_by_id_button, self.disable_button,
                       self.owner_button, self.order_button):
            button.setToolTip(why)
            button.setAccessibleDescription(why)
        self._update_actions()

    def _update_actions(self, *args) -> None:
        item = self.selected_subscription()
        manager = self._manager
        for button in (self.create_button, self.edit_by_id_button, self.owner_button, self.order_button):
            button.setEnabled(manager)
        self.edit_button.setEnabled(manager and item is not None)
        if item is not None and item.status is RegisteredPaymentStatus.DISABLED:
            self.disable_button.setText(self.tr("Enable…"))
            self.disable_button.setEnabled(manager)
        else:
            self.disable_button.setText(self.tr("Disable…"))
            self.disable_button.setEnabled(manager and item is not None
                                           and item.status is RegisteredPaymentStatus.ACTIVE)
        self.disable_button.setAccessibleName(self.disable_button.text().rstrip("…"))

    # --- dialogs --------------------------------------------------------------------------------

    def show_dialog(self, dialog: QDialog) -> QDialog:
        """Open ``dialog`` window-modal without blocking the event loop (tests drive it directly)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.phone_region is not None and isinstance(dialog, RequestDialog):
            dialog.set_phone_region(self.phone_region)
        self.current_dialog = dialog
        dialog.open()
        return dialog

    def allowed(self, permission: Permission) -> bool:
        """Whether the signed-in operator may do ``permission``; if not, the banner says why (and the service
        recorded the refusal). Each dialog's entry point asks, so a shortcut or signal reaching it while the
        button is disabled opens nothing; the service asks again when the request is sent."""
        try:
            self.service.require(permission)
        except StaffRefused as refused:
            self.show_banner(render(refused.msg))
            return False
        return True

    def open_create_dialog(self) -> CreateSubscriptionDialog | None:
        if not self.allowed(Permission.SUBSCRIPTIONS_EDIT):
            return None
        dialog = CreateSubscriptionDialog(self.service.create, self, saved_cards=self.saved_cards)
        dialog.succeeded.connect(lambda result: self.model.refresh())
        return self.show_dialog(dialog)

    def open_edit_dialog(self) -> EditSubscriptionDialog | None:
        item, row = self.selected_subscription(), self.selected_row()
        if item is None or row is None or not self.allowed(Permission.SUBSCRIPTIONS_EDIT):
            return None
        dialog = EditSubscriptionDialog(lambda request: self.service.update_by_id(item, request), item, self)
        dialog.succeeded.connect(lambda result: self.model.reload_row(row))
        return self.show_dialog(dialog)

    def open_edit_by_subscription_dialog(self) -> EditSubscriptionDialog | None:
        if not self.allowed(Permission.SUBSCRIPTIONS_EDIT):
            return None
        dialog: EditSubscriptionDialog

        async def send(request):
            return await self.service.update_by_subscription(dialog.subscription, request)

        dialog = EditSubscriptionDialog(send, None, self)
        dialog.succeeded.connect(lambda result: self.model.reload_cached())
        return self.show_dialog(dialog)

    def open_owner_dialog(self) -> OwnerDialog | None:
        if not self.allowed(Permission.CARD_OWNERS):
            return None
        dialog = OwnerDialog(self.service.register_owner, self, saved_cards=self.saved_cards)
        dialog.succeeded.connect(lambda _result: self.refresh_payment_orders())
        return self.show_dialog(dialog)

    def open_payment_order_dialog(self) -> PaymentOrderDialog | None:
        if not self.allowed(Permission.PAYMENT_ORDERS):
            return None
        dialog = PaymentOrderDialog(self.service.create_payment_order, self, saved_cards=self.saved_cards)
        dialog.succeeded.connect(lambda _result: self.refresh_payment_orders())
        return self.show_dialog(dialog)

    def refresh_payment_orders(self) -> None:
        """Show the payment orders this terminal created in the current environment, newest first."""
        book = self.service.payment_orders
        if book is None:
            return
        orders = book.orders(self.services.environment)
        locale = self.locale()
        self.orders.setRowCount(len(orders))
        for row, order in enumerate(orders):
            when = QDateTime.fromMSecsSinceEpoch(int(order.payment_time.timestamp() * 1000)).toLocalTime()
            status = status_in_words(order.status)
            cells = (order.reference, money_text(order.amount, order.currency, locale),
                     locale.toString(when, QLocale.FormatType.ShortFormat),
                     render(status) if status is not None else self.tr("created (no status reported)"))
            for column, text in enumerate(cells):
                self.orders.setItem(row, column, QTableWidgetItem(text))
        self.orders.resizeColumnsToContents()

    # --- disable / enable -----------------------------------------------------------------------

    def confirm(self, title: str, text: str) -> bool:
        """Ask the manager; tests replace this method."""
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def toggle_selected_status(self) -> None:
        item, row = self.selected_subscription(), self.selected_row()
        if item is None or row is None or not self.allowed(Permission.SUBSCRIPTIONS_EDIT):
            return
        if item.status is RegisteredPaymentStatus.ACTIVE:
            target = RegisteredPaymentStatus.DISABLED
            title = self.tr("Disable subscription")
            question = self.tr("Disable subscription {name}? No payment will be taken until it is enabled again.")
        elif item.status is RegisteredPaymentStatus.DISABLED:
            target = RegisteredPaymentStatus.ACTIVE
            title = self.tr("Enable subscription")
            question = self.tr("Enable subscription {name}? Payments will be taken again on schedule.")
        else:
            return
        name = item.reference or str(item.id)
        if not self.confirm(title, question.format(name=name)):
            return
        async def change() -> OperationResult | None:
            try:
                return await self.service.set_status(item, target)
            except StaffRefused as refused:  # the operator changed since the question: nothing was sent
                self.show_banner(render(refused.msg))
                return None

        run_operation(self.disable_button, change(),
                 on_success=lambda result: self._status_changed(row, target, result),
                 on_error=lambda exc: self.show_banner(self.tr("The subscription was not changed: {reason}").format(
                     reason=render(exc.msg))))

    def _status_changed(self, row: int, target: RegisteredPaymentStatus, result: OperationResult | None) -> None:
        if result is None:  # refused before sending: the banner says why
            return
        if not result.success:
            self.show_banner(self.tr("The gateway did not change the subscription: {reason}.").format(
                reason=str(result.error or "") or self.tr("no reason given")))  # the gateway's words
            return
        if result.order_status is not None and result.order_status is not target:
            # e.g. enabling a subscription whose owner has not confirmed: it is waiting, not active.
            self.show_banner(self.tr("The gateway changed the subscription, but it is not {status}: {meaning}").format(
                status=render(STATUS_WORDS[target]).lower(),
                meaning=render(STATUS_MEANINGS.get(result.order_status)) or answer_text(result.order_status)))
        self.model.reload_row(row)
