"""Resident state as arrays, one row per home: the one representation of people.

Every home holds one modelled resident. The arrays hold what a resident is (group, age, frailty,
sociability, trust, ownership, *draagkracht*, ask threshold) and what roles they hold: the state
of a volunteer (motivation, fit, selflessness) and of an initiator (energy, activity) lives in the
same rows. The Mesa agents (:mod:`simulatie.core.run.agents`) read their own row; the week's rules
(:mod:`simulatie.core.rules`) update all rows at once. This module holds the data only: how a
newcomer's traits are drawn is :mod:`~simulatie.core.rules.residents`, what a resident can give
is :mod:`~simulatie.core.rules.capacity`.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..parameters import Parameters
from .groups import GROUP_PROFILES, Group

__all__ = ["BASE_NEED", "HELP_HISTORY_WEEKS", "NEVER", "NO_ACTIVITY", "Population"]

NEVER = -1_000_000  # 'last week' of something that has not happened since moving in
NO_ACTIVITY = -1  # an initiator who runs no activity
HELP_HISTORY_WEEKS = 32  # weeks of helping remembered bit by bit (for the survey measures)

BASE_NEED = np.array([GROUP_PROFILES[g].base_need for g in Group])
"""Each group's baseline of weekly need (company, practical help), hours, by group number."""


class Population:
    """The state of all residents, one array element per home.

    Args:
        params: The run's parameters (the number of homes is read).
    """

    def __init__(self, params: Parameters) -> None:
        n = params.residents
        self.n = n
        # who the resident is
        self.group = np.zeros(n, dtype=np.int8)
        self.age = np.zeros(n)
        self.frailty = np.zeros(n)
        self.sociability = np.zeros(n)
        self.trust = np.zeros(n)
        self.ownership = np.zeros(n)
        self.draagkracht_on_arrival = np.zeros(n)  # hours/week the resident could give on arrival
        self.draagkracht_factor = np.ones(n)  # grows with engagement, shrinks with overload
        self.ask_threshold = np.zeros(n)
        self.digital = np.zeros(n, dtype=bool)
        self.organiser = np.zeros(n, dtype=bool)  # would take on organising at all (1-9-90)
        self.arrived_week = np.zeros(n, dtype=np.int64)
        self.generation = np.zeros(n, dtype=np.int64)  # residents who have lived in the home
        self.home_group = np.full(n, -1, dtype=np.int8)  # the group a home is built for, or -1
        # the household and the family (docs/odd.md 7.3, 7.9): a partner in the home, not an
        # agent of its own, and relatives elsewhere who help
        self.partner = np.zeros(n, dtype=bool)  # lives with a partner
        self.partner_frailty = np.zeros(n)  # the partner's frailty (0..1)
        self.family_helpers = np.zeros(n, dtype=np.int64)  # relatives within reach who help
        self.household_load = np.zeros(n)  # recent hours a week spent caring for the partner
        # slowly changing state
        self.strain = np.zeros(n)  # helper's recent load relative to capacity
        self.burnout_weeks = np.zeros(n, dtype=np.int64)
        self.activity_weeks = np.zeros(n)  # fading count of activities attended
        self.unmet_weeks = np.zeros(n, dtype=np.int64)
        self.waiting = np.zeros(n)  # recent share of indicated need that formal care left unserved
        # this week's care accounting
        self.need = np.zeros(n)
        self.partner_need = np.zeros(n)  # the partner's need (hours), cared for in the household
        self.favour_need = np.zeros(n)  # a small favour only someone outside the home can do
        self.given = np.zeros(n)
        self.given_network = np.zeros(n)  # over own ties (neighbourly help)
        self.given_informal = np.zeros(n)  # of which to someone whose need is indicated (SCP)
        self.received = np.zeros(n)
        self.received_network = np.zeros(n)  # of which from own ties
        self.received_family = np.zeros(n)  # from family living elsewhere
        self.indicated = np.zeros(n, dtype=bool)  # need stems from health (set by the care step)
        self.asked = np.zeros(n, dtype=bool)  # someone asked this resident for help this week
        self.attended = np.zeros(n, dtype=bool)  # at an activity this week
        # history for the survey measures (docs/calibration.md)
        self.help_history = np.zeros(n, dtype=np.uint32)  # bit k: helped a neighbour k weeks ago
        # bit k: k weeks ago neighbours or volunteers met some of the home's health-related need
        # (not only its favours); the carers of target 5 (docs/targets.md) are counted on it
        self.care_history = np.zeros(n, dtype=np.uint64)
        self.neighbourhood_care = np.zeros(n, dtype=bool)  # ... this week
        self.last_network_help_week = np.full(n, NEVER, dtype=np.int64)
        self.last_informal_week = np.full(n, NEVER, dtype=np.int64)
        self.last_volunteer_week = np.full(n, NEVER, dtype=np.int64)
        self.last_asked_week = np.full(n, NEVER, dtype=np.int64)
        self.last_helped_week = np.full(n, NEVER, dtype=np.int64)  # received help from own ties
        self.last_family_help_week = np.full(n, NEVER, dtype=np.int64)  # received from family
        # the volunteer role
        self.is_volunteer = np.zeros(n, dtype=bool)
        self.motivation = np.zeros(n)
        self.fit = np.zeros(n)
        self.selflessness = np.zeros(n)
        self.joined_week = np.zeros(n, dtype=np.int64)
        self.last_thanked_week = np.full(n, NEVER, dtype=np.int64)  # thanked by a coordinator
        self.volunteer_hours = np.zeros(n)  # hours given as a volunteer this week
        # the initiator role
        self.is_initiator = np.zeros(n, dtype=bool)
        self.energy = np.zeros(n)
        self.activity = np.full(n, NO_ACTIVITY, dtype=np.int64)
        self.initiator_support = np.zeros(n)  # share of a full week of professional backing
        self.started_week = np.zeros(n, dtype=np.int64)
        self.fatigue = np.zeros(n)  # built up over years of organising; fades slowly after
        self.idle_weeks = np.zeros(n, dtype=np.int64)  # weeks an initiator had no activity
        # the consumer role: used to professionals doing the work (seed 002)
        self.reliance = np.zeros(n)

    # --- rows -------------------------------------------------------------------------------
    def clear_rows(self, slots: np.ndarray) -> None:
        """Clear the homes' slowly changing state, history and roles (for their newcomers)."""
        _clear_rows(np.asarray(slots, np.int64), self.strain, self.activity_weeks, self.waiting,
                    self.motivation, self.energy, self.initiator_support, self.volunteer_hours,
                    self.household_load, self.fatigue, self.reliance, self.draagkracht_factor,
                    self.burnout_weeks, self.unmet_weeks, self.help_history, self.care_history,
                    self.idle_weeks,
                    self.last_network_help_week, self.last_informal_week,
                    self.last_volunteer_week, self.last_asked_week, self.last_helped_week,
                    self.last_family_help_week, self.last_thanked_week, self.is_volunteer,
                    self.is_initiator, self.activity)

    def clear_week(self) -> None:
        """Clear this week's accounting (the start of a week)."""
        for array in (self.need, self.partner_need, self.favour_need, self.given,
                      self.given_network, self.given_informal, self.received, self.received_network,
                      self.received_family, self.volunteer_hours):
            array[:] = 0.0
        self.asked[:] = False
        self.attended[:] = False

    # --- reading ----------------------------------------------------------------------------
    def weeks_helped(self, last: int) -> np.ndarray:
        """How many of the last ``last`` weeks (at most 32) each resident helped over own ties."""
        mask = np.uint32((1 << last) - 1) if last < HELP_HISTORY_WEEKS else np.uint32(0xFFFFFFFF)
        return np.bitwise_count(self.help_history & mask)


