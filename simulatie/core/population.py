"""Resident state as arrays, one row per home: the one representation of people.

Every home holds one modelled resident. The arrays hold what a resident is (group, age, frailty,
sociability, trust, ownership, *draagkracht*, ask threshold) and what roles they hold: the state
of a volunteer (motivation, fit, selflessness) and of an initiator (energy, activity) lives in the
same rows. The Mesa agents in :mod:`.agents` read their own row; the weekly processes update all
rows at once.

When a resident dies or moves out, a newcomer moves into the same home with no ties and no roles
(seed 000: newcomers start as strangers); :meth:`Population.settle` draws their traits.
"""

from __future__ import annotations

import numpy as np
from numba import njit
from scipy.special import betaincinv, ndtri

from .groups import GROUP_PROFILES, Group
from .parameters import Parameters

__all__ = ["NEVER", "NO_ACTIVITY", "TRAIT_DRAWS", "Population"]

NEVER = -1_000_000  # 'last week' of something that has not happened since moving in
NO_ACTIVITY = -1  # an initiator who runs no activity
STRAIN_KEPT_PER_WEEK = 0.9  # weekly persistence of a helper's strain
BURNOUT_WEEKS = 26  # weeks without capacity after a burnout
DRAAGKRACHT_MAX = 1.5  # draagkracht can grow to this multiple of its level on arrival ...
DRAAGKRACHT_MIN = 1.0 / 3.0  # ... and shrink to this multiple
HELP_HISTORY_WEEKS = 32  # weeks of helping remembered bit by bit (for the survey measures)
TRAIT_DRAWS = 6  # uniform draws that make one new resident's traits

_PROFILE_ARRAYS = {
    name: np.array([getattr(GROUP_PROFILES[g], name) for g in Group])
    for name in ("min_age", "max_age", "sociability", "capacity_factor", "ask_shift", "digital",
                 "base_need", "trust")
}


