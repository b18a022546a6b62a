"""``commune-plan``: a commune's periodic report on carrying out the plan (quarter, half-year
or year) — each task with its status, what was done and the documents issued; the credit,
fund and capital indicators against the plan's targets; difficulties and proposals.

A commune office makes it for itself; the city office can make it for any one commune from
the records that commune has sent.
"""

from __future__ import annotations

from db.enums import OfficeMode, PeriodKind
from desktop.core.formatting import format_date
from desktop.core.funds.deposits import deposit_totals
from desktop.core.funds.indicators import entrusted_indicators, entrusted_series
from desktop.core.funds.statement import fund_statement
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.checks import loans_not_checked
from desktop.core.loans.indicators import Dimension, indicator_table
from desktop.core.tasks.status import task_completion
from desktop.reports.builders import fund_parts, loan_parts, loan_work_parts, task_parts
from desktop.reports.builders.common import (
    data_day,
    number_tables,
    plan_preamble,
    recipients,
    unit_phrase,
)
from desktop.reports.builders.vocabulary import Numbering
from desktop.reports.model import Block, Paragraph, Report, Section
from desktop.reports.registry import Coverage, ReportContext, ReportSpec, register

NAME = "commune-plan"
CREDIT = "Kết quả hoạt động tín dụng chính sách xã hội"
LOAN_WORK = "Cho vay, thu nợ và hoạt động nhận ủy thác"


def build(ctx: ReportContext) -> Report:
    assert ctx.owner is not None  # Coverage.ONE
    session = ctx.session
    period = ctx.request.period
    year = period.year
    unit = unit_phrase(ctx)
    numbering = Numbering()
    ctx.progress.report(0, 4, "Nhiệm vụ")

    items = task_parts.task_lines_with_records(session, ctx.owner, period)
    completion = task_completion(session, period, ctx.owner)
    tasks = Section(
        numbering.section("Kết quả thực hiện các nhiệm vụ"),
        [
            task_parts.completion_sentence(unit, completion, period),
            task_parts.task_table(
                "Kết quả thực hiện các nhiệm vụ của Kế hoạch", "Nhiệm vụ", items, period
            ),
            task_parts.completion_chart(completion, f"Tình trạng các nhiệm vụ {period.label_vi()}"),
        ],
    )

    ctx.progress.report(1, 4, "Tín dụng chính sách")
    sections = [tasks, credit_section(ctx, unit, numbering.section(CREDIT))]
    sections.append(loan_work_parts.commune_plan_section(ctx, numbering.section(LOAN_WORK), unit))

    ctx.progress.report(2, 4, "Nguồn vốn")
    statement = fund_statement(session, year, ctx.owner)
    deposits = deposit_totals(session, year, ctx.owner)
    series = entrusted_series(session, ctx.owner)
    entrusted = next((i for i in series if i.year == year), None) or entrusted_indicators(
        session, year, ctx.owner
    )
    share = fund_parts.share_for(series, year)
    sections.append(
        Section(
            numbering.section("Huy động nguồn lực cho tín dụng chính sách"),
            subsections=[
                Section(
                    f"1. Vận động {fund_parts.FUND_NAME}",
                    [
                        *fund_parts.fund_sentences(statement, ctx.request.issued_on),
                        fund_parts.fund_table(statement, ctx.request.issued_on),
                    ],
                ),
                Section(
                    "2. Huy động tiền gửi, tài trợ",
                    [fund_parts.deposit_table(deposits)],
                ),
                Section(
                    "3. Vốn ngân sách địa phương ủy thác qua Ngân hàng Chính sách xã hội",
                    [
                        fund_parts.entrusted_sentence(entrusted, share),
                        fund_parts.entrusted_table(entrusted, share),
                    ],
                ),
            ],
        )
    )

    ctx.progress.report(3, 4, "Khó khăn, đề xuất")
    sections.append(
        Section(numbering.section("Khó khăn, vướng mắc"), task_parts.remarks(items, "difficulties"))
    )
    sections.append(
        Section(numbering.section("Đề xuất, kiến nghị"), task_parts.remarks(items, "proposals"))
    )
    where = f"\ncủa {unit}" if ctx.office.is_city else ""
    return number_tables(
        Report(
            kind="Báo cáo",
            title=(
                "Kết quả thực hiện Chỉ thị số 39-CT/TW của Ban Bí thư về nâng cao\n"
                f"hiệu quả của tín dụng chính sách xã hội {period.label_vi()}{where}"
            ),
            letterhead=ctx.letterhead(recipients(ctx)),
            preamble=[
                plan_preamble(ctx, f"kết quả thực hiện {period.label_vi()} của {unit}"),
                Paragraph(
                    f"Số liệu về dư nợ và kiểm tra sử dụng vốn vay tính đến ngày "
                    f"{format_date(data_day(ctx))}; số liệu về quỹ và nguồn vốn tính cho năm "
                    f"{year}.",
                    italic=True,
                ),
            ],
            sections=sections,
            name=NAME,
        )
    )


def credit_section(ctx: ReportContext, unit: str, heading: str) -> Section:
    """Outstanding balance and loan quality by programme and organisation, the loan-use
    checks of the year and the loans not checked in twelve months."""
    session = ctx.session
    day = data_day(ctx)
    year = ctx.request.period.year
    by_programme = indicator_table(
        session, Dimension.PROGRAMME, owner=ctx.owner, as_of=day, year=year
    )
    by_organisation = indicator_table(
        session, Dimension.ORGANISATION, owner=ctx.owner, as_of=day, year=year
    )
    unchecked = loan_parts.UncheckedSummary.of(loans_not_checked(session, ctx.owner, today=day))
    quality: list[Block] = [
        loan_parts.quality_sentence(unit, by_programme.total, day),
        loan_parts.quality_table(
            by_programme,
            "Dư nợ và chất lượng tín dụng theo chương trình cho vay",
            "Theo chương trình",
            "Chương trình",
        ),
    ]
    chart = loan_parts.outstanding_chart(by_programme, "Cơ cấu dư nợ theo chương trình cho vay")
    if chart is not None:
        quality.append(chart)
    quality.append(
        loan_parts.quality_table(
            by_organisation,
            "Dư nợ và chất lượng tín dụng theo tổ chức nhận ủy thác",
            "Theo tổ chức",
            "Tổ chức nhận ủy thác",
        )
    )
    return Section(
        heading,
        subsections=[
            Section("1. Dư nợ và chất lượng tín dụng", quality),
            Section(
                "2. Kiểm tra việc sử dụng vốn vay",
                [
                    loan_parts.checks_sentence(by_organisation.total, year, day, unchecked),
                    loan_parts.checks_table(
                        by_organisation,
                        f"Kiểm tra sử dụng vốn vay năm {year} theo tổ chức nhận ủy thác",
                        "Kiểm tra sử dụng vốn",
                        "Tổ chức nhận ủy thác",
                    ),
                ],
            ),
        ],
    )


SPEC = register(
    ReportSpec(
        NAME,
        QT_TRANSLATE_NOOP("ReportBuilders", "Report on carrying out the plan (commune, ward)"),
        QT_TRANSLATE_NOOP(
            "ReportBuilders",
            "The periodic report of a commune or ward: each task of the plan with its status, "
            "what was done and the documents issued; loans, loan-use checks, the fund, deposits "
            "and entrusted capital against the targets; difficulties and proposals.",
        ),
        frozenset({OfficeMode.COMMUNE, OfficeMode.CITY}),
        (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR),
        build,
        Coverage.ONE,
        file_stem="Bao-cao-ke-hoach",
    )
)
