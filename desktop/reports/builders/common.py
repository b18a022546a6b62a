"""Pieces every report shares: how the unit covered is named in the text, who receives the
document, and the opening sentence that cites the plan.

A commune office reports to the city and to its own Party Committee and People's Council;
the city's yearly report goes to the Central Committee's Policy and Strategy Commission
(the plan, section III.3: "trước ngày 30/10 hằng năm").
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from db.enums import CommuneKind
from db.models import Commune
from desktop.core.office import CommuneInfo, list_communes
from desktop.reports.model import Block, Paragraph, Report, Section, Table
from desktop.reports.registry import ReportContext

PLAN_REFERENCE = (
    "Kế hoạch của Ban Thường vụ Thành ủy thực hiện Chỉ thị số 39-CT/TW ngày 30/10/2024 của "
    "Ban Bí thư về nâng cao hiệu quả của tín dụng chính sách xã hội trong giai đoạn mới"
)

COMMUNE_RECIPIENTS = (
    "Ủy ban nhân dân thành phố",
    "Ban Thường vụ Đảng ủy",
    "Thường trực Hội đồng nhân dân",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Phòng giao dịch Ngân hàng Chính sách xã hội",
    "Lưu: VT",
)
CITY_RECIPIENTS = (
    "Ban Chính sách, chiến lược Trung ương",
    "Thường trực Thành ủy",
    "Thường trực Hội đồng nhân dân thành phố",
    "Chi nhánh Ngân hàng Chính sách xã hội thành phố",
    "Ủy ban nhân dân các xã, phường",
    "Lưu: VT",
)


def commune_info(session: Session, code: str) -> CommuneInfo:
    row = session.get(Commune, code)
    if row is None:
        return CommuneInfo(code, code, CommuneKind.XA)
    return CommuneInfo(row.code, row.name, row.kind)


def unit_phrase(ctx: ReportContext) -> str:
    """How the text names what the report covers: "phường Cái Khế", or at the city "xã
    Thạnh An" for one commune and, for all, the communes the city holds figures of ("các xã,
    phường có số liệu (5/103 xã, phường)"; "103 xã, phường trên địa bàn thành phố" only when
    it holds every one's)."""
    if ctx.owner is None:
        from desktop.reports.builders.coverage_parts import covered_phrase
        from desktop.sync.coverage import data_coverage

        return covered_phrase(data_coverage(ctx.session))
    commune = commune_info(ctx.session, ctx.owner)
    return f"{'phường' if commune.kind is CommuneKind.PHUONG else 'xã'} {commune.name}"


def unit_label(ctx: ReportContext) -> str:
    """The same in a title or a table heading: "Phường Cái Khế" / "Các xã, phường có số
    liệu (5/103 xã, phường)"."""
    if ctx.owner is None:
        phrase = unit_phrase(ctx)
        return phrase[:1].upper() + phrase[1:]
    return commune_info(ctx.session, ctx.owner).label


def recipients(ctx: ReportContext) -> tuple[str, ...]:
    return CITY_RECIPIENTS if ctx.office.is_city else COMMUNE_RECIPIENTS


def plan_preamble(ctx: ReportContext, subject: str) -> Paragraph:
    """ "Thực hiện Kế hoạch …, Ủy ban nhân dân phường Cái Khế báo cáo <subject> như sau:" """
    body = ctx.office.office_name
    return Paragraph(f"Thực hiện {PLAN_REFERENCE}, {body} báo cáo {subject} như sau:")


def data_day(ctx: ReportContext) -> date:
    """The day the figures are taken on: the end of the period, or the document's date when
    the period is still running (the city's yearly report is due before 30/10)."""
    return min(ctx.request.period.end, ctx.request.issued_on)


def communes_by_code(session: Session) -> dict[str, CommuneInfo]:
    """The 103 communes and wards in the catalogue's order."""
    return {commune.code: commune for commune in list_communes(session)}


def lines(items: list[str]) -> str:
    """Cell text of several items, one per line."""
    return "\n".join(item for item in items if item)


def competition_ranks(values: Sequence[object]) -> list[int]:
    """Ranks of already sorted values, equal values sharing a rank (1, 2, 2, 4)."""
    ranks: list[int] = []
    for index, value in enumerate(values):
        ranks.append(ranks[-1] if index and value == values[index - 1] else index + 1)
    return ranks


def number_tables(report: Report) -> Report:
    """The report with its tables numbered in reading order ("Bảng 1. …", "Bảng 2. …"):
    builders make tables in whatever order their figures come, the reader needs them
    numbered as printed."""
    counter = itertools.count(1)

    def blocks(items: Sequence[Block]) -> list[Block]:
        return [
            replace(block, title=f"Bảng {next(counter)}. {block.title}")
            if isinstance(block, Table) and block.title
            else block
            for block in items
        ]

    def section(item: Section) -> Section:
        return replace(
            item,
            blocks=blocks(item.blocks),
            subsections=[section(sub) for sub in item.subsections],
        )

    return replace(report, sections=[section(item) for item in report.sections])
