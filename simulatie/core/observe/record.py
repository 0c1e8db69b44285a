"""Reading a neighbourhood after a week: one row of the metrics a run asks for.

The recorder of every run (:mod:`simulatie.core.run.simulation`) and of the baseline arm
(:mod:`simulatie.core.run.baseline`) calls :func:`record` after each week.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..state.neighbourhood import Neighbourhood
from .metrics import METRICS, Observation

__all__ = ["BASELINE_METRICS", "record"]

BASELINE_METRICS = (
    "caring_ties",
    "share_with_caring_tie",
    "lonely_share",
    "care_hours_network",
    "care_hours_unmet",
    "attendance",
    "friendly_ties",
    "neighbour_help_share_month",
    "care_hours_volunteers",
    "care_hours_professional",
)
"""What the baseline arm records: the emergence measures' input, the figures' reference, unmet
care (the side effect every comparison shows) and the steps from meeting to helping by which a
run's summary says why it differs from its baseline (:mod:`simulatie.experiment.explanation`)."""


def record(nb: Neighbourhood, metrics: Sequence[str]) -> dict[str, float]:
    """Read ``metrics`` off the neighbourhood's state after a week.

    Args:
        nb: The neighbourhood.
        metrics: Names from :data:`~.metrics.METRICS`.

    Returns:
        ``week`` and one value per metric.
    """
    observation = Observation(nb)
    row: dict[str, float] = {"week": nb.week}
    for name in metrics:
        row[name] = METRICS[name].compute(observation)
    return row
