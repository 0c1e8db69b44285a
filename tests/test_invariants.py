"""Invariants that hold in every week of every run: long runs and corners of the parameter space.

Verification, not validation: whatever the parameters, tie strengths stay in [0, 1), hours and
capacities are never negative, every hour of need is accounted for (need = sources + unmet, per
resident, every week), the hours residents give equal the hours residents receive, the role
agents agree with the population's flags, and metrics that must be defined are finite. Runs are
small (40–80 residents) so the whole file takes well under a minute.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from simulatie.core.observe.metrics import METRICS
from simulatie.core.observe.record import record
from simulatie.core.parameters import make_parameters, parameter_specs
from simulatie.core.rules.capacity import capacity
from simulatie.core.run.model import CaringCommunity
from simulatie.core.state.care_week import Source
from simulatie.core.state.population import NO_ACTIVITY
from simulatie.core.state.ties import TieStage

# Metrics that are NaN when nobody is in the group they describe or nothing happened yet.
MAY_BE_NAN = {
    "lonely_share_75plus", "lonely_share_under75", "volunteer_retention",
    "volunteer_share_year_75plus", "informal_helper_share_year_75plus",
    "helped_share_year_75plus", "never_asked_share_of_non_helpers",
    "neighbour_share_of_carers_55plus", "informal_care_received_share_75plus",
    "activities_outliving_support", "frail_with_two_helpers_share",
    "health_need_share_65_74", "health_need_share_75plus", "health_need_share_85plus",
    "mantelzorg_hours_55plus",
}
MAY_BE_INF = {"load_capacity_ratio"}  # need over zero capacity (helper capacity 0, all burnt out)
SHARES = ("share_older", "share_family", "share_lvb", "share_psych", "share_migrant")


def check_week(model: CaringCommunity) -> None:
    """Assert every invariant of the model's current week."""
    pop = model.population
    ties = model.ties
    week = model.week

    # ties
    strength = ties.strength()
    assert np.all((strength >= 0) & (strength < 1)), f"week {week}: strength outside [0, 1)"
    assert np.all(np.isfinite(ties.hours)), f"week {week}: tie hours not finite"
    assert np.all(ties.hours >= ties.prune_below_hours), f"week {week}: unpruned faint tie"
    assert np.all(ties.a < ties.b) and np.all(np.diff(ties.key) > 0), "ties unsorted or doubled"
    caring = ties.stage == TieStage.CARING
    assert np.all(ties.hours[caring] >= ties.friendly_hours), f"week {week}: caring, not friendly"
    assert np.all((ties.help_ab[caring] | ties.help_ba[caring]) > 0), f"week {week}: no help"

    # residents: no negative hours, capacity or budget; bounded state
    for name in ("need", "given", "given_network", "given_informal", "received",
                 "draagkracht_on_arrival", "burnout_weeks", "activity_weeks", "age", "strain"):
        values = getattr(pop, name)
        assert np.all(values >= 0) and np.all(np.isfinite(values)), f"week {week}: {name} < 0"
    assert np.all(capacity(pop, model.params) >= 0), f"week {week}: negative capacity"
    assert np.all(pop.given_informal <= pop.given_network + 1e-9), f"week {week}: informal"
    assert np.all(pop.given_network <= pop.given + 1e-9), f"week {week}: network > given"
    for name in ("frailty", "sociability", "trust", "ownership", "ask_threshold", "waiting"):
        values = getattr(pop, name)
        assert np.all((values >= 0) & (values <= 1)), f"week {week}: {name} outside [0, 1]"
    factor = pop.draagkracht_factor
    params = model.state.params
    lowest, highest = 1.0 / params.draagkracht_min_divisor, params.draagkracht_max
    assert np.all((factor >= lowest - 1e-12) & (factor <= highest + 1e-12))

    # care: hours conserved per resident, and given = received between residents
    care = model.care
    assert np.all(care.received >= 0) and np.all(care.unmet >= 0)
    np.testing.assert_allclose(care.need, care.received.sum(axis=1) + care.unmet, atol=1e-9,
                               err_msg=f"week {week}: need != sources + unmet")
    informal = care.received[:, [Source.NETWORK, Source.VOLUNTEERS]].sum()
    assert math.isclose(pop.given.sum(), informal, rel_tol=1e-9, abs_tol=1e-9), week
    formal_capacity = model.state.params.formal_care_hours * pop.n
    assert care.received[:, Source.FORMAL].sum() <= formal_capacity + 1e-9
    assert care.received[~pop.indicated, Source.FORMAL].sum() == 0
    # neighbourhood care (the carers' measure) only where a health-related need got help nearby
    nearby = care.received[:, Source.NETWORK] + care.received[:, Source.VOLUNTEERS]
    assert not np.any(pop.neighbourhood_care & ~(pop.indicated & (nearby > 0))), week
    assert np.all((pop.care_history & np.uint64(1)).astype(bool) == pop.neighbourhood_care)

    # roles: agents agree with the population's rows, teams with the organisers' rows
    assert set(model.volunteer_of) == set(np.flatnonzero(pop.is_volunteer).tolist()), week
    assert set(model.initiator_of) == set(np.flatnonzero(pop.is_initiator).tolist()), week
    for slot, volunteer in model.volunteer_of.items():
        assert volunteer.slot == slot and 0 <= volunteer.motivation <= 1
        assert 0 <= volunteer.selflessness <= 1
    for slot, initiator in model.initiator_of.items():
        assert initiator.slot == slot and initiator.energy <= 1
    running = {a.ident: a for a in model.state.programme.running()}
    for home in np.flatnonzero(pop.activity != NO_ACTIVITY).tolist():
        assert pop.is_initiator[home], f"week {week}: a non-initiator organises"
        assert home in running[int(pop.activity[home])].organisers, week
    for activity in running.values():
        assert len(activity.organisers) <= params.max_organisers, week
        assert len(set(activity.organisers)) == len(activity.organisers)
        assert all(pop.activity[o] == activity.ident for o in activity.organisers)
        assert activity.members[activity.organisers].all()
    assert len(model.professionals) == model.state.support.professionals

    # metrics: defined where they must be
    row = record(model.state, list(METRICS))
    assert row["week"] == week
    for name in METRICS:
        value = row[name]
        if name in MAY_BE_NAN and math.isnan(value):
            continue
        if name in MAY_BE_INF and math.isinf(value):
            continue
        assert math.isfinite(value), f"week {week}: metric {name} = {value}"
    assert row["active_volunteers"] == pop.is_volunteer.sum()
    assert row["active_initiators"] == pop.is_initiator.sum()
    for name, metric in METRICS.items():
        if metric.unit == "share" and math.isfinite(row[name]):
            assert 0 <= row[name] <= 1, f"week {week}: {name} = {row[name]}"


