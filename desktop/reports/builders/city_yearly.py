"""``city-yearly``: the city's consolidated yearly report on carrying out the plan, which the
plan asks for before 30/10 each year (section III.3).

Every figure is the year's as of the cut-off (31/12, or the document's date while the year
runs). The report says how many communes its figures cover — a commune is covered when the
city holds its figures, by file or entered at the city (:mod:`desktop.sync.coverage`) — and
lists the others; per-commune tables, totals, rates and rankings are over the covered
communes only, and part of the city is never called the whole. The plan's II.4 targets are
given as the plan states them, for the local budget of the city and the communes together,
each part labelled. Amounts are in triệu đồng.

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
from desktop.core.funds.deposits import DepositTotals
from desktop.core.funds.indicators import (
    SHARE_TARGET,
    EntrustedIndicators,
    GrowthIndicator,
    LocalBudgetIndicators,
    ShareIndicator,
    TargetStatus,
    entrusted_by_commune,
    latest_share,
    local_budget_series,
)
from desktop.core.funds.period import (
    PeriodStatement,
    deposits_between,
    period_statement,
    period_statements_by_commune,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.issuers import IssuerRole
from desktop.core.loans.balance_dates import communes_with_balances
from desktop.core.loans.indicators import Dimension, IndicatorRow, indicator_table
from desktop.core.office import CommuneInfo
from desktop.core.owners import ALL_COMMUNES, CITY_OFFICE, COMMUNES_AND_CITY_OFFICE
from desktop.core.periods import Period
from desktop.core.tasks.catalogue import period_within
from desktop.core.tasks.status import TaskCompletion, task_completion, task_completion_by_commune
from desktop.core.text import nfc, sort_key
from desktop.reports.builders import (
    coverage_parts,
    fund_parts,
    loan_parts,
    loan_work_parts,
    sync_parts,
    task_parts,
)
from desktop.reports.builders.common import (
    competition_ranks,
    number_tables,
    plan_preamble,
    recipients,
)
from desktop.reports.builders.period_parts import (
    UNIT_MILLION,
    capitalised,
    cut_off,
    figures_line,
    money_cell,
    money_column,
    money_text,
    period_until,
    year_label,
)
from desktop.reports.builders.vocabulary import TARGET_STATUS, Numbering
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
from desktop.sync.coverage import DataCoverage, data_coverage

NAME = "city-yearly"
CREDIT = "Hoạt động tín dụng chính sách xã hội"
GRADES = "Hoạt động nhận ủy thác của các tổ chức chính trị - xã hội"
#: How many communes the ranking charts show (all of them are in the ranking tables).
CHART_COMMUNES = 15
CITY_LEVEL = "Cấp thành phố"
NO_DATA = fund_parts.NO_DATA


def _commune_columns() -> list[Column]:
    return [Column("STT", CellKind.NUMBER, 0.7), Column("Xã, phường", weight=2.4)]


def communes_phrase(coverage: DataCoverage) -> str:
    """ "3 xã, phường có số liệu" / "103 xã, phường"."""
    covered = len(coverage.covered)
    return (
        f"{coverage.total} xã, phường" if coverage.complete else f"{covered} xã, phường có số liệu"
    )


# -- tasks --------------------------------------------------------------------------------------
def add_completions(period: Period, items: Sequence[TaskCompletion]) -> TaskCompletion:
    """The completion figures of several communes together (the covered ones)."""
    return TaskCompletion(
        period=period,
        owner=ALL_COMMUNES,
        expected=sum(c.expected for c in items),
        not_started=sum(c.not_started for c in items),
        in_progress=sum(c.in_progress for c in items),
        completed=sum(c.completed for c in items),
        ongoing=sum(c.ongoing for c in items),
        missing=sum(c.missing for c in items),
    )


def task_completion_table(
    communes: dict[str, CommuneInfo],
    by_commune: dict[str, TaskCompletion],
    total: TaskCompletion,
    total_label: str,
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
        totals=[("", total_label, *task_parts.completion_cells(total))],
    )


def completion_ranking(
    communes: dict[str, CommuneInfo], by_commune: dict[str, TaskCompletion]
) -> tuple[Table, Chart]:
    """Highest done share first, over the covered communes; a commune expecting no task has
    no share and comes last."""
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
        "Xếp hạng các xã, phường có số liệu theo tỷ lệ hoàn thành nhiệm vụ",
        "Xếp hạng nhiệm vụ",
        [
            Column("Hạng", CellKind.NUMBER, 0.7),
            Column("Xã, phường", weight=3),
            Column("Hoàn thành và thường xuyên", CellKind.NUMBER, 1.6),
            Column("Nhiệm vụ phải báo cáo", CellKind.NUMBER, 1.6),
            Column("Tỷ lệ hoàn thành", CellKind.PERCENT, 1.4),
        ],
        rows,
        empty_text="Chưa có xã, phường nào có số liệu.",
    )
    lowest = list(reversed(order[-CHART_COMMUNES:]))
    chart = Chart(
        f"{min(CHART_COMMUNES, len(lowest))} xã, phường có tỷ lệ hoàn thành nhiệm vụ thấp nhất",
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


def period_texts(
    session: Session, period: Period, communes: dict[str, CommuneInfo], field: str
) -> list[Paragraph]:
    """The communes' proposals (``field="proposals"``) or difficulties written on progress
    records of the period (a record counts when its own period lies inside it), each text
    once with the communes that wrote it, the most shared first; none: empty."""
    column = getattr(TaskProgress, field)
    found: dict[str, list[str]] = {}
    rows = session.execute(
        select(
            TaskProgress.commune_code,
            TaskProgress.period_kind,
            TaskProgress.period_no,
            column,
        ).where(
            TaskProgress.deleted_at.is_(None),
            TaskProgress.year == period.year,
            column != "",
        )
    )
    for owner, kind, number, written in rows:
        text = nfc(written).strip()
        if text and owner in communes and period_within(Period(period.year, kind, number), period):
            found.setdefault(text, []).append(owner)
    out = []
    for text, owners in sorted(found.items(), key=lambda item: -len(set(item[1]))):
        unique = list(dict.fromkeys(owners))
        names = ", ".join(communes[code].name for code in unique[:12])
        more = f" và {len(unique) - 12} xã, phường khác" if len(unique) > 12 else ""
        out.append(Paragraph(f"- {text.rstrip('.')} ({len(unique)} xã, phường: {names}{more})."))
    return out


def remarks_section(
    heading: str,
    city_items: list[task_parts.TaskLineReport],
    session: Session,
    period: Period,
    communes: dict[str, CommuneInfo],
    field: str,
    what: str,
) -> Section:
    """The city office's own texts, then the communes': each part printed, or said to have
    none — never "none" followed by texts."""
    city = task_parts.remarks(city_items, field, none="")
    of_communes = period_texts(session, period, communes, field)
    blocks: list[Block] = [Paragraph("1. Của cấp thành phố", bold=True)]
    blocks += city or [Paragraph(f"Cấp thành phố không có {what}.")]
    blocks.append(Paragraph("2. Của các xã, phường", bold=True))
    blocks += of_communes or [Paragraph(f"Các xã, phường có số liệu không nêu {what}.")]
    return Section(heading, blocks)


# -- credit -------------------------------------------------------------------------------------
def _no_loans(code: str, label: str) -> IndicatorRow:
    """The figures of a commune without loans (the service lists only values with loans)."""
    return IndicatorRow(code, label, 0, 0, 0, 0, 0, 0, 0)


def credit_by_commune_table(
    communes: dict[str, CommuneInfo],
    rows: dict[str, IndicatorRow | None],
    total: IndicatorRow,
    day: date,
    total_label: str,
) -> Table:
    def cells(row: IndicatorRow | None) -> tuple[Cell, ...]:
        if row is None:  # no balance recorded by the cut-off: no data
            return (None,) * 7
        return (
            row.borrowers_with_balance,
            money_cell(row.outstanding, True),
            money_cell(row.overdue, True),
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
            money_column("Dư nợ", 1.75, True),
            money_column("Nợ quá hạn", 1.5, True),
            Column("Tỷ lệ nợ quá hạn", CellKind.PERCENT, 1.1),
            Column("Tỷ lệ nợ quá hạn và nợ khoanh", CellKind.PERCENT, 1.2),
            Column("Khoản vay được kiểm tra trong năm", CellKind.NUMBER, 1.2),
            Column("Tỷ lệ sử dụng đúng mục đích", CellKind.PERCENT, 1.2),
        ],
        [
            (index, commune.label, *cells(rows[code]))
            for index, (code, commune) in enumerate(communes.items(), start=1)
        ],
        totals=[("", total_label, *cells(total))],
        note=f"{UNIT_MILLION}. “–”: chưa có số liệu dư nợ đến ngày {format_date(day)}.",
    )


def overdue_ranking(
    communes: dict[str, CommuneInfo], rows: dict[str, IndicatorRow | None]
) -> tuple[Table, Chart]:
    """Lowest overdue ratio first (the best credit quality), over the communes with an
    outstanding balance; the others are not ranked."""
    ranked = [
        code
        for code in communes
        if (row := rows[code]) is not None and row.overdue_ratio is not None
    ]
    order = sorted(
        ranked,
        key=lambda code: (rows[code].overdue_ratio or 0, sort_key(communes[code].label)),  # type: ignore[union-attr]
    )
    ratios = [rows[code].overdue_ratio for code in order]  # type: ignore[union-attr]
    table_rows: list[tuple[Cell, ...]] = []
    for rank, code in zip(competition_ranks(ratios), order, strict=True):
        row = rows[code]
        assert row is not None
        table_rows.append(
            (
                rank,
                communes[code].label,
                money_cell(row.outstanding, True),
                money_cell(row.overdue, True),
                row.overdue_ratio,
                row.overdue_frozen_ratio,
            )
        )
    left_out = len(communes) - len(order)
    table = Table(
        "Xếp hạng các xã, phường theo tỷ lệ nợ quá hạn (từ thấp đến cao)",
        "Xếp hạng nợ quá hạn",
        [
            Column("Hạng", CellKind.NUMBER, 0.7),
            Column("Xã, phường", weight=2.8),
            money_column("Dư nợ", 1.8, True),
            money_column("Nợ quá hạn", 1.6, True),
            Column("Tỷ lệ nợ quá hạn", CellKind.PERCENT, 1.3),
            Column("Tỷ lệ nợ quá hạn và nợ khoanh", CellKind.PERCENT, 1.4),
        ],
        table_rows,
        note=UNIT_MILLION
        + (
            f". Không xếp hạng {left_out} xã, phường có số liệu nhưng không có dư nợ hoặc chưa có "
            f"số liệu dư nợ"
            if left_out
            else ""
        ),
        empty_text="Chưa có xã, phường nào có số liệu dư nợ để xếp hạng.",
    )
    highest = list(reversed(order[-CHART_COMMUNES:]))
    chart = Chart(
        f"{min(CHART_COMMUNES, len(highest))} xã, phường có tỷ lệ nợ quá hạn cao nhất",
        ChartKind.HBAR,
        [communes[code].label for code in highest],
        [
            Series(
                "Tỷ lệ nợ quá hạn",
                [float(rows[code].overdue_ratio or 0) for code in highest],  # type: ignore[union-attr]
            )
        ],
        value_kind=CellKind.PERCENT,
    )
    return table, chart


def credit_section(
    ctx: ReportContext, coverage: DataCoverage, communes: dict[str, CommuneInfo], heading: str
) -> Section:
    """One pass over the loans (the indicators by commune) gives every figure here."""
    day = cut_off(ctx.request.period, ctx.request.issued_on)
    year = ctx.request.period.year
    indicators = indicator_table(
        ctx.session, Dimension.COMMUNE, owner=ALL_COMMUNES, as_of=day, year=year
    )
    found = {row.key: row for row in indicators.rows if row.key is not None}
    with_balances = communes_with_balances(ctx.session, day)
    rows: dict[str, IndicatorRow | None] = {
        code: (found.get(code) or _no_loans(code, c.label)) if code in with_balances else None
        for code, c in communes.items()
    }
    basis = loan_parts.BalanceBasis.of(ctx.session, ALL_COMMUNES, day)
    ranking, chart = overdue_ranking(communes, rows)
    phrase = coverage_parts.covered_phrase(coverage)
    blocks: list[Block] = [
        loan_parts.quality_sentence(phrase, indicators.total, basis, millions=True),
    ]
    without = [c for code, c in communes.items() if rows[code] is None]
    if without:
        blocks.append(
            Paragraph(
                f"Có {len(without)}/{len(communes)} xã, phường có số liệu nhưng chưa có số liệu dư "
                f"nợ đến ngày {format_date(day)}: "
                f"{', '.join(coverage_parts.name_in_text(c) for c in without)}."
            )
        )
    blocks += [
        Paragraph(
            f"Lũy kế từ ngày 01/01/{year} đến ngày {format_date(day)}, đã kiểm tra việc sử dụng "
            f"vốn của {group_thousands(indicators.total.loans_checked)} khoản vay, trong đó "
            f"{format_percent(indicators.total.share_used_as_intended)} sử dụng vốn đúng mục "
            f"đích."
        ),
        credit_by_commune_table(
            communes, rows, indicators.total, day, coverage_parts.covered_label(coverage)
        ),
        ranking,
    ]
    if chart.categories:
        blocks.append(chart)
    return Section(heading, blocks)


# -- money --------------------------------------------------------------------------------------
def has_fund_records(statement: PeriodStatement) -> bool:
    return bool(
        statement.opening
        or statement.receipts_count
        or statement.spending_count
        or statement.in_kind_count
    )


def fund_levels_table(
    communes: PeriodStatement,
    city: PeriodStatement,
    communes_label: str,
    period: Period,
    issued_on: date,
) -> Table:
    """The communes' funds and the city's own side by side (two funds, not one counted
    twice), with their sum; the city's row says "no data" when it recorded nothing."""

    def cells(s: PeriodStatement) -> tuple[int, ...]:
        return (s.opening, s.receipts, s.spending, s.closing)

    city_cells: tuple[Cell, ...] = (
        tuple(money_cell(v, True) for v in cells(city))
        if has_fund_records(city)
        else (NO_DATA, "", "", "")
    )
    both = tuple(money_cell(a + b, True) for a, b in zip(cells(communes), cells(city), strict=True))
    return Table(
        f"{fund_parts.FUND_NAME} {period_until(period, issued_on)}",
        "Quỹ VNN theo cấp",
        [
            Column("Cấp", weight=2.6),
            money_column(f"Số dư ngày {format_date(communes.start)}", 1.6, True),
            money_column("Thu trong kỳ", 1.6, True),
            money_column("Chi trong kỳ", 1.6, True),
            money_column(f"Số dư ngày {format_date(communes.end)}", 1.6, True),
        ],
        [
            (communes_label, *(money_cell(v, True) for v in cells(communes))),
            (CITY_LEVEL, *city_cells),
        ],
        totals=[("Cộng", *both)],
        note=UNIT_MILLION,
    )


