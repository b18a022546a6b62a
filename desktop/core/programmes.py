"""Credit programmes and their rates: the one place that reads and changes them.

Rates change: each has a valid-from date, and the rate of a loan is the one in force on its
disbursement date (:func:`rate_on`; :class:`RateBook` for thousands of loans at once). A new
rate is added from a date on (:func:`add_rate`), the old one staying for older loans.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import AuditAction
from db.models import AuditEntry, CreditProgramme, ProgrammeRate
from desktop.core import validation
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.settings import actor_name

M_UNKNOWN = QT_TRANSLATE_NOOP("Programmes", "There is no credit programme {code}.")
M_DUPLICATE = QT_TRANSLATE_NOOP("Programmes", "This programme already has a rate from {day}.")


@dataclass(frozen=True)
class RateInfo:
    """A programme's rate and cap from ``valid_from`` on (basis points: 6,6 % is 660)."""

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
    #: Still offered: a programme no longer offered stays for the loans made under it.
    active: bool
    rate: RateInfo | None
    """The rate in force on the day asked for (None before the first valid-from date)."""


_RATE_COLUMNS = (
    ProgrammeRate.id,
    ProgrammeRate.programme_code,
    ProgrammeRate.valid_from,
    ProgrammeRate.rate_bp,
    ProgrammeRate.priority_rate_bp,
    ProgrammeRate.cap_amount,
    ProgrammeRate.cap_note,
    ProgrammeRate.confirmed,
)


def rates(session: Session, programme_code: str | None = None) -> list[RateInfo]:
    """Every rate, oldest first within each programme."""
    query = select(*_RATE_COLUMNS).order_by(ProgrammeRate.programme_code, ProgrammeRate.valid_from)
    if programme_code:
        query = query.where(ProgrammeRate.programme_code == programme_code)
    return [RateInfo(*row) for row in session.execute(query)]


def rate_on(session: Session, programme_code: str, day: date) -> RateInfo | None:
    """The catalogue rate of ``programme_code`` valid on ``day``: the entry with the latest
    ``valid_from`` not after ``day``. ``None`` when the catalogue holds no rate from before
    that day (the loan is older than the catalogue) — never a later rate passed off as it."""
    row = session.execute(
        select(*_RATE_COLUMNS)
        .where(ProgrammeRate.programme_code == programme_code, ProgrammeRate.valid_from <= day)
        .order_by(ProgrammeRate.valid_from.desc())
        .limit(1)
    ).first()
    return RateInfo(*row) if row else None


def programmes(session: Session, *, on: date | None = None) -> list[ProgrammeInfo]:
    """Every programme in catalogue order (``active``: still offered), each with the rate in
    force ``on`` (default today)."""
    day = on or date.today()
    in_force: dict[str, RateInfo] = {}
    for rate in rates(session):
        if rate.valid_from <= day:
            in_force[rate.programme_code] = rate
    query = select(
        CreditProgramme.code,
        CreditProgramme.name,
        CreditProgramme.short_name,
        CreditProgramme.active,
    ).order_by(CreditProgramme.sort_order)
    return [
        ProgrammeInfo(code, name, short_name, active, in_force.get(code))
        for code, name, short_name, active in session.execute(query)
    ]


def programme_names(session: Session) -> dict[str, str]:
    """Programme code → short name, for lists."""
    return {p.code: p.short_name for p in programmes(session)}


class RateBook:
    """Every catalogue rate in memory, for :func:`rate_on` over thousands of loans."""

    def __init__(self, session: Session) -> None:
        self._rates: dict[str, list[tuple[date, int | None]]] = {}
        for code, valid_from, rate in session.execute(
            select(
                ProgrammeRate.programme_code, ProgrammeRate.valid_from, ProgrammeRate.rate_bp
            ).order_by(ProgrammeRate.valid_from)
        ):
            self._rates.setdefault(code, []).append((valid_from, rate))

    def rate(self, programme_code: str, day: date) -> int | None:
        """As :func:`rate_on`: the latest rate valid on ``day``, ``None`` before the first."""
        found = None
        for valid_from, rate in self._rates.get(programme_code, ()):
            if valid_from > day:
                break
            found = rate
        return found


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
    validation.check(ProgrammeRate.valid_from, valid_from)
    validation.check(ProgrammeRate.rate_bp, rate_bp)
    validation.check(ProgrammeRate.priority_rate_bp, priority_rate_bp)
    validation.check(ProgrammeRate.cap_amount, cap_amount)
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
        cap_note=validation.check(ProgrammeRate.cap_note, cap_note),
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
