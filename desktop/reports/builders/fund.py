"""``fund``: the statement of Quỹ "Vì người nghèo" for a quarter, half-year or year — the
year's opening balance, receipts, spending and balance (the fund's statement is kept per
calendar year), what came in month by month and during the peak month (17/10 – 18/11), and
the gifts and grants of the period one by one.

At the city, for every commune together, the lists give way to a table of each commune's
statement (tens of thousands of gifts are no reading matter).
"""

from __future__ import annotations

from db.enums import OfficeMode, PeriodKind
from desktop.core.formatting import format_date, group_thousands
from desktop.core.funds.fund import list_contributions, list_spending
from desktop.core.funds.statement import (
    MonthTotal,
    contributions_by_month,
    fund_statement,
    fund_statements_by_commune,
    peak_campaign,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.issuers import IssuerRole
from desktop.core.periods import Period
from desktop.reports.builders import fund_parts
from desktop.reports.builders.common import (
    communes_by_code,
    data_day,
    number_tables,
    plan_preamble,
    recipients,
    unit_phrase,
)
from desktop.reports.builders.fund_parts import FUND_NAME
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


def months_of(period: Period, months: list[MonthTotal]) -> list[MonthTotal]:
    first = period.start.month
    return [m for m in months if first <= m.month < first + period.months]


def month_table(period: Period, months: list[MonthTotal]) -> Table:
    rows = [
        (f"Tháng {m.month}/{period.year}", m.count, m.money, m.in_kind, m.total) for m in months
    ]
    return Table(
        f"Tiếp nhận ủng hộ {FUND_NAME} theo tháng, {period.label_vi()}",
        "Theo tháng",
        [
            Column("Tháng", weight=2),
            Column("Số lượt", CellKind.NUMBER, 1.2),
            Column("Bằng tiền", CellKind.MONEY, 2),
            Column("Hiện vật, công trình (quy đổi)", CellKind.MONEY, 2),
            Column("Cộng", CellKind.MONEY, 2),
        ],
        rows,
        totals=[
            (
                TOTAL,
                sum(m.count for m in months),
                sum(m.money for m in months),
                sum(m.in_kind for m in months),
                sum(m.total for m in months),
            )
        ],
        note=UNIT_DONG,
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


def gifts_table(ctx: ReportContext) -> Table:
    period = ctx.request.period
    gifts = [
        g
        for g in reversed(list_contributions(ctx.session, ctx.owner))
        if period.contains(g.received_on)
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
        f"Danh sách tổ chức, cá nhân ủng hộ {FUND_NAME}, {period.label_vi()}",
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


def grants_table(ctx: ReportContext) -> Table:
    period = ctx.request.period
    grants = [
        s for s in reversed(list_spending(ctx.session, ctx.owner)) if period.contains(s.spent_on)
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
        f"Danh sách chi hỗ trợ từ {FUND_NAME}, {period.label_vi()}",
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


def build(ctx: ReportContext) -> Report:
    session = ctx.session
    period = ctx.request.period
    year = period.year
    day = data_day(ctx)
    unit = unit_phrase(ctx)
    numbering = Numbering()
    ctx.progress.report(0, 3, FUND_NAME)

    statement = fund_statement(session, year, ctx.owner)
    months = months_of(period, contributions_by_month(session, year, ctx.owner))
    peak = peak_campaign(session, year, ctx.owner)
    summary: list[Block] = [
        *fund_parts.fund_sentences(statement, ctx.request.issued_on),
        fund_parts.fund_table(statement, ctx.request.issued_on),
    ]
    if peak.start <= day:
        summary.append(
            Paragraph(
                f"Trong tháng cao điểm vận động (từ ngày {format_date(peak.start)} đến ngày "
                f"{format_date(peak.end)}), Quỹ tiếp nhận {group_thousands(peak.count)} lượt "
                f"ủng hộ: bằng tiền {group_thousands(peak.money)} đồng, bằng hiện vật, công "
                f"trình trị giá {group_thousands(peak.in_kind)} đồng."
            )
        )
    by_month: list[Block] = [month_table(period, months)]
    chart = month_chart(period, months)
    if chart is not None:
        by_month.append(chart)
    sections = [
        Section(numbering.section(f"Thu, chi {FUND_NAME} năm {year}"), summary),
        Section(numbering.section(f"Tiếp nhận ủng hộ {period.label_vi()}"), by_month),
    ]

    ctx.progress.report(1, 3, FUND_NAME)
    if ctx.owner is None:
        communes = communes_by_code(session)
        statements = fund_statements_by_commune(session, year, list(communes))
        sections.append(
            Section(
                numbering.section("Quỹ của các xã, phường"),
                [
                    fund_parts.fund_by_commune_table(communes, statements, statement),
                    Paragraph(
                        "Danh sách từng lượt ủng hộ và từng khoản chi có trong báo cáo lập cho "
                        "từng xã, phường.",
                        italic=True,
                    ),
                ],
            )
        )
    else:
        sections.append(
            Section(
                numbering.section(f"Tổ chức, cá nhân ủng hộ {period.label_vi()}"),
                [gifts_table(ctx)],
            )
        )
        sections.append(
            Section(numbering.section(f"Chi hỗ trợ {period.label_vi()}"), [grants_table(ctx)])
        )
    ctx.progress.report(2, 3, FUND_NAME)
    where = f"\ncủa {unit}" if ctx.office.is_city else ""
    return number_tables(
        Report(
            kind="Báo cáo",
            title=f"Tình hình vận động, quản lý và sử dụng {FUND_NAME}\n{period.label_vi()}{where}",
            letterhead=ctx.letterhead(recipients(ctx)),
            preamble=[
                plan_preamble(
                    ctx,
                    f"tình hình vận động, quản lý và sử dụng {FUND_NAME} {period.label_vi()} của "
                    f"{unit}",
                )
            ],
            sections=sections,
            name=NAME,
        )
    )


SPEC = register(
    ReportSpec(
        NAME,
        QT_TRANSLATE_NOOP("ReportBuilders", "Statement of the fund “Vì người nghèo”"),
        QT_TRANSLATE_NOOP(
            "ReportBuilders",
            "The fund's opening balance, receipts, spending and balance for the year; gifts by "
            "month and in the peak month; the gifts and grants of the period one by one (at "
            "the city for all communes: each commune's statement).",
        ),
        frozenset({OfficeMode.COMMUNE, OfficeMode.CITY}),
        (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR),
        build,
        file_stem="Quy-Vi-nguoi-ngheo",
        issuer_role=IssuerRole.FUND,
    )
)
