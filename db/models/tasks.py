"""Progress on the plan's tasks, period by period, with the documents each period issued."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from db.base import SyncedRecord, enum_column
from db.enums import PeriodKind, TaskStatus


class OfficeTask(SyncedRecord):
    """A sub-task an office adds under one of the plan's tasks."""

    __tablename__ = "office_tasks"
    record_type = "office_task"

    parent_code: Mapped[str] = mapped_column(ForeignKey("plan_tasks.code"), index=True)
    title: Mapped[str]
    sort_order: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str] = mapped_column(default="")


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
    year: Mapped[int]
    period_no: Mapped[int]
    status: Mapped[TaskStatus] = enum_column(TaskStatus)
    percent: Mapped[int | None]
    achievements: Mapped[str] = mapped_column(default="")
    figures: Mapped[str] = mapped_column(default="")
    difficulties: Mapped[str] = mapped_column(default="")
    proposals: Mapped[str] = mapped_column(default="")
    reported_on: Mapped[date | None]
    #: What a dissemination task of the plan (II.1.*) reached in the period: sessions held
    #: (hội nghị, buổi tuyên truyền) and people reached; none for the other tasks.
    sessions_held: Mapped[int | None]
    participants: Mapped[int | None]


class TaskDocument(SyncedRecord):
    """A document issued for a progress record: số, ký hiệu, ngày, trích yếu."""

    __tablename__ = "task_documents"
    record_type = "task_document"

    progress_id: Mapped[str] = mapped_column(ForeignKey("task_progress.id"), index=True)
    number: Mapped[str] = mapped_column(default="")
    symbol: Mapped[str] = mapped_column(default="")
    issued_on: Mapped[date | None]
    summary: Mapped[str] = mapped_column(default="")
