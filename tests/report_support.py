"""Reading reports back for tests: the PDF's text through poppler (``pdftotext``,
``pdffonts``), the numbers on a printed row, the rows of a workbook's sheet, and the checks
every report must pass (Vietnamese text, embedded fonts, the workbook equal to the report,
the Word draft holding the PDF's figures: :mod:`tests.docx_support`)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from desktop.core.database import Database
from desktop.core.formatting import official_date
from desktop.core.issuers import DocumentForm
from desktop.reports.model import Cell, Report, Table
from desktop.reports.registry import ReportRequest, get_report
from desktop.reports.service import make_report, save_report
from desktop.reports.workbook import COVER_SHEET
from tests.docx_support import check_word_draft

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_SUB = "Độc lập - Tự do - Hạnh phúc"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
#: A number as the PDF prints it: 1.234.567, 60, 2,68 %, 100 %, an amount in triệu đồng
#: (17.590.000,00), or "–" for no figure; never a piece of a date (05/02/2026) or of a code
#: (II.2.a).
_VALUE = re.compile(
    r"(?<![\w/.,])(–|-?\d+,\d+ %|-?\d+ %|-?\d{1,3}(?:\.\d{3})*,\d{2}|-?\d{1,3}(?:\.\d{3})+"
    r"|-?\d+)(?![\w/.,%]|,\d)"
)


def arrivals(report: Report) -> Table:
    """The city-yearly report's table of the communes without figures, short of files or
    late (its Phụ lục 1)."""
    return next(t for t in report.tables() if "gửi thiếu hoặc gửi chậm" in t.title)


def pdftotext(path: Path, *, layout: bool = True) -> str:
    args = ["pdftotext", "-layout"] if layout else ["pdftotext"]
    done = subprocess.run([*args, str(path), "-"], capture_output=True, check=True, text=True)
    return done.stdout


def flat(text: str) -> str:
    """The text with every run of white space made one space (sentences across lines)."""
    return " ".join(text.split())


def pdffonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def value(token: str) -> int | Decimal | None:
    """A printed number: 1.234.567 → 1234567; 2,68 % → Decimal("2.68"); 40,50 (triệu
    đồng) → Decimal("40.50"); "–" → None."""
    if token == "–":
        return None
    if token.endswith("%"):
        return Decimal(token.rstrip(" %").replace(",", "."))
    if "," in token:
        return Decimal(token.replace(".", "").replace(",", "."))
    return int(token.replace(".", ""))


def values(line: str) -> list[int | Decimal | None]:
    return [value(token) for token in _VALUE.findall(line)]


def after(text: str, marker: str) -> str:
    """``text`` from ``marker`` on (a table's caption), up to the next table caption."""
    start = text.index(marker)
    following = re.search(r"\n\s*Bảng \d+\. ", text[start + len(marker) :])
    end = start + len(marker) + following.start() if following else len(text)
    return text[start:end]


def row_values(text: str, label: str) -> list[int | Decimal | None]:
    """The numbers on the first printed line that starts with ``label``."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(label) and (
            len(stripped) == len(label) or stripped[len(label)] == " "
        ):
            return values(stripped[len(label) :])
    raise AssertionError(f"no line starts with {label!r}")


def percent(ratio: Fraction | None) -> Decimal | None:
    """A ratio as the PDF prints it (two decimals, half up), as :func:`value` reads it."""
    if ratio is None:
        return None
    exact = Decimal(ratio.numerator) / Decimal(ratio.denominator) * 100
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def money(amount: Fraction | int | None) -> int | None:
    """An amount as the PDF prints it (averages rounded to the đồng)."""
    return None if amount is None else round(float(amount))


def exported_list(path: Path) -> tuple[list[Any], list[tuple[Any, ...]]]:
    """The header and the data rows of a list exported from a page (title, office, then the
    table under its frozen header), read back with openpyxl."""
    workbook = load_workbook(path)
    try:
        sheet = workbook.active
        assert sheet is not None and sheet.freeze_panes is not None
        first = sheet[sheet.freeze_panes].row  # the first data row, under the frozen header
        header = [c.value for c in sheet[first - 1]]
        return header, list(sheet.iter_rows(min_row=first, values_only=True))
    finally:
        workbook.close()


def sheet_rows(path: Path, sheet: str, *, key: int = 0) -> dict[str, tuple[Any, ...]]:
    """A workbook sheet's rows keyed by the text in column ``key`` (first row wins)."""
    workbook = load_workbook(path, read_only=True)
    try:
        found: dict[str, tuple[Any, ...]] = {}
        for row in workbook[sheet].iter_rows(values_only=True):
            if row and len(row) > key and isinstance(row[key], str):
                found.setdefault(row[key], tuple(row))
        return found
    finally:
        workbook.close()


@dataclass
class Made:
    report: Report
    pdf: Path
    xlsx: Path
    text: str
    docx: Path

    @property
    def flat(self) -> str:
        return flat(self.text)


def make(database: Database, name: str, request: ReportRequest, folder: Path) -> Made:
    """Make the report and save it as PDF, as Excel and as Word."""
    report = make_report(database, get_report(name), request)
    stem = f"{name}-{request.commune_code or 'all'}-{request.period.code()}"
    pdf = save_report(report, folder / f"{stem}.pdf")
    xlsx = save_report(report, folder / f"{stem}.xlsx")
    docx = save_report(report, folder / f"{stem}.docx")
    return Made(report, pdf, xlsx, pdftotext(pdf), docx)


def _same(got: Any, want: Cell) -> bool:
    if isinstance(want, Fraction | Decimal | float):
        return got == pytest.approx(float(want))
    if isinstance(want, date):
        return isinstance(got, datetime | date) and got.strftime("%Y%m%d") == want.strftime(
            "%Y%m%d"
        )
    if want == "" and got is None:
        return True
    return bool(got == want)


def check_document(made: Made, place: str, issued_on: date) -> None:
    """What every report must be: Vietnamese text that extracts exactly, the head of its
    issuing body's form (the national motto on a state or Front document; "ĐẢNG CỘNG SẢN
    VIỆT NAM" and no motto on a Party one), every font embedded, a workbook holding the
    same rows as the document, and a Word draft with the same figures."""
    text = made.text
    party = made.report.letterhead.form is DocumentForm.PARTY
    head = (PARTY, "- Lưu Văn phòng") if party else (MOTTO, MOTTO_SUB, "- Lưu: VT.")
    for expected in (
        *head,
        official_date(issued_on, place),
        "BÁO CÁO",
        made.report.title.splitlines()[0],
        "Nơi nhận:",
    ):
        assert expected in text, expected
    if party:
        assert MOTTO not in text and MOTTO_SUB not in text
    fonts = pdffonts(made.pdf)
    assert fonts
    for row in fonts:
        assert row[0].split("+")[-1].startswith("LiberationSerif"), row
        assert row[-5] == "yes", f"not embedded: {row}"
    workbook = load_workbook(made.xlsx, read_only=True)
    try:
        tables = made.report.tables()
        assert workbook.sheetnames[0] == COVER_SHEET
        assert len(workbook.sheetnames) == len(tables) + 1
        for name, table in zip(workbook.sheetnames[1:], tables, strict=True):
            rows = list(workbook[name].iter_rows(values_only=True))
            header = next(
                i for i, row in enumerate(rows) if row and row[0] == table.columns[0].title
            )
            body = rows[header + 1 :]
            want = [*table.rows, *table.totals]
            assert len(body) == len(want), table.title
            for got_row, want_row in zip(body, want, strict=True):
                for got, cell in zip(got_row, want_row, strict=True):
                    assert _same(got, cell), (table.title, got_row, want_row)
    finally:
        workbook.close()
    check_word_draft(made.report, made.docx)
