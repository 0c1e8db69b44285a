"""Activities at meeting places: who organises, who comes, who meets whom.

Activities are the main source of new ties (Small et al. 2015; Mollenhorst): when they stop,
formation stops while turnover goes on. Rules, each documented in ``docs/odd.md`` 7.7:

* Initiators propose activities; a plan needs the council's room (``government_responsiveness``;
  seed 002 obstacles, seed 003 case 3). A rejected plan costs the initiator energy.
* Attendance: members come back; an open door draws only the sociable and already-connected;
  active, purposeful invitation reaches others (myth 5; seed 000 "gericht uitnodigen").
* At a meeting, people talk to those they already know at cosy activities, while tasks and
  roles pair people regardless of ties (myth 7). Contacts across groups bond more slowly unless
  someone bridges (myth 4; McPherson et al. 2001; Putnam 2007). Who talks to whom is in
  :mod:`.conversations`.
* Groups pass Tuckman's phases (seed 003); in storming, diverse or conflict-ridden groups without
  support or a second organiser may fall apart.

What professionals who *do* the work do to activities is in :mod:`.professionals`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

import numpy as np

from .conversations import pick_conversations
from .neighbourhood import Layout
from .parameters import Parameters
from .personal import NOBODY
from .population import NO_ACTIVITY

if TYPE_CHECKING:
    from .contacts import Contacts
    from .professionals import Budget
    from .state import Neighbourhood

__all__ = ["Activity", "ActivityProgramme", "Phase"]

MAX_ATTENDANCE = 40  # a common room holds this many; others are turned away that week
SLOTS_PER_PLACE = 4  # activities one meeting place can host
# An organising team (kartrekkers) of one activity has at most this many people; more would-be
# organisers find no role and stay participants (seed 002: at least two; Denters et al. 2013: a
# small core carries the work).
MAX_ORGANISERS = 3
RETRY_WEEKS = 26  # weeks before a turned-down initiator (or a one-off organiser) tries again
INVITE_ACCEPT = 0.35  # chance an invited, average-sociable neighbour next door accepts
STORM_ENERGY = 0.2  # energy organisers lose when their group falls apart


class Phase(IntEnum):
    """Tuckman's (1965) group phases."""

    FORMING = 0
    STORMING = 1
    NORMING = 2
    PERFORMING = 3


PHASE_AFTER_MEETINGS = {Phase.FORMING: 4, Phase.STORMING: 12, Phase.NORMING: 20}


@dataclass(eq=False)
class Activity:
    """A recurring (or one-off) activity at a meeting place.

    Attributes:
        ident: Number of the activity, never reused (initiators' rows point at it).
        place: Index of the meeting place.
        purposeful: Whether it has tasks and roles rather than being a cosy gathering.
        organisers: Homes of the initiators on its organising team.
        professional_run: Whether professionals do the work (they started it, or stepped in).
        members: Which homes' residents consider themselves part of it (one flag per home).
        phase: Tuckman phase.
        meetings: Meetings held so far.
        next_week: Week of the next meeting.
        turnout_ratio: Last meeting's attendance relative to members (0..1).
        one_off: Whether it meets once only.
        ended: Whether it has stopped.
        salt: A number that fixes the task teams of a purposeful activity.
    """

    ident: int
    place: int
    purposeful: bool
    organisers: list[int] = field(default_factory=list)
    professional_run: bool = False
    members: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.bool_))
    phase: Phase = Phase.FORMING
    meetings: int = 0
    next_week: int = 0
    turnout_ratio: float = 0.5
    one_off: bool = False
    ended: bool = False
    salt: int = 0

    @property
    def organised(self) -> bool:
        """Whether residents organise it."""
        return bool(self.organisers)


