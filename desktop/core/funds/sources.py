"""The branch's total capital by source, year by year, and its growth: what the city's yearly
report gives for "tổng nguồn vốn" (plan II.4).

Total capital (tổng nguồn vốn) = central capital (nguồn vốn Trung ương) + local budget
capital entrusted (nguồn vốn ngân sách địa phương ủy thác, of the city and the communes
together) + mobilised capital (nguồn vốn huy động: deposits, members' savings). The city
office records the branch's figures once a year as VBSP gives them (:class:`CapitalTotal`
owned by the city); each part is optional. A part not given is not known — never 0 — and
what the parts given leave of the total is shown as not split by source.

Growth compares a year with the one before: the amount and the rate, for the total and for
each part known in both years. A figure counts once it is dated by the cut-off (its
``as_of``, else the end of its year), as for the plan's targets
(:mod:`desktop.core.funds.indicators`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from db.base import CITY_CODE
from db.models import CapitalTotal


@dataclass(frozen=True)
class CapitalSources:
    """One year's total capital of the branch and its parts by source (``None``: not
    given)."""

    year: int
    total: int
    central: int | None
    entrusted: int | None
    mobilised: int | None
    as_of: date | None = None

    @property
    def split(self) -> bool:
        """Whether the bank gave any part by source."""
        return any(v is not None for v in (self.central, self.entrusted, self.mobilised))

    @property
    def not_split(self) -> int | None:
        """What the parts given leave of the total (``None`` when no part is given)."""
        if not self.split:
            return None
        return self.total - sum(v or 0 for v in (self.central, self.entrusted, self.mobilised))

    def share(self, part: int | None) -> Fraction | None:
        """``part`` as a share of the total."""
        if part is None or not self.total:
            return None
        return Fraction(part, self.total)


@dataclass(frozen=True)
class Growth:
    """A figure of one year beside the year before."""

    previous: int | None
    current: int | None

    @property
    def change(self) -> int | None:
        if self.previous is None or self.current is None:
            return None
        return self.current - self.previous

    @property
    def rate(self) -> Fraction | None:
        change = self.change
        if change is None or not self.previous:
            return None
        return Fraction(change, self.previous)


def _dated_by(until: date) -> ColumnElement[bool]:
    last_full_year = until.year if (until.month, until.day) == (12, 31) else until.year - 1
    return or_(
        CapitalTotal.as_of <= until,
        and_(CapitalTotal.as_of.is_(None), CapitalTotal.year <= last_full_year),
    )


def branch_capital(session: Session, *, until: date) -> dict[int, CapitalSources]:
    """Year → the branch's figures recorded by the city office, dated by ``until``. Should
    two figures of one year be live (one per year is enforced when recording), the newest
    wins."""
    rows = session.execute(
        select(
            CapitalTotal.year,
            CapitalTotal.total_capital,
            CapitalTotal.central_amount,
            CapitalTotal.entrusted_balance,
            CapitalTotal.mobilised_amount,
            CapitalTotal.as_of,
        )
        .where(
            CapitalTotal.commune_code == CITY_CODE,
            CapitalTotal.deleted_at.is_(None),
            _dated_by(until),
        )
        .order_by(CapitalTotal.updated_at)
    )
    return {
        year: CapitalSources(year, total, central, entrusted, mobilised, as_of)
        for year, total, central, entrusted, mobilised, as_of in rows
    }


def latest_two(found: dict[int, CapitalSources], year: int) -> tuple[CapitalSources | None, ...]:
    """The figures of ``year`` — or, while the bank has not given them, of the latest year
    before it that has some — and of the year before that one: ``(before, latest)``."""
    known = sorted(y for y in found if y <= year)
    if not known:
        return (None, None)
    latest = found[known[-1]]
    return (found.get(latest.year - 1), latest)


def growth(before: CapitalSources | None, latest: CapitalSources) -> dict[str, Growth]:
    """Each figure of ``latest`` beside ``before`` (total, central, entrusted, mobilised)."""

    def pair(name: str) -> Growth:
        return Growth(getattr(before, name) if before is not None else None, getattr(latest, name))

    return {name: pair(name) for name in ("total", "central", "entrusted", "mobilised")}
