"""The money parts of the reports: the statement of Quỹ "Vì người nghèo" for the period,
deposits and sponsorship, and local budget capital entrusted to VBSP against the plan's two
targets and the path to 20 % in 2030.

The figures are those of :mod:`desktop.core.funds` (the period's statement, deposits, the
entrusted indicators as of the cut-off); these functions only lay them out. A cell the
office recorded nothing for says "Chưa có số liệu", never "0".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from typing import Protocol

from desktop.core.formatting import format_date, format_percent, group_thousands
from desktop.core.funds.deposits import DepositTotals
from desktop.core.funds.indicators import (
    GROWTH_TARGET,
    SHARE_TARGET_YEAR,
    EntrustedIndicators,
    GrowthIndicator,
    ShareIndicator,
    ShareStep,
    TargetStatus,
    latest_share,
    share_path,
)
from desktop.core.funds.period import PeriodStatement
from desktop.core.office import CommuneInfo
from desktop.core.periods import Period
from desktop.reports.builders.period_parts import (
    UNIT_MILLION,
    capitalised,
    cut_off,
    money_cell,
    money_column,
    money_text,
    period_until,
    span,
)
from desktop.reports.builders.vocabulary import TARGET_STATUS, TOTAL, UNIT_DONG
from desktop.reports.model import Cell, Column, Paragraph, Table
from desktop.reports.xlsx_table import CellKind

FUND_NAME = "Quỹ “Vì người nghèo”"
NO_DATA = "Chưa có số liệu"
PATH_STATUS = {
    TargetStatus.ON_TRACK: "Đạt mức lộ trình",
    TargetStatus.BEHIND: "Chưa đạt mức lộ trình",
    TargetStatus.NO_DATA: "Chưa đủ số liệu",
}


def opening_label(statement: PeriodStatement) -> str:
    if statement.opens_the_year:
        return "Số dư đầu năm"
    return f"Số dư đầu kỳ (ngày {format_date(statement.start)})"


def closing_label(statement: PeriodStatement) -> str:
    """ "Số dư cuối năm 2026", or "Số dư đến ngày 30/06/2026"."""
    if (statement.end.month, statement.end.day) == (12, 31):
        return f"Số dư cuối năm {statement.end.year}"
    return f"Số dư đến ngày {format_date(statement.end)}"


def fund_table(
    statement: PeriodStatement,
    period: Period,
    issued_on: date,
    *,
    sheet: str = "Quỹ VNN",
    millions: bool = False,
) -> Table:
    """Opening balance, receipts, spending and closing balance of the period; gifts in kind
    beside them (they are not money in the fund)."""
    word = span(period)
    rows: list[tuple[Cell, ...]] = [
        (opening_label(statement), "", money_cell(statement.opening, millions)),
        (
            f"Thu trong {word} (tiền mặt, chuyển khoản)",
            statement.receipts_count,
            money_cell(statement.receipts, millions),
        ),
        (
            f"Chi hỗ trợ trong {word}",
            statement.spending_count,
            money_cell(statement.spending, millions),
        ),
        (closing_label(statement), "", money_cell(statement.closing, millions)),
        (
            "Ủng hộ bằng hiện vật, công trình (giá trị quy đổi, không tính vào số dư)",
            statement.in_kind_count,
            money_cell(statement.in_kind, millions),
        ),
    ]
    return Table(
        f"Thu, chi {FUND_NAME} {period_until(period, issued_on)}",
        sheet,
        [
            Column("Chỉ tiêu", weight=5),
            Column("Số lượt", CellKind.NUMBER, 1.2),
            money_column("Số tiền", 2, millions),
        ],
        rows,
        note=UNIT_MILLION if millions else UNIT_DONG,
    )


def fund_sentences(
    statement: PeriodStatement,
    period: Period,
    issued_on: date,
    *,
    millions: bool = False,
    who: str = "",
) -> list[Paragraph]:
    """What the fund took in and paid out in the period, and its balance at the cut-off."""
    subject = f"{FUND_NAME} {who}".strip()
    text = (
        f"{capitalised(period_until(period, issued_on))}, {subject} tiếp nhận "
        f"{group_thousands(statement.receipts_count)} lượt ủng hộ bằng tiền với tổng số "
        f"{money_text(statement.receipts, millions)}"
    )
    if statement.in_kind_count:
        text += (
            f" và {group_thousands(statement.in_kind_count)} lượt ủng hộ bằng hiện vật, công "
            f"trình trị giá {money_text(statement.in_kind, millions)}"
        )
    text += (
        f"; chi hỗ trợ {group_thousands(statement.spending_count)} lượt, số tiền "
        f"{money_text(statement.spending, millions)}; "
        f"{closing_label(statement).lower()} là {money_text(statement.closing, millions)}."
    )
    out = [Paragraph(text)]
    difference = statement.opening_difference
    if difference is not None:
        out.append(
            Paragraph(
                f"Lưu ý: số dư đầu năm {statement.year} do đơn vị khai báo chênh lệch "
                f"{money_text(difference, millions)} so với số dư cuối năm "
                f"{statement.year - 1} chuyển sang.",
                italic=True,
            )
        )
    return out


def deposit_table(
    totals: DepositTotals, period: Period, issued_on: date, *, millions: bool = False
) -> Table:
    return Table(
        f"Huy động tiền gửi, tài trợ {period_until(period, issued_on)}",
        "Tiền gửi, tài trợ",
        [
            Column("Nguồn", weight=4),
            Column("Số lượt", CellKind.NUMBER, 1.2),
            money_column("Số tiền", 2, millions),
        ],
        [
            (
                "Tiền gửi của tổ chức, cá nhân",
                totals.deposits_count,
                money_cell(totals.deposits, millions),
            ),
            ("Tiền tài trợ", totals.sponsorship_count, money_cell(totals.sponsorship, millions)),
        ],
        totals=[
            (
                TOTAL,
                totals.deposits_count + totals.sponsorship_count,
                money_cell(totals.total, millions),
            )
        ],
        note=UNIT_MILLION if millions else UNIT_DONG,
    )


# -- entrusted capital ---------------------------------------------------------------------
def transferred_cell(amount: int, millions: bool = False) -> Cell:
    """A year's transfers, or "Chưa có số liệu" when none were recorded (a transfer is never
    of 0 đồng, so a sum of 0 means nothing was recorded)."""
    return money_cell(amount, millions) if amount else NO_DATA


def judged_growth(growth: GrowthIndicator) -> tuple[Fraction | None, str]:
    """The growth and its assessment; with nothing transferred in the year (nothing
    recorded yet) there is no growth to judge — not a fall of 100 %."""
    if not growth.transferred:
        return None, NO_DATA
    return growth.growth, TARGET_STATUS[growth.status]


def growth_word(growth: Fraction) -> str:
    return "tăng" if growth >= 0 else "giảm"


def year_until(year: int, cut: date) -> str:
    """ "năm 2026", or while the year runs "năm 2026 (đến ngày 20/10/2026)"."""
    if cut < date(year, 12, 31):
        return f"năm {year} (đến ngày {format_date(cut)})"
    return f"năm {year}"


def growth_rows(
    growth: GrowthIndicator, cut: date, millions: bool = False
) -> list[tuple[Cell, ...]]:
    year = growth.year
    target = f"≥ {format_percent(GROWTH_TARGET, 0)}"
    value, judged = judged_growth(growth)
    return [
        (
            f"Vốn ngân sách địa phương ủy thác năm {year - 1}",
            transferred_cell(growth.previous, millions),
            "",
            "",
            "",
        ),
        (
            f"Vốn ngân sách địa phương ủy thác {year_until(year, cut)}",
            transferred_cell(growth.transferred, millions),
            "",
            "",
            "",
        ),
        ("Tăng so với năm trước", "", value, target, judged),
        (
            f"Mức phải đạt năm {year} (cao hơn năm trước tối thiểu 20 %)",
            money_cell(growth.target_amount, millions),
            "",
            "",
            "",
        ),
        ("Số còn thiếu để đạt mức tăng", money_cell(growth.still_needed, millions), "", "", ""),
    ]


def share_rows(
    latest: EntrustedIndicators | None, millions: bool = False
) -> list[tuple[Cell, ...]]:
    """The latest known share judged against its step of the path, what is still needed for
    20 % and for the next step."""
    if latest is None:
        return [
            (
                "Tỷ lệ vốn ủy thác trên tổng nguồn vốn",
                NO_DATA,
                None,
                f"≥ 20 % (đến {SHARE_TARGET_YEAR})",
                TARGET_STATUS[TargetStatus.NO_DATA],
            )
        ]
    share = latest.share
    year = share.year
    estimated = " (ước tính bằng tổng vốn đã chuyển)" if share.estimated else ""
    step = latest.step
    required = step.required if step is not None else None
    rows: list[tuple[Cell, ...]] = [
        (f"Tổng nguồn vốn cuối năm {year}", money_cell(share.total_capital, millions), "", "", ""),
        (
            f"Nguồn vốn ngân sách địa phương ủy thác cuối năm {year}{estimated}",
            money_cell(share.entrusted, millions),
            "",
            "",
            "",
        ),
        (
            f"Tỷ lệ vốn ủy thác trên tổng nguồn vốn cuối năm {year}",
            "",
            share.share,
            f"≥ {format_percent(required)} (lộ trình năm {year})" if required is not None else "",
            PATH_STATUS[step.status if step is not None else TargetStatus.NO_DATA],
        ),
        (
            "Số còn thiếu để đạt 20 % tổng nguồn vốn",
            money_cell(share.still_needed, millions),
            "",
            f"≥ 20 % (đến {SHARE_TARGET_YEAR})",
            TARGET_STATUS[share.status],
        ),
    ]
    following = share_path(share)
    if following:
        nxt = following[0]
        assert nxt.required is not None
        rows += [
            (f"Mức phải đạt cuối năm {nxt.year} theo lộ trình", "", nxt.required, "", ""),
            (
                f"Số còn thiếu để đạt mức của lộ trình năm {nxt.year}",
                money_cell(share.needed_for(nxt.required), millions),
                "",
                "",
                "",
            ),
        ]
    return rows


def entrusted_columns(millions: bool = False) -> list[Column]:
    return [
        Column("Chỉ tiêu", weight=4.2),
        money_column("Số tiền", 2.2, millions),
        Column("Tỷ lệ", CellKind.PERCENT, 1.3),
        Column("Mục tiêu", weight=1.9),
        Column("Đánh giá", weight=1.6),
    ]


def entrusted_table(
    indicators: EntrustedIndicators,
    latest: EntrustedIndicators | None,
    cut: date,
    *,
    title: str = "",
    sheet: str = "Vốn ủy thác",
    millions: bool = False,
) -> Table:
    return Table(
        title
        or (
            f"Nguồn vốn ngân sách địa phương ủy thác qua NHCSXH {year_until(indicators.year, cut)}"
        ),
        sheet,
        entrusted_columns(millions),
        [*growth_rows(indicators.growth, cut, millions), *share_rows(latest, millions)],
        note=UNIT_MILLION if millions else UNIT_DONG,
    )


def growth_sentence_text(growth: GrowthIndicator, millions: bool = False) -> str:
    """ ", tăng 12,00 % so với năm 2025 (mục tiêu tăng tối thiểu 20 %: chưa đạt, còn thiếu
    …)" — empty without a base year."""
    value = growth.growth
    if not growth.transferred:
        return ""
    if value is None:
        return f" (chưa có số liệu năm {growth.year - 1} để so sánh)"
    text = (
        f", {growth_word(value)} {format_percent(abs(value))} so với năm {growth.year - 1} "
        f"(mục tiêu tăng tối thiểu 20 %: {TARGET_STATUS[growth.status].lower()}"
    )
    if growth.still_needed:
        text += f", còn thiếu {money_text(growth.still_needed, millions)}"
    return text + ")"


