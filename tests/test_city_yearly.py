"""The Ban Thường vụ Thành ủy's yearly report (``city-yearly``, issue 16) made from real sync
files of two hand-made communes and the city office's own records, over two years, with
every figure worked out by hand and read back from the PDF text, the workbook and the Word
draft — each beside the same day of the year before, and the whole year's estimate by the
rule or as entered.

The report is made on 20/10/2026 (D); the day before it is compared with is 20/10/2025 (B).
Amounts in triệu đồng (M).

Phường Cái Khế (31120): the commune of ``report_period_data.py`` (loans L1 HN/Hội Nông dân,
L2 GQVL/Hội Phụ nữ disbursed in 2026: on D L1 10, L2 28 outstanding; fund gifts of 31 by D;
a deposit of 50 on 20/05/2026; the commune budget entrusted 100 on 15/03/2025 and 90 on
10/03/2026; a proposal on II.1.a Q3/2026), plus dissemination on II.1.b: Q2/2025 2 sessions,
150 people; Q2/2026 3 sessions, 240 people.

Phường An Bình (31150):
    group AB1 (Hội Nông dân): graded tốt in 2025 (25 members, savings 15), khá in 2026 (27
    members, savings 18);
    L3 Lê Văn Cường, HN, Hội Nông dân, disbursed 10/03/2025, 40: balances 30/09/2025 40;
    31/12/2025 36; 30/09/2026 30 current + 2 overdue; checked 15/06/2025 (as intended) and
    20/05/2026 (partly);
    L4 Đỗ Thị Dung, GQVL, Hội Phụ nữ, disbursed 05/05/2026, 60: balance 30/09/2026 60;
    budget entrusted 200 on 01/04/2025 and 260 on 01/06/2026; a gift of 5 on 01/02/2026;
    dissemination on II.1.a: Q1/2025 4 sessions, 300 people; Q1/2026 5 sessions, 400 people;
    a difficulty on II.4.a Q2/2026.

The city office: its budget entrusted 300 on 15/03/2025; the branch's total capital at the
end of 2024 15.000 (central 11.000, entrusted 2.200, mobilised 1.500) and of 2025 17.590
(central 12.915, entrusted 2.675, mobilised 1.800); its own progress: II.1.a Q2/2026 (2
sessions, 500 people), II.4.a Q2/2026 in progress with a document and a difficulty; its
assessment of 2026 (texts; dissemination estimated by the rule; lending entered: 200 lent to
4 households, repayment not estimated).

Worked out: dissemination by D 3 + 5 + 2 = 10 sessions, 240 + 400 + 500 = 1.140 people (B:
2 + 4 = 6, 150 + 300 = 450); by the rule (× 365 ÷ 293) 12 and 1.420. Lent by D: L1 50, L2
30, L4 60 = 140 to 3 households (B: L3 40, 1 household); repaid by D: L1 50 → 10, L2 30 →
28, L3 36 → 32, L4 60 → 60: 40 + 2 + 4 = 46 (B: 0). Outstanding on D 10 + 28 + 32 + 60 =
130, overdue 2 (1,54 %); on B 40. By programme on D: HN 42 (overdue 2: 4,76 %), GQVL 88;
on B: HN 40. Resources by D: entrusted 90 + 260 = 350 (B: 100 + 200 + 300 = 600),
deposits 50 (B: 0), funds 31 + 5 = 36 (B: 0). Loans checked in 2026 by D: L1, L2 (as
intended), L3 (partly): 3, 66,67 %; in 2025 by B: L3, 100 %. Total capital +2.590
(17,27 %). Groups: 2025 1 tốt (25, 15,00); 2026 1 khá (27, 18,00); 3 active.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from db.enums import (
    CheckerKind,
    CheckResult,
    GroupGrade,
    GroupStatus,
    PeriodKind,
    SourceLevel,
    TaskStatus,
)
from desktop.core.database import Database
from desktop.core.funds.capital import CapitalInput, TransferInput, create_capital, create_transfer
from desktop.core.funds.fund import create_contribution
from desktop.core.loans.balances import BalanceInput, add_balance
from desktop.core.loans.borrowers import BorrowerInput, create_borrower
from desktop.core.loans.checks import CheckInput, create_check
from desktop.core.loans.groups import AssessmentInput, GroupInput, add_assessment, create_group
from desktop.core.loans.loans import LoanInput, create_loan
from desktop.core.office import list_hamlets, update_office
from desktop.core.periods import Period
from desktop.core.tasks.progress import DocumentInput, ProgressInput, create_progress
from desktop.core.yearly.review import ReviewInput, create_review
from desktop.reports.registry import ReportRequest
from desktop.sync.importer import Status
from tests import report_period_data
from tests.pg_server import PgServer
from tests.report_period_data import gift
from tests.report_support import Made, after, check_document, make, row_values, sheet_rows
from tests.sync_support import World, template_db

M = 1_000_000
B = 1_000 * M  # a billion đồng (tỷ)
TODAY = date(2026, 12, 31)
ISSUED = date(2026, 10, 20)
YEAR = Period.whole_year(2026)
CAI_KHE, AN_BINH = "31120", "31150"


def progress(db: Database, code: str, year: int, quarter: int, **more: object) -> None:
    values: dict[str, object] = {
        "plan_task_code": code,
        "period_kind": PeriodKind.QUARTER,
        "year": year,
        "period_no": quarter,
        "status": TaskStatus.HOAN_THANH,
        "achievements": "Tổ chức hội nghị quán triệt Chỉ thị 39.",
    }
    values.update(more)
    with db.transaction() as s:
        create_progress(s, ProgressInput(**values), today=TODAY)  # type: ignore[arg-type]


def cai_khe(db: Database) -> None:
    report_period_data.fill(db)
    progress(db, "II.1.b", 2025, 2, sessions_held=2, participants=150)
    progress(db, "II.1.b", 2026, 2, sessions_held=3, participants=240)


def an_binh(db: Database) -> None:
    with db.reading() as s:
        hamlet = list_hamlets(s)[0].id
    with db.transaction() as s:
        group = create_group(
            s,
            GroupInput(
                code="AB1",
                name="Tổ Hội Nông dân KV1",
                hamlet_id=hamlet,
                organisation_code="HND",
                status=GroupStatus.ACTIVE,
            ),
        )
        for year, grade, members, savings in (
            (2025, GroupGrade.TOT, 25, 15 * M),
            (2026, GroupGrade.KHA, 27, 18 * M),
        ):
            add_assessment(s, group, AssessmentInput(year, grade, members, savings))
        cuong = create_borrower(
            s, BorrowerInput(full_name="Lê Văn Cường", hamlet_id=hamlet, group_id=group)
        )
        dung = create_borrower(s, BorrowerInput(full_name="Đỗ Thị Dung", hamlet_id=hamlet))
        l3 = create_loan(
            s, LoanInput(cuong, "HN", 40 * M, date(2025, 3, 10), "HND", group, contract_no="AB-3")
        )
        l4 = create_loan(
            s, LoanInput(dung, "GQVL", 60 * M, date(2026, 5, 5), "HPN", contract_no="AB-4")
        )
    with db.transaction() as s:
        for loan, day, current, overdue in (
            (l3, date(2025, 9, 30), 40 * M, 0),
            (l3, date(2025, 12, 31), 36 * M, 0),
            (l3, date(2026, 9, 30), 30 * M, 2 * M),
            (l4, date(2026, 9, 30), 60 * M, 0),
        ):
            add_balance(
                s,
                loan,
                BalanceInput(
                    as_of=day,
                    current_amount=current,
                    overdue_amount=overdue,
                    overdue_since=date(2026, 8, 1) if overdue else None,
                ),
                today=TODAY,
            )
        for day, result in (
            (date(2025, 6, 15), CheckResult.DUNG_MUC_DICH),
            (date(2026, 5, 20), CheckResult.MOT_PHAN),
        ):
            create_check(
                s,
                CheckInput(
                    loan_id=l3, checked_on=day, checker_kind=CheckerKind.ORGANISATION, result=result
                ),
                today=TODAY,
            )
        for year, amount, moved in (
            (2025, 200 * M, date(2025, 4, 1)),
            (2026, 260 * M, date(2026, 6, 1)),
        ):
            create_transfer(
                s,
                TransferInput(
                    year=year, source_level=SourceLevel.XA, amount=amount, transferred_on=moved
                ),
                today=TODAY,
            )
        create_contribution(s, gift(date(2026, 2, 1), 5 * M), today=TODAY)
    progress(db, "II.1.a", 2025, 1, sessions_held=4, participants=300)
    progress(db, "II.1.a", 2026, 1, sessions_held=5, participants=400)
    progress(
        db,
        "II.4.a",
        2026,
        2,
        status=TaskStatus.DANG_TRIEN_KHAI,
        achievements="Đề nghị bố trí vốn ủy thác.",
        difficulties="Ngân sách xã còn hạn hẹp.",
    )


def city_office(db: Database) -> None:
    with db.transaction() as s:
        update_office(
            s,
            office_name="Ủy ban nhân dân thành phố Cần Thơ",
            signer_title="TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
            signer_name="Trần Văn Lâm",
        )
        create_transfer(
            s,
            TransferInput(
                year=2025,
                source_level=SourceLevel.THANH_PHO,
                amount=300 * M,
                transferred_on=date(2025, 3, 15),
            ),
            today=TODAY,
        )
        for year, total, central, entrusted, mobilised in (
            (2024, 15_000, 11_000, 2_200, 1_500),
            (2025, 17_590, 12_915, 2_675, 1_800),
        ):
            create_capital(
                s,
                CapitalInput(
                    year,
                    total * M,
                    entrusted * M,
                    as_of=date(year, 12, 31),
                    central_amount=central * M,
                    mobilised_amount=mobilised * M,
                ),
                today=TODAY,
            )
    progress(
        db,
        "II.1.a",
        2026,
        2,
        achievements="Hội nghị quán triệt Chỉ thị 39 cho cán bộ chủ chốt thành phố.",
        sessions_held=2,
        participants=500,
    )
    progress(
        db,
        "II.4.a",
        2026,
        2,
        status=TaskStatus.DANG_TRIEN_KHAI,
        percent=50,
        achievements="Trình Hội đồng nhân dân bố trí vốn ngân sách ủy thác năm 2027.",
        difficulties="Ngân sách thành phố còn khó khăn.",
        documents=(
            DocumentInput(
                number="15",
                symbol="TTr-UBND",
                issued_on=date(2026, 6, 10),
                summary="Tờ trình bố trí vốn ủy thác",
            ),
        ),
    )


REVIEW = ReviewInput(
    year=2026,
    strengths="Cấp ủy, chính quyền các cấp quan tâm lãnh đạo, chỉ đạo.\nMTTQ tích cực vận động.",
    shortcomings="Vốn ngân sách địa phương ủy thác chưa đạt mục tiêu tăng 20 %.",
    causes="Ngân sách địa phương còn hạn hẹp.",
    lessons="Phát huy vai trò người đứng đầu.",
    directions="Bố trí vốn ngân sách ủy thác năm 2027 tăng tối thiểu 20 %.",
    proposals="Đề nghị Trung ương bổ sung nguồn vốn cho vay nhà ở xã hội.",
    dissemination_by_rule=True,
    disbursed_estimate_amount=200 * M,
    households_estimate=4,
)


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, module_engine: str, module_server: PgServer | None
) -> Iterator[World]:
    """The city on SQLite, then on PostgreSQL (issue 17): every test here runs on both."""
    made = World.make(
        tmp_path_factory.mktemp("yearly"), template_db(), module_engine, module_server
    )
    city_office(made.city)
    for code, fill in ((CAI_KHE, cai_khe), (AN_BINH, an_binh)):
        commune = made.commune(code, hamlets=("Khu vực 1", "Khu vực 2"))
        fill(commune)
        assert made.import_file(made.export(commune, full=True).path).status is Status.APPLIED
        commune.close()
    yield made
    made.close()


@pytest.fixture(scope="module")
def bare(world: World, tmp_path_factory: pytest.TempPathFactory) -> Made:
    """Made before the city wrote its assessment."""
    return make(
        world.city, "city-yearly", ReportRequest(YEAR, None, ISSUED), tmp_path_factory.mktemp("b")
    )


@pytest.fixture(scope="module")
def yearly(world: World, bare: Made, tmp_path_factory: pytest.TempPathFactory) -> Made:
    with world.city.transaction() as s:
        create_review(s, REVIEW)
    return make(
        world.city, "city-yearly", ReportRequest(YEAR, None, ISSUED), tmp_path_factory.mktemp("y")
    )


@pytest.fixture(scope="module")
def after_the_year(world: World, yearly: Made, tmp_path_factory: pytest.TempPathFactory) -> Made:
    request = ReportRequest(YEAR, None, date(2027, 1, 15))
    return make(world.city, "city-yearly", request, tmp_path_factory.mktemp("a"))


def d(value: str) -> Decimal:
    return Decimal(value)


def test_the_draft_is_the_standing_committees_document(yearly: Made, bare: Made) -> None:
    for made in (yearly, bare):
        check_document(made, "Cần Thơ", ISSUED)  # PDF, workbook and Word draft agree
    text = yearly.flat
    assert text.startswith("THÀNH ỦY CẦN THƠ") and "T/M BAN THƯỜNG VỤ" in text
    order = [
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Công tác lãnh đạo, chỉ đạo, phổ biến, quán triệt, tuyên truyền (mục II.1",
        "2. Phát huy vai trò của cấp ủy",
        "3. Rà soát, đề xuất hoàn thiện cơ chế",
        "4. Bố trí cơ sở vật chất",
        "5. Hoạt động của Ngân hàng Chính sách xã hội",
        "6. Khuyến khích sự tham gia của cộng đồng",
        "7. Tổ chức thực hiện và kết quả thực hiện nhiệm vụ",
        "II. ĐÁNH GIÁ CHUNG",
        "1. Ưu điểm",
        "2. Hạn chế",
        "3. Nguyên nhân",
        "4. Bài học kinh nghiệm",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "Nơi nhận:",
        "PHỤ LỤC 1",
        "PHỤ LỤC 2",
        "PHỤ LỤC 3",
    ]
    places = [text.index(heading) for heading in order]
    assert places == sorted(places)
    assert "toàn thành phố" not in text.lower()
    assert "Số liệu của 2/103 xã, phường" in text


def test_the_citys_own_texts_and_what_is_not_written(yearly: Made, bare: Made) -> None:
    text = yearly.flat
    part_two = text[text.index("II. ĐÁNH GIÁ CHUNG") : text.index("Nơi nhận:")]
    for written in (
        "Cấp ủy, chính quyền các cấp quan tâm lãnh đạo, chỉ đạo. MTTQ tích cực vận động.",
        "Vốn ngân sách địa phương ủy thác chưa đạt mục tiêu tăng 20 %.",
        "Ngân sách địa phương còn hạn hẹp.",
        "Phát huy vai trò người đứng đầu.",
        "Bố trí vốn ngân sách ủy thác năm 2027 tăng tối thiểu 20 %.",
        "Đề nghị Trung ương bổ sung nguồn vốn cho vay nhà ở xã hội.",
    ):
        assert written in part_two, written
    assert "Chưa soạn" not in part_two
    empty = bare.flat[bare.flat.index("II. ĐÁNH GIÁ CHUNG") : bare.flat.index("Nơi nhận:")]
    assert empty.count("(Chưa soạn nội dung này.)") == 6
    assert "nút “Đánh giá năm…”" in empty


def test_dissemination_beside_the_year_before_with_the_rules_estimate(yearly: Made) -> None:
    text = yearly.flat
    assert (
        "đã tổ chức 10 buổi, hội nghị tuyên truyền, quán triệt với 1.140 lượt người tham dự "
        "(số buổi tăng 66,67 % so với cùng kỳ năm trước; số lượt người tăng 153,33 % so với "
        "cùng kỳ năm trước); trong đó cấp thành phố 2 buổi, 500 lượt người; các xã, phường 8 "
        "buổi, 640 lượt người (2/2 xã, phường có số liệu đã ghi"
    ) in text
    table = after(yearly.text, "Kết quả tuyên truyền, quán triệt so với cùng kỳ năm trước")
    assert row_values(table, "Cùng kỳ năm 2025 (đến 20/10/2025)") == [6, 450]
    assert row_values(table, "Năm 2026 (đến 20/10/2026)") == [10, 1_140]
    assert row_values(table, "Ước thực hiện cả năm 2026 (theo quy tắc)") == [12, 1_420]
    assert (
        "Ước thực hiện cả năm 2026 theo quy tắc: số liệu từ 01/01 đến ngày 20/10/2026 × 365 ÷ "
        "293 (số ngày đã qua của năm), làm tròn"
    ) in text
    sheet = sheet_rows(yearly.xlsx, "Tuyên truyền cùng kỳ")
    assert sheet["Ước thực hiện cả năm 2026 (theo quy tắc)"][1:] == (12, 1_420)
    communes = sheet_rows(yearly.xlsx, "Tuyên truyền theo xã", key=1)
    assert communes["Phường Cái Khế"][2:] == (2, 3, 150, 240)
    assert communes["Phường An Bình"][2:] == (4, 5, 300, 400)
    assert communes["Cộng 2 xã, phường có số liệu"][2:] == (6, 8, 450, 640)


def test_lending_beside_the_same_day_of_the_year_before(yearly: Made) -> None:
    table = after(yearly.text, "Doanh số cho vay, thu nợ so với cùng kỳ năm trước")
    assert row_values(table, "Cùng kỳ năm 2025 (đến 20/10/2025)") == [1, d("40.00"), 0]
    assert row_values(table, "Năm 2026 (đến 20/10/2026)") == [3, d("140.00"), d("46.00")]
    # Entered by the city's clerk: no estimate of the repayment, so none is printed.
    assert row_values(table, "Ước thực hiện cả năm 2026") == [4, d("200.00"), None]
    assert "Ước thực hiện cả năm 2026: số do cơ quan soạn thảo báo cáo ước tính" in yearly.flat
    assert (
        "có 3 khoản vay được giải ngân cho 3 hộ (tăng 200,00 % so với cùng kỳ năm trước), "
        "doanh số cho vay 140,00 triệu đồng (tăng 250,00 % so với cùng kỳ năm trước); doanh "
        "số thu nợ 46,00 triệu đồng (cùng kỳ năm trước không có)"
    ) in yearly.flat
    quality = sheet_rows(yearly.xlsx, "Dư nợ cùng kỳ")
    assert quality["Ngày 20/10/2025"][1:4] == (1, 40.0, 0.0)
    assert quality["Ngày 20/10/2026"][1:5] == (4, 130.0, 2.0, pytest.approx(2 / 130))
    assert quality["Tăng (+), giảm (−)"][2] == 90.0
    text = after(yearly.text, "Dư nợ và chất lượng tín dụng so với cùng thời điểm năm trước")
    assert row_values(text, "Ngày 20/10/2026")[:4] == [4, d("130.00"), d("2.00"), d("1.54")]
    programmes = sheet_rows(yearly.xlsx, "Dư nợ theo chương trình")
    assert programmes["Hộ nghèo"][1:7] == (
        40.0,
        42.0,
        pytest.approx(0.05),
        0.0,
        pytest.approx(2 / 42),
        0.0,
    )
    assert programmes["GQVL"][1:4] == (0.0, 88.0, None)  # a balance list that day: a true 0
    assert programmes["Tổng cộng"][1:3] == (40.0, 130.0)
    organisations = sheet_rows(yearly.xlsx, "Dư nợ theo tổ chức")
    assert organisations["Hội Nông dân"][1:3] == (40.0, 42.0)
    assert organisations["Hội Phụ nữ"][1:3] == (0.0, 88.0)
    assert (
        "từ ngày 01/01/2026 đến ngày 20/10/2026 đã kiểm tra 3 khoản vay, 66,67 % sử dụng vốn "
        "đúng mục đích (cùng kỳ năm 2025 đã kiểm tra 1 khoản vay, 100,00 % sử dụng vốn đúng "
        "mục đích)"
    ) in yearly.flat


def test_resources_capital_by_source_and_the_groups(yearly: Made) -> None:
    table = after(yearly.text, "Nguồn lực huy động trong năm so với cùng kỳ năm trước")
    assert row_values(table, "Năm 2026 (đến 20/10/2026)") == [
        d("350.00"),
        d("50.00"),
        d("36.00"),
    ]
    assert "Ước thực hiện" not in table  # the clerk gave no estimate of resources
    sheet = sheet_rows(yearly.xlsx, "Nguồn lực cùng kỳ")
    assert sheet["Cùng kỳ năm 2025 (đến 20/10/2025)"][1:] == (600.0, 0.0, 0.0)
    sources = sheet_rows(yearly.xlsx, "Nguồn vốn theo nguồn")
    assert sources["Tổng nguồn vốn"][1:] == (
        15_000_000.0 / 1_000,
        17_590.0,
        2_590.0,
        pytest.approx(2_590 / 15_000),
        1.0,
    )
    assert sources["- Nguồn vốn Trung ương"][1:3] == (11_000.0, 12_915.0)
    assert sources["- Nguồn vốn ngân sách địa phương ủy thác"][5] == pytest.approx(2_675 / 17_590)
    assert sources["- Chưa phân tách theo nguồn"][1:3] == (300.0, 200.0)
    assert (
        "tổng nguồn vốn tín dụng chính sách xã hội của Chi nhánh NHCSXH thành phố là "
        "17.590,00 triệu đồng, tăng 2.590,00 triệu đồng (17,27 %) so với cuối năm 2024"
    ) in yearly.flat
    groups = sheet_rows(yearly.xlsx, "Tổ TK&VV")
    assert groups["Năm 2025"][1:] == (1, 1, 0, 0, 0, 1.0, 25, 15.0)
    assert groups["Năm 2026"][1:] == (1, 0, 1, 0, 0, 1.0, 27, 18.0)
    assert "Hiện có 3 Tổ TK&VV đang hoạt động" in yearly.flat
    assert (
        "tiền gửi tiết kiệm của thành viên 18,00 triệu đồng (tăng 20,00 % so với năm 2025)"
        in yearly.flat
    )


def test_the_plans_parts_say_what_the_city_did(yearly: Made) -> None:
    text = yearly.flat
    part = text[text.index("4. Bố trí cơ sở vật chất") : text.index("a) Tổng nguồn vốn")]
    assert (
        "- II.4 (ý 1): Cơ sở vật chất, điểm giao dịch; vốn ngân sách địa phương ủy thác"
    ) in part
    assert "đang triển khai (50 %)" in part
    assert "Trình Hội đồng nhân dân bố trí vốn ngân sách ủy thác năm 2027." in part
    assert "Văn bản đã ban hành: 15/TTr-UBND ngày 10/06/2026: Tờ trình bố trí vốn ủy thác" in part
    assert "- Chưa báo cáo kết quả nhiệm vụ: II.4 (ý 2)." in part


def test_the_offices_difficulties_and_proposals_by_office(yearly: Made) -> None:
    appendix = yearly.flat[yearly.flat.index("PHỤ LỤC 3") :]
    assert appendix.index("Cấp thành phố") < appendix.index("Phường Cái Khế")
    assert appendix.index("Phường Cái Khế") < appendix.index("Phường An Bình")
    assert "- Khó khăn (II.4.a, quý II năm 2026): Ngân sách thành phố còn khó khăn." in appendix
    assert (
        "- Đề xuất (II.1.a, quý III năm 2026): Đề nghị tập huấn nghiệp vụ cho tổ trưởng Tổ TK&VV."
    ) in appendix
    assert "- Khó khăn (II.4.a, quý II năm 2026): Ngân sách xã còn hạn hẹp." in appendix
    assert "Lê Văn Cường" not in yearly.text  # no named list of borrowers anywhere


def test_made_after_the_year_ends(after_the_year: Made) -> None:
    check_document(after_the_year, "Cần Thơ", date(2027, 1, 15))
    text = after_the_year.flat
    assert "Ước thực hiện" not in text and "Cùng kỳ" not in text
    table = after(after_the_year.text, "Kết quả tuyên truyền, quán triệt so với cùng kỳ năm trước")
    assert row_values(table, "Năm 2025") == [6, 450]  # Q4/2025 had no record
    assert row_values(table, "Năm 2026") == [10, 1_140]
    quality = sheet_rows(after_the_year.xlsx, "Dư nợ cùng kỳ")
    assert quality["Ngày 31/12/2025"][2] == 36.0 and quality["Ngày 31/12/2026"][2] == 130.0


def test_the_pages_can_be_looked_at(yearly: Made, tmp_path: Path) -> None:
    """The draft renders to images page by page (``pdftoppm``), as the reviewer looks at it."""
    import subprocess

    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "30",
            "-png",
            "-f",
            "1",
            "-l",
            "3",
            str(yearly.pdf),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    assert len(list(tmp_path.glob("p-*.png"))) == 3
