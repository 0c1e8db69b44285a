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
from numba import njit

from ..calendar import WEEKS_PER_YEAR
from ..state.keyed import keyed_uniform
from ..state.numeric import least
from ..state.population import NO_ACTIVITY
from .capacity import capacity
from .roles import add_initiator, remove_initiator

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.population import Population
    from ..state.programme import ActivityProgramme
    from ..state.roles import RoleLog
    from ..state.streams import Streams
    from ..state.support import Budget

__all__ = ["free_initiators", "new_initiators", "start_initiators", "update_energy"]

# The sizes of these rules are declared parameters (group initiators: ``support_recovery``,
# ``energy_noise``, ``support_boost_hours``, ``starting_hours``, ``idle_weeks_to_stop``,
# ``fatigue_fade``; group professionals: ``initiator_support_hours``).


def start_initiators(pop: Population, params: Parameters, streams: Streams,
                     week: int) -> list[int]:
    """At week 0, ``initiators`` residents with time to give become initiators.

    They are residents with more time to give than ``starting_hours`` and the disposition to
    organise (``organiser_share``), others only when there are too few of them; within each,
    those whose keyed draw of week 0 is lowest, so the same people start in every arm that starts
    with initiators.

    Args:
        pop: The population.
        params: The run's parameters.
        streams: The random streams (the keyed ``organising`` stream).
        week: The current week (0).

    Writes: the new initiators' rows of pop (:func:`~.roles.add_initiator`).

    Returns:
        Who organises at once, joining a team or proposing a plan (the caller calls
        :func:`~.activities.propose` for each): once anyone started, every initiator without
        an activity (:func:`free_initiators`); nobody otherwise.
    """
    able = np.flatnonzero(capacity(pop, params) > params.starting_hours)
    count = min(len(able), params.initiators)
    if count == 0:
        return []
    u = streams.draws("organising").uniform(week, able, 5)
    order = np.lexsort((u, ~pop.organiser[able]))  # the disposed first, then by draw
    for home in np.sort(able[order[:count]]).tolist():
        add_initiator(pop, params, week, home)
    return free_initiators(pop)


def free_initiators(pop: Population) -> list[int]:
    """The initiators without an activity, in order of their homes.

    Each of them joins a team that needs them or proposes a plan this week
    (:func:`~.activities.propose`, called by the week's pipeline and at week 0).
    """
    return np.flatnonzero(pop.is_initiator & (pop.activity == NO_ACTIVITY)).tolist()


def _teams(programme: ActivityProgramme) -> tuple[np.ndarray, np.ndarray]:
    """Per activity number: its organising team's size (0 if not running) and last turnout.

    Both arrays have a spare last entry (0) that :data:`NO_ACTIVITY` (−1) reads.
    """
    organisers = np.zeros(programme.next_ident + 1)
    turnout = np.zeros(programme.next_ident + 1)
    for activity in programme.running():
        organisers[activity.ident] = max(1, len(activity.organisers))
        turnout[activity.ident] = activity.turnout_ratio
    return organisers, turnout


_STOPS = (None, "burnout", "stepped_back", "life_event", "idle")
"""Why an initiator stops, by the code :func:`_energy_week` gives (0: they go on)."""


