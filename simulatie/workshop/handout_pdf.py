"""The handout as a PDF page: one A4 sheet per myth, drawn with matplotlib.

The PDF is drawn with matplotlib (``PdfPages`` writes the pages), so no extra dependency is
needed. The page holds the same texts as the HTML section, in the same order, wrapped to the
sheet's width, with the figure scaled to it; the rule and the footer sit at the bottom.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from simulatie.workshop.handout_answer import MythAnswer
from simulatie.workshop.texts import TEMPLATES

__all__ = ["handout_page"]

A4 = (8.27, 11.69)
"""Width and height of an A4 sheet in inches."""


def handout_page(answer: MythAnswer, image: bytes) -> Figure:
    """One A4 page with the handout, drawn with matplotlib.

    Args:
        answer: The answer to show.
        image: Its figure as PNG bytes (:func:`simulatie.workshop.handout_figure.figure_png`).

    Returns:
        The page, ready for ``PdfPages.savefig``.
    """
    t = TEMPLATES[answer.lang]
    page = Figure(figsize=A4)
    left, width_chars = 0.07, 100
    y = 0.955

    def write(text: str, size: float = 9.0, weight: str = "normal", colour: str = "#222",
              chars: int = width_chars, gap: float = 0.004) -> None:
        nonlocal y
        chars = int(chars * 9.0 / size)
        for line in textwrap.wrap(text, chars) or [""]:
            page.text(left, y, line, fontsize=size, weight=weight, color=colour, va="top")
            y -= size * 1.42 / 72 / A4[1]
        y -= gap

    write(answer.title(), 14, "bold", gap=0.006)
    write(answer.disclaimer, 8.5, colour="#a04000", gap=0.008)
    for note in answer.notes:
        write(note, 8, colour="#555")
    write(t["shows_heading"], 11, "bold")
    write(answer.setup, 8, colour="#555")
    write(f"{answer.default.numbers} {answer.default.difference_text}", 9)
    write(answer.default.conclusion, 9.5, "bold", gap=0.006)
    picture = plt.imread(io.BytesIO(image), format="png")
    height = 0.86 * picture.shape[0] / picture.shape[1] * A4[0] / A4[1]
    axes = page.add_axes((left, y - height, 0.86, height))
    axes.imshow(picture)
    axes.axis("off")
    y -= height + 0.012
    if answer.side_effects:
        write(t["side_effects_heading"], 11, "bold")
        write(" ".join(answer.side_effects), 8, gap=0.008)
    write(t["counter_heading"], 11, "bold")
    write(answer.counter_intro, 9)
    write(f"{answer.counter.numbers} {answer.counter.difference_text}", 9)
    write(f"{answer.counter.conclusion} {answer.counter_conclusion}", 9.5, "bold", gap=0.008)
    if answer.robustness:
        write(t["robustness_heading"], 11, "bold")
        write(" ".join(answer.robustness), 8.5, gap=0.008)
    write(t["questions_heading"], 11, "bold")
    for i, question in enumerate(answer.questions, 1):
        write(f"{i}. {question}", 9)
    y = min(y, 0.07)
    write(answer.rule, 7, colour="#555")
    write(answer.footer, 7, colour="#555")
    return page
