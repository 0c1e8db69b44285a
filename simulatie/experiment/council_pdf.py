"""Draw the council page on one A4 sheet with matplotlib, and write it as a PDF.

No extra dependency: the sheet is a matplotlib figure of A4 size, written by ``PdfPages``. Every
text is wrapped by measuring it with the font's own widths (not by counting characters), so
nothing runs past the margin, and laid out from the top, each block below the one before. The
small print sits at the foot of the sheet. When the content does not fit, the whole page is laid
out again a little smaller, so it always stays one page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib.image as mpimg
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Rectangle
from matplotlib.textpath import TextToPath

from simulatie.experiment.council_page import CouncilPage, Section

__all__ = ["A4", "council_sheet", "write_pdf"]

A4 = (8.27, 11.69)
"""Width and height of an A4 sheet in inches."""
MARGIN = (0.75, 0.6, 0.55)
"""Left and right, top, and bottom margins in inches."""
SCALES = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7)
"""The sizes tried, largest first, until the page fits on one sheet."""
LEADING = 1.3
"""Line height as a multiple of the font size."""

_INK, _GREY, _ACCENT, _BAND = "#1f1f1f", "#5a5a5a", "#1d4e5f", "#e8f1f3"


@dataclass(frozen=True)
class _Style:
    """A kind of text: its size in points, weight, colour and space after it in inches."""

    size: float
    weight: str = "normal"
    colour: str = _INK
    after: float = 0.06
    style: str = "normal"


_STYLES = {
    "kicker": _Style(8.5, "bold", _ACCENT, 0.04),
    "title": _Style(16, "bold", _INK, 0.05),
    "subtitle": _Style(9, colour=_GREY, after=0.14),
    "answer": _Style(10.5, "bold", _INK, 0.16),
    "heading": _Style(11, "bold", _ACCENT, 0.04),
    "text": _Style(8.8, after=0.05),
    "bullet": _Style(8.4, after=0.025),
    "note": _Style(7.8, colour=_GREY, after=0.05),
    "caption": _Style(7.6, colour=_GREY, after=0.12, style="italic"),
    "footer": _Style(7, colour=_GREY, after=0.03),
}
_BULLET_INDENT = 0.16
_SECTION_GAP = 0.08


class _Sheet:
    """One A4 figure and a cursor that moves down it as blocks are placed."""

    def __init__(self, scale: float) -> None:
        self.figure = Figure(figsize=A4)
        FigureCanvasAgg(self.figure)
        self.measure = TextToPath()  # the font's own widths, not hinted to a screen's pixels
        self.scale = scale
        self.left = MARGIN[0]
        self.width = A4[0] - 2 * MARGIN[0]
        self.y = MARGIN[1]  # inches from the top

    def _font(self, style: _Style) -> FontProperties:
        return FontProperties(size=style.size * self.scale, weight=style.weight,
                              style=style.style)

    def _width(self, text: str, font: FontProperties) -> float:
        """A line's width in inches, as the PDF sets it."""
        width, _, _ = self.measure.get_text_width_height_descent(text, font, ismath=False)
        return width / 72

    def wrap(self, text: str, style: _Style, width: float) -> list[str]:
        """Break ``text`` into lines no wider than ``width`` inches."""
        font = self._font(style)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split():
                candidate = f"{line} {word}" if line else word
                if line and self._width(candidate, font) > width * 0.98:
                    lines.append(line)
                    line = word
                else:
                    line = candidate
            lines.append(line)
        return lines

    def height(self, lines: Sequence[str], style: _Style) -> float:
        """The height in inches of ``lines`` set in ``style``."""
        return len(lines) * style.size * self.scale * LEADING / 72

    def write(self, text: str, kind: str, indent: float = 0.0, bullet: bool = False,
              draw: bool = True) -> float:
        """Place a block of text at the cursor and move the cursor below it.

        Returns:
            The block's height in inches.
        """
        style = _STYLES[kind]
        lines = self.wrap(text, style, self.width - indent)
        height = self.height(lines, style)
        if draw:
            top = A4[1] - self.y
            font = {"fontsize": style.size * self.scale, "fontweight": style.weight,
                    "fontstyle": style.style, "color": style.colour, "va": "top",
                    "linespacing": LEADING, "transform": self.figure.dpi_scale_trans}
            if bullet:
                self.figure.text(self.left + indent - _BULLET_INDENT * 0.8, top, "•", **font)
            self.figure.text(self.left + indent, top, "\n".join(lines), **font)
        self.y += height + style.after * self.scale
        return height

    def band(self, top: float, bottom: float) -> None:
        """A light band behind the short answer, from ``top`` to ``bottom`` inches down."""
        pad = 0.08 * self.scale
        self.figure.patches.append(Rectangle(
            (self.left - pad, A4[1] - bottom - pad / 2), self.width + 2 * pad,
            bottom - top + 1.5 * pad, transform=self.figure.dpi_scale_trans,
            facecolor=_BAND, edgecolor="none", zorder=-1))

    def image(self, png: bytes) -> None:
        """Place the figure across the text's width at the cursor."""
        picture = mpimg.imread(io.BytesIO(png), format="png")
        height = self.width * picture.shape[0] / picture.shape[1] * self.scale
        width = height * picture.shape[1] / picture.shape[0]
        left = self.left + (self.width - width) / 2
        axes = self.figure.add_axes((left / A4[0], (A4[1] - self.y - height) / A4[1],
                                     width / A4[0], height / A4[1]))
        axes.imshow(picture, interpolation="antialiased")
        axes.axis("off")
        self.y += height + 0.04 * self.scale


