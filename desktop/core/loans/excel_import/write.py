"""Writing what the rows decided: one writer per table, parents first (groups, borrowers,
loans, balances), each with one bulk insert and one bulk update through the record store
(versions, change numbers, audit entries, all with Core ``executemany``, never an ORM object
per row). What is written is only what differs from what is recorded, so importing the same
list again writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import HouseholdCategory
from db.models import Borrower, Loan, LoanBalance, SavingsGroup
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.loans.balances import ALL_PARTS
from desktop.core.loans.excel_import.known import Known, LoanState
from desktop.core.loans.excel_import.results import AbsentLoan
from desktop.core.loans.excel_import.rules import Decision
from desktop.core.owners import Scope, alive
from desktop.core.records import RecordStore

M_SETTLED_NOTE = QT_TRANSLATE_NOOP(
    "ExcelImport", "Paid off: not on the bank's list of loans still owing of {day} ({file})."
)

#: What changed of a recorded loan's row, as :data:`importer.CHANGE_WORDS` names it.
BORROWER, LOAN, BALANCE = "borrower", "loan", "balance"

#: (loan id, date) → (Excel row, whether the loan was recorded before, the snapshot).
Wanted = dict[tuple[str, date], tuple[int, bool, Mapping[str, Any]]]


@dataclass
class Written:
    """What the writers wrote, and what changed for each row naming a recorded loan."""

    groups_created: int = 0
    borrowers_created: int = 0
    borrowers_updated: int = 0
    balances_written: int = 0
    changes: dict[int, list[str]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {
            "groups_created": self.groups_created,
            "borrowers_created": self.borrowers_created,
            "borrowers_updated": self.borrowers_updated,
            "balances_written": self.balances_written,
        }


@dataclass
class _Ids:
    """The ids the list's keys stand for: new groups', and every borrower's."""

    groups: dict[str, str]
    borrowers: dict[str, str]

    def group(self, value: str | None) -> str | None:
        return self.groups.get(value, value) if value else value


def _diff(recorded: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if recorded.get(key) != value}


