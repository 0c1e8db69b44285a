"""Calibration targets: Dutch figures as bands on model measures, and a run's statistics.

Each :class:`Target` names a measure, the arm it is read from, a band and the published figure
behind it (``docs/targets.md`` gives each survey's population, question and denominator, and how
it maps onto the model's measure; ``docs/calibration.md`` how the bands are used). Three arms are
read:

* ``"baseline"``: the neighbourhood with nothing organised (every lever at its baseline value),
  which is what the national surveys describe; the statistic is the mean over the year ends;
* ``"default"``: the scenario itself (for the default scenario a professional, two initiators, a
  meeting place and a volunteer scheme); the statistic is the mean from week 104 on, after the
  two years in which the project's activities and volunteers build up, except the initiators'
  highest yearly share, which is read over the whole run;
* ``"pilot"``: the scenario as a two-year pilot, for the one dynamic target (held out).

Three figures (loneliness, helping neighbours, informal care) are targets in both arms: a
neighbourhood must stay recognisable with a project as well as without one. They therefore weigh
double in the distance.

:data:`TARGETS` are fitted. :data:`HELD_OUT` are not: the predictive check reports how well the
fitted ensemble predicts them (``docs/targets.md`` says why each is held out). Field patterns
are deliberately **not** targets: the ensemble calibrated here is used to ask how often each
pattern and myth verdict holds, and a pattern that had been a target would hold by construction;
for the same reason the dynamic target (what remains after a pilot, pattern 7's subject) is
held out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from simulatie.core.calendar import WEEKS_PER_YEAR

__all__ = [
    "HELD_OUT",
    "LATER_FROM_WEEK",
    "PILOT_CHANGES",
    "TARGETS",
    "Target",
    "band_distance",
    "held_out_statistics",
    "seed_distance",
    "statistics",
    "target_metrics",
]

Arm = Literal["baseline", "default", "pilot"]

LATER_FROM_WEEK = 104
"""The scenario's level is its mean from week 104 on: the first two years are a build-up."""

PILOT_CHANGES: dict[str, object] = {"funding": "pilot", "pilot_weeks": 104}
"""The pilot arm of the dynamic target: the scenario with two years of funding."""

A_YEAR_AFTER = WEEKS_PER_YEAR
"""The dynamic target reads the pilot arm one year after its funding ended."""

_DERIVED = {
    "initiator_share": "active_initiators",
    "initiator_share_peak_year": "active_initiators",
    "volunteer_ratio_75plus": ("volunteer_share_year", "volunteer_share_year_75plus"),
    "resident_activity_a_year_after": "activities_outliving_support",
}
"""Statistics computed from other measures, and the measures they need."""


@dataclass(frozen=True)
class Target:
    """One published figure as a band on one model measure.

    Attributes:
        metric: The model measure (:data:`simulatie.core.observe.metrics.METRICS`).
        arm: ``"baseline"`` (nothing organised) or ``"default"`` (the scenario).
        low: Lowest plausible value.
        high: Highest plausible value.
        source: The figure, its year and its source, in one line.
        use: ``"fit"`` (in the distance) or ``"held_out"`` (only in the predictive check).
    """

    metric: str
    arm: Arm
    low: float
    high: float
    source: str
    use: Literal["fit", "held_out"] = "fit"

    @property
    def key(self) -> str:
        """The statistic's name: ``arm:metric``."""
        return f"{self.arm}:{self.metric}"


