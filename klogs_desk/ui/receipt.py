"""Receipts for journal entries: preview, print, or save as PDF.

A receipt is built as HTML from the journal :class:`Entry` alone, so it can only ever show what the
journal holds: the masked PAN (first six, last four), never the full number or the CVV. Voids, refunds
and captures are child rows; when a child has no card of its own the card of its parent is shown.

Paper: an 80 mm roll (thermal counter printers; the default) or an A4 sheet, chosen in the preview
("Paper:", objectName ``receiptPaper``) and remembered in :class:`klogs_desk.config.Config`
(``receipt/paper``); previews, prints and PDFs use it. On the roll the page is 80 mm wide with 4 mm margins,
as long as the receipt, and the document is laid out at the 72 mm it is printed on (9 pt text), so nothing is
a scaled-down A4 page. A receipt for an entry still pending or unknown says so in large letters instead of
pretending the payment went through.

Saving a PDF ("Save as PDF" in the preview, "Save receipt PDF" in the journal) asks where
(:meth:`ReceiptPrinter.choose_pdf_path`, tests replace it), starting in the folder used last
(``receipt/folder``, else :func:`klogs_desk.paths.receipts_dir`) with the name
``<kind>-<order id>-<entry id>.pdf`` made safe for every file system; cancelling writes nothing. Afterwards
the status says where, as a link that opens the folder. Files are 0600.

The preview (the "Receipt…" button after a sale, a capture, a void or a refund, or in the journal) is Qt's
print preview with its Print button (the system print dialog) plus the paper choice and "Save as PDF", so a
cashier gets all three from the one button.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QAction, QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QToolBar, QWidget

from .. import paths
from ..config import RECEIPT_PAPERS, Config
from ..domain.journal import Entry, EntryState
from ..services.audit import RECEIPT_PDF, RECEIPT_PRINT
from ..services.context import AppServices
from . import theme
from .fit import ElidedLabel
from .journal_model import REFUNDED, VOIDED, kind_text, local_time_text, returned_text, row_key, row_state_text
from .messages import render, render_result
from .money_text import money_text

TRAINING_BANNER = QT_TRANSLATE_NOOP("Receipt", "TRAINING — NOT A REAL PAYMENT")
#: Each paper as the preview's choice names it.
PAPER_NAMES = {"80mm": QT_TRANSLATE_NOOP("Receipt", "80 mm receipt"), "a4": QT_TRANSLATE_NOOP("Receipt", "A4")}
ROLL_WIDTH_MM = 80.0
ROLL_MARGIN_MM = 4.0
SHEET_MARGIN_MM = 12.0
#: The shortest roll receipt (a short receipt still tears off cleanly).
ROLL_MIN_HEIGHT_MM = 60.0
#: Text size (pt) of the body, the merchant, the amount, the result and the training banner on each paper.
_FONT_PT = {"80mm": {"body": 9, "merchant": 11, "amount": 15, "state": 12, "banner": 11},
            "a4": {"body": 11, "merchant": 13, "amount": 18, "state": 14, "banner": 14}}
#: QTextDocument lays out in logical pixels at this resolution.
_DOCUMENT_DPI = 96.0
_MM_PER_INCH = 25.4
translate = QCoreApplication.translate

#: Environments whose payments move no real money.
TRAINING_ENVIRONMENTS = frozenset({"sandbox", "test"})

#: The result line's colour: the theme's text shade for paper (a light background in any theme).
_RESULT_COLOURS = {EntryState.APPROVED: theme.APPROVED.light, EntryState.DECLINED: theme.DECLINED.light,
                   EntryState.ERROR: theme.DECLINED.light, EntryState.UNKNOWN: theme.UNKNOWN.light}


def write_pdf(document: QTextDocument, target: Path, title: str,
              page: QPageSize.PageSizeId = QPageSize.PageSizeId.A5, layout: QPageLayout | None = None) -> Path:
    """Write ``document`` as a PDF at ``target`` (0600, its folder created) and return the path, on
    ``layout`` or else ``page`` with 12 mm margins. Shared by receipts and the shift and day reports (A4)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    paths.private_file(target)  # 0600 before Qt opens it (Qt keeps an existing file's mode)
    writer = QPdfWriter(str(target))
    writer.setTitle(title)
    writer.setCreator("klogs-desk")
    writer.setPageLayout(layout or QPageLayout(QPageSize(page), QPageLayout.Orientation.Portrait,
                                               QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    document.print_(writer)
    del writer  # finishes the file
    paths.narrow(target)
    return target


def ask_printer(printer: QPrinter, parent: QWidget | None, title: str) -> bool:
    """The system print dialog for ``printer``; False when the cashier cancelled."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return dialog.exec() == QDialog.DialogCode.Accepted


class ReceiptPrinter:
    """Makes receipts. The composition root builds one for the terminal and gives it to every tab that
    offers receipts, so the paper and folder chosen in one tab are the ones the next tab uses.

    ``config`` remembers the paper and the folder (the caller's settings: this class never opens the
    settings file itself). ``parent`` owns the dialogs; without one (the terminal's shared printer) they
    belong to the window active when the cashier asked, so a receipt asked for from a dialog stays above it.
    ``run_preview_dialog``, ``run_print_dialog`` and ``choose_pdf_path`` are the only places a modal dialog
    opens; tests replace them.
    """

    def __init__(self, services: AppServices, parent: QWidget | None = None, *, config: Config) -> None:
        self.services = services
        self.parent = parent
        self.config = config

    def dialog_parent(self) -> QWidget | None:
        """The widget the receipt's dialogs belong to: ``parent``, else the active window."""
        return self.parent if self.parent is not None else QApplication.activeWindow()

    # --- paper ----------------------------------------------------------------------------------

    @property
    def paper(self) -> str:
        """``"80mm"`` or ``"a4"``, as last chosen."""
        return str(self.config.receipt_paper)

    @paper.setter
    def paper(self, paper: str) -> None:
        self.config.receipt_paper = paper

    def printable_width_mm(self, paper: str | None = None) -> float:
        if (paper or self.paper) == "a4":
            return QPageSize(QPageSize.PageSizeId.A4).size(QPageSize.Unit.Millimeter).width() - 2 * SHEET_MARGIN_MM
        return ROLL_WIDTH_MM - 2 * ROLL_MARGIN_MM

    def page_layout(self, document: QTextDocument, paper: str | None = None) -> QPageLayout:
        """The page for ``document`` (from :meth:`document`) on ``paper``: A4, or the 80 mm roll cut as long
        as the receipt (the document's page height plus the margins)."""
        if (paper or self.paper) == "a4":
            return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                               QMarginsF(*[SHEET_MARGIN_MM] * 4), QPageLayout.Unit.Millimeter)
        height = document.pageSize().height() / _DOCUMENT_DPI * _MM_PER_INCH + 2 * ROLL_MARGIN_MM
        size = QPageSize(QSizeF(ROLL_WIDTH_MM, height), QPageSize.Unit.Millimeter,
                         translate("Receipt", PAPER_NAMES["80mm"]), QPageSize.SizeMatchPolicy.ExactMatch)
        return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(*[ROLL_MARGIN_MM] * 4),
                           QPageLayout.Unit.Millimeter)

    # --- content --------------------------------------------------------------------------------

    def card_of(self, entry: Entry) -> tuple[str | None, str | None]:
        """The (masked PAN, brand) to print: the entry's own, else its parent's (voids, refunds)."""
        if entry.masked_pan or entry.parent_id is None:
            return entry.masked_pan, entry.card_brand
        try:
            parent = self.services.journal.get(entry.parent_id)
        except KeyError:
            return None, None
        return parent.masked_pan, parent.card_brand

    def html(self, entry: Entry, locale: QLocale | None = None, paper: str | None = None) -> str:
        locale = locale or QLocale()
        pt = _FONT_PT[paper or self.paper]
        esc = html.escape
        masked, brand = self.card_of(entry)
        rows = [
            (translate("Receipt", "Date"), local_time_text(entry.created_at, locale)),
            (translate("Receipt", "Transaction"), kind_text(entry.kind)),
            (translate("Receipt", "Order ID"), entry.reference),
        ]
        if masked:
            rows.append((translate("Receipt", "Card"), f"{masked} {brand}" if brand else masked))
        if entry.card_holder:
            rows.append((translate("Receipt", "Card holder"), entry.card_holder))
        if (entry.installment_count or 0) > 1:
            rows.append((translate("Receipt", "Installments"), str(entry.installment_count)))
        if entry.auth_code:
            rows.append((translate("Receipt", "Auth code"), entry.auth_code))
        if entry.payment_id:
            rows.append((translate("Receipt", "Payment ID"), entry.payment_id))
        table = "".join(f"<tr><td style='color:#555;padding-right:8px'>{esc(k)}</td>"
                        f"<td><b>{esc(v)}</b></td></tr>" for k, v in rows)
        returned = row_key(entry) in (VOIDED, REFUNDED)
        # A void or refund is money going back, not a new approved charge: never in the approved green.
        colour = "#333333" if returned else _RESULT_COLOURS.get(entry.state, "#333333")
        state_words = row_state_text(entry)
        message = returned_text(entry, locale) if returned else render_result(entry.result_message)
        if entry.state is EntryState.UNKNOWN:
            message = translate("Receipt", "No answer from the gateway. Check this payment before charging again.")
        banner = translate("Receipt", TRAINING_BANNER)
        parts = ["<html><body style='font-family:sans-serif'>"]
        if self.services.environment in TRAINING_ENVIRONMENTS:
            parts.append(f"<p align='center' style='font-size:{pt['banner']}pt;color:{theme.DECLINED.light}'><b>{esc(banner)}</b></p>")
        merchant = self.services.merchant_line or translate("Receipt", "Klogs merchant")
        parts.append(f"<p align='center' style='font-size:{pt['merchant']}pt'><b>{esc(merchant)}</b></p>")
        parts.append(f"<table cellspacing='2' width='100%'>{table}</table>")
        parts.append(f"<p align='center' style='font-size:{pt['amount']}pt'><b>{esc(money_text(entry.amount, entry.currency, locale))}"
                     "</b></p>")
        parts.append(f"<p align='center' style='font-size:{pt['state']}pt;color:{colour}'><b>{esc(state_words)}"
                     "</b></p>")
        if message and message.casefold() != state_words.casefold():
            parts.append(f"<p align='center'>{esc(message)}</p>")
        if entry.resolution:
            parts.append("<p align='center' style='color:#555'>"
                         + esc(translate("Receipt", "Resolved: {resolution}").format(
                             resolution=render(entry.resolution)))
                         + "</p>")
        if self.services.environment in TRAINING_ENVIRONMENTS:
            parts.append(f"<p align='center' style='color:{theme.DECLINED.light}'><b>{esc(banner)}</b></p>")
        parts.append("</body></html>")
        return "".join(parts)

    def document(self, entry: Entry, paper: str | None = None) -> QTextDocument:
        """The receipt laid out at the printable width of ``paper`` (default: the chosen one), so it prints
        at its own text size instead of being scaled to the page."""
        paper = paper or self.paper
        document = QTextDocument()
        font = QFont(document.defaultFont())
        font.setPointSizeF(_FONT_PT[paper]["body"])
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        document.setHtml(self.html(entry, paper=paper))
        width = self.printable_width_mm(paper) / _MM_PER_INCH * _DOCUMENT_DPI
        document.setTextWidth(width)
        if paper == "a4":
            height_mm = QPageSize(QPageSize.PageSizeId.A4).size(QPageSize.Unit.Millimeter).height() - 2 * SHEET_MARGIN_MM
        else:  # the roll: as long as the receipt, with room to spare (never a second page)
            content_mm = document.size().height() / _DOCUMENT_DPI * _MM_PER_INCH
            height_mm = max(ROLL_MIN_HEIGHT_MM - 2 * ROLL_MARGIN_MM, round(content_mm * 1.1 + 4))
        # A page size of exactly the printable area: Qt prints a paginated document scaled 1:1 to that area
        # (an unpaginated one would get Qt's own 2 cm margins inside the 72 mm).
        document.setPageSize(QSizeF(width, height_mm / _MM_PER_INCH * _DOCUMENT_DPI))
        return document

    # --- output ---------------------------------------------------------------------------------

    def default_pdf_path(self, entry: Entry) -> Path:
        """The file name offered for ``entry``, in the folder used last (else the receipts folder)."""
        safe_reference = re.sub(r"[^A-Za-z0-9_.-]", "_", entry.reference)[:64]
        last = Path(self.config.receipt_folder) if self.config.receipt_folder else None
        folder = last if last is not None and last.is_dir() else paths.receipts_dir()
        return folder / f"{entry.kind.value}-{safe_reference}-{entry.id}.pdf"

    def save_pdf(self, entry: Entry, path: Path | str | None = None) -> Path:
        """Write the receipt as a PDF on the chosen paper (default: :meth:`default_pdf_path`) and return its
        path."""
        document = self.document(entry)
        target = write_pdf(document, Path(path) if path else self.default_pdf_path(entry),
                           translate("Receipt", "Receipt {order_id}").format(order_id=entry.reference),
                           layout=self.page_layout(document))
        self._audit(RECEIPT_PDF, entry, "pdf")
        return target

    def save_pdf_asking(self, entry: Entry, status: ElidedLabel) -> Path | None:
        """Ask where (:meth:`choose_pdf_path`), save, and say in ``status`` where, as a link that opens the
        folder; None when the cashier cancelled (nothing written) or the file could not be written."""
        target = self.choose_pdf_path(self.default_pdf_path(entry))
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            path = self.save_pdf(entry, target)
        except OSError as exc:
            status.setText(translate("Receipt", "Could not save the receipt: {reason}.").format(
                reason=exc.strerror or exc))
            return None
        self.config.receipt_folder = str(path.parent)
        status.set_link(translate("Receipt", "Receipt saved to {path}").format(path=path),
                        QUrl.fromLocalFile(str(path.parent)))
        return path

    def preview(self, entry: Entry) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.fit_printer(printer, entry)
        self._entry_in_preview = entry
        self._audit(RECEIPT_PRINT, entry, "preview")
        try:
            self.run_preview_dialog(printer, lambda target: self.document(entry).print_(target))
        finally:
            self._entry_in_preview = None

    def preview_dialog(self, printer: QPrinter, paint, entry: Entry | None = None) -> QPrintPreviewDialog:  # type: ignore[no-untyped-def]  # paint is the slot for QPrintPreviewDialog.paintRequested
        """The preview dialog (not yet shown): Qt's preview with Print, plus for ``entry`` the paper choice
        (objectName ``receiptPaper``, re-renders the page and is remembered) and "Save as PDF" (objectName
        ``receiptSavePdf``); after saving, ``receiptSaved`` (a label under the page) says where."""
        dialog = QPrintPreviewDialog(printer, self.dialog_parent())
        dialog.setWindowTitle(translate("Receipt", "Receipt preview"))
        dialog.paintRequested.connect(paint)
        toolbar = dialog.findChild(QToolBar)
        if entry is not None and toolbar is not None and dialog.layout() is not None:
            self.fit_printer(printer, entry)
            saved = ElidedLabel(parent=dialog, objectName="receiptSaved")  # a long path must not widen it
            saved.setAccessibleName(translate("Receipt", "Where the receipt was saved"))
            saved.setContentsMargins(8, 4, 8, 6)
            saved.hide()
            dialog.layout().addWidget(saved)
            paper_label = QLabel(translate("Receipt", "Paper:"), dialog)
            paper = QComboBox(dialog, objectName="receiptPaper")
            paper.setAccessibleName(translate("Receipt", "Receipt paper"))
            for key in RECEIPT_PAPERS:
                paper.addItem(translate("Receipt", PAPER_NAMES[key]), key)
            paper.setCurrentIndex(RECEIPT_PAPERS.index(self.paper))
            paper_label.setBuddy(paper)
            paper.currentIndexChanged.connect(
                lambda _index: self._change_paper(str(paper.currentData()), entry, printer, dialog))
            # Its own row under the page: in Qt's toolbar a narrow window hid it behind the "»" overflow menu.
            options = QWidget(dialog, objectName="receiptOptions")
            row = QHBoxLayout(options)
            row.setContentsMargins(8, 4, 8, 0)
            row.addWidget(paper_label)
            row.addWidget(paper)
            row.addStretch(1)
            dialog.layout().addWidget(options)
            save = QAction(translate("Receipt", "Save as PDF"), dialog, objectName="receiptSavePdf")
            save.setToolTip(translate("Receipt", "Save this receipt as a PDF file"))
            save.triggered.connect(lambda: self._save_from_preview(entry, saved))
            toolbar.addSeparator()
            toolbar.addAction(save)
        return dialog

    def fit_printer(self, printer: QPrinter, entry: Entry) -> None:
        """Put ``printer`` on the chosen paper, cut to the length of ``entry``'s receipt."""
        printer.setPageLayout(self.page_layout(self.document(entry)))

    def _change_paper(self, paper: str, entry: Entry, printer: QPrinter, dialog: QPrintPreviewDialog) -> None:
        self.paper = paper
        self.fit_printer(printer, entry)
        view = dialog.findChild(QPrintPreviewWidget)
        if view is not None:
            view.updatePreview()

    def _save_from_preview(self, entry: Entry, saved: ElidedLabel) -> None:
        if self.save_pdf_asking(entry, saved) is not None or saved.text():
            saved.show()

    def print(self, entry: Entry) -> bool:
        """Ask for a printer and print; False when the cashier cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.fit_printer(printer, entry)
        if not self.run_print_dialog(printer):
            return False
        self.document(entry).print_(printer)
        self._audit(RECEIPT_PRINT, entry, "printer")
        return True

    def _audit(self, action: str, entry: Entry, output: str) -> None:
        self.services.audit.record(action, details={"order_id": entry.reference, "entry_id": entry.id,
                                                    "output": output})

    # --- dialogs (replaced in tests) ----------------------------------------------------------------

    def run_preview_dialog(self, printer: QPrinter, paint) -> None:  # type: ignore[no-untyped-def]  # paint is the slot for QPrintPreviewDialog.paintRequested
        self.preview_dialog(printer, paint, getattr(self, "_entry_in_preview", None)).exec()

    def run_print_dialog(self, printer: QPrinter) -> bool:
        return ask_printer(printer, self.dialog_parent(), translate("Receipt", "Print receipt"))

    def choose_pdf_path(self, default: Path) -> Path | None:
        """Where to save the receipt PDF, starting at ``default``; None when the cashier cancelled."""
        chosen, _filter = QFileDialog.getSaveFileName(self.dialog_parent(), translate("Receipt", "Save receipt PDF"),
                                                      str(default), translate("Receipt", "PDF files (*.pdf)"))
        return Path(chosen) if chosen else None
