"""A commune's reports for a quarter, a half-year and a year, from the hand-made data of
``report_period_data.py``: every figure is the period's, counts only records dated on or
before the cut-off (the period's end, or the document's date while the period runs), and
is checked in the PDF's text and in the workbook against answers worked out by hand."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from db.enums import OfficeMode
from desktop.core.database import Database
from desktop.core.issuers import Body, set_signer
from desktop.core.office import current_office, set_up_office, update_office
from desktop.core.periods import Period
from desktop.paths import AppPaths
from desktop.reports.registry import ReportRequest
from tests import report_period_data
from tests.db_support import new_database
from tests.report_support import Made, after, check_document, make, row_values, sheet_rows

CODE = "31120"
M = 1_000_000
Q1 = Period.quarter(2026, 1)
Q2 = Period.quarter(2026, 2)
Q3 = Period.quarter(2026, 3)
H1 = Period.half(2026, 1)
YEAR = Period.whole_year(2026)
PROGRAMMES = (
    "Hộ nghèo",
    "Hộ cận nghèo",
    "Hộ mới thoát nghèo",
    "NS&VSMT",
    "Nhà ở xã hội",
)
ORGANISATIONS = ("Hội Nông dân", "Hội Phụ nữ", "Hội Cựu chiến binh", "Đoàn Thanh niên")


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = new_database(AppPaths(tmp_path_factory.mktemp("periods")))
    with database.transaction() as session:
        set_up_office(
            session, OfficeMode.COMMUNE, commune_code=CODE, hamlets=["Khu vực 1", "Khu vực 2"]
        )
        update_office(
            session,
            office_name="Ủy ban nhân dân phường Cái Khế",
            signer_title="TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
            signer_name="Lê Thị Ngọc Hạnh",
        )
        # The fund's reports are the Fatherland Front committee's: its chair signs them.
        office = current_office(session)
        assert office is not None
        set_signer(session, office, Body.MTTQ, title="Chủ tịch", name="Lê Thị Ngọc Hạnh")
    report_period_data.fill(database)
    yield database
    database.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("period-reports")


REQUESTS = {
    "q1": ReportRequest(Q1, None, date(2026, 4, 5)),
    "q2": ReportRequest(Q2, None, date(2026, 7, 10)),
    "h1": ReportRequest(H1, None, date(2026, 7, 10)),
    "q3": ReportRequest(Q3, None, date(2026, 10, 5)),
    "year": ReportRequest(YEAR, None, date(2026, 10, 20)),
    "year-end": ReportRequest(YEAR, None, date(2027, 1, 15)),
}


@pytest.fixture(scope="module")
def plans(office: Database, folder: Path) -> dict[str, Made]:
    out = {}
    for key, request in REQUESTS.items():
        sub = folder / key
        sub.mkdir()
        out[key] = make(office, "commune-plan", request, sub)
    return out


def test_each_report_is_a_document(plans: dict[str, Made]) -> None:
    for key, made in plans.items():
        check_document(made, "Cái Khế", REQUESTS[key].issued_on)


def test_the_document_says_when_its_figures_stop(plans: dict[str, Made]) -> None:
    assert "Số liệu tính đến ngày 31/03/2026" in plans["q1"].flat
    assert "Số liệu tính đến ngày 30/06/2026" in plans["q2"].flat
    assert "Số liệu tính đến ngày 30/06/2026" in plans["h1"].flat
    assert "Số liệu tính đến ngày 30/09/2026" in plans["q3"].flat
    # The year runs: its figures stop at the document's date.
    assert "Số liệu tính đến ngày 20/10/2026" in plans["year"].flat
    assert "Số liệu tính đến ngày 31/12/2026" in plans["year-end"].flat


def fund_rows(made: Made) -> dict[str, list[int | Decimal | None]]:
    text = after(made.text, "Thu, chi Quỹ “Vì người nghèo”")
    found = {}
    for label in (
        "Số dư đầu năm",
        "Số dư đầu kỳ",
        "Thu trong kỳ (tiền mặt, chuyển khoản)",
        "Thu trong năm (tiền mặt, chuyển khoản)",
        "Chi hỗ trợ trong kỳ",
        "Chi hỗ trợ trong năm",
    ):
        with contextlib.suppress(AssertionError):
            found[label] = row_values(text, label)
    return found


def test_a_quarter_gives_the_fund_of_the_quarter(plans: dict[str, Made]) -> None:
    made = plans["q2"]
    rows = fund_rows(made)
    # 10 opening + 1 + 2 received in Q1 = 13 on 01/04.
    assert row_values(after(made.text, "Thu, chi Quỹ"), "Số dư đầu kỳ (ngày 01/04/2026)") == [
        13 * M
    ]
    assert rows["Thu trong kỳ (tiền mặt, chuyển khoản)"] == [2, 12 * M]
    assert rows["Chi hỗ trợ trong kỳ"] == [1, 5 * M]
    assert row_values(after(made.text, "Thu, chi Quỹ"), "Số dư đến ngày 30/06/2026") == [20 * M]
    assert (
        "Quý II năm 2026, Quỹ “Vì người nghèo” tiếp nhận 2 lượt ủng hộ bằng tiền với tổng số "
        "12.000.000 đồng"
    ) in made.flat
    sheet = sheet_rows(made.xlsx, "Quỹ VNN")
    assert sheet["Số dư đầu kỳ (ngày 01/04/2026)"][2] == 13 * M
    assert sheet["Thu trong kỳ (tiền mặt, chuyển khoản)"][1:] == (2, 12 * M)
    assert sheet["Số dư đến ngày 30/06/2026"][2] == 20 * M
    assert sheet["Ủng hộ bằng hiện vật, công trình (giá trị quy đổi, không tính vào số dư)"][
        1:
    ] == (1, 3 * M)


def test_a_half_year_gives_the_fund_of_the_half(plans: dict[str, Made]) -> None:
    made = plans["h1"]
    rows = fund_rows(made)
    assert rows["Số dư đầu năm"] == [10 * M]
    assert rows["Thu trong kỳ (tiền mặt, chuyển khoản)"] == [4, 15 * M]
    assert rows["Chi hỗ trợ trong kỳ"] == [1, 5 * M]
    sheet = sheet_rows(made.xlsx, "Quỹ VNN")
    assert sheet["Số dư đến ngày 30/06/2026"][2] == 20 * M
    # 24 gifts of the whole year as of the day it is printed would be the old mistake.
    assert "24 lượt" not in made.flat


def test_a_running_year_stops_at_the_documents_date(plans: dict[str, Made]) -> None:
    made = plans["year"]
    rows = fund_rows(made)
    assert rows["Số dư đầu năm"] == [10 * M]
    # 1 + 2 + 4 + 8 + 16: the gift of 21/10 comes after the document's date.
    assert rows["Thu trong năm (tiền mặt, chuyển khoản)"] == [5, 31 * M]
    assert rows["Chi hỗ trợ trong năm"] == [2, 6_500_000]
    sheet = sheet_rows(made.xlsx, "Quỹ VNN")
    assert sheet["Số dư đến ngày 20/10/2026"][2] == 34_500_000
    # Deposits: the sponsorship of 05/11 is not there yet.
    deposits = sheet_rows(made.xlsx, "Tiền gửi, tài trợ")
    assert deposits["Tiền gửi của tổ chức, cá nhân"][1:] == (1, 50 * M)
    assert deposits["Tiền tài trợ"][1:] == (0, 0)


def test_a_past_year_printed_later_has_the_whole_year(plans: dict[str, Made]) -> None:
    made = plans["year-end"]
    rows = fund_rows(made)
    assert rows["Thu trong năm (tiền mặt, chuyển khoản)"] == [6, 63 * M]
    assert rows["Chi hỗ trợ trong năm"] == [3, 7_200_000]
    sheet = sheet_rows(made.xlsx, "Quỹ VNN")
    assert sheet["Số dư cuối năm 2026"][2] == 65_800_000


def test_printing_a_past_period_again_gives_the_same_figures(
    office: Database, folder: Path, plans: dict[str, Made]
) -> None:
    again = folder / "again"
    again.mkdir()
    made = make(office, "commune-plan", REQUESTS["q3"], again)
    assert made.report.tables() == plans["q3"].report.tables()


def credit_total(made: Made) -> list[int | Decimal | None]:
    text = after(made.text, "Dư nợ và chất lượng tín dụng theo chương trình cho vay")
    return row_values(text, "Tổng cộng")


def test_no_balance_list_by_the_cut_off_is_no_data_not_zero(plans: dict[str, Made]) -> None:
    made = plans["q1"]
    assert "Chưa có số liệu dư nợ đến ngày 31/03/2026" in made.flat
    assert "không có khoản vay nào còn dư nợ" not in made.flat
    table = next(t for t in made.report.tables() if t.sheet == "Theo chương trình")
    labels = [row[0] for row in table.rows]
    for programme in PROGRAMMES:
        assert programme in labels
    assert all(cell is None for row in table.rows for cell in row[1:])
    text = after(made.text, "Dư nợ và chất lượng tín dụng theo tổ chức nhận ủy thác")
    for organisation in ORGANISATIONS:
        assert row_values(text, organisation) == [None] * 7
    sheet = sheet_rows(made.xlsx, "Theo tổ chức")
    assert sheet["Hội Cựu chiến binh"][1:3] == (None, None)


def test_the_balance_list_of_the_last_day_counts(plans: dict[str, Made]) -> None:
    q2 = plans["q2"]
    # 35 + 5 (L1) + 30 (L2) on 30/06; 5 overdue = 7,14 %.
    assert credit_total(q2) == [2, 70 * M, 5 * M, Decimal("7.14"), 0, Decimal("7.14"), 35 * M]
    assert "theo số dư ghi nhận ngày 30/06/2026" in q2.flat
    # Quarter III: the list of 30/09, not that of 01/10.
    assert credit_total(plans["q3"])[:3] == [2, 63 * M, 0]
    # The running year: the list of 01/10 for L1 (10) and of 30/09 for L2 (28).
    assert credit_total(plans["year"])[:3] == [2, 38 * M, 0]
    sheet = sheet_rows(plans["q3"].xlsx, "Theo chương trình")
    assert sheet["Hộ nghèo"][1:3] == (1, 35 * M)
    assert sheet["Hộ cận nghèo"][1:3] == (0, 0)  # a programme without loans: zeros
    assert sheet["Tổng cộng"][2] == 63 * M


def test_checks_counted_up_to_the_cut_off(plans: dict[str, Made]) -> None:
    assert "từ ngày 01/01/2026 đến ngày 30/09/2026, đã kiểm tra việc sử dụng vốn của 1 khoản" in (
        plans["q3"].flat
    )
    assert "từ ngày 01/01/2026 đến ngày 20/10/2026, đã kiểm tra việc sử dụng vốn của 2 khoản" in (
        plans["year"].flat
    )


def task_row(made: Made) -> tuple[object, ...]:
    return sheet_rows(made.xlsx, "Nhiệm vụ")["II.1 (ý 1)"]


def test_a_half_year_has_only_its_own_quarters(plans: dict[str, Made]) -> None:
    row = task_row(plans["h1"])
    assert row[2] == "Đang triển khai (50 %)\n(quý I năm 2026)"
    assert row[4] == "12/KH-UBND ngày 20/02/2026: Kế hoạch quán triệt Chỉ thị 39"


def test_a_quarter_cites_the_documents_issued_by_its_end(plans: dict[str, Made]) -> None:
    row = task_row(plans["q3"])
    assert row[2] == "Hoàn thành"
    assert row[4] == "45/QĐ-UBND ngày 15/08/2026: Kiện toàn tổ tuyên truyền"
    assert "7/TB-UBND" not in plans["q3"].text


def test_a_year_gathers_every_period(plans: dict[str, Made]) -> None:
    made = plans["year"]
    row = task_row(made)
    assert row[2] == "Hoàn thành\n(quý III năm 2026)"
    results = str(row[3])
    assert "Quý I năm 2026: Tổ chức hội nghị quán triệt Chỉ thị 39 cho cán bộ chủ chốt." in results
    assert "Quý III năm 2026: Hoàn thành quán triệt đến 100 % chi bộ khu vực." in results
    documents = str(row[4]).splitlines()
    assert documents == [
        "12/KH-UBND ngày 20/02/2026: Kế hoạch quán triệt Chỉ thị 39",
        "45/QĐ-UBND ngày 15/08/2026: Kiện toàn tổ tuyên truyền",
        "7/TB-UBND ngày 02/10/2026: Thông báo kết quả quán triệt",
    ]
    for document in ("12/KH-UBND", "45/QĐ-UBND", "7/TB-UBND"):
        assert document in made.text
    assert "Đề nghị tập huấn nghiệp vụ cho tổ trưởng Tổ TK&VV" in made.flat


def test_entrusted_capital_as_of_the_documents_date(plans: dict[str, Made]) -> None:
    made = plans["year"]
    sheet = sheet_rows(made.xlsx, "Vốn ủy thác")
    assert sheet["Vốn ngân sách địa phương ủy thác năm 2025"][1] == 100 * M
    # 90 moved in March; the 40 of 15/11 after the document's date.
    assert sheet["Vốn ngân sách địa phương ủy thác năm 2026 (đến ngày 20/10/2026)"][1] == 90 * M
    assert sheet["Tăng so với năm trước"][2] == pytest.approx(-0.1)
    assert sheet["Tăng so với năm trước"][4] == "Chưa đạt"
    assert sheet["Số còn thiếu để đạt mức tăng"][1] == 30 * M
    assert sheet["Tỷ lệ vốn ủy thác trên tổng nguồn vốn cuối năm 2025"][2] == pytest.approx(0.15)
    # (20 % × 2.000 − 300) ÷ 0,8 = 125 triệu, not 20 % × 2.000 − 300 = 100.
    assert sheet["Số còn thiếu để đạt 20 % tổng nguồn vốn"][1] == 125 * M
    assert sheet["Mức phải đạt cuối năm 2026 theo lộ trình"][2] == pytest.approx(0.16)
    # (16 % × 2.000 − 300) ÷ 0,84 = 23,809… triệu, rounded up.
    assert sheet["Số còn thiếu để đạt mức của lộ trình năm 2026"][1] == 23_809_524
    assert "125.000.000" in made.text and "100.000.000 đồng để đạt 20 %" not in made.flat


def test_the_path_to_twenty_percent_is_shown_and_its_rule_stated(plans: dict[str, Made]) -> None:
    made = plans["year"]
    path = sheet_rows(made.xlsx, "Lộ trình 20 %")
    for year, share in ((2026, 0.16), (2027, 0.17), (2028, 0.18), (2029, 0.19), (2030, 0.20)):
        assert path[f"Năm {year}"][1] == pytest.approx(share), year
    text = after(made.text, "Lộ trình đạt 20 % tổng nguồn vốn đến năm 2030")
    assert row_values(text, "Năm 2027")[0] == Decimal("17.00")
    assert "đường thẳng từ tỷ lệ cuối năm 2025 (15,00 %) đến 20 % vào cuối năm 2030" in made.flat


@pytest.fixture(scope="module")
def others(office: Database, folder: Path) -> dict[str, Made]:
    out = {}
    for key, name, request in (
        ("fund-h1", "fund", REQUESTS["h1"]),
        ("fund-year", "fund", REQUESTS["year"]),
        ("unchecked-q3", "unchecked-loans", REQUESTS["q3"]),
        ("unchecked-q1", "unchecked-loans", REQUESTS["q1"]),
        ("quality-q1", "loan-quality", REQUESTS["q1"]),
        ("quality-q3", "loan-quality", REQUESTS["q3"]),
    ):
        sub = folder / key
        sub.mkdir()
        out[key] = make(office, name, request, sub)
    return out


def test_fund_report_of_a_half_year(others: dict[str, Made]) -> None:
    made = others["fund-h1"]
    check_document(made, "Cái Khế", REQUESTS["h1"].issued_on)
    months = after(made.text, "Tiếp nhận ủng hộ Quỹ “Vì người nghèo” theo tháng")
    assert row_values(months, "Tháng 3/2026") == [2, 3 * M, 0, 3 * M]
    assert row_values(months, "Tháng 5/2026") == [1, 0, 3 * M, 3 * M]
    assert row_values(months, "Tổng cộng") == [5, 15 * M, 3 * M, 18 * M]
    assert "Tháng 7/2026" not in months
    by_donor = sheet_rows(made.xlsx, "Theo đối tượng")
    assert by_donor["Cá nhân"][1:] == (5, 15 * M, 3 * M, 18 * M)
    assert by_donor["Doanh nghiệp"][1:] == (0, 0, 0, 0)


def test_named_lists_go_after_the_signature(others: dict[str, Made]) -> None:
    made = others["fund-h1"]
    signature = made.text.index("Lê Thị Ngọc Hạnh")
    appendix = made.text.index("PHỤ LỤC")
    assert signature < appendix
    assert made.text.index("Nhà hảo tâm ngày 31/03") > appendix
    assert made.text.index("Hộ Trần Văn Mười") > appendix
    assert "Nhà hảo tâm ngày 01/07" not in made.text  # the gift of 01/07 is in H2
    gifts = sheet_rows(made.xlsx, "Danh sách ủng hộ", key=2)
    assert gifts["Nhà hảo tâm ngày 30/06"][6] == 8 * M


def test_fund_report_of_a_running_year(others: dict[str, Made]) -> None:
    made = others["fund-year"]
    assert "Nhà hảo tâm ngày 21/10" not in made.text
    assert "Hộ Phạm Văn Út" not in made.text
    months = after(made.text, "Tiếp nhận ủng hộ Quỹ “Vì người nghèo” theo tháng")
    assert row_values(months, "Tháng 10/2026") == [0, 0, 0, 0]
    assert "Tháng 11/2026" not in months


def test_unchecked_loans_body_counts_and_appendix_names(others: dict[str, Made]) -> None:
    made = others["unchecked-q3"]
    body = made.text[: made.text.index("Lê Thị Ngọc Hạnh")]
    assert "Trần Thị Bình" not in body
    assert row_values(after(body, "theo ấp, khu vực"), "Khu vực 2") == [1, 1, 28 * M]
    assert row_values(after(body, "theo ấp, khu vực"), "Khu vực 1") == [0, 0, 0]
    appendix = made.text[made.text.index("PHỤ LỤC") :]
    assert "Trần Thị Bình" in appendix and "HD-002" in appendix
    assert "Nguyễn Văn An" not in appendix  # checked on 31/03/2026
    listing = sheet_rows(made.xlsx, "Danh sách", key=1)
    assert listing["Trần Thị Bình"][2] == "HD-002" and listing["Trần Thị Bình"][7] == 28 * M


def test_unchecked_loans_without_balances(others: dict[str, Made]) -> None:
    made = others["unchecked-q1"]
    assert "Chưa có số liệu dư nợ đến ngày 31/03/2026" in made.flat


def test_loan_quality_without_balances_lists_the_catalogue(others: dict[str, Made]) -> None:
    made = others["quality-q1"]
    assert "Chưa có số liệu dư nợ đến ngày 31/03/2026" in made.flat
    assert "không có khoản vay nào còn dư nợ" not in made.flat
    text = after(made.text, "Dư nợ và chất lượng tín dụng theo chương trình cho vay")
    assert row_values(text, "Hộ nghèo") == [None] * 7
    quality = others["quality-q3"]
    sheet = sheet_rows(quality.xlsx, "Theo tổ chức")
    assert sheet["Hội Nông dân"][1:3] == (1, 35 * M)
    assert sheet["Đoàn Thanh niên"][1:3] == (0, 0)


def test_numbers_never_overflow_their_column() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.reports.model import Column, Table
    from desktop.reports.pdf import fonts
    from desktop.reports.pdf.render import FRAME_WIDTH, TABLE_SIZE, fit_numbers
    from desktop.reports.pdf.styles import Styles
    from desktop.reports.xlsx_table import CellKind

    Styles()  # registers the fonts
    table = Table(
        "",
        "t",
        [Column("Tên", weight=6), Column("Số tiền", CellKind.MONEY, 0.4)],
        [("Phường Cái Khế", 1_000)],
        totals=[("Tổng cộng", 17_590_000_000_000)],
    )
    widths = fit_numbers(table, [FRAME_WIDTH * 6 / 6.4, FRAME_WIDTH * 0.4 / 6.4], TABLE_SIZE)
    assert widths[1] >= stringWidth("17.590.000.000.000", fonts.BOLD, TABLE_SIZE) + 6
    assert sum(widths) == pytest.approx(FRAME_WIDTH)
