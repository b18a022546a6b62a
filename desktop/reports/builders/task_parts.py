"""The task parts of the reports: each task of the plan with where it stands in the period,
what was done and the documents issued, the completion figures, and the difficulties and
proposals the offices wrote.

Everything comes from :mod:`desktop.core.tasks`: a task's status in a period is the status
of its latest record counting for the period (:func:`task_states`), the completion figures
are :func:`task_completion`'s. A report for a half or a year gathers every record of its
periods: all the documents issued, what was done in each period, the latest status.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from db.enums import TaskStatus
from desktop.core.formatting import format_date, format_percent
from desktop.core.owners import Scope
from desktop.core.periods import Period
from desktop.core.plan_reference import PLAN_NUMBERING_NOTE, plan_numbering, sections_cited
from desktop.core.tasks.catalogue import period_rank, period_within
from desktop.core.tasks.progress import DocumentRow, ProgressRow, list_progress
from desktop.core.tasks.status import TaskCompletion, TaskState, task_states
from desktop.reports.builders.common import lines
from desktop.reports.builders.period_parts import capitalised
from desktop.reports.builders.vocabulary import NOT_REPORTED, TASK_STATUS
from desktop.reports.model import Cell, Chart, ChartKind, Column, Paragraph, Series, Table
from desktop.reports.xlsx_table import CellKind


@dataclass(frozen=True)
class TaskLineReport:
    """A task (or sub-task) with every record counting for the period, oldest first; the
    latest of them sets its status."""

    state: TaskState
    records: tuple[ProgressRow, ...] = ()

    @property
    def record(self) -> ProgressRow | None:
        """The record that sets the task's status in the period."""
        return next((r for r in self.records if r.id == self.state.progress_id), None)


def task_lines_with_records(
    session: Session, owner: str, period: Period, cut: date | None = None
) -> list[TaskLineReport]:
    """The tasks ``owner`` reports on, in the plan's order with its sub-tasks, each with all
    its records of ``period`` (a record counts when its own period lies inside the report's:
    a year gathers its quarters, halves and the year's own record) and, on them, only the
    documents issued on or before ``cut``."""
    states = task_states(session, owner, period)
    found: dict[tuple[str, str | None], list[ProgressRow]] = {}
    for row in list_progress(session, Scope.unit(owner)):
        if period_within(row.period, period):
            if cut is not None:
                row = replace(
                    row,
                    documents=tuple(
                        d for d in row.documents if d.issued_on is None or d.issued_on <= cut
                    ),
                )
            found.setdefault((row.plan_task_code, row.office_task_id), []).append(row)
    lines = []
    for state in states:
        rows = found.get((state.line.plan_task_code, state.line.office_task_id), [])
        rows.sort(key=lambda r: period_rank(r.period))
        lines.append(TaskLineReport(state, tuple(rows)))
    return lines


def status_text(line: TaskLineReport, period: Period) -> str:
    """``Đang triển khai (60 %)``; the record's own period when it is a part of the report's
    ("Hoàn thành\n(quý III năm 2026)"); ``Chưa báo cáo`` without a record."""
    state = line.state
    if state.status is None:
        return NOT_REPORTED
    text = TASK_STATUS[state.status]
    if state.status is TaskStatus.DANG_TRIEN_KHAI and state.percent is not None:
        text = f"{text} ({state.percent} %)"
    if state.period is not None and state.period != period:
        text = f"{text}\n({state.period.label_vi()})"
    return text


def document_text(document: DocumentRow) -> str:
    """``Kế hoạch 12/KH-UBND ngày 05/08/2026: trích yếu`` as documents are cited."""
    head = document.reference
    if document.issued_on is not None:
        head = f"{head} ngày {format_date(document.issued_on)}".strip()
    if document.summary:
        return f"{head}: {document.summary}" if head else document.summary
    return head


def results_text(item: TaskLineReport, period: Period) -> str:
    """What was done: each record's text, headed by its own period when that is a part of
    the report's ("Quý I năm 2026: …")."""
    parts = []
    for record in item.records:
        text = record.achievements.strip()
        if not text:
            continue
        if record.period != period:
            text = f"{capitalised(record.period.label_vi())}: {text}"
        parts.append(text)
    return "\n".join(parts)


