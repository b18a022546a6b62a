"""What a list of balances comes to, what its totals row says, and the loans it leaves out.

The balances the accepted rows carry are added up and set beside the list's own totals row
("Tổng cộng"; a lone "Cộng" row is one too; sub-totals of groups are not the list's). A
loan with a balance in TDCS that no row of the list names is *absent*: most likely paid
off, but the list may also cover only part of the commune, so only the clerk can say.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.loans.balances import (
    NO_POSITION,
    OUTSTANDING_PARTS,
    Position,
    latest_positions,
)
from desktop.core.loans.excel_import.fields import BALANCE_FIELDS, ImportField
from desktop.core.loans.excel_import.known import Known, LoanState
from desktop.core.loans.excel_import.parse import Sheet
from desktop.core.loans.excel_import.results import AbsentLoan, BalanceTotals
from desktop.core.owners import Scope

#: The parts that make up the outstanding balance of a totals row without a total.
_OUTSTANDING_FIELDS = BALANCE_FIELDS - {ImportField.OUTSTANDING, ImportField.WRITTEN_OFF}

Balance = Mapping[str, Any]


@dataclass
class Named:
    """The loans a list names: recorded loans its rows were matched to (whatever then
    became of the rows), and the contract numbers and citizen IDs its loan rows hold."""

    loan_ids: set[str] = field(default_factory=set)
    contracts: set[str] = field(default_factory=set)
    citizen_ids: set[str] = field(default_factory=set)

    def note(self, contract: str, cid: str | None) -> None:
        """Remember what a loan row holds, good or bad."""
        if contract:
            self.contracts.add(contract)
        if cid:
            self.citizen_ids.add(cid)

    def lists(self, loan: LoanState, cid: str | None) -> bool:
        """Whether a row holds the loan's contract number (or, for a loan without one,
        its borrower's citizen ID)."""
        contract = loan.values["contract_no"]
        if contract:
            return bool(contract in self.contracts)
        return bool(cid and cid in self.citizen_ids)


def balances_day(balances: Sequence[Balance]) -> date | None:
    """The one date of the balances the rows carry (``None`` when none, or several)."""
    days = {balance["as_of"] for balance in balances}
    return days.pop() if len(days) == 1 else None


def taken(balances: Sequence[Balance]) -> BalanceTotals | None:
    """What the rows' balances add up to."""
    if not balances:
        return None
    return BalanceTotals(
        len(balances),
        sum(int(b[part]) for b in balances for part in OUTSTANDING_PARTS),
        sum(int(b["overdue_amount"]) for b in balances),
    )


def _outstanding(cells: tuple[Any, ...], sheet: Sheet) -> int | None:
    """A totals row's outstanding: its total, else the sum of the parts it gives."""
    total = sheet.money(cells, ImportField.OUTSTANDING)
    if total is not None:
        return total
    parts = [sheet.money(cells, part) for part in _OUTSTANDING_FIELDS]
    if all(value is None for value in parts):
        return None
    return sum(value or 0 for value in parts)


def listed(
    total_rows: Sequence[tuple[Any, ...]], grand_total: tuple[Any, ...] | None, sheet: Sheet
) -> BalanceTotals | None:
    """What the list's grand totals row states in its balance columns (``None``: no such
    row, or no balances in it)."""
    cells = grand_total
    if cells is None and len(total_rows) == 1:
        cells = total_rows[0]
    if cells is None:
        return None
    outstanding = _outstanding(cells, sheet)
    if outstanding is None:
        return None
    return BalanceTotals(0, outstanding, sheet.money(cells, ImportField.OVERDUE) or 0)


def _absent(loan: LoanState, known: Known, named: Named, position: Position) -> AbsentLoan | None:
    """The loan, if the list does not name it and it has a balance."""
    borrower = known.borrowers[loan.borrower_key].values
    balance_day, outstanding = position[:2]
    if named.lists(loan, borrower.get("citizen_id")) or balance_day is None or outstanding <= 0:
        return None
    assert loan.id is not None
    contract = loan.values["contract_no"]
    return AbsentLoan(loan.id, contract, borrower["full_name"], outstanding, balance_day)


def absent_loans(
    session: Session, owner: str, day: date | None, known: Known, named: Named
) -> list[AbsentLoan]:
    """Recorded loans disbursed by ``day`` with a balance on it that the list does not
    name (none without a ``day``: a list whose every row failed says nothing)."""
    if day is None:
        return []
    positions = latest_positions(session, Scope.unit(owner), day)
    absent = []
    for loan in known.loans.values():
        if loan.id is None or loan.id in named.loan_ids or loan.values["disbursed_on"] > day:
            continue
        found = _absent(loan, known, named, positions.get(loan.id, NO_POSITION))
        if found is not None:
            absent.append(found)
    absent.sort(key=lambda loan: (loan.contract_no, loan.full_name))
    return absent
