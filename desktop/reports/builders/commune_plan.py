"""``commune-plan``: a commune's periodic report on carrying out the plan (quarter, half-year
or year) — each task with its status, what was done and the documents issued; the credit,
fund and capital indicators against the plan's targets; the targets the city assigned the
commune for the year and how far it is from each (when there are any); difficulties and
proposals.

A commune office makes it for itself; the city office can make it for any one commune from
the records that commune has sent.
"""

from __future__ import annotations

from db.enums import OfficeMode, PeriodKind
from desktop.core.funds.indicators import entrusted_indicators, entrusted_series, latest_share
from desktop.core.funds.period import deposits_between, period_statement
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.checks import loans_not_checked
from desktop.core.loans.indicators import Dimension, indicator_table
from desktop.core.tasks.status import task_completion
from desktop.reports.builders import (
    coverage_parts,
    fund_parts,
    loan_parts,
    loan_work_parts,
    target_parts,
    task_parts,
)
from desktop.reports.builders.common import (
    number_tables,
    plan_preamble,
    recipients,
    unit_phrase,
)
from desktop.reports.builders.period_parts import cut_off, figures_line, period_until
from desktop.reports.builders.vocabulary import Numbering
from desktop.reports.model import Block, Report, Section
from desktop.reports.registry import Coverage, ReportContext, ReportSpec, register

NAME = "commune-plan"
CREDIT = "Kết quả hoạt động tín dụng chính sách xã hội"
LOAN_WORK = "Cho vay, thu nợ và hoạt động nhận ủy thác"


