"""The money parts of the reports: the statement of Quỹ "Vì người nghèo", deposits and
sponsorship, and local budget capital entrusted to VBSP against the plan's two targets.

The figures are those of :mod:`desktop.core.funds` (statement, deposit totals, entrusted
indicators); these functions only lay them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop.core.formatting import format_date, format_percent, group_thousands
from desktop.core.funds.deposits import DepositTotals
from desktop.core.funds.indicators import (
    GROWTH_TARGET,
    SHARE_TARGET,
    SHARE_TARGET_YEAR,
    EntrustedIndicators,
    ShareIndicator,
)
from desktop.core.funds.statement import FundStatement
from desktop.core.office import CommuneInfo
from desktop.reports.builders.vocabulary import TARGET_STATUS, TOTAL, UNIT_DONG
from desktop.reports.model import Cell, Column, Paragraph, Table
from desktop.reports.xlsx_table import CellKind

FUND_NAME = "Quỹ “Vì người nghèo”"


def closing_label(statement: FundStatement, day: date) -> str:
    """ "Số dư cuối năm 2025", or when the document is dated during the year "Số dư đến ngày
    20/10/2026" (the statement holds every movement of the year recorded so far)."""
    if day >= date(statement.year, 12, 31):
        return f"Số dư cuối năm {statement.year}"
    return f"Số dư đến ngày {format_date(day)}"


def fund_table(statement: FundStatement, day: date, *, sheet: str = "Quỹ VNN") -> Table:
    """Opening balance, receipts, spending and closing balance of one year; gifts in kind
    beside them (they are not money in the fund)."""
    year = statement.year
    rows: list[tuple[Cell, ...]] = [
        ("Số dư đầu năm", None, statement.opening),
        (
            "Thu trong năm (tiền mặt, chuyển khoản)",
            statement.receipts_count,
            statement.receipts,
        ),
        ("Chi hỗ trợ trong năm", statement.spending_count, statement.spending),
        (closing_label(statement, day), None, statement.closing),
        (
            "Ủng hộ bằng hiện vật, công trình (giá trị quy đổi, không tính vào số dư)",
            statement.in_kind_count,
            statement.in_kind,
        ),
    ]
    return Table(
        f"Thu, chi {FUND_NAME} năm {year}",
        sheet,
        [
            Column("Chỉ tiêu", weight=5),
            Column("Số lượt", CellKind.NUMBER, 1.2),
            Column("Số tiền", CellKind.MONEY, 2),
        ],
        rows,
        note=UNIT_DONG,
    )


def fund_sentences(statement: FundStatement, day: date) -> list[Paragraph]:
    text = (
        f"Năm {statement.year}, {FUND_NAME} tiếp nhận "
        f"{group_thousands(statement.receipts_count)} lượt ủng hộ bằng tiền với tổng số "
        f"{group_thousands(statement.receipts)} đồng"
    )
    if statement.in_kind_count:
        text += (
            f" và {group_thousands(statement.in_kind_count)} lượt ủng hộ bằng hiện vật, công "
            f"trình trị giá {group_thousands(statement.in_kind)} đồng"
        )
    text += (
        f"; chi hỗ trợ {group_thousands(statement.spending_count)} lượt, số tiền "
        f"{group_thousands(statement.spending)} đồng; "
        f"{closing_label(statement, day).lower()} là {group_thousands(statement.closing)} đồng."
    )
    out = [Paragraph(text)]
    difference = statement.opening_difference
    if difference is not None:
        out.append(
            Paragraph(
                f"Lưu ý: số dư đầu năm {statement.year} do đơn vị khai báo chênh lệch "
                f"{group_thousands(difference)} đồng so với số dư cuối năm "
                f"{statement.year - 1} chuyển sang.",
                italic=True,
            )
        )
    return out


def deposit_table(totals: DepositTotals) -> Table:
    return Table(
        f"Huy động tiền gửi, tài trợ năm {totals.year}",
        "Tiền gửi, tài trợ",
        [
            Column("Nguồn", weight=4),
            Column("Số lượt", CellKind.NUMBER, 1.2),
            Column("Số tiền", CellKind.MONEY, 2),
        ],
        [
            ("Tiền gửi của tổ chức, cá nhân", totals.deposits_count, totals.deposits),
            ("Tiền tài trợ", totals.sponsorship_count, totals.sponsorship),
        ],
        totals=[(TOTAL, totals.deposits_count + totals.sponsorship_count, totals.total)],
        note=UNIT_DONG,
    )


def share_for(series: Sequence[EntrustedIndicators], year: int) -> ShareIndicator | None:
    """The share target of ``year``, or of the latest earlier year with a total capital: the
    bank gives the year's total after the year ends, so a report made during the year
    shows the last known share."""
    known = [i.share for i in series if i.year <= year and i.share.share is not None]
    return known[-1] if known else None