def deposits_table(
    communes: DepositTotals, city: DepositTotals, communes_label: str, title: str
) -> Table:
    def cells(t: DepositTotals) -> tuple[int, ...]:
        return (t.deposits, t.sponsorship, t.total)

    both = tuple(money_cell(a + b, True) for a, b in zip(cells(communes), cells(city), strict=True))
    return Table(
        title,
        "Tiền gửi, tài trợ",
        [
            Column("Cấp", weight=2.6),
            money_column("Tiền gửi", 1.8, True),
            money_column("Tài trợ", 1.8, True),
            money_column("Cộng", 1.8, True),
        ],
        [
            (communes_label, *(money_cell(v, True) for v in cells(communes))),
            (CITY_LEVEL, *(money_cell(v, True) for v in cells(city))),
        ],
        totals=[("Cộng", *both)],
        note=UNIT_MILLION,
    )


def growth_cells(growth: GrowthIndicator) -> tuple[Cell, ...]:
    value, judged = fund_parts.judged_growth(growth)
    return (
        fund_parts.transferred_cell(growth.previous, True),
        fund_parts.transferred_cell(growth.transferred, True),
        value,
        money_cell(growth.target_amount, True),
        money_cell(growth.still_needed, True) if growth.transferred else "",
        judged,
    )


