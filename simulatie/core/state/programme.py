"""The activities at meeting places: what each activity is, and the programme that holds them.

An :class:`Activity` is a recurring (or one-off) activity at a meeting place with its organising
team, its members and where it stands in Tuckman's phases (seed 003). The
:class:`ActivityProgramme` holds every activity of the neighbourhood and what the week's rules
remember about them (who ever came, who waits to propose again). This module holds the data
only: how activities are proposed, run, handed over and ended is
:mod:`simulatie.core.rules.activities`; who comes is :mod:`simulatie.core.rules.attendance`,
what a meeting does :mod:`simulatie.core.rules.meetings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

import numpy as np

from .layout import Layout

__all__ = ["NO_TEAM", "Activity", "ActivityProgramme", "Keeper", "Phase"]

NO_TEAM = -1
"""The task team of a home that is not a member of the activity."""


class Keeper(IntEnum):
    """Who keeps a meeting place open: pays the rent, holds the keys, does the paperwork."""

    CLOSED = 0  # nobody: the place is closed
    PROJECT = 1  # the project's money and its professionals' hours
    RESIDENTS = 2  # a team of residents (a beheergroep), who took it over


class Phase(IntEnum):
    """Tuckman's (1965) group phases."""

    FORMING = 0
    STORMING = 1
    NORMING = 2
    PERFORMING = 3


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
        team: Per home, the task team of a member of a purposeful activity (:data:`NO_TEAM`
            otherwise); a member keeps their team.
        started_week: The week of the first meeting.
        quiet_meetings: Meetings in a row with too few people to go on with.
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
    team: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    started_week: int = 0
    quiet_meetings: int = 0

    @property
    def organised(self) -> bool:
        """Whether residents organise it."""
        return bool(self.organisers)


class ActivityProgramme:
    """All activities in the neighbourhood, and what the rules remember about them.

    Args:
        layout: The neighbourhood layout (meeting places and distances).
        open_places: How many of the layout's meeting places are open.

    Attributes:
        layout: The layout.
        places: How many meeting places are open.
        activities: Every activity (ended ones are dropped at the next meeting week).
        next_ident: The number the next new activity gets.
        ever_attended: Per home, whether its resident has ever attended an activity.
        first_timers: This week's first-ever attendees.
        first_timers_isolated: Of whom had fewer than two friendly ties.
        waiting: Initiator home → week they may propose again.
        professional_next_event: With one-off events: when professionals hold the next.
        connect_per_activity: Professionals' connecting hours per running activity this week.
        rejected_plans: Plans the council turned down so far.
        catchment: Per open meeting place, the homes nearest to it.
        keeper: Per meeting place of the layout, who keeps it open (:class:`Keeper`).
        keepers: Per meeting place, the residents who keep it (a keeper team).
        searching: Per meeting place, the week its users began looking for someone to keep it
            (-1: nobody is looking).
        closed_places: Places that closed because nobody kept them, so far.
        memberships: Per home, the running activities its resident is a member of (this week's
            meetings).
    """

    def __init__(self, layout: Layout, open_places: int = 0) -> None:
        n = layout.homes
        self.layout = layout
        self.places = 0
        self.activities: list[Activity] = []
        self.next_ident = 0
        self.ever_attended = np.zeros(n, dtype=bool)
        self.first_timers = np.zeros(0, dtype=np.int64)
        self.first_timers_isolated = 0
        self.waiting: dict[int, int] = {}
        self.professional_next_event = 0
        self.connect_per_activity = 0.0
        self.rejected_plans = 0
        self.catchment: list[np.ndarray] = []
        self.keeper = np.zeros(len(layout.place_xy), dtype=np.int8)
        self.keepers: list[list[int]] = [[] for _ in range(len(layout.place_xy))]
        self.searching = np.full(len(layout.place_xy), -1, dtype=np.int64)
        self.closed_places = 0
        self.memberships = np.zeros(n)  # running activities each resident is a member of
        self.open(open_places)

    def open(self, places: int) -> None:
        """Open the first ``places`` meeting places of the layout, kept by the project.

        Args:
            places: How many (an intervention at week 0); the rest of the layout's places stay
                closed.
        """
        self.places = min(places, len(self.layout.place_xy))
        self.keeper = np.zeros(len(self.layout.place_xy), dtype=np.int8)
        self.keeper[: self.places] = Keeper.PROJECT
        self.keepers = [[] for _ in range(len(self.layout.place_xy))]
        self.searching = np.full(len(self.layout.place_xy), -1, dtype=np.int64)
        self._catchment()

    def close(self, place: int) -> None:
        """Close a meeting place: nobody keeps it any more."""
        self.keeper[place] = Keeper.CLOSED
        self.keepers[place] = []
        self.searching[place] = -1
        self.closed_places += 1
        self._catchment()

    def _catchment(self) -> None:
        """Each open place's catchment: the homes nearer to it than to any other open place."""
        open_places = self.open_places()
        self.catchment = [np.zeros(0, dtype=np.int64) for _ in range(len(self.keeper))]
        if len(open_places):
            distance = self.layout.place_distance[:, open_places]
            nearest = open_places[np.argmin(distance, axis=1)]
            for k in open_places.tolist():
                self.catchment[k] = np.flatnonzero(nearest == k)

    # --- reading ----------------------------------------------------------------------------
    def open_places(self) -> np.ndarray:
        """The meeting places that are open (someone keeps them)."""
        return np.flatnonzero(self.keeper != Keeper.CLOSED)

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

    # --- residents who left -----------------------------------------------------------------
    def remove_residents(self, slots: np.ndarray) -> None:
        """Residents who left are no longer members or organisers of anything."""
        if len(slots) == 0:
            return
        gone = set(slots.tolist())
        for activity in self.activities:
            if activity.ended:
                continue
            activity.members[slots] = False
            activity.team[slots] = NO_TEAM
            activity.organisers = [o for o in activity.organisers if o not in gone]
        for place, team in enumerate(self.keepers):
            self.keepers[place] = [k for k in team if k not in gone]
        self.ever_attended[slots] = False  # a newcomer in the home has never been
