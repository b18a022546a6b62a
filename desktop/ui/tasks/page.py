"""Nhiệm vụ: the plan's tasks with their latest status, the progress records, the tasks a
period still lacks, and the office's own sub-tasks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from desktop.core.periods import Period
from desktop.core.tasks.progress import get_progress
from desktop.ui.context import AppContext
from desktop.ui.tasks.board import MissingView, TaskBoard
from desktop.ui.tasks.lists import OfficeTaskListPage, ProgressListPage
from desktop.ui.tasks.progress_form import ProgressForm
from desktop.ui.views import page_title


class TasksPage(QWidget):
    """``today`` gives the date the page works with (the clock's, unless a test gives
    another): the year of the figures, the period a new record is proposed for."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Tasks")))
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.board = TaskBoard(context, today=today)
        self.progress = ProgressListPage(context, today=today)
        self.missing = MissingView(context, today=today)
        self.sub_tasks = OfficeTaskListPage(context)
        self.tabs.addTab(self.board, self.tr("Tasks of the plan"))
        self.tabs.addTab(self.progress, self.tr("Progress records"))
        self.tabs.addTab(self.missing, self.tr("Not yet reported"))
        self.tabs.addTab(self.sub_tasks, self.tr("Sub-tasks of this office"))
        self.board.record_requested.connect(self._open_from_board)
        self.missing.record_requested.connect(self._open_new)

    def _open_from_board(self, key: str, progress_id: str) -> None:
        if not progress_id:
            self._open_new(key, None)
            return
        with self.context.database.reading() as session:
            row = get_progress(session, progress_id)
        if row is None:
            self._open_new(key, None)
            return
        form = ProgressForm(self.context, row, self, today=self.today())
        if form.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def _open_new(self, key: str, period: Period | None) -> None:
        form = ProgressForm(self.context, None, self, task=key, period=period, today=self.today())
        if form.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def refresh(self) -> None:
        for widget in (self.board, self.progress, self.missing, self.sub_tasks):
            widget.reload()
