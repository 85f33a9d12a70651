"""The Journal tab: every payment this terminal sent in the current environment, newest first.

The cashier finds a payment by order ID or the card's last four digits, by amount, by state and by date,
exports what is shown as CSV, and prints or saves a receipt for the selected row.

No stall however long the journal (issue 19; ``benchmarks/bench_stalls.py`` with 100,000 rows):

* Every row matching the filters is shown. The query runs on the journal's reader thread
  (:meth:`Journal.read` ``"listing"``: every matching id, the first page and the operator list); the
  table model keeps the ids and reads a page of rows by primary key when the view first shows one
  (:class:`~klogs_desk.ui.journal_model.JournalTableModel`). A filter typed letter by letter starts a read
  per letter; an answer older than the newest filters is dropped.
* The tab is built in parts, a turn each: the constructor builds the filters' row; the dates, buttons and
  status line, this till's table, the column chooser and the shop's view follow
  (:meth:`JournalTab.warm_up_steps`), or are built when first needed (the first show, or one of their
  attributes asked for: ``_BUILT_LATER``, built in order only as far as the part that has it). The journal
  is read when the tab is shown, not when it is built. A listing read is shown in turns too: its first
  page formatted a few rows a turn with its texts laid out for the delegate, then shown (ids set, columns
  fitted to that page) in a turn of its own, then painted.
* The CSV export runs in a process of its own (:mod:`klogs_desk.domain.journal_export`: it never holds the
  interpreter's lock the window needs), re-reading the rows of the filters shown, with its progress in the
  status line (read by a timer, ten times a second) and a "Cancel export" button; the UI thread only shows
  the outcome. Every text cell still goes through the journal's one redaction (:meth:`Journal.export_csv`).
* Worker threads hand their answers to the UI thread through this widget's own signals (queued across
  threads), not the asyncio loop: these are local reads and a file, nothing to cancel on quit (closing the
  journal ends an export's process), and the tab works the same before the loop runs.

Seams for later work: ``journalDetails``, ``journalVoid`` and ``journalRefund`` are present and disabled;
whoever implements them connects to :attr:`JournalTab.selection_changed`, reads
:meth:`JournalTab.selected_entry` and enables the buttons (``set_action_handler``).

Choices: the amount filter matches the amount's value (``100`` finds ``100.00``); the date range is in
the cashier's local time, both days included. The shop's journal (all tills, over the network) shows at
most :data:`SHOP_ROW_LIMIT` rows.

All tills (the shop database) has this till's filters: the date range is asked of the shop database (so the
row limit counts from the range chosen); search (order ID or last four digits), amount, state and operator
(listing whoever made a row read) filter the rows read. Left for later, on purpose:

* CSV export of the all-tills view. :meth:`Journal.export_csv` takes ``Entry`` rows, so the shop's rows
  could be passed, but its columns have no till (an all-tills file without it cannot be read) and that
  export is being moved to a process of its own; adding a till column belongs with that move, not here.
* Search, amount, state and operator are applied to the :data:`SHOP_ROW_LIMIT` newest rows of the range
  read, not in the shop database's query: a match older than those rows is not shown (narrow the dates).
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import Future
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QModelIndex, QPoint, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPixmap, QRegion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import paths
from ..config import Config
from ..domain.balances import Balance
from ..domain.journal import Entry, EntryKind, EntryState, ExportCancelled, Listing
from ..domain.journal_export import ExportFailed, ExportJob
from ..domain.money import MINOR_UNITS, AmountError, parse_amount
from ..messages import msg
from ..services.audit import CSV_EXPORT
from ..services.context import AppServices
from ..services.shop import ShopService, ShopUnavailable
from ..shop.server import ShopEntry
from . import theme
from .async_runner import RUNNER, run_query
from .badges import BadgeDelegate, badge_width
from .fit import ElidedLabel, fit_placeholder
from .journal_model import PAGE_SIZE, STATE_COLOURS, FirstPage, JournalColumn, JournalTableModel
from .locale_style import number_style
from .messages import render
from .plain_text_delegate import MARGIN
from .receipt import ReceiptPrinter
from .row_image_delegate import RowImageDelegate, RowImageTableView
from .shop_journal_model import ShopColumn, ShopJournalModel

#: Most rows of the shop's journal (all tills) shown at once: they come over the network.
SHOP_ROW_LIMIT = 1000
#: How often the status line counts the rows an export has written.
EXPORT_PROGRESS_MS = 100
#: Rows measured to fit the columns (QHeaderView.setResizeContentsPrecision; 0 would be the visible rows only):
#: a page, a screen and a half: the first page, read with the ids on the reader thread and formatted before
#: the listing is shown, so fitting reads and formats nothing on the UI thread (_fit_columns).
RESIZE_PRECISION = PAGE_SIZE

#: Rows of a listing's first page formatted per event-loop turn before the listing is shown (~0.2 ms a row).
FORMAT_ROWS_PER_TURN = 8

#: The columns whose texts a listing's first rows lay out before their paint (not the state badges, nor the
#: columns that elide: their paint lays out the shortened text).
_PREPARED_COLUMNS = (JournalColumn.TIME, JournalColumn.KIND, JournalColumn.ORDER_ID, JournalColumn.AMOUNT,
                     JournalColumn.BALANCE, JournalColumn.AUTH_CODE)

#: Attributes of the parts of the tab built in a turn after the constructor's (JournalTab._unbuilt).
_BUILT_LATER = frozenset({"date_check", "from_edit", "to_edit", "to_label", "refresh_button", "export_button",
                          "cancel_export_button", "filter_message", "status_label", "receipt_button",
                          "receipt_pdf_button", "details_button", "void_button", "refund_button", "_actions",
                          "model", "table", "_delegate", "column_menu", "shop_model", "shop_table", "shop_void_button", "shop_refund_button"})

#: Pixels a fitted column gets beyond its widest text and the delegate's margins (the grid line, air).
_FIT_SLACK = 6

#: (label, states) of the state filter; ``None`` means every state.
STATE_FILTERS: tuple[tuple[str, tuple[EntryState, ...] | None], ...] = (
    (QT_TRANSLATE_NOOP("JournalTab", "All states"), None),
    (QT_TRANSLATE_NOOP("JournalTab", "Approved"), (EntryState.APPROVED,)),
    (QT_TRANSLATE_NOOP("JournalTab", "Declined or error"), (EntryState.DECLINED, EntryState.ERROR)),
    (QT_TRANSLATE_NOOP("JournalTab", "Needs checking (outcome unknown, pending)"),
     (EntryState.UNKNOWN, EntryState.PENDING)),
    (QT_TRANSLATE_NOOP("JournalTab", "Not charged"), (EntryState.NOT_CHARGED,)),
    (QT_TRANSLATE_NOOP("JournalTab", "Waiting for customer or 3-D Secure"),
     (EntryState.AWAITING_CUSTOMER, EntryState.ENROLLED)),
    (QT_TRANSLATE_NOOP("JournalTab", "Cancelled"), (EntryState.CANCELLED,)),
)

#: The Journal's columns by the name the settings file keeps them under (``journal/hidden_columns``).
COLUMN_KEYS: dict[int, str] = {
    JournalColumn.TIME: "time", JournalColumn.KIND: "kind", JournalColumn.ORDER_ID: "order_id",
    JournalColumn.AMOUNT: "amount", JournalColumn.BALANCE: "balance", JournalColumn.STATE: "state",
    JournalColumn.CARD: "card", JournalColumn.AUTH_CODE: "auth_code", JournalColumn.RESULT: "result",
    JournalColumn.RESOLUTION: "resolution", JournalColumn.OPERATOR: "operator"}
#: Always shown: what a row is and how it ended (the column chooser does not offer them).
_ALWAYS_SHOWN = frozenset({JournalColumn.ORDER_ID, JournalColumn.STATE})
#: Characters of a name the Operator column is wide enough for.
_NAME_CHARS = 16
#: Characters a filter combo box keeps when the row is short of room (its list still shows each choice whole).
_COMBO_CHARS = 12

#: The currency with the most minor digits: any amount in the journal can be typed in the amount filter.
_WIDEST_CURRENCY = max(MINOR_UNITS, key=MINOR_UNITS.__getitem__)

_NOT_YET = QT_TRANSLATE_NOOP("JournalTab", "Not available yet: this action arrives in a later version of klogs-desk.")


class JournalTab(QWidget):
    """``JournalTab(services)``. Call :meth:`refresh` after a payment finishes; it also refreshes when
    shown."""

    #: The selected row changed (``None`` when nothing is selected).
    selection_changed = Signal(object)
    #: A CSV was written: (path, number of rows).
    exported = Signal(str, int)
    #: The rows of the current filters are on screen (after every :meth:`refresh`): how many.
    rows_shown = Signal(int)
    #: Internal: a reader-thread answer (generation, future) and a finished export (future), emitted on the
    #: worker thread and so queued to the UI thread.
    _read_finished = Signal(object)
    _export_finished = Signal(object)
    #: "All tills": the manager asked to void / refund the selected payment (a :class:`ShopEntry`).
    shop_void_requested = Signal(object)
    shop_refund_requested = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None, *,
                 gateway_now: Callable[[], dt.datetime] | None = None, shop: ShopService | None = None,
                 receipts: ReceiptPrinter | None = None, config: Config | None = None) -> None:
        super().__init__(parent)
        self.services = services
        #: Where the column choice is kept (the composition root's settings; a tab on its own: the settings file).
        self._config = config or Config()
        #: The shop database (None: this till alone; the scope and till filters are not shown).
        self.shop = shop
        #: The gateway's clock, for its daily settlement cut-off (void before it, refund after it).
        self._gateway_now = gateway_now or (lambda: dt.datetime.now(dt.timezone.utc))
        #: The terminal's receipt printer (the composition root's); a tab on its own uses the settings file.
        self.receipts = receipts or ReceiptPrinter(services, self, config=self._config)
        self.setObjectName("journalTab")
        self._generation = 0
        self._pending_read: Future | None = None  # type: ignore[type-arg]
        self._read_finished.connect(self._show_listing)
        #: A listing read and being shown a few rows per turn (generation, listing, its first page).
        self._applying: tuple[int, Listing, FirstPage] | None = None
        self._apply_timer = QTimer(self, interval=0)
        self._apply_timer.timeout.connect(self._apply_step)
        #: The export in progress.
        self._export: ExportJob | None = None
        self._export_allowed = True
        self._export_finished.connect(self._show_exported)
        self._export_timer = QTimer(self, interval=EXPORT_PROGRESS_MS)
        self._export_timer.timeout.connect(self._show_export_progress)
        #: The seams' handlers and tooltips by button (set_action_handler).
        self._action_handlers: dict[QPushButton, Callable[[Entry], None]] = {}
        self._action_tooltips: dict[QPushButton, str] = {}

        self.search_edit = QLineEdit(objectName="journalSearch", placeholderText=self.tr("Order ID or card last 4"))
        self.search_edit.setClearButtonEnabled(True)
        fit_placeholder(self.search_edit)
        self.amount_edit = QLineEdit(objectName="journalAmount", placeholderText=self.tr("Amount"))
        self.amount_edit.setClearButtonEnabled(True)
        fit_placeholder(self.amount_edit)
        self.amount_edit.setMaximumWidth(120)
        self.state_combo = _CompactCombo(objectName="journalStateFilter")
        for label, states in STATE_FILTERS:
            self.state_combo.addItem(self.tr(label), states)
        self.operator_combo = _CompactCombo(objectName="journalOperatorFilter")
        self.operator_combo.addItem(self.tr("All operators"), None)

        for widget, name in ((self.search_edit, self.tr("Search by order ID or card last four digits")),
                             (self.amount_edit, self.tr("Filter by amount")),
                             (self.state_combo, self.tr("Filter by state")),
                             (self.operator_combo, self.tr("Filter by operator"))):
            widget.setAccessibleName(name)

        # "This till" / "All tills" and the Till filter: only with a shop database.
        self.scope_combo = QComboBox(objectName="journalScope")
        self.scope_combo.addItem(self.tr("This till"), False)
        self.scope_combo.addItem(self.tr("All tills"), True)
        self.scope_combo.setAccessibleName(self.tr("Show this till or all tills"))
        self.till_combo = QComboBox(objectName="journalTillFilter")
        self.till_combo.addItem(self.tr("Every till"), None)
        self.till_combo.setAccessibleName(self.tr("Filter by till"))
        # The tills arrive after the first show: grow to the longest name (a cut "Kasa 2 – I" reads as no till),
        # up to about 30 characters so a very long name cannot push the window wider than the screen.
        self.till_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.till_combo.setMaximumWidth(self.till_combo.fontMetrics().averageCharWidth() * 30 + 40)
        self.scope_combo.setVisible(shop is not None)
        self.till_combo.setVisible(False)

        filters = QHBoxLayout()
        filters.addWidget(self.scope_combo)
        filters.addWidget(self.till_combo)
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.amount_edit)
        filters.addWidget(self.state_combo, 1)
        filters.addWidget(self.operator_combo, 1)
        self._shop_query: object | None = None
        # The rest in turns of their own (warm_up_steps), or when first needed (__getattr__, _finish_building):
        # the dates, buttons and status line; this till's table; its column widths and chooser; the shop's
        # journal (all tills), shown instead of this till's table.
        self._unbuilt: list[Callable[[], None]] = [self._build_rows, self._build_table, self._build_columns, self._build_shop_view]

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        self.scope_combo.currentIndexChanged.connect(self._scope_changed)
        self.till_combo.currentIndexChanged.connect(self.refresh)

        self.search_edit.textChanged.connect(self.refresh)
        self.amount_edit.textChanged.connect(self.refresh)
        self.state_combo.currentIndexChanged.connect(self.refresh)
        self.operator_combo.currentIndexChanged.connect(self.refresh)

    # --- the parts built in turns after the constructor's (_unbuilt) ------------------------------------

    def _build_rows(self) -> None:
        """The dates and the Refresh and Export buttons, the filter's message, the status line and the
        receipt and action buttons (the constructor builds the filters' row: a tab built in one turn was
        ~13-20 ms of UI CPU here)."""
        self.date_check = QCheckBox(self.tr("From"), objectName="journalDateFilter")
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addDays(-30), objectName="journalFrom", calendarPopup=True)
        self.to_edit = QDateEdit(today, objectName="journalTo", calendarPopup=True)
        self.refresh_button = QPushButton(self.tr("Refresh"), objectName="journalRefresh")
        self.export_button = QPushButton(self.tr("Export CSV…"), objectName="journalExport")
        self.cancel_export_button = QPushButton(self.tr("Cancel export"), objectName="journalExportCancel")
        self.cancel_export_button.setAccessibleName(self.tr("Cancel the CSV export"))
        self.cancel_export_button.hide()
        self.cancel_export_button.clicked.connect(self.cancel_export)
        for widget, name in ((self.date_check, self.tr("Filter by date")), (self.from_edit, self.tr("From date")),
                             (self.to_edit, self.tr("To date")), (self.refresh_button, self.tr("Refresh journal")),
                             (self.export_button, self.tr("Export shown rows as CSV"))):
            widget.setAccessibleName(name)
        # Dates and the buttons on a row of their own: on one row the filters made the window 1,350 px wide in
        # Turkish (more with the shop's scope and till), pushing the table's last columns off a 1280 px screen.
        dates = QHBoxLayout()
        dates.addWidget(self.date_check)
        dates.addWidget(self.from_edit)
        self.to_label = QLabel(self.tr("to"))
        dates.addWidget(self.to_label)
        dates.addWidget(self.to_edit)
        dates.addStretch(1)
        dates.addWidget(self.refresh_button)
        dates.addWidget(self.export_button)
        dates.addWidget(self.cancel_export_button)

        self.filter_message = QLabel(objectName="journalFilterMessage")
        self.filter_message.setStyleSheet(f"color: {theme.text_colours().error}")
        self.filter_message.setAccessibleName(self.tr("Filter problem"))
        self.filter_message.hide()
        # Elided with the whole text as tooltip: a long "Receipt saved to <path>" widened the window.
        self.status_label = ElidedLabel(objectName="journalStatus")
        self.status_label.setAccessibleName(self.tr("Journal status"))

        self.receipt_button = QPushButton(self.tr("Receipt…"), objectName="journalReceipt")
        self.receipt_button.setToolTip(self.tr("Preview and print the receipt of the selected payment"))
        self.receipt_pdf_button = QPushButton(self.tr("Save receipt PDF"), objectName="journalReceiptPdf")
        self.receipt_pdf_button.setToolTip(self.tr("Save the receipt of the selected payment as a PDF"))
        self.details_button = QPushButton(self.tr("Details…"), objectName="journalDetails")
        self.void_button = QPushButton(self.tr("Void…"), objectName="journalVoid")
        self.refund_button = QPushButton(self.tr("Refund…"), objectName="journalRefund")
        for button, name in ((self.receipt_button, self.tr("Receipt preview")),
                             (self.receipt_pdf_button, self.tr("Save receipt PDF")),
                             (self.details_button, self.tr("Payment details")),
                             (self.void_button, self.tr("Void payment")), (self.refund_button, self.tr("Refund payment"))):
            button.setAccessibleName(name)
            button.setEnabled(False)
        for button in (self.details_button, self.void_button, self.refund_button):
            button.setToolTip(self.tr(_NOT_YET))
            button.clicked.connect(lambda _=False, b=button: self._run_action(b))
        self.receipt_button.clicked.connect(self._preview_receipt)
        self.receipt_pdf_button.clicked.connect(self._save_receipt_pdf)

        actions = QHBoxLayout()
        actions.addWidget(_GeometryStop(self.status_label), 1)
        for button in (self.receipt_button, self.receipt_pdf_button, self.details_button, self.void_button,
                       self.refund_button):
            actions.addWidget(button)
        self._actions = actions
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addLayout(dates)
        layout.addWidget(self.filter_message)
        layout.addLayout(actions)
        self.date_check.toggled.connect(self._on_date_toggled)
        self.from_edit.dateChanged.connect(self.refresh)
        self.to_edit.dateChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export_csv)
        # Not _on_date_toggled: the tab reads the journal when it is shown (showEvent), not when it is built
        # too (the listing read here was read again at the switch, and applied twice).
        self.from_edit.setEnabled(False)
        self.to_edit.setEnabled(False)

    def _build_table(self) -> None:
        """This till's table: its model, delegates and header."""
        self.model = JournalTableModel(self)
        self.table = RowImageTableView()
        self.table.setObjectName("journalTable")
        self.table.setAccessibleName(self.tr("Journal entries"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # The scroll bar always there: appearing (a listing longer than a screen) it narrowed the viewport
        # a turn after the rows were painted, and every cell was painted again (the Result column elided anew).
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Each row's texts and state badge are drawn once into an image and a paint copies the images, a
        # Python call per row (RowImageDelegate). A row's texts are formatted once and kept with its page; a
        # page not read yet is read in the turn after the paint that wanted it (JournalTableModel.painted_text).
        self._delegate = RowImageDelegate(
            self.table, self.model.painted_texts, self.model.painted_text,
            badge=BadgeDelegate(STATE_COLOURS, self.table, text_of=self.model.painted_text),
            badge_column=JournalColumn.STATE,
            right_aligned=frozenset({JournalColumn.AMOUNT, JournalColumn.BALANCE}))
        self.table.setItemDelegate(self._delegate)
        self.table.paint_rows_with(self._delegate, self.model.formatted_texts)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(JournalColumn.RESULT, QHeaderView.ResizeMode.Stretch)
        # The columns are fitted once per refresh (_fit_columns), to the rows on screen and the next few,
        # not kept fitted (ResizeToContents measures again at every layout: scrolling 100,000 rows asked
        # for hundreds of size hints a frame) nor fitted to every row (Qt's default).
        header.setResizeContentsPrecision(RESIZE_PRECISION)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Who made the row stays on screen: the Result column (long, elided, whole in its tooltip) goes last.
        header.moveSection(header.visualIndex(JournalColumn.OPERATOR), header.visualIndex(JournalColumn.RESULT))
        self._hide_columns_chosen()  # the chooser's menu and the narrow columns' widths: _build_columns
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.model.set_visible_rows(self._visible_rows)  # rows scrolled past are not read (the model's docstring)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.filter_message) + 1, self.table, 1)

    def _visible_rows(self) -> tuple[int, int]:
        """The first and last row of the table on screen (the model fills no other row a paint left empty)."""
        table = self.table
        top, bottom = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
        return max(top, 0), bottom if bottom >= 0 else self.model.rowCount() - 1

    def _build_columns(self) -> None:
        """The Operator and Card columns' widths and the column chooser (which columns are shown)."""
        _narrow_columns(self.table, operator=JournalColumn.OPERATOR, card=JournalColumn.CARD)
        self.column_menu = self._column_chooser()

    def _build_shop_view(self) -> None:
        """The table of the shop's journal (all tills) and its void and refund buttons, hidden until
        "All tills" is chosen."""
        self.shop_model = ShopJournalModel(self)
        self.shop_table = QTableView(objectName="shopJournalTable")
        self.shop_table.setAccessibleName(self.tr("Journal entries of all tills"))
        self.shop_table.setModel(self.shop_model)
        self.shop_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.shop_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.shop_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shop_table.setAlternatingRowColors(True)
        self.shop_table.verticalHeader().hide()
        self.shop_table.setItemDelegateForColumn(ShopColumn.STATE, BadgeDelegate(STATE_COLOURS, self.shop_table))
        self.shop_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.shop_table.horizontalHeader().setSectionResizeMode(ShopColumn.RESULT, QHeaderView.ResizeMode.Stretch)
        shop_header = self.shop_table.horizontalHeader()
        shop_header.moveSection(shop_header.visualIndex(ShopColumn.OPERATOR), shop_header.visualIndex(ShopColumn.RESULT))
        self.shop_table.setWordWrap(False)
        _narrow_columns(self.shop_table, operator=ShopColumn.OPERATOR, card=ShopColumn.CARD)
        self.shop_table.hide()
        self.shop_table.selectionModel().selectionChanged.connect(lambda *_: self._update_shop_buttons())
        self.shop_void_button = QPushButton(self.tr("Void…"), objectName="shopVoid")
        self.shop_void_button.setAccessibleName(self.tr("Void the payment of another till"))
        self.shop_refund_button = QPushButton(self.tr("Refund…"), objectName="shopRefund")
        self.shop_refund_button.setAccessibleName(self.tr("Refund the payment of another till"))
        for button, signal in ((self.shop_void_button, self.shop_void_requested),
                               (self.shop_refund_button, self.shop_refund_requested)):
            button.hide()
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, signal=signal: self._request_shop_action(signal))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.table) + 1, self.shop_table, 1)
        for button in (self.shop_void_button, self.shop_refund_button):
            self._actions.addWidget(button)

    def _finish_building(self) -> None:
        """Build what the constructor left for a later turn (:meth:`warm_up_steps`), if not built yet."""
        while self._unbuilt:
            self._unbuilt.pop(0)()

    def __getattr__(self, name: str) -> Any:
        # Only for attributes not found: the parts built later (_unbuilt), built when first asked for, in
        # order and no further than the part that has it (the column chooser and the shop's view are not
        # built in the turn that first asks for the table).
        if name in _BUILT_LATER:
            unbuilt = self.__dict__.get("_unbuilt")
            while unbuilt and name not in self.__dict__:
                unbuilt.pop(0)()
            if name in self.__dict__:
                return self.__dict__[name]
        raise AttributeError(name)

    # --- public ---------------------------------------------------------------------------------

    def warm_up_steps(self) -> tuple[Callable[[], None], ...]:
        """Steps for the turns after the tab is built and added (hidden) to the window: the parts of the tab
        the constructor left (:meth:`_finish_building`: this till's table, the column widths and chooser,
        the shop's view), one a turn; then the first paint of its filters and buttons, then of its table's header, then of the top
        and the bottom half of its (still empty: the journal is read when the tab is shown) table, each into
        a throw-away pixmap. Painting a widget the first time fills the style's and the fonts' caches;
        without these steps all of it fell in the turn the cashier switched to the Journal
        (``benchmarks/bench_stalls.py``, "switch to the Journal tab"), with the refresh on show. Each step
        is a turn of its own so that neither is a stall itself."""

        def build() -> None:  # one part a turn
            if self._unbuilt:
                self._unbuilt.pop(0)()

        def chrome() -> None:
            if self.isVisible():
                return  # already switched to: painted on screen
            stack = self.parentWidget()
            if stack is not None:
                self.resize(stack.size())  # the size the window's tab area gives it when switched to
            self.layout().activate()
            for widget in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                if widget is not self.table and not widget.isHidden():
                    _paint_off_screen(widget)

        def header() -> None:
            if not self.isVisible() and not self.table.isHidden():
                _paint_off_screen(self.table.horizontalHeader())

        def rows(half: int) -> None:
            viewport = self.table.viewport()
            if self.isVisible() or self.table.isHidden() or viewport.size().isEmpty():
                return
            height = viewport.height() // 2
            part = QRect(0, half * height, viewport.width(), viewport.height() - height if half else height)
            viewport.render(QPixmap(viewport.size()), QPoint(), QRegion(part))

        return (*(build for _ in self._unbuilt), chrome, header, lambda: rows(0), lambda: rows(1))

    # --- the column chooser ------------------------------------------------------------------------

    def _hide_columns_chosen(self) -> None:
        """Hide the columns the settings say (``journal/hidden_columns``; :meth:`_column_chooser`)."""
        hidden = set(self._config.journal_hidden_columns.split(","))
        for column, key in COLUMN_KEYS.items():
            self.table.setColumnHidden(column, key in hidden and column not in _ALWAYS_SHOWN)

    def _column_chooser(self) -> QMenu:
        """The header's context menu: one check per column but Order ID and State, the choice kept in the
        settings (``journal/hidden_columns``; Auth code and Resolution are hidden until chosen: both are in
        Details, and without them the columns a cashier reads fit a 1100 px window). Shown with ``popup``,
        never ``exec``: nothing modal."""
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setToolTip(self.tr("Right-click to choose the columns shown"))
        menu = QMenu(self, objectName="journalColumns")
        for column, key in COLUMN_KEYS.items():
            if column in _ALWAYS_SHOWN:
                continue
            action = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal))
            action.setObjectName(f"journalColumn_{key}")
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda shown, column=column: self.show_column(column, shown))
        header.customContextMenuRequested.connect(lambda pos: menu.popup(header.mapToGlobal(QPoint(pos))))
        return menu

    def show_column(self, column: int, shown: bool) -> None:
        """Show or hide ``column`` (a :class:`JournalColumn`) and remember the choice."""
        self.table.setColumnHidden(column, not shown)
        self._config.journal_hidden_columns = ",".join(
            key for number, key in COLUMN_KEYS.items() if self.table.isColumnHidden(number))

    @property
    def all_tills(self) -> bool:
        """The shop's journal (every till) is shown rather than this till's."""
        return self.shop is not None and bool(self.scope_combo.currentData())

    def show_all_tills(self, all_tills: bool) -> None:
        self.scope_combo.setCurrentIndex(1 if all_tills else 0)

    @Slot()
    def refresh(self) -> None:
        """Re-read the journal with the current filters, keeping the selected row selected. The query runs
        on the journal's reader thread; the rows are shown (and :attr:`rows_shown` emitted) when it ends.
        A newer refresh replaces one not finished yet."""
        self._generation += 1  # also for all tills: this till's listing on its way is not shown then
        generation = self._generation
        if self._pending_read is not None:
            self._pending_read.cancel()  # not started yet: skipped; running: its answer is ignored
        if self.all_tills:
            self._refresh_shop()
            return
        future = self.services.journal.read("listing", first=PAGE_SIZE, **self._filters())
        self._pending_read = future
        future.add_done_callback(lambda done: self._deliver(self._read_finished, (generation, done)))

    def _deliver(self, signal, payload: object) -> None:  # type: ignore[no-untyped-def]  # a Signal instance
        """Hand a worker thread's result to the UI thread: a signal of this widget, emitted on the worker
        thread, is queued to the UI thread's event loop (no Qt object is touched on the worker)."""
        try:
            if shiboken6.isValid(self):
                signal.emit(payload)
        except RuntimeError:  # the tab was deleted meanwhile: nobody is waiting for the answer
            pass

    def _show_listing(self, payload: tuple[int, Future]) -> None:  # type: ignore[type-arg]
        generation, future = payload
        if generation != self._generation or future.cancelled():
            return  # the filters changed since: a newer read is on its way
        if self.services.journal.closed:
            return  # the journal was closed while the read's answer was queued (quitting): nothing to show
        self._pending_read = None
        if (error := future.exception()) is not None:
            RUNNER.report_bug(error)  # a local SQLite read failing is a bug (or a broken disk): say it once
            return
        listing: Listing = future.result()
        self._applying = (generation, listing, self.model.first_page(listing.entries, listing.children))
        self._apply_step()
        if self._applying is not None:
            self._apply_timer.start()

    def _apply_step(self) -> None:
        """One turn's part of showing a listing read: :data:`FORMAT_ROWS_PER_TURN` rows of its first page
        formatted, and once all are, the listing shown (:meth:`_apply_listing`). Formatting the first page,
        fitting the columns to it and the table's paint were one turn (~25 ms with 100,000 rows here);
        now the formatting is spread over turns before it, and the paint is a turn of its own after."""
        if self._applying is None:
            self._apply_timer.stop()
            return
        generation, listing, first = self._applying
        if generation != self._generation or self.services.journal.closed:
            self._applying = None  # the filters changed since (or the journal closed): a newer read is due
            self._apply_timer.stop()
            return
        if not first.formatted:
            first.format(FORMAT_ROWS_PER_TURN, self._prepare_texts)
            return  # shown in a turn of its own after the last rows are formatted (it is followed by the paint)
        self._applying = None
        self._apply_timer.stop()
        self._apply_listing(listing, first)

    def _prepare_texts(self, texts: tuple[str, ...]) -> None:
        """A row's texts laid out for the delegate before its first paint (see :meth:`_apply_step`); the
        columns that elide are left to the paint."""
        self._delegate.prepare((column, texts[column]) for column in _PREPARED_COLUMNS)

    def _apply_listing(self, listing: Listing, first: FirstPage) -> None:
        selected = self.selected_entry()
        self._fill_operators(listing.operators)
        journal = self.services.journal
        self.model.set_ids(listing.ids, lambda ids: (journal.entries(ids), journal.children_of(ids)), first)
        shown = len(listing.ids)
        self.status_label.setText(self.tr("1 transaction") if shown == 1
                                  else self.tr("{count} transactions").format(count=shown))
        if selected is not None and (row := self.model.row_of(selected.id)) is not None:
            self.table.selectRow(row)
        self._fit_columns()
        self._update_buttons()
        self.rows_shown.emit(shown)

    # --- all tills (the shop database) -------------------------------------------------------------

    def _scope_changed(self) -> None:
        self._finish_building()
        shop = self.all_tills
        self.table.setVisible(not shop)
        self.shop_table.setVisible(shop)
        self.till_combo.setVisible(shop)
        for widget in (self.receipt_button, self.receipt_pdf_button, self.details_button, self.void_button,
                       self.refund_button, self.export_button):
            widget.setVisible(not shop)
        self.shop_void_button.setVisible(shop)
        self.shop_refund_button.setVisible(shop)
        self.refresh()

    def _refresh_shop(self) -> None:
        """Read the shop's journal in the background; the status line says when it cannot be reached."""
        shop = self.shop
        assert shop is not None
        till = self.till_combo.currentData()
        filters = self._filters()  # the dates are asked of the database (before the row limit), the rest below
        since, until = filters["since"], filters["until"]
        self.status_label.setText(self.tr("Reading the shop database…"))

        async def read() -> tuple[list[str], list[ShopEntry], dict] | None:  # type: ignore[type-arg]
            try:
                rows, balances = await shop.journal_view(till=till, since=since, until=until, limit=SHOP_ROW_LIMIT)
                return await shop.tills(), rows, balances
            except ShopUnavailable:
                return None

        generation = self._generation

        def show(result) -> None:  # type: ignore[no-untyped-def]  # what read() returns
            # Reads may end out of order: an answer older than the newest filters is dropped (it showed
            # a range's rows after the dates had been narrowed).
            if generation == self._generation:
                self._show_shop(result)

        self._shop_query = run_query(self.shop_table, read(), on_success=show, busy_cursor=False, owner=self)

    def _show_shop(self, result) -> None:  # type: ignore[no-untyped-def]  # the tuple read() above returns, or None
        if result is None:
            self.status_label.setText(render(msg("shop.unreachable")))
            return
        tills, rows, balances = result
        shown = [self.till_combo.itemData(i) for i in range(1, self.till_combo.count())]
        if tills != shown:
            chosen = self.till_combo.currentData()
            self.till_combo.blockSignals(True)
            while self.till_combo.count() > 1:
                self.till_combo.removeItem(1)
            for name in tills:
                self.till_combo.addItem(name, name)
            self.till_combo.setCurrentIndex(max(0, self.till_combo.findData(chosen)) if chosen else 0)
            self.till_combo.blockSignals(False)
        # The till's filters, on the rows read (at most SHOP_ROW_LIMIT, dates already applied by the database):
        # order ID or last four digits, state, amount's value, operator (the list: whoever made a row read).
        self._fill_operators(sorted({r.entry.operator for r in rows if r.entry.operator}))
        text = self.search_edit.text().strip().casefold()
        states = self.state_combo.currentData()
        amount = self._amount_filter()
        operator = self.operator_combo.currentData()
        rows = [r for r in rows if (not text or text in r.entry.reference.casefold()
                                    or (r.entry.masked_pan or "").endswith(text[-4:]))
                and (states is None or r.entry.state in states)
                and (amount is None or r.entry.amount == amount)
                and (not operator or r.entry.operator == operator)]
        self.shop_model.set_rows(rows, balances)
        self.status_label.setText(self.tr("1 transaction") if len(rows) == 1
                                  else self.tr("{count} transactions").format(count=len(rows)))
        self._update_shop_buttons()

    def selected_shop_entry(self) -> ShopEntry | None:
        rows = self.shop_table.selectionModel().selectedRows()
        return self.shop_model.row(rows[0].row()) if rows else None

    def _update_shop_buttons(self) -> None:
        rows = self.shop_table.selectionModel().selectedRows()
        now = self._gateway_now()
        balance = self.shop_model.balance(rows[0].row()) if rows else None
        payment = balance is not None and balance.entry.parent_id is None and balance.entry.parent_till is None
        self.shop_void_button.setEnabled(bool(payment and balance and balance.void_allowed(now)))
        self.shop_refund_button.setEnabled(bool(payment and balance and balance.refund_allowed(now)))

    def _request_shop_action(self, signal) -> None:  # type: ignore[no-untyped-def]  # one of the shop_*_requested signals
        chosen = self.selected_shop_entry()
        if chosen is not None:
            signal.emit(chosen)

    def _fill_operators(self, names: list[str]) -> None:
        """The operator filter lists everyone who made a row here; the chosen one stays chosen."""
        shown = [self.operator_combo.itemData(i) for i in range(1, self.operator_combo.count())]
        if names == shown:
            return
        chosen = self.operator_combo.currentData()
        self.operator_combo.blockSignals(True)
        while self.operator_combo.count() > 1:
            self.operator_combo.removeItem(1)
        for name in names:
            self.operator_combo.addItem(name, name)
        self.operator_combo.setCurrentIndex(max(0, self.operator_combo.findData(chosen)) if chosen else 0)
        self.operator_combo.blockSignals(False)

    def set_manager_rights(self, manager: bool) -> None:
        """CSV export is a manager's; a cashier sees the button disabled with the reason."""
        self._export_allowed = manager
        self.export_button.setEnabled(manager and self._export is None)
        why = "" if manager else self.tr("Only a manager may export the journal.")
        self.export_button.setToolTip(why)
        self.export_button.setAccessibleDescription(why)

    def selected_entry(self) -> Entry | None:
        table = self.__dict__.get("table")
        if table is None:
            # Not built yet (_unbuilt): nothing is selected. Asking for the table built it, and the rest of the
            # tab with it, in the turn of the composition root that gives the tab its actions
            # (set_action_handler -> _update_buttons), ~25 ms in one turn.
            return None
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        return self.model.entry(rows[0].row()) if rows else None

    def set_action_handler(self, action: str, handler: Callable[[Entry], None], tooltip: str = "") -> None:
        """Give life to a seam: ``action`` is ``"details"``, ``"void"`` or ``"refund"``. The button calls
        ``handler(entry)``; it is enabled when a row is selected and (void, refund) the action is possible on
        it now (a void before the gateway's daily settlement, a refund after; see ``domain/balances.py``)."""
        button = {"details": self.details_button, "void": self.void_button, "refund": self.refund_button}[action]
        self._action_handlers[button] = handler
        self._action_tooltips[button] = tooltip
        button.setToolTip(tooltip)
        self._update_buttons()

    @Slot()
    def export_csv(self) -> Path | None:
        """Write the rows shown now (every row matching the filters) to a CSV file the cashier chooses, in
        the export's own process: the status line counts the rows written, "Cancel export" stops it (no
        file is written), and :attr:`exported` is emitted when the file is complete. Returns the path (the
        export has started), or ``None`` when no file was chosen or an export is already running."""
        if self._export is not None:
            return None
        default = paths.app_home() / f"journal-{dt.date.today().isoformat()}.csv"
        target = self.choose_export_path(default)
        if not target:
            return None
        job = self._export = self.services.journal.export_in_background(target, self._filters())
        self.export_button.setEnabled(False)
        self.cancel_export_button.show()
        self.cancel_export_button.setEnabled(True)
        self._show_export_progress()
        self._export_timer.start()
        job.future.add_done_callback(lambda done: self._deliver(self._export_finished, done))
        return Path(target)

    def cancel_export(self) -> None:
        """Stop the export in progress (no file is written)."""
        if self._export is not None:
            self._export.cancel()
            self.cancel_export_button.setEnabled(False)

    def _show_export_progress(self) -> None:
        done, total = self._export.progress if self._export is not None else (0, 0)
        self.status_label.setText(self.tr("Exporting… {done} of {total} transactions").format(done=done, total=total))

    def _show_exported(self, future: Future) -> None:  # type: ignore[type-arg]
        assert self._export is not None
        target = self._export.target
        self._export = None
        self._export_timer.stop()
        self.cancel_export_button.hide()
        self.export_button.setEnabled(self._export_allowed)
        error = future.exception()
        if isinstance(error, ExportCancelled):
            self.status_label.setText(self.tr("Export cancelled: no file was written."))
            return
        if isinstance(error, ExportFailed):
            self.status_label.setText(render(error.msg))
            return
        if error is not None:
            RUNNER.report_bug(error)
            return
        count = future.result()
        self.status_label.setText((self.tr("Exported 1 transaction to {path}") if count == 1 else
                                   self.tr("Exported {count} transactions to {path}")).format(count=count, path=target))
        self.services.audit.record(CSV_EXPORT, details={"rows": count, "file": target.name})
        self.exported.emit(str(target), count)

    # --- dialogs (replaced in tests) ------------------------------------------------------------

    def choose_export_path(self, default: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, "Export journal", str(default), "CSV files (*.csv)")
        return Path(name) if name else None

    # --- internals --------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override: event is a QShowEvent, only passed on
        self._finish_building()
        super().showEvent(event)
        self.refresh()

    def _filters(self) -> dict[str, Any]:
        """The filters as :meth:`Journal.matching_ids` takes them (what is shown, and what is exported)."""
        since = until = None
        if self.date_check.isChecked():
            since = _local_midnight(self.from_edit.date())
            until = _local_midnight(self.to_edit.date().addDays(1))
        return {"environment": self.services.environment, "text": self.search_edit.text().strip() or None,
                "states": self.state_combo.currentData(), "since": since, "until": until,
                "operator": self.operator_combo.currentData(), "amount": self._amount_filter()}

    def _fit_columns(self) -> None:
        """Fit the columns to the first :data:`RESIZE_PRECISION` rows (the first page, read with the ids and
        formatted before the listing is shown), from the texts the model keeps. Not to the rows on screen: a
        table scrolled down keeps its scroll position across a refresh, search or filter, and fitting to the
        rows there read and formatted a page on the UI thread in the turn that showed the listing (~8 ms
        after the 50 jumps of bench_stalls.py); the rows of every page read alike (times, order IDs, amounts).
        Measuring the text's advance: Qt's own fitting lays every cell's text out through the style (~40 ms for
        500 cells) where measuring the text's advance is enough for one line of plain text. The state
        column is as wide as its badges' delegate asks for the widest state words (:func:`badge_width`,
        what ``resizeColumnToContents`` gave, without a Python ``sizeHint`` and two ``data`` calls a row)."""
        header = self.table.horizontalHeader()
        # The texts laid out before the listing was shown are measured already.
        advance = self._delegate.advance_of(self.table.font(), self.table.fontMetrics())
        rows = range(min(self.model.rowCount(), RESIZE_PRECISION))
        for column in range(self.model.columnCount()):
            if column in (JournalColumn.RESULT, JournalColumn.OPERATOR, JournalColumn.CARD):
                continue  # Result stretched to what is left; Operator and Card kept narrow (_narrow_columns)
            if self.table.isColumnHidden(column):
                continue
            texts = {self.model.display_text(row, column) for row in rows}  # kinds, states, cards repeat
            widest = max((advance(text) for text in texts if text), default=0)
            if column == JournalColumn.STATE:  # badges: as wide as their delegate asks for the widest words
                grid = 1 if self.table.showGrid() else 0  # what QTableView.sizeHintForColumn adds
                header.resizeSection(column, max(header.sectionSizeHint(column), badge_width(widest) + grid))
                continue
            header.resizeSection(column, max(header.sectionSizeHint(column), widest + 2 * MARGIN + _FIT_SLACK))

    def _amount_filter(self) -> Decimal | None:
        text = self.amount_edit.text().strip()
        if not text:
            self.filter_message.hide()
            return None
        try:
            amount = parse_amount(text, _WIDEST_CURRENCY, number_style(self.locale()))
        except AmountError as exc:
            self.filter_message.setText(self.tr("Amount filter not applied: {reason}").format(
                reason=render(exc.msg)))
            self.filter_message.show()
            return None
        self.filter_message.hide()
        return amount

    @Slot(bool)
    def _on_date_toggled(self, checked: bool) -> None:
        self.from_edit.setEnabled(checked)
        self.to_edit.setEnabled(checked)
        self.refresh()

    def _on_selection_changed(self, *_args) -> None:  # type: ignore[no-untyped-def]  # slot for selectionChanged; its arguments are unused
        self._update_buttons()
        self.selection_changed.emit(self.selected_entry())

    def _update_buttons(self) -> None:
        selected = self.selected_entry() is not None
        self.receipt_button.setEnabled(selected)
        self.receipt_pdf_button.setEnabled(selected)
        entry = self.selected_entry()
        for button in (self.details_button, self.void_button, self.refund_button):
            button.setEnabled(selected and button in self._action_handlers)
        if entry is None:
            return
        # Offer only what is possible: a void before the daily settlement, a refund after it.
        void_allowed, refund_allowed, settled = self._possible(entry)
        for button, allowed, why_not in (
                (self.void_button, void_allowed,
                 self.tr("Settled at the daily cut-off (00:00 UTC): refund it instead.") if settled else
                 self.tr("This row cannot be voided.")),
                (self.refund_button, refund_allowed,
                 self.tr("Not settled until the daily cut-off (00:00 UTC): void it instead.") if not settled
                 else self.tr("Nothing of this row can be refunded."))):
            if button in self._action_handlers:
                button.setEnabled(allowed)
                button.setToolTip(self._action_tooltips.get(button, "") if allowed else why_not)

    def _possible(self, entry: Entry) -> tuple[bool, bool, bool]:
        """(void allowed, refund allowed, settled) for the selected row, from the journal and the gateway's
        clock. A capture row is voided through its pre-authorization."""
        journal, now = self.services.journal, self._gateway_now()
        voided = entry
        if entry.kind is EntryKind.CAPTURE and entry.parent_id is not None:
            voided = journal.get(entry.parent_id)
        void_balance = Balance.of(voided, journal.children(voided.id))
        balance = Balance.of(entry, journal.children(entry.id))
        settled = balance.settled(now) if entry.kind is not EntryKind.PREAUTH or balance.captured else False
        return void_balance.void_allowed(now), balance.refund_allowed(now), settled

    def _run_action(self, button: QPushButton) -> None:
        entry, handler = self.selected_entry(), self._action_handlers.get(button)
        if entry is not None and handler is not None:
            handler(entry)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if self.details_button in self._action_handlers:
            self._action_handlers[self.details_button](self.model.entry(index.row()))

    def _preview_receipt(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.receipts.preview(entry)

    def _save_receipt_pdf(self) -> None:
        entry = self.selected_entry()
        if entry is not None:  # asks where; the status says where it went, as a link to the folder
            self.receipts.save_pdf_asking(entry, self.status_label)


def _paint_off_screen(widget: QWidget) -> None:
    """Paint ``widget`` into a pixmap nobody shows (what its first paint on screen would fill: caches)."""
    if not widget.size().isEmpty():
        widget.render(QPixmap(widget.size()))


def _local_midnight(date: QDate) -> dt.datetime:
    """The start of ``date`` in the cashier's time zone, as an aware datetime."""
    return dt.datetime(date.year(), date.month(), date.day()).astimezone()


class _GeometryStop(QWidget):
    """Holds ``child``, filling it, and keeps the child's geometry updates to itself.

    Why: every text the status line shows (a listing's count, an export's progress ten times a second)
    asks for a new layout (``QLabel.setText`` calls ``updateGeometry``); the tab's layout passed it on to
    the window's ``QTabWidget``, which repaints all of itself on a layout request: every widget of the tab
    painted again (~4 ms here) in the turn after each listing. This widget has no layout, so the request
    stops here; it is as tall as the child asks and takes the width its own layout gives it."""

    def __init__(self, child: QWidget) -> None:
        super().__init__()
        child.setParent(self)
        self._child = child
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return self._child.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._child.minimumSizeHint()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # a QResizeEvent, unused
        self._child.setGeometry(self.rect())


class _CompactCombo(QComboBox):
    """A filter combo box that shrinks to :data:`_COMBO_CHARS` characters when the filter row is short of
    room (its longest choice made the window wider than 1100 px in Turkish); its list still shows every
    choice whole, made wide enough when it opens. Not when the tab is built: asking the combo box for its
    list view builds Qt's private popup classes, and handing them to the style's Python ``polish`` made
    PySide6 build their enum types, ~20 ms of the turn that built the tab (``bench_stalls.py``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(_COMBO_CHARS)

    def showPopup(self) -> None:
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 24)
        super().showPopup()


def _narrow_columns(table: QTableView, *, operator: int, card: int) -> None:
    """Operator as wide as a name, not as "Mehmet Yılmaz, approved by Ayşe Öztürk", and Card as a masked
    number with a short brand ("542119******0656 Visa"; "Mastercard" is elided): fitted to their longest
    texts, the two pushed the last columns off a 1100 px window. Both elide at the right, whole in the
    tooltip, and the cashier can drag them wider."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    room = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 8
    widths = {operator: metrics.averageCharWidth() * _NAME_CHARS,
              card: metrics.horizontalAdvance("000000******0000 Visa") + room}
    for column, width in widths.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, max(header.sectionSizeHint(column), width))
