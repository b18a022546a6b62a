"""The two things every sheet TDCS writes has in common: how a value becomes a cell, and how
the sheet is set up for printing. Reports, list exports, import results and indicator
exports all go through :func:`put` and :func:`set_up_printing`.

A cell holds data, never a formula. Text arrives from people and from other offices' sync
files; a donor name with a control character once made the city's fund workbook fail every
time (openpyxl refuses such characters), and text starting with ``=`` was written as a
formula. So text is cleaned here (Unicode NFC, no control characters, no direction
overrides, no lone surrogates) and always stored as a string; text that Excel would read as
a formula when someone edits the cell (``= + - @``) also gets Excel's "quote prefix".
Numbers stay numbers, so a negative amount is still a number to sum.

Printing follows the PDF: A4, margins of a Vietnamese administrative document (Decree
30/2020: top and bottom 20 mm, left 30 mm, right 15 mm), centred, page numbers at the top
from the second page on. A sheet too wide for a portrait page turns landscape; either way it
is scaled to the page's width (never its height), and the table's header row repeats on
every page. openpyxl computes no row heights, and LibreOffice draws wrapped text over the
next row without one: :func:`text_lines` estimates how many lines a text takes in a column
so that rows can be given their height.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

#: Removed from text: C0 and C1 controls except line feed and tab (tab becomes a space),
#: DEL, lone surrogates, direction overrides and isolates (they can make text read
#: backwards), and the two non-characters XML refuses.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_FORMULA_START = ("=", "+", "-", "@")
#: Excel's limit for the text of one cell.
MAX_CELL_TEXT = 32_767
#: Excel holds no date before 1900, and its serial numbers before 1 March 1900 are a day
#: off (it counts 29 February 1900); earlier dates are written as text.
_FIRST_EXCEL_DAY = date(1900, 3, 1)
_EXACT_INT = 2**53

MM = 1 / 25.4  # openpyxl's margins are in inches
MARGINS = {"top": 20 * MM, "bottom": 20 * MM, "left": 30 * MM, "right": 15 * MM}
HEADER_MARGIN = 10 * MM

#: The default font's digit is 7 px wide at 96 dpi; a column ``w`` characters wide takes
#: ``7 w + 5`` px (Excel's rule).
_DIGIT_PX = 7
_PADDING_PX = 5
_PX_PER_MM = 96 / 25.4
PORTRAIT_TEXT_MM = 210 - 30 - 15
#: Characters of the default font across the text width of a portrait A4 page.
PORTRAIT_WIDTH = int((PORTRAIT_TEXT_MM * _PX_PER_MM - _PADDING_PX) / _DIGIT_PX)
#: A sheet wider than this is printed landscape: portrait would shrink it below 90 %.
_LANDSCAPE_FROM_MM = PORTRAIT_TEXT_MM / 0.9
#: The default column width of a sheet (openpyxl leaves unset widths at Excel's default).
_DEFAULT_WIDTH = 8.43

#: Line height of the default font (Calibri) in points per point of font size: 15 pt rows
#: for 11 pt text, as Excel makes them.
_LINE_FACTOR = 15 / 11
_DEFAULT_SIZE = 11.0


def clean_text(value: str) -> str:
    """``value`` as any document TDCS writes may hold it (a cell, a Word paragraph): NFC,
    line breaks as ``\\n``, tabs as spaces, no control characters, direction overrides or
    lone surrogates."""
    text = value
    if "\r" in text or "\t" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if _UNSAFE.search(text):
        text = _UNSAFE.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def cell_text(value: str) -> str:
    """``value`` as a cell may hold it: :func:`clean_text`, cut to Excel's limit."""
    return clean_text(value)[:MAX_CELL_TEXT]


def _date_text(day: date) -> str:
    return f"{day.day:02}/{day.month:02}/{day.year:04}"


