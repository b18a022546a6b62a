"""The resources part of the city's yearly report (``city-yearly``, plan II.4): the
branch's total capital by source with its growth, the local budget capital entrusted
against the plan's two targets and the path to 2030, the deposits and sponsorship, and the
"Vì người nghèo" funds of the communes and of the city office side by side.

Every figure is a service's (:mod:`desktop.core.funds`); the plan's II.4 targets are given
as the plan states them, for the local budget of the city and the communes together, each
part labelled. Amounts are in triệu đồng.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop.core.formatting import format_date, format_percent
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
    local_budget_indicators,
    local_budget_series,
)
from desktop.core.funds.period import PeriodStatement
from desktop.core.funds.sources import CapitalSources, growth
from desktop.core.office import CommuneInfo
from desktop.core.owners import COMMUNES_AND_CITY_OFFICE
from desktop.core.periods import Period
from desktop.reports.builders import coverage_parts, fund_parts
from desktop.reports.builders.city_communes import communes_phrase, entrusted_by_commune_table
from desktop.reports.builders.period_parts import (
    UNIT_MILLION,
    capitalised,
    cut_off,
    money_cell,
    money_column,
    money_text,
    period_until,
    year_label,
)
from desktop.reports.builders.vocabulary import TARGET_STATUS
from desktop.reports.model import Block, Cell, Chart, ChartKind, Column, Paragraph, Series, Table
from desktop.reports.registry import ReportContext
from desktop.reports.xlsx_table import CellKind
from desktop.sync.coverage import DataCoverage

CITY_LEVEL = "Cấp thành phố"
NO_DATA = fund_parts.NO_DATA


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


def entrusted_blocks(
    ctx: ReportContext, coverage: DataCoverage, communes: dict[str, CommuneInfo]
) -> tuple[list[Block], Table]:
    """The local budget capital entrusted: the year's transfers against the growth target,
    the share of total capital against 20 % and the path to 2030 (the body's blocks), and
    the table of every covered commune (for the appendix)."""
    session = ctx.session
    year = ctx.request.period.year
    cut = cut_off(ctx.request.period, ctx.request.issued_on)
    series = local_budget_series(session, until=cut)
    local = next((i for i in series if i.year == year), None)
    if local is None:
        local = local_budget_indicators(session, year, until=cut)
    label = communes_phrase(coverage)
    latest = latest_share(series, year)
    share_year = latest.year if latest is not None else year - 1
    by_commune = entrusted_by_commune(session, year, list(communes), until=cut)
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
                )
                .strip()
                .rstrip(".")
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
    blocks.append(growth_sentence(by_commune, coverage_parts.covered_phrase(coverage)))
    return blocks, entrusted_by_commune_table(communes, by_commune, shares, share_year, cut)


# -- total capital by source -----------------------------------------------------------------
SOURCE_ROWS = (
    ("total", "Tổng nguồn vốn"),
    ("central", "- Nguồn vốn Trung ương"),
    ("entrusted", "- Nguồn vốn ngân sách địa phương ủy thác"),
    ("mobilised", "- Nguồn vốn huy động"),
)


def _year_end(sources: CapitalSources) -> str:
    day = sources.as_of or date(sources.year, 12, 31)
    return f"Ngày {format_date(day)}"


def sources_table(before: CapitalSources | None, latest: CapitalSources) -> Table:
    """The total and each part by source at the end of the latest year the bank gave, beside
    the year before: the change, its rate and each part's share of the total."""
    change = growth(before, latest)
    rows: list[tuple[Cell, ...]] = []
    for key, label in SOURCE_ROWS:
        pair = change[key]
        rows.append(
            (
                label,
                money_cell(pair.previous, True),
                money_cell(pair.current, True),
                money_cell(pair.change, True),
                pair.rate,
                latest.share(pair.current),
            )
        )
    if latest.split:
        left = latest.not_split
        earlier = before.not_split if before is not None and before.split else None
        rows.append(
            (
                "- Chưa phân tách theo nguồn",
                money_cell(earlier, True),
                money_cell(left, True),
                None,
                None,
                latest.share(left),
            )
        )
    previous = f"Năm {latest.year - 1}" if before is None else _year_end(before)
    return Table(
        f"Tổng nguồn vốn của Chi nhánh NHCSXH thành phố theo nguồn đến cuối năm {latest.year}",
        "Nguồn vốn theo nguồn",
        [
            Column("Nguồn vốn", weight=3.2),
            money_column(previous, 1.6, True),
            money_column(_year_end(latest), 1.6, True),
            money_column("Tăng (+), giảm (−)", 1.5, True),
            Column("Tỷ lệ tăng, giảm", CellKind.PERCENT, 1.1),
            Column(f"Tỷ trọng năm {latest.year}", CellKind.PERCENT, 1.1),
        ],
        rows,
        note=(
            f"{UNIT_MILLION}. Số liệu do Chi nhánh NHCSXH thành phố cung cấp, Văn phòng cấp "
            f"thành phố ghi nhận; “–”: chưa có số liệu."
        ),
    )


def sources_sentence(before: CapitalSources | None, latest: CapitalSources, year: int) -> Paragraph:
    total = growth(before, latest)["total"]
    when = f"Đến ngày {format_date(latest.as_of or date(latest.year, 12, 31))}"
    text = (
        f"{when}, tổng nguồn vốn tín dụng chính sách xã hội của Chi nhánh NHCSXH thành phố là "
        f"{money_text(latest.total, True)}"
    )
    if total.rate is not None and total.change is not None:
        word = "tăng" if total.change >= 0 else "giảm"
        text += (
            f", {word} {money_text(abs(total.change), True)} "
            f"({format_percent(abs(total.rate))}) so với cuối năm {latest.year - 1}"
        )
    else:
        text += f" (chưa có số liệu cuối năm {latest.year - 1} để so sánh)"
    parts = [
        f"{name} {money_text(value, True)} ({format_percent(latest.share(value))})"
        for name, value in (
            ("nguồn vốn Trung ương", latest.central),
            ("nguồn vốn ngân sách địa phương ủy thác", latest.entrusted),
            ("nguồn vốn huy động", latest.mobilised),
        )
        if value is not None
    ]
    text += f"; trong đó {', '.join(parts)}." if parts else "."
    if latest.year < year:
        text += (
            f" Số liệu năm {year} chưa có (Ngân hàng cung cấp sau khi kết thúc năm): báo cáo "
            f"dùng số liệu cuối năm {latest.year}."
        )
    return Paragraph(text)


def sources_blocks(
    before: CapitalSources | None, latest: CapitalSources | None, year: int
) -> list[Block]:
    if latest is None:
        return [
            Paragraph(
                "Chưa có số liệu tổng nguồn vốn của Chi nhánh NHCSXH thành phố (Đóng góp & "
                "nguồn vốn → Tổng nguồn vốn theo năm, tại Văn phòng cấp thành phố)."
            )
        ]
    return [sources_sentence(before, latest, year), sources_table(before, latest)]
