"""``organisation-grades``: the year's grade of each entrusted organisation's work (Hội Nông
dân, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh, Đoàn Thanh niên: tốt, khá, trung bình, yếu).

For one commune: each organisation's grade beside the year before, with the remarks
recorded, and the loans each organisation manages at the end of the year (outstanding,
overdue) — what the grade was given on. At the city, for every commune: how many communes
reported their grades, how many graded each organisation tốt, khá, … and every commune's
grades ("Chưa báo cáo" where no grade arrived).
"""

from __future__ import annotations

from db.enums import OfficeMode, PeriodKind
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.common import organisations
from desktop.core.loans.indicators import Dimension, indicator_table
from desktop.core.loans.organisation_grades import list_organisation_grades
from desktop.reports.builders import loan_parts, loan_work_parts
from desktop.reports.builders.common import (
    data_day,
    number_tables,
    plan_preamble,
    recipients,
    unit_phrase,
)
from desktop.reports.builders.vocabulary import Numbering
from desktop.reports.model import Block, Column, Paragraph, Report, Section, Table
from desktop.reports.registry import ReportContext, ReportSpec, register

NAME = "organisation-grades"


def remarks_table(ctx: ReportContext, year: int) -> Table | None:
    """The remarks recorded with the year's grades, when there are any."""
    names = {o.code: o.name for o in organisations(ctx.session)}
    rows = [
        (names.get(g.organisation_code, g.organisation_code), g.notes)
        for g in list_organisation_grades(ctx.session, ctx.owner)
        if g.year == year and g.notes
    ]
    if not rows:
        return None
    return Table(
        f"Nhận xét kèm kết quả xếp loại năm {year}",
        "Nhận xét",
        [Column("Tổ chức nhận ủy thác", weight=2), Column("Nhận xét", weight=4)],
        rows,
    )


def build(ctx: ReportContext) -> Report:
    year = ctx.request.period.year
    unit = unit_phrase(ctx)
    day = data_day(ctx)
    numbering = Numbering()
    if ctx.owner.is_all_communes:
        blocks = loan_work_parts.city_grades_blocks(ctx, year, by_commune=True)
        sections = [
            Section(numbering.section("Kết quả xếp loại"), blocks[:2]),
            Section(numbering.section("Kết quả xếp loại theo xã, phường"), blocks[2:]),
        ]
    else:
        grades: list[Block] = loan_work_parts.commune_grades_blocks(ctx, unit, year)
        remarks = remarks_table(ctx, year)
        if remarks is not None:
            grades.append(remarks)
        by_organisation = indicator_table(
            ctx.session, Dimension.ORGANISATION, owner=ctx.owner, as_of=day, year=year
        )
        sections = [
            Section(numbering.section("Kết quả xếp loại"), grades),
            Section(
                numbering.section("Dư nợ do các tổ chức quản lý"),
                [
                    loan_parts.quality_table(
                        by_organisation,
                        f"Dư nợ và chất lượng tín dụng theo tổ chức nhận ủy thác đến ngày "
                        f"{format_date(day)}",
                        "Dư nợ theo tổ chức",
                        "Tổ chức nhận ủy thác",
                    ),
                    loan_parts.checks_table(
                        by_organisation,
                        f"Kiểm tra sử dụng vốn vay năm {year} theo tổ chức nhận ủy thác",
                        "Kiểm tra theo tổ chức",
                        "Tổ chức nhận ủy thác",
                    ),
                ],
            ),
        ]
    where = f"\ncủa {unit}" if ctx.office.is_city else ""
    return number_tables(
        Report(
            kind="Báo cáo",
            title=(
                "Kết quả xếp loại hoạt động nhận ủy thác của các tổ chức chính trị - xã hội\n"
                f"năm {year}{where}"
            ),
            letterhead=ctx.letterhead(recipients(ctx)),
            preamble=[
                plan_preamble(
                    ctx,
                    f"kết quả xếp loại hoạt động nhận ủy thác cho vay của các tổ chức chính trị "
                    f"- xã hội năm {year} của {unit}",
                ),
                Paragraph(
                    "Xếp loại do các tổ chức và Ngân hàng Chính sách xã hội đánh giá hằng năm "
                    "(tốt, khá, trung bình, yếu), xã, phường ghi nhận và gửi về thành phố; dư "
                    f"nợ tính đến ngày {format_date(day)}.",
                    italic=True,
                ),
            ],
            sections=sections,
            name=NAME,
        )
    )


SPEC = register(
    ReportSpec(
        NAME,
        QT_TRANSLATE_NOOP("ReportBuilders", "Grades of the entrusted organisations"),
        QT_TRANSLATE_NOOP(
            "ReportBuilders",
            "The year's grade of each entrusted organisation's work (Hội Nông dân, Hội Phụ "
            "nữ, Hội Cựu chiến binh, Đoàn Thanh niên) beside the year before, with the loans "
            "each manages (at the city for all communes: how many communes reported and every "
            "commune's grades).",
        ),
        frozenset({OfficeMode.COMMUNE, OfficeMode.CITY}),
        (PeriodKind.YEAR,),
        build,
        file_stem="Xep-loai-uy-thac",
    )
)
