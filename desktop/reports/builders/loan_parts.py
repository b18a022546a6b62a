"""The credit parts of the reports: outstanding balance and loan quality by programme,
organisation, group, hamlet or commune, arrears ageing, loan-use checks and the loans not
checked in the last twelve months.

Every figure is one of :mod:`desktop.core.loans`' (:func:`indicator_table`,
:func:`loans_not_checked`); these functions only lay them out. A table built from an
:class:`IndicatorTable` prints its rows and, as the total, the service's own total row
(borrowers are counted once there, so rows need not add up to it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop.core.formatting import format_date, format_percent, group_thousands
from desktop.core.loans.checks import UncheckedLoan
from desktop.core.loans.indicators import AgeBucket, IndicatorRow, IndicatorTable
from desktop.reports.builders.vocabulary import NOT_RECORDED, TOTAL, UNIT_DONG
from desktop.reports.model import Cell, Chart, ChartKind, Column, Paragraph, Series, Table
from desktop.reports.xlsx_table import CellKind

AGE_BUCKETS = {
    AgeBucket.UP_TO_90: "Đến 90 ngày",
    AgeBucket.DAYS_91_180: "Từ 91 đến 180 ngày",
    AgeBucket.DAYS_181_365: "Từ 181 đến 365 ngày",
    AgeBucket.OVER_365: "Trên 365 ngày",
    AgeBucket.UNKNOWN: "Chưa xác định được thời gian",
}


def row_label(row: IndicatorRow) -> str:
    return NOT_RECORDED if row.key is None else row.label


def quality_columns(first: str) -> list[Column]:
    return [
        Column(first, weight=3.0),
        Column("Số hộ còn dư nợ", CellKind.NUMBER, 1.1),
        Column("Dư nợ", CellKind.MONEY, 1.8),
        Column("Nợ quá hạn", CellKind.MONEY, 1.6),
        Column("Tỷ lệ nợ quá hạn", CellKind.PERCENT, 1.15),
        Column("Nợ khoanh", CellKind.MONEY, 1.5),
        Column("Tỷ lệ nợ quá hạn và nợ khoanh", CellKind.PERCENT, 1.25),
        Column("Dư nợ bình quân một hộ", CellKind.MONEY, 1.6),
    ]


def quality_cells(row: IndicatorRow) -> tuple[Cell, ...]:
    return (
        row.borrowers_with_balance,
        row.outstanding,
        row.overdue,
        row.overdue_ratio,
        row.frozen,
        row.overdue_frozen_ratio,
        row.average_per_household,
    )


def quality_table(indicators: IndicatorTable, title: str, sheet: str, first: str) -> Table:
    """One row per value of the dimension, the service's total below."""
    return Table(
        title,
        sheet,
        quality_columns(first),
        [(row_label(row), *quality_cells(row)) for row in indicators.rows],
        totals=[(TOTAL, *quality_cells(indicators.total))],
        note=UNIT_DONG,
        empty_text="Không có khoản vay nào còn dư nợ.",
    )


def checks_columns(first: str) -> list[Column]:
    return [
        Column(first, weight=3.0),
        Column("Khoản vay còn dư nợ", CellKind.NUMBER, 1.4),
        Column("Khoản vay được kiểm tra trong năm", CellKind.NUMBER, 1.6),
        Column("Sử dụng đúng mục đích", CellKind.NUMBER, 1.5),
        Column("Tỷ lệ đúng mục đích", CellKind.PERCENT, 1.3),
    ]


def checks_cells(row: IndicatorRow) -> tuple[Cell, ...]:
    return (
        row.loans_with_balance,
        row.loans_checked,
        row.loans_used_as_intended,
        row.share_used_as_intended,
    )


def checks_table(indicators: IndicatorTable, title: str, sheet: str, first: str) -> Table:
    return Table(
        title,
        sheet,
        checks_columns(first),
        [(row_label(row), *checks_cells(row)) for row in indicators.rows],
        totals=[(TOTAL, *checks_cells(indicators.total))],
        empty_text="Không có khoản vay nào.",
    )


def ageing_table(indicators: IndicatorTable) -> Table:
    rows = [
        (AGE_BUCKETS[row.bucket], row.loans, row.overdue, row.share) for row in indicators.ageing
    ]
    loans = sum(row.loans for row in indicators.ageing)
    overdue = sum(row.overdue for row in indicators.ageing)
    return Table(
        "Nợ quá hạn theo thời gian quá hạn",
        "Tuổi nợ quá hạn",
        [
            Column("Thời gian quá hạn", weight=3),
            Column("Số khoản vay", CellKind.NUMBER, 1.3),
            Column("Nợ quá hạn", CellKind.MONEY, 1.8),
            Column("Tỷ trọng", CellKind.PERCENT, 1.2),
        ],
        rows,
        totals=[(TOTAL, loans, overdue, None)],
        note=UNIT_DONG,
    )


