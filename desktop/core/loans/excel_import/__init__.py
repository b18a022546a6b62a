"""Import of the loan lists the bank's transaction office hands to communes.

Three steps, the same for the window and ``tdcs import-excel``:

1. :func:`prepare` reads a sheet and recognises its columns, money unit and the date of its
   balances (:mod:`.plan`, which also says what each purpose — new loans, balances —
   needs).
2. The clerk checks or changes the mapping (the wizard) and :func:`run_import` runs with
   ``dry_run=True`` to preview: every row's outcome, nothing kept.
3. :func:`run_import` for real: one transaction (a failure leaves nothing behind), rows
   written through the record store in bulk (versions, change numbers, audit).

Each row is **created** (a new loan), **updated** (a known loan: contract number, else
citizen ID + programme + disbursement date), **unchanged**, **rejected** (with the reason
and its Excel row number), or **skipped** (blank rows, totals and sub-total rows, headings,
the place, date and signatures under the table). Re-importing the same list changes
nothing; a list of a later date adds a balance snapshot per loan, so the history is kept.

What the list says is taken as it says it, and nothing is invented:

- A list of loans still owing (danh sách dư nợ) often has no disbursed amount: the loan's
  amount stays unknown (``None``), never 0 and never the balance.
- Its balances are each loan's position on the list's date, whatever other columns it has.
  The rows' totals are compared with the list's own totals row.
- A 12-digit citizen ID states the year of birth and sex (its 4th to 6th digits), a
  group's name the entrusted organisation ("Tổ TK&VV ấp Thạnh Lợi - HND"). Where a column
  says otherwise, the row is imported with a **warning** naming both values.
- A loan with a balance in TDCS that a list of balances leaves out is **absent**: it has
  most likely been paid off, but the list may also cover only part of the commune, so it
  is recorded as paid off (a zero balance on the list's date) only when the clerk says so
  (``settle_absent``); otherwise it keeps its last balance and the result says so.
"""

from __future__ import annotations

from desktop.core.loans.excel_import.fields import FIELD_LABELS, ImportField
from desktop.core.loans.excel_import.importer import M_CITY, run_import
from desktop.core.loans.excel_import.mappings import SavedMapping, load_mappings, save_mapping
from desktop.core.loans.excel_import.plan import (
    UNITS,
    ImportPlan,
    Purpose,
    check_plan,
    detect_as_of,
    detect_unit,
    prepare,
)
from desktop.core.loans.excel_import.results import (
    OUTCOME_LABELS,
    ImportResult,
    RowOutcome,
    RowResult,
    balances_text,
)
from desktop.core.loans.excel_import.values import text_value

__all__ = [
    "FIELD_LABELS",
    "M_CITY",
    "OUTCOME_LABELS",
    "UNITS",
    "ImportField",
    "ImportPlan",
    "ImportResult",
    "Purpose",
    "RowOutcome",
    "RowResult",
    "SavedMapping",
    "balances_text",
    "check_plan",
    "detect_as_of",
    "detect_unit",
    "load_mappings",
    "prepare",
    "run_import",
    "save_mapping",
    "text_value",
]