TARGETS: tuple[Target, ...] = (
    Target("neighbour_help_share_year", "baseline", 0.55, 0.80,
           "Burgerpeiling 2016: almost two thirds help neighbours with errands or odd jobs"),
    Target("neighbour_help_share_month", "baseline", 0.0, 0.50,
           "I&O 2018: half help someone at least monthly (anyone, anywhere: a ceiling only)"),
    Target("neighbour_help_share_weekly", "baseline", 0.0, 0.33,
           "I&O 2018: a third help someone daily or weekly (anyone, anywhere: a ceiling only)"),
    Target("never_asked_share_of_non_helpers", "baseline", 0.45, 0.75,
           "I&O 2018: 60% of those who never help say nobody asks them"),
    Target("lonely_share", "baseline", 0.30, 0.60,
           "GGD/CBS/RIVM health monitor 2020: 47% of adults lonely"),
    Target("lonely_share_75plus", "baseline", 0.35, 0.70,
           "GGD/CBS/RIVM health monitor 2020: 56% of people 75+ lonely"),
    Target("informal_helper_share_year", "baseline", 0.05, 0.32,
           "SCP 2016: 32% of 16+ gave informal care"),
    Target("neighbour_share_of_carers_55plus", "baseline", 0.08, 0.20,
           "Egging, De Boer & Stevens 2011: 9% of the carers of people 55+ are neighbours, 9% "
           "friends (band derived: docs/targets.md, target 5)"),
    Target("informal_care_received_share_75plus", "baseline", 0.18, 0.30,
           "CBS Gezondheidsenquete 2019: 23.7% of people 75+ receive mantelzorg (band: the "
           "figure plus or minus about a quarter, a judgement)"),
    Target("health_need_share_75plus", "baseline", 0.15, 0.35,
           "GGD health monitors (Tilburg Frailty Indicator): about 1 in 4 people 75+ frail since "
           "2012 (regional monitors; band: docs/targets.md, target 15)"),
    Target("volunteer_share_year", "default", 0.05, 0.49,
           "CBS 2023: 49% of 15+ volunteered (any organisation: a ceiling)"),
    Target("volunteer_share_year_75plus", "default", 0.02, 0.32,
           "CBS 2012-2016: 32% of 75+ volunteered (any organisation: a ceiling)"),
    Target("informal_helper_share_year", "default", 0.05, 0.32,
           "SCP 2016: 32% of 16+ gave informal care"),
    Target("lonely_share", "default", 0.30, 0.60,
           "GGD/CBS/RIVM health monitor 2020: 47% of adults lonely"),
    Target("neighbour_help_share_year", "default", 0.55, 0.80,
           "Burgerpeiling 2016: almost two thirds help neighbours"),
    Target("volunteer_retention", "default", 0.55, 0.90,
           "NCVO Time Well Spent: 80% expect to stay a year; Volunteering in America 2008: "
           "1 in 3 drop out"),
    Target("initiator_share", "default", 0.003, 0.03,
           "1-9-90 (Denters et al. 2013; P2Pvalue): about 1 in 100 carry the work"),
    Target("initiator_share_peak_year", "default", 0.0, 0.03,
           "1-9-90 (Denters et al. 2013; P2Pvalue), in every year of the run: no year above 3%"),
)
"""Every fitted target, in the order of ``docs/calibration.md``."""

HELD_OUT: tuple[Target, ...] = (
    Target("volunteer_ratio_75plus", "default", 0.65, 0.85,
           "CBS 2012-2022: volunteering at 75+ is 0.65-0.85 times the rate of all 15+ "
           "(docs/targets.md, target 9)", use="held_out"),
    Target("resident_activity_a_year_after", "pilot", 0.5, 0.9,
           "Assumption (no Dutch or Flemish rate; UK Near Neighbours 71-90% of groups carry on): "
           "the chance that a resident activity from the pilot still runs a year after a "
           "two-year pilot (docs/targets.md, target 13)", use="held_out"),
    Target("health_need_share_65_74", "baseline", 0.07, 0.20,
           "GGD Haaglanden 2016 (Tilburg Frailty Indicator): 13% of 65-74 frail (one region; "
           "docs/targets.md, target 15)", use="held_out"),
    Target("health_need_share_85plus", "baseline", 0.30, 0.60,
           "GGD Haaglanden 2016 (Tilburg Frailty Indicator): 45% of 85+ frail (one region; "
           "docs/targets.md, target 15)", use="held_out"),
    Target("mantelzorg_hours_55plus", "baseline", 8.0, 30.0,
           "CBS 2020: receivers of mantelzorg 55+ get about 18 hours a week (read second-hand; "
           "docs/targets.md, target 6)", use="held_out"),
)
"""Targets kept out of the fit; the predictive check reports how the ensemble predicts them.
The dynamic target's statistic is a share over runs (1 when an activity from before the end
still runs a year later, else 0), so it is judged on the ensemble's mean, not per run."""


def target_metrics(arm: Arm, held_out: bool = False) -> list[str]:
    """The measures a run of ``arm`` must record for the statistics (and the held-out ones)."""
    targets = (*TARGETS, *HELD_OUT) if held_out else TARGETS
    needed: set[str] = set()
    for target in targets:
        if target.arm != arm:
            continue
        derived = _DERIVED.get(target.metric, target.metric)
        needed |= {derived} if isinstance(derived, str) else set(derived)
    return sorted(needed)


