"""Receipts for journal entries: preview, print, or save as PDF.

A receipt is built as HTML from the journal :class:`Entry` alone, so it can only ever show what the
journal holds: the masked PAN (first six, last four), never the full number or the CVV. Voids, refunds
and captures are child rows; when a child has no card of its own the card of its parent is shown.

Choices where nothing is specified: PDFs are A5 portrait (readable on screen and printable on any office
printer; thermal printers get their paper size from the print dialog). The file name is
``<kind>-<order id>-<entry id>.pdf`` in :func:`klogs_desk.paths.receipts_dir`, made safe for every file
system. A receipt for an entry still pending or unknown says so in large letters instead of pretending
the payment went through.

The preview (the "Receipt…" button after a sale, a capture, a void or a refund) is Qt's print preview
with its Print button (the system print dialog) plus a "Save as PDF" button that writes the PDF to that
default path at once and says where, so a cashier gets all three from the one button.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QMarginsF
from PySide6.QtGui import QAction, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QLabel, QToolBar, QWidget

from .. import paths
from ..domain.journal import Entry, EntryState
from ..services.audit import RECEIPT_PDF, RECEIPT_PRINT
from ..services.context import AppServices
from . import theme
from .fit import ElidedLabel
from .journal_model import REFUNDED, VOIDED, kind_text, local_time_text, returned_text, row_key, row_state_text
from .messages import render
from .money_text import money_text

TRAINING_BANNER = QT_TRANSLATE_NOOP("Receipt", "TRAINING — NOT A REAL PAYMENT")
translate = QCoreApplication.translate

#: Environments whose payments move no real money.
TRAINING_ENVIRONMENTS = frozenset({"sandbox", "test"})

#: The result line's colour: the theme's text shade for paper (a light background in any theme).
_RESULT_COLOURS = {EntryState.APPROVED: theme.APPROVED.light, EntryState.DECLINED: theme.DECLINED.light,
                   EntryState.ERROR: theme.DECLINED.light, EntryState.UNKNOWN: theme.UNKNOWN.light}


def write_pdf(document: QTextDocument, target: Path, title: str,
              page: QPageSize.PageSizeId = QPageSize.PageSizeId.A5) -> Path:
    """Write ``document`` as a PDF at ``target`` (0600, its folder created) and return the path. Shared by
    receipts (A5) and the shift and day reports (A4)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    paths.private_file(target)  # 0600 before Qt opens it (Qt keeps an existing file's mode)
    writer = QPdfWriter(str(target))
    writer.setTitle(title)
    writer.setCreator("klogs-desk")
    writer.setPageLayout(QPageLayout(QPageSize(page), QPageLayout.Orientation.Portrait,
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
    """Makes receipts for one window. ``parent`` owns the dialogs.

    ``run_preview_dialog`` and ``run_print_dialog`` are the only places a modal dialog opens; tests
    replace them.
    """

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        self.services = services
        self.parent = parent

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

    def html(self, entry: Entry, locale: QLocale | None = None) -> str:
        locale = locale or QLocale()
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
        table = "".join(f"<tr><td style='color:#555;padding-right:12px'>{esc(k)}</td>"
                        f"<td><b>{esc(v)}</b></td></tr>" for k, v in rows)
        returned = row_key(entry) in (VOIDED, REFUNDED)
        # A void or refund is money going back, not a new approved charge: never in the approved green.
        colour = "#333333" if returned else _RESULT_COLOURS.get(entry.state, "#333333")
        state_words = row_state_text(entry)
        message = returned_text(entry, locale) if returned else render(entry.result_message)
        if entry.state is EntryState.UNKNOWN:
            message = translate("Receipt", "No answer from the gateway. Check this payment before charging again.")
        banner = translate("Receipt", TRAINING_BANNER)
        parts = ["<html><body style='font-family:sans-serif'>"]
        if self.services.environment in TRAINING_ENVIRONMENTS:
            parts.append(f"<p align='center' style='font-size:14pt;color:{theme.DECLINED.light}'><b>{esc(banner)}</b></p>")
        merchant = self.services.merchant_line or translate("Receipt", "Klogs merchant")
        parts.append(f"<p align='center' style='font-size:13pt'><b>{esc(merchant)}</b></p>")
        parts.append(f"<table cellspacing='2' width='100%'>{table}</table>")
        parts.append(f"<p align='center' style='font-size:18pt'><b>{esc(money_text(entry.amount, entry.currency, locale))}"
                     "</b></p>")
        parts.append(f"<p align='center' style='font-size:14pt;color:{colour}'><b>{esc(state_words)}"
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

    def document(self, entry: Entry) -> QTextDocument:
        document = QTextDocument()
        document.setHtml(self.html(entry))
        return document

    # --- output ---------------------------------------------------------------------------------

    def default_pdf_path(self, entry: Entry) -> Path:
        safe_reference = re.sub(r"[^A-Za-z0-9_.-]", "_", entry.reference)[:64]
        return paths.receipts_dir() / f"{entry.kind.value}-{safe_reference}-{entry.id}.pdf"

    def save_pdf(self, entry: Entry, path: Path | str | None = None) -> Path:
        """Write the receipt as a PDF (default: :meth:`default_pdf_path`) and return its path."""
        target = write_pdf(self.document(entry), Path(path) if path else self.default_pdf_path(entry),
                           translate("Receipt", "Receipt {order_id}").format(order_id=entry.reference))
        self._audit(RECEIPT_PDF, entry, "pdf")
        return target

    def preview(self, entry: Entry) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        document = self.document(entry)
        self._entry_in_preview = entry
        self._audit(RECEIPT_PRINT, entry, "preview")
        try:
            self.run_preview_dialog(printer, lambda target: document.print_(target))
        finally:
            self._entry_in_preview = None

    def preview_dialog(self, printer: QPrinter, paint, entry: Entry | None = None) -> QPrintPreviewDialog:  # type: ignore[no-untyped-def]  # paint is the slot for QPrintPreviewDialog.paintRequested
        """The preview dialog (not yet shown): Qt's preview with Print, plus "Save as PDF" (objectName
        ``receiptSavePdf``) for ``entry``; after saving, ``receiptSaved`` (a label under the page) says where."""
        dialog = QPrintPreviewDialog(printer, self.parent)
        dialog.setWindowTitle(translate("Receipt", "Receipt preview"))
        dialog.paintRequested.connect(paint)
        toolbar = dialog.findChild(QToolBar)
        if entry is not None and toolbar is not None and dialog.layout() is not None:
            saved = ElidedLabel(parent=dialog, objectName="receiptSaved")  # a long path must not widen it
            saved.setAccessibleName(translate("Receipt", "Where the receipt was saved"))
            saved.setContentsMargins(8, 4, 8, 6)
            saved.hide()
            dialog.layout().addWidget(saved)
            save = QAction(translate("Receipt", "Save as PDF"), dialog, objectName="receiptSavePdf")
            save.setToolTip(translate("Receipt", "Save this receipt as a PDF file"))
            save.triggered.connect(lambda: self._save_from_preview(entry, saved))
            toolbar.addSeparator()
            toolbar.addAction(save)
        return dialog

    def _save_from_preview(self, entry: Entry, saved: QLabel) -> None:
        try:
            path = self.save_pdf(entry)
        except OSError as exc:
            saved.setText(translate("Receipt", "Could not save the receipt: {reason}.").format(
                reason=exc.strerror or exc))
        else:
            saved.setText(translate("Receipt", "Receipt saved to {path}").format(path=path))
        saved.show()

    def print(self, entry: Entry) -> bool:
        """Ask for a printer and print; False when the cashier cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
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
        return ask_printer(printer, self.parent, translate("Receipt", "Print receipt"))
