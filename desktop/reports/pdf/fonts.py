"""The Times-like serif that Vietnamese administrative documents use, registered with
reportlab from ``resources/fonts`` (Liberation Serif, SIL OFL; metric-compatible with Times
New Roman and complete for Vietnamese). TrueType fonts registered this way are embedded
(subset) in every PDF that uses them, so the document reads the same on any computer.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resources_dir

FAMILY = "TDCSSerif"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


class FontsMissing(RuntimeError):
    """The bundled fonts are not where the installation should have put them."""


def font_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts() -> str:
    """Register the family once (idempotent) and return its regular face's name."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return REGULAR
    folder = font_dir()
    for name, file in _FILES.items():
        path = folder / file
        if not path.is_file():
            raise FontsMissing(f"font file missing: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, face)
    return REGULAR


#: The PostScript name embedded in the PDF (what ``pdffonts`` lists, after a subset tag).
EMBEDDED_NAME = "LiberationSerif"