def build(ctx: ReportContext) -> Report:
    code = ctx.owner.unit_code  # Coverage.ONE
    session = ctx.session
    period = ctx.request.period
    issued = ctx.request.issued_on
    cut = cut_off(period, issued)
    year = period.year
    unit = unit_phrase(ctx)
    numbering = Numbering()
    where = f"\ncủa {unit}" if ctx.office.is_city else ""
    title = (
        "Kết quả thực hiện Chỉ thị số 39-CT/TW của Ban Bí thư về nâng cao\n"
        f"hiệu quả của tín dụng chính sách xã hội {period.label_vi()}{where}"
    )
    preamble = [
        plan_preamble(ctx, f"kết quả thực hiện {period.label_vi()} của {unit}"),
        figures_line(period, issued),
    ]
    if coverage_parts.holds_no_data(ctx):
        return Report(
            kind="Báo cáo",
            title=title,
            letterhead=ctx.letterhead(recipients(ctx)),
            preamble=preamble[:1],
            sections=[coverage_parts.no_data_section(unit)],
            name=NAME,
        )
    ctx.progress.report(0, 4, "Nhiệm vụ")

    items = task_parts.task_lines_with_records(session, code, period, cut)
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
    sections = [tasks]
    targets = target_parts.target_rows(session, ctx.owner.unit_code, year, cut)
    if targets:
        sections.append(
            target_parts.target_section(
                numbering.section("Thực hiện các chỉ tiêu Thành phố giao"), targets, year, cut
            )
        )
    sections.append(credit_section(ctx, unit, numbering.section(CREDIT)))
    sections.append(loan_work_parts.commune_plan_section(ctx, numbering.section(LOAN_WORK), unit))

    ctx.progress.report(2, 4, "Nguồn vốn")
    statement = period_statement(session, period.start, cut, ctx.owner)
    deposits = deposits_between(session, period.start, cut, ctx.owner)
    series = entrusted_series(session, ctx.owner, until=cut)
    entrusted = entrusted_indicators(session, year, ctx.owner, until=cut)
    latest = latest_share(series, year)
    capital: list[Block] = [
        fund_parts.entrusted_sentence(entrusted, latest, cut),
        fund_parts.entrusted_table(entrusted, latest, cut),
    ]
    path = fund_parts.path_table(series, year)
    if path is not None and latest is not None:
        capital += [fund_parts.path_rule(latest.share), path]
    sections.append(
        Section(
            numbering.section("Huy động nguồn lực cho tín dụng chính sách"),
            subsections=[
                Section(
                    f"1. Vận động {fund_parts.FUND_NAME}",
                    [
                        *fund_parts.fund_sentences(statement, period, issued),
                        fund_parts.fund_table(statement, period, issued),
                    ],
                ),
                Section(
                    "2. Huy động tiền gửi, tài trợ",
                    [fund_parts.deposit_table(deposits, period, issued)],
                ),
                Section(
                    "3. Vốn ngân sách địa phương ủy thác qua Ngân hàng Chính sách xã hội",
                    capital,
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
    return number_tables(
        Report(
            kind="Báo cáo",
            title=title,
            letterhead=ctx.letterhead(recipients(ctx)),
            preamble=preamble,
            sections=sections,
            name=NAME,
        )
    )


def credit_section(ctx: ReportContext, unit: str, heading: str) -> Section:
    """Outstanding balance and loan quality by programme and organisation (every one of the
    catalogue), the loan-use checks from the start of the year and the loans not checked in
    twelve months — all as of the cut-off."""
    session = ctx.session
    period = ctx.request.period
    day = cut_off(period, ctx.request.issued_on)
    year = period.year
    basis = loan_parts.BalanceBasis.of(session, ctx.owner, day)
    by_programme = indicator_table(
        session, Dimension.PROGRAMME, owner=ctx.owner, as_of=day, year=year
    )
    by_organisation = indicator_table(
        session, Dimension.ORGANISATION, owner=ctx.owner, as_of=day, year=year
    )
    unchecked = loan_parts.UncheckedSummary.of(loans_not_checked(session, ctx.owner, today=day))
    quality: list[Block] = [
        loan_parts.quality_sentence(unit, by_programme.total, basis),
        loan_parts.quality_table(
            by_programme,
            "Dư nợ và chất lượng tín dụng theo chương trình cho vay",
            "Theo chương trình",
            "Chương trình",
            catalogue=loan_parts.programme_catalogue(session),
            basis=basis,
        ),
    ]
    chart = (
        None
        if basis.no_data
        else loan_parts.outstanding_chart(by_programme, "Cơ cấu dư nợ theo chương trình cho vay")
    )
    if chart is not None:
        quality.append(chart)
    organisations = loan_parts.organisation_catalogue(session)
    quality.append(
        loan_parts.quality_table(
            by_organisation,
            "Dư nợ và chất lượng tín dụng theo tổ chức nhận ủy thác",
            "Theo tổ chức",
            "Tổ chức nhận ủy thác",
            catalogue=organisations,
            basis=basis,
        )
    )
    return Section(
        heading,
        subsections=[
            Section("1. Dư nợ và chất lượng tín dụng", quality),
            Section(
                "2. Kiểm tra việc sử dụng vốn vay",
                [
                    loan_parts.checks_sentence(by_organisation.total, year, basis, unchecked),
                    loan_parts.checks_table(
                        by_organisation,
                        f"Kiểm tra sử dụng vốn vay {period_until(period, ctx.request.issued_on)}"
                        f" theo tổ chức nhận ủy thác (lũy kế từ đầu năm)",
                        "Kiểm tra sử dụng vốn",
                        "Tổ chức nhận ủy thác",
                        catalogue=organisations,
                        basis=basis,
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
            "The periodic report of a commune or ward, with the period's figures as of its end "
            "(or the document's date): each task of the plan with its status, what was done in "
            "each period and the documents issued; loans, loan-use checks, the fund, deposits "
            "and entrusted capital against the targets and the path to 20 % in 2030; "
            "difficulties and proposals.",
        ),
        frozenset({OfficeMode.COMMUNE, OfficeMode.CITY}),
        (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR),
        build,
        Coverage.ONE,
        file_stem="Bao-cao-ke-hoach",
    )
)
