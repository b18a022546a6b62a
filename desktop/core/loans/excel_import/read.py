"""Reading one sheet of a bank list into headings and data rows.

Real lists have a few title rows ("DANH SÁCH KHÁCH HÀNG VAY VỐN… đến ngày 31/12/2025",
"ĐVT: đồng") above the table, headings spread over two rows under merged group headings
("Dư nợ" over "Trong hạn | Quá hạn | Khoanh"), sometimes a row of column numbers under the
headings, blank rows, and a totals row at the bottom. The heading row is the one among the
first rows that names the most known fields; rows joined to it by merged cells, and a row
of sub-headings right under merged group headings, belong to the headings too.

A workbook is a ZIP archive of XML parts that may unpack to far more than its size. So
before anything is parsed, the sizes its ZIP directory declares are checked (:func:`check_archive`);
then the chosen sheet's XML is streamed once to count its rows and find its merged cells
(:func:`scan_sheet`), refusing a sheet with too many rows in seconds; then the rows are read
in openpyxl's streaming (read-only) mode. Memory stays bounded whatever the file holds.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.excel_import.fields import heading_score
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.text import clean, search_key

#: Headings are looked for in the first rows only.
HEADER_SEARCH_ROWS = 40
#: A list larger than this is not a commune's list (and would exhaust memory).
MAX_DATA_ROWS = 200_000
#: Rows formatted far below the table end the reading after this many blank rows.
MAX_BLANK_RUN = 500
MAX_FILE_BYTES = 200 * 1024 * 1024
MIB = 1024 * 1024
#: What the parts of a workbook may unpack to, as its ZIP directory declares (Python's
#: ``zipfile`` never unpacks more than a member declares: it stops there with an error).
#: A sheet is streamed, so it may be large; the shared strings and the other parts are read
#: whole, so they may not.
MAX_UNPACKED = 1024 * MIB
MAX_SHEET_XML = 600 * MIB
MAX_SHARED_STRINGS = 96 * MIB
MAX_OTHER_PART = 32 * MIB
MAX_PARTS = 5000
#: One row of a sheet (16 384 cells at most in Excel) is never this long.
MAX_ROW_XML = 8 * MIB
_CHUNK = MIB

M_NOT_FOUND = QT_TRANSLATE_NOOP("ExcelImport", "The file {path} does not exist.")
M_OLD_FORMAT = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "{path} is an old Excel 97-2003 (.xls) file or is protected by a password. Open it in "
    "Excel, remove any password and save it as an Excel Workbook (.xlsx), then import that "
    "file.",
)
M_NOT_EXCEL = QT_TRANSLATE_NOOP(
    "ExcelImport", "{path} is not an Excel workbook (.xlsx) or it is damaged."
)
M_TOO_BIG = QT_TRANSLATE_NOOP("ExcelImport", "{path} is too large to be a loan list.")
M_UNPACKS_TOO_BIG = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "{path} unpacks to {size} MB ({part}), far more than a loan list needs; it was not "
    "read. Open it in Excel, keep only the list, and save it again.",
)
M_NO_SHEET = QT_TRANSLATE_NOOP(
    "ExcelImport", "The workbook has no sheet named {sheet}. Its sheets: {sheets}."
)
M_NO_HEADINGS = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "No row of column headings was found in the sheet {sheet} (looked for headings such as "
    "Họ và tên, Số CCCD, Chương trình, Số tiền vay, Ngày giải ngân in the first {rows} rows).",
)
M_TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "ExcelImport", "The sheet has more than {limit} rows; split the list into smaller files."
)
M_READING = QT_TRANSLATE_NOOP("ExcelImport", "Reading the sheet…")

_NUMBERING = re.compile(r"^\(?([0-9]{1,2}|[a-z])\)?$")


@dataclass(frozen=True)
class SheetTable:
    """One sheet, read: its headings and its data rows with their Excel row numbers."""

    path: Path
    sheet: str
    sheets: tuple[str, ...]
    header_rows: tuple[int, ...]
    headings: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]
    title_text: str

    @property
    def labels(self) -> tuple[str, ...]:
        """Each column's heading as one line ("Dư nợ / Quá hạn")."""
        return tuple(" / ".join(parts) for parts in self.headings)

    def column_letter(self, index: int) -> str:
        from openpyxl.utils import get_column_letter

        return str(get_column_letter(index + 1))


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise UserError(M_NOT_FOUND, path=str(path))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UserError(M_TOO_BIG, path=path.name)
    with path.open("rb") as fh:
        magic = fh.read(8)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError(M_OLD_FORMAT, path=path.name)
    if not magic.startswith(b"PK"):
        raise UserError(M_NOT_EXCEL, path=path.name)


def _mb(size: int) -> str:
    return f"{max(round(size / MIB), 1):,}".replace(",", ".")


