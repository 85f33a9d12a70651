"""The card holder's 3-D Secure challenge, shown by a locked-down browser in a process of its own.

:func:`run_challenge` is the one entry point: it opens :class:`ThreeDsDialog` (window-modal, not blocking
the event loop), awaits :meth:`ThreeDSecureService.finish` and closes the dialog whatever happens, so a
challenge never leaves a dialog behind. The dialog never talks to the network or the listener itself:
Cancel, closing the window and "Close" after a failed load all ask the service to cancel, which makes
``finish`` end ``cancelled``; the callback (or the 10-minute deadline) ends it from the other side.
The page itself runs in the browser process (:mod:`.challenge_browser`: embedded in the dialog on X11
and Windows, a window of its own kept over it elsewhere); if that process cannot start or ends, the
dialog says so and nothing is charged.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..services.payments import PaymentOutcome
from ..services.three_d_secure import Challenge, ThreeDSecureService
from . import theme
from .money_text import money_text

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl  # imported where a dialog uses it: its enums are not the first frame's

    from .sale_tab import SaleTab

translate = QCoreApplication.translate

log = logging.getLogger(__name__)


#: Opening steps (dialog shown, web view shown, page loading) are this far apart: a turn of the event
#: loop each, with input and paint handled in between.
LOAD_AFTER_SHOW_MS = 2


class ThreeDsDialog(QDialog):
    """Shows one challenge. ``cancel_requested`` fires once when the cashier gives up."""

    cancel_requested = Signal()

    def __init__(self, challenge: Challenge, *, gateway_url: str, callback_origin: str,
                 parent: QWidget | None = None, charge: Decimal | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("threeDsDialog")
        self.setWindowTitle(self.tr("3-D Secure — customer authentication"))
        self.setAccessibleName(self.tr("3-D Secure customer authentication"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(520, 640)
        self._cancel_sent = False

        self.amount_label = QLabel(self.tr("Customer authentication — {amount}").format(
            amount=money_text(charge if charge is not None else challenge.amount, challenge.currency)))
        self.amount_label.setObjectName("threeDsAmountLabel")
        font = self.amount_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.amount_label.setFont(font)
        card = self.tr("Card {card}").format(card=challenge.masked_pan) if challenge.masked_pan else ""
        from .challenge_browser.remote import RemotePage, RemoteView, can_embed  # with the first challenge

        where = (self.tr("Let the card holder complete their bank's check below.") if can_embed()
                 else self.tr("Let the card holder complete their bank's check in its window."))
        self.hint_label = QLabel(
            self.tr("Order {order_id}.").format(order_id=challenge.order_id) + f" {card}\n" + where + " "
            + self.tr("This window closes by itself when they finish."))
        self.hint_label.setObjectName("threeDsHintLabel")
        self.hint_label.setWordWrap(True)

        # The page runs in the browser process (challenge_browser): this dialog only shows its window.
        self.page = RemotePage(gateway_url=gateway_url, callback_origin=callback_origin, parent=self)
        self.page.title = self.tr("Bank authentication page")
        self.view = RemoteView(self.page, self)
        self.view.setObjectName("threeDsView")
        self.view.setAccessibleName(self.tr("Bank authentication page"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setMinimumHeight(360)

        # Whose page the card holder is on, updated on every navigation (the bank's host is not ours).
        self.host_label = QLabel()
        self.host_label.setObjectName("threeDsHostLabel")
        self.host_label.setAccessibleName(self.tr("Address of the page shown"))
        self.host_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.status_label = QLabel(self.tr("Loading the bank's page…"))
        self.status_label.setObjectName("threeDsStatusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Authentication status"))

        self.cancel_button = QPushButton(self.tr("Cancel authentication"))
        self.cancel_button.setObjectName("threeDsCancelButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel 3-D Secure authentication; nothing is charged"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self._request_cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("threeDsCloseButton")
        self.close_button.setAccessibleName(self.tr("Close; nothing is charged"))
        self.close_button.setVisible(False)
        self.close_button.clicked.connect(self._request_cancel)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.host_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.page.loadFinished.connect(self._on_load_finished)
        self.page.urlChanged.connect(self._show_host)
        self.page.certificate_refused.connect(self._on_certificate_refused)
        self.page.renderProcessTerminated.connect(self._on_render_process_died)
        self.page.cancel_requested.connect(self._request_cancel)
        from PySide6.QtCore import QUrl

        self._show_host(QUrl(gateway_url))
        # Opening is cut into three event-loop turns, each under a frame (16 ms) on a slow till: the dialog
        # built and shown without the web view (open() and the first paint, ~5-15 ms), the view shown
        # (its first paint), then the load (setHtml, ~1-10 ms). All in one turn they stalled the UI
        # 15-35 ms in benchmarks/bench_three_ds.py. Timers started once the dialog shows, not 0 ms
        # single shots: those are posted events, handled in the same pass of the event loop as the
        # work before them, so input and paint would still wait for all of it.
        self._html = challenge.html_content
        self._gateway_url = gateway_url
        self.view.setVisible(False)
        self._opening_started = False

    def showEvent(self, event: QShowEvent) -> None:
        """The page starts loading once the dialog is shown (:data:`LOAD_AFTER_SHOW_MS` apart per step)."""
        super().showEvent(event)
        if not self._opening_started:
            self._opening_started = True
            QTimer.singleShot(LOAD_AFTER_SHOW_MS, self, self._show_view)

    def _show_view(self) -> None:
        if getattr(self, "_finished", False):
            return
        self.view.setVisible(True)
        QTimer.singleShot(LOAD_AFTER_SHOW_MS, self, self._load_challenge)

    def _load_challenge(self) -> None:
        if getattr(self, "_finished", False):
            return
        # The gateway's base URL as the base, so the page's relative links and its origin are the gateway's.
        from PySide6.QtCore import QUrl

        self.page.setHtml(self._html, QUrl(self._gateway_url))

    # --- states -------------------------------------------------------------------------------------

    def _on_load_finished(self, ok: bool) -> None:
        if ok:
            self.status_label.setText(self.tr("Waiting for the card holder…"))
            return
        if self._cancel_sent or self.page.refused_certificates:
            return  # a refused certificate has already been explained
        refused = self.page.refused[-1] if self.page.refused else None
        why = (self.tr("The page tried to go to {url}, which this terminal does not allow.").format(url=refused)
               if refused else self.tr("The bank's page could not be loaded (no connection to the gateway?)."))
        self.show_failure(why + " " + self.tr("Nothing was charged. Close this window and try again."))

    def _on_certificate_refused(self, host: str) -> None:
        if not self._cancel_sent:
            self.show_failure(self.tr("The bank's page ({host}) has an invalid security certificate; the "
                                      "payment was not sent. Nothing was charged. Close this window and "
                                      "try again.").format(host=host))

    def _show_host(self, url: QUrl) -> None:
        from .challenge_browser.urls import connection_kind

        kind = connection_kind(url, self.page.callback_origin)
        host = url.host()
        if host and host in self.page.refused_certificates:  # Chromium's error page, not the bank's
            text = self.tr("{host} — invalid security certificate (refused)").format(host=host)
        elif kind == "secure":
            text = self.tr("{host} — secure connection").format(host=host)
        elif kind == "terminal":
            text = self.tr("{host} — this terminal (receiving the bank's answer)").format(host=host)
        elif kind == "sandbox":
            text = self.tr("{host} — training sandbox (not encrypted)").format(host=host)
        else:
            return  # the first, inline page has no host of its own; refused pages are never shown
        self.host_label.setText(text)

    def _on_render_process_died(self, status: int = 0, *_args: Any) -> None:
        if status == self.page.NOT_OPENED:
            self.show_failure(self.tr("The bank's page could not be opened: this terminal's browser did not "
                                      "start. Nothing was charged. Close this window and try again."))
            return
        self.show_failure(self.tr("The bank's page stopped working. Nothing was charged. "
                                  "Close this window and try again."))

    def show_failure(self, message: str) -> None:
        """A dead end: say why in words and offer Close (which cancels)."""
        self.status_label.setText(message)
        self.status_label.setStyleSheet(theme.error_label_sheet("font-weight: bold;"))
        self.cancel_button.setVisible(False)
        self.close_button.setVisible(True)
        self.close_button.setFocus()

    def _request_cancel(self) -> None:
        if not self._cancel_sent:
            self._cancel_sent = True
            self.status_label.setText(self.tr("Cancelling…"))
            self.cancel_requested.emit()

    # --- closing the window is a cancel, never a silent drop -------------------------------------------

    def reject(self) -> None:  # Escape
        self._request_cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._cancel_sent and not getattr(self, "_finished", False):
            event.ignore()
            self._request_cancel()
            return
        super().closeEvent(event)

    def finish(self) -> None:
        """Close for good (the flow ended). Idempotent."""
        if getattr(self, "_finished", False):
            return
        self._finished = True
        self.page.loadFinished.disconnect(self._on_load_finished)
        self.view.release()
        self.done(QDialog.DialogCode.Accepted)
        self.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._request_cancel()
            return
        super().keyPressEvent(event)


async def run_challenge(service: ThreeDSecureService, challenge: Challenge, parent: QWidget | None = None,
                        *, on_dialog: Any = None, charge: Decimal | None = None) -> PaymentOutcome:
    """Show the challenge, wait for it to end (callback, cancel, deadline, failed load) and close the dialog.

    ``on_dialog(dialog)`` is called once the dialog is shown (tests and the benchmark use it). ``charge``:
    what the card will be charged when it differs from the order amount (installment interest).
    """
    import asyncio  # here: the Sale tab imports this module before the first frame, asyncio comes after it

    from .challenge_browser import remote

    try:
        # Cold (the warm-up has not started the browser process yet): started now; the Sale tab already
        # shows that the bank check is coming. If it cannot start, the dialog says so (nothing charged).
        await remote.ready()
    except asyncio.CancelledError:
        # Quit (or the session ending) before the challenge was shown: the journal row must not stay
        # "waiting for the customer" for good; cancel revokes the token and journals it cancelled, as
        # finish() does when it is the one cancelled.
        service.cancel(challenge)
        raise
    dialog = ThreeDsDialog(challenge, gateway_url=service.gateway_url,
                           callback_origin=service.listener.origin, parent=parent, charge=charge)
    dialog.cancel_requested.connect(lambda: service.cancel(challenge))
    # The browser is done as soon as the callback arrives; completing the payment is the Sale tab's progress.
    challenge.callback.add_done_callback(lambda _f: dialog.finish() if shiboken6.isValid(dialog) else None)
    try:
        # Built and opened in two event-loop turns (the constructor, then open() with the first paint), so
        # neither holds a frame on a slow till (benchmarks/bench_three_ds.py).
        try:
            await asyncio.sleep(LOAD_AFTER_SHOW_MS / 1000)
        except asyncio.CancelledError:
            service.cancel(challenge)  # as above: finish() has not started, so it cannot journal it
            raise
        if shiboken6.isValid(dialog) and not getattr(dialog, "_finished", False):
            dialog.open()
            if on_dialog is not None:
                on_dialog(dialog)
        return await service.finish(challenge)
    finally:
        if shiboken6.isValid(dialog):
            dialog.finish()


class ThreeDsSalePath(QObject):
    """The Sale tab's 3-D Secure paths, built by :class:`~.sale_tab.SaleTab` when it is given a
    :class:`ThreeDSecureService`: a ``threeDsSwitch`` checkbox next to Pay (on: every sale goes through
    ``/api/3ds``, see :meth:`pay`) and the result panel's "Pay with 3-D Secure" offer after an ENROLLED
    answer. Also holds :attr:`installments` (:class:`~.installment_sale.InstallmentSale`): a plan chosen in
    the Installments tab is sent as ``installmentCount``/``interestPaidByCustomer``. The service's
    :class:`CallbackListener` is started on first use and stopped by the composition root's runtime."""

    def __init__(self, sale_tab: "SaleTab", service: ThreeDSecureService) -> None:
        super().__init__(sale_tab)
        from PySide6.QtWidgets import QCheckBox

        from .installment_sale import InstallmentSale

        self.sale_tab = sale_tab
        self.service = service
        switch = QCheckBox("3-D Secure")
        switch.setObjectName("threeDsSwitch")
        switch.setAccessibleName(translate("ThreeDsDialog", "Pay with 3-D Secure"))
        switch.setToolTip(translate("ThreeDsDialog",
                                    "The card holder confirms the payment on their bank's page before it is charged."))
        self.switch = switch
        sale_tab.add_pay_option(switch)
        self.installments = InstallmentSale(sale_tab, switch)
        sale_tab.three_ds_requested.connect(self._pay_enrolled_order)

    @property
    def switched_on(self) -> bool:
        """Every sale goes through ``/api/3ds`` (the cashier ticked the switch)."""
        return self.switch.isChecked()

    async def pay(self, order: Any) -> PaymentOutcome:
        """One 3-D Secure sale of ``order``, with the installment plan shown in the Sale tab, if any."""
        from ..services.three_d_secure import ChallengeNotStarted

        plan = self.installments.plan_for(order.amount, order.currency)
        try:
            # The Sale tab asked about look-alike sales before calling its route.
            challenge = await self.service.begin(
                order, installment_count=plan.count if plan else None,
                interest_paid_by_customer=plan.interest_paid_by_customer if plan else None,
                confirmed_duplicate=True)
        except ChallengeNotStarted as not_started:
            outcome = not_started.outcome
        else:
            self.sale_tab.result.show_progress(translate("ThreeDsDialog", "Waiting for the card holder's bank check…"))
            outcome = await run_challenge(self.service, challenge, self.sale_tab.window(),
                                          charge=plan.charge if plan is not None else None)
        if plan is not None:
            self.installments.order_ended(outcome)
        return outcome

    def _pay_enrolled_order(self, order: Any) -> None:
        # Through the tab's guard: the challenge counts as the payment in flight (Pay and Enter wait).
        self.sale_tab.run_payment(lambda: self.pay(order),
                                  progress_text=translate("ThreeDsDialog", "Waiting for the card holder's bank check…"),
                                  error_title=translate("ThreeDsDialog", "3-D Secure did not go through"))
