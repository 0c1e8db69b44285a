"""Who a new resident is: traits drawn from their group's profile (``docs/odd.md`` 5.1).

When a home empties (or at the start of the spin-up) a resident settles in it with their group,
age and frailty, and traits drawn by transforming uniform draws, so that each newcomer's traits
come from a fixed number of draws of their own stream (:data:`TRAIT_DRAWS`). Every other state
starts fresh: no roles, no strain, no history (seed 000: newcomers start as strangers).
"""

from __future__ import annotations

import numpy as np
from numba import njit
from scipy.special import betaincinv, ndtri

from ..parameters import Parameters
from ..state.groups import GROUP_PROFILES, Group, partner_chance
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
    """
    if len(slots) == 0:
        return
    pop.group[slots] = groups
    pop.age[slots] = ages
    pop.frailty[slots] = frailty
    _draw_traits(pop, slots, groups, params, draws)
    pop.arrived_week[slots] = week
    pop.generation[slots] += 1
    pop.clear_rows(slots)


def _draw_traits(
    pop: Population, slots: np.ndarray, groups: np.ndarray, params: Parameters,
    draws: np.ndarray,
) -> None:
    """Draw the newcomers' traits from their group profiles (see :func:`settle`).

    The special functions and exponentials are scipy's and numpy's, here; the rest is
    :func:`_traits`.
    """
    normal = ndtri(draws[:, 1:5])
    soc = _PROFILE_ARRAYS["sociability"][groups]
    concentration = params.sociability_concentration
    sociability = betaincinv(concentration * soc + 0.5, concentration * (1 - soc) + 0.5,
                             draws[:, 0])
    lognormal = np.exp(params.draagkracht_spread * normal[:, 2])
    # arrival_frailty's exponential, for a partner as old as the resident
    partner_age = np.exp((pop.age[slots] - params.arrival_frail_age) / params.frailty_age_scale)
    _traits(
        np.asarray(slots, np.int64), np.asarray(groups, np.int64), draws, normal, sociability,
        lognormal, partner_age, _PROFILE_ARRAYS["trust"],
        _PROFILE_ARRAYS["capacity_factor"], _PROFILE_ARRAYS["ask_shift"],
        _PROFILE_ARRAYS["digital"], _PROFILE_ARRAYS["family_nearby"],
        partner_chance(_PROFILE_ARRAYS["partner"], params.partner_odds),
        1 - params.area_risk_distrust * params.area_risk, params.helper_capacity_hours,
        params.ask_threshold, params.organiser_share, _spreads(params), pop.sociability,
        pop.trust, pop.ownership, pop.draagkracht_on_arrival, pop.ask_threshold, pop.digital,
        pop.organiser, pop.partner, pop.partner_frailty, pop.family_helpers)


def _spreads(params: Parameters) -> tuple[float, ...]:
    """The spreads and bounds of traits on arrival that :func:`_traits` reads, in its order."""
    return (params.trust_spread, params.trust_floor, params.ownership_on_arrival,
            params.ownership_spread, params.ask_threshold_spread, params.arrival_frailty_max,
            params.second_relative_share)


@njit(cache=True, inline="always")
def _clip(x, low, high):
    """``x`` within ``[low, high]``, exactly as numpy's ``clip`` (NaN stays NaN)."""
    if x != x:
        return x
    x = x if x > low else low
    return x if x < high else high


@njit(cache=True)
def _traits(slots, groups, draws, normal, sociability, lognormal, partner_age, trust_of,
            capacity_of, ask_shift_of, digital_of, nearby_of, partner_of, trust_scale,
            helper_hours, ask_threshold_mean, organiser_share, spreads, out_sociability, out_trust,
            out_ownership, out_draagkracht, out_ask_threshold, out_digital, out_organiser,
            out_partner, out_partner_frailty, out_family):
    """Write each newcomer's traits (see :func:`settle`) into the population's arrays.

    Per newcomer ``j`` (home ``slots[j]``, group ``groups[j]``): ``normal`` holds the normal
    quantiles of draws 1-4, ``sociability`` the Beta quantile of draw 0, ``lognormal``
    exp(``draagkracht_spread`` × the third normal) and ``partner_age`` exp((age −
    ``arrival_frail_age``) / ``frailty_age_scale``); the ``*_of`` arrays are the group profiles
    (``partner_of`` the chance to move in with a partner); ``spreads`` is :func:`_spreads`.
    """
    (trust_spread, trust_floor, ownership_mean, ownership_spread, ask_spread, frailty_max,
     second_relative) = spreads
    for j in range(len(slots)):
        i = slots[j]
        g = groups[j]
        out_sociability[i] = _clip(sociability[j], 0.0, 1.0)
        out_trust[i] = _clip(trust_of[g] * trust_scale + trust_spread * normal[j, 0],
                             trust_floor, 1.0)
        out_ownership[i] = _clip(ownership_mean + ownership_spread * normal[j, 1], 0.0, 1.0)
        out_draagkracht[i] = capacity_of[g] * helper_hours * lognormal[j]
        out_ask_threshold[i] = _clip(
            ask_threshold_mean + ask_shift_of[g] + ask_spread * normal[j, 3], 0.0, 1.0)
        out_digital[i] = draws[j, 5] < digital_of[g]
        out_organiser[i] = draws[j, 9] < organiser_share
        partner = draws[j, 6] < partner_of[g]
        out_partner[i] = partner
        out_partner_frailty[i] = (
            _clip(partner_age[j] * draws[j, 7], 0.0, frailty_max) if partner else 0.0)
        nearby = nearby_of[g]
        out_family[i] = ((1 if draws[j, 8] < nearby else 0)
                         + (1 if draws[j, 8] < nearby * second_relative else 0))
