"""The plan's two targets for local budget capital entrusted to VBSP (plan II.4), computed
exactly (fractions, whole đồng), never with floats.

**Growth target** — "năm sau cao hơn năm trước (tối thiểu 20%)": the money the local budget
transfers in year Y must be at least 20 % more than in Y − 1.

- transferred(Y) = sum of the entrusted transfers recorded for year Y (every source level);
- growth(Y) = (transferred(Y) − transferred(Y − 1)) ÷ transferred(Y − 1);
- target amount(Y) = ⌈120 % × transferred(Y − 1)⌉ (rounded up to the đồng: "at least");
- still needed(Y) = max(0, target amount − transferred(Y));
- on track when growth ≥ 20 %, behind otherwise; no data when nothing was transferred in
  Y − 1 (there is no base to grow from).

**Share target** — "đến năm 2030 chiếm tối thiểu 20% tổng nguồn vốn": at the end of year Y,
the entrusted capital is at least 20 % of the branch's total capital.

- total(Y) = the total capital recorded for Y (CapitalTotal, as VBSP reports it);
- entrusted(Y) = the entrusted balance VBSP reports with that total; when the bank did not
  give one, the sum of all transfers recorded up to and including Y stands in for it and the
  figure is marked *estimated*;
- share(Y) = entrusted(Y) ÷ total(Y);
- target amount(Y) = ⌈20 % × total(Y)⌉ (20 % of the total as it stands);
- still needed(Y) = what must still be entrusted to reach 20 %: new entrusted capital raises
  the total too, so an amount x reaches it when (E + x) ÷ (T + x) = 20 %, that is
  x = (20 % × T − E) ÷ (1 − 20 %) = (20 % × T − E) ÷ 80 %, rounded up to the đồng
  (:func:`capital_needed`, the one place this is computed);
- on track when share ≥ 20 %, behind otherwise (against the 2030 end point); no data without
  a total for Y.

**The path to 2030** (:class:`ShareStep`): the share year Y needs to reach on the way is a
straight line from the share of the year before to 20 % at the end of 2030 —
step(Y) = share(Y − 1) + (20 % − share(Y − 1)) ÷ (2030 − (Y − 1)) — so each year closes an
equal part of the gap still left; a year is judged against its step, not against 20 %. With
no share for Y − 1 there is no step to judge Y by (no data). From the latest known share the
remaining path is the same straight line (:func:`share_path`).

Worked example, the city's real figures at 31/12/2025: entrusted 2 675 billion đ of total
capital 17 590 billion đ → share 2 675 ÷ 17 590 = 15,21 %, behind; still needed
(20 % × 17 590 − 2 675) ÷ 80 % = (3 518 − 2 675) ÷ 0,8 = 1 053,75 billion đ; the path asks
2026 for 15,21 % + (20 % − 15,21 %) ÷ 5 = 16,17 %.

**Cut-off**: every function takes ``until``, a day; only records dated on or before it
count — a transfer by the day the money moved (else its decision's day; a transfer dated
neither counts from the start of its year), a total capital by its ``as_of`` (else the end of
its year). Without ``until`` every record counts.

For all communes together (``ALL_COMMUNES``) transfers, totals and balances of the communes
are added up before dividing (a weighted share, not an average of shares); only communes
that recorded a total for Y take part in the share.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import Protocol, TypeVar

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from db.base import CITY_CODE
from db.models import CapitalTotal, EntrustedTransfer
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.owners import (
    ALL_COMMUNES,
    CITY_OFFICE,
    COMMUNES_AND_CITY_OFFICE,
    Scope,
    owner_clause,
)

#: Transfers each year at least 20 % above the year before.
GROWTH_TARGET = Fraction(20, 100)
#: Entrusted capital at least 20 % of total capital …
SHARE_TARGET = Fraction(20, 100)
#: … by the end of 2030.
SHARE_TARGET_YEAR = 2030


class TargetStatus(StrEnum):
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_DATA = "no_data"


STATUS_LABELS = {
    TargetStatus.ON_TRACK: QT_TRANSLATE_NOOP("Funds", "On track"),
    TargetStatus.BEHIND: QT_TRANSLATE_NOOP("Funds", "Behind"),
    TargetStatus.NO_DATA: QT_TRANSLATE_NOOP("Funds", "Not enough data"),
}


def status_label(status: TargetStatus) -> str:
    return tr(STATUS_LABELS[status])


def at_least(ratio: Fraction, amount: int) -> int:
    """``ratio × amount`` rounded up to the đồng (a target is a floor to reach)."""
    return math.ceil(ratio * amount)


def capital_needed(share: Fraction, total: int, entrusted: int) -> int:
    """What must still be entrusted for entrusted capital to be ``share`` of total capital,
    given the new money raises the total as well: x with (E + x) ÷ (T + x) = share, i.e.
    x = (share × T − E) ÷ (1 − share), rounded up to the đồng; 0 when already there."""
    if share >= 1:
        raise ValueError("a share of the total below 100 % is needed")
    return max(0, math.ceil((share * total - entrusted) / (1 - share)))


def share_step(previous_share: Fraction, previous_year: int, year: int) -> Fraction:
    """The share ``year`` needs to reach on a straight path from ``previous_share`` at the end
    of ``previous_year`` to 20 % at the end of 2030: 20 % from 2030 on or once 20 % is
    reached; ``previous_share`` itself for ``previous_year`` and before."""
    if previous_share >= SHARE_TARGET or year >= SHARE_TARGET_YEAR:
        return SHARE_TARGET
    if year <= previous_year:
        return previous_share
    gap = SHARE_TARGET - previous_share
    return previous_share + gap * Fraction(year - previous_year, SHARE_TARGET_YEAR - previous_year)


@dataclass(frozen=True)
class GrowthIndicator:
    year: int
    owner: Scope
    transferred: int
    previous: int

    @property
    def growth(self) -> Fraction | None:
        if self.previous <= 0:
            return None
        return Fraction(self.transferred - self.previous, self.previous)

    @property
    def target_amount(self) -> int | None:
        if self.previous <= 0:
            return None
        return at_least(1 + GROWTH_TARGET, self.previous)

    @property
    def still_needed(self) -> int | None:
        target = self.target_amount
        return None if target is None else max(0, target - self.transferred)

    @property
    def status(self) -> TargetStatus:
        growth = self.growth
        if growth is None:
            return TargetStatus.NO_DATA
        return TargetStatus.ON_TRACK if growth >= GROWTH_TARGET else TargetStatus.BEHIND

    def __add__(self, other: GrowthIndicator) -> GrowthIndicator:
        """Two budgets' transfers together (the city's and the communes'): the plan's
        target counts the local budget of both."""
        return GrowthIndicator(
            self.year,
            self.owner,
            self.transferred + other.transferred,
            self.previous + other.previous,
        )


@dataclass(frozen=True)
class ShareIndicator:
    year: int
    owner: Scope
    total_capital: int | None
    entrusted: int | None
    #: True when ``entrusted`` is the sum of transfers, the bank having given no balance.
    estimated: bool

    @property
    def share(self) -> Fraction | None:
        if not self.total_capital or self.entrusted is None:
            return None
        return Fraction(self.entrusted, self.total_capital)

    @property
    def target_amount(self) -> int | None:
        return at_least(SHARE_TARGET, self.total_capital) if self.total_capital else None

    @property
    def still_needed(self) -> int | None:
        """What must still be entrusted to reach 20 % (see :func:`capital_needed`)."""
        if not self.total_capital or self.entrusted is None:
            return None
        return capital_needed(SHARE_TARGET, self.total_capital, self.entrusted)

    def needed_for(self, share: Fraction) -> int | None:
        """What must still be entrusted to reach ``share`` (a step of the path)."""
        if not self.total_capital or self.entrusted is None:
            return None
        return capital_needed(share, self.total_capital, self.entrusted)

    @property
    def status(self) -> TargetStatus:
        share = self.share
        if share is None:
            return TargetStatus.NO_DATA
        return TargetStatus.ON_TRACK if share >= SHARE_TARGET else TargetStatus.BEHIND

    @property
    def years_left(self) -> int:
        """Years to the end of 2030 after ``year`` (0 from 2030 on)."""
        return max(0, SHARE_TARGET_YEAR - self.year)


@dataclass(frozen=True)
class ShareStep:
    """Where ``year`` stands on the path to 20 % in 2030: the share it had to reach (from the
    share of the year before, see :func:`share_step`) and the share it reached."""

    year: int
    #: The share of the year before, the path's starting point (``None``: not known).
    previous: Fraction | None
    required: Fraction | None
    share: Fraction | None

    @property
    def status(self) -> TargetStatus:
        if self.required is None or self.share is None:
            return TargetStatus.NO_DATA
        return TargetStatus.ON_TRACK if self.share >= self.required else TargetStatus.BEHIND


@dataclass(frozen=True)
class EntrustedIndicators:
    year: int
    owner: Scope
    growth: GrowthIndicator
    share: ShareIndicator
    #: The share against this year's step of the path to 20 % in 2030.
    step: ShareStep | None = None


def share_path(latest: ShareIndicator, *, to_year: int = SHARE_TARGET_YEAR) -> list[ShareStep]:
    """The rest of the path from the latest known share: each year after ``latest.year`` up to
    2030 with the share it needs to reach (a straight line to 20 %), nothing reached yet."""
    start = latest.share
    if start is None:
        return []
    return [
        ShareStep(year, start, share_step(start, latest.year, year), None)
        for year in range(latest.year + 1, max(to_year, latest.year) + 1)
    ]


@dataclass
class _Figures:
    transfers: dict[int, int]
    totals: dict[int, tuple[int, int | None]]


def _transfer_dated_by(until: date) -> ColumnElement[bool]:
    """Transfers dated on or before ``until``: by the day the money moved, else the decision,
    else the start of the year they are for."""
    return or_(
        EntrustedTransfer.transferred_on <= until,
        and_(
            EntrustedTransfer.transferred_on.is_(None),
            EntrustedTransfer.decision_date <= until,
        ),
        and_(
            EntrustedTransfer.transferred_on.is_(None),
            EntrustedTransfer.decision_date.is_(None),
            EntrustedTransfer.year <= until.year,
        ),
    )


def _total_dated_by(until: date) -> ColumnElement[bool]:
    """Total capital figures dated on or before ``until`` (by ``as_of``, else the end of
    their year)."""
    last_full_year = until.year if (until.month, until.day) == (12, 31) else until.year - 1
    return or_(
        CapitalTotal.as_of <= until,
        and_(CapitalTotal.as_of.is_(None), CapitalTotal.year <= last_full_year),
    )


def _figures(session: Session, owner: Scope, until: date | None = None) -> dict[str, _Figures]:
    found: dict[str, _Figures] = defaultdict(lambda: _Figures({}, {}))
    transfers = select(
        EntrustedTransfer.commune_code,
        EntrustedTransfer.year,
        func.sum(EntrustedTransfer.amount),
    ).where(
        owner_clause(EntrustedTransfer.commune_code, owner),
        EntrustedTransfer.deleted_at.is_(None),
    )
    if until is not None:
        transfers = transfers.where(_transfer_dated_by(until))
    for own, year, amount in session.execute(
        transfers.group_by(EntrustedTransfer.commune_code, EntrustedTransfer.year)
    ):
        found[own].transfers[year] = int(amount)
    totals = select(
        CapitalTotal.commune_code,
        CapitalTotal.year,
        CapitalTotal.total_capital,
        CapitalTotal.entrusted_balance,
        CapitalTotal.updated_at,
    ).where(owner_clause(CapitalTotal.commune_code, owner), CapitalTotal.deleted_at.is_(None))
    if until is not None:
        totals = totals.where(_total_dated_by(until))
    newest: dict[tuple[str, int], str] = {}
    for own, year, total, balance, updated in session.execute(totals):
        # One per year is enforced when recording; should two arrive anyway, the newest wins.
        if str(updated) >= newest.get((own, year), ""):
            newest[(own, year)] = str(updated)
            found[own].totals[year] = (total, balance)
    return dict(found)


def _share(figures: Iterable[_Figures], year: int, owner: Scope) -> ShareIndicator:
    total: int | None = None
    entrusted: int | None = None
    estimated = False
    for own in figures:
        if year not in own.totals:
            continue
        capital, balance = own.totals[year]
        if balance is None:
            balance = sum(amount for y, amount in own.transfers.items() if y <= year)
            estimated = True
        total = (total or 0) + capital
        entrusted = (entrusted or 0) + balance
    return ShareIndicator(year, owner, total, entrusted, estimated)


def _step(year: int, share: ShareIndicator, previous: ShareIndicator) -> ShareStep:
    before = previous.share
    required = share_step(before, year - 1, year) if before is not None else None
    return ShareStep(year, before, required, share.share)


def _indicators(figures: dict[str, _Figures], year: int, owner: Scope) -> EntrustedIndicators:
    transferred = sum(f.transfers.get(year, 0) for f in figures.values())
    previous = sum(f.transfers.get(year - 1, 0) for f in figures.values())
    share = _share(figures.values(), year, owner)
    return EntrustedIndicators(
        year,
        owner,
        GrowthIndicator(year, owner, transferred, previous),
        share,
        _step(year, share, _share(figures.values(), year - 1, owner)),
    )


def entrusted_indicators(
    session: Session, year: int, owner: Scope, *, until: date | None = None
) -> EntrustedIndicators:
    """Both targets for ``year``, from the records dated on or before ``until``."""
    return _indicators(_figures(session, owner, until), year, owner)


def entrusted_by_commune(
    session: Session, year: int, codes: Iterable[str], *, until: date | None = None
) -> dict[str, EntrustedIndicators]:
    """Both targets of ``year`` for each commune of ``codes``, read in one pass (the city's
    per-commune tables): for each code the figures ``entrusted_indicators(session, year,
    Scope.commune(code))`` gives."""
    figures = _figures(session, ALL_COMMUNES, until)
    return {
        code: _indicators(
            {code: figures[code]} if code in figures else {}, year, Scope.commune(code)
        )
        for code in codes
    }


def entrusted_series(
    session: Session, owner: Scope, *, until: date | None = None
) -> list[EntrustedIndicators]:
    """Both targets for every year from the first with a transfer or a total to the last
    (at most ``until``'s year), oldest first."""
    figures = _figures(session, owner, until)
    years = {y for f in figures.values() for y in (*f.transfers, *f.totals)}
    if until is not None:
        years = {y for y in years if y <= until.year}
    if not years:
        return []
    return [_indicators(figures, y, owner) for y in range(min(years), max(years) + 1)]


class _HasShare(Protocol):
    @property
    def year(self) -> int: ...
    @property
    def share(self) -> ShareIndicator: ...


_Shares = TypeVar("_Shares", bound=_HasShare)


def latest_share(series: Sequence[_Shares], year: int) -> _Shares | None:
    """The indicators of ``year``, or of the latest earlier year, whose share is known: the
    bank gives a year's total capital after the year ends, so during the year the last
    known share is the one to show."""
    known = [i for i in series if i.year <= year and i.share.share is not None]
    return known[-1] if known else None


@dataclass(frozen=True)
class LocalBudgetIndicators:
    """The plan's targets as it states them: the local budget of the city **and** of the
    communes together (plan II.4), with each part beside the whole.

    - ``city``: the city office's own records (the city budget's transfers; the branch's
      total capital and the entrusted balance the branch reports);
    - ``communes``: every commune's records added up (their budgets' transfers; the figures
      of their transaction offices);
    - ``growth``: the transfers of both budgets together;
    - ``share``: the branch's total capital (the city office's figure) against the local
      budget capital entrusted to it: the balance the branch reports, or, when it gave none,
      every transfer of both budgets up to the year (estimated).
    """

    year: int
    city: EntrustedIndicators
    communes: EntrustedIndicators
    growth: GrowthIndicator
    share: ShareIndicator
    step: ShareStep | None


def _local(
    city: _Figures, communes: list[_Figures], year: int
) -> tuple[GrowthIndicator, ShareIndicator]:
    transferred = city.transfers.get(year, 0) + sum(f.transfers.get(year, 0) for f in communes)
    previous = city.transfers.get(year - 1, 0) + sum(f.transfers.get(year - 1, 0) for f in communes)
    growth = GrowthIndicator(year, COMMUNES_AND_CITY_OFFICE, transferred, previous)
    if year not in city.totals:
        return growth, ShareIndicator(year, COMMUNES_AND_CITY_OFFICE, None, None, False)
    total, balance = city.totals[year]
    estimated = balance is None
    if balance is None:
        balance = sum(
            amount for f in (city, *communes) for y, amount in f.transfers.items() if y <= year
        )
    return growth, ShareIndicator(year, COMMUNES_AND_CITY_OFFICE, total, balance, estimated)


def _local_budget(
    city: _Figures, communes_figures: dict[str, _Figures], year: int
) -> LocalBudgetIndicators:
    communes = list(communes_figures.values())
    growth, share = _local(city, communes, year)
    _growth_before, before = _local(city, communes, year - 1)
    return LocalBudgetIndicators(
        year,
        _indicators({CITY_CODE: city}, year, CITY_OFFICE),
        _indicators(communes_figures, year, ALL_COMMUNES),
        growth,
        share,
        _step(year, share, before),
    )


def _local_figures(session: Session, until: date | None) -> tuple[_Figures, dict[str, _Figures]]:
    city = _figures(session, CITY_OFFICE, until).get(CITY_CODE, _Figures({}, {}))
    return city, _figures(session, ALL_COMMUNES, until)


def local_budget_indicators(
    session: Session, year: int, *, until: date | None = None
) -> LocalBudgetIndicators:
    """Both targets of ``year`` for the whole local budget (city and communes), with the
    city's and the communes' own figures."""
    city, communes = _local_figures(session, until)
    return _local_budget(city, communes, year)


def local_budget_series(
    session: Session, *, until: date | None = None
) -> list[LocalBudgetIndicators]:
    """The whole local budget's targets for every year from the first with a transfer or a
    total capital (of the city office or a commune) to the last, at most ``until``'s year."""
    city, communes = _local_figures(session, until)
    years = {y for f in (city, *communes.values()) for y in (*f.transfers, *f.totals)}
    if until is not None:
        years = {y for y in years if y <= until.year}
    if not years:
        return []
    return [_local_budget(city, communes, y) for y in range(min(years), max(years) + 1)]
