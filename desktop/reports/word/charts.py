"""Charts in the Word draft as Word's own charts (DrawingML), drawn by Word from the figures
they carry, the way the PDF draws them (:mod:`desktop.reports.pdf.charts`): the same kinds
(bars, horizontal bars with the first category at the top, pies with each share), the same
colours, the same value axis (from 0 to the PDF's round top, in the PDF's steps), the 20 %
target as a dashed red line. Each chart carries its figures as a small embedded workbook, so
that Word's "Edit Data" opens them; the document also holds the figures as the chart's cache,
which is what Word and LibreOffice draw.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from lxml import etree
from lxml.builder import ElementMaker

from desktop.reports.model import Chart, ChartKind
from desktop.reports.pdf.charts import PALETTE, _max_value, nice_scale
from desktop.reports.word.ooxml import FONT, LANGUAGE
from desktop.reports.xlsx_sheet import clean_text
from desktop.reports.xlsx_table import CellKind

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
CHART_URI = C_NS
c = ElementMaker(namespace=C_NS, nsmap={"c": C_NS, "a": A_NS, "r": R_NS})
a = ElementMaker(namespace=A_NS)
EMU_PER_POINT = 12_700
TARGET_COLOUR = "C62828"
GRID_COLOUR = "DDDDDD"
LABEL_SIZE = 9
SHEET = "Sheet1"
#: Identifiers of the two axes each bar chart has (any two numbers will do).
CAT_AXIS, VALUE_AXIS = 500_100_001, 500_100_002


def _hex(colour: Any) -> str:
    return str(colour.hexval())[2:].upper()


def colour(index: int) -> str:
    return _hex(PALETTE[index % len(PALETTE)])


def _val(tag: Any, value: object) -> Any:
    return tag(val=str(value))


def _column(index: int) -> str:
    """1 → B, 2 → C, …: the workbook column of the ``index``-th series (A holds names)."""
    letters = ""
    number = index + 1
    while number >= 0:
        letters = chr(ord("A") + number % 26) + letters
        number = number // 26 - 1
    return letters


def _number(value: float) -> str:
    return repr(float(value)) if math.isfinite(value) else "0"


class ChartPart(Part):
    """The chart's XML part; its XML is made once its workbook's relationship exists."""

    def __init__(self, partname: PackURI, package: Any) -> None:
        super().__init__(partname, CT.DML_CHART, None, package)
        self.element: Any = None

    @property
    def blob(self) -> bytes:
        return bytes(
            etree.tostring(self.element, xml_declaration=True, encoding="UTF-8", standalone=True)
        )


class WordCharts:
    """Adds charts to one document: the chart parts, their workbooks and the drawings."""

    def __init__(self, doc: Any, width: float) -> None:
        self.doc = doc
        self.width = width
        self.count = 0

    def add(self, paragraph: Any, chart: Chart, number: int) -> None:
        """Put ``chart`` into ``paragraph`` (the PDF's chart number ``number``)."""
        self.count += 1
        package = self.doc.part.package
        part = ChartPart(PackURI(f"/word/charts/chart{self.count}.xml"), package)
        workbook = Part(
            PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{self.count}.xlsx"),
            CT.SML_SHEET,
            chart_workbook(chart),
            package,
        )
        data_id = part.relate_to(workbook, RT.PACKAGE)
        part.element = chart_space(chart, data_id)
        chart_id = self.doc.part.relate_to(part, RT.CHART)
        height = chart_height(chart)
        run = paragraph.add_run()
        run._r.append(
            _inline(chart_id, self.doc.part.next_id, number, self.width, height, chart.title)
        )


def chart_height(chart: Chart) -> float:
    """Points: as tall as the PDF draws it, with room for Word's axis labels."""
    if chart.kind is ChartKind.PIE:
        return 200.0
    if chart.kind is ChartKind.HBAR:
        rows = max(len(chart.categories), 1)
        per_row = 13.0 * max(len(chart.series), 1)
        legend = 22.0 if len(chart.series) > 1 else 6.0
        return rows * (per_row + 4) + 50 + legend
    return 230.0


def _inline(
    chart_id: str, shape_id: int, number: int, width: float, height: float, title: str
) -> Any:
    name = clean_text(f"Biểu đồ {number}: {title}").replace("\n", " ")
    xml = (
        f'<w:drawing xmlns:w="{W_NS}" xmlns:wp="{WP_NS}" '
        f'xmlns:a="{A_NS}" xmlns:c="{C_NS}" xmlns:r="{R_NS}">'
        '<wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{round(width * EMU_PER_POINT)}" cy="{round(height * EMU_PER_POINT)}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="Chart {number}"/>'
        "<wp:cNvGraphicFramePr/>"
        f'<a:graphic><a:graphicData uri="{CHART_URI}">'
        f'<c:chart r:id="{chart_id}"/>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing>"
    )
    drawing = parse_xml(xml)
    drawing.find(f".//{{{WP_NS}}}docPr").set("descr", name)  # what a screen reader says
    return drawing


# -- the chart's XML ---------------------------------------------------------------------------


def _text_properties(size: float = LABEL_SIZE) -> Any:
    return c.txPr(
        a.bodyPr(),
        a.lstStyle(),
        a.p(
            a.pPr(
                a.defRPr(
                    a.latin(typeface=FONT),
                    a.ea(typeface=FONT),
                    a.cs(typeface=FONT),
                    sz=str(round(size * 100)),
                )
            ),
            a.endParaRPr(lang=LANGUAGE),
        ),
    )


def _fill(hex_colour: str) -> Any:
    return c.spPr(a.solidFill(a.srgbClr(val=hex_colour)))


def _strings(ref: str, values: list[str]) -> Any:
    return c.strRef(
        c.f(ref),
        c.strCache(
            _val(c.ptCount, len(values)),
            *(c.pt(c.v(value), idx=str(i)) for i, value in enumerate(values)),
        ),
    )


def _numbers(ref: str, values: list[float], format_code: str) -> Any:
    return c.numRef(
        c.f(ref),
        c.numCache(
            c.formatCode(format_code),
            _val(c.ptCount, len(values)),
            *(c.pt(c.v(_number(value)), idx=str(i)) for i, value in enumerate(values)),
        ),
    )


def _labels(format_code: str, *, percent: bool = False, position: str | None = None) -> Any:
    parts: list[Any] = [c.numFmt(formatCode=format_code, sourceLinked="0")]
    parts.append(c.spPr(a.noFill(), a.ln(a.noFill())))
    parts.append(_text_properties(LABEL_SIZE - 0.5))
    if position:
        parts.append(_val(c.dLblPos, position))
    parts += [
        _val(c.showLegendKey, 0),
        _val(c.showVal, 0 if percent else 1),
        _val(c.showCatName, 0),
        _val(c.showSerName, 0),
        _val(c.showPercent, 1 if percent else 0),
        _val(c.showBubbleSize, 0),
    ]
    if percent:
        parts.append(_val(c.showLeaderLines, 1))
    return c.dLbls(*parts)


def value_format(chart: Chart, step: float) -> str:
    """The value axis's format, as the PDF labels it (``axis_label``): whole percents or
    one decimal; whole numbers unless the step is a fraction below 100."""
    if chart.value_kind is CellKind.PERCENT:
        return "0%" if abs(step * 100 - round(step * 100)) < 1e-9 else "0.0%"
    return "#,##0" if abs(step - round(step)) < 1e-9 or step >= 100 else "#,##0.0"


def label_format(chart: Chart) -> str:
    """Bar labels as the PDF prints them (``bar_label``)."""
    if chart.value_kind is CellKind.PERCENT:
        return "0.0%"
    values = [v for s in chart.series for v in s.values]
    whole = all(abs(v) >= 100 or abs(v - round(v)) < 1e-9 for v in values)
    return "#,##0" if whole else "#,##0.0"


def _series(
    chart: Chart, categories: list[str], format_code: str, labels: Callable[[], Any] | None
) -> list[Any]:
    rows = len(categories)
    found = []
    for index, series in enumerate(chart.series):
        column = _column(index)
        parts: list[Any] = [
            _val(c.idx, index),
            _val(c.order, index),
            c.tx(_strings(f"{SHEET}!${column}$1", [clean_text(series.name)])),
        ]
        if chart.kind is ChartKind.PIE:
            parts.append(_val(c.explosion, 0))
            for point in range(rows):
                spr = c.spPr(
                    a.solidFill(a.srgbClr(val=colour(point))),
                    a.ln(a.solidFill(a.srgbClr(val="FFFFFF")), w="12700"),
                )
                parts.append(c.dPt(_val(c.idx, point), _val(c.bubble3D, 0), spr))
        else:
            parts.append(_fill(colour(index)))
            parts.append(_val(c.invertIfNegative, 0))
        if labels is not None:
            parts.append(labels())
        parts.append(c.cat(_strings(f"{SHEET}!$A$2:$A${rows + 1}", categories)))
        values = [float(v) for v in series.values]
        parts.append(
            c.val(_numbers(f"{SHEET}!${column}$2:${column}${rows + 1}", values, format_code))
        )
        found.append(c.ser(*parts))
    return found


def _target(chart: Chart, categories: list[str], format_code: str) -> Any:
    """The target as a dashed red line across the bars (a line series of one value)."""
    assert chart.target is not None
    rows, index = len(categories), len(chart.series)
    column = _column(index)
    line = c.spPr(
        a.ln(a.solidFill(a.srgbClr(val=TARGET_COLOUR)), a.prstDash(val="dash"), w="19050")
    )
    series = c.ser(
        _val(c.idx, index),
        _val(c.order, index),
        c.tx(_strings(f"{SHEET}!${column}$1", [clean_text(chart.target_label)])),
        line,
        c.marker(_val(c.symbol, "none")),
        c.cat(_strings(f"{SHEET}!$A$2:$A${rows + 1}", categories)),
        c.val(
            _numbers(
                f"{SHEET}!${column}$2:${column}${rows + 1}",
                [float(chart.target)] * rows,
                format_code,
            )
        ),
        _val(c.smooth, 0),
    )
    return c.lineChart(
        _val(c.grouping, "standard"),
        _val(c.varyColors, 0),
        series,
        _val(c.marker, 1),
        _val(c.axId, CAT_AXIS),
        _val(c.axId, VALUE_AXIS),
    )


def _axes(chart: Chart, top: float, step: float, format_code: str) -> list[Any]:
    horizontal = chart.kind is ChartKind.HBAR
    grid = c.majorGridlines(c.spPr(a.ln(a.solidFill(a.srgbClr(val=GRID_COLOUR)), w="6350")))
    axis_line = c.spPr(a.ln(a.solidFill(a.srgbClr(val="808080")), w="6350"))
    category = c.catAx(
        _val(c.axId, CAT_AXIS),
        # A ranking reads from the top: the first category there, as in the PDF.
        c.scaling(_val(c.orientation, "maxMin" if horizontal else "minMax")),
        _val(c.delete, 0),
        _val(c.axPos, "l" if horizontal else "b"),
        c.numFmt(formatCode="General", sourceLinked="0"),
        _val(c.majorTickMark, "none"),
        _val(c.minorTickMark, "none"),
        _val(c.tickLblPos, "nextTo"),
        axis_line,
        _text_properties(),
        _val(c.crossAx, VALUE_AXIS),
        _val(c.crosses, "autoZero"),
        _val(c.auto, 1),
        _val(c.lblAlgn, "ctr"),
        _val(c.lblOffset, 100),
        _val(c.noMultiLvlLbl, 0),
    )
    value = c.valAx(
        _val(c.axId, VALUE_AXIS),
        c.scaling(
            _val(c.orientation, "minMax"),
            _val(c.max, _number(top)),
            _val(c.min, 0),
        ),
        _val(c.delete, 0),
        _val(c.axPos, "b" if horizontal else "l"),
        grid,
        c.numFmt(formatCode=format_code, sourceLinked="0"),
        _val(c.majorTickMark, "none"),
        _val(c.minorTickMark, "none"),
        _val(c.tickLblPos, "nextTo"),
        c.spPr(a.ln(a.noFill())),
        _text_properties(),
        _val(c.crossAx, CAT_AXIS),
        # With the categories from the top, the value axis stays at the bottom.
        _val(c.crosses, "max" if horizontal else "autoZero"),
        _val(c.crossBetween, "between"),
        _val(c.majorUnit, _number(step)),
    )
    return [category, value]


def chart_space(chart: Chart, data_id: str) -> Any:
    """The chart part's XML (``c:chartSpace``), its workbook related as ``data_id``."""
    categories = [clean_text(name) for name in chart.categories]
    top, step = nice_scale(_max_value(chart))
    axis_format = value_format(chart, step)
    cell_format = "0.00%" if chart.value_kind is CellKind.PERCENT else "General"
    plot: list[Any] = [c.layout()]
    legend_at: str | None = None
    if chart.kind is ChartKind.PIE:
        plot.append(
            c.pieChart(
                _val(c.varyColors, 1),
                *_series(chart, categories, cell_format, lambda: _labels("0.0%", percent=True)),
                _val(c.firstSliceAng, 0),
            )
        )
        legend_at = "r"
    else:
        horizontal = chart.kind is ChartKind.HBAR
        shown = label_format(chart)
        labels = (lambda: _labels(shown, position="outEnd")) if horizontal else None
        plot.append(
            c.barChart(
                _val(c.barDir, "bar" if horizontal else "col"),
                _val(c.grouping, "clustered"),
                _val(c.varyColors, 0),
                *_series(chart, categories, cell_format, labels),
                _val(c.gapWidth, 60),
                _val(c.axId, CAT_AXIS),
                _val(c.axId, VALUE_AXIS),
            )
        )
        if chart.target is not None and not horizontal:
            plot.append(_target(chart, categories, cell_format))
        plot += _axes(chart, top, step, axis_format)
        if len(chart.series) > 1 or (chart.target is not None and not horizontal):
            legend_at = "t"
    parts: list[Any] = [_val(c.autoTitleDeleted, 1), c.plotArea(*plot)]
    if legend_at:
        parts.append(c.legend(_val(c.legendPos, legend_at), _val(c.overlay, 0)))
    parts += [_val(c.plotVisOnly, 1), _val(c.dispBlanksAs, "gap")]
    space = c.chartSpace(
        _val(c.date1904, 0),
        _val(c.lang, LANGUAGE),
        _val(c.roundedCorners, 0),
        c.chart(*parts),
        c.spPr(a.noFill(), a.ln(a.noFill())),
        _text_properties(),
        c.externalData(_val(c.autoUpdate, 0)),
    )
    space.find(f"{{{C_NS}}}externalData").set(f"{{{R_NS}}}id", data_id)
    return space


def chart_workbook(chart: Chart) -> bytes:
    """The chart's figures as the workbook Word's "Edit Data" opens: categories in column
    A, one column per series (and the target), names in row 1 — written, like every
    workbook, by the sheet writer."""
    from openpyxl import Workbook

    from desktop.reports.xlsx_table import SheetColumn, add_table_sheet

    kind = chart.value_kind if chart.value_kind is not CellKind.TEXT else CellKind.NUMBER
    names = [s.name for s in chart.series]
    columns = [list(s.values) for s in chart.series]
    if chart.target is not None and chart.kind is ChartKind.BAR:
        names.append(chart.target_label)
        columns.append([chart.target] * len(chart.categories))
    rows = [
        [category, *(float(values[i]) for values in columns)]
        for i, category in enumerate(chart.categories)
    ]
    workbook = Workbook()
    workbook.remove(workbook.active)
    add_table_sheet(
        workbook,
        SHEET,
        [SheetColumn(""), *(SheetColumn(name, kind) for name in names)],
        rows,
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
