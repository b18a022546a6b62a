"""Sizes and paragraph styles after Decree 30/2020/NĐ-CP, Appendix I.

A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; body text 13 pt with
the first line indented 1 cm and at least 6 pt between paragraphs; the national motto in
bold capitals 12–13 pt, "Độc lập - Tự do - Hạnh phúc" bold 13–14 pt; the date line italic;
the document kind bold capitals 13–14 pt; "Nơi nhận:" bold italic 12 pt, its lines 11 pt;
the signer's title and name bold 13–14 pt. Page numbers are centred at the top from the
second page on.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from desktop.reports.pdf import fonts

PAGE_SIZE = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
FRAME_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT

BODY_SIZE = 13
TABLE_SIZE = 10
TABLE_SIZE_WIDE = 8.5


def _style(name: str, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": fonts.REGULAR,
        "fontSize": BODY_SIZE,
        "leading": BODY_SIZE * 1.25,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


class Styles:
    """The paragraph styles one document uses (built after the fonts are registered)."""

    def __init__(self) -> None:
        fonts.register_fonts()
        self.body_name = _style("BodyName", fontName=fonts.REGULAR, alignment=TA_CENTER)
        self.body_name_bold = _style(
            "BodyNameBold", fontName=fonts.BOLD, alignment=TA_CENTER, fontSize=13
        )
        self.parent_body = _style("ParentBody", alignment=TA_CENTER, fontSize=12.5)
        self.motto = _style("Motto", fontName=fonts.BOLD, alignment=TA_CENTER, fontSize=12)
        self.party_name = _style(
            "PartyName", fontName=fonts.BOLD, alignment=TA_CENTER, fontSize=14, leading=17
        )
        self.star = _style("Star", alignment=TA_CENTER, fontSize=13, leading=14)
        self.copy_note = _style(
            "CopyNote",
            fontName=fonts.ITALIC,
            fontSize=11,
            leading=13,
            alignment=TA_CENTER,
            spaceAfter=6,
        )
        self.motto_sub = _style("MottoSub", fontName=fonts.BOLD, alignment=TA_CENTER, fontSize=13)
        self.number = _style("Number", alignment=TA_CENTER, fontSize=13)
        self.date_line = _style("DateLine", fontName=fonts.ITALIC, alignment=TA_CENTER)
        self.kind = _style(
            "Kind", fontName=fonts.BOLD, alignment=TA_CENTER, fontSize=14, spaceBefore=14
        )
        self.title = _style("Title", fontName=fonts.BOLD, alignment=TA_CENTER, fontSize=14)
        self.body = _style(
            "Body", alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6, leading=17
        )
        self.heading = _style(
            "Heading", fontName=fonts.BOLD, spaceBefore=8, spaceAfter=6, leading=17
        )
        self.subheading = _style(
            "SubHeading",
            fontName=fonts.BOLD,
            spaceBefore=4,
            spaceAfter=4,
            leading=17,
            firstLineIndent=10 * mm,
        )
        self.caption = _style(
            "Caption", fontName=fonts.BOLD, fontSize=12, alignment=TA_CENTER, spaceBefore=6
        )
        self.unit_note = _style(
            "UnitNote", fontName=fonts.ITALIC, fontSize=11, alignment=TA_RIGHT, spaceAfter=2
        )
        self.chart_caption = _style(
            "ChartCaption",
            fontName=fonts.ITALIC,
            fontSize=11,
            alignment=TA_CENTER,
            spaceAfter=8,
        )
        self.recipients_head = _style(
            "RecipientsHead", fontName=fonts.BOLD_ITALIC, fontSize=12, alignment=TA_LEFT
        )
        self.recipients_head_party = _style("RecipientsHeadParty", fontSize=12, alignment=TA_LEFT)
        self.recipient = _style("Recipient", fontSize=11, leading=13, alignment=TA_LEFT)
        self.signer = _style("Signer", fontName=fonts.BOLD, alignment=TA_CENTER, fontSize=13)
        self.empty = _style("Empty", fontName=fonts.ITALIC, fontSize=12, alignment=TA_CENTER)

    def cell(self, size: float, *, bold: bool = False, align: int = TA_LEFT) -> ParagraphStyle:
        return _style(
            f"Cell{size}{bold}{align}",
            fontName=fonts.BOLD if bold else fonts.REGULAR,
            fontSize=size,
            leading=size * 1.2,
            alignment=align,
        )
