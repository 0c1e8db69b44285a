"""Teams: an activity's organising team, and the task teams of a purposeful activity.

The one place where an initiator's row (``activity``) and an activity's ``organisers`` change
together, so that they always agree. Roles (:mod:`.roles`) take an initiator off their team when
they stop; activities (:mod:`.activities`) put them on one. A member of a purposeful activity
works in a task team of their own, which they keep (:func:`assign_task_teams`); a task team has
at most ``task_team_size`` members (a declared parameter, group meetings).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..state.population import NO_ACTIVITY, Population
from ..state.programme import NO_TEAM, Activity, ActivityProgramme

__all__ = ["assign_task_teams", "join", "leave"]


def join(pop: Population, home: int, activity: Activity, team_size: int) -> None:
    """Put the initiator in ``home`` on the organising team of ``activity``.

    Args:
        pop: The population.
        home: The initiator.
        activity: The activity whose team they join (they become a member).
        team_size: The largest task team (``task_team_size``).

    Writes: pop.activity, the activity's organisers, members and task teams.
    """
    activity.organisers.append(home)
    pop.activity[home] = activity.ident
    activity.members[home] = True
    assign_task_teams(activity, np.array([home]), team_size)


def leave(pop: Population, programme: ActivityProgramme, home: int) -> None:
    """Take the initiator in ``home`` off their organising team."""
    ident = int(pop.activity[home])
    pop.activity[home] = NO_ACTIVITY
    activity = programme.by_ident(ident)
    if activity is not None and home in activity.organisers:
        activity.organisers.remove(home)


def assign_task_teams(activity: Activity, homes: np.ndarray, team_size: int) -> None:
    """Members of a purposeful activity without a task team join one with room, or start one.

    A newcomer joins the first team (in order of founding) with room, or starts a new one; a
    member keeps their team for as long as they are a member (a task team is the people one works
    with every week); a team is full at ``team_size`` (``task_team_size``) members.
    """
    if not activity.purposeful:
        return
    _assign(activity.members, activity.team, np.asarray(homes, dtype=np.int64), int(team_size))


@njit(cache=True)
def _assign(members, team, homes, team_size):
    """:func:`assign_task_teams` on the activity's ``members`` and ``team`` (in place).

    The team sizes count members with a team; a team number without members counts as a team
    with room (as in a count of the numbers in use), and a new team gets the number after the
    highest in use.
    """
    count = 0  # team numbers in use: one more than the highest a member has
    for h in range(len(members)):
        if members[h] and team[h] != NO_TEAM and team[h] + 1 > count:
            count = team[h] + 1
    sizes = np.zeros(count + len(homes), np.int64)
    for h in range(len(members)):
        if members[h] and team[h] != NO_TEAM:
            sizes[team[h]] += 1
    for home in homes:
        if team[home] != NO_TEAM:
            continue
        t = 0
        while t < count and sizes[t] >= team_size:
            t += 1
        team[home] = t
        if members[home]:
            sizes[t] += 1
            if t == count:
                count += 1
