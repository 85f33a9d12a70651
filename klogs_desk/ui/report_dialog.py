"""File ▸ Close shift… / Close day… / Closed reports…: the figures of a shift or day, a chart of the takings
by hour, Print and Save as PDF, and the close itself.

* ``reportText`` shows the totals per currency (sales, captures, refunds, voids, declines, open
  pre-authorizations, takings), the pending and outcome-unknown payments by order ID, and the tables by
  brand, kind and operator — amounts in the cashier's language (:func:`money_text`: ``1.234,56 ₺``).
* ``reportChart`` paints the day's sales and captures by hour (QPainter: light, and the same drawing goes
  into the printed page and the PDF).
* ``reportClose`` closes the shift or day. With pending or unknown payments it first asks, naming how many
  (``confirm``, replaced in tests); the close is stored and recorded (:class:`ReportService`). Anyone may
  read the day's figures; closing the day is a manager's: for a cashier the button reads "Close day with a
  manager's PIN…" (what to fetch, said before the press) and first asks a manager's name and PIN on the spot
  (the void/refund approval's :class:`~klogs_desk.ui.transaction_dialogs.ManagerPinDialog`, through
  ``ask_pin``, replaced in tests).
  The service holds the rule (the signed-in operator is asked at the moment of the close, so a dialog left
  open across File ▸ Switch operator follows who is signed in now); a refusal or a wrong PIN is shown in
  ``reportStatus`` and nothing is closed.
* ``reportPrint`` (system print dialog) and ``reportPdf`` (A4 in the app home's ``reports`` folder, 0600)
  use the receipts' machinery (:func:`write_pdf`, :func:`ask_printer`). A closed report reopened from
  Closed reports… shows the figures exactly as closed; printing it again is recorded.
"""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPaintEvent, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import paths
from ..domain.audit import Close
from ..domain.journal import EntryKind
from ..domain.reports import SHIFT, TILL_FIGURES, Listed, Report, Total
from ..messages import msg
from ..services.reports import ReportService
from ..services.staff import Approval, Permission, StaffRefused
from . import theme
from .journal_model import kind_text, local_time_text
from .messages import render
from .money_text import money_text
from .receipt import TRAINING_BANNER, TRAINING_ENVIRONMENTS, ask_printer, write_pdf

translate = QCoreApplication.translate

_FIGURES = (("sales", QT_TRANSLATE_NOOP("Report", "Approved sales")),
            ("captures", QT_TRANSLATE_NOOP("Report", "Captures")),
            ("refunds", QT_TRANSLATE_NOOP("Report", "Refunds")),
            ("voids", QT_TRANSLATE_NOOP("Report", "Voids")),
            ("declines", QT_TRANSLATE_NOOP("Report", "Declined")),
            ("open_preauths", QT_TRANSLATE_NOOP("Report", "Open pre-authorizations")),
            ("takings", QT_TRANSLATE_NOOP("Report", "Takings kept (after refunds and voids)")))
_CHART_URL = QUrl("report://takings-by-hour")


def report_title(report: Report) -> str:
    if report.kind == SHIFT:
        return translate("Report", "Shift report — {operator}").format(operator=report.operator or "—")
    return translate("Report", "Day report")


def _kind_name(key: str) -> str:
    try:
        return kind_text(EntryKind(key))
    except ValueError:
        return key


def _amounts(total: Total, currencies: list[str], locale: QLocale) -> list[str]:
    return [money_text(total.amount(c), c, locale) for c in currencies]


