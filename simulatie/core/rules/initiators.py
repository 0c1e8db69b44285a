"""Initiators (*kartrekkers*): organising, energy and fatigue, stopping, and new initiators.

``docs/odd.md`` 7.11. Energy drains with the work of an activity, shared between its organisers,
and with keeping a meeting place once the project's money has gone (:mod:`.places`); it
recovers with co-organisers, turnout and professional support (seed 002: at least two
kartrekkers are needed; Denters et al. 2013 on the few who carry the work). While professionals
do the work in their activity, organisers also lose drive (crowding out, :mod:`.professionals`).
Work also leaves **fatigue**, which builds over years, slows recovery and fades only slowly after
an organiser stops: even a well-staffed team needs successors in the end (UvH 2019).

An initiator stops when their energy runs out (a *burnout* when the work wore them out,
*stepping back* when professionals had taken the activity over), for a reason in their own life
(``organiser_life_events``), or after half a year without an activity to run. Engaged residents
start organising with a chance that grows with their ownership and with professional support
for initiators, and falls in the consumer role (seed 002: build on where the energy is); how
many there are is an outcome, not a number of roles.

Every draw is keyed by the initiator's home and the week (``docs/odd.md`` 4.9).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..calendar import WEEKS_PER_YEAR
from ..state.population import NO_ACTIVITY
from .activities import engaged, propose, willingness
from .capacity import capacity
from .places import upkeep_share
from .professionals import INITIATOR_SUPPORT_HOURS
from .roles import add_initiator, remove_initiator

if TYPE_CHECKING:
    from ..state.neighbourhood import Neighbourhood
    from ..state.support import Budget

__all__ = ["IDLE_WEEKS", "new_initiators", "organise", "start_initiators", "update_energy"]

SUPPORT_RECOVERY = 0.02  # weekly energy from a full week of professional backing
ENERGY_NOISE = 0.01  # weekly ups and downs of energy (standard deviation)
SUPPORT_BOOST_HOURS = 8.0  # initiator-support hours that double the chance of new initiators
STARTING_HOURS = 1.0  # residents who can give more than this may be the first initiators
IDLE_WEEKS = 26  # an initiator without an activity for half a year stops
FATIGUE_FADE = 0.005  # weekly fading of fatigue while not organising (half in about 2.7 years)


def start_initiators(nb: Neighbourhood) -> None:
    """At week 0, ``initiators`` residents with time to give start organising.

    They are residents with time to give and the disposition to organise (``organiser_share``),
    others only when there are too few of them; within each, those whose keyed draw of week 0 is
    lowest, so the same people start in every arm that starts with initiators.
    """
    pop = nb.population
    able = np.flatnonzero(capacity(pop) > STARTING_HOURS)
    count = min(len(able), nb.params.initiators)
    if count == 0:
        return
    u = nb.streams.draws("organising").uniform(nb.week, able, 5)
    order = np.lexsort((u, ~pop.organiser[able]))  # the disposed first, then by draw
    for home in np.sort(able[order[:count]]).tolist():
        add_initiator(nb, home)
    organise(nb)


def organise(nb: Neighbourhood) -> None:
    """Every initiator without an activity joins a team that needs them or proposes a plan."""
    pop = nb.population
    for home in np.flatnonzero(pop.is_initiator & (pop.activity == NO_ACTIVITY)).tolist():
        propose(nb, home)


def _teams(nb: Neighbourhood, homes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per initiator: the size of their organising team (0 without one) and its last turnout."""
    pop = nb.population
    teams = {a.ident: a for a in nb.programme.running()}
    organisers = np.zeros(len(homes))
    turnout = np.zeros(len(homes))
    for i, ident in enumerate(pop.activity[homes].tolist()):
        activity = teams.get(ident)
        if activity is not None:
            organisers[i] = max(1, len(activity.organisers))
            turnout[i] = activity.turnout_ratio
    return organisers, turnout


