"""Word drafts (.docx) of the reports: the same document as the PDF, for the office to finish
in Word before signing — the Decree 30 head as a borderless two-column table, the title,
justified body text, Word tables whose header row repeats on every page, charts as Word
charts, "Nơi nhận:" and the signature block; A4 with the PDF's margins, Times New Roman,
page numbers at the top from page 2. Read back with python-docx and compared, figure by
figure, with the PDF's text. Every report made from demo data is checked the same way by
``tests.report_support.check_document``."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app.selftest import run_self_test
from desktop.core.database import Database
from desktop.core.errors import UserError
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
from desktop.reports.registry import ReportSpec
from desktop.reports.selftest import ReportCheckFailed, check_docx_file
from desktop.reports.service import output_format, save_report
from desktop.reports.word import render as word_render
from desktop.reports.xlsx_table import CellKind
from tests.clerk import answering, click, make_window, message_button, ok, save_as
from tests.docx_support import (
    alignment,
    body_items,
    chart_data,
    check_word_draft,
    keeps_with_next,
    open_docx,
    table_cells,
    word_text,
)
from tests.test_reports_framework import BORROWER, run_cli, sample_report, test_spec
from tests.test_reports_page import (
    OpenedFiles,
    choose,
    gifts,
    opened,
    preview,
    proposed,
    reports_page,
)

__all__ = ["opened", "test_spec"]  # fixtures shared with the framework's and the page's tests

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_SUB = "Độc lập - Tự do - Hạnh phúc"


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_report(sample_report(), tmp_path_factory.mktemp("docx") / "bao-cao.docx")


def paragraph_lines(cell_text: str) -> list[str]:
    return [line for line in cell_text.split("\n") if line.strip()]


def test_the_head_is_a_borderless_two_column_table(sample_docx: Path) -> None:
    doc = open_docx(sample_docx)
    head = body_items(doc)[0]
    assert isinstance(head, DocxTable)
    (body, motto), (number, dated) = table_cells(head)
    assert paragraph_lines(body) == ["ỦY BAN NHÂN DÂN", "PHƯỜNG CÁI KHẾ"]
    assert paragraph_lines(motto) == [MOTTO, MOTTO_SUB]
    assert number.startswith("Số:") and number.endswith("/BC-UBND")
    assert dated == "Cái Khế, ngày 05 tháng 02 năm 2026"
    cells = head.rows[0].cells
    for paragraph in cells[0].paragraphs + cells[1].paragraphs:
        assert alignment(paragraph) == WD_ALIGN_PARAGRAPH.CENTER
        assert all(run.bold for run in paragraph.runs)
    date_line = head.rows[1].cells[1].paragraphs[0]
    assert date_line.runs and all(run.italic for run in date_line.runs)
    assert alignment(date_line) == WD_ALIGN_PARAGRAPH.CENTER
    # A rule under the issuing body and one as long as "Độc lập - Tự do - Hạnh phúc".
    for cell in cells:
        ruled = [p for p in cell.paragraphs if p._p.xpath("./w:pPr/w:pBdr/w:top")]
        assert len(ruled) == 1


def test_title_body_and_signature(sample_docx: Path) -> None:
    doc = open_docx(sample_docx)
    items = body_items(doc)
    paragraphs = [item for item in items if isinstance(item, DocxParagraph)]
    kind = next(p for p in paragraphs if p.text == "BÁO CÁO")
    assert alignment(kind) == WD_ALIGN_PARAGRAPH.CENTER and all(r.bold for r in kind.runs)
    assert kind.runs[0].font.size.pt == 14
    title = paragraphs[paragraphs.index(kind) + 1]
    assert title.text == "Kết quả thực hiện Chỉ thị số 39-CT/TW\nquý III năm 2026"
    assert alignment(title) == WD_ALIGN_PARAGRAPH.CENTER and all(r.bold for r in title.runs)
    heading = next(p for p in paragraphs if p.text == "I. KẾT QUẢ")
    assert heading.style.name == "Heading 1" and heading.style.font.bold
    assert keeps_with_next(heading)
    body = next(p for p in paragraphs if p.text.startswith("Phường đã triển khai"))
    assert body.style.name == "Normal"
    normal = doc.styles["Normal"].paragraph_format
    assert normal.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert round(normal.first_line_indent.mm) == 10
    assert normal.space_after.pt == 6

    foot = [item for item in items if isinstance(item, DocxTable)][-1]
    recipients, signer = foot.rows[0].cells
    assert paragraph_lines(recipients.text) == [
        "Nơi nhận:",
        "- Ban Thường vụ Thành ủy;",
        "- UBND thành phố;",
        "- Lưu: VT.",
    ]
    heading_runs = recipients.paragraphs[0].runs
    assert all(run.bold and run.italic for run in heading_runs)
    assert heading_runs[0].font.size.pt == 12
    assert recipients.paragraphs[1].runs[0].font.size.pt == 11
    assert paragraph_lines(signer.text) == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Thị Ngọc Hạnh",
    ]
    for paragraph in signer.paragraphs:
        assert alignment(paragraph) == WD_ALIGN_PARAGRAPH.CENTER
        assert all(run.bold for run in paragraph.runs)


def test_the_draft_holds_the_pdf_figures_tables_and_charts(sample_docx: Path) -> None:
    check_word_draft(sample_report(), sample_docx)
    text = word_text(open_docx(sample_docx))
    for expected in (f"{BORROWER} 120", "1.234.567", "2,68 %", "Đơn vị tính: đồng"):
        assert expected in text, expected
    assert chart_data(open_docx(sample_docx)) == [
        (["Hộ nghèo", "Cận nghèo"], [[120.0, 340.0], [150.0, 300.0]])
    ]


def test_every_kind_of_chart_and_empty_table(tmp_path: Path) -> None:
    """Bars, horizontal bars with a ranking's order, a pie, a ratio chart with its target;
    a chart with nothing to draw is left out, as in the PDF; an empty table says so."""
    ratios = [Series("Tỷ lệ", [0.125, 0.2, 0.05])]
    names = ["Phường Cái Khế", "Phường Ninh Kiều", "Xã Phong Điền"]
    blocks = [
        Chart("Xếp hạng", ChartKind.HBAR, names, [Series("Điểm", [3.0, 2.0, 1.0])]),
        Chart("Cơ cấu", ChartKind.PIE, ["Hoàn thành", "Đang làm"], [Series("Số", [3.0, 1.0])]),
        Chart(
            "Tỷ lệ vốn ủy thác",
            ChartKind.BAR,
            names,
            ratios,
            value_kind=CellKind.PERCENT,
            target=0.2,
            target_label="Mục tiêu 20 %",
        ),
        Chart("Không có gì", ChartKind.BAR, [], []),
        Table("Bảng 2. Trống", "Trống", [Column("A")], [], empty_text="Không có số liệu."),
    ]
    base = sample_report(rows=3)
    report = replace(base, sections=[*base.sections, Section("II. BIỂU ĐỒ", blocks)])
    path = save_report(report, tmp_path / "charts.docx")
    check_word_draft(report, path)
    doc = open_docx(path)
    assert len(chart_data(doc)) == 4
    text = word_text(doc)
    assert "Biểu đồ 4: Tỷ lệ vốn ủy thác" in text and "Không có gì" not in text
    assert "Không có số liệu." in text
    with zipfile.ZipFile(path) as package:
        charts = sorted(n for n in package.namelist() if n.startswith("word/charts/"))
        xml = package.read("word/charts/chart4.xml").decode()
        # Each chart carries its data as a workbook, so that "Edit Data" works in Word.
        assert sum(n.startswith("word/embeddings/") for n in package.namelist()) == 4
        embedded = package.read("word/embeddings/Microsoft_Excel_Worksheet4.xlsx")
    sheet = load_workbook(io.BytesIO(embedded))["Sheet1"]
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        [None, "Tỷ lệ", "Mục tiêu 20 %"],
        ["Phường Cái Khế", 0.125, 0.2],
        ["Phường Ninh Kiều", 0.2, 0.2],
        ["Xã Phong Điền", 0.05, 0.2],
    ]
    assert len([n for n in charts if n.endswith(".xml")]) == 4
    # The value axis as the PDF draws it: 0 to 25 % in steps of 5 %, whole percents.
    assert "Mục tiêu 20 %" in xml and 'formatCode="0%"' in xml
    assert '<c:max val="0.25"/>' in xml and '<c:majorUnit val="0.05"/>' in xml


def test_text_is_nfc_and_control_characters_cannot_break_the_file(tmp_path: Path) -> None:
    hostile = "Nguy\u0065\u0302\u0303n\x00\x0b\x1f Văn \u202eA\ufffe\ud800 B\x7f"
    base = sample_report(rows=2, nfd=True)
    table = Table(
        "Bảng 9. Người\x08 góp",
        "Góp",
        [Column("Tên\x01"), Column("Số tiền", CellKind.MONEY)],
        [(hostile, 5_000_000), ("=SUM(A1)\tx", None)],
    )
    head = replace(base.letterhead, recipients=[f"Ông {hostile}"], signer_name=f"Bà {hostile}")
    report = replace(
        base,
        title=f"{base.title} {hostile}",
        letterhead=head,
        sections=[*base.sections, Section(f"II. {hostile}", [Paragraph(hostile), table])],
    )
    path = save_report(report, tmp_path / "hostile.docx")
    # The PDF renderer cannot take a lone surrogate in the document's title (its metadata).
    check_word_draft(report, path, against_pdf=False)
    text = word_text(open_docx(path))
    assert "Nguyễn Văn A B" in text and "Người góp" in text and "=SUM(A1) x" in text
    assert text == unicodedata.normalize("NFC", text)
    assert f"{BORROWER} 2" in text and "Kết quả thực hiện" in text
    assert not any(ord(c) < 32 and c not in "\n\t" for c in text)


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"old")

    def broken(*_args: object, **_kw: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(word_render, "render_docx", broken)
    with pytest.raises(UserError) as caught:
        save_report(sample_report(rows=2), target)
    assert "đĩa đã đầy" in caught.value.text()
    assert target.read_bytes() == b"old"
    assert not list(tmp_path.glob(".*.part"))


def test_the_format_follows_the_extension(vi_app: object) -> None:
    assert output_format(Path("Bao-cao.DOCX")) == "docx"
    with pytest.raises(UserError) as caught:
        output_format(Path("a.doc"))
    assert ".docx" in caught.value.text()


def test_a_long_table_is_one_word_table(tmp_path: Path) -> None:
    """A list of thousands of rows (a city's loans) stays one table, each row as the PDF
    prints it."""
    report = sample_report(rows=3000)
    path = save_report(report, tmp_path / "long.docx")
    tables = [t for t in body_items(open_docx(path)) if isinstance(t, DocxTable)]
    rows = table_cells(tables[1])
    assert len(rows) == 1 + 3000 + 1
    assert rows[3000][0] == f"{BORROWER} 3000" and rows[3000][2] == "3.703.701.000"
    assert rows[-1][3] == "2,68 %"


def test_report_command_writes_a_word_draft(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, test_spec: ReportSpec
) -> None:
    data = str(tmp_path / "data")
    run_cli(capsys, "init", "--data-dir", data, "--mode", "commune", "--commune", "31120")
    out_file = tmp_path / "out" / "du-thao.docx"
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
        str(out_file),
        "--date",
        "05/10/2026",
        "--number",
        "125",
    )
    assert code == 0, err
    assert str(out_file) in out
    text = word_text(open_docx(out_file))
    assert "Số: 125/BC-UBND" in text and "Danh mục nhiệm vụ quý III năm 2026" in text
    assert "Cái Khế, ngày 05 tháng 10 năm 2026" in text
    code, help_text, _ = run_cli(capsys, "report", "--help")
    assert code == 0 and ".docx" in help_text


def test_ratios_and_money_read_as_in_the_pdf(tmp_path: Path) -> None:
    table = Table(
        "Bảng 1. Tỷ lệ",
        "Tỷ lệ",
        [Column("Đơn vị"), Column("Tỷ lệ", CellKind.PERCENT), Column("Bình quân", CellKind.MONEY)],
        [("A", Fraction(1, 3), Fraction(10, 3)), ("B", None, 2.5), ("C", 0.0, -1_500)],
    )
    base = sample_report(rows=1)
    report: Report = replace(base, sections=[Section("I.", [table])])
    path = save_report(report, tmp_path / "ratios.docx")
    check_word_draft(report, path)
    rows = table_cells([t for t in body_items(open_docx(path)) if isinstance(t, DocxTable)][1])
    assert rows[1:] == [["A", "33,33 %", "3"], ["B", "–", "2"], ["C", "0,00 %", "-1.500"]]


def test_the_reports_page_saves_a_word_draft(
    qtbot: QtBot,
    vi_app: QApplication,
    commune_db: Database,
    tmp_path: Path,
    opened: OpenedFiles,
) -> None:
    """ "Lưu Word…" beside "Lưu PDF…" and "Lưu Excel…": the same Vietnamese file name, the
    report's figures, and the file offered to open — made afresh, or from the preview."""
    gifts(commune_db)
    window = make_window(qtbot, commune_db, width=1024)
    page = reports_page(window)
    choose(page, "fund")
    assert page.word_button.text() == "Lưu Word…"
    offered: list[Path] = []
    fresh = tmp_path / "du-thao.docx"
    with answering(
        qtbot, proposed(offered, save_as(fresh)), message_button("Mở tệp", "Đã lưu báo cáo")
    ):
        click(page.word_button)
    assert offered == [commune_db.paths.reports / "Quy-Vi-nguoi-ngheo-quy-III-2026_Cai-Khe.docx"]
    assert opened.paths == [fresh]
    text = word_text(open_docx(fresh))
    assert "quý III năm 2026" in text
    assert "5.500.000" in text, "the two gifts of the quarter"
    assert "9.000.000" not in text, "the gift of October is not in the third quarter"

    preview(qtbot, page)
    previewed = tmp_path / "xem-truoc.docx"
    with answering(qtbot, save_as(previewed), ok("Đã lưu báo cáo")):
        click(page.word_button)
    assert page.made is not None
    check_word_draft(page.made.report, previewed)
    assert word_text(open_docx(previewed)) == text


def test_the_self_test_writes_and_reads_back_a_word_draft(tmp_path: Path) -> None:
    """``tdcs self-test`` (run by the frozen program too) makes a Word draft from the
    python-docx template the bundle must carry, and reads its figures back."""
    results = run_self_test(folder=tmp_path)
    step = next(r for r in results if r.name == "report")
    assert "self-test.docx" in step.detail, step.detail
    draft = next(tmp_path.rglob("self-test.docx"))
    assert any("Số dư đầu năm" in row for row in word_text(open_docx(draft)).splitlines())
    broken = tmp_path / "broken.docx"
    broken.write_bytes(draft.read_bytes()[:2000])
    with pytest.raises(ReportCheckFailed):
        check_docx_file(broken, sample_report(rows=1))
