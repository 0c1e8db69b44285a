"""Per-run measures of emergence and decay, against the neighbourhood's own baseline.

A run has two arms on the same seed (common random numbers): the neighbourhood with the run's
intervention and the same neighbourhood with nothing organised (``docs/odd.md`` 7.14). The
*excess* is the share of residents with a caring tie in the first minus that in the second.

* **Emergence week**: the first week from which the excess stays at or above
  ``emergence_margin`` for ``EMERGENCE_HOLD_WEEKS`` weeks in a row (NaN if that never happens).
* **Week of half the eventual excess**: the first week in which the excess, averaged over the
  trailing ``SMOOTHING_WEEKS``, reaches half its level in the run's last year; a measure of how
  fast the effect builds up that does not hang on one margin (NaN when the last year's excess
  is not above zero).
* **Half-life after support stops**: weeks from the end of professional support (a pilot's end)
  until the excess, averaged over the trailing ``SMOOTHING_WEEKS``, has fallen to half its level
  at that moment (NaN when support never stopped, when there was no clear excess to lose, or
  when it never halved within the run).
* **Peak**: the highest number of caring ties and the week it was reached.
* **Excess at the end**: the excess averaged over the run's last year.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

__all__ = [
    "BASELINE_PREFIX",
    "EMERGENCE_HOLD_WEEKS",
    "MEASURE_LABELS",
    "caring_excess",
    "emergence_week",
    "half_excess_week",
    "half_life_after",
    "run_measures",
]

EMERGENCE_HOLD_WEEKS = 13  # a quarter of a year
SMOOTHING_WEEKS = 13
BASELINE_PREFIX = "baseline_"
"""Columns of the baseline arm in a run's table start with this."""

MEASURE_LABELS: dict[str, dict[str, str]] = {
    "emergence_week": {"nl": "Week waarin zorgzame banden ontstaan",
                       "en": "Week caring ties emerged"},
    "half_excess_week": {"nl": "Week met de helft van het uiteindelijke extra aandeel",
                         "en": "Week half the eventual extra share was reached"},
    "half_life_weeks": {"nl": "Halveringstijd na einde steun (weken)",
                        "en": "Half-life after support ended (weeks)"},
    "caring_excess_final": {"nl": "Extra aandeel met zorgzame band, laatste jaar",
                            "en": "Extra share with a caring tie, last year"},
    "caring_peak": {"nl": "Piek aantal zorgzame banden", "en": "Peak number of caring ties"},
    "caring_peak_week": {"nl": "Week van de piek", "en": "Week of the peak"},
}
"""What each run measure is called, in Dutch and English (tables, reports, figures).

Emergence, half-life and the extra share are all measured against the same neighbourhood with
nothing organised (the baseline arm); the labels stay short for figure titles."""


def caring_excess(timeseries: pd.DataFrame) -> np.ndarray | None:
    """Share with a caring tie in the run minus the baseline's, per week (None without one)."""
    column = f"{BASELINE_PREFIX}share_with_caring_tie"
    if column not in timeseries or "share_with_caring_tie" not in timeseries:
        return None
    return (timeseries["share_with_caring_tie"] - timeseries[column]).to_numpy(dtype=float)


def emergence_week(weeks: np.ndarray, excess: np.ndarray, margin: float) -> float:
    """First week from which ``excess`` stays at or above ``margin`` for a quarter of a year."""
    above = np.asarray(excess) >= margin
    hold = EMERGENCE_HOLD_WEEKS
    if len(above) < hold:
        return math.nan
    runs = np.convolve(above.astype(int), np.ones(hold, dtype=int), mode="valid")
    start = np.flatnonzero((runs == hold) & (np.asarray(weeks)[: len(runs)] >= 1))
    return float(weeks[start[0]]) if len(start) else math.nan


def half_excess_week(weeks: np.ndarray, excess: np.ndarray) -> float:
    """First week in which the smoothed excess reaches half its level in the last year."""
    values = np.asarray(excess, dtype=float)
    eventual = float(np.mean(values[-min(52, len(values)):]))
    if eventual <= 0:
        return math.nan
    smooth = _trailing_mean(values, SMOOTHING_WEEKS)
    reached = np.flatnonzero((smooth >= eventual / 2) & (np.asarray(weeks) >= 1))
    return float(weeks[reached[0]]) if len(reached) else math.nan


def _trailing_mean(values: np.ndarray, window: int) -> np.ndarray:
    cumulative = np.cumsum(np.r_[0.0, values])
    counts = np.minimum(np.arange(1, len(values) + 1), window)
    return (cumulative[1:] - cumulative[np.arange(1, len(values) + 1) - counts]) / counts


def half_life_after(
    weeks: np.ndarray, excess: np.ndarray, ended: int | None, margin: float
) -> float:
    """Weeks after ``ended`` until the smoothed excess falls to half its level at ``ended``."""
    if ended is None:
        return math.nan
    smooth = _trailing_mean(np.asarray(excess, dtype=float), SMOOTHING_WEEKS)
    at = np.flatnonzero(np.asarray(weeks) >= ended)
    if len(at) == 0 or smooth[at[0]] < margin:
        return math.nan
    start = at[0]
    below = np.flatnonzero(smooth[start:] <= smooth[start] / 2)
    return float(weeks[start + below[0]] - weeks[start]) if len(below) else math.nan


def run_measures(
    timeseries: pd.DataFrame, margin: float, support_ended_week: int | None
) -> dict[str, float]:
    """Summarise one run: emergence and half-life against the baseline, peak, final values.

    Args:
        timeseries: The run's weekly table (``baseline_`` columns when a baseline ran).
        margin: The ``emergence_margin`` convention.
        support_ended_week: The week a pilot's professionals left, if they did.

    Returns:
        The run's measures and the final value of every column (``final_<column>``).
    """
    weeks = timeseries["week"].to_numpy()
    summary: dict[str, float] = {}
    excess = caring_excess(timeseries)
    if excess is not None:
        summary["emergence_week"] = emergence_week(weeks, excess, margin)
        summary["half_excess_week"] = half_excess_week(weeks, excess)
        summary["half_life_weeks"] = half_life_after(weeks, excess, support_ended_week, margin)
        summary["caring_excess_final"] = float(np.mean(excess[-min(52, len(excess)):]))
    if "caring_ties" in timeseries:
        caring = timeseries["caring_ties"].to_numpy()
        peak_at = int(np.argmax(caring))
        summary["caring_peak"] = float(caring[peak_at])
        summary["caring_peak_week"] = float(weeks[peak_at])
    last = timeseries.iloc[-1]
    for column in timeseries.columns:
        if column != "week":
            summary[f"final_{column}"] = float(last[column])
    return summary
