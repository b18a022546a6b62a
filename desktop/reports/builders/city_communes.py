"""The per-commune tables of the city's yearly report (``city-yearly``), printed in its
appendix: every covered commune's task completion, credit, entrusted capital, dissemination
figures and savings groups, with the rankings over the covered communes.

A commune is covered when the city holds its figures (:mod:`desktop.sync.coverage`); the
tables list the covered communes only, their totals say so, and a commune with figures but
none of a kind shows "–" (no data), never 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from db.enums import GroupGrade
from desktop.core.formatting import format_date
from desktop.core.funds.indicators import EntrustedIndicators
from desktop.core.loans.group_grades import GroupGrades
from desktop.core.loans.indicators import IndicatorRow
from desktop.core.office import CommuneInfo
from desktop.core.owners import ALL_COMMUNES
from desktop.core.periods import Period
from desktop.core.tasks.dissemination import DisseminationFigures
from desktop.core.tasks.status import TaskCompletion
from desktop.core.text import sort_key
from desktop.reports.builders import fund_parts, task_parts
from desktop.reports.builders.common import competition_ranks
from desktop.reports.builders.loan_work_parts import GRADE_WORDS
from desktop.reports.builders.period_parts import (
    UNIT_MILLION,
    money_cell,
    money_column,
    year_label,
)
from desktop.reports.model import Cell, Chart, ChartKind, Column, Series, Table
from desktop.reports.xlsx_table import CellKind
from desktop.sync.coverage import DataCoverage

#: How many communes the ranking charts show (all of them are in the ranking tables).
CHART_COMMUNES = 15


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


# -- dissemination and savings groups ----------------------------------------------------------
def dissemination_by_commune_table(
    communes: dict[str, CommuneInfo],
    now: dict[str, DisseminationFigures],
    before: dict[str, DisseminationFigures],
    now_label: str,
    before_label: str,
    total_label: str,
) -> Table:
    """Each covered commune's sessions and people reached, this year and the same day of
    the year before; "–" where no record gives the figure."""

    def cells(code: str) -> tuple[Cell, ...]:
        a, b = before.get(code, DisseminationFigures()), now.get(code, DisseminationFigures())
        return (a.sessions, b.sessions, a.participants, b.participants)

    rows = [
        (index, commune.label, *cells(code))
        for index, (code, commune) in enumerate(communes.items(), start=1)
    ]
    total_before = sum(
        (before.get(c, DisseminationFigures()) for c in communes), DisseminationFigures()
    )
    total_now = sum((now.get(c, DisseminationFigures()) for c in communes), DisseminationFigures())
    return Table(
        "Tuyên truyền, quán triệt của các xã, phường",
        "Tuyên truyền theo xã",
        [
            *_commune_columns(),
            Column(f"Số buổi, hội nghị — {before_label}", CellKind.NUMBER, 1.4),
            Column(f"Số buổi, hội nghị — {now_label}", CellKind.NUMBER, 1.4),
            Column(f"Số lượt người tham dự — {before_label}", CellKind.NUMBER, 1.5),
            Column(f"Số lượt người tham dự — {now_label}", CellKind.NUMBER, 1.5),
        ],
        rows,
        totals=[
            (
                "",
                total_label,
                total_before.sessions,
                total_now.sessions,
                total_before.participants,
                total_now.participants,
            )
        ],
        note="“–”: xã, phường không ghi số liệu này trong báo cáo tiến độ.",
    )


def groups_by_commune_table(
    communes: dict[str, CommuneInfo],
    year: int,
    grades: dict[str, GroupGrades],
    active: dict[str, int],
    total_label: str,
) -> Table:
    """Each covered commune's active groups (now) and its groups' assessments of ``year``."""

    def cells(code: str) -> tuple[Cell, ...]:
        found = grades.get(code)
        if found is None:
            return (active.get(code, 0), 0, *(0 for _ in GroupGrade), None, None)
        return (
            active.get(code, 0),
            found.graded,
            *(found.by_grade[g] for g in GroupGrade),
            found.members,
            money_cell(found.savings, True),
        )

    rows = [
        (index, commune.label, *cells(code))
        for index, (code, commune) in enumerate(communes.items(), start=1)
    ]
    every = sum((grades[c] for c in communes if c in grades), GroupGrades(year))
    return Table(
        f"Tổ tiết kiệm và vay vốn của các xã, phường, kết quả xếp loại năm {year}",
        "Tổ TK&VV theo xã",
        [
            *_commune_columns(),
            Column("Tổ đang hoạt động", CellKind.NUMBER, 1.1),
            Column(f"Tổ được xếp loại năm {year}", CellKind.NUMBER, 1.1),
            *(Column(GRADE_WORDS[g], CellKind.NUMBER, 0.9) for g in GroupGrade),
            Column("Số thành viên", CellKind.NUMBER, 1.1),
            money_column("Tiền gửi tiết kiệm của thành viên", 1.5, True),
        ],
        rows,
        totals=[
            (
                "",
                total_label,
                sum(active.get(c, 0) for c in communes),
                every.graded,
                *(every.by_grade[g] for g in GroupGrade),
                every.members,
                money_cell(every.savings, True),
            )
        ],
        note=(
            f"{UNIT_MILLION}. Tổ đang hoạt động: theo tình trạng ghi nhận hiện nay. “–”: không "
            f"tổ nào ghi số liệu này khi xếp loại năm {year}."
        ),
    )