def update_energy(nb: Neighbourhood, budget: Budget, crowding: np.ndarray) -> None:
    """Weekly energy and fatigue of every initiator; who stops, and why.

    Energy moves by recovery × (1 − fatigue) − the work's drain − upkeep − crowding out +
    noise; fatigue grows with the energy the work costs (``organiser_fatigue`` for a full share
    of an activity's work) and fades while not organising.

    Args:
        nb: The neighbourhood.
        budget: This week's professional hours (initiator support is shared out).
        crowding: Weekly energy loss from crowding out, per resident.
    """
    pop = nb.population
    params = nb.params
    _fade_fatigue(nb)
    homes = np.flatnonzero(pop.is_initiator)
    if len(homes) == 0:
        return
    support = min(1.0, budget.initiators / len(homes) / INITIATOR_SUPPORT_HOURS)
    pop.initiator_support[homes] = support
    draws = nb.streams.draws("organising")
    noise = draws.normal(nb.week, homes, 6)
    organisers, turnout = _teams(nb, homes)
    busy = organisers > 0
    work = (np.where(busy, params.initiator_work_drain / np.maximum(organisers, 1), 0.0)
            + upkeep_share(nb)[homes])
    recovery = (params.initiator_recovery * (1 + np.maximum(organisers - 1, 0))
                + SUPPORT_RECOVERY * support + params.turnout_reward * turnout * busy)
    fatigue = pop.fatigue[homes]
    energy = (pop.energy[homes] + recovery * (1.0 - fatigue) - work - crowding[homes]
              + ENERGY_NOISE * noise)
    pop.energy[homes] = np.minimum(1.0, energy)
    if params.initiator_work_drain > 0:
        pop.fatigue[homes] = np.minimum(
            1.0, fatigue + params.organiser_fatigue * work / params.initiator_work_drain)
    pop.idle_weeks[homes] = np.where(busy, 0, pop.idle_weeks[homes] + 1)
    life = draws.uniform(nb.week, homes, 7) < 1.0 - np.exp(
        -params.organiser_life_events / WEEKS_PER_YEAR)
    for i in range(len(homes)):
        if energy[i] < 0:
            remove_initiator(nb, int(homes[i]),
                             "stepped_back" if crowding[homes[i]] > 0 else "burnout")
        elif life[i]:
            remove_initiator(nb, int(homes[i]), "life_event")
        elif pop.idle_weeks[homes[i]] >= IDLE_WEEKS:
            remove_initiator(nb, int(homes[i]), "idle")


def _fade_fatigue(nb: Neighbourhood) -> None:
    """Fatigue fades slowly in residents who do not organise (it stays with the person)."""
    pop = nb.population
    resting = ~pop.is_initiator & (pop.fatigue > 0)
    pop.fatigue[resting] *= 1.0 - FATIGUE_FADE


def new_initiators(nb: Neighbourhood, budget: Budget) -> None:
    """Engaged residents with time to spare start something of their own, where it is needed.

    The weekly chance is ``initiator_rate`` × their willingness (ownership, less in the consumer
    role) × (1 + initiator-support hours / ``SUPPORT_BOOST_HOURS``) × (1 − fatigue) × the share
    of the residents near them whom no activity reaches yet: people start an activity where they
    see a gap (seed 002: a shared, felt urgency), not where everyone already goes somewhere. A new
    initiator proposes a plan of their own (:func:`~.activities.propose`); joining a team is by
    being asked (:func:`~.activities.recruit_co_organisers`).
    """
    pop = nb.population
    boost = 1.0 + budget.initiators / SUPPORT_BOOST_HOURS
    chance = (nb.params.initiator_rate * willingness(pop, slice(None)) * boost
              * (1.0 - pop.fatigue) * _unreached_near(nb))
    u = nb.streams.draws("organising").uniform(nb.week, np.arange(pop.n), 8)
    for home in np.flatnonzero(engaged(pop) & (u < chance)).tolist():
        add_initiator(nb, home)
        propose(nb, home, own_plan=True)


def _unreached_near(nb: Neighbourhood) -> np.ndarray:
    """Per resident, the share of their street whom no running activity has as a member."""
    programme = nb.programme
    member = np.zeros(nb.population.n, dtype=bool)
    for activity in programme.running():
        member |= activity.members
    street = programme.layout.street
    reached = np.bincount(street, weights=member, minlength=street.max() + 1)
    size = np.bincount(street, minlength=street.max() + 1)
    return 1.0 - (reached / np.maximum(size, 1))[street]
