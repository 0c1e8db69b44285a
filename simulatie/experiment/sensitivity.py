"""Global sensitivity of a sweep's outcomes to its levers, with SALib (Morris and Sobol).

An experiment whose design method is ``morris`` or ``sobol`` samples its varied parameters with
SALib (:mod:`simulatie.experiment.experiments`); this module feeds the runs' outcomes back to the
matching SALib analysis. Each design point's outcome is the mean over its replications. Two outcomes
need a convention: a run in which caring ties never emerged has no ``emergence_week``; it counts as
``weeks + 1`` (right-censored at the end of the run). ``half_life_weeks`` is undefined in most
runs and is left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "HEATMAP_FROM",
    "OUTPUTS",
    "SensitivityError",
    "analyse",
    "plot_sensitivity",
    "relative_influence",
]

OUTPUTS = (
    "final_share_with_caring_tie",
    "caring_excess_final",
    "final_lonely_share",
    "final_care_hours_unmet",
    "caring_peak",
    "emergence_week",
)
"""Outcomes analysed by default (those present in the results)."""

HEATMAP_FROM = 25
"""From this many parameters on, the figure is one heatmap instead of a bar chart per outcome."""


class SensitivityError(ValueError):
    """A sensitivity analysis that cannot be made, in one line."""


def _outcome(runs: pd.DataFrame, output: str, points: int, weeks: int) -> np.ndarray:
    """Mean outcome per design point, in design order."""
    values = runs[output].astype(float)
    if output == "emergence_week":
        values = values.fillna(weeks + 1)
    means = values.groupby(runs["point"]).mean()
    missing = sorted(set(range(points)) - set(means.index))
    if missing:
        raise SensitivityError(
            f"{len(missing)} of {points} design points have no finished run (e.g. point "
            f"{missing[0]}); run the sweep again to complete them"
        )
    return means.reindex(range(points)).to_numpy()


def analyse(
    experiment: Mapping[str, Any],
    runs: pd.DataFrame,
    outputs: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Compute sensitivity indices of each outcome to each varied parameter.

    Args:
        experiment: The experiment record written with the results (``experiment.json``):
            ``method``, ``varied``, ``ranges``, ``samples``, ``levels``, ``second_order``,
            ``weeks`` and ``seed``.
        runs: One row per finished run with ``point`` and the outcome columns.
        outputs: Outcomes to analyse; by default those of :data:`OUTPUTS` that are present.

    Returns:
        A tidy table, one row per outcome and parameter. Morris: ``mu_star``,
        ``mu_star_conf``, ``mu`` and ``sigma``; Sobol: ``S1``, ``S1_conf``, ``ST``, ``ST_conf``.

    Raises:
        SensitivityError: If the method has no sensitivity analysis or runs are missing.
    """
    from SALib.analyze import morris, sobol

    method = experiment["method"]
    if method not in ("morris", "sobol"):
        raise SensitivityError(f"method '{method}' has no sensitivity analysis here")
    names = list(experiment["varied"])
    problem = {
        "num_vars": len(names),
        "names": names,
        "bounds": [list(experiment["ranges"][n]) for n in names],
    }
    samples = np.asarray(experiment["samples"], dtype=float)
    points, weeks = len(samples), int(experiment["weeks"])
    chosen = [o for o in (outputs or OUTPUTS) if o in runs.columns]
    rows = []
    for output in chosen:
        y = _outcome(runs, output, points, weeks)
        with np.errstate(divide="ignore", invalid="ignore"):
            if method == "morris":
                result = morris.analyze(
                    problem, samples, y, num_levels=int(experiment["levels"]),
                    conf_level=0.95, seed=int(experiment["seed"]),
                )
                keys = ("mu_star", "mu_star_conf", "mu", "sigma")
            else:
                result = sobol.analyze(
                    problem, y, calc_second_order=bool(experiment["second_order"]),
                    conf_level=0.95, seed=int(experiment["seed"]),
                )
                keys = ("S1", "S1_conf", "ST", "ST_conf")
        for i, name in enumerate(names):
            rows.append(
                {"output": output, "parameter": name, **{k: float(result[k][i]) for k in keys}}
            )
    return pd.DataFrame(rows)


