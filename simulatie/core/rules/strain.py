"""Strain, burnout and weeks of unmet need after the week's care (``docs/odd.md`` 7.4).

Strain is a moving average of a helper's hours given relative to their draagkracht; above 1 the
helper burns out and gives nothing for ``burnout_weeks`` (overloaded informal carers withdraw).
The same step counts how many weeks in a row each resident's need stayed unmet, which the
care-home move of :mod:`.demography` reads.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..parameters import Parameters
from ..state.population import Population

__all__ = ["update_strain"]

# The sizes of these rules are declared parameters (group care: ``strain_kept_per_week``,
# ``burnout_weeks``, ``min_load_hours`` (load is hours given over draagkracht, with draagkracht
# counted as at least this: someone with almost no time to give is not overloaded by half an
# hour), ``unmet_week_hours``). A strain above 1 (a load above draagkracht on average) is a
# burnout by definition.


def update_strain(pop: Population, params: Parameters, unmet: np.ndarray,
                  favours: np.ndarray | None = None) -> np.ndarray:
    """Update strain, burnout and weeks of unmet need after the week's care.

    Args:
        pop: The population; reads ``given`` and draagkracht.
        params: The parameters in force (``strain_kept_per_week``, ``burnout_weeks``,
            ``min_load_hours``, ``unmet_week_hours``).
        unmet: Hours of need left unmet per resident this week.
        favours: Hours of ``unmet`` that were a favour, not care (not counted; none if not
            given).

    Writes: pop.strain, pop.burnout_weeks, pop.unmet_weeks.

    Returns:
        Homes of helpers who burnt out this week.
    """
    if favours is None:
        favours = np.zeros(len(unmet))
    return _strain_week(
        pop.given, pop.draagkracht_on_arrival, pop.draagkracht_factor, unmet, favours,
        pop.strain, pop.burnout_weeks, pop.unmet_weeks, float(params.strain_kept_per_week),
        int(params.burnout_weeks), float(params.min_load_hours),
        float(params.unmet_week_hours))


@njit(cache=True)
def _strain_week(given, draagkracht, factor, unmet, favours, strain, burnout_weeks, unmet_weeks,
                 kept, burnout_length, min_load_hours, unmet_hours):
    """Strain, burnout and weeks of unmet need after the week's care (in place).

    Strain keeps ``kept`` of itself and takes the rest from this week's load; a helper whose
    strain rises above 1 burns out for ``burnout_length`` weeks. A week with more than
    ``unmet_hours`` of unmet care (favours not counted) is a week of unmet need.

    Returns:
        The homes of the residents who burnt out this week, in order.
    """
    burnt = np.empty(len(given), np.int64)
    count = 0
    for i in range(len(given)):
        load = given[i] / max(draagkracht[i] * factor[i], min_load_hours)
        strain[i] = kept * strain[i] + (1 - kept) * load
        burnout_weeks[i] = max(burnout_weeks[i] - 1, 0)
        if strain[i] > 1.0 and burnout_weeks[i] == 0:
            burnout_weeks[i] = burnout_length
            strain[i] = 0.0
            burnt[count] = i
            count += 1
        left = unmet[i] - favours[i]
        left = left if left >= 0.0 or left != left else 0.0  # numpy's maximum with 0
        unmet_weeks[i] = unmet_weeks[i] + 1 if left > unmet_hours else 0
    return burnt[:count]
