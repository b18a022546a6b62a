"""The loans step of ``tdcs self-test``: a loan entered through the services, a bank list
written with openpyxl and imported, and the indicators computed from both."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from desktop.core.database import Database
from desktop.core.loans.borrowers import BorrowerInput, create_borrower
from desktop.core.loans.excel_import import RowOutcome, prepare, run_import
from desktop.core.loans.indicators import Dimension, indicator_table
from desktop.core.loans.loans import LoanInput, create_loan
from desktop.core.owners import Scope
from desktop.core.selftest import SelfTestFailure


def step_loans(db: Database) -> str:
    """Needs the office set up by the earlier steps (commune 31120)."""
    with db.transaction() as s:
        borrower = create_borrower(s, BorrowerInput("Người Thử Nghiệm"))
        create_loan(s, LoanInput(borrower, "HN", 10_000_000, date(2025, 3, 1), contract_no="T1"))
    with tempfile.TemporaryDirectory(prefix="tdcs-loans-") as tmp:
        path = Path(tmp) / "ds.xlsx"
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(["DANH SÁCH ĐẾN NGÀY 31/12/2025"])
        sheet.append(
            [
                "Số HĐ",
                "Họ và tên",
                "Chương trình",
                "Số tiền vay",
                "Ngày giải ngân",
                "Dư nợ",
                "Quá hạn",
            ]
        )
        sheet.append(
            ["T2", "Người Thử Hai", "GQVL", "20.000.000", "01/06/2025", 20_000_000, 5_000_000]
        )
        sheet.append([None, "Tổng cộng"])
        workbook.save(path)
        plan = prepare(path)
        with db.transaction() as s:
            result = run_import(s, plan)
    if [r.outcome for r in result.rows] != [RowOutcome.CREATED, RowOutcome.SKIPPED]:
        raise SelfTestFailure(f"bank list import: {result.rows}")
    with db.reading() as s:
        total = indicator_table(
            s, Dimension.PROGRAMME, owner=Scope.commune("31120"), as_of=date(2025, 12, 31)
        ).total
    if (total.outstanding, total.overdue) != (30_000_000, 5_000_000):
        raise SelfTestFailure(f"indicators: {total}")
    return "loan, bank list import and indicators"
