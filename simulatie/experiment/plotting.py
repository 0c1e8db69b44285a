"""Draw one run as a three-panel figure, in Dutch or English.

The figure is for readers who are not modellers: a community worker or a policy adviser. Its
panels answer what they ask first: do more residents get a caring tie, do fewer residents stay
without a close tie in the neighbourhood, and who gives the care that is needed. Every panel has
one y-axis that says what it shows and in which unit (shares as percentages), time runs in years
since the start, the same neighbourhood with nothing organised (the run's ``baseline_`` columns)
is drawn dotted wherever the table has it, and a vertical line marks the week a pilot's support
ended. The title names the scenario, the seed and a pilot's length. Labels and units come from
the metric declarations through :mod:`simulatie.experiment.wording`, so a re-worded metric is
re-worded here too. The figure is drawn on matplotlib's Agg canvas without pyplot, so it works
headless and leaves no global state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.observe.measures import BASELINE_PREFIX
from simulatie.experiment.wording import (
    check_lang,
    decimal,
    metric_label,
    metric_unit,
    reader_label,
    unit_words,
    years,
)

__all__ = [
    "BASELINE_GID",
    "CARE_SOURCES",
    "SUPPORT_END_GID",
    "metric_label",
    "metric_unit",
    "plot_run",
]

CARE_SOURCES: tuple[str, ...] = (
    "care_hours_network",
    "care_hours_volunteers",
    "care_hours_household",
    "care_hours_family",
    "care_hours_professional",
    "care_hours_formal",
    "care_hours_unmet",
)
"""Care-hour columns stacked in the third panel, bottom up: what the neighbourhood gives (own
network, volunteers; the network at the bottom, so that its baseline line compares with it), what
the family gives (the partner at home, family elsewhere), what professionals and formal care give,
and on top the need left unmet. A run table without a source (an older run) stacks the others."""

BASELINE_GID = "baseline"
"""The ``gid`` of every dotted line of the same neighbourhood with nothing organised."""
SUPPORT_END_GID = "support_end"
"""The ``gid`` of the vertical line at the week a pilot's support ended."""

_CARE_COLOURS = {
    "care_hours_network": "#2a9d8f",
    "care_hours_volunteers": "#8ab17d",
    "care_hours_household": "#9c89b8",
    "care_hours_family": "#cdb4db",
    "care_hours_professional": "#e9c46a",
    "care_hours_formal": "#577590",
    "care_hours_unmet": "#e76f51",
}
_SHARE_PANELS = (("share_with_caring_tie", "#264653"), ("lonely_share", "#6d597a"))
_REQUIRED = ("week", "share_with_caring_tie", "lonely_share", "care_hours_unmet")

_TEXT = {
    "care": {"nl": "Zorguren per week, naar wie ze geeft",
             "en": "Care hours per week, by who gives them"},
    "share_axis": {"nl": "% van de bewoners", "en": "% of residents"},
    "x_axis": {"nl": "jaren sinds de start", "en": "years since the start"},
    "scenario": {"nl": "dit scenario", "en": "this scenario"},
    "baseline": {"nl": "dezelfde buurt zonder project (niets georganiseerd)",
                 "en": "the same neighbourhood with nothing organised"},
    "baseline_short": {"nl": "zonder project", "en": "with nothing organised"},
    "support_end": {"nl": "einde steun (week {week})", "en": "support ended (week {week})"},
    "needed": {"nl": "Zorgvraag (totaal)", "en": "Care needed (total)"},
    "pilot": {"nl": "proef van {weeks} weken ({years})", "en": "pilot of {weeks} weeks ({years})"},
    "title": {"nl": "Scenario ‘{name}’", "en": "Scenario ‘{name}’"},
}


def _require(timeseries: pd.DataFrame, columns: Sequence[str]) -> None:
    missing = [c for c in columns if c not in timeseries.columns]
    if missing:
        raise ValueError(f"the time series lacks column(s) {', '.join(missing)}")


def _title(metadata: Mapping[str, Any], lang: str) -> str:
    """Scenario, seed and (for a pilot) its length, e.g. "Scenario ‘default’ · seed 0 · …"."""
    parts = []
    if metadata.get("scenario"):
        parts.append(_TEXT["title"][lang].format(name=metadata["scenario"]))
    if metadata.get("seed") is not None:
        parts.append(f"seed {metadata['seed']}")
    parameters = metadata.get("parameters") or {}
    if parameters.get("funding") == "pilot" and parameters.get("pilot_weeks") is not None:
        weeks = int(parameters["pilot_weeks"])
        parts.append(_TEXT["pilot"][lang].format(weeks=weeks, years=years(weeks, lang)))
    return " · ".join(parts)


