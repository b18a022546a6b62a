"""The statement of Quỹ "Vì người nghèo" per calendar year, and contributions by month.

Definitions:

- **Receipts** of year Y: contributions in cash or by transfer *received* in Y (by the date
  of receipt, not the campaign year). Gifts in kind and pledged works are shown beside them
  at their estimated value but are not money in the fund, so they stay out of the balance
  (counting them would leave a balance no cash box ever held).
- **Spending** of Y: grants paid in Y.
- **Opening balance** of Y: the balance the office declared for Y (FundOpeningBalance) when
  there is one, otherwise the closing balance of Y − 1 carried forward. The first year of an
  office's statement is the earliest year with a declared balance or any movement; with no
  declared balance it opens at 0. An office normally declares once, for its first year in
  TDCS; a balance declared for a later year restates the books and wins over the carried
  figure, and the difference is shown (``opening_difference``) so nobody misses it.
- **Closing balance** = opening + receipts − spending (it can be negative when grants were
  recorded before the gifts that paid for them: the statement shows it rather than hide it).
- For all communes together (``ALL_COMMUNES``) each commune's statement is computed on its own
  and the figures are added up; the city office's own fund is not included.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from db.models import FundContribution, FundOpeningBalance, FundSpending
from desktop.core.funds.fund import IN_KIND_FORMS
from desktop.core.owners import ALL_COMMUNES, Scope, owner_clause

#: The yearly peak month of the fund's campaign: 17 October – 18 November.
PEAK_START = (10, 17)
PEAK_END = (11, 18)


@dataclass(frozen=True)
class FundStatement:
    year: int
    owner: Scope
    opening: int
    #: The previous year's closing balance (None in the first year).
    carried_forward: int | None
    #: The balance declared for this year, when one was.
    declared_opening: int | None
    receipts: int
    receipts_count: int
    in_kind: int
    in_kind_count: int
    spending: int
    spending_count: int

    @property
    def closing(self) -> int:
        return self.opening + self.receipts - self.spending

    @property
    def opening_difference(self) -> int | None:
        """Declared − carried forward, when both exist and differ (else ``None``)."""
        if self.declared_opening is None or self.carried_forward is None:
            return None
        difference = self.declared_opening - self.carried_forward
        return difference or None


@dataclass(frozen=True)
class MonthTotal:
    month: int
    money: int
    in_kind: int
    count: int

    @property
    def total(self) -> int:
        return self.money + self.in_kind


@dataclass(frozen=True)
class CampaignTotal:
    """Contributions received during the peak month of ``year``."""

    year: int
    start: date
    end: date
    money: int
    in_kind: int
    count: int


def peak_window(year: int) -> tuple[date, date]:
    return date(year, *PEAK_START), date(year, *PEAK_END)


@dataclass
class _Movements:
    declared: dict[int, int]
    receipts: dict[int, tuple[int, int]]
    in_kind: dict[int, tuple[int, int]]
    spending: dict[int, tuple[int, int]]

    def years(self) -> set[int]:
        return set(self.declared) | set(self.receipts) | set(self.in_kind) | set(self.spending)


def _movements(session: Session, owner: Scope) -> dict[str, _Movements]:
    """Per owner: declared balances, and sums and counts per year."""
    found: dict[str, _Movements] = defaultdict(lambda: _Movements({}, {}, {}, {}))
    latest_declared: dict[tuple[str, int], tuple[object, int]] = {}
    for own, year, amount, updated in session.execute(
        select(
            FundOpeningBalance.commune_code,
            FundOpeningBalance.year,
            FundOpeningBalance.amount,
            FundOpeningBalance.updated_at,
        ).where(
            owner_clause(FundOpeningBalance.commune_code, owner),
            FundOpeningBalance.deleted_at.is_(None),
        )
    ):
        # One per year is enforced when recording; should two arrive anyway, the newest wins.
        key = (own, year)
        if key not in latest_declared or str(updated) > str(latest_declared[key][0]):
            latest_declared[key] = (updated, amount)
    for (own, year), (_updated, amount) in latest_declared.items():
        found[own].declared[year] = amount
    received_year = extract("year", FundContribution.received_on)
    in_kind = FundContribution.form.in_(list(IN_KIND_FORMS))
    for own, year, kind, amount, count in session.execute(
        select(
            FundContribution.commune_code,
            received_year,
            in_kind,
            func.sum(FundContribution.amount),
            func.count(),
        )
        .where(
            owner_clause(FundContribution.commune_code, owner),
            FundContribution.deleted_at.is_(None),
        )
        .group_by(FundContribution.commune_code, received_year, in_kind)
    ):
        target = found[own].in_kind if kind else found[own].receipts
        target[int(year)] = (int(amount), int(count))
    spent_year = extract("year", FundSpending.spent_on)
    for own, year, amount, count in session.execute(
        select(FundSpending.commune_code, spent_year, func.sum(FundSpending.amount), func.count())
        .where(owner_clause(FundSpending.commune_code, owner), FundSpending.deleted_at.is_(None))
        .group_by(FundSpending.commune_code, spent_year)
    ):
        found[own].spending[int(year)] = (int(amount), int(count))
    return dict(found)


def _owner_statements(owner: str, moves: _Movements, until: int) -> dict[int, FundStatement]:
    years = moves.years()
    if not years:
        return {}
    statements: dict[int, FundStatement] = {}
    previous: FundStatement | None = None
    for year in range(min(years), until + 1):
        carried = previous.closing if previous is not None else None
        declared = moves.declared.get(year)
        opening = declared if declared is not None else (carried or 0)
        receipts = moves.receipts.get(year, (0, 0))
        in_kind = moves.in_kind.get(year, (0, 0))
        spending = moves.spending.get(year, (0, 0))
        previous = statements[year] = FundStatement(
            year=year,
            owner=Scope.unit(owner),
            opening=opening,
            carried_forward=carried,
            declared_opening=declared,
            receipts=receipts[0],
            receipts_count=receipts[1],
            in_kind=in_kind[0],
            in_kind_count=in_kind[1],
            spending=spending[0],
            spending_count=spending[1],
        )
    return statements


def _empty(year: int, owner: Scope) -> FundStatement:
    return FundStatement(year, owner, 0, None, None, 0, 0, 0, 0, 0, 0)


def _add(total: FundStatement, part: FundStatement) -> FundStatement:
    def plus(a: int | None, b: int | None) -> int | None:
        return b if a is None else a if b is None else a + b

    return FundStatement(
        year=total.year,
        owner=total.owner,
        opening=total.opening + part.opening,
        carried_forward=plus(total.carried_forward, part.carried_forward),
        declared_opening=plus(total.declared_opening, part.declared_opening),
        receipts=total.receipts + part.receipts,
        receipts_count=total.receipts_count + part.receipts_count,
        in_kind=total.in_kind + part.in_kind,
        in_kind_count=total.in_kind_count + part.in_kind_count,
        spending=total.spending + part.spending,
        spending_count=total.spending_count + part.spending_count,
    )


def fund_statements(
    session: Session, owner: Scope, *, until: int | None = None
) -> list[FundStatement]:
    """The statement of every year from the first with data to ``until`` (default: the last
    year with data), oldest first."""
    movements = _movements(session, owner)
    years = set().union(*(m.years() for m in movements.values())) if movements else set()
    if not years:
        return [] if until is None else [_empty(until, owner)]
    last = until if until is not None else max(years)
    per_owner = {own: _owner_statements(own, m, last) for own, m in movements.items()}
    result = []
    for year in range(min(years), last + 1):
        total = _empty(year, owner)
        for statements in per_owner.values():
            if year in statements:
                total = _add(total, statements[year])
        result.append(total)
    return result


def fund_statement(session: Session, year: int, owner: Scope) -> FundStatement:
    """The statement of ``year`` (all zero before the first year with data)."""
    for statement in fund_statements(session, owner, until=year):
        if statement.year == year:
            return statement
    return _empty(year, owner)


def fund_statements_by_commune(
    session: Session, year: int, codes: Iterable[str]
) -> dict[str, FundStatement]:
    """The statement of ``year`` for each commune of ``codes``, read in one pass (the city's
    per-commune tables): for each code the very figures ``fund_statement(session, year,
    Scope.commune(code))`` gives, all zero for a commune without fund records."""
    movements = _movements(session, ALL_COMMUNES)
    result = {}
    for code in codes:
        moves = movements.get(code)
        statement = _owner_statements(code, moves, year).get(year) if moves else None
        result[code] = statement or _empty(year, Scope.commune(code))
    return result


def contributions_by_month(session: Session, year: int, owner: Scope) -> list[MonthTotal]:
    """Twelve months of ``year``: money and in-kind value received, and how many gifts."""
    month = extract("month", FundContribution.received_on)
    in_kind = FundContribution.form.in_(list(IN_KIND_FORMS))
    sums: dict[int, list[int]] = {m: [0, 0, 0] for m in range(1, 13)}
    for number, kind, amount, count in session.execute(
        select(month, in_kind, func.sum(FundContribution.amount), func.count())
        .where(
            owner_clause(FundContribution.commune_code, owner),
            FundContribution.deleted_at.is_(None),
            FundContribution.received_on >= date(year, 1, 1),
            FundContribution.received_on <= date(year, 12, 31),
        )
        .group_by(month, in_kind)
    ):
        entry = sums[int(number)]
        entry[1 if kind else 0] += int(amount)
        entry[2] += int(count)
    return [MonthTotal(m, *sums[m]) for m in range(1, 13)]


def peak_campaign(session: Session, year: int, owner: Scope) -> CampaignTotal:
    """What the peak month (17/10 – 18/11) of ``year`` brought in."""
    start, end = peak_window(year)
    in_kind = FundContribution.form.in_(list(IN_KIND_FORMS))
    money = gifts = count = 0
    for kind, amount, number in session.execute(
        select(in_kind, func.sum(FundContribution.amount), func.count())
        .where(
            owner_clause(FundContribution.commune_code, owner),
            FundContribution.deleted_at.is_(None),
            FundContribution.received_on >= start,
            FundContribution.received_on <= end,
        )
        .group_by(in_kind)
    ):
        if kind:
            gifts += int(amount)
        else:
            money += int(amount)
        count += int(number)
    return CampaignTotal(year, start, end, money, gifts, count)
