"""Myth handouts: the computed answer in words and numbers, a figure, one page in HTML and PDF.

This module writes the files and is the one place the command line and the dashboard import
from. The parts live in modules of their own: :mod:`.handout_answer` makes a :class:`MythAnswer`
(:func:`myth_answer` runs a myth, or takes the answer shipped with the package, and
:func:`answer_from_result` puts a result into words); :mod:`.handout_words` formats the numbers
and chooses the sentences; :mod:`.handout_figure` draws the figure; :mod:`.handout_html` and
:mod:`.handout_pdf` lay out the page. :func:`write_handout` writes ``figure.png``,
``handout.html``, ``handout.pdf`` and ``answer.json`` for the command line; :func:`write_pack`
puts several answers into one HTML file and one multi-page PDF for a workshop. Nothing in the
words is a result: every number and every conclusion is filled in from the run. Where to write is
the caller's choice; the command line keeps a quick try apart from the full analysis
(:mod:`simulatie.cli.myths`).
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path

from matplotlib.backends.backend_pdf import PdfPages

from simulatie.workshop.handout_answer import MythAnswer, answer_from_result, myth_answer
from simulatie.workshop.handout_figure import figure_png, plot_myth
from simulatie.workshop.handout_html import html_page, html_section
from simulatie.workshop.handout_pdf import handout_pages
from simulatie.workshop.handout_words import ArmNumbers, Side, fmt
from simulatie.workshop.texts import TEMPLATES

__all__ = [
    "ArmNumbers",
    "MythAnswer",
    "Side",
    "answer_from_result",
    "fmt",
    "myth_answer",
    "plot_myth",
    "write_handout",
    "write_pack",
]


def write_handout(answer: MythAnswer, out_dir: Path | str) -> dict[str, Path]:
    """Write ``figure.png``, ``handout.html``, ``handout.pdf`` and ``answer.json``.

    A copy of the myth file as run goes beside them as ``myth.toml``.

    Args:
        answer: From :func:`myth_answer`.
        out_dir: The folder (created if needed), e.g. ``results/myths/5``.

    Returns:
        The written paths by kind (``png``, ``html``, ``pdf``, ``json``).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    image = figure_png(answer.figure)
    paths = {
        "png": out / "figure.png", "html": out / "handout.html", "pdf": out / "handout.pdf",
        "json": out / "answer.json",
    }
    paths["png"].write_bytes(image)
    paths["html"].write_text(
        html_page(answer.page_title(), answer.lang, [html_section(answer, image)]),
        encoding="utf-8")
    with PdfPages(paths["pdf"], metadata={"Title": answer.page_title()}) as pdf:
        for page in handout_pages(answer, image):
            pdf.savefig(page)
    paths["json"].write_text(json.dumps(answer.to_json(), indent=2, ensure_ascii=False,
                                        default=float), encoding="utf-8")
    (out / "myth.toml").write_text(answer.result.myth.text, encoding="utf-8")
    return paths


def write_pack(answers: Sequence[MythAnswer], out_dir: Path | str) -> dict[str, Path]:
    """Write several answers into one ``pack.html`` and one multi-page ``pack.pdf``.

    A pack of quick tries (or custom runs) says so in its title, and each of its pages carries
    the banner of its answer.

    Args:
        answers: The answers, in the order of the session.
        out_dir: The folder, e.g. ``results/myths/pack``.

    Returns:
        The written paths (``html``, ``pdf``).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    lang = answers[0].lang if answers else "nl"
    title = TEMPLATES[lang]["pack_title"]
    marked = sorted({a.banner_title for a in answers if a.banner_title})
    if marked:
        title = f"{title} — {' / '.join(marked)}"
    images = [figure_png(a.figure) for a in answers]
    sections = [f"<h1>{html.escape(title)}</h1>"] + [
        html_section(a, image, "h1") for a, image in zip(answers, images, strict=True)
    ]
    paths = {"html": out / "pack.html", "pdf": out / "pack.pdf"}
    paths["html"].write_text(html_page(title, lang, sections), encoding="utf-8")
    with PdfPages(paths["pdf"], metadata={"Title": title}) as pdf:
        for answer, image in zip(answers, images, strict=True):
            for page in handout_pages(answer, image):
                pdf.savefig(page)
    return paths
