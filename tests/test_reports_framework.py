"""The report framework: the Decree 30 PDF (text that extracts exactly, embedded fonts, header
rows repeated, page numbers), the Excel workbook with the same numbers, the registry's
checks and the ``tdcs report`` command."""

from __future__ import annotations

import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from db.enums import CommuneKind, OfficeMode, PeriodKind
from db.models import PlanTask
from desktop.app.selftest import run_self_test
from desktop.cli import main
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.issuers import IssuerRole
from desktop.core.office import OfficeInfo, update_office
from desktop.core.periods import Period
from desktop.core.progress import NO_PROGRESS
from desktop.reports import registry
from desktop.reports.letterhead import issuing_body_lines, letterhead_for
from desktop.reports.model import (
    Chart,
    ChartKind,
    Column,
    Paragraph,
    Report,
    Section,
    Series,
    Table,
)
from desktop.reports.pdf import render as pdf_render
from desktop.reports.pdf import write_pdf
from desktop.reports.pdf.charts import nice_scale
from desktop.reports.pdf.render import format_cell
from desktop.reports.registry import ReportContext, ReportRequest, ReportSpec, check_request
from desktop.reports.selftest import ReportCheckFailed, check_pdf_bytes
from desktop.reports.service import make_report, output_format, save_report
from desktop.reports.workbook import write_workbook
from desktop.reports.xlsx_table import CellKind, sheet_title
from tests.db_support import new_database

OFFICE = OfficeInfo(
    OfficeMode.COMMUNE,
    "31120",
    "Cái Khế",
    "Ủy ban nhân dân phường Cái Khế",
    "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    "Trần Thị Ngọc Hạnh",
    CommuneKind.PHUONG,
)
BORROWER = "Nguyễn Thị Hồng Nhung"


def pdftotext(path: Path, *pages: int) -> str:
    args = ["pdftotext", "-layout"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    done = subprocess.run([*args, str(path), "-"], capture_output=True, check=True, text=True)
    return done.stdout


def pdffonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def sample_report(rows: int = 120, *, nfd: bool = False) -> Report:
    def text(value: str) -> str:
        return unicodedata.normalize("NFD", value) if nfd else value

    body = [
        (text(f"{BORROWER} {i}"), "Hộ nghèo", 1_234_567 * i, Fraction(268, 10_000) * i)
        for i in range(1, rows + 1)
    ]
    table = Table(
        "Bảng 1. Dư nợ theo người vay",
        "Dư nợ",
        [
            Column("Người vay", weight=3),
            Column("Chương trình", weight=2),
            Column("Dư nợ", CellKind.MONEY, 2),
            Column("Tỷ lệ nợ quá hạn", CellKind.PERCENT, 1.5),
        ],
        body,
        totals=[("Tổng cộng", "", sum(r[2] for r in body), Fraction(268, 10_000))],
        note="Đơn vị tính: đồng",
    )
    chart = Chart(
        "Dư nợ theo chương trình (triệu đồng)",
        ChartKind.BAR,
        ["Hộ nghèo", "Cận nghèo"],
        [Series("2025", [120.0, 340.0]), Series("2026", [150.0, 300.0])],
        target=200,
        target_label="Mục tiêu",
    )
    return Report(
        kind="Báo cáo",
        title=text("Kết quả thực hiện Chỉ thị số 39-CT/TW\nquý III năm 2026"),
        letterhead=letterhead_for(
            OFFICE,
            issued_on=date(2026, 2, 5),
            recipients=["Ban Thường vụ Thành ủy", "UBND thành phố", "Lưu: VT"],
        ),
        sections=[
            Section(
                "I. KẾT QUẢ",
                [Paragraph(text("Phường đã triển khai đầy đủ các nhiệm vụ.")), table, chart],
            )
        ],
    )


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pdf(sample_report(), tmp_path_factory.mktemp("pdf") / "bao-cao.pdf")


def test_pdf_reads_back_in_vietnamese(sample_pdf: Path) -> None:
    text = pdftotext(sample_pdf)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG CÁI KHẾ",
        "/BC-UBND",
        "Cái Khế, ngày 05 tháng 02 năm 2026",
        "BÁO CÁO",
        "Kết quả thực hiện Chỉ thị số 39-CT/TW",
        f"{BORROWER} 1 ",
        "1.234.567",
        "2,68 %",
        "Nơi nhận:",
        "- Ban Thường vụ Thành ủy;",
        "- Lưu: VT.",
        "KT. CHỦ TỊCH",
        "Trần Thị Ngọc Hạnh",
        "Biểu đồ 1: Dư nợ theo chương trình (triệu đồng)",
    ):
        assert expected in text, expected


