"""One week of care: who asks whom, who gives, and what stays unmet.

Each resident's weekly need (*draaglast*) is met from a support budget spent in a declared order
(:data:`SPENDING_ORDER`, ``docs/odd.md`` 7.9):

1. **formal care**, for residents whose need stems from health (frail, LVB, psychiatric
   vulnerability), within a limited capacity (staff shortage, seed 001/002);
2. **professionals who do the work themselves** (``takeover``), for everyone in need
   (:func:`~.professionals.give_direct_care`);
3. the resident's **own ties**, if they dare to ask (*vraagverlegenheid*, Linders 2010). Asking
   is easier over stronger ties, with more trust, after having given to that person before and
   while waiting for formal care; it is harder while owing them (Gouldner 1960; seed 000: first
   give, then take). A helper may stretch beyond their capacity for someone close (informal
   carers, *mantelzorgers*), which builds strain and can end in burnout (:mod:`.asking`);
4. **volunteers**: help-seekers who come forward themselves (passive), or whom a professional
   seeks out and introduces to a volunteer (active); a volunteer helps when the request fits
   what they signed up for (:mod:`.matching`);
5. the rest is **unmet**.

Because formal care comes first, scarce formal care leaves more to ask of neighbours, and the
waiting it causes lowers the threshold to ask: a mechanism, not an order, decides whether less
government brings more community (myth 1). Every hour given is an hour received. This module
holds the order, the accounting and formal care; each later source has its own module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from ..state.care_week import CareWeek, Source
from ..state.groups import Group
from .asking import ask_own_network
from .capacity import capacity
from .matching import introduce_chosen, match_volunteers
from .professionals import give_direct_care

if TYPE_CHECKING:
    from ..state.contacts import Contacts
    from ..state.neighbourhood import Neighbourhood
    from ..state.support import Budget

__all__ = ["SPENDING_ORDER", "indicated", "provide_care"]

WAITING_KEPT_PER_WEEK = 0.9  # memory of waiting for formal care (about ten weeks)


_INDICATED_GROUP = np.isin(np.arange(len(Group)), (Group.LVB, Group.PSYCH))

SPENDING_ORDER = (Source.FORMAL, Source.PROFESSIONAL, Source.NETWORK, Source.VOLUNTEERS)
"""The order in which the week's support is spent on each resident's need."""


def indicated(frailty: np.ndarray, group: np.ndarray, threshold: float) -> np.ndarray:
    """Whether each resident's need stems from health: frail, or LVB or psychiatric vulnerability.

    Formal care serves only them; help given to them over one's own ties is informal *care* in
    the SCP's sense (help to someone with health problems), other help is neighbourly help.
    """
    return (frailty >= threshold) | _INDICATED_GROUP[group]


def provide_care(nb: Neighbourhood, budget: Budget, contacts: Contacts) -> CareWeek:
    """Meet this week's needs from each source in :data:`SPENDING_ORDER`.

    Args:
        nb: The neighbourhood; its population's ``need`` has been drawn for this week.
        budget: This week's professional hours (doing and matching hours are spent here).
        contacts: This week's contacts; help and the time it shares are added.

    Returns:
        The accounting for the week. The population's ``given`` and ``received`` are updated.
    """
    pop = nb.population
    params = nb.params
    received = np.zeros((pop.n, len(Source)))
    remaining = pop.need.copy()
    pop.indicated = indicated(pop.frailty, pop.group, params.formal_care_frailty)

    formal = received[:, Source.FORMAL]
    _formal_care(remaining, pop.indicated, params.formal_care_hours * pop.n, formal, pop.waiting)

    direct = give_direct_care(remaining, budget)
    received[:, Source.PROFESSIONAL] = direct
    remaining -= direct

    can_give = capacity(pop)
    ask_own_network(nb, remaining, can_give, received[:, Source.NETWORK], contacts)
    match_volunteers(nb, remaining, can_give, received[:, Source.VOLUNTEERS], budget, contacts)
    introduce_chosen(nb, can_give, budget, contacts)

    pop.received = received.sum(axis=1)
    pop.received_network = received[:, Source.NETWORK].copy()
    return CareWeek(need=pop.need.copy(), received=received, unmet=np.maximum(remaining, 0.0))


@njit(cache=True)
def _formal_care(remaining, eligible, hours, formal, waiting):
    """Formal care for eligible residents, pro rata to need, and the waiting they remember.

    Formal care's ``hours`` are shared over the eligible residents in proportion to their need
    (all of it when it suffices). A resident with an indicated need this week remembers the
    share of it left unserved (``waiting``, a moving average); others forget theirs. ``formal``
    receives the hours given, ``remaining`` loses them (both in place).
    """
    total = 0.0
    for i in range(len(remaining)):
        if eligible[i]:
            total += remaining[i]
    share = min(1.0, hours / total) if total > 0 and hours > 0 else 0.0
    kept = WAITING_KEPT_PER_WEEK
    for i in range(len(remaining)):
        need = remaining[i]
        given = need * share if eligible[i] else 0.0
        formal[i] = given
        remaining[i] = need - given
        if eligible[i] and need > 0:
            waiting[i] = kept * waiting[i] + (1 - kept) * (1.0 - given / need)
        elif not eligible[i]:
            waiting[i] *= kept
