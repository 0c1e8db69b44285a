"""A life course in the neighbourhood: ageing, frailty, death, moving, a partner's life, need.

Rules (``docs/odd.md`` 7.3):

* Frailty grows with an exponential age hazard (the form of Gostoli & Silverman's social-care
  ABM) and drives the weekly care need (*draaglast*); a partner in the home ages and grows frail
  the same way, with draws of their own.
* Mortality is a Gompertz hazard raised by frailty (set against Dutch life tables: about 5% a
  year at 80 and 14% at 90 before frailty); households move out at ``turnover_per_year``; frail
  residents whose needs stay unmet for half a year move to a care home. A partner who dies
  leaves the resident living alone (widowhood).
* *Vergrijzing* (``ageing_trend``) lowers older residents' moving rate from week 0 on.

Every draw here comes from the demography generator stream, a fixed number per home per week
(``docs/odd.md`` 4.9), so these draws stay keyed by home in every arm.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit

from ..calendar import WEEKS_PER_YEAR
from ..parameters import Parameters
from ..state.numeric import clip, least, most
from ..state.population import BASE_NEED, Population

__all__ = [
    "AGEING_YEARS",
    "FRAILTY_RATE_AGE",
    "OLDER_AGE",
    "LifeTable",
    "ageing_progress",
    "arrival_frailty",
    "draw_needs",
    "frailty_growth",
    "frailty_on_arrival",
    "grow_older",
    "leavers",
    "mortality_hazard",
]

FRAILTY_RATE_AGE = 75.0
"""The age at which frailty grows by ``frailty_rate`` a week: where that parameter is measured."""
AGEING_YEARS = 20.0
"""Years over which *vergrijzing* (``ageing_trend``) reaches its full effect: the horizon of the
CBS projection (2020-2040) that defines ``ageing_trend`` = 1."""
OLDER_AGE = 65.0
"""The age from which residents move out less under *vergrijzing* (``ageing_in_place``)."""


@dataclass(frozen=True)
class LifeTable:
    """The assumptions of mortality and frailty that ageing, arrival and the cohort share.

    Attributes:
        gompertz_a: Yearly mortality hazard at age 0.
        gompertz_b: Its growth per year of age.
        frailty_mortality: A fully frail person's mortality is (1 + this) times as high.
        frailty_age_scale: Years of age over which frailty's growth rises e-fold.
        arrival_frail_age: A newcomer this old arrives with frailty drawn up to 1.
        arrival_frailty_max: Nobody arrives frailer than this.
    """

    gompertz_a: float
    gompertz_b: float
    frailty_mortality: float
    frailty_age_scale: float
    arrival_frail_age: float
    arrival_frailty_max: float

    @classmethod
    def of(cls, params: Parameters) -> LifeTable:
        """The life table of these parameters."""
        return cls(params.gompertz_a, params.gompertz_b, params.frailty_mortality,
                   params.frailty_age_scale, params.arrival_frail_age,
                   params.arrival_frailty_max)


def arrival_frailty(age: np.ndarray, u: np.ndarray, table: LifeTable) -> np.ndarray:
    """Frailty of a newcomer (or their partner): only the very old arrive frail (assumption).

    Args:
        age: Age at arrival, years.
        u: Uniform draws in [0, 1).
        table: The life table in force.
    """
    return frailty_on_arrival(np.exp((age - table.arrival_frail_age) / table.frailty_age_scale),
                              u, table.arrival_frailty_max)


@njit(cache=True)
def frailty_on_arrival(growth, u, most_frail):
    """Frailty on arrival: ``growth`` × ``u`` within [0, ``most_frail``] (as numpy's ``clip``).

    Args:
        growth: exp((age − ``arrival_frail_age``) / ``frailty_age_scale``) per person.
        u: Uniform draws in [0, 1).
        most_frail: ``arrival_frailty_max``.
    """
    out = np.empty(len(growth))
    for i in range(len(growth)):
        out[i] = clip(growth[i] * u[i], 0.0, most_frail)
    return out


def mortality_hazard(age: np.ndarray, frailty: np.ndarray, table: LifeTable) -> np.ndarray:
    """Yearly hazard of dying: Gompertz in age, raised by frailty."""
    return (table.gompertz_a * np.exp(table.gompertz_b * age)
            * (1 + table.frailty_mortality * frailty))


def frailty_growth(age: np.ndarray, rate: float, table: LifeTable) -> np.ndarray:
    """Mean weekly growth of frailty at ``age``: ``rate`` × exp((age − 75) / age scale)."""
    return rate * np.exp((age - FRAILTY_RATE_AGE) / table.frailty_age_scale)


def ageing_progress(params: Parameters, week: int) -> float:
    """How far *vergrijzing* has gone (0..``ageing_trend``): it starts at week 0."""
    if params.ageing_trend <= 0 or week <= 0:
        return 0.0
    return params.ageing_trend * min(1.0, week / (AGEING_YEARS * WEEKS_PER_YEAR))


def grow_older(pop: Population, params: Parameters, rng: np.random.Generator) -> None:
    """Everyone ages a week; the resident's and the partner's frailty grow, a partner may die.

    Frailty grows in Exponential steps around :func:`frailty_growth`; a partner dies with the
    weekly chance of :func:`mortality_hazard` at the resident's age and the partner's frailty.
    """
    n = pop.n
    steps = rng.standard_exponential((2, n))  # the resident's, then the partner's: one per home
    dies = rng.random(n)  # one per home
    # The exponentials of the partner's frailty growth and Gompertz hazard are numpy's
    # (elementwise, as in frailty_growth and mortality_hazard): a compiled exp may differ in the
    # last bit. Their exponents come from the kernel, the same numbers numpy gives.
    growth_and_gompertz = np.exp(_age_and_grow_frail(
        pop.age, pop.frailty, steps[0], params.frailty_rate, params.frailty_age_scale,
        params.gompertz_b))
    exponent = _partner_ages(pop.partner, pop.partner_frailty, growth_and_gompertz[:n],
                             growth_and_gompertz[n:], steps[1], params.frailty_rate,
                             params.gompertz_a, params.frailty_mortality)
    _widowhood(pop.partner, pop.partner_frailty, pop.household_load, dies,
               np.exp(exponent, out=exponent))


@njit(cache=True)
def _partner_ages(partner, partner_frailty, growth, gompertz, steps, rate, gompertz_a,
                  frailty_mortality):
    """Every partner's frailty grows (in place); the exponent of their weekly survival.

    ``growth`` is exp((age − 75) / age scale) and ``gompertz`` exp(``gompertz_b`` × age) per
    home; a partner's frailty grows by ``rate`` × growth × their Exponential step, up to 1.

    Returns:
        Per home, −(yearly mortality hazard) / weeks per year for a partner (0 without one).
    """
    exponent = np.zeros(len(partner))
    for i in range(len(partner)):
        if not partner[i]:
            continue
        f = least(1.0, partner_frailty[i] + rate * growth[i] * steps[i])
        partner_frailty[i] = f
        exponent[i] = -(gompertz_a * gompertz[i] * (1 + frailty_mortality * f)) / WEEKS_PER_YEAR
    return exponent


@njit(cache=True)
def _widowhood(partner, partner_frailty, household_load, dies, survival):
    """A partner dies with their weekly chance 1 − ``survival``; the resident lives alone."""
    for i in range(len(partner)):
        if partner[i] and dies[i] < 1.0 - survival[i]:
            partner[i] = False
            partner_frailty[i] = 0.0
            household_load[i] = 0.0




@njit(cache=True)
def _age_and_grow_frail(age, frailty, draws, rate, scale, gompertz_b):
    """A week older; frailty grows by rate × exp((age − 75) / scale) × Exponential(1), up to 1.

    Returns:
        The exponents of the partner's growth and hazard at the new age: (age − 75) / scale
        for every home, then ``gompertz_b`` × age for every home.
    """
    n = len(age)
    exponents = np.empty(2 * n)
    for i in range(n):
        age[i] += 1.0 / WEEKS_PER_YEAR
        growth = rate * np.exp((age[i] - FRAILTY_RATE_AGE) / scale) * draws[i]
        frailty[i] = min(1.0, frailty[i] + growth)
        exponents[i] = (age[i] - FRAILTY_RATE_AGE) / scale
        exponents[n + i] = gompertz_b * age[i]
    return exponents


def leavers(
    pop: Population, params: Parameters, rng: np.random.Generator, week: int
) -> np.ndarray:
    """Return the homes whose resident dies or moves out this week.

    Deaths follow a Gompertz hazard raised by frailty; moves follow the turnover rate (lower for
    older residents as *vergrijzing* progresses); frail residents whose needs stay unmet for half
    a year move to a care home.
    """
    older_turnover = params.turnover_per_year * (
        1 - params.ageing_in_place * ageing_progress(params, week))
    return _leaving(pop.age, pop.frailty, pop.unmet_weeks, rng.random(pop.n),
                    params.turnover_per_year, older_turnover, params.gompertz_a,
                    params.gompertz_b, params.frailty_mortality, params.care_home_frailty,
                    params.care_home_unmet_weeks, params.care_home_weekly)


@njit(cache=True)
def _leaving(age, frailty, unmet_weeks, draws, turnover, older_turnover, gompertz_a, gompertz_b,
             frailty_mortality, home_frailty, home_weeks, home_weekly):
    """The homes whose resident dies or moves out this week (see :func:`leavers`), in order.

    A resident above ``home_frailty`` whose needs stayed unmet more than ``home_weeks`` weeks
    leaves at least with the weekly chance ``home_weekly`` (a move to a care home).
    """
    out = np.empty(len(age), np.int64)
    count = 0
    for i in range(len(age)):
        moving = older_turnover if age[i] >= OLDER_AGE else turnover
        yearly = (gompertz_a * np.exp(gompertz_b * age[i]) * (1 + frailty_mortality * frailty[i])
                  + moving)
        weekly = 1.0 - np.exp(-yearly / WEEKS_PER_YEAR)
        if frailty[i] > home_frailty and unmet_weeks[i] > home_weeks:
            weekly = max(weekly, home_weekly)
        if draws[i] < weekly:
            out[count] = i
            count += 1
    return out[:count].copy()


def draw_needs(pop: Population, params: Parameters, rng: np.random.Generator) -> None:
    """Draw this week's care need (*draaglast*) of every resident and partner, in hours.

    A group baseline (company, practical help) plus a frailty part (transport, personal care)
    that grows with the square of frailty; weekly variation is Gamma distributed. A partner's
    need has the frailty part only (partners are not of a group with a baseline need). Besides
    care, a household needs a small favour now and then (``favour_rate``, Exponential hours of
    mean ``favour_hours``) that only someone outside the home can do.
    """
    # One draw of each kind per home, in this order; Gamma(shape, scale) is drawn as scale × a
    # standard Gamma: the same numbers as rng.gamma, which spends longer checking an array of
    # scales than drawing.
    gammas = rng.standard_gamma(params.need_shape, (2, pop.n))  # the resident's, the partner's
    asks = rng.random(pop.n)
    favour_hours = rng.standard_exponential(pop.n)
    pop.need, pop.partner_need, pop.favour_need = _needs(
        pop.group, BASE_NEED, pop.frailty, pop.partner, pop.partner_frailty, gammas[0],
        gammas[1], asks, favour_hours, params.need_scale, params.frail_need_hours,
        params.need_shape, params.favour_rate, params.favour_hours)


@njit(cache=True)
def _needs(group, base_need, frailty, partner, partner_frailty, gamma, partner_gamma, asks,
           favour_draws, need_scale, frail_hours, shape, favour_rate, favour_hours):
    """This week's need of every resident and partner and their favour (see :func:`draw_needs`).

    The Gamma scale of a need is its mean / ``shape``; ``base_need`` is each group's baseline.

    Returns:
        ``(need, partner_need, favour_need)`` in hours, one of each per home.
    """
    n = len(group)
    need = np.empty(n)
    partner_need = np.empty(n)
    favour_need = np.empty(n)
    for i in range(n):
        mean = need_scale * (base_need[group[i]] + frail_hours * (frailty[i] * frailty[i]))
        need[i] = gamma[i] * (most(mean, 0.0) / shape)
        f = partner_frailty[i]
        partner_mean = need_scale * frail_hours * (f * f) if partner[i] else 0.0
        partner_need[i] = partner_gamma[i] * (partner_mean / shape)
        favour_need[i] = favour_hours * favour_draws[i] if asks[i] < favour_rate else 0.0
    return need, partner_need, favour_need
