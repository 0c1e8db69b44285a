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

from ..state.keyed import keyed_poisson, keyed_uniform

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.contacts import Contacts
    from ..state.keyed import KeyedStream
    from ..state.layout import Layout
    from ..state.population import Population

__all__ = ["neighbour_encounters"]

# The sizes of these encounters are declared parameters (group ties: ``frail_outdoors``,
# ``risk_shuts_doors``, ``risk_refuses_chats``, ``chat_base``).


def neighbour_encounters(pop: Population, layout: Layout, params: Parameters,
                         draws: KeyedStream, week: int, contacts: Contacts) -> None:
    """Draw this week's doorstep chats and record them.

    Every draw is keyed by the resident who goes out and the week (``docs/odd.md`` 4.9), so a
    resident's chats do not depend on how many chats others had.

    Writes: contacts (the chats).

    Args:
        pop: The population (frailty, sociability and group are read).
        layout: The homes' near neighbours and their distance weights.
        params: The run's parameters.
        draws: The keyed stream of encounters.
        week: The current week.
        contacts: This week's contacts, to which the chats are added.
    """
    src, dst, hours = _doorstep_chats(
        float(params.neighbour_contacts_per_week), pop.frailty,
        float(1.0 - params.risk_shuts_doors * params.area_risk),
        layout.neighbour_ptr, layout.neighbour_cumweight, layout.neighbour_idx, pop.sociability,
        1.0 - params.risk_refuses_chats * params.area_risk, draws.key, week,
        pop.group, float(params.chat_hours), float(1.0 - params.homophily),
        float(params.frail_outdoors), float(params.chat_base))
    contacts.meet(src, dst, hours)


@njit(cache=True)
def _doorstep_chats(contacts_per_week, frailty, doors_open, ptr, cumweight, neighbour,
                    sociability, open_door, stream, week, group, chat_hours, cross_factor,
                    frail_outdoors, chat_base):
    """Each resident's encounters: a neighbour picked by weight, who stops to chat or not.

    Resident *i* goes out to meet a Poisson number of near neighbours (none without near
    neighbours), of mean ``contacts_per_week`` × sociability × (1 − ``frail_outdoors`` ×
    frailty) × ``doors_open`` (what area risk leaves), each drawn with the distance weights of
    the layout; the neighbour chats with chance (``chat_base`` + (1 − ``chat_base``) × their
    sociability) × ``open_door``. Resident *i*'s draws in a week are keyed draws 0 (how many),
    2j + 1 (whom) and 2j + 2 (whether they chat) of encounter j.

    Returns:
        ``(a, b, hours)``: the pairs that chatted and the hours each chat shared
        (``chat_hours``, times ``cross_factor`` across groups).
    """
    n = len(frailty)
    count = np.zeros(n, np.int64)
    for i in range(n):
        if ptr[i + 1] > ptr[i]:
            outdoors = 1.0 - frail_outdoors * frailty[i]
            rate = contacts_per_week * sociability[i] * outdoors * doors_open
            count[i] = keyed_poisson(stream, week, i, rate, 0)
    total = count.sum()
    a = np.empty(total, np.int64)
    b = np.empty(total, np.int64)
    out = 0
    for i in range(n):
        lo, hi = ptr[i], ptr[i + 1]
        base = cumweight[lo - 1] if lo > 0 else 0.0
        span = cumweight[hi - 1] - base if hi > lo else 0.0
        for j in range(count[i]):
            target = base + keyed_uniform(stream, week, i, 2 * j + 1) * span
            m = lo
            while m < hi - 1 and cumweight[m] <= target:
                m += 1
            other = neighbour[m]
            chats = (chat_base + (1 - chat_base) * sociability[other]) * open_door
            if keyed_uniform(stream, week, i, 2 * j + 2) < chats:
                a[out], b[out] = i, other
                out += 1
    hours = np.empty(out)
    for k in range(out):
        hours[k] = chat_hours * (1.0 if group[a[k]] == group[b[k]] else cross_factor)
    return a[:out].copy(), b[:out].copy(), hours
