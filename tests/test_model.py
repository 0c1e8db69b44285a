import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from simulatie import make_parameters, run
from simulatie.agents import Initiator, Professional, Resident, Volunteer, draw_selflessness
from simulatie.care import Source
from simulatie.core.metrics import METRICS
from simulatie.core.model import CaringCommunity

SMALL = {"residents": 120}


def test_same_seed_same_run_and_different_seeds_differ():
    first = run(SMALL, seed=7, steps=60).timeseries
    again = run(SMALL, seed=7, steps=60).timeseries
    other = run(SMALL, seed=8, steps=60).timeseries
    pd.testing.assert_frame_equal(first, again)
    assert not first.equals(other)


def test_same_seed_same_run_in_a_fresh_process():
    code = (
        "from simulatie import run;"
        "r = run({'residents': 120}, seed=7, steps=60);"
        "print(r.timeseries.drop(columns='week').to_numpy().sum().hex())"
    )
    out = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        .stdout.strip()
        for _ in range(2)
    ]
    here = run(SMALL, seed=7, steps=60).timeseries.drop(columns="week").to_numpy().sum().hex()
    assert out[0] == out[1] == here


def test_hours_are_conserved_every_week():
    model = CaringCommunity(params=make_parameters({"residents": 150, "takeover": 0.5}), rng=3)
    informal_seen = 0.0
    for _ in range(80):
        model.step()
        care = model.last_observation.care
        pop = model.population
        np.testing.assert_allclose(care.need, care.received.sum(axis=1) + care.unmet, atol=1e-9)
        assert (care.received >= 0).all() and (care.unmet >= 0).all()
        informal = care.received[:, [Source.NETWORK, Source.VOLUNTEERS]].sum()
        assert pop.given.sum() == pytest.approx(informal)
        assert care.help_pairs[2].sum() == pytest.approx(informal)
        informal_seen += informal
    assert informal_seen > 0  # the check above was not vacuous


def test_formal_care_never_exceeds_its_capacity():
    params = make_parameters({"residents": 150, "formal_care_hours": 0.2, "need_scale": 3.0})
    model = CaringCommunity(params=params, rng=1)
    for _ in range(30):
        model.step()
        formal = model.last_observation.care.received[:, Source.FORMAL].sum()
        assert formal <= 0.2 * 150 + 1e-9
    assert model.records[-1]["care_hours_unmet"] > 0


def test_every_role_is_a_mesa_agent_and_residents_live_in_homes():
    model = CaringCommunity(params=make_parameters({"residents": 100}), rng=2)
    types = set(model.agents_by_type)
    assert {Resident, Volunteer, Initiator, Professional} <= types
    residents = model.agents_by_type[Resident]
    assert len(residents) == 100
    assert all(model.grid.kind.data[r.cell.coordinate] == 1 for r in residents)


def test_turnover_replaces_residents_and_clears_their_ties():
    params = make_parameters({"residents": 100, "turnover_per_year": 0.5})
    model = CaringCommunity(params=params, rng=4)
    for _ in range(30):
        model.step()
    arrived = model.population.arrived_week
    assert (arrived > 0).sum() > 10
    assert len(model.agents_by_type[Resident]) == 100
    newest = np.flatnonzero(arrived == model.week)
    if len(newest):
        counts = model.ties.count_per_resident(np.ones(len(model.ties), dtype=bool))
        assert (counts[newest] == 0).all()


def test_no_caring_ties_at_the_start_but_they_emerge():
    result = run({"residents": 200}, seed=5, steps=156)
    assert result.timeseries["caring_ties"].iloc[0] == 0
    assert result.timeseries["caring_ties"].iloc[-1] > 0


def test_results_have_every_metric_and_the_run_measures():
    result = run(SMALL, seed=1, steps=30)
    assert list(result.timeseries.columns) == ["week", *METRICS]
    assert len(result.timeseries) == 31
    for key in ("emergence_week", "caring_peak", "caring_peak_week", "half_life_weeks"):
        assert key in result.summary
    meta = result.metadata
    assert meta["seed"] == 1 and meta["steps"] == 30
    assert meta["parameters"]["residents"] == 120
    assert {"mesa", "numpy", "python"} <= set(meta["versions"])


def test_pilot_end_withdraws_the_professionals():
    params = {"residents": 200, "funding": "pilot", "pilot_weeks": 100, "takeover": 0.9,
              "professional_hours": 40, "professionals": 3}
    result = run(params, seed=2, steps=400)
    assert result.metadata["support_ended_week"] == 100
    before = result.timeseries.loc[result.timeseries.week == 99, "care_hours_professional"]
    after = result.timeseries.loc[result.timeseries.week > 100, "care_hours_professional"]
    assert before.iloc[0] > 0 and (after == 0).all()


def test_steps_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        run(SMALL, steps=0)


def test_selflessness_spreads_around_the_lever_and_is_exact_at_the_ends():
    rng = np.random.default_rng(5)
    draws = np.array([draw_selflessness(rng, 0.3) for _ in range(4000)])
    assert 0.28 < draws.mean() < 0.32 and draws.std() > 0.1
    assert ((draws >= 0) & (draws <= 1)).all()
    assert draw_selflessness(rng, 0.0) == 0.0 and draw_selflessness(rng, 1.0) == 1.0


def test_thanks_keep_a_volunteer_who_wants_something_back_but_not_a_selfless_one():
    """An unused week drains less with appreciation, unless the volunteer needs nothing back."""
    model = CaringCommunity(params=make_parameters({"residents": 40}), rng=1)
    volunteer = next(iter(model.volunteer_of.values()))
    changes = {}
    for selflessness in (0.0, 1.0):
        for appreciation in (0.0, 1.0):
            volunteer.selflessness, volunteer.motivation = selflessness, 0.5
            volunteer.hours_this_week = 0.0
            volunteer.update_motivation(appreciation, strain=0.0)
            changes[selflessness, appreciation] = volunteer.motivation - 0.5
    assert changes[0.0, 1.0] > changes[0.0, 0.0]
    assert changes[1.0, 1.0] == changes[1.0, 0.0]
