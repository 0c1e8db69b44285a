"""Draw one run as a three-panel figure, in Dutch or English.

The panels show what a community worker asks first: do caring ties emerge, does loneliness go down,
and who provides the care that is needed. Labels come from the metric declarations in
:data:`simulatie.core.observe.metrics.METRICS`, so a re-worded metric is re-worded here too. The
figure is drawn on matplotlib's Agg canvas without pyplot, so it works headless and leaves no global
state.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from simulatie.core.observe.metrics import METRICS

__all__ = ["CARE_SOURCES", "metric_label", "metric_unit", "plot_run"]

CARE_SOURCES: tuple[str, ...] = (
    "care_hours_network",
    "care_hours_volunteers",
    "care_hours_professional",
    "care_hours_formal",
    "care_hours_unmet",
)
"""Care-hour columns stacked in the third panel, from closest to the person outwards."""

_CARE_COLOURS = ("#2a9d8f", "#8ab17d", "#e9c46a", "#577590", "#e76f51")

# Metric units are declared in English; the Dutch figure shows these few in Dutch.
_UNIT_NL = {"share": "aandeel", "ties": "banden", "hours/week": "uren per week"}

_TEXT = {
    "week": {"nl": "week", "en": "week"},
    "ties_title": {"nl": "Zorgzame banden", "en": "Caring ties"},
    "lonely_title": {"nl": "Eenzaamheid", "en": "Loneliness"},
    "care_title": {"nl": "Zorguren naar bron", "en": "Care hours by source"},
}


def _check_lang(lang: str) -> None:
    if lang not in ("nl", "en"):
        raise ValueError(f"language '{lang}' is not supported; use 'nl' or 'en'")


def metric_label(name: str, lang: str = "nl") -> str:
    """Return a metric's human label in Dutch (``"nl"``) or English (``"en"``).

    Args:
        name: Metric name, e.g. ``"lonely_share"``.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The declared label, or the name itself for an undeclared metric.
    """
    _check_lang(lang)
    metric = METRICS.get(name)
    if metric is None:
        return name
    return metric.nl if lang == "nl" else metric.en


def metric_unit(name: str, lang: str = "en") -> str:
    """Return a metric's declared unit (empty when undeclared), in Dutch where known."""
    metric = METRICS.get(name)
    unit = metric.unit if metric is not None else ""
    return _UNIT_NL.get(unit, unit) if lang == "nl" else unit


def _axis_label(name: str, lang: str) -> str:
    unit = metric_unit(name, lang)
    return f"{metric_label(name, lang)} ({unit})" if unit else metric_label(name, lang)


def _require(timeseries: pd.DataFrame, columns: Sequence[str]) -> None:
    missing = [c for c in columns if c not in timeseries.columns]
    if missing:
        raise ValueError(f"the time series lacks column(s) {', '.join(missing)}")


def plot_run(timeseries: pd.DataFrame, lang: str = "nl") -> Figure:
    """Draw one run's weekly time series as three stacked panels.

    1. Caring ties: their number (left axis) and the share of residents with one (right axis).
    2. Loneliness: the share of residents who are lonely.
    3. Care hours per week by source (network, volunteers, professional, formal, unmet), stacked.

    Args:
        timeseries: One row per week with a ``week`` column and the metric columns.
        lang: Language of titles and labels, ``"nl"`` (default) or ``"en"``.

    Returns:
        The figure, on an Agg canvas (call ``savefig`` on it).

    Raises:
        ValueError: If ``lang`` is unknown or a needed column is missing.
    """
    _check_lang(lang)
    _require(timeseries, ["week", "caring_ties", "share_with_caring_tie", "lonely_share"])
    _require(timeseries, CARE_SOURCES)
    week = timeseries["week"].to_numpy()
    figure = Figure(figsize=(8.0, 9.5), layout="constrained")
    FigureCanvasAgg(figure)
    ties_ax, lonely_ax, care_ax = figure.subplots(3, 1, sharex=True)
    _draw_ties(ties_ax, week, timeseries, lang)
    _draw_loneliness(lonely_ax, week, timeseries, lang)
    _draw_care(care_ax, week, timeseries, lang)
    return figure


def _draw_ties(ax: Axes, week: np.ndarray, timeseries: pd.DataFrame, lang: str) -> None:
    """Panel 1: the number of caring ties (left axis) and the share with one (right axis)."""
    ax.set_title(_TEXT["ties_title"][lang], loc="left")
    (count_line,) = ax.plot(
        week, timeseries["caring_ties"], color="#264653", label=metric_label("caring_ties", lang)
    )
    ax.set_ylabel(metric_unit("caring_ties", lang), color="#264653")
    ax.set_ylim(bottom=0)
    share_ax = ax.twinx()
    (share_line,) = share_ax.plot(
        week,
        timeseries["share_with_caring_tie"],
        color="#e76f51",
        linestyle="--",
        label=metric_label("share_with_caring_tie", lang),
    )
    share_ax.set_ylabel(metric_unit("share_with_caring_tie", lang), color="#e76f51")
    share_ax.set_ylim(0, 1.02)
    ax.legend(handles=[count_line, share_line], loc="upper left", frameon=False)


def _draw_loneliness(ax: Axes, week: np.ndarray, timeseries: pd.DataFrame, lang: str) -> None:
    """Panel 2: the share of residents who are lonely."""
    ax.set_title(_TEXT["lonely_title"][lang], loc="left")
    ax.plot(week, timeseries["lonely_share"], color="#6d597a")
    ax.set_ylabel(_axis_label("lonely_share", lang))
    ax.set_ylim(0, 1.02)


def _draw_care(ax: Axes, week: np.ndarray, timeseries: pd.DataFrame, lang: str) -> None:
    """Panel 3: care hours per week by source, stacked, with the hours needed as a line."""
    ax.set_title(_TEXT["care_title"][lang], loc="left")
    ax.stackplot(
        week,
        *(timeseries[c].to_numpy(dtype=float) for c in CARE_SOURCES),
        labels=[metric_label(c, lang) for c in CARE_SOURCES],
        colors=_CARE_COLOURS,
        alpha=0.9,
    )
    if "care_hours_needed" in timeseries.columns:
        ax.plot(
            week,
            timeseries["care_hours_needed"],
            color="black",
            linewidth=1.0,
            linestyle=":",
            label=metric_label("care_hours_needed", lang),
        )
    ax.set_ylabel(metric_unit("care_hours_network", lang))
    ax.set_xlabel(_TEXT["week"][lang])
    ax.set_ylim(bottom=0)
    ax.set_xlim(week.min(), max(week.max(), week.min() + 1))
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize="small", ncols=3, frameon=False
    )
