"""The reports layer's part of the self-test: make a real report (the commune's periodic
report, from a few demo records in a throwaway office) as PDF, Excel and Word and check the
files without any PDF library or poppler (neither is in the packaged application).

The PDF must start with the PDF signature, end with ``%%EOF``, carry the serif font as an
embedded TrueType program (``/FontFile2``) and reference no unembedded base-14 font; the
workbook and the Word draft must reopen with the same numbers (the draft is made from
python-docx's template, which the packaged application must carry).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from openpyxl import load_workbook

from db.enums import OfficeMode
from desktop.core.database import Database
from desktop.core.demo import DemoScale, generate
from desktop.core.funds.statement import fund_statement
from desktop.core.loans.indicators import Dimension, indicator_table
from desktop.core.office import set_up_office
from desktop.core.owners import Scope
from desktop.core.periods import Period
from desktop.core.selftest import SelfTestFailure
from desktop.paths import AppPaths
from desktop.reports.model import Report
from desktop.reports.pdf.fonts import EMBEDDED_NAME
from desktop.reports.pdf.render import format_cell
from desktop.reports.registry import ReportRequest, get_report
from desktop.reports.service import make_report, save_report
from desktop.reports.xlsx_table import CellKind

_BASE14 = re.compile(rb"/BaseFont\s*/(Helvetica|Times-Roman|Courier)\b")


class ReportCheckFailed(SelfTestFailure):
    """A document written by the self-test is not what it should be."""


def check_pdf_bytes(data: bytes) -> None:
    if not data.startswith(b"%PDF-"):
        raise ReportCheckFailed("the PDF does not start with %PDF-")
    if b"%%EOF" not in data[-64:]:
        raise ReportCheckFailed("the PDF is truncated (no %%EOF)")
    if b"/FontFile2" not in data or EMBEDDED_NAME.encode() not in data:
        raise ReportCheckFailed("the PDF does not embed the bundled serif font")
    if _BASE14.search(data):
        raise ReportCheckFailed("the PDF uses a font it does not embed")


#: A handful of demo records: enough for every part of the report to hold figures.
SELF_TEST_SCALE = DemoScale(borrowers=12, groups=2, hamlets=2, contributions_per_year=8, years=1)
SELF_TEST_COMMUNE = "31120"


def demo_office(folder: Path, today: date) -> Database:
    """A throwaway commune office beside the self-test's own, filled with a few demo records
    (the office under test keeps only what the other steps wrote)."""
    db = Database.open(AppPaths(folder))
    with db.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code=SELF_TEST_COMMUNE)
    with db.transaction() as session:
        generate(session, scale=SELF_TEST_SCALE, today=today)
    return db


def check_docx_file(path: Path, report: Report) -> Any:
    """The Word draft opens and holds one table per table of the report, besides the head
    and the signature; returns the document."""
    try:
        doc = Document(str(path))
    except Exception as error:  # a damaged zip or XML: python-docx raises many kinds
        raise ReportCheckFailed(f"the Word draft does not open: {error}") from error
    expected = sum(1 for t in report.tables() if t.rows or t.totals) + 2
    if len(doc.tables) != expected:
        raise ReportCheckFailed("the Word draft does not hold one table per table")
    return doc


def _docx_row(doc: Any, label: str) -> list[str]:
    for table in doc.tables:
        for row in table.rows:
            cells = [cell.text for cell in row.cells]
            if cells and cells[0] == label:
                return cells
    raise ReportCheckFailed(f"the Word draft has no row {label!r}")


def _row(workbook: Any, sheet: str, label: str) -> tuple[Any, ...]:
    for row in workbook[sheet].iter_rows(values_only=True):
        if row and row[0] == label:
            return tuple(row)
    raise ReportCheckFailed(f"the workbook's sheet {sheet!r} has no row {label!r}")


def step_report(db: Database) -> str:
    """Make the commune's periodic report (commune-plan) from a few demo records as PDF and
    Excel, check both files and that the workbook holds the services' figures."""
    today = date.today()
    office = demo_office(db.paths.data_dir / "report-self-test", today)
    try:
        spec = get_report("commune-plan")
        request = ReportRequest(Period.whole_year(today.year), None, today)
        report = make_report(office, spec, request)
        with office.reading() as session:
            fund = fund_statement(session, today.year, Scope.commune(SELF_TEST_COMMUNE))
            loans = indicator_table(
                session, Dimension.PROGRAMME, owner=Scope.commune(SELF_TEST_COMMUNE), as_of=today
            ).total
    finally:
        office.close()
    pdf = save_report(report, db.paths.reports / "self-test.pdf")
    data = pdf.read_bytes()
    check_pdf_bytes(data)
    xlsx = save_report(report, db.paths.reports / "self-test.xlsx")
    workbook = load_workbook(xlsx, read_only=True)
    try:
        if len(workbook.sheetnames) != len(report.tables()) + 1:
            raise ReportCheckFailed("the workbook does not hold one sheet per table")
        if _row(workbook, "Quỹ VNN", "Số dư đầu năm")[2] != fund.opening:
            raise ReportCheckFailed("the fund's opening balance differs from the statement")
        if _row(workbook, "Theo chương trình", "Tổng cộng")[2] != loans.outstanding:
            raise ReportCheckFailed("the outstanding balance differs from the indicators")
    finally:
        workbook.close()
    docx = save_report(report, db.paths.reports / "self-test.docx")
    draft = check_docx_file(docx, report)
    if _docx_row(draft, "Số dư đầu năm")[2] != format_cell(fund.opening, CellKind.MONEY):
        raise ReportCheckFailed("the Word draft's opening balance differs from the statement")
    return f"{pdf.name} ({len(data):,} bytes, {spec.name}), {xlsx.name}, {docx.name}"
