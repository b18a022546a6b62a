"""A :class:`~desktop.reports.model.Report` as a Word draft (.docx) laid out like its PDF, for
the office to finish in Word before signing.

It follows the PDF renderer's decisions (:mod:`desktop.reports.pdf.render`) in Word's own
terms, the way Vietnamese offices make such documents in Word: the head is a borderless
two-column table — the issuing body over a short rule on the left, the national motto over a
rule as long as "Độc lập - Tự do - Hạnh phúc" on the right, then the number and symbol and
the italic place-and-date line; the document kind and its summary centred in bold; the body
justified with its first line indented (the Normal style, so that text the clerk types looks
the same); sections as Heading 1 and Heading 2 (Word's navigation pane lists them); tables
as Word tables ruled all round, their header row marked to repeat on every page, numbers
right-aligned, as wide as the text; charts as Word charts (:mod:`desktop.reports.word.charts`);
at the end "Nơi nhận:" left and the signature block right, in a borderless table that does
not break across pages. A4, the PDF's margins (Decree 30/2020: top and bottom 20 mm, left
30 mm, right 15 mm), Times New Roman named for every script, page numbers centred at the top
from page 2. Every text is cleaned like a workbook cell's (NFC, no control characters), and
every cell reads exactly as the PDF prints it.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.core.formatting import official_date
from desktop.core.issuers import DocumentForm
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.userfiles import write_atomically
from desktop.reports.letterhead import PARTY, STAR, left_head, recipient_lines, right_head
from desktop.reports.model import Block, Chart, Paragraph, Report, Section, Signatures, Table
from desktop.reports.pdf import fonts
from desktop.reports.pdf.render import WIDE_TABLE, format_cell
from desktop.reports.pdf.styles import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    TABLE_SIZE,
    TABLE_SIZE_WIDE,
)
from desktop.reports.word import ooxml
from desktop.reports.word.charts import WordCharts
from desktop.reports.xlsx_sheet import clean_text
from desktop.reports.xlsx_table import CellKind

BODY_SIZE = 13
#: The space the PDF leaves between lines of body text (its leading), as Word's "at least".
BODY_LEADING = 17
#: Room around the text of a table's cells, in twips (above and below, left and right): the
#: PDF's 2–3 pt.
CELL_PADDING = (40, 60)
HEADER_GREY = "E8E8E8"
TOTAL_GREY = "F3F3F3"
#: Share of the text width the head's left column takes (the PDF's).
HEAD_LEFT = 0.42
#: Between the signer's title and name: room for the signature and the seal.
SIGNATURE_SPACE = Mm(22)
#: Paragraph and character styles this renderer adds (id, name shown in Word).
TABLE_STYLE = ("TDCSTable", "Chữ trong bảng")
TABLE_STYLE_WIDE = ("TDCSTableWide", "Chữ trong bảng rộng")
HEAD_STYLE = ("TDCSHead", "Đầu văn bản")
CAPTION_STYLE = ("TDCSCaption", "Tên bảng")
NOTE_STYLE = ("TDCSUnitNote", "Đơn vị tính")
CHART_CAPTION_STYLE = ("TDCSChartCaption", "Tên biểu đồ")
EMPTY_STYLE = ("TDCSEmpty", "Không có số liệu")

_ALIGN = {CellKind.DATE: "center", CellKind.TEXT: None}


def text(value: str) -> str:
    """Text as the document holds it: NFC, no control characters (see ``clean_text``)."""
    return clean_text(value)


def _twips(points: float) -> int:
    return ooxml.twips(points)


class WordRenderer:
    def __init__(self, report: Report, progress: Progress = NO_PROGRESS) -> None:
        self.report = report
        self.progress = progress
        self.doc: Any = Document()
        self.charts = WordCharts(self.doc, FRAME_WIDTH)
        self._chart_no = 0
        fonts.register_fonts()  # text widths (rules) are measured with the PDF's metrics

    # -- the page and the styles -----------------------------------------------------------
    def set_up(self) -> None:
        doc = self.doc
        body = doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = Pt(MARGIN_TOP)
        section.bottom_margin = Pt(MARGIN_BOTTOM)
        section.left_margin = Pt(MARGIN_LEFT)
        section.right_margin = Pt(MARGIN_RIGHT)
        section.header_distance = section.footer_distance = Mm(10)
        section.gutter = 0
        # Decree 30: the page number centred at the top, none on the first page.
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        ooxml.page_field(header, BODY_SIZE)
        section.first_page_header.is_linked_to_previous = False
        self._styles()
        self._properties()

    def _styles(self) -> None:
        styles = self.doc.styles
        ooxml.set_document_font(styles.element, BODY_SIZE)
        normal = styles["Normal"]
        normal.font.name = ooxml.FONT
        normal.font.size = Pt(BODY_SIZE)
        fmt = normal.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = Mm(10)
        fmt.space_before, fmt.space_after = Pt(0), Pt(6)
        fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        fmt.line_spacing = Pt(BODY_LEADING)
        fmt.widow_control = True
        for name, before, after, indent in (
            ("Heading 1", 8, 6, 0),
            ("Heading 2", 4, 4, 10),
            ("Heading 3", 4, 4, 10),
        ):
            heading = styles[name]
            ooxml.clear_run_properties(heading)
            heading.base_style = normal
            heading.font.name = ooxml.FONT
            heading.font.size = Pt(BODY_SIZE)
            heading.font.bold = True
            heading.font.italic = False
            heading.font.color.rgb = RGBColor(0, 0, 0)
            hf = heading.paragraph_format
            hf.alignment = WD_ALIGN_PARAGRAPH.LEFT
            hf.first_line_indent = Mm(indent)
            hf.left_indent = Mm(0)
            hf.space_before, hf.space_after = Pt(before), Pt(after)
            hf.keep_with_next = True
        self._paragraph_style(TABLE_STYLE, TABLE_SIZE)
        self._paragraph_style(TABLE_STYLE_WIDE, TABLE_SIZE_WIDE)
        head = self._paragraph_style(HEAD_STYLE, BODY_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER)
        head.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        head.paragraph_format.line_spacing = Pt(BODY_SIZE * 1.25)  # the PDF's leading
        caption = self._paragraph_style(
            CAPTION_STYLE, 12, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, before=6
        )
        caption.paragraph_format.keep_with_next = True
        note = self._paragraph_style(
            NOTE_STYLE, 11, align=WD_ALIGN_PARAGRAPH.RIGHT, italic=True, after=2
        )
        note.paragraph_format.keep_with_next = True
        self._paragraph_style(
            CHART_CAPTION_STYLE, 11, align=WD_ALIGN_PARAGRAPH.CENTER, italic=True, after=8
        )
        self._paragraph_style(EMPTY_STYLE, 12, align=WD_ALIGN_PARAGRAPH.CENTER, italic=True)

    def _paragraph_style(
        self,
        ident: tuple[str, str],
        size: float,
        *,
        align: Any = WD_ALIGN_PARAGRAPH.LEFT,
        bold: bool = False,
        italic: bool = False,
        before: float = 0,
        after: float = 0,
    ) -> Any:
        style_id, name = ident
        style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), style_id)
        style.base_style = self.doc.styles["Normal"]
        style.quick_style = True
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.first_line_indent = Mm(0)
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        return style

    def _properties(self) -> None:
        report, lh = self.report, self.report.letterhead
        props = self.doc.core_properties
        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        props.title = text(f"{report.kind} {report.title}".replace("\n", " "))
        props.subject = text(report.title.replace("\n", " "))
        props.author = text(lh.issuing_body)
        props.last_modified_by = text(lh.issuing_body)
        props.comments = "TDCS"
        props.keywords = props.category = ""
        props.language = ooxml.LANGUAGE
        props.created = props.modified = now
        props.revision = 1
        settings = self.doc.settings.element
        zoom = settings.find(qn("w:zoom"))
        if zoom is not None:
            zoom.set(qn("w:percent"), "100")  # the schema requires it
        # Word 2013 and later lay the document out as they do their own (python-docx's
        # template would open in "Compatibility Mode", as a Word 2010 file).
        for setting in settings.iter(qn("w:compatSetting")):
            if setting.get(qn("w:name")) == "compatibilityMode":
                setting.set(qn("w:val"), "15")
        # What the template brings and a report does not need: a picture of a blank page
        # that Windows would show as the file's preview, a Word 2010 copy of the styles (with
        # the template's fonts) and an empty list of bibliography sources.
        unused = ("/thumbnail", "/stylesWithEffects", "/customXml")
        for rels in (self.doc.part.package.rels, self.doc.part.rels):
            for rel_id, rel in list(rels.items()):
                if rel.reltype.endswith(unused):
                    rels.pop(rel_id)

    # -- small pieces ------------------------------------------------------------------------
    def _para(
        self,
        container: Any,
        value: str,
        style: tuple[str, str] | str | None = None,
        *,
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
    ) -> Any:
        paragraph = container.add_paragraph(style=self._style(style))
        if value:
            run = paragraph.add_run(text(value))
            if bold:
                run.bold = True
            if italic:
                run.italic = True
            if size is not None:
                run.font.size = Pt(size)
        return paragraph

    def _style(self, style: tuple[str, str] | str | None) -> Any:
        if style is None:
            return None
        name = style[1] if isinstance(style, tuple) else style
        return self.doc.styles[name]

    def _rule(self, container: Any, length: float, width: float) -> None:
        """A centred line ``length`` points long in a space ``width`` points wide."""
        paragraph = container.add_paragraph(style=self._style(HEAD_STYLE))
        side = _twips(max(width - length, 0) / 2)
        ooxml.rule(paragraph._p, indent_left=side, indent_right=side)

    def _spacer(self, points: float) -> None:
        """Room ``points`` high that also keeps two tables from running into one."""
        paragraph = self.doc.add_paragraph(style=self._style(HEAD_STYLE))
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(points)
        fmt.space_before = fmt.space_after = Pt(0)
        mark = paragraph._p.get_or_add_pPr()
        ooxml.sub(ooxml.sub(mark, "w:rPr"), "w:sz", val=2)

    def _frame_table(self, widths: list[float]) -> Any:
        """A borderless table of ``widths`` (points) without cell margins: the head and the
        signature, laid out like the PDF's."""
        table = self.doc.add_table(rows=1, cols=len(widths))
        twips = [_twips(w) for w in widths]
        ooxml.table_properties(table._tbl, width=sum(twips), borders=False)
        ooxml.set_grid(table._tbl, twips)
        for cell, width in zip(table.rows[0].cells, twips, strict=True):
            ooxml.cell_width(cell._tc, width)
        return table

    @staticmethod
    def _drop_first_paragraph(*cells: Any) -> None:
        """Remove the empty paragraph a new cell starts with, once the cell has its own."""
        for cell in cells:
            first = cell.paragraphs[0]._p
            first.getparent().remove(first)

    # -- the head ----------------------------------------------------------------------------
    def head(self) -> None:
        """The issuing body and the motto (or "ĐẢNG CỘNG SẢN VIỆT NAM"), the number and the
        date, in the issuing body's form, laid out as the PDF lays them out."""
        lh = self.report.letterhead
        party = lh.form is DocumentForm.PARTY
        if lh.copy_note:
            self._para(self.doc, lh.copy_note, HEAD_STYLE, italic=True, size=11)
        left_width = FRAME_WIDTH * HEAD_LEFT
        right_width = FRAME_WIDTH - left_width
        table = self._frame_table([left_width, right_width])
        left, right = table.rows[0].cells
        widest = 0.0
        for line in left_head(lh):
            if line.text == STAR:
                self._para(left, STAR, HEAD_STYLE)
            elif line.bold:
                self._para(left, line.text, HEAD_STYLE, bold=True)
                widest = max(widest, stringWidth(text(line.text), fonts.BOLD, 13))
            else:
                self._para(left, line.text, HEAD_STYLE, size=12.5)
        if not party:
            self._rule(left, min(widest, left_width) * 0.4, left_width)
        date_line = official_date(lh.issued_on, text(lh.place))
        number, dated = table.add_row().cells
        for cell, width in zip((number, dated), (left_width, right_width), strict=True):
            ooxml.cell_width(cell._tc, _twips(width))
        if party:
            self._para(right, PARTY, HEAD_STYLE, bold=True, size=14)
            self._rule(right, stringWidth(PARTY, fonts.BOLD, 14), right_width)
            paragraph = self._para(right, date_line, HEAD_STYLE, italic=True)
            paragraph.paragraph_format.space_before = Pt(6)
            self._para(dated, "", HEAD_STYLE)
        else:
            motto, sub = right_head(lh)
            self._para(right, motto.text, HEAD_STYLE, bold=True, size=12)
            self._para(right, sub.text, HEAD_STYLE, bold=True)
            self._rule(right, stringWidth(sub.text, fonts.BOLD, 13), right_width)
            paragraph = self._para(dated, date_line, HEAD_STYLE, italic=True)
            paragraph.paragraph_format.space_before = Pt(4)
        paragraph = self._para(number, lh.number, HEAD_STYLE)
        paragraph.paragraph_format.space_before = Pt(0 if party else 4)
        self._drop_first_paragraph(left, right, number, dated)

        kind = self._para(self.doc, self.report.kind.upper(), HEAD_STYLE, bold=True, size=14)
        kind.paragraph_format.space_before = Pt(14)
        title = self._para(self.doc, self.report.title, HEAD_STYLE, bold=True, size=14)
        title.paragraph_format.keep_with_next = True
        title_width = max(
            stringWidth(line, fonts.BOLD, 14) for line in text(self.report.title).split("\n")
        )
        self._rule(self.doc, min(title_width, FRAME_WIDTH) * 0.3, FRAME_WIDTH)
        self._spacer(6)

    # -- the end -----------------------------------------------------------------------------
    def foot(self) -> None:
        """Recipients bottom left, the signer's title and name bottom right (none on a copy
        made from another office's data)."""
        lh = self.report.letterhead
        if not lh.signer_title and not lh.recipients:
            return  # a record signed by its parties (its body ends with their blocks)
        self._spacer(10)
        table = self._frame_table([FRAME_WIDTH * 0.5, FRAME_WIDTH * 0.5])
        ooxml.keep_row_whole(table.rows[0]._tr)
        left, right = table.rows[0].cells
        if lh.form is DocumentForm.PARTY:  # upright and underlined in a Party document
            heading = self._para(left, "", HEAD_STYLE)
            run = heading.add_run("Nơi nhận:")
            run.bold, run.underline, run.font.size = True, True, Pt(12)
        else:
            heading = self._para(left, "Nơi nhận:", HEAD_STYLE, bold=True, italic=True, size=12)
        heading.alignment = WD_ALIGN_PARAGRAPH.LEFT
        for line in recipient_lines(lh):
            paragraph = self._para(left, line, HEAD_STYLE, size=11)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        for line in lh.signer_title:
            self._para(right, line.upper(), HEAD_STYLE, bold=True)
        if lh.signer_title or lh.signer_name:
            name = self._para(right, lh.signer_name, HEAD_STYLE, bold=True)
            name.paragraph_format.space_before = SIGNATURE_SPACE
        else:
            self._para(right, "", HEAD_STYLE)
        self._drop_first_paragraph(left, right)
        self._spacer(1)  # Word ends a document with a paragraph

    # -- the body ----------------------------------------------------------------------------
    def paragraph(self, block: Paragraph) -> None:
        self._para(self.doc, block.text, bold=block.bold, italic=block.italic)

    def table(self, block: Table) -> None:
        if block.title:
            self._para(self.doc, block.title, CAPTION_STYLE)
        if block.note:
            self._para(self.doc, block.note, NOTE_STYLE)
        if not block.rows and not block.totals:
            self._para(self.doc, block.empty_text, EMPTY_STYLE)
            return
        wide = len(block.columns) > WIDE_TABLE
        style = (TABLE_STYLE_WIDE if wide else TABLE_STYLE)[0]
        total_weight = sum(c.weight for c in block.columns)
        widths = [_twips(FRAME_WIDTH * c.weight / total_weight) for c in block.columns]
        widths[-1] += _twips(FRAME_WIDTH) - sum(widths)  # rounding: exactly the text width
        table = self.doc.add_table(rows=0, cols=len(block.columns))
        tbl = table._tbl
        ooxml.table_properties(tbl, width=sum(widths), borders=True, padding=CELL_PADDING)
        ooxml.set_grid(tbl, widths)
        header = ooxml.sub(tbl, "w:tr")
        ooxml.repeat_as_header(header)
        for column, width in zip(block.columns, widths, strict=True):
            ooxml.add_cell(
                header,
                width,
                text(column.title),
                style=style,
                align="center",
                bold=True,
                fill=HEADER_GREY,
            )
        aligns = [_ALIGN.get(c.kind, "right") for c in block.columns]
        total = len(block.rows)
        for index, row in enumerate(block.rows):
            if index % 500 == 0:
                self.progress.report(index, total, block.title)
            tr = ooxml.sub(tbl, "w:tr")
            if block.min_row_height:  # room to write in by hand
                ooxml.min_row_height(tr, block.min_row_height)
            for value, column, width, align in zip(row, block.columns, widths, aligns, strict=True):
                ooxml.add_cell(
                    tr, width, text(format_cell(value, column.kind)), style=style, align=align
                )
        for row in block.totals:
            tr = ooxml.sub(tbl, "w:tr")
            for value, column, width, align in zip(row, block.columns, widths, aligns, strict=True):
                ooxml.add_cell(
                    tr,
                    width,
                    text(format_cell(value, column.kind)),
                    style=style,
                    align=align,
                    bold=True,
                    fill=TOTAL_GREY,
                )
        self._spacer(8)

    def chart(self, block: Chart) -> None:
        if not block.categories or not block.series:
            return
        self._chart_no += 1
        paragraph = self.doc.add_paragraph(style=self._style(HEAD_STYLE))
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_before = Pt(4)
        self.charts.add(paragraph, block, self._chart_no)
        self._para(self.doc, f"Biểu đồ {self._chart_no}: {block.title}", CHART_CAPTION_STYLE)

    def signatures(self, block: Signatures) -> None:
        """The parties' signature blocks side by side (up to five a row, else rows of three),
        the room to sign above each name, kept on one page with the sentence before them —
        as the PDF prints them."""
        if block.lead:
            lead = self._para(self.doc, block.lead)
            lead.paragraph_format.keep_with_next = True
        parties = list(block.parties)
        per_row = len(parties) if len(parties) <= 5 else 3
        table = self._frame_table([FRAME_WIDTH / per_row] * per_row)
        first = True
        for start in range(0, len(parties), per_row):
            group = parties[start : start + per_row]
            heads = table.rows[0].cells if first else table.add_row().cells
            names = table.add_row().cells
            for row in table.rows[-2:]:
                ooxml.keep_row_whole(row._tr)
            for index, party in enumerate(group):
                self._para(heads[index], party.title.upper(), HEAD_STYLE, bold=True, size=12)
                if party.note:
                    self._para(heads[index], party.note, HEAD_STYLE, italic=True, size=11)
                name = self._para(names[index], party.name, HEAD_STYLE, bold=True, size=12)
                name.paragraph_format.space_before = SIGNATURE_SPACE
            for cell in (*heads[len(group) :], *names[len(group) :]):
                self._para(cell, "", HEAD_STYLE)
            self._drop_first_paragraph(*heads, *names)
            first = False
        self._spacer(4)

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Signatures):
            self.signatures(block)
        elif isinstance(block, Chart):
            self.chart(block)
        else:
            raise TypeError(f"a report block the Word renderer does not know: {block!r}")

    def section(self, section: Section, depth: int) -> None:
        if section.heading:
            self._para(self.doc, section.heading, f"Heading {min(depth, 2) + 1}")
        for block in section.blocks:
            self.block(block)
        for sub in section.subsections:
            self.section(sub, depth + 1)

    def appendix(self, section: Section) -> None:
        """An appendix on a new page, as the PDF prints it: its heading centred in capitals
        ("PHỤ LỤC …"), the lines under it as they are, then its blocks."""
        head, *rest = section.heading.split("\n") if section.heading else [""]
        first = self._para(self.doc, head.upper(), HEAD_STYLE, bold=True, size=14)
        first.paragraph_format.page_break_before = True
        for line in rest:
            self._para(self.doc, line, HEAD_STYLE, italic=line.startswith("("), bold=True)
        self._spacer(6)
        for block in section.blocks:
            self.block(block)
        for sub in section.subsections:
            self.section(sub, 1)

    def document(self, report: Report) -> None:
        """One document: head, preamble, body, signature, appendices."""
        self.report = report
        self.head()
        for paragraph in report.preamble:
            self.paragraph(paragraph)
        for section in report.sections:
            self.section(section, 0)
        self.foot()
        for appendix in report.appendices:
            self.appendix(appendix)

    def next_document(self) -> None:
        """A new section for the next document in the same file (the record of the next
        check): a new page, numbered from 1, the first page without a number."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = True
        ooxml.restart_page_numbers(section._sectPr)

    def render(self) -> bytes:
        self.set_up()
        first = self.report
        self.document(first)
        for follower in first.followers:
            self.next_document()
            self.document(follower)
        self.report = first
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def render_docx(report: Report, progress: Progress = NO_PROGRESS) -> bytes:
    return WordRenderer(report, progress).render()


def write_docx(report: Report, path: Path, progress: Progress = NO_PROGRESS) -> Path:
    return write_atomically(path, render_docx(report, progress))
