"""Reading a Word draft back for tests (python-docx and the package's XML), and the checks
every report's ``.docx`` must pass: the same figures as its PDF, Word tables holding the
model's cells as the PDF prints them, header rows that repeat, the page set up like the
PDF's (A4, Decree 30 margins, page numbers at the top from page 2), Times New Roman."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from collections import Counter
from dataclasses import replace
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from desktop.reports.model import Block, Chart, Paragraph, Report, Section
from desktop.reports.pdf import render_pdf
from desktop.reports.pdf.render import format_cell
from desktop.reports.pdf.styles import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP
from desktop.reports.xlsx_sheet import clean_text
from desktop.reports.xlsx_table import CellKind

FONT = "Times New Roman"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
#: A number as documents print it (as in tests.report_support): 1.234.567, 2,68 %, 60.
_VALUE = re.compile(
    r"(?<![\w/.,])(–|-?\d{1,3}(?:\.\d{3})+|-?\d+,\d+ %|-?\d+ %|-?\d+)(?![\w/.,%]|,\d)"
)


def numbers(text: str) -> Counter[str]:
    """Every printed number in ``text``, counted (white space made single first, so that a
    ratio wrapped in a narrow column still reads "2,68 %")."""
    return Counter(_VALUE.findall(" ".join(text.split())))


def body_items(doc: DocxDocument) -> list[DocxParagraph | DocxTable]:
    return list(doc.iter_inner_content())


def table_cells(table: DocxTable) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def word_text(doc: DocxDocument) -> str:
    """The body's text in reading order: paragraphs, and every table cell row by row."""
    parts: list[str] = []
    for item in body_items(doc):
        if isinstance(item, DocxParagraph):
            parts.append(item.text)
        else:
            parts.extend(" ".join(row) for row in table_cells(item))
    return "\n".join(parts)


def alignment(paragraph: DocxParagraph) -> object:
    """The paragraph's alignment, its own or its style's (or the style's base's)."""
    if paragraph.alignment is not None:
        return paragraph.alignment
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.alignment is not None:
            return style.paragraph_format.alignment
        style = style.base_style
    return None


def keeps_with_next(paragraph: DocxParagraph) -> bool:
    """Whether Word keeps the paragraph on the page of the next one (itself or its style)."""
    if paragraph.paragraph_format.keep_with_next is not None:
        return bool(paragraph.paragraph_format.keep_with_next)
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.keep_with_next is not None:
            return bool(style.paragraph_format.keep_with_next)
        style = style.base_style
    return False


def is_header_row(row: object) -> bool:
    tr = row._tr  # type: ignore[attr-defined]
    flags = tr.xpath("./w:trPr/w:tblHeader")
    return bool(flags) and flags[0].get(qn("w:val")) in (None, "1", "true", "on")


def borders(table: DocxTable) -> dict[str, str]:
    """The table's own borders: side → style (``single``, ``nil``)."""
    found = table._tbl.xpath("./w:tblPr/w:tblBorders/*")
    return {etree.QName(b).localname: b.get(qn("w:val")) for b in found}


def charts_in_pdf_order(report: Report) -> list[Chart]:
    return [b for b in report.blocks() if isinstance(b, Chart) and b.categories and b.series]


def without_charts(report: Report) -> Report:
    """The report with each chart replaced by its caption: its PDF prints the document's
    figures without the chart's axis and bar labels."""
    count = 0

    def block(b: Block) -> list[Block]:
        nonlocal count
        if not isinstance(b, Chart):
            return [b]
        if not (b.categories and b.series):
            return []
        count += 1
        return [Paragraph(f"Biểu đồ {count}: {b.title}")]

    def section(s: Section) -> Section:
        blocks = [out for b in s.blocks for out in block(b)]
        return replace(s, blocks=blocks, subsections=[section(sub) for sub in s.subsections])

    return replace(
        report,
        sections=[section(s) for s in report.sections],
        appendices=[section(s) for s in report.appendices],
    )


