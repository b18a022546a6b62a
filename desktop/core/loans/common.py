"""What every loans service shares: the owner filter, the catalogue lookups and the names
lists show.

**Owner filter.** A commune's database holds its own records; the city's holds every
commune's (``commune_code`` is the owner). Every list and indicator therefore takes
``owner``: one commune code, or ``None`` for all communes. Deleted records (tombstones) are
never listed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, select, true
from sqlalchemy.orm import Session

from db.base import SyncedRecord
from db.models import (
    Commune,
    CreditProgramme,
    Hamlet,
    Organisation,
    ProgrammeRate,
    SavingsGroup,
)
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.text import sort_key

#: One commune's code, or ``None`` for every commune (the city's consolidated view).
Owner = str | None

M_UNKNOWN_CHOICE = QT_TRANSLATE_NOOP("Loans", "Choose a value from the list.")
M_INACTIVE_PROGRAMME = QT_TRANSLATE_NOOP(
    "Loans", "The programme {name} is no longer offered; choose another one."
)


def alive(model: type[SyncedRecord], owner: Owner) -> ColumnElement[bool]:
    """Not deleted, and owned by ``owner`` when one is given."""
    if owner is None:
        return model.deleted_at.is_(None)
    return and_(model.deleted_at.is_(None), model.commune_code == owner)


def owner_clause(model: type[SyncedRecord], owner: Owner) -> ColumnElement[bool]:
    return true() if owner is None else model.commune_code == owner


@dataclass(frozen=True)
class ProgrammeInfo:
    code: str
    name: str
    short_name: str
    active: bool


@dataclass(frozen=True)
class OrganisationInfo:
    code: str
    name: str
    short_name: str


@dataclass(frozen=True)
class RateInfo:
    """A programme's rate valid on a day (basis points: 6,6 % is 660)."""

    programme_code: str
    valid_from: date
    rate_bp: int | None
    priority_rate_bp: int | None
    cap_amount: int | None


def programmes(session: Session) -> list[ProgrammeInfo]:
    rows = session.execute(
        select(
            CreditProgramme.code,
            CreditProgramme.name,
            CreditProgramme.short_name,
            CreditProgramme.active,
        ).order_by(CreditProgramme.sort_order)
    )
    return [ProgrammeInfo(*row) for row in rows]


def organisations(session: Session) -> list[OrganisationInfo]:
    rows = session.execute(
        select(Organisation.code, Organisation.name, Organisation.short_name).order_by(
            Organisation.sort_order
        )
    )
    return [OrganisationInfo(*row) for row in rows]


def rate_on(session: Session, programme_code: str, day: date) -> RateInfo | None:
    """The catalogue rate of ``programme_code`` valid on ``day``: the entry with the latest
    ``valid_from`` not after ``day``. ``None`` when the catalogue holds no rate from before
    that day (the loan is older than the catalogue) — never a later rate passed off as it."""
    row = session.execute(
        select(
            ProgrammeRate.programme_code,
            ProgrammeRate.valid_from,
            ProgrammeRate.rate_bp,
            ProgrammeRate.priority_rate_bp,
            ProgrammeRate.cap_amount,
        )
        .where(ProgrammeRate.programme_code == programme_code, ProgrammeRate.valid_from <= day)
        .order_by(ProgrammeRate.valid_from.desc())
        .limit(1)
    ).first()
    return RateInfo(*row) if row else None


@contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Pause Python's cycle collector while a city-scale list is built.

    Building 100 000 row objects runs the collector dozens of times, each time walking
    every live object; the rows hold no reference cycles, so pausing it meanwhile saves
    about a quarter of the load (``tests/bench/bench_loans.py``). Reference counting still
    frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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


def hamlet_names(session: Session, owner: Owner) -> dict[str, str]:
    rows = session.execute(select(Hamlet.id, Hamlet.name).where(owner_clause(Hamlet, owner)))
    return dict(rows.all())


def group_names(session: Session, owner: Owner) -> dict[str, str]:
    """Group id → ``"code · name"`` (deleted groups too, so old loans still name theirs)."""
    rows = session.execute(
        select(SavingsGroup.id, SavingsGroup.code, SavingsGroup.name).where(
            owner_clause(SavingsGroup, owner)
        )
    )
    return {group_id: group_label(code, name) for group_id, code, name in rows}


def group_label(code: str, name: str) -> str:
    return f"{name} ({code})" if code and code != name else name


def commune_names(session: Session) -> dict[str, str]:
    rows = session.execute(select(Commune.code, Commune.name)).all()
    return dict(rows)


def programme_names(session: Session) -> dict[str, str]:
    return {p.code: p.short_name for p in programmes(session)}


def organisation_names(session: Session) -> dict[str, str]:
    return {o.code: o.short_name for o in organisations(session)}


def sorted_choices(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(key, text)`` pairs in Vietnamese order of their text."""
    return sorted(pairs, key=lambda pair: sort_key(pair[1]))


def check_choice(value: Any, allowed: Sequence[Any] | set[Any], field: str) -> None:
    """``value`` must be one of ``allowed`` (or empty)."""
    if value is not None and value not in allowed:
        raise ValidationError(field, M_UNKNOWN_CHOICE)