def documents_text(item: TaskLineReport) -> str:
    """Every document of the period's records, in the order issued, each once."""
    seen: dict[tuple[str, object, str], DocumentRow] = {}
    for record in item.records:
        for document in record.documents:
            seen.setdefault((document.reference, document.issued_on, document.summary), document)
    ordered = sorted(seen.values(), key=lambda d: (d.issued_on or date.min, d.number))
    return lines([document_text(d) for d in ordered])


def task_table(title: str, sheet: str, items: list[TaskLineReport], period: Period) -> Table:
    """One row per task: code, task, status, what was done, documents issued."""
    rows = []
    for item in items:
        line = item.state.line
        rows.append(
            (
                "" if line.is_sub_task else plan_numbering(line.plan_task_code),
                f"– {line.title}" if line.is_sub_task else line.title,
                status_text(item, period),
                results_text(item, period),
                documents_text(item),
            )
        )
    return Table(
        title,
        sheet,
        [
            Column("Mục", weight=1.4),
            Column("Nhiệm vụ", weight=3.2),
            Column("Tình trạng", weight=1.8),
            Column("Kết quả thực hiện", weight=3.8),
            Column("Văn bản đã ban hành", weight=3.2),
        ],
        rows,
        note=PLAN_NUMBERING_NOTE,
        empty_text="Chưa có nhiệm vụ nào.",
    )


def completion_sentence(unit: str, completion: TaskCompletion, period: Period) -> Paragraph:
    """The completion figures as one sentence."""
    return Paragraph(
        f"Trong {period.label_vi()}, {unit} có {completion.reported}/{completion.expected} "
        f"nhiệm vụ của Kế hoạch đã có báo cáo kết quả, trong đó: {completion.completed} nhiệm "
        f"vụ hoàn thành, {completion.ongoing} nhiệm vụ thực hiện thường xuyên, "
        f"{completion.in_progress} nhiệm vụ đang triển khai, {completion.not_started} nhiệm vụ "
        f"chưa triển khai; {completion.missing} nhiệm vụ chưa có báo cáo. Tỷ lệ nhiệm vụ hoàn "
        f"thành và thực hiện thường xuyên đạt {format_percent(completion.done_share)}."
    )


def completion_chart(completion: TaskCompletion, title: str) -> Chart:
    names = [TASK_STATUS[status] for status in TaskStatus] + [NOT_REPORTED]
    values = [completion.count(status) for status in TaskStatus] + [completion.missing]
    return Chart(
        title,
        ChartKind.PIE,
        names,
        [Series("Số nhiệm vụ", [float(v) for v in values])],
    )


def completion_columns() -> list[Column]:
    return [
        Column("Nhiệm vụ phải báo cáo", CellKind.NUMBER, 1.2),
        Column("Hoàn thành", CellKind.NUMBER, 1.1),
        Column("Thường xuyên", CellKind.NUMBER, 1.1),
        Column("Đang triển khai", CellKind.NUMBER, 1.1),
        Column("Chưa triển khai", CellKind.NUMBER, 1.1),
        Column("Chưa báo cáo", CellKind.NUMBER, 1.1),
        Column("Tỷ lệ hoàn thành", CellKind.PERCENT, 1.3),
    ]


def completion_cells(completion: TaskCompletion) -> tuple[Cell, ...]:
    return (
        completion.expected,
        completion.completed,
        completion.ongoing,
        completion.in_progress,
        completion.not_started,
        completion.missing,
        completion.done_share,
    )


def remarks(items: list[TaskLineReport], field: str, *, none: str = "Không có.") -> list[Paragraph]:
    """The offices' difficulties (``field="difficulties"``) or proposals written on the
    period's records, each text once, with the tasks they were written for; ``none`` when
    there is none."""
    found: dict[str, list[str]] = {}
    for item in items:
        for record in item.records:
            text = getattr(record, field).strip()
            if text:
                found.setdefault(text, []).append(item.state.line.plan_task_code)
    if not found:
        return [Paragraph(none)] if none else []
    paragraphs = []
    for text, codes in found.items():
        paragraphs.append(Paragraph(f"- {text.rstrip('.')} ({sections_cited(codes)})."))
    return paragraphs
