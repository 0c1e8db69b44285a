"""Neighbours count among the carers of people 55+ only for help with the health-related need.

``docs/targets.md`` target 5: the survey (Egging, De Boer & Stevens 2011) counts mantelzorgers;
a neighbour who does favours for someone frail, while the household, formal care and family
carry the need itself, is not one. The measure counts a neighbour's weeks of help only in the
weeks in which neighbours or volunteers met some of that need (``Population.care_history``).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from simulatie.core.observe.metrics import METRICS
from simulatie.core.observe.observation import Observation
from simulatie.core.parameters import make_parameters
from simulatie.core.run.model import CaringCommunity
from simulatie.core.state.care_week import Source
from simulatie.core.state.population import NEVER


@pytest.fixture()
def model() -> CaringCommunity:
    community = CaringCommunity(params=make_parameters({"residents": 30}), rng=3)
    community.step()
    pop = community.population
    pop.age[:] = 40.0
    pop.indicated[:] = False
    pop.care_history[:] = 0
    pop.last_family_help_week[:] = NEVER
    ties = community.ties
    # one tie: resident 0 helped resident 1 in three weeks of the window (bits 0, 2 and 5)
    ties.a = np.array([0], np.int64)
    ties.b = np.array([1], np.int64)
    ties.help_ab = np.array([0b100101], np.uint64)
    ties.help_ba = np.array([0], np.uint64)
    pop.age[1] = 70.0
    pop.indicated[1] = True
    # resident 2, 80, gets help from two relatives
    pop.age[2] = 80.0
    pop.indicated[2] = True
    pop.family_helpers[2] = 2
    pop.last_family_help_week[2] = community.state.week
    return community


def _share(model: CaringCommunity) -> float:
    return METRICS["neighbour_share_of_carers_55plus"].compute(Observation(model.state))


def test_favours_alone_do_not_make_a_carer(model: CaringCommunity) -> None:
    assert model.state.params.caring_help_weeks == 3
    assert _share(model) == 0.0  # three weeks of help, none with the need itself: 0 of 2
    model.population.care_history[1] = np.uint64(0b000101)  # two of the three weeks
    assert _share(model) == 0.0


def test_help_with_the_need_in_enough_weeks_makes_a_carer(model: CaringCommunity) -> None:
    model.population.care_history[1] = np.uint64(0b1100101)  # the three weeks, and one more
    assert _share(model) == pytest.approx(1 / 3)  # one neighbour, two relatives
    model.population.age[1] = 50.0  # too young for the survey's question
    assert _share(model) == 0.0
    model.population.indicated[2] = False
    assert math.isnan(_share(model))


def test_in_a_real_run_neighbours_helping_with_the_need_leave_both_bits() -> None:
    """A week's help with a health-related need shows in the helper's tie and the home's history."""
    community = CaringCommunity(params=make_parameters({"residents": 80, "need_scale": 2.0,
                                                        "formal_care_hours": 0.0}), rng=11)
    found = 0
    for _ in range(26):
        community.step()
        pop, ties = community.population, community.ties
        network = community.care.received[:, Source.NETWORK]
        this_week = np.uint64(1)
        helped_over_tie = np.zeros(pop.n, bool)
        helped_over_tie[ties.b[(ties.help_ab & this_week) > 0]] = True
        helped_over_tie[ties.a[(ties.help_ba & this_week) > 0]] = True
        cared = pop.neighbourhood_care & (network > 0)
        assert np.all(helped_over_tie[cared])  # the need got help nearby: a tie carries it
        assert np.all((pop.care_history[cared] & this_week) > 0)
        found += int(cared.sum())
    assert found > 0  # the run had such weeks