def plot_run(
    timeseries: pd.DataFrame, lang: str = "nl", metadata: Mapping[str, Any] | None = None
) -> Figure:
    """Draw one run's weekly time series as three stacked panels, in years since the start.

    1. The share of residents with a caring tie.
    2. The share of residents without a close tie in the neighbourhood (the loneliness measure).
    3. Care hours per week by source, stacked, with the hours needed as a line.

    The same neighbourhood with nothing organised is drawn dotted in every panel whose measure
    the table has a ``baseline_`` column of; a vertical line marks the week support ended.

    Args:
        timeseries: One row per week with a ``week`` column and the metric columns.
        lang: Language of titles and labels, ``"nl"`` (default) or ``"en"``.
        metadata: The run's record (``scenario``, ``seed``, ``parameters`` and
            ``support_ended_week`` are used when present), as written to ``metadata.json``.

    Returns:
        The figure, on an Agg canvas (call ``savefig`` on it).

    Raises:
        ValueError: If ``lang`` is unknown or a needed column is missing.
    """
    check_lang(lang)
    _require(timeseries, _REQUIRED)
    metadata = metadata or {}
    year = timeseries["week"].to_numpy(dtype=float) / WEEKS_PER_YEAR
    ended = metadata.get("support_ended_week")
    ended = float(ended) if ended is not None and ended <= timeseries["week"].max() else None
    figure = Figure(figsize=(8.0, 10.5), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.subplots(3, 1, sharex=True)
    for ax, (name, colour) in zip(axes, _SHARE_PANELS, strict=False):
        _draw_share(ax, year, timeseries, name, colour, lang)
    _draw_care(axes[2], year, timeseries, lang)
    for ax in axes:
        _finish_axis(ax, year, ended, lang)
    # the title heads the key of line styles, so that constrained layout stacks them cleanly
    figure.legend(handles=_key(timeseries, ended, lang), loc="outside upper center", ncols=3,
                  frameon=False, fontsize="small", title=_title(metadata, lang) or None,
                  title_fontproperties={"size": "large", "weight": "bold"})
    return figure


def _key(timeseries: pd.DataFrame, ended: float | None, lang: str) -> list[Line2D]:
    """The figure's key: this scenario, the baseline (if drawn) and the end of support."""
    handles = [Line2D([], [], color="#444444", label=_TEXT["scenario"][lang])]
    if f"{BASELINE_PREFIX}share_with_caring_tie" in timeseries.columns:
        handles.append(Line2D([], [], color="#444444", linestyle=":", linewidth=2,
                              label=_TEXT["baseline"][lang]))
    if ended is not None:
        handles.append(Line2D([], [], color="#555555", linestyle="--", linewidth=1,
                              label=_TEXT["support_end"][lang].format(week=int(ended))))
    return handles


def _draw_share(ax: Axes, year: np.ndarray, timeseries: pd.DataFrame, name: str, colour: str,
                lang: str) -> None:
    """A share as a percentage of residents, with its baseline dotted if the table has one."""
    ax.set_title(reader_label(name, lang), loc="left")
    ax.plot(year, timeseries[name], color=colour, linewidth=1.6, label=reader_label(name, lang))
    top = float(np.nanmax(timeseries[name].to_numpy(dtype=float), initial=0.0))
    baseline = f"{BASELINE_PREFIX}{name}"
    if baseline in timeseries.columns:
        ax.plot(year, timeseries[baseline], color=colour, linestyle=":", linewidth=2,
                gid=BASELINE_GID, label=f"{reader_label(name, lang)}, "
                f"{_TEXT['baseline_short'][lang]}")
        top = max(top, float(np.nanmax(timeseries[baseline].to_numpy(dtype=float), initial=0.0)))
    ax.set_ylabel(_TEXT["share_axis"][lang])
    ax.set_ylim(0, min(1.0, max(0.05, top * 1.15)))
    ax.yaxis.set_major_formatter(
        FuncFormatter(lambda value, _: decimal(f"{value * 100:.3g}%", lang)))


def _draw_care(ax: Axes, year: np.ndarray, timeseries: pd.DataFrame, lang: str) -> None:
    """Care hours per week by source, stacked, with the hours needed and the baseline's network."""
    ax.set_title(_TEXT["care"][lang], loc="left")
    sources = [c for c in CARE_SOURCES if c in timeseries.columns]
    ax.stackplot(
        year,
        *(timeseries[c].to_numpy(dtype=float) for c in sources),
        labels=[metric_label(c, lang) for c in sources],
        colors=[_CARE_COLOURS[c] for c in sources],
        alpha=0.9,
    )
    if "care_hours_needed" in timeseries.columns:
        ax.plot(year, timeseries["care_hours_needed"], color="black", linewidth=0.8,
                label=_TEXT["needed"][lang])
    baseline = f"{BASELINE_PREFIX}care_hours_network"
    if baseline in timeseries.columns and sources and sources[0] == "care_hours_network":
        ax.plot(year, timeseries[baseline], color="#14534b", linestyle=":", linewidth=2,
                gid=BASELINE_GID, label=f"{metric_label('care_hours_network', lang)}, "
                f"{_TEXT['baseline_short'][lang]}")
    ax.set_ylabel(unit_words("care_hours_network", lang))
    ax.set_xlabel(_TEXT["x_axis"][lang])
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: decimal(f"{value:.6g}", lang)))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), fontsize="small", ncols=2,
              frameon=False)


def _finish_axis(ax: Axes, year: np.ndarray, ended: float | None, lang: str) -> None:
    """Years on the x-axis (decimal comma in Dutch) and the line where support ended."""
    ax.set_xlim(year.min(), max(year.max(), year.min() + 1 / WEEKS_PER_YEAR))
    if year.max() - year.min() >= 2:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: decimal(f"{value:.3g}", lang)))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    if ended is not None:
        ax.axvline(ended / WEEKS_PER_YEAR, color="#555555", linestyle="--", linewidth=1,
                   gid=SUPPORT_END_GID, label=_TEXT["support_end"][lang].format(week=int(ended)))