def report_html(report: Report, locale: QLocale | None = None, *, merchant_line: str = "",
                closed: Close | None = None, chart: bool = False) -> str:
    """The report as HTML in ``locale``'s language and number style; ``chart`` embeds the hourly chart image
    (added to the document as :data:`_CHART_URL` by :func:`report_document`)."""
    locale = locale or QLocale()
    esc = html.escape
    currencies = report.currencies or ["TRY"]
    count = esc(translate("Report", "Count"))
    training = esc(translate("Receipt", TRAINING_BANNER))
    hours = esc(translate("Report", "Sales and captures by hour"))
    parts = ["<html><body style='font-family:sans-serif'>"]
    if report.environment in TRAINING_ENVIRONMENTS:
        parts.append(f"<p align='center' style='color:{theme.DECLINED.light}'><b>{training}</b></p>")
    if merchant_line:
        parts.append(f"<p align='center'><b>{esc(merchant_line)}</b></p>")
    parts.append(f"<h2>{esc(report_title(report))}</h2>")
    parts.append("<p>" + esc(translate("Report", "From {start} to {end}").format(
        start=local_time_text(report.period_start, locale), end=local_time_text(report.period_end, locale)))
        + "</p>")
    if closed is not None:
        parts.append("<p><b>" + esc(translate("Report", "Closed {when} by {who} (close no. {number})").format(
            when=local_time_text(closed.closed_at, locale), who=closed.operator or "—", number=closed.id))
            + "</b></p>")
    if report.unresolved:
        parts.append(f"<p style='color:{theme.DECLINED.light}'><b>" + esc(translate(
            "Report", "Payments without a known outcome: {count}. Check them in the Journal before charging "
            "those customers again.").format(count=len(report.unresolved))) + "</b></p>")
        parts.append(_listed_table(report.unresolved, locale))
    header = "".join(f"<th align='right'>{esc(c)}</th>" for c in currencies)
    rows = []
    for name, label in _FIGURES:
        total: Total = getattr(report, name)
        cells = "".join(f"<td align='right'>{esc(text)}</td>" for text in _amounts(total, currencies, locale))
        rows.append(f"<tr><td>{esc(translate('Report', label))}</td><td align='right'>{total.count}</td>{cells}</tr>")
    parts.append(f"<table cellspacing='0' cellpadding='3' border='1' width='100%'><tr><th align='left'></th>"
                 f"<th align='right'>{count}</th>{header}</tr>{''.join(rows)}</table>")
    if report.tills_waiting:
        parts.append(f"<p style='color:{theme.DECLINED.light}'><b>" + esc(
            render(msg("shop.tills-waiting", tills=", ".join(report.tills_waiting)))) + "</b></p>")
    if report.tills_silent:
        parts.append(f"<p style='color:{theme.DECLINED.light}'><b>" + esc(render(msg(
            "shop.tills-silent", minutes=5, tills=", ".join(report.tills_silent)))) + "</b></p>")
    if report.by_till:
        till_header = "".join(f"<th align='right'>{esc(translate('Report', label))} {esc(c)}</th>"
                              for name, label in _FIGURES if name in TILL_FIGURES for c in currencies)
        lines = "".join(
            f"<tr><td>{esc(till)}</td>" + "".join(
                f"<td align='right'>{esc(text)}</td>" for name, _label in _FIGURES if name in TILL_FIGURES
                for text in _amounts(figures[name], currencies, locale)) + "</tr>"
            for till, figures in sorted(report.by_till.items()))
        parts.append(f"<h3>{esc(QCoreApplication.translate('Report', 'By till'))}</h3>")
        parts.append(f"<table cellspacing='0' cellpadding='3' border='1' width='100%'><tr>"
                     f"<th align='left'>{esc(QCoreApplication.translate('Report', 'Till'))}</th>{till_header}</tr>{lines}</table>")
    if chart:
        parts.append(f"<h3>{hours}</h3><img src='{_CHART_URL.toString()}'>")
    for title, groups, name_of in (
            (QT_TRANSLATE_NOOP("Report", "By card brand (sales and captures)"), report.by_brand, str),
            (QT_TRANSLATE_NOOP("Report", "By operator (sales and captures)"), report.by_operator, str),
            (QT_TRANSLATE_NOOP("Report", "By kind (approved)"), report.by_kind, _kind_name)):
        if not groups:
            continue
        parts.append(f"<h3>{esc(translate('Report', title))}</h3>")
        lines = "".join(
            f"<tr><td>{esc(name_of(key))}</td><td align='right'>{total.count}</td>"
            + "".join(f"<td align='right'>{esc(t)}</td>" for t in _amounts(total, currencies, locale)) + "</tr>"
            for key, total in sorted(groups.items()))
        parts.append(f"<table cellspacing='0' cellpadding='3' border='1' width='100%'><tr><th></th>"
                     f"<th align='right'>{count}</th>{header}</tr>{lines}</table>")
    parts.append("</body></html>")
    return "".join(parts)


