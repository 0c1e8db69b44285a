"""Draw a comparison of two policies: the share with a caring tie over the years, A against B.

Each arm's mean over the replications with its 95% band, the same neighbourhood with nothing
organised dotted (one line when both arms share it), and a vertical line where a pilot's
support ends. Drawn on matplotlib's Agg canvas without pyplot, so it works headless.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.observe.measures import BASELINE_PREFIX
from simulatie.core.parameters import baseline_parameters
from simulatie.experiment.comparison import ARMS, HEADLINE, Comparison, band
from simulatie.experiment.comparison_words import arm_label, measure_label

__all__ = ["plot_comparison"]

_COLOURS = {"A": "#264653", "B": "#e76f51"}
_BASELINE_COLOUR = "#8d99ae"
_TEXT = {
    "year": {"nl": "jaar", "en": "year"},
    "band": {"nl": "gemiddelde en 95%-band", "en": "mean and 95% band"},
    "nothing": {"nl": "niets georganiseerd", "en": "nothing organised"},
    "pilot": {"nl": "einde pilot", "en": "pilot ends"},
    "versus": {"nl": "tegen", "en": "versus"},
}


def _draw_arms(ax: Axes, comparison: Comparison, lang: str) -> None:
    """Each arm's mean share with its 95% band, in percent."""
    for index, arm in enumerate(ARMS):
        stats = band(comparison.weekly, HEADLINE, arm)
        years = stats["week"].to_numpy() / WEEKS_PER_YEAR
        colour = _COLOURS[arm]
        ax.plot(years, stats["mean"] * 100, color=colour,
                label=f"{arm}: {arm_label(comparison, index)} ({_TEXT['band'][lang]})")
        ax.fill_between(years, stats["low"] * 100, stats["high"] * 100, color=colour,
                        alpha=0.2, linewidth=0)


def _draw_baselines(ax: Axes, comparison: Comparison, lang: str) -> None:
    """The baseline arm(s) dotted: one line when A and B are the same neighbourhood."""
    a, b = (baseline_parameters(arm.parameters) for arm in comparison.arms)
    arms = ARMS[:1] if a == b else ARMS
    for arm in arms:
        stats = band(comparison.weekly, BASELINE_PREFIX + HEADLINE, arm)
        label = _TEXT["nothing"][lang] + ("" if len(arms) == 1 else f" ({arm})")
        colour = _BASELINE_COLOUR if len(arms) == 1 else _COLOURS[arm]
        ax.plot(stats["week"].to_numpy() / WEEKS_PER_YEAR, stats["mean"] * 100, color=colour,
                linestyle=":", linewidth=1.6, label=label)


def _draw_pilot_ends(ax: Axes, comparison: Comparison, lang: str) -> None:
    """A vertical line where a pilot's support ends, for each arm that is a pilot."""
    ends: dict[int, list[str]] = {}
    for key, arm in zip(ARMS, comparison.arms, strict=True):
        params = arm.parameters
        if str(params.funding) == "pilot" and params.pilot_weeks <= comparison.weeks:
            ends.setdefault(params.pilot_weeks, []).append(key)
    for week, keys in sorted(ends.items()):
        ax.axvline(week / WEEKS_PER_YEAR, color="black", linestyle="--", linewidth=1.0,
                   label=f"{_TEXT['pilot'][lang]} ({' + '.join(keys)})")


def plot_comparison(comparison: Comparison, lang: str = "nl") -> Figure:
    """Draw the share with a caring tie over the years for A and B.

    Args:
        comparison: From :func:`simulatie.experiment.comparison.compare`.
        lang: Language of the title and labels, ``"nl"`` or ``"en"``.

    Returns:
        The figure, on an Agg canvas (call ``savefig`` on it).
    """
    figure = Figure(figsize=(8.0, 5.0), layout="constrained")
    FigureCanvasAgg(figure)
    ax = figure.subplots()
    _draw_arms(ax, comparison, lang)
    _draw_baselines(ax, comparison, lang)
    _draw_pilot_ends(ax, comparison, lang)
    label = measure_label(HEADLINE, lang)
    ax.set_title(f"{label}: A ({arm_label(comparison, 0)}) {_TEXT['versus'][lang]} "
                 f"B ({arm_label(comparison, 1)})", loc="left", fontsize="medium")
    ax.set_xlabel(_TEXT["year"][lang])
    ax.set_ylabel(f"{label} (%)")
    ax.set_xlim(0, max(comparison.weeks, 1) / WEEKS_PER_YEAR)
    ax.set_ylim(0, min(100.0, ax.get_ylim()[1]))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2, fontsize="small",
              frameon=False)
    return figure
