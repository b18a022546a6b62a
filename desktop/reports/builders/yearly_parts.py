"""Pieces of the city's yearly report (``city-yearly``) that put a year's figures beside the
previous year's and estimate the whole year, follow the plan's parts, and print the city
office's own assessment (:mod:`desktop.core.yearly`).

- The report's day D is its cut-off (31/12, or the document's date while the year runs); each
  figure that grows through the year is the year's from 1 January to D, beside the same span
  of the year before (to the same day); each figure of a day (outstanding balances, ratios)
  is D's beside the same day of the year before (:class:`YearBasis`).
- Made before the year ends, a report may add the whole year's estimate of a group of
  figures, by the stated rule or as the city's clerk entered it; the table says which.
- Parts II–IV are the clerk's texts; a part not written says so, pointing at where it is
  written and at the communes' own difficulties and proposals in the appendix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from db.base import CITY_CODE
from desktop.core.formatting import format_date, format_percent, group_thousands
from desktop.core.office import CommuneInfo
from desktop.core.periods import Period
from desktop.core.plan_reference import plan_numbering
from desktop.core.tasks.remarks import Remark
from desktop.core.tasks.status import TaskCompletion, plan_part
from desktop.core.yearly.figures import (
    Group,
    YearFigures,
    days_elapsed,
    days_in_year,
    figures_of,
    needs_estimate,
    same_day_before,
)
from desktop.core.yearly.review import ReviewRow
from desktop.reports.builders import task_parts
from desktop.reports.builders.period_parts import money_cell, money_text
from desktop.reports.model import Block, Cell, Column, Paragraph, Section, Table
from desktop.reports.xlsx_table import CellKind

NOT_WRITTEN = "(Chưa soạn nội dung này.)"
#: Said once, at the head of part II, when any of parts II–IV is not written yet.
WHERE_WRITTEN = (
    "Các phần II, III, IV do Văn phòng cấp thành phố soạn trong TDCS (trang Báo cáo, nút "
    "“Đánh giá năm…”); khó khăn, đề xuất của các xã, phường được tổng hợp tại "
    "Phụ lục 3 để tham khảo. Phần nào chưa soạn được ghi “Chưa soạn nội dung này”."
)


@dataclass(frozen=True)
class YearBasis:
    """The report's year, its day and the day it is compared with, and the city's own
    assessment of the year (``None``: not written)."""

    year: int
    day: date
    review: ReviewRow | None = None

    @property
    def before(self) -> date:
        """The same day of the year before."""
        return same_day_before(self.day)

    @property
    def running(self) -> bool:
        return needs_estimate(self.year, self.day)

    def span(self, previous: bool = False) -> str:
        """ "Năm 2026 (đến 20/10/2026)" — from 1 January — or "Cùng kỳ năm 2025 (đến
        20/10/2025)"; once the year has ended "Năm 2026" / "Năm 2025"."""
        year, day = (self.year - 1, self.before) if previous else (self.year, self.day)
        if not self.running:
            return f"Năm {year}"
        head = f"Cùng kỳ năm {year}" if previous else f"Năm {year}"
        return f"{head} (đến {format_date(day)})"

    def on_day(self, previous: bool = False) -> str:
        """ "Ngày 20/10/2025" — the day a figure of a day is taken on."""
        return f"Ngày {format_date(self.before if previous else self.day)}"

    def estimate(self, group: Group, figures: YearFigures) -> tuple[dict[str, int | None], bool]:
        """The whole year's estimate of each figure of ``group`` and whether it is the
        rule's; empty when the report needs none or the city gave none."""
        review = self.review
        if not self.running or review is None:
            return {}, False
        if review.by_rule(group):
            return {f.key: figures.estimate_by_rule(f.key) for f in figures_of(group)}, True
        entered = {f.key: review.entered(f.key) for f in figures_of(group)}
        if all(value is None for value in entered.values()):
            return {}, False
        return entered, False

    def estimate_label(self, by_rule: bool) -> str:
        how = " (theo quy tắc)" if by_rule else ""
        return f"Ước thực hiện cả năm {self.year}{how}"

    def estimate_note(self, by_rule: bool) -> str:
        if by_rule:
            return (
                f"Ước thực hiện cả năm {self.year} theo quy tắc: số liệu từ 01/01 đến ngày "
                f"{format_date(self.day)} × {days_in_year(self.year)} ÷ "
                f"{days_elapsed(self.day)} (số ngày đã qua của năm), làm tròn"
            )
        return f"Ước thực hiện cả năm {self.year}: số do cơ quan soạn thảo báo cáo ước tính"


