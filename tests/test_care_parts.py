"""The care rules are called with the parts of the neighbourhood they read and write.

Each test builds a small neighbourhood, hands a rule only the parts it names and checks what it
writes: one week of care accounts for every hour of need, asking one's ties reads the declared
willingness, and doorstep chats need only the population, the layout and their stream.
"""

from __future__ import annotations

import numpy as np
import pytest

from simulatie import make_parameters
from simulatie.core.lifecycle import prepared_neighbourhood
from simulatie.core.rules.asking import ask_own_network
from simulatie.core.rules.capacity import capacity
from simulatie.core.rules.care import CareParts, provide_care
from simulatie.core.rules.encounters import neighbour_encounters
from simulatie.core.rules.lifecourse import draw_needs
from simulatie.core.rules.professionals import week_budget
from simulatie.core.state.contacts import Contacts

SMALL = {"residents": 120, "spin_up_weeks": 104}


def _neighbourhood(**values):
    """A small neighbourhood at week 0 with this week's needs drawn."""
    nb = prepared_neighbourhood(make_parameters({**SMALL, **values}), seed=7)
    nb.population.clear_week()
    draw_needs(nb.population, nb.params, nb.streams.demography)
    return nb


def _care_parts(nb) -> CareParts:
    return CareParts(pop=nb.population, ties=nb.ties, views=nb.views, layout=nb.layout,
                     params=nb.params, streams=nb.streams, week=nb.week, support=nb.support,
                     personal=nb.personal, leavers=nb.leavers)


def test_a_week_of_care_accounts_for_every_hour_of_need():
    nb = _neighbourhood()
    care = provide_care(_care_parts(nb), week_budget(nb.params, nb.support), Contacts())
    assert care.need.sum() > 0
    np.testing.assert_allclose(care.received.sum(axis=1) + care.unmet, care.need, atol=1e-9)
    np.testing.assert_allclose(nb.population.received, care.received.sum(axis=1))


def test_asking_reads_the_declared_willingness_of_ties():
    def network_help(**values) -> float:
        nb = _neighbourhood(**values)
        pop = nb.population
        received = np.zeros(pop.n)
        remaining = pop.need + pop.partner_need + pop.favour_need
        ask_own_network(pop, nb.ties, nb.params, nb.personal, nb.streams.draws("asking"),
                        nb.week, remaining, capacity(pop, nb.params), received, Contacts())
        assert received.sum() == pytest.approx(pop.given_network.sum())
        return float(received.sum())

    assert network_help() > 0
    nobody_willing = {"willing_base": 0.0, "willing_strength": 0.0, "reciprocity_weight": 0.0,
                      "offer_rate": 0.0}
    assert network_help(**nobody_willing) == 0.0


def test_doorstep_chats_need_only_the_population_and_the_layout():
    nb = _neighbourhood()
    first, again = Contacts(), Contacts()
    for contacts in (first, again):
        neighbour_encounters(nb.population, nb.layout, nb.params, nb.streams.draws("encounters"),
                             nb.week, contacts)
    a, _, hours = first.met()
    assert len(a) > 0 and (hours > 0).all()
    for mine, theirs in zip(first.met(), again.met(), strict=True):
        np.testing.assert_array_equal(mine, theirs)  # keyed draws: the same chats again