def _listed_table(rows: list[Listed], locale: QLocale) -> str:
    esc = html.escape
    lines = "".join(f"<tr><td>{esc(local_time_text(row.created_at, locale))}</td><td>{esc(row.reference)}</td>"
                    f"<td>{esc(_kind_name(row.kind))}</td><td align='right'>"
                    f"{esc(money_text(row.amount, row.currency, locale))}</td><td>{esc(row.operator or '—')}</td></tr>"
                    for row in rows)
    return f"<table cellspacing='0' cellpadding='3' border='1'>{lines}</table>"


def chart_currency(report: Report) -> str | None:
    """The currency the chart shows: the one with the most sales and captures by hour."""
    sums: dict[str, Decimal] = {}
    for amounts in report.by_hour.values():
        for currency, amount in amounts.items():
            sums[currency] = sums.get(currency, Decimal(0)) + amount
    return max(sums, key=lambda c: (sums[c], c)) if sums else None


def paint_chart(painter: QPainter, rect: QRectF, report: Report, locale: QLocale, *, text: QColor,
                bar: QColor, grid: QColor) -> None:
    """Bars of the sales and captures of each hour (0-23) in :func:`chart_currency`, the highest labelled."""
    currency = chart_currency(report)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    painter.setFont(font)
    metrics = painter.fontMetrics()
    line = metrics.height() + 4  # room for accents and descenders ("Ğ", "ş") at any resolution
    top = rect.top() + line + 4
    bottom = rect.bottom() - line - 4
    left, right = rect.left() + 4, rect.right() - 4
    painter.setPen(text)
    if currency is None:
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), translate("Report", "No sales in this period."))
        painter.restore()
        return
    values = [report.by_hour.get(hour, {}).get(currency, Decimal(0)) for hour in range(24)]
    highest = max(values) or Decimal(1)
    painter.drawText(QRectF(left, rect.top(), right - left, line),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     translate("Report", "Highest hour: {amount}").format(amount=money_text(max(values), currency,
                                                                                             locale)))
    painter.setPen(grid)
    painter.drawLine(int(left), int(bottom), int(right), int(bottom))
    slot = (right - left) / 24
    for hour, value in enumerate(values):
        x = left + hour * slot
        if value > 0:
            height = float(value / highest) * (bottom - top)
            painter.fillRect(QRectF(x + slot * 0.15, bottom - height, slot * 0.7, height), bar)
        if hour % 3 == 0:
            painter.setPen(text)
            painter.drawText(QRectF(x, bottom + 2, slot * 3, line),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             f"{hour:02d}")
    painter.restore()


class HourlyChart(QWidget):
    """The day's sales and captures by hour, painted."""

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportChart")
        self.report = report
        self.setMinimumHeight(150)
        currency = chart_currency(report)
        self.setAccessibleName(translate("Report", "Sales and captures by hour"))
        self.setAccessibleDescription(", ".join(
            f"{hour:02d}: {money_text(amounts.get(currency, Decimal(0)), currency)}"
            for hour, amounts in sorted(report.by_hour.items())) if currency else "")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        return QSize(600, 170)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt)
        painter = QPainter(self)
        colours = theme.text_colours(self.palette())
        paint_chart(painter, QRectF(self.rect()), self.report, QLocale(), text=self.palette().text().color(),
                    bar=QColor(theme.INFO.fill), grid=QColor(colours.muted))
        painter.end()


def chart_image(report: Report, locale: QLocale) -> QImage:
    size = QSize(1200, 320)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = painter.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    painter.setFont(font)
    paint_chart(painter, QRectF(0, 0, size.width(), size.height()), report, locale, text=QColor("#222222"),
                bar=QColor(theme.INFO.fill), grid=QColor(theme.NEUTRAL.light))
    painter.end()
    return image


