"""Putting an initiator on an activity's organising team and taking them off it.

The one place where an initiator's row (``activity``) and an activity's ``organisers`` change
together, so that they always agree. Roles (:mod:`.roles`) take an initiator off their team when
they stop; activities (:mod:`.activities`) put them on one.
"""

from __future__ import annotations

from ..state.population import NO_ACTIVITY, Population
from ..state.programme import Activity, ActivityProgramme

__all__ = ["join", "leave"]


def join(pop: Population, home: int, activity: Activity) -> None:
    """Put the initiator in ``home`` on the organising team of ``activity``."""
    activity.organisers.append(home)
    pop.activity[home] = activity.ident
    activity.members[home] = True


def leave(pop: Population, programme: ActivityProgramme, home: int) -> None:
    """Take the initiator in ``home`` off their organising team."""
    ident = int(pop.activity[home])
    pop.activity[home] = NO_ACTIVITY
    activity = programme.by_ident(ident)
    if activity is not None and home in activity.organisers:
        activity.organisers.remove(home)
