"""Care within the home and from family elsewhere: who gives most informal care.

``docs/odd.md`` 7.9. In the Netherlands most informal care is given by a partner in the home and
by children and other relatives living elsewhere; friends and neighbours each give a small part
(Egging, De Boer & Stevens 2011: 9% of carers of someone 55+ are neighbours). Two rules:

* **Household** (usual care, *gebruikelijke zorg*): a partner cares for the resident, and the
  resident for the partner, up to ``partner_care_hours`` a week, less as the carer grows frail
  (and nothing from a resident in burnout). This comes before formal care, as the Wmo's usual
  care does. The hours a resident spends on their partner are their own time: a moving average
  of them (``household_load``) is taken off what they can give to others
  (:mod:`.capacity`), so formal care for a partner frees a carer for the neighbourhood
  (respite).
* **Family elsewhere**: each relative within reach gives up to ``family_care_hours`` a week to
  what the household still needs after formal care, the resident's need first.
"""

from __future__ import annotations

import numpy as np

from ..parameters import Parameters
from ..state.population import Population

__all__ = ["HOUSEHOLD_LOAD_KEPT", "family_care", "household_care"]

HOUSEHOLD_LOAD_KEPT = 0.9  # weekly persistence of the time a carer spends on their partner


def household_care(pop: Population, params: Parameters, remaining: np.ndarray,
                   partner_remaining: np.ndarray) -> np.ndarray:
    """Partners care for each other within the home (usual care), before anyone else.

    Args:
        pop: The population (``household_load`` changes).
        params: The run's parameters.
        remaining: Each resident's need left (updated in place).
        partner_remaining: Each partner's need left (updated in place).

    Returns:
        Hours of care given within each home (both directions together).
    """
    ceiling = params.partner_care_hours
    from_partner = np.where(pop.partner, ceiling * (1.0 - pop.partner_frailty) ** 2, 0.0)
    able = pop.burnout_weeks == 0
    from_resident = np.where(pop.partner & able, ceiling * (1.0 - pop.frailty) ** 2, 0.0)
    to_resident = np.minimum(remaining, from_partner)
    to_partner = np.minimum(partner_remaining, from_resident)
    remaining -= to_resident
    partner_remaining -= to_partner
    pop.household_load *= HOUSEHOLD_LOAD_KEPT
    pop.household_load += (1.0 - HOUSEHOLD_LOAD_KEPT) * to_partner
    return to_resident + to_partner


def family_care(pop: Population, params: Parameters, remaining: np.ndarray,
                partner_remaining: np.ndarray, week: int) -> np.ndarray:
    """Relatives living elsewhere give what they can, the resident's need first.

    Args:
        pop: The population (``received_family`` and ``last_family_help_week`` change).
        params: The run's parameters.
        remaining: Each resident's need left (updated in place).
        partner_remaining: Each partner's need left (updated in place).
        week: The current week.

    Returns:
        Hours of care relatives gave to each home.
    """
    can_give = pop.family_helpers * params.family_care_hours
    to_resident = np.minimum(remaining, can_give)
    to_partner = np.minimum(partner_remaining, can_give - to_resident)
    remaining -= to_resident
    partner_remaining -= to_partner
    given = to_resident + to_partner
    pop.received_family = given
    pop.last_family_help_week[given > 0] = week
    return given
