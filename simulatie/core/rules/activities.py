"""Activities: who proposes one, where it goes, who takes it over and when it ends.

Rules, each documented in ``docs/odd.md`` 7.7.1–7.7.2:

* Initiators propose activities; a plan needs the council's room (``government_responsiveness``;
  seed 002 obstacles, seed 003 case 3). A rejected plan costs the initiator energy.
* A meeting place hosts a few activities; an organising team has a few people (seed 002: at
  least two; Denters et al. 2013: a small core carries the work).
* When professionals leave, or a team's last organiser goes, a member steps up or the activity
  ends.

Who comes and who meets whom at a meeting is :mod:`.meetings`; what professionals who *do* the
work do to activities is :mod:`.professionals`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..parameters import Parameters
from ..state.population import NO_ACTIVITY
from ..state.programme import Activity, ActivityProgramme
from .roles import add_initiator
from .teams import join

if TYPE_CHECKING:
    from ..state.neighbourhood import Neighbourhood

__all__ = [
    "MAX_ORGANISERS",
    "RETRY_WEEKS",
    "SLOTS_PER_PLACE",
    "end_professional_activities",
    "organiser_openings",
    "propose",
    "settle_orphans",
    "start_professional_activity",
]

SLOTS_PER_PLACE = 4  # activities one meeting place can host
# An organising team (kartrekkers) of one activity has at most this many people; more would-be
# organisers find no role and stay participants (seed 002: at least two; Denters et al. 2013: a
# small core carries the work).
MAX_ORGANISERS = 3
RETRY_WEEKS = 26  # weeks before a turned-down initiator (or a one-off organiser) tries again


def organiser_openings(programme: ActivityProgramme) -> int:
    """Roles for new organisers: free slots at meeting places and room in resident teams."""
    running = programme.running()
    free_slots = programme.places * SLOTS_PER_PLACE - len(running)
    in_teams = sum(MAX_ORGANISERS - len(a.organisers) for a in running
                   if 0 < len(a.organisers) < MAX_ORGANISERS)
    return max(0, free_slots) * MAX_ORGANISERS + in_teams


def _free_place(programme: ActivityProgramme, home: int | None = None) -> int | None:
    """The nearest open meeting place (to ``home``, else the least used) with a free slot."""
    if programme.places == 0:
        return None
    booked = np.bincount([a.place for a in programme.running()], minlength=programme.places)
    free = np.flatnonzero(booked < SLOTS_PER_PLACE)
    if len(free) == 0:
        return None
    if home is None:
        return int(free[np.argmin(booked[free])])
    return int(free[np.argmin(programme.layout.place_distance[home, free])])


def _new_activity(
    programme: ActivityProgramme, place: int, params: Parameters, week: int,
    rng: np.random.Generator,
) -> Activity:
    activity = Activity(
        ident=programme.next_ident, place=place,
        purposeful=bool(rng.random() < params.purposeful_share), next_week=week,
        one_off=params.one_off_events, salt=int(rng.integers(1 << 30)),
        members=np.zeros(programme.layout.homes, dtype=np.bool_),
    )
    programme.next_ident += 1
    programme.activities.append(activity)
    return activity


def start_professional_activity(
    programme: ActivityProgramme, params: Parameters, week: int, rng: np.random.Generator
) -> Activity | None:
    """Professionals start an activity of their own at the least used open place."""
    place = _free_place(programme)
    if place is None:
        return None
    activity = _new_activity(programme, place, params, week, rng)
    activity.professional_run = True
    return activity


def propose(nb: Neighbourhood, home: int) -> None:
    """An initiator without an activity joins a lone organiser or proposes a new plan.

    A new plan needs the council to give room (``government_responsiveness``); a rejected
    plan costs energy and the initiator waits before trying again.
    """
    pop = nb.population
    programme = nb.programme
    rng = nb.streams.activities
    if pop.activity[home] != NO_ACTIVITY or programme.places == 0:
        return
    if programme.waiting.get(home, -(1 << 40)) > nb.week:
        return
    running = programme.running()
    lone = [a for a in running if len(a.organisers) == 1]
    place = _free_place(programme, home)
    if place is None:  # every meeting place is booked: help run an existing resident activity
        lone = lone or [a for a in running if 0 < len(a.organisers) < MAX_ORGANISERS]
        if not lone:
            return
    if lone:
        join(pop, home, lone[int(rng.integers(len(lone)))])
        return
    if rng.random() >= nb.params.government_responsiveness:
        pop.energy[home] -= nb.params.rejection_energy
        programme.waiting[home] = nb.week + RETRY_WEEKS
        programme.rejected_plans += 1
        return
    join(pop, home, _new_activity(programme, place, nb.params, nb.week, rng))


def end_professional_activities(nb: Neighbourhood) -> None:
    """When professionals leave, their activities go back to organisers, or end."""
    for activity in nb.programme.running():
        if activity.professional_run:
            activity.professional_run = False
            if not activity.organised:
                _hand_over_or_end(nb, activity)


def _hand_over_or_end(nb: Neighbourhood, activity: Activity) -> None:
    """The member with most ownership steps up (with that chance), or the activity ends."""
    pop = nb.population
    candidates = np.flatnonzero(activity.members & ~pop.is_initiator)
    if len(candidates):
        best = int(candidates[np.argmax(pop.ownership[candidates])])
        if nb.streams.activities.random() < pop.ownership[best]:
            add_initiator(nb, best)
            join(pop, best, activity)
            return
    activity.ended = True


def settle_orphans(nb: Neighbourhood) -> None:
    """A resident-run activity whose last organiser left needs a resident to step up, or ends.

    Professionals do not adopt it for free: they step into activities only within their
    doing hours (:func:`~.professionals.step_into_activities`).
    """
    for activity in nb.programme.running():
        if not activity.organised and not activity.professional_run:
            _hand_over_or_end(nb, activity)
