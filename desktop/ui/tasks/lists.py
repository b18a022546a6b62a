"""The lists of the Nhiệm vụ page: progress records, and the office's own sub-tasks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget
from sqlalchemy.orm import Session

from desktop.core.errors import ErrorCollector
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.periods import Period
from desktop.core.tasks.catalogue import plan_tasks
from desktop.core.tasks.office_tasks import (
    OfficeTaskInput,
    OfficeTaskRow,
    create_office_task,
    delete_office_task,
    list_office_tasks,
    restore_office_task,
    update_office_task,
    validate_office_task,
)
from desktop.core.tasks.progress import (
    ProgressRow,
    delete_progress,
    describe_progress,
    list_progress,
    restore_progress,
    status_text,
)
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import ChoiceCombo
from desktop.ui.period_filter import PeriodValue
from desktop.ui.recording.forms import TextArea
from desktop.ui.recording.lists import RecordListPage
from desktop.ui.table_model import Column
from desktop.ui.tasks.board import SUB_TASK_MARK
from desktop.ui.tasks.progress_form import ProgressForm


@dataclass(frozen=True)
class PeriodColumn(Column[Any]):
    """A reporting period shown by its name and sorted in time (by its end, the year after
    its quarters)."""

    def sort_value(self, raw: Any) -> Any:
        if isinstance(raw, Period):
            return (1, raw.end.isoformat(), raw.months)
        return (0,)


def first_line(text: str, limit: int = 120) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"


def documents_text(row: ProgressRow) -> str:
    return "; ".join(
        " ".join(part for part in (d.reference, format_date(d.issued_on)) if part)
        for d in row.documents
    )


class ProgressListPage(RecordListPage[ProgressRow]):
    title = QT_TRANSLATE_NOOP("TasksPage", "Progress records")
    record_types = ("task_progress", "task_document")
    form_class = ProgressForm
    columns = (
        PeriodColumn(
            QT_TRANSLATE_NOOP("TasksPage", "Period"),
            lambda r: r.period,
            display=lambda p: p.label(),
        ),
        Column[ProgressRow](QT_TRANSLATE_NOOP("TasksPage", "Code"), lambda r: r.plan_task_code),
        Column[ProgressRow](
            QT_TRANSLATE_NOOP("TasksPage", "Task"),
            lambda r: f"{SUB_TASK_MARK}{r.title}" if r.office_task_id else r.title,
        ),
        Column[ProgressRow](QT_TRANSLATE_NOOP("TasksPage", "Status"), status_text),
        Column[ProgressRow](
            QT_TRANSLATE_NOOP("TasksPage", "What was done"), lambda r: first_line(r.achievements)
        ),
        Column[ProgressRow](QT_TRANSLATE_NOOP("TasksPage", "Documents issued"), documents_text),
        Column[ProgressRow](
            QT_TRANSLATE_NOOP("TasksPage", "Difficulties"), lambda r: first_line(r.difficulties)
        ),
        Column[ProgressRow](
            QT_TRANSLATE_NOOP("TasksPage", "Proposals"), lambda r: first_line(r.proposals)
        ),
        Column[ProgressRow](
            QT_TRANSLATE_NOOP("TasksPage", "Report date"), lambda r: r.reported_on, CellKind.DATE
        ),
    )

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.today = today
        super().__init__(context, parent)

    def load_rows(self, session: Session) -> list[ProgressRow]:
        return list_progress(session, self.owner)

    def open_form(self, row: ProgressRow | None) -> bool:
        form = ProgressForm(self.context, row, self, today=self.today())
        return form.exec() == QDialog.DialogCode.Accepted

    def delete_row(self, session: Session, row: ProgressRow) -> int:
        return delete_progress(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_progress(session, record_id, expected_version=version)

    def describe(self, row: ProgressRow) -> str:
        return tr(QT_TRANSLATE_NOOP("TasksPage", "the progress record {what}")).format(
            what=describe_progress(row)
        )

    def period_of(self, row: ProgressRow) -> PeriodValue:
        return row.period


class OfficeTaskForm(RecordForm[OfficeTaskInput]):
    def __init__(
        self, context: AppContext, row: OfficeTaskRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("New sub-task of this office") if row is None else self.tr("Sub-task"),
            parent,
            editing=row,
            create=create_office_task,
            update=update_office_task,
        )
        self.context, self.row, self.database = context, row, context.database
        with context.database.reading() as session:
            tasks = plan_tasks(session, context.office.own_records)
        self.parent_task = self.add_field(
            "parent",
            self.tr("Under the plan's task"),
            ChoiceCombo([(t.code, f"{t.code} – {t.short_title}") for t in tasks], optional=True),
        )
        self.title_edit = self.add_field(
            "title", self.tr("Sub-task"), QLineEdit(row.title if row else "")
        )
        self.notes = self.add_field("notes", self.tr("Notes"), TextArea(row.notes if row else ""))
        if row is not None:
            self.parent_task.set_value(row.parent_code)

    def read(self, errors: ErrorCollector) -> OfficeTaskInput:
        data = OfficeTaskInput(
            parent_code=self.parent_task.value(),
            title=self.title_edit.text(),
            notes=self.notes.value(),
            sort_order=self.row.sort_order if self.row else 0,
        )
        errors.check(validate_office_task, data)
        return data


class OfficeTaskListPage(RecordListPage[OfficeTaskRow]):
    title = QT_TRANSLATE_NOOP("TasksPage", "Sub-tasks of this office")
    record_types = ("office_task",)
    form_class = OfficeTaskForm
    columns = (
        Column[OfficeTaskRow](QT_TRANSLATE_NOOP("TasksPage", "Plan task"), lambda r: r.parent_code),
        Column[OfficeTaskRow](
            QT_TRANSLATE_NOOP("TasksPage", "Title of the plan task"), lambda r: r.parent_title
        ),
        Column[OfficeTaskRow](QT_TRANSLATE_NOOP("TasksPage", "Sub-task"), lambda r: r.title),
        Column[OfficeTaskRow](
            QT_TRANSLATE_NOOP("TasksPage", "Progress records"),
            lambda r: r.progress_count,
            CellKind.NUMBER,
        ),
        Column[OfficeTaskRow](QT_TRANSLATE_NOOP("TasksPage", "Notes"), lambda r: r.notes),
    )

    def load_rows(self, session: Session) -> list[OfficeTaskRow]:
        return list_office_tasks(session, self.owner)

    def delete_row(self, session: Session, row: OfficeTaskRow) -> int:
        return delete_office_task(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_office_task(session, record_id, expected_version=version)

    def describe(self, row: OfficeTaskRow) -> str:
        if row.progress_count:
            text = QT_TRANSLATE_NOOP(
                "TasksPage", "the sub-task “{title}” and its {count} progress records"
            )
        else:
            text = QT_TRANSLATE_NOOP("TasksPage", "the sub-task “{title}”")
        return tr(text).format(title=row.title, count=row.progress_count)
