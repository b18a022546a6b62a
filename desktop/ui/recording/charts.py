"""The charts of Tổng quan and the funds pages (PySide6.QtCharts).

Amounts are computed in whole đồng elsewhere; only here, to draw, are they divided into
thousands, millions or billions (floats are fine for a bar's height, never for a sum).
Value axes step by whole numbers (1, 2, 5 × 10ⁿ), so no label is repeated and no decimal
point has to be localised; the unit is chosen so that the largest value is at least one.

A chart with nothing to draw says so ("Chưa có số liệu") and shows no axis at all: an
empty axis would show made-up numbers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

from db.enums import TaskStatus
from desktop.core.funds.indicators import GROWTH_TARGET, SHARE_TARGET, EntrustedIndicators
from desktop.core.funds.statement import MonthTotal
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.labels import label
from desktop.core.tasks.status import TaskCompletion

M_BILLION = QT_TRANSLATE_NOOP("Charts", "billion đ")
M_MILLION = QT_TRANSLATE_NOOP("Charts", "million đ")
M_THOUSAND = QT_TRANSLATE_NOOP("Charts", "thousand đ")
M_CURRENCY = QT_TRANSLATE_NOOP("Charts", "đ")
M_NO_DATA = QT_TRANSLATE_NOOP("Charts", "No data yet")

COLOURS = {
    "money": QColor("#2e7d32"),
    "in_kind": QColor("#a5d6a7"),
    "transfer": QColor("#1565c0"),
    "target": QColor("#c62828"),
    "share": QColor("#6a1b9a"),
    TaskStatus.HOAN_THANH: QColor("#2e7d32"),
    TaskStatus.THUONG_XUYEN: QColor("#00897b"),
    TaskStatus.DANG_TRIEN_KHAI: QColor("#f9a825"),
    TaskStatus.CHUA_TRIEN_KHAI: QColor("#9e9e9e"),
    "missing": QColor("#e57373"),
}


def money_scale(values: Iterable[int | None]) -> tuple[int, str]:
    """The divisor and unit that keep axis numbers short: billions from 10 billion đ up,
    millions from 1 million, thousands from 1 000 đ, else đồng."""
    largest = max((abs(v) for v in values if v is not None), default=0)
    if largest >= 10_000_000_000:
        return 1_000_000_000, tr(M_BILLION)
    if largest >= 1_000_000:
        return 1_000_000, tr(M_MILLION)
    if largest >= 1_000:
        return 1_000, tr(M_THOUSAND)
    return 1, tr(M_CURRENCY)


def whole_steps(top: float) -> tuple[int, int]:
    """``(upper, ticks)`` of a value axis from 0 to above ``top`` whose labels are whole
    numbers a round step apart (1, 2, 5 × 10ⁿ; at most six intervals), with a little room
    above the largest value: 14 → (15, 4), 3 → (4, 5), 0,4 → (1, 2)."""
    step = 1
    while math.ceil(top / step) > 6:
        for factor in (2, 5 / 2, 2):
            step = round(step * factor)
            if math.ceil(top / step) <= 6:
                break
    upper = max(math.ceil(top / step), 1) * step
    if upper < top * 1.05:
        upper += step
    return upper, upper // step + 1


class ChartView(QChartView):
    """A chart with the application's font, a bold title and room for Vietnamese labels."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setTitle(title)
        font = QFont(QApplication.font() if parent is None else parent.font())
        chart.setFont(font)
        title_font = QFont(font)
        title_font.setBold(True)
        title_font.setPointSize(font.pointSize() + 1)
        chart.setTitleFont(title_font)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setFont(font)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        # Numbers in the interface language: 4.000 and 15,21 in Vietnamese.
        chart.setLocalizeNumbers(True)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(280)
        #: What the chart says instead of drawing, when it has nothing to draw.
        self.empty_text = ""
        self._legend_was_visible = True

    def clear(self) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        if self.empty_text:
            self.empty_text = ""
            chart.legend().setVisible(self._legend_was_visible)

    def show_no_data(self) -> None:
        """Nothing to draw: no series, no axis, no legend; the title and "No data yet"."""
        self.clear()
        legend = self.chart().legend()
        self._legend_was_visible = legend.isVisible()
        legend.setVisible(False)
        self.empty_text = tr(M_NO_DATA)
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if self.empty_text:
            painter.save()
            painter.setPen(QColor("#555"))
            painter.setFont(self.chart().font())
            painter.drawText(self.chart().plotArea(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.restore()

    def _axes(self, categories: Sequence[str], unit: str, top: float) -> QValueAxis:
        chart = self.chart()
        x_axis = QBarCategoryAxis()
        x_axis.append(list(categories))
        x_axis.setLabelsFont(chart.legend().font())
        y_axis = whole_axis(top)
        y_axis.setTitleText(unit)
        y_axis.setLabelsFont(chart.legend().font())
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in chart.series():
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        return y_axis


def whole_axis(top: float) -> QValueAxis:
    """A value axis from 0 with whole-number labels (see :func:`whole_steps`)."""
    axis = QValueAxis()
    upper, ticks = whole_steps(top)
    axis.setLabelFormat("%.0f")
    axis.setRange(0, upper)
    axis.setTickCount(ticks)
    return axis


def _bar_set(name: str, values: Sequence[float], colour: QColor) -> QBarSet:
    bars = QBarSet(name)
    bars.append(list(values))
    bars.setColor(colour)
    bars.setBorderColor(colour)
    return bars


def _target_line(name: str, points: Sequence[tuple[float, float]], colour: QColor) -> QLineSeries:
    line = QLineSeries()
    line.setName(name)
    for x, y in points:
        line.append(QPointF(x, y))
    pen = QPen(colour)
    pen.setWidth(2)
    pen.setStyle(Qt.PenStyle.DashLine)
    line.setPen(pen)
    line.setPointsVisible(True)
    return line


class MonthlyContributionsChart(ChartView):
    """Contributions received each month of a year: money and in-kind value, stacked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Contributions by month"), parent)
        self.values: list[tuple[int, int]] = []

    def set_months(self, months: Sequence[MonthTotal], year: int) -> None:
        self.values = [(m.money, m.in_kind) for m in months]
        self.chart().setTitle(self.tr("Contributions by month, {year}").format(year=year))
        if not any(m.total for m in months):
            self.show_no_data()
            return
        self.clear()
        divisor, unit = money_scale(m.total for m in months)
        series = QStackedBarSeries()
        series.append(
            _bar_set(self.tr("Money"), [m.money / divisor for m in months], COLOURS["money"])
        )
        series.append(
            _bar_set(
                self.tr("In kind (estimated)"),
                [m.in_kind / divisor for m in months],
                COLOURS["in_kind"],
            )
        )
        self.chart().addSeries(series)
        self._axes(
            [str(m.month) for m in months],
            unit,
            max((m.total for m in months), default=0) / divisor,
        )


class TaskStatusChart(ChartView):
    """How many of the plan's tasks stand at each status, and how many have no record: one
    horizontal bar per status, so the status names have room to be read in full."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Task status"), parent)
        self.chart().legend().hide()
        self.slices: list[tuple[str, int]] = []

    def set_completion(self, completion: TaskCompletion, title: str) -> None:
        self.chart().setTitle(title)
        if not completion.expected:
            self.slices = []
            self.show_no_data()
            return
        self.clear()
        parts: list[tuple[str, int, QColor]] = [
            (label(status), completion.count(status), COLOURS[status])
            for status in (
                TaskStatus.HOAN_THANH,
                TaskStatus.THUONG_XUYEN,
                TaskStatus.DANG_TRIEN_KHAI,
                TaskStatus.CHUA_TRIEN_KHAI,
            )
        ]
        parts.append((self.tr("No record"), completion.missing, COLOURS["missing"]))
        self.slices = [(name, count) for name, count, _c in parts]
        chart = self.chart()
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.7)
        for position, (name, count, colour) in enumerate(reversed(parts)):
            values = [0.0] * len(parts)
            values[position] = float(count)
            bars = _bar_set(name, values, colour)
            bars.setLabelColor(QColor("black"))
            series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsInsideBase)
        chart.addSeries(series)
        font = chart.legend().font()
        y_axis = QBarCategoryAxis()
        y_axis.append([name for name, _n, _c in reversed(parts)])
        y_axis.setLabelsFont(font)
        x_axis = whole_axis(max(count for _n, count, _c in parts))
        x_axis.setLabelsFont(font)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(y_axis)
        series.attachAxis(x_axis)