def check_archive(path: Path) -> None:
    """Refuse a workbook whose parts would unpack to more than a loan list needs, from the
    sizes its ZIP directory declares, before any part is read."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise UserError(M_NOT_EXCEL, path=path.name) from exc
    if len(infos) > MAX_PARTS:
        raise UserError(M_NOT_EXCEL, path=path.name)
    total = 0
    for info in infos:
        name = info.filename.lower()
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            limit = MAX_SHEET_XML
        elif name.endswith("sharedstrings.xml"):
            limit = MAX_SHARED_STRINGS
        elif name.endswith((".xml", ".rels", ".vml")):
            limit = MAX_OTHER_PART
        else:
            limit = MAX_UNPACKED  # pictures and the like, which a read-only load skips
        total += info.file_size
        if info.file_size > limit or total > MAX_UNPACKED:
            size = info.file_size if info.file_size > limit else total
            raise UserError(
                M_UNPACKS_TOO_BIG, path=path.name, size=_mb(size), part=info.filename[:80]
            )


def _open(path: Path) -> Any:
    """The workbook in streaming (read-only) mode; the caller closes it."""
    _check_file(path)
    check_archive(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UserError(M_NOT_EXCEL, path=path.name) from exc


def list_sheets(path: Path) -> list[str]:
    """The sheet names of a workbook."""
    workbook = _open(path)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


@dataclass(frozen=True)
class SheetScan:
    """What one pass over a sheet's XML finds: the rows that hold a value, and the merged
    cells (``(min_row, max_row, min_col, max_col)``) that start in the heading rows."""

    rows: int
    merges: tuple[tuple[int, int, int, int], ...]


_NS = rb"(?:[A-Za-z_][\w.-]*:)?"
_ROW_START = re.compile(rb"<" + _NS + rb"row[\s>/]")
_VALUE = re.compile(rb"<" + _NS + rb"(?:v|is)[\s>]")
_SHEET_DATA_END = re.compile(rb"</" + _NS + rb"sheetData>")
_MERGE = re.compile(
    rb"<" + _NS + rb'mergeCell\b[^>]*?\bref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"'
)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def scan_sheet(stream: IO[bytes], path: Path, *, row_limit: int) -> SheetScan:
    """Stream a sheet's XML once: count the rows holding a value (refusing more than
    ``row_limit``, or a row or a preamble no real sheet has), and find its merged cells —
    openpyxl's streaming mode does not read them, and the headings need them."""
    rows = 0
    merges: set[tuple[int, int, int, int]] = set()
    carry = b""
    in_rows = True
    while True:
        chunk = stream.read(_CHUNK)
        data = carry + chunk
        if in_rows:
            end = _SHEET_DATA_END.search(data)
            body = data if end is None else data[: end.start()]
            starts = [m.start() for m in _ROW_START.finditer(body)]
            finished = end is not None or not chunk
            cut = len(body) if finished else (starts[-1] if starts else 0)
            bounds = [s for s in starts if s < cut] + [cut]
            for start, stop in itertools.pairwise(bounds):
                if stop - start > MAX_ROW_XML:
                    raise UserError(M_NOT_EXCEL, path=path.name)
                if _VALUE.search(body, start, stop):
                    rows += 1
            if rows > row_limit:
                raise UserError(M_TOO_MANY_ROWS, limit=f"{MAX_DATA_ROWS:,}".replace(",", "."))
            if finished:
                in_rows = False
                data = data[end.end() :] if end is not None else b""
            else:
                carry = body[cut:]
                if len(carry) > MAX_ROW_XML:
                    raise UserError(M_NOT_EXCEL, path=path.name)
        if not in_rows:
            for match in _MERGE.finditer(data):
                first_row = int(match[2])
                if first_row <= HEADER_SEARCH_ROWS:
                    merges.add(
                        (
                            first_row,
                            int(match[4]),
                            _column_number(match[1]),
                            _column_number(match[3]),
                        )
                    )
            carry = data[-512:]
        if not chunk:
            return SheetScan(rows, tuple(sorted(merges)))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value))


def _is_blank(values: tuple[Any, ...]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _is_numbering_row(values: list[str]) -> bool:
    """A row of column numbers under the headings: "1 2 3 …", "(1) (2) …" or "A B C …"."""
    filled = [search_key(v) for v in values if v]
    return len(filled) >= 3 and all(_NUMBERING.match(v) for v in filled)


def read_sheet(
    path: Path, sheet: str | None = None, progress: Progress = NO_PROGRESS
) -> SheetTable:
    """Read ``sheet`` (default: the first sheet whose headings are recognised)."""
    progress.report(0, 0, "")
    workbook = _open(path)
    try:
        names = tuple(workbook.sheetnames)
        if sheet is not None:
            if sheet not in names:
                raise UserError(M_NO_SHEET, sheet=sheet, sheets=", ".join(names))
            candidates = [sheet]
        else:
            candidates = list(names)
        for name in candidates:
            ws = workbook[name]
            scan = _scan(path, ws)
            table = _read(path, ws, names, progress, scan)
            if table is not None:
                return table
    finally:
        workbook.close()
    raise UserError(M_NO_HEADINGS, sheet=sheet or names[0], rows=HEADER_SEARCH_ROWS)


def _scan(path: Path, ws: Any) -> SheetScan:
    """:func:`scan_sheet` over the XML part of ``ws`` (a streaming worksheet)."""
    member = str(getattr(ws, "_worksheet_path", "")).lstrip("/")
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member) as stream:
            return scan_sheet(stream, path, row_limit=MAX_DATA_ROWS + HEADER_SEARCH_ROWS + 1)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError) as exc:
        raise UserError(M_NOT_EXCEL, path=path.name) from exc


