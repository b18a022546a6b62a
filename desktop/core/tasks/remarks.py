"""The difficulties and proposals the offices wrote in their progress records of a year,
gathered by office: what the city's clerk reads while writing the assessment of the year and
the proposals of the yearly report, and what its appendix lists by commune."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import OfficeTask, PlanTask, TaskProgress
from desktop.core.periods import Period
from desktop.core.text import nfc


@dataclass(frozen=True)
class Remark:
    """What one progress record says of its difficulties and proposals (either may be
    empty, not both)."""

    owner: str
    plan_task_code: str
    #: The office's sub-task the record is about ("" for the plan's task itself).
    sub_task: str
    period: Period
    difficulties: str
    proposals: str

    @property
    def task(self) -> str:
        """``II.2.d`` or ``II.2.d › <sub-task>``."""
        return f"{self.plan_task_code} › {self.sub_task}" if self.sub_task else self.plan_task_code


def remarks_of_year(session: Session, year: int, until: date) -> dict[str, list[Remark]]:
    """Owner → the remarks of its live progress records of ``year`` whose period started by
    ``until``, in the plan's order, then by period; owners without one are left out."""
    rows = session.execute(
        select(
            TaskProgress.commune_code,
            TaskProgress.plan_task_code,
            OfficeTask.title,
            TaskProgress.period_kind,
            TaskProgress.period_no,
            TaskProgress.difficulties,
            TaskProgress.proposals,
            PlanTask.sort_order,
        )
        .join(PlanTask, PlanTask.code == TaskProgress.plan_task_code)
        .outerjoin(OfficeTask, OfficeTask.id == TaskProgress.office_task_id)
        .where(
            TaskProgress.deleted_at.is_(None),
            TaskProgress.year == year,
            or_(TaskProgress.difficulties != "", TaskProgress.proposals != ""),
        )
    )
    found: dict[str, list[tuple[tuple[int, str, str, int], Remark]]] = {}
    for owner, code, sub, kind, number, difficulties, proposals, order in rows:
        period = Period(year, kind, number)
        hard, asked = nfc(difficulties).strip(), nfc(proposals).strip()
        if period.start > until or not (hard or asked):
            continue
        remark = Remark(owner, code, sub or "", period, hard, asked)
        key = (order, sub or "", period.end.isoformat(), period.months)
        found.setdefault(owner, []).append((key, remark))
    return {
        owner: [r for _k, r in sorted(items, key=lambda p: p[0])] for owner, items in found.items()
    }
