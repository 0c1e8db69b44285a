"""Per-run measures of emergence and decay, computed from a run's weekly table.

* **Emergence week**: the first week in which at least ``emergence_share`` of residents have a
  caring tie (NaN if that never happens).
* **Peak**: the highest number of caring ties and the week it was reached.
* **Half-life after support stops**: weeks from the end of professional support (pilot end)
  until the number of caring ties has fallen to half its value at that moment (NaN when support
  never stopped or caring ties never halved within the run).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .parameters import Parameters

__all__ = ["MEASURE_LABELS", "emergence_week", "half_life_after", "run_measures"]

MEASURE_LABELS: dict[str, dict[str, str]] = {
    "emergence_week": {"nl": "Week waarin zorgzame banden ontstaan",
                       "en": "Week caring ties emerged"},
    "caring_peak": {"nl": "Piek aantal zorgzame banden", "en": "Peak number of caring ties"},
    "caring_peak_week": {"nl": "Week van de piek", "en": "Week of the peak"},
    "half_life_weeks": {"nl": "Halveringstijd na einde steun (weken)",
                        "en": "Half-life after support ended (weeks)"},
}
"""What each run measure is called, in Dutch and English (tables, reports, figures)."""


def emergence_week(timeseries: pd.DataFrame, share: float) -> float:
    """First week at which the share of residents with a caring tie reaches ``share``."""
    hit = np.flatnonzero(timeseries["share_with_caring_tie"].to_numpy() >= share)
    return float(timeseries["week"].iloc[hit[0]]) if len(hit) else math.nan


def half_life_after(timeseries: pd.DataFrame, week: int | None) -> float:
    """Weeks after ``week`` until caring ties fall to half their level at ``week``."""
    if week is None:
        return math.nan
    weeks = timeseries["week"].to_numpy()
    caring = timeseries["caring_ties"].to_numpy()
    at = np.flatnonzero(weeks >= week)
    if len(at) == 0 or caring[at[0]] <= 0:
        return math.nan
    start = at[0]
    below = np.flatnonzero(caring[start:] <= caring[start] / 2)
    return float(weeks[start + below[0]] - weeks[start]) if len(below) else math.nan


def run_measures(
    timeseries: pd.DataFrame, params: Parameters, support_ended_week: int | None
) -> dict[str, float]:
    """Summarise one run: emergence, peak, half-life, and every metric's final value."""
    caring = timeseries["caring_ties"].to_numpy()
    peak_at = int(np.argmax(caring))
    summary = {
        "emergence_week": emergence_week(timeseries, params.emergence_share),
        "caring_peak": float(caring[peak_at]),
        "caring_peak_week": float(timeseries["week"].iloc[peak_at]),
        "half_life_weeks": half_life_after(timeseries, support_ended_week),
    }
    last = timeseries.iloc[-1]
    for column in timeseries.columns:
        if column != "week":
            summary[f"final_{column}"] = float(last[column])
    return summary
