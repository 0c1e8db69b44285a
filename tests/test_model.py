"""The model as a whole: reproducibility, accounting, agents, the spin-up and the baseline arm."""

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from simulatie import make_parameters, run
from simulatie.core.lifecycle import prepared_neighbourhood, spun_up
from simulatie.core.lifecycle.week import advance_week
from simulatie.core.observe.metrics import METRICS
from simulatie.core.parameters import baseline_parameters
from simulatie.core.rules.roles import draw_selflessness
from simulatie.core.run.agents import Initiator, Professional, Resident, Volunteer
from simulatie.core.run.model import CaringCommunity
from simulatie.core.state.care_week import Source

SMALL = {"residents": 120, "spin_up_weeks": 156}


def test_same_seed_same_run_and_different_seeds_differ():
    first = run(SMALL, seed=7, steps=60).timeseries
    again = run(SMALL, seed=7, steps=60).timeseries
    other = run(SMALL, seed=8, steps=60).timeseries
    pd.testing.assert_frame_equal(first, again)
    assert not first.equals(other)


def test_same_seed_same_run_in_a_fresh_process():
    code = (
        "from simulatie import run;"
        "r = run({'residents': 120, 'spin_up_weeks': 156}, seed=7, steps=60);"
        "print(r.timeseries.drop(columns='week').fillna(0).to_numpy().sum().hex())"
    )
    out = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        .stdout.strip()
        for _ in range(2)
    ]
    here = run(SMALL, seed=7, steps=60).timeseries.drop(columns="week").fillna(0)
    assert out[0] == out[1] == here.to_numpy().sum().hex()


def test_hours_are_conserved_every_week():
    model = CaringCommunity(params=make_parameters({**SMALL, "takeover": 0.5}), rng=3)
    informal_seen = 0.0
    for _ in range(80):
        model.step()
        care = model.care
        pop = model.population
        np.testing.assert_allclose(care.need, care.received.sum(axis=1) + care.unmet, atol=1e-9)
        assert (care.received >= 0).all() and (care.unmet >= 0).all()
        informal = care.received[:, [Source.NETWORK, Source.VOLUNTEERS]].sum()
        assert pop.given.sum() == pytest.approx(informal)
        assert pop.given_network.sum() == pytest.approx(care.received[:, Source.NETWORK].sum())
        informal_seen += informal
    assert informal_seen > 0  # the check above was not vacuous


def test_formal_care_comes_first_and_never_exceeds_its_capacity():
    params = make_parameters({**SMALL, "formal_care_hours": 0.2, "need_scale": 3.0})
    model = CaringCommunity(params=params, rng=1)
    for _ in range(30):
        model.step()
        care = model.care
        formal = care.received[:, Source.FORMAL].sum()
        assert formal == pytest.approx(0.2 * 120)  # scarce: all of it is used
        indicated = model.population.indicated
        assert care.received[~indicated, Source.FORMAL].sum() == 0
    assert care.unmet.sum() > 0


def test_every_role_is_a_mesa_agent_that_reads_its_row():
    model = CaringCommunity(params=make_parameters({**SMALL, "residents": 100}), rng=2)
    for _ in range(10):
        model.step()
    types = set(model.agents_by_type)
    assert {Resident, Volunteer, Initiator, Professional} <= types
    residents = model.agents_by_type[Resident]
    assert len(residents) == 100
    assert all(model.grid.kind.data[r.cell.coordinate] == 1 for r in residents)
    pop = model.population
    assert set(model.volunteer_of) == set(np.flatnonzero(pop.is_volunteer).tolist())
    assert set(model.initiator_of) == set(np.flatnonzero(pop.is_initiator).tolist())
    volunteer = next(iter(model.volunteer_of.values()))
    assert volunteer.motivation == pop.motivation[volunteer.slot]
    initiator = next(iter(model.initiator_of.values()))
    assert initiator.energy == pop.energy[initiator.slot]


def test_turnover_replaces_residents_and_clears_their_ties():
    params = make_parameters({**SMALL, "residents": 100, "turnover_per_year": 0.5})
    model = CaringCommunity(params=params, rng=4)
    newest_seen = 0
    for _ in range(30):
        model.step()
        newest = model.state.leavers
        newest_seen += len(newest)
        counts = model.ties.count_per_resident(np.ones(len(model.ties), dtype=bool))
        assert not model.population.is_volunteer[newest].any()
        assert (counts[newest] <= 2).all()  # a newcomer's only ties are this week's chats
    assert newest_seen > 10
    assert len(model.agents_by_type[Resident]) == 100


