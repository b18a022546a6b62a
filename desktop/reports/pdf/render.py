"""A :class:`~desktop.reports.model.Report` as a PDF laid out like a Vietnamese
administrative document (Decree 30/2020/NĐ-CP, Appendix I).

The head is a two-column block: the issuing body (with a short rule under it) and the
number and symbol on the left; the national motto (with "Độc lập - Tự do - Hạnh phúc"
underlined by a rule its own length) and the italic place-and-date line on the right. Then
the document kind and its summary, the body, and at the end the recipients ("Nơi nhận:")
beside the signer's title and name. Tables repeat their header row on every page; page
numbers stand centred at the top from page 2. All text is NFC and escaped for reportlab's
markup; the fonts are embedded.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from desktop.core.formatting import format_date, format_percent, group_thousands, official_date
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.text import nfc
from desktop.reports.model import (
    Block,
    Cell,
    Chart,
    Paragraph,
    Report,
    Section,
    Signatures,
    Table,
)
from desktop.reports.pdf import fonts
from desktop.reports.pdf.charts import chart_drawing
from desktop.reports.pdf.styles import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_SIZE,
    TABLE_SIZE,
    TABLE_SIZE_WIDE,
    Styles,
)
from desktop.reports.xlsx_table import CellKind

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_SUB = "Độc lập - Tự do - Hạnh phúc"
HEADER_GREY = colors.HexColor("#E8E8E8")
TOTAL_GREY = colors.HexColor("#F3F3F3")
#: Tables with more columns than this use the smaller font.
WIDE_TABLE = 7


def markup(text: str) -> str:
    """Plain text → reportlab paragraph markup: NFC, escaped, line breaks kept."""
    return escape(nfc(text)).replace("\n", "<br/>")


def format_cell(value: Cell, kind: CellKind) -> str:
    """A cell as the PDF prints it: 1.234.567 / 2,68 % / 05/02/2026."""
    if value is None:
        return ""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, date):
        return format_date(value)
    if kind is CellKind.PERCENT:
        return format_percent(value)
    if isinstance(value, int):
        return group_thousands(value)
    if isinstance(value, Fraction | Decimal | float):
        rounded = round(float(value))
        return group_thousands(rounded)
    return nfc(str(value))


class Rule(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A horizontal line of ``length`` points, centred in the available width."""

    def __init__(self, length: float, *, thickness: float = 0.6, space: float = 2) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.space = space
        self._avail = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.space * 2 + self.thickness

    def draw(self) -> None:
        x = (self._avail - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, self.space, x + self.length, self.space)