def _read(
    path: Path, ws: Any, names: tuple[str, ...], progress: Progress, scan: SheetScan
) -> SheetTable | None:
    ws.reset_dimensions()  # a wrong <dimension> would cut the rows short; read them all
    top: list[list[Any]] = [
        list(row) for row in ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, values_only=True)
    ]
    merges = list(scan.merges)
    width = max(
        [len(row) for row in top] + [c1 for _r0, _r1, _c0, c1 in merges] + [1],
    )
    merged_fill: dict[tuple[int, int], Any] = {}
    for min_row, max_row, min_col, max_col in merges:
        row = top[min_row - 1] if min_row - 1 < len(top) else []
        value = row[min_col - 1] if min_col - 1 < len(row) else None
        for r in range(min_row, min(max_row, HEADER_SEARCH_ROWS) + 1):
            for c in range(min_col, max_col + 1):
                merged_fill[(r, c)] = value

    def cell_text(r: int, c: int) -> str:
        """The text of a cell in the first rows, merged cells carrying their value."""
        if (r, c) in merged_fill:
            return _text(merged_fill[(r, c)])
        row = top[r - 1] if r - 1 < len(top) else []
        return _text(row[c - 1]) if c - 1 < len(row) else ""

    def row_texts(r: int) -> list[str]:
        return [cell_text(r, c) for c in range(1, width + 1)]

    scores = [(heading_score(row_texts(r)), r) for r in range(1, len(top) + 1)]
    best_score, header = max(scores, key=lambda pair: (pair[0], -pair[1]), default=(0, 0))
    if best_score < 2:
        return None
    band = {header}
    changed = True
    while changed:
        changed = False
        for min_r, max_r, _c0, _c1 in merges:
            if max_r > min_r and min_r <= max(band) and max_r >= min(band):
                for r in range(min_r, max_r + 1):
                    if r not in band and r <= HEADER_SEARCH_ROWS:
                        band.add(r)
                        changed = True
        above = min(band) - 1
        group_above = any(
            min_r == max_r == above and 1 < c1 - c0 + 1 < width - 1
            for min_r, max_r, c0, c1 in merges
        )
        if group_above and not changed:
            band.add(above)
            changed = True
        below = max(band) + 1
        spans_over = any(
            min_r <= max(band) <= max_r and c1 > c0 and max_r < below
            for min_r, max_r, c0, c1 in merges
        )
        if (
            spans_over
            and below <= len(top)
            and not changed
            and _looks_like_subheadings(top[below - 1])
        ):
            band.add(below)
            changed = True
    first, last = min(band), max(band)
    headings: list[tuple[str, ...]] = []
    for c in range(1, width + 1):
        parts: list[str] = []
        for r in range(first, last + 1):
            text = cell_text(r, c)
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        headings.append(tuple(parts))
    while headings and not headings[-1]:
        headings.pop()
    width = max(len(headings), 1)
    title_lines = [" ".join(dict.fromkeys(t for t in row_texts(r) if t)) for r in range(1, first)]
    data_start = last + 1
    if data_start <= len(top) and _is_numbering_row([_text(v) for v in top[data_start - 1]]):
        data_start += 1
    rows: list[tuple[int, tuple[Any, ...]]] = []
    blank_run = 0
    total = max(scan.rows - data_start + 1, 0)
    for offset, values in enumerate(
        ws.iter_rows(min_row=data_start, max_col=width, values_only=True)
    ):
        row_number = data_start + offset
        if offset % 2000 == 0:
            progress.report(offset, total, "")
        cells = tuple(values) + (None,) * (width - len(values))
        if _is_blank(cells):
            blank_run += 1
            if blank_run > MAX_BLANK_RUN:
                break
            continue
        blank_run = 0
        rows.append((row_number, cells))
        if len(rows) > MAX_DATA_ROWS:
            raise UserError(M_TOO_MANY_ROWS, limit=f"{MAX_DATA_ROWS:,}".replace(",", "."))
    return SheetTable(
        path=path,
        sheet=ws.title,
        sheets=names,
        header_rows=tuple(range(first, last + 1)),
        headings=tuple(headings),
        rows=tuple(rows),
        title_text="\n".join(line for line in title_lines if line),
    )


def _looks_like_subheadings(values: list[Any]) -> bool:
    """Texts only (no numbers or dates), at least one: sub-headings, not a data row."""
    filled = [v for v in values if v is not None and not (isinstance(v, str) and not v.strip())]
    if not filled or not all(isinstance(v, str) for v in filled):
        return False
    return not _is_numbering_row([_text(v) for v in filled])
