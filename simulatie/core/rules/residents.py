"""Who a new resident is: traits drawn from their group's profile (``docs/odd.md`` 5.1).

When a home empties (or at the start of the spin-up) a resident settles in it with their group,
age and frailty, and traits drawn by transforming uniform draws, so that each newcomer's traits
come from a fixed number of draws of their own stream (:data:`TRAIT_DRAWS`). Every other state
starts fresh: no roles, no strain, no history (seed 000: newcomers start as strangers).
"""

from __future__ import annotations

import numpy as np
from scipy.special import betaincinv, ndtri

from ..parameters import Parameters
from ..state.groups import GROUP_PROFILES, Group, partner_chance
from ..state.population import Population
from .lifecourse import arrival_frailty

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
    :data:`TRAIT_DRAWS` per resident): sociability ~ Beta around the group's mean, trust,
    ownership and the ask threshold ~ Normal around theirs, draagkracht ~ LogNormal(0, 0.5)
    times the group's share of ``helper_capacity_hours``; a share ``organiser_share`` would
    take on organising at all. The household: a partner moves in
    with the group's chance (its odds times ``partner_odds``), as frail as a newcomer of that
    age; relatives live within reach with the group's chance, two of them in half of those
    households (an assumption). Every other state starts fresh.

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
    """Draw the newcomers' traits from their group profiles (see :func:`settle`)."""
    prof = {name: values[groups] for name, values in _PROFILE_ARRAYS.items()}
    normal = ndtri(draws[:, 1:5])
    soc = prof["sociability"]
    pop.sociability[slots] = np.clip(
        betaincinv(4 * soc + 0.5, 4 * (1 - soc) + 0.5, draws[:, 0]), 0, 1)
    trust = prof["trust"] * (1 - 0.5 * params.area_risk)
    pop.trust[slots] = np.clip(trust + 0.1 * normal[:, 0], 0.05, 1)
    pop.ownership[slots] = np.clip(0.2 + 0.05 * normal[:, 1], 0, 1)
    pop.draagkracht_on_arrival[slots] = (
        prof["capacity_factor"] * params.helper_capacity_hours * np.exp(0.5 * normal[:, 2])
    )
    pop.ask_threshold[slots] = np.clip(
        params.ask_threshold + prof["ask_shift"] + 0.15 * normal[:, 3], 0, 1
    )
    pop.digital[slots] = draws[:, 5] < prof["digital"]
    pop.organiser[slots] = draws[:, 9] < params.organiser_share
    pop.partner[slots] = draws[:, 6] < partner_chance(prof["partner"], params.partner_odds)
    pop.partner_frailty[slots] = np.where(pop.partner[slots],
                                          arrival_frailty(pop.age[slots], draws[:, 7]), 0.0)
    nearby = prof["family_nearby"]
    pop.family_helpers[slots] = (draws[:, 8] < nearby).astype(np.int64) + (draws[:, 8] < nearby / 2)
