"""The named list of overdue loans (danh sách nợ quá hạn) that the entrusted organisations and
the groups work from to recover the debt.

A loan is on the list for day D when its position on D (its latest balance on or before D)
has an overdue part. For each: the borrower, hamlet, group and its leader, the programme,
the outstanding balance and the overdue part on D, and **since when** it is overdue:

- the first date of the current run of overdue balances: walking the loan's balances back
  from D (one per day, the day's latest change), the date of the earliest balance in the
  unbroken run of balances with an overdue part;
- or, when the bank recorded an earlier date on one of those balances (``overdue_since``),
  that date: the run only shows when the overdue debt was first *recorded*.

``days`` counts from that date to D. The list is ordered by hamlet, group and borrower, so
that each group's page reads as the group leader's list.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Borrower, Loan, LoanBalance, SavingsGroup
from desktop.core.loans.balances import latest_positions
from desktop.core.loans.common import group_label, hamlet_names, organisation_names
from desktop.core.owners import Scope, owner_clause
from desktop.core.programmes import programme_names
from desktop.core.text import sort_key

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class OverdueLoan:
    loan_id: str
    commune_code: str
    borrower_name: str
    hamlet_id: str | None
    hamlet_name: str
    group_id: str | None
    group_name: str
    group_leader: str
    organisation_name: str
    programme_name: str
    contract_no: str
    disbursed_on: date
    maturity_on: date | None
    outstanding: int
    overdue: int
    #: See the module docs.
    overdue_since: date
    days: int


def overdue_runs(session: Session, loan_ids: list[str], day: date) -> dict[str, date]:
    """Loan id → since when it is overdue on ``day`` (see module docs), for loans whose
    position on ``day`` is overdue."""
    history: dict[str, list[tuple[date, int, int, date | None]]] = defaultdict(list)
    for begin in range(0, len(loan_ids), _CHUNK):
        chunk = loan_ids[begin : begin + _CHUNK]
        rows = session.execute(
            select(
                LoanBalance.loan_id,
                LoanBalance.as_of,
                LoanBalance.change_seq,
                LoanBalance.overdue_amount,
                LoanBalance.overdue_since,
            ).where(
                LoanBalance.loan_id.in_(chunk),
                LoanBalance.deleted_at.is_(None),
                LoanBalance.as_of <= day,
            )
        )
        for loan_id, as_of, seq, overdue, since in rows:
            history[loan_id].append((as_of, seq, overdue, since))
    found: dict[str, date] = {}
    for loan_id, snapshots in history.items():
        snapshots.sort(key=lambda s: (s[0], s[1]), reverse=True)
        start: date | None = None
        recorded: date | None = None
        seen: date | None = None
        for as_of, _seq, overdue, since in snapshots:
            if as_of == seen:
                continue  # an earlier change of a day already read
            seen = as_of
            if overdue <= 0:
                break
            start = as_of
            if since is not None and (recorded is None or since < recorded):
                recorded = since
        if start is not None:
            found[loan_id] = min(start, recorded) if recorded is not None else start
    return found


def overdue_loans(session: Session, owner: Scope, day: date) -> list[OverdueLoan]:
    """The loans of ``owner`` (every commune for ``None``) overdue on ``day``, by hamlet,
    group and borrower."""
    positions = latest_positions(session, owner, day)
    late = {loan_id: p for loan_id, p in positions.items() if p[3] > 0}
    if not late:
        return []
    since = overdue_runs(session, list(late), day)
    hamlets = hamlet_names(session, owner)
    orgs = organisation_names(session)
    names = programme_names(session)
    groups = {
        group_id: (group_label(code, name), leader)
        for group_id, code, name, leader in session.execute(
            select(
                SavingsGroup.id, SavingsGroup.code, SavingsGroup.name, SavingsGroup.leader_name
            ).where(owner_clause(SavingsGroup.commune_code, owner))
        )
    }
    rows = session.execute(
        select(
            Loan.id,
            Loan.commune_code,
            Borrower.full_name,
            Borrower.hamlet_id,
            Loan.group_id,
            Loan.organisation_code,
            Loan.programme_code,
            Loan.contract_no,
            Loan.disbursed_on,
            Loan.maturity_on,
        )
        .join(Borrower, Borrower.id == Loan.borrower_id)
        .where(
            owner_clause(Loan.commune_code, owner),
            Loan.deleted_at.is_(None),
            Loan.disbursed_on <= day,
        )
    )
    result = []
    for r in rows:
        position = late.get(r.id)
        if position is None:
            continue
        started = since.get(r.id) or position[0] or day
        group_name, leader = groups.get(r.group_id, ("", "")) if r.group_id else ("", "")
        result.append(
            OverdueLoan(
                r.id,
                r.commune_code,
                r.full_name,
                r.hamlet_id,
                hamlets.get(r.hamlet_id, "") if r.hamlet_id else "",
                r.group_id,
                group_name,
                leader,
                orgs.get(r.organisation_code, "") if r.organisation_code else "",
                names.get(r.programme_code, r.programme_code),
                r.contract_no,
                r.disbursed_on,
                r.maturity_on,
                position[1],
                position[3],
                started,
                (day - started).days,
            )
        )
    result.sort(
        key=lambda o: (
            sort_key(o.commune_code),
            not o.hamlet_name,
            sort_key(o.hamlet_name),
            not o.group_name,
            sort_key(o.group_name),
            sort_key(o.borrower_name),
            o.contract_no,
        )
    )
    return result
