"""The one-page summary of a workshop session: a figure and the debrief, as HTML and PDF.

The figure shows, per table, the share of residents with a caring tie week by week: the table's
game as a solid line, the same neighbourhood with every role played by the model as a dashed line,
the chosen alternative policy (if any) as a dotted line, and the rounds as light bands. The page
adds the debrief's lines (:mod:`.debrief`) and the session's settings. Both files are written into
the session folder only.
"""

from __future__ import annotations

import base64
import html
import io
import textwrap
from datetime import UTC, datetime
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.image import imread

from simulatie.workshop.play.debrief import OUTCOME, Debrief, debrief
from simulatie.workshop.play.session import Session

__all__ = ["figure", "write_summary"]

_TITLE = {"nl": "Speel de buurt: samenvatting", "en": "Play the neighbourhood: summary"}
_AXIS = {"nl": "bewoners met een zorgzame band", "en": "residents with a caring tie"}
_WEEK = {"nl": "week", "en": "week"}
_PLAYED = {"nl": "gespeeld", "en": "played"}
_MODEL = {"nl": "het model speelde alle rollen", "en": "the model played every role"}
_POLICY = {"nl": "beleid van", "en": "policy of"}


def figure(found: Debrief, session: Session, lang: str = "nl") -> Figure:
    """The tables' games against the model, one panel per table.

    Args:
        found: From :func:`~.debrief.debrief`.
        session: The session (for its rounds).
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The figure, on an Agg canvas.
    """
    count = len(found.tables)
    fig = Figure(figsize=(8.0, 2.4 * count + 0.6), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(count, 1, squeeze=False)[:, 0]
    for ax, table, played in zip(axes, found.tables, session.tables, strict=True):
        for record in played.rounds[::2]:
            ax.axvspan(record.weeks[0] - 1, record.weeks[1], color="#eeeeee", linewidth=0)
        ax.plot(table.played["week"], table.played[OUTCOME], color="#264653",
                label=_PLAYED[lang])
        ax.plot(table.model["week"], table.model[OUTCOME], color="#e76f51", linestyle="--",
                label=_MODEL[lang])
        if table.alternative is not None and found.alternative is not None:
            ax.plot(table.alternative["week"], table.alternative[OUTCOME], color="#2a9d8f",
                    linestyle=":", linewidth=2.0,
                    label=f"{_POLICY[lang]} {found.alternative.name}")
        ax.set_title(f"{'Tafel' if lang == 'nl' else 'Table'} {table.name}", loc="left")
        ax.set_ylabel(_AXIS[lang])
        ax.set_ylim(0, 1)
        ax.legend(loc="lower right", frameon=False, fontsize="small")
    axes[-1].set_xlabel(_WEEK[lang])
    return fig


def _png(fig: Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _settings(session: Session, lang: str) -> str:
    if lang == "nl":
        return (f"Scenario {session.scenario}, seed {session.seed}, {len(session.tables)} "
                f"tafel(s), {session.round} ronde(s) van {session.weeks_per_round} weken.")
    return (f"Scenario {session.scenario}, seed {session.seed}, {len(session.tables)} "
            f"table(s), {session.round} round(s) of {session.weeks_per_round} weeks.")


def write_summary(session: Session, folder: Path, lang: str = "nl") -> dict[str, Path]:
    """Write ``summary.html`` and ``summary.pdf`` of the session into ``folder``.

    Args:
        session: The session, after at least one round.
        folder: The session folder (created if needed).
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The two paths by format.
    """
    found = debrief(session)
    fig = figure(found, session, lang)
    lines = found.lines(lang)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    items = "".join(f"<li>{html.escape(line.strip())}</li>" for line in lines)
    page = (f"<!doctype html><html lang='{lang}'><meta charset='utf-8'>"
            f"<title>{_TITLE[lang]}</title><body style='font-family:sans-serif;max-width:50em'>"
            f"<h1>{_TITLE[lang]}</h1><p>{html.escape(_settings(session, lang))}</p>"
            f"<img alt='' style='width:100%' src='data:image/png;base64,{_png(fig)}'>"
            f"<ul>{items}</ul><p><small>{stamp}</small></p></body></html>")
    paths = {"html": folder / f"summary.{lang}.html", "pdf": folder / f"summary.{lang}.pdf"}
    paths["html"].write_text(page, encoding="utf-8")
    with PdfPages(paths["pdf"]) as pdf:
        pdf.savefig(_page(fig, lines, session, lang))
    return paths


def _page(fig: Figure, lines: list[str], session: Session, lang: str) -> Figure:
    """One A4 page: the title, the settings and the debrief's lines above the figure."""
    page = Figure(figsize=(8.27, 11.69))
    FigureCanvasAgg(page)
    page.text(0.06, 0.97, _TITLE[lang], fontsize=16, va="top")
    page.text(0.06, 0.94, _settings(session, lang), fontsize=9, va="top")
    wrapped = [textwrap.fill(line.strip(), 105, subsequent_indent="   ") for line in lines]
    page.text(0.06, 0.91, "\n".join(wrapped), fontsize=8, va="top")
    picture = imread(io.BytesIO(base64.b64decode(_png(fig))), format="png")
    height = min(0.55, 0.88 * picture.shape[0] / picture.shape[1] * 8.27 / 11.69)
    axes = page.add_axes((0.06, 0.03, 0.88, height))
    axes.imshow(picture)
    axes.axis("off")
    return page
