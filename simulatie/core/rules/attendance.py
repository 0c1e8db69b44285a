"""Who comes to a meeting: members, walk-ins through an open door, and those invited.

``docs/odd.md`` 7.7.3. Members come back, less often the more activities they are in (residents
have about two evenings a week for activities, ``activity_evenings``: this, not a number of
slots, limits how many activities a neighbourhood fills); an open door draws only the sociable
and already-connected; active, purposeful invitation reaches others (myth 5; seed 000 "gericht
uitnodigen"). The sizes are declared parameters (group meetings): ``max_attendance``,
``member_attendance``, ``member_drop_out``, ``walk_in_rate``, ``walk_in_connected_ties``,
``walk_in_unconnected``, ``invites_per_organiser``, ``invites_per_connecting_hour``,
``invite_accept``, ``sociability_base``, ``risk_refuses_invitations``, ``asked_to_do_hours`` and
``asked_to_do``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from ..state.keyed import keyed_uniform
from ..state.personal import NOBODY
from .activities import activity_key
from .capacity import capacity
from .meeting_parts import NONE, MeetingParts, meeting_draws

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.population import Population
    from ..state.programme import Activity, ActivityProgramme

__all__ = ["acceptance", "gather", "invited_by_name", "invitees", "memberships", "turnout",
           "walk_ins"]


def memberships(pop: Population, programme: ActivityProgramme) -> np.ndarray:
    """How many running activities each resident is a member of."""
    count = np.zeros(pop.n)
    for activity in programme.activities:
        count += activity.members
    return count


@njit(cache=True)
def _time_left(evenings, activities):
    """The share of their evenings a resident has for a meeting (``activity_evenings``).

    ``evenings`` over the ``activities`` they are in (at most 1): for a member, their
    memberships; for someone asked to join or walking in, their memberships and the new one.
    """
    return min(1.0, evenings / max(activities, 1.0))


def _proximity(
    programme: ActivityProgramme, slots: np.ndarray, place: int, params: Parameters
) -> np.ndarray:
    distance = programme.layout.place_distance[slots, place]
    return np.exp(-distance / params.proximity_cells)


def walk_ins(parts: MeetingParts, due: list[Activity]) -> dict[int, np.ndarray]:
    """Residents who come in through an open door: the sociable and already-connected."""
    pop = parts.pop
    params = parts.params
    places = np.array(sorted({a.place for a in due}), dtype=np.int64)
    nearest, closest = _nearest(parts.programme.layout.place_distance, places)
    proximity = np.exp(-closest / params.proximity_cells)
    walkers, ptr = _walkers(
        nearest, len(places), proximity, pop.sociability, parts.views.friendly_counts,
        parts.programme.memberships, float(params.walk_in_rate), float(1 - params.area_risk),
        parts.streams.draws("meetings").key, parts.week, float(params.walk_in_connected_ties),
        float(params.activity_evenings), float(params.walk_in_unconnected))
    return {int(p): walkers[ptr[k]:ptr[k + 1]] for k, p in enumerate(places.tolist())}


@njit(cache=True)
def _nearest(place_distance, places):
    """Each home's nearest of ``places`` (its position among them) and the distance to it."""
    n = place_distance.shape[0]
    nearest = np.zeros(n, np.int64)
    closest = np.empty(n)
    for i in range(n):
        best = place_distance[i, places[0]]
        for k in range(1, len(places)):
            if place_distance[i, places[k]] < best:
                best = place_distance[i, places[k]]
                nearest[i] = k
        closest[i] = best
    return nearest, closest


@njit(cache=True)
def _walkers(nearest, count, proximity, sociability, friendly_counts, memberships, rate,
             calm, key, week, connected_ties, evenings, unconnected):
    """Who walks in this week (``docs/odd.md`` 7.7.3), grouped by their nearest meeting place.

    A resident walks in if their keyed draw 0 falls below ``rate`` × sociability × proximity
    × ``calm`` (one minus area risk) × how connected they are (``unconnected`` without friendly
    ties, 1 with ``connected_ties``) × their time left when joining (``evenings``).

    Returns:
        ``(walkers, ptr)``: the walkers nearest to place *k* (in increasing order) are
        ``walkers[ptr[k]:ptr[k + 1]]``.
    """
    n = len(nearest)
    walks = np.zeros(n, np.bool_)
    ptr = np.zeros(count + 1, np.int64)
    for i in range(n):
        connected = min(1.0, friendly_counts[i] / connected_ties)
        chance = (rate * sociability[i] * proximity[i] * calm
                  * (unconnected + (1 - unconnected) * connected)
                  * _time_left(evenings, memberships[i] + 1.0))
        if keyed_uniform(key, week, i, 0) < chance:
            walks[i] = True
            ptr[nearest[i] + 1] += 1
    for k in range(count):
        ptr[k + 1] += ptr[k]
    walkers = np.empty(ptr[count], np.int64)
    fill = ptr[:count].copy()
    for i in range(n):
        if walks[i]:
            walkers[fill[nearest[i]]] = i
            fill[nearest[i]] += 1
    return walkers, ptr


