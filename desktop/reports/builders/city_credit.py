"""The lending part of the city's yearly report (``city-yearly``, plan II.5): the loans
disbursed and repaid in the year, the outstanding balance and its quality city-wide, by
programme and by organisation — each beside the same day of the year before — the loan-use
checks, and the savings-and-loan groups with their grades and members' savings.

Every figure is :func:`~desktop.core.loans.yearly.year_credit`'s or
:mod:`~desktop.core.loans.group_grades`'; these functions lay them out. Amounts in triệu
đồng; a day without any recorded balance has no figures ("–"), never zeros.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from db.enums import GroupGrade
from desktop.core.formatting import format_date, format_percent, group_thousands
from desktop.core.loans.group_grades import GroupGrades
from desktop.core.loans.indicators import Dimension, IndicatorRow, IndicatorTable
from desktop.core.loans.yearly import YearCredit
from desktop.core.yearly.figures import Group, YearFigures
from desktop.reports.builders import loan_parts
from desktop.reports.builders.loan_work_parts import FLOWS_RULE, GRADE_WORDS, flows_table
from desktop.reports.builders.period_parts import UNIT_MILLION, money_cell, money_column
from desktop.reports.builders.vocabulary import NOT_RECORDED, TOTAL
from desktop.reports.builders.yearly_parts import (
    FigureColumn,
    YearBasis,
    compared,
    money_phrase,
    year_table,
)
from desktop.reports.model import Block, Cell, Column, Paragraph, Table
from desktop.reports.xlsx_table import CellKind

# -- disbursed and repaid ------------------------------------------------------------------------
LENDING_COLUMNS = (
    FigureColumn("households", "Số hộ được vay vốn", weight=1.3),
    FigureColumn("disbursed", "Doanh số cho vay", money=True, weight=1.6),
    FigureColumn("repaid", "Doanh số thu nợ", money=True, weight=1.6),
)


def flows_blocks(
    basis: YearBasis, credit: YearCredit, now: YearFigures, before: YearFigures, phrase: str
) -> list[Block]:
    total, earlier = credit.flows.total, credit.flows_before.total
    unknown = (
        f" ({group_thousands(total.disbursed_unknown)} khoản vay chưa rõ số tiền giải ngân)"
        if total.disbursed_unknown
        else ""
    )
    sentence = Paragraph(
        f"Từ ngày 01/01/{basis.year} đến ngày {format_date(basis.day)}, {phrase} có "
        f"{group_thousands(total.disbursed_loans)} khoản vay được giải ngân cho "
        f"{group_thousands(total.households)} hộ ({compared(earlier.households, total.households)}"
        f"), doanh số cho vay {money_phrase(total.disbursed_amount)}{unknown} "
        f"({compared(earlier.disbursed_amount, total.disbursed_amount)}); doanh số thu nợ "
        f"{money_phrase(total.repaid)} ({compared(earlier.repaid, total.repaid)}), "
        f"{group_thousands(total.paid_off)} khoản vay đã tất toán."
    )
    return [
        sentence,
        year_table(
            "Doanh số cho vay, thu nợ so với cùng kỳ năm trước",
            "Cho vay, thu nợ cùng kỳ",
            basis,
            Group.LENDING,
            LENDING_COLUMNS,
            now,
            before,
            note=UNIT_MILLION,
        ),
        flows_table(credit.flows),
        Paragraph(FLOWS_RULE, italic=True),
    ]


# -- outstanding and quality -----------------------------------------------------------------------
def _difference(a: Cell, b: Cell) -> Cell:
    """``b − a`` of two figures of the same kind (amounts, counts, ratios); else none."""
    if isinstance(a, int) and isinstance(b, int):
        return b - a
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return b - a
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return b - a
    return None


def quality_compare_table(
    basis: YearBasis, before: IndicatorRow | None, now: IndicatorRow | None
) -> Table:
    """The city-wide outstanding balance and its quality on the report's day and the same
    day of the year before, and the change ("–" for a day without balances)."""
    a = loan_parts.quality_cells(before, True)
    b = loan_parts.quality_cells(now, True)
    return Table(
        "Dư nợ và chất lượng tín dụng so với cùng thời điểm năm trước",
        "Dư nợ cùng kỳ",
        loan_parts.quality_columns("Thời điểm", True),
        [
            (basis.on_day(previous=True), *a),
            (basis.on_day(), *b),
            ("Tăng (+), giảm (−)", *(_difference(x, y) for x, y in zip(a, b, strict=True))),
        ],
        note=UNIT_MILLION + ". Tỷ lệ: tăng, giảm tính bằng điểm phần trăm.",
    )


def _rows(
    table: IndicatorTable | None, catalogue: Sequence[tuple[str, str]]
) -> dict[str, IndicatorRow]:
    if table is None:
        return {}
    return {row.key or "": row for row in loan_parts.with_catalogue(table, catalogue)}


def dimension_compare_table(
    title: str,
    sheet: str,
    first: str,
    catalogue: Sequence[tuple[str, str]],
    basis: YearBasis,
    before: IndicatorTable | None,
    now: IndicatorTable | None,
) -> Table:
    """Outstanding and the overdue ratios by programme or organisation, on both days."""
    old, new = _rows(before, catalogue), _rows(now, catalogue)
    keys = list(dict.fromkeys([*new, *old]))
    labels = {key: row.label for key, row in (*old.items(), *new.items())}

    def cells(a: IndicatorRow | None, b: IndicatorRow | None) -> tuple[Cell, ...]:
        outstanding = (a.outstanding if a else None, b.outstanding if b else None)
        rate = (
            Fraction(outstanding[1] - outstanding[0], outstanding[0])
            if outstanding[0] and outstanding[1] is not None
            else None
        )
        return (
            money_cell(outstanding[0], True),
            money_cell(outstanding[1], True),
            rate,
            a.overdue_ratio if a else None,
            b.overdue_ratio if b else None,
            a.overdue_frozen_ratio if a else None,
            b.overdue_frozen_ratio if b else None,
        )

    rows = [
        (labels[key] if key else NOT_RECORDED, *cells(old.get(key), new.get(key))) for key in keys
    ]
    totals = [(TOTAL, *cells(before.total if before else None, now.total if now else None))]
    day_before = format_date(basis.before)
    day = format_date(basis.day)
    return Table(
        title,
        sheet,
        [
            Column(first, weight=2.6),
            money_column(f"Dư nợ ngày {day_before}", 1.5, True),
            money_column(f"Dư nợ ngày {day}", 1.5, True),
            Column("Tỷ lệ tăng, giảm dư nợ", CellKind.PERCENT, 1.1),
            Column(f"Tỷ lệ nợ quá hạn ngày {day_before}", CellKind.PERCENT, 1.1),
            Column(f"Tỷ lệ nợ quá hạn ngày {day}", CellKind.PERCENT, 1.1),
            Column(f"Tỷ lệ nợ quá hạn và nợ khoanh ngày {day_before}", CellKind.PERCENT, 1.2),
            Column(f"Tỷ lệ nợ quá hạn và nợ khoanh ngày {day}", CellKind.PERCENT, 1.2),
        ],
        rows,
        totals=totals,
        note=UNIT_MILLION + ". “–”: không có dư nợ hoặc chưa có số liệu dư nợ ngày đó.",
    )


def quality_sentence(
    basis: YearBasis, before: IndicatorRow | None, now: IndicatorRow | None, phrase: str
) -> Paragraph:
    day = format_date(basis.day)
    if now is None:
        return Paragraph(
            f"Chưa có số liệu dư nợ đến ngày {day}: {phrase} chưa ghi nhận số dư khoản vay "
            f"nào (danh sách dư nợ của Ngân hàng Chính sách xã hội) đến ngày này."
        )
    earlier = before.outstanding if before else None
    growth = compared(earlier, now.outstanding, "cùng thời điểm năm trước")
    text = (
        f"Đến ngày {day}, tổng dư nợ các chương trình tín dụng chính sách của {phrase} là "
        f"{money_phrase(now.outstanding)} ({growth}) "
        f"với {group_thousands(now.borrowers_with_balance)} hộ còn dư nợ; nợ quá hạn chiếm "
        f"{format_percent(now.overdue_ratio)} tổng dư nợ, nợ quá hạn và nợ khoanh chiếm "
        f"{format_percent(now.overdue_frozen_ratio)}"
    )
    if before is not None:
        text += (
            f" (ngày {format_date(basis.before)}: {format_percent(before.overdue_ratio)} và "
            f"{format_percent(before.overdue_frozen_ratio)})"
        )
    else:
        text += f" (chưa có số liệu dư nợ ngày {format_date(basis.before)} để so sánh)"
    return Paragraph(text + ".")


def _checked(row: IndicatorRow) -> str:
    if not row.loans_checked:
        return "chưa kiểm tra khoản vay nào"
    return (
        f"đã kiểm tra {group_thousands(row.loans_checked)} khoản vay, "
        f"{format_percent(row.share_used_as_intended)} sử dụng vốn đúng mục đích"
    )


def checks_sentence(basis: YearBasis, before: IndicatorRow, now: IndicatorRow) -> Paragraph:
    return Paragraph(
        f"Công tác kiểm tra, giám sát việc sử dụng vốn vay (mục II.2, ý 4): từ ngày "
        f"01/01/{basis.year} đến ngày {format_date(basis.day)} {_checked(now)} (cùng kỳ năm "
        f"{basis.year - 1} {_checked(before)})."
    )


# -- savings-and-loan groups -----------------------------------------------------------------------
def groups_table(years: Sequence[GroupGrades]) -> Table:
    """The groups' assessments of each year: how many were graded, by grade, the share good
    or fairly good, their members and the members' savings."""

    def cells(g: GroupGrades) -> tuple[Cell, ...]:
        return (
            g.graded,
            *(g.by_grade[grade] for grade in GroupGrade),
            Fraction(g.good, g.graded) if g.graded else None,
            g.members,
            money_cell(g.savings, True),
        )

    return Table(
        "Tổ tiết kiệm và vay vốn: kết quả xếp loại và tiền gửi tiết kiệm của thành viên",
        "Tổ TK&VV",
        [
            Column("Năm", weight=1.2),
            Column("Số tổ được xếp loại", CellKind.NUMBER, 1.1),
            *(Column(GRADE_WORDS[g], CellKind.NUMBER, 0.9) for g in GroupGrade),
            Column("Tỷ lệ tốt và khá", CellKind.PERCENT, 1.0),
            Column("Số thành viên", CellKind.NUMBER, 1.1),
            money_column("Tiền gửi tiết kiệm của thành viên", 1.5, True),
        ],
        [(f"Năm {g.year}", *cells(g)) for g in years],
        note=(
            f"{UNIT_MILLION}. Theo kết quả xếp loại hằng năm của từng tổ (số thành viên, tiền "
            f"gửi tiết kiệm do tổ báo cáo khi xếp loại); “–”: không tổ nào ghi số liệu này."
        ),
    )