def pdf_numbers(report: Report, folder: Path, stem: str = "report") -> Counter[str]:
    """The numbers of the report's PDF (charts left out), its page numbers left out."""
    path = folder / f"{stem}-without-charts.pdf"
    path.write_bytes(render_pdf(without_charts(report)))
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True)
    pages = done.stdout.split("\f")
    kept: list[str] = []
    for number, page in enumerate(pages, start=1):
        lines = page.strip("\n").splitlines()
        if number > 1 and lines and lines[0].strip() == str(number):
            lines = lines[1:]
        kept.append("\n".join(lines))
    return numbers("\n".join(kept))


def _mm(length: int | None) -> float:
    assert length is not None
    return Emu(length).mm


def chart_data(doc: DocxDocument) -> list[tuple[list[str], list[list[float]]]]:
    """Each chart of the document: its categories and each series' values (cached)."""
    found = []
    parts = [p for p in doc.part.package.iter_parts() if p.content_type == CHART_TYPE]
    for part in sorted(parts, key=lambda p: int(re.sub(r"\D", "", str(p.partname)) or 0)):
        root = etree.fromstring(part.blob)
        ns = {"c": C}
        series = root.xpath("//c:barChart/c:ser | //c:pieChart/c:ser", namespaces=ns)
        categories = [v.text for v in series[0].xpath("./c:cat//c:pt/c:v", namespaces=ns)]
        values = [
            [float(v.text) for v in s.xpath("./c:val//c:pt/c:v", namespaces=ns)] for s in series
        ]
        found.append((categories, values))
    return found


def check_page_setup(doc: DocxDocument) -> None:
    """A4 portrait, the PDF's margins, page numbers centred at the top from page 2."""
    for section in doc.sections:
        assert round(_mm(section.page_width)) == 210 and round(_mm(section.page_height)) == 297
        for got, want in (
            (section.top_margin, MARGIN_TOP),
            (section.bottom_margin, MARGIN_BOTTOM),
            (section.left_margin, MARGIN_LEFT),
            (section.right_margin, MARGIN_RIGHT),
        ):
            assert abs(_mm(got) - want / 72 * 25.4) < 0.1, (got, want)
        assert section.different_first_page_header_footer
        header = section.header._element
        instructions = " ".join(t.text for t in header.iter(qn("w:instrText")))
        assert "PAGE" in instructions.split(), "a PAGE field in the header"
        assert alignment(section.header.paragraphs[0]) == WD_ALIGN_PARAGRAPH.CENTER
        first = section.first_page_header
        assert not first.is_linked_to_previous
        assert not "".join(p.text for p in first.paragraphs).strip()
        assert not list(first._element.iter(qn("w:instrText"))), "no number on page 1"


def check_fonts(doc: DocxDocument) -> None:
    """Times New Roman everywhere, 13 pt body text, Vietnamese as the language."""
    styles = doc.styles.element
    default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = default.find(qn("w:rFonts"))
    for side in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert fonts.get(qn(f"w:{side}")) == FONT, side
        assert not [k for k in fonts.attrib if k.lower().endswith("theme")], fonts.attrib
    assert default.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    normal = doc.styles["Normal"]
    assert normal.font.name == FONT and normal.font.size.pt == 13
    for element in (doc.element, styles):
        for r_fonts in element.iter(qn("w:rFonts")):
            themes = [k for k in r_fonts.attrib if k.lower().endswith("theme")]
            names = {v for k, v in r_fonts.attrib.items() if k not in themes}
            assert names <= {FONT}, names
            assert not themes, r_fonts.attrib
    for size in doc.element.xpath("//w:r/w:rPr/w:sz/@w:val"):
        assert 8 <= int(size) / 2 <= 14, f"text of {int(size) / 2} pt"