def plot_sensitivity(
    table: pd.DataFrame, method: str, labels: Mapping[str, str] | None = None
) -> Figure:
    """The indices as a figure: bars per outcome, or one heatmap when many parameters are varied.

    With fewer than :data:`HEATMAP_FROM` parameters each outcome gets a bar chart, parameters
    sorted by influence. A screening over every assumption varies some sixty; then one heatmap
    shows every parameter (rows) against every outcome (columns), each index scaled to the most
    influential parameter of that outcome, rows sorted by their largest scaled index.

    Args:
        table: The output of :func:`analyse`.
        method: ``"morris"`` or ``"sobol"``.
        labels: Display names of the outcomes.

    Returns:
        The figure.
    """
    if table["parameter"].nunique() >= HEATMAP_FROM:
        return _heatmap(table, method, labels or {})
    return _bars(table, method, labels or {})


def relative_influence(table: pd.DataFrame, method: str) -> pd.DataFrame:
    """Each parameter's index scaled to the largest of its outcome (1 = most influential).

    Args:
        table: The output of :func:`analyse`.
        method: ``"morris"`` (scales μ*) or ``"sobol"`` (scales ST).

    Returns:
        Parameters (rows, most influential first) by outcomes (columns), values 0 to 1.
    """
    index = "mu_star" if method == "morris" else "ST"
    wide = table.pivot(index="parameter", columns="output", values=index)
    wide = wide[list(dict.fromkeys(table["output"]))].clip(lower=0)
    top = wide.max().replace(0, np.nan)
    scaled = (wide / top).fillna(0.0)
    return scaled.loc[scaled.max(axis=1).sort_values(ascending=False).index]


def _heatmap(table: pd.DataFrame, method: str, labels: Mapping[str, str]) -> Figure:
    """One heatmap of relative influence, parameters by outcomes."""
    from matplotlib.figure import Figure

    scaled = relative_influence(table, method)
    n_params, n_outputs = scaled.shape
    figure = Figure(figsize=(2.0 + 1.3 * n_outputs, 0.19 * n_params + 1.8), layout="constrained")
    ax = figure.subplots()
    image = ax.imshow(scaled.to_numpy(), aspect="auto", cmap="Blues", vmin=0, vmax=1)
    ax.set_yticks(np.arange(n_params), scaled.index, fontsize=7)
    ax.set_xticks(np.arange(n_outputs), [labels.get(o, o) for o in scaled.columns],
                  rotation=30, ha="left", fontsize=8)
    ax.xaxis.tick_top()
    for row, column in zip(*np.nonzero(scaled.to_numpy() >= 0.2), strict=True):
        value = scaled.iat[row, column]
        ax.text(column, row, f"{value:.1f}".lstrip("0"), ha="center", va="center", fontsize=6,
                color="white" if value > 0.6 else "black")
    index = "μ*" if method == "morris" else "ST"
    figure.colorbar(image, ax=ax, shrink=0.3, label=f"{index} ÷ largest {index} of the outcome")
    return figure


def _bars(table: pd.DataFrame, method: str, labels: Mapping[str, str]) -> Figure:
    """A bar chart per outcome, parameters sorted by influence."""
    from matplotlib.figure import Figure

    outputs = list(dict.fromkeys(table["output"]))
    n_params = table["parameter"].nunique()
    figure = Figure(figsize=(5.0 * len(outputs), 0.35 * n_params + 1.6), layout="constrained")
    axes = figure.subplots(1, len(outputs), squeeze=False)[0]
    for ax, output in zip(axes, outputs, strict=True):
        part = table[table["output"] == output]
        y = np.arange(len(part))
        if method == "morris":
            part = part.sort_values("mu_star")
            ax.barh(y, part["mu_star"], xerr=part["mu_star_conf"], color="#4c72b0")
            ax.set_xlabel("μ* (mean |elementary effect|)")
        else:
            part = part.sort_values("ST")
            ax.barh(y + 0.2, part["ST"], height=0.4, xerr=part["ST_conf"], label="ST",
                    color="#4c72b0")
            ax.barh(y - 0.2, part["S1"], height=0.4, xerr=part["S1_conf"], label="S1",
                    color="#dd8452")
            ax.set_xlabel("Sobol index")
            ax.legend(loc="lower right", fontsize=8)
        ax.set_yticks(y, part["parameter"], fontsize=8)
        ax.set_title(labels.get(output, output), fontsize=10)
        ax.grid(axis="x", alpha=0.3)
    return figure
