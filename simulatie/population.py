"""Resident state as arrays, one row per home, and the demographic processes.

Every resident slot is a home. The arrays hold what the Resident agents are (age, frailty,
sociability, trust, ownership, capacity, ask threshold, reciprocity balance, roles), so weekly
updates run vectorised over all residents. When a resident dies or moves out, a newcomer drawn
from the group mix moves into the same home with no ties (seed 000: newcomers start as strangers).

Rules and anchors (details in ``docs/odd.md``):

* Frailty grows with an exponential age hazard (Gostoli & Silverman's social-care ABM uses the
  same form) and drives the weekly care need (*draaglast*).
* Mortality is a Gompertz hazard (assumption, set by eye against Dutch life tables: about
  5%/year at 80 and 14% at 90, raised by frailty).
* Households move out at ``turnover_per_year``.
"""

from __future__ import annotations

import numpy as np

from .groups import GROUP_PROFILES, Group, group_shares
from .parameters import Parameters

__all__ = ["Population"]

WEEKS_PER_YEAR = 52.0
GOMPERTZ_A = 1.7e-5  # yearly mortality hazard at age 0 (Dutch life tables, fitted)
GOMPERTZ_B = 0.10  # per year of age
FRAILTY_RATE = 0.0012  # weekly frailty increase at age 75
FRAILTY_AGE_SCALE = 8.0  # years for the frailty hazard to grow e-fold
FRAIL_NEED_HOURS = 14.0  # weekly hours needed by a fully frail resident
STRAIN_MEMORY = 0.9  # weekly persistence of a helper's strain
NEVER = -1_000_000  # 'last week' of something that has not happened since moving in