def test_every_font_is_embedded(sample_pdf: Path) -> None:
    fonts = pdffonts(sample_pdf)
    assert fonts, "no fonts listed"
    for row in fonts:
        assert row[0].split("+")[-1].startswith("LiberationSerif"), row
        assert row[-5] == "yes", f"not embedded: {row}"
    check_pdf_bytes(sample_pdf.read_bytes())


def test_long_tables_repeat_their_header_and_pages_are_numbered(sample_pdf: Path) -> None:
    pages = subprocess.run(["pdfinfo", str(sample_pdf)], capture_output=True, text=True).stdout
    count = int(next(line for line in pages.splitlines() if line.startswith("Pages:")).split()[1])
    assert count >= 3
    first = pdftotext(sample_pdf, 1)
    second = pdftotext(sample_pdf, 2)
    assert "Người vay" in second and "Dư nợ" in second
    assert second.strip().splitlines()[0].strip() == "2"
    assert first.strip().splitlines()[0].strip() != "1"


def test_text_is_nfc_even_when_input_is_not(tmp_path: Path) -> None:
    path = write_pdf(sample_report(rows=3, nfd=True), tmp_path / "nfd.pdf")
    text = pdftotext(path)
    assert f"{BORROWER} 2" in text
    assert "Kết quả thực hiện" in text


