"""Loan-quality indicators by programme, organisation, group, hamlet or commune.

All figures are taken **as of a day D** for the loans of one commune or of all communes
(``owner``, a :class:`desktop.core.owners.Scope`), from the position of each loan on D (see
:mod:`desktop.core.loans.balances`: its latest snapshot on or before D). Only loans that are
not deleted and were disbursed on or before D count. Money is whole đồng, ratios are exact
:class:`~fractions.Fraction` values (``None`` where there is nothing to divide by).

Definitions, per row (one value of the dimension) and for the total:

- **outstanding** (dư nợ): sum of the loans' outstanding (every debt category except
  written-off).
- **loans with balance**: loans whose outstanding is above zero.
- **borrowers with balance**: distinct borrowers with at least one loan with a balance in
  the row. A borrower with loans in two programmes counts in both programme rows but once
  in the total, so rows need not add up to the total.
- **overdue**: sum of the overdue part (quá hạn) — only the overdue part of a loan counts,
  not the whole loan. **overdue ratio** = overdue / outstanding.
- **overdue + frozen ratio** (tỷ lệ nợ quá hạn và nợ khoanh) = (overdue + frozen) /
  outstanding.
- **average balance per household** = outstanding / borrowers with balance (a borrower is
  one household).
- **loans checked in the year** Y: loans with at least one loan-use check dated from 1
  January of Y up to the earlier of 31 December of Y and D. **used as intended**: those of
  them whose latest such check found the money used as intended (đúng mục đích); the
  **share used as intended** = used as intended / loans checked.
- The row of a loan is decided by the loan's programme, organisation and group, and by its
  borrower's hamlet; loans without one are in a "not recorded" row.

**Arrears ageing** (for the whole selection): each loan with an overdue part is aged from
``overdue_since`` when recorded, else from the day after its maturity when that is before D;
otherwise its age is unknown. Buckets: up to 90 days, 91–180, 181–365, more than 365 days.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from typing import Any, NamedTuple, Protocol

from sqlalchemy import Dialect, Select, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from db.dialects import iso_date, latest_per_key
from db.enums import CheckResult
from db.models import Borrower, Hamlet, Loan, LoanBalance, LoanCheck, SavingsGroup
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.loans.balances import (
    NO_POSITION,
    latest_positions,
    latest_snapshots,
    outstanding_expression,
    with_position,
)
from desktop.core.loans.common import commune_names, group_label, no_gc_pauses, organisations
from desktop.core.owners import Scope, alive, owner_clause
from desktop.core.programmes import programmes
from desktop.core.text import sort_key


class Dimension(StrEnum):
    PROGRAMME = "programme"
    ORGANISATION = "organisation"
    GROUP = "group"
    HAMLET = "hamlet"
    COMMUNE = "commune"


DIMENSION_LABELS: dict[Dimension, Msg] = {
    Dimension.PROGRAMME: QT_TRANSLATE_NOOP("Indicators", "By programme"),
    Dimension.ORGANISATION: QT_TRANSLATE_NOOP("Indicators", "By organisation"),
    Dimension.GROUP: QT_TRANSLATE_NOOP("Indicators", "By savings-and-loan group"),
    Dimension.HAMLET: QT_TRANSLATE_NOOP("Indicators", "By hamlet"),
    Dimension.COMMUNE: QT_TRANSLATE_NOOP("Indicators", "By commune"),
}

M_NOT_RECORDED = QT_TRANSLATE_NOOP("Indicators", "(not recorded)")
M_TOTAL = QT_TRANSLATE_NOOP("Indicators", "Total")


@dataclass(frozen=True, slots=True)
class LoanPosition:
    """One loan and its position on the day asked for."""

    loan_id: str
    commune_code: str
    borrower_id: str
    programme_code: str
    organisation_code: str | None
    group_id: str | None
    hamlet_id: str | None
    amount_disbursed: int | None
    disbursed_on: date
    maturity_on: date | None
    as_of: date | None
    outstanding: int
    current: int
    overdue: int
    frozen: int
    overdue_since: date | None


def loan_positions(session: Session, owner: Scope, day: date) -> list[LoanPosition]:
    """Every loan disbursed on or before ``day`` with its position on ``day``."""
    with no_gc_pauses():
        return _loan_positions(session, owner, day)


def _loan_positions(session: Session, owner: Scope, day: date) -> list[LoanPosition]:
    found = latest_positions(session, owner, day)
    query = (
        select(
            Loan.id,
            Loan.commune_code,
            Loan.borrower_id,
            Loan.programme_code,
            Loan.organisation_code,
            Loan.group_id,
            Borrower.hamlet_id,
            Loan.amount_disbursed,
            Loan.disbursed_on,
            Loan.maturity_on,
        )
        .join(Borrower, Borrower.id == Loan.borrower_id)
        .where(alive(Loan, owner), Loan.disbursed_on <= day)
    )
    return [
        LoanPosition(*with_position(row, found.get(row[0], NO_POSITION)))
        for row in session.connection().execute(query)
    ]


@dataclass(frozen=True)
class IndicatorRow:
    """The figures of one row; ratios are derived from the stored sums (see module docs)."""

    key: str | None
    label: str
    loans_with_balance: int
    borrowers_with_balance: int
    outstanding: int
    overdue: int
    frozen: int
    loans_checked: int
    loans_used_as_intended: int

    @property
    def overdue_ratio(self) -> Fraction | None:
        return _ratio(self.overdue, self.outstanding)

    @property
    def overdue_frozen(self) -> int:
        return self.overdue + self.frozen

    @property
    def overdue_frozen_ratio(self) -> Fraction | None:
        return _ratio(self.overdue + self.frozen, self.outstanding)

    @property
    def average_per_household(self) -> Fraction | None:
        return _ratio(self.outstanding, self.borrowers_with_balance)

    @property
    def share_used_as_intended(self) -> Fraction | None:
        return _ratio(self.loans_used_as_intended, self.loans_checked)


class AgeBucket(StrEnum):
    UP_TO_90 = "up_to_90"
    DAYS_91_180 = "91_180"
    DAYS_181_365 = "181_365"
    OVER_365 = "over_365"
    UNKNOWN = "unknown"


AGE_LABELS: dict[AgeBucket, Msg] = {
    AgeBucket.UP_TO_90: QT_TRANSLATE_NOOP("Indicators", "Up to 90 days"),
    AgeBucket.DAYS_91_180: QT_TRANSLATE_NOOP("Indicators", "91 to 180 days"),
    AgeBucket.DAYS_181_365: QT_TRANSLATE_NOOP("Indicators", "181 to 365 days"),
    AgeBucket.OVER_365: QT_TRANSLATE_NOOP("Indicators", "More than 365 days"),
    AgeBucket.UNKNOWN: QT_TRANSLATE_NOOP("Indicators", "Age not known"),
}


@dataclass(frozen=True)
class AgeingRow:
    bucket: AgeBucket
    label: str
    loans: int
    overdue: int
    #: This bucket's part of all overdue debt.
    share: Fraction | None


@dataclass(frozen=True)
class IndicatorTable:
    dimension: Dimension
    as_of: date
    year: int
    owner: Scope
    rows: tuple[IndicatorRow, ...]
    total: IndicatorRow
    ageing: tuple[AgeingRow, ...]


def _ratio(numerator: int, denominator: int) -> Fraction | None:
    return Fraction(numerator, denominator) if denominator else None


class Arrears(Protocol):
    """What ageing reads of a loan: a :class:`LoanPosition`, or the lean :class:`Overdue`."""

    @property
    def overdue(self) -> int: ...
    @property
    def overdue_since(self) -> date | None: ...
    @property
    def maturity_on(self) -> date | None: ...


class Overdue(NamedTuple):
    overdue: int
    overdue_since: date | None
    maturity_on: date | None


def overdue_age(position: Arrears, day: date) -> int | None:
    """Days the overdue part has been overdue on ``day`` (``None`` when not known)."""
    if position.overdue_since is not None:
        return (day - position.overdue_since).days
    if position.maturity_on is not None and position.maturity_on < day:
        return (day - (position.maturity_on + timedelta(days=1))).days
    return None


def age_bucket(days: int | None) -> AgeBucket:
    if days is None:
        return AgeBucket.UNKNOWN
    if days <= 90:
        return AgeBucket.UP_TO_90
    if days <= 180:
        return AgeBucket.DAYS_91_180
    if days <= 365:
        return AgeBucket.DAYS_181_365
    return AgeBucket.OVER_365


def arrears_ageing(items: Iterable[Arrears], day: date) -> tuple[AgeingRow, ...]:
    loans: dict[AgeBucket, int] = defaultdict(int)
    amounts: dict[AgeBucket, int] = defaultdict(int)
    for position in items:
        if position.overdue > 0:
            bucket = age_bucket(overdue_age(position, day))
            loans[bucket] += 1
            amounts[bucket] += position.overdue
    total = sum(amounts.values())
    return tuple(
        AgeingRow(b, tr(AGE_LABELS[b]), loans[b], amounts[b], _ratio(amounts[b], total))
        for b in AgeBucket
    )


def checked_loans(session: Session, owner: Scope, year: int, day: date) -> dict[str, bool]:
    """Loan id → whether its latest check in ``year`` (up to ``day``) found the money used
    as intended, for every loan checked in that window (deleted loans included: callers
    count only the loans they list)."""
    connection = session.connection()
    rows = connection.execute(checked_query(connection.dialect, owner, year, day)).all()
    return {loan_id: bool(intended) for loan_id, intended, _ in rows}


def checked_query(
    dialect: Dialect | str, owner: Scope, year: int, day: date
) -> Select[*tuple[Any, ...]]:
    """``(loan_id, used as intended, …)`` of each loan's latest check in ``year`` up to
    ``day``, picked the way :func:`latest_snapshots` picks snapshots (in SQLite over the
    covering ``ix_loan_checks_in_period``)."""
    end = min(date(year, 12, 31), day)
    return latest_per_key(
        dialect,
        LoanCheck.loan_id,
        LoanCheck.checked_on,
        LoanCheck.change_seq,
        (LoanCheck.result == CheckResult.DUNG_MUC_DICH.value,),
        (
            alive(LoanCheck, owner),
            LoanCheck.checked_on >= date(year, 1, 1),
            LoanCheck.checked_on <= end,
        ),
    )


class _Sums:
    __slots__ = ("borrowers", "checked", "frozen", "intended", "loans", "outstanding", "overdue")

    def __init__(self) -> None:
        self.loans = 0
        self.borrowers: set[str] = set()
        self.outstanding = 0
        self.overdue = 0
        self.frozen = 0
        self.checked = 0
        self.intended = 0

    def merge(self, other: _Sums) -> None:
        self.loans += other.loans
        self.borrowers |= other.borrowers
        self.outstanding += other.outstanding
        self.overdue += other.overdue
        self.frozen += other.frozen
        self.checked += other.checked
        self.intended += other.intended

    def row(self, key: str | None, label: str) -> IndicatorRow:
        return IndicatorRow(
            key,
            label,
            self.loans,
            len(self.borrowers),
            self.outstanding,
            self.overdue,
            self.frozen,
            self.checked,
            self.intended,
        )


#: The column that decides a loan's row, for each dimension.
_KEY_COLUMNS: dict[Dimension, InstrumentedAttribute[str] | InstrumentedAttribute[str | None]] = {
    Dimension.PROGRAMME: Loan.programme_code,
    Dimension.ORGANISATION: Loan.organisation_code,
    Dimension.GROUP: Loan.group_id,
    Dimension.HAMLET: Borrower.hamlet_id,
    Dimension.COMMUNE: Loan.commune_code,
}


def _labels(session: Session, dimension: Dimension, owner: Scope) -> dict[str, tuple[str, str]]:
    """Key → (label, sort key) for the rows of ``dimension``."""
    if dimension is Dimension.PROGRAMME:
        return {p.code: (p.short_name, f"{i:04d}") for i, p in enumerate(programmes(session))}
    if dimension is Dimension.ORGANISATION:
        return {o.code: (o.short_name, f"{i:04d}") for i, o in enumerate(organisations(session))}
    communes = commune_names(session)
    if dimension is Dimension.COMMUNE:
        return {code: (name, sort_key(name)) for code, name in communes.items()}
    if dimension is Dimension.GROUP:
        rows = session.execute(
            select(
                SavingsGroup.id, SavingsGroup.code, SavingsGroup.name, SavingsGroup.commune_code
            ).where(owner_clause(SavingsGroup.commune_code, owner))
        )
        labelled = [(i, group_label(code, name), commune) for i, code, name, commune in rows]
    else:
        rows = session.execute(
            select(Hamlet.id, Hamlet.name, Hamlet.name, Hamlet.commune_code).where(
                owner_clause(Hamlet.commune_code, owner)
            )
        )
        labelled = [(i, name, commune) for i, name, _n, commune in rows]
    result = {}
    for key, text, commune in labelled:
        if owner.code is None:
            text = f"{text} — {communes.get(commune, commune)}"
        result[key] = (text, sort_key(text))
    return result


def indicator_table(
    session: Session,
    dimension: Dimension,
    *,
    owner: Scope,
    as_of: date,
    year: int | None = None,
) -> IndicatorTable:
    """The indicators of every value of ``dimension`` with loans, and their total.

    Built for the city, where one pass covers some 600 000 loans: each loan is read as
    four plain values (id, borrower, the dimension's key, maturity) and added up at once;
    positions and checks come as dictionaries picked in SQLite; the borrowers' table is
    joined only for the hamlet dimension (see ``docs/performance.md``).
    """
    return indicator_tables(session, (dimension,), owner=owner, as_of=as_of, year=year)[dimension]


def indicator_tables(
    session: Session,
    dimensions: Sequence[Dimension],
    *,
    owner: Scope,
    as_of: date,
    year: int | None = None,
) -> dict[Dimension, IndicatorTable]:
    """:func:`indicator_table` of several dimensions from one pass over the loans (the
    positions, the checks and the loans are read once, each loan added to every
    dimension's row): what the city's yearly report asks by programme, organisation and
    commune costs little more than one of them."""
    year = as_of.year if year is None else year
    with no_gc_pauses():
        sums, overdue = _add_up(session, tuple(dimensions), owner, as_of, year)
    ageing = arrears_ageing(overdue, as_of)
    return {
        dimension: _table(session, dimension, owner, as_of, year, sums[dimension], ageing)
        for dimension in dimensions
    }


def _table(
    session: Session,
    dimension: Dimension,
    owner: Scope,
    as_of: date,
    year: int,
    sums: dict[str | None, _Sums],
    ageing: tuple[AgeingRow, ...],
) -> IndicatorTable:
    total = _Sums()
    for part in sums.values():
        total.merge(part)
    labels = _labels(session, dimension, owner)
    not_recorded = tr(M_NOT_RECORDED)
    rows = [
        s.row(key, labels.get(key, (key, key))[0] if key is not None else not_recorded)
        for key, s in sums.items()
        if s.loans or s.checked
    ]

    def order(row: IndicatorRow) -> tuple[bool, str]:
        if row.key is None:
            return (True, "")
        return (False, labels.get(row.key, (row.label, sort_key(row.label)))[1])

    rows.sort(key=order)
    return IndicatorTable(
        dimension, as_of, year, owner, tuple(rows), total.row(None, tr(M_TOTAL)), ageing
    )


#: A loan with no snapshot on or before the day: nothing outstanding.
NOTHING_OUTSTANDING: tuple[int, int, int, str | None] = (0, 0, 0, None)


def _iso_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _add_up(
    session: Session, dimensions: tuple[Dimension, ...], owner: Scope, day: date, year: int
) -> tuple[dict[Dimension, dict[str | None, _Sums]], list[Overdue]]:
    """The sums of every row of each dimension, and the loans with an overdue part."""
    # Outstanding, overdue, frozen and (as ISO text: few loans need it) overdue since.
    positions: dict[str, tuple[int, int, int, str | None]] = {
        row[0]: row[1:5]
        for row in session.connection()
        .execute(
            latest_snapshots(
                session.connection().dialect,
                owner,
                day,
                outstanding_expression(),
                LoanBalance.overdue_amount,
                LoanBalance.frozen_amount,
                iso_date(LoanBalance.overdue_since),
            )
        )
        .all()
    }
    checks = checked_loans(session, owner, year, day)
    # The maturity stays ISO text: only the few overdue loans need it as a date.
    maturity = iso_date(Loan.maturity_on)
    keys = [_KEY_COLUMNS[dimension] for dimension in dimensions]
    query = select(Loan.id, Loan.borrower_id, maturity, *keys).where(
        alive(Loan, owner), Loan.disbursed_on <= day
    )
    if Dimension.HAMLET in dimensions:
        query = query.join(Borrower, Borrower.id == Loan.borrower_id)
    found: list[dict[str | None, _Sums]] = [defaultdict(_Sums) for _ in dimensions]
    overdue: list[Overdue] = []
    for loan_id, borrower_id, maturity_on, *loan_keys in session.connection().execute(query).all():
        outstanding, late, frozen, since = positions.get(loan_id, NOTHING_OUTSTANDING)
        check = checks.get(loan_id)
        if outstanding > 0 and late > 0:
            overdue.append(Overdue(late, _iso_date(since), _iso_date(maturity_on)))
        for sums, key in zip(found, loan_keys, strict=True):
            row = sums[key]
            if outstanding > 0:
                row.loans += 1
                row.borrowers.add(borrower_id)
                row.outstanding += outstanding
                row.overdue += late
                row.frozen += frozen
            if check is not None:
                row.checked += 1
                row.intended += check
    return dict(zip(dimensions, found, strict=True)), overdue
