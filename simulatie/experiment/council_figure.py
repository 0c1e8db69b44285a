"""The council page's figure: the headline and its two side effects, against nothing organised.

Three small panels side by side, over time: the share of residents with a caring tie, the share
without a close tie in the neighbourhood, and the unmet care in hours per week. Each shows the
same neighbourhood with nothing organised as a dotted line and the end of a pilot as a dashed
line. A single run draws its one line; a comparison draws each policy's mean with its 95% band.
Every line is a four-week running mean, so that one week's chance does not hide the course.
Drawn on matplotlib's Agg canvas without pyplot, so it works headless and keeps no global state.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.observe.measures import BASELINE_PREFIX
from simulatie.core.parameters import baseline_parameters
from simulatie.experiment.comparison import ARMS, Comparison, band
from simulatie.experiment.wording import decimal, metric_unit, reader_label, unit_words

__all__ = ["PANELS", "comparison_figure", "figure_png", "run_figure"]

PANELS = ("share_with_caring_tie", "lonely_share", "care_hours_unmet")
"""The measures drawn, left to right: the headline, then the two side effects."""
SMOOTH_WEEKS = 4
"""Every line is a running mean over this many weeks, so a week's chance does not hide the trend."""
SIZE = (8.0, 2.9)
"""The figure's size in inches: the width of the page's text, a third of its height or less."""

_RUN_COLOUR = "#264653"
_ARM_COLOURS = {"A": "#264653", "B": "#e76f51"}
_BASELINE_COLOUR = "#6c757d"
_END_COLOUR = "#333333"
_TEXT = {
    "years": {"nl": "jaren sinds de start", "en": "years since the start"},
    "weeks": {"nl": "weken sinds de start", "en": "weeks since the start"},
    "run": {"nl": "deze berekening", "en": "this calculation"},
    "baseline": {"nl": "zonder project (niets georganiseerd)",
                 "en": "with nothing organised"},
    "baseline_arm": {"nl": "zonder project ({arm})", "en": "with nothing organised ({arm})"},
    "end": {"nl": "einde proef", "en": "pilot ends"},
    "end_arm": {"nl": "einde proef ({arms})", "en": "pilot ends ({arms})"},
    "arm": {"nl": "{arm}: gemiddelde en 95%-band", "en": "{arm}: mean and 95% band"},
}


def _smooth(values: pd.Series) -> np.ndarray:
    """A trailing running mean over :data:`SMOOTH_WEEKS` weeks."""
    return values.rolling(SMOOTH_WEEKS, min_periods=1).mean().to_numpy(dtype=float)


def _in_years(weeks: int) -> bool:
    return weeks >= 2 * WEEKS_PER_YEAR


def _axes(weeks: int, lang: str) -> tuple[Figure, list[Axes]]:
    """The figure with its three panels, titled and with their axes formatted."""
    figure = Figure(figsize=SIZE, layout="constrained")
    FigureCanvasAgg(figure)
    axes = list(figure.subplots(1, len(PANELS), sharex=True))
    scale = WEEKS_PER_YEAR if _in_years(weeks) else 1
    for ax, metric in zip(axes, PANELS, strict=True):
        share = metric_unit(metric) == "share"
        unit = "%" if share else unit_words(metric, lang)
        ax.set_title(textwrap.fill(f"{reader_label(metric, lang)} ({unit})", 30), loc="left",
                     fontsize=8.5)
        ax.set_xlim(0, max(weeks, 1) / scale)
        ax.set_xlabel(_TEXT["years" if scale > 1 else "weeks"][lang], fontsize=7.5)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
        ax.yaxis.set_major_formatter(FuncFormatter(
            lambda value, _, share=share: decimal(f"{value * 100 if share else value:.3g}",
                                                  lang)))
        ax.tick_params(labelsize=7.5)
        ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    return figure, axes


def _finish(figure: Figure, axes: Sequence[Axes], handles: list[Any],
            ends: Mapping[int, str], weeks: int) -> None:
    """The lines where pilots end, a floor of zero (and a ceiling of 100%), and the key."""
    scale = WEEKS_PER_YEAR if _in_years(weeks) else 1
    for ax, metric in zip(axes, PANELS, strict=True):
        for week in ends:
            ax.axvline(week / scale, color=_END_COLOUR, linestyle="--", linewidth=0.9)
        top = ax.get_ylim()[1]
        if metric_unit(metric) == "share":
            top = min(1.0, max(top, 0.05))
        ax.set_ylim(0, top)
    for label in ends.values():
        handles.append(Line2D([], [], color=_END_COLOUR, linestyle="--", linewidth=0.9,
                              label=label))
    figure.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 4),
                  frameon=False, fontsize=7.5)