def test_workbook_holds_the_same_numbers(tmp_path: Path) -> None:
    report = sample_report(rows=40)
    path = write_workbook(report, tmp_path / "bao-cao.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Thông tin", "Dư nợ"]
    cover = [c.value for c in workbook["Thông tin"]["A"] if c.value]
    assert cover[:4] == [
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG CÁI KHẾ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert "BÁO CÁO" in cover and "Nơi nhận:" in cover and "Trần Thị Ngọc Hạnh" in cover
    sheet = workbook["Dư nợ"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    table = report.tables()[0]
    assert len(rows) == len(table.rows) + 1
    for got, want in zip(rows, table.rows, strict=False):
        assert got[0] == want[0] and got[2] == want[2]
        assert got[3] == pytest.approx(float(want[3]))
    assert rows[-1][0] == "Tổng cộng" and rows[-1][2] == table.totals[0][2]
    assert sheet.cell(row=4, column=3).number_format == "#,##0"
    assert sheet.cell(row=4, column=4).number_format == "0.00%"
    assert sheet.cell(row=4 + len(table.rows), column=1).font.bold


def test_failed_write_leaves_the_old_file(
    vi_app: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bao-cao.pdf"
    target.write_bytes(b"old")

    def broken(*_args: object, **_kw: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf_render, "render_pdf", broken)
    with pytest.raises(UserError) as caught:
        save_report(sample_report(rows=2), target)
    assert "đĩa đã đầy" in caught.value.text()
    assert "No space left" not in caught.value.text(), "the system's words, in Vietnamese"
    assert target.read_bytes() == b"old"
    assert not list(tmp_path.glob(".*.part"))


def test_output_format_follows_the_extension(vi_app: object) -> None:
    assert output_format(Path("a.PDF")) == "pdf"
    assert output_format(Path("a.xlsx")) == "xlsx"
    with pytest.raises(UserError) as caught:
        output_format(Path("a.odt"))
    assert ".pdf" in caught.value.text()


def test_formatting_helpers() -> None:
    assert format_cell(1_234_567, CellKind.MONEY) == "1.234.567"
    assert format_cell(Fraction(268, 10_000), CellKind.PERCENT) == "2,68 %"
    assert format_cell(None, CellKind.PERCENT) == "–"  # not known: a dash, never a blank
    assert format_cell(None, CellKind.MONEY) == "–"
    assert format_cell(None, CellKind.TEXT) == ""
    assert format_cell(date(2026, 2, 5), CellKind.DATE) == "05/02/2026"
    assert issuing_body_lines("Ủy ban nhân dân phường Cái Khế") == [
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG CÁI KHẾ",
    ]
    assert issuing_body_lines("Ban Chỉ đạo") == ["BAN CHỈ ĐẠO"]
    assert sheet_title("Nợ [quá hạn]: 1/2", []) == "Nợ -quá hạn-- 1-2"
    assert sheet_title("Dư nợ", ["Dư nợ"]) == "Dư nợ (2)"
    assert len(sheet_title("x" * 40, ["x" * 31])) == 31
    assert nice_scale(610) == (800, 200)
    assert nice_scale(0.11) == (0.12, 0.02)


def test_letterhead_follows_the_office_profile() -> None:
    head = letterhead_for(OFFICE, issued_on=date(2026, 10, 5), recipients=[], number="125")
    assert head.place == "Cái Khế" and head.number == "Số: 125/BC-UBND"
    assert head.signer_title == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    city_body = "Ủy ban nhân dân thành phố Cần Thơ"
    city = OfficeInfo(OfficeMode.CITY, "92", "Thành phố Cần Thơ", city_body, "", "", None)
    head = letterhead_for(city, issued_on=date(2026, 10, 5), recipients=[])
    assert head.place == "Cần Thơ" and head.signer_title == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert head.number.startswith("Số: ") and head.number.endswith("/BC-UBND")


def check_plan_tasks(ctx: ReportContext) -> Report:
    """A small real report over the plan catalogue, for the framework's tests."""
    tasks = ctx.session.execute(
        select(PlanTask.code, PlanTask.short_title).where(PlanTask.is_heading.is_(False))
    ).all()
    table = Table(
        "Danh mục nhiệm vụ",
        "Nhiệm vụ",
        [Column("Mã"), Column("Nhiệm vụ", weight=5), Column("Số", CellKind.NUMBER)],
        [(code, title, i) for i, (code, title) in enumerate(tasks, start=1)],
    )
    return Report(
        "Báo cáo",
        f"Danh mục nhiệm vụ {ctx.request.period.label_vi()}",
        ctx.letterhead(["Lưu: VT"]),
        [Section("I. NHIỆM VỤ", [Paragraph(f"Đơn vị: {ctx.owner.code or 'tất cả'}"), table])],
    )


TEST_SPEC = ReportSpec(
    "test-tasks",
    QT_TRANSLATE_NOOP("Reports", "Reports"),
    QT_TRANSLATE_NOOP("Reports", "Reports"),
    frozenset({OfficeMode.COMMUNE, OfficeMode.CITY}),
    (PeriodKind.QUARTER, PeriodKind.YEAR),
    check_plan_tasks,
)


@pytest.fixture
def test_spec() -> Iterator[ReportSpec]:
    registry.register(TEST_SPEC)
    yield TEST_SPEC
    registry._REPORTS.pop(TEST_SPEC.name, None)


def test_requests_are_checked(vi_app: object, commune_db: Database, city_db_2: Database) -> None:
    request = ReportRequest(Period.whole_year(2026), None, date(2026, 10, 5))
    with commune_db.reading() as session:
        office = commune_db.office()
        assert office is not None
        checked = check_request(session, TEST_SPEC, office, request)
        assert checked.commune_code == "31120"
        with pytest.raises(UserError) as caught:
            check_request(
                session, TEST_SPEC, office, ReportRequest(Period.half(2026, 1), None, date.today())
            )
        assert caught.value.text() == "Báo cáo test-tasks chỉ lập cho các kỳ: quý, năm."
        with pytest.raises(UserError) as caught:
            check_request(
                session, TEST_SPEC, office, ReportRequest(request.period, "31150", date.today())
            )
        assert "31120" in caught.value.text()
        city_only = ReportSpec(
            "x",
            TEST_SPEC.title,
            TEST_SPEC.description,
            frozenset({OfficeMode.CITY}),
            (PeriodKind.YEAR,),
            check_plan_tasks,
        )
        with pytest.raises(UserError) as caught:
            check_request(session, city_only, office, request)
        assert caught.value.text() == "Báo cáo x do cơ quan cấp thành phố lập."
    with city_db_2.reading() as session:
        office = city_db_2.office()
        assert office is not None
        assert check_request(session, TEST_SPEC, office, request).commune_code is None
        with pytest.raises(UserError) as caught:
            check_request(
                session, TEST_SPEC, office, ReportRequest(request.period, "99999", date.today())
            )
        assert caught.value.text() == "99999 không phải là một trong 103 xã, phường của Cần Thơ."
    with pytest.raises(UserError) as caught:
        registry.get_report("khong-co")
    assert caught.value.text().startswith("Không có báo cáo tên khong-co.")


@pytest.fixture
def city_db_2(tmp_path: Path) -> Iterator[Database]:
    from desktop.core.office import set_up_office
    from desktop.paths import AppPaths

    db = new_database(AppPaths(tmp_path / "city").ensure())
    with db.transaction() as session:
        set_up_office(session, OfficeMode.CITY)
    yield db
    db.close()


def test_signer_from_settings_reaches_the_pdf(
    commune_db: Database, test_spec: ReportSpec, tmp_path: Path
) -> None:
    with commune_db.transaction() as session:
        update_office(
            session,
            office_name="Ủy ban nhân dân phường Cái Khế",
            signer_title="TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
            signer_name="Lê Văn Đức",
        )
    report = make_report(
        commune_db, test_spec, ReportRequest(Period.quarter(2026, 3), None, date(2026, 10, 5))
    )
    text = pdftotext(save_report(report, tmp_path / "r.pdf"))
    assert "Lê Văn Đức" in text and "CHỦ TỊCH" in text
    assert "Cái Khế, ngày 05 tháng 10 năm 2026" in text
    assert "Danh mục nhiệm vụ quý III năm 2026" in text


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_report_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, test_spec: ReportSpec
) -> None:
    data = str(tmp_path / "data")
    assert (
        run_cli(capsys, "init", "--data-dir", data, "--mode", "commune", "--commune", "31120")[0]
        == 0
    )
    code, out, _ = run_cli(capsys, "report", "--data-dir", data, "--list")
    assert code == 0 and "test-tasks" in out and "quý, năm" in out
    pdf = tmp_path / "out" / "r.pdf"
    code, out, err = run_cli(
        capsys,
        "report",
        "test-tasks",
        "--data-dir",
        data,
        "--period",
        "2026",
        "--quarter",
        "3",
        "--out",
        str(pdf),
        "--date",
        "05/10/2026",
        "--number",
        "125",
    )
    assert code == 0, err
    assert str(pdf) in out
    text = pdftotext(pdf)
    assert "Số: 125/BC-UBND" in text and "quý III năm 2026" in text
    xlsx = tmp_path / "r.xlsx"
    code, _, err = run_cli(
        capsys, "report", "test-tasks", "--data-dir", data, "--period", "2026", "--out", str(xlsx)
    )
    assert code == 0, err
    assert load_workbook(xlsx).sheetnames == ["Thông tin", "Nhiệm vụ"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2026", "--out", "x.pdf"], "Hãy ghi tên báo cáo"),
        (["test-tasks", "--out", "x.pdf"], "--period"),
        (["test-tasks", "--period", "2026"], "--out"),
        (["test-tasks", "--period", "2026", "--out", "x.odt"], ".pdf"),
        (["test-tasks", "--period", "2026", "--half", "1", "--out", "x.pdf"], "quý, năm"),
        (["khong-co", "--period", "2026", "--out", "x.pdf"], "Không có báo cáo tên khong-co"),
        (["test-tasks", "--period", "2026", "--out", "x.pdf", "--date", "31/02/2026"], "ngày"),
        (["test-tasks", "--period", "2026", "--commune", "31150", "--out", "x.pdf"], "31120"),
    ],
)
def test_report_command_errors_are_vietnamese(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    test_spec: ReportSpec,
    args: list[str],
    message: str,
) -> None:
    data = str(tmp_path / "data")
    run_cli(capsys, "init", "--data-dir", data, "--mode", "commune", "--commune", "31120")
    code, _, err = run_cli(capsys, "report", "--data-dir", data, *args)
    assert code == 1, err
    assert err.startswith("Lỗi: ") and message in err


def test_self_test_writes_and_checks_a_pdf(tmp_path: Path) -> None:
    results = run_self_test(folder=tmp_path)
    step = next(r for r in results if r.name == "report")
    assert "self-test.pdf" in step.detail


def test_pdf_check_rejects_bad_files() -> None:
    with pytest.raises(ReportCheckFailed):
        check_pdf_bytes(b"not a pdf")
    with pytest.raises(ReportCheckFailed):
        check_pdf_bytes(b"%PDF-1.4\n/BaseFont /Helvetica\n/FontFile2 LiberationSerif\n%%EOF\n")
    with pytest.raises(ReportCheckFailed):
        check_pdf_bytes(b"%PDF-1.4\n/BaseFont /X\n%%EOF\n")


def test_report_help_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "report", "--help")
    assert code == 0 and "Cách dùng:" in out and "--quarter" in out
    assert "lập báo cáo" in out.lower() or "Lập báo cáo" in out