def _section(sheet: _Sheet, section: Section) -> None:
    sheet.y += _SECTION_GAP * sheet.scale
    sheet.write(section.heading, "heading")
    for text in section.paragraphs:
        sheet.write(text, "text")
    for text in section.bullets:
        sheet.write(text, "bullet", indent=_BULLET_INDENT, bullet=True)
    if section.bullets:
        sheet.y += 0.03 * sheet.scale
    for text in section.after:
        sheet.write(text, "note")


def _footer(sheet: _Sheet, lines: Sequence[str], draw: bool) -> float:
    """The small print, set at the foot of the sheet; returns its top, in inches down."""
    style = _STYLES["footer"]
    wrapped = [sheet.wrap(line, style, sheet.width) for line in lines]
    total = sum(sheet.height(w, style) + style.after * sheet.scale for w in wrapped)
    top = A4[1] - MARGIN[2] - total
    if draw:
        cursor = sheet.y
        sheet.y = top
        for line in lines:
            sheet.write(line, "footer")
        sheet.y = cursor
        rule = A4[1] - top + 0.06
        sheet.figure.add_artist(Rectangle(
            (sheet.left, rule), sheet.width, 0.006, transform=sheet.figure.dpi_scale_trans,
            facecolor="#bbbbbb", edgecolor="none"))
    return top


def _draw(page: CouncilPage, png: bytes, scale: float) -> tuple[Figure, bool]:
    """Lay the page out at ``scale``; also say whether it fits above the small print."""
    sheet = _Sheet(scale)
    sheet.write(page.kicker.upper(), "kicker")
    sheet.write(page.title, "title")
    sheet.write(page.subtitle, "subtitle")
    top = sheet.y
    height = sheet.write(page.answer, "answer")
    sheet.band(top, top + height)
    for section in page.before:
        _section(sheet, section)
    sheet.y += 0.06 * scale
    sheet.image(png)
    sheet.write(page.caption, "caption")
    for section in page.after:
        _section(sheet, section)
    footer_top = _footer(sheet, page.footer, draw=True)
    return sheet.figure, sheet.y <= footer_top - 0.22


def council_sheet(page: CouncilPage, png: bytes) -> Figure:
    """The page on one A4 sheet, at the largest size that fits.

    Args:
        page: The page's words.
        png: Its figure as PNG bytes (:func:`simulatie.experiment.council_figure.figure_png`).

    Returns:
        The sheet, ready for ``PdfPages.savefig`` (or ``savefig`` as PNG to look at it).
    """
    figure = None
    for scale in SCALES:
        figure, fits = _draw(page, png, scale)
        if fits:
            return figure
    assert figure is not None
    return figure  # the smallest size; the small print may then touch the last block


def write_pdf(page: CouncilPage, png: bytes, path: Path) -> Path:
    """Write the page as a one-page PDF.

    Args:
        page: The page's words.
        png: Its figure as PNG bytes.
        path: The PDF file to write.

    Returns:
        ``path``.
    """
    sheet = council_sheet(page, png)
    with PdfPages(path, metadata={"Title": page.title, "Subject": page.kicker}) as pdf:
        pdf.savefig(sheet)
    return path
