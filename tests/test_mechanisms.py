"""Mechanisms instead of wiring: each rule responds to what it is meant to respond to.

* asking a neighbour responds to waiting for formal care, held back by the threshold to ask;
* reciprocity works within a pair: having given makes asking easier, owing makes it harder;
* organisers step back as a motivation response when professionals do the work, one by one;
* draagkracht grows with engagement and shrinks with overload;
* matching arranges a first meeting, and a matched pair is not a caring tie at once.
"""

from __future__ import annotations

import numpy as np
import pytest

from simulatie import make_parameters, run
from simulatie.core.lifecycle import prepared_neighbourhood
from simulatie.core.lifecycle.week import advance_week
from simulatie.core.rules.asking import AskingTerms, ask_chance, willing_chance
from simulatie.core.rules.engagement import update_draagkracht
from simulatie.core.rules.professionals import crowding_out
from simulatie.core.run.model import CaringCommunity
from simulatie.core.state.ties import TieStage

SMALL = {"residents": 150, "spin_up_weeks": 156}
TERMS = AskingTerms.of(make_parameters({}))


def chance(waiting: float = 0.0, credit: float = 0.0, threshold: float = 0.5,
           waiting_push: float = 0.3, reciprocity_weight: float = 0.2) -> float:
    """The chance that a resident asks a tie of strength 0.5 (trust 0.5)."""
    terms = TERMS._replace(waiting_push=waiting_push, reciprocity_weight=reciprocity_weight)
    return ask_chance(0.5, 0.5, credit, waiting, threshold, terms)


def willing(credit: float, need: float, open_ended_hours: float = 4.0) -> float:
    """The chance that an asked tie of strength 0.5 is willing to help with ``need`` hours."""
    terms = TERMS._replace(reciprocity_weight=0.2, open_ended_hours=open_ended_hours)
    return willing_chance(0.5, credit, need, terms)


def test_waiting_for_formal_care_makes_people_ask_a_neighbour():
    assert chance(waiting=0.0) == pytest.approx(0.5)  # courage exactly at the threshold
    assert chance(waiting=1.0) > 0.95
    assert chance(waiting=1.0, waiting_push=0.0) == pytest.approx(0.5)  # no push, no change
    assert chance(waiting=1.0, threshold=0.9) < 0.5  # held back by vraagverlegenheid


def test_first_give_then_take_within_a_pair():
    gave = 2 * TERMS.credit_scale_hours
    assert chance(credit=gave) > 0.9  # resident 0 helped resident 1 before
    assert chance(credit=-gave) < 0.1  # owing makes asking harder than not owing
    assert chance(credit=gave, reciprocity_weight=0.0) == pytest.approx(0.5)
    assert willing(gave, 1.0) > willing(0.0, 1.0)
    assert willing(-gave, 1.0) < willing(0.0, 1.0)


def test_neighbours_hold_back_from_open_ended_need():
    light, heavy = willing(0.0, 1.0), willing(0.0, 12.0)
    assert heavy < light / 2  # twelve hours a week is a burden one hesitates to take on
    assert willing(0.0, 12.0, open_ended_hours=0.0) == willing(0.0, 0.0)


def test_scarce_formal_care_moves_help_to_the_neighbours():
    ms = ["care_hours_network", "care_hours_formal"]
    scarce, ample = ([run({**SMALL, "formal_care_hours": f}, seed=s, steps=104, metrics=ms,
                          baseline=False).timeseries.iloc[1:].mean() for s in range(4)]
                     for f in (0.2, 1.5))
    network = [s.care_hours_network - a.care_hours_network
               for s, a in zip(scarce, ample, strict=True)]
    assert all(d > 0 for d in network), network


def test_organisers_are_crowded_out_gradually_not_by_rule():
    params = make_parameters({**SMALL, "takeover": 1.0, "takeover_rate": 0.5,
                              "professional_hours": 40.0, "initiators": 2})
    nb = prepared_neighbourhood(params, 2)
    seen = None
    for _ in range(60):
        advance_week(nb)
        run_ids = nb.programme.professional_run_ids()
        organisers = np.flatnonzero(nb.population.is_initiator
                                    & np.isin(nb.population.activity, run_ids))
        if seen is None and len(organisers):
            seen = organisers  # organisers of a taken-over activity are still there ...
            loss = crowding_out(nb.population, nb.programme, params)
            expected = params.crowding_out * params.takeover
            assert loss[organisers] == pytest.approx(np.full(len(organisers), expected))
            assert (loss[~nb.population.is_initiator] == 0).all()
    assert seen is not None
    assert nb.roles.stepped_back > 0  # ... and later stepped back, counted apart from burnout
    none = crowding_out(nb.population, nb.programme, params.model_copy(update={"takeover": 0.0}))
    assert not none.any()


def test_draagkracht_grows_with_engagement_and_shrinks_with_overload():
    model = CaringCommunity(params=make_parameters(SMALL), rng=1)
    pop = model.population
    pop.clear_week()
    pop.draagkracht_factor[:] = 1.0
    pop.is_initiator[:] = False
    nominal = pop.draagkracht_on_arrival
    pop.given[:] = 0.0
    pop.given[:10] = 0.5 * nominal[:10]  # helping within one's means
    pop.given[10:20] = 3.0 * nominal[10:20] + 1.0  # overload
    pop.attended[20:30] = True
    update_draagkracht(model.state.population, model.state.params)
    factor = pop.draagkracht_factor
    assert (factor[:10] > 1).all() and (factor[20:30] > 1).all()
    assert (factor[10:20] < 1).all()
    assert np.allclose(factor[30:], 1.0)
    params = model.state.params
    lowest, highest = 1.0 / params.draagkracht_min_divisor, params.draagkracht_max
    assert (factor >= lowest).all() and (factor <= highest).all()


def test_a_match_is_a_first_meeting_not_a_caring_tie():
    params = make_parameters({**SMALL, "matching": "active", "initial_volunteer_share": 0.2})
    nb = prepared_neighbourhood(params, 4)
    before = nb.ties.key.copy()
    stage_before = dict(zip(before.tolist(), nb.ties.stage.tolist(), strict=True))
    advance_week(nb)
    volunteers = nb.population.is_volunteer
    pair_is_new = ~np.isin(nb.ties.key, before)
    with_volunteer = volunteers[nb.ties.a] | volunteers[nb.ties.b]
    assert (pair_is_new & with_volunteer).any()  # matches were made this week
    assert not (nb.ties.stage[pair_is_new] == TieStage.CARING).any()
    assert len(stage_before) > 0
