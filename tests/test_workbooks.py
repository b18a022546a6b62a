"""Every workbook TDCS writes (a report, a list on screen) holds data, never a formula, and
prints: text that arrives by sync with control characters or a leading ``=`` is written as
plain text, numbers stay numbers, and each sheet is set up for A4 with its header repeated;
the cover sheet's paragraphs get row heights so they do not overlap."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import update

from db.enums import ContributionForm as GiftForm
from db.enums import DonorType
from db.models import FundContribution
from desktop.cli import main
from desktop.core.database import Database
from desktop.core.funds.fund import ContributionInput, create_contribution, list_contributions
from desktop.core.office import require_office
from desktop.paths import AppPaths
from desktop.reports.model import Column, Paragraph, Report, Section, Table
from desktop.reports.workbook import COVER_SHEET, write_workbook
from desktop.reports.xlsx_sheet import PORTRAIT_WIDTH, text_lines
from desktop.reports.xlsx_table import (
    CellKind,
    SheetColumn,
    add_table_sheet,
    save_workbook,
    sheet_title,
)
from desktop.ui.funds.contributions import ContributionListPage
from desktop.ui.table_model import RowTableModel
from tests.test_reports_framework import sample_report

#: Text as it may arrive in a signed sync file, and what the workbook must hold.
HOSTILE = {
    "Cty\x07 ABC\x1b": "Cty ABC",
    '=HYPERLINK("http://x","y")': '=HYPERLINK("http://x","y")',
    "+84 90 123 4567": "+84 90 123 4567",
    "-5 hộ": "-5 hộ",
    "@SUM(A1)": "@SUM(A1)",
    "#N/A": "#N/A",
    "Nguye\u0302\u0303n Thi\u0323": "Nguyễn Thị",  # combining marks: NFC in the cell
    "dòng 1\r\ndòng 2\rdòng 3": "dòng 1\ndòng 2\ndòng 3",
    "x\ud800y\x7f\x85": "xy",  # a lone surrogate, DEL and a C1 control
    "\u202eBCA\u202c": "BCA",  # a right-to-left override
    "a\tb": "a b",
}
FORMULA_LIKE = ("=", "+", "-", "@")


def text_cells(sheet: Worksheet) -> dict[str, Any]:
    return {c.value: c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}


def check_hostile_cells(sheet: Worksheet, expected: Sequence[str]) -> None:
    cells = text_cells(sheet)
    for text in expected:
        assert text in cells, f"{text!r} not in the sheet"
        cell = cells[text]
        assert cell.data_type == "s", f"{text!r} is stored as {cell.data_type!r}"
        if text.startswith(FORMULA_LIKE):
            assert cell.quotePrefix, f"{text!r} would become a formula when edited"
    for value in cells:
        assert not any(ord(ch) < 32 and ch != "\n" for ch in value), repr(value)


# -- the one cell writer -----------------------------------------------------------------------


def test_text_is_data_and_numbers_stay_numbers(tmp_path: Path) -> None:
    workbook = Workbook()
    columns = [SheetColumn("Tên"), SheetColumn("Số tiền", CellKind.MONEY)]
    rows: list[list[object]] = [[raw, -5_000_000] for raw in HOSTILE]
    rows += [
        ["Âm thập phân", Decimal("-1.5")],
        ["Phân số", Fraction(-1, 4)],
        ["Không phải số", math.nan],
        ["Vô cực", math.inf],
        ["Tràn", Fraction(10**400, 3)],
        ["Rất lớn", 10**20],
    ]
    add_table_sheet(workbook, "Bảng", columns, rows, heading="=tiêu đề\x00")
    path = save_workbook(workbook, tmp_path / "t.xlsx")
    sheet = load_workbook(path)["Bảng"]
    check_hostile_cells(sheet, [*HOSTILE.values(), "=tiêu đề"])
    amounts = {r[0].value: r[1] for r in sheet.iter_rows(min_row=4)}
    for text in HOSTILE.values():
        assert amounts[text].data_type == "n" and amounts[text].value == -5_000_000
        assert amounts[text].number_format == "#,##0"
    assert amounts["Âm thập phân"].value == -1.5 and amounts["Phân số"].value == -0.25
    assert amounts["Không phải số"].value is None and amounts["Vô cực"].value is None
    assert amounts["Tràn"].value is None and amounts["Rất lớn"].value == 1e20


def test_dates_excel_cannot_hold_are_written_as_text(tmp_path: Path) -> None:
    workbook = Workbook()
    columns = [SheetColumn("Ngày", CellKind.DATE), SheetColumn("Lúc")]
    moment = datetime(2026, 10, 5, 3, 4, 5, tzinfo=UTC)
    add_table_sheet(workbook, "Ngày", columns, [[date(2026, 3, 1), moment], [date(1, 1, 1), None]])
    sheet = load_workbook(save_workbook(workbook, tmp_path / "d.xlsx"))["Ngày"]
    assert sheet["A2"].is_date and sheet["A2"].value.date() == date(2026, 3, 1)
    assert sheet["A2"].number_format == "dd/mm/yyyy"
    assert sheet["B2"].is_date  # the zone is dropped (openpyxl refuses aware times)
    assert sheet["A3"].data_type == "s" and sheet["A3"].value == "01/01/0001"


def test_cover_sheet_text_is_data(tmp_path: Path) -> None:
    base = sample_report(rows=3)
    report = Report(
        kind=base.kind,
        title=base.title,
        letterhead=base.letterhead,
        sections=[
            *base.sections,
            Section("=II. ĐỀ XUẤT\x0b", [Paragraph("-Đề nghị\x1b tăng vốn"), Paragraph("@x")]),
        ],
    )
    sheet = load_workbook(write_workbook(report, tmp_path / "r.xlsx"))[COVER_SHEET]
    check_hostile_cells(sheet, ["=II. ĐỀ XUẤT", "-Đề nghị tăng vốn", "@x"])


# -- what arrives by sync: the report command and a list export --------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


DONORS = [
    "Cty\x07 ABC\x1b",
    '=HYPERLINK("http://x","y")',
    "+84 90 123 4567",
    "-5 hộ",
    "@SUM(A1)",
]


@pytest.fixture
def synced_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    """A commune whose gifts hold what a sync import could write: the rows are changed in
    the database directly, past every form."""
    data = str(tmp_path / "data")
    code, out = run_cli(
        capsys, "init", "--data-dir", data, "--mode", "commune", "--commune", "31120"
    )
    assert code == 0, out
    database = Database.open(AppPaths(Path(data)))
    try:
        with database.transaction() as session:
            ids = [
                create_contribution(
                    session,
                    ContributionInput(
                        donor_name=f"Người {i}",
                        donor_type=DonorType.CA_NHAN,
                        form=GiftForm.TIEN_MAT,
                        amount=1_000_000 * (i + 1),
                        received_on=date(2026, 3, i + 1),
                        campaign_year=2026,
                        receipt_no=f"BL-{i}",
                    ),
                    today=date(2026, 10, 1),
                )
                for i in range(len(DONORS))
            ]
            for record_id, donor in zip(ids, DONORS, strict=True):
                session.execute(
                    update(FundContribution)
                    .where(FundContribution.id == record_id)
                    .values(donor_name=donor, receipt_no=f"={donor[:3]}\x1b")
                )
            session.execute(
                update(FundContribution)
                .where(FundContribution.id == ids[0])
                .values(amount=-5_000_000, notes="@chú\x00 thích")
            )
    finally:
        database.close()
    return data


def test_fund_report_survives_what_arrives_by_sync(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, synced_data: str
) -> None:
    out = tmp_path / "f.xlsx"
    code, text = run_cli(
        capsys, "report", "fund", "--data-dir", synced_data, "--period", "2026", "--out", str(out)
    )
    assert code == 0, text
    workbook = load_workbook(out)
    sheet = workbook["Danh sách ủng hộ"]
    expected = [HOSTILE[d] for d in DONORS]
    check_hostile_cells(sheet, expected)
    rows = {r[2].value: r for r in sheet.iter_rows() if r[2].value in expected}
    assert rows["Cty ABC"][-1].value == -5_000_000 and rows["Cty ABC"][-1].data_type == "n"
    assert rows["-5 hộ"][-1].value == 4_000_000 and rows["-5 hộ"][1].is_date
    assert rows['=HYPERLINK("http://x","y")'][5].value == "==HY"
    assert rows['=HYPERLINK("http://x","y")'][5].data_type == "s"
    for name in workbook.sheetnames:
        check_hostile_cells(workbook[name], [])
    pdf = tmp_path / "f.pdf"
    code, text = run_cli(
        capsys, "report", "fund", "--data-dir", synced_data, "--period", "2026", "--out", str(pdf)
    )
    assert code == 0, text


def test_city_fund_workbook_survives_what_arrives_by_sync(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, city_db: Database
) -> None:
    """At the city the gifts are a commune's rows as its sync files brought them."""
    with city_db.transaction() as session:
        for seq, donor in enumerate(DONORS, start=1):
            session.add(
                FundContribution(
                    commune_code="31120",
                    change_seq=seq,
                    donor_name=donor,
                    donor_type=DonorType.TO_CHUC,
                    form=GiftForm.CHUYEN_KHOAN,
                    amount=-5_000_000 if seq == 1 else 1_000_000,
                    received_on=date(2026, 3, seq),
                    receipt_no=f"={seq}\x07",
                    campaign_year=2026,
                )
            )
    data = str(city_db.paths.data_dir)
    for commune in ([], ["--commune", "31120"]):
        out = tmp_path / f"city{len(commune)}.xlsx"
        code, text = run_cli(
            capsys,
            "report",
            "fund",
            "--data-dir",
            data,
            "--period",
            "2026",
            *commune,
            "--out",
            str(out),
        )
        assert code == 0, text
        workbook = load_workbook(out)
        for name in workbook.sheetnames:
            check_hostile_cells(workbook[name], [])


