"""A neighbourhood at its own steady state, and caring ties that emerge against its baseline.

The done-when of the steady-state work, checked on the default scenario over five seeds:

* weekly care need in year 10 is within ±15% of year 1 (on average over the seeds), and in
  year 30 within ±10% with nothing organised;
* caring ties do not jump in the first weeks: week 4 is within 25% of week 0 on every seed;
* with nothing organised the share of residents with a caring tie does not rise over ten years;
* the default neighbourhood ends clearly above the same neighbourhood with nothing organised;
* *vergrijzing* (``ageing_trend``) moves the 80+ share towards the CBS projection for 2040.
"""

from __future__ import annotations

import functools

import numpy as np
import pytest

from simulatie import make_parameters, run
from simulatie.core.parameters import baseline_parameters

SEEDS = (0, 1, 2, 3, 4)
YEAR = 52
METRICS = ["care_hours_needed", "caring_ties", "share_with_caring_tie"]


@functools.cache
def default_runs() -> tuple:
    return tuple(run({}, seed=seed, steps=10 * YEAR, metrics=METRICS).timeseries
                 for seed in SEEDS)


def _year(series, year: int) -> float:
    return float(series.iloc[1 + (year - 1) * YEAR: 1 + year * YEAR].mean())


def test_need_in_year_ten_is_within_fifteen_percent_of_year_one():
    ratios = [_year(ts.care_hours_needed, 10) / _year(ts.care_hours_needed, 1)
              for ts in default_runs()]
    assert abs(np.mean(ratios) - 1) <= 0.15, ratios


def test_caring_ties_do_not_jump_in_the_first_weeks():
    for ts in default_runs():
        week0, week4 = ts.caring_ties.iloc[0], ts.caring_ties.iloc[4]
        assert week0 > 0  # the neighbourhood's own caring ties, made during the spin-up
        assert abs(week4 - week0) <= 0.25 * week0, (week0, week4)


def test_with_nothing_organised_caring_ties_do_not_rise():
    rises = [_year(ts.baseline_share_with_caring_tie, 10)
             - _year(ts.baseline_share_with_caring_tie, 1) for ts in default_runs()]
    assert np.mean(rises) <= 0.02, rises


def test_the_default_neighbourhood_ends_clearly_above_nothing_organised():
    excess = np.array([_year(ts.share_with_caring_tie, 10)
                       - _year(ts.baseline_share_with_caring_tie, 10) for ts in default_runs()])
    z = excess.mean() / (excess.std(ddof=1) / np.sqrt(len(excess)))
    assert excess.mean() > 0 and z > 2, excess


def test_need_stays_level_for_thirty_years_with_nothing_organised():
    base = baseline_parameters(make_parameters({}))
    ratios = []
    for seed in SEEDS[:4]:
        need = run(base, seed=seed, steps=30 * YEAR, metrics=["care_hours_needed"],
                   baseline=False).timeseries.care_hours_needed
        ratios.append(_year(need, 30) / _year(need, 1))
    assert abs(np.mean(ratios) - 1) <= 0.10, ratios


@pytest.mark.parametrize("trend", [0.0, 1.0])
def test_vergrijzing_moves_the_80_plus_share_towards_the_2040_projection(trend: float):
    params = baseline_parameters(make_parameters({"residents": 1000, "ageing_trend": trend}))
    growth = []
    for seed in SEEDS[:3]:
        share = run(params, seed=seed, steps=20 * YEAR, metrics=["share_80plus"],
                    baseline=False).timeseries.share_80plus
        growth.append(_year(share, 20) / _year(share, 1))
    if trend == 0:
        assert abs(np.mean(growth) - 1) < 0.2, growth
    else:  # CBS: 1 in 21 (2020) to 1 in 12 (2040), x1.75
        assert 1.5 < np.mean(growth) < 2.0, growth
