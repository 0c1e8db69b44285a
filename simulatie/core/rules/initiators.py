"""Initiators (*kartrekkers*): organising, energy, stepping back and new initiators.

``docs/odd.md`` 7.11. Energy drains with the work of an activity, shared between its organisers,
and recovers with co-organisers, turnout and professional support (seed 002: at least two
kartrekkers are needed; Denters et al. 2013 on the few who carry the work). While professionals
do the work in their activity, organisers also lose drive (crowding out, :mod:`.professionals`).
An initiator whose energy runs out stops: a *burnout* when the work wore them out, *stepping
back* when professionals had taken the activity over. Engaged residents become initiators where a
role is open (seed 002: build on where the energy is).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..state.population import NO_ACTIVITY
from .activities import organiser_openings, propose
from .capacity import capacity
from .professionals import INITIATOR_SUPPORT_HOURS
from .roles import add_initiator, remove_initiator

if TYPE_CHECKING:
    from ..state.neighbourhood import Neighbourhood
    from ..state.support import Budget

__all__ = ["new_initiators", "organise", "start_initiators", "update_energy"]

SUPPORT_RECOVERY = 0.02  # weekly energy from a full week of professional backing
ENERGY_NOISE = 0.01  # weekly ups and downs of energy (standard deviation)
ENGAGED_OWNERSHIP = 0.4  # residents with this much ownership ...
ENGAGED_HOURS = 1.0  # ... this much time to give ...
ENGAGED_ACTIVITIES = 2.0  # ... and this many recent activities may start organising
SUPPORT_BOOST_HOURS = 8.0  # initiator-support hours that double the chance of new initiators


def start_initiators(nb: Neighbourhood) -> None:
    """At week 0, ``initiators`` residents with time to give start organising."""
    pop = nb.population
    able = np.flatnonzero(capacity(pop) > ENGAGED_HOURS)
    count = min(len(able), nb.params.initiators)
    if count == 0:
        return
    for home in nb.streams.setup.choice(able, size=count, replace=False).tolist():
        add_initiator(nb, home)
    organise(nb)


def organise(nb: Neighbourhood) -> None:
    """Every initiator without an activity joins a lone organiser or proposes a plan."""
    pop = nb.population
    for home in np.flatnonzero(pop.is_initiator & (pop.activity == NO_ACTIVITY)).tolist():
        propose(nb, home)


def update_energy(nb: Neighbourhood, budget: Budget, crowding: np.ndarray) -> None:
    """Weekly energy balance of every initiator; those out of energy stop.

    Args:
        nb: The neighbourhood.
        budget: This week's professional hours (initiator support is shared out).
        crowding: Weekly energy loss from crowding out, per resident.
    """
    pop = nb.population
    params = nb.params
    homes = np.flatnonzero(pop.is_initiator)
    if len(homes) == 0:
        return
    per_initiator = budget.initiators / len(homes)
    support = min(1.0, per_initiator / INITIATOR_SUPPORT_HOURS)
    pop.initiator_support[homes] = support
    draws = nb.streams.engagement.standard_normal(len(homes))
    teams = {a.ident: a for a in nb.programme.running()}
    organisers = np.zeros(len(homes))
    turnout = np.zeros(len(homes))
    for i, ident in enumerate(pop.activity[homes].tolist()):
        activity = teams.get(ident)
        if activity is not None:
            organisers[i] = max(1, len(activity.organisers))
            turnout[i] = activity.turnout_ratio
    busy = organisers > 0
    drain = np.where(busy, params.initiator_work_drain / np.maximum(organisers, 1), 0.0)
    recovery = (params.initiator_recovery * (1 + np.maximum(organisers - 1, 0))
                + SUPPORT_RECOVERY * support + params.turnout_reward * turnout * busy)
    energy = pop.energy[homes] + recovery - drain - crowding[homes] + ENERGY_NOISE * draws
    pop.energy[homes] = np.minimum(1.0, energy)
    for i in np.flatnonzero(energy < 0).tolist():
        reason = "stepped_back" if crowding[homes[i]] > 0 else "burnout"
        remove_initiator(nb, int(homes[i]), reason)


def new_initiators(nb: Neighbourhood, budget: Budget) -> None:
    """Engaged residents with time to spare start organising, where there is a role to fill.

    A role is a free slot at a meeting place or room in a resident team
    (:meth:`~.activities.ActivityProgramme.organiser_openings`); without one an engaged resident
    stays a participant.
    """
    pop = nb.population
    rng = nb.streams.engagement
    boost = 1.0 + budget.initiators / SUPPORT_BOOST_HOURS
    engaged = (~pop.is_initiator & (pop.ownership > ENGAGED_OWNERSHIP)
               & (capacity(pop) > ENGAGED_HOURS) & (pop.activity_weeks > ENGAGED_ACTIVITIES))
    chance = nb.params.initiator_rate * pop.ownership * boost * budget.room
    starting = np.flatnonzero(engaged & (rng.random(pop.n) < chance))
    openings = organiser_openings(nb.programme)
    if len(starting) > openings:  # only as many as there are roles to fill
        starting = np.sort(rng.choice(starting, openings, replace=False))
    for home in starting.tolist():
        add_initiator(nb, home)
        propose(nb, home)
