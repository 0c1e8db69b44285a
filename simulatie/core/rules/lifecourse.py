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

import numpy as np
from numba import njit

from ..calendar import WEEKS_PER_YEAR
from ..parameters import Parameters
from ..state.numeric import least, most
from ..state.population import Population

__all__ = [
    "ageing_progress",
    "arrival_frailty",
    "draw_needs",
    "frailty_growth",
    "grow_older",
    "leavers",
    "mortality_hazard",
]

GOMPERTZ_A = 1.7e-5  # yearly mortality hazard at age 0 (Dutch life tables, set by eye)
GOMPERTZ_B = 0.10  # per year of age
FRAILTY_MORTALITY = 2.0  # a fully frail resident's mortality is (1 + this) times as high
FRAILTY_AGE_SCALE = 8.0  # years for the frailty hazard to grow e-fold
FRAILTY_RATE_AGE = 75.0  # the age at which frailty grows at ``frailty_rate`` a week
ARRIVAL_FRAIL_AGE = 95.0  # a newcomer this old arrives with frailty up to 1 (uniform) ...
ARRIVAL_FRAILTY_MAX = 0.95  # ... and nobody arrives frailer than this
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
NEED_SHAPE = 2.0  # weekly need varies as a Gamma with this shape around its mean


def arrival_frailty(age: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Frailty of a newcomer (or their partner): only the very old arrive frail (assumption).

    Args:
        age: Age at arrival, years.
        u: Uniform draws in [0, 1).
    """
    return np.clip(np.exp((age - ARRIVAL_FRAIL_AGE) / FRAILTY_AGE_SCALE) * u, 0.0,
                   ARRIVAL_FRAILTY_MAX)


def mortality_hazard(age: np.ndarray, frailty: np.ndarray) -> np.ndarray:
    """Yearly hazard of dying: Gompertz in age, raised by frailty."""
    return GOMPERTZ_A * np.exp(GOMPERTZ_B * age) * (1 + FRAILTY_MORTALITY * frailty)


def frailty_growth(age: np.ndarray, rate: float) -> np.ndarray:
    """Mean weekly growth of frailty at ``age``: ``rate`` × exp((age − 75) / 8)."""
    return rate * np.exp((age - FRAILTY_RATE_AGE) / FRAILTY_AGE_SCALE)


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
    _age_and_grow_frail(pop.age, pop.frailty, rng.exponential(1.0, pop.n), params.frailty_rate)
    steps = rng.exponential(1.0, pop.n)
    dies = rng.random(pop.n)
    # The exponentials are numpy's (elementwise, as in frailty_growth and mortality_hazard);
    # a compiled exp may differ in the last bit.
    growth = np.exp((pop.age - FRAILTY_RATE_AGE) / FRAILTY_AGE_SCALE)
    gompertz = np.exp(GOMPERTZ_B * pop.age)
    exponent = _partner_ages(pop.partner, pop.partner_frailty, growth, gompertz, steps,
                             params.frailty_rate)
    _widowhood(pop.partner, pop.partner_frailty, pop.household_load, dies, np.exp(exponent))


@njit(cache=True)
def _partner_ages(partner, partner_frailty, growth, gompertz, steps, rate):
    """Every partner's frailty grows (in place); the exponent of their weekly survival.

    ``growth`` is exp((age − 75) / 8) and ``gompertz`` exp(``GOMPERTZ_B`` × age) per home; a
    partner's frailty grows by ``rate`` × growth × their Exponential step, up to 1.

    Returns:
        Per home, −(yearly mortality hazard) / weeks per year for a partner (0 without one).
    """
    exponent = np.zeros(len(partner))
    for i in range(len(partner)):
        if not partner[i]:
            continue
        f = least(1.0, partner_frailty[i] + rate * growth[i] * steps[i])
        partner_frailty[i] = f
        exponent[i] = -(GOMPERTZ_A * gompertz[i] * (1 + FRAILTY_MORTALITY * f)) / WEEKS_PER_YEAR
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
def _age_and_grow_frail(age, frailty, draws, rate):
    """A week older; frailty grows by rate × exp((age − 75) / 8) × Exponential(1), up to 1."""
    for i in range(len(age)):
        age[i] += 1.0 / WEEKS_PER_YEAR
        growth = rate * np.exp((age[i] - FRAILTY_RATE_AGE) / FRAILTY_AGE_SCALE) * draws[i]
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
                                        params.frail_need_hours)
    pop.need = rng.gamma(NEED_SHAPE, scale)  # one draw per home
    pop.partner_need = rng.gamma(NEED_SHAPE, partner_scale)  # one draw per home
    asks = rng.random(pop.n)  # one draw per home ...
    pop.favour_need = _favours(asks, rng.exponential(1.0, pop.n), params.favour_rate,
                               params.favour_hours)


@njit(cache=True)
def _need_scales(base, frailty, partner, partner_frailty, need_scale, frail_hours):
    """The Gamma scales of the resident's and the partner's need (mean / ``NEED_SHAPE``)."""
    scale = np.empty(len(base))
    partner_scale = np.empty(len(base))
    for i in range(len(base)):
        mean = need_scale * (base[i] + frail_hours * (frailty[i] * frailty[i]))
        scale[i] = most(mean, 0.0) / NEED_SHAPE
        f = partner_frailty[i]
        partner_mean = need_scale * frail_hours * (f * f) if partner[i] else 0.0
        partner_scale[i] = partner_mean / NEED_SHAPE
    return scale, partner_scale


@njit(cache=True)
def _favours(asks, hours, rate, favour_hours):
    """Hours of a favour: ``favour_hours`` × an Exponential draw where a home asks one."""
    out = np.empty(len(asks))
    for i in range(len(asks)):
        out[i] = favour_hours * hours[i] if asks[i] < rate else 0.0
    return out