@njit(cache=True)
def _clear_rows(slots, strain, activity_weeks, waiting, motivation, energy, initiator_support,
                volunteer_hours, household_load, fatigue, reliance, draagkracht_factor,
                burnout_weeks, unmet_weeks, help_history, care_history, idle_weeks,
                last_network_help_week,
                last_informal_week, last_volunteer_week, last_asked_week, last_helped_week,
                last_family_help_week, last_thanked_week, is_volunteer, is_initiator, activity):
    """Reset the rows ``slots`` as :meth:`Population.clear_rows` describes, in one pass."""
    for i in slots:
        strain[i] = 0.0
        activity_weeks[i] = 0.0
        waiting[i] = 0.0
        motivation[i] = 0.0
        energy[i] = 0.0
        initiator_support[i] = 0.0
        volunteer_hours[i] = 0.0
        household_load[i] = 0.0
        fatigue[i] = 0.0
        reliance[i] = 0.0
        draagkracht_factor[i] = 1.0
        burnout_weeks[i] = 0
        unmet_weeks[i] = 0
        help_history[i] = 0
        care_history[i] = 0
        idle_weeks[i] = 0
        last_network_help_week[i] = NEVER
        last_informal_week[i] = NEVER
        last_volunteer_week[i] = NEVER
        last_asked_week[i] = NEVER
        last_helped_week[i] = NEVER
        last_family_help_week[i] = NEVER
        last_thanked_week[i] = NEVER
        is_volunteer[i] = False
        is_initiator[i] = False
        activity[i] = NO_ACTIVITY