def local_growth_table(local: LocalBudgetIndicators, cut: date, communes_label: str) -> Table:
    """The plan's growth target for the local budget of the city and the communes together,
    with each budget's part beside it: one figure per scope."""
    year = local.year
    return Table(
        f"Vốn ngân sách địa phương ủy thác qua NHCSXH {fund_parts.year_until(year, cut)}",
        "Vốn ủy thác",
        [
            Column("Nguồn vốn", weight=3.2),
            money_column(f"Năm {year - 1}", 1.5, True),
            money_column(year_label(year, cut), 1.5, True),
            Column("Tăng so với năm trước", CellKind.PERCENT, 1.2),
            money_column(f"Mức phải đạt năm {year} (≥ +20 %)", 1.5, True),
            money_column("Còn thiếu", 1.3, True),
            Column("Đánh giá", weight=1.2),
        ],
        [
            ("Ngân sách thành phố", *growth_cells(local.city.growth)),
            (f"Ngân sách các xã, phường ({communes_label})", *growth_cells(local.communes.growth)),
        ],
        totals=[("Ngân sách địa phương (thành phố và xã, phường)", *growth_cells(local.growth))],
        note=(
            f"{UNIT_MILLION}. Chỉ tiêu của Kế hoạch (mục II.4) tính cho ngân sách địa phương gồm "
            f"ngân sách thành phố và ngân sách xã, phường."
        ),
    )


