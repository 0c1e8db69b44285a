"""The default neighbourhood starts from, and stays near, published Dutch figures.

Each band is documented, with its source, year and the mapping from the survey's definition to
the model's measure, in ``docs/calibration.md``. A default run (300 residents, 10 years) on a few
seeds is checked at the start (week 0, loneliness only: nobody has helped or volunteered yet) and
at the end of every year: the mean over seeds must lie inside the band. The bands can fail: before
calibration the default run had about 75% lonely residents against a band of 35–59%.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from simulatie import run

SEEDS = (0, 1, 2)
YEARS = 10
YEAR_ENDS = [52 * k for k in range(1, YEARS + 1)]

# metric -> (low, high, source); see docs/calibration.md for the mapping of definitions
BANDS: dict[str, tuple[float, float, str]] = {
    "lonely_share": (0.35, 0.59, "GGD/CBS/RIVM health monitor 2020: 47% of adults lonely"),
    "lonely_share_75plus": (0.44, 0.68, "GGD/CBS/RIVM health monitor 2020: 56% of people 75+"),
    "volunteer_share_year": (0.05, 0.49, "CBS 2023: 49% of 15+ volunteered (any organisation)"),
    "informal_helper_share_year": (0.05, 0.32, "SCP 2016: 32% of 16+ gave informal care"),
}


def _runs(overrides: dict[str, str] | None = None) -> pd.DataFrame:
    """Weekly metrics of a run on each seed, stacked with a ``seed`` column."""
    frames = [run(overrides, seed=seed, steps=52 * YEARS).timeseries.assign(seed=seed)
              for seed in SEEDS]
    return pd.concat(frames, ignore_index=True)


@pytest.fixture(scope="module")
def default_runs() -> pd.DataFrame:
    """The default run on each seed."""
    return _runs()


def _mean_by_week(runs: pd.DataFrame, metric: str, weeks: list[int]) -> pd.Series:
    return runs[runs["week"].isin(weeks)].groupby("week")[metric].mean()


@pytest.mark.parametrize("metric", list(BANDS))
def test_default_run_stays_inside_the_band_every_year(default_runs: pd.DataFrame,
                                                      metric: str) -> None:
    low, high, source = BANDS[metric]
    means = _mean_by_week(default_runs, metric, YEAR_ENDS)
    outside = means[(means < low) | (means > high)]
    assert outside.empty, (
        f"{metric} leaves its band {low:.2f}–{high:.2f} ({source}) at weeks "
        f"{dict(outside.round(3))}"
    )


@pytest.mark.parametrize("metric", ["lonely_share", "lonely_share_75plus"])
def test_default_neighbourhood_starts_inside_the_loneliness_band(default_runs: pd.DataFrame,
                                                                 metric: str) -> None:
    low, high, source = BANDS[metric]
    start = float(_mean_by_week(default_runs, metric, [0]).iloc[0])
    assert low <= start <= high, f"{metric} starts at {start:.3f}, outside {low}–{high} ({source})"


@pytest.fixture(scope="module")
def status_quo_runs() -> pd.DataFrame:
    """The default neighbourhood as most Dutch neighbourhoods are: help-seekers must come forward.

    The health monitor describes the whole country, where needs are mostly not sought out; the
    default neighbourhood has a professional who actively matches the neediest with volunteers.
    """
    return _runs({"matching": "passive"})


def _later_means(runs: pd.DataFrame, columns: list[str]) -> pd.Series:
    """Means over years 2–10 and seeds: 75+ are few (about 35 of 300), so weeks are noisy."""
    return runs[runs["week"] >= 104][columns].mean()


def test_older_residents_volunteer_less(default_runs: pd.DataFrame) -> None:
    """CBS's age gradient: 75+ volunteer less (32% against 49% of all 15+)."""
    means = _later_means(default_runs, ["volunteer_share_year", "volunteer_share_year_75plus"])
    assert means["volunteer_share_year_75plus"] < means["volunteer_share_year"], means.to_dict()


def test_older_residents_are_lonelier_where_needs_are_not_sought_out(
    status_quo_runs: pd.DataFrame, default_runs: pd.DataFrame
) -> None:
    """The health monitor's gradient (75+ 56% against 47%) where help-seekers must come forward.

    With the default active matching a professional finds the neediest first, mostly frail older
    residents, and their volunteer becomes a caring tie: the gradient then disappears in the
    neighbourhood measure (``docs/calibration.md``). Both halves are asserted on the same seeds.
    """
    columns = ["lonely_share", "lonely_share_75plus"]
    passive = _later_means(status_quo_runs, columns)
    active = _later_means(default_runs, columns)
    gap_passive = passive["lonely_share_75plus"] - passive["lonely_share"]
    gap_active = active["lonely_share_75plus"] - active["lonely_share"]
    assert gap_passive > 0.03, passive.to_dict()
    assert gap_active < gap_passive, (active.to_dict(), passive.to_dict())


def test_yearly_shares_are_wider_than_weekly_snapshots(default_runs: pd.DataFrame) -> None:
    """A year's volunteers include those who quit during it: never fewer than this week's."""
    n = 300
    later = default_runs[default_runs["week"] >= 52]
    snapshot = later["active_volunteers"] / n
    assert np.all(later["volunteer_share_year"] >= snapshot - 1e-9)