class Population:
    """The state of all residents, one array element per home.

    Args:
        params: The run's parameters (read for the group profiles' scaling).
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
        self.arrived_week = np.zeros(n, dtype=np.int64)
        self.generation = np.zeros(n, dtype=np.int64)  # residents who have lived in the home
        self.home_group = np.full(n, -1, dtype=np.int8)  # the group a home is built for, or -1
        # slowly changing state
        self.strain = np.zeros(n)  # helper's recent load relative to capacity
        self.burnout_weeks = np.zeros(n, dtype=np.int64)
        self.activity_weeks = np.zeros(n)  # fading count of activities attended
        self.unmet_weeks = np.zeros(n, dtype=np.int64)
        self.waiting = np.zeros(n)  # recent share of indicated need that formal care left unserved
        # this week's care accounting
        self.need = np.zeros(n)
        self.given = np.zeros(n)
        self.given_network = np.zeros(n)  # over own ties (neighbourly help)
        self.given_informal = np.zeros(n)  # of which to someone whose need is indicated (SCP)
        self.received = np.zeros(n)
        self.received_network = np.zeros(n)  # of which from own ties
        self.indicated = np.zeros(n, dtype=bool)  # need stems from health (set by the care step)
        self.asked = np.zeros(n, dtype=bool)  # someone asked this resident for help this week
        self.attended = np.zeros(n, dtype=bool)  # at an activity this week
        # history for the survey measures (docs/calibration.md)
        self.help_history = np.zeros(n, dtype=np.uint32)  # bit k: helped a neighbour k weeks ago
        self.last_network_help_week = np.full(n, NEVER, dtype=np.int64)
        self.last_informal_week = np.full(n, NEVER, dtype=np.int64)
        self.last_volunteer_week = np.full(n, NEVER, dtype=np.int64)
        self.last_asked_week = np.full(n, NEVER, dtype=np.int64)
        self.last_helped_week = np.full(n, NEVER, dtype=np.int64)  # received help from own ties
        # the volunteer role
        self.is_volunteer = np.zeros(n, dtype=bool)
        self.motivation = np.zeros(n)
        self.fit = np.zeros(n)
        self.selflessness = np.zeros(n)
        self.joined_week = np.zeros(n, dtype=np.int64)
        self.volunteer_hours = np.zeros(n)  # hours given as a volunteer this week
        # the initiator role
        self.is_initiator = np.zeros(n, dtype=bool)
        self.energy = np.zeros(n)
        self.activity = np.full(n, NO_ACTIVITY, dtype=np.int64)
        self.initiator_support = np.zeros(n)  # share of a full week of professional backing
        self.started_week = np.zeros(n, dtype=np.int64)

    # --- newcomers --------------------------------------------------------------------------
    def settle(
        self,
        slots: np.ndarray,
        groups: np.ndarray,
        ages: np.ndarray,
        frailty: np.ndarray,
        params: Parameters,
        draws: np.ndarray,
        week: int,
    ) -> None:
        """Fill homes ``slots`` with new residents of the given groups, ages and frailty.

        Traits are drawn from the group profile (``docs/odd.md`` 5.1) by transforming uniform
        draws (one row of :data:`TRAIT_DRAWS` per resident): sociability ~ Beta around the
        group's mean, trust, ownership and the ask threshold ~ Normal around theirs,
        draagkracht ~ LogNormal(0, 0.5) times the group's share of ``helper_capacity_hours``.
        Every other state starts fresh: no roles, no strain, no history.

        Args:
            slots: Homes to fill.
            groups: Group of each new resident.
            ages: Age of each new resident, in years.
            frailty: Frailty of each new resident (0..1).
            params: The run's parameters.
            draws: ``(len(slots), TRAIT_DRAWS)`` uniform draws in [0, 1).
            week: Current week (the arrival week).
        """
        if len(slots) == 0:
            return
        self.group[slots] = groups
        self.age[slots] = ages
        self.frailty[slots] = frailty
        self._draw_traits(slots, groups, params, draws)
        self.arrived_week[slots] = week
        self.generation[slots] += 1
        self._start_fresh(slots)

    def _draw_traits(
        self, slots: np.ndarray, groups: np.ndarray, params: Parameters, draws: np.ndarray
    ) -> None:
        """Draw the newcomers' traits from their group profiles (see :meth:`settle`)."""
        prof = {name: values[groups] for name, values in _PROFILE_ARRAYS.items()}
        normal = ndtri(draws[:, 1:5])
        soc = prof["sociability"]
        self.sociability[slots] = np.clip(
            betaincinv(4 * soc + 0.5, 4 * (1 - soc) + 0.5, draws[:, 0]), 0, 1)
        trust = prof["trust"] * (1 - 0.5 * params.area_risk)
        self.trust[slots] = np.clip(trust + 0.1 * normal[:, 0], 0.05, 1)
        self.ownership[slots] = np.clip(0.2 + 0.05 * normal[:, 1], 0, 1)
        self.draagkracht_on_arrival[slots] = (
            prof["capacity_factor"] * params.helper_capacity_hours * np.exp(0.5 * normal[:, 2])
        )
        self.ask_threshold[slots] = np.clip(
            params.ask_threshold + prof["ask_shift"] + 0.15 * normal[:, 3], 0, 1
        )
        self.digital[slots] = draws[:, 5] < prof["digital"]

    def _start_fresh(self, slots: np.ndarray) -> None:
        """Clear the homes' slowly changing state, history and roles for their newcomers."""
        for array in (self.strain, self.activity_weeks, self.waiting, self.motivation,
                      self.energy, self.initiator_support, self.volunteer_hours):
            array[slots] = 0.0
        self.draagkracht_factor[slots] = 1.0
        for array in (self.burnout_weeks, self.unmet_weeks, self.help_history):
            array[slots] = 0
        for array in (self.last_network_help_week, self.last_informal_week,
                      self.last_volunteer_week, self.last_asked_week, self.last_helped_week):
            array[slots] = NEVER
        self.is_volunteer[slots] = False
        self.is_initiator[slots] = False
        self.activity[slots] = NO_ACTIVITY

    # --- reading ----------------------------------------------------------------------------
    def base_need(self) -> np.ndarray:
        """Each resident's group baseline of weekly need (company, practical help), hours."""
        return _PROFILE_ARRAYS["base_need"][self.group]

    def capacity(self, slots: np.ndarray | slice = slice(None)) -> np.ndarray:
        """Hours residents can give this week (*draagkracht*): less when frail, none in burnout.

        Args:
            slots: Which residents (default: all).
        """
        fit = 1 - self.frailty[slots]
        cap = self.draagkracht_on_arrival[slots] * self.draagkracht_factor[slots] * fit * fit
        cap[self.burnout_weeks[slots] > 0] = 0.0
        return cap

    # --- the week's bookkeeping -------------------------------------------------------------
    def start_week(self) -> None:
        """Clear this week's accounting."""
        for array in (self.need, self.given, self.given_network, self.given_informal,
                      self.received, self.received_network, self.volunteer_hours):
            array[:] = 0.0
        self.asked[:] = False
        self.attended[:] = False

    def update_strain(self, unmet: np.ndarray) -> np.ndarray:
        """Update strain, burnout and weeks of unmet need after the week's care.

        Args:
            unmet: Hours of need left unmet per resident this week.

        Returns:
            Homes of helpers who burnt out this week.
        """
        return np.flatnonzero(_strain_week(
            self.given, self.draagkracht_on_arrival, self.draagkracht_factor, unmet,
            self.strain, self.burnout_weeks, self.unmet_weeks))

    def record_history(self, week: int) -> None:
        """Remember who helped over their own ties, who was asked, and who held a role."""
        _record_history(week, self.given_network, self.given_informal, self.asked,
                        self.received_network, self.is_volunteer, self.is_initiator,
                        self.help_history, self.last_network_help_week,
                        self.last_informal_week, self.last_asked_week, self.last_helped_week,
                        self.last_volunteer_week)

    def weeks_helped(self, last: int) -> np.ndarray:
        """How many of the last ``last`` weeks (at most 32) each resident helped over own ties."""
        mask = np.uint32((1 << last) - 1) if last < HELP_HISTORY_WEEKS else np.uint32(0xFFFFFFFF)
        return np.bitwise_count(self.help_history & mask)