def run_checked(values: dict[str, Any], weeks: int, seed: int = 0) -> CaringCommunity:
    """Run a model for ``weeks`` weeks, checking every invariant every week."""
    model = CaringCommunity(params=make_parameters(values), rng=seed)
    check_week(model)
    for _ in range(weeks):
        model.step()
        check_week(model)
    return model


def _corner(side: str, residents: int) -> dict[str, Any]:
    """Every numeric lever at its lower or upper bound (groups shares kept feasible)."""
    values: dict[str, Any] = {}
    for name, spec in parameter_specs().items():
        if spec.choices or spec.kind is bool or name in SHARES:
            continue
        values[name] = spec.lower if side == "lower" else spec.upper
    values["residents"] = residents
    if side == "upper":  # the shares may add up to at most 1
        values.update(dict.fromkeys(SHARES, 0.2))
        values.update(one_off_events=True, digital_platform=True, funding="pilot",
                      pilot_weeks=52, recruitment="flyer", matching="active",
                      guidance_style="facilitating", meeting_place_placement="edge")
    else:
        values.update(dict.fromkeys(SHARES, 0.0))
        values.update(recruitment="none", matching="passive",
                      guidance_style="closed_authoritarian")
    return values


CORNERS: dict[str, dict[str, Any]] = {
    "all lower bounds": _corner("lower", 40),
    "all upper bounds": _corner("upper", 40),
    "upper bounds, weekly recurring, structural": {
        **_corner("upper", 40), "activity_interval_weeks": 1, "one_off_events": False,
        "funding": "structural", "recruitment": "personal",
    },
    "lower bounds with ageing and need": {
        **_corner("lower", 40), "ageing_trend": 1.0, "need_scale": 5.0, "share_older": 1.0,
    },
    "crowded, busy, no time to give": {
        "residents": 80, "initiators": 100, "meeting_places": 20, "helper_capacity_hours": 0.0,
        "need_scale": 5.0, "professionals": 20, "professional_hours": 40.0, "takeover": 1.0,
    },
    "everyone a volunteer, no formal care": {
        "residents": 60, "initial_volunteer_share": 1.0, "formal_care_hours": 0.0,
        "matching": "active", "digital_platform": True, "ask_threshold": 0.0,
        "helper_capacity_hours": 20.0, "friendly_hours": 1.0,
    },
    "no decay, instant friends, clustered": {
        "residents": 60, "tie_decay_per_week": 0.0, "weak_tie_decay_per_week": 0.0,
        "friendly_hours": 1.0, "group_clustering": 1.0, "homophily": 1.0, "area_risk": 1.0,
        "lonely_below_ties": 10,
    },
}


@pytest.mark.parametrize("name", list(CORNERS))
def test_invariants_hold_at_corners_of_the_parameter_space(name: str) -> None:
    run_checked(CORNERS[name], weeks=104)


def test_invariants_hold_over_thirty_years() -> None:
    """1560 weeks at the defaults: the population renews itself, nothing drifts out of range."""
    model = run_checked({"residents": 60, "spin_up_weeks": 104}, weeks=1560, seed=3)
    assert model.week == 1560
    assert (model.population.arrived_week > 0).mean() > 0.85  # almost everyone was replaced


def test_invariants_hold_over_thirty_years_after_a_pilot() -> None:
    model = run_checked({"residents": 60, "funding": "pilot", "pilot_weeks": 104,
                         "recruitment": "flyer", "takeover": 0.8, "spin_up_weeks": 104},
                        weeks=1560, seed=4)
    assert model.state.support.ended_week == 104
    assert len(model.professionals) == 0
