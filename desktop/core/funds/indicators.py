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
- target amount(Y) = ⌈20 % × total(Y)⌉; still needed(Y) = max(0, target amount − entrusted);
- on track when share ≥ 20 %, behind otherwise (the plan gives until 2030 to get there, and
  the amount still needed says how far there is to go); no data without a total for Y.

Worked example, the city's real figures at 31/12/2025: entrusted 2 675 billion đ of total
capital 17 590 billion đ → share 2 675 ÷ 17 590 = 15,21 %, behind; still needed
20 % × 17 590 − 2 675 = 3 518 − 2 675 = 843 billion đ.

For all communes together (owner ``None``) transfers, totals and balances of the communes
are added up before dividing (a weighted share, not an average of shares); only communes
that recorded a total for Y take part in the share.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import CapitalTotal, EntrustedTransfer
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.owners import Owner, owner_clause

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


@dataclass(frozen=True)
class GrowthIndicator:
    year: int
    owner: Owner
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


@dataclass(frozen=True)
class ShareIndicator:
    year: int
    owner: Owner
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
        target = self.target_amount
        if target is None or self.entrusted is None:
            return None
        return max(0, target - self.entrusted)

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
class EntrustedIndicators:
    year: int
    owner: Owner
    growth: GrowthIndicator
    share: ShareIndicator


@dataclass
class _Figures:
    transfers: dict[int, int]
    totals: dict[int, tuple[int, int | None]]


def _figures(session: Session, owner: Owner) -> dict[str, _Figures]:
    found: dict[str, _Figures] = defaultdict(lambda: _Figures({}, {}))
    for own, year, amount in session.execute(
        select(
            EntrustedTransfer.commune_code,
            EntrustedTransfer.year,
            func.sum(EntrustedTransfer.amount),
        )
        .where(
            owner_clause(EntrustedTransfer.commune_code, owner),
            EntrustedTransfer.deleted_at.is_(None),
        )
        .group_by(EntrustedTransfer.commune_code, EntrustedTransfer.year)
    ):
        found[own].transfers[year] = int(amount)
    newest: dict[tuple[str, int], str] = {}
    for own, year, total, balance, updated in session.execute(
        select(
            CapitalTotal.commune_code,
            CapitalTotal.year,
            CapitalTotal.total_capital,
            CapitalTotal.entrusted_balance,
            CapitalTotal.updated_at,
        ).where(owner_clause(CapitalTotal.commune_code, owner), CapitalTotal.deleted_at.is_(None))
    ):
        # One per year is enforced when recording; should two arrive anyway, the newest wins.
        if str(updated) >= newest.get((own, year), ""):
            newest[(own, year)] = str(updated)
            found[own].totals[year] = (total, balance)
    return dict(found)


def _indicators(figures: dict[str, _Figures], year: int, owner: Owner) -> EntrustedIndicators:
    transferred = sum(f.transfers.get(year, 0) for f in figures.values())
    previous = sum(f.transfers.get(year - 1, 0) for f in figures.values())
    total: int | None = None
    entrusted: int | None = None
    estimated = False
    for own in figures.values():
        if year not in own.totals:
            continue
        capital, balance = own.totals[year]
        if balance is None:
            balance = sum(amount for y, amount in own.transfers.items() if y <= year)
            estimated = True
        total = (total or 0) + capital
        entrusted = (entrusted or 0) + balance
    return EntrustedIndicators(
        year,
        owner,
        GrowthIndicator(year, owner, transferred, previous),
        ShareIndicator(year, owner, total, entrusted, estimated),
    )


def entrusted_indicators(session: Session, year: int, owner: Owner) -> EntrustedIndicators:
    """Both targets for ``year``."""
    return _indicators(_figures(session, owner), year, owner)


def entrusted_by_commune(
    session: Session, year: int, codes: Iterable[str]
) -> dict[str, EntrustedIndicators]:
    """Both targets of ``year`` for each commune of ``codes``, read in one pass (the city's
    per-commune tables): for each code the figures ``entrusted_indicators(session, year,
    code)`` gives."""
    figures = _figures(session, None)
    return {
        code: _indicators({code: figures[code]} if code in figures else {}, year, code)
        for code in codes
    }


def entrusted_series(session: Session, owner: Owner) -> list[EntrustedIndicators]:
    """Both targets for every year from the first with a transfer or a total to the last,
    oldest first."""
    figures = _figures(session, owner)
    years = {y for f in figures.values() for y in (*f.transfers, *f.totals)}
    if not years:
        return []
    return [_indicators(figures, y, owner) for y in range(min(years), max(years) + 1)]
