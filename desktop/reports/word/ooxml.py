"""The WordprocessingML that python-docx has no API for: fonts named on every script, a
table header row that repeats, borders, shading, a rule drawn as a paragraph border, a PAGE
field, and table cells written straight into the XML (a city's list of loans has tens of
thousands of cells, which python-docx's cell objects would make slow).

Child elements are written in the order the schema (ECMA-376, transitional) requires: Word
refuses a file whose properties are out of order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
#: Twentieths of a point (dxa): Word's unit for widths, indents and spacing.
TWIPS_PER_POINT = 20
#: Eighths of a point: Word's unit for border widths.
BORDER_EIGHTHS = 8

Element = Any  # an lxml element of python-docx's tree (python-docx has no type hints)


#: The order of a section's properties the schema requires (the ones TDCS may set).
_SECT_PR_ORDER = [
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
]


def twips(points: float) -> int:
    return round(points * TWIPS_PER_POINT)


def half_points(points: float) -> int:
    return round(points * 2)


def sub(parent: Element, tag: str, **attributes: str | int) -> Element:
    """Append ``<w:tag w:name="value" …>`` to ``parent``."""
    child = etree.SubElement(parent, qn(tag))
    for name, value in attributes.items():
        child.set(qn(f"w:{name}"), str(value))
    return child


def name_font(r_fonts: Element, font: str = FONT) -> None:
    """Name ``font`` for every script (Latin, Vietnamese letters, complex and East Asian
    text) and drop the theme's fonts, which would otherwise win over a named one."""
    for attribute in list(r_fonts.attrib):
        if attribute.lower().endswith("theme"):  # asciiTheme … cstheme
            del r_fonts.attrib[attribute]
    for side in ("ascii", "hAnsi", "cs", "eastAsia"):
        r_fonts.set(qn(f"w:{side}"), font)


def set_document_font(styles: Element, size: float) -> None:
    """The document's defaults: ``FONT`` at ``size`` pt in Vietnamese; every style that
    names a font (the template's headings name the theme's) names ``FONT`` instead."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    r_pr_default = defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is not None:
        r_pr_default.remove(r_pr)
    r_pr = sub(r_pr_default, "w:rPr")
    name_font(sub(r_pr, "w:rFonts"))
    sub(r_pr, "w:sz", val=half_points(size))
    sub(r_pr, "w:szCs", val=half_points(size))
    sub(r_pr, "w:lang", val=LANGUAGE, eastAsia=LANGUAGE, bidi="ar-SA")
    for r_fonts in styles.iter(qn("w:rFonts")):
        name_font(r_fonts)


def clear_run_properties(style: Any) -> None:
    """Forget what the template says about a style's characters (colours, theme fonts,
    italics), so that only what TDCS sets remains."""
    r_pr = style.element.find(qn("w:rPr"))
    if r_pr is not None:
        style.element.remove(r_pr)


def repeat_as_header(tr: Element) -> None:
    """Mark a table row to repeat at the top of every page and never to break."""
    tr_pr = tr.get_or_add_trPr()
    _remove(tr_pr, "w:cantSplit", "w:tblHeader")
    tr_pr.append(OxmlElement("w:cantSplit"))
    tr_pr.append(OxmlElement("w:tblHeader"))


def min_row_height(tr: Element, points: float) -> None:
    """Make a table row at least ``points`` high (room to write in by hand)."""
    tr_pr = tr.get_or_add_trPr()
    _remove(tr_pr, "w:trHeight")
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(twips(points)))
    height.set(qn("w:hRule"), "atLeast")
    tr_pr.append(height)


def restart_page_numbers(sect_pr: Element) -> None:
    """A new section whose pages are numbered from 1 again (the next document in the file)."""
    _remove(sect_pr, "w:pgNumType")
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    _put_in_order(sect_pr, numbering, _SECT_PR_ORDER)


def keep_row_whole(tr: Element) -> None:
    tr_pr = tr.get_or_add_trPr()
    _remove(tr_pr, "w:cantSplit")
    tr_pr.insert(0, OxmlElement("w:cantSplit"))


def _remove(parent: Element, *tags: str) -> None:
    for tag in tags:
        for found in parent.findall(qn(tag)):
            parent.remove(found)


_TBL_PR_ORDER = (
    "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize "
    "w:tblStyleColBandSize w:tblW w:jc w:tblCellSpacing w:tblInd w:tblBorders w:shd "
    "w:tblLayout w:tblCellMar w:tblLook"
).split()


def _put_in_order(parent: Element, child: Element, order: list[str]) -> None:
    """Insert ``child`` (replacing one of its kind) where the schema's order puts it."""
    for found in parent.findall(child.tag):
        parent.remove(found)
    rank = order.index(_prefixed(child.tag))
    for index, existing in enumerate(parent):
        tag = _prefixed(existing.tag)
        if tag in order and order.index(tag) > rank:
            parent.insert(index, child)
            return
    parent.append(child)


def _prefixed(clark: str) -> str:
    return "w:" + str(etree.QName(clark).localname)