def test_list_export_survives_what_arrives_by_sync(synced_data: str, tmp_path: Path) -> None:
    database = Database.open(AppPaths(Path(synced_data)))
    try:
        with database.reading() as session:
            rows = list_contributions(session, require_office(session).own_records)
    finally:
        database.close()
    model = RowTableModel(ContributionListPage.columns, rows)
    path = model.export_xlsx(tmp_path / "dong-gop.xlsx", "Đóng góp", heading="=Đóng góp\x07")
    sheet = load_workbook(path).active
    assert sheet is not None
    check_hostile_cells(sheet, [*(HOSTILE[d] for d in DONORS), "=Đóng góp", "@chú thích"])
    amounts = [r[4] for r in sheet.iter_rows(min_row=4)]
    assert sorted(c.value for c in amounts) == [
        -5_000_000,
        2_000_000,
        3_000_000,
        4_000_000,
        5_000_000,
    ]
    assert all(c.data_type == "n" for c in amounts)


# -- printing ----------------------------------------------------------------------------------

MM = 1 / 25.4


def check_print_setup(sheet: Worksheet, *, landscape: bool, title_rows: str | None) -> None:
    setup = sheet.page_setup
    assert int(setup.paperSize) == 9  # A4
    assert setup.orientation == ("landscape" if landscape else "portrait"), sheet.title
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0
    assert sheet.print_title_rows == title_rows
    margins = sheet.page_margins
    assert margins.left == pytest.approx(30 * MM, abs=0.01)
    assert margins.right == pytest.approx(15 * MM, abs=0.01)
    assert margins.top == pytest.approx(20 * MM, abs=0.01)
    assert margins.bottom == pytest.approx(20 * MM, abs=0.01)
    assert sheet.print_options.horizontalCentered


