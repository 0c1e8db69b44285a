"""Teams: an activity's organising team, and the task teams of a purposeful activity.

The one place where an initiator's row (``activity``) and an activity's ``organisers`` change
together, so that they always agree. Roles (:mod:`.roles`) take an initiator off their team when
they stop; activities (:mod:`.activities`) put them on one. A member of a purposeful activity
works in a task team of their own, which they keep (:func:`assign_task_teams`).
"""

from __future__ import annotations

import numpy as np

from ..state.population import NO_ACTIVITY, Population
from ..state.programme import NO_TEAM, Activity, ActivityProgramme

__all__ = ["TEAM_SIZE", "assign_task_teams", "join", "leave"]

TEAM_SIZE = 4  # people working together on one task at a purposeful activity


def join(pop: Population, home: int, activity: Activity) -> None:
    """Put the initiator in ``home`` on the organising team of ``activity``."""
    activity.organisers.append(home)
    pop.activity[home] = activity.ident
    activity.members[home] = True
    assign_task_teams(activity, np.array([home]))


def leave(pop: Population, programme: ActivityProgramme, home: int) -> None:
    """Take the initiator in ``home`` off their organising team."""
    ident = int(pop.activity[home])
    pop.activity[home] = NO_ACTIVITY
    activity = programme.by_ident(ident)
    if activity is not None and home in activity.organisers:
        activity.organisers.remove(home)


def assign_task_teams(activity: Activity, homes: np.ndarray) -> None:
    """Members of a purposeful activity without a task team join one with room, or start one.

    A newcomer joins the first team (in order of founding) with room, or starts a new one; a
    member keeps their team for as long as they are a member (a task team is the people one works
    with every week); a team is full at :data:`TEAM_SIZE` members.
    """
    if not activity.purposeful:
        return
    for home in homes.tolist():
        if activity.team[home] != NO_TEAM:
            continue
        teams = activity.team[activity.members & (activity.team != NO_TEAM)]
        sizes = np.bincount(teams) if len(teams) else np.zeros(0, dtype=np.int64)
        open_teams = np.flatnonzero(sizes < TEAM_SIZE)
        activity.team[home] = int(open_teams[0]) if len(open_teams) else len(sizes)
