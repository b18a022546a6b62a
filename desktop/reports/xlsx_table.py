"""Any list on screen, written to an .xlsx workbook with real numbers and dates.

Numbers stay numbers (so sums work in Excel), money gets a ``#,##0`` format that Vietnamese
Excel shows as ``1.234.567``, dates are dates shown ``dd/mm/yyyy``; text is data, never a
formula, and each sheet prints on A4 with its header repeated (both through
:mod:`desktop.reports.xlsx_sheet`). The file is written next to its final name and renamed
into place, so a failed export never leaves half a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.userfiles import write_atomically
from desktop.reports.xlsx_sheet import (
    cell_font,
    cell_text,
    columns_width,
    fit_row_height,
    put,
    put_paragraph,
    set_up_printing,
    text_lines,
)

if TYPE_CHECKING:
    # openpyxl is imported where a workbook is written, not here: every list page imports
    # ``CellKind`` from this module, and start-up should not pay for openpyxl.
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


class CellKind(StrEnum):
    TEXT = "text"
    MONEY = "money"
    #: Money in triệu đồng (million đồng, two decimals): the city's tables.
    MILLIONS = "millions"
    NUMBER = "number"
    PERCENT = "percent"
    DATE = "date"


NUMBER_FORMATS = {
    CellKind.MONEY: "#,##0",
    CellKind.MILLIONS: "#,##0.00",
    CellKind.NUMBER: "#,##0",
    CellKind.PERCENT: "0.00%",
    CellKind.DATE: "dd/mm/yyyy",
}


@dataclass(frozen=True)
class SheetColumn:
    title: str
    kind: CellKind = CellKind.TEXT
    width: int = 0


#: Characters: a column is made at most this wide for its text; longer text wraps.
_WIDEST = 60


def add_table_sheet(
    workbook: Workbook,
    title: str,
    columns: Sequence[SheetColumn],
    rows: Iterable[Sequence[object]],
    *,
    heading: str = "",
    subheading: str = "",
    totals: Iterable[Sequence[object]] = (),
) -> None:
    """Append a sheet holding one table: an optional heading line (and a line under it,
    e.g. the unit), a bold header row frozen in place and repeated on every printed page,
    the rows, then bold total rows. Long text wraps in rows given their height."""
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title=sheet_title(title, workbook.sheetnames))
    lines_above = [
        (text, font)
        for text, font in (
            (heading, cell_font(bold=True, size=13)),
            (subheading, cell_font(italic=True)),
        )
        if text
    ]
    first = 3 if lines_above else 1
    header_fill = PatternFill("solid", fgColor="DDE7F3")
    header_font = cell_font(bold=True)
    for col, column in enumerate(columns, start=1):
        cell = put(sheet, first, col, column.title, font=header_font)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    widths = [max(len(c.title), 8) for c in columns]
    total_font = cell_font(bold=True)
    long_texts: list[tuple[int, int, str, bool]] = []
    body = [(row, False) for row in rows] + [(row, True) for row in totals]
    for r, (row, is_total) in enumerate(body, start=first + 1):
        for col, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            cell = put(
                sheet,
                r,
                col,
                value,
                number_format=NUMBER_FORMATS.get(column.kind),
                font=total_font if is_total else None,
            )
            written = cell.value
            if isinstance(written, str):
                longest = max(len(line) for line in written.split("\n"))
                widths[col - 1] = max(widths[col - 1], min(longest, _WIDEST))
                if longest >= _WIDEST - 2 or "\n" in written:
                    long_texts.append((r, col, written, is_total))
            elif isinstance(written, int | float):
                widths[col - 1] = max(widths[col - 1], len(f"{float(written):,.0f}") + 3)
            elif isinstance(written, date | datetime):
                widths[col - 1] = max(widths[col - 1], 12)
    final = [column.width or widths[i] + 2 for i, column in enumerate(columns)]
    for col, width in enumerate(final, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    _wrap_long_texts(sheet, long_texts, final)
    header_lines = max(
        (text_lines(c.title, w, bold=True) for c, w in zip(columns, final, strict=True)),
        default=1,
    )
    if header_lines > 1:
        fit_row_height(sheet, first, header_lines)
    for line, (text, font) in enumerate(lines_above, start=1):
        put_paragraph(
            sheet, line, text, width=columns_width(final), font=font, columns=len(columns)
        )
    sheet.freeze_panes = sheet.cell(row=first + 1, column=1)
    set_up_printing(sheet, title_row=first)


def _wrap_long_texts(
    sheet: Worksheet, texts: Sequence[tuple[int, int, str, bool]], widths: Sequence[float]
) -> None:
    """Wrap the texts wider than their column and give their rows the height they need."""
    from openpyxl.styles import Alignment

    wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    rows: dict[int, int] = {}
    for row, col, text, bold in texts:
        lines = text_lines(text, widths[col - 1], bold=bold)
        if lines > 1:
            sheet.cell(row=row, column=col).alignment = wrap
            rows[row] = max(rows.get(row, 1), lines)
    for row, lines in rows.items():
        for col in range(1, len(widths) + 1):
            cell = sheet.cell(row=row, column=col)
            if not cell.alignment.wrap_text:
                cell.alignment = top
        fit_row_height(sheet, row, lines)


_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_title(wanted: str, taken: Sequence[str]) -> str:
    """A valid, unused sheet name: at most 31 characters, none of the characters Excel
    forbids (brackets, colon, star, question mark, slashes); a number is added when two
    tables would share a name."""
    base = _FORBIDDEN.sub("-", cell_text(wanted).replace("\n", " ")).strip("' ") or "Sheet"
    base = base[:31]
    name, n = base, 2
    lowered = {t.lower() for t in taken}
    while name.lower() in lowered:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    return name


def save_workbook(workbook: Workbook, path: Path) -> Path:
    """Save ``workbook`` to ``path`` (:func:`write_atomically`), without the empty first
    sheet openpyxl starts with."""
    if "Sheet" in workbook.sheetnames and len(workbook.sheetnames) > 1:
        del workbook["Sheet"]
    return write_atomically(path, workbook.save)


def write_table_xlsx(
    path: Path,
    title: str,
    columns: Sequence[SheetColumn],
    rows: Iterable[Sequence[object]],
    *,
    heading: str = "",
) -> Path:
    """Write one table to its own workbook."""
    from openpyxl import Workbook

    workbook = Workbook()
    add_table_sheet(workbook, title, columns, rows, heading=heading)
    return save_workbook(workbook, path)
