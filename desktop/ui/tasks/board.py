"""Where the tasks stand: every task with its latest status and period, and for a chosen
period the tasks that still have no record, with the completion figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.enums import PeriodKind, TaskStatus
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.labels import label
from desktop.core.periods import Period
from desktop.core.tasks.progress import previous_period
from desktop.core.tasks.status import (
    TaskCompletion,
    TaskLine,
    TaskState,
    missing_for_period,
    task_completion,
    task_states,
)
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.data_changes import watch
from desktop.ui.exporting import export_model
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.period_filter import PeriodFilter
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.views import fit_columns, make_table

SUB_TASK_MARK = "↳ "


def state_text(state: TaskState) -> str:
    if state.status is None:
        return tr(QT_TRANSLATE_NOOP("TaskBoard", "No record yet"))
    if state.status is TaskStatus.DANG_TRIEN_KHAI and state.percent is not None:
        return f"{label(state.status)} ({state.percent} %)"
    return label(state.status)


def line_title(line: TaskLine) -> str:
    return SUB_TASK_MARK + line.title if line.is_sub_task else line.title


BOARD_COLUMNS = [
    Column[TaskState](QT_TRANSLATE_NOOP("TaskBoard", "Code"), lambda s: s.plan_task_code),
    Column[TaskState](QT_TRANSLATE_NOOP("TaskBoard", "Task"), lambda s: line_title(s.line)),
    Column[TaskState](QT_TRANSLATE_NOOP("TaskBoard", "Heading"), lambda s: s.line.heading_code),
    Column[TaskState](QT_TRANSLATE_NOOP("TaskBoard", "Latest status"), state_text),
    Column[TaskState](
        QT_TRANSLATE_NOOP("TaskBoard", "Latest period"),
        lambda s: s.period,
        display=lambda p: p.label() if p else "",
    ),
    Column[TaskState](
        QT_TRANSLATE_NOOP("TaskBoard", "Progress records"), lambda s: s.records, CellKind.NUMBER
    ),
]

MISSING_COLUMNS = [
    Column[TaskLine](QT_TRANSLATE_NOOP("TaskBoard", "Code"), lambda t: t.plan_task_code),
    Column[TaskLine](QT_TRANSLATE_NOOP("TaskBoard", "Task"), line_title),
    Column[TaskLine](QT_TRANSLATE_NOOP("TaskBoard", "Heading"), lambda t: t.heading_code),
    Column[TaskLine](QT_TRANSLATE_NOOP("TaskBoard", "Heading title"), lambda t: t.heading_title),
]

M_COMPLETION = QT_TRANSLATE_NOOP(
    "TaskBoard",
    "{period}: {expected} plan tasks — {reported} reported, {missing} without a record; "
    "{completed} completed, {ongoing} carried out regularly, {in_progress} in progress, "
    "{not_started} not started.",
)


def completion_text(completion: TaskCompletion) -> str:
    return tr(
        M_COMPLETION,
        period=completion.period.label(),
        expected=completion.expected,
        reported=completion.reported,
        missing=completion.missing,
        completed=completion.completed,
        ongoing=completion.ongoing,
        in_progress=completion.in_progress,
        not_started=completion.not_started,
    )


class TaskBoard(QWidget):
    """Each task (sub-tasks under their task) with its latest status and period."""

    #: (task key, progress id or "") — the page opens the right form.
    record_requested = Signal(str, str)

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
        bar = FlowLayout()  # wraps on a narrow window
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search (accents not needed)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        bar.addWidget(self.search)
        self.section = QComboBox()
        self.section.addItem(self.tr("Sections II and III"), None)
        bar.addWidget(self.section)
        bar.addStretch(1)
        self.new_button = QPushButton(self.tr("Record progress…"))
        self.open_button = QPushButton(self.tr("Open the latest record…"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        for button in (self.new_button, self.open_button, self.export_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.model = RowTableModel(BOARD_COLUMNS, parent=self)
        self.view = make_table(self.model)
        layout.addWidget(self.view, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.search.textChanged.connect(self.model.set_query)
        self.section.currentIndexChanged.connect(self._section_chosen)
        self.new_button.clicked.connect(lambda: self._request(latest=False))
        self.open_button.clicked.connect(lambda: self._request(latest=True))
        self.view.doubleClicked.connect(lambda _i: self._request(latest=True))
        self.export_button.clicked.connect(lambda: self.export())
        self._sized = False
        # Progress recorded on the other tabs (or imported) shows here.
        watch(self, context.changes, ("task_progress",), self.reload)
        self.reload()

    def reload(self) -> None:
        owner = self.context.office.unit_code
        year = Period.whole_year(self.today().year)
        with self.context.database.reading() as session:
            states = task_states(session, owner)
            completion = task_completion(session, year, self.context.office.own_records)
        self.model.set_rows(states)
        if self.section.count() == 1:
            sections = dict.fromkeys((s.section, s.line.section_title) for s in states)
            for code, title in sections:
                self.section.addItem(f"{code}. {title}", code)
        self.summary.setText(completion_text(completion))
        if not self._sized and states:
            fit_columns(self.view, widest=380)
            self._sized = True

    def _section_chosen(self) -> None:
        """The plan's tasks grouped by section: show one section, or both."""
        code = self.section.currentData()
        self.model.set_filter("section", None if code is None else lambda s: s.section == code)

    def selected(self) -> TaskState | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _request(self, *, latest: bool) -> None:
        state = self.selected()
        if state is None:
            return
        key = state.plan_task_code
        if state.line.office_task_id:
            key = f"{key}|{state.line.office_task_id}"
        progress = state.progress_id if latest and state.progress_id else ""
        self.record_requested.emit(key, progress)

    def export(self) -> None:
        title = tr(QT_TRANSLATE_NOOP("TaskBoard", "Tasks and their latest status"))
        export_model(
            self, self.model, title, self.context.paths.reports, self.context.office.office_name
        )