# -- a year beside the year before ---------------------------------------------------------------
@dataclass(frozen=True)
class FigureColumn:
    key: str
    title: str
    money: bool = False
    weight: float = 1.5


def year_table(
    title: str,
    sheet: str,
    basis: YearBasis,
    group: Group,
    columns: Sequence[FigureColumn],
    now: YearFigures,
    before: YearFigures,
    note: str = "",
) -> Table:
    """One row per span — the same span of the year before, the year to its day and, when
    there is one, the estimate for the whole year — one column per figure."""

    def cells(values: dict[str, int | None]) -> tuple[Cell, ...]:
        return tuple(money_cell(values.get(c.key), c.money) for c in columns)

    rows: list[tuple[Cell, ...]] = [
        (basis.span(previous=True), *cells(before.values)),
        (basis.span(), *cells(now.values)),
    ]
    estimate, by_rule = basis.estimate(group, now)
    notes = [note] if note else []
    if estimate:
        rows.append((basis.estimate_label(by_rule), *cells(estimate)))
        notes.append(basis.estimate_note(by_rule))
    return Table(
        title,
        sheet,
        [
            Column("Thời gian", weight=3.0),
            *(
                Column(c.title, CellKind.MILLIONS if c.money else CellKind.NUMBER, c.weight)
                for c in columns
            ),
        ],
        rows,
        note=". ".join(notes),
    )


def compared(before: int | None, now: int | None, what: str = "cùng kỳ năm trước") -> str:
    """ "tăng 12,50 % so với cùng kỳ năm trước" / "giảm …" / "bằng …"; without a figure of
    the year before: "cùng kỳ năm trước chưa có số liệu"; from nothing: "cùng kỳ năm
    trước không có"."""
    if before is None or now is None:
        return f"{what} chưa có số liệu"
    if now == before:
        return f"bằng {what}"
    if before == 0:
        return f"{what} không có"
    rate = Fraction(now - before, before)
    word = "tăng" if now > before else "giảm"
    return f"{word} {format_percent(abs(rate))} so với {what}"


def count_text(value: int | None, unit: str) -> str:
    return "chưa có số liệu" if value is None else f"{group_thousands(value)} {unit}"


def money_phrase(value: int | None) -> str:
    return "chưa có số liệu" if value is None else money_text(value, True)


# -- the plan's parts --------------------------------------------------------------------------
def city_task_paragraphs(
    items: Sequence[task_parts.TaskLineReport], part: str, period: Period
) -> list[Paragraph]:
    """What the city office reported on the tasks of one part of the plan, a paragraph a
    task: its status, what was done, the documents issued; the tasks without a record of the
    year named together at the end."""
    out = []
    missing = []
    for item in items:
        line = item.state.line
        if plan_part(line.plan_task_code) != part:
            continue
        if item.state.status is None:
            missing.append(line.title if line.is_sub_task else plan_numbering(line.plan_task_code))
            continue
        name = (
            line.title
            if line.is_sub_task
            else f"{plan_numbering(line.plan_task_code)}: {line.title}"
        )
        status = task_parts.status_text(item, period).replace("\n", " ")
        text = f"- {name} — {status[:1].lower()}{status[1:]}."
        done = task_parts.results_text(item, period).replace("\n", " ")
        if done:
            text += f" {done.rstrip('.')}."
        documents = task_parts.documents_text(item).replace("\n", "; ")
        if documents:
            text += f" Văn bản đã ban hành: {documents.rstrip('.')}."
        out.append(Paragraph(text))
    if missing:
        which = "nhiệm vụ" if len(missing) == 1 else f"{len(missing)} nhiệm vụ"
        out.append(Paragraph(f"- Chưa báo cáo kết quả {which}: {', '.join(missing)}."))
    return out