def statistics(baseline: pd.DataFrame, default: pd.DataFrame, residents: int) -> dict[str, float]:
    """The statistic of every fitted target from the weekly tables of the two arms.

    Args:
        baseline: Weekly metrics of the neighbourhood with nothing organised (``week`` column).
        default: Weekly metrics of the scenario.
        residents: Number of residents (for the initiators' share).

    Returns:
        ``{target.key: value}``; NaN where a measure is undefined (no volunteer to retain).
    """
    year_ends = baseline[(baseline["week"] % 52 == 0) & (baseline["week"] > 0)]
    later = default[default["week"] >= LATER_FROM_WEEK]
    if year_ends.empty or later.empty:
        raise ValueError(f"the runs are too short for the statistics: at least "
                         f"{LATER_FROM_WEEK} weeks are needed")
    values = {}
    for target in TARGETS:
        if target.arm == "baseline":
            values[target.key] = float(year_ends[target.metric].mean())
        elif target.metric == "initiator_share":
            values[target.key] = float(later["active_initiators"].mean()) / residents
        elif target.metric == "initiator_share_peak_year":
            values[target.key] = _peak_year(default, "active_initiators") / residents
        else:
            values[target.key] = float(later[target.metric].mean())
    return values


def _peak_year(table: pd.DataFrame, metric: str) -> float:
    """The highest yearly mean of ``metric`` over the run's whole years after week 0."""
    after = table[table["week"] > 0]
    yearly = after.groupby((after["week"].to_numpy() - 1) // WEEKS_PER_YEAR)[metric].mean()
    partial = len(after) % WEEKS_PER_YEAR > 0  # the last year has not ended: left out
    return float((yearly.iloc[:-1] if partial else yearly).max())


def held_out_statistics(baseline: pd.DataFrame, default: pd.DataFrame,
                        pilot: pd.DataFrame) -> dict[str, float]:
    """The statistic of every held-out target from the weekly tables of the three arms.

    Args:
        baseline: Weekly metrics with nothing organised (:func:`target_metrics`
            ``("baseline", True)``).
        default: Weekly metrics of the scenario (:func:`target_metrics` ``("default", True)``).
        pilot: Weekly metrics of the scenario as a two-year pilot (:data:`PILOT_CHANGES`).

    Returns:
        ``{target.key: value}``: the 75+ volunteers' rate over everyone's (NaN without
        volunteers); 1 or 0: whether an activity from before the pilot's end still runs a
        year after it; and each baseline measure's mean over the year ends, as
        :func:`statistics` reads the fitted ones.
    """
    year_ends = baseline[(baseline["week"] % 52 == 0) & (baseline["week"] > 0)]
    if year_ends.empty:
        raise ValueError("the baseline arm is too short: it must run at least a year")
    later = default[default["week"] >= LATER_FROM_WEEK]
    overall = float(later["volunteer_share_year"].mean())
    older = float(later["volunteer_share_year_75plus"].mean())
    after = pilot.loc[pilot["week"] == int(PILOT_CHANGES["pilot_weeks"]) + A_YEAR_AFTER,
                      "activities_outliving_support"]
    if after.empty:
        raise ValueError("the pilot arm is too short: it must run a year past the pilot's end")
    return {
        HELD_OUT[0].key: older / overall if overall > 0 else float("nan"),
        HELD_OUT[1].key: float(after.iloc[0] > 0),
    } | {target.key: float(year_ends[target.metric].mean())
         for target in HELD_OUT if target.arm == "baseline"}


def band_distance(values: Mapping[str, float]) -> float:
    """How far a run lies outside the fitted bands: 0 when every statistic is inside its band.

    Each statistic outside its band adds its distance to the nearest edge in band widths; an
    undefined statistic (NaN) adds 1, as if a band width away.

    Args:
        values: Output of :func:`statistics`.

    Returns:
        The sum over targets.
    """
    return float(sum(_outside(target, values[target.key]) for target in TARGETS))


def seed_distance(per_seed: list[Mapping[str, float]]) -> float:
    """How far and how often a particle's runs on several seeds lie outside the fitted bands.

    For each target: the mean over seeds of the distance outside its band (in band widths, as
    :func:`band_distance`), plus the share of seeds outside it. Zero only when every seed is
    inside every band; a target missed by a little on every seed weighs as much as one missed
    by a band width on one seed in two.

    Args:
        per_seed: :func:`statistics` of each seed's runs.

    Returns:
        The sum over targets.
    """
    how_far = float(np.mean([band_distance(values) for values in per_seed]))
    how_often = sum(float(np.mean([_outside(target, values[target.key]) > 0
                                   for values in per_seed])) for target in TARGETS)
    return how_far + how_often


def _outside(target: Target, value: float) -> float:
    """Distance of ``value`` outside the target's band in band widths (1 when undefined)."""
    if not np.isfinite(value):
        return 1.0
    return max(0.0, target.low - value, value - target.high) / (target.high - target.low)
