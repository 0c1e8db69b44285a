"""Ageing, frailty, leaving and newcomers, and the population's own steady state.

Rules (``docs/odd.md`` 7.3):

* Frailty grows with an exponential age hazard (the form of Gostoli & Silverman's social-care
  ABM) and drives the weekly care need (*draaglast*).
* Mortality is a Gompertz hazard raised by frailty (set against Dutch life tables: about 5% a
  year at 80 and 14% at 90 before frailty); households move out at ``turnover_per_year``.
* Every home that empties gets a newcomer at once.

**Steady state.** A neighbourhood whose residents age, die and move is only stationary if the
people living there have the age and frailty that this very process produces. The starting
population is therefore drawn from that process's stationary distribution, computed by following
a cohort of newcomers of each group from arrival until they leave (:func:`stationary_population`):
in a stationary renewal process the residents present at any moment are the newcomers' life
courses weighted by the time they spend in each state. The newcomer mix is weighted by the
inverse of each group's mean length of stay, so that the residents' mix equals the declared
group shares. Need then stays level over decades unless ``ageing_trend`` (*vergrijzing*) moves
the population away from it.
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
from ..state.groups import GROUP_PROFILES, Group, group_shares
from ..state.population import Population
from .residents import TRAIT_DRAWS, settle

if TYPE_CHECKING:
    from ..state.streams import Streams

__all__ = [
    "StationaryPopulation",
    "age_one_week",
    "arrival_frailty",
    "draw_newcomers",
    "draw_residents",
    "leavers",
    "stationary_population",
]

GOMPERTZ_A = 1.7e-5  # yearly mortality hazard at age 0 (Dutch life tables, set by eye)
GOMPERTZ_B = 0.10  # per year of age
FRAILTY_MORTALITY = 2.0  # a fully frail resident's mortality is (1 + this) times as high
FRAILTY_AGE_SCALE = 8.0  # years for the frailty hazard to grow e-fold
CARE_HOME_FRAILTY = 0.8  # residents this frail ...
CARE_HOME_UNMET_WEEKS = 26  # ... whose needs stayed unmet this long ...
CARE_HOME_WEEKLY = 0.05  # ... move to a care home with at least this weekly chance
# Vergrijzing (ageing_trend = 1): over AGEING_YEARS the moving-out rate of residents aged
# OLDER_AGE+ falls by AGEING_IN_PLACE and the inflow of older newcomers rises by
# OLDER_INFLOW_RISE, which takes the 80+ share from about 1 in 21 towards 1 in 12
# (CBS projection for 2040; docs/odd.md 7.3).
AGEING_YEARS = 20.0
OLDER_AGE = 65.0
AGEING_IN_PLACE = 0.7
OLDER_INFLOW_RISE = 1.2
# The cohort that approximates the stationary population (a numerical integral, the same for
# every seed): members per group, time step and horizon.
COHORT_SIZE = 300
COHORT_STEP_WEEKS = 4
COHORT_YEARS = 110
COHORT_SEED = 20_261_202
_MIN_AGE = np.array([GROUP_PROFILES[g].min_age for g in Group])
_MAX_AGE = np.array([GROUP_PROFILES[g].max_age for g in Group])


def arrival_frailty(age: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Frailty of a newcomer: only the very old arrive frail (assumption).

    Args:
        age: Age at arrival, years.
        u: Uniform draws in [0, 1).
    """
    return np.clip(np.exp((age - 95.0) / FRAILTY_AGE_SCALE) * u, 0.0, 0.95)


def _yearly_exit_hazard(
    age: np.ndarray, frailty: np.ndarray, turnover: float | np.ndarray
) -> np.ndarray:
    """Yearly hazard of dying or moving out."""
    return GOMPERTZ_A * np.exp(GOMPERTZ_B * age) * (1 + FRAILTY_MORTALITY * frailty) + turnover


@dataclass(frozen=True)
class StationaryPopulation:
    """Residents as the neighbourhood's own demography leaves them, per group.

    Attributes:
        age: Per group, ages of the cohort's person-time samples.
        frailty: Per group, their frailty.
        cumulative_weight: Per group, running sum of each sample's person-time weight.
        stay_years: Mean years a newcomer of each group stays (dies or moves).
        newcomer_shares: Group mix of newcomers that keeps the residents' mix at the declared
            shares: share / mean stay, normalised.
    """

    age: tuple[np.ndarray, ...]
    frailty: tuple[np.ndarray, ...]
    cumulative_weight: tuple[np.ndarray, ...]
    stay_years: np.ndarray
    newcomer_shares: np.ndarray


