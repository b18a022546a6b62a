"""Where each task stands: the latest status of every task, the tasks a period still lacks a
record for, and the completion figures of a period.

Definitions (used on Tổng quan and in reports):

- A record *counts for* a period P when its own period lies inside P: a record for quarter
  III counts for the second half and for the whole year, a yearly record only for its year.
- The *status of a task in P* is the status of its latest record that counts for P (latest
  by end of period; for the same end, the longer period wins, because a yearly record sums
  up the quarters).
- A task is *missing* for P when no record counts for P.
- *Completion figures* of P count the plan's tasks that apply to the office (sub-tasks are
  left out so that offices compare alike): how many are not started, in progress, completed,
  carried out regularly, or missing. *Done* = completed + carried out regularly (a regular
  task is being fulfilled); the *done share* is done ÷ tasks expected.
- For all communes together (``ALL_COMMUNES``) the figures are the sums over the 103 communes
  of the catalogue, so a commune that has sent nothing counts all its tasks as missing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import CITY_CODE
from db.enums import TaskStatus
from db.models import Commune, OfficeTask, TaskProgress
from desktop.core.owners import ALL_COMMUNES, Scope, owner_clause
from desktop.core.periods import Period
from desktop.core.tasks.catalogue import period_rank, period_within, plan_tasks


@dataclass(frozen=True)
class TaskLine:
    """A task an office reports on: one of the plan's, or one of its own sub-tasks."""

    plan_task_code: str
    office_task_id: str | None
    title: str
    section: str
    heading_code: str
    heading_title: str
    section_title: str = ""

    @property
    def is_sub_task(self) -> bool:
        return self.office_task_id is not None


@dataclass(frozen=True)
class TaskState:
    """A task with its latest record (within a period, or ever)."""

    line: TaskLine
    period: Period | None
    status: TaskStatus | None
    percent: int | None
    progress_id: str | None
    records: int

    @property
    def plan_task_code(self) -> str:
        return self.line.plan_task_code

    @property
    def title(self) -> str:
        return self.line.title

    @property
    def section(self) -> str:
        return self.line.section


@dataclass(frozen=True)
class TaskCompletion:
    period: Period
    owner: Scope
    expected: int
    not_started: int
    in_progress: int
    completed: int
    ongoing: int
    missing: int

    @property
    def reported(self) -> int:
        return self.expected - self.missing

    @property
    def done(self) -> int:
        return self.completed + self.ongoing

    @property
    def done_share(self) -> Fraction | None:
        return Fraction(self.done, self.expected) if self.expected else None

    @property
    def reported_share(self) -> Fraction | None:
        return Fraction(self.reported, self.expected) if self.expected else None

    def count(self, status: TaskStatus) -> int:
        return {
            TaskStatus.CHUA_TRIEN_KHAI: self.not_started,
            TaskStatus.DANG_TRIEN_KHAI: self.in_progress,
            TaskStatus.HOAN_THANH: self.completed,
            TaskStatus.THUONG_XUYEN: self.ongoing,
        }[status]


@dataclass(frozen=True)
class _Record:
    id: str
    owner: str
    key: tuple[str, str | None]
    period: Period
    status: TaskStatus
    percent: int | None


def task_lines(session: Session, owner: str, *, with_sub_tasks: bool = True) -> list[TaskLine]:
    """The plan's tasks for ``owner`` in the plan's order, each followed by its sub-tasks."""
    subs: dict[str, list[tuple[int, str, str]]] = {}
    if with_sub_tasks:
        for sub in session.scalars(
            select(OfficeTask).where(
                OfficeTask.commune_code == owner, OfficeTask.deleted_at.is_(None)
            )
        ):
            subs.setdefault(sub.parent_code, []).append((sub.sort_order, sub.title, sub.id))
    lines = []
    for task in plan_tasks(session, Scope.unit(owner)):
        lines.append(
            TaskLine(
                task.code,
                None,
                task.short_title,
                task.section,
                task.heading_code,
                task.heading_title,
                task.section_title,
            )
        )
        for _order, title, sub_id in sorted(subs.get(task.code, [])):
            lines.append(
                TaskLine(
                    task.code,
                    sub_id,
                    title,
                    task.section,
                    task.heading_code,
                    task.heading_title,
                    task.section_title,
                )
            )
    return lines


def _records(session: Session, owner: Scope, within: Period | None) -> list[_Record]:
    query = select(
        TaskProgress.id,
        TaskProgress.commune_code,
        TaskProgress.plan_task_code,
        TaskProgress.office_task_id,
        TaskProgress.year,
        TaskProgress.period_kind,
        TaskProgress.period_no,
        TaskProgress.status,
        TaskProgress.percent,
    ).where(owner_clause(TaskProgress.commune_code, owner), TaskProgress.deleted_at.is_(None))
    if within is not None:
        query = query.where(TaskProgress.year == within.year)
    found = []
    for rid, own, code, sub, year, kind, number, status, percent in session.execute(query):
        period = Period(year, kind, number)
        if within is None or period_within(period, within):
            found.append(_Record(rid, own, (code, sub), period, status, percent))
    return found