def groups_blocks(
    year: int, before: GroupGrades, now: GroupGrades, active: int, phrase: str
) -> list[Block]:
    text = f"Hiện có {group_thousands(active)} Tổ TK&VV đang hoạt động ở {phrase}. "
    if now.graded:
        text += (
            f"Năm {year} có {group_thousands(now.graded)} tổ được xếp loại, trong đó "
            f"{group_thousands(now.good)} tổ tốt và khá "
            f"({format_percent(Fraction(now.good, now.graded))}); tiền gửi tiết kiệm của thành "
            f"viên {money_phrase(now.savings)} "
            f"({compared(before.savings, now.savings, f'năm {year - 1}')})."
        )
    else:
        text += f"Chưa có kết quả xếp loại Tổ TK&VV năm {year}"
        if before.graded:
            text += (
                f"; năm {year - 1} có {group_thousands(before.graded)} tổ được xếp loại, "
                f"{group_thousands(before.good)} tổ tốt và khá, tiền gửi tiết kiệm của thành "
                f"viên {money_phrase(before.savings)}"
            )
        text += "."
    return [Paragraph(text), groups_table([before, now])]


def lending_dimension_tables(
    basis: YearBasis,
    credit: YearCredit,
    programmes: Sequence[tuple[str, str]],
    organisations: Sequence[tuple[str, str]],
    balances_now: bool,
    balances_before: bool,
) -> list[Block]:
    def of(
        tables: dict[Dimension, IndicatorTable], dimension: Dimension, known: bool
    ) -> IndicatorTable | None:
        return tables.get(dimension) if known else None

    return [
        dimension_compare_table(
            "Dư nợ và tỷ lệ nợ quá hạn theo chương trình cho vay",
            "Dư nợ theo chương trình",
            "Chương trình",
            programmes,
            basis,
            of(credit.before, Dimension.PROGRAMME, balances_before),
            of(credit.now, Dimension.PROGRAMME, balances_now),
        ),
        dimension_compare_table(
            "Dư nợ và tỷ lệ nợ quá hạn theo tổ chức nhận ủy thác",
            "Dư nợ theo tổ chức",
            "Tổ chức nhận ủy thác",
            organisations,
            basis,
            of(credit.before, Dimension.ORGANISATION, balances_before),
            of(credit.now, Dimension.ORGANISATION, balances_now),
        ),
    ]
