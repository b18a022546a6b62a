"""What an import did: each row's outcome, the balances the list comes to, and the loans a
list of balances leaves out — the results the wizard and ``tdcs import-excel`` show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

from desktop.core.formatting import format_date, format_money, format_percent
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr

M_ABSENT = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "Not on this list; its last balance ({outstanding} on {day}) is kept.",
)
M_SETTLED = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "Not on this list: recorded as paid off on {as_of} (its last balance was {outstanding} "
    "on {day}).",
)
M_TAKEN = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "Balances on {day} taken from the list: {loans} loans, outstanding {outstanding}, "
    "overdue {overdue} ({ratio}).",
)
M_TOTALS_MATCH = QT_TRANSLATE_NOOP("ExcelImport", "They match the list's totals row.")
M_TOTALS_DIFFER = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "The list's totals row says outstanding {outstanding}, overdue {overdue}: check the "
    "rejected rows.",
)
M_ABSENT_SUMMARY = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "{count} loans with a balance in TDCS ({outstanding} in all) are not on this list.",
)
M_SETTLED_SUMMARY = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "{count} loans with a balance in TDCS ({outstanding} in all) are not on this list: "
    "recorded as paid off on {day}.",
)


class RowOutcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"
    SKIPPED = "skipped"
    # A loan with a balance in TDCS that a list of balances leaves out (no Excel row),
    ABSENT = "absent"
    # and such a loan recorded as paid off on the list's date at the clerk's word.
    SETTLED = "settled"


OUTCOME_LABELS: dict[RowOutcome, Msg] = {
    RowOutcome.CREATED: QT_TRANSLATE_NOOP("ExcelImport", "Imported"),
    RowOutcome.UPDATED: QT_TRANSLATE_NOOP("ExcelImport", "Updated"),
    RowOutcome.UNCHANGED: QT_TRANSLATE_NOOP("ExcelImport", "Unchanged"),
    RowOutcome.REJECTED: QT_TRANSLATE_NOOP("ExcelImport", "Rejected"),
    RowOutcome.SKIPPED: QT_TRANSLATE_NOOP("ExcelImport", "Skipped"),
    RowOutcome.ABSENT: QT_TRANSLATE_NOOP("ExcelImport", "Not on the list"),
    RowOutcome.SETTLED: QT_TRANSLATE_NOOP("ExcelImport", "Paid off"),
}


@dataclass(frozen=True)
class RowResult:
    """What happened to one row of the sheet (``row`` is Excel's row number; 0 for a loan
    the list leaves out). ``warning`` says where the data disagree with themselves."""

    row: int
    outcome: RowOutcome
    reason: str = ""
    contract_no: str = ""
    full_name: str = ""
    warning: str = ""

    @property
    def remarks(self) -> str:
        """The reason and the warning, as one text."""
        return " ".join(part for part in (self.reason, self.warning) if part)


@dataclass(frozen=True)
class BalanceTotals:
    """The balances of a list: as its rows give them, or as its totals row states them."""

    loans: int
    outstanding: int
    overdue: int

    def overdue_ratio_text(self) -> str:
        return format_percent(
            Fraction(self.overdue, self.outstanding) if self.outstanding else None
        )


@dataclass(frozen=True)
class AbsentLoan:
    """A loan with a balance on the list's date in TDCS that the list does not hold."""

    loan_id: str
    contract_no: str
    full_name: str
    outstanding: int
    balance_as_of: date


@dataclass(frozen=True)
class ImportResult:
    sheet: str
    as_of: date | None
    dry_run: bool
    rows: tuple[RowResult, ...]
    groups_created: int = 0
    borrowers_created: int = 0
    borrowers_updated: int = 0
    balances_written: int = 0
    #: The balances the accepted rows carry (``None`` for a list without balances).
    taken: BalanceTotals | None = None
    #: What the list's totals row states (``None`` when it has none with balances).
    listed: BalanceTotals | None = None
    #: Loans with a balance in TDCS that this list of balances leaves out.
    absent: tuple[AbsentLoan, ...] = ()
    #: Whether they were recorded as paid off on the list's date.
    settled: bool = False

    def count(self, outcome: RowOutcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    @property
    def warnings(self) -> int:
        return sum(1 for r in self.rows if r.warning)

    @property
    def totals_match(self) -> bool | None:
        """Whether the rows taken add up to the list's totals row (``None``: nothing to
        compare)."""
        if self.taken is None or self.listed is None:
            return None
        return (self.taken.outstanding, self.taken.overdue) == (
            self.listed.outstanding,
            self.listed.overdue,
        )

    def listing(self) -> tuple[RowResult, ...]:
        """The rows, then the loans the list leaves out (row 0)."""
        outcome, message = (
            (RowOutcome.SETTLED, M_SETTLED) if self.settled else (RowOutcome.ABSENT, M_ABSENT)
        )
        return self.rows + tuple(
            RowResult(
                0,
                outcome,
                tr(
                    message,
                    outstanding=format_money(loan.outstanding),
                    day=format_date(loan.balance_as_of),
                    as_of=format_date(self.as_of),
                ),
                loan.contract_no,
                loan.full_name,
            )
            for loan in self.absent
        )


def balances_text(result: ImportResult) -> str:
    """What the list's balances come to, whether they match its totals row, and the loans
    it leaves out: the lines under an import's summary."""
    lines: list[str] = []
    taken = result.taken
    if taken is not None and result.as_of is not None:
        line = tr(
            M_TAKEN,
            day=format_date(result.as_of),
            loans=taken.loans,
            outstanding=format_money(taken.outstanding),
            overdue=format_money(taken.overdue),
            ratio=taken.overdue_ratio_text(),
        )
        listed = result.listed
        if listed is not None:
            line += " " + (
                tr(M_TOTALS_MATCH)
                if result.totals_match
                else tr(
                    M_TOTALS_DIFFER,
                    outstanding=format_money(listed.outstanding),
                    overdue=format_money(listed.overdue),
                )
            )
        lines.append(line)
    if result.absent:
        lines.append(
            tr(
                M_SETTLED_SUMMARY if result.settled else M_ABSENT_SUMMARY,
                count=len(result.absent),
                outstanding=format_money(sum(loan.outstanding for loan in result.absent)),
                day=format_date(result.as_of),
            )
        )
    return "\n".join(lines)
