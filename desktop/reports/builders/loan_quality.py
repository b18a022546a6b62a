"""``loan-quality``: outstanding balance and loan quality at the end of a period (or on the
document's date, while the period runs) by programme, by entrusted organisation, by
savings-and-loan group and by hamlet, with arrears ageing and the year's loan-use checks.

At the city, for every commune together, the tables by group and by hamlet (thousands of
rows) give way to the table by commune.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

from db.enums import GroupGrade, GroupStatus, OfficeMode, PeriodKind
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.groups import list_groups
from desktop.core.loans.indicators import Dimension, IndicatorTable, indicator_table
from desktop.reports.builders import loan_parts, loan_work_parts
from desktop.reports.builders.common import (
    data_day,
    number_tables,
    plan_preamble,
    recipients,
    unit_phrase,
)
from desktop.reports.builders.vocabulary import TOTAL, Numbering
from desktop.reports.model import Block, Column, Paragraph, Report, Section, Table
from desktop.reports.registry import ReportContext, ReportSpec, register
from desktop.reports.xlsx_table import CellKind

NAME = "loan-quality"

GRADES = {
    GroupGrade.TOT: "Tốt",
    GroupGrade.KHA: "Khá",
    GroupGrade.TRUNG_BINH: "Trung bình",
    GroupGrade.YEU: "Yếu",
}


def grades_table(ctx: ReportContext) -> Table:
    """Active groups by their latest grade (from the groups list)."""
    day = data_day(ctx)
    groups = [
        g for g in list_groups(ctx.session, ctx.owner, as_of=day) if g.status is GroupStatus.ACTIVE
    ]
    count = Counter(g.grade for g in groups)
    total = len(groups)

    def share(n: int) -> Fraction | None:
        return Fraction(n, total) if total else None

    rows = [(GRADES[grade], count[grade], share(count[grade])) for grade in GroupGrade]
    rows.append(("Chưa xếp loại", count[None], share(count[None])))
    return Table(
        "Tổ TK&VV đang hoạt động theo kết quả xếp loại gần nhất",
        "Xếp loại Tổ TK&VV",
        [
            Column("Xếp loại", weight=3),
            Column("Số tổ", CellKind.NUMBER, 1.4),
            Column("Tỷ lệ", CellKind.PERCENT, 1.4),
        ],
        rows,
        totals=[(TOTAL, total, share(total))],
    )


def build(ctx: ReportContext) -> Report:
    session = ctx.session
    period = ctx.request.period
    year = period.year
    day = data_day(ctx)
    unit = unit_phrase(ctx)
    numbering = Numbering()
    everyone = ctx.owner is None
    dimensions = (
        [Dimension.PROGRAMME, Dimension.ORGANISATION, Dimension.COMMUNE]
        if everyone
        else [Dimension.PROGRAMME, Dimension.ORGANISATION, Dimension.GROUP, Dimension.HAMLET]
    )
    tables: dict[Dimension, IndicatorTable] = {}
    for step, dimension in enumerate(dimensions):
        ctx.progress.report(step, len(dimensions) + 1, "Chất lượng tín dụng")
        tables[dimension] = indicator_table(
            session, dimension, owner=ctx.owner, as_of=day, year=year
        )
    programme = tables[Dimension.PROGRAMME]
    organisation = tables[Dimension.ORGANISATION]

    overview: list[Block] = [loan_parts.quality_sentence(unit, programme.total, day)]
    by_programme: list[Block] = [
        loan_parts.quality_table(
            programme,
            "Dư nợ và chất lượng tín dụng theo chương trình cho vay",
            "Theo chương trình",
            "Chương trình",
        )
    ]
    chart = loan_parts.outstanding_chart(programme, "Cơ cấu dư nợ theo chương trình cho vay")
    if chart is not None:
        by_programme.append(chart)
    by_organisation: list[Block] = [
        loan_parts.quality_table(
            organisation,
            "Dư nợ và chất lượng tín dụng theo tổ chức nhận ủy thác",
            "Theo tổ chức",
            "Tổ chức nhận ủy thác",
        )
    ]
    chart = loan_parts.overdue_chart(organisation, "Tỷ lệ nợ quá hạn theo tổ chức nhận ủy thác")
    if chart is not None:
        by_organisation.append(chart)
    sections = [
        Section(numbering.section("Tình hình chung"), overview),
        Section(numbering.section("Theo chương trình cho vay"), by_programme),
        Section(numbering.section("Theo tổ chức nhận ủy thác"), by_organisation),
    ]
    if everyone:
        sections.append(
            Section(
                numbering.section("Theo xã, phường"),
                [
                    loan_parts.quality_table(
                        tables[Dimension.COMMUNE],
                        "Dư nợ và chất lượng tín dụng theo xã, phường",
                        "Theo xã",
                        "Xã, phường",
                    ),
                    Paragraph(
                        "Số liệu theo Tổ TK&VV và theo ấp, khu vực có trong báo cáo lập cho "
                        "từng xã, phường.",
                        italic=True,
                    ),
                ],
            )
        )
    else:
        ctx.progress.report(len(dimensions), len(dimensions) + 1, "Tổ TK&VV")
        sections.append(
            Section(
                numbering.section("Theo Tổ tiết kiệm và vay vốn"),
                [
                    loan_parts.quality_table(
                        tables[Dimension.GROUP],
                        "Dư nợ và chất lượng tín dụng theo Tổ TK&VV",
                        "Theo tổ",
                        "Tổ TK&VV",
                    ),
                    grades_table(ctx),
                ],
            )
        )
        sections.append(
            Section(
                numbering.section("Theo ấp, khu vực"),
                [
                    loan_parts.quality_table(
                        tables[Dimension.HAMLET],
                        "Dư nợ và chất lượng tín dụng theo ấp, khu vực",
                        "Theo ấp",
                        "Ấp, khu vực",
                    )
                ],
            )
        )
    sections.append(
        Section(
            numbering.section("Nợ quá hạn theo thời gian quá hạn"),
            [loan_parts.ageing_table(programme)],
        )
    )
    sections.append(
        Section(
            numbering.section("Kiểm tra việc sử dụng vốn vay"),
            [
                loan_parts.checks_table(
                    organisation,
                    f"Kiểm tra sử dụng vốn vay năm {year} theo tổ chức nhận ủy thác",
                    "Kiểm tra sử dụng vốn",
                    "Tổ chức nhận ủy thác",
                ),
                loan_parts.checks_table(
                    programme,
                    f"Kiểm tra sử dụng vốn vay năm {year} theo chương trình cho vay",
                    "Kiểm tra theo chương trình",
                    "Chương trình",
                ),
            ],
        )
    )
    sections.append(
        loan_work_parts.flows_section(ctx, numbering.section("Cho vay, thu nợ trong kỳ"), unit)
    )
    where = f"\ncủa {unit}" if ctx.office.is_city else ""
    return number_tables(
        Report(
            kind="Báo cáo",
            title=(
                "Dư nợ và chất lượng tín dụng chính sách xã hội\n"
                f"đến ngày {format_date(day)}{where}"
            ),
            letterhead=ctx.letterhead(recipients(ctx)),
            preamble=[
                plan_preamble(
                    ctx,
                    f"dư nợ và chất lượng tín dụng chính sách xã hội của {unit} đến ngày "
                    f"{format_date(day)}",
                )
            ],
            sections=sections,
            name=NAME,
        )
    )


SPEC = register(
    ReportSpec(
        NAME,
        QT_TRANSLATE_NOOP("ReportBuilders", "Loan quality"),
        QT_TRANSLATE_NOOP(
            "ReportBuilders",
            "Outstanding balance, overdue and frozen debt at the end of the period by "
            "programme, entrusted organisation, savings-and-loan group and hamlet (at the city "
            "for all communes: by commune), arrears ageing and the year's loan-use checks.",
        ),
        frozenset({OfficeMode.COMMUNE, OfficeMode.CITY}),
        (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR),
        build,
        file_stem="Chat-luong-tin-dung",
    )
)