def entrusted_rows(
    indicators: EntrustedIndicators, share: ShareIndicator | None = None
) -> list[tuple[Cell, ...]]:
    """Indicator, amount, ratio, target, assessment; the share rows from ``share`` when
    given (see :func:`share_for`)."""
    year = indicators.year
    growth = indicators.growth
    share = share or indicators.share
    estimated = " (ước tính bằng tổng vốn đã chuyển)" if share.estimated else ""
    target_growth = f"≥ {format_percent(GROWTH_TARGET, 0)}"
    target_share = f"≥ {format_percent(SHARE_TARGET, 0)} (đến {SHARE_TARGET_YEAR})"
    return [
        (f"Vốn ngân sách địa phương ủy thác năm {year - 1}", growth.previous, None, "", ""),
        (f"Vốn ngân sách địa phương ủy thác năm {year}", growth.transferred, None, "", ""),
        (
            "Tăng so với năm trước",
            None,
            growth.growth,
            target_growth,
            TARGET_STATUS[growth.status],
        ),
        (
            f"Mức phải đạt năm {year} (cao hơn năm trước tối thiểu 20 %)",
            growth.target_amount,
            None,
            "",
            "",
        ),
        ("Số còn thiếu để đạt mức tăng", growth.still_needed, None, "", ""),
        (f"Tổng nguồn vốn cuối năm {share.year}", share.total_capital, None, "", ""),
        (f"Nguồn vốn ngân sách địa phương ủy thác{estimated}", share.entrusted, None, "", ""),
        (
            "Tỷ lệ vốn ủy thác trên tổng nguồn vốn",
            None,
            share.share,
            target_share,
            TARGET_STATUS[share.status],
        ),
        ("Số còn thiếu để đạt 20 % tổng nguồn vốn", share.still_needed, None, "", ""),
    ]


def entrusted_table(
    indicators: EntrustedIndicators,
    share: ShareIndicator | None = None,
    *,
    title: str = "",
    sheet: str = "Vốn ủy thác",
) -> Table:
    return Table(
        title or f"Nguồn vốn ngân sách địa phương ủy thác qua NHCSXH năm {indicators.year}",
        sheet,
        [
            Column("Chỉ tiêu", weight=4.2),
            Column("Số tiền", CellKind.MONEY, 2.2),
            Column("Tỷ lệ", CellKind.PERCENT, 1.3),
            Column("Mục tiêu", weight=1.8),
            Column("Đánh giá", weight=1.5),
        ],
        entrusted_rows(indicators, share),
        note=UNIT_DONG,
    )


def entrusted_sentence(
    indicators: EntrustedIndicators, share: ShareIndicator | None = None
) -> Paragraph:
    growth = indicators.growth
    share = share or indicators.share
    text = (
        f"Năm {indicators.year}, ngân sách địa phương chuyển sang NHCSXH "
        f"{group_thousands(growth.transferred)} đồng để cho vay"
    )
    if growth.growth is not None:
        text += (
            f", tăng {format_percent(growth.growth)} so với năm trước (mục tiêu tối thiểu "
            f"20 %: {TARGET_STATUS[growth.status].lower()})"
        )
    text += "."
    if share.share is not None:
        text += (
            f" Cuối năm {share.year}, nguồn vốn ủy thác chiếm {format_percent(share.share)} "
            f"tổng nguồn vốn (mục tiêu "
            f"tối thiểu 20 % đến năm {SHARE_TARGET_YEAR}"
        )
        if share.still_needed:
            text += f", còn thiếu {group_thousands(share.still_needed)} đồng"
        text += ")."
    return Paragraph(text)


def fund_by_commune_table(
    communes: dict[str, CommuneInfo],
    statements: dict[str, FundStatement],
    total: FundStatement,
) -> Table:
    """Each commune's statement of the year (catalogue order) and the total of all."""

    def cells(s: FundStatement) -> tuple[Cell, ...]:
        return (s.opening, s.receipts, s.spending, s.closing, s.in_kind)

    return Table(
        f"{FUND_NAME} của các xã, phường năm {total.year}",
        "Quỹ VNN theo xã",
        [
            Column("STT", CellKind.NUMBER, 0.7),
            Column("Xã, phường", weight=2.4),
            Column("Số dư đầu năm", CellKind.MONEY, 1.5),
            Column("Thu trong năm", CellKind.MONEY, 1.5),
            Column("Chi trong năm", CellKind.MONEY, 1.5),
            Column("Số dư", CellKind.MONEY, 1.5),
            Column("Hiện vật, công trình (quy đổi)", CellKind.MONEY, 1.5),
        ],
        [
            (index, commune.label, *cells(statements[code]))
            for index, (code, commune) in enumerate(communes.items(), start=1)
        ],
        totals=[("", TOTAL, *cells(total))],
        note=UNIT_DONG,
    )
