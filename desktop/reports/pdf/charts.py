"""Charts as vector drawings (reportlab.graphics), in the document's own font.

Bars compare communes, programmes or years; horizontal bars suit long names (rankings);
pies show shares. Axis labels use Vietnamese number formats (``1.234``, ``12,5 %``).
"""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from desktop.core.formatting import format_number, format_percent
from desktop.core.text import nfc
from desktop.reports.model import Chart, ChartKind
from desktop.reports.pdf import fonts
from desktop.reports.xlsx_table import CellKind

PALETTE = [
    colors.HexColor("#1F5FA8"),
    colors.HexColor("#E08A1E"),
    colors.HexColor("#3C9A5F"),
    colors.HexColor("#B23A48"),
    colors.HexColor("#7A5BA6"),
    colors.HexColor("#5B8DB8"),
    colors.HexColor("#C9A227"),
    colors.HexColor("#6E7B85"),
]
TARGET_COLOUR = colors.HexColor("#C62828")
LABEL_SIZE = 8.5


def axis_label(value: float, kind: CellKind) -> str:
    if kind is CellKind.PERCENT:
        whole = abs(value * 100 - round(value * 100)) < 1e-9
        return format_percent(value, 0 if whole else 1)
    decimals = 0 if abs(value - round(value)) < 1e-9 or abs(value) >= 100 else 1
    return format_number(value, decimals)


def bar_label(value: float, kind: CellKind) -> str:
    if kind is CellKind.PERCENT:
        return format_percent(value, 1)
    return format_number(value, 0 if abs(value) >= 100 else 1)


def _max_value(chart: Chart) -> float:
    values = [v for s in chart.series for v in s.values]
    if chart.target is not None:
        values.append(chart.target)
    return max([0.0, *values])


def nice_scale(value: float) -> tuple[float, float]:
    """``(top, step)`` for a value axis from 0: a round step (1, 2, 2,5 or 5 × 10ⁿ) giving
    four to six intervals, and the first multiple of it at or above ``value``."""
    if value <= 0:
        return 1.0, 0.2
    exponent = math.floor(math.log10(value / 5))
    for base in (1, 2, 2.5, 5, 10):
        step = base * 10**exponent
        if value / step <= 6:
            break
    top = math.ceil(value / step - 1e-9) * step
    if top < value * 1.02:
        top += step
    return top, step


def _legend(chart: Chart, x: float, y: float) -> Legend:
    """One row of swatches above the plot, from its left edge."""
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName = fonts.REGULAR
    legend.fontSize = LABEL_SIZE + 0.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 8
    legend.deltax = 20
    legend.autoXPadding = 16
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], nfc(s.name)) for i, s in enumerate(chart.series)
    ]
    return legend


