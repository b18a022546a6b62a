"""``fund``: the statement of Quỹ "Vì người nghèo" for a quarter, half-year or year — the
period's opening balance, receipts, spending and balance at the cut-off, what came in month
by month, by kind of donor and during the peak month (17/10 – 18/11).

The gifts and grants one by one name people: they go into appendices after the signature
(and the workbook), never the body. At the city, for every commune together, each covered
commune's statement replaces the lists (tens of thousands of gifts are no reading matter).
"""

from __future__ import annotations

from datetime import date

from db.enums import OfficeMode, PeriodKind
from desktop.core.formatting import format_date, group_thousands
from desktop.core.funds.fund import list_contributions, list_spending
from desktop.core.funds.period import (
    DonorTotal,
    gifts_by_donor_type,
    months_between,
    peak_until,
    period_statement,
    period_statements_by_commune,
)
from desktop.core.funds.statement import MonthTotal
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.issuers import IssuerRole
from desktop.core.periods import Period
from desktop.reports.builders import coverage_parts, fund_parts
from desktop.reports.builders.common import (
    number_tables,
    plan_preamble,
    recipients,
    unit_phrase,
)
from desktop.reports.builders.fund_parts import FUND_NAME
from desktop.reports.builders.period_parts import (
    UNIT_MILLION,
    cut_off,
    figures_line,
    money_cell,
    money_column,
    money_text,
    period_until,
)
from desktop.reports.builders.vocabulary import (
    CONTRIBUTION_FORM,
    DONOR_TYPE,
    TOTAL,
    UNIT_DONG,
    Numbering,
)
from desktop.reports.model import (
    Block,
    Chart,
    ChartKind,
    Column,
    Paragraph,
    Report,
    Section,
    Series,
    Table,
)
from desktop.reports.registry import ReportContext, ReportSpec, register
from desktop.reports.xlsx_table import CellKind

NAME = "fund"


def month_table(
    period: Period, issued_on: date, months: list[MonthTotal], *, millions: bool = False
) -> Table:
    rows = [
        (
            f"Tháng {m.month}/{period.year}",
            m.count,
            money_cell(m.money, millions),
            money_cell(m.in_kind, millions),
            money_cell(m.total, millions),
        )
        for m in months
    ]
    return Table(
        f"Tiếp nhận ủng hộ {FUND_NAME} theo tháng, {period_until(period, issued_on)}",
        "Theo tháng",
        [
            Column("Tháng", weight=2),
            Column("Số lượt", CellKind.NUMBER, 1.2),
            money_column("Bằng tiền", 2, millions),
            money_column("Hiện vật, công trình (quy đổi)", 2, millions),
            money_column("Cộng", 2, millions),
        ],
        rows,
        totals=[
            (
                TOTAL,
                sum(m.count for m in months),
                money_cell(sum(m.money for m in months), millions),
                money_cell(sum(m.in_kind for m in months), millions),
                money_cell(sum(m.total for m in months), millions),
            )
        ],
        note=UNIT_MILLION if millions else UNIT_DONG,
    )


def month_chart(period: Period, months: list[MonthTotal]) -> Chart | None:
    if not any(m.total for m in months):
        return None
    return Chart(
        f"Tiếp nhận ủng hộ theo tháng, {period.label_vi()} (triệu đồng)",
        ChartKind.BAR,
        [f"T{m.month}" for m in months],
        [
            Series("Bằng tiền", [m.money / 1_000_000 for m in months]),
            Series("Hiện vật, công trình", [m.in_kind / 1_000_000 for m in months]),
        ],
        value_kind=CellKind.NUMBER,
    )


def donor_table(
    period: Period, issued_on: date, totals: list[DonorTotal], *, millions: bool = False
) -> Table:
    """The period's gifts counted by kind of donor: every kind, zeros where none gave."""
    return Table(
        f"Tiếp nhận ủng hộ {FUND_NAME} theo đối tượng, {period_until(period, issued_on)}",
        "Theo đối tượng",
        [
            Column("Đối tượng ủng hộ", weight=2.4),
            Column("Số lượt", CellKind.NUMBER, 1.2),
            money_column("Bằng tiền", 2, millions),
            money_column("Hiện vật, công trình (quy đổi)", 2, millions),
            money_column("Cộng", 2, millions),
        ],
        [
            (
                DONOR_TYPE[t.donor_type],
                t.count,
                money_cell(t.money, millions),
                money_cell(t.in_kind, millions),
                money_cell(t.total, millions),
            )
            for t in totals
        ],
        totals=[
            (
                TOTAL,
                sum(t.count for t in totals),
                money_cell(sum(t.money for t in totals), millions),
                money_cell(sum(t.in_kind for t in totals), millions),
                money_cell(sum(t.total for t in totals), millions),
            )
        ],
        note=UNIT_MILLION if millions else UNIT_DONG,
    )


