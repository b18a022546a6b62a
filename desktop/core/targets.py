"""The targets the city assigns each commune for a year, and how far the commune is from
each.

The city records them (a city-issued record: versions, history, undo) and sends each
commune its own in the bulletin addressed to it; the commune holds a read-only copy.
Both then judge the commune against what was assigned to it, not against the plan's
city-wide numbers. One target per commune, year and kind.

**What counts towards a target** in year Y, up to a cut-off day (the report's, or today),
from the commune's own records:

- *fund mobilisation* (đồng): every gift to the Quỹ "Vì người nghèo" received in Y — money
  and the estimated value of gifts in kind and pledged works, since mobilising is what is
  assigned, not the cash in the box (the fund's statement keeps the two apart);
- *entrusted budget capital to transfer* (đồng): the transfers recorded for Y, every source
  level, dated as the plan's growth target dates them
  (:func:`desktop.core.funds.indicators.entrusted_indicators`);
- *savings groups graded good* (groups): groups of the commune not deleted whose grade for Y
  is tốt;
- *loans to check* (loans): loans checked at least once in Y (a loan checked twice counts
  once).

The distance is what remains (``value − achieved``, never below zero); a target reached
or passed says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.base import CITY_CODE
from db.enums import GroupGrade, TargetKind
from db.models import (
    Commune,
    CommuneTarget,
    FundContribution,
    GroupAssessment,
    LoanCheck,
    SavingsGroup,
)
from desktop.core import validation
from desktop.core.errors import FormErrors, ValidationError
from desktop.core.formatting import format_money, group_thousands
from desktop.core.funds.indicators import entrusted_indicators
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.office import record_store
from desktop.core.owners import Scope
from desktop.core.removal import deleter, only_at_city, restorer
from desktop.core.text import sort_key

#: Count targets (groups, loans) are at most this many.
MAX_COUNT = 1_000_000

M_ONLY_CITY = QT_TRANSLATE_NOOP("Targets", "Only the city office assigns targets.")
_city_only = only_at_city(M_ONLY_CITY)
M_NOT_A_COMMUNE = QT_TRANSLATE_NOOP("Targets", "Choose one of the 103 communes and wards.")
M_TWICE = QT_TRANSLATE_NOOP(
    "Targets", "{commune} already has this target for {year}; change that one."
)
M_COUNT = QT_TRANSLATE_NOOP("Targets", "A whole number from 1 to {limit}.")

UNITS: dict[TargetKind, Msg] = {
    TargetKind.FUND_MOBILISATION: QT_TRANSLATE_NOOP("Targets", "đồng"),
    TargetKind.ENTRUSTED_TRANSFER: QT_TRANSLATE_NOOP("Targets", "đồng"),
    TargetKind.GROUPS_GRADED_GOOD: QT_TRANSLATE_NOOP("Targets", "groups"),
    TargetKind.LOANS_CHECKED: QT_TRANSLATE_NOOP("Targets", "loans"),
}
#: The unit of each kind as a bulletin file writes it.
UNIT_CODES: dict[TargetKind, str] = {
    TargetKind.FUND_MOBILISATION: "dong",
    TargetKind.ENTRUSTED_TRANSFER: "dong",
    TargetKind.GROUPS_GRADED_GOOD: "group",
    TargetKind.LOANS_CHECKED: "loan",
}


def is_money(kind: TargetKind) -> bool:
    return UNIT_CODES[kind] == "dong"


def unit_label(kind: TargetKind) -> str:
    return tr(UNITS[kind])


def amount_text(kind: TargetKind, value: int) -> str:
    """``500.000.000 đ`` or ``12 tổ``."""
    if is_money(kind):
        return format_money(value)
    return f"{group_thousands(value)} {unit_label(kind)}"


@dataclass(frozen=True)
class TargetInput:
    target_code: str | None
    year: int | None
    kind: TargetKind | None
    value: int | None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class TargetRow:
    id: str
    target_code: str
    commune_name: str
    year: int
    kind: TargetKind
    value: int
    notes: str
    version: int

    @property
    def unit(self) -> str:
        return unit_label(self.kind)


def list_targets(session: Session, commune: str | None = None) -> list[TargetRow]:
    """The targets assigned (to one commune, or every target the city assigned), newest
    year first, then by commune and kind."""
    query = select(CommuneTarget).where(
        CommuneTarget.commune_code == CITY_CODE, CommuneTarget.deleted_at.is_(None)
    )
    if commune is not None:
        query = query.where(CommuneTarget.target_code == commune)
    names = dict(session.execute(select(Commune.code, Commune.name)).all())
    order = {kind: index for index, kind in enumerate(TargetKind)}
    rows = [
        TargetRow(
            r.id,
            r.target_code,
            names.get(r.target_code, r.target_code),
            r.year,
            TargetKind(r.kind),
            r.value,
            r.notes,
            r.version,
        )
        for r in session.scalars(query)
    ]
    return sorted(rows, key=lambda r: (-r.year, sort_key(r.commune_name), order[r.kind]))


def _validate(session: Session, data: TargetInput, except_id: str | None) -> dict[str, Any]:
    _city_only(session)
    errors: list[ValidationError] = []
    values: dict[str, Any] = {}
    commune = (
        session.get(Commune, data.target_code)
        if data.target_code and data.target_code != CITY_CODE
        else None
    )
    if commune is None:
        errors.append(ValidationError("target_code", M_NOT_A_COMMUNE))
    else:
        values["target_code"] = commune.code
    try:
        values["year"] = validation.year(data.year)
    except ValidationError as error:
        errors.append(error)
    if data.kind is None:
        errors.append(ValidationError("kind", validation.M_REQUIRED))
    else:
        kind = TargetKind(data.kind)
        values["kind"] = kind
        try:
            if is_money(kind):
                values["value"] = validation.amount(
                    data.value, "value", maximum=validation.MAX_AMOUNT
                )
            elif data.value is None:
                raise ValidationError("value", validation.M_REQUIRED)
            elif not 1 <= data.value <= MAX_COUNT:
                raise ValidationError("value", M_COUNT, limit=group_thousands(MAX_COUNT))
            else:
                values["value"] = data.value
        except ValidationError as error:
            errors.append(error)
    try:
        values["notes"] = validation.optional_text(data.notes, "notes", multiline=True)
    except ValidationError as error:
        errors.append(error)
    if {"target_code", "year", "kind"} <= set(values) and commune is not None:
        taken = session.scalar(
            select(CommuneTarget.id).where(
                CommuneTarget.commune_code == CITY_CODE,
                CommuneTarget.deleted_at.is_(None),
                CommuneTarget.target_code == values["target_code"],
                CommuneTarget.year == values["year"],
                CommuneTarget.kind == values["kind"],
                CommuneTarget.id != (except_id or ""),
            )
        )
        if taken is not None:
            errors.append(
                ValidationError("kind", M_TWICE, commune=commune.name, year=values["year"])
            )
    if errors:
        raise FormErrors(errors)
    return values


def create_target(session: Session, data: TargetInput) -> str:
    return record_store(session).create(CommuneTarget, _validate(session, data, None))


def update_target(
    session: Session, target_id: str, data: TargetInput, *, expected_version: int
) -> int:
    values = _validate(session, data, target_id)
    return record_store(session).update(
        CommuneTarget, target_id, values, expected_version=expected_version
    )


delete_target = deleter(CommuneTarget, _city_only)
restore_target = restorer(CommuneTarget, _city_only)


# -- how far a commune is ------------------------------------------------------------------


@dataclass(frozen=True)
class TargetProgress:
    """One target of one commune and year against what the commune achieved by ``until``."""

    kind: TargetKind
    year: int
    value: int
    achieved: int
    until: date
    notes: str = ""

    @property
    def remaining(self) -> int:
        return max(0, self.value - self.achieved)

    @property
    def reached(self) -> bool:
        return self.achieved >= self.value

    @property
    def share(self) -> Fraction | None:
        """Achieved ÷ assigned (``None`` for a target of zero)."""
        return Fraction(self.achieved, self.value) if self.value else None


def achieved(session: Session, commune: str, kind: TargetKind, year: int, until: date) -> int:
    """What ``commune`` achieved of ``kind`` in ``year`` up to ``until`` (module docstring)."""
    start, end = date(year, 1, 1), min(until, date(year, 12, 31))
    if kind is TargetKind.FUND_MOBILISATION:
        total = session.scalar(
            select(func.coalesce(func.sum(FundContribution.amount), 0)).where(
                FundContribution.commune_code == commune,
                FundContribution.deleted_at.is_(None),
                FundContribution.received_on.between(start, end),
            )
        )
        return int(total or 0)
    if kind is TargetKind.ENTRUSTED_TRANSFER:
        return entrusted_indicators(
            session, year, Scope.commune(commune), until=end
        ).growth.transferred
    if kind is TargetKind.GROUPS_GRADED_GOOD:
        count = session.scalar(
            select(func.count(func.distinct(GroupAssessment.group_id)))
            .join(SavingsGroup, SavingsGroup.id == GroupAssessment.group_id)
            .where(
                GroupAssessment.commune_code == commune,
                GroupAssessment.deleted_at.is_(None),
                SavingsGroup.deleted_at.is_(None),
                GroupAssessment.year == year,
                GroupAssessment.grade == GroupGrade.TOT,
            )
        )
        return int(count or 0)
    count = session.scalar(
        select(func.count(func.distinct(LoanCheck.loan_id))).where(
            LoanCheck.commune_code == commune,
            LoanCheck.deleted_at.is_(None),
            LoanCheck.checked_on.between(start, end),
        )
    )
    return int(count or 0)


def target_progress(
    session: Session, commune: str, year: int, *, until: date | None = None
) -> list[TargetProgress]:
    """The targets of ``commune`` for ``year`` (in the order of :class:`TargetKind`), each
    with what was achieved by ``until`` (default: today, or the year's end if earlier)."""
    day = min(until or date.today(), date(year, 12, 31))
    return [
        TargetProgress(
            row.kind,
            row.year,
            row.value,
            achieved(session, commune, row.kind, year, day),
            day,
            row.notes,
        )
        for row in sorted(
            (r for r in list_targets(session, commune) if r.year == year),
            key=lambda r: list(TargetKind).index(r.kind),
        )
    ]
