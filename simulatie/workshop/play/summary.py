"""The one-page summary of a workshop session: a figure and the debrief, as HTML and PDF.

The figure shows, per table, the share of residents with a caring tie week by week: the table's
game as a solid line, the same neighbourhood with every role played by the model as a dashed line,
the chosen alternative policy (if any) as a dotted line, and the rounds as light bands; in percent
(the debrief speaks in percentage points), on one axis for all tables, two columns from two tables
on. The projector shows each table's panel on its own beside its lines (:func:`table_figure`).
The page adds the debrief's lines (:mod:`.debrief`) and the session's settings. Both files are
written into the session folder only.
"""

from __future__ import annotations

import base64
import html
import io
import math
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.image import imread
from matplotlib.ticker import MaxNLocator, PercentFormatter

from simulatie.workshop.play.debrief import OUTCOME, Debrief, debrief
from simulatie.workshop.play.session import Session

__all__ = ["draw_table", "figure", "share_limits", "table_figure", "write_summary"]

_TITLE = {"nl": "Speel de buurt: samenvatting", "en": "Play the neighbourhood: summary"}
_AXIS = {"nl": "bewoners met een zorgzame band", "en": "residents with a caring tie"}
"""The y-axis: the share of residents with at least one caring tie, in percent."""
_WEEK = {"nl": "week", "en": "week"}
_PLAYED = {"nl": "gespeeld", "en": "played"}
_MODEL = {"nl": "het model speelde alle rollen", "en": "the model played every role"}
_POLICY = {"nl": "beleid van", "en": "policy of"}
_ROUND = {"nl": "ronde", "en": "round"}


def share_limits(found: Debrief) -> tuple[float, float]:
    """The y-axis of every table's panel: the lines' range with 5 points around it, in tens.

    Shared by all tables so that they compare by eye; never beyond 0 to 100%.
    """
    frames = [frame for table in found.tables
              for frame in (table.played, table.model, table.alternative) if frame is not None]
    values = np.concatenate([frame[OUTCOME].to_numpy(dtype=float) for frame in frames])
    values = values[np.isfinite(values)]
    if not len(values):
        return 0.0, 1.0
    low = max(0.0, math.floor((values.min() - 0.05) * 10) / 10)
    high = min(1.0, math.ceil((values.max() + 0.05) * 10) / 10)
    return low, max(high, low + 0.1)


def draw_table(ax: Axes, found: Debrief, session: Session, index: int, lang: str = "nl",
               legend: bool = True) -> None:
    """One table's game against the model (and the alternative) into ``ax``, in percent.

    Args:
        ax: The axes to draw into.
        found: From :func:`~.debrief.debrief`.
        session: The session (for its rounds).
        index: The table (from 0).
        lang: ``"nl"`` or ``"en"``.
        legend: Whether to draw the legend in the panel.
    """
    table, played = found.tables[index], session.tables[index]
    for record in played.rounds[::2]:
        ax.axvspan(record.weeks[0] - 1, record.weeks[1], color="#eeeeee", linewidth=0)
    for record in played.rounds:  # the rounds named as the room says them, from 1
        ax.text((record.weeks[0] - 1 + record.weeks[1]) / 2, 0.98,
                f"{_ROUND[lang]} {record.number}", transform=ax.get_xaxis_transform(),
                ha="center", va="top", fontsize="small", color="#666666")
    ax.plot(table.played["week"], table.played[OUTCOME], color="#264653", linewidth=2.0,
            label=_PLAYED[lang])
    ax.plot(table.model["week"], table.model[OUTCOME], color="#e76f51", linestyle="--",
            linewidth=1.6, label=_MODEL[lang])
    if table.alternative is not None and found.alternative is not None:
        ax.plot(table.alternative["week"], table.alternative[OUTCOME], color="#2a9d8f",
                linestyle=":", linewidth=2.0, label=f"{_POLICY[lang]} {found.alternative.name}")
    ax.set_title(f"{'Tafel' if lang == 'nl' else 'Table'} {table.name}", loc="left",
                 fontweight="bold")
    ax.set_ylim(*share_limits(found))
    ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    ax.yaxis.set_major_locator(MaxNLocator(5))
    ax.xaxis.set_major_locator(MaxNLocator(6, integer=True))
    ax.grid(axis="y", color="#e6e6e6", linewidth=0.8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel(_WEEK[lang])
    if legend:
        ax.legend(loc="lower right", frameon=False, fontsize="small")


def table_figure(found: Debrief, session: Session, index: int, lang: str = "nl") -> Figure:
    """One table's panel as a small figure of its own, for the projector's grid of tables.

    Small in inches so that its words stay large on the projector: the card around it names
    the table, the title above the axis says what it counts, the legend names the baseline.
    """
    fig = Figure(figsize=(6.2, 2.1), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    draw_table(ax, found, session, index, lang, legend=False)
    ax.set_title(_AXIS[lang][:1].upper() + _AXIS[lang][1:], loc="left", fontsize="medium")
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside upper right", ncols=len(labels), frameon=False,
               fontsize="medium", handlelength=1.6, columnspacing=1.2)
    return fig


def figure(found: Debrief, session: Session, lang: str = "nl") -> Figure:
    """The tables' games against the model: one panel per table, two columns from two tables.

    Args:
        found: From :func:`~.debrief.debrief`.
        session: The session (for its rounds).
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The figure, on an Agg canvas; the y-axis is the share of residents with a caring tie
        in percent, the same for every table.
    """
    count = len(found.tables)
    columns = 1 if count == 1 else 2
    rows = math.ceil(count / columns)
    fig = Figure(figsize=(8.0 if columns == 2 else 7.0, 2.3 * rows + 0.8), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(rows, columns, squeeze=False, sharey=True).ravel()
    for index in range(count):
        draw_table(axes[index], found, session, index, lang, legend=False)
    for ax in axes[count:]:
        ax.set_visible(False)
    for ax in axes[::columns]:
        ax.set_ylabel(_AXIS[lang])
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside upper center", ncols=len(labels), frameon=False,
               fontsize="small")
    return fig


def _png(fig: Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _settings(session: Session, lang: str) -> str:
    tables, rounds, weeks = len(session.tables), session.round, session.weeks_per_round
    if lang == "nl":
        return (f"Scenario {session.scenario}, seed {session.seed}, {tables} "
                f"{'tafel' if tables == 1 else 'tafels'}, {rounds} "
                f"{'ronde' if rounds == 1 else 'rondes'} van {weeks} "
                f"{'week' if weeks == 1 else 'weken'}.")
    return (f"Scenario {session.scenario}, seed {session.seed}, {tables} "
            f"{'table' if tables == 1 else 'tables'}, {rounds} "
            f"{'round' if rounds == 1 else 'rounds'} of {weeks} "
            f"{'week' if weeks == 1 else 'weeks'}.")


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