def wide_and_narrow_report() -> Report:
    base = sample_report(rows=80)
    wide = Table(
        "Bảng 2. Kết quả theo xã, phường",
        "Theo xã",
        [Column("Xã, phường", weight=3)]
        + [Column(f"Chỉ tiêu số {i}", CellKind.MONEY) for i in range(12)],
        [[f"Phường {n}", *(1_000_000_000 * n + i for i in range(12))] for n in range(1, 40)],
    )
    narrow = Table(
        "Bảng 3. Số hộ", "Số hộ", [Column("Ấp"), Column("Số hộ", CellKind.NUMBER)], [["Ấp 1", 3]]
    )
    long_text = " ".join(
        ["Thực hiện Kế hoạch của Ban Thường vụ Thành ủy về tín dụng chính sách"] * 8
    )
    return Report(
        kind=base.kind,
        title=base.title,
        letterhead=base.letterhead,
        preamble=[Paragraph(long_text)],
        sections=[*base.sections, Section("II. THEO XÃ", [wide, narrow])],
    )


def test_report_workbook_prints_on_a4(tmp_path: Path) -> None:
    workbook = load_workbook(write_workbook(wide_and_narrow_report(), tmp_path / "r.xlsx"))
    check_print_setup(workbook[COVER_SHEET], landscape=False, title_rows=None)
    # heading, the unit under it, then the column header: the header repeats on every page
    check_print_setup(workbook["Dư nợ"], landscape=False, title_rows="$3:$3")
    check_print_setup(workbook["Theo xã"], landscape=True, title_rows="$3:$3")
    check_print_setup(workbook["Số hộ"], landscape=False, title_rows="$3:$3")
    assert workbook["Dư nợ"].oddHeader.center.text == "&P"  # page numbers, as in the PDF


