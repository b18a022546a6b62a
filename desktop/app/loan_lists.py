"""Importing a loan list from the bank's transaction office (an Excel workbook): the wizard
on the Khoản vay page and ``tdcs import-excel``.

Reading the sheet and choosing its columns is :func:`desktop.core.loans.excel_import.prepare`;
the person then checks the mapping, and :func:`import_loan_list` previews (``dry_run``) or
imports it in one transaction of its own: a failure or a cancel keeps nothing.
"""

from __future__ import annotations

from desktop.core.database import Database
from desktop.core.loans.excel_import import ImportPlan, ImportResult, run_import
from desktop.core.progress import NO_PROGRESS, Progress


def import_loan_list(
    database: Database,
    plan: ImportPlan,
    *,
    dry_run: bool = False,
    save_as: str | None = None,
    settle_absent: bool = False,
    progress: Progress = NO_PROGRESS,
) -> ImportResult:
    """Import the rows of ``plan`` into this commune's records; with ``dry_run`` nothing is
    kept (the preview). ``save_as`` remembers the column mapping under that name;
    ``settle_absent`` records the loans a list of balances leaves out as paid off."""
    with database.transaction() as session:
        return run_import(
            session,
            plan,
            dry_run=dry_run,
            save_as=save_as,
            settle_absent=settle_absent,
            progress=progress,
        )
