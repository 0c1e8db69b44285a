"""The activity rules take only the parts of the neighbourhood they read and write.

Each test builds a small neighbourhood, hands a rule its named parts (never the neighbourhood
itself) and checks what the rule's docstring says it writes.
"""

from __future__ import annotations

import numpy as np

from simulatie import make_parameters
from simulatie.core.lifecycle import prepared_neighbourhood
from simulatie.core.rules.activities import give_up_if_quiet
from simulatie.core.rules.meetings import meet
from simulatie.core.rules.places import upkeep_share
from simulatie.core.state.contacts import Contacts
from simulatie.core.state.population import NO_ACTIVITY
from simulatie.core.state.support import Budget

SMALL = {"residents": 150, "spin_up_weeks": 156, "initiators": 2,
         "government_responsiveness": 1.0}


def _started():
    params = make_parameters(SMALL)
    nb = prepared_neighbourhood(params, 7)
    assert nb.programme.running(), "with a council that says yes, the initiators start one"
    return nb, params


def test_an_activity_nobody_comes_to_is_given_up_after_the_declared_number_of_meetings():
    nb, params = _started()
    activity = nb.programme.running()[0]
    organisers = list(activity.organisers)
    for _ in range(params.give_up_after_quiet - 1):
        give_up_if_quiet(nb.population, nb.programme, params, activity, 0)
        assert not activity.ended
    give_up_if_quiet(nb.population, nb.programme, params, activity, 0)
    assert activity.ended
    assert (nb.population.activity[organisers] == NO_ACTIVITY).all()


def test_meetings_read_and_write_only_the_parts_they_are_given():
    nb, params = _started()
    nb.week += 1
    contacts = Contacts()
    meet(nb.population, nb.ties, nb.views, nb.programme, params, nb.support, nb.personal,
         nb.streams, nb.week, Budget(), contacts)
    assert nb.population.attended.any()
    assert all(a.meetings == 1 for a in nb.programme.running())
    a, _, hours = contacts.met()
    assert len(a) > 0 and (hours > 0).all()


def test_keeping_places_costs_nothing_while_the_project_is_funded():
    nb, params = _started()
    cost = upkeep_share(nb.population, nb.programme, params, nb.week)
    assert cost.shape == (nb.population.n,)
    assert not np.any(cost)