def _short(text: str, limit: int) -> str:
    text = nfc(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_drawing(chart: Chart, width: float) -> Drawing:
    height = 190.0
    drawing = Drawing(width, height + 30)
    bars = VerticalBarChart()
    bars.x, bars.y = 50, 45
    bars.width, bars.height = width - 70, height - 40
    bars.data = [list(s.values) for s in chart.series]
    bars.categoryAxis.categoryNames = [_short(c, 18) for c in chart.categories]
    bars.categoryAxis.labels.fontName = fonts.REGULAR
    bars.categoryAxis.labels.fontSize = LABEL_SIZE
    if len(chart.categories) > 6:
        bars.categoryAxis.labels.angle = 30
        bars.categoryAxis.labels.boxAnchor = "ne"
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax, bars.valueAxis.valueStep = nice_scale(_max_value(chart))
    bars.valueAxis.labels.fontName = fonts.REGULAR
    bars.valueAxis.labels.fontSize = LABEL_SIZE
    bars.valueAxis.labelTextFormat = lambda v: axis_label(v, chart.value_kind)
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    bars.barSpacing = 1
    bars.groupSpacing = 8
    for i in range(len(chart.series)):
        bars.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        bars.bars[i].strokeColor = None
    drawing.add(bars)
    if chart.target is not None:
        top = bars.valueAxis.valueMax
        y = bars.y + bars.height * (chart.target / top)
        drawing.add(
            Line(
                bars.x,
                y,
                bars.x + bars.width,
                y,
                strokeColor=TARGET_COLOUR,
                strokeWidth=1,
                strokeDashArray=(4, 2),
            )
        )
        drawing.add(
            String(
                bars.x + bars.width,
                y + 3,
                nfc(chart.target_label),
                fontName=fonts.ITALIC,
                fontSize=LABEL_SIZE,
                fillColor=TARGET_COLOUR,
                textAnchor="end",
            )
        )
    if len(chart.series) > 1 or chart.target is not None:
        drawing.add(_legend(chart, bars.x, height + 22))
    return drawing


def hbar_drawing(chart: Chart, width: float) -> Drawing:
    rows = max(len(chart.categories), 1)
    per_row = 13.0 * max(len(chart.series), 1)
    plot_height = rows * (per_row + 4)
    label_width = 130.0
    top_space = 22.0 if len(chart.series) > 1 else 6.0
    drawing = Drawing(width, plot_height + 30 + top_space)
    bars = HorizontalBarChart()
    bars.x, bars.y = label_width, 22
    bars.width, bars.height = width - label_width - 20, plot_height
    # The first category at the top, as a ranking reads.
    bars.data = [list(reversed(list(s.values))) for s in chart.series]
    bars.categoryAxis.categoryNames = [_short(c, 26) for c in reversed(list(chart.categories))]
    bars.categoryAxis.labels.fontName = fonts.REGULAR
    bars.categoryAxis.labels.fontSize = LABEL_SIZE
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax, bars.valueAxis.valueStep = nice_scale(_max_value(chart))
    bars.valueAxis.labels.fontName = fonts.REGULAR
    bars.valueAxis.labels.fontSize = LABEL_SIZE
    bars.valueAxis.labelTextFormat = lambda v: axis_label(v, chart.value_kind)
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    bars.barLabelFormat = lambda v: bar_label(v, chart.value_kind)
    bars.barLabels.fontName = fonts.REGULAR
    bars.barLabels.fontSize = LABEL_SIZE - 1
    bars.barLabels.boxAnchor = "w"
    bars.barLabels.dx = 3
    for i in range(len(chart.series)):
        bars.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        bars.bars[i].strokeColor = None
    drawing.add(bars)
    if len(chart.series) > 1:
        drawing.add(_legend(chart, bars.x, plot_height + 22 + top_space))
    return drawing


def pie_drawing(chart: Chart, width: float) -> Drawing:
    height = 190.0
    drawing = Drawing(width, height)
    values = list(chart.series[0].values) if chart.series else []
    total = sum(values)
    pie = Pie()
    pie.x, pie.y = 30, 15
    pie.width = pie.height = height - 30
    pie.data = values if total else [1]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.8
    for i in range(len(pie.data)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)] if total else colors.lightgrey
    drawing.add(pie)
    legend = Legend()
    legend.x, legend.y = pie.x + pie.width + 30, height - 20
    legend.fontName = fonts.REGULAR
    legend.fontSize = LABEL_SIZE + 1
    legend.alignment = "right"
    legend.columnMaximum = 10
    legend.dy = legend.dx = 8
    legend.colorNamePairs = [
        (
            PALETTE[i % len(PALETTE)],
            f"{_short(name, 34)}: {format_percent(value / total if total else None, 1)}",
        )
        for i, (name, value) in enumerate(zip(chart.categories, values, strict=False))
    ]
    drawing.add(legend)
    return drawing


def chart_drawing(chart: Chart, width: float) -> Drawing:
    if chart.kind is ChartKind.PIE:
        drawing = pie_drawing(chart, width)
    elif chart.kind is ChartKind.HBAR:
        drawing = hbar_drawing(chart, width)
    else:
        drawing = bar_drawing(chart, width)
    # Drawings start in Helvetica, which would sit unembedded in the PDF's font list.
    drawing.initialFontName = fonts.REGULAR
    drawing.initialFontSize = LABEL_SIZE
    return drawing
