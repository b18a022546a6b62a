"""The money of one reporting period as of a cut-off day: the statement of Quỹ "Vì người
nghèo" for a quarter, a half-year or a year, deposits and sponsorship, gifts by month and by
donor — counting only records dated on or before the cut-off.

Definitions (the year's statement is :mod:`desktop.core.funds.statement`'s):

- the period runs from ``start`` (its first day) to ``end``, the cut-off: the period's last
  day, or an earlier day (the document's date) while the period runs;
- **opening** = the year's opening balance (declared, or carried from the year before) +
  receipts − spending from 1 January up to the day before ``start``;
- **receipts**, **gifts in kind**, **spending**: the money received, the gifts in kind and
  pledged works (estimated value, outside the balance), the grants paid from ``start`` to
  ``end``, by the day each was received or paid;
- **closing** = opening + receipts − spending: the balance on ``end``.

For all communes together (``ALL_COMMUNES``) the figures are every commune's added up (the
city office's own fund left out), exactly as the year's statement adds them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from db.enums import DepositKind, DonorType
from db.models import Deposit, FundContribution, FundSpending
from desktop.core.funds.deposits import DepositTotals
from desktop.core.funds.fund import IN_KIND_FORMS
from desktop.core.funds.statement import (
    MonthTotal,
    fund_statement,
    fund_statements_by_commune,
    peak_window,
)
from desktop.core.owners import ALL_COMMUNES, Scope, owner_clause


@dataclass(frozen=True)
class PeriodStatement:
    start: date
    #: The cut-off: the last day counted.
    end: date
    owner: Scope
    opening: int
    receipts: int
    receipts_count: int
    in_kind: int
    in_kind_count: int
    spending: int
    spending_count: int
    #: Declared − carried forward for the year, when the period opens the year and they differ.
    opening_difference: int | None = None

    @property
    def closing(self) -> int:
        return self.opening + self.receipts - self.spending

    @property
    def opens_the_year(self) -> bool:
        return (self.start.month, self.start.day) == (1, 1)

    @property
    def year(self) -> int:
        return self.start.year


@dataclass
class _Sums:
    receipts: int = 0
    receipts_count: int = 0
    in_kind: int = 0
    in_kind_count: int = 0
    spending: int = 0
    spending_count: int = 0


def _sums(
    session: Session, owner: Scope, start: date, end: date, *, by_commune: bool
) -> dict[str, _Sums]:
    """Receipts, gifts in kind and spending from ``start`` to ``end`` (both included), per
    owner (``by_commune``) or all under the key ``""``."""
    found: dict[str, _Sums] = defaultdict(_Sums)
    if end < start:
        return found
    in_kind = FundContribution.form.in_(list(IN_KIND_FORMS))
    gifts = select(
        FundContribution.commune_code, in_kind, func.sum(FundContribution.amount), func.count()
    ).where(
        owner_clause(FundContribution.commune_code, owner),
        FundContribution.deleted_at.is_(None),
        FundContribution.received_on >= start,
        FundContribution.received_on <= end,
    )
    for own, kind, amount, count in session.execute(
        gifts.group_by(FundContribution.commune_code, in_kind)
    ):
        sums = found[own if by_commune else ""]
        if kind:
            sums.in_kind += int(amount)
            sums.in_kind_count += int(count)
        else:
            sums.receipts += int(amount)
            sums.receipts_count += int(count)
    grants = select(FundSpending.commune_code, func.sum(FundSpending.amount), func.count()).where(
        owner_clause(FundSpending.commune_code, owner),
        FundSpending.deleted_at.is_(None),
        FundSpending.spent_on >= start,
        FundSpending.spent_on <= end,
    )
    for own, amount, count in session.execute(grants.group_by(FundSpending.commune_code)):
        sums = found[own if by_commune else ""]
        sums.spending += int(amount)
        sums.spending_count += int(count)
    return found


def _statement(
    owner: Scope,
    start: date,
    end: date,
    year_opening: int,
    difference: int | None,
    before: _Sums,
    inside: _Sums,
) -> PeriodStatement:
    return PeriodStatement(
        start=start,
        end=end,
        owner=owner,
        opening=year_opening + before.receipts - before.spending,
        receipts=inside.receipts,
        receipts_count=inside.receipts_count,
        in_kind=inside.in_kind,
        in_kind_count=inside.in_kind_count,
        spending=inside.spending,
        spending_count=inside.spending_count,
        opening_difference=difference if (start.month, start.day) == (1, 1) else None,
    )


def period_statement(session: Session, start: date, end: date, owner: Scope) -> PeriodStatement:
    """The fund's statement from ``start`` to ``end`` (within one calendar year)."""
    year = fund_statement(session, start.year, owner)
    before = _sums(
        session, owner, date(start.year, 1, 1), start - timedelta(days=1), by_commune=False
    )
    inside = _sums(session, owner, start, end, by_commune=False)
    return _statement(
        owner, start, end, year.opening, year.opening_difference, before[""], inside[""]
    )