def write_groups(store: RecordStore, new_groups: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """The groups the list introduces; their ids by their keys."""
    created = store.create_many(SavingsGroup, list(new_groups.values()))
    return dict(zip(new_groups, created, strict=True))


def _create_borrowers(
    store: RecordStore, known: Known, changes: Mapping[str, Mapping[str, Any]], ids: _Ids
) -> int:
    keys = [key for key in changes if known.borrowers[key].id is None]
    rows = [
        {
            "household_category": HouseholdCategory.KHAC,
            "phone": "",
            **changes[key],
            "group_id": ids.group(changes[key].get("group_id")),
        }
        for key in keys
    ]
    ids.borrowers.update(zip(keys, store.create_many(Borrower, rows), strict=True))
    return len(keys)


def _update_borrowers(
    store: RecordStore, known: Known, changes: Mapping[str, Mapping[str, Any]], ids: _Ids
) -> set[str]:
    """Recorded borrowers updated with what the list says of them; the keys of those
    that changed."""
    updates: list[tuple[str, Mapping[str, Any]]] = []
    changed: set[str] = set()
    for key, stated in changes.items():
        recorded = known.borrowers[key]
        if recorded.id is None:
            continue
        values = {k: ids.group(v) if k == "group_id" else v for k, v in stated.items()}
        diff = _diff(recorded.values, values)
        if diff:
            changed.add(key)
            updates.append((recorded.id, diff))
    store.update_many(Borrower, updates)
    return changed


def _loan_row(loan: LoanState, ids: _Ids) -> dict[str, Any]:
    values = dict(loan.values)
    if "group_id" in values:  # a list without groups leaves the loan's group alone
        values["group_id"] = ids.group(values["group_id"])
    values["borrower_id"] = ids.borrowers[loan.borrower_key]
    return values


def write_loans(
    store: RecordStore,
    known: Known,
    decisions: Sequence[Decision],
    ids: _Ids,
    written: Written,
    changed_borrowers: set[str],
) -> dict[int, str]:
    """New loans created, recorded ones updated; every row's loan id by its row."""
    new: list[tuple[int, dict[str, Any]]] = []
    updates: list[tuple[str, Mapping[str, Any]]] = []
    loan_ids: dict[int, str] = {}
    for decision in decisions:
        row, loan = decision.row.row, decision.loan
        values = _loan_row(loan, ids)
        changed = written.changes.setdefault(row, [])
        if loan.borrower_key in changed_borrowers:
            changed.append(BORROWER)
        if loan.id is None:
            new.append((row, values))
            continue
        diff = _diff(known.loans[decision.loan_key].values, values)
        if diff:
            updates.append((loan.id, diff))
            changed.append(LOAN)
        loan_ids[row] = loan.id
    created = store.create_many(Loan, [values for _row, values in new])
    loan_ids.update(zip([row for row, _values in new], created, strict=True))
    store.update_many(Loan, updates)
    return loan_ids


def _first_balance(decision: Decision) -> Mapping[str, Any] | None:
    """A new loan from a list without balances: the disbursement, when its amount is known,
    is its first balance (as a loan entered by hand gets)."""
    p = decision.row
    if decision.loan.id is None and p.disbursed_on is not None and p.amount is not None:
        return {"as_of": p.disbursed_on, "current_amount": p.amount}
    return None


def _wanted_balances(decisions: Sequence[Decision], loan_ids: Mapping[int, str]) -> Wanted:
    """One snapshot per loan and date; the same date again updates it."""
    wanted: Wanted = {}
    for decision in decisions:
        balance = decision.balance if decision.balance is not None else _first_balance(decision)
        if balance is not None:
            row = decision.row.row
            wanted[(loan_ids[row], balance["as_of"])] = (row, decision.loan.id is not None, balance)
    return wanted


def _recorded_balances(
    session: Session, owner: str, dates: set[date]
) -> dict[tuple[str, date], tuple[str, dict[str, Any]]]:
    """The snapshots recorded on those dates: (loan id, date) → (id, amounts)."""
    if not dates:
        return {}
    found: dict[tuple[str, date], tuple[str, dict[str, Any]]] = {}
    for row in session.execute(
        select(
            LoanBalance.id,
            LoanBalance.loan_id,
            LoanBalance.as_of,
            *[getattr(LoanBalance, part) for part in ALL_PARTS],
            LoanBalance.overdue_since,
        ).where(alive(LoanBalance, Scope.unit(owner)), LoanBalance.as_of.in_(dates))
    ):
        amounts: dict[str, Any] = dict(zip(ALL_PARTS, row[3:-1], strict=True))
        amounts["overdue_since"] = row[-1]
        found[(row[1], row[2])] = (row[0], amounts)
    return found


def write_balances(
    session: Session,
    store: RecordStore,
    decisions: Sequence[Decision],
    loan_ids: Mapping[int, str],
    written: Written,
) -> None:
    wanted = _wanted_balances(decisions, loan_ids)
    recorded = _recorded_balances(session, store.owner_code, {day for _loan, day in wanted})
    new: list[dict[str, Any]] = []
    updates: list[tuple[str, Mapping[str, Any]]] = []
    for (loan_id, day), (row, known_loan, values) in wanted.items():
        snapshot = recorded.get((loan_id, day))
        if snapshot is None:
            new.append({"loan_id": loan_id, **values})
            if known_loan:
                written.changes[row].append(BALANCE)
            continue
        full = {part: values.get(part, 0) for part in ALL_PARTS}
        diff = _diff(snapshot[1], full | {"overdue_since": values.get("overdue_since")})
        if diff:
            updates.append((snapshot[0], diff))
            written.changes[row].append(BALANCE)
    store.create_many(LoanBalance, new)
    store.update_many(LoanBalance, updates)
    written.balances_written += len(new) + len(updates)


def write_decisions(
    session: Session,
    store: RecordStore,
    known: Known,
    decisions: Sequence[Decision],
    new_groups: Mapping[str, Mapping[str, Any]],
    borrower_changes: Mapping[str, Mapping[str, Any]],
) -> Written:
    """Everything the accepted rows decided, table by table."""
    recorded = {key: state.id for key, state in known.borrowers.items() if state.id is not None}
    ids = _Ids(write_groups(store, new_groups), recorded)
    written = Written(groups_created=len(ids.groups))
    written.borrowers_created = _create_borrowers(store, known, borrower_changes, ids)
    changed_borrowers = _update_borrowers(store, known, borrower_changes, ids)
    written.borrowers_updated = len(changed_borrowers)
    loan_ids = write_loans(store, known, decisions, ids, written, changed_borrowers)
    write_balances(session, store, decisions, loan_ids, written)
    return written


def settle(
    session: Session, store: RecordStore, absent: Sequence[AbsentLoan], day: date, file: str
) -> int:
    """Record each absent loan as paid off on ``day``: a zero balance (that day's own
    balance set to zero, if it has one)."""
    zero: dict[str, Any] = dict.fromkeys(ALL_PARTS, 0)
    zero["overdue_since"] = None
    zero["notes"] = tr(M_SETTLED_NOTE, day=format_date(day), file=file)
    same_day = dict(
        session.execute(
            select(LoanBalance.loan_id, LoanBalance.id).where(
                alive(LoanBalance, Scope.unit(store.owner_code)),
                LoanBalance.as_of == day,
                LoanBalance.loan_id.in_([loan.loan_id for loan in absent]),
            )
        ).all()
    )
    store.create_many(
        LoanBalance,
        [
            {"loan_id": loan.loan_id, "as_of": day, **zero}
            for loan in absent
            if loan.loan_id not in same_day
        ],
    )
    store.update_many(
        LoanBalance,
        [(same_day[loan.loan_id], zero) for loan in absent if loan.loan_id in same_day],
    )
    return len(absent)