class ActivityProgramme:
    """All activities in the neighbourhood and their weekly meetings.

    Args:
        layout: The neighbourhood layout (meeting places and distances).
        open_places: How many of the layout's meeting places are open.
    """

    retry_weeks = RETRY_WEEKS

    def __init__(self, layout: Layout, open_places: int = 0) -> None:
        n = layout.homes
        self.layout = layout
        self.places = 0
        self.activities: list[Activity] = []
        self.next_ident = 0
        self.ever_attended = np.zeros(n, dtype=bool)
        self.first_timers = np.zeros(0, dtype=np.int64)  # this week's first-ever attendees
        self.first_timers_isolated = 0  # of whom had fewer than two friendly ties
        self.waiting: dict[int, int] = {}  # initiator home -> week they may propose again
        self.professional_next_event = 0  # with one-off events: when professionals hold the next
        self.connect_per_activity = 0.0  # professionals' connecting hours per running activity
        self.rejected_plans = 0
        self.catchment: list[np.ndarray] = []
        self.open(open_places)

    def open(self, places: int) -> None:
        """Open the first ``places`` meeting places of the layout (an intervention at week 0)."""
        self.places = min(places, len(self.layout.place_xy))
        distance = self.layout.place_distance[:, : self.places]
        nearest = np.argmin(distance, axis=1) if self.places else np.zeros(0, dtype=np.int64)
        self.catchment = [np.flatnonzero(nearest == k) for k in range(self.places)]

    # --- reading ----------------------------------------------------------------------------
    def running(self) -> list[Activity]:
        """Activities that have not ended."""
        return [a for a in self.activities if not a.ended]

    def by_ident(self, ident: int) -> Activity | None:
        """The running activity with number ``ident``, if any."""
        for activity in self.activities:
            if activity.ident == ident and not activity.ended:
                return activity
        return None

    def count_professional_run(self) -> int:
        """Running activities that professionals run."""
        return sum(1 for a in self.activities if not a.ended and a.professional_run)

    def professional_run_ids(self) -> np.ndarray:
        """Numbers of the running activities that professionals run."""
        return np.array([a.ident for a in self.activities if not a.ended and a.professional_run],
                        dtype=np.int64)

    def organiser_openings(self) -> int:
        """Roles for new organisers: free slots at meeting places and room in resident teams."""
        running = self.running()
        free_slots = self.places * SLOTS_PER_PLACE - len(running)
        in_teams = sum(MAX_ORGANISERS - len(a.organisers) for a in running
                       if 0 < len(a.organisers) < MAX_ORGANISERS)
        return max(0, free_slots) * MAX_ORGANISERS + in_teams

    # --- creating, joining and ending -------------------------------------------------------
    def _free_place(self, home: int | None = None) -> int | None:
        """The nearest open meeting place (to ``home``, else the least used) with a free slot."""
        if self.places == 0:
            return None
        booked = np.bincount([a.place for a in self.running()], minlength=self.places)
        free = np.flatnonzero(booked < SLOTS_PER_PLACE)
        if len(free) == 0:
            return None
        if home is None:
            return int(free[np.argmin(booked[free])])
        return int(free[np.argmin(self.layout.place_distance[home, free])])

    def _new_activity(
        self, place: int, params: Parameters, week: int, rng: np.random.Generator
    ) -> Activity:
        activity = Activity(
            ident=self.next_ident, place=place,
            purposeful=bool(rng.random() < params.purposeful_share), next_week=week,
            one_off=params.one_off_events, salt=int(rng.integers(1 << 30)),
            members=np.zeros(self.layout.homes, dtype=np.bool_),
        )
        self.next_ident += 1
        self.activities.append(activity)
        return activity

    def start_professional_activity(
        self, params: Parameters, week: int, rng: np.random.Generator
    ) -> Activity | None:
        """Professionals start an activity of their own at the least used open place."""
        place = self._free_place()
        if place is None:
            return None
        activity = self._new_activity(place, params, week, rng)
        activity.professional_run = True
        return activity

    def propose(self, nb: Neighbourhood, home: int) -> None:
        """An initiator without an activity joins a lone organiser or proposes a new plan.

        A new plan needs the council to give room (``government_responsiveness``); a rejected
        plan costs energy and the initiator waits before trying again.
        """
        pop = nb.population
        rng = nb.streams.activities
        if pop.activity[home] != NO_ACTIVITY or self.places == 0:
            return
        if self.waiting.get(home, -(1 << 40)) > nb.week:
            return
        running = self.running()
        lone = [a for a in running if len(a.organisers) == 1]
        place = self._free_place(home)
        if place is None:  # every meeting place is booked: help run an existing resident activity
            lone = lone or [a for a in running if 0 < len(a.organisers) < MAX_ORGANISERS]
            if not lone:
                return
        if lone:
            self.join(nb, home, lone[int(rng.integers(len(lone)))])
            return
        if rng.random() >= nb.params.government_responsiveness:
            pop.energy[home] -= nb.params.rejection_energy
            self.waiting[home] = nb.week + RETRY_WEEKS
            self.rejected_plans += 1
            return
        self.join(nb, home, self._new_activity(place, nb.params, nb.week, rng))

    def join(self, nb: Neighbourhood, home: int, activity: Activity) -> None:
        """Put the initiator in ``home`` on the organising team of ``activity``."""
        activity.organisers.append(home)
        nb.population.activity[home] = activity.ident
        activity.members[home] = True

    def leave(self, nb: Neighbourhood, home: int) -> None:
        """Take the initiator in ``home`` off their organising team."""
        ident = int(nb.population.activity[home])
        nb.population.activity[home] = NO_ACTIVITY
        activity = self.by_ident(ident)
        if activity is not None and home in activity.organisers:
            activity.organisers.remove(home)

    def end_professional_activities(self, nb: Neighbourhood) -> None:
        """When professionals leave, their activities go back to organisers, or end."""
        for activity in self.running():
            if activity.professional_run:
                activity.professional_run = False
                if not activity.organised:
                    self._hand_over_or_end(nb, activity)

    def _hand_over_or_end(self, nb: Neighbourhood, activity: Activity) -> None:
        """The member with most ownership steps up (with that chance), or the activity ends."""
        pop = nb.population
        candidates = np.flatnonzero(activity.members & ~pop.is_initiator)
        if len(candidates):
            best = int(candidates[np.argmax(pop.ownership[candidates])])
            if nb.streams.activities.random() < pop.ownership[best]:
                nb.roles.add_initiator(nb, best)
                self.join(nb, best, activity)
                return
        activity.ended = True

    def settle_orphans(self, nb: Neighbourhood) -> None:
        """A resident-run activity whose last organiser left needs a resident to step up, or ends.

        Professionals do not adopt it for free: they step into activities only within their
        doing hours (:func:`~.professionals.step_into_activities`).
        """
        for activity in self.running():
            if not activity.organised and not activity.professional_run:
                self._hand_over_or_end(nb, activity)

    def remove_residents(self, slots: np.ndarray) -> None:
        """Residents who left are no longer members or organisers of anything."""
        if len(slots) == 0:
            return
        gone = set(slots.tolist())
        for activity in self.activities:
            if activity.ended:
                continue
            activity.members[slots] = False
            activity.organisers = [o for o in activity.organisers if o not in gone]
        self.ever_attended[slots] = False  # a newcomer in the home has never been

    # --- meeting ----------------------------------------------------------------------------
    def meet(self, nb: Neighbourhood, budget: Budget, contacts: Contacts) -> None:
        """Hold this week's meetings and record the conversations held."""
        self.first_timers = np.zeros(0, dtype=np.int64)
        self.first_timers_isolated = 0
        self.settle_orphans(nb)
        self.activities = self.running()
        self.connect_per_activity = budget.connecting / max(1, len(self.activities))
        present = nb.support.present
        due = [a for a in self.activities
               if (a.organised or present) and a.next_week <= nb.week]
        if not due:
            return
        walk_ins = self._walk_ins(nb, due)
        for activity in due:
            self._hold_meeting(nb, activity, walk_ins.get(activity.place, _NONE), budget,
                               contacts)
        attended = nb.population.attended
        self.first_timers = np.flatnonzero(attended & ~self.ever_attended)
        self.first_timers_isolated = int((nb.views.friendly_counts[self.first_timers] < 2).sum())
        self.ever_attended |= attended

    def _proximity(self, slots: np.ndarray, place: int, params: Parameters) -> np.ndarray:
        distance = self.layout.place_distance[slots, place]
        return np.exp(-distance / params.proximity_cells)

    def _walk_ins(self, nb: Neighbourhood, due: list[Activity]) -> dict[int, np.ndarray]:
        """Residents who come in through an open door: the sociable and already-connected."""
        pop = nb.population
        params = nb.params
        places = np.array(sorted({a.place for a in due}))
        distance = self.layout.place_distance[:, places]
        nearest = places[np.argmin(distance, axis=1)]
        proximity = np.exp(-distance.min(axis=1) / params.proximity_cells)
        connected = np.minimum(1.0, nb.views.friendly_counts / 3.0)
        chance = (params.walk_in_rate * pop.sociability * proximity * (1 - params.area_risk)
                  * (0.2 + 0.8 * connected))
        walking = np.flatnonzero(nb.streams.activities.random(pop.n) < chance)
        return {int(p): walking[nearest[walking] == p] for p in places}

    def _invitees(self, nb: Neighbourhood, activity: Activity) -> np.ndarray:
        """People personally invited by the organisers, and by professionals who connect."""
        params = nb.params
        rng = nb.streams.activities
        organisers = max(1, len(activity.organisers))
        count = rng.poisson(params.invitation_effort * params.invites_per_organiser * organisers
                            + 0.5 * self.connect_per_activity)
        if count == 0:
            return _NONE
        if activity.purposeful or not activity.organised:  # anyone living nearby
            pool = self.catchment[activity.place]
        else:  # cosy: organisers invite the people they already know
            ptr, nbr = nb.views.close_adjacency
            pool = np.concatenate([nbr[ptr[o] : ptr[o + 1]] for o in activity.organisers])
        if len(pool) == 0:
            return _NONE
        invited = np.unique(pool[rng.integers(len(pool), size=count)])
        invited = invited[~activity.members[invited]]
        if len(invited) == 0:
            return invited
        return invited[rng.random(len(invited)) < self._acceptance(nb, activity, invited)]

    def _acceptance(self, nb: Neighbourhood, activity: Activity, invited: np.ndarray) -> np.ndarray:
        """The chance that each personally invited neighbour accepts and comes."""
        pop = nb.population
        params = nb.params
        accept = (INVITE_ACCEPT * (0.5 + pop.sociability[invited])
                  * self._proximity(invited, activity.place, params) * (1 - 0.5 * params.area_risk))
        if activity.purposeful:  # being asked to do something you can do lowers the threshold
            accept = np.where(pop.capacity(invited) > 1.0, accept * 1.5, accept)
        return np.minimum(accept, 1.0)

    def _invited_by_name(self, nb: Neighbourhood, activity: Activity) -> np.ndarray:
        """Neighbours a kartrekker invited by name who live nearest to this meeting place.

        The participatory mode's "whom do you invite" (:mod:`.personal`, ``docs/odd.md``
        7.16): they are asked once a week, at the first meeting near them, until they come,
        and accept as anyone
        personally invited does (:meth:`_acceptance`), drawn from the personal stream so that
        no other decision's draws shift.
        """
        personal = nb.personal
        homes = np.array(sorted(h for h, week in personal.invitations.items() if week < nb.week),
                         dtype=np.int64)
        homes = homes[np.isin(homes, self.catchment[activity.place])]
        homes = homes[~activity.members[homes]]
        if len(homes) == 0:
            return _NONE
        draws = nb.streams.personal.random(len(homes))
        came = homes[draws < self._acceptance(nb, activity, homes)]
        for home in homes.tolist():
            personal.note(nb.week, "invite", NOBODY, home, home in came)
            personal.invitations[home] = nb.week
        for home in came.tolist():
            del personal.invitations[home]
        return came

    def _hold_meeting(
        self, nb: Neighbourhood, activity: Activity, walk_ins: np.ndarray, budget: Budget,
        contacts: Contacts,
    ) -> None:
        pop = nb.population
        params = nb.params
        rng = nb.streams.activities
        members = np.flatnonzero(activity.members)
        comes = rng.random(len(members)) < params.member_attendance * (1 - pop.frailty[members])
        present = members[comes]
        invited = self._invitees(nb, activity)
        if nb.personal.invitations:
            invited = np.concatenate([invited, self._invited_by_name(nb, activity)])
        newcomers = np.concatenate([walk_ins, invited])
        newcomers = np.unique(newcomers[~activity.members[newcomers]])
        attending = np.zeros(pop.n, dtype=np.bool_)
        attending[present] = True
        attending[newcomers] = True
        activity.members[newcomers] = True
        attendees = np.flatnonzero(attending)
        if len(attendees) > MAX_ATTENDANCE:
            attendees = np.sort(rng.choice(attendees, MAX_ATTENDANCE, replace=False))
        absent = members[~comes]
        drop = absent[rng.random(len(absent)) < params.member_drop_out]
        activity.members[drop] = False
        activity.members[activity.organisers] = True  # organisers do not drop out as members
        activity.turnout_ratio = len(attendees) / max(1, int(activity.members.sum()))
        activity.meetings += 1
        activity.next_week = nb.week + (RETRY_WEEKS if activity.one_off
                                        else params.activity_interval_weeks)
        if activity.professional_run:
            budget.spend_doing(params.hours_per_meeting)
        pop.attended[attendees] = True
        self._update_ownership(nb, activity, attendees, budget)
        self._advance_phase(nb, activity, attendees)
        if activity.one_off:
            activity.ended = True
            for home in list(activity.organisers):
                self.leave(nb, home)
                self.waiting[home] = nb.week + RETRY_WEEKS
        if len(attendees) >= 2:
            contacts.meet(*pick_conversations(nb, activity, attendees,
                                              self.connect_per_activity))

    def _update_ownership(
        self, nb: Neighbourhood, activity: Activity, attendees: np.ndarray, budget: Budget
    ) -> None:
        """Residents who run things together grow ownership; consumers of services do not."""
        pop = nb.population
        if activity.professional_run:
            pop.ownership[attendees] *= 0.99
        else:
            pop.ownership[attendees] += 0.02 * budget.room * (1 - pop.ownership[attendees])
        pop.activity_weeks[attendees] += 1

    def _advance_phase(self, nb: Neighbourhood, activity: Activity, attendees: np.ndarray) -> None:
        """Move through Tuckman's phases; an unsupported storming group may fall apart."""
        params = nb.params
        if activity.phase in PHASE_AFTER_MEETINGS and (
            activity.meetings >= PHASE_AFTER_MEETINGS[activity.phase]
        ):
            activity.phase = Phase(activity.phase + 1)
        if activity.phase is not Phase.STORMING or len(attendees) < 2:
            return
        groups = nb.population.group[attendees]
        share = np.bincount(groups, minlength=6) / len(groups)
        # diversity breeds conflict only as far as group differences matter (homophily; 1 at the
        # default 0.5, none without homophily: Putnam 2007's hunkering down needs in-group pull)
        diversity = (1.0 - float((share**2).sum())) * 2.0 * params.homophily
        support = 0.5 * (len(activity.organisers) >= 2) + min(
            0.5, self.connect_per_activity / 2.0 + params.bridging_effort * 0.5
        )
        risk = params.storm_risk * (0.2 + diversity + params.area_risk) * (1.0 - support)
        if nb.streams.activities.random() < risk:
            activity.ended = True
            for home in list(activity.organisers):
                self.leave(nb, home)
                nb.population.energy[home] -= STORM_ENERGY


_NONE = np.zeros(0, dtype=np.int64)