def period_statements_by_commune(
    session: Session, start: date, end: date, codes: Iterable[str]
) -> dict[str, PeriodStatement]:
    """The statement from ``start`` to ``end`` for each commune of ``codes``, read in one
    pass: for each code the figures ``period_statement(session, start, end,
    Scope.commune(code))`` gives."""
    codes = list(codes)
    years = fund_statements_by_commune(session, start.year, codes)
    before = _sums(
        session, ALL_COMMUNES, date(start.year, 1, 1), start - timedelta(days=1), by_commune=True
    )
    inside = _sums(session, ALL_COMMUNES, start, end, by_commune=True)
    return {
        code: _statement(
            Scope.commune(code),
            start,
            end,
            years[code].opening,
            years[code].opening_difference,
            before.get(code, _Sums()),
            inside.get(code, _Sums()),
        )
        for code in codes
    }


def deposits_between(session: Session, start: date, end: date, owner: Scope) -> DepositTotals:
    """Deposits and sponsorship dated from ``start`` to ``end`` (by the transaction date)."""
    sums = {
        kind: (int(amount or 0), int(count))
        for kind, amount, count in session.execute(
            select(Deposit.kind, func.sum(Deposit.amount), func.count())
            .where(
                owner_clause(Deposit.commune_code, owner),
                Deposit.deleted_at.is_(None),
                Deposit.transacted_on >= start,
                Deposit.transacted_on <= end,
            )
            .group_by(Deposit.kind)
        )
    }
    deposits = sums.get(DepositKind.TIEN_GUI, (0, 0))
    sponsorship = sums.get(DepositKind.TAI_TRO, (0, 0))
    return DepositTotals(
        start.year, owner, deposits[0], deposits[1], sponsorship[0], sponsorship[1]
    )


def months_between(session: Session, start: date, end: date, owner: Scope) -> list[MonthTotal]:
    """Each month from ``start``'s to ``end``'s: money and in-kind value received up to
    ``end``, and how many gifts."""
    if end < start:
        return []
    month = extract("month", FundContribution.received_on)
    in_kind = FundContribution.form.in_(list(IN_KIND_FORMS))
    sums: dict[int, list[int]] = {m: [0, 0, 0] for m in range(start.month, end.month + 1)}
    for number, kind, amount, count in session.execute(
        select(month, in_kind, func.sum(FundContribution.amount), func.count())
        .where(
            owner_clause(FundContribution.commune_code, owner),
            FundContribution.deleted_at.is_(None),
            FundContribution.received_on >= start,
            FundContribution.received_on <= end,
        )
        .group_by(month, in_kind)
    ):
        entry = sums[int(number)]
        entry[1 if kind else 0] += int(amount)
        entry[2] += int(count)
    return [MonthTotal(m, *sums[m]) for m in sorted(sums)]


@dataclass(frozen=True)
class PeakTotal:
    """What the peak month (17/10 – 18/11) brought in up to ``end``."""

    start: date
    end: date
    #: The peak month's last day, when ``end`` is earlier (the campaign still runs).
    campaign_end: date
    money: int
    in_kind: int
    count: int


def peak_until(session: Session, year: int, owner: Scope, end: date) -> PeakTotal | None:
    """The peak month of ``year`` up to ``end``; ``None`` when it had not begun by then."""
    start, campaign_end = peak_window(year)
    if end < start:
        return None
    last = min(end, campaign_end)
    in_kind = FundContribution.form.in_(list(IN_KIND_FORMS))
    money = gifts = count = 0
    for kind, amount, number in session.execute(
        select(in_kind, func.sum(FundContribution.amount), func.count())
        .where(
            owner_clause(FundContribution.commune_code, owner),
            FundContribution.deleted_at.is_(None),
            FundContribution.received_on >= start,
            FundContribution.received_on <= last,
        )
        .group_by(in_kind)
    ):
        if kind:
            gifts += int(amount)
        else:
            money += int(amount)
        count += int(number)
    return PeakTotal(start, last, campaign_end, money, gifts, count)


@dataclass(frozen=True)
class DonorTotal:
    donor_type: DonorType
    count: int
    money: int
    in_kind: int

    @property
    def total(self) -> int:
        return self.money + self.in_kind


def gifts_by_donor_type(session: Session, start: date, end: date, owner: Scope) -> list[DonorTotal]:
    """The gifts from ``start`` to ``end`` counted by kind of donor (every kind, in order)."""
    in_kind = FundContribution.form.in_(list(IN_KIND_FORMS))
    sums: dict[DonorType, list[int]] = {kind: [0, 0, 0] for kind in DonorType}
    for donor_type, kind, amount, count in session.execute(
        select(
            FundContribution.donor_type, in_kind, func.sum(FundContribution.amount), func.count()
        )
        .where(
            owner_clause(FundContribution.commune_code, owner),
            FundContribution.deleted_at.is_(None),
            FundContribution.received_on >= start,
            FundContribution.received_on <= end,
        )
        .group_by(FundContribution.donor_type, in_kind)
    ):
        entry = sums[DonorType(donor_type)]
        entry[0] += int(count)
        entry[2 if kind else 1] += int(amount)
    return [DonorTotal(kind, *sums[kind]) for kind in DonorType]
