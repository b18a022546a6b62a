"""The statement of Quỹ "Vì người nghèo": opening balance declared once then carried forward,
money receipts, gifts in kind kept out of the balance, spending, closing — hand-computed."""

from __future__ import annotations

from datetime import date

from db.base import CITY_CODE
from db.enums import ContributionForm, DonorType
from db.models import FundContribution, FundOpeningBalance, FundSpending
from desktop.core.database import Database
from desktop.core.funds.fund import (
    ContributionInput,
    OpeningInput,
    SpendingInput,
    create_contribution,
    create_opening,
    create_spending,
    delete_contribution,
)
from desktop.core.funds.statement import (
    contributions_by_month,
    fund_statement,
    fund_statements,
    peak_campaign,
)
from desktop.core.owners import ALL_COMMUNES, CITY_OFFICE, Scope
from desktop.core.records import RecordStore

TODAY = date(2026, 11, 29)
M = 1_000_000


def give(
    db: Database,
    day: date,
    amount: int,
    form: ContributionForm = ContributionForm.TIEN_MAT,
    donor: str = "Trần Văn Bình",
) -> str:
    with db.transaction() as s:
        return create_contribution(
            s,
            ContributionInput(
                donor_name=donor,
                donor_type=DonorType.CA_NHAN,
                form=form,
                amount=amount,
                received_on=day,
                campaign_year=day.year,
                in_kind_description="Gạo" if form is ContributionForm.HIEN_VAT else "",
            ),
            today=TODAY,
        )


def grant(db: Database, day: date, amount: int) -> str:
    with db.transaction() as s:
        return create_spending(
            s,
            SpendingInput(
                recipient_name="Hộ Lê Thị Hoa",
                purpose="Hỗ trợ sửa nhà",
                amount=amount,
                spent_on=day,
            ),
            today=TODAY,
        )


def opening(db: Database, year: int, amount: int) -> str:
    with db.transaction() as s:
        return create_opening(s, OpeningInput(year=year, amount=amount))


def test_declared_opening_then_carried_forward(commune_db: Database) -> None:
    opening(commune_db, 2025, 100 * M)
    give(commune_db, date(2025, 10, 20), 30 * M)
    give(commune_db, date(2025, 11, 2), 5 * M, ContributionForm.CHUYEN_KHOAN)
    give(commune_db, date(2025, 11, 3), 8 * M, ContributionForm.HIEN_VAT)
    grant(commune_db, date(2025, 12, 1), 40 * M)
    give(commune_db, date(2026, 3, 1), 10 * M)
    grant(commune_db, date(2026, 4, 1), 60 * M)
    with commune_db.reading() as s:
        first, second = fund_statements(s, Scope.commune("31120"))
        later = fund_statement(s, 2027, Scope.commune("31120"))
    # 2025: 100 + (30 + 5) − 40 = 95; rice worth 8 triệu shown, not in the balance.
    assert (first.opening, first.receipts, first.spending, first.closing) == (
        100 * M,
        35 * M,
        40 * M,
        95 * M,
    )
    assert (first.in_kind, first.in_kind_count, first.receipts_count) == (8 * M, 1, 2)
    assert first.declared_opening == 100 * M and first.carried_forward is None
    # 2026: 95 carried forward + 10 − 60 = 45.
    assert (second.opening, second.closing) == (95 * M, 45 * M)
    assert second.carried_forward == 95 * M and second.declared_opening is None
    assert second.opening_difference is None
    # A year with no movement still carries the balance.
    assert (later.opening, later.receipts, later.closing) == (45 * M, 0, 45 * M)


def test_without_a_declared_balance_the_first_year_opens_at_zero(commune_db: Database) -> None:
    give(commune_db, date(2026, 2, 1), 3 * M)
    grant(commune_db, date(2026, 2, 5), 5 * M)
    with commune_db.reading() as s:
        statement = fund_statement(s, 2026, Scope.commune("31120"))
        before = fund_statement(s, 2020, Scope.commune("31120"))
    assert statement.opening == 0 and statement.closing == -2 * M  # shown, not hidden
    assert (before.opening, before.receipts, before.closing) == (0, 0, 0)