_COHORT_LOCK = threading.Lock()
"""One thread computes a setting's cohort while others wait for it: a dashboard with many sessions
whose spin-ups came from the disk cache would otherwise compute it once per session, at once."""


@lru_cache(maxsize=64)
def _cohort(turnover: float, frailty_rate: float) -> tuple[tuple, tuple, tuple, np.ndarray]:
    """Follow newcomers of every group from arrival until they leave; cached per setting."""
    rng = np.random.default_rng(COHORT_SEED)
    groups = np.repeat(np.arange(len(Group)), COHORT_SIZE)
    lo = np.array([GROUP_PROFILES[Group(g)].min_age for g in groups])
    hi = np.array([GROUP_PROFILES[Group(g)].max_age for g in groups])
    stratum = (np.tile(np.arange(COHORT_SIZE), len(Group)) + 0.5) / COHORT_SIZE
    age = lo + (hi - lo) * stratum
    frailty = arrival_frailty(age, rng.random(len(age)))
    alive = np.ones(len(age))  # chance of still living here
    dt = COHORT_STEP_WEEKS / WEEKS_PER_YEAR
    phase = rng.integers(0, 13, len(age))  # record each member once a year, at its own phase
    samples: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    stay = np.zeros(len(age))
    for step in range(int(COHORT_YEARS / dt)):
        stay += alive * dt
        record = (step % 13) == phase
        samples.append((groups[record], age[record], frailty[record], alive[record]))
        hazard = _yearly_exit_hazard(age, frailty, turnover)
        alive *= np.exp(-hazard * dt)
        growth = frailty_rate * np.exp((age - 75.0) / FRAILTY_AGE_SCALE)
        frailty = np.minimum(1.0, frailty + growth * rng.gamma(COHORT_STEP_WEEKS, 1.0, len(age)))
        age = age + dt
        if alive.max() < 1e-5:
            break
    g, a, f, w = (np.concatenate(x) for x in zip(*samples, strict=True))
    ages = tuple(a[g == k] for k in range(len(Group)))
    frail = tuple(f[g == k] for k in range(len(Group)))
    weights = tuple(np.cumsum(w[g == k]) for k in range(len(Group)))
    stay_years = np.array([stay[groups == k].mean() for k in range(len(Group))])
    return ages, frail, weights, stay_years


def stationary_population(params: Parameters) -> StationaryPopulation:
    """The stationary distribution of residents for these parameters (cached per setting).

    Args:
        params: The run's parameters (turnover, frailty rate and group shares are used).

    Returns:
        Samples of each group's residents and the newcomer mix that keeps them stationary.
    """
    with _COHORT_LOCK:
        ages, frail, weights, stay_years = _cohort(params.turnover_per_year, params.frailty_rate)
    shares = group_shares(params)
    newcomer = shares / stay_years
    return StationaryPopulation(
        age=ages, frailty=frail, cumulative_weight=weights, stay_years=stay_years,
        newcomer_shares=newcomer / newcomer.sum(),
    )


def draw_residents(
    pop: Population, params: Parameters, rng: np.random.Generator, week: int
) -> None:
    """Fill every home with a resident drawn from the stationary population.

    Groups follow the declared shares; age and frailty follow the group's person-time.

    Args:
        pop: The (empty) population.
        params: The run's parameters.
        rng: The set-up stream.
        week: The week they are counted as having arrived (the start of the spin-up).
    """
    table = stationary_population(params)
    groups = rng.choice(len(Group), size=pop.n, p=group_shares(params)).astype(np.int8)
    ages = np.zeros(pop.n)
    frailty = np.zeros(pop.n)
    for g in range(len(Group)):
        rows = np.flatnonzero(groups == g)
        if len(rows) == 0:
            continue
        cum = table.cumulative_weight[g]
        pick = np.searchsorted(cum, rng.random(len(rows)) * cum[-1], side="right")
        pick = np.minimum(pick, len(cum) - 1)
        ages[rows] = table.age[g][pick]
        frailty[rows] = table.frailty[g][pick]
    settle(pop, np.arange(pop.n), groups, ages, frailty, params,
           rng.random((pop.n, TRAIT_DRAWS)), week)


