"""A :class:`~desktop.reports.model.Report` as a PDF laid out like a Vietnamese
administrative document, in the form of the body that issues it: Decree 30/2020/NĐ-CP
(Appendix I) for a People's Committee and the Front, Hướng dẫn 36-HD/VPTW for a Party
committee (:mod:`desktop.reports.letterhead`).

The head is a two-column block. State and Front: the issuing body (with a short rule under
it) and the number and symbol on the left; the national motto (with "Độc lập - Tự do - Hạnh
phúc" underlined by a rule its own length) and the italic place-and-date line on the right.
Party: the superior body, the issuing body and a star over the number ("Số 125-BC/ĐU") on
the left; "ĐẢNG CỘNG SẢN VIỆT NAM" with a rule under it and the date line on the right. A
copy the city made from a commune's data says so above the head. Then
the document kind and its summary, the body, and at the end the recipients ("Nơi nhận:")
beside the signer's title and name. Tables repeat their header row on every page; page
numbers stand centred at the top from page 2. All text is NFC and escaped for reportlab's
markup; the fonts are embedded.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
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
from desktop.core.issuers import DocumentForm
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.text import nfc
from desktop.core.userfiles import write_atomically
from desktop.reports.letterhead import (
    PARTY,
    STAR,
    left_head,
    recipient_lines,
    right_head,
)
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

HEADER_GREY = colors.HexColor("#E8E8E8")
TOTAL_GREY = colors.HexColor("#F3F3F3")
#: Tables with more columns than this use the smaller font.
WIDE_TABLE = 7
#: Tables of at most this many rows (header included) stay on one page with their caption.
KEEP_TOGETHER_ROWS = 12


def markup(text: str) -> str:
    """Plain text → reportlab paragraph markup: NFC, escaped, line breaks kept."""
    return escape(nfc(text)).replace("\n", "<br/>")


def format_cell(value: Cell, kind: CellKind) -> str:
    """A cell as the PDF prints it: 1.234.567 / 2,68 % / 05/02/2026; a figure that is not
    known (``None`` in a column of numbers) as "–", never as a blank or a zero."""
    if value is None:
        return "" if kind in (CellKind.TEXT, CellKind.DATE) else "–"
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, date):
        return format_date(value)
    if kind is CellKind.PERCENT:
        return format_percent(value)
    if kind is CellKind.MILLIONS and isinstance(value, int | Fraction | Decimal | float):
        return format_millions(value)
    if isinstance(value, int):
        return group_thousands(value)
    if isinstance(value, Fraction | Decimal | float):
        rounded = round(float(value))
        return group_thousands(rounded)
    return nfc(str(value))


def format_millions(value: int | Fraction | Decimal | float) -> str:
    """An amount in triệu đồng with two decimals: 17.590.000,00 / 34,50."""
    exact = (
        Decimal(value.numerator) / Decimal(value.denominator)
        if isinstance(value, Fraction)
        else Decimal(str(value))
    )
    cents = int((exact * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{group_thousands(whole)},{part:02d}"


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
        """The issuing body and the motto (or "ĐẢNG CỘNG SẢN VIỆT NAM"), the number and the
        date, in the issuing body's form (:mod:`desktop.reports.letterhead`)."""
        s = self.styles
        lh = self.report.letterhead
        left_width = FRAME_WIDTH * 0.42
        right_width = FRAME_WIDTH - left_width
        party = lh.form is DocumentForm.PARTY
        left: list[Flowable] = []
        widest = 0.0
        for line in left_head(lh):
            if line.text == STAR:
                left.append(RLParagraph(STAR, s.star))
            elif line.bold:
                left.append(RLParagraph(markup(line.text), s.body_name_bold))
                widest = max(widest, stringWidth(nfc(line.text), fonts.BOLD, 13))
            else:
                left.append(RLParagraph(markup(line.text), s.parent_body))
        if not party:
            left.append(Rule(min(widest, left_width) * 0.4))
        right: list[Flowable] = []
        if party:
            right.append(RLParagraph(markup(PARTY), s.party_name))
            right.append(Rule(stringWidth(PARTY, fonts.BOLD, 14)))
            right.append(Spacer(1, 6))
            right.append(RLParagraph(markup(official_date(lh.issued_on, lh.place)), s.date_line))
            rows = [[left, right], [RLParagraph(markup(lh.number), s.number), ""]]
        else:
            motto, sub = right_head(lh)
            right.append(RLParagraph(markup(motto.text), s.motto))
            right.append(RLParagraph(markup(sub.text), s.motto_sub))
            right.append(Rule(stringWidth(sub.text, fonts.BOLD, 13)))
            number = RLParagraph(markup(lh.number), s.number)
            date_line = RLParagraph(markup(official_date(lh.issued_on, lh.place)), s.date_line)
            rows = [[left, right], [number, date_line]]
        table = RLTable(rows, colWidths=[left_width, right_width])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 1), (-1, 1), 0 if party else 4),
                ]
            )
        )
        title_width = max(
            stringWidth(line, fonts.BOLD, 14) for line in nfc(self.report.title).split("\n")
        )
        out: list[Flowable] = []
        if lh.copy_note:
            out.append(RLParagraph(markup(lh.copy_note), s.copy_note))
        return [
            *out,
            table,
            RLParagraph(markup(self.report.kind.upper()), s.kind),
            RLParagraph(markup(self.report.title), s.title),
            Rule(min(title_width, FRAME_WIDTH) * 0.3, space=4),
            Spacer(1, 6),
        ]

    # -- the end ---------------------------------------------------------------------------
    def foot(self) -> list[Flowable]:
        """Recipients bottom left, the signer's title and name bottom right (none on a copy
        made from another office's data)."""
        s = self.styles
        lh = self.report.letterhead
        if not lh.signer_title and not lh.recipients:
            return []  # a record signed by its parties (its body ends with their blocks)
        if lh.form is DocumentForm.PARTY:  # upright and underlined in a Party document
            left: list[Flowable] = [RLParagraph("<u>Nơi nhận:</u>", s.recipients_head_party)]
        else:
            left = [RLParagraph("Nơi nhận:", s.recipients_head)]
        for line in recipient_lines(lh):
            left.append(RLParagraph(markup(line), s.recipient))
        right: list[Flowable] = [
            RLParagraph(markup(line.upper()), s.signer) for line in lh.signer_title
        ]
        if lh.signer_title or lh.signer_name:
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
        widths = fit_numbers(
            block, [FRAME_WIDTH * c.weight / total_weight for c in block.columns], size
        )
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
        if len(data) <= KEEP_TOGETHER_ROWS:
            # A short table is not split, least of all its total row from its body.
            return [out[0], KeepTogether(out[1:])]
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

    def appendix(self, section: Section) -> list[Flowable]:
        """An appendix on a new page: its heading centred in capitals ("PHỤ LỤC …"), the
        lines under it as they are, then its blocks."""
        out: list[Flowable] = [PageBreak()]
        head, *rest = section.heading.split("\n") if section.heading else [""]
        if head:
            out.append(RLParagraph(markup(head.upper()), self.styles.kind))
        for line in rest:
            style = self.styles.date_line if line.startswith("(") else self.styles.title
            out.append(RLParagraph(markup(line), style))
        out.append(Spacer(1, 6))
        for block in section.blocks:
            out.extend(self.block(block))
        for sub in section.subsections:
            out.extend(self.section(sub, 1))
        return out

    def story(self) -> list[Flowable]:
        story = self.head()
        for paragraph in self.report.preamble:
            story.append(self.paragraph(paragraph))
        for section in self.report.sections:
            story.extend(self.section(section, 0))
        story.extend(self.foot())
        for appendix in self.report.appendices:
            story.extend(self.appendix(appendix))
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


