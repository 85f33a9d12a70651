"""THE one way a widget launches async work (STYLE.md habits 2 and 13), in two kinds:

* :func:`run_operation` for work that changes money or a record at the gateway (pay, pre-authorize,
  capture, void, refund, a checkout link, a subscription write). While one is in flight, quitting asks the
  cashier first: its outcome would be recorded as unknown.
* :func:`run_query` for reads (lists, lookups, quotes, connection checks). A read never holds up quitting;
  it is simply cancelled.

::

    from klogs_desk.ui.async_runner import run_operation

    def _on_pay_clicked(self) -> None:
        run_operation(self.pay_button, self._pay(), on_success=self._show_result, on_error=self._show_error,
                      progress=self.progress_bar)

What both promise:

* ``control`` (a button, a whole form, or ``None``) is disabled until the work ends, and re-enabled
  when the task is done whatever happens, even if cancelled before it started (unless the widget was
  deleted meanwhile). A busy cursor is shown while any task runs; ``progress`` (a ``QProgressBar``),
  if given, is shown in "busy" mode meanwhile.
* The task is scheduled on the running qasync loop and a reference is kept until it ends, so it cannot
  be garbage-collected mid-flight. The app installs that loop right after the first frame
  (:mod:`klogs_desk.ui.event_loop`); work started before then (a Pay clicked at once) has it installed
  on the spot, so nothing waits for a timer nor is lost. The wrapping :class:`asyncio.Task` is returned (for cancelling;
  its own result is ``None``, the coroutine's result goes to ``on_success``).
* ``on_success(result)`` runs on the UI thread with the coroutine's result.
* A :class:`~klogs_desk.api.errors.KlogsError` (a message already written for the cashier) goes to
  ``on_error(exc)`` if given, else to :meth:`TaskRunner.show_user_error` — a readable dialog. Tests
  replace that method (``monkeypatch.setattr(RUNNER, "show_user_error", ...)``).
* Anything else is a bug: it goes to ``sys.excepthook`` (the app's hook logs it redacted and shows one
  "Something went wrong" dialog). Exceptions raised *inside* ``on_success``/``on_error`` go there too.
* Cancellation (the window closing, the user pressing Cancel) is silent.
* Callbacks are skipped when their ``owner`` (default: ``control``) was deleted while the work ran: a
  table model or tab closed mid-request must not be touched (it would raise "already deleted").

Contract for callers: start each network action with exactly one ``run_operation``/``run_query`` per
click; disable the control through ``control`` rather than by hand so a double click cannot send twice.
"""

from __future__ import annotations

import enum
import logging
import sys
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Coroutine, TypeVar

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QProgressBar, QWidget

from ..api.errors import KlogsError
from . import event_loop
from .messages import render

if TYPE_CHECKING:
    import asyncio  # not at import: the first frame comes before asyncio (event_loop.py)

T = TypeVar("T")

#: The error dialog's title when the caller names none (translated when shown).
DEFAULT_ERROR_TITLE = QT_TRANSLATE_NOOP("TaskRunner", "The request did not go through")

log = logging.getLogger(__name__)


class TaskKind(enum.Enum):
    """What a task does, which decides what quitting does with it (Anki's ``CollectionOp`` vs ``QueryOp``)."""

    #: Changes money or a gateway record: quitting asks first, its outcome becomes unknown if cut.
    OPERATION = "operation"
    #: Reads only: cancelled on quit without a question.
    QUERY = "query"


