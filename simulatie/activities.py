"""Activities at meeting places: who organises, who comes, who meets whom.

Activities are the main source of new ties (Small et al. 2015; Mollenhorst): when they stop,
formation stops while turnover goes on. Rules, each documented in ``docs/odd.md``:

* Initiators propose activities; a plan needs the council's room (``government_responsiveness``;
  seed 002 obstacles, seed 003 case 3). A rejected plan costs the initiator energy.
* Professionals who *do* the work run activities themselves and take over resident-run ones, and
  the residents step back (seed 002 obstacles).
* Attendance: members come back; an open door draws only the sociable and already-connected;
  active, purposeful invitation reaches others (myth 5; seed 000 "gericht uitnodigen").
* At a meeting, people talk to those they already know at cosy activities, while tasks and
  roles pair people regardless of ties (myth 7). Contacts across groups bond more slowly unless
  someone bridges (myth 4; McPherson et al. 2001; Putnam 2007).
* Groups pass Tuckman's phases (seed 003); in storming, diverse or conflict-ridden groups without
  support or a second organiser may fall apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

import numpy as np

from .support import HOURS_PER_MEETING

if TYPE_CHECKING:
    from .agents import Initiator
    from .model import CaringCommunity

__all__ = ["Activity", "ActivityProgramme", "Phase"]

COSY_HOURS = 1.0  # shared hours per conversation at a cosy gathering
TASK_HOURS = 1.5  # shared hours working together on a task
CONTACTS_PER_MEETING = 3  # conversations each attendee has per meeting
TEAM_SIZE = 4  # people working together on one task at a purposeful activity
MAX_ATTENDANCE = 40  # a common room holds this many; others are turned away that week
SLOTS_PER_PLACE = 4  # activities one meeting place can host
# An organising team (kartrekkers) of one activity has at most this many people; more would-be
# organisers find no role and stay participants (seed 002: at least two; Denters et al. 2013: a
# small core carries the work).
MAX_ORGANISERS = 3
MEMBER_ATTENDANCE = 0.75  # chance a member comes to a meeting
MEMBER_DROP_OUT = 0.05  # chance a member who missed a meeting stops considering themselves one
WALK_IN_RATE = 0.02  # weekly chance a sociable, connected neighbour walks in through an open door
INVITES_PER_ORGANISER = 2.0  # personal invitations per organiser per meeting at full effort
PROXIMITY_CELLS = 12.0  # distance at which willingness to come falls by e
STORM_RISK = 0.06  # chance per storming meeting that an unsupported, diverse group falls apart
REJECTION_ENERGY = 0.3  # energy an initiator loses when the council turns a plan down
RETRY_WEEKS = 26  # weeks before a turned-down initiator (or a one-off organiser) tries again
TAKEOVER_RATE = 0.01  # weekly chance, times takeover squared, that professionals take one over


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
        place: Index of the meeting place.
        purposeful: Whether it has tasks and roles rather than being a cosy gathering.
        organisers: Initiators running it; empty when professionals run it.
        professional_run: Whether professionals run it (started or taken over by them).
        members: Resident slots who consider themselves part of it.
        phase: Tuckman phase.
        meetings: Meetings held so far.
        next_week: Week of the next meeting.
        turnout_ratio: Last meeting's attendance relative to members (0..1).
        one_off: Whether it meets once only.
    """

    place: int
    purposeful: bool
    organisers: list[Initiator] = field(default_factory=list)
    members: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    phase: Phase = Phase.FORMING
    meetings: int = 0
    next_week: int = 0
    turnout_ratio: float = 0.5
    one_off: bool = False
    ended: bool = False
    salt: int = 0
    professional_run: bool = False

    def remove_organiser(self, initiator: Initiator) -> None:
        """Take an initiator off the organising team."""
        if initiator in self.organisers:
            self.organisers.remove(initiator)
        initiator.activity = None