class MissingView(QWidget):
    """For a chosen period: the completion figures and the tasks with no record yet."""

    #: (task key, period code) — the page opens a new record for them.
    record_requested = Signal(str, object)

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
        bar = QHBoxLayout()
        self.period_filter = PeriodFilter(allow_all=False)
        this_year = today().year
        self.period_filter.set_years({this_year, this_year - 1, this_year - 2})
        # The quarter just ended: the one clerks are writing up.
        self.period_filter.set_period(
            previous_period(Period.containing(today(), PeriodKind.QUARTER))
        )
        bar.addWidget(self.period_filter)
        bar.addStretch(1)
        self.new_button = QPushButton(self.tr("Record progress…"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        bar.addWidget(self.new_button)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RowTableModel(MISSING_COLUMNS, parent=self)
        self.view = make_table(self.model)
        layout.addWidget(self.view, 1)
        note = QLabel(
            self.tr(
                "A record counts for the period it lies in: a quarter's record counts for its "
                "half and for the whole year."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.period_filter.changed.connect(self.reload)
        self.new_button.clicked.connect(self._request)
        self.view.doubleClicked.connect(lambda _i: self._request())
        self.export_button.clicked.connect(lambda: self.export())
        watch(self, context.changes, ("task_progress",), self.reload)
        self.reload()

    def period(self) -> Period:
        return self.period_filter.period() or Period.whole_year(self.today().year)

    def reload(self) -> None:
        owner = self.context.office.unit_code
        period = self.period()
        with self.context.database.reading() as session:
            missing = missing_for_period(session, period, owner)
            completion = task_completion(session, period, self.context.office.own_records)
        self.model.set_rows(missing)
        self.summary.setText(completion_text(completion))
        fit_columns(self.view, widest=380)

    def _request(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        line = self.model.row_at(rows[0].row())
        key = line.plan_task_code
        if line.office_task_id:
            key = f"{key}|{line.office_task_id}"
        self.record_requested.emit(key, self.period())

    def export(self) -> None:
        title = tr(QT_TRANSLATE_NOOP("TaskBoard", "Tasks without a record for {period}")).format(
            period=self.period().label()
        )
        export_model(
            self, self.model, title, self.context.paths.reports, self.context.office.office_name
        )
