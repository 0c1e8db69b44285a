"""Who talks to whom at a meeting, and how many shared hours each conversation adds.

At cosy gatherings people talk to those they already know and to people like them; at
purposeful activities task teams pair people regardless of ties (myth 7). Contacts across groups
add fewer shared hours (homophily; McPherson et al. 2001; Putnam 2007), unless a host brought
the two together: organisers who make the effort, and professionals with connecting hours,
introduce people of different groups to each other at the meeting (bridging, myth 4), and an
introduced pair talks as easily as two people of one group. Rules in ``docs/odd.md`` 7.7.5.
Kept apart from :mod:`.meetings`, which decides who comes, because choosing partners is its own
rule with its own compiled kernel. Every draw is keyed by the attendee or the activity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from .activities import activity_key

if TYPE_CHECKING:
    from ..state.neighbourhood import Neighbourhood
    from ..state.programme import Activity

__all__ = ["DRAWS_PER_ACTIVITY", "pick_conversations"]

DRAWS_PER_ACTIVITY = 16  # keyed draws a resident can make for one activity in one week ...
FIRST_CONVERSATION_DRAW = 5  # ... of which these, on, pick conversation partners
INTRODUCTIONS_PER_ORGANISER = 2.0  # pairs an organiser who bridges fully introduces a meeting
INTRODUCTIONS_PER_HOUR = 2.0  # pairs a professional introduces per connecting hour
FIRST_INTRODUCTION_DRAW = 100  # an activity's own keyed draws for introductions start here
STRANGER_WEIGHT = 0.05  # how likely one talks to a stranger (or outside one's task team) ...
# ... relative to someone one knows well (weight strength + this) or a team member (weight 1)


def pick_conversations(
    nb: Neighbourhood, activity: Activity, attendees: np.ndarray, connect_per_activity: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pick who talks to whom and how many shared hours each contact adds.

    Cosy gatherings: each attendee mostly talks to people they already know (weighted by tie
    strength) and to people like them. Purposeful activities: task teams of up to
    ``TEAM_SIZE`` members (a member keeps their team, :mod:`.teams`) work together, whoever
    they are, and a few conversations go beyond the team. Across groups a contact adds fewer
    shared hours (homophily), except between the pairs a host introduced (:func:`_introduced`).

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
    cross_factor = 1.0 - params.homophily
    if activity.purposeful:  # each member works in their own task team
        team_of = activity.team[attendees]
        hours = params.task_hours
    else:
        team_of = np.full(n, -1, dtype=np.int64)  # no teams: whom you know decides
        hours = params.cosy_hours
    stream = nb.streams.draws("meetings")
    first = activity.ident * DRAWS_PER_ACTIVITY + FIRST_CONVERSATION_DRAW
    draws = np.column_stack([stream.uniform(nb.week, attendees, first + k) for k in range(per)])
    partner, same = _partners(attendees, nb.population.group[attendees], team_of,
                              not activity.purposeful,
                              nb.ties.key, nb.ties.strength(), nb.population.n,
                              cross_factor, draws)
    a = np.repeat(attendees, per)
    b = attendees[partner.ravel()]
    shared = hours * np.where(same.ravel(), 1.0, cross_factor) / 2.0  # drawn from both sides
    x, y = _introduced(nb, activity, attendees, connect_per_activity)
    return (np.concatenate([a, x]), np.concatenate([b, y]),
            np.concatenate([shared, np.full(len(x), hours)]))


def _introduced(nb: Neighbourhood, activity: Activity, attendees: np.ndarray,
                connect_per_activity: float) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of different groups a host introduces to each other at this meeting.

    Their number is Poisson: ``bridging_effort`` × ``INTRODUCTIONS_PER_ORGANISER`` per
    organiser, plus ``INTRODUCTIONS_PER_HOUR`` per connecting hour of the professionals. Each
    introduction picks an attendee and an attendee of another group (none if all are of one).
    """
    group = nb.population.group[attendees]
    mean = (nb.params.bridging_effort * INTRODUCTIONS_PER_ORGANISER * len(activity.organisers)
            + INTRODUCTIONS_PER_HOUR * connect_per_activity)
    if mean <= 0 or len(np.unique(group)) < 2:
        return _NONE, _NONE
    stream = nb.streams.draws("meetings")
    key = activity_key(nb.programme, activity)
    first = FIRST_INTRODUCTION_DRAW
    count = stream.poisson(nb.week, key, mean, first)
    u = stream.series(nb.week, key, first + 1, 2 * count)
    x, y = [], []
    for m in range(count):
        i = min(int(u[2 * m] * len(attendees)), len(attendees) - 1)
        others = np.flatnonzero(group != group[i])
        j = others[min(int(u[2 * m + 1] * len(others)), len(others) - 1)]
        x.append(attendees[i])
        y.append(attendees[j])
    return np.array(x, dtype=np.int64), np.array(y, dtype=np.int64)


_NONE = np.zeros(0, dtype=np.int64)


@njit(cache=True)
def _partners(attendees, group, team_of, cosy, tie_key, strength, homes, cross_factor, draws):
    """Whom each attendee talks to at one meeting (``docs/odd.md`` 7.7.5).

    At a cosy gathering (``cosy``) attendee *i* picks partner *j* with weight
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
    for i in range(n):
        for j in range(i + 1, n):
            if cosy:
                lo, hi = min(attendees[i], attendees[j]), max(attendees[i], attendees[j])
                key = lo * homes + hi
                e = np.searchsorted(tie_key, key)
                known = strength[e] if e < len(tie_key) and tie_key[e] == key else 0.0
                w = (STRANGER_WEIGHT + known) * (1.0 if group[i] == group[j] else cross_factor)
            else:
                w = 1.0 if team_of[i] == team_of[j] else STRANGER_WEIGHT
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
