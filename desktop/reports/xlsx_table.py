"""Any list on screen, written to an .xlsx workbook with real numbers and dates.

Numbers stay numbers (so sums work in Excel), money gets a ``#,##0`` format that Vietnamese
Excel shows as ``1.234.567``, dates are dates shown ``dd/mm/yyyy``. The file is written next
to its final name and renamed into place, so a failed export never leaves half a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.text import nfc

if TYPE_CHECKING:
    # openpyxl is imported where a workbook is written, not here: every list page imports
    # ``CellKind`` from this module, and start-up should not pay for openpyxl.
    from openpyxl import Workbook


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


def _cell_value(value: object) -> object:
    if isinstance(value, StrEnum):
        return str(value.value)
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, Fraction | Decimal):
        return float(value)  # ratios and averages: Excel keeps doubles
    return value


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
    e.g. the unit), a bold header row frozen in place, the rows, then bold total rows."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title=sheet_title(title, workbook.sheetnames))
    first = 1
    if heading:
        sheet.cell(row=1, column=1, value=nfc(heading)).font = Font(bold=True, size=13)
        first = 3
    if subheading:
        sheet.cell(row=first - 1 if heading else 1, column=1, value=nfc(subheading)).font = Font(
            italic=True
        )
        first = max(first, 3)
    header_fill = PatternFill("solid", fgColor="DDE7F3")
    for col, column in enumerate(columns, start=1):
        cell = sheet.cell(row=first, column=col, value=nfc(column.title))
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    widths = [max(len(c.title), 8) for c in columns]
    body = [(row, False) for row in rows] + [(row, True) for row in totals]
    for r, (row, is_total) in enumerate(body, start=first + 1):
        for col, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            cell = sheet.cell(row=r, column=col, value=_cell_value(value))
            if is_total:
                cell.font = Font(bold=True)
            fmt = NUMBER_FORMATS.get(column.kind)
            if fmt and value is not None:
                cell.number_format = fmt
            if isinstance(value, str):
                widths[col - 1] = max(widths[col - 1], min(len(value), 60))
            elif isinstance(value, int | float | Fraction | Decimal):
                widths[col - 1] = max(widths[col - 1], len(f"{float(value):,.0f}") + 3)
            elif isinstance(value, date | datetime):
                widths[col - 1] = max(widths[col - 1], 12)
    for col, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = column.width or widths[col - 1] + 2
    sheet.freeze_panes = sheet.cell(row=first + 1, column=1)


_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_title(wanted: str, taken: Sequence[str]) -> str:
    """A valid, unused sheet name: at most 31 characters, none of the characters Excel
    forbids (brackets, colon, star, question mark, slashes); a number is added when two
    tables would share a name."""
    base = _FORBIDDEN.sub("-", nfc(wanted)).strip("' ") or "Sheet"
    base = base[:31]
    name, n = base, 2
    lowered = {t.lower() for t in taken}
    while name.lower() in lowered:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    return name


def save_workbook(workbook: Workbook, path: Path) -> Path:
    """Save atomically: write ``path.partial`` then rename over ``path``."""
    if "Sheet" in workbook.sheetnames and len(workbook.sheetnames) > 1:
        del workbook["Sheet"]
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        workbook.save(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


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
