"""A myth's measure: the one number per run that answers the myth, and the curve that shows it.

A myth file's ``[measure]`` table names a metric, how a run's weekly values become one number
(:class:`Summary`), which way is better, and whether the myth claims its arm is *better* or only
*not worse*. :func:`summarise_run` computes the number; :func:`curve` the line the handout draws.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Literal

import numpy as np
import pandas as pd
from pydantic import Field

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.experiment.files import StrictFile

__all__ = ["MeasureSection", "Summary", "curve", "summarise_run"]


class Summary(StrEnum):
    """How a run's weekly metric becomes one number."""

    FINAL = "final"  # the value in the last week
    MEAN_LAST_YEAR = "mean_last_year"  # the mean over the last 52 weeks
    PER_YEAR = "per_year"  # the weekly values summed, per year
    SHARE_OF = "share_of"  # sum of metric / sum of ``of`` over the run


class MeasureSection(StrictFile):
    """The ``[measure]`` table: the one number per run that answers the myth."""

    metric: str
    summary: Summary = Field(Summary.FINAL, strict=False)
    of: str | None = None
    better: Literal["higher", "lower"] = "higher"
    holds_if: Literal["better", "not_worse"] = "better"
    relevant: float = Field(0.0, ge=0, strict=False)


def summarise_run(timeseries: pd.DataFrame, measure: MeasureSection) -> float:
    """One run's number for the myth, from its weekly table.

    Args:
        timeseries: The run's table (``week`` 0..weeks).
        measure: Which metric and how to summarise it.

    Returns:
        The number (NaN when it is undefined, e.g. a share of nothing).
    """
    values = timeseries[measure.metric].to_numpy(dtype=float)
    match measure.summary:
        case Summary.FINAL:
            return float(values[-1])
        case Summary.MEAN_LAST_YEAR:
            return float(np.nanmean(values[-min(WEEKS_PER_YEAR, len(values)):]))
        case Summary.PER_YEAR:
            weeks = len(values) - 1
            return float(np.nansum(values[1:]) / weeks * WEEKS_PER_YEAR) if weeks else math.nan
        case Summary.SHARE_OF:
            total = float(np.nansum(timeseries[measure.of].to_numpy(dtype=float)[1:]))
            return float(np.nansum(values[1:]) / total) if total > 0 else math.nan
    raise AssertionError(measure.summary)  # pragma: no cover


def curve(timeseries: pd.DataFrame, measure: MeasureSection) -> np.ndarray:
    """The key metric over time as plotted: cumulative per year for sums, else the weekly value."""
    values = timeseries[measure.metric].to_numpy(dtype=float)
    if measure.summary in (Summary.PER_YEAR, Summary.SHARE_OF):
        values = np.nancumsum(np.nan_to_num(values))
        if measure.summary is Summary.SHARE_OF:
            total = np.nancumsum(np.nan_to_num(timeseries[measure.of].to_numpy(dtype=float)))
            with np.errstate(invalid="ignore", divide="ignore"):
                values = np.where(total > 0, values / total, np.nan)
    return values


