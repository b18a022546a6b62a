"""Progress on the plan's tasks, period by period, with the documents each period issued."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from db.base import SyncedRecord, enum_column
from db.enums import PeriodKind, TaskStatus
from db.fields import (
    MAX_AMOUNT,
    MAX_LONG_TEXT,
    MAX_TEXT,
    calendar_year,
    day,
    field,
    percentage,
    text,
    whole_number,
)

#: What an office writes about a period: paragraphs, line breaks kept.
REPORT_TEXT = text(MAX_LONG_TEXT, multiline=True)


class OfficeTask(SyncedRecord):
    """A sub-task an office adds under one of the plan's tasks."""

    __tablename__ = "office_tasks"
    record_type = "office_task"

    parent_code: Mapped[str] = mapped_column(ForeignKey("plan_tasks.code"), index=True)
    title: Mapped[str] = field(text(300, required=True))
    sort_order: Mapped[int] = field(whole_number(0, MAX_AMOUNT), default=0)
    notes: Mapped[str] = field(text(MAX_TEXT, multiline=True), default="")


class TaskProgress(SyncedRecord):
    """What an office did on one task in one period.

    The period is ``(period_kind, year, period_no)``: quarter 1–4, half 1–2, or year with
    ``period_no`` 1. ``office_task_id`` is set when the record is about an office sub-task.
    """

    __tablename__ = "task_progress"
    __table_args__ = (Index("ix_task_progress_period", "year", "period_kind", "period_no"),)
    record_type = "task_progress"

    plan_task_code: Mapped[str] = mapped_column(ForeignKey("plan_tasks.code"), index=True)
    office_task_id: Mapped[str | None] = mapped_column(ForeignKey("office_tasks.id"))
    period_kind: Mapped[PeriodKind] = enum_column(PeriodKind)
    year: Mapped[int] = field(calendar_year())
    #: Quarter 1–4, half 1–2, or 1 for a year.
    period_no: Mapped[int] = field(whole_number(1, 4))
    status: Mapped[TaskStatus] = enum_column(TaskStatus)
    percent: Mapped[int | None] = field(percentage())
    achievements: Mapped[str] = field(REPORT_TEXT, default="")
    figures: Mapped[str] = field(REPORT_TEXT, default="")
    difficulties: Mapped[str] = field(REPORT_TEXT, default="")
    proposals: Mapped[str] = field(REPORT_TEXT, default="")
    reported_on: Mapped[date | None] = field(day())
    #: What a dissemination task of the plan (II.1.*) reached in the period: sessions held
    #: (hội nghị, buổi tuyên truyền) and people reached; none for the other tasks. The bounds
    #: are far above what a commune or the city holds in one period: above them a figure is a
    #: typing error.
    sessions_held: Mapped[int | None] = field(whole_number(0, 100_000))
    participants: Mapped[int | None] = field(whole_number(0, 10_000_000))


class TaskDocument(SyncedRecord):
    """A document issued for a progress record: số, ký hiệu, ngày, trích yếu."""

    __tablename__ = "task_documents"
    record_type = "task_document"

    progress_id: Mapped[str] = mapped_column(ForeignKey("task_progress.id"), index=True)
    number: Mapped[str] = field(text(30), default="")
    symbol: Mapped[str] = field(text(60), default="")
    issued_on: Mapped[date | None] = field(day())
    summary: Mapped[str] = field(text(MAX_TEXT), default="")
