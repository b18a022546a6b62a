"""The yearly grade of each entrusted organisation's work at the commune.

Each year the work that Hội Nông dân, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh and Đoàn
Thanh niên do for the bank at the commune (publicising, running the savings-and-loan groups,
checking loans, urging repayment) is graded tốt, khá, trung bình or yếu. The commune records
the grade, it travels to the city in the sync file, and both report it.

Rules: **one grade per organisation and year** in a commune (a second one is refused: change
the first); the year must have begun; the organisation is one of the catalogue's. Every
change goes through the record store (version, audit entry, tombstone).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import GroupGrade
from db.models import OrganisationGrade
from desktop.core import validation
from desktop.core.errors import ErrorCollector, UserError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.common import check_choice, organisations
from desktop.core.office import record_store
from desktop.core.owners import Scope, alive
from desktop.core.removal import deleter
from desktop.core.text import sort_key

M_DUPLICATE = QT_TRANSLATE_NOOP(
    "OrganisationGrades", "{organisation} already has a grade for {year}; change that one."
)
M_FUTURE_YEAR = QT_TRANSLATE_NOOP(
    "OrganisationGrades", "{year} has not begun: grades are given for a year that has begun."
)


@dataclass(frozen=True)
class OrganisationGradeInput:
    organisation_code: str | None
    year: int | None
    grade: GroupGrade | None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class OrganisationGradeRow:
    id: str
    commune_code: str
    organisation_code: str
    organisation_name: str
    year: int
    grade: GroupGrade
    notes: str
    version: int


def list_organisation_grades(session: Session, owner: Scope) -> list[OrganisationGradeRow]:
    """The grades of ``owner`` (every commune for ``None``): newest year first, then the
    organisations in the catalogue's order."""
    catalogue = organisations(session)
    names = {o.code: o.short_name for o in catalogue}
    order = {o.code: index for index, o in enumerate(catalogue)}
    rows = session.execute(
        select(
            OrganisationGrade.id,
            OrganisationGrade.commune_code,
            OrganisationGrade.organisation_code,
            OrganisationGrade.year,
            OrganisationGrade.grade,
            OrganisationGrade.notes,
            OrganisationGrade.version,
        ).where(alive(OrganisationGrade, owner))
    )
    result = [
        OrganisationGradeRow(
            r.id,
            r.commune_code,
            r.organisation_code,
            names.get(r.organisation_code, r.organisation_code),
            r.year,
            r.grade,
            r.notes,
            r.version,
        )
        for r in rows
    ]
    result.sort(
        key=lambda g: (
            sort_key(g.commune_code),
            -g.year,
            order.get(g.organisation_code, len(order)),
        )
    )
    return result


def grades_of_year(session: Session, year: int, owner: Scope) -> dict[str, dict[str, GroupGrade]]:
    """Commune → organisation → grade for ``year``, for ``owner`` (every commune for
    ``None``); communes without a grade that year are absent."""
    found: dict[str, dict[str, GroupGrade]] = defaultdict(dict)
    rows = session.execute(
        select(
            OrganisationGrade.commune_code,
            OrganisationGrade.organisation_code,
            OrganisationGrade.grade,
        ).where(alive(OrganisationGrade, owner), OrganisationGrade.year == year)
    )
    for commune, organisation, grade in rows:
        found[commune][organisation] = grade
    return dict(found)


def _taken(
    session: Session, owner: str, organisation: str, year: int, except_id: str | None
) -> bool:
    query = select(OrganisationGrade.id).where(
        alive(OrganisationGrade, Scope.unit(owner)),
        OrganisationGrade.organisation_code == organisation,
        OrganisationGrade.year == year,
    )
    if except_id is not None:
        query = query.where(OrganisationGrade.id != except_id)
    return session.execute(query.limit(1)).first() is not None


def _duplicate(session: Session, organisation: str, year: int) -> ValidationError:
    names = {o.code: o.short_name for o in organisations(session)}
    return ValidationError(
        "year", M_DUPLICATE, organisation=names.get(organisation, organisation), year=year
    )


def _validate(
    session: Session,
    data: OrganisationGradeInput,
    owner: str,
    except_id: str | None,
    today: date | None,
) -> dict[str, object]:
    errors = ErrorCollector()
    values: dict[str, object] = {}
    if not data.organisation_code:
        errors.add("organisation_code", validation.M_REQUIRED)
    else:
        errors.check(
            check_choice,
            data.organisation_code,
            {o.code for o in organisations(session)},
            "organisation_code",
        )
        values["organisation_code"] = data.organisation_code
    year = errors.check(validation.check, OrganisationGrade.year, data.year)
    if year is not None and year > (today or date.today()).year:
        errors.add("year", M_FUTURE_YEAR, year=year)
    values["year"] = year
    if data.grade is None:
        errors.add("grade", validation.M_REQUIRED)
    else:
        values["grade"] = GroupGrade(data.grade)
    values["notes"] = errors.check(validation.check, OrganisationGrade.notes, data.notes)
    if year is not None and not errors.has("organisation_code") and not errors.has("year"):
        organisation = str(values["organisation_code"])
        if _taken(session, owner, organisation, year, except_id):
            errors.errors.append(_duplicate(session, organisation, year))
    errors.raise_if_any()
    return values


def create_organisation_grade(
    session: Session, data: OrganisationGradeInput, *, today: date | None = None
) -> str:
    store = record_store(session)
    values = _validate(session, data, store.owner_code, None, today)
    return store.create(OrganisationGrade, values)


def update_organisation_grade(
    session: Session,
    grade_id: str,
    data: OrganisationGradeInput,
    *,
    expected_version: int,
    today: date | None = None,
) -> int:
    store = record_store(session)
    values = _validate(session, data, store.owner_code, grade_id, today)
    return store.update(OrganisationGrade, grade_id, values, expected_version=expected_version)


delete_organisation_grade = deleter(OrganisationGrade)


def restore_organisation_grade(session: Session, grade_id: str, *, expected_version: int) -> int:
    """Undo a delete, unless another grade took the organisation's year meanwhile."""
    store = record_store(session)
    record = store.get(OrganisationGrade, grade_id, allow_deleted=True)
    if record.deleted_at is not None and _taken(
        session, record.commune_code, record.organisation_code, record.year, grade_id
    ):
        error = _duplicate(session, record.organisation_code, record.year)
        raise UserError(error.message, **error.params)
    return store.restore(OrganisationGrade, grade_id, expected_version=expected_version)
