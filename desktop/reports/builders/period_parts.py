"""The report's period and its cut-off, as the text names them.

Every figure of a report is the period's and counts only records dated on or before the
cut-off: the period's last day, or the document's date while the period still runs
(:func:`cut_off`). The document says which (:func:`figures_line`). Amounts at the city are in
triệu đồng (:func:`money_cell`), so that a city total of 17.590 tỷ fits its cell.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from db.enums import PeriodKind
from desktop.core.formatting import format_date, group_thousands
from desktop.core.periods import Period
from desktop.reports.model import Column, Paragraph
from desktop.reports.xlsx_table import CellKind

UNIT_MILLION = "Đơn vị tính: triệu đồng"
MILLION = 1_000_000


def cut_off(period: Period, issued_on: date) -> date:
    """The last day counted: the period's end, or the document's date while it runs."""
    return min(period.end, issued_on)


def running(period: Period, issued_on: date) -> bool:
    return issued_on < period.end


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def span(period: Period) -> str:
    """ "năm" for a year, "kỳ" for a quarter or a half: "Thu trong năm" / "Thu trong kỳ"."""
    return "năm" if period.kind is PeriodKind.YEAR else "kỳ"


def period_until(period: Period, issued_on: date) -> str:
    """ "quý II năm 2026", or while it runs "năm 2026 (đến ngày 20/10/2026)"."""
    text = period.label_vi()
    if running(period, issued_on):
        text += f" (đến ngày {format_date(cut_off(period, issued_on))})"
    return text


def figures_line(period: Period, issued_on: date, extra: str = "") -> Paragraph:
    """ "Số liệu tính đến ngày 30/06/2026 (hết quý II năm 2026)." — or, while the period
    runs, to the document's date."""
    day = cut_off(period, issued_on)
    if running(period, issued_on):
        why = f"ngày lập báo cáo; {period.label_vi()} chưa kết thúc"
    else:
        why = f"hết {period.label_vi()}"
    text = f"Số liệu tính đến ngày {format_date(day)} ({why}): chỉ tính các số liệu phát sinh "
    text += f"đến hết ngày này{extra}."
    return Paragraph(text, italic=True)


def in_millions(amount: int | None) -> Decimal | None:
    """An amount in đồng as triệu đồng, to the hundredth (10.000 đ)."""
    if amount is None:
        return None
    return (Decimal(amount) / MILLION).quantize(Decimal("0.01"))


def money_cell(amount: int | None, millions: bool) -> int | Decimal | None:
    return in_millions(amount) if millions else amount


def money_column(title: str, weight: float, millions: bool) -> Column:
    return Column(title, CellKind.MILLIONS if millions else CellKind.MONEY, weight)


def money_text(amount: int, millions: bool = False) -> str:
    """An amount in a sentence: "12.000.000 đồng", or at the city "17.590.000,00 triệu
    đồng"."""
    if not millions:
        return f"{group_thousands(amount)} đồng"
    value = in_millions(amount) or Decimal(0)
    whole, part = divmod(abs(int(value * 100)), 100)
    sign = "-" if value < 0 else ""
    return f"{sign}{group_thousands(whole)},{part:02d} triệu đồng"


def year_label(year: int, cut: date) -> str:
    """A column heading: "Năm 2026", or while it runs "Năm 2026 (đến 20/10/2026)"."""
    if cut < date(year, 12, 31):
        return f"Năm {year} (đến {format_date(cut)})"
    return f"Năm {year}"
