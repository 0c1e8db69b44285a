"""What a resident can give this week (*draagkracht*): less when frail, nothing in burnout.

``docs/odd.md`` 7.4. A resident's hours to give are their draagkracht on arrival, times the
factor that engagement and overload move (:mod:`.engagement`), times (1 − frailty) to the power
``capacity_frailty_power`` (2), minus the
time they have lately spent caring for their partner (:mod:`.household`); a helper in burnout
gives nothing. Every rule that asks who can help reads this one function.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..parameters import Parameters
from ..state.population import Population

__all__ = ["capacity"]


def capacity(
    pop: Population, params: Parameters, slots: np.ndarray | slice = slice(None)
) -> np.ndarray:
    """Hours residents can give this week (*draagkracht*): less when frail, none in burnout.

    Args:
        pop: The population.
        params: The parameters in force (``capacity_frailty_power``).
        slots: Which residents (default: all): a slice, an array of homes or a mask.
    """
    power = params.capacity_frailty_power
    if isinstance(slots, slice):
        if slots == slice(None):
            return _capacity_all(pop.draagkracht_on_arrival, pop.draagkracht_factor,
                                 pop.frailty, pop.household_load, pop.burnout_weeks, power)
        slots = np.arange(pop.n)[slots]
    slots = np.asarray(slots)
    if slots.dtype == np.bool_:
        slots = np.flatnonzero(slots)
    return _capacity_of(slots.astype(np.int64, copy=False), pop.draagkracht_on_arrival,
                        pop.draagkracht_factor, pop.frailty, pop.household_load,
                        pop.burnout_weeks, power)


@njit(cache=True)
def _capacity_all(arrival, factor, frailty, household_load, burnout_weeks, power):
    """:func:`capacity` of every resident."""
    out = np.empty(len(arrival))
    for i in range(len(arrival)):
        out[i] = _hours(arrival[i], factor[i], frailty[i], household_load[i], burnout_weeks[i],
                        power)
    return out


@njit(cache=True)
def _capacity_of(slots, arrival, factor, frailty, household_load, burnout_weeks, power):
    """:func:`capacity` of the residents in ``slots``."""
    out = np.empty(len(slots))
    for j in range(len(slots)):
        i = slots[j]
        out[j] = _hours(arrival[i], factor[i], frailty[i], household_load[i], burnout_weeks[i],
                        power)
    return out


@njit(cache=True, inline="always")
def _hours(arrival, factor, frailty, household_load, burnout_weeks, power):
    """One resident's hours: arrival × factor × (1 − frailty)^power, less partner care, ≥ 0.

    ``power`` is an int: (1 − frailty) multiplies the hours that many times, one after another.
    """
    if burnout_weeks > 0:
        return 0.0
    fit = 1 - frailty
    hours = arrival * factor
    for _ in range(power):
        hours = hours * fit
    hours = hours - household_load
    return 0.0 if hours <= 0.0 else hours  # as numpy's maximum: NaN stays NaN