def gifts_table(ctx: ReportContext, start: date, end: date) -> Table:
    period = ctx.request.period
    gifts = [
        g
        for g in reversed(list_contributions(ctx.session, ctx.owner))
        if start <= g.received_on <= end
    ]
    rows = [
        (
            index,
            g.received_on,
            g.donor_name,
            DONOR_TYPE[g.donor_type],
            CONTRIBUTION_FORM[g.form]
            + (f": {g.in_kind_description}" if g.in_kind and g.in_kind_description else ""),
            g.receipt_no,
            g.amount,
        )
        for index, g in enumerate(gifts, start=1)
    ]
    return Table(
        f"Danh sách tổ chức, cá nhân ủng hộ {FUND_NAME}, "
        f"{period_until(period, ctx.request.issued_on)}",
        "Danh sách ủng hộ",
        [
            Column("STT", CellKind.NUMBER, 0.7),
            Column("Ngày nhận", CellKind.DATE, 1.4),
            Column("Tổ chức, cá nhân ủng hộ", weight=3.4),
            Column("Đối tượng", weight=1.5),
            Column("Hình thức", weight=1.8),
            Column("Số biên lai", weight=1.3),
            Column("Số tiền, giá trị", CellKind.MONEY, 1.8),
        ],
        rows,
        totals=[("", None, TOTAL, "", "", "", sum(g.amount for g in gifts))],
        note=UNIT_DONG,
        empty_text="Không có lượt ủng hộ nào trong kỳ.",
    )


def grants_table(ctx: ReportContext, start: date, end: date) -> Table:
    period = ctx.request.period
    grants = [
        s for s in reversed(list_spending(ctx.session, ctx.owner)) if start <= s.spent_on <= end
    ]
    rows = [
        (
            index,
            s.spent_on,
            s.recipient_name,
            s.hamlet_name,
            s.purpose,
            s.decision_no + (f" ngày {format_date(s.decision_date)}" if s.decision_date else ""),
            s.amount,
        )
        for index, s in enumerate(grants, start=1)
    ]
    return Table(
        f"Danh sách chi hỗ trợ từ {FUND_NAME}, {period_until(period, ctx.request.issued_on)}",
        "Danh sách chi",
        [
            Column("STT", CellKind.NUMBER, 0.7),
            Column("Ngày chi", CellKind.DATE, 1.4),
            Column("Người, hộ nhận hỗ trợ", weight=2.8),
            Column("Ấp, khu vực", weight=1.5),
            Column("Nội dung", weight=2.6),
            Column("Quyết định", weight=2.0),
            Column("Số tiền", CellKind.MONEY, 1.7),
        ],
        rows,
        totals=[("", None, TOTAL, "", "", "", sum(s.amount for s in grants))],
        note=UNIT_DONG,
        empty_text="Không có khoản chi nào trong kỳ.",
    )


def appendix_heading(number: str, title: str, report_title: str) -> str:
    return f"Phụ lục {number}\n{title}\n(Kèm theo Báo cáo {report_title})"


