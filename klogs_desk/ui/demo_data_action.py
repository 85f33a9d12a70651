"""Help ▸ Load demo data…: fills the built-in training sandbox (and the journal, through the real services)
with a day at the counter, so a trainee sees full tables instead of empty ones.

Offered only while the terminal is on the built-in sandbox (:meth:`DemoDataLoader.available`); hidden on a
test or production gateway and on an outside sandbox (``--sandbox-url``, a URL in Settings). The work runs
with :func:`run_operation` (it writes payments) and a progress dialog counting the steps; when it ends,
:attr:`DemoDataLoader.loaded` carries the :class:`~klogs_desk.services.demo_data.DemoSummary` (the
composition root refreshes the tabs with it) and the status bar says what was made.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QProgressDialog

from ..environments import EmbeddedSandbox
from ..services.context import AppServices
from ..services.demo_data import STEPS, DemoSummary, load_demo_data
from .async_runner import run_operation


class DemoDataLoader(QObject):
    """The menu action and its run. ``menu`` gets the action; ``window`` shows the progress and status."""

    #: The demo day was made; carries the DemoSummary.
    loaded = Signal(object)
    #: Steps done so far (of :data:`~klogs_desk.services.demo_data.STEPS`), as the progress dialog shows them.
    step_done = Signal(int)

    def __init__(self, window: QMainWindow, menu: QMenu, services: AppServices,
                 sandbox: EmbeddedSandbox | None) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.sandbox = sandbox
        self.progress: QProgressDialog | None = None
        self.action = QAction(self.tr("Load &demo data…"), window)
        self.action.setObjectName("loadDemoDataAction")
        self.action.setStatusTip(self.tr("Fills the training sandbox with a day of sales, voids, "
                                         "pre-authorizations, checkout links and subscriptions."))
        self.action.triggered.connect(self.load)
        menu.addSeparator()
        menu.addAction(self.action)
        self.update_availability()

    def available(self) -> bool:
        """On the built-in sandbox only: its URL is the one the client talks to."""
        sandbox = self.sandbox
        return (self.services.environment == "sandbox" and sandbox is not None and sandbox.reserved
                and self.services.sandbox_url == sandbox.reserve())

    def update_availability(self, *_args: object) -> None:
        self.action.setVisible(self.available())

    def load(self) -> "object | None":
        """Start loading (the task, or None when not on the built-in sandbox)."""
        if not self.available():
            return None
        progress = QProgressDialog(self.tr("Loading demo data…"), "", 0, STEPS, self.window)
        progress.setObjectName("demoDataProgress")
        progress.setWindowTitle(self.tr("Demo data"))
        progress.setAccessibleName(self.tr("Loading demo data"))
        progress.setCancelButton(None)  # payments are being made: they run to the end
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setValue(0)
        progress.show()
        self.progress = progress
        self.action.setEnabled(False)

        async def work() -> DemoSummary:
            try:
                return await load_demo_data(self.services, self._step)
            finally:
                self.action.setEnabled(True)
                progress.close()

        return run_operation(None, work(), on_success=self._done, owner=self,
                             error_title=self.tr("Demo data could not be loaded"))

    def _step(self, done: int) -> None:
        progress = self.progress
        if progress is not None:
            # Not from here: ``_step`` runs inside a step of the loading task, and a modal progress dialog's
            # setValue() spins Qt's event loop (QCoreApplication::processEvents, as Qt documents), which made
            # qasync wake another task (the reconciler) inside this one: "Cannot enter into task ... while
            # another task is running", the reconciler gone and the terminal's stop waiting for it forever
            # (seen on a busy machine). From Qt's event loop, after this step, the nested spin is harmless.
            QTimer.singleShot(0, progress, lambda: self._show_step(progress, done))
        self.step_done.emit(done)

    @staticmethod
    def _show_step(progress: QProgressDialog, done: int) -> None:
        if progress.isVisible():  # not after the load ended (setValue would show a closed dialog again)
            progress.setValue(done)

    def _done(self, summary: DemoSummary) -> None:
        self.window.statusBar().showMessage(
            self.tr("Demo data loaded: {sales} sales, {links} checkout links, {subscriptions} subscriptions.").format(
                sales=summary.sales, links=summary.checkout_links, subscriptions=summary.subscriptions), 15000)
        self.loaded.emit(summary)