class PdfRenderer:
    def __init__(self, report: Report, progress: Progress = NO_PROGRESS) -> None:
        self.report = report
        self.progress = progress
        self.styles = Styles()
        self._chart_no = 0
        self._table_no = 0

    # -- the head -------------------------------------------------------------------------
    def head(self) -> list[Flowable]:
        s = self.styles
        lh = self.report.letterhead
        left_width = FRAME_WIDTH * 0.42
        right_width = FRAME_WIDTH - left_width
        body_lines = issuing_body_lines(lh.issuing_body)
        left: list[Flowable] = []
        if lh.parent_body:
            left.append(RLParagraph(markup(lh.parent_body.upper()), s.parent_body))
        for line in body_lines:
            left.append(RLParagraph(markup(line), s.body_name_bold))
        widest = max(stringWidth(nfc(line), fonts.BOLD, 13) for line in body_lines)
        left.append(Rule(min(widest, left_width) * 0.4))
        right: list[Flowable] = [
            RLParagraph(markup(MOTTO), s.motto),
            RLParagraph(markup(MOTTO_SUB), s.motto_sub),
            Rule(stringWidth(MOTTO_SUB, fonts.BOLD, 13)),
        ]
        number = RLParagraph(markup(lh.number), s.number)
        date_line = RLParagraph(markup(official_date(lh.issued_on, lh.place)), s.date_line)
        table = RLTable(
            [[left, right], [number, date_line]],
            colWidths=[left_width, right_width],
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 1), (-1, 1), 4),
                ]
            )
        )
        title_width = max(
            stringWidth(line, fonts.BOLD, 14) for line in nfc(self.report.title).split("\n")
        )
        return [
            table,
            RLParagraph(markup(self.report.kind.upper()), s.kind),
            RLParagraph(markup(self.report.title), s.title),
            Rule(min(title_width, FRAME_WIDTH) * 0.3, space=4),
            Spacer(1, 6),
        ]

    # -- the end ---------------------------------------------------------------------------
    def foot(self) -> list[Flowable]:
        s = self.styles
        lh = self.report.letterhead
        if not lh.signer_title and not lh.recipients:
            return []  # a record signed by its parties (its body ends with their blocks)
        left: list[Flowable] = [RLParagraph("Nơi nhận:", s.recipients_head)]
        recipients = list(lh.recipients)
        for index, recipient in enumerate(recipients):
            end = "." if index == len(recipients) - 1 else ";"
            text = recipient.rstrip(";.,")
            left.append(RLParagraph(markup(f"- {text}{end}"), s.recipient))
        right: list[Flowable] = [
            RLParagraph(markup(line.upper()), s.signer) for line in lh.signer_title
        ]
        right.append(Spacer(1, 22 * mm))
        right.append(RLParagraph(markup(lh.signer_name), s.signer))
        table = RLTable([[left, right]], colWidths=[FRAME_WIDTH * 0.5, FRAME_WIDTH * 0.5])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return [Spacer(1, 10), KeepTogether([table])]

    # -- the body --------------------------------------------------------------------------
    def paragraph(self, block: Paragraph) -> Flowable:
        text = markup(block.text)
        if block.bold:
            text = f"<b>{text}</b>"
        if block.italic:
            text = f"<i>{text}</i>"
        return RLParagraph(text, self.styles.body)

    def table(self, block: Table) -> list[Flowable]:
        s = self.styles
        self._table_no += 1
        out: list[Flowable] = [CondPageBreak(60 * mm)]
        if block.title:
            out.append(RLParagraph(markup(block.title), s.caption))
        if block.note:
            out.append(RLParagraph(markup(block.note), s.unit_note))
        if not block.rows and not block.totals:
            out.append(RLParagraph(markup(block.empty_text), s.empty))
            return out
        wide = len(block.columns) > WIDE_TABLE
        size = TABLE_SIZE_WIDE if wide else TABLE_SIZE
        total_weight = sum(c.weight for c in block.columns)
        widths = [FRAME_WIDTH * c.weight / total_weight for c in block.columns]
        header_style = s.cell(size, bold=True, align=TA_CENTER)

        def cell(value: Cell, col: int, strong: bool) -> str:
            """Plain strings, wrapped here into lines: a table of strings draws many times
            faster than one of paragraphs, which matters for lists of thousands of loans."""
            text = format_cell(value, block.columns[col].kind)
            face = fonts.BOLD if strong else fonts.REGULAR
            lines: list[str] = []
            for part in text.split("\n"):
                lines.extend(simpleSplit(part, face, size, widths[col] - 6) or [""])
            return "\n".join(lines)

        data: list[list[Any]] = [
            [RLParagraph(markup(c.title), header_style) for c in block.columns]
        ]
        total = len(block.rows)
        for index, row in enumerate(block.rows):
            if index % 500 == 0:
                self.progress.report(index, total, block.title)
            data.append([cell(v, i, False) for i, v in enumerate(row)])
        for row in block.totals:
            data.append([cell(v, i, True) for i, v in enumerate(row)])
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), size),
            ("LEADING", (0, 0), (-1, -1), size * 1.2),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        for col, column in enumerate(block.columns):
            if column.kind is CellKind.DATE:
                commands.append(("ALIGN", (col, 1), (col, -1), "CENTER"))
            elif column.kind is not CellKind.TEXT:
                commands.append(("ALIGN", (col, 1), (col, -1), "RIGHT"))
        if block.totals:
            first_total = len(data) - len(block.totals)
            commands.append(("BACKGROUND", (0, first_total), (-1, -1), TOTAL_GREY))
            commands.append(("FONTNAME", (0, first_total), (-1, -1), fonts.BOLD))
        heights: list[float | None] | None = None
        if block.min_row_height:
            # Rows of plain strings: as tall as their most wrapped cell, at least the room
            # asked for.
            heights = [None] + [
                max(block.min_row_height, max(str(c).count("\n") + 1 for c in row) * size * 1.2 + 5)
                for row in data[1 : 1 + len(block.rows)]
            ]
            heights += [None] * len(block.totals)
        table = LongTable(data, colWidths=widths, rowHeights=heights, repeatRows=1)
        table.setStyle(TableStyle(commands))
        out.append(table)
        out.append(Spacer(1, 8))
        return out

    def chart(self, block: Chart) -> list[Flowable]:
        if not block.categories or not block.series:
            return []
        self._chart_no += 1
        drawing: Drawing = chart_drawing(block, FRAME_WIDTH)
        caption = RLParagraph(
            markup(f"Biểu đồ {self._chart_no}: {block.title}"), self.styles.chart_caption
        )
        return [Spacer(1, 4), KeepTogether([drawing, caption])]

    def signatures(self, block: Signatures) -> list[Flowable]:
        """The parties' signature blocks side by side (up to five a row, else rows of
        three), their names level under the room to sign, kept on one page with the sentence
        that leads to them. Titles are a size smaller than a signer's, to fit five a row."""
        s = self.styles
        per_row = len(block.parties) if len(block.parties) <= 5 else 3
        title_style = ParagraphStyle("PartyTitle", parent=s.signer, fontSize=12, leading=14)
        note_style = ParagraphStyle("PartyNote", parent=s.empty, fontSize=11, leading=13)
        parties = list(block.parties)
        rows: list[list[Any]] = []
        for start in range(0, len(parties), per_row):
            group = parties[start : start + per_row]
            heads: list[Any] = []
            names: list[Any] = []
            for party in group:
                head: list[Flowable] = [RLParagraph(markup(party.title.upper()), title_style)]
                if party.note:
                    head.append(RLParagraph(markup(party.note), note_style))
                heads.append(head)
                names.append(RLParagraph(markup(party.name), title_style))
            padding = [""] * (per_row - len(group))
            rows += [heads + padding, names + padding]
        table = RLTable(rows, colWidths=[FRAME_WIDTH / per_row] * per_row)
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ]
        for row in range(1, len(rows), 2):  # the room to sign, above each name
            commands.append(("TOPPADDING", (0, row), (-1, row), 12 * mm))
            commands.append(("BOTTOMPADDING", (0, row), (-1, row), 8))
        table.setStyle(TableStyle(commands))
        together: list[Flowable] = []
        if block.lead:
            together.append(self.paragraph(Paragraph(block.lead)))
        together.append(table)
        return [Spacer(1, 4), KeepTogether(together)]

    def block(self, block: Block) -> list[Flowable]:
        if isinstance(block, Paragraph):
            return [self.paragraph(block)]
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Signatures):
            return self.signatures(block)
        return self.chart(block)

    def section(self, section: Section, depth: int) -> list[Flowable]:
        out: list[Flowable] = []
        if section.heading:
            style = self.styles.heading if depth == 0 else self.styles.subheading
            out.append(CondPageBreak(space_after_heading(section)))
            out.append(RLParagraph(markup(section.heading), style))
        for block in section.blocks:
            out.extend(self.block(block))
        for sub in section.subsections:
            out.extend(self.section(sub, depth + 1))
        return out

    def story(self) -> list[Flowable]:
        story = self.head()
        for paragraph in self.report.preamble:
            story.append(self.paragraph(paragraph))
        for section in self.report.sections:
            story.extend(self.section(section, 0))
        story.extend(self.foot())
        for follower in self.report.followers:
            story += [NextDocument(), PageBreak()]
            story += PdfRenderer(follower, self.progress).story()
        return story

    def render(self) -> bytes:
        buffer = io.BytesIO()
        lh = self.report.letterhead
        doc = SimpleDocTemplate(
            buffer,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=nfc(f"{self.report.kind} {self.report.title}".replace("\n", " ")),
            author=nfc(lh.issuing_body),
            subject=nfc(self.report.title.replace("\n", " ")),
            creator="TDCS",
            # Without this the canvas starts in Helvetica, which would sit unembedded in
            # the file's font list.
            initialFontName=fonts.REGULAR,
            initialFontSize=13,
        )
        doc.build(self.story(), onLaterPages=_page_number)
        return buffer.getvalue()


