"""Pieces every report shares: how the unit covered is named in the text, who receives the
document, and the opening sentence that cites the plan.

The recipients are the context's (:mod:`desktop.reports.recipients`: remembered per report,
defaults per issuing body); the plan is cited by its number and date from Cài đặt
(:mod:`desktop.core.plan_reference`), with gaps to fill in while they are not set.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from db.enums import CommuneKind
from db.models import Commune
from desktop.core.issuers import Body
from desktop.core.office import CommuneInfo, list_communes
from desktop.core.plan_reference import (
    DIRECTIVE,
    REPLACED_PLAN,
    plan_citation,
    plan_own_citation,
    plan_reference,
)
from desktop.reports.model import Block, Paragraph, Report, Section, Table
from desktop.reports.registry import ReportContext


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
    if ctx.owner.is_all_communes:
        from desktop.reports.builders.coverage_parts import covered_phrase
        from desktop.sync.coverage import data_coverage

        return covered_phrase(data_coverage(ctx.session))
    commune = commune_info(ctx.session, ctx.owner.unit_code)
    return f"{'phường' if commune.kind is CommuneKind.PHUONG else 'xã'} {commune.name}"


def unit_label(ctx: ReportContext) -> str:
    """The same in a title or a table heading: "Phường Cái Khế" / "Các xã, phường có số
    liệu (5/103 xã, phường)"."""
    if ctx.owner.is_all_communes:
        phrase = unit_phrase(ctx)
        return phrase[:1].upper() + phrase[1:]
    return commune_info(ctx.session, ctx.owner.unit_code).label


def recipients(ctx: ReportContext) -> tuple[str, ...]:
    return ctx.recipients


def plan_preamble(ctx: ReportContext, subject: str) -> Paragraph:
    """ "Thực hiện Kế hoạch số 215-KH/TU ngày 15/5/2025 của Ban Thường vụ Thành ủy thực hiện
    Chỉ thị …, Đảng ủy phường Cái Khế báo cáo <subject> như sau:"; the Ban Thường vụ Thành
    ủy, whose plan it is, says that it issued it."""
    reference = plan_reference(ctx.session)
    issuer = ctx.issuer
    if issuer.body is Body.THANH_UY:
        return Paragraph(
            f"Thực hiện {DIRECTIVE}, {issuer.acting} đã ban hành {plan_own_citation(reference)} "
            f"thực hiện Chỉ thị (thay thế {REPLACED_PLAN}). {issuer.acting} báo cáo {subject} "
            f"như sau:"
        )
    return Paragraph(
        f"Thực hiện {plan_citation(reference)} thực hiện {DIRECTIVE}, {issuer.acting} báo cáo "
        f"{subject} như sau:"
    )


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


def number_tables(report: Report, *, appendices: bool = False) -> Report:
    """The report with its tables numbered in reading order ("Bảng 1. …", "Bảng 2. …"):
    builders make tables in whatever order their figures come, the reader needs them
    numbered as printed. With ``appendices`` the appendices' titled tables go on counting
    (a document whose appendices hold tables the text refers to)."""
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

    numbered = replace(report, sections=[section(item) for item in report.sections])
    if not appendices:
        return numbered
    return replace(numbered, appendices=[section(item) for item in report.appendices])