def share_cells(share: ShareIndicator, required: object) -> tuple[Cell, ...]:
    if share.share is None:
        return (NO_DATA, "", None, "", "", TARGET_STATUS[TargetStatus.NO_DATA])
    status = (
        fund_parts.PATH_STATUS[
            TargetStatus.ON_TRACK if share.share >= required else TargetStatus.BEHIND  # type: ignore[operator]
        ]
        if required is not None
        else "Năm gốc của lộ trình"
    )
    return (
        money_cell(share.total_capital, True),
        money_cell(share.entrusted, True),
        share.share,
        required if required is not None else "",  # type: ignore[return-value]
        money_cell(share.still_needed, True),
        status,
    )


def local_share_table(
    branch: LocalBudgetIndicators | None,
    communes: EntrustedIndicators | None,
    communes_count: int,
    year: int,
) -> Table:
    """The share of total capital, one figure per scope, each labelled with what it covers:
    the branch's (the plan's figure) and the communes' own transaction-office figures."""
    rows: list[tuple[Cell, ...]] = []
    if branch is not None:
        step = branch.step
        label = "Chi nhánh NHCSXH thành phố (toàn bộ vốn ngân sách địa phương ủy thác)"
        if branch.share.estimated:
            label += " — ước tính bằng tổng vốn ngân sách đã chuyển"
        rows.append((label, *share_cells(branch.share, step.required if step else None)))
    if communes is not None and communes.share.share is not None:
        step = communes.step
        rows.append(
            (
                f"Các xã, phường ({communes_count} xã, phường có số liệu tổng nguồn vốn)",
                *share_cells(communes.share, step.required if step else None),
            )
        )
    return Table(
        f"Tỷ lệ vốn ngân sách địa phương ủy thác trên tổng nguồn vốn cuối năm {year}",
        "Tỷ lệ vốn ủy thác",
        [
            Column("Phạm vi số liệu", weight=3.2),
            money_column("Tổng nguồn vốn", 1.6, True),
            money_column("Vốn ngân sách địa phương ủy thác", 1.6, True),
            Column("Tỷ lệ", CellKind.PERCENT, 1.0),
            Column(f"Mức phải đạt năm {year} theo lộ trình", CellKind.PERCENT, 1.2),
            money_column("Còn thiếu để đạt 20 %", 1.5, True),
            Column("Đánh giá", weight=1.4),
        ],
        rows,
        note=(
            f"{UNIT_MILLION}. Số còn thiếu để đạt 20 % = (20 % × tổng nguồn vốn − vốn ủy thác) "
            f"÷ 80 %, vì vốn ủy thác thêm cũng làm tăng tổng nguồn vốn."
        ),
        empty_text="Chưa có số liệu tổng nguồn vốn.",
    )


