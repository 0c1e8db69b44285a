"""Care within the home and from family elsewhere: who gives most informal care.

``docs/odd.md`` 7.9. In the Netherlands most informal care is given by a partner in the home and
by children and other relatives living elsewhere; friends and neighbours each give a small part
(Egging, De Boer & Stevens 2011: 9% of carers of someone 55+ are neighbours). Two rules:

* **Household** (usual care, *gebruikelijke zorg*): a partner cares for the resident, and the
  resident for the partner, up to ``partner_care_hours`` × (1 − the carer's frailty) to the
  power ``partner_care_power`` a week (and nothing from a resident in burnout). This comes
  before formal care, as the Wmo's usual care does. The hours a resident spends on their
  partner are their own time: a moving average of them (``household_load``) is taken off what
  they can give to others (:mod:`.capacity`), so formal care for a partner frees a carer for the
  neighbourhood (respite).
* **Family elsewhere**: each relative within reach gives up to ``family_care_hours`` a week to
  what the household still needs after formal care, the resident's need first.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..parameters import Parameters
from ..state.numeric import least
from ..state.population import Population

__all__ = ["family_care", "household_care"]


def household_care(pop: Population, params: Parameters, remaining: np.ndarray,
                   partner_remaining: np.ndarray) -> np.ndarray:
    """Partners care for each other within the home (usual care), before anyone else.

    The carer's moving average of the time spent on their partner keeps
    ``household_load_kept`` of itself each week.

    Writes: pop.household_load.

    Args:
        pop: The population (``household_load`` changes).
        params: The run's parameters.
        remaining: Each resident's need left (updated in place).
        partner_remaining: Each partner's need left (updated in place).

    Returns:
        Hours of care given within each home (both directions together).
    """
    return _household(pop.partner, pop.partner_frailty, pop.frailty, pop.burnout_weeks,
                      params.partner_care_hours, params.partner_care_power, remaining,
                      partner_remaining, pop.household_load, params.household_load_kept)


@njit(cache=True)
def _household(partner, partner_frailty, frailty, burnout_weeks, ceiling, power, remaining,
               partner_remaining, household_load, kept):
    """Usual care both ways within each home, and the carer's moving average of it.

    A partner gives up to ``ceiling`` × (1 − their frailty) ** ``power``, the resident the same
    with their own frailty unless in burnout. ``household_load`` keeps ``kept`` of itself and
    gains the rest from the hours given to the partner. ``remaining``, ``partner_remaining``
    and ``household_load`` change in place.

    Returns:
        Hours of care given within each home.
    """
    out = np.empty(len(partner))
    for i in range(len(partner)):
        from_partner = from_resident = 0.0
        if partner[i]:
            fit = 1.0 - partner_frailty[i]
            from_partner = ceiling * fit ** power
            if burnout_weeks[i] == 0:
                fit = 1.0 - frailty[i]
                from_resident = ceiling * fit ** power
        to_resident = least(remaining[i], from_partner)
        to_partner = least(partner_remaining[i], from_resident)
        remaining[i] -= to_resident
        partner_remaining[i] -= to_partner
        household_load[i] = household_load[i] * kept + (1.0 - kept) * to_partner
        out[i] = to_resident + to_partner
    return out



def family_care(pop: Population, params: Parameters, remaining: np.ndarray,
                partner_remaining: np.ndarray, week: int) -> np.ndarray:
    """Relatives living elsewhere give what they can, the resident's need first.

    Writes: pop.received_family, pop.last_family_help_week.

    Args:
        pop: The population (``received_family`` and ``last_family_help_week`` change).
        params: The run's parameters.
        remaining: Each resident's need left (updated in place).
        partner_remaining: Each partner's need left (updated in place).
        week: The current week.

    Returns:
        Hours of care relatives gave to each home.
    """
    given = _family(pop.family_helpers, params.family_care_hours, remaining, partner_remaining,
                    pop.last_family_help_week, week)
    pop.received_family = given
    return given


@njit(cache=True)
def _family(family_helpers, hours_each, remaining, partner_remaining, last_help_week, week):
    """Relatives give up to ``hours_each`` each, the resident's need first (needs in place).

    A home that relatives gave to has ``week`` as its ``last_help_week`` (in place).

    Returns:
        Hours of care relatives gave to each home.
    """
    out = np.empty(len(family_helpers))
    for i in range(len(family_helpers)):
        can_give = family_helpers[i] * hours_each
        to_resident = least(remaining[i], can_give)
        to_partner = least(partner_remaining[i], can_give - to_resident)
        remaining[i] -= to_resident
        partner_remaining[i] -= to_partner
        out[i] = to_resident + to_partner
        if out[i] > 0:
            last_help_week[i] = week
    return out