def share_sentence_text(
    latest: EntrustedIndicators | None, millions: bool = False, *, whose: str = ""
) -> str:
    """The latest known share against its step, what 20 % and the next step still need;
    ``whose`` names the scope ("theo số liệu của Chi nhánh …")."""
    if latest is None or latest.share.share is None:
        return " Chưa có số liệu tổng nguồn vốn để tính tỷ lệ vốn ủy thác trên tổng nguồn vốn."
    share = latest.share
    text = (
        f" Cuối năm {share.year}{f', {whose}' if whose else ''}, nguồn vốn ủy thác chiếm "
        f"{format_percent(share.share)} tổng nguồn vốn"
    )
    step = latest.step
    if step is not None and step.required is not None:
        text += (
            f" (mức phải đạt theo lộ trình: {format_percent(step.required)}; "
            f"{PATH_STATUS[step.status].lower()})"
        )
    if share.still_needed:
        text += (
            f"; để đạt 20 % cần ủy thác thêm {money_text(share.still_needed, millions)} (số vốn "
            f"ủy thác thêm cũng làm tăng tổng nguồn vốn)"
        )
    following = share_path(share)
    nxt = following[0] if following else None
    if nxt is not None and nxt.required is not None:
        needed = share.needed_for(nxt.required) or 0
        text += (
            f"; mức phải đạt cuối năm {nxt.year} theo lộ trình là {format_percent(nxt.required)}"
        )
        text += f", còn thiếu {money_text(needed, millions)}" if needed else ", đã đạt"
    return text + "."