def table_properties(
    tbl: Element,
    *,
    width: int,
    borders: bool,
    padding: tuple[int, int] = (0, 0),
) -> None:
    """A table ``width`` twips wide with fixed columns, ruled all round (``borders``) or
    without any border, its cells padded by ``padding`` twips (above and below, left and
    right)."""
    tbl_pr = tbl.tblPr
    for tag in ("w:tblStyle", "w:tblLook"):
        _remove(tbl_pr, tag)
    tbl_w = OxmlElement("w:tblW")
    tbl_w.set(qn("w:w"), str(width))
    tbl_w.set(qn("w:type"), "dxa")
    _put_in_order(tbl_pr, tbl_w, _TBL_PR_ORDER)
    edges = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if borders:
            sub(edges, f"w:{side}", val="single", sz=4, space=0, color="000000")
        else:
            sub(edges, f"w:{side}", val="nil")
    _put_in_order(tbl_pr, edges, _TBL_PR_ORDER)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _put_in_order(tbl_pr, layout, _TBL_PR_ORDER)
    margins = OxmlElement("w:tblCellMar")
    vertical, horizontal = padding
    for side, size in (("top", vertical), ("left", horizontal)):
        sub(margins, f"w:{side}", w=size, type="dxa")
    for side, size in (("bottom", vertical), ("right", horizontal)):
        sub(margins, f"w:{side}", w=size, type="dxa")
    _put_in_order(tbl_pr, margins, _TBL_PR_ORDER)


def set_grid(tbl: Element, widths: Iterable[int]) -> None:
    grid = tbl.tblGrid
    for col in list(grid):
        grid.remove(col)
    for width in widths:
        sub(grid, "w:gridCol", w=width)


def cell_width(tc: Element, width: int) -> None:
    tc_pr = tc.get_or_add_tcPr()
    _remove(tc_pr, "w:tcW")
    tc_w = OxmlElement("w:tcW")
    tc_w.set(qn("w:w"), str(width))
    tc_w.set(qn("w:type"), "dxa")
    tc_pr.insert(0, tc_w)


def add_cell(
    tr: Element,
    width: int,
    text: str,
    *,
    style: str,
    align: str | None = None,
    bold: bool = False,
    fill: str | None = None,
) -> Element:
    """Append a cell holding one paragraph of ``text`` (line breaks kept) to ``tr``."""
    tc = sub(tr, "w:tc")
    tc_pr = sub(tc, "w:tcPr")
    sub(tc_pr, "w:tcW", w=width, type="dxa")
    if fill:
        sub(tc_pr, "w:shd", val="clear", color="auto", fill=fill)
    sub(tc_pr, "w:vAlign", val="center")
    p = sub(tc, "w:p")
    p_pr = sub(p, "w:pPr")
    sub(p_pr, "w:pStyle", val=style)
    if align:
        sub(p_pr, "w:jc", val=align)
    if text:
        add_text_run(p, text, bold=bold)
    return tc


def add_text_run(p: Element, text: str, *, bold: bool = False) -> Element:
    """A run of ``text`` with each line break as ``<w:br/>``."""
    r = sub(p, "w:r")
    if bold:
        sub(sub(r, "w:rPr"), "w:b")
    for index, line in enumerate(text.split("\n")):
        if index:
            sub(r, "w:br")
        if line:
            t = sub(r, "w:t")
            t.text = line
            if line != line.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def rule(p: Element, *, indent_left: int, indent_right: int, thickness: float = 0.6) -> None:
    """Make the empty paragraph ``p`` a horizontal line between its indents: a top border
    on a paragraph one point high."""
    p_pr = p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    sub(borders, "w:top", val="single", sz=max(2, round(thickness * BORDER_EIGHTHS)), space=0)
    spacing = OxmlElement("w:spacing")
    for name, value in (("before", 60), ("after", 0), ("line", 20), ("lineRule", "exact")):
        spacing.set(qn(f"w:{name}"), str(value))
    ind = OxmlElement("w:ind")
    for name, value in (("left", indent_left), ("right", indent_right), ("firstLine", 0)):
        ind.set(qn(f"w:{name}"), str(value))
    mark = OxmlElement("w:rPr")
    sub(mark, "w:sz", val=2)
    # pPr children in the schema's order: pStyle … pBdr … spacing, ind … jc … rPr.
    _remove(p_pr, "w:pBdr", "w:spacing", "w:ind", "w:rPr")
    style = p_pr.find(qn("w:pStyle"))
    at = 0 if style is None else list(p_pr).index(style) + 1
    for offset, element in enumerate((borders, spacing, ind)):
        p_pr.insert(at + offset, element)
    p_pr.append(mark)


def page_field(paragraph: Any, size: float) -> None:
    """A PAGE field (the page's number, kept current by Word) in ``paragraph``."""
    p = paragraph._p
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2")):
        r = sub(p, "w:r")
        sub(sub(r, "w:rPr"), "w:sz", val=half_points(size))
        if kind == "instr":
            instr = sub(r, "w:instrText")
            instr.text = text
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        elif kind == "text":
            sub(r, "w:t").text = text
        else:
            sub(r, "w:fldChar", fldCharType=kind)
    r = sub(p, "w:r")
    sub(sub(r, "w:rPr"), "w:sz", val=half_points(size))
    sub(r, "w:fldChar", fldCharType="end")
