"""``loan-quality``: outstanding balance and loan quality at the cut-off (the end of the
period, or the document's date while the period runs) by programme and entrusted
organisation (every one of the catalogue), by savings-and-loan group and by hamlet, with
arrears ageing and the loan-use checks from the start of the year.

Where no balance was recorded by the cut-off the report says there is no data, never that
nothing is outstanding. At the city, for every commune together, the table by commune
(the covered communes, in triệu đồng) replaces those by group and hamlet, and the report
says how many communes it covers.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

from db.enums import GroupGrade, GroupStatus, OfficeMode, PeriodKind
from desktop.core.formatting import format_date
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.groups import list_groups
from desktop.core.loans.indicators import Dimension, IndicatorTable, indicator_table
from desktop.reports.builders import coverage_parts, loan_parts, loan_work_parts
from desktop.reports.builders.common import (
    number_tables,
    plan_preamble,
    recipients,
    unit_phrase,
)
from desktop.reports.builders.period_parts import cut_off, figures_line
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
    day = cut_off(ctx.request.period, ctx.request.issued_on)
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
    issued = ctx.request.issued_on
    year = period.year
    day = cut_off(period, issued)
    unit = unit_phrase(ctx)
    numbering = Numbering()
    everyone = ctx.owner.is_all_communes
    coverage = coverage_parts.coverage_of(ctx)
    where = f"\ncủa {unit}" if ctx.office.is_city else ""
    title = f"Dư nợ và chất lượng tín dụng chính sách xã hội\nđến ngày {format_date(day)}{where}"
    preamble: list[Paragraph] = [
        plan_preamble(
            ctx,
            f"dư nợ và chất lượng tín dụng chính sách xã hội của {unit} đến ngày "
            f"{format_date(day)}",
        ),
        figures_line(period, issued),
    ]
    if everyone and coverage is not None:
        preamble.append(
            coverage_parts.coverage_sentence(
                coverage, listed_in=coverage_parts.missing_listed_in(coverage)
            )
        )
    if coverage_parts.holds_no_data(ctx, coverage):
        return Report(
            kind="Báo cáo",
            title=title,
            letterhead=ctx.letterhead(recipients(ctx)),
            preamble=preamble[:1],
            sections=[coverage_parts.no_data_section(unit)],
            name=NAME,
        )
    millions = everyone
    basis = loan_parts.BalanceBasis.of(session, ctx.owner, day)
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
    programmes = loan_parts.programme_catalogue(session)
    organisations = loan_parts.organisation_catalogue(session)

    overview: list[Block] = [
        loan_parts.quality_sentence(unit, programme.total, basis, millions=millions)
    ]
    by_programme: list[Block] = [
        loan_parts.quality_table(
            programme,
            "Dư nợ và chất lượng tín dụng theo chương trình cho vay",
            "Theo chương trình",
            "Chương trình",
            catalogue=programmes,
            basis=basis,
            millions=millions,
        )
    ]
    chart = (
        None
        if basis.no_data
        else loan_parts.outstanding_chart(programme, "Cơ cấu dư nợ theo chương trình cho vay")
    )
    if chart is not None:
        by_programme.append(chart)
    by_organisation: list[Block] = [
        loan_parts.quality_table(
            organisation,
            "Dư nợ và chất lượng tín dụng theo tổ chức nhận ủy thác",
            "Theo tổ chức",
            "Tổ chức nhận ủy thác",
            catalogue=organisations,
            basis=basis,
            millions=millions,
        )
    ]
    chart = (
        None
        if basis.no_data
        else loan_parts.overdue_chart(organisation, "Tỷ lệ nợ quá hạn theo tổ chức nhận ủy thác")
    )
    if chart is not None:
        by_organisation.append(chart)
    sections = [
        Section(numbering.section("Tình hình chung"), overview),
        Section(numbering.section("Theo chương trình cho vay"), by_programme),
        Section(numbering.section("Theo tổ chức nhận ủy thác"), by_organisation),
    ]
    if everyone and coverage is not None:
        sections.append(
            Section(
                numbering.section("Theo xã, phường"),
                [
                    loan_parts.quality_table(
                        tables[Dimension.COMMUNE],
                        "Dư nợ và chất lượng tín dụng theo xã, phường",
                        "Theo xã",
                        "Xã, phường",
                        catalogue=[(c.code, c.label) for c in coverage.covered],
                        basis=basis,
                        millions=True,
                    ),
                    Paragraph(
                        f"Bảng gồm {len(coverage.covered)}/{coverage.total} xã, phường có số "
                        f"liệu. Số liệu theo Tổ TK&VV và theo ấp, khu vực có trong báo cáo lập "
                        f"cho từng xã, phường.",
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
                        basis=basis,
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
                        basis=basis,
                    )
                ],
            )
        )
    ageing: list[Block] = (
        [Paragraph(f"{loan_parts.no_balance_text(day)}.")]
        if basis.no_data
        else [loan_parts.ageing_table(programme, millions=millions)]
    )
    sections.append(Section(numbering.section("Nợ quá hạn theo thời gian quá hạn"), ageing))
    sections.append(
        Section(
            numbering.section("Kiểm tra việc sử dụng vốn vay"),
            [
                loan_parts.checks_table(
                    organisation,
                    f"Kiểm tra sử dụng vốn vay từ ngày 01/01/{year} đến ngày "
                    f"{format_date(day)} theo tổ chức nhận ủy thác",
                    "Kiểm tra sử dụng vốn",
                    "Tổ chức nhận ủy thác",
                    catalogue=organisations,
                    basis=basis,
                ),
                loan_parts.checks_table(
                    programme,
                    f"Kiểm tra sử dụng vốn vay từ ngày 01/01/{year} đến ngày "
                    f"{format_date(day)} theo chương trình cho vay",
                    "Kiểm tra theo chương trình",
                    "Chương trình",
                    catalogue=programmes,
                    basis=basis,
                ),
            ],
        )
    )
    sections.append(
        loan_work_parts.flows_section(ctx, numbering.section("Cho vay, thu nợ trong kỳ"), unit)
    )
    return number_tables(
        Report(
            kind="Báo cáo",
            title=title,
            letterhead=ctx.letterhead(recipients(ctx)),
            preamble=preamble,
            sections=sections,
            name=NAME,
            appendices=coverage_parts.missing_appendix(
                coverage, "dư nợ và chất lượng tín dụng chính sách xã hội"
            )
            if everyone and coverage is not None
            else [],
        )
    )


SPEC = register(
    ReportSpec(
        NAME,
        QT_TRANSLATE_NOOP("ReportBuilders", "Loan quality"),
        QT_TRANSLATE_NOOP(
            "ReportBuilders",
            "Outstanding balance, overdue and frozen debt at the end of the period (or the "
            "document's date) by programme, entrusted organisation, savings-and-loan group and "
            "hamlet (at the city for all communes: by commune), arrears ageing and the loan-use "
            "checks since the start of the year.",
        ),
        frozenset({OfficeMode.COMMUNE, OfficeMode.CITY}),
        (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR),
        build,
        file_stem="Chat-luong-tin-dung",
    )
)
