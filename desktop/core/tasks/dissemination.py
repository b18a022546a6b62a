"""The plan's dissemination tasks (II.1: quán triệt, tuyên truyền, phổ biến) and what they
reached: the sessions held (hội nghị, buổi tuyên truyền) and the people reached, which an
office records with its progress on those tasks and the city adds up.

How a year's figures of one office are added up (:func:`dissemination_by_owner`):

- the live progress records of the II.1 tasks (the plan's and the office's sub-tasks under
  them) whose period lies within the year and has started by the cut-off day: a record of a
  period still under way counts with what it says so far;
- no period is counted twice: for each task (or sub-task), its yearly record when it has
  one; otherwise each half-year's record, and the quarters' records only for a half without
  one (a half-year or yearly record sums up its quarters);
- a figure left blank is not recorded, never 0: an office whose counted records give no
  figure has none, and the totals say how many offices gave one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.enums import PeriodKind
from db.fields import declared
from db.models import TaskProgress
from desktop.core.periods import Period

#: The plan's heading of the dissemination tasks.
DISSEMINATION_HEADING = "II.1"
#: Bounds of what one record may say, as the columns declare them.
MAX_SESSIONS = declared(TaskProgress.sessions_held).high
MAX_PARTICIPANTS = declared(TaskProgress.participants).high


def is_dissemination_task(code: str) -> bool:
    """Whether the plan's task ``code`` is one of the dissemination tasks (II.1.*)."""
    return code == DISSEMINATION_HEADING or code.startswith(f"{DISSEMINATION_HEADING}.")


@dataclass(frozen=True)
class DisseminationFigures:
    """One office's (or several offices') figures of a year up to a day; ``None``: no
    counted record gives that figure."""

    sessions: int | None = None
    participants: int | None = None
    #: The progress records counted.
    records: int = 0

    @property
    def recorded(self) -> bool:
        return self.sessions is not None or self.participants is not None

    def __add__(self, other: DisseminationFigures) -> DisseminationFigures:
        return DisseminationFigures(
            _add(self.sessions, other.sessions),
            _add(self.participants, other.participants),
            self.records + other.records,
        )


def _add(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else a + b


def total(figures: list[DisseminationFigures]) -> DisseminationFigures:
    found = DisseminationFigures()
    for item in figures:
        found = found + item
    return found


def _counted(periods: dict[Period, tuple[int | None, int | None]]) -> list[Period]:
    """The periods of one task whose records count (see the module's rules)."""
    year = [p for p in periods if p.kind is PeriodKind.YEAR]
    if year:
        return year
    chosen: list[Period] = []
    for half in (1, 2):
        halves = [p for p in periods if p.kind is PeriodKind.HALF and p.number == half]
        if halves:
            chosen += halves
        else:
            chosen += [
                p for p in periods if p.kind is PeriodKind.QUARTER and (p.number + 1) // 2 == half
            ]
    return chosen


def dissemination_by_owner(
    session: Session, year: int, until: date
) -> dict[str, DisseminationFigures]:
    """Owner (a commune's code, or the city's) → its figures of ``year`` from the records of
    periods started by ``until``; owners without a counted record are left out."""
    rows = session.execute(
        select(
            TaskProgress.commune_code,
            TaskProgress.plan_task_code,
            TaskProgress.office_task_id,
            TaskProgress.period_kind,
            TaskProgress.period_no,
            TaskProgress.sessions_held,
            TaskProgress.participants,
        ).where(
            TaskProgress.deleted_at.is_(None),
            TaskProgress.year == year,
            or_(
                TaskProgress.plan_task_code == DISSEMINATION_HEADING,
                TaskProgress.plan_task_code.like(f"{DISSEMINATION_HEADING}.%"),
            ),
        )
    )
    tasks: dict[tuple[str, str, str | None], dict[Period, tuple[int | None, int | None]]]
    tasks = defaultdict(dict)
    for owner, code, sub, kind, number, sessions, participants in rows:
        period = Period(year, kind, number)
        if period.start <= until:
            tasks[(owner, code, sub)][period] = (sessions, participants)
    found: dict[str, DisseminationFigures] = defaultdict(DisseminationFigures)
    for (owner, _code, _sub), periods in tasks.items():
        for period in _counted(periods):
            sessions, participants = periods[period]
            found[owner] = found[owner] + DisseminationFigures(sessions, participants, 1)
    return dict(found)
