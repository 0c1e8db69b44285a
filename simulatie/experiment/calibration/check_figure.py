"""The fresh-seed check as a figure: each target's band against the ensemble's runs.

The predictive check (:func:`~.abc.predictive_check`) runs members of the ensemble again on seeds
the calibration never saw. Its table says how often each band holds; this figure shows it, one
small panel per target, fitted targets first and held-out ones after: the band from the sources
shaded, every run a dot (red outside the band), the mean a vertical line, and the share of runs
inside the band written in the panel. For a held-out chance (a 0/1 statistic per run, such as
whether a resident activity still runs a year after a pilot) the mean is what meets the band.
Labels come from the metric declarations, in Dutch or English; the figure is drawn on
matplotlib's Agg canvas without pyplot, so it works headless.
"""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from simulatie.experiment.calibration.targets import HELD_OUT, TARGETS, Target
from simulatie.experiment.wording import check_lang, decimal, metric_label, metric_unit

__all__ = ["CHANCES", "FIGURE_NAME", "plot_predictive_check", "save_predictive_check"]

FIGURE_NAME = "predictive_check.png"
"""The figure's file name in the calibration's output folder."""

COLUMNS = 4  # panels per row
INSIDE, OUTSIDE, BAND = "#1b7837", "#c51b7d", "#d9f0d3"
SMALL_SPAN = 0.05  # a share axis narrower than five points gets percentages with one decimal

_DERIVED: dict[str, dict[str, str]] = {
    "initiator_share": {"nl": "Actieve initiatiefnemers, aandeel bewoners",
                        "en": "Active initiators, share of residents"},
    "initiator_share_peak_year": {"nl": "Initiatiefnemers, aandeel in het drukste jaar",
                                  "en": "Initiators, share in the busiest year"},
    "volunteer_ratio_75plus": {"nl": "Vrijwilligerswerk 75+ ten opzichte van alle leeftijden",
                               "en": "Volunteering 75+ relative to all ages"},
    "resident_activity_a_year_after": {
        "nl": "Bewonersactiviteit loopt een jaar na de pilot nog",
        "en": "A resident activity still runs a year after the pilot"},
}
"""Labels of the statistics that are not metrics themselves (:mod:`.targets`)."""

CHANCES = {"resident_activity_a_year_after"}
"""Statistics that are 0 or 1 per run: a chance, judged on the mean over the runs."""

_SHARE_DERIVED = {"initiator_share", "initiator_share_peak_year", "resident_activity_a_year_after"}

_ARMS: dict[str, dict[str, str]] = {
    "baseline": {"nl": "niets georganiseerd", "en": "nothing organised"},
    "default": {"nl": "het scenario", "en": "the scenario"},
    "pilot": {"nl": "als pilot van twee jaar", "en": "as a two-year pilot"},
}

_WORDS = {
    "nl": {"held_out": "niet gefit", "inside": "{share} van de runs binnen de band",
           "mean_inside": "gemiddelde binnen de band", "mean_outside": "gemiddelde buiten de band",
           "title": "Het ensemble op nieuwe seeds: {members} parametersets, {runs} runs. "
                    "Groen: de band uit de bronnen; stip: een run (rood: buiten de band); "
                    "streep: het gemiddelde",
           "no_runs": "geen runs"},
    "en": {"held_out": "held out", "inside": "{share} of runs inside the band",
           "mean_inside": "mean inside the band", "mean_outside": "mean outside the band",
           "title": "The ensemble on fresh seeds: {members} parameter sets, {runs} runs. "
                    "Green: the band from the sources; dot: a run (red: outside the band); "
                    "line: the mean",
           "no_runs": "no runs"},
}


def _label(target: Target, lang: str) -> str:
    """The target's label, its arm and whether it is held out."""
    name = _DERIVED[target.metric][lang] if target.metric in _DERIVED else metric_label(
        target.metric, lang)
    unit = metric_unit(target.metric, lang)
    if unit and not _is_share(target):
        name = f"{name} ({unit})"
    held_out = f", {_WORDS[lang]['held_out']}" if target.use == "held_out" else ""
    return f"{textwrap.fill(name, 34)}\n({_ARMS[target.arm][lang]}{held_out})"