def _latest(records: Iterable[_Record]) -> dict[tuple[str, tuple[str, str | None]], _Record]:
    """The latest record per (owner, task key)."""
    latest: dict[tuple[str, tuple[str, str | None]], _Record] = {}
    for record in records:
        key = (record.owner, record.key)
        current = latest.get(key)
        if current is None or period_rank(record.period) > period_rank(current.period):
            latest[key] = record
    return latest


def task_states(session: Session, owner: str, within: Period | None = None) -> list[TaskState]:
    """Every task of ``owner`` (sub-tasks included) with its latest record — within
    ``within`` when given, else the latest ever."""
    records = _records(session, Scope.unit(owner), within)
    counts: dict[tuple[str, str | None], int] = {}
    for record in records:
        counts[record.key] = counts.get(record.key, 0) + 1
    latest = _latest(records)
    states = []
    for line in task_lines(session, owner):
        key = (line.plan_task_code, line.office_task_id)
        found = latest.get((owner, key))
        states.append(
            TaskState(
                line=line,
                period=found.period if found else None,
                status=found.status if found else None,
                percent=found.percent if found else None,
                progress_id=found.id if found else None,
                records=counts.get(key, 0),
            )
        )
    return states


def missing_for_period(session: Session, period: Period, owner: str) -> list[TaskLine]:
    """The tasks (sub-tasks included) with no record counting for ``period``."""
    return [state.line for state in task_states(session, owner, period) if state.status is None]


def _completion(
    period: Period, owner: Scope, codes: list[str], latest: dict[str, TaskStatus], owners: int
) -> TaskCompletion:
    tally = dict.fromkeys(TaskStatus, 0)
    for status in latest.values():
        tally[status] += 1
    expected = len(codes) * owners
    return TaskCompletion(
        period=period,
        owner=owner,
        expected=expected,
        not_started=tally[TaskStatus.CHUA_TRIEN_KHAI],
        in_progress=tally[TaskStatus.DANG_TRIEN_KHAI],
        completed=tally[TaskStatus.HOAN_THANH],
        ongoing=tally[TaskStatus.THUONG_XUYEN],
        missing=expected - len(latest),
    )


def _plan_latest(
    session: Session, period: Period, owner: Scope, codes: set[str]
) -> dict[str, dict[str, TaskStatus]]:
    """Owner → "owner:code" → status of the latest plan-task record counting for ``period``."""
    by_owner: dict[str, dict[str, TaskStatus]] = {}
    records = [r for r in _records(session, owner, period) if r.key[1] is None]
    for (own, (code, _sub)), record in _latest(records).items():
        if code in codes:
            by_owner.setdefault(own, {})[code] = record.status
    return by_owner


def task_completion(session: Session, period: Period, owner: Scope) -> TaskCompletion:
    """Completion figures of ``period`` for one office, or all communes."""
    codes = [t.code for t in plan_tasks(session, owner)]
    by_owner = _plan_latest(session, period, owner, set(codes))
    if owner.code is not None:
        return _completion(period, owner, codes, by_owner.get(owner.code, {}), 1)
    communes = [c for c in session.scalars(select(Commune.code)) if c != CITY_CODE]
    merged = {
        f"{own}:{code}": status
        for own, statuses in by_owner.items()
        if own in set(communes)
        for code, status in statuses.items()
    }
    return _completion(period, owner, codes, merged, len(communes))


def task_completion_by_commune(session: Session, period: Period) -> dict[str, TaskCompletion]:
    """Completion figures of ``period`` for each of the 103 communes (for the city's
    tables and rankings), computed in one pass."""
    codes = [t.code for t in plan_tasks(session, ALL_COMMUNES)]
    by_owner = _plan_latest(session, period, ALL_COMMUNES, set(codes))
    return {
        commune: _completion(period, Scope.commune(commune), codes, by_owner.get(commune, {}), 1)
        for commune in session.scalars(select(Commune.code).order_by(Commune.sort_order))
    }


def plan_part(code: str) -> str:
    """The part of the plan a task belongs to, as the yearly report follows them: ``II.1`` …
    ``II.6`` for the tasks of section II (``II.2.c`` → ``II.2``), ``III`` for section III."""
    parts = code.split(".")
    return ".".join(parts[:2]) if parts[0] == "II" else parts[0]


def completion_by_part(
    session: Session, period: Period, owners: Collection[str]
) -> dict[str, TaskCompletion]:
    """Part of the plan (:func:`plan_part`) → the completion figures of its tasks of
    ``period`` over the communes ``owners`` together (the communes the city holds figures
    of), counted as :func:`task_completion` counts them."""
    tasks = plan_tasks(session, ALL_COMMUNES)
    by_part: dict[str, list[str]] = {}
    for task in tasks:
        by_part.setdefault(plan_part(task.code), []).append(task.code)
    by_owner = _plan_latest(session, period, ALL_COMMUNES, {t.code for t in tasks})
    chosen = set(owners)
    result = {}
    for part, codes in by_part.items():
        wanted = set(codes)
        merged = {
            f"{own}:{code}": status
            for own, statuses in by_owner.items()
            if own in chosen
            for code, status in statuses.items()
            if code in wanted
        }
        result[part] = _completion(period, ALL_COMMUNES, codes, merged, len(chosen))
    return result
