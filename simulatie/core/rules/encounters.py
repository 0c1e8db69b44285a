"""Chance encounters between near neighbours: the doorstep chat.

Next-door neighbours meet most (Festinger, Schachter & Back 1950): each resident has a Poisson
number of encounters per week, proportional to ``neighbour_contacts_per_week`` and their
sociability, with a partner drawn from their street with a weight that falls with distance.
Risk and conflict keep doors and curtains shut (seed 000, Willem Klooslaan; seed 003 case 1).
The frail go out less. Across groups a chat bonds less (homophily).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numba import njit

if TYPE_CHECKING:
    from ..state.contacts import Contacts
    from ..state.neighbourhood import Neighbourhood

__all__ = ["FRAIL_OUTDOORS", "neighbour_encounters"]

FRAIL_OUTDOORS = 1.0  # share of doorstep encounters a fully frail resident no longer starts
RISK_SHUTS_DOORS = 0.6  # share of encounters that full area risk prevents
RISK_REFUSES = 0.5  # share of the rest that full area risk turns away


def neighbour_encounters(nb: Neighbourhood, contacts: Contacts) -> None:
    """Draw this week's doorstep chats and record them.

    Args:
        nb: The neighbourhood.
        contacts: This week's contacts, to which the chats are added.
    """
    p = nb.params
    pop = nb.population
    layout = nb.layout
    rng = nb.streams.encounters
    outdoors = 1.0 - FRAIL_OUTDOORS * pop.frailty
    rate = (p.neighbour_contacts_per_week * pop.sociability * outdoors
            * (1.0 - RISK_SHUTS_DOORS * p.area_risk))
    count = rng.poisson(rate)
    ptr = layout.neighbour_ptr
    count[ptr[1:] == ptr[:-1]] = 0  # a home without near neighbours has nobody to chat with
    total = int(count.sum())
    src, dst = _doorstep_chats(count, ptr, layout.neighbour_cumweight, layout.neighbour_idx,
                               rng.random(total), rng.random(total), pop.sociability,
                               1.0 - RISK_REFUSES * p.area_risk)
    same = pop.group[src] == pop.group[dst]
    contacts.meet(src, dst, p.chat_hours * np.where(same, 1.0, 1.0 - p.homophily))


@njit(cache=True)
def _doorstep_chats(count, ptr, cumweight, neighbour, u_pick, u_accept, sociability, open_door):
    """Each resident's encounters: a neighbour picked by weight, who stops to chat or not.

    Resident *i* meets ``count[i]`` neighbours, each drawn from *i*'s near neighbours with the
    distance weights of the layout; the neighbour chats with chance (0.5 + 0.5 × their
    sociability) × ``open_door``.

    Returns:
        ``(a, b)``: the pairs that chatted.
    """
    total = len(u_pick)
    a = np.empty(total, np.int64)
    b = np.empty(total, np.int64)
    k = out = 0
    for i in range(len(count)):
        lo, hi = ptr[i], ptr[i + 1]
        base = cumweight[lo - 1] if lo > 0 else 0.0
        span = cumweight[hi - 1] - base
        for _ in range(count[i]):
            target = base + u_pick[k] * span
            j = lo
            while j < hi - 1 and cumweight[j] <= target:
                j += 1
            other = neighbour[j]
            if u_accept[k] < (0.5 + 0.5 * sociability[other]) * open_door:
                a[out], b[out] = i, other
                out += 1
            k += 1
    return a[:out].copy(), b[:out].copy()
