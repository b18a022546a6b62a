"""The self-test's report step: write a document as PDF and as Excel and check both files
without any PDF library or poppler (neither is in the packaged application).

The PDF must start with the PDF signature, end with ``%%EOF``, carry the serif font as an
embedded TrueType program (``/FontFile2``) and reference no unembedded base-14 font; the
workbook must reopen with the same numbers.
"""

from __future__ import annotations

import re
from datetime import date

from openpyxl import load_workbook
from sqlalchemy import select

from db.models import PlanTask
from desktop.core.database import Database
from desktop.core.office import require_office
from desktop.reports.letterhead import letterhead_for
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
from desktop.reports.pdf.fonts import EMBEDDED_NAME
from desktop.reports.service import save_report

_BASE14 = re.compile(rb"/BaseFont\s*/(Helvetica|Times-Roman|Courier)\b")


class ReportCheckFailed(Exception):
    pass


def check_pdf_bytes(data: bytes) -> None:
    if not data.startswith(b"%PDF-"):
        raise ReportCheckFailed("the PDF does not start with %PDF-")
    if b"%%EOF" not in data[-64:]:
        raise ReportCheckFailed("the PDF is truncated (no %%EOF)")
    if b"/FontFile2" not in data or EMBEDDED_NAME.encode() not in data:
        raise ReportCheckFailed("the PDF does not embed the bundled serif font")
    if _BASE14.search(data):
        raise ReportCheckFailed("the PDF uses a font it does not embed")


def self_test_report(db: Database, today: date) -> Report:
    """A one-page document from the plan's catalogue: letterhead, motto, a table with its
    header, a chart and the signature block, in the office's own name."""
    with db.reading() as session:
        office = require_office(session)
        tasks = session.execute(
            select(PlanTask.code, PlanTask.short_title, PlanTask.applies_commune)
            .where(PlanTask.is_heading.is_(False))
            .order_by(PlanTask.sort_order)
        ).all()
    by_section: dict[str, int] = {}
    for code, _title, _commune in tasks:
        section = code.split(".")[0]
        by_section[section] = by_section.get(section, 0) + 1
    table = Table(
        "Danh mục nhiệm vụ của Kế hoạch",
        "Nhiệm vụ",
        [Column("Mã", weight=1), Column("Nhiệm vụ", weight=6), Column("Cấp xã", weight=1.2)],
        [(code, title, "Có" if commune else "") for code, title, commune in tasks],
        totals=[("Tổng", f"{len(tasks)} nhiệm vụ", "")],
    )
    chart = Chart(
        "Số nhiệm vụ theo phần của Kế hoạch",
        ChartKind.BAR,
        [f"Phần {section}" for section in by_section],
        [Series("Số nhiệm vụ", [float(n) for n in by_section.values()])],
    )
    return Report(
        kind="Phiếu kiểm tra",
        title="Kiểm tra cài đặt phần mềm TDCS",
        letterhead=letterhead_for(office, issued_on=today, recipients=["Lưu: VT"], kind="PKT"),
        sections=[
            Section(
                "I. DANH MỤC NHIỆM VỤ",
                [Paragraph("Phiếu này do chức năng tự kiểm tra tạo ra."), table, chart],
            )
        ],
        name="self-test",
    )


def step_report(db: Database) -> str:
    """Write a document as PDF and as Excel and check both files."""
    report = self_test_report(db, date.today())
    pdf = save_report(report, db.paths.reports / "self-test.pdf")
    data = pdf.read_bytes()
    check_pdf_bytes(data)
    xlsx = save_report(report, db.paths.reports / "self-test.xlsx")
    workbook = load_workbook(xlsx, read_only=True)
    try:
        tables = report.tables()
        if len(workbook.sheetnames) != len(tables) + 1:
            raise ReportCheckFailed("the workbook does not hold one sheet per table")
        rows = list(workbook[tables[0].sheet].iter_rows(values_only=True))
        if len(rows) < len(tables[0].rows) + 1:
            raise ReportCheckFailed("the workbook lost rows")
    finally:
        workbook.close()
    return f"{pdf.name} ({len(data):,} bytes), {xlsx.name}"
