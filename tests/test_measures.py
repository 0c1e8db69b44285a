"""Emergence and decay measured against the neighbourhood's own baseline."""

import math

import numpy as np
import pandas as pd
import pytest

from simulatie.core.observe.measures import (
    EMERGENCE_HOLD_WEEKS,
    emergence_week,
    half_life_after,
    run_measures,
)


def test_emergence_is_the_first_week_the_excess_holds_for_a_quarter():
    weeks = np.arange(60)
    excess = np.zeros(60)
    excess[5:8] = 0.2  # a blip: not held
    excess[20:] = 0.06
    assert emergence_week(weeks, excess, 0.05) == 20
    assert math.isnan(emergence_week(weeks, excess, 0.1))
    short = np.zeros(60)
    short[60 - EMERGENCE_HOLD_WEEKS + 1:] = 1.0  # not a full quarter left in the run
    assert math.isnan(emergence_week(weeks, short, 0.05))


def test_week_zero_never_counts_as_emergence():
    weeks = np.arange(30)
    assert emergence_week(weeks, np.full(30, 0.3), 0.05) == 1


def test_half_life_counts_weeks_until_the_smoothed_excess_halves():
    weeks = np.arange(200)
    excess = np.where(weeks < 100, 0.2, 0.2 * 0.5 ** ((weeks - 100) / 20))
    half = half_life_after(weeks, excess, 100, 0.05)
    assert 20 < half < 35  # 20 weeks, plus the lag of a 13-week trailing mean
    assert math.isnan(half_life_after(weeks, excess, None, 0.05))
    assert math.isnan(half_life_after(weeks, np.full(200, 0.01), 100, 0.05))  # nothing to lose
    assert math.isnan(half_life_after(weeks, np.full(200, 0.2), 100, 0.05))  # never halves


def test_run_measures_use_the_baseline_columns():
    weeks = np.arange(80)
    ts = pd.DataFrame({"week": weeks, "caring_ties": weeks % 7,
                       "share_with_caring_tie": 0.3 + 0.0025 * weeks,
                       "baseline_share_with_caring_tie": np.full(80, 0.3)})
    summary = run_measures(ts, margin=0.0499, support_ended_week=None)
    assert summary["emergence_week"] == 20  # 0.0025 * 20 = 0.05
    assert summary["caring_excess_final"] == pytest.approx(0.0025 * weeks[-52:].mean())
    assert summary["caring_peak"] == 6 and summary["caring_peak_week"] == 6
    assert math.isnan(summary["half_life_weeks"])
    assert summary["final_caring_ties"] == ts["caring_ties"].iloc[-1]
    assert "emergence_week" not in run_measures(ts.drop(columns="baseline_share_with_caring_tie"),
                                                0.05, None)
