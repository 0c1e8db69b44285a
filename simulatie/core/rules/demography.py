"""Who lives here: the population's own steady state, and newcomers in the homes that empty.

Rules (``docs/odd.md`` 7.3); how residents age, leave and need care is :mod:`.lifecourse`.

* Every home that empties gets a newcomer at once, of a group drawn so that the residents' mix
  stays at the declared shares; a home built for one group gets a newcomer of that group.

**Steady state.** A neighbourhood whose residents age, die and move is only stationary if the
people living there have the age and frailty that this very process produces. The starting
population is therefore drawn from that process's stationary distribution, computed by following
a cohort of newcomers of each group from arrival until they leave (:func:`stationary_population`):
in a stationary renewal process the residents present at any moment are the newcomers' life
courses weighted by the time they spend in each state. The cohort follows each newcomer's
partner too (whether they are still alive, and how frail), so that the starting households are
the ones the process leaves. The newcomer mix is weighted by the inverse of each group's mean
length of stay, so that the residents' mix equals the declared group shares. Need then stays
level over decades unless ``ageing_trend`` (*vergrijzing*) moves the population away from it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from ..calendar import WEEKS_PER_YEAR
from ..parameters import Parameters
from ..state.groups import GROUP_PROFILES, Group, group_shares, partner_chance
from ..state.population import Population
from .lifecourse import (
    LifeTable,
    ageing_progress,
    arrival_frailty,
    frailty_growth,
    frailty_on_arrival,
    mortality_hazard,
)
from .residents import TRAIT_DRAWS, settle

if TYPE_CHECKING:
    from ..state.streams import Streams

__all__ = [
    "StationaryPopulation",
    "draw_newcomers",
    "draw_residents",
    "stationary_population",
]

# The cohort that approximates the stationary population (a numerical integral, the same for
# every seed): members per group, time step and horizon.
COHORT_SIZE = 300
COHORT_STEP_WEEKS = 4
COHORT_YEARS = 110
COHORT_SEED = 20_261_202
_MIN_AGE = np.array([GROUP_PROFILES[g].min_age for g in Group])
_MAX_AGE = np.array([GROUP_PROFILES[g].max_age for g in Group])
_PARTNER = np.array([GROUP_PROFILES[g].partner for g in Group])


@dataclass(frozen=True)
class StationaryPopulation:
    """Residents as the neighbourhood's own demography leaves them, per group.

    Attributes:
        age: Per group, ages of the cohort's person-time samples.
        frailty: Per group, their frailty.
        partner_alive: Per group, the chance that a partner who moved in with them still lives.
        partner_frailty: Per group, that partner's frailty.
        cumulative_weight: Per group, running sum of each sample's person-time weight.
        stay_years: Mean years a newcomer of each group stays (dies or moves).
        newcomer_shares: Group mix of newcomers that keeps the residents' mix at the declared
            shares: share / mean stay, normalised.
    """

    age: tuple[np.ndarray, ...]
    frailty: tuple[np.ndarray, ...]
    partner_alive: tuple[np.ndarray, ...]
    partner_frailty: tuple[np.ndarray, ...]
    cumulative_weight: tuple[np.ndarray, ...]
    stay_years: np.ndarray
    newcomer_shares: np.ndarray


_COHORT_LOCK = threading.Lock()
"""One thread computes a setting's cohort while others wait for it: a dashboard with many sessions
whose spin-ups came from the disk cache would otherwise compute it once per session, at once."""


@lru_cache(maxsize=64)
def _cohort(turnover: float, frailty_rate: float, table: LifeTable) -> tuple[tuple, ...]:
    """Follow newcomers of every group (and their partners) until they leave; cached."""
    rng = np.random.default_rng(COHORT_SEED)
    groups = np.repeat(np.arange(len(Group)), COHORT_SIZE)
    lo, hi = _MIN_AGE[groups], _MAX_AGE[groups]
    stratum = (np.tile(np.arange(COHORT_SIZE), len(Group)) + 0.5) / COHORT_SIZE
    age = lo + (hi - lo) * stratum
    frailty = arrival_frailty(age, rng.random(len(age)), table)
    partner_frailty = arrival_frailty(age, rng.random(len(age)), table)
    alive = np.ones(len(age))  # chance of still living here
    partner_alive = np.ones(len(age))  # chance that the partner still lives
    dt = COHORT_STEP_WEEKS / WEEKS_PER_YEAR
    phase = rng.integers(0, 13, len(age))  # record each member once a year, at its own phase
    samples: list[tuple[np.ndarray, ...]] = []
    stay = np.zeros(len(age))
    for step in range(int(COHORT_YEARS / dt)):
        stay += alive * dt
        record = (step % 13) == phase
        samples.append((groups[record], age[record], frailty[record], partner_alive[record],
                        partner_frailty[record], alive[record]))
        alive *= np.exp(-(mortality_hazard(age, frailty, table) + turnover) * dt)
        partner_alive *= np.exp(-mortality_hazard(age, partner_frailty, table) * dt)
        growth = frailty_growth(age, frailty_rate, table)
        frailty = np.minimum(1.0, frailty + growth * rng.gamma(COHORT_STEP_WEEKS, 1.0, len(age)))
        partner_frailty = np.minimum(
            1.0, partner_frailty + growth * rng.gamma(COHORT_STEP_WEEKS, 1.0, len(age)))
        age = age + dt
        if alive.max() < 1e-5:
            break
    g, a, f, pa, pf, w = (np.concatenate(x) for x in zip(*samples, strict=True))
    per_group = [tuple(x[g == k] for k in range(len(Group))) for x in (a, f, pa, pf)]
    weights = tuple(np.cumsum(w[g == k]) for k in range(len(Group)))
    stay_years = np.array([stay[groups == k].mean() for k in range(len(Group))])
    return (*per_group, weights, stay_years)


def stationary_population(params: Parameters) -> StationaryPopulation:
    """The stationary distribution of residents for these parameters (cached per setting).

    Args:
        params: The run's parameters (turnover, frailty rate, the life table and group shares
            are used).

    Returns:
        Samples of each group's residents and the newcomer mix that keeps them stationary.
    """
    with _COHORT_LOCK:
        ages, frail, partner_alive, partner_frail, weights, stay_years = _cohort(
            params.turnover_per_year, params.frailty_rate, LifeTable.of(params))
    shares = group_shares(params)
    newcomer = shares / stay_years
    return StationaryPopulation(
        age=ages, frailty=frail, partner_alive=partner_alive, partner_frailty=partner_frail,
        cumulative_weight=weights, stay_years=stay_years,
        newcomer_shares=newcomer / newcomer.sum(),
    )


def draw_residents(
    pop: Population, params: Parameters, rng: np.random.Generator, week: int
) -> None:
    """Fill every home with a household drawn from the stationary population.

    Groups follow the declared shares; age, frailty and the partner (still alive, and how frail)
    follow the group's person-time.

    Args:
        pop: The (empty) population.
        params: The run's parameters.
        rng: The set-up stream.
        week: The week they are counted as having arrived (the start of the spin-up).
    """
    table = stationary_population(params)
    groups = rng.choice(len(Group), size=pop.n, p=group_shares(params)).astype(np.int8)
    picks = np.zeros(pop.n, dtype=np.int64)
    for g in range(len(Group)):
        rows = np.flatnonzero(groups == g)
        if len(rows) == 0:
            continue
        cum = table.cumulative_weight[g]
        pick = np.searchsorted(cum, rng.random(len(rows)) * cum[-1], side="right")
        picks[rows] = np.minimum(pick, len(cum) - 1)
    ages, frailty, partner_alive, partner_frailty = (
        np.array([values[g][p] for g, p in zip(groups.tolist(), picks.tolist(), strict=True)])
        for values in (table.age, table.frailty, table.partner_alive, table.partner_frailty))
    settle(pop, np.arange(pop.n), groups, ages, frailty, params,
           rng.random((pop.n, TRAIT_DRAWS)), week)
    chance = partner_chance(_PARTNER[groups], params.partner_odds)
    pop.partner[:] = rng.random(pop.n) < chance * partner_alive
    pop.partner_frailty[:] = np.where(pop.partner, partner_frailty, 0.0)


def draw_newcomers(
    pop: Population, slots: np.ndarray, params: Parameters, streams: Streams, week: int
) -> None:
    """Newcomers move into the empty homes ``slots``: group, age on arrival and frailty.

    Each newcomer's draws come from their own stream
    (:meth:`~simulatie.core.state.streams.Streams.newcomer`). A home built for one group
    (clustered housing, ``group_clustering``) gets a newcomer of that group.

    Args:
        pop: The population.
        slots: Homes that emptied this week.
        params: The run's parameters.
        streams: The run's random streams.
        week: The current week.
    """
    if len(slots) == 0:
        return
    cumulative, total = _newcomer_mix(params, week)
    draws = streams.newcomers_random(slots, pop.generation[slots] + 1, 3 + TRAIT_DRAWS)
    groups, ages, exponent = _arrivals(draws, cumulative, total, pop.home_group, slots, _MIN_AGE,
                                       _MAX_AGE, params.arrival_frail_age,
                                       params.frailty_age_scale)
    growth = np.exp(exponent)  # arrival_frailty's exponential (numpy's), for them and a partner
    frailty = frailty_on_arrival(growth, draws[:, 2], params.arrival_frailty_max)
    settle(pop, slots, groups, ages, frailty, params, draws[:, 3:], week, growth=growth)


_MIX: list[tuple[Parameters, np.ndarray, float]] = []
"""The last parameters' cumulative newcomer mix and its total, without *vergrijzing*."""