def build(ctx: ReportContext) -> Report:
    session = ctx.session
    period = ctx.request.period
    issued = ctx.request.issued_on
    year = period.year
    cut = cut_off(period, issued)
    unit = unit_phrase(ctx)
    numbering = Numbering()
    coverage = coverage_parts.coverage_of(ctx)
    everyone = ctx.owner.is_all_communes
    millions = everyone
    where = f"\ncủa {unit}" if ctx.office.is_city else ""
    title = f"Tình hình vận động, quản lý và sử dụng {FUND_NAME}\n{period.label_vi()}{where}"
    preamble: list[Paragraph] = [
        plan_preamble(
            ctx,
            f"tình hình vận động, quản lý và sử dụng {FUND_NAME} {period.label_vi()} của {unit}",
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
    ctx.progress.report(0, 3, FUND_NAME)

    statement = period_statement(session, period.start, cut, ctx.owner)
    months = months_between(session, period.start, cut, ctx.owner)
    who = ""
    if everyone and coverage is not None:
        who = f"của {coverage_parts.covered_phrase(coverage)}"
    summary: list[Block] = [
        *fund_parts.fund_sentences(statement, period, issued, millions=millions, who=who),
        fund_parts.fund_table(statement, period, issued, millions=millions),
    ]
    peak = peak_until(session, year, ctx.owner, cut)
    if peak is not None and period.start <= peak.start:
        until = (
            f"từ ngày {format_date(peak.start)} đến ngày {format_date(peak.campaign_end)}"
            if peak.end == peak.campaign_end
            else f"từ ngày {format_date(peak.start)}, đến ngày {format_date(peak.end)}"
        )
        summary.append(
            Paragraph(
                f"Trong tháng cao điểm vận động ({until}), Quỹ tiếp nhận "
                f"{group_thousands(peak.count)} lượt ủng hộ: bằng tiền "
                f"{money_text(peak.money, millions)}, bằng hiện vật, công trình trị giá "
                f"{money_text(peak.in_kind, millions)}."
            )
        )
    received: list[Block] = [month_table(period, issued, months, millions=millions)]
    chart = month_chart(period, months)
    if chart is not None:
        received.append(chart)
    received.append(
        donor_table(
            period,
            issued,
            gifts_by_donor_type(session, period.start, cut, ctx.owner),
            millions=millions,
        )
    )
    sections = [
        Section(numbering.section(f"Thu, chi {FUND_NAME} {period.label_vi()}"), summary),
        Section(numbering.section(f"Tiếp nhận ủng hộ {period.label_vi()}"), received),
    ]
    appendices: list[Section] = []

    ctx.progress.report(1, 3, FUND_NAME)
    if everyone and coverage is not None:
        appendices = coverage_parts.missing_appendix(
            coverage, f"tình hình vận động, quản lý và sử dụng {FUND_NAME} {period.label_vi()}"
        )
        communes = {c.code: c for c in coverage.covered}
        statements = period_statements_by_commune(session, period.start, cut, list(communes))
        sections.append(
            Section(
                numbering.section("Quỹ của các xã, phường"),
                [
                    fund_parts.fund_by_commune_table(
                        communes,
                        statements,
                        statement,
                        period,
                        issued,
                        note=(
                            f"Gồm {len(communes)} xã, phường có số liệu"
                            if not coverage.complete
                            else ""
                        ),
                    ),
                    Paragraph(
                        "Danh sách từng lượt ủng hộ và từng khoản chi có trong báo cáo lập cho "
                        "từng xã, phường.",
                        italic=True,
                    ),
                ],
            )
        )
    else:
        report_title = f"tình hình vận động, quản lý và sử dụng {FUND_NAME} {period.label_vi()}"
        sections.append(
            Section(
                numbering.section(f"Chi hỗ trợ {period.label_vi()}"),
                [
                    Paragraph(
                        f"Chi hỗ trợ {group_thousands(statement.spending_count)} lượt, số tiền "
                        f"{money_text(statement.spending)}. Danh sách tổ chức, cá nhân ủng hộ và "
                        f"danh sách chi hỗ trợ tại Phụ lục I và Phụ lục II kèm theo."
                    )
                ],
            )
        )
        appendices = [
            Section(
                appendix_heading(
                    "I", f"Danh sách tổ chức, cá nhân ủng hộ {FUND_NAME}", report_title
                ),
                [gifts_table(ctx, period.start, cut)],
            ),
            Section(
                appendix_heading("II", f"Danh sách chi hỗ trợ từ {FUND_NAME}", report_title),
                [grants_table(ctx, period.start, cut)],
            ),
        ]
    ctx.progress.report(2, 3, FUND_NAME)
    return number_tables(
        Report(
            kind="Báo cáo",
            title=title,
            letterhead=ctx.letterhead(recipients(ctx)),
            preamble=preamble,
            sections=sections,
            name=NAME,
            appendices=appendices,
        )
    )


SPEC = register(
    ReportSpec(
        NAME,
        QT_TRANSLATE_NOOP("ReportBuilders", "Statement of the fund “Vì người nghèo”"),
        QT_TRANSLATE_NOOP(
            "ReportBuilders",
            "The fund's opening balance, receipts, spending and balance for the period; gifts by "
            "month, by kind of donor and in the peak month; the gifts and grants one by one in "
            "appendices (at the city for all communes: each commune's statement).",
        ),
        frozenset({OfficeMode.COMMUNE, OfficeMode.CITY}),
        (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR),
        build,
        file_stem="Quy-Vi-nguoi-ngheo",
        issuer_role=IssuerRole.FUND,
    )
)
