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
from desktop.core.formatting import group_thousands
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
    return group_thousands(max(round(size / MIB), 1))


def _part_limit(name: str) -> int:
    """What one part of a workbook may unpack to, by its name."""
    name = name.lower()
    if name.startswith("xl/worksheets/") and name.endswith(".xml"):
        return MAX_SHEET_XML
    if name.endswith("sharedstrings.xml"):
        return MAX_SHARED_STRINGS
    if name.endswith((".xml", ".rels", ".vml")):
        return MAX_OTHER_PART
    return MAX_UNPACKED  # pictures and the like, which a read-only load skips


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
        limit = _part_limit(info.filename)
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


#: A merged cell: (first row, last row, first column, last column).
Merge = tuple[int, int, int, int]


@dataclass(frozen=True)
class SheetScan:
    """What one pass over a sheet's XML finds: the rows that hold a value, and the merged
    cells (``(min_row, max_row, min_col, max_col)``) that start in the heading rows."""

    rows: int
    merges: tuple[Merge, ...]


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


def _too_many_rows() -> UserError:
    return UserError(M_TOO_MANY_ROWS, limit=group_thousands(MAX_DATA_ROWS))


class _RowCounter:
    """Counts the rows holding a value in a sheet's ``<sheetData>``, fed chunk by chunk; a
    row cut by a chunk's end is carried to the next one."""

    def __init__(self, path: Path, row_limit: int) -> None:
        self.path = path
        self.row_limit = row_limit
        self.rows = 0
        self.carry = b""

    def feed(self, chunk: bytes) -> bytes | None:
        """Count the rows the chunk completes; once ``<sheetData>`` ends (or the stream,
        with an empty chunk), what follows it, else ``None``."""
        data = self.carry + chunk
        end = _SHEET_DATA_END.search(data)
        if end is not None:
            self._count(data[: end.start()], last_is_whole=True)
            return data[end.end() :]
        if not chunk:
            self._count(data, last_is_whole=True)
            return b""
        cut = self._count(data, last_is_whole=False)
        self.carry = data[cut:]
        if len(self.carry) > MAX_ROW_XML:
            raise UserError(M_NOT_EXCEL, path=self.path.name)
        return None

    def _count(self, body: bytes, *, last_is_whole: bool) -> int:
        """Count the rows in ``body`` (the last one only when it is whole); where the
        rows counted end."""
        starts = [m.start() for m in _ROW_START.finditer(body)]
        cut = len(body) if last_is_whole else (starts[-1] if starts else 0)
        for start, stop in itertools.pairwise([s for s in starts if s < cut] + [cut]):
            if stop - start > MAX_ROW_XML:
                raise UserError(M_NOT_EXCEL, path=self.path.name)
            if _VALUE.search(body, start, stop):
                self.rows += 1
        if self.rows > self.row_limit:
            raise _too_many_rows()
        return cut


def _heading_merges(data: bytes) -> set[Merge]:
    """The merged cells in ``data`` that start in the rows where headings are looked for."""
    found: set[Merge] = set()
    for match in _MERGE.finditer(data):
        first_row = int(match[2])
        if first_row <= HEADER_SEARCH_ROWS:
            columns = _column_number(match[1]), _column_number(match[3])
            found.add((first_row, int(match[4]), *columns))
    return found


def scan_sheet(stream: IO[bytes], path: Path, *, row_limit: int) -> SheetScan:
    """Stream a sheet's XML once: count the rows holding a value (refusing more than
    ``row_limit``, or a row or a preamble no real sheet has), and find its merged cells —
    openpyxl's streaming mode does not read them, and the headings need them."""
    counter = _RowCounter(path, row_limit)
    merges: set[Merge] = set()
    after_rows: bytes | None = None  # the XML after <sheetData>, once it is reached
    while True:
        chunk = stream.read(_CHUNK)
        # after the rows, a tag cut by the chunk's end is read whole with the next chunk
        data = counter.feed(chunk) if after_rows is None else after_rows[-512:] + chunk
        if data is not None:
            merges |= _heading_merges(data)
            after_rows = data
        if not chunk:
            return SheetScan(counter.rows, tuple(sorted(merges)))


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


@dataclass(frozen=True)
class _Top:
    """The first rows of a sheet, where the headings are, with the merged cells that start
    there; a merged cell's value stands in every cell it covers."""

    rows: list[list[Any]]
    merges: tuple[Merge, ...]
    fill: dict[tuple[int, int], Any]
    width: int

    @classmethod
    def of(cls, ws: Any, merges: tuple[Merge, ...]) -> _Top:
        top = [
            list(row)
            for row in ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, values_only=True)
        ]
        width = max([len(row) for row in top] + [c1 for _r0, _r1, _c0, c1 in merges] + [1])
        return cls(top, merges, _merged_fill(top, merges), width)

    def row(self, r: int) -> list[Any]:
        return self.rows[r - 1] if r - 1 < len(self.rows) else []

    def text(self, r: int, c: int) -> str:
        if (r, c) in self.fill:
            return _text(self.fill[(r, c)])
        row = self.row(r)
        return _text(row[c - 1]) if c - 1 < len(row) else ""

    def texts(self, r: int, width: int | None = None) -> list[str]:
        return [self.text(r, c) for c in range(1, (width or self.width) + 1)]


