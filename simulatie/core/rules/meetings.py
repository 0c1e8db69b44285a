"""Meetings of activities: who comes, who is invited, and what a meeting does to a group.

Activities are the main source of new ties (Small et al. 2015; Mollenhorst): when they stop,
formation stops while turnover goes on. Rules, each documented in ``docs/odd.md`` 7.7.3–7.7.6:

* Attendance: members come back; an open door draws only the sociable and already-connected;
  active, purposeful invitation reaches others (myth 5; seed 000 "gericht uitnodigen").
* At a meeting, people talk to those they already know at cosy activities, while tasks and
  roles pair people regardless of ties, in task teams that keep their members (myth 7).
  Contacts across groups bond more slowly unless someone bridges (myth 4; McPherson et al. 2001;
  Putnam 2007). Who talks to whom is in :mod:`.conversations`.
* Residents who run things together grow ownership; those served by professionals grow used to
  it (the consumer role, seed 002), which fades only slowly.
* Groups pass Tuckman's phases (seed 003); in storming, diverse or conflict-ridden groups without
  support or a second organiser may fall apart; nearly empty groups are given up.

Every draw is keyed (``docs/odd.md`` 4.9): by the resident and the activity, or by the activity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from ..parameters import Parameters
from ..state.groups import Group
from ..state.keyed import keyed_uniform
from ..state.personal import NOBODY
from ..state.programme import NO_TEAM, Activity, ActivityProgramme, Phase
from .activities import activity_key, end, give_up_if_quiet, settle_orphans
from .capacity import capacity
from .conversations import DRAWS_PER_ACTIVITY, pick_conversations
from .teams import assign_task_teams, leave

if TYPE_CHECKING:
    from ..state.contacts import Contacts
    from ..state.personal import PersonalChoices
    from ..state.population import Population
    from ..state.streams import Streams
    from ..state.support import Budget, Support
    from ..state.ties import TieNetwork
    from ..state.views import NetworkViews

__all__ = ["MeetingParts", "meet"]

# The sizes of these rules are declared parameters (group meetings): who comes
# (``max_attendance``, ``activity_evenings`` (residents have about two evenings a week for
# activities: a member of more activities comes to each less often, and someone who is already in
# two is less easily drawn into a third; this, not a number of slots, limits how many activities a
# neighbourhood fills), ``walk_in_connected_ties``, ``walk_in_unconnected``), who accepts an
# invitation (``invites_per_connecting_hour``, ``invite_accept``, ``sociability_base``,
# ``risk_refuses_invitations``, ``asked_to_do_hours``, ``asked_to_do``), ownership
# (``ownership_growth``, ``ownership_fade_served``) and Tuckman's phases
# (``storming_after_meetings``, ``norming_after_meetings``, ``performing_after_meetings``,
# ``storm_base``, ``storm_support``, ``storm_support_per_hour``, ``storm_energy``).
ISOLATED_BELOW_TIES = 2  # a first-timer with fewer friendly ties counts as isolated (a measure)
DIVERSITY_SCALE = 2.0  # homophily counts against its default 0.5: the diversity term is the
# groups' Gini-Simpson index at the default homophily

_NONE = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class MeetingParts:
    """The parts of the neighbourhood that this week's meetings read and write.

    Reads: the population's traits (sociability, frailty, group, capacity, friendly ties
    through ``views``), the tie network (whom attendees know, for conversations), whether
    professionals are present (``support``), the parameters, the week and the keyed
    ``meetings`` and ``organising`` streams (and the ``personal`` stream for the invitations
    of the participatory mode).

    Writes: the activities (``programme``: members, task teams, turnout, phase, meetings,
    next meeting, ending; this week's first-timers and memberships), the population
    (``attended``, ownership, reliance, the fading activity count, energy of organisers whose
    group falls apart, ``activity`` of those who leave a team), ``personal`` (invitations
    answered), ``budget`` (doing hours professionals spend at their own activities) and
    ``contacts`` (the conversations held).

    Attributes:
        pop: The population.
        ties: The tie network.
        views: This week's per-resident views of the tie network.
        programme: The activities.
        params: The parameters in force.
        support: Whether professionals work here.
        personal: The participatory mode's personal choices.
        streams: The random streams.
        week: This week.
        budget: This week's professional hours.
        contacts: This week's contacts.
    """

    pop: Population
    ties: TieNetwork
    views: NetworkViews
    programme: ActivityProgramme
    params: Parameters
    support: Support
    personal: PersonalChoices
    streams: Streams
    week: int
    budget: Budget
    contacts: Contacts


def meet(
    pop: Population, ties: TieNetwork, views: NetworkViews, programme: ActivityProgramme,
    params: Parameters, support: Support, personal: PersonalChoices, streams: Streams,
    week: int, budget: Budget, contacts: Contacts,
) -> None:
    """Hold this week's meetings and record the conversations held.

    Activities whose last organiser left are settled first (:func:`.activities.settle_orphans`).

    Args:
        pop: The population.
        ties: The tie network.
        views: This week's per-resident views of the tie network.
        programme: The activities.
        params: The parameters in force.
        support: Whether professionals work here.
        personal: The participatory mode's personal choices.
        streams: The random streams.
        week: This week.
        budget: This week's professional hours.
        contacts: This week's contacts, filled with the conversations held.

    Writes: what :class:`MeetingParts` lists.
    """
    parts = MeetingParts(pop, ties, views, programme, params, support, personal, streams, week,
                         budget, contacts)
    programme.first_timers = np.zeros(0, dtype=np.int64)
    programme.first_timers_isolated = 0
    settle_orphans(pop, programme, params, week, streams.draws("organising"))
    programme.activities = programme.running()
    programme.connect_per_activity = budget.connecting / max(1, len(programme.activities))
    present = support.present
    due = [a for a in programme.activities
           if (a.organised or present) and a.next_week <= week]
    if not due:
        return
    programme.memberships = _memberships(pop, programme)
    walk_ins = _walk_ins(parts, due)
    for activity in due:
        _hold_meeting(parts, activity, walk_ins.get(activity.place, _NONE))
    programme.first_timers = _first_times(pop.attended, programme.ever_attended)
    programme.first_timers_isolated = int(
        (views.friendly_counts[programme.first_timers] < ISOLATED_BELOW_TIES).sum())


def _memberships(pop: Population, programme: ActivityProgramme) -> np.ndarray:
    """How many running activities each resident is a member of."""
    count = np.zeros(pop.n)
    for activity in programme.activities:
        count += activity.members
    return count


def _time_left(
    programme: ActivityProgramme, evenings: float, homes: np.ndarray, joining: bool
) -> np.ndarray:
    """The share of their evenings residents have for a meeting (``activity_evenings``).

    For a member: ``evenings`` over the activities they are in (at most 1); for someone asked
    to join, the same counting the new one. The kernels compute it inline.
    """
    count = programme.memberships[homes] + (1.0 if joining else 0.0)
    return np.minimum(1.0, evenings / np.maximum(count, 1.0))


def _draw(parts: MeetingParts, activity: Activity, homes: np.ndarray, k: int) -> np.ndarray:
    """The keyed draws of ``homes`` for ``activity`` this week (draw ``k`` of theirs for it)."""
    draws = parts.streams.draws("meetings")
    return draws.uniform(parts.week, homes, activity.ident * DRAWS_PER_ACTIVITY + k)


def _own_draw(parts: MeetingParts, activity: Activity, k: int) -> float:
    """Draw ``k`` of the activity itself this week."""
    key = activity_key(parts.programme, activity)
    return keyed_uniform(parts.streams.draws("meetings").key, parts.week, key, k)


def _proximity(
    programme: ActivityProgramme, slots: np.ndarray, place: int, params: Parameters
) -> np.ndarray:
    distance = programme.layout.place_distance[slots, place]
    return np.exp(-distance / params.proximity_cells)


def _walk_ins(parts: MeetingParts, due: list[Activity]) -> dict[int, np.ndarray]:
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
        time_left = min(1.0, evenings / max(memberships[i] + 1.0, 1.0))
        chance = (rate * sociability[i] * proximity[i] * calm
                  * (unconnected + (1 - unconnected) * connected) * time_left)
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


def _invitees(parts: MeetingParts, activity: Activity) -> np.ndarray:
    """People personally invited by the organisers, and by professionals who connect."""
    params = parts.params
    programme = parts.programme
    draws = parts.streams.draws("meetings")
    organisers = max(1, len(activity.organisers))
    mean = (params.invitation_effort * params.invites_per_organiser * organisers
            + params.invites_per_connecting_hour * programme.connect_per_activity)
    count = draws.poisson(parts.week, activity_key(programme, activity), mean, 0)
    if count == 0:
        return _NONE
    if activity.purposeful or not activity.organised:  # anyone living nearby
        pool = programme.catchment[activity.place]
    else:  # cosy: organisers invite the people they already know
        ptr, nbr = parts.views.close_adjacency
        pool = np.concatenate([nbr[ptr[o] : ptr[o + 1]] for o in activity.organisers])
    if len(pool) == 0:
        return _NONE
    invited = _picked(pool, activity.members, draws.key, parts.week,
                      activity_key(programme, activity), count)
    if len(invited) == 0:
        return invited
    return invited[_draw(parts, activity, invited, 1) < _acceptance(parts, activity, invited)]


def _acceptance(parts: MeetingParts, activity: Activity, invited: np.ndarray) -> np.ndarray:
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
    """:func:`_acceptance` given each invitee's proximity and whether they can do the task.

    ``invite_accept`` × (``base`` (``sociability_base``) + sociability) ×
    proximity × ``calm`` (what area risk leaves) × time left when joining
    (:func:`_time_left`), times ``asked_to_do`` for those ``able``; at most 1.
    """
    accept = np.empty(len(invited))
    for k in range(len(invited)):
        h = invited[k]
        time_left = min(1.0, evenings / max(memberships[h] + 1.0, 1.0))
        chance = (invite_accept * (base + sociability[h]) * proximity[k] * calm
                  * time_left)
        if able[k]:
            chance = chance * asked_to_do
        accept[k] = min(chance, 1.0)
    return accept


def _invited_by_name(parts: MeetingParts, activity: Activity) -> np.ndarray:
    """Neighbours a kartrekker invited by name who live nearest to this meeting place.

    The participatory mode's "whom do you invite" (:mod:`simulatie.core.state.personal`,
    ``docs/odd.md`` 7.16): they are asked once a week, at the first meeting near them, until
    they come, and accept as anyone personally invited does (:func:`_acceptance`), drawn from
    the personal stream so that no other decision's draws shift.
    """
    personal = parts.personal
    week = parts.week
    homes = np.array(sorted(h for h, asked in personal.invitations.items() if asked < week),
                     dtype=np.int64)
    homes = homes[np.isin(homes, parts.programme.catchment[activity.place])]
    homes = homes[~activity.members[homes]]
    if len(homes) == 0:
        return _NONE
    draws = parts.streams.personal.random(len(homes))
    came = homes[draws < _acceptance(parts, activity, homes)]
    for home in homes.tolist():
        personal.note(week, "invite", NOBODY, home, home in came)
        personal.invitations[home] = week
    for home in came.tolist():
        del personal.invitations[home]
    return came


def _hold_meeting(parts: MeetingParts, activity: Activity, walk_ins: np.ndarray) -> None:
    pop = parts.pop
    params = parts.params
    programme = parts.programme
    week = parts.week
    budget = parts.budget
    present, drop = _turnout(
        activity.members, pop.frailty, programme.memberships, float(params.member_attendance),
        float(params.member_drop_out), parts.streams.draws("meetings").key, week,
        activity.ident * DRAWS_PER_ACTIVITY, float(params.activity_evenings))
    invited = _invitees(parts, activity)
    if parts.personal.invitations:
        invited = np.concatenate([invited, _invited_by_name(parts, activity)])
    attendees = _gather(present, walk_ins, invited, activity.members)
    assign_task_teams(activity, attendees, params.task_team_size)
    most = params.max_attendance
    if len(attendees) > most:  # the first to arrive get in
        order = np.argsort(_draw(parts, activity, attendees, 3), kind="stable")
        attendees = np.sort(attendees[order[:most]])
    members = _settle_members(activity.members, activity.team, drop,
                              np.array(activity.organisers, dtype=np.int64))
    activity.turnout_ratio = len(attendees) / max(1, members)
    activity.meetings += 1
    activity.next_week = week + (params.retry_weeks if activity.one_off
                                 else params.activity_interval_weeks)
    if activity.professional_run:
        budget.spend_doing(params.hours_per_meeting)
    _update_ownership(parts, activity, attendees)
    _advance_phase(parts, activity, attendees)
    if activity.one_off:
        activity.ended = True
        for home in list(activity.organisers):
            leave(pop, programme, home)
            programme.waiting[home] = week + params.retry_weeks
    elif not activity.ended:
        give_up_if_quiet(pop, programme, params, activity, len(attendees))
    if len(attendees) >= 2:
        parts.contacts.meet(*pick_conversations(
            pop, parts.ties, programme, params, week, parts.streams.draws("meetings"), activity,
            attendees, programme.connect_per_activity), together=True)


def _professional_steers(parts: MeetingParts, activity: Activity) -> bool:
    """Whether a professional at this resident-run meeting took its decisions themselves.

    Professionals join resident-run meetings as far as their hours for initiators and for
    connecting reach (a meeting takes ``hours_per_meeting``, spread over the running resident
    activities); there, their guidance style decides who decides: residents, with the style's
    ``room`` as chance, or the professional (Pröpper 2009; seed 003).
    """
    if not parts.support.present:
        return False
    budget = parts.budget
    resident_run = sum(a.organised and not a.professional_run
                       for a in parts.programme.activities)
    hours = (budget.initiators + budget.connecting) * parts.params.activity_interval_weeks
    joins = min(1.0, hours / max(1, resident_run) / parts.params.hours_per_meeting)
    return (_own_draw(parts, activity, 61) < joins
            and _own_draw(parts, activity, 62) >= budget.room)


def _update_ownership(parts: MeetingParts, activity: Activity, attendees: np.ndarray) -> None:
    """Residents who decide together grow ownership; consumers of services grow reliant.

    At a meeting professionals run, attendees' ownership fades by 1% and they move towards the
    consumer role by ``reliance_gain``. At one residents run, ownership grows by 2% of what is
    left, held back by the consumer role, unless a professional there took the decisions
    (:func:`_professional_steers`).
    """
    pop = parts.pop
    if activity.professional_run:
        mode = _SERVED
    elif not _professional_steers(parts, activity):
        mode = _RUN
    else:
        mode = _STEERED
    params = parts.params
    _attend(attendees, mode, float(params.reliance_gain), pop.attended, pop.ownership,
            pop.reliance, pop.activity_weeks, float(params.ownership_fade_served),
            float(params.ownership_growth))


_SERVED, _RUN, _STEERED = 0, 1, 2  # who decided at a meeting: professionals, residents, or a
# professional at a meeting residents run


@njit(cache=True)
def _attend(attendees, mode, reliance_gain, attended, ownership, reliance, activity_weeks,
            fade_served, growth):
    """Mark the attendees as at an activity this week and update ownership and reliance.

    See :func:`_update_ownership`; ``mode`` is :data:`_SERVED`, :data:`_RUN` or
    :data:`_STEERED`; ``fade_served`` is ``ownership_fade_served``, ``growth``
    ``ownership_growth``.
    """
    for h in attendees:
        attended[h] = True
        if mode == _SERVED:
            ownership[h] *= 1 - fade_served
            reliance[h] += reliance_gain * (1 - reliance[h])
        elif mode == _RUN:
            ownership[h] += growth * (1 - reliance[h]) * (1 - ownership[h])
        activity_weeks[h] += 1


@njit(cache=True)
def _first_times(attended, ever_attended):
    """Who attended an activity for the first time this week; ``ever_attended`` (in place)."""
    count = 0
    for h in range(len(attended)):
        if attended[h] and not ever_attended[h]:
            count += 1
    first = np.empty(count, np.int64)
    count = 0
    for h in range(len(attended)):
        if attended[h] and not ever_attended[h]:
            first[count] = h
            count += 1
            ever_attended[h] = True
    return first


@njit(cache=True)
def _settle_members(members, team, dropped, organisers):
    """Those who dropped out leave (and their task team); organisers stay members (in place).

    Returns:
        How many members the activity has now.
    """
    for h in dropped:
        members[h] = False
        team[h] = NO_TEAM
    for h in organisers:
        members[h] = True
    count = 0
    for h in range(len(members)):
        if members[h]:
            count += 1
    return count


@njit(cache=True)
def _turnout(members, frailty, memberships, attendance, drop_out, key, week, first, evenings):
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
        time_left = min(1.0, evenings / max(memberships[i] + 0.0, 1.0))
        if keyed_uniform(key, week, i, first + 2) < attendance * (1 - frailty[i]) * time_left:
            present[p] = i
            p += 1
        elif keyed_uniform(key, week, i, first + 4) < drop_out:
            dropped[d] = i
            d += 1
    return present[:p], dropped[:d]


@njit(cache=True)
def _gather(present, walk_ins, invited, members):
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


def _phase_after(params: Parameters) -> dict[Phase, int]:
    """Per Tuckman phase, the meetings after which a group moves on to the next one."""
    return {Phase.FORMING: params.storming_after_meetings,
            Phase.STORMING: params.norming_after_meetings,
            Phase.NORMING: params.performing_after_meetings}


def _advance_phase(parts: MeetingParts, activity: Activity, attendees: np.ndarray) -> None:
    """Move through Tuckman's phases; an unsupported storming group may fall apart."""
    params = parts.params
    after = _phase_after(params)
    if activity.phase in after and activity.meetings >= after[activity.phase]:
        activity.phase = Phase(activity.phase + 1)
    if activity.phase is not Phase.STORMING or len(attendees) < 2:
        return
    groups = parts.pop.group[attendees]
    share = np.bincount(groups, minlength=len(Group)) / len(groups)
    # diversity breeds conflict only as far as group differences matter (homophily; 1 at the
    # default 0.5, none without homophily: Putnam 2007's hunkering down needs in-group pull)
    diversity = (1.0 - float((share**2).sum())) * DIVERSITY_SCALE * params.homophily
    storm_support = params.storm_support
    support = storm_support * (len(activity.organisers) >= 2) + min(
        storm_support, parts.programme.connect_per_activity * params.storm_support_per_hour
        + params.bridging_effort * storm_support
    )
    risk = params.storm_risk * (params.storm_base + diversity + params.area_risk) * (1.0 - support)
    if _own_draw(parts, activity, 63) < risk:
        organisers = list(activity.organisers)
        end(parts.pop, parts.programme, activity)
        parts.pop.energy[organisers] -= params.storm_energy
