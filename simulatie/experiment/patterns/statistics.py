"""Paired statistics of a pattern's two arms: does it show, and is its counter equivalent to none?

Both arms of a pattern run on the same seeds (common random numbers), so every test is on the
paired differences ``b - a``, one per replication:

- **The pattern shows** (:func:`shows`) when the 95% confidence interval of the mean difference
  lies above zero (Student's t) *and* the pattern's quantitative target, written from its seed
  before any run, is met by the arm means: ``mean_b >= min_ratio * mean_a`` and, where the seed
  names a level, ``mean_b >= min_level``.
- **The counter-assumption removes it** (:func:`equivalent`) when two one-sided t-tests (TOST,
  Schuirmann 1987; ``statsmodels.stats.weightstats.ttost_paired``) show the mean difference lies
  within ``±margin`` at the 5% level. The margin is the pattern's own meaningful size: the
  smallest difference its target would count (``(min_ratio - 1) × mean_a``), unless the pattern
  states one. A counter no longer passes merely because a difference was not detected.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats
from statsmodels.stats.weightstats import ttost_paired

__all__ = ["ALPHA", "ArmStats", "Equivalence", "PairedResult", "compare", "equivalence"]

ALPHA = 0.05
"""Level of every test: a 95% interval for the pattern, 5% for each one-sided test of TOST."""


@dataclass(frozen=True)
class ArmStats:
    """One arm's values over replications."""

    label: str
    values: np.ndarray

    @property
    def mean(self) -> float:
        """Mean over replications."""
        return float(np.mean(self.values))

    @property
    def se(self) -> float:
        """Standard error of the mean."""
        return float(np.std(self.values, ddof=1) / math.sqrt(len(self.values)))


@dataclass(frozen=True)
class PairedResult:
    """Arm a and arm b on the same seeds, and their paired difference ``b - a``."""

    a: ArmStats
    b: ArmStats

    @property
    def differences(self) -> np.ndarray:
        """The paired differences, one per replication."""
        return self.b.values - self.a.values

    @property
    def diff(self) -> float:
        """Mean paired difference, b minus a."""
        return float(np.mean(self.differences))

    @property
    def se(self) -> float:
        """Standard error of the paired difference."""
        d = self.differences
        return float(np.std(d, ddof=1) / math.sqrt(len(d)))

    @property
    def z(self) -> float:
        """Difference in standard errors (infinite when it never varies, 0 when always 0)."""
        if self.se == 0:
            return 0.0 if self.diff == 0 else math.copysign(math.inf, self.diff)
        return self.diff / self.se

    def interval(self, level: float = 1 - ALPHA) -> tuple[float, float]:
        """Two-sided confidence interval of the mean difference (Student's t)."""
        if self.se == 0:
            return self.diff, self.diff
        half = float(stats.t.ppf(0.5 + level / 2, len(self.differences) - 1)) * self.se
        return self.diff - half, self.diff + half

    def describe(self) -> str:
        """One line for assertion messages and reports."""
        low, high = self.interval()
        return (f"{self.a.label}: {self.a.mean:.3g} ± {self.a.se:.2g}; "
                f"{self.b.label}: {self.b.mean:.3g} ± {self.b.se:.2g}; "
                f"b - a = {self.diff:.3g} (95% interval {low:.3g} to {high:.3g})")


@dataclass(frozen=True)
class Equivalence:
    """The outcome of a TOST equivalence test of ``b - a`` against ``±margin``."""

    margin: float
    p_value: float

    @property
    def holds(self) -> bool:
        """Whether the difference is shown to lie within the margin."""
        return self.p_value < ALPHA


def compare(values: dict[str, list[float]], a: str, b: str) -> PairedResult:
    """Paired statistics of two arms' values (same seeds, same order)."""
    return PairedResult(ArmStats(a, np.asarray(values[a], dtype=float)),
                        ArmStats(b, np.asarray(values[b], dtype=float)))


def equivalence(result: PairedResult, margin: float) -> Equivalence:
    """TOST: is the mean paired difference within ``±margin``?

    Differences that never vary are equivalent exactly when their value is inside the margin
    (the t-tests are undefined there).
    """
    if margin <= 0:
        return Equivalence(margin, 1.0)
    if result.se == 0:
        return Equivalence(margin, 0.0 if abs(result.diff) < margin else 1.0)
    p_value = float(ttost_paired(result.b.values, result.a.values, -margin, margin)[0])
    return Equivalence(margin, p_value)