def communes_part_sentence(part: str, completion: TaskCompletion, phrase: str) -> Paragraph:
    """How the covered communes stand on the tasks of one part of the plan."""
    if not completion.expected:
        return Paragraph(f"Các xã, phường không báo cáo nhiệm vụ thuộc mục {part}.")
    return Paragraph(
        f"Ở {phrase}: {completion.reported}/{completion.expected} lượt nhiệm vụ thuộc mục "
        f"{part} đã có báo cáo kết quả ({completion.completed} hoàn thành, {completion.ongoing} "
        f"thực hiện thường xuyên, {completion.in_progress} đang triển khai, "
        f"{completion.not_started} chưa triển khai); {completion.missing} lượt chưa có báo cáo."
    )


def part_intro(
    city_items: Sequence[task_parts.TaskLineReport],
    part: str,
    period: Period,
    completion: TaskCompletion | None,
    phrase: str,
) -> list[Block]:
    """A part's opening: the city office's tasks, then the communes' standing."""
    city = city_task_paragraphs(city_items, part, period)
    blocks: list[Block] = [Paragraph("Ở cấp thành phố:", italic=True)]
    blocks += city or [Paragraph(f"- Cấp thành phố không có nhiệm vụ thuộc mục {part}.")]
    if completion is not None:
        blocks.append(communes_part_sentence(part, completion, phrase))
    return blocks


# -- the city's own assessment -------------------------------------------------------------------
def written(text: str) -> list[Paragraph]:
    """The clerk's text, a paragraph a line (blank lines dropped); the note when empty."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [Paragraph(line) for line in lines] or [Paragraph(NOT_WRITTEN, italic=True)]


def assessment_sections(basis: YearBasis, heading: str) -> Section:
    """II. Đánh giá chung: strengths, shortcomings, causes, lessons."""
    review = basis.review
    parts = (
        ("1. Ưu điểm", review.strengths if review else ""),
        ("2. Hạn chế", review.shortcomings if review else ""),
        ("3. Nguyên nhân", review.causes if review else ""),
        ("4. Bài học kinh nghiệm", review.lessons if review else ""),
    )
    missing = review is None or not all(
        getattr(review, name).strip()
        for name in ("strengths", "shortcomings", "causes", "lessons", "directions", "proposals")
    )
    return Section(
        heading,
        [Paragraph(WHERE_WRITTEN, italic=True)] if missing else [],
        subsections=[Section(title, written(text)) for title, text in parts],
    )


# -- the communes' difficulties and proposals ---------------------------------------------------
def _remark_lines(remark: Remark) -> list[Paragraph]:
    where = f"{remark.task}, {remark.period.label_vi()}"
    out = []
    if remark.difficulties:
        out.append(Paragraph(f"- Khó khăn ({where}): {remark.difficulties.rstrip('.')}."))
    if remark.proposals:
        out.append(Paragraph(f"- Đề xuất ({where}): {remark.proposals.rstrip('.')}."))
    return out


def remarks_blocks(
    remarks: dict[str, list[Remark]], communes: dict[str, CommuneInfo]
) -> list[Block]:
    """The city office's and each covered commune's difficulties and proposals of the year,
    by office in the catalogue's order; the offices that wrote none are counted."""
    blocks: list[Block] = []
    own = remarks.get(CITY_CODE, [])
    blocks.append(Paragraph("Cấp thành phố", bold=True))
    blocks += [p for r in own for p in _remark_lines(r)] or [
        Paragraph("Không nêu khó khăn, đề xuất.", italic=True)
    ]
    silent = 0
    for code, commune in communes.items():
        found = remarks.get(code, [])
        if not found:
            silent += 1
            continue
        blocks.append(Paragraph(commune.label, bold=True))
        blocks += [p for r in found for p in _remark_lines(r)]
    blocks.append(
        Paragraph(
            f"{silent}/{len(communes)} xã, phường có số liệu không nêu khó khăn, đề xuất trong "
            f"báo cáo tiến độ năm.",
            italic=True,
        )
    )
    return blocks
