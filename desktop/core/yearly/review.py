"""The city office's assessment of a year, written for the Ban Thường vụ Thành ủy's yearly
report on Directive 39 (``city-yearly``): its parts II–IV (đánh giá chung: ưu điểm, hạn
chế, nguyên nhân, bài học kinh nghiệm; phương hướng, nhiệm vụ năm sau; đề xuất, kiến nghị)
and, for a report made before the year ends, how each group of figures is estimated for the
whole year (:mod:`desktop.core.yearly.figures`).

One record per year, the city office's own, changed through the record store so that every
version is kept in the history; it never travels. Rules: the year is 2000–2100; each text at
most :data:`~desktop.core.validation.MAX_LONG_TEXT` characters; a group estimated by the
rule keeps no entered values; an entered estimate is a whole number within the bounds of
its figure (counts as for a progress record, money as any amount).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import YearlyReview
from desktop.core import validation
from desktop.core.errors import FormErrors, UserError, ValidationError
from desktop.core.formatting import group_thousands
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import record_store, require_office
from desktop.core.tasks.dissemination import MAX_PARTICIPANTS, MAX_SESSIONS
from desktop.core.yearly.figures import BY_RULE_COLUMNS, FIGURES, Group, figures_of

M_CITY_ONLY = QT_TRANSLATE_NOOP(
    "YearlyReview", "The assessment of the year is written by the city office."
)
M_EXISTS = QT_TRANSLATE_NOOP(
    "YearlyReview", "The assessment of {year} is already written; open it to change it."
)
M_COUNT = QT_TRANSLATE_NOOP("YearlyReview", "A whole number from 0 to {limit}.")

#: The texts of parts II–IV, in the report's order.
TEXTS = ("strengths", "shortcomings", "causes", "lessons", "directions", "proposals")
_COUNT_LIMITS = {
    "sessions_estimate": MAX_SESSIONS,
    "participants_estimate": MAX_PARTICIPANTS,
    # One household is lent to at most once a day: far above any city's count.
    "households_estimate": MAX_PARTICIPANTS,
}


@dataclass(frozen=True)
class ReviewInput:
    year: int | None
    strengths: str = ""
    shortcomings: str = ""
    causes: str = ""
    lessons: str = ""
    directions: str = ""
    proposals: str = ""
    dissemination_by_rule: bool = False
    sessions_estimate: int | None = None
    participants_estimate: int | None = None
    resources_by_rule: bool = False
    transferred_estimate_amount: int | None = None
    deposits_estimate_amount: int | None = None
    fund_estimate_amount: int | None = None
    lending_by_rule: bool = False
    disbursed_estimate_amount: int | None = None
    households_estimate: int | None = None
    repaid_estimate_amount: int | None = None

    def by_rule(self, group: Group) -> bool:
        return bool(getattr(self, BY_RULE_COLUMNS[group]))

    def entered(self, key: str) -> int | None:
        """The estimate entered for the figure ``key`` (``None``: none)."""
        column = next(f.column for f in FIGURES if f.key == key)
        value: int | None = getattr(self, column)
        return value


@dataclass(frozen=True)
class ReviewRow(ReviewInput):
    id: str = ""
    version: int = 0
    updated_at: datetime | None = None


_INPUT_FIELDS = tuple(f.name for f in fields(ReviewInput))


def validate_review(data: ReviewInput) -> dict[str, object]:
    """The values to store; :class:`FormErrors` naming every field at fault."""
    errors: list[ValidationError] = []
    values: dict[str, object] = {}
    try:
        values["year"] = validation.year(data.year)
    except ValidationError as error:
        errors.append(error)
    for name in TEXTS:
        try:
            values[name] = validation.optional_text(
                getattr(data, name), name, limit=validation.MAX_LONG_TEXT, multiline=True
            )
        except ValidationError as error:
            errors.append(error)
    for group in Group:
        rule = bool(getattr(data, BY_RULE_COLUMNS[group]))
        values[BY_RULE_COLUMNS[group]] = rule
        for figure in figures_of(group):
            value = None if rule else getattr(data, figure.column)
            try:
                values[figure.column] = _estimate(figure.column, value, figure.money)
            except ValidationError as error:
                errors.append(error)
    if errors:
        raise FormErrors(errors)
    return values


def _estimate(column: str, value: int | None, money: bool) -> int | None:
    if value is None:
        return None
    if money:
        return validation.amount(value, column, maximum=validation.MAX_AMOUNT, allow_zero=True)
    limit = _COUNT_LIMITS[column]
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= limit:
        raise ValidationError(column, M_COUNT, limit=group_thousands(limit))
    return value


def _require_city(session: Session) -> None:
    if not require_office(session).is_city:
        raise UserError(M_CITY_ONLY)


def _live_of_year(session: Session, year: int) -> YearlyReview | None:
    return session.scalars(
        select(YearlyReview)
        .where(YearlyReview.year == year, YearlyReview.deleted_at.is_(None))
        .order_by(YearlyReview.updated_at.desc())
    ).first()


def create_review(session: Session, data: ReviewInput) -> str:
    """Write the assessment of a year that has none yet; its id."""
    _require_city(session)
    values = validate_review(data)
    if _live_of_year(session, int(str(values["year"]))) is not None:
        raise FormErrors([ValidationError("year", M_EXISTS, year=values["year"])])
    return record_store(session).create(YearlyReview, values)


def update_review(
    session: Session, review_id: str, data: ReviewInput, *, expected_version: int
) -> int:
    """Change an assessment (its year stays); the new version."""
    _require_city(session)
    store = record_store(session)
    current = store.get(YearlyReview, review_id)
    values = validate_review(data)
    values["year"] = current.year
    return store.update(YearlyReview, review_id, values, expected_version=expected_version)


def review_of_year(session: Session, year: int) -> ReviewRow | None:
    """The city office's assessment of ``year``, if written."""
    record = _live_of_year(session, year)
    if record is None:
        return None
    return ReviewRow(
        **{name: getattr(record, name) for name in _INPUT_FIELDS},
        id=record.id,
        version=record.version,
        updated_at=record.updated_at,
    )