def test_common_pieces_name_the_unit(commune_db: Database, city_db_2: Database) -> None:
    from desktop.reports.builders import common

    request = ReportRequest(Period.whole_year(2026), None, date(2026, 10, 5))
    with commune_db.reading() as session:
        office = commune_db.office()
        assert office is not None
        ctx = ReportContext(
            session, office, check_request(session, TEST_SPEC, office, request), NO_PROGRESS
        )
        assert common.unit_phrase(ctx) == "phường Cái Khế"
        assert common.unit_label(ctx) == "Phường Cái Khế"
        assert common.recipients(ctx)[0] == "Ủy ban nhân dân thành phố"
        assert "Hội Liên hiệp Phụ nữ phường" in common.recipients(ctx)
        preamble = common.plan_preamble(ctx, "kết quả năm 2026").text
        assert preamble.startswith(
            "Thực hiện Kế hoạch số …-KH/TU ngày … của Ban Thường vụ Thành ủy thực hiện Chỉ thị "
            "số 39-CT/TW ngày 30/10/2024 của Ban Bí thư"
        )
        assert preamble.endswith("Ủy ban nhân dân phường Cái Khế báo cáo kết quả năm 2026 như sau:")
    with city_db_2.reading() as session:
        office = city_db_2.office()
        assert office is not None
        ctx = ReportContext(session, office, request, NO_PROGRESS)
        # No commune's figures at the city yet: never "toàn thành phố".
        assert common.unit_phrase(ctx) == "các xã, phường có số liệu (0/103 xã, phường)"
        assert common.unit_label(ctx) == "Các xã, phường có số liệu (0/103 xã, phường)"
        assert not any("Trung ương" in r for r in common.recipients(ctx))
        yearly = ReportContext(
            session, office, request, NO_PROGRESS, "x", IssuerRole.PARTY_COMMITTEE
        )
        assert common.recipients(yearly)[0] == (
            "Ban Chính sách, chiến lược Trung ương (để báo cáo)"
        )
        one = ReportContext(
            session, office, ReportRequest(request.period, "31150", request.issued_on), NO_PROGRESS
        )
        assert common.unit_label(one).endswith(common.commune_info(session, "31150").name)