def test_list_export_prints_on_a4(synced_data: str, tmp_path: Path) -> None:
    database = Database.open(AppPaths(Path(synced_data)))
    try:
        with database.reading() as session:
            rows = list_contributions(session, require_office(session).own_records) * 40
    finally:
        database.close()
    columns = ContributionListPage.columns
    wide = RowTableModel(columns, rows).export_xlsx(tmp_path / "w.xlsx", "Rộng", heading="Đóng góp")
    narrow = RowTableModel(columns[:2], rows).export_xlsx(tmp_path / "n.xlsx", "Hẹp", heading="X")
    bare = RowTableModel(columns[:2], rows).export_xlsx(tmp_path / "b.xlsx", "Trơn")
    check_print_setup(load_workbook(wide).active, landscape=True, title_rows="$3:$3")
    check_print_setup(load_workbook(narrow).active, landscape=False, title_rows="$3:$3")
    check_print_setup(load_workbook(bare).active, landscape=False, title_rows="$1:$1")


def test_cover_paragraphs_get_row_heights(tmp_path: Path) -> None:
    report = wide_and_narrow_report()
    sheet = load_workbook(write_workbook(report, tmp_path / "r.xlsx"))[COVER_SHEET]
    width = sheet.column_dimensions["A"].width
    assert width <= PORTRAIT_WIDTH
    rows = {sheet.cell(r, 1).value: r for r in range(1, sheet.max_row + 1)}
    long_row = rows[report.preamble[0].text]
    lines = text_lines(report.preamble[0].text, width)
    assert lines >= 5
    assert sheet.row_dimensions[long_row].height >= 15 * lines
    title_row = rows[report.title.replace("\n", " ")]
    assert sheet.row_dimensions[title_row].height >= 17  # 13 pt, one line at least
    short = rows["I. KẾT QUẢ"]
    assert (sheet.row_dimensions[short].height or 15) < 20


def test_wrapped_lines_are_counted_by_words() -> None:
    assert text_lines("", 10) == 1
    assert text_lines("ngắn", 80) == 1
    assert text_lines("một\nhai\nba", 80) == 3
    assert text_lines("a" * 200, 50) >= 4  # one long word is broken
    words = "Nguyễn " * 30
    assert text_lines(words, 40) > text_lines(words, 80) >= 2
    assert text_lines(words.upper(), 40, bold=True) >= text_lines(words, 40)
    assert text_lines(words, 40, size=14) > text_lines(words, 40)


def test_sheet_names_are_cleaned_too() -> None:
    assert sheet_title("Danh sách\x07 [ủng hộ]\n", []) == "Danh sách -ủng hộ-"


def test_every_workbook_goes_through_the_sheet_writer() -> None:
    """A module that makes a workbook fills it with ``add_table_sheet`` (or is the report's
    cover; a Word chart's data is one such sheet); the only other is the self-test's sample
    bank list, an input to the import."""
    root = Path(__file__).resolve().parent.parent / "desktop"
    makers = {
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if "Workbook()" in path.read_text(encoding="utf-8")
    }
    assert makers == {
        "reports/xlsx_table.py",
        "reports/workbook.py",
        "reports/word/charts.py",
        "ui/loans/indicators_tab.py",
        "core/loans/selftest.py",
    }
    for maker in makers - {"core/loans/selftest.py"}:
        text = (root / maker).read_text(encoding="utf-8")
        assert "add_table_sheet(" in text or "put_paragraph(" in text, maker