def cell_value(value: object) -> object:
    """What openpyxl is given for ``value``: text cleaned, ratios as doubles, numbers Excel
    cannot hold (NaN, infinities) left empty, dates Excel cannot hold as text, times without
    a zone (openpyxl refuses aware ones)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, StrEnum):
        return cell_text(str(value.value))
    if isinstance(value, str):
        return cell_text(value)
    if isinstance(value, int):
        if abs(value) < _EXACT_INT:
            return value
        return float(value) if abs(value) < 10**300 else cell_text(str(value))
    if isinstance(value, float | Fraction | Decimal):
        try:
            number = float(value)
        except (OverflowError, ValueError):  # a huge ratio, a signalling NaN
            return None
        return number if math.isfinite(number) else None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            try:
                value = value.astimezone().replace(tzinfo=None)
            except (OverflowError, ValueError):
                value = value.replace(tzinfo=None)
        return value if value.date() >= _FIRST_EXCEL_DAY else _date_text(value)
    if isinstance(value, date):
        return value if value >= _FIRST_EXCEL_DAY else _date_text(value)
    return cell_text(str(value))


def put(
    sheet: Worksheet,
    row: int,
    column: int,
    value: object,
    *,
    number_format: str | None = None,
    font: Font | None = None,
) -> Cell:
    """Write ``value`` to one cell: the one place a value becomes a cell."""
    cell = sheet.cell(row=row, column=column)
    written = cell_value(value)
    cell.value = written
    if isinstance(written, str):
        cell.data_type = "s"  # openpyxl makes "=…" a formula and "#N/A" an error
        if written.startswith(_FORMULA_START):
            cell.quotePrefix = True
    elif number_format and written is not None:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    return cell


# -- row heights -------------------------------------------------------------------------------

_NARROW = frozenset("fijlrtI.,;:'!|()[]{}/\\\"`")
_WIDE = frozenset("mwMW@%")


def _char_width(char: str) -> float:
    """Width of a character in digit widths of the default font (Calibri's metrics, rounded
    up: a row a little too tall is harmless, text drawn over the next row is not)."""
    if char == " ":
        return 0.5
    base = unicodedata.normalize("NFD", char)[0]
    if base in _NARROW:
        return 0.6
    if base in _WIDE:
        return 1.5
    if base.isupper():
        return 1.2
    return 1.0


def text_width(text: str, *, bold: bool = False, size: float = _DEFAULT_SIZE) -> float:
    """Estimated width of one line of ``text`` in characters of the default font."""
    scale = size / _DEFAULT_SIZE * (1.08 if bold else 1.0)
    return sum(_char_width(c) for c in text) * scale


def text_lines(text: str, width: float, *, bold: bool = False, size: float = _DEFAULT_SIZE) -> int:
    """How many lines ``text`` takes when wrapped in a column ``width`` characters wide:
    each line break starts a line, words move to the next line whole, a word longer than
    the column is broken."""
    room = max(width - 1.0, 1.0)  # the cell's own padding
    space = text_width(" ", bold=bold, size=size)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used: float | None = None  # nothing on this line yet
        for word in paragraph.split():
            need = text_width(word, bold=bold, size=size)
            if used is not None and used + space + need <= room:
                used += space + need
                continue
            if used is not None:
                lines += 1
            broken = max(math.ceil(need / room) - 1, 0)
            lines += broken
            used = need - broken * room
    return max(lines, 1)


def line_height(size: float = _DEFAULT_SIZE) -> float:
    return size * _LINE_FACTOR


def fit_row_height(sheet: Worksheet, row: int, lines: int, size: float = _DEFAULT_SIZE) -> None:
    """Give ``row`` room for ``lines`` lines of ``size`` pt text (never less than it has;
    a row of one line of ordinary text keeps the default height)."""
    height = math.ceil(lines * line_height(size) / 0.75) * 0.75  # whole pixels
    current = sheet.row_dimensions[row].height
    if height > line_height() and (current is None or current < height):
        sheet.row_dimensions[row].height = height


#: Every cell's font: the workbook default (LibreOffice draws it with the metric-compatible
#: Carlito). A font without a name falls back to the viewer's own default font, whose
#: widths the row heights here would not match.
FONT_NAME = "Calibri"


def cell_font(
    *,
    bold: bool = False,
    italic: bool = False,
    size: float = _DEFAULT_SIZE,
    color: str | None = None,
) -> Font:
    from openpyxl.styles import Font

    return Font(name=FONT_NAME, family=2, scheme="minor", sz=size, b=bold, i=italic, color=color)


def put_paragraph(
    sheet: Worksheet,
    row: int,
    text: str,
    *,
    width: float,
    font: Font | None = None,
    columns: int = 1,
) -> Cell:
    """Write a paragraph to column A, wrapped across ``columns`` columns together ``width``
    characters wide, in a row as tall as the wrapped text."""
    from openpyxl.styles import Alignment

    cell = put(sheet, row, 1, text, font=font or cell_font())
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if columns > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    size = float(cell.font.sz or _DEFAULT_SIZE)
    lines = text_lines(str(cell.value or ""), width, bold=bool(cell.font.b), size=size)
    fit_row_height(sheet, row, lines, size)
    return cell


# -- printing ----------------------------------------------------------------------------------


def columns_width(widths: Sequence[float]) -> float:
    """The width, in characters, of adjacent columns taken together (each border between
    them adds a cell's padding)."""
    return sum(widths) + _PADDING_PX / _DIGIT_PX * (len(widths) - 1)


def column_mm(width: float | None) -> float:
    """The printed width of a column ``width`` characters wide, at 100 %."""
    chars = width or _DEFAULT_WIDTH
    return (chars * _DIGIT_PX + _PADDING_PX) / _PX_PER_MM


def sheet_width_mm(sheet: Worksheet) -> float:
    from openpyxl.utils import get_column_letter

    return sum(
        column_mm(sheet.column_dimensions[get_column_letter(col)].width)
        for col in range(1, sheet.max_column + 1)
    )


def set_up_printing(sheet: Worksheet, *, title_row: int | None = None) -> None:
    """A4, portrait or landscape by the sheet's width, fitted to the page's width, margins
    of an administrative document, centred, page numbers from page 2, and ``title_row``
    (the table's header) repeated on every page. Call it once the columns have their
    widths."""
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties

    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    wide = sheet_width_mm(sheet) > _LANDSCAPE_FROM_MM
    setup.orientation = sheet.ORIENTATION_LANDSCAPE if wide else sheet.ORIENTATION_PORTRAIT
    properties = sheet.sheet_properties
    if properties.pageSetUpPr is None:
        properties.pageSetUpPr = PageSetupProperties()
    properties.pageSetUpPr.fitToPage = True
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.page_margins = PageMargins(header=HEADER_MARGIN, footer=HEADER_MARGIN, **MARGINS)
    sheet.print_options.horizontalCentered = True
    if title_row is not None:
        sheet.print_title_rows = f"{title_row}:{title_row}"
    sheet.HeaderFooter.differentFirst = True
    sheet.oddHeader.center.text = "&P"
