"""Who talks to whom at a meeting, and how many shared hours each conversation adds.

At cosy gatherings people talk to those they already know and to people like them; at
purposeful activities task teams pair people regardless of ties (myth 7). Contacts across groups
add fewer shared hours unless someone bridges (myth 4; McPherson et al. 2001; Putnam 2007).
Rules in ``docs/odd.md`` 7.7.5. Kept apart from :mod:`.activities`, which decides who organises
and who comes, because choosing partners is its own rule with its own compiled kernel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numba import njit

if TYPE_CHECKING:
    from ..state.neighbourhood import Neighbourhood
    from ..state.programme import Activity

__all__ = ["TEAM_SIZE", "pick_conversations"]

TEAM_SIZE = 4  # people working together on one task at a purposeful activity


def pick_conversations(
    nb: Neighbourhood, activity: Activity, attendees: np.ndarray, connect_per_activity: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pick who talks to whom and how many shared hours each contact adds.

    Cosy gatherings: each attendee mostly talks to people they already know (weighted by tie
    strength) and to people like them. Purposeful activities: task teams of about
    ``TEAM_SIZE`` members (a member keeps a team while the group keeps its size) work
    together, whoever they are, and a few conversations go beyond the team. Across groups a
    contact adds fewer shared hours (homophily) unless bridging effort closes the gap.

    Args:
        nb: The neighbourhood.
        activity: The activity that meets.
        attendees: Who attends, in increasing order.
        connect_per_activity: Professionals' connecting hours per running activity (they
            bridge between groups).

    Returns:
        ``(a, b, shared)``: both sides of every conversation and the shared hours it adds.
    """
    params = nb.params
    n = len(attendees)
    per = params.conversations_per_meeting
    bridging = min(1.0, params.bridging_effort + connect_per_activity / 4.0)
    cross_factor = 1.0 - params.homophily * (1.0 - bridging)
    if activity.purposeful:  # each member keeps a team while the group keeps its size
        teams = max(1, round(int(activity.members.sum()) / TEAM_SIZE))
        team_of = ((attendees * 2654435761 + activity.salt) % 4093) % teams
        hours = params.task_hours
    else:
        team_of = np.full(n, -1, dtype=np.int64)  # no teams: whom you know decides
        hours = params.cosy_hours
    draws = nb.streams.activities.random((n, per))
    partner, same = _partners(attendees, nb.population.group[attendees], team_of,
                              nb.ties.key, nb.ties.strength(), nb.population.n,
                              cross_factor, draws)
    a = np.repeat(attendees, per)
    b = attendees[partner.ravel()]
    shared = hours * np.where(same.ravel(), 1.0, cross_factor)
    return a, b, shared / 2.0  # each conversation is drawn from both sides


@njit(cache=True)
def _partners(attendees, group, team_of, tie_key, strength, homes, cross_factor, draws):
    """Whom each attendee talks to at one meeting (``docs/odd.md`` 7.7.5).

    At a cosy gathering (``team_of`` all -1) attendee *i* picks partner *j* with weight
    (0.05 + strength of their tie) × (1, or ``cross_factor`` across groups): people talk to whom
    they know and to people like them. At a purposeful activity the weight is 1 within one's task
    team and 0.05 outside it, whoever the others are. Each of an attendee's draws picks one
    partner by the cumulative weights.

    Returns:
        The partner's position among the attendees per draw, and whether the pair is of one
        group, both of shape ``draws.shape``.
    """
    n = len(attendees)
    per = draws.shape[1]
    weight = np.zeros((n, n))
    cosy = team_of[0] < 0
    for i in range(n):
        for j in range(i + 1, n):
            if cosy:
                lo, hi = min(attendees[i], attendees[j]), max(attendees[i], attendees[j])
                key = lo * homes + hi
                e = np.searchsorted(tie_key, key)
                known = strength[e] if e < len(tie_key) and tie_key[e] == key else 0.0
                w = (0.05 + known) * (1.0 if group[i] == group[j] else cross_factor)
            else:
                w = 1.0 if team_of[i] == team_of[j] else 0.05
            weight[i, j] = w
            weight[j, i] = w
    partner = np.zeros((n, per), np.int64)
    same = np.zeros((n, per), np.bool_)
    for i in range(n):
        total = weight[i].sum()
        for k in range(per):
            if total <= 0.0:  # nobody here is worth talking to (full homophily)
                partner[i, k] = i
                same[i, k] = True
                continue
            target = draws[i, k] * total
            cumulative = 0.0
            j = 0
            while j < n - 1:
                cumulative += weight[i, j]
                if cumulative > target:
                    break
                j += 1
            partner[i, k] = j
            same[i, k] = group[i] == group[j]
    return partner, same
