"""Every line of the change history names its record in words a person recognises — a progress
record by its task and period ("II.2.d, Quý III/2026"), a contribution by donor and date, a
loan by contract and borrower — for every kind of record, deleted records too (issue 12)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session

from db.enums import (
    AuditAction,
    CheckerKind,
    CheckResult,
    ContributionForm,
    DepositKind,
    DonorType,
    GroupGrade,
    HamletKind,
    ImportOutcome,
    PartyType,
    PeriodKind,
    SourceLevel,
    TaskStatus,
)
from db.models import (
    MODELS_BY_RECORD_TYPE,
    AuditEntry,
    Borrower,
    CapitalTotal,
    ClosedPeriod,
    Deposit,
    EntrustedTransfer,
    FundContribution,
    FundOpeningBalance,
    FundSpending,
    GroupAssessment,
    Hamlet,
    ImportRecord,
    Loan,
    LoanBalance,
    LoanCheck,
    OfficeTask,
    OrganisationGrade,
    SavingsGroup,
    TaskDocument,
    TaskProgress,
)
from desktop.core.dashboard.history import change_history
from desktop.core.database import Database
from desktop.core.programmes import add_rate
from desktop.core.record_names import record_name, record_names
from desktop.core.records import RecordStore


def store(session: Session) -> RecordStore:
    return RecordStore(session, owner_code="31120", actor="Cán bộ thử")


def make_records(db: Database) -> dict[str, str]:
    """One record of each kind (through the one write path), each then changed once."""
    ids: dict[str, str] = {}
    with db.transaction() as s:
        st = store(s)

        def add(key: str, model: type, **values: Any) -> str:
            ids[key] = st.create(model, values)
            return ids[key]

        hamlet = add("hamlet", Hamlet, name="Ấp Thới Hòa", kind=HamletKind.AP)
        group = add("savings_group", SavingsGroup, code="T07", name="Tổ TK&VV ấp Thới Hòa")
        add("group_assessment", GroupAssessment, group_id=group, year=2026, grade=GroupGrade.TOT)
        add(
            "organisation_grade",
            OrganisationGrade,
            organisation_code="HND",
            year=2026,
            grade=GroupGrade.KHA,
        )
        borrower = add("borrower", Borrower, full_name="Trần Thị Bích Vân", hamlet_id=hamlet)
        loan = add(
            "loan",
            Loan,
            borrower_id=borrower,
            programme_code="HN",
            contract_no="0712/HN",
            amount_disbursed=40_000_000,
            disbursed_on=date(2025, 3, 12),
        )
        no_contract = add(
            "loan_without_contract",
            Loan,
            borrower_id=borrower,
            programme_code="HN",
            amount_disbursed=20_000_000,
            disbursed_on=date(2025, 8, 1),
        )
        add("loan_balance", LoanBalance, loan_id=loan, as_of=date(2026, 9, 30))
        add(
            "loan_check",
            LoanCheck,
            loan_id=no_contract,
            checked_on=date(2026, 10, 14),
            checker_kind=CheckerKind.ORGANISATION,
            result=CheckResult.DUNG_MUC_DICH,
        )
        sub = add("office_task", OfficeTask, parent_code="II.5.a", title="Ra mắt Tổ TK&VV")
        progress = add(
            "task_progress",
            TaskProgress,
            plan_task_code="II.2.d",
            period_kind=PeriodKind.QUARTER,
            year=2026,
            period_no=3,
            status=TaskStatus.DANG_TRIEN_KHAI,
            percent=40,
        )
        add(
            "sub_task_progress",
            TaskProgress,
            plan_task_code="II.5.a",
            office_task_id=sub,
            period_kind=PeriodKind.HALF,
            year=2026,
            period_no=1,
            status=TaskStatus.HOAN_THANH,
            percent=100,
        )
        add("task_document", TaskDocument, progress_id=progress, number="12", symbol="KH-UBND")
        add(
            "document_without_number",
            TaskDocument,
            progress_id=progress,
            summary="Báo cáo kết quả kiểm tra việc sử dụng vốn vay tại 4 tổ",
        )
        add(
            "fund_contribution",
            FundContribution,
            donor_name="Công ty TNHH Phú Lợi",
            donor_type=DonorType.DOANH_NGHIEP,
            form=ContributionForm.CHUYEN_KHOAN,
            amount=5_000_000,
            received_on=date(2026, 10, 20),
            campaign_year=2026,
        )
        add(
            "fund_spending",
            FundSpending,
            recipient_name="Hộ bà Lê Thị Mai",
            purpose="Sửa nhà",
            amount=3_000_000,
            spent_on=date(2026, 11, 2),
        )
        add("fund_opening_balance", FundOpeningBalance, year=2026, amount=1_000_000)
        add(
            "deposit",
            Deposit,
            kind=DepositKind.TIEN_GUI,
            party_name="Hội Phụ nữ phường",
            party_type=PartyType.TO_CHUC,
            amount=10_000_000,
            transacted_on=date(2026, 6, 1),
        )
        add(
            "entrusted_transfer",
            EntrustedTransfer,
            year=2026,
            source_level=SourceLevel.XA,
            amount=200_000_000,
            decision_no="45/QĐ-UBND",
        )
        add("capital_total", CapitalTotal, year=2025, total_capital=17_590)
    with db.transaction() as s:
        # The city closed 2025 (as its bulletin tells): changing the 2025 loan is marked.
        s.add(
            ClosedPeriod(
                id="c" * 36,
                commune_code="92",
                change_seq=0,
                period_kind=PeriodKind.YEAR,
                year=2025,
                period_no=1,
                closed_on=date(2026, 10, 25),
            )
        )
        st = store(s)
        st.update(Hamlet, ids["hamlet"], {"name": "Ấp Thới Hòa A"}, expected_version=1)
        st.update(TaskProgress, ids["task_progress"], {"percent": 60}, expected_version=1)
        st.update(
            FundContribution, ids["fund_contribution"], {"amount": 6_000_000}, expected_version=1
        )
        st.update(Loan, ids["loan"], {"purpose": "Nuôi bò"}, expected_version=1)
        # Deleted records keep their names.
        st.delete(Borrower, ids["borrower"], expected_version=1)
        st.delete(TaskDocument, ids["task_document"], expected_version=1)
        st.delete(FundSpending, ids["fund_spending"], expected_version=1)
        ids["programme_rate"] = str(add_rate(s, "HN", valid_from=date(2027, 1, 1), rate_bp=650))
        s.add(
            ImportRecord(
                file_sha256="0" * 64,
                file_name="31150_AnBinh_0003.tdcs",
                export_id="e" * 36,
                commune_code="31150",
                seq=3,
                outcome=ImportOutcome.APPLIED,
            )
        )
        s.add(
            AuditEntry(
                actor="Cán bộ thử",
                action=AuditAction.IMPORT,
                record_type="sync_file",
                record_id="e" * 36,
                version=3,
            )
        )
    return ids


EXPECTED = {
    "hamlet": "Ấp Thới Hòa A",
    "savings_group": "Tổ TK&VV ấp Thới Hòa",
    "group_assessment": "Tổ TK&VV ấp Thới Hòa, 2026",
    "organisation_grade": "Hội Nông dân, 2026",
    "borrower": "Trần Thị Bích Vân",
    "loan": "HĐ 0712/HN, Trần Thị Bích Vân",
    "loan_without_contract": "khoản vay của Trần Thị Bích Vân, 01/08/2025",
    "loan_balance": "HĐ 0712/HN, Trần Thị Bích Vân, 30/09/2026",
    "loan_check": "khoản vay của Trần Thị Bích Vân, 01/08/2025, 14/10/2026",
    "office_task": "II.5.a › Ra mắt Tổ TK&VV",
    "task_progress": "II.2.d, Quý III/2026",
    "sub_task_progress": "II.5.a › Ra mắt Tổ TK&VV, 6 tháng đầu năm 2026",
    "task_document": "12/KH-UBND – II.2.d, Quý III/2026",
    "document_without_number": "Báo cáo kết quả kiểm tra việc sử dụng v… – II.2.d, Quý III/2026",
    "fund_contribution": "Công ty TNHH Phú Lợi, 20/10/2026",
    "fund_spending": "Hộ bà Lê Thị Mai, 02/11/2026",
    "fund_opening_balance": "số dư đầu năm 2026",
    "deposit": "Hội Phụ nữ phường, 01/06/2026",
    "entrusted_transfer": "2026, Ngân sách xã, phường, 45/QĐ-UBND",
    "capital_total": "tổng nguồn vốn năm 2025",
    "programme_rate": "HN, từ 01/01/2027",
}


def test_every_line_of_the_history_names_its_record(
    vi_app: QApplication, commune_db: Database
) -> None:
    ids = make_records(commune_db)
    with commune_db.reading() as s:
        history = change_history(s)
    names = {(row.record_id, row.action): row.record_name for row in history}
    for key, expected in EXPECTED.items():
        assert names[(ids[key], AuditAction.CREATE)] == expected, key
    # An edit names the record (what the user's report asked for) …
    assert names[(ids["task_progress"], AuditAction.UPDATE)] == "II.2.d, Quý III/2026"
    assert names[(ids["fund_contribution"], AuditAction.UPDATE)] == (
        "Công ty TNHH Phú Lợi, 20/10/2026"
    )
    # … and so does a delete.
    assert names[(ids["borrower"], AuditAction.DELETE)] == "Trần Thị Bích Vân"
    assert names[(ids["task_document"], AuditAction.DELETE)] == EXPECTED["task_document"]
    assert names[("e" * 36, AuditAction.IMPORT)] == "tệp số 3 của An Bình"
    # Every kind of record that travels has its own name, not the start of its id.
    named = {row.record_type for row in history if row.record_name != row.record_id[:8]}
    assert set(MODELS_BY_RECORD_TYPE) <= named


def test_a_record_that_cannot_be_found_is_named_by_its_id(commune_db: Database) -> None:
    with commune_db.reading() as s:
        assert record_name(s, "task_progress", "0123456789abcdef") == "01234567"
        assert record_name(s, "some_later_kind", "fedcba9876543210") == "fedcba98"
        assert record_names(s, []) == {}


def test_a_reference_in_a_change_names_the_record_it_points_at(
    vi_app: QApplication, commune_db: Database
) -> None:
    ids = make_records(commune_db)
    with commune_db.reading() as s:
        changes = {(row.record_id, row.action): row.changes for row in change_history(s)}
    created = AuditAction.CREATE
    assert "Người vay: – → Trần Thị Bích Vân" in changes[(ids["loan"], created)]
    assert "Tổ TK&VV: – → Tổ TK&VV ấp Thới Hòa" in changes[(ids["group_assessment"], created)]
    assert "Bản ghi tiến độ: – → II.2.d, Quý III/2026" in changes[(ids["task_document"], created)]
    # A field created empty is not a change worth a word ("Trích yếu: – → –").
    assert changes[(ids["task_document"], created)] == (
        "Số: – → 12; Bản ghi tiến độ: – → II.2.d, Quý III/2026; Ký hiệu: – → KH-UBND"
    )