class ActivityProgramme:
    """All activities in the neighbourhood and their weekly meetings.

    Args:
        model: The model.
    """

    def __init__(self, model: CaringCommunity) -> None:
        self.model = model
        self.activities: list[Activity] = []
        self.attended = np.zeros(model.params.residents, dtype=bool)
        self.first_timers = np.zeros(0, dtype=np.int64)  # this week's first-ever attendees
        self.first_timers_isolated = 0  # of whom had fewer than two friendly ties last week
        self.ever_attended = np.zeros(model.params.residents, dtype=bool)
        self.waiting: dict[int, int] = {}  # initiator slot -> week they may propose again
        self.professional_next_event = 0  # with one-off events: when professionals hold the next
        self.connect_per_activity = 0.0  # professionals' connecting hours per running activity
        nearest = (np.argmin(model.layout.place_distance, axis=1)
                   if len(model.layout.place_xy) else np.zeros(0, dtype=np.int64))
        self.catchment = [np.flatnonzero(nearest == k) for k in range(len(model.layout.place_xy))]

    # --- creating and ending ------------------------------------------------------------------
    def _running(self) -> list[Activity]:
        return [a for a in self.activities if not a.ended]

    def _free_place(self, slot: int | None = None) -> int | None:
        """The nearest meeting place (to ``slot``, else any) with a free slot, or None."""
        m = self.model
        booked = np.bincount([a.place for a in self._running()],
                             minlength=len(m.layout.place_xy))
        free = np.flatnonzero(booked < SLOTS_PER_PLACE)
        if len(free) == 0:
            return None
        if slot is None:
            return int(free[np.argmin(booked[free])])
        return int(free[np.argmin(m.layout.place_distance[slot, free])])

    def _new_activity(self, place: int) -> Activity:
        m = self.model
        activity = Activity(
            place=place,
            purposeful=bool(m.streams.activities.random() < m.params.purposeful_share),
            next_week=m.week,
            one_off=m.params.one_off_events,
            salt=int(m.streams.activities.integers(1 << 30)),
        )
        self.activities.append(activity)
        return activity

    def propose(self, initiator: Initiator) -> None:
        """An initiator without an activity joins a lone organiser or proposes a new plan.

        A new plan needs the council to give room (``government_responsiveness``); a rejected
        plan costs energy and the initiator waits before trying again.
        """
        m = self.model
        if initiator.activity is not None or len(m.layout.place_xy) == 0:
            return
        if self.waiting.get(initiator.slot, -1) > m.week:
            return
        running = self._running()
        lone = [a for a in running if len(a.organisers) == 1]
        place = self._free_place(initiator.slot)
        if place is None:  # every meeting place is booked: help run an existing resident activity
            lone = lone or [a for a in running if 0 < len(a.organisers) < MAX_ORGANISERS]
            if not lone:
                return
        if lone:
            self._join(initiator, lone[int(m.streams.activities.integers(len(lone)))])
            return
        if m.streams.activities.random() >= m.params.government_responsiveness:
            initiator.energy -= REJECTION_ENERGY
            self.waiting[initiator.slot] = m.week + RETRY_WEEKS
            m.rejected_plans += 1
            return
        self._join(initiator, self._new_activity(place))

    def organiser_openings(self) -> int:
        """Roles for new organisers: free slots at meeting places and room in resident teams."""
        places = len(self.model.layout.place_xy)
        running = self._running()
        free_slots = places * SLOTS_PER_PLACE - len(running)
        in_teams = sum(MAX_ORGANISERS - len(a.organisers) for a in running
                       if 0 < len(a.organisers) < MAX_ORGANISERS)
        return max(0, free_slots) * MAX_ORGANISERS + in_teams

    def _join(self, initiator: Initiator, activity: Activity) -> None:
        activity.professional_run = False
        activity.organisers.append(initiator)
        initiator.activity = activity
        activity.members = np.union1d(activity.members, [initiator.slot])

    def run_by_professionals(self, budget_hours: float) -> None:
        """Professionals who do the work start activities of their own, within their hours."""
        m = self.model
        if len(m.layout.place_xy) == 0:
            return
        own = sum(1 for a in self._running() if a.professional_run)
        wanted = min(
            int(budget_hours // (HOURS_PER_MEETING / m.params.activity_interval_weeks)),
            len(m.layout.place_xy),
        )
        if m.params.one_off_events:  # one-off events: professionals, too, hold one now and then
            if m.week < self.professional_next_event:
                return
            self.professional_next_event = m.week + RETRY_WEEKS
        for _ in range(max(0, wanted - own)):
            place = self._free_place()
            if place is None:
                break
            self._new_activity(place).professional_run = True

    def take_over(self) -> None:
        """Professionals who do the work take over resident-run activities; residents step back.

        Only as many as the professionals' doing hours can run.
        """
        m = self.model
        rate = TAKEOVER_RATE * m.params.takeover**2
        if not m.support.present or rate == 0:
            return
        # Professionals can only take over what their doing hours can run (seed 002: takeover
        # follows *much* professional effort); each activity they run costs HOURS_PER_MEETING
        # per meeting. Without this, a worker with two hours a week took over as often as a team.
        cost = HOURS_PER_MEETING / m.params.activity_interval_weeks
        own = sum(1 for a in self.activities if not a.ended and a.professional_run)
        room = int(m.support.doing_hours // cost) - own
        for activity in self.activities:
            if room <= 0:
                break
            if activity.organisers and m.streams.activities.random() < rate:
                for initiator in list(activity.organisers):
                    initiator.quit()
                activity.professional_run = True
                m.population.ownership[activity.members] *= 0.8
                room -= 1

    def end_professional_activities(self) -> None:
        """When professionals leave, their activities end unless a resident takes one over."""
        for activity in self.activities:
            if not activity.ended and activity.professional_run:
                self._hand_over_or_end(activity)

    def _hand_over_or_end(self, activity: Activity) -> None:
        """The member with most ownership steps up (with that chance), or the activity ends."""
        m = self.model
        pop = m.population
        candidates = activity.members[~pop.is_initiator[activity.members]]
        if len(candidates):
            best = candidates[np.argmax(pop.ownership[candidates])]
            if m.streams.activities.random() < pop.ownership[best]:
                self._join(m.add_initiator(int(best)), activity)
                return
        activity.ended = True

    def _settle_orphans(self) -> None:
        """An activity whose last organiser quit needs a resident to step up, or it ends.

        Professionals do not adopt it for free: they take activities over only through
        :meth:`take_over`, within their doing hours.
        """
        for activity in self._running():
            if not activity.organisers and not activity.professional_run:
                self._hand_over_or_end(activity)

    def remove_residents(self, slots: np.ndarray) -> None:
        """Residents who left are no longer members of anything."""
        if len(slots) == 0:
            return
        for activity in self.activities:
            activity.members = np.setdiff1d(activity.members, slots, assume_unique=True)
        self.ever_attended[slots] = False  # a newcomer in the home has never been

    # --- meeting ----------------------------------------------------------------------------------
    def meet(self) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Hold this week's meetings; return the contacts made as (a, b, hours) arrays."""
        m = self.model
        self.attended[:] = False
        self.first_timers = np.zeros(0, dtype=np.int64)
        self.first_timers_isolated = 0
        self._settle_orphans()
        self.activities = self._running()
        self.connect_per_activity = m.support.connecting_hours / max(1, len(self.activities))
        running = [a for a in self.activities if a.organisers or m.support.present]
        due = [a for a in running if a.next_week <= m.week]
        if not due:
            return []
        walk_ins = self._walk_ins(due)
        contacts = []
        for activity in due:
            contacts.append(self._hold_meeting(activity, walk_ins.get(activity.place, [])))
        self.first_timers = np.flatnonzero(self.attended & ~self.ever_attended)
        self.first_timers_isolated = int((m.friendly_counts[self.first_timers] < 2).sum())
        self.ever_attended |= self.attended
        return [c for c in contacts if c is not None]

    def _proximity(self, slots: np.ndarray, place: int) -> np.ndarray:
        distance = self.model.layout.place_distance[slots, place]
        return np.exp(-distance / PROXIMITY_CELLS)

    def _walk_ins(self, due: list[Activity]) -> dict[int, np.ndarray]:
        """Residents who come in through an open door: the sociable and already-connected."""
        m = self.model
        pop = m.population
        places = np.array(sorted({a.place for a in due}))
        distance = m.layout.place_distance[:, places]
        nearest = places[np.argmin(distance, axis=1)]
        proximity = np.exp(-distance.min(axis=1) / PROXIMITY_CELLS)
        connected = np.minimum(1.0, m.friendly_counts / 3.0)
        chance = (
            WALK_IN_RATE * pop.sociability * proximity * (1 - m.params.area_risk)
            * (0.2 + 0.8 * connected)
        )
        walking = np.flatnonzero(m.streams.activities.random(pop.n) < chance)
        return {int(p): walking[nearest[walking] == p] for p in places}

    def _invitees(self, activity: Activity) -> np.ndarray:
        """People personally invited by the organisers, and by professionals who connect."""
        m = self.model
        pop = m.population
        rng = m.streams.activities
        organisers = max(1, len(activity.organisers))
        connect = self.connect_per_activity
        count = rng.poisson(m.params.invitation_effort * INVITES_PER_ORGANISER * organisers
                            + 0.5 * connect)
        if count == 0:
            return np.zeros(0, dtype=np.int64)
        if activity.purposeful or not activity.organisers:  # anyone living nearby
            pool = self.catchment[activity.place]
            invited = np.unique(pool[rng.integers(len(pool), size=count)]) if len(pool) else pool
        else:  # cosy: organisers invite the people they already know
            ptr, nbr = m.close_adjacency
            pool = np.concatenate([nbr[ptr[o.slot] : ptr[o.slot + 1]] for o in activity.organisers])
            invited = np.unique(pool[rng.integers(len(pool), size=count)]) if len(pool) else pool
        invited = invited[~np.isin(invited, activity.members)]
        if len(invited) == 0:
            return invited
        can_help = pop.capacity()[invited] > 1.0
        accept = 0.35 * (0.5 + pop.sociability[invited]) * self._proximity(invited, activity.place)
        accept *= 1 - 0.5 * m.params.area_risk
        if activity.purposeful:  # being asked to do something you can do lowers the threshold
            accept = np.where(can_help, accept * 1.5, accept)
        return invited[rng.random(len(invited)) < np.minimum(accept, 1.0)]

    def _hold_meeting(
        self, activity: Activity, walk_ins: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        m = self.model
        pop = m.population
        rng = m.streams.activities
        members = activity.members
        present = members[rng.random(len(members)) < MEMBER_ATTENDANCE * (1 - pop.frailty[members])]
        newcomers = np.union1d(walk_ins, self._invitees(activity))
        newcomers = np.setdiff1d(newcomers, members)
        activity.members = np.union1d(members, newcomers)
        attendees = np.union1d(present, newcomers)
        if len(attendees) > MAX_ATTENDANCE:
            attendees = np.sort(rng.choice(attendees, MAX_ATTENDANCE, replace=False))
        absent = np.setdiff1d(members, present, assume_unique=True)
        drop = absent[rng.random(len(absent)) < MEMBER_DROP_OUT]
        activity.members = np.setdiff1d(activity.members, drop, assume_unique=True)
        activity.turnout_ratio = len(attendees) / max(1, len(activity.members))
        activity.meetings += 1
        activity.next_week = m.week + (RETRY_WEEKS if activity.one_off else
                                       m.params.activity_interval_weeks)
        if activity.professional_run:
            m.support.spend_doing(HOURS_PER_MEETING)
        self.attended[attendees] = True
        self._update_ownership(activity, attendees)
        self._advance_phase(activity, attendees)
        if activity.one_off:
            activity.ended = True
            for initiator in list(activity.organisers):
                activity.remove_organiser(initiator)
                self.waiting[initiator.slot] = m.week + RETRY_WEEKS
        if len(attendees) < 2:
            return None
        return self._conversations(activity, attendees)

    def _update_ownership(self, activity: Activity, attendees: np.ndarray) -> None:
        """Residents who run things together grow ownership; consumers of services do not."""
        pop = self.model.population
        if activity.professional_run:
            pop.ownership[attendees] *= 0.99
        else:
            room = self.model.support.style.room if self.model.support.present else 1.0
            pop.ownership[attendees] += 0.02 * room * (1 - pop.ownership[attendees])
        pop.activity_weeks[attendees] += 1

    def _advance_phase(self, activity: Activity, attendees: np.ndarray) -> None:
        """Move through Tuckman's phases; an unsupported storming group may fall apart."""
        m = self.model
        if activity.phase in PHASE_AFTER_MEETINGS and (
            activity.meetings >= PHASE_AFTER_MEETINGS[activity.phase]
        ):
            activity.phase = Phase(activity.phase + 1)
        if activity.phase is not Phase.STORMING or len(attendees) < 2:
            return
        groups = m.population.group[attendees]
        share = np.bincount(groups, minlength=6) / len(groups)
        # diversity breeds conflict only as far as group differences matter (homophily; 1 at the
        # default 0.5, none without homophily: Putnam 2007's hunkering down needs in-group pull)
        diversity = (1.0 - float((share**2).sum())) * 2.0 * m.params.homophily
        support = 0.5 * (len(activity.organisers) >= 2) + min(
            0.5, self.connect_per_activity / 2.0 + m.params.bridging_effort * 0.5
        )
        risk = STORM_RISK * (0.2 + diversity + m.params.area_risk) * (1.0 - support)
        if m.streams.activities.random() < risk:
            activity.ended = True
            for initiator in list(activity.organisers):
                activity.remove_organiser(initiator)
                initiator.energy -= 0.2

    def _conversations(
        self, activity: Activity, attendees: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pick who talks to whom and how many shared hours each contact adds.

        Cosy gatherings: each attendee mostly talks to people they already know (weighted by tie
        strength) and to people like them. Purposeful activities: stable task teams of
        ``TEAM_SIZE`` work together, whoever they are, and a few conversations go beyond the
        team. Across groups a contact adds fewer shared hours (homophily) unless bridging effort
        closes the gap.
        """
        m = self.model
        rng = m.streams.activities
        pop = m.population
        n = len(attendees)
        bridging = min(1.0, m.params.bridging_effort + self.connect_per_activity / 4.0)
        cross_factor = 1.0 - m.params.homophily * (1.0 - bridging)
        group = pop.group[attendees]
        same = group[:, None] == group[None, :]
        if activity.purposeful:
            team = (attendees * 2654435761 + activity.salt) % 4093
            rank = np.empty(n, dtype=np.int64)
            rank[np.argsort(team, kind="stable")] = np.arange(n)
            team_of = rank // TEAM_SIZE
            weight = np.where(team_of[:, None] == team_of[None, :], 1.0, 0.05)
            hours = TASK_HOURS
        else:
            ii, jj = np.triu_indices(n, k=1)
            edge = m.ties.find(attendees[ii], attendees[jj])
            known = np.zeros((n, n))
            known[ii, jj] = np.where(edge >= 0, m.ties.strength()[np.maximum(edge, 0)], 0.0)
            known += known.T
            weight = (0.05 + known) * np.where(same, 1.0, cross_factor)
            hours = COSY_HOURS
        np.fill_diagonal(weight, 0.0)
        cumulative = np.cumsum(weight, axis=1)
        rows = np.arange(n)[:, None]
        total = cumulative[:, -1:]  # 0 when nobody here is worth talking to (full homophily)
        flat = (cumulative / np.where(total > 0, total, 1.0) + rows).ravel()
        draws = rng.random((n, CONTACTS_PER_MEETING)) + rows
        partner = np.searchsorted(flat, draws.ravel(), side="right").reshape(n, -1) - rows * n
        partner = partner.clip(0, n - 1)
        a = np.repeat(attendees, CONTACTS_PER_MEETING)
        b = attendees[partner.ravel()]
        shared = hours * np.where(same[np.repeat(np.arange(n), CONTACTS_PER_MEETING),
                                       partner.ravel()], 1.0, cross_factor)
        return a, b, shared / 2.0  # each conversation is drawn from both sides
