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
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from db.base import CITY_CODE
from desktop.core.formatting import format_date, format_percent, group_thousands
from desktop.core.loans.balance_dates import (
    communes_with_balances,
    latest_balance_day,
    loans_without_balance,
)
from desktop.core.loans.checks import UncheckedLoan
from desktop.core.loans.common import organisations
from desktop.core.loans.indicators import AgeBucket, IndicatorRow, IndicatorTable
from desktop.core.owners import Scope
from desktop.core.programmes import programmes
from desktop.reports.builders.period_parts import (
    UNIT_MILLION,
    money_cell,
    money_column,
    money_text,
)
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


@dataclass(frozen=True)
class BalanceBasis:
    """What the balances of a report stand on: the cut-off, the latest day on or before it
    with a recorded balance (``None``: no balance at all, hence no data) and the loans
    disbursed by then without any balance (one commune only)."""

    day: date
    latest: date | None
    without_balance: int = 0
    #: How many communes have balances by the cut-off (at the city, where ``latest`` is the
    #: cut-off itself when any has).
    communes: int = 0
    #: Every commune together: ``latest`` is the cut-off, not a list's day.
    everyone: bool = False

    @property
    def no_data(self) -> bool:
        return self.latest is None

    @classmethod
    def of(cls, session: Session, owner: Scope, day: date) -> BalanceBasis:
        if owner.is_all_communes:
            communes = communes_with_balances(session, day) - {CITY_CODE}
            return cls(day, day if communes else None, 0, len(communes), everyone=True)
        latest = latest_balance_day(session, owner.unit_code, day)
        without = loans_without_balance(session, owner.unit_code, day) if latest is not None else 0
        return cls(day, latest, without, 1 if latest else 0)


def no_balance_text(day: date) -> str:
    return f"Chưa có số liệu dư nợ đến ngày {format_date(day)}"


def quality_columns(first: str, millions: bool = False) -> list[Column]:
    return [
        Column(first, weight=3.0),
        Column("Số hộ còn dư nợ", CellKind.NUMBER, 1.1),
        money_column("Dư nợ", 1.8, millions),
        money_column("Nợ quá hạn", 1.6, millions),
        Column("Tỷ lệ nợ quá hạn", CellKind.PERCENT, 1.15),
        money_column("Nợ khoanh", 1.5, millions),
        Column("Tỷ lệ nợ quá hạn và nợ khoanh", CellKind.PERCENT, 1.25),
        money_column("Dư nợ bình quân một hộ", 1.6, millions),
    ]


def quality_cells(row: IndicatorRow | None, millions: bool = False) -> tuple[Cell, ...]:
    """A row's figures; ``None`` (no balance data) gives dashes, never zeros."""
    if row is None:
        return (None,) * 7
    average = row.average_per_household
    return (
        row.borrowers_with_balance,
        money_cell(row.outstanding, millions),
        money_cell(row.overdue, millions),
        row.overdue_ratio,
        money_cell(row.frozen, millions),
        row.overdue_frozen_ratio,
        money_cell(round(average), millions) if average is not None else None,
    )


def with_catalogue(
    indicators: IndicatorTable, catalogue: Sequence[tuple[str, str]] | None
) -> list[IndicatorRow]:
    """The service's rows, and with a catalogue every entry of it in its order (zeros where
    it has no loan), the rows outside it (an inactive programme, "not recorded") after."""
    if catalogue is None:
        return list(indicators.rows)
    found = {row.key: row for row in indicators.rows}
    rows = []
    for key, label in catalogue:
        row = found.pop(key, None)
        rows.append(
            replace(row, label=label) if row else IndicatorRow(key, label, 0, 0, 0, 0, 0, 0, 0)
        )
    return rows + list(found.values())


def quality_table(
    indicators: IndicatorTable,
    title: str,
    sheet: str,
    first: str,
    *,
    catalogue: Sequence[tuple[str, str]] | None = None,
    basis: BalanceBasis | None = None,
    millions: bool = False,
) -> Table:
    """One row per value of the dimension (every catalogue entry when given), the service's
    total below; dashes everywhere when no balance was recorded by the cut-off."""
    no_data = basis is not None and basis.no_data
    rows = with_catalogue(indicators, catalogue)
    if no_data and catalogue is None:
        rows = []
    note = UNIT_MILLION if millions else UNIT_DONG
    if no_data:
        assert basis is not None
        note += f". {no_balance_text(basis.day)}."
    return Table(
        title,
        sheet,
        quality_columns(first, millions),
        [(row_label(row), *quality_cells(None if no_data else row, millions)) for row in rows],
        totals=[(TOTAL, *quality_cells(None if no_data else indicators.total, millions))]
        if rows
        else [],
        note=note,
        empty_text=(
            f"{no_balance_text(basis.day)}."
            if no_data and basis
            else "Không có khoản vay nào còn dư nợ."
        ),
    )


def checks_columns(first: str) -> list[Column]:
    return [
        Column(first, weight=3.0),
        Column("Khoản vay còn dư nợ", CellKind.NUMBER, 1.4),
        Column("Khoản vay được kiểm tra", CellKind.NUMBER, 1.6),
        Column("Sử dụng đúng mục đích", CellKind.NUMBER, 1.5),
        Column("Tỷ lệ đúng mục đích", CellKind.PERCENT, 1.3),
    ]