def local_sentence(local: LocalBudgetIndicators, cut: date, communes_label: str) -> Paragraph:
    growth = local.growth
    when = capitalised(fund_parts.year_until(local.year, cut))
    city = local.city.growth.transferred
    communes = local.communes.growth.transferred
    text = (
        f"{when}, ngân sách địa phương (thành phố và xã, phường) chuyển sang NHCSXH "
        f"{money_text(growth.transferred, True)} để cho vay"
        f"{fund_parts.growth_sentence_text(growth, True)}; trong đó ngân sách thành phố: "
        f"{money_text(city, True) if city else 'chưa có số liệu'}, ngân sách các xã, phường "
        f"({communes_label}): "
        f"{money_text(communes, True) if communes else 'chưa có số liệu'}."
    )
    return Paragraph(text)


def entrusted_by_commune_table(
    communes: dict[str, CommuneInfo],
    growth: dict[str, EntrustedIndicators],
    shares: dict[str, EntrustedIndicators],
    share_year: int,
    cut: date,
) -> Table:
    year = next(iter(growth.values())).year if growth else share_year

    def cells(g: EntrustedIndicators, s: EntrustedIndicators) -> tuple[Cell, ...]:
        value, judged = fund_parts.judged_growth(g.growth)
        return (
            fund_parts.transferred_cell(g.growth.previous, True),
            fund_parts.transferred_cell(g.growth.transferred, True),
            value,
            judged,
            s.share.share,
        )

    return Table(
        f"Vốn ngân sách xã, phường ủy thác qua NHCSXH {fund_parts.year_until(year, cut)}",
        "Vốn ủy thác theo xã",
        [
            *_commune_columns(),
            money_column(f"Năm {year - 1}", 1.6, True),
            money_column(year_label(year, cut), 1.6, True),
            Column("Tăng so với năm trước", CellKind.PERCENT, 1.2),
            Column("Mục tiêu tăng 20 %", weight=1.2),
            Column(f"Tỷ lệ trên tổng nguồn vốn cuối năm {share_year}", CellKind.PERCENT, 1.4),
        ],
        [
            (index, commune.label, *cells(growth[code], shares[code]))
            for index, (code, commune) in enumerate(communes.items(), start=1)
        ],
        note=UNIT_MILLION,
    )