def check_tables(doc: DocxDocument, report: Report) -> None:
    """Each table of the model is a Word table after its caption: the header row marked to
    repeat on every page, borders, the cells as the PDF prints them, numbers right-aligned,
    the table as wide as the text."""
    data = [t for t in report.tables() if t.rows or t.totals]
    appendix_tables = [
        t
        for t in dataclasses.replace(report, sections=(), preamble=()).tables()
        if t.rows or t.totals
    ]
    items = body_items(doc)
    words = [item for item in items if isinstance(item, DocxTable)]
    # The head, the body's tables, the signature, then the appendices' tables after it.
    after = len(words) - len(appendix_tables)
    head, foot = words[0], words[after - 1]
    middle = [*words[1 : after - 1], *words[after:]]
    assert len(middle) == len(data), (len(middle), len(data))
    for table, word in zip(data, middle, strict=True):
        rows = table_cells(word)
        assert rows[0] == [clean_text(c.title) for c in table.columns], table.title
        assert is_header_row(word.rows[0]), f"{table.title}: the header row does not repeat"
        assert not any(is_header_row(row) for row in word.rows[1:])
        assert set(borders(word).values()) == {"single"}, borders(word)
        want = [
            [clean_text(format_cell(v, c.kind)) for v, c in zip(row, table.columns, strict=True)]
            for row in (*table.rows, *table.totals)
        ]
        assert rows[1:] == want, table.title
        first = word.rows[1].cells
        for column, cell in zip(table.columns, first, strict=True):
            aligned = alignment(cell.paragraphs[0])
            if column.kind is CellKind.TEXT:
                assert aligned in (None, WD_ALIGN_PARAGRAPH.LEFT), column.title
            elif column.kind is CellKind.DATE:
                assert aligned == WD_ALIGN_PARAGRAPH.CENTER, column.title
            else:
                assert aligned == WD_ALIGN_PARAGRAPH.RIGHT, column.title
        widths = [int(w) for w in word._tbl.xpath("./w:tblGrid/w:gridCol/@w:w")]
        text_width = (210 - (MARGIN_LEFT + MARGIN_RIGHT) / 72 * 25.4) / 25.4 * 1440
        assert abs(sum(widths) - text_width) < len(widths) + 2, (sum(widths), text_width)
        if table.totals:
            last = [run for cell in word.rows[-1].cells for run in cell.paragraphs[0].runs]
            assert last and all(run.bold for run in last), "totals in bold"
        if table.title:  # an appendix's only table is titled by the appendix's heading
            caption = items[items.index(word) - 1 - (1 if table.note else 0)]
            assert isinstance(caption, DocxParagraph) and caption.text == clean_text(table.title)
            assert keeps_with_next(caption)
    for side in (head, foot):
        assert set(borders(side).values()) == {"nil"}, "the head and the signature are borderless"


def check_charts(doc: DocxDocument, report: Report) -> None:
    """Each chart the PDF draws is a Word chart holding the same categories and values,
    with the PDF's caption."""
    charts = charts_in_pdf_order(report)
    found = chart_data(doc)
    assert len(found) == len(charts)
    for number, (chart, (categories, values)) in enumerate(zip(charts, found, strict=True), 1):
        assert categories == [clean_text(c) for c in chart.categories], chart.title
        for series, got in zip(chart.series, values, strict=True):
            assert got == [float(v) for v in series.values], chart.title
        assert f"Biểu đồ {number}: {clean_text(chart.title)}" in word_text(doc)


def check_word_draft(report: Report, path: Path, *, against_pdf: bool = True) -> None:
    """What every report's Word draft must be (see the module's docstring); with
    ``against_pdf``, every figure of the PDF, and no other, is in the draft."""
    doc = Document(str(path))
    check_page_setup(doc)
    check_fonts(doc)
    check_tables(doc, report)
    check_charts(doc, report)
    if not against_pdf:
        return
    word, pdf = numbers(word_text(doc)), pdf_numbers(report, path.parent, path.stem)
    assert not word - pdf, f"figures in the Word draft that the PDF lacks: {word - pdf}"
    # The PDF prints a long table's header row again on every page; Word repeats it when it
    # lays the pages out, so the file holds it once.
    headers = numbers(" ".join(c.title for t in report.tables() for c in t.columns))
    assert set(pdf - word) <= set(headers), f"figures the Word draft lacks: {pdf - word}"


def open_docx(path: Path) -> DocxDocument:
    return Document(str(path))
