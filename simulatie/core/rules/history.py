"""What residents remember of the week for the survey measures (``docs/odd.md`` 4.10).

After a week each resident's helping history moves on: a bit per week of helping over their own
ties, a bit per week in which neighbours or volunteers met some of the home's health-related
need, and the last week they gave informal care, were asked, were helped, or held a role. The
survey metrics (:mod:`simulatie.core.observe.metrics_surveys`) read these, as a survey asks
about "the past month" or "the past twelve months".
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..state.population import Population

__all__ = ["record_history"]


def record_history(pop: Population, week: int) -> None:
    """Remember who helped over their own ties, who was asked, and who held a role.

    Args:
        pop: The population (its history arrays change).
        week: The week that ended.
    """
    _record_history(week, pop.given_network, pop.given_informal, pop.asked,
                    pop.received_network, pop.is_volunteer, pop.is_initiator,
                    pop.neighbourhood_care, pop.help_history, pop.care_history,
                    pop.last_network_help_week, pop.last_informal_week, pop.last_asked_week,
                    pop.last_helped_week, pop.last_volunteer_week)


@njit(cache=True)
def _record_history(week, given_network, given_informal, asked, received_network, volunteer,
                    initiator, neighbourhood_care, help_history, care_history, last_help,
                    last_informal, last_asked, last_helped, last_role):
    """Shift the helping and care histories one week and stamp this week's events (in place)."""
    for i in range(len(given_network)):
        helped = given_network[i] > 0
        help_history[i] = (help_history[i] << np.uint32(1)) | np.uint32(helped)
        care_history[i] = (care_history[i] << np.uint64(1)) | np.uint64(neighbourhood_care[i])
        if helped:
            last_help[i] = week
        if given_informal[i] > 0:
            last_informal[i] = week
        if asked[i]:
            last_asked[i] = week
        if received_network[i] > 0:
            last_helped[i] = week
        if volunteer[i] or initiator[i]:
            last_role[i] = week
