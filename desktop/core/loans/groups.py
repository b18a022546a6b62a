"""Savings-and-loan groups (Tổ TK&VV) and their yearly grades.

A group's **members** are derived from the loans: the distinct borrowers with a loan in the
group, together with borrowers recorded as belonging to it. Its **borrowers** are the
members with an outstanding balance on the day asked for. The yearly assessment keeps what
the group reported (members, members' savings) beside its grade.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import GroupGrade, GroupStatus
from db.models import Borrower, GroupAssessment, Hamlet, Loan, SavingsGroup
from desktop.core import validation
from desktop.core.errors import ErrorCollector, UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.balances import NO_POSITION, latest_positions
from desktop.core.loans.common import check_choice, group_label, hamlet_names, organisation_names
from desktop.core.office import record_store
from desktop.core.owners import Scope, alive
from desktop.core.removal import deleter, restorer
from desktop.core.text import sort_key

M_DUPLICATE_CODE = QT_TRANSLATE_NOOP("Groups", "Another group already has the code {code}.")
M_GROUP_IN_USE = QT_TRANSLATE_NOOP(
    "Groups",
    "The group still has {loans} loans and {borrowers} borrowers. Move them to another group "
    "first, or mark the group as merged or dissolved.",
)
M_DUPLICATE_YEAR = QT_TRANSLATE_NOOP("Groups", "The group already has a grade for {year}.")
M_MEMBERS = QT_TRANSLATE_NOOP("Groups", "The number of members must be between {low} and {high}.")


@dataclass(frozen=True)
class GroupInput:
    code: str
    name: str
    hamlet_id: str | None = None
    organisation_code: str | None = None
    leader_name: str = ""
    leader_phone: str = ""
    founding_decision_no: str = ""
    founding_decision_date: date | None = None
    status: GroupStatus = GroupStatus.ACTIVE
    notes: str = ""


@dataclass(frozen=True)
class GroupRow:
    id: str
    commune_code: str
    code: str
    name: str
    hamlet_id: str | None
    hamlet_name: str
    organisation_code: str | None
    organisation_name: str
    leader_name: str
    leader_phone: str
    founding_decision_no: str
    founding_decision_date: date | None
    status: GroupStatus
    notes: str
    version: int
    grade: GroupGrade | None
    grade_year: int | None
    members: int
    borrowers_with_balance: int
    outstanding: int
    overdue: int

    @property
    def label(self) -> str:
        return group_label(self.code, self.name)


@dataclass(frozen=True)
class AssessmentInput:
    year: int | None
    grade: GroupGrade | None
    members_count: int | None = None
    members_savings: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class AssessmentRow:
    id: str
    group_id: str
    year: int
    grade: GroupGrade
    members_count: int | None
    members_savings: int | None
    notes: str
    version: int


def list_groups(session: Session, owner: Scope, *, as_of: date | None = None) -> list[GroupRow]:
    """Groups of ``owner`` (all communes for ``None``) with their latest grade and the
    figures derived from the loans on ``as_of`` (default today)."""
    day = as_of or date.today()
    hamlets = hamlet_names(session, owner)
    orgs = organisation_names(session)
    latest: dict[str, tuple[int, GroupGrade]] = {}
    for group_id, year, grade in session.execute(
        select(GroupAssessment.group_id, GroupAssessment.year, GroupAssessment.grade).where(
            alive(GroupAssessment, owner)
        )
    ):
        if group_id not in latest or year > latest[group_id][0]:
            latest[group_id] = (year, grade)
    members: dict[str, set[str]] = defaultdict(set)
    with_balance: dict[str, set[str]] = defaultdict(set)
    outstanding: dict[str, int] = defaultdict(int)
    overdue: dict[str, int] = defaultdict(int)
    found = latest_positions(session, owner, day)
    for loan_id, loan_borrower, loan_group in session.execute(
        select(Loan.id, Loan.borrower_id, Loan.group_id).where(
            alive(Loan, owner), Loan.disbursed_on <= day, Loan.group_id.is_not(None)
        )
    ):
        if loan_group is None:
            continue
        members[loan_group].add(loan_borrower)
        position = found.get(loan_id, NO_POSITION)
        if position[1] > 0:
            with_balance[loan_group].add(loan_borrower)
            outstanding[loan_group] += position[1]
            overdue[loan_group] += position[3]
    for member, member_group in session.execute(
        select(Borrower.id, Borrower.group_id).where(
            alive(Borrower, owner), Borrower.group_id.is_not(None)
        )
    ):
        if member_group is not None:
            members[member_group].add(member)
    rows = session.execute(
        select(
            SavingsGroup.id,
            SavingsGroup.commune_code,
            SavingsGroup.code,
            SavingsGroup.name,
            SavingsGroup.hamlet_id,
            SavingsGroup.organisation_code,
            SavingsGroup.leader_name,
            SavingsGroup.leader_phone,
            SavingsGroup.founding_decision_no,
            SavingsGroup.founding_decision_date,
            SavingsGroup.status,
            SavingsGroup.notes,
            SavingsGroup.version,
        ).where(alive(SavingsGroup, owner))
    )
    result = []
    for r in rows:
        graded = latest.get(r.id)
        result.append(
            GroupRow(
                id=r.id,
                commune_code=r.commune_code,
                code=r.code,
                name=r.name,
                hamlet_id=r.hamlet_id,
                hamlet_name=hamlets.get(r.hamlet_id, "") if r.hamlet_id else "",
                organisation_code=r.organisation_code,
                organisation_name=orgs.get(r.organisation_code, "") if r.organisation_code else "",
                leader_name=r.leader_name,
                leader_phone=r.leader_phone,
                founding_decision_no=r.founding_decision_no,
                founding_decision_date=r.founding_decision_date,
                status=r.status,
                notes=r.notes,
                version=r.version,
                grade=graded[1] if graded else None,
                grade_year=graded[0] if graded else None,
                members=len(members.get(r.id, ())),
                borrowers_with_balance=len(with_balance.get(r.id, ())),
                outstanding=outstanding.get(r.id, 0),
                overdue=overdue.get(r.id, 0),
            )
        )
    result.sort(key=lambda g: (sort_key(g.commune_code), sort_key(g.code)))
    return result


def group_choices(session: Session, owner: Scope) -> list[tuple[str, str]]:
    """``(id, label)`` of the groups that can take new loans (not deleted), by code."""
    rows = session.execute(
        select(SavingsGroup.id, SavingsGroup.code, SavingsGroup.name)
        .where(alive(SavingsGroup, owner))
        .order_by(SavingsGroup.code)
    )
    return [(group_id, group_label(code, name)) for group_id, code, name in rows]


def group_organisations(session: Session, owner: Scope) -> dict[str, str | None]:
    """Group id → the code of the organisation that runs it (``None`` when not recorded),
    for the groups that can take new loans."""
    rows = session.execute(
        select(SavingsGroup.id, SavingsGroup.organisation_code).where(alive(SavingsGroup, owner))
    )
    return dict(rows.all())


def _validate_group(
    session: Session, data: GroupInput, owner: str, except_id: str | None
) -> dict[str, object]:
    errors = ErrorCollector()
    values: dict[str, object] = {}
    values["code"] = code = errors.check(
        validation.check, SavingsGroup.code, data.code, required=True
    )
    values["name"] = errors.check(validation.check, SavingsGroup.name, data.name)
    values["leader_name"] = errors.check(
        validation.check, SavingsGroup.leader_name, data.leader_name
    )
    values["leader_phone"] = errors.check(
        validation.check, SavingsGroup.leader_phone, data.leader_phone
    )
    values["founding_decision_no"] = errors.check(
        validation.check, SavingsGroup.founding_decision_no, data.founding_decision_no
    )
    values["founding_decision_date"] = errors.check(
        validation.check,
        SavingsGroup.founding_decision_date,
        data.founding_decision_date,
    )
    values["notes"] = errors.check(validation.check, SavingsGroup.notes, data.notes)
    hamlets = set(session.scalars(select(Hamlet.id).where(alive(Hamlet, Scope.unit(owner)))))
    errors.check(check_choice, data.hamlet_id, hamlets, "hamlet_id")
    organisation_codes = set(organisation_names(session))
    errors.check(check_choice, data.organisation_code, organisation_codes, "organisation_code")
    if code:
        query = select(SavingsGroup.id).where(
            alive(SavingsGroup, Scope.unit(owner)),
            func.lower(SavingsGroup.code) == str(code).lower(),
        )
        if except_id is not None:
            query = query.where(SavingsGroup.id != except_id)
        if session.execute(query.limit(1)).first() is not None:
            errors.add("code", M_DUPLICATE_CODE, code=code)
    errors.raise_if_any()
    values.update(
        hamlet_id=data.hamlet_id,
        organisation_code=data.organisation_code,
        status=GroupStatus(data.status),
    )
    return values


def create_group(session: Session, data: GroupInput) -> str:
    store = record_store(session)
    return store.create(SavingsGroup, _validate_group(session, data, store.owner_code, None))


def update_group(
    session: Session, group_id: str, data: GroupInput, *, expected_version: int
) -> int:
    store = record_store(session)
    values = _validate_group(session, data, store.owner_code, group_id)
    return store.update(SavingsGroup, group_id, values, expected_version=expected_version)


def delete_group(session: Session, group_id: str, *, expected_version: int) -> int:
    """Refused while loans or borrowers still point at the group (they would lose it)."""
    loans = session.scalar(
        select(func.count()).where(Loan.group_id == group_id, Loan.deleted_at.is_(None))
    )
    borrowers = session.scalar(
        select(func.count()).where(Borrower.group_id == group_id, Borrower.deleted_at.is_(None))
    )
    if loans or borrowers:
        raise UserError(M_GROUP_IN_USE, loans=loans, borrowers=borrowers)
    return record_store(session).delete(SavingsGroup, group_id, expected_version=expected_version)


restore_group = restorer(SavingsGroup)


# -- yearly assessments ------------------------------------------------------------------------
def list_assessments(session: Session, group_id: str) -> list[AssessmentRow]:
    rows = session.execute(
        select(
            GroupAssessment.id,
            GroupAssessment.group_id,
            GroupAssessment.year,
            GroupAssessment.grade,
            GroupAssessment.members_count,
            GroupAssessment.members_savings,
            GroupAssessment.notes,
            GroupAssessment.version,
        )
        .where(GroupAssessment.group_id == group_id, GroupAssessment.deleted_at.is_(None))
        .order_by(GroupAssessment.year.desc())
    )
    return [AssessmentRow(*row) for row in rows]


def _validate_assessment(
    session: Session, group_id: str, data: AssessmentInput, except_id: str | None
) -> dict[str, object]:
    errors = ErrorCollector()
    values: dict[str, object] = {}
    values["year"] = year = errors.check(validation.check, GroupAssessment.year, data.year)
    if data.grade is None:
        errors.add("grade", validation.M_REQUIRED)
    else:
        values["grade"] = GroupGrade(data.grade)
    values["members_count"] = errors.check(
        validation.check, GroupAssessment.members_count, data.members_count, message=M_MEMBERS
    )
    values["members_savings"] = errors.check(
        validation.check, GroupAssessment.members_savings, data.members_savings
    )
    values["notes"] = errors.check(validation.check, GroupAssessment.notes, data.notes)
    if year is not None:
        query = select(GroupAssessment.id).where(
            GroupAssessment.group_id == group_id,
            GroupAssessment.year == year,
            GroupAssessment.deleted_at.is_(None),
        )
        if except_id is not None:
            query = query.where(GroupAssessment.id != except_id)
        if session.execute(query.limit(1)).first() is not None:
            errors.add("year", M_DUPLICATE_YEAR, year=year)
    errors.raise_if_any()
    return values


def add_assessment(session: Session, group_id: str, data: AssessmentInput) -> str:
    store = record_store(session)
    store.get(SavingsGroup, group_id)
    values = _validate_assessment(session, group_id, data, None)
    return store.create(GroupAssessment, {"group_id": group_id, **values})


def update_assessment(
    session: Session, assessment_id: str, data: AssessmentInput, *, expected_version: int
) -> int:
    store = record_store(session)
    current = store.get(GroupAssessment, assessment_id)
    values = _validate_assessment(session, current.group_id, data, assessment_id)
    return store.update(GroupAssessment, assessment_id, values, expected_version=expected_version)


delete_assessment = deleter(GroupAssessment)


restore_assessment = restorer(GroupAssessment)