def _is_share(target: Target) -> bool:
    """Whether the statistic is a share, drawn in percent."""
    return target.metric in _SHARE_DERIVED or metric_unit(target.metric, "en") == "share"


def plot_predictive_check(fresh: pd.DataFrame, lang: str = "nl") -> Figure:
    """One panel per target present in ``fresh``: its band, the runs and their mean.

    Args:
        fresh: :func:`~.abc.predictive_check`'s rows: one per member and seed, a column per
            target (``arm:metric``) and ``member``.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The figure.

    Raises:
        ValueError: If ``fresh`` has no target's column.
    """
    check_lang(lang)
    targets = [t for t in (*TARGETS, *HELD_OUT) if t.key in fresh.columns]
    if not targets:
        raise ValueError("the check's table has no target's column")
    rows = math.ceil(len(targets) / COLUMNS)
    figure = Figure(figsize=(3.4 * COLUMNS, 1.9 * rows + 0.9), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.subplots(rows, COLUMNS, squeeze=False).ravel()
    jitter = np.random.default_rng(0).uniform(-0.3, 0.3, len(fresh))
    for ax, target in zip(axes, targets, strict=False):
        _panel(ax, target, fresh[target.key].to_numpy(dtype=float), jitter, lang)
    for ax in axes[len(targets):]:
        ax.set_visible(False)
    members = int(fresh["member"].nunique()) if "member" in fresh.columns else len(fresh)
    figure.suptitle(textwrap.fill(_WORDS[lang]["title"].format(members=members, runs=len(fresh)),
                                  140), fontsize=10)
    return figure


def _panel(ax, target: Target, values: np.ndarray, jitter: np.ndarray, lang: str) -> None:
    """Draw one target: the band, the runs (coloured by inside or not) and their mean."""
    words = _WORDS[lang]
    finite = np.isfinite(values)
    shown, spread = values[finite], jitter[finite]
    ax.axvspan(target.low, target.high, color=BAND, zorder=0)
    inside = (shown >= target.low) & (shown <= target.high)
    ax.scatter(shown[inside], spread[inside], s=9, color=INSIDE, zorder=2)
    ax.scatter(shown[~inside], spread[~inside], s=9, color=OUTSIDE, zorder=2)
    if len(shown):
        mean = float(shown.mean())
        ax.axvline(mean, color="black", linewidth=1.2, zorder=3)
        if target.metric in CHANCES:
            note = words["mean_inside" if target.low <= mean <= target.high else "mean_outside"]
        else:
            note = words["inside"].format(share=f"{inside.mean():.0%}")
        ax.text(0.02, 0.04, decimal(note, lang), transform=ax.transAxes, fontsize=7)
    else:
        ax.text(0.02, 0.04, words["no_runs"], transform=ax.transAxes, fontsize=7)
    low = min(target.low, float(shown.min()) if len(shown) else target.low)
    high = max(target.high, float(shown.max()) if len(shown) else target.high)
    margin = 0.08 * (high - low or 1.0)
    ax.set_xlim(low - margin, high + margin)
    ax.set_ylim(-0.6, 0.6)
    ax.set_yticks([])
    if _is_share(target):
        places = 0 if high - low + 2 * margin >= SMALL_SPAN else 1
        ax.xaxis.set_major_formatter(FuncFormatter(
            lambda x, _, places=places: decimal(f"{100 * x:.{places}f}%", lang)))
    ax.tick_params(axis="x", labelsize=7)
    ax.set_title(_label(target, lang), fontsize=7.5, loc="left")


def save_predictive_check(fresh: pd.DataFrame, folder: Path, lang: str = "nl") -> Path:
    """Draw the check (:func:`plot_predictive_check`) and write it as ``FIGURE_NAME``.

    Returns:
        The file written.
    """
    path = Path(folder) / FIGURE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    plot_predictive_check(fresh, lang).savefig(path, dpi=130)
    return path
