"""A :class:`~desktop.reports.model.Report` as an Excel workbook: a cover sheet with the
document's header and text, then one sheet per table with numbers as numbers (money
``#,##0``, ratios as percentages, dates as dates), so the figures can be summed and checked
in Excel and are the very values the PDF prints. Every sheet prints on A4 (see
:mod:`desktop.reports.xlsx_sheet`).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from desktop.core.progress import NO_PROGRESS, Progress
from desktop.reports.letterhead import cover_lines, signature_cover_lines
from desktop.reports.model import Paragraph, Report, Section, Signatures, Table
from desktop.reports.xlsx_sheet import PORTRAIT_WIDTH, cell_font, put_paragraph, set_up_printing
from desktop.reports.xlsx_table import SheetColumn, add_table_sheet, save_workbook

COVER_SHEET = "Thông tin"


def _cover(workbook: Workbook, report: Report) -> None:
    """The document's header and text, one paragraph per row, each row as tall as its
    wrapped text, then those of the documents that follow it in the same file; printed
    portrait like the PDF."""
    sheet = workbook.active
    sheet.title = COVER_SHEET
    lines: list[tuple[str, Font | None]] = []
    for document in (report, *report.followers):
        if lines:
            lines.append(("", None))
        lines += _document_lines(document)
    sheet.column_dimensions["A"].width = PORTRAIT_WIDTH
    for row, (text, font) in enumerate(lines, start=1):
        put_paragraph(sheet, row, text, width=PORTRAIT_WIDTH, font=font)
    set_up_printing(sheet)


def _document_lines(report: Report) -> list[tuple[str, Font | None]]:
    lh = report.letterhead
    bold = cell_font(bold=True)
    lines: list[tuple[str, Font | None]] = [
        (line.text, cell_font(bold=line.bold, italic=line.italic)) for line in cover_lines(lh)
    ]
    lines += [
        ("", None),
        (report.kind.upper(), cell_font(bold=True, size=14)),
        (report.title.replace("\n", " "), cell_font(bold=True, size=13)),
        ("", None),
    ]
    for paragraph in report.preamble:
        lines.append((paragraph.text, cell_font(bold=paragraph.bold, italic=paragraph.italic)))

    def walk(section: Section) -> None:
        if section.heading:
            lines.append((section.heading, bold))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                lines.append((block.text, cell_font(bold=block.bold, italic=block.italic)))
            elif isinstance(block, Table):
                lines.append((f"→ {block.title}", cell_font(italic=True, color="1F5FA8")))
            elif isinstance(block, Signatures):
                if block.lead:
                    lines.append((block.lead, None))
                for party in block.parties:
                    lines.append((f"{party.title.upper()}: {party.name}".rstrip(": "), bold))
        for sub in section.subsections:
            walk(sub)

    for section in report.sections:
        walk(section)
    ending = signature_cover_lines(lh)
    if ending:
        lines.append(("", None))
        lines += [(line.text, cell_font(bold=line.bold, italic=line.italic)) for line in ending]
    for section in report.appendices:  # after the signature, as printed
        walk(section)
    return lines


def build_workbook(report: Report, progress: Progress = NO_PROGRESS) -> Workbook:
    workbook = Workbook()
    _cover(workbook, report)
    tables = report.tables()
    for index, table in enumerate(tables):
        progress.report(index, len(tables), table.title)
        add_table_sheet(
            workbook,
            table.sheet,
            [SheetColumn(c.title, c.kind) for c in table.columns],
            table.rows,
            heading=table.title,
            subheading=table.note,
            totals=table.totals,
        )
    return workbook


def write_workbook(report: Report, path: Path, progress: Progress = NO_PROGRESS) -> Path:
    return save_workbook(build_workbook(report, progress), path)
