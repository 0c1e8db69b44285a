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
from ..state.population import Population

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
    scale = params.frailty_age_scale
    _age_and_grow_frail(pop.age, pop.frailty, rng.exponential(1.0, pop.n), params.frailty_rate,
                        scale)
    steps = rng.exponential(1.0, pop.n)
    dies = rng.random(pop.n)
    # The exponentials are numpy's (elementwise, as in frailty_growth and mortality_hazard);
    # a compiled exp may differ in the last bit.
    growth = np.exp((pop.age - FRAILTY_RATE_AGE) / scale)
    gompertz = np.exp(params.gompertz_b * pop.age)
    exponent = _partner_ages(pop.partner, pop.partner_frailty, growth, gompertz, steps,
                             params.frailty_rate, params.gompertz_a, params.frailty_mortality)
    _widowhood(pop.partner, pop.partner_frailty, pop.household_load, dies, np.exp(exponent))


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
def _age_and_grow_frail(age, frailty, draws, rate, scale):
    """A week older; frailty grows by rate × exp((age − 75) / scale) × Exponential(1), up to 1."""
    for i in range(len(age)):
        age[i] += 1.0 / WEEKS_PER_YEAR
        growth = rate * np.exp((age[i] - FRAILTY_RATE_AGE) / scale) * draws[i]
        frailty[i] = min(1.0, frailty[i] + growth)


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
    care_home = (params.care_home_frailty, params.care_home_unmet_weeks, params.care_home_weekly)
    return np.flatnonzero(_leaving(pop.age, pop.frailty, pop.unmet_weeks, rng.random(pop.n),
                                   params.turnover_per_year, older_turnover, params.gompertz_a,
                                   params.gompertz_b, params.frailty_mortality, care_home))


@njit(cache=True)
def _leaving(age, frailty, unmet_weeks, draws, turnover, older_turnover, gompertz_a, gompertz_b,
             frailty_mortality, care_home):
    """Whether each resident dies or moves out this week (see :func:`leavers`).

    ``care_home`` is (frailty above which, unmet weeks after which, least weekly chance).
    """
    home_frailty, home_weeks, home_weekly = care_home
    out = np.zeros(len(age), np.bool_)
    for i in range(len(age)):
        moving = older_turnover if age[i] >= OLDER_AGE else turnover
        yearly = (gompertz_a * np.exp(gompertz_b * age[i]) * (1 + frailty_mortality * frailty[i])
                  + moving)
        weekly = 1.0 - np.exp(-yearly / WEEKS_PER_YEAR)
        if frailty[i] > home_frailty and unmet_weeks[i] > home_weeks:
            weekly = max(weekly, home_weekly)
        out[i] = draws[i] < weekly
    return out


def draw_needs(pop: Population, params: Parameters, rng: np.random.Generator) -> None:
    """Draw this week's care need (*draaglast*) of every resident and partner, in hours.

    A group baseline (company, practical help) plus a frailty part (transport, personal care)
    that grows with the square of frailty; weekly variation is Gamma distributed. A partner's
    need has the frailty part only (partners are not of a group with a baseline need). Besides
    care, a household needs a small favour now and then (``favour_rate``, Exponential hours of
    mean ``favour_hours``) that only someone outside the home can do.
    """
    scale, partner_scale = _need_scales(pop.base_need(), pop.frailty, pop.partner,
                                        pop.partner_frailty, params.need_scale,
                                        params.frail_need_hours, params.need_shape)
    shape = params.need_shape
    # Gamma(shape, scale) drawn as scale × a standard Gamma: the same numbers as rng.gamma, which
    # spends longer checking an array of scales than drawing
    pop.need = rng.standard_gamma(shape, pop.n) * scale  # one draw per home
    pop.partner_need = rng.standard_gamma(shape, pop.n) * partner_scale  # one draw per home
    asks = rng.random(pop.n)  # one draw per home ...
    pop.favour_need = _favours(asks, rng.exponential(1.0, pop.n), params.favour_rate,
                               params.favour_hours)


@njit(cache=True)
def _need_scales(base, frailty, partner, partner_frailty, need_scale, frail_hours, shape):
    """The Gamma scales of the resident's and the partner's need (mean / ``shape``)."""
    scale = np.empty(len(base))
    partner_scale = np.empty(len(base))
    for i in range(len(base)):
        mean = need_scale * (base[i] + frail_hours * (frailty[i] * frailty[i]))
        scale[i] = most(mean, 0.0) / shape
        f = partner_frailty[i]
        partner_mean = need_scale * frail_hours * (f * f) if partner[i] else 0.0
        partner_scale[i] = partner_mean / shape
    return scale, partner_scale


@njit(cache=True)
def _favours(asks, hours, rate, favour_hours):
    """Hours of a favour: ``favour_hours`` × an Exponential draw where a home asks one."""
    out = np.empty(len(asks))
    for i in range(len(asks)):
        out[i] = favour_hours * hours[i] if asks[i] < rate else 0.0
    return out
