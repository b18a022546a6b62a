"""The loans on Tổng quan: outstanding balance (dư nợ), overdue and overdue + frozen debt
with their ratios, borrowers and loans with a balance, and the loans nobody has checked in
the last twelve months — as of one day, with the dates of the balance data they rest on.

The definitions are the loan services' own, reused rather than restated: a loan's position
on day D is its latest snapshot on or before D (``balances.latest_snapshots``), outstanding
is ``balances.outstanding_expression``, only loans that are not deleted and were disbursed on
or before D count (as in :mod:`desktop.core.loans.indicators`), and "not checked in the last
twelve months" is the rule of ``checks.loans_not_checked``. The tests hold the figures equal
to the indicators' total and to that list's length. ``owner`` means what it means on the
rest of Tổng quan (:mod:`desktop.core.owners`: all communes leave the city office's own
records out).

It is read in one pass over the loans rather than by calling those services one after the
other: at the city each of them walks some 600 000 loans (``docs/performance.md``), and
Tổng quan needs only their totals.

**No data is not zero**: when no loan of ``owner`` has a balance on or before D (no bank
list imported, no loan recorded), :attr:`LoanSummary.has_data` is false and Tổng quan says
so instead of showing 0 đ.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.dialects import iso_date
from db.models import Loan, LoanBalance, LoanCheck
from desktop.core.loans.balances import latest_snapshots, outstanding_expression
from desktop.core.loans.checks import twelve_months_before
from desktop.core.loans.common import no_gc_pauses
from desktop.core.owners import Scope, owner_clause


@dataclass(frozen=True)
class LoanSummary:
    owner: Scope
    #: The day the figures are taken on.
    day: date
    #: For each commune with a loan position on or before :attr:`day`: the date of the
    #: latest balance its figures rest on, in code order.
    data_dates: tuple[tuple[str, date], ...]
    loans_with_balance: int
    borrowers_with_balance: int
    outstanding: int
    overdue: int
    frozen: int
    #: Loans with a balance on :attr:`day` and no check in the twelve months before it.
    not_checked: int

    @property
    def has_data(self) -> bool:
        return bool(self.data_dates)

    @property
    def communes(self) -> int:
        """How many communes the figures cover (those with balance data)."""
        return len(self.data_dates)

    @property
    def latest_data(self) -> date | None:
        return max((d for _c, d in self.data_dates), default=None)

    @property
    def earliest_data(self) -> date | None:
        """The oldest of the communes' latest balance dates (the city's stalest part)."""
        return min((d for _c, d in self.data_dates), default=None)

    @property
    def overdue_frozen(self) -> int:
        return self.overdue + self.frozen

    @property
    def overdue_ratio(self) -> Fraction | None:
        return Fraction(self.overdue, self.outstanding) if self.outstanding else None

    @property
    def overdue_frozen_ratio(self) -> Fraction | None:
        return Fraction(self.overdue_frozen, self.outstanding) if self.outstanding else None


def figures_day(year: int, today: date) -> date:
    """The day a year's figures are taken on: today for this year (and a later one), the
    year's last day for a year that has ended."""
    return date(year, 12, 31) if year < today.year else today


def loan_summary(session: Session, owner: Scope, day: date) -> LoanSummary:
    with no_gc_pauses():
        return _loan_summary(session, owner, day)


def _loan_summary(session: Session, owner: Scope, day: date) -> LoanSummary:
    connection = session.connection()
    # Dates stay ISO text (which sorts as dates): only the few latest ones become dates.
    positions: dict[str, tuple[str, int, int, int]] = {
        row[0]: row[1:5]
        for row in connection.execute(
            latest_snapshots(
                connection.dialect,
                owner,
                day,
                iso_date(LoanBalance.as_of),
                outstanding_expression(),
                LoanBalance.overdue_amount,
                LoanBalance.frozen_amount,
            )
        ).all()
    }
    checked = set(
        connection.execute(
            select(LoanCheck.loan_id)
            .where(
                LoanCheck.deleted_at.is_(None),
                owner_clause(LoanCheck.commune_code, owner),
                LoanCheck.checked_on >= twelve_months_before(day),
                LoanCheck.checked_on <= day,
            )
            .distinct()
        ).scalars()
    )
    loans = connection.execute(
        select(Loan.id, Loan.borrower_id, Loan.commune_code).where(
            Loan.deleted_at.is_(None),
            owner_clause(Loan.commune_code, owner),
            Loan.disbursed_on <= day,
        )
    ).all()
    latest: dict[str, str] = {}
    borrowers: set[str] = set()
    count = outstanding = overdue = frozen = not_checked = 0
    for loan_id, borrower_id, commune in loans:
        position = positions.get(loan_id)
        if position is None:
            continue
        as_of, balance, late, kept = position
        if as_of > latest.get(commune, ""):
            latest[commune] = as_of
        if balance > 0:
            count += 1
            borrowers.add(borrower_id)
            outstanding += balance
            overdue += late
            frozen += kept
            if loan_id not in checked:
                not_checked += 1
    return LoanSummary(
        owner=owner,
        day=day,
        data_dates=tuple((c, date.fromisoformat(d)) for c, d in sorted(latest.items())),
        loans_with_balance=count,
        borrowers_with_balance=len(borrowers),
        outstanding=outstanding,
        overdue=overdue,
        frozen=frozen,
        not_checked=not_checked,
    )