def share_chart(series: Sequence[LocalBudgetIndicators], title: str) -> Chart | None:
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


def growth_sentence(by_commune: dict[str, EntrustedIndicators], phrase: str) -> Paragraph:
    tally = dict.fromkeys(TargetStatus, 0)
    for indicators in by_commune.values():
        tally[indicators.growth.status] += 1
    return Paragraph(
        f"Về mục tiêu vốn ngân sách xã, phường ủy thác năm sau cao hơn năm trước tối thiểu "
        f"20 %, trong {phrase}: {tally[TargetStatus.ON_TRACK]} xã, phường đạt, "
        f"{tally[TargetStatus.BEHIND]} xã, phường chưa đạt, {tally[TargetStatus.NO_DATA]} xã, "
        f"phường chưa đủ số liệu để đánh giá."
    )


def capital_blocks(
    ctx: ReportContext, coverage: DataCoverage, communes: dict[str, CommuneInfo]
) -> list[Block]:
    session = ctx.session
    year = ctx.request.period.year
    cut = cut_off(ctx.request.period, ctx.request.issued_on)
    series = local_budget_series(session, until=cut)
    local = next((i for i in series if i.year == year), None)
    if local is None:
        from desktop.core.funds.indicators import local_budget_indicators

        local = local_budget_indicators(session, year, until=cut)
    label = communes_phrase(coverage)
    latest = latest_share(series, year)
    share_year = latest.year if latest is not None else year - 1
    growth = entrusted_by_commune(session, year, list(communes), until=cut)
    shares = entrusted_by_commune(session, share_year, list(communes), until=cut)
    with_total = sum(1 for s in shares.values() if s.share.share is not None)
    branch = latest if latest is not None and latest.city.share.total_capital else None
    blocks: list[Block] = [
        local_sentence(local, cut, label),
        local_growth_table(local, cut, label),
    ]
    if branch is not None:
        blocks.append(
            Paragraph(
                fund_parts.share_sentence_text(
                    EntrustedIndicators(
                        branch.year,
                        COMMUNES_AND_CITY_OFFICE,
                        branch.growth,
                        branch.share,
                        branch.step,
                    ),
                    True,
                ).strip()
                + " (tỷ lệ của Chi nhánh NHCSXH thành phố, tính cho toàn bộ vốn ngân sách địa "
                "phương ủy thác)."
            )
        )
    communes_share = latest.communes if latest is not None else None
    blocks.append(local_share_table(branch, communes_share, with_total, share_year))
    path = fund_parts.path_table(series, year) if branch is not None else None
    if path is not None and branch is not None:
        blocks += [fund_parts.path_rule(branch.share), path]
    chart = share_chart(
        series, "Tỷ lệ vốn ngân sách địa phương ủy thác trên tổng nguồn vốn của Chi nhánh"
    )
    if chart is not None:
        blocks.append(chart)
    blocks += [
        growth_sentence(growth, coverage_parts.covered_phrase(coverage)),
        entrusted_by_commune_table(communes, growth, shares, share_year, cut),
    ]
    return blocks


