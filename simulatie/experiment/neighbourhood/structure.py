"""The model neighbourhood's own make-up: ages, households and groups, counted as CBS counts them.

Counted as the targets are (:mod:`.targets`): ages among the adults in the homes, each home's
resident and, where there is one, their partner (of the resident's age, ``docs/odd.md`` 5);
households per home: a home whose resident has no partner and is not a young family lives alone
(a family without a partner is a one-parent family, which CBS counts among households with
children); groups as shares of the homes.

Two ways to count, both from the model's own demography:

* :func:`expected_structure`, the **steady state** the neighbourhood is drawn from and keeps
  (``stationary_population`` in ``simulatie.core.rules.demography``), exactly, for any seed; it
  is cheap, so the parameters are searched on it;
* :func:`built_structure`, neighbourhoods **built** through their spin-up to week 0 (what a run
  starts from), pooled over a few seeds, to check that the search holds in the model itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from simulatie.core.lifecycle import spun_up
from simulatie.core.parameters import Parameters
from simulatie.core.rules.demography import stationary_population
from simulatie.core.state.groups import GROUP_PROFILES, Group, group_shares, partner_chance

__all__ = ["AGES", "SteadyState", "Structure", "built_structure", "expected_structure"]

AGES = (65, 75, 80)
"""The age thresholds reported (in years)."""

_PARTNER = np.array([GROUP_PROFILES[g].partner for g in Group])


@dataclass(frozen=True)
class Structure:
    """Ages, households and groups of a model neighbourhood (shares from 0 to 1).

    Attributes:
        age_65: Share of adults (residents and partners) aged 65+.
        age_75: Share aged 75+.
        age_80: Share aged 80+.
        alone: Share of homes whose resident lives alone.
        groups: Share of homes per group (:class:`~simulatie.core.state.groups.Group` names in
            lower case: ``"older"``, ``"family"``, ...).
        homes: Homes counted (0 for the steady state, which is exact).
        seeds: The seeds of the built neighbourhoods (empty for the steady state).
    """

    age_65: float
    age_75: float
    age_80: float
    alone: float
    groups: dict[str, float]
    homes: int = 0
    seeds: tuple[int, ...] = ()

    def age(self, years: int) -> float:
        """The share aged ``years`` (65, 75 or 80) or older."""
        return {65: self.age_65, 75: self.age_75, 80: self.age_80}[years]


class SteadyState:
    """The stationary residents of each group, ready to be mixed in any proportions.

    The person-time samples of ``stationary_population`` depend only on turnover and the frailty
    rate; group shares and ``partner_odds`` only weight them, so a search over those evaluates
    :meth:`structure` many times at the cost of a few sums.
    """

    def __init__(self, params: Parameters) -> None:
        table = stationary_population(params)
        self._weights = []
        self._ages = []
        self._partner_alive = []
        for g in Group:
            weight = np.diff(table.cumulative_weight[g], prepend=0.0)
            self._weights.append(weight / weight.sum())
            self._ages.append(table.age[g])
            self._partner_alive.append(table.partner_alive[g])

    def structure(self, shares: np.ndarray, partner_odds: float) -> Structure:
        """The steady state's make-up for these group shares (indexed by group) and odds."""
        chance = partner_chance(_PARTNER, partner_odds)
        persons = 0.0
        older = dict.fromkeys(AGES, 0.0)
        alone = 0.0
        for g in Group:
            weight = self._weights[g]
            couple = chance[g] * self._partner_alive[g]  # chance the home has a partner
            people = weight * (1.0 + couple)
            persons += shares[g] * people.sum()
            for years in AGES:
                older[years] += shares[g] * people[self._ages[g] >= years].sum()
            if g != Group.FAMILY:
                alone += shares[g] * (weight * (1.0 - couple)).sum()
        return Structure(age_65=older[65] / persons, age_75=older[75] / persons,
                         age_80=older[80] / persons, alone=float(alone),
                         groups={g.name.lower(): float(shares[g]) for g in Group})


@lru_cache(maxsize=8)
def _steady_state(turnover: float, frailty_rate: float) -> SteadyState:
    params = Parameters(turnover_per_year=turnover, frailty_rate=frailty_rate)
    return SteadyState(params)


def steady_state(params: Parameters) -> SteadyState:
    """The steady state for these parameters' turnover and frailty rate (cached)."""
    return _steady_state(params.turnover_per_year, params.frailty_rate)


def expected_structure(params: Parameters) -> Structure:
    """The make-up of the neighbourhood's steady state: what every seed is drawn from."""
    return steady_state(params).structure(group_shares(params), params.partner_odds)


def built_structure(params: Parameters, seeds: Sequence[int]) -> Structure:
    """The make-up of neighbourhoods built through their spin-up to week 0, pooled over seeds.

    Args:
        params: The scenario's parameters.
        seeds: The seeds to build (each spin-up is kept in the disk cache, so a later run of
            the same scenario and seed starts from it).

    Returns:
        Shares over all homes (and all adults) of all the built neighbourhoods.
    """
    persons = 0
    older = dict.fromkeys(AGES, 0)
    alone = 0
    homes = 0
    groups = np.zeros(len(Group))
    for seed in seeds:
        pop = spun_up(params, seed).population
        people = 1 + pop.partner.astype(np.int64)
        persons += int(people.sum())
        for years in AGES:
            older[years] += int(people[pop.age >= years].sum())
        alone += int((~pop.partner & (pop.group != Group.FAMILY)).sum())
        homes += pop.n
        groups += np.bincount(pop.group, minlength=len(Group))
    return Structure(age_65=older[65] / persons, age_75=older[75] / persons,
                     age_80=older[80] / persons, alone=alone / homes,
                     groups={g.name.lower(): float(groups[g] / homes) for g in Group},
                     homes=homes, seeds=tuple(seeds))
