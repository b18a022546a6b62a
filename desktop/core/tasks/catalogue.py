"""The plan's tasks an office reports on, and the periods it reports for.

A commune or ward office reports on the tasks marked ``applies_commune`` in the catalogue,
the city office on those marked ``applies_city``; only leaves get progress (headings such as
``II.2`` group them).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import PlanTask
from desktop.core.owners import Scope
from desktop.core.periods import Period


@dataclass(frozen=True)
class PlanTaskInfo:
    code: str
    section: str
    #: "Nhiệm vụ, giải pháp" (II) or "Tổ chức thực hiện" (III).
    section_title: str
    short_title: str
    text: str
    #: The heading the task sits under (``II.2``, or ``III`` for ``III.1``) and its title.
    heading_code: str
    heading_title: str
    sort_order: int


def plan_tasks(session: Session, owner: Scope) -> list[PlanTaskInfo]:
    """The leaf tasks that apply to ``owner`` (the city office's or the communes'), in the
    plan's order."""
    rows = list(session.scalars(select(PlanTask).order_by(PlanTask.sort_order)))
    titles = {row.code: row.short_title for row in rows}
    city = owner.is_city_office
    return [
        PlanTaskInfo(
            code=row.code,
            section=row.section,
            section_title=titles.get(row.section, ""),
            short_title=row.short_title,
            text=row.text,
            heading_code=row.parent_code or row.section,
            heading_title=titles.get(row.parent_code or row.section, ""),
            sort_order=row.sort_order,
        )
        for row in rows
        if not row.is_heading and (row.applies_city if city else row.applies_commune)
    ]


def applicable_task(session: Session, code: str | None, unit_code: str) -> PlanTaskInfo | None:
    """The task ``code`` if the office ``unit_code`` reports on it, else ``None``."""
    return next((t for t in plan_tasks(session, Scope.unit(unit_code)) if t.code == code), None)


def period_within(inner: Period, outer: Period) -> bool:
    """True when ``inner`` lies inside ``outer`` (a quarter inside its half and its year)."""
    return outer.start <= inner.start and inner.end <= outer.end


def period_rank(period: Period) -> tuple[str, int]:
    """Orders periods by when they end; for the same end a longer period (the year) comes
    after the shorter ones, because it sums them up."""
    return (period.end.isoformat(), period.months)
