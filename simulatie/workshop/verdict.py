"""What the comparison of a myth's two arms says: the verdict, computed, never written in.

The same replications (seeds) run in both arms, so the arms are compared pairwise. A difference is
*clear* when the 95% interval of the paired difference excludes zero and the mean difference is at
least :data:`RELEVANT` of the larger arm mean (and the measure's own ``relevant`` size);
:func:`judge` then says whether the myth's arm is better or worse, and :func:`myth_holds` what that
means for the claim. :func:`paired_difference` applies the same rule to any other number of the
runs, so that a handout calls a side effect clear by the rule it uses for the answer.
:class:`ArmResult` and :class:`Comparison` carry the numbers to the handout.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np

from simulatie.experiment.intervals import interval
from simulatie.workshop.measure import MeasureSection

__all__ = [
    "RELEVANT",
    "ArmResult",
    "Comparison",
    "Verdict",
    "judge",
    "myth_holds",
    "paired_difference",
]

RELEVANT = 0.05
"""A difference smaller than this share of the larger arm mean is not called a clear difference."""


class Verdict(StrEnum):
    """What the comparison of the two arms means for the myth."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    NO_CLEAR_DIFFERENCE = "no_clear_difference"


@dataclass(frozen=True)
class ArmResult:
    """One design point over its replications.

    Attributes:
        arm: ``"myth"`` or ``"alternative"``.
        countered: Whether the counter-assumption applies.
        values: The key number per replication.
        stats: Mean and 95% interval of the mean (:func:`simulatie.experiment.intervals.interval`).
        curves: The key metric over time, one row per replication.
        extra: Per extra metric, the interval of its final value over replications.
        parameters: The run's full parameter values.
        extra_values: Per extra metric, its final value per replication.
    """

    arm: str
    countered: bool
    values: np.ndarray
    stats: dict[str, float]
    curves: np.ndarray
    extra: dict[str, dict[str, float]]
    parameters: dict[str, Any]
    extra_values: dict[str, np.ndarray] = field(default_factory=dict)


@dataclass(frozen=True)
class Comparison:
    """The paired comparison of the two arms under one set of assumptions.

    Attributes:
        myth: The myth arm.
        alternative: The alternative arm.
        difference: Interval of the paired difference ``myth - alternative``.
        outcome: ``"myth_better"``, ``"myth_worse"`` or ``"none"``.
        verdict: What that means for the myth.
    """

    myth: ArmResult
    alternative: ArmResult
    difference: dict[str, float]
    outcome: str
    verdict: Verdict


def paired_difference(
    myth_values: np.ndarray, alternative_values: np.ndarray, relevant: float = 0.0
) -> tuple[dict[str, float], bool]:
    """The paired difference ``myth - alternative`` and whether it is clear.

    A difference is *clear* when its 95% interval excludes zero and its mean is at least
    :data:`RELEVANT` of the larger arm mean and at least ``relevant``. The key measure of a myth
    (:func:`judge`) and every side effect on a handout are held to this same rule.

    Args:
        myth_values: One number per replication in the myth arm.
        alternative_values: The same replications in the alternative arm.
        relevant: The smallest absolute difference that counts.

    Returns:
        The interval of ``myth - alternative`` and whether the difference is clear.
    """
    diff = np.asarray(myth_values, float) - np.asarray(alternative_values, float)
    stats = interval(diff)
    scale = max(abs(np.nanmean(myth_values)), abs(np.nanmean(alternative_values)))
    mean = stats["mean"]
    clear = bool(
        stats["n"] >= 2
        and not math.isnan(stats["ci_low"])
        and (stats["ci_low"] > 0 or stats["ci_high"] < 0)
        and abs(mean) >= max(RELEVANT * scale, relevant)
        and abs(mean) > 0
    )
    return stats, clear


def judge(
    myth_values: np.ndarray, alternative_values: np.ndarray, measure: MeasureSection
) -> tuple[dict[str, float], str, Verdict]:
    """Decide what the two arms' numbers say about the myth.

    A difference is *clear* when the 95% interval of the paired difference (same seeds in both
    arms) excludes zero and the mean difference is at least :data:`RELEVANT` of the larger arm
    mean and at least the measure's absolute ``relevant`` size (:func:`paired_difference`). The
    myth arm is then better or worse according to ``measure.better``.

    Args:
        myth_values: The key number per replication in the myth arm.
        alternative_values: The same replications in the alternative arm.
        measure: The measure, with its direction and the myth's ``holds_if``.

    Returns:
        The interval of ``myth - alternative``, the outcome (``"myth_better"``,
        ``"myth_worse"`` or ``"none"``) and the verdict.
    """
    stats, clear = paired_difference(myth_values, alternative_values, measure.relevant)
    if not clear:
        outcome = "none"
    else:
        higher = stats["mean"] > 0
        outcome = "myth_better" if higher == (measure.better == "higher") else "myth_worse"
    if outcome == "myth_better":
        verdict = Verdict.SUPPORTS
    elif outcome == "myth_worse":
        verdict = Verdict.CONTRADICTS
    else:
        verdict = Verdict.NO_CLEAR_DIFFERENCE
    return stats, outcome, verdict


def myth_holds(verdict: Verdict, holds_if: str) -> bool:
    """Whether the myth holds: its arm is clearly better, or no worse when that is its claim.

    Args:
        verdict: The comparison's verdict.
        holds_if: The myth's ``[measure] holds_if`` (``"better"`` or ``"not_worse"``).
    """
    return verdict is Verdict.SUPPORTS or (
        verdict is Verdict.NO_CLEAR_DIFFERENCE and holds_if == "not_worse"
    )


