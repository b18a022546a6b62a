"""A report as data: the document header, sections of paragraphs, tables and charts.

Report builders produce a :class:`Report` from the indicator services; the PDF renderer and
the Excel renderer both read the same object, so the figures in the PDF and in the
workbook are the same numbers. Table cells hold raw values (int đồng, ratios as
``Fraction``/``Decimal``/``float``, dates); each renderer formats them by the column's
:class:`~desktop.reports.xlsx_table.CellKind`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from desktop.core.issuers import DocumentForm
from desktop.reports.xlsx_table import CellKind

Cell = str | int | float | Decimal | Fraction | date | None


class ChartKind(StrEnum):
    BAR = "bar"  # vertical bars, one group per category
    HBAR = "hbar"  # horizontal bars: long category names (communes, programmes)
    PIE = "pie"


@dataclass(frozen=True)
class Column:
    title: str
    kind: CellKind = CellKind.TEXT
    #: Relative width in the PDF (the renderer shares the page width out by these).
    weight: float = 1.0


@dataclass(frozen=True)
class Table:
    """One table; in the workbook it becomes one sheet named ``sheet``."""

    title: str
    sheet: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Cell]]
    #: Rows shown bold after the body (totals); also written to the sheet.
    totals: Sequence[Sequence[Cell]] = ()
    #: A line under the title, e.g. "Đơn vị tính: đồng".
    note: str = ""
    #: Shown instead of an empty table.
    empty_text: str = "Không có số liệu."
    #: The least height of a body row in the PDF, in points (0: as tall as its text): room
    #: to write by hand in a list taken to the field.
    min_row_height: float = 0

    def __post_init__(self) -> None:
        for row in (*self.rows, *self.totals):
            if len(row) != len(self.columns):
                raise ValueError(f"row {row!r} does not match the {len(self.columns)} columns")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]


@dataclass(frozen=True)
class Chart:
    title: str
    kind: ChartKind
    categories: Sequence[str]
    series: Sequence[Series]
    #: How the value axis reads: MONEY (in triệu đ on the axis), PERCENT (ratios) or NUMBER.
    value_kind: CellKind = CellKind.NUMBER
    #: A horizontal reference line (e.g. the 20 % target), in the series' unit.
    target: float | None = None
    target_label: str = ""


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Signature:
    """One party's signature block in a record that several parties sign (a biên bản): the
    party's title (printed in capitals), the line under it, and the name when it is known
    (otherwise left blank, to be written in by hand)."""

    title: str
    name: str = ""
    note: str = "(Ký, ghi rõ họ tên)"


@dataclass(frozen=True)
class Signatures:
    """The signature blocks of every party of a record side by side, kept on one page with
    the sentence that leads to them. A document that ends with them has no single signer
    and no recipients (its letterhead names none)."""

    parties: Sequence[Signature]
    #: The sentence before them (kept on their page), e.g. that the parties agree.
    lead: str = ""


Block = Paragraph | Table | Chart | Signatures


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: Sequence[Block] = ()
    #: Sub-sections are numbered under their parent ("1.", "2.") by the builder's text.
    subsections: Sequence[Section] = ()


@dataclass(frozen=True)
class Letterhead:
    """Who issues the document and who signs it, in the issuing body's form: Decree 30/2020
    (Appendix I) for a People's Committee, Hướng dẫn 36-HD/VPTW for a Party committee, the
    Front's own form for an Ủy ban MTTQ (:mod:`desktop.reports.letterhead`)."""

    #: The superior body printed above the issuing body ("Đảng bộ thành phố Cần Thơ" over a
    #: commune's Đảng ủy); empty for a People's Committee.
    parent_body: str
    #: The issuing body, e.g. "Ủy ban nhân dân phường Cái Khế".
    issuing_body: str
    #: Number and symbol: "Số:      /BC-UBND", "Số 125-BC/ĐU" (blank until registered).
    number: str
    #: The place for the date line: the commune's name, or "Cần Thơ" at the city.
    place: str
    issued_on: date
    #: Lines of the signer's title ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"); none on a copy.
    signer_title: Sequence[str]
    signer_name: str
    recipients: Sequence[str] = field(default_factory=tuple)
    form: DocumentForm = DocumentForm.STATE
    #: On a report the city made from a commune's data: what it is ("Bản do … lập từ số
    #: liệu …"); empty on the issuing body's own document.
    copy_note: str = ""


@dataclass(frozen=True)
class Report:
    #: The document kind in capitals: "BÁO CÁO".
    kind: str
    #: The summary under the kind (trích yếu), e.g. "Kết quả thực hiện … quý III năm 2026".
    title: str
    letterhead: Letterhead
    sections: Sequence[Section]
    #: Paragraphs before the first section ("Thực hiện Kế hoạch số …").
    preamble: Sequence[Paragraph] = ()
    #: Short label for file names and the workbook's cover sheet.
    name: str = "report"
    #: Appendices (Phụ lục), printed after the signature, each from a new page: named lists
    #: of people belong here, never in the body.
    appendices: Sequence[Section] = ()
    #: Documents of the same kind printed after this one in the same file, each from a new
    #: page with its own head and page numbers: the record of every loan-use check of a
    #: period. Their tables follow this document's in the workbook.
    followers: Sequence[Report] = ()

    def tables(self) -> list[Table]:
        """Every table in reading order (the workbook's sheets), appendices last."""
        return [b for b in self.blocks() if isinstance(b, Table)]

    def blocks(self) -> list[Block]:
        out: list[Block] = list(self.preamble)

        def walk(section: Section) -> None:
            out.extend(section.blocks)
            for sub in section.subsections:
                walk(sub)

        for section in (*self.sections, *self.appendices):
            walk(section)
        for follower in self.followers:
            out.extend(follower.blocks())
        return out
