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

from ..state.keyed import keyed_poisson, keyed_uniform
from .activities import activity_key

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.keyed import KeyedStream
    from ..state.population import Population
    from ..state.programme import Activity, ActivityProgramme
    from ..state.ties import TieNetwork

__all__ = ["DRAWS_PER_ACTIVITY", "pick_conversations"]

DRAWS_PER_ACTIVITY = 16  # keyed draws a resident can make for one activity in one week ...
FIRST_CONVERSATION_DRAW = 5  # ... of which these, on, pick conversation partners
FIRST_INTRODUCTION_DRAW = 100  # an activity's own keyed draws for introductions start here
# How many pairs hosts introduce and how likely one talks to a stranger are declared parameters
# (group meetings: ``introductions_per_organiser``, ``introductions_per_hour``,
# ``stranger_weight``: relative to someone one knows well (weight strength + this) or a team
# member (weight 1)).


def pick_conversations(
    pop: Population, ties: TieNetwork, programme: ActivityProgramme, params: Parameters,
    week: int, draws: KeyedStream, activity: Activity, attendees: np.ndarray,
    connect_per_activity: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pick who talks to whom and how many shared hours each contact adds.

    Cosy gatherings: each attendee mostly talks to people they already know (weighted by tie
    strength) and to people like them. Purposeful activities: task teams of up to
    ``task_team_size`` members (a member keeps their team, :mod:`.teams`) work together, whoever
    they are, and a few conversations go beyond the team. Across groups a contact adds fewer
    shared hours (homophily), except between the pairs a host introduced (:func:`_introduced`).

    Args:
        pop: The population (its groups).
        ties: The tie network (who knows whom, how well).
        programme: The activities (the activity's own key).
        params: The parameters in force.
        week: This week.
        draws: The keyed ``meetings`` stream.
        activity: The activity that meets.
        attendees: Who attends, in increasing order.
        connect_per_activity: Professionals' connecting hours per running activity (they
            bridge between groups).

    Returns:
        ``(a, b, shared)``: both sides of every conversation and the shared hours it adds.
        Writes nothing: the caller records them as the week's contacts.
    """
    hours = params.task_hours if activity.purposeful else params.cosy_hours
    mean = (params.bridging_effort * params.introductions_per_organiser
            * len(activity.organisers) + params.introductions_per_hour * connect_per_activity)
    return _conversations(
        attendees, pop.group, activity.team, not activity.purposeful, ties.key,
        ties.hours, float(ties.friendly_hours), pop.n, 1.0 - params.homophily,
        float(hours), draws.key, week,
        activity.ident * DRAWS_PER_ACTIVITY + FIRST_CONVERSATION_DRAW,
        params.conversations_per_meeting, activity_key(programme, activity), float(mean),
        float(params.stranger_weight))


@njit(cache=True)
def _conversations(attendees, group_of, team_of, cosy, tie_key, tie_hours, friendly_hours, homes,
                   cross_factor, hours, key, week, first, per, own_key, mean, stranger_weight):
    """Both sides and the shared hours of every conversation at one meeting (``docs/odd.md`` 7.7.5).

    Each attendee makes ``per`` keyed draws (``first`` on) that pick partners
    (:func:`_partners`); each such contact adds half of ``hours`` (times ``cross_factor``
    across groups), as both sides draw. Then the pairs a host introduces (:func:`_introduced`)
    add the whole of ``hours``.

    Args:
        attendees: Who attends, in increasing order.
        group_of: Every resident's group.
        team_of: Every home's task team in this activity.
        cosy: Whether the activity is a cosy gathering (else purposeful: task teams pair).
        tie_key: The sorted pair keys of the tie network.
        tie_hours: The shared hours of each tie.
        friendly_hours: The ties' ``friendly_hours`` (strength is hours over hours plus this).
        homes: The number of homes (the pair key's base).
        cross_factor: One minus homophily.
        hours: The shared hours of a conversation.
        key: The meetings stream's key.
        week: This week.
        first: The attendees' first draw for conversations.
        per: Conversations each attendee starts.
        own_key: The activity's own key (:func:`.activities.activity_key`).
        mean: The mean number of introductions.
        stranger_weight: The ``stranger_weight`` of a stranger as a partner.

    Returns:
        ``(a, b, shared)``: both sides of every conversation and the shared hours it adds.
    """
    n = len(attendees)
    group = np.empty(n, np.int64)
    team = np.empty(n, np.int64)
    draws = np.empty((n, per))
    for i in range(n):
        group[i] = group_of[attendees[i]]
        team[i] = -1 if cosy else team_of[attendees[i]]
        for k in range(per):
            draws[i, k] = keyed_uniform(key, week, attendees[i], first + k)
    partner, same = _partners(attendees, group, team, cosy, tie_key, tie_hours, friendly_hours,
                              homes, cross_factor, draws, stranger_weight)
    x, y = _introduced(attendees, group, key, week, own_key, mean)
    m = n * per
    a = np.empty(m + len(x), np.int64)
    b = np.empty(m + len(x), np.int64)
    shared = np.empty(m + len(x))
    for i in range(n):
        for k in range(per):
            a[i * per + k] = attendees[i]
            b[i * per + k] = attendees[partner[i, k]]
            shared[i * per + k] = hours * (1.0 if same[i, k] else cross_factor) / 2.0
    for t in range(len(x)):
        a[m + t] = x[t]
        b[m + t] = y[t]
        shared[m + t] = hours
    return a, b, shared


@njit(cache=True)
def _introduced(attendees, group, key, week, own_key, mean):
    """The pairs of different groups a host introduces to each other at this meeting.

    Their number is Poisson of ``mean``: ``bridging_effort`` × ``introductions_per_organiser``
    per organiser, plus ``introductions_per_hour`` per connecting hour of the professionals
    (the activity's own draw :data:`FIRST_INTRODUCTION_DRAW`). Each introduction picks an
    attendee and an attendee of another group (none if all are of one), by the activity's next
    draws.
    """
    n = len(attendees)
    mixed = False
    for i in range(1, n):
        if group[i] != group[0]:
            mixed = True
            break
    if mean <= 0 or not mixed:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    first = FIRST_INTRODUCTION_DRAW
    count = keyed_poisson(key, week, own_key, mean, first)
    x = np.empty(count, np.int64)
    y = np.empty(count, np.int64)
    for m in range(count):
        i = min(int(keyed_uniform(key, week, own_key, first + 1 + 2 * m) * n), n - 1)
        others = 0
        for j in range(n):
            if group[j] != group[i]:
                others += 1
        pick = min(int(keyed_uniform(key, week, own_key, first + 2 + 2 * m) * others),
                   others - 1)
        j = 0
        while True:
            if group[j] != group[i]:
                if pick == 0:
                    break
                pick -= 1
            j += 1
        x[m] = attendees[i]
        y[m] = attendees[j]
    return x, y


@njit(cache=True)
def _partners(attendees, group, team, cosy, tie_key, tie_hours, friendly_hours, homes,
              cross_factor, draws, stranger_weight):
    """Whom each attendee talks to at one meeting (``docs/odd.md`` 7.7.5).

    At a cosy gathering (``cosy``) attendee *i* picks partner *j* with weight
    (``stranger_weight`` + strength of their tie) × (1, or ``cross_factor`` across groups):
    people talk to whom they know and to people like them. At a purposeful activity the weight is
    1 within one's task team and ``stranger_weight`` outside it, whoever the others are. Each of
    an attendee's draws picks one partner by the cumulative weights.

    ``attendees`` must be in increasing order.

    Returns:
        The partner's position among the attendees per draw, and whether the pair is of one
        group, both of shape ``draws.shape``.
    """
    n = len(attendees)
    per = draws.shape[1]
    weight = np.zeros((n, n))
    edges = len(tie_key)
    for i in range(n - 1):
        # attendees increase, so the keys of i's pairs (i, j > i) increase with j: one search
        # finds the first, and the tie keys are walked along with them
        e = np.searchsorted(tie_key, attendees[i] * homes + attendees[i + 1]) if cosy else 0
        for j in range(i + 1, n):
            if cosy:
                key = attendees[i] * homes + attendees[j]
                while e < edges and tie_key[e] < key:
                    e += 1
                known = 0.0
                if e < edges and tie_key[e] == key:
                    known = tie_hours[e] / (tie_hours[e] + friendly_hours)
                w = (stranger_weight + known) * (1.0 if group[i] == group[j] else cross_factor)
            else:
                w = 1.0 if team[i] == team[j] else stranger_weight
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