def ageing_progress(params: Parameters, week: int) -> float:
    """How far *vergrijzing* has gone (0..``ageing_trend``): it starts at week 0."""
    if params.ageing_trend <= 0 or week <= 0:
        return 0.0
    return params.ageing_trend * min(1.0, week / (AGEING_YEARS * WEEKS_PER_YEAR))


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
    shares = stationary_population(params).newcomer_shares.copy()
    progress = ageing_progress(params, week)
    if progress > 0:
        shares[Group.OLDER] *= 1 + OLDER_INFLOW_RISE * progress
        shares /= shares.sum()
    draws = np.array([streams.newcomer(home, int(pop.generation[home]) + 1).random(3 + TRAIT_DRAWS)
                      for home in slots.tolist()])
    groups = np.searchsorted(np.cumsum(shares), draws[:, 0] * shares.sum(), side="right")
    groups = np.minimum(groups, len(Group) - 1).astype(np.int8)
    designed = pop.home_group[slots]
    groups = np.where(designed >= 0, designed, groups).astype(np.int8)
    lo, hi = _MIN_AGE[groups], _MAX_AGE[groups]
    ages = lo + (hi - lo) * draws[:, 1]
    frailty = arrival_frailty(ages, draws[:, 2])
    settle(pop, slots, groups, ages, frailty, params, draws[:, 3:], week)


def age_one_week(pop: Population, params: Parameters, rng: np.random.Generator) -> None:
    """Everyone ages a week; frailty grows with an age-dependent hazard (Exponential steps)."""
    _age_and_grow_frail(pop.age, pop.frailty, rng.exponential(1.0, pop.n), params.frailty_rate)


@njit(cache=True)
def _age_and_grow_frail(age, frailty, draws, rate):
    """A week older; frailty grows by rate × exp((age − 75) / 8) × Exponential(1), up to 1."""
    for i in range(len(age)):
        age[i] += 1.0 / WEEKS_PER_YEAR
        growth = rate * np.exp((age[i] - 75.0) / FRAILTY_AGE_SCALE) * draws[i]
        frailty[i] = min(1.0, frailty[i] + growth)


def leavers(
    pop: Population, params: Parameters, rng: np.random.Generator, week: int
) -> np.ndarray:
    """Return the homes whose resident dies or moves out this week.

    Deaths follow a Gompertz hazard raised by frailty; moves follow the turnover rate (lower for
    older residents as *vergrijzing* progresses); frail residents whose needs stay unmet for half
    a year move to a care home.
    """
    older_turnover = params.turnover_per_year * (1 - AGEING_IN_PLACE * ageing_progress(params,
                                                                                       week))
    return np.flatnonzero(_leaving(pop.age, pop.frailty, pop.unmet_weeks, rng.random(pop.n),
                                   params.turnover_per_year, older_turnover))


@njit(cache=True)
def _leaving(age, frailty, unmet_weeks, draws, turnover, older_turnover):
    """Whether each resident dies or moves out this week (see :func:`leavers`)."""
    out = np.zeros(len(age), np.bool_)
    for i in range(len(age)):
        moving = older_turnover if age[i] >= OLDER_AGE else turnover
        yearly = (GOMPERTZ_A * np.exp(GOMPERTZ_B * age[i]) * (1 + FRAILTY_MORTALITY * frailty[i])
                  + moving)
        weekly = 1.0 - np.exp(-yearly / WEEKS_PER_YEAR)
        if frailty[i] > CARE_HOME_FRAILTY and unmet_weeks[i] > CARE_HOME_UNMET_WEEKS:
            weekly = max(weekly, CARE_HOME_WEEKLY)
        out[i] = draws[i] < weekly
    return out


NEED_SHAPE = 2.0  # weekly need varies as a Gamma with this shape around its mean


def draw_needs(pop: Population, params: Parameters, rng: np.random.Generator) -> None:
    """Draw this week's care need (*draaglast*) in hours.

    A group baseline (company, practical help) plus a frailty part (transport, personal care)
    that grows with the square of frailty; weekly variation is Gamma distributed.
    """
    mean = params.need_scale * (pop.base_need() + params.frail_need_hours * pop.frailty**2)
    pop.need = rng.gamma(NEED_SHAPE, np.maximum(mean, 0.0) / NEED_SHAPE)  # one draw per home