def test_week_zero_is_the_spin_up_and_the_baseline_shares_it():
    params = make_parameters(SMALL)
    result = run(params, seed=5, steps=10)
    ts = result.timeseries
    assert ts["caring_ties"].iloc[0] == ts["baseline_caring_ties"].iloc[0]
    assert result.metadata["spin_up"]["weeks"] == 156
    nb = spun_up(params, 5)
    assert nb.week == 0 and not nb.population.is_volunteer.any() and not nb.support.present
    assert ts["share_with_caring_tie"].iloc[0] == pytest.approx(
        (nb.views.caring_counts > 0).mean())


def test_the_baseline_arm_is_the_same_neighbourhood_with_nothing_organised():
    params = make_parameters(SMALL)
    base = baseline_parameters(params)
    assert (base.professionals, base.initiators, base.meeting_places) == (0, 0, 0)
    assert base.initial_volunteer_share == 0 and base.recruitment.value == "none"
    assert base.formal_care_hours == params.formal_care_hours  # not an intervention
    changed = baseline_parameters(make_parameters({**SMALL, "takeover": 0.9}))
    assert changed == base  # how professionals would work does not matter without them
    arm = run(params, seed=3, steps=40).timeseries
    baseline = run(base, seed=3, steps=40).timeseries
    np.testing.assert_array_equal(arm["baseline_caring_ties"], baseline["caring_ties"])


def test_common_random_numbers_keep_demography_identical_between_arms():
    params = make_parameters(SMALL)
    arm = prepared_neighbourhood(params, 9)
    base = prepared_neighbourhood(baseline_parameters(params), 9)
    for _ in range(40):
        advance_week(arm)
        advance_week(base)
        np.testing.assert_array_equal(arm.population.group, base.population.group)
        np.testing.assert_allclose(arm.population.age, base.population.age)


def test_results_have_the_chosen_metrics_the_baseline_and_the_run_measures():
    result = run(SMALL, seed=1, steps=30)
    names = [c for c in result.timeseries.columns if not c.startswith("baseline_")]
    assert names == ["week", *METRICS]
    assert len(result.timeseries) == 31
    for key in ("emergence_week", "half_life_weeks", "caring_excess_final", "caring_peak"):
        assert key in result.summary
    meta = result.metadata
    assert meta["seed"] == 1 and meta["steps"] == 30
    assert meta["parameters"]["residents"] == 120
    assert {"mesa", "numpy", "python"} <= set(meta["versions"])
    few = run(SMALL, seed=1, steps=30, metrics=["caring_ties"], baseline=False)
    assert list(few.timeseries.columns) == ["week", "caring_ties"]
    pd.testing.assert_series_equal(few.timeseries["caring_ties"],
                                   result.timeseries["caring_ties"])


def test_pilot_end_withdraws_the_professionals():
    params = {**SMALL, "residents": 200, "funding": "pilot", "pilot_weeks": 100,
              "takeover": 0.9, "professional_hours": 40.0, "professionals": 3}
    result = run(params, seed=2, steps=200)
    assert result.metadata["support_ended_week"] == 100
    ts = result.timeseries
    before = ts.loc[ts.week.between(50, 99), "care_hours_professional"]
    after = ts.loc[ts.week > 100, "care_hours_professional"]
    assert before.sum() > 0 and (after == 0).all()


@pytest.mark.parametrize("steps", [0, 52 * 200 + 1])
def test_steps_must_be_within_bounds(steps):
    with pytest.raises(ValueError, match="steps must be from 1"):
        run(SMALL, steps=steps)


def test_unknown_metric_is_an_error():
    with pytest.raises(ValueError, match="unknown metrics: caring_tie"):
        run(SMALL, steps=2, metrics=["caring_tie"])


def test_clustered_housing_lasts_through_turnover():
    def same_group_neighbours(clustering: float) -> float:
        params = make_parameters({**SMALL, "group_clustering": clustering,
                                  "turnover_per_year": 0.3})
        nb = spun_up(params, 2)  # three years at 30% turnover: most homes have changed hands
        assert nb.population.generation.mean() > 1.5
        layout = nb.layout
        src = np.repeat(np.arange(layout.homes), np.diff(layout.neighbour_ptr))
        group = nb.population.group
        return float((group[src] == group[layout.neighbour_idx]).mean())

    assert same_group_neighbours(1.0) > same_group_neighbours(0.0) + 0.3


def test_selflessness_spreads_around_the_lever_and_is_exact_at_the_ends():
    u = np.random.default_rng(5).random(4000)
    concentration = make_parameters({}).motive_concentration
    draws = draw_selflessness(u, 0.3, concentration)
    assert 0.28 < draws.mean() < 0.32 and draws.std() > 0.1
    assert ((draws >= 0) & (draws <= 1)).all()
    assert (draw_selflessness(u[:3], 0.0, concentration) == 0).all()
    assert (draw_selflessness(u[:3], 1.0, concentration) == 1).all()
    tighter = draw_selflessness(u, 0.3, 4 * concentration)
    assert tighter.std() < draws.std()
