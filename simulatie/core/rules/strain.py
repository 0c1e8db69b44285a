"""Strain, burnout and weeks of unmet need after the week's care (``docs/odd.md`` 7.4).

Strain is a moving average of a helper's hours given relative to their draagkracht; above 1 the
helper burns out and gives nothing for ``BURNOUT_WEEKS`` (overloaded informal carers withdraw).
The same step counts how many weeks in a row each resident's need stayed unmet, which the
care-home move of :mod:`.demography` reads.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..state.population import Population

__all__ = ["BURNOUT_WEEKS", "MIN_LOAD_HOURS", "STRAIN_KEPT_PER_WEEK", "update_strain"]

STRAIN_KEPT_PER_WEEK = 0.9  # weekly persistence of a helper's strain
BURNOUT_WEEKS = 26  # weeks without capacity after a burnout
# Load is hours given over draagkracht, with draagkracht counted as at least this: someone with
# almost no time to give is not overloaded by half an hour.
MIN_LOAD_HOURS = 0.5


def update_strain(pop: Population, unmet: np.ndarray,
                  favours: np.ndarray | None = None) -> np.ndarray:
    """Update strain, burnout and weeks of unmet need after the week's care.

    Args:
        pop: The population (``strain``, ``burnout_weeks`` and ``unmet_weeks`` change).
        unmet: Hours of need left unmet per resident this week.
        favours: Hours of ``unmet`` that were a favour, not care (not counted; none if not
            given).

    Returns:
        Homes of helpers who burnt out this week.
    """
    if favours is None:
        favours = np.zeros(len(unmet))
    return np.flatnonzero(_strain_week(
        pop.given, pop.draagkracht_on_arrival, pop.draagkracht_factor, unmet, favours,
        pop.strain, pop.burnout_weeks, pop.unmet_weeks))


@njit(cache=True)
def _strain_week(given, draagkracht, factor, unmet, favours, strain, burnout_weeks, unmet_weeks):
    """Strain, burnout and weeks of unmet need after the week's care (in place).

    Returns:
        Whether each resident burnt out this week.
    """
    burnt = np.zeros(len(given), np.bool_)
    for i in range(len(given)):
        load = given[i] / max(draagkracht[i] * factor[i], MIN_LOAD_HOURS)
        strain[i] = STRAIN_KEPT_PER_WEEK * strain[i] + (1 - STRAIN_KEPT_PER_WEEK) * load
        burnout_weeks[i] = max(burnout_weeks[i] - 1, 0)
        if strain[i] > 1.0 and burnout_weeks[i] == 0:
            burnout_weeks[i] = BURNOUT_WEEKS
            strain[i] = 0.0
            burnt[i] = True
        left = unmet[i] - favours[i]
        left = left if left >= 0.0 or left != left else 0.0  # numpy's maximum with 0
        unmet_weeks[i] = unmet_weeks[i] + 1 if left > 0.5 else 0
    return burnt
