"""Activities: who starts one, who joins its team, who takes it over, and when it ends.

An activity exists while people keep it going (``docs/odd.md`` 7.7.1–7.7.2); how many there are
is an outcome, not a number of slots:

* An initiator without an activity joins a team that needs another organiser, or proposes a new
  plan; a plan needs the council's room (``government_responsiveness``; seed 002 obstacles,
  seed 003 case 3) and an open meeting place with a free session. A rejected plan costs the
  initiator energy and they wait before trying again.
* An organising team has a few people (seed 002: at least two; Denters et al. 2013: a small core
  carries the work). A lone organiser, and a tired team, ask their most engaged member to join
  them (:func:`recruit_co_organisers`); when the last organiser leaves, a member steps up or the
  activity ends. Residents used to professionals doing the work (the consumer role, *reliance*)
  say yes less often.
* An activity whose meetings stay nearly empty is given up; one whose meeting place closes moves
  to another open place, or ends.

Who comes and who meets whom at a meeting is :mod:`.meetings`; keeping the meeting places open is
:mod:`.places`; what professionals who *do* the work do to activities is :mod:`.professionals`.
Every draw is keyed (``docs/odd.md`` 4.9): by the proposing initiator, or by the activity.
"""

from __future__ import annotations

import numpy as np

from ..parameters import Parameters
from ..state.keyed import KeyedStream, keyed_uniform
from ..state.population import NO_ACTIVITY, Population
from ..state.programme import NO_TEAM, Activity, ActivityProgramme
from .capacity import capacity
from .roles import add_initiator
from .teams import join, leave

__all__ = [
    "activity_key",
    "end",
    "end_professional_activities",
    "give_up_if_quiet",
    "move_or_end",
    "propose",
    "recruit_co_organisers",
    "settle_orphans",
    "start_professional_activity",
    "willingness",
]

# The sizes of these rules are declared parameters (group activities: ``place_sessions``,
# ``min_attendees``, ``give_up_after_quiet``; group initiators: ``max_organisers`` (an organising
# team of one activity has at most this many people; more would-be organisers start an activity
# of their own), ``retry_weeks``, ``engaged_ownership``, ``engaged_hours``,
# ``engaged_activities``).


def activity_key(programme: ActivityProgramme, activity: Activity) -> int:
    """The key of an activity's own keyed draws: beyond every home's key."""
    return programme.layout.homes + activity.ident


def willingness(pop: Population, homes: np.ndarray | int) -> np.ndarray:
    """How willing residents are to take on organising: ownership, less in the consumer role."""
    return pop.ownership[homes] * (1.0 - pop.reliance[homes])


# --- places and new activities ----------------------------------------------------------------
def _booked(programme: ActivityProgramme, interval: int) -> np.ndarray:
    """Weekly sessions booked at each meeting place (a monthly activity books a quarter)."""
    places = [a.place for a in programme.running()]
    return np.bincount(places, minlength=len(programme.keeper)) / interval


def _free_place(programme: ActivityProgramme, params: Parameters, home: int | None = None) -> int:
    """The nearest open place (to ``home``, else the least used) with a free session, or -1.

    A place has ``place_sessions`` a week; an activity books one every
    ``activity_interval_weeks``.
    """
    interval = params.activity_interval_weeks
    open_places = programme.open_places()
    booked = _booked(programme, interval)
    free = open_places[booked[open_places] + 1.0 / interval <= params.place_sessions]
    if len(free) == 0:
        return -1
    if home is None:
        return int(free[np.argmin(booked[free])])
    return int(free[np.argmin(programme.layout.place_distance[home, free])])


def _new_activity(programme: ActivityProgramme, place: int, params: Parameters, week: int,
                  draws: KeyedStream, who: int) -> Activity:
    homes = programme.layout.homes
    activity = Activity(
        ident=programme.next_ident, place=place,
        purposeful=bool(keyed_uniform(draws.key, week, who, 3) < params.purposeful_share),
        next_week=week, one_off=params.one_off_events,
        members=np.zeros(homes, dtype=np.bool_), team=np.full(homes, NO_TEAM, dtype=np.int64),
        started_week=week,
    )
    programme.next_ident += 1
    programme.activities.append(activity)
    return activity


