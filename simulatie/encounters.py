"""Chance encounters between near neighbours.

Next-door neighbours meet most (Festinger, Schachter & Back 1950): each resident has a Poisson
number of encounters per week, proportional to ``neighbour_contacts_per_week`` and their
sociability, with a partner drawn from their street with a weight that falls with distance.
Risk and conflict keep doors and curtains shut (seed 000, Willem Klooslaan; seed 003 case 1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .model import CaringCommunity

__all__ = ["neighbour_encounters"]

CHAT_HOURS = 0.5  # shared hours of a chat on the doorstep
FRAIL_OUTDOORS = 1.0  # share of doorstep encounters a fully frail resident no longer starts


def neighbour_encounters(model: CaringCommunity) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw this week's doorstep encounters.

    Args:
        model: The model.

    Returns:
        Arrays ``(a, b, hours)`` of the encounters that became a conversation.
    """
    p = model.params
    pop = model.population
    layout = model.layout
    rng = model.streams.encounters
    outdoors = 1.0 - FRAIL_OUTDOORS * pop.frailty  # the frail go out less (mobility)
    rate = p.neighbour_contacts_per_week * pop.sociability * outdoors * (1.0 - 0.6 * p.area_risk)
    count = rng.poisson(rate)
    src = np.repeat(np.arange(pop.n), count)
    ptr, cum = layout.neighbour_ptr, layout.neighbour_cumweight
    has = ptr[src + 1] > ptr[src]
    src = src[has]
    lo = np.where(ptr[src] > 0, cum[np.maximum(ptr[src] - 1, 0)], 0.0)
    hi = cum[ptr[src + 1] - 1]
    pick = np.searchsorted(cum, lo + rng.random(len(src)) * (hi - lo), side="right")
    pick = np.clip(pick, ptr[src], ptr[src + 1] - 1)
    dst = layout.neighbour_idx[pick]
    accept = rng.random(len(src)) < (0.5 + 0.5 * pop.sociability[dst]) * (1 - 0.5 * p.area_risk)
    src, dst = src[accept], dst[accept]
    same = pop.group[src] == pop.group[dst]
    hours = CHAT_HOURS * np.where(same, 1.0, 1.0 - p.homophily)
    return src, dst, hours
