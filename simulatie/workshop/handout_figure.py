"""The handout's figure: a myth's key metric over time, per arm, with 95% bands.

One figure of two panels, the default assumptions and the counter-assumption, sharing the y axis,
so that the reader sees the same comparison the numbers describe. It is drawn on a matplotlib
:class:`~matplotlib.figure.Figure` without pyplot, so it works headless and the dashboard can
show it as it is; :func:`figure_png` gives the bytes the HTML and PDF pages embed. A band of a
metric that cannot be negative (:func:`never_negative`) stops at zero.
"""

from __future__ import annotations

import io
import textwrap

import numpy as np
from matplotlib.figure import Figure

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.observe.metrics import METRICS
from simulatie.experiment.intervals import interval
from simulatie.workshop.handout_words import is_share
from simulatie.workshop.myths import MythResult, Summary
from simulatie.workshop.texts import MYTH_TEXTS, TEMPLATES

__all__ = ["COLOURS", "band", "figure_png", "never_negative", "plot_myth"]

COLOURS = {"myth": "#d95f02", "alternative": "#1b9e77"}
"""Line and band colour per arm."""


def band(
    curves: np.ndarray, floor: float | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean and 95% interval of the mean per week, over the replications.

    Args:
        curves: One row per replication, one column per week.
        floor: The lowest value the metric can take (``0.0`` for a count or share); the band
            is cut there. ``None`` leaves it as computed.

    Returns:
        ``(mean, low, high)`` per week; where the interval is undefined (fewer than two
        replications), low and high are the mean.
    """
    stats = [interval(column) for column in curves.T]
    mean = np.array([s["mean"] for s in stats])
    low = np.array([s["ci_low"] for s in stats])
    high = np.array([s["ci_high"] for s in stats])
    low = np.where(np.isnan(low), mean, low)
    if floor is not None:
        low = np.maximum(low, floor)
    return mean, low, np.where(np.isnan(high), mean, high)


def never_negative(result: MythResult) -> bool:
    """Whether the myth's key metric cannot be negative, so its bands stop at zero.

    :mod:`simulatie.core.observe.metrics` declares a unit for each metric but not whether it can be
    negative. So this is judged from what was observed: a metric counts as never negative when
    every value on every curve, in both arms and under both assumptions, is at least zero (a
    count, a total of hours or a share). The numbers in words keep an arm's interval above zero
    by the same reasoning.

    Args:
        result: The myth's result.

    Returns:
        True when no observed value of the key metric is below zero.
    """
    arms = [getattr(comparison, arm) for comparison in (result.default, result.counter)
            for arm in ("myth", "alternative")]
    return not any(np.any(arm.curves < 0) for arm in arms)


def _axis_label(result: MythResult, lang: str) -> str:
    """The y axis label: the metric, and how it is summed or divided."""
    measure = result.myth.measure
    label = METRICS[measure.metric].label(lang)
    t = TEMPLATES[lang]
    if measure.summary is Summary.PER_YEAR:
        return t["cumulative"].format(label=label)
    if measure.summary is Summary.SHARE_OF:
        return t["share_so_far"].format(label=label)
    return label + (" (%)" if METRICS[measure.metric].unit == "share" else "")


def plot_myth(result: MythResult, lang: str = "nl", marker: str = "") -> Figure:
    """The key metric over time per arm (mean and 95% band), default | counter-assumption.

    Args:
        result: From :func:`simulatie.workshop.myths.run_myth`.
        lang: ``"nl"`` or ``"en"``.
        marker: What the answer is when it is not the full analysis (e.g. "quick try"), put
            into the figure's title so that the figure on its own says so too.

    Returns:
        A figure with two panels sharing the y axis.
    """
    words, t = MYTH_TEXTS[result.number][lang], TEMPLATES[lang]
    share = is_share(result)
    floor = 0.0 if never_negative(result) else None  # no declared sign: judged from the values
    figure = Figure(figsize=(10, 3.8), layout="constrained")
    axes = figure.subplots(1, 2, sharey=True)
    years = result.weeks / WEEKS_PER_YEAR
    counter_short = str(words["counter"])
    panels = (
        (result.default, t["panel_default"]),
        (result.counter, t["panel_counter"].format(counter_short=counter_short)),
    )
    for ax, (comparison, title) in zip(axes, panels, strict=True):
        for arm in ("alternative", "myth"):
            mean, low, high = band(getattr(comparison, arm).curves, floor)
            factor = 100 if share else 1
            label = textwrap.shorten(str(words[f"{arm}_arm"]), 45, placeholder=" …")
            ax.plot(years, mean * factor, color=COLOURS[arm], lw=2, label=label)
            ax.fill_between(years, low * factor, high * factor, color=COLOURS[arm], alpha=0.25,
                            lw=0)
        ax.set_title("\n".join(textwrap.wrap(title, 66)[:3]), fontsize=9)
        ax.set_xlabel(t["years"])
        ax.grid(alpha=0.3)
        ax.set_xlim(0, years[-1])
    axes[0].set_ylabel("\n".join(textwrap.wrap(_axis_label(result, lang), 40)))
    axes[0].legend(fontsize=8, loc="best", frameon=False)
    title = f"{t['myth'].format(n=result.number)}: {words['claim']}"
    if marker:
        title += f" ({marker.upper()})"
    figure.suptitle(f"{title} — {t['figure_caption']}", fontsize=10,
                    color="#a04000" if marker else "black")
    return figure


def figure_png(figure: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes, as ``figure.png`` and the pages embed it.

    Args:
        figure: From :func:`plot_myth`.
        dpi: Resolution.

    Returns:
        The PNG file's bytes.
    """
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
