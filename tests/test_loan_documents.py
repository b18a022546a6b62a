"""The documents of the commune's loan work (issue 16), made from the hand-made commune of
``tests/loan_documents_data.py`` whose answers are worked out there, and from demo data: read
back from the PDF's text (page by page for the records of checks) and from the workbook; the
``tdcs report`` command with ``--group`` and its Vietnamese refusals."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.enums import CheckerKind, CheckResult, GroupGrade, OfficeMode
from db.models import LoanBalance
from desktop.cli import main
from desktop.core.database import Database
from desktop.core.demo import generate
from desktop.core.errors import UserError
from desktop.core.loans.balances import BalanceInput, update_balance
from desktop.core.loans.check_records import checks_of_period
from desktop.core.loans.checks import checks_due
from desktop.core.loans.organisation_grades import (
    OrganisationGradeInput,
    create_organisation_grade,
)
from desktop.core.loans.overdue import overdue_loans
from desktop.core.office import set_up_office, update_office
from desktop.core.owners import ALL_COMMUNES, Scope
from desktop.core.periods import Period
from desktop.paths import AppPaths
from desktop.reports.builders.check_records import record_of_check
from desktop.reports.registry import ReportRequest, get_report
from desktop.reports.service import make_report
from desktop.reports.workbook import COVER_SHEET
from tests.db_support import new_database
from tests.loan_documents_data import LEADER, World, _check, build
from tests.report_support import (
    Made,
    after,
    flat,
    make,
    pdffonts,
    pdftotext,
    row_values,
    sheet_rows,
)

CODE = "31120"
ISSUED = date(2026, 1, 20)
Q4 = Period.quarter(2025, 4)
H2 = Period.half(2025, 2)
SIGNER = "Lê Thị Ngọc Hạnh"
M = 1_000_000


@dataclass
class Office:
    database: Database
    world: World
    folder: Path


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    folder = tmp_path_factory.mktemp("loan-documents")
    database = new_database(AppPaths(folder / "data").ensure())
    with database.transaction() as session:
        set_up_office(
            session, OfficeMode.COMMUNE, commune_code=CODE, hamlets=["Khu vực 1", "Khu vực 2"]
        )
        update_office(
            session,
            office_name="Ủy ban nhân dân phường Cái Khế",
            signer_title="TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
            signer_name=SIGNER,
        )
    world = build(database)
    # The bank checked Bình's loan whose amount nobody recorded.
    world.checks["L7"] = _check(
        database,
        world.loans["L7"],
        date(2025, 10, 10),
        CheckerKind.BANK,
        CheckResult.CHUA_SU_DUNG,
        checker_name="Nguyễn Văn Tín",
    )
    with database.transaction() as session:
        for organisation, year, grade, notes in (
            ("HND", 2025, GroupGrade.TOT, ""),
            ("HPN", 2025, GroupGrade.KHA, "Chấm 85 điểm"),
            ("CCB", 2025, GroupGrade.TRUNG_BINH, ""),
            ("HND", 2024, GroupGrade.KHA, ""),
        ):
            create_organisation_grade(
                session, OrganisationGradeInput(organisation, year, grade, notes), today=ISSUED
            )
    yield Office(database, world, folder)
    database.close()


def made(office: Office, name: str, period: Period, group: str = "") -> Made:
    request = ReportRequest(period, None, ISSUED, group=group)
    return make(office.database, name, request, office.folder / (group or "all"))


def page_text(path: Path, page: int) -> str:
    """One page's text in reading order (each column of the head and of the signature
    blocks whole)."""
    done = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    return done.stdout


def pages(path: Path) -> int:
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    line = next(line for line in done.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def cover_text(path: Path) -> str:
    workbook = load_workbook(path, read_only=True)
    try:
        return "\n".join(
            str(row[0]) for row in workbook[COVER_SHEET].iter_rows(values_only=True) if row[0]
        )
    finally:
        workbook.close()


def embedded(path: Path) -> None:
    for row in pdffonts(path):
        assert row[0].split("+")[-1].startswith("LiberationSerif"), row
        assert row[-5] == "yes", f"not embedded: {row}"


# -- the records of the checks --------------------------------------------------------------


def test_one_record_per_check_of_the_quarter_each_on_its_own_page(office: Office) -> None:
    records = made(office, "check-records", Q4)
    assert pages(records.pdf) == 3  # 10/10, 15/11, 20/11: one page each
    embedded(records.pdf)
    first, second, third = (flat(page_text(records.pdf, n)) for n in (1, 2, 3))
    for text, day in ((first, "10 tháng 10"), (second, "15 tháng 11"), (third, "20 tháng 11")):
        assert "ỦY BAN NHÂN DÂN PHƯỜNG CÁI KHẾ" in text
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "BIÊN BẢN" in text
        assert f"Cái Khế, ngày {day} năm 2025" in text
        assert "Kiểm tra sử dụng vốn vay" in text
        assert text.count("(Ký, ghi rõ họ tên)") >= 4
        for title in ("NGƯỜI VAY", "TỔ TRƯỞNG TỔ TK&VV", "ĐẠI DIỆN UBND PHƯỜNG"):
            assert title in text, title
        assert "Nơi nhận" not in text and SIGNER not in text
    # An's record, checked by Hội Nông dân: the borrower with diacritics, the amount, the
    # balance on the day, what was found, and each party's name under its block.
    assert "Người vay: Ông Nguyễn Văn An, Khu vực 1" in second
    assert "Số tiền vay: 50.000.000 đồng; ngày giải ngân: 01/03/2024" in second
    assert "dư nợ đến ngày kiểm tra: 40.000.000 đồng" in second
    assert "Đại diện Hội Nông dân phường Cái Khế: Lê Thị Hoa" in second
    assert f"Tổ trưởng Tổ Hội Nông dân KV1 (G1): {LEADER}" in second
    assert "Kết quả: □ Đúng mục đích ■ Đúng một phần □ Sai mục đích □ Chưa sử dụng." in second
    assert (
        "Vốn vay đã dùng vào (tài sản, kết quả thấy được): Mua 2 con bò giống. Ghi chú: Hộ "
        "cam kết trả bớt nợ gốc." in second
    )
    assert "Thu hồi một phần vốn sử dụng chưa đúng. Thời hạn kiểm tra lại: 15/02/2026." in second
    assert "ĐẠI DIỆN HỘI NÔNG DÂN" in second
    assert "Nguyễn Văn An" in second.split("NGƯỜI VAY")[-1]
    assert LEADER in second.split("NGƯỜI VAY")[-1] and "Lê Thị Hoa" in second.split("NGƯỜI VAY")[-1]
    # Bình's loan has no recorded amount: "chưa rõ", never 0; the bank took part.
    assert "Người vay: Bà Trần Thị Bình, Khu vực 2" in first
    assert "Số tiền vay: chưa rõ" in first and "0 đồng" not in first.split("dư nợ")[0]
    assert "dư nợ đến ngày kiểm tra: 12.000.000 đồng" in first
    assert "Đại diện Ngân hàng Chính sách xã hội: Nguyễn Văn Tín" in first
    assert "ĐẠI DIỆN NGÂN HÀNG CSXH" in first and "■ Chưa sử dụng" in first
    # Dung's loan has no group: the leader's line is left to be written in.
    assert "Tổ trưởng Tổ TK&VV: ……" in third and "Người vay: Bà Phạm Thị Dung" in third
    assert "ĐẠI DIỆN HỘI CỰU CHIẾN BINH" in third
    # The workbook holds the text of every record.
    cover = cover_text(records.xlsx)
    assert cover.count("BIÊN BẢN") == 3
    assert "- Số tiền vay: 50.000.000 đồng; ngày giải ngân: 01/03/2024" in cover
    assert (
        "NGƯỜI VAY: Nguyễn Văn An" in cover and "ĐẠI DIỆN NGÂN HÀNG CSXH: Nguyễn Văn Tín" in cover
    )


def test_records_of_one_group_and_of_one_check(office: Office) -> None:
    records = made(office, "check-records", Q4, group="g2")
    assert pages(records.pdf) == 1
    assert "Trần Thị Bình" in records.text and "Nguyễn Văn An" not in records.text
    single = record_of_check(office.database, office.world.checks["L1"])
    assert single.followers == () and single.letterhead.issued_on == date(2025, 11, 15)
    with office.database.reading() as session:
        assert checks_of_period(session, CODE, Q4.start, Q4.end) == [
            office.world.checks[k] for k in ("L7", "L1", "L5")
        ]


def test_records_refused_when_there_is_nothing_to_print(office: Office, vi_app: object) -> None:
    request = ReportRequest(Period.quarter(2025, 2), None, ISSUED)
    with pytest.raises(UserError) as nothing:
        make_report(office.database, get_report("check-records"), request)
    assert nothing.value.text() == (
        "Không có lần kiểm tra sử dụng vốn vay nào từ ngày 01/04/2025 đến ngày 30/06/2025, "
        "nên không có biên bản để in."
    )
    request = ReportRequest(Q4, None, ISSUED, group="G9")
    with pytest.raises(UserError) as unknown:
        make_report(office.database, get_report("check-records"), request)
    assert unknown.value.text() == "Xã, phường không có Tổ TK&VV nào có mã hoặc tên G9."


# -- the field list of the next checks --------------------------------------------------------


def test_the_field_list_of_the_next_checks(office: Office) -> None:
    """Due on 31/12/2025: L6 (An, G1), L9 (Dung, no group), L8 (Cường) and L3 (Bình) in G2;
    L7 was checked by the bank on 10/10/2025, L1, L2 and L5 in the year, L4 is paid off."""
    made_ = made(office, "checks-due", Q4)
    text = made_.text
    summary = after(text, "Khoản vay đến hạn kiểm tra theo Tổ TK&VV")
    # Group, hamlet, leader, loans, of which never checked, outstanding.
    assert row_values(summary, "Tổ Hội Nông dân KV1 (G1)") == [1, 1, 1, 25 * M]
    assert row_values(summary, "Tổng cộng") == [4, 4, 55 * M]
    assert LEADER in summary
    groups = sheet_rows(made_.xlsx, "Theo tổ")
    assert groups["Tổ Hội Nông dân KV1 (G1)"] == (
        "Tổ Hội Nông dân KV1 (G1)",
        "Khu vực 1",
        LEADER,
        1,
        1,
        25 * M,
    )
    assert groups["Tổ Hội Phụ nữ KV2 (G2)"][3:] == (2, 2, 23 * M)
    assert groups["Khoản vay không thuộc Tổ TK&VV"][3:] == (1, 1, 7 * M)
    group = after(text, f"Tổ Hội Nông dân KV1 (G1) — tổ trưởng: {LEADER}")
    assert "Nguyễn Văn An" in group and "HD6" in group
    g2 = after(text, "Bảng 4. Tổ Hội Phụ nữ KV2 (G2)")
    assert g2.index("Lê Văn Cường") < g2.index("Trần Thị Bình")
    assert "Đ – sử dụng vốn đúng mục đích" in made_.flat
    sheets = load_workbook(made_.xlsx, read_only=True).sheetnames
    assert sheets[:2] == [COVER_SHEET, "Theo tổ"] and len(sheets) == 5
    header = next(
        row
        for row in load_workbook(made_.xlsx, read_only=True)[sheets[4]].iter_rows(values_only=True)
        if row and row[0] == "STT"
    )
    assert header[-3:] == ("Ngày kiểm tra", "Kết quả", "Người vay ký")
    rows = sheet_rows(made_.xlsx, sheets[4], key=1)
    assert rows["Lê Văn Cường"][2:6] == ("HD8", "Chăn nuôi", 10 * M, 3 * M)
    assert rows["Trần Thị Bình"][7:] == (None, None, None)  # left to write in the field
    only_g1 = made(office, "checks-due", Q4, group="G1")
    assert "Tổng cộng 1 1 25.000.000" in only_g1.flat and "Trần Thị Bình" not in only_g1.text
    with office.database.reading() as session:
        assert len(checks_due(session, Scope.commune(CODE), Q4.end)) == 4


# -- the overdue list ---------------------------------------------------------------------------


def test_the_overdue_list_by_hamlet_and_group(office: Office) -> None:
    made_ = made(office, "overdue-loans", Q4)
    text, flat_text = made_.text, made_.flat
    assert (
        "Đến ngày 31/12/2025, phường Cái Khế có 2 khoản vay của 2 hộ có nợ quá hạn, tổng nợ "
        "quá hạn 15.000.000 đồng trên dư nợ 45.000.000 đồng" in flat_text
    )
    assert "trong đó 2 khoản vay quá hạn trên 90 ngày với 15.000.000 đồng" in flat_text
    hamlets = after(text, "Khoản vay có nợ quá hạn theo ấp, khu vực")
    assert row_values(hamlets, "Khu vực 1") == [2, 45 * M, 15 * M]
    groups = after(text, "Khoản vay có nợ quá hạn theo Tổ TK&VV")
    assert row_values(groups, "Tổ Hội Nông dân KV1 (G1)") == [1, 40 * M, 10 * M]
    listed = after(text, "Danh sách khoản vay có nợ quá hạn — Khu vực 1")
    an = next(line for line in listed.splitlines() if "Nguyễn Văn An" in line)
    assert "01/10/2025" in an and an.rstrip().endswith("91")
    assert "40.000.000" in an and "10.000.000" in an
    dung = next(line for line in listed.splitlines() if "Phạm Thị Dung" in line)
    assert "30/09/2025" in dung and dung.rstrip().endswith("92")
    assert "ngày đầu tiên của chuỗi các lần ghi số dư liên tiếp có nợ quá hạn" in flat_text
    sheet = sheet_rows(made_.xlsx, "Khu vực 1", key=1)
    assert sheet["Nguyễn Văn An"][6:] == (40 * M, 10 * M, sheet["Nguyễn Văn An"][8], 91)
    assert sheet["Nguyễn Văn An"][8].date() == date(2025, 10, 1)
    with office.database.reading() as session:
        assert sum(o.overdue for o in overdue_loans(session, Scope.commune(CODE), Q4.end)) == 15 * M


# -- the organisations' grades, disbursed and repaid ---------------------------------------------


def test_the_organisations_grades_of_the_year(office: Office) -> None:
    made_ = made(office, "organisation-grades", Period.whole_year(2025))
    text = made_.text
    assert (
        "Kết quả xếp loại hoạt động nhận ủy thác năm 2025 ở phường Cái Khế: Hội Nông dân xếp "
        "loại tốt; Hội Liên hiệp Phụ nữ xếp loại khá; Hội Cựu chiến binh xếp loại trung bình; "
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh chưa có kết quả xếp loại." in made_.flat
    )
    table = after(text, "Bảng 1. Kết quả xếp loại hoạt động nhận ủy thác năm 2025")
    assert "Hội Nông dân" in table and "Khá" in table and "Tốt" in table
    rows = sheet_rows(made_.xlsx, "Xếp loại ủy thác")
    assert rows["Hội Nông dân"] == ("Hội Nông dân", "Khá", "Tốt")
    assert rows["Hội Liên hiệp Phụ nữ"] == ("Hội Liên hiệp Phụ nữ", "Chưa xếp loại", "Khá")
    assert "Chấm 85 điểm" in after(text, "Nhận xét kèm kết quả xếp loại năm 2025")
    assert "Dư nợ và chất lượng tín dụng theo tổ chức nhận ủy thác đến ngày 31/12/2025" in text


def test_disbursed_and_repaid_in_loan_quality_and_commune_plan(office: Office) -> None:
    for name in ("loan-quality", "commune-plan"):
        made_ = made(office, name, H2)
        table = after(made_.text, "Doanh số cho vay, thu nợ từ ngày 01/07/2025 đến ngày 31/12/2025")
        assert row_values(table, "Hộ nghèo") == [1, 30 * M, 0, 66 * M, 0, 0], name
        assert row_values(table, "Tổng cộng") == [2, 30 * M, 1, 83 * M, 1, 1], name
        assert (
            "phường Cái Khế có 2 khoản vay được giải ngân cho 2 hộ với số tiền 30.000.000 đồng "
            "(trong đó 1 khoản vay chưa rõ số tiền); doanh số thu nợ 83.000.000 đồng, 1 khoản "
            "vay đã tất toán; 1 khoản vay chưa có số dư đầu kỳ hoặc cuối kỳ" in made_.flat
        ), name
        assert "không tính phần xóa nợ" in made_.flat
        rows = sheet_rows(made_.xlsx, "Cho vay, thu nợ")
        assert rows["Tổng cộng"][1:] == (2, 30 * M, 1, 83 * M, 1, 1)
    plan = made(office, "commune-plan", H2)
    assert "CHO VAY, THU NỢ VÀ HOẠT ĐỘNG NHẬN ỦY THÁC" in plan.text
    assert "Hội Nông dân xếp loại tốt" in plan.flat


# -- from demo data ----------------------------------------------------------------------------


def make_some_debt_overdue(session: Session) -> None:
    """Overdue debt on three loans at the end of quarter III of 2026 (the small demo may
    have none), so that the overdue list has rows."""
    end = date(2026, 9, 30)
    snapshots = session.execute(
        select(LoanBalance.id, LoanBalance.version, LoanBalance.current_amount)
        .where(LoanBalance.as_of == end, LoanBalance.current_amount > 2 * M)
        .order_by(LoanBalance.loan_id)
        .limit(3)
    ).all()
    assert snapshots
    for balance_id, version, current in snapshots:
        update_balance(
            session,
            balance_id,
            BalanceInput(end, current_amount=current - 2 * M, overdue_amount=2 * M),
            expected_version=version,
            today=date(2026, 10, 25),
        )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    folder = tmp_path_factory.mktemp("demo-documents")
    database = new_database(AppPaths(folder / "data").ensure())
    with database.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code=CODE, hamlets=["Khu vực 1"])
    with database.transaction() as session:
        generate(session, scale="small", today=date(2026, 10, 25))
        make_some_debt_overdue(session)
    yield Office(database, World(None, {}, {}), folder)  # type: ignore[arg-type]
    database.close()


def test_every_document_from_demo_data(demo: Office) -> None:
    quarter = Period.quarter(2026, 3)
    issued = date(2026, 10, 5)
    with demo.database.reading() as session:
        checks = checks_of_period(session, CODE, quarter.start, quarter.end)
        due = checks_due(session, Scope.commune(CODE), quarter.end)
        late = overdue_loans(session, Scope.commune(CODE), quarter.end)
    assert checks and due and late
    request = ReportRequest(quarter, None, issued)
    records = make(demo.database, "check-records", request, demo.folder)
    assert pages(records.pdf) >= len(checks)
    assert records.text.count("BIÊN BẢN") == len(checks)
    due_doc = make(demo.database, "checks-due", request, demo.folder)
    assert f"có {len(due)} khoản vay còn dư nợ chưa được kiểm tra" in due_doc.flat
    overdue_doc = make(demo.database, "overdue-loans", request, demo.folder)
    total = sum(o.overdue for o in late)
    assert f"tổng nợ quá hạn {total:,} đồng".replace(",", ".") in overdue_doc.flat
    grades = make(
        demo.database,
        "organisation-grades",
        ReportRequest(Period.whole_year(2025), None, issued),
        demo.folder,
    )
    assert "Kết quả xếp loại hoạt động nhận ủy thác năm 2025 ở phường Cái Khế: Hội Nông dân" in (
        grades.flat
    )
    for document in (records, due_doc, overdue_doc, grades):
        embedded(document.pdf)


# -- the command line ---------------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_report_command_makes_the_records_of_one_group(
    office: Office, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = str(office.database.paths.data_dir)
    out = tmp_path / "bien-ban.pdf"
    code, _, err = run_cli(
        capsys,
        "report",
        "check-records",
        "--data-dir",
        data,
        "--period",
        "2025",
        "--quarter",
        "4",
        "--group",
        "G1",
        "--date",
        "20/01/2026",
        "--out",
        str(out),
    )
    assert code == 0, err
    assert pages(out) == 1 and "Nguyễn Văn An" in page_text(out, 1)
    code, listed, _ = run_cli(capsys, "report", "--list", "--data-dir", data)
    for name in ("check-records", "checks-due", "overdue-loans", "organisation-grades"):
        assert name in listed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["check-records", "--period", "2025", "--quarter", "4", "--group", "G9"],
            "Xã, phường không có Tổ TK&VV nào có mã hoặc tên G9.",
        ),
        (
            ["loan-quality", "--period", "2025", "--group", "G1"],
            "Báo cáo loan-quality không lập cho từng Tổ TK&VV.",
        ),
        (
            ["check-records", "--period", "2025", "--quarter", "2"],
            "nên không có biên bản để in",
        ),
        (
            ["organisation-grades", "--period", "2025", "--quarter", "4"],
            "chỉ lập cho các kỳ: năm",
        ),
    ],
)
def test_the_report_command_refuses_in_vietnamese(
    office: Office,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / "x.pdf"
    data = str(office.database.paths.data_dir)
    code, _, err = run_cli(capsys, "report", "--data-dir", data, *args, "--out", str(out))
    assert code == 1 and err.startswith("Lỗi: ") and message in err, err
    assert not out.exists()


# -- at the city ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    from desktop.core.office import list_communes

    folder = tmp_path_factory.mktemp("city-documents")
    database = new_database(AppPaths(folder / "data").ensure())
    with database.transaction() as session:
        set_up_office(session, OfficeMode.CITY)
    with database.transaction() as session:
        generate(
            session,
            scale="small",
            today=date(2026, 10, 25),
            communes=list(list_communes(session))[:2],
        )
        # As the communes' files would bring them: overdue debt on a few loans.
        end = date(2026, 9, 30)
        for balance_id, current in session.execute(
            select(LoanBalance.id, LoanBalance.current_amount)
            .where(LoanBalance.as_of == end, LoanBalance.current_amount > 2 * M)
            .order_by(LoanBalance.commune_code, LoanBalance.loan_id)
            .limit(6)
        ).all():
            session.execute(
                update(LoanBalance)
                .where(LoanBalance.id == balance_id)
                .values(current_amount=current - 2 * M, overdue_amount=2 * M)
            )
    yield Office(database, World(None, {}, {}), folder)  # type: ignore[arg-type]
    database.close()


def test_the_city_counts_overdue_loans_by_commune_without_names(city: Office) -> None:
    quarter = Period.quarter(2026, 3)
    issued = date(2026, 10, 5)
    with city.database.reading() as session:
        late = overdue_loans(session, ALL_COMMUNES, quarter.end)
    assert late
    everyone = make(
        city.database, "overdue-loans", ReportRequest(quarter, None, issued), city.folder
    )
    for item in late:
        assert item.borrower_name not in everyone.text  # names stay in the communes' lists
    assert "Danh sách từng khoản vay có trong báo cáo lập cho từng xã, phường." in everyone.flat
    by_commune = sheet_rows(everyone.xlsx, "Theo xã")
    counted = [
        row[1]
        for label, row in by_commune.items()
        if label != "Tổng cộng" and isinstance(row[1], int)
    ]
    assert sum(counted) == len(late) and by_commune["Tổng cộng"][1] == len(late)
    assert by_commune["Tổng cộng"][3] == sum(item.overdue for item in late)
    code = late[0].commune_code
    one = make(city.database, "overdue-loans", ReportRequest(quarter, code, issued), city.folder)
    # A long name may wrap in its cell: read the names in the PDF's own order.
    assert late[0].borrower_name in flat(pdftotext(one.pdf, layout=False))


def test_the_city_prints_a_communes_records_under_that_communes_committee(
    city: Office, vi_app: object
) -> None:
    quarter = Period.quarter(2026, 3)
    with city.database.reading() as session:
        code = sorted(
            {item.commune_code for item in overdue_loans(session, ALL_COMMUNES, quarter.end)}
        )[0]
        checks = checks_of_period(session, code, quarter.start, quarter.end)
    request = ReportRequest(quarter, code, date(2026, 10, 5))
    records = make(city.database, "check-records", request, city.folder)
    first = flat(page_text(records.pdf, 1))
    assert first.startswith("ỦY BAN NHÂN DÂN") and "THÀNH PHỐ CẦN THƠ" not in first
    assert pages(records.pdf) >= len(checks) > 0
    with pytest.raises(UserError) as grouped:
        make_report(
            city.database,
            get_report("overdue-loans"),
            ReportRequest(quarter, None, date(2026, 10, 5), group="G1"),
        )
    assert grouped.value.text() == "Mỗi Tổ TK&VV thuộc một xã, phường: hãy chọn cả xã, phường."
    with pytest.raises(UserError):
        make_report(
            city.database,
            get_report("check-records"),
            ReportRequest(quarter, None, date(2026, 10, 5)),
        )
