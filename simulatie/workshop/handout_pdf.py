"""The handout as PDF pages: A4 sheets per myth, drawn with matplotlib.

The PDF is drawn with matplotlib (``PdfPages`` writes the pages), so no extra dependency is
needed. The pages hold the same texts as the HTML section, in the same order, wrapped to the
sheet's width, with the figure scaled to it: the banner of a quick try or custom run in a red box
under the title, the participants' part, and at the end, under a rule, the technical notes for
the facilitator. A myth takes one sheet when it fits; what does not fit flows onto the next.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from simulatie.workshop.handout_answer import MythAnswer
from simulatie.workshop.texts import TEMPLATES

__all__ = ["A4", "handout_pages"]

A4 = (8.27, 11.69)
"""Width and height of an A4 sheet in inches."""

_LEFT, _WIDTH, _TOP, _BOTTOM, _CHARS = 0.07, 0.86, 0.955, 0.04, 100


class _Sheets:
    """A4 pages written top to bottom; a new page starts when the next block does not fit.

    Every page after the first starts with ``header`` (the title, and what the page is when it
    is not the full analysis), so that no sheet of a quick try can pass for the analysis.
    """

    def __init__(self, header: str, marked: bool) -> None:
        self.pages: list[Figure] = []
        self._header, self._marked = header, marked
        self._new_page()

    def _new_page(self) -> None:
        first = not self.pages
        self.page = Figure(figsize=A4)
        self.pages.append(self.page)
        self.y = _TOP
        if not first:
            self.write(self._header, 9, "bold", "#b00020" if self._marked else "#555",
                       gap=0.012)

    def _room(self, height: float) -> None:
        if self.y - height < _BOTTOM and self.y < _TOP:
            self._new_page()

    @staticmethod
    def _lines(text: str, size: float, chars: int, weight: str = "normal") -> list[str]:
        width = chars * 9.0 / size * (0.9 if weight == "bold" else 1.0)
        return textwrap.wrap(text, int(width)) or [""]

    @staticmethod
    def _step(size: float) -> float:
        return size * 1.42 / 72 / A4[1]

    def height(self, text: str, size: float = 9.0, weight: str = "normal", gap: float = 0.004,
               chars: int = _CHARS) -> float:
        """The height a paragraph takes, as :meth:`write` would write it."""
        return len(self._lines(text, size, chars, weight)) * self._step(size) + gap

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` fits on this one (to keep a section together)."""
        self._room(height)

    def write(self, text: str, size: float = 9.0, weight: str = "normal", colour: str = "#222",
              gap: float = 0.004, indent: float = 0.0, chars: int = _CHARS) -> None:
        """Write a wrapped paragraph, starting a new page first if it does not fit."""
        lines = self._lines(text, size, chars, weight)
        self._room(len(lines) * self._step(size))
        for line in lines:
            self.page.text(_LEFT + indent, self.y, line, fontsize=size, weight=weight,
                           color=colour, va="top")
            self.y -= self._step(size)
        self.y -= gap

    def box(self, title: str, text: str) -> None:
        """A red-bordered box with a bold title: the banner of a page that is not the analysis."""
        lines = self._lines(text, 9.0, _CHARS - 4)
        height = self._step(11) * 1.1 + len(lines) * self._step(9.0) + 0.014
        self._room(height)
        top = self.y
        self.page.add_artist(Rectangle(
            (_LEFT - 0.01, top - height), _WIDTH + 0.02, height, transform=self.page.transFigure,
            facecolor="#fdecea", edgecolor="#b00020", linewidth=2.0))
        self.y -= 0.005
        self.write(title.upper(), 11, "bold", "#b00020", gap=0.001, indent=0.01)
        self.write(text, 9.0, colour="#222", gap=0.0, indent=0.01, chars=_CHARS - 4)
        self.y = top - height - 0.008

    def rule(self) -> None:
        """A thin horizontal line across the text width."""
        self._room(0.02)
        self.y -= 0.006
        self.page.add_artist(Line2D([_LEFT, _LEFT + _WIDTH], [self.y, self.y], color="#aaa",
                                    linewidth=0.6, transform=self.page.transFigure))
        self.y -= 0.008

    def image(self, png: bytes, width: float = 0.8) -> None:
        """The figure, centred, at ``width`` of the sheet."""
        picture = plt.imread(io.BytesIO(png), format="png")
        height = width * picture.shape[0] / picture.shape[1] * A4[0] / A4[1]
        self._room(height)
        left = _LEFT + (_WIDTH - width) / 2
        axes = self.page.add_axes((left, self.y - height, width, height))
        axes.imshow(picture)
        axes.axis("off")
        self.y -= height + 0.008


