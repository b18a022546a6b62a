"""Which balances a report can stand on: the latest day a balance was recorded on or before
a cut-off, and the loans that have no balance by then.

A loan's position on day D is its latest balance on or before D (see
:mod:`desktop.core.loans.balances`); a loan with none has no known balance on D. When no
balance at all was recorded by D there is nothing to report — which is not the same as
"nothing outstanding" — and reports say so.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from db.models import Commune, Loan, LoanBalance
from desktop.core.owners import Scope, alive


def latest_balance_day(session: Session, owner: str, day: date) -> date | None:
    """The latest day on or before ``day`` with a balance of ``owner``'s loans recorded
    (``None``: none by then)."""
    return session.scalar(
        select(func.max(LoanBalance.as_of)).where(
            LoanBalance.deleted_at.is_(None),
            LoanBalance.as_of <= day,
            LoanBalance.commune_code == owner,
        )
    )


def communes_with_balances(session: Session, day: date) -> set[str]:
    """The offices with at least one balance recorded on or before ``day``: one indexed look-up
    per commune, which stops at the first balance found (a scan of the city's 1.2 million
    balances for their latest days takes seconds)."""
    held = exists().where(
        LoanBalance.commune_code == Commune.code,
        LoanBalance.as_of <= day,
        LoanBalance.deleted_at.is_(None),
    )
    return set(session.scalars(select(Commune.code).where(held)))


def loans_without_balance(session: Session, owner: str, day: date) -> int:
    """Loans of ``owner`` disbursed on or before ``day`` with no balance recorded on or before
    it: their position on ``day`` is unknown, so they are not in its outstanding balance."""
    has_balance = exists().where(
        LoanBalance.loan_id == Loan.id,
        LoanBalance.deleted_at.is_(None),
        LoanBalance.as_of <= day,
    )
    return int(
        session.scalar(
            select(func.count())
            .select_from(Loan)
            .where(alive(Loan, Scope.unit(owner)), Loan.disbursed_on <= day, ~has_balance)
        )
        or 0
    )