def checks_cells(row: IndicatorRow, no_balance: bool = False) -> tuple[Cell, ...]:
    return (
        None if no_balance else row.loans_with_balance,
        row.loans_checked,
        row.loans_used_as_intended,
        row.share_used_as_intended,
    )


def checks_table(
    indicators: IndicatorTable,
    title: str,
    sheet: str,
    first: str,
    *,
    catalogue: Sequence[tuple[str, str]] | None = None,
    basis: BalanceBasis | None = None,
) -> Table:
    no_balance = basis is not None and basis.no_data
    rows = with_catalogue(indicators, catalogue)
    return Table(
        title,
        sheet,
        checks_columns(first),
        [(row_label(row), *checks_cells(row, no_balance)) for row in rows],
        totals=[(TOTAL, *checks_cells(indicators.total, no_balance))] if rows else [],
        empty_text="Không có khoản vay nào.",
    )


def programme_catalogue(session: Session) -> list[tuple[str, str]]:
    """The credit programmes in use, in the catalogue's order."""
    return [(p.code, p.short_name) for p in programmes(session) if p.active]


def organisation_catalogue(session: Session) -> list[tuple[str, str]]:
    return [(o.code, o.short_name) for o in organisations(session)]


def ageing_table(indicators: IndicatorTable, *, millions: bool = False) -> Table:
    rows = [
        (AGE_BUCKETS[row.bucket], row.loans, money_cell(row.overdue, millions), row.share)
        for row in indicators.ageing
    ]
    loans = sum(row.loans for row in indicators.ageing)
    overdue = sum(row.overdue for row in indicators.ageing)
    return Table(
        "Nợ quá hạn theo thời gian quá hạn",
        "Tuổi nợ quá hạn",
        [
            Column("Thời gian quá hạn", weight=3),
            Column("Số khoản vay", CellKind.NUMBER, 1.3),
            money_column("Nợ quá hạn", 1.8, millions),
            Column("Tỷ trọng", CellKind.PERCENT, 1.2),
        ],
        rows,
        totals=[(TOTAL, loans, money_cell(overdue, millions), None)],
        note=UNIT_MILLION if millions else UNIT_DONG,
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


def quality_sentence(
    unit: str,
    total: IndicatorRow,
    basis: BalanceBasis,
    *,
    millions: bool = False,
) -> Paragraph:
    day = basis.day
    if basis.no_data:
        return Paragraph(
            f"{no_balance_text(day)}: {unit} chưa ghi nhận số dư khoản vay nào (danh sách dư "
            f"nợ của Ngân hàng Chính sách xã hội) đến ngày này, nên chưa có số liệu về dư nợ và "
            f"chất lượng tín dụng."
        )
    where = ""
    if basis.latest is not None and not basis.everyone:
        where = f" (theo số dư ghi nhận ngày {format_date(basis.latest)})"
    if total.loans_with_balance == 0:
        text = f"Đến ngày {format_date(day)}{where}, {unit} không có khoản vay nào còn dư nợ."
    else:
        text = (
            f"Đến ngày {format_date(day)}{where}, tổng dư nợ các chương trình tín dụng chính "
            f"sách của {unit} là {money_text(total.outstanding, millions)} với "
            f"{group_thousands(total.borrowers_with_balance)} hộ còn dư nợ "
            f"({group_thousands(total.loans_with_balance)} khoản vay), dư nợ bình quân "
            f"{group_thousands(round(total.average_per_household or 0))} đồng/hộ. Nợ quá hạn "
            f"{money_text(total.overdue, millions)}, chiếm {format_percent(total.overdue_ratio)} "
            f"tổng dư nợ; nợ quá hạn và nợ khoanh chiếm "
            f"{format_percent(total.overdue_frozen_ratio)}."
        )
    if basis.without_balance:
        text += (
            f" Có {group_thousands(basis.without_balance)} khoản vay giải ngân đến ngày này "
            f"chưa có số dư nào được ghi nhận nên chưa tính vào dư nợ."
        )
    return Paragraph(text)


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
    total: IndicatorRow, year: int, basis: BalanceBasis, unchecked: UncheckedSummary
) -> Paragraph:
    day = basis.day
    text = (
        f"Lũy kế từ ngày {format_date(date(year, 1, 1))} đến ngày {format_date(day)}, đã kiểm "
        f"tra việc sử dụng vốn của {group_thousands(total.loans_checked)} khoản vay, trong đó "
        f"{group_thousands(total.loans_used_as_intended)} khoản vay sử dụng vốn đúng mục đích "
        f"({format_percent(total.share_used_as_intended)})."
    )
    if basis.no_data:
        text += (
            f" {no_balance_text(day)} nên chưa xác định được các khoản vay còn dư nợ chưa được "
            f"kiểm tra trong 12 tháng."
        )
    else:
        text += (
            f" Còn {group_thousands(unchecked.loans)} khoản vay với dư nợ "
            f"{group_thousands(unchecked.outstanding)} đồng chưa được kiểm tra trong 12 tháng "
            f"qua, trong đó {group_thousands(unchecked.never_checked)} khoản vay chưa được kiểm "
            f"tra lần nào."
        )
    return Paragraph(text)


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