# -- the report ---------------------------------------------------------------------------------
def build(ctx: ReportContext) -> Report:
    session = ctx.session
    period = ctx.request.period
    issued = ctx.request.issued_on
    year = period.year
    day = cut_off(period, issued)
    late_cut = sync_parts.cut_off(period, issued)
    numbering = Numbering()
    coverage = data_coverage(session)
    communes = {c.code: c for c in coverage.covered}
    phrase = coverage_parts.covered_phrase(coverage)
    total_label = coverage_parts.covered_label(coverage)
    steps = 6
    ctx.progress.report(0, steps, "Tiếp nhận số liệu")

    arrivals = sync_parts.arrivals(session, late_cut)
    sections = [
        Section(
            numbering.section("Tình hình tiếp nhận số liệu của các xã, phường"),
            [
                sync_parts.arrival_sentence(arrivals, late_cut, coverage, issued),
                sync_parts.arrival_table(arrivals, late_cut, coverage),
            ],
        )
    ]

    ctx.progress.report(1, steps, "Nhiệm vụ")
    city_items = task_parts.task_lines_with_records(session, CITY_CODE, period, day)
    city_completion = task_completion(session, period, CITY_OFFICE)
    every = task_completion_by_commune(session, period)
    by_commune = {code: every[code] for code in communes}
    total_completion = add_completions(period, list(by_commune.values()))
    ranking, lowest_chart = completion_ranking(communes, by_commune)
    commune_tasks: list[Block] = [
        task_parts.completion_sentence(phrase, total_completion, period),
        task_completion_table(communes, by_commune, total_completion, total_label),
        task_parts.completion_chart(
            total_completion, f"Tình trạng nhiệm vụ của {phrase} năm {year}"
        ),
        ranking,
    ]
    if lowest_chart.categories:
        commune_tasks.append(lowest_chart)
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
                Section("2. Ở các xã, phường", commune_tasks),
            ],
        )
    )

    ctx.progress.report(2, steps, "Tín dụng chính sách")
    sections.append(credit_section(ctx, coverage, communes, numbering.section(CREDIT)))
    sections.append(loan_work_parts.grades_section(ctx, numbering.section(GRADES)))

    ctx.progress.report(3, steps, "Quỹ “Vì người nghèo”")
    statements = period_statements_by_commune(session, period.start, day, list(communes))
    fund_total = period_statement(session, period.start, day, ALL_COMMUNES)
    city_fund = period_statement(session, period.start, day, CITY_OFFICE)
    label = communes_phrase(coverage)
    communes_label = label[:1].upper() + label[1:]
    money: list[Block] = [
        *fund_parts.fund_sentences(fund_total, period, issued, millions=True, who=f"của {phrase}"),
        fund_levels_table(fund_total, city_fund, communes_label, period, issued),
        fund_parts.fund_by_commune_table(communes, statements, fund_total, period, issued),
    ]

    ctx.progress.report(4, steps, "Nguồn vốn ủy thác")
    capital = capital_blocks(ctx, coverage, communes)
    sections.append(
        Section(
            numbering.section("Huy động nguồn lực cho tín dụng chính sách"),
            subsections=[
                Section(f"1. Vận động {fund_parts.FUND_NAME}", money),
                Section(
                    "2. Huy động tiền gửi, tài trợ",
                    [
                        deposits_table(
                            deposits_between(session, period.start, day, ALL_COMMUNES),
                            deposits_between(session, period.start, day, CITY_OFFICE),
                            communes_label,
                            f"Huy động tiền gửi, tài trợ {period_until(period, issued)}",
                        )
                    ],
                ),
                Section("3. Vốn ngân sách địa phương ủy thác qua NHCSXH", capital),
            ],
        )
    )

    ctx.progress.report(5, steps, "Khó khăn, đề xuất")
    sections.append(
        remarks_section(
            numbering.section("Khó khăn, vướng mắc"),
            city_items,
            session,
            period,
            communes,
            "difficulties",
            "khó khăn, vướng mắc",
        )
    )
    sections.append(
        remarks_section(
            numbering.section("Đề xuất, kiến nghị"),
            city_items,
            session,
            period,
            communes,
            "proposals",
            "đề xuất, kiến nghị",
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
                plan_preamble(ctx, f"tình hình thực hiện năm {year} trên địa bàn thành phố"),
                figures_line(period, issued),
                coverage_parts.coverage_sentence(coverage, listed_in="Bảng 1, mục I"),
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
            "The consolidated yearly report the plan asks for before 30 October: how many "
            "communes the figures cover and which have none; per-commune tables of task "
            "completion, credit indicators and the fund, with their totals and rankings; the "
            "local budget of the city and the communes against the plan's targets; amounts in "
            "million đồng.",
        ),
        frozenset({OfficeMode.CITY}),
        (PeriodKind.YEAR,),
        build,
        Coverage.ALL,
        file_stem="Bao-cao-Chi-thi-39",
        issuer_role=IssuerRole.PARTY_COMMITTEE,
    )
)