#: A text column keeps at least this width when numbers need room.
MIN_TEXT_WIDTH: float = 14 * mm
#: Left and right padding of a cell, and a little air.
CELL_PADDING: float = 7
#: A text column grows for its longest word up to this share of the page width.
MAX_WORD_SHARE = 0.3


def fit_numbers(block: Table, widths: list[float], size: float) -> list[float]:
    """The column widths with every number on one line and every word within its column: a
    number or a word cannot wrap, so a column narrower than its widest one (a city total of
    17.590.000.000.000, a group code) takes the room it needs from the text columns that have
    more than they need."""
    minimum: list[float] = []
    for col, column in enumerate(block.columns):
        if column.kind is CellKind.TEXT:
            word = min(longest_word(block, col, size), FRAME_WIDTH * MAX_WORD_SHARE)
            minimum.append(max(MIN_TEXT_WIDTH, word))
            continue
        widest = 0.0
        for row in block.rows:
            widest = max(
                widest, stringWidth(format_cell(row[col], column.kind), fonts.REGULAR, size)
            )
        for row in block.totals:
            widest = max(widest, stringWidth(format_cell(row[col], column.kind), fonts.BOLD, size))
        minimum.append(widest + CELL_PADDING)
    needed = [max(w, m) for w, m in zip(widths, minimum, strict=True)]
    extra = sum(needed) - sum(widths)
    if extra <= 0:
        return widths
    givers = [
        i
        for i, c in enumerate(block.columns)
        if c.kind is CellKind.TEXT and needed[i] == widths[i] and widths[i] > minimum[i]
    ]
    spare = {i: widths[i] - minimum[i] for i in givers}
    available = sum(spare.values())
    take = min(extra, available)
    for i in givers:
        needed[i] = widths[i] - take * spare[i] / available
    if take < extra:  # not enough room: the grown columns share what there is
        grown = [i for i in range(len(widths)) if needed[i] > widths[i]]
        room = sum(needed[i] for i in grown) - (extra - take)
        scale = room / sum(needed[i] for i in grown)
        for i in grown:
            needed[i] *= scale
    return needed


def longest_word(block: Table, col: int, size: float) -> float:
    """The width the widest word of a text column needs (a word does not wrap)."""
    widest = 0.0
    seen: set[str] = set()
    for row in (*block.rows, *block.totals):
        value = row[col]
        if not isinstance(value, str):
            continue
        for word in value.split():
            if word not in seen:
                seen.add(word)
                widest = max(widest, stringWidth(nfc(word), fonts.BOLD, size))
    return widest + CELL_PADDING


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


def render_pdf(report: Report, progress: Progress = NO_PROGRESS) -> bytes:
    return PdfRenderer(report, progress).render()


def write_pdf(report: Report, path: Path, progress: Progress = NO_PROGRESS) -> Path:
    return write_atomically(path, render_pdf(report, progress))