def _merged_fill(top: list[list[Any]], merges: tuple[Merge, ...]) -> dict[tuple[int, int], Any]:
    fill: dict[tuple[int, int], Any] = {}
    for min_row, max_row, min_col, max_col in merges:
        row = top[min_row - 1] if min_row - 1 < len(top) else []
        value = row[min_col - 1] if min_col - 1 < len(row) else None
        for r in range(min_row, min(max_row, HEADER_SEARCH_ROWS) + 1):
            fill.update(dict.fromkeys(((r, c) for c in range(min_col, max_col + 1)), value))
    return fill


def _header_row(top: _Top) -> int | None:
    """The row that names the most known fields (the first of equals), if it names two."""
    scores = [(heading_score(top.texts(r)), r) for r in range(1, len(top.rows) + 1)]
    best_score, header = max(scores, key=lambda pair: (pair[0], -pair[1]), default=(0, 0))
    return header if best_score >= 2 else None


def _joined_by_merges(band: set[int], top: _Top) -> set[int]:
    """Rows that a cell merged over several rows joins to the band."""
    low, high = min(band), max(band)
    joined = {
        r
        for min_r, max_r, _c0, _c1 in top.merges
        if max_r > min_r and min_r <= high and max_r >= low
        for r in range(min_r, max_r + 1)
        if r <= HEADER_SEARCH_ROWS
    }
    return joined - band


def _group_row_above(band: set[int], top: _Top) -> set[int]:
    """The row above, when it holds a group heading merged over some of the columns."""
    above = min(band) - 1
    group_above = any(
        min_r == max_r == above and 1 < c1 - c0 + 1 < top.width - 1
        for min_r, max_r, c0, c1 in top.merges
    )
    return {above} if group_above else set()


def _subheading_row_below(band: set[int], top: _Top) -> set[int]:
    """The row below, when a heading above is merged across columns and it holds texts."""
    last, below = max(band), max(band) + 1
    spans_over = any(
        min_r <= last <= max_r and c1 > c0 and max_r < below for min_r, max_r, c0, c1 in top.merges
    )
    if spans_over and below <= len(top.rows) and _looks_like_subheadings(top.row(below)):
        return {below}
    return set()


def _heading_band(top: _Top, header: int) -> tuple[int, int]:
    """The first and the last heading row: the header row and the rows merged cells join to
    it, then a group heading row above, then a sub-heading row below, one at a time."""
    band = {header}
    while True:
        grown = (
            _joined_by_merges(band, top)
            or _group_row_above(band, top)
            or _subheading_row_below(band, top)
        )
        if not grown:
            return min(band), max(band)
        band |= grown


def _headings(top: _Top, first: int, last: int) -> list[tuple[str, ...]]:
    """Each column's heading parts, top to bottom, a merged heading once; no empty columns
    at the right."""
    headings: list[tuple[str, ...]] = []
    for c in range(1, top.width + 1):
        parts: list[str] = []
        for r in range(first, last + 1):
            text = top.text(r, c)
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        headings.append(tuple(parts))
    while headings and not headings[-1]:
        headings.pop()
    return headings


def _title(top: _Top, first: int, width: int) -> str:
    """The text above the headings, a line per row."""
    lines = [" ".join(dict.fromkeys(t for t in top.texts(r, width) if t)) for r in range(1, first)]
    return "\n".join(line for line in lines if line)


def _data_rows(
    ws: Any, data_start: int, width: int, total: int, progress: Progress
) -> list[tuple[int, tuple[Any, ...]]]:
    """The rows under the headings that hold a value, up to a long run of blank ones."""
    rows: list[tuple[int, tuple[Any, ...]]] = []
    blank_run = 0
    for offset, values in enumerate(
        ws.iter_rows(min_row=data_start, max_col=width, values_only=True)
    ):
        if offset % 2000 == 0:
            progress.report(offset, total, "")
        cells = tuple(values) + (None,) * (width - len(values))
        if _is_blank(cells):
            blank_run += 1
            if blank_run > MAX_BLANK_RUN:
                break
            continue
        blank_run = 0
        rows.append((data_start + offset, cells))
        if len(rows) > MAX_DATA_ROWS:
            raise _too_many_rows()
    return rows


def _read(
    path: Path, ws: Any, names: tuple[str, ...], progress: Progress, scan: SheetScan
) -> SheetTable | None:
    ws.reset_dimensions()  # a wrong <dimension> would cut the rows short; read them all
    top = _Top.of(ws, scan.merges)
    header = _header_row(top)
    if header is None:
        return None
    first, last = _heading_band(top, header)
    headings = _headings(top, first, last)
    width = max(len(headings), 1)
    data_start = last + 1
    if data_start <= len(top.rows) and _is_numbering_row([_text(v) for v in top.row(data_start)]):
        data_start += 1
    total = max(scan.rows - data_start + 1, 0)
    return SheetTable(
        path=path,
        sheet=ws.title,
        sheets=names,
        header_rows=tuple(range(first, last + 1)),
        headings=tuple(headings),
        rows=tuple(_data_rows(ws, data_start, width, total, progress)),
        title_text=_title(top, first, width),
    )


def _looks_like_subheadings(values: list[Any]) -> bool:
    """Texts only (no numbers or dates), at least one: sub-headings, not a data row."""
    filled = [v for v in values if v is not None and not (isinstance(v, str) and not v.strip())]
    if not filled or not all(isinstance(v, str) for v in filled):
        return False
    return not _is_numbering_row([_text(v) for v in filled])
