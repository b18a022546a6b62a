"""Credit programmes and their rates, which change: each rate has a valid-from date, and the
rate of a loan is the one in force on its disbursement date."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import AuditAction
from db.models import AuditEntry, CreditProgramme, ProgrammeRate
from desktop.core import validation
from desktop.core.errors import UserError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.settings import actor_name

M_UNKNOWN = QT_TRANSLATE_NOOP("Programmes", "There is no credit programme {code}.")
M_DUPLICATE = QT_TRANSLATE_NOOP("Programmes", "This programme already has a rate from {day}.")
M_RATE = QT_TRANSLATE_NOOP("Programmes", "A rate is between 0 and 30 % a year.")

MAX_RATE_BP = 3000


@dataclass(frozen=True)
class RateInfo:
    id: int
    programme_code: str
    valid_from: date
    rate_bp: int | None
    priority_rate_bp: int | None
    cap_amount: int | None
    cap_note: str
    confirmed: bool


@dataclass(frozen=True)
class ProgrammeInfo:
    code: str
    name: str
    short_name: str
    rate: RateInfo | None
    """The rate in force on the date asked for (None before the first valid-from date)."""


def _rate_info(rate: ProgrammeRate) -> RateInfo:
    return RateInfo(
        rate.id,
        rate.programme_code,
        rate.valid_from,
        rate.rate_bp,
        rate.priority_rate_bp,
        rate.cap_amount,
        rate.cap_note,
        rate.confirmed,
    )


def rates(session: Session, programme_code: str | None = None) -> list[RateInfo]:
    """Every rate, oldest first within each programme."""
    query = select(ProgrammeRate).order_by(ProgrammeRate.programme_code, ProgrammeRate.valid_from)
    if programme_code:
        query = query.where(ProgrammeRate.programme_code == programme_code)
    return [_rate_info(r) for r in session.scalars(query)]


def rate_on(session: Session, programme_code: str, day: date) -> RateInfo | None:
    """The rate in force for ``programme_code`` on ``day``."""
    rate = session.scalars(
        select(ProgrammeRate)
        .where(ProgrammeRate.programme_code == programme_code, ProgrammeRate.valid_from <= day)
        .order_by(ProgrammeRate.valid_from.desc())
        .limit(1)
    ).first()
    return _rate_info(rate) if rate else None


def list_programmes(session: Session, on: date | None = None) -> list[ProgrammeInfo]:
    """Active programmes in catalogue order, each with the rate in force ``on`` (today)."""
    day = on or date.today()
    return [
        ProgrammeInfo(p.code, p.name, p.short_name, rate_on(session, p.code, day))
        for p in session.scalars(
            select(CreditProgramme)
            .where(CreditProgramme.active.is_(True))
            .order_by(CreditProgramme.sort_order)
        )
    ]


def add_rate(
    session: Session,
    programme_code: str,
    *,
    valid_from: date,
    rate_bp: int | None,
    priority_rate_bp: int | None = None,
    cap_amount: int | None = None,
    cap_note: str = "",
) -> int:
    """Record a new rate from ``valid_from`` on (the old one stays for older loans)."""
    if session.get(CreditProgramme, programme_code) is None:
        raise UserError(M_UNKNOWN, code=programme_code)
    validation.date_in_range(valid_from, "valid_from")
    for field, value in (("rate_bp", rate_bp), ("priority_rate_bp", priority_rate_bp)):
        if value is not None and not 0 <= value <= MAX_RATE_BP:
            raise ValidationError(field, M_RATE)
    if cap_amount is not None:
        validation.amount(cap_amount, "cap_amount", maximum=validation.MAX_SINGLE_AMOUNT)
    exists = session.scalars(
        select(ProgrammeRate.id).where(
            ProgrammeRate.programme_code == programme_code,
            ProgrammeRate.valid_from == valid_from,
        )
    ).first()
    if exists is not None:
        raise UserError(M_DUPLICATE, day=valid_from.strftime("%d/%m/%Y"))
    rate = ProgrammeRate(
        programme_code=programme_code,
        valid_from=valid_from,
        rate_bp=rate_bp,
        priority_rate_bp=priority_rate_bp,
        cap_amount=cap_amount,
        cap_note=validation.optional_text(cap_note, "cap_note", limit=300),
        confirmed=True,
    )
    session.add(rate)
    session.flush()
    session.add(
        AuditEntry(
            actor=actor_name(session),
            action=AuditAction.CREATE,
            record_type="programme_rate",
            record_id=str(rate.id),
            version=1,
            before_json=None,
            after_json=json.dumps(
                {
                    "programme_code": programme_code,
                    "valid_from": valid_from.isoformat(),
                    "rate_bp": rate_bp,
                    "priority_rate_bp": priority_rate_bp,
                    "cap_amount": cap_amount,
                },
                ensure_ascii=False,
            ),
        )
    )
    return rate.id
