"""What each varied parameter changed in a sweep's outcomes, with intervals that keep to bounds.

Readers of a sweep ask "what happens to X if we turn this lever from here to there, and how sure
is that?". :func:`effects` answers it per varied parameter and outcome:

* in a **factorial** design, the outcome at the parameter's lowest level against its highest
  (a choice: every other level against the first listed), averaged over the other varied
  parameters. With common random numbers the runs are paired by replication (the same chance
  events at every design point), so the unit of chance is a replication; otherwise every pair of
  runs is;
* in a sampled design (LHS, Morris, Sobol), the design points whose value of the parameter lies
  in the lowest quarter of its sampled values against those in the highest quarter (the other
  parameters vary meanwhile, so this is a rough picture beside ``sensitivity.csv``).

Every interval is a 95% **bootstrap percentile** interval (:data:`RESAMPLES` resamples of the
units of chance, from the experiment's seed, so the same sweep gives the same report). A
percentile interval of a mean never leaves the range of the values it resamples, so a share stays
within 0–1 and a count or a number of hours is never below 0 (:func:`bounds` clips against
rounding too). With fewer than :data:`FEW_RUNS` units an interval is too narrow more often than
it should be: :class:`Firmness` says so. :func:`interactions` finds, in a factorial, where the
effect of one parameter clearly depends on the level of another.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from simulatie.core.observe.measures import BASELINE_PREFIX
from simulatie.core.observe.metrics import METRICS

if TYPE_CHECKING:
    from simulatie.experiment.sweep_results import SweepResults

__all__ = [
    "EMERGED",
    "FEW_RUNS",
    "OUTCOMES",
    "RESAMPLES",
    "Effect",
    "Estimate",
    "Firmness",
    "Interaction",
    "bounds",
    "effects",
    "interactions",
    "measure_unit",
    "outcomes",
    "with_emerged",
]

FEW_RUNS = 10
"""Below this many units of chance (replications, or runs) an interval is called "few runs"."""
RESAMPLES = 2000
"""Bootstrap resamples per interval."""
OUTCOMES = (
    "caring_excess_final",
    "final_share_with_caring_tie",
    "final_lonely_share",
    "final_care_hours_unmet",
    "final_active_volunteers",
    "final_caring_ties",
    "final_ownership",
    "final_community_spirit",
    "emerged",
)
"""The outcomes described in words, in this order, when the sweep kept them."""
EMERGED = "emerged"
"""Whether caring ties emerged in a run (1) or not (0): from ``emergence_week``, which is
undefined when they never did, so that a mean over runs is the share of runs in which they did."""

_WEEK_MEASURES = ("emergence_week", "half_excess_week", "half_life_weeks", "caring_peak_week")
_NOT_NEGATIVE = ("ties", "people", "activities", "places", "hours/week", "weeks")


def measure_unit(measure: str) -> str:
    """A sweep measure's unit: a metric's declared unit, ``"weeks"``, or ``""`` when unknown.

    Args:
        measure: A column of the sweep's runs, e.g. ``"final_lonely_share"``.

    Returns:
        ``"share"``, ``"hours/week"``, ``"ties"``, ``"people"``, ``"weeks"``, ... or ``""``.
    """
    if measure in ("caring_excess_final", EMERGED):
        return "share"
    if measure in _WEEK_MEASURES:
        return "weeks"
    if measure == "caring_peak":
        return "ties"
    metric = METRICS.get(measure.removeprefix("final_").removeprefix(BASELINE_PREFIX))
    return metric.unit if metric is not None else ""


def bounds(measure: str, difference: bool = False) -> tuple[float, float]:
    """The range a measure's values (or differences of two of them) can take.

    Args:
        measure: A column of the sweep's runs.
        difference: Bounds of a difference of two values instead.

    Returns:
        ``(lowest, highest)``: 0–1 for a share, at least 0 for counts, hours and weeks; a
        difference of shares stays within −1–1. The extra share over the baseline is itself a
        difference of shares.
    """
    unit = measure_unit(measure)
    if unit in ("share", "0..1"):
        lowest = -1.0 if difference or measure == "caring_excess_final" else 0.0
        return lowest, 1.0
    if unit in _NOT_NEGATIVE and not difference:
        return 0.0, math.inf
    return -math.inf, math.inf


class Firmness(StrEnum):
    """How firm an effect is."""

    NONE = "none"
    """Every unit shows exactly no difference (e.g. a lever with nothing to act on)."""
    CLEAR = "clear"
    """The whole interval lies on one side of zero, with enough units."""
    FEW = "few"
    """The whole interval lies on one side of zero, but with fewer than :data:`FEW_RUNS` units."""
    UNCLEAR = "unclear"
    """The interval holds zero: the difference may be chance."""
    UNKNOWN = "unknown"
    """Fewer than two units: no interval."""


@dataclass(frozen=True)
class Estimate:
    """A mean with its 95% bootstrap percentile interval.

    Attributes:
        mean: The mean over the units.
        low: Lower end of the interval (NaN with fewer than two units).
        high: Upper end of the interval.
        n: The units of chance behind it.
    """

    mean: float
    low: float
    high: float
    n: int

    @property
    def few(self) -> bool:
        """Whether there are fewer than :data:`FEW_RUNS` units."""
        return self.n < FEW_RUNS


@dataclass(frozen=True)
class Effect:
    """What moving one parameter from one setting to another did to one outcome.

    Attributes:
        parameter: The varied parameter.
        outcome: The outcome (a column of the sweep's runs).
        start: The setting compared from: its lowest and highest value (equal in a factorial).
        end: The setting compared to, likewise.
        at_start: The outcome at ``start``.
        at_end: The outcome at ``end``.
        difference: ``at_end`` minus ``at_start``.
        undefined: Runs left out because the outcome was undefined (e.g. never emerged).
        paired: Whether runs were paired by replication (common random numbers).
        sampled: Whether ``start`` and ``end`` are the lowest and highest quarter of a sampled
            design rather than two levels of a factorial.
        exact_zero: Whether every unit showed exactly no difference.
    """

    parameter: str
    outcome: str
    start: tuple[Any, Any]
    end: tuple[Any, Any]
    at_start: Estimate
    at_end: Estimate
    difference: Estimate
    undefined: int
    paired: bool
    sampled: bool = False
    exact_zero: bool = False

    @property
    def firmness(self) -> Firmness:
        """How firm the difference is."""
        if self.exact_zero:
            return Firmness.NONE
        d = self.difference
        if d.n < 2 or math.isnan(d.low):
            return Firmness.UNKNOWN
        if d.low <= 0 <= d.high:
            return Firmness.UNCLEAR
        return Firmness.FEW if d.few else Firmness.CLEAR


@dataclass(frozen=True)
class Interaction:
    """The effect of one parameter at the lowest and the highest level of another.

    Attributes:
        parameter: The parameter whose effect is measured (lowest to highest level).
        other: The parameter it depends on.
        outcome: The outcome.
        other_levels: The other parameter's lowest and highest level.
        at_low: The effect when ``other`` is at its lowest level.
        at_high: The effect when ``other`` is at its highest level.
        contrast: ``at_high`` minus ``at_low``, paired by replication.
    """

    parameter: str
    other: str
    outcome: str
    other_levels: tuple[Any, Any]
    at_low: Estimate
    at_high: Estimate
    contrast: Estimate

    @property
    def clear(self) -> bool:
        """Whether the effect clearly differs between the two levels of ``other``."""
        c = self.contrast
        return c.n >= 2 and not math.isnan(c.low) and not c.low <= 0 <= c.high


def with_emerged(runs: pd.DataFrame) -> pd.DataFrame:
    """The runs with :data:`EMERGED` added (when they have ``emergence_week``)."""
    if "emergence_week" not in runs or EMERGED in runs:
        return runs
    return runs.assign(**{EMERGED: runs["emergence_week"].notna().astype(float)})


def outcomes(results: SweepResults) -> list[str]:
    """The outcomes of :data:`OUTCOMES` this sweep has, defined in at least one run."""
    runs = with_emerged(results.runs)
    return [m for m in OUTCOMES if m in runs and runs[m].notna().any()]


def _bootstrap(units: np.ndarray, rng: np.random.Generator,
               limits: Sequence[tuple[float, float]]) -> list[Estimate]:
    """Means of each column of ``units`` (rows: units of chance) with percentile intervals."""
    n = len(units)
    means = units.mean(axis=0) if n else np.full(units.shape[1], math.nan)
    if n < 2:
        return [Estimate(float(m), math.nan, math.nan, n) for m in means]
    resampled = units[rng.integers(0, n, size=(RESAMPLES, n))].mean(axis=1)
    lows, highs = np.quantile(resampled, [0.025, 0.975], axis=0)
    return [Estimate(float(m), float(np.clip(lo, *lim)), float(np.clip(hi, *lim)), n)
            for m, lo, hi, lim in zip(means, lows, highs, limits, strict=True)]


def _levels(values: pd.Series) -> list[Any]:
    """A factorial parameter's levels: sorted numbers, or choices in the order listed."""
    levels = list(dict.fromkeys(values))
    numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
    return sorted(levels) if numeric else levels


def _comparisons(levels: list[Any], numeric: bool) -> list[tuple[Any, Any]]:
    if len(levels) < 2:
        return []
    return [(levels[0], levels[-1])] if numeric else [(levels[0], b) for b in levels[1:]]


def _pairs(runs: pd.DataFrame, parameter: str, others: list[str], outcome: str,
           start: Any, end: Any, paired: bool) -> tuple[pd.DataFrame, int]:
    """The outcome at ``start`` and ``end`` per unit of chance, and the runs left undefined."""
    table = runs.pivot_table(index=["replication", *others], columns=parameter, values=outcome,
                             aggfunc="mean", dropna=False)
    both = pd.DataFrame({"start": table[start], "end": table[end]})
    defined = both.dropna()
    undefined = int(both.isna().any(axis=1).sum())
    if paired:
        defined = defined.groupby(level="replication").mean()
    return defined, undefined


def _factorial_effects(results: SweepResults, parameter: str, outcome: str,
                       rng: np.random.Generator) -> list[Effect]:
    runs = with_emerged(results.runs)
    values = runs[parameter]
    numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
    others = [name for name in results.varied if name != parameter]
    paired = bool(results.experiment.get("common_random_numbers", True))
    found = []
    for start, end in _comparisons(_levels(values), numeric):
        pairs, undefined = _pairs(runs, parameter, others, outcome, start, end, paired)
        units = np.column_stack([pairs["start"], pairs["end"], pairs["end"] - pairs["start"]])
        limits = [bounds(outcome), bounds(outcome), bounds(outcome, difference=True)]
        at_start, at_end, difference = _bootstrap(units, rng, limits)
        zero = len(units) > 0 and bool(np.all(units[:, 2] == 0))
        found.append(Effect(parameter, outcome, (start, start), (end, end), at_start, at_end,
                            difference, undefined, paired, exact_zero=zero))
    return found


def _sampled_effects(results: SweepResults, parameter: str, outcome: str,
                     rng: np.random.Generator) -> list[Effect]:
    """Lowest against highest quarter of a sampled parameter, over design points."""
    runs = with_emerged(results.runs)
    points = runs.groupby("point").agg({parameter: "first", outcome: "mean"}).dropna()
    undefined = int(runs[outcome].isna().sum())
    values = points[parameter].astype(float)
    if values.nunique() < 2:
        return []
    low_cut, high_cut = np.quantile(values, [0.25, 0.75])
    low, high = values <= low_cut, values >= high_cut
    if (low & high).any():
        low, high = values == values.min(), values == values.max()
    groups = [points.loc[mask, outcome].to_numpy(dtype=float) for mask in (low, high)]
    lim = bounds(outcome)
    at = [_bootstrap(group[:, None], rng, [lim])[0] for group in groups]
    difference = _unpaired_difference(groups, rng, bounds(outcome, difference=True))
    ranges = [(values[mask].min(), values[mask].max()) for mask in (low, high)]
    return [Effect(parameter, outcome, ranges[0], ranges[1], at[0], at[1], difference,
                   undefined, paired=False, sampled=True)]


def _unpaired_difference(groups: list[np.ndarray], rng: np.random.Generator,
                         limits: tuple[float, float]) -> Estimate:
    """The difference of two groups' means, each group resampled on its own."""
    low, high = groups
    n = min(len(low), len(high))
    mean = float(high.mean() - low.mean()) if n else math.nan
    if n < 2:
        return Estimate(mean, math.nan, math.nan, n)
    draws = [group[rng.integers(0, len(group), size=(RESAMPLES, len(group)))].mean(axis=1)
             for group in groups]
    lo, hi = np.quantile(draws[1] - draws[0], [0.025, 0.975])
    return Estimate(mean, float(np.clip(lo, *limits)), float(np.clip(hi, *limits)), n)


def effects(results: SweepResults, parameters: Sequence[str] | None = None,
            measures: Sequence[str] | None = None) -> list[Effect]:
    """What moving each varied parameter did to each outcome, with bootstrap intervals.

    Args:
        results: The sweep's results.
        parameters: The parameters to describe (default: every varied one).
        measures: The outcomes (default: :func:`outcomes`).

    Returns:
        One effect per parameter, comparison and outcome, parameters in the order given.
    """
    rng = np.random.default_rng(int(results.experiment.get("seed", 0)))
    factorial = results.experiment.get("method") == "factorial"
    chosen = results.varied if parameters is None else list(parameters)
    wanted = outcomes(results) if measures is None else list(measures)
    found: list[Effect] = []
    for parameter in chosen:
        for outcome in wanted:
            if factorial:
                found += _factorial_effects(results, parameter, outcome, rng)
            else:
                found += _sampled_effects(results, parameter, outcome, rng)
    return found


def interactions(results: SweepResults, measures: Sequence[str] | None = None
                 ) -> list[Interaction]:
    """In a factorial of numbers: each parameter's effect at another's lowest and highest level.

    Args:
        results: The sweep's results.
        measures: The outcomes (default: :func:`outcomes`).

    Returns:
        One interaction per ordered pair of varied parameters and outcome; empty for other
        designs. Replications pair the runs (by replication index, which is exact under common
        random numbers and still valid without).
    """
    if results.experiment.get("method") != "factorial" or len(results.varied) < 2:
        return []
    runs = with_emerged(results.runs)
    numeric = [name for name in results.varied
               if pd.api.types.is_numeric_dtype(runs[name])
               and not pd.api.types.is_bool_dtype(runs[name]) and runs[name].nunique() > 1]
    rng = np.random.default_rng(int(results.experiment.get("seed", 0)) + 1)
    found = []
    for outcome in outcomes(results) if measures is None else measures:
        for parameter in numeric:
            for other in (name for name in numeric if name != parameter):
                found.append(_interaction(results, parameter, other, outcome, rng))
    return found


def _interaction(results: SweepResults, parameter: str, other: str, outcome: str,
                 rng: np.random.Generator) -> Interaction:
    runs = with_emerged(results.runs)
    low, high = _levels(runs[parameter])[0], _levels(runs[parameter])[-1]
    other_low, other_high = _levels(runs[other])[0], _levels(runs[other])[-1]
    rest = [name for name in results.varied if name not in (parameter, other)]
    per_level = []
    for level in (other_low, other_high):
        pairs, _ = _pairs(runs[runs[other] == level], parameter, rest, outcome, low, high,
                          paired=True)
        per_level.append(pairs["end"] - pairs["start"])
    joined = pd.concat(per_level, axis=1, keys=["low", "high"]).dropna()
    units = np.column_stack([joined["low"], joined["high"], joined["high"] - joined["low"]])
    limit = bounds(outcome, difference=True)
    wide = (2 * limit[0], 2 * limit[1])  # a difference of two differences
    at_low, at_high, contrast = _bootstrap(units, rng, [limit, limit, wide])
    return Interaction(parameter, other, outcome, (other_low, other_high), at_low, at_high,
                       contrast)
