"""The periods the city has closed, as the city records them and as communes see them, and
the corrections communes made to them afterwards.

At the city a period is closed once its figures have been consolidated and reported (the
yearly report before 30/10 closes the year before, for example). The city records it here
(a city-issued record: versions, history, undo), and its next bulletin tells the communes.
A period can be closed once it has ended, on a day that has come, once. Removing the record
reopens the period with the next bulletin.

A commune's corrections to a closed period (:mod:`desktop.core.closing`) arrive at the city
as :class:`db.models.LateCorrection` records: :func:`list_late_corrections` names each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.base import CITY_CODE
from db.enums import AuditAction, PeriodKind
from db.models import ClosedPeriod, Commune, LateCorrection
from desktop.core import validation
from desktop.core.errors import FormErrors, UserError, ValidationError
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import record_store
from desktop.core.owners import Scope, owner_clause
from desktop.core.periods import Period
from desktop.core.record_names import record_names
from desktop.core.removal import deleter, only_at_city, restorer

M_ONLY_CITY = QT_TRANSLATE_NOOP("ClosedPeriods", "Only the city office closes periods.")
_city_only = only_at_city(M_ONLY_CITY)
M_NOT_ENDED = QT_TRANSLATE_NOOP(
    "ClosedPeriods", "{period} ends on {end}: a period can be closed once it has ended."
)
M_FUTURE = QT_TRANSLATE_NOOP("ClosedPeriods", "The day of closing cannot be after today.")
M_TWICE = QT_TRANSLATE_NOOP(
    "ClosedPeriods", "{period} is already closed (on {closed_on}); change that record."
)
M_PERIOD_NO = QT_TRANSLATE_NOOP(
    "ClosedPeriods", "Choose the quarter (1–4) or the half (1–2); a year has only one period."
)


@dataclass(frozen=True)
class ClosedPeriodInput:
    period_kind: PeriodKind | None
    year: int | None
    period_no: int | None
    closed_on: date | None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ClosedPeriodRow:
    id: str
    period: Period
    closed_on: date
    notes: str
    version: int

    @property
    def label(self) -> str:
        return self.period.label()


def list_closed_periods(session: Session) -> list[ClosedPeriodRow]:
    """The periods closed (by this city, or sent to this commune), the latest first."""
    rows = session.scalars(
        select(ClosedPeriod).where(
            ClosedPeriod.commune_code == CITY_CODE, ClosedPeriod.deleted_at.is_(None)
        )
    )
    result = [
        ClosedPeriodRow(
            r.id,
            Period(r.year, PeriodKind(r.period_kind), r.period_no),
            r.closed_on,
            r.notes,
            r.version,
        )
        for r in rows
    ]
    return sorted(result, key=lambda r: (r.period.end, r.period.start), reverse=True)


def _validate(
    session: Session, data: ClosedPeriodInput, except_id: str | None, today: date | None
) -> dict[str, Any]:
    _city_only(session)
    today = today or date.today()
    errors: list[ValidationError] = []
    values: dict[str, Any] = {}
    period: Period | None = None
    if data.period_kind is None:
        errors.append(ValidationError("period_kind", validation.M_REQUIRED))
    try:
        year = validation.year(data.year)
    except ValidationError as error:
        errors.append(error)
        year = None
    if data.period_kind is not None and year is not None:
        kind = PeriodKind(data.period_kind)
        number = 1 if kind is PeriodKind.YEAR else data.period_no
        try:
            period = Period(year, kind, number or 0)
        except UserError:
            errors.append(ValidationError("period_no", M_PERIOD_NO))
    try:
        closed_on = validation.date_in_range(data.closed_on, "closed_on")
        if closed_on is not None and closed_on > today:
            raise ValidationError("closed_on", M_FUTURE)
        if period is not None and closed_on is not None and closed_on <= period.end:
            raise ValidationError(
                "closed_on", M_NOT_ENDED, period=period.label(), end=format_date(period.end)
            )
        values["closed_on"] = closed_on
    except ValidationError as error:
        errors.append(error)
    try:
        values["notes"] = validation.optional_text(data.notes, "notes", multiline=True)
    except ValidationError as error:
        errors.append(error)
    if period is not None:
        for row in list_closed_periods(session):
            if row.period == period and row.id != except_id:
                errors.append(
                    ValidationError(
                        "period_kind",
                        M_TWICE,
                        period=period.label(),
                        closed_on=format_date(row.closed_on),
                    )
                )
        values.update(period_kind=period.kind, year=period.year, period_no=period.number)
    if errors:
        raise FormErrors(errors)
    return values


def create_closed_period(
    session: Session, data: ClosedPeriodInput, *, today: date | None = None
) -> str:
    values = _validate(session, data, None, today)
    return record_store(session).create(ClosedPeriod, values)


def update_closed_period(
    session: Session,
    record_id: str,
    data: ClosedPeriodInput,
    *,
    expected_version: int,
    today: date | None = None,
) -> int:
    values = _validate(session, data, record_id, today)
    return record_store(session).update(
        ClosedPeriod, record_id, values, expected_version=expected_version
    )


#: Reopen a period (with the next bulletin).
delete_closed_period = deleter(ClosedPeriod, _city_only)
restore_closed_period = restorer(ClosedPeriod, _city_only)


# -- corrections made after closing ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LateCorrectionRow:
    id: str
    commune_code: str
    commune_name: str
    record_kind: str
    record_ref: str
    record_name: str
    action: AuditAction
    record_version: int
    period: Period
    closed_on: date
    made_at: datetime


def list_late_corrections(session: Session, owner: Scope) -> list[LateCorrectionRow]:
    """The changes made to records of closed periods: this commune's, or at the city every
    commune's (``ALL_COMMUNES``) or one's, the latest first, each record named as lists name it."""
    rows = list(
        session.scalars(
            select(LateCorrection).where(
                owner_clause(LateCorrection.commune_code, owner),
                LateCorrection.deleted_at.is_(None),
            )
        )
    )
    names = record_names(session, {(r.record_kind, r.record_ref) for r in rows})
    communes = dict(session.execute(select(Commune.code, Commune.name)).all())
    result = [
        LateCorrectionRow(
            r.id,
            r.commune_code,
            communes.get(r.commune_code, r.commune_code),
            r.record_kind,
            r.record_ref,
            names.get((r.record_kind, r.record_ref), r.record_ref[:8]),
            AuditAction(r.action),
            r.record_version,
            Period(r.year, PeriodKind(r.period_kind), r.period_no),
            r.closed_on,
            r.created_at,
        )
        for r in rows
    ]
    return sorted(result, key=lambda r: r.made_at, reverse=True)


def late_correction_counts(session: Session) -> dict[str, int]:
    """Commune → how many corrections it made after closing (at the city)."""
    rows = session.execute(
        select(LateCorrection.commune_code, func.count())
        .where(LateCorrection.deleted_at.is_(None))
        .group_by(LateCorrection.commune_code)
    )
    return {code: int(count) for code, count in rows}