class TaskRunner:
    """Runs coroutines for widgets; one instance (:data:`RUNNER`) serves the whole app."""

    def __init__(self) -> None:
        self._tasks: dict[asyncio.Task[Any], TaskKind] = {}
        self._busy_cursors = 0

    @property
    def running(self) -> int:
        """How many tasks of either kind are in flight (tests wait for this to reach 0)."""
        return len(self._tasks)

    @property
    def operations_running(self) -> int:
        """How many operations (money or gateway records changing) are in flight: quitting asks about these."""
        return sum(1 for kind in self._tasks.values() if kind is TaskKind.OPERATION)

    def run(self, kind: TaskKind, control: QWidget | None, coro: Coroutine[Any, Any, T], *,
            on_success: Callable[[T], Any] | None = None,
            on_error: Callable[[KlogsError], Any] | None = None,
            progress: QProgressBar | None = None, busy_cursor: bool = True,
            error_title: str = DEFAULT_ERROR_TITLE,
            owner: QObject | None = None) -> "asyncio.Task[None]":
        """See the module docstring. Must be called on the UI thread with a running qasync loop."""
        event_loop.ensure()  # a click before the app's loop was installed installs it now
        import asyncio

        loop = asyncio.get_event_loop()
        if control is not None:
            control.setEnabled(False)
        if progress is not None:
            progress.setRange(0, 0)
            progress.setVisible(True)
        if busy_cursor:
            self._push_cursor()
        task = loop.create_task(self._guarded(coro, on_success, on_error, control, error_title,
                                              owner if owner is not None else control))
        self._tasks[task] = kind

        def finished(done: "asyncio.Task[None]") -> None:
            # A done-callback, not ``finally`` in the coroutine: a task cancelled before its first step
            # never runs its body, and the control must come back all the same.
            self._tasks.pop(done, None)
            coro.close()  # no-op once it ran; avoids "never awaited" when cancelled before starting
            self._restore(control, progress, busy_cursor)

        task.add_done_callback(finished)
        return task

    async def _guarded(self, coro: Awaitable[T], on_success: Callable[[T], Any] | None,
                       on_error: Callable[[KlogsError], Any] | None, control: QWidget | None,
                       error_title: str, owner: QObject | None) -> None:
        import asyncio

        try:
            try:
                result = await coro
            except KlogsError as exc:
                if owner is not None and not shiboken6.isValid(owner):
                    log.debug("owner deleted; error not shown: %s", exc.message)
                    return
                if on_error is not None:
                    on_error(exc)
                else:
                    self.show_user_error(control, error_title, render(exc.msg))
            else:
                if owner is not None and not shiboken6.isValid(owner):
                    log.debug("owner deleted; result dropped")
                    return
                if on_success is not None:
                    on_success(result)
        except asyncio.CancelledError:
            log.debug("task cancelled")
        except Exception as exc:  # a bug: the app-wide hook logs it and tells the user once
            self.report_bug(exc)

    def _restore(self, control: QWidget | None, progress: QProgressBar | None, busy_cursor: bool) -> None:
        if busy_cursor:
            self._pop_cursor()
        if progress is not None and shiboken6.isValid(progress):
            progress.setRange(0, 1)
            progress.setVisible(False)
        if control is not None and shiboken6.isValid(control):
            control.setEnabled(True)

    def show_user_error(self, parent: QWidget | None, title: str, message: str) -> None:
        """Show a cashier-readable error without blocking the loop (tests replace this method).

        ``message`` is already in the installed language (rendered from the error's message code); a
        title still in English (the default) is translated here."""
        from PySide6.QtWidgets import QMessageBox  # not at import: its enums are not the first frame's (~3 ms)

        title = QCoreApplication.translate("TaskRunner", title)
        if parent is not None and not shiboken6.isValid(parent):
            parent = None
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                          parent.window() if parent is not None else None)
        box.setObjectName("taskErrorDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def report_bug(self, exc: BaseException) -> None:
        """Hand an unexpected exception to the app-wide excepthook (tests replace this method)."""
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def _push_cursor(self) -> None:
        if self._busy_cursors == 0 and QApplication.instance() is not None:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._busy_cursors += 1

    def _pop_cursor(self) -> None:
        self._busy_cursors = max(0, self._busy_cursors - 1)
        if self._busy_cursors == 0 and QApplication.instance() is not None:
            QApplication.restoreOverrideCursor()

    def cancel_all(self) -> None:
        """Cancel every task in flight (the window is closing)."""
        for task in list(self._tasks):
            task.cancel()


#: The app's runner. Widgets call :func:`run_operation` or :func:`run_query`; tests patch ``RUNNER.show_user_error``.
RUNNER = TaskRunner()


def run_operation(control: QWidget | None, coro: Coroutine[Any, Any, T], *,
                  on_success: Callable[[T], Any] | None = None,
                  on_error: Callable[[KlogsError], Any] | None = None,
                  progress: QProgressBar | None = None, busy_cursor: bool = True,
                  error_title: str = DEFAULT_ERROR_TITLE,
                  owner: QObject | None = None) -> "asyncio.Task[None]":
    """Run ``coro``, which changes money or a gateway record, for ``control`` (see the module docstring)."""
    return RUNNER.run(TaskKind.OPERATION, control, coro, on_success=on_success, on_error=on_error,
                      progress=progress, busy_cursor=busy_cursor, error_title=error_title, owner=owner)


def run_query(control: QWidget | None, coro: Coroutine[Any, Any, T], *,
              on_success: Callable[[T], Any] | None = None,
              on_error: Callable[[KlogsError], Any] | None = None,
              progress: QProgressBar | None = None, busy_cursor: bool = True,
              error_title: str = DEFAULT_ERROR_TITLE,
              owner: QObject | None = None) -> "asyncio.Task[None]":
    """Run ``coro``, which only reads, for ``control`` (see the module docstring)."""
    return RUNNER.run(TaskKind.QUERY, control, coro, on_success=on_success, on_error=on_error,
                      progress=progress, busy_cursor=busy_cursor, error_title=error_title, owner=owner)
