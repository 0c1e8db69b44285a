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

if TYPE_CHECKING:
    from .contacts import Contacts
    from .state import Neighbourhood

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
    src = np.repeat(np.arange(pop.n), count)
    ptr, cum = layout.neighbour_ptr, layout.neighbour_cumweight
    src = src[ptr[src + 1] > ptr[src]]
    lo = np.where(ptr[src] > 0, cum[np.maximum(ptr[src] - 1, 0)], 0.0)
    hi = cum[ptr[src + 1] - 1]
    pick = np.searchsorted(cum, lo + rng.random(len(src)) * (hi - lo), side="right")
    pick = np.clip(pick, ptr[src], ptr[src + 1] - 1)
    dst = layout.neighbour_idx[pick]
    accept = rng.random(len(src)) < ((0.5 + 0.5 * pop.sociability[dst])
                                     * (1 - RISK_REFUSES * p.area_risk))
    src, dst = src[accept], dst[accept]
    same = pop.group[src] == pop.group[dst]
    contacts.meet(src, dst, p.chat_hours * np.where(same, 1.0, 1.0 - p.homophily))