def update_energy(pop: Population, programme: ActivityProgramme, roles: RoleLog,
                  params: Parameters, streams: Streams, week: int, budget: Budget,
                  crowding: np.ndarray, upkeep: np.ndarray) -> None:
    """Weekly energy and fatigue of every initiator; who stops, and why.

    Energy moves by recovery × (1 − fatigue) − the work's drain − upkeep − crowding out +
    noise; fatigue grows with the energy the work costs (``organiser_fatigue`` for a full share
    of an activity's work) and fades while not organising. The arithmetic is
    :func:`_energy_week`; the noise is the keyed normal draw 6 of each initiator's week.

    Args:
        pop: The population.
        programme: The activities (team sizes and turnout; those who stop leave their team).
        roles: The role log (who stops, and why).
        params: The parameters in force.
        streams: The random streams (the keyed ``organising`` stream).
        week: The current week.
        budget: This week's professional hours (initiator support is shared out, a full
            ``initiator_support_hours`` per initiator at most).
        crowding: Weekly energy loss from crowding out, per resident
            (:func:`~.professionals.crowding_out`).
        upkeep: Weekly energy keeping meeting places costs, per resident
            (:func:`~.places.upkeep_share`).

    Writes: pop.energy, pop.fatigue, pop.idle_weeks, pop.initiator_support; initiators who stop
    (:func:`~.roles.remove_initiator`: pop.is_initiator, programme, roles).
    """
    homes = np.flatnonzero(pop.is_initiator)
    if len(homes) == 0:
        _fade_fatigue(pop.is_initiator, pop.fatigue, float(params.fatigue_fade))
        return
    support = min(1.0, budget.initiators / len(homes) / params.initiator_support_hours)
    draws = streams.draws("organising")
    noise = draws.normal(week, homes, 6)
    organisers, turnout = _teams(programme)
    life_chance = 1.0 - np.exp(-params.organiser_life_events / WEEKS_PER_YEAR)
    stops = _energy_week(
        homes, pop.is_initiator, pop.activity, organisers, turnout, pop.energy, pop.fatigue,
        pop.idle_weeks, pop.initiator_support, upkeep, crowding, noise, support,
        params.initiator_work_drain, params.initiator_recovery, params.turnout_reward,
        params.organiser_fatigue, draws.key, week, life_chance,
        float(params.support_recovery), float(params.energy_noise),
        int(params.idle_weeks_to_stop), float(params.fatigue_fade))
    for i in np.flatnonzero(stops).tolist():
        remove_initiator(pop, programme, roles, week, int(homes[i]), _STOPS[stops[i]])


@njit(cache=True)
def _fade_fatigue(is_initiator, fatigue, fade):
    """Fatigue fades by ``fade`` a week in residents who do not organise (it stays with them)."""
    for i in range(len(fatigue)):
        if not is_initiator[i] and fatigue[i] > 0:
            fatigue[i] *= 1.0 - fade


@njit(cache=True)
def _energy_week(homes, is_initiator, activity, team_size, team_turnout, energy, fatigue,
                 idle_weeks, initiator_support, upkeep, crowding, noise, support, drain,
                 recovery_rate, turnout_reward, organiser_fatigue, key, week, life_chance,
                 support_recovery, energy_noise, idle_limit, fatigue_fade):
    """Fatigue fades; every initiator's energy, fatigue and idle weeks move on (in place).

    ``homes`` are the initiators' homes in order; ``team_size`` and ``team_turnout`` are per
    activity number (:func:`_teams`); ``noise`` is one standard normal draw per initiator,
    ``support`` each initiator's share of initiator support, worth ``support_recovery`` energy
    at full support, and ``life_chance`` the weekly chance of stopping for a reason in one's own
    life (keyed draw 7); the noise is scaled by ``energy_noise``.

    Returns:
        Per initiator, why they stop (an index of :data:`_STOPS`; 0 if they go on): energy
        below zero (crowded out or burnt out), a life event, or ``idle_limit`` weeks without an
        activity.
    """
    _fade_fatigue(is_initiator, fatigue, fatigue_fade)
    stops = np.zeros(len(homes), np.int64)
    for j in range(len(homes)):
        i = homes[j]
        initiator_support[i] = support
        organisers = team_size[activity[i]]
        turnout = team_turnout[activity[i]]
        busy = organisers > 0
        work = (drain / max(organisers, 1.0) if busy else 0.0) + upkeep[i]
        recovery = (recovery_rate * (1 + max(organisers - 1, 0.0)) + support_recovery * support
                    + turnout_reward * turnout * (1.0 if busy else 0.0))
        tired = fatigue[i]
        e = energy[i] + recovery * (1.0 - tired) - work - crowding[i] + energy_noise * noise[j]
        energy[i] = least(1.0, e)
        if drain > 0:
            fatigue[i] = least(1.0, tired + organiser_fatigue * work / drain)
        idle_weeks[i] = 0 if busy else idle_weeks[i] + 1
        if e < 0:
            stops[j] = 2 if crowding[i] > 0 else 1
        elif keyed_uniform(key, week, i, 7) < life_chance:
            stops[j] = 3
        elif idle_weeks[i] >= idle_limit:
            stops[j] = 4
    return stops


