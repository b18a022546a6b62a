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

from db.models import Loan, LoanBalance
from desktop.core.loans.common import Owner, alive, owner_clause


def latest_balance_days(session: Session, owner: Owner, day: date) -> dict[str, date]:
    """Commune → the latest day on or before ``day`` with a recorded balance, for
    ``owner`` (one commune) or every office (``None``); communes without one are absent."""
    rows = session.execute(
        select(LoanBalance.commune_code, func.max(LoanBalance.as_of))
        .where(
            LoanBalance.deleted_at.is_(None),
            LoanBalance.as_of <= day,
            owner_clause(LoanBalance, owner),
        )
        .group_by(LoanBalance.commune_code)
    ).all()
    return {code: as_of for code, as_of in rows if as_of is not None}


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
            .where(alive(Loan, owner), Loan.disbursed_on <= day, ~has_balance)
        )
        or 0
    )
