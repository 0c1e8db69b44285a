"""What a resident can give this week (*draagkracht*): less when frail, nothing in burnout.

``docs/odd.md`` 7.4. A resident's hours to give are their draagkracht on arrival, times the
factor that engagement and overload move (:mod:`.engagement`), times (1 − frailty)², minus the
time they have lately spent caring for their partner (:mod:`.household`); a helper in burnout
gives nothing. Every rule that asks who can help reads this one function.
"""

from __future__ import annotations

import numpy as np

from ..state.population import Population

__all__ = ["capacity"]


def capacity(pop: Population, slots: np.ndarray | slice = slice(None)) -> np.ndarray:
    """Hours residents can give this week (*draagkracht*): less when frail, none in burnout.

    Args:
        pop: The population.
        slots: Which residents (default: all).
    """
    fit = 1 - pop.frailty[slots]
    cap = pop.draagkracht_on_arrival[slots] * pop.draagkracht_factor[slots] * fit * fit
    cap = np.maximum(0.0, cap - pop.household_load[slots])
    cap[pop.burnout_weeks[slots] > 0] = 0.0
    return cap