@njit(cache=True)
def _strain_week(given, draagkracht, factor, unmet, strain, burnout_weeks, unmet_weeks):
    """Strain, burnout and weeks of unmet need after the week's care (``docs/odd.md`` 7.4).

    Strain is a moving average of this week's hours given relative to draagkracht; above 1 the
    helper burns out and gives nothing for ``BURNOUT_WEEKS``. Arrays are updated in place.

    Returns:
        Whether each resident burnt out this week.
    """
    burnt = np.zeros(len(given), np.bool_)
    for i in range(len(given)):
        load = given[i] / max(draagkracht[i] * factor[i], 0.5)
        strain[i] = STRAIN_KEPT_PER_WEEK * strain[i] + (1 - STRAIN_KEPT_PER_WEEK) * load
        burnout_weeks[i] = max(burnout_weeks[i] - 1, 0)
        if strain[i] > 1.0 and burnout_weeks[i] == 0:
            burnout_weeks[i] = BURNOUT_WEEKS
            strain[i] = 0.0
            burnt[i] = True
        unmet_weeks[i] = unmet_weeks[i] + 1 if unmet[i] > 0.5 else 0
    return burnt


@njit(cache=True)
def _record_history(week, given_network, given_informal, asked, received_network, volunteer,
                    initiator, help_history, last_help, last_informal, last_asked, last_helped,
                    last_role):
    """Shift the helping history one week and stamp this week's events (in place)."""
    for i in range(len(given_network)):
        helped = given_network[i] > 0
        help_history[i] = (help_history[i] << np.uint32(1)) | np.uint32(helped)
        if helped:
            last_help[i] = week
        if given_informal[i] > 0:
            last_informal[i] = week
        if asked[i]:
            last_asked[i] = week
        if received_network[i] > 0:
            last_helped[i] = week
        if volunteer[i] or initiator[i]:
            last_role[i] = week
