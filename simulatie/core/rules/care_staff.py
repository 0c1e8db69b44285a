"""Care staff who notice and connect: formal care that builds community instead of replacing it.

``docs/odd.md`` 7.9, step 2. Home-care staff who visit a frail resident see more than the task:
whether anyone comes by (seed 000, Willem Klooslaan: "a signalling role because staff are always
there"; *signaleren en verbinden*). When a resident who got formal care this week has no close
tie in the neighbourhood, the staff introduce them to a near neighbour who has time to give,
with chance ``staff_connect_rate`` a week — but only as far as they have time for more than the
task: the chance is scaled by the share of indicated need formal care covers this week, so a
shortage of staff (less formal care) also means less noticing. An introduction is a first
meeting of ``INTRODUCTION_HOURS``; what it grows into is up to the ties' own rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .capacity import capacity
from .matching import INTRODUCTION_HOURS

if TYPE_CHECKING:
    from ..state.contacts import Contacts
    from ..state.neighbourhood import Neighbourhood

__all__ = ["connect_alone"]

ABLE_TO_HELP_HOURS = 1.0  # a neighbour with more than this to give is one the staff suggest


def connect_alone(nb: Neighbourhood, formal: np.ndarray, covered: float,
                  contacts: Contacts) -> None:
    """Staff introduce residents they cared for who have no close tie to a near neighbour.

    Args:
        nb: The neighbourhood.
        formal: Hours of formal care each home got this week.
        covered: The share of indicated need formal care covered this week (0..1): the staff's
            time beyond the task.
        contacts: This week's contacts; the introductions are added.
    """
    rate = nb.params.staff_connect_rate * covered
    if rate <= 0:
        return
    alone = np.flatnonzero((formal > 0) & (nb.views.friendly_counts == 0))
    if len(alone) == 0:
        return
    alone = alone[nb.streams.draws("care_staff").uniform(nb.week, alone) < rate]
    layout = nb.layout
    can_give = capacity(nb.population)
    a, b = [], []
    for home in alone.tolist():
        near = layout.neighbour_idx[layout.neighbour_ptr[home] : layout.neighbour_ptr[home + 1]]
        near = near[can_give[near] > ABLE_TO_HELP_HOURS]
        if len(near):
            a.append(home)
            b.append(int(near[np.argmax(can_give[near])]))
    if a:
        contacts.meet(np.array(a), np.array(b), INTRODUCTION_HOURS)
