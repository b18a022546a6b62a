"""Draw the TDCS application icon: ``resources/icons/tdcs.png`` (window icon, 256 px) and
``resources/icons/tdcs.ico`` (the .exe, shortcuts and installer, 16 to 256 px), and the
picture on the left of the installer's first and last pages
(``packaging/installer-welcome.bmp``, 164 × 314 px, the size NSIS expects).

The icon is drawn from code rather than kept only as a binary so that anyone can change it
and regenerate both files the same way:

    .venv/bin/python packaging/make_icon.py

A blue tile (the colour of the main window's navigation) with a white report sheet whose
three bars rise, read as "progress reported upwards". It is drawn at 1024 px and scaled
down, and the small sizes drop the detail that would turn to mush at 16 px.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

PACKAGING = Path(__file__).resolve().parent
ICONS = PACKAGING.parent / "resources" / "icons"
FONTS = PACKAGING.parent / "resources" / "fonts"
BIG = 1024
BLUE = (21, 101, 192, 255)
BLUE_DARK = (13, 71, 161, 255)
WHITE = (255, 255, 255, 255)
FOLD = (187, 222, 251, 255)
RED = (198, 40, 40, 255)
GREEN = (46, 125, 50, 255)
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]


def draw(detail: bool) -> Image.Image:
    """The icon at 1024 px; ``detail`` adds the text lines meant for the large sizes."""
    image = Image.new("RGBA", (BIG, BIG), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((32, 32, BIG - 32, BIG - 32), radius=190, fill=BLUE)
    pen.rounded_rectangle((32, 560, BIG - 32, BIG - 32), radius=190, fill=BLUE_DARK)
    pen.rectangle((32, 560, BIG - 32, 760), fill=BLUE_DARK)
    pen.rectangle((32, 540, BIG - 32, 600), fill=BLUE)
    # The sheet, its top-right corner folded.
    left, top, right, bottom, fold = 232, 150, 792, 874, 150
    pen.polygon(
        [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)],
        fill=WHITE,
    )
    pen.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)], fill=FOLD)
    if detail:
        for y in (250, 320):
            pen.rounded_rectangle((left + 70, y, right - fold - 30, y + 34), radius=17, fill=FOLD)
    # Three rising bars; the tallest in red so the rise reads even at 16 px.
    base = bottom - 90
    for i, (height, colour) in enumerate(((170, GREEN), (290, GREEN), (410, RED))):
        x = left + 80 + i * 150
        pen.rounded_rectangle((x, base - height, x + 110, base), radius=22, fill=colour)
    return image


def welcome_bitmap(icon: Image.Image) -> Image.Image:
    """The installer's side picture: the icon and the name on the navigation blue."""
    width, height = 164, 314
    image = Image.new("RGB", (width, height), BLUE[:3])
    pen = ImageDraw.Draw(image)
    for y in range(height // 2, height):  # fade to the darker blue towards the bottom
        share = (y - height // 2) / (height // 2)
        colour = tuple(round(a + (b - a) * share) for a, b in zip(BLUE, BLUE_DARK, strict=False))
        pen.line([(0, y), (width, y)], fill=colour[:3])
    small = icon.resize((112, 112), Image.Resampling.LANCZOS)
    image.paste(small, ((width - 112) // 2, 40), small)
    bold = ImageFont.truetype(str(FONTS / "LiberationSans-Bold.ttf"), 30)
    regular = ImageFont.truetype(str(FONTS / "LiberationSans-Regular.ttf"), 13)
    pen.text((width / 2, 176), "TDCS", font=bold, fill=WHITE, anchor="mm")
    for i, line in enumerate(("Chỉ thị 39-CT/TW", "tín dụng chính sách", "xã hội · Cần Thơ")):
        pen.text((width / 2, 212 + i * 18), line, font=regular, fill=FOLD, anchor="mm")
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    detailed = draw(detail=True)
    plain = draw(detail=False)
    detailed.resize((256, 256), Image.Resampling.LANCZOS).save(ICONS / "tdcs.png", optimize=True)
    frames = [
        (detailed if size >= 64 else plain).resize((size, size), Image.Resampling.LANCZOS)
        for size in ICO_SIZES
    ]
    frames[-1].save(ICONS / "tdcs.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=frames)
    welcome_bitmap(detailed).save(PACKAGING / "installer-welcome.bmp")
    print(ICONS / "tdcs.png")
    print(ICONS / "tdcs.ico")
    print(PACKAGING / "installer-welcome.bmp")


if __name__ == "__main__":
    main()
