"""The savings-and-loan groups of each commune in a year: how many were graded, how many of
each grade, their members and the members' savings — from the groups' yearly assessments
(:class:`~db.models.GroupAssessment`: grade, members and members' savings as the group
reported them) — and how many groups are active now.

A figure no assessment gives (members, savings) is not known, never 0: the sums say how many
assessments gave it. Only live assessments of live groups count.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import GroupGrade, GroupStatus
from db.models import GroupAssessment, SavingsGroup
from desktop.core.owners import ALL_COMMUNES, owner_clause


@dataclass(frozen=True)
class GroupGrades:
    """The assessments of one year (of one commune, or several added up)."""

    year: int
    graded: int = 0
    by_grade: Counter[GroupGrade] = field(default_factory=Counter)
    members: int | None = None
    #: Assessments that gave the members.
    members_given: int = 0
    savings: int | None = None
    #: Assessments that gave the members' savings.
    savings_given: int = 0

    def __add__(self, other: GroupGrades) -> GroupGrades:
        return GroupGrades(
            self.year,
            self.graded + other.graded,
            self.by_grade + other.by_grade,
            _add(self.members, other.members),
            self.members_given + other.members_given,
            _add(self.savings, other.savings),
            self.savings_given + other.savings_given,
        )

    @property
    def good(self) -> int:
        """Graded tốt or khá."""
        return self.by_grade[GroupGrade.TOT] + self.by_grade[GroupGrade.KHA]


def _add(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else a + b


def group_grades_by_commune(session: Session, year: int) -> dict[str, GroupGrades]:
    """Commune → its groups' assessments of ``year`` (communes with none left out)."""
    rows = session.execute(
        select(
            GroupAssessment.commune_code,
            GroupAssessment.grade,
            GroupAssessment.members_count,
            GroupAssessment.members_savings,
        )
        .join(SavingsGroup, SavingsGroup.id == GroupAssessment.group_id)
        .where(
            owner_clause(GroupAssessment.commune_code, ALL_COMMUNES),
            GroupAssessment.deleted_at.is_(None),
            SavingsGroup.deleted_at.is_(None),
            GroupAssessment.year == year,
        )
    )
    found: dict[str, GroupGrades] = {}
    for commune, grade, members, savings in rows:
        one = GroupGrades(
            year,
            1,
            Counter({grade: 1}),
            members,
            int(members is not None),
            savings,
            int(savings is not None),
        )
        found[commune] = found[commune] + one if commune in found else one
    return found


def active_groups_by_commune(session: Session) -> dict[str, int]:
    """Commune → its live groups marked active (as they stand now: a group's status has no
    date)."""
    rows = session.execute(
        select(SavingsGroup.commune_code, func.count())
        .where(
            owner_clause(SavingsGroup.commune_code, ALL_COMMUNES),
            SavingsGroup.deleted_at.is_(None),
            SavingsGroup.status == GroupStatus.ACTIVE,
        )
        .group_by(SavingsGroup.commune_code)
    )
    return {commune: int(count) for commune, count in rows}