def handout_pages(answer: MythAnswer, image: bytes) -> list[Figure]:
    """The handout of one myth as A4 pages, drawn with matplotlib.

    Args:
        answer: The answer to show.
        image: Its figure as PNG bytes (:func:`simulatie.workshop.handout_figure.figure_png`).

    Returns:
        The pages (one when it fits), ready for ``PdfPages.savefig``.
    """
    t = TEMPLATES[answer.lang]
    sheets = _Sheets(answer.page_title(), bool(answer.banner_title))
    write, height = sheets.write, sheets.height
    write(answer.title(), 14, "bold", gap=0.006)
    if answer.banner_title:
        sheets.box(answer.banner_title, answer.banner)
    write(answer.disclaimer, 8.5, colour="#a04000", gap=0.008)
    write(t["shows_heading"], 11, "bold")
    write(answer.setup, 8, colour="#555")
    write(t["arms_intro"], 8.5, gap=0.001)
    for line in answer.arms:
        write(f"• {line}", 8.5, gap=0.001, indent=0.01)
    sheets.y -= 0.004
    write(f"{answer.default.numbers} {answer.default.difference_text}", 9)
    write(answer.default.conclusion, 9.5, "bold", gap=0.006)
    if answer.side_effects:
        sheets.keep(height(t["side_effects_heading"], 10, "bold")
                    + sum(height(f"• {line}", 7.5, gap=0.0005) for line in answer.side_effects))
        write(t["side_effects_heading"], 10, "bold", gap=0.002)
        for line in answer.side_effects:
            write(f"• {line}", 7.5, gap=0.0005, indent=0.01)
        sheets.y -= 0.006
    sheets.image(image)
    counter = [(answer.counter_heading, 11, "bold"), (answer.counter_intro, 9, "normal"),
               (f"{answer.counter.numbers} {answer.counter.difference_text}", 9, "normal"),
               (f"{answer.counter.conclusion} {answer.counter_conclusion}", 9.5, "bold")]
    sheets.keep(sum(height(text, size, weight) for text, size, weight in counter))
    for text, size, weight in counter:
        write(text, size, weight)
    sheets.y -= 0.004
    if answer.robustness:
        robustness = " ".join(answer.robustness)
        sheets.keep(height(t["robustness_heading"], 11, "bold") + height(robustness, 8.5))
        write(t["robustness_heading"], 11, "bold")
        write(robustness, 8.5, gap=0.008)
    questions = [f"{i}. {q}" for i, q in enumerate(answer.questions, 1)]
    sheets.keep(height(t["questions_heading"], 11, "bold") + sum(height(q) for q in questions))
    write(t["questions_heading"], 11, "bold")
    for question in questions:
        write(question, 9)
    write(answer.rule, 7, colour="#555", gap=0.002)
    notes = [*answer.notes, answer.footer]
    sheets.keep(0.03 + sum(height(note, 7, gap=0.001) for note in notes))
    sheets.rule()
    write(t["technical_heading"], 8, "bold", colour="#555", gap=0.002)
    for note in notes:
        write(note, 7, colour="#555", gap=0.001)
    return sheets.pages
