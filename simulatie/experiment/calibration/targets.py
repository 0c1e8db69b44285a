"""Calibration targets: Dutch figures as bands on model measures, and a run's statistics.

Each :class:`Target` names a measure, the arm it is read from, a band and the published figure
behind it (``docs/calibration.md`` gives each survey's definition and how it maps onto the
model's measure). Two arms are read, as in ``tests/test_calibration.py``:

* ``"baseline"``: the neighbourhood with nothing organised (every lever at its baseline value),
  which is what the national surveys describe; the statistic is the mean over the year ends;
* ``"default"``: the scenario itself (for the default scenario a professional, two initiators, a
  meeting place and a volunteer scheme); the statistic is the mean from week 104 on, after the
  two years in which the project's activities and volunteers build up.

Three figures (loneliness, helping neighbours, informal care) are targets in both arms, as in
``tests/test_calibration.py``: a neighbourhood must stay recognisable with a project as well as
without one. They therefore weigh double in the distance.

Field patterns are deliberately **not** targets: the ensemble calibrated here is used to ask how
often each pattern and myth verdict holds, and a pattern that had been a target would hold by
construction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

__all__ = [
    "LATER_FROM_WEEK",
    "TARGETS",
    "Target",
    "band_distance",
    "statistics",
    "target_metrics",
]

Arm = Literal["baseline", "default"]

LATER_FROM_WEEK = 104
"""The scenario's level is its mean from week 104 on: the first two years are a build-up."""


@dataclass(frozen=True)
class Target:
    """One published figure as a band on one model measure.

    Attributes:
        metric: The model measure (:data:`simulatie.core.observe.metrics.METRICS`).
        arm: ``"baseline"`` (nothing organised) or ``"default"`` (the scenario).
        low: Lowest plausible value.
        high: Highest plausible value.
        source: The figure, its year and its source, in one line.
    """

    metric: str
    arm: Arm
    low: float
    high: float
    source: str

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
)
"""Every calibration target, in the order of ``docs/calibration.md``."""


def target_metrics(arm: Arm) -> list[str]:
    """The measures a run of ``arm`` must record for the statistics."""
    needed = {t.metric for t in TARGETS if t.arm == arm}
    if "initiator_share" in needed:
        needed = (needed - {"initiator_share"}) | {"active_initiators"}
    return sorted(needed)


def statistics(baseline: pd.DataFrame, default: pd.DataFrame, residents: int) -> dict[str, float]:
    """The statistic of every target from the weekly tables of the two arms.

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
        else:
            values[target.key] = float(later[target.metric].mean())
    return values


def band_distance(values: Mapping[str, float]) -> float:
    """How far a run lies outside the bands: 0 when every statistic is inside its band.

    Each statistic outside its band adds its distance to the nearest edge in band widths; an
    undefined statistic (NaN) adds 1, as if a band width away.

    Args:
        values: Output of :func:`statistics`.

    Returns:
        The sum over targets.
    """
    total = 0.0
    for target in TARGETS:
        value = values[target.key]
        if not np.isfinite(value):
            total += 1.0
            continue
        outside = max(0.0, target.low - value, value - target.high)
        total += outside / (target.high - target.low)
    return total