def test_a_later_declared_balance_restates_and_shows_the_difference(commune_db: Database) -> None:
    opening(commune_db, 2025, 50 * M)
    give(commune_db, date(2025, 5, 1), 10 * M)
    opening(commune_db, 2026, 58 * M)
    with commune_db.reading() as s:
        statement = fund_statement(s, 2026, Scope.commune("31120"))
    assert statement.carried_forward == 60 * M
    assert statement.opening == 58 * M and statement.opening_difference == -2 * M


def test_deleted_records_leave_the_statement(commune_db: Database) -> None:
    kept = give(commune_db, date(2026, 1, 10), 7 * M)
    gone = give(commune_db, date(2026, 1, 11), 9 * M)
    with commune_db.transaction() as s:
        delete_contribution(s, gone, expected_version=1)
    with commune_db.reading() as s:
        statement = fund_statement(s, 2026, Scope.commune("31120"))
    assert statement.receipts == 7 * M and statement.receipts_count == 1
    assert kept


def test_receipts_count_by_date_received_not_campaign_year(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        create_contribution(
            s,
            ContributionInput(
                donor_name="Công ty TNHH Phú Lộc",
                donor_type=DonorType.DOANH_NGHIEP,
                form=ContributionForm.CHUYEN_KHOAN,
                amount=20 * M,
                received_on=date(2026, 1, 5),
                campaign_year=2025,
            ),
            today=TODAY,
        )
    with commune_db.reading() as s:
        assert fund_statement(s, 2025, Scope.commune("31120")).receipts == 0
        assert fund_statement(s, 2026, Scope.commune("31120")).receipts == 20 * M


def test_contributions_by_month_and_peak_month(commune_db: Database) -> None:
    give(commune_db, date(2026, 10, 16), 1 * M)  # the day before the peak month
    give(commune_db, date(2026, 10, 17), 2 * M)
    give(commune_db, date(2026, 11, 18), 3 * M)
    give(commune_db, date(2026, 11, 18), 4 * M, ContributionForm.HIEN_VAT)
    give(commune_db, date(2026, 11, 19), 5 * M)  # the day after
    with commune_db.reading() as s:
        months = contributions_by_month(s, 2026, Scope.commune("31120"))
        peak = peak_campaign(s, 2026, Scope.commune("31120"))
    assert [m.month for m in months] == list(range(1, 13))
    assert (months[9].money, months[9].count) == (3 * M, 2)
    assert (months[10].money, months[10].in_kind, months[10].count) == (8 * M, 4 * M, 3)
    assert sum(m.total for m in months) == 15 * M
    assert (peak.money, peak.in_kind, peak.count) == (5 * M, 4 * M, 3)
    assert (peak.start, peak.end) == (date(2026, 10, 17), date(2026, 11, 18))


def add_as(db: Database, owner: str, model: type, **values: object) -> None:
    with db.transaction() as s:
        RecordStore(s, owner_code=owner, actor="sync").create(model, values)


def test_all_communes_sum_each_communes_own_statement(city_db: Database) -> None:
    def gift(owner: str, day: date, amount: int) -> None:
        add_as(
            city_db,
            owner,
            FundContribution,
            donor_name="Nguyễn Văn An",
            donor_type=DonorType.CA_NHAN,
            form=ContributionForm.TIEN_MAT,
            amount=amount,
            received_on=day,
            campaign_year=day.year,
        )

    add_as(city_db, "31120", FundOpeningBalance, year=2025, amount=10 * M)
    gift("31120", date(2025, 6, 1), 5 * M)
    add_as(city_db, "31150", FundOpeningBalance, year=2026, amount=20 * M)
    add_as(
        city_db,
        "31150",
        FundSpending,
        recipient_name="Hộ Phan Văn Tư",
        purpose="Hỗ trợ",
        amount=4 * M,
        spent_on=date(2026, 3, 1),
    )
    add_as(city_db, CITY_CODE, FundOpeningBalance, year=2026, amount=999 * M)
    with city_db.reading() as s:
        all_2025 = fund_statement(s, 2025, ALL_COMMUNES)
        all_2026 = fund_statement(s, 2026, ALL_COMMUNES)
        city_2026 = fund_statement(s, 2026, CITY_OFFICE)
    assert (all_2025.opening, all_2025.closing) == (10 * M, 15 * M)
    # 31120 carries 15 forward; 31150 declares 20 and spends 4 → 15 + 16 = 31.
    assert (all_2026.opening, all_2026.spending, all_2026.closing) == (35 * M, 4 * M, 31 * M)
    assert city_2026.opening == 999 * M
