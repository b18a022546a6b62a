"""Loans disbursed and repaid in a period, from the loans and their dated balances.

For the period from ``start`` to ``end`` (the report's cut-off), for the loans of one commune
(``owner``) or of every commune (``None``), not deleted:

- **Disbursed** (doanh số cho vay): the loans whose disbursement date falls in the period —
  how many, for how many households (distinct borrowers), and the sum of their disbursed
  amounts. A loan whose amount nobody recorded (imported from the bank's list of balances)
  is counted apart (``disbursed_unknown``), never as 0.
- **Repaid** (doanh số thu nợ): for each loan, the fall of its outstanding balance from the
  start of the period to its end, written-off debt excepted (a write-off lowers the
  outstanding but is not a repayment):
  ``max(0, (outstanding at start − outstanding at end) − (written off at end − written off at
  start))``. The balance at the start is the loan's position the day before the period
  begins; for a loan disbursed in the period it is the amount disbursed (or, when that is not
  known, its first balance recorded in the period). The balance at the end is its position on
  ``end``. Positions are those of :mod:`desktop.core.loans.balances` (the latest balance on
  or before the day).
- A loan whose balance at the start or at the end is not known (no balance recorded by then)
  cannot say what it repaid: it is counted in ``repaid_unknown`` and left out of the sum.
- **Paid off** in the period: loans with an outstanding balance at the start that have none
  at the end.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Loan, LoanBalance
from desktop.core.loans.balances import latest_snapshots, outstanding_expression
from desktop.core.loans.common import no_gc_pauses
from desktop.core.owners import Scope, alive
from desktop.core.programmes import programmes

#: Ids per ``IN (...)`` query (well under SQLite's variable limit).
_CHUNK = 500


@dataclass
class FlowSums:
    """What one programme (or the total) disbursed and repaid in the period."""

    disbursed_loans: int = 0
    disbursed_amount: int = 0
    disbursed_unknown: int = 0
    repaid: int = 0
    repaid_loans: int = 0
    repaid_unknown: int = 0
    paid_off: int = 0
    borrowers: set[str] = field(default_factory=set)

    @property
    def households(self) -> int:
        """Distinct borrowers of the loans disbursed in the period."""
        return len(self.borrowers)

    def merge(self, other: FlowSums) -> None:
        self.disbursed_loans += other.disbursed_loans
        self.disbursed_amount += other.disbursed_amount
        self.disbursed_unknown += other.disbursed_unknown
        self.repaid += other.repaid
        self.repaid_loans += other.repaid_loans
        self.repaid_unknown += other.repaid_unknown
        self.paid_off += other.paid_off
        self.borrowers |= other.borrowers


@dataclass(frozen=True)
class FlowRow:
    key: str
    label: str
    sums: FlowSums


@dataclass(frozen=True)
class LoanFlows:
    start: date
    end: date
    #: One row per programme of the catalogue, in its order (programmes with nothing too).
    rows: tuple[FlowRow, ...]
    total: FlowSums


def _positions(session: Session, owner: Scope, day: date) -> dict[str, tuple[int, int]]:
    """Loan id → (outstanding, written off) of its position on ``day``."""
    connection = session.connection()
    query = latest_snapshots(
        connection.dialect, owner, day, outstanding_expression(), LoanBalance.written_off_amount
    )
    return {row[0]: (int(row[1]), int(row[2])) for row in connection.execute(query).all()}


def _first_in_period(
    session: Session, loan_ids: Iterable[str], start: date, end: date
) -> dict[str, tuple[int, int]]:
    """Loan id → (outstanding, written off) of its first balance dated in the period."""
    ids = list(loan_ids)
    found: dict[str, tuple[date, int, int, int]] = {}
    for begin in range(0, len(ids), _CHUNK):
        chunk = ids[begin : begin + _CHUNK]
        rows = session.execute(
            select(
                LoanBalance.loan_id,
                LoanBalance.as_of,
                LoanBalance.change_seq,
                outstanding_expression(),
                LoanBalance.written_off_amount,
            ).where(
                LoanBalance.loan_id.in_(chunk),
                LoanBalance.deleted_at.is_(None),
                LoanBalance.as_of >= start,
                LoanBalance.as_of <= end,
            )
        )
        for loan_id, as_of, seq, outstanding, written_off in rows:
            known = found.get(loan_id)
            # The earliest day; on that day the latest change (the day's position).
            if known is None or (as_of, -seq) < (known[0], -known[1]):
                found[loan_id] = (as_of, seq, int(outstanding), int(written_off))
    return {loan_id: (v[2], v[3]) for loan_id, v in found.items()}


def loan_flows(session: Session, owner: Scope, start: date, end: date) -> LoanFlows:
    """Disbursed and repaid from ``start`` to ``end`` by programme (see module docs)."""
    with no_gc_pauses():
        at_end = _positions(session, owner, end)
        at_start = _positions(session, owner, start - timedelta(days=1))
        loans = session.execute(
            select(
                Loan.id,
                Loan.borrower_id,
                Loan.programme_code,
                Loan.amount_disbursed,
                Loan.disbursed_on,
            ).where(alive(Loan, owner), Loan.disbursed_on <= end)
        ).all()
        unknown_new = [
            loan_id
            for loan_id, _b, _p, amount, disbursed in loans
            if amount is None and disbursed >= start
        ]
        first = _first_in_period(session, unknown_new, start, end)
        sums: dict[str, FlowSums] = defaultdict(FlowSums)
        for loan_id, borrower_id, programme, amount, disbursed in loans:
            row = sums[programme]
            opening: tuple[int, int] | None
            if disbursed >= start:
                row.disbursed_loans += 1
                row.borrowers.add(borrower_id)
                if amount is None:
                    row.disbursed_unknown += 1
                    opening = first.get(loan_id)
                else:
                    row.disbursed_amount += amount
                    opening = (amount, 0)
            else:
                opening = at_start.get(loan_id)
            closing = at_end.get(loan_id)
            if opening is None or closing is None:
                row.repaid_unknown += 1
                continue
            repaid = max(0, (opening[0] - closing[0]) - (closing[1] - opening[1]))
            if repaid:
                row.repaid += repaid
                row.repaid_loans += 1
            if opening[0] > 0 and closing[0] == 0:
                row.paid_off += 1
    catalogue = programmes(session)
    rows = [FlowRow(p.code, p.short_name, sums.get(p.code, FlowSums())) for p in catalogue]
    known = {p.code for p in catalogue}
    rows += [FlowRow(code, code, s) for code, s in sums.items() if code not in known]
    total = FlowSums()
    for flow in rows:
        total.merge(flow.sums)
    return LoanFlows(start, end, tuple(rows), total)
