"""``city-yearly``: the city's consolidated yearly report on carrying out the plan, which the
plan asks for before 30/10 each year (section III.3).

Per-commune tables (task completion, credit indicators, the fund, entrusted capital) with
the city's totals; the communes whose figures are missing or late; the communes ranked by
overdue ratio and by task completion; charts.

Made at city scale (103 communes, hundreds of thousands of loans), so every per-commune
figure is read in one grouped pass (``*_by_commune`` services, the loan indicators by
commune) rather than one query per commune, and the tables are per commune, never per loan.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import CITY_CODE
from db.enums import OfficeMode, PeriodKind
from db.models import TaskProgress
from desktop.core.formatting import format_date, format_percent, group_thousands
from desktop.core.funds.deposits import DepositTotals, deposit_totals
from desktop.core.funds.indicators import (
    SHARE_TARGET,
    EntrustedIndicators,
    TargetStatus,
    entrusted_by_commune,
    entrusted_indicators,
    entrusted_series,
)
from desktop.core.funds.statement import FundStatement, fund_statement, fund_statements_by_commune
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.loans.indicators import Dimension, IndicatorRow, indicator_table
from desktop.core.office import CommuneInfo
from desktop.core.periods import Period
from desktop.core.tasks.catalogue import period_within
from desktop.core.tasks.status import TaskCompletion, task_completion, task_completion_by_commune
from desktop.core.text import nfc, sort_key
from desktop.reports.builders import (
    fund_parts,
    loan_parts,
    loan_work_parts,
    sync_parts,
    task_parts,
)
from desktop.reports.builders.common import (
    PLAN_REFERENCE,
    communes_by_code,
    competition_ranks,
    data_day,
    number_tables,
    recipients,
)
from desktop.reports.builders.vocabulary import TARGET_STATUS, TOTAL, UNIT_DONG, Numbering
from desktop.reports.model import (
    Block,
    Cell,
    Chart,
    ChartKind,
    Column,
    Paragraph,
    Report,
    Section,
    Series,
    Table,
)
from desktop.reports.registry import Coverage, ReportContext, ReportSpec, register
from desktop.reports.xlsx_table import CellKind

NAME = "city-yearly"
CREDIT = "Hoạt động tín dụng chính sách xã hội"
GRADES = "Hoạt động nhận ủy thác của các tổ chức chính trị - xã hội"
#: How many communes the ranking charts show (all of them are in the ranking tables).
CHART_COMMUNES = 15
ALL_COMMUNES = "Các xã, phường"
CITY_LEVEL = "Cấp thành phố"


def _commune_columns() -> list[Column]:
    return [Column("STT", CellKind.NUMBER, 0.7), Column("Xã, phường", weight=2.4)]


# -- tasks --------------------------------------------------------------------------------------
def task_completion_table(
    communes: dict[str, CommuneInfo],
    by_commune: dict[str, TaskCompletion],
    total: TaskCompletion,
) -> Table:
    rows = [
        (index, commune.label, *task_parts.completion_cells(by_commune[code]))
        for index, (code, commune) in enumerate(communes.items(), start=1)
    ]
    return Table(
        "Kết quả thực hiện nhiệm vụ của các xã, phường",
        "Nhiệm vụ theo xã",
        [*_commune_columns(), *task_parts.completion_columns()],
        rows,
        totals=[("", TOTAL, *task_parts.completion_cells(total))],
    )


def completion_ranking(
    communes: dict[str, CommuneInfo], by_commune: dict[str, TaskCompletion]
) -> tuple[Table, Chart]:
    """Highest done share first; a commune expecting no task has no share and comes last."""
    order = sorted(
        communes,
        key=lambda code: (
            by_commune[code].done_share is None,
            -(by_commune[code].done_share or 0),
            sort_key(communes[code].label),
        ),
    )
    shares = [by_commune[code].done_share for code in order]
    rows = [
        (
            rank,
            communes[code].label,
            by_commune[code].done,
            by_commune[code].expected,
            by_commune[code].done_share,
        )
        for rank, code in zip(competition_ranks(shares), order, strict=True)
    ]
    table = Table(
        "Xếp hạng các xã, phường theo tỷ lệ hoàn thành nhiệm vụ",
        "Xếp hạng nhiệm vụ",
        [
            Column("Hạng", CellKind.NUMBER, 0.7),
            Column("Xã, phường", weight=3),
            Column("Hoàn thành và thường xuyên", CellKind.NUMBER, 1.6),
            Column("Nhiệm vụ phải báo cáo", CellKind.NUMBER, 1.6),
            Column("Tỷ lệ hoàn thành", CellKind.PERCENT, 1.4),
        ],
        rows,
    )
    lowest = list(reversed(order[-CHART_COMMUNES:]))
    chart = Chart(
        f"{CHART_COMMUNES} xã, phường có tỷ lệ hoàn thành nhiệm vụ thấp nhất",
        ChartKind.HBAR,
        [communes[code].label for code in lowest],
        [
            Series(
                "Tỷ lệ hoàn thành",
                [float(by_commune[code].done_share or 0) for code in lowest],
            )
        ],
        value_kind=CellKind.PERCENT,
    )
    return table, chart


def proposals_of_communes(
    session: Session, period: Period, communes: dict[str, CommuneInfo]
) -> list[Paragraph]:
    """The communes' proposals written on progress records of the period (a record counts
    for the period when its own period lies inside it), each text once with the communes
    that made it, the most shared first."""
    found: dict[str, list[str]] = {}
    rows = session.execute(
        select(
            TaskProgress.commune_code,
            TaskProgress.period_kind,
            TaskProgress.period_no,
            TaskProgress.proposals,
        ).where(
            TaskProgress.deleted_at.is_(None),
            TaskProgress.year == period.year,
            TaskProgress.proposals != "",
        )
    )
    for owner, kind, number, proposals in rows:
        text = nfc(proposals).strip()
        if text and owner in communes and period_within(Period(period.year, kind, number), period):
            found.setdefault(text, []).append(owner)
    if not found:
        return [Paragraph("Các xã, phường không có đề xuất, kiến nghị.")]
    out = []
    for text, owners in sorted(found.items(), key=lambda item: -len(set(item[1]))):
        unique = list(dict.fromkeys(owners))
        names = ", ".join(communes[code].name for code in unique[:12])
        more = f" và {len(unique) - 12} xã, phường khác" if len(unique) > 12 else ""
        out.append(Paragraph(f"- {text.rstrip('.')} ({len(unique)} xã, phường: {names}{more})."))
    return out


# -- credit -------------------------------------------------------------------------------------
def _no_loans(code: str, label: str) -> IndicatorRow:
    """The figures of a commune without loans (the service lists only values with loans)."""
    return IndicatorRow(code, label, 0, 0, 0, 0, 0, 0, 0)


def credit_by_commune_table(
    communes: dict[str, CommuneInfo],
    rows: dict[str, IndicatorRow],
    total: IndicatorRow,
    day: date,
) -> Table:
    def cells(row: IndicatorRow) -> tuple[Cell, ...]:
        return (
            row.borrowers_with_balance,
            row.outstanding,
            row.overdue,
            row.overdue_ratio,
            row.overdue_frozen_ratio,
            row.loans_checked,
            row.share_used_as_intended,
        )

    return Table(
        (
            f"Dư nợ, chất lượng tín dụng và kiểm tra sử dụng vốn vay của các xã, "
            f"phường đến ngày {format_date(day)}"
        ),
        "Tín dụng theo xã",
        [
            *_commune_columns(),
            Column("Số hộ còn dư nợ", CellKind.NUMBER, 1.1),
            Column("Dư nợ", CellKind.MONEY, 1.75),
            Column("Nợ quá hạn", CellKind.MONEY, 1.5),
            Column("Tỷ lệ nợ quá hạn", CellKind.PERCENT, 1.1),
            Column("Tỷ lệ nợ quá hạn và nợ khoanh", CellKind.PERCENT, 1.2),
            Column("Khoản vay được kiểm tra trong năm", CellKind.NUMBER, 1.2),
            Column("Tỷ lệ sử dụng đúng mục đích", CellKind.PERCENT, 1.2),
        ],
        [
            (index, commune.label, *cells(rows[code]))
            for index, (code, commune) in enumerate(communes.items(), start=1)
        ],
        totals=[("", TOTAL, *cells(total))],
        note=UNIT_DONG,
    )


def overdue_ranking(
    communes: dict[str, CommuneInfo], rows: dict[str, IndicatorRow]
) -> tuple[Table, Chart]:
    """Lowest overdue ratio first (the best credit quality); communes without outstanding
    balance have no ratio and come last."""
    order = sorted(
        communes,
        key=lambda code: (
            rows[code].overdue_ratio is None,
            rows[code].overdue_ratio or 0,
            sort_key(communes[code].label),
        ),
    )
    ratios = [rows[code].overdue_ratio for code in order]
    table = Table(
        "Xếp hạng các xã, phường theo tỷ lệ nợ quá hạn (từ thấp đến cao)",
        "Xếp hạng nợ quá hạn",
        [
            Column("Hạng", CellKind.NUMBER, 0.7),
            Column("Xã, phường", weight=2.8),
            Column("Dư nợ", CellKind.MONEY, 1.8),
            Column("Nợ quá hạn", CellKind.MONEY, 1.6),
            Column("Tỷ lệ nợ quá hạn", CellKind.PERCENT, 1.3),
            Column("Tỷ lệ nợ quá hạn và nợ khoanh", CellKind.PERCENT, 1.4),
        ],
        [
            (
                rank,
                communes[code].label,
                rows[code].outstanding,
                rows[code].overdue,
                rows[code].overdue_ratio,
                rows[code].overdue_frozen_ratio,
            )
            for rank, code in zip(competition_ranks(ratios), order, strict=True)
        ],
        note=UNIT_DONG,
    )
    with_ratio = [code for code in order if rows[code].overdue_ratio is not None]
    highest = list(reversed(with_ratio[-CHART_COMMUNES:]))
    chart = Chart(
        f"{CHART_COMMUNES} xã, phường có tỷ lệ nợ quá hạn cao nhất",
        ChartKind.HBAR,
        [communes[code].label for code in highest],
        [Series("Tỷ lệ nợ quá hạn", [float(rows[code].overdue_ratio or 0) for code in highest])],
        value_kind=CellKind.PERCENT,
    )
    return table, chart


def credit_section(ctx: ReportContext, communes: dict[str, CommuneInfo], heading: str) -> Section:
    """One pass over the loans (the indicators by commune) gives every figure here."""
    day = data_day(ctx)
    year = ctx.request.period.year
    indicators = indicator_table(ctx.session, Dimension.COMMUNE, owner=None, as_of=day, year=year)
    found = {row.key: row for row in indicators.rows if row.key is not None}
    rows = {code: found.get(code) or _no_loans(code, c.label) for code, c in communes.items()}
    ranking, chart = overdue_ranking(communes, rows)
    return Section(
        heading,
        [
            loan_parts.quality_sentence("toàn thành phố", indicators.total, day),
            Paragraph(
                f"Trong năm {year}, đã kiểm tra việc sử dụng vốn của "
                f"{group_thousands(indicators.total.loans_checked)} khoản vay, trong đó "
                f"{format_percent(indicators.total.share_used_as_intended)} sử dụng vốn đúng "
                f"mục đích."
            ),
            credit_by_commune_table(communes, rows, indicators.total, day),
            ranking,
            chart,
        ],
    )


# -- money --------------------------------------------------------------------------------------
def fund_levels_table(communes: FundStatement, city: FundStatement) -> Table:
    """The communes' funds and the city's own side by side (two funds, not one counted
    twice), with their sum."""

    def cells(s: FundStatement) -> tuple[int, ...]:
        return (s.opening, s.receipts, s.spending, s.closing)

    both = tuple(a + b for a, b in zip(cells(communes), cells(city), strict=True))
    return Table(
        f"{fund_parts.FUND_NAME} toàn thành phố năm {communes.year}",
        "Quỹ VNN toàn thành phố",
        [
            Column("Cấp", weight=2.6),
            Column("Số dư đầu năm", CellKind.MONEY, 1.6),
            Column("Thu trong năm", CellKind.MONEY, 1.6),
            Column("Chi trong năm", CellKind.MONEY, 1.6),
            Column("Số dư", CellKind.MONEY, 1.6),
        ],
        [(ALL_COMMUNES, *cells(communes)), (CITY_LEVEL, *cells(city))],
        totals=[("Toàn thành phố", *both)],
        note=UNIT_DONG,
    )


def deposits_table(communes: DepositTotals, city: DepositTotals) -> Table:
    def cells(t: DepositTotals) -> tuple[int, ...]:
        return (t.deposits, t.sponsorship, t.total)

    both = tuple(a + b for a, b in zip(cells(communes), cells(city), strict=True))
    return Table(
        f"Huy động tiền gửi, tài trợ năm {communes.year}",
        "Tiền gửi, tài trợ",
        [
            Column("Cấp", weight=2.6),
            Column("Tiền gửi", CellKind.MONEY, 1.8),
            Column("Tài trợ", CellKind.MONEY, 1.8),
            Column("Cộng", CellKind.MONEY, 1.8),
        ],
        [(ALL_COMMUNES, *cells(communes)), (CITY_LEVEL, *cells(city))],
        totals=[("Toàn thành phố", *both)],
        note=UNIT_DONG,
    )


def entrusted_by_commune_table(
    communes: dict[str, CommuneInfo],
    growth: dict[str, EntrustedIndicators],
    shares: dict[str, EntrustedIndicators],
    total: EntrustedIndicators,
    total_share: EntrustedIndicators,
    share_year: int,
) -> Table:
    year = total.year

    def cells(g: EntrustedIndicators, s: EntrustedIndicators) -> tuple[Cell, ...]:
        return (
            g.growth.previous,
            g.growth.transferred,
            g.growth.growth,
            TARGET_STATUS[g.growth.status],
            s.share.share,
        )

    return Table(
        f"Vốn ngân sách xã, phường ủy thác qua NHCSXH năm {year}",
        "Vốn ủy thác theo xã",
        [
            *_commune_columns(),
            Column(f"Năm {year - 1}", CellKind.MONEY, 1.6),
            Column(f"Năm {year}", CellKind.MONEY, 1.6),
            Column("Tăng so với năm trước", CellKind.PERCENT, 1.2),
            Column("Mục tiêu tăng 20 %", weight=1.2),
            Column(f"Tỷ lệ trên tổng nguồn vốn cuối năm {share_year}", CellKind.PERCENT, 1.4),
        ],
        [
            (index, commune.label, *cells(growth[code], shares[code]))
            for index, (code, commune) in enumerate(communes.items(), start=1)
        ],
        totals=[("", TOTAL, *cells(total, total_share))],
        note=UNIT_DONG,
    )


def share_chart(series: Sequence[EntrustedIndicators], title: str) -> Chart | None:
    known = [i for i in series if i.share.share is not None]
    if not known:
        return None
    return Chart(
        title,
        ChartKind.BAR,
        [str(i.year) for i in known],
        [Series("Tỷ lệ vốn ủy thác", [float(i.share.share or 0) for i in known])],
        value_kind=CellKind.PERCENT,
        target=float(SHARE_TARGET),
        target_label="Mục tiêu 20 % (năm 2030)",
    )


def growth_sentence(by_commune: dict[str, EntrustedIndicators]) -> Paragraph:
    tally = dict.fromkeys(TargetStatus, 0)
    for indicators in by_commune.values():
        tally[indicators.growth.status] += 1
    return Paragraph(
        f"Về mục tiêu vốn ngân sách địa phương ủy thác năm sau cao hơn năm trước tối thiểu "
        f"20 %: {tally[TargetStatus.ON_TRACK]} xã, phường đạt, {tally[TargetStatus.BEHIND]} xã, "
        f"phường chưa đạt, {tally[TargetStatus.NO_DATA]} xã, phường chưa đủ số liệu để đánh giá."
    )


# -- the report ---------------------------------------------------------------------------------
def build(ctx: ReportContext) -> Report:
    session = ctx.session
    period = ctx.request.period
    year = period.year
    day = data_day(ctx)
    cut = sync_parts.cut_off(period, ctx.request.issued_on)
    numbering = Numbering()
    communes = communes_by_code(session)
    codes = list(communes)
    steps = 6
    ctx.progress.report(0, steps, "Tiếp nhận số liệu")

    arrivals = sync_parts.arrivals(session, cut)
    sections = [
        Section(
            numbering.section("Tình hình tiếp nhận số liệu của các xã, phường"),
            [
                sync_parts.arrival_sentence(arrivals, cut),
                sync_parts.arrival_table(arrivals, cut),
            ],
        )
    ]

    ctx.progress.report(1, steps, "Nhiệm vụ")
    city_items = task_parts.task_lines_with_records(session, CITY_CODE, period)
    city_completion = task_completion(session, period, CITY_CODE)
    total_completion = task_completion(session, period, None)
    by_commune = task_completion_by_commune(session, period)
    ranking, lowest_chart = completion_ranking(communes, by_commune)
    sections.append(
        Section(
            numbering.section("Kết quả thực hiện các nhiệm vụ của Kế hoạch"),
            subsections=[
                Section(
                    "1. Ở cấp thành phố",
                    [
                        task_parts.completion_sentence("cấp thành phố", city_completion, period),
                        task_parts.task_table(
                            "Kết quả thực hiện nhiệm vụ ở cấp thành phố",
                            "Nhiệm vụ cấp TP",
                            city_items,
                            period,
                        ),
                    ],
                ),
                Section(
                    "2. Ở các xã, phường",
                    [
                        task_parts.completion_sentence("các xã, phường", total_completion, period),
                        task_completion_table(communes, by_commune, total_completion),
                        task_parts.completion_chart(
                            total_completion, f"Tình trạng nhiệm vụ của các xã, phường năm {year}"
                        ),
                        ranking,
                        lowest_chart,
                    ],
                ),
            ],
        )
    )

    ctx.progress.report(2, steps, "Tín dụng chính sách")
    sections.append(credit_section(ctx, communes, numbering.section(CREDIT)))
    sections.append(loan_work_parts.grades_section(ctx, numbering.section(GRADES)))

    ctx.progress.report(3, steps, "Quỹ “Vì người nghèo”")
    statements = fund_statements_by_commune(session, year, codes)
    fund_total = fund_statement(session, year, None)
    city_fund = fund_statement(session, year, CITY_CODE)

    ctx.progress.report(4, steps, "Nguồn vốn ủy thác")
    city_series = entrusted_series(session, CITY_CODE)
    city_entrusted = next((i for i in city_series if i.year == year), None) or (
        entrusted_indicators(session, year, CITY_CODE)
    )
    city_share = fund_parts.share_for(city_series, year)
    total_entrusted = entrusted_indicators(session, year, None)
    share_year = year if total_entrusted.share.share is not None else year - 1
    total_share = (
        total_entrusted if share_year == year else entrusted_indicators(session, share_year, None)
    )
    growth = entrusted_by_commune(session, year, codes)
    shares = growth if share_year == year else entrusted_by_commune(session, share_year, codes)
    money: list[Block] = [
        *fund_parts.fund_sentences(fund_total, ctx.request.issued_on),
        fund_levels_table(fund_total, city_fund),
        fund_parts.fund_by_commune_table(communes, statements, fund_total),
    ]
    capital: list[Block] = [
        fund_parts.entrusted_sentence(city_entrusted, city_share),
        fund_parts.entrusted_table(
            city_entrusted,
            city_share,
            title=f"Vốn ngân sách thành phố ủy thác qua Chi nhánh NHCSXH thành phố năm {year}",
            sheet="Vốn ủy thác cấp TP",
        ),
    ]
    chart = share_chart(city_series, "Tỷ lệ vốn ngân sách địa phương ủy thác trên tổng nguồn vốn")
    if chart is not None:
        capital.append(chart)
    capital += [
        growth_sentence(growth),
        entrusted_by_commune_table(
            communes, growth, shares, total_entrusted, total_share, share_year
        ),
    ]
    sections.append(
        Section(
            numbering.section("Huy động nguồn lực cho tín dụng chính sách"),
            subsections=[
                Section(f"1. Vận động {fund_parts.FUND_NAME}", money),
                Section(
                    "2. Huy động tiền gửi, tài trợ",
                    [
                        deposits_table(
                            deposit_totals(session, year, None),
                            deposit_totals(session, year, CITY_CODE),
                        )
                    ],
                ),
                Section("3. Vốn ngân sách địa phương ủy thác qua NHCSXH", capital),
            ],
        )
    )

    ctx.progress.report(5, steps, "Khó khăn, đề xuất")
    sections.append(
        Section(
            numbering.section("Khó khăn, vướng mắc"),
            task_parts.remarks(city_items, "difficulties"),
        )
    )
    sections.append(
        Section(
            numbering.section("Đề xuất, kiến nghị"),
            [
                *task_parts.remarks(city_items, "proposals"),
                Paragraph("Đề xuất, kiến nghị của các xã, phường:", bold=True),
                *proposals_of_communes(session, period, communes),
            ],
        )
    )
    return number_tables(
        Report(
            kind="Báo cáo",
            title=(
                "Tình hình thực hiện Chỉ thị số 39-CT/TW của Ban Bí thư về nâng cao\n"
                f"hiệu quả của tín dụng chính sách xã hội năm {year}"
            ),
            letterhead=ctx.letterhead(recipients(ctx)),
            preamble=[
                Paragraph(
                    f"Thực hiện {PLAN_REFERENCE}, {ctx.office.office_name} báo cáo tình hình thực "
                    f"hiện năm {year} trên địa bàn thành phố như sau:"
                ),
                Paragraph(
                    f"Số liệu tổng hợp từ các tệp số liệu của {len(communes)} xã, phường đã nhập "
                    f"đến thời điểm lập báo cáo; dư nợ và kiểm tra sử dụng vốn vay tính đến ngày "
                    f"{format_date(day)}; quỹ và nguồn vốn tính cho năm {year}.",
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
        QT_TRANSLATE_NOOP("ReportBuilders", "The city's yearly report (before 30/10)"),
        QT_TRANSLATE_NOOP(
            "ReportBuilders",
            "The consolidated yearly report the plan asks for before 30 October: per-commune "
            "tables of task completion, credit indicators, the fund and entrusted capital, the "
            "city's totals, the communes whose figures are missing or late, rankings and "
            "charts.",
        ),
        frozenset({OfficeMode.CITY}),
        (PeriodKind.YEAR,),
        build,
        Coverage.ALL,
        file_stem="Bao-cao-Chi-thi-39",
    )
)