def new_initiators(pop: Population, programme: ActivityProgramme, params: Parameters,
                   streams: Streams, week: int, budget: Budget,
                   can_give: np.ndarray) -> np.ndarray:
    """Engaged residents with time to spare start something of their own, where it is needed.

    The weekly chance is ``initiator_rate`` × their willingness (ownership, less in the consumer
    role) × (1 + initiator-support hours / ``support_boost_hours``) × (1 − fatigue) × the share
    of the residents near them whom no activity reaches yet: people start an activity where they
    see a gap (seed 002: a shared, felt urgency), not where everyone already goes somewhere.
    Joining a team is by being asked (:func:`~.activities.recruit_co_organisers`).

    Args:
        pop: The population.
        programme: The activities (who is a member of a running one).
        params: The parameters in force.
        streams: The random streams (the keyed ``organising`` stream).
        week: The current week.
        budget: This week's professional hours (initiator support).
        can_give: Hours each resident can give this week (:func:`~.capacity.capacity`).

    Writes: the new initiators' rows of pop (:func:`~.roles.add_initiator`).

    Returns:
        The new initiators' homes, in order; each at once proposes a plan of their own
        (:func:`~.activities.propose` with ``own_plan``, called by the week's pipeline).
    """
    member = np.zeros(pop.n, dtype=bool)
    for activity in programme.running():
        member |= activity.members
    starting = _starting(
        pop.is_initiator, pop.organiser, pop.ownership, pop.reliance, pop.activity_weeks,
        can_give,
        (params.engaged_ownership, params.engaged_hours, params.engaged_activities),
        member, programme.layout.street, pop.fatigue, params.initiator_rate,
        1.0 + budget.initiators / params.support_boost_hours,
        streams.draws("organising").key, week)
    for home in starting.tolist():
        add_initiator(pop, params, week, home)
    return starting


@njit(cache=True)
def _starting(is_initiator, organiser, ownership, reliance, activity_weeks, can_give, limits,
              member, street, fatigue, rate, boost, key, week):
    """The engaged residents who start organising this week (see :func:`new_initiators`).

    A resident is engaged enough to organise when they hold no initiator role, have
    the organiser disposition and more ownership, hours to give and recent activities than the
    three ``limits`` (``engaged_ownership``, ``engaged_hours``, ``engaged_activities``). An
    engaged resident's chance is ``rate`` × their willingness
    (:func:`~.activities.willingness`) × ``boost`` × (1 − fatigue) × the share of their street
    whom no running activity has as a member (``member``); the draw is the keyed draw 8 of their
    week.

    Args:
        is_initiator: Whether each resident holds an initiator role.
        organiser: Whether each resident has the organiser disposition.
        ownership: Each resident's ownership.
        reliance: Each resident's consumer role.
        activity_weeks: Each resident's fading count of activities attended.
        can_give: Hours each resident can give this week (:func:`~.capacity.capacity`).
        limits: ``(engaged_ownership, engaged_hours, engaged_activities)``.
        member: Whether each resident is a member of a running activity.
        street: Each home's street.
        fatigue: Each resident's fatigue.
        rate: ``initiator_rate``.
        boost: 1 + initiator-support hours / ``support_boost_hours``.
        key: The key of the organising stream.
        week: The current week.

    Returns:
        Their homes, in order.
    """
    streets = street.max() + 1 if len(street) else 0
    reached = np.zeros(streets)
    size = np.zeros(streets, np.int64)
    for i in range(len(street)):
        size[street[i]] += 1
        if member[i]:
            reached[street[i]] += 1.0
    least_ownership, least_hours, least_activities = limits
    out = np.empty(len(street), np.int64)
    k = 0
    for i in range(len(street)):
        if (is_initiator[i] or not organiser[i] or not ownership[i] > least_ownership
                or not can_give[i] > least_hours or not activity_weeks[i] > least_activities):
            continue
        willing = ownership[i] * (1.0 - reliance[i])
        unreached = 1.0 - reached[street[i]] / max(size[street[i]], 1)
        chance = rate * willing * boost * (1.0 - fatigue[i]) * unreached
        if keyed_uniform(key, week, i, 8) < chance:
            out[k] = i
            k += 1
    return out[:k]