class GrowthChart(ChartView):
    """Entrusted capital transferred each year against the growth target (+20 % on the
    year before)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Entrusted capital transferred each year"), parent)

    def set_series(self, series: Sequence[EntrustedIndicators]) -> None:
        growth = [s.growth for s in series]
        if not any(g.transferred or g.target_amount for g in growth):
            self.show_no_data()
            return
        self.clear()
        divisor, unit = money_scale(
            [g.transferred for g in growth] + [g.target_amount for g in growth]
        )
        bars = QBarSeries()
        bars.append(
            _bar_set(
                self.tr("Transferred"),
                [g.transferred / divisor for g in growth],
                COLOURS["transfer"],
            )
        )
        self.chart().addSeries(bars)
        points = [
            (float(i), g.target_amount / divisor)
            for i, g in enumerate(growth)
            if g.target_amount is not None
        ]
        percent = int(GROWTH_TARGET * 100)
        line = _target_line(
            self.tr("Target: {percent} % above the year before").format(percent=percent),
            points,
            COLOURS["target"],
        )
        self.chart().addSeries(line)
        top = max([g.transferred / divisor for g in growth] + [y for _x, y in points], default=0)
        self._axes([str(s.year) for s in series], unit, top)


class ShareChart(ChartView):
    """Entrusted capital as a share of total capital each year, against 20 % by 2030."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Entrusted capital in total capital"), parent)

    def set_series(self, series: Sequence[EntrustedIndicators]) -> None:
        shares = [s.share.share for s in series]
        if all(share is None for share in shares):
            self.show_no_data()
            return
        self.clear()
        # Rounded to hundredths here so the bar labels read 9,09 % rather than 9,0864 %.
        values = [round(float(share * 100), 2) if share is not None else 0.0 for share in shares]
        bars = QBarSeries()
        bars.append(_bar_set(self.tr("Share of total capital"), values, COLOURS["share"]))
        bars.setLabelsVisible(True)
        bars.setLabelsFormat("@value %")
        bars.setLabelsPrecision(6)
        bars.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsInsideEnd)
        self.chart().addSeries(bars)
        percent = float(SHARE_TARGET * 100)
        count = max(len(series), 1)
        line = _target_line(
            self.tr("Target: {percent} % by 2030").format(percent=int(percent)),
            [(-0.5, percent), (count - 0.5, percent)],
            COLOURS["target"],
        )
        line.setPointsVisible(False)
        self.chart().addSeries(line)
        self._axes([str(s.year) for s in series], "%", max([*values, percent]))