def _newcomer_mix(params: Parameters, week: int) -> tuple[np.ndarray, float]:
    """The cumulative newcomer mix of this week and its total (the mix need not sum to 1).

    The mix moves with *vergrijzing*; without it, it is kept for the parameters (they are
    frozen) until other parameters ask.
    """
    progress = ageing_progress(params, week)
    if progress <= 0:
        last = _MIX[-1] if _MIX else None
        if last is not None and last[0] is params:
            return last[1], last[2]
    shares = stationary_population(params).newcomer_shares.copy()
    if progress > 0:
        shares[Group.OLDER] *= 1 + params.older_inflow_rise * progress
        shares /= shares.sum()
    mix = np.cumsum(shares), shares.sum()
    if progress <= 0:
        _MIX[:] = [(params, *mix)]
    return mix


@njit(cache=True)
def _arrivals(draws, cumulative, total, home_group, slots, min_age, max_age, frail_age,
              age_scale):
    """Each newcomer's group (draw 0, unless the home is built for one) and age (draw 1).

    Returns:
        ``(groups, ages, exponent)`` as ``int8``, years and (age − ``frail_age``) /
        ``age_scale``, the exponent of :func:`~.lifecourse.arrival_frailty`.
    """
    groups = np.empty(len(slots), np.int8)
    ages = np.empty(len(slots))
    exponent = np.empty(len(slots))
    last = len(min_age) - 1
    for j in range(len(slots)):
        x = draws[j, 0] * total
        g = 0
        while g < len(cumulative) and cumulative[g] <= x:
            g += 1
        g = min(g, last)
        if home_group[slots[j]] >= 0:
            g = home_group[slots[j]]
        groups[j] = g
        ages[j] = min_age[g] + (max_age[g] - min_age[g]) * draws[j, 1]
        exponent[j] = (ages[j] - frail_age) / age_scale
    return groups, ages, exponent