def start_professional_activity(
    programme: ActivityProgramme, params: Parameters, week: int, draws: KeyedStream
) -> Activity | None:
    """Professionals start an activity of their own at the least used open place."""
    place = _free_place(programme, params)
    if place < 0:
        return None
    who = programme.layout.homes + programme.next_ident
    activity = _new_activity(programme, place, params, week, draws, who)
    activity.professional_run = True
    return activity


def propose(
    pop: Population, programme: ActivityProgramme, params: Parameters, week: int,
    draws: KeyedStream, home: int, own_plan: bool = False,
) -> None:
    """An initiator without an activity joins a team that needs them, or proposes a new plan.

    Teams with one organiser come first, then teams below ``max_organisers``, the nearest
    first; an initiator with a plan of their own (``own_plan``) goes straight to proposing it.
    A new plan needs an open place with a free session and the council's room
    (``government_responsiveness``); a rejected plan costs energy and the initiator waits.

    Args:
        pop: The population.
        programme: The activities.
        params: The parameters in force.
        week: This week.
        draws: The keyed ``organising`` stream.
        home: The initiator.
        own_plan: Whether the initiator goes straight to a plan of their own.

    Writes: pop.energy and pop.activity (joining), programme (a new activity, ``waiting``,
    ``rejected_plans``).
    """
    if pop.activity[home] != NO_ACTIVITY or programme.waiting.get(home, -(1 << 40)) > week:
        return
    resident_run = [a for a in programme.running() if not a.one_off and a.organised]
    for wanted in () if own_plan else (1, params.max_organisers - 1):
        teams = [a for a in resident_run if len(a.organisers) <= wanted]
        if teams:
            near = np.argmin([programme.layout.place_distance[home, a.place] for a in teams])
            join(pop, home, teams[int(near)], params.task_team_size)
            return
    place = _free_place(programme, params, home)
    if place < 0:
        return
    if keyed_uniform(draws.key, week, home, 0) >= params.government_responsiveness:
        pop.energy[home] -= params.rejection_energy
        programme.waiting[home] = week + params.retry_weeks
        programme.rejected_plans += 1
        return
    join(pop, home, _new_activity(programme, place, params, week, draws, home),
         params.task_team_size)


# --- teams ------------------------------------------------------------------------------------
def _candidate(pop: Population, params: Parameters, activity: Activity) -> int:
    """The member most willing to organise who has time to give, or -1."""
    members = np.flatnonzero(activity.members & ~pop.is_initiator & pop.organiser)
    members = members[capacity(pop, params, members) > params.engaged_hours]
    if len(members) == 0:
        return -1
    return int(members[np.argmax(willingness(pop, members))])


def recruit_co_organisers(
    pop: Population, programme: ActivityProgramme, params: Parameters, week: int,
    draws: KeyedStream,
) -> None:
    """A lone organiser, and a tired team, ask their most willing member to join them.

    A team with one organiser asks every week (seed 002: at least two are needed); a larger
    team below ``max_organisers`` asks in a week with a chance equal to its organisers' mean
    fatigue. The member says yes with chance ``co_organiser_yes`` × their willingness
    (:func:`willingness`).

    Args:
        pop: The population.
        programme: The activities.
        params: The parameters in force.
        week: This week.
        draws: The keyed ``organising`` stream.

    Writes: pop (a new initiator's row, pop.activity), the activity's organisers.
    """
    largest = params.max_organisers
    for activity in programme.running():
        if activity.one_off or not activity.organised or len(activity.organisers) >= largest:
            continue
        key = activity_key(programme, activity)
        if len(activity.organisers) > 1:
            tired = float(pop.fatigue[activity.organisers].mean())
            if keyed_uniform(draws.key, week, key, 1) >= tired:
                continue
        home = _candidate(pop, params, activity)
        yes = params.co_organiser_yes * willingness(pop, home) if home >= 0 else 0.0
        if home >= 0 and keyed_uniform(draws.key, week, key, 2) < yes:
            add_initiator(pop, params, week, home)
            join(pop, home, activity, params.task_team_size)