def report_document(report: Report, *, merchant_line: str = "", closed: Close | None = None) -> QTextDocument:
    """The printable report (figures, lists and the chart) in the cashier's language."""
    document = QTextDocument()
    locale = QLocale()
    image = chart_image(report, locale)
    document.addResource(QTextDocument.ResourceType.ImageResource, _CHART_URL, image.scaledToWidth(560, Qt.TransformationMode.SmoothTransformation))
    document.setHtml(report_html(report, locale, merchant_line=merchant_line, closed=closed, chart=True))
    return document


class ReportDialog(QDialog):
    """A shift or day ``report``: not yet closed (``closed`` None: the close button is offered) or a closed
    one reopened. ``closed_now(Close)`` after a close."""

    closed_now = Signal(object)

    def __init__(self, report: Report, service: ReportService, *, closed: Close | None = None,
                 merchant_line: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.report = report
        self.service = service
        self.closed = closed
        self.reopened = closed is not None
        self.merchant_line = merchant_line
        self.setWindowTitle(report_title(report))
        self.resize(760, 720)

        self.chart = HourlyChart(report, self)
        self.text = QTextBrowser(objectName="reportText")
        self.text.setAccessibleName(self.tr("Report figures"))
        self.status = QLabel(objectName="reportStatus")
        self.status.setWordWrap(True)
        self.close_button = QPushButton(objectName="reportClose")
        self.close_button.clicked.connect(self.close_period)
        self.print_button = QPushButton(self.tr("Print…"), objectName="reportPrint")
        self.print_button.setAccessibleName(self.tr("Print the report"))
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button = QPushButton(self.tr("Save as PDF"), objectName="reportPdf")
        self.pdf_button.setAccessibleName(self.tr("Save the report as a PDF file"))
        self.pdf_button.clicked.connect(self.save_pdf)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Closing the period cannot be undone, and "Close day" / "Close" (Turkish "Günü kapat" / "Kapat") read
        # alike: it is never the button Enter presses (a dialog's push buttons are auto-default, and it was the
        # first: Enter anywhere in the report closed a manager's day at once), and it stands alone on the left,
        # a row above Close, which sits on the right and is what Enter presses.
        self.close_button.setAutoDefault(False)
        self.close_button.setDefault(False)

        row = QHBoxLayout()
        row.addWidget(self.close_button)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Sales and captures by hour")))
        layout.addWidget(self.chart)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)  # once in the dialog: it counts
        self._show()

    def _show(self) -> None:
        self.text.setHtml(report_html(self.report, merchant_line=self.merchant_line, closed=self.closed))
        if self.report.kind == SHIFT:
            self.close_button.setText(self.tr("Close shift"))
        elif self._needs_approval():
            self.close_button.setText(self.tr("Close day with a manager's PIN…"))
        else:
            self.close_button.setText(self.tr("Close day"))
        self.close_button.setAccessibleName(self.close_button.text().rstrip("…"))
        self.close_button.setVisible(self.closed is None)

    def _needs_approval(self) -> bool:
        """A day's close asked for by someone who may not close the day alone (a cashier)."""
        staff = self.service.staff
        return self.report.kind != SHIFT and staff is not None and not staff.allowed(Permission.CLOSE_DAY)

    def close_period(self) -> Close | None:
        """Close the shift or day; with payments of unknown outcome, only after the operator confirms; a
        cashier's close of the day only with a manager's approval typed here."""
        approval: Approval | None = None
        if self._needs_approval():
            approval = self.ask_approval()
            if approval is None:
                self._show()
                return None
        unresolved = len(self.report.unresolved)
        if unresolved and not self.confirm(
                self.tr("Payments without an outcome"),
                self.tr("{count} payment(s) of this period have no known outcome; a card may have been charged. "
                        "Check them in the Journal first.\n\nClose anyway? They stay listed in the report.")
                .format(count=unresolved)):
            return None
        try:
            self.closed = self.service.close(self.report, acknowledged_unresolved=bool(unresolved),
                                             approval=approval)
        except StaffRefused as refused:
            self.status.setText(render(refused.msg))
            self._show()
            return None
        self.status.setText(self.tr("Closed. The report is kept and can be reopened from File ▸ Closed reports…"))
        self._show()
        self.closed_now.emit(self.closed)
        return self.closed

    def document(self) -> QTextDocument:
        return report_document(self.report, merchant_line=self.merchant_line, closed=self.closed)

    def default_pdf_path(self) -> Path:
        stamp = self.report.period_end.astimezone().strftime("%Y-%m-%d-%H%M")
        number = f"-{self.closed.id}" if self.closed else ""
        return paths.private_dir(paths.app_home() / "reports") / f"{self.report.kind}-{stamp}{number}.pdf"

    def save_pdf(self) -> Path | None:
        try:
            path = write_pdf(self.document(), self.default_pdf_path(), report_title(self.report),
                             QPageSize.PageSizeId.A4)
        except OSError as exc:
            self.status.setText(self.tr("Could not save the report: {reason}.").format(reason=exc.strerror or exc))
            return None
        self._record_output("pdf")
        self.status.setText(self.tr("Report saved to {path}").format(path=path))
        return path

    def print_report(self) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.run_print_dialog(printer):
            return False
        self.document().print_(printer)
        self._record_output("printer")
        return True

    def _record_output(self, output: str) -> None:
        if self.reopened and self.closed is not None:
            self.service.record_reprint(self.closed, output)

    def ask_approval(self) -> Approval | None:
        """A manager's approval of this day's close, typed in this session; None (and why, in
        ``reportStatus``) when cancelled or refused. A wrong PIN counts towards that manager's lock-out."""
        from .transaction_dialogs import check_typed_approval

        staff = self.service.staff
        assert staff is not None
        typed = self.ask_pin(self.tr("Close the day: the day's report is kept as it is now, and the close "
                                     "is recorded with both names."))
        if typed is None:
            return None
        typed_approval = check_typed_approval(staff, *typed)
        if typed_approval.not_a_manager is not None:
            self.status.setText(render(msg("staff.not-a-manager-close", name=typed_approval.not_a_manager)))
        elif typed_approval.given is None:
            self.status.setText(typed_approval.why)
        return typed_approval.given

    # --- dialogs (replaced in tests) ------------------------------------------------------------

    def ask_pin(self, what: str) -> tuple[str, str] | None:
        """A manager's (name, PIN) typed for ``what``, or None when cancelled (tests replace this)."""
        from .transaction_dialogs import ManagerPinDialog

        dialog = ManagerPinDialog(what, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        typed = (dialog.name(), dialog.pin()) if accepted else None
        dialog.pin_edit.clear()
        return typed

    def run_print_dialog(self, printer: QPrinter) -> bool:
        return ask_printer(printer, self, self.tr("Print report"))

    def confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


class ClosedReportsDialog(QDialog):
    """The closes of this environment, newest first; Open shows one as it was closed."""

    def __init__(self, service: ReportService, *, merchant_line: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closedReportsDialog")
        self.setWindowTitle(self.tr("Closed reports"))
        self.resize(520, 420)
        self.service = service
        self.merchant_line = merchant_line
        self.closes = service.closes()
        self.list = QListWidget(objectName="closedReportsList")
        self.list.setAccessibleName(self.tr("Closed shifts and days"))
        for close in self.closes:
            what = self.tr("Shift ({operator})").format(operator=close.operator or "—") if close.kind == SHIFT \
                else self.tr("Day")
            item = QListWidgetItem(self.tr("{what}: closed {when} (no. {number})").format(
                what=what, when=local_time_text(close.closed_at), number=close.id))
            self.list.addItem(item)
        self.open_button = QPushButton(self.tr("Open"), objectName="closedReportsOpen")
        self.open_button.setAccessibleName(self.tr("Open the selected report"))
        self.open_button.clicked.connect(self.open_selected)
        self.list.itemActivated.connect(lambda *_: self.open_selected())
        empty = QLabel(self.tr("Nothing has been closed yet in this environment."))
        empty.setVisible(not self.closes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(buttons)
        if self.closes:
            self.list.setCurrentRow(0)

    def open_selected(self) -> ReportDialog | None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.closes):
            return None
        close = self.closes[row]
        self.report_dialog = ReportDialog(self.service.reopen(close), self.service, closed=close,
                                          merchant_line=self.merchant_line, parent=self)
        self.report_dialog.open()
        return self.report_dialog


__all__ = ["ClosedReportsDialog", "HourlyChart", "ReportDialog", "report_html"]
