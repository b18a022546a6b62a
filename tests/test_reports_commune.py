"""The four reports a commune office makes, from demo data: each reads back in Vietnamese,
embeds its fonts, and prints (in the PDF and in the workbook) the very figures the
indicator services compute."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import OfficeMode
from db.models import Loan, LoanBalance
from desktop.core.database import Database
from desktop.core.demo import generate
from desktop.core.formatting import format_date
from desktop.core.funds.fund import list_contributions
from desktop.core.funds.indicators import entrusted_indicators
from desktop.core.funds.period import deposits_between, period_statement
from desktop.core.funds.statement import contributions_by_month
from desktop.core.loans.balances import BalanceInput, update_balance
from desktop.core.loans.checks import loans_not_checked
from desktop.core.loans.indicators import Dimension, indicator_table
from desktop.core.office import set_up_office, update_office
from desktop.core.owners import Scope
from desktop.core.periods import Period
from desktop.core.tasks.status import missing_for_period, task_completion
from desktop.paths import AppPaths
from desktop.reports.registry import ReportRequest
from tests.db_support import new_database
from tests.report_support import (
    Made,
    after,
    check_document,
    flat,
    make,
    money,
    pdftotext,
    percent,
    row_values,
    sheet_rows,
)

CODE = "31120"
#: The demo's "today": quarter III of 2026 is over, quarter IV runs.
TODAY = date(2026, 10, 25)
QUARTER = Period.quarter(2026, 3)
ISSUED = date(2026, 10, 5)
SIGNER = "Lê Thị Ngọc Hạnh"


def freeze_some_debt(session: Session) -> None:
    """Frozen debt on two job-creation loans at the end of quarter III, so that the overdue
    ratio and the overdue + frozen ratio differ on some rows (the small demo may have
    none)."""
    snapshots = session.execute(
        select(LoanBalance.id, LoanBalance.version, Loan.amount_disbursed)
        .join(Loan, Loan.id == LoanBalance.loan_id)
        .where(Loan.programme_code == "GQVL", LoanBalance.as_of == QUARTER.end)
        .order_by(Loan.contract_no)
        .limit(2)
    ).all()
    assert snapshots
    for balance_id, version, amount in snapshots:
        update_balance(
            session,
            balance_id,
            BalanceInput(QUARTER.end, current_amount=amount // 4, frozen_amount=amount // 2),
            expected_version=version,
            today=TODAY,
        )


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = new_database(AppPaths(tmp_path_factory.mktemp("commune")))
    with database.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code=CODE, hamlets=["Khu vực 1"])
        update_office(
            session,
            office_name="Ủy ban nhân dân phường Cái Khế",
            signer_title="TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
            signer_name=SIGNER,
        )
    with database.transaction() as session:
        generate(session, scale="small", today=TODAY)
        freeze_some_debt(session)
    yield database
    database.close()


@pytest.fixture(scope="module")
def reports(office: Database, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Made]:
    folder = tmp_path_factory.mktemp("reports")
    quarter = ReportRequest(QUARTER, None, ISSUED)
    return {
        "commune-plan": make(office, "commune-plan", quarter, folder),
        "fund": make(office, "fund", ReportRequest(Period.quarter(2026, 4), None, TODAY), folder),
        "loan-quality": make(office, "loan-quality", quarter, folder),
        "unchecked-loans": make(office, "unchecked-loans", quarter, folder),
    }


@pytest.mark.parametrize("name", ["commune-plan", "fund", "loan-quality", "unchecked-loans"])
def test_every_report_is_a_vietnamese_document(reports: dict[str, Made], name: str) -> None:
    made = reports[name]
    issued = TODAY if name == "fund" else ISSUED
    check_document(made, "Cái Khế", issued)
    if name == "fund":  # the Front's campaign: its own form, its own signer (none set here)
        head = [line.strip().split("  ")[0] for line in made.text.splitlines()[:3]]
        assert head == ["ỦY BAN MẶT TRẬN TỔ QUỐC", "VIỆT NAM", "PHƯỜNG CÁI KHẾ"]
        assert "Số:" in made.text and "/BC-MTTQ" in made.text
        assert "TM. BAN THƯỜNG TRỰC" in made.text and SIGNER not in made.text
        return
    assert "ỦY BAN NHÂN DÂN" in made.text and "PHƯỜNG CÁI KHẾ" in made.text
    assert "Số:" in made.text and "/BC-UBND" in made.text
    assert SIGNER in made.text and "CHỦ TỊCH" in made.text


def test_commune_plan_tasks(office: Database, reports: dict[str, Made]) -> None:
    made = reports["commune-plan"]
    with office.reading() as session:
        completion = task_completion(session, QUARTER, Scope.commune(CODE))
        missing = missing_for_period(session, QUARTER, CODE)
    assert (
        f"có {completion.reported}/{completion.expected} nhiệm vụ của Kế hoạch đã có báo cáo "
        f"kết quả, trong đó: {completion.completed} nhiệm vụ hoàn thành, {completion.ongoing} "
        f"nhiệm vụ thực hiện thường xuyên, {completion.in_progress} nhiệm vụ đang triển khai, "
        f"{completion.not_started} nhiệm vụ chưa triển khai; {completion.missing} nhiệm vụ chưa "
        f"có báo cáo"
    ) in made.flat
    table = made.report.tables()[0]
    assert [row[2] for row in table.rows].count("Chưa báo cáo") == len(missing)
    assert made.text.count("Chưa báo cáo") >= len(missing)
    documents = [row[4] for row in table.rows if row[4]]
    assert documents, "the demo issues documents"
    first = str(documents[0]).splitlines()[0]
    assert first.split(":")[0] in made.flat  # "158/QĐ-UBND ngày 13/08/2026"
    tasks = sheet_rows(made.xlsx, "Nhiệm vụ")
    assert tasks["II.1 (ý 1)"][1].startswith("Quán triệt")  # the plan's own numbering


def test_commune_plan_money_equals_the_services(office: Database, reports: dict[str, Made]) -> None:
    made = reports["commune-plan"]
    end = QUARTER.end
    with office.reading() as session:
        fund = period_statement(session, QUARTER.start, end, Scope.commune(CODE))
        deposits = deposits_between(session, QUARTER.start, end, Scope.commune(CODE))
        entrusted = entrusted_indicators(session, 2026, Scope.commune(CODE), until=end)
    text = after(made.text, "Thu, chi Quỹ “Vì người nghèo” quý III năm 2026")
    assert row_values(text, f"Số dư đầu kỳ (ngày {format_date(QUARTER.start)})") == [fund.opening]
    assert row_values(text, "Thu trong kỳ (tiền mặt, chuyển khoản)") == [
        fund.receipts_count,
        fund.receipts,
    ]
    assert row_values(text, "Chi hỗ trợ trong kỳ") == [fund.spending_count, fund.spending]
    assert row_values(text, f"Số dư đến ngày {format_date(end)}") == [fund.closing]
    sheet = sheet_rows(made.xlsx, "Quỹ VNN")
    assert sheet[f"Số dư đầu kỳ (ngày {format_date(QUARTER.start)})"][2] == fund.opening
    assert sheet[f"Số dư đến ngày {format_date(end)}"][2] == fund.closing
    deposits_text = after(made.text, "Huy động tiền gửi, tài trợ quý III năm 2026")
    assert row_values(deposits_text, "Tiền gửi của tổ chức, cá nhân") == [
        deposits.deposits_count,
        deposits.deposits,
    ]
    assert row_values(deposits_text, "Tổng cộng") == [
        deposits.deposits_count + deposits.sponsorship_count,
        deposits.total,
    ]
    growth = entrusted.growth
    assert growth.growth is not None
    assert row_values(made.text, "Tăng so với năm trước")[0] == percent(growth.growth)
    capital = sheet_rows(made.xlsx, "Vốn ủy thác")
    assert capital["Vốn ngân sách địa phương ủy thác năm 2026 (đến ngày 30/09/2026)"][1] == (
        growth.transferred
    )
    assert capital["Vốn ngân sách địa phương ủy thác năm 2025"][1] == growth.previous
    assert capital["Tăng so với năm trước"][2] == pytest.approx(float(growth.growth))
    assert f"chuyển sang NHCSXH {growth.transferred:,} đồng".replace(",", ".") in made.flat
    # The bank gives the year's total capital after the year: the last known share is shown.
    share_row = capital["Tỷ lệ vốn ủy thác trên tổng nguồn vốn cuối năm 2025"]
    with office.reading() as session:
        last_year = entrusted_indicators(session, 2025, Scope.commune(CODE)).share
    assert last_year.share is not None
    assert share_row[2] == pytest.approx(float(last_year.share))


def test_commune_plan_credit_equals_the_services(
    office: Database, reports: dict[str, Made]
) -> None:
    made = reports["commune-plan"]
    day = QUARTER.end
    with office.reading() as session:
        programmes = indicator_table(
            session, Dimension.PROGRAMME, owner=Scope.commune(CODE), as_of=day
        )
        unchecked = loans_not_checked(session, Scope.commune(CODE), today=day)
    total = programmes.total
    assert total.outstanding > 0 and total.loans_checked > 0
    assert total.frozen > 0 and total.overdue_ratio != total.overdue_frozen_ratio
    text = after(made.text, "Dư nợ và chất lượng tín dụng theo chương trình cho vay")
    for row in (*programmes.rows, total):
        label = "Tổng cộng" if row is total else row.label
        assert row_values(text, label) == [
            row.borrowers_with_balance,
            row.outstanding,
            row.overdue,
            percent(row.overdue_ratio),
            row.frozen,
            percent(row.overdue_frozen_ratio),
            money(row.average_per_household),
        ], label
    sheet = sheet_rows(made.xlsx, "Theo chương trình")
    assert sheet["Tổng cộng"][1:4] == (
        total.borrowers_with_balance,
        total.outstanding,
        total.overdue,
    )
    assert sheet["Tổng cộng"][4] == pytest.approx(float(total.overdue_ratio or 0))
    flat = made.flat
    assert f"đã kiểm tra việc sử dụng vốn của {total.loans_checked} khoản vay" in flat
    assert f"Còn {len(unchecked)} khoản vay" in flat
    never = sum(1 for u in unchecked if u.last_checked_on is None)
    assert f"trong đó {never} khoản vay chưa được kiểm tra lần nào" in flat


def test_fund_report_lists_the_donors(office: Database, reports: dict[str, Made]) -> None:
    made = reports["fund"]
    period = Period.quarter(2026, 4)
    with office.reading() as session:
        gifts = [
            g
            for g in list_contributions(session, Scope.commune(CODE))
            if period.contains(g.received_on)
        ]
        months = contributions_by_month(session, 2026, Scope.commune(CODE))
        fund = period_statement(session, period.start, TODAY, Scope.commune(CODE))
    assert gifts, "the demo's peak month falls in quarter IV"
    donors = [g.donor_name for g in gifts if not g.donor_name.isascii()]
    assert donors
    for donor in donors:
        assert donor in made.flat, donor
    october = next(m for m in months if m.month == 10)
    month_text = after(made.text, "theo tháng, quý IV năm 2026")
    assert row_values(month_text, "Tháng 10/2026") == [
        october.count,
        october.money,
        october.in_kind,
        october.total,
    ]
    list_text = after(made.text, "Danh sách tổ chức, cá nhân ủng hộ")
    assert row_values(list_text, "Tổng cộng") == [sum(g.amount for g in gifts)]
    sheet = sheet_rows(made.xlsx, "Quỹ VNN")
    assert sheet["Chi hỗ trợ trong kỳ"][1:] == (fund.spending_count, fund.spending)


def test_loan_quality_by_every_dimension(office: Database, reports: dict[str, Made]) -> None:
    made = reports["loan-quality"]
    day = QUARTER.end
    with office.reading() as session:
        tables = {
            dimension: indicator_table(session, dimension, owner=Scope.commune(CODE), as_of=day)
            for dimension in (
                Dimension.PROGRAMME,
                Dimension.ORGANISATION,
                Dimension.GROUP,
                Dimension.HAMLET,
            )
        }
    captions = {
        Dimension.PROGRAMME: "theo chương trình cho vay",
        Dimension.ORGANISATION: "theo tổ chức nhận ủy thác",
        Dimension.GROUP: "theo Tổ TK&VV",
        Dimension.HAMLET: "theo ấp, khu vực",
    }
    for dimension, indicators in tables.items():
        text = after(made.text, f"Dư nợ và chất lượng tín dụng {captions[dimension]}")
        total = indicators.total
        assert row_values(text, "Tổng cộng")[:3] == [
            total.borrowers_with_balance,
            total.outstanding,
            total.overdue,
        ], dimension
        for row in indicators.rows:
            if len(row.label) < 18:  # longer names wrap in their cell
                assert row_values(text, row.label)[1] == row.outstanding, row.label
    ageing = tables[Dimension.PROGRAMME].ageing
    sheet = sheet_rows(made.xlsx, "Tuổi nợ quá hạn")
    assert sheet["Trên 365 ngày"][1:3] == (ageing[3].loans, ageing[3].overdue)
    assert "Biểu đồ 1: Cơ cấu dư nợ theo chương trình cho vay" in made.text


def test_unchecked_loans_list(office: Database, reports: dict[str, Made]) -> None:
    made = reports["unchecked-loans"]
    with office.reading() as session:
        items = loans_not_checked(session, Scope.commune(CODE), today=QUARTER.end)
    assert items
    table = made.report.tables()[-1]
    assert [row[2] for row in table.rows] == [item.contract_no for item in items]
    # A long name wraps inside its cell, so the names are read in the PDF's own order (not laid
    # out as on the page, where the next column's words come between a name's lines).
    in_order = flat(pdftotext(made.pdf, layout=False))
    for item in items[:10]:
        assert item.contract_no in made.text
        assert item.borrower_name in in_order, item.borrower_name
    outstanding = sum(item.outstanding for item in items)
    assert row_values(after(made.text, "Danh sách khoản vay chưa"), "Tổng cộng") == [outstanding]
    sheet = sheet_rows(made.xlsx, "Theo ấp")
    assert sheet["Tổng cộng"][1:] == (
        len(items),
        sum(1 for item in items if item.last_checked_on is None),
        outstanding,
    )