def invitees(parts: MeetingParts, activity: Activity) -> np.ndarray:
    """People personally invited by the organisers, and by professionals who connect."""
    params = parts.params
    programme = parts.programme
    draws = parts.streams.draws("meetings")
    organisers = max(1, len(activity.organisers))
    mean = (params.invitation_effort * params.invites_per_organiser * organisers
            + params.invites_per_connecting_hour * programme.connect_per_activity)
    count = draws.poisson(parts.week, activity_key(programme, activity), mean, 0)
    if count == 0:
        return NONE
    if activity.purposeful or not activity.organised:  # anyone living nearby
        pool = programme.catchment[activity.place]
    else:  # cosy: organisers invite the people they already know
        ptr, nbr = parts.views.close_adjacency
        pool = np.concatenate([nbr[ptr[o] : ptr[o + 1]] for o in activity.organisers])
    if len(pool) == 0:
        return NONE
    invited = _picked(pool, activity.members, draws.key, parts.week,
                      activity_key(programme, activity), count)
    if len(invited) == 0:
        return invited
    accept_draws = meeting_draws(parts, activity, invited, 1)
    return invited[accept_draws < acceptance(parts, activity, invited)]


def acceptance(parts: MeetingParts, activity: Activity, invited: np.ndarray) -> np.ndarray:
    """The chance that each personally invited neighbour accepts and comes."""
    pop = parts.pop
    params = parts.params
    if activity.purposeful:  # being asked to do something you can do lowers the threshold
        able = capacity(pop, params, invited) > params.asked_to_do_hours
    else:
        able = np.zeros(len(invited), dtype=np.bool_)
    return _accept_chances(
        invited, pop.sociability, _proximity(parts.programme, invited, activity.place, params),
        float(1 - params.risk_refuses_invitations * params.area_risk), parts.programme.memberships,
        able, float(params.activity_evenings), float(params.invite_accept),
        float(params.sociability_base), float(params.asked_to_do))


@njit(cache=True)
def _accept_chances(invited, sociability, proximity, calm, memberships, able, evenings,
                    invite_accept, base, asked_to_do):
    """:func:`acceptance` given each invitee's proximity and whether they can do the task.

    ``invite_accept`` × (``base`` (``sociability_base``) + sociability) ×
    proximity × ``calm`` (what area risk leaves) × time left when joining
    (:func:`_time_left`), times ``asked_to_do`` for those ``able``; at most 1.
    """
    accept = np.empty(len(invited))
    for k in range(len(invited)):
        h = invited[k]
        chance = (invite_accept * (base + sociability[h]) * proximity[k] * calm
                  * _time_left(evenings, memberships[h] + 1.0))
        if able[k]:
            chance = chance * asked_to_do
        accept[k] = min(chance, 1.0)
    return accept


def invited_by_name(parts: MeetingParts, activity: Activity) -> np.ndarray:
    """Neighbours a kartrekker invited by name who live nearest to this meeting place.

    The participatory mode's "whom do you invite" (:mod:`simulatie.core.state.personal`,
    ``docs/odd.md`` 7.16): they are asked once a week, at the first meeting near them, until
    they come, and accept as anyone personally invited does (:func:`acceptance`), drawn from
    the personal stream so that no other decision's draws shift.
    """
    personal = parts.personal
    week = parts.week
    homes = np.array(sorted(h for h, asked in personal.invitations.items() if asked < week),
                     dtype=np.int64)
    homes = homes[np.isin(homes, parts.programme.catchment[activity.place])]
    homes = homes[~activity.members[homes]]
    if len(homes) == 0:
        return NONE
    draws = parts.streams.personal.random(len(homes))
    came = homes[draws < acceptance(parts, activity, homes)]
    for home in homes.tolist():
        personal.note(week, "invite", NOBODY, home, home in came)
        personal.invitations[home] = week
    for home in came.tolist():
        del personal.invitations[home]
    return came


@njit(cache=True)
def turnout(members, frailty, memberships, attendance, drop_out, key, week, first, evenings):
    """Which members come to this meeting, and which of those who do not drop out.

    A member comes if their keyed draw ``first + 2`` falls below ``attendance`` × (1 −
    frailty) × their time left (:func:`_time_left`, with ``evenings``); one who does not drops
    out if their draw ``first + 4`` falls below ``drop_out``.

    Returns:
        ``(present, dropped)``, each in increasing order.
    """
    n = len(members)
    present = np.empty(n, np.int64)
    dropped = np.empty(n, np.int64)
    p = 0
    d = 0
    for i in range(n):
        if not members[i]:
            continue
        time_left = _time_left(evenings, memberships[i])
        if keyed_uniform(key, week, i, first + 2) < attendance * (1 - frailty[i]) * time_left:
            present[p] = i
            p += 1
        elif keyed_uniform(key, week, i, first + 4) < drop_out:
            dropped[d] = i
            d += 1
    return present[:p], dropped[:d]


@njit(cache=True)
def gather(present, walk_ins, invited, members):
    """Everyone at the meeting, in increasing order; walk-ins and invitees become members."""
    n = len(members)
    new = np.zeros(n, np.bool_)
    for h in walk_ins:
        if not members[h]:
            new[h] = True
    for h in invited:
        if not members[h]:
            new[h] = True
    attending = new.copy()
    for h in present:
        attending[h] = True
    count = 0
    for h in range(n):
        if new[h]:
            members[h] = True
        if attending[h]:
            count += 1
    attendees = np.empty(count, np.int64)
    count = 0
    for h in range(n):
        if attending[h]:
            attendees[count] = h
            count += 1
    return attendees


@njit(cache=True)
def _picked(pool, members, key, week, own_key, count):
    """The distinct non-members of ``pool`` that the activity's draws 1 to ``count`` pick."""
    picks = np.empty(count, np.int64)
    for j in range(count):
        picks[j] = pool[min(int(keyed_uniform(key, week, own_key, 1 + j) * len(pool)),
                            len(pool) - 1)]
    picks = np.sort(picks)
    out = np.empty(count, np.int64)
    m = 0
    for j in range(count):
        if (j == 0 or picks[j] != picks[j - 1]) and not members[picks[j]]:
            out[m] = picks[j]
            m += 1
    return out[:m]