class Population:
    """The state of all residents, one array element per home.

    Args:
        params: The run's parameters.
        rng: The random stream for demography.
    """

    def __init__(self, params: Parameters, rng: np.random.Generator) -> None:
        n = params.residents
        self.params = params
        self.n = n
        self.shares = group_shares(params)
        self.group = np.zeros(n, dtype=np.int8)
        self.age = np.zeros(n)
        self.frailty = np.zeros(n)
        self.sociability = np.zeros(n)
        self.trust = np.zeros(n)
        self.ownership = np.zeros(n)
        self.capacity_nominal = np.zeros(n)
        self.ask_threshold = np.zeros(n)
        self.digital = np.zeros(n, dtype=bool)
        self.balance = np.zeros(n)  # hours given minus received, fading
        self.strain = np.zeros(n)  # helper's recent load relative to capacity
        self.burnout_weeks = np.zeros(n, dtype=np.int64)
        self.arrived_week = np.zeros(n, dtype=np.int64)
        self.activity_weeks = np.zeros(n)  # fading count of activities attended
        self.is_volunteer = np.zeros(n, dtype=bool)
        self.is_initiator = np.zeros(n, dtype=bool)
        # this week's care accounting
        self.need = np.zeros(n)
        self.given = np.zeros(n)
        self.given_informal = np.zeros(n)  # of which care over own ties to someone indicated
        self.care_need_indicated = np.zeros(n, dtype=bool)  # set each week by the care step
        self.received = np.zeros(n)
        self.unmet_weeks = np.zeros(n)
        # when the resident last helped over their own ties / last held a volunteer or initiator
        # role (NEVER if not since moving in): for the yearly shares that surveys ask about
        self.last_informal_week = np.full(n, NEVER, dtype=np.int64)
        self.last_volunteer_week = np.full(n, NEVER, dtype=np.int64)

    # --- drawing newcomers ----------------------------------------------------------------
    def draw_groups(self, count: int, rng: np.random.Generator) -> np.ndarray:
        """Draw the groups of ``count`` newcomers from the group mix."""
        return rng.choice(len(Group), size=count, p=self.shares).astype(np.int8)

    def settle(
        self, slots: np.ndarray, groups: np.ndarray, rng: np.random.Generator, week: int
    ) -> None:
        """Fill homes ``slots`` with new residents of the given groups.

        Args:
            slots: Homes to fill.
            groups: Group of each new resident.
            rng: The demography stream.
            week: Current week (arrival time).
        """
        k = len(slots)
        if k == 0:
            return
        p = self.params
        prof = [GROUP_PROFILES[Group(g)] for g in groups]
        lo = np.array([x.min_age for x in prof])
        hi = np.array([x.max_age for x in prof])
        self.group[slots] = groups
        self.age[slots] = lo + (hi - lo) * rng.random(k)
        self.frailty[slots] = np.clip(
            np.exp((self.age[slots] - 95.0) / FRAILTY_AGE_SCALE) * rng.random(k), 0, 0.95
        )
        soc = np.array([x.sociability for x in prof])
        self.sociability[slots] = np.clip(rng.beta(4 * soc + 0.5, 4 * (1 - soc) + 0.5), 0, 1)
        trust = np.array([x.trust for x in prof]) * (1 - 0.5 * p.area_risk)
        self.trust[slots] = np.clip(trust + 0.1 * rng.standard_normal(k), 0.05, 1)
        self.ownership[slots] = np.clip(0.2 + 0.05 * rng.standard_normal(k), 0, 1)
        cap = np.array([x.capacity_factor for x in prof]) * p.helper_capacity_hours
        self.capacity_nominal[slots] = cap * rng.lognormal(0.0, 0.5, k)
        shift = np.array([x.ask_shift for x in prof])
        self.ask_threshold[slots] = np.clip(
            p.ask_threshold + shift + 0.15 * rng.standard_normal(k), 0, 1
        )
        self.digital[slots] = rng.random(k) < np.array([x.digital for x in prof])
        for array in (self.balance, self.strain, self.activity_weeks, self.unmet_weeks):
            array[slots] = 0
        self.burnout_weeks[slots] = 0
        self.last_informal_week[slots] = NEVER
        self.last_volunteer_week[slots] = NEVER
        self.arrived_week[slots] = week
        self.is_volunteer[slots] = False
        self.is_initiator[slots] = False

    # --- weekly processes -----------------------------------------------------------------------
    def age_one_week(self, rng: np.random.Generator) -> None:
        """Age everyone by one week and let frailty grow with an age-dependent hazard."""
        speed = self.params.ageing_speed
        self.age += speed / WEEKS_PER_YEAR
        hazard = FRAILTY_RATE * np.exp((self.age - 75.0) / FRAILTY_AGE_SCALE)
        self.frailty = np.minimum(1.0, self.frailty + speed * hazard * rng.exponential(1.0, self.n))

    def leavers(self, rng: np.random.Generator) -> np.ndarray:
        """Return the homes whose resident dies or moves out this week.

        Deaths follow a Gompertz hazard in age raised by frailty; moves follow the turnover
        rate; and frail residents whose needs stay unmet for months move to a care home.
        """
        yearly = GOMPERTZ_A * np.exp(GOMPERTZ_B * self.age) * (1 + 2 * self.frailty)
        yearly += self.params.turnover_per_year
        weekly = 1.0 - np.exp(-yearly / WEEKS_PER_YEAR)
        to_care_home = (self.frailty > 0.8) & (self.unmet_weeks > 26)
        weekly = np.where(to_care_home, np.maximum(weekly, 0.05), weekly)
        return np.flatnonzero(rng.random(self.n) < weekly)

    def draw_needs(self, rng: np.random.Generator) -> None:
        """Draw this week's care need (*draaglast*) in hours.

        A group baseline (company, practical help) plus a frailty part (transport, personal
        care) that grows steeply with frailty; weekly variation is gamma distributed.
        """
        base = np.array([GROUP_PROFILES[Group(g)].base_need for g in range(len(Group))])
        mean = self.params.need_scale * (base[self.group] + FRAIL_NEED_HOURS * self.frailty**2)
        self.need = np.where(mean > 0, rng.gamma(2.0, np.maximum(mean, 1e-9) / 2.0), 0.0)
        self.given[:] = 0
        self.given_informal[:] = 0
        self.received[:] = 0

    def capacity(self, slots: np.ndarray | slice = slice(None)) -> np.ndarray:
        """Hours residents can give this week (*draagkracht*): less when frail or burnt out.

        Args:
            slots: Which residents (default: all).
        """
        cap = self.capacity_nominal[slots] * (1 - self.frailty[slots]) ** 2
        return np.where(self.burnout_weeks[slots] > 0, 0.0, cap)

    def update_after_care(self, unmet: np.ndarray, informal_received: np.ndarray) -> np.ndarray:
        """Update reciprocity balance, strain and burnout after the week's care.

        Args:
            unmet: Hours of need left unmet per resident this week.
            informal_received: Hours of help received from other residents.

        Returns:
            Slots of helpers who burnt out this week.
        """
        self.balance = 0.99 * self.balance + self.given - informal_received
        load = self.given / np.maximum(self.capacity_nominal, 0.5)
        self.strain = STRAIN_MEMORY * self.strain + (1 - STRAIN_MEMORY) * load
        self.burnout_weeks = np.maximum(self.burnout_weeks - 1, 0)
        burnt = np.flatnonzero((self.strain > 1.0) & (self.burnout_weeks == 0))
        self.burnout_weeks[burnt] = 26
        self.strain[burnt] = 0.0
        self.unmet_weeks = np.where(unmet > 0.5, self.unmet_weeks + 1, 0)
        return burnt

    def record_roles(self, week: int) -> None:
        """Remember who helped over their own ties and who held a volunteer or initiator role."""
        self.last_informal_week[self.given_informal > 0] = week
        self.last_volunteer_week[self.is_volunteer | self.is_initiator] = week
