"""Intervals over replications: the mean and its 95% confidence interval (Student's t).

Used wherever replications are summarised: a sweep's report (:mod:`.report`), a comparison of two
settings (:mod:`.comparison`) and the myths' handouts. :func:`bounded_interval` cuts the
interval off at a measure's bounds (a share within 0–1, a count at 0).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from simulatie.experiment.report_effects import bounds

__all__ = ["bounded_interval", "interval", "t_quantile"]


@functools.cache
def t_quantile(df: int) -> float:
    """The 97.5% quantile of Student's t with ``df`` degrees of freedom (a 95% interval)."""
    from scipy import stats

    return float(stats.t.ppf(0.975, df))


def interval(values: Sequence[float] | np.ndarray) -> dict[str, float]:
    """Mean and 95% confidence interval of the mean, ignoring undefined (NaN) values.

    Args:
        values: One value per replication.

    Returns:
        ``n`` (defined values), ``n_undefined``, ``mean``, ``sd``, ``ci_low``, ``ci_high``; the
        interval is NaN with fewer than two defined values.
    """
    array = np.asarray(values, dtype=float)
    defined = array[~np.isnan(array)]
    n = len(defined)
    mean = float(defined.mean()) if n else math.nan
    sd = float(defined.std(ddof=1)) if n > 1 else math.nan
    half = t_quantile(n - 1) * sd / math.sqrt(n) if n > 1 else math.nan
    return {
        "n": n,
        "n_undefined": int(len(array) - n),
        "mean": mean,
        "sd": sd,
        "ci_low": mean - half,
        "ci_high": mean + half,
    }


def bounded_interval(values: Sequence[float] | np.ndarray, measure: str) -> dict[str, Any]:
    """:func:`interval`, cut off at the measure's bounds (a share within 0–1, a count at 0).

    Args:
        values: One value per replication.
        measure: The measure (:func:`~simulatie.experiment.report_effects.bounds`).

    Returns:
        As :func:`interval`, plus ``ci_clipped``: whether an end was cut off.
    """
    stats: dict[str, Any] = interval(values)
    low, high = bounds(measure)
    clipped = {"ci_low": max(stats["ci_low"], low), "ci_high": min(stats["ci_high"], high)}
    stats["ci_clipped"] = any(
        not math.isnan(stats[k]) and clipped[k] != stats[k] for k in clipped)
    if stats["ci_clipped"]:
        stats.update(clipped)
    return stats
