"""Meetings of activities: holding this week's meetings, and what a meeting does to people.

Activities are the main source of new ties (Small et al. 2015; Mollenhorst): when they stop,
formation stops while turnover goes on. Rules, each documented in ``docs/odd.md`` 7.7.3–7.7.6:

* Who comes (members, walk-ins, invitees) is :mod:`.attendance`.
* At a meeting, people talk to those they already know at cosy activities, while tasks and
  roles pair people regardless of ties, in task teams that keep their members (myth 7).
  Contacts across groups bond more slowly unless someone bridges (myth 4; McPherson et al. 2001;
  Putnam 2007). Who talks to whom is in :mod:`.conversations`.
* Residents who run things together grow ownership (``ownership_growth``); those served by
  professionals grow used to it (the consumer role, seed 002, ``reliance_gain``,
  ``ownership_fade_served``), which fades only slowly.
* Groups pass Tuckman's phases (:mod:`.group_phases`); nearly empty groups are given up.

Every draw is keyed (``docs/odd.md`` 4.9): by the resident and the activity, or by the activity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from ..state.programme import NO_TEAM
from .activities import give_up_if_quiet, settle_orphans
from .attendance import gather, invited_by_name, invitees, memberships, turnout, walk_ins
from .conversations import DRAWS_PER_ACTIVITY, pick_conversations
from .group_phases import advance_phase
from .meeting_parts import NONE, MeetingParts, meeting_draws, own_draw
from .teams import assign_task_teams, leave

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.contacts import Contacts
    from ..state.personal import PersonalChoices
    from ..state.population import Population
    from ..state.programme import Activity, ActivityProgramme
    from ..state.streams import Streams
    from ..state.support import Budget, Support
    from ..state.ties import TieNetwork
    from ..state.views import NetworkViews

__all__ = ["ISOLATED_BELOW_TIES", "meet"]

ISOLATED_BELOW_TIES = 2  # a first-timer with fewer friendly ties counts as isolated (a measure)


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
    programme.memberships = memberships(pop, programme)
    walkers = walk_ins(parts, due)
    for activity in due:
        _hold_meeting(parts, activity, walkers.get(activity.place, NONE))
    programme.first_timers = _first_times(pop.attended, programme.ever_attended)
    programme.first_timers_isolated = int(
        (views.friendly_counts[programme.first_timers] < ISOLATED_BELOW_TIES).sum())


def _hold_meeting(parts: MeetingParts, activity: Activity, walkers: np.ndarray) -> None:
    pop = parts.pop
    params = parts.params
    programme = parts.programme
    week = parts.week
    budget = parts.budget
    present, drop = turnout(
        activity.members, pop.frailty, programme.memberships, float(params.member_attendance),
        float(params.member_drop_out), parts.streams.draws("meetings").key, week,
        activity.ident * DRAWS_PER_ACTIVITY, float(params.activity_evenings))
    invited = invitees(parts, activity)
    if parts.personal.invitations:
        invited = np.concatenate([invited, invited_by_name(parts, activity)])
    attendees = gather(present, walkers, invited, activity.members)
    assign_task_teams(activity, attendees, params.task_team_size)
    most = params.max_attendance
    if len(attendees) > most:  # the first to arrive get in
        order = np.argsort(meeting_draws(parts, activity, attendees, 3), kind="stable")
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
    advance_phase(parts, activity, attendees)
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
    return (own_draw(parts, activity, 61) < joins
            and own_draw(parts, activity, 62) >= budget.room)


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