def entrusted_sentence(
    indicators: EntrustedIndicators,
    latest: EntrustedIndicators | None,
    cut: date,
    *,
    budget: str = "ngân sách địa phương",
) -> Paragraph:
    growth = indicators.growth
    if growth.transferred:
        text = (
            f"{capitalised(year_until(indicators.year, cut))}, {budget} chuyển sang NHCSXH "
            f"{money_text(growth.transferred)} để cho vay"
        )
    else:
        text = (
            f"{capitalised(year_until(indicators.year, cut))}, chưa có số liệu {budget} "
            f"chuyển sang NHCSXH"
        )
    text += growth_sentence_text(growth) + "." + share_sentence_text(latest)
    return Paragraph(text)


def path_rule(latest: ShareIndicator) -> Paragraph:
    return Paragraph(
        f"Cách tính lộ trình đạt 20 % tổng nguồn vốn đến năm {SHARE_TARGET_YEAR}: tỷ lệ phải "
        f"đạt mỗi năm tăng đều theo đường thẳng từ tỷ lệ cuối năm {latest.year} "
        f"({format_percent(latest.share)}) đến 20 % vào cuối năm {SHARE_TARGET_YEAR}. Mỗi năm "
        f"được đánh giá theo mức của lộ trình năm đó, tính từ tỷ lệ thực tế cuối năm trước, "
        f"không theo mức 20 % của năm {SHARE_TARGET_YEAR}.",
        italic=True,
    )