def run_figure(timeseries: pd.DataFrame, metadata: Mapping[str, Any] | None = None,
               lang: str = "nl") -> Figure:
    """One run: each measure as a line, its baseline dotted, the end of a pilot dashed.

    Args:
        timeseries: The run's weekly table with its ``baseline_`` columns.
        metadata: The run's record (``support_ended_week`` is used when present).
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The figure, on an Agg canvas.
    """
    weeks = int(timeseries["week"].max())
    figure, axes = _axes(weeks, lang)
    scale = WEEKS_PER_YEAR if _in_years(weeks) else 1
    time = timeseries["week"].to_numpy(dtype=float) / scale
    has_baseline = False
    for ax, metric in zip(axes, PANELS, strict=True):
        if metric in timeseries.columns:
            ax.plot(time, _smooth(timeseries[metric]), color=_RUN_COLOUR, linewidth=1.4)
        if BASELINE_PREFIX + metric in timeseries.columns:
            has_baseline = True
            ax.plot(time, _smooth(timeseries[BASELINE_PREFIX + metric]),
                    color=_BASELINE_COLOUR, linestyle=":", linewidth=1.6)
    handles: list[Any] = [Line2D([], [], color=_RUN_COLOUR, linewidth=1.4,
                                 label=_TEXT["run"][lang])]
    if has_baseline:
        handles.append(Line2D([], [], color=_BASELINE_COLOUR, linestyle=":", linewidth=1.6,
                              label=_TEXT["baseline"][lang]))
    ended = (metadata or {}).get("support_ended_week")
    ends = {int(ended): _TEXT["end"][lang]} if ended is not None and ended <= weeks else {}
    _finish(figure, axes, handles, ends, weeks)
    return figure


def _pilot_ends(comparison: Comparison, lang: str) -> dict[int, str]:
    """The week each pilot ends, labelled with the arms it ends in."""
    ends: dict[int, list[str]] = {}
    for key, arm in zip(ARMS, comparison.arms, strict=True):
        params = arm.parameters
        if str(params.funding) == "pilot" and params.pilot_weeks <= comparison.weeks:
            ends.setdefault(params.pilot_weeks, []).append(key)
    both = len(ends) == 1 and len(next(iter(ends.values()))) == 2
    return {week: (_TEXT["end"][lang] if both else
                   _TEXT["end_arm"][lang].format(arms=" + ".join(arms)))
            for week, arms in sorted(ends.items())}


def comparison_figure(comparison: Comparison, lang: str = "nl") -> Figure:
    """Two policies: each one's mean with its 95% band, the baseline dotted, pilot ends dashed.

    Args:
        comparison: From :func:`simulatie.experiment.comparison.compare`.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The figure, on an Agg canvas.
    """
    figure, axes = _axes(comparison.weeks, lang)
    scale = WEEKS_PER_YEAR if _in_years(comparison.weeks) else 1
    a, b = (baseline_parameters(arm.parameters) for arm in comparison.arms)
    same = a == b
    baselines = ARMS[:1] if same else ARMS
    for ax, metric in zip(axes, PANELS, strict=True):
        if metric not in comparison.weekly.columns:
            continue
        for arm in ARMS:
            stats = band(comparison.weekly, metric, arm)
            time = stats["week"].to_numpy(dtype=float) / scale
            ax.plot(time, _smooth(stats["mean"]), color=_ARM_COLOURS[arm], linewidth=1.4)
            ax.fill_between(time, _smooth(stats["low"]), _smooth(stats["high"]),
                            color=_ARM_COLOURS[arm], alpha=0.18, linewidth=0)
        if BASELINE_PREFIX + metric not in comparison.weekly.columns:
            continue
        for arm in baselines:
            stats = band(comparison.weekly, BASELINE_PREFIX + metric, arm)
            colour = _BASELINE_COLOUR if same else _ARM_COLOURS[arm]
            ax.plot(stats["week"].to_numpy(dtype=float) / scale, _smooth(stats["mean"]),
                    color=colour, linestyle=":", linewidth=1.6)
    handles: list[Any] = [
        (Patch(facecolor=_ARM_COLOURS[arm], alpha=0.35, edgecolor=_ARM_COLOURS[arm],
               label=_TEXT["arm"][lang].format(arm=arm))) for arm in ARMS]
    for arm in baselines:
        handles.append(Line2D([], [], color=_BASELINE_COLOUR if same else _ARM_COLOURS[arm],
                              linestyle=":", linewidth=1.6,
                              label=_TEXT["baseline"][lang] if same
                              else _TEXT["baseline_arm"][lang].format(arm=arm)))
    _finish(figure, axes, handles, _pilot_ends(comparison, lang), comparison.weeks)
    return figure


def figure_png(figure: Figure, dpi: int = 200) -> bytes:
    """The figure as PNG bytes, to place on the page and embed in the HTML.

    Args:
        figure: The figure.
        dpi: Dots per inch (200 prints sharply at the page's width).

    Returns:
        The PNG file's bytes.
    """
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