def outstanding_chart(indicators: IndicatorTable, title: str) -> Chart | None:
    rows = [row for row in indicators.rows if row.outstanding > 0]
    if not rows:
        return None
    return Chart(
        title,
        ChartKind.PIE,
        [row_label(row) for row in rows],
        [Series("Dư nợ", [float(row.outstanding) for row in rows])],
    )


def overdue_chart(indicators: IndicatorTable, title: str) -> Chart | None:
    rows = [row for row in indicators.rows if row.overdue_ratio is not None]
    if not rows:
        return None
    return Chart(
        title,
        ChartKind.HBAR,
        [row_label(row) for row in rows],
        [
            Series("Tỷ lệ nợ quá hạn", [float(row.overdue_ratio or 0) for row in rows]),
            Series(
                "Tỷ lệ nợ quá hạn và nợ khoanh",
                [float(row.overdue_frozen_ratio or 0) for row in rows],
            ),
        ],
        value_kind=CellKind.PERCENT,
    )


def quality_sentence(unit: str, total: IndicatorRow, day: date) -> Paragraph:
    if total.loans_with_balance == 0:
        return Paragraph(f"Đến ngày {format_date(day)}, {unit} không có khoản vay nào còn dư nợ.")
    return Paragraph(
        f"Đến ngày {format_date(day)}, tổng dư nợ các chương trình tín dụng chính sách của "
        f"{unit} là {group_thousands(total.outstanding)} đồng với "
        f"{group_thousands(total.borrowers_with_balance)} hộ còn dư nợ "
        f"({group_thousands(total.loans_with_balance)} khoản vay), dư nợ bình quân "
        f"{group_thousands(round(total.average_per_household or 0))} đồng/hộ. Nợ quá hạn "
        f"{group_thousands(total.overdue)} đồng, chiếm {format_percent(total.overdue_ratio)} "
        f"tổng dư nợ; nợ quá hạn và nợ khoanh chiếm {format_percent(total.overdue_frozen_ratio)}."
    )


@dataclass(frozen=True)
class UncheckedSummary:
    """What a list of loans not checked in 12 months adds up to."""

    loans: int
    never_checked: int
    outstanding: int

    @classmethod
    def of(cls, items: Sequence[UncheckedLoan]) -> UncheckedSummary:
        return cls(
            len(items),
            sum(1 for item in items if item.last_checked_on is None),
            sum(item.outstanding for item in items),
        )


def checks_sentence(
    total: IndicatorRow, year: int, day: date, unchecked: UncheckedSummary
) -> Paragraph:
    return Paragraph(
        f"Trong năm {year} (đến ngày {format_date(day)}), đã kiểm tra việc sử dụng vốn của "
        f"{group_thousands(total.loans_checked)} khoản vay, trong đó "
        f"{group_thousands(total.loans_used_as_intended)} khoản vay sử dụng vốn đúng mục đích "
        f"({format_percent(total.share_used_as_intended)}). Còn "
        f"{group_thousands(unchecked.loans)} khoản vay với dư nợ "
        f"{group_thousands(unchecked.outstanding)} đồng chưa được kiểm tra trong 12 tháng qua, "
        f"trong đó {group_thousands(unchecked.never_checked)} khoản vay chưa được kiểm tra lần "
        f"nào."
    )


def unchecked_columns(with_commune: bool) -> list[Column]:
    columns = [Column("STT", CellKind.NUMBER, 0.7)]
    if with_commune:
        columns.append(Column("Xã, phường", weight=1.8))
    columns += [
        Column("Người vay", weight=2.4),
        Column("Số khế ước", weight=1.7),
        Column("Ấp, khu vực", weight=1.4),
        Column("Tổ TK&VV", weight=1.9),
        Column("Chương trình", weight=1.4),
        Column("Ngày vay", CellKind.DATE, 1.3),
        Column("Dư nợ", CellKind.MONEY, 1.5),
        Column("Kiểm tra gần nhất", CellKind.DATE, 1.3),
    ]
    return columns


def unchecked_rows(
    items: Sequence[UncheckedLoan], communes: dict[str, str] | None = None
) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = []
    for index, item in enumerate(items, start=1):
        head: tuple[Cell, ...] = (index,)
        if communes is not None:
            head += (communes.get(item.commune_code, item.commune_code),)
        rows.append(
            (
                *head,
                item.borrower_name,
                item.contract_no,
                item.hamlet_name,
                item.group_name,
                item.programme_name,
                item.disbursed_on,
                item.outstanding,
                item.last_checked_on,
            )
        )
    return rows
