"""Write the council page into a run's or a comparison's folder: ``raad.pdf`` and ``raad.html``.

The folder writers (:func:`simulatie.experiment.results.write_run`,
:func:`simulatie.experiment.comparison_files.write_comparison`) call :func:`write_council` while
they fill their hidden folder, so the page is part of the same all-or-nothing write. In English
the files are ``council.pdf`` and ``council.html``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from simulatie.experiment.council_page import CouncilPage
from simulatie.experiment.wording import check_lang

if TYPE_CHECKING:
    from simulatie.experiment.comparison import Comparison

__all__ = ["COUNCIL_FILES", "council_files", "write_comparison_page", "write_council",
           "write_run_page"]

COUNCIL_FILES: dict[str, dict[str, str]] = {
    "nl": {"pdf": "raad.pdf", "html": "raad.html"},
    "en": {"pdf": "council.pdf", "html": "council.html"},
}
"""The page's files by language and kind."""


def council_files(lang: str) -> list[str]:
    """The names of the page's files in ``lang``: the PDF, then the HTML."""
    check_lang(lang)
    return [COUNCIL_FILES[lang]["pdf"], COUNCIL_FILES[lang]["html"]]


def write_council(folder: Path, page: CouncilPage, png: bytes) -> list[Path]:
    """Write a page and its figure as PDF and HTML into ``folder``.

    Args:
        folder: The (hidden, still being filled) folder.
        page: The page's words.
        png: Its figure as PNG bytes.

    Returns:
        The written files.
    """
    from simulatie.experiment.council_html import council_html
    from simulatie.experiment.council_pdf import write_pdf

    names = COUNCIL_FILES[page.lang]
    pdf = write_pdf(page, png, folder / names["pdf"])
    html = folder / names["html"]
    html.write_text(council_html(page, png), encoding="utf-8")
    return [pdf, html]


def write_run_page(folder: Path, timeseries: pd.DataFrame, metadata: Mapping[str, Any],
                   lang: str) -> list[Path]:
    """Write one run's council page into its folder.

    Args:
        folder: The run's folder, being filled.
        timeseries: The run's weekly table.
        metadata: The run's record, as in ``metadata.json``.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The written files.
    """
    from simulatie.experiment.council_figure import figure_png, run_figure
    from simulatie.experiment.council_run import run_page

    page = run_page(timeseries, metadata, lang)
    return write_council(folder, page, figure_png(run_figure(timeseries, metadata, lang)))


def write_comparison_page(folder: Path, comparison: Comparison, lang: str,
                          made: datetime | str | None = None) -> list[Path]:
    """Write a comparison's council page into its folder.

    Args:
        folder: The comparison's folder, being filled.
        comparison: The comparison.
        lang: ``"nl"`` or ``"en"``.
        made: When it was calculated (default: now).

    Returns:
        The written files.
    """
    from simulatie.experiment.council_comparison import comparison_page
    from simulatie.experiment.council_figure import comparison_figure, figure_png

    page = comparison_page(comparison, lang, made)
    return write_council(folder, page, figure_png(comparison_figure(comparison, lang)))
