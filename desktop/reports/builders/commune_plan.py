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
from desktop.core.tasks.status import task_completion
from desktop.reports.builders import fund_parts, task_parts
from desktop.reports.builders.common import (
    data_day,
    plan_preamble,
    recipients,
    unit_phrase,
)
from desktop.reports.builders.vocabulary import Numbering
from desktop.reports.model import Paragraph, Report, Section
from desktop.reports.registry import Coverage, ReportContext, ReportSpec, register

NAME = "commune-plan"


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
                numbering, "Kết quả thực hiện các nhiệm vụ của Kế hoạch", "Nhiệm vụ", items, period
            ),
            task_parts.completion_chart(completion, f"Tình trạng các nhiệm vụ {period.label_vi()}"),
        ],
    )

    ctx.progress.report(1, 4, "Tín dụng chính sách")
    sections = [tasks]

    ctx.progress.report(2, 4, "Nguồn vốn")
    day = data_day(ctx)
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
                        *fund_parts.fund_sentences(statement, day),
                        fund_parts.fund_table(numbering, statement, day),
                    ],
                ),
                Section(
                    "2. Huy động tiền gửi, tài trợ",
                    [fund_parts.deposit_table(numbering, deposits)],
                ),
                Section(
                    "3. Vốn ngân sách địa phương ủy thác qua Ngân hàng Chính sách xã hội",
                    [
                        fund_parts.entrusted_sentence(entrusted, share),
                        fund_parts.entrusted_table(numbering, entrusted, share),
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
    where = f" của {unit}" if ctx.office.is_city else ""
    return Report(
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
                f"{format_date(data_day(ctx))}; số liệu về quỹ và nguồn vốn tính cho năm {year}.",
                italic=True,
            ),
        ],
        sections=sections,
        name=NAME,
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
    )
)
