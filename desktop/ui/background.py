"""The one way to run slow work (imports, exports, reports) off the GUI thread.

The work function runs on Qt's thread pool and receives a :class:`Progress` it may report
to; its result or its error comes back on the GUI thread through signals, so widgets are
only ever touched there. Each task opens its own database session inside the work function.
Pressing Cancel makes the next ``progress.report`` raise ``Cancelled``; services then roll
back, so a cancelled import changes nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.core.progress import Cancelled, Progress

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class TaskProgress(Progress):
    """Forwards progress to the GUI thread and carries the cancel request back."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._signals.progress.emit(done, total, text)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, progress: TaskProgress):
        super().__init__()
        self.work = work
        self.signals = signals
        self.task_progress = progress
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work(self.task_progress)
        except BaseException as exc:  # delivered to the GUI thread, never swallowed
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class BackgroundTask(QObject):
    """A running piece of work; keep a reference until ``finished`` (the helper does)."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.signals = _Signals()
        self.progress = TaskProgress(self.signals)
        self.dialog: QProgressDialog | None = None


_running: set[BackgroundTask] = set()


def run_in_background(
    work: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    parent: QWidget | None = None,
    label: str = "",
    cancellable: bool = False,
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Run ``work(progress)`` on the thread pool.

    With a ``label``, a modal progress dialog shows progress (and a Cancel button when
    ``cancellable``). ``on_done(result)`` or ``on_error(exception)`` then runs on the GUI
    thread.
    """
    task = BackgroundTask()
    _running.add(task)
    if label:
        dialog = QProgressDialog(
            label,
            QCoreApplication.translate("BackgroundTask", "Cancel") if cancellable else "",
            0,
            0,
            parent,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        # Arms the dialog's own timer: it shows after those 300 ms even when the work reports
        # no progress at all (opening a database on a server), not only from a first report.
        dialog.setValue(0)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(task.progress.cancel)
        task.dialog = dialog

        def show_progress(done: int, total: int, text: str) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if text:
                dialog.setLabelText(f"{label}\n{text}")

        task.signals.progress.connect(show_progress)

    def finish() -> None:
        if task.dialog is not None:
            task.dialog.reset()
            task.dialog.deleteLater()
            task.dialog = None
        _running.discard(task)
        task.finished.emit()

    def done(result: Any) -> None:
        finish()
        on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        if not isinstance(exc, Cancelled):
            log.info("background task failed: %r", exc)
        on_error(exc)

    task.signals.done.connect(done)
    task.signals.failed.connect(failed)
    (pool or QThreadPool.globalInstance()).start(_Runnable(work, task.signals, task.progress))
    return task