def _hand_over_or_end(
    pop: Population, programme: ActivityProgramme, params: Parameters, week: int,
    draws: KeyedStream, activity: Activity,
) -> None:
    """The member most willing steps up (with their willingness as chance), or it ends."""
    home = _candidate(pop, params, activity)
    key = activity_key(programme, activity)
    if home >= 0 and keyed_uniform(draws.key, week, key, 4) < willingness(pop, home):
        add_initiator(pop, params, week, home)
        join(pop, home, activity, params.task_team_size)
        return
    activity.ended = True


def end_professional_activities(
    pop: Population, programme: ActivityProgramme, params: Parameters, week: int,
    draws: KeyedStream,
) -> None:
    """When professionals leave, their activities go back to organisers, or end.

    Args:
        pop: The population.
        programme: The activities.
        params: The parameters in force.
        week: This week.
        draws: The keyed ``organising`` stream.

    Writes: programme (activities no longer professional-run, or ended), pop (a successor's
    row).
    """
    for activity in programme.running():
        if activity.professional_run:
            activity.professional_run = False
            if not activity.organised:
                _hand_over_or_end(pop, programme, params, week, draws, activity)


def settle_orphans(
    pop: Population, programme: ActivityProgramme, params: Parameters, week: int,
    draws: KeyedStream,
) -> None:
    """A resident-run activity whose last organiser left needs a resident to step up, or ends.

    Professionals do not adopt it for free: they step into activities only within their
    doing hours (:func:`~.professionals.step_into_activities`).

    Args:
        pop: The population.
        programme: The activities.
        params: The parameters in force.
        week: This week.
        draws: The keyed ``organising`` stream.

    Writes: programme (activities ended), pop (a successor's row).
    """
    for activity in programme.running():
        if not activity.organised and not activity.professional_run:
            _hand_over_or_end(pop, programme, params, week, draws, activity)


def move_or_end(
    pop: Population, programme: ActivityProgramme, params: Parameters, activity: Activity
) -> None:
    """An activity whose meeting place closed moves to the nearest open place, or ends.

    Args:
        pop: The population.
        programme: The activities.
        params: The parameters in force.
        activity: The activity whose place closed.

    Writes: activity.place, or the activity ends (pop.activity of its organisers).
    """
    members = np.flatnonzero(activity.members)
    centre = members[0] if len(members) else None
    place = _free_place(programme, params, centre)
    if place < 0:
        end(pop, programme, activity)
    else:
        activity.place = place


def end(pop: Population, programme: ActivityProgramme, activity: Activity) -> None:
    """An activity stops; its organisers are free to organise something else.

    Args:
        pop: The population.
        programme: The activities.
        activity: The activity that stops.

    Writes: activity.ended, its organisers, pop.activity.
    """
    activity.ended = True
    for home in list(activity.organisers):
        leave(pop, programme, home)


def give_up_if_quiet(
    pop: Population, programme: ActivityProgramme, params: Parameters, activity: Activity,
    attendees: int,
) -> None:
    """Organisers give up an activity after ``give_up_after_quiet`` nearly empty meetings.

    A meeting is nearly empty with fewer than ``min_attendees`` people.

    Args:
        pop: The population.
        programme: The activities.
        params: The parameters in force.
        activity: The activity that met.
        attendees: How many came.

    Writes: activity.quiet_meetings; the activity may end (pop.activity of its organisers).
    """
    activity.quiet_meetings = (activity.quiet_meetings + 1
                               if attendees < params.min_attendees else 0)
    if activity.quiet_meetings >= params.give_up_after_quiet and not activity.professional_run:
        end(pop, programme, activity)