#: Room a heading needs below it so that it does not stand alone at the foot of a page:
#: a few lines of text, the start of a table (which itself moves to the next page with less
#: than 60 mm left), or a whole chart (charts are never split).
ROOM_FOR_TEXT: float = 30 * mm
ROOM_FOR_TABLE: float = 72 * mm
ROOM_FOR_CHART: float = 95 * mm
HEADING_HEIGHT: float = 10 * mm


def space_after_heading(section: Section) -> float:
    """How much of the page a section's heading needs left, judged by what follows it."""
    if section.blocks:
        first = section.blocks[0]
        if isinstance(first, Table):
            return ROOM_FOR_TABLE
        if isinstance(first, Chart):
            return ROOM_FOR_CHART
        return ROOM_FOR_TEXT
    if section.subsections:
        return HEADING_HEIGHT + space_after_heading(section.subsections[0])
    return ROOM_FOR_TEXT


class NextDocument(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Drawn at the end of a document that another follows in the same file: the next page
    is that document's first, so its page numbers start again (see :func:`_page_number`)."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.tdcs_first_page = self.canv.getPageNumber() + 1


def _page_number(canvas: Any, doc: Any) -> None:
    """The page's number within its document, from its second page on."""
    number = doc.page - getattr(canvas, "tdcs_first_page", 1) + 1
    if number < 2:
        return
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, 13)
    canvas.drawCentredString(PAGE_SIZE[0] / 2, PAGE_SIZE[1] - 12 * mm, str(number))
    canvas.restoreState()


