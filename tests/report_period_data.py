"""A small commune whose report figures are worked out by hand, with records on both sides
of every cut-off (see ``test_reports_periods.py`` for the answers).

Phường Cái Khế (31120), all amounts in đồng:

Quỹ "Vì người nghèo"
    declared opening 2025: 9.000.000; gift 10/12/2025: 1.000.000 → 2026 opens at 10.000.000.
    gifts 2026 (money): 15/03 1.000.000 · 31/03 2.000.000 (last day of Q1) · 01/04 4.000.000
    (first day of Q2) · 30/06 8.000.000 (last day of Q2) · 01/07 16.000.000 (day after H1)
    · 21/10 32.000.000 (the day after the yearly report's date, 20/10).
    gift in kind 10/05: 3.000.000 (Q2).
    grants 2026: 30/06 5.000.000 · 02/07 1.500.000 · 21/10 700.000.
Deposits: 20/05/2026 deposit 50.000.000; 05/11/2026 sponsorship 7.000.000.
Loans (balance lists of the bank, none by 31/03):
    L1 Nguyễn Văn An, HN, Hội Nông dân, Khu vực 1, disbursed 10/01/2026, 50.000.000.
    L2 Trần Thị Bình, GQVL, Hội Phụ nữ, Khu vực 2, disbursed 15/02/2026, 30.000.000.
    list 30/06/2026: L1 35.000.000 current + 5.000.000 overdue; L2 30.000.000.
    list 30/09/2026: L1 35.000.000; L2 28.000.000.
    list 01/10/2026: L1 10.000.000 (the day after Q3).
    checks: L1 31/03/2026 (as intended); L2 01/10/2026 (as intended).
Entrusted capital (commune budget): 2025 100.000.000 (15/03/2025); 2026 90.000.000
    (10/03/2026) and 40.000.000 (15/11/2026); total capital 2025 2.000.000.000 with an
    entrusted balance of 300.000.000 (as of 31/12/2025): 15 %.
Tasks: II.1.a Q1 2026 in progress 50 %, document 12/KH-UBND of 20/02/2026;
    II.1.a Q3 2026 completed, documents 45/QĐ-UBND of 15/08/2026 and 7/TB-UBND of
    02/10/2026 (after Q3), a proposal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db.enums import (
    CheckerKind,
    CheckResult,
    ContributionForm,
    DepositKind,
    DonorType,
    GroupStatus,
    PartyType,
    PeriodKind,
    SourceLevel,
    TaskStatus,
)
from desktop.core.database import Database
from desktop.core.funds.capital import CapitalInput, TransferInput, create_capital, create_transfer
from desktop.core.funds.deposits import DepositInput, create_deposit
from desktop.core.funds.fund import (
    ContributionInput,
    OpeningInput,
    SpendingInput,
    create_contribution,
    create_opening,
    create_spending,
)
from desktop.core.loans.balances import BalanceInput, add_balance, balance_history, delete_balance
from desktop.core.loans.borrowers import BorrowerInput, create_borrower
from desktop.core.loans.checks import CheckInput, create_check
from desktop.core.loans.groups import GroupInput, create_group
from desktop.core.loans.loans import LoanInput, create_loan
from desktop.core.office import list_hamlets
from desktop.core.tasks.progress import DocumentInput, ProgressInput, create_progress

#: Records may be dated up to this day.
TODAY = date(2026, 12, 31)
M = 1_000_000


@dataclass
class Loans:
    l1: str
    l2: str


def gift(
    day: date, amount: int, form: ContributionForm = ContributionForm.TIEN_MAT
) -> ContributionInput:
    return ContributionInput(
        donor_name=f"Nhà hảo tâm ngày {day:%d/%m}",
        donor_type=DonorType.CA_NHAN,
        form=form,
        amount=amount,
        received_on=day,
        campaign_year=day.year,
        in_kind_description="Gạo" if form is ContributionForm.HIEN_VAT else "",
    )


def fund(db: Database) -> None:
    with db.transaction() as s:
        create_opening(s, OpeningInput(year=2025, amount=9 * M))
        create_contribution(s, gift(date(2025, 12, 10), 1 * M), today=TODAY)
        for day, amount in (
            (date(2026, 3, 15), 1 * M),
            (date(2026, 3, 31), 2 * M),
            (date(2026, 4, 1), 4 * M),
            (date(2026, 6, 30), 8 * M),
            (date(2026, 7, 1), 16 * M),
            (date(2026, 10, 21), 32 * M),
        ):
            create_contribution(s, gift(day, amount), today=TODAY)
        create_contribution(
            s, gift(date(2026, 5, 10), 3 * M, ContributionForm.HIEN_VAT), today=TODAY
        )
        for day, amount, who in (
            (date(2026, 6, 30), 5 * M, "Hộ Trần Văn Mười"),
            (date(2026, 7, 2), 1_500_000, "Hộ Lê Thị Hoa"),
            (date(2026, 10, 21), 700_000, "Hộ Phạm Văn Út"),
        ):
            create_spending(
                s,
                SpendingInput(
                    recipient_name=who, purpose="Hỗ trợ sửa nhà", amount=amount, spent_on=day
                ),
                today=TODAY,
            )
        create_deposit(
            s,
            DepositInput(
                kind=DepositKind.TIEN_GUI,
                party_name="Hội Nông dân phường",
                party_type=PartyType.TO_CHUC,
                amount=50 * M,
                transacted_on=date(2026, 5, 20),
                term_months=12,
            ),
            today=TODAY,
        )
        create_deposit(
            s,
            DepositInput(
                kind=DepositKind.TAI_TRO,
                party_name="Công ty TNHH Sông Hậu",
                party_type=PartyType.TO_CHUC,
                amount=7 * M,
                transacted_on=date(2026, 11, 5),
            ),
            today=TODAY,
        )


def capital(db: Database) -> None:
    with db.transaction() as s:
        for year, amount, moved in (
            (2025, 100 * M, date(2025, 3, 15)),
            (2026, 90 * M, date(2026, 3, 10)),
            (2026, 40 * M, date(2026, 11, 15)),
        ):
            create_transfer(
                s,
                TransferInput(
                    year=year, source_level=SourceLevel.XA, amount=amount, transferred_on=moved
                ),
                today=TODAY,
            )
        create_capital(
            s,
            CapitalInput(
                year=2025,
                total_capital=2_000 * M,
                entrusted_balance=300 * M,
                as_of=date(2025, 12, 31),
            ),
            today=TODAY,
        )


def loans(db: Database) -> Loans:
    with db.reading() as s:
        hamlets = {h.name: h.id for h in list_hamlets(s)}
    with db.transaction() as s:
        g1 = create_group(
            s,
            GroupInput(
                code="G1",
                name="Tổ Hội Nông dân KV1",
                hamlet_id=hamlets["Khu vực 1"],
                organisation_code="HND",
                status=GroupStatus.ACTIVE,
            ),
        )
        g2 = create_group(
            s,
            GroupInput(
                code="G2",
                name="Tổ Hội Phụ nữ KV2",
                hamlet_id=hamlets["Khu vực 2"],
                organisation_code="HPN",
                status=GroupStatus.ACTIVE,
            ),
        )
        an = create_borrower(
            s, BorrowerInput(full_name="Nguyễn Văn An", hamlet_id=hamlets["Khu vực 1"], group_id=g1)
        )
        binh = create_borrower(
            s, BorrowerInput(full_name="Trần Thị Bình", hamlet_id=hamlets["Khu vực 2"], group_id=g2)
        )
        l1 = create_loan(
            s,
            LoanInput(an, "HN", 50 * M, date(2026, 1, 10), "HND", g1, contract_no="HD-001"),
        )
        l2 = create_loan(
            s,
            LoanInput(binh, "GQVL", 30 * M, date(2026, 2, 15), "HPN", g2, contract_no="HD-002"),
        )
        # The bank's lists are the only balances: the disbursement snapshots go.
        for loan in (l1, l2):
            for row in balance_history(s, loan):
                delete_balance(s, row.id, expected_version=row.version)
    with db.transaction() as s:
        for loan, day, current, overdue in (
            (l1, date(2026, 6, 30), 35 * M, 5 * M),
            (l2, date(2026, 6, 30), 30 * M, 0),
            (l1, date(2026, 9, 30), 35 * M, 0),
            (l2, date(2026, 9, 30), 28 * M, 0),
            (l1, date(2026, 10, 1), 10 * M, 0),
        ):
            add_balance(
                s,
                loan,
                BalanceInput(
                    as_of=day,
                    current_amount=current,
                    overdue_amount=overdue,
                    overdue_since=date(2026, 6, 1) if overdue else None,
                ),
                today=TODAY,
            )
        for loan, day in ((l1, date(2026, 3, 31)), (l2, date(2026, 10, 1))):
            create_check(
                s,
                CheckInput(
                    loan_id=loan,
                    checked_on=day,
                    checker_kind=CheckerKind.ORGANISATION,
                    result=CheckResult.DUNG_MUC_DICH,
                ),
                today=TODAY,
            )
    return Loans(l1, l2)


def tasks(db: Database) -> None:
    with db.transaction() as s:
        create_progress(
            s,
            ProgressInput(
                plan_task_code="II.1.a",
                period_kind=PeriodKind.QUARTER,
                year=2026,
                period_no=1,
                status=TaskStatus.DANG_TRIEN_KHAI,
                percent=50,
                achievements="Tổ chức hội nghị quán triệt Chỉ thị 39 cho cán bộ chủ chốt.",
                reported_on=date(2026, 4, 3),
                documents=(
                    DocumentInput(
                        number="12",
                        symbol="KH-UBND",
                        issued_on=date(2026, 2, 20),
                        summary="Kế hoạch quán triệt Chỉ thị 39",
                    ),
                ),
            ),
            today=TODAY,
        )
        create_progress(
            s,
            ProgressInput(
                plan_task_code="II.1.a",
                period_kind=PeriodKind.QUARTER,
                year=2026,
                period_no=3,
                status=TaskStatus.HOAN_THANH,
                achievements="Hoàn thành quán triệt đến 100 % chi bộ khu vực.",
                proposals="Đề nghị tập huấn nghiệp vụ cho tổ trưởng Tổ TK&VV.",
                reported_on=date(2026, 10, 3),
                documents=(
                    DocumentInput(
                        number="45",
                        symbol="QĐ-UBND",
                        issued_on=date(2026, 8, 15),
                        summary="Kiện toàn tổ tuyên truyền",
                    ),
                    DocumentInput(
                        number="7",
                        symbol="TB-UBND",
                        issued_on=date(2026, 10, 2),
                        summary="Thông báo kết quả quán triệt",
                    ),
                ),
            ),
            today=TODAY,
        )


def fill(db: Database) -> Loans:
    fund(db)
    capital(db)
    made = loans(db)
    tasks(db)
    return made
