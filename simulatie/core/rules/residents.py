"""Who a new resident is: traits drawn from their group's profile (``docs/odd.md`` 5.1).

When a home empties (or at the start of the spin-up) a resident settles in it with their group,
age and frailty, and traits drawn by transforming uniform draws, so that each newcomer's traits
come from a fixed number of draws of their own stream (:data:`TRAIT_DRAWS`). Every other state
starts fresh: no roles, no strain, no history (seed 000: newcomers start as strangers).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit
from scipy.special import betaincinv, ndtri

from ..parameters import Parameters
from ..state.groups import GROUP_PROFILES, Group, partner_chance
from ..state.numeric import clip
from ..state.population import Population

__all__ = ["TRAIT_DRAWS", "settle"]

TRAIT_DRAWS = 10  # uniform draws that make one new resident's traits and household

_PROFILE_ARRAYS = {
    name: np.array([getattr(GROUP_PROFILES[g], name) for g in Group])
    for name in ("sociability", "capacity_factor", "ask_shift", "digital", "trust", "partner",
                 "family_nearby")
}


def settle(
    pop: Population,
    slots: np.ndarray,
    groups: np.ndarray,
    ages: np.ndarray,
    frailty: np.ndarray,
    params: Parameters,
    draws: np.ndarray,
    week: int,
    growth: np.ndarray | None = None,
) -> None:
    """Fill homes ``slots`` with new residents of the given groups, ages and frailty.

    Traits are drawn from the group profile by transforming uniform draws (one row of
    :data:`TRAIT_DRAWS` per resident): sociability ~ Beta around the group's mean (concentration
    ``sociability_concentration``), trust, ownership and the ask threshold ~ Normal around theirs
    (spreads ``trust_spread``, ``ownership_spread``, ``ask_threshold_spread``), draagkracht ~
    LogNormal(0, ``draagkracht_spread``) times the group's share of ``helper_capacity_hours``; a
    share ``organiser_share`` would take on organising at all. The household: a partner moves in
    with the group's chance (its odds times ``partner_odds``), as frail as a newcomer of that
    age; relatives live within reach with the group's chance, two of them in a share
    ``second_relative_share`` of those households. Every other state starts fresh.

    Args:
        pop: The population (changed in place).
        slots: Homes to fill.
        groups: Group of each new resident.
        ages: Age of each new resident, in years.
        frailty: Frailty of each new resident (0..1).
        params: The run's parameters.
        draws: ``(len(slots), TRAIT_DRAWS)`` uniform draws in [0, 1).
        week: Current week (the arrival week).
        growth: exp((age − ``arrival_frail_age``) / ``frailty_age_scale``) of each new resident,
            if the caller has it already (numpy's exponential; computed here otherwise).
    """
    if len(slots) == 0:
        return
    terms = _profile_terms(params)
    # The special functions and exponentials are scipy's and numpy's; the rest is _settle.
    normal = ndtri(draws[:, 1:5])
    sociability = betaincinv(terms.beta_a[groups], terms.beta_b[groups], draws[:, 0])
    lognormal = np.exp(params.draagkracht_spread * normal[:, 2])
    if growth is None:  # arrival_frailty's exponential, for a partner as old as the resident
        growth = np.exp((ages - params.arrival_frail_age) / params.frailty_age_scale)
    _settle(
        np.asarray(slots, np.int64), groups, ages, frailty, week, draws, normal, sociability,
        lognormal, growth, _PROFILE_ARRAYS["trust"], _PROFILE_ARRAYS["capacity_factor"],
        _PROFILE_ARRAYS["ask_shift"], _PROFILE_ARRAYS["digital"], _PROFILE_ARRAYS["family_nearby"],
        terms.partner, terms.trust_scale, params.helper_capacity_hours,
        params.ask_threshold, params.organiser_share, terms.spreads, pop.group, pop.age,
        pop.frailty, pop.arrived_week, pop.generation, pop.sociability, pop.trust,
        pop.ownership, pop.draagkracht_on_arrival, pop.ask_threshold, pop.digital, pop.organiser,
        pop.partner, pop.partner_frailty, pop.family_helpers)
    pop.clear_rows(slots)


@dataclass(frozen=True)
class _ProfileTerms:
    """What :func:`settle` reads of the group profiles under one set of parameters.

    Attributes:
        params: The parameters these terms belong to.
        beta_a: Per group, the first shape of the sociability Beta.
        beta_b: Per group, its second shape.
        partner: Per group, the chance to move in with a partner (odds times ``partner_odds``).
        trust_scale: The groups' trust is scaled by this (distrust from area risk).
        spreads: :func:`_spreads` of the parameters.
    """

    params: Parameters
    beta_a: np.ndarray
    beta_b: np.ndarray
    partner: np.ndarray
    trust_scale: float
    spreads: tuple[float, ...]


_TERMS: list[_ProfileTerms] = []
"""The last parameters' profile terms (parameters are frozen; kept until others ask)."""


def _profile_terms(params: Parameters) -> _ProfileTerms:
    """The group profiles' terms under ``params``, computed once per set of parameters.

    Each per-group value is the same number the per-resident computation gives, since
    indexing by group commutes with the elementwise arithmetic.
    """
    last = _TERMS[-1] if _TERMS else None
    if last is not None and last.params is params:
        return last
    soc = _PROFILE_ARRAYS["sociability"]
    concentration = params.sociability_concentration
    terms = _ProfileTerms(
        params=params,
        beta_a=concentration * soc + 0.5,
        beta_b=concentration * (1 - soc) + 0.5,
        partner=partner_chance(_PROFILE_ARRAYS["partner"], params.partner_odds),
        trust_scale=1 - params.area_risk_distrust * params.area_risk,
        spreads=_spreads(params),
    )
    _TERMS[:] = [terms]
    return terms


def _spreads(params: Parameters) -> tuple[float, ...]:
    """The spreads and bounds of traits on arrival that :func:`_settle` reads, in its order."""
    return (params.trust_spread, params.trust_floor, params.ownership_on_arrival,
            params.ownership_spread, params.ask_threshold_spread, params.arrival_frailty_max,
            params.second_relative_share)


@njit(cache=True)
def _settle(slots, groups, ages, frailty, week, draws, normal, sociability, lognormal, growth,
            trust_of, capacity_of, ask_shift_of, digital_of, nearby_of, partner_of, trust_scale,
            helper_hours, ask_threshold_mean, organiser_share, spreads, out_group, out_age,
            out_frailty, out_arrived_week, out_generation, out_sociability, out_trust,
            out_ownership, out_draagkracht, out_ask_threshold, out_digital, out_organiser,
            out_partner, out_partner_frailty, out_family):
    """Write each newcomer's group, age, frailty and traits (see :func:`settle`) into the rows.

    Per newcomer ``j`` (home ``slots[j]``, group ``groups[j]``): ``normal`` holds the normal
    quantiles of draws 1-4, ``sociability`` the Beta quantile of draw 0, ``lognormal``
    exp(``draagkracht_spread`` × the third normal) and ``growth`` exp((age −
    ``arrival_frail_age``) / ``frailty_age_scale``); the ``*_of`` arrays are the group profiles
    (``partner_of`` the chance to move in with a partner); ``spreads`` is :func:`_spreads`. The
    home counts one more resident, arrived this week.
    """
    (trust_spread, trust_floor, ownership_mean, ownership_spread, ask_spread, frailty_max,
     second_relative) = spreads
    for j in range(len(slots)):
        i = slots[j]
        g = groups[j]
        out_group[i] = g
        out_age[i] = ages[j]
        out_frailty[i] = frailty[j]
        out_arrived_week[i] = week
        out_generation[i] += 1
        out_sociability[i] = clip(sociability[j], 0.0, 1.0)
        out_trust[i] = clip(trust_of[g] * trust_scale + trust_spread * normal[j, 0],
                             trust_floor, 1.0)
        out_ownership[i] = clip(ownership_mean + ownership_spread * normal[j, 1], 0.0, 1.0)
        out_draagkracht[i] = capacity_of[g] * helper_hours * lognormal[j]
        out_ask_threshold[i] = clip(
            ask_threshold_mean + ask_shift_of[g] + ask_spread * normal[j, 3], 0.0, 1.0)
        out_digital[i] = draws[j, 5] < digital_of[g]
        out_organiser[i] = draws[j, 9] < organiser_share
        partner = draws[j, 6] < partner_of[g]
        out_partner[i] = partner
        out_partner_frailty[i] = (
            clip(growth[j] * draws[j, 7], 0.0, frailty_max) if partner else 0.0)
        nearby = nearby_of[g]
        out_family[i] = ((1 if draws[j, 8] < nearby else 0)
                         + (1 if draws[j, 8] < nearby * second_relative else 0))