class _PathYear(Protocol):
    """A year's share and its step: :class:`EntrustedIndicators` or the local budget's."""

    @property
    def year(self) -> int: ...
    @property
    def share(self) -> ShareIndicator: ...
    @property
    def step(self) -> ShareStep | None: ...


def path_table(
    series: Sequence[_PathYear], year: int, *, sheet: str = "Lộ trình 20 %"
) -> Table | None:
    """Each year with a known share up to ``year`` (its step, what it reached, the
    judgement), then the rest of the path from the latest known share to 2030."""
    latest = latest_share(series, year)
    if latest is None:
        return None
    rows: list[tuple[Cell, ...]] = []
    for item in series:
        if item.year > latest.year or item.share.share is None:
            continue
        step = item.step
        if step is not None and step.required is not None:
            rows.append(
                (f"Năm {item.year}", step.required, item.share.share, PATH_STATUS[step.status])
            )
        else:
            rows.append((f"Năm {item.year}", "", item.share.share, "Năm gốc của lộ trình"))
    for step in share_path(latest.share):
        rows.append((f"Năm {step.year}", step.required, "", "Chưa đến hạn, chưa có số liệu"))
    return Table(
        f"Lộ trình đạt 20 % tổng nguồn vốn đến năm {SHARE_TARGET_YEAR}",
        sheet,
        [
            Column("Năm", weight=1.4),
            Column("Tỷ lệ phải đạt cuối năm", CellKind.PERCENT, 1.6),
            Column("Tỷ lệ đạt được", CellKind.PERCENT, 1.5),
            Column("Đánh giá", weight=2.6),
        ],
        rows,
    )


def fund_by_commune_table(
    communes: dict[str, CommuneInfo],
    statements: dict[str, PeriodStatement],
    total: PeriodStatement,
    period: Period,
    issued_on: date,
    *,
    millions: bool = True,
    note: str = "",
) -> Table:
    """Each commune's statement of the period (catalogue order) and the total of those."""

    def cells(s: PeriodStatement) -> tuple[Cell, ...]:
        return tuple(
            money_cell(v, millions)
            for v in (s.opening, s.receipts, s.spending, s.closing, s.in_kind)
        )

    day = cut_off(period, issued_on)
    return Table(
        f"{FUND_NAME} của các xã, phường {period_until(period, issued_on)}",
        "Quỹ VNN theo xã",
        [
            Column("STT", CellKind.NUMBER, 0.7),
            Column("Xã, phường", weight=2.4),
            money_column(f"Số dư ngày {format_date(total.start)}", 1.5, millions),
            money_column("Thu trong kỳ", 1.5, millions),
            money_column("Chi trong kỳ", 1.5, millions),
            money_column(f"Số dư ngày {format_date(day)}", 1.5, millions),
            money_column("Hiện vật, công trình (quy đổi)", 1.5, millions),
        ],
        [
            (index, commune.label, *cells(statements[code]))
            for index, (code, commune) in enumerate(communes.items(), start=1)
        ],
        totals=[("", TOTAL, *cells(total))],
        note=(UNIT_MILLION if millions else UNIT_DONG) + (f". {note}" if note else ""),
    )