def issuing_body_lines(issuing_body: str) -> list[str]:
    """ "Ủy ban nhân dân phường Cái Khế" → ["ỦY BAN NHÂN DÂN", "PHƯỜNG CÁI KHẾ"]: the body's
    name in capitals, the kind of body on the first line as documents print it."""
    name = nfc(issuing_body).strip()
    for prefix in ("Ủy ban nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam"):
        if name.lower().startswith(prefix.lower()) and len(name) > len(prefix):
            rest = name[len(prefix) :].strip()
            return [prefix.upper(), rest.upper()]
    return [line.upper() for line in name.split("\n") if line.strip()] or [""]


def render_pdf(report: Report, progress: Progress = NO_PROGRESS) -> bytes:
    return PdfRenderer(report, progress).render()


def write_atomically(data: bytes, path: Path) -> Path:
    """Write ``path.partial`` and rename it over ``path``: a failure leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def write_pdf(report: Report, path: Path, progress: Progress = NO_PROGRESS) -> Path:
    return write_atomically(render_pdf(report, progress), path)


def recipients_with_archive(recipients: Sequence[str]) -> list[str]:
    """The recipients list always ends with the office's own archive copy."""
    out = [r for r in recipients if r.strip()]
    if not any(r.lower().startswith("lưu") for r in out):
        out.append("Lưu: VT")
    return out
