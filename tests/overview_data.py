"""A small hand-made loan book for Tổng quan's tests, whose figures were worked out by hand.

Commune 31120, four live loans and one deleted (amounts in đồng):

- L1, Lê Thị Hồng, 50 tr disbursed 10/03/2024. Balances: 31/12/2025 40 tr current;
  30/09/2026 30 tr current + 5 tr overdue. Checked 28/11/2025.
- L2, Lê Thị Hồng, 20 tr disbursed 01/06/2025 (its first balance: 20 tr current).
  Balance 30/09/2026: 18 tr current. Checked 29/11/2025.
- L3, Trần Văn Bảy, 30 tr disbursed 05/05/2023. Balance 30/09/2026: 10 tr overdue + 4 tr
  frozen. Never checked.
- L4, Ngô Thị Cúc, 40 tr disbursed 15/01/2024. Balances: 30/06/2025 20 tr current;
  30/06/2026 paid off (0). Never checked.
- L5, Ngô Thị Cúc, 10 tr disbursed 01/01/2025: deleted.

On 29/11/2026 (twelve months back: 29/11/2025): outstanding 35 + 18 + 14 = 67 tr; overdue
5 + 10 = 15 tr (22,39 %); overdue + frozen 19 tr (28,36 %); 3 loans of 2 borrowers with a
balance; not checked in twelve months: L1 (28/11/2025 is a day too early) and L3 → 2;
latest balance data 30/09/2026.

On 31/12/2025 (twelve months back: 31/12/2024): 40 + 20 + 30 + 20 = 110 tr, nothing overdue,
4 loans of 3 borrowers; not checked: L3 and L4 → 2; latest balance data 31/12/2025.
"""

from __future__ import annotations

from datetime import date

from db.enums import CheckerKind, CheckResult
from desktop.core.database import Database
from desktop.core.loans.balances import BalanceInput, add_balance
from desktop.core.loans.borrowers import BorrowerInput, create_borrower
from desktop.core.loans.checks import CheckInput, create_check
from desktop.core.loans.loans import LoanInput, create_loan, delete_loan

TODAY = date(2026, 11, 29)
MILLION = 1_000_000


def add_loan(
    database: Database,
    borrower_id: str,
    amount: int,
    disbursed_on: date,
    balances: list[BalanceInput],
    checks: list[date],
    contract_no: str,
) -> str:
    with database.transaction() as s:
        loan_id = create_loan(
            s,
            LoanInput(
                borrower_id=borrower_id,
                programme_code="HN",
                amount_disbursed=amount,
                disbursed_on=disbursed_on,
                contract_no=contract_no,
            ),
        )
        for balance in balances:
            add_balance(s, loan_id, balance, today=TODAY)
        for day in checks:
            create_check(
                s,
                CheckInput(loan_id, day, CheckerKind.ORGANISATION, CheckResult.DUNG_MUC_DICH),
                today=TODAY,
            )
    return loan_id


def hand_made_loans(database: Database) -> None:
    with database.transaction() as s:
        hong = create_borrower(s, BorrowerInput("Lê Thị Hồng"))
        bay = create_borrower(s, BorrowerInput("Trần Văn Bảy"))
        cuc = create_borrower(s, BorrowerInput("Ngô Thị Cúc"))
    add_loan(
        database,
        hong,
        50 * MILLION,
        date(2024, 3, 10),
        [
            BalanceInput(date(2025, 12, 31), current_amount=40 * MILLION),
            BalanceInput(
                date(2026, 9, 30),
                current_amount=30 * MILLION,
                overdue_amount=5 * MILLION,
                overdue_since=date(2026, 7, 1),
            ),
        ],
        [date(2025, 11, 28)],
        "HD-001",
    )
    add_loan(
        database,
        hong,
        20 * MILLION,
        date(2025, 6, 1),
        [BalanceInput(date(2026, 9, 30), current_amount=18 * MILLION)],
        [date(2025, 11, 29)],
        "HD-002",
    )
    add_loan(
        database,
        bay,
        30 * MILLION,
        date(2023, 5, 5),
        [BalanceInput(date(2026, 9, 30), overdue_amount=10 * MILLION, frozen_amount=4 * MILLION)],
        [],
        "HD-003",
    )
    add_loan(
        database,
        cuc,
        40 * MILLION,
        date(2024, 1, 15),
        [
            BalanceInput(date(2025, 6, 30), current_amount=20 * MILLION),
            BalanceInput(date(2026, 6, 30)),
        ],
        [],
        "HD-004",
    )
    gone = add_loan(database, cuc, 10 * MILLION, date(2025, 1, 1), [], [], "HD-005")
    with database.transaction() as s:
        delete_loan(s, gone, expected_version=1)
