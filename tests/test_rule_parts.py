"""Rules of strain, roles, volunteers and initiators called with only the parts they read and write.

Each test builds a small neighbourhood (:func:`~simulatie.core.lifecycle.build_neighbourhood`,
no spin-up) and hands a rule the named parts of its state, as the week's pipeline does.
"""

from __future__ import annotations

import numpy as np

from simulatie import make_parameters
from simulatie.core.lifecycle import build_neighbourhood
from simulatie.core.rules.initiators import free_initiators, start_initiators
from simulatie.core.rules.recruitment import start_volunteer_scheme
from simulatie.core.rules.roles import add_initiator, remove_initiator, remove_volunteers
from simulatie.core.rules.strain import update_strain
from simulatie.core.rules.volunteers import update_motivation

SMALL = {"residents": 120, "spin_up_weeks": 0}


def test_burnout_lasts_burnout_weeks_and_is_read_from_the_parameters():
    params = make_parameters(SMALL | {"burnout_weeks": 5, "strain_kept_per_week": 0.0})
    pop = build_neighbourhood(params, seed=1).population
    pop.clear_week()
    pop.given[:] = 0.0
    pop.given[3] = 1000.0  # far above anyone's draagkracht
    burnt = update_strain(pop, params, np.zeros(pop.n))
    assert list(burnt) == [3]
    assert pop.burnout_weeks[3] == 5 and pop.strain[3] == 0.0


def test_a_scheme_starts_with_its_declared_motivation_and_fit_and_volunteers_can_stop():
    params = make_parameters(SMALL | {"initial_volunteer_share": 0.1, "initial_motivation": 0.42,
                                      "initial_fit": 0.33})
    nb = build_neighbourhood(params, seed=2)
    pop, roles = nb.population, nb.roles
    start_volunteer_scheme(pop, roles, nb.streams, params, week=0)
    volunteers = np.flatnonzero(pop.is_volunteer)
    assert len(volunteers) == round(0.1 * pop.n)
    assert np.all(pop.motivation[volunteers] == 0.42) and np.all(pop.fit[volunteers] == 0.33)
    remove_volunteers(pop, roles, week=3, homes=volunteers[:2])
    assert not pop.is_volunteer[volunteers[:2]].any()
    assert roles.volunteer_exits == [(0, 3), (0, 3)]


def test_strain_above_overload_strain_costs_motivation():
    params = make_parameters(SMALL | {"initial_volunteer_share": 0.1, "overload_strain": 0.1})
    nb = build_neighbourhood(params, seed=3)
    pop = nb.population
    start_volunteer_scheme(pop, nb.roles, nb.streams, params, week=0)
    pop.clear_week()
    volunteers = np.flatnonzero(pop.is_volunteer)
    pop.strain[volunteers] = 0.6
    before = pop.motivation[volunteers].copy()
    update_motivation(pop, nb.roles, nb.support, params, nb.streams, week=1)
    unused = params.unused_drain
    overload = params.overload_penalty * (0.6 - 0.1)
    assert np.allclose(pop.motivation[volunteers], before - unused - overload)


def test_initiators_start_with_the_declared_energy_and_ownership_and_stop_with_a_reason():
    params = make_parameters(SMALL | {"initiators": 3, "initiator_start_energy": 0.7,
                                      "initiator_start_ownership": 0.9})
    nb = build_neighbourhood(params, seed=4)
    pop = nb.population
    organising = start_initiators(pop, params, nb.streams, week=0)
    assert organising == free_initiators(pop) and len(organising) == 3
    assert np.all(pop.energy[organising] == 0.7) and np.all(pop.ownership[organising] >= 0.9)
    remove_initiator(pop, nb.programme, nb.roles, 5, organising[0], reason="burnout")
    assert not pop.is_initiator[organising[0]] and nb.roles.burnt_out == 1
    add_initiator(pop, params, 6, organising[0])
    assert pop.is_initiator[organising[0]] and pop.started_week[organising[0]] == 6
